// HTML parsing with libxml2, and the walks the extractors share. Internal header.
//
// Walks are iterative (parent/next pointers, no recursion and no stack), so a page
// nested 100,000 deep costs time linear in its size and never overflows the stack.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace storyline::extract {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses UTF-8 HTML leniently (recover, no network, no error output).
HtmlDoc parse_html(std::string_view utf8);

// Lower-case ASCII tag name ("div"); "" for non-elements. libxml2's HTML parser
// already lower-cases names, so this is a view, not a copy.
inline std::string_view tag_of(const xmlNode* n) {
  return n && n->type == XML_ELEMENT_NODE && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                                                     : std::string_view();
}

// Attribute value, "" when absent.
std::string attr_of(const xmlNode* n, const char* name);

// Elements whose content is never text of the page.
bool is_non_content_tag(std::string_view tag);

// Block-level elements: they start and end a paragraph of text.
bool is_block_tag(std::string_view tag);

// All text below n, whitespace-normalized, non-content elements skipped.
std::string text_of(const xmlNode* n);

// Pre-order walk of n's subtree. visit(node) returns false to skip the node's children;
// leave(node) runs after an element's children (post-order).
template <typename Visit, typename Leave>
void walk(xmlNode* root, Visit visit, Leave leave) {
  if (!root) return;
  xmlNode* n = root;
  for (;;) {
    bool descend = visit(n);
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    if (n->type == XML_ELEMENT_NODE && n != root) leave(n);
    if (n == root) {
      if (n->type == XML_ELEMENT_NODE) leave(n);
      return;
    }
    while (!n->next) {
      n = n->parent;
      if (!n || n == root) {
        if (n) leave(n);
        return;
      }
      leave(n);
    }
    n = n->next;
  }
}

}  // namespace storyline::extract
