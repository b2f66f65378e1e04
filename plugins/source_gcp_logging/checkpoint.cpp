#include "checkpoint.hpp"

#include <algorithm>
#include <vector>

#include <gardener/options.hpp>

namespace gardener::gcp {

std::string encode_checkpoint(const Checkpoint& cp) {
  std::vector<std::string> ids(cp.edge_ids.begin(), cp.edge_ids.end());
  std::sort(ids.begin(), ids.end());  // stable text for identical state
  Json j = {{"version", 1},
            {"window_end", format_rfc3339(cp.window_end, 9)},
            {"last_timestamp", cp.last_timestamp ? format_rfc3339(cp.last_timestamp, 9) : ""},
            {"last_insert_id", cp.last_insert_id},
            {"edge_insert_ids", ids}};
  return j.dump();
}

std::optional<Checkpoint> decode_checkpoint(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("version", 0) != 1) return std::nullopt;
  Checkpoint cp;
  auto end = parse_rfc3339(j.value("window_end", std::string()));
  if (!end) return std::nullopt;
  cp.window_end = *end;
  cp.last_timestamp = parse_rfc3339(j.value("last_timestamp", std::string())).value_or(0);
  cp.last_insert_id = j.value("last_insert_id", std::string());
  if (j.contains("edge_insert_ids") && j["edge_insert_ids"].is_array())
    for (const auto& id : j["edge_insert_ids"])
      if (id.is_string()) cp.edge_ids.insert(id.get<std::string>());
  return cp;
}

}  // namespace gardener::gcp
