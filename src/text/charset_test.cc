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

// The ASCII fast paths count and judge as the code-point loops do, at every alignment,
// beside multi-byte and invalid bytes.
TEST(Utf8, FastPathsAgreeWithCodePointLoops) {
  const auto units_slow = [](std::string_view s) {
    int n = 0;
    for (std::size_t i = 0; i < s.size();) {
      const char32_t cp = text::next_code_point(s, i);
      n += text::is_cjk(cp) ? text::kCjkUnits : text::is_letter_or_digit(cp) ? 1 : 0;
    }
    return n;
  };
  const auto sentence_slow = [](std::string_view s) {
    char32_t last = 0;
    for (std::size_t i = 0; i < s.size();) {
      const char32_t cp = text::next_code_point(s, i);
      if (!text::is_space(cp) && cp != '"' && cp != '\'' && cp != ')' && cp != ']' && cp != '*' && cp != 0x201D &&
          cp != 0x2019 && cp != 0xBB && cp != 0x300D && cp != 0x300F && cp != 0xFF09 && cp != 0x3011)
        last = cp;
    }
    return last == '.' || last == '!' || last == '?' || last == 0x2026 || last == 0x3002 || last == 0xFF01 ||
           last == 0xFF1F || last == 0xFF0E || last == 0x061F || last == 0x06D4 || last == 0x0964 || last == 0xFF61;
  };
  std::string all;
  for (int b = 0; b < 128; ++b) all += static_cast<char>(b);
  for (std::size_t pad = 0; pad < 8; ++pad) {
    for (const std::string& tail : {std::string(), std::string("\xC3\xA9t\xE7\xA0\x81."), std::string("\xFF\x80x?"),
                                    std::string("\xE2\x80\x9D"), std::string("ab \xE3\x80\x82\xE3\x80\x8D")}) {
      const std::string s = std::string(pad, 'x') + all + tail + all.substr(33, 40) + tail;
      EXPECT_EQ(text::text_units(s), units_slow(s)) << pad;
      int weighted = 0;
      for (std::size_t i = 0; i < s.size();) weighted += text::is_cjk(text::next_code_point(s, i)) ? text::kCjkUnits : 1;
      EXPECT_EQ(text::weighted_length(s), weighted) << pad;
      for (std::size_t cut = 0; cut <= s.size(); cut += 3)
        EXPECT_EQ(text::ends_like_sentence(s.substr(0, cut)), sentence_slow(s.substr(0, cut))) << pad << " " << cut;
    }
  }
}

// The ASCII skipping of the UTF-8 check misses no multi-byte or invalid byte, wherever
// it sits in a long run.
TEST(Utf8, ValidityAtAnyOffset) {
  for (std::size_t at = 0; at < 80; ++at) {
    std::string s(100, 'a');
    EXPECT_TRUE(text::is_valid_utf8(s.substr(0, at) + "\xE7\xA0\x81" + s.substr(at))) << at;
    EXPECT_FALSE(text::is_valid_utf8(s.substr(0, at) + "\xE7\xA0" + s.substr(at))) << at;
    s[at] = '\xFF';
    EXPECT_FALSE(text::is_valid_utf8(s)) << at;
  }
}

// White space of every kind, at every alignment inside long words, collapses to one
// space; nothing else changes.
TEST(Utf8, NormalizeSpaceAtAnyAlignment) {
  const std::string word = "abcdefghijklmnopqrstuvwxyz0123456789!~";
  for (std::size_t at = 0; at < word.size(); ++at) {
    for (std::string_view space : {" ", "\t", "\n\r ", "\f\v", "\xC2\xA0", "\xE3\x80\x80"}) {
      const std::string s = word.substr(0, at) + std::string(space) + word.substr(at) + "\x01" + word;
      const std::string want = (at ? word.substr(0, at) + " " : "") + word.substr(at) + "\x01" + word;
      EXPECT_EQ(text::normalize_space(s), want) << at;
    }
  }
}

TEST(Utf8, LowerCasingTouchesOnlyAsciiCapitals) {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  for (std::size_t pad = 0; pad < 8; ++pad) {
    const std::string s = std::string(pad, 'Q') + all;
    std::string want = s;
    for (char& c : want)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    EXPECT_EQ(text::to_lower_ascii(s), want);
    std::string in_place = s;
    text::lower_ascii_in_place(in_place);
    EXPECT_EQ(in_place, want);
  }
}

// Control bytes are found wherever they sit among printable ones.
TEST(Charset, BinaryByNulOrControlShareAtAnyPosition) {
  for (std::size_t at = 0; at < 24; ++at) {
    std::string s(64, 'a');
    s[at] = '\0';
    EXPECT_TRUE(looks_binary(s)) << at;
    s[at] = '\x01';
    EXPECT_FALSE(looks_binary(s)) << at;  // one control byte in 64: under 5 %
    s[at + 1] = s[at + 2] = s[at + 3] = '\x02';
    EXPECT_TRUE(looks_binary(s)) << at;
  }
  EXPECT_FALSE(looks_binary(std::string(100, '\xE4') + "\n\t\r" + std::string(100, ' ')));
}

}  // namespace
}  // namespace storyline
