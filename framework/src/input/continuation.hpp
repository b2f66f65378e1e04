#pragma once
#include <string_view>

namespace gardener::detail {

/// True when `text` matches one of default_multiline_patterns() (partial match, as RE2 would
/// answer): the same decision without running RE2 on every line. Tested against RE2 in
/// tests/unit/test_input_continuation.cpp.
bool default_continuation(std::string_view text);

}  // namespace gardener::detail
