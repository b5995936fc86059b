#!/usr/bin/env bash
# Builds DocGen as self-contained executables that need no .NET installed: OUTDIR/<rid>/docgen (docgen.exe on Windows).
#   scripts/publish.sh OUTDIR                  linux-x64, linux-arm64 and win-x64
#   scripts/publish.sh OUTDIR linux-x64        only the runtimes named
# linux-x64 is compiled ahead of time to native code (Native AOT: no JIT, the fastest cold start); the others are single-file
# ReadyToRun executables, since Native AOT compiles only for the machine's own OS and architecture without a cross toolchain.
# DOCGEN_PUBLISH_AOT=0 makes linux-x64 single-file ReadyToRun too. Templates and style sheets are inside the executable
# (written to the user's cache folder on first use); fonts stay outside (the system's font folders, or --fonts-dir).
# Each runtime takes minutes of CPU (Native AOT about 5 on an idle 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { echo "usage: scripts/publish.sh OUTDIR [RID…]" >&2; exit 64; }
outdir="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
rids=("$@"); ((${#rids[@]})) || rids=(linux-x64 linux-arm64 win-x64)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64|linux-arm64|win-x64) ;;
    *) echo "publish: unknown runtime '$rid' (linux-x64, linux-arm64, win-x64)" >&2; exit 64 ;;
  esac
  if [[ "$rid" == linux-x64 && "$(uname -s)-$(uname -m)" == Linux-x86_64 && "${DOCGEN_PUBLISH_AOT:-1}" != 0 ]]; then
    kind=(-p:PublishAot=true)
    what="Native AOT"
  else
    kind=(-p:PublishSingleFile=true -p:PublishReadyToRun=true)
    what="single file, ReadyToRun"
  fi
  echo "publish: $rid ($what) …" >&2
  next="$outdir/.$rid.next"
  rm -rf "$next"
  # Warnings of the trimming and AOT analysis stay warnings here (the libraries' own are reported per assembly); the tests
  # of the published executable (tests/DocGen.Tests/Publish) are what shows that it renders the same bytes as ./docgen.
  dotnet publish src/DocGen.Cli/DocGen.Cli.csproj -c Release -r "$rid" --self-contained true "${kind[@]}" \
    -p:DocGenTemplatesBeside=false -p:TreatWarningsAsErrors=false -p:DebugType=none -p:GenerateDocumentationFile=false \
    -o "$next" --nologo -v q
  rm -rf "$outdir/$rid"
  mv "$next" "$outdir/$rid"
  ls -l "$outdir/$rid" >&2
done
