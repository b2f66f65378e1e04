#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gardener/worker_pool.hpp>

using gardener::WorkerPool;

namespace {
// Yields until `done()` holds, for at most 5 s: a broken pool fails the test instead of hanging it.
template <typename Done>
void wait_until(Done done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!done() && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
}
}  // namespace

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
      wait_until([&] { return second_started.load(); });
    }
  });
  EXPECT_GE(others.load(), 1);
}

// Each thread starts with its own contiguous block: with 2 threads and 4 tasks the caller runs 0
// and 1, the worker 2 and 3. The k-th task of a block waits until 2(k+1) tasks have started, so
// neither thread can finish its block early and take the other's.
TEST(WorkerPool, EachThreadStartsWithItsOwnBlock) {
  WorkerPool pool(2);
  for (int round = 0; round < 20; ++round) {
    std::atomic<int> started{0};
    std::vector<std::thread::id> ran_on(4);
    pool.run(4, [&](size_t k) {
      ran_on[k] = std::this_thread::get_id();
      const int need = 2 * (static_cast<int>(k % 2) + 1);
      ++started;
      wait_until([&] { return started.load() >= need; });
    });
    const auto caller = std::this_thread::get_id();
    EXPECT_EQ(ran_on[0], caller) << "round " << round;
    EXPECT_EQ(ran_on[1], caller) << "round " << round;
    EXPECT_NE(ran_on[2], caller) << "round " << round;
    EXPECT_EQ(ran_on[3], ran_on[2]) << "round " << round;
  }
}

// A thread that is done with its block takes the rest of another's: the worker holds its first task
// until the caller has run five (a pool where each thread ran only its own block would stop at 3).
TEST(WorkerPool, AnIdleThreadTakesTheRestOfABusyBlock) {
  WorkerPool pool(2);
  std::atomic<int> on_caller{0};
  const auto caller = std::this_thread::get_id();
  std::atomic<bool> release{false};
  pool.run(6, [&](size_t) {
    if (std::this_thread::get_id() == caller) {
      ++on_caller;
    } else {
      // The worker holds its first task until the caller is done with everything else.
      wait_until([&] { return release.load(); });
    }
    if (on_caller.load() == 5) release = true;
  });
  EXPECT_GE(on_caller.load(), 5);  // its own 3 and 2 of the worker's (all 6 if the worker came late)
}

// A task that throws does not stop the others, and run() rethrows only once every task is done
// (the pool must not run on into the next batch with a task still in flight).
TEST(WorkerPool, RethrowsATasksExceptionAfterTheRunEnds) {
  WorkerPool pool(2);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::atomic<int>> hits(8);
    EXPECT_THROW(pool.run(8,
                          [&](size_t k) {
                            ++hits[k];
                            if (k == 1 || k == 6) throw std::runtime_error("task " + std::to_string(k));
                          }),
                 std::runtime_error);
    for (size_t k = 0; k < hits.size(); ++k) EXPECT_EQ(hits[k].load(), 1) << "round " << round << " task " << k;
  }
  std::atomic<int> after{0};
  pool.run(4, [&](size_t) { ++after; });
  EXPECT_EQ(after.load(), 4);
}

// The same contract when the tasks run on the calling thread alone (a pool of one, or a shared
// pool busy with another stage's run).
TEST(WorkerPool, TasksOnTheCallerAlsoAllRunBeforeTheRethrow) {
  WorkerPool pool(1);
  std::vector<int> hits(5, 0);
  try {
    pool.run(5, [&](size_t k) {
      ++hits[k];
      if (k == 1 || k == 3) throw std::runtime_error("task " + std::to_string(k));
    });
    ADD_FAILURE() << "run() did not rethrow";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "task 1") << "the first exception is the one rethrown";
  }
  EXPECT_EQ(hits, std::vector<int>(5, 1));
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

TEST(WorkerPool, SharedPoolsAreOnePerThreadCountWhileHeld) {
  auto two = WorkerPool::shared(2);
  EXPECT_EQ(two, WorkerPool::shared(2));
  EXPECT_EQ(two->threads(), 2u);
  auto three = WorkerPool::shared(3);
  EXPECT_NE(two, three);
  EXPECT_EQ(three->threads(), 3u);
  EXPECT_EQ(WorkerPool::shared(0)->threads(), 1u);
  WorkerPool* old = three.get();
  three.reset();  // the last holder: the pool and its threads go
  auto again = WorkerPool::shared(3);
  EXPECT_EQ(again->threads(), 3u);
  EXPECT_EQ(again.use_count(), 1) << "a released pool is not kept alive by the registry (was " << old << ")";
}

// A pipeline's template and drain stages run their batches on one shared pool from two threads.
// While one run is on the pool, another caller runs its tasks on its own thread instead of
// waiting for the pool.
TEST(WorkerPool, ARunThatFindsTheSharedPoolBusyRunsOnItsCaller) {
  auto pool = WorkerPool::shared(2);
  std::atomic<bool> busy{false}, release{false};
  std::vector<std::atomic<int>> first_hits(2);
  std::thread first([&] {
    pool->run(2, [&](size_t k) {
      first_hits[k].fetch_add(1);
      busy = true;
      wait_until([&] { return release.load(); });
    });
  });
  wait_until([&] { return busy.load(); });
  ASSERT_TRUE(busy.load());
  const auto caller = std::this_thread::get_id();
  std::vector<std::thread::id> ran_on(3);
  pool->run(3, [&](size_t k) { ran_on[k] = std::this_thread::get_id(); });
  release = true;
  first.join();
  for (size_t k = 0; k < 3; ++k) EXPECT_EQ(ran_on[k], caller) << "task " << k;
  for (size_t k = 0; k < 2; ++k) EXPECT_EQ(first_hits[k].load(), 1) << "task " << k;
}

// Two threads' runs on one shared pool, back to back: every run's tasks run exactly once before
// its run() returns, whether it got the pool or ran on its caller.
TEST(WorkerPool, RunsFromTwoThreadsOnASharedPoolEachRunEveryTaskOnce) {
  auto pool = WorkerPool::shared(2);
  auto stage = [&] {
    for (int round = 0; round < 300; ++round) {
      const size_t tasks = 2 + static_cast<size_t>(round % 9);
      std::vector<std::atomic<int>> hits(tasks);
      pool->run(tasks, [&](size_t k) {
        hits[k].fetch_add(1);
        std::this_thread::yield();
      });
      for (size_t k = 0; k < tasks; ++k) ASSERT_EQ(hits[k].load(), 1) << "round " << round << " task " << k;
    }
  };
  std::thread other(stage);
  stage();
  other.join();
}
