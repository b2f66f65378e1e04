// The pre-filtered link-key scan must find exactly what a plain position-by-position scan finds.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analysis/link_keys.hpp"

namespace {

using Found = std::vector<std::pair<std::string, std::string>>;

Found scan(std::string_view text) {
  Found f;
  gardener::scan_link_keys(text, [&](std::string_view k, std::string_view v) { f.emplace_back(k, v); });
  return f;
}

// The reference: every name tried at every word start, no pre-filter.
Found reference(std::string_view text) {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"x-request-id", "request"}, {"correlation_id", "correlation"}, {"correlation-id", "correlation"},
      {"connection_id", "connection"}, {"request_id", "request"}, {"request-id", "request"},
      {"requestid", "request"}, {"session_id", "session"}, {"trace_id", "trace"}, {"trace-id", "trace"},
      {"traceid", "trace"}, {"conn_id", "connection"}, {"connection", "connection"}, {"session", "session"},
      {"request", "request"}, {"trace", "trace"}};
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto id = [&](char c) { return word(c) || c == '-'; };
  auto sep = [](char c) { return c == ' ' || c == '=' || c == ':' || c == '"' || c == '\'' || c == '\\'; };
  Found f;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && word(text[i - 1])) continue;
    for (const auto& [n, key] : names) {
      if (text.size() - i < n.size()) continue;
      bool same = true;
      for (size_t k = 0; k < n.size() && same; ++k) same = lower(text[i + k]) == n[k];
      if (!same) continue;
      size_t end = i + n.size();
      if (end < text.size() && (word(text[end]) || text[end] == '-')) continue;
      size_t p = end, skipped = 0;
      while (p < text.size() && sep(text[p]) && skipped < 8) ++p, ++skipped;
      std::string_view v;
      if (skipped > 0) {
        size_t start = p;
        while (p < text.size() && p - start < 128 &&
               (id(text[p]) || (text[p] == '.' && p + 1 < text.size() && id(text[p + 1]))))
          ++p;
        bool stub = p + 1 < text.size() && text[p] == '.' && text[p + 1] == '.';
        if (!stub) v = text.substr(start, p - start);
      }
      if (gardener::looks_like_id(v)) f.emplace_back(key, v);
      i = end - 1;
      break;
    }
  }
  return f;
}

// Up to `max_parts` pieces of key names, ids, separators and look-alikes.
std::string random_text(std::mt19937& rng, int max_parts) {
  static const std::vector<std::string> pieces = {
      "request_id=", "Request-ID: ", "x-request-id ", "X-REQUEST-ID=", "trace", "TraceId", "trace_id:", "session ",
      "Session_ID=\"", "connection_state", "conn_id=", "correlation-id ", "abc123def", "42", "-", ".", "..", " ",
      "\r", "\t", "s", "c", "r", "t", "x", "ON", "e", "o", "=", ":", "_", "foo"};
  std::string text;
  const int parts = static_cast<int>(rng() % static_cast<unsigned>(max_parts));
  for (int k = 0; k < parts; ++k) text += pieces[rng() % pieces.size()];
  return text;
}

TEST(LinkKeysScan, SameAsPlainScanOnRandomText) {
  std::mt19937 rng(7);
  for (int n = 0; n < 40000; ++n) {
    const std::string text = random_text(rng, 20);
    ASSERT_EQ(scan(text), reference(text)) << "text: [" << text << "]";
  }
}

// A text line's record is scanned as its fields, then its message (remembered when it had no
// key): the keys must be those of the whole line, wherever names, separators and values fall
// around the point where the message starts, and again when the same message comes back.
TEST(LinkKeysScan, TextLineSplitAtItsMessageFindsWhatTheWholeLineHas) {
  std::mt19937 rng(11);
  auto extract = [](const gardener::Record& r) {
    Found f;
    gardener::extract_link_keys(r, [&](std::string_view k, std::string_view v) { f.emplace_back(k, v); });
    return f;
  };
  for (int n = 0; n < 20000; ++n) {
    gardener::Record r;
    r.message = random_text(rng, 8);
    r.raw = "2025-09-13 17:00:0" + std::to_string(n % 10) + " INFO " + random_text(rng, 5) + r.message;
    const Found whole = scan(r.raw);
    ASSERT_EQ(extract(r), whole) << "raw: [" << r.raw << "] message: [" << r.message << "]";
    ASSERT_EQ(extract(r), whole) << "again, raw: [" << r.raw << "]";
  }
}

TEST(LinkKeysScan, FindsKeysAcrossTheSimdBlockBoundary) {
  for (size_t pad = 0; pad < 80; ++pad) {  // across 16- and 32-byte windows and the tail
    std::string text = std::string(pad, 'a') + " request_id=abc123def more text";
    EXPECT_EQ(scan(text), (Found{{"request", "abc123def"}})) << pad;
  }
}

// extract_link_keys() remembers texts that had no key and skips them next time: a record must
// give the same keys however often it (or a text without keys) was seen before, the remembered
// hashes must not hide a text with keys, and the raw entry is what counts when there is one.
TEST(LinkKeysScan, RepeatedRecordsGiveTheSameKeys) {
  auto extract = [](const gardener::Record& r) {
    Found f;
    gardener::extract_link_keys(r, [&](std::string_view k, std::string_view v) { f.emplace_back(k, v); });
    return f;
  };
  std::vector<gardener::Record> records(200);
  for (size_t i = 0; i < records.size(); ++i) {
    records[i].message = "worker " + std::to_string(i % 50) + " done";
    if (i % 3 == 0) records[i].message += " request_id=req" + std::to_string(i % 7) + "x1234";
    if (i % 5 == 0) records[i].raw = "{\"session_id\": \"sess-" + std::to_string(i) + "\", \"m\": \"x\"}";
  }
  std::vector<Found> first;
  for (const auto& r : records) first.push_back(extract(r));
  EXPECT_EQ(first[3], (Found{{"request", "req3x1234"}}));
  EXPECT_TRUE(first[1].empty());
  EXPECT_EQ(first[5], (Found{{"session", "sess-5"}}));  // the raw entry, not the message
  for (int round = 0; round < 3; ++round)
    for (size_t i = 0; i < records.size(); ++i) ASSERT_EQ(extract(records[i]), first[i]) << i;
  // What is remembered (no key, or the one key and where its value is) is what a scan finds.
  for (size_t i = 0; i < records.size(); ++i)
    ASSERT_EQ(first[i], scan(records[i].raw.empty() ? records[i].message : records[i].raw)) << i;
  gardener::Record far;  // a value past what a remembered slot can point at: scanned each time
  far.message = std::string(70000, 'x') + " request_id=abc1234567";
  for (int round = 0; round < 3; ++round) EXPECT_EQ(extract(far), (Found{{"request", "abc1234567"}})) << round;
  gardener::Record one;  // one key: its value is found again from where it was remembered
  one.message = "done session_id=s3ss10n42 in 4 ms";
  for (int round = 0; round < 3; ++round) EXPECT_EQ(extract(one), (Found{{"session", "s3ss10n42"}})) << round;
  gardener::Record two;  // two keys: scanned each time
  two.message = "request_id=abc1234567 trace_id=0af7651916cd43dd";
  for (int round = 0; round < 3; ++round) EXPECT_EQ(extract(two).size(), 2u);
}

}  // namespace
