#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include <gardener/worker_pool.hpp>

using gardener::WorkerPool;

TEST(WorkerPool, RunsEveryTaskOnceInEveryRound) {
  WorkerPool pool(3);
  EXPECT_EQ(pool.threads(), 3u);
  for (size_t round = 0; round < 200; ++round) {
    const size_t tasks = 1 + round % 7;
    std::vector<std::atomic<int>> hits(tasks);
    pool.run(tasks, [&](size_t k) { hits[k].fetch_add(1); });
    for (size_t k = 0; k < tasks; ++k) ASSERT_EQ(hits[k].load(), 1) << "round " << round << " task " << k;
  }
}

TEST(WorkerPool, UsesOtherThreadsWhenItHasThem) {
  WorkerPool pool(2);
  std::atomic<int> others{0};
  const auto caller = std::this_thread::get_id();
  // If the caller takes a task it waits until a worker has started one, so at least one task runs
  // on a worker (the worker may also take both before the caller looks).
  std::atomic<bool> second_started{false};
  pool.run(2, [&](size_t) {
    if (std::this_thread::get_id() != caller) {
      ++others;
      second_started = true;
    } else {
      while (!second_started) std::this_thread::yield();
    }
  });
  EXPECT_GE(others.load(), 1);
}

TEST(WorkerPool, OneThreadRunsInline) {
  WorkerPool pool(1);
  const auto caller = std::this_thread::get_id();
  size_t ran = 0;
  pool.run(4, [&](size_t) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    ++ran;
  });
  EXPECT_EQ(ran, 4u);
}
