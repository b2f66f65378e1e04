#pragma once
// Rule files: TOML with `[[rule]]` tables, read with toml++ so every error names the file, line
// and column.
#include <gardener/options.hpp>

#include <map>
#include <string>

namespace gardener::regex_rules {

struct RuleFile {
  std::string path;                              // as shown to the user
  Json rules;                                    // the `rule` array, or null when the file failed
  std::map<std::string, std::string> locations;  // "rule[2].match.module" -> "path:12:3"
  std::string error;                             // unreadable file or TOML syntax error, with location
  std::vector<std::pair<std::string, std::string>> unknown_keys;  // top-level keys other than `rule`
};

/// Reads `path` (relative paths against `base_dir`).
RuleFile load_rule_file(const std::string& path, const std::string& base_dir);

/// The location of `path` or of its nearest located parent ("rule[2].match" for
/// "rule[2].match.module[1]"), or the file itself.
std::string locate(const RuleFile& file, std::string path);

}  // namespace gardener::regex_rules
