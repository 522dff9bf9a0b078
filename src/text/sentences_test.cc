#include "storyline/sentences.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

using V = std::vector<std::string>;

TEST(Sentences, PlainEnglish) {
  EXPECT_EQ(split_sentences("The dam was closed. Farmers protested! Why? Nobody knows."),
            (V{"The dam was closed.", "Farmers protested!", "Why?", "Nobody knows."}));
}

TEST(Sentences, AbbreviationsAndInitials) {
  EXPECT_EQ(split_sentences("Sen. John McCain met Mr. Smith and Dr. J. K. Rowling on Oct. 27 in St. Louis. He left."),
            (V{"Sen. John McCain met Mr. Smith and Dr. J. K. Rowling on Oct. 27 in St. Louis.", "He left."}));
  EXPECT_EQ(split_sentences("U.S. officials said the U.N. Security Council would meet. The vote is due."),
            (V{"U.S. officials said the U.N. Security Council would meet.", "The vote is due."}));
  EXPECT_EQ(split_sentences("Aid came from the U.S. The EU sent more."), (V{"Aid came from the U.S.", "The EU sent more."}));
  EXPECT_EQ(split_sentences("He joined Apple Inc. in 1998. Shares of Netscape Communications Corp. The rest."),
            (V{"He joined Apple Inc. in 1998.", "Shares of Netscape Communications Corp.", "The rest."}));
}

TEST(Sentences, DecimalsAndNumbers) {
  EXPECT_EQ(split_sentences("Growth was 3.5 percent in 1998. It fell to 2.1 percent."),
            (V{"Growth was 3.5 percent in 1998.", "It fell to 2.1 percent."}));
}

TEST(Sentences, QuotesCloseAfterTheMark) {
  EXPECT_EQ(split_sentences("\"Mitch is closing in,\" said the mayor. \"And God help us.\" The storm moved west."),
            (V{"\"Mitch is closing in,\" said the mayor.", "\"And God help us.\"", "The storm moved west."}));
  EXPECT_EQ(split_sentences("\u201CWe will stay.\u201D She left."), (V{"\u201CWe will stay.\u201D", "She left."}));
  EXPECT_EQ(split_sentences("\"Why?\" he asked. Nobody answered."), (V{"\"Why?\" he asked.", "Nobody answered."}));
}

TEST(Sentences, Ellipsis) {
  EXPECT_EQ(split_sentences("He paused... and went on. Then... Nothing."),
            (V{"He paused... and went on.", "Then...", "Nothing."}));
}

TEST(Sentences, ChineseAndJapanese) {
  EXPECT_EQ(split_sentences("卡罗谷提起诉讼。法院将于下月审理！真的吗？"),
            (V{"卡罗谷提起诉讼。", "法院将于下月审理！", "真的吗？"}));
  EXPECT_EQ(split_sentences("「ダムを守る」と述べた。会見は終わった。"), (V{"「ダムを守る」と述べた。", "会見は終わった。"}));
  EXPECT_EQ(split_sentences("他说：“我们会留下。”会议结束。"), (V{"他说：“我们会留下。”", "会议结束。"}));
}

TEST(Sentences, LinesAreParagraphs) {
  EXPECT_EQ(split_sentences("A headline without a stop\n\n  Body  text   here. More\r\nLast line."),
            (V{"A headline without a stop", "Body text here.", "More", "Last line."}));
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences(" \n \n").empty());
}

}  // namespace
}  // namespace storyline
