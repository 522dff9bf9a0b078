// Markdown renderings of the digest: one page per story (YAML front matter for static-site
// generators, then the readable digest) and an index page linking them.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/digest_common.h"
#include "storyline/digest.h"
#include "text/utf8.h"

namespace storyline {
namespace {

using render::ArticleIndex;
using render::article_count;
using render::articles_by_id;
using render::date_range;
using render::list_title;
using render::source_label;
using text::append_utf8;
using text::next_code_point;

// ---- YAML ------------------------------------------------------------------

// Always a double-quoted scalar: colons, '#', leading dashes, "yes"/"no" and numbers-looking
// titles then need no special cases. Escapes everything YAML does not allow raw in a
// double-quoted string (C0/C1 controls, DEL) and the Unicode line separators, which
// YAML 1.1 readers treat as line breaks.
std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    switch (cp) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
    } else {
      append_utf8(out, cp);
    }
  }
  return out + "\"";
}

bool is_iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

void yaml_field(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out += key;
  out += ": " + yaml_quote(value) + "\n";
}

// Full days stay plain so that blog generators read them as dates, like the seed digest's
// `date:`; anything else (a month, a stray value) is a quoted string.
void yaml_date(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out += key;
  out += ": " + (is_iso_day(value) ? value : yaml_quote(value)) + "\n";
}

void yaml_list(std::string& out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  out += key;
  out += ":\n";
  for (const std::string& v : values) out += "  - " + yaml_quote(v) + "\n";
}

// ---- Markdown --------------------------------------------------------------

// User text on one line: line breaks become spaces (a newline inside a list item or a
// heading would end it) and every character Markdown could read as syntax is
// backslash-escaped — CommonMark allows that escape before any ASCII punctuation, so it
// is never wrong, only sometimes unnecessary.
std::string md_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  bool line_start = true;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
      pending_space = !line_start;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F) continue;  // controls render as nothing useful
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    switch (cp) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '~':
        out += '\\';
        break;
      case '#': case '-': case '+': case '=':
        // Only at the start do these make a heading, a list item or a setext underline.
        if (line_start) out += '\\';
        break;
      case '.': case ')':
        // "2024. A year" at the start would become an ordered list.
        if (!out.empty() && out.back() >= '0' && out.back() <= '9' &&
            out.find_first_not_of("0123456789") == std::string::npos)
          out += '\\';
        break;
      default: break;
    }
    append_utf8(out, cp);
    if (cp != ' ') line_start = false;
  }
  return out;
}

// Destinations go inside <…>, which allows spaces and parentheses; only the angle
// brackets and line breaks must then be percent-encoded.
std::string md_url(std::string_view url) {
  std::string out = "<";
  for (const char c : url) {
    switch (c) {
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      case '\n': out += "%0A"; break;
      case '\r': out += "%0D"; break;
      case ' ': out += "%20"; break;
      default: out += c;
    }
  }
  return out + ">";
}

bool linkable(std::string_view url) { return url.starts_with("http://") || url.starts_with("https://"); }

std::string md_link(std::string_view text, std::string_view url) {
  if (!linkable(url)) return md_text(text);
  return "[" + md_text(text) + "](" + md_url(url) + ")";
}

// Relative links to the story pages: the slug percent-encoded byte by byte, so a slug with
// spaces or CJK characters still makes a valid link.
std::string path_escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// ---- digest pieces ---------------------------------------------------------

// The day of an ISO timestamp: the time of day only clutters a list of sources.
std::string day_of(const std::string& iso) { return is_iso_day(iso.substr(0, 10)) ? iso.substr(0, 10) : iso; }

// "FT, Reuters" as links; one entry per outlet.
std::string source_refs(const std::vector<std::string>& ids, const ArticleIndex& by_id) {
  std::string out;
  for (const auto& [label, a] : render::distinct_sources(ids, by_id)) {
    if (!out.empty()) out += ", ";
    out += a ? md_link(label, a->url) : md_text(label);
  }
  return out;
}

std::string copy_marker(const DigestArticle& a, const ArticleIndex& by_id) {
  if (a.copy_of.empty()) return "";
  const auto it = by_id.find(a.copy_of);
  const std::string of = it == by_id.end() ? a.copy_of : source_label(*it->second);
  return "(" + render::copy_phrase(a.copy_relation) + " " + md_text(of) + render::update_size_phrase(a) + ")";
}

// Sentences of one language run together; CJK sentences need no space between them.
std::string join_sentences(const std::vector<std::string>& sentences) {
  std::vector<std::string> escaped;
  for (const std::string& s : sentences) escaped.push_back(md_text(s));
  return render::join_sentences(escaped);
}

std::string language_name(const std::string& code) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"zh", "Chinese"}, {"en", "English"},  {"de", "German"},     {"fr", "French"},    {"es", "Spanish"},
      {"it", "Italian"}, {"pt", "Portuguese"}, {"ru", "Russian"},  {"uk", "Ukrainian"}, {"ja", "Japanese"},
      {"ko", "Korean"},  {"ar", "Arabic"},   {"nl", "Dutch"},      {"pl", "Polish"},    {"tr", "Turkish"}};
  const std::string base = code.substr(0, code.find_first_of("-_"));
  for (const auto& [c, name] : kNames)
    if (base == c) return code == base ? name : std::string(name) + " (" + code + ")";
  return code;
}

void questions_md(std::string& out, const std::vector<DigestQuestion>& qs) {
  int n = 0;
  for (const DigestQuestion& q : qs) {
    out += std::to_string(++n) + ". **Q:** " + md_text(q.question) + "\n";
    if (!q.answer.empty()) out += "   **A:** " + md_text(q.answer) + "\n";
    out += "\n";
  }
}

void model_parts_md(std::string& out, const DigestStory& story) {
  const DigestModelParts& m = story.model;
  if (!m.summary.empty()) out += "## Summary (model)\n\n" + md_text(m.summary) + "\n\n";
  if (!m.questions.empty()) {
    out += "## Interesting questions\n\n";
    questions_md(out, m.questions);
  }
  const bool translated = !m.translated_title.empty() || !m.translated_summary.empty() || !m.translated_questions.empty();
  if (translated) {
    out += "## Translation" + (m.translation_language.empty() ? "" : " (" + md_text(language_name(m.translation_language)) + ")") + "\n\n";
    if (!m.translated_title.empty()) out += "### " + md_text(m.translated_title) + "\n\n";
    if (!m.translated_summary.empty()) out += md_text(m.translated_summary) + "\n\n";
    questions_md(out, m.translated_questions);
  }
  if (!story.needs_model.empty()) {
    std::string parts;
    for (const std::string& p : story.needs_model) parts += (parts.empty() ? "" : ", ") + md_text(p);
    out += "_Not generated (needs --llm): " + parts + "._\n\n";
  }
  if (!m.problems.empty()) {
    out += "_The language model failed on:_\n\n";
    for (const std::string& p : m.problems) out += "- " + md_text(p) + "\n";
    out += "\n";
  }
}

void timeline_md(std::string& out, const DigestStory& story, const ArticleIndex& by_id) {
  if (story.timeline.empty()) return;
  out += "## Timeline\n\n";
  for (const DigestTimelineEntry& t : story.timeline) {
    out += "- **" + (t.date.empty() ? std::string("undated") : md_text(t.date)) + "** — " + md_text(t.text);
    const std::string refs = source_refs(t.article_ids, by_id);
    if (!refs.empty()) out += " (" + refs + ")";
    out += "\n";
    // Indented under its entry so that it stays part of the same list item.
    if (!t.note.empty()) out += "  _" + md_text(t.note) + "_\n";
  }
  out += "\n";
}

void quotes_md(std::string& out, const DigestStory& story, const ArticleIndex& by_id) {
  if (story.quotes.empty()) return;
  out += "## Quotes\n\n";
  for (const render::SpeakerQuotes& group : render::quotes_by_speaker(story)) {
    std::string heading = group.speaker.empty() ? "Unknown speaker" : md_text(group.speaker);
    if (!group.role.empty()) heading += ", " + md_text(group.role);
    if (group.quotes.front()->speaker_kind == "anonymous") heading += " _(unnamed source)_";
    out += "### " + heading + "\n\n";
    for (const DigestQuote* q : group.quotes) {
      out += "- “" + md_text(q->text) + "”";
      const std::string refs = source_refs(q->article_ids, by_id);
      if (!refs.empty()) out += " — " + refs;
      out += "\n";
    }
    out += "\n";
  }
}

void entities_md(std::string& out, const DigestStory& story) {
  if (story.entities.empty()) return;
  out += "## Entities\n\n";
  for (const DigestEntity& e : story.entities) {
    out += "- **" + md_text(e.name) + "**";
    if (!e.kind.empty()) out += " (" + md_text(e.kind) + ")";
    std::string roles;
    for (const std::string& r : e.roles) roles += (roles.empty() ? "" : "; ") + md_text(r);
    if (!roles.empty()) out += " — " + roles;
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + md_text(a);
    if (!aliases.empty()) out += " — also: " + aliases;
    if (e.mentions > 0) out += " — " + std::to_string(e.mentions) + (e.mentions == 1 ? " mention" : " mentions");
    out += "\n";
  }
  out += "\n";
}

void events_md(std::string& out, const DigestStory& story, const ArticleIndex& by_id) {
  if (story.events.empty()) return;
  out += "## Events\n\n";
  for (const DigestEvent& e : story.events) {
    const std::string dates = date_range(e.first_date, e.last_date);
    out += "### " + (dates.empty() ? "" : md_text(dates) + " · ") +
           (e.title.empty() ? std::string("Untitled event") : md_text(e.title)) + "\n\n";
    if (!e.summary.empty()) out += join_sentences(e.summary) + "\n\n";
    for (const DigestArticle& a : e.articles) {
      // A copy sits under its original when that one is listed here too.
      bool nested = false;
      for (const DigestArticle& o : e.articles) nested = nested || (!a.copy_of.empty() && o.id == a.copy_of);
      out += nested ? "  - " : "- ";
      out += md_link(list_title(a), a.url);
      std::string meta;
      if (!a.outlet.empty()) meta += md_text(a.outlet);
      if (!a.date.empty()) meta += (meta.empty() ? "" : ", ") + md_text(day_of(a.date));
      if (!meta.empty()) out += " — " + meta;
      if (a.date_suspect) out += " _(date doubtful)_";
      if (!a.copy_of.empty()) out += " " + copy_marker(a, by_id);
      out += "\n";
    }
    out += "\n";
  }
}


}  // namespace

std::string digest_story_markdown(const DigestStory& story) {
  const auto by_id = articles_by_id(story);
  // Every page once, in event order: its web URL when it has one, else the outlet's name.
  // A page with neither (a local file) is left out: its path names the reader's disk,
  // not a source.
  std::vector<std::string> sources;
  for (const DigestEvent& e : story.events)
    for (const DigestArticle& a : e.articles) {
      std::string s = linkable(a.url) ? a.url : a.outlet;
      bool dup = s.empty();
      for (const std::string& have : sources) dup = dup || have == s;
      if (!dup) sources.push_back(std::move(s));
    }

  std::string out = "---\n";
  yaml_field(out, "title", story.title);
  yaml_date(out, "date", story.first_date);
  yaml_date(out, "updated", story.last_date);
  yaml_field(out, "description", story.description);
  yaml_list(out, "tags", story.tags);
  yaml_list(out, "languages", story.languages);
  yaml_list(out, "sources", sources);
  out += "events: " + std::to_string(story.events.size()) + "\n";
  out += "articles: " + std::to_string(article_count(story)) + "\n";
  out += "---\n\n";

  out += "# " + (story.title.empty() ? std::string("Untitled story") : md_text(story.title)) + "\n\n";
  std::string meta = md_text(date_range(story.first_date, story.last_date));
  const auto add = [&meta](const std::string& part) { meta += (meta.empty() ? "" : " · ") + part; };
  add(std::to_string(story.events.size()) + (story.events.size() == 1 ? " event" : " events"));
  add(std::to_string(article_count(story)) + (article_count(story) == 1 ? " article" : " articles"));
  if (!story.languages.empty()) {
    std::string langs;
    for (const std::string& l : story.languages) langs += (langs.empty() ? "" : ", ") + md_text(l);
    add(langs);
  }
  out += "_" + meta + "_\n\n";
  if (!story.description.empty()) out += md_text(story.description) + "\n\n";

  if (!story.summary.empty()) out += "## Summary\n\n" + join_sentences(story.summary) + "\n\n";
  model_parts_md(out, story);
  timeline_md(out, story, by_id);
  quotes_md(out, story, by_id);
  entities_md(out, story);
  events_md(out, story, by_id);
  return out;
}

std::string digest_index_markdown(const Digest& digest) {
  std::string out = "# " + md_text(digest.title.empty() ? std::string("storyline digest") : digest.title) + "\n\n";
  std::string meta = std::to_string(digest.stories.size()) + (digest.stories.size() == 1 ? " story" : " stories") +
                     ", " + std::to_string(digest.articles) + (digest.articles == 1 ? " article" : " articles");
  if (!digest.generated_at.empty()) meta += " · generated " + md_text(digest.generated_at);
  out += "_" + meta + "_\n\n";
  for (const DigestStory& s : digest.stories) {
    out += "- [" + (s.title.empty() ? std::string("Untitled story") : md_text(s.title)) + "](stories/" +
           path_escape(s.slug) + ".md)";
    std::string line = md_text(date_range(s.first_date, s.last_date));
    const auto add = [&line](const std::string& part) { line += (line.empty() ? "" : " · ") + part; };
    add(std::to_string(s.events.size()) + (s.events.size() == 1 ? " event" : " events"));
    add(std::to_string(article_count(s)) + (article_count(s) == 1 ? " article" : " articles"));
    std::string langs;
    for (const std::string& l : s.languages) langs += (langs.empty() ? "" : ", ") + md_text(l);
    if (!langs.empty()) add(langs);
    out += " — " + line + "\n";
    // Continuation paragraphs of the same list item: indented by two.
    if (!s.description.empty()) out += "\n  " + md_text(s.description) + "\n";
    if (!s.tags.empty()) {
      std::string tags;
      for (const std::string& t : s.tags) tags += (tags.empty() ? "" : ", ") + md_text(t);
      out += "\n  Tags: " + tags + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace storyline
