#include "storyline/quotes.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "analysis/mentions.h"
#include "text/utf8.h"

namespace storyline {
namespace {

using analysis::Mention;
using analysis::MentionKind;
using analysis::Word;
using analysis::lower;

// ---------------------------------------------------------------------------------------
// Quotation marks.

struct Span {
  std::size_t open = 0;        // byte of the opening mark
  std::size_t text_begin = 0;  // first byte inside
  std::size_t text_end = 0;    // one past the last byte inside
  std::size_t close_end = 0;   // one past the closing mark (= text_end when unclosed)
  bool closed = true;
};

struct Mark {
  std::string_view open, close;
};

// Pairs of marks. Straight marks close themselves; the curly and corner ones have their own
// closing mark. Inside a span only its own closing mark is looked for, so an apostrophe
// in “don’t” or a "word" inside «…» cannot end it early: one pass, no backtracking.
const Mark kMarks[] = {
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"''", "''"},                      // doubled apostrophes (before the single " check)
    {"\"", "\""},
    {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
    {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
    {"\xC2\xAB", "\xC2\xBB"},          // « »
    {"\xE2\x80\x9E", "\xE2\x80\x9C"},  // „ “ (German)
};

std::vector<Span> find_spans(std::string_view s) {
  std::vector<Span> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const Mark* mark = nullptr;
    for (const Mark& m : kMarks) {
      if (s.substr(i).starts_with(m.open)) {
        mark = &m;
        break;
      }
    }
    if (!mark) {
      ++i;
      continue;
    }
    Span sp;
    sp.open = i;
    sp.text_begin = i + mark->open.size();
    const std::size_t close = s.find(mark->close, sp.text_begin);
    if (close == std::string_view::npos) {
      // A quote running on into the next paragraph leaves its closing mark out.
      sp.text_end = sp.close_end = s.size();
      sp.closed = false;
    } else {
      sp.text_end = close;
      sp.close_end = close + mark->close.size();
    }
    if (sp.text_end > sp.text_begin) out.push_back(sp);
    i = sp.close_end > i ? sp.close_end : i + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Speakers.

struct Who {
  SpeakerKind kind = SpeakerKind::kUnknown;
  std::string name, role;
  bool pronoun = false;       // he / she / they: the last person named
  bool anaphor = false;       // "this official", "the statement": the last such speaker
  bool found = false;
  bool after = false;         // read from the words after the quote
};

bool is_pronoun(std::string_view w) {
  const std::string l = lower(w);
  return l == "he" || l == "she" || l == "they";
}

// Heads of noun phrases that name an unnamed source.
bool is_anonymous_noun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "official", "officials", "source", "sources", "diplomat", "diplomats", "aide", "aides",
      "officer", "officers", "spokesman", "spokeswoman", "spokesperson", "person", "people",
      "adviser", "advisers", "advisor", "advisors", "analyst", "analysts", "expert", "experts",
      "lawmaker", "lawmakers", "member", "members", "resident", "residents", "witness",
      "witnesses", "insider", "insiders", "negotiator", "negotiators", "staffer", "staffers",
      "executive", "executives", "commander", "commanders", "soldier", "soldiers", "minister",
      "ministers", "leader", "leaders", "envoy", "envoys"};
  return kNouns.count(lower(w)) > 0;
}

bool is_org_noun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "government", "ministry", "embassy", "office", "agency", "company", "administration",
      "department", "military", "army", "kremlin", "council", "commission", "court",
      "spokesman's", "firm", "group", "party", "campaign", "police", "white"};
  return kNouns.count(lower(w)) > 0;
}

bool is_statement_noun(std::string_view w) {
  const std::string l = lower(w);
  return l == "statement" || l == "release" || l == "communique" || l == "letter" || l == "report";
}

bool is_determiner(std::string_view w) {
  static const std::unordered_set<std::string_view> kDet = {
      "a", "an", "the", "one", "another", "this", "that", "two", "three", "four", "five",
      "several", "some", "many", "other", "senior", "both", "these", "those"};
  return kDet.count(lower(w)) > 0;
}

// Words that may stand between a speaker and the verb: "Blinken on Friday said",
// "Peskov also told", "officials had previously said".
bool is_filler(std::string_view w) {
  static const std::unordered_set<std::string_view> kFill = {
      "on", "also", "later", "then", "again", "previously", "earlier", "recently", "has",
      "had", "have", "was", "were", "is", "had", "once", "further", "separately", "publicly",
      "privately", "repeatedly", "today", "yesterday", "tonight", "last", "night", "week",
      "in", "a", "statement", "interview", "would", "will", "has", "reportedly", "herself",
      "himself", "themselves", "told", "reporters", "journalists"};
  return kFill.count(lower(w)) > 0 || analysis::is_calendar_word(w);
}

// A common noun phrase read from its first word forward: "a U.S. official", "another
// senior U.S. official", "the German government", "Ukrainian officials". At most six
// words, ending at its head noun.
std::optional<std::pair<Who, std::size_t>> np_forward(const std::vector<Word>& w, std::size_t k,
                                                       std::string_view s) {
  if (k >= w.size()) return std::nullopt;
  const std::size_t start = k;
  for (std::size_t j = k; j < w.size() && j < k + 6; ++j) {
    if (j > k && s.substr(w[j - 1].end, w[j].begin - w[j - 1].end).find_first_not_of(" ") != std::string_view::npos)
      return std::nullopt;  // punctuation inside: not one phrase
    const std::string l = lower(w[j].text);
    Who who;
    who.found = true;
    const std::string np(s.substr(w[start].begin, w[j].end - w[start].begin));
    if (is_anonymous_noun(l)) {
      who.kind = SpeakerKind::kAnonymous;
      const std::string det = lower(w[start].text);
      const bool singular = l.back() != 's' || l == "witness";
      // "this official", "the official": the one just quoted.
      if (j == start + 1 && (det == "this" || det == "that" || det == "the") && singular) who.anaphor = true;
      // One anonymous source is "a …" whatever the determiner ("another", "one").
      if (singular && (det == "another" || det == "one" || det == "this" || det == "that" || det == "the")) {
        std::string rest(s.substr(w[start + 1 < w.size() ? start + 1 : start].begin, w[j].end - w[start + 1 < w.size() ? start + 1 : start].begin));
        if (j == start) rest = np;
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[0])));
        // "an official", but "a European", "a one-time aide": the sound decides.
        const std::string lr = lower(rest.substr(0, 3));
        const bool vowel = (c == 'a' || c == 'e' || c == 'i' || c == 'o') && !lr.starts_with("eu") &&
                           !lr.starts_with("one");
        who.name = std::string(vowel ? "an " : "a ") + rest;
      } else {
        who.name = np;
      }
      // A lone head like "officials" without a determiner or modifier is still a source.
      return std::make_pair(who, j + 1);
    }
    const bool noun_follows = j + 1 < w.size() && is_anonymous_noun(w[j + 1].text) &&
                              s.substr(w[j].end, w[j + 1].begin - w[j].end) == " ";
    if (is_org_noun(l) && j > start && !noun_follows) {  // "police official" is a person
      who.kind = SpeakerKind::kOrganization;
      who.name = np;
      return std::make_pair(who, j + 1);
    }
    if (is_statement_noun(l) && j == start + 1) {
      who.anaphor = true;
      who.kind = SpeakerKind::kOrganization;
      return std::make_pair(who, j + 1);
    }
    // Only determiners, adjectives and capitalised modifiers ("U.S.", "German") lead up;
    // a second determiner means two phrases ("that includes … this official").
    if (analysis::is_speech_verb(l)) return std::nullopt;
    if (j > start && is_determiner(l) && l != "senior" && l != "other") return std::nullopt;
    if (j == start && !is_determiner(l) && !w[j].capitalized) return std::nullopt;
  }
  return std::nullopt;
}

struct Context {
  std::string_view text;
  const std::vector<Word>* words;
  const std::vector<Mention>* mentions;
};

const Mention* mention_starting(const Context& c, std::size_t k) {
  for (const Mention& m : *c.mentions) {
    if (m.first_word == k || (k + 1 == m.first_word && lower((*c.words)[k].text) == "the")) return &m;
  }
  return nullptr;
}

const Mention* mention_ending(const Context& c, std::size_t k) {
  for (const Mention& m : *c.mentions) {
    if (m.last_word == k) return &m;
  }
  return nullptr;
}

Who from_mention(const Mention& m) {
  Who who;
  who.found = true;
  who.name = m.name;
  who.role = m.role;
  switch (m.kind) {
    case MentionKind::kOrganization:
    case MentionKind::kPlace:  // "Germany said": a country speaks through its government
      who.kind = SpeakerKind::kOrganization;
      break;
    case MentionKind::kThing:
      who.kind = SpeakerKind::kOrganization;  // an acronym speaking is an organisation
      break;
    default:
      who.kind = SpeakerKind::kPerson;
  }
  return who;
}

// The speaker named from word k on, then the speech verb: "Blinken told", "he said",
// "the German government said in a statement", "Medvedev, the deputy head…, said".
std::optional<Who> speaker_then_verb(const Context& c, std::size_t k) {
  const auto& w = *c.words;
  if (k >= w.size()) return std::nullopt;
  Who who;
  std::size_t after = k;
  if (is_pronoun(w[k].text)) {
    who.found = true;
    who.pronoun = true;
    who.kind = SpeakerKind::kPerson;
    after = k + 1;
  } else if (const Mention* m = mention_starting(c, k); m && m->kind != MentionKind::kUnknown) {
    who = from_mention(*m);
    after = m->last_word + 1;
  } else if (auto np = np_forward(w, k, c.text)) {
    who = np->first;
    after = np->second;
  } else if (w[k].capitalized && k + 1 < w.size() && analysis::is_speech_verb(w[k + 1].text) &&
             !analysis::is_function_word(w[k].text)) {
    who.found = true;  // a lone name before a speech verb
    who.kind = SpeakerKind::kPerson;
    who.name = std::string(w[k].text);
    after = k + 1;
  } else {
    return std::nullopt;
  }
  // An appositive: "Dmitry Peskov, the Kremlin spokesman, said".
  if (after < w.size() && c.text.substr(w[after - 1].end, w[after].begin - w[after - 1].end).find(',') != std::string_view::npos) {
    std::size_t j = after;
    while (j + 1 < w.size() && j < after + 12 &&
           c.text.substr(w[j].end, w[j + 1].begin - w[j].end).find(',') == std::string_view::npos)
      ++j;
    if (j + 1 < w.size() && j < after + 12) {
      if (who.role.empty() && who.kind == SpeakerKind::kPerson && !who.pronoun)
        who.role = std::string(c.text.substr(w[after].begin, w[j].end - w[after].begin));
      after = j + 1;
    }
  }
  for (std::size_t j = after; j < w.size() && j < after + 4; ++j) {
    if (j > after && analysis::is_speech_verb(w[j - 1].text)) break;
    if (analysis::is_speech_verb(w[j].text)) return who;
    if (!is_filler(w[j].text)) break;
  }
  return std::nullopt;
}

// The speaker written right after a verb: "said Blinken", "said a senior official",
// "according to U.S. officials".
std::optional<Who> speaker_after_verb(const Context& c, std::size_t k) {
  const auto& w = *c.words;
  if (k >= w.size()) return std::nullopt;
  if (const Mention* m = mention_starting(c, k); m && m->kind != MentionKind::kUnknown) {
    Who who = from_mention(*m);
    // "said Jens Stoltenberg, NATO's secretary general"
    return who;
  }
  if (auto np = np_forward(w, k, c.text)) return np->first;
  if (is_pronoun(w[k].text)) {
    Who who;
    who.found = who.pronoun = true;
    who.kind = SpeakerKind::kPerson;
    return who;
  }
  return std::nullopt;
}

// The speaker written before word v (a speech verb), reading backward over fillers and an
// appositive: "Dmitry Medvedev, the deputy head of Russia's Security Council, said Friday".
std::optional<Who> speaker_before(const Context& c, std::size_t sentence_first, std::size_t v) {
  const auto& w = *c.words;
  std::size_t k = v;  // candidates are words < k
  while (k > sentence_first && is_filler(w[k - 1].text) && !analysis::is_speech_verb(w[k - 1].text)) --k;
  std::string appositive;
  if (k > sentence_first + 1 && c.text.substr(w[k - 1].end, w[v].begin - w[k - 1].end).find(',') != std::string_view::npos) {
    std::size_t j = k - 1;
    while (j > sentence_first && c.text.substr(w[j - 1].end, w[j].begin - w[j - 1].end).find(',') == std::string_view::npos) --j;
    if (j > sentence_first && k - j <= 12) {
      appositive = std::string(c.text.substr(w[j].begin, w[k - 1].end - w[j].begin));
      k = j;
    }
  }
  if (k == sentence_first) return std::nullopt;
  const std::size_t last = k - 1;
  if (is_pronoun(w[last].text)) {
    Who who;
    who.found = who.pronoun = true;
    who.kind = SpeakerKind::kPerson;
    return who;
  }
  if (const Mention* m = mention_ending(c, last); m && m->kind != MentionKind::kUnknown) {
    Who who = from_mention(*m);
    if (who.role.empty() && who.kind == SpeakerKind::kPerson) who.role = appositive;
    return who;
  }
  // A noun phrase ending here: scan back to its determiner.
  for (std::size_t j = last + 1; j-- > sentence_first && j + 6 > last;) {
    if (is_determiner(w[j].text) || j == sentence_first) {
      if (auto np = np_forward(w, j, c.text); np && np->second == last + 1) return np->first;
    }
  }
  // A lone capitalised word: "Blinken said" at a sentence start.
  if (w[last].capitalized && !analysis::is_function_word(w[last].text)) {
    Who who;
    who.found = true;
    who.kind = SpeakerKind::kPerson;
    who.name = std::string(w[last].text);
    return who;
  }
  return std::nullopt;
}

// The nearest person or source named before word v in the sentence: the subject of
// "…, saying “…”" and "…surprised many by saying “…”".
std::optional<Who> nearest_before(const Context& c, std::size_t sentence_first, std::size_t v) {
  for (auto it = c.mentions->rbegin(); it != c.mentions->rend(); ++it) {
    if (it->last_word < v && it->first_word >= sentence_first && it->kind == MentionKind::kPerson)
      return from_mention(*it);
  }
  for (std::size_t j = sentence_first; j < v; ++j) {
    if (auto np = np_forward(*c.words, j, c.text); np && np->first.kind == SpeakerKind::kAnonymous) return np->first;
  }
  for (std::size_t j = v; j-- > sentence_first;) {
    if (is_pronoun((*c.words)[j].text)) {
      Who who;
      who.found = who.pronoun = true;
      who.kind = SpeakerKind::kPerson;
      return who;
    }
  }
  return std::nullopt;
}

bool is_participle(std::string_view w) { return w.size() > 4 && w.ends_with("ing"); }

// Attribution for the span from the words after it, then from the words before it in its
// sentence.
std::optional<Who> attribute(const Context& c, const Span& sp) {
  const auto& w = *c.words;
  // After: the first word past the closing mark, in the same sentence.
  std::size_t k = 0;
  while (k < w.size() && w[k].begin < sp.close_end) ++k;
  if (sp.closed && k < w.size()) {
    const std::string_view gap = c.text.substr(sp.close_end, w[k].begin - sp.close_end);
    // (A straight closing mark makes the next word look like a sentence start; the gap
    // after the mark is what tells.)
    const bool same_sentence = gap.find_first_of(".!?;\"") == std::string_view::npos &&
                               gap.find("\xE2\x80\x9C") == std::string_view::npos;
    const std::string_view inside = c.text.substr(sp.text_begin, sp.text_end - sp.text_begin);
    // "…," he said / "…" the statement continued / "…?" she asked: the quote must end the
    // clause (a comma, or its own end punctuation, just before or after the closing mark).
    const std::string_view tail = inside.substr(inside.size() > 3 ? inside.size() - 3 : 0);
    const bool clause_ends = tail.find_first_of(",.!?-") != std::string_view::npos ||
                             gap.find_first_of(",") != std::string_view::npos ||
                             tail.find("\xE2\x80\x94") != std::string_view::npos;
    if (same_sentence && clause_ends) {
      std::optional<Who> who;
      if (analysis::is_speech_verb(w[k].text)) who = speaker_after_verb(c, k + 1);
      else if (lower(w[k].text) == "according" && k + 1 < w.size() && lower(w[k + 1].text) == "to")
        who = speaker_after_verb(c, k + 2);
      else who = speaker_then_verb(c, k);
      if (who) {
        who->after = true;
        return who;
      }
    }
  }
  // Before: the last speech verb in the sentence that holds the opening mark.
  std::size_t first = 0, end = 0;
  while (end < w.size() && w[end].end <= sp.open) ++end;
  for (std::size_t j = end; j-- > 0;) {
    if (w[j].clause_start) {
      first = j;
      break;
    }
  }
  // A sentence start inside an earlier quote is no boundary for us: the attribution of
  // "“…,” he said. “…”" is the previous span's, handled by the caller.
  std::optional<Who> found;
  for (std::size_t v = end; v-- > first && !found;) {
    const std::string l = lower(w[v].text);
    if (l == "according" && v + 1 < end && lower(w[v + 1].text) == "to") {
      found = speaker_after_verb(c, v + 2);
      continue;
    }
    if (!analysis::is_speech_verb(l)) continue;
    if (!is_participle(l)) found = speaker_before(c, first, v);
    if (!found) found = nearest_before(c, first, v);
    if (!found) break;
  }
  // "this official said": the anonymous source named just before in the paragraph.
  if (found && found->anaphor && found->kind == SpeakerKind::kAnonymous) {
    for (std::size_t j = end; j-- > 0;) {
      if (!is_determiner(w[j].text)) continue;
      if (auto np = np_forward(w, j, c.text); np && !np->first.anaphor && np->first.kind == SpeakerKind::kAnonymous) {
        found->name = np->first.name;
        found->anaphor = false;
        break;
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Chinese attribution: X说：“…” / “…”，X表示。

bool starts_at(std::string_view s, std::size_t i, std::string_view w) { return s.substr(i).starts_with(w); }

const std::string_view kZhVerbs[] = {"表示", "指出", "强调", "透露", "宣布", "写道", "回应", "声称",
                                     "说道", "说", "称", "道"};
const std::string_view kZhTitles[] = {"副总统", "总统", "国务卿", "外交部长", "外长", "国防部长", "部长",
                                      "总理", "首相", "主席", "秘书长", "发言人", "大使", "议员",
                                      "司令", "将军", "总书记", "主任", "市长", "州长", "官员",
                                      "消息人士", "人士", "女士", "先生"};
// Words between a speaker and the verb: times and adverbs.
const std::string_view kZhFillers[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末",
                                       "星期一", "星期二", "星期三", "星期四", "星期五", "星期六",
                                       "星期日", "星期天", "今天", "昨天", "前天", "今日", "昨日",
                                       "日前", "当天", "此前", "随后", "也", "还", "则", "曾", "再次",
                                       "又", "对记者", "向记者", "对媒体", "早些时候", "当地时间"};

bool is_zh_digit_run_end(std::string_view s) {
  // "5月30日", "30日": a date right before the verb.
  if (!s.ends_with("日") && !s.ends_with("号")) return false;
  return true;
}

// Strips times and adverbs off the end of a speaker chunk.
std::string_view strip_zh_fillers(std::string_view s) {
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (std::string_view f : kZhFillers) {
      if (s.size() > f.size() && s.ends_with(f)) {
        s.remove_suffix(f.size());
        again = true;
      }
    }
    if (is_zh_digit_run_end(s)) {
      // Drop "…5月30日": digits (ASCII or full-width) and 月/日.
      std::size_t i = s.size() - 3;
      std::size_t cut = i;
      while (cut > 0) {
        const unsigned char ch = static_cast<unsigned char>(s[cut - 1]);
        if (ch >= '0' && ch <= '9') --cut;
        else if (cut >= 3 && (s.substr(cut - 3, 3) == "月" || s.substr(cut - 3, 3) == "年")) cut -= 3;
        else break;
      }
      if (cut < i && cut > 0) {
        s = s.substr(0, cut);
        again = true;
      }
    }
  }
  return s;
}

Who zh_speaker(std::string_view chunk) {
  Who who;
  chunk = strip_zh_fillers(text::trim(chunk) == chunk ? chunk : chunk);
  if (chunk.empty()) return who;
  who.found = true;
  if (chunk == "他" || chunk == "她" || chunk == "他们" || chunk == "她们") {
    who.pronoun = true;
    who.kind = SpeakerKind::kPerson;
    return who;
  }
  std::size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view t : kZhTitles) {
    const std::size_t p = chunk.rfind(t);
    if (p != std::string_view::npos && (best == std::string_view::npos || p + t.size() > best + best_len)) {
      best = p;
      best_len = t.size();
    }
  }
  if (best != std::string_view::npos && best + best_len < chunk.size()) {
    who.kind = SpeakerKind::kPerson;
    who.role = std::string(chunk.substr(0, best + best_len));
    who.name = std::string(chunk.substr(best + best_len));
    return who;
  }
  who.name = std::string(chunk);
  if (best != std::string_view::npos) {
    const std::string_view t = chunk.substr(best);
    const bool unnamed = chunk.starts_with("一名") || chunk.starts_with("一位") || chunk.starts_with("多名") ||
                         chunk.starts_with("两名") || chunk.starts_with("一些") || chunk.starts_with("匿名") ||
                         t == "官员" || t == "消息人士" || t == "人士";
    who.kind = unnamed ? SpeakerKind::kAnonymous : SpeakerKind::kPerson;
  } else {
    // A name alone (≤ 4 characters, or a transliteration with ·), else an institution.
    const int n = text::code_points(chunk);
    who.kind = (n <= 4 || chunk.find("\xC2\xB7") != std::string_view::npos) ? SpeakerKind::kPerson
                                                                            : SpeakerKind::kOrganization;
  }
  return who;
}

bool zh_break(std::string_view s, std::size_t i) {
  for (std::string_view p : {"。", "！", "？", "；", "，", "：", "\n", "”", "」", "、"}) {
    if (starts_at(s, i, p)) return true;
  }
  return false;
}

std::optional<Who> zh_attribute(std::string_view s, const Span& sp) {
  // After: ”，X说。 / ”X表示
  std::size_t i = sp.close_end;
  for (std::string_view p : {"，", ",", " "}) {
    if (starts_at(s, i, p)) i += p.size();
  }
  const std::size_t limit = std::min(s.size(), i + 3 * 16);
  for (std::size_t j = i; j < limit;) {
    if (zh_break(s, j) || starts_at(s, j, "“")) break;
    for (std::string_view v : kZhVerbs) {
      if (starts_at(s, j, v) && j > i) {
        Who who = zh_speaker(s.substr(i, j - i));
        if (who.found) return who;
      }
    }
    std::size_t k = j;
    text::next_code_point(s, k);
    j = k;
  }
  // Before: X说：“ / X表示，“
  std::size_t e = sp.open;
  for (std::string_view p : {"：", ":", "，", ",", " "}) {
    if (e >= p.size() && s.substr(e - p.size(), p.size()) == p) e -= p.size();
  }
  for (std::string_view v : kZhVerbs) {
    if (e >= v.size() && s.substr(e - v.size(), v.size()) == v) {
      std::size_t b = e - v.size();
      std::size_t start = b;
      while (start > 0) {
        std::size_t back = start - 1;
        while (back > 0 && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
        if (zh_break(s, back)) break;
        start = back;
      }
      Who who = zh_speaker(s.substr(start, b - start));
      if (who.found) return who;
      break;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------

std::string clean_quote(std::string_view q) {
  std::string t = text::normalize_space(q);
  // The comma or dash that hands over to the attribution is not the speaker's.
  while (!t.empty() && (t.back() == ',' || t.back() == ' ')) t.pop_back();
  if (t.ends_with("\xE2\x80\x94")) t.resize(t.size() - 3);
  if (t.ends_with("，")) t.resize(t.size() - 3);
  return text::trim(t);
}

int word_count_of(std::string_view s) { return text::word_count(s); }

int specificity(SpeakerKind k) {
  switch (k) {
    case SpeakerKind::kPerson: return 3;
    case SpeakerKind::kOrganization: return 2;
    case SpeakerKind::kAnonymous: return 1;
    default: return 0;
  }
}

}  // namespace

std::string_view speaker_kind_name(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::kPerson: return "person";
    case SpeakerKind::kAnonymous: return "anonymous";
    case SpeakerKind::kOrganization: return "organization";
    default: return "unknown";
  }
}

std::vector<Quote> extract_quotes(const Article& article, std::string_view article_id) {
  const std::string id = article_id.empty() ? article.id() : std::string(article_id);
  std::vector<Quote> out;

  // Pass 1: the full names of people, so that a lone surname can be read as a person and
  // resolved ("Blinken" -> "Antony Blinken"), with the role written at any mention.
  std::vector<std::string> people;
  std::unordered_map<std::string, std::string> role_of;
  std::vector<std::vector<Word>> words(article.blocks.size());
  for (std::size_t b = 0; b < article.blocks.size(); ++b) {
    words[b] = analysis::split_words(article.blocks[b].text);
    for (const Mention& m : analysis::find_mentions(article.blocks[b].text, words[b], {})) {
      if (m.kind != MentionKind::kPerson) continue;
      if (m.name.find(' ') != std::string::npos &&
          std::find(people.begin(), people.end(), m.name) == people.end())
        people.push_back(m.name);
      if (!m.role.empty() && !role_of.count(m.name)) role_of[m.name] = m.role;
    }
  }
  auto full_name = [&](const std::string& name) {
    if (name.find(' ') != std::string::npos) return name;
    const std::string sn = lower(name);
    for (const std::string& p : people) {
      if (analysis::surname_of(p) == sn) return p;
    }
    for (const std::string& p : people) {
      if (sn.size() >= 5 && analysis::edit_distance(analysis::surname_of(p), sn, 1) <= 1) return p;
    }
    return name;
  };
  auto role_for = [&](const std::string& name, const std::string& written) {
    if (!written.empty()) return written;
    if (auto it = role_of.find(name); it != role_of.end()) return it->second;
    for (const auto& [n, r] : role_of) {
      if (full_name(n) == name) return r;
    }
    return std::string();
  };

  std::string last_person;                  // outside quotes, in reading order
  Quote last_anonymous, last_org;           // for "this official", "the statement"
  bool previous_block_open = false;         // the last quote ran on past its paragraph
  for (std::size_t b = 0; b < article.blocks.size(); ++b) {
    const Block& block = article.blocks[b];
    const bool readable = block.type == BlockType::kParagraph || block.type == BlockType::kQuote ||
                          block.type == BlockType::kListItem;
    const std::string_view s = block.text;
    const std::vector<Mention> mentions = analysis::find_mentions(s, words[b], people);
    if (!readable) continue;
    const Context ctx{s, &words[b], &mentions};
    const bool chinese = text::cjk_share(s) > 0.3;
    const std::vector<Span> spans = find_spans(s);
    std::size_t next_mention = 0;
    std::optional<std::size_t> prev_quote;  // index in `out` of this block's last quote
    std::size_t prev_close = 0;
    bool prev_attributed_after = false;
    for (std::size_t si = 0; si < spans.size(); ++si) {
      const Span& sp = spans[si];
      // People named before this span (and outside quotes) become the pronouns' referent.
      for (; next_mention < mentions.size() && mentions[next_mention].end <= sp.open; ++next_mention) {
        const Mention& m = mentions[next_mention];
        if (m.kind == MentionKind::kPerson && m.begin >= prev_close) last_person = full_name(m.name);
      }
      std::optional<Who> who = chinese ? zh_attribute(s, sp) : attribute(ctx, sp);
      const std::string text = clean_quote(s.substr(sp.text_begin, sp.text_end - sp.text_begin));
      // A quote continues the one before it when nothing but that one's attribution
      // stands between them ("…," he said. "…"), or when it has no attribution of its
      // own; at a paragraph's start, when the last paragraph left its quote open.
      const std::string_view between = s.substr(prev_close, sp.open > prev_close ? sp.open - prev_close : 0);
      const bool short_gap = prev_quote && text::word_count(between) <= 8 &&
                             between.find_first_of(";:") == std::string_view::npos;
      const bool continues =
          (prev_quote && short_gap && (!who || (prev_attributed_after && !(who && who->after)))) ||
          (!who && si == 0 && sp.open == 0 && previous_block_open && !out.empty());
      if (continues) {
        Quote& q = prev_quote ? out[*prev_quote] : out.back();
        // The attribution between the parts took the first part's closing comma with it:
        // "…an afterthought," she said. "Every…" reads "…an afterthought … Every…", the
        // elision marked, rather than running two sentences together.
        q.text += text::ends_like_sentence(q.text) ? " " : " … ";
        q.text += text;
        prev_close = sp.close_end;
        previous_block_open = !sp.closed;
        continue;
      }
      Quote q;
      q.text = text;
      q.block = b;
      q.offset = sp.open;
      q.sources.push_back({id, b, sp.open});
      if (who) {
        q.speaker_kind = who->kind;
        q.speaker = who->name;
        q.speaker_role = who->role;
        if (who->pronoun) {
          q.speaker = last_person;
          if (chinese && !out.empty()) {
            for (auto it = out.rbegin(); it != out.rend(); ++it) {
              if (it->speaker_kind == SpeakerKind::kPerson) {
                q.speaker = it->speaker;
                break;
              }
            }
          }
          q.speaker_kind = q.speaker.empty() ? SpeakerKind::kUnknown : SpeakerKind::kPerson;
        } else if (who->anaphor) {
          const Quote& ref = who->kind == SpeakerKind::kAnonymous ? last_anonymous : last_org;
          if (!ref.speaker.empty()) {
            q.speaker = ref.speaker;
            q.speaker_role = ref.speaker_role;
            q.speaker_kind = ref.speaker_kind;
          } else if (who->kind == SpeakerKind::kOrganization) {
            q.speaker_kind = SpeakerKind::kUnknown;
          }
        }
        if (q.speaker_kind == SpeakerKind::kPerson && !chinese) {
          q.speaker = full_name(q.speaker);
          q.speaker_role = role_for(q.speaker, q.speaker_role);
        }
        if (q.speaker_kind == SpeakerKind::kPerson && !q.speaker.empty()) last_person = q.speaker;
      }
      if (q.speaker.empty()) q.speaker_kind = SpeakerKind::kUnknown;
      if (q.speaker_kind == SpeakerKind::kUnknown && word_count_of(q.text) < 3) {
        prev_close = sp.close_end;
        continue;  // a scare quote
      }
      if (q.speaker_kind == SpeakerKind::kAnonymous) last_anonymous = q;
      if (q.speaker_kind == SpeakerKind::kOrganization) last_org = q;
      out.push_back(std::move(q));
      prev_attributed_after = who && who->after;
      prev_quote = out.size() - 1;
      prev_close = sp.close_end;
      previous_block_open = !sp.closed;
    }
    for (; next_mention < mentions.size(); ++next_mention) {
      const Mention& m = mentions[next_mention];
      if (m.kind == MentionKind::kPerson && m.begin >= prev_close) last_person = full_name(m.name);
    }
    if (spans.empty()) previous_block_open = false;
  }
  return out;
}

std::string normalize_quote_text(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = text::next_code_point(s, i);
    if (text::is_letter_or_digit(cp)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      text::append_utf8(out, cp < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(cp))) : cp);
      // Han characters are words of their own.
      if (text::is_cjk(cp)) space = true;
    } else if (cp == '\'' || cp == 0x2019) {
      // "we've" = "weve": apostrophes join.
    } else {
      space = true;
    }
  }
  return out;
}

namespace {

std::vector<std::string> split_space(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Word-level edit distance, capped (same band idea as analysis::edit_distance).
int word_distance(const std::vector<std::string>& a, const std::vector<std::string>& b, int cap) {
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > cap) return cap + 1;
  std::vector<int> prev(lb + 1), cur(lb + 1);
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int best = i;
    for (int j = 1; j <= lb; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      best = std::min(best, cur[j]);
    }
    if (best > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[lb];
}

bool same_quote(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  // An excerpt: long enough (six words) to be more than a stock phrase.
  if (std::count(shorter.begin(), shorter.end(), ' ') >= 5 && longer.find(shorter) != std::string::npos) return true;
  const auto wa = split_space(a), wb = split_space(b);
  const int cap = static_cast<int>(std::max(wa.size(), wb.size()) * 15 / 100);
  return cap >= 1 && word_distance(wa, wb, cap) <= cap;
}

}  // namespace

std::vector<Quote> merge_quotes(const std::vector<Quote>& quotes) {
  std::vector<Quote> out;
  std::vector<std::string> norms;
  for (const Quote& q : quotes) {
    const std::string n = normalize_quote_text(q.text);
    bool merged = false;
    for (std::size_t i = 0; i < out.size() && !merged; ++i) {
      if (!same_quote(norms[i], n)) continue;
      Quote& m = out[i];
      for (const QuoteSource& src : q.sources) {
        const bool have = std::any_of(m.sources.begin(), m.sources.end(), [&](const QuoteSource& x) {
          return x.article_id == src.article_id && x.block == src.block && x.offset == src.offset;
        });
        if (!have) m.sources.push_back(src);
      }
      if (n.size() > norms[i].size()) {
        m.text = q.text;
        norms[i] = n;
      }
      if (specificity(q.speaker_kind) > specificity(m.speaker_kind)) {
        m.speaker = q.speaker;
        m.speaker_kind = q.speaker_kind;
        m.speaker_role = q.speaker_role;
      } else if (m.speaker_role.empty() && q.speaker == m.speaker) {
        m.speaker_role = q.speaker_role;
      }
      merged = true;
    }
    if (!merged) {
      out.push_back(q);
      norms.push_back(n);
    }
  }
  return out;
}

}  // namespace storyline
