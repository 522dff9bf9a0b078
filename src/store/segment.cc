// Word segmentation for the full-text index. FTS5's unicode61 tokenizer splits on
// spaces and punctuation, which leaves a Chinese clause as one token: no two-character
// word could match. ICU's dictionary-based word break splits CJK runs into words; we
// join them with spaces and leave every other script to the tokenizer.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "storyline/store.h"
#include "text/utf8.h"

namespace storyline {
namespace {

icu::BreakIterator* word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), err));
    return U_FAILURE(err) ? nullptr : std::move(b);
  }();
  return it.get();
}

void append_segmented(std::string_view run, std::string& out) {
  icu::BreakIterator* bi = word_breaker();
  if (!bi) {
    // Without ICU's data: one token per character still lets words match as phrases.
    for (std::size_t i = 0; i < run.size();) {
      const std::size_t s = i;
      text::next_code_point(run, i);
      out.append(run.substr(s, i - s));
      out += ' ';
    }
    return;
  }
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  bi->setText(u);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    std::string word;
    u.tempSubStringBetween(start, end).toUTF8String(word);
    out += word;
    out += ' ';
  }
}

}  // namespace

std::string segment_for_index(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = text::next_code_point(s, i);
    if (!text::is_cjk(cp)) {
      out.append(s.substr(start, i - start));
      continue;
    }
    std::size_t end = i;
    while (end < s.size()) {
      std::size_t next = end;
      if (!text::is_cjk(text::next_code_point(s, next))) break;
      end = next;
    }
    if (!out.empty() && out.back() != ' ') out += ' ';
    append_segmented(s.substr(start, end - start), out);
    i = end;
  }
  return out;
}

}  // namespace storyline
