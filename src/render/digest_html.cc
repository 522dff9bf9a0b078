// index.html: the whole digest as one self-contained page. Each story is a <details>
// element, so expanding works without JavaScript; the inline script only adds the filter
// box. Nothing is loaded from anywhere: the page must open from a file, offline.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/digest_common.h"
#include "storyline/digest.h"

namespace storyline {
namespace {

using render::ArticleIndex;
using render::article_count;
using render::articles_by_id;
using render::date_range;
using render::list_title;
using render::source_label;

// Escapes for text and for double-quoted attribute values alike; the apostrophe too, so
// a value can never close a single-quoted attribute either. Control characters other than
// whitespace are dropped: HTML forbids them and they carry nothing readable.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        if (c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

// The language of a piece of text from its script, for `lang` attributes: browsers pick
// CJK fonts and line breaking from it. Only when CJK characters outnumber Latin letters,
// so "Joe Biden (乔·拜登)" stays English.
std::string script_lang(std::string_view s) {
  std::size_t han = 0, kana = 0, hangul = 0, latin = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++latin;
      ++i;
      continue;
    }
    const int len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    char32_t cp = 0;
    if (len > 1 && i + len <= s.size()) {
      cp = b & (0x7F >> len);
      for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += len;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x2FFFF))
      ++han;
    else if (cp >= 0x3040 && cp <= 0x30FF)
      ++kana;
    else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF))
      ++hangul;
  }
  const std::size_t cjk = han + kana + hangul;
  if (cjk == 0 || cjk < latin) return "";
  if (kana > 0) return "ja";
  if (hangul > han) return "ko";
  return "zh";
}

// Escaped text, inside a <span lang> when its script says it is not English.
std::string text(std::string_view s) {
  const std::string lang = script_lang(s);
  if (lang.empty()) return esc(s);
  return "<span lang=\"" + lang + "\">" + esc(s) + "</span>";
}

bool linkable(std::string_view url) { return url.starts_with("http://") || url.starts_with("https://"); }

// Only web links become hrefs: a `javascript:` URL from a scraped page must not run here.
std::string link(std::string_view label_html, std::string_view url) {
  if (!linkable(url)) return std::string(label_html);
  return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + std::string(label_html) + "</a>";
}

std::string source_refs(const std::vector<std::string>& ids, const ArticleIndex& by_id) {
  std::string out;
  for (const auto& [label, a] : render::distinct_sources(ids, by_id)) {
    if (!out.empty()) out += ", ";
    out += a ? link(text(label), a->url) : text(label);
  }
  return out.empty() ? out : "<span class=\"src\">" + out + "</span>";
}

std::string copy_marker(const DigestArticle& a, const ArticleIndex& by_id) {
  const auto it = by_id.find(a.copy_of);
  const std::string of = text(it == by_id.end() ? a.copy_of : source_label(*it->second));
  return "<span class=\"copy\">" + render::copy_phrase(a.copy_relation) + " " + of + text(render::update_size_phrase(a)) +
         "</span>";
}

std::string paragraph(const std::vector<std::string>& sentences) {
  const std::string joined = render::join_sentences(sentences);
  return joined.empty() ? joined : "<p>" + text(joined) + "</p>\n";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}


void questions_html(std::string& out, const std::vector<DigestQuestion>& qs) {
  if (qs.empty()) return;
  out += "<dl class=\"qa\">\n";
  for (const DigestQuestion& q : qs) {
    out += "<dt>" + text(q.question) + "</dt>\n";
    if (!q.answer.empty()) out += "<dd>" + text(q.answer) + "</dd>\n";
  }
  out += "</dl>\n";
}

void model_html(std::string& out, const DigestStory& story) {
  const DigestModelParts& m = story.model;
  if (!m.summary.empty()) out += "<h3>Summary (model)</h3>\n<p>" + text(m.summary) + "</p>\n";
  if (!m.questions.empty()) {
    out += "<h3>Interesting questions</h3>\n";
    questions_html(out, m.questions);
  }
  if (!m.translated_title.empty() || !m.translated_summary.empty() || !m.translated_questions.empty()) {
    // The model's language is known, so it is said outright rather than guessed from script.
    const std::string lang = esc(m.translation_language);
    // The heading is English, so it stays outside the translated section.
    out += "<h3>Translation" + (lang.empty() ? "" : " (" + lang + ")") + "</h3>\n";
    out += "<section class=\"translation\"" + (lang.empty() ? "" : " lang=\"" + lang + "\"") + ">\n";
    if (!m.translated_title.empty()) out += "<h4>" + esc(m.translated_title) + "</h4>\n";
    if (!m.translated_summary.empty()) out += "<p>" + esc(m.translated_summary) + "</p>\n";
    questions_html(out, m.translated_questions);
    out += "</section>\n";
  }
  if (!story.needs_model.empty()) {
    std::string parts;
    for (const std::string& p : story.needs_model) parts += (parts.empty() ? "" : ", ") + esc(p);
    out += "<p class=\"note\">Not generated (needs --llm): " + parts + ".</p>\n";
  }
  if (!m.problems.empty()) {
    out += "<p class=\"note\">The language model failed on:</p>\n<ul class=\"note\">\n";
    for (const std::string& p : m.problems) out += "<li>" + text(p) + "</li>\n";
    out += "</ul>\n";
  }
}

void timeline_html(std::string& out, const DigestStory& story, const ArticleIndex& by_id) {
  if (story.timeline.empty()) return;
  out += "<h3>Timeline</h3>\n<ol class=\"timeline\">\n";
  for (const DigestTimelineEntry& t : story.timeline) {
    // An empty datetime attribute is invalid HTML; an undated entry gets plain text.
    out += "<li>" + (t.date.empty() ? std::string("<time>undated</time> ")
                                    : "<time datetime=\"" + esc(t.date) + "\">" + esc(t.date) + "</time> ") +
           text(t.text);
    const std::string refs = source_refs(t.article_ids, by_id);
    if (!refs.empty()) out += " " + refs;
    if (!t.note.empty()) out += "<div class=\"tnote\">" + text(t.note) + "</div>";
    out += "</li>\n";
  }
  out += "</ol>\n";
}

void quotes_html(std::string& out, const DigestStory& story, const ArticleIndex& by_id) {
  if (story.quotes.empty()) return;
  out += "<h3>Quotes</h3>\n";
  for (const render::SpeakerQuotes& group : render::quotes_by_speaker(story)) {
    out += "<div class=\"speaker\"><h4>" + (group.speaker.empty() ? std::string("Unknown speaker") : text(group.speaker));
    if (!group.role.empty()) out += ", <span class=\"role\">" + text(group.role) + "</span>";
    if (group.quotes.front()->speaker_kind == "anonymous") out += " <span class=\"tag\">unnamed source</span>";
    out += "</h4>\n";
    for (const DigestQuote* q : group.quotes) {
      out += "<blockquote>" + text(q->text);
      const std::string refs = source_refs(q->article_ids, by_id);
      if (!refs.empty()) out += " <cite>— " + refs + "</cite>";
      out += "</blockquote>\n";
    }
    out += "</div>\n";
  }
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + text(s);
  return out;
}

void entities_html(std::string& out, const DigestStory& story) {
  if (story.entities.empty()) return;
  out += "<h3>Entities</h3>\n<table class=\"entities\">\n"
         "<thead><tr><th>Name</th><th>Kind</th><th>Roles</th><th>Also called</th><th>Mentions</th></tr></thead>\n<tbody>\n";
  for (const DigestEntity& e : story.entities)
    out += "<tr><td>" + text(e.name) + "</td><td>" + esc(e.kind) + "</td><td>" + joined(e.roles, "; ") + "</td><td>" +
           joined(e.aliases, ", ") + "</td><td class=\"num\">" + std::to_string(e.mentions) + "</td></tr>\n";
  out += "</tbody>\n</table>\n";
}

void events_html(std::string& out, const DigestStory& story, const ArticleIndex& by_id) {
  if (story.events.empty()) return;
  out += "<h3>Events and sources</h3>\n";
  for (const DigestEvent& e : story.events) {
    const std::string dates = date_range(e.first_date, e.last_date);
    out += "<section class=\"event\">\n<h4>" + (dates.empty() ? "" : "<span class=\"date\">" + esc(dates) + "</span> ") +
           (e.title.empty() ? std::string("Untitled event") : text(e.title)) + "</h4>\n";
    out += paragraph(e.summary);
    out += "<ul class=\"articles\">\n";
    for (const DigestArticle& a : e.articles) {
      bool copy_here = false;
      for (const DigestArticle& o : e.articles) copy_here = copy_here || (!a.copy_of.empty() && o.id == a.copy_of);
      out += copy_here ? "<li class=\"copy-of\">" : "<li>";
      // The article's own language when known; its script otherwise.
      const std::string title = list_title(a);
      const std::string lang = !a.languages.empty() ? a.languages.front() : script_lang(title);
      const std::string title_html =
          lang.empty() || lang == "en" ? esc(title) : "<span lang=\"" + esc(lang) + "\">" + esc(title) + "</span>";
      out += link(title_html, a.url);
      if (!a.outlet.empty()) out += " <span class=\"outlet\">" + text(a.outlet) + "</span>";
      if (!a.date.empty()) out += " <time datetime=\"" + esc(a.date) + "\">" + esc(a.date.substr(0, 10)) + "</time>";
      if (a.date_suspect) out += " <span class=\"suspect\" title=\"this date contradicts its event\">date doubtful</span>";
      if (!a.copy_of.empty()) out += " " + copy_marker(a, by_id);
      out += "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
}

void story_html(std::string& out, const DigestStory& s) {
  const ArticleIndex by_id = articles_by_id(s);
  out += "<details class=\"story\" id=\"story-" + esc(s.slug) + "\">\n<summary>";
  out += "<span class=\"title\">" + (s.title.empty() ? std::string("Untitled story") : text(s.title)) + "</span>";
  out += "<span class=\"meta\">";
  const std::string dates = date_range(s.first_date, s.last_date);
  if (!dates.empty()) out += "<span class=\"date\">" + esc(dates) + "</span> · ";
  out += plural(s.events.size(), "event", "events") + " · " + plural(article_count(s), "article", "articles");
  for (const std::string& l : s.languages) out += " <span class=\"lang\">" + esc(l) + "</span>";
  out += "</span>";
  if (!s.tags.empty()) {
    out += "<span class=\"tags\">";
    for (const std::string& t : s.tags) out += "<span class=\"tag\">" + text(t) + "</span> ";
    out += "</span>";
  }
  if (!s.description.empty()) out += "<span class=\"desc\">" + text(s.description) + "</span>";
  out += "</summary>\n<div class=\"body\">\n";
  if (!s.summary.empty()) out += "<h3>Summary</h3>\n" + paragraph(s.summary);
  model_html(out, s);
  timeline_html(out, s, by_id);
  quotes_html(out, s, by_id);
  entities_html(out, s);
  events_html(out, s, by_id);
  out += "</div>\n</details>\n";
}

// Written for this page: system fonts, a readable measure, muted metadata.
constexpr std::string_view kStyle = R"(
:root{--fg:#1d1d1f;--muted:#666;--line:#ddd;--accent:#2457a6;--warn:#a34a00;--bg:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--muted:#a0a0a0;--line:#444;--accent:#8ab4f8;--warn:#f0a35e;--bg:#1b1b1d}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:50rem;padding:1.5rem 1rem 4rem;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.7rem;margin:0 0 .2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem;border-bottom:1px solid var(--line)}
h4{font-size:1rem;margin:1rem 0 .3rem}
a{color:var(--accent)}
[hidden]{display:none!important}
.lead,.meta,.note,.src,cite,.outlet,time,.tnote{color:var(--muted)}
.lead{margin:0 0 1rem}
#filter{width:100%;font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
#count{font-size:.9rem;color:var(--muted);min-height:1.2em;margin:.3rem 0 .8rem}
.story{border-top:1px solid var(--line);padding:.6rem 0}
.story>summary{cursor:pointer;list-style-position:outside}
.story>summary .title{font-weight:600;font-size:1.12rem}
.story>summary .meta,.story>summary .tags,.story>summary .desc{display:block;font-size:.9rem}
.story>summary .desc{color:var(--fg);margin-top:.2rem}
.body{padding:.2rem 0 .8rem 1rem}
.lang,.tag{display:inline-block;font-size:.78rem;padding:0 .4rem;border:1px solid var(--line);border-radius:1rem;color:var(--muted)}
.timeline{padding-left:1.2rem}
.timeline li{margin:.35rem 0}
.timeline time{font-variant-numeric:tabular-nums;font-weight:600;color:var(--fg)}
.tnote{font-style:italic;font-size:.92rem}
blockquote{margin:.3rem 0 .5rem;padding-left:.8rem;border-left:3px solid var(--line)}
cite{font-style:normal;font-size:.9rem}
.role{font-weight:normal;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.2rem .5rem .2rem 0;border-bottom:1px solid var(--line);vertical-align:top}
td.num{text-align:right}
.articles{padding-left:1.2rem}
.articles li{margin:.2rem 0}
.articles li.copy-of{margin-left:1.2rem;list-style-type:circle}
.copy{font-size:.85rem;color:var(--muted);font-style:italic}
.suspect{font-size:.8rem;color:var(--warn);border:1px solid currentColor;border-radius:4px;padding:0 .3rem}
.qa dt{font-weight:600;margin-top:.5rem}
.qa dd{margin:.1rem 0 0 1rem}
)";

// Written for this page. Each story's text is lower-cased once; every word typed must
// occur in it for the story to stay visible.
constexpr std::string_view kScript = R"(
(function () {
  var box = document.getElementById("filter");
  var count = document.getElementById("count");
  var stories = Array.prototype.slice.call(document.querySelectorAll(".story"));
  var texts = stories.map(function (s) { return s.textContent.toLowerCase(); });
  box.hidden = false;
  function apply() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    stories.forEach(function (s, i) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      s.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = words.length ? shown + " of " + stories.length + " stories match" : "";
  }
  box.addEventListener("input", apply);
  apply();
})();
)";

}  // namespace

std::string digest_html(const Digest& digest) {
  const std::string title = digest.title.empty() ? "storyline digest" : digest.title;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" + esc(title) + "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>" + text(title) + "</h1>\n<p class=\"lead\">" +
         plural(digest.stories.size(), "story", "stories") + ", " + plural(digest.articles, "article", "articles");
  if (!digest.generated_at.empty())
    out += " · generated <time datetime=\"" + esc(digest.generated_at) + "\">" + esc(digest.generated_at) + "</time>";
  out += "</p>\n";
  // Hidden until the script runs: without JavaScript a filter box would do nothing.
  out += "<input type=\"search\" id=\"filter\" placeholder=\"Filter stories (people, places, words…)\" "
         "aria-label=\"Filter stories\" hidden>\n<p id=\"count\" aria-live=\"polite\"></p>\n</header>\n<main>\n";
  for (const DigestStory& s : digest.stories) story_html(out, s);
  if (digest.stories.empty()) out += "<p class=\"note\">No stories.</p>\n";
  out += "</main>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace storyline
