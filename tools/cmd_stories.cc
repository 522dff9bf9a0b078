// storyline cluster / stories / story / digest: events and story threads.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"
#include "storyline/cedict.h"
#include "storyline/event_terms.h"
#include "storyline/events.h"
#include "storyline/inputs.h"
#include "storyline/pipeline.h"

namespace storyline::cli {
namespace {

// One document to cluster, as read: pre-extracted JSONL or an extracted page.
struct ClusterItem {
  std::string id, title, text, lang, date;
  DocumentTerms terms;
};

struct ClusterArgs {
  std::vector<std::string> inputs;
  EventOptions events;
  TermOptions terms;
  std::string dict_path;
  bool no_dict = false;
  int threads = 0;
  std::size_t batch = 4096;
};

// Terms of a batch on `threads` threads (pure per document), then clustering on this
// thread in date order (undated last, else input order): the result does not depend on
// the number of threads.
void cluster_batch(std::vector<ClusterItem>& batch, EventClusterer& clusterer, const ChineseDictionary* dict,
                   const ClusterArgs& args, std::ostream& out) {
  const unsigned n = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                      : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < n; ++t)
    pool.emplace_back([&, t] {
      for (std::size_t i = t; i < batch.size(); i += n)
        batch[i].terms = document_terms(batch[i].title, batch[i].text, dict, args.terms);
    });
  for (auto& th : pool) th.join();
  std::vector<std::size_t> order(batch.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::string& da = batch[a].date;
    const std::string& db = batch[b].date;
    if (da.empty() != db.empty()) return db.empty();
    return da.substr(0, std::min<std::size_t>(da.size(), 19)) < db.substr(0, std::min<std::size_t>(db.size(), 19));
  });
  std::vector<EventAssignment> assigned(batch.size());
  for (std::size_t i : order) assigned[i] = clusterer.add(batch[i].terms, batch[i].date, batch[i].lang);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    nlohmann::json line = {{"id", batch[i].id}, {"event", assigned[i].event}, {"story", assigned[i].story}};
    if (assigned[i].date_conflict) line["date_conflict"] = true;
    out << line.dump() << "\n";
  }
  batch.clear();
}

bool is_article_record(const nlohmann::json& j) {
  return j.is_object() && j.contains("id") && (j.contains("text") || j.contains("title")) && !j.contains("html");
}

std::string string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int run_cluster(const ClusterArgs& args) {
  std::shared_ptr<const ChineseDictionary> dict;
  if (!args.no_dict) {
    const std::string path = args.dict_path.empty() ? default_cedict_path() : args.dict_path;
    auto loaded = ChineseDictionary::load(path);
    if (loaded.ok()) dict = *loaded;
    else std::cerr << "storyline: " << loaded.status().message() << "; Chinese is matched by characters only\n";
  }
  EventClusterer clusterer(args.events);
  std::vector<ClusterItem> batch;
  int status = kExitOk;
  std::vector<std::string> pages;
  for (const std::string& input : args.inputs) {
    const bool jsonl = input == "-" || input.ends_with(".jsonl");
    if (!jsonl) {
      pages.push_back(input);
      continue;
    }
    std::ifstream file;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        std::cerr << "storyline: " << input << ": cannot read\n";
        status = kExitSomeFailed;
        continue;
      }
    }
    std::istream& in = input == "-" ? std::cin : file;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !is_article_record(j)) {
        std::cerr << "storyline: " << input << ":" << line_no
                  << ": not a JSON article line {\"id\",\"title\",\"text\",\"lang\",\"date\"}\n";
        status = kExitSomeFailed;
        continue;
      }
      ClusterItem item;
      item.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
      item.title = string_field(j, "title");
      item.text = string_field(j, "text");
      item.lang = string_field(j, "lang");
      item.date = string_field(j, "date");
      batch.push_back(std::move(item));
      if (batch.size() >= args.batch) cluster_batch(batch, clusterer, dict.get(), args, std::cout);
    }
  }
  if (!pages.empty()) {
    ExpandedInputs expanded = expand_inputs(pages);
    for (const std::string& p : expanded.problems) {
      std::cerr << "storyline: " << p << "\n";
      status = kExitSomeFailed;
    }
    PipelineOptions pipeline;
    pipeline.threads = args.threads;
    extract_in_order(
        expanded.paths, pipeline,
        [&](Extracted&& r) {
          if (r.kind == Extracted::Kind::kFailed) {
            std::cerr << "storyline: " << r.doc.source << ": " << r.problem << "\n";
            status = kExitSomeFailed;
          }
          if (r.kind != Extracted::Kind::kArticle) return;
          ClusterItem item;
          item.id = r.article.source;
          item.title = r.article.title;
          item.text = r.article.text();
          item.lang = r.article.languages.empty() ? "" : r.article.languages[0];
          item.date = r.article.published.empty() ? r.article.page_date : r.article.published;
          batch.push_back(std::move(item));
        },
        [] {});
  }
  if (!batch.empty()) cluster_batch(batch, clusterer, dict.get(), args, std::cout);
  std::cout.flush();
  return status;
}

}  // namespace

std::vector<Command> add_story_commands(CLI::App& app) {
  auto args = std::make_shared<ClusterArgs>();
  CLI::App* cluster = app.add_subcommand("cluster", "Group articles into events and stories (online, in date order).");
  cluster->footer(
      "\nINPUT: pages (files, directories, globs; extracted first) or JSONL files/stdin (-) of\n"
      "pre-extracted lines {\"id\",\"title\",\"text\",\"lang\",\"date\"}. Prints one line\n"
      "{\"id\",\"event\",\"story\"} per document, in input order (\"date_conflict\": true when a\n"
      "document joined an event on its text although its date is outside the event's days).\n"
      "Documents are clustered in date order within batches of --batch (undated last), so the\n"
      "result is the same for any --threads.");
  cluster->add_option("INPUT", args->inputs, "pages or JSONL (- for stdin)")->required();
  cluster->add_option("--threshold", args->events.event_threshold, "cosine to join an event")->capture_default_str();
  cluster->add_option("--story-threshold", args->events.story_threshold, "cosine to link a new event to a story")
      ->capture_default_str();
  cluster->add_option("--window-days", args->events.event_window_days, "an event's days: members this close")
      ->capture_default_str();
  cluster->add_option("--story-window-days", args->events.story_window_days, "a story's idle time before it closes")
      ->capture_default_str();
  cluster->add_option("--title-weight", args->terms.title_weight, "a title counts this many body lines")
      ->capture_default_str();
  cluster->add_option("--position-decay", args->terms.position_decay, "body line k weighs 1/(1+decay*k)")
      ->capture_default_str();
  cluster->add_option("--anchor-weight", args->terms.anchor_weight, "a number or date counts this many words")
      ->capture_default_str();
  cluster->add_option("--max-terms", args->events.max_document_terms, "strongest terms kept per document")
      ->capture_default_str();
  cluster->add_option("--dict", args->dict_path, "CC-CEDICT file (default: STORYLINE_CEDICT or beside the binary)");
  cluster->add_flag("--no-dict", args->no_dict, "match Chinese by characters, without the dictionary");
  cluster->add_option("--threads,-j", args->threads, "threads for extraction and terms (0 = one per core)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cluster->add_option("--batch", args->batch, "documents put in date order at a time")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  return {{cluster, [args] { return run_cluster(*args); }}};
}

}  // namespace storyline::cli
