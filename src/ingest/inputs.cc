#include "storyline/inputs.h"

#include <glob.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

namespace storyline {
namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void add_directory(const fs::path& dir, std::vector<std::string>& paths) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  paths.insert(paths.end(), found.begin(), found.end());
}

bool has_glob_chars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

Status read_stream(std::istream& in, std::size_t max_bytes, std::string& data) {
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) return Status::Error("input larger than the limit");
  }
  if (in.bad()) return Status::Error("read error");
  return Status::Ok();
}

}  // namespace

ExpandedInputs expand_inputs(const std::vector<std::string>& args) {
  ExpandedInputs out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.paths.push_back(arg);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (!ec && fs::is_directory(st)) {
      add_directory(arg, out.paths);
    } else if (!ec && fs::exists(st)) {
      out.paths.push_back(arg);
    } else if (has_glob_chars(arg)) {
      glob_t g{};
      if (glob(arg.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) {
          if (fs::is_directory(g.gl_pathv[i], ec)) add_directory(g.gl_pathv[i], out.paths);
          else out.paths.push_back(g.gl_pathv[i]);
        }
      } else {
        out.problems.push_back(arg + ": no file matches the pattern");
      }
      globfree(&g);
    } else {
      out.problems.push_back(arg + ": no such file or directory");
    }
  }
  return out;
}

Result<Document> read_document(const std::string& path, std::size_t max_bytes) {
  Document doc;
  doc.source = path;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) return Status::Error("is a directory");
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Status::Error(std::strerror(errno));
  }
  std::string bytes;
  if (Status st = read_stream(path == "-" ? std::cin : file, max_bytes, bytes); !st.ok()) return st;
  // gzip by magic number, whatever the name says.
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b) {
    Result<std::string> plain = gunzip(bytes, max_bytes);
    if (!plain.ok()) return plain.status();
    bytes = std::move(plain).value();
  }
  doc.bytes = std::move(bytes);
  return doc;
}

}  // namespace storyline
