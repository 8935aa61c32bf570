#include "fields/authors.h"

#include <re2/re2.h>

#include "dom/text_util.h"

namespace thresher::fields {
namespace {

constexpr std::size_t kMaxNameChars = 60;
constexpr int kMaxNameWords = 5;


// Interface words that end up next to bylines ("View Full Profile",
// "Sign In", "Author Posts", "Written By"): a "name" holding one is not one.
bool has_interface_word(std::string_view name) {
  static const LazyRE2 kUiWord = {
      R"((?i)(?:^|\s)(?:author|authors|profile|posts|sign|login|log|view|follow|written|more|about|contact|menu|home|search|subscribe|share|read|comments?|reply|by|category|categories|tags?)(?:\s|$))"};
  return RE2::PartialMatch(name, *kUiWord);
}

// A CMS's default account ("admin", "Site Administrator"), not a person's name;
// or what a template printed for a missing value: a JavaScript "undefined"
// or "null", an unrendered variable path ("page.head.extra.author").
bool is_placeholder_account(std::string_view name) {
  static const LazyRE2 kAccount = {
      R"((?i)^(?:site\s+|super\s*)?(?:admin|administrator|webmaster|root|guest|user|default|wordpress|wpadmin)$)"};
  // "NOC Admin", "Blog Administrator": a team's or a site's account.
  static const LazyRE2 kTeamAccount = {R"((?i)^\S+\s+(?:admin|administrator|webmaster)$)"};
  static const LazyRE2 kUnfilled = {R"(^(?:undefined|null|None|NaN|[a-z_]{3,}(?:\.[a-z_]{3,}){2,})$)"};
  return RE2::FullMatch(name, *kAccount) || RE2::FullMatch(name, *kTeamAccount) ||
         RE2::FullMatch(name, *kUnfilled);
}

// What a date left behind: a byline holding only "Sat, 20 Dec, 2025"
// loses the date to the role cut and keeps the day of the week.
bool is_weekday(std::string_view name) {
  static const LazyRE2 kWeekday = {
      R"((?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?$|^(?:wednesday|saturday)$)"};
  return RE2::FullMatch(name, *kWeekday);
}

bool looks_like_name(std::string_view name) {
  if (is_placeholder_account(name)) return false;
  if (name.empty() || name.size() > kMaxNameChars || text::word_count(name) > kMaxNameWords) return false;
  if (has_interface_word(name) || is_weekday(name)) return false;
  // "content: MarketingSherpa, design: Scott McDaniel": a credits list
  // labels its roles; no name holds a colon.
  if (name.find(':') != std::string_view::npos) return false;
  if (name.find("://") != std::string_view::npos || name.find("www.") != std::string_view::npos) {
    return false;
  }
  int digits = 0;
  for (char c : name) digits += (c >= '0' && c <= '9');
  if (digits > 0) return false;
  // Must contain letters (in any script), and more than one among other
  // signs: "C-" is not a name (a lone "i" in "Mac & i" is a part of one).
  std::size_t i = 0;
  int letters = 0, others = 0;
  while (i < name.size()) {
    const char32_t cp = text::next_code_point(name, i);
    if (text::is_word(cp) && !(cp >= '0' && cp <= '9') && cp != '_') ++letters;
    else if (cp != ' ') ++others;
  }
  return letters >= 2 || (letters == 1 && others == 0);
}

// A job title ("Senior Director", "Staff Writer", "Founder").
bool names_a_role(std::string_view words) {
  static const LazyRE2 kRole = {
      R"((?i)(?:^|\s)(?:staff|writer|editor|reporter|correspondent|contributor|columnist|director|manager|founder|chief|senior|team|expert|president|ceo|head\s+of)(?:\s|$))"};
  return RE2::PartialMatch(words, *kRole);
}

// "K Kichae" -> "Kichae": a lone capital before a name it begins is the
// avatar's letter, rendered as text ("J. Jones" and "J Smith" stay).
std::string drop_avatar_initial(std::string s) {
  if (s.size() >= 4 && s[1] == ' ' && s[0] >= 'A' && s[0] <= 'Z' &&
      (s[2] == s[0] || s[2] == s[0] + ('a' - 'A'))) {
    s.erase(0, 2);
  }
  return s;
}

}  // namespace

std::string_view credentials_suffix(std::string_view name) {
  // ", MD", ", Ph.D.", ", MS, RD", ", DVM, DACVB": comma-separated tokens of
  // two to six capitals (dots allowed), or PhD, up to the end.
  static const LazyRE2 kCredentials = {
      R"(((?:,\s*(?:Ph\.?\s?D\.?|(?:\p{Lu}\.?){2,6}))+)\s*$)"};
  re2::StringPiece input(name.data(), name.size());
  re2::StringPiece found;
  if (!RE2::PartialMatch(input, *kCredentials, &found)) return {};
  // Something must come before: a name.
  if (found.data() == name.data()) return {};
  return std::string_view(found.data(), found.size());
}

std::vector<std::string_view> credential_tokens(std::string_view suffix) {
  std::vector<std::string_view> tokens;
  std::size_t pos = 0;
  while (pos < suffix.size()) {
    std::size_t comma = suffix.find(',', pos);
    if (comma == std::string_view::npos) comma = suffix.size();
    const std::string_view token = text::trim(suffix.substr(pos, comma - pos));
    if (!token.empty()) tokens.push_back(token);
    pos = comma + 1;
  }
  return tokens;
}

std::string surname_first_to_natural(std::string_view name) {
  const std::string_view trimmed = text::trim(name);
  const std::size_t comma = trimmed.find(',');
  if (comma == std::string_view::npos || trimmed.find(',', comma + 1) != std::string_view::npos ||
      !credentials_suffix(trimmed).empty()) {
    return std::string(name);
  }
  const std::string_view surname = text::trim(trimmed.substr(0, comma));
  const std::string_view given = text::trim(trimmed.substr(comma + 1));
  // A surname of one or two words ("van Vulpen"), then given names and
  // initials, each capitalised ("Jeff T.", "A. J."); a role says a word
  // a name does not ("Staff Writer", "Editor").
  static const LazyRE2 kSurname = {R"(^(?:\p{Ll}+\s)?\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?$)"};
  static const LazyRE2 kGiven = {R"(^\p{Lu}[\p{L}'’-]*\.?(?:\s\p{Lu}[\p{L}'’-]*\.?){0,2}$)"};
  if (!RE2::FullMatch(surname, *kSurname) || !RE2::FullMatch(given, *kGiven) ||
      has_interface_word(given)) {
    return std::string(name);
  }
  if (names_a_role(given)) return std::string(name);
  std::string out(given);
  out += ' ';
  out += surname;
  return out;
}

namespace {

// `strip_roles`: cut what follows the name (", Staff Writer", " for X"),
// but not its post-nominal letters (", MD", ", MS, RD"): pages print them as
// part of the byline, as a reader (and WCXB's gold) reads it.
std::string clean_one(std::string_view part, bool strip_roles = true);

std::string clean_one(std::string_view part, bool strip_roles) {
  if (strip_roles) {
    const std::string_view creds = credentials_suffix(text::trim(part));
    if (!creds.empty()) {
      const std::string_view trimmed = text::trim(part);
      std::string name = clean_one(trimmed.substr(0, trimmed.size() - creds.size()), true);
      if (name.empty()) return name;
      for (const std::string_view token : credential_tokens(creds)) name += ", " + std::string(token);
      return name;
    }
  }
  static const LazyRE2 kPrefix = {
      R"((?i)^\s*(?:this\s+(?:post|article|story|piece|guide|review|blog\s+post)\s+(?:was|is)\s+)?)"
      R"((?:(?:written|posted|reported|published|edited|compiled|photos?|text)\s+)?)"
      R"((?:by|von|par|por|door|di|da|de|av|przez|autor(?:in)?|author|authors|redakcja|texte?)\s*[:\-–—]?\s+)"};
  static const LazyRE2 kLabel = {R"((?i)^\s*(?:author|autor|auteur|autore|by|contributors?)\s*:\s*)"};
  static const LazyRE2 kEmail = {R"([\w.+-]+@[\w-]+\.[\w.-]+)"};
  static const LazyRE2 kHandle = {R"((?:^|\s)@\w+)"};
  // Roles and trailing furniture after a name. "on" starts a date ("Jane
  // Doe on March 3") or ends a line whose date is elsewhere ("By Jane Doe
  // on"); a capital "On" closing the string is a name's ("Audiophile On").
  static const LazyRE2 kTail = {
      R"((?i)\s*(?:[|,–—(•·●]|\s-\s|\bon\s+\S|\s(?-i:on)$|\blast\b|\bupdated\b|\bpublished\b|\bstaff\s+(?:writer|reporter|editor|member|correspondent)\b|\bcorrespondent\b|\breporter\b|\beditor\b|\bcontributor\b|\bwriter\b|\bcolumnists?\b|\bcoordinator\b|\bmanager\b|\bspecialist\b|\bfor\b\s).*$)"};
  // Forum furniture around a poster's name: presence ("Offline"), the
  // quote verb ("JonB wrote:").
  static const LazyRE2 kPresence = {R"((?i)(?:^|\s)(?:online|offline|away)(?:\s|$))"};
  static const LazyRE2 kWrote = {R"((?i)\s+(?:wrote|said|says|writes|posted)\s*:?\s*$)"};
  std::string s = text::collapse_whitespace(part);
  RE2::GlobalReplace(&s, *kPresence, " ");
  s = drop_avatar_initial(text::collapse_whitespace(s));
  RE2::GlobalReplace(&s, *kEmail, "");
  RE2::GlobalReplace(&s, *kHandle, "");
  RE2::Replace(&s, *kLabel, "");
  RE2::Replace(&s, *kPrefix, "");
  // "ByTrevor Jones": the label glued to the name by markup without a space.
  static const LazyRE2 kGluedBy = {R"(^By(\p{Lu}\p{Ll}))"};
  RE2::Replace(&s, *kGluedBy, "\\1");
  if (strip_roles) RE2::Replace(&s, *kTail, "");
  RE2::Replace(&s, *kWrote, "");  // after the tail: "JonB wrote on 25 Apr"
  std::string_view t = text::trim(s);
  // ", USA TODAY": a template printed the separator of an empty name.
  while (!t.empty() && (t.front() == ',' || t.front() == ';' || t.front() == '|' || t.front() == ':')) {
    t = text::trim(t.substr(1));
  }
  while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ':' || t.back() == ';')) {
    t.remove_suffix(1);
  }
  return std::string(text::trim(t));
}

}  // namespace

std::vector<std::string> clean_authors(std::string_view raw, bool split) {
  std::vector<std::string> names;
  std::string s = text::collapse_whitespace(raw.substr(0, std::min<std::size_t>(raw.size(), 400)));
  if (s.empty() || s.find("://") != std::string::npos) return names;  // a profile URL
  // Separators between names: ";", " and ", " & ", " und ", " et ", " y ", " i ", "/" and
  // commas (a role after a comma is removed by clean_one first).
  static const LazyRE2 kSplit = {R"((?i)\s*(?:;|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+i\s+|\s+oraz\s+|/|\|)\s*)"};
  if (!split) {
    std::string name = clean_one(s, /*strip_roles=*/false);
    if (looks_like_name(name)) names.push_back(std::move(name));
    return names;
  }
  // "Daniel Burstein, Senior Director, Content & Marketing, Site and Group":
  // what follows a role after the first comma is the role's, not more names.
  if (const std::size_t comma = s.find(','); comma != std::string::npos) {
    const std::size_t next = s.find(',', comma + 1);
    if (names_a_role(std::string_view(s).substr(comma + 1, next == std::string::npos ? std::string::npos : next - comma - 1))) {
      s.resize(comma);
    }
  }
  RE2::GlobalReplace(&s, *kSplit, ";");
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t sep = s.find(';', pos);
    if (sep == std::string::npos) sep = s.size();
    const std::string_view piece(s.data() + pos, sep - pos);
    // A comma list of short names ("Jane Doe, John Roe") vs. "Doe, Staff Writer":
    // clean_one drops what follows a comma, so split on commas only when every
    // comma-separated piece already looks like a name of 2+ words.
    std::vector<std::string_view> parts;
    std::size_t p = 0;
    bool all_names = true;
    while (p <= piece.size()) {
      std::size_t c = piece.find(',', p);
      if (c == std::string_view::npos) c = piece.size();
      const std::string_view item = text::trim(piece.substr(p, c - p));
      if (text::word_count(item) < 2 || !looks_like_name(item)) all_names = false;
      parts.push_back(item);
      p = c + 1;
    }
    if (!(all_names && parts.size() > 1)) parts = {piece};
    for (std::string_view part : parts) {
      std::string name = clean_one(part);
      if (looks_like_name(name)) merge_names(names, {name});
    }
    pos = sep + 1;
  }
  return names;
}

void merge_names(std::vector<std::string>& names, const std::vector<std::string>& more) {
  for (const std::string& m : more) {
    bool seen = false;
    const std::string lm = text::to_lower_utf8(m);
    for (const std::string& n : names) {
      if (text::to_lower_utf8(n) == lm) seen = true;
    }
    if (!seen) names.push_back(m);
  }
}

}  // namespace thresher::fields
