#include "render/digest_common.h"

namespace storyline::render {

std::string date_range(const std::string& first, const std::string& last) {
  if (first.empty()) return last;
  if (last.empty() || last == first) return first;
  return first + " – " + last;
}

std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (rest.starts_with("www.")) rest.remove_prefix(4);
  return std::string(rest);
}

std::string source_label(const DigestArticle& a) {
  if (!a.outlet.empty()) return a.outlet;
  if (std::string host = host_of(a.url); !host.empty()) return host;
  const std::string& name = a.title.empty() ? a.lead : a.title;
  if (name.size() > 40) {
    // Cut on a character boundary: half a UTF-8 sequence would make the page invalid.
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    return name.substr(0, cut) + "…";
  }
  if (!name.empty()) return name;
  return a.id;
}

std::string list_title(const DigestArticle& a) {
  if (!a.title.empty()) return a.title;
  if (!a.lead.empty()) return "“" + a.lead + "”";
  return source_label(a);
}

ArticleIndex articles_by_id(const DigestStory& story) {
  ArticleIndex by_id;
  for (const DigestEvent& e : story.events)
    for (const DigestArticle& a : e.articles) by_id.emplace(a.id, &a);
  return by_id;
}

std::size_t article_count(const DigestStory& story) {
  std::size_t n = 0;
  for (const DigestEvent& e : story.events) n += e.articles.size();
  return n;
}

std::vector<std::pair<std::string, const DigestArticle*>> distinct_sources(const std::vector<std::string>& ids,
                                                                            const ArticleIndex& by_id) {
  std::vector<std::pair<std::string, const DigestArticle*>> out;
  for (const std::string& id : ids) {
    const auto it = by_id.find(id);
    const DigestArticle* a = it == by_id.end() ? nullptr : it->second;
    std::string label = a ? source_label(*a) : id;
    bool seen = false;
    for (const auto& [l, _] : out) seen = seen || l == label;
    if (!seen) out.emplace_back(std::move(label), a);
  }
  return out;
}

std::string copy_phrase(const std::string& relation) {
  if (relation == "mirror") return "mirror of";
  if (relation == "syndicated") return "syndicated copy of";
  if (relation == "identical") return "identical copy of";
  if (relation == "update") return "updated version of";
  return "copy of";
}

std::string update_size_phrase(const DigestArticle& a) {
  if (a.copy_relation != "update" || a.copy_words_added < 0 || a.copy_words_removed < 0) return "";
  if (a.copy_words_added == 0 && a.copy_words_removed == 0) return ", same words";
  auto words = [](long n) { return std::to_string(n) + (n == 1 ? " word" : " words"); };
  return ", " + words(a.copy_words_added) + " added, " + std::to_string(a.copy_words_removed) + " removed";
}

std::vector<SpeakerQuotes> quotes_by_speaker(const DigestStory& story) {
  std::vector<SpeakerQuotes> groups;
  std::map<std::string, std::size_t> group_of;
  for (const DigestQuote& q : story.quotes) {
    const auto [it, added] = group_of.emplace(q.speaker, groups.size());
    if (added) groups.push_back({q.speaker, "", {}});
    SpeakerQuotes& g = groups[it->second];
    g.quotes.push_back(&q);
    if (g.role.empty()) g.role = q.speaker_role;
  }
  return groups;
}

std::string join_sentences(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) {
    if (s.empty()) continue;
    const bool cjk_join = !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80 &&
                          static_cast<unsigned char>(s.front()) >= 0x80;
    if (!out.empty() && !cjk_join) out += ' ';
    out += s;
  }
  return out;
}

}  // namespace storyline::render
