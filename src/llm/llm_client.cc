// OpenAI-compatible chat client over libcurl (see storyline/llm.h).
#include "storyline/llm.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

namespace storyline {
namespace {

using nlohmann::json;

// A reply this large is not a chat answer; stop reading rather than fill memory.
constexpr std::size_t kMaxReplyBytes = std::size_t{16} << 20;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Server text in a message: one line, short, so a whole HTML error page does not flood stderr.
std::string one_line(std::string_view text, std::size_t max_bytes = 200) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    // Back up to a UTF-8 lead byte so the message stays valid text.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "…";
  }
  return out;
}

// The server's own explanation, when it gives one the OpenAI way ({"error": {"message"}})
// or the simpler {"error": "..."} of some local servers.
std::string server_error(const json& reply) {
  if (!reply.is_object()) return "";
  auto it = reply.find("error");
  if (it == reply.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    auto m = it->find("message");
    if (m != it->end() && m->is_string()) return m->get<std::string>();
  }
  return "";
}

void global_init() {
  // curl_global_init is not thread-safe and must run once before any handle exists.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string body;
  bool overflow = false;
};

size_t collect(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->body.size() + n > kMaxReplyBytes) {
    sink->overflow = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

// A local model server is never reached through a proxy; the user's NO_PROXY still counts.
std::string no_proxy_list() {
  const char* env = std::getenv("NO_PROXY");
  if (!env || !*env) env = std::getenv("no_proxy");
  std::string list = env ? env : "";
  if (list == "*") return list;
  if (!list.empty()) list += ',';
  return list + "localhost,127.0.0.1,::1";
}

// The easy handle and header list, freed on every path out.
struct CurlRequest {
  CURL* curl = nullptr;
  curl_slist* headers = nullptr;
  CurlRequest() : curl(curl_easy_init()) {}
  ~CurlRequest() {
    curl_slist_free_all(headers);
    if (curl) curl_easy_cleanup(curl);
  }
  CurlRequest(const CurlRequest&) = delete;
  CurlRequest& operator=(const CurlRequest&) = delete;
  void add_header(const std::string& h) {
    if (curl_slist* next = curl_slist_append(headers, h.c_str())) headers = next;
  }
};

Result<std::string> chat(const LlmConfig& config, const std::vector<LlmMessage>& messages) {
  const std::string where = "LLM at " + config.url + ": ";
  Result<std::string> endpoint = llm_endpoint(config.url);
  if (!endpoint.ok()) return endpoint.status();
  if (messages.empty()) return Status::Error(where + "no messages to send");

  json body = {{"model", config.model.empty() ? std::string("default") : config.model},
               {"temperature", config.temperature},
               {"stream", false}};
  json list = json::array();
  for (const LlmMessage& m : messages) list.push_back({{"role", m.role}, {"content", m.content}});
  body["messages"] = std::move(list);
  if (config.max_tokens > 0) body["max_tokens"] = config.max_tokens;
  // Article text may hold stray invalid UTF-8; replace it rather than fail (or throw).
  const std::string payload = body.dump(-1, ' ', false, json::error_handler_t::replace);

  global_init();
  CurlRequest req;
  if (!req.curl) return Status::Error(where + "could not start an HTTP request");
  req.add_header("Content-Type: application/json");
  req.add_header("Accept: application/json");
  // Without this, curl waits up to a second for "100 Continue" before sending a large body.
  req.add_header("Expect:");
  if (!config.api_key.empty()) req.add_header("Authorization: Bearer " + config.api_key);

  const int timeout = config.timeout_seconds > 0 ? config.timeout_seconds : 60;
  const std::string no_proxy = no_proxy_list();
  Sink sink;
  const std::string& reply = sink.body;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  CURL* c = req.curl;
  curl_easy_setopt(c, CURLOPT_URL, endpoint->c_str());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, req.headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout) * 1000L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(timeout, 10)) * 1000L);
  // Timeouts by signal are not safe with threads; curl then uses its own timer.
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_NOPROXY, no_proxy.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_USERAGENT, "storyline");

  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    const std::string detail = error_buffer[0] ? one_line(error_buffer) : curl_easy_strerror(rc);
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT:
        return Status::Error(where + "timed out after " + std::to_string(timeout) + " s");
      case CURLE_COULDNT_CONNECT:
        return Status::Error(where + "could not connect (" + detail + ")");
      case CURLE_COULDNT_RESOLVE_HOST:
        return Status::Error(where + "unknown host (" + detail + ")");
      case CURLE_WRITE_ERROR:
        if (sink.overflow) return Status::Error(where + "reply larger than 16 MB");
        [[fallthrough]];
      default:
        return Status::Error(where + detail);
    }
  }

  long http = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http);
  const json parsed = json::parse(reply, nullptr, /*allow_exceptions=*/false);
  if (http < 200 || http >= 300) {
    std::string why = server_error(parsed);
    if (why.empty()) why = reply;
    why = one_line(why);
    return Status::Error(where + "HTTP " + std::to_string(http) + (why.empty() ? "" : ": " + why));
  }
  if (parsed.is_discarded())
    return Status::Error(where + "reply is not JSON (starts \"" + one_line(reply, 60) + "\")");
  if (std::string why = server_error(parsed); !why.empty()) return Status::Error(where + one_line(why));

  const json* choice = nullptr;
  if (parsed.is_object()) {
    auto choices = parsed.find("choices");
    if (choices != parsed.end() && choices->is_array() && !choices->empty() && (*choices)[0].is_object())
      choice = &(*choices)[0];
  }
  if (!choice) return Status::Error(where + "reply has no choices");
  std::string content;
  std::string finish;
  if (auto f = choice->find("finish_reason"); f != choice->end() && f->is_string()) finish = f->get<std::string>();
  if (auto m = choice->find("message"); m != choice->end() && m->is_object()) {
    if (auto t = m->find("content"); t != m->end() && t->is_string()) content = t->get<std::string>();
  } else if (auto t = choice->find("text"); t != choice->end() && t->is_string()) {
    content = t->get<std::string>();  // the older completions shape, which some servers still send
  }
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
    // "length" here usually means a reasoning model spent max_tokens before answering.
    return Status::Error(where + "empty answer" + (finish.empty() ? "" : " (finish_reason " + finish + ")"));
  }
  return content;
}

}  // namespace

LlmConfig llm_config(std::string url, std::string model) {
  LlmConfig config;
  config.url = std::move(url);
  if (!model.empty()) config.model = std::move(model);
  for (const char* name : {"STORYLINE_LLM_KEY", "OPENAI_API_KEY"}) {
    const char* key = std::getenv(name);
    if (key && *key) {
      config.api_key = key;
      break;
    }
  }
  return config;
}

Result<std::string> llm_endpoint(std::string_view url) {
  std::string u(url);
  while (!u.empty() && (u.back() == ' ' || u.back() == '/')) u.pop_back();
  while (!u.empty() && u.front() == ' ') u.erase(0, 1);
  if (u.empty()) return Status::Error("LLM URL is empty");
  const std::size_t scheme_end = u.find("://");
  if (scheme_end == std::string::npos) {
    u = "http://" + u;
  } else {
    std::string scheme = u.substr(0, scheme_end);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (scheme != "http" && scheme != "https")
      return Status::Error("LLM URL " + std::string(url) + ": only http:// and https:// are supported");
  }
  const std::size_t host_start = u.find("://") + 3;
  const std::size_t path_start = u.find('/', host_start);
  const std::string host = u.substr(host_start, path_start == std::string::npos ? std::string::npos : path_start - host_start);
  if (host.empty() || host.find_first_of(" \t") != std::string::npos)
    return Status::Error("LLM URL " + std::string(url) + ": no host");
  if (ends_with(u, "/chat/completions")) return u;
  // A bare host is the OpenAI layout; a base with a path (".../v1", "/api/v1",
  // "/openai") is the API root as given.
  if (path_start == std::string::npos) return u + "/v1/chat/completions";
  return u + "/chat/completions";
}

Result<std::string> llm_chat(const LlmConfig& config, const std::vector<LlmMessage>& messages) {
  try {
    return chat(config, messages);
  } catch (const std::exception& e) {  // allocation failure and the like: still a Status
    return Status::Error("LLM at " + config.url + ": " + e.what());
  }
}

}  // namespace storyline
