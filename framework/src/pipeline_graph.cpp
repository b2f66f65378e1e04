// The component graph: Boost.Graph for the order, explicit checks for everything a user can get wrong.
#include <algorithm>
#include <functional>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <fmt/format.h>

#include "config_binding.hpp"
#include "pipeline.hpp"

namespace gardener {
inline namespace v1 {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

bool edge_allowed(Kind from, Kind to) {
  switch (from) {
    case Kind::Source:
    case Kind::Transform: return to != Kind::Source && !(from == Kind::Transform && to == Kind::Source);
    case Kind::Clusterer: return to == Kind::Clusterer || to == Kind::Sink;
    case Kind::Sink: return to == Kind::Sink;
  }
  return false;
}

class ComponentDiagnostics : public Diagnostics {
 public:
  ComponentDiagnostics(const PipelineSpec& spec, std::string path, std::vector<ConfigError>& errors)
      : spec_(spec), path_(std::move(path)), errors_(errors) {}
  void error(const std::string& option, const std::string& message) override {
    std::string p = option.empty() ? path_ : path_ + "." + option;
    errors_.push_back({p, spec_.locate(p), message});
  }
  void warning(const std::string&, const std::string&) override {}

 private:
  const PipelineSpec& spec_;
  std::string path_;
  std::vector<ConfigError>& errors_;
};

// Names the components on one cycle (DFS with colours), for the error message.
std::vector<size_t> find_cycle(const std::vector<std::vector<size_t>>& out) {
  std::vector<int> colour(out.size(), 0);
  std::vector<size_t> stack;
  std::vector<size_t> cycle;
  std::function<bool(size_t)> dfs = [&](size_t v) {
    colour[v] = 1;
    stack.push_back(v);
    for (size_t w : out[v]) {
      if (colour[w] == 1) {
        auto it = std::find(stack.begin(), stack.end(), w);
        cycle.assign(it, stack.end());
        return true;
      }
      if (colour[w] == 0 && dfs(w)) return true;
    }
    stack.pop_back();
    colour[v] = 2;
    return false;
  };
  for (size_t v = 0; v < out.size(); ++v)
    if (colour[v] == 0 && dfs(v)) break;
  return cycle;
}

void instantiate(Pipeline& p, const Registry& registry, std::vector<ConfigError>& errors) {
  for (auto& node : p.nodes)
    if (!node.spec.type.empty()) node.component = create_component(registry, node.spec, p.spec, errors, &node.plugin);
}

}  // namespace

std::shared_ptr<Component> create_component(const Registry& registry, const ComponentSpec& c, const PipelineSpec& spec,
                                            std::vector<ConfigError>& errors, const LoadedPlugin** plugin_out) {
  std::string type_path = c.path() + ".type";
  auto err = [&](std::string msg) { errors.push_back({type_path, spec.locate(type_path), std::move(msg)}); };
  const LoadedPlugin* plugin = registry.find(c.kind, c.type);
  if (plugin_out) *plugin_out = plugin;
  if (!plugin) {
    auto others = registry.find_name(c.type);
    if (!others.empty()) {
      err(fmt::format("`{}` is a {} plugin, not a {}: move [{}] to [{}.{}]", c.type, kind_name(others[0]->info.kind),
                      kind_name(c.kind), c.path(), kind_table(others[0]->info.kind), c.name));
      return nullptr;
    }
    std::vector<std::string> names;
    for (auto* pl : registry.all())
      if (pl->info.kind == c.kind) names.push_back(pl->info.name);
    std::string hint = did_you_mean(c.type, names);
    err(fmt::format("no {} plugin named `{}`{}; available: {} (add a plugin directory with --plugin-path)",
                    kind_name(c.kind), c.type, hint.empty() ? "" : fmt::format("; did you mean `{}`?", hint),
                    names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
    return nullptr;
  }
  std::shared_ptr<Component> component;
  try {
    component = registry.create(*plugin, c.name);
  } catch (const std::exception& e) {
    err(e.what());
    return nullptr;
  }
  auto locator = [&](const std::string& path) { return spec.locate(path); };
  Config cfg = bind_component_options(plugin->info, c.options, c.path(), locator, errors, spec.base_dir);
  ComponentDiagnostics diag(spec, c.path(), errors);
  component->configure(cfg, diag);
  return component;
}

std::vector<size_t> Pipeline::find_upstream(size_t node, Kind kind) const {
  std::vector<size_t> out, todo = nodes[node].inputs;
  std::vector<bool> seen(nodes.size(), false);
  while (!todo.empty()) {
    size_t n = todo.back();
    todo.pop_back();
    if (seen[n]) continue;
    seen[n] = true;
    if (nodes[n].spec.kind == kind) out.push_back(n);
    for (size_t i : nodes[n].inputs) todo.push_back(i);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Pipeline build_pipeline(const PipelineSpec& spec, const Registry& registry, std::vector<ConfigError>& errors,
                        bool do_instantiate) {
  Pipeline p;
  p.spec = spec;
  const auto& comps = spec.components;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < comps.size(); ++i) index.emplace(comps[i].name, i);

  std::vector<std::vector<size_t>> in(comps.size()), out(comps.size());
  auto err = [&](const std::string& path, std::string msg) { errors.push_back({path, spec.locate(path), std::move(msg)}); };
  std::vector<std::string> all_names;
  for (const auto& c : comps) all_names.push_back(c.name);

  for (size_t i = 0; i < comps.size(); ++i) {
    const auto& c = comps[i];
    if (c.kind == Kind::Source && !c.inputs.empty())
      err(c.path() + ".inputs", fmt::format("source `{}` takes no inputs; remove `inputs`", c.name));
    if (c.kind != Kind::Source && c.inputs.empty())
      err(c.path(), fmt::format("{} `{}` has no inputs; set `inputs = [\"...\"]` to the components it reads from",
                                kind_name(c.kind), c.name));
    for (size_t k = 0; k < c.inputs.size(); ++k) {
      const auto& name = c.inputs[k];
      std::string ipath = fmt::format("{}.inputs[{}]", c.path(), k);
      auto it = index.find(name);
      if (it == index.end()) {
        std::string hint = did_you_mean(name, all_names);
        err(ipath, fmt::format("{} `{}` reads from unknown input `{}`{}", kind_name(c.kind), c.name, name,
                               hint.empty() ? "" : fmt::format("; did you mean `{}`?", hint)));
        continue;
      }
      const auto& from = comps[it->second];
      if (c.kind != Kind::Source && !edge_allowed(from.kind, c.kind)) {
        err(ipath, fmt::format("{} `{}` cannot read from {} `{}`: data flows source → transform → clusterer → sink",
                               kind_name(c.kind), c.name, kind_name(from.kind), from.name));
        continue;
      }
      in[i].push_back(it->second);
      out[it->second].push_back(i);
    }
  }
  for (size_t i = 0; i < comps.size(); ++i)
    if (comps[i].kind != Kind::Sink && out[i].empty())
      err(comps[i].path(), fmt::format("{} `{}` is an orphan: nothing reads from it; add it to a component's inputs "
                                       "or remove it",
                                       kind_name(comps[i].kind), comps[i].name));

  Graph g(comps.size());
  for (size_t i = 0; i < comps.size(); ++i)
    for (size_t j : out[i]) boost::add_edge(i, j, g);
  std::vector<size_t> order;
  try {
    std::vector<Graph::vertex_descriptor> rev;
    boost::topological_sort(g, std::back_inserter(rev));
    order.assign(rev.rbegin(), rev.rend());
  } catch (const boost::not_a_dag&) {
    auto cycle = find_cycle(out);
    std::vector<std::string> names;
    for (size_t v : cycle) names.push_back(comps[v].name);
    if (!names.empty()) names.push_back(names.front());
    std::string first = cycle.empty() ? "" : comps[cycle.front()].path() + ".inputs";
    err(first, fmt::format("the inputs form a cycle: {}; a component cannot read (even indirectly) from itself",
                           fmt::join(names, " → ")));
    for (size_t i = 0; i < comps.size(); ++i) order.push_back(i);
  }

  std::vector<size_t> position(comps.size());
  for (size_t k = 0; k < order.size(); ++k) position[order[k]] = k;
  for (size_t k = 0; k < order.size(); ++k) {
    Node node;
    node.spec = comps[order[k]];
    for (size_t i : in[order[k]]) node.inputs.push_back(position[i]);
    for (size_t o : out[order[k]]) node.outputs.push_back(position[o]);
    p.nodes.push_back(std::move(node));
  }
  if (do_instantiate) instantiate(p, registry, errors);
  return p;
}

std::string pipeline_dot(const PipelineSpec& spec) {
  std::string out = fmt::format("digraph \"{}\" {{\n  rankdir=LR;\n", spec.name);
  for (const auto& c : spec.components) {
    static const char* shapes[] = {"invhouse", "box", "hexagon", "house"};
    out += fmt::format("  \"{}\" [label=\"{}\\n({} {})\", shape={}];\n", c.name, c.name, kind_name(c.kind), c.type,
                       shapes[static_cast<int>(c.kind)]);
  }
  for (const auto& c : spec.components)
    for (const auto& i : c.inputs) out += fmt::format("  \"{}\" -> \"{}\";\n", i, c.name);
  out += "}\n";
  return out;
}

}  // namespace v1
}  // namespace gardener
