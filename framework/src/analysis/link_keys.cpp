#include "analysis/link_keys.hpp"

#include <array>
#include <cctype>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
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

// The next position >= i that may start a key name: 16 bytes a step where SSE2 exists (first
// letter in c r s t x, second in o e r -, third in r n q s a, fourth in e r n u s c, either case), byte by byte on the first letter
// otherwise. Only a necessary condition: the caller still checks the names.
size_t next_candidate(std::string_view text, size_t i) {
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(0x20);
  auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  auto any = [](__m128i a, __m128i b) { return _mm_or_si128(a, b); };
  // Bit k set: a name may start at p + k.
  auto candidates = [&](const char* p) {
    __m128i a = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), low);
    __m128i b = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)), low);
    __m128i first = any(any(any(eq(a, 'c'), eq(a, 'r')), any(eq(a, 's'), eq(a, 't'))), eq(a, 'x'));
    __m128i c = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2)), low);
    __m128i second = any(any(eq(b, 'o'), eq(b, 'e')), any(eq(b, 'r'), eq(b, '-')));
    __m128i third = any(any(any(eq(c, 'r'), eq(c, 'n')), any(eq(c, 'q'), eq(c, 's'))), eq(c, 'a'));
    // Fourth letter of x-re, corr, conn, requ, sess, trac: most words with a matching start end here.
    __m128i d = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 3)), low);
    __m128i fourth = any(any(any(eq(d, 'e'), eq(d, 'r')), any(eq(d, 'n'), eq(d, 'u'))), any(eq(d, 's'), eq(d, 'c')));
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_and_si128(first, second), _mm_and_si128(third, fourth))));
  };
  const size_t n = text.size();
  for (; i + 19 <= n; i += 16)
    if (unsigned m = candidates(text.data() + i)) return i + static_cast<size_t>(__builtin_ctz(m));
  if (n >= 19 && i < n) {
    // The tail: the last full window again, without the positions already looked at. Past it
    // fewer than 5 bytes are left, too few for any name.
    const size_t w = n - 19;
    unsigned m = candidates(text.data() + w) & (~0u << (i - w));
    return m ? w + static_cast<size_t>(__builtin_ctz(m)) : n;
  }
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

void extract_link_keys(const Record& r, const std::function<void(std::string_view, std::string_view)>& found) {
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
  scan_link_keys(r.raw.empty() ? std::string_view(r.message) : std::string_view(r.raw), found);
}

}  // namespace v1
}  // namespace gardener
