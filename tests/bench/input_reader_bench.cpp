// gardener-input-bench: reads a file through the EventReader (as the `file` source does) and prints
// lines/s, MB/s and peak RSS. The input is repeated --repeat times into a temporary file first, so
// small samples give stable figures. Usage:
//   gardener-input-bench FILE [--repeat N] [--format auto|jsonl|gcloud_json|text] [--log-format F]
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include <gardener/input.hpp>

#include "test_context.hpp"

using namespace gardener;

namespace {

/// Counts what it receives and drops it (the bench measures reading, not downstream stages).
struct CountingEmitter : Emitter {
  uint64_t records = 0;
  bool emit(Batch&& b) override {
    records += b.records.size();
    return true;
  }
};

InputFormat parse_format(const std::string& s) {
  if (s == "jsonl") return InputFormat::Jsonl;
  if (s == "gcloud_json") return InputFormat::GcloudJson;
  if (s == "text") return InputFormat::Text;
  return InputFormat::Auto;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: gardener-input-bench FILE [--repeat N] [--format F] [--log-format F]\n";
    return 2;
  }
  std::string file = argv[1];
  int repeat = 100;
  InputOptions opt;
  opt.multiline = default_multiline_patterns();
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--repeat") repeat = std::stoi(v);
    else if (k == "--format") opt.format = parse_format(v);
    else if (k == "--log-format") opt.log_format = v;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "gardener-input-bench: cannot read " << file << "\n";
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  gardener::testing::TempDir dir;
  std::string big = dir.file("input");
  {
    std::ofstream out(big, std::ios::binary);
    for (int i = 0; i < repeat; ++i) out << ss.str();
  }
  gardener::testing::TestContext ctx;
  CountingEmitter sink;
  EventReader reader(opt);
  auto t0 = std::chrono::steady_clock::now();
  reader.read_file(big, file, ctx, sink);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto& c = reader.counts();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::cout << fmt::format(
      "input {} x{}: {} lines, {} records, {} bad, {:.1f} MB in {:.3f} s: {:.0f} lines/s, {:.1f} MB/s, peak RSS {:.1f} MB\n",
      file, repeat, c.lines, sink.records, c.bad, c.bytes / 1e6, secs, c.lines / secs, c.bytes / 1e6 / secs,
      ru.ru_maxrss / 1024.0);
  return 0;
}
