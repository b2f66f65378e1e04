// Loading rule files with toml++ (see rule_files.hpp).
#include "rule_files.hpp"

#include <toml++/toml.h>

#include <filesystem>

namespace gardener::regex_rules {

namespace {

std::string where(const std::string& file, const toml::source_region& src) {
  return file + ":" + std::to_string(src.begin.line) + ":" + std::to_string(src.begin.column);
}

/// Converts a TOML node to JSON, recording where each path was written.
Json convert(const toml::node& node, const std::string& path, RuleFile& out) {
  if (!path.empty()) out.locations[path] = where(out.path, node.source());
  if (auto* t = node.as_table()) {
    Json obj = Json::object();
    for (const auto& [key, value] : *t) {
      std::string sub = path.empty() ? std::string(key.str()) : path + "." + std::string(key.str());
      out.locations[sub] = where(out.path, key.source());
      obj[std::string(key.str())] = convert(value, sub, out);
      // The value's own position is more precise than the key's for arrays and strings.
      if (!value.is_table()) out.locations[sub] = where(out.path, key.source());
    }
    return obj;
  }
  if (auto* a = node.as_array()) {
    Json arr = Json::array();
    for (size_t i = 0; i < a->size(); ++i) arr.push_back(convert(*a->get(i), path + "[" + std::to_string(i) + "]", out));
    return arr;
  }
  if (auto* s = node.as_string()) return s->get();
  if (auto* i = node.as_integer()) return i->get();
  if (auto* f = node.as_floating_point()) return f->get();
  if (auto* b = node.as_boolean()) return b->get();
  return Json();  // dates and times: not used by rules, reported as a type error by the reader
}

}  // namespace

RuleFile load_rule_file(const std::string& path, const std::string& base_dir) {
  RuleFile out;
  out.path = path;
  std::filesystem::path p = path;
  if (p.is_relative() && !base_dir.empty()) p = std::filesystem::path(base_dir) / p;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) {
    out.error = "cannot read rule file " + p.string() +
                "; check the path (relative paths resolve against the pipeline file's directory)";
    return out;
  }
  toml::table doc;
  try {
    doc = toml::parse_file(p.string());
  } catch (const toml::parse_error& e) {
    out.error = where(path, e.source()) + ": " + std::string(e.description());
    return out;
  }
  for (const auto& [key, value] : doc)
    if (key.str() != "rule") out.unknown_keys.emplace_back(std::string(key.str()), where(path, key.source()));
  out.locations[""] = path;
  if (auto* rules = doc.get("rule"))
    out.rules = convert(*rules, "rule", out);
  else
    out.rules = Json::array();
  return out;
}

std::string locate(const RuleFile& file, std::string path) {
  while (!path.empty()) {
    auto it = file.locations.find(path);
    if (it != file.locations.end()) return it->second;
    size_t cut = path.find_last_of(".[");
    path = cut == std::string::npos ? std::string() : path.substr(0, cut);
  }
  return file.path;
}

}  // namespace gardener::regex_rules
