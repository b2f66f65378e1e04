// The `drain` clusterer: options, batching, sharding by token count, state and the Report.
#include "drain_clusterer.hpp"

#include <algorithm>
#include <array>

#include <xxhash.h>

namespace gardener::drain {

PluginInfo DrainClusterer::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Clusterer;
  info.name = "drain";
  info.description =
      "Drain template clustering with typed similarity, enum split, identical-template, subsumption, "
      "cardinality and free-text merges; cluster ids are fingerprints of the typed template, kept across runs in the state.";
  info.stability = Stability::Beta;
  info.options = {
      {"depth", OptionType::Int, 4, "Tree depth, counting the root and the length layer (Drain3's depth).", false,
       int_range(3, 32)},
      {"sim_threshold", OptionType::Double, 0.8,
       "Share of tokens that must match (placeholders match placeholders) to join a cluster.", false,
       double_range(0.0, 1.0)},
      {"max_children", OptionType::Int, 100, "Children per tree node before tokens go to the <*> branch.", false,
       int_range(2, 1000000)},
      {"max_clusters", OptionType::Int, 0,
       "Live clusters kept; the least recently used are evicted after each batch (their counts stay in the "
       "Report). 0 = unbounded.",
       false, int_range(0, 100000000)},
      {"extra_delimiters", OptionType::String, "",
       "Characters treated as whitespace when the drain masks a record itself (no `template` upstream).", false,
       nullptr},
      {"short_message_tokens", OptionType::Int, 4,
       "Messages with at most this many tokens join a cluster only when every constant token matches.", false,
       int_range(0, 1000)},
      {"enum_split", OptionType::Bool, true,
       "Split a cluster by a varying word position that takes 2..enum_max_values values.", false, nullptr},
      {"enum_max_values", OptionType::Int, 4, "Most distinct words an enumeration position may take.", false,
       int_range(2, 64)},
      {"enum_min_repeat", OptionType::Bool, false,
       "An enumeration's every value must occur at least twice (a value seen once suggests a name).", false,
       nullptr},
      {"subsumption_merge", OptionType::Bool, true,
       "Merge a cluster into a same-length one that has <*> where they differ (one position).", false, nullptr},
      {"cardinality_merge", OptionType::Bool, true,
       "Merge clusters that differ only in one word position with many rarely seen values (word parameters).",
       false, nullptr},
      {"free_text_merge", OptionType::Bool, true,
       "Merge clusters (three or more) that share a frame -- two or more constant words, then a bracket -- and "
       "differ only in the bracketed free text, of varying length (cron commands, status texts); and a cluster "
       "whose run of 2-4 constant words stands where another of the same frame has a word-valued <*> "
       "(process Microsoft Word[<*>] beside process <*>[<*>]), or nothing where another has a value that may "
       "be empty (by (uid=0) beside by LOGIN(uid=0), status=\"\" beside status=\"ready\"); and clusters equal but for "
       "the sizes of lists of values (Wait queue: <*>, <*>).",
       false, nullptr},
      {"mode", OptionType::String, "learn",
       "learn: create and update clusters; match: only assign to clusters restored from the state.", false,
       one_of({"learn", "match"})},
      {"threads", OptionType::Int, 1, "Threads; work is sharded by token count, results equal one thread's.",
       false, int_range(1, 256)},
      {"extract_parameters", OptionType::Bool, true,
       "When a record has no variables (no `template` upstream), fill Record::variables from the masking.",
       false, nullptr},
      {"persist", OptionType::Bool, true, "Save the tree to the state store at the end of the run.", false,
       nullptr},
  };
  return info;
}

void DrainClusterer::do_configure(const Config& config, Diagnostics& diag) {
  params_.depth = static_cast<int>(config.get_int("depth"));
  params_.sim_threshold = config.get_double("sim_threshold");
  params_.max_children = static_cast<size_t>(config.get_int("max_children"));
  params_.max_clusters = static_cast<size_t>(config.get_int("max_clusters"));
  params_.short_tokens = static_cast<size_t>(config.get_int("short_message_tokens"));
  params_.enum_split = config.get_bool("enum_split");
  params_.enum_max_values = static_cast<size_t>(config.get_int("enum_max_values"));
  params_.enum_min_repeat = config.get_bool("enum_min_repeat");
  params_.subsumption_merge = config.get_bool("subsumption_merge");
  params_.cardinality_merge = config.get_bool("cardinality_merge");
  params_.free_text_merge = config.get_bool("free_text_merge");
  params_.learn = config.get_string("mode") != "match";
  threads_ = static_cast<size_t>(config.get_int("threads"));
  extract_ = config.get_bool("extract_parameters");
  persist_ = config.get_bool("persist");
  MaskSettings ms;
  ms.extra_delimiters = config.get_string("extra_delimiters");
  try {
    masker_ = std::make_unique<Masker>(std::move(ms));
  } catch (const ConfigurationError& e) {
    diag.error("extra_delimiters", e.what());
    return;
  }
  engine_ = std::make_unique<DrainEngine>(params_, *masker_);
}

std::string DrainClusterer::state_ns(Context& ctx) const { return ctx.pipeline_name() + "/" + ctx.component_name(); }

void DrainClusterer::do_start(Context& ctx) {
  StateStore* store = ctx.state();
  if (!store) return;
  auto saved = store->get(state_ns(ctx), "tree");
  if (!saved) return;
  try {
    engine_->load(*saved);
    seq_ = engine_->max_seq() + 1;
  } catch (const std::exception& e) {
    // A damaged tree costs history, not the run: start afresh and say so.
    ctx.warn("drain state in {} is unreadable ({}); starting with an empty tree", store->path(), e.what());
    engine_ = std::make_unique<DrainEngine>(params_, *masker_);
    engine_->keep_evicted(track_);
  }
}

// Tokens for a record that carries none from a `template` upstream.
void DrainClusterer::tokenize(const Record& r, std::vector<Token>& tokens) const {
  if (r.masked.empty() || !masker_->tokenize_masked(r.masked, r.variables, tokens)) masker_->tokenize(r.message, tokens);
}

namespace {
// User masks of the upstream transform are unknown here: they count as <*>, as in `masked`.
TokenType as_read_here(TokenType t) { return t >= TokenType::User ? TokenType::Var : t; }
}  // namespace

// The record's tokens as the template transform left them; false when its message changed since.
bool DrainClusterer::stored_tokens(const Record& r, std::vector<Token>& tokens) const {
  if (!load_tokens(r, tokens)) return false;
  for (Token& t : tokens) t.type = as_read_here(t.type);
  return true;
}

// The record's stored tokens at `positions` only, for a repeat the memo answers unchanged (the
// engine reads no other; DrainEngine::recall). The other entries of `tokens` keep whatever they
// held. False when the message changed since masking (the record's contract: `tokens_of` is its
// XXH3-64) or a token lies outside it: the caller takes the full path.
bool DrainClusterer::recalled_tokens(const Record& r, const std::vector<uint32_t>& positions,
                                     std::vector<Token>& tokens) const {
  const std::string_view msg = r.message;
  if (r.tokens_of != XXH3_64bits(msg.data(), msg.size())) return false;
  if (tokens.size() != r.tokens.size()) tokens.resize(r.tokens.size());
  for (const uint32_t i : positions) {
    const MessageToken& m = r.tokens[i];
    if (size_t{m.begin} + m.size + m.ws > msg.size()) return false;
    tokens[i] = Token{msg.substr(m.begin, m.size), msg.substr(m.begin + m.size, m.ws),
                      as_read_here(static_cast<TokenType>(m.type))};
  }
  return true;
}

void DrainClusterer::add_record(Batch& batch, LengthRoot& root, size_t i, const std::vector<Token>& tokens,
                                uint64_t message_hash, uint64_t repeat_key, const MatchMemo::Entry* recalled) {
  Record& r = batch.records[i];
  refs_[i] = engine_->add(root, tokens, seq_ + i, &r, message_hash, repeat_key, recalled);
  if (!refs_[i].ok()) return;
  r.cluster_id = engine_->provisional_id(root, refs_[i]);
  if (extract_ && r.variables.empty()) extract_variables(r, tokens);
}

// Record::variables for a record that came without a `template` upstream.
void DrainClusterer::extract_variables(Record& r, const std::vector<Token>& tokens) const {
  for (const Token& tok : tokens)
    if (is_placeholder(tok.type)) r.variables.push_back(Variable{std::string(masker_->type_name(tok.type)), std::string(tok.text)});
}

namespace {
// The memo key reads every stored token, which the template just wrote on the other core when
// it runs on two (prefetch_record_text asks for the first line only): 2 threads' drain 5% faster.
void prefetch_stored_tokens(const Record& r) {
  const char* tokens = reinterpret_cast<const char*>(r.tokens.data());
  const size_t bytes = std::min<size_t>(r.tokens.size() * sizeof(MessageToken), 8 * 64);
  for (size_t off = 64; off < bytes; off += 64) __builtin_prefetch(tokens + off);
}
}  // namespace

// One shard: its lengths, each in record order. A record whose stored tokens turn out stale is
// left for finish_stale() (its count may differ, so it may belong to another shard's length).
// In a pipeline the records were just written on another core: the next ones' memory is asked for
// ahead of time (the record first, its text once the record is in).
void DrainClusterer::cluster_lengths(Batch& batch, const std::vector<size_t>& lengths, std::vector<size_t>& stale) {
  constexpr size_t kAhead = 4, kMemoAhead = 2;
  // A record's stored tokens are read into one list that stays in this core's cache; only the
  // records tokenized while filing have lists of their own (tokens_).
  thread_local std::vector<Token> thread_stored;
  std::vector<Token>& stored = thread_stored;  // one TLS lookup per shard, not per record
  for (size_t len : lengths) {
    LengthRoot* root = engine_->find_root(len);
    const std::vector<size_t>& ids = by_length_[len];
    // Memo keys, kMemoAhead records ahead (their tokens are in by then), and the memo's set asked for.
    std::array<uint64_t, 4> keys{};  // a ring: the current record's key and the ones ahead
    static_assert(kMemoAhead < std::tuple_size_v<decltype(keys)>);
    auto key_ahead = [&](size_t q) {
      const Record& r = batch.records[ids[q]];
      uint64_t& key = keys[q % keys.size()];
      key = r.tokens.empty() ? 0 : memo_key(r);
      if (key) root->memo.prefetch(key);
    };
    for (size_t q = 0; q < kMemoAhead && q < ids.size(); ++q) key_ahead(q);
    for (size_t p = 0; p < ids.size(); ++p) {
      if (p + 2 * kAhead < ids.size()) prefetch_record(batch.records[ids[p + 2 * kAhead]]);
      if (p + kAhead < ids.size()) {
        const Record& next = batch.records[ids[p + kAhead]];
        prefetch_record_text(next);
        prefetch_stored_tokens(next);
        if (params_.keep_stats) ClusterStats::prefetch(next);
      }
      if (p + kMemoAhead < ids.size()) key_ahead(p + kMemoAhead);
      const size_t i = ids[p];
      const Record& r = batch.records[i];
      const uint64_t key = keys[p % keys.size()];
      // A repeat the memo answers unchanged needs its tokens at the group's variables only.
      const MatchMemo::Entry* seen = r.tokens.empty() ? nullptr : engine_->recall(*root, key);
      if (r.tokens.empty()) {
        add_record(batch, *root, i, tokens_[i]);
      } else if (seen && seen->unchanged() && (!extract_ || !r.variables.empty()) &&
                 recalled_tokens(r, engine_->variable_positions(*root, seen->group()), stored)) {
        add_record(batch, *root, i, stored, r.tokens_of, key, seen);
      } else if (stored_tokens(r, stored)) {
        // load_tokens() checked the message's hash; the key is of these very tokens
        add_record(batch, *root, i, stored, r.tokens_of, key, seen);
      } else {
        stale.push_back(i);
      }
    }
  }
}

// Records whose message changed after masking, tokenized again, in record order on one thread:
// the same order whatever the number of shards.
void DrainClusterer::finish_stale(Batch& batch, std::vector<size_t>& stale) {
  std::sort(stale.begin(), stale.end());
  for (size_t i : stale) {
    Record& r = batch.records[i];
    masker_->tokenize(r.message, tokens_[i]);  // `masked` is as stale as the tokens
    r.variables.clear();                       // and so are the values: extracted again below
    add_record(batch, engine_->root(tokens_[i].size()), i, tokens_[i]);
  }
}

namespace {
// What a length's records cost in a batch: a record costs about its token count.
size_t batch_weight(const std::vector<std::vector<size_t>>& by_length, size_t len) {
  return by_length[len].size() * (len + 1);
}
}  // namespace

std::vector<std::vector<size_t>> ShardPlan::assign(const std::vector<size_t>& lengths,
                                                   const std::vector<std::vector<size_t>>& by_length, size_t shards,
                                                   size_t threads) {
  if (shards != shards_ || ++batches_ % kReplanBatches == 0) {
    shards_ = shards;
    std::fill(owner_.begin(), owner_.end(), -1);  // plan again from the recent weights
  }
  for (double& w : weight_) w *= 0.9;  // recent batches count most
  bool unowned = false;
  for (size_t len : lengths) {
    if (weight_.size() <= len) weight_.resize(len + 1, 0.0), owner_.resize(len + 1, -1);
    weight_[len] += static_cast<double>(batch_weight(by_length, len));
    unowned |= owner_[len] < 0;
  }
  if (unowned) plan();
  std::vector<std::vector<size_t>> shard(shards);
  for (size_t len : lengths) shard[static_cast<size_t>(owner_[len])].push_back(len);
  // A thread works through its block of shards front to back while an idle one takes from the
  // back: heaviest first, so what is left to take at the end is light.
  auto weight = [&](const std::vector<size_t>& lens) {
    size_t w = 0;
    for (size_t len : lens) w += batch_weight(by_length, len);
    return w;
  };
  for (size_t k = 0; k < threads; ++k) {  // thread k's block, as WorkerPool::run cuts it
    const auto first = shard.begin() + static_cast<std::ptrdiff_t>(k * shards / threads);
    const auto last = shard.begin() + static_cast<std::ptrdiff_t>((k + 1) * shards / threads);
    std::stable_sort(first, last, [&](const auto& x, const auto& y) { return weight(x) > weight(y); });
  }
  return shard;
}

// Lengths without a shard go, heaviest first, to the shard with the least weight.
void ShardPlan::plan() {
  std::vector<double> load(shards_, 0.0);
  std::vector<size_t> open;
  for (size_t len = 0; len < owner_.size(); ++len) {
    if (owner_[len] >= 0)
      load[static_cast<size_t>(owner_[len])] += weight_[len];
    else if (weight_[len] > 0)
      open.push_back(len);
  }
  std::sort(open.begin(), open.end(), [&](size_t a, size_t b) { return weight_[a] != weight_[b] ? weight_[a] > weight_[b] : a < b; });
  for (size_t len : open) {
    const auto k = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    owner_[len] = static_cast<int>(k);
    load[k] += weight_[len];
  }
}

// Files records [from, to) by token count: the stored count of the template's tokens, or the
// count after tokenizing here when a record came without them. Only records no earlier
// clusterer claimed reach us, but be safe: claimed ones are skipped.
void DrainClusterer::file_slice(Batch& batch, size_t from, size_t to, std::vector<std::vector<size_t>>& by_length) {
  for (auto& list : by_length) list.clear();
  for (size_t i = from; i < to; ++i) {
    const Record& r = batch.records[i];
    if (!r.cluster_id.empty() || r.dropped) continue;
    if (r.tokens.empty()) tokenize(r, tokens_[i]);
    const size_t len = r.tokens.empty() ? tokens_[i].size() : r.tokens.size();
    if (by_length.size() <= len) by_length.resize(len + 1);
    by_length[len].push_back(i);
  }
}

void DrainClusterer::do_process(Context&, Batch& batch) {
  const size_t n = batch.records.size();
  if (tokens_.size() < n) tokens_.resize(n);
  refs_.assign(n, Ref{});
  if (!pool_) pool_ = WorkerPool::shared(threads_);
  const size_t t = std::min(threads_, std::max<size_t>(1, n / 256));
  // Each thread files a contiguous slice; the slices' lists, joined in slice order, keep every
  // length's records in record order.
  const size_t slices = t;
  slice_lengths_.resize(slices);
  pool_->run(slices, [&](size_t k) { file_slice(batch, n * k / slices, n * (k + 1) / slices, slice_lengths_[k]); });
  for (size_t len : lengths_) by_length_[len].clear();
  lengths_.clear();
  for (size_t k = 0; k < slices; ++k) {
    const auto& slice = slice_lengths_[k];
    if (by_length_.size() < slice.size()) by_length_.resize(slice.size());
    for (size_t len = 0; len < slice.size(); ++len) {
      if (slice[len].empty()) continue;
      if (by_length_[len].empty()) lengths_.push_back(len);
      by_length_[len].insert(by_length_[len].end(), slice[len].begin(), slice[len].end());
    }
  }
  std::sort(lengths_.begin(), lengths_.end());
  // Roots are created here, on one thread; each length is then owned by one shard.
  for (size_t len : lengths_) engine_->root(len);
  // More shards than threads, taken as threads come free: a batch's weights differ from the
  // plan's, and with one shard per thread the lighter one would wait.
  const size_t shards = t <= 1 ? 1 : kShardsPerThread * t;
  std::vector<std::vector<size_t>> stale(shards);
  if (shards == 1) {
    cluster_lengths(batch, lengths_, stale[0]);
  } else {
    auto shard = shard_plan_.assign(lengths_, by_length_, shards, pool_->threads());
    pool_->run(shards, [&](size_t k) { cluster_lengths(batch, shard[k], stale[k]); });
  }
  for (size_t k = 1; k < shards; ++k) stale[0].insert(stale[0].end(), stale[k].begin(), stale[k].end());
  finish_stale(batch, stale[0]);
  if (track_) assignments_.insert(assignments_.end(), refs_.begin(), refs_.end());
  seq_ += n;
  engine_->evict_if_needed();
}

const FinalCluster* DrainClusterer::final_cluster_of(size_t nth) const {
  return nth < assignments_.size() ? engine_->resolve(assignments_[nth]) : nullptr;
}

void DrainClusterer::do_finish(Context& ctx, Report& report) {
  const auto& clusters = engine_->finalize();
  for (const FinalCluster& f : clusters) {
    Cluster c;
    if (f.stats) f.stats->fill(c);
    c.id = f.id;
    c.title = title_of(f.untyped);
    c.template_text = f.typed;
    c.kind = "drain";
    c.source_component = name();
    c.count = f.count;
    c.aliases = f.aliases;
    report.clusters.push_back(std::move(c));
  }
  ctx.metric("clusters", static_cast<double>(clusters.size()));
  ctx.metric("memo_answers", static_cast<double>(engine_->memo_answers()));
  StateStore* store = ctx.state();
  // --plan writes nothing: a saved tree would make the real run after it see no change, and
  // lose the aliases that lead its issues to the clusters they were filed for.
  if (!store || !params_.learn || !persist_ || ctx.plan()) return;
  for (const auto& [old_id, new_id] : engine_->aliases()) store->add_alias(old_id, new_id);
  store->put(state_ns(ctx), "tree", engine_->save());
}

}  // namespace gardener::drain
