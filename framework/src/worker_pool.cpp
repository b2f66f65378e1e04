#include <gardener/worker_pool.hpp>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define GARDENER_PAUSE() _mm_pause()
#else
#define GARDENER_PAUSE() std::this_thread::yield()
#endif

namespace gardener {
inline namespace v1 {
namespace {
// Batches come back to back (the template's, then the drain's), so a worker that just finished
// spins this long before it sleeps: waking a sleeping thread costs more than a batch's tail.
constexpr int kSpins = 2000;  // about 50-100 us of `pause`
}  // namespace

WorkerPool::WorkerPool(size_t threads) {
  for (size_t k = 1; k < threads; ++k) workers_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    published_.store(~uint64_t{0}, std::memory_order_release);
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

// Takes tasks until none is left; called with mu_ unlocked.
void WorkerPool::drain_tasks() {
  for (;;) {
    size_t k;
    const std::function<void(size_t)>* task;
    {
      std::lock_guard lock(mu_);
      if (next_ >= tasks_) return;
      k = next_++;
      task = task_;
    }
    (*task)(k);
    std::lock_guard lock(mu_);
    if (++finished_ == tasks_) {
      all_done_.store(generation_, std::memory_order_release);
      done_.notify_all();
    }
  }
}

void WorkerPool::work() {
  uint64_t seen = 0;
  for (;;) {
    for (int i = 0; i < kSpins && published_.load(std::memory_order_acquire) == seen; ++i) GARDENER_PAUSE();
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    drain_tasks();
  }
}

void WorkerPool::run(size_t tasks, const std::function<void(size_t)>& task) {
  if (tasks == 0) return;
  if (workers_.empty() || tasks == 1) {
    for (size_t k = 0; k < tasks; ++k) task(k);
    return;
  }
  uint64_t gen;
  {
    std::lock_guard lock(mu_);
    task_ = &task;
    tasks_ = tasks;
    next_ = finished_ = 0;
    gen = ++generation_;
    published_.store(gen, std::memory_order_release);
  }
  wake_.notify_all();
  drain_tasks();
  for (int i = 0; i < kSpins && all_done_.load(std::memory_order_acquire) != gen; ++i) GARDENER_PAUSE();
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_ == tasks_; });
  task_ = nullptr;
}

}  // namespace v1
}  // namespace gardener
