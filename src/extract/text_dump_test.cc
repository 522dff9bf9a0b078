// Each junk rule of the text-dump extractor, on text written for the test.
#include "extract/text_dump.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

TEST(ClassifyLine, MenusOfBulletsAreListItems) {
  EXPECT_EQ(classify_line("  • Home"), LineKind::kBullet);
  EXPECT_EQ(classify_line("- Weather and traffic updates for the valley"), LineKind::kBullet);
}

TEST(ClassifyLine, ShareWidgetsAndReadingTimeAreBoilerplate) {
  EXPECT_EQ(classify_line("Share Tweet Email"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("Facebook Twitter LinkedIn Print"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("6 min read"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("3 min"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("12 hours ago"), LineKind::kBoilerplate);
}

TEST(ClassifyLine, CopyrightFootersAreBoilerplate) {
  EXPECT_EQ(classify_line("© 2031 Harbour Light Media Ltd. All rights reserved."), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("Copyright 2019 The Lantern Gazette | Privacy Policy | Terms of Use"), LineKind::kBoilerplate);
}

TEST(ClassifyLine, CallsToActionAreBoilerplate) {
  EXPECT_EQ(classify_line("The Lantern Summit comes back to Oslo in May to gather the smartest founders, investors "
                          "and engineers we know for two days of talks. Register here."),
            LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("Sign up for our morning briefing"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("Advertisement"), LineKind::kBoilerplate);
}

TEST(ClassifyLine, SectionLabelsAreNotBody) {
  // One or two words without punctuation: "Related", "Ranking", "Most Popular".
  EXPECT_EQ(classify_line("Related"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("Most Popular"), LineKind::kBoilerplate);
  EXPECT_EQ(classify_line("Recommended Video"), LineKind::kBoilerplate);
}

TEST(ClassifyLine, HeadlinesWithoutPunctuation) {
  EXPECT_EQ(classify_line("Harbour council votes to close the old ferry pier"), LineKind::kHeadline);
}

TEST(ClassifyLine, ProseAndShortSentences) {
  EXPECT_EQ(classify_line("The council voted on Tuesday to close the pier, citing the cost of repairs after two "
                          "winters of storms, and said a new one would open by 2030."),
            LineKind::kProse);
  EXPECT_EQ(classify_line("He declined to comment."), LineKind::kShort);
}

TEST(ClassifyLine, ChineseProseCountsCharactersNotBytesOrSpaces) {
  EXPECT_EQ(classify_line("市议会周二投票决定关闭旧渡轮码头，理由是两个冬季风暴后的维修费用过高。"), LineKind::kProse);
  EXPECT_EQ(classify_line("相关新闻"), LineKind::kBoilerplate);
}

TEST(ClassifyLine, BylinesAndDates) {
  EXPECT_EQ(classify_line("By Mara Lind and Teo Varga"), LineKind::kByline);
  EXPECT_EQ(classify_line("By"), LineKind::kByline);
  EXPECT_EQ(classify_line("Updated March 3, 2031 at 4:05 p.m. EST|Published March 3, 2031 at 9:00 a.m. EST"), LineKind::kDate);
  EXPECT_EQ(classify_line("Date:2031-03-03 09:00:00"), LineKind::kDate);
}

TEST(ClassifyLine, PhotoCreditsMarkCaptions) {
  EXPECT_EQ(classify_line("The old pier at dawn. (Photo: Lantern Gazette)"), LineKind::kCaption);
  EXPECT_EQ(classify_line("Storm damage on the pier in 2029.Harbour Authority via Getty Images"), LineKind::kCaption);
}

TEST(SplitCaptionCredit, GluedCreditIsSplitAtTheSentenceEnd) {
  CaptionParts p = split_caption_credit("Storm damage on the pier in 2029.Harbour Authority via Getty Images");
  EXPECT_EQ(p.caption, "Storm damage on the pier in 2029.");
  EXPECT_EQ(p.credit, "Harbour Authority via Getty Images");
  p = split_caption_credit("The mayor visits the pier. (Video: Lantern Gazette)");
  EXPECT_EQ(p.caption, "The mayor visits the pier.");
}

TEST(FindDateline, CapitalisedPlaceBeforeADash) {
  EXPECT_EQ(find_dateline("OSLO — The council voted on Tuesday."), "OSLO");
  EXPECT_EQ(find_dateline("BERGEN, Norway — The council voted."), "BERGEN, Norway");
  EXPECT_EQ(find_dateline("HALIFAX (Wire) — The council voted."), "HALIFAX");
  EXPECT_EQ(find_dateline("The council — after a long night — voted."), "");
}

// A page made of the kinds of junk around one article.
const char* kDump = R"(  • Home
  • World
  • Business
Lantern Gazette

Harbour council votes to close the old ferry pier

Repairs after two storm seasons would cost more than a new pier, officials said.

By Mara Lind
Updated March 3, 2031 at 4:05 p.m. EST|Published March 3, 2031 at 9:00 a.m. EST
The old pier at dawn. (Photo: Lantern Gazette)
4 min

BERGEN, Norway — The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two winters of storms that cracked its pilings and tore away part of the deck.

“We cannot keep patching a structure that the sea has already decided to take,” council leader Ines Aalto told reporters after the vote, adding that a new pier would open by 2030.

Recommended Video

Ferry operators said the closure would add twenty minutes to the morning crossing, and several asked the council to run a temporary shuttle from the north quay while the new pier is built.

Teo Varga contributed to this report.
Tags:
- Harbour
- Ferries
Mara Lind is the Lantern Gazette's harbour reporter, covering ports and shipping since 2024.
Related
  • Fishing fleet returns early as storms continue
  • New bridge plan divides the valley
© 2031 Lantern Gazette Media Ltd. All rights reserved.
)";

TEST(ExtractTextDump, FindsArticleAndMetadataAmongJunk) {
  Article a = extract_text_dump(kDump);
  EXPECT_EQ(a.title, "Harbour council votes to close the old ferry pier");
  EXPECT_EQ(a.description, "Repairs after two storm seasons would cost more than a new pier, officials said.");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Mara Lind"});
  EXPECT_EQ(a.contributors, std::vector<std::string>{"Teo Varga"});
  EXPECT_EQ(a.published, "2031-03-03T09:00:00-05:00");
  EXPECT_EQ(a.updated, "2031-03-03T16:05:00-05:00");
  EXPECT_EQ(a.date_source, "text");
  EXPECT_EQ(a.dateline, "BERGEN, Norway");
  EXPECT_EQ(a.outlet, "Lantern Gazette");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Harbour", "Ferries"}));
  EXPECT_EQ(a.captions, std::vector<std::string>{"The old pier at dawn."});
  const std::string body = a.text();
  EXPECT_TRUE(body.starts_with("BERGEN, Norway — The harbour council voted")) << body;
  EXPECT_NE(body.find("north quay while the new pier is built."), std::string::npos);
  for (const char* junk : {"Home", "Recommended Video", "4 min", "Photo:", "Related", "Fishing fleet", "©",
                           "harbour reporter", "Tags"})
    EXPECT_EQ(body.find(junk), std::string::npos) << junk;
}

TEST(ExtractTextDump, PlainArticleWithoutTitleHasNoInventedTitle) {
  Article a = extract_text_dump(
      "The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two "
      "winters of storms.\nFerry operators said the closure would add twenty minutes to the morning crossing.\n");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.blocks.size(), 2u);
}

TEST(ExtractTextDump, ProseRepeatedOnThePageIsATeaserNotBody) {
  const std::string teaser =
      "Fishing crews say the early return of the fleet, the third in as many years, has cost them most of the "
      "autumn season and much of their savings.";
  const std::string page = teaser + "\n\n" +
      "The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two "
      "winters of storms that cracked its pilings.\n\n"
      "Ferry operators said the closure would add twenty minutes to the morning crossing, and several asked for "
      "a temporary shuttle from the north quay.\n\n" + teaser + "\n";
  Article a = extract_text_dump(page);
  EXPECT_EQ(a.text().find("Fishing crews"), std::string::npos) << a.text();
  EXPECT_NE(a.text().find("ferry pier"), std::string::npos);
}

TEST(ExtractTextDump, ListingWithoutProseIsFlagged) {
  Article a = extract_text_dump("  • Home\n  • World\nFishing fleet returns early as storms continue\nNew bridge plan divides the valley\n");
  EXPECT_EQ(a.kind, "listing");
  EXPECT_TRUE(a.blocks.empty());
  EXPECT_FALSE(a.warnings.empty());
}

}  // namespace
}  // namespace storyline::extract
