#include "storyline/entities.h"

#include <gtest/gtest.h>

#include "analysis/test_seeds.h"

namespace storyline {
namespace {

Article article_of(std::vector<std::string> paragraphs) {
  Article a;
  for (auto& p : paragraphs) a.blocks.push_back({BlockType::kParagraph, std::move(p)});
  return a;
}

const Entity* with_form(const std::vector<Entity>& es, std::string_view form) {
  for (const Entity& e : es) {
    if (entity_has_form(e, form)) return &e;
  }
  return nullptr;
}

std::string dump(const std::vector<Entity>& es) {
  std::string s;
  for (const Entity& e : es) {
    s += "  " + std::string(entity_kind_name(e.kind)) + " " + e.name + " x" + std::to_string(e.mentions) + " aliases:";
    for (const auto& a : e.aliases) s += " [" + a + "]";
    s += " roles:";
    for (const auto& r : e.roles) s += " [" + r + "]";
    s += "\n";
  }
  return s;
}

std::shared_ptr<const ChineseDictionary> dictionary() {
  static auto dict = [] {
    auto r = ChineseDictionary::load(default_cedict_path());
    return r.ok() ? *r : nullptr;
  }();
  return dict;
}

TEST(Entities, PeopleTitlesOrganisationsPlacesThings) {
  const auto es = extract_entities(article_of({
      "Secretary of State Antony Blinken met NATO Secretary General Jens Stoltenberg in Prague.",
      "Blinken said the Ministry of Defense would send the Army Tactical Missile System (ATACMS) "
      "and Storm Shadow missiles to the Kharkiv region.",
      "Stoltenberg told NATO allies and the Security Council that the ATACMS would arrive soon.",
  }), "a1");
  const Entity* blinken = with_form(es, "Antony Blinken");
  ASSERT_NE(blinken, nullptr) << dump(es);
  EXPECT_EQ(blinken->name, "Antony Blinken");
  EXPECT_EQ(blinken->kind, EntityKind::kPerson);
  EXPECT_EQ(blinken->mentions, 2);
  EXPECT_EQ(blinken->roles, std::vector<std::string>{"Secretary of State"});
  EXPECT_EQ(blinken->article_ids, std::vector<std::string>{"a1"});
  const Entity* stoltenberg = with_form(es, "Stoltenberg");
  ASSERT_NE(stoltenberg, nullptr) << dump(es);
  EXPECT_EQ(stoltenberg->name, "Jens Stoltenberg");
  EXPECT_EQ(stoltenberg->roles, std::vector<std::string>{"NATO Secretary General"});
  const Entity* atacms = with_form(es, "ATACMS");
  ASSERT_NE(atacms, nullptr) << dump(es);
  EXPECT_EQ(atacms->name, "Army Tactical Missile System");
  EXPECT_EQ(atacms->kind, EntityKind::kThing);
  EXPECT_EQ(atacms->mentions, 3);
  auto kind_of = [&](std::string_view form) {
    const Entity* e = with_form(es, form);
    return e ? std::string(entity_kind_name(e->kind)) : std::string("missing");
  };
  EXPECT_EQ(kind_of("Ministry of Defense"), "organization") << dump(es);
  EXPECT_EQ(kind_of("Security Council"), "organization");
  EXPECT_EQ(kind_of("NATO"), "organization");
  EXPECT_EQ(kind_of("Prague"), "place");
  EXPECT_EQ(kind_of("Kharkiv"), "place");
  EXPECT_EQ(kind_of("Storm Shadow"), "thing");
  // Titles are no entities of their own, and role words are no names.
  EXPECT_EQ(with_form(es, "Secretary of State"), nullptr) << dump(es);
}

TEST(Entities, MergeAliasesAcrossArticles) {
  auto a = extract_entities(article_of({"President Biden spoke with Ukrainian President Volodymyr Zelensky.",
                                        "The ATACMs were not part of it, Biden said."}), "a");
  auto b = extract_entities(article_of({"U.S. President Joe Biden met Volodymyr Zelenskyy and Olena Zelenska.",
                                        "Zelenskyy asked for the Army Tactical Missile System, known as ATACMS."}), "b");
  std::vector<Entity> all = a;
  all.insert(all.end(), b.begin(), b.end());
  const auto merged = merge_entities(all);
  const Entity* biden = with_form(merged, "Joe Biden");
  ASSERT_NE(biden, nullptr) << dump(merged);
  EXPECT_TRUE(entity_has_form(*biden, "Biden"));
  EXPECT_TRUE(entity_has_form(*biden, "President Biden"));
  EXPECT_EQ(biden->article_ids, (std::vector<std::string>{"a", "b"}));
  const Entity* zelensky = with_form(merged, "Volodymyr Zelensky");
  ASSERT_NE(zelensky, nullptr) << dump(merged);
  EXPECT_TRUE(entity_has_form(*zelensky, "Zelenskyy"));
  EXPECT_TRUE(entity_has_form(*zelensky, "Volodymyr Zelenskyy"));
  EXPECT_FALSE(entity_has_form(*zelensky, "Olena Zelenska")) << dump(merged);
  const Entity* atacms = with_form(merged, "ATACMS");
  ASSERT_NE(atacms, nullptr) << dump(merged);
  EXPECT_EQ(atacms->name, "Army Tactical Missile System");
  EXPECT_TRUE(entity_has_form(*atacms, "ATACMs"));
}

TEST(Entities, ChineseNamesThroughTheDictionary) {
  const auto dict = dictionary();
  if (!dict) GTEST_SKIP() << "SKIPPED: no CC-CEDICT at " << default_cedict_path() << " (set STORYLINE_CEDICT)";
  const auto zh = extract_entities(article_of({"摘要： 乔·拜登批准乌克兰使用美国武器。"}), "zh", dict.get());
  ASSERT_NE(with_form(zh, "乔·拜登"), nullptr) << dump(zh);
  auto all = extract_entities(article_of({"U.S. President Joe Biden approved the strikes."}), "en");
  all.insert(all.end(), zh.begin(), zh.end());
  const auto merged = merge_entities(all, dict.get());
  const Entity* biden = with_form(merged, "乔·拜登");
  ASSERT_NE(biden, nullptr) << dump(merged);
  EXPECT_EQ(biden->name, "Joe Biden");
  EXPECT_EQ(biden->article_ids.size(), 2u);
  // Without the dictionary the names stay apart rather than guess.
  const auto apart = merge_entities(all, nullptr);
  EXPECT_NE(with_form(apart, "乔·拜登"), with_form(apart, "Joe Biden"));
}

TEST(Entities, SeedsSameEntity) {
  using namespace storyline::analysis::testing;
  const nlohmann::json all = seed_expectations();
  if (all.is_null()) GTEST_SKIP() << "SKIPPED: no seeds at " << shared_dir() << " (set STORYLINE_SHARED)";
  const auto dict = dictionary();
  if (!dict) GTEST_SKIP() << "SKIPPED: no CC-CEDICT at " << default_cedict_path() << " (set STORYLINE_CEDICT)";
  std::vector<Entity> entities;
  for (const auto& [name, article] : seed_articles()) {
    const auto es = extract_entities(article, name, dict.get());
    entities.insert(entities.end(), es.begin(), es.end());
  }
  ASSERT_FALSE(entities.empty());
  const auto merged = merge_entities(entities, dict.get());
  for (const auto& group : all["same_entity"]) {
    const Entity* first = nullptr;
    for (const auto& form : group) {
      const Entity* e = with_form(merged, form.get<std::string>());
      ASSERT_NE(e, nullptr) << form << " not found\n" << dump(merged);
      if (!first) first = e;
      EXPECT_EQ(e, first) << form << " is apart from " << first->name << "\n" << dump(merged);
    }
  }
  // Titles stay apart from names.
  const Entity* blinken = with_form(merged, "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_EQ(blinken->kind, EntityKind::kPerson);
  EXPECT_NE(std::find(blinken->roles.begin(), blinken->roles.end(), "Secretary of State"), blinken->roles.end());
}

}  // namespace
}  // namespace storyline
