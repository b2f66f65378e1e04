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
  for (const size_t first : {set_of(hash), other_set_of(hash)}) {
    for (size_t w = first; w < first + kWays; ++w) {
      if (hashes_[w] != hash) continue;
      Entry& e = entries_[w];
      if (e.owner_ == owner && e.message() == message) {
        used_[w] = ++clock_;
        return &e;
      }
    }
  }
  return nullptr;
}

bool MaskCache::admit(uint64_t hash) {
  if (seen_.empty()) return false;
  if (used_[victim(hash)] == 0) return true;  // room to spare: keeping it evicts nothing
  // Other bits than the set's index, so two messages of one set have their own marks.
  uint16_t& slot = seen_[(hash >> 24) & (seen_.size() - 1)];
  const auto mark = static_cast<uint16_t>((hash >> 48) | 1);
  if (slot == mark) return true;
  slot = mark;
  return false;
}

size_t MaskCache::victim(uint64_t hash) const {
  // The set with more never filled entries takes the message (that balance is what makes two
  // choices work); when neither has one, the least recently used entry of both goes.
  const size_t sets[2] = {set_of(hash), other_set_of(hash)};
  size_t empty[2] = {0, 0}, first_empty[2] = {0, 0}, lru = sets[0];
  for (size_t k = 0; k < 2; ++k)
    for (size_t w = sets[k]; w < sets[k] + kWays; ++w) {
      if (used_[w] == 0 && empty[k]++ == 0) first_empty[k] = w;
      if (used_[w] < used_[lru]) lru = w;
    }
  if (empty[0] == 0 && empty[1] == 0) return lru;
  return first_empty[empty[1] > empty[0] ? 1 : 0];
}

const MaskCache::Entry& MaskCache::store(uint64_t owner, uint64_t hash, std::string_view message,
                                         const std::vector<MessageToken>& tokens, std::string_view masked) {
  const size_t at = victim(hash);
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
