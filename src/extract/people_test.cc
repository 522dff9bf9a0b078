#include "extract/people.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

using Names = std::vector<std::string>;

TEST(CleanAuthors, DropsByDatesAndJobTitles) {
  EXPECT_EQ(clean_authors("By Mara Lind and Teo Varga"), (Names{"Mara Lind", "Teo Varga"}));
  EXPECT_EQ(clean_authors("By MARA LIND, Staff Writer"), (Names{"Mara Lind"}));
  EXPECT_EQ(clean_authors("By Mara Lind | March 3, 2031"), (Names{"Mara Lind"}));
  EXPECT_EQ(clean_authors("Mara Lind, Teo Varga & Ines Aalto"), (Names{"Mara Lind", "Teo Varga", "Ines Aalto"}));
  EXPECT_EQ(clean_authors("By"), Names{});
}

TEST(CleanAuthors, KeepsWireAgencies) {
  EXPECT_EQ(clean_authors("By AFP"), (Names{"AFP"}));
  EXPECT_EQ(clean_authors("Reuters"), (Names{"Reuters"}));
}

TEST(CleanAuthors, DropsDuplicates) {
  EXPECT_EQ(clean_authors("By Mara Lind and Mara Lind"), (Names{"Mara Lind"}));
}

TEST(AuthorBio, PossessiveOutlet) {
  auto bio = parse_author_bio("Mara Lind has been Lantern Gazette's harbour reporter since 2024.");
  ASSERT_TRUE(bio);
  EXPECT_EQ(bio->person, "Mara Lind");
  EXPECT_EQ(bio->outlet, "Lantern Gazette");
  bio = parse_author_bio("Teo Varga is a reporter for The Harbour Post, covering ports.");
  ASSERT_TRUE(bio);
  EXPECT_EQ(bio->outlet, "The Harbour Post");
}

TEST(AuthorBio, OrdinarySentencesAreNotBios) {
  EXPECT_FALSE(parse_author_bio("The council is expected to vote on Tuesday."));
  EXPECT_FALSE(parse_author_bio("Ferries were late again."));
}

TEST(Contributors, ContributedToThisReport) {
  EXPECT_EQ(parse_contributors("Teo Varga contributed to this report from Bergen."), (Names{"Teo Varga"}));
  EXPECT_EQ(parse_contributors("Mara Lind and Teo Varga contributed reporting."), (Names{"Mara Lind", "Teo Varga"}));
  EXPECT_EQ(parse_contributors("The council contributed money."), Names{});
}

}  // namespace
}  // namespace storyline::extract
