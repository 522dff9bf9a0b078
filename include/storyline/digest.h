// Digest: the main job's result as plain data — stories → events → articles, with each
// story's summary, timeline, quotes and entities — and its renderings.
//
// The data is built by build_digest (digest_build.h) from the store; this header only
// describes it and turns it into files: one Markdown page per story (YAML front matter
// like a blog post: title, date, updated, description, tags, languages, sources), an
// index page, digest.json (the same content as data) and a self-contained index.html.
// Renderers are pure: same Digest, same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace storyline {

struct DigestArticle {
  std::string id;            // content id
  std::string title;
  std::string outlet;
  std::string url;
  std::string source;        // input path
  std::string date;          // ISO 8601 as the page gives it, "" when unknown
  std::string date_source;   // meta | jsonld | url | text | front_matter | ""
  bool date_suspect = false; // its date contradicts its event (a mirror's capture date)
  std::vector<std::string> authors;
  std::vector<std::string> languages;
  std::string kind;          // article | digest | listing | liveblog
  // The body's opening words (about 100 bytes, "…" when cut): what names a page that
  // has no title (a pasted text dump).
  std::string lead;
  // When the article is a copy of another one in the digest: that one's id and how
  // (identical | syndicated | mirror | update); "" for originals.
  std::string copy_of;
  std::string copy_relation;
  // The copy's diff size against that original, in words; -1 when not known.
  long copy_words_added = -1, copy_words_removed = -1;
};

struct DigestQuote {
  std::string text;
  std::string speaker;       // "" when unknown
  std::string speaker_role;  // "Secretary of State"
  std::string speaker_kind;  // person | anonymous | organization | unknown
  std::vector<std::string> article_ids;  // every article that reports it
};

struct DigestEntity {
  std::string name;          // canonical: the fullest form
  std::string kind;          // person | organization | place | thing
  std::vector<std::string> aliases;
  std::vector<std::string> roles;
  int mentions = 0;
  std::vector<std::string> article_ids;
};

struct DigestTimelineEntry {
  std::string date;          // YYYY-MM-DD, or YYYY-MM for a month
  std::string text;          // what happened (a sentence from the sources)
  std::string note;          // e.g. "reverses the restriction of 2024-05-30"; "" if none
  std::vector<std::string> article_ids;
};

struct DigestEvent {
  std::uint64_t id = 0;
  std::string title;
  std::string first_date, last_date;  // YYYY-MM-DD or ""
  std::vector<std::string> summary;   // sentences
  std::vector<DigestArticle> articles;  // by date; copies after their original
};

struct DigestQuestion {
  std::string question, answer;
};

// What a language model added; empty when none was configured (see `needs_model`).
struct DigestModelParts {
  std::string summary;
  std::vector<DigestQuestion> questions;
  std::string translation_language;
  std::string translated_title;
  std::string translated_summary;
  std::vector<DigestQuestion> translated_questions;
  std::vector<std::string> problems;  // one line per part that failed, with the reason
};

struct DigestStory {
  std::uint64_t id = 0;
  std::string slug;          // file name stem: "biden-allows-limited-ukrainian-strikes"
  std::string title;
  std::string description;   // one sentence
  std::string first_date, last_date;  // YYYY-MM-DD or ""
  std::vector<std::string> languages;
  std::vector<std::string> tags;      // top entities
  std::vector<std::string> summary;   // extractive, sentences
  std::vector<DigestEvent> events;    // by date
  std::vector<DigestTimelineEntry> timeline;  // by date
  std::vector<DigestQuote> quotes;    // grouped by speaker when rendered
  std::vector<DigestEntity> entities; // most mentioned first
  DigestModelParts model;
  // Parts that need a language model and were left out ("abstractive summary",
  // "questions and answers", "translation"); empty when a model was used.
  std::vector<std::string> needs_model;
};

struct Digest {
  std::string generated_at;  // ISO 8601
  std::string title = "storyline digest";
  std::vector<DigestStory> stories;  // most recent activity first
  std::size_t articles = 0;          // articles in all stories
};

// DIR/stories/<slug>.md: front matter, then summary, timeline, quotes by speaker,
// entities, events with their sources (copies marked).
std::string digest_story_markdown(const DigestStory& story);
// DIR/index.md: one entry per story with its dates, description and a link.
std::string digest_index_markdown(const Digest& digest);
// DIR/digest.json: everything above as data (pretty-printed JSON).
std::string digest_json(const Digest& digest);
// DIR/index.html: one self-contained page (inline CSS and script, no network), with every
// story, a filter box, and each story's timeline, quotes, entities and sources.
std::string digest_html(const Digest& digest);

}  // namespace storyline
