// Store: the embedded database (SQLite, WAL) that holds documents, articles and their
// versions, with full-text search (FTS5, bm25).
//
// Contract:
//  - Idempotent: a document whose raw bytes were stored before adds nothing; nor does a
//    page whose body is already stored under the same URL (or source, without a URL).
//    A changed body at the same URL is a new version linked to the previous one.
//  - Crash-safe: writes happen in transactions (begin/commit); a process killed at any
//    point leaves the last committed state, never a half-written document.
//  - Versioned schema: opening an older store migrates it; a newer one is refused; a
//    file that is not a storyline store is refused and never written.
//  - Chinese and Japanese text is segmented into words (ICU) before indexing, so a
//    two-character word matches; the same segmentation applies to queries.
// One Store object is used by one thread at a time; readers in other processes or
// threads open their own (WAL lets them read while a writer writes).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/document.h"
#include "storyline/status.h"

namespace storyline {

inline constexpr int kSchemaVersion = 5;

enum class AddResult { kAdded, kNewVersion, kUnchanged };

struct StoredArticle {
  std::int64_t rowid = 0;
  std::int64_t previous_version = 0;  // 0: first version
  std::string fetched_at;
  Article article;
};

struct ArticleFilter {
  std::string since;   // page_date >= since (ISO prefix compare)
  std::string outlet;  // exact, case-insensitive
  std::string lang;    // main language, prefix: "zh" matches "zh-CN"
  int limit = 0;       // 0: all
};

// Where the clusterer placed an article (events.h): its event and story.
struct EventRow {
  std::int64_t article = 0;  // rowid
  std::uint64_t event = 0;
  std::uint64_t story = 0;
  double similarity = 0;
  bool date_conflict = false;
  std::uint64_t seq = 0;  // the article's number in the clusterer's stream (0: none)
};

// A copy the store found when the article came in (copies.h): the original it copies and
// how (identical | syndicated | mirror | update), with the evidence.
struct CopyRow {
  std::int64_t article = 0;
  std::int64_t original = 0;
  std::string relation;
  double jaccard = 0, containment = 0;
  std::int64_t shared_shingles = 0;
  // Diff size against the original, in words (see word_diff.h); -1: not known (a link
  // stored before schema 4).
  std::int64_t words_added = -1, words_removed = -1;
};

struct SearchHit {
  std::int64_t rowid = 0;
  std::string title, outlet, page_date, source;
  std::string snippet;  // with [matches] marked
  double score = 0;     // bm25, lower is better (SQLite's convention)
};

class Store {
 public:
  // Opens or creates the store at path. read_only never creates or migrates.
  static Result<std::unique_ptr<Store>> open(const std::string& path, bool read_only = false);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const { return schema_version_; }

  Status begin();
  Status commit();
  Status rollback();

  // True when a document with this raw-content hash is stored.
  Result<bool> has_document(const std::string& raw_hash);
  // Stores a document and its article (inside begin/commit).
  Result<AddResult> add(const Document& doc, const std::string& raw_hash, const Article& article);

  Result<std::vector<StoredArticle>> articles(const ArticleFilter& filter);
  // By row id ("42") or by content id prefix ("1b7f63").
  Result<StoredArticle> article(const std::string& id);
  Result<std::vector<SearchHit>> search(const std::string& query, int limit = 20);
  // Every article, in insertion order, to a callback (export without holding all).
  // Events and stories (schema 3). Articles not yet placed, in publication order.
  Result<std::vector<StoredArticle>> unclustered_articles(int limit = 0);  // 0: all
  Result<std::string> cluster_state();  // "" before the first placement
  Status save_cluster_state(const std::string& state);
  Status set_event(const EventRow& row);
  // The articles of event `from` now belong to `event` and `story`: the clusterer folded
  // `from` into `event` (EventAssignment::absorbed).
  Status move_event(std::uint64_t from, std::uint64_t event, std::uint64_t story);
  // The articles numbered `seqs` in the clusterer's stream (EventRow::seq) now belong to
  // `event` and `story`: the clusterer split their event (EventAssignment::moved_documents).
  Status move_documents(const std::vector<std::uint64_t>& seqs, std::uint64_t event, std::uint64_t story);
  Result<std::vector<EventRow>> event_rows(std::uint64_t story = 0);  // 0: every story

  // Copies (schema 3): each article's LSH keys, to find the copies of the next one.
  Status add_copy_keys(std::int64_t article, const std::vector<std::uint64_t>& keys);
  // The articles holding any of the keys; `unseen`, when given, receives the keys no
  // article holds yet.
  Result<std::vector<std::int64_t>> copy_candidates(const std::vector<std::uint64_t>& keys,
                                                    std::vector<std::uint64_t>* unseen = nullptr);
  Status set_copy(const CopyRow& row);
  Result<std::vector<CopyRow>> copy_rows();

  Status for_each_article(const std::function<void(const StoredArticle&)>& fn);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl, int version);
  std::unique_ptr<Impl> impl_;
  int schema_version_;
};

// Text as the full-text index sees it: runs of CJK split into words with spaces.
std::string segment_for_index(std::string_view utf8);

}  // namespace storyline
