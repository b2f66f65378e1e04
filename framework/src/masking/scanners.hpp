#pragma once
// Hand scanners for the structured values the masker recognises. Each returns the length of the
// value starting at `s` (0 when there is none); they never look behind, so they compose.
#include <cstddef>
#include <string_view>

#include <gardener/masking.hpp>

namespace gardener::masking {

// Character classes by table: these run on every byte of every line.
enum CharClass : unsigned char {
  kDigit = 1, kAlpha = 2, kHex = 4, kSpace = 8, kWord = 16, kSlash = 32, kDot = 64, kAlphaNonHex = 128
};
struct CharTable {
  unsigned char c[256]{};
  constexpr CharTable() {
    for (int i = 0; i < 256; ++i) {
      unsigned char v = 0;
      if (i >= '0' && i <= '9') v |= kDigit | kHex | kWord;
      if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')) v |= kAlpha | kWord;
      if ((i >= 'a' && i <= 'f') || (i >= 'A' && i <= 'F')) v |= kHex;
      if (i == ' ' || i == '\t' || i == '\n' || i == '\r' || i == '\v' || i == '\f') v |= kSpace;
      if (i == '_' || i == '-' || i == '.' || i == '/' || i >= 0x80) v |= kWord;
      if (i == '/') v |= kSlash;
      if (i == '.') v |= kDot;
      if ((v & (kAlpha | kHex)) == kAlpha) v |= kAlphaNonHex;
      c[i] = v;
    }
  }
};
inline constexpr CharTable kChars{};
inline bool has_class(char c, unsigned char cls) { return kChars.c[static_cast<unsigned char>(c)] & cls; }

inline bool is_digit(char c) { return has_class(c, kDigit); }
inline bool is_alpha(char c) { return has_class(c, kAlpha); }
inline bool is_alnum(char c) { return has_class(c, kDigit | kAlpha); }
/// A word of ASCII letters alone, not empty.
inline bool letters_only(std::string_view w) {
  for (char c : w)
    if (!is_alpha(c)) return false;
  return !w.empty();
}
inline bool is_hex(char c) { return has_class(c, kHex); }
inline bool is_space(char c) { return has_class(c, kSpace); }
/// Characters that stay inside a token: letters, digits, `_ - . /` and any non-ASCII byte.
inline bool is_word(char c) { return has_class(c, kWord); }

/// Where a chunk-level value (URL, path) ends: whitespace, quotes, brackets, comma.
size_t chunk_end(std::string_view s, size_t from);

size_t scan_url(std::string_view s);
/// A "/" alone before whitespace, a quote or the end: the root directory ("GET / HTTP/1.1").
bool root_directory(std::string_view s);
size_t scan_path(std::string_view s);
size_t scan_ipv4(std::string_view s);   // with optional :port
size_t scan_mac(std::string_view s);    // 86:50:f2:a8:8b:4a, or more groups (typed IP: an address)
size_t scan_ipv6(std::string_view s);   // with optional [..]:port
size_t scan_uuid(std::string_view s);
size_t scan_email(std::string_view s);
/// Numeric date/time forms; sets `is_date` when it is a date without a time of day.
size_t scan_timestamp(std::string_view s, bool& is_date);
/// "Sun Jul 17 15:09:13 2005", "Jul 17 2005", "Jul 17, 2005 10:00:01", "Mon Dec 5 10:20:30 UTC 2005",
/// "22 Jul 2005", "Sun, 06 Nov 1994 08:49:37 GMT".
size_t scan_word_date(std::string_view s);
/// Whether a word of letters is a month or weekday name (it may start a date in words).
bool is_date_word(std::string_view w);
/// A number followed by a unit ("13.56ms", "30 sec", "5.2 KB", "75%"); sets the type.
size_t scan_number_unit(std::string_view s, TokenType& type);
/// What a word is made of: the union of its bytes' classes and its dots (the tokenizer collects
/// it while it finds the word's end, so classifying needs no second pass).
struct WordShape {
  unsigned char any = 0;
  size_t dots = 0;
  void add(unsigned char cls) {
    any |= cls;
    dots += (cls & kDot) != 0;
  }
};
/// Whether rest[0, j) is a host name of two or more labels, the last of 2-6 lower-case letters,
/// followed by `:port` ("github.com:443"; one of three or more labels is a NAME anyway). Source
/// files and methods before a line number ("Foo.java:12", "Stub.onTransact:88") are not.
bool is_host_port(std::string_view rest, size_t j);
/// Classifies a word token (after the structured scanners failed).
TokenType classify_word(std::string_view w, WordShape shape);
TokenType classify_word(std::string_view w);

}  // namespace gardener::masking
