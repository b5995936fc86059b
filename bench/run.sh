#!/usr/bin/env bash
# DocGen's performance benchmark: every figure of issue 7 beside its target.
#   bench/run.sh            in-process (BenchmarkDotNet + stage breakdown), cold CLI, 1,000-report batch, LibreOffice side by side,
#                           cold start of the published executable, ./docgen and Typst side by side (bench/cold.sh)
#   bench/run.sh --quick    the same without BenchmarkDotNet (its run takes a few minutes) and with a 200-report batch
# Results go to bench/results/ (git-ignored): the logs, the batch's JSON summary, and summary.txt with the table printed here.
# Timings are wall-clock on whatever else the machine is doing: the load average is printed with them.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1
batch_n=1000
((quick)) && batch_n=200
results="$repo/bench/results"
work="$(mktemp -d /tmp/docgen-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
example="$repo/examples/ningxia-gov-office-2023.json"

command -v /usr/bin/time >/dev/null || { echo "installing GNU time" >&2; apt-get install -y -qq time >/dev/null; }
bash "$repo/scripts/ensure-deps.sh" --test

declare -a rows=()
row() { rows+=("$(printf '%-46s %14s   %s' "$1" "$2" "$3")"); }
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
metric() { awk -v k="$1" '$1=="METRIC" && $2==k {print $3}' "$2"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
verdict() { awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN { ok = (d == "<=") ? (v <= t) : (v >= t); print (ok ? "ok" : "MISSED") }'; }

echo "== building (Release): the CLI launcher and the benchmark harness" >&2
./docgen --help >/dev/null
dotnet build "$repo/bench/DocGen.Bench/DocGen.Bench.csproj" -c Release --nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench=(dotnet "$repo/bench/DocGen.Bench/bin/Release/net10.0/DocGen.Bench.dll")
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench templates || echo '+changes')"

echo "== 1. in-process: one report (ningxia-gov-office-2023), DOCX + PDF" >&2
"${bench[@]}" stages "$example" --iterations 30 | tee "$results/stages.txt" >&2
warm="$(metric inproc_warm_report_ms "$results/stages.txt")"
if ((!quick)); then
  "${bench[@]}" bdn "$example" >"$results/bdn.txt" 2>&1 || { tail -40 "$results/bdn.txt"; exit 1; }
  grep -E '^\|' "$results/bdn.txt" >&2 || true
  warm="$(metric bdn_report_ms "$results/bdn.txt")"
fi
row "warm in-process report, DOCX+PDF (median)" "$(printf '%.1f ms' "$warm")" "≤ 50 ms  $(verdict "$warm" 50 '<=')   (stage harness: CPU $(metric inproc_warm_report_cpu_ms "$results/stages.txt") ms)"
pdf_kb="$(metric pdf_size_kb "$results/stages.txt")"

echo "== 2. cold CLI: ./docgen render one report (new process each time, median of 7)" >&2
./docgen render "$example" -o "$work/cold" >/dev/null 2>&1 || true
for _ in 1 2 3 4 5 6 7; do
  /usr/bin/time -f '%e %U %S' -o "$work/t" ./docgen render "$example" -o "$work/cold" >/dev/null 2>&1
  cat "$work/t"
done >"$work/cold.txt"
cold="$(awk '{print $1}' "$work/cold.txt" | median)"
cold_cpu="$(awk '{print $2+$3}' "$work/cold.txt" | median)"
row "cold CLI, one report DOCX+PDF (median wall)" "$(printf '%.2f s' "$cold")" "≤ 0.6 s  $(verdict "$cold" 0.6 '<=')   (CPU $(printf '%.2f' "$cold_cpu") s)"
pdf_bytes="$(stat -c %s "$work/cold/ningxia-gov-office-2023.pdf")"
pdf_kb="$(awk -v b="$pdf_bytes" 'BEGIN {printf "%.1f", b/1024}')"
row "PDF size, ningxia-gov-office-2023" "$pdf_kb KB" "≤ 250 KB  $(verdict "$pdf_kb" 250 '<=')"

echo "== 3. batch: $batch_n agency data files → $((2 * batch_n)) documents, -j 2" >&2
"${bench[@]}" batch-data --out "$work/data" --count "$batch_n" >&2
small=$((batch_n / 4))
mkdir -p "$work/data-small"
# sed, not head: head would close the pipe early, and under pipefail sort's SIGPIPE ends the script (it did, at random).
ls "$work/data" | sort | sed -n "1,${small}p" | while read -r f; do ln -s "$work/data/$f" "$work/data-small/$f"; done
/usr/bin/time -v ./docgen render "$work/data-small" -o "$work/out-small" -j 2 --json >"$work/small.json" 2>"$work/small.time" || true
/usr/bin/time -v ./docgen render "$work/data" -o "$work/out" -j 2 --json >"$results/batch-summary.json" 2>"$work/batch.time" || true
cp "$work/batch.time" "$results/batch-time.txt"
# The same batches with the published executable (the download route of issue 18), located as bench/cold.sh does.
aot="${DOCGEN_PUBLISHED:+$DOCGEN_PUBLISHED/linux-x64/docgen}"
[[ -n "$aot" && -x "$aot" ]] || aot="$repo/dist/linux-x64/docgen"
[[ -x "$aot" ]] || aot="$repo/.build/bench-publish/linux-x64/docgen"
if [[ ! -x "$aot" ]]; then
  echo "== publishing the Native AOT executable for the batch (scripts/publish.sh, minutes of CPU, once)" >&2
  scripts/publish.sh "$repo/.build/bench-publish" linux-x64 >/dev/null
fi
mkdir -p "$work/data-100"
ls "$work/data" | sort | sed -n "1,100p" | while read -r f; do ln -s "$work/data/$f" "$work/data-100/$f"; done
/usr/bin/time -v "$aot" render "$work/data-100" -o "$work/aot-100" -j 2 --json >/dev/null 2>"$work/aot-100.time" || true
/usr/bin/time -v "$aot" render "$work/data" -o "$work/aot-out" -j 2 --json >"$work/aot-batch.json" 2>"$work/aot-batch.time" || true
docs="$(find "$work/out" -maxdepth 1 \( -name '*.pdf' -o -name '*.docx' \) | wc -l)"
failed="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["failed"])' "$results/batch-summary.json" 2>/dev/null || echo '?')"
batch_wall="$(wall_s "$work/batch.time")"
small_wall="$(wall_s "$work/small.time")"
batch_rss="$(rss_mb "$work/batch.time")"
per_big="$(awk -v w="$batch_wall" -v n="$batch_n" 'BEGIN {printf "%.1f", 1000*w/n}')"
per_small="$(awk -v w="$small_wall" -v n="$small" 'BEGIN {printf "%.1f", 1000*w/n}')"
target_wall="$(awk -v n="$batch_n" 'BEGIN {print 60*n/1000}')"
row "batch: $batch_n reports, $docs documents, -j 2 (wall)" "$(printf '%.1f s' "$batch_wall")" "≤ $target_wall s  $(verdict "$batch_wall" "$target_wall" '<=')   (failed inputs: $failed)"
batch_cpu="$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$work/batch.time")"
row "batch: CPU time (user+sys), per report" "$batch_cpu s" "$(awk -v c="$batch_cpu" -v n="$batch_n" 'BEGIN {printf "%.1f ms per report DOCX+PDF", 1000*c/n}')"
row "batch: peak memory (max RSS)" "$batch_rss MB" "≤ 400 MB  $(verdict "$batch_rss" 400 '<=')"
row "batch: wall per report, $small vs $batch_n reports" "$per_small / $per_big ms" "linear: ratio $(awk -v a="$per_big" -v b="$per_small" 'BEGIN {printf "%.2f", a/b}') (1.00 = linear)"
aot_wall="$(wall_s "$work/aot-batch.time")"; aot100_wall="$(wall_s "$work/aot-100.time")"
aot_cpu="$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$work/aot-batch.time")"
aot_failed="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["failed"])' "$work/aot-batch.json" 2>/dev/null || echo '?')"
row "batch, published executable: $batch_n reports" "$(printf '%.1f s' "$aot_wall")" "≤ $(awk -v n="$batch_n" 'BEGIN {print 20*n/1000}') s  $(verdict "$aot_wall" "$(awk -v n="$batch_n" 'BEGIN {print 20*n/1000}')" '<=')   (CPU $aot_cpu s, $(rss_mb "$work/aot-batch.time") MB ≤ 300 MB, failed inputs: $aot_failed)"
per100="$(awk -v w="$aot100_wall" 'BEGIN {printf "%.1f", 10*w}')"
row "batch of 100, published executable, per report" "$per100 ms" "≤ 30 ms  $(verdict "$per100" 30 '<=')"

echo "== 4. LibreOffice side by side: soffice --convert-to pdf of our own DOCX" >&2
export FONTCONFIG_FILE="$repo/../shared/spec/libreoffice-fonts.conf"
[[ -f "$FONTCONFIG_FILE" ]] || FONTCONFIG_FILE=/work/shared/spec/libreoffice-fonts.conf
soffice_run() { /usr/bin/time -f '%e %U %S' -a -o "$work/lo.txt" soffice -env:UserInstallation=file:///tmp/lo-bench --headless --convert-to pdf --outdir "$work/lo" "$@" >/dev/null 2>&1; }
rm -f "$work/lo.txt"
soffice_run "$work/cold/ningxia-gov-office-2023.docx"   # first start creates the profile: not counted
rm -f "$work/lo.txt"
for _ in 1 2 3 4 5; do soffice_run "$work/cold/ningxia-gov-office-2023.docx"; done
lo="$(awk '{print $1}' "$work/lo.txt" | median)"
lo_cpu="$(awk '{print $2+$3}' "$work/lo.txt" | median)"
# Ours, per PDF, in the same run: one docgen run over 100 copies of the report, PDF only, as a pipeline would convert them.
mkdir -p "$work/same"
for i in $(seq -w 1 100); do cp "$example" "$work/same/r$i.json"; done
/usr/bin/time -f '%e %U %S' -o "$work/ours.txt" ./docgen render "$work/same" -o "$work/same-out" --format pdf -j 2 --json >/dev/null 2>&1 || true
ours_ms="$(awk '{printf "%.1f", 1000*$1/100}' "$work/ours.txt")"
ours_cpu_ms="$(awk '{printf "%.1f", 1000*($2+$3)/100}' "$work/ours.txt")"
ratio="$(awk -v a="$lo" -v b="$ours_ms" 'BEGIN {printf "%.0f", 1000*a/b}')"
cpu_ratio="$(awk -v a="$lo_cpu" -v b="$ours_cpu_ms" 'BEGIN {printf "%.0f", 1000*a/b}')"
row "soffice DOCX→PDF, one document (median of 5)" "$(printf '%.2f s' "$lo")" "the alternative   (CPU $(printf '%.2f' "$lo_cpu") s)"
row "DocGen per PDF (100 PDFs, one docgen run, -j 2)" "$ours_ms ms" "$ratio× faster; ≥ 25×  $(verdict "$ratio" 25 '>=')   (CPU $ours_cpu_ms ms: ${cpu_ratio}× less)"
cold_ratio="$(awk -v a="$lo" -v b="$cold" 'BEGIN {printf "%.1f", a/b}')"
row "  (cold CLI one report DOCX+PDF vs soffice)" "$(printf '%.2f s' "$cold")" "${cold_ratio}× faster"

echo "== 5. cold start side by side: the published executable, ./docgen and Typst (bench/cold.sh)" >&2
cold_table="(bench/cold.sh failed: see above)"
bash "$repo/bench/cold.sh" 7 >/dev/null && cold_table="$(cat "$results/cold.txt")"

{
  echo "DocGen benchmark, commit $commit, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-46s %14s   %s\n' "figure" "measured" "target"
  printf '%s\n' "${rows[@]}"
  echo
  echo "$cold_table"
} | tee "$results/summary.txt"
