// People in page furniture: bylines, author bios, contributor lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {

// A byline to a clean list of names: "By Jane Doe and JOHN ROE, Staff Writers | May 3"
// -> {"Jane Doe", "John Roe"}. Drops "By", dates, job titles, e-mail and social handles;
// keeps wire agencies ("AFP", "Reuters") as authors. Duplicates removed, order kept.
std::vector<std::string> clean_authors(std::string_view byline);

// "JANE DOE" -> "Jane Doe"; names with lower-case letters and short acronyms unchanged.
std::string title_case_if_shouting(const std::string& name);

// True for a plausible person or agency name: 1-5 capitalised words or a short CJK name,
// no sentence punctuation, no digits.
bool looks_like_name(std::string_view s);

// An author bio sentence: "David Martin has been CBS News' national security
// correspondent since 1993." -> person "David Martin", outlet "CBS News".
struct AuthorBio {
  std::string person;
  std::string outlet;
};
std::optional<AuthorBio> parse_author_bio(std::string_view sentence);

// "Kate Brady contributed to this report from Berlin." -> {"Kate Brady"}.
std::vector<std::string> parse_contributors(std::string_view sentence);

}  // namespace storyline::extract
