// Charset: raw bytes to valid UTF-8.
//
// Order of evidence: byte-order mark, the charset the container declared, an HTML
// <meta charset> / http-equiv in the first 4 KiB, valid UTF-8 as is, else ICU's
// detector. Output is always valid UTF-8 (bad sequences become U+FFFD).
#pragma once

#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline {

struct DecodedText {
  std::string utf8;
  std::string charset;   // what it was decoded from, e.g. "UTF-8", "GB18030"
  bool guessed = false;  // true when ICU's detector chose the charset
  int replaced = 0;      // bytes or sequences that could not be decoded
};

// True when bytes look like a binary file (NULs, many control bytes), not text.
bool looks_binary(std::string_view bytes);

// Decodes bytes to UTF-8; declared_charset may be "".
Result<DecodedText> decode_to_utf8(std::string_view bytes, std::string_view declared_charset = {});

}  // namespace storyline
