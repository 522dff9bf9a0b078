#include <nlohmann/json.hpp>

#include "storyline/render.h"

namespace storyline {
namespace {

// YAML scalars are written as JSON strings: valid YAML, and no quoting rules to get wrong.
std::string yaml_string(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void yaml_field(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out += key;
  out += ": " + yaml_string(value) + "\n";
}

void yaml_list(std::string& out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  out += key;
  out += ":\n";
  for (const std::string& v : values) out += "  - " + yaml_string(v) + "\n";
}

}  // namespace

std::string article_to_markdown(const Article& a) {
  std::string out = "---\n";
  yaml_field(out, "title", a.title);
  yaml_field(out, "url", a.url);
  yaml_field(out, "outlet", a.outlet);
  yaml_list(out, "authors", a.authors);
  yaml_field(out, "published", a.published);
  yaml_field(out, "updated", a.updated);
  yaml_field(out, "date_source", a.date_source);
  yaml_list(out, "languages", a.languages);
  yaml_field(out, "kind", a.kind);
  yaml_field(out, "description", a.description);
  yaml_list(out, "tags", a.tags);
  yaml_field(out, "source", a.source);
  yaml_field(out, "id", a.id());
  out += "---\n\n";
  if (!a.title.empty()) out += "# " + a.title + "\n\n";
  bool in_table = false;
  for (const Block& b : a.blocks) {
    if (b.type != BlockType::kTableRow && in_table) {
      out += "\n";
      in_table = false;
    }
    switch (b.type) {
      case BlockType::kTableRow: {
        out += "| " + b.text + " |\n";
        if (!in_table) {
          // Markdown tables need a separator row after the first; one column per cell.
          std::size_t cells = 1;
          for (std::size_t p = b.text.find(" | "); p != std::string::npos; p = b.text.find(" | ", p + 3)) ++cells;
          out += "|";
          for (std::size_t c = 0; c < cells; ++c) out += " --- |";
          out += "\n";
        }
        in_table = true;
        break;
      }
      case BlockType::kHeading: out += "## " + b.text + "\n\n"; break;
      case BlockType::kListItem: out += "- " + b.text + "\n\n"; break;
      case BlockType::kQuote: out += "> " + b.text + "\n\n"; break;
      case BlockType::kPreformatted: out += "```\n" + b.text + "\n```\n\n"; break;
      case BlockType::kParagraph: out += b.text + "\n\n"; break;
    }
  }
  for (const std::string& c : a.captions) out += "*" + c + "*\n\n";
  return out;
}

}  // namespace storyline
