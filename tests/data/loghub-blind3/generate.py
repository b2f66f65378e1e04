#!/usr/bin/env python3
"""Generate the loghub-blind3 corpus: labelled synthetic logs of six real server systems
(Cassandra, Kafka, Redis, Jenkins, Dockerd, Zabbix) in the Loghub-2k layout, written blind from
memory of their real log formats and message texts.  See README.md.

    python3 generate.py OUT_DIR

Deterministic (seed "loghub-blind3/v1"), Python standard library only.  Uses the shared
machinery of tests/data/loghub_corpus.py: every event type is one message text whose variable
parts are slots <@name>; its EventTemplate is that text with every slot replaced by <*>.
"""

import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import loghub_corpus  # noqa: E402
from loghub_corpus import hexs, weighted  # noqa: E402


class System(loghub_corpus.System):
    """The knobs of this corpus; see loghub_corpus.System."""
    seed = "loghub-blind3/v1"
    fixed_margin = 40
    inner_gap = (0.001, 0.6)
    pool_tries = 20
    collapse_spaces = True          # templates write one blank for a run of blanks
    pub_ip_reserved = (0, 10, 100, 127, 169, 172, 192, 198, 203, 224)
    settings = {"regex": [], "st": 0.5, "depth": 4}


# ---------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------

def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def timeuuid(r):
    h = hexs(r, 32)
    return "%s-%s-11ee-%s%s-%s" % (h[:8], h[8:12], r.choice("89ab"), h[17:20], h[20:])


def pretty_mem(n):
    """Cassandra's FBUtilities.prettyPrintMemory."""
    if n >= 1 << 30:
        return "%.3fGiB" % (n / float(1 << 30))
    if n >= 1 << 20:
        return "%.3fMiB" % (n / float(1 << 20))
    return "%.3fKiB" % (n / 1024.0)


def commas(n):
    return "{:,}".format(int(n))


def epoch_ms(t):
    return int((t - datetime(1970, 1, 1)).total_seconds() * 1000)


# ===========================================================================================
# 1. Apache Cassandra 4.0 system.log, one node of a six-node ring
# ===========================================================================================

class Cassandra(System):
    name = "Cassandra"
    log_format = r"<Level> \[<Thread>\] <Date> <Time> <File>:<Line> - <Content>"
    start = datetime(2024, 3, 1, 0, 4, 12, 331000)
    mean_gap = 16.0
    inner_gap = (0.001, 0.4)

    SELF = "10.20.1.11"
    PEERS = ["10.20.1.12", "10.20.1.13", "10.20.1.14", "10.20.1.15", "10.20.1.16"]
    TABLES = {
        "telemetry": ["sensor_readings", "device_state", "events_by_day", "readings_hourly", "alerts_by_device"],
        "shop": ["orders", "order_items", "carts", "customers", "orders_by_customer", "inventory"],
        "auth": ["sessions", "users", "refresh_tokens"],
        "system": ["local", "peers_v2", "compaction_history", "size_estimates", "sstable_activity", "paxos",
                   "batches", "prepared_statements"],
        "system_schema": ["keyspaces", "tables", "columns", "types", "indexes"],
        "system_distributed": ["repair_history", "parent_repair_history"],
        "system_auth": ["roles", "role_permissions"],
        "system_traces": ["sessions", "events"],
    }

    def define(self):
        r = self.r
        e = self.ev
        self.tids = {}
        self.sst_gen = r.randint(3000, 9000)
        self.repair_no = r.randint(3, 40)
        self.hostids = {ip: uuid4(r) for ip in [self.SELF] + self.PEERS}

        def user_table():
            ks = weighted(r, [("telemetry", 6), ("shop", 4), ("auth", 2)])
            return ks, r.choice(self.TABLES[ks])

        def sys_table():
            ks = weighted(r, [("system", 8), ("system_schema", 1), ("system_distributed", 1), ("system_auth", 1),
                              ("system_traces", 1)])
            return ks, r.choice(self.TABLES[ks])
        self.user_tables = self.pool(user_table, 20, 1.0)
        self.sys_tables = self.pool(sys_table, 12, 1.1)

        # -- steady state -------------------------------------------------------------------
        e("flush", "Enqueuing flush of <@cf>: <@on> (<@onp>%) on-heap, <@off> (<@offp>%) off-heap",
          lvl="INFO", src="ColumnFamilyStore.java:1205")
        e("writing", "Writing <@memtable>, flushed range = (<@lo>, <@hi>]", lvl="INFO", src="Memtable.java:469")
        e("flushed", "Completed flushing <@file> (<@size>) for commitlog position <@pos>", lvl="INFO",
          src="Memtable.java:498")
        e("compacted", "Compacted (<@id>) <@n> sstables to [<@outs>] to level=<@lvl>.  <@insz> to <@outsz> "
          "(~<@pct>% of original) in <@ms>ms.  Read Throughput = <@rt>, Write Throughput = <@wt>, Row Throughput = "
          "~<@rows>/s.  <@parts> total partitions merged to <@merged>.  Partition merge counts were {<@counts>}. "
          "Time spent writing keys = <@wk>ms", lvl="INFO", src="CompactionTask.java:241")
        e("gc", "<@gcname> GC in <@ms>ms.  <@pools>", lvl="INFO", thr="Service Thread", src="GCInspector.java:294")
        e("summaries", "Redistributing index summaries", lvl="INFO", thr="IndexSummaryManager:1",
          src="IndexSummaryRedistribution.java:78")
        e("slow", "Some operations were slow, details available at debug level (debug.log)", lvl="INFO",
          thr="ScheduledTasks:1", src="NoSpamLogger.java:92")
        e("timedout", "Some operations timed out, details available at debug level (debug.log)", lvl="INFO",
          thr="ScheduledTasks:1", src="NoSpamLogger.java:92")
        e("tomb", "Read <@live> live rows and <@tomb> tombstone cells for query <@query> (see "
          "tombstone_warn_threshold)", lvl="WARN", src="ReadCommand.java:596")
        e("batch", "Batch for <@tables> is of size <@size>, exceeding specified threshold of <@limit> by <@over>.",
          lvl="WARN", src="BatchStatement.java:441")
        e("unlogged", "Unlogged batch covering <@n> partitions detected against table<@s> <@tables>. You should "
          "use a logged batch for atomicity, or asynchronous writes for performance.", lvl="WARN",
          src="BatchStatement.java:453")
        e("largepart", "Writing large partition <@ks>/<@cf>:<@key> (<@size>) to sstable <@path>", lvl="WARN",
          src="BigTableWriter.java:258")
        e("maxmem", "Maximum memory usage reached (<@max>), cannot allocate chunk of <@chunk>", lvl="INFO",
          src="NoSpamLogger.java:92")
        e("clsync", "Out of <@n> commit log syncs over the past <@secs>s with average duration of <@avg>ms, <@k> "
          "have exceeded the configured commit interval by an average of <@over>ms", lvl="WARN",
          thr="PERIODIC-COMMIT-LOG-SYNCER", src="NoSpamLogger.java:94")
        e("pause", "Not marking nodes down due to local pause of <@ns>ns > <@limit>ns", lvl="WARN",
          thr="GossipTasks:1", src="FailureDetector.java:319")
        e("fatclient", "FatClient <@ep> has been silent for <@ms>ms, removing from gossip", lvl="INFO",
          thr="GossipTasks:1", src="Gossiper.java:1049")
        e("saved", "Saved <@cache> (<@n> items) in <@ms> ms", lvl="INFO", src="AutoSavingCache.java:394")
        # -- gossip, messaging, hints -------------------------------------------------------
        e("down", "InetAddress <@ep> is now DOWN", lvl="INFO", thr="GossipTasks:1", src="Gossiper.java:1346")
        e("up", "InetAddress <@ep> is now UP", lvl="INFO", thr="GossipStage:1", src="Gossiper.java:1316")
        e("restarted", "Node <@ep> has restarted, now UP", lvl="INFO", thr="GossipStage:1", src="Gossiper.java:1426")
        e("statejump", "Node <@ep> state jump to <@state>", lvl="INFO", thr="GossipStage:1",
          src="StorageService.java:2887")
        e("connected", "<@conn> successfully connected, version = <@ver>, framing = <@framing>, encryption = "
          "<@enc>", lvl="INFO", src="OutboundConnection.java:1151")
        e("connfail", "<@conn> failed to connect", lvl="INFO", src="NoSpamLogger.java:92")
        e("hint_done", "Finished hinted handoff of file <@file> to endpoint <@ep>: <@hostid>", lvl="INFO",
          src="HintsDispatchExecutor.java:287")
        e("hint_partial", "Finished hinted handoff of file <@file> to endpoint <@ep>: <@hostid>, partially",
          lvl="INFO", src="HintsDispatchExecutor.java:300")
        # -- repair and streaming -----------------------------------------------------------
        e("rep_start", "Starting repair command #<@n> (<@uuid>), repairing keyspace <@ks> with repair options "
          "<@opts>", lvl="INFO", src="RepairRunnable.java:273")
        e("rep_new", "[repair #<@rid>] new session: will sync <@eps> on range <@ranges> for <@ks>.<@cfs>",
          lvl="INFO", src="RepairSession.java:230")
        e("merkle", "[repair #<@rid>] Received merkle tree for <@cf> from <@ep>", lvl="INFO",
          thr="AntiEntropyStage:1", src="RepairSession.java:191")
        e("consistent", "[repair #<@rid>] Endpoints <@a> and <@b> are consistent for <@cf>", lvl="INFO",
          src="SyncTask.java:73")
        e("outofsync", "[repair #<@rid>] Endpoints <@a> and <@b> have <@n> range(s) out of sync for <@cf>",
          lvl="INFO", src="SyncTask.java:81")
        e("streaming", "[repair #<@rid>] Performing streaming repair of <@n> ranges with <@ep>", lvl="INFO",
          src="SymmetricRemoteSyncTask.java:67")
        e("synced", "[repair #<@rid>] <@cf> is fully synced", lvl="INFO", src="RepairJob.java:183")
        e("sess_done", "[repair #<@rid>] Session completed successfully", lvl="INFO", src="RepairSession.java:302")
        e("range_done", "Repair session <@rid> for range <@ranges> finished", lvl="INFO",
          src="RepairRunnable.java:612")
        e("rep_done", "Repair command #<@n> finished in <@dur>", lvl="INFO", src="RepairRunnable.java:424")
        e("st_prep", "[Stream #<@sid> ID#<@k>] Prepare completed. Receiving <@rf> files(<@rs>), sending <@sf> "
          "files(<@ss>)", lvl="INFO", src="StreamResultFuture.java:187")
        e("st_sess", "[Stream #<@sid>] Session with <@ep> is complete", lvl="INFO", src="StreamResultFuture.java:201")
        # -- drain and restart --------------------------------------------------------------
        e("drain", "DRAINING: starting drain process", lvl="INFO", src="StorageService.java:1630")
        e("stopcql", "Stop listening for CQL clients", lvl="INFO", src="Server.java:178")
        e("drained", "DRAINED", lvl="INFO", src="StorageService.java:1699")
        e("loadset", "Loading settings from <@url>", lvl="INFO", thr="main", src="YamlConfigurationLoader.java:104")
        e("nodecfg", "Node configuration:[<@cfg>]", lvl="INFO", thr="main", src="Config.java:1149")
        e("diskmode", "DiskAccessMode 'auto' determined to be <@disk>, indexAccessMode is <@idx>", lvl="INFO",
          thr="main", src="DatabaseDescriptor.java:398")
        e("onheap", "Global memtable on-heap threshold is enabled at <@mb>MB", lvl="INFO", thr="main",
          src="DatabaseDescriptor.java:456")
        e("offheap", "Global memtable off-heap threshold is enabled at <@mb>MB", lvl="INFO", thr="main",
          src="DatabaseDescriptor.java:460")
        e("smallcl", "Small commitlog volume detected at '<@path>'; setting commitlog_total_space_in_mb to <@mb>.  "
          "You can override this in cassandra.yaml", lvl="WARN", thr="main", src="DatabaseDescriptor.java:591")
        e("hostname", "Hostname: <@host>", lvl="INFO", thr="main", src="CassandraDaemon.java:625")
        e("jvmargs", "JVM Arguments: <@args>", lvl="INFO", thr="main", src="CassandraDaemon.java:637")
        e("jmx", "JMX is not enabled to receive remote connections. Please see cassandra-env.sh for more info.",
          lvl="WARN", thr="main", src="StartupChecks.java:146")
        e("init", "Initializing <@ks>.<@cf>", lvl="INFO", thr="main", src="ColumnFamilyStore.java:385")
        e("cacheload", "Completed loading (<@ms> ms; <@n> keys) <@cache> cache", lvl="INFO", thr="main",
          src="AutoSavingCache.java:175")
        e("replaydone", "Log replay complete, <@n> replayed mutations", lvl="INFO", thr="main",
          src="CommitLog.java:184")
        e("version", "Cassandra version: <@ver>", lvl="INFO", thr="main", src="StorageService.java:634")
        e("native", "Native protocol supported versions: <@vers> (default: <@def>)", lvl="INFO", thr="main",
          src="StorageService.java:637")
        e("msgsvc", "Starting Messaging Service on <@ep> (<@iface>)", lvl="INFO", thr="main",
          src="InboundConnectionInitiator.java:127")
        e("settle", "Waiting for gossip to settle...", lvl="INFO", thr="main", src="Gossiper.java:2190")
        e("nobacklog", "No gossip backlog; proceeding", lvl="INFO", thr="main", src="Gossiper.java:2234")
        e("cqlstart", "Starting listening for CQL clients on <@ep> (<@enc>)...", lvl="INFO", thr="main",
          src="PipelineConfigurator.java:125")
        e("startup", "Startup complete", lvl="INFO", thr="main", src="CassandraDaemon.java:780")

    # -- values ----------------------------------------------------------------------------
    def ep(self, ip, port=7000):
        return "/%s:%d" % (ip, port)

    def tid(self, ks, cf):
        key = (ks, cf)
        if key not in self.tids:
            self.tids[key] = hexs(self.r, 32)
        return self.tids[key]

    def sstable(self, ks, cf):
        self.sst_gen += 1
        return "/var/lib/cassandra/data/%s/%s-%s/nb-%d-big" % (ks, cf, self.tid(ks, cf), self.sst_gen)

    def cthr(self):
        return "CompactionExecutor:%d" % self.r.randint(1, 4)

    # -- episodes --------------------------------------------------------------------------
    def flush_item(self, ks, cf, thr=None):
        r = self.r
        if thr is None:
            thr = weighted(r, [("SlabPoolCleaner", 6), ("OptionalTasks:1", 2), ("MigrationStage:1", 0.3),
                               (self.cthr(), 1)])
        on = int(r.lognormvariate(14.5, 1.6)) if ks.startswith("system") else int(r.lognormvariate(19.6, 0.6))
        on = min(on, 700 << 20)
        space = 2008 << 20
        if r.random() < 0.7:
            off, offp = "0.000KiB", "0"
        else:
            o = int(on * r.uniform(0.3, 0.9))
            off, offp = pretty_mem(o), str(int(100.0 * o / space))
        return ("flush", {"_thr": thr, "cf": cf, "on": pretty_mem(on), "onp": str(int(100.0 * on / space)),
                          "off": off, "offp": offp})

    def e_flush(self):
        r = self.r
        ks, cf = self.user_tables() if r.random() < 0.75 else self.sys_tables()
        item = self.flush_item(ks, cf)
        if r.random() < 0.5:
            thr = "PerDiskMemtableFlushWriter_0:%d" % r.randint(1, 4)
            on = float(item[1]["on"][:-3]) * {"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}[item[1]["on"][-3:]]
            ops = max(1, int(on / r.uniform(150, 900)))
            mem = "Memtable-%s@%d(%s serialized bytes, %d ops, %s%%/%s%% of on/off-heap limit)" % (
                cf, r.randint(10 ** 8, 2 * 10 ** 9), pretty_mem(on * r.uniform(0.3, 0.6)), ops, item[1]["onp"],
                item[1]["offp"])
            self.later(r.randint(0, 3), [
                ("writing", {"_thr": thr, "memtable": mem, "lo": "min(-9223372036854775808)",
                             "hi": "max(9223372036854775807)"}),
                ("flushed", {"_thr": thr, "file": self.sstable(ks, cf) + "-Data.db",
                             "size": pretty_mem(on * r.uniform(0.1, 0.35)),
                             "pos": "CommitLogPosition(segmentId=%d, position=%d)" % (
                                 1709251200000 + r.randint(0, 10 ** 7), r.randint(0, 33554432)),
                             "_gap": r.uniform(0.2, 9)})])
        return [item]

    def compaction_item(self, ks, cf):
        r = self.r
        lcs = ks == "telemetry" and cf in ("sensor_readings", "readings_hourly")
        n = weighted(r, [(2, 3), (4, 6), (3, 2), (5, 1), (6, 0.5), (32, 0.15)])
        nout = weighted(r, [(1, 8), (2, 2), (3, 1)]) if lcs else 1
        outs = "".join(self.sstable(ks, cf) + "," for _ in range(nout))
        insz = int(r.lognormvariate(17.0, 1.8)) + 4096
        outsz = int(insz * r.uniform(0.5, 1.0))
        ms = max(11, int(insz / r.uniform(1.5e6, 3.5e7) * 1000))
        parts = max(1, int(insz / r.uniform(200, 4000)))
        merged = max(1, int(parts * r.uniform(0.6, 1.0)))
        rows = int(parts * 1000.0 / ms * r.uniform(1, 6))
        counts, left, k = "", merged, 1
        while left > 0 and k <= n:
            c = left if k == n else int(left * r.uniform(0.5, 0.97))
            if c > 0:
                counts += "%d:%d, " % (k, c)
            left -= c
            k += 1
        return ("compacted", {"_thr": self.cthr(), "id": timeuuid(r), "n": str(n), "outs": outs,
                              "lvl": str(r.choice([1, 1, 2]) if lcs else 0), "insz": pretty_mem(insz),
                              "outsz": pretty_mem(outsz), "pct": str(int(round(100.0 * outsz / insz))),
                              "ms": commas(ms), "rt": pretty_mem(insz * 1000.0 / ms) + "/s",
                              "wt": pretty_mem(outsz * 1000.0 / ms) + "/s", "rows": commas(rows),
                              "parts": commas(parts), "merged": commas(merged), "counts": counts,
                              "wk": str(int(ms * r.uniform(0.2, 0.7)))})

    def e_compaction(self):
        ks, cf = self.user_tables() if self.r.random() < 0.7 else self.sys_tables()
        return [self.compaction_item(ks, cf)]

    def e_gc(self):
        r = self.r
        if r.random() < 0.04:
            name, ms = "G1 Old Generation", r.randint(1100, 5200)
        else:
            name, ms = "G1 Young Generation", max(201, int(r.lognormvariate(5.7, 0.45)))
        eden = r.randint(600, 1900) << 20
        old = r.randint(1500, 5200) << 20
        surv = r.randint(16, 200) << 20
        pools = ["G1 Eden Space: %d -> 0" % eden]
        if r.random() < 0.6 or name.startswith("G1 Old"):
            pools.append("G1 Old Gen: %d -> %d" % (old, old + r.randint(-400, 300) * (1 << 16)))
        pools.append("G1 Survivor Space: %d -> %d" % (surv, surv + r.randint(-8, 8) * (1 << 20)))
        warn = ms >= 1000
        return [("gc", {"gcname": name, "ms": str(ms), "pools": "; ".join(pools) + ";",
                        "_lvl": "WARN" if warn else "INFO",
                        "_src": "GCInspector.java:292" if warn else "GCInspector.java:294"})]

    def e_tomb(self):
        r = self.r
        q = weighted(r, [
            ("SELECT * FROM telemetry.events_by_day WHERE day = '2024-02-%02d' LIMIT 5000" % r.randint(20, 29), 4),
            ("SELECT * FROM shop.carts WHERE customer_id = %d LIMIT 5000" % r.randint(10000, 999999), 3),
            ("SELECT device_id, ts, value FROM telemetry.sensor_readings WHERE device_id = %s AND ts > "
             "'2024-02-29 %02d:00:00.000Z' LIMIT 100" % (uuid4(r), r.randint(0, 23)), 2),
            ("SELECT * FROM auth.sessions WHERE user_id = %s LIMIT 5000" % uuid4(r), 1),
            ("SELECT * FROM telemetry.device_state WHERE token(device_id) > %d AND token(device_id) <= %d LIMIT "
             "5000" % (r.randint(-9 * 10 ** 18, 0), r.randint(1, 9 * 10 ** 18)), 1)])
        return [("tomb", {"_thr": "ReadStage-%d" % r.randint(1, 16), "live": str(r.randint(0, 400)),
                          "tomb": str(r.randint(1001, 90000)), "query": q})]

    def e_batch(self):
        r = self.r
        tabs = r.choice([["shop.orders", "shop.order_items"], ["shop.orders", "shop.order_items", "shop.inventory"],
                         ["telemetry.sensor_readings"], ["shop.carts"]])
        size = r.randint(5200, 48000)
        return [("batch", {"_thr": "Native-Transport-Requests-%d" % r.randint(1, 32),
                           "tables": "[" + ", ".join(tabs) + "]", "size": pretty_mem(size),
                           "limit": "5.000KiB", "over": pretty_mem(size - 5120)})]

    def e_unlogged(self):
        r = self.r
        tabs = r.choice([["telemetry.sensor_readings"], ["telemetry.readings_hourly"],
                         ["telemetry.sensor_readings", "telemetry.device_state"]])
        return [("unlogged", {"_thr": "Native-Transport-Requests-%d" % r.randint(1, 32),
                              "n": str(r.randint(11, 400)), "s": "s" if len(tabs) > 1 else "",
                              "tables": "[" + ", ".join(tabs) + "]"})]

    def e_largepart(self):
        r = self.r
        ks, cf = weighted(r, [(("telemetry", "events_by_day"), 3), (("telemetry", "sensor_readings"), 2),
                              (("shop", "orders_by_customer"), 1)])
        key = "2024-02-%02d" % r.randint(20, 29) if cf == "events_by_day" else (
            uuid4(r) if cf == "sensor_readings" else str(r.randint(10000, 999999)))
        return [("largepart", {"_thr": self.cthr(), "ks": ks, "cf": cf, "key": key,
                               "size": pretty_mem(r.randint(100 << 20, 900 << 20)),
                               "path": self.sstable(ks, cf) + "-Data.db"})]

    def e_slow(self):
        return [("slow", {})] if self.r.random() < 0.9 else [("timedout", {})]

    def e_misc(self):
        r = self.r
        k = weighted(r, [("maxmem", 3), ("clsync", 3)])
        if k == "maxmem":
            return [("maxmem", {"_thr": "ReadStage-%d" % r.randint(1, 16), "max": "512.000MiB", "chunk": "1.000MiB"})]
        n = r.randint(8, 30)
        return [("clsync", {"n": str(n), "secs": "%.2f" % r.uniform(299.9, 301.5),
                            "avg": "%.2f" % r.uniform(4, 60), "k": str(r.randint(1, n)),
                            "over": "%.2f" % r.uniform(1, 80)})]

    def e_summaries(self):
        return [("summaries", {})]

    def e_saved(self):
        r = self.r
        thr = self.cthr()
        return [("saved", {"_thr": thr, "cache": "KeyCache", "n": str(r.randint(20000, 400000)),
                           "ms": str(r.randint(40, 900))}),
                ("saved", {"_thr": thr, "cache": "CounterCache", "n": "0", "ms": "0"})]

    def conn_id(self, ip, kind, ok=True):
        return "%s->%s-%s-%s" % (self.ep(self.SELF), self.ep(ip), kind, hexs(self.r, 8) if ok else "[no-channel]")

    def e_peer_restart(self):
        r = self.r
        ip = r.choice(self.PEERS)
        ep = self.ep(ip)
        items = []
        if r.random() < 0.5:
            items.append(("statejump", {"ep": ep, "state": "shutdown"}))
        items.append(("down", {"ep": ep}))
        for _ in range(r.randint(1, 3)):
            items.append(("connfail", {"_thr": "Messaging-EventLoop-3-%d" % r.randint(1, 4),
                                       "conn": self.conn_id(ip, r.choice(["URGENT_MESSAGES", "SMALL_MESSAGES"]),
                                                            False)}))
        back = [("restarted", {"ep": ep}), ("up", {"ep": ep}), ("statejump", {"ep": ep, "state": "NORMAL"})]
        for kind in r.sample(["URGENT_MESSAGES", "SMALL_MESSAGES", "LARGE_MESSAGES"], r.randint(1, 3)):
            back.append(("connected", {"_thr": "Messaging-EventLoop-3-%d" % r.randint(1, 4),
                                       "conn": self.conn_id(ip, kind), "ver": "12", "framing": "CRC",
                                       "enc": "unencrypted"}))
        for _ in range(r.randint(1, 2)):
            key = "hint_partial" if r.random() < 0.15 else "hint_done"
            back.append((key, {"_thr": "HintsDispatcher:%d" % r.randint(1, 4),
                               "file": "%s-%d-2.hints" % (self.hostids[ip], 1709251200000 + r.randint(0, 9 ** 8)),
                               "ep": ep, "hostid": self.hostids[ip]}))
        self.later(r.randint(12, 60), back)
        return items

    def e_fatclient(self):
        return [("fatclient", {"ep": self.ep("10.20.9.%d" % self.r.randint(20, 60)), "ms": "30000"})]

    def e_pause(self):
        return [("pause", {"ns": str(self.r.randint(5100000000, 14000000000)), "limit": "5000000000"})]

    def e_repair(self):
        r = self.r
        self.repair_no += 1
        ks = "shop" if self.repair_no % 2 else "telemetry"
        cfs = self.TABLES[ks][:r.randint(2, 3)]
        rthr = "Repair-Task:%d" % r.randint(1, 3)
        opts = ("(parallelism: parallel, primary range: true, incremental: false, job threads: 1, ColumnFamilies: [], "
                "dataCenters: [], hosts: [], previewKind: NONE, # of ranges: 16, pull repair: false, force repair: "
                "false, optimise streams: false, ignore unreplicated keyspaces: false)")
        items = [("rep_start", {"_thr": rthr, "n": str(self.repair_no), "uuid": timeuuid(r), "ks": ks,
                                "opts": opts})]
        for _ in range(2):
            rid = timeuuid(r)
            peers = r.sample(self.PEERS, 2)
            eps = [self.ep(self.SELF)] + [self.ep(p) for p in peers]
            a = r.randint(-9 * 10 ** 18, 8 * 10 ** 18)
            rng = "[(%d,%d]]" % (a, a + r.randint(10 ** 16, 10 ** 18))
            sthr = "Repair#%d:1" % self.repair_no
            items.append(("rep_new", {"_thr": sthr, "rid": rid, "eps": ", ".join(eps), "ranges": rng, "ks": ks,
                                      "cfs": "[" + ", ".join(cfs) + "]"}))
            for cf in cfs:
                for x in eps:
                    items.append(("merkle", {"rid": rid, "cf": cf, "ep": x}))
                jthr = "RepairJobTask:%d" % r.randint(1, 4)
                for i in range(3):
                    pa, pb = [(0, 1), (0, 2), (1, 2)][i]
                    if r.random() < 0.12:
                        n = r.randint(1, 6)
                        items.append(("outofsync", {"_thr": jthr, "rid": rid, "a": eps[pa], "b": eps[pb],
                                                    "n": str(n), "cf": cf}))
                        items.append(("streaming", {"_thr": jthr, "rid": rid, "n": str(n), "ep": eps[pb]}))
                        sid = timeuuid(r)
                        sz = r.randint(2000, 9 << 20)
                        items.append(("st_prep", {"_thr": "Stream-Deserializer-%s-%s" % (eps[pb], hexs(r, 8)),
                                                  "sid": sid, "k": "0", "rf": str(r.randint(1, 4)),
                                                  "rs": pretty_mem(sz), "sf": str(r.randint(1, 4)),
                                                  "ss": pretty_mem(sz * r.uniform(0.5, 1.5))}))
                        items.append(("st_sess", {"_thr": "Messaging-EventLoop-3-%d" % r.randint(1, 4), "sid": sid,
                                                  "ep": eps[pb]}))
                    else:
                        items.append(("consistent", {"_thr": jthr, "rid": rid, "a": eps[pa], "b": eps[pb],
                                                     "cf": cf}))
                items.append(("synced", {"_thr": jthr, "rid": rid, "cf": cf}))
            items.append(("sess_done", {"_thr": "RepairJobTask:%d" % r.randint(1, 4), "rid": rid}))
            items.append(("range_done", {"_thr": rthr, "rid": rid, "ranges": rng}))
        secs = r.randint(50, 400)
        dur = "%d minute%s %d seconds" % (secs // 60, "s" if secs >= 120 else "", secs % 60) if secs >= 60 else \
            "%d seconds" % secs
        items.append(("rep_done", {"_thr": rthr, "n": str(self.repair_no), "dur": dur}))
        return items

    def e_restart(self):
        r = self.r
        rmi = "RMI TCP Connection(%d)-127.0.0.1" % r.randint(200, 2000)
        items = [("drain", {"_thr": rmi}), ("stopcql", {"_thr": rmi})]
        for _ in range(3):
            ks, cf = self.user_tables()
            items.append(self.flush_item(ks, cf, thr=rmi))
        items.append(("statejump", {"_thr": rmi, "ep": self.ep(self.SELF), "state": "shutdown"}))
        items.append(("drained", {"_thr": rmi}))
        cfg = ("allocate_tokens_for_keyspace=null; allocate_tokens_for_local_replication_factor=3; "
               "authenticator=PasswordAuthenticator; authorizer=CassandraAuthorizer; auto_bootstrap=true; "
               "auto_snapshot=true; batch_size_fail_threshold_in_kb=50; batch_size_warn_threshold_in_kb=5; "
               "cluster_name=prod-east; commitlog_directory=/var/lib/cassandra/commitlog; "
               "commitlog_sync=periodic; commitlog_sync_period_in_ms=10000; concurrent_compactors=null; "
               "concurrent_reads=32; concurrent_writes=32; data_file_directories=[Ljava.lang.String;@%s; "
               "endpoint_snitch=GossipingPropertyFileSnitch; hints_directory=/var/lib/cassandra/hints; "
               "listen_address=%s; memtable_allocation_type=heap_buffers; num_tokens=16; "
               "rpc_address=%s; seed_provider=org.apache.cassandra.locator.SimpleSeedProvider{seeds=10.20.1.11:7000,"
               "10.20.1.13:7000}; tombstone_warn_threshold=1000; write_request_timeout_in_ms=2000"
               % (hexs(r, 8), self.SELF, self.SELF))
        args = ("[-ea, -da:net.openhft..., -XX:+UseThreadPriorities, -XX:+HeapDumpOnOutOfMemoryError, -Xss256k, "
                "-XX:+AlwaysPreTouch, -XX:-UseBiasedLocking, -XX:+UseTLAB, -XX:+ResizeTLAB, -XX:+UseNUMA, "
                "-XX:+PerfDisableSharedMem, -Djava.net.preferIPv4Stack=true, -XX:+UseG1GC, "
                "-XX:MaxGCPauseMillis=300, -Xms8G, -Xmx8G, -Dcassandra.config.loader=org.apache.cassandra.config."
                "YamlConfigurationLoader, -Dcassandra-foreground=yes, -Dcassandra.logdir=/var/log/cassandra, "
                "-Dcassandra.storagedir=/var/lib/cassandra]")
        boot = [("loadset", {"_gap": r.uniform(40, 90), "url": "file:/etc/cassandra/cassandra.yaml"}),
                ("nodecfg", {"cfg": cfg}),
                ("diskmode", {"disk": "mmap", "idx": "mmap"}),
                ("onheap", {"mb": "2008"}), ("offheap", {"mb": "2008"}),
                ("smallcl", {"path": "/var/lib/cassandra/commitlog", "mb": "2487"}),
                ("hostname", {"host": "cass-prod-01.dc1.internal:7000:7001"}),
                ("jvmargs", {"args": args}),
                ("jmx", {})]
        inits = [("system", "IndexInfo"), ("system", "batches"), ("system", "paxos"), ("system", "local"),
                 ("system", "peers_v2"), ("system", "compaction_history"), ("system_schema", "keyspaces"),
                 ("system_schema", "tables"), ("system_schema", "columns"), ("system_auth", "roles"),
                 ("shop", "orders"), ("shop", "order_items"), ("telemetry", "sensor_readings"),
                 ("telemetry", "events_by_day"), ("auth", "sessions")]
        for ks, cf in inits:
            boot.append(("init", {"ks": ks, "cf": cf}))
        boot += [("cacheload", {"ms": str(r.randint(80, 600)), "n": str(r.randint(20000, 300000)),
                                "cache": "KeyCache"}),
                 ("replaydone", {"n": str(r.randint(200, 40000))}),
                 ("version", {"ver": "4.0.12"}),
                 ("native", {"vers": "3/v3, 4/v4, 5/v5, 6/v6-beta", "def": "5/v5"}),
                 ("msgsvc", {"ep": self.ep(self.SELF), "iface": "eth0"}),
                 ("statejump", {"_thr": "main", "ep": self.ep(self.SELF), "state": "NORMAL"}),
                 ("settle", {}), ("nobacklog", {"_gap": 9.0}),
                 ("cqlstart", {"ep": self.ep(self.SELF, 9042), "enc": "unencrypted"}),
                 ("startup", {})]
        for ip in self.PEERS:
            boot.append(("up", {"ep": self.ep(ip)}))
        return items + boot

    def fixed_episodes(self):
        return [(1, self.e_repair, 0.12), (1, self.e_restart, 0.5), (1, self.e_repair, 0.83),
                (1, self.e_fatclient), (1, self.e_pause), (1, self.e_unlogged), (1, self.e_largepart),
                (1, self.e_peer_restart, 0.3), (1, self.e_saved)]

    def weighted_episodes(self):
        return [(17, self.e_flush), (10, self.e_compaction), (12, self.e_gc), (6, self.e_tomb), (2, self.e_batch),
                (0.8, self.e_unlogged), (0.8, self.e_largepart), (7, self.e_slow), (2, self.e_misc),
                (2.5, self.e_summaries), (0.5, self.e_saved), (0.8, self.e_peer_restart)]

    def render(self, t, ev, vals, content):
        lvl = vals.get("_lvl", ev.hdr["lvl"])
        thr = vals.get("_thr", ev.hdr.get("thr"))
        src = vals.get("_src", ev.hdr["src"])
        return "%-5s [%s] %s,%03d %s - %s" % (lvl, thr, t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                             src, content)


# ===========================================================================================
# 2. Apache Kafka 3.x broker server.log (ZooKeeper mode), broker 1 of 3, also the controller
# ===========================================================================================

class Kafka(System):
    name = "Kafka"
    # The logger "(kafka.log.LocalLog)" closes every line, after the message.  A lazy <Content>
    # followed by " \(<Logger>\)" would stop at the first " (" inside the message, so the logger
    # stays in the Content (and is literal text of every template).
    log_format = r"\[<Date> <Time>\] <Level> <Content>"
    start = datetime(2024, 3, 1, 6, 0, 0, 412000)
    mean_gap = 7.0
    inner_gap = (0.001, 0.3)

    BID = 1
    BROKERS = {1: ("kafka-1.prod.internal", "10.30.1.11"), 2: ("kafka-2.prod.internal", "10.30.1.12"),
               3: ("kafka-3.prod.internal", "10.30.1.13")}
    TOPICS = [("orders", 12, 8), ("payments", 6, 6), ("inventory-updates", 6, 3), ("user-events", 24, 5),
              ("clickstream", 24, 9), ("audit-log", 3, 1), ("notifications", 6, 2), ("fraud-scores", 6, 2),
              ("__consumer_offsets", 50, 2)]
    GROUPS = [("order-service", 4, "consumer"), ("payments-consumer", 3, "consumer"),
              ("analytics-etl", 6, "consumer"), ("inventory-sync", 2, "consumer"),
              ("notification-svc", 2, "consumer"), ("fraud-detector", 3, "consumer"),
              ("connect-s3-sink", 4, "connector-consumer")]
    LC = "(kafka.coordinator.group.GroupCoordinator)"

    def define(self):
        r = self.r
        e = self.ev
        self.dir = "/var/lib/kafka/data"
        self.offsets = {}
        self.gens = {}
        self.members = {}
        for g, n, _ in self.GROUPS:
            self.gens[g] = r.randint(3, 120)
            self.members[g] = [self.member_id(g, i + 1) for i in range(n)]
        self.corr = r.randint(2, 40)
        self.cepoch = r.randint(5, 30)

        def tp():
            name, n, w = r.choices(self.TOPICS[:-1], [t[2] for t in self.TOPICS[:-1]])[0]
            return "%s-%d" % (name, r.randrange(n))
        self.tps = self.pool(tp, 60, 0.9)
        self.clients = self.pool(lambda: "10.30.%d.%d" % (r.randint(4, 9), r.randint(2, 250)), 40, 0.9)
        G = "[GroupCoordinator <@bid>]: "
        e("roll", "[LocalLog partition=<@tp>, dir=<@dir>] Rolled new log segment at offset <@off> in <@ms> ms. "
          "(kafka.log.LocalLog)", lvl="INFO")
        e("snap", "[ProducerStateManager partition=<@tp>] Wrote producer snapshot at offset <@off> with <@n> "
          "producer ids in <@ms> ms. (kafka.log.ProducerStateManager)", lvl="INFO")
        e("ret_time", "[UnifiedLog partition=<@tp>, dir=<@dir>] Deleting segment <@seg> due to retention time "
          "<@ret>ms breach based on the largest record timestamp in the segment (kafka.log.UnifiedLog)", lvl="INFO")
        e("ret_size", "[UnifiedLog partition=<@tp>, dir=<@dir>] Deleting segment <@seg> due to retention size "
          "<@ret> breach. Log size after deletion will be <@after>. (kafka.log.UnifiedLog)", lvl="INFO")
        e("incr", "[UnifiedLog partition=<@tp>, dir=<@dir>] Incremented log start offset to <@off> due to "
          "<@reason> (kafka.log.UnifiedLog)", lvl="INFO")
        e("delfiles", "[LocalLog partition=<@tp>, dir=<@dir>] Deleting segment files <@segs> (kafka.log.LocalLog$)",
          lvl="INFO")
        e("expired", "[GroupMetadataManager brokerId=<@bid>] Removed <@n> expired offsets in <@ms> milliseconds. "
          "(kafka.coordinator.group.GroupMetadataManager)", lvl="INFO")
        e("prep", G + "Preparing to rebalance group <@group> in state <@state> with old generation <@gen> "
          "(__consumer_offsets-<@p>) (reason: <@reason>) " + self.LC, lvl="INFO")
        e("stab", G + "Stabilized group <@group> generation <@gen> (__consumer_offsets-<@p>) with <@n> members "
          + self.LC, lvl="INFO")
        e("assign", G + "Assignment received from leader <@member> for group <@group> for generation <@gen>. "
          "The group has <@n> members, <@s> of which are static. " + self.LC, lvl="INFO")
        e("dyn", G + "Dynamic member with unknown member id joins group <@group> in <@state> state. Created a new "
          "member id <@member> and request the member to rejoin with this id. " + self.LC, lvl="INFO")
        e("failed", G + "Member <@member> in group <@group> has failed, removing it from the group " + self.LC,
          lvl="INFO")
        e("left", G + "Member <@meta> has left group <@group> through explicit `LeaveGroup`; client reason: "
          "<@reason> " + self.LC, lvl="INFO")
        e("empty", G + "Group <@group> with generation <@gen> is now empty (__consumer_offsets-<@p>) " + self.LC,
          lvl="INFO")
        e("auto_elect", "[Controller id=<@bid>] Processing automatic preferred replica leader election "
          "(kafka.controller.KafkaController)", lvl="INFO")
        e("elect", "[Controller id=<@bid>] Starting replica leader election (<@etype>) for partitions <@parts> "
          "triggered by <@trig> (kafka.controller.KafkaController)", lvl="INFO")
        e("shrink", "[Partition <@tp> broker=<@bid>] Shrinking ISR from <@from> to <@to>. Leader: (highWatermark: "
          "<@hw>, endOffset: <@leo>). Out of sync replicas: <@oos>. (kafka.cluster.Partition)", lvl="INFO")
        e("expand", "[Partition <@tp> broker=<@bid>] Expanding ISR from <@from> to <@to> (kafka.cluster.Partition)",
          lvl="INFO")
        e("connfail", "[Controller id=<@bid>, targetBrokerId=<@tid>] Connection to node <@tid> (<@addr>) could not "
          "be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)", lvl="WARN")
        e("disc", "[Controller id=<@bid>, targetBrokerId=<@tid>] Node <@tid> disconnected. "
          "(org.apache.kafka.clients.NetworkClient)", lvl="INFO")
        RF = "[ReplicaFetcher replicaId=<@bid>, leaderId=<@lid>, fetcherId=<@fid>] "
        e("rf_start", RF + "Starting (kafka.server.ReplicaFetcherThread)", lvl="INFO")
        e("rf_stopped", RF + "Stopped (kafka.server.ReplicaFetcherThread)", lvl="INFO")
        e("rf_shut", RF + "Shutting down (kafka.server.ReplicaFetcherThread)", lvl="INFO")
        e("rf_shutdone", RF + "Shutdown completed (kafka.server.ReplicaFetcherThread)", lvl="INFO")
        e("rf_trunc", RF + "Truncating partition <@tp> with <@state> due to leader epoch and offset <@eo> "
          "(kafka.server.ReplicaFetcherThread)", lvl="INFO")
        e("rfm_removed", "[ReplicaFetcherManager on broker <@bid>] Removed fetcher for partitions <@set> "
          "(kafka.server.ReplicaFetcherManager)", lvl="INFO")
        e("rfm_added", "[ReplicaFetcherManager on broker <@bid>] Added fetcher to broker <@lid> for partitions "
          "<@map> (kafka.server.ReplicaFetcherManager)", lvl="INFO")
        e("denied", "Principal = <@principal> is <@result> Operation = <@op> from host = <@host> on resource = "
          "<@resource> for request = <@api> with resourceRefCount = <@n> (kafka.authorizer.logger)", lvl="INFO")
        e("authfail", "[SocketServer listenerType=<@lt>, nodeId=<@bid>] Failed authentication with <@host> "
          "(channelId=<@chan>) (<@reason>) (org.apache.kafka.common.network.Selector)", lvl="INFO")
        e("txn", "[TransactionCoordinator id=<@bid>] Initialized transactionalId <@txid> with producerId <@pid> and "
          "producer epoch <@ep> on partition __transaction_state-<@p> "
          "(kafka.coordinator.transaction.TransactionCoordinator)", lvl="INFO")
        e("autocreate", "[KafkaApi-<@bid>] Auto creation of topic <@topic> with <@n> partitions and replication "
          "factor <@rf> is successful (kafka.server.KafkaApis)", lvl="INFO")
        e("creating", "Creating topic <@topic> with configuration <@cfg> and initial partition assignment <@assign> "
          "(kafka.zk.AdminZkClient)", lvl="INFO")
        e("dellog", "Deleted log for partition <@tp> in <@path>. (kafka.log.LogManager)", lvl="INFO")
        e("leader", "[Broker id=<@bid>] Leader <@tp> with topic id <@topicid> starts at leader epoch <@le> from "
          "offset <@off> with partition epoch <@pe>, high watermark <@hw>, ISR <@isr>, adding replicas <@add> and "
          "removing replicas <@rem>. Previous leader epoch was <@ple>. (state.change.logger)", lvl="INFO")
        e("follower", "[Broker id=<@bid>] Follower <@tp> starts at leader epoch <@le> from offset <@off> with "
          "partition epoch <@pe> and high watermark <@hw>. Current leader is <@lid>. Previous leader epoch was "
          "<@ple>. (state.change.logger)", lvl="INFO")
        e("sf_leader", "[Broker id=<@bid>] Stopped fetchers as part of LeaderAndIsr request correlationId <@corr> "
          "from controller <@cid> epoch <@ce> as part of the become-leader transition for <@n> partitions "
          "(state.change.logger)", lvl="INFO")
        e("sf_follower", "[Broker id=<@bid>] Stopped fetchers as part of LeaderAndIsr request correlationId <@corr> "
          "from controller <@cid> epoch <@ce> as part of the become-follower transition for <@n> partitions "
          "(state.change.logger)", lvl="INFO")
        e("gm_sched", "[GroupMetadataManager brokerId=<@bid>] Scheduling loading of offsets and group metadata from "
          "__consumer_offsets-<@p> for epoch <@ep> (kafka.coordinator.group.GroupMetadataManager)", lvl="INFO")
        e("gm_done", "[GroupMetadataManager brokerId=<@bid>] Finished loading offsets and group metadata from "
          "__consumer_offsets-<@p> in <@ms> milliseconds for epoch <@ep>, of which <@sms> milliseconds was spent "
          "in the scheduler. (kafka.coordinator.group.GroupMetadataManager)", lvl="INFO")
        e("srv_shutting", "[KafkaServer id=<@bid>] shutting down (kafka.server.KafkaServer)", lvl="INFO")
        e("srv_shutdone", "[KafkaServer id=<@bid>] shut down completed (kafka.server.KafkaServer)", lvl="INFO")
        e("srv_started", "[KafkaServer id=<@bid>] started (kafka.server.KafkaServer)", lvl="INFO")
        e("loading", "Loading logs from log dirs <@dirs> (kafka.log.LogManager)", lvl="INFO")
        e("loaded", "Loaded <@n> logs in <@ms>ms. (kafka.log.LogManager)", lvl="INFO")
        e("awaiting", "Awaiting socket connections on <@addr>. (kafka.network.DataPlaneAcceptor)", lvl="INFO")
        e("version", "Kafka version: <@ver> (org.apache.kafka.common.utils.AppInfoParser)", lvl="INFO")
        e("commit", "Kafka commitId: <@cid> (org.apache.kafka.common.utils.AppInfoParser)", lvl="INFO")
        e("starttime", "Kafka startTimeMs: <@ms> (org.apache.kafka.common.utils.AppInfoParser)", lvl="INFO")

    # -- values ------------------------------------------------------------------------------
    def v_bid(self):
        return str(self.BID)

    def v_dir(self):
        return self.dir

    def member_id(self, group, i):
        prefix = dict((g, p) for g, _, p in self.GROUPS)[group]
        client = "%s-%s-%d" % (prefix, group, i) if prefix == "consumer" else "connector-consumer-%s-%d" % (
            group.replace("connect-", ""), i - 1)
        return client + "-" + uuid4(self.r)

    def off(self, tp):
        if tp not in self.offsets:
            self.offsets[tp] = self.r.randint(10 ** 5, 9 * 10 ** 7)
        self.offsets[tp] += self.r.randint(2000, 400000)
        return self.offsets[tp]

    def offp(self, group):
        return str(sum(ord(c) * (i + 7) for i, c in enumerate(group)) % 50)

    def segment(self, t_ms, base):
        r = self.r
        return "LogSegment(baseOffset=%d, size=%d, lastModifiedTime=%d, largestRecordTimestamp=Some(%d))" % (
            base, r.randint(900000, 1073741000), t_ms, t_ms - r.randint(1, 5000))

    # -- episodes ----------------------------------------------------------------------------
    def e_roll(self):
        r = self.r
        tp = self.tps()
        off = str(self.off(tp))
        items = [("roll", {"tp": tp, "off": off, "ms": str(r.choice([0, 1, 1, 2, 3, 5, 11]))})]
        items.append(("snap", {"tp": tp, "off": off, "n": str(weighted(r, [(0, 6), (r.randint(1, 40), 2)])),
                               "ms": str(r.choice([0, 1, 1, 2, 4]))}))
        return items

    def e_retention(self):
        r = self.r
        tp = self.tps()
        topic = tp.rsplit("-", 1)[0]
        base = self.offsets.get(tp, r.randint(10 ** 5, 10 ** 7)) - r.randint(10 ** 6, 10 ** 7)
        base = max(0, base)
        t_ms = 1708700000000 + r.randint(0, 10 ** 8)
        seg = self.segment(t_ms, base)
        nxt = base + r.randint(100000, 2000000)
        if topic == "audit-log":
            items = [("ret_size", {"tp": tp, "seg": seg, "ret": "10737418240",
                                   "after": str(10737418240 - r.randint(10 ** 6, 10 ** 9))})]
        else:
            items = [("ret_time", {"tp": tp, "seg": seg,
                                   "ret": "86400000" if topic == "clickstream" else "604800000"})]
        items.append(("incr", {"tp": tp, "off": str(nxt), "reason": "segment deletion"}))
        self.later(r.randint(4, 25), [("delfiles", {"tp": tp, "segs": seg})])
        return items

    def e_expired(self):
        r = self.r
        return [("expired", {"n": str(weighted(r, [(0, 8), (r.randint(1, 60), 2)])),
                             "ms": str(r.choice([0, 1, 1, 1, 2, 3, 8]))})]

    def group(self):
        return self.r.choices(self.GROUPS, [6, 5, 3, 2, 2, 2, 1])[0][0]

    def finish_rebalance(self, g):
        r = self.r
        self.gens[g] += 1
        ms = self.members[g]
        p = self.offp(g)
        if not ms:
            return [("empty", {"group": g, "gen": str(self.gens[g]), "p": p})]
        return [("stab", {"group": g, "gen": str(self.gens[g]), "p": p, "n": str(len(ms))}),
                ("assign", {"member": ms[0], "group": g, "gen": str(self.gens[g]), "n": str(len(ms)), "s": "0"})]

    def e_join(self):
        r = self.r
        g = self.group()
        m = self.member_id(g, len(self.members[g]) + 1)
        state = "Stable" if self.members[g] else "Empty"
        items = [("dyn", {"group": g, "state": state, "member": m})]
        self.members[g].append(m)
        reason = "Adding new member %s with group instance id None; client reason: rebalance failed due to " \
                 "MemberIdRequiredException" % m
        items.append(("prep", {"group": g, "state": "PreparingRebalance", "gen": str(self.gens[g]),
                               "p": self.offp(g), "reason": reason}))
        return items + self.finish_rebalance(g)

    def e_fail(self):
        r = self.r
        g = self.group()
        if len(self.members[g]) < 2:
            return self.e_join()
        m = self.members[g].pop(r.randrange(len(self.members[g])))
        items = [("failed", {"member": m, "group": g}),
                 ("prep", {"group": g, "state": "PreparingRebalance", "gen": str(self.gens[g]), "p": self.offp(g),
                           "reason": "removing member %s on heartbeat expiration" % m})]
        return items + self.finish_rebalance(g)

    def e_leave(self):
        r = self.r
        g = self.group()
        if not self.members[g]:
            return self.e_join()
        m = self.members[g].pop(r.randrange(len(self.members[g])))
        client = m[:-37]
        meta = ("MemberMetadata(memberId=%s, groupInstanceId=None, clientId=%s, clientHost=/%s, "
                "sessionTimeoutMs=45000, rebalanceTimeoutMs=300000, supportedProtocols=List(range, "
                "cooperative-sticky))" % (m, client, self.clients()))
        creason = "the consumer is being closed" if r.random() < 0.8 else "the consumer unsubscribed from all topics"
        items = [("left", {"meta": meta, "group": g, "reason": creason}),
                 ("prep", {"group": g, "state": "PreparingRebalance", "gen": str(self.gens[g]), "p": self.offp(g),
                           "reason": "removing member %s on LeaveGroup; client reason: %s" % (m, creason)})]
        return items + self.finish_rebalance(g)

    def e_elect(self, parts=""):
        return [("auto_elect", {}), ("elect", {"etype": "PREFERRED", "parts": parts, "trig": "AutoTriggered"})]

    def e_denied(self):
        r = self.r
        principal, res, api, op = weighted(r, [
            (("User:ANONYMOUS", "Topic:LITERAL:orders", "Metadata", "Describe"), 3),
            (("User:CN=reporting-svc,OU=apps,O=acme", "Topic:LITERAL:payments", "Fetch", "Read"), 2),
            (("User:alice", "Group:LITERAL:analytics-etl", "JoinGroup", "Read"), 1),
            (("User:ci-deployer", "Cluster:LITERAL:kafka-cluster", "CreateTopics", "Create"), 1),
            (("User:CN=billing-svc,OU=apps,O=acme", "Topic:LITERAL:audit-log", "Produce", "Write"), 1)])
        return [("denied", {"principal": principal, "result": "Denied", "op": op, "host": self.clients(),
                            "resource": res, "api": api, "n": "1"})]

    def e_authfail(self):
        r = self.r
        ip = self.clients()
        reason = weighted(r, [("SSL handshake failed", 5),
                              ("Unexpected Kafka request of type METADATA during SASL handshake.", 2),
                              ("Authentication failed during authentication due to invalid credentials with SASL "
                               "mechanism SCRAM-SHA-512", 2)])
        lt = "ZK_BROKER"
        port = 9093 if reason.startswith("SSL") else 9094
        return [("authfail", {"lt": lt, "host": "/" + ip, "reason": reason,
                              "chan": "10.30.1.11:%d-%s:%d-%d" % (port, ip, r.randint(32768, 60999),
                                                                   r.randint(1, 90000))})]

    def e_txn(self):
        r = self.r
        txid = r.choice(["payments-processor-0", "payments-processor-1", "payments-processor-2",
                         "order-enricher-tx-3", "inventory-sync-tx-0"])
        return [("txn", {"txid": txid, "pid": str(r.randint(40000, 41000)), "ep": str(r.randint(0, 60)),
                         "p": str(sum(map(ord, txid)) % 50)})]

    def e_isr(self):
        r = self.r
        tp = self.tps()
        lag = r.choice([2, 3])
        rest = [b for b in (1, 2, 3) if b != lag]
        hw = self.off(tp)
        items = [("shrink", {"tp": tp, "from": "1,2,3", "to": ",".join(map(str, rest)), "hw": str(hw),
                             "leo": str(hw + r.randint(0, 500)),
                             "oos": "(brokerId: %d, endOffset: %d, lastCaughtUpTimeMs: %d)"
                                    % (lag, hw - r.randint(1000, 90000), 1709272800000 + r.randint(0, 9 ** 8))})]
        self.later(r.randint(3, 40), [("expand", {"tp": tp, "from": ",".join(map(str, rest)),
                                                  "to": ",".join(map(str, rest)) + ",%d" % lag})])
        return items

    def topic_id(self):
        r = self.r
        return "Some(%s)" % "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                                    for _ in range(22))

    def leader_item(self, tp, ple=None):
        r = self.r
        le = r.randint(3, 60) if ple is None else ple + 1
        off = self.off(tp)
        return ("leader", {"tp": tp, "topicid": self.topic_id(), "le": str(le), "off": str(off),
                           "pe": str(le + r.randint(0, 30)), "hw": str(off - r.randint(0, 300)),
                           "isr": r.choice(["[1,2,3]", "[1,3,2]", "[1,2]", "[1,3]"]), "add": "[]", "rem": "[]",
                           "ple": str(le - 1)})

    def follower_item(self, tp, lid):
        r = self.r
        le = r.randint(3, 60)
        off = self.off(tp)
        return ("follower", {"tp": tp, "le": str(le), "off": str(off), "pe": str(le + r.randint(0, 30)),
                             "hw": str(off - r.randint(0, 300)), "lid": str(lid), "ple": str(le - 1)})

    def fetch_map(self, tps, lid):
        r = self.r
        host = self.BROKERS[lid][0]
        parts = ["%s -> InitialFetchState(%s,BrokerEndPoint(id=%d, host=%s:9092),%d,%d)"
                 % (tp, self.topic_id(), lid, host, r.randint(3, 60), self.off(tp)) for tp in tps]
        return "HashMap(%s)" % ", ".join(parts)

    def e_broker3_outage(self):
        r = self.r
        addr = "%s/%s:9092" % self.BROKERS[3]
        items = [("disc", {"tid": "3"})]
        for _ in range(4):
            items.append(("connfail", {"tid": "3", "addr": addr}))
        tps = sorted(set(self.tps() for _ in range(4)))
        self.corr += 1
        items.append(("sf_leader", {"corr": str(self.corr), "cid": "1", "ce": str(self.cepoch), "n": str(len(tps))}))
        items.append(("rfm_removed", {"set": "Set(%s)" % ", ".join(tps)}))
        for tp in tps:
            items.append(self.leader_item(tp))
        items += [("rf_shut", {"lid": "3", "fid": "0"}), ("rf_stopped", {"lid": "3", "fid": "0"}),
                  ("rf_shutdone", {"lid": "3", "fid": "0"})]
        for tp in tps[:2]:
            hw = self.off(tp)
            items.append(("shrink", {"tp": tp, "from": "1,2,3", "to": "1,2", "hw": str(hw), "leo": str(hw),
                                     "oos": "(brokerId: 3, endOffset: %d, lastCaughtUpTimeMs: %d), (brokerId: 2, "
                                            "endOffset: %d, lastCaughtUpTimeMs: %d)"
                                            % (hw - 40000, 1709280000000 + r.randint(0, 10 ** 6), hw - 12,
                                               1709280000000 + r.randint(0, 10 ** 6))}))
        back = [("connfail", {"tid": "3", "addr": addr})]
        exp = [("expand", {"tp": tp, "from": "1,2", "to": "1,2,3"}) for tp in tps[:2]]
        self.later(r.randint(20, 60), back)
        self.later(r.randint(80, 140), exp + self.e_elect(parts=",".join(tps)) + self.become_follower(tps, 3))
        return items

    def become_follower(self, tps, lid):
        r = self.r
        self.corr += 1
        items = [("sf_follower", {"corr": str(self.corr), "cid": "1", "ce": str(self.cepoch), "n": str(len(tps))}),
                 ("rfm_removed", {"set": "Set(%s)" % ", ".join(tps)})]
        for tp in tps:
            items.append(self.follower_item(tp, lid))
        items.append(("rfm_added", {"lid": str(lid), "map": self.fetch_map(tps, lid)}))
        items.append(("rf_start", {"lid": str(lid), "fid": "0"}))
        for tp in tps:
            off = self.off(tp)
            items.append(("rf_trunc", {"lid": str(lid), "fid": "0", "tp": tp,
                                       "state": "TruncationState(offset=%d, completed=true)" % off,
                                       "eo": "EpochEndOffset(errorCode=0, partition=%s, leaderEpoch=%d, endOffset=%d)"
                                             % (tp.rsplit("-", 1)[1], r.randint(3, 60), off)}))
        return items

    def e_restart(self):
        r = self.r
        items = [("srv_shutting", {})]
        for lid in (2, 3):
            items += [("rf_shut", {"lid": str(lid), "fid": "0"}), ("rf_stopped", {"lid": str(lid), "fid": "0"}),
                      ("rf_shutdone", {"lid": str(lid), "fid": "0"})]
        items.append(("srv_shutdone", {}))
        self.cepoch += 1
        boot = [("loading", {"_gap": r.uniform(20, 60), "dirs": "ArrayBuffer(%s)" % self.dir}),
                ("loaded", {"n": str(r.randint(180, 260)), "ms": str(r.randint(900, 9000))}),
                ("awaiting", {"addr": "0.0.0.0:9092"}), ("awaiting", {"addr": "0.0.0.0:9093"})]
        for p in sorted(r.sample(range(50), 5)):
            ep = str(self.cepoch)
            boot.append(("gm_sched", {"p": str(p), "ep": ep}))
            boot.append(("gm_done", {"p": str(p), "ep": ep, "ms": str(r.randint(5, 900)),
                                     "sms": str(r.randint(0, 3))}))
        tps = sorted(set(self.tps() for _ in range(3)))
        self.corr += 1
        boot.append(("sf_leader", {"corr": str(self.corr), "cid": "2", "ce": str(self.cepoch), "n": str(len(tps))}))
        for tp in tps:
            boot.append(self.leader_item(tp))
        ftps = sorted(set(self.tps() for _ in range(3)) - set(tps))
        boot += self.become_follower(ftps, 2)
        boot += [("version", {"ver": "3.6.1"}), ("commit", {"cid": "5e3c2b738d253ff5"}),
                 ("starttime", {"ms": str(1709300000000 + r.randint(0, 10 ** 7))}), ("srv_started", {})]
        return items + boot

    def e_autocreate(self):
        r = self.r
        topic = r.choice(["orders-retry", "payments-dlq", "user-events-v2"])
        assign = "HashMap(%s)" % ", ".join("%d -> ArrayBuffer(%s)" % (i, ", ".join(map(str, [(i + k) % 3 + 1
                                                                                      for k in range(3)])))
                                           for i in range(3))
        return [("creating", {"topic": topic, "cfg": "{}", "assign": assign}),
                ("autocreate", {"topic": topic, "n": "3", "rf": "3"})]

    def e_dellog(self):
        r = self.r
        items = []
        for p in range(3):
            tp = "load-test-tmp-%d" % p
            items.append(("dellog", {"tp": tp, "path": "%s/%s.%s-delete" % (self.dir, tp, hexs(r, 32))}))
        return items

    def fixed_episodes(self):
        return [(1, self.e_broker3_outage, 0.2), (1, self.e_restart, 0.62), (1, self.e_autocreate),
                (1, self.e_autocreate), (1, self.e_dellog), (1, self.e_leave), (1, self.e_isr)]

    def weighted_episodes(self):
        return [(30, self.e_roll), (9, self.e_retention), (8, self.e_expired), (3, self.e_join), (2, self.e_fail),
                (0.8, self.e_leave), (5, self.e_elect), (5, self.e_denied), (2.5, self.e_authfail),
                (4, self.e_txn), (0.5, self.e_isr)]

    def render(self, t, ev, vals, content):
        return "[%s,%03d] %s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                    vals.get("_lvl", ev.hdr["lvl"]), content)


# ===========================================================================================
# 3. Redis 7.2 server log (loglevel notice): a master that restarts, comes back as a replica
#    of the node Sentinel promoted meanwhile, and is later promoted back
# ===========================================================================================

class Redis(System):
    name = "Redis"
    log_format = r"<Pid>:<Role> <Day> <Month> <Year> <Time> <Level> <Content>"
    start = datetime(2024, 3, 1, 3, 12, 40, 118000)
    mean_gap = 22.0
    inner_gap = (0.0005, 0.05)

    SELF = "10.0.0.11"
    OTHERS = ["10.0.0.12", "10.0.0.13"]

    def define(self):
        r = self.r
        e = self.ev
        self.pid = 2817
        self.child = self.pid + r.randint(100, 900)
        self.role = "M"
        self.aof_base = 5
        self.aof_incr = 6
        self.offset = r.randint(10 ** 8, 9 * 10 ** 8)
        self.replid = hexs(r, 40)
        self.client_ids = r.randint(100, 4000)
        # saving
        e("changes", "<@n> changes in <@secs> seconds. Saving...", lvl="*")
        e("bg_started", "Background saving started by pid <@cpid>", lvl="*")
        e("db_saved", "DB saved on disk", lvl="*")
        e("cow", "Fork CoW for <@what>: current <@cur> MB, peak <@peak> MB, average <@avg> MB", lvl="*")
        e("bg_ok", "Background saving terminated with success", lvl="*")
        e("bg_sig", "Background saving terminated by signal <@sig>", lvl="#")
        e("bg_err", "Background saving error", lvl="#")
        e("tmp_fail", "Failed opening the temp RDB file <@file> (in server root dir <@dir>) for saving: <@err>",
          lvl="#")
        # AOF
        e("aof_auto", "Starting automatic rewriting of AOF on <@pct>% growth", lvl="*")
        e("aof_incr_new", "Creating AOF incr file <@file> on background rewrite", lvl="*")
        e("aof_started", "Background append only file rewriting started by pid <@cpid>", lvl="*")
        e("aof_tmp", "Successfully created the temporary AOF base file <@file>", lvl="*")
        e("aof_ok", "Background AOF rewrite terminated with success", lvl="*")
        e("aof_ren_base", "Successfully renamed the temporary AOF base file <@tmp> into <@dst>", lvl="*")
        e("aof_ren_incr", "Successfully renamed the temporary AOF incr file <@tmp> into <@dst>", lvl="*")
        e("aof_hist", "Removing the history file <@file> in the background", lvl="*")
        e("aof_done", "Background AOF rewrite finished successfully", lvl="*")
        e("aof_slow", "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without "
          "waiting for fsync to complete, this may slow down Redis.", lvl="*")
        # master side of replication
        e("asks", "Replica <@addr> asks for synchronization", lvl="*")
        e("full_req", "Full resync requested by replica <@addr>", lvl="*")
        e("bgsave_sync", "Starting BGSAVE for SYNC with target: <@target>", lvl="*")
        e("sync_ok", "Synchronization with replica <@addr> succeeded", lvl="*")
        e("psync_ok", "Partial resynchronization request from <@addr> accepted. Sending <@n> bytes of backlog "
          "starting from offset <@off>.", lvl="*")
        e("psync_nobl", "Unable to partial resync with replica <@addr> for lack of backlog (Replica request was: "
          "<@off>).", lvl="*")
        e("repl_lost", "Connection with replica <@addr> lost.", lvl="*")
        e("repl_timeout", "Disconnecting timedout replica (streaming sync): <@addr>", lvl="#")
        e("outbuf", "Client <@info> scheduled to be closed ASAP for overcoming of output buffer limits.", lvl="#")
        e("attack", "Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to "
          "Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your "
          "Redis instance. Connection from <@addr> aborted.", lvl="#")
        # shutdown and start
        e("sigterm", "Received SIGTERM scheduling shutdown...", lvl="#")
        e("user_shutdown", "User requested shutdown...", lvl="#")
        e("final_save", "Saving the final RDB snapshot before exiting.", lvl="*")
        e("rm_pid", "Removing the pid file.", lvl="#")
        e("bye", "Redis is now ready to exit, bye bye...", lvl="#")
        e("starting", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", lvl="#")
        e("verline", "Redis version=<@ver>, bits=<@bits>, commit=<@commit>, modified=<@mod>, pid=<@pid>, just "
          "started", lvl="#")
        e("cfgloaded", "Configuration loaded", lvl="#")
        e("mode", "Running mode=<@mode>, port=<@port>.", lvl="*")
        e("somaxconn", "WARNING: The TCP backlog setting of <@n> cannot be enforced because "
          "/proc/sys/net/core/somaxconn is set to the lower value of <@m>.", lvl="#")
        e("srv_init", "Server initialized", lvl="*")
        e("overcommit", "WARNING Memory overcommit must be enabled! Without it, a background save or replication "
          "may fail under low memory condition. Being disabled, it can also cause failures without low memory "
          "condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add "
          "'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl "
          "vm.overcommit_memory=1' for this to take effect.", lvl="#")
        e("rdb_ver", "Loading RDB produced by version <@ver>", lvl="*")
        e("rdb_age", "RDB age <@n> seconds", lvl="*")
        e("rdb_mem", "RDB memory usage when created <@mb> Mb", lvl="*")
        e("rdb_done", "Done loading RDB, keys loaded: <@k>, keys expired: <@x>.", lvl="*")
        e("from_base", "DB loaded from base file <@file>: <@secs> seconds", lvl="*")
        e("from_incr", "DB loaded from incr file <@file>: <@secs> seconds", lvl="*")
        e("from_aof", "DB loaded from append only file: <@secs> seconds", lvl="*")
        e("ready", "Ready to accept connections <@conntype>", lvl="*")
        # replica side
        e("replicaof", "REPLICAOF <@host>:<@port> enabled (user request from '<@client>')", lvl="*")
        e("connecting", "Connecting to MASTER <@host>:<@port>", lvl="*")
        e("sync_started", "MASTER <-> REPLICA sync started", lvl="*")
        e("ping", "Master replied to PING, replication can continue...", lvl="*")
        e("try_psync", "Trying a partial resynchronization (request <@replid>:<@off>).", lvl="*")
        e("full_from", "Full resync from master: <@replid>:<@off>", lvl="*")
        e("receiving", "MASTER <-> REPLICA sync: receiving <@n> bytes from master to disk", lvl="*")
        e("flushing", "MASTER <-> REPLICA sync: Flushing old data", lvl="*")
        e("loading_mem", "MASTER <-> REPLICA sync: Loading DB in memory", lvl="*")
        e("sync_done", "MASTER <-> REPLICA sync: Finished with success", lvl="*")
        e("secondary", "Setting secondary replication ID to <@id>, valid up to offset: <@off>. New replication ID "
          "is <@id2>", lvl="*")
        e("master_mode", "MASTER MODE enabled (user request from '<@client>')", lvl="*")

    # -- values ------------------------------------------------------------------------------
    def M(self, **kw):
        kw["_pid"] = self.pid
        kw["_role"] = self.role
        return kw

    def C(self, **kw):
        kw["_pid"] = self.child
        kw["_role"] = "C"
        return kw

    def fork(self):
        self.child += self.r.randint(3, 400)
        return str(self.child)

    def cow(self, what):
        r = self.r
        cur = r.choice([0, 1, 2, 2, 4, 6, 12, 38])
        peak = cur + r.choice([0, 0, 1, 2, 8])
        return ("cow", self.C(what=what, cur=str(cur), peak=str(peak), avg=str(max(0, cur // 2))))

    def client_info(self, name, flags, cmd, ip, extra=None):
        r = self.r
        self.client_ids += r.randint(1, 40)
        f = {"id": str(self.client_ids), "addr": "%s:%d" % (ip, r.randint(32768, 60999)),
             "laddr": "%s:6379" % self.SELF, "fd": str(r.randint(8, 900)), "name": name,
             "age": str(r.randint(0, 90000)), "idle": str(r.randint(0, 3)), "flags": flags, "db": "0", "sub": "0",
             "psub": "0", "ssub": "0", "multi": "-1", "qbuf": "0", "qbuf-free": "0", "argv-mem": "0",
             "multi-mem": "0", "rbs": "1024", "rbp": "0", "obl": "0", "oll": "0", "omem": "0", "tot-mem": "0",
             "events": "r", "cmd": cmd, "user": "default", "redir": "-1", "resp": "2", "lib-name": "", "lib-ver": ""}
        f.update(extra or {})
        order = ["id", "addr", "laddr", "fd", "name", "age", "idle", "flags", "db", "sub", "psub", "ssub", "multi",
                 "qbuf", "qbuf-free", "argv-mem", "multi-mem", "rbs", "rbp", "obl", "oll", "omem", "tot-mem",
                 "events", "cmd", "user", "redir", "resp", "lib-name", "lib-ver"]
        return " ".join("%s=%s" % (k, f[k]) for k in order)

    def sentinel_client(self):
        r = self.r
        return self.client_info("sentinel-%s-cmd" % hexs(r, 8), "x", "exec", "10.0.0.%d" % r.randint(31, 33),
                                {"multi": "4", "qbuf": "188", "qbuf-free": "20286", "argv-mem": "4",
                                 "multi-mem": "169", "rbs": "2048", "rbp": "1024", "obl": "45",
                                 "tot-mem": str(r.randint(22000, 26000))})

    # -- episodes ----------------------------------------------------------------------------
    def save_items(self, trigger=True):
        r = self.r
        items = []
        if trigger:
            n, secs = weighted(r, [(("10000", "60"), 16), (("100", "300"), 3), (("1", "3600"), 1)])
            items.append(("changes", self.M(n=n, secs=secs)))
        items.append(("bg_started", self.M(cpid=self.fork())))
        items.append(("db_saved", self.C(_gap=r.uniform(0.8, 6.0))))
        items.append(self.cow("RDB"))
        items.append(("bg_ok", self.M(_gap=r.uniform(0.05, 0.2))))
        return items

    def e_save(self):
        return self.save_items()

    def aof_items(self, auto=True):
        r = self.r
        items = []
        if auto:
            items.append(("aof_auto", self.M(pct="100")))
        self.aof_incr += 1
        items.append(("aof_incr_new", self.M(file="temp-appendonly.aof.incr")))
        cpid = self.fork()
        items.append(("aof_started", self.M(cpid=cpid)))
        tmp = "temp-rewriteaof-bg-%s.aof" % cpid
        items.append(("aof_tmp", self.C(file=tmp, _gap=r.uniform(0.5, 5.0))))
        items.append(self.cow("AOF rewrite"))
        items.append(("aof_ok", self.M(_gap=r.uniform(0.05, 0.2))))
        self.aof_base += 2
        items.append(("aof_ren_base", self.M(tmp=tmp, dst="appendonly.aof.%d.base.rdb" % self.aof_base)))
        items.append(("aof_ren_incr", self.M(tmp="temp-appendonly.aof.incr",
                                             dst="appendonly.aof.%d.incr.aof" % self.aof_incr)))
        items.append(("aof_hist", self.M(file="appendonly.aof.%d.incr.aof" % (self.aof_incr - 1))))
        items.append(("aof_hist", self.M(file="appendonly.aof.%d.base.rdb" % (self.aof_base - 2))))
        items.append(("aof_done", self.M()))
        return items

    def e_aof(self):
        return self.aof_items()

    def e_aof_slow(self):
        return [("aof_slow", self.M())]

    def e_replica_reconnect(self):
        r = self.r
        if self.role != "M":
            return self.save_items()
        addr = "%s:6379" % r.choice(self.OTHERS)
        items = []
        if r.random() < 0.3:
            items.append(("repl_timeout", self.M(addr=addr)))
        else:
            items.append(("repl_lost", self.M(addr=addr)))
        k = weighted(r, [("psync", 6), ("full", 1)])
        self.offset += r.randint(10 ** 4, 10 ** 7)
        rest = [("asks", self.M(addr=addr, _gap=r.uniform(1, 30)))]
        if k == "psync":
            rest.append(("psync_ok", self.M(addr=addr, n=str(r.randint(0, 300000)), off=str(self.offset))))
        else:
            rest.append(("psync_nobl", self.M(addr=addr, off=str(self.offset - r.randint(10 ** 8, 10 ** 9)))))
            rest.append(("full_req", self.M(addr=addr)))
            rest.append(("bgsave_sync", self.M(target="disk")))
            rest += self.save_items(trigger=False)
            rest.append(("sync_ok", self.M(addr=addr, _gap=r.uniform(1, 9))))
        self.later(r.randint(0, 4), rest)
        return items

    def e_outbuf(self):
        r = self.r
        if r.random() < 0.6:
            info = self.client_info("notif-fanout-%d" % r.randint(1, 6), "P", "subscribe",
                                    "10.0.4.%d" % r.randint(2, 90),
                                    {"sub": str(r.randint(1, 40)), "oll": str(r.randint(900, 40000)),
                                     "omem": str(r.randint(33, 64) << 20), "tot-mem": str(r.randint(34, 70) << 20),
                                     "events": "rw"})
        else:
            info = self.client_info("", "N", r.choice(["lrange", "keys", "hgetall", "smembers"]),
                                    "10.0.5.%d" % r.randint(2, 90),
                                    {"oll": str(r.randint(100, 9000)), "omem": str(r.randint(260, 600) << 20),
                                     "tot-mem": str(r.randint(261, 610) << 20), "events": "rw"})
        return [("outbuf", self.M(info=info))]

    def e_attack(self):
        return [("attack", self.M(addr="%s:%d" % (self.pub_ip(), self.r.randint(32768, 60999))))]

    def e_bgerror(self):
        r = self.r
        items = [("changes", self.M(n="10000", secs="60")), ("bg_started", self.M(cpid=self.fork()))]
        items.append(("tmp_fail", self.C(file="temp-%d.rdb" % self.child, dir="/var/lib/redis",
                                         err="No space left on device")))
        items.append(("bg_err", self.M()))
        return items

    def e_bgsig(self):
        items = [("changes", self.M(n="10000", secs="60")), ("bg_started", self.M(cpid=self.fork())),
                 ("bg_sig", self.M(sig="9", _gap=self.r.uniform(5, 40)))]
        return items

    def load_items(self, aof):
        r = self.r
        items = []
        items += [("rdb_ver", self.M(ver="7.2.4")), ("rdb_age", self.M(n=str(r.randint(30, 4000)))),
                  ("rdb_mem", self.M(mb="%.2f" % r.uniform(780, 840))),
                  ("rdb_done", self.M(k=str(r.randint(2300000, 2400000)), x=str(r.randint(0, 400)),
                                      _gap=r.uniform(2, 4)))]
        return items

    def e_restart(self):
        r = self.r
        items = [("sigterm", self.M()), ("user_shutdown", self.M()),
                 ("final_save", self.M()), ("db_saved", self.M(_gap=r.uniform(2, 5))), ("rm_pid", self.M()),
                 ("bye", self.M())]
        self.pid = 40213
        self.child = self.pid + 1
        boot = [("starting", {"_pid": self.pid, "_role": "C", "_gap": r.uniform(3, 8)}),
                ("verline", {"_pid": self.pid, "_role": "C", "ver": "7.2.4", "bits": "64", "commit": "00000000",
                             "mod": "0", "pid": str(self.pid)}),
                ("cfgloaded", {"_pid": self.pid, "_role": "C"}),
                ("mode", self.M(mode="standalone", port="6379")),
                ("somaxconn", self.M(n="511", m="128")),
                ("srv_init", self.M()), ("overcommit", self.M())]
        boot += self.load_items(True)
        boot += [("from_base", self.M(file="appendonly.aof.%d.base.rdb" % self.aof_base,
                                      secs="%.3f" % r.uniform(2.5, 3.5))),
                 ("from_incr", self.M(file="appendonly.aof.%d.incr.aof" % self.aof_incr,
                                      secs="%.3f" % r.uniform(0.001, 0.4))),
                 ("from_aof", self.M(secs="%.3f" % r.uniform(3, 4))),
                 ("ready", self.M(conntype="tcp"))]
        # Sentinel failed over while we were down: we come back as a replica of 10.0.0.12
        self.role = "S"
        self.offset += r.randint(10 ** 6, 10 ** 7)
        newid = hexs(r, 40)
        boot += [("replicaof", self.M(host="10.0.0.12", port="6379", client=self.sentinel_client(),
                                      _gap=r.uniform(1, 9))),
                 ("connecting", self.M(host="10.0.0.12", port="6379")),
                 ("sync_started", self.M()), ("ping", self.M()),
                 ("try_psync", self.M(replid=self.replid, off=str(self.offset - 4000000))),
                 ("full_from", self.M(replid=newid, off=str(self.offset))),
                 ("receiving", self.M(n=str(r.randint(2 * 10 ** 8, 3 * 10 ** 8)))),
                 ("flushing", self.M(_gap=r.uniform(1, 4))), ("loading_mem", self.M())]
        boot += self.load_items(False)
        boot.append(("sync_done", self.M()))
        self.replid = newid
        boot += self.aof_items(auto=False)
        return items + boot

    def e_promote(self):
        r = self.r
        old = self.replid
        self.replid = hexs(r, 40)
        self.offset += r.randint(10 ** 6, 10 ** 7)
        items = [("secondary", self.M(id=old, off=str(self.offset), id2=self.replid))]
        self.role = "M"
        items.append(("master_mode", self.M(client=self.sentinel_client())))
        rest = []
        for ip in self.OTHERS:
            addr = "%s:6379" % ip
            rest += [("asks", self.M(addr=addr, _gap=r.uniform(0.5, 3))),
                     ("psync_ok", self.M(addr=addr, n="0", off=str(self.offset + 1)))]
        self.later(0, rest)
        return items

    def fixed_episodes(self):
        return [(1, self.e_restart, 0.45), (1, self.e_promote, 0.76), (1, self.e_attack), (1, self.e_bgerror, 0.3),
                (1, self.e_bgsig, 0.88), (2, self.e_outbuf), (1, self.e_aof_slow)]

    def weighted_episodes(self):
        return [(40, self.e_save), (4, self.e_aof), (3, self.e_replica_reconnect), (2, self.e_aof_slow),
                (1.2, self.e_outbuf)]

    def render(self, t, ev, vals, content):
        return "%d:%s %s.%03d %s %s" % (vals["_pid"], vals["_role"], t.strftime("%d %b %Y %H:%M:%S"),
                                        t.microsecond // 1000, ev.hdr["lvl"], content)


# ===========================================================================================
# 4. Jenkins 2.440 LTS controller, jenkins.log (java.util.logging via the Jenkins formatter)
# ===========================================================================================

class Jenkins(System):
    name = "Jenkins"
    log_format = r"<Date> <Time> \[id=<Tid>\] <Level> <Logger>: <Content>"
    start = datetime(2024, 3, 1, 7, 30, 2, 55000)
    mean_gap = 12.0
    inner_gap = (0.001, 0.5)

    JOBS = [("Team Payments » payments-api » main", 30, "wf"), ("Team Payments » payments-api » PR-%d", 12, "wf"),
            ("Team Payments » ledger-service » main", 10, "wf"), ("platform » terraform-plan", 8, "wf"),
            ("platform » base-images", 4, "wf"), ("nightly-e2e", 3, "fs"), ("release-train", 2, "wf"),
            ("docs-site", 6, "fs"), ("Data Platform » spark-jobs » develop", 7, "wf"),
            ("Data Platform » airflow-dags » main", 5, "wf"), ("mobile » android-app » release/4.2", 3, "wf"),
            ("legacy-billing-build", 3, "fs"), ("seed-job", 1, "fs")]
    REPOS = {"Team Payments » payments-api": "https://github.com/acme-corp/payments-api",
             "Team Payments » ledger-service": "https://github.com/acme-corp/ledger-service",
             "Data Platform » spark-jobs": "https://github.com/acme-corp/spark-jobs",
             "Data Platform » airflow-dags": "https://github.com/acme-corp/airflow-dags",
             "mobile » android-app": "https://github.com/acme-corp/android-app"}
    TASKS = [("Download metadata", 2), ("Fingerprint cleanup", 3), ("Workspace clean-up", 3),
             ("Periodic background build discarder", 6), ("Connection Activity monitoring to agents", 8),
             ("telemetry collection", 1), ("Checking for stale Kubernetes agents", 4)]
    DOWNLOADABLES = ["hudson.tasks.Maven.MavenInstaller", "hudson.tasks.Ant.AntInstaller",
                     "hudson.tools.JDKInstaller", "io.jenkins.plugins.nodejs.tools.NodeJSInstaller",
                     "hudson.plugins.gradle.GradleInstaller", "org.jenkinsci.plugins.terraform.TerraformInstaller"]
    AGENTS = ["agent-linux-01", "agent-linux-02", "agent-linux-03", "agent-win-01", "mac-mini-ios-02"]
    USERS = ["alice.ng", "bkowalski", "ci-bot", "deploy-svc", "m.rossi", "jenkins-admin", "anonymous"]

    def define(self):
        r = self.r
        e = self.ev
        self.numbers = {}
        self.pr = {}
        self.conn_no = r.randint(10, 200)
        self.pod_no = 0
        self.computers = 5
        self.threads = {}
        P = "hudson.model.AsyncPeriodicWork#lambda$doRun$1"
        e("pw_started", "Started <@task>", lvl="INFO", log=P)
        e("pw_finished", "Finished <@task>. <@ms> ms", lvl="INFO", log=P)
        e("wf_done", "<@run> completed: <@result>", lvl="INFO", log="org.jenkinsci.plugins.workflow.job.WorkflowRun#finish")
        e("fs_done", "<@run> main build action completed: <@result>", lvl="INFO", log="hudson.model.Run#execute")
        e("indexing", "<@run> branch indexing action completed: <@result> in <@dur>", lvl="INFO",
          log="jenkins.branch.MultiBranchProject$BranchIndexing#run")
        e("orgscan", "<@run> organization scan action completed: <@result> in <@dur>", lvl="INFO",
          log="jenkins.branch.OrganizationFolder$OrganizationScan#run")
        e("dl_obtained", "Obtained the updated data file for <@id>", lvl="INFO",
          log="hudson.model.DownloadService$Downloadable#load")
        e("retry_ok", "Performed the action <@action> successfully at the attempt #<@n>", lvl="INFO",
          log="hudson.util.Retrier#start")
        e("retry_listener", "Calling the listener of the allowed exception '<@exc>' at the attempt #<@n> to perform "
          "the action '<@action>'", lvl="WARNING", log="hudson.util.Retrier#start")
        e("retry_fail", "Attempted the action <@action> for <@n> time(s) with no success", lvl="SEVERE",
          log="hudson.util.Retrier#start")
        e("uc_obtained", "Obtained the latest update center data file for UpdateSource <@src>", lvl="INFO",
          log="hudson.model.UpdateSite#updateData")
        e("accepted", "Accepted <@proto> connection #<@n> from <@addr>", lvl="INFO",
          log="hudson.TcpSlaveAgentListener$ConnectionHandler#run")
        e("chan_term", "<@chan> for <@agent> terminated: <@exc>", lvl="WARNING",
          log="jenkins.slaves.DefaultJnlpSlaveReceiver#channelClosed")
        e("ping_failed", "Ping failed. Terminating the channel <@agent>.", lvl="INFO",
          log="hudson.slaves.ChannelPinger$1#onDead")
        e("reconnect", "Attempting to reconnect <@agent>", lvl="INFO", log="hudson.slaves.SlaveComputer#tryReconnect")
        K = "org.csanchez.jenkins.plugins.kubernetes."
        e("k_excess", "Excess workload after pending Kubernetes agents: <@n>", lvl="INFO",
          log=K + "KubernetesCloud#provision")
        e("k_template", "Template for label \"<@label>\": <@tmpl>", lvl="INFO", log=K + "KubernetesCloud#provision")
        e("k_provision", "Started provisioning <@tmpl> from <@cloud> with <@n> executors. Remaining excess "
          "workload: <@x>", lvl="INFO", log="hudson.slaves.NodeProvisioner$StandardStrategyImpl#apply")
        e("k_created", "Created Pod: <@cloud> <@ns>/<@pod>", lvl="INFO", log=K + "KubernetesLauncher#launch")
        e("k_running", "Pod is running: <@cloud> <@ns>/<@pod>", lvl="INFO", log=K + "KubernetesLauncher#launch")
        e("k_done", "<@agent> provisioning successfully completed. We have now <@n> computer(s)", lvl="INFO",
          log="hudson.slaves.NodeProvisioner#update")
        e("k_term", "Terminating Kubernetes instance for agent <@agent>", lvl="INFO",
          log=K + "KubernetesSlave#_terminate")
        e("crumb_none", "No valid crumb was included in request for <@uri> by <@user>. Returning <@code>.",
          lvl="WARNING", log="hudson.security.csrf.CrumbFilter#doFilter")
        e("crumb_bad", "Found invalid crumb <@crumb>. If you are calling this URL with a script, please use the API "
          "Token instead. More information: https://www.jenkins.io/redirect/crumb-cannot-be-used-for-script",
          lvl="WARNING", log="hudson.security.csrf.CrumbFilter#doFilter")
        e("scm_changes", "SCM changes detected in <@job>. Triggering <@next>", lvl="INFO",
          log="hudson.triggers.SCMTrigger$Runner#run")
        e("scm_slow", "There are more SCM polling activities scheduled than handled, so the threads are not keeping "
          "up with the demands. Check if your polling is hanging, and/or increase the number of threads if "
          "necessary.", lvl="WARNING", log="hudson.triggers.SCMTrigger#run")
        e("gh_received", "Received <@event> for <@repo> from <@origin>", lvl="INFO",
          log="org.jenkinsci.plugins.github.webhook.subscriber.DefaultPushGHEventSubscriber#onEvent")
        e("gh_poked", "Poked <@job>", lvl="INFO",
          log="org.jenkinsci.plugins.github.webhook.subscriber.DefaultPushGHEventSubscriber$1#run")
        e("unresponsive", "<@run> unresponsive for <@n> sec", lvl="INFO",
          log="org.jenkinsci.plugins.workflow.support.concurrent.Timeout#lambda$ping$0")
        # shutdown and start
        e("stopping", "Stopping Jenkins", lvl="INFO", log="jenkins.model.Jenkins#cleanUp")
        e("disconnecting", "Starting node disconnection", lvl="INFO",
          log="jenkins.model.Jenkins#_cleanUpDisconnectComputers")
        e("persist_queue", "Persisting build queue", lvl="INFO", log="jenkins.model.Jenkins#_cleanUpPersistQueue")
        e("await_disc", "Waiting for node disconnection completion", lvl="INFO",
          log="jenkins.model.Jenkins#_cleanUpAwaitDisconnects")
        e("stopped", "Jenkins stopped", lvl="INFO", log="jenkins.model.Jenkins#cleanUp")
        e("war_extract", "Beginning extraction from war file", lvl="INFO", log="winstone.Logger#logInternal")
        e("jetty", "jetty-<@ver>; built: <@built>; git: <@git>; jvm <@jvm>", lvl="INFO",
          log="org.eclipse.jetty.server.Server#doStart")
        e("home", "Jenkins home directory: <@home> found at: <@how>", lvl="INFO",
          log="hudson.WebAppMain#contextInitialized")
        e("winstone", "Winstone Servlet Engine running: controlPort=<@port>", lvl="INFO",
          log="winstone.Logger#logInternal")
        e("version", "Starting version <@ver>", lvl="INFO", log="jenkins.model.Jenkins#<init>")
        e("classes_jar", "Created <@path>; update plugin to a version created with a newer harness", lvl="WARNING",
          log="hudson.ClassicPluginStrategy#createClassJarFromWebInfClasses")
        e("fully_up", "Jenkins is fully up and running", lvl="INFO", log="hudson.lifecycle.Lifecycle#onReady")

    # -- values ------------------------------------------------------------------------------
    def tid(self, key):
        if key not in self.threads:
            self.threads[key] = self.r.randint(30, 600)
        return self.threads[key]

    def job(self, kind=None):
        r = self.r
        cands = [j for j in self.JOBS if kind is None or j[2] == kind]
        name, _, k = r.choices(cands, [j[1] for j in cands])[0]
        if "%d" in name:
            name = name % r.choice([412, 415, 418, 419, 421, 423])
        return name, k

    def run(self, name):
        if name not in self.numbers:
            self.numbers[name] = self.r.randint(1, 900)
        self.numbers[name] += 1
        return "%s #%d" % (name, self.numbers[name])

    def result(self):
        return weighted(self.r, [("SUCCESS", 14), ("FAILURE", 4), ("UNSTABLE", 2), ("ABORTED", 1)])

    def dur(self):
        r = self.r
        s = r.randint(1, 400)
        if s >= 60:
            return "%d min %d sec" % (s // 60, s % 60)
        return "%d sec" % s

    # -- episodes ----------------------------------------------------------------------------
    def e_periodic(self):
        r = self.r
        task = r.choices([t[0] for t in self.TASKS], [t[1] for t in self.TASKS])[0]
        tid = self.tid(task)
        items = [("pw_started", {"_tid": tid, "task": task})]
        if task == "Download metadata":
            mid = []
            for d in r.sample(self.DOWNLOADABLES, r.randint(2, 6)):
                mid.append(("dl_obtained", {"_tid": tid, "id": d, "_gap": r.uniform(0.2, 2)}))
            mid.append(("retry_ok", {"_tid": tid, "action": "check updates server", "n": "1"}))
            mid.append(("uc_obtained", {"_tid": tid, "src": "default"}))
            ms = r.randint(3000, 40000)
            items += mid
        else:
            ms = int(r.lognormvariate(3.5, 2.0))
        fin = [("pw_finished", {"_tid": tid, "task": task, "ms": commas(ms), "_gap": ms / 1000.0})]
        if ms > 5000 and r.random() < 0.6:
            self.later(r.randint(1, 3), fin)
        else:
            items += fin
        return items

    def finish(self, name, kind, run=None):
        run = run or self.run(name)
        key = "wf_done" if kind == "wf" else "fs_done"
        return (key, {"_tid": self.tid("exec-%d" % self.r.randint(1, 12)), "run": run, "result": self.result()})

    def e_build(self):
        name, kind = self.job()
        return [self.finish(name, kind)]

    def e_webhook(self):
        r = self.r
        base = r.choice(list(self.REPOS))
        branch = r.choice(["main", "main", "develop", "PR-%d" % r.choice([412, 419, 421])])
        job = "%s » %s" % (base, branch)
        origin = "140.82.115.%d ⇒ https://ci.acme-corp.example/github-webhook/" % r.randint(1, 254)
        tid = self.tid("webhook")
        items = [("gh_received", {"_tid": tid, "event": "PushEvent", "repo": self.REPOS[base], "origin": origin}),
                 ("gh_poked", {"_tid": tid, "job": base})]
        self.later(r.randint(30, 250), [self.finish(job, "wf")])
        return items

    def e_indexing(self):
        r = self.r
        base = r.choice(list(self.REPOS))
        return [("indexing", {"_tid": self.tid("indexing"), "run": self.run(base), "result": "SUCCESS",
                              "dur": self.dur()})]

    def e_orgscan(self):
        return [("orgscan", {"_tid": self.tid("orgscan"), "run": self.run("acme-corp"), "result": "SUCCESS",
                             "dur": self.dur()})]

    def e_scm(self):
        r = self.r
        name, kind = self.job("fs") if r.random() < 0.5 else (r.choice(["platform » terraform-plan",
                                                                         "platform » base-images"]), "wf")
        nxt = self.numbers.get(name, r.randint(1, 900)) + 1
        items = [("scm_changes", {"_tid": self.tid("scm"), "job": name, "next": "#%d" % nxt})]
        self.later(r.randint(20, 200), [self.finish(name, kind)])
        return items

    def e_k8s(self):
        r = self.r
        label, tmpl = weighted(r, [(("maven", "maven-jdk17"), 4), (("node", "node-20"), 3),
                                   (("docker-build", "kaniko"), 2), (("terraform", "terraform-1-7"), 1)])
        self.pod_no += 1
        pod = "%s-%s" % (tmpl, "".join(r.choice("bcdfghjklmnpqrstvwxz0123456789") for _ in range(5)))
        tid = self.tid("provisioner")
        self.computers += 1
        items = [("k_excess", {"_tid": tid, "n": str(r.randint(1, 4))}),
                 ("k_template", {"_tid": tid, "label": label, "tmpl": tmpl}),
                 ("k_provision", {"_tid": tid, "tmpl": tmpl, "cloud": "KubernetesCloud[kubernetes]", "n": "1",
                                  "x": "%.3f" % r.uniform(-0.9, 0.4)}),
                 ("k_created", {"_tid": self.tid("k8s-launch"), "cloud": "kubernetes", "ns": "jenkins", "pod": pod}),
                 ("k_running", {"_tid": self.tid("k8s-launch"), "cloud": "kubernetes", "ns": "jenkins", "pod": pod,
                                "_gap": r.uniform(4, 25)}),
                 ("k_done", {"_tid": tid, "agent": pod, "n": str(self.computers)})]
        self.later(r.randint(15, 200), [("k_term", {"_tid": self.tid("k8s-term"), "agent": pod})])
        self.computers -= 1
        return items

    def e_crumb(self):
        r = self.r
        tid = r.randint(30, 900)
        if r.random() < 0.75:
            name, _ = self.job()
            uri = "/job/" + "/job/".join(p.strip().replace(" ", "%20") for p in name.split("»")) + "/" + \
                r.choice(["build", "buildWithParameters", "doDelete", "configSubmit"])
            return [("crumb_none", {"_tid": tid, "uri": uri, "user": r.choice(self.USERS), "code": "403"})]
        return [("crumb_bad", {"_tid": tid, "crumb": hexs(r, 64)})]

    def e_agent_drop(self):
        r = self.r
        agent = r.choice(self.AGENTS)
        ip = "10.40.2.%d" % (11 + self.AGENTS.index(agent))
        items = [("ping_failed", {"_tid": self.tid("pinger"), "agent": agent})]
        chan = ("IOHub#1: Worker[channel:java.nio.channels.SocketChannel[connected local=/10.40.0.5:50000 "
                "remote=%s/%s:%d]] / Computer.threadPoolForRemoting [#%d]"
                % (ip, ip, r.randint(32768, 60999), r.randint(20, 900)))
        items.append(("chan_term", {"_tid": self.tid("iohub"), "chan": chan, "agent": agent,
                                    "exc": r.choice(["java.nio.channels.ClosedChannelException",
                                                     "java.io.IOException: Connection reset by peer"])}))
        self.conn_no += 1
        self.later(r.randint(2, 12), [("reconnect", {"_tid": self.tid("reconnect"), "agent": agent}),
                                      ("accepted", {"_tid": r.randint(200, 900), "proto": "JNLP4-connect",
                                                    "n": str(self.conn_no),
                                                    "addr": "/%s:%d" % (ip, r.randint(32768, 60999))})])
        return items

    def e_accept(self):
        r = self.r
        self.conn_no += 1
        return [("accepted", {"_tid": r.randint(200, 900), "proto": "JNLP4-connect", "n": str(self.conn_no),
                              "addr": "/10.40.3.%d:%d" % (r.randint(2, 200), r.randint(32768, 60999))})]

    def e_unresponsive(self):
        r = self.r
        name, _ = self.job("wf")
        run = "%s #%d" % (name, self.numbers.get(name, 100) + 1)
        return [("unresponsive", {"_tid": self.tid("timeout"), "run": run, "n": str(r.choice([5, 5, 5, 10, 15]))})]

    def e_scm_slow(self):
        return [("scm_slow", {"_tid": self.tid("scm")})]

    def e_retry(self, fail=False):
        r = self.r
        tid = self.tid("Download metadata")
        action = "check updates server"
        items = [("pw_started", {"_tid": tid, "task": "Download metadata"}),
                 ("retry_listener", {"_tid": tid, "exc": "java.net.SocketTimeoutException", "n": "1",
                                     "action": action})]
        if not fail:
            items.append(("retry_ok", {"_tid": tid, "action": action, "n": "2", "_gap": 30.0}))
        else:
            items.append(("retry_listener", {"_tid": tid, "exc": "java.net.UnknownHostException", "n": "2",
                                             "action": action, "_gap": 30.0}))
            items.append(("retry_fail", {"_tid": tid, "action": action, "n": "2"}))
        items.append(("pw_finished", {"_tid": tid, "task": "Download metadata", "ms": commas(r.randint(60000, 70000))}))
        return items

    def e_restart(self):
        r = self.r
        t = r.randint(100, 300)
        items = [("stopping", {"_tid": t}), ("disconnecting", {"_tid": t}), ("persist_queue", {"_tid": t}),
                 ("await_disc", {"_tid": t}), ("stopped", {"_tid": t})]
        boot = [("war_extract", {"_tid": 1, "_gap": r.uniform(10, 40)}),
                ("jetty", {"_tid": 1, "ver": "10.0.18", "built": "2023-10-27T01:59:58.245Z",
                           "git": "8545fd9bf4cd0d0838f1bd37ae5ef3a2e1c9f3f8", "jvm": "17.0.10+7"}),
                ("home", {"_tid": 1, "home": "/var/jenkins_home",
                          "how": 'EnvVars.masterEnvVars.get("JENKINS_HOME")'}),
                ("winstone", {"_tid": 1, "port": "disabled"}),
                ("version", {"_tid": 1, "ver": "2.440.1"})]
        for plug in ("jdk-tool", "command-launcher"):
            boot.append(("classes_jar", {"_tid": r.randint(30, 60),
                                         "path": "/var/jenkins_home/plugins/%s/WEB-INF/lib/classes.jar" % plug}))
        boot.append(("fully_up", {"_tid": r.randint(30, 60), "_gap": r.uniform(20, 60)}))
        for agent in self.AGENTS[:3]:
            self.conn_no += 1
            ip = "10.40.2.%d" % (11 + self.AGENTS.index(agent))
            boot.append(("accepted", {"_tid": r.randint(200, 900), "proto": "JNLP4-connect", "n": str(self.conn_no),
                                      "addr": "/%s:%d" % (ip, r.randint(32768, 60999))}))
        self.threads = {}
        return items + boot

    def fixed_episodes(self):
        return [(1, self.e_restart, 0.58), (1, self.e_retry), (1, lambda: self.e_retry(fail=True)), (1, self.e_scm_slow),
                (1, self.e_orgscan), (1, self.e_unresponsive), (1, self.e_agent_drop)]

    def weighted_episodes(self):
        return [(14, self.e_periodic), (26, self.e_build), (6, self.e_webhook), (3, self.e_indexing),
                (0.3, self.e_orgscan), (4, self.e_scm), (3, self.e_k8s), (4, self.e_crumb), (1, self.e_agent_drop),
                (1.5, self.e_accept), (1, self.e_unresponsive)]

    def render(self, t, ev, vals, content):
        return "%s.%03d+0000 [id=%d]\t%s\t%s: %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                                    vals["_tid"], ev.hdr["lvl"], ev.hdr["log"], content)


# ===========================================================================================
# 5. dockerd 24 (logrus text format) in syslog, a swarm worker that runs a few compose stacks
# ===========================================================================================

class Dockerd(System):
    name = "Dockerd"
    log_format = r'<Month> <Day> <Clock> <Host> dockerd\[<Pid>\]: time="<Time>" level=<Level> <Content>'
    start = datetime(2024, 3, 1, 8, 0, 5, 271000)
    mean_gap = 11.0
    inner_gap = (0.0005, 0.08)

    HOST = "dkr-worker-07"
    NODES = ["dkr-worker-03", "dkr-worker-05", "dkr-worker-09", "dkr-mgr-01", "dkr-mgr-02"]
    IMAGES = ["registry.internal:5000/shop/web:2.14.1", "registry.internal:5000/shop/worker:2.14.1",
              "registry.internal:5000/billing/api:1.4.2", "nginx:1.25-alpine", "redis:7.2", "postgres:15",
              "grafana/promtail:2.9.4", "busybox:latest", "python:3.12-slim", "ghcr.io/acme-corp/report-gen:0.9"]

    def define(self):
        r = self.r
        e = self.ev
        self.pid = 1187
        self.containers = self.pool(lambda: hexs(r, 64), 60, 1.0)
        self.names = ["shop-web-1", "shop-web-2", "shop-worker-1", "shop-worker-2", "billing-api-1", "redis-cache",
                      "promtail", "nightly-report", "cron-cleanup", "db-backup"]
        self.net_ids = [hexs(r, 25).lower()[:25] for _ in range(3)]
        self.node_id = hexs(r, 12)
        e("ignoring", 'msg="ignoring event" container=<@cid> module=libcontainerd namespace=<@ns> topic=<@topic> '
          'type="<@type>"', lvl="info")
        e("shim_disc", 'msg="shim disconnected" id=<@cid> namespace=<@ns>', lvl="info")
        e("shim_cleanup", 'msg="cleaning up after shim disconnected" id=<@cid> namespace=<@ns>', lvl="warning")
        e("dead_shim", 'msg="cleaning up dead shim" namespace=<@ns>', lvl="info")
        e("cleanup_warn", 'msg="cleanup warnings <@warn>" id=<@cid> namespace=<@ns>', lvl="warning")
        e("force", 'msg="Container failed to exit within <@dur> of signal <@sig> - using the force" '
          'container=<@cid>', lvl="info")
        e("handler", 'msg="Handler for <@method> <@path> returned error: <@err>"', lvl="error")
        e("health", 'msg="Health check for container <@cid> error: <@err>"', lvl="warning")
        e("next_ep", 'msg="Attempting next endpoint for pull after error: <@err>"', lvl="info")
        e("not_cont", 'msg="Not continuing with pull after error: <@err>"', lvl="error")
        e("dl_retry", 'msg="Download failed, retrying (<@i>/<@n>): <@err>"', lvl="error")
        e("v2reg", 'msg="Error getting v2 registry: <@err>"', lvl="warning")
        e("layer", 'msg="Layer <@digest> cleaned up"', lvl="info")
        e("ref_unknown", 'msg="reference for unknown type: <@mt>" digest="<@dg>" remote="<@remote>"', lvl="info")
        e("stream_err", 'msg="stream copy error: reading from a closed fifo"', lvl="error")
        e("copy_failed", 'msg="copy stream failed" error="<@err>" stream=<@stream>', lvl="error")
        e("exec_err", 'msg="Error running exec <@eid> in container: <@err>"', lvl="error")
        e("sandbox", 'msg="error locating sandbox id <@sid>: <@err>"', lvl="warning")
        e("portalloc", 'msg="Failed to allocate and map port <@range>: <@err>"', lvl="warning")
        e("hostnet", 'msg="Published ports are discarded when using host network mode"', lvl="warning")
        e("shouldrestart", 'msg="ShouldRestart failed, container will not be restarted" container=<@cid> '
          'daemonShuttingDown=<@shut> error="<@err>" execDuration=<@dur> exitStatus="<@status>" '
          'hasBeenManuallyStopped=<@manual> restartCount=<@n>', lvl="warning")
        e("netdb", 'msg="NetworkDB stats <@host>(<@node>) - netID:<@net> leaving:<@leaving> netPeers:<@peers> '
          'entries:<@entries> Queue qLen:<@q> netMsg/s:<@rate>"', lvl="info")
        e("refute_suspect", 'msg="memberlist: Refuting a suspect message (from: <@from>)"', lvl="warning")
        e("refute_dead", 'msg="memberlist: Refuting a dead message (from: <@from>)"', lvl="warning")
        e("suspect_failed", 'msg="memberlist: Suspect <@node> has failed, no acks received"', lvl="info")
        e("dns_default", 'msg="No non-localhost DNS nameservers are left in resolv.conf. Using default external '
          'servers: <@list>"', lvl="info")
        e("reload", 'msg="Got signal to reload configuration, reloading from: <@path>"', lvl="info")
        e("reloaded", 'msg="Reloaded configuration: <@json>"', lvl="info")
        # shutdown and start
        e("signal", 'msg="Processing signal \'<@sig>\'"', lvl="info")
        e("stop_stream", 'msg="stopping event stream following graceful shutdown" error="<@err>" '
          'module=libcontainerd namespace=<@ns>', lvl="info")
        e("shutdown_done", 'msg="Daemon shutdown complete"', lvl="info")
        e("starting", 'msg="Starting up"', lvl="info")
        e("resolved", 'msg="detected <@ip> nameserver, assuming systemd-resolved, so using resolv.conf: <@path>"',
          lvl="info")
        e("grpc_scheme", 'msg="parsed scheme: <@scheme>" module=grpc', lvl="info")
        e("grpc_cc", 'msg="ccResolverWrapper: sending update to cc: <@state>" module=grpc', lvl="info")
        e("grpc_bal", 'msg="ClientConn switching balancer to <@bal>" module=grpc', lvl="info")
        e("graphdriver", 'msg="[graphdriver] using prior storage driver: <@gd>"', lvl="info")
        e("swap", 'msg="Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory '
          'limited without swap."', lvl="warning")
        e("load_start", 'msg="Loading containers: start."', lvl="info")
        e("bridge", 'msg="Default bridge (<@br>) is assigned with an IP address <@cidr>. Daemon option --bip can be '
          'used to set a preferred IP address"', lvl="info")
        e("load_done", 'msg="Loading containers: done."', lvl="info")
        e("daemon", 'msg="Docker daemon" commit=<@commit> graphdriver=<@gd> version=<@ver>', lvl="info")
        e("init_done", 'msg="Daemon has completed initialization"', lvl="info")
        e("api_listen", 'msg="API listen on <@addr>"', lvl="info")

    # -- values ------------------------------------------------------------------------------
    def v_ns(self):
        return "moby"

    def short(self, cid):
        return cid[:12]

    # -- episodes ----------------------------------------------------------------------------
    def exit_items(self, cid):
        r = self.r
        items = [("shim_disc", {"cid": cid})]
        if r.random() < 0.7:
            items.append(("shim_cleanup", {"cid": cid}))
            items.append(("dead_shim", {}))
            if r.random() < 0.08:
                w = weighted(r, [
                    ('time=\\"%s\\" level=info msg=\\"starting signal loop\\" namespace=moby pid=%d '
                     'runtime=io.containerd.runc.v2\\n' % (self.rfc(), r.randint(3000, 90000)), 2),
                    ('time=\\"%s\\" level=warning msg=\\"failed to remove runc container\\" error=\\"runc did not '
                     'terminate successfully: exit status 255: \\" runtime=io.containerd.runc.v2\\n' % self.rfc(), 1)])
                items.append(("cleanup_warn", {"cid": cid, "warn": w}))
        items.append(("ignoring", {"cid": cid, "topic": "/tasks/delete", "type": "*events.TaskDelete"}))
        return items

    def rfc(self):
        r = self.r
        return "2024-03-01T%02d:%02d:%02d.%09dZ" % (r.randint(8, 23), r.randint(0, 59), r.randint(0, 59),
                                                   r.randint(0, 999999999))

    def e_exit(self):
        r = self.r
        cid = self.containers()
        items = []
        if r.random() < 0.15:
            items.append(("force", {"cid": cid, "dur": "10s", "sig": "15"}))
        return items + self.exit_items(cid)

    def e_health(self):
        r = self.r
        cid = r.choice(self.containers.vals[:6])
        err = weighted(r, [("context deadline exceeded", 5),
                           ('OCI runtime exec failed: exec failed: unable to start container process: exec: '
                            '\\"curl\\": executable file not found in $PATH: unknown', 1)])
        return [("health", {"cid": cid, "err": err})] * r.choice([1, 1, 2, 3])

    def e_handler(self):
        r = self.r
        name = r.choice(self.names + ["web-7", "tmp-runner"])
        img = r.choice(self.IMAGES)
        k = weighted(r, [("nosuch", 5), ("noimg", 2), ("port", 1), ("running", 2), ("conflict", 1)])
        if k == "nosuch":
            return [("handler", {"method": "GET", "path": "/v1.43/containers/%s/json" % name,
                                 "err": "No such container: %s" % name})]
        if k == "noimg":
            return [("handler", {"method": "GET", "path": "/v1.43/images/%s/json" % img,
                                 "err": "No such image: %s" % img})]
        if k == "port":
            return [("handler", {"method": "POST", "path": "/v1.43/containers/%s/start" % name,
                                 "err": "driver failed programming external connectivity on endpoint %s (%s): Bind "
                                        "for 0.0.0.0:8080 failed: port is already allocated" % (name, hexs(r, 64))})]
        if k == "running":
            return [("handler", {"method": "DELETE", "path": "/v1.43/containers/%s" % name,
                                 "err": 'cannot remove container \\"/%s\\": container is running: stop the container '
                                        'before removing or force remove' % name})]
        return [("handler", {"method": "DELETE", "path": "/v1.43/images/%s" % hexs(r, 12),
                             "err": "conflict: unable to delete %s (cannot be forced) - image is being used by running "
                                    "container %s" % (hexs(r, 12), hexs(r, 12))})]

    def e_pull(self):
        r = self.r
        k = weighted(r, [("unknown", 5), ("denied", 2), ("http", 1), ("retry", 2), ("manifest", 2)])
        if k == "unknown":
            img = r.choice(["docker.io/library/nginx:1.25-alpine", "docker.io/library/redis:7.2",
                            "docker.io/grafana/promtail:2.9.4", "docker.io/library/python:3.12-slim"])
            return [("ref_unknown", {"mt": "application/vnd.in-toto+json", "dg": "sha256:" + hexs(r, 64),
                                     "remote": img}) for _ in range(r.randint(1, 3))]
        if k == "denied":
            return [("next_ep", {"err": "denied: requested access to the resource is denied"}),
                    ("not_cont", {"err": "errors:\\ndenied: requested access to the resource is denied\\nunauthorized: "
                                         "authentication required\\n"})]
        if k == "http":
            return [("v2reg", {"err": 'Get \\"https://registry.internal:5000/v2/\\": http: server gave HTTP response '
                                      'to HTTPS client'})]
        if k == "manifest":
            tag = r.choice(["2.15.0-rc1", "latest", "1.4.3"])
            return [("next_ep", {"err": "manifest unknown: manifest unknown"}),
                    ("not_cont", {"err": "manifest for registry.internal:5000/shop/web:%s not found: manifest unknown: "
                                         "manifest unknown" % tag})]
        n = r.randint(1, 2)
        return [("dl_retry", {"i": str(i + 1), "n": "5",
                              "err": "read tcp 10.50.0.7:%d->104.18.%d.%d:443: read: connection reset by peer"
                                     % (r.randint(32768, 60999), r.randint(0, 255), r.randint(1, 254))})
                for i in range(n)]

    def e_layers(self):
        r = self.r
        return [("layer", {"digest": "sha256:" + hexs(r, 64)}) for _ in range(r.randint(2, 9))]

    def e_netdb(self):
        r = self.r
        items = []
        for net in self.net_ids:
            items.append(("netdb", {"host": self.HOST, "node": self.node_id, "net": net, "leaving": "false",
                                    "peers": str(r.choice([3, 4, 4, 5])), "entries": str(r.randint(4, 40)),
                                    "q": "0", "rate": str(r.choice([0, 0, 0, 1, 2]))}))
        return items

    def e_member(self):
        r = self.r
        k = weighted(r, [("suspect", 3), ("rs", 2), ("rd", 1)])
        node = r.choice(self.NODES)
        if k == "suspect":
            return [("suspect_failed", {"node": node})]
        return [("refute_suspect" if k == "rs" else "refute_dead", {"from": node})]

    def e_stream(self):
        r = self.r
        if r.random() < 0.5:
            return [("stream_err", {})]
        return [("copy_failed", {"err": "reading from a closed fifo", "stream": r.choice(["stdout", "stderr"])})]

    def e_exec(self):
        r = self.r
        cmd = r.choice(["bash", "psql", "curl"])
        return [("exec_err", {"eid": hexs(r, 64),
                              "err": 'OCI runtime exec failed: exec failed: unable to start container process: exec: '
                                     '\\"%s\\": executable file not found in $PATH: unknown' % cmd})]

    def e_sandbox(self):
        r = self.r
        sid = hexs(r, 64)
        return [("sandbox", {"sid": sid, "err": "sandbox %s not found" % sid})]

    def e_port(self):
        return [("portalloc", {"range": "8080-8080", "err": "Bind for 0.0.0.0:8080 failed: port is already allocated"})]

    def e_hostnet(self):
        return [("hostnet", {})]

    def e_dns(self):
        return [("dns_default", {"list": "[nameserver 8.8.8.8 nameserver 8.8.4.4]"})]

    def e_reload(self):
        cfg = ('{\\"debug\\":false,\\"default-address-pools\\":[{\\"base\\":\\"10.210.0.0/16\\",\\"size\\":24}],'
               '\\"insecure-registries\\":[\\"registry.internal:5000\\"],\\"live-restore\\":false,\\"log-driver\\":'
               '\\"json-file\\",\\"log-opts\\":{\\"max-file\\":\\"3\\",\\"max-size\\":\\"50m\\"},\\"mtu\\":1450}')
        return [("reload", {"path": "/etc/docker/daemon.json"}), ("reloaded", {"json": cfg})]

    def e_restart(self):
        r = self.r
        items = [("signal", {"sig": "terminated"})]
        for cid in self.containers.vals[:4]:
            items.append(("force", {"cid": cid, "dur": "10s", "sig": "15"}) if r.random() < 0.3 else None)
            items += self.exit_items(cid)
            items.append(("shouldrestart", {"cid": cid, "shut": "true", "err": "restart canceled",
                                            "dur": "%.6fs" % r.uniform(2000, 90000),
                                            "status": "{%d %s}" % (r.choice([0, 137, 143]),
                                                                   "2024-03-01 %02d:%02d:%02d.%09d +0000 UTC"
                                                                   % (r.randint(8, 23), r.randint(0, 59),
                                                                      r.randint(0, 59), r.randint(0, 999999999))),
                                            "manual": "false", "n": "0"}))
        items = [x for x in items if x is not None]
        items += [("stop_stream", {"err": "<nil>", "ns": "moby"}),
                  ("stop_stream", {"err": "context canceled", "ns": "plugins.moby"}),
                  ("shutdown_done", {})]
        boot = [("starting", {"_gap": r.uniform(3, 10), "_newpid": 3321}),
                ("resolved", {"ip": "127.0.0.53", "path": "/run/systemd/resolve/resolv.conf"})]
        for _ in range(2):
            boot += [("grpc_scheme", {"scheme": '\\"unix\\"'}),
                     ("grpc_cc", {"state": "{[{unix:///run/containerd/containerd.sock  <nil> 0 <nil>}] <nil> <nil>}"}),
                     ("grpc_bal", {"bal": '\\"pick_first\\"'})]
        boot += [("graphdriver", {"gd": "overlay2"}), ("swap", {}), ("load_start", {}),
                 ("bridge", {"br": "docker0", "cidr": "172.17.0.0/16"}), ("load_done", {"_gap": r.uniform(1, 5)}),
                 ("daemon", {"commit": "311b9ff", "gd": "overlay2", "ver": "24.0.7"}), ("init_done", {}),
                 ("api_listen", {"addr": "/run/docker.sock"}), ("api_listen", {"addr": "[::]:2376"})]
        return items + boot

    def fixed_episodes(self):
        return [(1, self.e_restart, 0.55), (1, self.e_reload, 0.3), (2, self.e_port), (1, self.e_hostnet),
                (1, self.e_dns), (1, self.e_dns), (1, self.e_sandbox), (1, self.e_exec)]

    def weighted_episodes(self):
        return [(30, self.e_exit), (7, self.e_health), (7, self.e_handler), (4, self.e_pull), (2, self.e_layers),
                (5, self.e_netdb), (1.5, self.e_member), (2, self.e_stream), (0.6, self.e_exec),
                (0.4, self.e_sandbox)]

    def render(self, t, ev, vals, content):
        ns = "%09d" % (t.microsecond * 1000 + self.r.randint(0, 999))
        ns = ns.rstrip("0")
        ts = t.strftime("%Y-%m-%dT%H:%M:%S") + ("." + ns if ns else "") + "Z"
        if "_newpid" in vals:              # render() sees the lines in order: the restarted daemon
            self.pid = vals["_newpid"]
        return '%s %2d %s %s dockerd[%d]: time="%s" level=%s %s' % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"),
                                                                   self.HOST, self.pid, ts, ev.hdr["lvl"], content)


# ===========================================================================================
# 6. Zabbix server 6.0 zabbix_server.log: "%6d:%Y%m%d:%H%M%S.%03d message"
# ===========================================================================================

class Zabbix(System):
    name = "Zabbix"
    log_format = r"<Pid>:<Date>:<Time> <Content>"
    start = datetime(2024, 3, 1, 9, 14, 3, 602000)
    mean_gap = 14.0
    inner_gap = (0.001, 0.3)

    PROCS = [("configuration syncer", 1), ("alert manager", 1), ("alerter", 3), ("housekeeper", 1), ("timer", 1),
             ("http poller", 1), ("discoverer", 1), ("history syncer", 4), ("escalator", 1), ("proxy poller", 1),
             ("self-monitoring", 1), ("task manager", 1), ("poller", 5), ("unreachable poller", 1), ("trapper", 5),
             ("icmp pinger", 1), ("alert syncer", 1), ("history poller", 5), ("availability manager", 1),
             ("trigger housekeeper", 1), ("odbc poller", 1), ("preprocessing manager", 1),
             ("preprocessing worker", 3), ("lld manager", 1), ("lld worker", 2)]
    FEATURES = ["SNMP monitoring", "IPMI monitoring", "Web monitoring", "VMware monitoring", "SMTP authentication",
                "ODBC", "SSH support", "IPv6 support", "TLS support"]

    def define(self):
        r = self.r
        e = self.ev
        self.assign_pids(1021)
        hosts = ["web-%02d" % i for i in range(1, 13)] + ["db-%02d" % i for i in range(1, 4)] + \
            ["app-%02d" % i for i in range(1, 9)] + ["lb-01", "lb-02", "mq-01", "mq-02", "nas-01"]
        self.hosts = self.pool(lambda: r.choice(hosts), 28, 1.0)
        self.snmp_hosts = ["sw-core-01", "sw-core-02", "sw-acc-03", "sw-acc-07", "fw-edge-01", "ups-dc1-a",
                           "printer-3f-02"]
        self.items_ns = self.pool(self.gen_notsup, 45, 0.9)
        e("notsup", 'item "<@host>:<@key>" became not supported: <@reason>')
        e("sup", 'item "<@host>:<@key>" became supported')
        e("firsterr", '<@atype> item "<@key>" on host "<@host>" failed: first network error, wait for <@n> seconds')
        e("anothererr", '<@atype> item "<@key>" on host "<@host>" failed: another network error, wait for <@n> '
          'seconds')
        e("disabling", 'temporarily disabling <@atype> checks on host "<@host>": host unavailable')
        e("enabling", 'enabling <@atype> checks on host "<@host>": host became available')
        e("resuming", 'resuming <@atype> checks on host "<@host>": connection restored')
        e("activechecks", 'cannot send list of active checks to "<@ip>": <@err>')
        e("hk_exec", "executing housekeeper")
        e("hk_done", "housekeeper [deleted <@a> hist/trends, <@b> items/triggers, <@c> events, <@d> problems, "
          "<@e> sessions, <@f> alarms, <@g> audit items, <@h> autoreg_host, <@i> records in <@secs> sec, idle for "
          "<@hrs> hour(s)]")
        e("slowq", 'slow query: <@secs> sec, "<@sql>"')
        e("z3005", "[Z3005] query failed: [<@code>] <@err> [<@sql>]")
        e("z3001", "[Z3001] connection to database '<@db>' failed: [<@code>] <@err>")
        e("dbdown", "database is down: reconnecting in <@n> seconds")
        e("dbup", "database connection re-established")
        e("z3008", "[Z3008] query failed due to primary key constraint: [<@code>] <@err>")
        e("acceptfail", "failed to accept an incoming connection: from <@ip>: <@err>")
        e("proxycfg", 'sending configuration data to proxy "<@proxy>" at "<@ip>", datalen <@len>, bytes <@bytes> '
          'with compression ratio <@ratio>')
        e("valuecache", "value cache is fully used: please increase ValueCacheSize configuration parameter")
        # stop and start
        e("gotsig", "Got signal [signal:<@sig>(<@signame>),sender_pid:<@spid>,sender_uid:<@uid>,reason:<@reason>]. "
          "Exiting ...")
        e("synchist", "syncing history data...")
        e("synchist_pct", "syncing history data... <@pct>%")
        e("synchist_done", "syncing history data done")
        e("synctrend", "syncing trend data...")
        e("synctrend_done", "syncing trend data done")
        e("stopped", "Zabbix Server stopped. Zabbix <@ver> (revision <@rev>).")
        e("starting", "Starting Zabbix Server. Zabbix <@ver> (revision <@rev>).")
        e("feat_head", "****** Enabled features ******")
        for f in self.FEATURES:
            e("feat_" + f, "%-27s YES" % (f + ":"))
        e("feat_tail", "******************************")
        e("conffile", "using configuration file: <@path>")
        e("dbver", "current database version (mandatory/optional): <@mand>/<@opt>")
        e("reqver", "required mandatory version: <@mand>")
        e("main_started", "server #0 started [main process]")
        e("proc_started", "server #<@n> started [<@ptype> #<@k>]")

    # -- values ------------------------------------------------------------------------------
    def assign_pids(self, base):
        self.main_pid = base
        self.pids = {}
        self.order = []
        pid = base + 1
        for ptype, n in self.PROCS:
            for k in range(1, n + 1):
                pid += 1 if self.r.random() < 0.85 else 2
                self.pids[(ptype, k)] = pid
                self.order.append((ptype, k))

    def P(self, ptype, k=None, **kw):
        n = dict(self.PROCS)[ptype]
        kw["_pid"] = self.pids[(ptype, k or self.r.randint(1, n))]
        return kw

    def gen_notsup(self):
        r = self.r
        k = weighted(r, [("fs", 4), ("unsup", 3), ("type", 2), ("jsonp", 2), ("proc", 2), ("web", 1), ("zbx", 1),
                         ("log", 1), ("run", 1), ("snmp", 2)])
        if k == "fs":
            mnt = r.choice(["/mnt/backup", "/data/archive", "/var/lib/docker", "/srv/nfs/share", "/boot/efi"])
            return (self.hosts(), "vfs.fs.size[%s,pfree]" % mnt,
                    "Cannot obtain filesystem information: [2] No such file or directory")
        if k == "unsup":
            return (self.hosts(), r.choice(["system.hw.chassis[serial]", "mysql.ping[,]", "net.tcp.service[ldap]",
                                            "custom.queue.depth[orders]", "vm.memory.size[pused]"]),
                    "Unsupported item key.")
        if k == "type":
            return (self.hosts(), r.choice(["custom.app.version", "nginx.status[active]", "ups.battery.charge"]),
                    'Value of type "string" is not suitable for value type "Numeric (unsigned)". Value "N/A"')
        if k == "jsonp":
            return (self.hosts(), r.choice(["http.api.health", "es.cluster.status", "rabbitmq.queues"]),
                    'Cannot extract value from json by path "$.%s": no data matches the specified path'
                    % r.choice(["status", "data.queues[0].messages", "cluster.health"]))
        if k == "proc":
            p = r.choice(["nginx", "php-fpm", "java", "postgres"])
            return (self.hosts(), "proc.num[%s,,,]" % p, "Cannot evaluate function: item does not exist")
        if k == "web":
            return (self.hosts(), 'web.page.regexp[shop.acme-corp.example,/health,443,"Total: ([0-9]+)",,\\1]',
                    "Cannot connect to [[shop.acme-corp.example]:443]: [111] Connection refused")
        if k == "zbx":
            return ("Zabbix server", "zabbix[process,%s,avg,busy]" % r.choice(["vmware collector", "ipmi poller",
                                                                                "java poller", "snmp trapper"]),
                    "No \"%s\" processes started." % r.choice(["vmware collector", "ipmi poller", "java poller"]))
        if k == "log":
            return (self.hosts(), 'log[/var/log/app/application.log,"ERROR|FATAL",,100,skip]',
                    "Cannot open file \"/var/log/app/application.log\": [13] Permission denied")
        if k == "run":
            return (self.hosts(), "system.run[df -h / | tail -1]", "Remote commands are not enabled.")
        return (r.choice(self.snmp_hosts), "ifHCInOctets[%s]" % r.choice(["Gi0/1", "Gi0/24", "Te1/0/1", "Po1"]),
                "No Such Object available on this agent at this OID")

    # -- episodes ----------------------------------------------------------------------------
    def e_notsup(self):
        r = self.r
        host, key, reason = self.items_ns()
        items = [("notsup", self.P("preprocessing manager", host=host, key=key, reason=reason))]
        if r.random() < 0.35:
            self.later(r.randint(10, 300), [("sup", self.P("preprocessing manager", host=host, key=key))])
        return items

    def e_sup(self):
        host, key, _ = self.items_ns()
        return [("sup", self.P("preprocessing manager", host=host, key=key))]

    def e_unreach(self):
        r = self.r
        atype = weighted(r, [("Zabbix agent", 10), ("SNMP agent", 4), ("IPMI agent", 0.6), ("JMX agent", 0.5)])
        if atype == "SNMP agent":
            host = r.choice(self.snmp_hosts)
            key = r.choice(["sysUpTime.0", "ifHCInOctets[Gi0/1]", "ifOperStatus[Gi0/24]", "upsBatteryStatus.0"])
        elif atype == "IPMI agent":
            host, key = "db-0%d" % r.randint(1, 3), r.choice(["ipmi.fan1.speed", "ipmi.psu2.status"])
        elif atype == "JMX agent":
            host, key = "mq-0%d" % r.randint(1, 2), 'jmx["java.lang:type=Memory","HeapMemoryUsage.used"]'
        else:
            host = self.hosts()
            key = r.choice(["agent.ping", "system.cpu.load[all,avg1]", "vm.memory.size[available]",
                            "system.uptime", "net.if.in[\"eth0\"]", "vfs.fs.size[/,pfree]"])
        poller = "unreachable poller" if r.random() < 0.3 else "poller"
        items = [("firsterr", self.P(poller, atype=atype, key=key, host=host, n="15"))]
        if r.random() < 0.45:
            self.later(r.randint(2, 20), [("resuming", self.P("poller", atype=atype, host=host))])
            return items
        nxt = [("anothererr", self.P("unreachable poller", atype=atype, key=key, host=host, n="15"))
               for _ in range(r.randint(1, 3))]
        nxt.append(("disabling", self.P("unreachable poller", atype=atype, host=host)))
        self.later(r.randint(2, 12), nxt)
        self.later(r.randint(40, 400), [("enabling", self.P("unreachable poller", atype=atype, host=host))])
        return items

    def e_active(self):
        r = self.r
        host = r.choice(["web-13", "app-09", "old-build-02", "test-vm-17", "web-04", "db-02"])
        if host in ("web-04", "db-02"):
            err = "host [%s] not monitored" % host
        else:
            err = "host [%s] not found" % host
        ip = "10.60.%d.%d" % (r.randint(1, 9), r.randint(2, 250))
        return [("activechecks", self.P("trapper", ip=ip, err=err))]

    def e_housekeeper(self):
        r = self.r
        return [("hk_exec", self.P("housekeeper")),
                ("hk_done", self.P("housekeeper", a=str(r.randint(0, 900000)), b="0", c=str(r.randint(0, 3000)),
                                   d=str(r.randint(0, 3000)), e=str(r.randint(0, 40)), f=str(r.randint(0, 200)),
                                   g=str(r.randint(0, 500)), h="0", i="0", secs="%.6f" % r.lognormvariate(1.0, 1.0),
                                   hrs="1", _gap=r.uniform(1, 30)))]

    def slow_sql(self):
        r = self.r
        return weighted(r, [
            ("delete from history where itemid=%d and clock<%d" % (r.randint(20000, 90000), 1708700000 +
                                                                   r.randint(0, 10 ** 6)), 3),
            ("select clock,ns,value from history_uint where itemid=%d and clock>%d and clock<=%d"
             % (r.randint(20000, 90000), 1709200000, 1709280000), 4),
            ("update items set lastlogsize=%d,mtime=0 where itemid=%d;\\n" % (r.randint(10 ** 5, 10 ** 8),
                                                                             r.randint(20000, 90000)), 1),
            ("select i.itemid,i.hostid,i.status,i.type,i.value_type,i.key_ from items i,hosts h where "
             "i.hostid=h.hostid and h.status in (0,1) and i.flags<>2", 2),
            ("insert into history_uint (itemid,clock,ns,value) values (%d,%d,%d,%d),(%d,%d,%d,%d);\\n"
             % (r.randint(20000, 90000), 1709280000 + r.randint(0, 999), r.randint(0, 999999999),
                r.randint(0, 10 ** 9), r.randint(20000, 90000), 1709280000 + r.randint(0, 999),
                r.randint(0, 999999999), r.randint(0, 10 ** 9)), 2)])

    def e_slow(self):
        r = self.r
        ptype = weighted(r, [("history syncer", 6), ("housekeeper", 2), ("configuration syncer", 1)])
        return [("slowq", self.P(ptype, secs="%.6f" % r.uniform(3.0, 60.0), sql=self.slow_sql()))]

    def e_accept(self):
        r = self.r
        ip = weighted(r, [("10.60.250.17", 6), ("10.60.250.18", 3), (self.pub_ip(), 1)])
        err = weighted(r, [("reading first byte from connection failed: [104] Connection reset by peer", 5),
                           ('connection of type "unencrypted" is not allowed for host "%s"' % self.hosts(), 2),
                           ("TLS handshake returned error code 1: file ssl/record/ssl3_record.c line 354: "
                            "error:1408F10B:SSL routines:ssl3_get_record:wrong version number: TLS write fatal alert "
                            "\"protocol version\"", 1)])
        return [("acceptfail", self.P("trapper", ip=ip, err=err))]

    def e_proxycfg(self):
        r = self.r
        proxy, ip = r.choice([("proxy-dc2", "10.61.0.40"), ("proxy-branch-lyon", "10.62.3.5"),
                              ("proxy-dmz", "172.20.0.10")])
        ln = r.randint(40000, 900000)
        b = int(ln / r.uniform(4, 9))
        return [("proxycfg", self.P("proxy poller", proxy=proxy, ip=ip, len=str(ln), bytes=str(b),
                                    ratio="%.1f" % (ln / float(b))))]

    def e_deadlock(self):
        r = self.r
        return [("z3005", self.P("history syncer", code="1213",
                                 err="Deadlock found when trying to get lock; try restarting transaction",
                                 sql="update item_rtdata set lastlogsize=%d,mtime=0 where itemid=%d;\\n"
                                     % (r.randint(10 ** 5, 10 ** 8), r.randint(20000, 90000))))]

    def e_dup(self):
        r = self.r
        return [("z3008", self.P("history syncer", code="1062",
                                 err="Duplicate entry '%d-%d' for key 'PRIMARY'" % (r.randint(20000, 90000),
                                                                                   1709280000 + r.randint(0, 10 ** 5))))]

    def e_dbdown(self):
        r = self.r
        err = "Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"
        procs = [("history syncer", k) for k in range(1, 5)] + [("configuration syncer", 1), ("housekeeper", 1),
                                                                  ("timer", 1), ("escalator", 1), ("trapper", 2)]
        r.shuffle(procs)
        items = []
        for ptype, k in procs:
            items.append(("z3001", self.P(ptype, k, db="zabbix", code="2002", err=err)))
            items.append(("dbdown", self.P(ptype, k, n="10")))
        back = [("dbup", self.P(ptype, k, _gap=r.uniform(0, 2))) for ptype, k in procs]
        self.later(r.randint(6, 20), back)
        return items

    def e_valuecache(self):
        return [("valuecache", self.P("history syncer"))]

    def e_restart(self):
        r = self.r
        m = {"_pid": self.main_pid}
        items = [("gotsig", dict(m, sig="15", signame="SIGTERM", spid="1", uid="0", reason="0"))]
        hs = self.P("history syncer", 1)
        items += [("synchist", hs), ("synchist_pct", dict(hs, pct="100.000000")), ("synchist_done", hs),
                  ("synctrend", hs), ("synctrend_done", hs), ("stopped", dict(m, ver="6.0.25", rev="5f1d2b9ae4d"))]
        self.assign_pids(self.main_pid + r.randint(800, 3000))
        m = {"_pid": self.main_pid}
        boot = [("starting", dict(m, ver="6.0.25", rev="5f1d2b9ae4d", _gap=r.uniform(5, 20))),
                ("feat_head", m)]
        boot += [("feat_" + f, m) for f in self.FEATURES]
        boot += [("feat_tail", m), ("conffile", dict(m, path="/etc/zabbix/zabbix_server.conf")),
                 ("dbver", dict(m, mand="06000000", opt="06000020")), ("reqver", dict(m, mand="06000000")),
                 ("main_started", m)]
        for i, (ptype, k) in enumerate(self.order, 1):
            boot.append(("proc_started", dict(self.P(ptype, k), n=str(i), ptype=ptype, k=str(k))))
        return items + boot

    def fixed_episodes(self):
        return [(1, self.e_restart, 0.35), (1, self.e_dbdown, 0.7), (1, self.e_dup), (1, self.e_dup),
                (1, self.e_valuecache), (1, self.e_deadlock), (1, self.e_sup)]

    def weighted_episodes(self):
        return [(22, self.e_notsup), (4, self.e_sup), (10, self.e_unreach), (8, self.e_active),
                (3, self.e_housekeeper), (10, self.e_slow), (7, self.e_accept), (5, self.e_proxycfg),
                (0.8, self.e_deadlock)]

    def render(self, t, ev, vals, content):
        # written unpadded here; generate() pads the pid to 6 columns as "%6d" does
        return "%d:%s:%s.%03d %s" % (vals["_pid"], t.strftime("%Y%m%d"), t.strftime("%H%M%S"),
                                     t.microsecond // 1000, content)

    def generate(self, out_dir):
        out = super().generate(out_dir)
        path = os.path.join(out_dir, self.name, "%s_2k.log" % self.name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for line in lines[:-1]:
                pid, rest = line.split(":", 1)
                f.write("%6s:%s\n" % (pid, rest))
        return out


SYSTEMS = [Cassandra, Kafka, Redis, Jenkins, Dockerd, Zabbix]


def summary(s, used):
    counts = sorted(used.values(), reverse=True)
    rare = sum(1 for c in counts if c <= 3)
    return "%-10s %d lines, %d templates (top 3 cover %d lines; %d seen 1-3 times)" % (
        s.name, s.n_lines, len(s.events), sum(counts[:3]), rare)


if __name__ == "__main__":
    sys.exit(loghub_corpus.main(sys.argv, SYSTEMS, summary))
