// Placing stored articles into copies, events and stories, incrementally.
//
// Reads the articles the store has not placed yet (in publication order), finds each
// one's copies among all stored articles through the LSH keys the store keeps, continues the
// clusterer from the state the store saved last time, writes each article's event and
// story and the new state, all in one transaction: adding one page later places that
// page without re-clustering the others, and a crash leaves the previous placement.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "storyline/cedict.h"
#include "storyline/event_terms.h"
#include "storyline/events.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline {

struct PlacementOptions {
  EventOptions events;
  TermOptions terms;
  const ChineseDictionary* dictionary = nullptr;  // null: Chinese matched by characters
};

struct PlacementStats {
  std::size_t placed = 0;
  std::size_t new_events = 0;
  std::size_t events_folded = 0;  // one-article events folded into another (events.h)
  std::size_t events_split = 0;   // events split in two (events.h)
  std::size_t new_stories = 0;
  std::size_t date_conflicts = 0;
  std::size_t copies = 0;  // new articles found to copy a stored one (or copied by it)
};

Result<PlacementStats> place_new_articles(Store& store, const PlacementOptions& options);

// What the clusterer compares of an article: its title, body, main language, and its
// publication date (else the date the page shows).
DocumentTerms article_terms(const Article& article, const PlacementOptions& options);
std::string article_event_date(const Article& article);

// The canonical article of id's copy group: where the stored links (copy → original, see
// CopyRow) lead from id; id itself when it is no copy. A copy of a copy leads on through
// the copy it matched. Links never loop; a damaged store's loop ends after one hop per link.
std::int64_t copy_group_root(const std::unordered_map<std::int64_t, std::int64_t>& original_of, std::int64_t id);

}  // namespace storyline
