// Drain engine: see drain_engine.hpp and docs/clustering.md for the rules and why.
#include "drain_engine.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <span>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <xxhash.h>

namespace gardener::drain {

// A program before its process id, `name[pid]` or `name(pid)` ("sshd[812]", "WeChat(311)").
static bool before_process_id(const std::vector<TemplateToken>& tmpl, size_t pos) {
  if (pos + 2 >= tmpl.size() || !tmpl[pos].ws.empty()) return false;
  const TemplateToken& open = tmpl[pos + 1];
  return open.type == TokenType::Word && open.ws.empty() && (open.text == "[" || open.text == "(") &&
         is_placeholder(tmpl[pos + 2].type);
}

// Whether `w` ends with `tail` (lower-case letters), in any case.
static bool ends_with_letters(std::string_view w, std::string_view tail) {
  if (w.size() < tail.size()) return false;
  const size_t from = w.size() - tail.size();
  for (size_t i = 0; i < tail.size(); ++i)
    if ((w[from + i] | 0x20) != tail[i]) return false;
  return true;
}

// A word that says the next one is a name: user, host, account, login, or a key ending in one
// of them or in "name" (ruser, rhost, logname, username, hostname). No copy: this runs per line.
static bool naming_key(std::string_view w) {
  return ends_with_letters(w, "user") || ends_with_letters(w, "host") || ends_with_letters(w, "name") ||
         (w.size() == 7 && ends_with_letters(w, "account")) || (w.size() == 5 && ends_with_letters(w, "login"));
}

// A key before `=` whose value names one of the many things of its kind a deployment has
// (container=app, service=billing, queue=orders). Only with `=`: before a space the same words
// start a sentence ("Instance destroyed successfully").
static bool naming_field(std::string_view w) {
  static constexpr std::string_view kKinds[] = {"service", "container", "pod", "node", "instance", "app",
                                                "application", "queue", "topic", "database", "table", "cluster",
                                                "namespace", "bucket", "volume", "project", "tenant", "server", "peer"};
  for (std::string_view k : kKinds)
    if (w.size() == k.size() && ends_with_letters(w, k)) return true;
  return naming_key(w);
}

// The word after a naming key: "for user root", "User alice", "user=root", "rhost=db-1". (Other
// keys' values are often states: status=sent, state=UP.)
static bool after_naming_key(const std::vector<TemplateToken>& tmpl, size_t pos) {
  if (pos == 0 || tmpl[pos - 1].type != TokenType::Word) return false;
  const TemplateToken& prev = tmpl[pos - 1];
  if (!prev.ws.empty()) return naming_key(prev.text);
  return prev.text == "=" && pos >= 2 && tmpl[pos - 2].type == TokenType::Word && tmpl[pos - 2].ws.empty() &&
         naming_field(tmpl[pos - 2].text);
}

static bool is_token(const TemplateToken& t, std::string_view text) {
  return t.type == TokenType::Word && t.text == text;
}

// Where the `key: ` before position `pos` starts (an opening quote between them skipped), or
// npos: "server: api", "request: \"GET".
static size_t field_key_before(const std::vector<TemplateToken>& t, size_t pos) {
  constexpr size_t npos = std::string_view::npos;
  size_t k = pos;
  if (k > 0 && t[k - 1].ws.empty() && (is_token(t[k - 1], "\"") || is_token(t[k - 1], "'"))) --k;
  if (k < 2 || !is_token(t[k - 1], ":") || t[k - 1].ws.empty()) return npos;
  const TemplateToken& key = t[k - 2];
  const bool word = std::all_of(key.text.begin(), key.text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  return key.type == TokenType::Word && key.ws.empty() && word ? k - 2 : npos;
}

// A value in a comma-separated list of `key: value` fields, after its first field: nginx's
// context of an error ("..., client: <IP>, server: <NAME>, request: \"GET <PATH>\", host: ...").
// The request's method, like the client, is context of the event, not a kind of it: the same
// upstream timeout on a GET and on a POST is one issue. (A method that starts the message, as in
// an access log's "GET /v2/x HTTP/1.1" status: 200, stays an enumeration.)
static bool in_field_list(const std::vector<TemplateToken>& t, size_t pos) {
  constexpr size_t npos = std::string_view::npos;
  const size_t key = field_key_before(t, pos);
  if (key == npos || key == 0 || !is_token(t[key - 1], ",") || t[key - 1].ws.empty()) return false;
  // The field before: a `key: ` within a few tokens before that comma (a quoted value is three).
  for (size_t v = key - 1; v-- > 0 && key - 1 - v <= 3;) {
    if (is_token(t[v], ",")) return false;
    if (field_key_before(t, v) != npos) return true;
  }
  return false;
}

// Whether position p of t is a stack frame's function: after `at` (or `at async`) that starts a
// line (Java, JavaScript, .NET), or the last word of Python's `File "...", line N, in <function>`.
// Frames say where an error was thrown: two traces that differ there are two issues (Sentry's
// grouping), however alike their messages.
static bool frame_function(const std::vector<TemplateToken>& t, size_t p) {
  auto starts_line = [&](size_t k) { return k > 0 && t[k - 1].ws.find('\n') != std::string::npos; };
  if (p >= 2 && is_token(t[p - 1], "at") && starts_line(p - 1)) return true;
  if (p >= 3 && is_token(t[p - 1], "async") && is_token(t[p - 2], "at") && starts_line(p - 2)) return true;
  if (p < 2 || !is_token(t[p - 1], "in") || (p + 1 < t.size() && t[p].ws.find('\n') == std::string::npos))
    return false;
  for (size_t k = p - 1; k-- > 0;)
    if (starts_line(k)) return is_token(t[k], "File");
  return false;
}

// An HTTP method before the path it was sent to, outside a quoted request line: "Unhandled error
// in GET /api/cart", "Completed POST /v1/orders -> 201". The request is context of such a message
// (one event for any method), while an access log's `"GET /v2/x HTTP/1.1" status: 200` is a
// request line whose method is part of the event, as Loghub's OpenStack labels have it.
static bool request_method(const std::vector<TemplateToken>& t, size_t p, std::string_view word) {
  static constexpr std::string_view kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
  if (std::find(std::begin(kMethods), std::end(kMethods), word) == std::end(kMethods)) return false;
  if (p + 1 >= t.size() || !is_placeholder(t[p + 1].type) || t[p].ws.empty()) return false;
  return !(p > 0 && t[p - 1].ws.empty() && (is_token(t[p - 1], "\"") || is_token(t[p - 1], "'")));
}

// The last part of a compound value glued by `:` after a value (`product:<ID>:fr`, a cache key):
// the whole chunk is one value, its parts no enumeration.
static bool ends_compound_value(const std::vector<TemplateToken>& t, size_t p) {
  return p >= 2 && is_token(t[p - 1], ":") && t[p - 1].ws.empty() && is_placeholder(t[p - 2].type) &&
         t[p - 2].ws.empty();
}

// The value of a field of a logfmt record (`msg="payment failed" provider=adyen currency=EUR`,
// Go's slog and logrus): the record's `msg=` says what happened, its other fields are context,
// like nginx's (in_field_list), whatever their key. Not the message itself, nor a level or error
// field, which say which event it is.
static bool in_logfmt_record(const std::vector<TemplateToken>& t, size_t pos) {
  auto key_before = [&](size_t p) -> std::string_view {  // `key=` glued before p, or ""
    if (p < 2 || t[p - 1].text != "=" || !t[p - 1].ws.empty() || !t[p - 2].ws.empty() || t[p - 2].type != TokenType::Word)
      return {};
    return t[p - 2].text;
  };
  const std::string_view key = key_before(pos);
  if (key.empty() || key == "msg" || key == "message" || key == "level" || key == "lvl" || key == "err" ||
      key == "error")
    return false;
  for (size_t p = 2; p < t.size(); ++p)
    if (const std::string_view k = key_before(p); (k == "msg" || k == "message") && (p == 2 || !t[p - 3].ws.empty()))
      return true;
  return false;
}

// The value of a quoted key in a printed object (`'ExternalConnected': Yes, 'TimeRemaining': 15`,
// Python's dicts, JSON): the object's fields are its values, as logfmt's are; not an error's.
static bool after_quoted_key(const std::vector<TemplateToken>& t, size_t pos) {
  if (pos < 4 || !is_token(t[pos - 1], ":") || t[pos - 3].type != TokenType::Word) return false;
  const std::string& quote = t[pos - 2].text;
  if ((quote != "'" && quote != "\"") || t[pos - 4].text != quote || t[pos - 2].type != TokenType::Word) return false;
  const std::string& key = t[pos - 3].text;
  return key != "level" && key != "error" && key != "err" && key != "msg" && key != "message";
}

// Where a word names something by its place in the message: a program, a user, a host, the
// context of an error in a field list or of a logfmt record, a field of a printed object, or a
// part of a compound value.
static bool naming_position(const std::vector<TemplateToken>& tmpl, size_t pos) {
  return before_process_id(tmpl, pos) || after_naming_key(tmpl, pos) || in_field_list(tmpl, pos) ||
         ends_compound_value(tmpl, pos) || in_logfmt_record(tmpl, pos) || after_quoted_key(tmpl, pos);
}

namespace {

constexpr size_t kMaxLiveSubs = 16;
// Words a naming position keeps as evidence of the names that recur across events
// (find_recurring_words): the users of `Invalid user <*>` that a rarer event names as well.
constexpr size_t kNameEvidence = 32;
const std::string kWild = "<*>";

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view tree_key(const Token& t) {
  if (is_placeholder(t.type) || has_digit(t.text)) return kWild;
  return t.text;
}

bool is_alnum_word(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// Positions where two templates of one length disagree become <*>. (Merged clusters always have one
// length: the free-text merge rewrites its members to their frame first.)
void merge_tokens(std::vector<TemplateToken>& into, const std::vector<TemplateToken>& other) {
  for (size_t i = 0; i < into.size() && i < other.size(); ++i) {
    TemplateToken& a = into[i];
    const TemplateToken& b = other[i];
    a.free |= b.free;
    if (a.type == b.type && (a.type != TokenType::Word || a.text == b.text)) continue;
    a.type = TokenType::Var;
    a.text.clear();
  }
}

size_t alnum_constants(const std::vector<TemplateToken>& t, size_t skip) {
  size_t n = 0;
  for (size_t i = 0; i < t.size(); ++i)
    if (i != skip && t[i].type == TokenType::Word && is_alnum_word(t[i].text)) ++n;
  return n;
}

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(int a, int b) {  // the lower index survives: output order stays the input order
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Which of n clusters no merge has joined yet. The merges that change a template's length
// (optional fields, list tails) take only those: the members of one set must keep one length.
std::vector<bool> alone_in_set(UnionFind& uf, size_t n) {
  std::vector<int> members(n, 0);
  for (size_t c = 0; c < n; ++c) ++members[static_cast<size_t>(uf.find(static_cast<int>(c)))];
  std::vector<bool> alone(n);
  for (size_t c = 0; c < n; ++c) alone[c] = members[static_cast<size_t>(uf.find(static_cast<int>(c)))] == 1;
  return alone;
}

// The name of a template's next variable in the statistics: its type and 1-based place ("NUM#2").
void add_variable_name(std::vector<std::string>& names, const Masker& masker, TokenType type) {
  names.push_back(fmt::format("{}#{}", masker.type_name(type), names.size() + 1));
}

// Where a slot is: a cluster and a token position.
struct Slot {
  int cluster;
  size_t pos;
};

// Hashes of a template's tokens before and after each position, so the key of the frame around
// any slot [from, to) costs O(1): templates may have hundreds of tokens. Placeholders hash alike;
// equal keys are confirmed with same_frame().
struct FrameHashes {
  std::vector<uint64_t> before, after;  // before[i]: tokens [0, i); after[i]: tokens [i, n)
  explicit FrameHashes(const std::vector<TemplateToken>& t) : before(t.size() + 1, 0), after(t.size() + 1, 0) {
    for (size_t i = 0; i < t.size(); ++i) before[i + 1] = combine(before[i], token_hash(t[i]));
    for (size_t i = t.size(); i-- > 0;) after[i] = combine(token_hash(t[i]), after[i + 1]);
  }
  uint64_t key(size_t from, size_t to) const {
    const uint64_t frame_length = before.size() - (to - from);  // the frame's tokens, with one slot
    return combine(combine(frame_length, before[from]), after[to]);
  }
  static uint64_t token_hash(const TemplateToken& t) {
    return t.type == TokenType::Word ? XXH3_64bits(t.text.data(), t.text.size()) : 0x1d1d1d1d1d1d1d1dULL;
  }
  static uint64_t combine(uint64_t a, uint64_t b) {
    return (a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2))) * 0xff51afd7ed558ccdULL;
  }
};

// Slots by the key of their frame, in one sorted array (a map of vectors costs an allocation per
// position of every template): find() gives a frame's slots, lowest cluster first.
class SlotIndex {
 public:
  void add(uint64_t key, Slot s) { entries_.push_back({key, s}); }
  void sort() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.key, a.slot.cluster, a.slot.pos) < std::tie(b.key, b.slot.cluster, b.slot.pos);
    });
  }
  struct Entry {
    uint64_t key;
    Slot slot;
  };
  std::span<const Entry> find(uint64_t key) const {
    auto lo = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const Entry& e, uint64_t k) { return e.key < k; });
    auto hi = std::find_if(lo, entries_.end(), [&](const Entry& e) { return e.key != key; });
    return {lo, hi};
  }
  // Each run of one key, in key order.
  template <typename F>
  void for_each_frame(F&& f) const {
    for (auto lo = entries_.begin(); lo != entries_.end();) {
      auto hi = std::find_if(lo, entries_.end(), [&](const Entry& e) { return e.key != lo->key; });
      f(std::span<const Entry>(lo, hi));
      lo = hi;
    }
  }

 private:
  std::vector<Entry> entries_;
};

std::vector<FrameHashes> frame_hashes(const std::vector<FinalCluster>& out) {
  std::vector<FrameHashes> h;
  h.reserve(out.size());
  for (const FinalCluster& f : out) h.emplace_back(f.tokens);
  return h;
}

// Whether two tokens are the same word, or both placeholders (of any type).
bool same_token(const TemplateToken& x, const TemplateToken& y) {
  return x.type == TokenType::Word ? y.type == TokenType::Word && x.text == y.text : y.type != TokenType::Word;
}

// Whether `a` without [a_from, a_to) and `b` without [b_from, b_to) are the same tokens.
bool same_frame(const std::vector<TemplateToken>& a, size_t a_from, size_t a_to,
                const std::vector<TemplateToken>& b, size_t b_from, size_t b_to) {
  if (a_to > a.size() || b_to > b.size() || a_from != b_from || a.size() - a_to != b.size() - b_to) return false;
  for (size_t i = 0; i < a_from; ++i)
    if (!same_token(a[i], b[i])) return false;
  for (size_t i = a_to, j = b_to; i < a.size(); ++i, ++j)
    if (!same_token(a[i], b[j])) return false;
  return true;
}

// The alphanumeric constants of t, and those left without position p.
size_t alnum_constants(const std::vector<TemplateToken>& t) { return alnum_constants(t, t.size()); }
size_t alnum_constants_without(const std::vector<TemplateToken>& t, size_t all, size_t p) {
  return all - (t[p].type == TokenType::Word && is_alnum_word(t[p].text) ? 1 : 0);
}

// Free text is bracketed or double-quoted: a cron command or a status text in parentheses, a
// user agent in quotes. (Text after a `:` or `,` is too often a constant reason: "Error loading
// <*>: ..., Permission denied".)
bool opens_free_text(const TemplateToken& t) {
  return t.type == TokenType::Word && (t.text == "(" || t.text == "[" || t.text == "\"");
}

// For each opener of free text, its matching bracket or quote (one pass, a stack per bracket
// kind, double quotes paired in turn; other positions and openers never closed map to
// themselves: no frame).
std::vector<size_t> free_text_ends(const std::vector<TemplateToken>& t) {
  std::vector<size_t> end(t.size());
  std::iota(end.begin(), end.end(), size_t{0});
  std::vector<size_t> round, square;
  size_t quote = t.size();  // the open double quote, if any: quotes pair in turn
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].type != TokenType::Word || t[i].text.size() != 1) continue;
    const char c = t[i].text[0];
    if (c == '"') {
      if (quote == t.size()) {
        quote = i;
      } else {
        end[quote] = i;
        quote = t.size();
      }
      continue;
    }
    if (c == '(') round.push_back(i);
    if (c == '[') square.push_back(i);
    std::vector<size_t>* open = c == ')' ? &round : c == ']' ? &square : nullptr;
    if (open && !open->empty()) {
      end[open->back()] = i;
      open->pop_back();
    }
  }
  return end;
}

// Statistics gathered under template `from` (variable j is its j-th placeholder) laid out for
// `to`, the template they are reported under. `at[i]` is the position of `to` that from's i-th
// token falls in (same length: the same position). A placeholder that became a constant (the enum
// split) or shares its place with others (a free slot) drops its values; a constant that became
// a placeholder (a merge) gains its word once per record. Without a way to place them, the
// values are dropped rather than put in a wrong place.
void relayout_stats(ClusterStats& stats, const std::vector<TemplateToken>& from, const std::vector<TemplateToken>& to,
                    const Masker& masker, const std::vector<int>* at = nullptr) {
  std::vector<int> same;
  if (!at && from.size() == to.size()) {
    same.resize(from.size());
    std::iota(same.begin(), same.end(), 0);
    at = &same;
  }
  std::vector<std::string> names;
  std::vector<int> var_of(to.size(), -1), hits(to.size(), 0);
  for (size_t p = 0; p < to.size(); ++p)
    if (to[p].type != TokenType::Word) var_of[p] = static_cast<int>(names.size()), add_variable_name(names, masker, to[p].type);
  if (at)
    for (int p : *at)
      if (p >= 0) ++hits[static_cast<size_t>(p)];
  auto target = [&](size_t i) { return at && (*at)[i] >= 0 && hits[(*at)[i]] == 1 ? var_of[(*at)[i]] : -1; };
  std::vector<int> map;
  std::vector<std::pair<int, const std::string*>> gained;
  for (size_t i = 0; i < from.size(); ++i) {
    if (from[i].type != TokenType::Word) map.push_back(target(i));
    else if (target(i) >= 0) gained.emplace_back(target(i), &from[i].text);
  }
  stats.remap_variables(map, names);
  for (const auto& [k, word] : gained) stats.add_variable(static_cast<size_t>(k), names[k], *word, stats.count());
}

// `f` with the text between its brackets at `open` and `close` as one <*> (inserted when there is
// none: close == open + 1). Its statistics (laid out for f's template) follow: those in the text
// are dropped for the new <*>, the later ones move up.
void rewrite_to_frame(FinalCluster& f, size_t open, size_t close, const Masker& masker) {
  std::vector<TemplateToken>& t = f.tokens;
  const std::string ws = close > open + 1 ? t[close - 1].ws : std::string();
  std::vector<TemplateToken> framed(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(open + 1));
  framed.push_back(TemplateToken{std::string(), ws, TokenType::Var, true});
  framed.insert(framed.end(), t.begin() + static_cast<std::ptrdiff_t>(close), t.end());
  if (f.stats) {
    std::vector<int> at(t.size(), -1);  // the text's tokens go into the new <*>, which keeps no values
    for (size_t i = 0; i < t.size(); ++i)
      if (i <= open || i >= close) at[i] = static_cast<int>(i <= open ? i : i + open + 2 - close);
    relayout_stats(*f.stats, t, framed, masker, &at);
  }
  t = std::move(framed);
}

// Each cluster's template with the words at its naming positions as placeholders: the merges of
// free text and of word runs compare frames so, since clusters that differ only there are one
// event (naming_merges): `request: "GET` beside `request: "<*>`, `database=shop` beside `database=<*>`.
std::vector<std::vector<TemplateToken>> without_names(const std::vector<FinalCluster>& out) {
  std::vector<std::vector<TemplateToken>> unnamed(out.size());
  for (size_t c = 0; c < out.size(); ++c) {
    unnamed[c] = out[c].tokens;
    for (size_t p = 0; p < unnamed[c].size(); ++p)
      if (unnamed[c][p].type == TokenType::Word && naming_position(out[c].tokens, p))
        unnamed[c][p] = TemplateToken{std::string(), unnamed[c][p].ws, TokenType::Var, false};
  }
  return unnamed;
}

// Whether two words of letters follow each other, a blank between, inside t's brackets at
// `open` and `close`: a sentence ("Disassociated due to inactivity", "250 OK queued as <*>"), not
// a command line ("run-parts <PATH>", "<PATH> 1 1", "<PATH> -A").
bool holds_prose(const std::vector<TemplateToken>& t, size_t open, size_t close) {
  auto letters = [&](size_t i) {
    return t[i].type == TokenType::Word && t[i].text.size() >= 2 &&
           std::all_of(t[i].text.begin(), t[i].text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  };
  for (size_t i = open + 1; i + 1 < close; ++i)
    if (letters(i) && letters(i + 1) && !t[i].ws.empty()) return true;
  return false;
}

// Clusters that share a frame -- a prefix with two or more constant words ending in an opener,
// and what follows the free text -- and hold free text of two or more lengths in it are one event
// with a free-text parameter (Drain files messages by length, so each length made a cluster).
// Three lengths at least, or three members of two lengths with a sentence among them: two lengths
// of commands are two jobs ("CMD (run-parts <PATH>)" beside "CMD (<PATH> 1 1)" and "CMD (<PATH>
// -A)"), two events that start alike. Two members suffice when one has nothing in the brackets and
// the other one value: "from 1.2.3.4 () at" lacks a host name; or when one holds one value and the
// other a sentence: a user agent is a library's name or a browser's whole description.
// Each member is rewritten to the frame with one <*> for the text (all then have one length) and
// its statistics follow. A cluster
// takes part in one frame at most: the first, in key order.
void free_text_merges(std::vector<FinalCluster>& out, const Masker& masker, UnionFind& uf) {
  struct Member {
    int cluster;
    size_t open, close;  // the frame's brackets
    bool one_value;
  };
  std::map<std::pair<size_t, uint64_t>, std::vector<Member>> frames;  // (opener, frame key): in a fixed order
  const std::vector<std::vector<TemplateToken>> unnamed = without_names(out);
  for (size_t c = 0; c < out.size(); ++c) {
    const std::vector<TemplateToken>& t = out[c].tokens;
    const FrameHashes hashes(unnamed[c]);
    const std::vector<size_t> ends = free_text_ends(t);
    size_t constants = 0;
    for (size_t k = 0; k + 1 < t.size(); ++k) {
      if (opens_free_text(t[k]) && constants >= 2) {
        const size_t end = ends[k];
        if (end > k)
          frames[{k, hashes.key(k + 1, end)}].push_back(
              {static_cast<int>(c), k, end, end == k + 2 && is_placeholder(t[k + 1].type)});
      }
      if (t[k].type == TokenType::Word && is_alnum_word(t[k].text)) ++constants;
    }
  }
  std::vector<bool> taken(out.size(), false);
  for (auto& [key, members] : frames) {
    auto any = [&](auto pred) { return std::any_of(members.begin(), members.end(), pred); };
    if (any([&](const Member& m) { return taken[static_cast<size_t>(m.cluster)]; })) continue;  // rewritten
    auto free_text = [&] {
      std::set<size_t> lengths;
      for (const Member& m : members) lengths.insert(m.close - m.open);
      const bool prose = any([&](const Member& m) {
        return holds_prose(out[static_cast<size_t>(m.cluster)].tokens, m.open, m.close);
      });
      const bool lengths_differ = lengths.size() >= 3 || (lengths.size() == 2 && prose);
      const bool one_value = any([](const Member& m) { return m.one_value; });
      const bool missing_value = any([](const Member& m) { return m.close == m.open + 1; }) && one_value;
      return (members.size() >= 3 && lengths_differ) || missing_value || (one_value && prose);
    };
    if (!free_text()) continue;
    const Member head = members[0];
    std::erase_if(members, [&](const Member& m) {  // a key that collided
      return !same_frame(unnamed[static_cast<size_t>(head.cluster)], head.open + 1, head.close,
                         unnamed[static_cast<size_t>(m.cluster)], m.open + 1, m.close);
    });
    if (!free_text()) continue;
    for (const Member& m : members) {
      taken[static_cast<size_t>(m.cluster)] = true;
      rewrite_to_frame(out[static_cast<size_t>(m.cluster)], m.open, m.close, masker);
      uf.unite(members[0].cluster, m.cluster);
    }
  }
}

// A proper name's spelling: an upper-case letter, then a lower-case one (Default, Dev, Microsoft).
// States and other enumerations are lower-case or all capitals (up, administratively down, UP).
bool capitalised(std::string_view w) {
  return w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z';
}

// A slot a value of several words may fill: a generic <*>; a name by its place (a program before
// its pid: the cardinality merge joins "process WeChat[<*>]" and "process Dropbox[<*>]" only
// after this merge); or a capitalised word the enum split made constant (`layout` has <*> there).
// Whether position p of t is a word the enum split made constant: `layout` has a <*> there.
bool enum_split_word(const std::vector<TemplateToken>& t, const std::vector<TemplateToken>* layout, size_t p) {
  return t[p].type == TokenType::Word && layout && layout->size() == t.size() && is_placeholder((*layout)[p].type);
}

bool word_slot(const std::vector<TemplateToken>& t, const std::vector<TemplateToken>* layout, size_t p) {
  if (t[p].type == TokenType::Var) return true;
  if (t[p].type != TokenType::Word || !is_alnum_word(t[p].text)) return false;
  return naming_position(t, p) || (capitalised(t[p].text) && enum_split_word(t, layout, p));
}

// A value that may be empty: a placeholder (or an enum-split word) glued to what follows ("by
// <*>(uid=0)", `status="<*>"` beside `status=""`) or after a glued `=` ("rhost=<*> user=root").
bool optional_slot(const std::vector<TemplateToken>& t, const std::vector<TemplateToken>* layout, size_t p) {
  if (t[p].type == TokenType::Word && !enum_split_word(t, layout, p)) return false;
  return (t[p].ws.empty() && p + 1 < t.size()) || (p > 0 && t[p - 1].text == "=" && t[p - 1].ws.empty());
}

// A value of several words in a word-valued slot: "process Microsoft Word[311]" is
// "process <*>[<*>]" with a two-word program name. Drain files it by its length, so it made a
// cluster of its own with the words as constants. A cluster with a run of two to four plain
// words (separated by spaces, all constant) where clusters of the same frame have a word slot is
// rewritten to that frame and joins them all: a slot that takes several words takes names, not
// an enumeration ("matching Dev Servers rule" beside "matching Default rule", "matching Intranet
// rule"). So does a cluster with no word where others have an optional slot ("session opened
// for user <*> by (uid=0)" beside "... by <*>(uid=0)"). The frame keeps two constant words.
void word_run_merges(std::vector<FinalCluster>& out, const std::vector<const std::vector<TemplateToken>*>& layout,
                     const Masker& masker, UnionFind& uf) {
  constexpr size_t kMaxRun = 4;
  SlotIndex slots, optional;  // word slots, optional slots
  // A run of words beside a slot joins across names (`database=shop application_name=PostgreSQL
  // JDBC Driver` beside `database=<*> application_name=<*>`).
  const std::vector<std::vector<TemplateToken>> unnamed = without_names(out);
  std::vector<FrameHashes> frames;
  frames.reserve(out.size());
  for (const auto& t : unnamed) frames.emplace_back(t);
  for (size_t c = 0; c < out.size(); ++c) {
    const std::vector<TemplateToken>& t = out[c].tokens;
    const size_t constants = alnum_constants(t);
    for (size_t p = 0; p < t.size(); ++p) {
      if (alnum_constants_without(t, constants, p) < 2) continue;
      const Slot slot{static_cast<int>(c), p};
      if (word_slot(t, layout[c], p)) slots.add(frames[c].key(p, p + 1), slot);
      if (optional_slot(t, layout[c], p)) optional.add(frames[c].key(p, p + 1), slot);
    }
  }
  slots.sort();
  optional.sort();
  // The clusters of `found` whose frame is t's without [from, to) (a hash may collide); a cluster
  // rewritten here has moved its slots.
  std::vector<int> into;
  std::vector<bool> rewritten(out.size(), false);
  auto match = [&](const SlotIndex& found, size_t c, size_t from, size_t to) {
    into.clear();
    for (const auto& [key, s] : found.find(frames[c].key(from, to)))
      if (s.cluster != static_cast<int>(c) && !rewritten[static_cast<size_t>(s.cluster)] &&
          same_frame(unnamed[static_cast<size_t>(s.cluster)], s.pos, s.pos + 1, unnamed[c], from, to))
        into.push_back(s.cluster);
    return !into.empty();
  };
  auto join = [&](size_t c, size_t from, size_t to) {
    rewrite_to_frame(out[c], from - 1, to, masker);
    rewritten[c] = true;
    const std::vector<TemplateToken>& frame = out[static_cast<size_t>(into[0])].tokens;
    out[c].tokens[from - 1].ws = frame[from - 1].ws;  // spaced like the frame: "by <*>(uid"
    out[c].tokens[from].ws = frame[from].ws;
    for (int a : into) uf.unite(a, static_cast<int>(c));
  };
  for (size_t c = 0; c < out.size(); ++c) {
    const std::vector<TemplateToken>& t = out[c].tokens;
    for (size_t from = 1; from <= t.size(); ++from) {
      if (match(optional, c, from, from)) {
        join(c, from, from);
        break;
      }
      bool found = false;
      size_t to = from;
      while (!found && to < t.size() && to - from < kMaxRun && t[to].type == TokenType::Word &&
             is_alnum_word(t[to].text) && (to == from || !t[to - 1].ws.empty())) {
        ++to;
        found = to - from >= 2 && match(slots, c, from, to);
      }
      if (!found) continue;
      join(c, from, to);
      break;
    }
  }
}

// `f` as its first `keep` tokens, then a free slot that takes the rest. Its statistics follow:
// the rest's values go into the slot (one of them alone keeps its values there).
void frame_tail(FinalCluster& f, size_t keep, const Masker& masker) {
  std::vector<TemplateToken> to(f.tokens.begin(), f.tokens.begin() + static_cast<std::ptrdiff_t>(keep));
  to.push_back(TemplateToken{std::string(), std::string(), TokenType::Var, true});
  if (f.stats) {
    std::vector<int> at(f.tokens.size(), static_cast<int>(keep));
    std::iota(at.begin(), at.begin() + static_cast<std::ptrdiff_t>(keep), 0);
    relayout_stats(*f.stats, f.tokens, to, masker, &at);
  }
  f.tokens = std::move(to);
}

// Where the value of the field ending at `end` starts: one placeholder, or placeholders between
// quotes ("\"<*> <PATH>\""); npos when the field's value is not variable.
size_t variable_value_start(const std::vector<TemplateToken>& t, size_t end) {
  constexpr size_t npos = std::string_view::npos;
  const bool quoted = end > 0 && (is_token(t[end - 1], "\"") || is_token(t[end - 1], "'"));
  size_t v = quoted ? end - 1 : end;
  const size_t last = v;
  while (v > 0 && is_placeholder(t[v - 1].type) && (quoted || v == last)) --v;
  if (v == last) return npos;
  if (!quoted) return v;
  return v > 0 && t[v - 1].text == t[end - 1].text && t[v - 1].ws.empty() ? v - 1 : npos;
}

// Where t's trailing optional fields may start: before each `, key: <variable>` field that ends
// t, last field first ("..., host: \"<*>\"" | ", referrer: \"<*>\"", nginx; "... from remote
// server <*>" | ", referer: <*>", Apache).
std::vector<size_t> optional_field_cuts(const std::vector<TemplateToken>& t) {
  constexpr size_t npos = std::string_view::npos;
  std::vector<size_t> cuts;
  for (size_t end = t.size();;) {
    const size_t value = variable_value_start(t, end);
    const size_t key = value == npos || value == 0 ? npos : field_key_before(t, value);
    if (key == npos || key < 2 || !is_token(t[key - 1], ",")) break;  // something stays before the comma
    end = key - 1;
    cuts.push_back(end);
  }
  return cuts;
}

// nginx's and Apache's error lines end in context fields, some of them optional (`, referrer:
// "..."` only when the client sent one). Drain files each set of fields by its length, so one
// error made a cluster per set. A cluster whose template is another's plus trailing
// `, key: <variable>` fields joins it. Both are rewritten to the shorter template with a free
// slot at the end (`host: "<*>"<*>`), so a later window holding only one of the forms still gets
// the merged template from the known templates (§4), and its id.
constexpr size_t kMaxPrefixCandidates = 256;

void optional_field_merges(std::vector<FinalCluster>& out, const Masker& masker, UnionFind& uf) {
  std::vector<size_t> order(out.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return out[a].tokens.size() < out[b].tokens.size(); });
  std::unordered_map<size_t, std::vector<size_t>> by_length;  // in cluster order
  for (size_t c = 0; c < out.size(); ++c) by_length[out[c].tokens.size()].push_back(c);
  std::vector<bool> rewritten(out.size(), false), framed(out.size(), false);
  const std::vector<bool> alone = alone_in_set(uf, out.size());  // a member of an earlier merge keeps its length
  auto frame = [&](size_t c, size_t cut) {  // the template up to `cut`, then a free slot
    frame_tail(out[c], cut, masker);
    out[c].tokens[cut - 1].ws.clear();  // `host: "<*>"<*>`: the fields glue on
    framed[c] = true;
  };
  // Whether d's template (without the slot framing gave it) describes t up to `cut`: the same
  // words, and a placeholder wherever t has one (t's word there becomes a value when they merge).
  auto describes_prefix = [&](size_t d, const std::vector<TemplateToken>& t, size_t cut) {
    const std::vector<TemplateToken>& s = out[d].tokens;
    for (size_t i = 0; i < cut; ++i)
      if (s[i].type == TokenType::Word ? !same_token(s[i], t[i]) : t[i].type == TokenType::Word && !is_alnum_word(t[i].text))
        return false;
    return true;
  };
  for (size_t c : order) {  // shorter first: a cluster is framed before anything joins it
    if (!alone[c]) continue;
    const std::vector<TemplateToken>& t = out[c].tokens;
    for (size_t cut : optional_field_cuts(t)) {
      auto it = by_length.find(cut);
      if (it == by_length.end()) continue;
      // The first clusters of that length only: a window of thousands of one length must not
      // compare each with each (the one that matters comes early: Drain saw it first).
      const auto last = it->second.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(it->second.size(), kMaxPrefixCandidates));
      auto target = std::find_if(it->second.begin(), last,
                                 [&](size_t d) { return alone[d] && !rewritten[d] && describes_prefix(d, t, cut); });
      if (target == last) continue;
      const size_t into = *target;
      if (!framed[into]) frame(into, cut);
      frame(c, cut);
      rewritten[c] = true;
      uf.unite(static_cast<int>(into), static_cast<int>(c));
      break;
    }
  }
}

// A message that ends in a list ("Batch import failed for file <*>: 11 rows rejected: row 13566:
// missing country; row 69050: ...") has as many lengths as the list has sizes, and Drain files
// each length apart: one cluster (one issue) a line. Clusters that share what comes up to their
// first `:` (three alphanumeric constants before it at least), with three or more list sizes
// after it (counts of `;` or `,`), and that are rare (≤ 1.5 lines a cluster: a list seldom
// repeats its size) are one event with a free tail. Reasons after a `:` repeat (`Error loading
// <*>: Permission denied` over and over) or are not lists (BGL's `: warning for torus z+ wire`
// beside `..., suppressing further interrupts`): they stay apart, as the labels keep them.
void list_tail_merges(std::vector<FinalCluster>& out, const Masker& masker, UnionFind& uf) {
  std::map<std::pair<size_t, uint64_t>, std::vector<int>> frames;  // (colon, prefix hash): in a fixed order
  const std::vector<bool> alone = alone_in_set(uf, out.size());
  for (size_t c = 0; c < out.size(); ++c) {
    const std::vector<TemplateToken>& t = out[c].tokens;
    if (!alone[c] || std::any_of(t.begin(), t.end(), [](const TemplateToken& k) { return k.free; })) continue;
    size_t constants = 0;
    for (size_t k = 0; k + 1 < t.size(); ++k) {
      if (is_token(t[k], ":") && constants >= 3) {
        frames[{k, FrameHashes(t).before[k + 1]}].push_back(static_cast<int>(c));  // the tokens up to the colon
        break;
      }
      if (t[k].type == TokenType::Word && is_alnum_word(t[k].text)) ++constants;
    }
  }
  for (auto& [key, members] : frames) {
    const size_t colon = key.first;
    const std::vector<TemplateToken>& head = out[static_cast<size_t>(members[0])].tokens;
    std::erase_if(members, [&](int m) {  // a hash that collided
      const std::vector<TemplateToken>& t = out[static_cast<size_t>(m)].tokens;
      for (size_t i = 0; i <= colon; ++i)
        if (!same_token(t[i], head[i])) return true;
      return false;
    });
    // A list's items are separated: its sizes show as counts of `;` or `,` in the tail.
    std::set<size_t> sizes;
    uint64_t lines = 0;
    for (int m : members) {
      const std::vector<TemplateToken>& t = out[static_cast<size_t>(m)].tokens;
      sizes.insert(static_cast<size_t>(std::count_if(t.begin() + static_cast<std::ptrdiff_t>(colon), t.end(),
                                                     [](const TemplateToken& k) { return is_token(k, ";") || is_token(k, ","); })));
      lines += out[static_cast<size_t>(m)].count;
    }
    if (members.size() < 3 || sizes.size() < 3 || lines * 2 > members.size() * 3) continue;
    for (int m : members) {
      frame_tail(out[static_cast<size_t>(m)], colon + 1, masker);
      uf.unite(members[0], m);
    }
  }
}

// A run of values separated by `, ` (`Wait queue: <*>, <*>.`): tokens [begin, end).
struct ValueList {
  size_t begin, end;
  size_t width;  // tokens an item: 1 (`<*>`) or 3 (`"<*>"`)
};

std::vector<ValueList> value_lists(const std::vector<TemplateToken>& t) {
  std::vector<ValueList> lists;
  auto value = [&](size_t i) { return i < t.size() && is_placeholder(t[i].type) && !t[i].free; };
  auto quote = [&](size_t i) { return i < t.size() && (is_token(t[i], "\"") || is_token(t[i], "'")); };
  // The tokens of the item at i: a value, or a value in quotes (`["<*>","<*>"]`, a JSON array).
  auto item = [&](size_t i) -> size_t {
    if (value(i)) return 1;
    const bool quoted = quote(i) && t[i].ws.empty() && value(i + 1) && t[i + 1].ws.empty() && i + 2 < t.size() &&
                        t[i + 2].text == t[i].text;
    return quoted ? 3 : 0;
  };
  for (size_t i = 1; i < t.size(); ++i) {  // a list needs something before it to frame it
    const size_t first = item(i);
    if (first == 0) continue;
    size_t end = i + first;
    while (end + 1 < t.size() && is_token(t[end], ",") && item(end + 1) == first) end += 1 + first;
    lists.push_back({i, end, first});
    i = end - 1;
  }
  return lists;
}

// The template with each list as one mark (bare and quoted items apart) and each placeholder as
// another; `constants` counts its alphanumeric words.
std::string list_shape(const std::vector<TemplateToken>& t, const std::vector<ValueList>& lists, size_t& constants) {
  std::string shape;
  for (size_t i = 0, next = 0; i < t.size(); ++i) {
    if (next < lists.size() && i == lists[next].begin) {
      const ValueList& l = lists[next++];
      i = l.end - 1;
      shape += l.width == 1 ? "\x1e" : "\x1e\"";
    } else {
      constants += t[i].type == TokenType::Word && is_alnum_word(t[i].text);
      shape += t[i].type == TokenType::Word ? t[i].text : "\x1f";
    }
    shape += t[i].ws;
  }
  return shape;
}

// A list of values has as many lengths as it has sizes (`Wait queue: <*>.`, `... <*>, <*>.`,
// `Key (<*>, <*>)=(<*>, <*>) already exists.`), and Drain files each length apart. Clusters equal
// but for the sizes of such lists, with two constant words at least, are one event: each list
// whose size differs becomes a free slot. Only lists of values: words between commas may be a
// closed set of states that the labels keep apart.
void value_list_merges(std::vector<FinalCluster>& out, const Masker& masker, UnionFind& uf) {
  const std::vector<bool> alone = alone_in_set(uf, out.size());
  std::map<std::string, std::vector<size_t>> shapes;  // the template with each list as one mark
  std::vector<std::vector<ValueList>> lists(out.size());
  for (size_t c = 0; c < out.size(); ++c) {
    const std::vector<TemplateToken>& t = out[c].tokens;
    if (!alone[c] || std::any_of(t.begin(), t.end(), [](const TemplateToken& k) { return k.free; })) continue;
    lists[c] = value_lists(t);
    if (lists[c].empty()) continue;
    size_t constants = 0;
    std::string shape = list_shape(t, lists[c], constants);
    if (constants >= 2) shapes[shape].push_back(c);
  }
  // Whether b is a's template but for the sizes of their lists: the shape says so unless a word
  // holds one of its marks (a control byte in a log).
  auto same_but_lists = [&](size_t a, size_t b) {
    const std::vector<ValueList>& la = lists[a];
    const std::vector<ValueList>& lb = lists[b];
    if (la.size() != lb.size()) return false;
    for (size_t k = 0, i = 0, j = 0; k <= la.size(); ++k) {
      const size_t to_i = k < la.size() ? la[k].begin : out[a].tokens.size();
      const size_t to_j = k < lb.size() ? lb[k].begin : out[b].tokens.size();
      if (to_i - i != to_j - j || (k < la.size() && la[k].width != lb[k].width)) return false;
      for (; i < to_i; ++i, ++j)
        if (!same_token(out[a].tokens[i], out[b].tokens[j])) return false;
      if (k < la.size()) i = la[k].end, j = lb[k].end;
    }
    return true;
  };
  for (auto& [shape, members] : shapes) {
    const size_t head = members[0];
    std::erase_if(members, [&](size_t m) { return !same_but_lists(head, m); });
    if (members.size() < 2) continue;
    const size_t n = lists[members[0]].size();
    std::vector<bool> varies(n, false);
    for (size_t m : members)
      for (size_t k = 0; k < n; ++k) {
        const ValueList& a = lists[m][k];
        const ValueList& b = lists[members[0]][k];
        varies[k] = varies[k] || a.end - a.begin != b.end - b.begin;
      }
    if (std::none_of(varies.begin(), varies.end(), [](bool v) { return v; })) continue;
    for (size_t m : members) {
      for (size_t k = n; k-- > 0;)  // from the last list: the earlier ones keep their places
        if (varies[k]) rewrite_to_frame(out[m], lists[m][k].begin - 1, lists[m][k].end, masker);
      uf.unite(static_cast<int>(members[0]), static_cast<int>(m));
    }
  }
}

}  // namespace

std::string render(const Masker& masker, const std::vector<TemplateToken>& tokens, bool typed) {
  std::string s;
  for (const auto& t : tokens) {
    if (t.type == TokenType::Word)
      s += t.text;
    else if (typed)
      s += masker.placeholder(t.type);
    else
      s += kWild;
    s += t.ws;
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

// The line of a multi-line event that names its kind of error ("java.lang.IllegalStateException:
// ...", Python's last "KeyError: ..."), after the first; empty when there is none.
static std::string_view error_line(std::string_view text) {
  for (size_t start = text.find('\n'); start != std::string_view::npos;) {
    const size_t end = text.find('\n', start + 1);
    std::string_view line = text.substr(start + 1, end == std::string_view::npos ? std::string_view::npos : end - start - 1);
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos) {
      line.remove_prefix(first);
      if (names_error_class(line.substr(0, line.find_first_of(" \t")))) return line;
    }
    start = end;
  }
  return {};
}

// A frame of the runtime or of a framework, not of the application (Sentry's in-app rule,
// by the usual namespaces): the culprit is the first frame that is not one, when there is one.
static bool library_frame(std::string_view function, std::string_view line) {
  static constexpr std::string_view kLibraries[] = {
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.", "org.springframework.",
      "org.hibernate.", "org.apache.", "com.fasterxml.", "io.netty.", "reactor.", "io.grpc.", "okhttp3.",
      "System.", "Microsoft.", "process.", "node:", "internal/"};
  for (std::string_view lib : kLibraries)
    if (function.starts_with(lib)) return true;
  return line.find("node_modules") != std::string_view::npos || line.find("(node:") != std::string_view::npos;
}

// Where a trace was thrown, as Sentry's culprit: the first application frame after the error
// line (Java, JavaScript, .NET: `at com.acme.OrderService.cancel(...)`; the first frame when all
// are the runtime's or a framework's), else the innermost Python frame before it (`File "...",
// line 12, in load_user`); the function's last two dotted parts. Empty when the frames hold no
// such function (or a placeholder for it).
static std::string_view culprit(std::string_view text, std::string_view err) {
  const size_t err_at = static_cast<size_t>(err.data() - text.data());
  std::string_view found, first;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
    if (start > err_at && line.starts_with("at ")) {
      std::string_view f = line.substr(3);
      if (f.starts_with("async ")) f.remove_prefix(6);
      f = f.substr(0, f.find_first_of(" ("));
      if (first.empty()) first = f;
      if (!library_frame(f, line)) {
        found = f;
        break;
      }
      start = end + 1;
      continue;
    }
    if (start > err_at && !first.empty() && !line.starts_with("at ") && !line.starts_with("...")) break;  // the frames ended
    if (start < err_at && line.starts_with("File ") && line.rfind(", in ") != std::string_view::npos)
      found = line.substr(line.rfind(", in ") + 5);
    start = end + 1;
  }
  if (found.empty()) found = first;
  if (found.empty() || found.find(kWild) != std::string_view::npos) return {};
  const size_t last = found.rfind('.');
  if (last != std::string_view::npos && last > 0) {
    const size_t before = found.rfind('.', last - 1);
    if (before != std::string_view::npos) found.remove_prefix(before + 1);
  }
  return found;
}

std::string title_of(const std::string& template_text, size_t max_chars) {
  // A stack trace reads as Sentry titles it: the kind of error and its message first, where it
  // was thrown (two places are two issues: frames must match), then the event's first line,
  // which the cut at max_chars may shorten.
  std::string untyped = template_text;
  if (std::string_view err = error_line(template_text); !err.empty()) {
    const std::string_view where = culprit(template_text, err);
    // The class by its own name, as Sentry shows it: `NullPointerException: ...`, the package
    // would spend the title's length.
    std::string_view kind = err.substr(0, err.find_first_of(" \t:"));
    const size_t dot = kind.rfind('.');
    if (dot != std::string_view::npos && dot + 1 < kind.size()) err.remove_prefix(dot + 1);
    // Where it was thrown goes right after the class, before a message the cut may shorten:
    // `NullReferenceException (in OrderService.Cancel): Object reference not set ...`.
    std::string head(err);
    if (!where.empty()) {
      const size_t colon = head.find(':');
      const size_t at = colon != std::string::npos && colon < head.find_first_of(" \t") ? colon : head.find_first_of(" \t");
      head.insert(at == std::string::npos ? head.size() : at, " (in " + std::string(where) + ")");
    }
    untyped = head + " \u2014 " + template_text.substr(0, template_text.find('\n'));
  }
  std::string t;
  for (size_t i = 0; i < untyped.size(); ++i) {
    const size_t end = t.size() - (!t.empty() && t.back() == ' ');  // "<*>" or "<*> " before
    if (untyped.compare(i, 3, kWild) == 0 && end >= 3 && t.compare(end - 3, 3, kWild) == 0) {
      i += 2;  // "<*> <*>" and "<*><*>" read as one "<*>"
      continue;
    }
    // One line: a stack trace's lines and tabs read as single spaces (a GitHub title, a heading).
    const char c = std::isspace(static_cast<unsigned char>(untyped[i])) ? ' ' : untyped[i];
    if (c == ' ' && (t.empty() || t.back() == ' ')) continue;
    t += c;
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t.size() > max_chars) {
    size_t cut = t.rfind(' ', max_chars);
    t.resize(cut == std::string::npos || cut < max_chars / 2 ? max_chars : cut);
    t += "...";
  }
  return t;
}

DrainEngine::DrainEngine(DrainParams params, const Masker& masker) : params_(params), masker_(masker) {}

LengthRoot& DrainEngine::root(size_t length) {
  LengthRoot& r = roots_[length];
  r.length = length;
  return r;
}

LengthRoot* DrainEngine::find_root(size_t length) {
  auto it = roots_.find(length);
  return it == roots_.end() ? nullptr : &it->second;
}

// The message's hash (XXH3, already computed) folded with each token's 16 bytes by multiply and
// xor: the tokens of one message need telling apart from another tokenization of the same text,
// not from an adversary, and XXH3 over 200-300 bytes cost 320 instructions a line.
uint64_t memo_key(const Record& record) {
  static_assert(sizeof(MessageToken) == 16);
  uint64_t h = record.tokens_of ^ (record.tokens.size() * 0x9E3779B97F4A7C15ull);
  for (const MessageToken& t : record.tokens) {
    uint64_t w[2];
    std::memcpy(w, &t, sizeof w);
    h = (h ^ w[0]) * 0xC2B2AE3D27D4EB4Full;
    h = (h ^ w[1]) * 0x165667B19E3779F9ull;
    h ^= h >> 31;
  }
  h ^= h >> 33;  // MurmurHash3's finalizer: every bit of h moves the set index's low bits
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h ? h : 1;
}

const MatchMemo::Entry* MatchMemo::find(uint64_t key, uint64_t generation) {
  if (entries_.empty()) return nullptr;
  const Entry* set = &entries_[set_of(key)];
  for (size_t w = 0; w < kWays; ++w)
    if (set[w].key == key && set[w].generation == static_cast<uint32_t>(generation)) return ++hits_, ++total_hits_, &set[w];
  return nullptr;
}

// Into the set's entry of another generation or an empty one, else the one the key's high bits
// pick. The memo grows (keeping its entries) while it keeps storing (misses for want of room, or
// answers of a root still learning) and repeats are seen at all (a hit for every 64 stores): a
// length whose messages never repeat stays small.
void MatchMemo::store(uint64_t key, uint64_t generation, uint32_t group, bool unchanged) {
  if (entries_.empty()) entries_.resize(kMinEntries);
  if (++stores_ > entries_.size() && 64 * hits_ > stores_ && entries_.size() < kMaxEntries) {
    std::vector<Entry> old(2 * entries_.size());
    old.swap(entries_);
    for (const Entry& e : old)
      if (e.key && e.generation == static_cast<uint32_t>(generation)) put(e);
    stores_ = hits_ = 0;
  }
  put(Entry{key, static_cast<uint32_t>(generation), group << 1 | static_cast<uint32_t>(unchanged)});
}

void MatchMemo::put(const Entry& e) {
  Entry* set = &entries_[set_of(e.key)];
  Entry* to = &set[(e.key >> 60) % kWays];
  for (size_t w = 0; w < kWays; ++w)
    if (set[w].generation != e.generation || !set[w].key) {
      to = &set[w];
      break;
    }
  *to = e;
}

// Remembered matches of the root's earlier generations no longer hold.
static void bump_generation(LengthRoot& root) {
  if (static_cast<uint32_t>(++root.generation) == 0) {  // entries keep the low bits: start afresh
    root.memo.clear();
    ++root.generation;
  }
}

Node* DrainEngine::descend(LengthRoot& root, const std::vector<Token>& tokens, bool create,
                           std::vector<const std::string*>* path) {
  Node* node = &root.tree;
  size_t layers = std::min<size_t>(params_.depth > 2 ? params_.depth - 2 : 0, tokens.size());
  for (size_t d = 0; d < layers; ++d) {
    std::string_view key = tree_key(tokens[d]);
    if (node->last_key && text::equal(*node->last_key, key)) {
      if (path) path->push_back(node->last_key);
      node = node->last_child;
      continue;
    }
    auto it = node->children.find(key);
    if (it != node->children.end()) {
      node->last_key = &it->first;
      node->last_child = it->second.get();
      node = it->second.get();
      if (path) path->push_back(&it->first);
      continue;
    }
    auto wild = node->children.find(std::string_view(kWild));
    if (!create) {
      if (wild == node->children.end()) return nullptr;
      node = wild->second.get();
      continue;
    }
    // Keep one slot for the <*> child, as Drain3 does.
    std::string_view use = (key != kWild && node->children.size() + 1 < params_.max_children) ? key : kWild;
    auto at = node->children.find(use);
    if (at == node->children.end()) at = node->children.emplace(std::string(use), std::make_unique<Node>()).first;
    node = at->second.get();
    if (path) path->push_back(&at->first);
  }
  return node;
}

namespace {
// Brackets, quotes and separators only: the shape of a message, never a value (`-` is: a value
// that is missing).
bool structural(std::string_view w) {
  return !w.empty() && w.size() <= 2 &&
         std::all_of(w.begin(), w.end(), [](char c) { return std::strchr("()[]{},;:=\"'<>|", c) && c != '\0'; });
}
}  // namespace

// A bracket or separator where the other message has a word: the two have the same number of
// tokens by chance, their words sit at other places (`unexpected eof while reading)` beside
// `no shared cipher) while SSL`), and merging them would spell each one's words with the other's
// spacing. Not the same event.
static bool misaligned(std::string_view a, std::string_view b) {
  return structural(a) != structural(b);
}

DrainEngine::Match DrainEngine::best_group(const LengthRoot& root, const Node& leaf,
                                           const std::vector<Token>& tokens) const {
  const size_t n = tokens.size();
  // A word's trailing `:` or `,` (glued to it, a blank after) does not make two messages alike:
  // Drain's whitespace tokens keep it inside the word, and `wl0: MDNS: IPV4 Addr:` would
  // otherwise pass for 60% punctuation. A `=` between a key and its value still counts.
  size_t words = 0;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    const bool trailing = i > 0 && tokens[i - 1].ws.empty() && !t.ws.empty() && t.text.size() == 1 &&
                          !is_placeholder(t.type) && std::ispunct(static_cast<unsigned char>(t.text[0]));
    words += !trailing;
  }
  const size_t allowed =
      n <= params_.short_tokens ? 0 : static_cast<size_t>(std::floor(words * (1.0 - params_.sim_threshold) + 1e-9));
  Match best;
  size_t best_mism = allowed + 1, best_params = 0;
  for (uint32_t gi : leaf.groups) {
    const Group& g = *root.groups[gi];
    if (g.evicted) continue;
    size_t mism = 0, params = 0;
    bool retypes = false;  // a placeholder for which update_group() would change the position
    for (size_t i = 0; i < n && mism <= allowed; ++i) {
      const TemplateToken& t = g.tmpl[i];
      const Token& m = tokens[i];
      if (t.type == TokenType::Word) {
        if (is_placeholder(m.type) || !text::equal(t.text, m.text)) {
          ++mism;
          // One kind of error never stands for another (a TimeoutException is not a
          // CancellationException), however alike the rest of the trace is; nor one frame another.
          if (!is_placeholder(m.type) && (names_error_class(t.text) || names_error_class(m.text))) mism = allowed + 1;
          if (frame_function(g.tmpl, i)) mism = allowed + 1;
          if (!is_placeholder(m.type) && misaligned(t.text, m.text)) mism = allowed + 1;
        }
      } else {
        ++params;
        // Typed similarity: a placeholder matches a placeholder; a position that has already
        // varied over words matches any word.
        if (!is_placeholder(m.type)) {
          mism += !g.trackers[i].words_seen;
          retypes |= t.type != TokenType::Var;
        } else {
          retypes |= (m.type != t.type && t.type != TokenType::Var) || g.trackers[i].word_only;
        }
      }
    }
    if (mism > allowed) continue;
    if (mism < best_mism || (mism == best_mism && params > best_params)) {
      best = Match{static_cast<int>(gi), mism == 0 && !retypes};
      best_mism = mism;
      best_params = params;
    }
  }
  return best;
}

int DrainEngine::create_group(LengthRoot& root, Node& leaf, const std::vector<Token>& tokens,
                              const std::vector<const std::string*>& path) {
  auto g = std::make_unique<Group>();
  g->tmpl.reserve(tokens.size());
  for (const Token& t : tokens)
    g->tmpl.push_back(TemplateToken{is_placeholder(t.type) ? std::string() : std::string(t.text), std::string(t.ws), t.type});
  g->trackers.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (is_placeholder(tokens[i].type)) g->trackers[i].word_only = false;
  }
  g->path.reserve(path.size());
  for (const std::string* k : path) g->path.push_back(*k);
  g->subs.emplace_back();
  g->subs.back().key.resize(tokens.size());
  uint32_t idx;
  if (!root.free_slots.empty()) {
    idx = root.free_slots.back();
    root.free_slots.pop_back();
    root.groups[idx] = std::move(g);
  } else {
    root.groups.push_back(std::move(g));
    idx = static_cast<uint32_t>(root.groups.size() - 1);
  }
  leaf.groups.push_back(idx);
  return static_cast<int>(idx);
}

// GET, POST, UP, LOOKING, SCREEN_ON: upper case is how logs spell a closed vocabulary (methods,
// states, levels), which recurs across events without naming anything.
static bool upper_case_word(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter |= c >= 'A' && c <= 'Z';
  }
  return letter && w.size() >= 2;
}

// An enumeration is a closed set of plain words (Started/Paused, GET/POST, ok/error). A word
// with inner punctuation (auth-service, gmail.com, user_42) names something: a host, a service,
// a key. Such positions are parameters, however few values one window shows.
// A word of a closed vocabulary: an upper-case constant, alone or as the last part of a dotted
// name (SCREEN_ON, android.intent.action.SCREEN_OFF), a single capital too.
static bool closed_set_word(std::string_view word) {
  const std::string_view last = word.substr(word.rfind('.') == std::string_view::npos ? 0 : word.rfind('.') + 1);
  return upper_case_word(last) || (last.size() == 1 && last[0] >= 'A' && last[0] <= 'Z');  // DNS's record type `A`
}

static bool looks_like_identifier(std::string_view word) {
  if (closed_set_word(word)) return false;  // ...unless it is a constant of a closed set
  // Inner: between two letters or digits. HAProxy's termination flags (`sH--`, `CD--`) are a
  // closed set padded with dashes, not names.
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 1; i + 1 < word.size(); ++i)
    if ((word[i] == '-' || word[i] == '.' || word[i] == '_' || word[i] == '/' || word[i] == '@') && alnum(word[i - 1]) &&
        alnum(word[i + 1]))
      return true;
  return false;
}

// A word and its plural after a count (`1 packet`, `5 packets`): one word, in the number the
// count wants.
static bool plural_of(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return b.size() >= 2 && a.substr(0, b.size()) == b && (a.substr(b.size()) == "s" || a.substr(b.size()) == "es");
}

// Two instances of one kind of thing: the same letters, then another number, one of them 0
// (CPU0 and CPU1, MC0 and MC1, eth0 and eth1: devices are counted from zero). A closed set's
// members differ in their letters (ee0 and alt0), and versions start at one (IPV4 and IPV6,
// SOCKS4 and SOCKS5 are protocols that Loghub's labels keep apart).
// The letters before a word's trailing number (`tty` of tty5), or "" when it has none of either.
static std::string_view numbered_stem(std::string_view w) {
  size_t e = w.size();
  while (e > 0 && std::isdigit(static_cast<unsigned char>(w[e - 1]))) --e;
  if (e == 0 || e == w.size() || !std::isalpha(static_cast<unsigned char>(w[e - 1]))) return {};
  return w.substr(0, e);
}

static bool numbered_siblings(std::string_view a, std::string_view b) {
  const std::string_view stem = numbered_stem(a);
  if (stem.empty() || stem != numbered_stem(b) || a == b) return false;
  return a.substr(stem.size()) == "0" || b.substr(stem.size()) == "0";
}

// Whether the words are one stem and another number each (tty1, tty2, tty5; hda1, hda2).
template <typename Words>
static bool one_kind_numbered(const Words& words) {
  if (words.empty()) return false;
  const std::string_view stem = numbered_stem(*words.begin());
  return !stem.empty() && std::all_of(words.begin(), words.end(), [&](std::string_view w) { return numbered_stem(w) == stem; });
}

// A varying word position is an enumeration candidate while it has at most enum_max_values plain
// words. A position that names things (an identifier, a key's value, a program, a user) is a
// parameter at once (`overflow`), but keeps its first few words as evidence for the recurring
// words of other clusters (find_recurring_words); past enum_max_values nothing is kept.
// How many values a position may take and stay an enumeration: twice as many when all are upper
// case, which is how logs spell a closed vocabulary (DNS record types A|AAAA|PTR|SRV|HINFO, states).
size_t DrainEngine::enum_limit(const PosTracker& tr) const {
  const bool upper = std::all_of(tr.values.begin(), tr.values.end(), [](const auto& v) { return closed_set_word(v.first); });
  return upper ? 2 * params_.enum_max_values : params_.enum_max_values;
}

void DrainEngine::add_value(Group& g, size_t pos, std::string_view word, uint64_t n) {
  PosTracker& tr = g.trackers[pos];
  tr.words_seen = true;
  if (!tr.word_only || (tr.overflow && tr.values.empty()) || (tr.names && tr.values.size() >= kNameEvidence)) return;
  if (!tr.overflow && (looks_like_identifier(word) || naming_position(g.tmpl, pos) || request_method(g.tmpl, pos, word))) {
    tr.overflow = true;  // no longer a candidate: the sub-clusters merge
    tr.names = true;
    ++g.version;
  }
  for (auto& [v, c] : tr.values)
    if (text::equal(v, word)) {
      c += n;
      return;
    }
  const bool after_count = pos > 0 && g.tmpl[pos - 1].type == TokenType::Num;
  if (!tr.overflow && std::any_of(tr.values.begin(), tr.values.end(), [&](const auto& v) {
        return numbered_siblings(v.first, word) || (after_count && plural_of(v.first, word));
      })) {
    tr.overflow = true;
    ++g.version;
  }
  size_t limit = tr.names ? kNameEvidence : params_.enum_max_values;
  if (!tr.names && tr.values.size() >= limit && closed_set_word(word)) limit = enum_limit(tr);  // rarely reached
  if (tr.values.size() >= limit) {
    if (!tr.overflow) ++g.version;
    tr.overflow = true;
    if (!tr.names) tr.values.clear();
    return;
  }
  tr.values.emplace_back(std::string(word), n);
  if (!tr.overflow) ++g.version;
}

// Position `pos` just became a variable: the statistics gain it (the later ones move up), with
// `word` for every record so far, since all of them had it. Without this a record's values would
// land one position early until the position existed.
void DrainEngine::insert_stats_position(Group& g, size_t pos, const std::string& word) const {
  std::vector<TemplateToken> before = g.tmpl;  // the template the statistics were gathered under
  before[pos] = TemplateToken{word, g.tmpl[pos].ws, TokenType::Word};
  for (Sub& s : g.subs)
    if (s.stats && s.stats->count() > 0) relayout_stats(*s.stats, before, g.tmpl, masker_);
}

void DrainEngine::update_group(Group& g, const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    TemplateToken& t = g.tmpl[i];
    PosTracker& tr = g.trackers[i];
    const Token& m = tokens[i];
    if (t.type == TokenType::Word) {
      if (!is_placeholder(m.type) && text::equal(t.text, m.text)) continue;
      // The position varies from now on; earlier messages all had the old word here.
      std::string old = std::move(t.text);
      t.type = TokenType::Var;
      t.text.clear();
      insert_stats_position(g, i, old);
      tr.word_only = !is_placeholder(m.type);
      tr.values.clear();
      tr.words_seen = false;
      add_value(g, i, old, g.count);
      for (Sub& s : g.subs) s.key[i] = tr.candidate() ? old : std::string();
      ++g.version;
    } else if (!is_placeholder(m.type)) {
      if (t.type != TokenType::Var) {  // a word where a typed value was: no longer one type
        t.type = TokenType::Var;
        ++g.version;
      }
    } else if (is_placeholder(m.type)) {
      if (m.type != t.type && t.type != TokenType::Var) {  // already <*>: nothing changes
        t.type = TokenType::Var;
        ++g.version;
      }
      if (tr.word_only) {
        tr.word_only = false;
        ++g.version;
      }
    }
  }
}

int DrainEngine::sub_root(const Group& g, int s) const {
  while (g.subs[s].parent >= 0) s = g.subs[s].parent;
  return s;
}

void DrainEngine::merge_subs_by_key(Group& g) {
  std::vector<int> live;
  for (size_t s = 0; s < g.subs.size(); ++s) {
    Sub& sub = g.subs[s];
    if (sub.parent >= 0) continue;
    for (size_t i = 0; i < sub.key.size(); ++i)
      if (!g.trackers[i].candidate() || g.tmpl[i].type == TokenType::Word) sub.key[i].clear();
    int into = -1;
    for (int o : live)
      if (g.subs[o].key == sub.key) into = o;
    if (into < 0) {
      live.push_back(static_cast<int>(s));
      continue;
    }
    Sub& dst = g.subs[into];
    dst.count += sub.count;
    dst.window_count += sub.window_count;
    if (sub.stats) {
      if (!dst.stats) dst.stats = std::make_unique<ClusterStats>();
      dst.stats->merge(*sub.stats);
      sub.stats.reset();
    }
    sub.parent = into;
  }
}

int DrainEngine::choose_sub(Group& g, const std::vector<Token>& tokens, const std::vector<uint32_t>& var_pos) {
  for (;;) {
    int live = 0, heaviest = -1;
    for (size_t s = 0; s < g.subs.size(); ++s) {
      const Sub& sub = g.subs[s];
      if (sub.parent >= 0) continue;
      ++live;
      bool same = true;
      for (size_t k = 0; k < var_pos.size() && same; ++k)
        if (const uint32_t i = var_pos[k]; g.trackers[i].candidate()) same = text::equal(sub.key[i], tokens[i].text);
      if (same) return static_cast<int>(s);
    }
    if (!params_.learn) {
      for (size_t s = 0; s < g.subs.size(); ++s)
        if (g.subs[s].parent < 0) return static_cast<int>(s);
    }
    if (live < static_cast<int>(kMaxLiveSubs)) break;
    // Too many combinations: the position with the most values is not an enumeration.
    size_t most = 0;
    for (size_t i = 0; i < g.trackers.size(); ++i)
      if (g.tmpl[i].type != TokenType::Word && g.trackers[i].candidate() && g.trackers[i].values.size() >= most) {
        most = g.trackers[i].values.size();
        heaviest = static_cast<int>(i);
      }
    if (heaviest < 0) break;
    g.trackers[heaviest].overflow = true;
    g.trackers[heaviest].values.clear();  // too many, like past enum_max_values (not a naming position)
    ++g.version;
    merge_subs_by_key(g);
  }
  Sub sub;
  sub.key.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i)
    if (g.tmpl[i].type != TokenType::Word && g.trackers[i].candidate()) sub.key[i] = std::string(tokens[i].text);
  g.subs.push_back(std::move(sub));
  return static_cast<int>(g.subs.size() - 1);
}

const std::vector<uint32_t>& DrainEngine::variable_positions(LengthRoot& root, int group) {
  Group& g = *root.groups[static_cast<size_t>(group)];
  if (g.var_pos_version != g.version) {  // only update_group() turns a word into a variable, and it bumps the version
    g.var_pos.clear();
    for (size_t i = 0; i < g.tmpl.size(); ++i)
      if (g.tmpl[i].type != TokenType::Word) g.var_pos.push_back(static_cast<uint32_t>(i));
    g.var_pos_version = g.version;
  }
  return g.var_pos;
}

Ref DrainEngine::add(LengthRoot& root, const std::vector<Token>& tokens, uint64_t seq, const Record* record,
                     uint64_t message_hash, uint64_t repeat_key, const MatchMemo::Entry* recalled) {
  Ref ref;
  ref.length = static_cast<uint32_t>(tokens.size());
  const MatchMemo::Entry* seen = recalled ? recalled : recall(root, repeat_key);
  Match match = seen ? Match{seen->group(), seen->unchanged()} : Match{};
  bool created = false;
  if (!seen) {
    // The calling thread's list of the tree keys on the way down (owned by the tree: no copies per
    // line). Here, not above: a remembered match does not pay for reaching a thread_local.
    thread_local std::vector<const std::string*> path;
    path.clear();
    Node* leaf = descend(root, tokens, params_.learn, params_.learn ? &path : nullptr);
    if (!leaf) return ref;
    match = best_group(root, *leaf, tokens);
    if (match.group < 0) {
      if (!params_.learn) return ref;
      match.group = create_group(root, *leaf, tokens, path);
      created = true;
    }
  }
  const int gi = match.group;
  Group& g = *root.groups[gi];
  const uint32_t before = g.version;
  bool words_first_seen = false;  // best_group() reads words_seen, which bumps no version
  if (params_.learn && !match.unchanged) update_group(g, tokens);
  const std::vector<uint32_t>& var_pos = variable_positions(root, gi);
  if (params_.learn) {
    for (const uint32_t i : var_pos) {  // add_value() changes the trackers, never the template
      if (is_placeholder(tokens[i].type)) continue;
      words_first_seen |= !g.trackers[i].words_seen;
      add_value(g, i, tokens[i].text, 1);
    }
    if (g.version != before) merge_subs_by_key(g);
  }
  ++g.count;
  g.last_seq = seq;
  int s = choose_sub(g, tokens, var_pos);
  Sub& sub = g.subs[s];
  ++sub.count;
  ++sub.window_count;
  if (params_.keep_stats && record) {
    if (!sub.stats) sub.stats = std::make_unique<ClusterStats>();
    sub.stats->add(*record, message_hash);
    if (g.names_version != g.version) {
      g.var_names.clear();
      for (const auto& t : g.tmpl)
        if (t.type != TokenType::Word) add_variable_name(g.var_names, masker_, t.type);
      g.names_version = g.version;
    }
    for (size_t k = 0; k < var_pos.size(); ++k) sub.stats->add_variable(k, g.var_names[k], tokens[var_pos[k]].text);
  }
  // choose_sub() may bump the version too. A root left as it was keeps the answer for a repeat.
  if (created || words_first_seen || g.version != before)
    bump_generation(root);
  else if (repeat_key && !seen)
    root.memo.store(repeat_key, root.generation, static_cast<uint32_t>(gi), match.unchanged);
  ref.group = gi;
  ref.sub = s;
  return ref;
}

// A position whose words (two or more of them) are also the varying words of other clusters
// takes names of things that recur across events (root, deploy: users in every sshd event), not
// the event's own enumeration (GET/POST, Started/Stopped). It stays a parameter.
bool DrainEngine::names_entities(const PosTracker& tr) const {
  if (recurring_words_.empty()) return false;
  size_t recurring = 0;
  for (const auto& [word, n] : tr.values) recurring += recurring_words_.count(word);
  return recurring >= 2;
}


// What event a group is: its first two constant words. Groups of one event that Drain kept apart
// (free text of another length) share it, so their words do not count as recurring.
static std::string event_head(const std::vector<TemplateToken>& tmpl) {
  std::string head;
  size_t words = 0;
  for (const TemplateToken& t : tmpl) {
    if (t.type != TokenType::Word || !is_alnum_word(t.text)) continue;
    head += t.text;
    head += '\x1f';
    if (++words == 2) break;
  }
  return head;
}

// The words that clusters of two or more events would split on; see names_entities().
void DrainEngine::find_recurring_words() {
  recurring_words_.clear();
  std::unordered_map<std::string, std::string> first_event;  // word -> the first event it varied in
  // Names come in many values (a position with three or more, or one that names things) or as
  // device names (eth0); a closed pair seen in several events is a state (up/down), not a name.
  std::unordered_set<std::string> several, wide;
  for (auto& [len, r] : roots_) {
    for (auto& gp : r.groups) {
      if (!gp || gp->evicted) continue;
      const std::string head = event_head(gp->tmpl);
      for (size_t i = 0; i < gp->tmpl.size(); ++i) {
        const PosTracker& tr = gp->trackers[i];
        const bool names = tr.overflow && tr.word_only;  // a naming position's first words
        if (gp->tmpl[i].type == TokenType::Word || !(tr.candidate() || names) || tr.values.size() < (names ? 1 : 2))
          continue;
        for (const auto& [word, n] : tr.values) {
          if (upper_case_word(word)) continue;
          auto [it, fresh] = first_event.emplace(word, head);
          if (!fresh && it->second != head) several.insert(word);
          if (names || tr.values.size() >= 3 || has_digit(word)) wide.insert(word);
        }
      }
    }
  }
  for (const std::string& w : several)
    if (wide.count(w)) recurring_words_.insert(w);
}

std::vector<bool> DrainEngine::enum_positions(const Group& g) const {
  std::vector<bool> e(g.tmpl.size(), false);
  if (!params_.enum_split) return e;
  for (size_t i = 0; i < g.tmpl.size(); ++i) {
    const PosTracker& tr = g.trackers[i];
    if (g.tmpl[i].type == TokenType::Word || !tr.candidate()) continue;
    if (tr.values.size() < 2 || tr.values.size() > enum_limit(tr)) continue;
    if (names_entities(tr)) continue;
    if (params_.enum_min_repeat &&
        std::any_of(tr.values.begin(), tr.values.end(), [](const auto& v) { return v.second < 2; }))
      continue;
    e[i] = true;
  }
  return e;
}

std::vector<TemplateToken> DrainEngine::sub_template(const Group& g, const Sub& s,
                                                     const std::vector<bool>& enum_pos) const {
  std::vector<TemplateToken> t = g.tmpl;
  for (size_t i = 0; i < t.size(); ++i)
    if (enum_pos[i] && !s.key[i].empty()) {
      t[i].type = TokenType::Word;
      t[i].text = s.key[i];
    }
  return t;
}

std::string DrainEngine::fingerprint(const std::string& typed) const {
  return fmt::format("{:016x}", XXH3_64bits(typed.data(), typed.size()));
}

const std::string& DrainEngine::provisional_id(LengthRoot& root, const Ref& ref) {
  static const std::string kNone;
  if (!ref.ok()) return kNone;
  Group& g = *root.groups[ref.group];
  Sub& s = g.subs[sub_root(g, ref.sub)];
  if (s.prov_version != g.version) {
    s.prov_id = fingerprint(render(masker_, sub_template(g, s, enum_positions(g)), true));
    s.prov_version = g.version;
  }
  return s.prov_id;
}

FinalCluster DrainEngine::make_final(std::vector<TemplateToken> tokens) const {
  FinalCluster f;
  f.tokens = std::move(tokens);
  f.typed = render(masker_, f.tokens, true);
  f.untyped = render(masker_, f.tokens, false);
  f.id = fingerprint(f.typed);
  return f;
}

size_t DrainEngine::live_groups() const {
  size_t n = 0;
  for (const auto& [len, r] : roots_)
    for (const auto& g : r.groups) n += g && !g->evicted;
  return n;
}

uint64_t DrainEngine::memo_answers() const {
  uint64_t n = 0;
  for (const auto& [len, r] : roots_) n += r.memo.hits();
  return n;
}

uint64_t DrainEngine::max_seq() const {
  uint64_t m = 0;
  for (const auto& [len, r] : roots_)
    for (const auto& g : r.groups)
      if (g) m = std::max(m, g->last_seq);
  return m;
}

void DrainEngine::retire(Group& g) {
  std::vector<bool> ep = enum_positions(g);
  const size_t keep = std::max<size_t>(params_.max_clusters, 1000);
  for (Sub& s : g.subs) {
    if (s.parent >= 0 || s.window_count == 0) continue;
    if (retired_.size() >= keep) {
      // Beyond the bound, evicted templates share one cluster so memory stays flat.
      if (retired_overflow_count_ == 0) {
        retired_.push_back(make_final({TemplateToken{"(templates evicted by max_clusters)", "", TokenType::Word}}));
      }
      retired_overflow_count_ += s.window_count;
      FinalCluster& o = retired_.back();
      o.count += s.window_count;
      if (s.stats) {
        if (!o.stats) o.stats = std::make_unique<ClusterStats>();
        relayout_stats(*s.stats, g.tmpl, o.tokens, masker_);  // many templates: no variables
        o.stats->merge(*s.stats);
      }
      s.retired_index = static_cast<int>(retired_.size() - 1);
    } else {
      FinalCluster f = make_final(sub_template(g, s, ep));
      f.count = s.window_count;
      if (s.stats) relayout_stats(*s.stats, g.tmpl, f.tokens, masker_);
      f.stats = std::move(s.stats);
      retired_.push_back(std::move(f));
      s.retired_index = static_cast<int>(retired_.size() - 1);
    }
    s.stats.reset();
  }
  g.evicted = true;
  g.tmpl.clear();
  g.trackers.clear();
}

void DrainEngine::evict_if_needed() {
  if (params_.max_clusters == 0) return;
  size_t live = live_groups();
  if (live <= params_.max_clusters) return;
  struct Cand {
    uint64_t seq;
    size_t len;
    uint32_t idx;
  };
  std::vector<Cand> cands;
  for (auto& [len, r] : roots_)
    for (uint32_t i = 0; i < r.groups.size(); ++i)
      if (r.groups[i] && !r.groups[i]->evicted) cands.push_back({r.groups[i]->last_seq, len, i});
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return std::tie(a.seq, a.len, a.idx) < std::tie(b.seq, b.len, b.idx);
  });
  for (size_t k = 0; k < live - params_.max_clusters; ++k) {
    LengthRoot& r = roots_[cands[k].len];
    Group& g = *r.groups[cands[k].idx];
    // Unfile it from its leaf.
    Node* node = &r.tree;
    for (const auto& key : g.path) {
      auto it = node->children.find(key);
      if (it == node->children.end()) break;
      node = it->second.get();
    }
    auto& v = node->groups;
    v.erase(std::remove(v.begin(), v.end(), cands[k].idx), v.end());
    bump_generation(r);  // its leaf lost a group: remembered matches may be wrong
    retire(g);
    if (!keep_evicted_) {
      r.groups[cands[k].idx].reset();
      r.free_slots.push_back(cands[k].idx);
    }
  }
}

namespace {

// One frame of the cardinality merge: clusters equal but for one word position.
struct CardinalityFrame {
  uint64_t key = 0;
  std::vector<int> members;
  std::set<std::string_view> words;  // distinct, not clusters: the free-text merge leaves several of one template
  size_t constants = 0;              // alphanumeric constant words besides the position
  bool open = false;                 // values that may be parameters: not kinds of error, not a frame's function
  bool merged = false;               // by the first pass
  bool many = false;                 // merged for its many values: its words are names
};

// The first pass's verdict on one frame (docs/clustering.md §3, the cardinality merge).
CardinalityFrame judge_frame(const std::vector<FinalCluster>& out, std::span<const SlotIndex::Entry> slots,
                             const std::unordered_set<std::string>& recurring_words) {
  CardinalityFrame f;
  f.key = slots[0].key;
  const size_t p = slots[0].slot.pos;
  const std::vector<TemplateToken>& first = out[static_cast<size_t>(slots[0].slot.cluster)].tokens;
  for (const auto& [key, s] : slots)  // without the keys that collided
    if (same_frame(first, p, p + 1, out[static_cast<size_t>(s.cluster)].tokens, s.pos, s.pos + 1))
      f.members.push_back(s.cluster);
  size_t recurring = 0;
  uint64_t total = 0;
  for (int m : f.members) {
    const std::string& w = out[m].tokens[p].text;
    if (f.words.insert(w).second) recurring += recurring_words.count(w);
    total += out[m].count;
  }
  const size_t values = f.words.size();
  if (values < 2 || frame_function(first, p) ||
      std::any_of(f.words.begin(), f.words.end(), [](std::string_view w) { return names_error_class(w); }))
    return f;  // kinds of error and the frames that threw them are events, not values
  // Names: by their place (a program's, a user's), or words other events vary over.
  // Or identifiers (check-nfs, mcelog.cron) after the first word: the first names the event
  // itself (mDNS_RegisterInterface: / mDNS_DeregisterInterface:).
  const bool identifiers = p > 0 && std::all_of(f.words.begin(), f.words.end(), looks_like_identifier);
  const bool methods = std::all_of(f.words.begin(), f.words.end(), [&](std::string_view w) { return request_method(first, p, w); });
  // Or instances counted from zero (CPU0, CPU1), which the tree files apart in a short message, or
  // three instances or more of one kind (tty1, tty2, tty5): a pair not counted from zero may be
  // versions (IPV4, IPV6).
  const bool numbered = std::any_of(f.words.begin(), f.words.end(), [&](std::string_view zero) {
    return std::all_of(f.words.begin(), f.words.end(),
                       [&](std::string_view w) { return w == zero || numbered_siblings(zero, w); });
  }) || (values >= 3 && one_kind_numbered(f.words));
  const bool names = naming_position(first, p) || recurring >= 2 || identifiers || methods || numbered;
  // What is left must say what the event is: two constant words, or one beside names
  // ("(<*>) CMD (<*>)"); one-word messages (normal, warning, critical) never merge.
  f.open = true;
  f.constants = alnum_constants(first, p);
  const bool rare = total * 2 <= values * 3;  // <= 1.5 messages per value
  // A closed vocabulary's constants (DNS record types A|AAAA|PTR|SRV|HINFO, or a dotted
  // android.intent.action.SCREEN_ON, which the masker keeps as words, §1) are an enumeration
  // however many of them one event takes: never many, nor names.
  const bool closed = std::all_of(f.words.begin(), f.words.end(), closed_set_word);
  const bool many = !closed && (values >= 5 || (rare && values >= 3));
  f.merged = f.constants >= (names ? 1u : 2u) && (names || many);
  f.many = f.merged && many;
  return f;
}

}  // namespace

// Clusters equal but at the positions that name things (after `user=` or `host `, a program
// before its pid, a field of an error's context) are one event, however few values each takes and
// however many of them differ at once: `connection authorized: user=app_rw database=shop
// application_name=shop-api` is PostgreSQL's `user=<*> database=<*> application_name=<*>`. (One
// position at a time is the cardinality merge's.) One constant word at least must be left.
static void naming_merges(const std::vector<FinalCluster>& out, UnionFind& uf) {
  auto kept = [](const std::vector<TemplateToken>& t, size_t p) { return !naming_position(t, p); };
  auto same_but_names = [&](const std::vector<TemplateToken>& a, const std::vector<TemplateToken>& b) {
    if (a.size() != b.size()) return false;
    for (size_t p = 0; p < a.size(); ++p) {
      if (kept(a, p) != kept(b, p) || a[p].ws != b[p].ws) return false;
      if (kept(a, p) && (a[p].type != b[p].type || a[p].text != b[p].text)) return false;
    }
    return true;
  };
  std::unordered_map<uint64_t, int> first_of;  // the key of a template without its names -> its first cluster
  for (size_t c = 0; c < out.size(); ++c) {
    const std::vector<TemplateToken>& t = out[c].tokens;
    uint64_t key = t.size();
    size_t names = 0, constants = 0;
    for (size_t p = 0; p < t.size(); ++p) {
      const bool name = !kept(t, p);
      names += name;
      constants += !name && t[p].type == TokenType::Word && is_alnum_word(t[p].text);
      key = FrameHashes::combine(key, name ? 0x6e616d65ULL : FrameHashes::token_hash(t[p]));
    }
    if (names < 2 || constants < 1) continue;
    const auto [it, fresh] = first_of.emplace(key, static_cast<int>(c));
    if (!fresh && same_but_names(out[static_cast<size_t>(it->second)].tokens, t)) uf.unite(it->second, static_cast<int>(c));
  }
}

// Two events that vary over the same names, each too rarely for the first pass ("Starting
// hcid|sdpd|pcmcia: succeeded" beside "Stopping hcid|sdpd: succeeded"): frames that share two
// words, and hold three in all, are parameters. A closed pair of states shared by two events
// (up/down) holds two words only; upper-case words are a closed vocabulary.
static void vary_over_the_same_names(std::vector<CardinalityFrame>& frames) {
  auto candidate = [](const CardinalityFrame& f) { return f.open && f.constants >= 1 && !f.merged; };
  std::unordered_map<std::string_view, std::vector<size_t>> frames_of;
  for (size_t i = 0; i < frames.size(); ++i)
    if (candidate(frames[i]))
      for (std::string_view w : frames[i].words)
        if (!closed_set_word(w)) frames_of[w].push_back(i);
  std::vector<bool> names(frames.size(), false);
  for (size_t i = 0; i < frames.size(); ++i) {
    if (!candidate(frames[i])) continue;
    std::map<size_t, size_t> shared;  // another frame -> the words it shares with this one
    for (std::string_view w : frames[i].words)
      if (auto it = frames_of.find(w); it != frames_of.end())
        for (size_t j : it->second)
          if (j != i) ++shared[j];
    for (const auto& [j, n] : shared)
      if (n >= 2 && frames[i].words.size() + frames[j].words.size() - n >= 3) names[i] = names[j] = true;
  }
  for (size_t i = 0; i < frames.size(); ++i) frames[i].merged = frames[i].merged || names[i];
}

// Clusters equal but for one word position with many values, each seen rarely: a word-valued
// parameter (user, host) in a message too short for the similarity threshold to absorb it.
// Two passes: the words of the frames merged for their many values are names, and a frame of
// another event whose words are two of those is a parameter too (`cupsd|sshd shutdown succeeded`
// beside `<*> startup succeeded` with sixteen daemons), as recurring words are (names_entities).
static void cardinality_merges(const std::vector<FinalCluster>& out, const std::unordered_set<std::string>& recurring_words,
                               UnionFind& uf) {
  const std::vector<FrameHashes> hashes = frame_hashes(out);
  SlotIndex by_key;
  for (size_t c = 0; c < out.size(); ++c)
    for (size_t p = 0; p < out[c].tokens.size(); ++p)
      if (out[c].tokens[p].type == TokenType::Word && is_alnum_word(out[c].tokens[p].text))
        by_key.add(hashes[c].key(p, p + 1), {static_cast<int>(c), p});
  by_key.sort();
  std::vector<CardinalityFrame> frames;
  std::unordered_map<std::string_view, std::vector<uint64_t>> named_in;  // word -> the frames that show it is a name
  by_key.for_each_frame([&](std::span<const SlotIndex::Entry> slots) {
    if (slots.size() < 2) return;
    frames.push_back(judge_frame(out, slots, recurring_words));
    if (frames.back().many)
      for (std::string_view w : frames.back().words) named_in[w].push_back(frames.back().key);
  });
  auto named_elsewhere = [&](const CardinalityFrame& f, std::string_view w) {
    auto it = named_in.find(w);
    return it != named_in.end() && std::any_of(it->second.begin(), it->second.end(), [&](uint64_t k) { return k != f.key; });
  };
  for (CardinalityFrame& f : frames) {
    // A frame the first pass left, with a constant word beside names, and two of its words names.
    if (!f.merged && f.open && f.constants >= 1)
      f.merged = std::count_if(f.words.begin(), f.words.end(), [&](std::string_view w) { return named_elsewhere(f, w); }) >= 2;
  }
  vary_over_the_same_names(frames);
  for (const CardinalityFrame& f : frames)
    if (f.merged)
      for (int m : f.members) uf.unite(f.members[0], m);
}

void DrainEngine::post_merges(std::vector<FinalCluster>& out, const std::vector<const std::vector<TemplateToken>*>& layout,
                              std::vector<int>& redirect) const {
  UnionFind uf(out.size());
  // First: the members it rewrites then take part in the merges below at their new length.
  if (params_.free_text_merge) {
    free_text_merges(out, masker_, uf);
    word_run_merges(out, layout, masker_, uf);
    optional_field_merges(out, masker_, uf);
    list_tail_merges(out, masker_, uf);
    value_list_merges(out, masker_, uf);
  }
  if (params_.cardinality_merge) {
    naming_merges(out, uf);
    cardinality_merges(out, recurring_words_, uf);
  }
  if (params_.subsumption_merge) {
    const std::vector<FrameHashes> hashes = frame_hashes(out);
    std::vector<size_t> constants(out.size());
    SlotIndex general;
    for (size_t c = 0; c < out.size(); ++c) {
      const std::vector<TemplateToken>& t = out[c].tokens;
      constants[c] = alnum_constants(t);
      for (size_t p = 0; p < t.size(); ++p)
        if (t[p].type != TokenType::Word && constants[c] >= 1)
          general.add(hashes[c].key(p, p + 1), Slot{static_cast<int>(c), p});
    }
    general.sort();
    for (size_t c = 0; c < out.size(); ++c) {
      const std::vector<TemplateToken>& t = out[c].tokens;
      for (size_t p = 0; p < t.size(); ++p) {
        if (t[p].type != TokenType::Word || frame_function(t, p)) continue;
        // One constant word left says little ("starting <*>"): then only an identifier joins.
        if (alnum_constants_without(t, constants[c], p) < 2 && !looks_like_identifier(t[p].text)) continue;
        for (const auto& [key, g] : general.find(hashes[c].key(p, p + 1)))  // the first that matches
          if (same_frame(out[static_cast<size_t>(g.cluster)].tokens, g.pos, g.pos + 1, t, p, p + 1)) {
            if (g.cluster != static_cast<int>(c)) uf.unite(g.cluster, static_cast<int>(c));
            break;
          }
      }
    }
  }
  redirect.resize(out.size());
  for (size_t c = 0; c < out.size(); ++c) redirect[c] = uf.find(static_cast<int>(c));
}

const std::vector<FinalCluster>& DrainEngine::finalize() {
  find_recurring_words();
  std::vector<FinalCluster> out;
  std::unordered_map<std::string, int> by_text;
  struct Owner {
    Group* g;
    int sub;
  };
  std::vector<Owner> owners;
  std::vector<const std::vector<TemplateToken>*> layout;  // per cluster: its first group's template
  for (auto& [len, r] : roots_) {
    for (auto& gp : r.groups) {
      if (!gp || gp->evicted) continue;
      Group& g = *gp;
      std::vector<bool> ep = enum_positions(g);
      for (size_t s = 0; s < g.subs.size(); ++s) {
        Sub& sub = g.subs[s];
        sub.final_index = -1;
        if (sub.parent >= 0 || sub.window_count == 0) continue;
        auto tokens = sub_template(g, sub, ep);
        std::string untyped = render(masker_, tokens, false);
        auto [it, fresh] = by_text.emplace(untyped, static_cast<int>(out.size()));
        if (fresh) {
          out.push_back(FinalCluster{});
          out.back().tokens = std::move(tokens);
          layout.push_back(&g.tmpl);
        } else {
          merge_tokens(out[it->second].tokens, tokens);  // identical templates: one cluster
        }
        FinalCluster& f = out[it->second];
        f.count += sub.window_count;
        if (sub.stats) {  // a copy is a merge into nothing, without re-counting every value
          auto copy = std::make_unique<ClusterStats>(*sub.stats);
          relayout_stats(*copy, g.tmpl, f.tokens, masker_);  // enum-split positions are constants here
          if (!f.stats) f.stats = std::move(copy);
          else f.stats->merge(*copy);
        }
        sub.final_index = it->second;
        owners.push_back({&g, static_cast<int>(s)});
      }
    }
  }
  std::vector<int> redirect;
  post_merges(out, layout, redirect);
  std::vector<int> index(out.size(), -1);
  final_.clear();
  for (size_t c = 0; c < out.size(); ++c)
    if (redirect[c] == static_cast<int>(c)) {
      index[c] = static_cast<int>(final_.size());
      final_.push_back(FinalCluster{});
      final_.back().tokens = out[c].tokens;
    }
  for (size_t c = 0; c < out.size(); ++c)
    if (redirect[c] != static_cast<int>(c)) merge_tokens(final_[index[redirect[c]]].tokens, out[c].tokens);
  for (size_t c = 0; c < out.size(); ++c) {
    FinalCluster& dst = final_[index[redirect[c]]];
    dst.count += out[c].count;
    if (out[c].stats) {  // out is ours: the first member's statistics move
      relayout_stats(*out[c].stats, out[c].tokens, dst.tokens, masker_);  // a merge made words variables
      if (!dst.stats) dst.stats = std::move(out[c].stats);
      else dst.stats->merge(*out[c].stats);
    }
  }
  for (auto& f : final_) {
    FinalCluster g = make_final(std::move(f.tokens));
    g.count = f.count;
    g.stats = std::move(f.stats);
    f = std::move(g);
  }
  const std::vector<int> moved = adopt_known_templates();
  for (auto& o : owners) o.g->subs[o.sub].final_index = moved[index[redirect[o.g->subs[o.sub].final_index]]];
  // Retired (evicted) clusters keep their counts.
  size_t base = final_.size();
  for (const auto& r : retired_) {
    FinalCluster f;
    f.id = r.id;
    f.typed = r.typed;
    f.untyped = r.untyped;
    f.tokens = r.tokens;
    f.count = r.count;
    if (r.stats) f.stats = std::make_unique<ClusterStats>(*r.stats);
    final_.push_back(std::move(f));
  }
  (void)base;
  // Aliases: a sub reported under another id before now points to its current cluster.
  aliases_.clear();
  for (auto& [len, r] : roots_)
    for (auto& gp : r.groups) {
      if (!gp || gp->evicted) continue;
      std::vector<bool> ep = enum_positions(*gp);
      for (Sub& s : gp->subs) {
        const Sub& root = gp->subs[sub_root(*gp, static_cast<int>(&s - gp->subs.data()))];
        // A sub without lines in this window still knows the id its template has now.
        std::string now = root.final_index >= 0 ? final_[root.final_index].id : absent_id(*gp, root, ep);
        if (!s.reported_id.empty() && s.reported_id != now) {
          aliases_.emplace_back(s.reported_id, now);
          if (root.final_index >= 0) final_[root.final_index].aliases.push_back(s.reported_id);
        }
        s.reported_id = now;
      }
    }
  for (auto& f : final_) {
    std::sort(f.aliases.begin(), f.aliases.end());
    f.aliases.erase(std::unique(f.aliases.begin(), f.aliases.end()), f.aliases.end());
  }
  remember_templates();
  return final_;
}

// A cluster that a template of an earlier run describes takes that template, and so its id: the
// merges of that run hold though this window lacks their evidence. Clusters that come to share a
// template are one. Returns where each cluster went.
std::vector<int> DrainEngine::adopt_known_templates() {
  std::vector<int> moved(final_.size());
  std::unordered_map<std::string, int> by_id;
  std::vector<FinalCluster> kept;
  std::vector<int> at;
  for (size_t c = 0; c < final_.size(); ++c) {
    FinalCluster& f = final_[c];
    if (const KnownTemplates::Entry* k = known_.cover(f.tokens, at); k && k->id != f.id) {
      if (f.stats) relayout_stats(*f.stats, f.tokens, k->tokens, masker_, &at);
      FinalCluster g = make_final(k->tokens);
      g.count = f.count;
      g.stats = std::move(f.stats);
      f = std::move(g);
    }
    auto [it, fresh] = by_id.emplace(f.id, static_cast<int>(kept.size()));
    moved[c] = it->second;
    if (fresh) {
      kept.push_back(std::move(f));
      continue;
    }
    FinalCluster& into = kept[static_cast<size_t>(it->second)];
    into.count += f.count;
    if (f.stats && into.stats) into.stats->merge(*f.stats);
    else if (f.stats) into.stats = std::move(f.stats);
  }
  final_ = std::move(kept);
  return moved;
}

// The id of a sub that has no line in this window: its template's, or the remembered template's
// that describes it (so a member of an earlier merge does not turn the merged id into an alias).
std::string DrainEngine::absent_id(const Group& g, const Sub& s, const std::vector<bool>& enum_pos) const {
  const std::vector<TemplateToken> t = sub_template(g, s, enum_pos);
  std::vector<int> at;
  if (const KnownTemplates::Entry* k = known_.cover(t, at)) return k->id;
  return fingerprint(render(masker_, t, true));
}

// This run's clusters describe the next runs' lines; an id that became an alias stands for
// nothing now. As many as the tree may hold, and at least kMinKnownTemplates.
void DrainEngine::remember_templates() {
  constexpr size_t kMinKnownTemplates = 10000;
  known_.begin_run();
  for (const auto& [old_id, now] : aliases_) known_.forget(old_id);
  for (const FinalCluster& f : final_)
    if (f.count > 0) known_.remember(f.id, f.tokens);
  known_.end_run(std::max(params_.max_clusters, kMinKnownTemplates));
}

const FinalCluster* DrainEngine::resolve(const Ref& ref) const {
  if (!ref.ok()) return nullptr;
  auto it = roots_.find(ref.length);
  if (it == roots_.end()) return nullptr;
  const Group& g = *it->second.groups[ref.group];
  const Sub& s = g.subs[sub_root(g, ref.sub)];
  if (g.evicted || s.retired_index >= 0) {
    size_t base = final_.size() - retired_.size();
    return s.retired_index >= 0 ? &final_[base + s.retired_index] : nullptr;
  }
  return s.final_index >= 0 ? &final_[s.final_index] : nullptr;
}

std::vector<std::pair<std::string, std::string>> DrainEngine::aliases() const { return aliases_; }

}  // namespace gardener::drain
