"""Independent, stateful in-memory fake of the GitHub REST API (issues subset).

Written blind from ../shared/docs/protocols.md section 4 (checklist 4.7) and the user docs;
standard library only.  Start with ``FakeGitHub(prefix="").start()``; ``base_url`` is then the
API base to hand to the tool.  Every request is recorded in ``requests`` (method, path, query,
headers, body, time, status, fault).

Scripted faults: ``add_fault(method, path_regex, action, times=1, **kw)`` with action
  "status"          answer ``code`` with ``body`` (str) / ``ctype`` / ``headers``, do not apply
  "drop"            close the connection without any answer, do not apply
  "apply_then_drop" apply the request (e.g. store the issue), then close without an answer
  "slow"            sleep ``delay`` seconds, then answer normally
  "apply_then_slow" apply at once, answer only after ``delay`` seconds (client timeout = lost answer)
  "secondary"       403 (or ``code``=429) secondary rate limit, optional ``retry_after``
  "primary"         403 primary rate limit exhausted (remaining=0, reset=now+``reset_in``)
"""
import json
import re
import socket
import threading
import time
import urllib.parse
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DOC = "https://docs.github.com/rest"
SUPPORTED_VERSIONS = {"2022-11-28", "2026-03-10"}
MAX_BODY = 65536


def _utf8_ok(raw):
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def iso(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


class Reply(Exception):
    def __init__(self, code, obj=None, headers=None, raw=None, ctype=None):
        self.code, self.obj, self.headers, self.raw, self.ctype = code, obj, headers or {}, raw, ctype


def err(code, message, errors=None, doc=DOC, headers=None):
    o = {"message": message, "documentation_url": doc, "status": str(code)}
    if errors is not None:
        o["errors"] = errors
    return Reply(code, o, headers)


class Repo:
    def __init__(self, full):
        self.full = full
        self.owner, self.name = full.split("/")
        self.items = {}          # number -> dict (issues and PRs share the sequence)
        self.labels = {}         # lower name -> label dict
        self.comments = {}       # number -> [comment]
        self.next_number = 1
        self.issues_enabled = True
        self.id = abs(hash(full)) % 10**8 + 1000


class FakeGitHub:
    def __init__(self, prefix="", tokens=("ghp_faketoken_good",), nopush_tokens=(),
                 users=("octocat", "alice", "bob"), search_delay=30.0, index_html_comments=False,
                 secondary_per_min=80, secondary_per_hour=500, core_limit=5000):
        self.prefix = prefix.rstrip("/")
        self.tokens = set(tokens)
        self.nopush_tokens = set(nopush_tokens)
        self.users = set(users)
        self.search_delay = search_delay
        self.index_html_comments = index_html_comments
        self.secondary_per_min = secondary_per_min
        self.secondary_per_hour = secondary_per_hour
        self.core_limit = core_limit
        self.lock = threading.RLock()
        self.repos = {}
        self.redirects = {}      # old full name -> new full name (301)
        self.requests = []
        self.faults = []
        self.core_used = 0
        self.search_used = []
        self.mutation_times = []
        self.next_id = 1_000_000_001
        self.next_comment_id = 2_000_000_001
        self.next_label_id = 3_000_000_001
        self.server = None
        self.inflight = 0
        self.max_inflight = 0
        self.keepalive = True    # False: "Connection: close" on every answer (each request on a new connection)

    # ------------------------------------------------------------------ control
    def start(self):
        fake = self

        class H(Handler):
            pass
        H.fake = fake
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.root = "http://127.0.0.1:%d" % self.port
        self.base_url = self.root + self.prefix
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def repo(self, full, create=True):
        with self.lock:
            if full not in self.repos and create:
                self.repos[full] = Repo(full)
            return self.repos.get(full)

    def add_fault(self, method, path_re, action, times=1, **kw):
        with self.lock:
            self.faults.append(dict(method=method, path=re.compile(path_re), action=action,
                                    times=times, kw=kw))

    def clear_faults(self):
        with self.lock:
            self.faults = []

    def reset_log(self):
        with self.lock:
            self.requests = []
            self.mutation_times = []

    def index_all(self):
        with self.lock:
            for r in self.repos.values():
                for it in r.items.values():
                    it["_indexed_at"] = 0

    # helpers for scenario set-up ------------------------------------------------
    def seed_issue(self, full, title, body="", labels=(), state="open", state_reason=None,
                   closed_at=None, pr=False, user="octocat", created_at=None):
        with self.lock:
            r = self.repo(full)
            now = time.time()
            it = self._new_item(r, title, body, [self._ensure_label(r, l) for l in labels], [], user,
                                created_at or now)
            if pr:
                it["pull_request"] = {
                    "url": "%s/repos/%s/pulls/%d" % (self.base_url, full, it["number"]),
                    "html_url": "https://github.com/%s/pull/%d" % (full, it["number"]),
                    "diff_url": "https://github.com/%s/pull/%d.diff" % (full, it["number"]),
                    "patch_url": "https://github.com/%s/pull/%d.patch" % (full, it["number"]),
                    "merged_at": None}
            if state == "closed":
                it["state"] = "closed"
                it["state_reason"] = state_reason or "completed"
                it["closed_at"] = closed_at or iso(now)
            return it

    def issues(self, full, include_prs=False):
        with self.lock:
            r = self.repos.get(full)
            if not r:
                return []
            return [dict(i) for i in sorted(r.items.values(), key=lambda x: x["number"])
                    if include_prs or "pull_request" not in i]

    def comments_of(self, full, number):
        with self.lock:
            return list(self.repos[full].comments.get(number, []))

    # ------------------------------------------------------------------ model
    def _ensure_label(self, r, name, color="ededed", description=None):
        key = name.lower()
        if key not in r.labels:
            r.labels[key] = {"id": self.next_label_id, "node_id": "LA_kwDO%08d" % self.next_label_id,
                             "url": "%s/repos/%s/labels/%s" % (self.base_url, r.full, urllib.parse.quote(name)),
                             "name": name, "color": color, "default": False,
                             "description": description}
            self.next_label_id += 1
        return r.labels[key]

    def _new_item(self, r, title, body, labels, assignees, user, t):
        n = r.next_number
        r.next_number += 1
        iid = self.next_id
        self.next_id += 1
        base = "%s/repos/%s/issues/%d" % (self.base_url, r.full, n)
        it = {
            "id": iid, "node_id": "I_kwDO%010d" % iid, "url": base,
            "repository_url": "%s/repos/%s" % (self.base_url, r.full),
            "labels_url": base + "/labels{/name}", "comments_url": base + "/comments",
            "events_url": base + "/events", "html_url": "https://github.com/%s/issues/%d" % (r.full, n),
            "number": n, "title": title, "body": body,
            "user": {"login": user, "id": 583231, "node_id": "MDQ6VXNlcjU4MzIzMQ==", "type": "User",
                     "site_admin": False},
            "labels": labels, "state": "open", "state_reason": None, "locked": False,
            "assignee": ({"login": assignees[0], "id": 1} if assignees else None),
            "assignees": [{"login": a, "id": 1} for a in assignees], "milestone": None,
            "comments": 0, "created_at": iso(t), "updated_at": iso(t), "closed_at": None,
            "author_association": "OWNER", "active_lock_reason": None, "closed_by": None,
            "timeline_url": base + "/timeline",
            "reactions": {"url": base + "/reactions", "total_count": 0},
            "_indexed_at": time.time() + self.search_delay,
        }
        r.items[n] = it
        return it

    @staticmethod
    def public(it):
        return {k: v for k, v in it.items() if not k.startswith("_")}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake = None

    def log_message(self, *a):
        pass

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def do_PATCH(self):
        self._handle()

    def do_PUT(self):
        self._handle()

    def do_DELETE(self):
        self._handle()

    # --------------------------------------------------------------- plumbing
    def _drop(self):
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close_connection = True

    def _send(self, code, body, ctype, headers):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        if not self.fake.keepalive:
            self.send_header("Connection", "close")
            self.close_connection = True
        # The request stops being in flight before its answer goes out: a serial
        # client may send its next request the moment it reads this one, on a new
        # connection served by another thread, before this thread runs its finally.
        self._leave_flight()
        self.end_headers()
        self.wfile.write(data)

    def _leave_flight(self):
        if getattr(self, "_in_flight", False):
            with self.fake.lock:
                self.fake.inflight -= 1
            self._in_flight = False

    def _handle(self):
        f = self.fake
        t0 = time.time()
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        u = urllib.parse.urlsplit(self.path)
        rec = {"method": self.command, "path": u.path, "query": urllib.parse.parse_qs(u.query),
               "raw_query": u.query, "headers": {k.lower(): v for k, v in self.headers.items()},
               "body": raw.decode("utf-8", "replace"), "time": t0, "status": None, "fault": None,
               "utf8_ok": _utf8_ok(raw)}
        with f.lock:
            f.requests.append(rec)
            f.inflight += 1
            f.max_inflight = max(f.max_inflight, f.inflight)
        self._in_flight = True
        try:
            self._handle2(rec, u, raw)
        finally:
            self._leave_flight()

    def _handle2(self, rec, u, raw):
        f = self.fake
        fault = None
        with f.lock:
            for fl in f.faults:
                if fl["times"] != 0 and fl["method"] in (self.command, "*") and fl["path"].search(u.path):
                    fl["times"] -= 1
                    fault = fl
                    break
        if fault:
            rec["fault"] = fault["action"]
            a, kw = fault["action"], fault["kw"]
            if a == "drop":
                rec["status"] = "dropped"
                return self._drop()
            if a == "slow":
                time.sleep(kw.get("delay", 5))
            if a == "status":
                rec["status"] = kw.get("code", 500)
                return self._send(kw.get("code", 500), kw.get("body", "<html><body>Unicorn!</body></html>"),
                                  kw.get("ctype", "text/html"), kw.get("headers", {}))
            if a in ("secondary", "primary"):
                code = kw.get("code", 403)
                h = self._rl_headers("core")
                if a == "secondary":
                    msg = ("You have exceeded a secondary rate limit. Please wait a few minutes before you "
                           "try again. If you reach out to GitHub Support for help, please include the "
                           "request ID ABCD:1234:5678.")
                    if kw.get("retry_after") is not None:
                        h["retry-after"] = str(kw["retry_after"])
                    doc = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"
                else:
                    msg = "API rate limit exceeded for user ID 583231."
                    h["x-ratelimit-remaining"] = "0"
                    h["x-ratelimit-used"] = h["x-ratelimit-limit"]
                    h["x-ratelimit-reset"] = str(int(time.time() + kw.get("reset_in", 2)))
                    doc = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits"
                rec["status"] = code
                body = json.dumps({"message": msg, "documentation_url": doc, "status": str(code)})
                return self._send(code, body, "application/json; charset=utf-8", h)
        try:
            resp = self._route(rec, u, raw)
            code, obj, headers = resp
            ctype = "application/json; charset=utf-8"
            body = "" if code == 204 else json.dumps(obj)
        except Reply as r:
            code, headers = r.code, r.headers
            ctype = r.ctype or "application/json; charset=utf-8"
            body = r.raw if r.raw is not None else json.dumps(r.obj)
        rec["status"] = code
        rec["response"] = body[:2000]
        if fault and fault["action"] == "apply_then_slow":
            time.sleep(fault["kw"].get("delay", 5))
        if fault and fault["action"] == "apply_then_drop":
            rec["status"] = "applied-dropped(%s)" % code
            return self._drop()
        self._send(code, body, ctype, headers)

    def _rl_headers(self, bucket):
        f = self.fake
        now = time.time()
        with f.lock:
            if bucket == "search":
                f.search_used = [t for t in f.search_used if t > now - 60]
                return {"x-ratelimit-limit": "30", "x-ratelimit-remaining": str(max(0, 30 - len(f.search_used))),
                        "x-ratelimit-used": str(len(f.search_used)), "x-ratelimit-reset": str(int(now) + 60),
                        "x-ratelimit-resource": "search"}
            return {"x-ratelimit-limit": str(f.core_limit),
                    "x-ratelimit-remaining": str(max(0, f.core_limit - f.core_used)),
                    "x-ratelimit-used": str(f.core_used), "x-ratelimit-reset": str(int(now) + 3600),
                    "x-ratelimit-resource": "core"}

    # --------------------------------------------------------------- routing
    def _route(self, rec, u, raw):
        f = self.fake
        h = rec["headers"]
        path = u.path
        if f.prefix:
            if not path.startswith(f.prefix + "/"):
                raise err(404, "Not Found")
            path = path[len(f.prefix):]
        if not h.get("user-agent"):
            raise Reply(403, raw="Request forbidden by administrative rules. Please make sure your "
                        "request has a User-Agent header (https://docs.github.com/en/rest/overview/"
                        "resources-in-the-rest-api#user-agent-required). Check "
                        "https://developer.github.com for other possible causes.\n", ctype="text/plain")
        ver = h.get("x-github-api-version")
        if ver is not None and ver not in SUPPORTED_VERSIONS:
            raise err(400, "API version '%s' is not supported." % ver)
        bucket = "search" if path.startswith("/search/") else "core"
        auth = h.get("authorization", "")
        m = re.match(r"(?i)(bearer|token)\s+(\S+)$", auth)
        tok = m.group(2) if m else None
        if auth and (not tok or tok not in f.tokens | f.nopush_tokens):
            raise err(401, "Bad credentials", doc="https://docs.github.com/rest")
        if not auth:
            # unauthenticated: reads of public data would work on github.com; our repos are private
            raise err(404 if self.command == "GET" else 401,
                      "Not Found" if self.command == "GET" else "Requires authentication")
        with f.lock:
            if bucket == "search":
                f.search_used.append(time.time())
            else:
                f.core_used += 1
                over = f.core_used > f.core_limit
        if bucket == "core" and over:
            h2 = self._rl_headers("core")
            h2["x-ratelimit-remaining"] = "0"
            raise err(403, "API rate limit exceeded for user ID 583231.", headers=h2)
        rlh = self._rl_headers(bucket)
        rlh["x-github-api-version-selected"] = ver or "2022-11-28"
        rlh["x-github-request-id"] = "FAKE:%d" % len(f.requests)
        if self.command in ("POST", "PATCH", "PUT", "DELETE"):
            self._secondary_check(rlh)
        try:
            code, obj, extra = self._dispatch(path, u, raw, tok, rec)
        except Reply as r:
            r.headers = {**rlh, **r.headers}
            raise
        return code, obj, {**rlh, **extra}

    def _secondary_check(self, rlh):
        f = self.fake
        now = time.time()
        with f.lock:
            f.mutation_times.append(now)
            last_min = [t for t in f.mutation_times if t > now - 60]
            last_hour = [t for t in f.mutation_times if t > now - 3600]
            if len(last_min) > f.secondary_per_min or len(last_hour) > f.secondary_per_hour:
                raise Reply(403, {"message": "You have exceeded a secondary rate limit and have been "
                                  "temporarily blocked from content creation. Please retry your request "
                                  "again later.", "documentation_url": DOC, "status": "403"},
                            {**rlh, "retry-after": "1"})

    def _json(self, raw):
        try:
            o = json.loads(raw.decode("utf-8") or "null")
        except (ValueError, UnicodeDecodeError):
            raise err(400, "Problems parsing JSON")
        if not isinstance(o, dict):
            raise err(400, "Problems parsing JSON")
        return o

    def _dispatch(self, path, u, raw, tok, rec):
        f = self.fake
        q = {k: v[-1] for k, v in urllib.parse.parse_qs(u.query, keep_blank_values=True).items()}
        M = self.command
        if path == "/search/issues" and M == "GET":
            return self._search(q, u)
        m = re.match(r"^/repos/([^/]+)/([^/]+)(/.*)?$", path)
        if not m:
            if path in ("", "/"):
                return 200, {"current_user_url": f.base_url + "/user"}, {}
            if path == "/rate_limit":
                return 200, {"resources": {}}, {}
            raise err(404, "Not Found")
        full = "%s/%s" % (m.group(1), m.group(2))
        rest = m.group(3) or ""
        with f.lock:
            if full in f.redirects:
                new = f.redirects[full]
                loc = f.base_url + "/repos/" + new + rest + ("?" + u.query if u.query else "")
                code = 301 if self.command == "GET" else 307
                raise Reply(code, {"message": "Moved Permanently" if code == 301 else "Temporary Redirect",
                                   "url": loc, "documentation_url": DOC}, {"Location": loc})
            r = f.repos.get(full)
        if r is None:
            raise err(404, "Not Found", doc="https://docs.github.com/rest/issues/issues")
        push = tok in f.tokens
        with f.lock:
            if rest == "":
                if M == "GET":
                    return 200, {"id": r.id, "name": r.name, "full_name": r.full, "private": True,
                                 "has_issues": r.issues_enabled, "owner": {"login": r.owner}}, {}
            if rest.startswith("/issues") and not r.issues_enabled:
                raise err(410, "Issues are disabled for this repo",
                          doc="https://docs.github.com/v3/issues/")
            if rest == "/issues":
                if M == "GET":
                    return self._list(r, q, u)
                if M == "POST":
                    return self._create(r, self._json(raw), push)
            mm = re.match(r"^/issues/(\d+)$", rest)
            if mm:
                it = r.items.get(int(mm.group(1)))
                if it is None:
                    raise err(404, "Not Found", doc="https://docs.github.com/rest/issues/issues#get-an-issue")
                if M == "GET":
                    return 200, FakeGitHub.public(it), {}
                if M == "PATCH":
                    return self._patch(r, it, self._json(raw), push)
            mm = re.match(r"^/issues/(\d+)/comments$", rest)
            if mm:
                it = r.items.get(int(mm.group(1)))
                if it is None:
                    raise err(404, "Not Found")
                cs = r.comments.setdefault(it["number"], [])
                if M == "GET":
                    per, page = self._paging(q)
                    return 200, cs[(page - 1) * per: page * per], self._link(u, q, page, per, len(cs))
                if M == "POST":
                    b = self._json(raw)
                    body = b.get("body")
                    if not isinstance(body, str) or body == "":
                        raise err(422, "Validation Failed", [{"resource": "IssueComment", "code": "missing_field",
                                                              "field": "body"}])
                    if len(body) > MAX_BODY:
                        raise err(422, "Validation Failed", [{"resource": "IssueComment", "code": "custom",
                                                              "field": "body",
                                                              "message": "body is too long (maximum is 65536 characters)"}])
                    cid = f.next_comment_id
                    f.next_comment_id += 1
                    c = {"id": cid, "node_id": "IC_kwDO%010d" % cid,
                         "url": "%s/repos/%s/issues/comments/%d" % (f.base_url, r.full, cid),
                         "html_url": "%s#issuecomment-%d" % (it["html_url"], cid), "body": body,
                         "user": {"login": "octocat", "id": 583231}, "created_at": iso(time.time()),
                         "updated_at": iso(time.time()), "issue_url": it["url"],
                         "author_association": "OWNER"}
                    cs.append(c)
                    it["comments"] += 1
                    it["updated_at"] = iso(time.time())
                    return 201, c, {"Location": c["url"]}
            mm = re.match(r"^/issues/(\d+)/labels$", rest)
            if mm:
                it = r.items.get(int(mm.group(1)))
                if it is None:
                    raise err(404, "Not Found")
                if M == "GET":
                    return 200, it["labels"], {}
                if M in ("POST", "PUT"):
                    b = json.loads(raw or b"{}")
                    names = b.get("labels") if isinstance(b, dict) else b
                    if not isinstance(names, list):
                        raise err(422, "Invalid request.\n\nNo subschema in \"anyOf\" matched.")
                    names = [n if isinstance(n, str) else n.get("name") for n in names]
                    self._check_label_names(names)
                    if not push:
                        return 200, it["labels"], {}
                    new = [] if M == "PUT" else list(it["labels"])
                    for n in names:
                        lab = f._ensure_label(r, n)
                        if lab not in new:
                            new.append(lab)
                    it["labels"] = new
                    it["updated_at"] = iso(time.time())
                    return 200, new, {}
            mm = re.match(r"^/issues/(\d+)/labels/(.+)$", rest)
            if mm and M == "DELETE":
                it = r.items.get(int(mm.group(1)))
                name = urllib.parse.unquote(mm.group(2))
                if it is None or not any(l["name"].lower() == name.lower() for l in it["labels"]):
                    raise err(404, "Label does not exist")
                it["labels"] = [l for l in it["labels"] if l["name"].lower() != name.lower()]
                return 200, it["labels"], {}
            if rest == "/labels":
                if M == "GET":
                    labs = sorted(r.labels.values(), key=lambda l: l["name"].lower())
                    per, page = self._paging(q)
                    return 200, labs[(page - 1) * per: page * per], self._link(u, q, page, per, len(labs))
                if M == "POST":
                    b = self._json(raw)
                    name = b.get("name")
                    if not isinstance(name, str) or not name:
                        raise err(422, "Validation Failed", [{"resource": "Label", "code": "missing_field",
                                                              "field": "name"}])
                    color = b.get("color", "ededed")
                    if not re.fullmatch(r"[0-9a-fA-F]{6}", str(color)):
                        raise err(422, "Validation Failed", [{"resource": "Label", "code": "invalid",
                                                              "field": "color"}])
                    self._check_label_names([name])
                    if name.lower() in r.labels:
                        raise err(422, "Validation Failed", [{"resource": "Label", "code": "already_exists",
                                                              "field": "name"}],
                                  doc="https://docs.github.com/rest/issues/labels#create-a-label")
                    lab = f._ensure_label(r, name, color.lower(), b.get("description"))
                    return 201, lab, {"Location": lab["url"]}
            mm = re.match(r"^/labels/(.+)$", rest)
            if mm and M == "GET":
                name = urllib.parse.unquote(mm.group(1))
                lab = r.labels.get(name.lower())
                if lab is None:
                    raise err(404, "Not Found", doc="https://docs.github.com/rest/issues/labels#get-a-label")
                return 200, lab, {}
        raise err(404, "Not Found")

    # ------------------------------------------------------------------ endpoints
    @staticmethod
    def _paging(q):
        try:
            per = int(q.get("per_page", 30))
        except ValueError:
            per = 30
        per = max(1, min(100, per))
        try:
            page = max(1, int(q.get("page", 1)))
        except ValueError:
            page = 1
        return per, page

    def _link(self, u, q, page, per, total):
        last = max(1, (total + per - 1) // per)
        base = self.fake.root + u.path

        def url(p):
            qq = dict(q)
            qq["per_page"] = str(per)
            qq["page"] = str(p)
            return "<%s?%s>" % (base, urllib.parse.urlencode(qq))
        parts = []
        if page < last:
            parts.append('%s; rel="next"' % url(page + 1))
            parts.append('%s; rel="last"' % url(last))
        if page > 1:
            parts.append('%s; rel="first"' % url(1))
            parts.append('%s; rel="prev"' % url(page - 1))
        return {"Link": ", ".join(parts)} if parts else {}

    def _list(self, r, q, u):
        state = q.get("state", "open")
        if state not in ("open", "closed", "all"):
            raise err(422, "Validation Failed", [{"resource": "Issue", "field": "state", "code": "invalid"}])
        want = [l.strip().lower() for l in q.get("labels", "").split(",") if l.strip()]
        since = q.get("since")
        items = []
        for it in r.items.values():
            if state != "all" and it["state"] != state:
                continue
            names = {l["name"].lower() for l in it["labels"]}
            if any(w not in names for w in want):
                continue
            if since and it["updated_at"] < since:
                continue
            items.append(it)
        sort = q.get("sort", "created")
        key = {"created": "created_at", "updated": "updated_at", "comments": "comments"}.get(sort, "created_at")
        desc = q.get("direction", "desc") == "desc"
        items.sort(key=lambda i: (i[key], i["number"]), reverse=desc)
        per, page = self._paging(q)
        chunk = [FakeGitHub.public(i) for i in items[(page - 1) * per: page * per]]
        return 200, chunk, self._link(u, q, page, per, len(items))

    def _check_label_names(self, names):
        for n in names:
            if not isinstance(n, str) or len(n) > 50 or not n.strip():
                raise err(422, "Validation Failed", [{"resource": "Label", "code": "invalid", "field": "name",
                                                      "value": n}])

    def _check_text(self, b, resource="Issue"):
        if "title" in b:
            t = b["title"]
            if not isinstance(t, str) or not t.strip():
                raise err(422, "Validation Failed", [{"resource": resource, "code": "missing_field",
                                                      "field": "title"}])
            if len(t) > 256:
                raise err(422, "Validation Failed", [{"resource": resource, "code": "custom", "field": "title",
                                                      "message": "title is too long (maximum is 256 characters)"}])
        body = b.get("body")
        if body is not None and (not isinstance(body, str) or len(body) > MAX_BODY):
            raise err(422, "Validation Failed", [{"resource": resource, "field": "body", "code": "custom",
                                                  "message": "body is too long (maximum is 65536 characters)"}])

    def _create(self, r, b, push):
        f = self.fake
        if "title" not in b or b.get("title") in (None, ""):
            raise err(422, "Validation Failed", [{"resource": "Issue", "code": "missing_field", "field": "title"}],
                      doc="https://docs.github.com/rest/issues/issues#create-an-issue")
        self._check_text(b)
        labels = b.get("labels") or []
        names = [n if isinstance(n, str) else n.get("name") for n in labels]
        self._check_label_names(names)
        assignees = b.get("assignees") or ([b["assignee"]] if b.get("assignee") else [])
        bad = [a for a in assignees if a not in f.users]
        if bad and push:
            raise err(422, "Validation Failed", [{"value": a, "resource": "Issue", "field": "assignees",
                                                  "code": "invalid"} for a in bad])
        if not push:
            names, assignees = [], []
        labs = []
        for n in names:
            lab = f._ensure_label(r, n)
            if lab not in labs:
                labs.append(lab)
        it = f._new_item(r, b["title"], b.get("body") or None, labs, assignees, "octocat", time.time())
        return 201, FakeGitHub.public(it), {"Location": it["url"]}

    def _patch(self, r, it, b, push):
        f = self.fake
        self._check_text(b)
        if "state" in b and b["state"] not in ("open", "closed"):
            raise err(422, "Validation Failed", [{"resource": "Issue", "code": "invalid", "field": "state"}])
        if "state_reason" in b and b["state_reason"] not in ("completed", "not_planned", "duplicate",
                                                             "reopened", None):
            raise err(422, "Validation Failed", [{"resource": "Issue", "code": "invalid",
                                                  "field": "state_reason"}])
        now = iso(time.time())
        if "title" in b:
            it["title"] = b["title"]
        if "body" in b:
            it["body"] = b["body"]
        if "labels" in b and push:
            names = [n if isinstance(n, str) else n.get("name") for n in (b["labels"] or [])]
            self._check_label_names(names)
            it["labels"] = []
            for n in names:
                lab = f._ensure_label(r, n)
                if lab not in it["labels"]:
                    it["labels"].append(lab)
        if "assignees" in b and push:
            bad = [a for a in b["assignees"] or [] if a not in f.users]
            if bad:
                raise err(422, "Validation Failed", [{"value": a, "resource": "Issue", "field": "assignees",
                                                      "code": "invalid"} for a in bad])
            it["assignees"] = [{"login": a, "id": 1} for a in b["assignees"] or []]
        st = b.get("state")
        if st == "closed" and it["state"] != "closed":
            it["state"] = "closed"
            it["closed_at"] = now
            it["state_reason"] = b.get("state_reason") or "completed"
        elif st == "open" and it["state"] != "open":
            it["state"] = "open"
            it["closed_at"] = None
            it["state_reason"] = "reopened"
        elif "state_reason" in b and it["state"] == "closed" and b["state_reason"] != "reopened":
            it["state_reason"] = b["state_reason"]
        it["updated_at"] = now
        return 200, FakeGitHub.public(it), {}

    # ------------------------------------------------------------------ search
    def _search(self, q, u):
        f = self.fake
        query = q.get("q", "")
        toks = re.findall(r'-?[a-z_]+:"[^"]*"|"[^"]*"|\S+', query)
        quals, terms = [], []
        for t in toks:
            if re.match(r'-?(repo|is|type|state|label|in|no|author|assignee|created|updated):', t):
                quals.append(t)
            elif t.upper() not in ("AND", "OR", "NOT"):
                terms.append(t.strip('"'))
        kinds = [x for x in quals if re.match(r"(is|type):(issue|pr|pull-request)$", x)]
        if not kinds:
            raise err(422, "Query must include 'is:issue' or 'is:pull-request'",
                      doc="https://docs.github.com/rest/search/search#search-issues-and-pull-requests")
        if len(" ".join(terms)) > 256:
            raise err(422, "Validation Failed", [{"message": "The search is longer than 256 characters.",
                                                  "resource": "Search", "field": "q", "code": "invalid"}])
        now = time.time()
        items = []
        with f.lock:
            for r in f.repos.values():
                for it in r.items.values():
                    if it["_indexed_at"] > now:
                        continue
                    ok = True
                    fields = ["title", "body"]
                    for x in quals:
                        neg = x.startswith("-")
                        k, _, v = x.lstrip("-").partition(":")
                        v = v.strip('"')
                        if k == "repo":
                            hit = r.full.lower() == v.lower()
                        elif k in ("is", "type", "state") and v in ("issue",):
                            hit = "pull_request" not in it
                        elif k in ("is", "type") and v in ("pr", "pull-request"):
                            hit = "pull_request" in it
                        elif k in ("is", "state") and v in ("open", "closed"):
                            hit = it["state"] == v
                        elif k == "label":
                            hit = any(l["name"].lower() == v.lower() for l in it["labels"])
                        elif k == "no" and v == "label":
                            hit = not it["labels"]
                        elif k == "in":
                            fields = [v]
                            hit = True
                        else:
                            hit = True
                        if hit == neg:
                            ok = False
                    if not ok:
                        continue
                    text = ""
                    for fld in fields:
                        s = it.get(fld) or ""
                        if fld == "body" and not f.index_html_comments:
                            s = re.sub(r"<!--.*?-->", " ", s, flags=re.S)
                        text += " " + s.lower()
                    words = set(re.findall(r"[a-z0-9]+", text))
                    for term in terms:
                        tw = re.findall(r"[a-z0-9]+", term.lower())
                        if not all(w in words for w in tw):
                            ok = False
                    if ok:
                        items.append(dict(FakeGitHub.public(it), score=1.0))
        items.sort(key=lambda i: i["number"], reverse=True)
        items = items[:1000]
        per, page = self._paging(q)
        return 200, {"total_count": len(items), "incomplete_results": False,
                     "items": items[(page - 1) * per: page * per]}, self._link(u, q, page, per, len(items))
