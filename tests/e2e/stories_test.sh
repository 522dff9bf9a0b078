#!/usr/bin/env bash
# Events and stories: the seeds form two events of one story (the mirror's wrong date
# flagged), the example corpus's Chinese pages join their English events and the
# unrelated recall stays apart; results do not depend on --threads; the store places a
# page added later without moving the others.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" stories_test
src=${STORYLINE_SOURCE:-$(cd "$(dirname "$BIN")/.." && pwd)}
seeds=${STORYLINE_SHARED:-$src/../shared}/seeds

# --- the example corpus (always present) ---
run ex1.jsonl err cluster --threads 1 "$src/examples/pages"
[[ $RC -eq 0 ]] && pass "cluster on the examples exits 0" || { fail "cluster exit $RC"; show err; }
run ex2.jsonl err cluster --threads 2 "$src/examples/pages"
cmp -s ex1.jsonl ex2.jsonl && pass "same events and stories with 1 and 2 threads" || fail "--threads changes the result"
"$PY" - ex1.jsonl <<'PY' && pass "examples: A1 (with its Chinese page and the mirror) and A2 (with its Chinese page) are two events of one story; B apart" || fail "example events/stories differ (see above)"
import json, sys
rows = {json.loads(l)["id"].rsplit("/", 1)[-1]: json.loads(l) for l in open(sys.argv[1], encoding="utf8")}
def ev(prefix): return {r["event"] for k, r in rows.items() if k.startswith(prefix)}
def st(prefix): return {r["story"] for k, r in rows.items() if k.startswith(prefix)}
ok = len(ev("a1-")) == 1 and len(ev("a2-")) == 1 and len(ev("b-")) == 1 and ev("a1-") != ev("a2-")
ok = ok and st("a1-") == st("a2-") and len(st("a")) == 1 and st("b-") != st("a")
ok = ok and rows["a1-mirror-newsdigest-hub.txt"].get("date_conflict") is True
if not ok:
    for k in sorted(rows): print(k, rows[k])
    sys.exit(1)
PY

# --- ingest places copies too: the wire copy and the mirror, found through the stored keys ---
run half.json err ingest --db ex.db --json "$src"/examples/pages/a1-riverton-herald.html "$src"/examples/pages/b-meridian-wire-coastline-times.txt
run rest.json err ingest --db ex.db --json "$src/examples/pages"
"$PY" - half.json rest.json <<'PY' && pass "ingest in two steps: the later pages' copies (wire copy, mirror) are found among the earlier ones" || fail "copies at ingest (see above)"
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
ok = a["copies"] == 0 and b["copies"] == 2 and b["placed"] == 12 and a["placed"] == 2
if not ok: print(a, b); sys.exit(1)
PY
run story.json err story --db ex.db 1 --json
"$PY" - story.json <<'PY' && pass "the story's mirror points to the Riverton Herald's original" || fail "mirror link in story --json (see above)"
import json, sys
s = json.load(open(sys.argv[1]))["stories"][0]
arts = {a["id"]: a for e in s["events"] for a in e["articles"]}
mirror = [a for a in arts.values() if a["copy_relation"] == "mirror"]
ok = len(mirror) == 1 and arts[mirror[0]["copy_of"]]["source"].endswith("a1-riverton-herald.html")
if not ok: print([(a["source"], a["copy_relation"], a["copy_of"]) for a in arts.values()]); sys.exit(1)
PY

# --- pre-extracted JSONL in, one line out per line, in input order; a bad line is named ---
cat > pre.jsonl <<'J'
{"id": "x1", "title": "Magnitude 7.1 earthquake strikes off Sumatra", "text": "A magnitude 7.1 earthquake struck off Sumatra on Tuesday, killing 12 people in Padang.", "lang": "en", "date": "2024-03-05"}
{"id": "x2", "title": "Carmaker recalls 410,000 sedans", "text": "Corvane Motors will recall 410,000 sedans over a brake fault.", "lang": "en", "date": "2024-03-04"}
not json
{"id": "x3", "title": "Sumatra earthquake toll rises to 12", "text": "Rescuers in Padang searched rubble after the magnitude 7.1 quake off Sumatra killed 12 people.", "lang": "en", "date": "2024-03-06"}
J
run pre.out err cluster pre.jsonl
[[ $RC -eq 1 ]] && grep -q "pre.jsonl:3" err && pass "a bad JSONL line: exit 1, named with its line number" || { fail "bad line: exit $RC"; show err; }
"$PY" - pre.out <<'PY' && pass "pre-extracted lines: input order kept, the two quake reports share an event" || fail "pre-extracted clustering (see above)"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ids = [r["id"] for r in rows]
ok = ids == ["x1", "x2", "x3"] and rows[0]["event"] == rows[2]["event"] != rows[1]["event"]
if not ok: print(rows); sys.exit(1)
PY

# --- a later report folds a lone one into its event; the earlier line says so, even when
# --- it was clustered in an earlier batch ---
cat > lone.jsonl <<'J'
{"id": "q", "title": "Magnitude 7.1 earthquake strikes off Sumatra", "text": "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, killing 12 people in Padang.", "lang": "en", "date": "2024-03-05"}
{"id": "h", "title": "Padang hospitals overwhelmed", "text": "Doctors at the Padang general hospital treated hundreds of injured residents overnight; generators failed and wards overflowed into corridors.", "lang": "en", "date": "2024-03-06"}
{"id": "b", "title": "Sumatra quake: Padang hospitals overwhelmed as toll rises to 12", "text": "The magnitude 7.1 earthquake off Sumatra killed 12 people. Doctors at the Padang general hospital treated hundreds of injured residents as wards overflowed into corridors.", "lang": "en", "date": "2024-03-06"}
J
run lone.out err cluster --batch 1 lone.jsonl
run lone_off.out err cluster --batch 1 --absorb-similarity 2 lone.jsonl
"$PY" - lone.out lone_off.out <<'PY' && pass "a lone report folded into a later event is printed with that event (and not when off)" || fail "absorbed line (see above)"
import json, sys
on, off = ([json.loads(l) for l in open(p)] for p in sys.argv[1:3])
ok = [r["id"] for r in on] == ["q", "h", "b"] and len({(r["event"], r["story"]) for r in on}) == 1
ok = ok and off[0]["event"] != off[2]["event"] == off[1]["event"]
if not ok: print(on, off); sys.exit(1)
PY

# --- two fights reported alternately share one event until it reads as two and splits;
# --- the lines printed before the split (earlier batches) follow it ---
"$PY" - > fights.jsonl <<'PY'
import json
kind = "Klitschko heavyweight title belts retained stopped referee champion jab crowd defence challenger".split()
own = ["Rahman Hasim Mannheim seventh substitute sluggish Weeks notice Lewis former cornered arena".split(),
       "Thompson Tony Bern sixth southpaw rematch Suisse veteran canvas Swiss forty stadium".split()]
for n in range(16):
    f, i = n % 2, n // 2
    title = " ".join(["Klitschko"] + [own[f][(i + 3 * k) % 12] for k in range(4)])
    text = " ".join(kind[(i + k) % 12] + " " + own[f][(2 * i + k) % 12] for k in range(7)) + " ."
    print(json.dumps({"id": "f%d-%d" % (f, i), "title": title, "text": text, "lang": "en", "date": "2024-03-05"}))
PY
run fights.out err cluster --batch 4 fights.jsonl
run fights_off.out err cluster --batch 4 --split-margin 2 fights.jsonl
"$PY" - fights.out fights_off.out <<'PY' && pass "an event that reads as two fights is split, earlier lines included (one event when off)" || fail "split lines (see above)"
import json, sys
on, off = ([json.loads(l) for l in open(p)] for p in sys.argv[1:3])
events = {f: {r["event"] for r in on if r["id"].startswith(f)} for f in ("f0", "f1")}
ok = len(on) == 16 and all(len(e) == 1 for e in events.values()) and events["f0"] != events["f1"]
ok = ok and len({r["story"] for r in on}) == 1 and len({r["event"] for r in off}) == 1
if not ok: print(on, off); sys.exit(1)
PY

# --- the seeds (need ../shared) ---
if [[ -d "$seeds" ]]; then
  run seeds.jsonl err cluster "$seeds"/00[0-4]_*.txt
  "$PY" - seeds.jsonl <<'PY' && pass "seeds: 000-003 one event (002's date flagged), 004 another, one story" || fail "seed events differ (see above)"
import json, sys
rows = {json.loads(l)["id"].rsplit("/", 1)[-1][:3]: json.loads(l) for l in open(sys.argv[1])}
may = {rows[k]["event"] for k in ("000", "001", "002", "003")}
ok = len(may) == 1 and rows["004"]["event"] not in may and len({r["story"] for r in rows.values()}) == 1
ok = ok and rows["002"].get("date_conflict") is True and not rows["000"].get("date_conflict")
if not ok:
    for k in sorted(rows): print(k, rows[k])
    sys.exit(1)
PY
  # Incremental: four seeds first, the November one later.
  run out err ingest --db s.db "$seeds"/00[0-3]_*.txt
  run before.jsonl err stories --db s.db --json
  run out err ingest --db s.db "$seeds"/004_*.txt
  [[ $RC -eq 0 ]] && grep -q "placed 1 article: 1 new event, 0 new stories" err && pass "a later page is placed alone: a new event in the existing story" || { fail "incremental ingest"; show err; }
  run after.jsonl err stories --db s.db --json
  "$PY" - before.jsonl after.jsonl <<'PY' && pass "stories --json: the earlier event is unchanged, the story now has two events and five articles" || fail "stories after the incremental ingest (see above)"
import json, sys
b = [json.loads(l) for l in open(sys.argv[1])]
a = [json.loads(l) for l in open(sys.argv[2])]
ok = len(b) == 1 and len(a) == 1 and a[0]["id"] == b[0]["id"] and len(a[0]["events"]) == 2
ok = ok and a[0]["articles"] == 5 and b[0]["events"][0] in a[0]["events"]
ok = ok and a[0]["first_date"] == "2024-05-30" and a[0]["last_date"] == "2024-11-17"
if not ok: print(b, a, sep="\n"); sys.exit(1)
PY
  story=$("$PY" -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' after.jsonl)
  run story.md err story --db s.db "$story"
  [[ $RC -eq 0 ]] && grep -q "^## Timeline" story.md && grep -q "date doubtful" story.md && pass "story ID prints the story page, the mirror's date marked doubtful" || { fail "story $story"; show story.md; show err; }
  run out err story --db s.db 999
  [[ $RC -eq 1 ]] && grep -q "no story 999" err && pass "an unknown story: one line, exit 1" || { fail "story 999: exit $RC"; show err; }
else
  echo "  SKIP seed checks: $seeds not found (set STORYLINE_SHARED)"
fi
finish
