#include "extract/html_tags.h"

#include <array>
#include <initializer_list>

namespace storyline::extract::html {
namespace {

// Names by id, in the order of the enum.
constexpr std::string_view kNames[] = {
    "",
    "a", "address", "b", "big", "caption", "col", "colgroup", "dd", "dir", "dl", "dt", "font", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "legend", "li", "link", "listing", "menu", "ol",
    "option", "p", "pre", "s", "script", "small", "span", "strike", "style", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "tt", "u", "ul", "xmp",
    "abbr", "acronym", "applet", "area", "base", "basefont", "bdo", "blockquote", "body", "br", "button",
    "center", "cite", "code", "del", "dfn", "div", "em", "fieldset", "frame", "frameset", "html", "iframe",
    "img", "input", "ins", "isindex", "kbd", "label", "map", "meta", "noframes", "noscript", "object",
    "optgroup", "param", "q", "samp", "strong", "sub", "sup", "table", "var",
};
static_assert(std::size(kNames) == kFirstDynamic);
static_assert(kXmp <= 64, "the closable tags must fit a 64-bit mask");

constexpr std::uint64_t bit(Tag t) { return std::uint64_t{1} << (t - 1); }

constexpr std::uint64_t bits(std::initializer_list<Tag> tags) {
  std::uint64_t m = 0;
  for (Tag t : tags) m |= bit(t);
  return m;
}

constexpr std::uint64_t kHeadings = bits({kH1, kH2, kH3, kH4, kH5, kH6});
// Lists, preformatted blocks and addresses end where a list item, a definition or a
// form begins.
constexpr std::uint64_t kListLike = bits({kAddress, kDir, kListing, kMenu, kPre, kXmp});

struct Closing {
  Tag opening;
  std::uint64_t closed;  // open elements this start tag closes
};

// For each start tag, the open elements it ends (HTML 4's omitted end tags). Any
// element of the body ends an open <head> (kEndsHead below); a block ends a <p>.
constexpr std::uint64_t kEndsHead = bit(kHead);
constexpr Closing kClosings[] = {
    {kA, bits({kA}) | kEndsHead},
    {kAddress, bits({kP, kUl}) | kEndsHead},
    {kBlockquote, bits({kP}) | kEndsHead},
    {kBody, bits({kP, kLink, kStyle, kTitle}) | kEndsHead},
    {kCaption, bits({kP})},
    {kCenter, bits({kB, kFont, kI, kP}) | kEndsHead},
    {kCol, bits({kCaption, kCol, kP})},
    {kColgroup, bits({kCaption, kCol, kColgroup, kP})},
    {kDd, bits({kDt, kP}) | kListLike | kEndsHead},
    {kDir, bits({kP}) | kEndsHead},
    {kDiv, bits({kP}) | kEndsHead},
    {kDl, bits({kDt, kP}) | kListLike | kEndsHead},
    {kDt, bits({kDd, kP}) | kListLike | kEndsHead},
    {kFieldset, bits({kA, kLegend, kListing, kP, kPre, kXmp}) | kHeadings | kEndsHead},
    {kForm, bits({kAddress, kDir, kDl, kForm, kHr, kListing, kMenu, kOl, kP, kPre, kUl, kXmp}) | kHeadings | kEndsHead},
    {kFrameset, bits({kP, kLink, kStyle, kTitle}) | kEndsHead},
    {kH1, bits({kP}) | kEndsHead},
    {kH2, bits({kP}) | kEndsHead},
    {kH3, bits({kP}) | kEndsHead},
    {kH4, bits({kP}) | kEndsHead},
    {kH5, bits({kP}) | kEndsHead},
    {kH6, bits({kP}) | kEndsHead},
    {kHead, bits({kP})},
    {kHr, bits({kP}) | kEndsHead},
    {kLi, bits({kAddress, kDl, kLi, kListing, kP, kPre, kXmp}) | kHeadings | kEndsHead},
    {kListing, bits({kP}) | kEndsHead},
    {kMenu, bits({kP, kUl}) | kEndsHead},
    {kNoscript, bits({kScript})},
    {kOl, bits({kP, kUl}) | kEndsHead},
    {kOptgroup, bits({kOption})},
    {kOption, bits({kOption})},
    {kP, bits({kB, kBig, kI, kP, kS, kSmall, kStrike, kTt, kU}) | kHeadings | kEndsHead},
    {kPre, bits({kP, kUl}) | kEndsHead},
    {kTable, bits({kA, kListing, kP, kPre, kXmp}) | kHeadings | kEndsHead},
    {kTbody, bits({kCaption, kCol, kColgroup, kP, kTbody, kTd, kTfoot, kTh, kThead, kTr})},
    {kTd, bits({kA, kB, kFont, kI, kP, kSpan, kTd, kTh, kU})},
    {kTfoot, bits({kCaption, kCol, kColgroup, kP, kTbody, kTd, kTh, kThead, kTr})},
    {kTh, bits({kA, kB, kFont, kI, kP, kSpan, kTd, kTh, kU})},
    {kThead, bits({kCaption, kCol, kColgroup})},
    {kTitle, bits({kP})},
    {kTr, bits({kCaption, kCol, kColgroup, kP, kTd, kTh, kTr})},
    {kUl, bits({kOl, kP}) | kListLike | kEndsHead},
    {kXmp, bits({kP}) | kEndsHead},
    // Inline and other elements of the body only end the <head>.
    {kAbbr, kEndsHead}, {kAcronym, kEndsHead}, {kB, kEndsHead}, {kBdo, kEndsHead}, {kBig, kEndsHead},
    {kBr, kEndsHead}, {kCite, kEndsHead}, {kCode, kEndsHead}, {kDfn, kEndsHead}, {kEm, kEndsHead},
    {kFont, kEndsHead}, {kI, kEndsHead}, {kIframe, kEndsHead}, {kImg, kEndsHead}, {kKbd, kEndsHead},
    {kMap, kEndsHead}, {kQ, kEndsHead}, {kS, kEndsHead}, {kSamp, kEndsHead}, {kSmall, kEndsHead},
    {kSpan, kEndsHead}, {kStrike, kEndsHead}, {kStrong, kEndsHead}, {kSub, kEndsHead}, {kSup, kEndsHead},
    {kTt, kEndsHead}, {kU, kEndsHead}, {kVar, kEndsHead},
};

struct Tables {
  std::array<std::uint64_t, kFirstDynamic> closed_by{};  // by opening tag
  std::array<std::uint8_t, kFirstDynamic> priority{};
  std::array<bool, kFirstDynamic> is_void{};
  std::array<bool, kFirstDynamic> keeps_blank{};
};

constexpr Tables make_tables() {
  Tables t{};
  for (const Closing& c : kClosings) t.closed_by[c.opening] |= c.closed;
  for (Tag x : {kDiv}) t.priority[x] = 1;
  for (Tag x : {kTd, kTh}) t.priority[x] = 2;
  for (Tag x : {kTr}) t.priority[x] = 3;
  for (Tag x : {kThead, kTbody, kTfoot}) t.priority[x] = 4;
  for (Tag x : {kTable}) t.priority[x] = 5;
  for (Tag x : {kHead, kBody}) t.priority[x] = 6;
  for (Tag x : {kHtml}) t.priority[x] = 7;
  for (Tag x : {kArea, kBase, kBasefont, kBr, kCol, kFrame, kHr, kImg, kInput, kIsindex, kLink, kMeta, kParam})
    t.is_void[x] = true;
  for (Tag x : {kA, kAbbr, kAcronym, kAddress, kApplet, kB, kBdo, kBig, kBlockquote, kBody, kButton, kCaption,
                kCenter, kCite, kCode, kDd, kDel, kDfn, kDiv, kDt, kEm, kFont, kForm, kH1, kH2, kH3, kH4, kH5,
                kH6, kI, kIframe, kIns, kKbd, kLabel, kLegend, kLi, kNoframes, kNoscript, kObject, kP, kPre, kQ,
                kS, kSamp, kSmall, kSpan, kStrike, kStrong, kTd, kTh, kTt, kU, kVar})
    t.keeps_blank[x] = true;
  return t;
}

constexpr Tables kTables = make_tables();

// Open addressing over the known names; built once.
struct NameIndex {
  static constexpr std::size_t kSlots = 512;
  std::array<std::uint16_t, kSlots> slot{};

  static std::size_t hash(std::string_view s) {
    std::size_t h = s.size() * 131;
    for (char c : s) h = h * 31 + static_cast<unsigned char>(c);
    return h & (kSlots - 1);
  }

  NameIndex() {
    for (std::uint16_t id = 1; id < kFirstDynamic; ++id) {
      std::size_t i = hash(kNames[id]);
      while (slot[i]) i = (i + 1) & (kSlots - 1);
      slot[i] = id;
    }
  }

  Tag find(std::string_view s) const {
    for (std::size_t i = hash(s);; i = (i + 1) & (kSlots - 1)) {
      const std::uint16_t id = slot[i];
      if (!id) return kNone;
      if (kNames[id] == s) return static_cast<Tag>(id);
    }
  }
};

}  // namespace

std::string_view tag_name(std::uint16_t tag) { return tag < kFirstDynamic ? kNames[tag] : std::string_view(); }

Tag known_tag(std::string_view lower_name) {
  static const NameIndex index;
  if (lower_name.empty() || lower_name.size() > 10) return kNone;
  return index.find(lower_name);
}

bool closes(std::uint16_t open, std::uint16_t opening) {
  if (open == kNone || open > kXmp || opening >= kFirstDynamic) return false;
  return (kTables.closed_by[opening] & bit(static_cast<Tag>(open))) != 0;
}

int end_priority(std::uint16_t tag) { return tag < kFirstDynamic ? kTables.priority[tag] : 0; }

bool is_void(std::uint16_t tag) { return tag < kFirstDynamic && kTables.is_void[tag]; }

bool keeps_blank_text(std::uint16_t tag) { return tag < kFirstDynamic && kTables.keeps_blank[tag]; }

bool is_head_content(std::uint16_t tag) {
  return tag == kScript || tag == kStyle || tag == kMeta || tag == kLink || tag == kTitle || tag == kBase;
}

}  // namespace storyline::extract::html
