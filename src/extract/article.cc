#include <xxhash.h>

#include <cstdio>

#include "storyline/article.h"

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

std::string Article::id() const {
  const std::string body = text();
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  return buf;
}

}  // namespace storyline
