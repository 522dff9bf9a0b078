// storyline: the command-line client of libstoryline. Thin: it parses arguments, reads
// inputs, calls the library and prints. Exit status: 0 all inputs fine, 1 some inputs
// failed (each named on stderr), 2 usage error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "storyline/extract.h"
#include "storyline/inputs.h"
#include "storyline/render.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

const char* kInputHelp =
    "INPUT is a file, a directory (read recursively), a glob, or - for standard input;\n"
    "files may be gzip-compressed. HTML, plain-text dumps and Markdown with YAML front\n"
    "matter are recognised by their content, in any charset.";

void warn(const std::string& source, const std::string& why) {
  std::cerr << "storyline: " << source << ": " << why << "\n";
}

// A progress line on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), on_(isatty(STDERR_FILENO) != 0) {}
  void tick(std::size_t done, std::size_t failed) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250) && done != total_) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%zu/%zu inputs, %.0f/s, %zu failed ", done, total_, secs > 0 ? done / secs : 0.0, failed);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  std::size_t total_;
  bool on_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

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

int run_extract(const std::vector<std::string>& inputs, const std::string& format, const std::string& output) {
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
  Progress progress(expanded.paths.size());
  std::size_t done = 0, written = 0;
  for (const std::string& path : expanded.paths) {
    progress.tick(done++, failed);
    storyline::Result<storyline::Document> doc = storyline::read_document(path);
    if (!doc.ok()) {
      warn(path, doc.status().message());
      ++failed;
      continue;
    }
    storyline::Result<storyline::Article> article = storyline::extract_article(*doc);
    if (!article.ok()) {
      warn(path, article.status().message());
      ++failed;
      continue;
    }
    for (const std::string& w : article->warnings) warn(path, w);
    if (format == "jsonl") {
      out << storyline::article_to_json(*article) << "\n";
    } else if (format == "md") {
      if (written) out << "\n";
      out << storyline::article_to_markdown(*article);
    } else if (format == "txt") {
      if (written) out << "\n\n";
      out << article->text() << "\n";
    } else {
      out << table_row(*article) << "\n";
    }
    ++written;
  }
  progress.tick(done, failed);
  out.flush();
  if (!out) {
    std::cerr << "storyline: write error\n";
    return kExitSomeFailed;
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"storyline: turns raw news pages into clean articles and stories."};
  app.footer(std::string("\nExit status: 0 when every input was read, 1 when some inputs failed (each is\n"
                         "named on stderr with the reason, and the run goes on), 2 for usage errors.\n"));
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every subcommand");

  std::vector<std::string> inputs;
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
  if (extract->parsed()) return run_extract(inputs, format, output);
  return kExitUsage;
}
