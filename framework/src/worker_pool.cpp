#include <gardener/worker_pool.hpp>

#include <algorithm>
#include <utility>

namespace gardener {
inline namespace v1 {
namespace {
// Batches come back to back (the template's, then the drain's), so a worker that just finished
// spins this long before it sleeps: waking a sleeping thread costs more than a batch's tail. It
// spins with sched_yield, not `pause`: other threads want the core too (a pipeline's stage
// threads; before pools were shared, the other stage's pool), and a worker spinning with `pause`
// kept them off it (2 threads: 1.25x one thread's speed with `pause`, 1.4x with yield).
constexpr int kSpins = 2000;

// Runs every task on the calling thread, with run()'s contract: a task that throws does not stop
// the others, and the first exception is rethrown at the end.
void run_here(size_t tasks, const std::function<void(size_t)>& task) {
  std::exception_ptr first;
  for (size_t k = 0; k < tasks; ++k) {
    try {
      task(k);
    } catch (...) {
      if (!first) first = std::current_exception();
    }
  }
  if (first) std::rethrow_exception(first);
}
}  // namespace

WorkerPool::WorkerPool(size_t threads) : blocks_(std::max<size_t>(threads, 1)) {
  for (size_t k = 1; k < threads; ++k) workers_.emplace_back([this, k] { work(k); });
}

std::shared_ptr<WorkerPool> WorkerPool::shared(size_t threads) {
  threads = std::max<size_t>(threads, 1);
  static std::mutex registry_mu;
  static std::vector<std::weak_ptr<WorkerPool>> registry;  // expired pools' slots are reused
  std::lock_guard lock(registry_mu);
  std::weak_ptr<WorkerPool>* free_slot = nullptr;
  for (auto& slot : registry) {
    if (auto pool = slot.lock()) {
      if (pool->threads() == threads) return pool;
    } else if (!free_slot) {
      free_slot = &slot;
    }
  }
  auto pool = std::make_shared<WorkerPool>(threads);
  if (free_slot)
    *free_slot = pool;
  else
    registry.push_back(pool);
  return pool;
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

// The next task for thread `self`: the front of its own block, else the back of the block with
// the most left (the owner is working at that block's front). Called with mu_ locked.
bool WorkerPool::take(size_t self, size_t& task) {
  Block& own = blocks_[self];
  if (own.front < own.back) {
    task = own.front++;
    return true;
  }
  Block* busiest = nullptr;
  for (Block& b : blocks_)
    if (b.front < b.back && (!busiest || b.back - b.front > busiest->back - busiest->front)) busiest = &b;
  if (!busiest) return false;
  task = --busiest->back;
  return true;
}

// Takes tasks until none is left; called with mu_ unlocked.
void WorkerPool::drain_tasks(size_t self) {
  for (;;) {
    size_t k;
    const std::function<void(size_t)>* task;
    {
      std::lock_guard lock(mu_);
      if (!take(self, k)) return;
      task = task_;
    }
    std::exception_ptr error;
    try {
      (*task)(k);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard lock(mu_);
    if (error && !error_) error_ = error;
    if (++finished_ == tasks_) {
      all_done_.store(generation_, std::memory_order_release);
      done_.notify_all();
    }
  }
}

void WorkerPool::work(size_t self) {
  uint64_t seen = 0;
  for (;;) {
    for (int i = 0; i < kSpins && published_.load(std::memory_order_acquire) == seen; ++i) std::this_thread::yield();
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    drain_tasks(self);
  }
}

void WorkerPool::run(size_t tasks, const std::function<void(size_t)>& task) {
  if (tasks == 0) return;
  if (workers_.empty() || tasks == 1) return run_here(tasks, task);
  uint64_t gen;
  {
    std::unique_lock lock(mu_);
    // A shared pool takes one run at a time (task_ marks it; the layout stays SDK 3.0's). A
    // caller that finds it busy runs its tasks itself, rather than idle while its cores are taken.
    if (task_ != nullptr) {
      lock.unlock();
      return run_here(tasks, task);
    }
    task_ = &task;
    tasks_ = tasks;
    finished_ = 0;
    const size_t n = blocks_.size();
    for (size_t i = 0; i < n; ++i) blocks_[i] = Block{i * tasks / n, (i + 1) * tasks / n};
    gen = ++generation_;
    published_.store(gen, std::memory_order_release);
  }
  wake_.notify_all();
  drain_tasks(0);
  for (int i = 0; i < kSpins && all_done_.load(std::memory_order_acquire) != gen; ++i) std::this_thread::yield();
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_ == tasks_; });
  task_ = nullptr;
  if (std::exception_ptr error = std::exchange(error_, nullptr)) {
    lock.unlock();
    std::rethrow_exception(error);
  }
}

}  // namespace v1
}  // namespace gardener
