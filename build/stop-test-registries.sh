#!/usr/bin/env bash
# Stops the registries build/start-test-registries.sh started (token auth on :5055, TLS on :5056). Never fails
# when nothing runs. stop-test-daemon.sh runs this too.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${DOCKERAPIGEN_TEST_STATE:-$repo/.test-daemon}"
[ -d "$STATE" ] || exit 0
for name in registry-token registry-tls; do
  file="$STATE/$name.pid"
  [ -f "$file" ] || continue
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$file"
done
exit 0
