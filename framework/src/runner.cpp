#include "runner.hpp"

#include "input/spare_records.hpp"

#include <gardener/redaction.hpp>

#include <array>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "analysis/analysis.hpp"
#include "bounded_queue.hpp"
#include "run_context.hpp"
#include "state/run_lock.hpp"

namespace gardener {
inline namespace v1 {
namespace {

using BatchPtr = std::shared_ptr<Batch>;
using Queue = BoundedQueue<BatchPtr>;

struct StageStats {
  uint64_t records_in = 0;
  uint64_t unclaimed_out = 0;  // records leaving this stage unclaimed (what later stages see)
  TimeNs busy_ns = 0;
  TimeNs cpu_ns = 0;  // CPU time of the stage's own thread (its worker pool's threads not included)
  uint64_t batches = 0;
};

bool is_stream(const Node& n) { return n.spec.kind != Kind::Sink; }

class Execution {
 public:
  Execution(Pipeline& p, const RunOptions& o, RunShared& shared) : p_(p), o_(o), shared_(shared) {
    stats_.resize(p.nodes.size());
    queues_.resize(p.nodes.size());
    source_severities_.resize(p.nodes.size());  // sized up front: each source thread owns its slot
    for (size_t i = 0; i < p.nodes.size(); ++i) {
      const Node& n = p.nodes[i];
      if (n.spec.kind == Kind::Transform || n.spec.kind == Kind::Clusterer) {
        size_t producers = 0;
        for (size_t in : n.inputs) producers += is_stream(p.nodes[in]) ? 1 : 0;
        queues_[i] = std::make_unique<Queue>(o.queue_capacity, producers);
      }
    }
  }

  /// Streams every record through sources, transforms and clusterers. False on failure/stop.
  bool stream() {
    std::vector<std::thread> threads;
    for (size_t i = 0; i < p_.nodes.size(); ++i) {
      if (!is_stream(p_.nodes[i])) continue;
      threads.emplace_back([this, i] { run_stage(i); });
    }
    for (auto& t : threads) t.join();
    return failure_.empty() && !stopped();
  }

  std::string failure() const { return failure_; }
  const std::vector<StageStats>& stats() const { return stats_; }
  const std::map<std::string, std::map<Severity, uint64_t>>& severities() const { return severities_; }
  uint64_t queue_waits(size_t i) const { return queues_[i] ? queues_[i]->full_waits() : 0; }
  bool stopped() const { return o_.stop && o_.stop->load(); }

 private:
  class StageEmitter : public Emitter, public detail::SpareRecords {
   public:
    StageEmitter(Execution& e, size_t node) : e_(e), node_(node) {}
    bool emit(Batch&& batch) override {
      e_.count_source(node_, batch);
      if (!refills_) e_.free_finished_records();  // a refilling source takes them instead
      return e_.forward(node_, std::make_shared<Batch>(std::move(batch)));
    }
    std::vector<Record> take_spare_records() override {
      refills_ = true;
      return e_.take_finished_records();
    }

   private:
    Execution& e_;
    size_t node_;
    bool refills_ = false;
  };

  void count_source(size_t node, const Batch& batch) {
    auto& st = stats_[node];
    st.records_in += batch.records.size();
    st.unclaimed_out += batch.records.size();
    ++st.batches;
    auto& sev = source_severities_[node];
    for (const auto& r : batch.records) ++sev[severity_slot(r.severity)];
  }

  // Sends a batch to every stream output; outputs after the first get a copy.
  bool forward(size_t node, BatchPtr batch) {
    std::vector<size_t> outs;
    for (size_t o : p_.nodes[node].outputs)
      if (is_stream(p_.nodes[o])) outs.push_back(o);
    for (size_t k = 0; k < outs.size(); ++k) {
      BatchPtr b = (k + 1 == outs.size()) ? batch : std::make_shared<Batch>(*batch);
      if (!queues_[outs[k]]->push(std::move(b), stop_flag())) return false;
    }
    return true;
  }

  const std::atomic<bool>& stop_flag() const { return o_.stop ? *o_.stop : internal_stop_; }

  void fail(const std::string& message) {
    std::lock_guard lock(mu_);
    if (failure_.empty()) failure_ = message;
    if (o_.stop) o_.stop->store(true);
    internal_stop_ = true;
    for (auto& q : queues_)
      if (q) q->cancel();
  }

  static TimeNs thread_cpu_ns() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<TimeNs>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
  }

  void run_stage(size_t i) {
    const TimeNs cpu0 = thread_cpu_ns();
    Node& node = p_.nodes[i];
    RunContext ctx(shared_, node.spec.name);
    try {
      if (node.spec.kind == Kind::Source) {
        auto* source = static_cast<Source*>(node.component.get());
        StageEmitter emitter(*this, i);
        auto t0 = std::chrono::steady_clock::now();
        source->run(ctx, emitter);
        stats_[i].busy_ns = (std::chrono::steady_clock::now() - t0).count();
      } else {
        process_batches(i, ctx);
      }
    } catch (const std::exception& e) {
      fail(e.what());
    }
    stats_[i].cpu_ns = thread_cpu_ns() - cpu0;
    for (size_t o : node.outputs)
      if (queues_[o]) queues_[o]->producer_done();
    if (node.spec.kind == Kind::Source) {
      std::lock_guard lock(mu_);
      const auto& counts = source_severities_[i];
      for (size_t k = 0; k < counts.size(); ++k)
        if (counts[k]) severities_[node.spec.name][static_cast<Severity>(k * 100)] += counts[k];
    }
  }

  void process_batches(size_t i, Context& ctx) {
    Node& node = p_.nodes[i];
    auto& st = stats_[i];
    while (auto batch = queues_[i]->pop()) {
      auto t0 = std::chrono::steady_clock::now();
      st.records_in += (*batch)->records.size();
      ++st.batches;
      if (node.spec.kind == Kind::Transform) {
        static_cast<Transform*>(node.component.get())->process(ctx, **batch);
      } else {
        static_cast<Clusterer*>(node.component.get())->process(ctx, **batch);
        keep_unclaimed(**batch);
      }
      st.unclaimed_out += (*batch)->records.size();
      st.busy_ns += (std::chrono::steady_clock::now() - t0).count();
      if (!forward(i, std::move(*batch))) break;
    }
  }

  // Records every clusterer is done with go back to a source thread, the thread that allocated
  // most of their memory: a reading source refills them (input/spare_records.hpp), any other one
  // frees them (cheaper for the allocator than freeing them on the template transform's thread,
  // and not on the clusterer's, the pipeline's busiest stage). Bounded: past a few batches the
  // clusterer frees them itself.
  void hand_back(std::vector<Record>&& records) {
    std::lock_guard lock(finished_mu_);
    if (finished_.size() < kFinishedBatches) finished_.push_back(std::move(records));
  }
  std::vector<Record> take_finished_records() {
    std::lock_guard lock(finished_mu_);
    if (finished_.empty()) return {};
    std::vector<Record> spare = std::move(finished_.back());
    finished_.pop_back();
    return spare;
  }
  void free_finished_records() {
    std::vector<Record> done;
    {
      std::lock_guard lock(finished_mu_);
      if (finished_.empty()) return;
      done = std::move(finished_.back());
      finished_.pop_back();
    }
  }  // `done` is freed here, outside the lock, on the calling source's thread

  // Claimed and dropped records stop here: a later clusterer sees only what is left.
  void keep_unclaimed(Batch& batch) {
    auto claimed = [](const Record& r) { return r.dropped || !r.cluster_id.empty(); };
    auto& recs = batch.records;
    if (std::all_of(recs.begin(), recs.end(), claimed)) {
      hand_back(std::move(recs));
      recs.clear();
      return;
    }
    recs.erase(std::remove_if(recs.begin(), recs.end(), claimed), recs.end());
  }

  Pipeline& p_;
  const RunOptions& o_;
  RunShared& shared_;
  std::vector<StageStats> stats_;
  std::vector<std::unique_ptr<Queue>> queues_;
  static constexpr size_t kFinishedBatches = 4;
  std::mutex finished_mu_;
  std::vector<std::vector<Record>> finished_;
  // Severity counts per source node, indexed by rank / 100 (DEFAULT .. EMERGENCY).
  std::vector<std::array<uint64_t, 9>> source_severities_;
  static size_t severity_slot(Severity s) { return std::min<size_t>(static_cast<size_t>(s) / 100, 8); }
  std::map<std::string, std::map<Severity, uint64_t>> severities_;
  std::mutex mu_;
  std::string failure_;
  std::atomic<bool> internal_stop_{false};
};

Report base_report(const Pipeline& p, const RunOptions& o, const Execution& ex, RunShared& shared) {
  Report r;
  r.pipeline = p.spec.name;
  r.service = p.spec.service;
  r.window = o.window;
  r.generated_at = now_ns();
  r.plan = o.plan;
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const Node& n = p.nodes[i];
    if (n.spec.kind != Kind::Source) continue;
    SourceInfo info = static_cast<const Source*>(n.component.get())->info();
    info.name = n.spec.name;
    info.type = n.spec.type;
    info.lines_read = ex.stats()[i].records_in;
    r.lines_read += info.lines_read;
    if (info.truncated) r.warnings.push_back(fmt::format("source `{}` stopped at a stated limit: {}", info.name, info.note));
    r.sources.push_back(std::move(info));
  }
  for (const auto& [src, sev] : ex.severities())
    for (const auto& [s, n] : sev) r.by_severity[std::string(severity_name(s))] += n;
  std::lock_guard lock(shared.mu);
  r.bad_lines = shared.bad_lines;
  r.bad_line_samples = shared.bad_line_samples;
  r.redactions = shared.redactions;
  return r;
}

void add_metrics(Report& r, const Pipeline& p, const Execution& ex, RunShared& shared, TimeNs wall) {
  Json stages = Json::object();
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const Node& n = p.nodes[i];
    if (n.spec.kind == Kind::Sink) continue;
    const auto& st = ex.stats()[i];
    stages[n.spec.name] = {{"kind", kind_name(n.spec.kind)}, {"type", n.spec.type}, {"records_in", st.records_in},
                           {"records_out", st.unclaimed_out}, {"batches", st.batches},
                           {"busy_seconds", static_cast<double>(st.busy_ns) / 1e9},
                           {"thread_cpu_seconds", static_cast<double>(st.cpu_ns) / 1e9},
                           {"queue_full_waits", ex.queue_waits(i)}};
  }
  std::lock_guard lock(shared.mu);
  for (const auto& [component, values] : shared.metrics)
    for (const auto& [name, v] : values) stages[component][name] = v;
  r.metrics["stages"] = stages;
  r.metrics["wall_seconds"] = static_cast<double>(wall) / 1e9;
  if (wall > 0) r.metrics["lines_per_second"] = static_cast<double>(r.lines_read) * 1e9 / static_cast<double>(wall);
}

// The report a sink sees: the clusters of the clusterers upstream of it, and the unclaimed count
// of the stream stages that feed it directly.
Report report_for_sink(const Pipeline& p, size_t sink, const Report& full, const Execution& ex,
                       const std::map<size_t, Report>& sink_reports) {
  const Node& node = p.nodes[sink];
  for (size_t in : node.inputs)
    if (p.nodes[in].spec.kind == Kind::Sink) {
      auto it = sink_reports.find(in);
      if (it != sink_reports.end()) return it->second;
    }
  Report r = full;
  std::set<std::string> upstream;
  for (size_t c : p.find_upstream(sink, Kind::Clusterer)) upstream.insert(p.nodes[c].spec.name);
  std::erase_if(r.clusters, [&](const Cluster& c) { return !upstream.count(c.source_component); });
  std::erase_if(r.incidents, [&](const Incident& inc) {
    return std::any_of(inc.cluster_ids.begin(), inc.cluster_ids.end(),
                       [&](const std::string& id) { return !r.find_cluster(id); });
  });
  r.lines_not_clustered = 0;
  for (size_t in : node.inputs)
    if (is_stream(p.nodes[in])) r.lines_not_clustered += ex.stats()[in].unclaimed_out;
  r.lines_dropped = 0;
  const Json dropped_by = full.metrics.value("dropped_by", Json::object());
  for (auto it = dropped_by.begin(); it != dropped_by.end(); ++it)
    if (upstream.count(it.key())) r.lines_dropped += it.value().get<uint64_t>();
  return r;
}

}  // namespace

std::string default_state_path(const std::string& pipeline_name) {
  std::string base;
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) base = x;
  else if (const char* h = std::getenv("HOME"); h && *h) base = std::string(h) + "/.local/state";
  else base = ".";
  return base + "/log-gardener/" + safe_name(pipeline_name) + ".db";
}

namespace {

void finish_clusterers(Pipeline& p, RunShared& shared, Report& full) {
  Json dropped_by = Json::object();
  for (auto& node : p.nodes) {
    if (node.spec.kind != Kind::Clusterer) continue;
    RunContext ctx(shared, node.spec.name);
    Report fragment;
    fragment.window = full.window;
    fragment.pipeline = full.pipeline;
    static_cast<Clusterer*>(node.component.get())->finish(ctx, fragment);
    for (auto& c : fragment.clusters) {
      if (c.source_component.empty()) c.source_component = node.spec.name;
      full.clusters.push_back(std::move(c));
    }
    dropped_by[node.spec.name] = fragment.lines_dropped;
    full.lines_dropped += fragment.lines_dropped;
    for (auto& w : fragment.warnings) full.warnings.push_back(std::move(w));
  }
  full.metrics["dropped_by"] = dropped_by;
}

// Runs the sinks in graph order; a failing sink does not stop the others (exit code 3).
std::string write_sinks(Pipeline& p, RunShared& shared, Report& full, const Execution& ex) {
  std::map<size_t, Report> sink_reports;
  std::string failures;
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    Node& node = p.nodes[i];
    if (node.spec.kind != Kind::Sink) continue;
    Report r = report_for_sink(p, i, full, ex, sink_reports);
    RunContext ctx(shared, node.spec.name);
    try {
      static_cast<Sink*>(node.component.get())->write(ctx, r);
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      failures += (failures.empty() ? "" : "; ") + std::string(e.what());
      r.warnings.push_back(fmt::format("sink `{}` failed: {}", node.spec.name, e.what()));
    }
    // Issue links and other annotations flow back into the full report for later sinks.
    for (const auto& c : r.clusters)
      if (auto* fc = full.find_cluster(c.id)) {
        if (c.issue) fc->issue = c.issue;
        for (auto it = c.extra.begin(); it != c.extra.end(); ++it) fc->extra[it.key()] = it.value();
      }
    sink_reports[i] = std::move(r);
  }
  if (!sink_reports.empty()) {
    full.warnings = sink_reports.rbegin()->second.warnings;
  }
  return failures;
}

void shutdown_all(Pipeline& p) {
  for (auto& node : p.nodes)
    if (node.component) node.component->shutdown();
}

}  // namespace

RunResult run_pipeline(Pipeline& p, const RunOptions& o) {
  RunResult result;
  std::vector<ConfigError> errors;
  AnalysisSettings settings = parse_analysis_settings(p.spec.analysis, errors);
  if (!errors.empty()) {
    result.code = ExitCode::Usage;
    result.message = format_errors(errors);
    return result;
  }
  std::unique_ptr<StateStore> state;
  std::optional<detail::RunLock> run_lock;  // a plan writes nothing, so it runs beside a run
  if (!o.state_path.empty()) {
    state = StateStore::open(o.state_path);
    if (!o.plan) run_lock.emplace(o.state_path + ".lock", 10 * kNsPerSecond);
  }

  RunShared shared;
  shared.pipeline = p.spec.name;
  shared.base_dir = p.spec.base_dir;
  shared.window = o.window;
  shared.plan = o.plan;
  shared.state = state.get();
  std::atomic<bool> local_stop{false};
  shared.stop = o.stop ? o.stop : &local_stop;
  shared.progress = o.progress;
  shared.plan_output = o.plan_output;
  RunOptions opts = o;
  opts.stop = shared.stop;

  int64_t run_id = (state && !o.plan) ? state->begin_run(p.spec.name, o.window) : 0;
  auto finish_run = [&](const char* status) {
    if (run_id) state->finish_run(run_id, status);
  };
  // Every way a run can fail ends here: components shut down, the run recorded, exit code 1.
  auto abandon = [&](const char* status, std::string message) {
    shutdown_all(p);
    finish_run(status);
    result.code = ExitCode::RunFailed;
    result.message = std::move(message);
    return result;
  };
  auto t0 = std::chrono::steady_clock::now();
  try {
    for (auto& node : p.nodes) {
      RunContext ctx(shared, node.spec.name);
      node.component->start(ctx);
    }
  } catch (const std::exception& e) {
    return abandon("failed", e.what());
  }
  // The sinks redact the report with the default redactor, whose Hyperscan database takes ~65 ms
  // to compile: it compiles while the records stream instead of after (the future waits for it
  // on every way out of this function).
  auto redactor_compiled = std::async(std::launch::async, [] { default_redactor(); });
  Execution ex(p, opts, shared);
  bool complete = ex.stream();
  if (o.progress) std::fputc('\n', stderr);
  if (!complete) {
    if (ex.failure().empty())
      return abandon("abandoned",
                     "interrupted: the window was abandoned and nothing was written; run the same window again");
    return abandon("failed", ex.failure() + " (the window was abandoned and nothing was written)");
  }
  Report full = base_report(p, o, ex, shared);
  std::string failures;
  try {
    finish_clusterers(p, shared, full);
    // What the command line's summary prints; each sink's view counts its own branch.
    const uint64_t accounted = full.clustered_lines() + full.lines_dropped;
    full.lines_not_clustered = full.lines_read > accounted ? full.lines_read - accounted : 0;
    analyze_report(full, state.get(), settings);
    add_metrics(full, p, ex, shared, (std::chrono::steady_clock::now() - t0).count());
    failures = write_sinks(p, shared, full, ex);
    if (run_id) record_run(full, *state, run_id);
  } catch (const std::exception& e) {
    return abandon("failed", e.what());
  }
  shutdown_all(p);
  finish_run(failures.empty() ? "ok" : "sink_failed");
  result.report = std::move(full);
  if (!failures.empty()) {
    result.code = ExitCode::SinkFailed;
    result.message = "the run finished but a sink failed: " + failures;
  }
  return result;
}

}  // namespace v1
}  // namespace gardener
