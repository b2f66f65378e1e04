// gardener-loghub-bench: runs the `template` transform and the `drain` clusterer (the plugin code
// pipelines run) over Loghub-style labelled samples and scores them (GA, PA, FGA, FTA; README of
// the data set). Usage:
//   gardener-loghub-bench --data DIR --settings FILE.json --mode benchmark|default --pred-dir OUT [--systems A,B]
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include <gardener/gardener.hpp>
#include <gardener/log_format.hpp>

#include "../../plugins/clusterer_drain/drain_clusterer.hpp"
#include "../../plugins/transform_template/template_transform.hpp"
#include "plugin_overrides.hpp"
#include "test_context.hpp"

namespace fs = std::filesystem;
using namespace gardener;
using gardener::testing::make_configured;

namespace {

struct Args {
  std::string data, settings, mode, pred_dir;
  std::vector<std::string> systems;
  std::vector<std::string> overrides;  // --set template.KEY=VALUE / drain.KEY=VALUE, in order
  double min_ga = -1;                   // --min-ga: exit 3 when the corrected average GA is lower
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "gardener-loghub-bench: " << why << "\n"
            << "usage: gardener-loghub-bench --data DIR --settings FILE.json --mode benchmark|default "
               "--pred-dir OUT [--systems A,B] [--set template|drain.OPTION=VALUE ...]\n"
               "  --min-ga X exits with status 3 when the average GA (corrected labels, grouped by\n"
               "        template and by cluster id) is below X: a regression check\n"
               "  --set overrides a plugin option after the mode's settings; VALUE is JSON (0.5, false,\n"
               "        [\"BOOL\"]) or else a plain string\n";
  std::exit(2);
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

void apply_override(const std::string& o, Json& tmpl_opts, Json& drain_opts) {
  if (std::string why = gardener::bench::apply_override(o, tmpl_opts, drain_opts); !why.empty()) usage(why);
}

double parse_fraction(const std::string& option, const std::string& v) {
  size_t used = 0;
  double x = -1;
  try {
    x = std::stod(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v.size() || x < 0 || x > 1) usage(option + " " + v + ": give a number from 0 to 1");
  return x;
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    if (i + 1 >= argc) usage("option " + k + " needs a value");
    std::string v = argv[++i];
    if (k == "--data") a.data = v;
    else if (k == "--settings") a.settings = v;
    else if (k == "--mode") a.mode = v;
    else if (k == "--pred-dir") a.pred_dir = v;
    else if (k == "--systems") a.systems = split_list(v);
    else if (k == "--set") a.overrides.push_back(v);
    else if (k == "--min-ga") a.min_ga = parse_fraction(k, v);
    else usage("unknown option " + k);
  }
  if (a.data.empty() || a.settings.empty() || a.pred_dir.empty()) usage("--data, --settings and --pred-dir are required");
  if (a.mode != "benchmark" && a.mode != "default") usage("--mode must be benchmark or default");
  Json unused_template, unused_drain;
  for (const std::string& o : a.overrides) apply_override(o, unused_template, unused_drain);  // reports a bad --set now
  return a;
}

// RFC 4180 CSV: quoted fields with "" escapes, records may span lines.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

// Loghub's corrected templates write a run of blanks as one blank (none of the ten systems'
// templates holds two in a row, while Hadoop's, HPC's and Android's lines do): the template the
// tool keeps renders like its messages, the CSV follows the labels' convention. Ids are untouched.
std::string loghub_spacing(const std::string& t) {
  std::string out;
  out.reserve(t.size());
  for (char c : t)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

// Labels: LineId → EventTemplate.
// The true template of each line 1..n_lines, and which lines have one.
struct Labels {
  std::vector<std::string> of_line;
  std::vector<bool> present;
};

Labels read_labels(const std::string& path, size_t n_lines) {
  auto rows = read_csv(path);
  if (rows.empty()) throw std::runtime_error(path + " is empty");
  const auto& head = rows[0];
  auto col = [&](const std::string& name) {
    auto it = std::find(head.begin(), head.end(), name);
    if (it == head.end()) throw std::runtime_error(path + " has no column " + name);
    return static_cast<size_t>(it - head.begin());
  };
  size_t id = col("LineId"), tmpl = col("EventTemplate");
  Labels labels{std::vector<std::string>(n_lines), std::vector<bool>(n_lines, false)};
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() <= std::max(id, tmpl)) continue;
    const std::string& text = rows[r][id];
    size_t line = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), line);
    if (ec != std::errc() || end != text.data() + text.size())
      throw std::runtime_error(path + " row " + std::to_string(r + 1) + ": LineId \"" + text + "\" is not a number");
    if (line >= 1 && line <= n_lines) {
      labels.of_line[line - 1] = rows[r][tmpl];
      labels.present[line - 1] = true;
    }
  }
  const auto missing = static_cast<size_t>(std::count(labels.present.begin(), labels.present.end(), false));
  if (missing > 0)
    std::cerr << fmt::format("gardener-loghub-bench: {} of {} log lines have no label in {}; they are left out of "
                             "the scores\n", missing, n_lines, path);
  return labels;
}

struct Scores {
  double ga = 0, pa = 0, fga = 0, fta = 0;
};

double f1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }

// loghub-2.0 definitions (README of the data set).
Scores score(const std::vector<std::string>& pred_key, const std::vector<std::string>& pred_tmpl,
             const std::vector<std::string>& truth) {
  const size_t n = truth.size();
  std::unordered_map<std::string, std::vector<size_t>> pg, tg;
  for (size_t i = 0; i < n; ++i) {
    pg[pred_key[i]].push_back(i);
    tg[truth[i]].push_back(i);
  }
  size_t correct_lines = 0, correct_groups = 0, correct_templates = 0, pa = 0;
  for (const auto& [key, lines] : pg) {
    const std::string& t = truth[lines[0]];
    bool same = std::all_of(lines.begin(), lines.end(), [&](size_t i) { return truth[i] == t; });
    if (same && tg[t].size() == lines.size()) {
      correct_lines += lines.size();
      ++correct_groups;
      if (pred_tmpl[lines[0]] == t) ++correct_templates;
    }
  }
  for (size_t i = 0; i < n; ++i) pa += pred_tmpl[i] == truth[i];
  Scores s;
  s.ga = n ? double(correct_lines) / n : 0;
  s.pa = n ? double(pa) / n : 0;
  s.fga = f1(pg.empty() ? 0 : double(correct_groups) / pg.size(), tg.empty() ? 0 : double(correct_groups) / tg.size());
  s.fta = f1(pg.empty() ? 0 : double(correct_templates) / pg.size(), tg.empty() ? 0 : double(correct_templates) / tg.size());
  return s;
}

// The predictions and truths of the labelled lines only.
Scores score_labelled(const std::vector<std::string>& key, const std::vector<std::string>& tmpl,
                      const Labels& truth) {
  std::vector<std::string> k, t, l;
  for (size_t i = 0; i < truth.present.size(); ++i) {
    if (!truth.present[i]) continue;
    k.push_back(key[i]);
    t.push_back(tmpl[i]);
    l.push_back(truth.of_line[i]);
  }
  return score(k, t, l);
}

struct SystemResult {
  Scores corrected, original, corrected_cid, original_cid;
  size_t clusters = 0;
  bool has_original = false;
};

SystemResult run_system(const Args& args, const std::string& sys, const Json& s) {
  std::string log_file = s.value("log_file", sys + "/" + sys + "_2k.log");
  fs::path log_path = fs::path(args.data) / log_file;
  std::ifstream in(log_path);
  if (!in) throw std::runtime_error("cannot read " + log_path.string() + ": check --data");
  LogFormat format(s.at("log_format").get<std::string>());
  const int content = format.field_index("Content");
  Batch batch;
  std::string line;
  std::vector<std::string_view> values;
  while (std::getline(in, line)) {
    Record r;
    r.message = format.match(line, values) ? std::string(values[content]) : line;
    batch.records.push_back(std::move(r));
  }
  const size_t n = batch.records.size();

  Json tmpl_opts = Json::object(), drain_opts = Json::object();
  if (args.mode == "benchmark") {
    Json masks = Json::array();
    int k = 0;
    for (const auto& re : s.value("regex", Json::array())) masks.push_back({{"name", fmt::format("R{}", k++)}, {"regex", re}});
    tmpl_opts["masks"] = masks;
    if (s.contains("st")) drain_opts["sim_threshold"] = s["st"];
    if (s.contains("depth")) drain_opts["depth"] = s["depth"];
  }
  for (const std::string& o : args.overrides) apply_override(o, tmpl_opts, drain_opts);
  gardener::testing::TestContext ctx;
  ctx.pipeline = "loghub-bench";
  ctx.component = "drain";
  auto tt = make_configured<template_transform::TemplateTransform>(tmpl_opts, "template");
  auto dc = make_configured<drain::DrainClusterer>(drain_opts, "drain");
  dc->track_assignments(true);
  tt->start(ctx);
  dc->start(ctx);
  tt->process(ctx, batch);
  dc->process(ctx, batch);
  Report report;
  dc->finish(ctx, report);

  std::vector<std::string> tmpl(n), cid(n);
  std::ofstream out(fs::path(args.pred_dir) / (sys + ".csv"));
  out << "LineId,ClusterId,EventTemplate\n";
  for (size_t i = 0; i < n; ++i) {
    const drain::FinalCluster* f = dc->final_cluster_of(i);
    tmpl[i] = f ? loghub_spacing(f->untyped) : std::string();
    cid[i] = f ? f->id : std::string("unclustered");
    out << (i + 1) << ',' << cid[i] << ',' << csv_field(tmpl[i]) << '\n';
  }
  SystemResult res;
  res.clusters = report.clusters.size();
  fs::path dir = log_path.parent_path();
  std::string stem = log_path.filename().string();
  auto corrected = read_labels((dir / (stem + "_structured_corrected.csv")).string(), n);
  res.corrected = score_labelled(tmpl, tmpl, corrected);
  res.corrected_cid = score_labelled(cid, tmpl, corrected);
  fs::path orig = dir / (stem + "_structured.csv");
  if (fs::exists(orig)) {
    auto original = read_labels(orig.string(), n);
    res.original = score_labelled(tmpl, tmpl, original);
    res.original_cid = score_labelled(cid, tmpl, original);
    res.has_original = true;
  }
  return res;
}

void print_row(const std::string& name, const Scores& s, const Scores& cid, size_t clusters) {
  std::cout << fmt::format("{:<12} {:>6.3f} {:>6.3f} {:>6.3f} {:>6.3f} {:>8.3f} {:>8}\n", name, s.ga, s.pa, s.fga,
                           s.fta, cid.ga, clusters ? std::to_string(clusters) : std::string());
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  try {
    std::ifstream sf(args.settings);
    if (!sf) usage("cannot read settings file " + args.settings);
    Json settings;
    try {
      settings = Json::parse(sf);
    } catch (const Json::parse_error& e) {
      throw std::runtime_error(fmt::format("settings file {} is not valid JSON: {}", args.settings, e.what()));
    }
    if (!settings.is_object())
      throw std::runtime_error("settings file " + args.settings + " must be a JSON object of systems");
    std::vector<std::string> systems = args.systems;
    if (systems.empty())
      for (auto it = settings.begin(); it != settings.end(); ++it) systems.push_back(it.key());
    fs::create_directories(args.pred_dir);
    std::map<std::string, SystemResult> results;
    double corrected_ga = -1.0;  // no system scored: below any floor
    for (const auto& sys : systems) {
      if (!settings.contains(sys)) usage("system " + sys + " is not in " + args.settings);
      try {
        results[sys] = run_system(args, sys, settings[sys]);
      } catch (const std::exception& e) {
        throw std::runtime_error(fmt::format("system {} in {}: {}", sys, args.settings, e.what()));
      }
    }
    for (int label_set = 0; label_set < 2; ++label_set) {
      std::cout << (label_set == 0 ? "corrected labels" : "original labels") << " (mode " << args.mode << ")\n";
      std::cout << fmt::format("{:<12} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8}\n", "system", "GA", "PA", "FGA", "FTA",
                               "GA_cid", "clusters");
      Scores avg, avg_cid;
      size_t k = 0;
      for (const auto& sys : systems) {
        const auto& r = results[sys];
        if (label_set == 1 && !r.has_original) continue;
        const Scores& s = label_set == 0 ? r.corrected : r.original;
        const Scores& c = label_set == 0 ? r.corrected_cid : r.original_cid;
        print_row(sys, s, c, r.clusters);
        avg.ga += s.ga, avg.pa += s.pa, avg.fga += s.fga, avg.fta += s.fta, avg_cid.ga += c.ga;
        ++k;
      }
      if (k) {
        avg.ga /= k, avg.pa /= k, avg.fga /= k, avg.fta /= k, avg_cid.ga /= k;
        print_row("average", avg, avg_cid, 0);
        if (label_set == 0) corrected_ga = std::min(avg.ga, avg_cid.ga);
      }
      std::cout << "\n";
    }
    if (corrected_ga < args.min_ga) {
      std::cerr << fmt::format("gardener-loghub-bench: average GA {:.3f} is below --min-ga {:.3f}\n", corrected_ga,
                               args.min_ga);
      return 3;
    }
  } catch (const std::exception& e) {
    std::cerr << "gardener-loghub-bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
