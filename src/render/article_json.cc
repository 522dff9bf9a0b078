#include <nlohmann/json.hpp>

#include <cmath>

#include "storyline/render.h"

namespace storyline {
namespace {

using ojson = nlohmann::ordered_json;

ojson string_or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

}  // namespace

std::string article_to_json(const Article& a) {
  const std::string body = a.text();
  ojson j;
  j["source"] = a.source;
  j["id"] = content_id(body);
  j["url"] = string_or_null(a.url);
  j["outlet"] = string_or_null(a.outlet);
  j["title"] = string_or_null(a.title);
  j["description"] = string_or_null(a.description);
  j["authors"] = a.authors;
  j["contributors"] = a.contributors;
  j["published"] = string_or_null(a.published);
  j["updated"] = string_or_null(a.updated);
  j["page_date"] = string_or_null(a.page_date);
  j["date_source"] = string_or_null(a.date_source);
  j["date_relative"] = a.date_relative;
  j["dateline"] = string_or_null(a.dateline);
  j["languages"] = a.languages;
  j["kind"] = a.kind;
  j["text"] = body;
  j["tags"] = a.tags;
  j["captions"] = a.captions;
  j["warnings"] = a.warnings;
  j["confidence"] = std::round(a.confidence * 100) / 100;
  // Replace, never throw, on text that is not UTF-8 (extraction guarantees UTF-8 anyway).
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace storyline

namespace storyline {

Result<Article> article_from_json(std::string_view text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Error("not a JSON object");
  Article a;
  auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
  auto list = [&](const char* k) {
    std::vector<std::string> v;
    if (j.contains(k) && j[k].is_array())
      for (const auto& x : j[k])
        if (x.is_string()) v.push_back(x.get<std::string>());
    return v;
  };
  a.source = str("source");
  a.url = str("url");
  a.outlet = str("outlet");
  a.title = str("title");
  a.description = str("description");
  a.authors = list("authors");
  a.contributors = list("contributors");
  a.published = str("published");
  a.updated = str("updated");
  a.page_date = str("page_date");
  a.date_source = str("date_source");
  a.date_relative = j.contains("date_relative") && j["date_relative"].is_boolean() && j["date_relative"].get<bool>();
  a.dateline = str("dateline");
  a.languages = list("languages");
  a.kind = str("kind");
  a.tags = list("tags");
  a.captions = list("captions");
  a.warnings = list("warnings");
  if (j.contains("confidence") && j["confidence"].is_number()) a.confidence = j["confidence"].get<double>();
  const std::string body = str("text");
  std::size_t start = 0;
  while (start < body.size()) {
    const std::size_t end = body.find("\n\n", start);
    a.blocks.push_back({BlockType::kParagraph, body.substr(start, end == std::string::npos ? std::string::npos : end - start)});
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return a;
}

}  // namespace storyline
