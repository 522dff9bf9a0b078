// Markdown documents with YAML front matter (existing digests, static-site posts).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline::extract {

// True when the text opens with a "---" line and closes the block with another.
bool has_front_matter(std::string_view utf8_text);

// The front matter's keys: scalar values, and lists ("- item" lines or "[a, b]").
struct FrontMatter {
  std::map<std::string, std::string> scalars;
  std::map<std::string, std::vector<std::string>> lists;
  std::string body;  // the Markdown after the closing "---"
};
FrontMatter parse_front_matter(std::string_view utf8_text);

// Title, dates (date_source "front_matter"), description, tags, author, source URL from
// the front matter and the first links; body blocks from the Markdown. kind "digest"
// when the document summarizes another (a link to an original plus summary sections).
Article extract_markdown(std::string_view utf8_text);

}  // namespace storyline::extract
