// The masker's per-thread cache of recent messages (framework/src/masking/mask_cache.hpp).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "masking/mask_cache.hpp"

namespace {

using gardener::masking::MaskCache;

std::string message(size_t i) { return "request " + std::to_string(i) + " failed after retry"; }
// Any well-mixed 64-bit hash will do (the masker uses XXH3); both halves pick a set.
uint64_t hash_of(const std::string& m) { return std::hash<std::string>{}(m); }

// Stores messages [from, to) as masker 1 would (tokens and masked text do not matter here).
void store_range(MaskCache& cache, size_t from, size_t to) {
  const std::vector<gardener::MessageToken> tokens = {{0, 7, 1, 0}};
  for (size_t i = from; i < to; ++i) {
    const std::string m = message(i);
    cache.store(1, hash_of(m), m, tokens, m);
  }
}

size_t found(MaskCache& cache, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) {
    const std::string m = message(i);
    const MaskCache::Entry* e = cache.find(1, hash_of(m), m);
    n += e && e->message() == m;
  }
  return n;
}

// Each test on a thread of its own: the cache is the thread's, sized by its first user.
template <typename Test>
void on_new_thread(Test test) {
  std::thread(test).join();
}

// Messages filling three quarters of the cache all stay: with one set a message, ~15% of the sets
// would overflow at this load and lose their oldest entries.
TEST(MaskCache, KeepsEveryMessageUpToThreeQuartersFull) {
  on_new_thread([] {
    MaskCache& cache = MaskCache::for_thread(1024);
    ASSERT_EQ(cache.capacity(), 1024u);
    store_range(cache, 0, 768);
    EXPECT_EQ(found(cache, 0, 768), 768u);
  });
}

// Past its capacity the cache keeps the recent messages, not the old ones.
TEST(MaskCache, EvictsTheLeastRecentlyUsed) {
  on_new_thread([] {
    MaskCache& cache = MaskCache::for_thread(1024);
    store_range(cache, 0, 2048);
    EXPECT_EQ(found(cache, 1792, 2048), 256u);  // the last quarter stored
    EXPECT_LT(found(cache, 0, 256), 64u);       // the first quarter is mostly gone
  });
}

// An entry names its masker: another masker's identical message is not a hit.
TEST(MaskCache, EntriesBelongToTheirMasker) {
  on_new_thread([] {
    MaskCache& cache = MaskCache::for_thread(64);
    store_range(cache, 0, 1);
    const std::string m = message(0);
    EXPECT_NE(cache.find(1, hash_of(m), m), nullptr);
    EXPECT_EQ(cache.find(2, hash_of(m), m), nullptr);
  });
}

}  // namespace
