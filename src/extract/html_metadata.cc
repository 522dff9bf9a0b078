#include "extract/html_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "extract/dates.h"
#include "extract/outlets.h"
#include "extract/people.h"
#include "text/utf8.h"

namespace storyline::extract {
namespace {

using json = nlohmann::json;

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

void set_if_empty(std::string& slot, std::string_view value) {
  if (slot.empty() && !value.empty()) slot = text::normalize_space(value);
}

std::string json_string(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_array() && !j.empty()) return json_string(j[0]);
  if (j.is_object()) {
    for (const char* k : {"name", "@value", "text"})
      if (j.contains(k)) return json_string(j[k]);
  }
  return "";
}

bool is_article_type(const std::string& t) {
  return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "LiveBlogPosting" ||
         t == "Report" || t == "NewsArticle" || t == "ReportageNewsArticle" || t == "AnalysisNewsArticle" ||
         t == "OpinionNewsArticle" || t == "Posting" || t == "SocialMediaPosting";
}

std::string type_of(const json& j) {
  if (!j.contains("@type")) return "";
  const json& t = j["@type"];
  if (t.is_string()) return t.get<std::string>();
  if (t.is_array())
    for (const json& x : t)
      if (x.is_string() && is_article_type(x.get<std::string>())) return x.get<std::string>();
  return json_string(t);
}

void collect_jsonld_objects(const json& j, std::vector<const json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& x : j) collect_jsonld_objects(x, out, depth + 1);
  } else if (j.is_object()) {
    out.push_back(&j);
    if (j.contains("@graph")) collect_jsonld_objects(j["@graph"], out, depth + 1);
    if (j.contains("mainEntity")) collect_jsonld_objects(j["mainEntity"], out, depth + 1);
  }
}

// The string value of "key": "..." in text that may not be valid JSON (JSON-LD with
// comments, trailing commas, stray braces); escapes decoded by the JSON parser.
std::string scan_json_string(const std::string& raw, const std::string& key) {
  const std::string quoted = "\"" + key + "\"";
  std::size_t p = raw.find(quoted);
  if (p == std::string::npos) return "";
  p = raw.find_first_not_of(" ", p + quoted.size());
  if (p == std::string::npos || raw[p] != ':') return "";
  p = raw.find_first_not_of(" ", p + 1);
  if (p == std::string::npos || raw[p] != '"') return "";
  std::size_t e = p + 1;
  while (e < raw.size() && raw[e] != '"') e += raw[e] == '\\' ? 2 : 1;
  if (e >= raw.size()) return "";
  const json v = json::parse(raw.substr(p, e - p + 1), nullptr, false);
  return v.is_string() ? v.get<std::string>() : "";
}

void read_jsonld(std::string raw, HtmlMetadata& m) {
  // Pages often put raw line breaks and tabs inside JSON-LD strings, which JSON forbids;
  // outside strings they are white space anyway, so blank them all.
  for (char& c : raw)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  json j = json::parse(raw, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Broken JSON-LD still names its fields: take the ones that matter.
    set_if_empty(m.title, scan_json_string(raw, "headline"));
    if (m.jsonld_body.empty()) m.jsonld_body = scan_json_string(raw, "articleBody");
    if (auto d = parse_machine_date(scan_json_string(raw, "datePublished")); d && plausible(*d) && m.published.empty()) {
      m.published = d->iso();
      m.published_source = "jsonld";
    }
    if (auto d = parse_machine_date(scan_json_string(raw, "dateModified")); d && plausible(*d) && m.updated.empty()) {
      m.updated = d->iso();
      m.updated_source = "jsonld";
    }
    return;
  }
  std::vector<const json*> objs;
  collect_jsonld_objects(j, objs);
  for (const json* o : objs) {
    const std::string type = type_of(*o);
    if (!is_article_type(type)) {
      if ((type == "WebSite" || type == "Organization" || type == "NewsMediaOrganization") && o->contains("name"))
        set_if_empty(m.site_name, json_string((*o)["name"]));
      continue;
    }
    set_if_empty(m.jsonld_type, type);
    if (o->contains("headline")) set_if_empty(m.title, json_string((*o)["headline"]));
    if (o->contains("articleBody") && m.jsonld_body.empty()) m.jsonld_body = json_string((*o)["articleBody"]);
    if (o->contains("description")) set_if_empty(m.description, json_string((*o)["description"]));
    if (o->contains("datePublished")) {
      if (auto d = parse_machine_date(json_string((*o)["datePublished"])); d && plausible(*d) && m.published.empty()) {
        m.published = d->iso();
        m.published_source = "jsonld";
      }
    }
    if (o->contains("dateModified")) {
      if (auto d = parse_machine_date(json_string((*o)["dateModified"])); d && plausible(*d) && m.updated.empty()) {
        m.updated = d->iso();
        m.updated_source = "jsonld";
      }
    }
    if (o->contains("author") && m.authors.empty()) {
      const json& au = (*o)["author"];
      std::vector<const json*> list;
      if (au.is_array()) for (const json& x : au) list.push_back(&x);
      else list.push_back(&au);
      for (const json* x : list)
        for (const std::string& name : clean_authors(json_string(*x))) add_unique(m.authors, name);
    }
    if (o->contains("publisher")) set_if_empty(m.site_name, json_string((*o)["publisher"]));
    if (o->contains("keywords")) {
      const json& k = (*o)["keywords"];
      if (k.is_array()) {
        for (const json& x : k) add_unique(m.tags, text::trim(json_string(x)));
      } else if (k.is_string()) {
        std::string s = k.get<std::string>();
        std::size_t b = 0;
        while (b <= s.size()) {
          const std::size_t c = s.find(',', b);
          add_unique(m.tags, text::trim(s.substr(b, c == std::string::npos ? std::string::npos : c - b)));
          if (c == std::string::npos) break;
          b = c + 1;
        }
      }
    }
    if (o->contains("url")) set_if_empty(m.url, json_string((*o)["url"]));
  }
}

void split_tags(const std::string& s, std::vector<std::string>& out) {
  std::size_t b = 0;
  while (b <= s.size()) {
    const std::size_t c = s.find_first_of(",;", b);
    add_unique(out, text::trim(s.substr(b, c == std::string::npos ? std::string::npos : c - b)));
    if (c == std::string::npos) break;
    b = c + 1;
  }
}

// What an element says of itself: class, id, itemprop and rel, lower-cased; written
// into buf, which the caller reuses from element to element.
const std::string& hints_of(const Node* n, std::string& buf) {
  buf.clear();
  // Most elements have none of them: one pass over the attributes says so.
  bool any = false;
  for (std::uint32_t i = 0; i < n->attr_count && !any; ++i) {
    const Attribute& a = n->attrs[i];
    any = !a.value.empty() && (a.name == "class" || a.name == "id" || a.name == "itemprop" || a.name == "rel");
  }
  if (!any) return buf;
  for (std::string_view name : {"class", "id", "itemprop", "rel"}) {
    if (!buf.empty()) buf += ' ';
    buf += attr_of(n, name);
  }
  text::lower_ascii_in_place(buf);
  return buf;
}

bool mentions(const std::string& hints, std::string_view word) { return hints.find(word) != std::string::npos; }

}  // namespace

HtmlMetadata read_html_metadata(HtmlDocument* doc, const std::optional<ParsedDate>& reference) {
  HtmlMetadata m;
  Node* root = root_element(doc);
  if (!root) return m;
  std::string meta_title, og_title, twitter_title, html_title, og_site, app_name, meta_desc, og_desc, canonical, og_url;
  std::string meta_published, meta_updated, time_published, time_updated, visible_date;
  bool visible_relative = false;
  std::vector<std::string> meta_authors, byline_authors, meta_tags, keyword_tags;
  std::vector<std::string> jsonld;
  std::string hints;  // hints_of's buffer
  std::string lang(attr_of(root, "lang"));
  if (lang.empty()) lang = attr_of(root, "xml:lang");

  walk(root,
       [&](Node* n) {
         if (n->type != NodeType::kElement) return false;
         const std::string_view tag = tag_of(n);
         if (tag == "script") {
           if (text::contains_ci(attr_of(n, "type"), "ld+json")) {
             std::string raw;
             for (Node* c = n->children; c; c = c->next)
               raw += c->content;
             jsonld.push_back(std::move(raw));
           }
           return false;
         }
         if (tag == "style" || tag == "noscript" || tag == "svg" || tag == "template") return false;
         if (tag == "meta") {
           std::string key(attr_of(n, "property"));
           if (key.empty()) key = attr_of(n, "name");
           if (key.empty()) key = attr_of(n, "itemprop");
           if (key.empty()) key = attr_of(n, "http-equiv");
           key = text::to_lower_ascii(key);
           const std::string_view k = key;  // compared by length first, no strlen per literal
           const std::string content = text::trim(attr_of(n, "content"));
           if (content.empty()) return false;
           if (k == "og:title") set_if_empty(og_title, content);
           else if (k == "twitter:title") set_if_empty(twitter_title, content);
           else if (k == "title" || k == "dc.title" || k == "headline") set_if_empty(meta_title, content);
           else if (k == "og:site_name") set_if_empty(og_site, content);
           else if (k == "application-name" || k == "publisher" || k == "dc.publisher" || k == "twitter:site:name") set_if_empty(app_name, content);
           else if (k == "og:description") set_if_empty(og_desc, content);
           else if (k == "description" || k == "twitter:description" || k == "dc.description") set_if_empty(meta_desc, content);
           else if (k == "og:url") set_if_empty(og_url, content);
           else if (k == "author" || k == "article:author" || k == "byl" || k == "dc.creator" ||
                    k == "parsely-author" || k == "sailthru.author" || k == "citation_author" || k == "dcterms.creator") {
             if (content.find("://") == std::string::npos)
               for (const std::string& a : clean_authors(content)) add_unique(meta_authors, a);
           } else if (k == "article:published_time" || k == "og:published_time" || k == "datepublished" ||
                      k == "pubdate" || k == "publishdate" || k == "publish-date" || k == "publish_date" ||
                      k == "date" || k == "dc.date" || k == "dc.date.issued" || k == "dcterms.created" ||
                      k == "sailthru.date" || k == "parsely-pub-date" || k == "article.published" ||
                      k == "published-date" || k == "release_date" || k == "citation_publication_date" ||
                      k == "originalpublicationdate" || k == "article:published" || k == "cxenseparse:recs:publishtime") {
             set_if_empty(meta_published, content);
           } else if (k == "article:modified_time" || k == "og:updated_time" || k == "datemodified" ||
                      k == "last-modified" || k == "dc.date.modified" || k == "article.updated" ||
                      k == "dcterms.modified" || k == "lastmod") {
             set_if_empty(meta_updated, content);
           } else if (k == "article:tag") {
             add_unique(meta_tags, content);
           } else if (k == "keywords" || k == "news_keywords") {
             if (keyword_tags.empty()) split_tags(content, keyword_tags);
           }
           return false;
         }
         if (tag == "link") {
           if (text::to_lower_ascii(attr_of(n, "rel")) == "canonical") set_if_empty(canonical, attr_of(n, "href"));
           return false;
         }
         if (tag == "title") {
           set_if_empty(html_title, text_of(n));
           return false;
         }
         if (tag == "h1") {
           set_if_empty(m.h1, text_of(n));
           return true;
         }
         if (tag == "time") {
           std::string dt(attr_of(n, "datetime"));
           if (dt.empty()) dt = text_of(n);
           const std::string& h = hints_of(n, hints);
           const bool modified = mentions(h, "modif") || mentions(h, "updat");
           if (auto d = parse_machine_date(dt); d && plausible(*d)) {
             if (modified) set_if_empty(time_updated, d->iso());
             else set_if_empty(time_published, d->iso());
           }
           return true;
         }
         const std::string& h = hints_of(n, hints);
         // Bylines: rel=author links, elements classed author/byline.
         if (byline_authors.empty() && (tag == "a" || tag == "span" || tag == "div" || tag == "p" || tag == "address")) {
           if (mentions(h, "byline") || mentions(h, "author")) {
             const std::string t = text_of(n);
             if (!t.empty() && text::word_count(t) <= 12) {
               for (const std::string& a : clean_authors(t)) add_unique(byline_authors, a);
             }
             if (!byline_authors.empty()) return false;
           }
         }
         // Dates printed near the headline: <span class="date">, <p class="post-meta">.
         if (visible_date.empty() && (tag == "span" || tag == "div" || tag == "p" || tag == "small" || tag == "li" ||
                                      tag == "abbr" || tag == "em")) {
           if (mentions(h, "date") || mentions(h, "publish") || mentions(h, "posted") || mentions(h, "time") ||
               mentions(h, "meta")) {
             const std::string t = text_of(n);
             std::optional<FoundDate> d;
             if (t.size() < 120) d = find_date(t);
             if (t.size() < 120 && !d && reference) d = find_relative_date(t, *reference);
             if (d && plausible(d->date)) {
               const std::string before = text::to_lower_ascii(t.substr(0, d->begin));
               // "Updated May 3" is not the publish date.
               if (before.find("updat") == std::string::npos && before.find("modif") == std::string::npos) {
                 visible_date = d->date.iso();
                 visible_relative = d->relative;
               }
             }
           }
         }
         // Copyright notices in footers.
         if ((tag == "footer" || mentions(h, "copyright")) && m.copyright_outlet.empty()) {
           const std::string t = text_of(n);
           const std::size_t c = t.find("\xC2\xA9");
           if (c != std::string::npos) m.copyright_outlet = outlet_from_copyright(t.substr(c, 200));
         }
         return true;
       },
       [](Node*) {});

  for (const std::string& raw : jsonld) read_jsonld(raw, m);

  // Title: JSON-LD headline, og:title, <title>; site suffix stripped by the caller.
  set_if_empty(m.title, og_title);
  set_if_empty(m.title, twitter_title);
  set_if_empty(m.title, meta_title);
  set_if_empty(m.title, html_title);
  set_if_empty(m.title, m.h1);
  set_if_empty(m.site_name, og_site);
  set_if_empty(m.site_name, app_name);
  set_if_empty(m.description, og_desc);
  set_if_empty(m.description, meta_desc);
  if (!canonical.empty()) m.url = canonical;
  set_if_empty(m.url, og_url);
  if (m.authors.empty()) m.authors = meta_authors;
  if (m.authors.empty()) m.authors = byline_authors;
  if (m.published.empty()) {
    if (auto d = parse_machine_date(meta_published); d && plausible(*d)) {
      m.published = d->iso();
      m.published_source = "meta";
    } else if (!time_published.empty()) {
      m.published = time_published;
      m.published_source = "text";
    } else if (!visible_date.empty()) {
      m.published = visible_date;
      m.published_source = "text";
      m.published_relative = visible_relative;
    }
  }
  if (m.updated.empty()) {
    if (auto d = parse_machine_date(meta_updated); d && plausible(*d)) {
      m.updated = d->iso();
      m.updated_source = "meta";
    } else if (!time_updated.empty()) {
      m.updated = time_updated;
      m.updated_source = "text";
    }
  }
  for (const std::string& t : meta_tags) add_unique(m.tags, t);
  if (m.tags.empty()) m.tags = keyword_tags;
  // "en-US" stays "en-US"; "EN_us" becomes "en-US".
  std::string l = text::trim(lang);
  std::replace(l.begin(), l.end(), '_', '-');
  const std::size_t dash = l.find('-');
  m.lang = text::to_lower_ascii(l.substr(0, dash));
  if (dash != std::string::npos) {
    std::string region = l.substr(dash + 1);
    if (region.size() == 2) for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    m.lang += "-" + region;
  }
  return m;
}

}  // namespace storyline::extract
