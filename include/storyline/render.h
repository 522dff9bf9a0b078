// Rendering articles for output: JSON (one object per line), Markdown with YAML front
// matter, and the bare body text.
#pragma once

#include <string>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline {

// One JSON object, no newline; field names are the public contract of `extract`.
std::string article_to_json(const Article& a);

// Markdown: YAML front matter (title, url, outlet, authors, dates, languages, tags),
// then the body with headings, quotes and list items kept.
std::string article_to_markdown(const Article& a);

}  // namespace storyline

namespace storyline {

// Reads back what article_to_json wrote (blocks come back as paragraphs).
Result<Article> article_from_json(std::string_view json);

}  // namespace storyline
