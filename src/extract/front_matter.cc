#include "extract/front_matter.h"

#include <algorithm>

#include "extract/dates.h"
#include "extract/outlets.h"
#include "extract/people.h"
#include "text/utf8.h"

namespace storyline::extract {
namespace {

std::string unquote(std::string v) {
  v = text::trim(v);
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
    v = v.substr(1, v.size() - 2);
  return v;
}

// "[label](url)" links in a line.
std::vector<std::pair<std::string, std::string>> links_in(std::string_view line) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while ((i = line.find('[', i)) != std::string_view::npos) {
    const std::size_t close = line.find("](", i);
    if (close == std::string_view::npos) break;
    const std::size_t end = line.find(')', close + 2);
    if (end == std::string_view::npos) break;
    out.emplace_back(std::string(line.substr(i + 1, close - i - 1)), std::string(line.substr(close + 2, end - close - 2)));
    i = end + 1;
  }
  return out;
}

// Markdown inline syntax removed: **bold**, *em*, `code`, [label](url) -> label.
std::string plain_inline(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '*' || c == '`' || (c == '_' && i + 1 < line.size() && line[i + 1] == '_')) continue;
    if (c == '[') {
      const std::size_t close = line.find("](", i);
      const std::size_t end = close == std::string_view::npos ? close : line.find(')', close);
      if (end != std::string_view::npos) {
        out.append(line.substr(i + 1, close - i - 1));
        i = end;
        continue;
      }
    }
    out += c;
  }
  return text::normalize_space(out);
}

bool is_summary_label(std::string_view plain) {
  static const char* kLabels[] = {"summary", "interesting questions", "questions", "key points", "takeaways", "tl;dr",
                                  "\xE6\x91\x98\xE8\xA6\x81",                      // 摘要
                                  "\xE6\x9C\x89\xE8\xB6\xA3\xE7\x9A\x84\xE9\x97\xAE\xE9\xA2\x98",  // 有趣的问题
                                  "\xE6\x80\xBB\xE7\xBB\x93"};                      // 总结
  std::string l = text::to_lower_ascii(plain);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  if (l.ends_with("\xEF\xBC\x9A")) l.resize(l.size() - 3);  // full-width colon
  for (const char* k : kLabels)
    if (l == k) return true;
  return false;
}

}  // namespace

bool has_front_matter(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  if (!(t.starts_with("---\n") || t.starts_with("---\r\n"))) return false;
  return t.find("\n---", 3) != std::string_view::npos;
}

FrontMatter parse_front_matter(std::string_view t) {
  FrontMatter fm;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  std::vector<std::string> lines = text::split_lines(t);
  std::size_t i = 1;
  std::string last_key;
  for (; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (text::trim(line) == "---") {
      ++i;
      break;
    }
    const std::string tl = text::trim(line);
    if (tl.starts_with("- ") && !last_key.empty()) {
      fm.lists[last_key].push_back(unquote(tl.substr(2)));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || line[0] == ' ') continue;
    last_key = text::to_lower_ascii(text::trim(line.substr(0, colon)));
    std::string value = text::trim(line.substr(colon + 1));
    if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
      std::string inner = value.substr(1, value.size() - 2);
      std::size_t s = 0;
      while (s <= inner.size()) {
        const std::size_t c = inner.find(',', s);
        const std::string item = unquote(inner.substr(s, c == std::string::npos ? std::string::npos : c - s));
        if (!item.empty()) fm.lists[last_key].push_back(item);
        if (c == std::string::npos) break;
        s = c + 1;
      }
    } else if (!value.empty()) {
      fm.scalars[last_key] = unquote(value);
    }
  }
  for (; i < lines.size(); ++i) fm.body += lines[i] + "\n";
  return fm;
}

Article extract_markdown(std::string_view t) {
  Article a;
  FrontMatter fm = parse_front_matter(t);
  auto scalar = [&](std::initializer_list<const char*> keys) -> std::string {
    for (const char* k : keys) {
      auto it = fm.scalars.find(k);
      if (it != fm.scalars.end() && !it->second.empty()) return it->second;
    }
    return "";
  };
  a.title = scalar({"title", "headline"});
  a.description = scalar({"description", "summary", "excerpt", "subtitle"});
  a.url = scalar({"url", "source", "source_url", "link", "canonical", "original"});
  for (const char* k : {"tags", "categories", "keywords"}) {
    auto it = fm.lists.find(k);
    if (it != fm.lists.end())
      for (const std::string& tag : it->second)
        if (!tag.empty() && std::find(a.tags.begin(), a.tags.end(), tag) == a.tags.end()) a.tags.push_back(tag);
  }
  if (auto d = parse_machine_date(scalar({"date", "published", "pubdate", "published_at", "created"}))) {
    a.published = d->iso();
    a.date_source = "front_matter";
  }
  if (auto d = parse_machine_date(scalar({"updated", "modified", "lastmod", "last_modified"}))) {
    a.updated = d->iso();
    if (a.date_source.empty()) a.date_source = "front_matter";
  }
  std::string author = scalar({"author", "authors", "byline"});
  std::vector<std::string> author_list = fm.lists.count("authors") ? fm.lists["authors"] : std::vector<std::string>{};
  if (!author.empty()) author_list.push_back(author);

  // The body, block by block; links to an original make this a digest of it.
  bool links_to_original = false;
  int summary_labels = 0;
  std::string paragraph;
  auto flush = [&]() {
    const std::string p = text::normalize_space(paragraph);
    if (!p.empty()) a.blocks.push_back({BlockType::kParagraph, p});
    paragraph.clear();
  };
  for (const std::string& raw : text::split_lines(fm.body)) {
    const std::string line = text::trim(raw);
    if (line.empty() || line == "---" || line == "***") {
      flush();
      continue;
    }
    const auto links = links_in(line);
    const std::string plain = plain_inline(line);
    if (!links.empty() && text::text_units(plain) <= 40 && plain.size() <= links[0].first.size() + 4) {
      // A line that is only a link: "[原文链接](https://...)", "[Source Link](...)".
      if (a.url.empty() && links[0].second.starts_with("http")) a.url = links[0].second;
      links_to_original = true;
      flush();
      continue;
    }
    if (is_summary_label(plain)) ++summary_labels;
    if (line.starts_with("#")) {
      flush();
      std::size_t h = 0;
      while (h < line.size() && line[h] == '#') ++h;
      const std::string heading = text::trim(std::string_view(line).substr(h));
      if (!heading.empty()) a.blocks.push_back({BlockType::kHeading, plain_inline(heading)});
      continue;
    }
    if (line.starts_with("- ") || line.starts_with("* ") || (std::isdigit(static_cast<unsigned char>(line[0])) && line.find(". ") < 4)) {
      flush();
      a.blocks.push_back({BlockType::kListItem, plain});
      continue;
    }
    if (line.starts_with(">")) {
      flush();
      a.blocks.push_back({BlockType::kQuote, plain_inline(std::string_view(line).substr(1))});
      continue;
    }
    // A continuation of a list item (indented answer) joins the item.
    if (raw.starts_with("   ") && !a.blocks.empty() && a.blocks.back().type == BlockType::kListItem && paragraph.empty()) {
      a.blocks.back().text += " " + plain;
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += plain;
  }
  flush();
  // A body that opens by repeating the title does not keep it.
  if (!a.blocks.empty() && a.blocks.front().text == a.title) a.blocks.erase(a.blocks.begin());
  if (links_to_original && summary_labels > 0) a.kind = "digest";

  // The outlet: the source URL's, else the front matter's; an "author" that is the
  // outlet's short name ("ft" for ft.com) is the outlet, not a person.
  const std::string host = host_of(a.url);
  a.outlet = scalar({"outlet", "publisher", "site_name", "site", "source_name"});
  if (a.outlet.empty() && !a.url.empty()) a.outlet = outlet_for_host(host);
  const std::string host_label = host.substr(0, host.find('.'));
  for (const std::string& name : author_list) {
    if (!host_label.empty() && text::to_lower_ascii(name) == host_label) continue;
    for (const std::string& n : clean_authors(name))
      if (std::find(a.authors.begin(), a.authors.end(), n) == a.authors.end()) a.authors.push_back(n);
  }
  if (a.outlet.empty() && !host.empty()) a.outlet = host;
  return a;
}

}  // namespace storyline::extract
