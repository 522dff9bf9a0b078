// Parallel extraction, results in input order.
//
// A reader thread turns input paths into Documents (sources.h), N worker threads hash
// and extract them, and the calling thread receives every result in input order, so
// output is the same for any number of threads. Queues between the stages are bounded:
// memory stays flat on a stream of any length.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/document.h"
#include "storyline/extract.h"

namespace storyline {

struct Extracted {
  enum class Kind {
    kArticle,    // article holds the extraction
    kSkipped,    // the skip predicate said so (e.g. already stored)
    kFailed,     // problem says why; doc.source says where
    kInputDone,  // one input path is finished (progress)
  };
  Kind kind = Kind::kFailed;
  Document doc;  // bytes released after hashing and extraction
  std::size_t doc_bytes = 0;
  std::string raw_hash;  // raw_content_hash of the bytes
  Article article;
  std::string problem;
};

struct PipelineOptions {
  int threads = 0;                 // workers; 0 = one per core
  std::size_t queue_capacity = 0;  // per queue; 0 = 8 per worker
  ExtractOptions extract;
  // Called once in each worker to make that worker's skip predicate (it may hold a
  // per-thread resource, such as a read-only store connection). May be empty.
  std::function<std::function<bool(const std::string& raw_hash)>()> make_skip;
};

// Runs the pipeline. on_result gets every result in input order; on_tick runs at least
// every 200 ms on the same thread (for timed commits and progress). Both run on the
// calling thread only.
void extract_in_order(const std::vector<std::string>& paths, const PipelineOptions& options,
                      const std::function<void(Extracted&&)>& on_result, const std::function<void()>& on_tick);

}  // namespace storyline
