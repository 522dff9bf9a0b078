// build_digest: from the store's placed articles to a Digest (digest.h).
//
// Per story: its events (articles by date, copies found among them and marked after
// their original, dates that contradict the event flagged), an extractive summary per
// event and per story, quotes merged across sources, entities with aliases, and a
// timeline of dated statements resolved against each article's date (or, when an
// article's own date contradicts its event, against the event's). With a language model
// configured it adds an abstractive summary, questions with answers and a translation;
// without one it lists those parts as needing a model.
#pragma once

#include <cstdint>
#include <string>

#include "storyline/cedict.h"
#include "storyline/digest.h"
#include "storyline/llm.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline {

struct DigestOptions {
  std::uint64_t story = 0;   // only this story; 0 for all
  bool analyze = true;       // quotes, entities, timeline, summaries (false: structure only)
  int summary_words = 100;   // story summary; event summaries get half
  int max_timeline = 12;     // timeline entries per story
  const ChineseDictionary* dictionary = nullptr;
  // Language model: used when url is set.
  LlmConfig llm;
  std::string translate_to;  // "" for none
  std::string now;           // generated_at (ISO 8601)
};

Result<Digest> build_digest(Store& store, const DigestOptions& options);

// A file-name stem from a title: lower-case ASCII words joined by '-', at most 60
// characters; "story-<id>" when the title has no ASCII word.
std::string story_slug(const std::string& title, std::uint64_t id);

}  // namespace storyline
