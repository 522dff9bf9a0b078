// The main content of an HTML page, by DOM scoring.
//
// Paragraph-like elements score their ancestors by text length and commas, damped by
// link density and by class/id hints ("article", "content" up; "comment", "share",
// "related", "footer" down), in the manner of Readability and trafilatura. The best
// container and its content-bearing siblings become the body, emitted as typed blocks;
// navigation, link lists, share widgets, figures and bylines inside it are left out.
#pragma once

#include <string>
#include <vector>

#include "extract/html_dom.h"
#include "storyline/article.h"

namespace storyline::extract {

struct HtmlContent {
  std::vector<Block> blocks;
  std::vector<std::string> captions;
  bool found_container = false;  // false: no block scored, the body is a fallback
};

// title: the page's title, so a heading repeating it is not kept in the body.
HtmlContent extract_html_content(HtmlDocument* doc, const std::string& title);

}  // namespace storyline::extract
