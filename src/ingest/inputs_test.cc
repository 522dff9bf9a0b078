#include "storyline/inputs.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "storyline/sources.h"

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

// The trailer's size is only the last member's: a small last member after a big one
// makes the first guess far too short, and the output must grow.
TEST(Gunzip, ShortSizeGuessGrows) {
  std::string big;
  for (int i = 0; i < 50000; ++i) big += std::to_string(i * 7919 % 100003) + " ";
  auto both = gunzip(gzip(big) + gzip("x"));
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(*both, big + "x");
}

TEST(Gunzip, LimitCorruptionAndTrailingGarbageAreReported) {
  const std::string z = gzip(std::string(100000, 'x'));
  auto over = gunzip(z, 1000);
  EXPECT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("over the limit"), std::string::npos);
  auto exact = gunzip(z, 100000);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->size(), 100000u);

  std::string bad = gzip("some text that is long enough to be compressed, some text, some text");
  bad[bad.size() - 6] ^= 0x55;  // the CRC
  auto corrupt = gunzip(bad);
  EXPECT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.status().message().find("corrupt"), std::string::npos);

  std::string lying = gzip("hello");
  lying[lying.size() - 4] = 9;  // the trailer's length
  EXPECT_FALSE(gunzip(lying).ok());

  EXPECT_FALSE(gunzip(gzip("hello") + "garbage after it").ok());
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

// A gzipped JSONL file whose name does not say so is told by its first bytes, across
// gzip members, and then streamed line by line.
TEST_F(InputsTest, GzippedJsonlIsToldByContent) {
  const fs::path p = dir_ / "feed.gz";
  std::ofstream(p, std::ios::binary) << gzip("{\"url\": \"u1\", ") + gzip("\"html\": \"<p>one</p>\"}\n") +
                                            gzip("{\"url\": \"u2\", \"text\": \"two\"}\n");
  std::vector<std::string> urls;
  const Status st = read_source(p.string(), SourceCallbacks{[&](Document&& d) {
                                                              urls.push_back(d.url);
                                                              return true;
                                                            },
                                                            [](const std::string&, const std::string&) {}});
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(urls, (std::vector<std::string>{"u1", "u2"}));
}

}  // namespace
}  // namespace storyline
