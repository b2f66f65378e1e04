#pragma once
// `--set template.OPTION=VALUE` / `--set drain.OPTION=VALUE`, shared by gardener-loghub-bench and
// gardener-drain-bench: one option of the template transform or the drain clusterer.
#include <string>

#include <gardener/options.hpp>

namespace gardener::bench {

/// Sets the option in that plugin's options; VALUE is parsed as JSON when it is JSON (0.5, false)
/// and taken as a string otherwise. Returns what is wrong with `o`, or "" when it was applied.
inline std::string apply_override(const std::string& o, Json& tmpl_opts, Json& drain_opts) {
  const size_t dot = o.find('.'), eq = o.find('=');
  if (dot == std::string::npos || eq == std::string::npos || eq < dot)
    return "--set " + o + ": write template.OPTION=VALUE or drain.OPTION=VALUE";
  const std::string plugin = o.substr(0, dot), key = o.substr(dot + 1, eq - dot - 1), text = o.substr(eq + 1);
  if (plugin != "template" && plugin != "drain") return "--set " + o + ": the plugin is template or drain";
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded()) value = text;
  (plugin == "template" ? tmpl_opts : drain_opts)[key] = value;
  return "";
}

}  // namespace gardener::bench
