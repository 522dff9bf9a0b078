#include "extract/html_entities.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace storyline::extract::html {
namespace {

struct Named {
  std::string_view name;
  char32_t code;
};

// Latin-1 letters and signs, U+00A0 .. U+00FF in order.
constexpr std::string_view kLatin1[] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};
static_assert(std::size(kLatin1) == 96);

// Greek letters from U+0391 (capitals) and U+03B1 (small) in alphabet order; U+03A2
// has no capital, so "sigmaf" (final sigma) takes its place among the small ones.
constexpr std::string_view kGreekCapitals[] = {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta",
                                               "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron",
                                               "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi",
                                               "Omega"};
constexpr std::string_view kGreekSmall[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
                                            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron",
                                            "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi",
                                            "psi", "omega"};

// Everything else: markup-significant characters, typography, arrows, mathematics.
constexpr Named kOthers[] = {
    {"quot", 0x22}, {"amp", 0x26}, {"apos", 0x27}, {"lt", 0x3C}, {"gt", 0x3E},
    {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161}, {"Yuml", 0x178},
    {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC},
    {"thetasym", 0x3D1}, {"upsih", 0x3D2}, {"piv", 0x3D6},
    {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D},
    {"lrm", 0x200E}, {"rlm", 0x200F}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},
    {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022}, {"hellip", 0x2026}, {"permil", 0x2030},
    {"prime", 0x2032}, {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E},
    {"frasl", 0x2044}, {"euro", 0x20AC}, {"image", 0x2111}, {"weierp", 0x2118}, {"real", 0x211C},
    {"trade", 0x2122}, {"alefsym", 0x2135},
    {"larr", 0x2190}, {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194},
    {"crarr", 0x21B5}, {"lArr", 0x21D0}, {"uArr", 0x21D1}, {"rArr", 0x21D2}, {"dArr", 0x21D3},
    {"hArr", 0x21D4},
    {"forall", 0x2200}, {"part", 0x2202}, {"exist", 0x2203}, {"empty", 0x2205}, {"nabla", 0x2207},
    {"isin", 0x2208}, {"notin", 0x2209}, {"ni", 0x220B}, {"prod", 0x220F}, {"sum", 0x2211},
    {"minus", 0x2212}, {"lowast", 0x2217}, {"radic", 0x221A}, {"prop", 0x221D}, {"infin", 0x221E},
    {"ang", 0x2220}, {"and", 0x2227}, {"or", 0x2228}, {"cap", 0x2229}, {"cup", 0x222A}, {"int", 0x222B},
    {"there4", 0x2234}, {"sim", 0x223C}, {"cong", 0x2245}, {"asymp", 0x2248}, {"ne", 0x2260},
    {"equiv", 0x2261}, {"le", 0x2264}, {"ge", 0x2265}, {"sub", 0x2282}, {"sup", 0x2283}, {"nsub", 0x2284},
    {"sube", 0x2286}, {"supe", 0x2287}, {"oplus", 0x2295}, {"otimes", 0x2297}, {"perp", 0x22A5},
    {"sdot", 0x22C5}, {"lceil", 0x2308}, {"rceil", 0x2309}, {"lfloor", 0x230A}, {"rfloor", 0x230B},
    {"lang", 0x2329}, {"rang", 0x232A}, {"loz", 0x25CA}, {"spades", 0x2660}, {"clubs", 0x2663},
    {"hearts", 0x2665}, {"diams", 0x2666},
};

constexpr std::size_t kCount = std::size(kLatin1) + 2 * std::size(kGreekSmall) - 1 + std::size(kOthers);

struct Table {
  std::array<Named, kCount> sorted{};
  Table() {
    std::size_t n = 0;
    for (std::size_t i = 0; i < std::size(kLatin1); ++i) sorted[n++] = {kLatin1[i], static_cast<char32_t>(0xA0 + i)};
    for (std::size_t i = 0; i < std::size(kGreekCapitals); ++i)
      if (!kGreekCapitals[i].empty()) sorted[n++] = {kGreekCapitals[i], static_cast<char32_t>(0x391 + i)};
    for (std::size_t i = 0; i < std::size(kGreekSmall); ++i)
      sorted[n++] = {kGreekSmall[i], static_cast<char32_t>(0x3B1 + i)};
    for (const Named& o : kOthers) sorted[n++] = o;
    std::sort(sorted.begin(), sorted.end(), [](const Named& a, const Named& b) { return a.name < b.name; });
  }
};

// A character XML allows in text; references to anything else are dropped.
bool is_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::size_t put_utf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the reference at s[i] == '&'. Returns the bytes it takes; *code is the
// character, 0 for none (the reference is dropped), or kLiteral: those bytes are text
// ("&" alone, or "&name" that names nothing or lacks its ';').
constexpr char32_t kLiteral = 0xFFFFFFFF;

std::size_t read_reference(std::string_view s, std::size_t i, char32_t* code) {
  const std::size_t n = s.size();
  if (i + 1 < n && s[i + 1] == '#') {
    std::size_t j = i + 2;
    std::uint32_t v = 0;
    if (j < n && (s[j] == 'x' || s[j] == 'X')) {
      ++j;
      int d;
      while (j < n && (d = hex_value(s[j])) >= 0) {
        if (v < 0x110000) v = v * 16 + static_cast<std::uint32_t>(d);
        ++j;
      }
    } else {
      while (j < n && s[j] >= '0' && s[j] <= '9') {
        if (v < 0x110000) v = v * 10 + static_cast<std::uint32_t>(s[j] - '0');
        ++j;
      }
    }
    if (j < n && s[j] == ';') ++j;
    *code = is_char(v) ? v : 0;
    return j - i;
  }
  *code = kLiteral;
  if (i + 1 < n && is_name_start(s[i + 1])) {
    std::size_t j = i + 2;
    while (j < n && is_name_char(s[j])) ++j;
    if (j < n && s[j] == ';') {
      if (const char32_t c = named_reference(s.substr(i + 1, j - i - 1))) {
        *code = c;
        return j + 1 - i;
      }
    }
    return j - i;  // "&name" stays as written; the name goes with the '&'
  }
  return 1;
}

}  // namespace

char32_t named_reference(std::string_view name) {
  static const Table table;
  if (name.size() < 2 || name.size() > 8) return 0;
  auto it = std::lower_bound(table.sorted.begin(), table.sorted.end(), name,
                             [](const Named& e, std::string_view k) { return e.name < k; });
  return it != table.sorted.end() && it->name == name ? it->code : 0;
}

std::size_t decode_into(std::string_view s, char* out, bool attribute) {
  std::size_t w = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const char* amp = static_cast<const char*>(std::memchr(s.data() + i, '&', s.size() - i));
    const std::size_t stop = amp ? static_cast<std::size_t>(amp - s.data()) : s.size();
    std::memcpy(out + w, s.data() + i, stop - i);
    w += stop - i;
    i = stop;
    if (i == s.size()) break;
    char32_t code;
    const std::size_t used = read_reference(s, i, &code);
    if (code == kLiteral) {
      std::memcpy(out + w, s.data() + i, used);
      w += used;
    } else if (code) {
      w += put_utf8(code, out + w);
    } else if (attribute) {
      return w;
    }
    i += used;
  }
  return w;
}

std::size_t append_reference(std::string_view s, std::size_t i, std::string& out) {
  char32_t code;
  const std::size_t used = read_reference(s, i, &code);
  if (code == kLiteral) {
    out.append(s.substr(i, used));
  } else if (code) {
    char buf[4];
    out.append(buf, put_utf8(code, buf));
  }
  return used;
}

void append_decoded(std::string_view s, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + s.size());
  out.resize(at + decode_into(s, out.data() + at));
}

}  // namespace storyline::extract::html
