// Small UTF-8 and string helpers shared by the stages. Internal header.
//
// Lengths that drive heuristics are counted in "text units", not bytes: a Latin word
// is several letters, a CJK ideograph carries about as much as a short word, so a CJK
// character counts as kCjkUnits letters. Thresholds written in letters then hold for
// every script.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::text {

inline constexpr int kCjkUnits = 3;

// Decodes the code point at s[i], advancing i; invalid bytes yield U+FFFD, one byte each.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);

bool is_valid_utf8(std::string_view s);
bool is_cjk(char32_t cp);          // Han, Kana, Hangul
bool is_letter_or_digit(char32_t cp);
bool is_space(char32_t cp);        // ASCII and Unicode spaces, incl. NBSP and U+3000

// Letters and digits, CJK counted as kCjkUnits.
int text_units(std::string_view s);
// Letters and digits, every script counted one per character.
int letters(std::string_view s);
// Length as a reader weighs it: code points, a CJK character counting kCjkUnits
// (so "200 characters" means as much text in Chinese as in English).
int weighted_length(std::string_view s);
// Number of code points.
int code_points(std::string_view s);
// Whitespace-separated words; a run of CJK counts one word per character.
int word_count(std::string_view s);
// Share of CJK among letters (0..1).
double cjk_share(std::string_view s);

// Collapses runs of whitespace (incl. NBSP, U+3000, zero-width) to one space; trims.
std::string normalize_space(std::string_view s);
std::string trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
void lower_ascii_in_place(std::string& s);  // to_lower_ascii without a copy
bool starts_with_ci(std::string_view s, std::string_view prefix);  // ASCII case-insensitive
bool contains_ci(std::string_view s, std::string_view needle);
std::vector<std::string> split_lines(std::string_view s);

// True when the text ends as a sentence does: . ! ? … 。！？ and closing quotes/brackets.
bool ends_like_sentence(std::string_view s);
// Sentence-ending punctuation anywhere in the text (any script).
int sentence_marks(std::string_view s);

}  // namespace storyline::text
