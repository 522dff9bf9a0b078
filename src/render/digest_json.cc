// digest.json: the Digest as data. Key names are the struct fields, in declaration order,
// and every field is written even when empty, so that readers need no defaults.
#include <nlohmann/json.hpp>

#include "storyline/digest.h"

namespace storyline {
namespace {

using ojson = nlohmann::ordered_json;

ojson to_json(const DigestArticle& a) {
  ojson j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["lead"] = a.lead;
  j["outlet"] = a.outlet;
  j["url"] = a.url;
  j["source"] = a.source;
  j["date"] = a.date;
  j["date_source"] = a.date_source;
  j["date_suspect"] = a.date_suspect;
  j["authors"] = a.authors;
  j["languages"] = a.languages;
  j["kind"] = a.kind;
  j["copy_of"] = a.copy_of;
  j["copy_relation"] = a.copy_relation;
  if (!a.copy_of.empty() && a.copy_words_added >= 0) {
    j["copy_words_added"] = a.copy_words_added;
    j["copy_words_removed"] = a.copy_words_removed;
  }
  return j;
}

ojson to_json(const DigestQuote& q) {
  ojson j;
  j["text"] = q.text;
  j["speaker"] = q.speaker;
  j["speaker_role"] = q.speaker_role;
  j["speaker_kind"] = q.speaker_kind;
  j["article_ids"] = q.article_ids;
  return j;
}

ojson to_json(const DigestEntity& e) {
  ojson j;
  j["name"] = e.name;
  j["kind"] = e.kind;
  j["aliases"] = e.aliases;
  j["roles"] = e.roles;
  j["mentions"] = e.mentions;
  j["article_ids"] = e.article_ids;
  return j;
}

ojson to_json(const DigestTimelineEntry& t) {
  ojson j;
  j["date"] = t.date;
  j["text"] = t.text;
  j["note"] = t.note;
  j["article_ids"] = t.article_ids;
  return j;
}

ojson to_json(const DigestEvent& e) {
  ojson j;
  j["id"] = e.id;
  j["title"] = e.title;
  j["first_date"] = e.first_date;
  j["last_date"] = e.last_date;
  j["summary"] = e.summary;
  j["articles"] = ojson::array();
  for (const DigestArticle& a : e.articles) j["articles"].push_back(to_json(a));
  return j;
}

ojson to_json(const std::vector<DigestQuestion>& qs) {
  ojson arr = ojson::array();
  for (const DigestQuestion& q : qs) arr.push_back(ojson{{"question", q.question}, {"answer", q.answer}});
  return arr;
}

ojson to_json(const DigestModelParts& m) {
  ojson j;
  j["summary"] = m.summary;
  j["questions"] = to_json(m.questions);
  j["translation_language"] = m.translation_language;
  j["translated_title"] = m.translated_title;
  j["translated_summary"] = m.translated_summary;
  j["translated_questions"] = to_json(m.translated_questions);
  j["problems"] = m.problems;
  return j;
}

ojson to_json(const DigestStory& s);

// Found by ordinary lookup at the definition, so every to_json it needs is declared above.
template <typename T>
ojson array_of(const std::vector<T>& items) {
  ojson arr = ojson::array();
  for (const T& x : items) arr.push_back(to_json(x));
  return arr;
}

ojson to_json(const DigestStory& s) {
  ojson j;
  j["id"] = s.id;
  j["slug"] = s.slug;
  j["title"] = s.title;
  j["description"] = s.description;
  j["first_date"] = s.first_date;
  j["last_date"] = s.last_date;
  j["languages"] = s.languages;
  j["tags"] = s.tags;
  j["summary"] = s.summary;
  j["events"] = array_of(s.events);
  j["timeline"] = array_of(s.timeline);
  j["quotes"] = array_of(s.quotes);
  j["entities"] = array_of(s.entities);
  j["model"] = to_json(s.model);
  j["needs_model"] = s.needs_model;
  return j;
}

}  // namespace

std::string digest_json(const Digest& digest) {
  ojson j;
  j["generated_at"] = digest.generated_at;
  j["title"] = digest.title;
  j["stories"] = array_of(digest.stories);
  j["articles"] = digest.articles;
  // Text that is not UTF-8 is replaced, never thrown on: the API promises no exceptions.
  return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace storyline
