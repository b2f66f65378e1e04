#pragma once
// The masker's memory of recent messages. Masking is a pure function of the message text and of
// the masker's settings, and logs repeat themselves: in loghub-2k, 47% of each system's 2,000
// messages repeat an earlier one exactly (0% on HDFS, 81% on HPC). A repeat takes the tokens and
// the masked text of its first occurrence instead of scanning again. Each thread has its own
// cache (no locks on the pool's threads), shared by the maskers that run on it: an entry names its
// masker, so two configurations never see each other's tokens.
#include <gardener/record.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gardener::masking {

class MaskCache {
 public:
  // One allocation an entry: the tokens, then the message's and the masked text's bytes in the
  // elements after them (a hit reads one block, not three).
  class Entry {
   public:
    const MessageToken* tokens() const { return data_.data(); }
    size_t token_count() const { return token_count_; }
    std::string_view message() const { return {text(), message_size_}; }
    std::string_view masked() const { return {text() + message_size_, masked_size_}; }

   private:
    friend class MaskCache;
    const char* text() const { return reinterpret_cast<const char*>(data_.data() + token_count_); }
    uint64_t owner_ = 0;  // the masker's id; 0 = empty
    uint32_t token_count_ = 0, message_size_ = 0, masked_size_ = 0;
    std::vector<MessageToken> data_;
  };
  // Longer messages, and messages of more tokens, are masked every time: they rarely repeat, and
  // bounded entries bound the cache (~300 bytes an entry on loghub's messages, 10 MB per thread
  // when all 32,768 are full; at most ~60 MB, with every entry at both limits).
  static constexpr size_t kMaxMessageBytes = 256;
  static constexpr size_t kMaxTokens = 64;
  // Eight entries a set, and each message has two sets to be in (its hash's low bits pick one,
  // its high bits the other). With one set, messages filling 60% of the cache overflow 7% of the
  // sets, and a set that overflows under a cyclic pattern misses every time, LRU being what it
  // is (13% of gardener-drain-bench's lines were scanned again); with two, a message goes to the
  // set with room, and overflows need a far fuller cache (the power of two choices).
  static constexpr size_t kWays = 8;

  // The calling thread's cache, grown to at least `entries` (rounded up to a power of two).
  static MaskCache& for_thread(size_t entries);

  // The entry holding exactly `message` for `owner`, or nullptr.
  const Entry* find(uint64_t owner, uint64_t hash, std::string_view message);
  // Whether a message that missed is worth keeping: while its sets have a never filled entry,
  // always (keeping it evicts nothing); then from its second sighting on. A stream of one-off
  // messages (HDFS's block ids) would otherwise rewrite an entry on every line for nothing; each
  // thread remembers a 16-bit mark of the last message in each of 2 slots per entry. Those marks
  // collide (a message whose slot another message of the window keeps taking is never kept), so
  // a cache with room does not ask them: 7% of gardener-drain-bench's lines were scanned again.
  bool admit(uint64_t hash);
  // Keeps what `message` masks to, in an empty entry of its set or the set's least recently used.
  const Entry& store(uint64_t owner, uint64_t hash, std::string_view message, const std::vector<MessageToken>& tokens,
                     std::string_view masked);

  // Look-ahead for a message masked a few lines later: its set's hashes, then (once those are in
  // cache) the matching entry, then (once that is) the entry's block. Each only asks the memory.
  void prefetch_set(uint64_t hash) const {
    if (entries_.empty()) return;
    __builtin_prefetch(&hashes_[set_of(hash)]);
    __builtin_prefetch(&hashes_[other_set_of(hash)]);
  }
  void prefetch_entry(uint64_t hash) const {
    if (const Entry* e = probe(hash)) __builtin_prefetch(e);
  }
  void prefetch_block(uint64_t hash) const {
    if (const Entry* e = probe(hash)) __builtin_prefetch(e->data_.data());
  }

  size_t capacity() const { return entries_.size(); }

 private:
  void grow(size_t entries);
  // First entries of the two sets a message may be in.
  size_t set_of(uint64_t hash) const { return static_cast<size_t>(hash & set_mask_) * kWays; }
  size_t other_set_of(uint64_t hash) const { return static_cast<size_t>((hash >> 32) & set_mask_) * kWays; }
  // The index of the entry whose message has this hash in `first`'s set, or SIZE_MAX.
  size_t in_set(size_t first, uint64_t hash) const {
    for (size_t w = first; w < first + kWays; ++w)
      if (hashes_[w] == hash) return w;
    return SIZE_MAX;
  }
  // Where a new message goes: a never filled entry of its two sets, else their least recently used.
  size_t victim(uint64_t hash) const;
  // The entry whose message has this hash, if any (any owner: only for prefetching).
  const Entry* probe(uint64_t hash) const {
    if (entries_.empty()) return nullptr;
    size_t w = in_set(set_of(hash), hash);
    if (w == SIZE_MAX) w = in_set(other_set_of(hash), hash);
    return w == SIZE_MAX ? nullptr : &entries_[w];
  }

  std::vector<Entry> entries_;
  std::vector<uint64_t> hashes_;  // message_hash() of each entry's message: a set's eight in one cache line
  std::vector<uint64_t> used_;    // the clock at each entry's last hit or fill (LRU within a set)
  std::vector<uint16_t> seen_;    // admit()'s marks
  uint64_t set_mask_ = 0;
  uint64_t clock_ = 0;
};

}  // namespace gardener::masking
