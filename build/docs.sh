#!/usr/bin/env bash
# Builds the API reference site from the XML docs with docfx (a local dotnet tool, .config/dotnet-tools.json) for
# DockerApiGen.Runtime and DockerApiGen.Engine.V1_41, into artifacts/docs/ (git-ignored). docfx errors fail it; its
# warnings are printed (today: links in Docker's spec descriptions to anchors of Docker's own reference page, such as
# #operation/ContainerCreate, which the generated XML docs carry over). Open artifacts/docs/index.html, or serve it
# with `dotnet docfx serve artifacts/docs`.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf artifacts/docs docs/reference/api
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet docfx docs/reference/docfx.json >"$log" 2>&1; then
  grep -E "error|warning" "$log" | tail -n 40 || tail -n 40 "$log"
  echo "docfx failed"
  exit 1
fi
warnings=$(grep -cE "warning" "$log" || true)
grep -E "warning" "$log" | grep -v InvalidBookmark | tail -n 20 || true
echo "docfx: $warnings warning lines ($(grep -c InvalidBookmark "$log" || true) are links to anchors of Docker's reference page)"
pages=$(find artifacts/docs -name '*.html' | wc -l)
echo "API reference: $pages pages in artifacts/docs/"
