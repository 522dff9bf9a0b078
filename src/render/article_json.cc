#include <nlohmann/json.hpp>

#include "storyline/render.h"

namespace storyline {
namespace {

using ojson = nlohmann::ordered_json;

ojson string_or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

}  // namespace

std::string article_to_json(const Article& a) {
  ojson j;
  j["source"] = a.source;
  j["id"] = a.id();
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
  j["dateline"] = string_or_null(a.dateline);
  j["languages"] = a.languages;
  j["kind"] = a.kind;
  j["text"] = a.text();
  j["tags"] = a.tags;
  j["captions"] = a.captions;
  j["warnings"] = a.warnings;
  // Replace, never throw, on text that is not UTF-8 (extraction guarantees UTF-8 anyway).
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace storyline
