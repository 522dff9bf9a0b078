#!/usr/bin/env python3
"""Story threads on dated news: `storyline cluster` on the articles of the summarization
bench (python3 stdlib only).

usage: story_eval.py STORYLINE [extra cluster options]

DUC 2004 (dev): 33 clusters of 10 articles, each a news topic followed for days to two
months, often with weeks between articles. Timeline17 (dev): 6 topics of 138 to 1,460
articles over 3 to 29 months (the BP oil spill, the Syrian uprising...). A story should
hold one topic: prints B-cubed F1/P/R of the stories against the topics, the number of
stories and the largest. The gold grouping is read only to score.
"""
import json, os, subprocess, sys, tempfile
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("STORYLINE_SHARED", os.path.join(here, "..", "..", "shared"))
binary, extra = sys.argv[1], sys.argv[2:]


def bcubed(gold, pred):
    ids = list(gold)
    g = Counter(gold[i] for i in ids)
    p = Counter(pred[i] for i in ids)
    j = Counter((gold[i], pred[i]) for i in ids)
    bp = sum(c * c / p[b] for (a, b), c in j.items()) / len(ids)
    br = sum(c * c / g[a] for (a, b), c in j.items()) / len(ids)
    return 2 * bp * br / (bp + br), bp, br, len(g), len(p), max(p.values())


def evaluate(name, path):
    if not os.path.exists(path):
        return f"{name}: SKIPPED, no data at {path}"
    gold = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for line in open(path, encoding="utf8"):
            topic = json.loads(line)
            for a in topic["articles"]:
                aid = topic["id"] + "/" + a["id"]
                gold[aid] = topic["id"]
                f.write(json.dumps({"id": aid, "title": a["title"], "text": a["text"], "lang": "en", "date": a["date"]}) + "\n")
        name_in = f.name
    out = subprocess.run([binary, "cluster", name_in] + extra, capture_output=True, text=True, check=True).stdout
    os.unlink(name_in)
    pred = {}
    for line in out.splitlines():
        o = json.loads(line)
        pred[o["id"]] = o["story"]
    f1, p, r, ng, npred, largest = bcubed(gold, pred)
    return f"{name} F1 {f1:.3f} P {p:.3f} R {r:.3f} ({ng} topics, {npred} stories, largest {largest})"


bench = os.path.join(shared, "bench", "summarization")
print(evaluate("DUC 2004", os.path.join(bench, "duc2004", "dev.jsonl")) + " | " +
      evaluate("T17", os.path.join(bench, "t17", "dev.jsonl")))
