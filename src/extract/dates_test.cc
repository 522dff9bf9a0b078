#include "extract/dates.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

std::string first_date(std::string_view s) {
  auto d = find_date(s);
  return d ? d->date.iso() : "";
}

TEST(ParseMachineDate, IsoFormsKeepWhatIsWritten) {
  EXPECT_EQ(parse_machine_date("2024-05-30T21:45:27.816Z")->iso(), "2024-05-30T21:45:27.816Z");
  EXPECT_EQ(parse_machine_date("2024-05-31T07:16:00-04:00")->iso(), "2024-05-31T07:16:00-04:00");
  EXPECT_EQ(parse_machine_date("2024-05-31T07:16:00+0530")->iso(), "2024-05-31T07:16:00+05:30");
  EXPECT_EQ(parse_machine_date("2024-05-31 07:16:00")->iso(), "2024-05-31T07:16:00");
  EXPECT_EQ(parse_machine_date("2024-05-31")->iso(), "2024-05-31");
  EXPECT_EQ(parse_machine_date("20240531")->iso(), "2024-05-31");
  EXPECT_EQ(parse_machine_date("Fri, 31 May 2024 07:16:00 GMT")->iso(), "2024-05-31T07:16:00+00:00");
}

TEST(ParseMachineDate, RejectsWhatIsNotADay) {
  EXPECT_FALSE(parse_machine_date("2024-05"));
  EXPECT_FALSE(parse_machine_date("2024-02-30"));
  EXPECT_FALSE(parse_machine_date("yesterday"));
  EXPECT_FALSE(parse_machine_date(""));
}

TEST(FindDate, WrittenDatesWithTimesAndZones) {
  EXPECT_EQ(first_date("Updated May 31, 2024 at 12:09 p.m. EDT"), "2024-05-31T12:09:00-04:00");
  EXPECT_EQ(first_date("Published May 31, 2024 at 7:16 a.m. EDT"), "2024-05-31T07:16:00-04:00");
  EXPECT_EQ(first_date("31 May 2024"), "2024-05-31");
  EXPECT_EQ(first_date("Sept. 3, 2024"), "2024-09-03");
  EXPECT_EQ(first_date("Date:2025-04-14 15:14:11"), "2025-04-14T15:14:11");
  EXPECT_EQ(first_date("2024年5月31日 10:30"), "2024-05-31T10:30:00");
  EXPECT_EQ(first_date("Thursday, March 13, 2025 – 7:15 PM"), "2025-03-13T19:15:00");
}

TEST(FindDate, GenericUsZonesFollowDaylightSavingTime) {
  // "ET" is EST in November and EDT in July.
  EXPECT_EQ(first_date("November 17, 2024, 3:15 PM ET"), "2024-11-17T15:15:00-05:00");
  EXPECT_EQ(first_date("July 4, 2024, 3:15 PM ET"), "2024-07-04T15:15:00-04:00");
  // The switch-over days: second Sunday of March, first Sunday of November (2024).
  EXPECT_EQ(first_date("March 10, 2024, 9:00 AM ET"), "2024-03-10T09:00:00-04:00");
  EXPECT_EQ(first_date("March 9, 2024, 9:00 AM ET"), "2024-03-09T09:00:00-05:00");
  EXPECT_EQ(first_date("November 3, 2024, 9:00 AM ET"), "2024-11-03T09:00:00-05:00");
}

TEST(FindDate, NoDateInOrdinaryText) {
  EXPECT_EQ(first_date("The council may vote in March."), "");
  EXPECT_EQ(first_date("He scored 12 points in 2024 games"), "");
}

TEST(DateFromUrl, PathSegments) {
  EXPECT_EQ(date_from_url("https://example.com/2024/05/31/story")->iso(), "2024-05-31");
  EXPECT_EQ(date_from_url("https://example.com/news/2024-05-31-story")->iso(), "2024-05-31");
  EXPECT_EQ(date_from_url("https://example.com/20240531/story")->iso(), "2024-05-31");
  EXPECT_FALSE(date_from_url("https://example.com/2024/story-about-1999"));
}

TEST(DayOfWeek, KnownDays) {
  EXPECT_EQ(day_of_week(2024, 5, 31), 5);  // a Friday
  EXPECT_EQ(day_of_week(2000, 1, 1), 6);   // a Saturday
}

}  // namespace
}  // namespace storyline::extract

namespace storyline::extract {
namespace {

ParsedDate ref_day(int y, int m, int d, int hh = -1, int mm = 0) {
  ParsedDate r;
  r.year = y;
  r.month = m;
  r.day = d;
  r.hour = hh;
  r.minute = mm;
  return r;
}

std::string rel(std::string_view s, const ParsedDate& ref) {
  auto f = find_relative_date(s, ref);
  return f ? f->date.iso() : "";
}

TEST(RelativeDates, AgainstAReferenceDay) {
  const ParsedDate friday = ref_day(2024, 5, 31);  // a Friday
  EXPECT_EQ(rel("yesterday", friday), "2024-05-30");
  EXPECT_EQ(rel("Updated today", friday), "2024-05-31");
  EXPECT_EQ(rel("3 days ago", friday), "2024-05-28");
  EXPECT_EQ(rel("2 weeks ago", friday), "2024-05-17");
  EXPECT_EQ(rel("on Thursday", friday), "2024-05-30");
  EXPECT_EQ(rel("on Friday", friday), "2024-05-31");
  EXPECT_EQ(rel("last Monday", friday), "2024-05-27");
  EXPECT_EQ(rel("earlier this month, on May 13", friday), "2024-05-13");
  EXPECT_EQ(rel("13 May", friday), "2024-05-13");
  EXPECT_EQ(rel("in February", friday), "2024-02");
  EXPECT_EQ(rel("in December", friday), "2023-12");   // later than the reference: the year before
  EXPECT_EQ(rel("on December 24", friday), "2023-12-24");
  EXPECT_TRUE(find_relative_date("today", friday)->relative);
}

TEST(RelativeDates, HoursAgoKeepTheReferenceTimeAndZone) {
  ParsedDate ref = ref_day(2024, 5, 31, 1, 30);
  ref.has_zone = true;
  ref.offset_minutes = -240;
  EXPECT_EQ(rel("2 hours ago", ref), "2024-05-30T23:30:00-04:00");
  EXPECT_EQ(rel("45 min ago", ref), "2024-05-31T00:45:00-04:00");
}

TEST(RelativeDates, NotDates) {
  const ParsedDate ref = ref_day(2024, 5, 31);
  EXPECT_EQ(rel("She may go", ref), "");           // "may" without a day
  EXPECT_EQ(rel("May 13, 2024", ref), "");         // absolute: find_date's
  EXPECT_EQ(rel("The harbour reopened.", ref), "");
}

TEST(RelativeDates, AfterReference) {
  const ParsedDate ref = ref_day(2024, 5, 31);
  EXPECT_FALSE(after_reference(ref_day(2024, 6, 1), ref));
  EXPECT_TRUE(after_reference(ref_day(2024, 6, 5), ref));
  EXPECT_EQ(days_between(ref_day(2024, 2, 28), ref_day(2024, 3, 1)), 2);
}

}  // namespace
}  // namespace storyline::extract
