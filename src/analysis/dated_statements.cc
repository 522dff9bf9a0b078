#include "storyline/dated_statements.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "analysis/mentions.h"
#include "extract/dates.h"
#include "storyline/sentences.h"
#include "storyline/civil_days.h"
#include "text/utf8.h"

namespace storyline {
namespace {

using extract::ParsedDate;
using analysis::lower;



ParsedDate plus_days(const ParsedDate& d, long n) {
  const CivilDate c = civil_from_days(days_from_civil(d.year, d.month, d.day) + n);
  ParsedDate p;
  p.year = c.year;
  p.month = c.month;
  p.day = c.day;
  return p;
}

ParsedDate month_of(int y, int m) {
  ParsedDate p;
  p.year = y;
  p.month = m;
  p.day = 0;
  return p;
}

std::string iso_day_or_month(const ParsedDate& d) {
  char buf[16];
  if (d.day > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  else std::snprintf(buf, sizeof buf, "%04d-%02d", d.year % 10000, d.month % 100);
  return buf;
}

struct Found {
  std::size_t begin = 0, end = 0;
  std::optional<ParsedDate> date;  // unset: no reference to resolve against
  bool relative = false;
};

int number_word(std::string_view w) {
  static const char* kNums[] = {"a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  const std::string l = lower(w);
  for (int i = 0; i <= 10; ++i) {
    if (l == kNums[i]) return i == 0 ? 1 : i;
  }
  if (!l.empty() && std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; }) && l.size() <= 2)
    return std::stoi(l);
  return 0;
}

int zh_weekday(std::string_view s) {
  static const std::string_view kDays[] = {"日", "一", "二", "三", "四", "五", "六"};
  for (int i = 0; i < 7; ++i) {
    if (s.starts_with(kDays[i])) return i;
  }
  if (s.starts_with("天")) return 0;
  return -1;
}

// Every temporal expression of one sentence. `anchor` is the last day told before it (for
// "a day earlier"); `ref` the reference day (nullopt: resolve nothing).
std::vector<Found> scan(std::string_view s, const std::optional<ParsedDate>& ref, const std::optional<ParsedDate>& anchor) {
  std::vector<Found> out;
  auto taken = [&](std::size_t b, std::size_t e) {
    return std::any_of(out.begin(), out.end(), [&](const Found& f) { return b < f.end && f.begin < e; });
  };
  // 1. Absolute dates.
  for (std::size_t from = 0; from < s.size();) {
    auto f = extract::find_date(s.substr(from));
    if (!f) break;
    Found x;
    x.begin = from + f->begin;
    x.end = from + f->end;
    ParsedDate d = f->date;
    d.hour = -1;
    x.date = d;
    if (extract::plausible(d)) out.push_back(x);
    from = x.end > from ? x.end : from + 1;
  }
  // 2. Dates that need the reference: weekdays, "May 13", "in February", "yesterday".
  //    Without a reference we still find them, against a stand-in day, and drop the date.
  ParsedDate stand_in;
  stand_in.year = 2000, stand_in.month = 1, stand_in.day = 1;
  const ParsedDate r = ref ? *ref : stand_in;
  for (std::size_t from = 0; from < s.size();) {
    auto f = extract::find_relative_date(s.substr(from), r);
    if (!f) break;
    Found x;
    x.begin = from + f->begin;
    x.end = from + f->end;
    x.relative = true;
    if (ref) {
      ParsedDate d = f->date;
      d.hour = -1;
      x.date = d;
    }
    if (!taken(x.begin, x.end)) out.push_back(x);
    from = x.end > from ? x.end : from + 1;
  }
  // 3. Spans and steps, read word by word.
  const std::vector<analysis::Word> w = analysis::split_words(s);
  for (std::size_t k = 0; k < w.size(); ++k) {
    const std::string a = lower(w[k].text);
    const std::string b = k + 1 < w.size() ? lower(w[k + 1].text) : "";
    const std::string c = k + 2 < w.size() ? lower(w[k + 2].text) : "";
    Found x;
    x.relative = true;
    x.begin = w[k].begin;
    if ((a == "this" || a == "earlier" || a == "later") && (b == "month" || (b == "this" && c == "month"))) {
      x.end = (b == "this" ? w[k + 2] : w[k + 1]).end;
      if (ref) x.date = month_of(ref->year, ref->month);
    } else if (a == "last" && b == "month") {
      x.end = w[k + 1].end;
      if (ref) x.date = month_of(ref->month == 1 ? ref->year - 1 : ref->year, ref->month == 1 ? 12 : ref->month - 1);
    } else if (a == "last" && b == "week") {
      x.end = w[k + 1].end;
      if (ref) {
        const ParsedDate d = plus_days(*ref, -7);
        x.date = month_of(d.year, d.month);  // a week is no day; its month is what is known
      }
    } else if (const int n = number_word(a); n > 0 && (b == "day" || b == "days") &&
                                              (c == "earlier" || c == "later")) {
      // ("a day after X" relates two events; it names no date by itself.)
      x.end = w[k + 2].end;
      const std::optional<ParsedDate> base = anchor ? anchor : ref;
      if (base) x.date = plus_days(*base, c == "earlier" ? -n : n);
    } else if (a == "the" && ((b == "day" && (c == "before" || c == "after")) || (b == "next" && c == "day") ||
                              (b == "previous" && c == "day") || (b == "following" && c == "day"))) {
      x.end = w[k + 2].end;
      const std::optional<ParsedDate> base = anchor ? anchor : ref;
      const bool back = c == "before" || b == "previous";
      if (base) x.date = plus_days(*base, back ? -1 : 1);
    } else {
      continue;
    }
    if (!taken(x.begin, x.end)) out.push_back(x);
  }
  // 4. Chinese: 5月30日 (no year), 周四 / 星期四.
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    const char32_t cp = text::next_code_point(s, j);
    if (cp >= '0' && cp <= '9') {
      std::size_t e = i;
      int month = 0, day = 0;
      while (e < s.size() && s[e] >= '0' && s[e] <= '9') month = month * 10 + (s[e++] - '0');
      const bool after_year = i >= 3 && s.substr(i - 3, 3) == "年";
      if (s.substr(e).starts_with("月")) {
        e += 3;
        while (e < s.size() && s[e] >= '0' && s[e] <= '9') day = day * 10 + (s[e++] - '0');
        if (day > 0 && (s.substr(e).starts_with("日") || s.substr(e).starts_with("号")) && !after_year &&
            month >= 1 && month <= 12 && day <= 31 && !taken(i, e + 3)) {
          Found x;
          x.begin = i;
          x.end = e + 3;
          x.relative = true;
          if (ref) {
            ParsedDate d;
            d.year = ref->year, d.month = month, d.day = day;
            if (extract::after_reference(d, *ref)) d.year -= 1;
            x.date = d;
          }
          out.push_back(x);
          i = x.end;
          continue;
        }
      }
      i = e > i ? e : j;
      continue;
    }
    for (std::string_view p : {std::string_view("星期"), std::string_view("周")}) {
      if (!s.substr(i).starts_with(p)) continue;
      const int wd = zh_weekday(s.substr(i + p.size()));
      // "周" is also "week"/"circumference": only 周 + a weekday numeral, not 周末 or 周年.
      if (wd < 0 || s.substr(i + p.size() + 3).starts_with("年")) continue;
      Found x;
      x.begin = i;
      x.end = i + p.size() + 3;
      x.relative = true;
      if (ref) {
        const int ref_wd = extract::day_of_week(ref->year, ref->month, ref->day);
        x.date = plus_days(*ref, -((ref_wd - wd + 7) % 7));
      }
      if (!taken(x.begin, x.end)) out.push_back(x);
      j = x.end;
      break;
    }
    i = j;
  }
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  return out;
}

// "on Thursday", "in February", "since May 13": the preposition belongs to the phrase.
std::size_t widen(std::string_view s, std::size_t begin) {
  for (std::string_view p : {"on ", "in ", "since ", "by ", "until ", "last ", "next ", "this ", "early ", "late ", "on"}) {
    if (begin >= p.size() && lower(s.substr(begin - p.size(), p.size())) == p &&
        (begin == p.size() || s[begin - p.size() - 1] == ' ' || s[begin - p.size() - 1] == ',')) {
      if (p == "on") continue;
      return begin - p.size();
    }
  }
  return begin;
}

std::optional<ParsedDate> reference_of(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  auto d = extract::parse_machine_date(iso.substr(0, 10));
  if (!d || d->day == 0) return std::nullopt;
  d->hour = -1;
  return d;
}

}  // namespace

std::string article_reference_date(const Article& a) {
  const std::string& d = !a.published.empty() ? a.published : a.page_date;
  return d.size() >= 10 ? d.substr(0, 10) : std::string();
}

std::vector<DatedStatement> extract_dated_statements(const Article& article, std::string_view reference_date,
                                                     std::string_view article_id) {
  const std::string id = article_id.empty() ? article.id() : std::string(article_id);
  const std::string ref_text = reference_date.empty() ? article_reference_date(article) : std::string(reference_date);
  const std::optional<ParsedDate> ref = reference_of(ref_text);
  std::optional<ParsedDate> anchor;  // the last day told, for "a day earlier"
  std::vector<DatedStatement> out;
  bool lead = true;
  for (std::size_t b = 0; b < article.blocks.size(); ++b) {
    const Block& block = article.blocks[b];
    if (block.type != BlockType::kParagraph && block.type != BlockType::kQuote &&
        block.type != BlockType::kListItem)
      continue;
    for (const std::string& sentence : split_sentences(block.text)) {
      const std::vector<Found> found = scan(sentence, ref, anchor);
      const std::size_t first_of_sentence = out.size();
      for (const Found& f : found) {
        DatedStatement st;
        st.sentence = sentence;
        st.expression = text::trim(std::string_view(sentence).substr(widen(sentence, f.begin), f.end - widen(sentence, f.begin)));
        st.article_id = id;
        st.block = b;
        st.is_relative = f.relative;
        if (f.date) {
          st.date = iso_day_or_month(*f.date);
          if (f.date->day > 0) anchor = *f.date;
        }
        // The same date twice in a sentence is one entry; "earlier this month, on May 13"
        // keeps the day.
        bool dup = false;
        for (std::size_t i = first_of_sentence; i < out.size(); ++i) {
          if (out[i].date == st.date && !st.date.empty()) dup = true;
        }
        if (!dup) out.push_back(std::move(st));
      }
      // Drop a month when a day of it was told in the same sentence.
      for (std::size_t i = first_of_sentence; i < out.size();) {
        const bool month_only = out[i].date.size() == 7;
        const bool has_day = std::any_of(out.begin() + static_cast<long>(first_of_sentence), out.end(), [&](const DatedStatement& o) {
          return o.date.size() == 10 && o.date.starts_with(out[i].date);
        });
        if (month_only && has_day) out.erase(out.begin() + static_cast<long>(i));
        else ++i;
      }
      if (lead && found.empty() && ref && text::word_count(sentence) >= 6) {
        DatedStatement st;
        st.date = iso_day_or_month(*ref);
        st.sentence = sentence;
        st.article_id = id;
        st.block = b;
        out.push_back(std::move(st));
        if (!anchor) anchor = ref;
      }
      if (text::word_count(sentence) >= 6) lead = false;
    }
  }
  return out;
}

}  // namespace storyline
