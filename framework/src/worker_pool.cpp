#include <gardener/worker_pool.hpp>

namespace gardener {
inline namespace v1 {

WorkerPool::WorkerPool(size_t threads) {
  for (size_t k = 1; k < threads; ++k) workers_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
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
    if (++finished_ == tasks_) done_.notify_all();
  }
}

void WorkerPool::work() {
  uint64_t seen = 0;
  for (;;) {
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
  {
    std::lock_guard lock(mu_);
    task_ = &task;
    tasks_ = tasks;
    next_ = finished_ = 0;
    ++generation_;
  }
  wake_.notify_all();
  drain_tasks();
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return finished_ == tasks_; });
  task_ = nullptr;
}

}  // namespace v1
}  // namespace gardener
