// Inputs: turning command-line INPUT arguments into Documents.
//
// An INPUT is a file, a directory (walked recursively, in sorted order), a glob pattern,
// or "-" for standard input. Files ending in ".gz" are decompressed transparently.
// Nothing here prints; problems come back as Status messages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline {

// Largest input read, decompressed. Larger ones fail with a message rather than
// exhausting memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;

struct ExpandedInputs {
  std::vector<std::string> paths;     // files to read, and "-" for stdin
  std::vector<std::string> problems;  // "NAME: no such file or directory", one per bad argument
};

// Expands arguments into input paths. A directory yields its regular files, hidden files
// and folders skipped; a glob that matches nothing is a problem.
ExpandedInputs expand_inputs(const std::vector<std::string>& args);

// Reads one input path ("-" is stdin), gunzipping ".gz" files (or any gzip magic).
Result<Document> read_document(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

// Decompresses a complete gzip stream (all members). Truncated or corrupt data fails.
Result<std::string> gunzip(const std::string& compressed, std::size_t max_bytes = kMaxInputBytes);

}  // namespace storyline
