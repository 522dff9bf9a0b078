#include "storyline/charset.h"

#include <gtest/gtest.h>

#include "storyline/language.h"
#include "text/utf8.h"

namespace storyline {
namespace {

TEST(Charset, Utf8PassesThrough) {
  auto r = decode_to_utf8("caf\xC3\xA9");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, "caf\xC3\xA9");
  EXPECT_EQ(r->charset, "UTF-8");
}

TEST(Charset, BomsAreHonoured) {
  auto r = decode_to_utf8(std::string("\xFF\xFE" "h\0i\0", 6));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, "hi");
}

TEST(Charset, MetaCharsetDeclaresLegacyEncoding) {
  // "café" in windows-1252, declared by the page.
  auto r = decode_to_utf8("<meta charset=\"windows-1252\"><p>caf\xE9</p>");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->utf8.find("caf\xC3\xA9"), std::string::npos);
  EXPECT_FALSE(r->guessed);
}

TEST(Charset, InvalidBytesInUtf8AreReplacedNotFatal) {
  // Real UTF-8 (curly quotes, an e-acute) with one stray byte: repaired, not re-guessed.
  const std::string text =
      "\xE2\x80\x9C" "Caf\xC3\xA9 owners,\xE2\x80\x9D she said, \xE2\x80\x9Cwill stay.\xE2\x80\x9D A stray \xFF byte.";
  auto r = decode_to_utf8(text);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(text::is_valid_utf8(r->utf8));
  EXPECT_EQ(r->replaced, 1);
  EXPECT_NE(r->utf8.find("Caf\xC3\xA9"), std::string::npos);
}

TEST(Charset, LegacyBytesWithoutDeclarationAreGuessed) {
  // ASCII with a lone high byte reads as a single-byte legacy charset.
  auto r = decode_to_utf8("A sentence about a caf\xE9 by the harbour, long enough for the detector to judge.");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(text::is_valid_utf8(r->utf8));
  EXPECT_TRUE(r->guessed);
}

TEST(Charset, BinaryIsRecognised) {
  EXPECT_TRUE(looks_binary(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)));
  EXPECT_FALSE(looks_binary("plain text\n"));
}

TEST(Language, MixedChineseAndEnglish) {
  const std::string zh = "市议会周二投票决定关闭旧渡轮码头，理由是两个冬季风暴后的维修费用过高。新码头预计将于二〇三〇年开放。";
  const std::string en = "The council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two winters of storms.";
  auto langs = detect_languages(zh + "\n" + zh + "\n" + en + "\n" + en);
  ASSERT_EQ(langs.size(), 2u);
  EXPECT_TRUE((langs[0] == "zh" && langs[1] == "en") || (langs[0] == "en" && langs[1] == "zh"));
  EXPECT_EQ(detect_languages(en), std::vector<std::string>{"en"});
}

TEST(Utf8, UnitsCountCjkAsSeveralLetters) {
  EXPECT_EQ(text::text_units("abc"), 3);
  EXPECT_EQ(text::text_units("码头"), 2 * text::kCjkUnits);
  EXPECT_EQ(text::word_count("two words 码头"), 4);
  EXPECT_TRUE(text::ends_like_sentence("He left.\xE2\x80\x9D"));
  EXPECT_TRUE(text::ends_like_sentence("他走了。"));
  EXPECT_FALSE(text::ends_like_sentence("Most Popular"));
}

}  // namespace
}  // namespace storyline
