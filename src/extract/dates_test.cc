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
