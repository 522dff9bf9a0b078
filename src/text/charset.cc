#include "storyline/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "text/utf8.h"

namespace storyline {
namespace {

// Finds charset=NAME in the first 4 KiB of an HTML page (<meta charset>, http-equiv).
std::string sniff_meta_charset(std::string_view bytes) {
  const std::string head = text::to_lower_ascii(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const std::size_t end = head.find('>', pos);
    const std::string tag = head.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos += 5;
    const std::size_t c = tag.find("charset");
    if (c == std::string::npos) continue;
    std::size_t v = c + 7;
    while (v < tag.size() && (tag[v] == ' ' || tag[v] == '=' || tag[v] == '"' || tag[v] == '\'')) ++v;
    std::size_t e = v;
    while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' || tag[e] == '_' || tag[e] == ':' || tag[e] == '.')) ++e;
    if (e > v) return tag.substr(v, e - v);
  }
  return {};
}

bool is_utf8_name(std::string_view name) {
  const std::string n = text::to_lower_ascii(name);
  return n == "utf-8" || n == "utf8";
}

// Converts with ICU; counts substitutions so callers can tell a wrong guess.
Result<DecodedText> convert(std::string_view bytes, const std::string& charset) {
  std::string name = charset;
  // Pages labelled with the subsets are routinely GBK/GB18030 in practice (WHATWG).
  const std::string lower = text::to_lower_ascii(name);
  if (lower == "gb2312" || lower == "gbk" || lower == "x-gbk") name = "GB18030";
  if (lower == "iso-8859-1" || lower == "latin1" || lower == "us-ascii" || lower == "ascii") name = "windows-1252";
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err)) return Status::Error("unknown charset " + charset);
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  // To UTF-16 then UTF-8: ICU's generic path, with U+FFFD for bad bytes.
  std::u16string u16(bytes.size() * 2 + 16, u'\0');
  err = U_ZERO_ERROR;
  const int32_t n16 = ucnv_toUChars(conv, reinterpret_cast<UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::Error("cannot decode as " + charset);
  u16.resize(static_cast<std::size_t>(n16));
  DecodedText out;
  out.charset = ucnv_getName(conv, &err);
  out.utf8.reserve(u16.size() * 2);
  for (std::size_t i = 0; i < u16.size(); ++i) {
    char32_t cp = u16[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 && u16[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp == 0xFFFD || cp == 0x1A) ++out.replaced;
    text::append_utf8(out.utf8, cp);
  }
  return out;
}

// UTF-8 that may hold a few bad bytes: keep it, replace the bad bytes.
DecodedText repair_utf8(std::string_view bytes) {
  DecodedText out;
  out.charset = "UTF-8";
  out.utf8.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t start = i;
    const char32_t cp = text::next_code_point(bytes, i);
    if (cp == 0xFFFD && i - start == 1) {
      ++out.replaced;
      text::append_utf8(out.utf8, 0xFFFD);
    } else {
      out.utf8.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

std::string detect_with_icu(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return {};
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, ucsdet_close);
  // The detector reads at most what we give it; 64 KiB is plenty and keeps it fast.
  const int32_t len = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(det, bytes.data(), len, &err);
  ucsdet_enableInputFilter(det, true);  // ignore markup
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  if (U_FAILURE(err) || m == nullptr) return {};
  const char* name = ucsdet_getName(m, &err);
  return U_FAILURE(err) || name == nullptr ? std::string() : std::string(name);
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
  if (n == 0) return false;
  // UTF-16 with a BOM has NULs but is text.
  if (n >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) return false;
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // Eight bytes at a time while none is below 0x20 (then none is NUL or a control):
    // x - 0x20 borrows into a byte's top bit only where some byte is below 0x20.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      constexpr std::uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
      if ((w - 0x20 * k01) & ~w & k80) break;
      i += 8;
    }
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
  }
  return control * 20 > n;  // over 5 % control bytes
}

Result<DecodedText> decode_to_utf8(std::string_view bytes, std::string_view declared_charset) {
  // 1. Byte-order marks.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return repair_utf8(bytes.substr(3));
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') return convert(bytes.substr(2), "UTF-16LE");
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') return convert(bytes.substr(2), "UTF-16BE");

  const bool valid_utf8 = text::is_valid_utf8(bytes);
  // 2. What the container or the page declares. Pages often declare a legacy charset
  // and are really UTF-8 (re-saved, proxied): valid UTF-8 with non-ASCII bytes wins.
  std::string declared(declared_charset);
  if (declared.empty()) declared = sniff_meta_charset(bytes);
  if (!declared.empty() && !is_utf8_name(declared) && !valid_utf8) {
    Result<DecodedText> r = convert(bytes, declared);
    if (r.ok()) return r;
  }
  // 3. Valid UTF-8 (ASCII included) as is.
  if (valid_utf8) {
    DecodedText out;
    out.utf8 = std::string(bytes);
    out.charset = "UTF-8";
    return out;
  }
  // 4. UTF-8 with some damage. Legacy single-byte text has no valid multi-byte
  // sequences at all, and in GBK/Big5/Shift-JIS text chance forms them for about one
  // character in ten; so valid sequences at least half as many as the bad bytes mean
  // UTF-8 with stray bytes. Repair rather than guess.
  if (declared.empty() || is_utf8_name(declared)) {
    DecodedText repaired = repair_utf8(bytes);
    int multibyte = 0;
    for (std::size_t i = 0; i < bytes.size();) {
      const std::size_t s = i;
      const char32_t cp = text::next_code_point(bytes, i);
      if (cp >= 0x80 && i - s > 1) ++multibyte;
    }
    if ((multibyte > 0 && 2 * multibyte >= repaired.replaced) || is_utf8_name(declared)) return repaired;
  }
  // 5. ICU's statistical detector.
  const std::string guess = detect_with_icu(bytes);
  if (!guess.empty()) {
    Result<DecodedText> r = convert(bytes, guess);
    if (r.ok()) {
      r->guessed = true;
      return r;
    }
  }
  return repair_utf8(bytes);
}

}  // namespace storyline
