// Civil dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar
// (Howard Hinnant's days_from_civil / civil_from_days: exact, no tables, any year).
// Date arithmetic everywhere (relative dates, event windows, timelines) goes through here.
#pragma once

#include <string>

namespace storyline {

struct CivilDate {
  int year = 0, month = 0, day = 0;
};

long days_from_civil(int year, int month, int day);
CivilDate civil_from_days(long days);
// "YYYY-MM-DD" of a day number.
std::string iso_day(long days);

}  // namespace storyline
