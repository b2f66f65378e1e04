#include "json_sink.hpp"

#include <gardener/report_redaction.hpp>
#include <gardener/report_format.hpp>

namespace gardener::json_sink {

PluginInfo JsonSink::plugin_info() {
  PluginInfo info{Kind::Sink, "json", "Writes the Report as JSON (schema: docs/report-schema.md).", Stability::Beta, {}};
  info.options.push_back({"path", OptionType::String, nullptr,
                          "Output file; placeholders {pipeline}, {service}, {start[:FORMAT]}, {end[:FORMAT]} "
                          "(strftime, UTC). Relative to the pipeline file's directory.",
                          true, output_pattern_validator()});
  info.options.push_back({"indent", OptionType::Int, 2, "Spaces of indentation (0: one line).", false, int_range(0, 8)});
  return info;
}

void JsonSink::do_configure(const Config& config, Diagnostics&) {
  path_ = config.get_string("path");
  indent_ = static_cast<int>(config.get_int("indent"));
}

void JsonSink::do_write(Context& ctx, Report& report) {
  redact_report(report, ctx.redactor());  // values cut from their context too
  Json doc = to_json(report);
  RedactionCounts counts;
  ctx.redactor().redact_json(doc, &counts);  // last line of defence
  std::string text = doc.dump(indent_ == 0 ? -1 : indent_, ' ', false, Json::error_handler_t::replace) + "\n";
  std::string path = expand_output_path(path_, report, ctx.base_dir());
  if (ctx.plan()) {
    ctx.plan_action("write JSON report " + path + " (" + std::to_string(text.size()) + " bytes)");
    return;
  }
  write_file_atomic(path, text);
  ctx.metric("bytes_written", static_cast<double>(text.size()));
  ctx.info("JSON report written to {}", path);
}

}  // namespace gardener::json_sink

GARDENER_PLUGIN(gardener::json_sink::JsonSink)
