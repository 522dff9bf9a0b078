// Entities: the people, organisations, places and named things an article mentions, and
// the same entity across the articles of a story under its several names.
//
// Found by rules on the shape of the text (see src/analysis/mentions.h): runs of
// capitalised words, titles before names, acronyms and their expansions, cue words
// ("Ministry", "Council" for organisations; "in X", "X region" for places; "X missiles",
// "X Act" for things). Titles are kept apart from names: "Secretary of State Antony
// Blinken" is person "Antony Blinken" with role "Secretary of State". Chinese
// transliterated names ("乔·拜登") are read at the middle dot.
//
// merge_entities joins aliases: a lone surname and the one full name it belongs to
// ("Biden", "President Biden", "Joe Biden"), spellings a letter apart ("Zelensky",
// "Zelenskyy"), an acronym and its expansion and case variants ("ATACMS", "ATACMs",
// "Army Tactical Missile System"), and Chinese names through the dictionary ("乔·拜登":
// 拜登 -> "biden").
//
// Pure functions over plain data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/cedict.h"

namespace storyline {

enum class EntityKind { kPerson, kOrganization, kPlace, kThing };

// "person", "organization", "place", "thing".
std::string_view entity_kind_name(EntityKind kind);

struct Entity {
  std::string name;                      // canonical: the longest full form
                                         // ("Antony Blinken", "Army Tactical Missile System")
  EntityKind kind = EntityKind::kPerson;
  std::vector<std::string> aliases;      // other forms written, titles stripped ("Blinken",
                                         // "ATACMS", "乔·拜登"); a person's surname is one
  std::vector<std::string> roles;        // "Secretary of State", "U.S. President"
  int mentions = 0;                      // times named, over all its articles
  std::vector<std::string> article_ids;  // the articles that name it, in first-seen order
};

// The entities of one article (title, description and body), most mentioned first.
// `article_id` "" = article.id(). `dict` (may be null) cuts Chinese names out of running
// text; without it a Chinese name is taken as up to three characters each side of the dot.
std::vector<Entity> extract_entities(const Article& article, std::string_view article_id = {},
                                     const ChineseDictionary* dict = nullptr);

// Joins the entities of several articles (their extract_entities results, concatenated)
// that are the same, as described above. `dict` (may be null) links Chinese names to
// English ones. Most mentioned first.
std::vector<Entity> merge_entities(const std::vector<Entity>& entities,
                                   const ChineseDictionary* dict = nullptr);

// True when `form` names the entity: its name or an alias (case-insensitive), or a
// role of it followed by its name or an alias ("President Biden").
bool entity_has_form(const Entity& entity, std::string_view form);

}  // namespace storyline
