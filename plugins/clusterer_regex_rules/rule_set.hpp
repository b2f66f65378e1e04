#pragma once
// Regex rules (issue 4): parsing and validating `[[rule]]` tables, and matching records against
// all of them with one multi-pattern database per matched field, so the cost of a record does
// not grow with the number of rules.
#include <gardener/options.hpp>
#include <gardener/pattern_set.hpp>
#include <gardener/record.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gardener::regex_rules {

struct Rule {
  std::string id;
  std::string title;
  std::string priority;  // P0..P3 or empty (left to the ranker)
  std::string impact;
  std::vector<std::string> labels;
  std::vector<std::string> assignees;
  std::optional<Severity> min_severity;
  bool exclusive = true;  // false: tags matching records, claims nothing
  bool drop = false;      // action = "drop": claimed, counted in lines_dropped, clustered nowhere
  std::string origin;     // "rules/netra.toml:3:1" or "pipeline" for inline rules
  /// Field ("message", "module", "labels.user", ...) -> patterns; all fields must match, any
  /// pattern of a field may.
  std::vector<std::pair<std::string, std::vector<std::string>>> conditions;
};

/// Receives one error: `path` is the rule's path ("rule[2].match.module").
using RuleErrorFn = std::function<void(const std::string& path, const std::string& message)>;

/// Reads the `rule` array (inline in the pipeline, or a rule file converted to JSON) and appends
/// the valid rules to `out`. Every problem goes to `error`; returns the number of errors.
size_t parse_rules(const Json& rules, const std::string& origin, std::vector<Rule>& out, const RuleErrorFn& error);

/// Everything the rules say about one record.
struct Verdict {
  int claimed = -1;                // index of the first exclusive rule that matches, or -1
  std::vector<uint32_t> tagging;   // non-exclusive rules that match, in order
};

class RuleSet {
 public:
  /// Throws ConfigurationError on a duplicate id or a pattern Hyperscan and RE2 both refuse
  /// (parse_rules has already checked each pattern).
  explicit RuleSet(std::vector<Rule> rules);
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  const std::vector<Rule>& rules() const { return rules_; }

  /// Holds the scratch space of every field's database; one per thread and batch.
  class Matcher {
   public:
    explicit Matcher(const RuleSet& set);
    ~Matcher();
    void match(const Record& record, Verdict& out);

   private:
    const RuleSet& set_;
    std::vector<std::unique_ptr<PatternSet::Scanner>> scanners_;
    std::vector<uint32_t> hits_;
    std::vector<uint32_t> masks_;    // per rule: conditions satisfied so far
    std::vector<uint32_t> touched_;  // rules whose mask is non-zero
  };

 private:
  struct Field;
  struct PatternRef {
    uint32_t rule;
    uint32_t bit;
  };
  std::vector<Rule> rules_;
  std::vector<uint32_t> required_;       // per rule: mask of all its conditions
  std::vector<uint32_t> unconditional_;  // rules with no pattern condition (min_severity only)
  std::vector<Field> fields_;
};

/// The text of a matchable field of a record ("message", "resource.service_name", ...).
std::string_view field_value(const Record& record, const std::string& field);

}  // namespace gardener::regex_rules
