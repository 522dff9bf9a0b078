#include "extract/html_dom.h"

#include <libxml/parser.h>

#include <climits>
#include <unordered_set>

#include "text/utf8.h"

namespace storyline::extract {

// XML_PARSE_HUGE lifts libxml2's nesting cap (256), past which it silently drops the
// rest of a page; our walks are iterative, so depth costs nothing but time.
HtmlDoc parse_html(std::string_view utf8) {
  const int size = static_cast<int>(std::min<std::size_t>(utf8.size(), INT_MAX));
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
  return HtmlDoc(htmlReadMemory(utf8.data(), size, nullptr, "UTF-8", options));
}

std::string attr_of(const xmlNode* n, const char* name) {
  if (!n || n->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && xmlStrcasecmp(a->name, reinterpret_cast<const xmlChar*>(name)) == 0) {
      if (a->children && a->children->content) return reinterpret_cast<const char*>(a->children->content);
      return "";
    }
  }
  return "";
}

bool is_non_content_tag(std::string_view t) {
  if (t.empty() || t.size() > 8) return false;
  return t == "script" || t == "style" || t == "noscript" || t == "template" || t == "svg" || t == "iframe" ||
         t == "head" || t == "select" || t == "textarea" || t == "object" || t == "embed" ||
         t == "canvas" || t == "input" || t == "map" || t == "video" || t == "audio" || t == "math" || t == "option";
}

bool is_block_tag(std::string_view t) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5",
      "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead",
      "figure", "figcaption", "form", "fieldset", "address", "hr", "br", "center", "details", "summary", "body", "html"};
  return kBlocks.count(t) != 0;
}

std::string text_of(const xmlNode* root) {
  std::string out;
  walk(const_cast<xmlNode*>(root),
       [&](xmlNode* n) {
         if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
           if (n->content) out += reinterpret_cast<const char*>(n->content);
           return false;
         }
         if (n->type != XML_ELEMENT_NODE) return false;
         if (is_non_content_tag(tag_of(n))) return false;
         if (is_block_tag(tag_of(n))) out += ' ';
         return true;
       },
       [](xmlNode*) {});
  return text::normalize_space(out);
}

}  // namespace storyline::extract
