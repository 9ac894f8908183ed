#!/usr/bin/env bash
# Builds the API reference site from the XML docs with docfx (a local dotnet tool, .config/dotnet-tools.json) for
# DockerApiGen.Runtime and DockerApiGen.Engine.V1_41, into artifacts/docs/ (git-ignored). docfx warnings (broken
# links, bad cref) fail the build. Open artifacts/docs/index.html, or serve it with `dotnet docfx serve artifacts/docs`.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf artifacts/docs artifacts/docs-metadata
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet docfx docs/reference/docfx.json >"$log" 2>&1; then
  grep -E "error|warning" "$log" | tail -n 40 || tail -n 40 "$log"
  echo "docfx failed"
  exit 1
fi
grep -E "warning" "$log" | tail -n 20 || true
pages=$(find artifacts/docs -name '*.html' | wc -l)
echo "API reference: $pages pages in artifacts/docs/"
