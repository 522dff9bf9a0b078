#include "analysis/mentions.h"

#include <algorithm>
#include <unordered_set>

#include "text/utf8.h"

namespace storyline::analysis {
namespace {

using Set = std::unordered_set<std::string_view>;

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A letter or digit of a space-separated script. CJK is left out: those texts are read
// by the Chinese rules, and a Han run is not a "word" here.
bool word_cp(char32_t cp) { return text::is_letter_or_digit(cp) && !text::is_cjk(cp); }

bool upper_cp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A pairs
  if (cp >= 0x391 && cp <= 0x3A9) return true;         // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;         // Cyrillic
  return false;
}

// Words that keep their final period: "Mr.", "Gen.", "Nov.".
bool keeps_period(std::string_view w) {
  static const Set kAbbrev = {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col",
                              "sgt", "adm", "capt", "prof", "st", "jr", "sr", "jan", "feb", "mar",
                              "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                              "inc", "corp", "co", "ltd", "no", "vs", "maj", "cmdr", "rev"};
  return kAbbrev.count(lower(w)) > 0;
}

// "U.S", "C.Q", "J": single letters joined by dots; the final dot belongs to the word.
bool is_initials(std::string_view w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !ascii_alnum(w[i]) : w[i] != '.') return false;
  }
  return !w.empty();
}

bool name_like(std::string_view w) {
  if (w.empty()) return false;
  if (is_initials(w.back() == '.' ? w.substr(0, w.size() - 1) : w)) return true;
  std::size_t i = 0;
  if (!upper_cp(text::next_code_point(w, i))) return false;
  // At least one lower-case letter: "Blinken", "McCarthy", "O'Neill" — not "NATO".
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return static_cast<unsigned char>(w[1 < w.size() ? 1 : 0]) >= 0x80;
}

bool is_connector(std::string_view w) {
  return w == "of" || w == "for" || w == "de" || w == "von" || w == "van" || w == "der" ||
         w == "al" || w == "bin" || w == "da" || w == "du" || w == "la" || w == "le";
}

// Government departments and the like: the words that follow "of" in a title.
bool is_department_word(std::string_view w) {
  static const Set kDept = {"state", "defense", "defence", "justice", "commerce", "treasury",
                            "homeland", "security", "energy", "interior", "health", "education",
                            "agriculture", "labor", "labour", "transportation", "veterans",
                            "foreign", "affairs", "commons", "representatives", "lords", "joint",
                            "chiefs", "staff", "finance", "economy", "trade", "war", "navy",
                            "army", "air", "force", "services", "human", "development", "the"};
  return kDept.count(lower(w)) > 0;
}

bool is_org_word(std::string_view w) {
  static const Set kOrg = {
      "ministry", "council", "agency", "inc", "inc.", "corp", "corp.", "company", "department",
      "office", "party", "union", "organization", "organisation", "committee", "commission",
      "bank", "fund", "court", "tribunal", "army", "navy", "forces", "administration",
      "university", "institute", "association", "group", "service", "assembly", "parliament",
      "congress", "senate", "times", "post", "news", "press", "journal", "herald", "guardian",
      "network", "airlines", "corporation", "ltd", "ltd.", "llc", "foundation", "authority",
      "board", "bureau", "police", "guard", "cabinet", "kremlin", "pentagon", "reuters",
      "telegraph", "tribune", "gazette", "institution", "alliance", "coalition", "movement",
      "front", "brigade", "battalion", "regiment", "command", "centre", "center", "school",
      "college", "hospital", "church", "club", "federation", "league", "society", "embassy",
      "secretariat", "directorate", "house", "court", "industries", "holdings", "motors",
      "systems", "technologies", "labs", "media", "broadcasting", "television", "radio"};
  return kOrg.count(lower(w)) > 0;
}

bool is_known_org(std::string_view name) {
  static const Set kOrgs = {"nato", "un", "eu", "afp", "ap", "cbs", "bbc", "cnn", "nbc", "abc",
                            "fbi", "cia", "nsa", "who", "imf", "opec", "iaea", "icc", "wto",
                            "asean", "g7", "g20", "kremlin", "pentagon", "white house",
                            "european union", "united nations", "european commission",
                            "reuters", "xinhua", "tass", "nasa", "unesco", "unicef", "osce"};
  return kOrgs.count(lower(name)) > 0;
}

// Last words that make a run a named thing: weapons, laws, treaties, programmes.
bool is_thing_word(std::string_view w) {
  static const Set kThing = {"system", "act", "law", "treaty", "accord", "accords", "agreement",
                             "convention", "missile", "missiles", "rocket", "rockets", "program",
                             "programme", "initiative", "plan", "doctrine", "protocol", "bill",
                             "directive", "pact", "charter", "amendment", "code", "deal"};
  return kThing.count(lower(w)) > 0;
}

// Lower-case nouns right after a name that make it a thing ("Storm Shadow missiles").
bool is_thing_noun(std::string_view w) {
  static const Set kNouns = {"missile", "missiles", "system", "systems", "launcher", "launchers",
                             "rocket", "rockets", "tank", "tanks", "jet", "jets", "fighter",
                             "fighters", "drone", "drones", "aircraft", "munitions", "howitzer",
                             "howitzers", "helicopter", "helicopters", "rifle", "rifles",
                             "vaccine", "app", "software", "law", "bill", "act", "treaty",
                             "warplanes", "submarine", "submarines", "satellite", "satellites",
                             "pipeline", "chip", "chips", "model", "engine"};
  return kNouns.count(w) > 0;
}

bool is_place_noun(std::string_view w) {
  static const Set kNouns = {"region", "province", "oblast", "city", "county", "district",
                             "area", "peninsula", "village", "town", "valley", "river",
                             "sea", "island", "islands", "mountains", "strait", "capital"};
  return kNouns.count(w) > 0;
}

bool is_place_preposition(std::string_view w) {
  static const Set kPrep = {"in", "near", "from", "to", "at", "across", "into", "outside",
                            "inside", "toward", "towards", "around", "throughout", "visit",
                            "visited", "visiting", "over"};
  return kPrep.count(w) > 0;
}

std::string join(const std::vector<std::string_view>& w, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

// The bytes between two words are only spaces and editorial brackets:
// "[Ukrainian President Volodymyr] Zelenskyy" reads as one name.
bool joins(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size();) {
    const char32_t cp = text::next_code_point(gap, i);
    if (!(text::is_space(cp) || cp == '[' || cp == ']')) return false;
  }
  return true;
}

bool ends_sentence(std::string_view gap) {
  return gap.find_first_of(".!?:;") != std::string_view::npos;
}

}  // namespace

std::string lower(std::string_view s) { return text::to_lower_ascii(s); }

std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> out;
  std::size_t i = 0, prev_end = 0;
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t cp = text::next_code_point(s, j);
    if (!word_cp(cp)) {
      i = j;
      continue;
    }
    const std::size_t begin = i;
    std::size_t end = j;
    // Extend over letters, digits and inner marks followed by a letter or digit.
    while (end < s.size()) {
      std::size_t k = end;
      const char32_t c = text::next_code_point(s, k);
      if (word_cp(c)) {
        end = k;
        continue;
      }
      if (c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == 0x2011) {
        std::size_t m = k;
        if (m < s.size() && word_cp(text::next_code_point(s, m))) {
          end = k;
          continue;
        }
        // A final period stays with initials and abbreviations.
        if (c == '.' && (is_initials(s.substr(begin, end - begin)) || keeps_period(s.substr(begin, end - begin)))) {
          end = k;
        }
      }
      break;
    }
    Word w;
    w.begin = begin;
    w.end = end;
    w.text = s.substr(begin, end - begin);
    // Possessive: "Russia's", "Biden’s".
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (w.text.size() > suffix.size() + 1 && w.text.ends_with(suffix)) {
        w.text.remove_suffix(suffix.size());
        w.possessive = true;
      }
    }
    std::size_t f = 0;
    w.capitalized = upper_cp(text::next_code_point(w.text, f));
    // "U.S.-provided", "Self-defense": an adjective or common noun compound, not a name.
    if (w.capitalized) {
      const std::size_t dash = w.text.rfind('-');
      if (dash != std::string_view::npos && dash + 1 < w.text.size() && w.text[dash + 1] >= 'a' &&
          w.text[dash + 1] <= 'z' && !is_title_word(w.text))
        w.capitalized = false;
    }
    const std::string_view gap = s.substr(prev_end, begin - prev_end);
    w.sentence_start = out.empty() || ends_sentence(gap) ||
                       (!out.empty() && out.back().text.ends_with('.') && !is_initials(out.back().text.substr(0, out.back().text.size() - 1)) &&
                        !keeps_period(out.back().text.substr(0, out.back().text.size() - 1))) ||
                       gap.find('"') != std::string_view::npos || gap.find("\xE2\x80\x9C") != std::string_view::npos;
    w.clause_start = out.empty() || ends_sentence(gap);
    out.push_back(w);
    prev_end = end;
    i = end;
  }
  return out;
}

bool is_title_word(std::string_view w) {
  static const Set kTitles = {
      "president", "president-elect", "vice-president", "secretary", "secretary-general",
      "minister", "chancellor", "premier", "general", "gen.", "lt.", "col.", "sgt.", "capt.",
      "adm.", "maj.", "admiral", "colonel", "captain", "sergeant", "lieutenant", "commander",
      "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "senator", "sen.",
      "rep.", "representative", "congressman", "congresswoman", "governor", "gov.", "mayor",
      "king", "queen", "prince", "princess", "pope", "ambassador", "director", "chief", "ceo",
      "judge", "justice", "attorney", "envoy", "speaker", "leader", "sheikh", "emir", "ayatollah",
      "archbishop", "bishop", "cardinal", "rabbi", "imam", "professor", "prof.", "coach",
      "commissioner", "sheriff", "inspector", "chairperson", "premier", "president's"};
  return kTitles.count(lower(w)) > 0 || is_honorific(w);
}

bool is_honorific(std::string_view w) {
  static const Set kHon = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame",
                           "madam", "lord", "lady", "rev."};
  return kHon.count(lower(w)) > 0;
}

bool is_function_word(std::string_view w) {
  static const Set kWords = {
      "the", "a", "an", "in", "on", "at", "but", "and", "or", "after", "before", "during", "even",
      "both", "beyond", "among", "asked", "speaking", "it", "its", "this", "that", "these",
      "those", "they", "he", "she", "we", "i", "you", "many", "some", "if", "when", "while",
      "as", "for", "with", "without", "from", "to", "by", "of", "since", "until", "so", "yet",
      "however", "meanwhile", "also", "still", "there", "here", "his", "her", "their", "our",
      "my", "your", "what", "which", "who", "whom", "whose", "why", "how", "where", "all", "any",
      "each", "every", "no", "not", "one", "two", "three", "several", "most", "more", "other",
      "another", "such", "according", "under", "over", "about", "against", "between", "through",
      "despite", "although", "though", "because", "once", "then", "now", "today", "yesterday",
      "tomorrow", "last", "next", "earlier", "later", "recently", "already", "instead", "unlike",
      "like", "further", "furthermore", "moreover", "indeed", "only", "just", "perhaps", "maybe",
      "asked", "told", "said", "says", "read", "more:", "related", "photo", "video", "watch",
      "updated", "published", "is", "was", "are", "were", "be", "has", "have", "had", "will",
      "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "let",
      "following", "amid", "within", "upon", "onto", "via", "per", "toward", "towards", "near",
      "inside", "outside", "around", "across", "along", "above", "below", "behind", "beside",
      "besides", "ahead", "thus", "hence", "therefore", "whether", "either", "neither", "nor",
      "top", "senior", "former", "new", "old", "first", "second", "third", "final", "early",
      "late", "mid", "up", "down", "off", "out", "into"};
  return kWords.count(lower(w)) > 0;
}

bool is_speech_verb(std::string_view w) {
  static const Set kVerbs = {
      "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "warned",
      "warns", "wrote", "writes", "declared", "declares", "announced", "announces", "insisted",
      "insists", "argued", "argues", "noted", "notes", "explained", "explains", "stressed",
      "stresses", "asked", "asks", "replied", "replies", "continued", "continues", "posted",
      "tweeted", "saying", "telling", "adding", "warning", "conceded", "acknowledged",
      "recalled", "claimed", "claims", "confirmed", "urged", "vowed", "predicted", "promised",
      "suggested", "remarked", "commented", "maintained", "complained", "responded", "answered",
      "cautioned", "emphasized", "emphasised", "observed", "admitted", "quipped", "shouted",
      "testified", "asserted", "reiterated", "countered", "tweeting", "posting",
      "declaring", "arguing", "insisting", "noting", "stressing"};
  return kVerbs.count(lower(w)) > 0;
}

bool is_country(std::string_view name) {
  static const Set kCountries = {
      "u.s.", "us", "usa", "u.s.a.", "united states", "america", "uk", "u.k.", "britain",
      "great britain", "united kingdom", "england", "scotland", "wales", "ireland", "russia",
      "russian federation", "ukraine", "china", "taiwan", "japan", "india", "pakistan",
      "afghanistan", "iran", "iraq", "syria", "israel", "lebanon", "jordan", "egypt", "turkey",
      "türkiye", "saudi arabia", "yemen", "qatar", "united arab emirates", "uae", "kuwait",
      "oman", "bahrain", "germany", "france", "italy", "spain", "portugal", "netherlands",
      "belgium", "luxembourg", "switzerland", "austria", "poland", "czech republic", "czechia",
      "slovakia", "hungary", "romania", "bulgaria", "moldova", "belarus", "lithuania", "latvia",
      "estonia", "finland", "sweden", "norway", "denmark", "iceland", "greece", "cyprus",
      "serbia", "croatia", "slovenia", "bosnia", "montenegro", "albania", "kosovo",
      "north macedonia", "georgia", "armenia", "azerbaijan", "kazakhstan", "uzbekistan",
      "north korea", "south korea", "korea", "vietnam", "thailand", "cambodia", "laos",
      "myanmar", "malaysia", "singapore", "indonesia", "philippines", "australia",
      "new zealand", "canada", "mexico", "brazil", "argentina", "chile", "peru", "colombia",
      "venezuela", "cuba", "bolivia", "ecuador", "uruguay", "paraguay", "nigeria", "kenya",
      "ethiopia", "somalia", "sudan", "south sudan", "libya", "tunisia", "algeria", "morocco",
      "south africa", "ghana", "senegal", "mali", "niger", "chad", "congo", "rwanda", "uganda",
      "tanzania", "zimbabwe", "mozambique", "angola", "bangladesh", "sri lanka", "nepal",
      "mongolia", "palestine", "gaza", "west bank", "crimea", "europe", "africa", "asia"};
  return kCountries.count(lower(name)) > 0;
}

bool is_demonym(std::string_view name) {
  static const Set kDemonyms = {
      "american", "british", "english", "russian", "ukrainian", "chinese", "japanese", "indian",
      "pakistani", "afghan", "iranian", "iraqi", "syrian", "israeli", "lebanese", "egyptian",
      "turkish", "saudi", "german", "french", "italian", "spanish", "portuguese", "dutch",
      "belgian", "swiss", "austrian", "polish", "czech", "slovak", "hungarian", "romanian",
      "bulgarian", "moldovan", "belarusian", "lithuanian", "latvian", "estonian", "finnish",
      "swedish", "norwegian", "danish", "greek", "serbian", "croatian", "georgian", "armenian",
      "north korean", "south korean", "korean", "vietnamese", "thai", "australian", "canadian",
      "mexican", "brazilian", "argentine", "cuban", "nigerian", "kenyan", "palestinian",
      "european", "western", "eastern", "soviet", "african", "asian", "arab", "kurdish",
      "irish", "scottish", "welsh", "taiwanese", "qatari", "emirati", "jordanian", "libyan",
      "sudanese", "somali", "ethiopian", "south african", "venezuelan", "colombian", "chilean"};
  return kDemonyms.count(lower(name)) > 0;
}

bool is_calendar_word(std::string_view w) {
  static const Set kCal = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday", "january", "february", "march", "april", "may", "june",
                           "july", "august", "september", "october", "november", "december",
                           "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.",
                           "sep.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct",
                           "nov", "dec"};
  return kCal.count(lower(w)) > 0;
}

std::string surname_of(std::string_view name) {
  const std::size_t sp = name.rfind(' ');
  return lower(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

bool is_acronym(std::string_view w) {
  std::size_t upper = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c == 's' && i + 1 == w.size() && upper >= 2) continue;  // "ATACMs"
    else if (c >= '0' && c <= '9' && i > 0) continue;                // "G7"
    else return false;
  }
  return upper >= 2 || (upper == 1 && w.size() >= 2 && w[1] >= '0' && w[1] <= '9');
}

bool acronym_matches(std::string_view acronym, const std::vector<std::string_view>& words) {
  const std::string a = lower(acronym);
  // reach[i][k]: the first i acronym letters can be covered by the first k words, each word
  // giving a non-empty prefix. Small tables: an acronym is short, and so is the run.
  const std::size_t n = a.size(), m = words.size();
  if (n == 0 || m == 0 || m > 12 || n > 16) return false;
  std::vector<std::vector<char>> reach(n + 1, std::vector<char>(m + 1, 0));
  reach[0][0] = 1;
  for (std::size_t k = 0; k < m; ++k) {
    const std::string w = lower(words[k]);
    for (std::size_t i = 0; i < n; ++i) {
      if (!reach[i][k]) continue;
      for (std::size_t len = 1; i + len <= n && len <= w.size() && a[i + len - 1] == w[len - 1]; ++len)
        reach[i + len][k + 1] = 1;
    }
  }
  if (reach[n][m]) return true;
  return a.size() > 2 && a.back() == 's' && reach[n - 1][m];
}

int edit_distance(std::string_view a, std::string_view b, int cap) {
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > cap) return cap + 1;
  std::vector<int> prev(lb + 1), cur(lb + 1);
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int best = cur[0];
    for (int j = 1; j <= lb; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      best = std::min(best, cur[j]);
    }
    if (best > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[lb], cap + 1);
}

RoleAndName split_role(const std::vector<std::string_view>& w) {
  RoleAndName out;
  std::size_t name_from = 0;
  bool real_title = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_title_word(w[i])) continue;
    std::size_t k = i + 1;
    out.titled = true;
    if (!is_honorific(w[i])) real_title = true;
    // "Secretary of State", "Chairman of the Joint Chiefs": the department after "of"
    // belongs to the title; its first word always, then department words only.
    if (k < w.size() && (w[k] == "of" || w[k] == "for")) {
      ++k;
      if (k < w.size() && w[k] == "the") ++k;
      if (k < w.size()) ++k;
      while (k < w.size() && is_department_word(w[k])) ++k;
    }
    name_from = k;
    i = k - 1;
  }
  // Honorifics ("Mr.") say a person is meant but are no role.
  if (real_title) {
    std::vector<std::string_view> role_words;
    for (std::size_t i = 0; i < name_from; ++i) {
      if (!is_honorific(w[i])) role_words.push_back(w[i]);
    }
    out.role = join(role_words, 0, role_words.size());
  }
  out.name = join(w, name_from, w.size());
  return out;
}

std::vector<Mention> find_mentions(std::string_view s, const std::vector<Word>& words,
                                   const std::vector<std::string>& known_people) {
  std::vector<Mention> out;
  auto known_surname = [&](std::string_view w) {
    const std::string lw = lower(w);
    for (const std::string& p : known_people) {
      const std::string sn = surname_of(p);
      if (sn == lw || (lw.size() >= 5 && edit_distance(sn, lw, 1) <= 1)) return true;
    }
    return false;
  };
  auto lw_at = [&](std::size_t k) { return k < words.size() ? lower(words[k].text) : std::string(); };

  std::size_t i = 0;
  while (i < words.size()) {
    if (!words[i].capitalized) {
      ++i;
      continue;
    }
    // The run: capitalised words joined by spaces (or editorial brackets), with "of",
    // "for", "de"... inside when a capitalised word follows.
    std::size_t j = i;
    while (j + 1 < words.size() && !words[j].possessive) {
      std::size_t k = j + 1;
      if (!joins(s.substr(words[j].end, words[k].begin - words[j].end))) break;
      if (words[k].capitalized && !words[k].sentence_start) {
        j = k;
        continue;
      }
      if (is_connector(words[k].text)) {
        std::size_t m = k + 1;
        if (m < words.size() && words[m].text == "the") ++m;
        if (m < words.size() && words[m].capitalized &&
            joins(s.substr(words[k].end, words[m].begin - words[k].end)) &&
            (m == k + 1 || joins(s.substr(words[k + 1].end, words[m].begin - words[k + 1].end)))) {
          j = m;
          continue;
        }
      }
      break;
    }
    const std::size_t run_end = j;  // inclusive
    std::size_t first = i;
    i = j + 1;
    // Leading function and calendar words: "The Kremlin", "In February", "But Berlin".
    while (first <= run_end && (is_function_word(words[first].text) || is_calendar_word(words[first].text) ||
                                is_connector(words[first].text)))
      ++first;
    if (first > run_end) continue;
    std::vector<std::string_view> w;
    for (std::size_t k = first; k <= run_end; ++k) w.push_back(words[k].text);
    // Trailing calendar words ("Biden Thursday") are not part of the name.
    while (!w.empty() && (is_calendar_word(w.back()) || is_connector(w.back()))) w.pop_back();
    if (w.empty()) continue;

    Mention m;
    m.begin = words[first].begin;
    m.first_word = first;
    m.last_word = first + w.size() - 1;
    m.end = words[m.last_word].end;
    const std::string prev_word = first > 0 ? lw_at(first - 1) : std::string();
    const std::string next_word = lw_at(m.last_word + 1);
    const std::string next2 = lw_at(m.last_word + 2);
    const bool next_joined = m.last_word + 1 < words.size() && !words[m.last_word].possessive &&
                             joins(s.substr(words[m.last_word].end, words[m.last_word + 1].begin - words[m.last_word].end));

    // A dateline ("KYIV, Ukraine —", "PRAGUE —") is where the story was filed, written in
    // capitals: not an acronym, and not worth a mention.
    if (first == 0 && w.size() == 1 && is_acronym(w[0]) && w[0].size() >= 4 && m.end < s.size() &&
        (s[m.end] == ',' || s.substr(m.end).starts_with(" \xE2\x80\x94")))
      continue;
    // Contractions ("We've", "It's") are no names.
    if (std::any_of(w.begin(), w.end(), [](std::string_view x) {
          return x.find('\'') != std::string_view::npos || x.find("\xE2\x80\x99") != std::string_view::npos;
        }) && w.size() == 1 && is_function_word(w[0].substr(0, std::min(w[0].find('\''), w[0].find("\xE2\x80\x99")))))
      continue;
    // Acronyms: their kind, and an expansion written beside them.
    if (w.size() == 1 && is_acronym(w[0])) {
      m.name = std::string(w[0]);
      if (is_country(m.name)) m.kind = MentionKind::kPlace;
      else if (is_known_org(m.name)) m.kind = MentionKind::kOrganization;
      else m.kind = MentionKind::kThing;
      // "Army Tactical Missile System (ATACMS)", "…System, known by its initials as ATACMS".
      if (!out.empty() && m.begin - out.back().end <= 60 &&
          !ends_sentence(s.substr(out.back().end, m.begin - out.back().end))) {
        const std::vector<Word> prev_words(words.begin() + static_cast<long>(out.back().first_word),
                                           words.begin() + static_cast<long>(out.back().last_word) + 1);
        std::vector<std::string_view> pw;
        for (const Word& x : prev_words) pw.push_back(x.text);
        for (std::size_t from = 0; from < pw.size(); ++from) {
          std::vector<std::string_view> tail(pw.begin() + static_cast<long>(from), pw.end());
          if (tail.size() >= 2 && acronym_matches(m.name, tail)) {
            m.expansion = join(tail, 0, tail.size());
            if (out.back().kind == MentionKind::kThing || out.back().kind == MentionKind::kOrganization)
              m.kind = out.back().kind;
            break;
          }
        }
      }
      out.push_back(m);
      continue;
    }
    // "ATACMS (Army Tactical Missile System)".
    if (!out.empty() && out.back().expansion.empty() && is_acronym(out.back().name) &&
        s.substr(out.back().end, m.begin - out.back().end).find('(') != std::string_view::npos &&
        acronym_matches(out.back().name, w)) {
      out.back().expansion = join(w, 0, w.size());
    }

    const RoleAndName rn = split_role(w);
    if (rn.name.empty()) continue;  // a role alone: "the President"
    m.name = rn.name;
    m.role = rn.role;
    m.titled = rn.titled;
    const std::vector<std::string_view> nw(w.end() - static_cast<long>(std::count(rn.name.begin(), rn.name.end(), ' ') + 1), w.end());
    const std::string lname = lower(m.name);
    const bool all_name_like = std::all_of(nw.begin(), nw.end(), [](std::string_view x) {
      return name_like(x) && !is_function_word(x) && !is_calendar_word(x);
    });

    if (m.titled && all_name_like && nw.size() <= 4) m.kind = MentionKind::kPerson;
    else if (is_country(m.name)) m.kind = MentionKind::kPlace;
    else if (is_demonym(m.name) || (m.name.ends_with('s') && is_demonym(std::string_view(m.name).substr(0, m.name.size() - 1))))
      continue;  // an adjective or its people: "Russian", "North Korean", "Ukrainians"
    else if (is_known_org(m.name) || is_org_word(nw.back()) ||
             (nw.size() >= 3 && is_org_word(nw[0]) && (nw[1] == "of" || nw[1] == "for")))
      m.kind = MentionKind::kOrganization;
    else if (is_thing_word(nw.back()) || (next_joined && (is_thing_noun(next_word) || is_thing_noun(next2))))
      m.kind = MentionKind::kThing;
    else if (next_joined && is_place_noun(next_word))
      m.kind = MentionKind::kPlace;
    else if (nw.size() == 1 && known_surname(nw[0]))
      m.kind = MentionKind::kPerson;
    else if (is_place_preposition(prev_word) && nw.size() <= 3 && !words[first].sentence_start)
      m.kind = MentionKind::kPlace;
    else if (nw.size() <= 3 && all_name_like && (is_speech_verb(next_word) || prev_word == "said"))
      m.kind = MentionKind::kPerson;
    else if (nw.size() >= 2 && nw.size() <= 4 && all_name_like)
      m.kind = MentionKind::kPerson;
    else
      m.kind = MentionKind::kUnknown;
    out.push_back(m);
  }
  return out;
}

}  // namespace storyline::analysis
