#pragma once
// The source's checkpoint: where the last run ended and which insertIds it read near that end,
// so the next run can re-read a grace period for late arrivals without counting anything twice.
#include <optional>
#include <string>
#include <unordered_set>

#include <gardener/time.hpp>

namespace gardener::gcp {

struct Checkpoint {
  TimeNs window_end = 0;      // end of the window the last run read
  TimeNs last_timestamp = 0;  // the last entry read: (timestamp, insertId)
  std::string last_insert_id;
  std::unordered_set<std::string> edge_ids;  // insertIds read with timestamp >= window_end - grace
};

std::string encode_checkpoint(const Checkpoint& cp);
/// nullopt when `text` is not a checkpoint of this source (the caller then reads without one).
std::optional<Checkpoint> decode_checkpoint(const std::string& text);

}  // namespace gardener::gcp
