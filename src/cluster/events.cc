#include "storyline/events.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

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
  // Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
  const int yy = y - (m <= 2);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {

// "YYYY-MM-DD" of a day number (the inverse of day_number, same algorithm).
std::string civil_date(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const int y = yoe + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A sum of unit document vectors. References into `weights` stay valid while the map
// lives (unordered_map never moves its nodes), which the posting lists rely on.
struct Centroid {
  std::unordered_map<std::uint64_t, float> weights;
  double norm2 = 0;
};

struct Posting {
  std::uint32_t slot;
  const float* weight;
};

struct Event {
  std::uint64_t id = 0;
  std::uint64_t story = 0;
  Centroid centroid;
  int first_day = -1, last_day = -1;
  std::uint64_t last_seq = 0;
  std::uint32_t size = 0;
  std::vector<std::string> langs;  // languages of its members
  bool open = false;
};

struct Story {
  std::uint64_t id = 0;
  Centroid centroid;
  std::unordered_map<std::uint64_t, std::uint32_t> names;
  int last_day = -1;
  std::uint64_t last_seq = 0;
  std::vector<std::string> langs;
  bool open = false;
};

// Adds a vector to a centroid; new terms get a posting so later documents find it.
void add_to(Centroid& c, const std::vector<WeightedTerm>& v, std::uint32_t slot,
            std::unordered_map<std::uint64_t, std::vector<Posting>>& postings) {
  for (const auto& t : v) {
    auto [it, inserted] = c.weights.try_emplace(t.hash, 0.0f);
    const double before = it->second;
    it->second += t.weight;
    c.norm2 += double(it->second) * it->second - before * before;
    if (inserted) postings[t.hash].push_back({slot, &it->second});
  }
}

// Scores every open item sharing a term with v: dot(v, centroid), accumulated per slot.
// A slot appears at most once per posting list, so its sum is taken in the order of v's
// terms (sorted by hash) whatever the order of the postings: a restored state, whose
// postings were rebuilt, scores bit-for-bit like the live one.
template <typename Item>
void score(const std::vector<WeightedTerm>& v, const std::unordered_map<std::uint64_t, std::vector<Posting>>& postings,
           const std::vector<Item>& items, std::vector<double>& acc, std::vector<std::uint32_t>& touched) {
  if (acc.size() < items.size()) acc.resize(items.size(), 0.0);
  for (const auto& t : v) {
    auto it = postings.find(t.hash);
    if (it == postings.end()) continue;
    for (const Posting& p : it->second) {
      if (!items[p.slot].open) continue;
      if (acc[p.slot] == 0.0) touched.push_back(p.slot);
      acc[p.slot] += double(t.weight) * *p.weight;
    }
  }
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

 private:
  std::uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

constexpr std::uint64_t kStateMagic = 0x53544c4556543031ULL;  // "STLEVT01"

}  // namespace

struct EventClusterer::State {
  EventOptions options;
  std::unordered_map<std::uint64_t, std::uint32_t> df;
  std::uint64_t docs = 0;
  std::uint64_t next_event = 1, next_story = 1;
  int clock_day = -1;  // the latest date seen: the stream's "now"
  std::vector<Event> events;
  std::vector<Story> stories;
  std::unordered_map<std::uint64_t, std::vector<Posting>> event_postings, story_postings;
  std::vector<double> acc;
  std::vector<std::uint32_t> touched;
  std::size_t open_events = 0, open_stories = 0;

  // log(df + 0.5), tabulated for the small counts nearly every term has.
  std::vector<double> log_df_table;
  double log_df(std::uint32_t df_value) {
    if (log_df_table.empty())
      for (std::uint32_t k = 0; k < 4096; ++k) log_df_table.push_back(std::log(k + 0.5));
    return df_value < log_df_table.size() ? log_df_table[df_value] : std::log(df_value + 0.5);
  }

  std::vector<WeightedTerm> weigh(const DocumentTerms& terms) {
    ++docs;
    std::vector<std::uint32_t> counts;  // each term's df, looked up once
    counts.reserve(terms.terms.size());
    for (const auto& t : terms.terms) counts.push_back(++df[t.hash]);
    std::vector<WeightedTerm> v;
    v.reserve(terms.terms.size());
    double norm2 = 0;
    const double n = static_cast<double>(docs);
    const double log_n = std::log(n + 1.0 + options.idf_prior_documents);
    for (std::size_t k = 0; k < terms.terms.size(); ++k) {
      const WeightedTerm& t = terms.terms[k];
      // Sublinear term frequency; weights below one come from the position decay.
      const double tf = t.weight >= 1 ? 1.0 + std::log(double(t.weight)) : double(t.weight);
      // The prior's pseudo-documents contain no term: on a cold start (five articles) a
      // word they all share still weighs something, and on a long stream the prior fades.
      const double idf = log_n - log_df(counts[k]);
      const double w = tf * idf;
      if (w <= 0) continue;
      v.push_back({t.hash, static_cast<float>(w)});
      norm2 += w * w;
    }
    // Normalize on the whole vector, then keep the strongest terms: the dropped tail is
    // mostly words seen once, and a short vector keeps scoring cheap.
    const float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
    for (auto& t : v) t.weight *= inv;
    const auto k = static_cast<std::size_t>(options.max_document_terms);
    if (v.size() > k) {
      std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end(),
                       [](const WeightedTerm& a, const WeightedTerm& b) {
                         return a.weight != b.weight ? a.weight > b.weight : a.hash < b.hash;
                       });
      v.resize(k);
    }
    std::sort(v.begin(), v.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; });
    return v;
  }

  // True when one of the month-days a text names falls in the month before an event's
  // dated members or during them (in the event's year).
  static bool names_day_of(const std::vector<int>& month_days, const Event& e) {
    if (e.first_day < 0) return false;
    const std::string year = civil_date(e.first_day).substr(0, 4);
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
    const std::vector<WeightedTerm> v = weigh(terms);
    const int day = day_number(date);
    if (day > clock_day) clock_day = day;
    EventAssignment out;

    // Best event: the most similar one the date allows. Only when there is none, an
    // event the date rules out but the text matches anyway: far above the threshold (a
    // copy), or at the threshold when the text names a day of that event's month (a page
    // whose own date contradicts what it reports, such as a mirror's capture date).
    touched.clear();
    score(v, event_postings, events, acc, touched);
    double best = 0, best_conflicting = 0;
    std::int64_t best_slot = -1, conflicting_slot = -1;
    for (std::uint32_t slot : touched) {
      const Event& e = events[slot];
      const double sim = acc[slot] / std::sqrt(std::max(e.centroid.norm2, 1e-12)) * language_factor(lang, e.langs);
      acc[slot] = 0;
      if (sim < options.event_threshold) continue;
      int gap = 0;
      if (day >= 0 && e.first_day >= 0) gap = day > e.last_day ? day - e.last_day : (day < e.first_day ? e.first_day - day : 0);
      if (gap <= options.event_window_days) {
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
      slot = static_cast<std::uint32_t>(events.size());
      events.emplace_back();
      Event& e = events.back();
      e.id = next_event++;
      e.open = true;
      ++open_events;
      out.new_event = true;
      e.story = pick_story(v, terms.names, day, lang, out.new_story);
    }
    Event& e = events[slot];
    add_to(e.centroid, v, slot, event_postings);
    ++e.size;
    e.last_seq = docs;
    if (!lang.empty() && std::find(e.langs.begin(), e.langs.end(), lang) == e.langs.end()) e.langs.emplace_back(lang);
    if (day >= 0 && !out.date_conflict) {
      e.first_day = e.first_day < 0 ? day : std::min(e.first_day, day);
      e.last_day = std::max(e.last_day, day);
    }
    out.event = e.id;
    out.story = e.story;
    feed_story(e.story, v, terms.names, out.date_conflict ? -1 : day, lang);
    if (docs % 1024 == 0 || open_events > options.max_open_events + options.max_open_events / 8 ||
        open_stories > options.max_open_stories + options.max_open_stories / 8)
      retire();
    return out;
  }

  std::uint64_t pick_story(const std::vector<WeightedTerm>& v, const std::vector<std::uint64_t>& names, int day,
                           std::string_view lang, bool& is_new) {
    touched.clear();
    score(v, story_postings, stories, acc, touched);
    double best = 0;
    std::int64_t best_slot = -1;
    for (std::uint32_t slot : touched) {
      const Story& s = stories[slot];
      const double sim = acc[slot] / std::sqrt(std::max(s.centroid.norm2, 1e-12)) * language_factor(lang, s.langs);
      acc[slot] = 0;
      if (sim < options.story_threshold) continue;
      if (day >= 0 && s.last_day >= 0 && std::abs(day - s.last_day) > options.story_window_days) continue;
      int shared = 0;
      for (std::uint64_t n : names) shared += s.names.count(n) ? 1 : 0;
      if (shared < options.story_min_shared_names) continue;
      if (sim > best || (sim == best && best_slot >= 0 && s.id < stories[best_slot].id)) {
        best = sim;
        best_slot = slot;
      }
    }
    if (best_slot >= 0) return stories[best_slot].id;
    is_new = true;
    stories.emplace_back();
    Story& s = stories.back();
    s.id = next_story++;
    s.open = true;
    ++open_stories;
    return s.id;
  }

  void feed_story(std::uint64_t id, const std::vector<WeightedTerm>& v, const std::vector<std::uint64_t>& names,
                  int day, std::string_view lang) {
    // Story ids grow with their slots until a retirement compacts them; search from the end.
    for (std::size_t i = stories.size(); i-- > 0;) {
      Story& s = stories[i];
      if (s.id != id) continue;
      add_to(s.centroid, v, static_cast<std::uint32_t>(i), story_postings);
      for (std::uint64_t n : names) ++s.names[n];
      if (!lang.empty() && std::find(s.langs.begin(), s.langs.end(), lang) == s.langs.end()) s.langs.emplace_back(lang);
      if (day >= 0) s.last_day = std::max(s.last_day, day);
      s.last_seq = docs;
      return;
    }
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
    std::erase_if(events, [](const Event& e) { return !e.open; });
    std::erase_if(stories, [](const Story& s) { return !s.open; });
    event_postings.clear();
    story_postings.clear();
    for (std::size_t i = 0; i < events.size(); ++i)
      for (auto& [h, w] : events[i].centroid.weights) event_postings[h].push_back({static_cast<std::uint32_t>(i), &w});
    for (std::size_t i = 0; i < stories.size(); ++i)
      for (auto& [h, w] : stories[i].centroid.weights) story_postings[h].push_back({static_cast<std::uint32_t>(i), &w});
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

std::string EventClusterer::serialize() const {
  const State& s = *state_;
  std::string out;
  put_u64(out, kStateMagic);
  put_u64(out, s.docs);
  put_u64(out, s.next_event);
  put_u64(out, s.next_story);
  put_u64(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(s.clock_day)));
  // Sorted so equal states give equal bytes.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> df(s.df.begin(), s.df.end());
  std::sort(df.begin(), df.end());
  put_u64(out, df.size());
  for (auto [h, n] : df) {
    put_u64(out, h);
    put_u64(out, n);
  }
  auto put_centroid = [&](const Centroid& c) {
    std::vector<std::pair<std::uint64_t, float>> w(c.weights.begin(), c.weights.end());
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
  for (const Event& e : s.events) {
    if (!e.open) continue;
    put_u64(out, e.id);
    put_u64(out, e.story);
    put_u64(out, day(e.first_day));
    put_u64(out, day(e.last_day));
    put_u64(out, e.last_seq);
    put_u64(out, e.size);
    put_u64(out, e.langs.size());
    for (const auto& l : e.langs) put_str(out, l);
    put_centroid(e.centroid);
  }
  put_u64(out, s.open_stories);
  for (const Story& st : s.stories) {
    if (!st.open) continue;
    put_u64(out, st.id);
    put_u64(out, day(st.last_day));
    put_u64(out, st.last_seq);
    put_u64(out, st.langs.size());
    for (const auto& l : st.langs) put_str(out, l);
    put_centroid(st.centroid);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> names(st.names.begin(), st.names.end());
    std::sort(names.begin(), names.end());
    put_u64(out, names.size());
    for (auto [h, n] : names) {
      put_u64(out, h);
      put_u64(out, n);
    }
  }
  return out;
}

Result<EventClusterer> EventClusterer::restore(std::string_view bytes, EventOptions options) {
  Reader r(bytes);
  if (r.u64() != kStateMagic) return Status::Error("event state: not a storyline event state");
  EventClusterer c(options);
  State& s = *c.state_;
  s.docs = r.u64();
  s.next_event = r.u64();
  s.next_story = r.u64();
  s.clock_day = static_cast<int>(static_cast<std::int64_t>(r.u64()));
  const std::uint64_t n_df = r.u64();
  for (std::uint64_t i = 0; i < n_df && r.ok(); ++i) {
    const std::uint64_t h = r.u64();
    s.df[h] = static_cast<std::uint32_t>(r.u64());
  }
  auto get_centroid = [&](Centroid& c) {
    const std::uint64_t n = r.u64();
    for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
      const std::uint64_t h = r.u64();
      c.weights[h] = static_cast<float>(r.f64());
    }
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
    get_centroid(e.centroid);
    e.open = true;
  }
  const std::uint64_t n_stories = r.u64();
  for (std::uint64_t i = 0; i < n_stories && r.ok(); ++i) {
    Story& st = s.stories.emplace_back();
    st.id = r.u64();
    st.last_day = day();
    st.last_seq = r.u64();
    for (std::uint64_t n = r.u64(), k = 0; k < n && r.ok() && k < 64; ++k) st.langs.push_back(r.str());
    get_centroid(st.centroid);
    const std::uint64_t n = r.u64();
    for (std::uint64_t k = 0; k < n && r.ok(); ++k) {
      const std::uint64_t h = r.u64();
      st.names[h] = static_cast<std::uint32_t>(r.u64());
    }
    st.open = true;
  }
  if (!r.ok() || !r.at_end()) return Status::Error("event state: truncated or corrupt");
  s.open_events = s.events.size();
  s.open_stories = s.stories.size();
  s.rebuild();
  return c;
}

}  // namespace storyline
