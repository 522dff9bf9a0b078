// HTML tag names the parser treats specially, and what it knows of each: which open
// element a start tag closes, how far a misplaced end tag reaches, which elements are
// void. The rules are those of HTML 4's DTD as libxml2's HTML parser applies them, so
// that our tree is the one the extraction rules were written against. Internal header.
#pragma once

#include <cstdint>
#include <string_view>

namespace storyline::extract::html {

// Tag ids. The first 48 (a .. xmp) are the elements a start tag can close implicitly,
// numbered so that each is one bit of a 64-bit mask. Ids from kFirstDynamic on name
// tags not listed here, interned per document.
enum Tag : std::uint16_t {
  kNone = 0,
  // Closable by a later start tag.
  kA, kAddress, kB, kBig, kCaption, kCol, kColgroup, kDd, kDir, kDl, kDt, kFont, kForm,
  kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHr, kI, kLegend, kLi, kLink, kListing, kMenu, kOl,
  kOption, kP, kPre, kS, kScript, kSmall, kSpan, kStrike, kStyle, kTbody, kTd, kTfoot, kTh,
  kThead, kTitle, kTr, kTt, kU, kUl, kXmp,
  // Other tags with a rule of their own.
  kAbbr, kAcronym, kApplet, kArea, kBase, kBasefont, kBdo, kBlockquote, kBody, kBr, kButton,
  kCenter, kCite, kCode, kDel, kDfn, kDiv, kEm, kFieldset, kFrame, kFrameset, kHtml, kIframe,
  kImg, kInput, kIns, kIsindex, kKbd, kLabel, kMap, kMeta, kNoframes, kNoscript, kObject,
  kOptgroup, kParam, kQ, kSamp, kStrong, kSub, kSup, kTable, kVar,
  kFirstDynamic,
};

// The static name of a known tag ("" for kNone and dynamic ids).
std::string_view tag_name(std::uint16_t tag);

// The id of a lower-case tag name, kNone when it is not one of the above.
Tag known_tag(std::string_view lower_name);

// Whether a start tag `opening` implicitly closes the current element `open`
// (<p> closes an open <p>; <td> a <td>; any body element the <head>).
bool closes(std::uint16_t open, std::uint16_t opening);

// How far an end tag reaches: it may close only open elements of lower or equal
// priority on its way to its own element, so a stray </span> stops at a <div> and a
// stray </div> at a table cell. Levels 0 (most elements) .. 7 (<html>).
int end_priority(std::uint16_t tag);
constexpr int kPriorityLevels = 8;

// Void elements: never have content (<br>, <img>, <meta>, ...).
bool is_void(std::uint16_t tag);

// Elements whose white space is kept when it is all they hold so far, and after
// which white space is kept ("<b>a</b> <i>b</i>"); elsewhere blank text is dropped.
bool keeps_blank_text(std::uint16_t tag);

// Elements that, first in a page, imply a <head> rather than a <body>.
bool is_head_content(std::uint16_t tag);

// Elements whose content is raw text up to their end tag (<script>, <style>).
inline bool is_raw_text(std::uint16_t tag) { return tag == kScript || tag == kStyle; }

}  // namespace storyline::extract::html
