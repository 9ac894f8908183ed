#!/usr/bin/env bash
# Stops what build/start-test-daemon.sh started (registries, dockerd and its containerd), and unmounts
# anything left mounted under the state folder. Never fails when nothing runs.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${DOCKERAPIGEN_TEST_STATE:-$repo/.test-daemon}"
[ -d "$STATE" ] || exit 0

stop_pid_file() {
  local file=$1 name=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "[test-daemon] $name did not stop in 20 s; killing it"
      kill -9 "$pid" 2>/dev/null
    fi
  fi
  rm -f "$file"
}

DOCKERAPIGEN_TEST_STATE="$STATE" bash "$repo/build/stop-test-registries.sh"
stop_pid_file "$STATE/registry.pid" registry
stop_pid_file "$STATE/docker.pid" dockerd
# A managed containerd outlives a killed dockerd; it keeps its pid beside the exec root.
for file in "$STATE"/exec/containerd/containerd.pid "$STATE"/exec/*/containerd.pid; do
  [ -f "$file" ] && stop_pid_file "$file" containerd
done
grep -F " $STATE/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null
exit 0
