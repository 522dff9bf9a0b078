#!/usr/bin/env bash
# Copies among the example corpus: the wire story syndicated by two outlets and the
# mirror of the Riverton Herald's March story (another site, a year later) are found,
# with the right canonical member and relation; nothing else is called a copy.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" copies_test
src=${STORYLINE_SOURCE:-$(cd "$(dirname "$BIN")/.." && pwd)}

run out err ingest --db s.db "$src/examples/pages"
[[ $RC -eq 0 ]] && pass "ingest of the examples" || { fail "ingest exit $RC"; show err; }
run groups.jsonl err copies --db s.db --json
[[ $RC -eq 0 ]] && pass "copies exits 0" || { fail "copies exit $RC"; show err; }
"$PY" - groups.jsonl <<'PY' && pass "two groups: the mirror (canonical: the earlier original) and the wire copy (same day, same text)" || fail "copy groups differ (see above)"
import json, sys
groups = [json.loads(l) for l in open(sys.argv[1], encoding="utf8")]
got = sorted((g["canonical"]["source"].rsplit("/", 1)[-1],
              tuple(sorted((c["source"].rsplit("/", 1)[-1], c["relation"]) for c in g["copies"]))) for g in groups)
want = sorted([
    ("a1-riverton-herald.html", (("a1-mirror-newsdigest-hub.txt", "mirror"),)),
    ("b-meridian-wire-coastline-times.txt", (("b-meridian-wire-harbourside-daily.html", "syndicated"),)),
])
if got != want:
    print("got: ", got)
    print("want:", want)
    sys.exit(1)
PY
# An updated version of a page (same URL, a paragraph added, one word changed) is an
# `update` of the first, with its diff size in words, at ingest time and in `copies`.
"$PY" - > v1.jsonl <<'PY'
import json
body = " ".join(f"The harbour council met for the {i}th time to discuss the ferry pier." for i in range(1, 30))
print(json.dumps({"url": "https://x.example/pier", "fetched_at": "2024-03-01T10:00:00Z",
                  "html": f"<html><head><title>Pier vote</title></head><body><article><p>{body}</p></article></body></html>"}))
PY
"$PY" - > v2.jsonl <<'PY'
import json
body = " ".join(f"The harbour council met for the {i}th time to discuss the ferry pier." for i in range(1, 30))
body = body.replace("the 7th time", "the seventh time") + " Update: the vote was postponed to Friday."
print(json.dumps({"url": "https://x.example/pier", "fetched_at": "2024-03-01T18:00:00Z",
                  "html": f"<html><head><title>Pier vote</title></head><body><article><p>{body}</p></article></body></html>"}))
PY
run out err ingest --db u.db v1.jsonl
run out err ingest --db u.db v2.jsonl
[[ $RC -eq 0 ]] && pass "ingest of an updated page" || { fail "ingest exit $RC"; show err; }
run u.jsonl err copies --db u.db --json
"$PY" - u.jsonl <<'PY' && pass "the update is linked with its diff size (+8 -1 words)" || fail "update link or diff size wrong (see above)"
import json, sys
groups = [json.loads(l) for l in open(sys.argv[1], encoding="utf8")]
assert len(groups) == 1, groups
c = groups[0]["copies"]
assert len(c) == 1 and c[0]["relation"] == "update", c
# "7th" -> "seventh": one word out, one in; "Update: the vote was postponed to Friday.": 7 in.
assert (c[0]["words_added"], c[0]["words_removed"]) == (8, 1), c
assert c[0]["shared_shingles"] > 100, c
PY
run d.json err digest v1.jsonl v2.jsonl -o dg
grep -q "updated version of.*8 words added, 1 removed" dg/stories/*.md && pass "the digest names the update's size" \
  || { fail "digest lacks the update's size"; grep -rn "updated version" dg; }
finish
