#pragma once
// Shared helpers of the gcp_logging tests: a clean ADC environment and entry builders.
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include <gardener/time.hpp>

#include "fake_gcp.hpp"

namespace gardener::gcp::testing {

/// Every variable that steers ADC or the endpoint, cleared for a test and restored afterwards.
class CleanEnv {
 public:
  CleanEnv() {
    for (const char* name : kNames) {
      if (const char* v = std::getenv(name)) saved_[name] = v;
      ::unsetenv(name);
    }
    // No gcloud ADC file from the machine running the tests.
    ::setenv("HOME", "/nonexistent-gardener-test-home", 1);
  }
  ~CleanEnv() {
    for (const char* name : kNames) {
      auto it = saved_.find(name);
      if (it == saved_.end()) ::unsetenv(name);
      else ::setenv(name, it->second.c_str(), 1);
    }
  }
  void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }

 private:
  static constexpr const char* kNames[] = {
      "GARDENER_GOOGLE_ACCESS_TOKEN", "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CONFIG", "HOME",
      "GCE_METADATA_HOST", "GCE_METADATA_ROOT", "GOOGLE_GCLOUD_ADC_PATH_OVERRIDE", "GARDENER_GCP_LOGGING_ENDPOINT",
      "GOOGLE_CLOUD_PROJECT",    "CLOUDSDK_CORE_PROJECT"};
  std::map<std::string, std::string> saved_;
};

inline TimeNs t(const char* rfc3339) { return *parse_rfc3339(rfc3339); }

/// `n` WARNING+ Cloud Run entries one second apart from `start`, insertIds "<prefix><i>".
inline void add_entries(fakes::FakeGcp& fake, TimeNs start, int n, const std::string& prefix = "id-",
                        const std::string& severity = "ERROR") {
  for (int i = 0; i < n; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "%s%05d", prefix.c_str(), i);
    fake.add_entry(fakes::FakeGcp::cloud_run_entry(format_rfc3339(start + i * kNsPerSecond, 6), severity,
                                                   "payment failed: upstream timeout " + std::to_string(i), id));
  }
}

}  // namespace gardener::gcp::testing
