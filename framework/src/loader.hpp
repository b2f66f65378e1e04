#pragma once
// Finds plugin libraries, checks their ABI stamp before running any of their code (after
// DuckDB's extension loader), and keeps a registry keyed by (kind, name).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gardener/plugin.hpp>

namespace boost::dll {
class shared_library;
}

namespace gardener {
inline namespace v1 {

struct LoadedPlugin {
  PluginInfo info;
  std::string path;
  std::shared_ptr<boost::dll::shared_library> library;
  PluginFactory* factory = nullptr;
};

/// What a stamp symbol says about the build of a plugin.
struct AbiStamp {
  int major = -1, minor = -1;
  std::string compiler;  // "gcc12"
  std::string stdlib;    // "cxx11"
  std::string describe() const;
};
std::optional<AbiStamp> parse_abi_stamp(std::string_view symbol);

class Registry {
 public:
  /// Loads every *.so in `dir` (missing directories are skipped). Errors are appended, one
  /// sentence each naming the file and the fix; the process survives all of them.
  void load_directory(const std::string& dir, std::vector<std::string>& errors);
  /// Loads one library. Returns false (and appends an error) when refused.
  bool load_file(const std::string& path, std::vector<std::string>& errors);

  const LoadedPlugin* find(Kind kind, const std::string& name) const;
  /// All plugins with this name, any kind.
  std::vector<const LoadedPlugin*> find_name(const std::string& name) const;
  std::vector<const LoadedPlugin*> all() const;

  /// Creates an instance whose lifetime keeps its library loaded. Throws PluginError naming the
  /// plugin and file when the plugin's constructor throws.
  std::shared_ptr<Component> create(const LoadedPlugin& plugin, const std::string& component_name) const;

 private:
  std::map<std::pair<Kind, std::string>, LoadedPlugin> plugins_;
};

/// Plugin directories in search order: the install's plugin directory (relative to the
/// executable), the build tree's, then `extra` (--plugin-path) and GARDENER_PLUGIN_PATH.
std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra);

}  // namespace v1
}  // namespace gardener
