#!/usr/bin/env bash
# Event clustering: B-cubed F1 on ECB+ dev (../shared/bench/clustering, its scorer's last
# line), then throughput and memory on a generated stream and on real articles
# (bench/cluster_bench.cc).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${STORYLINE_SHARED:-$here/../../shared}
set_dir=$shared/bench/clustering
echo "== clustering (ECB+ dev, $set_dir)"
if [ -f "$set_dir/dev.jsonl" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # The system sees only id, title, text, lang and date; never the gold labels.
  /usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf8"):
    d = json.loads(line)
    print(json.dumps({k: d[k] for k in ("id", "title", "text", "lang", "date")}, ensure_ascii=False))
' "$set_dir/dev.jsonl" > "$tmp/in.jsonl"
  "$build/storyline" cluster "$tmp/in.jsonl" | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "cluster": d["event"]}))
' > "$tmp/pred.jsonl"
  echo "clustering quality: $(/usr/bin/python3 "$set_dir/score.py" "$tmp/pred.jsonl" "$set_dir/dev.jsonl" | tail -1)"
  # The file's order (sorted by anonymised id) is as arbitrary as any other: the same
  # figure over shuffled orders, and per half of the topics, says how much of it is luck.
  echo "clustering order robustness: $(STORYLINE_SHARED=$shared /usr/bin/python3 "$here/ecb_eval.py" "$build/storyline")"
  # Stories on dated streams: DUC 2004 and Timeline17 topics followed over weeks and months.
  echo "story threads: $(STORYLINE_SHARED=$shared /usr/bin/python3 "$here/story_eval.py" "$build/storyline")"
else
  echo "clustering quality: SKIPPED, no benchmark data at $set_dir (set STORYLINE_SHARED)"
fi
# Throughput on the generated stream, then on real articles (DUC 2004 and Timeline17 dev,
# flattened to one JSON line per article) when they are there.
real=()
sum_dir=$shared/bench/summarization
if [ -f "$sum_dir/duc2004/dev.jsonl" ] && [ -f "$sum_dir/t17/dev.jsonl" ]; then
  news=$(mktemp)
  /usr/bin/python3 -c '
import json, sys
for path in sys.argv[1:]:
    for line in open(path, encoding="utf8"):
        for a in json.loads(line)["articles"]:
            print(json.dumps({"title": a["title"], "text": a["text"], "date": a["date"]}, ensure_ascii=False))
' "$sum_dir/duc2004/dev.jsonl" "$sum_dir/t17/dev.jsonl" > "$news"
  real=(--real "$news")
else
  echo "cluster speed on real news: SKIPPED, no articles at $sum_dir (set STORYLINE_SHARED)"
fi
"$build/cluster_bench" --docs "${CLUSTER_BENCH_DOCS:-100000}" "${real[@]}"
if [ -n "${news:-}" ]; then rm -f "$news"; fi
