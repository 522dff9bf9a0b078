// The HTML parser: the tree it builds from broken pages, references, and its cost on
// pathological nesting. Every page here was written for this test.
#include <gtest/gtest.h>

#include "extract/html_dom.h"
#include "extract/html_entities.h"

namespace storyline::extract {
namespace {

// The tree in one line: elements as name(children), text quoted, raw text in [].
void dump(const Node* n, std::string& out) {
  for (; n; n = n->next) {
    if (n->type == NodeType::kElement) {
      out += n->name;
      for (std::uint32_t i = 0; i < n->attr_count; ++i)
        out += " " + std::string(n->attrs[i].name) + "=" + std::string(n->attrs[i].value);
      out += "(";
      dump(n->children, out);
      out += ")";
    } else if (n->type == NodeType::kText) {
      out += "'" + std::string(n->content) + "'";
    } else if (n->type == NodeType::kRawText) {
      out += "[" + std::string(n->content) + "]";
    }
  }
}

std::string tree(std::string_view html) {
  HtmlDoc doc = parse_html(html);
  std::string out;
  dump(root_element(doc.get()), out);
  return out;
}

TEST(HtmlParse, ImpliesHtmlHeadBodyAndParagraphs) {
  EXPECT_EQ(tree("<title>T</title><p>x"), "html(head(title('T'))body(p('x')))");
  EXPECT_EQ(tree("just text"), "html(body(p('just text')))");
  EXPECT_EQ(tree("<div>a</div>"), "html(body(div('a')))");
}

TEST(HtmlParse, StartTagsCloseWhatTheyEnd) {
  EXPECT_EQ(tree("<p>a<p>b<div>c</div>"), "html(body(p('a')p('b')div('c')))");
  EXPECT_EQ(tree("<ul><li>a<li>b</ul>"), "html(body(ul(li('a')li('b'))))");
  EXPECT_EQ(tree("<table><tr><td>a<td>b<tr><td>c</table>"),
            "html(body(table(tr(td('a')td('b'))tr(td('c')))))");
  EXPECT_EQ(tree("<dl><dt>a<dd>b<dt>c</dl>"), "html(body(dl(dt('a')dd('b')dt('c'))))");
  // HTML 4 knows no <section>: it does not end a <p> (as libxml2 reads it).
  EXPECT_EQ(tree("<p>a<section>b</section>"), "html(body(p('a'section('b'))))");
}

TEST(HtmlParse, EndTagsReachOnlyAsFarAsTheirPriority) {
  // A stray </span> does not close the <div> it is in; a </div> closes the <span>.
  EXPECT_EQ(tree("<div><span>a</div>b"), "html(body(div(span('a'))'b'))");
  EXPECT_EQ(tree("<div>a</span>b</div>"), "html(body(div('ab')))");
  EXPECT_EQ(tree("<table><tr><td><div>a</td>b</div>c</table>"), "html(body(table(tr(td(div('a'))'bc'))))");
  EXPECT_EQ(tree("<p>a</br>b</p>"), "html(body(p('ab')))");
}

TEST(HtmlParse, VoidAndSelfClosedElements) {
  EXPECT_EQ(tree("<p>a<br>b<img src=x>c</p>"), "html(body(p('a'br()'b'img src=x()'c')))");
  EXPECT_EQ(tree("<div/>after"), "html(body(div()'after'))");
}

TEST(HtmlParse, AttributesAreLowerCasedDecodedAndFirstWins) {
  EXPECT_EQ(tree("<div CLASS=\"A b\" id='x' data-u=a&amp;b hidden>t</div>"),
            "html(body(div class=A b id=x data-u=a&b hidden=(" "'t')))");
  EXPECT_EQ(tree("<div a=1 a=2 checked>t</div>"), "html(body(div a=1 checked=checked('t')))");
  HtmlDoc doc = parse_html("<p class=lead data-x>t</p>");
  Node* p = root_element(doc.get())->children->children;
  EXPECT_EQ(attr_of(p, "class"), "lead");
  EXPECT_TRUE(has_attr(p, "data-x"));
  EXPECT_FALSE(has_attr(p, "id"));
  EXPECT_EQ(attr_of(p, "id"), "");
}

TEST(HtmlParse, CharacterReferences) {
  EXPECT_EQ(tree("<p>&amp; &eacute;&#233;&#xE9; &mdash;</p>"), "html(body(p('& ééé —')))");
  // Unknown names and names without ';' stay as written; a reference to nothing goes.
  EXPECT_EQ(tree("<p>AT&T &nbsp &bogus; a&#0;b</p>"), "html(body(p('AT&T &nbsp &bogus; ab')))");
  EXPECT_EQ(html::named_reference("hellip"), U'\u2026');
  EXPECT_EQ(html::named_reference("Eacute"), U'\u00C9');
  EXPECT_EQ(html::named_reference("nosuch"), 0u);
}

TEST(HtmlParse, ScriptsAndStylesKeepOnlyJsonLd) {
  EXPECT_EQ(tree("<script>if (a<b) x('</p>')</script><style>p{}</style><p>t</p>"),
            "html(head(script()style())body(p('t')))");
  EXPECT_EQ(tree("<script type=\"application/ld+json\">{\"a\":\"<b>\"}</SCRIPT><p>t</p>"),
            "html(head(script type=application/ld+json([{\"a\":\"<b>\"}]))body(p('t')))");
}

TEST(HtmlParse, CommentsDoctypesAndInstructionsMakeNoNodes) {
  EXPECT_EQ(tree("<!DOCTYPE html><!-- c --><p>a<!-- x -->b<?php y ?></p>"), "html(body(p('a''b')))");
  // A comment ends at "-->" only; "<!-x>" is text in libxml2 2.9.
  EXPECT_EQ(tree("<p>a<!--->b-->c</p>"), "html(body(p('a''c')))");
  EXPECT_EQ(tree("<p>a<!x>b</p>"), "html(body(p('a<!x>b')))");
}

TEST(HtmlParse, BlankTextIsKeptBetweenInlineContentOnly) {
  // Blank after an element that may hold text counts ("<li>a</li> "), before does not.
  EXPECT_EQ(tree("<ul> <li>a</li> </ul>"), "html(body(ul(li('a')' ')))");
  EXPECT_EQ(tree("<p><b>a</b> <i>b</i></p>"), "html(body(p(b('a')' 'i('b'))))");
  EXPECT_EQ(tree("<p>a\x1d" "b</p>"), "html(body(p('ab')))");
}

TEST(HtmlParse, MisplacedHtmlBodyAndHeadTags) {
  // The second <body> is dropped, and with it one </body>.
  EXPECT_EQ(tree("<body>a<body class=x>b</body>c</body>d"), "html(body('abc')p('d'))");
  EXPECT_EQ(tree("<html lang=en><html lang=de><p>x</p></html>"), "html lang=en(body(p('x')))");
  // Namespaced elements are named by their local part.
  EXPECT_EQ(tree("<fb:like>x</fb:like>"), "html(body(like('x')))");
}

TEST(HtmlParse, DeepNestingAndStrayEndTagsAreLinear) {
  std::string page = "<div><i>";
  for (int i = 0; i < 100000; ++i) page += "<div><b>";
  // Each stray </i> would scan the whole stack in a naive parser.
  for (int i = 0; i < 100000; ++i) page += "</i>";
  page += "<p>bottom</p>";
  HtmlDoc doc = parse_html(page);
  std::string text = text_of(root_element(doc.get()));
  EXPECT_EQ(text, "bottom");
  EXPECT_GT(doc->node_count(), 200000u);
}

TEST(HtmlParse, TextOfSkipsNonContentAndSeparatesBlocks) {
  HtmlDoc doc = parse_html("<div><p>One</p><p>Two <b>bold</b></p><script>x</script><select><option>o</select></div>");
  EXPECT_EQ(text_of(root_element(doc.get())), "One Two bold");
}

TEST(HtmlParse, NeverFailsOnGarbage) {
  for (std::string_view s : {std::string_view(""), std::string_view("<"), std::string_view("</"), std::string_view("<!--"),
                             std::string_view("<a href=\"x"), std::string_view("<?"), std::string_view("&#"),
                             std::string_view("<<<>>>"), std::string_view("\0\0", 2)}) {
    HtmlDoc doc = parse_html(s);
    ASSERT_TRUE(doc);
  }
}

// The element classes, name by name (answered by first letter, then by name).
TEST(HtmlTags, BlockAndNonContentNames) {
  for (std::string_view t : {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
                             "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
                             "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "form", "fieldset", "address",
                             "hr", "br", "center", "details", "summary", "body", "html"})
    EXPECT_TRUE(is_block_tag(t)) << t;
  for (std::string_view t : {"", "a", "span", "h", "h0", "h7", "hx", "head", "b", "i", "img", "tfoot", "dialog", "menu",
                             "picture", "time", "em", "strong", "ps", "divx", "x-div"})
    EXPECT_FALSE(is_block_tag(t)) << t;
  for (std::string_view t : {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "textarea",
                             "object", "embed", "canvas", "input", "map", "video", "audio", "math", "option"})
    EXPECT_TRUE(is_non_content_tag(t)) << t;
  for (std::string_view t : {"", "a", "p", "div", "span", "header", "img", "picture", "source", "sup", "mark", "main",
                             "textareas", "opt", "scripts"})
    EXPECT_FALSE(is_non_content_tag(t)) << t;
}

}  // namespace
}  // namespace storyline::extract
