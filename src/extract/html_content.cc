#include "extract/html_content.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "extract/text_dump.h"
#include "text/utf8.h"

namespace storyline::extract {
namespace {

// Per-element figures, kept in a vector indexed through Node::scratch, so scoring
// allocates nothing per node.
struct NodeStats {
  int units = 0;       // letters and digits below (CJK weighted)
  int link_units = 0;  // of which inside <a>
  int commas = 0;
  double score = 0;
  bool scored = false;  // has been a candidate
  bool junk = false;    // subtree excluded: hidden, navigation, or class/id says boilerplate
  bool suspect = false; // hidden, navigation-like tag, or a boilerplate class/id
  bool has_block = false;  // a block element (other than <br>) below
  int articles = 0;        // <article> elements below
};

// A suspect subtree holding more than this share of the page's text is a page wrapper
// with an unlucky class name ("off-canvas-advert-pusher"), not boilerplate.
constexpr double kMaxJunkShare = 0.4;

// Letters an <article> under the page's <h1> needs to be taken as the story.
constexpr int kMinOwnArticleUnits = 300;

// A sibling of the best container joins the body only with less link text than this.
constexpr double kMaxSiblingLinkDensity = 0.2;

// Lower-case "class id" of n, written into buf, which the caller reuses from element
// to element: no allocation per node.
const std::string& hints_of(const Node* n, std::string& buf) {
  buf.assign(attr_of(n, "class"));
  buf += ' ';
  buf += attr_of(n, "id");
  text::lower_ascii_in_place(buf);
  return buf;
}

// Whether n has a class or an id that is not empty: without one, hints_of is " ",
// which no hint matches.
bool has_hints(const Node* n) {
  for (std::uint32_t i = 0; i < n->attr_count; ++i) {
    const Attribute& a = n->attrs[i];
    if ((a.name == "class" || a.name == "id") && !a.value.empty()) return true;
  }
  return false;
}

// Class/id that mark boilerplate containers, matched as whole words of the attribute
// ("post-comments" has the word "comments"; "detail" does not have "rail", nor
// "elementor-widget-container" a sidebar): substrings misfire on page builders and
// utility classes ("overflow-hidden", "metadata").
bool negative_hint(const std::string& h) {
  static constexpr std::string_view kWords[] = {
      "comment", "comments", "disqus", "footer", "footnote", "footnotes", "sidebar", "share", "sharing", "sharebar",
      "social", "related", "recommended", "recommendations", "recirc", "promo", "promos", "advert", "advertisement",
      "ad", "ads", "adsense", "sponsor", "sponsored", "newsletter", "subscribe", "subscription", "popup", "modal",
      "cookie", "cookies", "consent", "gdpr", "banner", "masthead", "breadcrumb", "breadcrumbs", "navbar", "nav",
      "navigation", "menu", "pagination", "pager", "toolbar", "outbrain", "taboola", "trending", "popular",
      "signup", "paywall", "byline", "tags", "tagcloud", "login", "caption", "credit", "credits", "meta",
      "dateline", "timestamp", "topics", "keywords", "rail", "teaser", "teasers", "skip", "mostpopular",
      "readmore", "author", "bio", "print", "toc", "hidden", "sr", "dialog", "overlay", "drawer", "offcanvas", "cta"};
  // The words by length: a class word is compared with the few of its length (first
  // byte first), not hashed. Class lists of utility frameworks run to dozens of words.
  constexpr std::size_t kLongest = 15;
  static const auto kByLength = [] {
    std::array<std::vector<std::string_view>, kLongest + 1> by;
    for (std::string_view w : kWords) by[w.size()].push_back(w);
    return by;
  }();
  const auto known = [&](std::string_view w) {
    if (w.size() > kLongest) return false;
    for (std::string_view k : kByLength[w.size()])
      if (k[0] == w[0] && k == w) return true;
    return false;
  };
  // std::isalnum in the C locale, without a call per byte.
  const auto alnum = [](char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); };
  std::size_t i = 0;
  while (i < h.size()) {
    while (i < h.size() && !alnum(h[i])) ++i;
    const std::size_t b = i;
    while (i < h.size() && alnum(h[i])) ++i;
    const std::string_view w = std::string_view(h).substr(b, i - b);
    if (w.empty()) break;
    // "overflow-hidden" keeps content visible: "hidden" counts only on its own token.
    if (w == "hidden" && !((b == 0 || h[b - 1] == ' ') && (i == h.size() || h[i] == ' '))) continue;
    if (known(w)) return true;
  }
  return false;
}

// "embed": an embedded post (a tweet, an Instagram post in a "social-media-embed"
// wrapper) is quoted content of the article, not a share widget.
bool positive_hint(const std::string& h) {
  // Any of "article", "body", "content", "entry", "main", "post", "story", "text",
  // "blog", "prose", "embed" anywhere in h: one pass, candidates by their first letter.
  const std::string_view v(h);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string_view r = v.substr(i);
    switch (v[i]) {
      case 'a': if (r.starts_with("article")) return true; break;
      case 'b': if (r.starts_with("body") || r.starts_with("blog")) return true; break;
      case 'c': if (r.starts_with("content")) return true; break;
      case 'e': if (r.starts_with("entry") || r.starts_with("embed")) return true; break;
      case 'm': if (r.starts_with("main")) return true; break;
      case 'p': if (r.starts_with("post") || r.starts_with("prose")) return true; break;
      case 's': if (r.starts_with("story")) return true; break;
      case 't': if (r.starts_with("text")) return true; break;
      default: break;
    }
  }
  return false;
}

bool hidden(const Node* n) {
  if (has_attr(n, "hidden")) return true;
  if (attr_of(n, "aria-hidden") == "true") return true;
  const std::string_view style_attr = attr_of(n, "style");
  if (style_attr.empty()) return false;  // most elements: no copy
  const std::string style = text::to_lower_ascii(style_attr);
  std::string compact;
  for (char c : style) if (c != ' ') compact += c;
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

// Navigation-like elements: junk when small. A <button> is among them, not skipped
// outright: libxml2's HTML4-era recovery can nest the rest of a page inside a button
// whose end tag is misplaced.
bool structural_junk_tag(std::string_view t) {
  return t == "nav" || t == "aside" || t == "footer" || t == "form" || t == "menu" || t == "dialog" || t == "button";
}

bool is_heading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

int commas_in(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // ASCII, eight bytes at a time: commas are the bytes that XOR ',' makes zero (exact
    // zero-byte flags: no borrow crosses bytes), counted by a multiply.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      constexpr std::uint64_t k01 = 0x0101010101010101ULL, k7f = 0x7F7F7F7F7F7F7F7FULL;
      if (w & ~k7f) break;
      const std::uint64_t x = w ^ (k01 * ',');
      const std::uint64_t zero = ~(((x & k7f) + k7f) | x | k7f);
      n += static_cast<int>(((zero >> 7) * k01) >> 56);
      i += 8;
    }
    if (i >= s.size()) break;
    if (s[i] == ',') ++n;
    else if ((s[i] == '\xEF' || s[i] == '\xE3') &&
             (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xE3\x80\x81") == 0)) ++n;  // ， 、
  }
  return n;
}

// A web address written out, alone: "https://shop.example/bell", "www.example.org".
// (Runs on every block: looks at the prefix before it scans the rest.)
bool bare_address(std::string_view t) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t b = t.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return false;
  t = t.substr(b, t.find_last_not_of(kSpace) - b + 1);
  if (!t.starts_with("http://") && !t.starts_with("https://") && !t.starts_with("www.")) return false;
  return t.find_first_of(kSpace) == std::string_view::npos;
}

class Scorer {
 public:
  explicit Scorer(Node* body) : body_(body) {}

  NodeStats* stats(const Node* n) {
    const auto idx = n->scratch;
    return idx ? &stats_[idx - 1] : nullptr;
  }

  // Pass 1: text figures for every element, junk subtrees marked and not counted.
  void measure() {
    int in_link = 0;
    walk(body_,
         [&](Node* n) {
           if (n->type == NodeType::kText || n->type == NodeType::kRawText) {
             if (n->content.empty() || !n->parent) return false;
             const std::string_view t(n->content);
             NodeStats* p = stats(n->parent);
             if (!p) return false;
             const int u = text::text_units(t);
             p->units += u;
             p->commas += commas_in(t);
             if (in_link) p->link_units += u;
             return false;
           }
           if (n->type != NodeType::kElement) return false;
           const std::string_view tag = tag_of(n);
           if (is_non_content_tag(tag)) return false;
           stats_.push_back({});
           n->scratch = static_cast<std::uint32_t>(stats_.size());
           NodeStats& s = stats_.back();
           if (n != body_) {
             // A paragraph's class counts as any element's: "share-text" ("Sharing is
             // caring!") or a comment form's privacy notice is furniture set as a <p>.
             // (Class and id are read only when they can decide: most elements have none.)
             if (structural_junk_tag(tag) || hidden(n) || (tag != "a" && has_hints(n) && negative_hint(hints_of(n, hints_)) &&
                                                          !positive_hint(hints_)))
               s.suspect = true;
           }
           if (tag == "a") ++in_link;
           if (tag == "h1" && !h1_) h1_ = n;
           return true;
         },
         [&](Node* n) {
           if (tag_of(n) == "a") --in_link;
           NodeStats* s = stats(n);
           if (!s || n == body_ || !n->parent) return;
           NodeStats* p = stats(n->parent);
           if (!p) return;
           p->units += s->units;
           p->link_units += s->link_units;
           p->commas += s->commas;
           if (!p->has_block && (s->has_block || (is_block_tag(tag_of(n)) && tag_of(n) != "br"))) p->has_block = true;
           p->articles += s->articles + (tag_of(n) == "article" ? 1 : 0);
         });
    // Suspects small against the page are junk; their text leaves their ancestors'
    // figures so that link density and length speak of the content alone.
    // The headline is the first <h1> outside them: a site's logo is often an <h1> too,
    // in a masthead or navigation bar.
    const NodeStats* whole = stats(body_);
    const double limit = whole ? whole->units * kMaxJunkShare : 0;
    Node* content_h1 = nullptr;
    walk(body_,
         [&](Node* n) {
           NodeStats* s = n->type == NodeType::kElement ? stats(n) : nullptr;
           if (!s) return false;
           if (s->suspect && s->units <= limit) {
             s->junk = true;
             for (Node* a = n->parent; a; a = a->parent) {
               NodeStats* as = stats(a);
               if (!as) break;
               as->units -= s->units;
               as->link_units -= s->link_units;
               as->commas -= s->commas;
               if (a == body_) break;
             }
             return false;
           }
           if (!content_h1 && tag_of(n) == "h1") content_h1 = n;
           return true;
         },
         [](Node*) {});
    if (content_h1) h1_ = content_h1;
  }

  double link_density(const NodeStats& s) const {
    return s.units ? static_cast<double>(s.link_units) / s.units : 0.0;
  }

  // Pass 2: paragraph-like elements score their ancestors.
  Node* best_candidate() {
    std::vector<Node*> candidates;
    walk(body_,
         [&](Node* n) {
           if (n->type != NodeType::kElement) return false;
           NodeStats* s = stats(n);
           if (!s || s->junk) return false;
           const std::string_view tag = tag_of(n);
           const bool paragraph = tag == "p" || tag == "pre" || tag == "td" || tag == "blockquote" ||
                                  ((tag == "div" || tag == "section") && (has_direct_text(n) || !s->has_block));
           if (paragraph && s->units >= 25 && link_density(*s) < 0.5) {
             const double content = 1.0 + s->commas + std::min(s->units / 100.0, 3.0);
             Node* a = n->parent;
             for (int level = 0; a && level < 4 && a->type == NodeType::kElement; ++level, a = a->parent) {
               NodeStats* as = stats(a);
               if (!as) break;
               if (!as->scored) {
                 as->scored = true;
                 as->score = base_score(a);
                 candidates.push_back(a);
               }
               as->score += level == 0 ? content : level == 1 ? content / 2 : content / (level * 3);
             }
           }
           return true;
         },
         [](Node*) {});
    Node* best = nullptr;
    double best_score = 0;
    for (Node* c : candidates) {
      NodeStats* s = stats(c);
      const double final_score = s->score * (1.0 - link_density(*s));
      s->score = final_score;
      if (final_score > best_score) {
        best_score = final_score;
        best = c;
      }
    }
    // A parent holding almost the same text is the article's real container (the best
    // node is often one of several sibling text columns).
    while (best && best->parent && best->parent != body_) {
      NodeStats* s = stats(best);
      NodeStats* p = stats(best->parent);
      if (!p || p->junk || p->units > s->units * 1.25 + 200 || link_density(*p) > 0.33) break;
      best = best->parent;
    }
    // Articles split into blocks that are not siblings (a lead section, then sections
    // between ads, each in its own wrapper): another strong candidate joins through the
    // lowest common ancestor, when that ancestor's text is mostly the two blocks'.
    constexpr double kf = 0.5;  // "strong": half the best score at least
    constexpr double kr = 0.6;  // the two blocks hold 60 % of the ancestor's text
    for (bool grew = true; grew && best;) {
      grew = false;
      for (Node* c : candidates) {
        if (c == best || stats(c)->score < kf * best_score || is_ancestor(best, c) || is_ancestor(c, best)) continue;
        Node* lca = common_ancestor(best, c);
        if (!lca || lca == body_) continue;
        NodeStats* l = stats(lca);
        if (!l || l->junk) continue;
        const double share = static_cast<double>(stats(best)->units + stats(c)->units) / std::max(1, l->units);
        if (share >= kr && link_density(*l) < 0.25) {
          best = lca;
          grew = true;
          break;
        }
      }
    }
    return own_article(best);
  }

  bool holds_h1(const Node* n) const { return h1_ && is_ancestor(n, h1_); }

  // The page's headline is its title, not body, whatever the <title> says ("Opinion |
  // ...", a site name, an entity left encoded).
  bool is_headline(const Node* n) const { return n == h1_; }

  // A heading set right after the page's <h1> (its next element) is the headline's
  // standfirst ("<h1>Pier to close</h1><h2>Repairs would cost more than...</h2>"): it
  // sums the story up and is not a section title of the body. A short one
  // ("Introduction") is the body's first section title.
  bool headline_standfirst(const Node* n) const {
    if (!h1_ || n == h1_ || !is_heading(tag_of(n))) return false;
    const Node* next = h1_->next;
    while (next && next->type != NodeType::kElement) next = next->next;
    if (next != n) return false;
    const std::string t = text_of(n);
    return text::cjk_share(t) > 0.5 ? text::code_points(t) >= 15 : text::word_count(t) >= 6;
  }

  // A container holding several <article> elements is a page of posts: the story is the
  // one under the page's <h1>, the others are teasers of other stories ("You may also
  // like", each a post of its own) that score like prose. An <article> with little text
  // under the <h1> is only the headline's wrapper, and decides nothing.
  Node* own_article(Node* best) {
    if (!best || !h1_) return best;
    const NodeStats* b = stats(best);
    if (!b || b->articles < 2) return best;
    Node* article = nullptr;
    for (Node* a = h1_->parent; a && a != best; a = a->parent)
      if (tag_of(a) == "article") article = a;  // the outermost one below best
    if (!article || !is_ancestor(best, article)) return best;
    const NodeStats* s = stats(article);
    if (!s || s->junk || s->units < kMinOwnArticleUnits) return best;
    return article;
  }

  // A paragraph: <p>, or a <div>/<section> used as one (text of its own, or only
  // inline content: "<div><span>Text...</span></div>").
  bool paragraph_like(const Node* n) {
    const std::string_view tag = tag_of(n);
    if (tag == "p") return true;
    if (tag != "div" && tag != "section") return false;
    const NodeStats* s = stats(n);
    return s && (!s->has_block || has_direct_text(n));
  }

  // A paragraph next to the article's container continues it (the lead paragraphs of
  // an article often sit before the wrapper of the rest): long with few links, or a
  // short sentence without links ("You shouldn't just believe them.").
  bool sibling_paragraph(const Node* n, const NodeStats& s) const {
    if (s.units >= 80) return link_density(s) < 0.25;
    if (s.units < 15 || s.link_units > 0) return false;
    const std::string t = text_of(n);
    return text::ends_like_sentence(t);
  }

  static bool is_ancestor(const Node* a, const Node* n) {
    for (const Node* p = n->parent; p; p = p->parent)
      if (p == a) return true;
    return false;
  }

  static Node* common_ancestor(Node* a, Node* b) {
    int da = 0, db = 0;
    for (Node* p = a; p; p = p->parent) ++da;
    for (Node* p = b; p; p = p->parent) ++db;
    while (da > db) { a = a->parent; --da; }
    while (db > da) { b = b->parent; --db; }
    while (a != b) { a = a->parent; b = b->parent; }
    return a;
  }

  double score_of(Node* n) {
    NodeStats* s = stats(n);
    return s && s->scored ? s->score : 0;
  }

  bool has_direct_text(const Node* n) const {
    for (const Node* c = n->children; c; c = c->next) {
      if (c->type == NodeType::kText && !c->content.empty()) {
        const std::string_view t(c->content);
        if (t.find_first_not_of(" \t\r\n") != std::string_view::npos && t.size() > 20) return true;
      }
      if (c->type == NodeType::kElement && is_block_tag(tag_of(c))) return false;
    }
    return false;
  }

 private:
  double base_score(const Node* n) const {
    const std::string_view tag = tag_of(n);
    double s = 0;
    if (tag == "div" || tag == "article" || tag == "main" || tag == "section") s += 5;
    else if (tag == "pre" || tag == "td" || tag == "blockquote") s += 3;
    else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" || tag == "form") s -= 3;
    else if (is_heading(tag) || tag == "th") s -= 5;
    if (tag == "article" || tag == "main") s += 10;
    const std::string& h = hints_of(n, hints_);
    if (positive_hint(h)) s += 25;
    if (negative_hint(h)) s -= 25;
    if (attr_of(n, "itemprop") == "articleBody") s += 50;
    return s;
  }

  Node* body_;
  Node* h1_ = nullptr;  // the page's first <h1> outside junk (else its first <h1>)
  mutable std::string hints_;  // hints_of's buffer
  std::vector<NodeStats> stats_;
};

// Emits blocks from the chosen containers.
class Emitter {
 public:
  Emitter(Scorer& scorer, const std::string& title, HtmlContent& out) : scorer_(scorer), title_(title), out_(out) {}

  void emit(Node* root) {
    walk(root,
         [&](Node* n) { return enter(n); },
         [&](Node* n) { leave(n); });
    flush();
  }

 private:
  bool enter(Node* n) {
    if (n->type == NodeType::kText || n->type == NodeType::kRawText) {
      if (!n->content.empty()) {
        const std::string_view t(n->content);
        // A line break in the source is white space (HTML wraps long lines anywhere,
        // "Photos\n which were released..."); only <br> and <pre> lines split a block.
        const std::size_t from = buffer_.size();
        buffer_ += t;
        if (in_pre_ == 0) std::replace(buffer_.begin() + static_cast<long>(from), buffer_.end(), '\n', ' ');
        if (in_link_ > 0) link_units_ += text::text_units(t);
        else plain_ += t;
      }
      return false;
    }
    if (n->type != NodeType::kElement) return false;
    const std::string_view tag = tag_of(n);
    // Counted before any early return: leave() runs for skipped elements too.
    if (tag == "a") ++in_link_;
    else if (tag == "pre") ++in_pre_;
    else if (tag == "blockquote") ++in_quote_;
    if (is_non_content_tag(tag)) return false;
    NodeStats* s = scorer_.stats(n);
    if (!s || s->junk) return false;
    if (scorer_.headline_standfirst(n) || scorer_.is_headline(n)) return false;
    if (tag == "figure" || tag == "figcaption") {
      flush();
      const std::string cap = text_of(tag == "figure" ? find_child(n, "figcaption") : n);
      if (!cap.empty()) out_.captions.push_back(cap);
      return false;
    }
    if (tag == "br") {
      buffer_ += '\n';
      return false;
    }
    // Lists and containers made of links are navigation, "Related" lists or tag clouds.
    if ((tag == "ul" || tag == "ol" || tag == "div" || tag == "section" || tag == "table" || tag == "dl") &&
        s->units > 0 && scorer_.link_density(*s) > 0.5 && s->units < 2000) {
      held_heading_.clear();
      return false;
    }
    // Data tables: a row is one block, its cells joined. (A layout table, whose cells
    // hold paragraphs or lists, is read as ordinary blocks.)
    if (tag == "tr") {
      flush();
      row_ = is_data_row(n) ? n : nullptr;
      cells_ = 0;
      if (row_) pending_type_ = BlockType::kTableRow;
      return true;
    }
    if (row_) {
      if ((tag == "td" || tag == "th") && cells_++ > 0) buffer_ += " | ";
      return true;
    }
    if (is_block_tag(tag)) {
      flush();
      if (is_heading(tag)) pending_type_ = BlockType::kHeading;
      else if (tag == "li") pending_type_ = BlockType::kListItem;
      else if (tag == "blockquote") pending_type_ = BlockType::kQuote;
      else if (tag == "pre") pending_type_ = BlockType::kPreformatted;
    }
    return true;
  }

  void leave(Node* n) {
    if (tag_of(n) == "a") --in_link_;
    if (tag_of(n) == "pre") --in_pre_;
    if (tag_of(n) == "blockquote") {
      flush();  // the quote's last line is read while the quote is still open
      --in_quote_;
    }
    if (row_ && n != row_) return;
    if (n == row_) {
      flush();
      row_ = nullptr;
      return;
    }
    if (is_block_tag(tag_of(n))) flush();
  }

  // A row whose cells hold only inline content.
  static bool is_data_row(Node* tr) {
    bool layout = false;
    walk(tr, [&](Node* c) {
      if (layout || c->type != NodeType::kElement) return false;
      const std::string_view t = tag_of(c);
      if (c != tr && (t == "p" || t == "div" || t == "ul" || t == "ol" || t == "table" || t == "blockquote" ||
                      t == "section" || t == "article" || is_heading(t))) {
        layout = true;
        return false;
      }
      return true;
    }, [](Node*) {});
    return !layout;
  }

  static Node* find_child(Node* n, std::string_view tag) {
    Node* found = nullptr;
    walk(n, [&](Node* c) {
      if (found) return false;
      if (tag_of(c) == tag) { found = c; return false; }
      return true;
    }, [](Node*) {});
    return found;
  }

  // Text outside links that is only a label: "Read more:", "See also:".
  static bool labelled(const std::string& plain) {
    const std::string t = text::normalize_space(plain);
    return !t.empty() && t.back() == ':' && text::word_count(t) <= 3;
  }

  void flush() {
    // A block that is all link ("Next story", a related headline) is navigation.
    const int units = link_units_ > 0 ? text::text_units(buffer_) : 0;
    // A web address written out as the link's text is a reference the author gives
    // ("Buy it here:" then "https://..."): navigation links read as names, not addresses.
    const bool all_link = link_units_ > 0 && link_units_ * 10 >= units * 9 && pending_type_ != BlockType::kTableRow &&
                          !bare_address(buffer_);
    // "Read more: <a>Other headline</a>", "See also: <a>...</a>": a label of a word or
    // three and a colon, then only a link, is a pointer to another page.
    const bool labelled_link = link_units_ > 0 && pending_type_ != BlockType::kTableRow && labelled(plain_) &&
                               link_units_ >= 3 * text::text_units(plain_);
    link_units_ = 0;
    plain_.clear();
    if ((all_link || labelled_link) && units < 200) {
      held_heading_.clear();
      buffer_.clear();
      pending_type_ = BlockType::kParagraph;
      return;
    }
    // <br> splits paragraphs inside one element.
    std::size_t start = 0;
    while (start <= buffer_.size()) {
      const std::size_t nl = buffer_.find('\n', start);
      const std::string piece = text::normalize_space(std::string_view(buffer_).substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (!piece.empty()) add(piece);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    buffer_.clear();
    pending_type_ = BlockType::kParagraph;
  }

  void add(const std::string& piece) {
    if (pending_type_ == BlockType::kHeading && piece == title_) return;
    // Table rows and preformatted lines (code, verse) are kept as they are: a short
    // line there is data, not a share button or a byline.
    if (pending_type_ == BlockType::kTableRow || pending_type_ == BlockType::kPreformatted) {
      push({pending_type_, piece});
      return;
    }
    // Furniture that survived the DOM rules: share lines, bylines, dates, credits.
    // (A written-out web address is a reference, kept as flush() keeps it.)
    const LineKind kind = bare_address(piece) ? LineKind::kShort : classify_normalized_line(piece);
    // A short line without sentence punctuation is furniture in a text dump, but in the
    // markup a list item or a subheading says what it is: an item of the article's list
    // ("Cabbage", "GPS"), a section title ("Our ruling") when text follows it. Only
    // words of furniture ("Share", "Read more") still give it away.
    if (kind == LineKind::kBoilerplate && text::text_units(piece) > 0 && !is_furniture_phrase(piece)) {
      if (pending_type_ == BlockType::kListItem) {
        push({pending_type_, piece});
        return;
      }
      if (pending_type_ == BlockType::kHeading) {
        held_heading_ = piece;
        return;
      }
    }
    // Inside a quotation the attribution ("— Jane Roe (@jroe) May 3, 2031", under an
    // embedded post) reads like a byline or a date line but is part of the quote.
    if (kind == LineKind::kBoilerplate) return;
    if ((kind == LineKind::kByline || kind == LineKind::kDate) && in_quote_ == 0) return;
    if (kind == LineKind::kCaption && text::text_units(piece) < 400) {
      const CaptionParts parts = split_caption_credit(piece);
      if (!parts.caption.empty()) out_.captions.push_back(parts.caption);
      return;
    }
    push({pending_type_, piece});
  }

  // A held subheading goes out before the first block of text after it. Another heading
  // replaces it; a link list or an all-link block in between cancels it (it headed them).
  void push(Block b) {
    if (b.type != BlockType::kHeading && !held_heading_.empty()) out_.blocks.push_back({BlockType::kHeading, held_heading_});
    held_heading_.clear();
    out_.blocks.push_back(std::move(b));
  }

  Scorer& scorer_;
  const std::string& title_;
  HtmlContent& out_;
  std::string buffer_;
  BlockType pending_type_ = BlockType::kParagraph;
  Node* row_ = nullptr;  // the data-table row being read, if any
  int cells_ = 0;
  int in_link_ = 0;             // depth of <a> elements around the walk
  int in_pre_ = 0;              // depth of <pre> elements around the walk
  int in_quote_ = 0;            // depth of <blockquote> elements around the walk
  int link_units_ = 0;          // letters of the buffer that came from link text
  std::string plain_;           // the buffer's text outside links
  std::string held_heading_;    // a short subheading waiting for the text it introduces
};

Node* find_body(HtmlDocument* doc) {
  Node* root = root_element(doc);
  if (!root) return nullptr;
  for (Node* c = root->children; c; c = c->next)
    if (tag_of(c) == "body") return c;
  return root;
}

// Leading blocks that are not prose (a kicker, a section label, a lone date) open no
// body; a heading that introduces prose does.
void trim_head(std::vector<Block>& blocks) {
  std::size_t drop = 0;
  while (drop < blocks.size() && drop < 3) {
    const Block& b = blocks[drop];
    if (b.type == BlockType::kListItem || b.type == BlockType::kQuote || b.type == BlockType::kTableRow) break;
    if (text::ends_like_sentence(b.text) || text::text_units(b.text) >= 60) break;
    if (b.type == BlockType::kHeading && drop + 1 < blocks.size() && blocks[drop + 1].type == BlockType::kParagraph &&
        text::word_count(b.text) >= 3)
      break;
    ++drop;
  }
  if (drop < blocks.size()) blocks.erase(blocks.begin(), blocks.begin() + static_cast<long>(drop));
}

// The number an item of a list numbered by hand opens with ("3) Blade Runner", "12. Taboo"),
// or -1.
int item_number(std::string_view t) {
  std::size_t i = 0;
  int n = 0;
  while (i < t.size() && i < 3 && t[i] >= '0' && t[i] <= '9') n = n * 10 + (t[i++] - '0');
  if (i == 0 || i + 1 >= t.size() || (t[i] != ')' && t[i] != '.') || t[i + 1] != ' ') return -1;
  return n;
}

// Whether blocks[i] carries number n > 1 and one of the three blocks before it n - 1 (an
// item may run over a few lines: a name, then its link).
bool numbered_item_follows_previous(const std::vector<Block>& blocks, std::size_t i) {
  const int n = item_number(blocks[i].text);
  if (n <= 1) return false;
  for (std::size_t k = 1; k <= 3 && k <= i; ++k)
    if (item_number(blocks[i - k].text) == n - 1) return true;
  return false;
}

// Trailing blocks that are not prose ("Related", "Tags: ...", a lone heading) end no body.
// A list the author numbered by hand ("1) ...", "2) ..." as lines of paragraphs) is
// content however short its items: its last items carry consecutive numbers.
void trim_tail(std::vector<Block>& blocks) {
  while (!blocks.empty()) {
    const Block& b = blocks.back();
    const bool prose = text::ends_like_sentence(b.text) && text::text_units(b.text) >= 40;
    if (prose || b.type == BlockType::kListItem || b.type == BlockType::kQuote || b.type == BlockType::kTableRow) break;
    const std::size_t i = blocks.size() - 1;
    if (numbered_item_follows_previous(blocks, i)) break;
    // The last item's own line: its address ("3) Poster", then "https://...").
    if (i > 0 && bare_address(b.text) && numbered_item_follows_previous(blocks, i - 1)) break;
    if (text::text_units(b.text) >= 200) break;
    blocks.pop_back();
  }
}

}  // namespace

HtmlContent extract_html_content(HtmlDocument* doc, const std::string& title) {
  HtmlContent out;
  Node* body = find_body(doc);
  if (!body) return out;
  Scorer scorer(body);
  scorer.measure();
  Node* best = scorer.best_candidate();
  Emitter emitter(scorer, title, out);
  if (!best) {
    emitter.emit(body);
  } else {
    out.found_container = true;
    // Siblings that carry content join the body (articles split across sibling divs).
    const double threshold = std::max(10.0, scorer.score_of(best) * 0.2);
    Node* parent = best->parent;
    const bool own_article = tag_of(best) == "article" && scorer.holds_h1(best);
    if (!parent) {
      emitter.emit(best);
    } else {
      for (Node* c = parent->children; c; c = c->next) {
        if (c->type != NodeType::kElement) continue;
        bool take = c == best;
        if (!take) {
          NodeStats* s = scorer.stats(c);
          // Next to the <article> of the page's <h1>, another <article> is another story.
          // (Sibling articles with no headline among them are sections of one story:
          // listicle items, blocks of a CMS page.)
          const bool other_story = tag_of(c) == "article" && own_article;
          if (s && !s->junk && !other_story) {
            // A sibling that is a block of teasers (a headline link and a line of
            // summary per item, "Popular this week") scores like prose: its links give
            // it away. The article's own continuation has few.
            if (scorer.score_of(c) >= threshold && scorer.link_density(*s) < kMaxSiblingLinkDensity) take = true;
            else if (scorer.paragraph_like(c) && scorer.sibling_paragraph(c, *s)) take = true;
          }
        }
        if (take) emitter.emit(c);
      }
    }
  }
  trim_head(out.blocks);
  trim_tail(out.blocks);
  // The same caption twice (figure and credit line) is one caption.
  std::vector<std::string> unique;
  for (std::string& c : out.captions)
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(std::move(c));
  out.captions = std::move(unique);
  return out;
}

}  // namespace storyline::extract
