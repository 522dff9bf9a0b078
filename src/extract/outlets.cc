#include "extract/outlets.h"

#include <algorithm>
#include <vector>

#include "text/utf8.h"

namespace storyline::extract {
namespace {

struct KnownOutlet {
  const char* host;
  const char* name;
};

// Hosts whose name cannot be read off the domain. General knowledge of the field, not
// tied to any test page: the largest English-language and Chinese-language outlets and
// wire agencies.
constexpr KnownOutlet kKnownOutlets[] = {
    {"ft.com", "Financial Times"},        {"wsj.com", "The Wall Street Journal"},
    {"nytimes.com", "The New York Times"}, {"washingtonpost.com", "The Washington Post"},
    {"cbsnews.com", "CBS News"},          {"nbcnews.com", "NBC News"},
    {"abcnews.go.com", "ABC News"},       {"cnn.com", "CNN"},
    {"foxnews.com", "Fox News"},          {"bbc.co.uk", "BBC"},
    {"bbc.com", "BBC"},                   {"theguardian.com", "The Guardian"},
    {"reuters.com", "Reuters"},           {"apnews.com", "Associated Press"},
    {"afp.com", "AFP"},                   {"bloomberg.com", "Bloomberg"},
    {"economist.com", "The Economist"},   {"fortune.com", "Fortune"},
    {"forbes.com", "Forbes"},             {"latimes.com", "Los Angeles Times"},
    {"usatoday.com", "USA Today"},        {"npr.org", "NPR"},
    {"politico.com", "Politico"},         {"politico.eu", "Politico Europe"},
    {"axios.com", "Axios"},               {"thehill.com", "The Hill"},
    {"aljazeera.com", "Al Jazeera"},      {"dw.com", "Deutsche Welle"},
    {"france24.com", "France 24"},        {"euronews.com", "Euronews"},
    {"independent.co.uk", "The Independent"}, {"telegraph.co.uk", "The Telegraph"},
    {"thetimes.co.uk", "The Times"},      {"dailymail.co.uk", "Daily Mail"},
    {"cnbc.com", "CNBC"},                 {"time.com", "Time"},
    {"theatlantic.com", "The Atlantic"},  {"newyorker.com", "The New Yorker"},
    {"kyivindependent.com", "The Kyiv Independent"}, {"kyivpost.com", "Kyiv Post"},
    {"themoscowtimes.com", "The Moscow Times"}, {"tass.com", "TASS"},
    {"scmp.com", "South China Morning Post"}, {"xinhuanet.com", "Xinhua"},
    {"news.cn", "Xinhua"},                {"people.com.cn", "People's Daily"},
    {"chinadaily.com.cn", "China Daily"}, {"globaltimes.cn", "Global Times"},
    {"caixin.com", "Caixin"},             {"thepaper.cn", "The Paper"},
    {"zaobao.com", "Lianhe Zaobao"},      {"zaobao.com.sg", "Lianhe Zaobao"},
    {"bbc.com/zhongwen", "BBC Chinese"},  {"nikkei.com", "Nikkei"},
    {"asia.nikkei.com", "Nikkei Asia"},   {"japantimes.co.jp", "The Japan Times"},
    {"spiegel.de", "Der Spiegel"},        {"zeit.de", "Die Zeit"},
    {"faz.net", "Frankfurter Allgemeine Zeitung"}, {"sueddeutsche.de", "Süddeutsche Zeitung"},
    {"lemonde.fr", "Le Monde"},           {"lefigaro.fr", "Le Figaro"},
    {"elpais.com", "El País"},            {"corriere.it", "Corriere della Sera"},
    {"abc.net.au", "ABC News (Australia)"}, {"smh.com.au", "The Sydney Morning Herald"},
    {"cbc.ca", "CBC News"},               {"theglobeandmail.com", "The Globe and Mail"},
    {"huffpost.com", "HuffPost"},         {"vox.com", "Vox"},
    {"businessinsider.com", "Business Insider"}, {"techcrunch.com", "TechCrunch"},
    {"theverge.com", "The Verge"},        {"wired.com", "Wired"},
    {"arstechnica.com", "Ars Technica"},  {"yahoo.com", "Yahoo News"},
    {"msn.com", "MSN"},                   {"newsweek.com", "Newsweek"},
    {"rferl.org", "Radio Free Europe/Radio Liberty"}, {"voanews.com", "Voice of America"},
};

bool host_matches(std::string_view host, std::string_view known) {
  if (host == known) return true;
  return host.size() > known.size() && host.substr(host.size() - known.size()) == known &&
         host[host.size() - known.size() - 1] == '.';
}

}  // namespace

std::string host_of(std::string_view url) {
  std::size_t p = url.find("://");
  std::string_view rest = p == std::string_view::npos ? url : url.substr(p + 3);
  if (p == std::string_view::npos && rest.substr(0, 2) == "//") rest.remove_prefix(2);
  const std::size_t end = rest.find_first_of("/?#:");
  std::string host = text::to_lower_ascii(rest.substr(0, end));
  const std::size_t at = host.find('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  for (const char* prefix : {"www.", "m.", "amp."})
    if (host.rfind(prefix, 0) == 0 && host.size() > 5) host = host.substr(std::string_view(prefix).size());
  return host;
}

std::string outlet_for_host(std::string_view host) {
  const KnownOutlet* best = nullptr;
  for (const KnownOutlet& k : kKnownOutlets) {
    if (host_matches(host, k.host) && (!best || std::string_view(k.host).size() > std::string_view(best->host).size()))
      best = &k;
  }
  return best ? best->name : "";
}

std::string outlet_from_copyright(std::string_view line) {
  std::size_t p = line.find("\xC2\xA9");  // ©
  std::size_t skip = 2;
  if (p == std::string_view::npos) {
    p = text::to_lower_ascii(line).find("copyright");
    skip = 9;
  }
  if (p == std::string_view::npos) return "";
  std::string rest = text::trim(line.substr(p + skip));
  if (text::starts_with_ci(rest, "(c)")) rest = text::trim(rest.substr(3));
  if (text::starts_with_ci(rest, "copyright")) rest = text::trim(rest.substr(9));
  // Years: "2025", "2010-2025", "2010–2025".
  std::size_t i = 0;
  while (i < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[i])) || rest[i] == '-' || rest[i] == ' ' ||
                             rest[i] == ',' || static_cast<unsigned char>(rest[i]) >= 0x80))
    {
      if (static_cast<unsigned char>(rest[i]) >= 0x80) {
        // en dash only
        if (rest.compare(i, 3, "\xE2\x80\x93") == 0) { i += 3; continue; }
        break;
      }
      ++i;
    }
  if (i == 0) return "";  // a notice without a year is too often a sentence
  rest = text::trim(rest.substr(i));
  // Up to the end of the name: ".", "|", "All rights".
  std::size_t end = rest.size();
  for (std::string_view stop : {". ", " |", " All ", " all ", ", All", ", all", " - ", ";"}) {
    const std::size_t q = rest.find(stop);
    if (q != std::string::npos) end = std::min(end, q);
  }
  std::string name = text::trim(rest.substr(0, end));
  while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
  // Drop legal and corporate suffixes, repeatedly: "Fortune Media IP Limited" -> "Fortune".
  static const char* kSuffixes[] = {"Limited", "Ltd", "Ltd.", "Pty", "Inc", "Inc.", "LLC", "L.L.C.", "PLC", "plc",
                                    "Corp", "Corp.", "Corporation", "GmbH", "AG", "S.A.", "SA", "IP",
                                    "Media", "Group", "Holdings", "Company", "Co.", "Co", "LP", "Enterprises",
                                    "Publishing", "Publications", "Digital", "Interactive", "Ventures"};
  for (bool changed = true; changed;) {
    changed = false;
    const std::size_t sp = name.rfind(' ');
    if (sp == std::string::npos) break;
    std::string last = name.substr(sp + 1);
    while (!last.empty() && last.back() == ',') last.pop_back();
    for (const char* suf : kSuffixes) {
      if (last == suf) {
        name = text::trim(name.substr(0, sp));
        while (!name.empty() && name.back() == ',') name.pop_back();
        changed = true;
        break;
      }
    }
  }
  if (name.empty() || text::word_count(name) > 6) return "";
  return name;
}

std::string strip_site_from_title(std::string_view title, std::string_view outlet, std::string_view host) {
  std::string t = text::trim(title);
  static const std::string_view kSeps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " / ", "_", " \xE2\x80\xA2 "};
  const std::string site_label = host.empty() ? std::string() : std::string(host.substr(0, host.find('.')));
  auto is_site = [&](std::string_view part) {
    const std::string p = text::to_lower_ascii(text::trim(part));
    if (p.empty()) return false;
    if (!outlet.empty() && (p == text::to_lower_ascii(outlet) || text::contains_ci(outlet, p) || text::contains_ci(p, outlet))) return true;
    std::string compact;
    for (char c : p) if (std::isalnum(static_cast<unsigned char>(c))) compact += c;
    if (!site_label.empty() && (compact == site_label || p == host)) return true;
    return false;
  };
  for (std::string_view sep : kSeps) {
    const std::size_t last = t.rfind(sep);
    if (last != std::string::npos && last > 0 && is_site(std::string_view(t).substr(last + sep.size())))
      return text::trim(std::string_view(t).substr(0, last));
    const std::size_t first = t.find(sep);
    if (first != std::string::npos && is_site(std::string_view(t).substr(0, first)))
      return text::trim(std::string_view(t).substr(first + sep.size()));
  }
  return t;
}

}  // namespace storyline::extract
