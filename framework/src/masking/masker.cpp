// The masker: user masks (RE2) first, then one left-to-right scan (scanners.hpp) that emits
// typed tokens, then the collapse of adjacent placeholders. See docs/clustering.md.
#include <gardener/errors.hpp>
#include <gardener/masking.hpp>
#include <gardener/text_hash.hpp>

#include <re2/re2.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <span>

#include "mask_cache.hpp"
#include "scanners.hpp"

namespace gardener {
inline namespace v1 {

using namespace masking;

namespace {
// A thread's scratch token list keeps its memory between lines, unless a huge line grew it past
// 65,536 tokens (1 MiB).
void release_if_huge(std::vector<MessageToken>& scratch) {
  if (scratch.capacity() > (size_t{1} << 16)) std::vector<MessageToken>().swap(scratch);
}
// TokenType order, for type_name() on every placeholder (no function-static guard per call).
constexpr std::string_view kTypeNames[] = {"NUM",  "HEX",      "UUID", "IP",   "URL", "PATH", "EMAIL", "TIMESTAMP",
                                           "DATE", "DURATION", "SIZE", "BOOL", "NAME", "ID",   "QUOTED"};
}  // namespace

const std::vector<std::string>& mask_type_names() {
  static const std::vector<std::string> names(std::begin(kTypeNames), std::end(kTypeNames));
  return names;
}

struct Masker::Impl {
  MaskSettings settings;
  // Names this masker's entries in the threads' caches (ids are never reused, addresses are).
  uint64_t id = next_id();
  size_t cache_entries = Masker::kDefaultCacheEntries;
  std::array<bool, 64> enabled{};
  std::array<bool, 256> delim{};
  std::array<bool, 256> opens_chunk{};  // bytes after which a chunk (URL, path, date) may start
  std::vector<std::unique_ptr<RE2>> user;
  std::vector<std::string> user_names;

  bool on(TokenType t) const { return settings.builtins && enabled[static_cast<size_t>(t)]; }
  // Masker::type_name(), inline for the writers that name every placeholder of every line.
  std::string_view type_name(uint16_t v) const {
    if (v == static_cast<uint16_t>(TokenType::Var)) return "*";
    if (v >= static_cast<uint16_t>(TokenType::User)) {
      const size_t k = v - static_cast<uint16_t>(TokenType::User);
      return k < user_names.size() ? std::string_view(user_names[k]) : std::string_view("*");
    }
    return (v >= 1 && v <= std::size(kTypeNames)) ? kTypeNames[v - 1] : std::string_view("*");
  }

  struct Span {
    size_t begin, end;
    TokenType type;
  };
  void user_spans(std::string_view msg, std::vector<Span>& spans) const;
  // The scanner works on offsets into the message (MessageToken, as Record::tokens keeps them).
  using Offsets = std::vector<MessageToken>;
  void tokenize(std::string_view msg, Offsets& out) const;
  void scan_segment(std::string_view msg, size_t from, size_t to, Offsets& out) const;
  template <class Out>
  size_t skip_delims(std::string_view msg, size_t i, size_t to, Out& out) const;
  bool chunk_start(std::string_view msg, size_t i) const;
  // What the text can contain at all: the e-mail and URL scanners run only when it can.
  struct Hints {
    bool at = true, url = true;
  };
  size_t plain_token(std::string_view rest, bool at_chunk, const Hints& hints, TokenType& type) const;
  // rest[j] is a period that ends a sentence ("count 42.", "in v2."): the value ends before it.
  bool ends_sentence(std::string_view rest, size_t j) const {
    return rest[j] == '.' && (j + 1 == rest.size() || delim[static_cast<unsigned char>(rest[j + 1])]);
  }
  size_t plain_punctuation(std::string_view rest, TokenType& type) const;
  size_t plain_number(std::string_view rest, TokenType& type) const;
  TokenType word_type(std::string_view rest, size_t j, masking::WordShape shape) const;
  size_t structured(std::string_view rest, bool at_chunk, const Hints& hints, TokenType& type) const;
  void collapse(std::string_view msg, Offsets& out) const;
  void write_masked(std::string_view msg, const Offsets& toks, std::string& out) const;
  void write_variables(Record& record) const;
  // The calling thread's cache; nullptr when caching is off.
  MaskCache* thread_cache() const { return cache_entries ? &MaskCache::for_thread(cache_entries) : nullptr; }
  struct Masked {
    std::span<const MessageToken> tokens;
    std::string_view masked;
    bool has_masked;  // false: not kept, write it from the tokens
  };
  Masked mask(std::string_view message, uint64_t hash, MaskCache* cache) const;
  void apply_hashed(Record& record, MaskCache* cache) const;
  static uint64_t next_id() {
    static std::atomic<uint64_t> last{0};
    return ++last;
  }
  TokenType placeholder_by_name(std::string_view name) const;
};

namespace {

void emit(std::vector<MessageToken>& out, size_t b, size_t e, TokenType t) {
  out.push_back(MessageToken{static_cast<uint32_t>(b), static_cast<uint32_t>(e - b), 0, static_cast<uint16_t>(t)});
}
void emit(std::vector<Token>& out, std::string_view msg, size_t b, size_t e, TokenType t) {
  out.push_back(Token{std::string_view(msg.data() + b, e - b), {}, t});
}

// The byte where a number's unit starts ("1.16 KB" -> 4, "64MB" -> 2), space included.
size_t unit_start(std::string_view size) {
  size_t k = 0;
  while (k < size.size() && !is_alpha(size[k]) && size[k] != ' ') ++k;
  return k;
}

// A size alone in parentheses after another size or a count of bytes, "1190 bytes (1.16 KB)",
// restates it for people.
bool restates_size(std::string_view msg, const std::vector<MessageToken>& out, size_t at, size_t n) {
  if (out.size() < 2 || at + n >= msg.size() || msg[at + n] != ')') return false;
  const MessageToken& open = out.back();
  const MessageToken& before = out[out.size() - 2];
  auto type = [](const MessageToken& t) { return static_cast<TokenType>(t.type); };
  const std::string_view before_text(msg.data() + before.begin, before.size);
  const bool count_of_bytes = out.size() >= 3 && type(out[out.size() - 3]) == TokenType::Num &&
                              (before_text == "bytes" || before_text == "byte");
  return open.size == 1 && open.ws == 0 && msg[open.begin] == '(' && before.ws > 0 &&
         (type(before) == TokenType::Size || count_of_bytes);
}

// A stack frame's function (`\tat com.acme.PricingService.applyDiscount(...)`, `    at async
// OrdersService.findOne (...)`) stays a word, not a NAME: where an error was thrown tells two
// errors of one message apart, as Sentry groups a trace by its frames (the drain requires frames
// to match, docs/clustering.md). A name with a digit (`GeneratedMethodAccessor45.invoke`) is
// generated and keeps its type.
void keep_frame_functions(std::string_view msg, std::vector<MessageToken>& out) {
  if (msg.find('\n') == std::string_view::npos) return;
  auto text = [&](const MessageToken& t) { return msg.substr(t.begin, t.size); };
  for (size_t k = 1; k + 1 < out.size(); ++k) {
    const MessageToken& prev = out[k - 1];
    if (text(out[k]) != "at" || msg.substr(prev.begin + prev.size, prev.ws).find('\n') == std::string_view::npos)
      continue;
    size_t f = k + 1;
    if (text(out[f]) == "async" && f + 1 < out.size()) ++f;
    const std::string_view name = text(out[f]);
    if (static_cast<TokenType>(out[f].type) == TokenType::Name &&
        std::none_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
      out[f].type = static_cast<uint16_t>(TokenType::Word);
  }
}

// A base64 value (Dovecot's `session=<1A0CRK+EuMCmuM+m>`, a nonce, a token): letters and digits
// glued by `+` (a `/` is inside words already), 12 bytes or more, with both cases and a sign of
// randomness (a digit, a `/`, two `+`, or the case changing four times), is one ID. Its `+` would
// otherwise split it into as many tokens as the value happens to hold.
void join_base64(std::string_view msg, std::vector<MessageToken>& out) {
  auto is_plus = [&](const MessageToken& t) { return t.size == 1 && msg[t.begin] == '+'; };
  auto part = [&](const MessageToken& t) {
    const std::string_view text = msg.substr(t.begin, t.size);
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return is_alnum(c) || c == '/'; });
  };
  size_t w = 0;
  for (size_t r = 0; r < out.size();) {
    size_t e = r;  // [r, e): glued parts and pluses
    bool plus = false;
    while (e < out.size() && (part(out[e]) || is_plus(out[e]))) {
      plus |= is_plus(out[e]);
      if (out[e++].ws > 0) break;
    }
    bool joined = false;
    if (plus && e - r >= 2) {
      const size_t end = out[e - 1].begin + out[e - 1].size;
      const std::string_view text = msg.substr(out[r].begin, end - out[r].begin);
      auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
      auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
      auto has = [&](auto pred) { return std::any_of(text.begin(), text.end(), pred); };
      size_t case_changes = 0;  // random letters change case every other letter; words rarely
      for (size_t k = 1; k < text.size(); ++k)
        case_changes += is_alpha(text[k - 1]) && is_alpha(text[k]) && upper(text[k - 1]) != upper(text[k]);
      const bool random = has(is_digit) || text.find('/') != std::string_view::npos ||
                          std::count(text.begin(), text.end(), '+') >= 2 || case_changes >= 4;
      if (text.size() >= 12 && has(upper) && has(lower) && random) {
        MessageToken joint = out[r];
        joint.type = static_cast<uint16_t>(TokenType::Id);
        joint.size = static_cast<uint32_t>(text.size());
        joint.ws = out[e - 1].ws;
        out[w++] = joint;
        joined = true;
      }
    }
    if (!joined) {
      const size_t stop = e > r ? e : r + 1;
      for (size_t k = r; k < stop; ++k) out[w++] = out[k];
      e = stop;
    }
    r = e;
  }
  out.resize(w);
}

// What follows `reason` or `cause` and a `:` or `=` is free text, one value, as Loghub's labels
// have it (`Wake reason: RTC (Alarm)`; Android's `reason = <*>`). It ends at the message's end, at
// a bracket opened before the key, or at another `key=`; one value alone keeps its type, and a
// sentence of plain words (`reason = device busy`) stays words: a fixed reason text. `message` and
// `msg` are no such keys: in logfmt they hold the event's own text.
void join_reason_text(std::string_view msg, std::vector<MessageToken>& out) {
  auto is = [&](const MessageToken& t, char c) { return t.size == 1 && msg[t.begin] == c; };
  auto reason_key = [&](const MessageToken& t) {
    if (static_cast<TokenType>(t.type) != TokenType::Word || (t.size != 5 && t.size != 6)) return false;
    auto lower_is = [&](std::string_view word) {
      if (word.size() != t.size) return false;
      for (size_t i = 0; i < word.size(); ++i)
        if ((msg[t.begin + i] | 0x20) != word[i]) return false;
      return true;
    };
    return lower_is("reason") || lower_is("cause");
  };
  for (size_t k = 0; k + 2 < out.size(); ++k) {
    if (!reason_key(out[k]) || !(is(out[k + 1], ':') || is(out[k + 1], '='))) continue;
    const size_t first = k + 2;
    size_t end = first;
    int depth = 0;
    for (size_t j = first; j < out.size(); ++j) {
      if (is(out[j], '(') || is(out[j], '[') || is(out[j], '{')) {
        ++depth;
      } else if (is(out[j], ')') || is(out[j], ']') || is(out[j], '}')) {
        if (depth-- == 0) break;
      } else if (depth == 0 && j > first && out[j - 1].ws > 0 && out[j].ws == 0 && j + 1 < out.size() &&
                 is(out[j + 1], '=')) {
        break;  // the next key=value pair
      }
      end = j + 1;
    }
    if (end <= first || (end == first + 1 && is_placeholder(static_cast<TokenType>(out[first].type)))) continue;
    if (end - first >= 2 && std::all_of(out.begin() + static_cast<std::ptrdiff_t>(first),
                                        out.begin() + static_cast<std::ptrdiff_t>(end), [&](const MessageToken& t) {
                                          return t.type == 0 && t.ws <= 1 && letters_only(msg.substr(t.begin, t.size));
                                        }))
      continue;  // a sentence ("Wake on Scan offload"): a fixed reason text, which tells events apart
    MessageToken& value = out[first];
    value.type = static_cast<uint16_t>(TokenType::Var);
    value.size = out[end - 1].begin + out[end - 1].size - value.begin;
    value.ws = out[end - 1].ws;
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(first + 1), out.begin() + static_cast<std::ptrdiff_t>(end));
  }
}

bool is_collapse_sep(char c) {
  switch (c) {
    case ',': case '.': case ':': case ';': case '-': case '/': case '_': case '+': case '@': case '#': case '|': case '^':
      return true;
    default:
      return false;
  }
}

// `<`, `>`, `~` or `+` glued to the value after it ("lifetime <1 sec", "reset +0.18 s": `-0.18` is
// one token already), unless it opens an angle-bracketed value ("<bob@x.io>", "<10.0.0.1>").
bool is_bound_mark(std::string_view msg, const MessageToken& m, const MessageToken& value) {
  if (m.size != 1 || m.ws != 0 || m.type != 0) return false;
  const char c = msg[m.begin];
  const size_t after = value.begin + value.size;
  if (c == '<') return after >= msg.size() || msg[after] != '>';
  return c == '>' || c == '~' || c == '+';
}

// Cheap necessary conditions, checked before the scanners (most tokens fail them).
// A month or weekday name starts with one of these letters.
bool may_start_word_date(char c) {
  switch (c | 0x20) {
    case 'a': case 'd': case 'f': case 'j': case 'm': case 'n': case 'o': case 's': case 't': case 'w':
      return is_alpha(c);
    default:
      return false;
  }
}
// 8-4-4-4-12: at least 36 bytes with a dash after the first group.
bool may_be_uuid(std::string_view s) { return s.size() >= 36 && s[8] == '-'; }
// An IPv6 address starting with a hex digit has a colon after its first group of at most 4.
bool may_be_ipv6(std::string_view s) {
  size_t h = 0;
  while (h < s.size() && h < 5 && is_hex(s[h])) ++h;
  return h <= 4 && h < s.size() && s[h] == ':';
}

// Extends `a` (a view into the same buffer) up to the end of `b`.
std::string_view join_views(std::string_view a, std::string_view b) {
  return std::string_view(a.data(), static_cast<size_t>(b.data() + b.size() - a.data()));
}

uint64_t message_hash(std::string_view m) { return XXH3_64bits(m.data(), m.size()); }

// The whitespace msg[i, j) follows the last token: contiguous with what it already owns.
void extend_ws(MessageToken& last, std::string_view, size_t i, size_t j) { last.ws += static_cast<uint32_t>(j - i); }
void extend_ws(Token& last, std::string_view msg, size_t i, size_t j) {
  last.ws = last.ws.empty() ? msg.substr(i, j - i) : join_views(last.ws, msg.substr(i, j - i));
}

// Views into `msg` of tokens kept as offsets.
// Token views of `msg` from its offsets, checked in the same pass: false when an offset runs past
// the message's end (stored tokens from a buggy upstream), and `out` is then of no use.
bool to_views(std::string_view msg, std::span<const MessageToken> offsets, std::vector<Token>& out) {
  out.resize(offsets.size());
  Token* t = out.data();
  for (const MessageToken& m : offsets) {
    if (size_t{m.begin} + m.size + m.ws > msg.size()) return false;
    const char* text = msg.data() + m.begin;
    *t++ = Token{std::string_view(text, m.size), std::string_view(text + m.size, m.ws), static_cast<TokenType>(m.type)};
  }
  return true;
}

}  // namespace

void Masker::Impl::user_spans(std::string_view msg, std::vector<Span>& spans) const {
  spans.clear();
  for (size_t k = 0; k < user.size(); ++k) {
    re2::StringPiece text(msg.data(), msg.size());
    size_t pos = 0;
    re2::StringPiece m;
    while (pos <= msg.size() && user[k]->Match(text, pos, msg.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - msg.data());
      size_t e = b + m.size();
      pos = e > b ? e : b + 1;
      while (e > b && is_space(msg[e - 1])) --e;  // a mask ending in \s keeps the space outside
      if (e == b) continue;
      bool overlaps = std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return b < s.end && s.begin < e; });
      if (!overlaps) spans.push_back({b, e, static_cast<TokenType>(static_cast<uint16_t>(TokenType::User) + k)});
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

template <class Out>
inline size_t Masker::Impl::skip_delims(std::string_view msg, size_t i, size_t to, Out& out) const {
  size_t j = i;
  while (j < to && delim[static_cast<unsigned char>(msg[j])]) ++j;
  if (j > i && !out.empty()) extend_ws(out.back(), msg, i, j);
  return j;
}

inline bool Masker::Impl::chunk_start(std::string_view msg, size_t i) const {
  return i == 0 || opens_chunk[static_cast<unsigned char>(msg[i - 1])];
}

size_t Masker::Impl::structured(std::string_view rest, bool at_chunk, const Hints& hints, TokenType& type) const {
  char c = rest[0];
  size_t n = 0;
  if (at_chunk) {
    if (hints.url && on(TokenType::Url) && (n = scan_url(rest))) return type = TokenType::Url, n;
    if (on(TokenType::Path) && (n = scan_path(rest))) return type = TokenType::Path, n;
    if (on(TokenType::Date) && (may_start_word_date(c) || is_digit(c)) && (n = scan_word_date(rest)))
      return type = TokenType::Date, n;
  }
  if (is_hex(c)) {
    if (on(TokenType::Uuid) && may_be_uuid(rest) && (n = scan_uuid(rest))) return type = TokenType::Uuid, n;
    if (on(TokenType::Ip) && is_digit(c) && (n = scan_ipv4(rest))) return type = TokenType::Ip, n;
    if (on(TokenType::Ip) && may_be_ipv6(rest) && ((n = scan_mac(rest)) || (n = scan_ipv6(rest))))
      return type = TokenType::Ip, n;
    bool is_date = false;
    if (is_digit(c) && (n = scan_timestamp(rest, is_date))) {
      type = is_date ? TokenType::Date : TokenType::Timestamp;
      if (on(type)) return n;
    }
  } else if ((c == '[' || c == ':') && on(TokenType::Ip) && (n = scan_ipv6(rest))) {
    return type = TokenType::Ip, n;
  }
  if (is_digit(c) || ((c == '-' || c == '+') && rest.size() > 1 && is_digit(rest[1]))) {
    if ((n = scan_number_unit(rest, type)) && on(type)) return n;
  }
  if (hints.at && is_alnum(c) && on(TokenType::Email) && (n = scan_email(rest))) return type = TokenType::Email, n;
  return 0;
}

// The type of the word rest[0, j) (shape: what it is made of), given what follows it.
inline TokenType Masker::Impl::word_type(std::string_view rest, size_t j, WordShape shape) const {
  TokenType type = classify_word(rest.substr(0, j), shape);
  if (type == TokenType::Word && shape.dots > 0 && is_host_port(rest, j)) type = TokenType::Name;
  return on(type) ? type : TokenType::Word;
}

// Most tokens are a word starting with a letter, a plain number or one byte of punctuation. When no
// structured scanner could claim it (judged from the word and the byte after it), it is taken here
// without running them. Returns 0 to take the full path. Must agree with structured() + the word
// loop of scan_segment (Masking.FastPathsAgreeWithTheFullScanners in plugins/transform_template/tests).
[[gnu::always_inline]] inline size_t Masker::Impl::plain_token(std::string_view rest, bool at_chunk,
                                                              const Hints& hints, TokenType& type) const {
  const unsigned char first = kChars.c[static_cast<unsigned char>(rest[0])];
  if (!(first & kWord)) return plain_punctuation(rest, type);
  if (hints.at) return 0;  // an e-mail address may start with any word
  const unsigned char kind = first & (kAlpha | kDigit);
  if (!kind || (kind == kAlpha && hints.url && at_chunk)) return 0;
  if (kind == kDigit) return plain_number(rest, type);
  // A word from a letter on: the same run and shape as the word loop of scan_segment (which
  // stops before "..").
  WordShape shape;
  size_t j = 0;
  const size_t n = rest.size();
  for (;;) {
    unsigned char k = 0;
    while (j < n && ((k = kChars.c[static_cast<unsigned char>(rest[j])]) & (kWord | kDot)) == kWord) {
      shape.any |= k;
      ++j;
    }
    if (j < n && (k & kDot) && !(j + 1 < n && rest[j + 1] == '.') && !((shape.any & kDigit) && ends_sentence(rest, j))) {
      shape.add(k);
      ++j;
      continue;
    }
    break;
  }
  const char next = j < rest.size() ? rest[j] : '\0';
  // A drive letter (C:\) or an IPv6 group (fe80:) is the scanners' to judge; "error:" is a word.
  if (next == ':' && (j == 1 || may_be_ipv6(rest))) return 0;
  if (is_hex(rest[0]) && may_be_uuid(rest)) return 0;
  constexpr unsigned char kLetters = kAlpha | kHex | kWord | kAlphaNonHex;
  const bool letters_only = !(shape.any & ~kLetters);
  if (at_chunk && j >= 3 && may_start_word_date(rest[0]) && on(TokenType::Date)) {
    size_t letters = letters_only ? j : 0;
    while (letters < j && is_alpha(rest[letters])) ++letters;
    if (letters >= 3 && letters <= 9 && is_date_word(rest.substr(0, letters))) return 0;
  }
  // Letters only: a word, or a boolean (true false null none: 4 or 5 letters).
  if (letters_only && j != 4 && j != 5) return type = TokenType::Word, j;
  type = word_type(rest, j, shape);
  return j;
}

// One byte of punctuation, unless it may start a path, an IPv6 address, a signed number or a quoted word.
inline size_t Masker::Impl::plain_punctuation(std::string_view rest, TokenType& type) const {
  const char next = rest.size() > 1 ? rest[1] : '\0';
  switch (rest[0]) {
    case ':': case '[':  // "::1", "[fe80::1]:80", ":1:2:3:4:5:6:7:8"
      if (next == ':' || may_be_ipv6(rest.substr(1))) return 0;
      break;
    case '~':
      if (next == '/') return 0;
      break;
    case '+':
      if (is_digit(next)) return 0;
      break;
    case '"': case '\'':
      return 0;
    default:
      break;
  }
  type = TokenType::Word;
  return 1;
}

// A plain number, unless a unit follows ("75%", "5 KB", "30 sec") or a colon (time of day, IPv6).
inline size_t Masker::Impl::plain_number(std::string_view rest, TokenType& type) const {
  size_t j = 1;
  while (j < rest.size() && is_digit(rest[j])) ++j;
  const char next = j < rest.size() ? rest[j] : '\0';
  if ((has_class(next, kWord) && !ends_sentence(rest, j)) || next == ':' || next == '%') return 0;
  if (next == ' ' && j + 1 < rest.size() && is_alpha(rest[j + 1])) return 0;
  type = classify_word(rest.substr(0, j), WordShape{kDigit, 0});
  if (!on(type)) type = TokenType::Word;
  return j;
}

namespace {

// A value in typographic quotes, as macOS writes names (`associated to “HomeNet 5G”.`): the
// length of the whole, quotes included, or 0. The quotes are three bytes each in UTF-8; the value
// is not empty, has no quote of either kind and, like a single-quoted one, a few words at most.
size_t curly_quoted(std::string_view rest) {
  constexpr std::string_view kOpenDouble = "\xE2\x80\x9C", kCloseDouble = "\xE2\x80\x9D";
  constexpr std::string_view kOpenSingle = "\xE2\x80\x98", kCloseSingle = "\xE2\x80\x99";
  constexpr size_t kQuote = 3, kMaxValue = 64;
  std::string_view close;
  if (rest.starts_with(kOpenDouble)) close = kCloseDouble;
  else if (rest.starts_with(kOpenSingle)) close = kCloseSingle;
  else return 0;
  const size_t end = rest.substr(0, kQuote + kMaxValue + kQuote).find(close, kQuote);
  if (end == std::string_view::npos || end == kQuote) return 0;
  const std::string_view value = rest.substr(kQuote, end - kQuote);
  if (value.front() == ' ' || value.back() == ' ' || value.find_first_of("\"'\t") != std::string_view::npos ||
      value.find("\xE2\x80") != std::string_view::npos)
    return 0;
  const size_t after = end + kQuote;
  return after < rest.size() && is_alnum(rest[after]) ? 0 : after;
}

}  // namespace

void Masker::Impl::scan_segment(std::string_view msg, size_t from, size_t to, Offsets& out) const {
  size_t i = skip_delims(msg, from, to, out);
  std::string_view seg = msg.substr(from, to - from);
  Hints hints;
  hints.at = seg.find('@') != std::string_view::npos;
  hints.url = seg.find("://") != std::string_view::npos;
  while (i < to) {
    std::string_view rest = msg.substr(i, to - i);
    char c = rest[0];
    bool at_chunk = chunk_start(msg, i);
    TokenType type = TokenType::Word;
    if (settings.builtins) {
      if (size_t n = settings.fast_paths ? plain_token(rest, at_chunk, hints, type) : 0) {
        emit(out, i, i + n, type);
        i = skip_delims(msg, i + n, to, out);
        continue;
      }
      // The root directory after a space ("GET / HTTP/1.1"); after `=` it is a value's text (LABEL=/).
      if (c == '/' && on(TokenType::Path) && (i == 0 || delim[static_cast<unsigned char>(msg[i - 1])]) &&
          root_directory(rest)) {
        emit(out, i, i + 1, TokenType::Path);
        i = skip_delims(msg, i + 1, to, out);
        continue;
      }
      if (size_t n = structured(rest, at_chunk, hints, type)) {
        if (type == TokenType::Size && restates_size(msg, out, i, n)) {
          // "1190 bytes (1.16 KB)": the unit of a restatement says the magnitude, a word of its own.
          const size_t digits_end = i + unit_start(rest.substr(0, n));
          emit(out, i, digits_end, on(TokenType::Num) ? TokenType::Num : TokenType::Word);
          const size_t unit = skip_delims(msg, digits_end, to, out);
          emit(out, unit, i + n, TokenType::Word);
        } else {
          emit(out, i, i + n, type);
        }
        i = skip_delims(msg, i + n, to, out);
        continue;
      }
      // An escaped quote opens a quoted value too (klog: err="failed for \"app\""), closed by \".
      const bool escaped = c == '"' && i > 0 && msg[i - 1] == '\\' && chunk_start(msg, i - 1);
      if ((at_chunk || escaped) && on(TokenType::Quoted) && (c == '"' || c == '\'')) {
        // A quoted word; single quotes may also hold a few words ('Starbucks WiFi', 'Corp Proxy'),
        // double quotes not: "GET /v2/x HTTP/1.1" is a request line whose method is an enumeration.
        constexpr size_t kMaxWords = 64;  // bytes of quoted words with spaces
        bool spaced = false;
        auto inside = [&](size_t k) {
          const char b = rest[k];
          if (b == c || b == '"' || b == '\'') return false;
          if (!delim[static_cast<unsigned char>(b)]) return !(spaced && k >= kMaxWords);
          if (c != '\'' || b != ' ' || k == 1) return false;
          spaced = true;
          return k < kMaxWords;
        };
        size_t j = 1;
        while (j < rest.size() && inside(j)) ++j;
        if (rest[j - 1] == ' ') j = 1;  // 'abc ': not a quoted value
        const size_t end = escaped ? j - 1 : j;  // an escaped value ends before the backslash of \"
        if (end > 1 && j < rest.size() && rest[j] == c && (!escaped || rest[end] == '\\') &&
            (j + 1 >= rest.size() || !is_alnum(rest[j + 1]))) {
          // A quoted key before `:` in an object (`{"order_id": 42}`, `, 'ExternalConnected': Yes`)
          // names a field: a constant of the event's shape, not a value (`host 'db1': ...` stays one).
          size_t before = i;  // what the quote follows: `{` or `,` in an object, or nothing
          while (before > 0 && msg[before - 1] == ' ') --before;
          const bool key = !escaped && j + 1 < rest.size() && rest[j + 1] == ':' &&
                           (before == 0 || msg[before - 1] == '{' || msg[before - 1] == ',');
          emit(out, i, i + 1, TokenType::Word);
          emit(out, i + 1, i + end, key ? TokenType::Word : TokenType::Quoted);
          if (escaped) emit(out, i + end, i + j, TokenType::Word);
          emit(out, i + j, i + j + 1, TokenType::Word);
          i = skip_delims(msg, i + j + 1, to, out);
          continue;
        }
      }
    }
    if (settings.builtins && at_chunk && on(TokenType::Quoted) && static_cast<unsigned char>(c) == 0xE2) {
      if (const size_t n = curly_quoted(rest)) {
        emit(out, i, i + 3, TokenType::Word);
        emit(out, i + 3, i + n - 3, TokenType::Quoted);
        emit(out, i + n - 3, i + n, TokenType::Word);
        i = skip_delims(msg, i + n, to, out);
        continue;
      }
    }
    size_t j = 0;
    if (is_word(c)) {
      WordShape shape;
      for (; j < rest.size(); ++j) {
        unsigned char k = kChars.c[static_cast<unsigned char>(rest[j])];
        if (!(k & kWord) || delim[static_cast<unsigned char>(rest[j])] ||
            (rest[j] == '.' && j + 1 < rest.size() && rest[j + 1] == '.') || ((shape.any & kDigit) && ends_sentence(rest, j)))
          break;
        shape.add(k);
      }
      if (j == 0) {
        while (j < rest.size() && rest[j] == '.') ++j;  // a run of dots separates
      } else if (settings.builtins) {
        type = word_type(rest, j, shape);
      }
    } else {
      j = 1;  // any other character is a token of its own
    }
    emit(out, i, i + j, type);
    i = skip_delims(msg, i + j, to, out);
  }
}

void Masker::Impl::collapse(std::string_view msg, Offsets& out) const {
  // Joins `a` with a token after it (the tokens between are inside the join).
  auto join = [](MessageToken& a, const MessageToken& b, TokenType type) {
    a.type = static_cast<uint16_t>(type);
    a.size = b.begin + b.size - a.begin;
    a.ws = b.ws;
  };
  auto type_of = [](const MessageToken& m) { return static_cast<TokenType>(m.type); };
  size_t w = 0;
  for (size_t r = 0; r < out.size(); ++r) {
    if (w == r && !(is_placeholder(type_of(out[r])) && w > 0)) {
      ++w;  // nothing collapsed yet and nothing to collapse here: the token stays where it is
      continue;
    }
    const MessageToken t = out[r];
    const TokenType tt = type_of(t);
    if (is_placeholder(tt) && w > 0) {
      MessageToken& prev = out[w - 1];
      const bool at_chunk_start = w == 1 || out[w - 2].ws > 0;  // the first token follows only delimiters
      if (is_bound_mark(msg, prev, t) && at_chunk_start) {
        join(prev, t, tt);  // "<1 sec", ">100", "~5", "+0.2": a bound or sign is part of its value
        continue;
      }
      const TokenType pt = type_of(prev);
      if (is_placeholder(pt) && pt != TokenType::Quoted && tt != TokenType::Quoted) {
        join(prev, t, pt == tt ? tt : TokenType::Var);
        continue;
      }
      // A glued separator between two values ("1,2", "10.0.0.1,10.0.0.2"), or one and the value's
      // sign ("132,+1"; "-1" is one token already): one value. Two separators of other kinds
      // stay ("<*>##<*>": a field layout the labels keep).
      auto sep = [&](const MessageToken& m) { return m.size == 1 && m.ws == 0 && is_collapse_sep(msg[m.begin]); };
      const bool sign = msg[prev.begin] == '+';
      const size_t seps = !sep(prev) ? 0 : (sign && w >= 3 && sep(out[w - 2]) ? 2 : 1);
      if (seps > 0 && w > seps) {
        MessageToken& first = out[w - 1 - seps];
        if (is_placeholder(type_of(first)) && first.ws == 0 && type_of(first) != TokenType::Quoted &&
            tt != TokenType::Quoted) {
          join(first, t, type_of(first) == tt ? tt : TokenType::Var);
          w -= seps;
          continue;
        }
      }
    }
    out[w++] = t;
  }
  out.resize(w);
}

TokenType Masker::Impl::placeholder_by_name(std::string_view name) const {
  if (name == "*") return TokenType::Var;
  const auto& names = mask_type_names();
  for (size_t k = 0; k < names.size(); ++k)
    if (!name.empty() && names[k][0] == name[0] && names[k] == name) return static_cast<TokenType>(k + 1);
  for (size_t k = 0; k < user_names.size(); ++k)
    if (user_names[k] == name) return static_cast<TokenType>(static_cast<uint16_t>(TokenType::User) + k);
  return TokenType::Word;
}

Masker::Masker(MaskSettings settings) : impl_(std::make_unique<Impl>()) {
  impl_->settings = std::move(settings);
  impl_->enabled.fill(true);
  const auto& names = mask_type_names();
  for (const std::string& d : impl_->settings.disabled) {
    auto it = std::find(names.begin(), names.end(), d);
    if (it == names.end())
      throw ConfigurationError("unknown mask type `" + d + "`: use one of NUM, HEX, UUID, IP, URL, PATH, EMAIL, "
                               "TIMESTAMP, DATE, DURATION, SIZE, BOOL, NAME, ID, QUOTED");
    impl_->enabled[static_cast<size_t>(it - names.begin()) + 1] = false;
  }
  impl_->enabled[static_cast<size_t>(TokenType::Var)] = true;
  for (char c : std::string_view(" \t\n\r\v\f")) impl_->delim[static_cast<unsigned char>(c)] = true;
  for (char c : impl_->settings.extra_delimiters) {
    impl_->delim[static_cast<unsigned char>(c)] = true;
    // A delimiter inside words (`_`, `-`, `.`): only the word loop of scan_segment splits at it.
    if (kChars.c[static_cast<unsigned char>(c)] & kWord) impl_->settings.fast_paths = false;
  }
  impl_->opens_chunk = impl_->delim;
  for (char c : std::string_view("=:([{,\"'<")) impl_->opens_chunk[static_cast<unsigned char>(c)] = true;
  for (const UserMask& m : impl_->settings.user_masks) {
    if (m.name.empty() || m.name.find_first_of("<> ") != std::string::npos)
      throw ConfigurationError("user mask name `" + m.name + "` must be a non-empty word without <, > or spaces");
    RE2::Options opts;
    opts.set_log_errors(false);
    auto re = std::make_unique<RE2>(m.regex, opts);
    if (!re->ok())
      throw ConfigurationError("user mask `" + m.name + "` has an invalid regex (" + re->error() +
                               "): fix it (RE2 syntax, no lookaround)");
    impl_->user.push_back(std::move(re));
    impl_->user_names.push_back(m.name);
  }
}

Masker::~Masker() = default;
Masker::Masker(Masker&&) noexcept = default;
Masker& Masker::operator=(Masker&&) noexcept = default;

// Each token starts where the previous one's whitespace ends (leading whitespace belongs to none).
void Masker::Impl::tokenize(std::string_view message, Offsets& out) const {
  out.clear();
  if (user.empty()) {
    scan_segment(message, 0, message.size(), out);
  } else {
    thread_local std::vector<Span> spans;
    user_spans(message, spans);
    size_t pos = 0;
    for (const auto& s : spans) {
      scan_segment(message, pos, s.begin, out);
      emit(out, s.begin, s.end, s.type);
      pos = s.end;
    }
    scan_segment(message, pos, message.size(), out);
  }
  if (settings.builtins) {
    keep_frame_functions(message, out);
    // A message that opens with true/false/null opens with a phrase, not a value ("null value in
    // column ... violates not-null constraint"): no line gives it a value to vary over.
    if (!out.empty() && static_cast<TokenType>(out[0].type) == TokenType::Bool) out[0].type = static_cast<uint16_t>(TokenType::Word);
    if (on(TokenType::Id) && message.find('+') != std::string_view::npos) join_base64(message, out);
  }
  if (settings.collapse) {
    collapse(message, out);
    join_reason_text(message, out);
  }
}

// What `message` masks to: from the thread's cache when it was masked recently (mask_cache.hpp),
// else scanned now, into the cache when it may be kept there. Both paths give the same tokens.
Masker::Impl::Masked Masker::Impl::mask(std::string_view message, uint64_t hash, MaskCache* cache) const {
  if (message.size() > MaskCache::kMaxMessageBytes) cache = nullptr;
  if (cache)
    if (const MaskCache::Entry* e = cache->find(id, hash, message)) return {{e->tokens(), e->token_count()}, e->masked(), true};
  thread_local Offsets scratch;
  release_if_huge(scratch);
  tokenize(message, scratch);
  if (!cache || scratch.size() > MaskCache::kMaxTokens || !cache->admit(hash)) return {scratch, {}, false};
  thread_local std::string masked;
  write_masked(message, scratch, masked);
  const MaskCache::Entry& e = cache->store(id, hash, message, scratch, masked);
  return {{e.tokens(), e.token_count()}, e.masked(), true};
}

void Masker::tokenize(std::string_view message, std::vector<Token>& out) const {
  to_views(message, impl_->mask(message, message_hash(message), impl_->thread_cache()).tokens, out);  // in bounds: ours
}

void Masker::set_cache_entries(size_t entries) { impl_->cache_entries = entries; }
size_t Masker::cache_entries() const { return impl_->cache_entries; }

bool Masker::tokenize_masked(std::string_view masked, const std::vector<Variable>& variables,
                             std::vector<Token>& out) const {
  out.clear();
  size_t k = 0, i = impl_->skip_delims(masked, 0, masked.size(), out);
  while (i < masked.size()) {
    std::string_view rest = masked.substr(i);
    size_t j = 0;
    TokenType type = TokenType::Word;
    if (rest[0] == '<') {
      size_t close = rest.find('>', 1);
      if (close != std::string_view::npos && close < 40) {
        std::string_view name = rest.substr(1, close - 1);
        type = impl_->placeholder_by_name(name);
        // A user mask of the upstream transform this masker does not know: the variable names it.
        if (type == TokenType::Word && k < variables.size() && variables[k].type == name) type = TokenType::Var;
      }
      if (type != TokenType::Word) {
        if (k >= variables.size()) return false;
        out.push_back(Token{variables[k++].value, {}, type});
        i = impl_->skip_delims(masked, i + close + 1, masked.size(), out);
        continue;
      }
    }
    if (is_word(rest[0])) {
      while (j < rest.size() && is_word(rest[j]) && !(rest[j] == '.' && j + 1 < rest.size() && rest[j + 1] == '.')) ++j;
      if (j == 0)
        while (j < rest.size() && rest[j] == '.') ++j;
    } else {
      j = 1;
    }
    emit(out, masked, i, i + j, TokenType::Word);
    i = impl_->skip_delims(masked, i + j, masked.size(), out);
  }
  return k == variables.size();
}

std::string_view Masker::type_name(TokenType t) const { return impl_->type_name(static_cast<uint16_t>(t)); }

std::string Masker::placeholder(TokenType t) const {
  std::string s = "<";
  s += type_name(t);
  s += '>';
  return s;
}

namespace {

// Copies into `out` and advances it. An empty view may hold a null pointer, which memcpy must not get.
void put(char*& out, std::string_view piece) {
  if (piece.empty()) return;
  std::memcpy(out, piece.data(), piece.size());
  out += piece.size();
}

void put_placeholder(char*& out, std::string_view name) {
  *out++ = '<';
  put(out, name);
  *out++ = '>';
}

}  // namespace

// `masked` from the tokens' offsets: the message's text between placeholders is copied in runs (a
// line has a few placeholders and a dozen tokens).
void Masker::Impl::write_masked(std::string_view msg, const Offsets& toks, std::string& out) const {
  if (toks.empty()) {
    out.clear();
    return;
  }
  const size_t end = toks.back().begin + toks.back().size + toks.back().ws;
  size_t size = end - toks.front().begin;
  for (const MessageToken& m : toks)
    if (m.type != 0) size += type_name(m.type).size() + 2 - m.size;
  out.resize(size);
  char* at = out.data();
  size_t from = toks.front().begin;
  for (const MessageToken& m : toks) {
    if (m.type == 0) continue;
    put(at, msg.substr(from, m.begin - from));
    put_placeholder(at, type_name(m.type));
    from = m.begin + m.size;
  }
  put(at, msg.substr(from, end - from));
}

// The placeholders' values, in order, in one pass over the tokens (existing Variables keep their
// strings' capacity, and a type name already in place is not written again). assign(), not
// resize() and a copy: resize() zero-filled a longer value before the copy overwrote it.
void Masker::Impl::write_variables(Record& record) const {
  std::vector<Variable>& vars = record.variables;
  const char* msg = record.message.data();
  size_t k = 0;
  for (const MessageToken& m : record.tokens) {
    if (m.type == 0) continue;
    if (k == vars.size()) vars.emplace_back();
    Variable& v = vars[k++];
    const std::string_view name = type_name(m.type);
    if (!text::equal(v.type, name)) v.type.assign(name);
    v.value.assign(msg + m.begin, m.size);
  }
  if (k < vars.size()) vars.resize(k);
}

void Masker::apply(Record& record) const {
  record.tokens_of = message_hash(record.message);
  impl_->apply_hashed(record, impl_->thread_cache());
}

// Masks records[i] while the memory it needs comes in: records[i + 8] has its text asked for,
// i + 6 is hashed and its cache set asked for, i + 4 its entry and its variables, i + 2 its
// entry's block. On a
// cache hit the work is a few copies, so waiting on memory would otherwise be most of it.
void Masker::apply(std::span<Record> records) const {
  const size_t n = records.size();
  MaskCache* cache = impl_->thread_cache();
  auto hash = [&](size_t i) {
    Record& r = records[i];
    r.tokens_of = message_hash(r.message);
    if (cache) cache->prefetch_set(r.tokens_of);
  };
  for (size_t i = 0; i < n && i < 8; ++i) prefetch_record_text(records[i]);
  for (size_t i = 0; i < n && i < 6; ++i) hash(i);
  for (size_t i = 0; i < n; ++i) {
    if (i + 8 < n) prefetch_record_text(records[i + 8]);
    if (i + 6 < n) hash(i + 6);
    if (i + 4 < n) {
      const std::vector<Variable>& vars = records[i + 4].variables;  // rewritten in place
      if (!vars.empty()) __builtin_prefetch(vars.data()), __builtin_prefetch(vars.data() + 1);
      if (cache) cache->prefetch_entry(records[i + 4].tokens_of);
    }
    if (cache && i + 2 < n) cache->prefetch_block(records[i + 2].tokens_of);
    impl_->apply_hashed(records[i], cache);
  }
}

// apply() once record.tokens_of holds the message's hash.
void Masker::Impl::apply_hashed(Record& record, MaskCache* cache) const {
  const Masked m = mask(record.message, record.tokens_of, cache);
  record.tokens.assign(m.tokens.begin(), m.tokens.end());
  if (m.has_masked)
    record.masked.assign(m.masked);
  else
    write_masked(record.message, record.tokens, record.masked);
  write_variables(record);
}

void store_tokens(const std::vector<Token>& tokens, Record& record) {
  const char* base = record.message.data();
  const auto addr = [](const char* p) { return reinterpret_cast<uintptr_t>(p); };
  const char* expect = tokens.empty() ? base : tokens.front().text.data();
  // Offsets of this message, each token right after the previous one's whitespace, or none.
  bool offsets = addr(expect) >= addr(base) && addr(expect) <= addr(base) + record.message.size();
  record.tokens.resize(tokens.size());
  for (size_t i = 0; i < tokens.size() && offsets; ++i) {
    const Token& t = tokens[i];
    offsets = t.text.data() == expect && (t.ws.empty() || t.ws.data() == t.text.data() + t.text.size());
    expect = t.text.data() + t.text.size() + t.ws.size();
    MessageToken& m = record.tokens[i];
    m.begin = static_cast<uint32_t>(t.text.data() - base);
    m.size = static_cast<uint32_t>(t.text.size());
    m.ws = static_cast<uint32_t>(t.ws.size());
    m.type = static_cast<uint16_t>(t.type);
  }
  if (!offsets || addr(expect) > addr(base) + record.message.size()) {
    record.tokens.clear();  // readers tokenize again
    return;
  }
  record.tokens_of = message_hash(record.message);
}

bool load_tokens(const Record& record, std::vector<Token>& out) {
  const std::string_view msg = record.message;
  return !record.tokens.empty() && record.tokens_of == message_hash(msg) && to_views(msg, record.tokens, out);
}

std::string render_tokens(const Masker& masker, const std::vector<Token>& tokens, bool typed) {
  std::string s;
  for (const Token& t : tokens) {
    if (!is_placeholder(t.type))
      s += t.text;
    else if (typed)
      s += masker.placeholder(t.type);
    else
      s += "<*>";
    s += t.ws;
  }
  return s;
}

}  // namespace v1
}  // namespace gardener
