// The SQLite state store: round trips, migrations from an older schema, a second process on the
// same file (waits, or fails with a clear message), concurrent writers, prune.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <gardener/errors.hpp>
#include <gardener/state.hpp>

#include "runner.hpp"
#include "state/run_lock.hpp"
#include "state/sqlite_db.hpp"
#include "test_context.hpp"

namespace gardener {
namespace {

using testing::TempDir;

TEST(State, KeyValueAndCheckpointsRoundTrip) {
  TempDir dir;
  auto store = StateStore::open(dir.file("nested/deeper/s.db"));  // parents are created
  EXPECT_EQ(store->schema_version(), static_cast<int>(detail::state_migrations().size()));
  EXPECT_FALSE(store->get("p/c", "k"));
  store->put("p/c", "k", "v1");
  store->put("p/c", "k", "v2");
  store->put("p/other", "k", "x");
  EXPECT_EQ(store->get("p/c", "k"), "v2");
  store->erase("p/c", "k");
  EXPECT_FALSE(store->get("p/c", "k"));
  EXPECT_EQ(store->get("p/other", "k"), "x");

  store->put_checkpoint("gcp", "token-1");
  store->put_checkpoint("gcp", "token-2");
  EXPECT_EQ(store->checkpoint("gcp"), "token-2");
  EXPECT_FALSE(store->checkpoint("file"));
}

TEST(State, OneTransactionCommitsEveryWriteOrNone) {
  TempDir dir;
  auto store = StateStore::open(dir.file("s.db"));
  store->in_one_transaction([&] {
    store->upsert_cluster({"c1", "t", "tmpl", "drain", 1, 2, 5});
    store->put("p/c", "k", "v");
    store->prune(0);  // a method with a transaction of its own nests
  });
  EXPECT_EQ(store->cluster("c1")->total_count, 5u);
  EXPECT_EQ(store->get("p/c", "k"), "v");
  EXPECT_THROW(store->in_one_transaction([&] {
    store->upsert_cluster({"c1", "t", "tmpl", "drain", 1, 2, 5});
    store->put("p/c", "k", "w");
    throw std::runtime_error("the body fails half way");
  }),
               std::runtime_error);
  EXPECT_EQ(store->cluster("c1")->total_count, 5u);  // rolled back: neither write happened
  EXPECT_EQ(store->get("p/c", "k"), "v");
  store->put("p/c", "k", "after");  // the store is usable again, outside any transaction
  auto reopened = StateStore::open(dir.file("s.db"));
  EXPECT_EQ(reopened->get("p/c", "k"), "after");
}

TEST(State, RunsCountsAndHistoryThroughAliases) {
  TempDir dir;
  auto store = StateStore::open(dir.file("s.db"));
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    ids.push_back(store->begin_run("demo", Window{i * 100, i * 100 + 100}));
    store->record_count(ids.back(), i < 2 ? "old" : "new", 10 + i);
    store->finish_run(ids.back(), "ok");
  }
  store->begin_run("demo", Window{400, 500});  // still running: not in the history
  store->begin_run("other", Window{0, 1});
  store->record_count(ids[3], "new", 13);  // recording twice replaces
  auto runs = store->recent_runs("demo", 3);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].id, ids[1]);
  EXPECT_EQ(runs[2].id, ids[3]);
  EXPECT_EQ(runs[2].window.start, 300);
  EXPECT_EQ(runs[2].status, "ok");
  EXPECT_EQ(store->counts("new", runs), (std::vector<uint64_t>{0, 12, 13}));
  store->add_alias("old", "new");
  EXPECT_EQ(store->counts("new", runs), (std::vector<uint64_t>{11, 12, 13}));
}

TEST(State, ClustersUpsertWidens) {
  TempDir dir;
  auto store = StateStore::open(dir.file("s.db"));
  store->upsert_cluster({"c1", "Title", "took <DURATION>", "drain", 500, 600, 3});
  store->upsert_cluster({"c1", "", "", "", 400, 550, 2});
  store->upsert_cluster({"c0", "Zero", "t", "rule", 1, 2, 1});
  auto c = store->cluster("c1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->title, "Title");
  EXPECT_EQ(c->template_text, "took <DURATION>");
  EXPECT_EQ(c->first_seen, 400);
  EXPECT_EQ(c->last_seen, 600);
  EXPECT_EQ(c->total_count, 5u);
  auto all = store->clusters();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "c0");
  EXPECT_FALSE(store->cluster("missing"));
}

TEST(State, AliasesFollowChainsAndSurviveCycles) {
  TempDir dir;
  auto store = StateStore::open(dir.file("s.db"));
  EXPECT_EQ(store->resolve_alias("a"), "a");
  store->add_alias("a", "b");
  store->add_alias("b", "c");
  EXPECT_EQ(store->resolve_alias("a"), "c");
  store->add_alias("c", "a");  // a cycle must not hang
  auto r = store->resolve_alias("a");
  EXPECT_TRUE(r == "a" || r == "b" || r == "c");
  store->add_alias("x", "x");  // self alias is ignored
  EXPECT_EQ(store->resolve_alias("x"), "x");
}

TEST(State, IssueLinksAndIntents) {
  TempDir dir;
  auto store = StateStore::open(dir.file("s.db"));
  IssueLinkRow link{"c1", "org/repo", 42, "https://github.com/org/repo/issues/42", "open", "", 0, 0, 77};
  store->put_issue_link(link);
  store->put_issue_link({"c2", "org/repo", 7, "u7", "closed", "completed", 99, 2, 78});
  store->put_issue_link({"c1", "org/other", 1, "u1", "open", "", 0, 0, 79});
  auto got = store->issue_link("org/repo", "c1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->number, 42);
  EXPECT_EQ(got->url, link.url);
  EXPECT_EQ(got->updated_at, 77);
  auto links = store->issue_links("org/repo");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].number, 7);
  EXPECT_EQ(links[0].state_reason, "completed");
  EXPECT_EQ(links[0].quiet_runs, 2);
  link.state = "closed";
  store->put_issue_link(link);
  EXPECT_EQ(store->issue_link("org/repo", "c1")->state, "closed");

  auto i1 = store->add_intent("issues", "create_issue", "fp1", R"({"title":"t"})");
  auto i2 = store->add_intent("issues", "comment", "fp2", "{}");
  store->add_intent("slack", "post", "k", "{}");
  store->finish_intent(i1, "done");
  auto pending = store->pending_intents("issues");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].id, i2);
  EXPECT_EQ(pending[0].key, "fp2");
  EXPECT_EQ(pending[0].status, "pending");
}

TEST(State, PruneRemovesOldFinishedRowsOnly) {
  TempDir dir;
  auto store = StateStore::open(dir.file("s.db"));
  auto old_run = store->begin_run("p", Window{0, 1});
  store->record_count(old_run, "c", 5);
  store->finish_run(old_run, "ok");
  auto running = store->begin_run("p", Window{1, 2});
  auto done = store->add_intent("x", "a", "k1", "{}");
  store->finish_intent(done, "done");
  store->add_intent("x", "a", "k2", "{}");
  store->put("ns", "k", "v");
  auto cutoff = now_ns() + kNsPerSecond;
  auto fresh = store->begin_run("p", Window{2, 3});  // started before cutoff too, but keep checking
  store->finish_run(fresh, "ok");
  EXPECT_EQ(store->prune(0), 0u);  // nothing older than the epoch
  // old_run + its count + fresh + done intent: the running run and the pending intent stay.
  EXPECT_EQ(store->prune(cutoff), 4u);
  EXPECT_TRUE(store->recent_runs("p", 10).empty());
  EXPECT_EQ(store->pending_intents("x").size(), 1u);
  EXPECT_EQ(store->get("ns", "k"), "v");
  store->finish_run(running, "ok");
  EXPECT_EQ(store->recent_runs("p", 10).size(), 1u);
}

// Statements are prepared once and lent again: a reused one starts with no bindings and no pending
// row, and the same SQL run inside its own loop gets a private statement.
TEST(State, CachedStatementsStartCleanAndNest) {
  TempDir dir;
  detail::SqliteDb db(dir.file("cache.db"), 1000);
  db.exec("CREATE TABLE t (k TEXT, v INTEGER); INSERT INTO t VALUES ('a', 1), ('b', 2)");
  const char* select = "SELECT v FROM t WHERE k = ? OR ? IS NULL ORDER BY v";
  {
    detail::SqliteStmt q(db, select);
    q.bind_all(std::string("b"), std::string("x"));
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.int_col(0), 2);
  }  // left with a row pending and two bindings
  std::vector<int64_t> outer, inner;
  {
    detail::SqliteStmt q(db, select);  // the cached one: nothing bound, so both rows
    while (q.step()) {
      outer.push_back(q.int_col(0));
      detail::SqliteStmt nested(db, select);
      nested.bind_all(std::string("a"), std::string("x"));
      while (nested.step()) inner.push_back(nested.int_col(0));
    }
  }
  EXPECT_EQ(outer, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(inner, (std::vector<int64_t>{1, 1}));
  db.exec("DROP TABLE t");  // no statement left open: the cached ones were reset
  detail::SqliteStmt stale(db, select);  // cached before the table went: step() prepares it again and fails
  EXPECT_THROW(stale.step(), Error);
}

TEST(State, MigratesFromAnOlderSchema) {
  TempDir dir;
  auto path = dir.file("old.db");
  {
    detail::SqliteDb db(path, 1000);
    ASSERT_EQ(detail::migrate_state(db, 1), 1);
    db.exec("INSERT INTO kv VALUES ('p/c', 'k', 'kept', 1)");
    db.exec("INSERT INTO clusters VALUES ('c1', 't', 'tpl', 'rule', 1, 2, 3)");
  }
  auto store = StateStore::open(path);
  EXPECT_EQ(store->schema_version(), static_cast<int>(detail::state_migrations().size()));
  EXPECT_EQ(store->get("p/c", "k"), "kept");
  EXPECT_EQ(store->cluster("c1")->total_count, 3u);
  store->add_alias("c0", "c1");  // a table of a later step works
  EXPECT_EQ(store->resolve_alias("c0"), "c1");
  store.reset();
  EXPECT_EQ(StateStore::open(path)->get("p/c", "k"), "kept");  // reopening is a no-op
}

TEST(State, RefusesNewerSchemaAndForeignFiles) {
  TempDir dir;
  auto newer = dir.file("newer.db");
  {
    detail::SqliteDb db(newer, 1000);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    StateStore::open(newer);
    FAIL() << "a newer schema must be refused";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find(newer), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
  auto junk = dir.file("junk.db");
  std::ofstream(junk) << std::string(4096, 'x');
  try {
    StateStore::open(junk);
    FAIL() << "a non-SQLite file must be refused";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find(junk), std::string::npos) << e.what();
  }
  // Another program's SQLite file: refused whole, neither half-migrated nor given our tables.
  auto foreign = dir.file("foreign.db");
  {
    detail::SqliteDb db(foreign, 1000);
    db.exec("CREATE TABLE runs (id TEXT, what TEXT)");
  }
  try {
    StateStore::open(foreign);
    FAIL() << "a foreign database must be refused";
  } catch (const ConfigurationError& e) {
    EXPECT_NE(std::string(e.what()).find("another program"), std::string::npos) << e.what();
  }
  detail::SqliteDb db(foreign, 1000);
  detail::SqliteStmt tables(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  ASSERT_TRUE(tables.step());
  EXPECT_EQ(tables.int_col(0), 1);
}

/// Forks a child that holds the write lock on `path` for `hold_ms`, returns once it holds it.
pid_t fork_lock_holder(const std::string& path, int hold_ms) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    try {
      detail::SqliteDb db(path, 1000);
      db.exec("BEGIN IMMEDIATE");
      db.exec("INSERT INTO kv VALUES ('child', 'k', 'v', 1)");
      (void)!write(fds[1], "x", 1);
      std::this_thread::sleep_for(std::chrono::milliseconds(hold_ms));
      db.exec("COMMIT");
    } catch (...) {
      _exit(1);
    }
    _exit(0);
  }
  close(fds[1]);
  char c;
  (void)!read(fds[0], &c, 1);
  close(fds[0]);
  return pid;
}

int wait_child(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(State, SecondProcessFailsClearlyAfterTheBusyTimeout) {
  TempDir dir;
  auto path = dir.file("s.db");
  StateStore::open(path).reset();
  auto store = StateStore::open(path, 100'000'000);  // 100 ms
  pid_t child = fork_lock_holder(path, 1500);
  ASSERT_GT(child, 0);
  try {
    store->put("p", "k", "v");
    FAIL() << "a write while another process holds the lock must fail after the timeout";
  } catch (const ConfigurationError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find("--state"), std::string::npos) << msg;
  }
  EXPECT_EQ(wait_child(child), 0);
  store->put("p", "k", "v");  // the store is usable again and the child's write is intact
  EXPECT_EQ(store->get("child", "k"), "v");
}

TEST(State, SecondProcessWaitsWithinTheBusyTimeout) {
  TempDir dir;
  auto path = dir.file("s.db");
  StateStore::open(path).reset();
  pid_t child = fork_lock_holder(path, 300);
  ASSERT_GT(child, 0);
  auto store = StateStore::open(path, 10 * kNsPerSecond);
  store->put("p", "k", "v");  // waits for the child's commit
  EXPECT_EQ(wait_child(child), 0);
  EXPECT_EQ(store->get("child", "k"), "v");
  EXPECT_EQ(store->get("p", "k"), "v");
}

TEST(State, ConcurrentWritersFromTwoProcessesAndThreads) {
  TempDir dir;
  auto path = dir.file("s.db");
  StateStore::open(path).reset();
  constexpr int kEach = 100;
  pid_t pid = fork();
  if (pid == 0) {
    try {
      auto s = StateStore::open(path);
      for (int i = 0; i < kEach; ++i) s->upsert_cluster({"c", "", "", "", i, i, 1});
    } catch (...) {
      _exit(1);
    }
    _exit(0);
  }
  ASSERT_GT(pid, 0);
  auto store = StateStore::open(path);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) store->upsert_cluster({"c", "", "", "", i, i, 1});
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wait_child(pid), 0);
  EXPECT_EQ(store->cluster("c")->total_count, 3u * kEach);
}

// Two runs on one state would both list the issues, then both file the same one: the second
// waits for the first's run lock and then fails, naming the holder.
TEST(RunLock, ASecondRunWaitsThenFailsNamingTheHolder) {
  TempDir dir;
  const std::string path = dir.file("s.db.lock");
  auto first = std::make_unique<detail::RunLock>(path, kNsPerSecond);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    detail::RunLock second(path, 200 * 1'000'000LL);
    FAIL() << "a second lock was granted while the first is held";
  } catch (const ConfigurationError& e) {
    EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(200));
    EXPECT_NE(std::string(e.what()).find("pid " + std::to_string(getpid())), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  first.reset();
  EXPECT_NO_THROW(detail::RunLock(path, 0));
}

// The kernel drops a flock when its process dies: a killed run leaves no stale lock.
TEST(RunLock, ADeadHoldersLockIsFree) {
  TempDir dir;
  const std::string path = dir.file("s.db.lock");
  pid_t pid = fork();
  if (pid == 0) {
    detail::RunLock held(path, 0);
    _exit(0);  // no destructor runs
  }
  ASSERT_EQ(wait_child(pid), 0);
  EXPECT_NO_THROW(detail::RunLock(path, 0));
}

// A pipeline's name must not move its state out of the state directory.
TEST(State, DefaultPathKeepsThePipelineNameInsideTheStateDirectory) {
  ::setenv("XDG_STATE_HOME", "/var/lib/gardener-test", 1);
  EXPECT_EQ(default_state_path("../../../escaped"), "/var/lib/gardener-test/log-gardener/.._.._.._escaped.db");
  EXPECT_EQ(default_state_path("payments"), "/var/lib/gardener-test/log-gardener/payments.db");
  ::unsetenv("XDG_STATE_HOME");
}

}  // namespace
}  // namespace gardener
