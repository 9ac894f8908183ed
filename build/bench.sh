#!/usr/bin/env bash
# Runs every benchmark of benchmarks/DockerApiGen.Benchmarks and prints the compact table of ratios against
# issue 3's targets (the program's --summary mode), with the machine's load before and after; then the
# paired timing of the three clients (--paired), whose time ratios hold while others use the machine.
#
# The real-daemon benchmarks use $DOCKER_HOST (else .test-daemon/env of this checkout, from
# build/start-test-daemon.sh). The daemon's container list should hold about 24 containers, as the
# replay server's does: missing ones are created (labelled dockerapigen.bench, from the test image,
# never started) and removed again at the end. Without a daemon those benchmarks are skipped.
#
# Further arguments go to BenchmarkDotNet, e.g. --artifacts DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

WANTED_CONTAINERS=24
IMAGE=dockerapigen/busybox:latest

if [ -z "${DOCKER_HOST:-}" ] && [ -f .test-daemon/env ]; then
  # shellcheck disable=SC1091
  source .test-daemon/env
fi

created=()
remove_created() {
  [ ${#created[@]} -eq 0 ] && return
  for id in "${created[@]}"; do
    curl -sS --unix-socket "$SOCK" -X DELETE "http://docker/v1.41/containers/$id?force=1" >/dev/null || true
  done
  echo "Removed the ${#created[@]} containers this run created."
}

if [[ "${DOCKER_HOST:-}" == unix://* ]] && [ -S "${DOCKER_HOST#unix://}" ]; then
  SOCK="${DOCKER_HOST#unix://}"
  export DOCKER_HOST
  api() { curl -sS --fail --unix-socket "$SOCK" "$@"; }
  have=$(api "http://docker/v1.41/containers/json?all=1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  if [ "$have" -lt "$WANTED_CONTAINERS" ]; then
    if ! api "http://docker/v1.41/images/$IMAGE/json" >/dev/null 2>&1; then
      echo "The daemon lacks $IMAGE (build/start-test-daemon.sh imports it): listing its $have containers as they are."
    else
      trap remove_created EXIT
      for _ in $(seq "$have" $((WANTED_CONTAINERS - 1))); do
        id=$(api -X POST -H 'Content-Type: application/json' "http://docker/v1.41/containers/create" \
          -d "{\"Image\":\"$IMAGE\",\"Cmd\":[\"true\"],\"Labels\":{\"dockerapigen.bench\":\"1\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}" |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["Id"])')
        created+=("$id")
      done
      echo "Created ${#created[@]} containers (the daemon had $have)."
    fi
  fi
else
  echo "No daemon at DOCKER_HOST='${DOCKER_HOST:-}': the real-daemon benchmarks will be skipped."
fi

echo "Before: $(uptime)"
dotnet build benchmarks/DockerApiGen.Benchmarks -c Release -nologo -v quiet
status=0
dotnet run -c Release --no-build --project benchmarks/DockerApiGen.Benchmarks -- --summary "$@" || status=$?
echo
dotnet run -c Release --no-build --project benchmarks/DockerApiGen.Benchmarks -- --paired || status=$?
echo "After: $(uptime)"
exit "$status"
