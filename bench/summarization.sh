#!/usr/bin/env bash
# Summaries on ../shared/bench/summarization (STORYLINE_SHARED): `storyline summarize` on
# DUC 2004 dev (ROUGE-1.5.5 recall at 100 words) and `storyline timeline` on T17 dev
# (alignment ROUGE and date F1). Prints each scorer's last line.
# Usage: bench/summarization.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${STORYLINE_SHARED:-$here/../../shared}
bench=$shared/bench/summarization
bin=$build/storyline
py=/usr/bin/python3

if [ ! -f "$bench/duc2004/dev.jsonl" ] || [ ! -f "$bench/t17/dev.jsonl" ]; then
  echo "summarization: SKIPPED, no benchmark data at $bench (set STORYLINE_SHARED)"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/storyline-sumbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== summarize (DUC 2004 dev, 33 clusters, ROUGE-1.5.5 recall, 100 words)"
"$bin" summarize --max-words 100 "$bench/duc2004/dev.jsonl" > "$tmp/duc.jsonl"
echo "summarize quality: $("$py" "$bench/rouge.py" --gold "$bench/duc2004/dev.jsonl" --pred "$tmp/duc.jsonl" --max-words 100 --rouge155 | tail -n 1)"

echo "== timeline (T17 dev, 13 timelines)"
"$bin" timeline "$bench/t17/dev.jsonl" > "$tmp/t17.jsonl"
echo "timeline quality: $("$py" "$bench/tls_score.py" --gold "$bench/t17/dev.jsonl" --pred "$tmp/t17.jsonl" | tail -n 1)"
