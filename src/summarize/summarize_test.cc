#include "storyline/summarize.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(CleanSummarySentence, Datelines) {
  EXPECT_EQ(clean_summary_sentence("WASHINGTON (AP) _ NASA and the Russian Space Agency agreed."),
            "NASA and the Russian Space Agency agreed.");
  EXPECT_EQ(clean_summary_sentence("MUNICH, Germany (AP) \u2014 U.S. prosecutors asked for more time."),
            "U.S. prosecutors asked for more time.");
  EXPECT_EQ(clean_summary_sentence("PORT ELLERY, June 10 (Meridian Press) \u2014 Corvane recalled chips."),
            "Corvane recalled chips.");
  // A dash in the middle of an ordinary sentence is not a dateline.
  EXPECT_EQ(clean_summary_sentence("The storm _ the worst in decades _ hit the coast."),
            "The storm \u2014 the worst in decades \u2014 hit the coast.");
}

TEST(CleanSummarySentence, BylinesAndAttributions) {
  EXPECT_EQ(clean_summary_sentence("By JOHN SMITH, Associated Press Writer The vote was close."), "The vote was close.");
  EXPECT_EQ(clean_summary_sentence("By noon the vote was over."), "By noon the vote was over.");
  EXPECT_EQ(clean_summary_sentence("The toll rose to 231, he said."), "The toll rose to 231.");
  EXPECT_EQ(clean_summary_sentence("At least 231 people died, the National Emergency Commission said Saturday."),
            "At least 231 people died.");
  // The quote keeps its speaker.
  EXPECT_EQ(clean_summary_sentence("\"We will rebuild,\" he said."), "\"We will rebuild,\" he said.");
  EXPECT_EQ(clean_summary_sentence(""), "");
}

std::vector<SummaryDocument> storm_docs() {
  return {
      {"1", "", "1998-10-27",
       "TEGUCIGALPA, Honduras (AP) _ Hurricane Mitch struck the coast of Honduras on Tuesday with winds of 180 mph. "
       "\"God help us,\" said the mayor of the island town. "
       "Schools were closed in the capital as a precaution against the flooding rains."},
      {"2", "", "1998-10-28",
       "Hurricane Mitch struck the coast of Honduras and killed at least 32 people in floods and mudslides. "
       "The European Union approved emergency aid for the victims of Hurricane Mitch in Central America."},
      {"3", "", "1998-10-30",
       "The death toll from Hurricane Mitch in Honduras rose to 231 as floods swept away entire villages. "
       "The European Union approved emergency aid for victims of Hurricane Mitch, officials said Friday."},
  };
}

TEST(Summarize, CoversWhatSourcesShareWithinTheBudget) {
  SummaryOptions o;
  o.max_words = 40;
  o.fill = false;
  const std::vector<SummarySentence> s = summarize(storm_docs(), o);
  ASSERT_FALSE(s.empty());
  int words = 0;
  for (const SummarySentence& x : s) {
    words += static_cast<int>(std::count(x.text.begin(), x.text.end(), ' ')) + 1;
    EXPECT_EQ(x.text.find('"'), std::string::npos) << x.text;   // no quotes
    EXPECT_EQ(x.text.find("(AP)"), std::string::npos) << x.text;  // no dateline
  }
  EXPECT_LE(words, 40);
  // Reading order: by date.
  for (std::size_t i = 1; i < s.size(); ++i) EXPECT_LE(s[i - 1].document, s[i].document);
}

TEST(Summarize, NoRepeatsAndEveryWordCounts) {
  SummaryOptions o;
  o.max_words = 60;
  const std::vector<SummarySentence> s = summarize(storm_docs(), o);
  ASSERT_GE(s.size(), 2u);
  int aid = 0;
  for (const SummarySentence& x : s) aid += x.text.find("European Union") != std::string::npos;
  EXPECT_LE(aid, 1);  // the two aid sentences say the same thing
  // It stops when nothing shared by two sources is left to add, short of the budget.
  int words = 0;
  for (const SummarySentence& x : s) words += static_cast<int>(std::count(x.text.begin(), x.text.end(), ' ')) + 1;
  EXPECT_GE(words, 30);
  EXPECT_LE(words, 60);
}

TEST(Summarize, EmptyInputs) {
  EXPECT_TRUE(summarize({}).empty());
  EXPECT_TRUE(summarize({{"a", "", "", ""}}).empty());
  EXPECT_TRUE(summarize({{"a", "", "", "Too short."}}).empty());
}

}  // namespace
}  // namespace storyline
