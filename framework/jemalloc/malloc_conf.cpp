// jemalloc settings for the executables that link it (cmake option GARDENER_JEMALLOC).
// - thp:always: jemalloc asks for transparent huge pages on its memory (madvise, which Debian's
//   default THP mode "madvise" honours). The drain's tree, the mask cache and the statistics are
//   read at random over tens of MB; with 4 KB pages each read risks a TLB miss, and on a virtual
//   machine a miss walks two page tables. 2 MB pages took template+drain on one thread from
//   1.08M to 1.45M lines/s (median of 7 alternated runs, gardener-drain-bench) and cut the page
//   faults of the run by two thirds; RSS grows by a few MB (docs/benchmarks.md, tenth session).
//   Metadata on huge pages as well (metadata_thp) measured no better.
// - Freed pages are returned to the system after jemalloc's default 10 s, not sooner: a run frees
//   a batch's records as fast as it allocates the next ones, and returning pages after 1 s made
//   the kernel zero them again for the next batches, 11% of the whole pipeline's CPU time (perf:
//   clear_page_erms) against 4%. muzzy_decay_ms:0 skips the lazy-free stage.
// - narenas:1: one arena for every thread. A pipeline's threads hand memory to each other (the
//   source fills records, the clusterer's thread finishes with them, the main thread builds the
//   report); with an arena per thread, what one thread frees stays in its arena while the next
//   thread zero-faults fresh huge pages (the kernel's clear_page was 13% of a run's samples).
//   Each thread keeps its own small-object cache, so the arena's lock is rarely taken. Whole
//   pipeline in alternated rounds: two threads +5 to +10% in four sets, one thread −4 to +6.5%
//   in four (noise), RSS 7–12 MB lower in every set; template+drain alone unchanged
//   (docs/benchmarks.md, eleventh session).
// RSS stays flat on endless input (gardener-drain-bench --unique 10000000).
extern "C" {
// Read by jemalloc at start-up; the executable's definition wins over the library's default.
const char* malloc_conf = "thp:always,dirty_decay_ms:10000,muzzy_decay_ms:0,narenas:1";
}
