#!/usr/bin/env bash
# The registry client's figures (README, section Performance): 256 MiB up and down against curl, the peak memory
# growth for a 1 GiB blob, and listing 10,000 tags, against the htpasswd test registry on :5000 that
# build/start-test-daemon.sh starts. Takes a minute or two (the first run also tags an image 10,000 times, once).
# Further arguments go to the program: --size-mib N, --rounds N.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DOCKERAPIGEN_TEST_REGISTRY:-}" ] && [ -f .test-daemon/env ]; then
  # shellcheck disable=SC1091
  source .test-daemon/env
fi
command -v curl >/dev/null || { echo "curl is needed (the figures compare with it)."; exit 2; }
dotnet run -c Release --project benchmarks/DockerApiGen.Registry.Benchmarks -- "$@"
