#include "storyline/warc.h"

#include <gtest/gtest.h>

#include <cstring>

#include "storyline/sources.h"

namespace storyline {
namespace {

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& extra = "") {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2031-03-03T09:00:00Z\r\n" + extra + "Content-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

ReadFn reader_of(const std::string& data) {
  auto pos = std::make_shared<std::size_t>(0);
  return [data, pos](char* buf, std::size_t n) -> long {
    const std::size_t take = std::min(n, data.size() - *pos);
    std::memcpy(buf, data.data() + *pos, take);
    *pos += take;
    return static_cast<long>(take);
  };
}

TEST(WarcReader, ReadsRecordsAndResynchronisesAfterJunk) {
  const std::string data = record("warcinfo", "", "software: test") +
                           record("response", "https://x.example/a", "HTTP/1.1 200 OK\r\n\r\nbody") +
                           "garbage that is not a record\r\n" +
                           record("resource", "https://x.example/b", "plain");
  WarcReader r(reader_of(data));
  WarcRecord rec;
  std::string problem;
  std::vector<std::string> types;
  bool saw_problem = false;
  while (r.next(rec, &problem)) {
    types.push_back(rec.header("warc-type"));
    saw_problem |= !problem.empty();
  }
  EXPECT_EQ(types, (std::vector<std::string>{"warcinfo", "response", "resource"}));
  EXPECT_TRUE(saw_problem);
}

TEST(WarcReader, TruncatedRecordIsReported) {
  std::string data = record("resource", "https://x.example/b", "plain text of a page");
  data.resize(data.size() - 10);
  WarcReader r(reader_of(data));
  WarcRecord rec;
  std::string problem;
  ASSERT_TRUE(r.next(rec, &problem));
  EXPECT_EQ(problem, "truncated record");
}

TEST(HttpResponse, ChunkedBodyAndCharset) {
  auto r = parse_http_response(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello world");
  EXPECT_EQ(charset_of_content_type(r->headers["content-type"]), "GBK");
  EXPECT_FALSE(parse_http_response("not http").ok());
}

TEST(SourceKind, ByNameAndContent) {
  EXPECT_EQ(source_kind("a.warc.gz", ""), SourceKind::kWarc);
  EXPECT_EQ(source_kind("a.jsonl", ""), SourceKind::kJsonl);
  EXPECT_EQ(source_kind("a", "WARC/1.0\r\n"), SourceKind::kWarc);
  EXPECT_EQ(source_kind("a", "{\"url\": \"u\", \"html\": \"<p>x</p>\"}\n"), SourceKind::kJsonl);
  EXPECT_EQ(source_kind("a.html", "<html>"), SourceKind::kSingle);
  EXPECT_EQ(source_kind("a.json", "{\"title\": 1}"), SourceKind::kSingle);
}

}  // namespace
}  // namespace storyline
