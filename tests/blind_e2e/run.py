#!/usr/bin/env python3
"""Blind end-to-end suite: cluster identity across runs and the one-issue-per-cluster promise.

Written blind: from /tmp/issue3.md (item 3), README.md, docs/*.md, pipelines/*.toml,
../shared/docs/design.md (section 7) and ../shared/docs/protocols.md (GitHub) only, plus the
blind GitHub fake in tests/blind_fakes/github_slack (imported by path).  Nothing under
plugins/ or framework/ was read.

Usage:  python3 tests/blind_e2e/run.py PATH/TO/log-gardener [-v] [-k NAME]

Every scenario runs the real binary in a fresh temporary directory with a cleaned environment,
explicit --state files and explicit --since/--until windows, against its own fake GitHub on
127.0.0.1.  One line per check, `PASS|FAIL|SKIP <id> <title>`, then an evidence line.
Checks marked [uncertain] rest on this tester's judgement where the docs are silent; the others
quote the sentence they rest on.  Exit status 1 if any check fails.
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
FAKE_PATH = os.path.normpath(os.path.join(HERE, "..", "blind_fakes", "github_slack", "fake_github.py"))
_spec = importlib.util.spec_from_file_location("blind_fake_github", FAKE_PATH)
fg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fg)

REPO = "acme/app"
TOKEN = "ghp_faketoken_good"
RUN_TIMEOUT = 60          # seconds per log-gardener invocation
SUITE_DEADLINE = 85       # seconds for the whole suite; later scenarios are SKIPped past it
DAY = "2025-01-01"

BIN = None
VERBOSE = False
RESULTS = []              # (status, id, title, evidence)
T0 = time.time()


# ----------------------------------------------------------------------------- reporting
# Known limitations, documented and left as they are (README.md, "First run and what it found"):
# they report XFAIL and do not fail the suite; one that starts to pass reports XPASS.
KNOWN_LIMITATIONS = {
    "lost.new_value": "docs/github.md: a lost state loses the learned templates",
    "rule.takeover_linked": "docs/rules.md: the drain cluster a rule takes over goes quiet",
}


def check(cid, title, ok, evidence, cite="", uncertain=False):
    status = "PASS" if ok else "FAIL"
    if cid in KNOWN_LIMITATIONS:
        status = "XPASS" if ok else "XFAIL"
        evidence = "%s | known limitation: %s" % (evidence, KNOWN_LIMITATIONS[cid])
    if uncertain:
        title += " [uncertain]"
    RESULTS.append((status, cid, title))
    print("%s %s %s" % (status, cid, title))
    ev = evidence if not cite else "%s | expects: %s" % (evidence, cite)
    print("    evidence: %s" % ev.replace("\n", " "))
    sys.stdout.flush()


def skip(cid, title, why):
    RESULTS.append(("SKIP", cid, title))
    print("SKIP %s %s" % (cid, title))
    print("    evidence: %s" % why)
    sys.stdout.flush()


# ----------------------------------------------------------------------------- harness
def hour(h, m=0, s=0):
    return "%sT%02d:%02d:%02dZ" % (DAY, h, m, s)


def clean_env(tmp):
    drop = ("GARDENER_", "GITHUB", "GH_", "GOOGLE", "SLACK", "XDG_", "CLOUDSDK", "GCE_METADATA")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    for k in list(env):
        if k.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
            del env[k]
    env["HOME"] = tmp
    env["XDG_STATE_HOME"] = os.path.join(tmp, "xdg-state")
    env["XDG_CACHE_HOME"] = os.path.join(tmp, "xdg-cache")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "xdg-config")
    env["GARDENER_CACHE_DIR"] = os.path.join(tmp, "pattern-cache")
    env["GARDENER_GITHUB_TOKEN"] = TOKEN
    env["GITHUB_API_URL"] = "http://127.0.0.1:9"   # a fallback to it would fail visibly
    if "LD_LIBRARY_PATH" not in env:
        fw = os.path.join(os.path.dirname(os.path.abspath(BIN)), "framework")
        if os.path.isdir(fw):
            env["LD_LIBRARY_PATH"] = fw
    return env


PIPELINE = """\
[pipeline]
name = "{name}"

[sources.file]
type = "file"
path = "{log}"
format = "jsonl"
{src_extra}

[transforms.template]
type = "template"
inputs = ["file"]
{tpl_extra}
{rules}
[clusterers.drain]
type = "drain"
inputs = ["{drain_in}"]
{drain_extra}

[sinks.issues]
type = "github_issues"
inputs = ["drain"]
repo = "{repo}"
api_url = "{api}"
mutation_interval = "20ms"
timeout = "5s"
max_attempts = 2
max_rate_limit_wait = "2s"
{gh_extra}

[sinks.json]
type = "json"
inputs = ["issues"]
path = "report.json"

[sinks.worklog]
type = "markdown"
inputs = ["json"]
path = "worklog.md"
"""


class Run:
    def __init__(self, rc, report, stdout, stderr, window):
        self.rc, self.report, self.stdout, self.stderr, self.window = rc, report, stdout, stderr, window

    def clusters(self):
        return (self.report or {}).get("clusters", [])

    def ids(self):
        return sorted(c["id"] for c in self.clusters())

    def by_template(self, needle):
        return [c for c in self.clusters() if needle in (c.get("template") or c.get("title") or "")]

    def one(self, needle):
        cs = self.by_template(needle)
        return cs[0] if len(cs) == 1 else None


class Scenario:
    """A temporary directory, a fake GitHub of its own, a JSON-lines log and pipelines."""

    def __init__(self, name):
        self.name = name
        self.tmp = tempfile.mkdtemp(prefix="lg-blind-e2e-%s-" % name)
        self.fake = fg.FakeGitHub().start()
        self.fake.repo(REPO)
        self.runs = []
        self.log = "log.jsonl"
        self.errors = []

    def close(self):
        try:
            self.fake.stop()
        except Exception:
            pass
        if not VERBOSE:
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            print("    (kept %s)" % self.tmp)

    # -- input
    def write_log(self, entries, name=None):
        """entries: (timestamp, severity, message); JSON lines with textPayload (LogEntry form)."""
        path = os.path.join(self.tmp, name or self.log)
        with open(path, "w") as f:
            for n, (ts, sev, msg) in enumerate(entries):
                f.write(json.dumps({"timestamp": ts, "severity": sev, "textPayload": msg,
                                    "insertId": "e%06d" % n,
                                    "resource": {"type": "generic_task", "labels": {}}}) + "\n")

    def pipeline(self, fname="p", name="svc", src_extra="", tpl_extra="", drain_extra="", gh_extra="",
                 rules_file=None):
        rules = ""
        drain_in = "template"
        if rules_file:
            rules = ('\n[clusterers.rules]\ntype = "regex_rules"\ninputs = ["template"]\n'
                     'rules = ["%s"]\n' % rules_file)
            drain_in = "rules"
        text = PIPELINE.format(name=name, log=self.log, src_extra=src_extra, tpl_extra=tpl_extra,
                               drain_extra=drain_extra, gh_extra=gh_extra, repo=REPO,
                               api=self.fake.base_url, rules=rules, drain_in=drain_in)
        path = os.path.join(self.tmp, fname + ".toml")
        with open(path, "w") as f:
            f.write(text)
        return path

    def run(self, pipe, since, until, state="state.db", plan=False):
        rp = os.path.join(self.tmp, "report.json")
        if os.path.exists(rp):
            os.remove(rp)
        cmd = [BIN, "run", pipe, "--since", since, "--until", until, "--state", os.path.join(self.tmp, state)]
        if plan:
            cmd.append("--plan")
        try:
            p = subprocess.run(cmd, env=clean_env(self.tmp), cwd=self.tmp, capture_output=True, text=True,
                               timeout=RUN_TIMEOUT)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = "timeout", e.stdout or "", e.stderr or ""
        rep = None
        if os.path.exists(rp):
            try:
                with open(rp) as f:
                    rep = json.load(f)
            except ValueError:
                rep = None
        r = Run(rc, rep, out, err, (since, until))
        if rc != 0:
            self.errors.append("run %s..%s%s exit %s: %s" % (since, until, " --plan" if plan else "", rc,
                                                             (err or "").strip()[-300:]))
        if VERBOSE:
            print("    [run %s %s..%s rc=%s]\n%s" % (os.path.basename(pipe), since, until, rc, err[-1500:]))
        self.runs.append(r)
        return r

    def delete_state(self, state="state.db"):
        for f in os.listdir(self.tmp):
            if f == state or f.startswith(state + "-") or f.startswith(state + "."):
                os.remove(os.path.join(self.tmp, f))

    # -- the fake's view
    def issues(self):
        return self.fake.issues(REPO)

    def comments(self, number):
        return self.fake.comments_of(REPO, number)

    def n_comments(self):
        return sum(len(self.comments(i["number"])) for i in self.issues())

    def marker(self, issue):
        m = re.findall(r"<!-- log-gardener:fp=([^;]*);v=1 -->", issue.get("body") or "")
        return m[-1] if m else None

    def issue_by_fp(self, fp):
        return [i for i in self.issues() if self.marker(i) == fp]

    def summary(self):
        return "; ".join("#%d[%s] fp=%s %r c=%d" % (i["number"], i["state"], self.marker(i), i["title"][:60],
                                                    len(self.comments(i["number"]))) for i in self.issues())

    def worklog(self):
        try:
            with open(os.path.join(self.tmp, "worklog.md")) as f:
                return f.read()
        except OSError:
            return ""

    def runs_ok(self, cid):
        check(cid, "every run of the scenario exits 0", not self.errors,
              "; ".join(self.errors) or "%d runs, all exit 0" % len(self.runs),
              "README: exit 0 ok, 3 a sink failed")


def cinfo(c):
    if not c:
        return "none"
    iss = c.get("issue") or {}
    return "%s %r aliases=%s issue=#%s/%s status=%s" % (c["id"], c.get("template") or c.get("title"),
                                                       c.get("aliases"), iss.get("number"), iss.get("action"),
                                                       c.get("status"))


# ----------------------------------------------------------------------------- scenarios
USERS = ["bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivan", "judy", "kim"]
LOGIN = "Login failed for user %s from portal"


def sc_generalise():
    """1. A word turns variable in a later run: one issue, the alias carries it."""
    s = Scenario("generalise")
    try:
        ents = [(hour(0, i), "ERROR", LOGIN % "alice") for i in range(3)]
        ents += [(hour(1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:7])]
        # hour 2: nothing (a quiet window)
        ents += [(hour(3, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[5:] + ["alice"])]
        ents += [(hour(4, 0), "ERROR", LOGIN % "alice")]
        s.write_log(ents)
        p = s.pipeline()
        r1 = s.run(p, hour(0), hour(1))
        c1 = r1.one("Login failed")
        n1 = len(s.issues())
        check("gen.run1.one_issue", "run 1 (one user name) files exactly one issue, marker = cluster id",
              n1 == 1 and c1 is not None and s.marker(s.issues()[0]) == c1["id"],
              "issues: %s; cluster %s" % (s.summary(), cinfo(c1)),
              "github.md: one GitHub issue per cluster, found by its fingerprint")
        r2 = s.run(p, hour(1), hour(2))
        c2 = r2.one("Login failed")
        iss = s.issues()
        check("gen.run2.no_second_issue", "run 2 (many user names, template generalises) files no second issue",
              len(iss) == 1, "issues after run 2: %s; cluster %s" % (s.summary(), cinfo(c2)),
              "design.md §7: 'the state keeps an alias from the old id to the new one, so the GitHub issue follows'")
        check("gen.run2.alias", "the generalised cluster lists the old id in `aliases` and reports issue #1",
              bool(c2 and c1 and c1["id"] in (c2.get("aliases") or []) and (c2.get("issue") or {}).get("number") == 1),
              cinfo(c2), "report-schema.md: aliases = 'Older ids this cluster replaced (its issue follows)'")
        check("gen.run2.marker_rewritten", "the issue's marker now carries the new id",
              bool(c2 and iss and s.marker(iss[0]) == c2["id"]),
              "marker=%s new id=%s" % (s.marker(iss[0]) if iss else None, c2 and c2["id"]),
              "github.md: 'the marker is rewritten to the new id'")
        check("gen.run2.no_comment_without_news", "run 2 follows directly (no quiet window, no 3x spike): no comment",
              s.n_comments() == 0, "comments=%d; history=%s count=%s" % (s.n_comments(), c2 and c2.get("history"),
                                                                      c2 and c2.get("count")),
              "github.md: 'Comments are for news only'")
        check("gen.run2.history_follows_alias", "the new id inherits the old id's history ([3])",
              bool(c2 and c2.get("history") == [3]), "history=%s status=%s" % (c2 and c2.get("history"),
                                                                            c2 and c2.get("status")),
              "design.md §7 alias; worklog.md Trends (status recurring, not new)", uncertain=True)
        title_now = iss[0]["title"] if iss else ""
        check("gen.run2.title_follows_template", "the untouched issue title follows the generalised template",
              bool(c2 and title_now == c2.get("title")),
              "issue title=%r cluster title=%r" % (title_now, c2 and c2.get("title")),
              "github.md: 'A title is changed only if it still equals the one the gardener set last' "
              "(implies an untouched title is kept current)", uncertain=True)
        s.run(p, hour(2), hour(3))
        r4 = s.run(p, hour(3), hour(4))
        c4 = r4.one("Login failed")
        iss = s.issues()
        cm = s.comments(1) if iss else []
        check("gen.run4.recurrence_comment", "back after a quiet window: one comment on #1, still one issue",
              len(iss) == 1 and len(cm) == 1, "issues: %s; #1 comments: %s" % (s.summary(),
                                                                             [c["body"][:80] for c in cm]),
              "github.md: comment when 'the cluster came back after at least one window without it'")
        r5 = s.run(p, hour(4), hour(5))
        c5 = r5.one("Login failed")
        check("gen.run5.old_line_same_id", "the original line `alice` alone in run 5 gets the generalised id, no new issue",
              bool(c5 and c2 and c5["id"] == c2["id"] and len(s.issues()) == 1),
              "run5 %s; issues: %s" % (cinfo(c5), s.summary()),
              "issue 3 item 3: 'the next run over new logs assigns the same lines to the same ids'")
        s.runs_ok("gen.runs_ok")
    finally:
        s.close()


STATE = "Worker pool changed state %s after check"


def sc_enumeration():
    """2. An enumeration that grows, then stops being one."""
    s = Scenario("enum")
    try:
        ents = [(hour(0, i), "ERROR", STATE % "Started") for i in range(4)]
        ents += [(hour(1, i), "ERROR", STATE % v) for i, v in enumerate(["Started", "Stopped"] * 3)]
        ents += [(hour(2, i), "ERROR", STATE % "Started") for i in range(2)]
        vals = ["Started", "Stopped", "Paused", "Draining", "Resumed", "Failed", "Killed", "re-init"]
        ents += [(hour(3, i), "ERROR", STATE % v) for i, v in enumerate(vals)]
        ents += [(hour(4, 0), "ERROR", STATE % "Started")]
        s.write_log(ents)
        p = s.pipeline()
        r1 = s.run(p, hour(0), hour(1))
        started = r1.one("state Started")
        r2 = s.run(p, hour(1), hour(2))
        st2, sp2 = r2.one("state Started"), r2.one("state Stopped")
        check("enum.run2.started_keeps_id", "`Started` keeps its id when `Stopped` appears (enum split)",
              bool(started and st2 and st2["id"] == started["id"]),
              "run1 %s | run2 %s | %s" % (cinfo(started), cinfo(st2), cinfo(sp2)),
              "clustering.md §3: 'the same template gets the same id in every run and in every order'")
        check("enum.run2.one_issue_per_value", "run 2: two issues, one per enumeration value, Started's is #1",
              len(s.issues()) == 2 and bool(st2 and (st2.get("issue") or {}).get("number") == 1),
              s.summary(), "clustering.md §3: enum split keeps 'Messages ... apart per combination of those values'")
        r3 = s.run(p, hour(2), hour(3))
        st3 = r3.one("state Started")
        check("enum.run3.restored_same_id", "`Started` alone in run 3: same id, no new issue",
              bool(st3 and started and st3["id"] == started["id"]) and len(s.issues()) == 2,
              "run3 %s; %s" % (cinfo(st3), s.summary()),
              "issue 3 item 3: 'the next run over new logs assigns the same lines to the same ids'")
        r4 = s.run(p, hour(3), hour(4))
        gen = r4.by_template("state <*>")
        g = gen[0] if len(gen) == 1 else None
        al = set((g or {}).get("aliases") or [])
        old = {started["id"] if started else None, sp2["id"] if sp2 else None}
        check("enum.run4.generalised_no_new_issue", "8 values (one with punctuation): one `state <*>` cluster, no new issue",
              bool(g) and len(r4.clusters()) == 1 and len(s.issues()) == 2,
              "run4 clusters: %s; issues: %s" % ([cinfo(c) for c in r4.clusters()], s.summary()),
              "clustering.md §3 (≤ enum_max_values=4 plain words; 'auth-service' names something) + design.md §7 alias")
        check("enum.run4.aliases_both_values", "the merged cluster lists both old value ids as aliases",
              bool(g) and old <= al, "aliases=%s old=%s" % (sorted(al), sorted(x for x in old if x)),
              "clustering.md §4: 'When a template generalises, the previous id gets an alias'")
        gnum = ((g or {}).get("issue") or {}).get("number")
        orphans = [i for i in s.issues() if i["state"] == "open" and i["number"] != gnum
                   and s.marker(i) in al]
        check("enum.run4.no_orphan_issue", "no aliased issue left open and untracked after the merge",
              bool(g) and not orphans,
              "cluster follows #%s; open issues still carrying an alias marker, never updated again: %s" %
              (gnum, ["#%d fp=%s" % (i["number"], s.marker(i)) for i in orphans]),
              "README: 'keeps exactly one GitHub issue per cluster' (docs silent on which alias wins)",
              uncertain=True)
        r5 = s.run(p, hour(4), hour(5))
        c5 = r5.clusters()
        check("enum.run5.restored_generalised", "`Started` alone after the merge: the merged id, no new issue",
              bool(g) and len(c5) == 1 and c5[0]["id"] == g["id"] and len(s.issues()) == 2,
              "run5 %s; %s" % ([cinfo(c) for c in c5], s.summary()),
              "clustering.md §3: 'A restored tree ... so a run starts with the ids the last one ended with'")
        s.runs_ok("enum.runs_ok")
    finally:
        s.close()

    # names told by evidence across events, restored
    s = Scenario("names")
    try:
        U = ["root", "deploy", "admin"]
        A, B = "Disk quota warning raised by %s today", "Session closed cleanly by %s now"
        ents = [(hour(0, i), "ERROR", m) for i, m in enumerate([A % u for u in U] * 2 + [B % u for u in U] * 2)]
        ents += [(hour(1, 0), "ERROR", A % "root")]
        s.write_log(ents)
        p = s.pipeline()
        r1 = s.run(p, hour(0), hour(1))
        r2 = s.run(p, hour(1), hour(2))
        a1, a2 = r1.one("Disk quota"), r2.one("Disk quota")
        check("enum.names_restored", "a word shared by other events stays a name in the next run (same id, no issue)",
              bool(a1 and a2 and a1["id"] == a2["id"] and "<*>" in a1["template"]) and len(s.issues()) == 2,
              "run1 %s | run2 %s | %s" % (cinfo(a1), cinfo(a2), s.summary()),
              "clustering.md §3: 'A restored tree finds these words when it loads'")
        s.runs_ok("enum.names.runs_ok")
    finally:
        s.close()


WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
CMDS = ["backup", "run-parts /etc/cron.hourly", "sh -c sync now", "test -x /usr/sbin/anacron"]


def mixed(h, n):
    out = []
    for i in range(n):
        ts = "%sT%02d:%02d:%02d.%03dZ" % (DAY, h, (i * 4) // 60, (i * 4) % 60, i % 1000)
        k, j = i % 8, i // 8
        m = [
            "Connection to 10.0.%d.%d:5432 timed out after %dms" % (j % 250, j % 7, 100 + j),
            LOGIN % USERS[j % 10],
            STATE % ["Started", "Stopped", "Paused"][j % 3],
            "Subsystem %s reported unexpected failure code during startup sequence %d" % (WORDS[j % 10], j),
            "cron job (root) CMD (%s) exited with status" % CMDS[j % 4],
            "Disk /dev/sda%d is %d%% full on node-%d" % (j % 3, 50 + j % 40, j % 5),
            "Request %08x failed with status %d" % (j * 7919, [500, 502, 503][j % 3]),
            "Payment provider returned error code E%d for order %d" % (j % 4, 10000 + j),
        ][k]
        out.append((ts, ["ERROR", "WARNING", "CRITICAL"][i % 3], m))
    return out


def sc_determinism():
    """3. Same input: other windows, batch sizes, threads, cache, order."""
    data = mixed(0, 400) + mixed(1, 400)

    def go(label, windows, rev=False, **kw):
        s = Scenario("det-" + label)
        try:
            s.write_log(data[::-1] if rev else data)
            p = s.pipeline(**kw)
            rs = [s.run(p, a, b) for a, b in windows]
            allids = sorted(set(i for r in rs for i in r.ids()))
            last = rs[-1]
            cl = sorted(((c["id"], c["template"], c["count"]) for c in last.clusters()))
            strip = []
            for c in last.clusters():
                c = dict(c)
                c.pop("issue", None)
                strip.append(c)
            iss = sorted((i["title"], s.marker(i)) for i in s.issues())
            return dict(ids=allids, cl=cl, issues=iss, errors=list(s.errors), lastids=last.ids(),
                        clusters_json=json.dumps(strip, sort_keys=True))
        finally:
            s.close()

    W1 = [(hour(0), hour(2))]
    W2 = [(hour(0), hour(1)), (hour(1), hour(2))]
    WT = [(hour(0), hour(1, 26)), (hour(1, 26), hour(2))]
    a = go("base", W1)
    check("det.base_runs_ok", "baseline run exits 0 and finds the 10 expected clusters",
          not a["errors"] and len(a["cl"]) == 10, "errors=%s clusters=%d" % (a["errors"], len(a["cl"])),
          "README exit codes")
    t = go("threads2", W1, drain_extra="threads = 2", tpl_extra="threads = 2")
    check("det.threads", "threads = 2 (template and drain): identical clusters and issues",
          t["clusters_json"] == a["clusters_json"] and t["issues"] == a["issues"],
          "same clusters JSON: %s; same issues: %s" % (t["clusters_json"] == a["clusters_json"],
                                                      t["issues"] == a["issues"]),
          "clustering.md §4: 'the result is byte-identical to one thread'")
    c0 = go("cache0", W1, tpl_extra="cache_entries = 0")
    check("det.mask_cache", "template cache_entries = 0: identical clusters and issues",
          c0["clusters_json"] == a["clusters_json"] and c0["issues"] == a["issues"],
          "same clusters JSON: %s" % (c0["clusters_json"] == a["clusters_json"]),
          "clustering.md §6: 'The masker's cache changes no output'")
    b = go("batch7", W1, src_extra="batch_size = 7")
    check("det.batch_size", "batch_size = 7 (no eviction): same ids, counts and issues",
          b["cl"] == a["cl"] and b["issues"] == a["issues"],
          "diff ids: %s" % sorted(set(x[0] for x in b["cl"]) ^ set(x[0] for x in a["cl"])),
          "issue 3 item 3 ('same input and config give byte-identical output'); batch size not named",
          uncertain=True)
    rv = go("reversed", W1, rev=True)
    check("det.file_order", "the same lines in reverse file order: same ids and issues",
          rv["ids"] == a["ids"] and rv["issues"] == a["issues"],
          "diff ids: %s" % sorted(set(rv["ids"]) ^ set(a["ids"])),
          "clustering.md §3: 'the same template gets the same id in every run and in every order'")
    w2 = go("two-windows", W2)
    check("det.two_windows", "two 1 h windows instead of one 2 h window: same ids, same issues",
          w2["ids"] == a["ids"] and w2["issues"] == a["issues"] and not w2["errors"],
          "diff ids: %s; issues %d vs %d" % (sorted(set(w2["ids"]) ^ set(a["ids"])), len(w2["issues"]),
                                            len(a["issues"])),
          "issue 3 item 3: 'the next run over new logs assigns the same lines to the same ids'")
    wt = go("tail-window", WT)
    extra = sorted(set(wt["lastids"]) - set(a["ids"]))
    check("det.tail_window_ids", "split at 01:26 (a short second window): its lines keep the one-window ids",
          not extra and not wt["errors"],
          "ids in the short window not in the one-window run: %s" % extra,
          "issue 3 item 3: 'the next run over new logs assigns the same lines to the same ids'")
    check("det.tail_window_issues", "split at 01:26: the same issues (count and titles), no duplicate",
          sorted(t for t, _ in wt["issues"]) == sorted(t for t, _ in a["issues"]),
          "issues %d vs %d; markers only in the split run (its issues now follow other ids): %s" % (
              len(wt["issues"]), len(a["issues"]), sorted(set(m for _, m in wt["issues"]) - set(m for _, m in a["issues"]))),
          "README/design §1: exactly one issue per cluster, 'never file a duplicate'")


def sc_eviction():
    """4. max_clusters: an evicted cluster returning in a later run."""
    filler = [(hour(0, 10, i), "ERROR", "Subsystem %s reported unexpected failure code during startup sequence %d" % (w, i))
              for i, w in enumerate(WORDS)]
    filler += [(hour(0, 20, i), "ERROR", "%s %s %s went wrong" % (w, w, w)) for i, w in enumerate(WORDS)]
    quota = "Quota exceeded while saving blob to archive store now"
    s = Scenario("evict")
    try:
        ents = [(hour(0, 0, i), "ERROR", quota) for i in range(3)]
        ents += [(hour(0, 1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:7])]
        ents += filler
        ents += [(hour(1, 0, i), "ERROR", quota) for i in range(2)]
        ents += [(hour(2, 0, i), "ERROR", LOGIN % "zed") for i in range(2)]
        s.write_log(ents)
        p = s.pipeline(drain_extra="max_clusters = 3", src_extra="batch_size = 4")
        r1 = s.run(p, hour(0), hour(1))
        q1, l1 = r1.one("Quota exceeded"), r1.one("Login failed")
        n1 = len(s.issues())
        check("evict.coverage", "with evictions every line is still counted",
              bool(r1.report) and r1.report.get("coverage_holds") is True and
              r1.report.get("lines_clustered") == r1.report.get("lines_read"),
              "lines_read=%s clustered=%s" % ((r1.report or {}).get("lines_read"), (r1.report or {}).get("lines_clustered")),
              "design.md §6: 'a cluster evicted by an LRU keeps its count in the Report'")
        r2 = s.run(p, hour(1), hour(2))
        q2 = r2.one("Quota exceeded")
        check("evict.exact_template_returns", "an evicted literal template returns: same id, issue reused",
              bool(q1 and q2 and q1["id"] == q2["id"]) and len(s.issues()) == n1,
              "run1 %s | run2 %s | issues %d -> %d" % (cinfo(q1), cinfo(q2), n1, len(s.issues())),
              "clustering.md §3: 'the same template gets the same id in every run'")
        r3 = s.run(p, hour(2), hour(3))
        l3 = r3.one("Login failed")
        new = [i for i in s.issues() if "zed" in i["title"] or (l3 and s.marker(i) == l3["id"] and l1 and l3["id"] != l1["id"])]
        check("evict.generalised_returns", "an evicted generalised template (`user <*>`) returns with a new user: no second issue",
              bool(l1 and l3 and l3["id"] == l1["id"]) and not new,
              "run1 %s | run3 %s | issues now %d, new: %s" % (cinfo(l1), cinfo(l3), len(s.issues()),
                                                           ["#%d %r" % (i["number"], i["title"]) for i in new]),
              "issue 3 item 3 'the next run ... assigns the same lines to the same ids'; README 'exactly one "
              "GitHub issue per cluster' (clustering.md §4 only says the evicted group is freed)")
        s.runs_ok("evict.runs_ok")
    finally:
        s.close()

    # eviction does not depend on the thread count
    def go(th):
        s = Scenario("evict-t%d" % th)
        try:
            ents = []
            for i in range(600):
                w, k = WORDS[i % 10], (i // 10) % 6
                m = ["Subsystem %s reported unexpected failure code during startup sequence %d" % (w, i),
                     "%s %s %s went wrong" % (w, w, w), LOGIN % w,
                     "Queue %s overflowed at depth %d" % (w, i), "Cache node %s lost quorum after %d ms" % (w, i),
                     "Widget %s %s broken" % (w, k)][k]
                ents.append(("%sT00:%02d:%02d.%03dZ" % (DAY, i // 60 % 60, i % 60, i), "ERROR", m))
            s.write_log(ents)
            p = s.pipeline(drain_extra="max_clusters = 4\nthreads = %d" % th, tpl_extra="threads = %d" % th,
                           src_extra="batch_size = 300", gh_extra="max_new_issues = 0")
            r = s.run(p, hour(0), hour(1))
            return sorted((c["id"], c["count"]) for c in r.clusters()), s.errors
        finally:
            s.close()
    a, ea = go(1)
    b, eb = go(2)
    check("evict.threads", "max_clusters = 4 with threads 1 vs 2: same ids and counts",
          a == b and a and not ea and not eb, "%d vs %d clusters, equal=%s, errors=%s" % (len(a), len(b), a == b, ea + eb),
          "clustering.md §4: 'Eviction at batch boundaries ... keeps the result independent of the thread count'")


def sc_state_lost():
    """5. The state file is deleted between runs."""
    s = Scenario("lost")
    try:
        ents = [(hour(0, i), "ERROR", LOGIN % "alice") for i in range(3)]
        ents += [(hour(1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:5])]
        ents += [(hour(2, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:5])]
        ents += [(hour(3, 0), "ERROR", LOGIN % "alice")]
        ents += [(hour(4, 0), "ERROR", LOGIN % "zed")]
        s.write_log(ents)
        p = s.pipeline()
        r1 = s.run(p, hour(0), hour(1))
        r2 = s.run(p, hour(1), hour(2))
        c1, c2 = r1.one("Login"), r2.one("Login")
        s.delete_state()
        r3 = s.run(p, hour(2), hour(3))
        c3 = r3.one("Login")
        check("lost.same_template_found", "state deleted, same template: the issue is found by its marker, none filed",
              len(s.issues()) == 1 and bool(c3 and (c3.get("issue") or {}).get("number") == 1
                                            and (c3.get("issue") or {}).get("action") != "created"),
              "run3 %s; %s" % (cinfo(c3), s.summary()),
              "github.md: 'a new machine or a lost state file is rebuilt on the first run'")
        s.delete_state()
        r4 = s.run(p, hour(3), hour(4))
        c4 = r4.one("Login")
        check("lost.old_id_returns", "state deleted, the pre-generalisation line (`alice`, #1's first id) returns: no duplicate",
              len(s.issues()) == 1,
              "run4 %s; first id was %s; %s" % (cinfo(c4), c1 and c1["id"], s.summary()),
              "github.md: 'a lost state file is rebuilt on the first run'; README 'never duplicated' "
              "(the marker keeps only the newest id)")
        s.delete_state()
        n4 = len(s.issues())
        r5 = s.run(p, hour(4), hour(5))
        c5 = r5.one("Login")
        check("lost.new_value", "state deleted, a new user name alone: no new issue beside the `user <*>` one",
              len(s.issues()) == n4,
              "issues %d -> %d; run5 %s; %s" % (n4, len(s.issues()), cinfo(c5), s.summary()),
              "README 'never duplicated'; without the tree the template cannot be known", uncertain=True)
        s.runs_ok("lost.runs_ok")
    finally:
        s.close()


CRON = "cron job (root) CMD (%s) exited with status"
SUBSYS = "Subsystem %s reported unexpected failure code during startup sequence %d"


def sc_free_text():
    """6. Bracketed free-text merge and cardinality merge forming in a later run."""
    s = Scenario("freetext")
    try:
        W = [["backup"] * 3, ["backup", CMDS[1], CMDS[2], CMDS[3], "backup"], ["rotate-logs"], [CMDS[1]],
             [CMDS[2], CMDS[2]]]
        ents = []
        for h, cmds in enumerate(W):
            ents += [(hour(h, i), "ERROR", CRON % c) for i, c in enumerate(cmds)]
        s.write_log(ents)
        p = s.pipeline()
        r = [s.run(p, hour(h), hour(h + 1)) for h in range(2)]
        c0, c1 = r[0].one("cron job"), r[1].one("cron job")
        check("ft.run2.merge_one_issue", "run 2 (texts of 4 lengths) merges into one cluster, one issue, alias of run 1",
              bool(c0 and c1 and c0["id"] in (c1.get("aliases") or [])) and len(r[1].clusters()) == 1 and len(s.issues()) == 1,
              "run1 %s | run2 %s | %s" % (cinfo(c0), [cinfo(c) for c in r[1].clusters()], s.summary()),
              "clustering.md §3 free-text merge + §4 'the previous id gets an alias'")
        r3 = s.run(p, hour(2), hour(3))
        c3 = r3.one("cron job")
        check("ft.run3.one_word_text", "a new one-word text in run 3: the merged id",
              bool(c1 and c3 and c3["id"] == c1["id"]) and len(s.issues()) == 1,
              "run3 %s; %s" % (cinfo(c3), s.summary()),
              "clustering.md §3: 'a run starts with the ids the last one ended with'")
        r4 = s.run(p, hour(3), hour(4))
        c4 = r4.one("cron job")
        check("ft.run4.exact_line_same_id", "run 2's exact line `run-parts /etc/cron.hourly` alone: merged id, no new issue",
              bool(c1 and c4 and c4["id"] == c1["id"]) and len(s.issues()) == 1,
              "run4 %s; merged id %s; %s" % (cinfo(c4), c1 and c1["id"], s.summary()),
              "issue 3 item 3: 'the next run over new logs assigns the same lines to the same ids'")
        r5 = s.run(p, hour(4), hour(5))
        c5 = r5.one("cron job")
        check("ft.run5.exact_line_same_id", "run 2's exact line `sh -c sync now` alone: merged id, no new issue",
              bool(c1 and c5 and c5["id"] == c1["id"]) and len(s.issues()) == 1,
              "run5 %s; %s" % (cinfo(c5), s.summary()),
              "issue 3 item 3; github.md 'never duplicated'")
        s.runs_ok("ft.runs_ok")
    finally:
        s.close()

    s = Scenario("cardinality")
    try:
        W = [[SUBSYS % ("alpha", 1), SUBSYS % ("alpha", 2)],
             [SUBSYS % (w, i) for i, w in enumerate(WORDS)],
             [SUBSYS % ("alpha", 9), SUBSYS % ("kilo", 3)],
             [SUBSYS % ("lima", 4)]]
        ents = []
        for h, ms in enumerate(W):
            ents += [(hour(h, i), "ERROR", m) for i, m in enumerate(ms)]
        s.write_log(ents)
        p = s.pipeline()
        r = [s.run(p, hour(h), hour(h + 1)) for h in range(2)]
        c0, c1 = r[0].one("Subsystem"), r[1].one("Subsystem")
        check("card.run2.merge_one_issue", "run 2 (10 subsystem names) merges into `Subsystem <*>`, one issue, alias",
              bool(c0 and c1 and "<*>" in c1["template"] and c0["id"] in (c1.get("aliases") or []))
              and len(s.issues()) == 1,
              "run1 %s | run2 %s | %s" % (cinfo(c0), cinfo(c1), s.summary()),
              "clustering.md §3 cardinality merge; §4 alias")
        r += [s.run(p, hour(h), hour(h + 1)) for h in range(2, 4)]
        ids3 = r[2].ids()
        check("card.run3.same_id", "run 3 (`alpha` again + new `kilo`): both get the merged id",
              bool(c1) and ids3 == [c1["id"]],
              "run3 clusters: %s" % [cinfo(c) for c in r[2].clusters()],
              "clustering.md §3: 'A restored tree finds these words when it loads, so a run starts with the ids "
              "the last one ended with'")
        check("card.run4.no_new_issues", "after runs 3-4 (`kilo`, `lima`): still one issue for the event",
              len(s.issues()) == 1, s.summary(), "README: 'never duplicated'")
        s.runs_ok("card.runs_ok")
    finally:
        s.close()


PAY = "Payment provider returned error code E%d for order %d"


def sc_rule():
    """7. A regex rule starts claiming lines a drain cluster had."""
    s = Scenario("rule")
    try:
        with open(os.path.join(s.tmp, "rules.toml"), "w") as f:
            f.write('[[rule]]\nid = "payment-errors"\ntitle = "Payment provider errors"\n'
                    "match.message = 'Payment provider returned'\nlabels = [\"payments\"]\n")
        ents = []
        for h, n in enumerate([4, 5, 5]):
            ents += [(hour(h, i), "ERROR", PAY % (i % 3, 1000 + i)) for i in range(n)]
        s.write_log(ents)
        p = s.pipeline()
        pr = s.pipeline(fname="p-rules", rules_file="rules.toml")
        r1 = s.run(p, hour(0), hour(1))
        d1 = r1.one("Payment provider")
        r2 = s.run(pr, hour(1), hour(2))
        rc = [c for c in r2.clusters() if c["id"] == "payment-errors"]
        ri = s.issue_by_fp("payment-errors")
        check("rule.id_is_rule_id", "the rule's cluster id is the rule id, on the issue's marker, with the rule label",
              len(rc) == 1 and rc[0].get("kind") == "rule" and len(ri) == 1 and
              "payments" in [l["name"] for l in ri[0]["labels"]],
              "run2 clusters: %s; %s" % ([cinfo(c) for c in r2.clusters()], s.summary()),
              "rules.md: id 'becomes the cluster id'; github.md: rule_labels on new issues")
        q = [x for x in (r2.report or {}).get("quiet", []) if d1 and x.get("id") == d1["id"]]
        check("rule.old_cluster_quiet", "the drain cluster the rule took over is listed as quiet with its issue",
              len(q) == 1 and (q[0].get("issue") or {}).get("number") == 1,
              "quiet=%s" % (r2.report or {}).get("quiet"),
              "report-schema.md: quiet = 'Clusters seen in the previous run and not in this window'")
        open_for_lines = [i for i in s.issues() if i["state"] == "open"]
        body = ri[0]["body"] if ri else ""
        linked = "#1" in body or any("#%d" % ri[0]["number"] in c["body"] for c in s.comments(1)) if ri else False
        check("rule.takeover_linked", "the rule's new issue and the drain's old issue are linked (or the old one closed)",
              len(open_for_lines) == 1 or linked,
              "open issues for the same lines: %s; linked=%s" % (["#%d %r" % (i["number"], i["title"]) for i in open_for_lines], linked),
              "docs silent; README 'exactly one GitHub issue per cluster' read as per problem", uncertain=True)
        r3 = s.run(p, hour(2), hour(3))
        d3 = r3.one("Payment provider")
        check("rule.removed_drain_id_back", "the rule removed again: the drain cluster's old id and issue #1 return",
              bool(d1 and d3 and d3["id"] == d1["id"] and (d3.get("issue") or {}).get("number") == 1)
              and len(s.issues()) == 2,
              "run3 %s; %s" % (cinfo(d3), s.summary()),
              "clustering.md §3: 'the same template gets the same id in every run'")
        s.runs_ok("rule.runs_ok")
    finally:
        s.close()


GW = "Upstream gateway refused connection for request batch %d"


def sc_rerun_and_news():
    """8 and 9. Re-runs of a window; recurrence and spike comments; priority labels."""
    s = Scenario("news")
    try:
        ents = []
        for h, (n, step) in enumerate([(3, 20), (3, 20), (40, 0), (0, 0), (3, 20)]):
            for i in range(n):
                sec = i * step if step else i // 5      # the spike: 40 lines within 8 s
                ents.append(("%sT%02d:%02d:%02dZ" % (DAY, h, sec // 60, sec % 60), "ERROR", GW % i))
        s.write_log(ents)
        p = s.pipeline()
        labels_ok = []

        def plabels(rr):
            c = rr.one("Upstream gateway")
            iss = s.issues()
            if not c or not iss:
                return
            pl = sorted(l["name"] for l in iss[0]["labels"] if re.match(r"^P[0-3]$", l["name"]))
            labels_ok.append((rr.window[0][11:16], c["priority"], pl))

        r0 = s.run(p, hour(0), hour(1)); plabels(r0)
        r1 = s.run(p, hour(1), hour(2)); plabels(r1)
        check("news.steady_no_comment", "a steady second window: no comment", s.n_comments() == 0 and len(s.issues()) == 1,
              s.summary(), "github.md: 'Comments are for news only'")
        r1b = s.run(p, hour(1), hour(2))
        c1b = r1b.one("Upstream gateway")
        warned = any("run before" in w for w in (r1b.report or {}).get("warnings", []))
        check("rerun.same_window_silent", "the same window again: no issue, no comment, a 'run before' warning",
              len(s.issues()) == 1 and s.n_comments() == 0 and warned,
              "%s; warnings=%s" % (s.summary(), (r1b.report or {}).get("warnings")),
              "github.md: 're-running a window is silent'; operations.md: 'a Report warning says the window was run before'")
        check("rerun.history_once", "after the re-run the window is in the history once",
              bool(c1b and c1b.get("history") == [3]), "history=%s" % (c1b and c1b.get("history")),
              "operations.md: 'the clusters' history holds each window once'")
        r2 = s.run(p, hour(2), hour(3)); plabels(r2)
        c2 = r2.one("Upstream gateway")
        cm = s.comments(1) if s.issues() else []
        check("news.spike_comment", "40 lines after 3 and 3: one spike comment on #1, status spiking, reason printed",
              len(s.issues()) == 1 and len(cm) == 1 and "spike" in cm[0]["body"].lower() and bool(c2)
              and c2.get("status") == "spiking" and any(x.startswith("spiking") for x in c2.get("priority_reasons", [])),
              "status=%s reasons=%s comments=%s" % (c2 and c2.get("status"), c2 and c2.get("priority_reasons"),
                                                    [c["body"][:90] for c in cm]),
              "worklog.md Trends: spiking = >= 10 lines and 3x the mean; priority reason 'spiking: 50 vs ~5 per run'")
        check("news.priority_label_current", "the issue's P label equals the cluster's priority after every run",
              bool(labels_ok) and all(pl == [pr] for _, pr, pl in labels_ok),
              "(window, priority, P labels) = %s" % labels_ok,
              "github.md: 'the priority label is swapped when the priority changes'")
        r2b = s.run(p, hour(2), hour(3))
        check("rerun.spike_window_silent", "the spike window again: no second spike comment",
              len(s.comments(1)) == 1 if s.issues() else False, s.summary(),
              "github.md: 'Never more than one comment per cluster and window, so re-running a window is silent'")
        r3 = s.run(p, hour(3), hour(4))
        q = [x for x in (r3.report or {}).get("quiet", []) if c2 and x.get("id") == c2["id"]]
        check("news.quiet_listed", "an empty window lists the cluster as quiet with issue #1, no comment",
              len(q) == 1 and (q[0].get("issue") or {}).get("number") == 1 and len(s.comments(1)) == 1,
              "quiet=%s" % (r3.report or {}).get("quiet"), "report-schema.md: quiet")
        r4 = s.run(p, hour(4), hour(5)); plabels(r4)
        cm = s.comments(1)
        check("news.recurrence_comment", "back after the quiet window: exactly one more comment, same issue",
              len(s.issues()) == 1 and len(cm) == 2 and "quiet" in cm[-1]["body"],
              "comments=%s" % [c["body"][:70] for c in cm],
              "github.md: 'the cluster came back after at least one window without it'")
        s.run(p, hour(4), hour(5))
        check("rerun.recurrence_window_silent", "the recurrence window again: no further comment",
              len(s.comments(1)) == 2, s.summary(), "github.md: 're-running a window is silent'")
        s.runs_ok("news.runs_ok")
    finally:
        s.close()

    # re-run the window in which a template generalised
    s = Scenario("rerun-gen")
    try:
        ents = [(hour(0, i), "ERROR", LOGIN % "alice") for i in range(3)]
        ents += [(hour(1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:7])]
        s.write_log(ents)
        p = s.pipeline()
        s.run(p, hour(0), hour(1))
        s.run(p, hour(1), hour(2))
        before = (len(s.issues()), s.n_comments())
        r = s.run(p, hour(1), hour(2))
        r0 = s.run(p, hour(0), hour(1))
        c0 = r0.one("Login")
        check("rerun.generalised_windows", "re-running both windows after the generalisation: no new issue or comment",
              (len(s.issues()), s.n_comments()) == before == (1, 0) and bool(c0 and (c0.get("issue") or {}).get("number") == 1),
              "before=%s after=%s; re-run of window 1: %s" % (before, (len(s.issues()), s.n_comments()), cinfo(c0)),
              "operations.md: 'A window run again exactly ... replaces its earlier run'; github.md re-runs silent")
        s.runs_ok("rerun.gen.runs_ok")
    finally:
        s.close()


def sc_plan():
    """--plan before the real run of a generalising window."""
    s = Scenario("plan")
    try:
        ents = [(hour(0, i), "ERROR", LOGIN % "alice") for i in range(3)]
        ents += [(hour(1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:7])]
        s.write_log(ents)
        p = s.pipeline()
        s.run(p, hour(0), hour(1))
        s.fake.reset_log()
        rp = s.run(p, hour(1), hour(2), plan=True)
        writes = [q for q in s.fake.requests if q["method"] != "GET"]
        check("plan.no_writes", "--plan makes no write to GitHub and plans no create",
              not writes and "create issue" not in rp.stdout,
              "writes=%s; plan lines=%s" % ([(q["method"], q["path"]) for q in writes],
                                            [l for l in rp.stdout.splitlines() if "github" in l]),
              "github.md: '--plan performs every read and prints every ... write ... and makes none'")
        r = s.run(p, hour(1), hour(2))
        c = r.one("Login")
        check("plan.then_run_no_duplicate", "the real run after a --plan run of the same window: no second issue",
              len(s.issues()) == 1,
              "real run %s; %s" % (cinfo(c), s.summary()),
              "github.md: '--plan ... makes none; the ledger is not written either'; design.md §7 alias")
        s.runs_ok("plan.runs_ok")
    finally:
        s.close()


def sc_closed():
    """Closed issues and a generalised id (the alias must reach the closed issue)."""
    for reason, expect in (("completed", "reopened"), ("not_planned", "skipped")):
        s = Scenario("closed-" + reason)
        try:
            ents = [(hour(0, i), "ERROR", LOGIN % "alice") for i in range(3)]
            ents += [(hour(1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:7])]
            s.write_log(ents)
            p = s.pipeline()
            s.run(p, hour(0), hour(1))
            with s.fake.lock:
                it = s.fake.repos[REPO].items[1]
                it["state"], it["state_reason"], it["closed_at"] = "closed", reason, hour(0, 30)
            r = s.run(p, hour(1), hour(2))
            c = r.one("Login")
            iss = s.issues()
            check("closed.%s_alias" % reason,
                  "closed as %s, then the template generalises: #1 %s, no new issue" % (reason, expect),
                  len(iss) == 1 and bool(c and (c.get("issue") or {}).get("action") == expect),
                  "%s; %s" % (cinfo(c), s.summary()),
                  "github.md table: completed + later occurrences -> reopen; not_planned -> 'nothing: a human decided'")
            s.runs_ok("closed.%s.runs_ok" % reason)
        finally:
            s.close()


def sc_identity_misc():
    """10. Markers, labels, worklog, ids, the listing request."""
    s = Scenario("misc")
    try:
        s.write_log(mixed(0, 200))
        p = s.pipeline(gh_extra='title_template = "{title} [{id}]"')
        r = s.run(p, hour(0), hour(1))
        iss = s.issues()
        cl = r.clusters()
        bad = []
        for c in cl:
            num = (c.get("issue") or {}).get("number")
            hits = [i for i in iss if i["number"] == num]
            if not hits or s.marker(hits[0]) != c["id"]:
                bad.append(c["id"])
        check("id.report_issue_marker", "each cluster's Report issue number points at the issue whose marker is its id",
              bool(cl) and not bad and len(iss) == len(cl), "%d clusters, %d issues, mismatched: %s" % (len(cl), len(iss), bad),
              "github.md: marker '<!-- log-gardener:fp=<cluster id>;v=1 -->'")
        vis = [i["number"] for i in iss if ("`%s`" % s.marker(i)) not in (i["body"] or "").rsplit("<!--", 1)[0]]
        check("id.body_shows_fingerprint", "the visible body of a new issue names its cluster id",
              bool(iss) and not vis, "issues without the id outside the marker: %s" % vis,
              "github.md: a body with the pattern, priority, ... (the id as the fingerprint)", uncertain=True)
        last = [(i["number"], (i["body"] or "").rstrip().splitlines()[-1:]) for i in iss]
        check("id.marker_last_line", "the marker is the last line of every body",
              bool(iss) and all(l and re.fullmatch(r"<!-- log-gardener:fp=[^;]+;v=1 -->", l[0]) for _, l in last),
              "last lines: %s" % [l for _, l in last][:3], "github.md: 'a hidden marker as the last line of the body'")
        check("id.own_label", "every issue carries the `log-gardener` label",
              bool(iss) and all("log-gardener" in [l["name"] for l in i["labels"]] for i in iss),
              "labels: %s" % sorted(set(l["name"] for i in iss for l in i["labels"])),
              "github.md: 'Every issue the gardener files carries its label'")
        drain_ids = [c["id"] for c in cl if c.get("kind") == "drain"]
        check("id.drain_id_format", "drain ids are 64-bit hashes in hex (16 hex digits)",
              bool(drain_ids) and all(re.fullmatch(r"[0-9a-f]{16}", x) for x in drain_ids), "ids: %s" % drain_ids[:4],
              "clustering.md §3: 'Cluster id = xxHash3-64 (hex)'")
        wl = s.worklog()
        miss = []
        for c in cl:
            num = (c.get("issue") or {}).get("number")
            sect = re.search(r"\*\*Id\*\*: `%s`.*?(?=\n### |\Z)" % re.escape(c["id"]), wl, re.S)
            if not sect or ("[#%s]" % num) not in sect.group(0):
                miss.append(c["id"])
        check("id.worklog_ids_and_links", "the worklog shows each cluster's id with its issue #N",
              bool(cl) and not miss, "clusters without id+link section: %s" % miss,
              "worklog.md: cluster section has 'id' and 'GitHub issue link'")
        lst = [q for q in s.fake.requests if q["method"] == "GET" and q["path"].endswith("/issues")]
        search = [q for q in s.fake.requests if q["path"].startswith("/search")]
        okq = bool(lst) and all(q["query"].get("labels") == ["log-gardener"] and q["query"].get("state") == ["all"]
                                for q in lst)
        check("id.listing_not_search", "issues are found by listing the label (state=all), never by search",
              okq and not search, "listing queries=%s; search calls=%d" % ([q["raw_query"] for q in lst][:2], len(search)),
              "github.md: 'Each run starts with a database read, never a search'")
        with_id = [i for i in iss if i["title"].endswith("[%s]" % s.marker(i))]
        check("id.title_template_id", "title_template {id} puts the marker's id in the title",
              bool(iss) and len(with_id) == len(iss), "%d of %d titles end with their id" % (len(with_id), len(iss)),
              "github.md: title_template placeholders {title} {priority} {id} {kind}")
        s.runs_ok("id.runs_ok")
    finally:
        s.close()

    # the {id} in a title after the id changed
    s = Scenario("title-id")
    try:
        ents = [(hour(0, i), "ERROR", LOGIN % "alice") for i in range(3)]
        ents += [(hour(1, i), "ERROR", LOGIN % u) for i, u in enumerate(USERS[:7])]
        s.write_log(ents)
        p = s.pipeline(gh_extra='title_template = "{title} [{id}]"')
        s.run(p, hour(0), hour(1))
        r = s.run(p, hour(1), hour(2))
        c = r.one("Login")
        iss = s.issues()
        check("id.title_id_after_alias", "after the alias the {id} in the untouched title is the new id",
              len(iss) == 1 and bool(c) and ("[%s]" % c["id"]) in iss[0]["title"],
              "title=%r marker=%s cluster=%s" % (iss[0]["title"] if iss else None, s.marker(iss[0]) if iss else None,
                                                 c and c["id"]),
              "github.md: a title is changed only if it still equals the one the gardener set last", uncertain=True)
        s.runs_ok("id.title.runs_ok")
    finally:
        s.close()


SCENARIOS = [
    ("generalise", sc_generalise),
    ("enum", sc_enumeration),
    ("determinism", sc_determinism),
    ("eviction", sc_eviction),
    ("state_lost", sc_state_lost),
    ("free_text", sc_free_text),
    ("rule", sc_rule),
    ("rerun_news", sc_rerun_and_news),
    ("plan", sc_plan),
    ("closed", sc_closed),
    ("identity_misc", sc_identity_misc),
]


def main():
    global BIN, VERBOSE
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    BIN = os.path.abspath(args[0])
    VERBOSE = "-v" in args
    only = args[args.index("-k") + 1] if "-k" in args else None
    if not os.access(BIN, os.X_OK):
        print("not an executable: %s" % BIN)
        return 2
    for name, fn in SCENARIOS:
        if only and only not in name:
            continue
        if time.time() - T0 > SUITE_DEADLINE:
            skip("%s.all" % name, "scenario %s" % name, "suite deadline of %d s passed" % SUITE_DEADLINE)
            continue
        print("# scenario %s" % name)
        t = time.time()
        try:
            fn()
        except Exception:
            check("%s.crashed" % name, "scenario ran to its end", False,
                  traceback.format_exc().strip().splitlines()[-1])
            if VERBOSE:
                traceback.print_exc()
        print("# (%s: %.1f s)" % (name, time.time() - t))
    n = {k: sum(1 for r in RESULTS if r[0] == k) for k in ("PASS", "FAIL", "SKIP", "XFAIL", "XPASS")}
    print("\n%d checks: %d PASS, %d FAIL, %d SKIP, %d XFAIL (known limitations), %d XPASS (%.1f s)"
          % (len(RESULTS), n["PASS"], n["FAIL"], n["SKIP"], n["XFAIL"], n["XPASS"], time.time() - T0))
    if n["FAIL"]:
        print("FAILED: " + ", ".join(r[1] for r in RESULTS if r[0] == "FAIL"))
    return 1 if n["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
