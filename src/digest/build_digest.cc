#include "storyline/digest_build.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "llm/llm_reply.h"
#include "storyline/copies.h"
#include "storyline/dated_statements.h"
#include "storyline/entities.h"
#include "storyline/events.h"
#include "storyline/llm_digest.h"
#include "storyline/place_articles.h"
#include "storyline/quotes.h"
#include "storyline/summarize.h"

namespace storyline {
namespace {

struct Member {
  const StoredArticle* stored = nullptr;
  EventRow row;
  std::string id;       // content id
  std::string date;     // ISO as the page gives it
  std::string day;      // YYYY-MM-DD or ""
  std::string copy_of;  // content id of the original when a copy
  std::string relation;
  long words_added = -1, words_removed = -1;
};

std::string day_of(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : ""; }


// Copies as the store recorded them when the articles came in (place_articles.h): a copy
// points to its original. Only originals feed the analysis, so a wire story printed by
// five outlets is summarized and quoted once (its copies stay listed as sources).
void mark_copies(std::vector<Member>& members, const std::unordered_map<std::int64_t, CopyRow>& copies,
                 const std::unordered_map<std::int64_t, std::string>& content_ids) {
  for (Member& m : members) {
    auto it = copies.find(m.stored->rowid);
    if (it == copies.end()) continue;
    auto id = content_ids.find(it->second.original);
    if (id == content_ids.end()) continue;
    m.copy_of = id->second;
    m.relation = it->second.relation;
    m.words_added = static_cast<long>(it->second.words_added);
    m.words_removed = static_cast<long>(it->second.words_removed);
  }
}

DigestArticle digest_article(const Member& m) {
  const Article& a = m.stored->article;
  DigestArticle d;
  d.id = m.id;
  d.title = a.title;
  d.outlet = a.outlet;
  d.url = a.url;
  d.source = a.source;
  d.date = m.date;
  d.date_source = a.date_source;
  d.date_suspect = m.row.date_conflict;
  d.authors = a.authors;
  d.languages = a.languages;
  d.kind = a.kind;
  d.lead = llm::truncate_utf8(a.blocks.empty() ? std::string_view() : std::string_view(a.blocks.front().text), 100);
  d.copy_of = m.copy_of;
  d.copy_relation = m.relation;
  d.copy_words_added = m.words_added;
  d.copy_words_removed = m.words_removed;
  return d;
}

// Articles by date (undated last), each copy right after its original.
std::vector<const Member*> reading_order(const std::vector<const Member*>& in) {
  std::vector<const Member*> originals, copies;
  for (const Member* m : in) (m->copy_of.empty() ? originals : copies).push_back(m);
  auto by_date = [](const Member* a, const Member* b) {
    if (a->day.empty() != b->day.empty()) return b->day.empty();
    return a->date != b->date ? a->date < b->date : a->stored->rowid < b->stored->rowid;
  };
  std::stable_sort(originals.begin(), originals.end(), by_date);
  std::stable_sort(copies.begin(), copies.end(), by_date);
  std::vector<const Member*> out;
  for (const Member* o : originals) {
    out.push_back(o);
    for (const Member* c : copies)
      if (c->copy_of == o->id) out.push_back(c);
  }
  for (const Member* c : copies)  // copies whose original is in another event
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

std::vector<std::string> summary_of(const std::vector<const Member*>& members, int words) {
  std::vector<SummaryDocument> docs;
  for (const Member* m : members) {
    if (!m->copy_of.empty()) continue;
    const Article& a = m->stored->article;
    // A digest page (kind "digest") restates others: its sentences are a summary
    // already, useful, but it should not outvote the reporting.
    docs.push_back({m->id, a.title, m->date, a.text()});
  }
  SummaryOptions o;
  o.max_words = words;
  o.fill = false;
  std::vector<std::string> out;
  for (const auto& s : summarize(docs, o)) out.push_back(s.text);
  return out;
}

// The event's title: the earliest original article's title that is not a digest's.
std::string event_title(const std::vector<const Member*>& ordered) {
  for (int pass = 0; pass < 2; ++pass)
    for (const Member* m : ordered) {
      const Article& a = m->stored->article;
      if (a.title.empty() || (pass == 0 && (!m->copy_of.empty() || a.kind == "digest"))) continue;
      return a.title;
    }
  return "";
}

// Timeline: statements dated to a day, grouped by day; each day keeps the sentence that
// most sources date there (ties: the shortest, which tends to say one thing), and every
// source that dates something to it. Days far outside the story are dropped: they are
// background ("in 2014, Russia annexed Crimea"), not the story's own timeline.
// A sentence that is mostly somebody's words ("Today we have one.”) says little out of
// its article; the timeline prefers reported facts.
bool is_quoted(const std::string& s) {
  return s.find("\u201c") != std::string::npos || s.find("\u201d") != std::string::npos || s.find('"') != std::string::npos ||
         s.find("\u300c") != std::string::npos;
}

// Each event's first day is on the timeline with what the event is (its summary's first
// sentence, else its title) and its articles, whatever the statements say.
struct EventDay {
  std::string text;
  std::vector<std::string> article_ids;
};

std::vector<DigestTimelineEntry> timeline_of(const std::vector<const Member*>& members,
                                             const std::map<std::string, EventDay>& event_days,
                                             const std::map<std::uint64_t, std::string>& event_last_day,
                                             const std::string& first_day, const std::string& last_day,
                                             int max_entries) {
  struct Day {
    std::map<std::string, std::set<std::string>> sentences;  // sentence -> article ids
    std::map<std::string, std::size_t> block;                // sentence -> earliest block
    std::set<std::string> articles;
  };
  std::map<std::string, Day> days;
  const int lo = day_number(first_day) - 45, hi = day_number(last_day) + 3;
  for (const Member* m : members) {
    if (!m->copy_of.empty()) continue;
    const Article& a = m->stored->article;
    if (a.kind == "digest") continue;  // a digest's dates are its sources'
    // An article without a date, or whose date contradicts its event, is read against
    // the event's last credible day: reports are written as the event unfolds, so "on
    // Thursday" in such a page points back from the event's end, not from its start.
    std::string reference = m->row.date_conflict || m->day.empty() ? "" : m->day;
    if (reference.empty()) {
      auto it = event_last_day.find(m->row.event);
      if (it != event_last_day.end()) reference = it->second;
    }
    if (reference.empty()) continue;
    for (const DatedStatement& s : extract_dated_statements(a, reference, m->id)) {
      if (s.date.size() != 10) continue;
      const int d = day_number(s.date);
      if (d < lo || d > hi) continue;
      Day& day = days[s.date];
      day.sentences[s.sentence].insert(m->id);
      auto [it, fresh] = day.block.try_emplace(s.sentence, s.block);
      if (!fresh) it->second = std::min(it->second, s.block);
      day.articles.insert(m->id);
    }
  }
  for (const auto& [date, ev] : event_days) {
    Day& day = days[date];
    day.articles.insert(ev.article_ids.begin(), ev.article_ids.end());
  }
  std::vector<DigestTimelineEntry> out;
  for (auto& [date, day] : days) {
    DigestTimelineEntry e;
    e.date = date;
    // The sentence most sources date here; then one that is not a quotation; then the
    // one nearest its article's top (news states the main fact first); then the
    // shortest, which tends to say one thing.
    const std::string* best = nullptr;
    auto rank = [&day](const std::string& s) {
      return std::make_tuple(day.sentences[s].size(), !is_quoted(s), -static_cast<long>(day.block[s]),
                             -static_cast<long>(s.size()));
    };
    for (const auto& [sentence, ids] : day.sentences)
      if (!best || rank(sentence) > rank(*best)) best = &sentence;
    if (best) {
      e.text = clean_summary_sentence(*best);
      if (e.text.empty()) e.text = *best;
    } else if (auto ev = event_days.find(date); ev != event_days.end()) {
      e.text = ev->second.text;
    } else {
      continue;
    }
    e.article_ids.assign(day.articles.begin(), day.articles.end());
    out.push_back(std::move(e));
  }
  // Too many days: keep those most sources date, then restore date order.
  if (static_cast<int>(out.size()) > max_entries) {
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.article_ids.size() > b.article_ids.size(); });
    out.resize(static_cast<std::size_t>(max_entries));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  }
  return out;
}

std::vector<DigestQuote> quotes_of(const std::vector<const Member*>& members) {
  std::vector<Quote> all;
  for (const Member* m : members) {
    if (!m->copy_of.empty() || m->stored->article.kind == "digest") continue;
    for (Quote& q : extract_quotes(m->stored->article, m->id)) all.push_back(std::move(q));
  }
  std::vector<DigestQuote> out;
  for (const Quote& q : merge_quotes(all)) {
    DigestQuote d;
    d.text = q.text;
    d.speaker = q.speaker;
    d.speaker_role = q.speaker_role;
    d.speaker_kind = std::string(speaker_kind_name(q.speaker_kind));
    for (const auto& s : q.sources)
      if (std::find(d.article_ids.begin(), d.article_ids.end(), s.article_id) == d.article_ids.end())
        d.article_ids.push_back(s.article_id);
    if (d.article_ids.empty()) continue;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<DigestEntity> entities_of(const std::vector<const Member*>& members, const ChineseDictionary* dict) {
  std::vector<Entity> all;
  for (const Member* m : members) {
    if (!m->copy_of.empty()) continue;
    for (Entity& e : extract_entities(m->stored->article, m->id, dict)) all.push_back(std::move(e));
  }
  std::vector<Entity> merged = merge_entities(all, dict);
  // Most sources first, then most mentions: what the story is about leads.
  std::stable_sort(merged.begin(), merged.end(), [](const Entity& a, const Entity& b) {
    if (a.article_ids.size() != b.article_ids.size()) return a.article_ids.size() > b.article_ids.size();
    return a.mentions > b.mentions;
  });
  std::vector<DigestEntity> out;
  for (const Entity& e : merged) {
    if (out.size() >= 30) break;
    out.push_back({e.name, std::string(entity_kind_name(e.kind)), e.aliases, e.roles, e.mentions, e.article_ids});
  }
  return out;
}

void add_model_parts(DigestStory& story, const std::vector<const Member*>& members, const DigestOptions& options) {
  if (options.llm.url.empty()) {
    story.needs_model = {"abstractive summary", "questions and answers"};
    if (!options.translate_to.empty()) story.needs_model.push_back("translation");
    return;
  }
  StoryBrief brief;
  brief.title = story.title;
  brief.first_date = story.first_date;
  brief.last_date = story.last_date;
  brief.summary_sentences = story.summary;
  brief.languages = story.languages;
  for (const Member* m : members) {
    if (!m->copy_of.empty()) continue;
    const Article& a = m->stored->article;
    brief.articles.push_back({a.title, a.outlet, m->date, a.text()});
  }
  LlmDigestOptions o;
  o.translate_to = options.translate_to;
  const LlmDigest got = llm_digest(options.llm, brief, o);
  if (got.summary_status.ok()) story.model.summary = got.summary;
  else story.model.problems.push_back("abstractive summary: " + got.summary_status.message());
  if (got.questions_status.ok())
    for (const auto& q : got.questions) story.model.questions.push_back({q.question, q.answer});
  else story.model.problems.push_back("questions: " + got.questions_status.message());
  if (got.translation_requested) {
    if (got.translation_status.ok()) {
      story.model.translation_language = got.translation_language;
      story.model.translated_title = got.translated_title;
      story.model.translated_summary = got.translated_summary;
      for (const auto& q : got.translated_questions) story.model.translated_questions.push_back({q.question, q.answer});
    } else {
      story.model.problems.push_back("translation: " + got.translation_status.message());
    }
  }
}

}  // namespace

std::string story_slug(const std::string& title, std::uint64_t id) {
  std::string slug;
  bool dash = false;
  for (char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum) {
      if (dash && !slug.empty()) slug += '-';
      slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      dash = false;
    } else {
      dash = true;
    }
    if (slug.size() >= 60) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "story-" + std::to_string(id) : slug;
}

Result<Digest> build_digest(Store& store, const DigestOptions& options) {
  Result<std::vector<EventRow>> rows = store.event_rows(options.story);
  if (!rows.ok()) return rows.status();
  Result<std::vector<CopyRow>> copy_rows = store.copy_rows();
  if (!copy_rows.ok()) return copy_rows.status();
  std::unordered_map<std::int64_t, CopyRow> copies;
  for (const CopyRow& r : *copy_rows) copies[r.article] = r;
  std::unordered_map<std::int64_t, EventRow> placed;
  for (const EventRow& r : *rows) placed[r.article] = r;
  std::vector<StoredArticle> stored;
  if (options.story) {
    // One story: read its members alone, not every record in the store.
    for (const EventRow& r : *rows) {
      Result<StoredArticle> a = store.article(std::to_string(r.article));
      if (!a.ok()) return a.status();
      stored.push_back(std::move(a).value());
    }
  } else {
    Status st = store.for_each_article([&](const StoredArticle& a) {
      if (placed.count(a.rowid)) stored.push_back(a);
    });
    if (!st.ok()) return st;
  }

  // Stories -> members.
  std::unordered_map<std::int64_t, std::string> content_ids;
  for (const StoredArticle& a : stored) content_ids[a.rowid] = a.article.id();
  std::map<std::uint64_t, std::vector<Member>> by_story;
  for (const StoredArticle& a : stored) {
    Member m;
    m.stored = &a;
    m.row = placed[a.rowid];
    m.id = content_ids[a.rowid];
    m.date = article_event_date(a.article);
    m.day = day_of(m.date);
    by_story[m.row.story].push_back(std::move(m));
  }

  Digest digest;
  digest.generated_at = options.now;
  for (auto& [story_id, members] : by_story) {
    mark_copies(members, copies, content_ids);
    std::vector<const Member*> all;
    for (const Member& m : members) all.push_back(&m);
    DigestStory story;
    story.id = story_id;

    // Events, by their first credible day.
    std::map<std::uint64_t, std::vector<const Member*>> by_event;
    for (const Member* m : all) by_event[m->row.event].push_back(m);
    std::map<std::uint64_t, std::string> event_last_day;
    std::map<std::string, EventDay> event_days;
    std::set<std::string> languages;
    std::size_t largest = 0;
    for (auto& [event_id, ms] : by_event) {
      DigestEvent e;
      e.id = event_id;
      const auto ordered = reading_order(ms);
      for (const Member* m : ordered) {
        if (!m->day.empty() && !m->row.date_conflict) {
          if (e.first_date.empty() || m->day < e.first_date) e.first_date = m->day;
          if (m->day > e.last_date) e.last_date = m->day;
        }
        for (const auto& l : m->stored->article.languages) languages.insert(l);
        e.articles.push_back(digest_article(*m));
      }
      e.title = event_title(ordered);
      if (!e.last_date.empty()) event_last_day[event_id] = e.last_date;
      if (options.analyze) e.summary = summary_of(ordered, std::max(30, options.summary_words / 2));
      if (!e.first_date.empty() && !event_days.count(e.first_date)) {
        EventDay& day = event_days[e.first_date];
        day.text = !e.summary.empty() ? e.summary.front() : e.title;
        for (const Member* m : ordered)
          if (m->day == e.first_date && m->copy_of.empty()) day.article_ids.push_back(m->id);
      }
      if (e.articles.size() > largest) {
        largest = e.articles.size();
        story.title = e.title;
      }
      story.events.push_back(std::move(e));
    }
    std::stable_sort(story.events.begin(), story.events.end(), [](const DigestEvent& a, const DigestEvent& b) {
      if (a.first_date.empty() != b.first_date.empty()) return b.first_date.empty();
      return a.first_date < b.first_date;
    });
    for (const DigestEvent& e : story.events) {
      if (!e.first_date.empty() && (story.first_date.empty() || e.first_date < story.first_date)) story.first_date = e.first_date;
      if (e.last_date > story.last_date) story.last_date = e.last_date;
    }
    story.languages.assign(languages.begin(), languages.end());
    if (story.title.empty()) story.title = "Story " + std::to_string(story_id);
    story.slug = story_slug(story.title, story_id);

    if (options.analyze) {
      const auto ordered = reading_order(all);
      story.summary = summary_of(ordered, options.summary_words);
      if (!story.summary.empty()) story.description = story.summary.front();
      if (!story.first_date.empty())
        story.timeline = timeline_of(ordered, event_days, event_last_day, story.first_date, story.last_date, options.max_timeline);
      story.quotes = quotes_of(ordered);
      story.entities = entities_of(ordered, options.dictionary);
      for (const DigestEntity& e : story.entities) {
        if (story.tags.size() >= 6) break;
        if (e.article_ids.size() >= 2 || story.events.size() == 1) story.tags.push_back(e.name);
      }
      add_model_parts(story, ordered, options);
    }
    digest.articles += members.size();
    digest.stories.push_back(std::move(story));
  }
  // Slugs are file names: two stories with the same title get the id appended.
  std::map<std::string, int> seen;
  for (DigestStory& s : digest.stories)
    if (seen[s.slug]++) s.slug += "-" + std::to_string(s.id);
  std::stable_sort(digest.stories.begin(), digest.stories.end(), [](const DigestStory& a, const DigestStory& b) {
    return a.last_date > b.last_date;
  });
  return digest;
}

}  // namespace storyline
