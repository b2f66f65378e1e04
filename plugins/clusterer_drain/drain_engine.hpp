#pragma once
// The Drain engine behind the `drain` clusterer (docs/clustering.md): a length-first prefix tree,
// typed similarity, online tracking of word-valued positions for the enum split, and the
// end-of-window post-passes (enum split, identical-template merge, subsumption and cardinality
// merges). Every structure hangs off a length root, so roots of different lengths can be
// processed by different threads with the same result as one.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <gardener/cluster_stats.hpp>
#include <gardener/masking.hpp>
#include <gardener/text_hash.hpp>

#include "known_templates.hpp"
#include "template_token.hpp"

namespace gardener::drain {

struct DrainParams {
  int depth = 4;                 // counts the root and the length layer, as Drain3
  double sim_threshold = 0.8;
  size_t max_children = 100;
  size_t max_clusters = 0;       // 0 = unbounded; otherwise LRU eviction after each batch
  size_t short_tokens = 4;       // messages this short must match every constant token
  bool enum_split = true;
  size_t enum_max_values = 4;
  bool enum_min_repeat = true;   // every value of an enum position must be seen at least twice
  bool subsumption_merge = true;
  bool cardinality_merge = true;
  bool free_text_merge = true;
  bool learn = true;             // false = match-only: assign to known clusters, create none
  bool keep_stats = true;
};


/// A position of a template that varies: its word values while it may still be an enumeration.
struct PosTracker {
  bool word_only = true;   // every message had an unmasked word here
  bool words_seen = false; // some message had an unmasked word here
  bool overflow = false;   // more distinct words than an enumeration may have
  bool names = false;      // a parameter for its place or its words: `values` keeps names as evidence
  std::vector<std::pair<std::string, uint64_t>> values;
  bool candidate() const { return word_only && !overflow; }
};

/// Messages of a group that agree on every candidate enum position.
struct Sub {
  std::vector<std::string> key;  // word per template position ("" where not a candidate)
  uint64_t count = 0;
  int parent = -1;               // merged into another sub
  std::string reported_id;       // id last reported (for aliases across runs)
  std::unique_ptr<ClusterStats> stats;
  uint64_t window_count = 0;     // messages in this window
  int final_index = -1;          // set by finalize()
  int retired_index = -1;        // set when its group was evicted
  uint32_t prov_version = ~0u;   // cache of provisional_id
  std::string prov_id;
};

struct Group {
  std::vector<TemplateToken> tmpl;
  std::vector<PosTracker> trackers;  // one per position
  std::vector<std::string> path;     // prefix-tree keys it was filed under
  std::vector<Sub> subs;
  uint64_t count = 0;
  uint64_t last_seq = 0;
  uint32_t version = 0;  // bumped when the template or the enum candidates change
  bool evicted = false;
  std::vector<uint32_t> var_pos;  // the template's variable positions, as of var_pos_version
  uint32_t var_pos_version = ~0u;
  uint32_t names_version = ~0u;
  std::vector<std::string> var_names;  // "NUM#1", ... for the statistics
};

struct Node {
  std::unordered_map<std::string, std::unique_ptr<Node>, text::Hash, text::Equal> children;
  std::vector<uint32_t> groups;  // at the leaf
  // The child the last descent took: a length's records come in runs of one event, so the next
  // record usually takes it too, for one comparison instead of a hash and a lookup. Children are
  // never erased, so the key and the node stay where they are.
  const std::string* last_key = nullptr;
  Node* last_child = nullptr;
};

/// The group each recently seen message (message and tokens alike) matched, so a repeat skips
/// the tree and the similarity scan. An answer holds only under the root's generation it was
/// found under: anything descend() or best_group() read that changes bumps the generation.
class MatchMemo {
 public:
  struct Entry {
    uint64_t key = 0;         // 0 = empty
    uint32_t generation = 0;  // the root's, low bits (a wrap clears the memo)
    uint32_t match = 0;       // group << 1 | unchanged
    int32_t group() const { return static_cast<int32_t>(match >> 1); }
    bool unchanged() const { return match & 1; }
  };
  /// The answer for `key` under `generation`, or nullptr.
  const Entry* find(uint64_t key, uint64_t generation);
  void prefetch(uint64_t key) const {
    if (!entries_.empty()) __builtin_prefetch(&entries_[set_of(key)]);
  }
  void store(uint64_t key, uint64_t generation, uint32_t group, bool unchanged);
  void clear() { entries_.clear(); }
  uint64_t hits() const { return total_hits_; }  // answers given since the memo was made
  static constexpr size_t kWays = 4;            // a set is one cache line
  static constexpr size_t kMinEntries = 64;
  static constexpr size_t kMaxEntries = 8192;   // 128 KB a length at most

 private:
  size_t set_of(uint64_t key) const { return (key & (entries_.size() / kWays - 1)) * kWays; }
  void put(const Entry& e);
  std::vector<Entry> entries_;  // sets of kWays entries, picked by the key's low bits
  size_t stores_ = 0, hits_ = 0;  // since the last growth
  uint64_t total_hits_ = 0;
};

/// What MatchMemo keys a record on: its message's hash mixed with its stored tokens' bytes, so a
/// message tokenized another way (another upstream's masks) is another key. Never 0.
uint64_t memo_key(const Record& record);

struct LengthRoot {
  size_t length = 0;
  Node tree;
  std::vector<std::unique_ptr<Group>> groups;  // null = an evicted group's freed slot
  std::vector<uint32_t> free_slots;            // reused by new groups: memory stays flat
  uint64_t generation = 1;                     // see MatchMemo
  MatchMemo memo;
};

struct Ref {
  uint32_t length = 0;
  int32_t group = -1;  // -1 = not matched (match-only mode)
  int32_t sub = -1;
  bool ok() const { return group >= 0; }
};

struct FinalCluster {
  std::string id;
  std::string typed;    // canonical template with typed placeholders
  std::string untyped;  // with <*>
  std::vector<TemplateToken> tokens;
  uint64_t count = 0;
  std::unique_ptr<ClusterStats> stats;
  std::vector<std::string> aliases;  // older ids that now point here
};

class DrainEngine {
 public:
  DrainEngine(DrainParams params, const Masker& masker);

  const DrainParams& params() const { return params_; }
  /// Creates the root for a length (call from one thread before parallel adds).
  LengthRoot& root(size_t length);
  LengthRoot* find_root(size_t length);
  /// Adds (or, match-only, matches) one tokenized message. Touches only `root`.
  /// `message_hash`: message_hash(record->message) when the caller has it, else 0.
  /// `repeat_key`: memo_key(*record) when `tokens` are the record's stored tokens, else 0 (a message
  /// and tokens seen before under an unchanged root then skip the tree; same result).
  /// `recalled`: what recall() answered for `repeat_key`, so the memo is not asked twice.
  Ref add(LengthRoot& root, const std::vector<Token>& tokens, uint64_t seq, const Record* record,
          uint64_t message_hash = 0, uint64_t repeat_key = 0, const MatchMemo::Entry* recalled = nullptr);
  /// The memo's answer for a repeat (`repeat_key` as for add()) under the root as it is now, or
  /// nullptr. When it is unchanged(), add() reads `tokens` only at the group's
  /// variable_positions(): the caller may leave the other tokens unset.
  const MatchMemo::Entry* recall(LengthRoot& root, uint64_t repeat_key) {
    return repeat_key ? root.memo.find(repeat_key, root.generation) : nullptr;
  }
  /// The positions of a group's variables (kept until its template changes).
  const std::vector<uint32_t>& variable_positions(LengthRoot& root, int group);
  /// The id the record gets now (the final id may differ after the post-passes).
  const std::string& provisional_id(LengthRoot& root, const Ref& ref);
  /// LRU eviction down to max_clusters; evicted clusters keep their counts (retired list).
  void evict_if_needed();
  /// Keep evicted groups as tombstones so resolve() works for every Ref ever returned (tools
  /// that resolve old assignments); otherwise their memory is freed and reused.
  void keep_evicted(bool on) { keep_evicted_ = on; }
  size_t live_groups() const;
  /// Lines the match memo answered since the engine was made or loaded.
  uint64_t memo_answers() const;
  /// The newest sequence number seen (a restored tree continues after it).
  uint64_t max_seq() const;

  /// Runs the post-passes and returns the window's clusters (retired ones included).
  const std::vector<FinalCluster>& finalize();
  /// The final cluster of an added message (after finalize()).
  const FinalCluster* resolve(const Ref& ref) const;
  /// Old ids and the ids they became, for StateStore::add_alias.
  std::vector<std::pair<std::string, std::string>> aliases() const;

  std::string save() const;
  /// Throws std::runtime_error when the saved text is not a saved engine.
  void load(const std::string& text);

  std::string fingerprint(const std::string& typed) const;

 private:
  /// `path` gets the keys (owned by the tree) of the nodes walked.
  Node* descend(LengthRoot& root, const std::vector<Token>& tokens, bool create,
                std::vector<const std::string*>* path);
  struct Match {
    int group = -1;
    bool unchanged = false;  // the message leaves the group's template and trackers as they are
  };
  Match best_group(const LengthRoot& root, const Node& leaf, const std::vector<Token>& tokens) const;
  int create_group(LengthRoot& root, Node& leaf, const std::vector<Token>& tokens,
                   const std::vector<const std::string*>& path);
  void update_group(Group& g, const std::vector<Token>& tokens);
  // `var_pos`: the template's variable positions (the only ones a sub's key can hold).
  int choose_sub(Group& g, const std::vector<Token>& tokens, const std::vector<uint32_t>& var_pos);
  void merge_subs_by_key(Group& g);
  void add_value(Group& g, size_t pos, std::string_view word, uint64_t n);
  size_t enum_limit(const PosTracker& tr) const;
  void insert_stats_position(Group& g, size_t pos, const std::string& word) const;
  int sub_root(const Group& g, int s) const;
  std::vector<TemplateToken> sub_template(const Group& g, const Sub& s, const std::vector<bool>& enum_pos) const;
  std::vector<bool> enum_positions(const Group& g) const;
  bool names_entities(const PosTracker& tr) const;
  void find_recurring_words();
  void retire(Group& g);
  FinalCluster make_final(std::vector<TemplateToken> tokens) const;
  std::vector<int> adopt_known_templates();
  std::string absent_id(const Group& g, const Sub& s, const std::vector<bool>& enum_pos) const;
  void remember_templates();
  /// `layout[c]`: the template out[c]'s statistics were gathered under (its first group's).
  void post_merges(std::vector<FinalCluster>& out, const std::vector<const std::vector<TemplateToken>*>& layout,
                   std::vector<int>& redirect) const;

  DrainParams params_;
  const Masker& masker_;
  std::map<size_t, LengthRoot> roots_;
  std::vector<FinalCluster> retired_;
  std::vector<FinalCluster> final_;
  std::vector<std::pair<std::string, std::string>> aliases_;
  uint64_t retired_overflow_count_ = 0;
  /// Words that several clusters take as a varying value (set by finalize): users, hosts,
  /// services, which recur across events, unlike an event's own enumeration.
  std::unordered_set<std::string> recurring_words_;
  /// The templates earlier runs reported (known_templates.hpp).
  KnownTemplates known_;
  bool keep_evicted_ = false;
};

std::string render(const Masker& masker, const std::vector<TemplateToken>& tokens, bool typed);
/// A readable shortening of a template for titles: one line, a trace's kind of error first.
std::string title_of(const std::string& template_text, size_t max_chars = 90);

}  // namespace gardener::drain
