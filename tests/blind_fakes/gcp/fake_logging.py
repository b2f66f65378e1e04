"""Blind fake of Cloud Logging v2 `entries.list` (REST), from ../shared/docs/protocols.md section 1
(checklist 1.11) only. Standard library only.

LoggingFake(tokens) serves POST /v2/entries:list on 127.0.0.1:<random port>:
  * bearer token checked against the shared TokenTable (401 UNAUTHENTICATED with ErrorInfo reason and
    WWW-Authenticate otherwise);
  * request validation (resourceNames required 1..100 and well formed, pageSize 0..1000 default 50,
    orderBy "timestamp asc|desc", filter <= 20000 chars, camelCase and snake_case keys, unknown keys 400);
  * a filter matcher for the query-language subset (AND/OR/NOT/-, implicit AND, parentheses, OR binds
    tighter than AND, = != < <= > >= : =~ !~ :*, severity by rank, timestamps as RFC 3339 instants,
    case-insensitive strings); an unparseable filter -> 400 INVALID_ARGUMENT "Unparseable filter: ...";
  * ordering by timestamp then insertId; opaque page tokens bound to the request's parameters (400 if
    they changed or the token is unknown/expired); `{}` for an empty result; scripted empty pages that
    carry only a nextPageToken; optional trailing `{}` page;
  * quota as a per-project sliding window (429 RESOURCE_EXHAUSTED with the ErrorInfo/Help details, no
    Retry-After);
  * scripted faults by request number or by page: 400/401/403/404/429/500/502-html/503/504, 200 with
    HTML, truncated JSON, connection closed without an answer, slow answers, bad page token;
  * every request recorded (time, headers, body, what was answered).
"""
import calendar
import json
import re
import secrets
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEVERITIES = {"DEFAULT": 0, "DEBUG": 100, "INFO": 200, "NOTICE": 300, "WARNING": 400, "ERROR": 500,
              "CRITICAL": 600, "ALERT": 700, "EMERGENCY": 800}


# ---------------------------------------------------------------------------------------------
# time

_TS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$")


def parse_ts_ns(s):
    m = _TS.match(s.strip())
    if not m:
        raise ValueError("bad timestamp %r" % s)
    y, mo, d, hh, mm, ss, frac, tz = m.groups()
    secs = calendar.timegm((int(y), int(mo), int(d), int(hh), int(mm), int(ss), 0, 0, 0))
    if tz not in ("Z", "z"):
        sign = 1 if tz[0] == "+" else -1
        secs -= sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    ns = int((frac or "0").ljust(9, "0"))
    return secs * 1_000_000_000 + ns


def fmt_ts_ns(ns, digits=None):
    secs, frac = divmod(ns, 1_000_000_000)
    base = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs))
    if digits is None:
        if frac == 0:
            digits = 0
        elif frac % 1_000_000 == 0:
            digits = 3
        elif frac % 1000 == 0:
            digits = 6
        else:
            digits = 9
    if digits == 0:
        return base + "Z"
    return base + "." + ("%09d" % frac)[:digits] + "Z"


# ---------------------------------------------------------------------------------------------
# filter language

class FilterError(Exception):
    pass


_TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<op>=~|!~|!=|<=|>=|=|<|>|:)
  | (?P<lp>\()
  | (?P<rp>\))
  | (?P<word>[^\s()"=!<>:]+)
""", re.X)


def tokenize(text):
    out = []
    i = 0
    while i < len(text):
        m = _TOKEN_RE.match(text, i)
        if not m:
            raise FilterError("unexpected character %r at %d" % (text[i], i))
        i = m.end()
        k = m.lastgroup
        v = m.group(k)
        if k == "ws":
            continue
        if k == "str":
            out.append(("str", json.loads(v) if "\\u" not in v else json.loads(v)))
        elif k == "word" and "." in v and '"' not in v:
            out.append(("word", v))
        else:
            out.append((k, v))
    # merge quoted path components: word "." str  e.g.  labels."k8s-pod/app"
    merged = []
    j = 0
    while j < len(out):
        t = out[j]
        if t[0] == "word" and t[1].endswith(".") and j + 1 < len(out) and out[j + 1][0] == "str":
            merged.append(("path", t[1][:-1].split(".") + [out[j + 1][1]]))
            j += 2
            continue
        merged.append(t)
        j += 1
    return merged


class Parser:
    """Google precedence: NOT highest, then OR, then AND (lowest); adjacency is AND."""

    def __init__(self, text):
        self.toks = tokenize(text)
        self.i = 0

    def peek(self, k=0):
        return self.toks[self.i + k] if self.i + k < len(self.toks) else None

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def parse(self):
        if not self.toks:
            return ("true",)
        e = self.conj()
        if self.peek() is not None:
            raise FilterError("unexpected %r" % (self.peek()[1],))
        return e

    def _is_kw(self, t, kw):
        return t is not None and t[0] == "word" and t[1] == kw

    def conj(self):
        items = [self.disj()]
        while True:
            t = self.peek()
            if t is None or t[0] == "rp":
                break
            if self._is_kw(t, "AND"):
                self.take()
            items.append(self.disj())
        return ("and", items) if len(items) > 1 else items[0]

    def disj(self):
        items = [self.unary()]
        while self._is_kw(self.peek(), "OR"):
            self.take()
            items.append(self.unary())
        return ("or", items) if len(items) > 1 else items[0]

    def unary(self):
        t = self.peek()
        if t is None:
            raise FilterError("unexpected end of filter")
        if self._is_kw(t, "NOT"):
            self.take()
            return ("not", self.unary())
        if t[0] == "word" and t[1].startswith("-") and len(t[1]) > 1:
            # leading minus: NOT
            self.toks[self.i] = ("word", t[1][1:])
            return ("not", self.unary())
        if t[0] == "word" and t[1] == "-":
            self.take()
            return ("not", self.unary())
        if t[0] == "lp":
            self.take()
            e = self.conj()
            if self.take() is None or self.toks[self.i - 1][0] != "rp":
                raise FilterError("missing )")
            return e
        if t[0] in ("word", "path"):
            nxt = self.peek(1)
            if nxt is not None and nxt[0] == "op":
                field = t[1] if t[0] == "path" else t[1].split(".")
                self.take()
                op = self.take()[1]
                if op == ":" and self.peek() is not None and self.peek() == ("word", "*"):
                    self.take()
                    return ("present", field)
                return ("cmp", field, op, self.value())
            if t[0] == "word" and t[1] in ("AND", "OR"):
                raise FilterError("unexpected %s" % t[1])
            self.take()
            return ("global", t[1])
        if t[0] == "str":
            self.take()
            return ("global", t[1])
        raise FilterError("unexpected %r" % (t[1],))

    def value(self):
        t = self.peek()
        if t is None:
            raise FilterError("missing value")
        if t[0] == "lp":  # value list ("a" OR "b")
            self.take()
            vals = [self.value()]
            while self._is_kw(self.peek(), "OR"):
                self.take()
                vals.append(self.value())
            if self.take() is None or self.toks[self.i - 1][0] != "rp":
                raise FilterError("missing ) in value list")
            return ("list", vals)
        if t[0] in ("str", "word"):
            self.take()
            if t[0] == "word" and t[1] in ("AND", "OR", "NOT"):
                raise FilterError("keyword %s where a value was expected" % t[1])
            return t[1]
        raise FilterError("bad value %r" % (t[1],))


def _resolve(entry, path):
    cur = entry
    for comp in path:
        if isinstance(cur, dict) and comp in cur:
            cur = cur[comp]
        else:
            return None
    return cur


def _cmp_one(field, actual, op, value):
    if actual is None:
        return False
    if field == ["severity"]:
        a = SEVERITIES.get(str(actual).upper(), None)
        v = value.upper() if isinstance(value, str) else value
        b = SEVERITIES.get(v) if v in SEVERITIES else (int(v) if str(v).lstrip("-").isdigit() else None)
        if a is None or b is None:
            if op in ("=", ":"):
                return str(actual).upper() == str(value).upper()
            return False
        return {"=": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b,
                ":": a == b}.get(op, False)
    if field in (["timestamp"], ["receiveTimestamp"]):
        try:
            a = parse_ts_ns(actual)
            b = parse_ts_ns(value)
        except ValueError:
            raise FilterError("invalid timestamp %r" % (value,))
        return {"=": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}.get(op, False)
    if op == ":":
        if isinstance(actual, dict):
            return any(k.lower() == str(value).lower() for k in actual)
        return str(value).lower() in _flat(actual).lower()
    if op in ("=~", "!~"):
        try:
            m = re.search(value, _flat(actual)) is not None
        except re.error as e:
            raise FilterError("bad regex %r: %s" % (value, e))
        return m if op == "=~" else not m
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        try:
            b = float(value)
            a = float(actual)
            return {"=": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
        except (ValueError, KeyError):
            pass
    a = _flat(actual).lower()
    b = str(value).lower()
    return {"=": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _flat(x):
    if isinstance(x, str):
        return x
    return json.dumps(x)


def evaluate(node, entry):
    kind = node[0]
    if kind == "true":
        return True
    if kind == "and":
        return all(evaluate(n, entry) for n in node[1])
    if kind == "or":
        return any(evaluate(n, entry) for n in node[1])
    if kind == "not":
        return not evaluate(node[1], entry)
    if kind == "present":
        return _resolve(entry, node[1]) is not None
    if kind == "global":
        return str(node[1]).lower() in json.dumps(entry).lower()
    if kind == "cmp":
        _, field, op, value = node
        actual = _resolve(entry, field)
        if isinstance(value, tuple) and value[0] == "list":
            res = [_cmp_one(field, actual, "=" if op == "!=" else op, v) for v in value[1]]
            return (not any(res)) if op == "!=" else any(res)
        return _cmp_one(field, actual, op, value)
    raise FilterError("bad node")


def compile_filter(text):
    ast = Parser(text).parse()
    # validate timestamps and regexes eagerly (so a bad literal is a 400, not a crash)
    def walk(n):
        if n[0] in ("and", "or"):
            for c in n[1]:
                walk(c)
        elif n[0] == "not":
            walk(n[1])
        elif n[0] == "cmp":
            vals = n[3][1] if isinstance(n[3], tuple) else [n[3]]
            for v in vals:
                if n[1] in (["timestamp"], ["receiveTimestamp"]):
                    try:
                        parse_ts_ns(v)
                    except ValueError:
                        raise FilterError("invalid timestamp %r" % (v,))
                if n[2] in ("=~", "!~"):
                    try:
                        re.compile(v)
                    except re.error as e:
                        raise FilterError("bad regex: %s" % e)
    walk(ast)
    return ast


# ---------------------------------------------------------------------------------------------
# the server

def error_envelope(code, status, message, details=None):
    e = {"code": code, "message": message, "status": status}
    if details:
        e["details"] = details
    return {"error": e}


def quota_envelope(project_number="123456789012", limit_value=60):
    return error_envelope(
        429, "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service "
        "'logging.googleapis.com' for consumer 'project_number:%s'." % project_number,
        [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED",
          "domain": "googleapis.com",
          "metadata": {"quota_metric": "logging.googleapis.com/read_requests",
                       "quota_limit": "ReadRequestsPerMinutePerProject",
                       "quota_limit_value": str(limit_value), "quota_location": "global",
                       "consumer": "projects/%s" % project_number, "service": "logging.googleapis.com"}},
         {"@type": "type.googleapis.com/google.rpc.Help",
          "links": [{"description": "Request a higher quota limit.",
                     "url": "https://cloud.google.com/docs/quotas/help/request_increase"}]}])


HTML_GARBAGE = ("<!DOCTYPE html>\n<html lang=en><meta charset=utf-8><title>Error 502 (Server Error)!!1"
                "</title><p><b>502.</b> <ins>That's an error.</ins><p>The server encountered a temporary "
                "error and could not complete your request.<p>Please try again in 30 seconds. "
                "<ins>That's all we know.</ins></html>\n")

_RESOURCE_RE = re.compile(r"^(projects|organizations|billingAccounts|folders)/[^/]+"
                          r"(/locations/[^/]+/buckets/[^/]+/views/[^/]+)?$")
_KNOWN_KEYS = {"resourceNames": "resourceNames", "resource_names": "resourceNames", "filter": "filter",
               "orderBy": "orderBy", "order_by": "orderBy", "pageSize": "pageSize",
               "page_size": "pageSize", "pageToken": "pageToken", "page_token": "pageToken"}


class LoggingFake:
    def __init__(self, tokens):
        self.tokens = tokens
        self.lock = threading.Lock()
        self.reset()
        fake = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_POST(self):
                fake._handle(self)

            def do_GET(self):
                fake._handle(self)

            def do_PUT(self):
                fake._handle(self)

        class S(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request, client_address):  # faults break connections on purpose
                pass

        self.httpd = S(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        self.url = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    # -- configuration ---------------------------------------------------------------------------
    def reset(self):
        with self.lock:
            self.entries = []            # LogEntry dicts (proto3 JSON as the API returns them)
            self.force_include = set()   # insertIds served whatever the filter says (malformed ones)
            self.requests = []
            self.page_tokens = {}        # token -> state
            self.faults_by_request = {}  # 1-based request number -> fault
            self.faults_by_page = {}     # page index (0-based) -> fault (every attempt)
            self.empty_pages = set()     # page indexes answered with only a nextPageToken
            self.trailing_empty = False  # last data page carries a token, the next answer is {}
            self.quota = None            # (max_requests, window_seconds) per project
            self.quota_hits = {}
            self.slow_seconds = 3.0
            self.revoke_token_at_request = None  # revoke the bearer token used by request N (then 401)
            self.always_401 = False      # every token is refused (ACCESS_TOKEN_EXPIRED)
            self.raw_pages = {}          # page index -> raw bytes body to send instead (malformed JSON)
            self.n = 0

    def add(self, entries, force=False):
        with self.lock:
            self.entries.extend(entries)
            if force:
                for e in entries:
                    self.force_include.add(e.get("insertId"))

    # -- helpers -------------------------------------------------------------------------------
    def _send(self, h, status, body, ctype="application/json; charset=UTF-8", extra=None, rec=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode("utf-8")
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
            h.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            if rec is not None:
                rec["client_gone"] = True
        if rec is not None:
            rec["status"] = status

    def _error(self, h, rec, code, status, message, details=None, extra=None):
        rec["answer"] = "%d %s" % (code, status)
        self._send(h, code, error_envelope(code, status, message, details), extra=extra, rec=rec)

    def _fault(self, h, rec, fault):
        rec["answer"] = "fault:" + fault
        if fault == "429":
            return self._send(h, 429, quota_envelope(), rec=rec)
        if fault == "500":
            return self._send(h, 500, error_envelope(500, "INTERNAL", "Internal error encountered."), rec=rec)
        if fault == "503":
            return self._send(h, 503, error_envelope(503, "UNAVAILABLE", "The service is currently "
                                                     "unavailable."), rec=rec)
        if fault == "504":
            return self._send(h, 504, error_envelope(504, "DEADLINE_EXCEEDED", "Deadline exceeded."), rec=rec)
        if fault == "502html":
            return self._send(h, 502, HTML_GARBAGE, "text/html; charset=UTF-8", rec=rec)
        if fault == "200html":
            return self._send(h, 200, HTML_GARBAGE, "text/html; charset=UTF-8", rec=rec)
        if fault == "403":
            return self._send(h, 403, error_envelope(
                403, "PERMISSION_DENIED", "Permission 'logging.logEntries.list' denied on resource "
                "(or it may not exist).",
                [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "IAM_PERMISSION_DENIED",
                  "domain": "iam.googleapis.com",
                  "metadata": {"permission": "logging.logEntries.list"}}]), rec=rec)
        if fault == "403disabled":
            return self._send(h, 403, error_envelope(
                403, "PERMISSION_DENIED", "Cloud Logging API has not been used in project 123456789012 "
                "before or it is disabled. Enable it by visiting https://console.developers.google.com/"
                "apis/api/logging.googleapis.com/overview?project=123456789012 then retry.",
                [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED",
                  "domain": "googleapis.com",
                  "metadata": {"service": "logging.googleapis.com", "consumer": "projects/123456789012",
                               "activationUrl": "https://console.developers.google.com/apis/api/"
                                                "logging.googleapis.com/overview?project=123456789012"}}]),
                rec=rec)
        if fault == "404":
            return self._send(h, 404, error_envelope(404, "NOT_FOUND", "Requested entity was not found."),
                              rec=rec)
        if fault == "close":
            rec["status"] = None
            h.close_connection = True
            try:
                h.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if fault == "truncated":
            body = json.dumps({"entries": [{"insertId": "trunc", "textPayload": "x" * 200}],
                               "nextPageToken": "zzz"}).encode()
            try:
                h.send_response(200)
                h.send_header("Content-Type", "application/json; charset=UTF-8")
                h.send_header("Content-Length", str(len(body)))
                h.end_headers()
                h.wfile.write(body[: len(body) // 2])
                h.wfile.flush()
            except OSError:
                pass
            rec["status"] = 200
            h.close_connection = True
            try:
                h.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if fault == "slow":
            time.sleep(self.slow_seconds)
            return self._send(h, 503, error_envelope(503, "UNAVAILABLE", "slow"), rec=rec)
        raise ValueError(fault)

    # -- request handling ------------------------------------------------------------------------
    def _handle(self, h):
        n_bytes = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(n_bytes) if n_bytes else b""
        with self.lock:
            self.n += 1
            n = self.n
        rec = {"n": n, "t": time.monotonic(), "wall": time.time(), "method": h.command, "path": h.path,
               "headers": {k.lower(): v for k, v in h.headers.items()}, "raw": raw[:100000], "body": None,
               "answer": None, "status": None, "page": None, "entries": []}
        with self.lock:
            self.requests.append(rec)
        path = urllib.parse.urlsplit(h.path).path
        if path != "/v2/entries:list":
            return self._error(h, rec, 404, "NOT_FOUND", "The requested URL %s was not found on this "
                               "server." % path)
        if h.command != "POST":
            return self._error(h, rec, 405, "UNIMPLEMENTED", "Method not allowed.")
        # auth
        auth = h.headers.get("Authorization") or ""
        www = {"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"'}
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            return self._error(h, rec, 401, "UNAUTHENTICATED", "Request is missing required "
                               "authentication credential. Expected OAuth 2 access token, login cookie or "
                               "other valid authentication credential.",
                               [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                                 "reason": "CREDENTIALS_MISSING", "domain": "googleapis.com",
                                 "metadata": {"service": "logging.googleapis.com",
                                              "method": "google.logging.v2.LoggingServiceV2.ListLogEntries"}}],
                               extra={"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/"'})
        tok = auth[7:].strip()
        rec["token"] = tok
        if self.revoke_token_at_request == n or self.always_401:
            self.tokens.revoke(tok)
        reason = self.tokens.check(tok)
        if reason:
            return self._error(h, rec, 401, "UNAUTHENTICATED", "Request had invalid authentication "
                               "credentials. Expected OAuth 2 access token, login cookie or other valid "
                               "authentication credential. See https://developers.google.com/identity/"
                               "sign-in/web/devconsole-project.",
                               [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason,
                                 "domain": "googleapis.com",
                                 "metadata": {"service": "logging.googleapis.com",
                                              "method": "google.logging.v2.LoggingServiceV2.ListLogEntries"}}],
                               extra=www)
        # body
        ctype = (h.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "Invalid JSON payload received. "
                               "Content-Type must be application/json.")
        try:
            body = json.loads(raw.decode("utf-8")) if raw else {}
            if not isinstance(body, dict):
                raise ValueError("not an object")
        except Exception as e:
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "Invalid JSON payload received. %s" % e)
        rec["body"] = body
        req = {}
        for k, v in body.items():
            if k not in _KNOWN_KEYS:
                return self._error(h, rec, 400, "INVALID_ARGUMENT", "Invalid JSON payload received. "
                                   "Unknown name \"%s\": Cannot find field." % k)
            req[_KNOWN_KEYS[k]] = v
        rn = req.get("resourceNames")
        if not isinstance(rn, list) or not rn or len(rn) > 100 or \
                not all(isinstance(r, str) and _RESOURCE_RE.match(r) for r in rn):
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "resourceNames: invalid or missing %r" % (rn,))
        ps = req.get("pageSize", 50)
        try:
            ps = int(ps)
        except (TypeError, ValueError):
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "Invalid value at 'page_size' (TYPE_INT32)")
        if ps < 0 or ps > 1000:
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "page_size must be between 0 and 1000")
        if ps == 0:
            ps = 50
        ob = req.get("orderBy", "timestamp asc")
        if not isinstance(ob, str) or ob.strip().lower() not in ("timestamp asc", "timestamp desc", ""):
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "invalid orderBy %r" % (ob,))
        desc = ob.strip().lower() == "timestamp desc"
        flt = req.get("filter", "")
        if not isinstance(flt, str) or len(flt) > 20000:
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "filter too long")
        try:
            ast = compile_filter(flt)
        except FilterError as e:
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "Unparseable filter: %s" % e)
        params = json.dumps([rn, flt, ob.strip().lower()])
        # page token
        pt = req.get("pageToken") or ""
        with self.lock:
            if pt:
                st = self.page_tokens.get(pt)
                if st is None or st.get("invalid"):
                    st = None
                elif st["params"] != params:
                    return self._error(h, rec, 400, "INVALID_ARGUMENT", "The page token does not match "
                                       "the request's parameters (filter, orderBy, resourceNames).")
            else:
                st = {"params": params, "offset": 0, "page": 0}
        if pt and st is None:
            return self._error(h, rec, 400, "INVALID_ARGUMENT", "Invalid page token (it may have "
                               "expired): %s" % pt[:20])
        rec["page"] = st["page"]
        # scripted faults
        fault = self.faults_by_request.get(n) or self.faults_by_page.get(st["page"])
        if fault == "badtoken":
            fault = None
            if pt:
                return self._error(h, rec, 400, "INVALID_ARGUMENT", "Invalid page token (it may have "
                                   "expired): %s" % pt[:20])
        if fault:
            return self._fault(h, rec, fault)
        # quota (sliding window per project)
        if self.quota:
            mx, win = self.quota
            key = rn[0]
            now = time.monotonic()
            with self.lock:
                hits = [t for t in self.quota_hits.get(key, []) if now - t < win]
                if len(hits) >= mx:
                    self.quota_hits[key] = hits
                    rec["answer"] = "quota 429"
                    return self._send(h, 429, quota_envelope(limit_value=mx), rec=rec)
                hits.append(now)
                self.quota_hits[key] = hits
        # results
        with self.lock:
            matched = []
            for e in self.entries:
                if e.get("insertId") in self.force_include:
                    matched.append(e)
                    continue
                try:
                    if evaluate(ast, e):
                        matched.append(e)
                except FilterError as ex:
                    return self._error(h, rec, 400, "INVALID_ARGUMENT", "Unparseable filter: %s" % ex)

            def key(e):
                try:
                    ts = parse_ts_ns(e.get("timestamp", ""))
                except ValueError:
                    ts = 0
                return (ts, e.get("insertId", ""))
            matched.sort(key=key, reverse=desc)
            page = st["page"]
            off = st["offset"]
            resp = {}
            if page in self.empty_pages:
                chunk = []
                new_off = off
                more = True
            else:
                chunk = matched[off: off + ps]
                new_off = off + len(chunk)
                more = new_off < len(matched) or (self.trailing_empty and chunk)
            if chunk:
                resp["entries"] = chunk
            if more:
                t = secrets.token_urlsafe(18)
                self.page_tokens[t] = {"params": params, "offset": new_off, "page": page + 1}
                resp["nextPageToken"] = t
            raw_override = self.raw_pages.get(page)
        rec["entries"] = [e.get("insertId") for e in chunk]
        rec["answer"] = "200 page %d (%d entries%s)" % (page, len(chunk), ", token" if more else "")
        if raw_override is not None:
            rec["answer"] += " raw"
            return self._send(h, 200, raw_override(resp) if callable(raw_override) else raw_override, rec=rec)
        return self._send(h, 200, resp, rec=rec)


if __name__ == "__main__":
    import sys
    sys.path.insert(0, __import__("os").path.dirname(__file__))
    from fake_auth import TokenTable
    tt = TokenTable()
    tt.add_static("fake-token")
    f = LoggingFake(tt)
    print("logging fake on", f.url, "(token: fake-token)", flush=True)
    while True:
        time.sleep(3600)
