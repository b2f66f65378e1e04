#pragma once
// The `template` transform: typed variable masking (gardener/masking.hpp). Fills Record::masked,
// Record::variables and Record::tokens; Record::message is left as it is.
#include <memory>

#include <gardener/gardener.hpp>
#include <gardener/masking.hpp>
#include <gardener/worker_pool.hpp>

namespace gardener::template_transform {

class TemplateTransform : public Transform {
 public:
  static PluginInfo plugin_info();

 protected:
  void do_configure(const Config& config, Diagnostics& diag) override;
  void do_process(Context& ctx, Batch& batch) override;

 private:
  /// Reports each bad part of `all` at its key (user mask k came from masks[mask_index[k]]);
  /// false when no part is bad alone.
  bool report_mask_errors(const MaskSettings& all, const std::vector<size_t>& mask_index, Diagnostics& diag);

  std::unique_ptr<Masker> masker_;
  size_t threads_ = 1;
  std::shared_ptr<WorkerPool> pool_;  // started by the first batch (validate starts no thread)
};

/// Reads the user mask table ([{name, regex}, ...]); reports problems under `option`. A malformed
/// entry is skipped: `index` gets each returned mask's place in the table.
std::vector<UserMask> read_user_masks(const Json& table, const std::string& option, Diagnostics& diag,
                                      std::vector<size_t>& index);

}  // namespace gardener::template_transform
