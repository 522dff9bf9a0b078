// Dated statements: the sentences of an article that say when something happened, with
// the date normalised — the raw material of a story's timeline.
//
// Temporal expressions found: absolute dates ("May 31, 2024", "2024-05-30",
// "2024年5月31日"), dates that need the article's date ("on Thursday", "May 13", "Nov. 17",
// "in February", "yesterday", "3 days ago", "5月30日", "周四"), spans ("earlier this month",
// "last month", "last week") and steps from the last date told ("a day earlier", "the
// next day", "two days later"). They resolve against a reference date: by default the
// article's own (published, else page_date); a caller that knows better (the event the
// article reports) passes it. Without any reference they are returned unresolved.
//
// Pure function over plain data; linear in the text's length.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline {

struct DatedStatement {
  std::string date;        // "2024-05-30", or "2024-05" when only the month is known;
                           // "" when it could not be resolved (no reference date)
  std::string sentence;    // the whole sentence, whitespace collapsed
  std::string expression;  // as written: "on Thursday", "earlier this month", "May 13";
                           // "" for a lead dated by the article itself (see below)
  std::string article_id;
  std::size_t block = 0;   // index into Article::blocks
  bool is_relative = false;  // resolved through the reference or an earlier date
};

// The article's own date as YYYY-MM-DD: published, else page_date; "" if none.
std::string article_reference_date(const Article& article);

// One entry per temporal expression per sentence, in reading order (the same date twice
// in a sentence once; a month dropped when a day of it is in the same sentence). The lead
// sentence, when it names no date, gets an entry dated by the reference (news tells the
// day's event first). `reference_date` ("YYYY-MM-DD…", "" = article_reference_date);
// `article_id` "" = article.id().
std::vector<DatedStatement> extract_dated_statements(const Article& article,
                                                     std::string_view reference_date = {},
                                                     std::string_view article_id = {});

}  // namespace storyline
