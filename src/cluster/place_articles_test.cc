#include "storyline/place_articles.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <unordered_map>

#include "cluster/test_title_fights.h"
#include "storyline/copies.h"
#include "storyline/document.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

// 400 distinct made-up words: no shingle repeats, so Jaccard follows the edits exactly.
std::vector<std::string> base_words() {
  std::vector<std::string> w;
  std::uint32_t x = 12345;
  for (int i = 0; i < 400; ++i) {
    x = x * 1103515245u + 12345u;
    w.push_back("w" + std::to_string(i) + "x" + std::to_string((x >> 16) % 997));
  }
  return w;
}

std::string join(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
  return s + ".";
}

// Replaces every `step`-th word from `first` on: each replaced word breaks five shingles.
std::vector<std::string> edited(std::vector<std::string> w, int first, int step, const std::string& tag) {
  for (std::size_t i = static_cast<std::size_t>(first); i < w.size(); i += static_cast<std::size_t>(step))
    w[i] = tag + std::to_string(i);
  return w;
}

class PlaceArticlesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("storyline_place_" + std::to_string(::getpid()) + "_" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Cleanup();
    auto s = Store::open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    Cleanup();
  }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  void Add(const std::string& url, const std::string& outlet, const std::string& date, const std::string& body,
           const std::string& title = "Harbour crane report") {
    Article a;
    a.source = url;
    a.url = url;
    a.title = title;
    a.outlet = outlet;
    a.page_date = a.published = date;
    a.languages = {"en"};
    a.blocks.push_back({BlockType::kParagraph, body});
    Document d;
    d.source = url;
    d.url = url;
    d.bytes = url + body;
    ASSERT_TRUE(store_->begin().ok());
    ASSERT_TRUE(store_->add(d, raw_content_hash(d.bytes), a).ok());
    ASSERT_TRUE(store_->commit().ok());
  }
  // Places the new articles; a failure fails the test (and returns empty stats).
  PlacementStats Place() {
    Result<PlacementStats> placed = place_new_articles(*store_, {});
    EXPECT_TRUE(placed.ok()) << placed.status().message();
    return placed.ok() ? *placed : PlacementStats{};
  }
  // article rowid -> its original's rowid.
  std::map<std::int64_t, std::int64_t> Links() {
    std::map<std::int64_t, std::int64_t> out;
    Result<std::vector<CopyRow>> rows = store_->copy_rows();
    EXPECT_TRUE(rows.ok());
    if (rows.ok())
      for (const CopyRow& r : *rows) out[r.article] = r.original;
    return out;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST(CopyGroupRoot, FollowsChainsAndStopsOnALoop) {
  const std::unordered_map<std::int64_t, std::int64_t> links = {{3, 2}, {2, 1}, {5, 1}};
  EXPECT_EQ(copy_group_root(links, 3), 1);  // a copy of a copy
  EXPECT_EQ(copy_group_root(links, 5), 1);
  EXPECT_EQ(copy_group_root(links, 1), 1);  // the original
  EXPECT_EQ(copy_group_root(links, 9), 9);  // no copy at all
  const std::unordered_map<std::int64_t, std::int64_t> damaged = {{1, 2}, {2, 1}};
  const std::int64_t r = copy_group_root(damaged, 1);  // returns, on one of the two
  EXPECT_TRUE(r == 1 || r == 2);
}

TEST_F(PlaceArticlesTest, ACopyOfADriftedCopyIsLinkedThroughIt) {
  const auto a = base_words();
  const auto b = edited(a, 7, 60, "bee");   // 7 words changed: Jaccard(a, b) about 0.85
  const auto c = edited(b, 37, 60, "sea");  // 7 more: about 0.85 to b, about 0.72 to a
  ASSERT_GE(jaccard(copy_signature(join(a)), copy_signature(join(b))), 0.8);
  ASSERT_GE(jaccard(copy_signature(join(b)), copy_signature(join(c))), 0.8);
  ASSERT_LT(jaccard(copy_signature(join(a)), copy_signature(join(c))), 0.8);
  ASSERT_LT(containment(copy_signature(join(a)), copy_signature(join(c))), 0.9);

  Add("https://one.example/a", "One", "2031-03-01", join(a));
  Add("https://two.example/b", "Two", "2031-03-02", join(b));
  Add("https://three.example/c", "Three", "2031-03-03", join(c));
  Result<PlacementStats> placed = place_new_articles(*store_, {});
  ASSERT_TRUE(placed.ok()) << placed.status().message();
  EXPECT_EQ(placed->copies, 2u);
  const auto links = Links();
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links.at(2), 1);  // b copies a
  EXPECT_EQ(links.at(3), 2);  // c copies b, and reaches a through it
}

TEST_F(PlaceArticlesTest, LaterArticlesFindTheCopiesOfEarlierRuns) {
  const auto a = base_words();
  Add("https://one.example/a", "One", "2031-03-01", join(a));
  ASSERT_TRUE(place_new_articles(*store_, {}).ok());
  const auto b = edited(a, 7, 60, "bee");
  Add("https://two.example/b", "Two", "2031-03-02", join(b));
  ASSERT_TRUE(place_new_articles(*store_, {}).ok());
  // The exact copy of the original links to it directly; the drifted copy's copy to it.
  Add("https://four.example/d", "Four", "2031-03-03", join(a));
  Add("https://three.example/c", "Three", "2031-03-04", join(edited(b, 37, 60, "sea")));
  Result<PlacementStats> placed = place_new_articles(*store_, {});
  ASSERT_TRUE(placed.ok()) << placed.status().message();
  EXPECT_EQ(placed->copies, 2u);
  const auto links = Links();
  EXPECT_EQ(links.at(3), 1);
  EXPECT_EQ(links.at(4), 2);
}

TEST_F(PlaceArticlesTest, UnrelatedTextsAreNotCopies) {
  const auto a = base_words();
  Add("https://one.example/a", "One", "2031-03-01", join(a));
  Add("https://two.example/b", "Two", "2031-03-02", join(edited(a, 0, 3, "other")));
  Result<PlacementStats> placed = place_new_articles(*store_, {});
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(placed->copies, 0u);
  EXPECT_TRUE(Links().empty());
}

// A later run's article joins one lone event and folds in another, placed by an earlier
// run: the store's rows follow (the clusterer's saved state kept the lone article).
TEST_F(PlaceArticlesTest, AFoldedEventsArticleMovesToTheEventThatTookIt) {
  Add("https://one.example/q", "One", "2024-03-05",
      "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, killing 12 people in Padang.",
      "Magnitude 7.1 earthquake strikes off Sumatra");
  Add("https://two.example/h", "Two", "2024-03-06",
      "Doctors at the Padang general hospital treated hundreds of injured residents overnight; generators failed "
      "and wards overflowed into corridors.",
      "Padang hospitals overwhelmed");
  ASSERT_EQ(Place().new_events, 2u);
  Add("https://three.example/b", "Three", "2024-03-06",
      "The magnitude 7.1 earthquake off Sumatra killed 12 people. Doctors at the Padang general hospital treated "
      "hundreds of injured residents as wards overflowed into corridors.",
      "Sumatra quake: Padang hospitals overwhelmed as toll rises to 12");
  EXPECT_EQ(Place().events_folded, 1u);
  Result<std::vector<EventRow>> rows = store_->event_rows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  for (const EventRow& r : *rows) {
    EXPECT_EQ(r.event, (*rows)[0].event) << "article " << r.article;
    EXPECT_EQ(r.story, (*rows)[0].story) << "article " << r.article;
  }
}

// Two fights reported alternately, over two runs: the first run places one event for
// both, the second splits it (test_title_fights.h), and the rows of the first run's
// articles follow: each fight's articles end in one event, the two in one story.
TEST_F(PlaceArticlesTest, AnEventSplitAcrossRunsMovesTheEarlierRunsArticles) {
  const auto fights = std::vector{testing::title_fight_reports(0, 8), testing::title_fight_reports(1, 8)};
  auto add_reports = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      const auto& [title, text] = fights[i % 2][i / 2];
      Add("https://fight.example/" + std::to_string(i), "Ring", "2024-03-05", text, title);
    }
  };
  add_reports(0, 10);
  ASSERT_EQ(Place().new_events, 1u);  // one event for both fights so far
  add_reports(10, 16);
  EXPECT_EQ(Place().events_split, 1u);
  Result<std::vector<EventRow>> rows = store_->event_rows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 16u);
  std::map<std::int64_t, const EventRow*> by_article;
  for (const EventRow& r : *rows) by_article[r.article] = &r;
  std::vector<const EventRow*> in_order;  // articles were added in report order
  for (const auto& [article, row] : by_article) in_order.push_back(row);
  for (std::size_t i = 0; i < in_order.size(); ++i) {
    EXPECT_EQ(in_order[i]->seq, i + 1) << "report " << i;  // its number in the clusterer's stream
    EXPECT_EQ(in_order[i]->event, in_order[i % 2]->event) << "report " << i;
    EXPECT_EQ(in_order[i]->story, in_order[0]->story) << "report " << i;
  }
  EXPECT_NE(in_order[0]->event, in_order[1]->event);
}

}  // namespace
}  // namespace storyline
