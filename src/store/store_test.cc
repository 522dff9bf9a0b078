#include "storyline/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace storyline {
namespace {

namespace fs = std::filesystem;

Article make_article(const std::string& url, const std::string& title, const std::string& body) {
  Article a;
  a.source = "test";
  a.url = url;
  a.title = title;
  a.outlet = "Lantern Gazette";
  a.page_date = a.published = "2031-03-03";
  a.languages = {"en"};
  a.blocks.push_back({BlockType::kParagraph, body});
  return a;
}

Document make_doc(const std::string& bytes, const std::string& url) {
  Document d;
  d.source = "test";
  d.url = url;
  d.bytes = bytes;
  return d;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("storyline_store_" + std::to_string(::getpid()) + "_" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Cleanup();
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::unique_ptr<Store> Open() {
    auto s = Store::open(path_);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  // Runs SQL on the store's file behind the Store's back (to fake an older schema).
  void RawSql(const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  Result<AddResult> Add(Store& s, const std::string& raw, const std::string& url, const std::string& title,
                        const std::string& body) {
    return s.add(make_doc(raw, url), raw_content_hash(raw), make_article(url, title, body));
  }
  std::string path_;
};

TEST_F(StoreTest, AddingTheSameDocumentTwiceAddsNothing) {
  auto s = Open();
  ASSERT_TRUE(s->begin().ok());
  EXPECT_EQ(*Add(*s, "<p>one</p>", "https://x.example/a", "Pier closes", "The pier closes on Tuesday."), AddResult::kAdded);
  EXPECT_EQ(*Add(*s, "<p>one</p>", "https://x.example/a", "Pier closes", "The pier closes on Tuesday."), AddResult::kUnchanged);
  // Other bytes (new ads), same body at the same URL: nothing new either.
  EXPECT_EQ(*Add(*s, "<p>one</p><!-- ad -->", "https://x.example/a", "Pier closes", "The pier closes on Tuesday."),
            AddResult::kUnchanged);
  ASSERT_TRUE(s->commit().ok());
  EXPECT_EQ(s->articles({})->size(), 1u);
  EXPECT_TRUE(*s->has_document(raw_content_hash("<p>one</p>")));
}

TEST_F(StoreTest, ChangedPageAtSameUrlIsANewVersionLinkedToTheOld) {
  auto s = Open();
  ASSERT_TRUE(s->begin().ok());
  ASSERT_EQ(*Add(*s, "v1", "https://x.example/a", "Pier closes", "The pier closes on Tuesday."), AddResult::kAdded);
  ASSERT_EQ(*Add(*s, "v2", "https://x.example/a", "Pier closes", "The pier closes on Wednesday."), AddResult::kNewVersion);
  ASSERT_TRUE(s->commit().ok());
  auto all = *s->articles({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].previous_version, 0);
  EXPECT_EQ(all[1].previous_version, all[0].rowid);
}

TEST_F(StoreTest, SearchRanksAndHighlightsIncludingTwoCharacterChineseWords) {
  auto s = Open();
  ASSERT_TRUE(s->begin().ok());
  Add(*s, "a", "https://x.example/a", "Pier closes", "The harbour council voted to close the ferry pier.");
  Add(*s, "b", "https://x.example/b", "Bridge plan", "The valley argues about a bridge, not a pier.");
  Add(*s, "c", "https://x.example/c", "码头关闭", "市议会投票决定关闭旧渡轮码头，理由是维修费用过高。");
  ASSERT_TRUE(s->commit().ok());
  auto hits = *s->search("ferry pier");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].snippet.find("[ferry] [pier]"), std::string::npos) << hits[0].snippet;
  EXPECT_EQ(s->search("pier")->size(), 2u);
  auto zh = *s->search("码头");
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_EQ(zh[0].title, "码头关闭");
  EXPECT_NE(zh[0].snippet.find("[码头]"), std::string::npos) << zh[0].snippet;
  // Quotes and operators in user input are words, not syntax errors.
  EXPECT_TRUE(s->search("\"pier OR (").ok());
}

TEST_F(StoreTest, FiltersAndLookups) {
  auto s = Open();
  ASSERT_TRUE(s->begin().ok());
  Add(*s, "a", "https://x.example/a", "Pier closes", "The harbour council voted to close the ferry pier.");
  ASSERT_TRUE(s->commit().ok());
  ArticleFilter f;
  f.outlet = "lantern gazette";
  EXPECT_EQ(s->articles(f)->size(), 1u);
  f.since = "2031-04-01";
  EXPECT_EQ(s->articles(f)->size(), 0u);
  auto first = s->articles({})->at(0);
  EXPECT_EQ(s->article(std::to_string(first.rowid))->article.title, "Pier closes");
  EXPECT_EQ(s->article(first.article.id().substr(0, 6))->rowid, first.rowid);
  EXPECT_FALSE(s->article("999").ok());
}

TEST_F(StoreTest, OlderSchemaIsMigratedKeepingItsData) {
  {
    auto st = Open();
    ASSERT_TRUE(st->begin().ok());
    Add(*st, "a", "https://x.example/a", "Pier closes", "The harbour council voted to close the ferry pier.");
    ASSERT_TRUE(st->commit().ok());
  }
  {
    // Turn it back into a version-1 store: no date/outlet/language indexes (version 2),
    // no event tables (version 3).
    RawSql("DROP INDEX articles_page_date; DROP INDEX articles_outlet; DROP INDEX articles_lang;"
           "DROP TABLE article_events; DROP TABLE cluster_state; DROP TABLE copy_keys; DROP TABLE article_copies;"
           "PRAGMA user_version=1;");
  }
  {
    // Read-only openers do not migrate: they ask for a writer first.
    auto ro = Store::open(path_, /*read_only=*/true);
    ASSERT_FALSE(ro.ok());
    EXPECT_NE(ro.status().message().find("migrating"), std::string::npos);
  }
  auto st = Open();
  ASSERT_TRUE(st);
  EXPECT_EQ(st->schema_version(), kSchemaVersion);
  EXPECT_EQ(st->articles({})->size(), 1u);  // the data survived
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'articles_%'", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 5);  // version_key, content_id + the three of version 2
  sqlite3_finalize(q);
  sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('article_events', 'cluster_state', 'copy_keys', 'article_copies')", -1, &q,
                     nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 4);  // the tables of version 3
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST_F(StoreTest, CopyLinksKeepTheirEvidenceAndAVersion3LinkHasNoDiff) {
  std::int64_t a = 0, b = 0;
  {
    auto st = Open();
    ASSERT_TRUE(st->begin().ok());
    ASSERT_TRUE(Add(*st, "a", "https://x.example/a", "Pier closes", "The harbour council voted to close the ferry pier.").ok());
    ASSERT_TRUE(Add(*st, "b", "https://x.example/a", "Pier closes", "The harbour council voted on Monday to close the pier.").ok());
    auto all = st->articles({});
    ASSERT_EQ(all->size(), 2u);
    a = (*all)[0].rowid;
    b = (*all)[1].rowid;
    CopyRow row{b, a, "update", 0.8, 0.9, 12, 3, 0};
    ASSERT_TRUE(st->set_copy(row).ok());
    ASSERT_TRUE(st->commit().ok());
    auto rows = st->copy_rows();
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].shared_shingles, 12);
    EXPECT_EQ((*rows)[0].words_added, 3);
    EXPECT_EQ((*rows)[0].words_removed, 0);
  }
  {
    // Back to version 3: the link loses its new columns, and article_events its seq, as a
    // store written then had none.
    RawSql("ALTER TABLE article_copies DROP COLUMN shared_shingles; ALTER TABLE article_copies DROP COLUMN words_added;"
           "ALTER TABLE article_copies DROP COLUMN words_removed;"
           "DROP INDEX article_events_seq; ALTER TABLE article_events DROP COLUMN seq; PRAGMA user_version=3;");
  }
  auto st = Open();
  ASSERT_TRUE(st);
  auto rows = st->copy_rows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].relation, "update");
  EXPECT_EQ((*rows)[0].shared_shingles, 0);
  EXPECT_EQ((*rows)[0].words_added, -1);  // unknown, not zero
}

TEST_F(StoreTest, FailedMigrationLeavesAnErrorNotAHalfStore) {
  {
    // Claims version 1 but lacks its tables: the 1 -> 2 step fails and says so.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version=1;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto broken = Store::open(path_);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("version 2"), std::string::npos) << broken.status().message();
}

TEST_F(StoreTest, NewerSchemaIsRefused) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE x(y); PRAGMA user_version=99;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  auto s = Store::open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

TEST_F(StoreTest, NonSqliteFileIsRefusedAndLeftAlone) {
  const std::string content = "this is not a database, it is a shopping list\n";
  std::ofstream(path_) << content;
  auto s = Store::open(path_);
  ASSERT_FALSE(s.ok());
  std::ifstream in(path_);
  std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(after, content);
}

TEST_F(StoreTest, ForeignSqliteDatabaseIsRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE customers(name);", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_FALSE(Store::open(path_).ok());
}

}  // namespace
}  // namespace storyline
