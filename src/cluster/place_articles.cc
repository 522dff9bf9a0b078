#include "storyline/place_articles.h"

#include <tuple>
#include <unordered_map>

#include "storyline/copies.h"

namespace storyline {

std::string article_event_date(const Article& a) { return a.published.empty() ? a.page_date : a.published; }

DocumentTerms article_terms(const Article& a, const PlacementOptions& options) {
  return document_terms(a.title, a.text(), options.dictionary, options.terms);
}

namespace {

std::string copy_date(const Article& a) { return a.published.empty() ? a.page_date : a.published; }

// Finds the copies of a new article among the stored ones (LSH keys in the store, each
// candidate checked on the exact shingle sets) and records the link to the original:
// the copy's earliest credible version, which may be the new article itself when it
// arrives late but was published first.
Status place_copies(Store& store, const StoredArticle& s, std::unordered_map<std::int64_t, std::int64_t>& original_of,
                    std::size_t& copies) {
  const Article& a = s.article;
  const CopySignature sig = copy_signature(a.text());
  const std::vector<std::uint64_t> keys = copy_keys(sig);
  Result<std::vector<std::int64_t>> candidates = store.copy_candidates(keys);
  if (!candidates.ok()) return candidates.status();
  std::int64_t best = 0;
  CopyCheck best_check;
  CopySignature best_sig;
  Article best_article;
  for (std::int64_t c : *candidates) {
    if (c == s.rowid) continue;
    Result<StoredArticle> other = store.article(std::to_string(c));
    if (!other.ok()) continue;
    CopySignature other_sig = copy_signature(other->article.text());
    const CopyCheck check = check_copy(sig, other_sig);
    if (!check.copy) continue;
    if (!best || std::tie(check.exact, check.jaccard, check.containment) >
                     std::tie(best_check.exact, best_check.jaccard, best_check.containment)) {
      best = c;
      best_check = check;
      best_sig = std::move(other_sig);
      best_article = std::move(other->article);
    }
  }
  if (best) {
    // The group's original: the candidate's own original when the candidate is a copy.
    std::int64_t original = best;
    if (auto it = original_of.find(best); it != original_of.end()) original = it->second;
    if (original != best) {
      Result<StoredArticle> o = store.article(std::to_string(original));
      if (o.ok()) {
        best_sig = copy_signature(o->article.text());
        best_article = std::move(o->article);
      } else {
        original = best;
      }
    }
    const std::vector<CopyMember> members = {
        {best_article.url, best_article.outlet, copy_date(best_article), best_article.text().size()},
        {a.url, a.outlet, copy_date(a), a.text().size()}};
    const std::vector<CopySignature> sigs = {best_sig, sig};
    const auto groups =
        copy_groups(members, sigs, {CopyPair{0, 1, best_check.jaccard, best_check.containment, best_check.exact}});
    if (!groups.empty() && !groups[0].links.empty()) {
      const CopyLink& link = groups[0].links[0];
      CopyRow row;
      row.relation = link.relation;
      row.jaccard = link.jaccard;
      row.containment = link.containment;
      if (groups[0].canonical == 1) {
        // The new article is the earlier one: the old original becomes its copy.
        row.article = original;
        row.original = s.rowid;
      } else {
        row.article = s.rowid;
        row.original = original;
      }
      if (Status st = store.set_copy(row); !st.ok()) return st;
      original_of[row.article] = row.original;
      ++copies;
    }
  }
  return store.add_copy_keys(s.rowid, keys);
}

}  // namespace

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
  Result<std::vector<CopyRow>> copy_rows = store.copy_rows();
  if (!copy_rows.ok()) return copy_rows.status();
  std::unordered_map<std::int64_t, std::int64_t> original_of;
  for (const CopyRow& r : *copy_rows) original_of[r.article] = r.original;
  if (Status st = store.begin(); !st.ok()) return st;
  auto fail = [&](Status st) {
    // Nothing of this placement is kept; the next run starts from the same state.
    store.rollback();
    return st;
  };
  for (const StoredArticle& s : *pending) {
    const Article& a = s.article;
    if (Status st = place_copies(store, s, original_of, stats.copies); !st.ok()) return fail(st);
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
