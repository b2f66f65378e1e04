#pragma once
// Pipeline files (TOML, in the shape of design.md §5) and the checked component graph.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gardener/plugin.hpp>

#include "loader.hpp"

namespace gardener {
inline namespace v1 {

struct ComponentSpec {
  Kind kind = Kind::Source;
  std::string name;  // the table key: [sinks.<name>]
  std::string type;
  std::vector<std::string> inputs;
  Json options = Json::object();  // every key but type and inputs
  std::string path() const { return std::string(kind_table(kind)) + "." + name; }
};

struct PipelineSpec {
  std::string file;
  std::string base_dir;
  std::string name;
  std::string service;
  std::string state_path;  // "" = default location
  Json analysis = Json::object();  // [pipeline.analysis]
  std::vector<ComponentSpec> components;
  std::map<std::string, std::string> locations;  // TOML path -> "file:line:col"

  std::string locate(const std::string& toml_path) const;
};

/// Parses a pipeline file. Syntax errors and structural problems are appended to `errors`.
PipelineSpec parse_pipeline_file(const std::string& path, std::vector<ConfigError>& errors);
PipelineSpec parse_pipeline_text(const std::string& text, const std::string& display_name,
                                 const std::string& base_dir, std::vector<ConfigError>& errors);

struct Node {
  ComponentSpec spec;
  const LoadedPlugin* plugin = nullptr;
  std::shared_ptr<Component> component;
  std::vector<size_t> inputs;   // node indices
  std::vector<size_t> outputs;  // node indices
};

struct Pipeline {
  PipelineSpec spec;
  std::vector<Node> nodes;   // in topological order
  std::vector<size_t> find_upstream(size_t node, Kind kind) const;  // transitive
};

/// Checks the graph (unknown inputs, cycles, orphans, kind order) with Boost.Graph, creates each
/// component through the registry and configures it. Every error is appended; the returned
/// pipeline is usable only when no error was added.
Pipeline build_pipeline(const PipelineSpec& spec, const Registry& registry, std::vector<ConfigError>& errors,
                        bool instantiate = true);

/// Finds the plugin for (kind, type), creates the component, binds and configures its options.
/// Every problem is appended to `errors` (located through `spec`); returns null when it could not
/// be created. Used for every pipeline node and by the CLI tools that run one plugin alone.
std::shared_ptr<Component> create_component(const Registry& registry, const ComponentSpec& component,
                                            const PipelineSpec& spec, std::vector<ConfigError>& errors,
                                            const LoadedPlugin** plugin = nullptr);

/// The graph in Graphviz DOT.
std::string pipeline_dot(const PipelineSpec& spec);

std::string format_errors(const std::vector<ConfigError>& errors);

}  // namespace v1
}  // namespace gardener
