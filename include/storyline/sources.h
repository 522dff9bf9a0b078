// Sources: the Documents inside one input path.
//
// A plain file (HTML, text, Markdown; gzip or not) is one Document. A WARC or WARC.gz
// file (WARC/1.0 and 1.1, multi-member gzip) yields one Document per `response` or
// `resource` record, with the target URI, capture date and HTTP charset. A JSONL file
// yields one per line {"url", "html" | "text", "fetched_at"?}. Reading streams: memory
// stays bounded by the largest record, whatever the file's size.
#pragma once

#include <functional>
#include <string>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline {

enum class SourceKind { kSingle, kWarc, kJsonl };

// Decided by name (".warc", ".warc.gz", ".jsonl", ".jsonl.gz") and, failing that, by the
// first bytes ("WARC/1.", or a JSON object with an "html" or "text" key).
SourceKind source_kind(const std::string& path, std::string_view first_bytes);

// Calls on_document for every Document in path ("-" is stdin) and on_problem for every
// record that cannot be read (the rest goes on). Fails only when the path itself cannot
// be read. on_document returns false to stop early.
struct SourceCallbacks {
  std::function<bool(Document&&)> on_document;
  std::function<void(const std::string& where, const std::string& why)> on_problem;
};
Status read_source(const std::string& path, const SourceCallbacks& callbacks);

}  // namespace storyline
