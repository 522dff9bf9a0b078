#include "storyline/extract.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "extract/dates.h"
#include "extract/front_matter.h"
#include "extract/html_content.h"
#include "extract/html_metadata.h"
#include "extract/outlets.h"
#include "extract/text_dump.h"
#include "storyline/charset.h"
#include "storyline/language.h"
#include "text/utf8.h"

namespace storyline {
namespace {

// Text that is already a body (JSON-LD articleBody, a pre-extracted record): a paragraph
// a non-blank line, its white space collapsed.
std::vector<Block> paragraphs_of_lines(std::string_view body) {
  std::vector<Block> blocks;
  for (const std::string& line : text::split_lines(body)) {
    std::string para = text::normalize_space(line);
    if (!para.empty()) blocks.push_back({BlockType::kParagraph, std::move(para)});
  }
  return blocks;
}

using extract::ParsedDate;

void fill_from_html(const std::string& utf8, const std::optional<extract::ParsedDate>& reference, Article& a) {
  extract::HtmlDoc doc = extract::parse_html(utf8);
  if (!doc) {
    a.warnings.push_back("no HTML could be parsed");
    return;
  }
  extract::HtmlMetadata m = extract::read_html_metadata(doc.get(), reference);
  if (a.url.empty()) a.url = m.url;
  const std::string host = extract::host_of(a.url);
  a.outlet = m.site_name;
  if (a.outlet.empty()) a.outlet = m.copyright_outlet;
  if (a.outlet.empty()) a.outlet = extract::outlet_for_host(host);
  if (a.outlet.empty()) a.outlet = host;
  a.title = extract::strip_site_from_title(m.title, a.outlet, host);
  // A <title> that is only the site name is no title; the <h1> is.
  if ((a.title.empty() || a.title == a.outlet) && !m.h1.empty()) a.title = m.h1;
  a.description = m.description;
  a.authors = m.authors;
  a.published = m.published;
  a.updated = m.updated;
  a.date_source = !m.published_source.empty() ? m.published_source : m.updated_source;
  a.date_relative = m.published_relative;
  a.tags = m.tags;
  if (!m.lang.empty()) a.languages.push_back(m.lang);
  if (m.jsonld_type == "LiveBlogPosting") a.kind = "liveblog";
  extract::HtmlContent content = extract::extract_html_content(doc.get(), a.title);
  a.blocks = std::move(content.blocks);
  a.captions = std::move(content.captions);
  if (!content.found_container) a.warnings.push_back("no main content block");
  // Pages that render their text by script carry it only in JSON-LD: when that text is
  // much longer than what the DOM gave, it is the body.
  if (!m.jsonld_body.empty()) {
    const std::string dom_body = a.text();
    if (text::text_units(m.jsonld_body) > 2 * text::text_units(dom_body) + 200) {
      a.blocks = paragraphs_of_lines(m.jsonld_body);
      std::erase(a.warnings, std::string("no main content block"));
      a.warnings.push_back("body taken from JSON-LD articleBody");
    }
  }
  if (!a.blocks.empty()) a.dateline = extract::find_dateline(a.blocks.front().text);
}

// Main language first: the one the headline is written in when the body mixes several
// (a Chinese digest with an English translation is a Chinese page).
std::vector<std::string> languages_of(const Article& a, const std::string& body) {
  std::vector<std::string> langs = detect_languages(body);
  if (langs.size() > 1 && !a.title.empty()) {
    const std::vector<std::string> title_lang = detect_languages(a.title, 0.5);
    // CLD2 is unreliable on a short Latin title; a CJK title is unambiguous.
    if (text::cjk_share(a.title) > 0.5 || (!title_lang.empty() && text::word_count(a.title) >= 6)) {
      // Here a title CLD2 could not name is a CJK one.
      const std::string main = title_lang.empty() ? "zh" : title_lang[0];
      auto it = std::find_if(langs.begin(), langs.end(), [&](const std::string& l) { return l.substr(0, 2) == main.substr(0, 2); });
      if (it != langs.end()) std::rotate(langs.begin(), it, it + 1);
    }
  }
  return langs;
}

}  // namespace

InputFormat detect_format(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  if (extract::has_front_matter(t)) return InputFormat::kMarkdown;
  const std::size_t first = t.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::kText;
  const std::string head = text::to_lower_ascii(t.substr(first, 2048));
  if (head[0] == '<') {
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<div", "<p", "<title", "<article", "<?xml"})
      if (head.rfind(tag, 0) == 0) return InputFormat::kHtml;
  }
  // Text that still carries enough markup is HTML without a preamble.
  int tags = 0;
  for (std::string_view tag : {"<p>", "<p ", "<div", "</p>", "</div>", "<br", "<a href", "<body", "<html"}) {
    std::size_t p = 0;
    while ((p = head.find(tag, p)) != std::string::npos) { ++tags; ++p; }
  }
  return tags >= 3 ? InputFormat::kHtml : InputFormat::kText;
}

namespace {

// A date of the article later than its reference time is a wrong date (a template's
// "today", a mis-parsed format): drop it and say so.
void reject_future_dates(const extract::ParsedDate& reference, Article& a) {
  for (std::string* slot : {&a.published, &a.updated}) {
    if (slot->empty()) continue;
    auto d = extract::parse_machine_date(*slot);
    if (!d && slot->size() == 7) {  // "2024-02": a month
      d = extract::parse_machine_date(*slot + "-01");
      if (d) d->day = 0;
    }
    if (d && extract::after_reference(*d, reference)) {
      a.warnings.push_back("date " + *slot + " is after the reference time " + reference.iso() + "; dropped");
      slot->clear();
    }
  }
  if (a.published.empty() && a.updated.empty()) {
    a.date_source.clear();
    a.date_relative = false;
  }
}

// Each doubt lowers the confidence; an empty body has none.
double confidence_of(const Article& a, const std::string& body) {
  if (body.empty()) return 0.0;
  double c = 1.0;
  const int length = text::weighted_length(body);
  if (length < 200) c = std::min(c, 0.3);
  else if (length < 500) c *= 0.8;
  if (a.kind == "listing") c = std::min(c, 0.2);
  for (const std::string& w : a.warnings) {
    if (w == "no main content block") c *= 0.5;
    else if (w.rfind("undecodable bytes", 0) == 0) c *= 0.8;
    else if (w.rfind("charset guessed", 0) == 0) c *= 0.9;
  }
  if (a.title.empty()) c *= 0.85;
  return c;
}

// A JSON document (an object or array over the whole text) is data, not a page: a
// directory of pages often holds one (a manifest, an answer key), and read as text it
// would become an "article" whose title is a line of JSON. Only text that starts like
// JSON is parsed, so ordinary pages pay nothing; "[Updated] ..." does not parse.
// The body of a pre-extracted record: its text as given (paragraphs_of_lines). Read as a
// page dump it would go through the boilerplate rules, which take a short clean text
// for a listing or its first line for a title.
Article article_from_body(std::string_view utf8) {
  Article a;
  a.blocks = paragraphs_of_lines(utf8);
  return a;
}

bool is_json_data(const std::string& utf8) {
  const std::size_t b = utf8.find_first_not_of(" \t\r\n");
  if (b == std::string::npos || (utf8[b] != '{' && utf8[b] != '[')) return false;
  return nlohmann::json::accept(std::string_view(utf8).substr(b));
}

}  // namespace

Result<Article> extract_article(const Document& doc, const ExtractOptions& options) {
  if (doc.bytes.empty()) return Status::Error("empty file");
  if (looks_binary(doc.bytes)) return Status::Error("binary file, not text");
  Result<DecodedText> decoded = decode_to_utf8(doc.bytes, doc.charset);
  if (!decoded.ok()) return decoded.status();
  const std::string& utf8 = decoded->utf8;
  if (utf8.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Error("empty file (only white space)");
  if (is_json_data(utf8))
    return Status::Error("JSON data, not a page (JSONL input holds one object per line with \"html\" or \"text\")");

  // The reference time: the capture time, else the caller's "now".
  std::optional<extract::ParsedDate> reference = extract::parse_machine_date(doc.fetched_at);
  if (!reference) reference = extract::parse_machine_date(options.now);

  Article a;
  switch (detect_format(utf8)) {
    case InputFormat::kHtml: {
      a.url = doc.url;
      fill_from_html(utf8, reference, a);
      break;
    }
    case InputFormat::kMarkdown:
      a = extract::extract_markdown(utf8);
      break;
    case InputFormat::kText:
      a = doc.title.empty() ? extract::extract_text_dump(utf8, reference) : article_from_body(utf8);
      break;
  }
  a.source = doc.source;
  if (a.url.empty()) a.url = doc.url;
  if (!doc.title.empty()) a.title = doc.title;
  if (auto d = extract::parse_machine_date(doc.published); d && extract::plausible(*d)) {
    a.published = d->iso();
    a.date_source = "input";
  }
  if (decoded->replaced > 0)
    a.warnings.push_back("undecodable bytes replaced (" + std::to_string(decoded->replaced) + ", read as " + decoded->charset + ")");
  if (decoded->guessed) a.warnings.push_back("charset guessed: " + decoded->charset);

  // A date in the URL is the last resort.
  if (a.published.empty() && a.updated.empty() && !a.url.empty()) {
    if (auto d = extract::date_from_url(a.url); d && extract::plausible(*d)) {
      a.published = d->iso();
      a.date_source = "url";
    }
  }
  if (reference) reject_future_dates(*reference, a);
  a.page_date = !a.published.empty() ? a.published : a.updated;

  const std::string body = a.text();
  std::vector<std::string> detected = languages_of(a, a.title + "\n" + body);
  if (!detected.empty()) {
    // CLD2 on the text beats a template's <html lang>; keep the page's region tag when they agree.
    if (!a.languages.empty() && a.languages[0].substr(0, 2) == detected[0].substr(0, 2)) detected[0] = a.languages[0];
    a.languages = detected;
  }
  if (body.empty()) {
    // One reason per page: an empty body says all that "no main content block" would.
    std::erase(a.warnings, std::string("no main content block"));
    a.warnings.push_back("no main content found");
  }
  else if (text::weighted_length(body) < 200) a.warnings.push_back("body shorter than 200 characters");
  a.confidence = confidence_of(a, body);
  return a;
}

}  // namespace storyline
