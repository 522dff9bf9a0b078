// Ingest: inputs -> extraction on worker threads -> one writer into the store.
//
// A reader thread turns input paths into Documents (see sources.h), N workers hash and
// extract them, and the calling thread writes results in input order, batching many
// documents per transaction. Queues between the stages are bounded, so memory stays
// flat on any stream. Documents already stored (same raw bytes) are not extracted again.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "storyline/cedict.h"
#include "storyline/event_terms.h"
#include "storyline/events.h"
#include "storyline/extract.h"
#include "storyline/status.h"

namespace storyline {

struct IngestOptions {
  int threads = 0;                 // extraction workers; 0 = one per core
  std::size_t queue_capacity = 0;  // documents in flight per queue; 0 = 8 per worker
  int batch_documents = 500;       // commit after this many documents...
  double batch_seconds = 2.0;      // ...or this long, whichever comes first
  ExtractOptions extract;
  // After the documents are stored, place the new articles into events and stories
  // (place_articles.h). The dictionary: `dictionary` when the caller already loaded it,
  // else read from dictionary_path ("" for default_cedict_path()); when it cannot be
  // read, Chinese is matched by characters and on_problem says so once.
  bool place = true;
  EventOptions events;
  TermOptions terms;
  const ChineseDictionary* dictionary = nullptr;
  std::string dictionary_path;
};

struct IngestStats {
  std::size_t inputs_total = 0;  // input paths
  std::size_t inputs_done = 0;
  std::size_t documents = 0;     // documents seen (WARC/JSONL inputs hold many)
  std::size_t added = 0;
  std::size_t new_versions = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  std::size_t placed = 0;       // articles placed into events
  std::size_t new_events = 0;
  std::size_t events_folded = 0;  // one-article events folded into another (events.h)
  std::size_t events_split = 0;   // events split in two (events.h)
  std::size_t new_stories = 0;
  std::size_t copies = 0;       // of them, copies of another article
  double seconds = 0;
};

struct IngestCallbacks {
  std::function<void(const IngestStats&)> on_progress;  // called often; may be empty
  std::function<void(const std::string& where, const std::string& why)> on_problem;
};

// Opens (creating or migrating) the store at db_path and ingests every input path.
// Fails only when the store cannot be opened or written; bad inputs are reported
// through on_problem and counted as failed.
Result<IngestStats> ingest(const std::string& db_path, const std::vector<std::string>& paths,
                           const IngestOptions& options, const IngestCallbacks& callbacks);

}  // namespace storyline
