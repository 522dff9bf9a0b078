#include "extract/text_dump.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "extract/dates.h"
#include "extract/outlets.h"
#include "extract/people.h"
#include "text/utf8.h"

namespace storyline::extract {
namespace {

// Prose needs about a sentence of letters (CJK counted as several: see text/utf8.h).
constexpr int kProseUnits = 70;
// How far before the body the title/byline/date block may reach, in lines.
constexpr int kHeaderReach = 40;
// How far after the body bios, tags and footers are read, in lines.
constexpr int kTrailerReach = 80;

struct Line {
  std::string text;  // whitespace-normalized
  LineKind kind = LineKind::kBlank;
  int units = 0;
  int words = 0;
};

// Bullet markers that start list items in text renderings of pages.
std::string_view strip_bullet(std::string_view t) {
  static constexpr std::array<std::string_view, 10> kBullets = {
      "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x80\xA3", "\xC2\xBB", "- ", "* ",
      "\xE2\x96\xBA", "\xE2\x97\x8F"};
  for (std::string_view b : kBullets) {
    if (t.substr(0, b.size()) == b) {
      t.remove_prefix(b.size());
      while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
      return t;
    }
  }
  return {};
}

bool has_bullet(std::string_view t) {
  if (t == "-" || t == "*" || t == "\xE2\x80\xA2") return true;
  return !strip_bullet(t).empty();
}

// lower: the line lower-cased (text::to_lower_ascii).
bool only_words_from(std::string_view lower, std::initializer_list<std::string_view> vocab) {
  std::size_t i = 0;
  int n = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !std::isalpha(static_cast<unsigned char>(lower[i]))) {
      if (static_cast<unsigned char>(lower[i]) >= 0x80) return false;
      ++i;
    }
    const std::size_t b = i;
    while (i < lower.size() && std::isalpha(static_cast<unsigned char>(lower[i]))) ++i;
    if (i == b) break;
    const std::string_view w = lower.substr(b, i - b);
    if (std::find(vocab.begin(), vocab.end(), w) == vocab.end()) return false;
    ++n;
  }
  return n > 0;
}

// Reading time ("4 min", "5 min read", "3 minute read") and ages ("8 hours ago").
bool is_reading_time_or_age(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i > 3) return false;
  const std::string rest = text::to_lower_ascii(text::trim(t.substr(i)));
  for (std::string_view s : {"min", "min read", "mins", "mins read", "minute read", "minutes read", "minute", "minutes"})
    if (rest == s) return true;
  for (std::string_view unit : {"second", "minute", "hour", "day", "week", "month", "year", "min", "hr", "h", "m", "d"}) {
    for (std::string_view tail : {"s ago", " ago", "ago"}) {
      std::string want = std::string(unit) + std::string(tail);
      if (rest == want) return true;
      if (rest == " " + want || rest == std::string(unit) + "s ago") return true;
    }
  }
  return false;
}

bool is_share_widget(std::string_view lower) {
  return only_words_from(lower, {"share", "shares", "tweet", "email", "e", "mail", "print", "facebook", "twitter", "x",
                             "linkedin", "whatsapp", "reddit", "pinterest", "copy", "link", "copied", "comment",
                             "comments", "save", "saved", "this", "article", "story", "on", "via", "messenger",
                             "telegram", "flipboard", "gift", "more", "options", "sharing", "icon", "url", "show",
                             "hide", "close", "menu", "open", "toggle", "search", "navigation"});
}

// What text browsers print for images and players: "[Image: a farmer at dusk]",
// "[logo]", "Listen · 4:12", "Watch 2:31".
bool is_media_placeholder(std::string_view t) {
  if (t.size() >= 2 && t.front() == '[' && t.back() == ']' && t.find(']') == t.size() - 1) return true;
  for (std::string_view verb : {"listen", "watch", "play", "video"}) {
    if (!text::starts_with_ci(t, verb)) continue;
    const std::string_view rest = t.substr(verb.size());
    if (text::word_count(rest) <= 3 && rest.find(':') != std::string_view::npos) return true;
  }
  return false;
}

// Share rows in CJK pages: "分享到： 微信 微博 QQ 复制链接".
bool is_cjk_share_widget(std::string_view t) {
  return (t.starts_with("\xE5\x88\x86\xE4\xBA\xAB") || t.find("\xE5\xA4\x8D\xE5\x88\xB6\xE9\x93\xBE\xE6\x8E\xA5") != std::string_view::npos) &&
         text::code_points(t) <= 40;  // 分享 / 复制链接
}

bool is_call_to_action(std::string_view l) {
  for (std::string_view end : {"register here.", "register now.", "sign up here.", "sign up now.", "subscribe now.",
                               "subscribe here.", "click here.", "click here", "read more", "read more.", "learn more",
                               "learn more.", "sign up.", "subscribe.", "subscribe today.", "download the app.",
                               "read the full story.", "continue reading", "continue reading."})
    if (l.ends_with(end)) return true;
  for (std::string_view start : {"sign up for ", "sign up to ", "subscribe to ", "follow us ", "advertisement",
                                 "sponsored", "download our app", "get our newsletter", "click here to ",
                                 "this article was originally published", "watch:", "listen to this article",
                                 "you must be logged in", "support our journalism", "we use cookies",
                                 "by clicking", "by subscribing"})
    if (l.rfind(start, 0) == 0) return true;
  return false;
}

// Whether lower-case `needle` occurs in `lower` (a lower-cased line): glibc's memmem
// skips through a paragraph several bytes at a time.
bool has(std::string_view lower, std::string_view needle) {
  return memmem(lower.data(), lower.size(), needle.data(), needle.size()) != nullptr;
}

// Cookie and consent notices: long, sentence-like, and never the article.
bool is_consent_notice(std::string_view lower) {
  if (!has(lower, "cookie")) return false;
  return has(lower, "website") || has(lower, "consent") || has(lower, "browser") || has(lower, "opt-out") ||
         has(lower, "accept") || has(lower, "privacy") || has(lower, "our site") || has(lower, "experience");
}

bool is_legal_footer(std::string_view lower) {
  return has(lower, "\xC2\xA9") || lower.starts_with("copyright") || has(lower, "all rights reserved") ||
         has(lower, "terms of use") || has(lower, "privacy policy") || has(lower, "cookie policy");
}

// Credit forms that mark a caption line: "(Photo: X)", "(Video: X)", "(AP Photo/X)",
// "... via Getty Images", "Photo: X", "X/Reuters", "Credit: X". Returns the credit's start.
std::size_t credit_start(std::string_view t) {
  if (t.empty()) return std::string_view::npos;
  // Credits sit at either end of a line: look at (lower-cased) ends only, so a long
  // paragraph costs no more than a short one.
  const std::size_t tail_from = t.size() > 130 ? t.size() - 130 : 0;
  const std::string tail = text::to_lower_ascii(t.substr(tail_from));
  const bool closes = tail.back() == ')' || tail.back() == ']' || tail.ends_with("\xef\xbc\x89");
  if (closes) {
    for (std::string_view open : {"(photo", "(video", "(image", "(ap photo", "(afp photo", "(reuters", "(getty",
                                  "(credit", "(illustration", "(graphic", "(photograph", "(file photo", "(screenshot",
                                  "(courtesy", "(pool", "[photo", "(\xe5\x9b\xbe", "\xef\xbc\x88\xe5\x9b\xbe"}) {
      const std::size_t p = tail.rfind(open);
      if (p != std::string::npos && tail.size() - p < 120) return tail_from + p;
    }
    // "... near Dunmere. (VPR / Tom Ashworth)": a short parenthetical credit with a slash.
    const std::size_t open = tail.rfind('(');
    if (tail.back() == ')' && open != std::string::npos && tail_from + open > 0 && tail.size() - open < 60 &&
        tail.find('/', open) != std::string::npos) {
      const std::size_t at = tail_from + open;
      if (t[at - 1] == ' ' && (at < 2 || t[at - 2] == '.' || t[at - 2] == '"')) return at;
    }
  }
  const std::string head = text::to_lower_ascii(t.substr(0, 16));
  for (std::string_view lead : {"photo credit", "image credit", "photo: ", "photo by ", "photograph: ", "photograph by ",
                                "image: ", "credit: ", "photos: ", "video: ", "illustration: "})
    if (head.rfind(lead, 0) == 0) return 0;
  for (std::string_view ending : {"getty images", "/ reuters", "/reuters", "/ afp", "/afp", "/ ap", "/ap", "shutterstock",
                                  "/ epa", "/epa", "afp via getty images", "(ap)", "/ bloomberg", "/bloomberg"}) {
    if (!tail.ends_with(ending)) continue;
    // The credit starts at the glued capital after a sentence end, or after the
    // sentence before "via ...".
    std::size_t s = std::string::npos;
    for (std::size_t i = 1; i < t.size(); ++i)
      if ((t[i - 1] == '.' || t[i - 1] == '"') && std::isupper(static_cast<unsigned char>(t[i]))) s = i;
    if (s != std::string::npos) return s;
    const std::size_t via = tail.rfind(" via ");
    const std::size_t before = via == std::string::npos ? std::string_view::npos : tail_from + via;
    const std::size_t dot = t.rfind(". ", before);
    return dot == std::string_view::npos ? 0 : dot + 2;
  }
  return std::string_view::npos;
}

bool is_byline(std::string_view t) {
  if (text::starts_with_ci(t, "by") && (t.size() == 2 || t == "By:")) return true;
  if ((t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("By: ") || t.starts_with("Written by ")) &&
      text::word_count(t) <= 14)
    return !clean_authors(t).empty();
  // Chinese bylines: 记者 X / 作者：X / 文/X
  for (std::string_view p : {"\xE8\xAE\xB0\xE8\x80\x85", "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", "\xE6\x96\x87/", "\xE6\x96\x87\xEF\xBC\x9A"})
    if (t.starts_with(p) && text::code_points(t) < 30) return true;
  return false;
}

// text::letters(t), or `cap` once that many are counted: a paragraph need not be
// read to its end to know it is long.
int letters_up_to(std::string_view t, int cap) {
  int n = 0;
  for (std::size_t i = 0; i < t.size() && n < cap;) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) {
      n += (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');  // is_letter_or_digit
      ++i;
      continue;
    }
    n += text::is_letter_or_digit(text::next_code_point(t, i));
  }
  return n;
}

bool is_date_line(std::string_view t) {
  // Most of the line is dates ("Updated X|Published Y") with labels and little else:
  // at most 30 other letters, whatever the script ("来源：X 作者：Y" beside a date).
  const int all = letters_up_to(t, 120);
  if (all >= 120) return false;
  int date_letters = 0;
  std::string_view rest = t;
  while (auto d = find_date(rest)) {
    date_letters += text::letters(rest.substr(d->begin, d->end - d->begin));
    rest = rest.substr(d->end);
  }
  if (date_letters == 0) {
    // "Updated 2 hours ago", "Published Thursday": relative to any day will do to
    // tell that the line is a date.
    ParsedDate any;
    any.year = 2000;
    any.month = any.day = 1;
    if (auto r = find_relative_date(t, any)) date_letters = text::letters(t.substr(r->begin, r->end - r->begin));
    return date_letters > 0 && all - date_letters <= 20;
  }
  return date_letters > 0 && all - date_letters <= 30;
}

// t: whitespace-normalized; units: text::text_units(t). The line is lower-cased once
// for all the word rules.
bool furniture_words(std::string_view t, int units) {
  if (is_reading_time_or_age(t)) return true;
  const std::string lower = text::to_lower_ascii(t);
  return is_share_widget(lower) || is_cjk_share_widget(t) || is_call_to_action(lower) || is_media_placeholder(t) ||
         (units < 400 && is_legal_footer(lower)) || is_consent_notice(lower);
}

}  // namespace

bool is_furniture_phrase(std::string_view raw) {
  const std::string t = text::normalize_space(raw);
  return furniture_words(t, text::text_units(t));
}

LineKind classify_line(std::string_view raw) { return classify_normalized_line(text::normalize_space(raw)); }

LineKind classify_normalized_line(std::string_view t) {
  if (t.empty()) return LineKind::kBlank;
  const int units = text::text_units(t);
  if (units == 0) return LineKind::kBoilerplate;  // lone punctuation, "|", "---"
  if (has_bullet(t)) {
    // A list item that reads as prose is part of an article's list, not a link list.
    const std::string_view item = strip_bullet(t);
    const bool sentence_item = text::ends_like_sentence(item) || text::sentence_marks(item) >= 2;
    return sentence_item && text::text_units(item) >= kProseUnits ? LineKind::kProse : LineKind::kBullet;
  }
  if (furniture_words(t, units)) return LineKind::kBoilerplate;
  if (credit_start(t) != std::string_view::npos) return LineKind::kCaption;
  if (is_byline(t)) return LineKind::kByline;
  if (is_date_line(t)) return LineKind::kDate;
  const bool sentence = text::ends_like_sentence(t) || (text::sentence_marks(t) >= 2);
  if (sentence || units >= 3 * kProseUnits) return units >= kProseUnits ? LineKind::kProse : LineKind::kShort;
  const bool cjk = text::cjk_share(t) > 0.5;
  if (cjk ? text::code_points(t) >= 6 : text::word_count(t) >= 3) return LineKind::kHeadline;
  return LineKind::kBoilerplate;
}

CaptionParts split_caption_credit(std::string_view raw) {
  const std::string t = text::normalize_space(raw);
  const std::size_t c = credit_start(t);
  if (c == std::string_view::npos) return {t, ""};
  CaptionParts parts;
  parts.caption = text::trim(std::string_view(t).substr(0, c));
  parts.credit = text::trim(std::string_view(t).substr(c));
  // "Photo: Jane Doe" alone is all credit.
  return parts;
}

std::string find_dateline(std::string_view para) {
  // The dateline ends at a dash: " — ", " – ", " -- ", " - ".
  std::size_t dash = std::string_view::npos;
  for (std::string_view d : {" \xE2\x80\x94 ", "\xE2\x80\x94", " \xE2\x80\x93 ", " -- ", " - "}) {
    const std::size_t p = para.find(d);
    if (p != std::string_view::npos && p < dash) dash = p;
  }
  if (dash == std::string_view::npos || dash == 0 || dash > 80) return "";
  std::string head = text::trim(para.substr(0, dash));
  // Drop an agency in parentheses: "WASHINGTON (AP)".
  const std::size_t paren = head.find(" (");
  if (paren != std::string::npos) head = text::trim(head.substr(0, paren));
  // Wire datelines carry the day: "PORT ELLERY, June 10" -> "PORT ELLERY".
  if (const std::size_t comma = head.rfind(", "); comma != std::string::npos) {
    if (auto d = find_date(head.substr(comma + 2) + " 2000"); d && d->begin == 0) head = head.substr(0, comma);
  }
  if (head.empty() || text::word_count(head) > 6) return "";
  // The first word is in capitals: "PRAGUE", "KYIV, Ukraine", "NEW YORK".
  std::size_t i = 0;
  int upper = 0;
  while (i < head.size() && head[i] != ',' && head[i] != ' ') {
    if (std::islower(static_cast<unsigned char>(head[i]))) return "";
    upper += std::isupper(static_cast<unsigned char>(head[i])) != 0;
    ++i;
  }
  return upper >= 2 ? head : "";
}

namespace {

// The score a line adds to a candidate body window.
// Prose counts by its length, capped so that one huge paragraph of legal text or
// comments cannot outweigh an article made of ordinary paragraphs. Short sentences
// count half. The penalties were set on the development pages (see bench/README.md).
int window_score(const Line& l) {
  switch (l.kind) {
    case LineKind::kProse: return std::min(l.units, 300);
    case LineKind::kShort: return l.units / 2;
    case LineKind::kBlank: return 0;
    case LineKind::kCaption: return -15;
    case LineKind::kHeadline: return -30;
    case LineKind::kDate:
    case LineKind::kByline: return -30;
    case LineKind::kBullet: return -45;
    case LineKind::kBoilerplate: return -38;
  }
  return 0;
}

// A run of junk costs more than its lines apart: one "Advertisement" inside an article
// is cheap, a menu or a "Related" list is a wall. The k-th junk line in a row (blank
// lines and short sentences do not break the run, prose does) costs 1 + (k-1)/4 times.
int run_penalty(int score, int junk_run) { return score * (4 + junk_run - 1) / 4; }

bool is_header_kind(LineKind k) {
  return k == LineKind::kDate || k == LineKind::kByline || k == LineKind::kCaption;
}

// Short enough to be furniture inside a title/byline block: "View", "AFP", an icon name.
bool is_small(const Line& l) { return l.words <= 4 && l.kind != LineKind::kProse; }

// A list-of-tags header: "In:", "Tags:", "Topics:", "More on:".
bool is_tags_label(std::string_view t) {
  std::string l = text::to_lower_ascii(t);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  if (t.ends_with("\xEF\xBC\x9A")) return t.starts_with("\xE6\xA0\x87\xE7\xAD\xBE");  // 标签：
  if (!t.ends_with(":")) return false;
  return l == "in" || l == "tags" || l == "topics" || l == "related topics" || l == "more on" || l == "filed under" ||
         l == "more about" || l == "keywords" || l == "tagged";
}

// Value after a label such as "来源：" up to the next run of spaces: "来源：寰宇新闻网   作者：陈思齐".
std::string labeled_value(std::string_view line, std::string_view label) {
  std::size_t p = line.find(label);
  if (p == std::string_view::npos) return "";
  p += label.size();
  for (std::string_view colon : {"\xEF\xBC\x9A", ":"})
    if (line.substr(p, colon.size()) == colon) { p += colon.size(); break; }
  while (p < line.size() && line[p] == ' ') ++p;
  std::size_t end = line.find(' ', p);
  return text::trim(line.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p));
}

// CJK header lines label their fields: 来源 (source), 作者 / 记者 (author).
void read_labeled_fields(std::string_view line, Article& a, std::string& outlet) {
  if (outlet.empty()) outlet = labeled_value(line, "\xE6\x9D\xA5\xE6\xBA\x90");  // 来源
  for (std::string_view label : {"\xE4\xBD\x9C\xE8\x80\x85", "\xE8\xAE\xB0\xE8\x80\x85"}) {  // 作者 记者
    const std::string name = labeled_value(line, label);
    if (!name.empty() && looks_like_name(name) && std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end())
      a.authors.push_back(name);
  }
}

void read_dates(const std::vector<Line>& lines, int from, int to, const std::optional<ParsedDate>& reference, Article& a) {
  for (int i = from; i <= to; ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind != LineKind::kDate && l.kind != LineKind::kByline) continue;
    // Segments: "Updated X|Published Y", "Published X • Updated Y".
    std::string_view rest = l.text;
    while (!rest.empty()) {
      auto found = find_date(rest);
      if (!found && reference) found = find_relative_date(rest, *reference);
      if (!found) break;
      const std::string before = text::to_lower_ascii(rest.substr(0, found->begin));
      const std::size_t label_from = std::max(before.rfind('|'), before.rfind("\xe2\x80\xa2") == std::string::npos ? 0 : before.rfind("\xe2\x80\xa2"));
      const std::string label = label_from == std::string::npos ? before : before.substr(label_from);
      const bool updated = label.find("updat") != std::string::npos || label.find("modif") != std::string::npos ||
                           label.find("edited") != std::string::npos || label.find("\xe6\x9b\xb4\xe6\x96\xb0") != std::string::npos;
      if (plausible(found->date)) {
        std::string& slot = updated ? a.updated : a.published;
        if (slot.empty()) {
          slot = found->date.iso();
          a.date_relative |= found->relative;
        }
      }
      rest = rest.substr(found->end);
    }
  }
}

}  // namespace

Article extract_text_dump(std::string_view utf8_text, const std::optional<ParsedDate>& reference) {
  Article a;
  std::vector<Line> lines;
  for (const std::string& raw : text::split_lines(utf8_text)) {
    Line l;
    l.text = text::normalize_space(raw);
    l.kind = classify_normalized_line(l.text);
    l.units = text::text_units(l.text);
    l.words = text::word_count(l.text);
    lines.push_back(std::move(l));
  }
  const int n = static_cast<int>(lines.size());
  // A prose line printed twice on one page is a teaser (sidebar and list, header and
  // footer), not a paragraph of the article: an article does not repeat itself.
  {
    std::unordered_map<std::string_view, int> seen;
    for (const Line& l : lines)
      if (l.kind == LineKind::kProse) ++seen[l.text];
    for (Line& l : lines)
      if (l.kind == LineKind::kProse && seen[l.text] > 1) l.kind = LineKind::kBoilerplate;
  }

  // 1. The body window: the maximum-sum run of line scores (Kadane, one pass).
  int best = 0, best_from = -1, best_to = -1, sum = 0, from = 0, junk_run = 0;
  for (int i = 0; i < n; ++i) {
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    const Line& li = lines[static_cast<std::size_t>(i)];
    int score = window_score(li);
    if (score < 0) {
      score = run_penalty(score, ++junk_run);
    } else if (li.kind == LineKind::kProse) {
      junk_run = 0;
    }
    sum += score;
    if (sum > best) {
      best = sum;
      best_from = from;
      best_to = i;
    }
  }
  if (best_from < 0 || best < kProseUnits) {
    a.kind = "listing";
    a.warnings.push_back("no main content block: looks like a listing page");
    best_from = best_to = -1;
  }

  // Short sentences right after the best run still belong to it ("X contributed to
  // this report."): they add nothing to the sum, so the maximum stops before them.
  auto kind_at = [&](int i) { return lines[static_cast<std::size_t>(i)].kind; };
  while (best_to >= 0 && best_to + 1 < n &&
         (kind_at(best_to + 1) == LineKind::kShort ||
          (kind_at(best_to + 1) == LineKind::kBlank && best_to + 2 < n && kind_at(best_to + 2) == LineKind::kShort)))
    best_to += kind_at(best_to + 1) == LineKind::kShort ? 1 : 2;

  // 2. A title/byline/date block at the window's head: the body starts after it, and
  // the prose before it (at most a dek) is not body.
  int body_from = best_from;
  if (best_from >= 0) {
    int last_header = -1, prose_before = 0;
    for (int i = best_from; i <= std::min(best_to, best_from + 12); ++i) {
      const Line& l = lines[static_cast<std::size_t>(i)];
      if (is_header_kind(l.kind) || (l.kind == LineKind::kBoilerplate && is_reading_time_or_age(l.text))) {
        if (prose_before <= 2) last_header = i;
      } else if (l.kind == LineKind::kProse && last_header < 0) {
        ++prose_before;
      } else if (l.kind == LineKind::kProse && last_header >= 0) {
        break;
      }
    }
    if (last_header >= 0) body_from = last_header + 1;
  }

  // 3. Title and dek, read backwards from the body over the byline/date block.
  const int head_end = body_from >= 0 ? body_from - 1 : -1;
  int dek_at = -1, title_at = -1;
  int header_from = head_end + 1;  // first line of the byline/date block
  for (int i = head_end, seen = 0; i >= 0 && seen < kHeaderReach; --i, ++seen) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind == LineKind::kBlank) continue;
    if (is_header_kind(l.kind) || l.kind == LineKind::kBoilerplate || (is_small(l) && title_at < 0 && dek_at < 0)) {
      if (dek_at >= 0) break;  // furniture above the dek: no title here
      header_from = i;
      continue;
    }
    if ((l.kind == LineKind::kProse || l.kind == LineKind::kShort) && dek_at < 0 && l.words >= 6) {
      dek_at = i;
      continue;
    }
    if (l.kind == LineKind::kHeadline || (l.kind == LineKind::kShort && !text::ends_like_sentence(l.text))) {
      if (l.words <= 40) title_at = i;
      break;
    }
    break;
  }
  if (title_at >= 0) {
    a.title = lines[static_cast<std::size_t>(title_at)].text;
    if (dek_at >= 0) a.description = lines[static_cast<std::size_t>(dek_at)].text;
  } else if (dek_at >= 0 && dek_at >= best_from) {
    body_from = std::min(body_from, dek_at);  // no title: that line was body after all
  }

  // 4. Byline and dates from the block; authors after a lone "By" are the names below it.
  const int meta_from = std::max(0, (title_at >= 0 ? title_at : header_from) - 2);
  for (int i = meta_from; i <= head_end; ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind != LineKind::kByline) continue;
    std::vector<std::string> names = clean_authors(l.text);
    if (names.empty() && text::trim(l.text).size() <= 3) {
      for (int k = i + 1; k <= head_end && k <= i + 3; ++k) {
        const Line& next = lines[static_cast<std::size_t>(k)];
        if (next.kind == LineKind::kBlank) continue;
        // The line under a lone "By" is the byline; what follows is page furniture.
        if (looks_like_name(next.text) && next.kind != LineKind::kDate) names.push_back(next.text);
        break;
      }
    }
    for (const std::string& nm : names)
      if (looks_like_name(nm) && std::find(a.authors.begin(), a.authors.end(), nm) == a.authors.end())
        a.authors.push_back(nm);
  }
  if (head_end >= 0) read_dates(lines, meta_from, head_end, reference, a);
  std::string labeled_outlet;
  for (int i = meta_from; i <= head_end; ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind == LineKind::kDate || l.kind == LineKind::kByline) read_labeled_fields(l.text, a, labeled_outlet);
  }

  // 5. The body: prose and short lines of the window, headings before prose, list items
  // that read as sentences; captions aside; everything else dropped.
  const int body_to = best_to;
  for (int i = std::max(body_from, 0); i <= body_to && body_from >= 0; ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    switch (l.kind) {
      case LineKind::kProse:
      case LineKind::kShort: {
        const std::string_view item = strip_bullet(l.text);
        if (item.empty()) a.blocks.push_back({BlockType::kParagraph, l.text});
        else a.blocks.push_back({BlockType::kListItem, std::string(item)});
        break;
      }
      case LineKind::kHeadline: {
        int next = i + 1;
        while (next <= body_to && lines[static_cast<std::size_t>(next)].kind == LineKind::kBlank) ++next;
        // A heading before prose; a longer line is a table row or a lead-in.
        if (l.words >= 3 && l.words <= 20 && next <= body_to && lines[static_cast<std::size_t>(next)].kind == LineKind::kProse)
          a.blocks.push_back({BlockType::kHeading, l.text});
        else if (l.units >= 30)
          a.blocks.push_back({BlockType::kParagraph, l.text});
        break;
      }
      case LineKind::kBullet: {
        const std::string item(strip_bullet(l.text));
        if (text::ends_like_sentence(item) && text::text_units(item) >= 30) a.blocks.push_back({BlockType::kListItem, item});
        break;
      }
      case LineKind::kCaption: {
        CaptionParts parts = split_caption_credit(l.text);
        if (!parts.caption.empty()) a.captions.push_back(parts.caption);
        break;
      }
      default:
        break;
    }
  }
  for (int i = meta_from; i < std::max(body_from, 0); ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind != LineKind::kCaption) continue;
    CaptionParts parts = split_caption_credit(l.text);
    if (!parts.caption.empty()) a.captions.push_back(parts.caption);
  }
  std::string copyright_outlet, bio_outlet, credit_outlet;
  // A trailing author bio is not body.
  while (!a.blocks.empty() && parse_author_bio(a.blocks.back().text)) {
    if (auto bio = parse_author_bio(a.blocks.back().text)) {
      if (a.authors.empty()) a.authors.push_back(bio->person);
      if (bio_outlet.empty()) bio_outlet = bio->outlet;
    }
    a.blocks.pop_back();
  }
  if (!a.blocks.empty()) a.dateline = find_dateline(a.blocks.front().text);
  for (std::size_t b = a.blocks.size() >= 3 ? a.blocks.size() - 3 : 0; b < a.blocks.size(); ++b)
    for (const std::string& c : parse_contributors(a.blocks[b].text))
      if (std::find(a.contributors.begin(), a.contributors.end(), c) == a.contributors.end()) a.contributors.push_back(c);

  // 6. After the body: tags, bios, bylines, copyright.
  const int trail_from = body_to >= 0 ? body_to + 1 : 0;
  for (int i = trail_from; i < n && i < trail_from + kTrailerReach; ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind == LineKind::kBlank) continue;
    std::string_view item = strip_bullet(l.text);
    if (item.empty()) item = l.text;
    if (a.tags.empty() && is_tags_label(item)) {
      for (int k = i + 1; k < n; ++k) {
        const Line& t = lines[static_cast<std::size_t>(k)];
        const std::string_view tag = strip_bullet(t.text);
        if (tag.empty() || t.kind != LineKind::kBullet) break;
        if (text::word_count(tag) <= 6) a.tags.emplace_back(tag);
      }
      continue;
    }
    if (l.kind == LineKind::kProse || l.kind == LineKind::kShort) {
      if (auto bio = parse_author_bio(l.text)) {
        if (a.authors.empty()) a.authors.push_back(bio->person);
        if (bio_outlet.empty()) bio_outlet = bio->outlet;
      }
    }
  }
  // The copyright line may be anywhere outside the body (usually the last lines).
  for (int i = n - 1; i >= 0 && copyright_outlet.empty(); --i) {
    if (i >= body_from && i <= body_to) continue;
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind == LineKind::kBoilerplate && is_legal_footer(text::to_lower_ascii(l.text))) copyright_outlet = outlet_from_copyright(l.text);
  }
  // A site crediting its own video or photo: "(Video: The Washington Post)".
  for (int i = meta_from; i <= head_end && credit_outlet.empty(); ++i) {
    const Line& l = lines[static_cast<std::size_t>(i)];
    if (l.kind != LineKind::kCaption) continue;
    std::string credit = split_caption_credit(l.text).credit;
    const std::size_t colon = credit.find(": ");
    if (colon == std::string::npos || credit.find('/') != std::string::npos) continue;
    credit = credit.substr(colon + 2);
    while (!credit.empty() && (credit.back() == ')' || credit.back() == ']')) credit.pop_back();
    static const char* kOrgWords[] = {"Post", "Times", "News", "Journal", "Herald", "Tribune", "Daily", "Press",
                                      "Media", "TV", "Radio", "Network", "Magazine", "Gazette", "Chronicle",
                                      "Telegraph", "Observer", "Guardian", "Independent", "Express", "Mail",
                                      "Review", "Weekly", "Standard", "Globe", "Star", "Sun"};
    const std::string last = credit.substr(credit.rfind(' ') + 1);
    for (const char* w : kOrgWords)
      if (last == w && looks_like_name(credit)) credit_outlet = credit;
  }
  // The masthead at the top of the page names the outlet better than the company in
  // the copyright line ("COASTLINE TIMES" over "Coastline Media Group Ltd.").
  if (!copyright_outlet.empty()) {
    for (int i = 0, seen = 0; i < n && seen < 10; ++i) {
      const Line& l = lines[static_cast<std::size_t>(i)];
      if (l.kind == LineKind::kBlank || l.kind == LineKind::kBullet) continue;
      ++seen;
      if (l.words <= 5 && l.text.size() > copyright_outlet.size() && text::starts_with_ci(l.text, copyright_outlet) &&
          l.text[copyright_outlet.size()] == ' ' && looks_like_name(title_case_if_shouting(l.text))) {
        copyright_outlet = title_case_if_shouting(l.text);
        break;
      }
    }
  }
  a.outlet = !labeled_outlet.empty()     ? labeled_outlet
             : !copyright_outlet.empty() ? copyright_outlet
             : !bio_outlet.empty()       ? bio_outlet
                                         : credit_outlet;
  if (!a.published.empty() || !a.updated.empty()) a.date_source = "text";
  return a;
}

}  // namespace storyline::extract
