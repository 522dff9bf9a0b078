// Text dumps: the article inside plain text that kept the whole page (menus, "Related"
// lists, share widgets, bios, footers), as browsers' copy, crawlers' text output and
// w3m/lynx dumps give it.
//
// Lines are classified by what they are (link-list item, short line without sentence
// punctuation, caption with a credit, dateline/byline, legal footer...), never by strings
// of particular sites. The body is the run of lines with the best balance of prose over
// junk (a maximum-sum window, linear time); the title, dek, byline and date are read from
// the block just before it, bios, tags and copyright from the block after it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "storyline/article.h"

namespace storyline::extract {

enum class LineKind {
  kBlank,
  kProse,      // a sentence-like line long enough to be body text
  kShort,      // short text with sentence punctuation: body only when prose surrounds it
  kHeadline,   // a title-like line: no end punctuation, several words
  kBullet,     // "• Home", "- Related story": an item of a list of links
  kDate,       // a line that is mostly a date ("Updated May 31, 2024 at 12:09 p.m. EDT")
  kByline,     // "By Jane Doe", or "By" alone
  kCaption,    // a photo/video caption or credit line
  kBoilerplate // share widgets, copyright, calls to action, reading time, "Advertisement"
};

// What a single line is, by itself.
LineKind classify_line(std::string_view line);
// The same for a line already whitespace-normalized (text::normalize_space's output),
// which it is not normalized again.
LineKind classify_normalized_line(std::string_view normalized_line);

// Furniture by its words whatever its markup: share widgets, calls to action, reading
// time, legal footers, consent notices. (classify_line's kBoilerplate also covers any
// short line without sentence punctuation, which in HTML may be a subheading.)
bool is_furniture_phrase(std::string_view line);

// A caption line split into its caption and its credit; caption empty if none.
struct CaptionParts {
  std::string caption;
  std::string credit;
};
CaptionParts split_caption_credit(std::string_view line);

// "PRAGUE — Secretary ..." -> "PRAGUE"; "" when the paragraph has no dateline.
std::string find_dateline(std::string_view first_paragraph);

// Extracts article, metadata and body from a text dump. Fills what the text says:
// title, description, authors, contributors, dates (date_source "text"), dateline,
// outlet, tags, captions, blocks; kind "listing" when no body is found. Relative dates
// in the header ("Updated 2 hours ago") resolve against reference when given.
Article extract_text_dump(std::string_view utf8_text, const std::optional<ParsedDate>& reference = std::nullopt);

}  // namespace storyline::extract
