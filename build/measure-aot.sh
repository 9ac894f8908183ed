#!/usr/bin/env bash
# Prints the NativeAot sample's size and start-up time, native beside JIT (framework-dependent, ReadyToRun off):
#   build/measure-aot.sh [PACKAGES]     (default artifacts/packages; run build/pack.sh first)
# Start-up = `NativeAot ping` (start the process, connect to $DOCKER_HOST, ask /_ping and /version, exit), the median
# of 11 runs after one warm-up; and one full scenario run (list, run a container, follow its log, exec, remove).
# Needs clang and zlib1g-dev, and a daemon with $SAMPLE_IMAGE (default dockerapigen/busybox:latest).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
packages="$(cd "${1:-$repo/artifacts/packages}" && pwd)"
: "${DOCKER_HOST:?set DOCKER_HOST (source .test-daemon/env)}"
export SAMPLE_IMAGE="${SAMPLE_IMAGE:-dockerapigen/busybox:latest}"
work="$repo/artifacts/measure-aot"
rm -rf "$work"
mkdir -p "$work"
cat >"$work/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="packed" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="packed"><package pattern="DockerApiGen.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
export NUGET_PACKAGES="$work/cache"
sample="$repo/samples/NativeAot"
dotnet publish "$sample" -c Release -nologo -v quiet -o "$work/aot" -p:RestoreConfigFile="$work/NuGet.config" >/dev/null
dotnet publish "$sample" -c Release -nologo -v quiet -o "$work/jit" -p:PublishAot=false -p:RestoreConfigFile="$work/NuGet.config" >/dev/null

median_ms() { # runs "$@" 11 times after a warm-up, prints the median wall time in ms
  "$@" >/dev/null
  for _ in $(seq 11); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | sort -n | sed -n 6p
}
size() { du -sb "$@" | awk '{ total += $1 } END { if (total < 1048576) printf "%.0f KB", total / 1024; else printf "%.1f MB", total / 1048576 }'; }

echo "NativeAot sample, $(uname -m), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); JIT = framework-dependent (+ the shared .NET runtime)"
printf '%-32s %14s %14s\n' "" "native AOT" "JIT"
printf '%-32s %14s %14s\n' "executable (AOT) / assemblies" "$(size "$work/aot/NativeAot")" "$(size "$work"/jit/*.dll)"
printf '%-32s %14s %14s\n' "publish folder, less symbols" "$(size $(ls -d "$work"/aot/* | grep -v '\.dbg$'))" "$(size $(ls -d "$work"/jit/* | grep -v '\.pdb$'))"
printf '%-32s %11s ms %11s ms\n' "start, connect, ping (median)" "$(median_ms "$work/aot/NativeAot" ping)" "$(median_ms "$work/jit/NativeAot" ping)"
aot_full=$("$work/aot/NativeAot" | sed -n 's/.*the scenario took \([0-9]*\) ms.*/\1/p')
jit_full=$("$work/jit/NativeAot" | sed -n 's/.*the scenario took \([0-9]*\) ms.*/\1/p')
printf '%-32s %11s ms %11s ms\n' "whole scenario (in-process)" "$aot_full" "$jit_full"
