// The on-disk cache of compiled Hyperscan databases (framework/src/redaction/pattern_cache.hpp).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gardener/pattern_set.hpp>

#include "redaction/pattern_cache.hpp"

namespace gardener {
namespace {

namespace fs = std::filesystem;

// Each test gets its own cache directory through GARDENER_CACHE_DIR.
class PatternCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gardener-pattern-cache-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    ::setenv("GARDENER_CACHE_DIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("GARDENER_CACHE_DIR");
    fs::remove_all(dir_);
  }
  std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    if (fs::exists(dir_))
      for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path());
    return out;
  }
  fs::path dir_;
};

// An exact pattern, a case-insensitive one and one Hyperscan takes only as a prefilter.
const std::vector<std::string> kPatterns = {"timeout", R"((?i)connection (refused|reset))", R"(\pL+ \d+ items)"};

std::vector<uint32_t> hits_of(const PatternSet& set, const std::string& text) {
  PatternSet::Scanner scanner(set);
  std::vector<uint32_t> hits;
  scanner.scan(text, hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

void expect_same_answers(const PatternSet& a, const PatternSet& b) {
  for (const std::string text : {"Connection RESET after timeout; Überall 3 items", "all fine", "12 items", "timeout"})
    EXPECT_EQ(hits_of(a, text), hits_of(b, text)) << text;
}

TEST_F(PatternCache, TheNextSetWithTheSamePatternsComesFromTheCache) {
  PatternSet compiled(kPatterns);
  EXPECT_FALSE(compiled.from_cache());
  ASSERT_EQ(files().size(), 1u);
  EXPECT_EQ(fs::status(dir_).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  PatternSet cached(kPatterns);
  EXPECT_TRUE(cached.from_cache());
  EXPECT_EQ(cached.prefiltered(), compiled.prefiltered());
  expect_same_answers(compiled, cached);
  EXPECT_EQ(hits_of(cached, "Connection RESET after timeout; Überall 3 items"), (std::vector<uint32_t>{0, 1, 2}));
  // Other patterns have their own entry.
  PatternSet other({"timeout", "refused"});
  EXPECT_FALSE(other.from_cache());
  EXPECT_EQ(files().size(), 2u);
}

TEST_F(PatternCache, ADamagedFileIsCompiledAgainAndReplaced) {
  PatternSet compiled(kPatterns);
  const fs::path file = files().at(0);
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (size_t at : {bytes.size() / 2, size_t{9}, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged;
    PatternSet again(kPatterns);
    EXPECT_FALSE(again.from_cache()) << "byte " << at;
    expect_same_answers(compiled, again);
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 3);
  EXPECT_FALSE(PatternSet(kPatterns).from_cache()) << "a truncated file";
  EXPECT_TRUE(PatternSet(kPatterns).from_cache()) << "the compile before wrote a good file again";
}

// Well-formed entries that do not fit their own modes are compiled again: no database although
// the patterns need one, or a database although every pattern is marked for RE2 alone (the set
// would report each match twice, once from each).
TEST_F(PatternCache, AnEntryWhoseModesDoNotFitItsDatabaseIsCompiledAgain) {
  PatternSet compiled(kPatterns);
  const std::string name = files().at(0).filename().string();  // hyperscan-<key>.db
  const uint64_t key = std::stoull(name.substr(10, 16), nullptr, 16);
  const auto good = pattern_cache::load(key);
  ASSERT_TRUE(good.has_value());
  const std::vector<pattern_cache::Entry> misfits = {
      {std::vector<uint8_t>(kPatterns.size(), 0), ""},
      {std::vector<uint8_t>(kPatterns.size(), 2), good->database},
  };
  for (const auto& misfit : misfits) {
    pattern_cache::store(key, misfit);
    PatternSet again(kPatterns);
    EXPECT_FALSE(again.from_cache());
    expect_same_answers(compiled, again);
    EXPECT_EQ(hits_of(again, "timeout"), (std::vector<uint32_t>{0}));
  }
}

TEST_F(PatternCache, AFileOthersCouldWriteIsNeverRead) {
  PatternSet compiled(kPatterns);
  const fs::path file = files().at(0);
  ASSERT_EQ(::chmod(file.c_str(), 0666), 0);
  EXPECT_FALSE(PatternSet(kPatterns).from_cache());
  // The compile replaced it with a private file again.
  EXPECT_TRUE(PatternSet(kPatterns).from_cache());
}

TEST_F(PatternCache, ADirectoryOthersCouldWriteIsNeitherReadNorChanged) {
  PatternSet compiled(kPatterns);
  ASSERT_EQ(::chmod(dir_.c_str(), 0777), 0);
  EXPECT_FALSE(PatternSet(kPatterns).from_cache());
  const auto mode = fs::status(dir_).permissions();
  EXPECT_EQ(mode & fs::perms::others_write, fs::perms::others_write) << "an existing directory is never chmod'ed";
}

TEST_F(PatternCache, SymlinksAreNotFollowed) {
  PatternSet compiled(kPatterns);
  const fs::path file = files().at(0);
  // The file: a link to a good database elsewhere.
  const fs::path elsewhere = dir_.string() + "-elsewhere.db";
  fs::rename(file, elsewhere);
  fs::create_symlink(elsewhere, file);
  EXPECT_FALSE(PatternSet(kPatterns).from_cache());
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(file))) << "the compile put a real file in its place";
  fs::remove(elsewhere);
  // The directory: a link to a private directory with a good database.
  const fs::path real = dir_.string() + "-real";
  fs::rename(dir_, real);
  fs::create_directory_symlink(real, dir_);
  EXPECT_FALSE(PatternSet(kPatterns).from_cache());
  fs::remove(dir_);
  fs::remove_all(real);
}

// File times are set explicitly: the kernel's are coarse, and many files written in a loop share one.
TEST_F(PatternCache, KeepsTheMostRecentlyUsedDatabases) {
  const auto now = fs::file_time_type::clock::now();
  PatternSet first(kPatterns);
  const fs::path kept = files().at(0);
  fs::last_write_time(kept, now - std::chrono::hours(2));
  fs::path oldest;
  for (int i = 0; i < 31; ++i) {
    PatternSet({"pattern-" + std::to_string(i)});
    for (const auto& f : files())
      if (fs::last_write_time(f) > now - std::chrono::minutes(1)) {
        fs::last_write_time(f, now - std::chrono::hours(1) + std::chrono::seconds(i));
        if (i == 0) oldest = f;
      }
  }
  EXPECT_EQ(files().size(), 32u);
  EXPECT_TRUE(PatternSet(kPatterns).from_cache());  // the oldest file, but a load marks it used now
  PatternSet({"one-more"});
  EXPECT_EQ(files().size(), 32u);
  EXPECT_TRUE(fs::exists(kept)) << "the file used last stays";
  EXPECT_FALSE(fs::exists(oldest)) << "the least recently used went";
  EXPECT_TRUE(PatternSet({"one-more"}).from_cache()) << "the file just written stays";
}

TEST_F(PatternCache, OffMeansNoCache) {
  ::setenv("GARDENER_CACHE_DIR", "off", 1);
  PatternSet first(kPatterns);
  PatternSet second(kPatterns);
  EXPECT_FALSE(first.from_cache());
  EXPECT_FALSE(second.from_cache());
  EXPECT_TRUE(files().empty());
}

}  // namespace
}  // namespace gardener
