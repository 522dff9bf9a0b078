// Extraction: one Document in, one Article out.
//
// The format is detected from the content: HTML, Markdown with YAML front matter, or a
// plain-text dump that kept the whole page (menus, related lists, footers). The body is
// the article alone; metadata carries where each date came from. Pure: no I/O.
#pragma once

#include "storyline/article.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline {

enum class InputFormat { kHtml, kMarkdown, kText };

// Guesses the format of decoded text.
InputFormat detect_format(std::string_view utf8_text);

struct ExtractOptions {
  // The reference time for relative dates ("2 hours ago") and for rejecting dates in
  // the future, when the document has no capture time (Document::fetched_at). ISO 8601;
  // "" = none (relative dates stay unresolved, no future check).
  std::string now;
};

// Fails only when the document cannot be read as text at all (empty, binary).
// A page with no findable body still yields an Article, with a warning.
Result<Article> extract_article(const Document& doc, const ExtractOptions& options = {});

}  // namespace storyline
