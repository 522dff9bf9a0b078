// The five seed pages: every expectation in $STORYLINE_SHARED/seeds/expected.json outside
// "stretch" (and outside what later stages own: quotes, events, timeline) must hold.
// The seed text is read from ../shared at run time, never copied here.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "storyline/extract.h"
#include "storyline/inputs.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path shared_dir() {
  const char* env = std::getenv("STORYLINE_SHARED");
  return env && *env ? fs::path(env) : fs::path("../shared");
}

json expected() {
  std::ifstream in(shared_dir() / "seeds" / "expected.json");
  if (!in) return json();
  return json::parse(in, nullptr, false);
}

// Compares an optional string field: JSON null means the page does not say it.
void expect_string(const json& want, const std::string& got, const std::string& what) {
  if (want.is_null()) EXPECT_EQ(got, "") << what << " should be absent";
  else EXPECT_EQ(got, want.get<std::string>()) << what;
}

void expect_list(const json& want, const std::vector<std::string>& got, const std::string& what) {
  EXPECT_EQ(got, want.get<std::vector<std::string>>()) << what;
}

class SeedTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SeedTest, ExtractionMatchesExpectations) {
  const json all = expected();
  if (all.is_null() || all.is_discarded()) GTEST_SKIP() << "SKIPPED: no seeds at " << shared_dir() << " (set STORYLINE_SHARED)";
  const std::string name = GetParam();
  ASSERT_TRUE(all["articles"].contains(name)) << name;
  const json& want = all["articles"][name];
  Result<Document> doc = read_document((shared_dir() / "seeds" / name).string());
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  Result<Article> got = extract_article(*doc);
  ASSERT_TRUE(got.ok()) << got.status().message();
  const Article& a = *got;
  const std::string body = a.text();

  for (const auto& [key, value] : want.items()) {
    SCOPED_TRACE(name + " " + key);
    if (key == "kind") expect_string(value, a.kind, key);
    else if (key == "outlet") expect_string(value, a.outlet, key);
    else if (key == "title") expect_string(value, a.title, key);
    else if (key == "description") expect_string(value, a.description, key);
    else if (key == "published") expect_string(value, a.published, key);
    else if (key == "updated") expect_string(value, a.updated, key);
    else if (key == "page_date") expect_string(value, a.page_date, key);
    else if (key == "source_url") expect_string(value, a.url, key);
    else if (key == "dateline") expect_string(value, a.dateline, key);
    else if (key == "languages") expect_list(value, a.languages, key);
    else if (key == "authors") expect_list(value, a.authors, key);
    else if (key == "contributors") expect_list(value, a.contributors, key);
    else if (key == "tags") expect_list(value, a.tags, key);
    else if (key == "captions") expect_list(value, a.captions, key);
    else if (key == "body_starts_with") EXPECT_TRUE(body.starts_with(value.get<std::string>())) << body.substr(0, 200);
    else if (key == "body_ends_with") EXPECT_TRUE(body.ends_with(value.get<std::string>())) << body.substr(body.size() > 200 ? body.size() - 200 : 0);
    else if (key == "body_contains") {
      for (const json& s : value) EXPECT_NE(body.find(s.get<std::string>()), std::string::npos) << s;
    } else if (key == "body_must_not_contain") {
      for (const json& s : value) EXPECT_EQ(body.find(s.get<std::string>()), std::string::npos) << s;
    }
    // quotes, sections and stretch belong to later stages (analysis, digest).
  }
}

std::vector<std::string> seed_names() {
  std::vector<std::string> names;
  const json all = expected();
  if (!all.is_null() && !all.is_discarded() && all.contains("articles"))
    for (const auto& [k, v] : all["articles"].items()) names.push_back(k);
  if (names.empty()) names.push_back("missing");  // one test that reports the skip
  return names;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param.substr(0, 3);
  return s == "mis" ? "missing" : "seed_" + s;
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, ::testing::ValuesIn(seed_names()), test_name);

}  // namespace
}  // namespace storyline
