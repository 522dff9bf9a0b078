#!/usr/bin/env python3
"""ECB+ dev robustness check for `storyline cluster` (python3 stdlib only).

usage: ecb_eval.py STORYLINE [-- extra cluster options]

Prints B-cubed F1 (the scorer's definition) in file order, over 5 fixed shuffles of the
input order (mean/min), and per topic fold (odd / even topics clustered on their own,
file order + the same 5 shuffles, mean). The gold `topic` field is used only to split the
evaluation, never given to the system.
"""
import json, os, random, subprocess, sys, tempfile
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("STORYLINE_SHARED", os.path.join(here, "..", "..", "shared"))
dev = os.path.join(shared, "bench", "clustering", "dev.jsonl")
binary = sys.argv[1]
extra = sys.argv[3:] if len(sys.argv) > 2 and sys.argv[2] == "--" else sys.argv[2:]
docs = [json.loads(l) for l in open(dev, encoding="utf8")]
gold = {d["id"]: d["cluster"] for d in docs}


def bcubed(pred, ids):
    g = Counter(gold[i] for i in ids); p = Counter(pred[i] for i in ids)
    j = Counter((gold[i], pred[i]) for i in ids)
    bp = sum(c * c / p[b] for (a, b), c in j.items()) / len(ids)
    br = sum(c * c / g[a] for (a, b), c in j.items()) / len(ids)
    return 2 * bp * br / (bp + br), bp, br


def run(subset):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for d in subset:
            f.write(json.dumps({k: d[k] for k in ("id", "title", "text", "lang", "date")}) + "\n")
        name = f.name
    out = subprocess.run([binary, "cluster", name, "--threads", "1"] + extra, capture_output=True, text=True, check=True).stdout
    os.unlink(name)
    pred = {}
    for line in out.splitlines():
        o = json.loads(line); pred[o["id"]] = o["event"]
    return bcubed(pred, [d["id"] for d in subset])


def orders(subset):
    yield subset
    for seed in range(1, 6):
        s = list(subset); random.Random(seed).shuffle(s); yield s


file_f, fp, fr = run(docs)
sh = [run(s)[0] for s in list(orders(docs))[1:]]
folds = {}
for name, par in (("odd", 1), ("even", 0)):
    sub = [d for d in docs if int(d["topic"][1:]) % 2 == par]
    folds[name] = [run(s)[0] for s in orders(sub)]
print("file F1 %.4f P %.4f R %.4f | shuffles mean %.4f min %.4f | odd %.4f even %.4f" % (
    file_f, fp, fr, sum(sh) / len(sh), min(sh), sum(folds["odd"]) / 6, sum(folds["even"]) / 6))
