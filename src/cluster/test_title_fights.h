// Reports of two title fights of one champion, for the tests of event splits
// (events_test.cc, place_articles_test.cc). Test-only.
//
// Each report holds the words of the kind (champion, belts, referee), which both fights
// share, and words of its own fight (the challenger, the city, the round). A report of
// the second fight shares enough with one of the first to join its event; a dozen of them
// read as two groups (two_means.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace storyline::testing {

// n reports (title, text) of fight 0 or 1, each a different mix of its words.
inline std::vector<std::pair<std::string, std::string>> title_fight_reports(int fight, int n) {
  static const char* const kKind[] = {"Klitschko", "heavyweight", "title",  "belts",    "retained", "stopped",
                                      "referee",   "champion",    "jab",    "crowd",    "defence",  "challenger"};
  static const char* const kFights[2][12] = {
      {"Rahman", "Hasim", "Mannheim", "seventh", "substitute", "sluggish", "Weeks", "notice", "Lewis", "former",
       "cornered", "arena"},
      {"Thompson", "Tony", "Bern", "sixth", "southpaw", "rematch", "Suisse", "veteran", "canvas", "Swiss", "forty",
       "stadium"}};
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < n; ++i) {
    std::string title = "Klitschko";
    std::string text;
    for (int k = 0; k < 4; ++k) title += std::string(" ") + kFights[fight][(i + 3 * k) % 12];
    for (int k = 0; k < 7; ++k) text += std::string(kKind[(i + k) % 12]) + " " + kFights[fight][(2 * i + k) % 12] + " ";
    out.emplace_back(title, text + ".");
  }
  return out;
}

}  // namespace storyline::testing
