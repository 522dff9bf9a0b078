// The model-written parts of a story digest (see storyline/llm_digest.h).
#include "storyline/llm_digest.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <initializer_list>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "llm/llm_reply.h"

namespace storyline {
namespace llm {

using nlohmann::json;

namespace {

// Finds where a JSON object that starts at text[open] ends (its closing brace), minding
// strings and escapes; npos when it never closes (an answer cut off by max_tokens).
std::size_t object_end(std::string_view text, std::size_t open) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (--depth == 0) return i;
    }
  }
  return std::string_view::npos;
}

// Drops commas that directly precede } or ] outside strings: the most common way a
// model's JSON is almost right.
std::string drop_trailing_commas(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      std::size_t j = text.find_first_not_of(" \t\r\n", i + 1);
      if (j != std::string_view::npos && (text[j] == '}' || text[j] == ']')) continue;
    }
    out += c;
  }
  return out;
}

std::string_view strip_reasoning(std::string_view text) {
  // Reasoning models (DeepSeek-R1, Qwen3) think aloud first; the thoughts may hold braces.
  const std::size_t close = text.rfind("</think>");
  if (close != std::string_view::npos) text.remove_prefix(close + 8);
  return text;
}

std::string preview(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= 60) break;
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  // Do not end the message inside a UTF-8 sequence.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) {
    const bool lead = (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0;
    out.pop_back();
    if (lead) break;
  }
  return out;
}

}  // namespace

Result<json> find_json_object(std::string_view answer) {
  const std::string_view text = strip_reasoning(answer);
  bool cut_off = false;
  // A few candidates are enough: the object is nearly always the first brace, after a
  // fence or a sentence that could itself hold a stray brace.
  std::size_t open = text.find('{');
  for (int tries = 0; open != std::string_view::npos && tries < 16; ++tries) {
    const std::size_t close = object_end(text, open);
    if (close == std::string_view::npos) {
      cut_off = true;
      break;
    }
    const std::string_view candidate = text.substr(open, close - open + 1);
    json parsed = json::parse(candidate, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) parsed = json::parse(drop_trailing_commas(candidate), nullptr, false);
    if (parsed.is_object()) return parsed;
    open = text.find('{', open + 1);
  }
  const std::string start = preview(text.substr(std::min(text.find_first_not_of(" \t\r\n"), text.size())));
  if (cut_off) return Status::Error("the model's JSON answer is cut off (starts \"" + start + "\")");
  return Status::Error("the model's answer is not JSON (starts \"" + start + "\")");
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string_view head = text.substr(0, cut);
  // Prefer a sentence end, then a space, if one is in the last 30%; else cut mid-word.
  const std::size_t floor = cut * 7 / 10;
  std::size_t best = std::string_view::npos;
  for (std::string_view end : {". ", ".\n", "? ", "! ", "。", "？", "！"}) {
    const std::size_t at = head.rfind(end);
    if (at != std::string_view::npos && at >= floor) {
      // ASCII marks end before the space that follows; CJK marks are whole characters.
      const std::size_t after = at + (static_cast<unsigned char>(end[0]) < 0x80 ? 1 : end.size());
      if (best == std::string_view::npos || after > best) best = after;
    }
  }
  if (best == std::string_view::npos) {
    const std::size_t space = head.find_last_of(" \n");
    if (space != std::string_view::npos && space >= floor) best = space;
  }
  if (best != std::string_view::npos) head = head.substr(0, best);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\n')) head.remove_suffix(1);
  return std::string(head) + " …";
}

}  // namespace llm

namespace {

using nlohmann::json;

// Keys as the model spelled them: "Summary", "QUESTIONS" and the like are common.
const json* member(const json& object, std::initializer_list<const char*> names) {
  if (!object.is_object()) return nullptr;
  for (const char* name : names) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string& key = it.key();
      if (key.size() == std::char_traits<char>::length(name) &&
          std::equal(key.begin(), key.end(), name,
                     [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
        return &it.value();
    }
  }
  return nullptr;
}

std::string trimmed(std::string s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A string, or an array of strings joined (some models split a paragraph into sentences).
std::string text_of(const json* value) {
  if (!value) return "";
  if (value->is_string()) return trimmed(value->get<std::string>());
  if (value->is_array()) {
    std::string out;
    for (const json& part : *value) {
      if (!part.is_string()) continue;
      std::string s = trimmed(part.get<std::string>());
      if (s.empty()) continue;
      if (!out.empty()) out += ' ';
      out += s;
    }
    return out;
  }
  return "";
}

Status read_summary(const json& object, std::string& out) {
  out = text_of(member(object, {"summary", "abstract"}));
  if (out.empty()) return Status::Error("the model's answer has no summary");
  return Status::Ok();
}

Status read_questions(const json& object, std::vector<LlmQuestion>& out) {
  out.clear();
  const json* list = member(object, {"questions", "interesting_questions", "qa"});
  if (!list || !list->is_array()) return Status::Error("the model's answer has no list of questions");
  for (const json& item : *list) {
    LlmQuestion q{text_of(member(item, {"question", "q"})), text_of(member(item, {"answer", "a"}))};
    if (q.question.empty() || q.answer.empty()) continue;
    out.push_back(std::move(q));
    if (out.size() == 3) break;  // three were asked for; more would crowd the page
  }
  if (out.empty()) return Status::Error("the model's answer has no question with an answer");
  return Status::Ok();
}

// At most this much of the extractive summary goes in the prompt; it is a guide, the
// articles are the evidence.
constexpr std::size_t kSummaryBudget = 3000;

std::string articles_block(const StoryBrief& brief, std::size_t budget) {
  // Shorter articles keep all their text; what they leave goes to the longer ones.
  const std::size_t n = brief.articles.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return brief.articles[a].text.size() < brief.articles[b].text.size(); });
  std::vector<std::size_t> share(n, 0);
  std::size_t left = budget;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t fair = left / (n - k);
    share[order[k]] = std::min(fair, brief.articles[order[k]].text.size());
    left -= share[order[k]];
  }
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    const StoryBrief::Article& a = brief.articles[i];
    out += "[" + std::to_string(i + 1) + "]";
    if (!a.outlet.empty()) out += " " + a.outlet;
    if (!a.date.empty()) out += (a.outlet.empty() ? " " : ", ") + a.date;
    if (!a.title.empty()) out += ": " + a.title;
    out += "\n" + llm::truncate_utf8(trimmed(a.text), share[i]) + "\n\n";
  }
  return out;
}

std::string language_list(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) {
    if (!out.empty()) out += ", ";
    out += llm_language_name(code);
  }
  return out;
}

std::vector<LlmMessage> digest_prompt(const StoryBrief& brief, const LlmDigestOptions& options) {
  const std::string language = llm_language_name(options.language.empty() ? "en" : options.language);
  std::string user;
  user += "Story: " + (brief.title.empty() ? std::string("(untitled)") : brief.title) + "\n";
  if (!brief.first_date.empty() || !brief.last_date.empty()) {
    user += "Dates: " + brief.first_date;
    if (!brief.last_date.empty() && brief.last_date != brief.first_date)
      user += (brief.first_date.empty() ? "until " : " to ") + brief.last_date;
    user += "\n";
  }
  if (!brief.languages.empty()) user += "Sources written in: " + language_list(brief.languages) + "\n";
  if (!brief.summary_sentences.empty()) {
    std::string points;
    for (const std::string& s : brief.summary_sentences) points += "- " + trimmed(s) + "\n";
    user += "\nKey points (extracted from the articles):\n" + llm::truncate_utf8(points, kSummaryBudget) + "\n";
  }
  if (!brief.articles.empty()) user += "\nArticles:\n" + articles_block(brief, options.article_budget);
  user +=
      "\nTask, written in " + language +
      ":\n"
      "1. \"summary\": one paragraph of three to five sentences: what happened, who decided or said what, and "
      "why it matters. Use only facts from the material above.\n"
      "2. \"questions\": three interesting questions a thoughtful reader would ask about this story (causes, "
      "consequences, what comes next), each with an answer of two to four sentences grounded in the material.\n"
      "\nAnswer with this JSON object and nothing else:\n"
      "{\"summary\": \"...\", \"questions\": [{\"question\": \"...\", \"answer\": \"...\"}, "
      "{\"question\": \"...\", \"answer\": \"...\"}, {\"question\": \"...\", \"answer\": \"...\"}]}";
  return {{"system",
           "You are a careful news editor. You write only what the source material supports, and you answer with a "
           "single JSON object and nothing else."},
          {"user", std::move(user)}};
}

std::vector<LlmMessage> translation_prompt(const json& source, const std::string& from, const std::string& to) {
  std::string user = "Translate every string value of this JSON object from " + from + " into " + to +
                     ". Keep the keys and the structure exactly as they are. Write names of people, places and "
                     "organisations as news written in " + to +
                     " usually does. Answer with the translated JSON object and nothing else.\n\n" +
                     source.dump(1, ' ', false, json::error_handler_t::replace);
  return {{"system", "You are a professional news translator. You answer with a single JSON object and nothing else."},
          {"user", std::move(user)}};
}

void translate(const LlmConfig& config, const StoryBrief& brief, const LlmDigestOptions& options, LlmDigest& d) {
  if (!d.summary_status.ok() && !d.questions_status.ok()) {
    d.translation_status = Status::Error("skipped: no summary or questions to translate");
    return;
  }
  json source = json::object();
  if (!brief.title.empty()) source["title"] = brief.title;
  if (d.summary_status.ok()) source["summary"] = d.summary;
  if (d.questions_status.ok()) {
    json list = json::array();
    for (const LlmQuestion& q : d.questions) list.push_back({{"question", q.question}, {"answer", q.answer}});
    source["questions"] = std::move(list);
  }
  const std::string from = llm_language_name(options.language.empty() ? "en" : options.language);
  Result<std::string> answer = llm_chat(config, translation_prompt(source, from, llm_language_name(options.translate_to)));
  if (!answer.ok()) {
    d.translation_status = answer.status();
    return;
  }
  Result<json> object = llm::find_json_object(*answer);
  if (!object.ok()) {
    d.translation_status = Status::Error("translation: " + object.status().message());
    return;
  }
  d.translated_title = text_of(member(*object, {"title"}));
  // The translation counts only if it has every part that was sent.
  Status status;
  if (d.summary_status.ok()) status = read_summary(*object, d.translated_summary);
  if (status.ok() && d.questions_status.ok()) status = read_questions(*object, d.translated_questions);
  if (!status.ok()) {
    d.translated_summary.clear();
    d.translated_questions.clear();
    d.translation_status = Status::Error("translation: " + status.message());
  }
}

LlmDigest digest(const LlmConfig& config, const StoryBrief& brief, const LlmDigestOptions& options) {
  LlmDigest d;
  d.translation_requested = !options.translate_to.empty();
  d.translation_language = options.translate_to;

  Result<std::string> answer = llm_chat(config, digest_prompt(brief, options));
  if (!answer.ok()) {
    d.summary_status = d.questions_status = answer.status();
  } else if (Result<json> object = llm::find_json_object(*answer); !object.ok()) {
    d.summary_status = d.questions_status = object.status();
  } else {
    d.summary_status = read_summary(*object, d.summary);
    d.questions_status = read_questions(*object, d.questions);
  }
  if (d.translation_requested) translate(config, brief, options, d);
  return d;
}

}  // namespace

LlmDigest llm_digest(const LlmConfig& config, const StoryBrief& brief, const LlmDigestOptions& options) {
  try {
    return digest(config, brief, options);
  } catch (const std::exception& e) {  // e.g. allocation failure: every part failed, still no throw
    LlmDigest d;
    d.summary_status = d.questions_status = d.translation_status = Status::Error(std::string("LLM digest: ") + e.what());
    d.translation_requested = !options.translate_to.empty();
    d.translation_language = options.translate_to;
    return d;
  }
}

std::string llm_language_name(const std::string& code) {
  struct Name {
    const char* code;
    const char* name;
  };
  static constexpr Name kNames[] = {
      {"en", "English"},       {"zh", "Chinese (Simplified)"}, {"zh-cn", "Chinese (Simplified)"},
      {"zh-hans", "Chinese (Simplified)"}, {"zh-tw", "Chinese (Traditional)"}, {"zh-hk", "Chinese (Traditional)"},
      {"zh-hant", "Chinese (Traditional)"}, {"ja", "Japanese"}, {"ko", "Korean"}, {"ru", "Russian"},
      {"uk", "Ukrainian"},     {"ar", "Arabic"},  {"he", "Hebrew"},  {"fa", "Persian"}, {"tr", "Turkish"},
      {"de", "German"},        {"fr", "French"},  {"es", "Spanish"}, {"it", "Italian"}, {"pt", "Portuguese"},
      {"nl", "Dutch"},         {"pl", "Polish"},  {"sv", "Swedish"}, {"hi", "Hindi"},   {"id", "Indonesian"},
      {"vi", "Vietnamese"},    {"th", "Thai"},
  };
  std::string key = code;
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return c == '_' ? '-' : std::tolower(c); });
  for (const Name& n : kNames)
    if (key == n.code) return n.name;
  return code;
}

}  // namespace storyline
