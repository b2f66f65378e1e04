#!/usr/bin/env python3
"""Generate the blind redaction test corpus (JSON lines).

Usage: python3 generate.py OUT_FILE

Standard library only and fully deterministic: every random value comes from
one random.Random(SEED).  All secrets are freshly generated, obviously fake
values in the right *shape* (prefix, length, alphabet, checksum where the real
format has one).  See README.md for the format and the judgement calls.
"""
import base64
import datetime as _dt
import json
import string
import struct
import sys
import zlib
import random
import re

SEED = 20240314
R = random.Random(SEED)

DIGITS = string.digits
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
LETTERS = string.ascii_letters
ALNUM = string.ascii_letters + string.digits
ALNUM_LOWER = LOWER + DIGITS
ALNUM_UPPER = UPPER + DIGITS
B64URL = ALNUM + "-_"
B64STD = ALNUM + "+/"
B32 = UPPER + "234567"
K8S_ALPHA = "bcdfghjklmnpqrstvwxz2456789"   # kube's rand.String alphabet


# ---------------------------------------------------------------- primitives
def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def hx(n):
    return rs(HEX, n)


def num(a, b):
    return R.randint(a, b)


def pick(seq):
    return R.choice(seq)


def digits(n, first_nonzero=True):
    s = rs(DIGITS, n)
    if first_nonzero and s[0] == "0":
        s = str(num(1, 9)) + s[1:]
    return s


def rbytes(n):
    return bytes(R.randrange(256) for _ in range(n))


def b64(n_bytes):
    return base64.b64encode(rbytes(n_bytes)).decode()


def b64url(n_bytes):
    return base64.urlsafe_b64encode(rbytes(n_bytes)).decode().rstrip("=")


def b64s(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def b64urls(s):
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")


def uuid4():
    h = list(hx(32))
    h[12] = "4"
    h[16] = pick("89ab")
    h = "".join(h)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def jd(obj):
    """Compact JSON, as most structured loggers print it."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def jds(obj):
    """JSON with ', ' and ': ' separators (Python json.dumps default)."""
    return json.dumps(obj, ensure_ascii=False)


def urlenc(s):
    out = []
    for ch in s:
        if ch in ALNUM or ch in "-_.~":
            out.append(ch)
        else:
            out.append("%%%02X" % ord(ch))
    return "".join(out)


# ------------------------------------------------------------ checksummed ids
B62_ORDER = DIGITS + UPPER + LOWER


def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62_ORDER[r] + out
    return out.rjust(width, "0")


def gh_style(prefix, body_len=30):
    """GitHub / npm style token: prefix + 30 random base62 + 6 char CRC32."""
    body = rs(ALNUM, body_len)
    return prefix + body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)


def luhn_ok(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_card(prefix, length):
    body = prefix + rs(DIGITS, length - len(prefix) - 1)
    for check in DIGITS:
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable")


def card(brand=None):
    brand = brand or pick(["visa", "mc", "amex", "disc", "visa", "mc"])
    if brand == "visa":
        return luhn_card("4" + digits(5, False), 16)
    if brand == "mc":
        return luhn_card(str(num(51, 55)) + digits(4, False), 16)
    if brand == "mc2":
        return luhn_card(str(num(2221, 2720)) + digits(2, False), 16)
    if brand == "amex":
        return luhn_card(pick(["34", "37"]) + digits(4, False), 15)
    if brand == "disc":
        return luhn_card("6011" + digits(2, False), 16)
    raise ValueError(brand)


def fmt_card(c, sep):
    if len(c) == 15:
        return sep.join([c[:4], c[4:10], c[10:]])
    return sep.join(c[i:i + 4] for i in range(0, len(c), 4))


def not_luhn_digits(n, first="1"):
    """An n-digit number that fails Luhn (order ids etc.)."""
    while True:
        s = first + rs(DIGITS, n - len(first))
        if not luhn_ok(s):
            return s


def _iban_num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_ok(iban):
    iban = iban.replace(" ", "")
    return _iban_num(iban[4:] + iban[:4]) % 97 == 1


def fr_rib_key(bank, branch, acct):
    return "%02d" % (97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97))


def iban(country=None):
    country = country or pick(["DE", "GB", "FR", "NL", "ES", "CH", "IT"])
    if country == "DE":
        bban = digits(8) + rs(DIGITS, 10)
    elif country == "GB":
        bban = pick(["NWBK", "BARC", "LOYD", "MIDL", "HBUK"]) + rs(DIGITS, 14)
    elif country == "FR":
        bank, branch, acct = rs(DIGITS, 5), rs(DIGITS, 5), rs(DIGITS, 11)
        bban = bank + branch + acct + fr_rib_key(bank, branch, acct)
    elif country == "NL":
        bban = pick(["ABNA", "INGB", "RABO", "TRIO"]) + rs(DIGITS, 10)
    elif country == "ES":
        bban = rs(DIGITS, 20)
    elif country == "CH":
        bban = rs(DIGITS, 5) + rs(ALNUM_UPPER, 12)
    elif country == "IT":
        bban = pick(UPPER) + rs(DIGITS, 10) + rs(ALNUM_UPPER, 12)
    else:
        raise ValueError(country)
    check = 98 - _iban_num(bban + country + "00") % 97
    out = f"{country}{check:02d}{bban}"
    assert iban_ok(out), out
    return out


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def ssn():
    while True:
        area = num(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{num(1, 99):02d}-{num(1, 9999):04d}"


# Phone numbers come from ranges reserved for drama / fiction:
# UK Ofcom 020 7946 0xxx, 0161 496 0xxx, 07700 900xxx; US 555-01xx;
# France 01 99 00 xx xx; Germany 030 23125 xxx.
def phone(style=None):
    style = style or pick(["uk_london", "uk_mobile", "us", "uk_manc", "fr", "de"])
    if style == "uk_london":
        return f"+44 20 7946 0{num(0, 999):03d}"
    if style == "uk_mobile":
        return f"+44 7700 900{num(0, 999):03d}"
    if style == "uk_manc":
        return f"+44 161 496 0{num(0, 999):03d}"
    if style == "us":
        return f"+1-{pick(['415', '212', '312', '646', '206'])}-555-01{num(0, 99):02d}"
    if style == "fr":
        return f"+33 1 99 00 {num(0, 99):02d} {num(0, 99):02d}"
    if style == "de":
        return f"+49 30 23125{num(0, 999):03d}"
    raise ValueError(style)


FIRST = ["amelia", "jonas", "priya", "tomasz", "chidi", "sofia", "mateo", "hannah",
         "kenji", "lucia", "oskar", "fatima", "liam", "ingrid", "rafael", "aisha",
         "dmitri", "zoe", "emeka", "freya", "yusuf", "clara", "bjorn", "mei"]
LAST = ["okafor", "lindqvist", "raman", "wieczorek", "nakamura", "fernandes",
        "schultz", "oconnell", "haddad", "moreau", "varga", "achterberg",
        "kowalczyk", "bergstrom", "delacroix", "adeyemi", "petrov", "castellano"]
MAIL_DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "gmx.de",
                "icloud.com", "example.com", "example.org", "hotmail.fr"]


def person():
    return pick(FIRST), pick(LAST)


def email(domain=None):
    f, l = person()
    local = pick([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}{num(1, 99)}", f"{f}.{l}{num(70, 99)}",
                  f"{f}{l[0]}", f"{l}.{f}"])
    return f"{local}@{domain or pick(MAIL_DOMAINS)}"


# -------------------------------------------------------------- time helpers
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
BASE = _dt.datetime(2024, 3, 11, 0, 0, 0)
EPOCH = _dt.datetime(1970, 1, 1)


def rdt():
    return BASE + _dt.timedelta(seconds=num(0, 86400 * 14), microseconds=num(0, 999999))


def t_iso(dt=None):
    dt = dt or rdt()
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def t_iso_s(dt=None):
    dt = dt or rdt()
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def t_nano(dt=None):
    dt = dt or rdt()
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond:06d}{num(0, 999):03d}Z"


def t_gha(dt=None):
    dt = dt or rdt()
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond:06d}{num(0, 9)}Z"


def t_syslog(dt=None):
    dt = dt or rdt()
    return f"{MON[dt.month - 1]} {dt.day:>2} {dt:%H:%M:%S}"


def t_clf(dt=None):
    dt = dt or rdt()
    return f"{dt.day:02d}/{MON[dt.month - 1]}/{dt.year}:{dt:%H:%M:%S} +0000"


def t_py(dt=None):
    dt = dt or rdt()
    return f"{dt:%Y-%m-%d %H:%M:%S},{dt.microsecond // 1000:03d}"


def t_java(dt=None):
    dt = dt or rdt()
    return f"{dt:%Y-%m-%d %H:%M:%S}.{dt.microsecond // 1000:03d}"


def t_klog(dt=None):
    dt = dt or rdt()
    return f"{dt:%m%d %H:%M:%S}.{dt.microsecond:06d}"


def t_slash(dt=None):
    dt = dt or rdt()
    return f"{dt:%Y/%m/%d %H:%M:%S}"


def t_ms(dt=None):
    dt = dt or rdt()
    return int((dt - EPOCH).total_seconds() * 1000)


def t_ms_not_luhn():
    """Epoch millis for look-alikes in `keep`: never a Luhn-valid digit run."""
    ms = t_ms()
    while luhn_ok(str(ms)):
        ms += 1
    return ms


def t_django(dt=None):
    dt = dt or rdt()
    return f"{dt.day:02d}/{MON[dt.month - 1]}/{dt.year} {dt:%H:%M:%S}"


# --------------------------------------------------------------- log context
HOSTS = ["ip-10-0-3-17", "web-01", "api-prod-3", "worker-7", "ci-runner-02", "db-primary",
         "edge-lb-2", "ingest-0", "bastion-1", "k8s-node-14"]
APPS = ["payments-api", "checkout", "auth-service", "notifier", "billing-worker",
        "search-indexer", "user-profile", "ledger", "gateway", "webhooks", "reporting"]
NAMESPACES = ["prod", "payments", "platform", "default", "data", "staging"]
PROJECTS = ["acme-prod-4821", "acme-data-1177", "gardener-ci-309", "acme-edge-5520"]
CLIENT_IPS = ["203.0.113.42", "198.51.100.7", "192.0.2.181", "10.0.3.17", "10.12.7.201",
              "172.16.4.9", "203.0.113.250", "198.51.100.93"]
UAS = ["curl/8.5.0", "python-requests/2.31.0", "Go-http-client/1.1", "okhttp/4.12.0",
       "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
       "axios/1.6.7"]


def pod(app=None):
    app = app or pick(APPS)
    return f"{app}-{rs(K8S_ALPHA, pick([9, 10]))}-{rs(K8S_ALPHA, 5)}"


def ip():
    return pick(CLIENT_IPS)


def word_pw():
    words = ["Marigold", "Tangerine", "Bluefin", "Copperleaf", "Quartz", "Harbor", "Juniper",
             "Falcon", "Nimbus", "Orchid", "Saffron", "Walnut", "Cobalt", "Meadow", "Glacier"]
    return pick(words) + pick(["!", "#", "*", "-", "_", "."]) + digits(4) + pick(words).lower()


def rand_pw(n=None, sym="!*-_.#"):
    n = n or num(12, 20)
    while True:
        p = rs(ALNUM + sym, n)
        if any(c in DIGITS for c in p) and any(c in sym for c in p) and p[0] not in "-#":
            return p


def url_pw(n=None):
    return rand_pw(n, sym="-_.~!*")


def pw():
    return pick([word_pw, rand_pw, rand_pw])()


# ------------------------------------------------------------ vendor shapes
def openai_legacy():
    return "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20)


def openai_proj(kind="proj"):
    return f"sk-{kind}-" + rs(ALNUM, 1) + rs(B64URL, 73) + "T3BlbkFJ" + rs(B64URL, 73) + rs(ALNUM, 1)


def anthropic(kind="api03"):
    return f"sk-ant-{kind}-" + rs(ALNUM, 1) + rs(B64URL, 92) + "AA"


def npm_token():
    return gh_style("npm_")


def pypi_token(test=False):
    head = "pypi-AgENdGVzdC5weXBpLm9yZw" if test else "pypi-AgEIcHlwaS5vcmc"
    return head + "CJD" + rs(B64URL, 150) + rs(ALNUM, 1)


def dockerhub_pat():
    return "dckr_pat_" + rs(ALNUM, 1) + rs(B64URL, 25) + rs(ALNUM, 1)


def vault_token(kind="short"):
    if kind == "short":
        return "hvs." + rs(ALNUM, 24)
    if kind == "long":
        return "hvs.CAESI" + rs(B64URL, 86) + rs(ALNUM, 1)
    if kind == "batch":
        return "hvb.AAAAAQ" + rs(B64URL, 128) + rs(ALNUM, 1)
    raise ValueError(kind)


def tfc_token():
    return rs(ALNUM, 14) + ".atlasv1." + rs(ALNUM, 67)


def sendgrid_key():
    return "SG." + rs(ALNUM, 1) + rs(B64URL, 20) + rs(ALNUM, 1) + "." + rs(ALNUM, 1) + rs(B64URL, 41) + rs(ALNUM, 1)


def mailgun_key():
    return "key-" + hx(32)


def datadog_api():
    return hx(32)


def datadog_app():
    return hx(40)


def newrelic_user():
    return "NRAK-" + rs(ALNUM_UPPER, 27)


def newrelic_license(eu=False):
    return ("eu01xx" + hx(30) if eu else hx(36)) + "NRAL"


def sentry_key():
    return hx(32)


def google_access():
    return "ya29.a0A" + rs(B64URL, 150) + rs(ALNUM, 1)


def google_refresh():
    return "1//0" + pick("3gdec") + rs(B64URL, 96) + rs(ALNUM, 1)


def google_client_secret():
    return "GOCSPX-" + rs(B64URL, 27) + rs(ALNUM, 1)


def google_client_id():
    return f"{digits(12)}-{rs(ALNUM_LOWER, 32)}.apps.googleusercontent.com"


def azure_account_key():
    k = b64(64)
    assert len(k) == 88 and k.endswith("==")
    return k


def azure_sig_enc():
    return urlenc(b64(32))


def do_token(kind="dop"):
    return f"{kind}_v1_" + hx(64)


def linear_key():
    return "lin_api_" + rs(ALNUM, 40)


def atlassian_token():
    return "ATATT3xFfGF0" + rs(B64URL, 170) + rs(ALNUM, 1) + "=" + rs(HEXU, 8)


def square_token(kind="sq0atp"):
    if kind == "EAAA":
        return "EAAA" + rs(B64URL, 59) + rs(ALNUM, 1)
    n = 22 if kind == "sq0atp" else 43
    return f"{kind}-" + rs(B64URL, n - 1) + rs(ALNUM, 1)


def braintree_token():
    return "access_token$production$" + rs(ALNUM_LOWER, 16) + "$" + hx(32)


def hf_token():
    return "hf_" + rs(LETTERS, 34)


def grafana_sa():
    return "glsa_" + rs(ALNUM, 32) + "_" + hx(8)


def grafana_cloud():
    inner = jd({"o": digits(6), "n": "alloy-" + rs(ALNUM_LOWER, 6) + "-write",
                "k": rs(ALNUM, 24), "m": {"r": "prod-eu-west-2"}})
    return "glc_" + b64s(inner).rstrip("=")


def github_token(kind="ghp"):
    if kind == "pat":
        return "github_pat_11" + rs(ALNUM_UPPER, 20) + "_" + rs(ALNUM, 59)
    return gh_style(kind + "_")


def gitlab_token(kind="glpat"):
    if kind == "GR":
        return "GR1348941" + rs(ALNUM, 1) + rs(B64URL, 18) + rs(ALNUM, 1)
    return f"{kind}-" + rs(ALNUM, 1) + rs(B64URL, 18) + rs(ALNUM, 1)


def slack_token(kind="xoxb"):
    if kind == "xoxb":
        return f"xoxb-{digits(12)}-{digits(13)}-{rs(ALNUM, 24)}"
    if kind == "xoxp":
        return f"xoxp-{digits(12)}-{digits(12)}-{digits(13)}-{hx(32)}"
    if kind == "xapp":
        return f"xapp-1-A{rs(ALNUM_UPPER, 10)}-{digits(13)}-{hx(64)}"
    raise ValueError(kind)


def slack_webhook():
    tok = rs(ALNUM, 24)
    return f"https://hooks.slack.com/services/T{rs(ALNUM_UPPER, 8)}/B{rs(ALNUM_UPPER, 10)}/{tok}", tok


def stripe_key(kind="sk_live", long=True):
    return f"{kind}_" + ("51" + rs(ALNUM, 97) if long else rs(ALNUM, 24))


def aws_key_id(kind="AKIA"):
    return kind + rs(B32, 16)


def aws_secret():
    return rs(ALNUM, 1) + rs(B64STD, 38) + rs(ALNUM, 1)


def aws_session(kind="IQoJ"):
    if kind == "IQoJ":
        return "IQoJb3JpZ2luX2VjE" + rs(B64STD, 380) + rs(ALNUM, 1) + "="
    return "FwoGZXIvYXdzE" + rs(B64STD, 300) + rs(ALNUM, 1)


def google_api_key():
    return "AIza" + rs(ALNUM, 1) + rs(B64URL, 33) + rs(ALNUM, 1)


def jwt(alg="HS256", claims=None, kid=None):
    header = {"alg": alg, "typ": "JWT"}
    if kid:
        header["kid"] = kid
    if claims is None:
        iat = t_ms() // 1000
        claims = {"sub": digits(6), "iat": iat, "exp": iat + 3600}
    sig = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    return ".".join([b64urls(jd(header)), b64urls(jd(claims)), b64url(sig)])


# -------------------------------------------------------------- key material
def wrap(body, width):
    return [body[i:i + width] for i in range(0, len(body), width)]


def pem(kind):
    """Return (label, [body lines]) of a fake but structurally plausible key."""
    if kind == "RSA":
        der = bytes.fromhex("308204a40201000282010100") + rbytes(1192 - 12)
        return "RSA PRIVATE KEY", wrap(b64s(der), 64)
    if kind == "EC":
        der = (bytes.fromhex("307702010104 20".replace(" ", "")) + rbytes(32)
               + bytes.fromhex("a00a06082a8648ce3d030107a144034200 04".replace(" ", "")) + rbytes(64))
        return "EC PRIVATE KEY", wrap(b64s(der), 64)
    if kind == "PKCS8":
        der = (bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100")
               + rbytes(1217 - 38))
        return "PRIVATE KEY", wrap(b64s(der), 64)
    if kind == "OPENSSH":
        def sstr(b):
            return struct.pack(">I", len(b)) + b
        pub = rbytes(32)
        pubblob = sstr(b"ssh-ed25519") + sstr(pub)
        chk = rbytes(4)
        priv = (chk + chk + sstr(b"ssh-ed25519") + sstr(pub) + sstr(rbytes(32) + pub)
                + sstr(b"deploy@ci-runner-02"))
        pad = 1
        while len(priv) % 8:
            priv += bytes([pad])
            pad += 1
        blob = (b"openssh-key-v1\x00" + sstr(b"none") + sstr(b"none") + sstr(b"")
                + struct.pack(">I", 1) + sstr(pubblob) + sstr(priv))
        return "OPENSSH PRIVATE KEY", wrap(b64s(blob), 70)
    raise ValueError(kind)


def crc24(data):
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pgp_private():
    data = bytes.fromhex("9501d804") + rbytes(4) + bytes.fromhex("16092b06010401da470f0101") + rbytes(440)
    lines = wrap(b64s(data), 64)
    crc = "=" + b64s(crc24(data).to_bytes(3, "big"))
    return lines, crc


def pem_join(label, lines, nl):
    return f"-----BEGIN {label}-----{nl}" + nl.join(lines) + f"{nl}-----END {label}-----"


def cert_lines():
    der = bytes.fromhex("308203") + rbytes(1) + bytes.fromhex("308202") + rbytes(700)
    return wrap(b64s(der), 64)


# ------------------------------------------------------------------ records
RECORDS = []
_COUNTERS = {}


def add(kind, line, secrets, keep=()):
    _COUNTERS[kind] = _COUNTERS.get(kind, 0) + 1
    RECORDS.append({"id": f"{kind}-{_COUNTERS[kind]}", "line": line,
                    "secrets": list(secrets), "keep": list(keep)})


# =========================================================== vendor tokens
def k_openai():
    k = openai_proj()
    add("openai", f"{t_py()} DEBUG [openai._base_client] Request options: {{'method': 'post', "
        f"'url': '/chat/completions', 'headers': {{'Authorization': 'Bearer {k}'}}, "
        f"'json_data': {{'model': 'gpt-4o-mini', 'temperature': 0.2}}}}",
        [k], ["'/chat/completions'", "'gpt-4o-mini'", "[openai._base_client]"])
    k = openai_legacy()
    run = digits(10)
    add("openai", f"{t_gha()} OPENAI_API_KEY={k} GITHUB_RUN_ID={run} RUNNER_OS=Linux",
        [k], [f"GITHUB_RUN_ID={run}", "RUNNER_OS=Linux"])
    k = openai_proj("svcacct")
    rid = "req_" + hx(32)
    add("openai", jd({"level": "error", "ts": t_iso(), "msg": "upstream call failed", "provider": "openai",
                      "api_key": k, "status": 401, "request_id": rid}),
        [k], [rid, "upstream call failed"])
    k = openai_proj()
    add("openai", f"+ curl -sS https://api.openai.com/v1/embeddings -H 'Authorization: Bearer {k}' "
        f"-H 'Content-Type: application/json' -d '{{\"model\":\"text-embedding-3-small\",\"input\":\"hello\"}}'",
        [k], ["https://api.openai.com/v1/embeddings", "text-embedding-3-small"])


def k_anthropic():
    k = anthropic()
    add("anthropic", jd({"level": "debug", "message": "anthropic client init",
                         "config": {"apiKey": k, "baseURL": "https://api.anthropic.com", "maxRetries": 2},
                         "timestamp": t_iso()}),
        [k], ["https://api.anthropic.com", "anthropic client init"])
    k = anthropic()
    add("anthropic", f"{t_py()} DEBUG httpcore.http11 send_request_headers.started request=<Request [b'POST']> "
        f"headers=[(b'host', b'api.anthropic.com'), (b'x-api-key', b'{k}'), "
        f"(b'anthropic-version', b'2023-06-01'), (b'content-type', b'application/json')]",
        [k], ["b'2023-06-01'", "send_request_headers.started"])
    k = anthropic("admin01")
    add("anthropic", f"{t_gha()}       ANTHROPIC_ADMIN_KEY:             {k}",
        [k], [])
    k = anthropic()
    add("anthropic", f"level=warn ts={t_iso()} caller=llm/claude.go:57 msg=\"retrying request\" attempt=2 "
        f"key={k} status=529",
        [k], ["caller=llm/claude.go:57", "attempt=2"])


def k_npm():
    k = npm_token()
    add("npm", f"+ echo //registry.npmjs.org/:_authToken={k}", [k], ["//registry.npmjs.org/"])
    k = npm_token()
    add("npm", f"#12 [build 4/9] RUN echo \"//registry.npmjs.org/:_authToken={k}\" > .npmrc && npm ci --omit=dev",
        [k], ["#12 [build 4/9]", "npm ci --omit=dev"])
    k = npm_token()
    add("npm", f"{t_gha()} env: NODE_AUTH_TOKEN={k} NPM_CONFIG_USERCONFIG=/home/runner/_temp/.npmrc",
        [k], ["NPM_CONFIG_USERCONFIG=/home/runner/_temp/.npmrc"])


def k_pypi():
    k = pypi_token()
    add("pypi", f"+ twine upload --repository pypi -u __token__ -p {k} dist/*", [k], ["__token__", "dist/*"])
    k = pypi_token()
    add("pypi", f"{t_gha()} cat ~/.pypirc: [distutils] index-servers = pypi [pypi] username = __token__ password = {k}",
        [k], ["index-servers = pypi"])
    k = pypi_token(test=True)
    add("pypi", jd({"step": "publish", "ts": t_iso(),
                    "env": {"TWINE_USERNAME": "__token__", "TWINE_PASSWORD": k,
                            "TWINE_REPOSITORY_URL": "https://test.pypi.org/legacy/"}}),
        [k], ["https://test.pypi.org/legacy/"])


def k_dockerhub():
    k = dockerhub_pat()
    add("dockerhub", f"+ docker login -u acmebot -p {k} docker.io", [k], ["docker.io"])
    k = dockerhub_pat()
    add("dockerhub", f"time=\"{t_iso_s()}\" level=debug msg=\"Calling POST /v1.44/auth\" "
        f"auth=\"{{\\\"username\\\":\\\"acmebot\\\",\\\"password\\\":\\\"{k}\\\","
        f"\\\"serveraddress\\\":\\\"https://index.docker.io/v1/\\\"}}\"",
        [k], ["Calling POST /v1.44/auth", "https://index.docker.io/v1/"])
    k = dockerhub_pat()
    add("dockerhub", jd({"severity": "INFO", "message": "registry credentials loaded",
                         "DOCKERHUB_USERNAME": "acmebot", "DOCKERHUB_TOKEN": k}),
        [k], ["registry credentials loaded"])


def k_vault():
    k = vault_token("short")
    add("vault", f"+ curl -sf -H \"X-Vault-Token: {k}\" https://vault.internal:8200/v1/secret/data/payments/db",
        [k], ["https://vault.internal:8200/v1/secret/data/payments/db"])
    k = vault_token("batch")
    add("vault", f"level=debug ts={t_iso()} caller=vault.go:88 msg=\"vault login ok\" token={k} ttl=768h "
        f"policies=\"[default payments-ro]\"",
        [k], ["caller=vault.go:88", "ttl=768h", "[default payments-ro]"])
    k = vault_token("long")
    acc = rs(ALNUM, 24)
    add("vault", jd({"time": t_iso(), "type": "response", "auth": {"client_token": k, "accessor": acc,
                                                                     "policies": ["default"], "lease_duration": 2764800},
                     "request": {"path": "auth/kubernetes/login", "operation": "update"}}),
        [k], ["auth/kubernetes/login", "\"lease_duration\":2764800"])


def k_tfc():
    k = tfc_token()
    add("tfc", f"+ cat ~/.terraform.d/credentials.tfrc.json {jd({'credentials': {'app.terraform.io': {'token': k}}})}",
        [k], ["~/.terraform.d/credentials.tfrc.json"])
    k = tfc_token()
    add("tfc", f"{t_gha()} TF_TOKEN_app_terraform_io={k} TF_IN_AUTOMATION=1", [k], ["TF_IN_AUTOMATION=1"])
    k = tfc_token()
    add("tfc", f"{t_iso()} [DEBUG] GET https://app.terraform.io/api/v2/organizations/acme/workspaces "
        f"headers: Authorization=[Bearer {k}] Content-Type=[application/vnd.api+json]",
        [k], ["https://app.terraform.io/api/v2/organizations/acme/workspaces", "application/vnd.api+json"])


def k_sendgrid():
    k = sendgrid_key()
    to = email()
    add("sendgrid", f"{t_py()} ERROR [notifier.mail] SendGrid send failed (403 Forbidden) api_key={k} to={to} "
        f"template=d-{hx(32)}", [k, to], ["SendGrid send failed (403 Forbidden)"])
    k = sendgrid_key()
    add("sendgrid", f"I, [{t_iso()} #{num(100, 999)}]  INFO -- : ActionMailer smtp_settings: {{:address=>\"smtp.sendgrid.net\", "
        f":port=>587, :user_name=>\"apikey\", :password=>\"{k}\", :authentication=>:plain}}",
        [k], ["smtp.sendgrid.net", ":port=>587"])
    k = sendgrid_key()
    add("sendgrid", jd({"level": 30, "time": t_ms(), "msg": "mailer ready", "env": {"SENDGRID_API_KEY": k,
                                                                                      "MAIL_FROM": "noreply@acme.io"}}),
        [k], ["mailer ready"])


def k_twilio():
    tok, sid = hx(32), "AC" + hx(32)
    to = phone("uk_mobile")
    add("twilio", f"+ curl -X POST https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json "
        f"--data-urlencode 'To={to}' --data-urlencode 'Body=Your parcel has shipped' -u {sid}:{tok}",
        [to, tok], ["Body=Your parcel has shipped"])
    key, secret = "SK" + hx(32), rs(ALNUM, 32)
    add("twilio", f"{t_java()}  INFO 1 --- [           main] c.a.n.config.TwilioConfig                : "
        f"TwilioConfig{{accountSid=AC{hx(32)}, apiKey={key}, apiSecret={secret}, region=ie1}}",
        [key, secret], ["c.a.n.config.TwilioConfig", "region=ie1"])
    tok = hx(32)
    add("twilio", f"TWILIO_ACCOUNT_SID=AC{hx(32)} TWILIO_AUTH_TOKEN={tok} TWILIO_MESSAGING_SERVICE_SID=MG{hx(32)}",
        [tok], [])


def k_mailgun():
    k, to = mailgun_key(), email()
    add("mailgun", f"+ curl -s --user 'api:{k}' https://api.eu.mailgun.net/v3/mg.acme.io/messages "
        f"-F from='Acme <noreply@mg.acme.io>' -F to={to} -F subject='Invoice INV-2024-0311'",
        [k, to], ["https://api.eu.mailgun.net/v3/mg.acme.io/messages", "INV-2024-0311"])
    k = mailgun_key()
    add("mailgun", f"{t_py()} DEBUG [config] loaded MAILGUN_API_KEY={k} MAILGUN_DOMAIN=mg.acme.io",
        [k], ["MAILGUN_DOMAIN=mg.acme.io"])
    k = mailgun_key()
    add("mailgun", jd({"mailgun": {"domain": "mg.acme.io", "api_key": k, "region": "eu"}, "msg": "notifier config"}),
        [k], ["notifier config"])


def k_shopify():
    k = "shpat_" + hx(32)
    add("shopify", f"<- \"GET /admin/api/2024-01/orders.json?status=any HTTP/1.1\\r\\nX-Shopify-Access-Token: {k}"
        f"\\r\\nAccept: application/json\\r\\nHost: acme-outlet.myshopify.com\\r\\n\\r\\n\"",
        [k], ["/admin/api/2024-01/orders.json?status=any", "acme-outlet.myshopify.com"])
    k = "shpss_" + hx(32)
    add("shopify", f"SHOPIFY_API_KEY={hx(32)} SHOPIFY_API_SECRET={k} SCOPES=read_orders,write_products",
        [k], ["SCOPES=read_orders,write_products"])
    k = "shpca_" + hx(32)
    add("shopify", jd({"level": "info", "shop": "acme-outlet.myshopify.com", "event": "oauth.callback",
                       "access_token": k, "scope": "read_orders"}),
        [k], ["oauth.callback"])


def k_datadog():
    a, b = datadog_api(), datadog_app()
    add("datadog", f"+ curl -sS -X GET https://api.datadoghq.com/api/v1/validate -H 'DD-API-KEY: {a}' "
        f"-H 'DD-APPLICATION-KEY: {b}'", [a, b], ["https://api.datadoghq.com/api/v1/validate"])
    a = datadog_api()
    add("datadog", f"{t_slash().replace('/', '-')} UTC | CORE | ERROR | (pkg/forwarder/transaction/transaction.go:366 in "
        f"internalProcess) | API Key invalid, dropping transaction for "
        f"https://7-50-3-app.agent.datadoghq.com/api/v1/series?api_key={a}",
        [a], ["pkg/forwarder/transaction/transaction.go:366"])
    a, tid = datadog_api(), hx(32)
    add("datadog", jd({"timestamp": t_iso(), "level": "WARN", "trace_id": tid, "span_id": hx(16),
                       "message": "metrics exporter misconfigured", "exporter": {"dd_api_key": a, "site": "datadoghq.com"}}),
        [a], [tid, "metrics exporter misconfigured"])
    b = datadog_app()
    sha = hx(40)
    add("datadog", f"{t_gha()} deploy: commit={sha} DATADOG_APP_KEY={b} service=checkout",
        [b], [f"commit={sha}", "service=checkout"])


def k_newrelic():
    k = newrelic_license()
    add("newrelic", f"NEW_RELIC_LICENSE_KEY={k} NEW_RELIC_APP_NAME=checkout NEW_RELIC_LOG_LEVEL=info",
        [k], ["NEW_RELIC_APP_NAME=checkout"])
    k = newrelic_user()
    add("newrelic", f"+ curl -X POST https://api.newrelic.com/graphql -H 'Content-Type: application/json' "
        f"-H 'API-Key: {k}' --data '{{\"query\":\"{{ actor {{ user {{ name }} }} }}\"}}'",
        [k], ["https://api.newrelic.com/graphql"])
    k = newrelic_license(eu=True)
    add("newrelic", f"{t_java()} [main] INFO  com.newrelic - Configuration file newrelic.yml: common: "
        f"{{app_name: billing-worker, license_key: '{k}', log_level: info}}",
        [k], ["app_name: billing-worker"])


def k_sentry():
    k, org, proj = sentry_key(), digits(7), not_luhn_digits(16, first="4505")
    add("sentry", f"SENTRY_DSN=https://{k}@o{org}.ingest.sentry.io/{proj} SENTRY_ENVIRONMENT=production",
        [k], [f"o{org}.ingest.sentry.io/{proj}", "SENTRY_ENVIRONMENT=production"])
    k = sentry_key()
    add("sentry", f"{t_py()} INFO [app.bootstrap] sentry_sdk.init(dsn='https://{k}@o{digits(6)}.ingest.us.sentry.io/"
        f"{digits(7)}', traces_sample_rate=0.2, release='checkout@3.8.1')",
        [k], ["traces_sample_rate=0.2", "release='checkout@3.8.1'"])
    pub, sec = sentry_key(), sentry_key()
    add("sentry", f"{t_java()} DEBUG 1 --- [main] io.sentry.SentryOptions : dsn=https://{pub}:{sec}@sentry.acme.io/12",
        [pub, sec], ["io.sentry.SentryOptions"])
    k = sentry_key()
    add("sentry", f"> X-Sentry-Auth: Sentry sentry_version=7, sentry_client=sentry.python/1.40.6, sentry_key={k}",
        [k], ["sentry_client=sentry.python/1.40.6"])


def k_google_oauth():
    k = google_access()
    add("google-oauth", f"> Authorization: Bearer {k}", [k], [])
    a, r = google_access(), google_refresh()
    add("google-oauth", f"{t_py()} DEBUG token response: " + jd({
        "access_token": a, "expires_in": 3599, "refresh_token": r,
        "scope": "https://www.googleapis.com/auth/drive.readonly", "token_type": "Bearer"}),
        [a, r], ["https://www.googleapis.com/auth/drive.readonly", "\"token_type\":\"Bearer\""])
    cs, r = google_client_secret(), google_refresh()
    add("google-oauth", f"DEBUG: Making request: POST https://oauth2.googleapis.com/token body: "
        f"grant_type=refresh_token&client_id={google_client_id()}&client_secret={cs}&refresh_token={urlenc(r)}",
        [cs, urlenc(r)], ["https://oauth2.googleapis.com/token", "grant_type=refresh_token"])
    k = google_access()
    add("google-oauth", f"{ip()} - - [{t_clf()}] \"GET /drive/v3/files?access_token={k}&fields=files(id,name) "
        f"HTTP/1.1\" 200 5120 \"-\" \"{pick(UAS)}\"",
        [k], ["fields=files(id,name)"])


def k_azure_connstr():
    k = azure_account_key()
    add("azure-connstr", f"fail: Acme.Ingest.BlobWriter[0] Failed to open container 'logs' using "
        f"DefaultEndpointsProtocol=https;AccountName=stacmelogs01;AccountKey={k};EndpointSuffix=core.windows.net",
        [k], ["Acme.Ingest.BlobWriter[0]", "EndpointSuffix=core.windows.net"])
    k = azure_account_key()
    add("azure-connstr", jd({"Id": hx(64), "Config": {"Env": [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        f"AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=stacmeprod;AccountKey={k};EndpointSuffix=core.windows.net",
        "ASPNETCORE_URLS=http://+:8080"]}}),
        [k], ["ASPNETCORE_URLS=http://+:8080"])
    k = azure_account_key()
    add("azure-connstr", f"+ az storage blob upload --account-name stacmeprod --account-key {k} "
        f"--container-name backups --file db-2024-03-14.dump --overwrite",
        [k], ["--container-name backups", "db-2024-03-14.dump"])
    k = b64(32)
    add("azure-connstr", f"{t_iso()} [Error] ServiceBusClient: connection failed for "
        f"Endpoint=sb://acme-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
        f"SharedAccessKey={k}", [k], ["SharedAccessKeyName=RootManageSharedAccessKey"])


def k_azure_sas():
    sig = azure_sig_enc()
    add("azure-sas", f"{ip()} - - [{t_clf()}] \"GET /backups/db-2024-03-14.dump?sv=2022-11-02&ss=b&srt=o&sp=r"
        f"&se=2024-03-15T09:26:53Z&st=2024-03-14T09:26:53Z&spr=https&sig={sig} HTTP/1.1\" 200 73400320 \"-\" \"azcopy/10.23.0\"",
        [sig], ["sv=2022-11-02", "azcopy/10.23.0"])
    sig = azure_sig_enc()
    add("azure-sas", f"+ azcopy copy \"https://stacmeprod.blob.core.windows.net/exports?sv=2023-01-03&sp=rl"
        f"&se=2024-03-20T00:00:00Z&sr=c&sig={sig}\" /data/restore --recursive",
        [sig], ["/data/restore --recursive"])
    sig = azure_sig_enc()
    add("azure-sas", jd({"message": "Generated download link", "invocationId": uuid4(),
                         "url": f"https://stacmeprod.blob.core.windows.net/reports/q1.pdf?sv=2023-01-03&sr=b&sp=r"
                                f"&se=2024-03-21T10%3A00%3A00Z&sig={sig}"}),
        [sig], ["Generated download link"])
    sig = azure_sig_enc()
    add("azure-sas", f"> Authorization: SharedAccessSignature sr=https%3A%2F%2Facme-events.servicebus.windows.net"
        f"%2Forders&sig={sig}&se={t_ms() // 1000}&skn=send-only", [sig], ["skn=send-only"])


def k_heroku():
    k, app_id = uuid4(), uuid4()
    add("heroku", f"{t_gha()} HEROKU_API_KEY={k} HEROKU_APP_ID={app_id} HEROKU_APP_NAME=acme-web-prod",
        [k], [f"HEROKU_APP_ID={app_id}", "HEROKU_APP_NAME=acme-web-prod"])
    k = uuid4()
    add("heroku", f"+ curl -n -X GET https://api.heroku.com/apps -H 'Accept: application/vnd.heroku+json; version=3' "
        f"-H 'Authorization: Bearer {k}'", [k], ["application/vnd.heroku+json; version=3"])
    k, who = uuid4(), email()
    add("heroku", f"+ cat ~/.netrc machine api.heroku.com login {who} password {k} machine git.heroku.com login {who} password {k}",
        [who, k], ["machine api.heroku.com"])


def k_digitalocean():
    k = do_token()
    add("digitalocean", f"+ doctl auth init --context ci --access-token {k}", [k], ["--context ci"])
    k = do_token()
    add("digitalocean", f"DIGITALOCEAN_TOKEN={k} TF_VAR_region=fra1", [k], ["TF_VAR_region=fra1"])
    k = do_token("doo")
    add("digitalocean", f"{t_slash()} [DEBUG] godo: GET https://api.digitalocean.com/v2/droplets?page=1&per_page=200 "
        f"Authorization: Bearer {k}", [k], ["https://api.digitalocean.com/v2/droplets?page=1&per_page=200"])


def k_linear():
    k = linear_key()
    add("linear", f"> POST /graphql HTTP/2 > Host: api.linear.app > Authorization: {k} > Content-Type: application/json",
        [k], ["api.linear.app"])
    k = linear_key()
    add("linear", jd({"level": "info", "msg": "linear sync configured", "teamKey": "PLAT", "apiKey": k}),
        [k], ["linear sync configured"])
    k = linear_key()
    add("linear", f"{t_gha()} LINEAR_API_KEY={k}", [k], [])


def k_atlassian():
    who, k = email(), atlassian_token()
    add("atlassian", f"+ curl -s -u {who}:{k} -X GET https://acme.atlassian.net/rest/api/3/issue/PLAT-4821",
        [who, k], ["https://acme.atlassian.net/rest/api/3/issue/PLAT-4821"])
    who, k = email(), atlassian_token()
    basic = b64s(f"{who}:{k}")
    add("atlassian", f"{t_py()} DEBUG urllib3.connectionpool https://acme.atlassian.net:443 \"GET /rest/api/2/myself HTTP/1.1\" "
        f"401 None headers={{'Authorization': 'Basic {basic}'}}", [basic], ["GET /rest/api/2/myself HTTP/1.1"])
    k = "ATBB" + rs(ALNUM, 32)
    add("atlassian", f"{t_iso()} pipelines: BITBUCKET_USERNAME=acme-ci BITBUCKET_APP_PASSWORD={k}", [k], [])


def k_square():
    k = square_token("EAAA")
    add("square", f"{t_iso()} DEBUG square-client: POST https://connect.squareup.com/v2/payments Authorization: Bearer {k} "
        f"Square-Version: 2024-02-22", [k], ["Square-Version: 2024-02-22"])
    k = square_token("sq0atp")
    add("square", f"SQUARE_ACCESS_TOKEN={k} SQUARE_ENVIRONMENT=production", [k], ["SQUARE_ENVIRONMENT=production"])
    k = square_token("sq0csp")
    add("square", jd({"oauth": {"application_id": "sq0idp-" + rs(B64URL, 22), "application_secret": k},
                      "msg": "square oauth config"}), [k], ["square oauth config"])


def k_braintree():
    k = braintree_token()
    add("braintree", f"+ export BRAINTREE_ACCESS_TOKEN='{k}'", [k], [])
    k = braintree_token()
    add("braintree", jd({"level": "debug", "msg": "paypal gateway", "paypal": {"access_token": k, "env": "production"}}),
        [k], ["paypal gateway"])
    k, pk = braintree_token(), hx(32)
    add("braintree", f"{t_java()}  WARN 1 --- [nio-8080-exec-4] c.a.p.BraintreeConfig : BraintreeGateway(accessToken={k}) "
        f"fallback privateKey={pk} merchantId={rs(ALNUM_LOWER, 16)}",
        [k, pk], ["[nio-8080-exec-4]"])


def k_huggingface():
    k = hf_token()
    add("huggingface", f"+ huggingface-cli login --token {k} --add-to-git-credential", [k], ["--add-to-git-credential"])
    k = hf_token()
    add("huggingface", f"{t_gha()} HF_TOKEN={k} HF_HUB_ENABLE_HF_TRANSFER=1", [k], ["HF_HUB_ENABLE_HF_TRANSFER=1"])
    k = hf_token()
    add("huggingface", f"{t_py()} DEBUG huggingface_hub.file_download GET https://huggingface.co/api/models/"
        f"acme/sentiment-small/revision/main headers={{'user-agent': 'unknown/None; hf_hub/0.21.4', "
        f"'authorization': 'Bearer {k}'}}", [k], ["acme/sentiment-small", "hf_hub/0.21.4"])


def k_grafana():
    k = grafana_sa()
    add("grafana", f"GRAFANA_URL=https://grafana.acme.io GRAFANA_SERVICE_ACCOUNT_TOKEN={k}",
        [k], ["GRAFANA_URL=https://grafana.acme.io"])
    k = grafana_sa()
    add("grafana", f"{t_iso()} [DEBUG] provider \"registry.terraform.io/grafana/grafana\": "
        f"provider config: url=https://grafana.acme.io auth={k} org_id=1",
        [k], ["registry.terraform.io/grafana/grafana"])
    k = grafana_cloud()
    add("grafana", f"ts={t_iso()} level=debug msg=\"loaded config\" component=remote_write "
        f"config=\"endpoint {{ url = https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push "
        f"basic_auth {{ username = 1234567 password = {k} }} }}\"",
        [k], ["https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"])


def k_github():
    k = github_token("ghs")
    add("github", f"{t_gha()} [command]/usr/bin/git remote add origin https://x-access-token:{k}@github.com/acme/payments.git",
        [k], ["github.com/acme/payments.git"])
    k = github_token("ghp")
    add("github", f"2024/03/14 09:26:53 ---[ REQUEST ]--- GET /repos/acme/infra/pulls?state=open HTTP/1.1 "
        f"Host: api.github.com Authorization: token {k} Accept: application/vnd.github+json",
        [k], ["/repos/acme/infra/pulls?state=open", "application/vnd.github+json"])
    k = github_token("pat")
    add("github", f"GH_TOKEN={k} GH_REPO=acme/infra GITHUB_SHA={hx(40)}", [k], ["GH_REPO=acme/infra"])
    a, r = github_token("ghu"), github_token("ghr")
    add("github", jd({"level": "info", "msg": "github app user token refreshed",
                      "token": {"access_token": a, "expires_in": 28800, "refresh_token": r,
                                "refresh_token_expires_in": 15811200, "token_type": "bearer", "scope": ""}}),
        [a, r], ["github app user token refreshed", "\"expires_in\":28800"])


def k_gitlab():
    k = gitlab_token("glpat")
    add("gitlab", f"+ curl --header \"PRIVATE-TOKEN: {k}\" \"https://gitlab.acme.io/api/v4/projects/42/pipelines?ref=main\"",
        [k], ["https://gitlab.acme.io/api/v4/projects/42/pipelines?ref=main"])
    k = gitlab_token("glpat")
    add("gitlab", f"Cloning into 'infra'... + git clone https://oauth2:{k}@gitlab.com/acme/infra.git",
        [k], ["gitlab.com/acme/infra.git"])
    k = gitlab_token("glrt")
    add("gitlab", f"Runtime platform arch=amd64 os=linux pid={num(1000, 9999)} revision=782c6ecb version=16.9.1 "
        f"config=[[runners]] name=\"k8s-runner\" url=\"https://gitlab.acme.io\" token=\"{k}\" executor=\"kubernetes\"",
        [k], ["revision=782c6ecb", "version=16.9.1"])
    k = gitlab_token("glpat")
    add("gitlab", f"{ip()} - - [{t_clf()}] \"GET /api/v4/projects/17/repository/files/README.md/raw?ref=main&private_token={k} "
        f"HTTP/1.1\" 200 2330 \"-\" \"{pick(UAS)}\"", [k], ["/api/v4/projects/17/repository/files/README.md/raw?ref=main"])


def k_slack():
    k = slack_token("xoxb")
    add("slack", f"[DEBUG]  web-api:WebClient:0 http request url: https://slack.com/api/chat.postMessage "
        f"headers: {{\"Authorization\":\"Bearer {k}\",\"Content-Type\":\"application/x-www-form-urlencoded\"}}",
        [k], ["https://slack.com/api/chat.postMessage"])
    url, tok = slack_webhook()
    add("slack", f"{t_py()} ERROR [alerts.slack] POST {url} failed: 404 no_service", [tok], ["404 no_service"])
    k = slack_token("xoxp")
    add("slack", jd({"ok": True, "app_id": "A" + rs(ALNUM_UPPER, 10), "authed_user": {"id": "U" + rs(ALNUM_UPPER, 10),
                     "scope": "chat:write", "access_token": k, "token_type": "user"}, "team": {"name": "Acme"}}),
        [k], ["\"scope\":\"chat:write\""])
    url, tok = slack_webhook()
    add("slack", jd({"alertmanager": {"receivers": [{"name": "oncall", "slack_configs": [{"api_url": url, "channel": "#oncall"}]}]}}),
        [tok], ["\"channel\":\"#oncall\""])


def k_stripe():
    k = stripe_key("sk_live")
    add("stripe", f"+ curl https://api.stripe.com/v1/charges -u {k}: -d amount=2000 -d currency=eur",
        [k], ["https://api.stripe.com/v1/charges", "currency=eur"])
    k = stripe_key("rk_live")
    add("stripe", f"STRIPE_RESTRICTED_KEY={k} STRIPE_API_VERSION=2023-10-16", [k], ["STRIPE_API_VERSION=2023-10-16"])
    k = "whsec_" + rs(ALNUM, 32)
    add("stripe", f"{t_py()} INFO [billing.webhooks] endpoint configured: url=https://acme.io/stripe/webhook "
        f"signing_secret={k} events=invoice.paid,customer.subscription.deleted",
        [k], ["url=https://acme.io/stripe/webhook"])
    pi = "pi_3" + rs(ALNUM, 23)
    cs = f"{pi}_secret_{rs(ALNUM, 25)}"
    add("stripe", jd({"level": "debug", "msg": "payment intent created", "id": pi, "amount": 4999, "currency": "gbp",
                      "client_secret": cs}), [cs], ["payment intent created", "\"amount\":4999"])
    k = stripe_key("sk_live", long=False)
    add("stripe", f"I, [{t_iso()} #{num(10, 99)}]  INFO -- : Stripe.api_key = \"{k}\" (config/initializers/stripe.rb)",
        [k], ["config/initializers/stripe.rb"])
    k = stripe_key("sk_test", long=False)
    add("stripe", f"{t_gha()} STRIPE_SECRET_KEY={k} CI=true", [k], ["CI=true"])


def k_aws():
    a, s = aws_key_id(), aws_secret()
    add("aws", f"AWS_ACCESS_KEY_ID={a} AWS_SECRET_ACCESS_KEY={s} AWS_DEFAULT_REGION=eu-west-1", [a, s],
        ["AWS_DEFAULT_REGION=eu-west-1"])
    a, s = aws_key_id(), aws_secret()
    add("aws", f"+ cat /home/deploy/.aws/credentials [default] aws_access_key_id = {a} aws_secret_access_key = {s} region = us-east-1",
        [a, s], ["/home/deploy/.aws/credentials"])
    a, sig = aws_key_id(), hx(64)
    add("aws", f"{t_py()} DEBUG botocore.endpoint Sending http request: <AWSPreparedRequest stream_output=False, method=PUT, "
        f"url=https://acme-artifacts.s3.eu-west-1.amazonaws.com/builds/app.tar.gz, headers={{'Authorization': "
        f"b'AWS4-HMAC-SHA256 Credential={a}/20240314/eu-west-1/s3/aws4_request, "
        f"SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={sig}'}}>",
        [a, sig], ["SignedHeaders=host;x-amz-content-sha256;x-amz-date", "builds/app.tar.gz"])
    a = aws_key_id("ASIA")
    add("aws", jd({"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole", "principalId": "AROA" + rs(B32, 17) + ":ci",
                   "accessKeyId": a}, "eventTime": t_iso_s(), "eventSource": "s3.amazonaws.com",
                   "eventName": "GetObject", "awsRegion": "eu-west-1", "requestID": rs(ALNUM_UPPER, 16)}),
        [a], ["\"eventName\":\"GetObject\""])


def k_aws_session():
    a, s, t = aws_key_id("ASIA"), aws_secret(), aws_session()
    add("aws-session", f"+ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name ci "
        + jd({"Credentials": {"AccessKeyId": a, "SecretAccessKey": s, "SessionToken": t,
                              "Expiration": "2024-03-14T10:26:53+00:00"},
              "AssumedRoleUser": {"Arn": "arn:aws:sts::123456789012:assumed-role/deploy/ci"}}),
        [a, s, t], ["\"Expiration\":\"2024-03-14T10:26:53+00:00\"", "--role-session-name ci"])
    t = aws_session("Fwo")
    add("aws-session", f"AWS_SESSION_TOKEN={t} AWS_REGION=us-east-2", [t], ["AWS_REGION=us-east-2"])
    t = aws_session()
    add("aws-session", f"{t_py()} DEBUG botocore.auth Signature: headers: X-Amz-Date: 20240314T092653Z "
        f"X-Amz-Security-Token: {t} X-Amz-Target: DynamoDB_20120810.Query",
        [t], ["X-Amz-Target: DynamoDB_20120810.Query"])


def k_google_api_key():
    k = google_api_key()
    add("google-api-key", f"{ip()} - - [{t_clf()}] \"GET /maps/api/geocode/json?address=10+Downing+St&key={k} HTTP/1.1\" "
        f"200 1873 \"-\" \"{pick(UAS)}\"", [k], ["/maps/api/geocode/json"])
    k = google_api_key()
    add("google-api-key", jd({"level": "info", "msg": "firebase web config served",
                              "firebaseConfig": {"apiKey": k, "authDomain": "acme-prod-4821.firebaseapp.com",
                                                 "projectId": "acme-prod-4821"}}),
        [k], ["acme-prod-4821.firebaseapp.com"])
    k = google_api_key()
    add("google-api-key", f"> POST /v1beta/models/gemini-1.5-flash:generateContent HTTP/1.1 > x-goog-api-key: {k}",
        [k], ["/v1beta/models/gemini-1.5-flash:generateContent"])


def k_jwt():
    t = jwt("HS256", {"sub": digits(5), "role": "admin", "iat": 1710408413, "exp": 1710412013})
    add("jwt", jd({"level": 30, "time": t_ms(), "pid": num(1, 99), "hostname": pod(), "req": {"id": num(1, 9999),
                   "method": "GET", "url": "/api/v1/orders", "headers": {"host": "api.acme.io",
                                                                          "authorization": f"Bearer {t}"}}}),
        [t], ["/api/v1/orders"])
    t = jwt("RS256", {"iss": "https://auth.acme.io/", "sub": "auth0|" + hx(24), "aud": "https://api.acme.io",
                      "scope": "openid profile", "exp": 1710412013}, kid=hx(16))
    add("jwt", f"{ip()} - - [{t_clf()}] \"GET /ws/notifications?token={t} HTTP/1.1\" 101 0 \"-\" \"{pick(UAS)}\"",
        [t], ["/ws/notifications"])
    t = jwt("RS256", {"iss": "https://kubernetes.default.svc.cluster.local",
                      "sub": "system:serviceaccount:prod:ledger", "exp": 1741944413}, kid=b64url(32))
    add("jwt", f"+ curl --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt -H \"Authorization: Bearer {t}\" "
        f"https://kubernetes.default.svc/api/v1/namespaces/prod/pods",
        [t], ["/var/run/secrets/kubernetes.io/serviceaccount/ca.crt", "https://kubernetes.default.svc/api/v1/namespaces/prod/pods"])
    t = jwt("ES256", {"sub": digits(7), "email": email(), "exp": 1710300000})
    add("jwt", f"{t_py()} WARNING [auth.middleware] jwt decode failed: token={t} error=ExpiredSignatureError",
        [t], ["error=ExpiredSignatureError"])
    t = jwt("HS256")
    add("jwt", f"Set-Cookie: access_token={t}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=900",
        [t], ["SameSite=Lax; Max-Age=900"])


# ============================================================ more vendors
def gcp_entry(payload=None, http=None, labels=None, severity="INFO", text=None, app=None):
    """A Google Cloud Logging LogEntry as exported (one JSON object per line).

    Returns (line, keep) where keep holds the look-alike ids in the entry."""
    proj = pick(PROJECTS)
    app = app or pick(APPS)
    p = pod(app)
    tid, sid, ins = hx(32), hx(16), rs(ALNUM_LOWER, 14)
    e = {"insertId": ins}
    if payload is not None:
        e["jsonPayload"] = payload
    if text is not None:
        e["textPayload"] = text
    if http is not None:
        e["httpRequest"] = http
    e["resource"] = {"type": "k8s_container", "labels": {
        "project_id": proj, "location": "europe-west1", "cluster_name": "prod-gke-1",
        "namespace_name": pick(NAMESPACES), "pod_name": p, "container_name": app}}
    dt = rdt()
    e["timestamp"] = t_nano(dt)
    e["severity"] = severity
    if labels is not None:
        e["labels"] = labels
    e["logName"] = f"projects/{proj}/logs/stdout"
    e["trace"] = f"projects/{proj}/traces/{tid}"
    e["spanId"] = sid
    e["receiveTimestamp"] = t_nano(dt + _dt.timedelta(seconds=1))
    return jd(e), [tid, sid, f"\"insertId\":\"{ins}\"", p]


def k_extras():
    # Discord
    uid = digits(19)
    k = b64s(uid).rstrip("=") + "." + rs(B64URL, 6) + "." + rs(B64URL, 38)
    add("discord", f"{t_py()} INFO discord.client logging in using static token {k}", [k], ["discord.client"])
    wid, wtok = digits(19), rs(B64URL, 68)
    add("discord", jd({"level": "error", "msg": "webhook post failed", "status": 429,
                       "url": f"https://discord.com/api/webhooks/{wid}/{wtok}"}), [wtok], ["webhook post failed"])
    k = b64s(digits(18)).rstrip("=") + "." + rs(B64URL, 6) + "." + rs(B64URL, 38)
    add("discord", f"DISCORD_BOT_TOKEN={k} DISCORD_GUILD_ID={digits(18)}", [k], [])
    # Telegram
    k = f"{digits(10)}:AA{rs(B64URL, 33)}"
    add("telegram", f"{ip()} - - [{t_clf()}] \"POST /bot{k}/sendMessage HTTP/1.1\" 200 312 \"-\" \"{pick(UAS)}\"",
        [k], ["/sendMessage HTTP/1.1"])
    k = f"{digits(10)}:AA{rs(B64URL, 33)}"
    add("telegram", f"{t_py()} DEBUG telegram.ext.Application: Bot token={k} polling=True", [k],
        ["telegram.ext.Application"])
    k = f"{digits(9)}:AA{rs(B64URL, 33)}"
    add("telegram", f"requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.telegram.org', port=443): "
        f"Max retries exceeded with url: /bot{k}/getUpdates?offset=0&timeout=30",
        [k], ["HTTPSConnectionPool(host='api.telegram.org', port=443)"])
    # age
    bech = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    k = "AGE-SECRET-KEY-1" + rs(bech.upper(), 58)
    pub = "age1" + rs(bech, 58)
    add("age", f"+ echo {k} > /tmp/key.txt # public key: {pub}", [k], [pub])
    k = "AGE-SECRET-KEY-1" + rs(bech.upper(), 58)
    add("age", f"{t_gha()} SOPS_AGE_KEY={k}", [k], [])
    k = "AGE-SECRET-KEY-1" + rs(bech.upper(), 58)
    pub = "age1" + rs(bech, 58)
    add("age", jd({"msg": "sops decrypt", "recipients": [pub], "identity": k}), [k], [pub])
    # Postman
    for shape in range(3):
        k = "PMAK-" + hx(24) + "-" + hx(34)
        line = [f"+ newman run collection.json --postman-api-key {k} --env-var baseUrl=https://staging.acme.io",
                f"{t_iso()} postman-sync: GET https://api.getpostman.com/collections X-Api-Key: {k}",
                jd({"POSTMAN_API_KEY": k, "POSTMAN_WORKSPACE": uuid4()})][shape]
        add("postman", line, [k], [["baseUrl=https://staging.acme.io", "https://api.getpostman.com/collections", "POSTMAN_WORKSPACE"][shape]])
    # Databricks
    k = "dapi" + hx(32)
    add("databricks", f"DATABRICKS_HOST=https://adb-{digits(16)}.7.azuredatabricks.net DATABRICKS_TOKEN={k}",
        [k], [".azuredatabricks.net"])
    k = "dapi" + hx(32) + "-2"
    add("databricks", f"{t_py()} DEBUG databricks.sdk GET /api/2.0/clusters/list < Authorization: Bearer {k}",
        [k], ["/api/2.0/clusters/list"])
    k = "dapi" + hx(32)
    add("databricks", f"+ databricks configure --token <<< 'https://dbc-{hx(8)}-{hx(4)}.cloud.databricks.com {k}'",
        [k], [".cloud.databricks.com"])
    # Pulumi
    k = "pul-" + hx(40)
    sha = hx(40)
    add("pulumi", f"{t_gha()} PULUMI_ACCESS_TOKEN={k} GITHUB_SHA={sha}", [k], [f"GITHUB_SHA={sha}"])
    k = "pul-" + hx(40)
    add("pulumi", f"+ pulumi login --non-interactive https://api.pulumi.com # token {k}", [k], ["https://api.pulumi.com"])
    k = "pul-" + hx(40)
    add("pulumi", jd({"level": "debug", "msg": "pulumi service request", "headers": {"Authorization": f"token {k}"}}),
        [k], ["pulumi service request"])
    # Tailscale
    k = "tskey-auth-k" + rs(ALNUM, 10) + "CNTRL-" + rs(ALNUM, 33)
    add("tailscale", f"+ tailscale up --authkey={k} --hostname=ci-runner-02 --advertise-tags=tag:ci",
        [k], ["--advertise-tags=tag:ci"])
    k = "tskey-auth-k" + rs(ALNUM, 10) + "CNTRL-" + rs(ALNUM, 33)
    add("tailscale", f"{t_syslog()} {pick(HOSTS)} tailscaled[{num(300, 900)}]: control: TS_AUTHKEY={k} ephemeral=true",
        [k], ["ephemeral=true"])
    k = "tskey-api-k" + rs(ALNUM, 10) + "CNTRL-" + rs(ALNUM, 33)
    add("tailscale", jd({"TAILSCALE_API_KEY": k, "TAILSCALE_TAILNET": "acme.io"}), [k], ["\"TAILSCALE_TAILNET\":\"acme.io\""])
    # Notion
    k = "secret_" + rs(ALNUM, 43)
    add("notion", f"{t_py()} DEBUG notion_client GET https://api.notion.com/v1/databases/{hx(32)}/query "
        f"Authorization=Bearer {k} Notion-Version=2022-06-28", [k], ["Notion-Version=2022-06-28"])
    k = "ntn_" + digits(12) + rs(ALNUM, 34)
    add("notion", f"NOTION_TOKEN={k}", [k], [])
    k = "ntn_" + digits(12) + rs(ALNUM, 34)
    add("notion", jd({"integration": "docs-sync", "notion": {"token": k, "root_page": hx(32)}}), [k], ["docs-sync"])
    # Okta
    k = "00" + rs(B64URL, 40)
    add("okta", f"> GET /api/v1/users?limit=200 HTTP/1.1 > Host: acme.okta.com > Authorization: SSWS {k}",
        [k], ["/api/v1/users?limit=200"])
    k = "00" + rs(B64URL, 40)
    add("okta", f"OKTA_ORG_URL=https://acme.okta.com OKTA_API_TOKEN={k}", [k], ["OKTA_ORG_URL=https://acme.okta.com"])
    k = "00" + rs(B64URL, 40)
    add("okta", f"{t_java()} DEBUG 1 --- [main] c.o.s.c.ClientBuilder : okta.client.token={k} okta.client.orgUrl=https://acme.okta.com",
        [k], ["okta.client.orgUrl=https://acme.okta.com"])
    # Cloudflare
    k = rs(B64URL, 40)
    add("cloudflare", f"CF_API_TOKEN={k} CF_ZONE_ID={hx(32)}", [k], [])
    k, who = hx(37), email()
    add("cloudflare", f"+ curl -s https://api.cloudflare.com/client/v4/zones -H 'X-Auth-Email: {who}' -H 'X-Auth-Key: {k}'",
        [who, k], ["https://api.cloudflare.com/client/v4/zones"])
    k = "v1.0-" + hx(24) + "-" + hx(146)
    add("cloudflare", f"{t_iso()} origin-ca-issuer: serviceKey={k} issuer=prod-origin-ca", [k], ["issuer=prod-origin-ca"])
    # Mapbox (secret sk. tokens; pk. tokens are public by design and left unlisted)
    k = "sk." + b64urls(jd({"u": "acme-maps", "a": rs(ALNUM_LOWER, 25)})) + "." + rs(B64URL, 22)
    add("mapbox", f"MAPBOX_SECRET_TOKEN={k}", [k], [])
    k = "sk." + b64urls(jd({"u": "acme-maps", "a": rs(ALNUM_LOWER, 25)})) + "." + rs(B64URL, 22)
    pk = "pk." + b64urls(jd({"u": "acme-maps", "a": rs(ALNUM_LOWER, 25)})) + "." + rs(B64URL, 22)
    add("mapbox", f"{t_py()} INFO tiles: uploading tileset acme-maps.roads-v3 with token={k} (public token {pk} used by web)",
        [k], ["acme-maps.roads-v3"])
    k = "sk." + b64urls(jd({"u": "acme-maps", "a": rs(ALNUM_LOWER, 25)})) + "." + rs(B64URL, 22)
    add("mapbox", f"{ip()} - - [{t_clf()}] \"GET /styles/v1/acme-maps/dark?access_token={k} HTTP/1.1\" 200 9120",
        [k], ["/styles/v1/acme-maps/dark"])


def k_password_hash():
    salt = rs(ALNUM + "./", 22)
    h = "$2b$12$" + salt + rs(ALNUM + "./", 31)
    add("password-hash", f"{t_pg()} LOG:  statement: UPDATE users SET encrypted_password = '{h}' WHERE id = 4821",
        [h], ["WHERE id = 4821"])
    h = f"$argon2id$v=19$m=65536,t=3,p=4${b64(16).rstrip('=')}${b64(32).rstrip('=')}"
    add("password-hash", jd({"level": "debug", "msg": "user loaded", "user": {"id": 4821, "password_hash": h,
                                                                          "mfa": True}}), [h], ["user loaded"])
    h = "$6$" + rs(ALNUM + "./", 16) + "$" + rs(ALNUM + "./", 86)
    add("password-hash", f"+ grep deploy /etc/shadow deploy:{h}:19797:0:99999:7:::", [h], [":19797:0:99999:7:::"])


def t_pg(dt=None):
    dt = dt or rdt()
    return f"{dt:%Y-%m-%d %H:%M:%S}.{dt.microsecond // 1000:03d} UTC [{num(1000, 30000)}]"


# ===================================================== context-only secrets
def k_password_kv():
    p = pw()
    add("password-kv", f"level=error ts={t_iso()} caller=db/pool.go:41 msg=\"connect failed\" host=pg-primary.prod.svc "
        f"port=5432 user=ledger password={p} sslmode=require", [p], ["caller=db/pool.go:41", "sslmode=require"])
    p, e = rand_pw(sym="!*-_.#"), email()
    add("password-kv", jd({"event": "user.signup", "ts": t_iso(), "params": {"email": e, "password": p, "plan": "pro"}}),
        [e, p], ["user.signup", "\"plan\":\"pro\""])
    at, e, p = b64(64), email(), pw()
    add("password-kv", f"  Parameters: {{\"authenticity_token\"=>\"{at}\", \"user\"=>{{\"email\"=>\"{e}\", "
        f"\"password\"=>\"{p}\", \"remember_me\"=>\"1\"}}, \"commit\"=>\"Log in\"}}",
        [at, e, p], ["\"commit\"=>\"Log in\""])
    csrf, p = rs(ALNUM, 64), pw()
    add("password-kv", f"{t_py()} WARNING [django.request] Bad Request: /accounts/login/ POST: <QueryDict: "
        f"{{'csrfmiddlewaretoken': ['{csrf}'], 'username': ['jdoe'], 'password': ['{p}']}}>",
        [csrf, p], ["Bad Request: /accounts/login/"])
    e, p = email(), rand_pw(sym="!*-_.~")
    add("password-kv", f"send: b'POST /oauth/token HTTP/1.1\\r\\nHost: auth.acme.io\\r\\nContent-Type: "
        f"application/x-www-form-urlencoded\\r\\nContent-Length: 97\\r\\n\\r\\ngrant_type=password&username="
        f"{urlenc(e)}&password={urlenc(p)}&client_id=web'",
        [urlenc(e), urlenc(p)], ["grant_type=password", "client_id=web"])
    p = pw()
    add("password-kv", f"TASK [users : set password] ok: [web-01] => (item={{'name': 'deploy', 'passwd': '{p}', "
        f"'shell': '/bin/bash'}})", [p], ["TASK [users : set password]", "'shell': '/bin/bash'"])
    p = rand_pw(sym="!*-_.#")
    add("password-kv", f"{t_iso()} [odbc] SQLDriverConnect: DSN=analytics;UID=report;PWD={p};", [p], ["DSN=analytics"])
    add("password-kv", jd({"activeProfiles": ["prod"], "propertySources": [{"name": "Config resource 'class path resource "
        "[application.yml]'", "properties": {"spring.datasource.url": {"value": "jdbc:postgresql://pg:5432/ledger"},
                                             "spring.datasource.password": {"value": "changeme",
                                                                            "origin": "class path resource [application.yml] - 12:15"}}}]}),
        ["changeme"], ["class path resource [application.yml] - 12:15", "jdbc:postgresql://pg:5432/ledger"])
    p = pw()
    add("password-kv", f"{t_java()} INFO  [kafka-producer] o.a.k.c.p.ProducerConfig : effective properties: "
        f"{{bootstrap.servers=kafka-0.kafka:9093, security.protocol=SASL_SSL, sasl.mechanism=PLAIN, sasl.jaas.config="
        f"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc-orders\" password=\"{p}\";}}",
        [p], ["security.protocol=SASL_SSL", "sasl.mechanism=PLAIN"])
    p = pw()
    line, keep = gcp_entry(payload={"message": "login attempt", "form": {"username": "jdoe", "password": p},
                                    "outcome": "denied"}, severity="WARNING", app="auth-service")
    add("password-kv", line, [p], keep + ["login attempt"])
    p = rand_pw(sym="!*-_.#")
    add("password-kv", jd({"asctime": t_py(), "levelname": "ERROR", "name": "jobs.worker", "message": "job 4821 failed",
                           "exc_info": "Traceback (most recent call last):\n  File \"/app/jobs/worker.py\", line 88, in run\n"
                                       "    conn = psycopg2.connect(**cfg)\npsycopg2.OperationalError: connection to server "
                                       "at \"pg\", port 5432 failed: FATAL:  password authentication failed for user \"worker\"",
                           "locals": {"cfg": {"host": "pg", "dbname": "jobs", "user": "worker", "password": p}}}),
        [p], ["File \\\"/app/jobs/worker.py\\\", line 88, in run", "job 4821 failed"])


def k_cli_password():
    p = pw()
    add("cli-password", f"+ PGPASSWORD={p} psql -h pg-primary.prod.svc -U ledger -d ledger -c 'select 1'", [p],
        ["-h pg-primary.prod.svc", "'select 1'"])
    p = rand_pw(sym="_-.")
    add("cli-password", f"+ MYSQL_PWD={p} mysqldump --single-transaction -h mysql-0.mysql -u backup shop", [p],
        ["--single-transaction"])
    p = rand_pw(sym="!*#_")
    add("cli-password", f"+ mysql -h 127.0.0.1 -u root -p'{p}' -e 'SHOW DATABASES'", [p], ["'SHOW DATABASES'"])
    p = rs(ALNUM, 16)
    add("cli-password", f"+ mysqldump -uroot -p{p} --all-databases --routines", [p], ["--all-databases --routines"])
    p = pw()
    add("cli-password", f"+ argocd login argocd.acme.io --username admin --password {p} --grpc-web", [p], ["--grpc-web"])
    p = rand_pw(sym="_-")
    add("cli-password", f"+ redis-cli -h redis-master -a {p} --no-auth-warning PING", [p], ["--no-auth-warning PING"])
    p = rand_pw(sym="!*#_.")
    add("cli-password", f"+ sshpass -p '{p}' ssh -o StrictHostKeyChecking=no deploy@10.0.4.12 'systemctl restart app'",
        [p], ["StrictHostKeyChecking=no", "'systemctl restart app'"])
    p = url_pw()
    add("cli-password", f"+ curl -fsS -u admin:{p} https://nexus.acme.io/service/rest/v1/repositories", [p],
        ["https://nexus.acme.io/service/rest/v1/repositories"])
    p = pw()
    add("cli-password", f"{t_syslog()} {pick(HOSTS)} sudo:      ops : TTY=pts/0 ; PWD=/home/ops ; USER=root ; "
        f"COMMAND=/usr/bin/mysql --user=root --password={p} shop", [p], ["PWD=/home/ops", "TTY=pts/0"])


def k_secret_kv():
    s = rand_pw(24)
    add("secret-kv", f"{t_py()} DEBUG [config] effective config: {{jwt: {{secret: {s}, ttl: 15m, issuer: auth.acme.io}}}}",
        [s], ["ttl: 15m", "issuer: auth.acme.io"])
    s = rs(ALNUM, 32)
    add("secret-kv", f"{t_iso()} DEBUG keycloak-client POST /realms/acme/protocol/openid-connect/token body="
        f"client_id=billing-worker&client_secret={s}&grant_type=client_credentials",
        [s], ["/realms/acme/protocol/openid-connect/token", "grant_type=client_credentials"])
    s = "django-insecure-" + rs(LOWER + DIGITS + "!@#%^&*(-_=+)", 50)
    add("secret-kv", f"  File \"/app/manage.py\", line 22, in main; settings: DEBUG = True, SECRET_KEY = '{s}', "
        f"ALLOWED_HOSTS = ['*']", [s], ["File \"/app/manage.py\", line 22"])
    s = hx(40)
    add("secret-kv", jd({"webhook": {"url": "https://hooks.acme.io/in/github", "secret": s, "events": ["push"]},
                         "msg": "webhook registered"}), [s], ["https://hooks.acme.io/in/github"])
    s = hx(64)
    add("secret-kv", f"level=info ts={t_iso()} msg=\"signer ready\" alg=HS256 hmac_secret={s} kid=2024-03",
        [s], ["alg=HS256", "kid=2024-03"])


def k_authz_header():
    t = rs(ALNUM, 40)
    add("authz-header", f"> Authorization: Bearer {t}", [t], [])
    u, p = "svc-deploy", url_pw()
    basic = b64s(f"{u}:{p}")
    add("authz-header", f"{t_slash()} http: request headers: map[Accept:[application/json] Authorization:[Basic {basic}] "
        f"User-Agent:[Go-http-client/1.1]]", [basic], ["User-Agent:[Go-http-client/1.1]"])
    t, sha = hx(40), hx(40)
    add("authz-header", f"[{t_django()}] \"POST /api/builds/ HTTP/1.1\" 201 88 headers={{'Authorization': 'Token {t}', "
        f"'X-Build-Sha': '{sha}'}}", [t], [f"'X-Build-Sha': '{sha}'"])
    t = uuid4()
    add("authz-header", f"+ curl -k https://splunk-hec.acme.io:8088/services/collector/event -H \"Authorization: Splunk {t}\" "
        f"-d '{{\"event\": \"deploy finished\", \"sourcetype\": \"ci\"}}'",
        [t], ["https://splunk-hec.acme.io:8088/services/collector/event"])
    t = rs(ALNUM + "-_", 43)
    add("authz-header", jd({"level": "debug", "msg": "outbound request", "method": "POST",
                            "url": "https://partner.example.net/v2/orders",
                            "header": {"Authorization": [f"Bearer {t}"], "Content-Type": ["application/json"]}}),
        [t], ["https://partner.example.net/v2/orders"])
    t = rs(ALNUM, 48)
    add("authz-header", jd({"start_time": t_iso(), "method": "GET", "path": "/v2/invoices?limit=50", "protocol": "HTTP/2",
                            "response_code": 200, "authority": "api.acme.io", "authorization": f"Bearer {t}",
                            "x_request_id": uuid4(), "upstream_host": "10.8.4.21:8080"}),
        [t], ["/v2/invoices?limit=50", "\"upstream_host\":\"10.8.4.21:8080\""])
    k = b64s(f"{rs(ALNUM, 20)}:{rs(B64URL, 22)}")
    add("authz-header", f"{t_iso()} DEBUG elastic-transport POST https://es.acme.io:9243/_bulk [status:200 request:0.041s] "
        f"Authorization: ApiKey {k}", [k], ["https://es.acme.io:9243/_bulk"])
    basic = b64s(f"{email()}:{pw()}")
    line, keep = gcp_entry(http={"requestMethod": "POST", "requestUrl": "https://api.acme.io/v1/login", "status": 401,
                                 "userAgent": "okhttp/4.12.0", "latency": "0.038s"},
                           payload={"message": "auth failed", "headers": {"authorization": f"Basic {basic}"}},
                           severity="WARNING", app="gateway")
    add("authz-header", line, [basic], keep + ["https://api.acme.io/v1/login"])


def k_cookie():
    sid, csrf = rs(ALNUM_LOWER, 32), rs(ALNUM, 64)
    add("cookie", f"> Cookie: _ga=GA1.2.{digits(9)}.{t_ms() // 1000}; sessionid={sid}; csrftoken={csrf}; django_language=en",
        [sid, csrf], [])
    payload = b64urls(jd({"_user_id": "4821", "_fresh": True}))
    fs = f"{payload}.{rs(B64URL, 6)}.{rs(B64URL, 27)}"
    add("cookie", f"< Set-Cookie: session={fs}; HttpOnly; Path=/; SameSite=Lax", [fs], ["HttpOnly; Path=/; SameSite=Lax"])
    js = hx(32).upper()
    add("cookie", f"{ip()} - - [{t_clf()}] \"GET /portal/account HTTP/1.1\" 200 18233 \"JSESSIONID={js}\" 14ms",
        [js], ["/portal/account"])
    sig = urlenc(b64(32).rstrip("="))
    sv = f"s%3A{rs(B64URL, 32)}.{sig}"
    add("cookie", jd({"level": "info", "time": t_iso(), "req": {"method": "GET", "url": "/dashboard",
                                                               "headers": {"cookie": f"connect.sid={sv}"}}, "res": {"statusCode": 200}}),
        [sv], ["/dashboard"])
    rc = f"{urlenc(b64(96))}--{urlenc(b64(12))}--{urlenc(b64(16))}"
    add("cookie", f"I, [{t_iso()} #{num(10, 99)}]  INFO -- : [{uuid4()}] Cookie: _acme_session={rc}", [rc], [])
    jwe = f"eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..{b64url(12)}.{b64url(180)}.{b64url(16)}"
    add("cookie", f"{t_iso()} [next-auth][debug][GET_SESSION] cookie=__Secure-next-auth.session-token={jwe}",
        [jwe], ["[next-auth][debug][GET_SESSION]"])


def k_api_key_header():
    k = rs(ALNUM, 32)
    add("api-key-header", f"+ curl -sS https://api.partner.example.net/v3/quotes -H 'X-Api-Key: {k}' -H 'Accept: application/json'",
        [k], ["https://api.partner.example.net/v3/quotes"])
    k = hx(32)
    add("api-key-header", f"{t_py()} DEBUG httpx send_request_headers.started headers=[(b'api-key', b'{k}'), "
        f"(b'host', b'acme-openai.openai.azure.com')] url=/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01",
        [k], ["api-version=2024-02-01", "acme-openai.openai.azure.com"])
    k = hx(32)
    add("api-key-header", f"{ip()} - - [{t_clf()}] \"GET /v1/forecast?lat=51.5&lon=-0.12&apikey={k} HTTP/1.1\" 200 2231 "
        f"\"-\" \"{pick(UAS)}\"", [k], ["lat=51.5&lon=-0.12"])
    k = hx(32)
    add("api-key-header", f"{t_iso()} [Information] System.Net.Http.HttpClient.apim.LogicalHandler: Request headers: "
        f"Ocp-Apim-Subscription-Key: {k}", [k], ["System.Net.Http.HttpClient.apim.LogicalHandler"])
    k = "gAAAAAB" + rs(B64URL, 176) + rs(ALNUM, 1)
    add("api-key-header", f"{t_py()} DEBUG keystoneauth.session REQ: curl -g -i -X GET https://compute.acme.cloud:8774/v2.1/servers "
        f"-H \"X-Auth-Token: {k}\"", [k], ["https://compute.acme.cloud:8774/v2.1/servers"])
    k = google_api_key()
    line, keep = gcp_entry(http={"requestMethod": "GET", "requestUrl":
                                 f"https://maps-proxy.acme.io/v1/places?query=coffee&api_key={k}",
                                 "status": 200, "responseSize": "4411", "latency": "0.112s"},
                           payload={"message": "proxied"}, app="gateway")
    add("api-key-header", line, [k], keep + ["query=coffee"])


def k_presigned_url():
    a, sig = aws_key_id(), hx(64)
    add("presigned-url", f"{t_py()} INFO [exports] download link: https://acme-exports.s3.eu-west-1.amazonaws.com/"
        f"reports/2024-03.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={a}%2F20240314%2Feu-west-1%2Fs3%2Faws4_request"
        f"&X-Amz-Date=20240314T092653Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature={sig}",
        [a, sig], ["X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Date=20240314T092653Z", "reports/2024-03.csv"])
    a, tok, sig = aws_key_id("ASIA"), urlenc(aws_session()), hx(64)
    add("presigned-url", f"{ip()} - - [{t_clf()}] \"GET /uploads/avatar.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
        f"{a}%2F20240314%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240314T101500Z&X-Amz-Expires=900"
        f"&X-Amz-Security-Token={tok}&X-Amz-SignedHeaders=host&X-Amz-Signature={sig} HTTP/1.1\" 403 243",
        [a, tok, sig], ["X-Amz-Expires=900"])
    f, sig = uuid4(), hx(512)
    add("presigned-url", jd({"level": "info", "msg": "signed upload url issued", "url":
                             f"https://storage.googleapis.com/acme-media/uploads/{f}.jpg?X-Goog-Algorithm=GOOG4-RSA-SHA256"
                             f"&X-Goog-Credential=uploader%40acme-prod-4821.iam.gserviceaccount.com%2F20240314%2Fauto%2Fstorage"
                             f"%2Fgoog4_request&X-Goog-Date=20240314T092653Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
                             f"&X-Goog-Signature={sig}"}),
        [sig], [f"uploads/{f}.jpg", "X-Goog-Algorithm=GOOG4-RSA-SHA256"])
    sig = b64(128).replace("+", "-").replace("=", "_").replace("/", "~")
    add("presigned-url", f"{ip()} - - [{t_clf()}] \"GET /videos/intro-1080p.mp4?Expires=1710412013&Signature={sig}"
        f"&Key-Pair-Id=K2JCJMDEHXQW5F HTTP/2.0\" 206 1048576", [sig], ["/videos/intro-1080p.mp4"])
    sig = hx(64)
    add("presigned-url", f"[{rdt():%Y-%m-%d %H:%M:%S}] production.INFO: Unsubscribe link generated "
        f"{{\"url\":\"https://app.acme.io/unsubscribe/4821?expires=1710412013&signature={sig}\"}}",
        [sig], ["production.INFO: Unsubscribe link generated"])


def k_conn_uri():
    u, p = "orders_app", url_pw()
    add("conn-uri", f"{t_iso()} ERROR [mongo] MongoServerSelectionError: connection timed out uri=mongodb+srv://{u}:{p}"
        f"@cluster0.ab1cd.mongodb.net/orders?retryWrites=true&w=majority", [p], ["retryWrites=true&w=majority"])
    p = url_pw()
    add("conn-uri", f"[{t_py()}: INFO/MainProcess] celery config: broker_url='redis://:{p}@redis-master.prod.svc:6379/0' "
        f"result_backend='redis://redis-master.prod.svc:6379/1'", [p], ["result_backend='redis://redis-master.prod.svc:6379/1'"])
    p = rs(ALNUM, 32)
    add("conn-uri", f"REDIS_URL=rediss://default:{p}@eu1-fancy-mole-38211.upstash.io:6379", [p], ["eu1-fancy-mole-38211.upstash.io:6379"])
    p = url_pw()
    add("conn-uri", f"[{t_py()}: ERROR/MainProcess] consumer: Cannot connect to amqp://orders:{p}@rabbitmq.prod.svc:5672//: "
        f"[Errno 111] Connection refused.", [p], ["[Errno 111] Connection refused."])
    p = url_pw()
    add("conn-uri", f"{t_iso()} app[release.{num(1000, 9999)}]: DATABASE_URL=postgres://u{rs(ALNUM_LOWER, 12)}:{p}@"
        f"ec2-52-18-1-9.eu-west-1.compute.amazonaws.com:5432/d{rs(ALNUM_LOWER, 12)}?sslmode=require", [p], ["sslmode=require"])
    p = rand_pw(sym="!*-_.#")
    add("conn-uri", f"level=fatal ts={t_iso()} msg=\"open db\" dsn=\"shop:{p}@tcp(mysql-0.mysql:3306)/shop?parseTime=true&loc=UTC\"",
        [p], ["@tcp(mysql-0.mysql:3306)/shop?parseTime=true&loc=UTC"])
    raw = pick(["Marigold", "Quartz", "Harbor"]) + "@" + digits(4) + "#x"
    enc = urlenc(raw)
    add("conn-uri", jd({"level": "error", "msg": "migration failed", "db": f"postgresql://migrator:{enc}@pg-primary:5432/ledger"}),
        [enc], ["migration failed"])
    p = url_pw()
    add("conn-uri", f"PIP_INDEX_URL=https://ci-reader:{p}@nexus.acme.io/repository/pypi-all/simple PIP_NO_CACHE_DIR=1",
        [p], ["PIP_NO_CACHE_DIR=1", "nexus.acme.io/repository/pypi-all/simple"])


def k_jdbc():
    p = rand_pw(sym="!*-_.#")
    add("jdbc", f"{t_java()}  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting... "
        f"jdbcUrl=jdbc:sqlserver://sql01.acme.local:1433;databaseName=orders;user=sa;password={p};encrypt=true",
        [p], ["HikariPool-1 - Starting...", "encrypt=true"])
    p = url_pw()
    add("jdbc", f"{t_java()} ERROR [liquibase] connection failed: jdbc:postgresql://pg:5432/ledger?user=ledger&password={p}&ssl=true",
        [p], ["&ssl=true"])
    p = rand_pw(sym="_#")
    add("jdbc", f"java.sql.SQLRecoverableException: IO Error: The Network Adapter could not establish the connection "
        f"(url=jdbc:oracle:thin:scott/{p}@//ora-prod:1521/ORCLPDB1)", [p], ["//ora-prod:1521/ORCLPDB1"])
    p = url_pw()
    add("jdbc", jd({"@timestamp": t_iso(), "level": "WARN", "logger_name": "o.h.e.j.e.i.JdbcEnvironmentInitiator",
                    "message": f"Could not obtain connection: jdbc:mysql://mysql:3306/shop?user=shop&password={p}&useSSL=false"}),
        [p], ["o.h.e.j.e.i.JdbcEnvironmentInitiator", "&useSSL=false"])


def k_adonet():
    p = rand_pw(sym="!*-_.#")
    add("adonet", f"fail: Microsoft.EntityFrameworkCore.Database.Connection[20004] An error occurred using the connection "
        f"to database 'orders' on server 'tcp:acme-sql.database.windows.net,1433'. ConnectionString=Server=tcp:acme-sql."
        f"database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders_app;Password={p};"
        f"MultipleActiveResultSets=False;Encrypt=True;", [p], ["Microsoft.EntityFrameworkCore.Database.Connection[20004]"])
    p = rand_pw(sym="!*-_.#")
    add("adonet", f"{t_iso()} [ERR] Reporting job failed: Data Source=sql01;Initial Catalog=Reporting;User Id=report;Pwd={p};",
        [p], ["Initial Catalog=Reporting"])
    p = rand_pw(sym="!*-_.#")
    add("adonet", jd({"Timestamp": t_iso(), "Level": "Error", "MessageTemplate": "Npgsql open failed {ConnectionString}",
                      "Properties": {"ConnectionString": f"Host=pg;Port=5432;Database=ledger;Username=ledger;Password={p};SSL Mode=Require"}}),
        [p], ["Npgsql open failed {ConnectionString}"])


def k_env_dump():
    s = hx(128)
    add("env-dump", f"{t_gha()} SECRET_KEY_BASE={s} RAILS_ENV=production RAILS_LOG_TO_STDOUT=1",
        [s], ["RAILS_ENV=production", "RAILS_LOG_TO_STDOUT=1"])
    s = "base64:" + b64(32)
    add("env-dump", f"APP_NAME=Acme APP_ENV=production APP_KEY={s} APP_DEBUG=false", [s], ["APP_DEBUG=false"])
    p, s = pw(), hx(64)
    add("env-dump", jd({"Id": hx(64), "Name": "/ledger-api", "Config": {"Env": [
        f"POSTGRES_PASSWORD={p}", f"SESSION_SECRET={s}", "PASSWORD_MIN_LENGTH=12", "TOKEN_TTL_SECONDS=3600",
        "JWT_SECRET_FILE=/run/secrets/jwt", "NODE_ENV=production"]}}),
        [p, s], ["PASSWORD_MIN_LENGTH=12", "TOKEN_TTL_SECONDS=3600", "JWT_SECRET_FILE=/run/secrets/jwt"])
    a, b = rs(ALNUM, 40), hx(64)
    add("env-dump", f"{t_gha()} WEBHOOK_SIGNING_SECRET={a} INTERNAL_API_TOKEN={b} VAULT_SECRET_PATH=secret/data/payments",
        [a, b], ["VAULT_SECRET_PATH=secret/data/payments"])
    p = pw()
    add("env-dump", f"Environment=DB_PASSWORD={p} LOG_LEVEL=info LISTEN_ADDR=0.0.0.0:8080", [p],
        ["LOG_LEVEL=info", "LISTEN_ADDR=0.0.0.0:8080"])
    k = hx(64)
    add("env-dump", f"{t_iso()} entrypoint.sh: ENCRYPTION_KEY={k} FEATURE_FLAGS=beta-search,new-checkout",
        [k], ["FEATURE_FLAGS=beta-search,new-checkout"])


def k_config_snippet():
    p = pw()
    add("config-snippet", f"USER-SUPPLIED VALUES: postgresql: auth: username: app password: {p} database: app "
        f"primary: persistence: size: 20Gi", [p], ["size: 20Gi"])
    p = pw()
    add("config-snippet", f"{t_iso()}  INFO ledger::config: loaded config: [database] url = \"postgres://pg:5432/ledger\" "
        f"user = \"ledger\" password = \"{p}\" pool_size = 10", [p], ["ledger::config", "pool_size = 10"])
    p = pw()
    add("config-snippet", f"{t_py()} DEBUG [settings] read /etc/acme/alerts.ini: [smtp] host = smtp.acme.io port = 587 "
        f"user = alerts password = {p}", [p], ["/etc/acme/alerts.ini"])
    add("config-snippet", "es01  | environment: ELASTIC_PASSWORD: changeme discovery.type: single-node "
        "xpack.security.enabled: 'true'", ["changeme"], ["discovery.type: single-node"])
    add("config-snippet", "mssql | MSSQL_SA_PASSWORD=yourStrong(!)Password ACCEPT_EULA=Y MSSQL_PID=Developer",
        ["yourStrong(!)Password"], ["ACCEPT_EULA=Y", "MSSQL_PID=Developer"])
    p, q = rand_pw(sym="_-"), rand_pw(sym="_-")
    add("config-snippet", jd({"kind": "ConfigMap", "metadata": {"name": "redis-config"},
                              "data": {"redis.conf": f"bind 0.0.0.0\nrequirepass {p}\nmasterauth {q}\nmaxmemory 2gb\n"}}),
        [p, q], ["maxmemory 2gb", "\"name\":\"redis-config\""])
    p = pw()
    add("config-snippet", f"{t_java()} DEBUG 1 --- [main] o.s.c.e.PropertySourcesPropertyResolver : Found key "
        f"'spring.datasource.password' in PropertySource 'configserver:application-prod.properties' with value of type "
        f"String: {p}", [p], ["'configserver:application-prod.properties'"])


# ===================================================== keys and documents
def k_private_key():
    label, lines = pem("OPENSSH")
    pub = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(B64STD, 43) + " deploy@ci"
    add("private-key", jd({"level": "debug", "msg": "terraform output", "outputs": {
        "deploy_key_openssh": pem_join(label, lines, "\n") + "\n", "deploy_key_public": pub}}),
        lines, ["terraform output", pub])
    label, lines = pem("RSA")
    add("private-key", f"{t_py()} DEBUG [paramiko.transport] loading key from settings: SSH_KEY='"
        + pem_join(label, lines, "\\n") + "\\n'", lines, ["[paramiko.transport]"])
    label, lines = pem("EC")
    add("private-key", f"JWT_SIGNING_KEY={pem_join(label, lines, ' ')} JWT_ALG=ES256", lines, ["JWT_ALG=ES256"])
    label, lines = pem("PKCS8")
    add("private-key", f"{t_iso()} helm: COMPUTED VALUES: " + jd({"ingress": {"tls": {"crt": "see secret tls-acme",
                                                                                   "key": pem_join(label, lines, "\n")}},
                                                                "replicaCount": 3}), lines, ["\"replicaCount\":3", "see secret tls-acme"])
    lines, crc = pgp_private()
    add("private-key", f"{t_gha()}   GPG_PRIVATE_KEY: -----BEGIN PGP PRIVATE KEY BLOCK-----"
        f"\\n\\n" + "\\n".join(lines) + f"\\n{crc}\\n-----END PGP PRIVATE KEY BLOCK-----", lines, ["GPG_PRIVATE_KEY:"])
    label, lines = pem("EC")
    add("private-key", f"{t_java()} ERROR [main] TlsConfig : unable to parse key material "
        f"'{pem_join(label, lines, chr(92) + 'r' + chr(92) + 'n')}' for alias 'mtls-client'",
        lines, ["for alias 'mtls-client'"])


def sa_json():
    proj = pick(PROJECTS)
    label, lines = pem("PKCS8")
    doc = {"type": "service_account", "project_id": proj, "private_key_id": hx(40),
           "private_key": pem_join(label, lines, "\n") + "\n",
           "client_email": f"log-shipper@{proj}.iam.gserviceaccount.com", "client_id": digits(21),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
           "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
           "client_x509_cert_url": f"https://www.googleapis.com/robot/v1/metadata/x509/log-shipper%40{proj}.iam.gserviceaccount.com",
           "universe_domain": "googleapis.com"}
    return doc, lines


def k_gcp_sa():
    doc, lines = sa_json()
    add("gcp-sa", f"{t_gha()} GOOGLE_CREDENTIALS={jd(doc)}", lines,
        ["\"type\":\"service_account\"", "https://oauth2.googleapis.com/token"])
    doc, lines = sa_json()
    line, keep = gcp_entry(payload={"message": "loaded credentials " + jd(doc), "logger": "auth.google"},
                           severity="DEBUG", app="reporting")
    add("gcp-sa", line, lines, keep + ["https://accounts.google.com/o/oauth2/auth"])
    doc, _ = sa_json()
    enc = b64s(jds(doc))
    add("gcp-sa", f"+ export GOOGLE_CREDENTIALS_B64={enc}", [enc], [])


def k_k8s_secret():
    u, p = b64s("ledger"), b64s(pw())
    add("k8s-secret", jd({"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "RequestResponse", "auditID": uuid4(),
                          "stage": "ResponseComplete", "requestURI": "/api/v1/namespaces/payments/secrets", "verb": "create",
                          "user": {"username": "system:serviceaccount:argocd:argocd-application-controller"},
                          "requestObject": {"kind": "Secret", "apiVersion": "v1", "metadata": {"name": "ledger-db",
                                                                                               "namespace": "payments"},
                                            "type": "Opaque", "data": {"password": p, "username": u}}}),
        [p, u], ["/api/v1/namespaces/payments/secrets", "system:serviceaccount:argocd:argocd-application-controller"])
    tok, k = b64s(rs(ALNUM, 40)), b64s(hx(64))
    inner = jd({"apiVersion": "v1", "data": {"API_TOKEN": tok, "ENCRYPTION_KEY": k}, "kind": "Secret",
                "metadata": {"annotations": {}, "name": "app-env", "namespace": "prod"}, "type": "Opaque"})
    add("k8s-secret", jd({"apiVersion": "v1", "data": {"API_TOKEN": tok, "ENCRYPTION_KEY": k}, "kind": "Secret",
                          "metadata": {"annotations": {"kubectl.kubernetes.io/last-applied-configuration": inner + "\n"},
                                       "creationTimestamp": t_iso_s(), "name": "app-env", "namespace": "prod",
                                       "resourceVersion": digits(8), "uid": uuid4()}, "type": "Opaque"}),
        [tok, k], ["kubectl.kubernetes.io/last-applied-configuration"])
    t, p = b64s(rs(ALNUM, 32)), b64s(pw())
    add("k8s-secret", "MANIFEST: ---\\n# Source: app/templates/secret.yaml\\napiVersion: v1\\nkind: Secret\\nmetadata:\\n"
        f"  name: app-env\\ntype: Opaque\\ndata:\\n  API_TOKEN: {t}\\n  DB_PASSWORD: {p}\\n---\\n# Source: app/templates/service.yaml",
        [t, p], ["# Source: app/templates/service.yaml"])
    ca = b64s("-----BEGIN CERTIFICATE-----\n" + "\n".join(cert_lines()) + "\n-----END CERTIFICATE-----\n")
    label, lines = pem("EC")
    key = b64s(pem_join(label, lines, "\n") + "\n")
    tok = b64url(30)
    add("k8s-secret", f"+ kubectl config view --raw clusters: - cluster: certificate-authority-data: {ca} server: "
        f"https://10.96.0.1:443 name: prod users: - name: ci user: client-key-data: {key} token: {tok}",
        [key, tok], [ca, "server: https://10.96.0.1:443"])
    p = pw()
    add("k8s-secret", f"I{t_klog()}    {num(1, 99)} request.go:1212] Request Body: {{\"kind\":\"Secret\",\"apiVersion\":\"v1\","
        f"\"metadata\":{{\"name\":\"smtp\"}},\"stringData\":{{\"SMTP_PASSWORD\":\"{p}\"}}}}",
        [p], ["request.go:1212"])


def k_docker_auth():
    a, b = b64s(f"acmebot:{dockerhub_pat()}"), b64s(f"acme-ci:{github_token('ghp')}")
    add("docker-auth", f"+ cat ~/.docker/config.json " + jd({"auths": {"https://index.docker.io/v1/": {"auth": a},
                                                                      "ghcr.io": {"auth": b}}, "credsStore": ""}),
        [a, b], ["https://index.docker.io/v1/"])
    cfg = jd({"auths": {"registry.gitlab.com": {"username": "gitlab+deploy-token-41",
                                                "password": gitlab_token("gldt"), "auth": b64s("x:y")}}})
    enc = b64s(cfg)
    add("docker-auth", jd({"kind": "Secret", "type": "kubernetes.io/dockerconfigjson", "metadata": {"name": "regcred"},
                           "data": {".dockerconfigjson": enc}}), [enc], ["kubernetes.io/dockerconfigjson"])
    acr = b64s("00000000-0000-0000-0000-000000000000:")
    it = jwt("RS256", {"jti": uuid4(), "sub": "acme-ci", "aud": "acmeregistry.azurecr.io", "exp": 1741944413})
    add("docker-auth", f"DOCKER_AUTH_CONFIG=" + jd({"auths": {"acmeregistry.azurecr.io": {"auth": acr, "identitytoken": it}}}),
        [it], [acr, "acmeregistry.azurecr.io"])
    a = b64s(f"oauth2accesstoken:{google_access()}")
    add("docker-auth", f"time=\"{t_iso_s()}\" level=debug msg=\"resolving\" host=europe-docker.pkg.dev "
        f"auth=\"{{\\\"auths\\\":{{\\\"europe-docker.pkg.dev\\\":{{\\\"auth\\\":\\\"{a}\\\"}}}}}}\"", [a], ["host=europe-docker.pkg.dev"])


# ============================================================= personal data
def k_email():
    e = email()
    qid = rs(HEXU, 10)
    add("email", f"{t_syslog()} mx-1 postfix/smtp[{num(1000, 30000)}]: {qid}: to=<{e}>, relay=gmail-smtp-in.l.google.com"
        f"[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK)",
        [e], [f"{qid}:", "dsn=2.0.0", "status=sent"])
    e = email()
    add("email", f"{ip()} - - [{t_clf()}] \"GET /api/v2/users/lookup?email={urlenc(e)}&include=orders HTTP/1.1\" 200 611",
        [urlenc(e)], ["include=orders"])
    e = email()
    add("email", f"{t_py()} DEBUG [templates] rendered footer.html: <a href=\"mailto:{e}\">Contact your account manager</a>",
        [e], ["rendered footer.html"])
    e, u = email(), num(1000, 99999)
    line, keep = gcp_entry(payload={"message": "password reset email sent", "user_id": u, "email": e},
                           labels={"user_email": e, "env": "prod"}, app="auth-service")
    add("email", line, [e], keep + ["password reset email sent"])
    e = email()
    add("email", f"{t_java()}  INFO 1 --- [nio-8080-exec-9] c.a.u.UserService : updated User{{id=4821, email='{e}', "
        f"locale=en_GB, marketingOptIn=false}}", [e], ["locale=en_GB", "marketingOptIn=false"])
    e, sha = email(), hx(40)
    add("email", f"{sha} {e} fix(checkout): handle empty basket", [e], [sha, "fix(checkout): handle empty basket"])
    f, l = person()
    e = f"{f.capitalize()}.{l.capitalize()}+billing@Example.com"
    add("email", f"send: 'RCPT TO:<{e}>' reply: retcode (250); Msg: b'2.1.5 Recipient OK'", [e], ["2.1.5 Recipient OK"])


def k_card():
    c = card("visa")
    add("card", jd({"level": "error", "msg": "gateway declined", "order_id": "ORD-" + digits(8), "card_number": c,
                    "decline_code": "insufficient_funds"}), [c], ["insufficient_funds"])
    c = fmt_card(card("mc"), " ")
    add("card", f"{t_py()} DEBUG [checkout.forms] cleaned_data={{'save_card': True, 'number': '{c}', "
        f"'exp_month': 9, 'exp_year': 2027}}", [c], ["[checkout.forms]"])
    c = fmt_card(card("disc"), "-")
    add("card", f"{ip()} - - [{t_clf()}] \"POST /pay?card={c}&amount=49.99 HTTP/1.1\" 400 87", [c], ["amount=49.99"])
    c = fmt_card(card("amex"), " ")
    add("card", f"com.acme.pay.CardValidationException: invalid expiry for card {c}\\n\\tat "
        f"com.acme.pay.Validator.check(Validator.java:88)", [c], ["com.acme.pay.Validator.check(Validator.java:88)"])
    c = card("mc2")
    cvc = pick([str(n) for n in range(100, 1000) if str(n) not in c and str(n) not in "2028"])
    add("card", f"POST /v1/tokens body: card[number]={c}&card[exp_month]=12&card[exp_year]=2028&card[cvc]={cvc}",
        [c, cvc], ["POST /v1/tokens"])
    c = card("visa")
    add("card", f"{t_pg()} LOG:  statement: INSERT INTO payments (user_id, pan, amount) VALUES (4821, '{c}', 1999)",
        [c], ["INSERT INTO payments"])


def k_iban():
    i = iban("DE")
    add("iban", jd({"event": "payout.created", "payout_id": "po_" + rs(ALNUM, 24), "iban": i, "bic": "DEUTDEFFXXX",
                    "amount_cents": 125000}), [i], ["\"bic\":\"DEUTDEFFXXX\"", "payout.created"])
    i = group4(iban("GB"))
    add("iban", f"{t_py()} INFO [payouts] beneficiary added: account {i} (sort code checked)", [i], ["(sort code checked)"])
    i = iban("FR")
    add("iban", f"{t_java()} DEBUG [sepa] <CdtrAcct><Id><IBAN>{i}</IBAN></Id></CdtrAcct><CdtrAgt><FinInstnId>"
        f"<BIC>BNPAFRPPXXX</BIC></FinInstnId></CdtrAgt>", [i], ["<BIC>BNPAFRPPXXX</BIC>"])
    i = group4(iban("NL"))
    add("iban", f"{ip()} - - [{t_clf()}] \"GET /api/refunds?iban={i.replace(' ', '+')}&currency=EUR HTTP/1.1\" 200 77",
        [i.replace(" ", "+")], ["currency=EUR"])
    i = iban("ES")
    add("iban", f"refund,{digits(6)},{i},EUR,42.50,{t_iso_s()}", [i], ["EUR,42.50"])
    i = group4(iban("CH"))
    add("iban", f"{t_syslog()} erp-01 sap-bridge[{num(100, 999)}]: vendor master updated IBAN={i} currency=CHF",
        [i], ["currency=CHF"])


def k_phone():
    p = phone("uk_london")
    add("phone", f"{t_py()} INFO [crm] callback scheduled for {p} at 14:30 BST", [p], ["at 14:30 BST"])
    p = phone("us")
    add("phone", jd({"level": "info", "msg": "sms sent", "to": p, "segments": 1, "provider": "twilio"}), [p], ["sms sent"])
    p = phone("uk_mobile").replace(" ", "")
    add("phone", f"{ip()} - - [{t_clf()}] \"POST /twilio/inbound HTTP/1.1\" 200 0 body=From=%2B{p[1:]}&Body=STOP",
        [f"%2B{p[1:]}"], ["/twilio/inbound"])
    p = phone("fr")
    add("phone", f"{t_java()}  INFO 1 --- [main] c.a.n.SmsSender : OTP dispatched to {p} via ovh", [p], ["c.a.n.SmsSender"])
    p = phone("de")
    add("phone", f"{t_iso()} DEBUG [sip] INVITE sip:{p.replace(' ', '')}@sip.acme.io;user=phone SIP/2.0",
        [p.replace(" ", "")], ["SIP/2.0"])
    p = phone("uk_manc")
    add("phone", f"[{t_django()}] \"GET /contact/?phone={p.replace(' ', '%20').replace('+', '%2B')} HTTP/1.1\" 200 2211",
        [p.replace(" ", "%20").replace("+", "%2B")], ["/contact/"])


def k_ssn():
    s = ssn()
    add("ssn", f"{t_py()} WARNING [kyc] identity check failed: ssn={s} dob_match=false", [s], ["dob_match=false"])
    s = ssn()
    add("ssn", jd({"applicant": {"id": num(10000, 99999), "ssn": s, "state": "CA"}, "msg": "credit pull requested"}),
        [s], ["credit pull requested"])
    s = ssn()
    add("ssn", f"{t_java()} ERROR [w2-import] row 17: SSN {s} does not match employer records", [s], ["[w2-import] row 17:"])
    s = ssn().replace("-", "")
    add("ssn", f"{t_iso()} payroll-sync: upsert employee tax_id_type=SSN tax_id={s} status=active", [s], ["status=active"])


def k_multi():
    e, t, c = email(), jwt("RS256", kid=hx(16)), rs(ALNUM_LOWER, 32)
    add("multi", f"send: b'POST /api/profile HTTP/1.1\\r\\nHost: app.acme.io\\r\\nAuthorization: Bearer {t}\\r\\n"
        f"Cookie: sessionid={c}\\r\\nContent-Type: application/json\\r\\n\\r\\n{{\"email\": \"{e}\", \"newsletter\": true}}'",
        [t, c, e], ["POST /api/profile HTTP/1.1", "\"newsletter\": true"])
    e, p, k = email(), pw(), stripe_key("sk_live")
    inner = jd({"user": e, "password": p, "stripe_key": k})
    add("multi", jd({"severity": "ERROR", "message": f"config reload failed: {inner}", "component": "billing"}),
        [e, p, k], ["config reload failed"])
    a, s, ph = aws_key_id(), aws_secret(), phone("uk_mobile")
    add("multi", f"{t_py()} ERROR [sms] SNS publish to {ph} failed with credentials {a}/{s}", [ph, a, s], ["SNS publish to"])
    k, i = slack_token("xoxb"), group4(iban("DE"))
    add("multi", f"{t_iso()} finance-bot: posting refund for {i} to #finance using {k}", [i, k], ["to #finance"])
    e, c = email(), card("visa")
    line, keep = gcp_entry(payload={"message": "order failed", "customer": {"email": e}, "payment": {"pan": c}},
                           http={"requestMethod": "POST", "requestUrl": "https://shop.acme.io/checkout", "status": 502},
                           severity="ERROR", app="checkout")
    add("multi", line, [e, c], keep + ["https://shop.acme.io/checkout"])


# ============================================================ hard negatives
def tiny_png(w=3, h=2):
    """A real, tiny RGB PNG (stored deflate block, so no zlib-version drift)."""
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + rbytes(w * 3) for _ in range(h))
    stored = b"\x78\x01\x01" + struct.pack("<HH", len(raw), len(raw) ^ 0xFFFF) + raw + struct.pack(">I", zlib.adler32(raw))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", stored) + chunk(b"IEND", b""))


def neg_authword():
    n = num(1000, 99999)
    yield f"{t_py()} INFO [accounts.views] password reset requested for user id {n}", [f"password reset requested for user id {n}"]
    u = uuid4()
    yield (f"level=warn ts={t_iso()} caller=auth/jwt.go:112 msg=\"token expired\" user_id={num(1000, 99999)} request_id={u}",
           [u, "msg=\"token expired\"", "caller=auth/jwt.go:112"])
    ts = t_iso_s()
    yield (f"{t_java()}  WARN 1 --- [nio-8080-exec-2] o.s.s.o.s.r.w.BearerTokenAuthenticationFilter : "
           f"Bearer authentication failed: Jwt expired at {ts}", ["Bearer authentication failed: Jwt expired at " + ts])
    r = uuid4()
    yield jd({"level": "error", "msg": "api_key missing", "path": "/v1/quotes", "status": 401, "request_id": r}), \
        ["api_key missing", r]
    yield f"{t_iso()} INFO  secrets-operator: secret rotation completed in 32ms rotated=3 failed=0", \
        ["secret rotation completed in 32ms", "rotated=3 failed=0"]
    port = num(30000, 65000)
    yield (f"{t_syslog()} bastion-1 sshd[{num(1000, 30000)}]: Failed password for invalid user admin from {ip()} port {port} ssh2",
           ["Failed password for invalid user admin", f"port {port} ssh2"])
    yield "< WWW-Authenticate: Basic realm=\"api\", charset=\"UTF-8\"", ["Basic realm=\"api\", charset=\"UTF-8\""]
    yield ("< WWW-Authenticate: Bearer realm=\"acme\", error=\"invalid_token\", error_description=\"The access token expired\"",
           ["error=\"invalid_token\"", "The access token expired"])
    yield f"{t_py()} WARNING [api.middleware] Authorization header missing for GET /v1/orders (client=web)", \
        ["Authorization header missing for GET /v1/orders"]
    yield ("google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', "
           "'error_description': 'Token has been expired or revoked.'})", ["invalid_grant: Token has been expired or revoked."])
    yield f"{t_iso()} [INFO]  agent.auth.handler: renewed auth token ttl=768h0m0s", ["renewed auth token", "ttl=768h0m0s"]
    yield "secret/ledger-db created", ["secret/ledger-db created"]
    p, u = pod("ledger"), uuid4()
    v = rs(K8S_ALPHA, 5)
    yield (f"I{t_klog()}    2231 reconciler_common.go:258] \"operationExecutor.MountVolume started for volume "
           f"\\\"kube-api-access-{v}\\\" (UniqueName: \\\"kubernetes.io/projected/{u}-kube-api-access-{v}\\\") pod=\\\"payments/{p}\\\"\"",
           [p, u, f"kube-api-access-{v}"])
    p = pod("checkout")
    yield (f"E{t_klog()}    2231 kubelet_pods.go:1135] \"Unable to retrieve pull secret, the image pull may not succeed.\" "
           f"pod=\"prod/{p}\" secret=\"\" err=\"secret \\\"regcred\\\" not found\"", [p, "secret \\\"regcred\\\" not found"])
    yield f"{t_py()} INFO [auth] login succeeded user_id={num(1000, 99999)} mfa=totp session_ttl=43200", \
        ["login succeeded", "mfa=totp session_ttl=43200"]
    yield jd({"level": "info", "msg": "token refreshed", "token_type": "Bearer", "expires_in": 3599, "scope": "openid email"}), \
        ["\"token_type\":\"Bearer\"", "\"expires_in\":3599", "token refreshed"]
    yield jd({"status": 422, "errors": [{"field": "password", "code": "too_short",
                                         "message": "password must be at least 12 characters and contain a digit"}]}), \
        ["password must be at least 12 characters and contain a digit", "\"field\":\"password\""]
    yield f"{t_gha()} Secret source: Actions", ["Secret source: Actions"]
    fp = b64(32).rstrip("=")
    yield (f"{t_syslog()} bastion-1 sshd[{num(1000, 30000)}]: Accepted publickey for deploy from {ip()} port {num(30000, 65000)} "
           f"ssh2: ED25519 SHA256:{fp}", [f"SHA256:{fp}", "Accepted publickey for deploy"])
    yield f"{t_py()} INFO botocore.credentials Found credentials in environment variables.", \
        ["Found credentials in environment variables."]
    yield f"level=info ts={t_iso()} msg=\"key rotation scheduled\" key_id=alias/acme-prod-kms next=2024-04-01", \
        ["key_id=alias/acme-prod-kms", "next=2024-04-01"]
    ch, st = b64url(32), hx(16)
    yield (f"{t_py()} DEBUG [oauth] authorize redirect code_challenge={ch} code_challenge_method=S256 state={st}",
           [f"code_challenge={ch}", "code_challenge_method=S256", f"state={st}"])
    yield (f"{t_iso()} Logon Login failed for user 'orders_app'. Reason: Password did not match that for the login provided. "
           f"[CLIENT: 10.0.3.17]", ["Login failed for user 'orders_app'.", "Password did not match that for the login provided."])
    yield f"{t_pg()} FATAL:  password authentication failed for user \"ledger\"", ["password authentication failed for user \"ledger\""]
    n, ts = num(1000, 99999), t_iso_s()
    yield f"{t_iso()} audit: user {n} changed password (password_changed_at={ts})", [f"password_changed_at={ts}"]


def neg_placeholder():
    yield f"level=info ts={t_iso()} msg=connecting user=ledger password=*** host=pg-primary", ["password=***", "host=pg-primary"]
    yield jd({"level": "debug", "msg": "db config", "db": {"host": "pg", "user": "ledger", "password": "<redacted>"}}), \
        ["<redacted>", "db config"]
    yield "WARN[0000] The \"DB_PASSWORD\" variable is not set. Defaulting to a blank string.", \
        ["The \"DB_PASSWORD\" variable is not set. Defaulting to a blank string."]
    yield "ledger  | DATABASE_PASSWORD=${DB_PASSWORD} DATABASE_HOST=pg", ["${DB_PASSWORD}", "DATABASE_HOST=pg"]
    yield ("  Parameters: {\"authenticity_token\"=>\"[FILTERED]\", \"user\"=>{\"email\"=>\"[FILTERED]\", \"password\"=>\"[FILTERED]\"}, "
           "\"commit\"=>\"Log in\"}", ["\"password\"=>\"[FILTERED]\"", "\"commit\"=>\"Log in\""])
    yield (f"I{t_klog()}   48213 round_trippers.go:466] curl -v -XGET  -H \"Accept: application/json\" -H \"User-Agent: "
           f"kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819\" -H \"Authorization: Bearer <masked>\" "
           f"'https://10.96.0.1:443/api/v1/namespaces/prod/pods?limit=500'",
           ["Bearer <masked>", "kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819"])
    yield f"[{t_py()}: INFO/MainProcess] Connected to amqp://guest:**@rabbitmq:5672//", ["amqp://guest:**@rabbitmq:5672//"]
    yield "Looking in indexes: https://ci-reader:****@nexus.acme.io/repository/pypi-all/simple", \
        ["https://ci-reader:****@nexus.acme.io/repository/pypi-all/simple"]
    yield (f"{t_py()} INFO azure.core.pipeline.policies.http_logging_policy Request URL: 'https://stacmeprod.blob.core.windows.net/"
           f"exports/report.csv?sv=2023-01-03&se=2024-03-21T10%3A00%3A00Z&sr=b&sp=r&sig=REDACTED'", ["sig=REDACTED", "sv=2023-01-03"])
    last4 = rs(ALNUM, 4)
    masked = f"sk-proj-{'*' * 156}{last4}"
    yield (f"openai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: {masked}. "
           f"You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', "
           f"'code': 'invalid_api_key'}}}}", [masked, "'code': 'invalid_api_key'"])
    yield f"{t_gha()}   NODE_AUTH_TOKEN: ***", ["NODE_AUTH_TOKEN: ***"]
    yield "$ docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY", ["$CI_JOB_TOKEN", "$CI_REGISTRY"]
    yield f"{t_gha()} with: username: acme-ci password: ${{{{ secrets.DOCKERHUB_TOKEN }}}} registry: docker.io", \
        ["${{ secrets.DOCKERHUB_TOKEN }}"]
    yield "+ echo \"$REGISTRY_PASSWORD\" | docker login ghcr.io -u acme-ci --password-stdin", \
        ["\"$REGISTRY_PASSWORD\"", "--password-stdin"]
    yield "+ ledger-migrate --db-host pg --password-file /run/secrets/db --timeout 30s", ["--password-file /run/secrets/db"]
    yield "+ PGPASSFILE=/home/backup/.pgpass pg_dump --no-password -h pg -U backup ledger", \
        ["PGPASSFILE=/home/backup/.pgpass", "--no-password"]
    yield f"{t_py()} DEBUG [db] dsn template: postgresql://%(user)s:%(password)s@%(host)s/%(db)s", \
        ["postgresql://%(user)s:%(password)s@%(host)s/%(db)s"]
    yield "[ERROR] templates/secret.yaml: password: {{ .Values.postgresql.auth.password | quote }} (nil pointer)", \
        ["{{ .Values.postgresql.auth.password | quote }}"]
    yield "+ sed -i 's/^API_KEY=.*/API_KEY=<your-api-key>/' .env.example", ["API_KEY=<your-api-key>"]
    yield "mysql: [Warning] Using a password on the command line interface can be insecure.", \
        ["Using a password on the command line interface can be insecure."]
    r = uuid4()
    yield jd({"msg": "proxy request", "headers": {"authorization": "REDACTED", "x-request-id": r}}), ["REDACTED", r]
    yield f"level=error ts={t_iso()} msg=\"missing env\" var=DB_PASSWORD value=\"\"", ["var=DB_PASSWORD value=\"\""]
    yield "GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json", ["/var/secrets/google/key.json"]
    yield (f"{t_java()}  INFO 1 --- [main] o.a.k.c.c.ConsumerConfig : ConsumerConfig values: sasl.jaas.config = [hidden] "
           f"ssl.keystore.password = [hidden] ssl.truststore.password = null", ["sasl.jaas.config = [hidden]",
                                                                                "ssl.keystore.password = [hidden]"])


def neg_hash():
    d = hx(64)
    yield f"Digest: sha256:{d}", [f"sha256:{d}"]
    d = hx(64)
    yield (f"I{t_klog()}    2231 event.go:376] \"Successfully pulled image \\\"ghcr.io/acme/ledger@sha256:{d}\\\" in 2.113s\"",
           [f"ghcr.io/acme/ledger@sha256:{d}"])
    sha = hx(40)
    yield f"{t_gha()} HEAD is now at {sha[:7]} fix(ledger): retry on 503 (checked out {sha})", [sha[:7], sha]
    sha = hx(40)
    yield f"{t_gha()} ##[group]Run actions/checkout@{sha}", [f"actions/checkout@{sha}"]
    h = hx(8)
    yield (f"{ip()} - - [{t_clf()}] \"GET /static/js/main.{h}.chunk.js HTTP/1.1\" 304 0 \"https://app.acme.io/\" "
           f"\"{UAS[4]}\"", [f"/static/js/main.{h}.chunk.js"])
    e = hx(32)
    yield f"< ETag: \"{e}\"", [e]
    e = hx(32) + "-" + str(num(2, 40))
    yield jd({"level": "info", "msg": "multipart upload complete", "bucket": "acme-artifacts", "etag": e}), [e]
    integ = "sha512-" + b64(64)
    yield f"npm http fetch GET 200 https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz 31ms (cache miss) integrity {integ}", \
        [integ, "lodash-4.17.21.tgz"]
    h = hx(64)
    yield f"Collecting requests==2.31.0 (from -r requirements.txt (line 4)) --hash=sha256:{h}", [f"--hash=sha256:{h}"]
    h1 = "h1:" + b64(32)
    yield f"go: downloading github.com/acme/lib v1.4.2 {h1}", [h1, "github.com/acme/lib v1.4.2"]
    yield "> x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", \
        ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]
    k = hx(64)
    yield f"{t_gha()} Cache restored from key: node-cache-Linux-x64-npm-{k}", [f"node-cache-Linux-x64-npm-{k}"]
    c = hx(64)
    yield (f"time=\"{t_iso()}\" level=info msg=\"StartContainer for \\\"{c}\\\" returns successfully\"", [c])
    b = b64(32)
    yield f"data.archive_file.lambda: Read complete after 0s [id={hx(40)}] output_base64sha256 = \"{b}\"", [b]
    h = hx(64)
    yield f"+ echo \"{h}  helm-v3.14.2-linux-amd64.tar.gz\" | sha256sum -c", [h, "helm-v3.14.2-linux-amd64.tar.gz"]
    h = hx(16)
    yield f"asset main.{h}.js 412 KiB [emitted] [immutable] [minimized] (name: main)", [f"main.{h}.js"]
    h = hx(64)
    yield f"version https://git-lfs.github.com/spec/v1 oid sha256:{h} size 1048576", [f"oid sha256:{h}"]
    h = hx(64)
    yield f"#14 writing image sha256:{h} done", [f"sha256:{h}"]
    s = "sha384-" + b64(48)
    yield f"{t_py()} DEBUG [assets] <script src=\"/app.js\" integrity=\"{s}\" crossorigin=\"anonymous\"></script>", [s]
    fp = ":".join(rs(HEXU, 2) for _ in range(32))
    yield f"SHA256 Fingerprint={fp}", [fp]
    m = b64(16)
    yield f"> Content-MD5: {m}", [m]


def neg_id():
    r = hx(32)
    yield (f"{ip()} - - [{t_clf()}] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\" rt=0.001 req_id={r}", [f"req_id={r}"])
    t, s = hx(32), hx(16)
    yield f"> traceparent: 00-{t}-{s}-01", [f"00-{t}-{s}-01"]
    t, s, p = hx(32), hx(16), hx(16)
    yield jd({"traceId": t, "spanId": s, "parentSpanId": p, "name": "HTTP GET /v1/orders", "kind": 2,
              "startTimeUnixNano": str(t_ms() * 1000000)}), [t, s, p]
    p = pod("payments-api")
    yield f"Normal  Scheduled  pod/{p}  Successfully assigned prod/{p} to k8s-node-14", [p]
    ids = ["evt_1Ot" + rs(ALNUM, 21), "in_1Ot" + rs(ALNUM, 21), "cus_P" + rs(ALNUM, 13), "pi_3Ot" + rs(ALNUM, 21)]
    yield jd({"id": ids[0], "type": "invoice.paid", "data": {"object": {"id": ids[1], "customer": ids[2],
                                                                        "payment_intent": ids[3]}}}), ids
    rid, sha = digits(10), hx(40)
    yield f"GITHUB_RUN_ID={rid} GITHUB_RUN_ATTEMPT=1 GITHUB_SHA={sha}", [f"GITHUB_RUN_ID={rid}", sha]
    r = uuid4()
    yield f"START RequestId: {r} Version: $LATEST", [r]
    r = uuid4()
    yield (f"REPORT RequestId: {r} Duration: 12.34 ms Billed Duration: 13 ms Memory Size: 512 MB Max Memory Used: 88 MB",
           [r, "Max Memory Used: 88 MB"])
    sf = not_luhn_digits(19)
    yield jd({"level": "info", "msg": "message relayed", "channel_id": digits(18), "message_id": sf}), [sf]
    o = not_luhn_digits(16)
    yield f"{t_py()} INFO [orders] order_number={o} state=fulfilled items=3", [f"order_number={o}"]
    ms = t_ms_not_luhn()
    yield f"{t_iso()} cache set key=user:4821:profile ttl=300 written_at={ms}", ["key=user:4821:profile", str(ms)]
    oid = hx(24)
    yield f"{t_iso()} mongo: findOneAndUpdate {{ _id: ObjectId(\"{oid}\") }} took 4ms", [f"ObjectId(\"{oid}\")"]
    op = f"operation-{t_ms_not_luhn()}-{hx(13)}-{hx(8)}-{hx(8)}"
    yield f"Waiting for operation [projects/acme-prod-4821/locations/europe-west1/operations/{op}] to complete...", [op]
    e = hx(32)
    yield f"{t_py()} DEBUG [sentry_sdk.errors] Sending event, type:null level:error event_id:{e} project:4505 host:o4505.ingest.sentry.io", \
        [f"event_id:{e}"]
    k = uuid4()
    yield f"> Idempotency-Key: {k}", [k]
    sha = hx(7)
    yield f"Successfully tagged ghcr.io/acme/ledger:2.14.1-build.8823-g{sha}", [f"ghcr.io/acme/ledger:2.14.1-build.8823-g{sha}"]
    t = uuid4()
    yield f"[{t_py()}: INFO/ForkPoolWorker-3] Task billing.tasks.charge[{t}] succeeded in 0.41s: None", [t]
    n = num(100, 9999)
    yield f"{t_syslog()} web-01 systemd[1]: Started session-{n}.scope - Session {n} of User deploy.", [f"session-{n}.scope"]
    p, u, c = pod("ledger"), uuid4(), hx(64)
    yield (f"I{t_klog()}    2231 kuberuntime_container.go:779] \"Killing container with a grace period\" pod=\"prod/{p}\" "
           f"podUID=\"{u}\" containerName=\"ledger\" containerID=\"containerd://{c}\" gracePeriod=30", [p, u, c])
    yield "Tracking 1Z999AA10123456784 out for delivery (UPS)", ["1Z999AA10123456784"]


def neg_encoded():
    png = "data:image/png;base64," + b64s(tiny_png())
    yield jd({"level": "debug", "msg": "thumbnail generated", "w": 3, "h": 2, "src": png}), [png]
    pub = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(B64STD, 43) + " deploy@laptop"
    yield f"{t_syslog()} bastion-1 google_guest_agent[812]: Adding key for user deploy: {pub}", [pub]
    lines = cert_lines()
    yield jd({"msg": "serving certificate", "cert": "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines)
              + "\n-----END CERTIFICATE-----\n"}), lines
    body = b64s(bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200") + b"\x04" + rbytes(64))
    yield f"{t_iso()} INFO jwks: loaded verification key -----BEGIN PUBLIC KEY----- {body} -----END PUBLIC KEY-----", [body]
    kid, n = hx(40), b64url(256)
    yield jd({"keys": [{"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256", "n": n, "e": "AQAB"}]}), [kid, n]
    ca = b64s("-----BEGIN CERTIFICATE-----\n" + "\n".join(cert_lines()) + "\n-----END CERTIFICATE-----\n")
    yield f"    certificate-authority-data: {ca}", [ca]
    yield "< grpc-status: 5 < grpc-message: not found < grpc-status-details-bin: CAUSCW5vdCBmb3VuZA", \
        ["grpc-status-details-bin: CAUSCW5vdCBmb3VuZA"]
    h = hx(64)
    yield (f"x-forwarded-client-cert: By=spiffe://cluster.local/ns/prod/sa/ledger;Hash={h};Subject=\"\";"
           f"URI=spiffe://cluster.local/ns/prod/sa/gateway", [f"Hash={h}", "spiffe://cluster.local/ns/prod/sa/gateway"])
    e = "W/\"5e-" + rs(B64URL, 27) + "\""
    yield f"{ip()} - - [{t_clf()}] \"GET /api/v1/catalog HTTP/1.1\" 304 0 etag={e}", [e]
    key = b64s(rbytes(4) + bytes.fromhex("1609") + rbytes(90))
    yield (f"{t_gha()} Importing GPG public key: -----BEGIN PGP PUBLIC KEY BLOCK----- mDMEZf{key} -----END PGP PUBLIC KEY BLOCK-----",
           [f"mDMEZf{key}"])


def neg_atsign():
    yield "git@github.com: Permission denied (publickey). fatal: Could not read from remote repository git@github.com:acme/payments.git", \
        ["git@github.com:acme/payments.git"]
    yield "added 1 package: @acme/ui-kit@4.2.0 (peer @types/node@20.11.5)", ["@acme/ui-kit@4.2.0", "@types/node@20.11.5"]
    yield f"{t_syslog()} db-primary systemd[1]: Started postgresql@16-main.service - PostgreSQL Cluster 16-main.", \
        ["postgresql@16-main.service"]
    yield f"{t_syslog()} web-01 systemd[1]: getty@tty1.service: Succeeded.", ["getty@tty1.service"]
    yield "  File \"/app/api.py\", line 12, in <module>     @app.route(\"/health\", methods=[\"GET\"])", ["@app.route(\"/health\""]
    yield f"[{t_py()}: INFO/MainProcess] celery@worker-7.prod ready.", ["celery@worker-7.prod"]
    h = hx(8)
    yield f"{t_java()} WARN  [pool-2-thread-1] c.a.l.Cache : evicting com.acme.ledger.Account@{h} (java.lang.Thread@{hx(8)})", \
        [f"com.acme.ledger.Account@{h}"]
    yield "deploy@bastion-1: Permission denied (publickey,password).", ["deploy@bastion-1"]
    yield f"{t_py()} INFO [sentry] release=checkout@3.8.1+{hx(7)} environment=production", ["release=checkout@3.8.1+"]


def neg_misc():
    yield (f"{ip()} - - [{t_clf()}] \"GET /api/v1/products?page=2&per_page=50 HTTP/1.1\" 200 18233 \"-\" \"{UAS[4]}\"",
           ["/api/v1/products?page=2&per_page=50"])
    yield f"{t_iso()} INFO ledger: listening on 0.0.0.0:8080 (metrics on 0.0.0.0:9090)", ["0.0.0.0:8080", "0.0.0.0:9090"]
    yield f"1:M {t_django()}.{num(100, 999)} * Ready to accept connections tcp on 127.0.0.1:6379", ["127.0.0.1:6379"]
    yield (f"{t_pg()} LOG:  checkpoint complete: wrote 4821 buffers (3.7%); 0 WAL file(s) added, 0 removed, 2 recycled; "
           f"write=269.875 s, sync=0.004 s, total=269.903 s", ["wrote 4821 buffers (3.7%)"])
    c = hx(7)
    yield f"level=info msg=\"starting\" version=v2.14.1+build.8823 go=go1.22.1 commit={c} built=2024-03-14T09:26:53Z", \
        ["version=v2.14.1+build.8823", f"commit={c}"]
    yield f"{t_iso()} processed 1234567 events in 4.2s (293944 ev/s) lag=0 partition=7 offset=90233412", \
        ["processed 1234567 events in 4.2s", "offset=90233412"]
    yield f"{t_py()} INFO [scheduler] next run 2024-W12 at 2024-03-18T06:00:00+05:30 cron=\"*/5 * * * *\"", \
        ["2024-W12", "2024-03-18T06:00:00+05:30", "*/5 * * * *"]
    yield f"{t_iso()} DEBUG dns: resolved ledger.prod.svc.cluster.local via 10.96.0.10:53 in 1.2ms", ["10.96.0.10:53"]
    vat = "DE" + digits(9)
    yield jd({"invoice": "INV-2024-0311", "seller_vat_id": vat, "net": "1200.00", "currency": "EUR"}), [vat, "INV-2024-0311"]
    yield "< HTTP/1.1 200 OK < Content-Type: application/json < Content-Length: 4821 < Cache-Control: no-store", \
        ["Content-Length: 4821", "Cache-Control: no-store"]


NEG_GENERATORS = [("neg-authword", neg_authword), ("neg-placeholder", neg_placeholder), ("neg-hash", neg_hash),
                  ("neg-id", neg_id), ("neg-encoded", neg_encoded), ("neg-atsign", neg_atsign), ("neg-misc", neg_misc)]


# ==================================================================== main
POSITIVE_GENERATORS = [
    k_openai, k_anthropic, k_npm, k_pypi, k_dockerhub, k_vault, k_tfc, k_sendgrid, k_twilio, k_mailgun, k_shopify,
    k_datadog, k_newrelic, k_sentry, k_google_oauth, k_azure_connstr, k_azure_sas, k_heroku, k_digitalocean, k_linear,
    k_atlassian, k_square, k_braintree, k_huggingface, k_grafana, k_github, k_gitlab, k_slack, k_stripe, k_aws,
    k_aws_session, k_google_api_key, k_jwt, k_extras, k_password_hash,
    k_password_kv, k_cli_password, k_secret_kv, k_authz_header, k_cookie, k_api_key_header, k_presigned_url,
    k_conn_uri, k_jdbc, k_adonet, k_env_dump, k_config_snippet,
    k_private_key, k_gcp_sa, k_k8s_secret, k_docker_auth,
    k_email, k_card, k_iban, k_phone, k_ssn, k_multi,
]


def spans(line, sub):
    out, start = [], 0
    while True:
        i = line.find(sub, start)
        if i < 0:
            return out
        out.append((i, i + len(sub)))
        start = i + 1


def validate(records):
    seen = set()
    for r in records:
        rid, line = r["id"], r["line"]
        assert rid not in seen, f"duplicate id {rid}"
        seen.add(rid)
        assert "\n" not in line and "\r" not in line, f"{rid}: multi-line"
        for s in r["secrets"] + r["keep"]:
            assert s, f"{rid}: empty entry"
            assert s in line, f"{rid}: not a substring: {s[:60]!r}"
        assert len(set(r["secrets"])) == len(r["secrets"]) or rid.startswith("private-key"), f"{rid}: duplicate secret"
        for k in r["keep"]:
            for s in r["secrets"]:
                for a0, a1 in spans(line, k):
                    for b0, b1 in spans(line, s):
                        assert a1 <= b0 or b1 <= a0, f"{rid}: keep {k[:40]!r} overlaps secret {s[:40]!r}"
        for k in r["keep"]:
            for run in re.findall(r"(?<![0-9])[0-9]{13,19}(?![0-9])", k):
                assert not luhn_ok(run), f"{rid}: keep {k[:40]!r} holds a Luhn-valid digit run"
        if rid.startswith("neg-"):
            assert not r["secrets"], f"{rid}: negative with secrets"
        else:
            assert r["secrets"], f"{rid}: positive without secrets"


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: python3 generate.py OUT_FILE\n")
        return 2
    for gen in POSITIVE_GENERATORS:
        gen()
    for kind, gen in NEG_GENERATORS:
        for line, keep in gen():
            add(kind, line, [], keep)
    validate(RECORDS)
    with open(argv[1], "w", encoding="utf-8", newline="\n") as fh:
        for r in RECORDS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    neg = sum(1 for r in RECORDS if r["id"].startswith("neg-"))
    sys.stderr.write(f"wrote {len(RECORDS)} lines ({neg} hard negatives, {neg * 100 // len(RECORDS)}%)\n")
    for kind, n in _COUNTERS.items():
        sys.stderr.write(f"  {kind:16} {n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
