// Article: what extraction yields from one Document.
//
// Plain data. Every string is UTF-8; an empty string means "the page does not say".
// Dates are ISO 8601 ("2024-05-31T07:16:00-04:00", or "2024-05-31" when only the day
// is known); an offset is present only when the page gives a zone. Never invented.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// kTableRow holds a data table's row, cells separated by " | ".
enum class BlockType { kParagraph, kHeading, kQuote, kListItem, kPreformatted, kTableRow };

// One block of the body, in reading order.
struct Block {
  BlockType type = BlockType::kParagraph;
  std::string text;
};

struct Article {
  std::string source;       // input path as given
  std::string url;
  std::string outlet;
  std::string title;
  std::string description;
  std::vector<std::string> authors;
  std::vector<std::string> contributors;  // "X contributed to this report"
  std::string published;
  std::string updated;
  std::string page_date;    // the date the page shows: published, else updated
  std::string date_source;  // meta | jsonld | url | text | front_matter | input, "" if no date
  bool date_relative = false;  // resolved from "2 hours ago", "Thursday", "May 13"...
  std::string dateline;     // "PRAGUE", "KYIV, Ukraine"
  std::vector<std::string> languages;  // BCP-47, main first
  std::string kind = "article";        // article | digest | listing | liveblog
  std::vector<Block> blocks;
  std::vector<std::string> tags;
  std::vector<std::string> captions;
  std::vector<std::string> warnings;
  // How much to trust the body, 0..1: lowered by each warning's cause (empty or short
  // body, no main block found, a listing, undecodable bytes, no title).
  double confidence = 1.0;

  // The body: blocks' text separated by one blank line.
  std::string text() const;
  // Hex content hash of text(); stable across runs and machines.
  std::string id() const;
};

// The content id of a body already joined (Article::id() without joining it again).
std::string content_id(std::string_view body);

}  // namespace storyline
