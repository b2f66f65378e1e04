// gardener-redact-bench: the Redactor and the `redact` transform on one thread over realistic
// lines: Loghub-2k lines, half of them wrapped as Cloud Run JSON entries, with one line in
// --secret-every carrying fake secrets from the redaction corpus.
//   gardener-redact-bench --data DIR [--lines 1000000] [--secret-every 20]
#include <gardener/redaction.hpp>

#include <fmt/format.h>

#include "../../plugins/transform_redact/redact_transform.hpp"
#include "../data/redaction/fake_secrets.hpp"
#include "bench_input.hpp"

using namespace gardener;

namespace {

std::vector<std::string> workload(const std::vector<std::string>& loghub, const std::vector<std::string>& secrets,
                                  size_t n, size_t secret_every) {
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (secret_every && i % secret_every == secret_every - 1) {
      out.push_back(secrets[(i / secret_every) % secrets.size()]);
    } else if (i % 2) {
      Json entry = {{"severity", "INFO"},
                    {"message", loghub[i % loghub.size()]},
                    {"logging.googleapis.com/labels", {{"instanceId", "00f2a7c3b9e14d6a"}}},
                    {"timestamp", "2025-09-13T22:36:23.942674Z"}};
      out.push_back(entry.dump());
    } else {
      out.push_back(loghub[i % loghub.size()]);
    }
  }
  return out;
}

void report(const std::string& what, size_t lines, size_t bytes, bench::Timing t, size_t redactions) {
  fmt::print("{:<48} {:>9.0f} lines/s {:>6.1f} MB/s per CPU second; wall {:>9.0f} lines/s ({} lines, {} redactions)\n",
             what, lines / t.cpu, bytes / t.cpu / 1e6, lines / t.wall, lines, redactions);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = bench::arg(argc, argv, "--data", "");
  if (data.empty()) {
    std::cerr << "usage: gardener-redact-bench --data LOGHUB_2K_DIR [--lines N] [--secret-every K]\n";
    return 2;
  }
  size_t n = std::stoul(bench::arg(argc, argv, "--lines", "1000000"));
  size_t every = std::stoul(bench::arg(argc, argv, "--secret-every", "20"));
  auto secrets = testing::read_corpus(std::string(GARDENER_SOURCE_DIR) + "/tests/data/redaction/corpus.txt");
  auto lines = workload(bench::loghub_lines(data), secrets, n, every);
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();

  RedactionConfig all_on;
  for (const auto& d : Redactor::builtin_detectors()) all_on.detectors[d.name] = true;
  struct Case {
    std::string name;
    RedactionConfig config;
  };
  RedactionConfig defaults;
  // Inputs are copied chunk by chunk (untimed), so memory stays at the workload's size.
  constexpr size_t kChunk = 8192;
  for (const auto& c : {Case{"redact_line, every detector on", all_on}, Case{"redact_line, defaults", defaults}}) {
    Redactor r(c.config);
    bench::Timing t;
    size_t found = 0;
    for (size_t at = 0; at < lines.size(); at += kChunk) {
      std::vector<std::string> chunk(lines.begin() + at, lines.begin() + std::min(lines.size(), at + kChunk));
      t += bench::timed([&] {
        for (auto& l : chunk) found += r.redact_line(l);
      });
    }
    report(c.name, lines.size(), bytes, t, found);
  }

  // The transform's own work per record: message, raw payload and labels.
  Redactor r(all_on);
  RedactionCounts counts;
  bench::Timing t;
  for (size_t at = 0; at < lines.size(); at += kChunk) {
    std::vector<Record> records(std::min(kChunk, lines.size() - at));
    for (size_t i = 0; i < records.size(); ++i) {
      const auto& l = lines[at + i];
      records[i].raw = l;
      records[i].message = l.starts_with("{") ? Json::parse(l).value("message", "") : l;
      records[i].labels = {{"instanceId", "00f2a7c3b9e14d6a"}};
    }
    t += bench::timed([&] {
      for (auto& rec : records) redact_transform::RedactTransform::scrub(r, rec, counts);
    });
  }
  size_t total = 0;
  for (const auto& [k, v] : counts) total += v;
  report("redact transform (message+raw+labels), all on", lines.size(), bytes, t, total);
  fmt::print("peak RSS {:.1f} MB\n", bench::peak_rss_mb());
  return 0;
}
