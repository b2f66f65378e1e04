#pragma once
// Per-cluster statistics, shared by every clusterer so they all report the same way:
// counts, first/last seen, severities, modules, representative samples, variable values.
#include <array>
#include <cstddef>
#include <functional>
#include <string_view>
#include <string>
#include <vector>

#include <gardener/record.hpp>
#include <gardener/report.hpp>
#include <gardener/text_hash.hpp>

namespace gardener {
inline namespace v1 {

struct ClusterStatsLimits {
  size_t max_samples = 5;        // distinct representative samples kept
  size_t max_top_values = 5;     // per variable position
  size_t max_tracked_values = 64;  // distinct values tracked per position before saturating
  size_t max_link_keys = 64;
};

/// Accumulates records into one Cluster's statistics. Bounded memory per cluster.
class ClusterStats {
 public:
  explicit ClusterStats(ClusterStatsLimits limits = {}) : limits_(limits) {}

  /// Adds one record. `variable_values` are the values of the template's variable positions
  /// (empty for rules); their position names come from `variable_names`.
  void add(const Record& record);
  /// The same, for a caller that has the XXH3-64 hash of record.message already: record.tokens_of
  /// once load_tokens() accepted the record. The message is not hashed again. Since SDK 3.4.
  void add(const Record& record, uint64_t message_hash);
  /// Asks the memory for what add(record) reads besides the record and the statistics (the
  /// thread's memory of messages without link keys); call it a few records ahead. Since SDK 3.4.
  static void prefetch(const Record& record);
  void add_variable(size_t position, std::string_view name, std::string_view value);
  /// The same `times` over (a position that was constant until now, for every record so far).
  /// Since SDK 3.2.
  void add_variable(size_t position, std::string_view name, std::string_view value, uint64_t times);
  void add_link_key(std::string_view key, std::string_view value, TimeNs t);

  uint64_t count() const { return count_; }
  /// Writes the statistics into `out` (id, title and template are the caller's).
  void fill(Cluster& out) const;
  /// Merges another cluster's statistics into this one (identical templates merged).
  void merge(const ClusterStats& other);
  /// For a template that changed shape (free text became one <*>): the statistics of variable
  /// position i move to position to[i] (dropped where to[i] < 0); there are names.size()
  /// positions afterwards, named after `names`. Since SDK 3.1.
  void remap_variables(const std::vector<int>& to, const std::vector<std::string>& names);

 private:
  // The values of one position and their counts: an open-addressing table of at most
  // 2 x max_tracked slots (a value, its hash and count in one slot; count 0 = empty), so a lookup
  // touches one or two cache lines instead of a bucket list and a node. Counting a value allocates
  // only when it is new and long.
  struct Counter {
    struct Slot {
      uint64_t hash = 0, count = 0;
      std::string value;
    };
    std::vector<Slot> slots;  // size 0 or a power of two, at most half full
    size_t tracked = 0;
    uint64_t overflow = 0;
    std::string name;
    /// The slot holding `value` (hash `h`), or the empty one where it would go.
    size_t slot_of(std::string_view value, uint64_t h) const;
    void grow();
    template <typename F>
    void for_each(F&& f) const {
      for (const Slot& s : slots)
        if (s.count) f(s.value, s.count);
    }
  };
  static void bump(Counter& c, std::string_view value, size_t max_tracked, uint64_t by = 1);
  static std::vector<ValueCount> top(const Counter& c, size_t n);

  ClusterStatsLimits limits_;
  uint64_t count_ = 0;
  TimeNs first_ = 0, last_ = 0;
  Severity max_severity_ = Severity::Default;
  std::map<std::string, uint64_t> by_severity_;
  std::array<uint64_t, 9> severity_counts_{};  // by rank / 100 for the standard ranks (no map per line)
  std::vector<Sample> samples_;
  Counter modules_, functions_, revisions_;
  std::vector<Counter> variables_;
  std::vector<LinkKey> link_keys_;
};

/// The key entry of a record as the worklog prints it (severity, message, context, labels):
/// the fields of the example worklog, taken from the raw JSON entry when there is one.
Json sample_entry(const Record& record);

}  // namespace v1
}  // namespace gardener
