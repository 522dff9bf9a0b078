#include "storyline/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>

#include "storyline/inputs.h"

namespace storyline {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim_ws(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

// "Name: value" lines up to a blank line; returns the offset after the blank line or npos.
std::size_t parse_header_block(const std::string& raw, std::size_t from, std::map<std::string, std::string>& headers) {
  std::size_t pos = from;
  while (pos < raw.size()) {
    std::size_t eol = raw.find('\n', pos);
    if (eol == std::string::npos) eol = raw.size();
    std::string line = raw.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = eol + 1;
    if (line.empty()) return pos;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    headers[lower(trim_ws(line.substr(0, colon)))] = trim_ws(line.substr(colon + 1));
  }
  return std::string::npos;
}

Result<std::string> inflate_raw(const std::string& data, bool gzip_wrapper) {
  if (gzip_wrapper) return gunzip(data);
  // deflate: zlib-wrapped in practice, raw deflate from some servers.
  for (int bits : {MAX_WBITS, -MAX_WBITS}) {
    z_stream zs{};
    if (inflateInit2(&zs, bits) != Z_OK) continue;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buf[1 << 15];
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      out.append(buf, sizeof buf - zs.avail_out);
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END) return out;
  }
  return Status::Error("bad deflate data");
}

}  // namespace

WarcReader::WarcReader(ReadFn read, std::size_t max_record_bytes)
    : read_(std::move(read)), max_record_bytes_(max_record_bytes) {}

bool WarcReader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[1 << 16];
  const long n = read_(chunk, sizeof chunk);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buf_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

bool WarcReader::read_line(std::string& line) {
  for (;;) {
    const std::size_t eol = buf_.find('\n', pos_);
    if (eol != std::string::npos) {
      line.assign(buf_, pos_, eol - pos_);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      pos_ = eol + 1;
      return true;
    }
    if (buf_.size() - pos_ > 64 * 1024) {  // no line this long in a WARC header
      line.assign(buf_, pos_, std::string::npos);
      pos_ = buf_.size();
      return true;
    }
    if (!fill()) {
      if (pos_ < buf_.size()) {
        line.assign(buf_, pos_, std::string::npos);
        pos_ = buf_.size();
        return true;
      }
      return false;
    }
  }
}

bool WarcReader::read_exact(std::size_t n, std::string& out) {
  while (buf_.size() - pos_ < n)
    if (!fill()) break;
  const std::size_t take = std::min(n, buf_.size() - pos_);
  out.assign(buf_, pos_, take);
  pos_ += take;
  return take == n;
}

bool WarcReader::next(WarcRecord& rec, std::string* problem) {
  rec.headers.clear();
  rec.block.clear();
  if (problem) problem->clear();
  std::string line;
  // Skip the blank lines between records, and junk up to the next version line.
  bool skipped_junk = false;
  for (;;) {
    if (!read_line(line)) return false;
    if (line.rfind("WARC/", 0) == 0) break;
    if (!line.empty()) skipped_junk = true;
  }
  if (skipped_junk && problem) *problem = "skipped bytes that were not a WARC record";
  const std::string version = line.substr(5);
  if (version != "1.0" && version != "1.1" && problem) *problem = "unknown WARC version " + version;
  while (read_line(line) && !line.empty()) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    rec.headers[lower(trim_ws(line.substr(0, colon)))] = trim_ws(line.substr(colon + 1));
  }
  const std::string len = rec.header("content-length");
  std::size_t n = 0;
  try {
    n = len.empty() ? 0 : static_cast<std::size_t>(std::stoull(len));
  } catch (...) {
    if (problem) *problem = "bad Content-Length";
    return true;
  }
  if (n > max_record_bytes_) {
    // Skip the block without holding it.
    std::string discard;
    while (n > 0) {
      const std::size_t step = std::min<std::size_t>(n, 1 << 20);
      if (!read_exact(step, discard)) break;
      n -= step;
    }
    if (problem) *problem = "record larger than the limit, skipped";
    return true;
  }
  if (!read_exact(n, rec.block) && problem) *problem = "truncated record";
  return true;
}

Result<HttpResponse> parse_http_response(const std::string& raw) {
  HttpResponse r;
  const std::size_t eol = raw.find('\n');
  if (raw.rfind("HTTP/", 0) != 0 || eol == std::string::npos) return Status::Error("not an HTTP response");
  const std::string status_line = raw.substr(0, eol);
  const std::size_t sp = status_line.find(' ');
  if (sp != std::string::npos) r.status = std::atoi(status_line.c_str() + sp + 1);
  const std::size_t body_at = parse_header_block(raw, eol + 1, r.headers);
  if (body_at == std::string::npos) return Status::Error("HTTP headers without an end");
  std::string body = raw.substr(body_at);
  if (lower(r.headers["transfer-encoding"]).find("chunked") != std::string::npos) {
    std::string joined;
    std::size_t p = 0;
    while (p < body.size()) {
      const std::size_t e = body.find('\n', p);
      if (e == std::string::npos) break;
      const std::size_t size = std::strtoul(body.c_str() + p, nullptr, 16);
      p = e + 1;
      if (size == 0) break;
      joined.append(body, p, std::min(size, body.size() - p));
      p += size;
      if (p < body.size() && body[p] == '\r') ++p;
      if (p < body.size() && body[p] == '\n') ++p;
    }
    body = std::move(joined);
  }
  const std::string encoding = lower(r.headers["content-encoding"]);
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    Result<std::string> plain = inflate_raw(body, encoding != "deflate");
    if (!plain.ok()) return Status::Error("content encoding: " + plain.status().message());
    body = std::move(plain).value();
  }
  r.body = std::move(body);
  return r;
}

std::string charset_of_content_type(const std::string& content_type) {
  const std::string l = lower(content_type);
  const std::size_t p = l.find("charset=");
  if (p == std::string::npos) return "";
  std::string v = content_type.substr(p + 8);
  const std::size_t end = v.find_first_of("; ");
  v = v.substr(0, end);
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v = v.substr(1);
  if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.pop_back();
  return v;
}

}  // namespace storyline
