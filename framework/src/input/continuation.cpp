// A hand scanner for the default multiline patterns: RE2's PartialMatch cost ~750 instructions
// a line, and almost every line is decided by its first byte.
#include "input/continuation.hpp"

namespace gardener::detail {
namespace {

// RE2's \s: [\t\n\f\r ] (no \v).
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool word(char c) { return letter(c) || (c >= '0' && c <= '9') || c == '_'; }

// ^[A-Za-z_][\w.$]*(?:Error|Exception|Warning)(?::|$): the suffix must end the maximal run of
// [\w.$] (':' and the end are outside the class), after at least the first character.
bool throwable(std::string_view t) {
  if (!(letter(t[0]) || t[0] == '_')) return false;
  size_t k = 1;
  while (k < t.size() && (word(t[k]) || t[k] == '.' || t[k] == '$')) ++k;
  if (k < t.size() && t[k] != ':') return false;
  std::string_view run = t.substr(0, k);
  for (std::string_view s : {std::string_view("Error"), std::string_view("Exception"), std::string_view("Warning")})
    if (run.size() > s.size() && run.substr(run.size() - s.size()) == s) return true;
  return false;
}

}  // namespace

bool default_continuation(std::string_view t) {
  if (t.empty()) return false;
  char c = t[0];
  if (space(c)) return true;
  if (c == '.') return t.substr(0, 3) == "...";
  if (!(letter(c) || c == '_')) return false;
  if (t.size() >= 3 && t[0] == 'a' && t[1] == 't' && space(t[2])) return true;
  if (t.substr(0, 10) == "Caused by:" || t.substr(0, 9) == "Traceback") return true;
  return throwable(t);
}

}  // namespace gardener::detail
