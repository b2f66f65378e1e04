// UTF-8 validation of input lines: the ASCII shortcut and simdjson agree on every position of a
// bad or a multi-byte sequence, across the eight-byte words the shortcut reads.
#include <gtest/gtest.h>

#include <string>

#include "input/utf8.hpp"

using gardener::detail::valid_utf8;

TEST(Utf8, AsciiAndMultiByteTextIsValidWhereverItsBytesFall) {
  EXPECT_TRUE(valid_utf8(""));
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string a(pad, 'a');
    EXPECT_TRUE(valid_utf8(a + " plain ascii line of some length")) << pad;
    EXPECT_TRUE(valid_utf8(a + "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")) << pad;  // é € 😀
    EXPECT_FALSE(valid_utf8(a + "caf\xC3 text")) << pad;                             // cut sequence
    EXPECT_FALSE(valid_utf8(a + "\xFF")) << pad;                                      // in the tail
    EXPECT_FALSE(valid_utf8(a + "\xC0\xAF overlong")) << pad;
    EXPECT_FALSE(valid_utf8(a + "\xED\xA0\x80 surrogate")) << pad;
  }
}
