#include "text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace storyline::text {

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; }
  else { ++i; return 0xFFFD; }
  if (i + len > s.size()) { ++i; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms and surrogates are invalid.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII runs, 32 then eight bytes at a time: most of any page.
    while (i + 32 <= s.size()) {
      std::uint64_t w[4];
      std::memcpy(w, s.data() + i, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) break;
      i += 32;
    }
    while (i + 8 <= s.size()) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t before = i;
    const char32_t cp = next_code_point(s, i);
    // U+FFFD decoded from a one-byte step is an error; a real U+FFFD takes three bytes.
    if (cp == 0xFFFD && i - before == 1) return false;
  }
  return true;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool is_letter_or_digit(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp == 0xFFFD || is_space(cp)) return false;
  // General punctuation, symbols, CJK punctuation, full-width forms' punctuation.
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
      (cp >= 0x1F000 && cp <= 0x1FAFF))
    return false;
  return true;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x205F || cp == 0xFEFF || cp == 0x1680 || cp == 0x85;
}

namespace {

// Letters and digits among eight ASCII bytes (none >= 0x80), without a branch per byte:
// a byte is in [lo, hi] when x + (0x80 - lo) sets its top bit and x + (0x7F - hi) does
// not (no carry crosses bytes, as every byte is below 0x80).
int ascii_alnum_count(std::uint64_t w) {
  constexpr std::uint64_t k80 = 0x8080808080808080ULL, k01 = 0x0101010101010101ULL;
  const auto in_range = [](std::uint64_t x, unsigned lo, unsigned hi) {
    return (x + (0x80 - lo) * k01) & ~(x + (0x7F - hi) * k01) & k80;
  };
  const std::uint64_t digit = in_range(w, '0', '9');
  const std::uint64_t alpha = in_range(w | 0x2020202020202020ULL, 'a', 'z');
  // Flags sit only in the top bits: multiplying gathers their count in the top byte
  // (no popcnt instruction needed on baseline x86-64).
  return static_cast<int>((((digit | alpha) >> 7) * k01) >> 56);
}

}  // namespace

int text_units(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    // ASCII, eight bytes at a time: most of any text.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      n += ascii_alnum_count(w);
      i += 8;
    }
    if (i >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII without the decoder
      n += (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
      ++i;
      continue;
    }
    const char32_t cp = next_code_point(s, i);
    if (is_cjk(cp)) n += kCjkUnits;
    else if (is_letter_or_digit(cp)) ++n;
  }
  return n;
}

int letters(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      n += is_letter_or_digit(b);
      ++i;
      continue;
    }
    n += is_letter_or_digit(next_code_point(s, i));
  }
  return n;
}

int weighted_length(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    // ASCII, eight bytes at a time: one each.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      n += 8;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++n;
      ++i;
      continue;
    }
    n += is_cjk(next_code_point(s, i)) ? kCjkUnits : 1;
  }
  return n;
}

int code_points(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

int word_count(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: no CJK, no decoder
      ++i;
      if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
        if (!in_word) ++n;
        in_word = true;
      } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        in_word = false;
      }
      continue;
    }
    const char32_t cp = next_code_point(s, i);
    if (is_cjk(cp)) {
      ++n;
      in_word = false;
    } else if (is_letter_or_digit(cp)) {
      if (!in_word) ++n;
      in_word = true;
    } else if (is_space(cp)) {
      in_word = false;
    }
  }
  return n;
}

double cjk_share(std::string_view s) {
  int cjk = 0, letters = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (is_cjk(cp)) { ++cjk; ++letters; }
    else if (is_letter_or_digit(cp)) ++letters;
  }
  return letters ? static_cast<double>(cjk) / letters : 0.0;
}

std::string normalize_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    // ASCII without the decoder: most of any text.
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        ++i;
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      std::size_t j = i + 1;
      while (j < s.size()) {
        const auto c = static_cast<unsigned char>(s[j]);
        if (c >= 0x80 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') break;
        ++j;
      }
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, i);
    if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD) continue;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (cp == 0xFFFD && i - start == 1) append_utf8(out, cp);
    else out.append(s.substr(start, i - start));
  }
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  lower_ascii_in_place(out);
  return out;
}

void lower_ascii_in_place(std::string& out) {
  char* p = out.data();
  const std::size_t n = out.size();
  std::size_t i = 0;
  // Eight bytes at a time: 0x20 added to each byte in 'A'..'Z' (bytes >= 0x80 untouched).
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    constexpr std::uint64_t k7f = 0x7F7F7F7F7F7F7F7FULL, k80 = 0x8080808080808080ULL;
    const std::uint64_t low7 = w & k7f;
    const std::uint64_t ge_a = (low7 + 0x3F3F3F3F3F3F3F3FULL) & k80;  // low7 >= 'A'
    const std::uint64_t gt_z = (low7 + 0x2525252525252525ULL) & k80;  // low7 > 'Z'
    const std::uint64_t upper = ge_a & ~gt_z & ~w;                     // and the byte < 0x80
    w |= upper >> 2;                                                   // 0x80 >> 2 == 0x20
    std::memcpy(p + i, &w, 8);
  }
  for (; i < n; ++i)
    if (p[i] >= 'A' && p[i] <= 'Z') p[i] = static_cast<char>(p[i] + 32);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
    if (a != b) return false;
  }
  return true;
}

bool contains_ci(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > s.size()) return false;
  // Candidates by their first byte, either case, then the rest.
  char first = needle[0];
  if (first >= 'A' && first <= 'Z') first = static_cast<char>(first + 32);
  const char other = first >= 'a' && first <= 'z' ? static_cast<char>(first - 32) : first;
  const std::string_view rest = needle.substr(1);
  const std::size_t last = s.size() - needle.size();
  for (std::size_t i = 0; i <= last; ++i) {
    if (s[i] != first && s[i] != other) continue;
    if (starts_with_ci(s.substr(i + 1), rest)) return true;
  }
  return false;
}

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      std::string_view line = s.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.emplace_back(line);
      start = i + 1;
    }
  }
  return lines;
}

namespace {
bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF1F || cp == 0xFF0E || cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0xFF61;
}
bool is_closer(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0x00BB || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x3011 || cp == '*';
}
}  // namespace

bool ends_like_sentence(std::string_view s) {
  // Only the end matters. Decoding restarts at any byte that is not a continuation
  // byte, so decoding the last few dozen bytes from such a byte reads the same code
  // points as decoding the whole; all of it is read only when the window holds
  // nothing but spaces and closing marks.
  // Most lines end in an ASCII byte that is neither space nor closing mark: that byte is
  // the last code point however the bytes before it decode (ASCII is never part of a
  // multi-byte sequence).
  if (!s.empty()) {
    const char last = s.back();
    if (static_cast<unsigned char>(last) < 0x80 && !is_space(static_cast<char32_t>(last)) &&
        !is_closer(static_cast<char32_t>(last)))
      return last == '.' || last == '!' || last == '?';
  }
  std::size_t from = s.size() > 64 ? s.size() - 64 : 0;
  while (from > 0 && from < s.size() && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
  for (;;) {
    char32_t last = 0;
    bool found = false;
    for (std::size_t i = from; i < s.size();) {
      const char32_t cp = next_code_point(s, i);
      if (!is_space(cp) && !is_closer(cp)) {
        last = cp;
        found = true;
      }
    }
    if (found) return is_sentence_end(last);
    if (from == 0) return false;
    from = 0;
  }
}

int sentence_marks(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (is_sentence_end(cp)) {
      // A period inside a number or abbreviation ("U.S.", "3.5") is not a sentence end:
      // count it only when followed by a space or the end.
      if (cp == '.' && i < s.size() && s[i] != ' ' && s[i] != '"' && static_cast<unsigned char>(s[i]) < 0x80) continue;
      ++n;
    }
  }
  return n;
}

}  // namespace storyline::text
