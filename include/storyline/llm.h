// A client for OpenAI-compatible chat endpoints (llama.cpp, Ollama, vLLM, OpenAI, ...).
//
// One blocking POST {base}/v1/chat/completions per call, {model, messages, temperature,
// max_tokens}; the answer is choices[0].message.content. Every failure (bad URL, no
// connection, timeout, HTTP error, a reply that is not the protocol) comes back as a
// Status with one line naming the endpoint; nothing throws. Calls may run on several
// threads at once; each uses its own connection. The API key never appears in messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline {

struct LlmConfig {
  std::string url;                 // http://host:port, http://host:port/v1 or .../chat/completions
  std::string model = "default";   // llama.cpp ignores it; Ollama and OpenAI need a real name
  std::string api_key;             // sent as "Authorization: Bearer KEY" when not empty
  int timeout_seconds = 60;        // for the whole request, connection included
  int max_tokens = 2048;           // 0: leave it to the server
  double temperature = 0.2;        // low: summaries should stay close to the sources
};

// A config for URL and MODEL ("" keeps the default), with the API key taken from
// STORYLINE_LLM_KEY, else OPENAI_API_KEY, else none.
LlmConfig llm_config(std::string url, std::string model = "");

// The chat-completions endpoint for any accepted form of URL (a missing scheme means
// http://), or why the URL is not one.
Result<std::string> llm_endpoint(std::string_view url);

struct LlmMessage {
  std::string role;      // "system", "user" or "assistant"
  std::string content;
};

// The model's reply text (choices[0].message.content), never empty when ok.
Result<std::string> llm_chat(const LlmConfig& config, const std::vector<LlmMessage>& messages);

}  // namespace storyline
