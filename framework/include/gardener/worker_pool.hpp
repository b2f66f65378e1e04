#pragma once
// A small pool of persistent threads for plugins that split a batch (the `template` transform, the
// `drain` clusterer). Threads live as long as the pool, so a batch costs two wake-ups instead of
// thread starts, and each worker keeps its thread-local buffers and malloc arena warm. A worker
// spins briefly after a batch before it sleeps, since the next batch usually follows at once.
//
// Each thread owns a fixed, contiguous block of a run's tasks and takes them front to back; a
// thread whose block is done helps the busiest other block from its back. So task k runs on the
// same core batch after batch (the drain's length shards keep their tree in that core's cache)
// unless that core falls behind.
//
// Stages that run one after another on a batch should share one pool (`shared()`): with a pool
// each, a template's and a drain's pool of 2 are 3 threads on 2 cores, and a worker that just
// finished one stage's batch spins where the other stage's threads should run.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace gardener {
inline namespace v1 {

class WorkerPool {
 public:
  /// `threads` counts the calling thread: a pool of 1 starts no thread and runs tasks inline.
  explicit WorkerPool(size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// The process's pool of `threads` threads, started on first use and shared by every caller
  /// that asks for the same count while one holds it (SDK 3.4).
  static std::shared_ptr<WorkerPool> shared(size_t threads);

  size_t threads() const { return workers_.size() + 1; }
  /// Runs task(0) .. task(tasks-1) on the pool and the calling thread; returns when all are
  /// done. Thread i (the caller is 0) starts with tasks [i*tasks/n, (i+1)*tasks/n). When tasks
  /// throw, the other tasks still run, and run() rethrows the first exception once all are done.
  /// A run called while another thread's run is on the pool runs its tasks on the calling thread
  /// (in a pipeline, the stage threads then already use the cores).
  void run(size_t tasks, const std::function<void(size_t)>& task);

 private:
  // A thread's share of the current run: tasks [front, back) not yet taken.
  struct Block {
    size_t front = 0, back = 0;
  };
  void work(size_t self);
  void drain_tasks(size_t self);
  bool take(size_t self, size_t& task);

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable wake_, done_;
  const std::function<void(size_t)>* task_ = nullptr;  // the run on the pool, or none
  std::vector<Block> blocks_;  // one per thread, guarded by mu_
  std::exception_ptr error_;   // the run's first exception, guarded by mu_
  size_t tasks_ = 0, finished_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
  // Mirrors of generation_ and of the last finished generation that spinning threads read
  // without the lock (the lock still hands out every task).
  std::atomic<uint64_t> published_{0}, all_done_{0};
};

}  // namespace v1
}  // namespace gardener
