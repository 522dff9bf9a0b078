#include <gtest/gtest.h>

#include "storyline/store.h"

namespace storyline {
namespace {

TEST(SegmentForIndex, ChineseRunsBecomeWords) {
  const std::string s = segment_for_index("美国总统批准乌克兰使用武器");
  // Two-character words stand alone, so the index can match them.
  EXPECT_NE((" " + s + " ").find(" 武器 "), std::string::npos) << s;
  EXPECT_NE((" " + s + " ").find(" 乌克兰 "), std::string::npos) << s;
}

TEST(SegmentForIndex, OtherScriptsUnchanged) {
  EXPECT_EQ(segment_for_index("Harbour pier closes"), "Harbour pier closes");
  const std::string mixed = segment_for_index("NATO说武器");
  EXPECT_EQ(mixed.rfind("NATO ", 0), 0u) << mixed;
}

}  // namespace
}  // namespace storyline
