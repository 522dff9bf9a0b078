// storyline cluster / stories / story / digest: events and story threads.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <fstream>
#include <iostream>
#include <thread>
#include <unordered_map>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "storyline/clock.h"
#include "storyline/digest.h"
#include "storyline/digest_build.h"
#include "storyline/ingest.h"
#include "storyline/llm.h"
#include "storyline/store.h"
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

// The lines of `storyline cluster`, one per document in input order, each held until no
// later document can change it: a document's event changes only when a later one folds
// its one-document event into another (EventAssignment::absorbed) or splits its event
// (EventAssignment::moved_documents), which the clusterer does within
// revision_window_documents of it. So a line is printed once that many documents were
// clustered after it, or at the end: the output holds a window of lines, not the stream.
class ClusterOutput {
 public:
  ClusterOutput(std::ostream& out, std::uint64_t window) : out_(out), window_(window) {}
  // In clustering order: where this document's assignment moves earlier documents.
  void note_revisions(const EventAssignment& a) {
    for (std::uint64_t lone : a.absorbed) moved_[lone] = {a.event, a.story};
    // A split's halves share the story of the event this document joined.
    for (std::uint64_t seq : a.moved_documents) split_off_[seq] = {a.split_into, a.story};
  }
  // In input order: `seq` counts the documents clustered up to this one.
  void add(std::string id, const EventAssignment& a, std::uint64_t seq) {
    held_.push_back({std::move(id), a.event, a.story, a.date_conflict, seq});
  }
  // Prints the held lines (from the first) that `documents` clustered documents settle.
  void print_settled(std::uint64_t documents) {
    while (!held_.empty() && (documents - held_.front().seq >= window_)) print_front();
  }
  void print_all() {
    while (!held_.empty()) print_front();
    out_.flush();
  }

 private:
  struct Line {
    std::string id;
    std::uint64_t event, story;
    bool date_conflict;
    std::uint64_t seq;
  };
  void print_front() {
    Line& l = held_.front();
    // A fold comes first (it takes a one-document event, whose one document this is),
    // then any splits: the last one noted is where the document is.
    move_line(moved_, l.event, l);
    move_line(split_off_, l.seq, l);
    nlohmann::json line = {{"id", l.id}, {"event", l.event}, {"story", l.story}};
    if (l.date_conflict) line["date_conflict"] = true;
    out_ << line.dump() << "\n";
    held_.pop_front();
  }
  using Moves = std::unordered_map<std::uint64_t, std::pair<std::uint64_t, std::uint64_t>>;  // key -> (event, story)
  // Moves `line` where moves[key] says, if it says, and forgets that entry: it was its only line.
  static void move_line(Moves& moves, std::uint64_t key, Line& line) {
    const auto it = moves.find(key);
    if (it == moves.end()) return;
    line.event = it->second.first;
    line.story = it->second.second;
    moves.erase(it);
  }
  std::ostream& out_;
  std::uint64_t window_;
  std::deque<Line> held_;
  Moves moved_;      // by folded event
  Moves split_off_;  // by document number
};

// Terms of a batch on `threads` threads (pure per document), then clustering on this
// thread in date order (undated last, else input order): the result does not depend on
// the number of threads.
void cluster_batch(std::vector<ClusterItem>& batch, EventClusterer& clusterer, const ChineseDictionary* dict,
                   const ClusterArgs& args, ClusterOutput& out) {
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
  std::vector<std::uint64_t> seq(batch.size());
  for (std::size_t i : order) {
    assigned[i] = clusterer.add(batch[i].terms, batch[i].date, batch[i].lang);
    seq[i] = clusterer.documents();
    out.note_revisions(assigned[i]);
  }
  for (std::size_t i = 0; i < batch.size(); ++i) out.add(std::move(batch[i].id), assigned[i], seq[i]);
  out.print_settled(clusterer.documents());
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
  ClusterOutput output(std::cout, args.events.revision_window_documents);
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
      if (batch.size() >= args.batch) cluster_batch(batch, clusterer, dict.get(), args, output);
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
  if (!batch.empty()) cluster_batch(batch, clusterer, dict.get(), args, output);
  output.print_all();
  return status;
}


// The dictionary, or null when it cannot be read (the caller's output says what that
// costs: ingest reports it; the analysis then leaves Chinese names unmapped).
std::shared_ptr<const ChineseDictionary> load_dictionary() {
  auto d = ChineseDictionary::load(default_cedict_path());
  return d.ok() ? *d : nullptr;
}

std::size_t article_count(const DigestStory& s) {
  std::size_t n = 0;
  for (const auto& e : s.events) n += e.articles.size();
  return n;
}

int run_stories(const std::string& db, bool json) {
  auto store = open_store(db, true);
  if (!store) return kExitSomeFailed;
  DigestOptions o;
  o.analyze = false;
  Result<Digest> d = build_digest(*store, o);
  if (!d.ok()) {
    std::cerr << "storyline: " << d.status().message() << "\n";
    return kExitSomeFailed;
  }
  if (!json) std::cout << "story  events articles  dates                    languages  title\n";
  for (const DigestStory& s : d->stories) {
    if (json) {
      nlohmann::ordered_json j;
      j["id"] = s.id;
      j["title"] = s.title;
      j["first_date"] = s.first_date;
      j["last_date"] = s.last_date;
      j["languages"] = s.languages;
      j["articles"] = article_count(s);
      nlohmann::ordered_json events = nlohmann::ordered_json::array();
      for (const DigestEvent& e : s.events)
        events.push_back({{"id", e.id}, {"title", e.title}, {"first_date", e.first_date}, {"last_date", e.last_date},
                          {"articles", e.articles.size()}});
      j["events"] = events;
      std::cout << j.dump() << "\n";
      continue;
    }
    std::string langs;
    for (const auto& l : s.languages) langs += (langs.empty() ? "" : ",") + l;
    char line[160];
    std::snprintf(line, sizeof line, "%-6llu %6zu %8zu  %-10s .. %-10s  %-9s  ", static_cast<unsigned long long>(s.id),
                  s.events.size(), article_count(s), s.first_date.empty() ? "-" : s.first_date.c_str(),
                  s.last_date.empty() ? "-" : s.last_date.c_str(), langs.c_str());
    std::cout << line << s.title << "\n";
  }
  return kExitOk;
}

int run_story(const std::string& db, std::uint64_t id, bool json) {
  auto store = open_store(db, true);
  if (!store) return kExitSomeFailed;
  auto dict = load_dictionary();
  DigestOptions o;
  o.story = id;
  o.dictionary = dict.get();
  o.now = now_iso8601();
  Result<Digest> d = build_digest(*store, o);
  if (!d.ok()) {
    std::cerr << "storyline: " << d.status().message() << "\n";
    return kExitSomeFailed;
  }
  if (d->stories.empty()) {
    std::cerr << "storyline: no story " << id << " (see storyline stories)\n";
    return kExitSomeFailed;
  }
  std::cout << (json ? digest_json(*d) + "\n" : digest_story_markdown(d->stories.front()));
  return kExitOk;
}

struct DigestArgs {
  std::vector<std::string> inputs;
  std::string out_dir;
  std::string db;
  std::string llm_url, llm_model, translate;
  int llm_timeout = 120;
  int threads = 0;
  std::string now;
};

bool write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
  f.close();
  if (!f) std::cerr << "storyline: " << path.string() << ": cannot write\n";
  return static_cast<bool>(f);
}

int run_digest(const DigestArgs& args) {
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::create_directories(fs::path(args.out_dir) / "stories", ec);
  if (ec) {
    std::cerr << "storyline: " << args.out_dir << ": cannot create (" << ec.message() << ")\n";
    return kExitUsage;
  }
  const std::string db = args.db.empty() ? (fs::path(args.out_dir) / "storyline.db").string() : args.db;
  ExpandedInputs expanded = expand_inputs(args.inputs);
  std::size_t failed = expanded.problems.size();
  for (const std::string& p : expanded.problems) std::cerr << "storyline: " << p << "\n";
  // Loaded once for both placement and analysis; when it is missing, ingest says so.
  auto dict = load_dictionary();
  IngestOptions io;
  io.dictionary = dict.get();
  io.threads = args.threads;
  io.extract.now = args.now.empty() ? now_iso8601() : args.now;
  IngestCallbacks cb;
  // Progress on a terminal only, redrawn in place; problems clear it first.
  const bool tty = isatty(STDERR_FILENO) != 0;
  bool shown = false;
  auto clear = [&] {
    if (shown) std::fprintf(stderr, "\r\033[K");
    shown = false;
  };
  cb.on_problem = [&](const std::string& where, const std::string& why) {
    clear();
    std::cerr << "storyline: " << where << ": " << why << "\n";
  };
  cb.on_progress = [&](const IngestStats& s) {
    if (!tty) return;
    std::fprintf(stderr, "\r\033[Kdigest: reading %zu/%zu inputs, %zu documents, %zu failed", s.inputs_done,
                 s.inputs_total, s.documents, s.failed);
    shown = true;
  };
  Result<IngestStats> ingested = ingest(db, expanded.paths, io, cb);
  clear();
  if (tty) std::fprintf(stderr, "digest: analysing stories…");
  shown = tty;
  if (!ingested.ok()) {
    std::cerr << "storyline: " << ingested.status().message() << "\n";
    return kExitSomeFailed;
  }
  failed += ingested->failed;
  auto store = open_store(db, false);
  if (!store) return kExitSomeFailed;
  DigestOptions o;
  o.dictionary = dict.get();
  o.now = now_iso8601();
  if (!args.llm_url.empty()) {
    o.llm = llm_config(args.llm_url, args.llm_model);
    o.llm.timeout_seconds = args.llm_timeout;
  }
  o.translate_to = args.translate;
  Result<Digest> d = build_digest(*store, o);
  clear();
  if (!d.ok()) {
    std::cerr << "storyline: " << d.status().message() << "\n";
    return kExitSomeFailed;
  }
  const fs::path dir(args.out_dir);
  bool ok = write_file(dir / "index.md", digest_index_markdown(*d)) && write_file(dir / "digest.json", digest_json(*d)) &&
            write_file(dir / "index.html", digest_html(*d));
  std::size_t events = 0;
  for (const DigestStory& s : d->stories) {
    ok = write_file(dir / "stories" / (s.slug + ".md"), digest_story_markdown(s)) && ok;
    events += s.events.size();
    for (const auto& p : s.model.problems) std::cerr << "storyline: " << s.slug << ": " << p << "\n";
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("digest: %zu stories, %zu events, %zu articles (%zu added now) in %.1fs\n", d->stories.size(), events,
              d->articles, ingested->added + ingested->new_versions, secs);
  for (const DigestStory& s : d->stories)
    std::printf("  %s  %s..%s  %zu event%s  %s\n", (dir / "stories" / (s.slug + ".md")).string().c_str(),
                s.first_date.empty() ? "?" : s.first_date.c_str(), s.last_date.empty() ? "?" : s.last_date.c_str(),
                s.events.size(), s.events.size() == 1 ? "" : "s", s.title.c_str());
  std::printf("wrote %s, %s, %s and %zu story pages; store: %s\n", (dir / "index.md").string().c_str(),
              (dir / "index.html").string().c_str(), (dir / "digest.json").string().c_str(), d->stories.size(), db.c_str());
  if (!ok) return kExitSomeFailed;
  return failed ? kExitSomeFailed : kExitOk;
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
      "result is the same for any --threads. A line is printed once 4096 more documents were\n"
      "clustered (or at the end): until then a later document may fold its event into another\n"
      "or split its event in two.");
  cluster->add_option("INPUT", args->inputs, "pages or JSONL (- for stdin)")->required();
  cluster->add_option("--threshold", args->events.event_threshold, "cosine to join an event")->capture_default_str();
  cluster->add_option("--story-threshold", args->events.story_threshold, "cosine to link a new event to a story")
      ->capture_default_str();
  cluster->add_option("--story-min-names", args->events.story_min_shared_names,
                      "names (capitalised words, numbers) a new event shares with a story to link to it")
      ->capture_default_str();
  cluster->add_option("--story-names-threshold", args->events.story_names_threshold,
                      "lower cosine to link a story that shares --story-many-names names")
      ->capture_default_str();
  cluster->add_option("--story-many-names", args->events.story_many_shared_names,
                      "shared names that let a story link at --story-names-threshold")
      ->capture_default_str();
  cluster->add_option("--df-horizon", args->events.df_horizon_documents,
                      "documents after which a term no document held is forgotten by the idf (0: never)")
      ->capture_default_str();
  cluster->add_option("--absorb-similarity", args->events.absorb_similarity,
                      "cosine at which a one-document event is folded into an event a later document joins "
                      "(above 1: never)")
      ->capture_default_str();
  cluster->add_option("--split-margin", args->events.split_margin,
                      "mean margin at which an event whose documents read as two groups is split in two "
                      "(above 1: never)")
      ->capture_default_str();
  cluster->add_option("--split-min-half", args->events.split_min_half,
                      "documents each half of a split needs at least")
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
  cluster->add_option("--max-body-terms", args->terms.max_body_terms, "stop reading a body after this many terms (0: all)")
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
  auto db = std::make_shared<std::string>("storyline.db");
  auto json = std::make_shared<bool>(false);
  CLI::App* stories = app.add_subcommand("stories", "List the stories in the store: events, articles, dates.");
  stories->add_option("--db", *db, "the store")->capture_default_str();
  stories->add_flag("--json", *json, "one JSON object per story, with its events");

  auto story_id = std::make_shared<std::uint64_t>(0);
  CLI::App* story = app.add_subcommand("story", "Show one story: summary, timeline, quotes, entities, events and sources.");
  story->add_option("ID", *story_id, "story id (see storyline stories)")->required();
  story->add_option("--db", *db, "the store")->capture_default_str();
  story->add_flag("--json", *json, "the story as JSON (digest.json's shape)");

  auto dargs = std::make_shared<DigestArgs>();
  CLI::App* digest = app.add_subcommand("digest", "The main job: ingest, copies, events, stories, analysis, summaries, then the digest files.");
  digest->footer(
      "\nWrites DIR/index.md, DIR/stories/<slug>.md (one per story, YAML front matter), DIR/digest.json\n"
      "and a self-contained DIR/index.html. The store (default DIR/storyline.db) keeps everything for\n"
      "search and later runs: running again with new pages adds them to their events and stories.\n"
      "Without --llm the digest is complete and extractive, and says which parts need a model.");
  digest->add_option("INPUT", dargs->inputs, "pages: files, directories, globs, WARC, JSONL, or -")->required();
  digest->add_option("-o,--output", dargs->out_dir, "output directory")->required();
  digest->add_option("--db", dargs->db, "the store (default: DIR/storyline.db)");
  digest->add_option("--llm", dargs->llm_url, "OpenAI-compatible chat endpoint (llama.cpp, Ollama): http://host:port");
  digest->add_option("--llm-model", dargs->llm_model, "model name sent to the endpoint");
  digest->add_option("--llm-timeout", dargs->llm_timeout, "seconds per model request")->capture_default_str();
  digest->add_option("--translate", dargs->translate, "with --llm: also translate summary and questions into LANG (zh, de...)");
  digest->add_option("--threads,-j", dargs->threads, "extraction threads (0 = one per core)")->capture_default_str()->check(CLI::NonNegativeNumber);
  digest->add_option("--now", dargs->now, "reference time for relative dates on pages without a capture time");

  return {{cluster, [args] { return run_cluster(*args); }},
          {stories, [db, json] { return run_stories(*db, *json); }},
          {story, [db, json, story_id] { return run_story(*db, *story_id, *json); }},
          {digest, [dargs] { return run_digest(*dargs); }}};
}

}  // namespace storyline::cli
