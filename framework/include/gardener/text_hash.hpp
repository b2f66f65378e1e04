#pragma once
// Hashing and comparing the short strings of the hot paths (tokens, tree keys, variable values).
// std::hash<std::string_view> calls an out-of-line MurmurHash per lookup and operator== calls
// memcmp; for strings of a few bytes both cost more than the work they guard. These stay inline.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace gardener {
inline namespace v1 {
namespace text {

namespace detail {
inline uint64_t load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// 64x64 -> 128-bit multiply, folded: the mixing step of the wyhash family.
inline uint64_t fold(uint64_t a, uint64_t b) {
  const __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull;
}  // namespace detail

/// A fast, well-mixed hash for hash tables (not stable across versions: never store it).
[[gnu::always_inline]] inline uint64_t hash(std::string_view s) {
  using namespace detail;
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t seed = kP0 ^ n, a = 0, b = 0;
  if (n <= 16) {
    if (n >= 4) {
      const size_t mid = (n >> 3) << 2;  // 0 or 4: two overlapping pairs of 4-byte words
      a = load4(p) << 32 | load4(p + mid);
      b = load4(p + n - 4) << 32 | load4(p + n - 4 - mid);
    } else if (n > 0) {
      a = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
          static_cast<uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8 | static_cast<unsigned char>(p[n - 1]);
    }
  } else {
    size_t i = n;
    for (; i > 16; i -= 16, p += 16) seed = fold(load8(p) ^ kP1, load8(p + 8) ^ seed);
    a = load8(p + i - 16);
    b = load8(p + i - 8);
  }
  return fold(kP1 ^ n, fold(a ^ kP1, b ^ seed));
}

/// a == b without a memcmp call for short strings.
[[gnu::always_inline]] inline bool equal(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char *p = a.data(), *q = b.data();
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (detail::load8(p + i) != detail::load8(q + i)) return false;
    return detail::load8(p + n - 8) == detail::load8(q + n - 8);
  }
  if (n >= 4) return detail::load4(p) == detail::load4(q) && detail::load4(p + n - 4) == detail::load4(q + n - 4);
  for (size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

/// For unordered containers keyed by std::string and looked up by std::string_view.
struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return static_cast<size_t>(hash(s)); }
};
struct Equal {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return equal(a, b); }
};

}  // namespace text
}  // namespace v1
}  // namespace gardener
