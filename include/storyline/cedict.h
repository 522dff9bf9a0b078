// ChineseDictionary: CC-CEDICT (Chinese → English glosses), for matching Chinese articles
// to English ones. The file is fetched by `make deps` into the build tree (data/), never
// committed; see default_cedict_path().
//
// Loading parses ~120k lines once (views into the file, no per-gloss copies); the object is immutable and safe to share
// between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/status.h"

namespace storyline {

class ChineseDictionary {
 public:
  // Reads a cedict_ts.u8 file ("繁 简 [pin1 yin1] /gloss/gloss/").
  static Result<std::shared_ptr<const ChineseDictionary>> load(const std::string& path);

  // Greedy longest-match segmentation (max 8 characters per word). Characters outside the
  // dictionary come out one per piece; non-Han runs (Latin words, digits) stay whole.
  std::vector<std::string_view> segment(std::string_view text) const;

  // The glosses of a word written in simplified or traditional characters; empty if the
  // word is unknown. Glosses are as in the file, "(name)" notes included; the views point
  // into the dictionary and live as long as it does.
  std::vector<std::string_view> glosses(std::string_view word) const;

  // English words that stand for a Chinese word when matching documents: content words of
  // its first glosses, lowercased ("乌克兰" → {"ukraine"}; "拜登" → {"biden"}). For person
  // and place names CEDICT writes the English name in the gloss, so names map too.
  std::vector<std::string> english_terms(std::string_view word) const;

  std::size_t size() const { return entries_.size(); }

 private:
  // The file, read once; keys and gloss sections ("/a/b/" of each entry line) are views
  // into it, so loading allocates per headword only, not per gloss.
  std::string data_;
  std::unordered_map<std::string_view, std::vector<std::string_view>> entries_;
  std::size_t max_word_bytes_ = 0;
};

// STORYLINE_CEDICT if set, else data/cedict_ts.u8 beside the running executable, else
// build/data/cedict_ts.u8 under the current directory.
std::string default_cedict_path();

}  // namespace storyline
