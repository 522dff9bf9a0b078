#!/usr/bin/env bash
# The store end to end: WARC and JSONL ingest, idempotence, versions, search (English
# and Chinese), listing, export, bad stores, and search while an ingest runs.
set -u
bin=${1:?usage: store_test.sh STORYLINE_BINARY}
src=${STORYLINE_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
py=/usr/bin/python3
[ -x "$py" ] || { echo "SKIPPED: $py not found"; exit 77; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
check() {  # DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
field() { "$py" -c "import json,sys; print(json.loads(sys.stdin.readline())['$1'])"; }

pages="$src/examples/pages"
"$py" "$src/tests/tools/make_corpus.py" warc "$pages" "$tmp/pages.warc.gz"
"$py" "$src/tests/tools/make_corpus.py" jsonl "$pages" "$tmp/pages.jsonl" --copies 2 --fetched-at 2031-03-04T00:00:00Z
n_pages=$(ls "$pages" | wc -l)
db="$tmp/s.db"

out=$(timeout 60 "$bin" ingest --db "$db" --json --threads 2 "$tmp/pages.warc.gz" "$tmp/pages.jsonl"); rc=$?
check "first ingest exits 0" [ "$rc" = 0 ]
check "first ingest adds every page (WARC: $n_pages, JSONL: $((2 * n_pages)))" [ "$(echo "$out" | field added)" = $((3 * n_pages)) ]
out=$(timeout 60 "$bin" ingest --db "$db" --json "$tmp/pages.warc.gz" "$tmp/pages.jsonl"); rc=$?
check "second ingest adds nothing" [ "$rc" = 0 -a "$(echo "$out" | field added)" = 0 -a "$(echo "$out" | field unchanged)" = $((3 * n_pages)) ]

# A changed page at a URL already stored is a new version.
"$py" - "$tmp/pages.jsonl" "$tmp/changed.jsonl" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1], encoding='utf8').readline())
key = 'html' if 'html' in rec else 'text'
rec[key] = rec[key].replace('<p>', '<p>Correction: an earlier version misstated the date. ', 1) if key == 'html' else rec[key] + '\nCorrection: an earlier version misstated the date of the hearing.\n'
open(sys.argv[2], 'w', encoding='utf8').write(json.dumps(rec) + '\n')
PY
out=$(timeout 60 "$bin" ingest --db "$db" --json "$tmp/changed.jsonl")
check "changed page is a new version" [ "$(echo "$out" | field new_versions)" = 1 ]

hits=$(timeout 20 "$bin" search --db "$db" --json "Brenmoor tribunal" | wc -l)
check "search finds English articles ($hits hits)" [ "$hits" -ge 3 ]
zh=$(timeout 20 "$bin" search --db "$db" --json 大坝)
check "search finds a two-character Chinese word" [ -n "$zh" ]
check "snippets mark the match" bash -c "echo '$zh' | grep -q '\[大坝\]'"
check "articles --lang zh lists the Chinese pages only" [ "$(timeout 20 "$bin" articles --db "$db" --lang zh --json | wc -l)" -ge 2 ]
first_id=$(timeout 20 "$bin" articles --db "$db" --json --limit 1 | field id)
check "article ID shows one article" bash -c "timeout 20 '$bin' article --db '$db' '$first_id' | grep -q '^title:'"
check "export writes every article" [ "$(timeout 20 "$bin" export --db "$db" | wc -l)" = $((3 * n_pages + 1)) ]

# Bad stores: one line, exit 1, the file untouched.
echo "my notes, not a database" > "$tmp/notes.txt"
err=$(timeout 20 "$bin" ingest --db "$tmp/notes.txt" "$pages" 2>&1 >/dev/null); rc=$?
check "a non-SQLite --db is refused with one line" [ "$rc" = 1 -a "$(echo "$err" | wc -l)" = 1 ]
check "... and left as it was" [ "$(cat "$tmp/notes.txt")" = "my notes, not a database" ]
err=$(timeout 20 "$bin" search --db "$tmp/missing.db" pier 2>&1); rc=$?
check "a missing store is an error for readers, not created" [ "$rc" = 1 -a ! -e "$tmp/missing.db" ]

# Readers while a writer writes (WAL): search every 0.1 s during a longer ingest.
"$py" "$src/tests/tools/make_corpus.py" jsonl "$pages" "$tmp/big.jsonl" --copies 60
timeout 120 "$bin" ingest --db "$db" --threads 2 "$tmp/big.jsonl" 2>/dev/null &
writer=$!
reads=0 read_fail=0
while kill -0 "$writer" 2>/dev/null; do
  if timeout 20 "$bin" search --db "$db" --json Brenmoor > /dev/null 2>&1; then reads=$((reads + 1)); else read_fail=$((read_fail + 1)); fi
  sleep 0.1
done
wait "$writer"; rc=$?
check "ingest under concurrent searches succeeds" [ "$rc" = 0 ]
check "every search during the ingest succeeded ($reads ok, $read_fail failed)" [ "$reads" -ge 1 -a "$read_fail" = 0 ]

echo "store_test: $fails failed"
[ "$fails" = 0 ]
