#include "storyline/events.h"

#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <map>
#include <thread>

#include "cluster/test_title_fights.h"
#include "storyline/event_terms.h"

namespace storyline {
namespace {

TEST(DayNumber, CivilDates) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(day_number("2024-05-31T07:16:00-04:00") - day_number("2024-05-30"), 1);
  EXPECT_EQ(day_number("2024-03-01") - day_number("2024-02-28"), 2);  // leap year
  EXPECT_EQ(day_number(""), -1);
  EXPECT_EQ(day_number("May 2024"), -1);
}

TEST(EventTerms, NumbersAndDaysAgreeAcrossWritings) {
  const auto en = document_terms("Dam costs 4.6 billion", "The hearing is set for March 27.", nullptr);
  const auto zh = document_terms("大坝耗资46亿元", "法庭将于3月27日开庭。", nullptr);
  auto shared = [&](const DocumentTerms& a, const DocumentTerms& b) {
    int n = 0;
    for (auto x : a.names)
      for (auto y : b.names) n += x == y;
    return n;
  };
  EXPECT_GE(shared(en, zh), 2);  // 4600000000 and the day 3-27 (and 27 itself)
  EXPECT_EQ(en.month_days, std::vector<int>{327});
  EXPECT_EQ(zh.month_days, std::vector<int>{327});
  // Plurals and tenses meet; stop words are gone.
  EXPECT_EQ(term_hash("strikes"), term_hash("strike"));
  const auto t = document_terms("", "the of and", nullptr);
  EXPECT_TRUE(t.terms.empty());
}

// document_terms memoizes what it makes of a plain word: a text read a second time (every
// word then answered by the memo) gives what it gave the first time, months, scales,
// possessives and words around the memo's 16-byte key limit included.
TEST(EventTerms, MemoizedWordsGiveWhatTheRulesGive) {
  const char* title = "Strikes in May: 4.6 million Reid's abcdefghijklmnop abcdefghijklmnopq";
  const char* text =
      "Reid's strikes struck March 13 and 13 May; a billion taxes, pushes. May may strike "
      "abcdefghijklmnop abcdefghijklmnopq abcdefghijklmnopqr September according themselves.";
  auto same = [](const DocumentTerms& a, const DocumentTerms& b) {
    if (a.terms.size() != b.terms.size() || a.names != b.names || a.month_days != b.month_days) return false;
    for (std::size_t i = 0; i < a.terms.size(); ++i)
      if (a.terms[i].hash != b.terms[i].hash || a.terms[i].weight != b.terms[i].weight) return false;
    return true;
  };
  const auto first = document_terms(title, text, nullptr);
  const auto again = document_terms(title, text, nullptr);
  EXPECT_TRUE(same(first, again));
  // The words one by one: each one's term is its own rules' answer, memo or not.
  for (const char* w : {"strikes", "taxes", "abcdefghijklmnop", "abcdefghijklmnopq"}) {
    const auto t = document_terms("", w, nullptr);
    ASSERT_EQ(t.terms.size(), 1u) << w;
    EXPECT_EQ(t.terms[0].hash, term_hash(w)) << w;
  }
  EXPECT_TRUE(document_terms("", "according themselves", nullptr).terms.empty());
  EXPECT_EQ(document_terms("", "May 13", nullptr).month_days, std::vector<int>{513});
  // The day 5-13, 13 itself and 4600000.
  EXPECT_EQ(document_terms("", "may 13 and 4.6 million", nullptr).names.size(), 3u);
}

// Most words are read straight from the text, 16 bytes at a time, when that many bytes
// may be read; a word near the end of the text takes the general path. A text and the
// same text followed by blank lines (which add no term) must agree, cut anywhere: so
// every word of it is read both ways, with the memo warm, and in a new thread (whose
// memo is empty) as a miss.
TEST(EventTerms, WordsReadInBlocksGiveWhatTheGeneralPathGives) {
  const std::string text =
      "Reid's strikes: \"Quoted\" Words\tafter tabs.\r\nMarch 13, 410,000 sedans; 4.6 billion (May 13) "
      "abcdefghijklmno abcdefghijklmnop abcdefghijklmnopq caf\xc3\xa9 na\xc3\xafve x1 a1b2 1st U.S. "
      "\xe4\xb8\xad\xe5\x9b\xbd Xi's visit! Don't stop? Rebels' camp, Mr O'Neill at 10:30.";
  auto expect_same = [](const DocumentTerms& a, const DocumentTerms& b, std::size_t cut) {
    ASSERT_EQ(a.terms.size(), b.terms.size()) << cut;
    for (std::size_t i = 0; i < a.terms.size(); ++i) {
      EXPECT_EQ(a.terms[i].hash, b.terms[i].hash) << cut;
      EXPECT_EQ(a.terms[i].weight, b.terms[i].weight) << cut;
    }
    EXPECT_EQ(a.names, b.names) << cut;
    EXPECT_EQ(a.month_days, b.month_days) << cut;
  };
  for (std::size_t cut = 1; cut <= text.size(); ++cut) {
    const std::string body = text.substr(0, cut);
    const auto plain = document_terms(body.substr(0, cut / 3), body, nullptr);
    const auto padded = document_terms(body.substr(0, cut / 3), body + std::string(24, '\n'), nullptr);
    // A thread's memo starts empty: there every word read in blocks is a miss.
    DocumentTerms cold;
    std::thread([&] { cold = document_terms(body.substr(0, cut / 3), body + std::string(24, '\n'), nullptr); }).join();
    expect_same(plain, padded, cut);
    expect_same(cold, padded, cut);
  }
}

struct Doc {
  const char* title;
  const char* text;
  const char* date;
};

const Doc kQuake1{"Magnitude 7.1 earthquake strikes off Sumatra",
                  "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, killing 12 people in Padang.",
                  "2024-03-05"};
const Doc kQuake1b{"Sumatra earthquake toll rises to 12",
                   "Rescuers in Padang searched rubble after the magnitude 7.1 quake off Sumatra killed 12 people.",
                   "2024-03-06"};
const Doc kRecall{"Carmaker recalls 410,000 sedans over brake fault",
                  "Corvane Motors said it would recall 410,000 sedans after finding a brake fault in Ohio plants.",
                  "2024-03-05"};

EventAssignment add(EventClusterer& c, const Doc& d, const char* date = nullptr) {
  return c.add(document_terms(d.title, d.text, nullptr), date ? date : d.date, "en");
}

TEST(EventClusterer, SameHappeningJoinsOtherStaysApart) {
  EventClusterer c;
  const auto a = add(c, kQuake1);
  const auto b = add(c, kQuake1b);
  const auto r = add(c, kRecall);
  EXPECT_TRUE(a.new_event);
  EXPECT_FALSE(b.new_event);
  EXPECT_EQ(a.event, b.event);
  EXPECT_GT(b.similarity, 0.28);
  EXPECT_NE(r.event, a.event);
  EXPECT_NE(r.story, a.story);
  EXPECT_EQ(c.open_events(), 2u);
}

TEST(EventClusterer, DateWindowSplitsUnlessTheTextIsACopy) {
  EventClusterer c;
  const auto a = add(c, kQuake1);
  // The same report months later: the text matches far above the threshold, so it joins
  // and its date is flagged (a mirror's wrong date).
  const auto copy = add(c, kQuake1, "2024-09-01");
  EXPECT_EQ(copy.event, a.event);
  EXPECT_TRUE(copy.date_conflict);
  // A related but different report months later opens a new event.
  const Doc rebuild{"Six months after the Sumatra earthquake, Padang rebuilds",
                    "Families in Padang moved into new homes built with government grants this week.", "2024-09-02"};
  const auto later = add(c, rebuild);
  EXPECT_NE(later.event, a.event);
  EXPECT_FALSE(later.date_conflict);
}

// A one-line brief shares only a few of a full report's terms, so its cosine to the
// report's event runs low; below short_document_terms terms it joins at a lower threshold.
TEST(EventClusterer, ShortDocumentJoinsAtALowerThreshold) {
  const Doc report{"Magnitude 7.1 earthquake strikes off Sumatra, killing 12 in Padang",
                   "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, killing 12 people in the "
                   "city of Padang and damaging hundreds of houses, officials said.\n"
                   "The quake hit at a depth of 30 kilometres, the geological agency reported, and was felt in "
                   "Singapore and Kuala Lumpur.\n"
                   "Rescuers searched collapsed schools and a market in Padang through the night, while thousands "
                   "of residents slept outside, fearing aftershocks.\n"
                   "The government sent tents, medicine and soldiers; hospitals treated dozens of injured.",
                   "2024-03-05"};
  const Doc brief{"Rescuers dig through Padang rubble after Sumatra quake", "", "2024-03-06"};
  ASSERT_GE(document_terms(report.title, report.text, nullptr).terms.size(), 40u);
  ASSERT_LT(document_terms(brief.title, brief.text, nullptr).terms.size(), 40u);
  EventOptions probe_options;
  probe_options.event_threshold = 0.01;
  EventClusterer probe(probe_options);
  add(probe, report);
  const double sim = add(probe, brief).similarity;
  // The brief sits between the two thresholds (else the documents test nothing).
  ASSERT_GE(sim, EventOptions{}.event_threshold * EventOptions{}.short_document_factor);
  ASSERT_LT(sim, EventOptions{}.event_threshold);
  EventClusterer c;
  const auto a = add(c, report);
  EXPECT_EQ(add(c, brief).event, a.event);
  EventOptions flat;
  flat.short_document_factor = 1.0;
  EventClusterer f(flat);
  const auto fa = add(f, report);
  EXPECT_NE(add(f, brief).event, fa.event);
}

TEST(EventClusterer, RestoredStateContinuesExactly) {
  const Doc docs[] = {kQuake1, kRecall, kQuake1b};
  EventClusterer live;
  add(live, docs[0]);
  add(live, docs[1]);
  const std::string bytes = live.serialize();
  auto restored = EventClusterer::restore(bytes);
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  EXPECT_EQ(restored->serialize(), bytes);
  const auto x = add(live, docs[2]);
  const auto y = add(*restored, docs[2]);
  EXPECT_EQ(x.event, y.event);
  EXPECT_EQ(x.story, y.story);
  EXPECT_DOUBLE_EQ(x.similarity, y.similarity);
  EXPECT_EQ(live.serialize(), restored->serialize());
  EXPECT_FALSE(EventClusterer::restore(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(EventClusterer::restore("not a state").ok());
}

// A state with each event's kept-documents field (its last field, events.cc) replaced by
// what `replace` makes of it (the number of documents kept and the names kept): an
// empty string drops it, as "STLEVT04" and earlier had none. Walks the layout as
// serialize() writes it.
using KeptField = std::function<std::string(std::uint64_t documents, const std::vector<std::uint64_t>& names)>;
std::string with_kept_fields(const std::string& bytes, const KeptField& replace) {
  std::size_t pos = 40;  // magic, documents, next event, next story, clock day
  auto u64 = [&] {
    std::uint64_t v = 0;
    std::memcpy(&v, bytes.data() + pos, 8);
    pos += 8;
    return v;
  };
  const std::uint64_t terms = u64();
  pos += 16 * terms;
  std::string out = bytes.substr(0, pos);
  const std::uint64_t events = u64();
  out.append(bytes, pos - 8, 8);
  for (std::uint64_t e = 0; e < events; ++e) {
    const std::size_t start = pos;
    pos += 6 * 8;  // id, story, first day, last day, last seq, size
    for (std::uint64_t langs = u64(), k = 0; k < langs; ++k) pos += u64();
    pos += 16 * u64() + 8;  // the centroid's terms and weights, its norm
    out.append(bytes, start, pos - start);
    const std::uint64_t kept = u64();
    std::vector<std::uint64_t> names;
    for (std::uint64_t d = 0; d < kept; ++d) {
      pos += 16;       // number, day
      pos += u64();    // language
      pos += 16 * u64();  // vector
    }
    if (kept > 0)
      for (std::uint64_t n = u64(), k = 0; k < n; ++k) names.push_back(u64());
    out += replace(kept, names);
  }
  out.append(bytes, pos);
  return out;
}

std::string u64_bytes(std::uint64_t v) { return std::string(reinterpret_cast<const char*>(&v), 8); }

// States saved by earlier versions still continue: "STLEVT05" kept only a one-document
// event's document, as its names (the vector is the centroid), "STLEVT04" none (its
// one-document events restore without), "STLEVT03" also wrote each term's count without
// its age (the terms restore as just seen), "STLEVT02" also had no sketch count at the
// end. Built here from a current state: the kept documents cut to names, dropped, the
// ages zeroed, then the sketches cut.
TEST(EventClusterer, OlderStatesRestore) {
  EventClusterer live;
  add(live, kQuake1);
  add(live, kRecall);
  const std::string bytes = live.serialize();
  const KeptField none = [](std::uint64_t, const std::vector<std::uint64_t>&) { return u64_bytes(0); };
  const KeptField dropped = [](std::uint64_t, const std::vector<std::uint64_t>&) { return std::string(); };
  const KeptField as_v5 = [](std::uint64_t documents, const std::vector<std::uint64_t>& names) {
    if (documents != 1) return u64_bytes(0);
    std::string field = u64_bytes(1 + names.size());
    for (std::uint64_t n : names) field += u64_bytes(n);
    return field;
  };
  ASSERT_NE(with_kept_fields(bytes, none), bytes);  // both events keep their document
  std::string v5 = with_kept_fields(bytes, as_v5);
  ASSERT_NE(v5.size(), bytes.size());
  v5[0] = '5';  // the magic's low byte, little-endian
  Result<EventClusterer> from_v5 = EventClusterer::restore(v5);
  ASSERT_TRUE(from_v5.ok()) << from_v5.status().message();
  EXPECT_EQ(from_v5->serialize(), bytes);  // a lone document is all a v5 state could keep

  std::string v4 = with_kept_fields(bytes, dropped);
  v4[0] = '4';
  Result<EventClusterer> from_v4 = EventClusterer::restore(v4);
  ASSERT_TRUE(from_v4.ok()) << from_v4.status().message();
  const std::string current = from_v4->serialize();
  EXPECT_EQ(current, with_kept_fields(bytes, none));
  // then, per term, its hash and count | age << 32.
  std::uint64_t terms = 0;
  std::memcpy(&terms, current.data() + 40, 8);
  ASSERT_GT(terms, 0u);
  std::string aged_now = current;
  bool some_age = false;
  for (std::uint64_t i = 0; i < terms; ++i) {
    char* age = aged_now.data() + 48 + 16 * i + 12;
    some_age = some_age || std::memcmp(age, "\0\0\0\0", 4) != 0;
    std::memset(age, 0, 4);
  }
  ASSERT_TRUE(some_age);  // kQuake1's terms are one document old
  std::string v3 = with_kept_fields(aged_now, dropped);
  v3[0] = '3';
  Result<EventClusterer> from_v3 = EventClusterer::restore(v3);
  ASSERT_TRUE(from_v3.ok()) << from_v3.status().message();
  EXPECT_EQ(from_v3->serialize(), aged_now);
  ASSERT_EQ(v3.substr(v3.size() - 8), std::string(8, '\0'));  // no sketches yet
  std::string v2 = v3.substr(0, v3.size() - 8);
  v2[0] = '2';
  Result<EventClusterer> from_v2 = EventClusterer::restore(v2);
  ASSERT_TRUE(from_v2.ok()) << from_v2.status().message();
  EXPECT_EQ(from_v2->serialize(), aged_now);
}

// A stream whose every document brings new words: the counts keep only the recent
// ones, and a state saved between two sweeps continues exactly as the live one.
TEST(EventClusterer, OldTermsAreForgotten) {
  auto stream_doc = [](int i) {
    const std::string title = "Item " + std::to_string(i) + " about word" + std::to_string(i);
    const std::string text = "Body term" + std::to_string(i) + " and another" + std::to_string(i * 31) +
                             ", with common words harbour council weather.";
    return document_terms(title, text, nullptr);
  };
  EventOptions forgetful;
  forgetful.df_horizon_documents = 1000;
  forgetful.max_open_events = 100;  // every document opens an event and a story:
  forgetful.max_open_stories = 100;  // few open keep the test fast
  EventOptions keeping = forgetful;
  keeping.df_horizon_documents = 0;
  EventClusterer f(forgetful), k(keeping);
  constexpr int kDocs = 3000;  // a sweep every 250 documents
  std::string saved, after_a_sweep;
  for (int i = 0; i < kDocs; ++i) {
    const DocumentTerms t = stream_doc(i);
    f.add(t, "", "en");
    k.add(t, "", "en");
    if (i == 1599) saved = f.serialize();
    if (i == 1799) after_a_sweep = f.serialize();
  }
  // Each document brings four new terms (three words with digits and a number):
  // all of them kept without a horizon; with one, those of at most 1,250 documents
  // (the horizon and a sweep's period), and at least those of the horizon.
  EXPECT_GT(k.known_terms(), 3u * kDocs);
  EXPECT_LT(f.known_terms(), 5u * (1000 + 250));
  EXPECT_GT(f.known_terms(), 3u * 1000);
  Result<EventClusterer> restored = EventClusterer::restore(saved, forgetful);
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  for (int i = 1600; i < kDocs; ++i) {
    restored->add(stream_doc(i), "", "en");
    if (i == 1799) {
      EXPECT_EQ(restored->serialize(), after_a_sweep);  // the saved ages count
    }
  }
  EXPECT_EQ(restored->serialize(), f.serialize());
}

// A story followed sparsely: its one event retires long before the next development,
// which still links to it (story_sketches.h), and survives a save and restore.
TEST(EventClusterer, AStoryOutlivesItsRetiredEvents) {
  EventClusterer c;
  const Doc dam{"Regional council approves Aldmoor dam expansion",
                "The Aldmoor regional council approved the dam expansion on Monday, a project of 4.6 billion "
                "that the Riverton water board and the Sallow valley farmers opposed for years.",
                "2024-03-04"};
  const Doc court{"Court halts Aldmoor dam expansion after farmers' appeal",
                  "A court halted the Aldmoor dam expansion on Friday after the Sallow valley farmers appealed "
                  "the regional council's approval; the Riverton water board welcomed the ruling.",
                  "2024-05-10"};
  const auto first = add(c, dam);
  // Two months of unrelated news in between: the dam's event retires.
  for (int i = 0; i < 1100; ++i) {
    const std::string title = "Unrelated item " + std::to_string(i * 7919) + " word" + std::to_string(i);
    const std::string text = "Body term" + std::to_string(i) + " and another" + std::to_string(i * 31) + ".";
    char date[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", 3 + i / 400, 5 + (i / 20) % 20);
    c.add(document_terms(title, text, nullptr), date, "en");
  }
  Result<EventClusterer> restored = EventClusterer::restore(c.serialize());
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  const auto later = add(*restored, court);
  EXPECT_TRUE(later.new_event);  // another happening, two months on
  EXPECT_FALSE(later.new_story);
  EXPECT_EQ(later.story, first.story);
}

// A new development that reads differently but keeps the story's cast links at a lower
// similarity; one sharing only a few names needs the full story threshold.
TEST(EventClusterer, ManySharedNamesLinkAStoryAtALowerSimilarity) {
  EventOptions o;
  o.event_threshold = 0.99;   // every document opens its own event
  o.story_threshold = 0.99;   // the words alone never link a story here
  o.story_names_threshold = 0.01;
  o.story_many_shared_names = 12;
  EventClusterer c(o);
  const char* cast =
      "on Monday Mayor Ilse Brandt, Governor Tomas Okafor, Judge Petra Lindqvist, Senator Omar Haddad, "
      "the Aldmoor Council, the Riverton Board and Sallow Farmers met in Kettering with Corvane and Meridian";
  const auto first = c.add(document_terms("Dam plan approved", std::string("The plan was approved ") + cast + ".", nullptr),
                           "2024-03-04", "en");
  const auto same_cast = c.add(
      document_terms("Court hears dam appeal", std::string("An appeal was heard ") + cast + " again.", nullptr),
      "2024-03-20", "en");
  const auto few_names = c.add(
      document_terms("Dam appeal costs rise", "The appeal costs rose, said Mayor Ilse Brandt in a statement.", nullptr),
      "2024-03-21", "en");
  EXPECT_TRUE(same_cast.new_event);
  EXPECT_EQ(same_cast.story, first.story);
  EXPECT_TRUE(few_names.new_story);
}

// Two reports of one happening that share too little to meet each open an event; a later
// report close to one of them (it joins it) and covering the other folds the other in.
const Doc kHospitals{"Padang hospitals overwhelmed",
                     "Doctors at the Padang general hospital treated hundreds of injured residents overnight; "
                     "generators failed and wards overflowed into corridors.",
                     "2024-03-06"};
const Doc kBoth{"Sumatra quake: Padang hospitals overwhelmed as toll rises to 12",
                "The magnitude 7.1 earthquake off Sumatra killed 12 people. Doctors at the Padang general hospital "
                "treated hundreds of injured residents as wards overflowed into corridors.",
                "2024-03-06"};

TEST(EventClusterer, AJoiningDocumentFoldsInALoneOneItBridges) {
  EventClusterer c;
  const auto quake = add(c, kQuake1);
  const auto hospitals = add(c, kHospitals);
  ASSERT_TRUE(hospitals.new_event);  // too far from the quake report (else this tests nothing)
  const std::string before = c.serialize();
  const auto both = add(c, kBoth);
  EXPECT_EQ(both.event, hospitals.event);
  ASSERT_EQ(both.absorbed, std::vector<std::uint64_t>{quake.event});
  EXPECT_EQ(c.open_events(), 1u);
  // The folded report's terms are the event's now: a copy of it joins the event.
  EXPECT_EQ(add(c, kQuake1).event, hospitals.event);

  // A restored state continues the same: it keeps the lone reports.
  Result<EventClusterer> restored = EventClusterer::restore(before);
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  EXPECT_EQ(restored->serialize(), before);
  EXPECT_EQ(add(*restored, kBoth).absorbed, both.absorbed);

  // Off, or past the window: the lone event stays.
  EventOptions off;
  off.absorb_similarity = 2;
  EventOptions short_window;
  short_window.revision_window_documents = 1;
  for (const EventOptions& o : {off, short_window}) {
    EventClusterer d(o);
    add(d, kQuake1);
    add(d, kHospitals);
    const auto joined = add(d, kBoth);
    EXPECT_EQ(joined.event, hospitals.event);
    EXPECT_TRUE(joined.absorbed.empty());
    EXPECT_EQ(d.open_events(), 2u);
  }
}

// Two title fights of one champion, reported alternately (test_title_fights.h): the
// second fight's first report joins the first fight's only one, as does every later
// report of either. With a dozen reports the event's documents read as two groups, and
// it is split: each fight ends in an event of its own, in the same story.
TEST(EventClusterer, AnEventThatReadsAsTwoIsSplit) {
  const auto first = testing::title_fight_reports(0, 8), second = testing::title_fight_reports(1, 8);
  // Reports from..to-1, alternating between the fights.
  auto run = [&](EventClusterer& c, std::size_t from, std::size_t to) {
    std::vector<EventAssignment> got;
    for (std::size_t i = from; i < to; ++i) {
      const auto& [title, text] = (i % 2 == 0 ? first : second)[i / 2];
      got.push_back(c.add(document_terms(title, text, nullptr), "2024-03-05", "en"));
    }
    return got;
  };
  EventClusterer c;
  const std::vector<EventAssignment> got = run(c, 0, 16);
  std::map<std::uint64_t, std::uint64_t> event_of;  // document number -> its event, moves applied
  for (const EventAssignment& a : got) {
    event_of[a.document] = a.event;
    for (std::uint64_t moved : a.moved_documents) event_of[moved] = a.split_into;
  }
  ASSERT_EQ(got[1].event, got[0].event);  // the second fight's first report joined the first's event
  std::size_t splits = 0, split_at = 0;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i].split_into != 0) ++splits, split_at = i;
  EXPECT_EQ(splits, 1u);
  for (std::uint64_t d = 1; d <= 16; ++d) {
    EXPECT_EQ(event_of[d], event_of[(d - 1) % 2 + 1]) << "document " << d;  // odd: first fight, even: second
  }
  EXPECT_NE(event_of[1], event_of[2]);
  EXPECT_EQ(got[split_at].story, got[0].story);
  EXPECT_EQ(c.open_events(), 2u);

  // A state saved before the split continues to the same split.
  EventClusterer d;
  run(d, 0, split_at);
  Result<EventClusterer> restored = EventClusterer::restore(d.serialize());
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  const std::vector<EventAssignment> d_got = run(*restored, split_at, 16);
  EXPECT_EQ(d_got[0].split_into, got[split_at].split_into);
  EXPECT_EQ(d_got[0].moved_documents, got[split_at].moved_documents);
  EXPECT_EQ(restored->serialize(), c.serialize());

  // Off: one event holds both fights.
  EventOptions off;
  off.split_margin = 2;
  EventClusterer e(off);
  const std::vector<EventAssignment> e_got = run(e, 0, 16);
  for (const EventAssignment& a : e_got) EXPECT_EQ(a.event, e_got[0].event);
}

TEST(EventClusterer, MemoryIsBoundedByTheWindow) {
  EventOptions o;
  o.max_open_events = 50;
  o.max_open_stories = 50;
  EventClusterer c(o);
  for (int i = 0; i < 3000; ++i) {
    const std::string title = "Unrelated item " + std::to_string(i * 7919) + " word" + std::to_string(i);
    const std::string text = "Body term" + std::to_string(i) + " and another" + std::to_string(i * 31) + ".";
    char date[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + (i / 300) % 12, 1 + (i / 10) % 28);
    c.add(document_terms(title, text, nullptr), date, "en");
  }
  EXPECT_LE(c.open_events(), 50u + 50u / 8);
  EXPECT_LE(c.open_stories(), 50u + 50u / 8);
  EXPECT_EQ(c.documents(), 3000u);
}

}  // namespace
}  // namespace storyline
