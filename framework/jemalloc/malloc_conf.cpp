// jemalloc settings for the executables that link it (cmake option GARDENER_JEMALLOC).
// jemalloc keeps freed pages for 10 s by default before returning them; a run over endless input
// with max_clusters frees as much as it allocates, so RSS rose to ~190 MB before settling at
// ~80 MB. Returning pages after 1 s keeps RSS at what is live (gardener-drain-bench --unique:
// 79 MB from the first million lines on) for ~5% of that bench's speed.
extern "C" {
// Read by jemalloc at start-up; the executable's definition wins over the library's default.
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
}
