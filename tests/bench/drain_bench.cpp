// gardener-drain-bench: lines/s, MB/s and peak RSS of the `template` transform + `drain` clusterer
// (the plugin code pipelines run). Modes:
//   (a) --input FILE [--lines N] [--threads N] [--batch N (default: sources' batch_size)]
//       message contents, one per line, repeated to N lines, streamed through one reused batch
//       as the pipeline does (the input is never held whole, so the RSS is the clusterer's).
//       With --threads N the N threads refill a slice of the batch each.
//   (b) --pipeline --input FILE [--lines N] [--threads N] [--batch N] [--cli PATH] [--plugins DIR]
//       writes the contents as a raw loghub-style text file ("<Date> <Time> <Level> <Component>:
//       <Content>") and times `log-gardener run` on file -> template -> drain -> json; the peak RSS
//       is the child's (wait4). --batch sets the file source's batch_size.
//   (u) --unique N [--max-clusters K] [--threads N] [--words W]
//       N lines of ever-new templates through template + drain with max_clusters = K (default
//       10000), RSS reported every 1M lines: with a bound it must stay flat. --words W adds W
//       constant words to every line: long templates, for the end-of-window merges' cost.
//   --set template.OPTION=VALUE / drain.OPTION=VALUE sets a plugin option in (a) and (u), e.g.
//       --set template.cache_entries=0 --set drain.recent_matches=false (both caches off).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include <gardener/gardener.hpp>
#include <gardener/input.hpp>

#include "../../plugins/clusterer_drain/drain_clusterer.hpp"
#include "../../plugins/transform_template/template_transform.hpp"
#include "bench_input.hpp"
#include "plugin_overrides.hpp"
#include "test_context.hpp"

namespace fs = std::filesystem;
using namespace gardener;
using gardener::testing::make_configured;

namespace {

struct Args {
  std::string input, cli, plugins;
  // The batch a source hands over by default (sources' batch_size): the records in flight decide
  // how much of the work stays in the CPU caches.
  size_t lines = 1'000'000, threads = 1, batch = InputOptions{}.batch_size, unique = 0, max_clusters = 10000,
         words = 0;
  bool pipeline = false;
  Json tmpl_opts = Json::object(), drain_opts = Json::object();  // --set, (a) and (u)
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "gardener-drain-bench: " << why << "\n"
            << "usage: gardener-drain-bench --input FILE [--lines N] [--threads N] [--batch N] [--set P.OPTION=V ...]\n"
            << "       gardener-drain-bench --pipeline --input FILE [--lines N] [--threads N] [--cli PATH] "
               "[--plugins DIR]\n"
            << "       gardener-drain-bench --unique N [--max-clusters K] [--threads N] [--words W] [--set ...]\n"
            << "--set template.OPTION=VALUE or drain.OPTION=VALUE sets a plugin option ((a) and (u) only)\n";
  std::exit(2);
}

size_t number(const std::string& k, const std::string& v) {
  try {
    return std::stoul(v);
  } catch (const std::exception&) {
    usage(k + " needs a number, got `" + v + "`");
  }
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    if (k == "--pipeline") {
      a.pipeline = true;
      continue;
    }
    if (i + 1 >= argc) usage("option " + k + " needs a value");
    std::string v = argv[++i];
    if (k == "--input") a.input = v;
    else if (k == "--cli") a.cli = v;
    else if (k == "--plugins") a.plugins = v;
    else if (k == "--lines") a.lines = number(k, v);
    else if (k == "--threads") a.threads = number(k, v);
    else if (k == "--batch") a.batch = std::max<size_t>(1, number(k, v));
    else if (k == "--unique") a.unique = number(k, v);
    else if (k == "--max-clusters") a.max_clusters = number(k, v);
    else if (k == "--words") a.words = number(k, v);
    else if (k == "--set") {
      if (std::string why = gardener::bench::apply_override(v, a.tmpl_opts, a.drain_opts); !why.empty()) usage(why);
    } else usage("unknown option " + k);
  }
  if (a.input.empty() && a.unique == 0) usage("give --input FILE or --unique N");
  return a;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) usage("cannot read " + path + " (one message per line)");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(std::move(l));
  if (lines.empty()) usage(path + " has no lines");
  return lines;
}

// User + system CPU seconds of this process (all threads): on a shared host the wall clock also
// counts other people's work, the CPU time does not.
double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

double current_rss_mb() {
  std::ifstream in("/proc/self/statm");
  size_t pages = 0, resident = 0;
  in >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// The template transform and the drain, configured from their own options tables.
struct Stages {
  std::unique_ptr<template_transform::TemplateTransform> tt;
  std::unique_ptr<drain::DrainClusterer> dc;
  gardener::testing::TestContext ctx;

  Stages(Json tmpl_opts, const Json& drain_opts) {
    // The same thread count for the masking as for the clustering.
    tmpl_opts["threads"] = drain_opts.at("threads");
    tt = make_configured<template_transform::TemplateTransform>(tmpl_opts, "template");
    dc = make_configured<drain::DrainClusterer>(drain_opts, "drain");
    ctx.pipeline = "bench";
    ctx.component = "drain";
    tt->start(ctx);
    dc->start(ctx);
  }
  std::chrono::steady_clock::duration in_template{}, in_drain{};  // each stage's own time
  void process(Batch& b) {
    auto t0 = std::chrono::steady_clock::now();
    tt->process(ctx, b);
    auto t1 = std::chrono::steady_clock::now();
    dc->process(ctx, b);
    in_template += t1 - t0;
    in_drain += std::chrono::steady_clock::now() - t1;
  }
  size_t finish() {
    Report rep;
    dc->finish(ctx, rep);
    return rep.clusters.size();
  }
};

// How many cores this process can get right now: the same busy loop on 1 and on n threads. On a
// shared host a thread-count comparison means nothing when this is near 1.
double available_cores(size_t n) {
  auto spin = [] {
    volatile uint64_t x = 0;
    for (uint64_t i = 0; i < 200'000'000; ++i) x = x + i;
  };
  auto wall = [&](size_t threads) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (size_t k = 0; k < threads; ++k) pool.emplace_back(spin);
    for (auto& t : pool) t.join();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  double one = wall(1);
  return static_cast<double>(n) * one / wall(n);
}

// Refills one batch in place (a source hands over fresh records; we reuse the capacity so the
// bench measures the stages, not the allocator behind a reader).
template <typename Next>
void fill(Batch& b, size_t n, Next&& next) {
  b.records.resize(n);
  for (Record& r : b.records) {
    next(r.message);
    r.masked.clear();
    r.cluster_id.clear();
    // `variables` and `tokens` are left as they are: the template transform overwrites both, and
    // clearing them here would free on this thread the strings a worker allocated.
  }
}

int mode_contents(const Args& a) {
  const auto base = read_lines(a.input);
  Json drain_opts = a.drain_opts;
  drain_opts["threads"] = a.threads;
  Stages st(a.tmpl_opts, drain_opts);
  Batch batch;
  size_t k = 0, bytes = 0;
  const double rss0 = bench::peak_rss_mb();
  const double cpu0 = process_cpu_seconds();
  auto t0 = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration in_stages{};
  // With threads, the batch is refilled by the same threads the stages use, a slice each, as a
  // source that reads in parallel would hand it over: one thread rewriting every record that the
  // others just wrote would wait on their caches.
  auto pool = WorkerPool::shared(a.threads);
  for (size_t done = 0; done < a.lines;) {
    const size_t n = std::min(a.batch, a.lines - done), slices = a.threads > 1 ? a.threads : 1;
    batch.records.resize(n);
    std::vector<size_t> slice_bytes(slices);
    pool->run(slices, [&](size_t s) {
      size_t filled = 0;
      for (size_t j = n * s / slices; j < n * (s + 1) / slices; ++j) {
        Record& r = batch.records[j];
        r.message.assign(base[(k + j) % base.size()]);
        r.cluster_id.clear();  // the template rewrites `masked`, `tokens` and `variables` whole
        filled += r.message.size() + 1;
      }
      slice_bytes[s] = filled;  // once a slice: the threads' counts share a cache line
    });
    for (size_t b : slice_bytes) bytes += b;
    k = (k + n) % base.size();
    auto s0 = std::chrono::steady_clock::now();
    st.process(batch);
    in_stages += std::chrono::steady_clock::now() - s0;
    done += n;
  }
  const auto finish0 = std::chrono::steady_clock::now();
  size_t clusters = st.finish();
  const auto t_end = std::chrono::steady_clock::now();
  const double secs = std::chrono::duration<double>(t_end - t0).count();
  const double finish_secs = std::chrono::duration<double>(t_end - finish0).count();
  double cpu = process_cpu_seconds() - cpu0;
  // Refilling the batch from the input runs between batches; in a pipeline the source does it on
  // its own thread. The stages' own time is what the threads option scales.
  const double stage_secs = std::chrono::duration<double>(in_stages).count();
  std::cout << fmt::format(
      "(a) template+drain: {} lines ({:.1f} MB), {} threads: {:.3f} s, {:.0f} lines/s, {:.1f} MB/s, {} clusters, "
      "peak RSS {:.0f} MB (input and program before the run: {:.0f} MB); CPU {:.3f} s ({:.2f} cores busy)\n",
      a.lines, bytes / 1e6, a.threads, secs, a.lines / secs, bytes / 1e6 / secs, clusters, bench::peak_rss_mb(),
      rss0, cpu, cpu / secs);
  std::cout << fmt::format("    in the stages (batch refills excluded): {:.3f} s, {:.0f} lines/s (template {:.3f} s, "
                           "drain {:.3f} s); outside them: refills {:.3f} s, the end of the run (finish) {:.3f} s\n",
                           stage_secs, a.lines / stage_secs, std::chrono::duration<double>(st.in_template).count(),
                           std::chrono::duration<double>(st.in_drain).count(), secs - stage_secs - finish_secs,
                           finish_secs);
  if (a.threads > 1)
    std::cout << fmt::format("    the host gives this process {:.2f} of {} cores right now (busy-loop check)\n",
                             available_cores(a.threads), a.threads);
  return 0;
}

// Letters only (no digit, so the masker keeps them as words): every value a different word.
std::string word_of(size_t v) {
  std::string s;
  do {
    s += static_cast<char>('a' + v % 26);
    v /= 26;
  } while (v);
  return s;
}

int mode_unique(const Args& a) {
  Json drain_opts = a.drain_opts;
  drain_opts["threads"] = a.threads;
  drain_opts["max_clusters"] = a.max_clusters;
  Stages st(a.tmpl_opts, drain_opts);
  Batch batch;
  size_t i = 0;
  auto t0 = std::chrono::steady_clock::now();
  std::cout << fmt::format("(u) {} lines of new templates, max_clusters {}, {} threads, {} more words a line\n",
                           a.unique, a.max_clusters, a.threads, a.words);
  std::string filler;
  for (size_t k = 0; k < a.words; ++k) filler += " f" + word_of(k);
  for (size_t done = 0; done < a.unique;) {
    size_t n = std::min(a.batch, a.unique - done);
    fill(batch, n, [&](std::string& m) {
      // The first two words spread the templates over the tree's leaves (99 x 99 children, as a
      // real mix of messages does); three more words are new on every line, so every line is a
      // new template.
      std::string w = word_of(i);
      m = "k" + word_of(i % 99) + " m" + word_of(i / 99 % 99) + " task q" + w + " state s" + w + " owner o" + w;
      m += filler;
      ++i;
    });
    st.process(batch);
    size_t before = done;
    done += n;
    if (done / 1'000'000 != before / 1'000'000 || done == a.unique)
      std::cout << fmt::format("  {:>9} lines: RSS {:.0f} MB, {:.0f} lines/s\n", done, current_rss_mb(),
                               done / std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count())
                << std::flush;
  }
  const auto t1 = std::chrono::steady_clock::now();
  size_t clusters = st.finish();
  std::cout << fmt::format("  report: {} clusters in {:.2f} s, peak RSS {:.0f} MB\n", clusters,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count(),
                           bench::peak_rss_mb());
  return 0;
}

// Runs `argv` and returns its exit status; `peak_mb` gets the child's peak RSS, `cpu` its CPU seconds.
int run_child(const std::vector<std::string>& args, double& peak_mb, double& cpu) {
  std::vector<char*> cargs;
  for (const auto& s : args) cargs.push_back(const_cast<char*>(s.c_str()));
  cargs.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  int status = 0;
  rusage u{};
  wait4(pid, &status, 0, &u);
  peak_mb = static_cast<double>(u.ru_maxrss) / 1024.0;
  cpu = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
        static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int mode_pipeline(const Args& a, const char* argv0) {
  fs::path build = fs::path(argv0).parent_path();
  std::string cli = a.cli.empty() ? (build / "log-gardener").string() : a.cli;
  std::string plugins = a.plugins.empty() ? (build / "plugins").string() : a.plugins;
  if (!fs::exists(cli)) usage(cli + " is not built: build the log-gardener target or pass --cli");
  const auto base = read_lines(a.input);
  fs::path dir = fs::temp_directory_path() / fmt::format("gardener-drain-bench-{}", getpid());
  fs::create_directories(dir);
  size_t bytes = 0;
  {
    static const char* kLevels[] = {"INFO", "WARN", "INFO", "ERROR", "DEBUG"};
    std::ofstream raw(dir / "input.log");
    for (size_t i = 0; i < a.lines; ++i) {
      size_t s = i / 1000;  // 1000 lines per second of log time, inside the run's window
      std::string line = fmt::format("2025-09-13 17:{:02}:{:02} {} comp{}: {}\n", s / 60 % 60, s % 60,
                                     kLevels[i % 5], i % 7, base[i % base.size()]);
      bytes += line.size();
      raw << line;
    }
  }
  // A log file is on disk before a run reads it: the kernel writing 100 MB of fresh dirty pages
  // back during the run would compete with the pipeline for the cores.
  if (int fd = ::open((dir / "input.log").c_str(), O_RDONLY); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::ofstream(dir / "bench.toml") << fmt::format(
      "[pipeline]\nname = \"drain-bench\"\n\n"
      "[sources.file]\ntype = \"file\"\npath = \"input.log\"\nformat = \"text\"\nbatch_size = {}\n"
      "log_format = \"<Date> <Time> <Level> <Component>: <Content>\"\n\n"
      "[transforms.template]\ntype = \"template\"\ninputs = [\"file\"]\nthreads = {}\n\n"
      "[clusterers.drain]\ntype = \"drain\"\ninputs = [\"template\"]\nthreads = {}\n\n"
      "[sinks.json]\ntype = \"json\"\ninputs = [\"drain\"]\npath = \"report.json\"\n",
      a.batch, a.threads, a.threads);
  double peak = 0, cpu = 0;
  auto t0 = std::chrono::steady_clock::now();
  int rc = run_child({cli, "--plugin-path", plugins, "--log-level", "warn", "run", (dir / "bench.toml").string(),
                      "--since", "2025-09-13T00:00:00Z", "--until", "2025-09-14T00:00:00Z", "--state",
                      (dir / "state.db").string()},
                     peak, cpu);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (rc != 0) {
    std::cerr << "log-gardener run exited with " << rc << "; the pipeline is in " << dir.string() << "\n";
    return 1;
  }
  std::cout << fmt::format(
      "(b) whole pipeline file -> template -> drain -> json: {} lines ({:.1f} MB), {} threads (template and drain): {:.3f} s, "
      "{:.0f} lines/s, {:.1f} MB/s, peak RSS {:.0f} MB (log-gardener); CPU {:.3f} s ({:.2f} cores busy)\n",
      a.lines, bytes / 1e6, a.threads, secs, a.lines / secs, bytes / 1e6 / secs, peak, cpu, cpu / secs);
  fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a = parse_args(argc, argv);
  try {
    if (a.unique) return mode_unique(a);
    if (a.pipeline) return mode_pipeline(a, argv[0]);
    return mode_contents(a);
  } catch (const std::exception& e) {
    std::cerr << "gardener-drain-bench: " << e.what() << "\n";
    return 1;
  }
}
