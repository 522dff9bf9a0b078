#include "dedup/copy_tokens.h"

#include <xxhash.h>

#include <string>

#include "text/utf8.h"

namespace storyline::dedup {

// Hashing tokens as they are read keeps the pass free of per-token allocations.
void append_token_hashes(std::string_view s, std::vector<std::uint64_t>& out) {
  std::string word;
  auto flush = [&]() {
    if (word.empty()) return;
    out.push_back(XXH3_64bits(word.data(), word.size()));
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) word += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      else flush();
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = text::next_code_point(s, i);
    if (text::is_cjk(cp)) {
      flush();
      out.push_back(XXH3_64bits(s.data() + start, i - start));
    } else if (text::is_letter_or_digit(cp)) {
      word.append(s.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace storyline::dedup
