#include "storyline/entities.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "analysis/mentions.h"
#include "text/utf8.h"

namespace storyline {
namespace {

using analysis::Mention;
using analysis::MentionKind;
using analysis::lower;

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

int word_total(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1; }

bool is_latin(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }) ||
         text::cjk_share(s) == 0;
}

// The middle dots that join the parts of a transliterated name: · • ・ ‧
const std::string_view kDots[] = {"\xC2\xB7", "\xE2\x80\xA2", "\xE3\x83\xBB", "\xE2\x80\xA7"};

std::size_t dot_at(std::string_view s, std::size_t i) {
  for (std::string_view d : kDots) {
    if (s.substr(i).starts_with(d)) return d.size();
  }
  return 0;
}

bool han_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  return i < s.size() && text::is_cjk(text::next_code_point(s, j));
}

// Han characters before byte i (up to max), as a byte offset.
std::size_t han_back(std::string_view s, std::size_t i, int max) {
  std::size_t b = i;
  for (int n = 0; n < max && b > 0; ++n) {
    std::size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    if (!han_at(s, p)) break;
    b = p;
  }
  return b;
}

std::size_t han_forward(std::string_view s, std::size_t i, int max) {
  std::size_t e = i;
  for (int n = 0; n < max && han_at(s, e); ++n) text::next_code_point(s, e);
  return e;
}

// "乔·拜登", "弗拉基米尔·普京": Han parts joined by middle dots. With the dictionary the
// first part is the last word before the first dot and the last part the first word
// after the last dot (running text goes on without a space: "乔·拜登批准…").
std::vector<std::string> chinese_names(std::string_view s, const ChineseDictionary* dict) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t d = dot_at(s, i);
    if (!d || i == 0 || !han_at(s, i + d)) {
      ++i;
      continue;
    }
    const std::size_t before = han_back(s, i, 8);
    if (before == i) {
      i += d;
      continue;
    }
    // Further parts: Han runs joined by more dots.
    std::size_t last_begin = i + d;
    std::size_t e = han_forward(s, last_begin, 8);
    while (dot_at(s, e) && han_at(s, e + dot_at(s, e))) {
      last_begin = e + dot_at(s, e);
      e = han_forward(s, last_begin, 8);
    }
    std::string_view first = s.substr(before, i - before);
    std::string_view last = s.substr(last_begin, e - last_begin);
    if (dict) {
      const auto fw = dict->segment(first);
      if (!fw.empty()) first = fw.back();
      const auto lw = dict->segment(last);
      if (!lw.empty()) last = lw.front();
      // A one-character piece is the dictionary not knowing the name: keep a pair.
      if (text::code_points(last) == 1) last = s.substr(last_begin, han_forward(s, last_begin, 2) - last_begin);
    } else {
      first = s.substr(han_back(s, i, 3), i - han_back(s, i, 3));
      last = s.substr(last_begin, han_forward(s, last_begin, 3) - last_begin);
    }
    const std::size_t first_begin = static_cast<std::size_t>(first.data() - s.data());
    const std::size_t last_end = static_cast<std::size_t>(last.data() - s.data()) + last.size();
    out.push_back(std::string(s.substr(first_begin, last_end - first_begin)));
    i = last_end;
  }
  return out;
}

// The last part of a Chinese transliterated name: "乔·拜登" -> "拜登".
std::string_view chinese_surname(std::string_view name) {
  std::size_t cut = std::string_view::npos, len = 0;
  for (std::string_view d : kDots) {
    const std::size_t p = name.rfind(d);
    if (p != std::string_view::npos && (cut == std::string_view::npos || p > cut)) cut = p, len = d.size();
  }
  return cut == std::string_view::npos ? name : name.substr(cut + len);
}

EntityKind to_kind(MentionKind k) {
  switch (k) {
    case MentionKind::kOrganization: return EntityKind::kOrganization;
    case MentionKind::kPlace: return EntityKind::kPlace;
    case MentionKind::kThing: return EntityKind::kThing;
    default: return EntityKind::kPerson;
  }
}

struct Tally {
  std::string name;
  std::map<EntityKind, int> kinds;
  int mentions = 0;
  std::vector<std::string> aliases, roles;
};

bool by_mentions(const Entity& a, const Entity& b) {
  if (a.mentions != b.mentions) return a.mentions > b.mentions;
  return a.name < b.name;
}

bool same_surname(const std::string& a, const std::string& b) {
  return a == b || (a.size() >= 5 && b.size() >= 5 && analysis::edit_distance(a, b, 1) <= 1);
}

}  // namespace

std::string_view entity_kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kPlace: return "place";
    default: return "thing";
  }
}

std::vector<Entity> extract_entities(const Article& article, std::string_view article_id,
                                     const ChineseDictionary* dict) {
  const std::string id = article_id.empty() ? article.id() : std::string(article_id);
  std::vector<std::string> texts;
  if (!article.title.empty()) texts.push_back(article.title);
  if (!article.description.empty()) texts.push_back(article.description);
  for (const Block& b : article.blocks) texts.push_back(b.text);

  // Pass 1: full names of people; pass 2 reads lone surnames against them.
  std::vector<std::string> people;
  std::vector<std::vector<analysis::Word>> words(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    words[t] = analysis::split_words(texts[t]);
    for (const Mention& m : analysis::find_mentions(texts[t], words[t], {})) {
      if (m.kind == MentionKind::kPerson && m.name.find(' ') != std::string::npos) add_unique(people, m.name);
    }
  }
  auto person_key = [&](const std::string& name) {
    if (name.find(' ') != std::string::npos) return name;
    const std::string sn = lower(name);
    std::string found;
    int matches = 0;
    for (const std::string& p : people) {
      if (same_surname(analysis::surname_of(p), sn)) found = p, ++matches;
    }
    return matches == 1 ? found : name;
  };

  std::map<std::string, Tally> tallies;  // by lower-cased key
  std::vector<std::string> order;
  auto tally = [&](const std::string& key_name, const std::string& written, MentionKind kind,
                   const std::string& role) -> Tally& {
    const std::string key = lower(key_name);
    auto [it, fresh] = tallies.try_emplace(key);
    Tally& t = it->second;
    if (fresh) {
      t.name = key_name;
      order.push_back(key);
    }
    ++t.mentions;
    if (kind != MentionKind::kUnknown) ++t.kinds[to_kind(kind)];
    if (written != t.name) add_unique(t.aliases, written);
    add_unique(t.roles, role);
    return t;
  };
  std::map<std::string, std::string> expansion_of;  // acronym key -> expansion
  for (std::size_t t = 0; t < texts.size(); ++t) {
    for (const Mention& m : analysis::find_mentions(texts[t], words[t], people)) {
      if (m.kind == MentionKind::kPerson) {
        tally(person_key(m.name), m.name, m.kind, m.role);
      } else {
        tally(m.name, m.name, m.kind, "");
        if (!m.expansion.empty()) expansion_of[lower(m.name)] = m.expansion;
      }
    }
    for (const std::string& zh : chinese_names(texts[t], dict)) tally(zh, zh, MentionKind::kPerson, "");
  }
  // An acronym and its expansion are one thing, named by the longer form.
  for (const auto& [acr, exp] : expansion_of) {
    auto a = tallies.find(acr);
    if (a == tallies.end()) continue;
    Tally& e = tally(exp, exp, MentionKind::kUnknown, "");
    --e.mentions;  // tally() counted a mention that was the acronym's
    e.mentions += a->second.mentions;
    for (const auto& [k, n] : a->second.kinds) e.kinds[k] += n;
    add_unique(e.aliases, a->second.name);
    for (const std::string& al : a->second.aliases) add_unique(e.aliases, al);
    tallies.erase(a);
  }

  std::vector<Entity> out;
  for (const std::string& key : order) {
    auto it = tallies.find(key);
    if (it == tallies.end() || it->second.kinds.empty()) continue;  // never told what it is
    Tally& t = it->second;
    Entity e;
    e.name = t.name;
    e.kind = std::max_element(t.kinds.begin(), t.kinds.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    e.mentions = t.mentions;
    e.aliases = t.aliases;
    e.roles = t.roles;
    // A person's surname is how the text goes on to name them.
    if (e.kind == EntityKind::kPerson && e.name.find(' ') != std::string::npos && is_latin(e.name)) {
      const std::string sn = e.name.substr(e.name.rfind(' ') + 1);
      add_unique(e.aliases, sn);
    }
    e.article_ids.push_back(id);
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), by_mentions);
  return out;
}

std::vector<Entity> merge_entities(const std::vector<Entity>& in, const ChineseDictionary* dict) {
  const std::size_t n = in.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](std::size_t a, std::size_t b) { parent[find(a)] = find(b); };

  auto forms = [](const Entity& e) {
    std::vector<std::string> f{lower(e.name)};
    for (const std::string& a : e.aliases) f.push_back(lower(a));
    return f;
  };
  auto is_full = [](const Entity& e) { return e.name.find(' ') != std::string::npos && is_latin(e.name); };

  // 1. Same written form (case folded): "ATACMS"/"ATACMs", an acronym and an expansion
  //    written beside it elsewhere, the same full name. A lone surname is left to step 3,
  //    which checks that it points to one person only.
  std::unordered_map<std::string, std::size_t> first_with;
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& f : forms(in[i])) {
      if (in[i].kind == EntityKind::kPerson && f.find(' ') == std::string::npos) continue;
      auto [it, fresh] = first_with.try_emplace(f, i);
      if (!fresh && (in[it->second].kind == EntityKind::kPerson) == (in[i].kind == EntityKind::kPerson))
        unite(i, it->second);
    }
  }
  // 2. Full names of people: the same first name, surnames a letter apart.
  for (std::size_t i = 0; i < n; ++i) {
    if (in[i].kind != EntityKind::kPerson || !is_full(in[i])) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (in[j].kind != EntityKind::kPerson || !is_full(in[j])) continue;
      const std::string a = lower(in[i].name), b = lower(in[j].name);
      if (a.substr(0, a.find(' ')) == b.substr(0, b.find(' ')) &&
          same_surname(analysis::surname_of(a), analysis::surname_of(b)))
        unite(i, j);
    }
  }
  // 3. A lone surname (English, or a Chinese name through the dictionary) joins the one
  //    person group whose full names end with it; with two candidates it stays apart.
  for (std::size_t i = 0; i < n; ++i) {
    if (in[i].kind != EntityKind::kPerson || is_full(in[i])) continue;
    std::vector<std::string> keys;
    if (is_latin(in[i].name)) {
      keys.push_back(lower(in[i].name));
    } else if (dict) {
      for (const std::string& t : dict->english_terms(chinese_surname(in[i].name))) keys.push_back(lower(t));
    }
    std::size_t group = n;
    bool ambiguous = false;
    for (std::size_t j = 0; j < n && !ambiguous; ++j) {
      if (in[j].kind != EntityKind::kPerson || !is_full(in[j])) continue;
      const std::string sn = analysis::surname_of(in[j].name);
      const bool hit = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return same_surname(sn, k); });
      if (!hit) continue;
      if (group == n) group = find(j);
      else if (find(j) != group) ambiguous = true;
    }
    if (group != n && !ambiguous) unite(i, group);
  }

  // Collect the groups.
  std::map<std::size_t, std::vector<std::size_t>> groups;
  std::vector<std::size_t> group_order;
  for (std::size_t i = 0; i < n; ++i) {
    auto [it, fresh] = groups.try_emplace(find(i));
    if (fresh) group_order.push_back(find(i));
    it->second.push_back(i);
  }
  std::vector<Entity> out;
  for (std::size_t root : group_order) {
    const auto& members = groups[root];
    // Canonical name: a Latin-script full form over others, most words, then most
    // mentioned, then longest.
    std::size_t best = members[0];
    auto rank = [&](std::size_t i) {
      return std::make_tuple(is_latin(in[i].name), word_total(in[i].name), in[i].mentions, in[i].name.size());
    };
    for (std::size_t i : members) {
      if (rank(i) > rank(best)) best = i;
    }
    Entity e;
    e.name = in[best].name;
    std::map<EntityKind, int> kinds;
    for (std::size_t i : members) {
      kinds[in[i].kind] += std::max(1, in[i].mentions);
      e.mentions += in[i].mentions;
      if (in[i].name != e.name) add_unique(e.aliases, in[i].name);
      for (const std::string& a : in[i].aliases) {
        if (a != e.name) add_unique(e.aliases, a);
      }
      for (const std::string& r : in[i].roles) add_unique(e.roles, r);
      for (const std::string& id : in[i].article_ids) add_unique(e.article_ids, id);
    }
    e.kind = std::max_element(kinds.begin(), kinds.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), by_mentions);
  return out;
}

bool entity_has_form(const Entity& e, std::string_view form) {
  const std::string f = lower(form);
  auto named = [&](std::string_view s) {
    if (lower(e.name) == s) return true;
    return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const std::string& a) { return lower(a) == s; });
  };
  if (named(f)) return true;
  for (const std::string& r : e.roles) {
    const std::string lr = lower(r);
    // "President Biden": the role's last word(s) before a name of it.
    for (std::size_t cut = 0; cut != std::string::npos; cut = lr.find(' ', cut + 1)) {
      const std::string tail = cut == 0 ? lr : lr.substr(cut + 1);
      if (f.starts_with(tail + " ") && named(std::string_view(f).substr(tail.size() + 1))) return true;
      if (cut == std::string::npos) break;
    }
  }
  return false;
}

}  // namespace storyline
