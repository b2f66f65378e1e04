#pragma once
// Records a run is done with, handed back to the source that reads the next ones. The runner's
// emitter implements this next to gardener::Emitter, and EventReader asks for it with a
// dynamic_cast: refilling a record (Record::clear keeps every string's memory) saves the
// allocation and the free of each field (the whole pipeline: 2% less CPU, 3% more lines/s;
// docs/benchmarks.md, tenth session). Kept out of the plugin SDK so Emitter's vtable, and with it
// the ABI, stays as it is; an emitter without it (a test's, a plugin's own) gets new records.
#include <gardener/record.hpp>

#include <vector>

namespace gardener::detail {

class SpareRecords {
 public:
  /// A finished batch's records, to refill; empty when there is none.
  virtual std::vector<Record> take_spare_records() = 0;

 protected:
  ~SpareRecords() = default;
};

}  // namespace gardener::detail
