#pragma once
// Many RE2-syntax patterns compiled into one Hyperscan database, so the cost of a scan does not
// grow with the number of patterns. Shared by the redaction detectors and the regex_rules
// clusterer. Patterns Hyperscan cannot run exactly are compiled in prefilter mode and confirmed
// with RE2, so the answer is always RE2's. A compiled database is kept on disk and reused by the
// next process with the same patterns (framework/src/redaction/pattern_cache.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gardener {
inline namespace v1 {

class PatternSet {
 public:
  /// Throws ConfigurationError "pattern N (`...`): <RE2 error>" for the first invalid pattern.
  explicit PatternSet(const std::vector<std::string>& patterns);
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  /// RE2's error for one pattern, or "" when it compiles.
  static std::string check(const std::string& pattern);

  size_t size() const;
  /// How many patterns needed prefilter mode (diagnostics, benches).
  size_t prefiltered() const;
  /// Whether the compiled database came from the on-disk cache instead of a compile (the cache:
  /// GARDENER_CACHE_DIR, else $XDG_CACHE_HOME/log-gardener, else ~/.cache/log-gardener).
  bool from_cache() const;

  /// Holds a Hyperscan scratch for one thread; take one per batch, not per line.
  class Scanner {
   public:
    explicit Scanner(const PatternSet& set);
    ~Scanner();
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;
    /// Fills `hits` (cleared first) with the indices of the patterns found in `text`, each
    /// once, in no particular order.
    void scan(std::string_view text, std::vector<uint32_t>& hits);

   private:
    const PatternSet& set_;
    void* scratch_;
  };

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace v1
}  // namespace gardener
