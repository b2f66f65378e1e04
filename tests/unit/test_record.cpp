// Record::clear and the reader's refilling of finished records (input/spare_records.hpp): a
// refilled record must be indistinguishable from a new one, whatever the last run left in it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gardener/input.hpp>
#include <gardener/record.hpp>

#include "input/spare_records.hpp"
#include "test_context.hpp"

namespace {

using gardener::Record;

// Every field, so a field added to Record and forgotten here fails to compile only on the guard
// below; one forgotten in Record::clear fails the test.
void expect_same(const Record& a, const Record& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.timestamp_ns, b.timestamp_ns);
  EXPECT_EQ(a.severity, b.severity);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.module, b.module);
  EXPECT_EQ(a.function, b.function);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.logger, b.logger);
  EXPECT_EQ(a.service, b.service);
  EXPECT_EQ(a.resource_type, b.resource_type);
  EXPECT_EQ(a.resource_labels, b.resource_labels);
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_EQ(a.trace, b.trace);
  EXPECT_EQ(a.span_id, b.span_id);
  EXPECT_EQ(a.insert_id, b.insert_id);
  EXPECT_EQ(a.log_name, b.log_name);
  EXPECT_EQ(a.raw, b.raw);
  EXPECT_EQ(a.origin, b.origin);
  EXPECT_EQ(a.masked, b.masked);
  ASSERT_EQ(a.variables.size(), b.variables.size());
  for (size_t i = 0; i < a.variables.size(); ++i) {
    EXPECT_EQ(a.variables[i].type, b.variables[i].type);
    EXPECT_EQ(a.variables[i].value, b.variables[i].value);
  }
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  EXPECT_EQ(a.tokens_of, b.tokens_of);
  EXPECT_EQ(a.cluster_id, b.cluster_id);
  EXPECT_EQ(a.tags, b.tags);
  EXPECT_EQ(a.dropped, b.dropped);
}

#if defined(__GLIBCXX__) && defined(__x86_64__)
// A new field changes the size: add it to Record::clear, to expect_same and to dirty, then here.
static_assert(sizeof(Record) == 640, "Record changed: update Record::clear and this test");
#endif

// What a finished run leaves in a record: every field set, long enough to live on the heap.
void dirty(Record& r) {
  const std::string big(40, 'x');
  r.timestamp_ns = 42;
  r.severity = gardener::Severity::Critical;
  r.line = 7;
  r.tokens_of = 99;
  r.dropped = true;
  for (std::string* s : {&r.message, &r.module, &r.function, &r.file, &r.logger, &r.service, &r.resource_type,
                         &r.trace, &r.span_id, &r.insert_id, &r.log_name, &r.raw, &r.origin, &r.masked,
                         &r.cluster_id})
    *s = big;
  r.resource_labels = {{"zone", big}};
  r.labels = {{"pod", big}};
  r.variables = {{"NUM", big}};
  r.tokens = {gardener::MessageToken{0, 3, 1, 2}};
  r.tags = {big};
}

TEST(Record, ClearMakesItFresh) {
  Record r;
  dirty(r);
  const size_t capacity = r.message.capacity();
  r.clear();
  expect_same(r, Record{}, "cleared");
  EXPECT_EQ(r.message.capacity(), capacity);  // the point of clear(): the memory stays
}

// Hands every batch's records back dirty, as the runner does once the clusterer is done.
class RecyclingEmitter : public gardener::Emitter, public gardener::detail::SpareRecords {
 public:
  std::vector<Record> records;  // copies of what was emitted
  std::vector<Record> finished;
  size_t taken = 0;
  bool emit(gardener::Batch&& batch) override {
    for (auto& r : batch.records) {
      records.push_back(r);
      dirty(r);
    }
    finished = std::move(batch.records);
    return true;
  }
  std::vector<Record> take_spare_records() override {
    taken += finished.empty() ? 0 : 1;
    return std::move(finished);
  }
};

class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() / ("gardener-record-" + std::to_string(::getpid()) + ".log")) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

void read_with(gardener::Emitter& out, const gardener::InputOptions& opt, const std::string& path) {
  gardener::testing::TestContext ctx;
  gardener::EventReader reader(opt);
  EXPECT_TRUE(reader.read_file(path, "in.log", ctx, out));
}

void expect_refills_match_fresh(const gardener::InputOptions& opt, const std::string& text) {
  TempFile file(text);
  gardener::testing::CollectingEmitter fresh;
  read_with(fresh, opt, file.path());
  RecyclingEmitter recycled;
  read_with(recycled, opt, file.path());
  EXPECT_GT(recycled.taken, 1u);  // the second reading did refill records
  ASSERT_EQ(fresh.records.size(), recycled.records.size());
  for (size_t i = 0; i < fresh.records.size(); ++i)
    expect_same(recycled.records[i], fresh.records[i], "record " + std::to_string(i));
}

TEST(Record, RefilledTextRecordsMatchFreshOnes) {
  gardener::InputOptions opt;
  opt.format = gardener::InputFormat::Text;
  opt.log_format = "<Date> <Time> <Level> <Component> <Pod>: <Content>";
  opt.min_severity = gardener::Severity::Warning;  // the INFO lines are dropped and refilled
  opt.batch_size = 3;
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "2025-09-13 17:00:" + std::to_string(10 + i) + (i % 3 ? " ERROR" : " INFO") + " comp" + std::to_string(i) +
            " pod-" + std::to_string(i) + ": request " + std::to_string(i) + " failed\n";
  text += "not a line of the format\n";
  expect_refills_match_fresh(opt, text);
}

TEST(Record, RefilledJsonRecordsMatchFreshOnes) {
  gardener::InputOptions opt;
  opt.format = gardener::InputFormat::Jsonl;
  opt.batch_size = 2;
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += R"({"timestamp":"2025-09-13T17:00:0)" + std::to_string(i % 10) + R"(Z","severity":"ERROR",)" +
            (i % 2 ? R"("labels":{"k":"v)" + std::to_string(i) + R"("},)" : std::string()) +
            R"("textPayload":"boom )" + std::to_string(i) + "\"}\n";
  text += "{broken\n";
  expect_refills_match_fresh(opt, text);
}

}  // namespace

// A <Time> field alone may hold the whole timestamp.
TEST(Record, ATimeFieldAloneCarriesTheTimestamp) {
  gardener::InputOptions opt;
  opt.format = gardener::InputFormat::Text;
  opt.log_format = "<Time> <Level> <Content>";
  TempFile file("2025-09-13T17:00:05Z ERROR disk full\n17:00:06 ERROR no date here\n");
  gardener::testing::CollectingEmitter out;
  read_with(out, opt, file.path());
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(gardener::format_rfc3339(out.records[0].timestamp_ns), "2025-09-13T17:00:05Z");
  EXPECT_EQ(out.records[0].message, "disk full");
  EXPECT_NE(gardener::format_rfc3339(out.records[1].timestamp_ns), "2025-09-13T17:00:06Z");  // no date: undated
}

// nginx's and Go's date: 2025/09/13 17:00:01.
TEST(Record, ADateWithSlashesIsRead) {
  gardener::InputOptions opt;
  opt.format = gardener::InputFormat::Text;
  opt.log_format = "<Date> <Time> \\[<Level>\\] <Content>";
  TempFile file("2025/09/13 17:00:05 [error] 12#12: upstream timed out\n");
  gardener::testing::CollectingEmitter out;
  read_with(out, opt, file.path());
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(gardener::format_rfc3339(out.records[0].timestamp_ns), "2025-09-13T17:00:05Z");
  EXPECT_EQ(out.records[0].severity, gardener::Severity::Error);
}
