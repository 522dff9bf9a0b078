// The HTML document tree the extractors read, our own parser for it, and the walks
// they share. Internal header.
//
// parse_html builds the tree in one pass over the UTF-8 text: nodes, attributes and
// decoded text live in the document's arenas (no allocation per node), and text and
// attribute values that need no decoding are views into the input, which must
// outlive the document. The tree is the one libxml2's HTML parser (2.9) builds, which
// the extraction rules were written against: its implied html/head/body, its rules for
// start tags that close open elements (a <p> closed by a block, an <li> by the next
// <li>, a cell by the next cell), its end-tag priorities (a stray </span> does not
// close a <div>), void elements, and its white-space dropping. Two departures, both
// invisible to the extractors: comments, doctypes and processing instructions make no
// nodes, and <script>/<style> keep their text only for JSON-LD.
//
// Every step is linear in the input: the open elements are a stack with per-tag
// counts, so neither deep nesting nor stray end tags cost quadratic time. Walks are
// iterative (parent/next pointers, no recursion), so a page nested 100,000 deep never
// overflows the stack.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {

enum class NodeType : std::uint8_t {
  kDocument,  // the parent of the root elements
  kElement,
  kText,
  kRawText,   // the text of a <script type="application/ld+json">
};

struct Attribute {
  std::string_view name;   // lower-case
  std::string_view value;  // character references decoded; "" when given without a value
};

// A node of the tree. Fields mirror libxml2's xmlNode where the extractors use them.
struct Node {
  NodeType type = NodeType::kElement;
  std::uint16_t tag = 0;       // interned tag id (html_tags.h); 0 for non-elements
  std::uint32_t attr_count = 0;
  // Free for one pass over the tree to attach its own per-node figures (an index into
  // its table, 0 = none), as libxml2 leaves xmlNode::_private to applications.
  std::uint32_t scratch = 0;
  Node* parent = nullptr;
  Node* children = nullptr;  // first child
  Node* last = nullptr;      // last child
  Node* next = nullptr;
  Node* prev = nullptr;
  std::string_view name;     // element: lower-case ASCII tag name
  std::string_view content;  // text: UTF-8, references decoded
  const Attribute* attrs = nullptr;
};

// A parsed page: the tree and the memory it lives in.
class HtmlDocument {
 public:
  HtmlDocument();
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  Node* node() { return &document_; }  // the document node, parent of the roots
  std::size_t node_count() const { return node_count_; }

  // Arena allocation, for the parser. Memory lives as long as the document.
  Node* new_node();
  char* new_chars(std::size_t n);
  Attribute* new_attributes(std::size_t n);
  // Gives back the tail of the last new_chars block (a decoded string came out shorter).
  void shrink_last_chars(char* begin, std::size_t used, std::size_t reserved);

 private:
  void* allocate(std::size_t bytes, std::size_t align);

  Node document_;
  std::size_t node_count_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
};

using HtmlDoc = std::unique_ptr<HtmlDocument>;

// Parses UTF-8 HTML leniently; never fails. utf8 must outlive the document.
HtmlDoc parse_html(std::string_view utf8);

// The first element at the top of the document (<html>, implied if absent), or null.
Node* root_element(HtmlDocument* doc);

// Lower-case ASCII tag name ("div"); "" for non-elements.
inline std::string_view tag_of(const Node* n) {
  return n && n->type == NodeType::kElement ? n->name : std::string_view();
}

// Attribute value (name lower-case), "" when absent. A view into the document.
std::string_view attr_of(const Node* n, std::string_view name);

// Whether the element has the attribute at all (<div hidden>).
bool has_attr(const Node* n, std::string_view name);

// Elements whose content is never text of the page.
bool is_non_content_tag(std::string_view tag);

// Block-level elements: they start and end a paragraph of text.
bool is_block_tag(std::string_view tag);

// All text below n, whitespace-normalized, non-content elements skipped.
std::string text_of(const Node* n);

// Pre-order walk of n's subtree. visit(node) returns false to skip the node's children;
// leave(node) runs after an element's children (post-order).
template <typename Visit, typename Leave>
void walk(Node* root, Visit visit, Leave leave) {
  if (!root) return;
  Node* n = root;
  for (;;) {
    bool descend = visit(n);
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    if (n->type == NodeType::kElement && n != root) leave(n);
    if (n == root) {
      if (n->type == NodeType::kElement) leave(n);
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
