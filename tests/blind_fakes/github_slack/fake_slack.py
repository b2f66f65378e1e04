"""Independent fake of Slack incoming webhooks and chat.postMessage.

Written blind from ../shared/docs/protocols.md section 5 (checklist 5.4); standard library only.

Webhooks: POST /services/{T}/{B}/{secret}.  ``hooks`` maps a path to its mode: "ok", "revoked"
(403 invalid_token), "archived" (410 channel_is_archived); an unknown path is 404 no_service.
Success is HTTP 200, Content-Type text/plain, body ``ok``.

Web API: POST /api/chat.postMessage with ``Authorization: Bearer <bot token>``; errors are HTTP 200
``{"ok": false, "error": ...}``; 429 + Retry-After + ``ratelimited`` when scripted or over
``rate_per_sec``.

Faults: ``add_fault(path_re, action, times, **kw)`` with action "status" (code, body, headers) or
"drop" (close without answer) or "ratelimit" (429, retry_after).
"""
import json
import re
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KNOWN_BLOCKS = {"section", "header", "context", "divider", "actions", "image", "input", "rich_text",
                "file", "video", "markdown"}


def validate_message(p):
    """Return None or an error code (the webhook's text / the Web API's error), plus details."""
    if not isinstance(p, dict):
        return "invalid_payload", "not an object"
    text, blocks, atts = p.get("text"), p.get("blocks"), p.get("attachments")
    if not (isinstance(text, str) and text.strip()) and not blocks and not atts:
        return "no_text", "no text, blocks or attachments"
    if atts is not None:
        if not isinstance(atts, list):
            return "invalid_attachments", "attachments not a list"
        if len(atts) > 100:
            return "too_many_attachments", "%d attachments" % len(atts)
    if isinstance(text, str) and len(text) > 40000:
        return "msg_too_long", "text %d chars" % len(text)
    if blocks is not None:
        if not isinstance(blocks, list):
            return "invalid_blocks", "blocks not a list"
        if len(blocks) > 50:
            return "invalid_blocks", "%d blocks > 50" % len(blocks)
        for i, b in enumerate(blocks):
            e = validate_block(b)
            if e:
                return "invalid_blocks", "block %d: %s" % (i, e)
    return None


def _text_obj(t, maxlen, plain_only=False):
    if not isinstance(t, dict) or t.get("type") not in ("plain_text", "mrkdwn"):
        return "text object needs type plain_text or mrkdwn"
    if plain_only and t["type"] != "plain_text":
        return "must be plain_text"
    s = t.get("text")
    if not isinstance(s, str) or s == "":
        return "text object without text"
    if len(s) > maxlen:
        return "text %d > %d" % (len(s), maxlen)
    return None


def validate_block(b):
    if not isinstance(b, dict):
        return "not an object"
    t = b.get("type")
    if t not in KNOWN_BLOCKS:
        return "unknown block type %r" % t
    bid = b.get("block_id")
    if bid is not None and (not isinstance(bid, str) or len(bid) > 255):
        return "block_id > 255"
    if t == "section":
        if "text" not in b and "fields" not in b:
            return "section needs text or fields"
        if "text" in b:
            e = _text_obj(b["text"], 3000)
            if e:
                return "section text: " + e
        if "fields" in b:
            fs = b["fields"]
            if not isinstance(fs, list) or len(fs) > 10:
                return "fields > 10"
            for x in fs:
                e = _text_obj(x, 2000)
                if e:
                    return "field: " + e
    elif t == "header":
        e = _text_obj(b.get("text"), 150, plain_only=True)
        if e:
            return "header: " + e
    elif t == "context":
        els = b.get("elements")
        if not isinstance(els, list) or not els or len(els) > 10:
            return "context elements must be 1..10"
        for x in els:
            if isinstance(x, dict) and x.get("type") in ("plain_text", "mrkdwn"):
                e = _text_obj(x, 3000)
                if e:
                    return "context: " + e
            elif isinstance(x, dict) and x.get("type") == "image":
                if len(x.get("image_url", "")) > 3000 or len(x.get("alt_text", "")) > 2000:
                    return "context image too long"
            else:
                return "context element type"
    elif t == "actions":
        els = b.get("elements")
        if not isinstance(els, list) or len(els) > 25:
            return "actions elements > 25"
    elif t == "image":
        if len(b.get("image_url", "")) > 3000 or len(b.get("alt_text", "")) > 2000:
            return "image too long"
    return None


class FakeSlack:
    def __init__(self, bot_tokens=("xoxb-fake-good",), channels=("C0123456789",),
                 member_of=("C0123456789",), rate_per_sec=None):
        self.hooks = {"/services/T00000000/B00000000/XXXXgoodsecretXXXX": "ok",
                      "/services/T00000000/B00000001/revokedsecret": "revoked",
                      "/services/T00000000/B00000002/archivedsecret": "archived"}
        self.bot_tokens = set(bot_tokens)
        self.channels = set(channels)
        self.member_of = set(member_of)
        self.rate_per_sec = rate_per_sec
        self.lock = threading.RLock()
        self.requests = []
        self.faults = []
        self.messages = []      # accepted messages: {"via", "channel", "ts", "thread_ts", "payload"}
        self.last_post = {}
        self.ts_counter = 0

    def start(self):
        fake = self

        class H(Handler):
            pass
        H.fake = fake
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.root = "http://127.0.0.1:%d" % self.port
        self.api_url = self.root + "/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def hook_url(self, mode="ok"):
        for p, m in self.hooks.items():
            if m == mode:
                return self.root + p
        return self.root + "/services/T00000000/B0000000X/unknownsecret"

    def add_fault(self, path_re, action, times=1, **kw):
        with self.lock:
            self.faults.append(dict(path=re.compile(path_re), action=action, times=times, kw=kw))

    def clear_faults(self):
        with self.lock:
            self.faults = []

    def reset(self):
        with self.lock:
            self.requests, self.messages, self.faults = [], [], []
            self.last_post = {}

    def next_ts(self):
        with self.lock:
            self.ts_counter += 1
            return "1716581474.%06d" % self.ts_counter


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake = None

    def log_message(self, *a):
        pass

    def _send(self, code, body, ctype, headers=None):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.do_POST()

    def do_POST(self):
        f = self.fake
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        path = urllib.parse.urlsplit(self.path).path
        rec = {"method": self.command, "path": path, "headers": {k.lower(): v for k, v in self.headers.items()},
               "body": raw.decode("utf-8", "replace"), "time": time.time(), "status": None, "reply": None}
        with f.lock:
            f.requests.append(rec)
            fault = None
            for fl in f.faults:
                if fl["times"] != 0 and fl["path"].search(path):
                    fl["times"] -= 1
                    fault = fl
                    break
        api = path.startswith("/api/")
        if fault:
            a, kw = fault["action"], fault["kw"]
            rec["fault"] = a
            if a == "drop":
                rec["status"] = "dropped"
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                self.close_connection = True
                return
            if a == "ratelimit":
                rec["status"] = 429
                ra = {"Retry-After": str(kw.get("retry_after", 1))}
                if api:
                    return self._send(429, json.dumps({"ok": False, "error": "ratelimited"}),
                                      "application/json; charset=utf-8", ra)
                return self._send(429, "rate_limited", "text/plain", ra)
            if a == "status":
                rec["status"] = kw.get("code", 500)
                rec["reply"] = kw.get("body", "rollup_error")
                return self._send(kw.get("code", 500), kw.get("body", "rollup_error"),
                                  kw.get("ctype", "text/plain"), kw.get("headers"))
        if self.command != "POST":
            rec["status"] = 405
            return self._send(405, "method_not_allowed", "text/plain")
        if api:
            return self._api(rec, path, raw)
        return self._webhook(rec, path, raw)

    # ------------------------------------------------------------------ webhook
    def _webhook(self, rec, path, raw):
        f = self.fake

        def reply(code, text, headers=None):
            rec["status"], rec["reply"] = code, text
            self._send(code, text, "text/plain; charset=utf-8" if code != 200 else "text/plain", headers)
        mode = f.hooks.get(path)
        if mode is None:
            return reply(404, "no_service")
        if mode == "revoked":
            return reply(403, "invalid_token")
        if mode == "archived":
            return reply(410, "channel_is_archived")
        ct = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            if ct == "application/json":
                p = json.loads(raw.decode("utf-8"))
            elif ct == "application/x-www-form-urlencoded":
                p = json.loads(urllib.parse.parse_qs(raw.decode())["payload"][0])
            else:
                return reply(400, "invalid_payload")
        except (ValueError, KeyError, UnicodeDecodeError):
            return reply(400, "invalid_payload")
        rec["payload"] = p
        e = validate_message(p)
        if e:
            rec["detail"] = e[1]
            code = e[0] if e[0] != "msg_too_long" else "invalid_payload"
            return reply(400, code)
        if self._rate_limited(path):
            return reply(429, "rate_limited", {"Retry-After": "1"})
        with f.lock:
            f.messages.append({"via": "webhook", "channel": path, "ts": None,
                               "thread_ts": p.get("thread_ts"), "payload": p, "time": time.time()})
        return reply(200, "ok")

    def _rate_limited(self, key):
        f = self.fake
        if not f.rate_per_sec:
            return False
        now = time.time()
        with f.lock:
            last = f.last_post.get(key)
            if last is not None and now - last < 1.0 / f.rate_per_sec:
                return True
            f.last_post[key] = now
        return False

    # ------------------------------------------------------------------ web api
    def _api(self, rec, path, raw):
        f = self.fake

        def reply(obj, code=200, headers=None):
            rec["status"], rec["reply"] = code, obj
            self._send(code, json.dumps(obj), "application/json; charset=utf-8", headers)
        if path != "/api/chat.postMessage":
            return reply({"ok": False, "error": "unknown_method"})
        auth = self.headers.get("Authorization") or ""
        ctype = self.headers.get("Content-Type") or ""
        try:
            if ctype.split(";")[0].strip().lower() == "application/json":
                p = json.loads(raw.decode("utf-8"))
            else:
                p = {k: v[-1] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
                for k in ("blocks", "attachments"):
                    if k in p:
                        p[k] = json.loads(p[k])
        except (ValueError, UnicodeDecodeError):
            return reply({"ok": False, "error": "invalid_json"})
        rec["payload"] = p
        tok = auth[7:].strip() if auth.lower().startswith("bearer ") else p.get("token")
        if not tok:
            return reply({"ok": False, "error": "not_authed"})
        if tok not in f.bot_tokens:
            return reply({"ok": False, "error": "invalid_auth"})
        ch = p.get("channel")
        if not ch or ch not in f.channels:
            return reply({"ok": False, "error": "channel_not_found"})
        if ch not in f.member_of:
            return reply({"ok": False, "error": "not_in_channel"})
        e = validate_message(p)
        if e:
            rec["detail"] = e[1]
            return reply({"ok": False, "error": e[0], "errors": [e[1]]})
        if self._rate_limited("api:" + ch):
            return reply({"ok": False, "error": "ratelimited"}, 429, {"Retry-After": "1"})
        th = p.get("thread_ts")
        with f.lock:
            if th is not None and not any(m["ts"] == th and m["channel"] == ch for m in f.messages):
                # Slack posts to the channel if the parent does not exist; record it for the checks
                rec["bad_thread"] = True
            ts = f.next_ts()
            f.messages.append({"via": "api", "channel": ch, "ts": ts, "thread_ts": th, "payload": p,
                               "time": time.time()})
        out = {"ok": True, "channel": ch, "ts": ts,
               "message": {"type": "message", "text": p.get("text", ""), "ts": ts, "bot_id": "B0FAKE"}}
        if "charset" not in ctype.lower():
            out["warning"] = "missing_charset"
            out["response_metadata"] = {"warnings": ["missing_charset"]}
        return reply(out)
