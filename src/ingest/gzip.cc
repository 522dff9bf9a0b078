// gunzip: whole-buffer gzip decompression with zlib, all members, truncation detected.
#include <zlib.h>

#include <algorithm>

#include "storyline/inputs.h"

namespace storyline {

Result<std::string> gunzip(const std::string& compressed, std::size_t max_bytes) {
  // Inflate straight into the result, sized from the gzip trailer (the last member's
  // length mod 2^32: a hint, checked as the output grows), not through a buffer.
  std::string out;
  std::size_t hint = 0;
  if (compressed.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
    hint = static_cast<std::size_t>(t[0]) | static_cast<std::size_t>(t[1]) << 8 | static_cast<std::size_t>(t[2]) << 16 |
           static_cast<std::size_t>(t[3]) << 24;
  }
  out.resize(std::min(std::max<std::size_t>(hint + 1, 1 << 16), max_bytes + 1));
  std::size_t used = 0;
  z_stream zs{};
  // 16 + MAX_WBITS: gzip wrapper only.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Error("zlib init failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  int rc = Z_OK;
  for (;;) {
    if (used == out.size()) {
      if (out.size() > max_bytes) {
        inflateEnd(&zs);
        return Status::Error("decompressed size over the limit");
      }
      out.resize(std::min(out.size() * 2, max_bytes + 1));
    }
    const std::size_t room = std::min<std::size_t>(out.size() - used, 1u << 30);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    zs.avail_out = static_cast<uInt>(room);
    rc = inflate(&zs, Z_NO_FLUSH);
    used += room - zs.avail_out;
    if (used > max_bytes) {
      inflateEnd(&zs);
      return Status::Error("decompressed size over the limit");
    }
    if (rc == Z_STREAM_END) {
      // A further gzip member may follow (concatenated .gz files are valid gzip).
      if (zs.avail_in == 0) break;
      if (inflateReset(&zs) != Z_OK) break;
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      inflateEnd(&zs);
      return Status::Error("truncated gzip data");
    }
    if (rc == Z_BUF_ERROR && zs.avail_out == 0) continue;  // the output is full: grow it
    if (rc != Z_OK) {
      inflateEnd(&zs);
      return Status::Error(std::string("corrupt gzip data") + (zs.msg ? std::string(" (") + zs.msg + ")" : ""));
    }
  }
  inflateEnd(&zs);
  out.resize(used);
  return out;
}

}  // namespace storyline
