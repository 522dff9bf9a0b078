#!/usr/bin/env bash
# Crash safety: kill `storyline ingest` with SIGKILL at random points, many times, then
# let it finish. Every document must be stored exactly once, the database must pass
# PRAGMA integrity_check, and no half-written article may be visible.
set -u
bin=${1:?usage: store_crash_test.sh STORYLINE_BINARY}
src=${STORYLINE_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
py=/usr/bin/python3
[ -x "$py" ] || { echo "SKIPPED: $py not found"; exit 77; }
"$py" -c "import sqlite3" 2>/dev/null || { echo "SKIPPED: python3 has no sqlite3 module"; exit 77; }
tmp=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
kills_wanted=${STORYLINE_CRASH_KILLS:-20}
copies=700
"$py" "$src/tests/tools/make_corpus.py" jsonl "$src/examples/pages" "$tmp/in.jsonl" --copies "$copies"
expected=$(wc -l < "$tmp/in.jsonl")
db="$tmp/crash.db"
echo "crash test: $expected documents, until $kills_wanted runs are killed mid-way"
RANDOM=20241117
killed=0 trials=0
while [ "$killed" -lt "$kills_wanted" ] && [ "$trials" -lt $((kills_wanted * 3)) ]; do
  trials=$((trials + 1))
  "$bin" ingest --db "$db" --threads 2 "$tmp/in.jsonl" > /dev/null 2>&1 &
  pid=$!
  # 10 to 400 ms: during start-up, inside a batch, around a commit.
  sleep "$(awk -v r=$RANDOM 'BEGIN{printf "%.3f", 0.01 + (r % 390) / 1000}')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null
done
stored=$("$py" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$db" 2>/dev/null || echo 0)
echo "trials: $trials, killed mid-run: $killed, documents committed before the last run: $stored of $expected"
timeout 300 "$bin" ingest --db "$db" --threads 2 "$tmp/in.jsonl" > /dev/null 2> "$tmp/final.err"
rc=$?
"$py" - "$db" "$expected" "$rc" "$killed" <<'PY'
import sqlite3, sys
db, expected, rc, killed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
c = sqlite3.connect(db)
q = lambda sql: c.execute(sql).fetchone()[0]
checks = [
    (f"final ingest exits 0 (got {rc})", rc == 0),
    (f"processes killed mid-run: {killed} (want >= 20)", killed >= 20),
    ("PRAGMA integrity_check is ok", q("PRAGMA integrity_check") == "ok"),
    (f"every document stored exactly once ({q('SELECT count(*) FROM documents')} of {expected})",
     q("SELECT count(*) FROM documents") == expected and q("SELECT count(DISTINCT raw_hash) FROM documents") == expected),
    ("one article per document", q("SELECT count(*) FROM articles") == expected),
    ("no article without its document",
     q("SELECT count(*) FROM articles a LEFT JOIN documents d ON d.id = a.document_id WHERE d.id IS NULL") == 0),
    ("every article indexed once", q("SELECT count(*) FROM articles_fts") == q("SELECT count(*) FROM articles")),
    ("FTS index is consistent", c.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')") is not None),
]
fails = 0
for what, ok in checks:
    print(("ok   " if ok else "FAIL ") + what)
    fails += not ok
sys.exit(1 if fails else 0)
PY
