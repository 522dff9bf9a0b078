#include <xxhash.h>

#include <cstdio>

#include "storyline/article.h"
#include "storyline/document.h"

namespace storyline {

std::string Article::text() const {
  std::string out;
  for (const Block& b : blocks) {
    if (b.text.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

std::string Article::id() const { return content_id(text()); }

std::string content_id(std::string_view body) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  return buf;
}

std::string raw_content_hash(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace storyline
