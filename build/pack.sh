#!/usr/bin/env bash
# Packs every shipped project (each project under src/ and the dockerapigen tool) into one folder:
#   build/pack.sh [OUT]      (default artifacts/packages/, git-ignored)
# Each package gets a .snupkg beside it. With CI=true the build is a ContinuousIntegrationBuild, so the same
# commit gives the same bytes (tests/DockerApiGen.Packaging.Tests checks it). Prints one line per package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/artifacts/packages}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$repo"

# A throwaway solution of the shipped projects: new projects under src/ are picked up with no change here.
work="$repo/artifacts/obj/pack"
rm -rf "$work"
mkdir -p "$work"
dotnet new sln --name Packages --output "$work" >/dev/null
projects=(src/*/*.csproj generator/DockerApiGen.Cli/DockerApiGen.Cli.csproj)
dotnet sln "$work/Packages.slnx" add "${projects[@]}" >/dev/null

# Old packages of this release would hide a project that stopped packing.
rm -f "$out"/DockerApiGen.*.nupkg "$out"/DockerApiGen.*.snupkg "$out"/dockerapigen.*.nupkg "$out"/dockerapigen.*.snupkg

log="$work/pack.log"
if ! dotnet pack "$work/Packages.slnx" -c Release -nologo -v minimal -p:PackageOutputPath="$out/" >"$log" 2>&1; then
  grep -E "error|warning" "$log" | sort -u | tail -n 40
  echo "pack failed (full log: $log)"
  exit 1
fi
grep -E "warning" "$log" | sort -u | tail -n 20 || true

# The samples restore from this folder into their own cache (samples/NuGet.config); drop the copies of the
# packages just rebuilt so the next restore takes the new ones.
rm -rf "$repo"/artifacts/nuget-samples/dockerapigen*

count=0
for package in "$out"/*.nupkg; do
  printf '%-60s %8d bytes\n' "$(basename "$package")" "$(stat -c %s "$package")"
  count=$((count + 1))
done
echo "$count packages in $out"
