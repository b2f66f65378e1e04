// The `template` transform (issue 3 item 1). The masking itself lives in the framework
// (gardener/masking.hpp) because the drain clusterer masks the same way when it runs alone.
#include "template_transform.hpp"

#include <algorithm>

namespace gardener::template_transform {

PluginInfo TemplateTransform::plugin_info() {
  PluginInfo info;
  info.kind = Kind::Transform;
  info.name = "template";
  info.description =
      "Typed variable masking: replaces numbers, hex, UUIDs, IPs, URLs, paths, e-mails, timestamps, dates, "
      "durations, sizes, booleans, dotted names and user masks by <TYPE> placeholders (Record::masked) and "
      "keeps the values (Record::variables).";
  info.stability = Stability::Beta;
  std::string types;
  for (const auto& n : mask_type_names()) types += (types.empty() ? "" : ", ") + n;
  info.options = {
      {"disable", OptionType::StringList, Json::array(), "Built-in mask types to switch off (" + types + ").", false,
       nullptr},
      {"masks", OptionType::Table, Json::array(),
       "User masks applied before the built-ins, in order: [{name = \"TICKET\", regex = 'T-\\d+'}] (RE2 syntax).",
       false, nullptr},
      {"extra_delimiters", OptionType::String, "", "Characters treated as whitespace when tokenizing.", false,
       nullptr},
      {"collapse", OptionType::Bool, true, "Adjacent placeholders (`<IP>:<NUM>`, `<NUM>,<NUM>`, `<NUM> <NUM>`; not `<NUM>, <NUM>`, a list the labels keep) become one, and so does the free text after `reason:` or `cause=`.", false,
       nullptr},
      {"cache_entries", OptionType::Int, static_cast<int64_t>(Masker::kDefaultCacheEntries),
       "Messages each thread remembers with their tokens: an exact repeat skips the scan and comes out the same. "
       "Messages over 256 bytes or 64 tokens are not kept. 0 switches the cache off.",
       false, int_range(0, 1 << 22)},
      {"threads", OptionType::Int, 1,
       "Threads masking one batch (records are independent, so the output is the same with any count).", false,
       int_range(1, 256)},
  };
  return info;
}

std::vector<UserMask> read_user_masks(const Json& table, const std::string& option, Diagnostics& diag,
                                      std::vector<size_t>& index) {
  std::vector<UserMask> masks;
  if (table.is_null()) return masks;
  if (!table.is_array()) {
    diag.error(option, "must be an array of tables with `name` and `regex`");
    return masks;
  }
  for (size_t i = 0; i < table.size(); ++i) {
    const Json& m = table[i];
    std::string at = option + "[" + std::to_string(i) + "]";
    if (!m.is_object() || !m.contains("name") || !m.contains("regex") || !m["name"].is_string() ||
        !m["regex"].is_string()) {
      diag.error(at, "needs string keys `name` and `regex`");
      continue;
    }
    for (auto it = m.begin(); it != m.end(); ++it)
      if (it.key() != "name" && it.key() != "regex") diag.error(at + "." + it.key(), "unknown key; allowed: name, regex");
    masks.push_back(UserMask{m["name"].get<std::string>(), m["regex"].get<std::string>()});
    index.push_back(i);
  }
  return masks;
}

void TemplateTransform::do_configure(const Config& config, Diagnostics& diag) {
  MaskSettings s;
  s.disabled = config.get_list("disable");
  std::vector<size_t> mask_index;
  s.user_masks = read_user_masks(config.get_json("masks"), "masks", diag, mask_index);
  s.extra_delimiters = config.get_string("extra_delimiters");
  s.collapse = config.get_bool("collapse");
  threads_ = static_cast<size_t>(config.get_int("threads"));
  try {
    masker_ = std::make_unique<Masker>(s);
    masker_->set_cache_entries(static_cast<size_t>(config.get_int("cache_entries")));
  } catch (const ConfigurationError& e) {
    if (!report_mask_errors(s, mask_index, diag)) diag.error("masks", e.what());  // only the parts together fail
  }
}

// The masker stops at its first problem; on the error path each part is tried alone, so every
// bad `disable` entry and every bad user mask is reported at its own key.
bool TemplateTransform::report_mask_errors(const MaskSettings& all, const std::vector<size_t>& mask_index,
                                           Diagnostics& diag) {
  bool found = false;
  auto problem = [](MaskSettings part) -> std::string {
    try {
      Masker check(std::move(part));
      return {};
    } catch (const ConfigurationError& e) {
      return e.what();
    }
  };
  for (size_t i = 0; i < all.disabled.size(); ++i) {
    MaskSettings part;
    part.disabled = {all.disabled[i]};
    if (auto e = problem(part); !e.empty()) found = true, diag.error("disable[" + std::to_string(i) + "]", e);
  }
  for (size_t i = 0; i < all.user_masks.size(); ++i) {
    MaskSettings part;
    part.user_masks = {all.user_masks[i]};
    if (auto e = problem(part); !e.empty()) found = true, diag.error("masks[" + std::to_string(mask_index[i]) + "]", e);
  }
  return found;
}

void TemplateTransform::do_process(Context&, Batch& batch) {
  const size_t n = batch.records.size();
  // Below a few hundred records a thread costs more than it saves. With threads, the batch goes
  // out in chunks of ~64 records: each thread starts on its own half (WorkerPool), and a thread
  // done early takes chunks off the other's end, since lines' masking costs differ.
  const size_t t = std::min(threads_, std::max<size_t>(1, n / 256));
  const size_t chunks = t == 1 ? 1 : std::max(t, n / 64);
  if (!pool_) pool_ = WorkerPool::shared(threads_);
  // The records were just written on another core (the source's, or the previous stage's): the
  // masker asks for their text and cache entries a few records ahead.
  pool_->run(chunks, [&](size_t k) {
    const size_t begin = n * k / chunks, end = n * (k + 1) / chunks;
    masker_->apply(std::span<Record>(batch.records).subspan(begin, end - begin));
  });
}

}  // namespace gardener::template_transform
