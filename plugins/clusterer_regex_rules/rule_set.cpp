// Rule parsing, validation and multi-pattern matching (see rule_set.hpp).
#include "rule_set.hpp"

#include <gardener/errors.hpp>

#include <algorithm>
#include <set>

namespace gardener::regex_rules {

namespace {

const std::set<std::string> kRuleKeys = {"id",     "title",     "priority", "impact", "match",
                                         "labels", "exclusive", "action",   "assignees", "min_severity"};
const std::set<std::string> kPlainFields = {"message", "module", "function", "logger", "severity"};

struct RuleReader {
  const RuleErrorFn& error;
  size_t errors = 0;

  void fail(const std::string& path, const std::string& message) {
    ++errors;
    error(path, message);
  }

  std::optional<std::string> string_at(const Json& rule, const std::string& key, const std::string& path) {
    if (!rule.contains(key)) return std::nullopt;
    if (!rule[key].is_string()) {
      fail(path + "." + key, "must be a string");
      return std::nullopt;
    }
    return rule[key].get<std::string>();
  }

  std::vector<std::string> strings_at(const Json& rule, const std::string& key, const std::string& path) {
    std::vector<std::string> out;
    if (!rule.contains(key)) return out;
    const Json& v = rule[key];
    if (v.is_string()) return {v.get<std::string>()};
    if (v.is_array() && std::all_of(v.begin(), v.end(), [](const Json& e) { return e.is_string(); })) {
      for (const auto& e : v) out.push_back(e.get<std::string>());
      return out;
    }
    fail(path + "." + key, "must be a string or an array of strings");
    return out;
  }

  /// A pattern or list of patterns, each checked with RE2.
  void read_patterns(const Json& v, const std::string& field, const std::string& path, Rule& rule) {
    std::vector<std::string> patterns;
    if (v.is_string()) {
      patterns.push_back(v.get<std::string>());
    } else if (v.is_array() && !v.empty() && std::all_of(v.begin(), v.end(), [](const Json& e) { return e.is_string(); })) {
      for (const auto& e : v) patterns.push_back(e.get<std::string>());
    } else {
      fail(path, "must be a pattern (string) or a non-empty array of patterns");
      return;
    }
    for (size_t i = 0; i < patterns.size(); ++i) {
      std::string problem = PatternSet::check(patterns[i]);
      std::string at = v.is_array() ? path + "[" + std::to_string(i) + "]" : path;
      if (!problem.empty()) fail(at, "invalid regex `" + patterns[i] + "`: " + problem + " (RE2 syntax)");
    }
    rule.conditions.emplace_back(field, std::move(patterns));
  }

  void read_label_table(const Json& table, const std::string& prefix, const std::string& path, Rule& rule) {
    if (!table.is_object() || table.empty()) {
      fail(path, "must be a table of label = pattern, e.g. " + prefix + ".service_name = 'netra-.*'");
      return;
    }
    for (auto it = table.begin(); it != table.end(); ++it)
      read_patterns(it.value(), prefix + "." + it.key(), path + "." + it.key(), rule);
  }

  void read_match(const Json& match, const std::string& path, Rule& rule) {
    if (!match.is_object()) {
      fail(path, "must be a table (match.message = '...', match.module = '...')");
      return;
    }
    for (auto it = match.begin(); it != match.end(); ++it) {
      const std::string& key = it.key();
      std::string at = path + "." + key;
      if (kPlainFields.count(key)) {
        read_patterns(it.value(), key, at, rule);
      } else if (key == "resource" || key == "labels") {
        read_label_table(it.value(), key, at, rule);
      } else {
        fail(at, "unknown match field `" + key +
                     "`; allowed: message, module, function, logger, severity, resource.<label>, labels.<label>");
      }
    }
  }

  void read_priority(const Json& j, const std::string& path, Rule& rule) {
    auto p = string_at(j, "priority", path);
    if (!p) return;
    if (*p != "P0" && *p != "P1" && *p != "P2" && *p != "P3")
      fail(path + ".priority", "unknown priority `" + *p + "`; use P0, P1, P2 or P3");
    else
      rule.priority = *p;
  }

  void read_behaviour(const Json& j, const std::string& path, Rule& rule) {
    if (j.contains("exclusive")) {
      if (j["exclusive"].is_boolean())
        rule.exclusive = j["exclusive"].get<bool>();
      else
        fail(path + ".exclusive", "must be true or false");
    }
    if (auto action = string_at(j, "action", path)) {
      if (*action == "drop")
        rule.drop = true;
      else if (*action != "claim")
        fail(path + ".action", "unknown action `" + *action + "`; use \"claim\" (default) or \"drop\"");
    }
    if (rule.drop && !rule.exclusive) fail(path + ".action", "a drop rule must be exclusive (remove exclusive = false)");
    if (auto sev = string_at(j, "min_severity", path)) {
      rule.min_severity = parse_severity(*sev);
      if (!rule.min_severity) fail(path + ".min_severity", "unknown severity `" + *sev + "`; use e.g. WARNING or ERROR");
    }
  }

  std::optional<Rule> read(const Json& j, const std::string& path) {
    size_t before = errors;
    if (!j.is_object()) {
      fail(path, "must be a table");
      return std::nullopt;
    }
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!kRuleKeys.count(it.key()))
        fail(path + "." + it.key(), "unknown rule key `" + it.key() +
                                        "`; allowed: id, title, priority, impact, match, min_severity, labels, "
                                        "exclusive, action, assignees");
    Rule rule;
    rule.id = string_at(j, "id", path).value_or("");
    if (rule.id.empty()) fail(path + ".id", "every rule needs a non-empty `id` (it becomes the cluster id)");
    rule.title = string_at(j, "title", path).value_or(rule.id);
    rule.impact = string_at(j, "impact", path).value_or("");
    rule.labels = strings_at(j, "labels", path);
    rule.assignees = strings_at(j, "assignees", path);
    read_priority(j, path, rule);
    read_behaviour(j, path, rule);
    if (j.contains("match")) read_match(j["match"], path + ".match", rule);
    if (rule.conditions.empty() && !rule.min_severity)
      fail(path, "rule `" + rule.id + "` matches every line; give it a match condition");
    if (rule.conditions.size() > 32) fail(path + ".match", "at most 32 conditions per rule");
    if (errors != before) return std::nullopt;
    return rule;
  }
};

}  // namespace

size_t parse_rules(const Json& rules, const std::string& origin, std::vector<Rule>& out, const RuleErrorFn& error) {
  RuleReader reader{error};
  if (rules.is_null()) return 0;
  if (!rules.is_array()) {
    reader.fail("rule", "must be an array of tables: write each rule as [[rule]]");
    return reader.errors;
  }
  std::map<std::string, std::string> seen;  // id -> path of its first definition
  for (const auto& r : out) seen.emplace(r.id, r.origin);
  for (size_t i = 0; i < rules.size(); ++i) {
    std::string path = "rule[" + std::to_string(i) + "]";
    auto rule = reader.read(rules[i], path);
    if (!rule) continue;
    auto [it, fresh] = seen.emplace(rule->id, origin + " " + path);
    if (!fresh) {
      reader.fail(path + ".id", "duplicate rule id `" + rule->id + "` (first defined in " + it->second + ")");
      continue;
    }
    rule->origin = origin + " " + path;
    out.push_back(std::move(*rule));
  }
  return reader.errors;
}

// ---- matching ----

struct RuleSet::Field {
  std::string name;
  std::vector<PatternRef> refs;  // pattern id -> rule and condition bit
  std::unique_ptr<PatternSet> patterns;
};

std::string_view field_value(const Record& r, const std::string& field) {
  if (field == "message") return r.message;
  if (field == "module") return r.module;
  if (field == "function") return r.function;
  if (field == "logger") return r.logger;
  if (field == "severity") return severity_name(r.severity);
  if (field.starts_with("resource.")) return label_value(r.resource_labels, std::string_view(field).substr(9));
  if (field.starts_with("labels.")) return label_value(r.labels, std::string_view(field).substr(7));
  return {};
}

RuleSet::RuleSet(std::vector<Rule> rules) : rules_(std::move(rules)) {
  std::map<std::string, size_t> field_index;
  std::vector<std::vector<std::string>> field_patterns;
  required_.assign(rules_.size(), 0);
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    const auto& conditions = rules_[r].conditions;
    if (conditions.empty()) unconditional_.push_back(r);
    for (uint32_t c = 0; c < conditions.size(); ++c) {
      const auto& [field, patterns] = conditions[c];
      auto [it, fresh] = field_index.emplace(field, fields_.size());
      if (fresh) {
        fields_.push_back(Field{field, {}, nullptr});
        field_patterns.emplace_back();
      }
      uint32_t bit = 1u << c;
      required_[r] |= bit;
      for (const auto& p : patterns) {
        fields_[it->second].refs.push_back({r, bit});
        field_patterns[it->second].push_back(p);
      }
    }
  }
  for (size_t f = 0; f < fields_.size(); ++f) fields_[f].patterns = std::make_unique<PatternSet>(field_patterns[f]);
}

RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

RuleSet::Matcher::Matcher(const RuleSet& set) : set_(set), masks_(set.rules_.size(), 0) {
  for (const auto& f : set.fields_) scanners_.push_back(std::make_unique<PatternSet::Scanner>(*f.patterns));
}
RuleSet::Matcher::~Matcher() = default;

void RuleSet::Matcher::match(const Record& record, Verdict& out) {
  out.claimed = -1;
  out.tagging.clear();
  for (size_t f = 0; f < set_.fields_.size(); ++f) {
    const auto& field = set_.fields_[f];
    scanners_[f]->scan(field_value(record, field.name), hits_);
    for (uint32_t id : hits_) {
      const auto& ref = field.refs[id];
      if (masks_[ref.rule] == 0) touched_.push_back(ref.rule);
      masks_[ref.rule] |= ref.bit;
    }
  }
  touched_.insert(touched_.end(), set_.unconditional_.begin(), set_.unconditional_.end());
  std::sort(touched_.begin(), touched_.end());  // file order: the first matching rule wins
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
  for (uint32_t r : touched_) {
    const Rule& rule = set_.rules_[r];
    bool ok = masks_[r] == set_.required_[r] &&
              (!rule.min_severity || static_cast<int>(record.severity) >= static_cast<int>(*rule.min_severity));
    if (!ok || out.claimed >= 0) continue;
    if (rule.exclusive)
      out.claimed = static_cast<int>(r);
    else
      out.tagging.push_back(r);
  }
  for (uint32_t r : touched_) masks_[r] = 0;
  touched_.clear();
}

}  // namespace gardener::regex_rules
