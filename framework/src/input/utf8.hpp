#pragma once
#include <string>
#include <string_view>

namespace gardener::detail {

/// True when `text` is valid UTF-8 (ASCII by words of eight bytes, else simdjson's validator).
bool valid_utf8(std::string_view text);
/// Copies `text` with every invalid byte sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

}  // namespace gardener::detail
