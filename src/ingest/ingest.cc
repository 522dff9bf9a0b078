#include "storyline/ingest.h"

#include <chrono>

#include "storyline/pipeline.h"
#include "storyline/place_articles.h"
#include "storyline/store.h"

namespace storyline {

Result<IngestStats> ingest(const std::string& db_path, const std::vector<std::string>& paths,
                           const IngestOptions& options, const IngestCallbacks& cb) {
  Result<std::unique_ptr<Store>> opened = Store::open(db_path);
  if (!opened.ok()) return opened.status();
  Store& store = **opened;

  PipelineOptions pipeline;
  pipeline.threads = options.threads;
  pipeline.queue_capacity = options.queue_capacity;
  pipeline.extract = options.extract;
  // Each worker asks its own read-only connection whether a document is stored, so a
  // re-run skips extraction of everything it already has.
  pipeline.make_skip = [&db_path]() -> std::function<bool(const std::string&)> {
    Result<std::unique_ptr<Store>> r = Store::open(db_path, /*read_only=*/true);
    if (!r.ok()) return nullptr;
    std::shared_ptr<Store> lookup = std::move(r).value();
    return [lookup](const std::string& raw_hash) {
      Result<bool> known = lookup->has_document(raw_hash);
      return known.ok() && *known;
    };
  };

  IngestStats stats;
  stats.inputs_total = paths.size();
  Status failure = Status::Ok();
  bool open_txn = false;
  int in_batch = 0;
  const auto start = std::chrono::steady_clock::now();
  auto batch_start = start, last_progress = start;
  auto commit = [&]() {
    if (!open_txn) return;
    if (Status st = store.commit(); !st.ok() && failure.ok()) failure = st;
    open_txn = false;
    in_batch = 0;
  };

  // The writer: the calling thread, in input order, many documents per transaction.
  // After a store error it keeps draining the pipeline (so no thread blocks) but writes
  // nothing more.
  auto on_result = [&](Extracted&& r) {
    if (!failure.ok()) return;
    switch (r.kind) {
      case Extracted::Kind::kInputDone:
        ++stats.inputs_done;
        return;
      case Extracted::Kind::kFailed:
        ++stats.failed;
        if (cb.on_problem) cb.on_problem(r.doc.source, r.problem);
        return;
      case Extracted::Kind::kSkipped:
        ++stats.documents;
        ++stats.unchanged;
        return;
      case Extracted::Kind::kArticle:
        break;
    }
    ++stats.documents;
    if (!open_txn) {
      if (Status st = store.begin(); !st.ok()) {
        failure = st;
        return;
      }
      open_txn = true;
      batch_start = std::chrono::steady_clock::now();
    }
    Result<AddResult> added = store.add(r.doc, r.raw_hash, r.article);
    if (!added.ok()) {
      failure = added.status();
      return;
    }
    if (*added == AddResult::kAdded) ++stats.added;
    else if (*added == AddResult::kNewVersion) ++stats.new_versions;
    else ++stats.unchanged;
    if (++in_batch >= options.batch_documents) commit();
  };
  auto on_tick = [&]() {
    const auto now = std::chrono::steady_clock::now();
    if (open_txn && std::chrono::duration<double>(now - batch_start).count() >= options.batch_seconds) commit();
    if (cb.on_progress && now - last_progress > std::chrono::milliseconds(200)) {
      stats.seconds = std::chrono::duration<double>(now - start).count();
      cb.on_progress(stats);
      last_progress = now;
    }
  };
  extract_in_order(paths, pipeline, on_result, on_tick);
  commit();
  if (failure.ok() && options.place) {
    PlacementOptions placement;
    placement.events = options.events;
    placement.terms = options.terms;
    std::shared_ptr<const ChineseDictionary> loaded;
    placement.dictionary = options.dictionary;
    if (!placement.dictionary) {
      const std::string dict_path = options.dictionary_path.empty() ? default_cedict_path() : options.dictionary_path;
      Result<std::shared_ptr<const ChineseDictionary>> dict = ChineseDictionary::load(dict_path);
      if (dict.ok()) loaded = *dict;
      else if (cb.on_problem) cb.on_problem("dictionary", dict.status().message() + "; Chinese is matched by characters");
      placement.dictionary = loaded.get();
    }
    Result<PlacementStats> placed = place_new_articles(store, placement);
    if (!placed.ok()) failure = placed.status();
    else {
      stats.placed = placed->placed;
      stats.new_events = placed->new_events;
      stats.events_folded = placed->events_folded;
      stats.events_split = placed->events_split;
      stats.new_stories = placed->new_stories;
      stats.copies = placed->copies;
    }
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (cb.on_progress) cb.on_progress(stats);
  if (!failure.ok()) return failure;
  return stats;
}

}  // namespace storyline
