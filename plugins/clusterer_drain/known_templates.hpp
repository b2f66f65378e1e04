#pragma once
// The templates earlier runs reported (docs/clustering.md §4). A merge at the end of a window
// (free text, cardinality, subsumption) needs evidence a later, shorter window may not show: a
// line that joined `(root) CMD (<*>)` or `Subsystem <*> reported` would then get the id of its
// own literal template, and an issue of its own. A cluster that a remembered template describes
// takes that template, and so its id.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "template_token.hpp"

namespace gardener::drain {

/// Whether template `k` describes template `t`: k's constant words are t's, in order; a typed
/// placeholder of k takes one token of t of its type, a generic <*> any one token, a free slot
/// any number. at[j] is the position of k that t's j-th token falls in.
bool describes(const std::vector<TemplateToken>& k, const std::vector<TemplateToken>& t, std::vector<int>& at);

class KnownTemplates {
 public:
  struct Entry {
    std::string id;
    std::vector<TemplateToken> tokens;
    uint64_t run = 0;  // the last run that reported it
    size_t constants = 0;  // its alphanumeric constant words (set by remember() and restore())
  };

  /// The remembered template that describes `t` with the most constant words (then the most
  /// recent, then the smallest id), or null. One of two constant words or fewer describes too
  /// much to be trusted. `at` as for describes().
  const Entry* cover(const std::vector<TemplateToken>& t, std::vector<int>& at) const;

  /// Starts recording a run's clusters.
  void begin_run() { ++runs_; }
  /// A cluster the run reported.
  void remember(const std::string& id, const std::vector<TemplateToken>& tokens);
  /// An id that became an alias of another: its template no longer stands for anything.
  void forget(const std::string& id);
  /// Keeps the `cap` most recently reported templates and rebuilds the index.
  void end_run(size_t cap);

  const std::vector<Entry>& entries() const { return entries_; }
  uint64_t runs() const { return runs_; }
  /// Restores what entries() and runs() saved.
  void restore(std::vector<Entry> entries, uint64_t runs);

 private:
  void reindex();

  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_id_;
  // By the first token's text ("" for a placeholder) and the length: a template that starts with
  // a word only describes templates that start with it, and one without a free slot only those
  // of its length.
  std::unordered_map<std::string, std::vector<size_t>> by_first_;
  uint64_t runs_ = 0;
};

}  // namespace gardener::drain
