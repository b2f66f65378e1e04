#include "analysis/link_keys.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

#include <xxhash.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace gardener {
inline namespace v1 {
namespace {

struct KeyName {
  std::string_view text;  // lower case, as it appears before the value
  std::string_view key;   // canonical key
};

// Longer names first so "connection_id" wins over "connection".
constexpr std::array<KeyName, 16> kNames{{
    {"x-request-id", "request"},     {"correlation_id", "correlation"}, {"correlation-id", "correlation"},
    {"connection_id", "connection"}, {"request_id", "request"},         {"request-id", "request"},
    {"requestid", "request"},        {"session_id", "session"},         {"trace_id", "trace"},
    {"trace-id", "trace"},           {"traceid", "trace"},              {"conn_id", "connection"},
    {"connection", "connection"},    {"session", "session"},            {"request", "request"},
    {"trace", "trace"},
}};
// message_start() looks for a name only where the text ends in one of these letters.
constexpr bool may_end_name(char c) { return c == 'd' || c == 'n' || c == 't' || c == 'e'; }
static_assert(std::all_of(kNames.begin(), kNames.end(), [](const KeyName& n) { return may_end_name(n.text.back()); }));

// ASCII only, without the locale calls of <cctype>: this runs on every byte of every clustered line.
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool word_char(char c) { return alnum(c) || c == '_'; }
bool id_char(char c) { return alnum(c) || c == '_' || c == '-'; }
bool separator(char c) { return c == ' ' || c == '=' || c == ':' || c == '"' || c == '\'' || c == '\\'; }

bool starts_with_lower(std::string_view text, size_t at, std::string_view name) {
  if (text.size() - at < name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (lower(text[at + i]) != name[i]) return false;
  }
  return true;
}

// The id after a key name: separators (at least one, at most a few), then id characters; a dot
// belongs to the id only when an id character follows ("a.b" yes, "abc..." no).
std::string_view value_after(std::string_view text, size_t at) {
  size_t p = at, skipped = 0;
  while (p < text.size() && separator(text[p]) && skipped < 8) ++p, ++skipped;
  if (skipped == 0) return {};
  size_t start = p;
  while (p < text.size() && p - start < 128) {
    if (id_char(text[p])) {
      ++p;
    } else if (text[p] == '.' && p + 1 < text.size() && id_char(text[p + 1])) {
      ++p;
    } else {
      break;
    }
  }
  if (p < text.size() && text[p] == '.' && p + 1 < text.size() && text[p + 1] == '.') return {};  // truncated stub
  return text.substr(start, p - start);
}

// Every key name starts with one of these four bytes (lower case); OR-ing 0x20 lowers letters
// and leaves '-' alone, so a name match implies a prefix match here (a necessary condition that
// skips the name loop for the many words starting with c, r, s or t).
bool maybe_name(std::string_view text, size_t at) {
  if (text.size() - at < 5) return false;  // the shortest name has 5 bytes
  auto word4 = [](const char* p) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(p[k])) << (8 * k);
    return v;
  };
  const uint32_t w = word4(text.data() + at) | 0x20202020u;
  static const uint32_t kPrefixes[] = {word4("x-re"), word4("corr"), word4("conn"),
                                       word4("requ"), word4("sess"), word4("trac")};
  for (uint32_t p : kPrefixes)
    if (w == p) return true;
  return false;
}

}  // namespace

bool looks_like_id(std::string_view v) {
  if (v.size() < 6 || v.size() > 128) return false;
  bool digit = false;
  for (char c : v) digit = digit || std::isdigit(static_cast<unsigned char>(c));
  return digit && v.find("REDACTED") == std::string_view::npos;
}

namespace {

// First letters of the key names, either case.
constexpr auto kFirst = [] {
  std::array<bool, 256> t{};
  for (char c : std::string_view("crtsxCRTSX")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// The next position >= i that may start a key name: where one of the names' first four bytes
// (x-re, corr, conn, requ, sess, trac) starts, either case (OR-ing 0x20 lowers letters and leaves
// '-' alone). Only a necessary condition: the caller still checks the names. 32 bytes a step with
// AVX2 (picked at run time), 16 with SSE2, byte by byte on the first letter otherwise. Matching the
// four bytes exactly, not a class of letters at each, keeps words like "terminated" or "sent"
// from stopping the scan.
#if defined(__x86_64__)
// a, b, c, d at p equal w, x, y, z (the vector operations passed in)
#define GARDENER_IS4(AND, EQ, SET1, w, x, y, z) \
  AND(AND(EQ(a, SET1(w)), EQ(b, SET1(x))), AND(EQ(c, SET1(y)), EQ(d, SET1(z))))
#define GARDENER_LINK_KEYS_SIMD(NAME, TARGET, VEC, LOAD, OR, AND, EQ, SET1, MOVEMASK)                     \
  TARGET static inline unsigned NAME(const char* p) {                                                   \
    const VEC low = SET1(0x20);                                                                          \
    const VEC a = OR(LOAD(reinterpret_cast<const VEC*>(p)), low);                                        \
    const VEC b = OR(LOAD(reinterpret_cast<const VEC*>(p + 1)), low);                                    \
    const VEC c = OR(LOAD(reinterpret_cast<const VEC*>(p + 2)), low);                                    \
    const VEC d = OR(LOAD(reinterpret_cast<const VEC*>(p + 3)), low);                                    \
    const VEC co = AND(EQ(a, SET1('c')), EQ(b, SET1('o')));                                              \
    const VEC co_names = AND(co, OR(AND(EQ(c, SET1('r')), EQ(d, SET1('r'))),                            \
                                    AND(EQ(c, SET1('n')), EQ(d, SET1('n')))));                           \
    const VEC others = OR(OR(GARDENER_IS4(AND, EQ, SET1, 'x', '-', 'r', 'e'),                          \
                             GARDENER_IS4(AND, EQ, SET1, 'r', 'e', 'q', 'u')),                          \
                          OR(GARDENER_IS4(AND, EQ, SET1, 's', 'e', 's', 's'),                          \
                             GARDENER_IS4(AND, EQ, SET1, 't', 'r', 'a', 'c')));                         \
    const VEC any = OR(co_names, others);                                                                \
    return static_cast<unsigned>(MOVEMASK(any));                                                         \
  }
GARDENER_LINK_KEYS_SIMD(candidates16, , __m128i, _mm_loadu_si128, _mm_or_si128, _mm_and_si128, _mm_cmpeq_epi8,
                        _mm_set1_epi8, _mm_movemask_epi8)
GARDENER_LINK_KEYS_SIMD(candidates32, __attribute__((target("avx2"))), __m256i, _mm256_loadu_si256, _mm256_or_si256,
                        _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_set1_epi8, _mm256_movemask_epi8)
#undef GARDENER_LINK_KEYS_SIMD
#undef GARDENER_IS4

// Windows of `width` bytes from i; the last full window is looked at again for the tail, without
// the positions already seen (past it fewer than 5 bytes are left, too few for any name).
template <size_t width, unsigned (*candidates)(const char*)>
size_t next_candidate_in_windows(std::string_view text, size_t i) {
  constexpr size_t span = width + 3;  // each window reads 3 bytes past its end
  const size_t n = text.size();
  for (; i + span <= n; i += width)
    if (unsigned m = candidates(text.data() + i)) return i + static_cast<size_t>(__builtin_ctz(m));
  if (n < span || i >= n) return i;  // i == n, or too short for one window: the caller's loop
  const size_t w = n - span;
  if (i - w >= width) return n;  // the windows reached the last 3 bytes, too few for a name
  const unsigned m = candidates(text.data() + w) & (~0u << (i - w));
  return m ? w + static_cast<size_t>(__builtin_ctz(m)) : n;
}
#endif

size_t next_candidate(std::string_view text, size_t i) {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2 && text.size() >= i + 35) return next_candidate_in_windows<32, candidates32>(text, i);
  if (text.size() >= i + 19) return next_candidate_in_windows<16, candidates16>(text, i);
#endif
  while (i < text.size() && !kFirst[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

}  // namespace

void scan_link_keys(std::string_view text, const std::function<void(std::string_view, std::string_view)>& found) {
  for (size_t i = next_candidate(text, 0); i < text.size(); i = next_candidate(text, i + 1)) {
    if (!kFirst[static_cast<unsigned char>(text[i])]) continue;
    char c = lower(text[i]);
    if (i > 0 && word_char(text[i - 1])) continue;
    if (!maybe_name(text, i)) continue;
    for (const auto& name : kNames) {
      if (name.text[0] != c || !starts_with_lower(text, i, name.text)) continue;
      size_t end = i + name.text.size();
      if (end < text.size() && (word_char(text[end]) || text[end] == '-')) continue;  // "connection_state"
      auto value = value_after(text, end);
      if (looks_like_id(value)) found(name.key, value);
      i = end - 1;
      break;
    }
  }
}

namespace {

using Found = std::function<void(std::string_view, std::string_view)>;

// scan_link_keys(), unless the text was seen lately. Logs repeat their messages, and most name no
// key or one: each thread remembers the hashes of recent texts with the key they had, if any, and
// answers them again without the scan (hashing costs a fifth of it). A text is only taken for
// another on a 64-bit hash collision, the odds cluster ids live with too. Texts with two keys or
// more are scanned each time.
constexpr size_t kRemembered = 1 << 16;  // 1 MB a thread
constexpr std::array<std::string_view, 5> kKeys{"request", "correlation", "connection", "session", "trace"};
constexpr uint8_t kNoKey = 0xff;

static_assert(std::all_of(kNames.begin(), kNames.end(), [](const KeyName& n) {
  return std::find(kKeys.begin(), kKeys.end(), n.key) != kKeys.end();
}));

struct Remembered {
  uint64_t hash = 0;      // 0: an empty slot
  uint16_t offset = 0;    // the value in the text
  uint8_t length = 0;
  uint8_t key = kNoKey;   // index in kKeys
};
static_assert(sizeof(Remembered) == 16);

// Four ways in one cache line (aligned: a plain vector of slots is only 16-byte aligned, and its
// sets would straddle two lines). With one way, texts that share a slot evict each other on every line.
struct alignas(64) RememberedSet {
  std::array<Remembered, 4> ways;
};
constexpr size_t kSets = kRemembered / 4;

RememberedSet& remembered_set(uint64_t h) {
  // initial-exec: libgardener is loaded with the program, so its thread_locals sit in the static
  // TLS block, reached without a call to __tls_get_addr on every line.
  thread_local std::vector<RememberedSet> sets __attribute__((tls_model("initial-exec")))(kSets);
  return sets[(h >> 2) & (kSets - 1)];  // not the low bit: the caller sets it (0 marks an empty slot)
}

// `hash` is the text's XXH3-64 hash when the caller has it, else 0: the hash Record::tokens_of
// holds, so prefetch_link_keys() can ask for the slot by it.
void scan_remembered(std::string_view text, const Found& found, uint64_t hash) {
  const uint64_t h = (hash ? hash : XXH3_64bits(text.data(), text.size())) | 1;  // never 0, the empty slot
  Remembered* set = remembered_set(h).ways.data();
  Remembered* slot = nullptr;
  for (size_t w = 0; w < 4; ++w) {
    if (set[w].hash == h) {
      const Remembered& r = set[w];
      if (r.key != kNoKey && size_t{r.offset} + r.length <= text.size())  // a colliding hash stays in bounds
        found(kKeys[r.key], text.substr(r.offset, r.length));
      return;
    }
    if (!slot && set[w].hash == 0) slot = &set[w];
  }
  if (!slot) slot = &set[(h >> 61) & 3];  // full: one at random (the hash's top bits)
  size_t keys = 0;
  Remembered seen{h, 0, 0, kNoKey};
  scan_link_keys(text, [&](std::string_view key, std::string_view value) {
    const size_t offset = static_cast<size_t>(value.data() - text.data());
    const auto k = std::find(kKeys.begin(), kKeys.end(), key);
    if (++keys == 1 && k != kKeys.end() && offset <= UINT16_MAX && value.size() <= UINT8_MAX)
      seen = {h, static_cast<uint16_t>(offset), static_cast<uint8_t>(value.size()), static_cast<uint8_t>(k - kKeys.begin())};
    found(key, value);
  });
  if (keys == 0 || (keys == 1 && seen.key != kNoKey)) *slot = seen;
}

// Where the message starts in a text line's raw entry, when the line splits into its own fields
// (different on every line: the time) and the message (which repeats), and scanning the two apart
// finds exactly what scanning the line finds: the message ends the line, no value can run on from
// the fields into it, and no key name ends the fields (its value would be the message's start).
// npos when the raw entry must be scanned whole (JSON entries, messages rewritten since).
size_t message_start(std::string_view raw, std::string_view msg) {
  constexpr size_t npos = std::string_view::npos;
  if (msg.empty() || raw.size() <= msg.size() || raw.substr(raw.size() - msg.size()) != msg) return npos;
  const size_t at = raw.size() - msg.size();
  if (id_char(raw[at - 1]) || raw[at - 1] == '.') return npos;
  size_t end = at;
  for (size_t k = 0; k < 8 && end > 0 && separator(raw[end - 1]); ++k) --end;
  // Every name ends in d, n, t or e ("request_id", "session", "request", "trace").
  if (end == 0 || !may_end_name(lower(raw[end - 1]))) return at;
  for (const auto& name : kNames) {
    if (end < name.text.size()) continue;
    if (starts_with_lower(raw, end - name.text.size(), name.text)) return npos;
  }
  return at;
}

}  // namespace

// The message's memo slot, by the hash its tokens carry (XXH3-64, as scan_remembered() hashes it).
// Only a hint: a stale hash asks for the wrong slot, which costs nothing but the request.
void prefetch_link_keys(const Record& r) {
  __builtin_prefetch(&remembered_set(r.tokens_of | 1));
}

void extract_link_keys(const Record& r, const std::function<void(std::string_view, std::string_view)>& found,
                       uint64_t message_hash) {
  if (!r.trace.empty()) {
    std::string_view t = r.trace;
    auto slash = t.rfind('/');
    found("trace", slash == std::string_view::npos ? t : t.substr(slash + 1));
  }
  for (const auto& [k, v] : r.labels) {
    std::string lowered;
    for (char c : k) lowered += lower(c);
    for (const auto& name : kNames) {
      if (lowered == name.text && name.text.find_first_of("_-") != std::string_view::npos && looks_like_id(v)) {
        found(name.key, v);
        break;
      }
    }
  }
  // The raw entry holds the message and the payload's fields; plain-text records only the message.
  if (r.raw.empty()) return scan_remembered(r.message, found, message_hash);
  const std::string_view raw = r.raw;
  const size_t at = message_start(raw, r.message);
  if (at == std::string_view::npos) return scan_link_keys(raw, found);
  scan_link_keys(raw.substr(0, at), found);  // the line's own fields: time, level, component
  scan_remembered(r.message, found, message_hash);
}

}  // namespace v1
}  // namespace gardener
