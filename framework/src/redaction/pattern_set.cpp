// PatternSet: one Hyperscan database for many RE2-syntax patterns (see pattern_set.hpp).
#include <gardener/errors.hpp>
#include <gardener/pattern_set.hpp>

#include <hs/hs.h>
#include <re2/re2.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "pattern_cache.hpp"

namespace gardener {
inline namespace v1 {

namespace {

RE2::Options re2_options() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

enum class Mode : uint8_t { Exact, Prefilter, Re2Only };

// What the compiled database depends on: the Hyperscan build, the CPU features it compiles for
// (a database from a machine without AVX-512 still loads here, but runs slower), the flags
// compile() uses (bump the tag when they change) and the patterns.
uint64_t cache_key(const std::vector<std::unique_ptr<RE2>>& patterns) {
  std::string input = std::string("flags-v1\n") + hs_version() + "\n";
#if defined(__x86_64__)
  __builtin_cpu_init();
  for (bool feature : {__builtin_cpu_supports("avx2") != 0, __builtin_cpu_supports("avx512bw") != 0,
                       __builtin_cpu_supports("avx512vbmi") != 0})
    input += feature ? '1' : '0';
#endif
  for (const auto& re : patterns) input += std::to_string(re->pattern().size()) + ":" + re->pattern();
  return XXH3_64bits(input.data(), input.size());
}

}  // namespace

struct PatternSet::Impl {
  std::vector<std::unique_ptr<RE2>> re2;
  std::vector<Mode> mode;
  std::vector<uint32_t> re2_only;  // patterns Hyperscan could not take even as a prefilter
  size_t prefiltered = 0;
  bool from_cache = false;
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::mutex pool_mu;
  std::vector<hs_scratch_t*> pool;  // scratches returned by finished Scanners

  ~Impl() {
    for (auto* s : pool) hs_free_scratch(s);
    if (prototype) hs_free_scratch(prototype);
    if (db) hs_free_database(db);
  }

  /// Compiles the patterns not marked Re2Only; returns the failing expression index or -1.
  int try_compile(std::string& error) {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (uint32_t i = 0; i < mode.size(); ++i) {
      if (mode[i] == Mode::Re2Only) continue;
      exprs.push_back(re2[i]->pattern().c_str());
      unsigned f = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
      if (mode[i] == Mode::Prefilter) f |= HS_FLAG_PREFILTER;
      flags.push_back(f);
      ids.push_back(i);
    }
    if (exprs.empty()) return -1;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()),
                         HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS)
      return -1;
    error = err->message ? err->message : "unknown Hyperscan error";
    int bad = err->expression >= 0 ? static_cast<int>(ids[err->expression]) : -2;
    hs_free_compile_error(err);
    return bad;
  }

  void compile() {
    // Each failure names one expression: degrade it (exact -> prefilter -> RE2 only) and retry.
    for (size_t attempt = 0; attempt <= 2 * mode.size() + 1; ++attempt) {
      std::string error;
      int bad = try_compile(error);
      if (bad == -1) break;
      if (bad == -2) throw ConfigurationError("cannot build the pattern database: " + error);
      mode[bad] = mode[bad] == Mode::Exact ? Mode::Prefilter : Mode::Re2Only;
    }
    settle_modes();
    if (db && hs_alloc_scratch(db, &prototype) != HS_SUCCESS)
      throw std::runtime_error("cannot allocate Hyperscan scratch space");
  }

  // The counts and lists the scans read, from the final modes.
  void settle_modes() {
    prefiltered = static_cast<size_t>(std::count(mode.begin(), mode.end(), Mode::Prefilter));
    re2_only.clear();
    for (uint32_t i = 0; i < mode.size(); ++i)
      if (mode[i] == Mode::Re2Only) re2_only.push_back(i);
  }

  // The modes and database a run before settled on for the same patterns (pattern_cache.hpp).
  // Anything that does not fit (a database for patterns that need none, or none for patterns that
  // do, one Hyperscan refuses or cannot make scratch for) means compiling instead.
  bool load_cached(uint64_t key) {
    auto entry = pattern_cache::load(key);
    if (!entry || entry->modes.size() != mode.size()) return false;
    bool needs_db = false;
    for (uint8_t m : entry->modes) {
      if (m > static_cast<uint8_t>(Mode::Re2Only)) return false;
      needs_db = needs_db || m != static_cast<uint8_t>(Mode::Re2Only);
    }
    if (needs_db == entry->database.empty()) return false;
    hs_database_t* loaded = nullptr;
    if (needs_db &&
        hs_deserialize_database(entry->database.data(), entry->database.size(), &loaded) != HS_SUCCESS)
      return false;  // damaged, or built for another CPU
    if (loaded && hs_alloc_scratch(loaded, &prototype) != HS_SUCCESS) {
      hs_free_database(loaded);
      prototype = nullptr;
      return false;
    }
    db = loaded;
    for (size_t i = 0; i < mode.size(); ++i) mode[i] = static_cast<Mode>(entry->modes[i]);
    settle_modes();
    return true;
  }

  void store_cached(uint64_t key) const {
    pattern_cache::Entry entry;
    for (Mode m : mode) entry.modes.push_back(static_cast<uint8_t>(m));
    if (db) {
      char* bytes = nullptr;
      size_t length = 0;
      if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
      entry.database.assign(bytes, length);
      std::free(bytes);
    }
    pattern_cache::store(key, entry);
  }
};

PatternSet::PatternSet(const std::vector<std::string>& patterns) : impl_(std::make_unique<Impl>()) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    auto re = std::make_unique<RE2>(patterns[i], re2_options());
    if (!re->ok())
      throw ConfigurationError("pattern " + std::to_string(i) + " (`" + patterns[i] + "`): " + re->error());
    impl_->re2.push_back(std::move(re));
    impl_->mode.push_back(Mode::Exact);
  }
  const uint64_t key = cache_key(impl_->re2);
  impl_->from_cache = impl_->load_cached(key);
  if (impl_->from_cache) return;
  impl_->compile();
  impl_->store_cached(key);
}

PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

std::string PatternSet::check(const std::string& pattern) {
  RE2 re(pattern, re2_options());
  return re.ok() ? std::string() : re.error();
}

size_t PatternSet::size() const { return impl_->re2.size(); }
size_t PatternSet::prefiltered() const { return impl_->prefiltered; }
bool PatternSet::from_cache() const { return impl_->from_cache; }

PatternSet::Scanner::Scanner(const PatternSet& set) : set_(set), scratch_(nullptr) {
  auto& impl = *set.impl_;
  if (!impl.prototype) return;
  {
    std::lock_guard lock(impl.pool_mu);
    if (!impl.pool.empty()) {
      scratch_ = impl.pool.back();
      impl.pool.pop_back();
      return;
    }
  }
  hs_scratch_t* s = nullptr;
  if (hs_clone_scratch(impl.prototype, &s) != HS_SUCCESS) throw std::runtime_error("cannot clone Hyperscan scratch");
  scratch_ = s;
}

PatternSet::Scanner::~Scanner() {
  if (!scratch_) return;
  auto& impl = *set_.impl_;
  std::lock_guard lock(impl.pool_mu);
  impl.pool.push_back(static_cast<hs_scratch_t*>(scratch_));
}

namespace {
int on_hit(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  static_cast<std::vector<uint32_t>*>(ctx)->push_back(id);
  return 0;
}
}  // namespace

void PatternSet::Scanner::scan(std::string_view text, std::vector<uint32_t>& hits) {
  hits.clear();
  if (text.data() == nullptr) text = std::string_view("", 0);  // Hyperscan refuses a null buffer
  const auto& impl = *set_.impl_;
  if (impl.db) {
    hs_error_t rc = hs_scan(impl.db, text.data(), static_cast<unsigned>(text.size()), 0,
                            static_cast<hs_scratch_t*>(scratch_), on_hit, &hits);
    if (rc != HS_SUCCESS) throw std::runtime_error("Hyperscan scan failed (" + std::to_string(rc) + ")");
  }
  const re2::StringPiece piece(text.data(), text.size());
  if (impl.prefiltered) {
    // Prefilter hits are a superset: keep only those RE2 confirms.
    size_t kept = 0;
    for (uint32_t id : hits)
      if (impl.mode[id] == Mode::Exact || RE2::PartialMatch(piece, *impl.re2[id])) hits[kept++] = id;
    hits.resize(kept);
  }
  for (uint32_t id : impl.re2_only)
    if (RE2::PartialMatch(piece, *impl.re2[id])) hits.push_back(id);
}

}  // namespace v1
}  // namespace gardener
