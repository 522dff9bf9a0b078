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
finish
