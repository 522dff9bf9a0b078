#include "storyline/quotes.h"

#include <gtest/gtest.h>

#include "analysis/test_seeds.h"

namespace storyline {
namespace {

Article article_of(std::vector<std::string> paragraphs) {
  Article a;
  for (auto& p : paragraphs) a.blocks.push_back({BlockType::kParagraph, std::move(p)});
  return a;
}

const Quote* starting(const std::vector<Quote>& qs, std::string_view prefix) {
  for (const Quote& q : qs) {
    if (q.text.starts_with(prefix)) return &q;
  }
  return nullptr;
}

std::string dump(const std::vector<Quote>& qs) {
  std::string s;
  for (const Quote& q : qs)
    s += "  [" + q.speaker + " | " + q.speaker_role + " | " + std::string(speaker_kind_name(q.speaker_kind)) +
         "] " + q.text.substr(0, 60) + "\n";
  return s;
}

TEST(Quotes, SpeakerAfterWithTitleAndSurname) {
  const auto qs = extract_quotes(article_of({
      "Secretary of State Antony Blinken arrived in Prague on Friday.",
      "\xE2\x80\x9CWe will adapt and adjust as necessary,\xE2\x80\x9D Blinken told reporters.",
  }), "a1");
  ASSERT_EQ(qs.size(), 1u) << dump(qs);
  EXPECT_EQ(qs[0].speaker, "Antony Blinken");
  EXPECT_EQ(qs[0].speaker_role, "Secretary of State");
  EXPECT_EQ(qs[0].speaker_kind, SpeakerKind::kPerson);
  EXPECT_EQ(qs[0].text, "We will adapt and adjust as necessary");
  EXPECT_EQ(qs[0].block, 1u);
  EXPECT_EQ(qs[0].offset, 0u);
  ASSERT_EQ(qs[0].sources.size(), 1u);
  EXPECT_EQ(qs[0].sources[0].article_id, "a1");
}

TEST(Quotes, SplitQuoteAndPronoun) {
  const auto qs = extract_quotes(article_of({
      "Mayor Lena Hartwell opened the bridge.",
      "\"It took ten years to build,\" she said. \"It will last a hundred.\"",
  }));
  ASSERT_EQ(qs.size(), 1u) << dump(qs);
  EXPECT_EQ(qs[0].text, "It took ten years to build … It will last a hundred.");
  EXPECT_EQ(qs[0].speaker, "Lena Hartwell");
  EXPECT_EQ(qs[0].speaker_role, "Mayor");
}

TEST(Quotes, SpeakerBeforeWithAppositiveAndDoubledApostrophes) {
  const auto qs = extract_quotes(article_of({
      "In response, Oskar Brandt, the deputy head of the Harbor Council, said Friday that "
      "''the harbor will stay closed until the spring tides are over'' — a view others share.",
  }));
  ASSERT_EQ(qs.size(), 1u) << dump(qs);
  EXPECT_EQ(qs[0].speaker, "Oskar Brandt");
  EXPECT_EQ(qs[0].speaker_role, "the deputy head of the Harbor Council");
  EXPECT_TRUE(qs[0].text.starts_with("the harbor will stay closed"));
}

TEST(Quotes, SaidBeforeNameAndAccordingTo) {
  const auto qs = extract_quotes(article_of({
      "\"Prices will fall by the summer,\" said Maria Lopez, an economist at the bank.",
      "\"Nobody was hurt in the fire,\" according to a local police official.",
  }));
  ASSERT_EQ(qs.size(), 2u) << dump(qs);
  EXPECT_EQ(qs[0].speaker, "Maria Lopez");
  EXPECT_EQ(qs[1].speaker, "a local police official");
  EXPECT_EQ(qs[1].speaker_kind, SpeakerKind::kAnonymous);
}

TEST(Quotes, AnonymousSourcesStayAnonymous) {
  const auto qs = extract_quotes(article_of({
      "The deal is close, one European diplomat said.",
      "\"We are not there yet,\" another European diplomat said.",
      "Asked about the timing, this official said, \"Within weeks, not months.\"",
      "\"The text is final,\" the Foreign Ministry said in a statement.",
  }));
  ASSERT_EQ(qs.size(), 3u) << dump(qs);
  EXPECT_EQ(qs[0].speaker, "a European diplomat");
  EXPECT_EQ(qs[0].speaker_kind, SpeakerKind::kAnonymous);
  EXPECT_EQ(qs[1].speaker, "a European diplomat");
  EXPECT_EQ(qs[1].speaker_kind, SpeakerKind::kAnonymous);
  EXPECT_EQ(qs[2].speaker, "Foreign Ministry");
  EXPECT_EQ(qs[2].speaker_kind, SpeakerKind::kOrganization);
}

TEST(Quotes, ParticipleAttributesToTheSubject) {
  const auto qs = extract_quotes(article_of({
      "Speaking during a visit to Lisbon on Wednesday, Prime Minister Ana Costa defended the plan, "
      "saying, \xE2\x80\x9C" "Every step has been taken with care.\xE2\x80\x9D",
  }));
  ASSERT_EQ(qs.size(), 1u) << dump(qs);
  EXPECT_EQ(qs[0].speaker, "Ana Costa");
  EXPECT_EQ(qs[0].speaker_role, "Prime Minister");
}

TEST(Quotes, ScareQuotesWithoutSpeakerAreDropped) {
  const auto qs = extract_quotes(article_of({"The plan was called a \xE2\x80\x9Cgame changer\xE2\x80\x9D by many."}));
  EXPECT_TRUE(qs.empty()) << dump(qs);
}

TEST(Quotes, Chinese) {
  const auto qs = extract_quotes(article_of({
      "美国国务卿布林肯周五表示：“乌克兰有权自卫。”",
      "“政策没有改变。”一名美国官员说。",
      "“我们会继续支持乌克兰。”他说。",
  }));
  ASSERT_EQ(qs.size(), 3u) << dump(qs);
  EXPECT_EQ(qs[0].speaker, "布林肯");
  EXPECT_EQ(qs[0].speaker_role, "美国国务卿");
  EXPECT_EQ(qs[0].speaker_kind, SpeakerKind::kPerson);
  EXPECT_EQ(qs[0].text, "乌克兰有权自卫。");
  EXPECT_EQ(qs[1].speaker, "一名美国官员");
  EXPECT_EQ(qs[1].speaker_kind, SpeakerKind::kAnonymous);
  EXPECT_EQ(qs[2].speaker, "布林肯");
}

TEST(Quotes, MergeAcrossArticles) {
  Quote a;
  a.text = "Sharing water is not surrender. Sharing water is a fundamental duty";
  a.speaker = "Miriam Okafor";
  a.speaker_kind = SpeakerKind::kPerson;
  a.sources = {{"x", 3, 0}};
  Quote b;
  b.text = "\"sharing water is not surrender, sharing water is a fundamental duty.\"";
  b.speaker = "he";
  b.speaker_kind = SpeakerKind::kUnknown;
  b.sources = {{"y", 1, 10}};
  Quote c;
  c.text = "Sharing water is not surrender";  // too short an excerpt to be sure
  c.sources = {{"z", 0, 0}};
  Quote d;
  d.text = "Sharing water is not a surrender. Sharing water is a fundamental duty of every region";
  d.sources = {{"w", 0, 0}};
  const auto merged = merge_quotes({a, b, c, d});
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0].speaker, "Miriam Okafor");
  ASSERT_EQ(merged[0].sources.size(), 2u);
  EXPECT_EQ(merged[0].sources[1].article_id, "y");
  EXPECT_EQ(normalize_quote_text("“We’ve  never—told them”"), "weve never told them");
}

TEST(Quotes, SeedsHaveTheExpectedSpeakers) {
  using namespace storyline::analysis::testing;
  const nlohmann::json all = seed_expectations();
  if (all.is_null()) GTEST_SKIP() << "SKIPPED: no seeds at " << shared_dir() << " (set STORYLINE_SHARED)";
  std::vector<Quote> everything;
  int checked = 0;
  for (const auto& [name, want] : all["articles"].items()) {
    if (!want.contains("quotes")) continue;
    const auto article = seed_article(name);
    ASSERT_TRUE(article) << name;
    const auto qs = extract_quotes(*article, name);
    everything.insert(everything.end(), qs.begin(), qs.end());
    for (const auto& q : want["quotes"]) {
      const std::string prefix = q["starts_with"];
      const Quote* got = starting(qs, prefix);
      ASSERT_NE(got, nullptr) << name << ": no quote starting " << prefix << "\n" << dump(qs);
      EXPECT_EQ(got->speaker, q["speaker"].get<std::string>()) << name << ": " << prefix << "\n" << dump(qs);
      EXPECT_EQ(got->speaker_kind, SpeakerKind::kPerson);
      ++checked;
    }
  }
  EXPECT_GE(checked, 7);
  // The seeds' quotes are each reported once: merging keeps them all apart.
  const auto merged = merge_quotes(everything);
  EXPECT_EQ(merged.size(), everything.size());
  // The same article read twice (a mirror) gives one quote per text, two sources each.
  const auto article = seed_article("000_bb892abb039ec395.txt");
  ASSERT_TRUE(article);
  auto twice = extract_quotes(*article, "original");
  const auto mirror = extract_quotes(*article, "mirror");
  twice.insert(twice.end(), mirror.begin(), mirror.end());
  const auto one = merge_quotes(twice);
  EXPECT_EQ(one.size(), mirror.size());
  for (const Quote& q : one) EXPECT_EQ(q.sources.size(), 2u) << q.text;
}

}  // namespace
}  // namespace storyline
