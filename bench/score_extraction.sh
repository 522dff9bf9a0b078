#!/usr/bin/env bash
# Scores `storyline extract` on a benchmark folder with ../shared/bench/extraction/score.py.
# Usage: bench/score_extraction.sh STORYLINE_BINARY PAGES_DIR [PER_PAGE_TSV]
# Prints the scorer's last line. Pages are named <id>.html.gz or <id>.txt.
set -euo pipefail
bin=$1 pages=$2 per_page=${3:-}
shared=${STORYLINE_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract --format jsonl "$pages" > "$tmp/out.jsonl" 2> "$tmp/err.txt" || true
/usr/bin/python3 - "$tmp/out.jsonl" "$tmp/pred.jsonl" <<'PY'
import json, sys, os
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf8"):
        d = json.loads(line)
        name = os.path.basename(d["source"])
        for suffix in (".html.gz", ".txt"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        out.write(json.dumps({"id": name, "text": d["text"]}) + "\n")
PY
args=()
[ -n "$per_page" ] && args=(--per-page "$per_page")
/usr/bin/python3 "$shared/bench/extraction/score.py" "$tmp/pred.jsonl" --gt "$shared/bench/extraction" "${args[@]}" | tail -1
