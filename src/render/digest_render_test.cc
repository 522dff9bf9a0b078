// The digest renderers on a hand-built Digest: two stories, one with English and Chinese
// sources, a mirror with a doubtful date, quotes (one anonymous, one reported twice), a
// timeline note and model parts; the other with hostile text and no model.
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "storyline/digest.h"

namespace storyline {
namespace {

const std::string kNastyTitle = "#1 pick: \"Corvane\" <script>alert('x')</script> *recall* | chips";

DigestArticle article(std::string id, std::string title, std::string outlet, std::string url, std::string date,
                      std::vector<std::string> languages) {
  DigestArticle a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.outlet = std::move(outlet);
  a.url = std::move(url);
  a.source = "examples/pages/" + a.id + ".html";
  a.date = std::move(date);
  a.date_source = "meta";
  a.languages = std::move(languages);
  a.kind = "article";
  a.authors = {"Ada Reporter"};
  return a;
}

Digest sample_digest() {
  DigestStory dam;
  dam.id = 7;
  dam.slug = "carrow-valley-dam";
  dam.title = "Carrow Valley and Aldmoor settle the Brenmoor Dam dispute";
  dam.description = "A water-sharing deal ends six months of litigation.";
  dam.first_date = "2025-03-13";
  dam.last_date = "2025-09-18";
  dam.languages = {"en", "zh"};
  dam.tags = {"Carrow Valley", "卡罗谷", "Brenmoor Dam"};
  dam.summary = {"Carrow Valley sued to delay the filling of the Brenmoor Dam.",
                 "The two regions signed a water-sharing deal in September."};

  DigestEvent suit;
  suit.id = 1;
  suit.title = "Carrow Valley goes to the Federal Water Tribunal";
  suit.first_date = suit.last_date = "2025-03-13";
  suit.summary = {"Carrow Valley asked the tribunal for an injunction."};
  DigestArticle courier = article("a1", "Hale vows to defend Brenmoor Dam", "Aldmoor Courier",
                                  "https://courier.example/hale-dam", "2025-03-13T09:00:00", {"en"});
  DigestArticle mirror = article("a2", "Hale vows to defend Brenmoor Dam", "NewsDigest Hub",
                                 "https://newsdigest.example/x?a=1&b=2", "2026-03-14", {"en"});
  mirror.copy_of = "a1";
  mirror.copy_relation = "mirror";
  mirror.date_suspect = true;
  DigestArticle dongan = article("a3", "卡罗谷就布伦莫尔大坝蓄水提起诉讼", "东岸时报", "https://dongan.example/a3",
                                 "2025-03-13", {"zh-CN"});
  suit.articles = {courier, mirror, dongan};

  DigestEvent deal;
  deal.id = 2;
  deal.title = "Water-sharing deal signed";
  deal.first_date = "2025-09-17";
  deal.last_date = "2025-09-18";
  deal.summary = {"The regions signed a deal.", "Farmers welcomed it."};
  deal.articles = {article("a4", "Deal signed over the Sallow", "", "https://www.valleyradio.example/deal",
                           "2025-09-18", {"en"})};
  dam.events = {suit, deal};

  DigestTimelineEntry t1;
  t1.date = "2025-03-13";
  t1.text = "Carrow Valley filed suit at the Federal Water Tribunal.";
  t1.article_ids = {"a1", "a2", "a3"};
  DigestTimelineEntry t2;
  t2.date = "2025-09-17";
  t2.text = "The two regions signed a water-sharing deal.";
  t2.note = "ends the suit of 2025-03-13";
  t2.article_ids = {"a4"};
  dam.timeline = {t1, t2};

  DigestQuote q1;
  q1.text = "We will not let the valley run dry.";
  q1.speaker = "Miriam Okafor";
  q1.speaker_role = "water minister";
  q1.speaker_kind = "person";
  q1.article_ids = {"a1", "a3"};
  DigestQuote q2;
  q2.text = "The talks were never really broken off.";
  q2.speaker = "a senior official";
  q2.speaker_kind = "anonymous";
  q2.article_ids = {"a4"};
  DigestQuote q3;
  q3.text = "This deal gives farmers a floor.";
  q3.speaker = "Miriam Okafor";
  q3.speaker_kind = "person";
  q3.article_ids = {"a4"};
  dam.quotes = {q1, q2, q3};

  DigestEntity okafor;
  okafor.name = "Miriam Okafor";
  okafor.kind = "person";
  okafor.aliases = {"Okafor", "奥卡福"};
  okafor.roles = {"water minister"};
  okafor.mentions = 5;
  okafor.article_ids = {"a1", "a3", "a4"};
  DigestEntity valley;
  valley.name = "Carrow Valley";
  valley.kind = "place";
  valley.aliases = {"卡罗谷"};
  valley.mentions = 9;
  dam.entities = {valley, okafor};

  dam.model.summary = "The dispute over the Brenmoor Dam ended with a deal.";
  dam.model.questions = {{"Why did Carrow Valley sue?", "To delay the filling of the dam."},
                         {"Who signed?", "Both regions."}};
  dam.model.translation_language = "zh";
  dam.model.translated_title = "卡罗谷与奥尔德莫尔就大坝争端达成和解";
  dam.model.translated_summary = "布伦莫尔大坝争端以协议告终。";
  dam.model.translated_questions = {{"卡罗谷为什么起诉？", "为了推迟大坝蓄水。"}};

  DigestStory chips;
  chips.id = 9;
  chips.slug = "corvane-recall";
  chips.title = kNastyTitle;
  chips.description = "2024. A year: \"hot\"\nsecond line";
  chips.first_date = chips.last_date = "2025-06-10";
  chips.languages = {"en"};
  chips.tags = {"Corvane: Semiconductor"};
  chips.summary = {"Corvane recalled 410,000 processors."};
  DigestEvent recall;
  recall.id = 3;
  recall.title = "Recall";
  recall.first_date = recall.last_date = "2025-06-10";
  DigestArticle wire = article("b1", "Corvane pulls processors <b>now</b>", "Meridian Press",
                               "javascript:alert(1)", "2025-06-10T20:30:00", {"en"});
  DigestArticle synd = article("b2", "Corvane pulls processors", "Coastline Times", "https://coastline.example/b2",
                               "2025-06-10", {"en"});
  synd.copy_of = "b1";
  synd.copy_relation = "syndicated";
  recall.articles = {wire, synd};
  chips.events = {recall};
  chips.needs_model = {"abstractive summary", "questions and answers"};
  chips.model.problems = {};

  Digest d;
  d.generated_at = "2025-10-01T12:00:00Z";
  d.stories = {dam, chips};
  d.articles = 6;
  return d;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The front matter between the two "---" lines.
std::vector<std::string> front_matter(const std::string& md) {
  const std::vector<std::string> lines = lines_of(md);
  std::vector<std::string> fm;
  if (lines.empty() || lines[0] != "---") return fm;
  for (std::size_t i = 1; i < lines.size() && lines[i] != "---"; ++i) fm.push_back(lines[i]);
  return fm;
}

bool has_line(const std::vector<std::string>& lines, const std::string& want) {
  for (const std::string& l : lines)
    if (l == want) return true;
  return false;
}

TEST(DigestMarkdown, FrontMatterIsYamlKeyValues) {
  const Digest d = sample_digest();
  const std::string md = digest_story_markdown(d.stories[0]);
  ASSERT_TRUE(md.starts_with("---\n"));
  const std::vector<std::string> fm = front_matter(md);
  ASSERT_FALSE(fm.empty());
  // Every line is "key: value", "key:" opening a list, or a list item of a quoted string.
  for (const std::string& l : fm) {
    const bool item = l.starts_with("  - \"") && l.ends_with("\"");
    const std::size_t colon = l.find(':');
    const bool key = colon != std::string::npos && colon > 0 && l[0] != ' ' &&
                     l.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == colon;
    EXPECT_TRUE(item || key) << l;
  }
  EXPECT_TRUE(has_line(fm, "title: \"Carrow Valley and Aldmoor settle the Brenmoor Dam dispute\""));
  EXPECT_TRUE(has_line(fm, "date: 2025-03-13"));
  EXPECT_TRUE(has_line(fm, "updated: 2025-09-18"));
  EXPECT_TRUE(has_line(fm, "description: \"A water-sharing deal ends six months of litigation.\""));
  EXPECT_TRUE(has_line(fm, "tags:"));
  EXPECT_TRUE(has_line(fm, "  - \"卡罗谷\""));
  EXPECT_TRUE(has_line(fm, "languages:"));
  EXPECT_TRUE(has_line(fm, "  - \"zh\""));
  EXPECT_TRUE(has_line(fm, "sources:"));
  EXPECT_TRUE(has_line(fm, "  - \"https://courier.example/hale-dam\""));
  EXPECT_TRUE(has_line(fm, "  - \"https://newsdigest.example/x?a=1&b=2\""));
  EXPECT_TRUE(has_line(fm, "events: 2"));
}

// Sources are web addresses or outlet names; a local file with neither is not listed
// (its path would name the reader's disk).
TEST(DigestMarkdown, SourcesNameNoLocalFiles) {
  Digest d = sample_digest();
  DigestStory& story = d.stories[0];
  story.events[1].articles.push_back(article("a5", "Wire copy", "Wire Daily", "", "2025-09-18", {"en"}));
  story.events[1].articles.push_back(article("a6", "Pasted text", "", "", "2025-09-18", {"en"}));
  const std::vector<std::string> fm = front_matter(digest_story_markdown(story));
  EXPECT_TRUE(has_line(fm, "  - \"Wire Daily\""));
  for (const std::string& l : fm) EXPECT_EQ(l.find("examples/pages/"), std::string::npos) << l;
}

// A page with no title, outlet or URL (a pasted text) is named by its opening words,
// never by its content id.
TEST(DigestMarkdown, AnUntitledPageIsNamedByItsOpeningWords) {
  Digest d = sample_digest();
  DigestStory& story = d.stories[0];
  DigestArticle pasted = article("c0ffee", "", "", "", "2025-09-18", {"en"});
  pasted.lead = "RIVERTON — Farmers downstream of the dam welcomed the deal on Thursday, saying …";
  story.events[1].articles.push_back(pasted);
  story.timeline[0].article_ids.push_back("c0ffee");
  const std::string md = digest_story_markdown(story);
  EXPECT_NE(md.find("- “RIVERTON — Farmers downstream of the dam welcomed the deal on Thursday, saying …”"), std::string::npos) << md;
  EXPECT_NE(md.find("RIVERTON — Farmers downstream of the d…"), std::string::npos) << md;  // in the timeline's sources
  EXPECT_EQ(md.find("c0ffee"), std::string::npos) << md;
  EXPECT_NE(digest_html(d).find("RIVERTON — Farmers downstream"), std::string::npos);
}

TEST(DigestMarkdown, YamlAndMarkdownEscaping) {
  const Digest d = sample_digest();
  const std::string md = digest_story_markdown(d.stories[1]);
  const std::vector<std::string> fm = front_matter(md);
  EXPECT_TRUE(has_line(fm, "title: \"#1 pick: \\\"Corvane\\\" <script>alert('x')</script> *recall* | chips\""));
  // The newline is an escape inside the string, never a raw line break.
  EXPECT_TRUE(has_line(fm, "description: \"2024. A year: \\\"hot\\\"\\nsecond line\""));
  EXPECT_TRUE(has_line(fm, "  - \"Corvane: Semiconductor\""));
  // In the body every Markdown-active character of the title is escaped.
  EXPECT_TRUE(has_line(lines_of(md),
                       "# \\#1 pick: \"Corvane\" \\<script\\>alert('x')\\</script\\> \\*recall\\* \\| chips"));
  EXPECT_TRUE(has_line(lines_of(md), "2024\\. A year: \"hot\" second line"));
  // A javascript: URL is never made a link.
  EXPECT_EQ(md.find("javascript:"), std::string::npos);
  // Raw only inside the quoted YAML string, where no Markdown renderer looks.
  const std::string body = md.substr(md.find("\n---\n") + 5);
  EXPECT_EQ(body.find("<script>"), std::string::npos);
  EXPECT_TRUE(has_line(fm, "  - \"Meridian Press\""));  // the outlet stands in for an unusable URL
}

TEST(DigestMarkdown, SectionsInOrder) {
  const Digest d = sample_digest();
  const std::string md = digest_story_markdown(d.stories[0]);
  const std::vector<std::string> heads = {"\n## Summary\n",  "\n## Summary (model)\n",     "\n## Interesting questions\n",
                                          "\n## Translation (Chinese)\n", "\n## Timeline\n", "\n## Quotes\n",
                                          "\n## Entities\n", "\n## Events\n"};
  std::size_t last = 0;
  for (const std::string& h : heads) {
    const std::size_t at = md.find(h);
    ASSERT_NE(at, std::string::npos) << h;
    EXPECT_GT(at, last) << h;
    last = at;
  }
  EXPECT_EQ(md.find("needs --llm"), std::string::npos);
  EXPECT_NE(md.find("1. **Q:** Why did Carrow Valley sue?\n   **A:** To delay the filling of the dam.\n"),
            std::string::npos);
  EXPECT_NE(md.find("### 卡罗谷与奥尔德莫尔就大坝争端达成和解\n"), std::string::npos);

  const std::string other = digest_story_markdown(d.stories[1]);
  EXPECT_NE(other.find("\n_Not generated (needs --llm): abstractive summary, questions and answers._\n"),
            std::string::npos);
  EXPECT_EQ(other.find("## Summary (model)"), std::string::npos);
  EXPECT_LT(other.find("## Summary\n"), other.find("needs --llm"));
  EXPECT_LT(other.find("needs --llm"), other.find("## Events\n"));
}

TEST(DigestMarkdown, TimelineQuotesEntitiesAndCopies) {
  const Digest d = sample_digest();
  const std::string md = digest_story_markdown(d.stories[0]);
  const std::vector<std::string> lines = lines_of(md);
  // Sources by outlet, one per outlet; the site's host stands in for a missing outlet.
  EXPECT_TRUE(has_line(lines, "- **2025-03-13** — Carrow Valley filed suit at the Federal Water Tribunal. "
                              "([Aldmoor Courier](<https://courier.example/hale-dam>), "
                              "[NewsDigest Hub](<https://newsdigest.example/x?a=1&b=2>), "
                              "[东岸时报](<https://dongan.example/a3>))"));
  EXPECT_TRUE(has_line(lines, "  _ends the suit of 2025-03-13_"));  // in italics, under its entry
  // Quotes grouped by speaker, the role from whichever quote has it; anonymous kept as written.
  EXPECT_TRUE(has_line(lines, "### Miriam Okafor, water minister"));
  EXPECT_TRUE(has_line(lines, "### a senior official _(unnamed source)_"));
  const std::size_t okafor = md.find("### Miriam Okafor");
  EXPECT_LT(md.find("We will not let"), md.find("This deal gives"));
  EXPECT_LT(okafor, md.find("This deal gives"));
  EXPECT_LT(md.find("This deal gives"), md.find("### a senior official"));
  EXPECT_TRUE(has_line(lines, "- “We will not let the valley run dry.” — [Aldmoor Courier](<https://courier.example/hale-dam>), "
                              "[东岸时报](<https://dongan.example/a3>)"));
  EXPECT_TRUE(has_line(lines, "- “This deal gives farmers a floor.” — [valleyradio.example](<https://www.valleyradio.example/deal>)"));
  EXPECT_TRUE(has_line(lines, "- **Miriam Okafor** (person) — water minister — also: Okafor, 奥卡福 — 5 mentions"));
  // The mirror comes right after its original, nested, marked, with its date doubted.
  const std::string original = "- [Hale vows to defend Brenmoor Dam](<https://courier.example/hale-dam>) — Aldmoor Courier, 2025-03-13";
  const std::string copy = "  - [Hale vows to defend Brenmoor Dam](<https://newsdigest.example/x?a=1&b=2>) — NewsDigest Hub, "
                           "2026-03-14 _(date doubtful)_ (mirror of Aldmoor Courier)";
  ASSERT_TRUE(has_line(lines, original)) << md;
  ASSERT_TRUE(has_line(lines, copy)) << md;
  EXPECT_EQ(md.find(original + "\n" + copy + "\n"), md.find(original));
  EXPECT_TRUE(has_line(lines, "### 2025-09-17 – 2025-09-18 · Water-sharing deal signed"));

  const std::string other = digest_story_markdown(d.stories[1]);
  EXPECT_TRUE(has_line(lines_of(other), "  - [Corvane pulls processors](<https://coastline.example/b2>) — Coastline Times, "
                                        "2025-06-10 (syndicated copy of Meridian Press)"));
  EXPECT_TRUE(has_line(lines_of(other), "- Corvane pulls processors \\<b\\>now\\</b\\> — Meridian Press, 2025-06-10"));
}

TEST(DigestMarkdown, IndexLinksEveryStory) {
  const Digest d = sample_digest();
  const std::string md = digest_index_markdown(d);
  const std::vector<std::string> lines = lines_of(md);
  EXPECT_EQ(lines.at(0), "# storyline digest");
  EXPECT_TRUE(has_line(lines, "_2 stories, 6 articles · generated 2025-10-01T12:00:00Z_")) << md;
  EXPECT_TRUE(has_line(lines, "- [Carrow Valley and Aldmoor settle the Brenmoor Dam dispute](stories/carrow-valley-dam.md) — "
                              "2025-03-13 – 2025-09-18 · 2 events · 4 articles · en, zh"));
  EXPECT_NE(md.find("](stories/corvane-recall.md)"), std::string::npos);
  EXPECT_LT(md.find("stories/carrow-valley-dam.md"), md.find("stories/corvane-recall.md"));
  EXPECT_TRUE(has_line(lines, "  A water-sharing deal ends six months of litigation."));
  EXPECT_TRUE(has_line(lines, "  Tags: Carrow Valley, 卡罗谷, Brenmoor Dam"));
  EXPECT_EQ(md.find("<script>"), std::string::npos);
}

TEST(DigestJson, RoundTripsEveryField) {
  const Digest d = sample_digest();
  const std::string text = digest_json(d);
  EXPECT_NE(text.find("\n  \"generated_at\": \"2025-10-01T12:00:00Z\""), std::string::npos);  // 2-space indent
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["generated_at"], d.generated_at);
  EXPECT_EQ(j["title"], d.title);
  EXPECT_EQ(j["articles"], 6);
  ASSERT_EQ(j["stories"].size(), 2u);
  const nlohmann::json& s = j["stories"][0];
  const DigestStory& ds = d.stories[0];
  EXPECT_EQ(s["id"], ds.id);
  EXPECT_EQ(s["slug"], ds.slug);
  EXPECT_EQ(s["title"], ds.title);
  EXPECT_EQ(s["description"], ds.description);
  EXPECT_EQ(s["first_date"], ds.first_date);
  EXPECT_EQ(s["last_date"], ds.last_date);
  EXPECT_EQ(s["languages"].get<std::vector<std::string>>(), ds.languages);
  EXPECT_EQ(s["tags"].get<std::vector<std::string>>(), ds.tags);
  EXPECT_EQ(s["summary"].get<std::vector<std::string>>(), ds.summary);
  ASSERT_EQ(s["events"].size(), 2u);
  const nlohmann::json& a = s["events"][0]["articles"][1];
  const DigestArticle& da = ds.events[0].articles[1];
  EXPECT_EQ(s["events"][0]["id"], 1);
  EXPECT_EQ(s["events"][0]["title"], ds.events[0].title);
  EXPECT_EQ(s["events"][1]["summary"].get<std::vector<std::string>>(), ds.events[1].summary);
  EXPECT_EQ(a["id"], da.id);
  EXPECT_EQ(a["title"], da.title);
  EXPECT_EQ(a["outlet"], da.outlet);
  EXPECT_EQ(a["url"], da.url);
  EXPECT_EQ(a["source"], da.source);
  EXPECT_EQ(a["date"], da.date);
  EXPECT_EQ(a["date_source"], da.date_source);
  EXPECT_EQ(a["date_suspect"], true);
  EXPECT_EQ(a["authors"].get<std::vector<std::string>>(), da.authors);
  EXPECT_EQ(a["languages"].get<std::vector<std::string>>(), da.languages);
  EXPECT_EQ(a["kind"], da.kind);
  EXPECT_EQ(a["copy_of"], "a1");
  EXPECT_EQ(a["copy_relation"], "mirror");
  EXPECT_EQ(s["timeline"][1]["date"], "2025-09-17");
  EXPECT_EQ(s["timeline"][1]["note"], ds.timeline[1].note);
  EXPECT_EQ(s["timeline"][0]["article_ids"].get<std::vector<std::string>>(), ds.timeline[0].article_ids);
  EXPECT_EQ(s["quotes"][1]["speaker"], "a senior official");
  EXPECT_EQ(s["quotes"][1]["speaker_kind"], "anonymous");
  EXPECT_EQ(s["quotes"][0]["speaker_role"], "water minister");
  EXPECT_EQ(s["quotes"][0]["article_ids"].get<std::vector<std::string>>(), ds.quotes[0].article_ids);
  EXPECT_EQ(s["entities"][1]["aliases"].get<std::vector<std::string>>(), ds.entities[1].aliases);
  EXPECT_EQ(s["entities"][1]["roles"].get<std::vector<std::string>>(), ds.entities[1].roles);
  EXPECT_EQ(s["entities"][1]["mentions"], 5);
  EXPECT_EQ(s["model"]["summary"], ds.model.summary);
  EXPECT_EQ(s["model"]["questions"][0]["question"], ds.model.questions[0].question);
  EXPECT_EQ(s["model"]["questions"][0]["answer"], ds.model.questions[0].answer);
  EXPECT_EQ(s["model"]["translation_language"], "zh");
  EXPECT_EQ(s["model"]["translated_title"], ds.model.translated_title);
  EXPECT_EQ(s["model"]["translated_summary"], ds.model.translated_summary);
  EXPECT_EQ(s["model"]["translated_questions"][0]["answer"], ds.model.translated_questions[0].answer);
  EXPECT_TRUE(s["model"]["problems"].is_array());
  EXPECT_TRUE(s["needs_model"].empty());
  EXPECT_EQ(j["stories"][1]["title"], kNastyTitle);
  EXPECT_EQ(j["stories"][1]["needs_model"].get<std::vector<std::string>>(), d.stories[1].needs_model);
  // Same Digest, same bytes.
  EXPECT_EQ(digest_json(d), text);
}

TEST(DigestJson, InvalidUtf8DoesNotThrow) {
  Digest d;
  d.title = "bad \xff byte";
  std::string out;
  EXPECT_NO_THROW(out = digest_json(d));
  EXPECT_TRUE(nlohmann::json::accept(out));
  DigestStory s;
  s.title = "bad \xC3 byte";
  EXPECT_NE(digest_story_markdown(s).find("title: \"bad \xEF\xBF\xBD byte\""), std::string::npos);
}

TEST(DigestMarkdown, LongLabelsCutOnCharacterBoundaries) {
  // No outlet and no URL: the title stands in, shortened; 13 CJK characters are 39 bytes.
  DigestStory s;
  DigestEvent e;
  std::string title;
  for (int i = 0; i < 20; ++i) title += "卡";
  e.articles = {article("z", title, "", "", "", {"zh"})};
  s.events = {e};
  DigestTimelineEntry t;
  t.date = "2025-01-02";
  t.text = "x";
  t.article_ids = {"z"};
  s.timeline = {t};
  std::string label;
  for (int i = 0; i < 13; ++i) label += "卡";
  EXPECT_NE(digest_story_markdown(s).find("- **2025-01-02** — x (" + label + "…)\n"), std::string::npos);
  Digest d;
  d.stories = {s};
  EXPECT_NE(digest_html(d).find("x <span class=\"src\"><span lang=\"zh\">" + label + "…</span></span>"),
            std::string::npos);
}

struct ParsedHtml {
  htmlDocPtr doc = nullptr;
  std::vector<std::string> errors;
  ~ParsedHtml() { xmlFreeDoc(doc); }
};

int count(htmlDocPtr doc, const char* xpath) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath), ctx);
  const int n = obj && obj->nodesetval ? obj->nodesetval->nodeNr : -1;
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  return n;
}

std::string string_of(htmlDocPtr doc, const char* xpath) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath), ctx);
  std::string out;
  if (obj && obj->type == XPATH_STRING && obj->stringval) out = reinterpret_cast<const char*>(obj->stringval);
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  return out;
}

void parse_html(const std::string& html, ParsedHtml& out) {
  // The error callback's parameter is const in newer libxml2; a generic lambda fits both.
  xmlSetStructuredErrorFunc(&out.errors, [](void* ctx, auto err) {
    // libxml2 2.9's HTML parser predates HTML5 and calls <main>, <details>, … unknown:
    // that is its tag table talking, not a fault in the page.
    if (err->code == XML_HTML_UNKNOWN_TAG) return;
    static_cast<std::vector<std::string>*>(ctx)->push_back(std::to_string(err->line) + ": " +
                                                            (err->message ? err->message : "?"));
  });
  out.doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
}

TEST(DigestHtml, ParsesAndHasTheExpectedElements) {
  const Digest d = sample_digest();
  const std::string html = digest_html(d);
  ASSERT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  ParsedHtml p;
  parse_html(html, p);
  ASSERT_NE(p.doc, nullptr);
  EXPECT_TRUE(p.errors.empty()) << p.errors.front();
  EXPECT_EQ(count(p.doc, "//details[@class='story']"), 2);
  EXPECT_EQ(count(p.doc, "//details[@id='story-carrow-valley-dam']/summary"), 1);
  EXPECT_EQ(count(p.doc, "//input[@id='filter'][@type='search']"), 1);
  EXPECT_EQ(count(p.doc, "//style"), 1);
  // One script, ours: the title's <script> is text.
  EXPECT_EQ(count(p.doc, "//script"), 1);
  EXPECT_EQ(string_of(p.doc, "string(//details[@id='story-corvane-recall']//span[@class='title'])"), kNastyTitle);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  // No external resources, and the javascript: URL did not become a link.
  EXPECT_EQ(count(p.doc, "//*[@src]"), 0);
  EXPECT_EQ(count(p.doc, "//link"), 0);
  EXPECT_EQ(count(p.doc, "//a[starts-with(@href,'javascript')]"), 0);
  EXPECT_EQ(count(p.doc, "//a[@href='https://newsdigest.example/x?a=1&b=2']"), 2);  // timeline + article list
  // Sections of the first story.
  for (const char* h : {"Summary", "Summary (model)", "Interesting questions", "Timeline", "Quotes", "Entities",
                        "Events and sources"})
    EXPECT_EQ(count(p.doc, (std::string("//details[@id='story-carrow-valley-dam']//h3[.='") + h + "']").c_str()), 1) << h;
  EXPECT_EQ(count(p.doc, "//details[@id='story-carrow-valley-dam']//ol[@class='timeline']/li"), 2);
  EXPECT_EQ(count(p.doc, "//div[@class='tnote'][.='ends the suit of 2025-03-13']"), 1);
  EXPECT_EQ(count(p.doc, "//div[@class='speaker']"), 2);
  EXPECT_EQ(count(p.doc, "//div[@class='speaker'][h4[contains(.,'Miriam Okafor')]]/blockquote"), 2);
  EXPECT_EQ(count(p.doc, "//div[@class='speaker']/h4[contains(.,'a senior official')]/span[.='unnamed source']"), 1);
  EXPECT_EQ(count(p.doc, "//table[@class='entities']/tbody/tr"), 2);
  // Copies and doubtful dates are marked on the article line.
  EXPECT_EQ(count(p.doc, "//li[@class='copy-of'][span[@class='suspect']][span[@class='copy'][.='mirror of Aldmoor Courier']]"), 1);
  EXPECT_EQ(count(p.doc, "//span[@class='copy'][.='syndicated copy of Meridian Press']"), 1);
  // Chinese text carries its language.
  EXPECT_GE(count(p.doc, "//span[@lang='zh-CN'][.='卡罗谷就布伦莫尔大坝蓄水提起诉讼']"), 1);
  EXPECT_GE(count(p.doc, "//span[@lang='zh'][.='卡罗谷']"), 1);
  EXPECT_EQ(count(p.doc, "//section[@class='translation'][@lang='zh']/h4"), 1);
  // The second story says what needs a model.
  EXPECT_EQ(count(p.doc, "//details[@id='story-corvane-recall']//p[@class='note'][contains(.,'needs --llm')]"), 1);
  EXPECT_EQ(digest_html(d), html);
}

TEST(DigestHtml, EmptyDigestIsStillAPage) {
  ParsedHtml p;
  parse_html(digest_html(Digest{}), p);
  ASSERT_NE(p.doc, nullptr);
  EXPECT_TRUE(p.errors.empty());
  EXPECT_EQ(count(p.doc, "//details"), 0);
  EXPECT_EQ(count(p.doc, "//h1[.='storyline digest']"), 1);
}

}  // namespace
}  // namespace storyline
