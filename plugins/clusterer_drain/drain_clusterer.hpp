#pragma once
// The `drain` clusterer (issue 3 item 2): Drain with typed similarity and post-passes, state
// across runs, sharding by token count. The engine is drain_engine.hpp.
#include <memory>
#include <vector>

#include <gardener/gardener.hpp>
#include <gardener/masking.hpp>
#include <gardener/worker_pool.hpp>

#include "drain_engine.hpp"

namespace gardener::drain {

/// Which shard owns each token count. The plan is kept from batch to batch, so a length's tree,
/// groups and statistics stay in one core's cache instead of moving whenever a batch's weights
/// shift; a length seen for the first time joins the lightest shard, and every kReplanBatches
/// batches the whole plan is made again from the recent weights. Any plan gives the same result.
class ShardPlan {
 public:
  /// The batch's `lengths`, split into `shards` lists. Shards [k*shards/threads,
  /// (k+1)*shards/threads) are the block WorkerPool::run gives thread k of a pool of `threads`;
  /// each block is ordered heaviest first.
  std::vector<std::vector<size_t>> assign(const std::vector<size_t>& lengths,
                                          const std::vector<std::vector<size_t>>& by_length, size_t shards,
                                          size_t threads);

 private:
  static constexpr size_t kReplanBatches = 64;
  void plan();
  std::vector<double> weight_;  // records x tokens per length, decayed per batch
  std::vector<int> owner_;      // shard of each length, -1 = none yet
  size_t shards_ = 0, batches_ = 0;
};

class DrainClusterer : public Clusterer {
 public:
  static PluginInfo plugin_info();

  /// For tools (the loghub bench): remember every record's assignment so that
  /// final_cluster_of(n) gives the n-th processed record's final cluster after finish().
  void track_assignments(bool on) {
    track_ = on;
    if (engine_) engine_->keep_evicted(on);
  }
  const FinalCluster* final_cluster_of(size_t nth) const;
  const DrainEngine* engine() const { return engine_.get(); }

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_start(Context& ctx) override;
  void do_process(Context& ctx, Batch& batch) override;
  void do_finish(Context& ctx, Report& report) override;

 private:
  void tokenize(const Record& r, std::vector<Token>& tokens) const;
  bool stored_tokens(const Record& r, std::vector<Token>& tokens) const;
  bool recalled_tokens(const Record& r, const std::vector<uint32_t>& positions, std::vector<Token>& tokens) const;
  void file_slice(Batch& batch, size_t from, size_t to, std::vector<std::vector<size_t>>& by_length);
  // `message_hash`: the record's message hash when its stored tokens were checked against it, else 0.
  void add_record(Batch& batch, LengthRoot& root, size_t i, const std::vector<Token>& tokens, uint64_t message_hash = 0,
                  uint64_t repeat_key = 0, const MatchMemo::Entry* recalled = nullptr);
  void extract_variables(Record& r, const std::vector<Token>& tokens) const;
  void cluster_lengths(Batch& batch, const std::vector<size_t>& lengths, std::vector<size_t>& stale);
  void finish_stale(Batch& batch, std::vector<size_t>& stale);
  std::string state_ns(Context& ctx) const;

  DrainParams params_;
  std::unique_ptr<Masker> masker_;
  std::unique_ptr<DrainEngine> engine_;
  size_t threads_ = 1;
  bool persist_ = true;
  bool extract_ = true;
  uint64_t seq_ = 0;
  bool track_ = false;
  std::vector<Ref> assignments_;
  // Per batch scratch, kept to reuse capacity.
  std::vector<std::vector<Token>> tokens_;
  std::vector<Ref> refs_;
  std::vector<std::vector<size_t>> by_length_;  // record indexes by token count
  std::vector<size_t> lengths_;                  // token counts present in this batch, ascending
  std::vector<std::vector<std::vector<size_t>>> slice_lengths_;  // by_length_ of each worker's slice
  std::shared_ptr<WorkerPool> pool_;             // started by the first batch
  static constexpr size_t kShardsPerThread = 8;
  ShardPlan shard_plan_;
};

}  // namespace gardener::drain
