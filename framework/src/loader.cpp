#include "loader.hpp"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include <boost/dll/library_info.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <fmt/format.h>

#include <gardener/version.hpp>

static_assert(GARDENER_SDK_MAJOR == GARDENER_CMAKE_SDK_MAJOR && GARDENER_SDK_MINOR == GARDENER_CMAKE_SDK_MINOR,
              "gardener/version.hpp and GARDENER_SDK_MAJOR/MINOR in CMakeLists.txt disagree: bump both");

namespace gardener {
inline namespace v1 {
namespace fs = std::filesystem;

std::string AbiStamp::describe() const {
  return fmt::format("SDK {}.{} with {} ({} ABI)", major, minor, compiler, stdlib);
}

std::optional<AbiStamp> parse_abi_stamp(std::string_view symbol) {
  std::string_view prefix = kAbiStampPrefix;
  if (!symbol.starts_with(prefix)) return std::nullopt;
  std::string rest(symbol.substr(prefix.size()));
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= rest.size(); ++i) {
    if (i == rest.size() || rest[i] == '_') {
      parts.push_back(rest.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 4) return std::nullopt;
  AbiStamp s;
  try {
    s.major = std::stoi(parts[0]);
    s.minor = std::stoi(parts[1]);
  } catch (...) {
    return std::nullopt;
  }
  s.compiler = parts[2];
  s.stdlib = parts[3];
  return s;
}

namespace {

// Libraries are never unloaded before exit: a plugin's static objects (its factory, registered
// with atexit from inside the library) must not outlive their code. This list is leaked on purpose.
void keep_loaded(std::shared_ptr<boost::dll::shared_library> library) {
  static std::mutex mu;
  static auto* loaded = new std::vector<std::shared_ptr<boost::dll::shared_library>>();
  std::lock_guard lock(mu);
  loaded->push_back(std::move(library));
}

std::string check_stamp(const std::string& path, const std::vector<std::string>& symbols) {
  const AbiStamp host = *parse_abi_stamp(host_abi_stamp());
  std::optional<AbiStamp> found;
  for (const auto& s : symbols)
    if (auto st = parse_abi_stamp(s)) found = st;
  if (!found)
    return fmt::format("{} is not a Log Gardener plugin: it carries no ABI stamp; build it with the SDK's "
                       "GARDENER_PLUGIN(...) macro and gardener_add_plugin()",
                       path);
  bool same_build = found->compiler == host.compiler && found->stdlib == host.stdlib;
  bool compatible = found->major == host.major && found->minor <= host.minor && same_build;
  if (!compatible)
    return fmt::format("{} was built for {}, this host is {}: rebuild the plugin against SDK {}.{} with {}", path,
                       found->describe(), host.describe(), host.major, host.minor, host.compiler);
  if (std::find(symbols.begin(), symbols.end(), "gardener_plugin_entry") == symbols.end())
    return fmt::format("{} exports no gardener_plugin_entry: add GARDENER_PLUGIN(YourClass) to one source file of "
                       "the plugin and rebuild it",
                       path);
  return {};
}

}  // namespace

bool Registry::load_file(const std::string& path, std::vector<std::string>& errors) {
  std::vector<std::string> symbols;
  try {
    boost::dll::library_info info(path, /*throw_if_not_native=*/true);
    symbols = info.symbols();
  } catch (const std::exception&) {
    errors.push_back(fmt::format("{} is not a shared library this host can load: remove it from the plugin "
                                 "directory or rebuild it as a Log Gardener plugin",
                                 path));
    return false;
  }
  if (auto problem = check_stamp(path, symbols); !problem.empty()) {
    errors.push_back(problem);
    return false;
  }
  LoadedPlugin plugin;
  plugin.path = path;
  try {
    namespace mode = boost::dll::load_mode;
    plugin.library = std::make_shared<boost::dll::shared_library>(path, mode::rtld_now | mode::rtld_local);
    keep_loaded(plugin.library);
    auto entry = plugin.library->get_alias<PluginFactory*()>("gardener_plugin_entry");
    plugin.factory = entry();
  } catch (const std::exception& e) {
    errors.push_back(fmt::format("{} failed to load ({}): check its dependencies with `ldd {}` and rebuild it", path,
                                 e.what(), path));
    return false;
  }
  if (!plugin.factory) {
    errors.push_back(fmt::format("{}: gardener_plugin_entry returned no factory; define the entry with "
                                 "GARDENER_PLUGIN(YourClass) instead of by hand, and rebuild it", path));
    return false;
  }
  try {
    plugin.info = plugin.factory->info();
  } catch (const std::exception& e) {
    errors.push_back(fmt::format("{}: its plugin_info() threw ({}); fix the plugin's description and rebuild it",
                                 path, e.what()));
    return false;
  }
  auto key = std::make_pair(plugin.info.kind, plugin.info.name);
  if (auto it = plugins_.find(key); it != plugins_.end()) {
    errors.push_back(fmt::format("{} and {} both provide {} `{}`: remove one of them from the plugin path", it->second.path,
                                 path, kind_name(plugin.info.kind), plugin.info.name));
    return false;
  }
  plugins_.emplace(key, std::move(plugin));
  return true;
}

void Registry::load_directory(const std::string& dir, std::vector<std::string>& errors) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".so") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());  // deterministic: first one of a duplicate pair wins
  for (const auto& f : files) load_file(f, errors);
}

const LoadedPlugin* Registry::find(Kind kind, const std::string& name) const {
  auto it = plugins_.find({kind, name});
  return it == plugins_.end() ? nullptr : &it->second;
}

std::vector<const LoadedPlugin*> Registry::find_name(const std::string& name) const {
  std::vector<const LoadedPlugin*> out;
  for (const auto& [key, p] : plugins_)
    if (key.second == name) out.push_back(&p);
  return out;
}

std::vector<const LoadedPlugin*> Registry::all() const {
  std::vector<const LoadedPlugin*> out;
  for (const auto& [key, p] : plugins_) out.push_back(&p);
  return out;
}

std::shared_ptr<Component> Registry::create(const LoadedPlugin& plugin, const std::string& component_name) const {
  std::unique_ptr<Component> instance;
  try {
    instance = plugin.factory->create();
  } catch (const std::exception& e) {
    throw PluginError(fmt::format("{} `{}`", kind_name(plugin.info.kind), component_name),
                      fmt::format("plugin `{}` from {} threw while being created ({}); fix or remove the plugin",
                                  plugin.info.name, plugin.path, e.what()));
  }
  if (!instance)
    throw PluginError(component_name, fmt::format("plugin `{}` from {} returned no instance", plugin.info.name, plugin.path));
  instance->set_identity(plugin.info.name, component_name);
  // The deleter holds the library: instances die before their library is unloaded.
  auto library = plugin.library;
  return std::shared_ptr<Component>(instance.release(), [library](Component* c) { delete c; });
}

std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra) {
  std::vector<std::string> dirs;
  fs::path exe_dir = boost::dll::program_location().parent_path().string();
  dirs.push_back((exe_dir / ".." / "lib" / "log-gardener" / "plugins").lexically_normal().string());
  dirs.push_back((exe_dir / "plugins").string());  // the build tree: build/log-gardener + build/plugins
  for (const auto& e : extra) dirs.push_back(e);
  if (const char* env = std::getenv("GARDENER_PLUGIN_PATH")) {
    std::string list = env;
    size_t start = 0;
    for (size_t i = 0; i <= list.size(); ++i) {
      if (i == list.size() || list[i] == ':') {
        if (i > start) dirs.push_back(list.substr(start, i - start));
        start = i + 1;
      }
    }
  }
  std::vector<std::string> unique;
  for (auto& d : dirs) {
    std::error_code ec;
    auto canon = fs::weakly_canonical(d, ec).string();
    if (ec) canon = d;
    if (std::find(unique.begin(), unique.end(), canon) == unique.end()) unique.push_back(canon);
  }
  return unique;
}

}  // namespace v1
}  // namespace gardener
