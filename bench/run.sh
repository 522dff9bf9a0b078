#!/usr/bin/env bash
# make bench: quality and speed of extraction on ../shared/bench (STORYLINE_SHARED).
# Prints, per set, the scorer's last line, then pages/s on one thread in process
# (median of 3) and for the whole process (median of 3 wall-clock runs).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${STORYLINE_SHARED:-$here/../../shared}
bin=$build/storyline

median_wall_pages_per_s() {  # DIR NPAGES
  local times=()
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$bin" extract --threads 1 --format jsonl "$1" > /dev/null 2>&1 || true
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  awk -v n="$2" -v t="$med" 'BEGIN{printf "%.0f", n/t}'
}

run_set() {  # NAME DIR GLOB
  local name=$1 dir=$2 glob=$3
  if [ ! -d "$dir" ]; then
    echo "$name: SKIPPED, no benchmark data at $dir (set STORYLINE_SHARED)"
    return
  fi
  local n
  n=$(find "$dir" -name "$glob" | wc -l)
  echo "== $name ($n pages, $dir)"
  echo "$name quality: $("$here/score_extraction.sh" "$bin" "$dir")"
  "$build/extract_bench" --repeat 3 "$dir"/$glob | sed "s/^/$name speed: /"
  echo "$name speed: whole process $(median_wall_pages_per_s "$dir" "$n") pages/s (median of 3 runs, 1 thread, incl. start-up and output)"
}

run_set extraction "$shared/bench/extraction/html" "*.html.gz"
run_set textdump "$shared/bench/textdump/pages" "*.txt"
echo "== copies (generated, see bench/copies_bench.cc)"
"$build/copies_bench"
echo "== metadata (400 pages, $shared/bench/metadata)"
echo "metadata quality: $("$here/score_metadata.sh" "$bin")"
"$here/ingest.sh" "$build"
"$here/clustering.sh" "$build"
"$here/summarization.sh" "$build"
