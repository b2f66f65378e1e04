// gardener-report-bench --data LOGHUB_2K_DIR [--lines N] [--clusters K]
// Measures ClusterStats::add over Loghub lines (as the clusterers call it, link-key scan included),
// analyze_report on K clusters, and render_worklog of that report.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include <gardener/cluster_stats.hpp>

#include "analysis/analysis.hpp"
#include "bench_input.hpp"
#include "worklog_render.hpp"

using namespace gardener;

int main(int argc, char** argv) {
  std::string data = bench::arg(argc, argv, "--data", "");
  if (data.empty()) {
    std::cerr << "usage: gardener-report-bench --data LOGHUB_2K_DIR [--lines N] [--clusters K]\n";
    return 2;
  }
  size_t n = std::stoul(bench::arg(argc, argv, "--lines", "1000000"));
  size_t k = std::stoul(bench::arg(argc, argv, "--clusters", "2000"));
  auto lines = bench::loghub_lines(data);
  if (lines.empty()) {
    std::cerr << "no *_2k.log files under " << data << "\n";
    return 2;
  }
  std::vector<Record> records(std::min(n, lines.size() * 50));
  size_t bytes = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    records[i].message = lines[i % lines.size()];
    records[i].module = "mod" + std::to_string(i % 7);
    records[i].timestamp_ns = static_cast<TimeNs>(i) * 1'000'000;
    records[i].severity = i % 5 ? Severity::Warning : Severity::Error;
    bytes += records[i].message.size();
  }
  std::vector<ClusterStats> stats(k);
  size_t rounds = (n + records.size() - 1) / records.size();
  auto t = bench::timed([&] {
    for (size_t r = 0; r < rounds; ++r) {
      for (size_t i = 0; i < records.size(); ++i) stats[(i * 31 + r) % k].add(records[i]);
    }
  });
  double total = static_cast<double>(rounds * records.size());
  std::cout << fmt::format("ClusterStats::add: {:.0f} lines in {:.3f} s wall ({:.3f} s CPU) = {:.0f} lines/s, {:.1f} MB/s (CPU)\n",
                           total, t.wall, t.cpu, total / t.cpu, static_cast<double>(bytes * rounds) / t.cpu / 1e6);

  Report report;
  report.pipeline = "bench";
  report.window = {0, 3600 * kNsPerSecond};
  for (size_t i = 0; i < k; ++i) {
    Cluster c;
    c.id = fmt::format("c{:05}", i);
    c.title = c.id;
    stats[i].fill(c);
    report.lines_read += c.count;
    report.clusters.push_back(std::move(c));
  }
  auto analysis = bench::seconds([&] { analyze_report(report, nullptr, AnalysisSettings{}); });
  std::cout << fmt::format("analyze_report: {} clusters, {} incidents in {:.3f} s\n", k, report.incidents.size(), analysis);
  std::string text;
  auto render = bench::seconds([&] { text = markdown::render_worklog(report, {}); });
  std::cout << fmt::format("render_worklog: {} clusters, {:.1f} MB in {:.3f} s\n", k, text.size() / 1e6, render);
  std::cout << fmt::format("peak RSS {:.0f} MB\n", bench::peak_rss_mb());
  return 0;
}
