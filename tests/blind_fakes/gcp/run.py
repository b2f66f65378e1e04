#!/usr/bin/env python3
"""Blind end-to-end test of log-gardener's `gcp_logging` source against fake_logging.py / fake_auth.py.

usage: python3 run.py /path/to/log-gardener [-v] [--keep] [-k SUBSTRING]

Starts the fakes on 127.0.0.1 (random ports), writes pipelines into a temporary directory, runs the
real binary with a cleaned environment (no real credentials, metadata pointed at the fake) and checks
what it does from the outside: the requests it sent (recorded by the fakes), its exit status, its
stderr and the files it wrote. Prints one scorecard line per check; exit 1 if any check fails.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fake_auth import MetadataFake, OAuthFake, TokenTable, generate_keypair  # noqa: E402
from fake_logging import LoggingFake, fmt_ts_ns, parse_ts_ns  # noqa: E402

W_START = "2025-09-13T17:00:00Z"
W_END = "2025-09-13T23:00:00Z"
S0 = parse_ts_ns(W_START)
S1 = parse_ts_ns(W_END)
SEC = 1_000_000_000
SEVS = ["WARNING", "ERROR", "CRITICAL", "ALERT", "EMERGENCY"]
STATIC_TOKEN = "ya29.static-ci-token-Qm9vYmFyQmF6UXV4MTIzNDU2Nzg5"

RESULTS = []
VERBOSE = "-v" in sys.argv


def check(name, ok, evidence=""):
    RESULTS.append((name, bool(ok), evidence))
    print("%s  %-58s %s" % ("PASS" if ok else "FAIL", name, evidence), flush=True)


# ---------------------------------------------------------------------------------------------
# data

def entry(i, ts_ns, sev="ERROR", kind="json", svc="svc-a", proj="proj-a", digits=None, msg=None):
    """A LogEntry as the API returns it (proto3 JSON: defaults omitted, int64 as strings)."""
    msg = msg if msg is not None else "ref=E%05d payment failed: upstream timeout after %d ms" % (i, 100 + i)
    e = {"insertId": "ins%05d" % i,
         "logName": "projects/%s/logs/run.googleapis.com%%2Fstderr" % proj,
         "resource": {"type": "cloud_run_revision",
                      "labels": {"project_id": proj, "service_name": svc,
                                 "revision_name": svc + "-00042-abc", "location": "europe-west1",
                                 "configuration_name": svc}},
         "timestamp": fmt_ts_ns(ts_ns, digits),
         "receiveTimestamp": fmt_ts_ns(ts_ns + 281_938_201, 9),
         "labels": {"instanceId": "00f4b6a1c2d3"}}
    if sev != "DEFAULT":
        e["severity"] = sev
    if kind == "text":
        e["textPayload"] = msg
    elif kind == "json":
        e["jsonPayload"] = {"message": msg, "context": {"name": "checkout", "service": svc},
                            "labels": {"function": "charge", "line": 118, "module": "billing.stripe"}}
        e["sourceLocation"] = {"file": "billing/stripe.py", "line": "118", "function": "charge"}
        e["trace"] = "projects/%s/traces/4bf92f3577b34da6a3ce929d0e0e%04d" % (proj, i % 10000)
    elif kind == "proto":
        e["protoPayload"] = {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                             "status": {"code": 7, "message": msg},
                             "serviceName": "run.googleapis.com",
                             "methodName": "google.cloud.run.v1.Services.ReplaceService",
                             "authenticationInfo": {"principalEmail": "deployer@proj-a.iam.gserviceaccount.com"}}
    elif kind == "http":
        e["textPayload"] = msg
        e["httpRequest"] = {"requestMethod": "POST", "requestUrl": "https://svc-a.run.app/charge",
                            "requestSize": "1834", "status": 503, "responseSize": "112",
                            "userAgent": "curl/8.0", "remoteIp": "203.0.113.7", "latency": "0.012s",
                            "protocol": "HTTP/1.1"}
    return e


def series(first_id, n, start_ns, step_ns, kinds=("json", "text", "proto", "http"), **kw):
    out = []
    digit_cycle = [None, 0, 3, 6, 9]
    for k in range(n):
        i = first_id + k
        ts = start_ns + k * step_ns
        d = digit_cycle[k % 5]
        if d == 0:
            ts = ts - ts % SEC
        elif d == 3:
            ts = ts - ts % 1_000_000
        elif d == 6:
            ts = ts - ts % 1000
        out.append(entry(i, ts, SEVS[k % len(SEVS)], kinds[k % len(kinds)], digits=d, **kw))
    return out


def ids_of(entries):
    return [int(e["insertId"][3:]) for e in entries]


# ---------------------------------------------------------------------------------------------
# harness

class Harness:
    def __init__(self, binary):
        self.binary = os.path.abspath(binary)
        self.tmp = tempfile.mkdtemp(prefix="lg-blind-gcp-")
        self.tokens = TokenTable()
        self.tokens.add_static(STATIC_TOKEN)
        self.log = LoggingFake(self.tokens)
        self.oauth = OAuthFake(self.tokens)
        self.meta = MetadataFake(self.tokens)
        self.cache = os.path.join(self.tmp, "cache")
        os.makedirs(self.cache, mode=0o700)
        kd = os.path.join(self.tmp, "keys")
        os.makedirs(kd)
        self.sa_key, self.sa_pub = generate_keypair(kd, "sa")
        self.wrong_key, _ = generate_keypair(kd, "wrong")
        self.sa_email = "log-gardener@proj-a.iam.gserviceaccount.com"
        self.sa_kid = "3f9a1c0b7e2d4a6f8c1e5b9d2a7f3c6e0b4d8a1f"
        self.oauth.service_accounts[self.sa_email] = {"pub": self.sa_pub, "kid": self.sa_kid}
        self.user = ("1234567890-abc.apps.googleusercontent.com", "GOCSPX-fakeClientSecret0123456789",
                     "1//0gFakeRefreshTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789")
        self.oauth.users[self.user[2]] = (self.user[0], self.user[1])
        self.revoked_user = ("1234567890-abc.apps.googleusercontent.com", "GOCSPX-fakeClientSecret0123456789",
                             "1//0gRevokedRefreshTokenZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210")
        self.oauth.users[self.revoked_user[2]] = (self.revoked_user[0], self.revoked_user[1])
        self.oauth.revoked_refresh.add(self.revoked_user[2])

    def reset(self):
        self.log.reset()
        self.oauth.reset()
        self.meta.reset()

    def sa_file(self, name, key=None, token_uri=None):
        p = os.path.join(self.tmp, name)
        with open(p, "w") as f:
            json.dump({"type": "service_account", "project_id": "proj-a", "private_key_id": self.sa_kid,
                       "private_key": key or self.sa_key, "client_email": self.sa_email,
                       "client_id": "113355779900224466880",
                       "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                       "token_uri": token_uri or self.oauth.url,
                       "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
                       "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/x",
                       "universe_domain": "googleapis.com"}, f, indent=2)
        os.chmod(p, 0o600)
        return p

    def user_file(self, path, user=None, token_uri=True, quota_project=None):
        u = user or self.user
        os.makedirs(os.path.dirname(path), exist_ok=True)
        d = {"type": "authorized_user", "client_id": u[0], "client_secret": u[1], "refresh_token": u[2],
             "account": "", "universe_domain": "googleapis.com"}
        if token_uri:
            d["token_uri"] = self.oauth.url
        if quota_project:
            d["quota_project_id"] = quota_project
        with open(path, "w") as f:
            json.dump(d, f, indent=2)
        return path

    def env(self, scen, extra=None, static_token=True, metadata=True):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("GOOGLE_", "GCE_", "CLOUDSDK_", "GARDENER_", "GITHUB", "GH_", "SLACK",
                                    "XDG_", "AWS_"))
               and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
        home = os.path.join(self.tmp, scen, "home")
        os.makedirs(home, exist_ok=True)
        env.update({"HOME": home, "XDG_STATE_HOME": os.path.join(self.tmp, scen, "state"),
                    "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                    "XDG_CACHE_HOME": os.path.join(self.tmp, scen, "xdgcache"),
                    "GARDENER_CACHE_DIR": self.cache,
                    "GARDENER_GCP_LOGGING_ENDPOINT": self.log.url,
                    "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})
        if metadata:  # always point the metadata server at the fake (a trap when unused)
            env["GCE_METADATA_HOST"] = self.meta.hostport
            env["GCE_METADATA_ROOT"] = self.meta.hostport
        if static_token:
            env["GARDENER_GOOGLE_ACCESS_TOKEN"] = STATIC_TOKEN
        env.update(extra or {})
        return env

    def run(self, scen, toml, env, since=W_START, until=W_END, extra_args=(), timeout=60,
            log_level="info"):
        d = os.path.join(self.tmp, scen)
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, "pipeline.toml")
        with open(p, "w") as f:
            f.write(toml)
        args = [self.binary, "--log-level", log_level, "run", p]
        if since:
            args += ["--since", since]
        if until:
            args += ["--until", until]
        args += list(extra_args)
        t0 = time.monotonic()
        try:
            r = subprocess.run(args, env=env, cwd=d, capture_output=True, timeout=timeout)
            rc, out, err = r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            rc, out, err = "timeout", (e.stdout or b"").decode("utf-8", "replace"), \
                (e.stderr or b"").decode("utf-8", "replace")
        dt = time.monotonic() - t0
        rep = None
        rp = os.path.join(d, "out", "report.json")
        if os.path.exists(rp):
            try:
                with open(rp) as f:
                    rep = json.load(f)
            except ValueError:
                rep = "unparseable"
        res = Result(rc, out, err, rep, dt, d)
        if VERBOSE:
            print("---- %s rc=%s %.2fs\n%s" % (scen, rc, dt, err[-3000:]))
        if rep is not None and rp:
            os.rename(rp, rp + ".%d" % int(time.monotonic() * 1000))  # keep, but not read by the next run
        return res


class Result:
    def __init__(self, rc, out, err, rep, dt, d):
        self.rc, self.out, self.err, self.rep, self.dt, self.dir = rc, out, err, rep, dt, d

    def rule_counts(self):
        if not isinstance(self.rep, dict):
            return {}
        return {c["id"]: c["count"] for c in self.rep.get("clusters", []) if c.get("kind") == "rule"}

    def lines_read(self):
        return self.rep.get("lines_read") if isinstance(self.rep, dict) else None

    def stage(self):
        if not isinstance(self.rep, dict):
            return {}
        return self.rep.get("metrics", {}).get("stages", {}).get("gcp", {})

    def err_line(self, n=300):
        """The first line that reports an error (else the last line of stderr), cut to n characters."""
        lines = [l for l in self.err.splitlines() if re.search(r"\berror\b:|: error:", l)]
        if not lines:
            lines = [l for l in self.err.splitlines() if "error" in l.lower()] or self.err.strip().splitlines()[-1:]
        return (lines[0] if lines else "")[:n]


def q(s):
    return json.dumps(s)


def pipeline(name, src, rule_ids=(), redact=False, markdown=False, state=None):
    """TOML: gcp source -> (redact) -> rules (one rule per entry id) -> drain -> json (-> markdown)."""
    lines = ["[pipeline]", "name = %s" % q(name)]
    if state:
        lines.append("state = %s" % q(state))
    lines += ["", "[sources.gcp]", 'type = "gcp_logging"']
    for k, v in src.items():
        if isinstance(v, bool):
            lines.append("%s = %s" % (k, "true" if v else "false"))
        elif isinstance(v, (int, float)):
            lines.append("%s = %s" % (k, v))
        elif isinstance(v, list):
            lines.append("%s = [%s]" % (k, ", ".join(q(x) for x in v)))
        else:
            lines.append("%s = %s" % (k, q(v)))
    up = "gcp"
    if redact:
        lines += ["", "[transforms.scrub]", 'type = "redact"', 'inputs = ["gcp"]']
        up = "scrub"
    lines += ["", "[clusterers.rules]", 'type = "regex_rules"', "inputs = [%s]" % q(up)]
    for i in rule_ids:
        lines += ["", "[[clusterers.rules.rule]]", 'id = "E%05d"' % i, "match.message = 'ref=E%05d\\b'" % i]
    lines += ["", "[clusterers.drain]", 'type = "drain"', 'inputs = ["rules"]',
              "", "[sinks.json]", 'type = "json"', 'inputs = ["drain"]', 'path = "out/report.json"']
    if markdown:
        lines += ["", "[sinks.worklog]", 'type = "markdown"', 'inputs = ["json"]',
                  'path = "out/worklog.md"']
    return "\n".join(lines) + "\n"


def exactly_once(res, expected_ids, excluded_ids=()):
    """(ok, evidence): every expected entry counted once (rule per entry), none excluded, lines_read."""
    rc = res.rule_counts()
    missing = [i for i in expected_ids if rc.get("E%05d" % i, 0) == 0]
    dup = [i for i in expected_ids if rc.get("E%05d" % i, 0) > 1]
    leaked = [i for i in excluded_ids if rc.get("E%05d" % i, 0) > 0]
    lr = res.lines_read()
    ok = not missing and not dup and not leaked and lr == len(expected_ids)
    ev = "lines_read=%s/%d" % (lr, len(expected_ids))
    if missing:
        ev += " missing=%s" % missing[:8]
    if dup:
        ev += " duplicated=%s" % dup[:8]
    if leaked:
        ev += " outside-window/filter counted=%s" % leaked[:8]
    return ok, ev


def log_reqs(h):
    return [r for r in h.log.requests if r["path"].startswith("/v2/entries:list")]


def attempts_per_page(h):
    c = {}
    for r in log_reqs(h):
        c[r["page"]] = c.get(r["page"], 0) + 1
    return c


def secret_free(text, secrets_):
    return [s for s in secrets_ if s and s in text]


# ---------------------------------------------------------------------------------------------
# scenarios

def sc_pagination(h):
    """Multi-page read, empty pages with a token, trailing {}, window and severity boundaries."""
    h.reset()
    good = series(1, 45, S0 + 60 * SEC, 331 * SEC + 123_456_789)
    good.append(entry(46, S0, "WARNING", "text", digits=0))                 # exactly at since: in
    good.append(entry(47, S1 - 1, "ERROR", "json", digits=9))               # last ns: in
    bad = [entry(100, S0 - 1, "ERROR", "json", digits=9),                   # 1 ns before since
           entry(101, S1, "ERROR", "text", digits=0),                       # exactly at until (half-open)
           entry(102, S1 + 3600 * SEC, "CRITICAL", "text"),
           entry(103, S0 + 100 * SEC, "INFO", "json"),
           entry(104, S0 + 200 * SEC, "DEBUG", "text"),
           entry(105, S0 + 300 * SEC, "NOTICE", "text"),
           entry(106, S0 + 400 * SEC, "DEFAULT", "text"),                   # severity omitted
           entry(107, S0 + 500 * SEC, "ERROR", "json", svc="svc-b"),        # other service
           entry(108, S0 + 600 * SEC, "ERROR", "json", svc="svc-b")]
    bad[-1]["resource"]["type"] = "gce_instance"
    h.log.add(good + bad)
    h.log.empty_pages = {1, 4}
    h.log.trailing_empty = True
    user_filter = 'resource.type="cloud_run_revision" AND resource.labels.service_name="svc-a"'
    src = {"project": "proj-a", "filter": user_filter, "min_severity": "WARNING", "page_size": 7,
           "requests_per_second": 10.0}
    gids, bids = ids_of(good), ids_of(bad)
    res = h.run("pagination", pipeline("pagination", src, gids + bids), h.env("pagination"), log_level="debug")
    reqs = log_reqs(h)
    check("pagination: exit status 0", res.rc == 0, "rc=%s %s" % (res.rc, "" if res.rc == 0 else res.err_line()))
    ok, ev = exactly_once(res, gids, bids)
    check("pagination: every in-window entry exactly once, none outside", ok, ev)
    flt = reqs[0]["body"].get("filter", "") if reqs and reqs[0]["body"] else ""
    fl1 = " ".join(flt.split())
    lo = re.search(r'timestamp\s*>=\s*"([^"]+)"', fl1)
    hi = re.search(r'timestamp\s*<\s*"([^"]+)"', fl1)
    sev = re.search(r'severity\s*>=\s*"?(WARNING|400)"?', fl1)
    okw = bool(lo and hi and parse_ts_ns(lo.group(1)) == S0 and parse_ts_ns(hi.group(1)) == S1)
    check("pagination: filter bounds = run window [since, until)", okw, "filter=%r" % fl1[:240])
    check("pagination: filter has severity>=WARNING", bool(sev), "")
    check("pagination: user filter ANDed in parentheses", "(" + user_filter + ")" in fl1, "")
    pages = [r["page"] for r in reqs]
    tokens_ok = all((r["body"] or {}).get("pageToken") for r in reqs[1:]) and not (reqs[0]["body"] or {}).get("pageToken")
    expected_pages = list(range(len(pages)))
    # 47 entries / 7 = 7 data pages + 2 empty pages + trailing {} = 10 requests
    check("pagination: continued over empty pages, each page once", pages == expected_pages and len(pages) == 10
          and tokens_ok, "pages requested=%s answers=%s" % (pages, [r["answer"] for r in reqs][:3]))
    bodies_ok = all(r["body"] and r["body"].get("resourceNames") == ["projects/proj-a"] and
                    r["body"].get("pageSize") == 7 and r["status"] == 200 and
                    r["headers"].get("content-type", "").startswith("application/json") and
                    r["headers"].get("authorization") == "Bearer " + STATIC_TOKEN for r in reqs)
    check("pagination: request shape (POST JSON, resourceNames, pageSize, bearer)", bodies_ok,
          "first body=%s" % json.dumps({k: v for k, v in (reqs[0]["body"] or {}).items() if k != "filter"}) if reqs else "no request")
    check("pagination: static token used, no OAuth/metadata traffic", not h.oauth.requests and not h.meta.requests,
          "oauth=%d metadata=%d" % (len(h.oauth.requests), len(h.meta.requests)))
    leaks = secret_free(res.err + res.out, [STATIC_TOKEN, STATIC_TOKEN[10:30]])
    check("pagination: access token not in stderr (debug level)", not leaks, "")
    if isinstance(res.rep, dict):
        src_rep = (res.rep.get("sources") or [{}])[0]
        check("pagination: report sources[0] lines_read / not truncated",
              src_rep.get("lines_read") == len(gids) and src_rep.get("truncated") is False,
              "sources[0]=%s" % json.dumps({k: src_rep.get(k) for k in ("lines_read", "truncated", "note")}))


def sc_pacing(h):
    h.reset()
    ents = series(200, 18, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 5, "quota_project": "billing-proj"}
    res = h.run("pacing", pipeline("pacing", src, ids_of(ents)), h.env("pacing"))
    reqs = log_reqs(h)
    gaps = [b["t"] - a["t"] for a, b in zip(reqs, reqs[1:])]
    ok, ev = exactly_once(res, ids_of(ents))
    check("pacing: default read completes", res.rc == 0 and ok, "rc=%s %s" % (res.rc, ev))
    check("pacing: default <= 1 request/s (gaps >= 0.95 s)", len(reqs) == 4 and min(gaps or [0]) >= 0.95,
          "gaps=%s" % ["%.2f" % g for g in gaps])
    check("pacing: quota_project sent as x-goog-user-project",
          reqs and all(r["headers"].get("x-goog-user-project") == "billing-proj" for r in reqs),
          "header=%r" % (reqs[0]["headers"].get("x-goog-user-project") if reqs else None))


def sc_service_account(h):
    h.reset()
    ents = series(300, 12, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    key = h.sa_file("sa-key.json")
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 5, "requests_per_second": 10.0}
    env = h.env("sa", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("sa", pipeline("sa", src, ids_of(ents)), env, log_level="trace")
    ok, ev = exactly_once(res, ids_of(ents))
    check("sa key file (GOOGLE_APPLICATION_CREDENTIALS): read completes", res.rc == 0 and ok,
          "rc=%s %s %s" % (res.rc, ev, "" if res.rc == 0 else res.err_line()))
    toks = [r for r in h.oauth.requests if r["form"].get("grant_type") == "urn:ietf:params:oauth:grant-type:jwt-bearer"]
    good = [r for r in toks if r.get("sig_ok")]
    check("sa: JWT RS256 signature verified by openssl", good and all(r.get("sig_ok") for r in toks),
          "token requests=%d verified=%d results=%s" % (len(toks), len(good), [r["result"] for r in h.oauth.requests]))
    if toks:
        hd, cl = toks[0].get("jwt_header") or {}, toks[0].get("claims") or {}
        check("sa: JWT header alg/typ/kid", hd.get("alg") == "RS256" and hd.get("kid") == h.sa_kid,
              "header=%s" % hd)
        now = time.time()
        okc = (cl.get("iss") == h.sa_email and cl.get("aud") == h.oauth.url and isinstance(cl.get("iat"), int)
               and abs(cl["iat"] - now) < 120 and 0 < cl.get("exp", 0) - cl["iat"] <= 3600)
        check("sa: JWT claims iss/aud/iat/exp", okc, "claims=%s" % {k: v for k, v in cl.items() if k != "scope"})
        check("sa: scope is logging.read only (operations.md)",
              cl.get("scope") == "https://www.googleapis.com/auth/logging.read", "scope=%r" % cl.get("scope"))
    issued = {r.get("token") for r in h.oauth.requests if r.get("token")}
    reqs = log_reqs(h)
    check("sa: one token exchange, token reused on every page",
          len(toks) == 1 and reqs and all(r.get("token") in issued for r in reqs),
          "token requests=%d log requests=%d" % (len(toks), len(reqs)))
    secrets_ = [h.sa_key.splitlines()[1], h.sa_kid] + list(issued) + \
        [r["form"].get("assertion", "")[-40:] for r in toks]
    leaks = secret_free(res.err + res.out, secrets_)
    check("sa: no key, key id, assertion or token in stderr (trace level)", not leaks,
          "leaked %d value(s)" % len(leaks))
    check("sa: no metadata traffic", not h.meta.requests, "metadata=%d" % len(h.meta.requests))


def sc_sa_option_and_token_endpoint(h):
    h.reset()
    ents = series(320, 6, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    key = h.sa_file("sa-key-deadtokenuri.json", token_uri="http://127.0.0.1:9/token")
    src = {"project": "proj-a", "min_severity": "WARNING", "credentials_file": key,
           "token_endpoint": h.oauth.url, "requests_per_second": 10.0}
    res = h.run("sa_opt", pipeline("sa_opt", src, ids_of(ents)), h.env("sa_opt", static_token=False))
    ok, ev = exactly_once(res, ids_of(ents))
    check("sa via credentials_file + token_endpoint override", res.rc == 0 and ok and len(h.oauth.requests) >= 1,
          "rc=%s %s oauth=%d %s" % (res.rc, ev, len(h.oauth.requests), "" if res.rc == 0 else res.err_line()))


def sc_authorized_user(h):
    h.reset()
    ents = series(340, 8, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    env = h.env("user", static_token=False)
    h.user_file(os.path.join(env["HOME"], ".config", "gcloud", "application_default_credentials.json"),
                quota_project="quota-proj-9")
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 5, "requests_per_second": 10.0}
    res = h.run("user", pipeline("user", src, ids_of(ents)), env, log_level="trace")
    ok, ev = exactly_once(res, ids_of(ents))
    check("authorized_user ($HOME gcloud ADC file): read completes", res.rc == 0 and ok,
          "rc=%s %s %s" % (res.rc, ev, "" if res.rc == 0 else res.err_line()))
    rt = [r for r in h.oauth.requests if r["form"].get("grant_type") == "refresh_token"]
    check("authorized_user: refresh_token grant with client id/secret",
          len(rt) == 1 and rt[0]["result"] == "200", "token requests=%s" % [r["result"] for r in h.oauth.requests])
    reqs = log_reqs(h)
    check("authorized_user: quota_project_id sent as x-goog-user-project",
          reqs and all(r["headers"].get("x-goog-user-project") == "quota-proj-9" for r in reqs),
          "header=%r" % (reqs[0]["headers"].get("x-goog-user-project") if reqs else None))
    leaks = secret_free(res.err + res.out, [h.user[1], h.user[2]] + [r.get("token") for r in rt if r.get("token")])
    check("authorized_user: no secret/refresh/access token in stderr (trace)", not leaks, "leaked %d" % len(leaks))
    # CLOUDSDK_CONFIG variant, file without token_uri, token_endpoint option
    h.reset()
    h.log.add(ents)
    env = h.env("user2", static_token=False)
    cfg = os.path.join(h.tmp, "user2", "gcloudcfg")
    h.user_file(os.path.join(cfg, "application_default_credentials.json"), token_uri=False)
    with open(os.path.join(env["HOME"], "garbage.json"), "w") as f:
        f.write("{}")
    env["CLOUDSDK_CONFIG"] = cfg
    src2 = dict(src, token_endpoint=h.oauth.url)
    res = h.run("user2", pipeline("user2", src2, ids_of(ents)), env)
    ok, ev = exactly_once(res, ids_of(ents))
    check("authorized_user via CLOUDSDK_CONFIG, no token_uri + token_endpoint", res.rc == 0 and ok,
          "rc=%s %s oauth=%s %s" % (res.rc, ev, [r["result"] for r in h.oauth.requests],
                                    "" if res.rc == 0 else res.err_line()))


def sc_metadata(h):
    ents = series(360, 8, S0 + 10 * SEC, 60 * SEC)
    for variant in ("HOST", "ROOT"):
        h.reset()
        h.log.add(ents)
        h.meta.expires_in = 60   # a metadata token with less than the 5-minute refresh margin left
        env = h.env("meta" + variant, static_token=False, metadata=False)
        env["GCE_METADATA_" + variant] = h.meta.hostport
        src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 3, "requests_per_second": 10.0}
        res = h.run("meta" + variant, pipeline("meta" + variant, src, ids_of(ents)), env)
        ok, ev = exactly_once(res, ids_of(ents))
        tokreq = [r for r in h.meta.requests if "/token" in r["path"]]
        check("metadata server via GCE_METADATA_%s: read completes" % variant, res.rc == 0 and ok,
              "rc=%s %s meta=%s %s" % (res.rc, ev, [(r["path"][:60], r.get("result")) for r in h.meta.requests][:3],
                                      "" if res.rc == 0 else res.err_line()))
        if variant == "HOST":
            check("metadata: Metadata-Flavor: Google on every request",
                  h.meta.requests and all(r["headers"].get("Metadata-Flavor") == "Google" for r in h.meta.requests),
                  "requests=%d" % len(h.meta.requests))
            check("metadata: short-lived token (60 s) used without hammering",
                  1 <= len(tokreq) <= len(log_reqs(h)) + 1, "token requests=%d log requests=%d"
                  % (len(tokreq), len(log_reqs(h))))
    # project id from the metadata server (protocols.md section 7: GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT, metadata)
    h.reset()
    h.log.add(series(380, 3, S0 + 10 * SEC, 60 * SEC, proj="meta-proj"))
    env = h.env("metaproj", static_token=False)
    src = {"min_severity": "WARNING", "requests_per_second": 10.0}
    res = h.run("metaproj", pipeline("metaproj", src, [380, 381, 382]), env)
    reqs = log_reqs(h)
    check("project from metadata project/project-id when none set (protocols s7)",
          res.rc == 0 and reqs and reqs[0]["body"].get("resourceNames") == ["projects/meta-proj"],
          "rc=%s resourceNames=%s %s" % (res.rc, reqs[0]["body"].get("resourceNames") if reqs and reqs[0]["body"] else None,
                                         "" if res.rc == 0 else res.err_line()))
    h.reset()
    h.log.add(series(390, 3, S0 + 10 * SEC, 60 * SEC, proj="env-proj"))
    env = h.env("envproj", {"GOOGLE_CLOUD_PROJECT": "env-proj"})
    res = h.run("envproj", pipeline("envproj", src, [390, 391, 392]), env)
    reqs = log_reqs(h)
    check("project from GOOGLE_CLOUD_PROJECT when none set (protocols s7)",
          res.rc == 0 and reqs and reqs[0]["body"].get("resourceNames") == ["projects/env-proj"],
          "rc=%s resourceNames=%s %s" % (res.rc, reqs[0]["body"].get("resourceNames") if reqs and reqs[0]["body"] else None,
                                         "" if res.rc == 0 else res.err_line()))


def sc_auth_errors(h):
    src = {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0}
    # wrong private key -> invalid_grant Invalid JWT Signature.
    h.reset()
    h.log.add(series(400, 3, S0 + 10 * SEC, 60 * SEC))
    key = h.sa_file("sa-wrong-key.json", key=h.wrong_key)
    env = h.env("wrongkey", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("wrongkey", pipeline("wrongkey", src, [400]), env)
    e = res.err
    check("wrong SA key: exit 1", res.rc == 1, "rc=%s" % res.rc)
    check("wrong SA key: error shows invalid_grant + Invalid JWT Signature",
          "invalid_grant" in e and "Invalid JWT Signature" in e, "stderr: %s" % res.err_line(220))
    check("wrong SA key: error names the credentials (file or account)",
          key in e or h.sa_email in e or "sa-wrong-key.json" in e, "")
    check("wrong SA key: 4xx not retried, no Logging call",
          len(h.oauth.requests) == 1 and not log_reqs(h), "token requests=%d log requests=%d"
          % (len(h.oauth.requests), len(log_reqs(h))))
    leaks = secret_free(e + res.out, [h.wrong_key.splitlines()[1], h.sa_kid] +
                        [r["form"].get("assertion", "")[-40:] for r in h.oauth.requests if r["form"].get("assertion")])
    check("wrong SA key: no key material/assertion in stderr", not leaks, "leaked %d" % len(leaks))
    # revoked refresh token
    h.reset()
    env = h.env("revoked", static_token=False)
    h.user_file(os.path.join(env["HOME"], ".config", "gcloud", "application_default_credentials.json"),
                user=h.revoked_user)
    res = h.run("revoked", pipeline("revoked", src, [400]), env)
    e = res.err
    check("revoked refresh token: exit 1", res.rc == 1, "rc=%s" % res.rc)
    check("revoked refresh token: says invalid_grant, expired or revoked, re-login",
          "invalid_grant" in e and "expired or revoked" in e and "gcloud auth application-default login" in e,
          "stderr: %s" % res.err_line(240))
    check("revoked refresh token: names the credentials file",
          "application_default_credentials.json" in e, "")
    check("revoked refresh token: no client secret / refresh token in stderr",
          not secret_free(e + res.out, [h.revoked_user[1], h.revoked_user[2]]), "")
    # static token rejected by the API
    h.reset()
    h.log.add(series(400, 3, S0 + 10 * SEC, 60 * SEC))
    env = h.env("badstatic", {"GARDENER_GOOGLE_ACCESS_TOKEN": "ya29.not-a-known-token-0123456789abcdef"},
                static_token=False)
    res = h.run("badstatic", pipeline("badstatic", src, [400]), env)
    reqs = log_reqs(h)
    check("static token rejected (401): exit 1, bounded attempts, clear error",
          res.rc == 1 and 1 <= len(reqs) <= 2 and ("401" in res.err or "UNAUTHENTICATED" in res.err),
          "rc=%s requests=%d stderr: %s" % (res.rc, len(reqs), res.err_line(200)))
    check("static token rejected: token not echoed in stderr",
          "not-a-known-token-0123456789abcdef" not in res.err, "")
    # GOOGLE_APPLICATION_CREDENTIALS names a missing file: error, no fall-through
    h.reset()
    missing = os.path.join(h.tmp, "no-such-key.json")
    env = h.env("missingkey", {"GOOGLE_APPLICATION_CREDENTIALS": missing}, static_token=False)
    h.user_file(os.path.join(env["HOME"], ".config", "gcloud", "application_default_credentials.json"))
    res = h.run("missingkey", pipeline("missingkey", src, [400]), env)
    check("GOOGLE_APPLICATION_CREDENTIALS missing file: error naming it, no fall-through",
          res.rc in (1, 2) and missing in res.err and not h.meta.requests and not h.oauth.requests,
          "rc=%s meta=%d oauth=%d stderr: %s" % (res.rc, len(h.meta.requests), len(h.oauth.requests),
                                                 res.err_line(200)))
    # token endpoint 503 once: retried (protocols s3.3: 5xx retryable)
    h.reset()
    ents = series(410, 3, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.oauth.faults = ["503"]
    key = h.sa_file("sa-key.json")
    env = h.env("tok503", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("tok503", pipeline("tok503", src, ids_of(ents)), env)
    ok, ev = exactly_once(res, ids_of(ents))
    check("token endpoint 503 once: retried, read completes (protocols s3.3)", res.rc == 0 and ok,
          "rc=%s %s token answers=%s %s" % (res.rc, ev, [r["result"] for r in h.oauth.requests],
                                            "" if res.rc == 0 else res.err_line()))


def sc_token_refresh(h):
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 3, "requests_per_second": 2.0}
    key = h.sa_file("sa-key.json")
    # proactive: expires_in 302 s. operations.md (corrected after this corpus's first run, which
    # read "cached until 5 minutes before expiry" literally) says the margin is a quarter of a
    # lifetime under 20 minutes: 75 s here, so one token serves the whole 3.6 s read.
    h.reset()
    ents = series(500, 24, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.oauth.expires_in = 302
    env = h.env("refresh1", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("refresh1", pipeline("refresh1", src, ids_of(ents)), env)
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    used = []
    for r in reqs:
        if r.get("token") and r["token"] not in used:
            used.append(r["token"])
    check("token expires_in=302: read completes", res.rc == 0 and ok, "rc=%s %s" % (res.rc, ev))
    check("token expires_in=302: one token for the read, as the documented margin (75 s) allows",
          len(h.oauth.requests) == 1 and len(used) == 1 and not any(r["status"] == 401 for r in reqs),
          "token requests=%d distinct tokens used=%d 401s=%d over %d requests in %.1fs (operations.md: "
          "'5 minutes before expiry (a quarter of their lifetime when they live less than 20 minutes)')"
          % (len(h.oauth.requests), len(used), sum(r["status"] == 401 for r in reqs), len(reqs), res.dt))
    # a token that really expires during the read (expires_in=4 s): refreshed before it runs out
    h.reset()
    ents = series(500, 24, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.oauth.expires_in = 4
    env = h.env("refresh4", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("refresh4", pipeline("refresh4", src, ids_of(ents)), env)
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    check("token expiring mid-read (expires_in=4 s): refreshed before expiry, no 401, no loss",
          res.rc == 0 and ok and len(h.oauth.requests) >= 2 and not any(r["status"] == 401 for r in reqs),
          "rc=%s %s token requests=%d 401s=%d %.1fs" % (res.rc, ev, len(h.oauth.requests),
                                                        sum(r["status"] == 401 for r in reqs), res.dt))
    # reactive: the server expires the token mid-read -> 401 -> one refresh and a retry of that page
    h.reset()
    ents = series(530, 12, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.revoke_token_at_request = 3
    src2 = dict(src, requests_per_second=10.0)
    env = h.env("refresh2", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("refresh2", pipeline("refresh2", src2, ids_of(ents)), env)
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    check("401 ACCESS_TOKEN_EXPIRED mid-read: refresh once, retry, no loss/dup",
          res.rc == 0 and ok and len(h.oauth.requests) == 2 and sum(r["status"] == 401 for r in reqs) == 1,
          "rc=%s %s token requests=%d answers=%s" % (res.rc, ev, len(h.oauth.requests),
                                                    [r["answer"] for r in reqs]))
    # every token refused: one refresh and one retry, then an auth error (protocols s1.8)
    h.reset()
    h.log.add(series(545, 3, S0 + 10 * SEC, 60 * SEC))
    h.log.always_401 = True
    env = h.env("refresh401", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("refresh401", pipeline("refresh401", src2, [545]), env)
    reqs = log_reqs(h)
    check("401 on every request: one refresh + one retry, then exit 1",
          res.rc == 1 and len(reqs) == 2 and len(h.oauth.requests) == 2 and "401" in res.err,
          "rc=%s log requests=%d token requests=%d stderr: %s" % (res.rc, len(reqs), len(h.oauth.requests),
                                                                 res.err_line(160)))
    # access_token_command: asked again after a 401 (operations.md)
    h.reset()
    ents = series(550, 9, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    d = os.path.join(h.tmp, "tokcmd")
    os.makedirs(d, exist_ok=True)
    counter = os.path.join(d, "count")
    script = os.path.join(d, "print-token.py")
    with open(script, "w") as f:
        f.write("import os\np=%r\nn=int(open(p).read()) if os.path.exists(p) else 0\nn+=1\n"
                "open(p,'w').write(str(n))\nprint('ya29.cmd-token-%%d' %% n)\n" % counter)
    for n in range(1, 6):
        h.tokens.add_static("ya29.cmd-token-%d" % n)
    h.log.revoke_token_at_request = 2
    src_cmd = dict(src2, access_token_command="%s %s" % (sys.executable, script))
    res = h.run("tokcmd", pipeline("tokcmd", src_cmd, ids_of(ents)), h.env("tokcmd", static_token=False))
    ok, ev = exactly_once(res, ids_of(ents))
    ncalls = int(open(counter).read()) if os.path.exists(counter) else 0
    check("access_token_command: used, re-run after a 401, no loss/dup",
          res.rc == 0 and ok and ncalls == 2, "rc=%s %s command runs=%d answers=%s %s" % (
              res.rc, ev, ncalls, [r["answer"] for r in log_reqs(h)][:4], "" if res.rc == 0 else res.err_line()))
    # tokens that really expire after 2 s (expires_in=2): must keep working
    h.reset()
    ents = series(560, 15, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.oauth.expires_in = 2
    env = h.env("refresh3", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("refresh3", pipeline("refresh3", src, ids_of(ents)), env)
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    check("token with expires_in=2 s: read completes, tokens refreshed",
          res.rc == 0 and ok and len(h.oauth.requests) >= 2 and len(h.oauth.requests) <= 2 * len(reqs) + 2,
          "rc=%s %s token requests=%d log requests=%d 401s=%d" % (res.rc, ev, len(h.oauth.requests), len(reqs),
                                                                 sum(r["status"] == 401 for r in reqs)))


def sc_quota(h):
    # scripted 429s on page 1
    h.reset()
    ents = series(600, 15, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.faults_by_request = {2: "429", 3: "429"}
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 5, "requests_per_second": 10.0,
           "quota_wait": "1s"}
    res = h.run("quota1", pipeline("quota1", src, ids_of(ents)), h.env("quota1"))
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    check("429 RESOURCE_EXHAUSTED twice: retried, every entry once", res.rc == 0 and ok,
          "rc=%s %s answers=%s" % (res.rc, ev, [r["answer"] for r in reqs]))
    gaps = []
    for a, b in zip(reqs, reqs[1:]):
        if a["status"] == 429:
            gaps.append(b["t"] - a["t"])
    check("429: waits about quota_wait (1s) and longer after the next 429",
          len(gaps) == 2 and gaps[0] >= 0.45 and gaps[1] >= 0.45,
          "waits after 429=%s" % ["%.2f" % g for g in gaps])
    wtxt = res.err + json.dumps((res.rep or {}).get("warnings", []) if isinstance(res.rep, dict) else [])
    wl = [l for l in wtxt.splitlines() if "read quota exhausted (429)" in l]
    check("429: warning 'read quota exhausted (429)' (operations.md)", len(wl) >= 1,
          (wl or ["none"])[0][:120])
    # sliding-window quota: 3 requests / 3 s per project, the tool asks at 10/s
    h.reset()
    ents = series(620, 24, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.quota = (3, 3.0)
    src2 = dict(src, page_size=4)
    res = h.run("quota2", pipeline("quota2", src2, ids_of(ents)), h.env("quota2"), timeout=60)
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    n429 = sum(r["status"] == 429 for r in reqs)
    check("sliding-window quota (3 per 3 s): completes, no loss/dup", res.rc == 0 and ok,
          "rc=%s %s 429s=%d requests=%d %.1fs" % (res.rc, ev, n429, len(reqs), res.dt))
    # 429 forever: gives up after max_attempts
    h.reset()
    h.log.add(series(640, 3, S0 + 10 * SEC, 60 * SEC))
    h.log.faults_by_page = {0: "429"}
    src3 = dict(src, max_attempts=3)
    res = h.run("quota3", pipeline("quota3", src3, [640]), h.env("quota3"), timeout=90)
    reqs = log_reqs(h)
    check("429 on every attempt: exit 1 after max_attempts=3",
          res.rc == 1 and len(reqs) == 3, "rc=%s requests=%d %.1fs" % (res.rc, len(reqs), res.dt))
    e = res.err
    check("429 give-up: error names the request and the quota error",
          ("entries.list" in e or "entries:list" in e) and "429" in e and "RESOURCE_EXHAUSTED" in e,
          "stderr: %s" % res.err_line(240))


def sc_faults(h):
    h.reset()
    ents = series(700, 30, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.slow_seconds = 4.0
    h.log.faults_by_request = {2: "500", 3: "503", 5: "504", 6: "502html", 8: "truncated", 10: "close",
                               12: "slow"}
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 5, "requests_per_second": 10.0,
           "timeout": "1s"}
    res = h.run("faults", pipeline("faults", src, ids_of(ents)), h.env("faults"), timeout=60)
    ok, ev = exactly_once(res, ids_of(ents))
    reqs = log_reqs(h)
    check("500/503/504/502-HTML/truncated/closed/slow: retried, exit 0", res.rc == 0,
          "rc=%s %.1fs %s" % (res.rc, res.dt, "" if res.rc == 0 else res.err_line()))
    check("faults: every entry exactly once (retried pages not double-counted)", ok, ev)
    app = attempts_per_page(h)
    check("faults: attempts per page within max_attempts (6), 13 requests",
          len(reqs) == 13 and max(app.values() or [0]) <= 6,
          "requests=%d per page=%s" % (len(reqs), app))
    # 200 with an HTML body (a proxy's page)
    h.reset()
    ents = series(740, 10, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.faults_by_request = {2: "200html"}
    res = h.run("html200", pipeline("html200", src, ids_of(ents)), h.env("html200"))
    ok, ev = exactly_once(res, ids_of(ents))
    check("200 with HTML body: retried (or clear failure), never a silent partial read",
          (res.rc == 0 and ok) or (res.rc == 1 and "entries:list" in res.err),
          "rc=%s %s requests=%d %s" % (res.rc, ev, len(log_reqs(h)), "" if res.rc == 0 else res.err_line()))
    # 200 with a JSON body that is not a ListLogEntriesResponse
    h.reset()
    h.log.add(ents)
    h.log.raw_pages = {1: '{"entries": "not-a-list", "nextPageToken": 7}'}
    res = h.run("badshape", pipeline("badshape", src, ids_of(ents)), h.env("badshape"))
    lr = res.lines_read()
    check("200 with wrong-shaped JSON: no crash, no silent success",
          res.rc == 1 or (res.rc == 0 and isinstance(res.rep, dict) and (res.rep.get("warnings") or
                                                                       res.rep.get("bad_lines"))),
          "rc=%s lines_read=%s requests=%d" % (res.rc, lr, len(log_reqs(h))))
    check("200 with wrong-shaped JSON: error names the request/page, not a bare parser exception",
          res.rc != 1 or ("entries.list" in res.err or "entries:list" in res.err or "page" in res.err),
          "stderr: %s" % res.err_line(200))
    # give up: page 2 always 503
    h.reset()
    h.log.add(ents)
    h.log.faults_by_page = {2: "503"}
    src3 = dict(src, max_attempts=3, page_size=3)
    res = h.run("giveup", pipeline("giveup", src3, ids_of(ents)), h.env("giveup"), timeout=60)
    app = attempts_per_page(h)
    e = res.err
    check("503 forever: exit 1 after exactly max_attempts=3 on that page",
          res.rc == 1 and app.get(2) == 3, "rc=%s attempts per page=%s %.1fs" % (res.rc, app, res.dt))
    check("503 give-up: error names the request, attempts and last status",
          ("entries.list" in e or "entries:list" in e) and "503" in e and "3 attempts" in e,
          "stderr: %s" % res.err_line(200))
    check("503 give-up: error says where it stopped (endpoint URL or page)",
          h.log.url in e or "127.0.0.1" in e or re.search(r"page\s*#?\s*\d", e, re.I),
          "no endpoint, project or page number in: %s" % res.err_line(120))


def sc_checkpoint(h):
    state = os.path.join(h.tmp, "ckpt-state.db")
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 4, "requests_per_second": 10.0,
           "max_attempts": 2}
    # failed run, then the same window by hand
    h.reset()
    ents = series(800, 14, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.faults_by_page = {2: "503"}
    toml = pipeline("ckpt", src, ids_of(ents), state=state)
    res = h.run("ckpt", toml, h.env("ckpt"))
    check("checkpoint: failing run exits 1", res.rc == 1, "rc=%s" % res.rc)
    h.log.faults_by_page = {}
    res = h.run("ckpt", toml, h.env("ckpt"))
    ok, ev = exactly_once(res, ids_of(ents))
    check("checkpoint: re-run of the failed window reads everything once", res.rc == 0 and ok,
          "rc=%s %s" % (res.rc, ev))
    # back-to-back windows with a late arrival (grace_period 2m, dedup by insertId)
    state2 = os.path.join(h.tmp, "ckpt2-state.db")
    T1 = S0 + 3600 * SEC
    T2 = T1 + 3600 * SEC
    h.reset()
    a = series(850, 10, S0 + 60 * SEC, 300 * SEC)
    a.append(entry(861, T1 - 30 * SEC, "ERROR", "json"))
    a.append(entry(862, T1 - 10 * SEC, "ERROR", "text"))
    a.append(entry(863, T1 - 1, "ERROR", "text", digits=9))           # last ns of window 1
    h.log.add(a)
    b = series(870, 8, T1 + 5 * SEC, 300 * SEC)
    b.append(entry(878, T1, "ERROR", "json", digits=0))                # first instant of window 2
    late = entry(880, T1 - 60 * SEC, "ERROR", "json")
    ids_all = ids_of(a) + ids_of(b) + [880]
    toml = pipeline("ckpt2", src, ids_all, state=state2)
    res = h.run("ckpt2", toml, h.env("ckpt2"), since=fmt_ts_ns(S0), until=fmt_ts_ns(T1))
    ok, ev = exactly_once(res, ids_of(a), ids_of(b) + [880])
    check("checkpoint: window 1 read", res.rc == 0 and ok, "rc=%s %s" % (res.rc, ev))
    h.log.add(b + [late])  # the late entry only becomes visible after run 1
    h.log.requests.clear()
    res = h.run("ckpt2", toml, h.env("ckpt2"), since=fmt_ts_ns(T1), until=fmt_ts_ns(T2))
    ok, ev = exactly_once(res, ids_of(b) + [880], ids_of(a))
    reqs = log_reqs(h)
    flt = " ".join(((reqs[0]["body"] or {}).get("filter", "") if reqs else "").split())
    lo = re.search(r'timestamp\s*>=\s*"([^"]+)"', flt)
    check("checkpoint: next window re-reads grace_period (2m) before it",
          bool(lo) and parse_ts_ns(lo.group(1)) == T1 - 120 * SEC, "lower bound=%s" % (lo.group(1) if lo else None))
    check("checkpoint: late arrival counted once, previous entries not again", res.rc == 0 and ok,
          "rc=%s %s" % (res.rc, ev))
    # a --plan run must not consume entries of the real run that follows
    state3 = os.path.join(h.tmp, "ckpt3-state.db")
    h.reset()
    ents = series(890, 6, T1 - 90 * SEC, 10 * SEC)     # all within the last grace_period of window 1
    h.log.add(ents)
    toml = pipeline("ckpt3", src, ids_of(ents), state=state3)
    res = h.run("ckpt3", toml, h.env("ckpt3"), since=fmt_ts_ns(S0), until=fmt_ts_ns(T1), extra_args=["--plan"])
    check("checkpoint: --plan run reads the window", res.rc == 0, "rc=%s %s" % (res.rc, res.err_line(160) if res.rc else ""))
    res = h.run("ckpt3", toml, h.env("ckpt3"), since=fmt_ts_ns(S0), until=fmt_ts_ns(T1))
    ok, ev = exactly_once(res, ids_of(ents))
    check("checkpoint: real run after a --plan run of the same window reads everything once",
          res.rc == 0 and ok, "rc=%s %s" % (res.rc, ev))


def sc_not_retried(h):
    src = {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0}
    h.reset()
    h.log.add(series(900, 3, S0 + 10 * SEC, 60 * SEC))
    bad = 'resource.type="cloud_run_revision" AND jsonPayload.message:'
    res = h.run("badfilter", pipeline("badfilter", dict(src, filter=bad), [900]), h.env("badfilter"))
    reqs = log_reqs(h)
    e = res.err
    check("bad filter: 400 not retried, exit 1", res.rc == 1 and len(reqs) == 1,
          "rc=%s requests=%d %s" % (res.rc, len(reqs), res.err_line(160)))
    check("bad filter: error has 400 INVALID_ARGUMENT, API message and the filter",
          "400" in e and "INVALID_ARGUMENT" in e and "Unparseable filter" in e and "jsonPayload.message:" in e,
          "stderr: %s" % res.err_line(260))
    for fault, reason in (("403", "IAM_PERMISSION_DENIED"), ("403disabled", "SERVICE_DISABLED")):
        h.reset()
        h.log.add(series(900, 3, S0 + 10 * SEC, 60 * SEC))
        h.log.faults_by_page = {0: fault}
        res = h.run("perm" + fault, pipeline("perm" + fault, src, [900]), h.env("perm" + fault))
        reqs = log_reqs(h)
        check("403 %s: exit 1, not retried, reason shown" % reason,
              res.rc == 1 and len(reqs) == 1 and "403" in res.err and "PERMISSION_DENIED" in res.err
              and reason in res.err, "rc=%s requests=%d stderr: %s" % (res.rc, len(reqs), res.err_line(200)))
    # an invalid / expired page token (400) on page 2
    h.reset()
    ents = series(910, 12, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.faults_by_page = {2: "badtoken"}
    res = h.run("badtoken", pipeline("badtoken", dict(src, page_size=4), ids_of(ents)), h.env("badtoken"))
    reqs = log_reqs(h)
    ok, ev = exactly_once(res, ids_of(ents))
    check("400 invalid pageToken: clear failure or complete re-read, never silent loss",
          (res.rc == 1 and len(reqs) <= 4 and "400" in res.err) or (res.rc == 0 and ok),
          "rc=%s %s requests=%d stderr: %s" % (res.rc, ev, len(reqs), res.err_line(200)))
    if res.rc == 0 and not ok:
        pass
    # request validation by the fake never triggered (pageSize <= 1000 etc.)
    h.reset()
    h.log.add(series(930, 3, S0 + 10 * SEC, 60 * SEC))
    res = h.run("defaults", pipeline("defaults", src, [930, 931, 932]), h.env("defaults"))
    reqs = log_reqs(h)
    check("defaults: pageSize 1000 and a valid orderBy sent",
          res.rc == 0 and reqs and (reqs[0]["body"] or {}).get("pageSize") == 1000,
          "body=%s" % json.dumps({k: v for k, v in ((reqs[0]["body"] or {}) if reqs else {}).items() if k != "filter"}))


def sc_limits(h):
    src = {"project": "proj-a", "min_severity": "WARNING", "page_size": 5, "requests_per_second": 10.0}
    h.reset()
    ents = series(1000, 25, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    res = h.run("maxpages", pipeline("maxpages", dict(src, max_pages=2), ids_of(ents)), h.env("maxpages"))
    s0 = ((res.rep or {}).get("sources") or [{}])[0] if isinstance(res.rep, dict) else {}
    check("max_pages=2: 2 requests, report truncated with a note",
          res.rc == 0 and len(log_reqs(h)) == 2 and res.lines_read() == 10 and s0.get("truncated") is True
          and s0.get("note"), "rc=%s requests=%d lines_read=%s source=%s" % (
              res.rc, len(log_reqs(h)), res.lines_read(), json.dumps({k: s0.get(k) for k in ("truncated", "note")})))
    h.reset()
    h.log.add(ents)
    res = h.run("maxentries", pipeline("maxentries", dict(src, max_entries=12), ids_of(ents)), h.env("maxentries"))
    s0 = ((res.rep or {}).get("sources") or [{}])[0] if isinstance(res.rep, dict) else {}
    check("max_entries=12: read cut at 12, report truncated with a note",
          res.rc == 0 and res.lines_read() == 12 and s0.get("truncated") is True and s0.get("note"),
          "rc=%s lines_read=%s source=%s" % (res.rc, res.lines_read(),
                                            json.dumps({k: s0.get(k) for k in ("truncated", "note")})))


def sc_malformed(h):
    h.reset()
    normal = series(1100, 5, S0 + 10 * SEC, 60 * SEC)
    t = S0 + 1000 * SEC
    m = []
    e = entry(1110, t, "ERROR", "text"); del e["timestamp"]; m.append(e)                     # no timestamp
    e = entry(1112, t, "ERROR", "text"); e["severity"] = "SEVERE"; m.append(e)              # unknown severity
    e = entry(1113, t, "ERROR", "json"); e["jsonPayload"]["message"] = "ref=E01113 huge " + "A" * (2 * 1024 * 1024); m.append(e)
    e = entry(1114, t, "ERROR", "json")
    nest = {"message": "ref=E01114 deep"}
    cur = nest
    for k in range(90):                                                                     # proto Struct depth < 100
        cur["n"] = {"level": k}
        cur = cur["n"]
    e["jsonPayload"] = nest; m.append(e)
    e = entry(1116, t, "ERROR", "text", msg="ref=E01116 nul \u0000 and bell \u0007 and bidi \u202e \u00e9\u4e2d\U0001f600"); m.append(e)
    e = entry(1117, t, "ERROR", "json"); e["jsonPayload"] = {"message": {"nested": "ref=E01117 object message"},
                                                             "other": 1}; m.append(e)
    e = entry(1118, t, "ERROR", "text"); del e["textPayload"]; m.append(e)                  # no payload
    e = entry(1119, t, "ERROR", "text", msg="ref=E01119 " + "x" * 300000); m.append(e)     # long token
    e = entry(1120, t, "ERROR", "text"); e["timestamp"] = "not-a-time"; m.append(e)
    h.log.add(normal)
    h.log.add(m, force=True)
    src = {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0}
    res = h.run("malformed", pipeline("malformed", src, ids_of(normal) + ids_of(m)), h.env("malformed"), timeout=60)
    total = len(normal) + len(m)
    ok_rc = res.rc == 0
    check("malformed entries in a valid page: no crash, exit 0", ok_rc,
          "rc=%s %.1fs %s" % (res.rc, res.dt, "" if ok_rc else res.err_line()))
    if isinstance(res.rep, dict):
        lr, bl = res.rep.get("lines_read"), res.rep.get("bad_lines")
        rc_ = res.rule_counts()
        norm_ok = all(rc_.get("E%05d" % i) == 1 for i in ids_of(normal))
        check("malformed: every entry accounted for (lines_read + bad_lines), normal ones once",
              (lr or 0) + (bl or 0) == total and norm_ok and res.rep.get("coverage_holds") is True,
              "lines_read=%s bad_lines=%s of %d" % (lr, bl, total))
        by = res.rep.get("by_severity", {})
        check("malformed: unknown severity mapped to a LogSeverity name",
              all(k in ("DEFAULT", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "CRITICAL", "ALERT", "EMERGENCY")
                  for k in by), "by_severity=%s" % by)
    else:
        check("malformed: report written", False, "no report")
    # an entry with neither timestamp nor receiveTimestamp, and entries outside the window served anyway
    h.reset()
    ents = series(1130, 3, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    e = entry(1133, S0 + 500 * SEC, "ERROR", "text"); del e["timestamp"]; del e["receiveTimestamp"]
    out = [entry(1134, S1, "ERROR", "text", digits=0), entry(1135, S0 - SEC, "ERROR", "text")]
    h.log.add([e] + out, force=True)
    res = h.run("notime", pipeline("notime", src, [1130, 1131, 1132, 1133, 1134, 1135]), h.env("notime"))
    rep = res.rep if isinstance(res.rep, dict) else {}
    rc_ = res.rule_counts()
    st = res.stage()
    check("entry without any timestamp: counted as read or bad line, not silently lost",
          res.rc == 0 and (rc_.get("E01133") == 1 or rep.get("bad_lines", 0) >= 1 or rep.get("warnings")),
          "rc=%s lines_read=%s bad_lines=%s warnings=%s source entries metric=%s (4 in-window entries served)"
          % (res.rc, rep.get("lines_read"), rep.get("bad_lines"), rep.get("warnings"), st.get("entries")))
    check("entries outside the window served anyway: not counted",
          res.rc == 0 and not rc_.get("E01134") and not rc_.get("E01135"), "counted=%s" % sorted(rc_))
    # lone-surrogate escapes (JSON syntax allows them; the real API should not emit them)
    h.reset()
    ents = series(1140, 3, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.add([entry(1143, S0 + 500 * SEC, "ERROR", "text", msg="ref=E01143 bad escapes \ud800 \udfff end")], force=True)
    h.log.raw_pages = {0: lambda resp: json.dumps(resp, ensure_ascii=True)}
    res = h.run("surrogate", pipeline("surrogate", dict(src, max_attempts=3), ids_of(ents) + [1143]), h.env("surrogate"))
    rep = res.rep if isinstance(res.rep, dict) else {}
    check("lone-surrogate escapes in one entry: page read, that entry kept or counted bad",
          res.rc == 0 and all(res.rule_counts().get("E%05d" % i) == 1 for i in ids_of(ents)),
          "rc=%s requests=%d lines_read=%s %s" % (res.rc, len(log_reqs(h)), rep.get("lines_read"),
                                                 "" if res.rc == 0 else res.err_line(200)))
    # raw invalid UTF-8 bytes inside a string (the real API never sends them): no crash
    h.reset()
    ents = series(1150, 4, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    h.log.raw_pages = {0: lambda resp: json.dumps(resp).replace("upstream", "up\\u00e9").encode().replace(
        b"up\\u00e9", b"up\xff\xfe")}
    res = h.run("rawbytes", pipeline("rawbytes", dict(src, max_attempts=3), ids_of(ents)), h.env("rawbytes"))
    check("page with raw non-UTF-8 bytes: no crash (exit 0 or 1)", res.rc in (0, 1),
          "rc=%s lines_read=%s %s" % (res.rc, res.lines_read(), "" if res.rc == 0 else res.err_line(160)))
    # 3000-deep nesting in one entry (beyond what the API accepts): no crash
    h.reset()
    ents = series(1160, 3, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    deep = entry(1163, S0 + 500 * SEC, "ERROR", "text", msg="ref=E01163 deep")
    h.log.add([deep], force=True)
    h.log.raw_pages = {0: lambda resp: json.dumps(resp).replace(
        '"textPayload": "ref=E01163 deep"',
        '"jsonPayload": {"message": "ref=E01163 deep", "d": ' + '{"a":' * 3000 + '1' + '}' * 3000 + '}')}
    res = h.run("deep", pipeline("deep", src, ids_of(ents) + [1163]), h.env("deep"))
    check("entry nested 3000 deep: no crash, others still read",
          res.rc in (0, 1) and (res.rc == 1 or all(res.rule_counts().get("E%05d" % i) == 1 for i in ids_of(ents))),
          "rc=%s lines_read=%s bad_lines=%s %s" % (res.rc, res.lines_read(),
                                                   res.rep.get("bad_lines") if isinstance(res.rep, dict) else None,
                                                   "" if res.rc == 0 else res.err_line(160)))


def sc_cloud_run(h):
    h.reset()
    t = S0 + 100 * SEC
    ents = []
    e = entry(1200, t, "ERROR", "json")                    # section 2 shape, sourceLocation lifted
    ents.append(e)
    e = entry(1201, t + SEC, "ERROR", "json")              # special key not lifted (defensive)
    del e["sourceLocation"]
    e["jsonPayload"] = {"message": "ref=E01201 payment failed", "context": {"service": "payments"},
                        "logging.googleapis.com/sourceLocation": {"file": "billing/stripe.py", "line": "118",
                                                                  "function": "charge"},
                        "labels": {"module": "billing.stripe"}}
    ents.append(e)
    e = entry(1202, t + 2 * SEC, "WARNING", "text")        # function/module only in entry labels
    e["labels"].update({"function": "charge", "module": "billing.stripe", "line": "118"})
    ents.append(e)
    h.log.add(ents)
    toml = pipeline("cloudrun", {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0}, [])
    toml = toml.replace("[clusterers.drain]", "[[clusterers.rules.rule]]\nid = \"stripe-charge\"\n"
                        "match.module = '^billing\\.stripe$'\nmatch.function = '^charge$'\n\n[clusterers.drain]")
    res = h.run("cloudrun", toml, h.env("cloudrun"))
    rc_ = res.rule_counts()
    check("Cloud Run entries: module/function from sourceLocation, special key, labels",
          res.rc == 0 and rc_.get("stripe-charge") == 3, "rc=%s rule count=%s (expected 3)" % (res.rc, rc_.get("stripe-charge")))
    if isinstance(res.rep, dict):
        cl = [c for c in res.rep.get("clusters", []) if c.get("id") == "stripe-charge"]
        smp = [s.get("entry", {}) for s in (cl[0].get("samples", []) if cl else [])]
        lines = [str((s.get("labels") or {}).get("line")) for s in smp]
        check("Cloud Run: sample entry labels.line from int64 string \"118\"", smp and all(l == "118" for l in lines),
              "sample labels=%s" % [s.get("labels") for s in smp][:3])


def sc_secrets(h):
    h.reset()
    t = S0 + 100 * SEC
    bearer = "8fKq2LmZ7xWp4RtY9vBn3CsD6hJe1GuAqQ"
    aws = "Zq7vR2mN9xK4pL8sT1wY6bC3dF5gH0jQeUaVoIiP"
    pw = "Tr0ub4dor-xyz-77Qp"
    email = "jane.doe@acme-payments.io"
    email2 = "bob.smith@corp-mail.com"
    urltok = "a9F3kQ7zP2mX8vB4nL6wR1tY5"
    ents = [
        entry(1300, t, "ERROR", "text", msg="ref=E01300 upstream rejected Authorization: Bearer %s" % bearer),
        entry(1301, t + SEC, "ERROR", "json", msg="ref=E01301 boto config aws_secret_access_key = %s" % aws),
        entry(1302, t + 2 * SEC, "ERROR", "json",
              msg="ref=E01302 cannot connect postgres://admin:%s@db.internal:5432/app" % pw),
        entry(1303, t + 3 * SEC, "WARNING", "json", msg="ref=E01303 password reset failed for %s" % email),
        entry(1304, t + 4 * SEC, "ERROR", "proto", msg="ref=E01304 denied for %s" % email2),
        entry(1305, t + 5 * SEC, "ERROR", "http", msg="ref=E01305 callback failed"),
    ]
    ents[1]["jsonPayload"]["request"] = {"headers": {"authorization": "Bearer " + bearer}, "user": email}
    ents[3]["labels"]["user_email"] = email2
    ents[5]["httpRequest"]["requestUrl"] = "https://svc-a.run.app/cb?token=%s&x=1" % urltok
    ents[5]["httpRequest"]["referer"] = "https://admin:%s@internal.example.net/" % pw
    h.log.add(ents)
    state = os.path.join(h.tmp, "secrets", "state.db")
    toml = pipeline("secrets", {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0},
                    ids_of(ents), redact=True, markdown=True, state=state)
    res = h.run("secrets", toml, h.env("secrets"), log_level="debug")
    ok, ev = exactly_once(res, ids_of(ents))
    check("secrets: run with redact + json + markdown completes", res.rc == 0 and ok, "rc=%s %s" % (res.rc, ev))
    secrets_ = {"bearer": bearer, "aws": aws, "url-password": pw, "email": email, "email2": email2, "url-token": urltok}
    found = {}
    files = []
    for root, _, fs in os.walk(res.dir):
        for f in fs:
            if "home" in root.split(os.sep):
                continue
            p = os.path.join(root, f)
            if f == "pipeline.toml":
                continue
            files.append(os.path.relpath(p, res.dir))
            with open(p, "rb") as fh:
                data = fh.read()
            for k, s in secrets_.items():
                if s.encode() in data:
                    found.setdefault(k, []).append(os.path.relpath(p, res.dir))
    check("secrets: none in any file the tool wrote (report, worklog, state)", not found and files,
          "files=%s leaks=%s" % (files, found))
    outs = {k: s for k, s in secrets_.items() if s in res.err or s in res.out}
    check("secrets: none in stdout/stderr (debug)", not outs, "leaks=%s" % list(outs))
    red = res.rep.get("redactions", {}) if isinstance(res.rep, dict) else {}
    check("secrets: report counts redactions", sum(red.values() or [0]) >= 5, "redactions=%s" % red)


def sc_more_auth(h):
    src = {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0}
    # no credentials anywhere, metadata server unreachable
    h.reset()
    env = h.env("nocreds", {"GCE_METADATA_HOST": "127.0.0.1:1", "GCE_METADATA_ROOT": "127.0.0.1:1"},
                static_token=False, metadata=False)
    res = h.run("nocreds", pipeline("nocreds", src, [1]), env, timeout=60)
    check("no credentials at all: prompt exit 1 with a clear credentials error",
          res.rc == 1 and res.dt < 20 and "credential" in res.err.lower() and not log_reqs(h),
          "rc=%s %.1fs stderr: %s" % (res.rc, res.dt, res.err_line(220)))
    # metadata server without a service account (404)
    h.reset()
    h.meta.no_account = True
    env = h.env("meta404", static_token=False)
    res = h.run("meta404", pipeline("meta404", src, [1]), env, timeout=60)
    check("metadata token 404 (no service account): exit 1, error names the metadata server",
          res.rc == 1 and "404" in res.err and ("metadata" in res.err.lower()) and not log_reqs(h),
          "rc=%s %.1fs stderr: %s" % (res.rc, res.dt, res.err_line(200)))
    # token endpoint 200 without access_token
    h.reset()
    h.oauth.faults = ["bad200"] * 6
    key = h.sa_file("sa-key.json")
    env = h.env("bad200", {"GOOGLE_APPLICATION_CREDENTIALS": key}, static_token=False)
    res = h.run("bad200", pipeline("bad200", src, [1]), env, timeout=60)
    check("token endpoint 200 without access_token: exit 1, clear error",
          res.rc == 1 and "access_token" in res.err and not log_reqs(h),
          "rc=%s token requests=%d stderr: %s" % (res.rc, len(h.oauth.requests), res.err_line(200)))
    # unsupported credential type / not JSON
    for name, content in (("external", json.dumps({"type": "external_account", "audience": "x"})),
                          ("notjson", "this is not json {")):
        h.reset()
        p = os.path.join(h.tmp, name + "-cred.json")
        with open(p, "w") as f:
            f.write(content)
        env = h.env("cred" + name, {"GOOGLE_APPLICATION_CREDENTIALS": p}, static_token=False)
        res = h.run("cred" + name, pipeline("cred" + name, src, [1]), env, timeout=60)
        check("credentials file %s: exit 1/2, error names the file" % ("of type external_account" if name == "external"
                                                                       else "that is not JSON"),
              res.rc in (1, 2) and p in res.err and not h.meta.requests and not log_reqs(h),
              "rc=%s stderr: %s" % (res.rc, res.err_line(200)))


def sc_more_reads(h):
    # volume: 2,600 entries in pages of 1,000
    h.reset()
    ents = []
    for k in range(2600):
        ents.append(entry(20000 + k, S0 + 5 * SEC + k * 7 * SEC + k, SEVS[k % 5], ("json", "text")[k % 2]))
    h.log.add(ents)
    src = {"project": "proj-a", "min_severity": "WARNING", "requests_per_second": 10.0}
    res = h.run("volume", pipeline("volume", src, []), h.env("volume"), timeout=120)
    by = res.rep.get("by_severity", {}) if isinstance(res.rep, dict) else {}
    check("2,600 entries in pages of 1,000: all read, per-severity counts exact",
          res.rc == 0 and res.lines_read() == 2600 and all(by.get(s_) == 520 for s_ in SEVS)
          and len(log_reqs(h)) == 3, "rc=%s lines_read=%s by_severity=%s requests=%d" % (
              res.rc, res.lines_read(), by, len(log_reqs(h))))
    # resource_names (a log view) passed through
    h.reset()
    ents = series(1400, 3, S0 + 10 * SEC, 60 * SEC)
    h.log.add(ents)
    view = "projects/proj-a/locations/global/buckets/_Default/views/_AllLogs"
    res = h.run("view", pipeline("view", {"resource_names": [view, "folders/123"], "min_severity": "WARNING",
                                          "requests_per_second": 10.0}, ids_of(ents)), h.env("view"))
    reqs = log_reqs(h)
    check("resource_names (log view + folder) sent as resourceNames",
          res.rc == 0 and reqs and reqs[0]["body"].get("resourceNames") == [view, "folders/123"],
          "rc=%s resourceNames=%s" % (res.rc, reqs[0]["body"].get("resourceNames") if reqs and reqs[0]["body"] else None))
    # --since/--until with a UTC offset: the filter is in UTC
    h.reset()
    h.log.add(ents)
    res = h.run("offset", pipeline("offset", src, ids_of(ents)), h.env("offset"),
                since="2025-09-13T19:00:00+02:00", until="2025-09-14T01:00:00+02:00")
    reqs = log_reqs(h)
    flt = " ".join(((reqs[0]["body"] or {}).get("filter", "") if reqs else "").split())
    lo = re.search(r'timestamp\s*>=\s*"([^"]+)"', flt)
    hi = re.search(r'timestamp\s*<\s*"([^"]+)"', flt)
    check("--since/--until with +02:00: window converted to UTC in the filter",
          res.rc == 0 and lo and hi and lo.group(1).endswith("Z") and parse_ts_ns(lo.group(1)) == S0
          and parse_ts_ns(hi.group(1)) == S1, "rc=%s bounds=%s..%s %s" % (
              res.rc, lo and lo.group(1), hi and hi.group(1), "" if res.rc == 0 else res.err_line(160)))


SCENARIOS = [sc_pagination, sc_pacing, sc_service_account, sc_sa_option_and_token_endpoint, sc_authorized_user,
             sc_metadata, sc_auth_errors, sc_token_refresh, sc_quota, sc_faults, sc_checkpoint, sc_not_retried,
             sc_limits, sc_malformed, sc_cloud_run, sc_secrets, sc_more_auth, sc_more_reads]


def main():
    keep = "--keep" in sys.argv
    args = [a for a in sys.argv[1:] if a not in ("-v", "--keep")]
    only = None
    if "-k" in args:
        i = args.index("-k")
        only = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__)
        return 2
    if not shutil.which("openssl"):
        print("openssl not found")
        return 2
    h = Harness(args[0])
    t0 = time.monotonic()
    for sc in SCENARIOS:
        if only and only not in sc.__name__:
            continue
        try:
            sc(h)
        except Exception as ex:  # a harness error is a failure of that scenario, not of the run
            import traceback
            traceback.print_exc()
            check("%s: harness completed" % sc.__name__, False, repr(ex)[:200])
    # nothing outside 127.0.0.1: every server is bound to loopback; the environment is scrubbed above
    n_fail = sum(1 for r in RESULTS if not r[1])
    print("\n==== scorecard: %d checks, %d passed, %d failed (%.1fs; work dir %s)" %
          (len(RESULTS), len(RESULTS) - n_fail, n_fail, time.monotonic() - t0,
           h.tmp if keep else "removed; --keep keeps it"))
    if not keep:
        shutil.rmtree(h.tmp, ignore_errors=True)
    for name, ok, ev in RESULTS:
        print("%s  %s" % ("PASS" if ok else "FAIL", name))
    return 1 if n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
