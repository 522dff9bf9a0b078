// The LLM client and digest against a small chat-completions server in this process,
// bound to 127.0.0.1 on a free port.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <optional>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "llm/llm_reply.h"
#include "storyline/llm.h"
#include "storyline/llm_digest.h"

namespace storyline {
namespace {

using nlohmann::json;

// One connection at a time, one request per connection: all the client needs.
class FakeLlmServer {
 public:
  struct Request {
    std::string path;
    std::string headers;  // raw, lower-cased
    std::string body;
  };
  struct Reply {
    int status = 200;
    std::string body;
    bool hang = false;  // read the request, never answer
  };
  using Handler = std::function<Reply(const Request&)>;

  explicit FakeLlmServer(Handler handler) : handler_(std::move(handler)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 8) != 0) {
      ADD_FAILURE() << "cannot listen on 127.0.0.1";
      return;
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~FakeLlmServer() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    ::close(fd_);
  }
  FakeLlmServer(const FakeLlmServer&) = delete;
  FakeLlmServer& operator=(const FakeLlmServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<Request> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  // Waits for FD to be readable, checking for stop every 50 ms.
  bool readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    while (!stop_) {
      if (::poll(&p, 1, 50) > 0) return true;
    }
    return false;
  }

  void run() {
    while (readable(fd_)) {
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) continue;
      serve(client);
      ::close(client);
    }
  }

  void serve(int client) {
    std::string data;
    char buf[4096];
    std::size_t header_end = std::string::npos;
    std::size_t length = 0;
    while (true) {
      if (header_end == std::string::npos) {
        header_end = data.find("\r\n\r\n");
        if (header_end != std::string::npos) {
          std::string head = data.substr(0, header_end);
          for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          const std::size_t cl = head.find("content-length:");
          if (cl != std::string::npos) length = std::strtoul(head.c_str() + cl + 15, nullptr, 10);
        }
      }
      if (header_end != std::string::npos && data.size() >= header_end + 4 + length) break;
      if (!readable(client)) return;
      const ssize_t n = ::recv(client, buf, sizeof buf, 0);
      if (n <= 0) return;
      data.append(buf, static_cast<std::size_t>(n));
    }
    Request req;
    const std::size_t line_end = data.find("\r\n");
    const std::size_t sp1 = data.find(' ');
    const std::size_t sp2 = data.find(' ', sp1 + 1);
    if (sp1 < line_end && sp2 < line_end) req.path = data.substr(sp1 + 1, sp2 - sp1 - 1);
    req.headers = data.substr(0, header_end);
    for (char& c : req.headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.body = data.substr(header_end + 4, length);
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(req);
    }
    const Reply reply = handler_(req);
    if (reply.hang) {
      while (readable(client)) {  // until the client gives up (EOF) or the test ends
        if (::recv(client, buf, sizeof buf, 0) <= 0) return;
      }
      return;
    }
    const std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " Canned\r\nContent-Type: application/json\r\n" +
                            "Content-Length: " + std::to_string(reply.body.size()) +
                            "\r\nConnection: close\r\n\r\n" + reply.body;
    std::size_t sent = 0;
    while (sent < out.size()) {
      const ssize_t n = ::send(client, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  Handler handler_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<Request> requests_;
};

std::string completion(const std::string& content) {
  return json{{"id", "chatcmpl-1"},
              {"object", "chat.completion"},
              {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}}}, {"finish_reason", "stop"}}}}}
      .dump();
}

// The protocol check every canned server makes before answering: a 400 fails the test's
// expectations of success, so a malformed request never passes unnoticed.
std::optional<FakeLlmServer::Reply> bad_request(const FakeLlmServer::Request& req) {
  if (req.path != "/v1/chat/completions") return FakeLlmServer::Reply{404, R"({"error":{"message":"no such path"}})"};
  const json body = json::parse(req.body, nullptr, false);
  bool ok = body.is_object() && body.contains("model") && body["model"].is_string() && body.contains("messages") &&
            body["messages"].is_array() && !body["messages"].empty();
  if (ok)
    for (const json& m : body["messages"])
      ok = ok && m.is_object() && m.contains("role") && m["role"].is_string() && m.contains("content") && m["content"].is_string();
  if (!ok) return FakeLlmServer::Reply{400, R"({"error":{"message":"bad request body"}})"};
  return std::nullopt;
}

std::string user_message(const FakeLlmServer::Request& req) {
  const json body = json::parse(req.body, nullptr, false);
  for (const json& m : body["messages"])
    if (m["role"] == "user") return m["content"].get<std::string>();
  return "";
}

bool is_translation(const FakeLlmServer::Request& req) {
  return user_message(req).find("Translate every string value") != std::string::npos;
}

const char* kDigestAnswer = R"({"summary": "Joe Biden let Ukraine strike targets inside Russia near Kharkiv with US weapons.",
 "questions": [
  {"question": "Why now?", "answer": "Russia's offensive on Kharkiv."},
  {"question": "What is still barred?", "answer": "Long-range strikes deep inside Russia."},
  {"question": "What comes next?", "answer": "A security deal at the G7."}]})";

const char* kTranslationAnswer = R"({"title": "拜登允许乌克兰打击俄罗斯境内目标",
 "summary": "乔·拜登允许乌克兰使用美国武器打击哈尔科夫附近的俄罗斯境内目标。",
 "questions": [
  {"question": "为什么是现在？", "answer": "俄罗斯对哈尔科夫的攻势。"},
  {"question": "仍禁止什么？", "answer": "对俄罗斯纵深的远程打击。"},
  {"question": "接下来会怎样？", "answer": "七国集团峰会上的安全协议。"}]})";

StoryBrief seed_brief() {
  StoryBrief brief;
  brief.title = "Biden lets Ukraine use US weapons on targets in Russia";
  brief.first_date = "2024-05-30";
  brief.last_date = "2024-05-31";
  brief.summary_sentences = {"Joe Biden has authorised Ukraine to use US weapons against targets inside Russia.",
                             "The permission covers the area near Kharkiv."};
  brief.articles = {{"Biden shifts on weapons", "Financial Times", "2024-05-30",
                     "WASHINGTON — Joe Biden has quietly authorised Ukraine to strike targets in Russia near Kharkiv."},
                    {"拜登允许乌克兰使用美国武器", "东岸时报", "2024-05-31", "乔·拜登允许乌克兰使用美国武器打击俄罗斯目标。"}};
  brief.languages = {"en", "zh"};
  return brief;
}

LlmConfig test_config(const std::string& url, int timeout = 10) {
  LlmConfig config;
  config.url = url;
  config.model = "test-model";
  config.timeout_seconds = timeout;
  return config;
}

// A port nothing listens on: bind one, then close it.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// ---- URL forms and config ---------------------------------------------------------------

TEST(LlmEndpoint, AcceptsBaseV1AndFullForms) {
  EXPECT_EQ(*llm_endpoint("http://127.0.0.1:8080"), "http://127.0.0.1:8080/v1/chat/completions");
  EXPECT_EQ(*llm_endpoint("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/v1/chat/completions");
  EXPECT_EQ(*llm_endpoint("http://localhost:11434/v1"), "http://localhost:11434/v1/chat/completions");
  EXPECT_EQ(*llm_endpoint("https://api.example.com/v1/"), "https://api.example.com/v1/chat/completions");
  EXPECT_EQ(*llm_endpoint("https://h/v1/chat/completions"), "https://h/v1/chat/completions");
  EXPECT_EQ(*llm_endpoint("https://openrouter.example/api/v1"), "https://openrouter.example/api/v1/chat/completions");
  EXPECT_EQ(*llm_endpoint("localhost:8080"), "http://localhost:8080/v1/chat/completions");
  EXPECT_FALSE(llm_endpoint("").ok());
  EXPECT_FALSE(llm_endpoint("ftp://host/v1").ok());
  EXPECT_FALSE(llm_endpoint("http:///v1").ok());
}

TEST(LlmEndpoint, ConfigTakesKeyFromEnvironment) {
  ::setenv("STORYLINE_LLM_KEY", "sk-storyline", 1);
  ::setenv("OPENAI_API_KEY", "sk-openai", 1);
  EXPECT_EQ(llm_config("http://h").api_key, "sk-storyline");
  ::unsetenv("STORYLINE_LLM_KEY");
  EXPECT_EQ(llm_config("http://h").api_key, "sk-openai");
  ::unsetenv("OPENAI_API_KEY");
  const LlmConfig config = llm_config("http://h", "llama3");
  EXPECT_EQ(config.api_key, "");
  EXPECT_EQ(config.model, "llama3");
  EXPECT_EQ(llm_config("http://h").model, "default");
  EXPECT_EQ(config.timeout_seconds, 60);
}

// ---- lenient reading of answers ---------------------------------------------------------

TEST(LlmReply, FindsObjectInFencesProseAndReasoning) {
  auto a = llm::find_json_object("```json\n{\"summary\": \"x\"}\n```");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ((*a)["summary"], "x");

  auto b = llm::find_json_object("Sure! Here is the JSON: {\"a\": \"}{\", \"b\": [1, 2,],} Hope it helps {.");
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ((*b)["a"], "}{");

  auto c = llm::find_json_object("<think>maybe {\"summary\": \"wrong\"}</think>\n{\"summary\": \"right\"}");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)["summary"], "right");

  auto d = llm::find_json_object("I am sorry, I cannot help with that.");
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(contains(d.status().message(), "not JSON")) << d.status().message();

  auto e = llm::find_json_object("{\"summary\": \"the answer ran out of tok");
  ASSERT_FALSE(e.ok());
  EXPECT_TRUE(contains(e.status().message(), "cut off")) << e.status().message();
}

TEST(LlmReply, TruncatesOnUtf8AndSentenceBoundaries) {
  EXPECT_EQ(llm::truncate_utf8("short", 100), "short");
  const std::string zh = "乔·拜登允许乌克兰使用美国武器。打击俄罗斯目标的决定引起关注";
  for (std::size_t max = 1; max < zh.size(); ++max) {
    const std::string cut = llm::truncate_utf8(zh, max);
    EXPECT_EQ(json(cut).dump(-1, ' ', false, json::error_handler_t::strict).empty(), false);  // valid UTF-8 or throws
  }
  EXPECT_EQ(llm::truncate_utf8("One sentence here. Two sentences there and more words", 24), "One sentence here. …");
}

// ---- the client against the fake server -------------------------------------------------

TEST(LlmChat, SendsTheProtocolAndReadsTheAnswer) {
  FakeLlmServer server([](const FakeLlmServer::Request& req) {
    if (auto bad = bad_request(req)) return *bad;
    return FakeLlmServer::Reply{200, completion("hello from the model")};
  });
  LlmConfig config = test_config(server.url() + "/v1");
  config.api_key = "sk-test";
  config.max_tokens = 77;
  Result<std::string> answer = llm_chat(config, {{"system", "be brief"}, {"user", "say hello"}});
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  EXPECT_EQ(*answer, "hello from the model");

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_TRUE(contains(requests[0].headers, "authorization: bearer sk-test"));
  const json body = json::parse(requests[0].body);
  EXPECT_EQ(body["model"], "test-model");
  EXPECT_EQ(body["max_tokens"], 77);
  EXPECT_EQ(body["messages"][1]["content"], "say hello");
  EXPECT_TRUE(body.contains("temperature"));
}

TEST(LlmChat, NoKeyNoAuthorizationHeaderAndInvalidUtf8Survives) {
  FakeLlmServer server([](const FakeLlmServer::Request& req) {
    if (auto bad = bad_request(req)) return *bad;
    return FakeLlmServer::Reply{200, completion("ok")};
  });
  Result<std::string> answer = llm_chat(test_config(server.url()), {{"user", std::string("bad \xC3\x28 bytes")}});
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  EXPECT_FALSE(contains(server.requests().at(0).headers, "authorization"));
}

TEST(LlmChat, Http500IsAnErrorWithTheServersReason) {
  FakeLlmServer server([](const FakeLlmServer::Request&) {
    return FakeLlmServer::Reply{500, R"({"error": {"message": "model failed to load"}})"};
  });
  Result<std::string> answer = llm_chat(test_config(server.url()), {{"user", "hi"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_TRUE(contains(answer.status().message(), "HTTP 500")) << answer.status().message();
  EXPECT_TRUE(contains(answer.status().message(), "model failed to load")) << answer.status().message();
  EXPECT_EQ(answer.status().message().find('\n'), std::string::npos);
}

TEST(LlmChat, RepliesOutsideTheProtocolAreErrors) {
  for (const std::string& body : {std::string("<html><body>Bad gateway</body></html>"), std::string("{}"),
                                  std::string(R"({"choices": []})"), std::string(R"({"choices": [{"message": {"content": null}}]})"),
                                  completion("   ")}) {
    FakeLlmServer server([&](const FakeLlmServer::Request&) { return FakeLlmServer::Reply{200, body}; });
    Result<std::string> answer = llm_chat(test_config(server.url()), {{"user", "hi"}});
    EXPECT_FALSE(answer.ok()) << body;
    EXPECT_TRUE(contains(answer.status().message(), "LLM at http://127.0.0.1:")) << answer.status().message();
  }
}

TEST(LlmChat, ServerThatNeverAnswersTimesOut) {
  FakeLlmServer server([](const FakeLlmServer::Request&) { return FakeLlmServer::Reply{200, "", true}; });
  Result<std::string> answer = llm_chat(test_config(server.url(), 1), {{"user", "hi"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_TRUE(contains(answer.status().message(), "timed out after 1 s")) << answer.status().message();
}

TEST(LlmChat, ConnectionRefused) {
  Result<std::string> answer = llm_chat(test_config("http://127.0.0.1:" + std::to_string(closed_port()), 5), {{"user", "hi"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_TRUE(contains(answer.status().message(), "could not connect")) << answer.status().message();
}

// ---- the digest -------------------------------------------------------------------------

FakeLlmServer::Handler digest_server(std::string digest_answer, std::string translation_answer) {
  return [digest_answer, translation_answer](const FakeLlmServer::Request& req) {
    if (auto bad = bad_request(req)) return *bad;
    return FakeLlmServer::Reply{200, completion(is_translation(req) ? translation_answer : digest_answer)};
  };
}

TEST(LlmDigest, GoodRepliesGiveSummaryQuestionsAndTranslation) {
  FakeLlmServer server(digest_server(kDigestAnswer, kTranslationAnswer));
  LlmDigestOptions options;
  options.translate_to = "zh";
  const LlmDigest d = llm_digest(test_config(server.url()), seed_brief(), options);
  ASSERT_TRUE(d.summary_status.ok()) << d.summary_status.message();
  EXPECT_TRUE(contains(d.summary, "Kharkiv"));
  ASSERT_TRUE(d.questions_status.ok()) << d.questions_status.message();
  ASSERT_EQ(d.questions.size(), 3u);
  EXPECT_EQ(d.questions[0].question, "Why now?");
  EXPECT_EQ(d.questions[2].answer, "A security deal at the G7.");
  ASSERT_TRUE(d.translation_requested);
  ASSERT_TRUE(d.translation_status.ok()) << d.translation_status.message();
  EXPECT_EQ(d.translation_language, "zh");
  EXPECT_TRUE(contains(d.translated_summary, "哈尔科夫"));
  EXPECT_EQ(d.translated_title, "拜登允许乌克兰打击俄罗斯境内目标");
  ASSERT_EQ(d.translated_questions.size(), 3u);
  EXPECT_EQ(d.translated_questions[0].question, "为什么是现在？");

  // The prompt carries the brief; the translation request carries what is to be translated.
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  const std::string prompt = user_message(requests[0]);
  EXPECT_TRUE(contains(prompt, "Biden lets Ukraine use US weapons"));
  EXPECT_TRUE(contains(prompt, "Financial Times, 2024-05-30"));
  EXPECT_TRUE(contains(prompt, "乔·拜登允许乌克兰"));
  EXPECT_TRUE(contains(prompt, "Chinese"));
  const std::string translation = user_message(requests[1]);
  EXPECT_TRUE(contains(translation, "Chinese (Simplified)"));
  EXPECT_TRUE(contains(translation, "What is still barred?"));
}

TEST(LlmDigest, AnswersInCodeFencesAreRead) {
  FakeLlmServer server(digest_server(std::string("```json\n") + kDigestAnswer + "\n```",
                                     std::string("Here you go:\n```\n") + kTranslationAnswer + "\n```\n"));
  LlmDigestOptions options;
  options.translate_to = "zh";
  const LlmDigest d = llm_digest(test_config(server.url()), seed_brief(), options);
  EXPECT_TRUE(d.summary_status.ok()) << d.summary_status.message();
  EXPECT_EQ(d.questions.size(), 3u);
  EXPECT_TRUE(d.translation_status.ok()) << d.translation_status.message();
  EXPECT_EQ(d.translated_questions.size(), 3u);
}

TEST(LlmDigest, NonJsonTranslationFailsAloneTheRestStays) {
  FakeLlmServer server(digest_server(kDigestAnswer, "抱歉，我无法翻译。"));
  LlmDigestOptions options;
  options.translate_to = "zh";
  const LlmDigest d = llm_digest(test_config(server.url()), seed_brief(), options);
  EXPECT_TRUE(d.summary_status.ok());
  EXPECT_EQ(d.questions.size(), 3u);
  ASSERT_FALSE(d.translation_status.ok());
  EXPECT_TRUE(contains(d.translation_status.message(), "not JSON")) << d.translation_status.message();
  EXPECT_TRUE(d.translated_summary.empty());
}

TEST(LlmDigest, NonJsonDigestFailsItsPartsAndSkipsTranslation) {
  FakeLlmServer server(digest_server("The story is about weapons. Questions: none.", kTranslationAnswer));
  LlmDigestOptions options;
  options.translate_to = "zh";
  const LlmDigest d = llm_digest(test_config(server.url()), seed_brief(), options);
  EXPECT_FALSE(d.summary_status.ok());
  EXPECT_FALSE(d.questions_status.ok());
  EXPECT_TRUE(contains(d.summary_status.message(), "not JSON")) << d.summary_status.message();
  EXPECT_FALSE(d.translation_status.ok());
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(LlmDigest, MissingQuestionsFailOnlyThatPart) {
  FakeLlmServer server(digest_server(R"({"summary": ["First sentence.", "Second sentence."], "questions": "none"})", ""));
  const LlmDigest d = llm_digest(test_config(server.url()), seed_brief());
  ASSERT_TRUE(d.summary_status.ok());
  EXPECT_EQ(d.summary, "First sentence. Second sentence.");
  EXPECT_FALSE(d.questions_status.ok());
  EXPECT_FALSE(d.translation_requested);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(LlmDigest, Http500FailsEveryPartWithoutCrashing) {
  FakeLlmServer server([](const FakeLlmServer::Request&) { return FakeLlmServer::Reply{500, "Internal Server Error"}; });
  LlmDigestOptions options;
  options.translate_to = "zh";
  const LlmDigest d = llm_digest(test_config(server.url()), seed_brief(), options);
  EXPECT_TRUE(contains(d.summary_status.message(), "HTTP 500")) << d.summary_status.message();
  EXPECT_FALSE(d.questions_status.ok());
  EXPECT_FALSE(d.translation_status.ok());
}

TEST(LlmDigest, TimeoutFailsAndDoesNotWaitTwice) {
  FakeLlmServer server([](const FakeLlmServer::Request&) { return FakeLlmServer::Reply{200, "", true}; });
  LlmDigestOptions options;
  options.translate_to = "zh";
  const LlmDigest d = llm_digest(test_config(server.url(), 1), seed_brief(), options);
  EXPECT_TRUE(contains(d.summary_status.message(), "timed out")) << d.summary_status.message();
  EXPECT_FALSE(d.translation_status.ok());
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(LlmDigest, ConnectionRefusedFailsEveryPart) {
  LlmDigestOptions options;
  options.translate_to = "de";
  const LlmDigest d =
      llm_digest(test_config("http://127.0.0.1:" + std::to_string(closed_port()), 5), seed_brief(), options);
  EXPECT_TRUE(contains(d.summary_status.message(), "could not connect")) << d.summary_status.message();
  EXPECT_FALSE(d.questions_status.ok());
  EXPECT_FALSE(d.translation_status.ok());
}

TEST(LlmDigest, ArticlesAreCutToTheBudget) {
  FakeLlmServer server(digest_server(kDigestAnswer, ""));
  StoryBrief brief = seed_brief();
  std::string long_text;
  while (long_text.size() < 50000) long_text += "The council met again on Tuesday to discuss the dam. ";
  brief.articles.push_back({"Long", "Wire", "2024-05-31", long_text});
  LlmDigestOptions options;
  options.article_budget = 2000;
  const LlmDigest d = llm_digest(test_config(server.url()), brief, options);
  EXPECT_TRUE(d.summary_status.ok());
  const std::string prompt = user_message(server.requests().at(0));
  EXPECT_LT(prompt.size(), 5000u);
  EXPECT_TRUE(contains(prompt, "乔·拜登允许乌克兰使用美国武器打击俄罗斯目标。"));  // short ones whole
  EXPECT_TRUE(contains(prompt, "discuss the dam. …"));
}

}  // namespace
}  // namespace storyline
