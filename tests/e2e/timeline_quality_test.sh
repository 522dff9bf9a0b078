#!/usr/bin/env bash
# Quality gate of `storyline timeline` on T17 dev (13 reference timelines, fixed data):
# alignment ROUGE-2 F1 (AR2) and date F1 must reach the issue's targets, 0.035 / 0.50
# (DATEWISE: 0.035 / 0.544); dev gives 0.037 / 0.510. Only each reference's n_dates,
# avg_sents_per_date, start and end are used.
#
# Usage: bash tests/e2e/timeline_quality_test.sh /path/to/storyline
# Exit: 0 all checks passed, 1 some check failed, 77 skipped (no benchmark data).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" timeline_quality_test
MIN_AR2=0.035
MIN_DATE_F1=0.50

run out err timeline
[[ $RC -eq 2 ]] && pass "no FILE: exit 2" || { fail "no FILE: exit $RC, want 2"; show err; }
printf '%s\n' '{"id": "s", "articles": [{"id": "a", "date": "2024-05-31", "text": "The dam opened on Thursday after years of delay.\nOfficials said the reservoir would fill by June."}, {"id": "b", "date": "2024-06-03", "text": "The dam, which opened on May 30, has already flooded two farms downstream."}]}' '[1, 2]' > mixed.jsonl
run out err timeline --dates 1 mixed.jsonl
[[ $RC -eq 1 && $(grep -c 'mixed.jsonl:2:' err) -eq 1 ]] && pass "bad line named, exit 1" || { fail "bad line: exit $RC"; show err; }
"$PY" - out <<'PY' && pass "the day both articles mention (2024-05-30) is chosen" || fail "timeline of the small story differs (see above)"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf8")]
assert len(rows) == 1 and rows[0]["id"] == "s", rows
assert [e["date"] for e in rows[0]["timeline"]] == ["2024-05-30"], rows
PY

SHARED=${STORYLINE_SHARED:-$(cd "$(dirname "$BIN")/../.." 2>/dev/null && pwd)/shared}
BENCH=$SHARED/bench/summarization
if [[ ! -f $BENCH/t17/dev.jsonl || ! -f $BENCH/tls_score.py ]]; then
  echo "SKIP: no T17 data at $BENCH (set STORYLINE_SHARED); the quality gate did NOT run"
  exit 77
fi
timeout 280 "$BIN" timeline "$BENCH/t17/dev.jsonl" > t17.jsonl 2> err
RC=$?
[[ $RC -eq 0 ]] && pass "T17 dev timelines written" || { fail "timeline exit $RC"; show err; }
"$PY" - "$BENCH/t17/dev.jsonl" t17.jsonl <<'PY' && pass "one timeline per reference, each with at most n_dates days" || fail "timeline shapes differ (see above)"
import json, sys
want = {}
for line in open(sys.argv[1], encoding="utf8"):
    for t in json.loads(line)["timelines"]:
        want[t["id"]] = t["n_dates"]
got = {}
for line in open(sys.argv[2], encoding="utf8"):
    r = json.loads(line)
    got[r["id"]] = len(r["timeline"])
assert set(got) == set(want), (sorted(got), sorted(want))
assert all(0 < got[k] <= want[k] for k in want), {k: (got[k], want[k]) for k in want}
PY
line=$("$PY" "$BENCH/tls_score.py" --gold "$BENCH/t17/dev.jsonl" --pred t17.jsonl | tail -n 1)
echo "    $line"
ar2=$(sed -n 's/.* AR2 \([0-9.]*\).*/\1/p' <<<"$line")
df1=$(sed -n 's/.* DateF1 \([0-9.]*\).*/\1/p' <<<"$line")
awk -v v="$ar2" -v m="$MIN_AR2" 'BEGIN{exit !(v != "" && v + 0 >= m)}' && pass "AR2 $ar2 >= $MIN_AR2" || fail "AR2 '$ar2' < $MIN_AR2"
awk -v v="$df1" -v m="$MIN_DATE_F1" 'BEGIN{exit !(v != "" && v + 0 >= m)}' && pass "DateF1 $df1 >= $MIN_DATE_F1" || fail "DateF1 '$df1' < $MIN_DATE_F1"
finish
