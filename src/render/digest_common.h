// What the digest's Markdown and HTML renderings share: how a source is named, dates
// shown, copies described, sentences joined. Internal header of src/render.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/digest.h"

namespace storyline::render {

// "2024-05-30 – 2024-05-31", or one day when both are the same or one is missing.
std::string date_range(const std::string& first, const std::string& last);
// "example.com" from "https://www.example.com/a?b" ("" when the URL has no scheme).
std::string host_of(std::string_view url);
// A short name for an article in running text: its outlet, else the site, else its
// title, else its opening words.
std::string source_label(const DigestArticle& a);
// What names an article in a list of articles: its title, else its opening words in
// quotes, else source_label.
std::string list_title(const DigestArticle& a);

using ArticleIndex = std::map<std::string, const DigestArticle*>;
ArticleIndex articles_by_id(const DigestStory& story);
std::size_t article_count(const DigestStory& story);

// The sources behind ids, one per label (two pages of one outlet add nothing to a
// reference in running text), in order: the label and the article (null when unknown).
std::vector<std::pair<std::string, const DigestArticle*>> distinct_sources(const std::vector<std::string>& ids,
                                                                            const ArticleIndex& by_id);

// How a copy relates to its original, as words before the original's name:
// "mirror of", "syndicated copy of"...; relation "" gives "copy of".
std::string copy_phrase(const std::string& relation);
// ", 12 words added, 3 removed" for an update whose diff is known; "" otherwise (the size
// of a mirror's or a syndicated copy's diff is mostly junk and trimming, not news).
std::string update_size_phrase(const DigestArticle& a);

// A story's quotes grouped by speaker, in order of each speaker's first quote (the
// analysis' order), with the first role any of the group's quotes gives.
struct SpeakerQuotes {
  std::string speaker;
  std::string role;
  std::vector<const DigestQuote*> quotes;
};
std::vector<SpeakerQuotes> quotes_by_speaker(const DigestStory& story);

// Sentences as one paragraph: a space between them, none between two CJK ones.
std::string join_sentences(const std::vector<std::string>& sentences);

}  // namespace storyline::render
