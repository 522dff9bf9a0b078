// storyline: the command-line client of libstoryline. Thin: it parses arguments, reads
// inputs, calls the library and prints. Exit status: 0 all inputs fine, 1 some inputs
// failed (each named on stderr), 2 usage error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "storyline/clock.h"
#include "storyline/copies.h"
#include "storyline/word_diff.h"
#include "storyline/extract.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "storyline/place_articles.h"
#include "storyline/inputs.h"
#include "storyline/render.h"
#include "storyline/sources.h"
#include "storyline/store.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

const char* kInputHelp =
    "INPUT is a file, a directory (read recursively), a glob, or - for standard input;\n"
    "files may be gzip-compressed. HTML, plain-text dumps and Markdown with YAML front\n"
    "matter are recognised by their content, in any charset.";

// A progress line on stderr, redrawn at most four times a second, only when stderr is
// a terminal; warnings clear it first so the two never mix.
class Progress {
 public:
  Progress() : on_(isatty(STDERR_FILENO) != 0) { active_ = this; }
  ~Progress() {
    clear();
    active_ = nullptr;
  }
  template <typename Format>
  void update(Format format, bool force = false) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\033[K%s", format(secs).c_str());
    shown_ = true;
  }
  void clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
    shown_ = false;
  }
  static Progress* active() { return active_; }

 private:
  static inline Progress* active_ = nullptr;
  bool on_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void warn(const std::string& source, const std::string& why) {
  if (Progress* p = Progress::active()) p->clear();
  std::cerr << "storyline: " << source << ": " << why << "\n";
}

// Terminal columns of UTF-8 text: East Asian wide characters take two.
std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += (len >= 3 && c >= 0xE2 && !(c == 0xE2 && static_cast<unsigned char>(s[i + 1]) < 0xBA)) ? 2 : 1;
    i += len;
  }
  return w;
}

// The day of an ISO date, or ten dashes when there is none: a fixed-width column.
std::string day_column(const std::string& iso) { return iso.empty() ? std::string(10, '-') : iso.substr(0, 10); }

// Cuts to at most n columns (whole characters, "…" marks a cut) and pads to n.
std::string column(const std::string& s, std::size_t n) {
  std::string out;
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string ch = s.substr(i, len);
    const std::size_t cw = display_width(ch);
    if (w + cw > n - (i + len < s.size() ? 1 : 0)) {
      out += "…";
      ++w;
      break;
    }
    out += ch;
    w += cw;
    i += len;
  }
  while (w < n) {
    out += ' ';
    ++w;
  }
  return out;
}

std::string table_row(const storyline::Article& a) {
  std::string source = a.source;
  const std::size_t slash = source.rfind('/');
  if (slash != std::string::npos) source = source.substr(slash + 1);
  return column(source, 34) + " " + column(a.languages.empty() ? "-" : a.languages[0], 6) + " " +
         column(a.page_date.empty() ? "-" : a.page_date.substr(0, 10), 10) + " " +
         column(a.outlet.empty() ? "-" : a.outlet, 22) + " " + (a.title.empty() ? "(no title)" : a.title);
}


int run_extract(const std::vector<std::string>& inputs, const std::string& format, const std::string& output,
                int threads, const std::string& now) {
  std::ofstream file;
  if (!output.empty() && output != "-") {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      warn(output, "cannot open for writing");
      return kExitUsage;
    }
  }
  std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;

  storyline::ExpandedInputs expanded = storyline::expand_inputs(inputs);
  std::size_t failed = expanded.problems.size();
  for (const std::string& p : expanded.problems) std::cerr << "storyline: " << p << "\n";
  if (format == "table")
    out << "source                             lang   date       outlet                 title\n";
  Progress progress;
  const std::size_t total = expanded.paths.size();
  std::size_t done = 0, written = 0, articles = 0;
  auto show_progress = [&](bool force) {
    progress.update([&](double secs) {
      char line[160];
      std::snprintf(line, sizeof line, "extract: %zu/%zu inputs, %zu articles, %.0f/s, %zu failed", done, total, articles,
                    secs > 0 ? articles / secs : 0.0, failed);
      return std::string(line);
    }, force);
  };
  auto emit = [&](const storyline::Article& article) {
    if (format == "jsonl") {
      out << storyline::article_to_json(article) << "\n";
    } else if (format == "md") {
      if (written) out << "\n";
      out << storyline::article_to_markdown(article);
    } else if (format == "txt") {
      if (written) out << "\n\n";
      out << article.text() << "\n";
    } else {
      out << table_row(article) << "\n";
    }
    ++written;
  };
  storyline::PipelineOptions pipeline;
  pipeline.threads = threads;
  pipeline.extract.now = now;
  storyline::extract_in_order(
      expanded.paths, pipeline,
      [&](storyline::Extracted&& r) {
        switch (r.kind) {
          case storyline::Extracted::Kind::kInputDone:
            ++done;
            break;
          case storyline::Extracted::Kind::kFailed:
            warn(r.doc.source, r.problem);
            ++failed;
            break;
          case storyline::Extracted::Kind::kSkipped:
            break;
          case storyline::Extracted::Kind::kArticle:
            for (const std::string& w : r.article.warnings) warn(r.doc.source, w);
            emit(r.article);
            ++articles;
            break;
        }
      },
      [&] { show_progress(false); });
  show_progress(true);
  progress.clear();
  out.flush();
  if (!out) {
    std::cerr << "storyline: write error\n";
    return kExitSomeFailed;
  }
  return failed ? kExitSomeFailed : kExitOk;
}


int run_ingest(const std::vector<std::string>& inputs, const std::string& db, int threads, bool json, const std::string& now) {
  storyline::ExpandedInputs expanded = storyline::expand_inputs(inputs);
  for (const std::string& p : expanded.problems) std::cerr << "storyline: " << p << "\n";
  Progress progress;
  storyline::IngestOptions options;
  options.threads = threads;
  options.extract.now = now;
  storyline::IngestCallbacks cb;
  cb.on_problem = [](const std::string& where, const std::string& why) { warn(where, why); };
  cb.on_progress = [&](const storyline::IngestStats& s) {
    progress.update([&](double) {
      const double rate = s.seconds > 0 ? s.documents / s.seconds : 0;
      const double eta = s.inputs_done > 0 && s.inputs_done < s.inputs_total
                             ? s.seconds * static_cast<double>(s.inputs_total - s.inputs_done) / s.inputs_done
                             : 0;
      // The ETA counts inputs: unknown inside a single WARC or JSONL file.
      char eta_text[32] = "?";
      if (eta > 0) std::snprintf(eta_text, sizeof eta_text, "%.0fs", eta);
      char line[200];
      std::snprintf(line, sizeof line, "ingest: %zu/%zu inputs, %zu documents, %.0f/s, ETA %s, %zu failed",
                    s.inputs_done, s.inputs_total, s.documents, rate, eta_text, s.failed);
      return std::string(line);
    });
  };
  storyline::Result<storyline::IngestStats> r = storyline::ingest(db, expanded.paths, options, cb);
  progress.clear();
  if (!r.ok()) {
    std::cerr << "storyline: " << r.status().message() << "\n";
    return kExitSomeFailed;
  }
  const storyline::IngestStats& s = *r;
  const std::size_t failed = s.failed + expanded.problems.size();
  if (json) {
    nlohmann::ordered_json j;
    j["db"] = db;
    j["inputs"] = s.inputs_total;
    j["documents"] = s.documents;
    j["added"] = s.added;
    j["new_versions"] = s.new_versions;
    j["unchanged"] = s.unchanged;
    j["failed"] = failed;
    j["placed"] = s.placed;
    j["new_events"] = s.new_events;
    j["events_folded"] = s.events_folded;
    j["events_split"] = s.events_split;
    j["new_stories"] = s.new_stories;
    j["copies"] = s.copies;
    j["seconds"] = s.seconds;
    std::cout << j.dump() << "\n";
  } else {
    std::fprintf(stderr, "ingested %zu documents from %zu inputs into %s in %.1fs (%.0f/s): %zu added, %zu new versions, %zu unchanged, %zu failed\n",
                 s.documents, s.inputs_total, db.c_str(), s.seconds, s.seconds > 0 ? s.documents / s.seconds : 0.0, s.added,
                 s.new_versions, s.unchanged, failed);
    if (s.placed) {
      auto counted = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
      };
      // Revisions of earlier placements, named only when there are some.
      std::vector<std::string> revised;
      if (s.events_folded > 0)
        revised.push_back(counted(s.events_folded, "one-article event folded into another",
                                  "one-article events folded into others"));
      if (s.events_split > 0) revised.push_back(counted(s.events_split, "event split in two", "events split in two"));
      std::string folded;
      for (const std::string& r : revised) folded += (folded.empty() ? " (" : ", ") + r;
      if (!folded.empty()) folded += ")";
      std::fprintf(stderr, "placed %s: %s%s, %s, %s (storyline stories)\n",
                   counted(s.placed, "article", "articles").c_str(), counted(s.new_events, "new event", "new events").c_str(),
                   folded.c_str(), counted(s.new_stories, "new story", "new stories").c_str(),
                   counted(s.copies, "copy", "copies").c_str());
    }
  }
  return failed ? kExitSomeFailed : kExitOk;
}

std::unique_ptr<storyline::Store> open_for_reading(const std::string& db) {
  return storyline::cli::open_store(db, /*read_only=*/true);
}

int run_articles(const std::string& db, const storyline::ArticleFilter& filter, bool json) {
  auto store = open_for_reading(db);
  if (!store) return kExitSomeFailed;
  auto list = store->articles(filter);
  if (!list.ok()) {
    std::cerr << "storyline: " << list.status().message() << "\n";
    return kExitSomeFailed;
  }
  if (!json) std::cout << "   id  content id        lang   date       outlet                 title\n";
  for (const storyline::StoredArticle& sa : *list) {
    const storyline::Article& a = sa.article;
    if (json) {
      std::cout << storyline::article_to_json(a) << "\n";
      continue;
    }
    std::printf("%5lld  %s  %s %s %s %s\n", static_cast<long long>(sa.rowid), a.id().c_str(),
                column(a.languages.empty() ? "-" : a.languages[0], 6).c_str(),
                column(a.page_date.empty() ? "-" : a.page_date.substr(0, 10), 10).c_str(),
                column(a.outlet.empty() ? "-" : a.outlet, 22).c_str(), a.title.empty() ? "(no title)" : a.title.c_str());
  }
  return kExitOk;
}

int run_article(const std::string& db, const std::string& id, bool json) {
  auto store = open_for_reading(db);
  if (!store) return kExitSomeFailed;
  auto a = store->article(id);
  if (!a.ok()) {
    std::cerr << "storyline: " << a.status().message() << "\n";
    return kExitSomeFailed;
  }
  if (json) std::cout << storyline::article_to_json(a->article) << "\n";
  else std::cout << storyline::article_to_markdown(a->article);
  return kExitOk;
}

int run_search(const std::string& db, const std::string& query, int limit, bool json) {
  auto store = open_for_reading(db);
  if (!store) return kExitSomeFailed;
  auto hits = store->search(query, limit);
  if (!hits.ok()) {
    std::cerr << "storyline: " << hits.status().message() << "\n";
    return kExitSomeFailed;
  }
  for (const storyline::SearchHit& h : *hits) {
    if (json) {
      nlohmann::ordered_json j;
      j["id"] = h.rowid;
      j["title"] = h.title;
      j["outlet"] = h.outlet;
      j["page_date"] = h.page_date;
      j["source"] = h.source;
      j["snippet"] = h.snippet;
      j["score"] = h.score;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::printf("%5lld  %s  %s  %s\n       %s\n", static_cast<long long>(h.rowid),
                  day_column(h.page_date).c_str(), h.outlet.empty() ? "-" : h.outlet.c_str(),
                  h.title.c_str(), h.snippet.c_str());
    }
  }
  if (!json && hits->empty()) std::cerr << "no matches\n";
  return kExitOk;
}

// One group of copies as `copies` prints it: the canonical article and each copy with
// its relation and evidence against the article it was matched with (`copy_of`: the
// canonical one, or for a copy of a copy, that copy).
struct CopyGroupView {
  storyline::StoredArticle canonical;
  struct Member {
    storyline::StoredArticle article;
    std::int64_t copy_of = 0;
    std::string relation;
    double jaccard = 0, containment = 0;
    std::int64_t shared_shingles = 0, words_added = 0, words_removed = 0;
  };
  std::vector<Member> copies;
};

// The groups ingest stored: every link's root is its group's canonical article (ingest
// makes the earlier article the original, so the root is the canonical member).
storyline::Status stored_copy_groups(storyline::Store& store, std::vector<CopyGroupView>& out) {
  auto rows = store.copy_rows();
  if (!rows.ok()) return rows.status();
  std::unordered_map<std::int64_t, std::int64_t> original_of;
  for (const storyline::CopyRow& r : *rows) original_of[r.article] = r.original;
  auto load = [&](std::int64_t id) { return store.article(std::to_string(id)); };
  std::map<std::int64_t, std::vector<const storyline::CopyRow*>> by_root;
  for (const storyline::CopyRow& r : *rows) by_root[storyline::copy_group_root(original_of, r.article)].push_back(&r);
  for (auto& [canonical, links] : by_root) {
    auto c = load(canonical);
    if (!c.ok()) return c.status();
    CopyGroupView g{*c, {}};
    std::sort(links.begin(), links.end(), [](auto* a, auto* b) { return a->article < b->article; });
    for (const storyline::CopyRow* r : links) {
      auto a = load(r->article);
      if (!a.ok()) return a.status();
      CopyGroupView::Member m{*a, r->original, r->relation, r->jaccard, r->containment, r->shared_shingles,
                              r->words_added, r->words_removed};
      if (m.words_added < 0) {  // a link stored before diff sizes were (schema < 4)
        auto o = load(r->original);
        if (!o.ok()) return o.status();
        const storyline::WordDiff diff = storyline::word_diff(o->article.text(), a->article.text());
        m.words_added = static_cast<std::int64_t>(diff.added);
        m.words_removed = static_cast<std::int64_t>(diff.removed);
      }
      g.copies.push_back(std::move(m));
    }
    out.push_back(std::move(g));
  }
  return storyline::Status::Ok();
}

// Every stored body compared afresh, in one batch (copies.h): what ingest would have
// linked had all the articles come at once.
storyline::Status recomputed_copy_groups(storyline::Store& store, std::vector<CopyGroupView>& out) {
  std::vector<storyline::StoredArticle> articles;
  storyline::Status st = store.for_each_article([&](const storyline::StoredArticle& sa) { articles.push_back(sa); });
  if (!st.ok()) return st;
  std::vector<storyline::CopySignature> sigs;
  std::vector<storyline::CopyMember> members;
  std::vector<std::string> bodies;
  for (const storyline::StoredArticle& sa : articles) {
    const std::string& body = bodies.emplace_back(sa.article.text());
    sigs.push_back(storyline::copy_signature(body));
    members.push_back({sa.article.url, sa.article.outlet, sa.article.page_date, body.size(), sa.fetched_at});
  }
  for (const storyline::CopyGroup& g : storyline::copy_groups(members, sigs, storyline::copy_pairs(sigs))) {
    CopyGroupView view{articles[g.canonical], {}};
    for (const storyline::CopyLink& l : g.links) {
      const storyline::WordDiff diff = storyline::word_diff(bodies[g.canonical], bodies[l.member]);
      view.copies.push_back({articles[l.member], articles[g.canonical].rowid, l.relation, l.jaccard, l.containment,
                             static_cast<std::int64_t>(l.shared_shingles), static_cast<std::int64_t>(diff.added),
                             static_cast<std::int64_t>(diff.removed)});
    }
    out.push_back(std::move(view));
  }
  return storyline::Status::Ok();
}

int run_copies(const std::string& db, bool json, bool recompute) {
  auto store = open_for_reading(db);
  if (!store) return kExitSomeFailed;
  std::vector<CopyGroupView> groups;
  const storyline::Status st = recompute ? recomputed_copy_groups(*store, groups) : stored_copy_groups(*store, groups);
  if (!st.ok()) {
    std::cerr << "storyline: " << st.message() << "\n";
    return kExitSomeFailed;
  }
  auto describe = [](const storyline::StoredArticle& sa) {
    const storyline::Article& a = sa.article;
    nlohmann::ordered_json j;
    j["id"] = sa.rowid;
    j["title"] = a.title;
    j["outlet"] = a.outlet;
    j["date"] = a.page_date;
    j["url"] = a.url;
    j["source"] = a.source;
    return j;
  };
  std::size_t copies = 0;
  for (const CopyGroupView& g : groups) {
    copies += g.copies.size();
    if (json) {
      nlohmann::ordered_json j;
      j["canonical"] = describe(g.canonical);
      j["copies"] = nlohmann::json::array();
      for (const CopyGroupView::Member& m : g.copies) {
        nlohmann::ordered_json c = describe(m.article);
        c["copy_of"] = m.copy_of;
        c["relation"] = m.relation;
        c["jaccard"] = std::round(m.jaccard * 1000) / 1000;
        c["containment"] = std::round(m.containment * 1000) / 1000;
        c["shared_shingles"] = m.shared_shingles;
        c["words_added"] = m.words_added;
        c["words_removed"] = m.words_removed;
        j["copies"].push_back(c);
      }
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    const storyline::Article& c = g.canonical.article;
    std::printf("%5lld  %s  %s  %s\n", static_cast<long long>(g.canonical.rowid), day_column(c.page_date).c_str(), c.outlet.c_str(),
                c.title.c_str());
    for (const CopyGroupView::Member& m : g.copies) {
      const storyline::Article& a = m.article.article;
      std::string of;
      if (m.copy_of != g.canonical.rowid) of = "  (copy of " + std::to_string(m.copy_of) + ")";
      std::printf("       %5lld  %-10s jaccard %.2f containment %.2f  +%lld -%lld words  %s  %s%s\n",
                  static_cast<long long>(m.article.rowid), m.relation.c_str(), m.jaccard, m.containment,
                  static_cast<long long>(m.words_added), static_cast<long long>(m.words_removed), day_column(a.page_date).c_str(),
                  a.outlet.c_str(), of.c_str());
    }
  }
  if (!json)
    std::fprintf(stderr, "%zu groups, %zu copies (%s)\n", groups.size(), copies,
                 recompute ? "every stored body compared afresh" : "as ingest linked them; --recompute compares afresh");
  return kExitOk;
}

int run_export(const std::string& db) {
  auto store = open_for_reading(db);
  if (!store) return kExitSomeFailed;
  storyline::Status st = store->for_each_article(
      [](const storyline::StoredArticle& sa) { std::cout << storyline::article_to_json(sa.article) << "\n"; });
  if (!st.ok()) {
    std::cerr << "storyline: " << st.message() << "\n";
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"storyline: turns raw news pages into clean articles and stories."};
  app.footer(std::string("\nExit status: 0 when every input was read, 1 when some inputs failed (each is\n"
                         "named on stderr with the reason, and the run goes on), 2 for usage errors.\n"));
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every subcommand");

  std::vector<std::string> inputs;
  int threads = 0;
  std::string now = storyline::now_iso8601();
  const char* now_help = "reference time for relative dates and the future-date check, when a page has no "
                         "capture time (ISO 8601; default: the current time)";
  std::string format = "jsonl";
  std::string output;
  CLI::App* extract = app.add_subcommand("extract", "Extract each article's body and metadata (like trafilatura's CLI).");
  extract->footer(std::string("\n") + kInputHelp +
                  "\n\nOutput: jsonl (one JSON object per article), md (Markdown with YAML front\n"
                  "matter), txt (the body alone), table (one line per article).\n\n"
                  "Exit status: 0 when every input was read, 1 when some inputs failed (each is\n"
                  "named on stderr with the reason, and the run goes on), 2 for usage errors.");
  extract->add_option("INPUT", inputs, "files, directories, globs, or - for stdin")->required();
  extract->add_option("--format,-f", format, "output format")
      ->check(CLI::IsMember({"jsonl", "md", "txt", "table"}))
      ->capture_default_str();
  extract->add_option("-o,--output", output, "write to FILE instead of standard output");
  extract->add_option("--threads,-j", threads, "extraction threads (0 = one per core); output order is input order")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  extract->add_option("--now", now, now_help);

  std::string db = "storyline.db";
  bool json = false;
  CLI::App* ingest = app.add_subcommand("ingest", "Add inputs to the store (idempotent; WARC and JSONL too).");
  ingest->footer(std::string("\n") + kInputHelp +
                 "\nAlso WARC/WARC.gz (response and resource records) and JSONL lines\n"
                 "{\"url\", \"html\" | \"text\", \"fetched_at\"?}. Ingesting twice adds nothing; a changed\n"
                 "page at the same URL becomes a new version.");
  ingest->add_option("INPUT", inputs, "files, directories, globs, WARC, JSONL, or -")->required();
  ingest->add_option("--db", db, "the store (SQLite)")->capture_default_str();
  ingest->add_option("--threads,-j", threads, "extraction threads (0 = one per core)")->capture_default_str()->check(CLI::NonNegativeNumber);
  ingest->add_flag("--json", json, "print the summary as JSON on stdout");
  ingest->add_option("--now", now, now_help);

  storyline::ArticleFilter filter;
  CLI::App* articles = app.add_subcommand("articles", "List stored articles.");
  articles->add_option("--db", db, "the store")->capture_default_str();
  articles->add_option("--since", filter.since, "only articles dated on or after DATE (YYYY-MM-DD)");
  articles->add_option("--outlet", filter.outlet, "only this outlet");
  articles->add_option("--lang", filter.lang, "only this main language (en, zh, ...)");
  articles->add_option("--limit", filter.limit, "at most N");
  articles->add_flag("--json", json, "JSON lines");

  std::string id;
  CLI::App* article = app.add_subcommand("article", "Show one stored article (Markdown, or --json).");
  article->add_option("ID", id, "row id or content id (prefix)")->required();
  article->add_option("--db", db, "the store")->capture_default_str();
  article->add_flag("--json", json, "JSON");

  std::string query;
  int limit = 20;
  CLI::App* search = app.add_subcommand("search", "Full-text search (bm25), with highlighted snippets.");
  search->add_option("QUERY", query, "words; all must match")->required();
  search->add_option("--db", db, "the store")->capture_default_str();
  search->add_option("--limit", limit, "at most N hits")->capture_default_str()->check(CLI::PositiveNumber);
  search->add_flag("--json", json, "JSON lines");

  CLI::App* copies = app.add_subcommand("copies", "Exact and near copies among stored articles (syndication, mirrors, updates).");
  copies->add_option("--db", db, "the store")->capture_default_str();
  copies->add_flag("--json", json, "one JSON object per group");
  bool recompute = false;
  copies->add_flag("--recompute", recompute,
                   "compare every stored body afresh, in one batch, instead of listing the links ingest stored");

  std::string export_format = "jsonl";
  CLI::App* exporter = app.add_subcommand("export", "Write every stored article.");
  exporter->add_option("--db", db, "the store")->capture_default_str();
  exporter->add_option("--format", export_format, "output format")->check(CLI::IsMember({"jsonl"}))->capture_default_str();

  std::vector<storyline::cli::Command> commands = storyline::cli::add_summary_commands(app);
  for (auto& c : storyline::cli::add_story_commands(app)) commands.push_back(std::move(c));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "storyline: " << e.what() << " (see storyline --help)\n";
    return kExitUsage;
  }
  if (extract->parsed()) return run_extract(inputs, format, output, threads, now);
  if (ingest->parsed()) return run_ingest(inputs, db, threads, json, now);
  if (articles->parsed()) return run_articles(db, filter, json);
  if (article->parsed()) return run_article(db, id, json);
  if (search->parsed()) return run_search(db, query, limit, json);
  if (exporter->parsed()) return run_export(db);
  if (copies->parsed()) return run_copies(db, json, recompute);
  for (const auto& c : commands)
    if (c.sub->parsed()) return c.run();
  return kExitUsage;
}
