#!/usr/bin/env bash
# The test command (README, CI): builds the whole solution (warnings are errors), runs every test
# project, and prints "N passed, N failed, N skipped" as its last line. Exit code: 0 only when the
# build succeeded and no test failed.
#
# Engine specs are read from $DOCKERAPIGEN_SPEC_SOURCE, else from ../shared/specs/docker-engine when it
# exists, else upstream; Docker Hub snapshots likewise from $DOCKERAPIGEN_HUB_SPEC_SOURCE, else
# ../shared/specs/docker-hub. Tests that need the Docker daemon use $DOCKER_HOST (see build/start-test-daemon.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DOCKERAPIGEN_SPEC_SOURCE:-}" ] && [ -d ../shared/specs/docker-engine ]; then
  export DOCKERAPIGEN_SPEC_SOURCE="$(cd ../shared/specs/docker-engine && pwd)"
fi
if [ -z "${DOCKERAPIGEN_HUB_SPEC_SOURCE:-}" ] && [ -d ../shared/specs/docker-hub ]; then
  export DOCKERAPIGEN_HUB_SPEC_SOURCE="$(cd ../shared/specs/docker-hub && pwd)"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build DockerApiGen.sln -c Release -nologo -v minimal >"$log" 2>&1
build_status=$?
grep -E "warning|error|Elapsed" "$log" | sort -u | tail -n 40
if [ "$build_status" -ne 0 ]; then
  tail -n 40 "$log"
  echo "The build failed; no tests were run."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test --solution DockerApiGen.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints one summary per test assembly and, for a solution, a final one.
total=$(grep -E "^\s*total:" "$log" | tail -n 1 | grep -oE "[0-9]+")
failed=$(grep -E "^\s*failed:" "$log" | tail -n 1 | grep -oE "[0-9]+")
passed=$(grep -E "^\s*succeeded:" "$log" | tail -n 1 | grep -oE "[0-9]+")
skipped=$(grep -E "^\s*skipped:" "$log" | tail -n 1 | grep -oE "[0-9]+")
if [ -z "$total" ]; then
  echo "The test run printed no summary."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1 # The runner failed without a failing test (a crash, or no test run at all).
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "$status" -eq 0 ]
