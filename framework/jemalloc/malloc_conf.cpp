// jemalloc settings for the executables that link it (cmake option GARDENER_JEMALLOC).
// Freed pages are returned to the system after jemalloc's default 10 s, not sooner: a run frees
// a batch's records as fast as it allocates the next ones, and returning pages after 1 s (our
// setting until the ninth session) made the kernel zero them again for the next batches, 11% of
// the whole pipeline's CPU time (perf: clear_page_erms) against 4%. RSS stays flat on endless
// input either way now that evicted clusters' memory is reused (gardener-drain-bench --unique
// 10000000: 67 MB from the second million lines on). muzzy_decay_ms:0 skips the lazy-free stage.
extern "C" {
// Read by jemalloc at start-up; the executable's definition wins over the library's default.
const char* malloc_conf = "dirty_decay_ms:10000,muzzy_decay_ms:0";
}
