#include "storyline/dated_statements.h"

#include <gtest/gtest.h>

#include <set>

#include "analysis/test_seeds.h"

namespace storyline {
namespace {

Article article_of(std::vector<std::string> paragraphs, std::string published = "") {
  Article a;
  a.published = a.page_date = std::move(published);
  for (auto& p : paragraphs) a.blocks.push_back({BlockType::kParagraph, std::move(p)});
  return a;
}

std::string dump(const std::vector<DatedStatement>& ds) {
  std::string s;
  for (const auto& d : ds) s += "  " + d.date + " [" + d.expression + "] " + d.sentence.substr(0, 70) + "\n";
  return s;
}

const DatedStatement* with_expression(const std::vector<DatedStatement>& ds, std::string_view e) {
  for (const auto& d : ds) {
    if (d.expression == e) return &d;
  }
  return nullptr;
}

TEST(DatedStatements, RelativeExpressionsResolveAgainstTheArticleDate) {
  // 2024-05-31 is a Friday.
  const auto ds = extract_dated_statements(article_of({
      "The council voted on Friday to close the harbor for the winter season.",
      "A day earlier, the mayor had asked for the vote. The request was first made earlier this month, on May 13.",
      "In February, the harbor flooded twice. Officials met last week. They met again on 2024-05-30.",
      "The report is due Nov. 17, officials said.",
  }, "2024-05-31T07:16:00-04:00"), {}, "a1");
  auto date_of = [&](std::string_view e) {
    const DatedStatement* d = with_expression(ds, e);
    return d ? d->date : std::string("missing");
  };
  EXPECT_EQ(date_of("on Friday"), "2024-05-31") << dump(ds);
  EXPECT_EQ(date_of("A day earlier"), "2024-05-30");
  EXPECT_EQ(date_of("on May 13"), "2024-05-13");
  EXPECT_EQ(date_of("earlier this month"), "missing");  // the day in the sentence wins
  EXPECT_EQ(date_of("In February"), "2024-02");
  EXPECT_EQ(date_of("last week"), "2024-05");
  EXPECT_EQ(date_of("on 2024-05-30"), "2024-05-30");
  EXPECT_EQ(date_of("Nov. 17"), "2023-11-17");  // a date after the reference is last year's
  const DatedStatement* friday = with_expression(ds, "on Friday");
  ASSERT_NE(friday, nullptr);
  EXPECT_TRUE(friday->is_relative);
  EXPECT_EQ(friday->article_id, "a1");
  EXPECT_EQ(friday->block, 0u);
  EXPECT_EQ(friday->sentence, "The council voted on Friday to close the harbor for the winter season.");
  EXPECT_FALSE(with_expression(ds, "on 2024-05-30")->is_relative);
}

TEST(DatedStatements, NoDateMeansUnresolvedAndAnExplicitReferenceWins) {
  const Article a = article_of({"The minister resigned on Thursday after a week of protests in the capital."});
  const auto unresolved = extract_dated_statements(a);
  ASSERT_EQ(unresolved.size(), 1u) << dump(unresolved);
  EXPECT_EQ(unresolved[0].date, "");
  EXPECT_EQ(unresolved[0].expression, "on Thursday");
  const auto resolved = extract_dated_statements(a, "2024-05-31");
  ASSERT_EQ(resolved.size(), 1u);
  EXPECT_EQ(resolved[0].date, "2024-05-30");
}

TEST(DatedStatements, LeadIsDatedByTheArticle) {
  const auto ds = extract_dated_statements(article_of({"The company has recalled 410,000 processors over a heat fault.",
                                                      "Shares fell sharply."}, "2025-06-10"));
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].date, "2025-06-10");
  EXPECT_EQ(ds[0].expression, "");
}

TEST(DatedStatements, Chinese) {
  const auto ds = extract_dated_statements(article_of({"美国总统拜登周四批准了这一决定。乌克兰在5月13日提出请求。"}, "2024-05-31"));
  std::set<std::string> dates;
  for (const auto& d : ds) dates.insert(d.date);
  EXPECT_EQ(dates, (std::set<std::string>{"2024-05-30", "2024-05-13"})) << dump(ds);
}

TEST(DatedStatements, SeedTimelineDates) {
  using namespace storyline::analysis::testing;
  if (seed_expectations().is_null()) GTEST_SKIP() << "SKIPPED: no seeds at " << shared_dir() << " (set STORYLINE_SHARED)";
  std::set<std::string> dates;
  for (const char* name : {"000_bb892abb039ec395.txt", "001_47723654878d0d48.txt", "004_da30530d0e3cbaf6.txt"}) {
    const auto a = seed_article(name);
    ASSERT_TRUE(a) << name;
    for (const auto& d : extract_dated_statements(*a, {}, name)) dates.insert(d.date);
  }
  for (const char* want : {"2024-05-30", "2024-05-31", "2024-11-17"}) EXPECT_TRUE(dates.count(want)) << want;
  // The mirror page (002) carries a wrong page date; against its event's date its own
  // words give the request (May 13) and Blinken's preview (Wednesday).
  const auto mirror = seed_article("002_73b287990ff687c9.txt");
  ASSERT_TRUE(mirror);
  std::set<std::string> from_event;
  for (const auto& d : extract_dated_statements(*mirror, "2024-05-30", "002")) from_event.insert(d.date);
  for (const char* want : {"2024-05-13", "2024-05-29", "2024-05-30"}) EXPECT_TRUE(from_event.count(want)) << want;
  // 001 has no date: its expressions come out unresolved.
  const auto undated = seed_article("001_47723654878d0d48.txt");
  ASSERT_TRUE(undated);
  const auto ds = extract_dated_statements(*undated);
  ASSERT_FALSE(ds.empty());
  for (const auto& d : ds) EXPECT_EQ(d.date, "") << d.expression;
}

}  // namespace
}  // namespace storyline
