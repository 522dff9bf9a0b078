// Dates written by people and machines, parsed to ISO 8601. Internal to extraction.
//
// Only what the text says is kept: a date without a time stays a day, a time without a
// zone gets no offset. "ET" and the like resolve to the offset in force on that day.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyline::extract {

struct ParsedDate {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;  // hour -1: no time given
  std::string fraction;                   // ".816" as written, or ""
  bool has_zone = false;
  bool zulu = false;                      // written as "Z"
  int offset_minutes = 0;

  std::string iso() const;                // "2024-05-31", "2024-05-31T07:16:00-04:00"; "2024-02" when day is 0
};

// A date found in free text, with where it was.
struct FoundDate {
  ParsedDate date;
  std::size_t begin = 0, end = 0;  // byte range in the scanned text
  bool relative = false;           // resolved against a reference ("yesterday", "May 13")
};

// Machine dates: ISO 8601 / RFC 3339, "2024-05-31 07:16:00", RFC 822 ("Fri, 31 May 2024
// 07:16:00 GMT"). The whole string (trimmed) must be the date, give or take a trailing zone.
std::optional<ParsedDate> parse_machine_date(std::string_view s);

// First date written anywhere in s: machine forms, "May 31, 2024 at 12:09 p.m. EDT",
// "31 May 2024", "November 17, 2024, 3:15 PM ET", "2024年5月31日 10:00".
std::optional<FoundDate> find_date(std::string_view s);

// /2024/05/31/ or /20240531/ in a URL path.
std::optional<ParsedDate> date_from_url(std::string_view url);

// First relative or partial date in s, resolved against reference (a day, with a time
// when known): "yesterday", "today", "2 hours ago", "3 days ago", "Thursday" (the last
// such day on or before the reference), "May 13" (the reference's year, or the year
// before when that would be later than the reference), "in February" (a month: day 0).
// Absolute dates are find_date's; this finds only what needs the reference.
std::optional<FoundDate> find_relative_date(std::string_view s, const ParsedDate& reference);

// Whole days between two days (b - a).
long days_between(const ParsedDate& a, const ParsedDate& b);

// True when d is after the reference by more than a day (time zones and late edits
// make a few hours harmless).
bool after_reference(const ParsedDate& d, const ParsedDate& reference);

// Plausible as a news date: 1990 or later, and not in the future of now_year+1.
bool plausible(const ParsedDate& d);

// Day of week, 0 = Sunday (proleptic Gregorian).
int day_of_week(int y, int m, int d);

}  // namespace storyline::extract
