#include "storyline/store.h"

#include <algorithm>

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <cstdio>
#include <vector>

#include "storyline/clock.h"
#include "storyline/render.h"
#include "text/utf8.h"

namespace storyline {
namespace {

// Schema steps: kMigrations[v] takes a store from version v to v + 1. Version 0 is an
// empty file. Steps only ever get added at the end.
const char* const kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  raw_hash TEXT NOT NULL UNIQUE,
  source TEXT, url TEXT, fetched_at TEXT, bytes INTEGER, added_at TEXT);
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  content_id TEXT NOT NULL,
  version_key TEXT NOT NULL,
  previous_version INTEGER REFERENCES articles(id),
  url TEXT, outlet TEXT, title TEXT, published TEXT, updated TEXT, page_date TEXT,
  lang TEXT, kind TEXT,
  record TEXT NOT NULL);
CREATE INDEX articles_version_key ON articles(version_key);
CREATE INDEX articles_content_id ON articles(content_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
)sql",
    // 1 -> 2: listing by date and outlet without a scan.
    R"sql(
CREATE INDEX articles_page_date ON articles(page_date);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
CREATE INDEX articles_lang ON articles(lang);
)sql",
    // 2 -> 3: events and stories. An article's row here is written once, when the
    // clusterer places it; the clusterer's own state (document frequencies, open events)
    // is one blob, so the next ingest continues where this one stopped.
    R"sql(
CREATE TABLE article_events(
  article INTEGER PRIMARY KEY REFERENCES articles(id),
  event INTEGER NOT NULL,
  story INTEGER NOT NULL,
  similarity REAL NOT NULL,
  date_conflict INTEGER NOT NULL DEFAULT 0);
CREATE INDEX article_events_event ON article_events(event);
CREATE INDEX article_events_story ON article_events(story);
CREATE TABLE cluster_state(id INTEGER PRIMARY KEY CHECK (id = 1), state BLOB NOT NULL);
CREATE TABLE copy_keys(key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES articles(id));
CREATE INDEX copy_keys_key ON copy_keys(key);
CREATE TABLE article_copies(
  article INTEGER PRIMARY KEY REFERENCES articles(id),
  original INTEGER NOT NULL REFERENCES articles(id),
  relation TEXT NOT NULL,
  jaccard REAL NOT NULL,
  containment REAL NOT NULL);
)sql",
    // 3 -> 4: the evidence and diff size of a copy link. Links stored before keep
    // shared_shingles 0 and an unknown (NULL) diff.
    R"sql(
ALTER TABLE article_copies ADD COLUMN shared_shingles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_copies ADD COLUMN words_added INTEGER;
ALTER TABLE article_copies ADD COLUMN words_removed INTEGER;
)sql",
    // 4 -> 5: an article's number in the clusterer's stream, by which a split moves it
    // (EventAssignment::moved_documents). Rows placed before have none (NULL): their
    // events were placed by a clusterer state that keeps no documents, so never split.
    R"sql(
ALTER TABLE article_events ADD COLUMN seq INTEGER;
CREATE INDEX article_events_seq ON article_events(seq);
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);


// A prepared statement, finalized on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK && stmt_; }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_or_null(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(stmt_, i);
    else bind(i, v);
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string blob(int col) const {
    const void* b = sqlite3_column_blob(stmt_, col);
    return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }
  Stmt& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_real(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

Status sql_error(sqlite3* db, const std::string& what) {
  return Status::Error(what + ": " + sqlite3_errmsg(db));
}

Status exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Error(msg);
  }
  return Status::Ok();
}

// Removes the spaces segmentation put between CJK words, for display: a space whose
// nearest neighbours (match markers aside) are both CJK goes.
std::string unsegment(const std::string& s) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = text::next_code_point(s, i);
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && !cps.empty() && cps.back() == ' ') continue;  // one space per run
    cps.push_back(c);
  }
  auto is_marker = [](char32_t c) { return c == '[' || c == ']'; };
  // CJK characters and the punctuation written between them.
  auto cjk_like = [](char32_t c) {
    return text::is_cjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0xB7 ||
           c == 0x201C || c == 0x201D || c == 0x2026;
  };
  std::string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == ' ') {
      std::size_t l = i, r = i + 1;
      while (l > 0 && is_marker(cps[l - 1])) --l;
      while (r < cps.size() && is_marker(cps[r])) ++r;
      if (l > 0 && r < cps.size()) {
        const char32_t a = cps[l - 1], b = cps[r];
        auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
        if ((cjk_like(a) && cjk_like(b)) || (cjk_like(a) && digit(b)) || (digit(a) && cjk_like(b))) continue;
      }
    }
    text::append_utf8(out, cps[i]);
  }
  return out;
}

// User words to an FTS5 query: every word quoted (no syntax errors from user input),
// CJK runs segmented into a phrase of words. Terms are ANDed.
std::string fts_query(const std::string& query) {
  const std::string seg = segment_for_index(query);
  std::string out, term;
  auto flush = [&]() {
    if (term.empty()) return;
    std::string quoted = "\"";
    for (char c : term) {
      if (c == '"') quoted += "\"\"";
      else quoted += c;
    }
    quoted += "\"";
    if (!out.empty()) out += ' ';
    out += quoted;
    term.clear();
  };
  for (char c : seg) {
    if (c == ' ' || c == '\t' || c == '\n') flush();
    else term += c;
  }
  flush();
  return out;
}

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  // Statements of the per-document path, prepared once and reused (add runs for every
  // document; preparing four statements each time was a good part of its cost).
  std::unique_ptr<Stmt> has_document, insert_document, last_version, insert_article, insert_fts;
  ~Impl() {
    has_document.reset();
    insert_document.reset();
    last_version.reset();
    insert_article.reset();
    insert_fts.reset();
    if (db) sqlite3_close_v2(db);
  }
  // The cached statement for sql, reset and ready to bind; null if it cannot be prepared.
  Stmt* cached(std::unique_ptr<Stmt>& slot, const char* sql) {
    if (!slot) {
      slot = std::make_unique<Stmt>(db, sql);
      if (!slot->ok()) {
        slot.reset();
        return nullptr;
      }
    }
    slot->reset();
    return slot.get();
  }
};

Store::Store(std::unique_ptr<Impl> impl, int version) : impl_(std::move(impl)), schema_version_(version) {}
Store::~Store() = default;


Result<std::unique_ptr<Store>> Store::open(const std::string& path, bool read_only) {
  auto impl = std::make_unique<Impl>();
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return Status::Error(path + ": cannot open: " + (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  sqlite3* db = impl->db;
  sqlite3_busy_timeout(db, 10000);
  // Reading the schema is the first access: a file that is not SQLite fails here,
  // before anything could be written to it.
  int version = 0;
  {
    Stmt user_version(db, "PRAGMA user_version");
    if (!user_version.ok() || user_version.step() != SQLITE_ROW)
      return Status::Error(path + ": not a storyline store (" + sqlite3_errmsg(db) + ")");
    version = static_cast<int>(user_version.int64(0));
    Stmt tables(db, "SELECT count(*) FROM sqlite_master");
    if (!tables.ok() || tables.step() != SQLITE_ROW)
      return Status::Error(path + ": not a storyline store (" + sqlite3_errmsg(db) + ")");
    if (version == 0 && tables.int64(0) > 0) return Status::Error(path + ": an SQLite file, but not a storyline store");
  }
  if (version > kSchemaVersion)
    return Status::Error(path + ": store schema version " + std::to_string(version) + " is newer than this storyline (" +
                         std::to_string(kSchemaVersion) + "); upgrade storyline");
  if (read_only) {
    if (version < kSchemaVersion)
      return Status::Error(path + ": store schema version " + std::to_string(version) + " needs migrating; open it for writing once");
    return std::unique_ptr<Store>(new Store(std::move(impl), version));
  }
  if (Status st = exec(db, "PRAGMA journal_mode=WAL"); !st.ok()) return Status::Error(path + ": " + st.message());
  // WAL + NORMAL: a committed transaction survives a killed process; only a power cut
  // can lose the last few, and never leaves the file inconsistent.
  exec(db, "PRAGMA synchronous=NORMAL");
  exec(db, "PRAGMA foreign_keys=ON");
  for (; version < kSchemaVersion; ++version) {
    if (Status st = exec(db, "BEGIN IMMEDIATE"); !st.ok()) return Status::Error(path + ": " + st.message());
    Status step = exec(db, kMigrations[version]);
    if (step.ok()) step = exec(db, ("PRAGMA user_version=" + std::to_string(version + 1)).c_str());
    if (step.ok()) step = exec(db, "COMMIT");
    if (!step.ok()) {
      exec(db, "ROLLBACK");
      return Status::Error(path + ": migrating the schema to version " + std::to_string(version + 1) + ": " + step.message());
    }
  }
  return std::unique_ptr<Store>(new Store(std::move(impl), version));
}

Status Store::begin() { return exec(impl_->db, "BEGIN IMMEDIATE"); }
Status Store::commit() { return exec(impl_->db, "COMMIT"); }
Status Store::rollback() { return exec(impl_->db, "ROLLBACK"); }

Result<bool> Store::has_document(const std::string& raw_hash) {
  Stmt* s = impl_->cached(impl_->has_document, "SELECT 1 FROM documents WHERE raw_hash = ?");
  if (!s) return sql_error(impl_->db, "has_document");
  s->bind(1, raw_hash);
  const bool found = s->step() == SQLITE_ROW;
  s->reset();  // a statement left on a row would pin this reader's snapshot of the WAL
  return found;
}

Result<AddResult> Store::add(const Document& doc, const std::string& raw_hash, const Article& article) {
  sqlite3* db = impl_->db;
  Stmt* ins = impl_->cached(impl_->insert_document,
                            "INSERT OR IGNORE INTO documents(raw_hash, source, url, fetched_at, bytes, added_at) "
                            "VALUES(?,?,?,?,?,?)");
  if (!ins) return sql_error(db, "add");
  ins->bind(1, raw_hash).bind(2, doc.source).bind_or_null(3, doc.url).bind_or_null(4, doc.fetched_at);
  ins->bind(5, static_cast<std::int64_t>(doc.bytes.size())).bind(6, now_iso8601());
  if (ins->step() != SQLITE_DONE) return sql_error(db, "add document");
  if (sqlite3_changes(db) == 0) return AddResult::kUnchanged;
  const std::int64_t document_id = sqlite3_last_insert_rowid(db);

  const std::string body = article.text();
  const std::string id = content_id(body);
  const std::string version_key = !article.url.empty() ? article.url : article.source;
  std::int64_t previous = 0;
  Stmt* last = impl_->cached(impl_->last_version,
                             "SELECT id, content_id FROM articles WHERE version_key = ? ORDER BY id DESC LIMIT 1");
  if (!last) return sql_error(db, "add");
  last->bind(1, version_key);
  if (last->step() == SQLITE_ROW) {
    const bool same_body = last->text(1) == id;
    previous = last->int64(0);
    last->reset();
    if (same_body) return AddResult::kUnchanged;  // same body, new bytes
  }
  Stmt* art = impl_->cached(impl_->insert_article,
                            "INSERT INTO articles(document_id, content_id, version_key, previous_version, url, outlet, "
                            "title, published, updated, page_date, lang, kind, record) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!art) return sql_error(db, "add");
  art->bind(1, document_id).bind(2, id).bind(3, version_key);
  if (previous) art->bind(4, previous);
  art->bind_or_null(5, article.url).bind_or_null(6, article.outlet).bind_or_null(7, article.title);
  art->bind_or_null(8, article.published).bind_or_null(9, article.updated).bind_or_null(10, article.page_date);
  art->bind_or_null(11, article.languages.empty() ? "" : article.languages[0]).bind(12, article.kind);
  art->bind(13, article_to_json(article));
  if (art->step() != SQLITE_DONE) return sql_error(db, "add article");
  const std::int64_t article_id = sqlite3_last_insert_rowid(db);
  Stmt* fts = impl_->cached(impl_->insert_fts, "INSERT INTO articles_fts(rowid, title, body) VALUES(?,?,?)");
  if (!fts) return sql_error(db, "add");
  fts->bind(1, article_id).bind(2, segment_for_index(article.title)).bind(3, segment_for_index(body));
  if (fts->step() != SQLITE_DONE) return sql_error(db, "index article");
  return previous ? AddResult::kNewVersion : AddResult::kAdded;
}

namespace {

Result<StoredArticle> stored_from_row(Stmt& s) {
  StoredArticle out;
  out.rowid = s.int64(0);
  out.previous_version = s.int64(1);
  out.fetched_at = s.text(2);
  Result<Article> a = article_from_json(s.text(3));
  if (!a.ok()) return a.status();
  out.article = std::move(a).value();
  return out;
}

constexpr const char* kArticleColumns =
    "SELECT a.id, coalesce(a.previous_version, 0), coalesce(d.fetched_at, ''), a.record "
    "FROM articles a JOIN documents d ON d.id = a.document_id ";

}  // namespace

Result<std::vector<StoredArticle>> Store::articles(const ArticleFilter& f) {
  std::string sql = std::string(kArticleColumns) + "WHERE 1=1";
  if (!f.since.empty()) sql += " AND a.page_date >= ?1";
  if (!f.outlet.empty()) sql += " AND a.outlet = ?2 COLLATE NOCASE";
  if (!f.lang.empty()) sql += " AND (a.lang = ?3 OR a.lang LIKE ?3 || '-%')";
  sql += " ORDER BY a.page_date IS NULL, a.page_date, a.id";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
  Stmt s(impl_->db, sql.c_str());
  if (!s.ok()) return sql_error(impl_->db, "articles");
  if (!f.since.empty()) s.bind(1, f.since);
  if (!f.outlet.empty()) s.bind(2, f.outlet);
  if (!f.lang.empty()) s.bind(3, f.lang);
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    Result<StoredArticle> a = stored_from_row(s);
    if (a.ok()) out.push_back(std::move(a).value());
  }
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "articles");
  return out;
}

Result<StoredArticle> Store::article(const std::string& id) {
  const bool numeric = !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
  std::string sql = std::string(kArticleColumns) +
                    (numeric ? "WHERE a.id = ?1" : "WHERE a.content_id LIKE ?1 || '%' ORDER BY a.id DESC LIMIT 2");
  Stmt s(impl_->db, sql.c_str());
  if (!s.ok()) return sql_error(impl_->db, "article");
  s.bind(1, id);
  if (s.step() != SQLITE_ROW) return Status::Error("no article " + id);
  Result<StoredArticle> a = stored_from_row(s);
  if (!numeric && s.step() == SQLITE_ROW && a.ok() && a->article.id() != id) return Status::Error("id " + id + " is ambiguous");
  return a;
}

Result<std::vector<SearchHit>> Store::search(const std::string& query, int limit) {
  const std::string match = fts_query(query);
  if (match.empty()) return Status::Error("empty query");
  Stmt s(impl_->db,
         "SELECT a.id, coalesce(a.title,''), coalesce(a.outlet,''), coalesce(a.page_date,''), d.source, "
         "snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts, 5.0, 1.0) AS score "
         "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN documents d ON d.id = a.document_id "
         "WHERE articles_fts MATCH ? ORDER BY score LIMIT ?");
  if (!s.ok()) return sql_error(impl_->db, "search");
  s.bind(1, match).bind(2, static_cast<std::int64_t>(limit));
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    SearchHit h;
    h.rowid = s.int64(0);
    h.title = s.text(1);
    h.outlet = s.text(2);
    h.page_date = s.text(3);
    h.source = s.text(4);
    h.snippet = unsegment(s.text(5));
    h.score = s.real(6);
    hits.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "search");
  return hits;
}

Result<std::vector<StoredArticle>> Store::unclustered_articles(int limit) {
  // Publication order (the clusterer's order); undated articles last, in arrival order.
  Stmt s(impl_->db, (std::string(kArticleColumns) +
                     "LEFT JOIN article_events e ON e.article = a.id WHERE e.article IS NULL "
                     "ORDER BY coalesce(nullif(a.published, ''), a.page_date) IS NULL, "
                     "substr(coalesce(nullif(a.published, ''), a.page_date), 1, 19), a.id" +
                     (limit > 0 ? " LIMIT " + std::to_string(limit) : std::string()))
                        .c_str());
  if (!s.ok()) return sql_error(impl_->db, "unclustered articles");
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    Result<StoredArticle> a = stored_from_row(s);
    if (a.ok()) out.push_back(std::move(a).value());
  }
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "unclustered articles");
  return out;
}

Result<std::string> Store::cluster_state() {
  Stmt s(impl_->db, "SELECT state FROM cluster_state WHERE id = 1");
  if (!s.ok()) return sql_error(impl_->db, "cluster state");
  if (s.step() != SQLITE_ROW) return std::string();
  return s.blob(0);
}

Status Store::save_cluster_state(const std::string& state) {
  Stmt s(impl_->db, "INSERT OR REPLACE INTO cluster_state(id, state) VALUES(1, ?)");
  if (!s.ok()) return sql_error(impl_->db, "save cluster state");
  s.bind_blob(1, state);
  return s.step() == SQLITE_DONE ? Status::Ok() : sql_error(impl_->db, "save cluster state");
}

Status Store::set_event(const EventRow& row) {
  Stmt s(impl_->db,
         "INSERT OR REPLACE INTO article_events(article, event, story, similarity, date_conflict, seq) "
         "VALUES(?,?,?,?,?,?)");
  if (!s.ok()) return sql_error(impl_->db, "set event");
  s.bind(1, row.article).bind(2, static_cast<std::int64_t>(row.event)).bind(3, static_cast<std::int64_t>(row.story));
  s.bind_real(4, row.similarity).bind(5, static_cast<std::int64_t>(row.date_conflict ? 1 : 0));
  s.bind(6, static_cast<std::int64_t>(row.seq));
  return s.step() == SQLITE_DONE ? Status::Ok() : sql_error(impl_->db, "set event");
}

Status Store::move_event(std::uint64_t from, std::uint64_t event, std::uint64_t story) {
  Stmt s(impl_->db, "UPDATE article_events SET event = ?2, story = ?3 WHERE event = ?1");
  if (!s.ok()) return sql_error(impl_->db, "move event");
  s.bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(event)).bind(3, static_cast<std::int64_t>(story));
  return s.step() == SQLITE_DONE ? Status::Ok() : sql_error(impl_->db, "move event");
}

Status Store::move_documents(const std::vector<std::uint64_t>& seqs, std::uint64_t event, std::uint64_t story) {
  Stmt s(impl_->db, "UPDATE article_events SET event = ?2, story = ?3 WHERE seq = ?1");
  if (!s.ok()) return sql_error(impl_->db, "move documents");
  for (std::uint64_t seq : seqs) {
    s.bind(1, static_cast<std::int64_t>(seq)).bind(2, static_cast<std::int64_t>(event)).bind(3, static_cast<std::int64_t>(story));
    if (s.step() != SQLITE_DONE) return sql_error(impl_->db, "move documents");
    s.reset();
  }
  return Status::Ok();
}

Result<std::vector<EventRow>> Store::event_rows(std::uint64_t story) {
  std::string sql = "SELECT article, event, story, similarity, date_conflict, seq FROM article_events";
  if (story) sql += " WHERE story = ?1";
  sql += " ORDER BY story, event, article";
  Stmt s(impl_->db, sql.c_str());
  if (!s.ok()) return sql_error(impl_->db, "events");
  if (story) s.bind(1, static_cast<std::int64_t>(story));
  std::vector<EventRow> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    EventRow r;
    r.article = s.int64(0);
    r.event = static_cast<std::uint64_t>(s.int64(1));
    r.story = static_cast<std::uint64_t>(s.int64(2));
    r.similarity = s.real(3);
    r.date_conflict = s.int64(4) != 0;
    r.seq = static_cast<std::uint64_t>(s.int64(5));  // NULL (placed before schema 5): 0
    out.push_back(r);
  }
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "events");
  return out;
}

Status Store::add_copy_keys(std::int64_t article, const std::vector<std::uint64_t>& keys) {
  Stmt s(impl_->db, "INSERT INTO copy_keys(key, article) VALUES(?, ?)");
  if (!s.ok()) return sql_error(impl_->db, "copy keys");
  for (std::uint64_t k : keys) {
    s.bind(1, static_cast<std::int64_t>(k)).bind(2, article);
    if (s.step() != SQLITE_DONE) return sql_error(impl_->db, "copy keys");
    s.reset();
  }
  return Status::Ok();
}

Result<std::vector<std::int64_t>> Store::copy_candidates(const std::vector<std::uint64_t>& keys,
                                                         std::vector<std::uint64_t>* unseen) {
  Stmt s(impl_->db, "SELECT article FROM copy_keys WHERE key = ?");
  if (!s.ok()) return sql_error(impl_->db, "copy candidates");
  std::vector<std::int64_t> out;
  for (std::uint64_t k : keys) {
    s.bind(1, static_cast<std::int64_t>(k));
    int rc;
    // A key shared by very many articles is boilerplate (an empty body): skip it, as the
    // batch copy finder does, to keep each lookup bounded.
    std::vector<std::int64_t> hits;
    while ((rc = s.step()) == SQLITE_ROW) hits.push_back(s.int64(0));
    if (rc != SQLITE_DONE) return sql_error(impl_->db, "copy candidates");
    s.reset();
    if (unseen && hits.empty()) unseen->push_back(k);
    if (hits.size() <= 2000) out.insert(out.end(), hits.begin(), hits.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status Store::set_copy(const CopyRow& row) {
  Stmt s(impl_->db,
         "INSERT OR REPLACE INTO article_copies(article, original, relation, jaccard, containment, shared_shingles, "
         "words_added, words_removed) VALUES(?,?,?,?,?,?,?,?)");
  if (!s.ok()) return sql_error(impl_->db, "set copy");
  s.bind(1, row.article).bind(2, row.original).bind(3, row.relation);
  s.bind_real(4, row.jaccard).bind_real(5, row.containment).bind(6, row.shared_shingles);
  if (row.words_added >= 0 && row.words_removed >= 0) s.bind(7, row.words_added).bind(8, row.words_removed);
  return s.step() == SQLITE_DONE ? Status::Ok() : sql_error(impl_->db, "set copy");
}

Result<std::vector<CopyRow>> Store::copy_rows() {
  Stmt s(impl_->db,
         "SELECT article, original, relation, jaccard, containment, shared_shingles, ifnull(words_added, -1), "
         "ifnull(words_removed, -1) FROM article_copies ORDER BY article");
  if (!s.ok()) return sql_error(impl_->db, "copies");
  std::vector<CopyRow> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW)
    out.push_back({s.int64(0), s.int64(1), s.text(2), s.real(3), s.real(4), s.int64(5), s.int64(6), s.int64(7)});
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "copies");
  return out;
}

Status Store::for_each_article(const std::function<void(const StoredArticle&)>& fn) {
  Stmt s(impl_->db, (std::string(kArticleColumns) + "ORDER BY a.id").c_str());
  if (!s.ok()) return sql_error(impl_->db, "export");
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    Result<StoredArticle> a = stored_from_row(s);
    if (a.ok()) fn(*a);
  }
  return rc == SQLITE_DONE ? Status::Ok() : sql_error(impl_->db, "export");
}


}  // namespace storyline
