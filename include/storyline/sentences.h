// Sentences: news text cut into sentences, for summaries, timelines and quotes.
//
// Each input line is a paragraph: a sentence never spans two lines, and a line without
// final punctuation is one sentence. Within a line, English text breaks after . ! ? or
// "..." (and the quotes or brackets that close right after them) when the next word
// looks like a sentence start; abbreviations ("Mr.", "Sen.", "Jan. 5", "U.S. officials"),
// initials ("J. K. Rowling") and decimals ("3.5") do not break. Chinese and Japanese
// break after 。！？ (no space follows them in those scripts).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// The sentences of UTF-8 text, in order, trimmed, with inner runs of whitespace collapsed
// to one space. Empty lines yield nothing.
std::vector<std::string> split_sentences(std::string_view text);

}  // namespace storyline
