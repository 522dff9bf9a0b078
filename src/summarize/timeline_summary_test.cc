#include "storyline/timeline_summary.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

std::vector<TimelineArticle> dam_story() {
  return {
      {"a", "2024-05-31", "The Brenmoor dam gates were closed on Thursday after a court hearing in the capital.\n"
                          "Farmers downstream said their fields were already drying out."},
      {"b", "2024-06-03", "Since the dam gates were closed on May 30, two farms downstream have lost their harvest.\n"
                          "The regional water minister promised compensation for the farmers."},
      {"c", "2024-06-10", "Protesters marched to the dam, which has held back the river since May 30, 2024.\n"
                          "Police said the march was peaceful and ended at noon."},
      {"d", "2024-07-01", "The tribunal ruled on Monday that the dam must release water downstream.\n"
                          "The ruling was welcomed by farmers across the valley."},
      {"e", "2024-07-20", "After the tribunal ruling of July 1, the water flowed again into the lower valley."},
  };
}

TEST(TimelineSummary, PicksTheDaysLaterArticlesNameAndTheirSentences) {
  TimelineOptions o;
  o.n_dates = 2;
  o.sents_per_date = 1;
  const std::vector<TimelineEntry> t = timeline_summary(dam_story(), o);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].date, "2024-05-30");  // named by three articles ("on Thursday", "May 30", "May 30, 2024")
  EXPECT_EQ(t[1].date, "2024-07-01");
  ASSERT_EQ(t[0].sentences.size(), 1u);
  EXPECT_NE(t[0].sentences[0].find("dam"), std::string::npos);
}

TEST(TimelineSummary, KeepsToTheSpan) {
  TimelineOptions o;
  o.n_dates = 5;
  o.start = "2024-06-15";
  o.end = "2024-12-31";
  for (const TimelineEntry& e : timeline_summary(dam_story(), o)) {
    EXPECT_GE(e.date, "2024-06-15");
    EXPECT_LE(e.date, "2024-12-31");
  }
  o.start = "2030-01-01";
  o.end = "2030-12-31";
  EXPECT_TRUE(timeline_summary(dam_story(), o).empty());
}

TEST(TimelineSummary, DateOrderAndSentenceCounts) {
  TimelineOptions o;
  o.n_dates = 10;
  o.sents_per_date = 2;
  const std::vector<TimelineEntry> t = timeline_summary(dam_story(), o);
  ASSERT_FALSE(t.empty());
  EXPECT_LE(t.size(), 10u);
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_LT(t[i - 1].date, t[i].date);
  for (const TimelineEntry& e : t) {
    EXPECT_GE(e.sentences.size(), 1u);
    EXPECT_LE(e.sentences.size(), 2u);
  }
  EXPECT_TRUE(timeline_summary({}, o).empty());
}

TEST(TimelineSummary, AComingDayWithoutYearIsNotLastYears) {
  // "June 5" in May's papers is ahead, not June 5 of the year before.
  const std::vector<TimelineArticle> articles = {
      {"a", "2024-05-20", "The council will vote on the dam on June 5 after a public hearing."},
      {"b", "2024-05-28", "Farmers said they would march to the capital before the June 5 vote."},
      {"c", "2024-05-29", "The dam gates were closed on May 27 after a court hearing in the capital."},
  };
  TimelineOptions o;
  o.n_dates = 3;
  for (const TimelineEntry& e : timeline_summary(articles, o)) EXPECT_NE(e.date, "2023-06-05");
  o.n_dates = 1;
  const std::vector<TimelineEntry> t = timeline_summary(articles, o);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2024-05-27");
}

TEST(TimelineSummary, TheNextMorningsLeadIsACandidate) {
  // March 1 is named later only in passing; what happened on it is in March 2's lead.
  const std::vector<TimelineArticle> articles = {
      {"a", "2024-03-02", "Floodwater broke through the levee south of the town late at night, officials reported."},
      {"b", "2024-03-10", "It began on March 1."},
  };
  TimelineOptions o;
  o.n_dates = 1;
  const std::vector<TimelineEntry> t = timeline_summary(articles, o);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2024-03-01");
  ASSERT_EQ(t[0].sentences.size(), 1u);
  EXPECT_NE(t[0].sentences[0].find("levee"), std::string::npos);
}

}  // namespace
}  // namespace storyline
