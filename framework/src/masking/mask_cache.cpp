#include "mask_cache.hpp"

#include <bit>
#include <cstring>

namespace gardener::masking {

MaskCache& MaskCache::for_thread(size_t entries) {
  thread_local MaskCache cache;
  if (cache.capacity() < entries) cache.grow(entries);
  return cache;
}

void MaskCache::grow(size_t entries) {
  const size_t sets = std::bit_ceil((entries + kWays - 1) / kWays);
  entries_.clear();  // a new size moves every set: start empty
  entries_.resize(sets * kWays);
  hashes_.assign(sets * kWays, 0);
  used_.assign(sets * kWays, 0);
  seen_.assign(2 * sets * kWays, 0);
  set_mask_ = sets - 1;
}

const MaskCache::Entry* MaskCache::find(uint64_t owner, uint64_t hash, std::string_view message) {
  if (entries_.empty()) return nullptr;
  const size_t first = set_of(hash);
  for (size_t w = 0; w < kWays; ++w) {
    if (hashes_[first + w] != hash) continue;
    Entry& e = entries_[first + w];
    if (e.owner_ == owner && e.message() == message) {
      used_[first + w] = ++clock_;
      return &e;
    }
  }
  return nullptr;
}

bool MaskCache::admit(uint64_t hash) {
  if (seen_.empty()) return false;
  // Other bits than the set's index, so two messages of one set have their own marks.
  uint16_t& slot = seen_[(hash >> 24) & (seen_.size() - 1)];
  const auto mark = static_cast<uint16_t>((hash >> 48) | 1);
  if (slot == mark) return true;
  slot = mark;
  return false;
}

const MaskCache::Entry& MaskCache::store(uint64_t owner, uint64_t hash, std::string_view message,
                                         const std::vector<MessageToken>& tokens, std::string_view masked) {
  const size_t first = set_of(hash);
  size_t at = first;
  for (size_t w = first; w < first + kWays; ++w) {
    if (used_[w] == 0) {  // never filled
      at = w;
      break;
    }
    if (used_[w] < used_[at]) at = w;
  }
  Entry& e = entries_[at];
  hashes_[at] = hash;
  used_[at] = ++clock_;
  e.owner_ = owner;
  e.token_count_ = static_cast<uint32_t>(tokens.size());
  e.message_size_ = static_cast<uint32_t>(message.size());
  e.masked_size_ = static_cast<uint32_t>(masked.size());
  const size_t text_bytes = message.size() + masked.size();
  e.data_.resize(tokens.size() + (text_bytes + sizeof(MessageToken) - 1) / sizeof(MessageToken));
  std::copy(tokens.begin(), tokens.end(), e.data_.begin());
  char* text = reinterpret_cast<char*>(e.data_.data() + tokens.size());  // char may alias any object
  if (!message.empty()) std::memcpy(text, message.data(), message.size());
  if (!masked.empty()) std::memcpy(text + message.size(), masked.data(), masked.size());
  return e;
}

}  // namespace gardener::masking
