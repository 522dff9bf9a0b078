// Document: one raw input, as read, before anything is extracted from it.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

struct Document {
  std::string source;      // where it came from, as the user named it (a path, or "-")
  std::string bytes;       // raw content, decompressed but not yet decoded
  std::string url;         // the page's URL when the container knows it (WARC, JSONL)
  std::string fetched_at;  // capture time (ISO 8601) when the container knows it
  std::string charset;     // charset the container declares (HTTP header), "" if none
  // What a pre-extracted record states (a JSONL line's "title" and "date"), "" if nothing:
  // the article's title and publication date as given, over what extraction finds.
  std::string title;
  std::string published;
};

// Hex hash (128-bit) of raw bytes: a Document's identity, whatever its source.
std::string raw_content_hash(std::string_view bytes);

}  // namespace storyline
