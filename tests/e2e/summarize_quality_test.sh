#!/usr/bin/env bash
# Quality gate of `storyline summarize` on DUC 2004 dev (33 clusters, fixed data):
# ROUGE-1.5.5 recall at 100 words must stay at or above the figures reached (R1, R2).
# Also: usage errors exit 2, a bad input line is named, skipped, and makes the exit 1.
#
# Usage: bash tests/e2e/summarize_quality_test.sh /path/to/storyline
# Exit: 0 all checks passed, 1 some check failed, 77 skipped (no benchmark data).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" summarize_quality_test
MIN_R1=0.390
MIN_R2=0.095

# Usage and bad lines need no benchmark data.
run out err summarize
[[ $RC -eq 2 ]] && pass "no FILE: exit 2" || { fail "no FILE: exit $RC, want 2"; show err; }
run out err summarize --max-words 0 x.jsonl
[[ $RC -eq 2 ]] && pass "--max-words 0: exit 2" || { fail "--max-words 0: exit $RC, want 2"; show err; }
run out err summarize /nonexistent.jsonl
[[ $RC -eq 2 && $(wc -l < err) -eq 1 ]] && pass "missing file: one line, exit 2" || { fail "missing file: exit $RC"; show err; }
cat > mixed.jsonl <<'JSONL'
{"id": "ok1", "articles": [{"id": "a", "title": "", "date": "2024-05-30", "text": "WASHINGTON (AP) _ The council approved the new dam budget on Monday after a long debate. Farmers downstream said they would appeal the decision in court. The council approved the dam budget despite protests from farmers downstream."}, {"id": "b", "title": "", "date": "2024-05-31", "text": "The council approved the dam budget on Monday, and farmers downstream will appeal the decision in court next month, he said."}]}
not json at all
{"id": "bad2", "articles": 3}
{"id": "ok2", "articles": []}
JSONL
run out err summarize --max-words 30 mixed.jsonl
[[ $RC -eq 1 ]] && pass "bad lines: exit 1" || { fail "bad lines: exit $RC, want 1"; show err; }
[[ $(grep -c 'mixed.jsonl:2:' err) -eq 1 && $(grep -c 'mixed.jsonl:3:' err) -eq 1 ]] && pass "each bad line named with its number" || { fail "bad lines not named"; show err; }
"$PY" - out <<'PY' && pass "good lines summarized: dateline and dangling 'he said' gone" || fail "good lines' output differs (see above)"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf8")]
assert [r["id"] for r in rows] == ["ok1", "ok2"], rows
s = rows[0]["summary"]
assert s and "(AP)" not in s and "WASHINGTON" not in s and "he said" not in s, s
assert rows[1]["summary"] == "", rows[1]
PY

SHARED=${STORYLINE_SHARED:-$(cd "$(dirname "$BIN")/../.." 2>/dev/null && pwd)/shared}
BENCH=$SHARED/bench/summarization
if [[ ! -f $BENCH/duc2004/dev.jsonl || ! -f $BENCH/rouge.py ]]; then
  echo "SKIP: no DUC 2004 data at $BENCH (set STORYLINE_SHARED); the quality gate did NOT run"
  exit 77
fi
timeout 240 "$BIN" summarize --max-words 100 "$BENCH/duc2004/dev.jsonl" > duc.jsonl 2> err
RC=$?
[[ $RC -eq 0 ]] && pass "DUC 2004 dev summarized" || { fail "summarize exit $RC"; show err; }
line=$("$PY" "$BENCH/rouge.py" --gold "$BENCH/duc2004/dev.jsonl" --pred duc.jsonl --max-words 100 --rouge155 | tail -n 1)
echo "    $line"
r1=$(sed -n 's/.* R1 \([0-9.]*\).*/\1/p' <<<"$line")
r2=$(sed -n 's/.* R2 \([0-9.]*\).*/\1/p' <<<"$line")
awk -v v="$r1" -v m="$MIN_R1" 'BEGIN{exit !(v != "" && v + 0 >= m)}' && pass "R1 $r1 >= $MIN_R1" || fail "R1 '$r1' < $MIN_R1"
awk -v v="$r2" -v m="$MIN_R2" 'BEGIN{exit !(v != "" && v + 0 >= m)}' && pass "R2 $r2 >= $MIN_R2" || fail "R2 '$r2' < $MIN_R2"
finish
