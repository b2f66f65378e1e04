#include <gardener/report_redaction.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include "two_halves.hpp"

namespace gardener {
inline namespace v1 {
namespace {

constexpr const char* kValueMarker = "[REDACTED]";

// The span of the n-th (1-based) placeholder such as <NUM>, <QUOTED> or <*> in a template.
std::optional<std::pair<size_t, size_t>> placeholder(const std::string& tmpl, size_t n) {
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '<') continue;
    size_t j = i + 1;
    while (j < tmpl.size() && (std::isupper(static_cast<unsigned char>(tmpl[j])) || std::isdigit(static_cast<unsigned char>(tmpl[j])) ||
                               tmpl[j] == '_' || tmpl[j] == '*'))
      ++j;
    if (j == i + 1 || j >= tmpl.size() || tmpl[j] != '>') continue;
    if (--n == 0) return std::make_pair(i, j + 1 - i);
    i = j;
  }
  return std::nullopt;
}

// The placeholder position a variable name ends with ("QUOTED#5" -> 5), 0 when none.
size_t position_of(const std::string& name) {
  size_t hash = name.rfind('#');
  if (hash == std::string::npos || hash + 1 >= name.size()) return 0;
  size_t n = 0;
  for (size_t i = hash + 1; i < name.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return 0;
    n = n * 10 + static_cast<size_t>(name[i] - '0');
  }
  return n;
}

// True when redacting `text` (which holds `value`) removes or alters that value.
bool redacted_in(std::string text, const std::string& value, const Redactor& redactor) {
  if (value.empty() || text.find(value) == std::string::npos) return false;
  redactor.redact_text(text);
  return text.find(value) == std::string::npos;
}

// A value is secret if a detector sees it alone, in a sample that holds it, or in its template.
bool secret_value(const std::string& value, const std::string& tmpl, size_t position,
                  const std::vector<std::string>& evidence, const Redactor& redactor) {
  if (redacted_in(value, value, redactor)) return true;
  for (const auto& text : evidence)
    if (redacted_in(text, value, redactor)) return true;
  if (auto span = position ? placeholder(tmpl, position) : std::nullopt) {
    std::string line = tmpl;
    line.replace(span->first, span->second, value);
    if (redacted_in(line, value, redactor)) return true;
  }
  return false;
}

size_t redact_variables(Cluster& c, const std::vector<std::string>& evidence, const Redactor& redactor,
                        RedactionCounts* counts) {
  size_t n = 0;
  for (auto& v : c.variables) {
    size_t position = position_of(v.name);
    for (auto& top : v.top) {
      if (top.value == kValueMarker || !secret_value(top.value, c.template_text, position, evidence, redactor)) continue;
      top.value = kValueMarker;
      ++n;
      if (counts) ++(*counts)["variable_value"];
    }
  }
  return n;
}

// Values and samples that differed only in what redaction removed are one now: three e-mail
// addresses are one `[REDACTED]` value with their counts summed, and one sample.
void fold_redacted_duplicates(Cluster& c) {
  for (auto& v : c.variables) {
    auto marker = std::find_if(v.top.begin(), v.top.end(), [](const ValueCount& t) { return t.value == kValueMarker; });
    if (marker == v.top.end()) continue;
    const size_t first = static_cast<size_t>(marker - v.top.begin());
    for (size_t i = v.top.size(); i-- > first + 1;)
      if (v.top[i].value == kValueMarker) {
        v.top[first].count += v.top[i].count;
        v.top.erase(v.top.begin() + static_cast<std::ptrdiff_t>(i));
      }
    std::stable_sort(v.top.begin(), v.top.end(), [](const ValueCount& a, const ValueCount& b) { return a.count > b.count; });
  }
  std::vector<Sample> distinct;
  for (auto& s : c.samples)
    if (std::none_of(distinct.begin(), distinct.end(), [&](const Sample& d) { return d.message == s.message; }))
      distinct.push_back(std::move(s));
  c.samples = std::move(distinct);
}

size_t redact_cluster(Cluster& c, const Redactor& redactor, RedactionCounts* counts) {
  // Evidence is taken before anything is redacted: the raw samples show each value's context.
  std::vector<std::string> evidence;
  for (const auto& s : c.samples) {
    evidence.push_back(s.message);
    if (!s.entry.is_null()) evidence.push_back(s.entry.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  size_t n = redact_variables(c, evidence, redactor, counts);
  for (auto* text : {&c.title, &c.template_text, &c.query, &c.impact}) n += redactor.redact_text(*text, counts);
  for (auto& s : c.samples) {
    n += redactor.redact_text(s.message, counts);
    n += redactor.redact_json(s.entry, counts);
  }
  for (auto& k : c.link_keys) n += redactor.redact_text(k.value, counts);
  if (n > 0) fold_redacted_duplicates(c);
  return n;
}

}  // namespace

size_t redact_report(Report& report, const Redactor& redactor, RedactionCounts* counts) {
  size_t n = redaction::in_two_halves(report.clusters.size(), counts, [&](size_t b, size_t e, RedactionCounts* c) {
    size_t k = 0;
    for (size_t i = b; i < e; ++i) k += redact_cluster(report.clusters[i], redactor, c);
    return k;
  });
  for (auto& q : report.quiet) n += redactor.redact_text(q.title, counts);
  for (auto& i : report.incidents) n += redactor.redact_text(i.title, counts);
  return n;
}

}  // namespace v1
}  // namespace gardener
