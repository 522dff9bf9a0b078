// gunzip: whole-buffer gzip decompression with zlib, all members, truncation detected.
#include <zlib.h>

#include "storyline/inputs.h"

namespace storyline {

Result<std::string> gunzip(const std::string& compressed, std::size_t max_bytes) {
  std::string out;
  z_stream zs{};
  // 16 + MAX_WBITS: gzip wrapper only.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Error("zlib init failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  char buf[1 << 16];
  int rc = Z_OK;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
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
    if (rc != Z_OK) {
      inflateEnd(&zs);
      return Status::Error(std::string("corrupt gzip data") + (zs.msg ? std::string(" (") + zs.msg + ")" : ""));
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace storyline
