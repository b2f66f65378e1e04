// The match memo (MatchMemo): a repeated message under an unchanged length root skips the tree
// and the similarity scan. The answer must be the one the full search gives, whatever the root
// learned, evicted or retyped in between.
#include <gtest/gtest.h>

#include <random>

#include <gardener/masking.hpp>

#include "drain_engine.hpp"

using namespace gardener;
using gardener::drain::DrainEngine;
using gardener::drain::DrainParams;
using gardener::drain::Ref;

namespace {

// Messages from a small vocabulary, so templates keep generalizing, retyping (a word where a
// number was) and splitting on enumerations while the same messages recur.
std::vector<std::string> message_pool(std::mt19937_64& rng, size_t n) {
  const char* heads[] = {"conn", "job", "disk"};
  const char* words[] = {"open", "closed", "reset", "alpha", "beta", "node-3", "x", "y", "up", "down"};
  std::vector<std::string> pool;
  for (size_t i = 0; i < n; ++i) {
    std::string m = heads[rng() % 3];
    const size_t len = 2 + rng() % 6;
    for (size_t k = 0; k < len; ++k) {
      m += ' ';
      switch (rng() % 5) {
        case 0: m += std::to_string(rng() % 50); break;
        case 1: m += "10.0.0." + std::to_string(rng() % 4); break;
        default: m += words[rng() % (k < 2 ? 3 : 10)];
      }
    }
    pool.push_back(m);
  }
  return pool;
}

struct Fed {
  Record record;
  std::vector<Token> tokens;
};

Fed feed(const Masker& masker, const std::string& message) {
  Fed f;
  f.record.message = message;
  masker.apply(f.record);
  EXPECT_TRUE(load_tokens(f.record, f.tokens));
  return f;
}

struct Options {
  bool keep_evicted = false;
  uint64_t start_generation = 1;  // of every root the memo's engine makes
};

// Runs the same stream through an engine that uses the memo and one that does not; every
// answer, every provisional id, every final cluster and the saved trees must agree.
void expect_same_answers(DrainParams params, uint64_t seed, size_t pool_size, size_t lines, size_t min_hits,
                         Options opt = {}) {
  Masker masker;
  DrainEngine with(params, masker), without(params, masker);
  with.keep_evicted(opt.keep_evicted);
  without.keep_evicted(opt.keep_evicted);
  std::mt19937_64 rng(seed);
  const std::vector<std::string> pool = message_pool(rng, pool_size);
  uint64_t hits = 0;
  for (size_t i = 0; i < lines; ++i) {
    // Mostly repeats of a recent few, sometimes anything from the pool.
    const size_t pick = rng() % 4 ? (i * 7 + rng() % 8) % pool_size : rng() % pool_size;
    const Fed f = feed(masker, pool[pick]);
    const size_t len = f.tokens.size();
    if (!with.find_root(len)) with.root(len).generation = opt.start_generation;
    const Ref a = with.add(with.root(len), f.tokens, i, &f.record, f.record.tokens_of, drain::memo_key(f.record));
    const Ref b = without.add(without.root(len), f.tokens, i, &f.record, f.record.tokens_of, 0);
    ASSERT_EQ(a.group, b.group) << "line " << i << ": " << pool[pick];
    ASSERT_EQ(a.sub, b.sub) << "line " << i << ": " << pool[pick];
    ASSERT_EQ(with.provisional_id(with.root(len), a), without.provisional_id(without.root(len), b));
    if (i % 499 == 498) with.evict_if_needed(), without.evict_if_needed();  // as after a batch
  }
  for (size_t len = 0; len < 16; ++len)
    if (auto* r = with.find_root(len)) hits += r->memo.hits();
  EXPECT_GT(hits, min_hits) << "the memo was hardly asked: this test would prove nothing";
  const auto& fa = with.finalize();
  const auto& fb = without.finalize();
  ASSERT_EQ(fa.size(), fb.size());
  for (size_t c = 0; c < fa.size(); ++c) {
    EXPECT_EQ(fa[c].id, fb[c].id);
    EXPECT_EQ(fa[c].count, fb[c].count);
  }
  EXPECT_EQ(with.save(), without.save());
}

}  // namespace

TEST(MatchMemo, SameAnswersAsTheFullSearch) {
  for (uint64_t seed = 1; seed <= 6; ++seed) expect_same_answers(DrainParams{}, seed, 300, 6000, 1500);
}

TEST(MatchMemo, SameAnswersWithLooseSimilarity) {
  DrainParams p;
  p.sim_threshold = 0.4;  // more messages join, so templates change more often
  p.short_tokens = 2;
  for (uint64_t seed = 1; seed <= 6; ++seed) expect_same_answers(p, seed, 300, 6000, 1500);
}

TEST(MatchMemo, SameAnswersWhileEvicting) {
  DrainParams p;
  p.max_clusters = 40;  // groups leave their leaves and their slots are reused
  for (uint64_t seed = 1; seed <= 6; ++seed) expect_same_answers(p, seed, 300, 6000, 250);
  // Evicted groups kept as tombstones (tools that resolve old assignments): their slots are not
  // reused, but they leave their leaves all the same.
  for (uint64_t seed = 1; seed <= 3; ++seed) expect_same_answers(p, seed, 300, 6000, 250, {.keep_evicted = true});
}

// Entries keep the generation's low 32 bits; when those wrap, the memo starts afresh.
TEST(MatchMemo, SameAnswersAcrossTheGenerationWrap) {
  for (uint64_t seed = 1; seed <= 3; ++seed)
    expect_same_answers(DrainParams{}, seed, 300, 6000, 1500, {.start_generation = (uint64_t{1} << 32) - 40});
}

TEST(MatchMemo, MatchOnlyModeUsesIt) {
  Masker masker;
  DrainParams learn;
  DrainEngine learner(learn, masker);
  std::mt19937_64 rng(5);
  const std::vector<std::string> pool = message_pool(rng, 100);
  for (size_t i = 0; i < pool.size(); ++i) {
    const Fed f = feed(masker, pool[i]);
    learner.add(learner.root(f.tokens.size()), f.tokens, i, &f.record, f.record.tokens_of, 0);
  }
  DrainParams match_only;
  match_only.learn = false;
  DrainEngine with(match_only, masker), without(match_only, masker);
  with.load(learner.save());
  without.load(learner.save());
  for (size_t i = 0; i < 2000; ++i) {
    const Fed f = feed(masker, pool[(i * 13) % pool.size()]);
    const size_t len = f.tokens.size();
    const Ref a = with.add(with.root(len), f.tokens, i, &f.record, f.record.tokens_of, drain::memo_key(f.record));
    const Ref b = without.add(without.root(len), f.tokens, i, &f.record, f.record.tokens_of, 0);
    ASSERT_EQ(a.group, b.group);
    ASSERT_EQ(a.sub, b.sub);
  }
  uint64_t hits = 0;
  for (size_t len = 0; len < 16; ++len)
    if (auto* r = with.find_root(len)) hits += r->memo.hits();
  EXPECT_GT(hits, 1500u);  // a tree that never learns never changes: nearly every repeat is answered
}

// The key covers the tokens, not only the message: the same text tokenized another way (a user
// mask upstream) is another key.
TEST(MatchMemo, KeyCoversTheTokens) {
  Masker plain;
  MaskSettings settings;
  settings.user_masks = {UserMask{"TICKET", "T-[0-9]+"}};
  Masker with_mask(settings);
  Record a, b;
  a.message = b.message = "closed ticket T-1234 for user 42";
  plain.apply(a);
  with_mask.apply(b);
  ASSERT_NE(a.tokens.size(), 0u);
  EXPECT_EQ(a.tokens_of, b.tokens_of);
  EXPECT_NE(drain::memo_key(a), drain::memo_key(b));
  Record c = a;
  EXPECT_EQ(drain::memo_key(a), drain::memo_key(c));
}

// A position typed two ways (<NUM>, then an IP: untyped) takes its first word without any
// template change, yet the similarity scan now counts it: another group may now fit a message
// the memo remembers. Step by step, with the answer of the full search at the end.
TEST(MatchMemo, AFirstWordAtAnUntypedPositionForgetsRememberedMatches) {
  Masker masker;
  DrainParams p;  // sim_threshold 0.8: one mismatch allowed among six tokens
  DrainEngine e(p, masker);
  auto add = [&](const std::string& m, uint64_t seq) {
    const Fed f = feed(masker, m);
    EXPECT_EQ(f.tokens.size(), 6u) << m;
    return e.add(e.root(6), f.tokens, seq, &f.record, f.record.tokens_of, drain::memo_key(f.record));
  };
  const std::string m = "job run alpha beta gamma delta";
  const Ref c = add(m, 1);                                // group C: m itself
  const Ref c2 = add("job run 1 beta 2 delta", 2);        // too far from C: group C2
  ASSERT_NE(c.group, c2.group);
  EXPECT_EQ(add("job run 10.0.0.1 beta 10.0.0.2 delta", 3).group, c2.group);  // both <*> now
  EXPECT_EQ(add("job run zeta beta 5 delta", 4).group, c2.group);  // the first <*> saw a word
  EXPECT_EQ(add(m, 5).group, c.group);  // C fits exactly; C2 misses `gamma` (no word seen there)
  EXPECT_EQ(add(m, 6).group, c.group);  // remembered
  EXPECT_EQ(add("job run zeta beta eta delta", 7).group, c2.group);  // the second <*> sees a word
  // C2 now fits m exactly too, with more parameters: the full search takes it.
  EXPECT_EQ(add(m, 8).group, c2.group);
}
