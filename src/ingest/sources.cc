#include "storyline/sources.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "storyline/inputs.h"
#include "storyline/warc.h"

namespace storyline {
namespace {

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

struct GzClose {
  void operator()(gzFile f) const { gzclose(f); }
};
using GzPtr = std::unique_ptr<gzFile_s, GzClose>;

// gzopen reads gzip (all members) and plain files alike.
GzPtr open_stream(const std::string& path) { return GzPtr(gzopen(path.c_str(), "rb")); }

std::string iso_from_http_date(const std::string& http_date) {
  // "Fri, 31 May 2024 07:16:00 GMT" -> "2024-05-31T07:16:00Z"
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char mon[4] = {0};
  int d = 0, y = 0, hh = 0, mm = 0, ss = 0;
  if (std::sscanf(http_date.c_str(), "%*3s, %d %3s %d %d:%d:%d", &d, mon, &y, &hh, &mm, &ss) != 6) return "";
  for (int i = 0; i < 12; ++i) {
    if (std::strcmp(mon, kMonths[i]) == 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, i + 1, d, hh, mm, ss);
      return buf;
    }
  }
  return "";
}

Status read_warc(const ReadFn& read, const std::string& path, const SourceCallbacks& cb) {
  WarcReader reader(read);
  WarcRecord rec;
  std::string problem;
  long index = 0;
  while (reader.next(rec, &problem)) {
    ++index;
    const std::string where = path + " record " + std::to_string(index);
    if (!problem.empty()) {
      cb.on_problem(where, problem);
      if (rec.block.empty()) continue;
    }
    const std::string type = rec.header("warc-type");
    if (type != "response" && type != "resource") continue;
    Document doc;
    doc.source = path + "#" + std::to_string(index);
    doc.url = rec.header("warc-target-uri");
    if (!doc.url.empty() && doc.url.front() == '<' && doc.url.back() == '>') doc.url = doc.url.substr(1, doc.url.size() - 2);
    doc.fetched_at = rec.header("warc-date");
    if (type == "response") {
      Result<HttpResponse> http = parse_http_response(rec.block);
      if (!http.ok()) {
        cb.on_problem(where, http.status().message());
        continue;
      }
      if (http->status >= 300 && http->status < 400) continue;  // redirects carry no page
      const std::string ctype = http->headers["content-type"];
      if (!ctype.empty() && ctype.find("html") == std::string::npos && ctype.find("text") == std::string::npos &&
          ctype.find("xml") == std::string::npos)
        continue;  // images, scripts, PDFs
      doc.charset = charset_of_content_type(ctype);
      if (doc.fetched_at.empty()) doc.fetched_at = iso_from_http_date(http->headers["date"]);
      doc.bytes = std::move(http->body);
    } else {
      doc.charset = charset_of_content_type(rec.header("content-type"));
      doc.bytes = std::move(rec.block);
    }
    if (!cb.on_document(std::move(doc))) return Status::Ok();
  }
  return Status::Ok();
}

Status read_jsonl(const ReadFn& read, const std::string& path, const SourceCallbacks& cb) {
  std::string line;
  char buf[1 << 16];
  long lineno = 0;
  auto handle = [&](const std::string& l) -> bool {
    ++lineno;
    if (l.find_first_not_of(" \t\r") == std::string::npos) return true;
    const std::string where = path + " line " + std::to_string(lineno);
    nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      cb.on_problem(where, "not a JSON object");
      return true;
    }
    Document doc;
    doc.source = path + ":" + std::to_string(lineno);
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    doc.url = str("url");
    doc.fetched_at = str("fetched_at");
    doc.bytes = str("html");
    if (doc.bytes.empty()) {
      // A pre-extracted line ({"id","title","text","lang","date"}, what `cluster` reads):
      // its title and date are kept as given (extract_article reads its text as the body).
      // One with a title and no text (a headline, a one-sentence brief) is read as a
      // one-line article: its title is its body too.
      doc.bytes = str("text");
      doc.title = str("title");
      doc.published = str("date");
      if (doc.published.empty()) doc.published = str("published");
      if (doc.bytes.find_first_not_of(" \t\r\n") == std::string::npos) doc.bytes = doc.title;
    }
    if (doc.bytes.empty()) {
      cb.on_problem(where, "no \"html\" or \"text\"");
      return true;
    }
    doc.charset = "UTF-8";  // JSON text is Unicode
    return cb.on_document(std::move(doc));
  };
  long n = 0;
  while ((n = read(buf, sizeof buf)) > 0) {
    std::size_t start = 0;
    for (long i = 0; i < n; ++i) {
      if (buf[i] != '\n') continue;
      line.append(buf + start, static_cast<std::size_t>(i) - start);
      if (!handle(line)) return Status::Ok();
      line.clear();
      start = static_cast<std::size_t>(i) + 1;
    }
    line.append(buf + start, static_cast<std::size_t>(n) - start);
    if (line.size() > kMaxInputBytes) return Status::Error("line " + std::to_string(lineno + 1) + " longer than the limit");
  }
  if (n < 0) cb.on_problem(path, "read error (truncated or corrupt gzip?)");
  if (!line.empty()) handle(line);
  return Status::Ok();
}

// Up to n bytes from the start of a file, gunzipped if it is gzip (all members, as
// gzread would): only as much is read and inflated as it takes, since a page is read
// whole right after, and a WARC streamed.
Result<std::string> first_bytes(const std::string& path, std::size_t n) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::Error(std::strerror(errno));
  char raw[1 << 14];
  std::size_t got = std::fread(raw, 1, sizeof raw, f.get());
  const bool gzip = got >= 2 && static_cast<unsigned char>(raw[0]) == 0x1f && static_cast<unsigned char>(raw[1]) == 0x8b;
  if (!gzip) return std::string(raw, std::min(got, n));
  std::string out(n, '\0');
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Error("zlib init failed");
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(n);
  zs.next_in = reinterpret_cast<Bytef*>(raw);
  zs.avail_in = static_cast<uInt>(got);
  while (zs.avail_out > 0) {
    if (zs.avail_in == 0) {
      got = std::fread(raw, 1, sizeof raw, f.get());
      if (got == 0) break;
      zs.next_in = reinterpret_cast<Bytef*>(raw);
      zs.avail_in = static_cast<uInt>(got);
    }
    const int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      if (inflateReset(&zs) != Z_OK) break;  // a further member may follow
    } else if (rc != Z_OK) {
      break;  // corrupt: what came so far (the full read reports the problem)
    }
  }
  out.resize(n - zs.avail_out);
  inflateEnd(&zs);
  return out;
}

}  // namespace

SourceKind source_kind(const std::string& path, std::string_view first) {
  if (ends_with(path, ".warc") || ends_with(path, ".warc.gz") || ends_with(path, ".arc.gz")) return SourceKind::kWarc;
  if (ends_with(path, ".jsonl") || ends_with(path, ".jsonl.gz") || ends_with(path, ".ndjson")) return SourceKind::kJsonl;
  if (first.rfind("WARC/1.", 0) == 0) return SourceKind::kWarc;
  const std::size_t b = first.find_first_not_of(" \t\r\n");
  if (b != std::string_view::npos && first[b] == '{') {
    const std::size_t eol = first.find('\n', b);
    nlohmann::json j = nlohmann::json::parse(first.substr(b, eol == std::string_view::npos ? std::string_view::npos : eol - b), nullptr, false);
    if (!j.is_discarded() && j.is_object() && (j.contains("html") || j.contains("text"))) return SourceKind::kJsonl;
  }
  return SourceKind::kSingle;
}

Status read_source(const std::string& path, const SourceCallbacks& cb) {
  if (path == "-") {
    // Standard input cannot be rewound: read it whole (gunzipped), then split it.
    Result<Document> all = read_document("-");
    if (!all.ok()) return all.status();
    const SourceKind kind = source_kind(path, std::string_view(all->bytes).substr(0, 4096));
    if (kind == SourceKind::kSingle) {
      cb.on_document(std::move(all).value());
      return Status::Ok();
    }
    const std::string bytes = std::move(all->bytes);
    std::size_t pos = 0;
    ReadFn from_memory = [&](char* buf, std::size_t n) -> long {
      const std::size_t take = std::min(n, bytes.size() - pos);
      std::memcpy(buf, bytes.data() + pos, take);
      pos += take;
      return static_cast<long>(take);
    };
    return kind == SourceKind::kWarc ? read_warc(from_memory, path, cb) : read_jsonl(from_memory, path, cb);
  }
  // The name decides, else the first bytes (decompressed).
  SourceKind kind = source_kind(path, std::string_view());
  if (kind == SourceKind::kSingle) {
    Result<std::string> head = first_bytes(path, 4096);
    if (!head.ok()) return head.status();
    kind = source_kind(path, *head);
  }
  if (kind == SourceKind::kSingle) {
    // One document: the plain reader reports truncation and size limits precisely.
    Result<Document> doc = read_document(path);
    if (!doc.ok()) return doc.status();
    cb.on_document(std::move(doc).value());
    return Status::Ok();
  }
  GzPtr f = open_stream(path);
  if (!f) return Status::Error(std::strerror(errno));
  gzbuffer(f.get(), 1 << 17);
  gzFile raw = f.get();
  ReadFn from_file = [raw](char* buf, std::size_t size) -> long {
    const int got = gzread(raw, buf, static_cast<unsigned>(size));
    if (got < 0) return -1;
    // A truncated .gz reads as a short stream; zlib says so through gzerror.
    if (got == 0) {
      int err = Z_OK;
      gzerror(raw, &err);
      if (err != Z_OK && err != Z_STREAM_END) return -1;
    }
    return got;
  };
  return kind == SourceKind::kWarc ? read_warc(from_file, path, cb) : read_jsonl(from_file, path, cb);
}

}  // namespace storyline
