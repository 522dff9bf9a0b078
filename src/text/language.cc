#include "storyline/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <string>

namespace storyline {

std::vector<std::string> detect_languages(std::string_view utf8_text, double min_share) {
  std::vector<std::string> out;
  if (utf8_text.empty()) return out;
  // CLD2 is fast, but a few hundred KiB say all there is to say about a page.
  const int len = static_cast<int>(std::min<std::size_t>(utf8_text.size(), 256 * 1024));
  CLD2::Language lang3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummary(utf8_text.data(), len, /*is_plain_text=*/true,
                                 /*cld_hints=*/nullptr, /*flags=*/0, lang3, percent3, score3,
                                 /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  for (int i = 0; i < 3; ++i) {
    if (lang3[i] == CLD2::UNKNOWN_LANGUAGE || lang3[i] == CLD2::TG_UNKNOWN_LANGUAGE) continue;
    if (percent3[i] < min_share * 100 && !(i == 0 && percent3[i] > 0)) continue;
    std::string code = CLD2::LanguageCode(lang3[i]);
    // CLD2 names Traditional Chinese "zh-Hant"; Simplified is plain "zh". A few of its
    // codes are the deprecated ISO 639 ones; BCP-47 wants the current ones.
    if (code == "un" || code == "xxx") continue;
    if (code == "iw") code = "he";
    else if (code == "in") code = "id";
    else if (code == "ji") code = "yi";
    else if (code == "jw") code = "jv";
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

}  // namespace storyline
