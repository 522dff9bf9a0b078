#include "storyline/place_articles.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "storyline/copies.h"
#include "storyline/word_diff.h"

namespace storyline {

std::string article_event_date(const Article& a) { return a.published.empty() ? a.page_date : a.published; }

std::int64_t copy_group_root(const std::unordered_map<std::int64_t, std::int64_t>& original_of, std::int64_t id) {
  for (std::size_t hops = 0; hops < original_of.size(); ++hops) {
    auto it = original_of.find(id);
    if (it == original_of.end()) break;
    id = it->second;
  }
  return id;
}

DocumentTerms article_terms(const Article& a, const PlacementOptions& options) {
  return document_terms(a.title, a.text(), options.dictionary, options.terms);
}

namespace {


// Finds the copies of a new article among the stored ones (LSH keys in the store, each
// candidate checked on the exact shingle sets) and records the link to the original:
// the copy's earliest credible version, which may be the new article itself when it
// arrives late but was published first.
//
// The new article is compared with the originals of the candidates' groups first, each
// once: a wire story printed seven hundred times costs one comparison, not seven hundred.
// A copy far enough from its original (Jaccard below kDriftedCopy) keeps its own keys
// too, the ones no stored article holds yet, and when no original matches, those drifted
// copies are compared: a copy of a copy (a mirror of a syndicated version with its own
// edits) is linked to the copy it matches, and root() leads from there to the group's
// original. Near-identical copies add no keys (whatever matches them matches their
// original), and a drifted copy adds only the band values new to the store, so no key
// collects a whole wire group: a lookup returns a few articles, not hundreds.
constexpr std::size_t kMaxCandidates = 32;
constexpr double kDriftedCopy = 0.9;
constexpr int kBatch = 1000;  // articles placed per transaction

// What placement remembers between articles of one run: each copy's original, and the
// signatures of recently seen originals (a wire story's original is compared with every
// copy that arrives; reading and hashing it again each time made the run quadratic).
struct CopyState {
  std::unordered_map<std::int64_t, std::int64_t> original_of;
  struct Known {
    CopySignature sig;
    CopyMember member;
    std::string body;  // for the diff size of a link to it
  };
  std::unordered_map<std::int64_t, Known> cache;

  // The root of a copy chain (an original whose own original arrived later points on).
  std::int64_t root(std::int64_t id) const { return copy_group_root(original_of, id); }

  const Known* known(Store& store, std::int64_t id) {
    if (auto it = cache.find(id); it != cache.end()) return &it->second;
    Result<StoredArticle> other = store.article(std::to_string(id));
    if (!other.ok()) return nullptr;
    if (cache.size() >= 4096) cache.clear();  // a bound, not a policy: misses only cost time
    const Article& o = other->article;
    const std::string body = o.text();
    Known k{copy_signature(body), {o.url, o.outlet, article_event_date(o), body.size(), other->fetched_at}, body};
    return &cache.emplace(id, std::move(k)).first->second;
  }
};

Status place_copies(Store& store, const StoredArticle& s, CopyState& state, std::size_t& copies) {
  const Article& a = s.article;
  const std::string body = a.text();
  const CopySignature sig = copy_signature(body);
  const std::vector<std::uint64_t> keys = copy_keys(sig);
  std::vector<std::uint64_t> unseen_keys;
  Result<std::vector<std::int64_t>> candidates = store.copy_candidates(keys, &unseen_keys);
  if (!candidates.ok()) return candidates.status();
  // The originals of the candidates' groups, each once, then (if none of them matches)
  // the drifted copies among the candidates.
  std::vector<std::int64_t> roots, drifted;
  for (std::int64_t c : *candidates) {
    const std::int64_t r = state.root(c);
    if (r != s.rowid && std::find(roots.begin(), roots.end(), r) == roots.end() && roots.size() < kMaxCandidates)
      roots.push_back(r);
    if (c != r && c != s.rowid && drifted.size() < kMaxCandidates) drifted.push_back(c);
  }
  std::int64_t original = 0;
  CopyCheck best_check;
  // A copy, not a pointer: a later known() may clear the cache.
  std::optional<CopyState::Known> best;
  bool matched_a_copy = false;
  auto compare = [&](const std::vector<std::int64_t>& ids) {
    for (std::int64_t r : ids) {
      const CopyState::Known* other = state.known(store, r);
      if (!other) continue;
      const CopyCheck check = check_copy(sig, other->sig);
      if (!check.copy) continue;
      if (!best || std::tie(check.exact, check.jaccard, check.containment) >
                       std::tie(best_check.exact, best_check.jaccard, best_check.containment)) {
        original = r;
        best_check = check;
        best = *other;
      }
    }
  };
  compare(roots);
  if (!best) {
    compare(drifted);
    matched_a_copy = best.has_value();
  }
  if (best) {
    const std::vector<CopyMember> members = {best->member,
                                             {a.url, a.outlet, article_event_date(a), body.size(), s.fetched_at}};
    const std::vector<CopySignature> sigs = {best->sig, sig};
    const auto groups =
        copy_groups(members, sigs, {CopyPair{0, 1, best_check.jaccard, best_check.containment, best_check.exact}});
    if (!groups.empty() && !groups[0].links.empty()) {
      const CopyLink& link = groups[0].links[0];
      CopyRow row;
      row.relation = link.relation;
      row.jaccard = link.jaccard;
      row.containment = link.containment;
      row.shared_shingles = static_cast<std::int64_t>(link.shared_shingles);
      // The diff goes from the original to the copy. A copy of a copy links to the copy
      // it matched even when it is the earlier of the two: that copy already has its
      // original, and the chain must not fork.
      const bool new_is_original = groups[0].canonical == 1 && !matched_a_copy;
      const WordDiff diff = new_is_original ? word_diff(body, best->body) : word_diff(best->body, body);
      row.words_added = static_cast<std::int64_t>(diff.added);
      row.words_removed = static_cast<std::int64_t>(diff.removed);
      if (new_is_original) {
        // The new article is the earlier one: the old original becomes its copy, and the
        // group's other copies reach the new one through it (root() follows the chain).
        row.article = original;
        row.original = s.rowid;
      } else {
        row.article = s.rowid;
        row.original = original;
      }
      if (Status st = store.set_copy(row); !st.ok()) return st;
      state.original_of[row.article] = row.original;
      ++copies;
      // The new article became the original: it takes the keys (the old one keeps its
      // own; they lead to the new root through root()). A drifted copy keeps its keys
      // for the copies of it that its original would not find.
      if (row.original == s.rowid) return store.add_copy_keys(s.rowid, keys);
      if (best_check.jaccard < kDriftedCopy) return store.add_copy_keys(s.rowid, unseen_keys);
      return Status::Ok();
    }
  }
  return store.add_copy_keys(s.rowid, keys);
}

}  // namespace

Result<PlacementStats> place_new_articles(Store& store, const PlacementOptions& options) {
  PlacementStats stats;
  Result<std::vector<StoredArticle>> pending = store.unclustered_articles(kBatch);
  if (!pending.ok()) return pending.status();
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
  CopyState copy_state;
  for (const CopyRow& r : *copy_rows) copy_state.original_of[r.article] = r.original;
  auto fail = [&](Status st) {
    // Nothing of this batch is kept; the next run starts from the last committed state.
    store.rollback();
    return st;
  };
  // Batch by batch, each in its own transaction with the clusterer's state: memory holds
  // one batch of articles, not every new one (a first ingest of a large crawl), and a
  // killed run keeps the batches it finished. The store hands out the earliest unplaced
  // articles first, so the order across batches is still publication order.
  while (!pending->empty()) {
    if (Status st = store.begin(); !st.ok()) return st;
    for (const StoredArticle& s : *pending) {
      const Article& a = s.article;
      if (Status st = place_copies(store, s, copy_state, stats.copies); !st.ok()) return fail(st);
      const EventAssignment got =
          clusterer.add(article_terms(a, options), article_event_date(a), a.languages.empty() ? "" : a.languages[0]);
      EventRow row;
      row.article = s.rowid;
      row.event = got.event;
      row.story = got.story;
      row.similarity = got.similarity;
      row.date_conflict = got.date_conflict;
      row.seq = got.document;
      if (Status st = store.set_event(row); !st.ok()) return fail(st);
      for (std::uint64_t lone : got.absorbed)
        if (Status st = store.move_event(lone, got.event, got.story); !st.ok()) return fail(st);
      stats.events_folded += got.absorbed.size();
      // After the folds: a folded article can be among those a split moves.
      if (got.split_into != 0) {
        if (Status st = store.move_documents(got.moved_documents, got.split_into, got.story); !st.ok()) return fail(st);
        ++stats.events_split;
      }
      ++stats.placed;
      stats.new_events += got.new_event;
      stats.new_stories += got.new_story;
      stats.date_conflicts += got.date_conflict;
    }
    if (Status st = store.save_cluster_state(clusterer.serialize()); !st.ok()) return fail(st);
    if (Status st = store.commit(); !st.ok()) return fail(st);
    pending = store.unclustered_articles(kBatch);
    if (!pending.ok()) return pending.status();
  }
  return stats;
}

}  // namespace storyline
