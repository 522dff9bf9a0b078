#!/usr/bin/env bash
# Ingest throughput: >= 20,000 HTML pages (the extraction bench pages, repeated with
# varied bytes) into a fresh store with 1 and 2 threads, against `extract` alone on the
# same input; pages/s and peak RSS of each run.
# Usage: bench/ingest.sh BUILD_DIR [PAGES]
set -euo pipefail
build=${1:-build}
want=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
shared=${STORYLINE_SHARED:-$here/../../shared}
pages="$shared/bench/extraction/html"
if [ ! -d "$pages" ]; then echo "ingest: SKIPPED, no pages at $pages (set STORYLINE_SHARED)"; exit 0; fi
bin=$build/storyline
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(ls "$pages" | wc -l)
copies=$(( (want + n - 1) / n ))
/usr/bin/python3 "$here/../tests/tools/make_corpus.py" jsonl "$pages" "$tmp/in.jsonl" --copies "$copies"
docs=$(wc -l < "$tmp/in.jsonl")
mb=$(( $(stat -c %s "$tmp/in.jsonl") / 1000000 ))

# Runs a command; prints "SECONDS PEAK_RSS_MB".
measure() {
  /usr/bin/python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
dt = time.monotonic() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if r.returncode not in (0, 1):
    sys.exit(f"failed: {sys.argv[1:]} exit {r.returncode}")
print(f"{dt:.2f} {rss:.0f}")
PY
}
echo "== ingest ($docs pages, $mb MB of JSONL)"
rate() { awk -v d="$docs" -v t="$1" 'BEGIN{printf "%.0f", d/t}'; }
for threads in 1 2; do
  read -r te rsse < <(measure "$bin" extract --threads "$threads" --format jsonl "$tmp/in.jsonl")
  rm -f "$tmp"/s.db*
  read -r ti rssi < <(measure "$bin" ingest --db "$tmp/s.db" --threads "$threads" "$tmp/in.jsonl")
  overhead=$(awk -v a="$ti" -v b="$te" 'BEGIN{printf "%+.0f%%", (a/b-1)*100}')
  echo "ingest: $threads thread(s): $(rate "$ti") pages/s, peak RSS $rssi MB; extract alone $(rate "$te") pages/s, peak RSS $rsse MB; store overhead $overhead"
done
