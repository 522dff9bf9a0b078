#include "storyline/place_articles.h"

namespace storyline {

std::string article_event_date(const Article& a) { return a.published.empty() ? a.page_date : a.published; }

DocumentTerms article_terms(const Article& a, const PlacementOptions& options) {
  return document_terms(a.title, a.text(), options.dictionary, options.terms);
}

Result<PlacementStats> place_new_articles(Store& store, const PlacementOptions& options) {
  Result<std::vector<StoredArticle>> pending = store.unclustered_articles();
  if (!pending.ok()) return pending.status();
  PlacementStats stats;
  if (pending->empty()) return stats;
  Result<std::string> saved = store.cluster_state();
  if (!saved.ok()) return saved.status();
  EventClusterer clusterer(options.events);
  if (!saved->empty()) {
    Result<EventClusterer> restored = EventClusterer::restore(*saved, options.events);
    if (!restored.ok()) return restored.status();
    clusterer = std::move(restored).value();
  }
  if (Status st = store.begin(); !st.ok()) return st;
  auto fail = [&](Status st) {
    // Nothing of this placement is kept; the next run starts from the same state.
    store.rollback();
    return st;
  };
  for (const StoredArticle& s : *pending) {
    const Article& a = s.article;
    const EventAssignment got =
        clusterer.add(article_terms(a, options), article_event_date(a), a.languages.empty() ? "" : a.languages[0]);
    EventRow row;
    row.article = s.rowid;
    row.event = got.event;
    row.story = got.story;
    row.similarity = got.similarity;
    row.date_conflict = got.date_conflict;
    if (Status st = store.set_event(row); !st.ok()) return fail(st);
    ++stats.placed;
    stats.new_events += got.new_event;
    stats.new_stories += got.new_story;
    stats.date_conflicts += got.date_conflict;
  }
  if (Status st = store.save_cluster_state(clusterer.serialize()); !st.ok()) return fail(st);
  if (Status st = store.commit(); !st.ok()) return fail(st);
  return stats;
}

}  // namespace storyline
