// HTML metadata and main-content scoring, on pages written for the test.
#include <gtest/gtest.h>

#include "extract/html_content.h"
#include "extract/html_metadata.h"
#include "storyline/extract.h"

namespace storyline::extract {
namespace {

const char* kPage = R"(<!doctype html>
<html lang="en-GB"><head>
<title>Pier to close after storms - Lantern Gazette</title>
<meta property="og:site_name" content="Lantern Gazette">
<meta property="og:title" content="Pier to close after storms">
<meta name="description" content="Repairs would cost more than a new pier.">
<meta property="article:published_time" content="2031-03-03T09:00:00+01:00">
<meta property="article:modified_time" content="2031-03-03T16:05:00+01:00">
<meta property="article:tag" content="Harbour">
<link rel="canonical" href="https://lanterngazette.example/2031/03/03/pier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Pier to close after storms","datePublished":"2031-03-03T09:00:00+01:00",
 "author":[{"@type":"Person","name":"Mara Lind"},{"@type":"Person","name":"Teo Varga"}],
 "publisher":{"@type":"Organization","name":"Lantern Gazette"}}</script>
<style>p { color: red }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="page">
 <article class="story">
  <h1>Pier to close after storms</h1>
  <div class="byline">By Mara Lind and Teo Varga</div>
  <time datetime="2031-03-03T09:00:00+01:00">March 3, 2031</time>
  <figure><img src="pier.jpg"><figcaption>The old pier at dawn.</figcaption></figure>
  <p>BERGEN — The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two winters of storms that cracked its pilings.</p>
  <p>“We cannot keep patching a structure that the sea has already decided to take,” council leader Ines Aalto said, adding that a new pier would open by 2030.</p>
  <div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
  <h2>What happens to the ferries</h2>
  <p>Ferry operators said the closure would add twenty minutes to the morning crossing, and several asked for a temporary shuttle from the north quay.</p>
  <ul><li>Shuttles would run every half hour.</li><li>Fares stay the same until the new pier opens.</li></ul>
 </article>
 <aside class="related"><h3>Related</h3><ul>
  <li><a href="/a">Fishing fleet returns early as storms continue their run along the coast</a></li>
  <li><a href="/b">New bridge plan divides the valley after a long and bitter public meeting</a></li></ul></aside>
</div>
<footer><p>© 2031 Lantern Gazette Media Ltd. All rights reserved.</p></footer>
</body></html>)";

TEST(HtmlMetadata, JsonLdMetaAndLinks) {
  HtmlDoc doc = parse_html(kPage);
  ASSERT_TRUE(doc);
  HtmlMetadata m = read_html_metadata(doc.get());
  EXPECT_EQ(m.title, "Pier to close after storms");
  EXPECT_EQ(m.site_name, "Lantern Gazette");
  EXPECT_EQ(m.description, "Repairs would cost more than a new pier.");
  EXPECT_EQ(m.url, "https://lanterngazette.example/2031/03/03/pier");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Mara Lind", "Teo Varga"}));
  EXPECT_EQ(m.published, "2031-03-03T09:00:00+01:00");
  EXPECT_EQ(m.published_source, "jsonld");
  EXPECT_EQ(m.updated, "2031-03-03T16:05:00+01:00");
  EXPECT_EQ(m.updated_source, "meta");
  EXPECT_EQ(m.lang, "en-GB");
  EXPECT_EQ(m.tags, std::vector<std::string>{"Harbour"});
  EXPECT_EQ(m.jsonld_type, "NewsArticle");
}

TEST(HtmlContent, ArticleWithoutNavigationShareOrRelated) {
  HtmlDoc doc = parse_html(kPage);
  HtmlContent c = extract_html_content(doc.get(), "Pier to close after storms");
  ASSERT_TRUE(c.found_container);
  std::string body;
  for (const Block& b : c.blocks) body += b.text + "\n";
  EXPECT_TRUE(body.starts_with("BERGEN — The harbour council")) << body;
  EXPECT_NE(body.find("What happens to the ferries"), std::string::npos);
  EXPECT_NE(body.find("Fares stay the same"), std::string::npos);
  for (const char* junk : {"Home", "Share", "Tweet", "Fishing fleet", "©", "By Mara Lind", "color"})
    EXPECT_EQ(body.find(junk), std::string::npos) << junk;
  EXPECT_EQ(c.captions, std::vector<std::string>{"The old pier at dawn."});
  // Typed blocks: the subheading and the list survive as such.
  bool heading = false, list = false;
  for (const Block& b : c.blocks) {
    heading |= b.type == BlockType::kHeading && b.text == "What happens to the ferries";
    list |= b.type == BlockType::kListItem && b.text == "Shuttles would run every half hour.";
  }
  EXPECT_TRUE(heading);
  EXPECT_TRUE(list);
}

TEST(ExtractArticle, HtmlEndToEnd) {
  Document d;
  d.source = "pier.html";
  d.bytes = kPage;
  Result<Article> a = extract_article(d);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Pier to close after storms");
  EXPECT_EQ(a->outlet, "Lantern Gazette");
  EXPECT_EQ(a->date_source, "jsonld");
  EXPECT_EQ(a->page_date, "2031-03-03T09:00:00+01:00");
  EXPECT_EQ(a->dateline, "BERGEN");
  ASSERT_FALSE(a->languages.empty());
  EXPECT_EQ(a->languages[0], "en-GB");
}

TEST(ExtractArticle, JsonDataIsNotAPage) {
  Document d;
  d.source = "expected.json";
  d.bytes = "\n{\"about\": \"answer key\", \"articles\": {\"a.txt\": {\"title\": \"Pier to close\"}}}\n";
  Result<Article> a = extract_article(d);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("JSON data"), std::string::npos);
  // Text that only starts like JSON is still a page.
  d.bytes = "[Updated] Pier to close\n\nThe harbour council voted on Tuesday to close the old ferry pier.\n";
  EXPECT_TRUE(extract_article(d).ok());
}

TEST(ExtractArticle, DeepNestingIsLinearAndSafe) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  Document d;
  d.bytes = page;
  Result<Article> a = extract_article(d);
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text().find("close the old ferry pier"), std::string::npos);
}

TEST(HtmlContent, DataTablesBecomeRowsLayoutTablesDoNot) {
  const char* page = R"(<html><body><article>
  <p>The harbour council published the ferry timetable for the weeks of the closure, with the new crossing times.</p>
  <table><tr><th>Route</th><th>Departs</th></tr><tr><td>North quay</td><td>07:10</td></tr></table>
  <table><tr><td><p>A layout cell holds ordinary paragraphs of the article, which stay paragraphs.</p></td></tr></table>
  </article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  ASSERT_EQ(c.blocks.size(), 4u);
  EXPECT_EQ(c.blocks[1].type, BlockType::kTableRow);
  EXPECT_EQ(c.blocks[1].text, "Route | Departs");
  EXPECT_EQ(c.blocks[2].text, "North quay | 07:10");
  EXPECT_EQ(c.blocks[3].type, BlockType::kParagraph);
}

TEST(ExtractArticle, RelativeDatePrintedOnThePage) {
  Document d;
  d.fetched_at = "2031-03-05T12:00:00Z";
  d.bytes = R"(<html><body><article><h1>Pier to close</h1><span class="post-date">Posted 2 days ago</span>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings and tore away part of the deck.</p></article></body></html>)";
  Result<Article> a = extract_article(d);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2031-03-03");
  EXPECT_TRUE(a->date_relative);
  // Without a reference time, a relative date stays unresolved rather than guessed.
  d.fetched_at.clear();
  EXPECT_EQ(extract_article(d)->published, "");
}

TEST(ExtractArticle, FutureDatesAreDroppedWithAWarning) {
  Document d;
  d.fetched_at = "2031-03-05T12:00:00Z";
  d.bytes = R"(<html><head><meta property="article:published_time" content="2032-01-01T00:00:00Z"></head>
  <body><article><p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs.</p>
  </article></body></html>)";
  Result<Article> a = extract_article(d);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "");
  bool warned = false;
  for (const std::string& w : a->warnings) warned |= w.find("after the reference time") != std::string::npos;
  EXPECT_TRUE(warned);
}

// Joins the blocks of an extraction, one a line.
std::string body_of(const HtmlContent& c) {
  std::string body;
  for (const Block& b : c.blocks) body += b.text + "\n";
  return body;
}

TEST(HtmlContent, SourceLineBreaksAreSpacesBrAndPreSplit) {
  const char* page = "<html><body><article><div><span>Photos\n which were released online on Monday show the\n"
                     "harbour council's new pier, finished two years late and over budget.<br>A second line"
                     " after a break closes the story of the pier that the sea could not take.</span></div>"
                     "<pre>line one\nline two</pre><p>The council will meet again in May to choose a builder for "
                     "the new pier.</p></article></body></html>";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_NE(body.find("Photos which were released online on Monday show the harbour council's"), std::string::npos) << body;
  EXPECT_NE(body.find("\nA second line after a break"), std::string::npos) << body;
  EXPECT_NE(body.find("line one\nline two"), std::string::npos) << body;
}

TEST(HtmlContent, DivsOfInlineTextAreParagraphs) {
  // No <p> at all: each paragraph is a <div> whose text sits in <span>s.
  const char* page = R"(<html><body><div class="nav"><a href="/">Home</a> <a href="/n">News</a></div>
  <div class="x1"><div><span><span>Veteran actress Mara Lind, who in 2008 won the award for best actress in a
  leading role, has shared new photos of herself on her page.</span></span></div>
  <div><span>She carried a hand bag in the colours of the flag. The actress was one of the guests invited to an
  event by a media mogul, the organisers said.</span></div></div></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  EXPECT_TRUE(c.found_container);
  const std::string body = body_of(c);
  EXPECT_NE(body.find("Veteran actress Mara Lind"), std::string::npos) << body;
  EXPECT_NE(body.find("She carried a hand bag"), std::string::npos) << body;
  EXPECT_EQ(body.find("Home"), std::string::npos) << body;
}

TEST(HtmlContent, EmbeddedPostsKeepTheirTextAndAttribution) {
  const char* page = R"(<html><body><article>
  <p>The state's new slogan for an anti-drug campaign drew a large share of attention on social media on Monday,
  and the governor answered her critics within hours.</p>
  <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and the state spent
  nearly half a million on it <a href="https://t.example/x">t.example/x</a></p>— Dana Roe (@danaroe)
  <a href="https://t.example/s/1">November 18, 2031</a></blockquote></div>
  <p>The agency that wrote the campaign has been paid nearly half a million dollars so far this year, a report said.</p>
  <div class="social-share"><a href="#">Share</a> <a href="#">Tweet</a></div>
  </article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_NE(body.find("Yes this is real"), std::string::npos) << body;
  EXPECT_NE(body.find("— Dana Roe (@danaroe) November 18, 2031"), std::string::npos) << body;
  EXPECT_EQ(body.find("Share"), std::string::npos) << body;
}

TEST(HtmlContent, TeaserSiblingsStayOutParagraphSiblingsJoin) {
  // The article's lead paragraphs sit next to the wrapper of the rest; after it, a block
  // of teasers (a headline link and a line of summary each) scores like prose.
  std::string page = R"(<html><body><div class="wrap">
  <div class="para">The council voted on Tuesday to close the old ferry pier, citing the cost of repairs after storms.</div>
  <div class="para">You shouldn't just believe them.</div>
  <div class="rest">)";
  for (int i = 0; i < 4; ++i)
    page += "<p>Ferry operators said the closure would add twenty minutes to the crossing, and several of them, "
            "worried about the winter, asked for a temporary shuttle from the north quay to the harbour.</p>";
  page += R"(</div><div class="more">)";
  for (int i = 0; i < 4; ++i)
    page += "<div><h3><a href=\"/t\">Fishing fleet returns early as storms continue</a></h3><p>The boats came back "
            "three days early, with half of their usual catch, and the crews said more storms were coming.</p></div>";
  page += "</div></div></body></html>";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_TRUE(body.starts_with("The council voted on Tuesday")) << body;
  EXPECT_NE(body.find("You shouldn't just believe them."), std::string::npos) << body;
  EXPECT_EQ(body.find("Fishing fleet"), std::string::npos) << body;
  EXPECT_EQ(body.find("The boats came back"), std::string::npos) << body;
}

TEST(HtmlContent, CallToActionBoxIsNotBody) {
  std::string page = "<html><body><article>";
  for (int i = 0; i < 3; ++i)
    page += "<p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after "
            "two winters of storms that cracked its pilings.</p>";
  page += R"(<div class="cta letter"><h3>A word to our readers</h3><p>We do this work every day at no cost to you,
  but it is far from free to produce, and we cannot afford to slow down. Support us today.</p></div>
  </article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  EXPECT_EQ(body_of(c).find("no cost to you"), std::string::npos) << body_of(c);
}

TEST(HtmlContent, ParagraphWithBoilerplateClassIsNotBody) {
  std::string page = "<html><body><article>";
  for (int i = 0; i < 3; ++i)
    page += "<p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after "
            "two winters of storms that cracked its pilings.</p>";
  page += R"(<p class="share-note">Sharing is caring, so tell your friends about this story today!</p>
  <p class="comment-form-notice">This site filters spam. Learn how your comment data is processed.</p>
  </article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_NE(body.find("The harbour council voted"), std::string::npos) << body;
  EXPECT_EQ(body.find("Sharing is caring"), std::string::npos) << body;
  EXPECT_EQ(body.find("comment data"), std::string::npos) << body;
}

TEST(HtmlContent, TheStoryIsTheArticleUnderTheH1) {
  // One post, then "You may also like": other posts, each an <article> of prose.
  std::string page = R"(<html><body><div class="main"><article class="post"><h1>Only those who love</h1>
  <p>To live a true experience of love is one of the greatest pleasures of life, and to show it, one needs
  only a little courage, a little patience and the ideas each of us has about the other, every day.</p>
  <p>Liking is feeling with the soul; saying so depends on each of us, and on the words we find for it.</p>
  <p>So say it today, to the ones you love, while there is time: tomorrow the words may not come so easily.</p></article>
  <article class="post"><h3>You may also like</h3>)";
  for (int i = 0; i < 6; ++i)
    page += "<article class=\"post\"><p>Life asks us for optimism and courage, to hope for the best and to make the "
            "best happen, for pessimism only stiffens the smile and locks the joints of the soul.</p></article>";
  page += "</article></div></body></html>";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "Only those who love");
  const std::string body = body_of(c);
  EXPECT_TRUE(body.starts_with("To live a true experience of love")) << body;
  EXPECT_NE(body.find("Liking is feeling with the soul"), std::string::npos) << body;
  EXPECT_EQ(body.find("Life asks us for optimism"), std::string::npos) << body;

  // Sibling <article>s with no headline among them are sections of one story.
  std::string sections = "<html><body><h1>Avalanche report</h1><main>";
  for (int i = 0; i < 4; ++i)
    sections += "<article class=\"block\"><p>Section " + std::to_string(i) +
                ": fresh snow and strong winds formed drifts on the north slopes, where the danger stays "
                "considerable above the tree line, the forecasters wrote.</p></article>";
  sections += "</main></body></html>";
  HtmlDoc doc2 = parse_html(sections);
  HtmlContent c2 = extract_html_content(doc2.get(), "Avalanche report");
  const std::string body2 = body_of(c2);
  for (int i = 0; i < 4; ++i)
    EXPECT_NE(body2.find("Section " + std::to_string(i) + ":"), std::string::npos) << body2;
}

TEST(HtmlContent, HandNumberedListAndWrittenOutAddressesStay) {
  // Items numbered by hand as lines of one paragraph, each with its shop address written
  // out as the link's text: short, no sentence punctuation, yet the article's content.
  const char* page = R"(<html><body><article>
  <p>The lighthouse club put together its winter wish list for members who still miss the old harbour
  shop, and every item on it can be ordered from the museum store this week.</p>
  <p>Here is what the members chose:</p>
  <p>1) Brass ship's bell, small<br><a href="https://shop.example/bell">https://shop.example/bell</a><br>
  2) Harbour chart of 1931<br><a href="https://shop.example/chart">https://shop.example/chart</a><br>
  3) Lamp room poster<br><a href="https://shop.example/poster">https://shop.example/poster</a></p>
  </article><div class="more"><a href="/a">Storm watch</a> <a href="/b">Ferry times</a></div></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_NE(body.find("Here is what the members chose:\n1) Brass ship's bell, small\nhttps://shop.example/bell\n"),
            std::string::npos) << body;
  EXPECT_NE(body.find("3) Lamp room poster\nhttps://shop.example/poster"), std::string::npos) << body;
  EXPECT_EQ(body.find("Storm watch"), std::string::npos) << body;
}

TEST(HtmlContent, UnnumberedShortTailStillTrimmed) {
  // Short lines at the end that are not a numbered run stay out ("1)" alone is no run).
  const char* page = R"(<html><body><article>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings.</p>
  <p>1) Harbour news</p><p>Tags harbour pier</p></article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_NE(body.find("close the old ferry pier"), std::string::npos) << body;
  EXPECT_EQ(body.find("Harbour news"), std::string::npos) << body;
  EXPECT_EQ(body.find("Tags harbour"), std::string::npos) << body;
}

TEST(HtmlContent, HeadingRightAfterTheH1IsTheStandfirst) {
  const char* page = R"(<html><body><article>
  <div class="head"><h1>Pier to close after storms</h1>
  <h2>Repairs would cost more than a new pier, the council says, and the ferries will move north.</h2></div>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings.</p>
  <h2>What happens to the ferries</h2>
  <p>Ferry operators said the closure would add twenty minutes to the morning crossing, and several asked
  for a temporary shuttle from the north quay.</p></article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "Pier to close after storms");
  const std::string body = body_of(c);
  EXPECT_EQ(body.find("Repairs would cost more"), std::string::npos) << body;
  EXPECT_NE(body.find("What happens to the ferries"), std::string::npos) << body;
  EXPECT_TRUE(body.starts_with("The harbour council voted")) << body;
  // A short heading there is the body's first section title.
  HtmlDoc doc2 = parse_html(R"(<html><body><article><h1>Pier to close after storms</h1><h2>What the council decided</h2>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings.</p></article></body></html>)");
  HtmlContent c2 = extract_html_content(doc2.get(), "Pier to close after storms");
  EXPECT_TRUE(body_of(c2).starts_with("What the council decided\nThe harbour council voted")) << body_of(c2);
}

TEST(HtmlContent, HeadlineAfterALogoH1IsNotBodyWhateverTheTitleSays) {
  // The logo is the page's first <h1>, in a masthead; the headline is the first <h1>
  // outside such furniture. The <title> carries a section prefix, so it matches neither.
  const char* page = R"(<html><body>
  <header class="masthead"><h1><a href="/">Lantern Gazette</a></h1></header>
  <article><h1>Pier to close after storms</h1>
  <h2>Repairs would cost more than a new pier, the council says, and the ferries will move north.</h2>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings.</p>
  <p>Ferry operators said the closure would add twenty minutes to the morning crossing, and several asked
  for a temporary shuttle from the north quay.</p></article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "Opinion | Pier to close after storms");
  const std::string body = body_of(c);
  EXPECT_TRUE(body.starts_with("The harbour council voted")) << body;
  EXPECT_EQ(body.find("Pier to close"), std::string::npos) << body;
  EXPECT_EQ(body.find("Repairs would cost more"), std::string::npos) << body;
  EXPECT_NE(body.find("temporary shuttle"), std::string::npos) << body;
}

TEST(HtmlContent, LabelThenLinkPointsElsewhere) {
  // "Read more: <a>headline</a>" between paragraphs points to another story; a sentence
  // that merely holds a link stays.
  const char* page = R"(<html><body><article>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings.</p>
  <p>Read more: <a href="/a">Fishing fleet returns early as storms continue along the coast</a></p>
  <p>Ferry operators said, in <a href="/b">a letter to the council</a>, that the closure would add twenty
  minutes to the morning crossing.</p></article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_EQ(body.find("Fishing fleet"), std::string::npos) << body;
  EXPECT_EQ(body.find("Read more"), std::string::npos) << body;
  EXPECT_NE(body.find("in a letter to the council, that"), std::string::npos) << body;
}

TEST(HtmlContent, ShortSubheadingsAndListItemsAreContent) {
  // "Verdict" and "Costs" are section titles (text follows them); the one-word items are
  // the article's list. "Share" is furniture by its words; "More stories" heads only links.
  const char* page = R"(<html><body><article>
  <p>The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two
  winters of storms that cracked its pilings.</p>
  <h3>Costs</h3>
  <p>Engineers put the repairs at four million, more than a new pier would cost over the next decade.</p>
  <p>The shuttle will carry:</p>
  <ul><li>Bicycles</li><li>Prams</li><li>Wheelchairs</li></ul>
  <h3>Share</h3>
  <h3>Verdict</h3>
  <p>The council chose the cheaper path, and the town will miss its pier for a few summers.</p>
  <h3>More stories</h3>
  <div class="list"><a href="/a">Storm watch for the coast</a> <a href="/b">Ferry times change</a></div>
  <p>The council meets again in May to choose a builder for the new pier at the north quay.</p>
  </article></body></html>)";
  HtmlDoc doc = parse_html(page);
  HtmlContent c = extract_html_content(doc.get(), "");
  const std::string body = body_of(c);
  EXPECT_NE(body.find("\nCosts\nEngineers put"), std::string::npos) << body;
  EXPECT_NE(body.find("\nVerdict\nThe council chose"), std::string::npos) << body;
  EXPECT_NE(body.find("\nBicycles\nPrams\nWheelchairs\n"), std::string::npos) << body;
  EXPECT_EQ(body.find("Share"), std::string::npos) << body;
  EXPECT_EQ(body.find("More stories"), std::string::npos) << body;
  EXPECT_EQ(body.find("Storm watch"), std::string::npos) << body;
  bool heading = false;
  for (const Block& b : c.blocks) heading |= b.type == BlockType::kHeading && b.text == "Costs";
  EXPECT_TRUE(heading);
}

TEST(DetectFormat, ByContent) {
  EXPECT_EQ(detect_format("<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("  <div><p>text</p></div>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("---\ntitle: x\n---\nbody"), InputFormat::kMarkdown);
  EXPECT_EQ(detect_format("Just text, with a < sign."), InputFormat::kText);
}

}  // namespace
}  // namespace storyline::extract
