// gardener-rules-bench: the `regex_rules` clusterer (plugin code, batches of 1024) on one thread
// with N rules made from the Loghub-2k event templates (literal parts joined by `.*`), over
// Loghub-2k lines. Shows that the cost per line does not grow with the number of rules.
//   gardener-rules-bench --data DIR [--rules 50,500] [--lines 1000000]
#include <re2/re2.h>

#include <fmt/format.h>

#include <sstream>

#include "../../plugins/clusterer_regex_rules/rules_clusterer.hpp"
#include "bench_input.hpp"
#include "test_context.hpp"

using namespace gardener;

namespace {

/// "<*> Served block <*> to <*>" -> "Served block .* to" (RE2-quoted literal parts).
std::string template_pattern(std::string t) {
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    t = t.substr(1, t.size() - 2);
    for (size_t at; (at = t.find("\"\"")) != std::string::npos;) t.replace(at, 2, "\"");
  }
  std::vector<std::string> parts;
  for (size_t from = 0;;) {
    size_t at = t.find("<*>", from);
    std::string piece = t.substr(from, at == std::string::npos ? std::string::npos : at - from);
    while (!piece.empty() && piece.front() == ' ') piece.erase(0, 1);
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    if (!piece.empty()) parts.push_back(RE2::QuoteMeta(piece));
    if (at == std::string::npos) break;
    from = at + 3;
  }
  std::string p;
  for (const auto& part : parts) p += (p.empty() ? "" : ".*") + part;
  return p;
}

std::vector<std::string> template_patterns(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().filename().string().ends_with("_templates_corrected.csv")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      size_t comma = line.find(',');
      if (comma == std::string::npos) continue;
      std::string p = template_pattern(line.substr(comma + 1));
      if (p.size() >= 4) out.push_back(p);
    }
  }
  return out;
}

Json make_rules(const std::vector<std::string>& patterns, size_t n) {
  Json rules = Json::array();
  for (size_t i = 0; i < n; ++i) {
    Json r = {{"id", fmt::format("rule-{}", i)},
              {"title", fmt::format("Rule {}", i)},
              {"priority", fmt::format("P{}", i % 4)},
              {"match", {{"message", patterns[i % patterns.size()]}}}};
    if (i % 4 == 3) r["min_severity"] = "WARNING";
    if (i % 10 == 9) r["action"] = "drop";
    if (i % 25 == 24 && i % 10 != 9) r["exclusive"] = false;
    rules.push_back(std::move(r));
  }
  return rules;
}

std::vector<size_t> parse_counts(const std::string& s) {
  std::vector<size_t> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) out.push_back(std::stoul(item));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = bench::arg(argc, argv, "--data", "");
  if (data.empty()) {
    std::cerr << "usage: gardener-rules-bench --data LOGHUB_2K_DIR [--rules 50,500] [--lines N]\n";
    return 2;
  }
  size_t n = std::stoul(bench::arg(argc, argv, "--lines", "1000000"));
  auto lines = bench::loghub_lines(data);
  auto patterns = template_patterns(data);
  fmt::print("{} Loghub lines, {} template patterns\n", lines.size(), patterns.size());

  for (size_t rule_count : parse_counts(bench::arg(argc, argv, "--rules", "50,500"))) {
    std::unique_ptr<regex_rules::RulesClusterer> rules;
    auto t_compile = bench::seconds([&] {
      rules = gardener::testing::make_configured<regex_rules::RulesClusterer>(Json{{"rule", make_rules(patterns, rule_count)}},
                                                                    "rules");
    });
    auto& c = *rules;
    gardener::testing::TestContext ctx;
    size_t bytes = 0, claimed = 0, dropped = 0;
    bench::Timing busy;
    for (size_t done = 0; done < n;) {
      Batch batch;
      for (size_t k = 0; k < 1024 && done < n; ++k, ++done) {
        Record r;
        r.message = lines[done % lines.size()];
        r.severity = r.message.find("rror") != std::string::npos ? Severity::Error : Severity::Info;
        bytes += r.message.size();
        batch.records.push_back(std::move(r));
      }
      busy += bench::timed([&] { c.process(ctx, batch); });
      for (const auto& r : batch.records) {
        claimed += !r.cluster_id.empty();
        dropped += r.dropped;
      }
    }
    // The matching alone (no cluster statistics): the part that must not grow with the rules.
    std::vector<Record> sample(std::min<size_t>(n, 100000));
    for (size_t i = 0; i < sample.size(); ++i) sample[i].message = lines[i % lines.size()];
    regex_rules::Verdict verdict;
    size_t matched = 0;
    auto match_time = bench::timed([&] {
      regex_rules::RuleSet::Matcher matcher(*c.rule_set());
      for (size_t round = 0; round < 10; ++round)
        for (const auto& r : sample) {
          matcher.match(r, verdict);
          matched += verdict.claimed >= 0;
        }
    });
    fmt::print("{:>4} rules, matcher only: {:>9.0f} lines/s per CPU second ({} of {} matched)\n", rule_count,
               10 * sample.size() / match_time.cpu, matched, 10 * sample.size());
    Report report;
    c.finish(ctx, report);
    fmt::print("{:>4} rules: {:>9.0f} lines/s {:>6.1f} MB/s per CPU second; wall {:>9.0f} lines/s; claimed {:.1f}%, "
               "dropped {:.1f}%, {} clusters, compile {:.2f} s\n",
               rule_count, n / busy.cpu, bytes / busy.cpu / 1e6, n / busy.wall, 100.0 * claimed / n, 100.0 * dropped / n,
               report.clusters.size(), t_compile);
  }
  fmt::print("peak RSS {:.1f} MB\n", bench::peak_rss_mb());
  return 0;
}
