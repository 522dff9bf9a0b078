#include "extract/front_matter.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

const char* kDigest = R"(---
title: Pier to close after storms
date: 2031-03-03T09:00:00.500Z
description: Repairs would cost more than a new pier
tags:
- harbour
- ferries
author: lg
---

[Original](https://lanterngazette.example/pier)

Pier to close after storms

**Summary:**
The council voted to close the pier.

**Questions:**
1. Q: Why?
   A: Storm damage.
)";

TEST(FrontMatter, ScalarsAndLists) {
  FrontMatter fm = parse_front_matter(kDigest);
  EXPECT_EQ(fm.scalars["title"], "Pier to close after storms");
  EXPECT_EQ(fm.lists["tags"], (std::vector<std::string>{"harbour", "ferries"}));
  EXPECT_NE(fm.body.find("**Summary:**"), std::string::npos);
}

TEST(ExtractMarkdown, DigestOfAnotherArticle) {
  Article a = extract_markdown(kDigest);
  EXPECT_EQ(a.title, "Pier to close after storms");
  EXPECT_EQ(a.published, "2031-03-03T09:00:00.500Z");
  EXPECT_EQ(a.date_source, "front_matter");
  EXPECT_EQ(a.url, "https://lanterngazette.example/pier");
  EXPECT_EQ(a.kind, "digest");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"harbour", "ferries"}));
  // "lg" is the outlet's short name (lanterngazette.example -> no), so it stays an author.
  const std::string body = a.text();
  EXPECT_EQ(body.find("Pier to close after storms"), std::string::npos) << "title repeated in body";
  EXPECT_NE(body.find("The council voted to close the pier."), std::string::npos);
  EXPECT_NE(body.find("Q: Why? A: Storm damage."), std::string::npos) << body;
}

TEST(HasFrontMatter, NeedsBothFences) {
  EXPECT_TRUE(has_front_matter("---\na: b\n---\n"));
  EXPECT_FALSE(has_front_matter("---\na: b\n"));
  EXPECT_FALSE(has_front_matter("text\n---\n"));
}

}  // namespace
}  // namespace storyline::extract
