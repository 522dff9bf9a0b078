#include "extract/html_dom.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>
#include <unordered_set>

#include "extract/html_entities.h"
#include "extract/html_tags.h"
#include "text/utf8.h"

namespace storyline::extract {

// ---- the document's memory --------------------------------------------------------

namespace {
constexpr std::size_t kBlockBytes = 64 * 1024;
}  // namespace

HtmlDocument::HtmlDocument() { document_.type = NodeType::kDocument; }
HtmlDocument::~HtmlDocument() = default;

void* HtmlDocument::allocate(std::size_t bytes, std::size_t align) {
  auto aligned = [&](char* p) {
    const auto v = reinterpret_cast<std::uintptr_t>(p);
    return reinterpret_cast<char*>((v + align - 1) & ~(std::uintptr_t{align} - 1));
  };
  char* p = cursor_ ? aligned(cursor_) : nullptr;
  if (!p || p + bytes > limit_) {
    const std::size_t size = std::max(kBlockBytes, bytes + align);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    cursor_ = blocks_.back().get();
    limit_ = cursor_ + size;
    p = aligned(cursor_);
  }
  cursor_ = p + bytes;
  return p;
}

Node* HtmlDocument::new_node() {
  ++node_count_;
  return new (allocate(sizeof(Node), alignof(Node))) Node();
}

char* HtmlDocument::new_chars(std::size_t n) { return static_cast<char*>(allocate(n, 1)); }

Attribute* HtmlDocument::new_attributes(std::size_t n) {
  auto* a = static_cast<Attribute*>(allocate(n * sizeof(Attribute), alignof(Attribute)));
  for (std::size_t i = 0; i < n; ++i) new (a + i) Attribute();
  return a;
}

void HtmlDocument::shrink_last_chars(char* begin, std::size_t used, std::size_t reserved) {
  if (begin + reserved == cursor_) cursor_ = begin + used;
}

// ---- the parser -------------------------------------------------------------------

namespace {

using html::Tag;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool starts_with_ci(const char* p, const char* end, std::string_view word) {
  if (static_cast<std::size_t>(end - p) < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(p[i]) != word[i]) return false;
  return true;
}

// Attributes that mean "true" by being there; given without a value, their value is
// their name (as libxml2 gives it).
bool is_boolean_attribute(std::string_view n) {
  return n == "checked" || n == "compact" || n == "declare" || n == "defer" || n == "disabled" || n == "ismap" ||
         n == "multiple" || n == "nohref" || n == "noresize" || n == "noshade" || n == "nowrap" ||
         n == "readonly" || n == "selected";
}

// What a text byte says of its text: anything but white space, a control character.
constexpr unsigned kNotBlank = 1, kControl = 2;
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (c < 0x20 && !blank) t[c] |= kControl;
    else if (!blank) t[c] |= kNotBlank;
  }
  return t;
}();

// Bytes of HTML names (tags, attributes): letters, digits and ":-_."; a name starts
// with a letter or one of ":_.".
constexpr unsigned kNameChar = 1, kNameStart = 2, kNameUpper = 4;
constexpr std::array<std::uint8_t, 256> kNameByte = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', letter = upper || (c >= 'a' && c <= 'z');
    if (letter || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.') t[c] |= kNameChar;
    if (letter || c == '_' || c == ':' || c == '.') t[c] |= kNameStart;
    if (upper) t[c] |= kNameUpper;
  }
  return t;
}();

// Names longer than this are cut (as libxml2 cuts them); the rest reads as attributes.
constexpr std::size_t kMaxNameLength = 100;
// Past this many distinct unknown tag names a page shares one id among the rest.
constexpr std::size_t kMaxTagIds = 0xFFFF;

struct DynamicTag {
  std::string_view name;
  std::uint16_t id = 0;  // 0: a free slot
};

// Tag names the parser does not know, interned per page ("path", "amp-img"): open
// addressing over an FNV-1a hash.
class DynamicTags {
 public:
  std::size_t size() const { return count_; }

  const DynamicTag* find(std::string_view name) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash(name) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const DynamicTag& d = slots_[i];
      if (!d.id) return nullptr;
      if (d.name == name) return &d;
    }
  }

  void insert(std::string_view name, std::uint16_t id) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    place({name, id});
    ++count_;
  }

 private:
  static std::size_t hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  void place(const DynamicTag& d) {
    std::size_t i = hash(d.name) & (slots_.size() - 1);
    while (slots_[i].id) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = d;
  }

  void grow() {
    std::vector<DynamicTag> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, DynamicTag{});
    for (const DynamicTag& d : old)
      if (d.id) place(d);
  }

  std::vector<DynamicTag> slots_;
  std::size_t count_ = 0;
};

class Parser {
 public:
  Parser(std::string_view in, HtmlDocument& doc) : begin_(in.data()), p_(in.data()), end_(in.data() + in.size()), doc_(doc) {
    top_of_tag_.assign(html::kFirstDynamic, -1);
  }

  void run() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
    prolog();
    while (p_ < end_) {
      if (!stack_.empty() && html::is_raw_text(stack_.back().tag) && !(p_ + 1 < end_ && p_[0] == '<' && p_[1] == '/')) {
        if (!raw_text_closed()) raw_text();
        continue;
      }
      const char* lt = static_cast<const char*>(std::memchr(p_, '<', static_cast<std::size_t>(end_ - p_)));
      if (!lt) {
        text(p_, end_);
        p_ = end_;
        break;
      }
      if (lt > p_) text(p_, lt);
      p_ = lt;
      markup();
    }
    while (!stack_.empty()) pop();
    close_text();
  }

 private:
  struct Open {
    Node* node;
    std::uint16_t tag;
    std::int32_t below_same;  // index of the next open element with this tag, -1
  };

  // ---- open elements ----

  Node* current() { return stack_.empty() ? nullptr : stack_.back().node; }
  std::uint16_t current_tag() const { return stack_.empty() ? std::uint16_t{html::kNone} : stack_.back().tag; }
  bool is_open(std::uint16_t tag) const { return top_of_tag_[tag] >= 0; }

  void append_child(Node* parent, Node* n) {
    n->parent = parent;
    n->prev = parent->last;
    if (parent->last) parent->last->next = n;
    else parent->children = n;
    parent->last = n;
  }

  Node* push(std::uint16_t tag, std::string_view name) {
    Node* n = doc_.new_node();
    n->type = NodeType::kElement;
    n->tag = tag;
    n->name = name;
    append_child(stack_.empty() ? parent_for_new_root() : stack_.back().node, n);
    const auto index = static_cast<std::int32_t>(stack_.size());
    stack_.push_back({n, tag, top_of_tag_[tag]});
    top_of_tag_[tag] = index;
    if (const int level = html::end_priority(tag)) by_priority_[level].push_back(index);
    if (tag == html::kHead && html_state_ < 3) html_state_ = 3;
    if (tag == html::kBody && html_state_ < 10) html_state_ = 10;
    return n;
  }

  Node* push_known(Tag tag) { return push(tag, html::tag_name(tag)); }

  void pop() {
    const Open& o = stack_.back();
    top_of_tag_[o.tag] = o.below_same;
    if (const int level = html::end_priority(o.tag)) by_priority_[level].pop_back();
    stack_.pop_back();
  }

  // The highest index of an open element whose end-tag priority is above `level`.
  std::int32_t top_above_priority(int level) const {
    std::int32_t top = -1;
    for (int l = level + 1; l < html::kPriorityLevels; ++l)
      if (!by_priority_[l].empty()) top = std::max(top, by_priority_[l].back());
    return top;
  }

  // A start tag first closes the open elements it ends, then supplies the <html>,
  // <head> or <body> the page left out.
  void imply_for(std::uint16_t tag) {
    if (tag == html::kHtml) return;
    if (stack_.empty()) push_known(html::kHtml);
    if (tag == html::kBody || tag == html::kHead) return;
    if (stack_.size() <= 1 && html::is_head_content(tag)) {
      if (html_state_ >= 3) return;
      push_known(html::kHead);
    } else if (tag != html::kNoframes && tag != html::kFrame && tag != html::kFrameset) {
      if (html_state_ >= 10) return;
      if (is_open(html::kBody) || is_open(html::kHead)) return;
      push_known(html::kBody);
    }
  }

  void close_for(std::uint16_t tag) {
    while (!stack_.empty() && html::closes(stack_.back().tag, tag)) pop();
  }

  // Text outside any element, or straight in <html> or <head>, opens a paragraph.
  void imply_paragraph() {
    const std::uint16_t t = current_tag();
    if (!stack_.empty() && t != html::kHtml && t != html::kHead) return;
    close_for(html::kP);
    imply_for(html::kP);
    push_known(html::kP);
  }

  // ---- names ----

  // An HTML name at p_, lower-cased: a view into the input, or into the document when
  // it had upper-case letters. Empty when p_ is not at a name.
  std::string_view read_name() {
    const char* s = p_;
    if (s >= end_ || !(kNameByte[static_cast<unsigned char>(*s)] & kNameStart)) return {};
    unsigned seen = 0;
    const char* e = s;
    const char* limit = end_ - s > static_cast<std::ptrdiff_t>(kMaxNameLength) ? s + kMaxNameLength : end_;
    for (unsigned c; e < limit && ((c = kNameByte[static_cast<unsigned char>(*e)]) & kNameChar); ++e) seen |= c;
    p_ = e;
    if (!(seen & kNameUpper)) return {s, static_cast<std::size_t>(e - s)};
    char* out = doc_.new_chars(static_cast<std::size_t>(e - s));
    for (const char* c = s; c < e; ++c) out[c - s] = lower(*c);
    return {out, static_cast<std::size_t>(e - s)};
  }

  // The id of a tag name; new unknown names get an id when `intern`.
  std::uint16_t tag_id(std::string_view name, bool intern, std::string_view* stored) {
    if (const Tag t = html::known_tag(name); t != html::kNone) {
      *stored = html::tag_name(t);
      return t;
    }
    if (const DynamicTag* d = dynamic_.find(name)) {
      *stored = d->name;
      return d->id;
    }
    if (!intern) return html::kNone;
    const std::size_t next = html::kFirstDynamic + dynamic_.size();
    *stored = name;
    if (next >= kMaxTagIds) {
      // Pathological pages share the last id among their other names.
      if (top_of_tag_.size() <= kMaxTagIds) top_of_tag_.resize(kMaxTagIds + 1, -1);
      return static_cast<std::uint16_t>(kMaxTagIds);
    }
    const auto id = static_cast<std::uint16_t>(next);
    dynamic_.insert(name, id);
    top_of_tag_.push_back(-1);
    return id;
  }

  // "fb:like" is the element "like" in the prefix "fb" (as libxml2 names it); the open
  // element still answers to "</fb:like>".
  static std::string_view local_name(std::string_view name) {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == name.size()) return name;
    return name.substr(colon + 1);
  }

  void skip_blanks() {
    while (p_ < end_ && is_blank(*p_)) ++p_;
  }

  // ---- markup ----

  void markup() {
    const char next = p_ + 1 < end_ ? p_[1] : '\0';
    if (next == '/') {
      end_tag();
    } else if (next == '!') {
      if (p_ + 3 < end_ && p_[2] == '-' && p_[3] == '-') comment();
      else if (starts_with_ci(p_ + 2, end_, "doctype")) mid_document_doctype();
      else literal_lt();  // "<!- - ad - ->", "<![CDATA[": text, as libxml2 2.9 reads them
    } else if (next == '?') {
      processing_instruction();
    } else if (is_ascii_letter(next)) {
      start_tag();
    } else {
      literal_lt();
    }
  }

  // A '<' that opens no markup is text ("a < b").
  void literal_lt() {
    if (!stack_.empty()) append_text(current(), std::string_view(p_, 1));
    ++p_;
  }

  void skip_past(char c, const char* from) {
    const char* f = static_cast<const char*>(std::memchr(from, c, static_cast<std::size_t>(end_ - from)));
    p_ = f ? f + 1 : end_;
  }

  // A comment ends at "-->" or "--!>"; "<!-->" does not end one. Unterminated, it
  // takes the rest of the page.
  void comment() {
    const char* f = p_ + 4;
    for (;;) {
      f = static_cast<const char*>(std::memchr(f, '-', static_cast<std::size_t>(end_ - f)));
      if (!f || f + 2 >= end_) {
        p_ = end_;
        break;
      }
      if (f[1] == '-' && f[2] == '>') {
        p_ = f + 3;
        break;
      }
      if (f[1] == '-' && f[2] == '!' && f + 3 < end_ && f[3] == '>') {
        p_ = f + 4;
        break;
      }
      ++f;
    }
    if (stack_.empty()) note_document_level_node();
    mark_barrier(false);
  }

  void processing_instruction() {
    p_ += 2;
    // The target is a name, in any script ("<?php", "<?中文"); without one, "<?" is
    // dropped and the rest is text.
    const bool named = p_ < end_ && (static_cast<unsigned char>(*p_) >= 0x80 || !read_name().empty());
    if (!named) return;
    skip_past('>', p_);
    if (stack_.empty()) note_document_level_node();
    mark_barrier(true);
  }

  // libxml2 puts an element opened after the last one closed ("...</html><p>") into
  // the document's first node when that is an element, else beside it.
  void note_document_level_node() {
    if (!doc_.node()->children) first_is_element_ = false;
  }

  Node* parent_for_new_root() {
    Node* first = doc_.node()->children;
    if (first && first_is_element_ && !doctype_seen_) return first;
    return doc_.node();
  }

  // Comments, processing instructions and a doctype before the first element.
  void prolog() {
    for (;;) {
      skip_blanks();
      if (p_ + 3 < end_ && p_[0] == '<' && p_[1] == '!' && p_[2] == '-' && p_[3] == '-') comment();
      else if (p_ + 1 < end_ && p_[0] == '<' && p_[1] == '?') processing_instruction();
      else if (p_ + 1 < end_ && p_[0] == '<' && p_[1] == '!' && starts_with_ci(p_ + 2, end_, "doctype") && !doctype_seen_) doctype();
      else break;
    }
  }

  // Comments and processing instructions make no node, but in libxml2's tree they are
  // children all the same: text on either side of one stays two text nodes, and blank
  // text after a processing instruction (comments aside) is dropped.
  void mark_barrier(bool instruction) {
    barrier_parent_ = current();
    barrier_after_ = barrier_parent_ ? barrier_parent_->last : nullptr;
    if (instruction) {
      instruction_parent_ = barrier_parent_;
      instruction_after_ = barrier_after_;
    }
  }

  bool after_barrier(const Node* parent) const {
    return parent && parent == barrier_parent_ && parent->last == barrier_after_;
  }

  bool after_instruction(const Node* parent) const {
    return parent && parent == instruction_parent_ && parent->last == instruction_after_;
  }

  // libxml2 2.9 reads what follows a doctype in the body without its usual first
  // step: an end tag or another "<!" right after it is text ("<!DOCTYPE html></html>").
  void mid_document_doctype() {
    doctype();
    if (p_ + 1 < end_ && p_[0] == '<' &&
        (p_[1] == '/' || (p_[1] == '!' && !(p_ + 3 < end_ && p_[2] == '-' && p_[3] == '-'))))
      literal_lt();
  }

  // Only the public id matters: a strict HTML 4 doctype drops blank text in <body>.
  void doctype() {
    doctype_seen_ = true;  // its node goes first in the document
    p_ += 9;
    skip_blanks();
    read_name();
    skip_blanks();
    std::string_view public_id;
    bool has_public = false;
    if (starts_with_ci(p_, end_, "public")) {
      p_ += 6;
      skip_blanks();
      if (p_ < end_ && (*p_ == '"' || *p_ == '\'')) {
        const char q = *p_++;
        const char* e = static_cast<const char*>(std::memchr(p_, q, static_cast<std::size_t>(end_ - p_)));
        if (e) {
          public_id = std::string_view(p_, static_cast<std::size_t>(e - p_));
          has_public = true;
          p_ = e + 1;
        } else {
          p_ = end_;
        }
      }
    }
    skip_past('>', p_);
    strict_ = has_public && (text::to_lower_ascii(public_id) == "-//w3c//dtd html 4.01//en" ||
                             text::to_lower_ascii(public_id) == "-//w3c//dtd html 4//en");
  }

  void end_tag() {
    p_ += 2;
    const std::string_view name = read_name();
    if (name.empty()) return;  // "</" then text
    skip_blanks();
    if (p_ < end_ && *p_ != '>') skip_past('>', p_);
    else if (p_ < end_) ++p_;
    std::string_view stored;
    const std::uint16_t tag = tag_id(name, false, &stored);
    if (tag == html::kNone) return;
    if (misplaced_ > 0 && (tag == html::kHtml || tag == html::kBody || tag == html::kHead)) {
      --misplaced_;
      return;
    }
    const std::int32_t at = top_of_tag_[tag];
    if (at < 0) return;  // no such element open
    // A misplaced end tag closes nothing when an element of higher priority is open
    // above its own.
    if (top_above_priority(html::end_priority(tag)) > at) return;
    while (static_cast<std::int32_t>(stack_.size()) > at) pop();
  }

  void start_tag() {
    ++p_;
    std::string_view name = read_name();
    std::string_view stored;
    const std::uint16_t tag = tag_id(name, true, &stored);
    close_for(tag);
    imply_for(tag);
    bool discard = false;
    if (tag == html::kHtml && !stack_.empty()) discard = true;
    if (tag == html::kHead && stack_.size() != 1) discard = true;
    if (tag == html::kBody && is_open(html::kBody)) discard = true;
    if (discard) ++misplaced_;
    read_attributes();
    if (!discard) {
      Node* n = push(tag, local_name(stored));
      if (!attrs_.empty()) {
        n->attrs = doc_.new_attributes(attrs_.size());
        std::copy(attrs_.begin(), attrs_.end(), const_cast<Attribute*>(n->attrs));
        n->attr_count = static_cast<std::uint32_t>(attrs_.size());
      }
    }
    // "<div/>" closes what it opened (libxml2 reads XML's empty-element syntax on any
    // element; on a discarded tag it closes the current element).
    if (p_ + 1 < end_ && p_[0] == '/' && p_[1] == '>') {
      p_ += 2;
      if (!stack_.empty()) pop();
      return;
    }
    if (p_ >= end_) {  // the page ended inside the tag
      if (!stack_.empty()) pop();
      return;
    }
    ++p_;  // '>'
    if (!discard && html::is_void(tag)) pop();
  }

  void read_attributes() {
    attrs_.clear();
    seen_.clear();
    skip_blanks();
    while (p_ < end_ && *p_ != '>' && !(*p_ == '/' && p_ + 1 < end_ && p_[1] == '>')) {
      const std::string_view name = read_name();
      if (name.empty()) {
        // Not an attribute: skip to the next blank or the end of the tag.
        while (p_ < end_ && !is_blank(*p_) && *p_ != '>' && !(*p_ == '/' && p_ + 1 < end_ && p_[1] == '>')) ++p_;
        skip_blanks();
        continue;
      }
      skip_blanks();
      std::string_view value;
      bool has_value = false;
      if (p_ < end_ && *p_ == '=') {
        ++p_;
        skip_blanks();
        value = read_value();
        has_value = true;
      }
      if (!has_value && is_boolean_attribute(name)) value = name;
      if (!seen(name)) attrs_.push_back({name, value});
      skip_blanks();
    }
  }

  // The first of two attributes of one name counts.
  bool seen(std::string_view name) {
    if (attrs_.size() < 16) {
      for (const Attribute& a : attrs_)
        if (a.name == name) return true;
      return false;
    }
    if (seen_.empty())
      for (const Attribute& a : attrs_) seen_.insert(a.name);
    return !seen_.insert(name).second;
  }

  std::string_view read_value() {
    const char* s;
    const char* e;
    if (p_ < end_ && (*p_ == '"' || *p_ == '\'')) {
      const char q = *p_++;
      s = p_;
      e = static_cast<const char*>(std::memchr(p_, q, static_cast<std::size_t>(end_ - p_)));
      if (!e) e = end_;
      p_ = e < end_ ? e + 1 : end_;
    } else {
      s = p_;
      while (p_ < end_ && !is_blank(*p_) && *p_ != '>') ++p_;
      e = p_;
    }
    const std::string_view raw(s, static_cast<std::size_t>(e - s));
    if (!std::memchr(raw.data(), '&', raw.size())) return raw;
    char* out = doc_.new_chars(raw.size());
    const std::size_t n = html::decode_into(raw, out, /*attribute=*/true);
    doc_.shrink_last_chars(out, n, raw.size());
    return {out, n};
  }

  // ---- text ----

  // A start tag where raw text begins (or resumes after a stray end tag) may close the
  // raw element as any element: "<script><noscript>" (as libxml2 checks it).
  bool raw_text_closed() {
    if (!(p_ + 1 < end_ && p_[0] == '<' && is_ascii_letter(p_[1]))) return false;
    const char* save = p_;
    ++p_;
    const std::string_view name = read_name();
    p_ = save;
    std::string_view stored;
    const std::uint16_t tag = tag_id(name, false, &stored);
    if (tag == html::kNone || !html::closes(current_tag(), tag)) return false;
    close_for(tag);
    return true;
  }

  // The content of <script> or <style>, up to "</script" (any case). Only JSON-LD is
  // kept: no extractor reads other scripts or styles.
  void raw_text() {
    const Open& o = stack_.back();
    const std::string_view name = o.node->name;
    const char* s = p_;
    const char* f = p_;
    for (;;) {
      f = static_cast<const char*>(std::memchr(f, '<', static_cast<std::size_t>(end_ - f)));
      if (!f) {
        f = end_;
        break;
      }
      if (f + 1 < end_ && f[1] == '/' && starts_with_ci(f + 2, end_, name)) break;
      ++f;
    }
    p_ = f;
    if (f > s && o.tag == html::kScript && text::contains_ci(attr_of(o.node, "type"), "ld+json")) {
      Node* t = doc_.new_node();
      t->type = NodeType::kRawText;
      t->content = without_controls(std::string_view(s, static_cast<std::size_t>(f - s)));
      append_child(o.node, t);
    }
  }

  // Text of the page between markup, as it is in the input. References split it into
  // runs, each read on its own as libxml2 does: blank runs are kept or dropped by their
  // place, a reference to nothing adds nothing.
  void text(const char* s, const char* e) {
    const char* amp = static_cast<const char*>(std::memchr(s, '&', static_cast<std::size_t>(e - s)));
    if (!amp) {
      text_run(s, e, true);
      return;
    }
    const std::string_view all(s, static_cast<std::size_t>(e - s));
    while (s < e) {
      if (!amp) amp = static_cast<const char*>(std::memchr(s, '&', static_cast<std::size_t>(e - s)));
      const char* stop = amp ? amp : e;
      if (stop > s) text_run(s, stop, stop == e);
      if (!amp) break;
      reference_.clear();
      const std::size_t at = static_cast<std::size_t>(amp - all.data());
      s = amp + html::append_reference(all, at, reference_);
      amp = nullptr;
      if (!reference_.empty()) {
        imply_paragraph();
        if (!stack_.empty()) append_text(current(), reference_, /*lasting=*/false);
      }
    }
  }

  // Control characters are no text (libxml2 drops them): "unbequemen \x1dThemen".
  std::string_view without_controls(std::string_view t) {
    if (std::none_of(t.begin(), t.end(), [](char c) { return kByteClass[static_cast<unsigned char>(c)] & kControl; }))
      return t;
    char* out = doc_.new_chars(t.size());
    std::size_t n = 0;
    for (char c : t)
      if (!(kByteClass[static_cast<unsigned char>(c)] & kControl)) out[n++] = c;
    doc_.shrink_last_chars(out, n, t.size());
    return {out, n};
  }

  // A run of text without references; `ends_at_markup`: the next thing is a tag, not
  // a reference.
  void text_run(const char* s, const char* e, bool ends_at_markup) {
    unsigned seen = 0;
    for (const char* c = s; c < e; ++c) seen |= kByteClass[static_cast<unsigned char>(*c)];
    std::string_view t(s, static_cast<std::size_t>(e - s));
    if (seen & kControl) {
      t = without_controls(t);
      if (t.empty()) return;
    }
    if (!(seen & kNotBlank)) {
      if (ends_at_markup && !keep_blank(e)) return;
      if (!ends_at_markup) imply_paragraph();
    } else {
      imply_paragraph();
    }
    if (stack_.empty()) return;
    append_text(current(), t);
  }

  // Blank text counts where it separates inline content: "<b>a</b> <i>b</i>" keeps
  // its space, "<ul> <li>" drops it.
  bool keep_blank(const char* e) {
    if (e >= end_ || stack_.empty()) return false;
    const std::uint16_t t = current_tag();
    if (t == html::kHtml || t == html::kHead) return false;
    if (t == html::kBody && strict_) return false;
    const Node* last = current()->last;
    if (after_instruction(current())) return false;
    if (!last) return html::keeps_blank_text(t);
    if (last->type == NodeType::kText) return true;
    return last->type == NodeType::kElement && html::keeps_blank_text(last->tag);
  }

  // Adjacent text is one node ("a &amp; b" is "a & b"): a text node stays open while
  // it is its parent's last child, its content growing in pending_.
  // `lasting`: text is a view that outlives the parse (the input, the document's
  // memory), so a node may keep it as it is.
  void append_text(Node* parent, std::string_view text, bool lasting = true) {
    Node* last = parent->last;
    if (last && last->type == NodeType::kText && !after_barrier(parent)) {
      if (last != open_text_ || !pending_active_) {
        if (last != open_text_) close_text();
        open_text_ = last;
        pending_.assign(last->content);
        pending_active_ = true;
      }
      pending_.append(text);
      return;
    }
    close_text();
    Node* n = doc_.new_node();
    n->type = NodeType::kText;
    append_child(parent, n);
    open_text_ = n;
    if (lasting) {
      n->content = text;
    } else {
      pending_.assign(text);
      pending_active_ = true;
    }
  }


  void close_text() {
    if (open_text_ && pending_active_) {
      char* out = doc_.new_chars(pending_.size());
      std::memcpy(out, pending_.data(), pending_.size());
      open_text_->content = std::string_view(out, pending_.size());
    }
    open_text_ = nullptr;
    pending_active_ = false;
    pending_.clear();
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  HtmlDocument& doc_;
  std::vector<Open> stack_;
  std::vector<std::int32_t> top_of_tag_;  // by tag id: stack index of its topmost open element
  std::array<std::vector<std::int32_t>, html::kPriorityLevels> by_priority_;  // stack indices
  DynamicTags dynamic_;
  int html_state_ = 1;  // 3 once a <head> was opened, 10 once a <body> was
  int misplaced_ = 0;   // discarded <html>/<head>/<body> tags: as many of their end tags are ignored
  bool strict_ = false;
  bool doctype_seen_ = false;
  bool first_is_element_ = true;  // the document's first node is an element
  std::vector<Attribute> attrs_;
  std::unordered_set<std::string_view> seen_;
  Node* open_text_ = nullptr;
  bool pending_active_ = false;
  std::string pending_;
  std::string reference_;  // the text of one character reference
  const Node* barrier_parent_ = nullptr;  // the element a comment or instruction was last seen in
  const Node* barrier_after_ = nullptr;   // its last child then
  const Node* instruction_parent_ = nullptr;  // the same for the last processing instruction
  const Node* instruction_after_ = nullptr;
};

}  // namespace

HtmlDoc parse_html(std::string_view utf8) {
  auto doc = std::make_unique<HtmlDocument>();
  Parser(utf8, *doc).run();
  return doc;
}

Node* root_element(HtmlDocument* doc) {
  if (!doc) return nullptr;
  for (Node* n = doc->node()->children; n; n = n->next)
    if (n->type == NodeType::kElement) return n;
  return nullptr;
}

// ---- reading the tree -------------------------------------------------------------

std::string_view attr_of(const Node* n, std::string_view name) {
  if (!n || n->type != NodeType::kElement) return {};
  for (std::uint32_t i = 0; i < n->attr_count; ++i)
    if (n->attrs[i].name == name) return n->attrs[i].value;
  return {};
}

bool has_attr(const Node* n, std::string_view name) {
  if (!n || n->type != NodeType::kElement) return false;
  for (std::uint32_t i = 0; i < n->attr_count; ++i)
    if (n->attrs[i].name == name) return true;
  return false;
}

// Both answer by the first letter, then compare with the few names it starts (they run
// on every element of every walk).
bool is_non_content_tag(std::string_view t) {
  if (t.empty() || t.size() > 8) return false;
  switch (t[0]) {
    case 'a': return t == "audio";
    case 'c': return t == "canvas";
    case 'e': return t == "embed";
    case 'h': return t == "head";
    case 'i': return t == "iframe" || t == "input";
    case 'm': return t == "map" || t == "math";
    case 'n': return t == "noscript";
    case 'o': return t == "object" || t == "option";
    case 's': return t == "script" || t == "style" || t == "svg" || t == "select";
    case 't': return t == "template" || t == "textarea";
    case 'v': return t == "video";
    default: return false;
  }
}

bool is_block_tag(std::string_view t) {
  if (t.empty()) return false;
  switch (t[0]) {
    case 'a': return t == "article" || t == "aside" || t == "address";
    case 'b': return t == "br" || t == "body" || t == "blockquote";
    case 'c': return t == "center";
    case 'd': return t == "div" || t == "dl" || t == "dt" || t == "dd" || t == "details";
    case 'f': return t == "form" || t == "footer" || t == "figure" || t == "figcaption" || t == "fieldset";
    case 'h':
      return (t.size() == 2 && ((t[1] >= '1' && t[1] <= '6') || t[1] == 'r')) || t == "header" || t == "html";
    case 'l': return t == "li";
    case 'm': return t == "main";
    case 'n': return t == "nav";
    case 'o': return t == "ol";
    case 'p': return t == "p" || t == "pre";
    case 's': return t == "section" || t == "summary";
    case 't': return t == "tr" || t == "td" || t == "th" || t == "table" || t == "tbody" || t == "thead";
    case 'u': return t == "ul";
    default: return false;
  }
}

std::string text_of(const Node* root) {
  std::string out;
  walk(const_cast<Node*>(root),
       [&](Node* n) {
         if (n->type == NodeType::kText || n->type == NodeType::kRawText) {
           out += n->content;
           return false;
         }
         if (n->type != NodeType::kElement) return false;
         if (is_non_content_tag(tag_of(n))) return false;
         if (is_block_tag(tag_of(n))) out += ' ';
         return true;
       },
       [](Node*) {});
  return text::normalize_space(out);
}

}  // namespace storyline::extract
