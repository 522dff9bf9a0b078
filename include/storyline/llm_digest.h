// The parts of a story digest that need a language model: an abstractive summary, three
// questions with answers, and their translation into another language (as in seed 003).
//
// The model is asked for JSON and its reply is read leniently (code fences, reasoning
// blocks and chatter around the object are skipped). Each part succeeds or fails on its
// own with a reason; a failed part never takes the others down, and the caller keeps its
// extractive digest whatever happens here. Two requests at most: summary and questions
// together, then the translation (skipped when the first could not reach the model).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "storyline/llm.h"
#include "storyline/status.h"

namespace storyline {

// What the model is told about one story. Plain data from the extractive digest.
struct StoryBrief {
  struct Article {
    std::string title;
    std::string outlet;
    std::string date;   // ISO 8601 or ""
    std::string text;   // the body; cut to the budget here, so pass it whole
  };
  std::string title;
  std::string first_date, last_date;             // ISO 8601 or ""
  std::vector<std::string> summary_sentences;    // the extractive summary
  std::vector<Article> articles;                 // a few key articles, most important first
  std::vector<std::string> languages;            // of the sources: "en", "zh", ...
};

struct LlmDigestOptions {
  std::string language = "en";        // of the summary and questions
  std::string translate_to;           // "zh", "de", ...; "" for no translation
  std::size_t article_budget = 6000;  // bytes of article text in the prompt, all articles together
};

struct LlmQuestion {
  std::string question;
  std::string answer;
};

struct LlmDigest {
  // Each part: ok with its content, or failed with the reason in the Status.
  Status summary_status;
  std::string summary;                      // one paragraph

  Status questions_status;
  std::vector<LlmQuestion> questions;       // three, as asked; fewer if the model gave fewer

  bool translation_requested = false;       // translate_to was set
  Status translation_status;                // meaningful only when requested
  std::string translation_language;         // translate_to, as given
  std::string translated_title;             // may be "" if the model left it out
  std::string translated_summary;
  std::vector<LlmQuestion> translated_questions;
};

// Asks the model at CONFIG for the digest parts of BRIEF. Never throws.
LlmDigest llm_digest(const LlmConfig& config, const StoryBrief& brief, const LlmDigestOptions& options = {});

// The language's English name for prompts ("zh" -> "Chinese (Simplified)"); unknown codes as given.
std::string llm_language_name(const std::string& code);

}  // namespace storyline
