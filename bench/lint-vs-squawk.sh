#!/usr/bin/env bash
# ./slipway lint against squawk (npm package squawk-cli), side by side in one run, on the same files:
# one small migration (pre-commit hook latency) and the whole shared corpus (without postgres__postgres,
# which is PostgreSQL's regression SQL, not migrations). Prints medians, the ratio, and findings per rule.
#
#   bench/lint-vs-squawk.sh                       # RUNS=5 CORPUS=../shared/corpus SQUAWK_VERSION=2.66.0
#
# squawk is installed into bench/out (gitignored); nothing is installed globally.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
corpus="${CORPUS:-$root/../shared/corpus}"
runs="${RUNS:-5}"
squawk_version="${SQUAWK_VERSION:-2.66.0}"
one="$root/examples/V4__index_orders_customer.sql"
mkdir -p "$out"

if [[ ! -d "$corpus" ]]; then
  echo "no corpus at $corpus; set CORPUS=/path/to/corpus" >&2
  exit 2
fi
squawk="$out/node_modules/.bin/squawk"
if [[ ! -x "$squawk" ]]; then
  echo "installing squawk-cli@$squawk_version into bench/out …" >&2
  npm install --prefix "$out" "squawk-cli@$squawk_version" --no-audit --no-fund --silent >&2
fi
find "$corpus" -name '*.sql' -not -path '*/postgres__postgres/*' | LC_ALL=C sort > "$out/files.txt"
mapfile -t files < "$out/files.txt"

# Build the jar and the class-data-sharing archive outside the timings (the launcher does both).
"$root/slipway" lint "$one" >/dev/null 2>&1 || true
"$root/slipway" lint "$one" >/dev/null 2>&1 || true

# Wall time of one command in milliseconds (exit codes 0 and 1 both mean "linted").
ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

: > "$out/one.slipway"; : > "$out/one.squawk"; : > "$out/all.slipway"; : > "$out/all.squawk"
for ((i = 1; i <= runs; i++)); do
  ms "$root/slipway" lint "$one" >> "$out/one.slipway"
  ms "$squawk" "$one" >> "$out/one.squawk"
  ms "$root/slipway" lint --format json "${files[@]}" >> "$out/all.slipway"
  ms "$squawk" "${files[@]}" >> "$out/all.squawk"
done
one_sl=$(median < "$out/one.slipway"); one_sq=$(median < "$out/one.squawk")
all_sl=$(median < "$out/all.slipway"); all_sq=$(median < "$out/all.squawk")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

"$root/slipway" lint --format json "${files[@]}" > "$out/slipway.json" 2>/dev/null || true
"$squawk" --reporter json "${files[@]}" > "$out/squawk.json" 2>/dev/null || true

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), squawk $("$squawk" --version | cut -d' ' -f2)"
echo "files: ${#files[@]} .sql files from $(basename "$corpus") (without postgres__postgres); $runs runs each, interleaved, median wall time"
echo
echo "| run | ./slipway lint | squawk | slipway / squawk |"
echo "|---|---:|---:|---:|"
echo "| one small file ($(basename "$one")) | ${one_sl} ms | ${one_sq} ms | $(ratio "$one_sl" "$one_sq") |"
echo "| whole corpus (${#files[@]} files) | ${all_sl} ms | ${all_sq} ms | $(ratio "$all_sl" "$all_sq") |"
echo
python3 - "$out/slipway.json" "$out/squawk.json" <<'PY'
import json, sys, collections
sl = json.load(open(sys.argv[1]))
per = collections.Counter(); sev = {}
for m in sl["migrations"]:
    for s in m["statements"]:
        for f in s["findings"]:
            per[f["rule"]] += 1; sev[f["rule"]] = f["severity"]
s = sl["summary"]
print(f"slipway: {s['files']} migrations linted ({s['statements']} statements): "
      f"{s['errors']} errors, {s['warnings']} warnings, {s.get('infos', 0)} info")
print()
print("| slipway rule | severity | findings |")
print("|---|---|---:|")
for rule, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"| {rule} | {sev[rule]} | {n} |")
sq = json.load(open(sys.argv[2]))
sqc = collections.Counter(v["rule_name"] for v in sq)
print()
print(f"squawk: {len(sq)} violations in {len({v['file'] for v in sq})} files")
print()
print("| squawk rule | findings |")
print("|---|---:|")
for rule, n in sorted(sqc.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"| {rule} | {n} |")
PY
