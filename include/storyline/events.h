// Events and stories: online clustering of articles in publication order.
//
// An event is one happening, reported within days; a story is a thread of events over
// months. Each document is compared, as a TF-IDF vector (document frequencies updated as
// the stream arrives), with the centroids of the open events; it joins the most similar
// one at or above event_threshold, else it opens a new event. A new event joins the open
// story whose closest event is most similar to its first document (at least
// story_threshold: a story is as near as its nearest event, never an aggregate of all it
// covered, which would grow general enough to swallow everything) and that shares enough
// names (capitalised words, numbers) with it, or is nearly as similar and shares many
// names; else it opens a new story. A document that joins an event may also bring a
// recent lone document along: a one-document event (one that fell just short of the
// threshold when it came, before the event's later members filled in its centroid) is
// folded into the event the document joined when it is now as close to that centroid as
// absorb_similarity; and an event whose documents read as two groups is split in two (a
// second happening of the same kind joined it while it was young). A story also
// remembers its last retired event (a sketch of its strongest terms), so a thread
// followed sparsely, one article every few weeks, still gains its next event.
//
// Dates, when known, bound both: a document more than event_window_days away from an
// event's dated members does not join it, unless its text matches far above the
// threshold (date_override_similarity) — then it joins and its date is flagged as a
// conflict: a mirror copy with a wrong date. Events and stories idle longer than their
// window (or beyond max_open_*) are retired, and the document frequencies of terms no
// document held for df_horizon_documents are dropped: memory stays bounded on endless
// streams.
//
// Deterministic: the same documents in the same order give the same ids, whatever the
// number of threads that computed their terms. The whole state serializes, so a store
// can add documents later without re-clustering the earlier ones.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/event_terms.h"
#include "storyline/status.h"

namespace storyline {

struct EventOptions {
  // Cosine to an event centroid to join it. Splits (split_margin) undo the merges a low
  // threshold makes, so it sits lower with them: on ECB+ dev 0.29 rather than 0.30 lifts
  // B-cubed F1 in file order from 0.927 to 0.929, over five shuffled orders from 0.914 to
  // 0.918 and over twenty others from 0.916 to 0.918, and on each half of the topics; DUC
  // 2004 and Timeline17 story threads stay within 0.001.
  double event_threshold = 0.29;
  // A short document (a title-only page, a one-line brief) shares few terms with any
  // centroid, so its cosine to its own event runs lower than a full article's: below
  // short_document_terms distinct terms it joins at event_threshold * short_document_factor.
  int short_document_terms = 40;
  double short_document_factor = 0.8;
  // Cosine of a new event's first document to a story's closest event. On the dated
  // topics of DUC 2004 and Timeline17 (bench/story_eval.py), 0.25 split each topic into
  // several stories (DUC B-cubed R 0.43); 0.20 with the names rule below keeps P near
  // 0.9 on both (DUC F1 0.768 P 0.892 R 0.675, T17 F1 0.592 P 0.944).
  double story_threshold = 0.20;
  int story_min_shared_names = 3;  // and at least this many shared names
  // Or a lower cosine when the document shares many specific names with the story (names
  // in at most story_specific_name_share of the documents): a story's next development
  // keeps its cast (people, places, bodies, figures) more than its words. On DUC 2004 and
  // Timeline17 this lifts story B-cubed R at about the same P.
  double story_names_threshold = 0.14;
  int story_many_shared_names = 10;
  double story_specific_name_share = 0.1;
  // Across languages terms meet only through a dictionary and score lower: similarity
  // between documents of different main languages is multiplied by this.
  double cross_language_boost = 2.0;
  int event_window_days = 4;
  int story_window_days = 400;
  double date_override_similarity = 0.6;
  double idf_prior_documents = 50;    // pseudo-documents added to N in the idf
  int max_document_terms = 128;       // strongest terms of a document kept in its vector
  std::size_t max_open_events = 20000;
  std::size_t max_open_stories = 20000;
  // A term no document held for this many documents is forgotten (within a quarter
  // more, when the counts are swept): its document frequency restarts from zero
  // if it comes back. The counts then describe the recent stream, and their table holds
  // its vocabulary, not every name and number ever seen, so memory stays bounded on an
  // endless stream. Common words never age out; a rare one that returns weighs a little
  // more (its fourth document in 100,000 has an idf of 10.0 when the term is remembered,
  // 11.1 when forgotten). 0 keeps every term; values above 2^31 count as 2^31.
  std::uint32_t df_horizon_documents = 20000;
  // A one-document event opened within the last revision_window_documents documents is
  // folded into an event a later document joins when the cosine of its document to that
  // event's centroid (the later document included) is at least absorb_similarity, and
  // their dates are within event_window_days. On ECB+ dev (bench/ecb_eval.py), 0.33
  // lifts B-cubed F1 in file order from 0.908 to 0.911, over five shuffled orders from
  // 0.880 to 0.893 (mean; min 0.855 to 0.879), and on each half of the topics; every
  // value from 0.30 to 0.40 lifts the shuffled mean. The cosine is plain: a document in
  // another language than the event's gets no cross_language_boost here, so it is folded
  // in on what the dictionary maps of it alone. Above 1: never.
  double absorb_similarity = 0.33;
  // An event of at least 2 * split_min_half documents, all within the window, is split
  // in two when a document joins it and 2-means finds two halves of at least
  // split_min_half documents whose mean margin is at least split_margin (two_means.h):
  // it took in a second happening of the same kind. The half with its first document
  // keeps its id; the other becomes a new event of the same story. Tested at every join
  // while the event holds at most split_max_documents (until then it keeps its
  // documents' vectors and their dot products). On ECB+ dev (event_threshold 0.30), 0.25
  // and 6 lift B-cubed F1 in file order from 0.911 to 0.927, over five shuffled orders
  // from 0.893 to 0.914 (mean; min 0.879 to 0.907; over twenty others from 0.894 to
  // 0.916), and on each half of the topics (0.885 to 0.902, 0.895 to 0.912); the splits
  // it found there came at 12 to 14 documents, and a cap of 24, 32 or 48 gives the same.
  // Above 1: never.
  double split_margin = 0.25;
  int split_min_half = 6;
  int split_max_documents = 32;
  // A document's event may change (a fold or a split) while fewer than this many
  // documents came after it; never later. A caller that reports a document's event
  // must hold the report for the window (`storyline cluster` does).
  std::uint64_t revision_window_documents = 4096;
};

struct EventAssignment {
  std::uint64_t event = 0;
  std::uint64_t story = 0;
  double similarity = 0;    // to the event joined; 0 when the document opened it
  bool new_event = false;
  bool new_story = false;
  bool date_conflict = false;  // joined on its text although its date is outside the event's
  // One-document events folded into `event` by this document (see absorb_similarity):
  // their documents now belong to `event` and `story`, and their ids are not used again.
  std::vector<std::uint64_t> absorbed;
  // This document's number in the stream (documents() once it is added).
  std::uint64_t document = 0;
  // When the event this document joined split in two (see split_margin), after any
  // folds: the new event (of the same story) and the numbers of the documents that moved
  // to it, this one perhaps among them (then `event` is the new one).
  std::uint64_t split_into = 0;
  std::vector<std::uint64_t> moved_documents;
};

class EventClusterer {
 public:
  explicit EventClusterer(EventOptions options = {});
  ~EventClusterer();
  EventClusterer(EventClusterer&&) noexcept;
  EventClusterer& operator=(EventClusterer&&) noexcept;

  // date: "YYYY-MM-DD..." or "" when unknown; lang: main language ("en", "zh"), may be "".
  EventAssignment add(const DocumentTerms& terms, std::string_view date, std::string_view lang);

  std::size_t open_events() const;
  std::size_t open_stories() const;
  std::size_t documents() const;
  // Terms whose document frequency is kept (see df_horizon_documents).
  std::size_t known_terms() const;

  // Opaque bytes holding the whole state; restore() with the same options continues it.
  std::string serialize() const;
  static Result<EventClusterer> restore(std::string_view bytes, EventOptions options = {});

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Days since 1970-01-01 of an ISO date's "YYYY-MM-DD" prefix; -1 when there is none.
int day_number(std::string_view iso_date);

}  // namespace storyline
