"""Blind fake of Google's OAuth2 token endpoint and the GCE metadata server.

Written only from ../shared/docs/protocols.md section 3 (checklist 3.7); standard library
plus the `openssl` command-line tool (RSA key generation, RS256 verification).

* TokenTable: the access tokens issued (shared with fake_logging so that expired / revoked tokens
  get 401 there).
* OAuthFake: POST /token, grant types jwt-bearer (RS256 assertion verified against registered public
  keys, claims iss/scope/aud/iat/exp checked) and refresh_token (authorized_user); errors as the real
  endpoint returns them (400 {"error": "invalid_grant", "error_description": ...}).
* MetadataFake: /computeMetadata/v1/... with `Metadata-Flavor: Google` required (403 otherwise).
"""
import base64
import json
import os
import secrets
import subprocess
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def b64url_decode(s):
    if isinstance(s, str):
        s = s.encode()
    if b"=" in s:
        raise ValueError("padding in base64url")
    return base64.urlsafe_b64decode(s + b"=" * (-len(s) % 4))


# ---------------------------------------------------------------------------------------------
# keys (openssl CLI)

def generate_keypair(directory, name):
    """Returns (private_pem_text, public_pem_path). PKCS#8 'BEGIN PRIVATE KEY' as Google issues."""
    priv = os.path.join(directory, name + ".key.pem")
    pub = os.path.join(directory, name + ".pub.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                    "-out", priv], check=True, capture_output=True)
    subprocess.run(["openssl", "pkey", "-in", priv, "-pubout", "-out", pub], check=True,
                   capture_output=True)
    with open(priv) as f:
        return f.read(), pub


def verify_rs256(pub_pem_path, signing_input: bytes, signature: bytes) -> bool:
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, "in")
        sig = os.path.join(d, "sig")
        with open(data, "wb") as f:
            f.write(signing_input)
        with open(sig, "wb") as f:
            f.write(signature)
        r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", pub_pem_path, "-signature", sig,
                            data], capture_output=True)
        return r.returncode == 0 and b"Verified OK" in r.stdout


# ---------------------------------------------------------------------------------------------

class TokenTable:
    """Access tokens known to the fakes. Each token: expiry (time.time()), origin, revoked flag."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tokens = {}

    def issue(self, origin, lifetime):
        tok = "ya29.fake-" + origin + "-" + secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[tok] = {"expiry": time.time() + lifetime, "origin": origin, "revoked": False,
                                "issued": time.time()}
        return tok

    def add_static(self, tok, origin="static"):
        with self.lock:
            self.tokens[tok] = {"expiry": float("inf"), "origin": origin, "revoked": False,
                                "issued": time.time()}

    def revoke(self, tok):
        with self.lock:
            if tok in self.tokens:
                self.tokens[tok]["revoked"] = True

    def check(self, tok):
        """Returns None when valid, else an ErrorInfo reason."""
        with self.lock:
            t = self.tokens.get(tok)
            if t is None:
                return "ACCESS_TOKEN_TYPE_UNSUPPORTED"
            if t["revoked"] or time.time() >= t["expiry"]:
                return "ACCESS_TOKEN_EXPIRED"
            return None

    def origin(self, tok):
        with self.lock:
            t = self.tokens.get(tok)
            return t["origin"] if t else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass


class _Base(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):  # quiet
        pass

    def _send(self, status, body, ctype="application/json; charset=utf-8", extra=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""


class OAuthFake:
    """Token endpoint. Register service accounts (client_email -> public key path) and
    authorized users (client_id, client_secret, refresh_token)."""

    SKEW = 300

    def __init__(self, tokens: TokenTable):
        self.tokens = tokens
        self.service_accounts = {}   # client_email -> {"pub": path, "kid": private_key_id}
        self.users = {}              # refresh_token -> (client_id, client_secret)
        self.revoked_refresh = set()
        self.expires_in = 3599
        self.faults = []             # list of fault kinds consumed one per request ("503", "500", "garbage")
        self.requests = []
        self.lock = threading.Lock()
        fake = self

        class H(_Base):
            def do_POST(self):
                fake._handle(self)

            def do_GET(self):
                with fake.lock:
                    fake.requests.append({"t": time.monotonic(), "method": "GET", "path": self.path,
                                          "headers": dict(self.headers), "form": {}, "result": "405"})
                self._send(405, {"error": "invalid_request", "error_description": "POST only"})

        self.httpd = _Server(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        self.url = "http://127.0.0.1:%d/token" % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self):
        with self.lock:
            self.requests = []
            self.faults = []
            self.expires_in = 3599

    def _record(self, rec):
        with self.lock:
            self.requests.append(rec)

    def _err(self, h, rec, status, error, desc):
        rec["result"] = "%d %s" % (status, error)
        self._record(rec)
        h._send(status, {"error": error, "error_description": desc})

    def _handle(self, h):
        raw = h._body()
        rec = {"t": time.monotonic(), "method": "POST", "path": h.path, "headers": dict(h.headers),
               "form": {}, "result": None, "claims": None, "jwt_header": None}
        with self.lock:
            fault = self.faults.pop(0) if self.faults else None
        if urllib.parse.urlsplit(h.path).path != "/token":
            return self._err(h, rec, 404, "not_found", "unknown path")
        if fault == "bad200":   # 200 without access_token
            rec["result"] = "bad200"
            self._record(rec)
            return h._send(200, {"token_type": "Bearer", "expires_in": 3599})
        if fault in ("500", "503"):
            rec["result"] = fault
            self._record(rec)
            return h._send(int(fault), "<html><body>Service Unavailable</body></html>", "text/html")
        ctype = (h.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            return self._err(h, rec, 400, "invalid_request", "Content-Type must be "
                             "application/x-www-form-urlencoded")
        try:
            form = dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True, strict_parsing=True))
        except Exception:
            return self._err(h, rec, 400, "invalid_request", "Malformed form body.")
        rec["form"] = form
        gt = form.get("grant_type")
        if gt == "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return self._jwt(h, rec, form)
        if gt == "refresh_token":
            return self._refresh(h, rec, form)
        return self._err(h, rec, 400, "unsupported_grant_type", "Invalid grant_type: %s" % gt)

    def _grant(self, h, rec, origin):
        tok = self.tokens.issue(origin, self.expires_in)
        rec["result"] = "200"
        rec["token"] = tok
        self._record(rec)
        h._send(200, {"access_token": tok, "expires_in": self.expires_in, "token_type": "Bearer"})

    def _jwt(self, h, rec, form):
        a = form.get("assertion", "")
        parts = a.split(".")
        if len(parts) != 3:
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived "
                             "token (60 minutes) and in a reasonable timeframe. Check your iat and exp "
                             "values in the JWT claim.")
        try:
            header = json.loads(b64url_decode(parts[0]))
            claims = json.loads(b64url_decode(parts[1]))
            sig = b64url_decode(parts[2])
        except Exception as e:
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT: malformed (%s)" % e)
        rec["claims"] = claims
        rec["jwt_header"] = header
        if header.get("alg") != "RS256":
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT: alg must be RS256")
        sa = self.service_accounts.get(claims.get("iss"))
        if sa is None:
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT Signature.")
        signing_input = (parts[0] + "." + parts[1]).encode()
        ok = verify_rs256(sa["pub"], signing_input, sig)
        rec["sig_ok"] = ok
        if not ok:
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT Signature.")
        if claims.get("aud") != self.url:
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT: aud %r is not %r"
                             % (claims.get("aud"), self.url))
        if not isinstance(claims.get("scope"), str) or not claims["scope"].strip():
            return self._err(h, rec, 400, "invalid_scope", "Invalid OAuth scope or ID token audience "
                             "provided.")
        iat, exp = claims.get("iat"), claims.get("exp")
        now = time.time()
        if not isinstance(iat, int) or not isinstance(exp, int) or exp - iat > 3600 or exp <= iat \
                or abs(iat - now) > self.SKEW:
            return self._err(h, rec, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived "
                             "token (60 minutes) and in a reasonable timeframe. Check your iat and exp "
                             "values in the JWT claim.")
        return self._grant(h, rec, "sa")

    def _refresh(self, h, rec, form):
        rt = form.get("refresh_token")
        u = self.users.get(rt)
        if u is None or rt in self.revoked_refresh:
            return self._err(h, rec, 400, "invalid_grant", "Token has been expired or revoked.")
        if form.get("client_id") != u[0] or form.get("client_secret") != u[1]:
            return self._err(h, rec, 401, "invalid_client", "The OAuth client was not found.")
        return self._grant(h, rec, "user")


class MetadataFake:
    def __init__(self, tokens: TokenTable, project_id="meta-proj"):
        self.tokens = tokens
        self.project_id = project_id
        self.expires_in = 3599
        self.no_account = False
        self.requests = []
        self.lock = threading.Lock()
        fake = self

        class H(_Base):
            def do_GET(self):
                fake._handle(self)

            def do_POST(self):
                fake._handle(self)

        self.httpd = _Server(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        self.hostport = "127.0.0.1:%d" % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self):
        with self.lock:
            self.requests = []
            self.expires_in = 3599
            self.no_account = False

    def _handle(self, h):
        rec = {"t": time.monotonic(), "method": h.command, "path": h.path, "headers": dict(h.headers)}
        with self.lock:
            self.requests.append(rec)
        mf = {"Metadata-Flavor": "Google"}
        if h.command != "GET":
            rec["result"] = 405
            return h._send(405, "Method not allowed", "text/html", mf)
        if h.headers.get("X-Forwarded-For"):
            rec["result"] = 403
            return h._send(403, "Forbidden", "text/html", mf)
        if h.headers.get("Metadata-Flavor") != "Google":
            rec["result"] = 403
            return h._send(403, "Missing Metadata-Flavor:Google header.", "text/html", mf)
        u = urllib.parse.urlsplit(h.path)
        p = u.path
        if p in ("/", ""):
            rec["result"] = 200
            return h._send(200, "computeMetadata/\n", "application/text", mf)
        if p == "/computeMetadata/v1/instance/service-accounts/default/token" and self.no_account:
            rec["result"] = 404
            return h._send(404, "Not Found", "text/html", mf)
        if p == "/computeMetadata/v1/instance/service-accounts/default/token":
            tok = self.tokens.issue("metadata", self.expires_in)
            rec["result"] = 200
            rec["token"] = tok
            return h._send(200, {"access_token": tok, "expires_in": self.expires_in,
                                 "token_type": "Bearer"}, "application/json", mf)
        if p in ("/computeMetadata/v1/instance/service-accounts/default/",
                 "/computeMetadata/v1/instance/service-accounts/default"):
            rec["result"] = 200
            return h._send(200, {"aliases": ["default"], "email": "sa@meta-proj.iam.gserviceaccount.com",
                                 "scopes": ["https://www.googleapis.com/auth/cloud-platform"]},
                           "application/json", mf)
        if p == "/computeMetadata/v1/project/project-id":
            rec["result"] = 200
            return h._send(200, self.project_id, "application/text", mf)
        if p == "/computeMetadata/v1/instance/service-accounts/default/email":
            rec["result"] = 200
            return h._send(200, "sa@meta-proj.iam.gserviceaccount.com", "application/text", mf)
        rec["result"] = 404
        return h._send(404, "Not Found", "text/html", mf)


if __name__ == "__main__":
    t = TokenTable()
    o = OAuthFake(t)
    m = MetadataFake(t)
    print("token endpoint", o.url, "metadata", m.hostport, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
