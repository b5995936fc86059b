#!/usr/bin/env bash
# Cold start side by side (issue 18): one report, a new process each run, files in the page cache.
#   bench/cold.sh [RUNS]     default 7 runs of each, after one unmeasured run
# Compares the published Native AOT executable (DOCGEN_PUBLISHED/linux-x64/docgen, else dist/linux-x64/docgen, else published
# by scripts/publish.sh into .build/bench-publish, minutes of CPU once), ./docgen (the launcher's ReadyToRun build) and Typst
# (the typst.ts node compiler, npm-installed on demand into bench/typst/node_modules, compiling bench/typst/report.typ, a Typst
# version of the same report that reads the same data file, with the same stand-in fonts, to PDF). Prints median wall time,
# median CPU time (user + sys: what a loaded machine does not inflate much) and median peak memory (max RSS) per command,
# and writes the table to bench/results/cold.txt.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
runs="${1:-7}"
results="$repo/bench/results"
work="$(mktemp -d /tmp/docgen-cold.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
data=examples/ningxia-gov-office-2023.json

command -v /usr/bin/time >/dev/null || { echo "installing GNU time" >&2; apt-get install -y -qq time >/dev/null; }
bash scripts/ensure-deps.sh

aot="${DOCGEN_PUBLISHED:+$DOCGEN_PUBLISHED/linux-x64/docgen}"
[[ -n "$aot" && -x "$aot" ]] || aot="$repo/dist/linux-x64/docgen"
if [[ ! -x "$aot" ]]; then
  echo "== publishing the Native AOT executable (scripts/publish.sh, minutes of CPU, once)" >&2
  scripts/publish.sh "$repo/.build/bench-publish" linux-x64 >/dev/null
  aot="$repo/.build/bench-publish/linux-x64/docgen"
fi
./docgen --help >/dev/null

typst_ok=1
if [[ ! -d bench/typst/node_modules/@myriaddreamin/typst-ts-node-compiler ]]; then
  echo "== installing the Typst peer (npm, bench/typst/node_modules)" >&2
  (cd bench/typst && npm install --no-audit --no-fund --no-package-lock --loglevel=error) >"$work/npm.log" 2>&1 || {
    typst_ok=0; echo "Typst peer not installed: npm install failed:" >&2; cat "$work/npm.log" >&2; }
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
declare -a rows=()
# measure NAME COMMAND…: one unmeasured run, then $runs measured ones; a failing run is reported, not timed.
measure() {
  local name="$1"; shift
  if ! "$@" >"$work/out.log" 2>&1; then
    rows+=("$(printf '%-44s %s' "$name" "FAILED: $(tail -1 "$work/out.log")")")
    return
  fi
  rm -f "$work/t"
  for _ in $(seq "$runs"); do /usr/bin/time -a -o "$work/t" -f '%e %U %S %M' "$@" >/dev/null 2>&1; done
  local wall cpu rss
  wall="$(awk '{print $1}' "$work/t" | median)"
  cpu="$(awk '{print $2+$3}' "$work/t" | median)"
  rss="$(awk '{print $4/1024}' "$work/t" | median)"
  rows+=("$(printf '%-44s %7.3f s %7.3f s %6.0f MB' "$name" "$wall" "$cpu" "$rss")")
  echo "$name: $wall s wall, $cpu s CPU, $rss MB" >&2
}

echo "== cold start, $runs runs each" >&2
measure "DocGen AOT: DOCX + PDF" "$aot" render "$data" -o "$work/aot"
measure "DocGen AOT: PDF only" "$aot" render "$data" -o "$work/aot-pdf" --format pdf
measure "./docgen (ReadyToRun): DOCX + PDF" ./docgen render "$data" -o "$work/r2r"
if ((typst_ok)); then
  measure "Typst (typst.ts 0.7.0, node): PDF only" node bench/typst/compile.js "$repo" "/$data" "$work/typst.pdf"
else
  rows+=("$(printf '%-44s %s' "Typst (typst.ts 0.7.0, node): PDF only" "not installed (npm install failed, above)")")
fi

{
  echo "Cold start, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench templates || echo '+changes'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), median of $runs"
  printf '%-44s %9s %9s %9s\n' "one report (ningxia-gov-office-2023)" "wall" "CPU" "peak RSS"
  printf '%s\n' "${rows[@]}"
  [[ -f "$work/typst.pdf" ]] && echo "(Typst's PDF: $(pdfinfo "$work/typst.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages, $(stat -c %s "$work/typst.pdf") bytes; DocGen's: $(pdfinfo "$work/aot/ningxia-gov-office-2023.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages, $(stat -c %s "$work/aot/ningxia-gov-office-2023.pdf") bytes)"
} | tee "$results/cold.txt"
