// Incidents: clusters that share a high-cardinality value (trace, request, connection id) within
// a short span are linked; connected components (Boost.Graph) become incidents. A key-less
// cluster of a member's package whose every line falls right next to the incident joins it too.
#include <algorithm>
#include <map>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <fmt/format.h>

#include "analysis/analysis.hpp"

namespace gardener {
inline namespace v1 {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

struct Occurrence {
  size_t cluster;
  TimeNs first, last;
};

bool close_enough(const Occurrence& a, const Occurrence& b, TimeNs span) {
  TimeNs gap = std::max(a.first, b.first) - std::min(a.last, b.last);
  return gap <= span;
}

// The first `depth` dotted components of a module ("netra_backend.app"); the whole name for 0.
std::string_view package(std::string_view module, int depth) {
  if (depth <= 0) return module;
  size_t next = 0;
  for (int i = 0; i < depth; ++i) {
    size_t dot = module.find('.', next);
    if (dot == std::string_view::npos) return module;
    next = dot + 1;
  }
  return module.substr(0, next - 1);
}

bool shares_package(const Cluster& a, const Cluster& b, int depth) {
  for (const auto& m : a.modules) {
    for (const auto& n : b.modules) {
      if (package(m.value, depth) == package(n.value, depth)) return true;
    }
  }
  return false;
}

bool near(TimeNs from, TimeNs to, const std::vector<Occurrence>& linked, TimeNs span) {
  return std::any_of(linked.begin(), linked.end(),
                     [&](const Occurrence& o) { return from + span >= o.first && to <= o.last + span; });
}

// Every line of the cluster fell next to one of the linked occurrences: by the seconds ClusterStats
// noted when they are complete, else by the cluster's whole time range.
bool fires_next_to(const Cluster& c, const std::vector<Occurrence>& linked, TimeNs span) {
  const auto& seconds = c.extra.contains("active_seconds") ? c.extra["active_seconds"] : Json();
  if (seconds.is_array() && c.extra.value("active_seconds_complete", false)) {
    return std::all_of(seconds.begin(), seconds.end(), [&](const Json& sec) {
      TimeNs start = sec.get<int64_t>() * kNsPerSecond;  // the second overlaps an occurrence ± span
      return std::any_of(linked.begin(), linked.end(), [&](const Occurrence& o) {
        return start <= o.last + span && start + kNsPerSecond > o.first - span;
      });
    });
  }
  return near(c.first_seen, c.last_seen, linked, span);
}

std::string stable_id(const std::vector<std::string>& ids) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a: stable across runs and platforms
  for (const auto& id : ids) {
    for (unsigned char ch : id) h = (h ^ ch) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
  }
  return fmt::format("inc-{:010x}", h & 0xffffffffffULL);
}

}  // namespace

void find_incidents(Report& report, const AnalysisSettings& s) {
  auto& clusters = report.clusters;
  const std::set<std::string> keys(s.incident_keys.begin(), s.incident_keys.end());
  std::map<std::string, std::vector<Occurrence>> by_value;  // "connection=main_c1ac73f8" → occurrences
  for (size_t i = 0; i < clusters.size(); ++i) {
    for (const auto& k : clusters[i].link_keys) {
      if (keys.count(k.key)) by_value[k.key + "=" + k.value].push_back({i, k.first_seen, k.last_seen});
    }
  }
  Graph g(clusters.size());
  std::map<size_t, std::set<std::string>> shared;  // cluster → linking values it shares
  std::vector<std::vector<Occurrence>> linked_at(clusters.size());  // each cluster's linking occurrences
  for (const auto& [value, occ] : by_value) {
    for (size_t a = 0; a < occ.size(); ++a) {
      for (size_t b = a + 1; b < occ.size(); ++b) {
        if (occ[a].cluster == occ[b].cluster || !close_enough(occ[a], occ[b], s.incident_span)) continue;
        boost::add_edge(occ[a].cluster, occ[b].cluster, g);
        for (const auto& o : {occ[a], occ[b]}) {
          shared[o.cluster].insert(value);
          linked_at[o.cluster].push_back(o);
        }
      }
    }
  }
  if (s.attach_same_module) {
    // A cluster without a shared key joins the first linked cluster of its package it sits next to.
    for (size_t i = 0; i < clusters.size(); ++i) {
      if (shared.count(i) || clusters[i].first_seen == 0) continue;
      for (const auto& [j, values] : shared) {
        if (!shares_package(clusters[i], clusters[j], s.attach_module_depth)) continue;
        if (fires_next_to(clusters[i], linked_at[j], s.attach_span)) {
          boost::add_edge(i, j, g);
          break;
        }
      }
    }
  }
  std::vector<int> component(clusters.size());
  int n = boost::connected_components(g, component.data());
  std::vector<std::vector<size_t>> members(static_cast<size_t>(n));
  for (size_t i = 0; i < clusters.size(); ++i) members[static_cast<size_t>(component[i])].push_back(i);

  report.incidents.clear();
  for (const auto& group : members) {
    if (group.size() < 2) continue;
    Incident inc;
    std::set<std::string> values;
    for (size_t i : group) {  // clusters are sorted by priority already: the first is the lead
      const auto& c = clusters[i];
      inc.cluster_ids.push_back(c.id);
      if (shared.count(i)) values.insert(shared[i].begin(), shared[i].end());
      inc.first_seen = inc.first_seen == 0 ? c.first_seen : std::min(inc.first_seen, c.first_seen);
      inc.last_seen = std::max(inc.last_seen, c.last_seen);
    }
    inc.keys.assign(values.begin(), values.end());
    auto sorted_ids = inc.cluster_ids;
    std::sort(sorted_ids.begin(), sorted_ids.end());
    inc.id = stable_id(sorted_ids);
    inc.title = fmt::format("{} (+{} related)", clusters[group.front()].title, group.size() - 1);
    report.incidents.push_back(std::move(inc));
  }
}

}  // namespace v1
}  // namespace gardener
