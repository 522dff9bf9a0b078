#!/usr/bin/env bash
# storyline digest, the main job: on the five seeds, one story with two events, the
# timeline's dates, the quotes with their speakers, every output file; with a language
# model (a local stand-in speaking the OpenAI protocol) the model's parts are added, and a
# model that fails or times out leaves the extractive digest whole.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}" digest_test
src=${STORYLINE_SOURCE:-$(cd "$(dirname "$BIN")/.." && pwd)}
seeds=${STORYLINE_SHARED:-$src/../shared}/seeds

# The example corpus: what make run does.
run out err digest "$src/examples/pages" -o ex
[[ $RC -eq 0 ]] && grep -q "2 stories, 3 events, 14 articles" out && pass "examples: 2 stories, 3 events, 14 articles" || { fail "digest of the examples: exit $RC"; show out; show err; }
for f in ex/index.md ex/index.html ex/digest.json ex/storyline.db; do
  [[ -s $f ]] && pass "wrote $f" || fail "missing $f"
done
[[ $(ls ex/stories/*.md 2>/dev/null | wc -l) -eq 2 ]] && pass "two story pages" || fail "story pages: $(ls ex/stories)"

if [[ ! -d "$seeds" ]]; then
  echo "  SKIP seed checks: $seeds not found (set STORYLINE_SHARED)"
  finish
fi
mkdir in && cp "$seeds"/00[0-4]_*.txt in/
run out err digest in -o d
[[ $RC -eq 0 ]] && grep -q "1 stories, 2 events, 5 articles" out && pass "seeds: one story with two events" || { fail "digest of the seeds: exit $RC"; show out; show err; }
"$PY" - d/digest.json "$seeds/expected.json" <<'PY' && pass "digest.json: timeline dates, quotes with speakers, aliases merged, model parts listed as needed" || fail "digest.json content (see above)"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf8"))
s = d["stories"][0]
problems = []
dates = {e["date"] for e in s["timeline"]}
for want in ("2024-05-30", "2024-05-31", "2024-11-17"):
    if want not in dates: problems.append("timeline lacks " + want)
# Every quote the careful reader found (expected.json) is in the digest with its speaker.
expected = json.load(open(sys.argv[2], encoding="utf8"))
quotes = {(q["speaker"], q["text"]) for q in s["quotes"]}
for art in expected["articles"].values():
    for want in art.get("quotes", []):
        if not any(sp == want["speaker"] and t.startswith(want["starts_with"]) for sp, t in quotes):
            problems.append("no quote %s: %s" % (want["speaker"], want["starts_with"]))
biden = [e for e in s["entities"] if e["name"] == "Joe Biden"]
if not biden or "乔·拜登" not in biden[0]["aliases"]: problems.append("Joe Biden / 乔·拜登 not merged")
if len(s["events"]) != 2 or [len(e["articles"]) for e in s["events"]] != [4, 1]: problems.append("events: %s" % [len(e["articles"]) for e in s["events"]])
suspect = [a for e in s["events"] for a in e["articles"] if a["date_suspect"]]
if [a["source"].rsplit("/", 1)[-1][:3] for a in suspect] != ["002"]: problems.append("suspect dates: %s" % suspect)
if "abstractive summary" not in s["needs_model"]: problems.append("needs_model: %s" % s["needs_model"])
if problems:
    print("\n".join(problems)); sys.exit(1)
PY
page=$(ls d/stories/*.md | head -1)
head -1 "$page" | grep -qx -- "---" && grep -q "^title: " "$page" && grep -q "^date: 2024-05-30" "$page" && grep -q "^updated: 2024-11-17" "$page" \
  && pass "story page: YAML front matter with title and dates" || { fail "story page front matter"; show "$page"; }
grep -q "needs --llm" "$page" && pass "the page says which parts need a model" || fail "no needs-model note"

# With a model.
start_llm() { # start_llm MODE: sets LLM_PID and LLM_URL
  rm -f port
  "$PY" "$src/tests/tools/fake_llm.py" "$1" port & LLM_PID=$!
  for _ in $(seq 50); do [[ -s port ]] && break; sleep 0.1; done
  LLM_URL="http://127.0.0.1:$(cat port)"
}
start_llm good
run out err digest in -o m --db d/storyline.db --llm "$LLM_URL" --translate zh
kill $LLM_PID
[[ $RC -eq 0 ]] && grep -q "MODEL SUMMARY" m/stories/*.md && grep -q "Question 2?" m/stories/*.md && grep -q "这是模型写的摘要" m/stories/*.md \
  && pass "with --llm: the model's summary, questions and translation are in the page" || { fail "digest --llm: exit $RC"; show err; show "$(ls m/stories/*.md | head -1)"; }
"$PY" -c 'import json,sys; s=json.load(open(sys.argv[1]))["stories"][0]; sys.exit(0 if s["model"]["summary"] and len(s["model"]["questions"])==3 and s["summary"] and not s["needs_model"] else 1)' m/digest.json \
  && pass "digest.json keeps the extractive summary next to the model's parts" || fail "digest.json model parts"

for mode in garbage error; do
  start_llm $mode
  run out err digest in -o g --db d/storyline.db --llm "$LLM_URL"
  kill $LLM_PID
  [[ $RC -eq 0 ]] && grep -q "^## Timeline" g/stories/*.md && grep -q "storyline: .*abstractive summary" err \
    && pass "a model that answers $mode: the extractive digest is whole, the failure named" || { fail "llm $mode: exit $RC"; show err; }
done
start_llm slow
run out err digest in -o t --db d/storyline.db --llm "$LLM_URL" --llm-timeout 1
kill $LLM_PID
[[ $RC -eq 0 ]] && grep -q "timed out" err && grep -q "^## Quotes" t/stories/*.md && pass "a model that never answers: timed out, digest whole" || { fail "llm slow: exit $RC"; show err; }
run out err digest in -o r --db d/storyline.db --llm http://127.0.0.1:9
[[ $RC -eq 0 ]] && grep -q "^## Summary" r/stories/*.md && pass "no model at that address: digest whole" || { fail "llm refused: exit $RC"; show err; }
finish
