// Bounded per-cluster statistics shared by every clusterer (design.md §6).
#include <gardener/cluster_stats.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "analysis/link_keys.hpp"

namespace gardener {
inline namespace v1 {

size_t ClusterStats::Counter::slot_of(std::string_view value, uint64_t h) const {
  const size_t mask = slots.size() - 1;
  size_t i = h & mask;
  while (slots[i].count && !(slots[i].hash == h && text::equal(slots[i].value, value))) i = (i + 1) & mask;
  return i;
}

void ClusterStats::Counter::grow() {
  std::vector<Slot> old = std::move(slots);
  slots.assign(std::max<size_t>(8, old.size() * 2), Slot{});
  for (Slot& o : old)
    if (o.count) slots[slot_of(o.value, o.hash)] = std::move(o);
}

void ClusterStats::bump(Counter& c, std::string_view value, size_t max_tracked, uint64_t by) {
  if (value.empty()) return;
  const uint64_t h = text::hash(value);
  if (!c.slots.empty()) {
    Counter::Slot& s = c.slots[c.slot_of(value, h)];
    if (s.count) {
      s.count += by;
      return;
    }
  }
  if (c.tracked >= max_tracked) {
    c.overflow += by;  // saturated: the value is counted, not tracked
    return;
  }
  if (2 * (c.tracked + 1) > c.slots.size()) c.grow();
  c.slots[c.slot_of(value, h)] = Counter::Slot{h, by, std::string(value)};
  ++c.tracked;
}

std::vector<ValueCount> ClusterStats::top(const Counter& c, size_t n) {
  std::vector<ValueCount> all;
  all.reserve(c.tracked);
  c.for_each([&](const std::string& v, uint64_t k) { all.push_back({v, k}); });
  std::sort(all.begin(), all.end(), [](const ValueCount& a, const ValueCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (all.size() > n) all.resize(n);
  return all;
}

namespace {

// Keeps the most severe distinct messages: a new one replaces the least severe (then oldest) sample.
void keep_sample(std::vector<Sample>& samples, size_t max, const Record& r) {
  if (max == 0) return;
  const bool full = samples.size() >= max;
  auto weakest = samples.end();
  if (full) {
    weakest = std::min_element(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) {
      return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
    // Most lines of a busy cluster: full, and no more severe than what it keeps. Nothing changes,
    // so the messages need not be compared.
    if (static_cast<int>(r.severity) <= static_cast<int>(weakest->severity)) return;
  }
  for (const auto& s : samples) {
    if (s.message == r.message) return;
  }
  if (!full)
    samples.push_back({r.timestamp_ns, r.severity, r.message, sample_entry(r)});
  else
    *weakest = {r.timestamp_ns, r.severity, r.message, sample_entry(r)};
}

std::string line_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  return v.dump();
}

}  // namespace

namespace {

// Seconds in which a cluster had lines, kept as internal link keys ("@s") so incidents can tell a
// cluster that always fires next to a linked one from one that merely overlaps it.
constexpr std::string_view kSecondMark = "@s";
constexpr size_t kMaxSecondMarks = 32;

}  // namespace

void ClusterStats::add(const Record& r) { add(r, 0); }

void ClusterStats::add(const Record& r, uint64_t message_hash) {
  bool same_second = count_ > 0 && r.timestamp_ns / kNsPerSecond == last_ / kNsPerSecond;
  ++count_;
  if (first_ == 0 || r.timestamp_ns < first_) first_ = r.timestamp_ns;
  if (r.timestamp_ns > last_) last_ = r.timestamp_ns;
  if (count_ == 1 || static_cast<int>(r.severity) > static_cast<int>(max_severity_)) max_severity_ = r.severity;
  auto rank = static_cast<unsigned>(r.severity);
  if (rank % 100 == 0 && rank / 100 < severity_counts_.size())
    ++severity_counts_[rank / 100];
  else
    ++by_severity_[std::string(severity_name(r.severity))];
  bump(modules_, r.module, limits_.max_tracked_values);
  bump(functions_, r.function, limits_.max_tracked_values);
  bump(revisions_, label_value(r.resource_labels, "revision_name"), limits_.max_tracked_values);
  keep_sample(samples_, limits_.max_samples, r);
  extract_link_keys(
      r, [&](std::string_view key, std::string_view value) { add_link_key(key, value, r.timestamp_ns); }, message_hash);
  if (!same_second) add_link_key(kSecondMark, std::to_string(r.timestamp_ns / kNsPerSecond), r.timestamp_ns);
}

void ClusterStats::prefetch(const Record& r) { prefetch_link_keys(r); }

void ClusterStats::add_variable(size_t position, std::string_view name, std::string_view value) {
  add_variable(position, name, value, 1);
}

void ClusterStats::add_variable(size_t position, std::string_view name, std::string_view value, uint64_t times) {
  if (variables_.size() <= position) variables_.resize(position + 1);
  auto& c = variables_[position];
  if (c.name.empty()) c.name = std::string(name);
  bump(c, value, limits_.max_tracked_values, times);
}

void ClusterStats::add_link_key(std::string_view key, std::string_view value, TimeNs t) {
  // One pass: the entry itself, how many second marks there are, and whether they overflowed
  // (a busy cluster sees a new second on most calls, once its marks are full).
  const bool mark = text::equal(key, kSecondMark);
  size_t marks = 0;
  bool overflow_noted = false;
  for (auto& k : link_keys_) {
    const bool is_mark = text::equal(k.key, kSecondMark);
    marks += is_mark;
    if (is_mark && text::equal(k.value, "overflow")) overflow_noted = true;
    if (is_mark == mark && text::equal(k.value, value) && text::equal(k.key, key)) {
      k.first_seen = std::min(k.first_seen, t);
      k.last_seen = std::max(k.last_seen, t);
      return;
    }
  }
  if (mark && marks >= kMaxSecondMarks) {
    if (!overflow_noted) link_keys_.push_back({std::string(kSecondMark), "overflow", t, t});
    return;
  }
  // Real keys keep their full capacity; the second marks come on top.
  if (mark || link_keys_.size() - marks < limits_.max_link_keys) link_keys_.push_back({std::string(key), std::string(value), t, t});
}

void ClusterStats::fill(Cluster& out) const {
  out.count = count_;
  out.first_seen = first_;
  out.last_seen = last_;
  out.severity = max_severity_;
  out.by_severity = by_severity_;
  for (size_t k = 0; k < severity_counts_.size(); ++k)
    if (severity_counts_[k]) out.by_severity[std::string(severity_name(static_cast<Severity>(k * 100)))] += severity_counts_[k];
  out.samples = samples_;
  std::sort(out.samples.begin(), out.samples.end(), [](const Sample& a, const Sample& b) {
    return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.message < b.message;
  });
  out.modules = top(modules_, limits_.max_top_values);
  out.functions = top(functions_, limits_.max_top_values);
  out.revisions = top(revisions_, limits_.max_top_values);
  out.variables.clear();
  for (size_t i = 0; i < variables_.size(); ++i) {
    const auto& c = variables_[i];
    // fmt, not "#" + std::to_string(i): GCC 12 warns (falsely) on that inlined string insert.
    out.variables.push_back({c.name.empty() ? fmt::format("#{}", i) : c.name, top(c, limits_.max_top_values),
                             static_cast<uint64_t>(c.tracked)});
  }
  out.link_keys.clear();
  Json seconds = Json::array();
  bool complete = true;
  for (const auto& k : link_keys_) {
    if (k.key != kSecondMark) out.link_keys.push_back(k);
    else if (k.value == "overflow") complete = false;
    else seconds.push_back(std::stoll(k.value));
  }
  if (!seconds.empty()) {
    std::sort(seconds.begin(), seconds.end());
    out.extra["active_seconds"] = seconds;
    out.extra["active_seconds_complete"] = complete;
  }
}

void ClusterStats::remap_variables(const std::vector<int>& to, const std::vector<std::string>& names) {
  std::vector<Counter> moved(names.size());
  for (size_t i = 0; i < variables_.size() && i < to.size(); ++i) {
    if (to[i] < 0 || static_cast<size_t>(to[i]) >= moved.size()) continue;
    Counter& into = moved[static_cast<size_t>(to[i])];
    if (into.slots.empty() && into.overflow == 0) {
      into = std::move(variables_[i]);
      continue;
    }
    variables_[i].for_each([&](const std::string& v, uint64_t n) { bump(into, v, limits_.max_tracked_values, n); });
    into.overflow += variables_[i].overflow;
  }
  for (size_t j = 0; j < moved.size(); ++j) moved[j].name = names[j];
  variables_ = std::move(moved);
}

void ClusterStats::merge(const ClusterStats& other) {
  if (other.count_ == 0) return;
  if (count_ == 0 || (other.first_ != 0 && other.first_ < first_)) first_ = other.first_;
  last_ = std::max(last_, other.last_);
  if (count_ == 0 || static_cast<int>(other.max_severity_) > static_cast<int>(max_severity_)) {
    max_severity_ = other.max_severity_;
  }
  count_ += other.count_;
  for (const auto& [s, n] : other.by_severity_) by_severity_[s] += n;
  for (size_t k = 0; k < severity_counts_.size(); ++k) severity_counts_[k] += other.severity_counts_[k];
  auto merge_counter = [&](Counter& into, const Counter& from) {
    from.for_each([&](const std::string& v, uint64_t n) { bump(into, v, limits_.max_tracked_values, n); });
    into.overflow += from.overflow;
    if (into.name.empty()) into.name = from.name;
  };
  merge_counter(modules_, other.modules_);
  merge_counter(functions_, other.functions_);
  merge_counter(revisions_, other.revisions_);
  if (variables_.size() < other.variables_.size()) variables_.resize(other.variables_.size());
  for (size_t i = 0; i < other.variables_.size(); ++i) merge_counter(variables_[i], other.variables_[i]);
  for (const auto& s : other.samples_) {
    bool dup = std::any_of(samples_.begin(), samples_.end(), [&](const Sample& m) { return m.message == s.message; });
    if (dup) continue;
    if (samples_.size() < limits_.max_samples) {
      samples_.push_back(s);
      continue;
    }
    auto weakest = std::min_element(samples_.begin(), samples_.end(), [](const Sample& a, const Sample& b) {
      return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
    if (static_cast<int>(s.severity) > static_cast<int>(weakest->severity)) *weakest = s;
  }
  for (const auto& k : other.link_keys_) {
    add_link_key(k.key, k.value, k.first_seen);
    add_link_key(k.key, k.value, k.last_seen);
  }
}

Json sample_entry(const Record& r) {
  Json entry = Json::object();
  entry["severity"] = std::string(severity_name(r.severity));
  entry["message"] = r.message;
  Json payload;
  if (!r.raw.empty() && r.raw.front() == '{') {
    payload = Json::parse(r.raw, nullptr, /*allow_exceptions=*/false);
    if (payload.is_object() && payload.contains("jsonPayload") && payload["jsonPayload"].is_object()) {
      payload = payload["jsonPayload"];
    }
  }
  if (payload.is_object() && payload.contains("context") && payload["context"].is_object() &&
      !payload["context"].empty()) {
    entry["context"] = payload["context"];
  }
  Json labels = Json::object();
  if (!r.function.empty()) labels["function"] = r.function;
  if (r.line != 0) labels["line"] = std::to_string(r.line);
  if (!r.module.empty()) labels["module"] = r.module;
  // Fall back to the payload's own labels when the record's location fields are empty.
  if (labels.empty() && payload.is_object() && payload.contains("labels") && payload["labels"].is_object()) {
    for (const char* key : {"function", "line", "module"}) {
      if (payload["labels"].contains(key)) labels[key] = line_text(payload["labels"][key]);
    }
  }
  if (!labels.empty()) entry["labels"] = labels;
  return entry;
}

}  // namespace v1
}  // namespace gardener
