// gunzip: whole-buffer gzip decompression, all members, truncation detected.
//
// libdeflate decompresses a whole buffer 2-3x faster than zlib's streaming inflate (and
// checks the CRC with carry-less multiplication), which matters because a page is
// decompressed once per extraction. It cannot say *why* data is bad, so anything it
// refuses (corrupt, truncated, over the limit) is decompressed again by zlib, whose
// answer and messages are the reference.
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

#include "storyline/inputs.h"

namespace storyline {
namespace {

// Deflate cannot expand data more than this (a 258-byte match per 2 bits, roughly).
constexpr std::size_t kMaxDeflateRatio = 1032;

Result<std::string> gunzip_with_zlib(const std::string& compressed, std::size_t max_bytes) {
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

struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// The decompressor holds ~32 KiB of tables: one per thread, made once.
libdeflate_decompressor* thread_decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(libdeflate_alloc_decompressor());
  return d.get();
}

// All members into `out`, or false when libdeflate will not (bad data, or more than
// max_bytes): the caller then asks zlib.
bool gunzip_with_libdeflate(const std::string& compressed, std::size_t max_bytes, std::string& out) {
  libdeflate_decompressor* d = thread_decompressor();
  if (d == nullptr || compressed.size() < 18) return false;
  // The trailer's ISIZE is the last member's length mod 2^32: exact for an ordinary
  // file, a first guess otherwise; a lying one is capped by what deflate can expand to.
  const auto* t = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
  const std::size_t isize = static_cast<std::size_t>(t[0]) | static_cast<std::size_t>(t[1]) << 8 |
                            static_cast<std::size_t>(t[2]) << 16 | static_cast<std::size_t>(t[3]) << 24;
  const std::size_t most = std::min(max_bytes, compressed.size() * kMaxDeflateRatio);
  out.resize(std::min(std::max<std::size_t>(isize, 1), most));
  std::size_t in_pos = 0, used = 0;
  while (in_pos < compressed.size()) {
    std::size_t in_used = 0, produced = 0;
    const libdeflate_result rc =
        libdeflate_gzip_decompress_ex(d, compressed.data() + in_pos, compressed.size() - in_pos, out.data() + used,
                                      out.size() - used, &in_used, &produced);
    if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) {
      // A short guess (several members, or over 4 GiB): grow and redo this member.
      if (out.size() >= most) return false;
      out.resize(std::min(std::max<std::size_t>(out.size() * 2, used + (1 << 16)), most));
      continue;
    }
    if (rc != LIBDEFLATE_SUCCESS || in_used == 0) return false;
    in_pos += in_used;
    used += produced;
    // Room for the next member: at least as much again as this one took.
    if (in_pos < compressed.size() && out.size() - used < (1 << 16))
      out.resize(std::min(std::max(out.size() * 2, used + (1 << 16)), most));
  }
  out.resize(used);
  return true;
}

}  // namespace

Result<std::string> gunzip(const std::string& compressed, std::size_t max_bytes) {
  std::string out;
  if (gunzip_with_libdeflate(compressed, max_bytes, out)) return out;
  return gunzip_with_zlib(compressed, max_bytes);
}

}  // namespace storyline
