#!/usr/bin/env bash
# Scores `storyline extract` on ../shared/bench/metadata with its score.py (title,
# authors, publish date, body). Usage: bench/score_metadata.sh STORYLINE_BINARY
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
shared=${STORYLINE_SHARED:-$here/../../shared}
dir="$shared/bench/metadata"
if [ ! -d "$dir/html" ]; then echo "metadata: SKIPPED, no benchmark at $dir"; exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract --format jsonl "$dir/html" > "$tmp/out.jsonl" 2> /dev/null || true
# The scorer takes an explicit "id" over "source": ours is the content hash, so name the page.
/usr/bin/python3 - "$tmp/out.jsonl" "$tmp/pred.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf8"):
        d = json.loads(line)
        d["id"] = os.path.basename(d["source"]).split(".")[0]
        out.write(json.dumps(d) + "\n")
PY
/usr/bin/python3 "$dir/score.py" "$tmp/pred.jsonl" --gt "$dir" | grep -E "^body|^title_em" | sed "s/ (word 4-gram.*//"
