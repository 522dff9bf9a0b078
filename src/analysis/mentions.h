// Mentions: the words of a paragraph and the names written in it, for the analysis stages
// (entities, quotes). Internal header.
//
// Names are found by the shape of the language, not by a gazetteer: runs of capitalised
// words ("Antony Blinken", "Ministry of Defense"), a title before a name ("Secretary of
// State" + "Antony Blinken"), acronyms and their expansions ("Army Tactical Missile
// System (ATACMS)"), cue words around them ("in X" for places, "X missiles" for things,
// "X said" for people). Only small closed lists are written here: titles, honorifics,
// function words, organisation and thing cues, and the world's countries and demonyms.
// Everything is linear in the paragraph's length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::analysis {

// A word of English (or other space-separated) text. Letters, digits and the inner
// marks of a word (U.S., C.Q., Zelenskyy's, long-range) stay together; a trailing
// possessive "'s" is cut from `text` and noted.
struct Word {
  std::size_t begin = 0, end = 0;  // byte range in the paragraph, possessive included
  std::string_view text;           // without the possessive
  bool capitalized = false;        // starts with an upper-case letter, and is not an
                                   // adjective compound like "U.S.-provided"
  bool possessive = false;
  bool sentence_start = false;     // first word of the paragraph, after . ! ? : or after
                                   // a quotation mark (where capitals start anew)
  bool clause_start = false;       // first word of the paragraph or after . ! ? ; :
};

std::vector<Word> split_words(std::string_view paragraph);

enum class MentionKind { kPerson, kOrganization, kPlace, kThing, kUnknown };

// A name as written: the role before it kept apart ("NATO Secretary General" +
// "Jens Stoltenberg").
struct Mention {
  std::size_t begin = 0, end = 0;  // byte range of the whole run (role included)
  std::size_t first_word = 0, last_word = 0;  // indexes into the words (last inclusive)
  std::string name;                // "Jens Stoltenberg", "ATACMS", "Ministry of Defense"
  std::string role;                // "NATO Secretary General"; "" if none (honorifics dropped)
  MentionKind kind = MentionKind::kUnknown;
  bool titled = false;             // a title or honorific stood before the name
  std::string expansion;           // for an acronym, its expansion found beside it
};

// The names of one paragraph, in order. `known_people` (full names seen so far in the
// article) lets a lone surname be recognised as a person ("Blinken told reporters").
std::vector<Mention> find_mentions(std::string_view paragraph, const std::vector<Word>& words,
                                   const std::vector<std::string>& known_people);

// Splits a run of capitalised words into role and name: "Secretary of State Antony
// Blinken" -> {"Secretary of State", "Antony Blinken"}. Either part may be empty.
struct RoleAndName {
  std::string role, name;
  bool titled = false;
};
RoleAndName split_role(const std::vector<std::string_view>& words);

// Word lists (lower-case lookups).
bool is_title_word(std::string_view w);      // president, secretary, minister, gen., ...
bool is_honorific(std::string_view w);       // mr., mrs., ms., dr.
bool is_function_word(std::string_view w);   // the, in, but, after, ... (sentence starts)
bool is_speech_verb(std::string_view w);     // said, told, added, warned, saying, ...
bool is_country(std::string_view name);      // "Ukraine", "United States", "U.S."
bool is_demonym(std::string_view name);      // "Ukrainian", "French", "North Korean"
bool is_calendar_word(std::string_view w);   // Friday, May, Nov.

// The last word of a person's name, lower-cased: "antony blinken" -> "blinken".
std::string surname_of(std::string_view name);
// An all-capitals word of 2+ letters, maybe with a plural "s": NATO, ATACMS, ATACMs.
bool is_acronym(std::string_view w);
// True when the acronym can be read off the words' starts, each word giving a prefix
// ("ATACMS" <- Army TACtical Missile System). Case-insensitive; a final plural s of the
// acronym may be left over.
bool acronym_matches(std::string_view acronym, const std::vector<std::string_view>& words);

// Levenshtein distance, capped: returns cap+1 as soon as it must exceed cap.
int edit_distance(std::string_view a, std::string_view b, int cap);

std::string lower(std::string_view s);

}  // namespace storyline::analysis
