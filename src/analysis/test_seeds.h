// The seed pages for the analysis tests: read from $STORYLINE_SHARED/seeds at run time
// (never copied into the repository) and extracted as the pipeline does. Test-only.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "storyline/extract.h"
#include "storyline/inputs.h"

namespace storyline::analysis::testing {

inline std::filesystem::path shared_dir() {
  const char* env = std::getenv("STORYLINE_SHARED");
  return env && *env ? std::filesystem::path(env) : std::filesystem::path("../shared");
}

// expected.json, or a null json when the seeds are absent.
inline nlohmann::json seed_expectations() {
  std::ifstream in(shared_dir() / "seeds" / "expected.json");
  if (!in) return nlohmann::json();
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  return j.is_discarded() ? nlohmann::json() : j;
}

inline std::optional<Article> seed_article(const std::string& name) {
  Result<Document> doc = read_document((shared_dir() / "seeds" / name).string());
  if (!doc.ok()) return std::nullopt;
  Result<Article> a = extract_article(*doc);
  if (!a.ok()) return std::nullopt;
  return std::move(a).value();
}

// Every seed article named in expected.json, by file name.
inline std::map<std::string, Article> seed_articles() {
  std::map<std::string, Article> out;
  const nlohmann::json all = seed_expectations();
  if (all.is_null() || !all.contains("articles")) return out;
  for (const auto& [name, v] : all["articles"].items()) {
    if (auto a = seed_article(name)) out.emplace(name, std::move(*a));
  }
  return out;
}

}  // namespace storyline::analysis::testing
