// storyline summarize / timeline: extractive summaries of article sets read as JSONL.
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "storyline/summarize.h"
#include "storyline/timeline_summary.h"

namespace storyline::cli {
namespace {

using nlohmann::json;

std::string string_field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Calls handle(line_number, parsed) for each non-blank line of path ("-": stdin). A line
// that is not a JSON object, or that handle rejects (non-empty reason), is named on
// stderr and the rest goes on. Returns the exit status.
template <typename Handle>
int for_each_record(const std::string& path, Handle handle) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "storyline: " << path << ": cannot open\n";
      return kExitUsage;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string line;
  int failed = 0;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    std::string why;
    if (record.is_discarded()) why = "not valid JSON";
    else if (!record.is_object()) why = "not a JSON object";
    else why = handle(record);
    if (!why.empty()) {
      std::cerr << "storyline: " << (path == "-" ? "stdin" : path) << ":" << number << ": " << why << "\n";
      ++failed;
    }
  }
  return failed ? kExitSomeFailed : kExitOk;
}

// The articles of a record, or a reason why they are unusable.
template <typename Article>
std::string read_articles(const json& record, std::vector<Article>& out) {
  const auto it = record.find("articles");
  if (it == record.end() || !it->is_array()) return "no \"articles\" array";
  for (const json& a : *it) {
    if (!a.is_object()) return "an article is not a JSON object";
    Article article;
    article.id = string_field(a, "id");
    article.date = string_field(a, "date");
    article.text = string_field(a, "text");
    if constexpr (requires { article.title; }) article.title = string_field(a, "title");
    out.push_back(std::move(article));
  }
  return "";
}

struct SummarizeArgs {
  std::string input;
  SummaryOptions options;
  bool strict = false;
};

int run_summarize(const SummarizeArgs& args) {
  SummaryOptions options = args.options;
  options.fill = !args.strict;
  return for_each_record(args.input, [&](const json& record) -> std::string {
    std::vector<SummaryDocument> docs;
    if (std::string why = read_articles(record, docs); !why.empty()) return why;
    std::string summary;
    for (const SummarySentence& s : summarize(docs, options)) {
      if (!summary.empty()) summary += '\n';
      summary += s.text;
    }
    json out = {{"id", record.value("id", json())}, {"summary", summary}};
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    return "";
  });
}

struct TimelineArgs {
  std::string input;
  TimelineOptions options;  // for records without "timelines"
};

json timeline_json(const json& id, const std::vector<TimelineEntry>& entries) {
  json list = json::array();
  for (const TimelineEntry& e : entries) {
    std::string text;
    for (const std::string& s : e.sentences) text += (text.empty() ? "" : "\n") + s;
    list.push_back({{"date", e.date}, {"text", text}});
  }
  return {{"id", id}, {"timeline", list}};
}

int run_timeline(const TimelineArgs& args) {
  return for_each_record(args.input, [&](const json& record) -> std::string {
    std::vector<TimelineArticle> articles;
    if (std::string why = read_articles(record, articles); !why.empty()) return why;
    const auto specs = record.find("timelines");
    if (specs == record.end()) {
      const auto entries = timeline_summary(articles, args.options);
      std::cout << timeline_json(record.value("id", json()), entries).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
      return "";
    }
    if (!specs->is_array()) return "\"timelines\" is not an array";
    // Only the shape of each reference timeline is read (how many days, how many
    // sentences a day, which span); its entries never are.
    for (const json& spec : *specs) {
      if (!spec.is_object()) return "a timeline is not a JSON object";
      TimelineOptions options = args.options;
      const auto n = spec.find("n_dates");
      const auto k = spec.find("avg_sents_per_date");
      if (n != spec.end() && n->is_number()) options.n_dates = n->get<int>();
      if (k != spec.end() && k->is_number())
        options.sents_per_date = std::max(1, static_cast<int>(std::lround(k->get<double>())));
      if (spec.contains("start")) options.start = string_field(spec, "start");
      if (spec.contains("end")) options.end = string_field(spec, "end");
      const auto entries = timeline_summary(articles, options);
      std::cout << timeline_json(spec.value("id", json()), entries).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    }
    return "";
  });
}

}  // namespace

std::vector<Command> add_summary_commands(CLI::App& app) {
  std::vector<Command> commands;

  auto sum = std::make_shared<SummarizeArgs>();
  CLI::App* summarize_cmd = app.add_subcommand("summarize", "Extractive multi-document summary of each article set.");
  summarize_cmd->add_option("FILE", sum->input, "JSONL file, or - for standard input")->required();
  summarize_cmd->add_option("--max-words,-n", sum->options.max_words, "summary length in words")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  summarize_cmd->add_flag("--strict", sum->strict,
                          "never exceed --max-words (by default the last sentence may cross it, as DUC-style "
                          "evaluations expect: they cut at N words)");
  summarize_cmd->footer(
      "\nInput: one article set per line:\n"
      "  {\"id\": ..., \"articles\": [{\"id\", \"title\", \"date\", \"text\"}, ...]}\n"
      "Output: one line per set: {\"id\": ..., \"summary\": \"sentence\\nsentence...\"}, the\n"
      "sentences in date order. A bad line is named on stderr and skipped.\n\n"
      "Exit status: 0 when every line was summarized, 1 when some lines were bad, 2 for\n"
      "usage errors (including an input that cannot be opened).");
  commands.push_back({summarize_cmd, [sum] { return run_summarize(*sum); }});

  auto tl = std::make_shared<TimelineArgs>();
  CLI::App* timeline_cmd = app.add_subcommand("timeline", "Dated timeline summary of each story (T17 records or article sets).");
  timeline_cmd->add_option("FILE", tl->input, "JSONL file, or - for standard input")->required();
  timeline_cmd->add_option("--dates", tl->options.n_dates, "days to output, for records without \"timelines\"")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  timeline_cmd->add_option("--sents-per-date", tl->options.sents_per_date, "sentences per day, likewise")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  timeline_cmd->add_option("--start", tl->options.start, "first day (YYYY-MM-DD), likewise");
  timeline_cmd->add_option("--end", tl->options.end, "last day (YYYY-MM-DD), likewise");
  timeline_cmd->footer(
      "\nInput: one story per line: {\"id\", \"articles\": [{\"id\", \"date\", \"text\"}, ...]}, and\n"
      "optionally \"timelines\": [{\"id\", \"n_dates\", \"avg_sents_per_date\", \"start\", \"end\"}]\n"
      "(the T17 records): then one timeline is written per entry, shaped by those four\n"
      "fields only. Output: {\"id\": ..., \"timeline\": [{\"date\", \"text\"}, ...]} per line.\n"
      "A bad line is named on stderr and skipped.\n\n"
      "Exit status: 0 when every line was read, 1 when some lines were bad, 2 for usage\n"
      "errors (including an input that cannot be opened).");
  commands.push_back({timeline_cmd, [tl] { return run_timeline(*tl); }});
  return commands;
}

}  // namespace storyline::cli
