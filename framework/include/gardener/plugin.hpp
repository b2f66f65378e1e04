#pragma once
// The four plugin kinds as NVI base classes, the factory, and the GARDENER_PLUGIN entry macro.
// Public methods are non-virtual: they call the protected virtual ones and turn exceptions into
// PluginError naming the component, so a throwing plugin is reported, not a crash.
#include <memory>
#include <string>
#include <string_view>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include <gardener/context.hpp>
#include <gardener/errors.hpp>
#include <gardener/options.hpp>
#include <gardener/record.hpp>
#include <gardener/report.hpp>
#include <gardener/version.hpp>

namespace gardener {
inline namespace v1 {

enum class Kind { Source, Transform, Clusterer, Sink };
enum class Stability { Stable, Beta, Alpha, Deprecated };

std::string_view kind_name(Kind kind);        // "source", ...
std::string_view kind_table(Kind kind);       // "sources", ...
std::string_view stability_name(Stability s);

struct PluginInfo {
  Kind kind = Kind::Source;
  std::string name;  // the `type` in pipeline files
  std::string description;
  Stability stability = Stability::Beta;
  OptionsTable options;
};

class Component {
 public:
  virtual ~Component() = default;

  /// Called by the framework right after creation.
  void set_identity(std::string type, std::string name) {
    type_ = std::move(type);
    name_ = std::move(name);
  }
  const std::string& type() const { return type_; }
  const std::string& name() const { return name_; }
  std::string label() const { return type_ + " `" + name_ + "`"; }

  /// Receives the bound options. Every problem goes to `diag` (not an exception), so all errors
  /// of a pipeline are collected and printed together.
  void configure(const Config& config, Diagnostics& diag);
  /// Opens resources for a run (files, connections, state).
  void start(Context& ctx);
  /// Idempotent: may be called twice, and after a failed start.
  void shutdown() noexcept;

 protected:
  virtual void do_configure(const Config& config, Diagnostics& diag) = 0;
  virtual void do_start(Context&) {}
  virtual void do_shutdown() {}

  /// Runs `fn`, rethrowing anything it throws as a PluginError with this component's label.
  template <typename Fn>
  decltype(auto) guarded(std::string_view what, Fn&& fn) {
    try {
      return fn();
    } catch (const PluginError&) {
      throw;
    } catch (const std::exception& e) {
      throw PluginError(label(), std::string(what) + " failed: " + e.what());
    } catch (...) {
      throw PluginError(label(), std::string(what) + " failed with a non-standard exception");
    }
  }

 private:
  std::string type_;
  std::string name_;
  bool shut_down_ = false;
};

/// Where a source sends its batches. Blocks when downstream is full (backpressure).
class Emitter {
 public:
  virtual ~Emitter() = default;
  /// Returns false when the run is stopping: the source should return.
  virtual bool emit(Batch&& batch) = 0;
};

class Source : public Component {
 public:
  /// Reads the run's window and emits batches until done or stopped.
  void run(Context& ctx, Emitter& out) {
    guarded("reading", [&] { do_run(ctx, out); });
  }
  /// Describes what was read for the Report's `sources` section (lines_read is filled for you).
  SourceInfo info() const { return do_info(); }

 protected:
  virtual void do_run(Context& ctx, Emitter& out) = 0;
  virtual SourceInfo do_info() const { return {}; }
};

class Transform : public Component {
 public:
  /// Rewrites records in place (may not add or remove records).
  void process(Context& ctx, Batch& batch) {
    guarded("processing a batch", [&] { do_process(ctx, batch); });
  }

 protected:
  virtual void do_process(Context& ctx, Batch& batch) = 0;
};

class Clusterer : public Component {
 public:
  /// Sees only records no earlier clusterer claimed; claims a record by setting its cluster_id
  /// (or `dropped`). Unclaimed records flow to the next clusterer.
  void process(Context& ctx, Batch& batch) {
    guarded("clustering a batch", [&] { do_process(ctx, batch); });
  }
  /// At the end of the window: appends its clusters (with statistics) to the report.
  void finish(Context& ctx, Report& report) {
    guarded("finishing", [&] { do_finish(ctx, report); });
  }

 protected:
  virtual void do_process(Context& ctx, Batch& batch) = 0;
  virtual void do_finish(Context& ctx, Report& report) = 0;
};

class Sink : public Component {
 public:
  /// Writes (or in plan mode, announces) the report. May annotate it for later sinks.
  void write(Context& ctx, Report& report) {
    guarded("writing", [&] { do_write(ctx, report); });
  }

 protected:
  virtual void do_write(Context& ctx, Report& report) = 0;
};

/// One per plugin library. Built-in and external plugins load the same way.
class PluginFactory {
 public:
  virtual ~PluginFactory() = default;
  virtual PluginInfo info() const = 0;
  virtual std::unique_ptr<Component> create() const = 0;
};

template <typename T>
class TypedFactory final : public PluginFactory {
 public:
  PluginInfo info() const override { return T::plugin_info(); }
  std::unique_ptr<Component> create() const override { return std::make_unique<T>(); }
};

}  // namespace v1
}  // namespace gardener

#define GARDENER_ABI_NAME_(ma, mi, comp, cm, lib) gardener_abi_##ma##_##mi##_##comp##cm##_##lib
#define GARDENER_ABI_NAME(ma, mi, comp, cm, lib) GARDENER_ABI_NAME_(ma, mi, comp, cm, lib)
#define GARDENER_ABI_SYMBOL                                                                  \
  GARDENER_ABI_NAME(GARDENER_SDK_MAJOR, GARDENER_SDK_MINOR, GARDENER_COMPILER_TAG, GARDENER_COMPILER_MAJOR, \
                    GARDENER_STDLIB_ABI_TAG)

/// The one entry point of a plugin library: `GARDENER_PLUGIN(my_ns::MyPlugin)`, where the class
/// has `static gardener::PluginInfo plugin_info()` and a default constructor. It exports the ABI
/// stamp as a symbol name (readable without loading the library) and `gardener_plugin_entry`.
#define GARDENER_PLUGIN(PluginClass)                                                        \
  namespace gardener_plugin_entry_ns {                                                      \
  inline ::gardener::PluginFactory* gardener_plugin_entry_fn() {                            \
    static ::gardener::TypedFactory<PluginClass> factory;                                   \
    return &factory;                                                                        \
  }                                                                                         \
  }                                                                                         \
  extern "C" BOOST_SYMBOL_EXPORT const int GARDENER_ABI_SYMBOL = 1;                         \
  BOOST_DLL_ALIAS(gardener_plugin_entry_ns::gardener_plugin_entry_fn, gardener_plugin_entry)
