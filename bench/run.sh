#!/usr/bin/env bash
# make bench: quality and speed of extraction on ../shared/bench (STORYLINE_SHARED).
# Prints, per set, the scorer's last line, then pages/s on one thread in process
# (median of 3) and for the whole process (median of 3 wall-clock runs) with its peak RSS.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${STORYLINE_SHARED:-$here/../../shared}
bin=$build/storyline

# Whole-process pages/s (median of 3 wall-clock runs) and the peak RSS of those runs.
whole_process() {  # DIR NPAGES
  /usr/bin/python3 - "$bin" "$1" "$2" <<'PY'
import resource, subprocess, sys, time
binary, pages_dir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(3):
    t = time.monotonic()
    subprocess.run([binary, "extract", "--threads", "1", "--format", "jsonl", pages_dir],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.monotonic() - t)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"whole process {n / sorted(times)[1]:.0f} pages/s, peak RSS {rss:.0f} MB "
      "(median of 3 runs, 1 thread, incl. start-up and output)")
PY
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
  echo "$name speed: $(whole_process "$dir" "$n")"
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
