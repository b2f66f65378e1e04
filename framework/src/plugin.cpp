#include <gardener/plugin.hpp>

#include <cstdlib>

namespace gardener {
inline namespace v1 {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::Source: return "source";
    case Kind::Transform: return "transform";
    case Kind::Clusterer: return "clusterer";
    case Kind::Sink: return "sink";
  }
  return "?";
}

std::string_view kind_table(Kind kind) {
  switch (kind) {
    case Kind::Source: return "sources";
    case Kind::Transform: return "transforms";
    case Kind::Clusterer: return "clusterers";
    case Kind::Sink: return "sinks";
  }
  return "?";
}

std::string_view stability_name(Stability s) {
  switch (s) {
    case Stability::Stable: return "stable";
    case Stability::Beta: return "beta";
    case Stability::Alpha: return "alpha";
    case Stability::Deprecated: return "deprecated";
  }
  return "?";
}

void Component::configure(const Config& config, Diagnostics& diag) {
  try {
    do_configure(config, diag);
  } catch (const std::exception& e) {
    diag.error("", std::string("configuration failed: ") + e.what());
  } catch (...) {
    diag.error("", "configuration failed with a non-standard exception");
  }
}

void Component::start(Context& ctx) {
  guarded("starting", [&] { do_start(ctx); });
}

void Component::shutdown() noexcept {
  if (shut_down_) return;
  shut_down_ = true;
  try {
    do_shutdown();
  } catch (...) {
    // Shutdown must not throw; a plugin failing to clean up is not worth failing the run for.
  }
}

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace v1
}  // namespace gardener
