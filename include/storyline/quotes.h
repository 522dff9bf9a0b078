// Quotes: who said what in an article, and the same quote across articles.
//
// A quote is text between quotation marks — curly “…”, straight "…", doubled apostrophes
// ''…'', corner brackets 「…」, guillemets «…» — with its speaker found from the words
// around it: after it ("…," Blinken told reporters / "…," said a U.S. official / "…" the
// government said in a statement), before it (Medvedev, the deputy head of the Security
// Council, said that "…" / according to X / …, saying "…"), or in Chinese (X说：“…” /
// “…”，X表示). A quote split by its attribution ("…," he said. "…") is one quote.
// Pronouns (he, she, they; 他, 她) stand for the last person named before the quote; a
// lone surname for the full name written earlier; "this official" for the anonymous
// speaker just quoted. Titles stay apart from names: speaker "Antony Blinken", role
// "Secretary of State". Anonymous sources stay anonymous ("a U.S. official").
//
// Pure functions over plain data; linear in the text's length (no regular expressions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline {

enum class SpeakerKind { kPerson, kAnonymous, kOrganization, kUnknown };

// "person", "anonymous", "organization", "unknown".
std::string_view speaker_kind_name(SpeakerKind kind);

// Where a quote was read.
struct QuoteSource {
  std::string article_id;
  std::size_t block = 0;   // index into Article::blocks
  std::size_t offset = 0;  // byte offset of the opening mark in that block's text
};

struct Quote {
  std::string text;          // the words quoted, without the marks; split parts joined by " "
  std::string speaker;       // "Antony Blinken", "a U.S. official", "the German government";
                             // "" when unknown
  std::string speaker_role;  // "Secretary of State", "the deputy head of Russia's Security
                             // Council"; "" if none is written
  SpeakerKind speaker_kind = SpeakerKind::kUnknown;
  std::size_t block = 0;     // where it was first read (= sources[0])
  std::size_t offset = 0;
  std::vector<QuoteSource> sources;  // one per article that reports it (after merge_quotes)
};

// The quotes of one article's body (paragraphs, quote blocks and list items; headings and
// tables are skipped), in reading order. `article_id` fills QuoteSource::article_id
// ("" = article.id()). Quotes of a word or two with no speaker (scare quotes) are dropped.
std::vector<Quote> extract_quotes(const Article& article, std::string_view article_id = {});

// The same quote reported by several articles becomes one quote with one source per
// report. Texts are compared normalised (case, punctuation, quote marks and spaces
// folded); a quote contained in another (a shorter excerpt of it) or differing in a few
// words (edit distance over words <= 15%) is the same quote. The longest text and the
// most specific speaker (person > organization > anonymous > unknown) are kept. Order:
// first appearance.
std::vector<Quote> merge_quotes(const std::vector<Quote>& quotes);

// The normalised form used by merge_quotes: lower-case letters and digits (any script)
// separated by single spaces.
std::string normalize_quote_text(std::string_view text);

}  // namespace storyline
