// Character references in HTML text and attribute values: "&amp;", "&#233;", "&#x2014;".
// Internal header.
#pragma once

#include <string>
#include <string_view>

namespace storyline::extract::html {

// The code point of a named reference without its '&' and ';' ("eacute" -> 0xE9), 0
// when unknown. The names are HTML 4's (Latin-1, symbols and Greek, typography) plus
// "apos"; names are case-sensitive ("Eacute" is not "eacute").
char32_t named_reference(std::string_view name);

// Appends s with its character references decoded, as libxml2's HTML parser reads
// them: "&name;" with a known name and numeric references become their character; an
// unknown name or one without its ';' stays as written ("AT&T", "&nbsp" alone); a
// numeric reference to no character (0, a surrogate) is dropped.
void append_decoded(std::string_view s, std::string& out);

// Reads the reference at s[i] == '&' as text reads it: appends what it stands for
// (itself when it is no reference) and returns the bytes it takes.
std::size_t append_reference(std::string_view s, std::size_t i, std::string& out);

// The same into a buffer of at least s.size() bytes (decoding never lengthens text);
// returns the bytes written. In an attribute value, a numeric reference to no
// character ends the value (libxml2 writes it as a NUL).
std::size_t decode_into(std::string_view s, char* out, bool attribute = false);

}  // namespace storyline::extract::html
