#include "storyline/cedict.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace storyline {
namespace {

std::shared_ptr<const ChineseDictionary> real_dictionary() {
  static auto dict = [] {
    auto r = ChineseDictionary::load(default_cedict_path());
    return r.ok() ? *r : nullptr;
  }();
  return dict;
}

TEST(ChineseDictionary, SmallFileSegmentsLongestMatchAndMapsTerms) {
  const std::string path = testing::TempDir() + "/mini_cedict.u8";
  {
    std::ofstream f(path);
    f << "# comment\n"
         "烏克蘭 乌克兰 [Wu1 ke4 lan2] /Ukraine/\n"
         "烏克 乌克 [wu1 ke4] /(made up for the test)/\n"
         "導彈 导弹 [dao3 dan4] /guided missile/cruise missile/missile/CL:枚[mei2]/\n"
         "拜登 拜登 [Bai4 deng1] /Baden or Biden (name)/Joe Biden (1942-), US president/\n";
  }
  auto dict = ChineseDictionary::load(path);
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  const auto pieces = (*dict)->segment("乌克兰的导弹ATACMS 2024");
  ASSERT_EQ(pieces.size(), 5u);
  EXPECT_EQ(pieces[0], "乌克兰");  // longest match wins over 乌克
  EXPECT_EQ(pieces[1], "的");      // unknown character alone
  EXPECT_EQ(pieces[2], "导弹");
  EXPECT_EQ(pieces[3], "ATACMS");
  EXPECT_EQ(pieces[4], "2024");
  EXPECT_EQ((*dict)->english_terms("烏克蘭"), std::vector<std::string>{"ukraine"});
  EXPECT_EQ((*dict)->english_terms("导弹"), (std::vector<std::string>{"guided", "missile", "cruise"}));
  const auto biden = (*dict)->english_terms("拜登");
  EXPECT_NE(std::find(biden.begin(), biden.end(), "biden"), biden.end());
  EXPECT_TRUE((*dict)->english_terms("的").empty());
}

TEST(ChineseDictionary, MissingFileIsAnError) {
  EXPECT_FALSE(ChineseDictionary::load("/nonexistent/cedict.u8").ok());
}

TEST(ChineseDictionary, RealDictionaryMapsNewsWords) {
  auto dict = real_dictionary();
  if (!dict) GTEST_SKIP() << "CC-CEDICT not found at " << default_cedict_path() << " (make deps fetches it)";
  EXPECT_GT(dict->size(), 100000u);
  auto has = [&](std::string_view zh, const std::string& en) {
    const auto t = dict->english_terms(zh);
    return std::find(t.begin(), t.end(), en) != t.end();
  };
  EXPECT_TRUE(has("乌克兰", "ukraine"));
  EXPECT_TRUE(has("俄罗斯", "russia"));
  EXPECT_TRUE(has("武器", "weapon"));
  EXPECT_TRUE(has("拜登", "biden"));
}

}  // namespace
}  // namespace storyline
