#pragma once
// Typed variable masking and the tokenizer shared by the `template` transform and the `drain`
// clusterer (docs/clustering.md). One left-to-right hand scanner (no regex on the default path):
// chunk rules (URL, path, quoted word, number with unit, dates in words), structured values
// (IP[:port], UUID, timestamps, e-mail), then punctuation tokenisation where letters, digits and
// `_ - . /` stay inside a token, and token rules (any digit, `/`, booleans, dotted names).
// Adjacent placeholders collapse into one. User masks (name + RE2 regex) run first.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <gardener/record.hpp>

namespace gardener {
inline namespace v1 {

/// Token types. Word = a constant (word or punctuation); everything else is a placeholder.
enum class TokenType : uint16_t {
  Word = 0,
  Num,        // 42, -3.5
  Hex,        // 0x1f, 9f4ef63a (hex digits with at least one digit and one letter, >= 6 chars)
  Uuid,       // 8-4-4-4-12
  Ip,         // IPv4 / IPv6, with an optional :port
  Url,        // scheme://...
  Path,       // /a/b, ./x, ~/x, C:\x, any token with a '/'
  Email,      // a@b.c
  Timestamp,  // 2015-10-18T18:01:47Z, 18:01:47.978
  Date,       // 2015-10-18, Sun Jul 17 15:09:13 2005
  Duration,   // 13.56ms, 30 sec
  Size,       // 5.2 KB, 300 B
  Bool,       // true false null none
  Name,       // dotted name with >= 3 parts: com.example.app
  Id,         // any other token containing a digit
  Quoted,     // a quoted word without spaces (the quotes stay constants)
  Var,        // generic <*> (merged or mixed types)
  User = 64,  // user masks: User + index
};

inline bool is_placeholder(TokenType t) { return t != TokenType::Word; }

/// Whether a word names a class of error (IOException, java.net.SocketTimeoutException:,
/// StackOverflowError): a capitalised last dotted part ending in Exception, Error, Throwable,
/// Fault or Warning. The kind of error is what an event is: the template keeps it and the drain
/// never lets one stand for another. Header-only (no symbol): SDK 3.6 plugins may use it.
inline bool names_error_class(std::string_view word) {
  while (!word.empty() && word.back() == ':') word.remove_suffix(1);
  if (const size_t dot = word.rfind('.'); dot != std::string_view::npos) word.remove_prefix(dot + 1);
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  for (std::string_view kind : {"Exception", "Error", "Throwable", "Fault", "Warning"})
    if (word.size() > kind.size() && word.substr(word.size() - kind.size()) == kind) return true;
  return word == "Error" || word == "Exception";
}

/// One token: for a constant its text, for a placeholder the original value. `ws` is the
/// whitespace that followed it (kept so templates render like the messages).
struct Token {
  std::string_view text;
  std::string_view ws;
  TokenType type = TokenType::Word;
};

struct UserMask {
  std::string name;   // placeholder name, e.g. "TICKET" → <TICKET>
  std::string regex;  // RE2 syntax
};

/// Which rules run. Every built-in type can be switched off by name (see mask_type_names()).
struct MaskSettings {
  std::vector<std::string> disabled;  // built-in type names to skip, e.g. {"BOOL", "NAME"}
  std::vector<UserMask> user_masks;   // applied first, in order
  std::string extra_delimiters;       // characters treated as whitespace (Drain3's extra_delimiters)
  bool collapse = true;               // adjacent placeholders become one
  /// When false no built-in rule runs (only user masks and tokenisation).
  bool builtins = true;
  /// When false every token takes the full scanner path; the output must be the same (tests
  /// compare the two, so the shortcut for plain words and punctuation cannot drift).
  bool fast_paths = true;
};

/// The names of the built-in types, in TokenType order (NUM, HEX, ...).
const std::vector<std::string>& mask_type_names();

class Masker {
 public:
  /// Throws ConfigurationError naming the mask when a user regex or a disabled name is invalid.
  explicit Masker(MaskSettings settings = {});
  ~Masker();
  Masker(Masker&&) noexcept;
  Masker& operator=(Masker&&) noexcept;

  /// Masks and tokenizes `message` (views into it). Thread-safe.
  void tokenize(std::string_view message, std::vector<Token>& out) const;
  /// Reads a `masked` text back into tokens; placeholder values come from `variables` in order.
  /// Returns false when the placeholders and the variables disagree (then `out` is unusable).
  bool tokenize_masked(std::string_view masked, const std::vector<Variable>& variables,
                       std::vector<Token>& out) const;
  /// Fills record.masked, record.variables and record.tokens from record.message.
  void apply(Record& record) const;
  /// The same for each record, looking a few records ahead (their text, their cache entries).
  /// Since SDK 3.3.
  void apply(std::span<Record> records) const;

  /// Messages remembered per thread (exact repeats skip the scan; same tokens either way).
  /// 0 switches the cache off. Set it before the masker is shared between threads. Since SDK 3.3.
  static constexpr size_t kDefaultCacheEntries = 32768;
  void set_cache_entries(size_t entries);
  size_t cache_entries() const;

  /// "NUM", "IP", ... or the user mask's name; "*" for Var.
  std::string_view type_name(TokenType t) const;
  /// Placeholder text: "<NUM>", "<*>".
  std::string placeholder(TokenType t) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Keeps `tokens` (views into record.message) on the record, stamped with the message's hash.
void store_tokens(const std::vector<Token>& tokens, Record& record);
/// The record's stored tokens as views into its message; false when there are none or the
/// message changed since they were stored (then `out` holds nothing useful: tokenize again).
bool load_tokens(const Record& record, std::vector<Token>& out);

/// Renders tokens: constants as text, placeholders as "<*>" (typed=false) or "<TYPE>".
std::string render_tokens(const Masker& masker, const std::vector<Token>& tokens, bool typed);

}  // namespace v1
}  // namespace gardener
