#!/usr/bin/env bash
# Copies among the example corpus: the wire story syndicated by two outlets and the
# mirror of the Riverton Herald's March story (another site, a year later) are found,
# with the right canonical member and relation; nothing else is called a copy. `copies`
# lists the links ingest stored; `copies --recompute` compares every body afresh.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" copies_test
src=${STORYLINE_SOURCE:-$(cd "$(dirname "$BIN")/.." && pwd)}

run out err ingest --db s.db "$src/examples/pages"
[[ $RC -eq 0 ]] && pass "ingest of the examples" || { fail "ingest exit $RC"; show err; }
run groups.jsonl err copies --db s.db --json
[[ $RC -eq 0 ]] && pass "copies exits 0" || { fail "copies exit $RC"; show err; }
run batch.jsonl err copies --db s.db --json --recompute
[[ $RC -eq 0 ]] && pass "copies --recompute exits 0" || { fail "copies --recompute exit $RC"; show err; }
# The links ingest stored and a fresh batch comparison find the same groups. The mirror's
# canonical member is the earlier original; the wire pair (same day, same text) may have
# either: ingest keeps the one it placed first.
for f in groups.jsonl batch.jsonl; do
"$PY" - "$f" <<'PY' && pass "$f: two groups, the mirror under the earlier original and the wire copy" || fail "$f: copy groups differ (see above)"
import json, sys
groups = [json.loads(l) for l in open(sys.argv[1], encoding="utf8")]
name = lambda a: a["source"].rsplit("/", 1)[-1]
got = sorted((frozenset([name(g["canonical"])] + [name(c) for c in g["copies"]]),
              tuple(sorted(c["relation"] for c in g["copies"]))) for g in groups)
want = sorted([
    (frozenset(["a1-riverton-herald.html", "a1-mirror-newsdigest-hub.txt"]), ("mirror",)),
    (frozenset(["b-meridian-wire-coastline-times.txt", "b-meridian-wire-harbourside-daily.html"]), ("syndicated",)),
])
mirror = [g for g in groups if any(c["relation"] == "mirror" for c in g["copies"])]
if got != want or len(mirror) != 1 or name(mirror[0]["canonical"]) != "a1-riverton-herald.html":
    print("got: ", got, [name(g["canonical"]) for g in groups])
    print("want:", want)
    sys.exit(1)
for g in groups:
    for c in g["copies"]:
        assert c["copy_of"] == g["canonical"]["id"], c
PY
done
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
# A copy of a copy (each about 15 % edited from the one before, so the third is no copy
# of the first): one group under the first, the third linked through the second.
"$PY" - > chain.jsonl <<'PY'
import json
x, words = 12345, []
for i in range(400):
    x = (x * 1103515245 + 12345) % 2**32
    words.append(f"w{i}x{(x >> 16) % 997}")
def edited(w, first, tag):
    w = list(w)
    for i in range(first, len(w), 60): w[i] = f"{tag}{i}"
    return w
b = edited(words, 7, "bee")
for n, (site, day, w) in enumerate([("one", 1, words), ("two", 2, b), ("three", 3, edited(b, 37, "sea"))]):
    print(json.dumps({"url": f"https://{site}.example/crane", "fetched_at": f"2031-03-0{day}T10:00:00Z",
                      "html": f"<html><head><title>Crane report {site}</title></head><body><article><p>{' '.join(w)}.</p></article></body></html>"}))
PY
run out err ingest --db c.db chain.jsonl
run c.jsonl err copies --db c.db --json
"$PY" - c.jsonl <<'PY' && pass "a copy of a copy: one group, linked through the copy it matched" || fail "copy chain wrong (see above)"
import json, sys
groups = [json.loads(l) for l in open(sys.argv[1], encoding="utf8")]
assert len(groups) == 1, groups
g = groups[0]
site = lambda a: a["url"].split("//")[1].split(".")[0]
assert site(g["canonical"]) == "one", g
of = {site(c): c["copy_of"] for c in g["copies"]}
ids = {site(c): c["id"] for c in g["copies"]}
assert of == {"two": g["canonical"]["id"], "three": ids["two"]}, of
PY
run d.json err digest v1.jsonl v2.jsonl -o dg
grep -q "updated version of.*8 words added, 1 removed" dg/stories/*.md && pass "the digest names the update's size" \
  || { fail "digest lacks the update's size"; grep -rn "updated version" dg; }
finish
