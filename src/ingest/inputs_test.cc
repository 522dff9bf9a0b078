#include "storyline/inputs.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace storyline {
namespace {

namespace fs = std::filesystem;

std::string gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(Gunzip, WholeMultiMemberAndTruncated) {
  auto one = gunzip(gzip("hello "));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, "hello ");
  auto two = gunzip(gzip("hello ") + gzip("world"));
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*two, "hello world");
  const std::string z = gzip(std::string(10000, 'x') + "end");
  auto cut = gunzip(z.substr(0, z.size() / 2));
  EXPECT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos);
}

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyline_inputs_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "sub");
    fs::create_directories(dir_ / ".hidden");
    std::ofstream(dir_ / "b.html") << "<p>b</p>";
    std::ofstream(dir_ / "sub" / "a.txt") << "a";
    std::ofstream(dir_ / ".hidden" / "c.txt") << "c";
    std::ofstream(dir_ / "z.gz", std::ios::binary) << gzip("zipped");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(InputsTest, DirectoriesRecurseSortedWithoutHiddenFiles) {
  ExpandedInputs in = expand_inputs({dir_.string()});
  EXPECT_TRUE(in.problems.empty());
  ASSERT_EQ(in.paths.size(), 3u);
  EXPECT_EQ(fs::path(in.paths[0]).filename(), "b.html");
  EXPECT_EQ(fs::path(in.paths[1]).filename(), "a.txt");
  EXPECT_EQ(fs::path(in.paths[2]).filename(), "z.gz");
}

TEST_F(InputsTest, GlobsAndMissingPaths) {
  ExpandedInputs in = expand_inputs({(dir_ / "*.html").string(), (dir_ / "nope.txt").string(), (dir_ / "*.none").string()});
  EXPECT_EQ(in.paths.size(), 1u);
  EXPECT_EQ(in.problems.size(), 2u);
}

TEST_F(InputsTest, GzipIsReadTransparently) {
  auto d = read_document((dir_ / "z.gz").string());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->bytes, "zipped");
  EXPECT_EQ(d->source, (dir_ / "z.gz").string());
}

}  // namespace
}  // namespace storyline
