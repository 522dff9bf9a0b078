// A small streaming WARC reader (WARC/1.0 and 1.1). There is no Debian WARC library.
//
// Records are read one at a time from any byte stream (gzip members are handled by the
// stream: zlib's gzread reads multi-member files transparently). The reader checks the
// version line and Content-Length, and resynchronises on the next "WARC/" line after a
// damaged record, so one bad record never loses the rest of the file.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "storyline/status.h"

namespace storyline {

struct WarcRecord {
  std::map<std::string, std::string> headers;  // names lower-cased: "warc-type", "warc-target-uri"
  std::string block;                           // Content-Length bytes

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A pull interface over bytes: read up to n bytes into buf, return the count, 0 at end,
// -1 on error.
using ReadFn = std::function<long(char* buf, std::size_t n)>;

class WarcReader {
 public:
  explicit WarcReader(ReadFn read, std::size_t max_record_bytes = std::size_t{256} << 20);

  // Next record: true and fills rec; false at the end of the stream. A damaged record
  // sets *problem (non-empty) and is skipped.
  bool next(WarcRecord& rec, std::string* problem);

 private:
  bool fill();
  bool read_line(std::string& line);
  bool read_exact(std::size_t n, std::string& out);

  ReadFn read_;
  std::size_t max_record_bytes_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

// An HTTP/1.x response split into status, headers (lower-cased names) and body, with
// chunked transfer encoding undone and gzip/deflate content encoding decoded.
struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
};
Result<HttpResponse> parse_http_response(const std::string& raw);

// "text/html; charset=GBK" -> "GBK".
std::string charset_of_content_type(const std::string& content_type);

}  // namespace storyline
