// Page metadata from HTML: JSON-LD, OpenGraph and other <meta>, <time>, bylines,
// <html lang>. Each date keeps where it came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "extract/html_dom.h"

namespace storyline::extract {

struct HtmlMetadata {
  std::string title;          // best title, site name not yet stripped
  std::string h1;             // the first <h1>'s text
  std::string site_name;      // og:site_name, JSON-LD publisher, application-name
  std::string description;
  std::string url;            // canonical, og:url, JSON-LD url
  std::vector<std::string> authors;
  std::string published, published_source;  // source: jsonld | meta | text (a <time>)
  bool published_relative = false;           // from "2 hours ago" and the like
  std::string updated, updated_source;
  std::string lang;           // <html lang>, normalized ("en", "zh-CN")
  std::vector<std::string> tags;
  std::string copyright_outlet;  // from a "© 2025 X" notice in the page
  std::string jsonld_type;       // "NewsArticle", "LiveBlogPosting", ...
  std::string jsonld_body;       // JSON-LD articleBody: the text of pages that render it by script
};

// reference: the time relative dates printed on the page ("2 hours ago") count from.
HtmlMetadata read_html_metadata(HtmlDocument* doc, const std::optional<ParsedDate>& reference = std::nullopt);

}  // namespace storyline::extract
