#include "extract/dates.h"

#include "storyline/civil_days.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <vector>

#include "text/utf8.h"

namespace storyline::extract {
namespace {

ParsedDate day_only(int y, int m, int d) {
  ParsedDate p;
  p.year = y;
  p.month = m;
  p.day = d;
  return p;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Month from an English name or abbreviation ("Sept.", "MAY"); 0 if none.
int month_from_word(std::string_view w) {
  static constexpr std::string_view kNames[] = {"january", "february", "march", "april", "may", "june", "july",
                                                "august", "september", "october", "november", "december"};
  if (w.size() < 3 || w.size() > 10) return 0;  // no month, even with a period ("sept.")
  std::string lw = text::to_lower_ascii(w);
  if (!lw.empty() && lw.back() == '.') lw.pop_back();
  if (lw.size() < 3) return 0;
  if (lw == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    const std::string_view name = kNames[i];
    if (lw == name) return i + 1;
    if (lw.size() == 3 && name.substr(0, 3) == lw) return i + 1;
  }
  return 0;
}

// The n-th (1-based) given weekday of a month, or the last when n = -1.
int nth_weekday(int y, int m, int weekday, int n) {
  if (n > 0) {
    const int first = day_of_week(y, m, 1);
    return 1 + (weekday - first + 7) % 7 + 7 * (n - 1);
  }
  const int last = days_in_month(y, m);
  return last - (day_of_week(y, m, last) - weekday + 7) % 7;
}

// US daylight saving time (rules since 2007): second Sunday of March to first Sunday of
// November. Good enough for the day; the two switch-over hours are not worth the code.
bool us_dst(int y, int m, int d) {
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  if (m == 3) return d >= nth_weekday(y, 3, 0, 2);
  return d < nth_weekday(y, 11, 0, 1);
}

// EU summer time: last Sunday of March to last Sunday of October.
bool eu_dst(int y, int m, int d) {
  if (m < 3 || m > 10) return false;
  if (m > 3 && m < 10) return true;
  if (m == 3) return d >= nth_weekday(y, 3, 0, -1);
  return d < nth_weekday(y, 10, 0, -1);
}

// Zone abbreviation to offset in minutes for the given day; false if unknown.
bool zone_offset(std::string_view abbr, const ParsedDate& d, int* minutes) {
  struct Zone { const char* name; int offset; int us_generic; };
  // us_generic: 1 for "ET"-style names whose offset depends on daylight saving time.
  static const Zone kZones[] = {
      {"UTC", 0, 0},    {"GMT", 0, 0},      {"Z", 0, 0},       {"EDT", -240, 0}, {"EST", -300, 0},
      {"CDT", -300, 0}, {"CST", -360, 0},   {"MDT", -360, 0},  {"MST", -420, 0}, {"PDT", -420, 0},
      {"PST", -480, 0}, {"ET", -300, 1},    {"CT", -360, 1},   {"MT", -420, 1},  {"PT", -480, 1},
      {"BST", 60, 0},   {"CET", 60, 0},     {"CEST", 120, 0},  {"EET", 120, 0},  {"EEST", 180, 0},
      {"MSK", 180, 0},  {"IST", 330, 0},    {"JST", 540, 0},   {"KST", 540, 0},  {"HKT", 480, 0},
      {"SGT", 480, 0},  {"AEST", 600, 0},   {"AEDT", 660, 0},  {"WET", 0, 0},    {"WEST", 60, 0},
  };
  std::string up(abbr);
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (up == "UK") {  // "UK time"
    *minutes = eu_dst(d.year, d.month, d.day) ? 60 : 0;
    return true;
  }
  for (const Zone& z : kZones) {
    if (up == z.name) {
      *minutes = z.offset + (z.us_generic && us_dst(d.year, d.month, d.day) ? 60 : 0);
      return true;
    }
  }
  return false;
}

int read_int(std::string_view s, std::size_t& i, int max_digits, int* ndigits = nullptr) {
  int v = 0, n = 0;
  while (i < s.size() && is_digit(s[i]) && n < max_digits) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (ndigits) *ndigits = n;
  return v;
}

void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// Reads "+05:30", "-0400", "Z", "GMT", "EDT", "p.m. ET" style zone at s[i]; sets fields.
void read_zone(std::string_view s, std::size_t& i, ParsedDate& d) {
  std::size_t j = i;
  skip_spaces(s, j);
  if (j < s.size() && (s[j] == 'Z' || s[j] == 'z') && (j + 1 == s.size() || !is_alpha(s[j + 1]))) {
    d.has_zone = d.zulu = true;
    i = j + 1;
    return;
  }
  if (j + 2 < s.size() && (s[j] == '+' || s[j] == '-' || s.substr(j, 3) == "\xE2\x88\x92")) {
    std::size_t k = j + (s[j] == '+' || s[j] == '-' ? 1 : 3);
    const int sign = s[j] == '+' ? 1 : -1;
    int nd = 0;
    const int hh = read_int(s, k, 2, &nd);
    if (nd == 2) {
      int mm = 0;
      if (k < s.size() && s[k] == ':') ++k;
      int nm = 0;
      mm = read_int(s, k, 2, &nm);
      if ((nm == 0 || nm == 2) && hh <= 14 && mm < 60) {
        d.has_zone = true;
        d.offset_minutes = sign * (hh * 60 + mm);
        i = k;
      }
    }
    return;
  }
  std::size_t k = j;
  while (k < s.size() && is_alpha(s[k])) ++k;
  if (k > j && k - j <= 4) {
    int off = 0;
    if (zone_offset(s.substr(j, k - j), d, &off)) {
      d.has_zone = true;
      d.offset_minutes = off;
      i = k;
      // "GMT+2" / "UTC-05:00"
      if (off == 0 && k < s.size() && (s[k] == '+' || s[k] == '-')) {
        ParsedDate extra = d;
        std::size_t m = k;
        read_zone(s, m, extra);
        if (extra.has_zone) {
          d.offset_minutes = extra.offset_minutes;
          i = m;
        }
      }
    }
  }
}

// Reads a clock time at s[i]: "07:16", "7:16:00", "12:09 p.m.", "3:15 PM", "3 p.m.".
bool read_time(std::string_view s, std::size_t& i, ParsedDate& d) {
  std::size_t j = i;
  int nd = 0;
  int hh = read_int(s, j, 2, &nd);
  if (nd == 0) return false;
  int mm = 0, ss = 0;
  std::string frac;
  bool has_minutes = false;
  if (j + 2 < s.size() && (s[j] == ':' || s[j] == '.') && is_digit(s[j + 1])) {
    std::size_t k = j + 1;
    int nm = 0;
    mm = read_int(s, k, 2, &nm);
    if (nm != 2) return false;
    has_minutes = true;
    j = k;
    if (j + 1 < s.size() && s[j] == ':' && is_digit(s[j + 1])) {
      k = j + 1;
      ss = read_int(s, k, 2, &nm);
      j = k;
      if (j < s.size() && s[j] == '.' && j + 1 < s.size() && is_digit(s[j + 1])) {
        std::size_t f = j;
        ++j;
        while (j < s.size() && is_digit(s[j])) ++j;
        frac = std::string(s.substr(f, j - f));
      }
    }
  }
  // am / pm
  std::size_t k = j;
  skip_spaces(s, k);
  const std::string rest = text::to_lower_ascii(s.substr(k, 5));
  int meridiem = 0;  // 1 am, 2 pm
  std::size_t after = k;
  if (rest.rfind("a.m.", 0) == 0) { meridiem = 1; after = k + 4; }
  else if (rest.rfind("p.m.", 0) == 0) { meridiem = 2; after = k + 4; }
  else if (rest.rfind("am", 0) == 0 && (k + 2 >= s.size() || !is_alpha(s[k + 2]))) { meridiem = 1; after = k + 2; }
  else if (rest.rfind("pm", 0) == 0 && (k + 2 >= s.size() || !is_alpha(s[k + 2]))) { meridiem = 2; after = k + 2; }
  if (!has_minutes && meridiem == 0) return false;
  if (meridiem) {
    if (hh < 1 || hh > 12) return false;
    if (meridiem == 1 && hh == 12) hh = 0;
    if (meridiem == 2 && hh != 12) hh += 12;
    j = after;
  }
  if (hh > 23 || mm > 59 || ss > 60) return false;
  d.hour = hh;
  d.minute = mm;
  d.second = ss;
  d.fraction = frac;
  i = j;
  read_zone(s, i, d);
  return true;
}

// After a date at s[i]: optional ", " / " at " / " - " / "T" then a time.
void read_optional_time(std::string_view s, std::size_t& i, ParsedDate& d) {
  std::size_t j = i;
  // Allow separators people write between a date and its time.
  for (int guard = 0; guard < 4 && j < s.size(); ++guard) {
    if (s[j] == ' ' || s[j] == ',' || s[j] == 'T' || s[j] == '|' || s[j] == '-' || s[j] == '/') { ++j; continue; }
    if (text::starts_with_ci(s.substr(j), "at ")) { j += 3; continue; }
    if (s.substr(j, 3) == "\xE2\x80\x94" || s.substr(j, 3) == "\xE2\x80\x93") { j += 3; continue; }
    if (s.substr(j, 3) == "\xE6\x97\xA5") { j += 3; continue; }  // 日
    break;
  }
  ParsedDate t = d;
  if (read_time(s, j, t)) {
    d = t;
    i = j;
  } else {
    // A zone right after a date-only is rare; ignore it.
  }
}

bool word_boundary_before(std::string_view s, std::size_t i) {
  return i == 0 || !(is_alpha(s[i - 1]) || is_digit(s[i - 1]));
}

// Tries every date shape starting at s[i]. On success sets out and end.
bool date_at(std::string_view s, std::size_t i, ParsedDate& out, std::size_t& end) {
  ParsedDate d;
  if (is_digit(s[i])) {
    if (!word_boundary_before(s, i)) return false;
    std::size_t j = i;
    int n1 = 0;
    const int a = read_int(s, j, 4, &n1);
    // 2024-05-31, 2024/05/31, 2024.05.31, 2024年5月31日
    if (n1 == 4 && j < s.size()) {
      const bool cjk = s.substr(j, 3) == "\xE5\xB9\xB4";  // 年
      const char sep = s[j];
      if (cjk || sep == '-' || sep == '/' || sep == '.') {
        std::size_t k = j + (cjk ? 3 : 1);
        int n2 = 0;
        const int m = read_int(s, k, 2, &n2);
        if (n2 == 0) return false;
        if (cjk ? s.substr(k, 3) != "\xE6\x9C\x88" : (k >= s.size() || s[k] != sep)) return false;  // 月
        k += cjk ? 3 : 1;
        int n3 = 0;
        const int dd = read_int(s, k, 2, &n3);
        if (n3 == 0 || !valid_ymd(a, m, dd)) return false;
        if (!cjk && (k < s.size() && is_digit(s[k]))) return false;
        d.year = a; d.month = m; d.day = dd;
        if (cjk && s.substr(k, 3) == "\xE6\x97\xA5") k += 3;  // 日
        read_optional_time(s, k, d);
        out = d;
        end = k;
        return true;
      }
      // 20240531 alone is too ambiguous in text; machine parser handles it.
      return false;
    }
    // "31 May 2024", "31. Mai" (English months only)
    if (n1 >= 1 && n1 <= 2) {
      std::size_t k = j;
      if (k < s.size() && s[k] == '.') ++k;
      // "5/31/2024" (US order) only when unambiguous by value.
      if (k < s.size() && (s[k] == '/') && n1 <= 2) {
        std::size_t q = k + 1;
        int n2 = 0;
        const int b = read_int(s, q, 2, &n2);
        if (n2 && q < s.size() && s[q] == '/') {
          ++q;
          int n3 = 0;
          const int y = read_int(s, q, 4, &n3);
          if (n3 == 4) {
            int m = a, dd = b;
            if (a > 12 && b <= 12) { m = b; dd = a; }
            if (!valid_ymd(y, m, dd)) return false;
            d.year = y; d.month = m; d.day = dd;
            read_optional_time(s, q, d);
            out = d;
            end = q;
            return true;
          }
        }
        return false;
      }
      skip_spaces(s, k);
      std::size_t w = k;
      while (w < s.size() && (is_alpha(s[w]) || s[w] == '.')) ++w;
      const int m = month_from_word(s.substr(k, w - k));
      if (m == 0) return false;
      std::size_t q = w;
      if (q < s.size() && s[q] == ',') ++q;
      skip_spaces(s, q);
      int n3 = 0;
      const int y = read_int(s, q, 4, &n3);
      if (n3 != 4 || !valid_ymd(y, m, a)) return false;
      d.year = y; d.month = m; d.day = a;
      read_optional_time(s, q, d);
      out = d;
      end = q;
      return true;
    }
    return false;
  }
  if (is_alpha(s[i])) {
    if (!word_boundary_before(s, i)) return false;
    // "May 31, 2024", "Sept. 3 2024", "May 31st, 2024"
    std::size_t w = i;
    while (w < s.size() && (is_alpha(s[w]) || s[w] == '.')) ++w;
    const int m = month_from_word(s.substr(i, w - i));
    if (m == 0) return false;
    std::size_t k = w;
    skip_spaces(s, k);
    int n2 = 0;
    const int dd = read_int(s, k, 2, &n2);
    if (n2 == 0) return false;
    if (k + 1 < s.size() && (text::starts_with_ci(s.substr(k), "st") || text::starts_with_ci(s.substr(k), "nd") ||
                             text::starts_with_ci(s.substr(k), "rd") || text::starts_with_ci(s.substr(k), "th")))
      k += 2;
    if (k < s.size() && s[k] == ',') ++k;
    skip_spaces(s, k);
    int n3 = 0;
    const int y = read_int(s, k, 4, &n3);
    if (n3 != 4 || !valid_ymd(y, m, dd)) return false;
    d.year = y; d.month = m; d.day = dd;
    read_optional_time(s, k, d);
    out = d;
    end = k;
    return true;
  }
  return false;
}

}  // namespace

int day_of_week(int y, int m, int d) {
  // Sakamoto's method.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

std::string ParsedDate::iso() const {
  char buf[64];
  if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string out = buf;
  if (hour < 0) return out;
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
  out += buf;
  out += fraction;
  if (!has_zone) return out;
  if (zulu) return out + "Z";
  const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
  return out + buf;
}

std::optional<ParsedDate> parse_machine_date(std::string_view raw) {
  const std::string s = text::trim(raw);
  if (s.empty()) return std::nullopt;
  ParsedDate d;
  std::size_t i = 0;
  int n = 0;
  // Compact 20240531 / 20240531T071600Z
  if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, [](char c) { return is_digit(c); }) &&
      (s.size() == 8 || s[8] == 'T')) {
    d.year = std::stoi(s.substr(0, 4));
    d.month = std::stoi(s.substr(4, 2));
    d.day = std::stoi(s.substr(6, 2));
    if (!valid_ymd(d.year, d.month, d.day)) return std::nullopt;
    return d;
  }
  d.year = read_int(s, i, 4, &n);
  if (n == 4 && i < s.size() && s[i] == '-') {
    ++i;
    d.month = read_int(s, i, 2, &n);
    if (n != 2 || i >= s.size() || s[i] != '-') {
      // "2024-05": a month only is not a date we keep.
      return std::nullopt;
    }
    ++i;
    d.day = read_int(s, i, 2, &n);
    if (n != 2 || !valid_ymd(d.year, d.month, d.day)) return std::nullopt;
    if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
      std::size_t j = i + 1;
      ParsedDate t = d;
      if (read_time(s, j, t)) {
        d = t;
        i = j;
      }
    } else {
      read_zone(s, i, d);  // "2024-05-31Z" is odd but harmless
      d.has_zone = false;  // a zone without a time means nothing
    }
    return d;
  }
  // RFC 822 / 1123: "Fri, 31 May 2024 07:16:00 GMT", or any written date.
  if (auto f = find_date(s)) {
    if (f->begin <= 5) return f->date;
  }
  return std::nullopt;
}

std::optional<FoundDate> find_date(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!(is_digit(s[i]) || is_alpha(s[i]))) continue;
    ParsedDate d;
    std::size_t end = i;
    if (date_at(s, i, d, end)) return FoundDate{d, i, end};
    // Skip to the end of this token.
    while (i + 1 < s.size() && (is_digit(s[i + 1]) || is_alpha(s[i + 1]))) ++i;
  }
  return std::nullopt;
}

std::optional<ParsedDate> date_from_url(std::string_view url) {
  // Look for /YYYY/MM/DD/ or /YYYY-MM-DD or /YYYYMMDD/ in the path.
  std::size_t p = url.find("://");
  p = p == std::string_view::npos ? 0 : url.find('/', p + 3);
  if (p == std::string_view::npos) return std::nullopt;
  const std::string_view path = url.substr(p);
  for (std::size_t i = 0; i + 10 <= path.size(); ++i) {
    if (path[i] != '/' || !is_digit(path[i + 1])) continue;
    std::size_t j = i + 1;
    int n = 0;
    const int y = read_int(path, j, 4, &n);
    if (n != 4 || y < 1990 || j >= path.size()) continue;
    if (path[j] == '/' || path[j] == '-' || path[j] == '_') {
      const char sep = path[j];
      std::size_t k = j + 1;
      const int m = read_int(path, k, 2, &n);
      if (n == 0 || k >= path.size() || path[k] != sep) continue;
      ++k;
      const int d = read_int(path, k, 2, &n);
      if (n == 0 || (k < path.size() && is_digit(path[k]))) continue;
      if (valid_ymd(y, m, d)) return day_only(y, m, d);
    } else if (is_digit(path[j])) {
      std::size_t k = j;
      const int md = read_int(path, k, 4, &n);
      if (n == 4 && (k >= path.size() || !is_digit(path[k])) && valid_ymd(y, md / 100, md % 100))
        return day_only(y, md / 100, md % 100);
    }
  }
  return std::nullopt;
}

bool plausible(const ParsedDate& d) { return d.year >= 1990 && d.year <= 2100; }

namespace {



ParsedDate day_plus(const ParsedDate& ref, long days) {
  ParsedDate out;
  {
    const CivilDate c = civil_from_days(days_from_civil(ref.year, ref.month, ref.day) + days);
    out.year = c.year;
    out.month = c.month;
    out.day = c.day;
  }
  return out;
}

// "2 hours ago" from a reference with a time: minutes back, in the reference's zone.
ParsedDate minutes_before(const ParsedDate& ref, long minutes) {
  long total = days_from_civil(ref.year, ref.month, ref.day) * 1440 + ref.hour * 60 + ref.minute - minutes;
  long days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
  long rest = total - days * 1440;
  ParsedDate out = ref;
  {
    const CivilDate c = civil_from_days(days);
    out.year = c.year;
    out.month = c.month;
    out.day = c.day;
  }
  out.hour = static_cast<int>(rest / 60);
  out.minute = static_cast<int>(rest % 60);
  out.second = 0;
  out.fraction.clear();
  return out;
}

int weekday_from_word(std::string_view w) {
  static constexpr std::string_view kDays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  if (w.size() < 6 || w.size() > 9) return -1;  // no weekday's length
  const std::string lw = text::to_lower_ascii(w);
  for (int i = 0; i < 7; ++i)
    if (lw == kDays[i]) return i;
  return -1;
}

struct Word {
  std::string_view text;
  std::size_t begin, end;
};

std::vector<Word> words_of(std::string_view s) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !(is_alpha(s[i]) || is_digit(s[i]))) ++i;
    const std::size_t b = i;
    while (i < s.size() && (is_alpha(s[i]) || is_digit(s[i]))) ++i;
    if (i > b) out.push_back({s.substr(b, i - b), b, i});
  }
  return out;
}

}  // namespace

long days_between(const ParsedDate& a, const ParsedDate& b) {
  return days_from_civil(b.year, b.month, b.day ? b.day : 1) - days_from_civil(a.year, a.month, a.day ? a.day : 1);
}

bool after_reference(const ParsedDate& d, const ParsedDate& reference) {
  if (d.day == 0) return d.year * 12 + d.month > reference.year * 12 + reference.month;
  return days_between(reference, d) > 1;
}

std::optional<FoundDate> find_relative_date(std::string_view s, const ParsedDate& ref) {
  const std::vector<Word> w = words_of(s);
  auto found = [&](ParsedDate d, std::size_t b, std::size_t e) {
    FoundDate f;
    f.date = d;
    f.begin = b;
    f.end = e;
    f.relative = true;
    return f;
  };
  for (std::size_t k = 0; k < w.size(); ++k) {
    // A word of letters shorter than "may" or longer than "september" names no day or
    // month: most words of a line are skipped without being lower-cased.
    if (!is_digit(w[k].text[0]) && (w[k].text.size() < 3 || w[k].text.size() > 9)) continue;
    const std::string lower = text::to_lower_ascii(w[k].text);
    const std::string_view lw = lower;  // compared by length first
    if (lw == "today") return found(day_plus(ref, 0), w[k].begin, w[k].end);
    if (lw == "yesterday") return found(day_plus(ref, -1), w[k].begin, w[k].end);
    // "N <unit>s ago"
    if (is_digit(w[k].text[0]) && k + 2 < w.size() && w[k + 2].text.size() == 3 && text::to_lower_ascii(w[k + 2].text) == "ago") {
      const long n = std::strtol(std::string(w[k].text).c_str(), nullptr, 10);
      std::string unit = text::to_lower_ascii(w[k + 1].text);
      if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
      const std::size_t b = w[k].begin, e = w[k + 2].end;
      if (unit == "minute" || unit == "min" || unit == "hour" || unit == "hr" || unit == "h") {
        const long minutes = (unit[0] == 'm') ? n : n * 60;
        if (ref.hour >= 0) return found(minutes_before(ref, minutes), b, e);
        return found(day_plus(ref, -(minutes / 1440)), b, e);
      }
      if (unit == "day" || unit == "d") return found(day_plus(ref, -n), b, e);
      if (unit == "week" || unit == "wk") return found(day_plus(ref, -7 * n), b, e);
      if (unit == "month" || unit == "year") {
        ParsedDate d;
        long months = (ref.year * 12 + ref.month - 1) - (unit == "month" ? n : 12 * n);
        d.year = static_cast<int>(months / 12);
        d.month = static_cast<int>(months % 12) + 1;
        d.day = 0;  // only the month is known
        return found(d, b, e);
      }
    }
    // Weekday: the last such day on or before the reference.
    if (const int wd = weekday_from_word(w[k].text); wd >= 0) {
      const int ref_wd = day_of_week(ref.year, ref.month, ref.day);
      return found(day_plus(ref, -((ref_wd - wd + 7) % 7)), w[k].begin, w[k].end);
    }
    // "May 13" / "13 May" without a year; "in February" / "February" alone.
    if (const int m = month_from_word(w[k].text); m > 0 && w[k].text.size() >= 3) {
      int day = 0;
      std::size_t e = w[k].end, b = w[k].begin;
      if (k + 1 < w.size() && is_digit(w[k + 1].text[0]) && w[k + 1].text.size() <= 2 && w[k + 1].begin - w[k].end <= 2)
        day = std::atoi(std::string(w[k + 1].text).c_str()), e = w[k + 1].end;
      else if (k > 0 && is_digit(w[k - 1].text[0]) && w[k - 1].text.size() <= 2 && w[k].begin - w[k - 1].end <= 2)
        day = std::atoi(std::string(w[k - 1].text).c_str()), b = w[k - 1].begin;
      // A year right after means an absolute date: find_date's business.
      const std::size_t after = day ? k + 2 : k + 1;
      if (after < w.size() && w[after].text.size() == 4 && is_digit(w[after].text[0]) && w[after].begin - e <= 2) continue;
      // "May" is also a verb: a bare month needs "in" before it.
      if (!day && !(k > 0 && text::to_lower_ascii(w[k - 1].text) == "in")) continue;
      ParsedDate d;
      d.year = ref.year;
      d.month = m;
      d.day = day;
      if (day && !valid_ymd(d.year, m, day)) continue;
      if (after_reference(d, ref)) d.year -= 1;
      return found(d, day ? b : w[k - 1].begin, e);
    }
  }
  return std::nullopt;
}

}  // namespace storyline::extract
