#include "storyline/events.h"

#include "cluster/flat_map.h"
#include "cluster/posting_index.h"
#include "cluster/story_sketches.h"
#include "cluster/strongest_terms.h"
#include "cluster/two_means.h"
#include "storyline/civil_days.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <bit>
#include <memory>
#include <span>
#include <unordered_map>
#include <utility>

namespace storyline {

int day_number(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return -1;
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), day = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || day < 1 || day > 31) return -1;
  return static_cast<int>(days_from_civil(y, m, day));
}

namespace {

// A sum of unit document vectors. Its weights live in the postings (each posting of an
// event holds the event's weight for the term), so a centroid itself keeps only its
// norm: scoring reads a weight with the posting it walks
// anyway, where a separate array of weights cost one random read per posting, and no
// term → weight map per event has to be kept in step. Which of a document's terms an
// event holds, and where their weights are, its postings in those terms' lists say (see
// add_to).
struct Centroid {
  double norm2 = 0;
};

// Adds lang to langs unless it is empty or there already.
void add_language(std::vector<std::string>& langs, std::string_view lang) {
  if (!lang.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.emplace_back(lang);
}

struct Event {
  // Widens the event's days to cover [first, last] (first < 0: undated, no change).
  void take_days(int first, int last) {
    if (first < 0) return;
    first_day = first_day < 0 ? first : std::min(first_day, first);
    last_day = std::max(last_day, last);
  }

  std::uint64_t id = 0;
  std::uint64_t story = 0;
  Centroid centroid;
  int first_day = -1, last_day = -1;
  std::uint64_t last_seq = 0;
  std::uint32_t size = 0;
  std::vector<std::string> langs;  // languages of its members
  bool open = false;
  bool absorbed = false;  // closed by folding its one document into another event
};

// A document of an event whose documents are kept: its vector as it joined (sorted by
// hash), its number in the stream, and the day and language it gave the event.
struct KeptDocument {
  std::vector<WeightedTerm> vector;
  std::uint64_t seq = 0;
  int day = -1;  // -1: undated, or joined with a conflicting date
  std::string lang;
};

// The documents of a young event, kept while a later document may still revise it: a
// one-document event can be folded into another (absorb_similarity; its names then feed
// that event's story), and an event of up to split_max_documents can be split in two
// (split_margin), which rebuilds both halves' centroids from their documents. Kept from
// the event's first document on, so they are all of its documents, and dropped for good
// once the event outgrows the cap or its first document leaves the revision window.
// Kept beside the events, not in them: scoring reads an event per posting.
struct KeptEvent {
  std::vector<KeptDocument> documents;  // in the order they joined
  // The documents' strongest terms and their dot products, taken when the event is
  // tested (ensure_products), for the documents that joined since: an event that never
  // grows to a test costs none.
  SplitTerms split_terms;
  PackedGram gram;
  std::vector<std::uint64_t> names;     // the first document's, while it is the only one
};

// A story keeps no centroid of its own: it is as close to a new event as its closest open
// event is. An aggregate of everything a thread ever covered grows general enough to
// attract anything (one giant story); its events stay specific.
struct Story {
  std::uint64_t id = 0;
  FlatMap<std::uint32_t> names;
  int last_day = -1;
  std::uint64_t last_seq = 0;
  std::vector<std::string> langs;
  bool open = false;
};

// Scratch of add_to() and score(), kept by the clusterer so a document allocates nothing.
struct ScoreScratch {
  std::vector<std::pair<std::uint64_t, float>> added;
  std::vector<PostingIndex::List*> list_refs;
  // The lists of the vector score() scored last, term by term: add_to() reuses them.
  std::vector<PostingIndex::List> lists;
};

// Adds a vector to a centroid; new terms get a posting so later documents find it. (The
// postings are added after all the weights, in the same order: prefetched together.)
//
// Which of v's terms the centroid holds, and where its weight is, the postings say: the
// centroid of `slot` holds term h with weight w exactly when h's list has the posting
// (slot, w) (add_to adds one for every term a centroid gains, rebuild() renumbers them,
// nothing else adds any, and a slot is reused only after rebuild() dropped every
// posting of its former item). score(v) found v's lists just before (scratch.lists; no
// posting was added since) and read them, so they are in the cache: a walk of each
// list for the slot, no lookup per term. A new term's weight starts at 0 and takes
// the document's weight by the same float addition as a held one.
//
// `is_new`: the centroid holds no term yet (a new event), so no list has a posting of
// its slot and none is walked.
void add_to(Centroid& c, const std::vector<WeightedTerm>& v, std::uint32_t slot, bool is_new, PostingIndex& postings,
            ScoreScratch& scratch) {
  // Written always, kept by advancing the count: no branch on which terms are new.
  scratch.added.resize(v.size());
  std::size_t n_added = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    // The slot's posting in the term's list, if any (at most one): the whole list is
    // read (a few postings) without an early exit, whose place no branch predicts.
    const PostingIndex::List& list = scratch.lists[i];
    PostingIndex::Posting* p = postings.postings(list);
    std::uint32_t at = ~0u;
    for (std::uint32_t k = 0, n = is_new ? 0 : list.size; k < n; ++k) at = p[k].slot == slot ? k : at;
    float fresh = 0.0f;
    float& w = at == ~0u ? fresh : p[at].weight;
    const double before = w;
    w += v[i].weight;
    c.norm2 += double(w) * w - before * before;
    scratch.added[n_added] = {v[i].hash, fresh};
    n_added += at == ~0u ? 1 : 0;
  }
  scratch.added.resize(n_added);
  postings.add_all(scratch.added, slot, scratch.list_refs);
}

// Scores every open item sharing a term with v: dot(v, centroid), accumulated per slot.
// A slot appears at most once per posting list, so its sum is taken in the order of v's
// terms (sorted by hash) whatever the order of the postings: a restored state, whose
// postings were rebuilt, scores bit-for-bit like the live one. (The order of `touched`
// follows the postings, but the callers pick the maximum by (similarity, lowest id), a
// total order, so it does not matter either.)
//
// The lists are found first (PostingIndex::find_lists), so the random reads of lists and
// runs overlap instead of stalling one by one; then read in place, term by term.
//
// Every posting is of an open item: an item closes only in retire(), which then
// rebuilds the index without it (rebuild()), so the scores read no item.
//
// Returns how many slots it touched: the first that many of `touched`, which keeps a
// place for every item and one more (it is only ever grown, never refilled).
template <typename Item>
std::size_t score(const std::vector<WeightedTerm>& v, const PostingIndex& postings, const std::vector<Item>& items,
                  std::vector<double>& acc, std::vector<std::uint32_t>& touched, ScoreScratch& scratch) {
  if (acc.size() < items.size()) acc.resize(items.size(), 0.0);
  postings.find_lists(v, scratch.lists);
  // A slot is touched when its sum is still 0: written always, kept by advancing the
  // count, so the walk has no branch on which postings are first. Weights are positive
  // (weigh() keeps w > 0; a centroid's are sums of them) and a product of two positive
  // floats is a positive double, so a sum never returns to 0 and a slot counts once: at
  // most items.size() of them. The count stops there all the same, so a corrupt restored
  // weight (0 or negative) can skew scores but never write past `touched`.
  const std::size_t most = items.size();
  if (touched.size() < most + 1) touched.resize(most + 1);
  std::size_t n_touched = 0;
  std::uint32_t* const touched_at = touched.data();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double x = v[i].weight;
    const PostingIndex::List& list = scratch.lists[i];
    const PostingIndex::Posting* p = postings.postings(list);
    for (std::uint32_t k = 0; k < list.size; ++k) {
      const std::uint32_t slot = p[k].slot;
      touched_at[n_touched] = slot;
      n_touched += (acc[slot] == 0.0) & (n_touched < most) ? 1 : 0;
      acc[slot] += x * p[k].weight;
    }
  }
  return n_touched;
}

void put_u64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
void put_f64(std::string& out, double v) { out.append(reinterpret_cast<const char*>(&v), 8); }
void put_str(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    if (pos_ + 8 > in_.size()) return fail();
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  double f64() {
    double v = 0;
    if (pos_ + 8 > in_.size()) return static_cast<double>(fail());
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    if (!ok_ || pos_ + n > in_.size()) return (fail(), std::string());
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  bool at_end() const { return pos_ == in_.size(); }
  std::uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

constexpr std::uint64_t kStateMagic = 0x53544c4556543036ULL;  // "STLEVT06"
// Earlier states, which a store saved by an earlier version continues from: "STLEVT05"
// kept only the documents of one-document events, with their names (its larger events
// are never split), "STLEVT04" none (its one-document events are never absorbed either),
// "STLEVT03" also no term ages (its terms restore as seen by the last document), and
// "STLEVT02" also had no story sketches at the end (its stories start with none).
constexpr std::uint64_t kStateMagicWithLoneOnly = 0x53544c4556543035ULL;     // "STLEVT05"
constexpr std::uint64_t kStateMagicWithoutLone = 0x53544c4556543034ULL;      // "STLEVT04"
constexpr std::uint64_t kStateMagicWithoutAges = 0x53544c4556543033ULL;      // "STLEVT03"
constexpr std::uint64_t kStateMagicWithoutSketches = 0x53544c4556543032ULL;  // "STLEVT02"

// Terms a story keeps of its last retired event (story_sketches.h): the strongest few
// dozen carry nearly all of a centroid's weight against a related document.
constexpr std::size_t kSketchTerms = 32;

// Terms of each document the split test reads (two_means.h): on ECB+ dev, 48 of the 128
// give the same results as all of them (40 do not), and keep the products cheap.
constexpr std::size_t kSplitTestTerms = 48;

}  // namespace

// A term's document frequency and the last document that held it (the low 32 bits of
// its sequence number: ages are told apart modulo 2^32, and forget_old_terms() drops a
// term long before its age could wrap; without a horizon no age is ever compared).
struct TermCount {
  std::uint32_t documents = 0;
  std::uint32_t last_seen = 0;
};

struct EventClusterer::State {
  EventOptions options;
  FlatMap<TermCount> df;
  std::uint64_t docs = 0;
  std::uint64_t next_event = 1, next_story = 1;
  int clock_day = -1;  // the latest date seen: the stream's "now"
  std::vector<Event> events;
  std::vector<Story> stories;
  PostingIndex event_postings;
  FlatMap<std::uint32_t> story_slot;  // story id -> index in `stories`
  StorySketches sketches;  // each open story's last retired event
  // The closest open event of each story that shares a term with the document: a new
  // event's candidate stories, with their similarity.
  std::vector<std::pair<std::uint64_t, double>> story_sims;
  std::vector<std::pair<std::uint64_t, double>> sketch_sims;  // scratch
  std::unordered_map<std::uint64_t, KeptEvent> kept;  // by event id
  std::vector<double> gram_row;  // ensure_products()'s scratch
  TermProbe term_probe;           // and these
  std::vector<std::uint32_t> split_scratch;
  std::vector<std::pair<double, std::uint32_t>> lone_candidates;  // (similarity, slot), scratch
  std::vector<double> acc;
  std::vector<std::uint32_t> touched;
  std::vector<WeightedTerm> vector_;  // weigh()'s output, reused
  std::vector<WeightedTerm> all_terms_;  // weigh()'s scratch
  StrongestScratch strongest_scratch;  // weigh()'s and rebuild()'s
  ScoreScratch scratch;
  std::size_t open_events = 0, open_stories = 0;

  // log(df + 0.5), tabulated for every count seen so far (a count is at most `docs`) up
  // to kLogDfTable; the table grows by one entry a document.
  static constexpr std::size_t kLogDfTable = std::size_t{1} << 16;
  std::vector<double> log_df_table;
  double log_df(std::uint32_t df_value) const {
    return df_value < log_df_table.size() ? log_df_table[df_value] : std::log(df_value + 0.5);
  }
  // 1 + log(w) of recent raw weights w >= 1: a document's raw weights are sums of a few
  // line weights, so the same values recur from document to document. Direct-mapped on
  // the float's bits; a hit gives the very value std::log gave.
  struct TfLog {
    std::uint32_t bits = ~0u;  // a NaN: no weight
    double value = 0;
  };
  std::array<TfLog, 256> tf_log_memo;
  double tf_of(float weight) {
    if (!(weight >= 1)) return weight;
    const auto bits = std::bit_cast<std::uint32_t>(weight);
    TfLog& e = tf_log_memo[(bits * 0x9E3779B1u) >> 24];
    if (e.bits != bits) e = {bits, 1.0 + std::log(double(weight))};
    return e.value;
  }

  // The document's tf-idf vector, unit length before the tail is cut, sorted by hash. The
  // reference stays valid until the next call. terms.terms may come in any order (unique):
  // the kept terms are the same set, in the same order, whatever it is.
  const std::vector<WeightedTerm>& weigh(const DocumentTerms& terms) {
    ++docs;
    while (log_df_table.size() <= std::min<std::uint64_t>(docs, kLogDfTable - 1))
      log_df_table.push_back(std::log(static_cast<double>(log_df_table.size()) + 0.5));
    std::vector<WeightedTerm>& all = all_terms_;
    all.resize(terms.terms.size());
    std::size_t n_all = 0;
    double norm2 = 0;
    const double n = static_cast<double>(docs);
    const double log_n = std::log(n + 1.0 + options.idf_prior_documents);
    for (const WeightedTerm& t : terms.terms) df.prefetch(t.hash);  // see FlatMap::prefetch
    df.reserve(df.size() + terms.terms.size());
    for (const WeightedTerm& t : terms.terms) {
      bool inserted;
      TermCount& count = df.insert_reserved(t.hash, inserted);
      count.last_seen = static_cast<std::uint32_t>(docs);
      const std::uint32_t df_value = ++count.documents;
      // Sublinear term frequency; weights below one come from the position decay.
      const double tf = tf_of(t.weight);
      // The prior's pseudo-documents contain no term: on a cold start (five articles) a
      // word they all share still weighs something, and on a long stream the prior fades.
      const double idf = log_n - log_df(df_value);
      const double w = tf * idf;
      if (w <= 0) continue;
      all[n_all++] = {t.hash, static_cast<float>(w)};
      norm2 += w * w;
    }
    all.resize(n_all);
    // Normalize on the whole vector, then keep the strongest terms: the dropped tail is
    // mostly words seen once, and a short vector keeps scoring cheap. Only the kept ones
    // are sorted by hash.
    const float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
    const auto k = static_cast<std::size_t>(std::max(options.max_document_terms, 0));
    select_strongest(all, inv, k, strongest_scratch.selected, strongest_scratch);
    sort_by_hash(strongest_scratch.selected, vector_, strongest_scratch.counts_by_hash);
    return vector_;
  }

  // True when one of the month-days a text names falls in the month before an event's
  // dated members or during them (in the event's year).
  static bool names_day_of(const std::vector<int>& month_days, const Event& e) {
    if (e.first_day < 0) return false;
    const std::string year = iso_day(e.first_day).substr(0, 4);
    for (int md : month_days) {
      char iso[48];
      std::snprintf(iso, sizeof iso, "%s-%02d-%02d", year.c_str(), md / 100, md % 100);
      const int d = day_number(iso);
      if (d >= 0 && d >= e.first_day - 31 && d <= e.last_day + 1) return true;
    }
    return false;
  }

  // Boosted only when no member shares the document's language: an event that already
  // holds a Chinese article is matched by Chinese ones on their own terms.
  double language_factor(std::string_view lang, const std::vector<std::string>& langs) const {
    if (lang.empty() || langs.empty()) return 1.0;
    for (const auto& l : langs)
      if (l == lang) return 1.0;
    return options.cross_language_boost;
  }

  EventAssignment add(const DocumentTerms& terms, std::string_view date, std::string_view lang) {
    const std::vector<WeightedTerm>& v = weigh(terms);
    const int day = day_number(date);
    if (day > clock_day) clock_day = day;
    EventAssignment out;

    // Best event: the most similar one the date allows. Only when there is none, an
    // event the date rules out but the text matches anyway: far above the threshold (a
    // copy), or at the threshold when the text names a day of that event's month (a page
    // whose own date contradicts what it reports, such as a mirror's capture date).
    story_sims.clear();
    lone_candidates.clear();
    const std::size_t n_touched = score(v, event_postings, events, acc, touched, scratch);
    // Counted on the document's own terms (before the tf-idf tail is cut), so a long
    // article is never taken for a short one.
    const double event_threshold =
        terms.terms.size() < static_cast<std::size_t>(std::max(options.short_document_terms, 0))
            ? options.event_threshold * options.short_document_factor
            : options.event_threshold;
    double best = 0, best_conflicting = 0;
    std::int64_t best_slot = -1, conflicting_slot = -1;
    // An event whose cosine stays below both thresholds even at the largest language
    // factor is passed over before its languages are compared.
    // (cosine * factor is at most cosine * largest: rounding keeps the order.)
    const double lowest = std::min(story_floor(), event_threshold);
    const double largest_factor = std::max(options.cross_language_boost, 1.0);
    for (std::uint32_t slot : std::span(touched.data(), n_touched)) {
      const Event& e = events[slot];
      const double cosine = acc[slot] / std::sqrt(std::max(e.centroid.norm2, 1e-12));
      acc[slot] = 0;
      if (cosine * largest_factor < lowest) continue;
      const double sim = cosine * language_factor(lang, e.langs);
      if (e.size == 1) lone_candidates.emplace_back(sim, slot);  // absorb_lone_events checks the rest
      if (sim >= story_floor()) note_story_sim(e.story, sim);
      if (sim < event_threshold) continue;
      if (days_apart(day, day, e) <= options.event_window_days) {
        if (sim > best || (sim == best && best_slot >= 0 && e.id < events[best_slot].id)) {
          best = sim;
          best_slot = slot;
        }
      } else if (sim >= options.date_override_similarity || names_day_of(terms.month_days, e)) {
        if (sim > best_conflicting ||
            (sim == best_conflicting && conflicting_slot >= 0 && e.id < events[conflicting_slot].id)) {
          best_conflicting = sim;
          conflicting_slot = slot;
        }
      }
    }
    bool best_conflict = false;
    if (best_slot < 0 && conflicting_slot >= 0) {
      best_slot = conflicting_slot;
      best = best_conflicting;
      best_conflict = true;
    }

    std::uint32_t slot;
    if (best_slot >= 0) {
      slot = static_cast<std::uint32_t>(best_slot);
      out.similarity = best;
      out.date_conflict = best_conflict;
    } else {
      // A new event: its story may also be one whose events have all retired.
      sketches.score(v, sketch_sims);
      for (const auto& [story, sim] : sketch_sims)
        if (sim >= story_floor()) note_story_sim(story, sim);
      slot = static_cast<std::uint32_t>(events.size());
      events.emplace_back();
      Event& e = events.back();
      e.id = next_event++;
      e.open = true;
      ++open_events;
      out.new_event = true;
      e.story = pick_story(terms.names, day, out.new_story);
      if (revising()) kept[e.id].names = terms.names;
    }
    Event& e = events[slot];
    add_to(e.centroid, v, slot, out.new_event, event_postings, scratch);
    ++e.size;
    out.document = docs;
    if (auto k = kept.find(e.id); k != kept.end()) {
      if (e.size > 1) k->second.names.clear();  // a fold takes only a lone event's names
      keep_document(k, {v, docs, out.date_conflict ? -1 : day, std::string(lang)}, e.size);
    }
    e.last_seq = docs;
    add_language(e.langs, lang);
    if (!out.date_conflict) e.take_days(day, day);
    out.event = e.id;
    out.story = e.story;
    feed_story(e.story, terms.names, out.date_conflict ? -1 : day, lang);
    if (!out.new_event) {
      absorb_lone_events(slot, out.absorbed);
      split_if_two(slot, out);
    }
    if (options.df_horizon_documents > 0 && docs % forget_period() == 0) forget_old_terms();
    if (docs % 1024 == 0 || open_events > options.max_open_events + options.max_open_events / 8 ||
        open_stories > options.max_open_stories + options.max_open_stories / 8)
      retire();
    return out;
  }

  // Days between [first, last] and an event's dated members: 0 when they overlap or
  // either is undated.
  static int days_apart(int first, int last, const Event& e) {
    if (first < 0 || e.first_day < 0) return 0;
    return first > e.last_day ? first - e.last_day : (last < e.first_day ? e.first_day - last : 0);
  }

  bool absorbing() const { return options.absorb_similarity <= 1.0 && options.revision_window_documents > 0; }
  bool splitting() const {
    return options.split_margin <= 1.0 && options.split_min_half > 0 && options.revision_window_documents > 0 &&
           options.split_max_documents >= 2 * options.split_min_half;
  }
  bool revising() const { return absorbing() || splitting(); }
  bool in_window(std::uint64_t seq) const { return docs - seq < options.revision_window_documents; }

  // Takes the strongest terms of the kept documents that have none yet, and their dot
  // products with the documents before them and with themselves: row by row, each with
  // the later document in the probe, so the numbers do not depend on when they are taken.
  void ensure_products(KeptEvent& k) {
    while (k.split_terms.size() < k.documents.size())
      k.split_terms.append(k.documents[k.split_terms.size()].vector, kSplitTestTerms, split_scratch);
    while (k.gram.size < k.documents.size()) {
      const std::size_t n = k.gram.size;
      term_probe.assign(k.split_terms, n);
      gram_row.clear();
      for (std::size_t j = 0; j <= n; ++j) gram_row.push_back(term_probe.dot(k.split_terms, j));
      k.gram.append(gram_row);
    }
  }

  // Adds a document to an event's kept ones, or drops them all when the event no longer
  // qualifies: it has more than one document and no splitting is done, it outgrew
  // split_max_documents, or its first document left the revision window.
  void keep_document(std::unordered_map<std::uint64_t, KeptEvent>::iterator k, KeptDocument d, std::uint32_t size) {
    std::vector<KeptDocument>& documents = k->second.documents;
    const bool keep = size == 1 || (splitting() && size <= static_cast<std::uint32_t>(options.split_max_documents) &&
                                    (documents.empty() || in_window(documents.front().seq)));
    if (!keep) {
      kept.erase(k);
      return;
    }
    documents.push_back(std::move(d));
  }

  // Folds into the event at `slot`, which a document just joined, every one-document
  // event among that document's candidates (lone_candidates, most similar first) whose
  // document is now within absorb_similarity of the event's centroid and within its
  // dates. A document that fell just short of an event when it came, because the event's
  // first members said less than its later ones, so gets there all the same; and the
  // candidates are only events the new document touched, so the check costs a few of
  // them a document. Each absorbed one moves its weights into the centroid (the
  // cosine of the next candidate is to the centroid with them) and drops its postings.
  void absorb_lone_events(std::uint32_t slot, std::vector<std::uint64_t>& absorbed) {
    if (lone_candidates.empty() || !absorbing()) return;
    std::sort(lone_candidates.begin(), lone_candidates.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : events[a.second].id < events[b.second].id;
    });
    for (const auto& [sim, lone_slot] : lone_candidates) {
      Event& lone = events[lone_slot];
      Event& into = events[slot];
      if (lone_slot == slot || !lone.open || lone.size != 1) continue;
      const auto lone_kept = kept.find(lone.id);
      if (lone_kept == kept.end() || lone_kept->second.documents.size() != 1 ||
          !in_window(lone_kept->second.documents[0].seq))
        continue;
      const KeptDocument& only = lone_kept->second.documents[0];
      if (days_apart(lone.first_day, lone.last_day, into) > options.event_window_days) continue;
      // dot(lone document, centroid): the centroid's weight for each of the document's
      // terms is in the term's list, at the event's slot.
      event_postings.find_lists(only.vector, scratch.lists);
      double dot = 0;
      for (std::size_t i = 0; i < only.vector.size(); ++i) {
        const PostingIndex::List& list = scratch.lists[i];
        const PostingIndex::Posting* p = event_postings.postings(list);
        for (std::uint32_t k = 0; k < list.size; ++k)
          if (p[k].slot == slot) dot += double(only.vector[i].weight) * p[k].weight;
      }
      const double norms = std::sqrt(std::max(into.centroid.norm2, 1e-12) * std::max(lone.centroid.norm2, 1e-12));
      if (dot / norms < options.absorb_similarity) continue;
      // scratch.lists are the lone vector's lists, as add_to wants them.
      add_to(into.centroid, only.vector, slot, false, event_postings, scratch);
      for (const WeightedTerm& t : only.vector) event_postings.erase(t.hash, lone_slot);
      into.size += lone.size;
      into.take_days(lone.first_day, lone.last_day);
      for (const std::string& l : lone.langs) add_language(into.langs, l);
      feed_story(into.story, lone_kept->second.names, lone.last_day, lone.langs.empty() ? "" : lone.langs[0]);
      lone.open = false;
      lone.absorbed = true;
      --open_events;
      absorbed.push_back(lone.id);
      // The event's kept documents (if it keeps them) take the folded one in.
      if (auto into_kept = kept.find(into.id); into_kept != kept.end())
        keep_document(into_kept, std::move(lone_kept->second.documents[0]), into.size);
      kept.erase(lone_kept);
    }
  }

  // Splits the event at `slot`, which a document just joined, in two when its kept
  // documents read as two groups (two_means.h): at least 2 * split_min_half of them, all
  // of the event's, and halves of at least split_min_half with a mean margin of at least
  // split_margin. The half holding the event's first document keeps it; the other becomes
  // a new event of the same story. Both centroids are rebuilt from their documents'
  // vectors: the event's postings are erased and each half's documents added again, in
  // the order they joined. Reported in `out` (split_into, moved_documents).
  void split_if_two(std::uint32_t slot, EventAssignment& out) {
    if (!splitting()) return;
    const auto k = kept.find(events[slot].id);
    if (k == kept.end()) return;
    std::vector<KeptDocument>& documents = k->second.documents;
    const std::size_t half = static_cast<std::size_t>(options.split_min_half);
    if (documents.size() < 2 * half || documents.size() != events[slot].size || !in_window(documents.front().seq))
      return;
    ensure_products(k->second);
    TwoGroups groups = split_in_two(k->second.gram);
    if (std::min(groups.first_size, groups.second_size) < half || groups.margin < options.split_margin) return;
    if (groups.in_second[0]) groups.in_second.flip();  // the first document's half keeps the event

    for (const KeptDocument& d : documents)
      for (const WeightedTerm& t : d.vector) event_postings.erase(t.hash, slot);
    std::vector<KeptDocument> stays, moves;
    for (std::size_t i = 0; i < documents.size(); ++i)
      (groups.in_second[i] ? moves : stays).push_back(std::move(documents[i]));
    const std::uint64_t story = events[slot].story;
    const auto new_slot = static_cast<std::uint32_t>(events.size());
    events.emplace_back();
    Event& split_off = events.back();
    split_off.id = next_event++;
    split_off.story = story;
    split_off.open = true;
    ++open_events;
    rebuild_from(slot, stays);
    rebuild_from(new_slot, moves);
    out.split_into = events[new_slot].id;
    for (const KeptDocument& d : moves) {
      out.moved_documents.push_back(d.seq);
      if (d.seq == docs) out.event = out.split_into;
    }
    PackedGram moved_gram = k->second.gram.subset(groups.in_second, true);
    k->second.gram = k->second.gram.subset(groups.in_second, false);
    SplitTerms moved_terms = k->second.split_terms.subset(groups.in_second, true);
    k->second.split_terms = k->second.split_terms.subset(groups.in_second, false);
    k->second.documents = std::move(stays);
    KeptEvent& split_kept = kept[out.split_into];
    split_kept.gram = std::move(moved_gram);
    split_kept.split_terms = std::move(moved_terms);
    split_kept.documents = std::move(moves);
  }

  // Sets the event at `slot` to hold exactly `documents` (of no other event): its
  // centroid, size, dates, languages and last document. Its slot holds no posting.
  void rebuild_from(std::uint32_t slot, const std::vector<KeptDocument>& documents) {
    Event& e = events[slot];
    e.centroid = {};
    e.size = 0;
    e.first_day = e.last_day = -1;
    e.last_seq = 0;
    e.langs.clear();
    for (const KeptDocument& d : documents) {
      event_postings.find_lists(d.vector, scratch.lists);  // as add_to wants them
      add_to(e.centroid, d.vector, slot, e.size == 0, event_postings, scratch);
      ++e.size;
      e.take_days(d.day, d.day);
      add_language(e.langs, d.lang);
      e.last_seq = std::max(e.last_seq, d.seq);
    }
  }

  // The lowest similarity at which a story can take a new event (with many shared names).
  double story_floor() const { return std::min(options.story_threshold, options.story_names_threshold); }

  // The names a document shares with a story: all of them, and the specific ones, those
  // in at most story_specific_name_share of the documents so far (weekdays, "U.S.", an
  // agency's name are shared by any two long articles, and a large story collects them
  // all). The document frequency is looked up only when the lower threshold needs it.
  struct SharedNames {
    int all = 0, specific = 0;
  };
  SharedNames shared_names(const std::vector<std::uint64_t>& names, const Story& s, bool count_specific) const {
    const double most = options.story_specific_name_share * (static_cast<double>(docs) + options.idf_prior_documents);
    SharedNames n;
    for (std::uint64_t name : names) {
      if (s.names.find(name) == nullptr) continue;
      ++n.all;
      if (!count_specific) continue;
      const TermCount* d = df.find(name);
      n.specific += d == nullptr || d->documents <= most ? 1 : 0;
    }
    return n;
  }

  // A story is as similar as its most similar event, open or remembered.
  void note_story_sim(std::uint64_t story, double sim) {
    auto it = std::find_if(story_sims.begin(), story_sims.end(), [&](const auto& p) { return p.first == story; });
    if (it == story_sims.end()) story_sims.emplace_back(story, sim);
    else it->second = std::max(it->second, sim);
  }

  // The story of a new event: among the stories whose closest event is similar enough
  // (story_sims, gathered while scoring events), the most similar one still within its
  // window that shares enough names with the document; else a new story.
  std::uint64_t pick_story(const std::vector<std::uint64_t>& names, int day, bool& is_new) {
    double best = 0;
    const Story* chosen = nullptr;
    for (const auto& [id, sim] : story_sims) {
      const std::uint32_t* slot = story_slot.find(id);
      if (!slot) continue;
      const Story& s = stories[*slot];
      if (!s.open) continue;
      if (day >= 0 && s.last_day >= 0 && std::abs(day - s.last_day) > options.story_window_days) continue;
      const bool below = sim < options.story_threshold;
      const SharedNames shared = shared_names(names, s, below);
      if (shared.all < options.story_min_shared_names) continue;
      if (below && shared.specific < options.story_many_shared_names) continue;
      if (sim > best || (sim == best && chosen && s.id < chosen->id)) {
        best = sim;
        chosen = &s;
      }
    }
    if (chosen) return chosen->id;
    is_new = true;
    story_slot[next_story] = static_cast<std::uint32_t>(stories.size());
    stories.emplace_back();
    Story& s = stories.back();
    s.id = next_story++;
    s.open = true;
    ++open_stories;
    return s.id;
  }

  void feed_story(std::uint64_t id, const std::vector<std::uint64_t>& names, int day, std::string_view lang) {
    const std::uint32_t* slot = story_slot.find(id);
    if (!slot) return;
    Story& s = stories[*slot];
    for (std::uint64_t n : names) ++s.names[n];
    add_language(s.langs, lang);
    if (day >= 0) s.last_day = std::max(s.last_day, day);
    s.last_seq = docs;
  }

  // Drops the document frequency of every term no document held for the last
  // df_horizon_documents (see EventOptions). A sweep reads the whole table, which holds
  // the terms of about a horizon's documents: run every quarter horizon, it costs a
  // few slots per document whatever the horizon.
  std::uint32_t horizon() const { return std::min(options.df_horizon_documents, std::uint32_t{1} << 31); }
  std::uint64_t forget_period() const { return std::max<std::uint64_t>(horizon() / 4, 64); }
  void forget_old_terms() {
    const auto now = static_cast<std::uint32_t>(docs);
    const std::uint32_t oldest_age = horizon();
    df.erase_if([&](std::uint64_t, const TermCount& c) { return now - c.last_seen > oldest_age; });
  }

  // Retires idle events and stories, then rebuilds the posting lists without them so no
  // posting points into a freed centroid.
  void retire() {
    auto idle_events = [&](const Event& e) {
      return clock_day >= 0 && e.last_day >= 0 && clock_day - e.last_day > 2 * options.event_window_days;
    };
    auto idle_stories = [&](const Story& s) {
      return clock_day >= 0 && s.last_day >= 0 && clock_day - s.last_day > options.story_window_days;
    };
    std::erase_if(kept, [&](const auto& kv) {
      return kv.second.documents.empty() || !in_window(kv.second.documents.front().seq);
    });
    bool changed = retire_items(events, open_events, options.max_open_events, idle_events);
    changed = retire_items(stories, open_stories, options.max_open_stories, idle_stories) || changed;
    if (changed) rebuild();
  }

  template <typename Item, typename Idle>
  bool retire_items(std::vector<Item>& items, std::size_t& open, std::size_t max_open, Idle idle) {
    bool changed = false;
    for (auto& it : items)
      if (it.open && idle(it)) {
        it.open = false;
        --open;
        changed = true;
      }
    if (open > max_open) {
      std::vector<std::pair<std::uint64_t, std::size_t>> by_age;
      for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].open) by_age.push_back({items[i].last_seq, i});
      std::sort(by_age.begin(), by_age.end());
      for (std::size_t k = 0; k < by_age.size() - max_open; ++k) {
        items[by_age[k].second].open = false;
        --open;
      }
      changed = true;
    }
    return changed;
  }

  void rebuild() {
    // What the stories remember of the events that retired: a story that retired forgets
    // its sketch; one still open keeps the event of it that retired last (sketches are
    // set in order of last activity, so that one replaces the others). Their terms are
    // read from the postings as the rebuild drops them.
    for (const Story& st : stories)
      if (!st.open) sketches.drop(st.id);
    constexpr std::uint32_t kNone = ~0u;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> retired;  // (last_seq, slot)
    for (std::size_t i = 0; i < events.size(); ++i) {
      const std::uint32_t* story = story_slot.find(events[i].story);
      if (!events[i].open && !events[i].absorbed && story && stories[*story].open)
        retired.emplace_back(events[i].last_seq, i);
    }
    std::sort(retired.begin(), retired.end());
    std::vector<std::uint32_t> rank(events.size(), kNone);
    for (std::uint32_t k = 0; k < retired.size(); ++k) rank[retired[k].second] = k;
    std::vector<std::vector<WeightedTerm>> retired_terms(retired.size());

    // The open events keep their order, so their new slots count them.
    std::vector<std::uint32_t> new_slot(events.size(), PostingIndex::kDropped);
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < events.size(); ++i)
      if (events[i].open) new_slot[i] = next++;
    event_postings.drop_and_renumber(new_slot, [&](std::uint64_t h, const PostingIndex::Posting& p) {
      if (rank[p.slot] != kNone) retired_terms[rank[p.slot]].push_back({h, p.weight});
    });
    for (std::uint32_t k = 0; k < retired.size(); ++k) {
      const Event& e = events[retired[k].second];
      sketches.set(e.story, StorySketches::strongest(std::move(retired_terms[k]), e.centroid.norm2, kSketchTerms, strongest_scratch));
    }
    for (const Event& e : events)
      if (!e.open) kept.erase(e.id);
    std::erase_if(events, [](const Event& e) { return !e.open; });
    std::erase_if(stories, [](const Story& s) { return !s.open; });
    story_slot.clear();
    for (std::size_t i = 0; i < stories.size(); ++i) story_slot[stories[i].id] = static_cast<std::uint32_t>(i);
  }
};

EventClusterer::EventClusterer(EventOptions options) : state_(std::make_unique<State>()) {
  state_->options = options;
}
EventClusterer::~EventClusterer() = default;
EventClusterer::EventClusterer(EventClusterer&&) noexcept = default;
EventClusterer& EventClusterer::operator=(EventClusterer&&) noexcept = default;

EventAssignment EventClusterer::add(const DocumentTerms& terms, std::string_view date, std::string_view lang) {
  return state_->add(terms, date, lang);
}
std::size_t EventClusterer::open_events() const { return state_->open_events; }
std::size_t EventClusterer::open_stories() const { return state_->open_stories; }
std::size_t EventClusterer::documents() const { return state_->docs; }
std::size_t EventClusterer::known_terms() const { return state_->df.size(); }

std::string EventClusterer::serialize() const {
  const State& s = *state_;
  std::string out;
  put_u64(out, kStateMagic);
  put_u64(out, s.docs);
  put_u64(out, s.next_event);
  put_u64(out, s.next_story);
  put_u64(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(s.clock_day)));
  // Sorted so equal states give equal bytes. A term's count and age (documents since
  // one last held it) share a word: the age of a kept term is below 2^32.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> df;
  df.reserve(s.df.size());
  const auto now = static_cast<std::uint32_t>(s.docs);
  s.df.for_each([&](std::uint64_t h, const TermCount& c) {
    df.emplace_back(h, c.documents | std::uint64_t{static_cast<std::uint32_t>(now - c.last_seen)} << 32);
  });
  std::sort(df.begin(), df.end());
  put_u64(out, df.size());
  for (auto [h, packed] : df) {
    put_u64(out, h);
    put_u64(out, packed);
  }
  // Each event's terms and weights, from the postings.
  std::vector<std::vector<std::pair<std::uint64_t, float>>> centroid_terms(s.events.size());
  s.event_postings.for_each([&](std::uint64_t h, const PostingIndex::Posting& p) {
    if (s.events[p.slot].open) centroid_terms[p.slot].emplace_back(h, p.weight);
  });
  auto put_centroid = [&](const Centroid& c, std::vector<std::pair<std::uint64_t, float>>& w) {
    std::sort(w.begin(), w.end());
    put_u64(out, w.size());
    for (auto [h, x] : w) {
      put_u64(out, h);
      put_f64(out, x);
    }
    put_f64(out, c.norm2);
  };
  auto day = [](int d) { return static_cast<std::uint64_t>(static_cast<std::int64_t>(d)); };
  put_u64(out, s.open_events);
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const Event& e = s.events[i];
    if (!e.open) continue;
    put_u64(out, e.id);
    put_u64(out, e.story);
    put_u64(out, day(e.first_day));
    put_u64(out, day(e.last_day));
    put_u64(out, e.last_seq);
    put_u64(out, e.size);
    put_u64(out, e.langs.size());
    for (const auto& l : e.langs) put_str(out, l);
    put_centroid(e.centroid, centroid_terms[i]);
    // Its kept documents (0 when none), then, when there are some, the names kept.
    const auto k = s.kept.find(e.id);
    put_u64(out, k == s.kept.end() ? 0 : k->second.documents.size());
    if (k != s.kept.end()) {
      for (const KeptDocument& d : k->second.documents) {
        put_u64(out, d.seq);
        put_u64(out, day(d.day));
        put_str(out, d.lang);
        put_u64(out, d.vector.size());
        for (const WeightedTerm& t : d.vector) {
          put_u64(out, t.hash);
          put_f64(out, t.weight);
        }
      }
      put_u64(out, k->second.names.size());
      for (std::uint64_t n : k->second.names) put_u64(out, n);
    }
  }
  put_u64(out, s.open_stories);
  for (const Story& st : s.stories) {
    if (!st.open) continue;
    put_u64(out, st.id);
    put_u64(out, day(st.last_day));
    put_u64(out, st.last_seq);
    put_u64(out, st.langs.size());
    for (const auto& l : st.langs) put_str(out, l);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> names;
    names.reserve(st.names.size());
    st.names.for_each([&](std::uint64_t h, std::uint32_t n) { names.emplace_back(h, n); });
    std::sort(names.begin(), names.end());
    put_u64(out, names.size());
    for (auto [h, n] : names) {
      put_u64(out, h);
      put_u64(out, n);
    }
  }
  const auto sketches = s.sketches.all();
  put_u64(out, sketches.size());
  for (const auto& [story, terms] : sketches) {
    put_u64(out, story);
    put_u64(out, terms->size());
    for (const WeightedTerm& t : *terms) {
      put_u64(out, t.hash);
      put_f64(out, t.weight);
    }
  }
  return out;
}

Result<EventClusterer> EventClusterer::restore(std::string_view bytes, EventOptions options) {
  Reader r(bytes);
  const std::uint64_t magic = r.u64();
  if (magic != kStateMagic && magic != kStateMagicWithLoneOnly && magic != kStateMagicWithoutLone &&
      magic != kStateMagicWithoutAges && magic != kStateMagicWithoutSketches)
    return Status::Error("event state: not a storyline event state");
  EventClusterer c(options);
  State& s = *c.state_;
  s.docs = r.u64();
  s.next_event = r.u64();
  s.next_story = r.u64();
  s.clock_day = static_cast<int>(static_cast<std::int64_t>(r.u64()));
  const std::uint64_t n_df = r.u64();
  for (std::uint64_t i = 0; i < n_df && r.ok(); ++i) {
    const std::uint64_t h = r.u64();
    const std::uint64_t packed = r.u64();
    // An older state wrote the count alone (its high half 0): age 0.
    const std::uint32_t age =
        magic == kStateMagic || magic == kStateMagicWithLoneOnly || magic == kStateMagicWithoutLone
            ? static_cast<std::uint32_t>(packed >> 32)
            : 0;
    s.df[h] = {static_cast<std::uint32_t>(packed), static_cast<std::uint32_t>(s.docs) - age};
  }
  // serialize() writes a centroid's terms in increasing order: a repeated term (which
  // would score twice) can only be corruption.
  bool repeated_term = false;
  auto get_centroid = [&](Centroid& c, std::uint32_t slot) {
    const std::uint64_t n = r.u64();
    s.scratch.added.clear();
    for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
      const std::uint64_t h = r.u64();
      if (i > 0 && h <= s.scratch.added.back().first) repeated_term = true;
      s.scratch.added.emplace_back(h, static_cast<float>(r.f64()));
    }
    s.event_postings.add_all(s.scratch.added, slot, s.scratch.list_refs);
    c.norm2 = r.f64();
  };
  auto day = [&] { return static_cast<int>(static_cast<std::int64_t>(r.u64())); };
  const std::uint64_t n_events = r.u64();
  for (std::uint64_t i = 0; i < n_events && r.ok(); ++i) {
    Event& e = s.events.emplace_back();
    e.id = r.u64();
    e.story = r.u64();
    e.first_day = day();
    e.last_day = day();
    e.last_seq = r.u64();
    e.size = static_cast<std::uint32_t>(r.u64());
    for (std::uint64_t n = r.u64(), k = 0; k < n && r.ok() && k < 64; ++k) e.langs.push_back(r.str());
    get_centroid(e.centroid, static_cast<std::uint32_t>(s.events.size() - 1));
    if (magic == kStateMagic) {
      const std::uint64_t n_kept = r.u64();
      if (n_kept > 0 && n_kept != e.size) r.fail();  // an event keeps all of its documents or none
      if (n_kept > 0 && r.ok()) {
        KeptEvent& k = s.kept[e.id];
        // Their products are not saved: taken again at the next test, they are the same
        // numbers.
        for (std::uint64_t i = 0; i < n_kept && r.ok(); ++i) {
          KeptDocument d;
          d.seq = r.u64();
          d.day = day();
          d.lang = r.str();
          const std::uint64_t n = r.u64();
          for (std::uint64_t t = 0; t < n && r.ok(); ++t) {
            const std::uint64_t h = r.u64();
            if (t > 0 && h <= d.vector.back().hash) repeated_term = true;
            d.vector.push_back({h, static_cast<float>(r.f64())});
          }
          k.documents.push_back(std::move(d));
        }
        for (std::uint64_t n = r.u64(), i = 0; i < n && r.ok(); ++i) k.names.push_back(r.u64());
      }
    } else if (magic == kStateMagicWithLoneOnly) {
      // 0, or 1 + the number of names of a one-document event's document, whose vector is
      // the centroid, its number the event's last one, its day and language the event's.
      const std::uint64_t lone = r.u64();
      if (lone > 0 && e.size == 1 && r.ok()) {
        KeptEvent& k = s.kept[e.id];
        KeptDocument only;
        only.seq = e.last_seq;
        only.day = e.first_day;
        only.lang = e.langs.empty() ? "" : e.langs[0];
        for (const auto& [h, w] : s.scratch.added) only.vector.push_back({h, w});
        k.documents.push_back(std::move(only));
        for (std::uint64_t i = 1; i < lone && r.ok(); ++i) k.names.push_back(r.u64());
      } else if (lone > 0) {
        r.fail();  // only a one-document event kept its document
      }
    }
    e.open = true;
  }
  const std::uint64_t n_stories = r.u64();
  for (std::uint64_t i = 0; i < n_stories && r.ok(); ++i) {
    Story& st = s.stories.emplace_back();
    st.id = r.u64();
    st.last_day = day();
    st.last_seq = r.u64();
    for (std::uint64_t n = r.u64(), k = 0; k < n && r.ok() && k < 64; ++k) st.langs.push_back(r.str());
    const std::uint64_t n = r.u64();
    for (std::uint64_t k = 0; k < n && r.ok(); ++k) {
      const std::uint64_t h = r.u64();
      st.names[h] = static_cast<std::uint32_t>(r.u64());
    }
    st.open = true;
  }
  const std::uint64_t n_sketches = magic != kStateMagicWithoutSketches ? r.u64() : 0;
  for (std::uint64_t i = 0; i < n_sketches && r.ok(); ++i) {
    const std::uint64_t story = r.u64();
    std::vector<WeightedTerm> terms;
    for (std::uint64_t n = r.u64(), k = 0; k < n && r.ok() && k < kSketchTerms; ++k) {
      const std::uint64_t h = r.u64();
      terms.push_back({h, static_cast<float>(r.f64())});
    }
    s.sketches.set(story, std::move(terms));
  }
  if (!r.ok() || !r.at_end() || repeated_term) return Status::Error("event state: truncated or corrupt");
  s.open_events = s.events.size();
  s.open_stories = s.stories.size();
  s.rebuild();
  return c;
}

}  // namespace storyline
