#!/usr/bin/env python3
"""Generate the loghub-heldout corpus: five invented, labelled log systems in
the Loghub-2k layout (see README.md).

    python3 generate.py OUT_DIR

Deterministic (fixed seed, Python standard library only).  Writes, per system
<Sys>: OUT_DIR/<Sys>/<Sys>_2k.log, <Sys>_2k.log_structured_corrected.csv,
<Sys>_2k.log_templates_corrected.csv, and OUT_DIR/settings.json.

How labels are produced: every event type is written once as a message text
in which each variable part is a named slot ``<@name>``.  The EventTemplate is
that text with every slot replaced by ``<*>``; a line's Content is the text
with every slot replaced by a generated value.  Labels therefore never depend
on what the values look like.
"""

import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import loghub_corpus  # noqa: E402  (tests/data/loghub_corpus.py: the machinery shared with loghub-recall)
from loghub_corpus import hexs, weighted  # noqa: E402


class System(loghub_corpus.System):
    """The knobs of this corpus; see loghub_corpus.System."""
    seed = "loghub-heldout/v1"
    fixed_margin = 20
    inner_gap = (0.0005, 0.2)
    pool_tries = 20
    collapse_spaces = False
    pub_ip_reserved = (0, 10, 100, 127, 169, 172, 192, 198, 203)


# ---------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------

def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


K8S_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def k8s_suffix(r, n=5):
    return "".join(r.choice(K8S_ALNUM) for _ in range(n))


def priv_ip(r):
    k = r.random()
    if k < 0.6:
        return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 254))
    if k < 0.85:
        return "192.168.%d.%d" % (r.randint(0, 30), r.randint(2, 254))
    return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254))


def ipv6(r):
    return "2a0%d:%x:%x:%x::%x" % (r.randint(1, 9), r.randint(0x100, 0xffff), r.randint(0, 0xffff),
                                   r.randint(0, 0xffff), r.randint(1, 0xffff))


FIRST = ["anna", "ben", "carlos", "dana", "elif", "farid", "grace", "hiro", "ines", "jonas", "kavya",
         "liam", "mei", "nikolai", "olga", "pedro", "quinn", "rosa", "sven", "tariq", "uma", "viktor",
         "wen", "ximena", "yusuf", "zoe", "maria", "john", "li", "fatima", "omar", "sara", "tom",
         "julia", "raj", "eva", "noah", "lena", "mateo", "aisha", "peter", "chloe", "ivan", "nora"]
LAST = ["smith", "garcia", "muller", "rossi", "kowalski", "nguyen", "tanaka", "silva", "dubois",
        "johansson", "okafor", "haddad", "novak", "ivanova", "kim", "patel", "fischer", "costa",
        "jensen", "moreau", "schmidt", "lopez", "wang", "sato", "brown", "weber", "horvat", "larsen",
        "yilmaz", "moretti", "byrne", "kaur", "olsen", "petrov", "reyes", "adeyemi", "lindqvist"]
MAIL_DOMAINS = ["gmail.com", "outlook.com", "example.org", "mailbox.test", "posteo.de", "yahoo.co.uk",
                "proton.me", "web.de", "icloud.com", "corp.example.com"]
WORDS = ["alpha", "atlas", "beacon", "cedar", "delta", "ember", "falcon", "garnet", "harbor", "indigo",
         "juniper", "kestrel", "lotus", "meadow", "nebula", "onyx", "pioneer", "quartz", "raven",
         "sierra", "tundra", "umber", "vertex", "willow", "zephyr", "summer", "winter", "banner",
         "hero", "promo", "avatar", "thumb", "product", "gallery", "header", "footer", "icon", "logo"]


def username(r):
    f, l = r.choice(FIRST), r.choice(LAST)
    k = r.random()
    if k < 0.35:
        return f[0] + l
    if k < 0.55:
        return f + "." + l
    if k < 0.7:
        return f + str(r.randint(1, 99))
    if k < 0.8:
        return l + f[0]
    return f + "_" + l[:3]


def email(r):
    f, l = r.choice(FIRST), r.choice(LAST)
    k = r.random()
    local = f + "." + l if k < 0.5 else (f[0] + l if k < 0.75 else f + str(r.randint(1, 999)))
    return local + "@" + r.choice(MAIL_DOMAINS)


# ---------------------------------------------------------------------------
# 1. nginx error log
# ---------------------------------------------------------------------------

class Nginx(System):
    name = "Nginx"
    log_format = r"<Date> <Time> \[<Level>\] <Pid>#<Tid>: <Content>"
    start = datetime(2025, 3, 14, 6, 12, 7)
    mean_gap = 2.4

    def define(self):
        r = self.r
        self.sites = [("example.com", "/var/www/example.com/public", 30),
                      ("www.example.com", "/var/www/example.com/public", 12),
                      ("shop.northwind-traders.test", "/srv/shop/current/public", 25),
                      ("api.northwind-traders.test", "/srv/api/static", 18),
                      ("static.example.com", "/var/www/static", 14),
                      ("blog.acme-widgets.io", "/var/www/blog", 8),
                      ("cdn.acme-widgets.io", "/data/cdn", 6),
                      ("portal.fabrikam.test", "/usr/share/nginx/portal", 5),
                      ("_", "/usr/share/nginx/html", 7)]
        self.clients = self.pool(lambda: self.pub_ip() if r.random() < 0.9 else ipv6(r), 900, 0.75)
        self.scanners = self.pool(lambda: self.pub_ip(), 60, 1.0)
        self.backends = ["10.0.%d.%d:%d" % (r.randint(1, 6), r.randint(2, 250), p)
                         for p in (8080, 8080, 8080, 3000, 3000, 9000, 8000, 5000)]
        self.upstream_names = ["backend_api", "shop_app", "auth_upstream", "legacy_php", "grpc_gw"]
        self.master = r.randint(700, 1400)
        self.workers = [self.master + k for k in range(1, 5)]
        self.next_pid = self.master + 5
        self.conn = r.randint(20000, 90000)
        self.version = "1.24.0"

        REQ = ', client: <@ip>, server: <@server>, request: "<@method> <@uri> HTTP/<@hv>", host: "<@host>"'
        REQU = (', client: <@ip>, server: <@server>, request: "<@method> <@uri> HTTP/<@hv>", '
                'upstream: "<@upstream>", host: "<@host>"')
        e = self.ev
        e("open", '<@cid> open() "<@path>" failed (<@errno>: <@errstr>)' + REQ, level="error")
        e("open_ref", '<@cid> open() "<@path>" failed (<@errno>: <@errstr>)' + REQ + ', referrer: "<@ref>"',
          level="error")
        e("limit_req", '<@cid> limiting requests, excess: <@excess> by zone "<@zone>"' + REQ, level="error")
        e("limit_req_ref", '<@cid> limiting requests, excess: <@excess> by zone "<@zone>"' + REQ
          + ', referrer: "<@ref>"', level="error")
        e("limit_conn", '<@cid> limiting connections by zone "<@zone>"' + REQ, level="error")
        e("up_to_read", "<@cid> upstream timed out (<@errno>: Connection timed out) while reading response "
          "header from upstream" + REQU, level="error")
        e("up_to_conn", "<@cid> upstream timed out (<@errno>: Connection timed out) while connecting to "
          "upstream" + REQU, level="error")
        e("connect_fail", "<@cid> connect() failed (<@errno>: <@errstr>) while connecting to upstream" + REQU,
          level="error")
        e("recv_fail", "<@cid> recv() failed (<@errno>: <@errstr>) while reading response header from "
          "upstream" + REQU, level="error")
        e("premature", "<@cid> upstream prematurely closed connection while reading response header from "
          "upstream" + REQU, level="error")
        e("no_live", "<@cid> no live upstreams while connecting to upstream" + REQU, level="error")
        e("up_disabled", "<@cid> upstream server temporarily disabled while connecting to upstream" + REQU,
          level="warn")
        e("too_big_hdr", "<@cid> upstream sent too big header while reading response header from upstream"
          + REQU, level="error")
        e("fastcgi", '<@cid> FastCGI sent in stderr: "<@stderr>" while reading response header from upstream'
          + REQU, level="error")
        e("epoll_closed", "<@cid> epoll_wait() reported that client prematurely closed connection, so upstream "
          "connection is closed too while sending request to upstream" + REQU, level="info")
        e("writev", "<@cid> writev() failed (<@errno>: <@errstr>) while sending to client" + REQU, level="info")
        e("ssl_hs", "<@cid> SSL_do_handshake() failed (SSL: error:<@sslcode>:SSL routines::<@sslreason>) while "
          "SSL handshaking, client: <@ip>, server: <@listen>", level="info")
        e("ssl_read", "<@cid> SSL_read() failed (SSL: error:<@sslcode>:SSL routines::<@sslreason>) while "
          "keepalive, client: <@ip>, server: <@listen>", level="info")
        e("ssl_peer", "<@cid> peer closed connection in SSL handshake while SSL handshaking, client: <@ip>, "
          "server: <@listen>", level="info")
        e("client_closed", "<@cid> client closed connection while waiting for request, client: <@ip>, "
          "server: <@listen>", level="info")
        e("client_timeout", "<@cid> client timed out (<@errno>: Connection timed out) while waiting for request, "
          "client: <@ip>, server: <@listen>", level="info")
        e("too_large", "<@cid> client intended to send too large body: <@bytes> bytes" + REQ, level="error")
        e("body_buffered", "<@cid> a client request body is buffered to a temporary file <@tmpfile>" + REQ,
          level="warn")
        e("up_buffered", "<@cid> an upstream response is buffered to a temporary file <@tmpfile> while reading "
          "upstream" + REQU, level="warn")
        e("dir_forbidden", '<@cid> directory index of "<@dir>" is forbidden' + REQ, level="error")
        e("access_rule", "<@cid> access forbidden by rule" + REQ, level="error")
        e("rewrite_cycle", '<@cid> rewrite or internal redirection cycle while internally redirecting to '
          '"<@target>"' + REQ, level="error")
        e("user_nf", '<@cid> user "<@user>" was not found in "<@htpasswd>"' + REQ, level="error")
        e("pw_mismatch", '<@cid> user "<@user>": password mismatch' + REQ, level="error")
        e("no_auth", "<@cid> no user/password was provided for basic authentication" + REQ, level="error")
        e("bad_method", '<@cid> client sent invalid method while reading client request line, client: <@ip>, '
          'server: <@server>, request: "<@rawreq>"', level="info")
        e("plain_http", "<@cid> client sent plain HTTP request to HTTPS port while reading client request "
          "headers" + REQ, level="info")
        # master process / lifecycle
        e("sighup", "signal <@signo> (SIGHUP) received from <@pid>, reconfiguring", level="notice")
        e("reconfiguring", "reconfiguring", level="notice")
        e("epoll", 'using the "<@evmethod>" event method', level="notice")
        e("version", "nginx/<@version>", level="notice")
        e("built_by", "built by gcc <@gccver> (Debian <@gccpkg>)", level="notice")
        e("os", "OS: Linux <@kernel>", level="notice")
        e("rlimit", "getrlimit(RLIMIT_NOFILE): <@soft>:<@hard>", level="notice")
        e("start_workers", "start worker processes", level="notice")
        e("start_worker", "start worker process <@pid>", level="notice")
        e("graceful", "gracefully shutting down", level="notice")
        e("exiting", "exiting", level="notice")
        e("exit", "exit", level="notice")
        e("sigchld", "signal <@signo> (SIGCHLD) received from <@pid>", level="notice")
        e("worker_exit", "worker process <@pid> exited with code <@code>", level="notice")
        e("worker_signal", "worker process <@pid> exited on signal <@signo>", level="alert")
        e("bind_fail", "bind() to <@listen> failed (<@errno>: Address already in use)", level="emerg")
        e("still_bind", "still could not bind()", level="emerg")
        e("conflict_name", 'conflicting server name "<@server>" on <@listen>, ignored', level="warn")

    # -- values ----------------------------------------------------------------
    def v_cid(self):
        self.conn += self.r.randint(1, 40)
        return "*%d" % self.conn

    def v_listen(self):
        return weighted(self.r, [("0.0.0.0:443", 10), ("[::]:443", 4), ("0.0.0.0:80", 2),
                                 ("192.0.2.10:443", 1), ("0.0.0.0:8443", 1)])

    def v_excess(self):
        return "%d.%03d" % (self.r.choice([0, 0, 1, 2, 3, 5, 8, 10, 12, 19, 20]), self.r.randint(0, 999))

    def v_zone(self):
        return weighted(self.r, [("perip", 10), ("api_limit", 6), ("login_zone", 3), ("req_per_ip", 2),
                                 ("addr", 1), ("search", 1)])

    def v_tmpfile(self):
        r = self.r
        return "/var/cache/nginx/%s/%d/%02d/%010d" % (r.choice(["client_temp", "proxy_temp"]),
                                                     r.randint(0, 9), r.randint(0, 99), r.randint(1, 9999999))

    def v_bytes(self):
        return str(self.r.choice([2, 5, 8, 12, 20, 50, 120]) * 1048576 + self.r.randint(1, 999999))

    def v_user(self):
        return username(self.r) if self.r.random() < 0.8 else self.r.choice(
            ["admin", "root", "test", "guest", "deploy", "monitor"])

    def v_htpasswd(self):
        return self.r.choice(["/etc/nginx/.htpasswd", "/etc/nginx/auth/admin.htpasswd",
                              "/etc/nginx/conf.d/.htpasswd-staging"])

    def v_sslcode(self):
        return "0A00%04X" % self.r.randint(0x100, 0x1ff)

    def v_version(self):
        return self.version

    def v_evmethod(self):
        return "epoll"

    # -- request contexts --------------------------------------------------------
    def site(self):
        return self.r.choices(self.sites, [s[2] for s in self.sites])[0]

    def uri(self, kind):
        r = self.r
        if kind == "static":
            d = r.choice(["img", "images", "css", "js", "fonts", "assets", "media/uploads/2024", "static"])
            ext = r.choice(["png", "jpg", "webp", "css", "js", "svg", "woff2", "map", "gif"])
            return "/%s/%s-%s.%s" % (d, r.choice(WORDS), r.choice([str(r.randint(1, 999)), hexs(r, 8)]), ext)
        if kind == "missing":
            return r.choice(["/favicon.ico", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png",
                             "/apple-touch-icon-%dx%d.png" % ((152, 152) if r.random() < .5 else (120, 120)),
                             "/robots.txt", "/sitemap.xml", "/ads.txt", "/.well-known/security.txt",
                             "/browserconfig.xml", "/manifest.json"])
        if kind == "scan":
            return r.choice(["/wp-login.php", "/.env", "/.git/config", "/phpmyadmin/index.php",
                             "/wp-content/plugins/wp-file-manager/readme.txt", "/vendor/phpunit/phpunit/src/"
                             "Util/PHP/eval-stdin.php", "/cgi-bin/luci/;stok=/locale", "/boaform/admin/formLogin",
                             "/actuator/gateway/routes", "/owa/auth/logon.aspx", "/xmlrpc.php", "/HNAP1/",
                             "/.aws/credentials", "/server-status", "/solr/admin/info/system",
                             "/wp-includes/wlwmanifest.xml", "/config.json", "/.DS_Store", "/backup.zip",
                             "/admin/.env", "/api/.env", "/%s.php" % r.choice(WORDS)])
        if kind == "api":
            res = r.choice(["orders", "users", "products", "carts", "invoices", "sessions", "search",
                            "inventory", "payments", "reports"])
            u = "/api/v%d/%s" % (r.choice([1, 1, 2]), res)
            if r.random() < 0.7:
                u += "/%d" % r.randint(1, 999999)
            if r.random() < 0.3:
                u += "/" + r.choice(["items", "status", "history", "export"])
            if r.random() < 0.35:
                u += "?%s=%s" % (r.choice(["page", "limit", "q", "sort", "from"]),
                                 r.choice([str(r.randint(1, 200)), r.choice(WORDS), "desc", "2025-03-01"]))
            return u
        if kind == "page":
            u = r.choice(["/", "/login", "/account/orders", "/checkout", "/cart", "/products/%s-%d" % (
                r.choice(WORDS), r.randint(1, 5000)), "/blog/%d/%02d/%s-%s" % (r.choice([2023, 2024]),
                r.randint(1, 12), r.choice(WORDS), r.choice(WORDS)), "/search", "/admin/", "/index.php"])
            if r.random() < 0.25:
                u += "?utm_source=%s&utm_medium=%s" % (r.choice(["newsletter", "google", "twitter"]),
                                                      r.choice(["email", "cpc", "social"]))
            return u
        raise ValueError(kind)

    def req(self, kind="page", method=None, scanner=False):
        r = self.r
        name, root, _ = self.site()
        u = self.uri(kind)
        hv = weighted(r, [("1.1", 20), ("2.0", 6), ("1.0", 1)])
        if method is None:
            method = weighted(r, [("GET", 30), ("POST", 5), ("HEAD", 2), ("PUT", 1), ("DELETE", 1),
                                  ("OPTIONS", 1)]) if kind == "api" else weighted(r, [("GET", 25), ("HEAD", 2),
                                                                                       ("POST", 2)])
        host = name if name != "_" else r.choice(["203.0.113.10", "localhost", "198.51.100.7"])
        if r.random() < 0.04:
            host = r.choice(["203.0.113.10", "198.51.100.7"])
        ip = self.scanners() if scanner else self.clients()
        path = root + u.split("?")[0]
        return {"ip": ip, "server": name, "method": method, "uri": u, "hv": hv, "host": host, "path": path,
                "_root": root, "_pid": r.choice(self.workers)}

    def ref(self, v):
        r = self.r
        if r.random() < 0.7 and v["host"] != "_":
            return "https://%s%s" % (v["host"], self.uri(r.choice(["page", "page", "api"])))
        return r.choice(["https://www.google.com/", "https://duckduckgo.com/", "https://t.co/%s" % hexs(r, 10),
                         "https://www.bing.com/search?q=%s+%s" % (r.choice(WORDS), r.choice(WORDS)),
                         "android-app://com.google.android.gm/"])

    def upstream(self, v, kind="http"):
        r = self.r
        u = v["uri"]
        if kind == "name":
            return "http://%s%s" % (r.choice(self.upstream_names), u)
        if kind == "fcgi":
            return r.choice(["fastcgi://unix:/run/php/php8.2-fpm.sock:", "fastcgi://unix:/run/php/php8.1-fpm.sock:",
                             "fastcgi://127.0.0.1:9000"])
        return "http://%s%s" % (r.choice(self.backends), u)

    # -- episodes ---------------------------------------------------------------
    def e_open(self):
        r = self.r
        kind = weighted(r, [("static", 10), ("missing", 7), ("scan", 6), ("page", 2)])
        v = self.req(kind, scanner=(kind == "scan"))
        v["errno"], v["errstr"] = weighted(r, [(("2", "No such file or directory"), 40),
                                               (("13", "Permission denied"), 3),
                                               (("20", "Not a directory"), 1),
                                               (("36", "File name too long"), 1)])
        v["_level"] = "error" if r.random() < 0.93 else "crit"
        if kind in ("static", "page") and r.random() < 0.55:
            v["ref"] = self.ref(v)
            items = [("open_ref", v)]
        else:
            items = [("open", v)]
        if kind == "static" and r.random() < 0.2:   # same page, several missing assets
            for _ in range(r.randint(1, 3)):
                w = dict(v)
                w["uri"] = self.uri("static")
                w["path"] = v["_root"] + w["uri"]
                items.append((items[0][0], w))
        return items

    def e_limit(self):
        r = self.r
        v = self.req(weighted(r, [("api", 6), ("page", 3)]))
        v["zone"] = self.v_zone()
        n = r.choice([1, 1, 1, 2, 3, 5, 8])
        items = []
        for _ in range(n):
            w = dict(v)
            w["uri"] = self.uri("api") if r.random() < 0.5 else v["uri"]
            if r.random() < 0.3:
                w["ref"] = self.ref(v)
                items.append(("limit_req_ref", w))
            else:
                items.append(("limit_req", w))
        return items

    def e_limit_conn(self):
        v = self.req("static")
        return [("limit_conn", v)]

    def e_upstream(self):
        r = self.r
        v = self.req(weighted(self.r, [("api", 8), ("page", 3)]))
        k = weighted(r, [("read", 10), ("conn", 3), ("refused", 8), ("recv", 4), ("premature", 3),
                         ("toobig", 1)])
        v["upstream"] = self.upstream(v)
        items = []
        if k == "read":
            v["errno"] = "110"
            items.append(("up_to_read", v))
        elif k == "conn":
            v["errno"] = "110"
            items.append(("up_to_conn", v))
        elif k == "refused":
            v["errno"], v["errstr"] = weighted(r, [(("111", "Connection refused"), 12),
                                                   (("113", "No route to host"), 2),
                                                   (("101", "Network is unreachable"), 1)])
            items.append(("connect_fail", v))
        elif k == "recv":
            v["errno"], v["errstr"] = weighted(r, [(("104", "Connection reset by peer"), 8),
                                                   (("110", "Connection timed out"), 1)])
            items.append(("recv_fail", v))
        elif k == "premature":
            items.append(("premature", v))
        else:
            items.append(("too_big_hdr", v))
        if k in ("conn", "refused") and r.random() < 0.4:
            w = dict(v)
            w["cid"] = "*%d" % (self.conn - r.randint(0, 3))
            items.append(("up_disabled", w))
            if r.random() < 0.35:
                for _ in range(r.randint(1, 3)):
                    x = self.req("api")
                    x["upstream"] = self.upstream(x, "name")
                    items.append(("no_live", x))
        return items

    def e_fastcgi(self):
        r = self.r
        v = self.req("page")
        v["uri"] = r.choice(["/index.php", "/wp-admin/admin-ajax.php", "/checkout.php", "/api.php?action=%s"
                             % r.choice(WORDS), "/cart/update.php"])
        v["upstream"] = self.upstream(v, "fcgi")
        f = r.choice(["/var/www/blog/wp-content/plugins/%s/%s.php" % (r.choice(WORDS), r.choice(WORDS)),
                      "/srv/shop/current/app/%s.php" % r.choice(["Cart", "Checkout", "Session", "Mailer"])])
        line = r.randint(12, 1800)
        msg = weighted(r, [
            ("PHP message: PHP Warning:  Undefined array key \"%s\" in %s on line %d" % (r.choice(WORDS), f, line), 5),
            ("PHP message: PHP Deprecated:  Creation of dynamic property %s::$%s is deprecated in %s on line %d"
             % (r.choice(["Cart", "WP_Widget", "Order"]), r.choice(WORDS), f, line), 3),
            ("PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to "
             "allocate %d bytes) in %s on line %d" % (r.randint(4096, 9000000), f, line), 2),
            ("Primary script unknown", 4),
            ("PHP message: PHP Notice:  Trying to access array offset on value of type null in %s on line %d"
             % (f, line), 2)])
        v["stderr"] = msg
        return [("fastcgi", v)]

    def e_ssl(self):
        r = self.r
        code, reason, lvl = weighted(r, [(("0A00010B", "wrong version number", "info"), 6),
                                         (("0A000102", "unsupported protocol", "info"), 5),
                                         (("0A0000C1", "no shared cipher", "info"), 3),
                                         (("0A00009C", "http request", "info"), 2),
                                         (("0A00006C", "bad key share", "crit"), 1),
                                         (("0A000076", "no suitable signature algorithm", "crit"), 1)])
        ip = self.scanners() if r.random() < 0.5 else self.clients()
        return [("ssl_hs", {"sslcode": code, "sslreason": reason, "_level": lvl, "ip": ip,
                            "_pid": r.choice(self.workers)})]

    def e_ssl_read(self):
        return [("ssl_read", {"sslcode": "0A000126", "sslreason": "unexpected eof while reading",
                              "ip": self.clients(), "_pid": self.r.choice(self.workers)})]

    def e_conn_info(self):
        r = self.r
        k = weighted(r, [("client_closed", 9), ("client_timeout", 5), ("ssl_peer", 4)])
        v = {"ip": self.clients() if r.random() < 0.7 else self.scanners(), "_pid": r.choice(self.workers)}
        if k == "client_timeout":
            v["errno"] = "110"
        return [(k, v)]

    def e_misc_req(self):
        r = self.r
        k = weighted(r, [("access_rule", 8), ("dir_forbidden", 5), ("too_large", 4), ("body_buffered", 6),
                         ("up_buffered", 4), ("epoll_closed", 5), ("writev", 2), ("plain_http", 4),
                         ("bad_method", 5), ("rewrite_cycle", 1)])
        if k == "access_rule":
            v = self.req(r.choice(["scan", "scan", "page"]), scanner=True)
            v["uri"] = r.choice(["/.git/HEAD", "/.env", "/.htaccess", "/admin/", "/server-status",
                                 "/.svn/entries", v["uri"]])
        elif k == "dir_forbidden":
            v = self.req("page")
            d = r.choice(["uploads/", "media/", "static/", "backup/", "wp-content/uploads/%d/" % r.choice([2022, 2023])])
            v["uri"] = "/" + d
            v["dir"] = v["_root"] + "/" + d
        elif k == "too_large":
            v = self.req("api", method=r.choice(["POST", "PUT"]))
        elif k == "body_buffered":
            v = self.req("api", method=r.choice(["POST", "POST", "PUT"]))
        elif k in ("up_buffered", "epoll_closed"):
            v = self.req(r.choice(["api", "page"]))
            v["upstream"] = self.upstream(v)
        elif k == "writev":
            v = self.req("static")
            v["upstream"] = self.upstream(v)
            v["errno"], v["errstr"] = weighted(r, [(("32", "Broken pipe"), 3), (("104", "Connection reset by peer"), 1)])
        elif k == "plain_http":
            v = self.req("page")
        elif k == "bad_method":
            v = self.req("page", scanner=True)
            v["rawreq"] = r.choice([
                "\\x16\\x03\\x01\\x00\\xF5\\x01\\x00\\x00\\xF1\\x03\\x03%s" % "".join(
                    "\\x%02X" % r.randint(0, 255) for _ in range(r.randint(2, 6))),
                "SSH-2.0-Go", "MGLNDD_%s_443" % self.pub_ip(), "\\x03\\x00\\x00/*\\xE0\\x00\\x00\\x00\\x00\\x00Cookie: mstshash=Administr",
                "GET /../../../../etc/passwd HTTP/1.1", "PRI * HTTP/2.0", "\\x00\\x00\\x00\\x00\\x00",
                "OPTIONS sip:nm SIP/2.0"])
        else:
            v = self.req("page")
            v["target"] = r.choice(["/index.html", "/index.php", "/app.html", "/404.html"])
        return [(k, v)]

    def e_auth(self):
        r = self.r
        v = self.req("page")
        v["uri"] = r.choice(["/admin/", "/staging/", "/grafana/", "/private/report-%d.pdf" % r.randint(1, 90),
                             "/metrics", "/nginx_status"])
        k = weighted(r, [("no_auth", 5), ("user_nf", 3), ("pw_mismatch", 3)])
        return [(k, v)]

    def reload(self):
        r = self.r
        items = [("sighup", {"signo": "1", "pid": str(r.randint(20000, 60000)), "_pid": self.master}),
                 ("reconfiguring", {"_pid": self.master})]
        if r.random() < 0.6:
            s = self.site()[0]
            items.append(("conflict_name", {"server": s if s != "_" else "example.com", "listen": "0.0.0.0:80",
                                            "_pid": self.master, "_gap": 0.001}))
        items.append(("epoll", {"_pid": self.master}))
        items.append(("start_workers", {"_pid": self.master}))
        old = self.workers
        self.workers = []
        for _ in range(4):
            p = self.next_pid
            self.next_pid += r.randint(1, 3)
            self.workers.append(p)
            items.append(("start_worker", {"pid": p, "_pid": self.master}))
        for p in old:
            items.append(("graceful", {"_pid": p}))
        for p in old:
            items.append(("exiting", {"_pid": p}))
        for p in old:
            items.append(("exit", {"_pid": p}))
            items.append(("sigchld", {"signo": "17", "pid": p, "_pid": self.master}))
            items.append(("worker_exit", {"pid": p, "code": "0", "_pid": self.master}))
        return items

    def startup(self):
        r = self.r
        m = {"_pid": self.master}
        items = [("epoll", dict(m)), ("version", dict(m)),
                 ("built_by", {"gccver": "12.2.0", "gccpkg": "12.2.0-14", "_pid": self.master}),
                 ("os", {"kernel": "6.1.0-18-amd64", "_pid": self.master}),
                 ("rlimit", {"soft": "1048576", "hard": "1048576", "_pid": self.master}),
                 ("start_workers", dict(m))]
        for p in self.workers:
            items.append(("start_worker", {"pid": p, "_pid": self.master}))
        return items

    def crash(self):
        r = self.r
        dead = r.choice(self.workers)
        p = self.next_pid
        self.next_pid += 1
        self.workers[self.workers.index(dead)] = p
        return [("sigchld", {"signo": "17", "pid": dead, "_pid": self.master}),
                ("worker_signal", {"pid": dead, "signo": r.choice(["11", "9"]), "_pid": self.master}),
                ("start_worker", {"pid": p, "_pid": self.master})]

    def failed_restart(self):
        items = []
        for _ in range(5):
            items.append(("bind_fail", {"listen": "0.0.0.0:443", "errno": "98", "_pid": 2917, "_gap": 0.5}))
        items.append(("still_bind", {"_pid": 2917, "_gap": 0.5}))
        return items

    def fixed_episodes(self):
        return [(1, self.startup, 0.0), (3, self.reload), (1, self.crash), (1, self.failed_restart)]

    def weighted_episodes(self):
        return [(100, self.e_open), (20, self.e_limit), (1, self.e_limit_conn), (62, self.e_upstream),
                (10, self.e_fastcgi), (17, self.e_ssl), (2, self.e_ssl_read), (34, self.e_conn_info),
                (20, self.e_misc_req), (5, self.e_auth)]

    def render(self, t, ev, vals, content):
        pid = vals.get("_pid", self.workers[0])
        level = vals.get("_level", ev.hdr["level"])
        return "%s [%s] %d#%d: %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), level, int(pid), int(pid), content)


# ---------------------------------------------------------------------------
# 2. Kubernetes kubelet (klog)
# ---------------------------------------------------------------------------

class Kubelet(System):
    name = "Kubelet"
    log_format = r"<LevelDate> <Time> <Pid> <File>:<Line>\] <Content>"
    start = datetime(2025, 3, 14, 9, 41, 3, 118230)
    mean_gap = 2.9

    DEPLOYS = [
        ("payments", "payment-api", "deploy", ["app", "istio-proxy"], 8080, ["config", "tls-certs"]),
        ("payments", "ledger-worker", "deploy", ["worker"], 9090, ["config"]),
        ("default", "web-frontend", "deploy", ["nginx", "app"], 3000, ["config"]),
        ("shop", "checkout-api", "deploy", ["app"], 8080, ["config", "db-credentials"]),
        ("shop", "cart-service", "deploy", ["app", "redis-sidecar"], 8081, ["config"]),
        ("shop", "search-indexer", "deploy", ["indexer"], 9200, ["config", "data"]),
        ("monitoring", "node-exporter", "ds", ["node-exporter"], 9100, []),
        ("monitoring", "prometheus-k8s", "sts", ["prometheus", "config-reloader"], 9090, ["config", "data"]),
        ("monitoring", "loki-promtail", "ds", ["promtail"], 3101, ["config"]),
        ("kube-system", "coredns", "deploy", ["coredns"], 8181, ["config"]),
        ("kube-system", "calico-node", "ds", ["calico-node"], 9099, []),
        ("kube-system", "ebs-csi-node", "ds", ["ebs-plugin", "node-driver-registrar", "liveness-probe"], 9808, []),
        ("ingress-nginx", "ingress-nginx-controller", "deploy", ["controller"], 10254, ["webhook-cert"]),
        ("data", "kafka", "sts", ["kafka"], 9092, ["data", "config"]),
        ("data", "etl-runner", "cron", ["runner"], 8080, ["config", "scratch"]),
        ("staging", "notification-svc", "deploy", ["app"], 8080, ["config", "smtp-secret"]),
        ("staging", "image-resizer", "deploy", ["resizer"], 8000, ["scratch"]),
        ("auth", "keycloak", "sts", ["keycloak"], 8080, ["data", "tls-certs"]),
    ]

    def define(self):
        r = self.r
        self.node = "ip-10-0-37-142.eu-west-1.compute.internal"
        self.node_ip = "10.0.37.142"
        self.apiserver = "api.prod-eu1.k8s.northwind.internal:6443"
        self.api_ip = "10.0.0.12:6443"
        self.pid = 2841
        self.rs_hash = {d[1]: "".join(r.choice(K8S_ALNUM) for _ in range(r.choice([9, 10])))
                        for d in self.DEPLOYS}
        self.sts_next = {}
        self.pods = [self.new_pod() for _ in range(34)]
        self.crashing = [p for p in self.pods if r.random() < 0.18][:6] or self.pods[:2]
        for p in self.crashing:
            p["backoff"] = r.randint(0, 5)
        self.imgfail = [p for p in self.pods if p not in self.crashing][:2]

        e = self.ev
        SP = r'pod="<@pod>" podUID="<@uid>"'
        e("sync_crash", r'"Error syncing pod, skipping" err="failed to \"StartContainer\" for \"<@ctr>\" with '
          r'CrashLoopBackOff: \"back-off <@backoff> restarting failed container=<@ctr> pod=<@podfull>\"" ' + SP,
          lvl="E", src="pod_workers.go:1301")
        e("sync_imgbackoff", r'"Error syncing pod, skipping" err="failed to \"StartContainer\" for \"<@ctr>\" '
          r'with ImagePullBackOff: \"Back-off pulling image \\\"<@image>\\\"\"" ' + SP,
          lvl="E", src="pod_workers.go:1301")
        e("sync_errimagepull", r'"Error syncing pod, skipping" err="failed to \"StartContainer\" for \"<@ctr>\" '
          r'with ErrImagePull: \"rpc error: code = <@code> desc = failed to pull and unpack image \\\"<@image>\\\": '
          r'<@pullerr>\"" ' + SP, lvl="E", src="pod_workers.go:1301")
        e("sync_volumes", r'"Error syncing pod, skipping" err="unmounted volumes=[<@vols>], unattached '
          r'volumes=[<@vols2>]: timed out waiting for the condition" ' + SP, lvl="E", src="pod_workers.go:1301")
        e("sync_sandbox", r'"Error syncing pod, skipping" err="failed to \"CreatePodSandbox\" for \"<@podfull>\" '
          r'with CreatePodSandboxError: \"Failed to create sandbox for pod \\\"<@podfull>\\\": rpc error: code = '
          r'Unknown desc = failed to setup network for sandbox \\\"<@sandbox>\\\": plugin type=\\\"calico\\\" '
          r'failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized\"" ' + SP,
          lvl="E", src="pod_workers.go:1301")
        PF = (r'"Probe failed" probeType="<@ptype>" pod="<@pod>" podUID="<@uid>" containerName="<@ctr>" '
              r'probeResult="failure" output=')
        e("probe_refused", PF + r'"Get \"<@probeurl>\": dial tcp <@podaddr>: connect: connection refused"',
          lvl="I", src="prober.go:107")
        e("probe_timeout", PF + r'"Get \"<@probeurl>\": context deadline exceeded (Client.Timeout exceeded '
          r'while awaiting headers)"', lvl="I", src="prober.go:107")
        e("probe_status", PF + r'"HTTP probe failed with statuscode: <@status>"', lvl="I", src="prober.go:107")
        e("sl_probe", r'"SyncLoop (probe)" probe="<@probe>" status="<@pstatus>" pod="<@pod>"',
          lvl="I", src="kubelet.go:2536")
        e("sl_pleg", r'"SyncLoop (PLEG): event for pod" pod="<@pod>" event={"ID":"<@uid>","Type":"<@pleg>",'
          r'"Data":"<@cid>"}', lvl="I", src="kubelet.go:2468")
        e("sl_add", r'"SyncLoop ADD" source="<@source>" pods=["<@pod>"]', lvl="I", src="kubelet.go:2424")
        e("sl_update", r'"SyncLoop UPDATE" source="<@source>" pods=["<@pod>"]', lvl="I", src="kubelet.go:2430")
        e("sl_delete", r'"SyncLoop DELETE" source="<@source>" pods=["<@pod>"]', lvl="I", src="kubelet.go:2437")
        e("sl_remove", r'"SyncLoop REMOVE" source="<@source>" pods=["<@pod>"]', lvl="I", src="kubelet.go:2434")
        e("no_sandbox", r'"No sandbox for pod can be found. Need to start a new one" pod="<@pod>"',
          lvl="I", src="util.go:30")
        VOLP = r'for volume \"<@vol>\" (UniqueName: \"<@volu>\") pod \"<@podname>\" (UID: \"<@uid>\") " pod="<@pod>"'
        e("vol_verify", r'"operationExecutor.VerifyControllerAttachedVolume started ' + VOLP,
          lvl="I", src="reconciler_common.go:245")
        e("vol_mount", r'"operationExecutor.MountVolume started ' + VOLP, lvl="I", src="reconciler_common.go:218")
        e("vol_setup", r'"MountVolume.SetUp succeeded ' + VOLP, lvl="I", src="operation_generator.go:721")
        e("vol_unmount", r'"operationExecutor.UnmountVolume started for volume \"<@vol>\" (UniqueName: '
          r'\"<@volu>\") pod \"<@uid>\" (UID: \"<@uid>\") "', lvl="I", src="reconciler_common.go:159")
        e("vol_teardown", r'"UnmountVolume.TearDown succeeded for volume \"<@volu>\" (OuterVolumeSpecName: '
          r'\"<@vol>\") pod \"<@uid>\" (UID: \"<@uid>\"). InnerVolumeSpecName \"<@vol>\". PluginName '
          r'\"<@plugin>\", VolumeGidValue \"<@gid>\""', lvl="I", src="operation_generator.go:888")
        e("vol_detached", r'"Volume detached for volume \"<@vol>\" (UniqueName: \"<@volu>\") on node '
          r'\"<@node>\" DevicePath \"<@devpath>\""', lvl="I", src="reconciler_common.go:300")
        NOP = ('Operation for "{volumeName:<@volu> podName:<@uid> nodeName:<@nodename>}" failed. No retries permitted '
               'until <@rdate> <@rtime> +0000 UTC m=<@mono> (durationBeforeRetry <@backoff>). Error: MountVolume.SetUp '
               'failed for volume "<@vol>" (UniqueName: "<@volu>") pod "<@podname>" (UID: "<@uid>") : ')
        e("mount_secret", NOP + 'secret "<@secret>" not found', lvl="E", src="nestedpendingoperations.go:348")
        e("mount_cm", NOP + 'configmap "<@cm>" not found', lvl="E", src="nestedpendingoperations.go:348")
        e("ev_reclaim", r'"Eviction manager: attempting to reclaim" resourceName="<@res>"',
          lvl="I", src="eviction_manager.go:366")
        e("ev_must", r'"Eviction manager: must evict pod(s) to reclaim" resourceName="<@res>"',
          lvl="I", src="eviction_manager.go:377")
        e("ev_ranked", r'"Eviction manager: pods ranked for eviction" pods=[<@podlist>]',
          lvl="I", src="eviction_manager.go:395")
        e("ev_ok", r'"Eviction manager: pod is evicted successfully" pod="<@pod>"',
          lvl="I", src="eviction_manager.go:616")
        e("ev_cleaned", r'"Eviction manager: pods successfully cleaned up" pods=[<@podlist>]',
          lvl="I", src="eviction_manager.go:447")
        e("ev_none", r'"Eviction manager: unable to evict any pods from the node"',
          lvl="E", src="eviction_manager.go:405")
        e("node_err", r'"Error updating node status, will retry" err="error getting node \"<@node>\": Get '
          r'\"https://<@apiserver>/api/v1/nodes/<@node>?resourceVersion=0&timeout=10s\": context deadline exceeded"',
          lvl="E", src="kubelet_node_status.go:540")
        e("node_giveup", r'"Unable to update node status" err="update node status exceeds retry count"',
          lvl="E", src="kubelet_node_status.go:527")
        e("lease", r'"Failed to update lease" err="Operation cannot be fulfilled on leases.coordination.k8s.io '
          r'\"<@node>\": the object has been modified; please apply your changes to the latest version and try '
          r'again"', lvl="E", src="controller.go:195")
        e("node_event", r'"Recording event message for node" node="<@node>" event="<@nevent>"',
          lvl="I", src="kubelet_node_status.go:679")
        e("not_ready", r'"Node became not ready" node="<@node>" condition={"type":"<@ctype>","status":"<@cstatus>",'
          r'"lastHeartbeatTime":"<@ts1>","lastTransitionTime":"<@ts2>","reason":"<@creason>","message":"<@cmsg>"}',
          lvl="I", src="setters.go:568")
        e("kill", r'"Killing container with a grace period" pod="<@pod>" podUID="<@uid>" containerName="<@ctr>" '
          r'containerID="<@cidfull>" gracePeriod=<@grace>', lvl="I", src="kuberuntime_container.go:779")
        e("ctr_status", r'"ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an '
          r'error occurred when try to find container \"<@cid>\": not found" containerID="<@cid>"',
          lvl="E", src="remote_runtime.go:432")
        e("stale_cpu", r'"RemoveStaleState: removing container" podUID="<@uid>" containerName="<@ctr>"',
          lvl="I", src="cpu_manager.go:395")
        e("stale_cpuset", r'"Deleted CPUSet assignment" podUID="<@uid>" containerName="<@ctr>"',
          lvl="I", src="state_mem.go:107")
        e("stale_mem", r'"RemoveStaleState removing state" podUID="<@uid>" containerName="<@ctr>"',
          lvl="I", src="memory_manager.go:354")
        e("status_fail", r'"Failed to get status for pod" podUID="<@uid>" pod="<@pod>" err="Get '
          r'\"https://<@apiserver>/api/v1/namespaces/<@ns>/pods/<@podname>\": dial tcp <@apiip>: connect: '
          r'connection refused"', lvl="I", src="status_manager.go:853")
        e("gc_threshold", r'"Disk usage on image filesystem is over the high threshold, trying to free bytes down '
          r'to the low threshold" usage=<@usage> highThreshold=<@hi> amountToFree=<@bytes> lowThreshold=<@lo>',
          lvl="I", src="image_gc_manager.go:337")
        e("gc_remove", r'"Removing image to free bytes" imageID="<@imageid>" size=<@bytes> runtimeHandler="<@rth>"',
          lvl="I", src="image_gc_manager.go:422")
        e("housekeeping", r'"Housekeeping took longer than expected" err="housekeeping took too long" '
          r'seconds=<@secs>', lvl="W", src="manager.go:1116")
        e("log_stats", r'"Unable to fetch pod log stats" err="open <@logdir>: no such file or directory" '
          r'pod="<@pod>"', lvl="E", src="cri_stats_provider.go:669")
        e("version", r'"Kubelet version" kubeletVersion="<@kver>"', lvl="I", src="server.go:487")
        e("static_path", r'"Adding static pod path" path="<@path>"', lvl="I", src="kubelet.go:402")
        e("started", r'"Started kubelet"', lvl="I", src="server.go:162")
        e("status_sync", r'"Starting to sync pod status with apiserver"', lvl="I", src="status_manager.go:217")
        e("main_loop", r'"Starting kubelet main sync loop"', lvl="I", src="kubelet.go:2340")
        e("still_running", r'"Pod still has one or more containers in the non-exited state and will not be '
          r'removed from desired state" pod="<@pod>"', lvl="I", src="kubelet.go:2006")

    # -- pods ------------------------------------------------------------------
    def new_pod(self, deploy=None):
        r = self.r
        d = deploy or r.choice(self.DEPLOYS)
        ns, base, kind, ctrs, port, vols = d
        if kind == "deploy":
            name = "%s-%s-%s" % (base, self.rs_hash[base], k8s_suffix(r))
        elif kind == "sts":
            i = self.sts_next.get(base, 0)
            self.sts_next[base] = i + 1
            name = "%s-%d" % (base, i)
        elif kind == "cron":
            name = "%s-%d-%s" % (base, 28510000 + r.randint(0, 99999), k8s_suffix(r))
        else:
            name = "%s-%s" % (base, k8s_suffix(r))
        uid = uuid4(r)
        vlist = ["kube-api-access-%s" % k8s_suffix(r)] + list(vols)
        return {"ns": ns, "name": name, "uid": uid, "ctrs": ctrs, "port": port, "vols": vlist,
                "ip": "10.244.%d.%d" % (r.randint(0, 7), r.randint(2, 254)), "image": self.image(base),
                "cids": {c: hexs(r, 64) for c in ctrs}}

    def image(self, base):
        r = self.r
        reg = r.choice(["registry.northwind.internal/platform", "ghcr.io/northwind-traders",
                        "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "docker.io/library"])
        return "%s/%s:%s" % (reg, base, r.choice(["v%d.%d.%d" % (r.randint(1, 4), r.randint(0, 20), r.randint(0, 9)),
                                                  "sha-" + hexs(r, 7), "latest", "2025.03.%d" % r.randint(1, 13)]))

    def pv(self, p, **extra):
        v = {"pod": "%s/%s" % (p["ns"], p["name"]), "uid": p["uid"], "podname": p["name"], "ns": p["ns"],
             "podfull": "%s_%s(%s)" % (p["name"], p["ns"], p["uid"])}
        v.update(extra)
        return v

    def volinfo(self, p, vol):
        if vol.startswith("kube-api-access"):
            plugin = "kubernetes.io/projected"
        elif vol in ("tls-certs", "db-credentials", "smtp-secret", "webhook-cert"):
            plugin = "kubernetes.io/secret"
        elif vol in ("scratch",):
            plugin = "kubernetes.io/empty-dir"
        elif vol == "data":
            return "kubernetes.io/csi/ebs.csi.aws.com^vol-0%s" % hexs(self.r, 16), "kubernetes.io/csi"
        else:
            plugin = "kubernetes.io/configmap"
        return "%s/%s-%s" % (plugin, p["uid"], vol), plugin

    def v_source(self):
        return "api"

    def v_gid(self):
        return ""

    def v_devpath(self):
        return ""

    def v_nodename(self):
        return ""

    def v_rth(self):
        return ""

    def v_node(self):
        return self.node

    def v_apiserver(self):
        return self.apiserver

    def v_apiip(self):
        return self.api_ip

    def v_bytes(self):
        return str(self.r.randint(20_000_000, 2_500_000_000))

    def probe_url(self, p):
        path = self.r.choice(["/healthz", "/readyz", "/health/live", "/actuator/health/readiness", "/metrics",
                              "/-/ready", "/ping"])
        return "http://%s:%d%s" % (p["ip"], p["port"], path)

    # -- episodes ---------------------------------------------------------------
    def e_crashloop(self):
        r = self.r
        p = r.choice(self.crashing)
        c = p["ctrs"][0]
        steps = ["10s", "20s", "40s", "1m20s", "2m40s", "5m0s"]
        items = []
        if r.random() < 0.35:
            p["cids"][c] = hexs(r, 64)
            items.append(("sl_pleg", self.pv(p, pleg="ContainerDied", cid=p["cids"][c])))
        for _ in range(r.choice([1, 1, 2, 3])):
            items.append(("sync_crash", self.pv(p, ctr=c, backoff=steps[min(p["backoff"], 5)])))
        if r.random() < 0.3:
            p["backoff"] += 1
        if r.random() < 0.25:
            items.append(("sl_pleg", self.pv(p, pleg="ContainerStarted", cid=p["cids"][c])))
        return items

    def e_imagepull(self):
        r = self.r
        p = r.choice(self.imgfail)
        c = p["ctrs"][0]
        if r.random() < 0.75:
            return [("sync_imgbackoff", self.pv(p, ctr=c, image=p["image"]))]
        err = weighted(r, [
            ("%s: not found" % p["image"], 3),
            ("failed to resolve reference \\\\\\\"%s\\\\\\\": unexpected status from HEAD request to https://%s/v2/%s/"
             "manifests/%s: 401 Unauthorized" % (p["image"], p["image"].split("/")[0], p["image"].split(":")[0]
                                               .split("/", 1)[1], p["image"].rsplit(":", 1)[1]), 2),
            ("failed to copy: read tcp %s:%d->%s:443: read: connection reset by peer"
             % (self.node_ip, r.randint(32768, 60999), self.pub_ip()), 1),
            ("toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating "
             "and upgrading: https://www.docker.com/increase-rate-limit", 1)])
        code = "NotFound" if err.endswith("not found") else "Unknown"
        return [("sync_errimagepull", self.pv(p, ctr=c, image=p["image"], pullerr=err, code=code))]

    def e_probe(self):
        r = self.r
        p = r.choice(self.pods)
        c = r.choice(p["ctrs"])
        ptype = weighted(r, [("Readiness", 6), ("Liveness", 3), ("Startup", 1)])
        k = weighted(r, [("probe_timeout", 5), ("probe_refused", 4), ("probe_status", 2)])
        v = self.pv(p, ctr=c, ptype=ptype, probeurl=self.probe_url(p), podaddr="%s:%d" % (p["ip"], p["port"]),
                    status=r.choice(["503", "503", "500", "404", "502"]))
        items = [(k, v)]
        if r.random() < 0.6:
            items.append(("sl_probe", self.pv(p, probe=ptype.lower(), pstatus="unhealthy" if ptype != "Readiness"
                                                else "")))
        return items

    def e_probe_ok(self):
        r = self.r
        p = r.choice(self.pods)
        probe = weighted(r, [("readiness", 6), ("startup", 2), ("liveness", 1)])
        st = {"readiness": "ready", "startup": "started", "liveness": "healthy"}[probe]
        return [("sl_probe", self.pv(p, probe=probe, pstatus=st))]

    def e_pod_start(self):
        r = self.r
        p = self.new_pod()
        self.pods.append(p)
        items = [("sl_add", self.pv(p))]
        if r.random() < 0.4:
            items.append(("sl_update", self.pv(p)))
        for vol in p["vols"]:
            u, _ = self.volinfo(p, vol)
            items.append(("vol_verify", self.pv(p, vol=vol, volu=u)))
        for vol in p["vols"]:
            u, _ = self.volinfo(p, vol)
            items.append(("vol_mount", self.pv(p, vol=vol, volu=u)))
        for vol in p["vols"]:
            u, _ = self.volinfo(p, vol)
            items.append(("vol_setup", self.pv(p, vol=vol, volu=u)))
        items.append(("no_sandbox", self.pv(p)))
        items.append(("sl_pleg", self.pv(p, pleg="ContainerStarted", cid=hexs(r, 64), _gap=r.uniform(0.5, 3))))
        for c in p["ctrs"]:
            items.append(("sl_pleg", self.pv(p, pleg="ContainerStarted", cid=p["cids"][c])))
        items.append(("sl_probe", self.pv(p, probe="readiness", pstatus="", _gap=r.uniform(1, 5))))
        if r.random() < 0.7:
            items.append(("sl_probe", self.pv(p, probe="readiness", pstatus="ready", _gap=r.uniform(2, 10))))
        return items

    def stop_items(self, p, kill=True):
        r = self.r
        items = []
        if kill:
            for c in p["ctrs"]:
                items.append(("kill", self.pv(p, ctr=c, cidfull="containerd://" + p["cids"][c],
                                              grace=r.choice(["30", "30", "30", "10", "60", "1"]))))
        for c in p["ctrs"]:
            items.append(("sl_pleg", self.pv(p, pleg="ContainerDied", cid=p["cids"][c], _gap=r.uniform(0.3, 4))))
        if r.random() < 0.2:
            items.append(("still_running", self.pv(p)))
        items.append(("sl_pleg", self.pv(p, pleg="ContainerDied", cid=hexs(r, 64))))
        for vol in p["vols"]:
            u, plugin = self.volinfo(p, vol)
            items.append(("vol_unmount", self.pv(p, vol=vol, volu=u)))
        for vol in p["vols"]:
            u, plugin = self.volinfo(p, vol)
            items.append(("vol_teardown", self.pv(p, vol=vol, volu=u, plugin=plugin)))
        for vol in p["vols"]:
            u, plugin = self.volinfo(p, vol)
            items.append(("vol_detached", {"vol": vol, "volu": u}))
        if r.random() < 0.4:
            for c in p["ctrs"]:
                items.append(("stale_cpu", {"uid": p["uid"], "ctr": c}))
                items.append(("stale_cpuset", {"uid": p["uid"], "ctr": c}))
            for c in p["ctrs"]:
                items.append(("stale_mem", {"uid": p["uid"], "ctr": c}))
        return items

    def e_pod_delete(self):
        r = self.r
        cands = [p for p in self.pods if p not in self.crashing and p not in self.imgfail]
        p = r.choice(cands)
        self.pods.remove(p)
        items = [("sl_delete", self.pv(p))] + self.stop_items(p)
        items.append(("sl_delete", self.pv(p)))
        items.append(("sl_remove", self.pv(p)))
        if r.random() < 0.2:
            items.append(("ctr_status", {"cid": p["cids"][p["ctrs"][0]]}))
        return items

    def e_pod_update(self):
        p = self.r.choice(self.pods)
        return [("sl_update", self.pv(p))]

    def e_pleg(self):
        r = self.r
        p = r.choice(self.pods)
        c = r.choice(p["ctrs"])
        return [("sl_pleg", self.pv(p, pleg=r.choice(["ContainerStarted", "ContainerDied"]), cid=p["cids"][c]))]

    def e_mountfail(self, force_sync=False):
        r = self.r
        p = r.choice(self.pods)
        sec = [v for v in p["vols"] if v in ("tls-certs", "db-credentials", "smtp-secret", "webhook-cert")]
        t = self.ts_later()
        if sec and r.random() < 0.65:
            vol = sec[0]
            k, extra = "mount_secret", {"secret": "%s-%s" % (p["name"].split("-")[0], vol)}
        else:
            vol = "config"
            k, extra = "mount_cm", {"cm": "%s-config" % p["name"].rsplit("-", 2)[0]}
        u, _ = self.volinfo(p, vol)
        v = self.pv(p, vol=vol, volu=u, backoff=r.choice(["500ms", "1s", "2s", "4s", "8s", "16s", "32s", "1m4s",
                                                          "2m2s"]), **extra)
        v.update(t)
        items = [(k, v)]
        if force_sync or r.random() < 0.3:
            items.append(("sync_volumes", self.pv(p, vols=" ".join([vol] + ([p["vols"][0]] if r.random() < 0.5 else [])),
                                                   vols2=" ".join([vol] + p["vols"][:r.randint(0, 2)]))))
        return items

    def ts_later(self):
        """Go time.String() of a retry deadline a little after the line's own time."""
        r = self.r
        ahead = r.uniform(0.5, 130)
        cut = r.randint(0, 3)
        frac = r.random()

        def at(t):
            return t + timedelta(seconds=ahead)
        return {"rdate": lambda t: at(t).strftime("%Y-%m-%d"),
                "rtime": lambda t: at(t).strftime("%H:%M:%S.%f")[:-3 - cut].rstrip("0").rstrip("."),
                "mono": lambda t: "+%.9f" % ((at(t) - self.start).total_seconds() + 86400 * 3 + 7211 + frac)}

    def e_sandbox(self):
        p = self.r.choice(self.pods)
        return [("sync_sandbox", self.pv(p, sandbox=hexs(self.r, 64)))]

    def e_lease(self):
        return [("lease", {})]

    def e_status_fail(self):
        p = self.r.choice(self.pods)
        return [("status_fail", self.pv(p))]

    def e_gc(self):
        r = self.r
        usage = r.randint(86, 93)
        items = [("gc_threshold", {"usage": usage, "hi": 85, "lo": 80,
                                   "bytes": r.randint(1_000_000_000, 9_000_000_000)})]
        for _ in range(r.randint(1, 4)):
            items.append(("gc_remove", {"imageid": "sha256:" + hexs(r, 64)}))
        return items

    def e_housekeeping(self):
        return [("housekeeping", {"secs": "%.6f" % self.r.uniform(1.0, 9.5)})]

    def e_log_stats(self):
        p = self.r.choice(self.pods)
        return [("log_stats", self.pv(p, logdir="/var/log/pods/%s_%s_%s" % (p["ns"], p["name"], p["uid"])))]

    def eviction(self):
        r = self.r
        res = r.choice(["memory", "ephemeral-storage"])
        victims = r.sample([p for p in self.pods if p not in self.crashing], r.randint(1, 3))
        ranked = victims + r.sample(self.pods, 3)
        plist = ",".join('"%s/%s"' % (p["ns"], p["name"]) for p in ranked)
        items = [("ev_reclaim", {"res": res}), ("ev_must", {"res": res}), ("ev_ranked", {"podlist": plist})]
        for p in victims:
            items += [x for x in self.stop_items(p) if x[0] in ("kill",)]
            items.append(("ev_ok", self.pv(p)))
            self.pods.remove(p)
        items.append(("ev_cleaned", {"podlist": ",".join('"%s/%s"' % (p["ns"], p["name"]) for p in victims)}))
        if r.random() < 0.5:
            items.append(("node_event", {"nevent": "NodeHasDiskPressure" if res != "memory"
                                         else "NodeHasInsufficientMemory"}))
        return items

    def eviction_fail(self):
        return [("ev_reclaim", {"res": "ephemeral-storage"}), ("ev_must", {"res": "ephemeral-storage"}),
                ("ev_none", {})]

    def api_outage(self):
        r = self.r
        items = []
        for _ in range(5):
            items.append(("node_err", {"_gap": r.uniform(0.01, 10)}))
        items.append(("node_giveup", {}))
        items.append(("lease", {}))
        for _ in range(r.randint(2, 4)):
            items.append(("status_fail", self.pv(r.choice(self.pods))))
        return items

    def not_ready(self):
        r = self.r
        ts = lambda t: (t - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return [("node_event", {"nevent": "NodeNotReady"}),
                ("not_ready", {"ctype": "Ready", "cstatus": "False", "ts1": ts, "ts2": ts,
                               "creason": "KubeletNotReady",
                               "cmsg": r.choice(["PLEG is not healthy: pleg was last seen active 3m0.412s ago; "
                                                 "threshold is 3m0s",
                                                 "container runtime network not ready: NetworkReady=false "
                                                 "reason:NetworkPluginNotReady message:Network plugin returns "
                                                 "error: cni plugin not initialized"])}),
                ("node_event", {"nevent": "NodeReady", "_gap": r.uniform(20, 90)})]

    def restart(self):
        r = self.r
        items = [("version", {"kver": "v1.29.2-eks-5e0fdde"}),
                 ("static_path", {"path": "/etc/kubernetes/manifests"}),
                 ("started", {}), ("status_sync", {}), ("main_loop", {})]
        for ev in ["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"]:
            items.append(("node_event", {"nevent": ev}))
        items.append(("node_event", {"nevent": "NodeReady", "_gap": 3.1}))
        return items

    def fixed_episodes(self):
        return [(1, self.restart, 0.0), (2, self.eviction), (1, self.eviction_fail), (2, self.api_outage),
                (1, self.not_ready), (2, self.e_housekeeping), (2, lambda: self.e_mountfail(force_sync=True)),
                (1, self.e_sandbox), (1, self.e_gc)]

    def weighted_episodes(self):
        return [(70, self.e_crashloop), (22, self.e_imagepull), (95, self.e_probe), (45, self.e_probe_ok),
                (9, self.e_pod_start), (8, self.e_pod_delete), (18, self.e_pod_update), (40, self.e_pleg),
                (10, self.e_mountfail), (2, self.e_sandbox), (6, self.e_lease), (3, self.e_status_fail),
                (2, self.e_gc), (4, self.e_log_stats)]

    def render(self, t, ev, vals, content):
        return "%s%s %s %7d %s] %s" % (ev.hdr["lvl"], t.strftime("%m%d"), t.strftime("%H:%M:%S.%f"), self.pid,
                                       ev.hdr["src"], content)


# ---------------------------------------------------------------------------
# 3. PostgreSQL server log
# ---------------------------------------------------------------------------

class Postgres(System):
    name = "PostgreSQL"
    log_format = r"<Date> <Time> <Timezone> \[<Pid>\] <User>@<Database> <Level>:  <Content>"
    start = datetime(2025, 3, 14, 1, 58, 44, 512000)
    mean_gap = 3.3

    TABLES = {
        "shop": [("orders", ["id", "customer_id", "status", "total_cents", "created_at"]),
                 ("order_items", ["order_id", "sku", "qty", "unit_price"]),
                 ("customers", ["id", "email", "name", "created_at"]),
                 ("payments", ["id", "order_id", "provider_ref", "amount", "state"]),
                 ("inventory", ["sku", "warehouse_id", "qty", "reserved"]),
                 ("carts", ["id", "session_id", "customer_id", "updated_at"])],
        "auth": [("users", ["id", "username", "email", "password_hash", "last_login"]),
                 ("sessions", ["id", "user_id", "token", "expires_at"]),
                 ("api_keys", ["id", "owner_id", "prefix", "scopes"])],
        "analytics": [("events", ["id", "ts", "kind", "user_id", "payload"]),
                      ("daily_revenue", ["day", "region", "revenue"]),
                      ("page_views", ["id", "path", "referrer", "ts"])],
        "inventory": [("stock_levels", ["sku", "site", "on_hand", "updated_at"]),
                      ("suppliers", ["id", "name", "country"]),
                      ("purchase_orders", ["id", "supplier_id", "state", "eta"])],
    }
    APPS = [("shop", "app_rw", ["PostgreSQL JDBC Driver", "shop-api"]),
            ("shop", "app_ro", ["PostgreSQL JDBC Driver"]),
            ("auth", "auth_svc", ["auth-service", "psycopg"]),
            ("analytics", "etl_job", ["airflow-worker", "dbt"]),
            ("analytics", "grafana", ["grafana"]),
            ("analytics", "reporting", ["Metabase", "psql"]),
            ("inventory", "inv_app", ["inventory-sync"]),
            ("shop", "postgres", ["psql", "pg_dump"])]

    def define(self):
        r = self.r
        self.next_pid = r.randint(3000, 9000)
        self.timeline = r.randint(2, 40)
        self.clients = self.pool(lambda: priv_ip(r), 120, 0.9)
        e = self.ev
        e("conn_recv", "connection received: host=<@ip> port=<@port>", lvl="LOG")
        e("conn_auth", "connection authorized: user=<@user> database=<@db> application_name=<@app>", lvl="LOG")
        e("conn_auth_ssl", "connection authorized: user=<@user> database=<@db> application_name=<@app> SSL enabled "
          "(protocol=<@proto>, cipher=<@cipher>, bits=<@bits>)", lvl="LOG")
        e("disconn", "disconnection: session time: <@stime> user=<@user> database=<@db> host=<@ip> port=<@port>",
          lvl="LOG")
        e("ckpt_start", "checkpoint starting: <@ckreason>", lvl="LOG")
        e("ckpt_done", "checkpoint complete: wrote <@c1> buffers (<@c2>%); <@c3> WAL file(s) added, <@c4> removed, "
          "<@c5> recycled; write=<@c6> s, sync=<@c7> s, total=<@c8> s; sync files=<@c9>, longest=<@c10> s, "
          "average=<@c11> s; distance=<@c12> kB, estimate=<@c13> kB; lsn=<@c14>, redo lsn=<@c15>", lvl="LOG")
        e("ckpt_freq", "checkpoints are occurring too frequently (<@secs> seconds apart)", lvl="LOG")
        e("hint_walsize", 'Consider increasing the configuration parameter "max_wal_size".', lvl="HINT")
        e("autovac", 'automatic vacuum of table "<@qtable>": index scans: <@a1> pages: <@a2> removed, <@a3> remain, '
          '<@a4> scanned (<@a5>% of total) tuples: <@a6> removed, <@a7> remain, <@a8> are dead but not yet '
          'removable avg read rate: <@a9> MB/s, avg write rate: <@a10> MB/s buffer usage: <@a11> hits, <@a12> '
          'misses, <@a13> dirtied WAL usage: <@a14> records, <@a15> full page images, <@a16> bytes system usage: '
          'CPU: user: <@a17> s, system: <@a18> s, elapsed: <@a19> s', lvl="LOG")
        e("autoanalyze", 'automatic analyze of table "<@qtable>" avg read rate: <@a9> MB/s, avg write rate: <@a10> '
          'MB/s buffer usage: <@a11> hits, <@a12> misses, <@a13> dirtied system usage: CPU: user: <@a17> s, '
          'system: <@a18> s, elapsed: <@a19> s', lvl="LOG")
        e("dur_stmt", "duration: <@ms> ms  statement: <@sql>", lvl="LOG")
        e("dur_exec", "duration: <@ms> ms  execute <@pname>: <@sql>", lvl="LOG")
        e("lock_wait_tx", "process <@pid> still waiting for <@lmode> on transaction <@xid> after <@ms> ms", lvl="LOG")
        e("lock_wait_rel", "process <@pid> still waiting for <@lmode> on relation <@oid> of database <@dboid> after "
          "<@ms> ms", lvl="LOG")
        e("lock_acq", "process <@pid> acquired <@lmode> on transaction <@xid> after <@ms> ms", lvl="LOG")
        e("d_lockholder", "Process holding the lock: <@pid>. Wait queue: <@queue>.", lvl="DETAIL")
        e("c_update", 'while updating tuple (<@blk>,<@off>) in relation "<@table>"', lvl="CONTEXT")
        e("c_lock", 'while locking tuple (<@blk>,<@off>) in relation "<@table>"', lvl="CONTEXT")
        e("recv_fail", "could not receive data from client: <@strerr>", lvl="LOG")
        e("tempfile", 'temporary file: path "<@tmppath>", size <@size>', lvl="LOG")
        e("sighup", "received SIGHUP, reloading configuration files", lvl="LOG")
        e("param", 'parameter "<@param>" changed to "<@pval>"', lvl="LOG")
        e("starting", "starting PostgreSQL <@ver> (Debian <@debver>) on <@arch>, compiled by gcc (Debian <@gccdeb>) "
          "<@gccver>, <@bits>-bit", lvl="LOG")
        e("listen", 'listening on <@family> address "<@addr>", port <@port>', lvl="LOG")
        e("was_shutdown", "database system was shut down at <@sdate> <@stime> UTC", lvl="LOG")
        e("ready", "database system is ready to accept connections", lvl="LOG")
        e("fast_shutdown", "received fast shutdown request", lvl="LOG")
        e("shutting_down", "shutting down", lvl="LOG")
        e("is_shut_down", "database system is shut down", lvl="LOG")
        # errors and their satellites
        e("statement", "<@sql>", lvl="STATEMENT")
        e("dup_key", 'duplicate key value violates unique constraint "<@cons>"', lvl="ERROR")
        e("d_dup", "Key (<@cols>)=(<@keyvals>) already exists.", lvl="DETAIL")
        e("deadlock", "deadlock detected", lvl="ERROR")
        e("d_deadlock", "Process <@p1> waits for <@m1> on transaction <@x1>; blocked by process <@p2>. Process <@p2> "
          "waits for <@m2> on transaction <@x2>; blocked by process <@p1>.", lvl="DETAIL")
        e("h_deadlock", "See server log for query details.", lvl="HINT")
        e("stmt_timeout", "canceling statement due to statement timeout", lvl="ERROR")
        e("lock_timeout", "canceling statement due to lock timeout", lvl="ERROR")
        e("user_cancel", "canceling statement due to user request", lvl="ERROR")
        e("no_relation", 'relation "<@rel>" does not exist at character <@pos>', lvl="ERROR")
        e("no_column", 'column "<@col>" does not exist at character <@pos>', lvl="ERROR")
        e("h_column", 'Perhaps you meant to reference the column "<@col>".', lvl="HINT")
        e("syntax", 'syntax error at or near "<@tok>" at character <@pos>', lvl="ERROR")
        e("not_null", 'null value in column "<@col>" of relation "<@table>" violates not-null constraint', lvl="ERROR")
        e("d_failing_row", "Failing row contains (<@row>).", lvl="DETAIL")
        e("fk_insert", 'insert or update on table "<@table>" violates foreign key constraint "<@cons>"', lvl="ERROR")
        e("d_fk_missing", 'Key (<@cols>)=(<@keyvals>) is not present in table "<@table2>".', lvl="DETAIL")
        e("too_long", "value too long for type character varying(<@n>)", lvl="ERROR")
        e("bad_input", 'invalid input syntax for type <@typ>: "<@val>"', lvl="ERROR")
        e("aborted_tx", "current transaction is aborted, commands ignored until end of transaction block", lvl="ERROR")
        e("pw_failed", 'password authentication failed for user "<@user>"', lvl="FATAL")
        e("d_hba_line", 'Connection matched file "<@hbafile>" line <@line>: "<@hbaline>"', lvl="DETAIL")
        e("d_no_role", 'Role "<@user>" does not exist.', lvl="DETAIL")
        e("no_hba", 'no pg_hba.conf entry for host "<@ip>", user "<@user>", database "<@db>", <@enc>',
          lvl="FATAL")
        e("no_db", 'database "<@db>" does not exist', lvl="FATAL")
        e("too_many", "sorry, too many clients already", lvl="FATAL")
        e("idle_tx", "terminating connection due to idle-in-transaction timeout", lvl="FATAL")
        e("admin_term", "terminating connection due to administrator command", lvl="FATAL")
        e("no_tx", "there is no transaction in progress", lvl="WARNING")

    # -- values ------------------------------------------------------------------
    def v_port(self):
        return str(self.r.randint(32768, 65000))

    def v_ms(self):
        return "%.3f" % (self.r.lognormvariate(6.5, 1.1))

    def newpid(self):
        self.next_pid += self.r.randint(1, 60)
        return self.next_pid

    def session(self, appidx=None):
        r = self.r
        db, user, apps = self.APPS[appidx] if appidx is not None else r.choices(
            self.APPS, [30, 14, 12, 6, 8, 4, 5, 2])[0]
        return {"pid": self.newpid(), "user": user, "db": db, "app": r.choice(apps), "ip": self.clients(),
                "port": self.v_port()}

    def S(self, s, **kw):
        v = {"_pid": s["pid"], "_user": s["user"], "_db": s["db"]}
        v.update(kw)
        return v

    def BG(self, bgpid, **kw):
        v = {"_pid": bgpid, "_user": "", "_db": ""}
        v.update(kw)
        return v

    def table(self, db):
        return self.r.choice(self.TABLES[db])

    def lit(self, col):
        r = self.r
        if col in ("email",):
            return "'%s'" % email(r)
        if col in ("username", "name"):
            return "'%s'" % username(r)
        if col.endswith("_at") or col in ("ts", "eta", "day", "expires_at", "last_login"):
            return "'2025-03-%02d %02d:%02d:%02d'" % (r.randint(1, 14), r.randint(0, 23), r.randint(0, 59),
                                                     r.randint(0, 59))
        if col in ("status", "state", "kind"):
            return "'%s'" % r.choice(["pending", "paid", "shipped", "cancelled", "refunded", "open", "page_view"])
        if col in ("sku",):
            return "'%s-%04d'" % (r.choice(["AB", "KX", "TR", "ZZ", "MN"]), r.randint(1, 9999))
        if col in ("token", "provider_ref", "prefix", "session_id"):
            return "'%s'" % hexs(r, r.choice([12, 24, 32]))
        if col in ("scopes",):
            return "'%s'" % r.choice(["orders:read", "orders:write", "admin", "reports:read"])
        if col in ("payload",):
            return "'{\"v\": %d}'" % r.randint(1, 9)
        if col in ("country",):
            return "'%s'" % r.choice(["DE", "NL", "PL", "IE", "FR", "US", "CN", "IN"])
        if col in ("region", "site", "name"):
            return "'%s'" % r.choice(WORDS)
        if col in ("path", "referrer"):
            return "'/%s/%s'" % (r.choice(WORDS), r.choice(WORDS))
        return str(r.randint(1, 2_000_000))

    def sql(self, db, kind=None, params=False):
        r = self.r
        t, cols = self.table(db)
        kind = kind or weighted(r, [("select", 8), ("update", 3), ("insert", 3), ("delete", 1), ("agg", 2)])
        pn = iter(range(1, 20))

        def val(c):
            return "$%d" % next(pn) if params else self.lit(c)
        if kind == "select":
            c = r.choice(cols)
            q = "SELECT %s FROM %s WHERE %s = %s" % (", ".join(r.sample(cols, r.randint(1, len(cols)))) if
                                                     r.random() < 0.7 else "*", t, c, val(c))
            if r.random() < 0.4:
                c2 = r.choice(cols)
                q += " AND %s %s %s" % (c2, r.choice(["=", ">", "<", ">="]), val(c2))
            if r.random() < 0.4:
                q += " ORDER BY %s %s" % (r.choice(cols), r.choice(["DESC", "ASC"]))
            if r.random() < 0.4:
                q += " LIMIT %d" % r.choice([1, 10, 20, 50, 100, 500])
            return q
        if kind == "update":
            c, w = r.choice(cols[1:]), cols[0]
            return "UPDATE %s SET %s = %s WHERE %s = %s" % (t, c, val(c), w, val(w))
        if kind == "insert":
            cs = cols[:r.randint(2, len(cols))]
            q = "INSERT INTO %s (%s) VALUES (%s)" % (t, ", ".join(cs), ", ".join(val(c) for c in cs))
            if r.random() < 0.3:
                q += " RETURNING %s" % cols[0]
            return q
        if kind == "delete":
            c = cols[-1]
            return "DELETE FROM %s WHERE %s < %s" % (t, c, val(c))
        g = r.choice(cols)
        return "SELECT %s, count(*) FROM %s GROUP BY %s ORDER BY 2 DESC" % (g, t, g)

    # -- episodes -----------------------------------------------------------------
    def e_session(self):
        r = self.r
        s = self.session()
        items = [("conn_recv", {"_pid": s["pid"], "_user": "[unknown]", "_db": "[unknown]", "ip": s["ip"],
                                "port": s["port"]})]
        if r.random() < 0.35:
            items.append(("conn_auth_ssl", self.S(s, user=s["user"], db=s["db"], app=s["app"], proto="TLSv1.3",
                                                  cipher=r.choice(["TLS_AES_256_GCM_SHA384",
                                                                   "TLS_CHACHA20_POLY1305_SHA256"]), bits="256")))
        else:
            items.append(("conn_auth", self.S(s, user=s["user"], db=s["db"], app=s["app"])))
        for _ in range(weighted(r, [(0, 6), (1, 3), (2, 1)])):
            items += self.work(s)
        secs = r.lognormvariate(1.5, 2.0)
        st = "%d:%02d:%06.3f" % (secs // 3600, (secs % 3600) // 60, secs % 60)
        items.append(("disconn", self.S(s, stime=st, user=s["user"], db=s["db"], ip=s["ip"], port=s["port"],
                                        _gap=min(secs, 30))))
        return items

    def work(self, s):
        r = self.r
        k = weighted(r, [("dur", 10), ("dup", 3), ("timeout", 2), ("lockwait", 2), ("err", 3),
                         ("recv", 1), ("temp", 1)])
        if k == "dur":
            return self.e_duration(s)
        if k == "dup":
            return self.e_dup(s)
        if k == "timeout":
            return self.e_timeout(s)
        if k == "lockwait":
            return self.e_lockwait(s)
        if k == "err":
            return self.e_error(s)
        if k == "recv":
            return [("recv_fail", self.S(s, strerr="Connection reset by peer"))]
        return self.e_temp(s)

    def anysession(self):
        return self.session()

    def e_duration(self, s=None):
        r = self.r
        s = s or self.anysession()
        k = weighted(r, [("dur_stmt", 5), ("dur_exec", 4)])
        if k == "dur_stmt":
            return [(k, self.S(s, sql=self.sql(s["db"])))]
        pname = weighted(r, [("<unnamed>", 5), ("S_%d" % r.randint(1, 40), 3), ("stmtcache_%s" % hexs(r, 8), 1)])
        return [(k, self.S(s, pname=pname, sql=self.sql(s["db"], params=True)))]

    def e_dup(self, s=None):
        r = self.r
        s = s or self.anysession()
        t, cols = self.table(s["db"])
        if r.random() < 0.7:
            c = [cols[1] if len(cols) > 2 and r.random() < 0.6 else cols[0]]
        else:
            c = cols[:2]
        cons = "%s_%s_key" % (t, "_".join(c)) if c != [cols[0]] else "%s_pkey" % t
        kv = ", ".join(self.lit(x).strip("'") for x in c)
        return [("dup_key", self.S(s, cons=cons)),
                ("d_dup", self.S(s, cols=", ".join(c), keyvals=kv)),
                ("statement", self.S(s, sql=self.sql(s["db"], "insert", params=r.random() < 0.5)))]

    def e_timeout(self, s=None, force=None):
        r = self.r
        s = s or self.anysession()
        k = force or weighted(r, [("stmt_timeout", 5), ("lock_timeout", 2), ("user_cancel", 2)])
        return [(k, self.S(s)), ("statement", self.S(s, sql=self.sql(s["db"], r.choice(["select", "agg",
                                                                                          "update"]))))]

    def e_lockwait(self, s=None):
        r = self.r
        s = s or self.anysession()
        holder = self.next_pid - r.randint(1, 400)
        t, cols = self.table(s["db"])
        xid = r.randint(800000, 990000)
        mode = weighted(r, [("ShareLock", 8), ("ExclusiveLock", 2), ("AccessExclusiveLock", 1),
                            ("RowExclusiveLock", 1)])
        items = []
        if r.random() < 0.8:
            items.append(("lock_wait_tx", self.S(s, pid=s["pid"], lmode=mode, xid=xid, ms="%.3f" % r.uniform(1000, 1010))))
        else:
            items.append(("lock_wait_rel", self.S(s, pid=s["pid"], lmode=mode, oid=r.randint(16384, 99999),
                                                  dboid=r.choice([16384, 16401, 16422]),
                                                  ms="%.3f" % r.uniform(1000, 1010))))
        q = [str(s["pid"])] + [str(self.next_pid - r.randint(1, 300)) for _ in range(r.choice([0, 0, 1, 2]))]
        items.append(("d_lockholder", self.S(s, pid=holder, queue=", ".join(q))))
        items.append((r.choice(["c_update", "c_update", "c_lock"]),
                      self.S(s, blk=r.randint(0, 9000), off=r.randint(1, 120), table=t)))
        sql = self.sql(s["db"], "update")
        items.append(("statement", self.S(s, sql=sql)))
        if r.random() < 0.5:
            items.append(("lock_acq", self.S(s, pid=s["pid"], lmode=mode, xid=xid,
                                             ms="%.3f" % r.uniform(1010, 30000), _gap=r.uniform(0.5, 20))))
        return items

    def e_deadlock(self):
        r = self.r
        s = self.session(0)
        other = self.next_pid - r.randint(1, 300)
        t, cols = self.table(s["db"])
        return [("deadlock", self.S(s)),
                ("d_deadlock", self.S(s, p1=s["pid"], p2=other, m1="ShareLock", m2="ShareLock",
                                      x1=r.randint(800000, 990000), x2=r.randint(800000, 990000))),
                ("h_deadlock", self.S(s)),
                ("c_update", self.S(s, blk=r.randint(0, 9000), off=r.randint(1, 120), table=t)),
                ("statement", self.S(s, sql=self.sql(s["db"], "update")))]

    def e_error(self, s=None, force=None):
        r = self.r
        s = s or self.anysession()
        db = s["db"]
        t, cols = self.table(db)
        k = force or weighted(r, [("no_relation", 4), ("no_column", 4), ("syntax", 4), ("not_null", 3), ("fk_insert", 3),
                         ("too_long", 2), ("bad_input", 3), ("aborted_tx", 3), ("no_tx", 2)])
        sql = self.sql(db)
        pos = str(r.randint(8, 140))
        if k == "no_relation":
            rel = r.choice(["%s_old" % t, "public.%s_archive" % t, "tmp_%s" % r.choice(WORDS), t + "s",
                            "staging.%s" % t])
            return [(k, self.S(s, rel=rel, pos=pos)), ("statement", self.S(s, sql=sql.replace(t, rel, 1)))]
        if k == "no_column":
            c = r.choice(cols)
            bad = r.choice([c + "s", c.replace("_", ""), "o." + c + "_id", c[:-1]])
            items = [(k, self.S(s, col=bad, pos=pos))]
            if r.random() < 0.5:
                items.append(("h_column", self.S(s, col=r.choice(["o.", "t.", ""]) + c)))
            items.append(("statement", self.S(s, sql=sql)))
            return items
        if k == "syntax":
            tok = r.choice(["FROM", "WHERE", ")", ",", "ORDER", "LIMIT", "'", "SELECT", "$1", "AND", "user"])
            return [(k, self.S(s, tok=tok, pos=pos)), ("statement", self.S(s, sql=sql))]
        if k == "not_null":
            c = r.choice(cols[1:])
            row = ", ".join("null" if x == c else self.lit(x).strip("'") for x in cols)
            return [(k, self.S(s, col=c, table=t)), ("d_failing_row", self.S(s, row=row)),
                    ("statement", self.S(s, sql=self.sql(db, "insert")))]
        if k == "fk_insert":
            t2, c2 = self.table(db)
            return [(k, self.S(s, table=t, cons="%s_%s_fkey" % (t, cols[1]))),
                    ("d_fk_missing", self.S(s, cols=cols[1], keyvals=r.randint(1, 999999), table2=t2)),
                    ("statement", self.S(s, sql=self.sql(db, "insert")))]
        if k == "too_long":
            return [(k, self.S(s, n=r.choice([32, 64, 100, 255]))),
                    ("statement", self.S(s, sql=self.sql(db, "insert")))]
        if k == "bad_input":
            typ, val = weighted(r, [(("integer", r.choice(["", "abc", "12.5", "NaN", "1e6x"])), 4),
                                    (("uuid", hexs(r, r.randint(8, 30))), 3),
                                    (("timestamp with time zone", r.choice(["2025-02-30", "yesterday 25:00",
                                                                            "14/03/2025 10:22"])), 2),
                                    (("bigint", "%d" % r.randint(10**19, 10**20)), 1),
                                    (("boolean", r.choice(["yes please", "2"])), 1)])
            return [(k, self.S(s, typ=typ, val=val)), ("statement", self.S(s, sql=sql))]
        if k == "no_tx":
            return [(k, self.S(s))]
        return [(k, self.S(s)), ("statement", self.S(s, sql=sql))]

    def e_temp(self, s=None):
        r = self.r
        s = s or self.session(3)
        return [("tempfile", self.S(s, tmppath="base/pgsql_tmp/pgsql_tmp%d.%d" % (s["pid"], r.randint(0, 40)),
                                    size=r.randint(10_000_000, 2_000_000_000))),
                ("statement", self.S(s, sql=self.sql(s["db"], "agg")))]

    def e_checkpoint(self):
        r = self.r
        reason = weighted(r, [("time", 12), ("wal", 3), ("immediate force wait", 1)])
        items = [("ckpt_start", self.BG(self.ckpt_pid, ckreason=reason))]
        buf = r.randint(200, 40000)
        w = r.uniform(20, 270)
        lsn = r.randint(0x10000000, 0xFFFFFFFF)
        vals = {"c1": buf, "c2": "%.1f" % (buf / 1638.4), "c3": r.choice([0, 0, 0, 1, 2]), "c4": r.choice([0, 0, 1, 2]),
                "c5": r.randint(0, 12), "c6": "%.3f" % w, "c7": "%.3f" % r.uniform(0, 0.9),
                "c8": "%.3f" % (w + r.uniform(0, 1)), "c9": r.randint(3, 220), "c10": "%.3f" % r.uniform(0, 0.2),
                "c11": "%.3f" % r.uniform(0, 0.01), "c12": r.randint(1000, 900000), "c13": r.randint(1000, 900000),
                "c14": "%X/%X" % (self.timeline, lsn), "c15": "%X/%X" % (self.timeline, lsn - r.randint(1, 9999))}
        self.timeline += r.choice([0, 0, 0, 1])
        self.later(r.randint(5, 60), [("ckpt_done", self.BG(self.ckpt_pid, **vals))])
        if reason == "wal" and r.random() < 0.6:
            items = [("ckpt_freq", self.BG(self.ckpt_pid, secs=r.randint(8, 29))),
                     ("hint_walsize", self.BG(self.ckpt_pid))] + items
        return items

    def vac_vals(self, db):
        r = self.r
        t, _ = self.table(db)
        return {"qtable": "%s.public.%s" % (db, t), "a1": r.choice([0, 1, 1, 2]), "a2": r.randint(0, 50),
                "a3": r.randint(100, 90000), "a4": r.randint(10, 5000), "a5": "%.2f" % r.uniform(0, 100),
                "a6": r.randint(0, 90000), "a7": r.randint(1000, 9_000_000), "a8": r.randint(0, 500),
                "a9": "%.3f" % r.uniform(0, 80), "a10": "%.3f" % r.uniform(0, 40), "a11": r.randint(100, 900000),
                "a12": r.randint(0, 20000), "a13": r.randint(0, 9000), "a14": r.randint(0, 90000),
                "a15": r.randint(0, 4000), "a16": r.randint(0, 90_000_000), "a17": "%.2f" % r.uniform(0, 3),
                "a18": "%.2f" % r.uniform(0, 1), "a19": "%.2f" % r.uniform(0, 40)}

    def e_autovac(self):
        r = self.r
        pid = self.newpid()
        db = r.choice(list(self.TABLES))
        v = self.vac_vals(db)
        if r.random() < 0.55:
            return [("autoanalyze", self.BG(pid, **v))]
        return [("autovac", self.BG(pid, **v))]

    def e_authfail(self, force=None):
        r = self.r
        s = self.session()
        pid = s["pid"]
        items = [("conn_recv", {"_pid": pid, "_user": "[unknown]", "_db": "[unknown]", "ip": s["ip"], "port": s["port"]})]
        k = force or weighted(r, [("pw", 6), ("norole", 3), ("hba", 3), ("nodb", 2)])
        if k == "pw":
            u = s["user"] if r.random() < 0.7 else username(r)
            items.append(("pw_failed", self.S(s, user=u, _user=u)))
            if u == s["user"]:
                items.append(("d_hba_line", self.S(s, _user=u, hbafile="/etc/postgresql/16/main/pg_hba.conf",
                                                   line=r.choice([98, 101, 102, 117]),
                                                   hbaline=r.choice(["host all all 10.0.0.0/8 scram-sha-256",
                                                                     "host all all 0.0.0.0/0 scram-sha-256",
                                                                     "hostssl %s %s 10.20.0.0/16 scram-sha-256" %
                                                                     (s["db"], s["user"])]))))
            else:
                items.append(("d_no_role", self.S(s, user=u, _user=u)))
        elif k == "norole":
            u = r.choice(["admin", "root", "test", "guest", "sa", username(r)])
            items.append(("pw_failed", self.S(s, user=u, _user=u)))
            items.append(("d_no_role", self.S(s, user=u, _user=u)))
        elif k == "hba":
            u = r.choice([s["user"], "postgres", username(r)])
            items.append(("no_hba", self.S(s, enc="no encryption" if r.random() < 0.7 else "SSL encryption", ip=self.pub_ip() if r.random() < 0.5 else s["ip"], user=u,
                                           db=r.choice([s["db"], "postgres", "template1"]), _user=u)))
        else:
            d = r.choice(["shop_test", "analytics_old", "app", "production", s["db"] + "_v2"])
            items.append(("no_db", self.S(s, db=d, _db=d)))
        return items

    def e_idle(self):
        s = self.session()
        return [("idle_tx", self.S(s))]

    def e_misc_session(self):
        r = self.r
        s = self.session()
        k = weighted(r, [("recv", 3), ("temp", 2), ("dead", 1)])
        if k == "recv":
            return [("recv_fail", self.S(s, strerr=r.choice(["Connection reset by peer", "Connection reset by peer",
                                                             "Connection timed out"])))]
        if k == "temp":
            return self.e_temp(s)
        return self.e_deadlock()

    def burst(self):
        r = self.r
        items = []
        for _ in range(r.randint(3, 6)):
            s = self.session()
            items.append(("conn_recv", {"_pid": s["pid"], "_user": "[unknown]", "_db": "[unknown]", "ip": s["ip"],
                                        "port": s["port"]}))
            items.append(("too_many", self.S(s)))
        return items

    def reload(self):
        r = self.r
        p, v = r.choice([("work_mem", "64MB"), ("log_min_duration_statement", "250ms"),
                         ("statement_timeout", "30s"), ("idle_in_transaction_session_timeout", "10min"),
                         ("max_connections", "300")])
        return [("sighup", self.BG(self.postmaster)), ("param", self.BG(self.postmaster, param=p, pval=v))]

    def restart(self):
        r = self.r
        old = self.postmaster
        items = [("fast_shutdown", self.BG(old))]
        for _ in range(r.randint(1, 3)):
            s = self.session()
            items.append(("admin_term", self.S(s)))
        items.append(("shutting_down", self.BG(self.ckpt_pid)))
        items.append(("ckpt_start", self.BG(self.ckpt_pid, ckreason="shutdown immediate")))
        items.append(("is_shut_down", self.BG(old)))
        self.startup_vals()
        items += self.startup_items(first=False)
        return items

    def startup_vals(self):
        self.postmaster = self.newpid()
        self.ckpt_pid = self.postmaster + 1

    def startup_items(self, first=True):
        r = self.r
        pm = self.postmaster
        back = timedelta(minutes=3) if first else timedelta(seconds=r.uniform(4, 9))
        items = [("starting", self.BG(pm, ver="16.2", debver="16.2-1.pgdg120+2", arch="x86_64-pc-linux-gnu",
                                      gccdeb="12.2.0-14", gccver="12.2.0", bits="64", _gap=2.5)),
                 ("listen", self.BG(pm, family="IPv4", addr="0.0.0.0", port=5432)),
                 ("listen", self.BG(pm, family="IPv6", addr="::", port=5432)),
                 ("was_shutdown", self.BG(pm + 2, sdate=lambda t: (t - back).strftime("%Y-%m-%d"),
                                                stime=lambda t: (t - back).strftime("%H:%M:%S"))),
                 ("ready", self.BG(pm))]
        return items

    def startup(self):
        self.startup_vals()
        return self.startup_items(first=True)

    def fixed_episodes(self):
        return [(1, self.startup, 0.0), (1, self.restart, 0.71), (2, self.reload), (1, self.burst),
                (1, self.e_deadlock), (1, lambda: self.e_authfail("nodb")), (1, lambda: self.e_error(force="no_tx")),
                (1, lambda: self.e_error(force="too_long")), (1, lambda: self.e_error(force="bad_input")),
                (1, lambda: self.e_timeout(force="user_cancel")), (1, self.e_idle)]

    def weighted_episodes(self):
        return [(95, self.e_session), (40, self.e_duration), (16, self.e_dup), (7, self.e_timeout),
                (6, self.e_lockwait), (12, self.e_error), (9, self.e_checkpoint), (7, self.e_autovac),
                (10, self.e_authfail), (2, self.e_idle), (4, self.e_misc_session)]

    def render(self, t, ev, vals, content):
        return "%s.%03d UTC [%d] %s@%s %s:  %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                                   vals["_pid"], vals["_user"], vals["_db"], ev.hdr["lvl"], content)


# ---------------------------------------------------------------------------
# 4. Spring Boot application log
# ---------------------------------------------------------------------------

def logback_logger(name, width=39):
    """Approximation of logback's %logger{39} abbreviation, then %-40.40."""
    parts = name.split(".")
    i = 0
    while len(".".join(parts)) > width and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    s = ".".join(parts)
    if len(s) > 40:
        s = s[-40:]
    return s.ljust(40)


def thread15(name):
    return name[-15:].rjust(15)


class Spring(System):
    name = "SpringBoot"
    log_format = r"<Date> <Time> <Level> <Pid> --- \[<Thread>\] <Logger> : <Content>"
    start = datetime(2025, 3, 14, 7, 59, 12, 407000)
    mean_gap = 1.9

    L = {
        "req": "com.example.shop.web.RequestLoggingFilter",
        "order": "com.example.shop.order.OrderService",
        "pay": "com.example.shop.payment.PaymentGatewayClient",
        "hikari": "com.zaxxer.hikari.pool.HikariPool",
        "hikarids": "com.zaxxer.hikari.HikariDataSource",
        "sql": "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
        "servlet": "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]",
        "resolver": "org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver",
        "jwt": "com.example.shop.security.JwtAuthenticationFilter",
        "login": "com.example.shop.auth.LoginService",
        "stock": "com.example.shop.inventory.StockReservationService",
        "kafka": "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
        "listener": "com.example.shop.events.OrderEventListener",
        "mail": "com.example.shop.notify.EmailNotificationSender",
        "jobs": "com.example.shop.jobs.SessionCleanupJob",
        "cache": "com.example.shop.cache.ProductCacheService",
        "cb": "io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine",
        "inv": "com.example.shop.inventory.InventoryClient",
        "slow": "com.example.shop.persistence.SlowQueryInterceptor",
        "app": "com.example.shop.ShopApplication",
        "tomcat": "org.springframework.boot.web.embedded.tomcat.TomcatWebServer",
        "graceful": "org.springframework.boot.web.embedded.tomcat.GracefulShutdown",
    }

    def define(self):
        r = self.r
        self.pid = 1
        self.clients = self.pool(lambda: self.pub_ip(), 500, 0.8)
        self.users = self.pool(lambda: username(r), 400, 0.7)
        self.customers = self.pool(lambda: str(r.randint(10000, 999999)), 600, 0.6)
        self.order_seq = r.randint(4_100_000, 4_200_000)
        self.offsets = {}
        e = self.ev
        e("req_done", "Completed <@method> <@uri> -> <@status> in <@dur>", lvl="INFO", log="req")
        e("order_created", "Order <@order> created for customer <@cust> with <@n> items, total <@amount> <@cur>",
          lvl="INFO", log="order")
        e("pay_declined", "Payment declined for order <@order> (reason: <@reason>)", lvl="WARN", log="order")
        e("pay_ok", "Payment <@payid> authorized for order <@order> in <@dur>", lvl="INFO", log="pay")
        e("pay_retry", "Payment gateway call failed (attempt <@i>/<@n>), retrying in <@dur>: <@exc>",
          lvl="WARN", log="pay")
        e("pay_giveup", "Payment gateway call failed after <@n> attempts for order <@order>, giving up",
          lvl="ERROR", log="pay")
        e("hk_timeout", "<@pool> - Connection is not available, request timed out after <@dur>.", lvl="WARN",
          log="hikari")
        e("hk_starve", "<@pool> - Thread starvation or clock leap detected (housekeeper delta=<@delta>).",
          lvl="WARN", log="hikari")
        e("hk_validate", "<@pool> - Failed to validate connection <@conn> (This connection has been closed.). "
          "Possibly consider using a shorter maxLifetime value.", lvl="WARN", log="hikari")
        e("hk_starting", "<@pool> - Starting...", lvl="INFO", log="hikarids")
        e("hk_started", "<@pool> - Start completed.", lvl="INFO", log="hikarids")
        e("hk_shutdown", "<@pool> - Shutdown initiated...", lvl="INFO", log="hikarids")
        e("hk_shutdown_done", "<@pool> - Shutdown completed.", lvl="INFO", log="hikarids")
        e("sql_error", "SQL Error: <@code>, SQLState: <@state>", lvl="WARN", log="sql")
        e("sql_dup", 'ERROR: duplicate key value violates unique constraint "<@cons>"  Detail: Key (<@col>)=(<@val>) '
          'already exists.', lvl="ERROR", log="sql")
        e("sql_timeout", "ERROR: canceling statement due to statement timeout", lvl="ERROR", log="sql")
        e("servlet_exc", "Servlet.service() for servlet [<@servlet>] in context with path [<@ctxpath>] threw exception "
          "[Request processing failed: <@exc>] with root cause", lvl="ERROR", log="servlet")
        e("resolved", "Resolved [<@exc>]", lvl="WARN", log="resolver")
        e("jwt_fail", "JWT validation failed for request <@uri>: <@reason>", lvl="WARN", log="jwt")
        e("login_ok", "User <@user> logged in from <@ip>", lvl="INFO", log="login")
        e("login_fail", "Failed login attempt <@n> for user <@user> from <@ip>", lvl="WARN", log="login")
        e("locked", "Account <@user> locked after <@n> failed attempts", lvl="WARN", log="login")
        e("reserved", "Reserved <@qty> units of SKU <@sku> for order <@order> (warehouse <@wh>)", lvl="INFO",
          log="stock")
        e("no_stock", "Insufficient stock for SKU <@sku>: requested <@n>, available <@m>", lvl="WARN", log="stock")
        KC = "[Consumer clientId=<@client>, groupId=<@group>] "
        e("k_revoke", KC + "Revoke previously assigned partitions <@parts>", lvl="INFO", log="kafka")
        e("k_assign", KC + "Adding newly assigned partitions: <@parts>", lvl="INFO", log="kafka")
        e("k_offset", KC + "Setting offset for partition <@part> to the committed offset FetchPosition{offset=<@off>, "
          "offsetEpoch=Optional[<@ep>], currentLeader=LeaderAndEpoch{leader=Optional[<@broker> (id: <@bid> rack: "
          "<@rack>)], epoch=<@ep>}}", lvl="INFO", log="kafka")
        e("k_join", KC + "(Re-)joining group", lvl="INFO", log="kafka")
        e("k_joined", KC + "Successfully joined group with generation Generation{generationId=<@gen>, "
          "memberId='<@member>', protocol='<@assignor>'}", lvl="INFO", log="kafka")
        e("ev_ok", "Processed <@etype> event for order <@order> in <@dur>", lvl="INFO", log="listener")
        e("ev_fail", "Failed to process record at offset <@off> of partition <@part>: <@exc>", lvl="ERROR",
          log="listener")
        e("mail_ok", "Sent <@tmpl> email to <@email>", lvl="INFO", log="mail")
        e("mail_fail", "SMTP send to <@email> failed (attempt <@i>/<@n>): <@smtperr>", lvl="WARN", log="mail")
        e("cleanup", "Removed <@n> expired sessions in <@dur>", lvl="INFO", log="jobs")
        e("cache_miss", "Cache miss for key <@key>", lvl="DEBUG", log="cache")
        e("cache_evict", "Evicted <@n> entries from cache region <@region> (max size <@m>)", lvl="INFO", log="cache")
        CB = "CircuitBreaker '<@cb>' changed state from "
        e("cb_c2o", CB + "CLOSED to OPEN", lvl="WARN", log="cb")
        e("cb_o2h", CB + "OPEN to HALF_OPEN", lvl="INFO", log="cb")
        e("cb_h2c", CB + "HALF_OPEN to CLOSED", lvl="INFO", log="cb")
        e("cb_h2o", CB + "HALF_OPEN to OPEN", lvl="WARN", log="cb")
        e("cb_reject", "Call to <@svc> rejected by circuit breaker '<@cb>' for order <@order>", lvl="WARN", log="inv")
        e("slow_query", "Slow query (<@dur>): <@sql>", lvl="WARN", log="slow")
        e("app_starting", "Starting <@appname> <@ver> using Java <@jver> with PID <@pid> (<@jar> started by "
          "<@user> in <@dir>)", lvl="INFO", log="app")
        e("app_profile", 'The following <@nprof> profile is active: "<@profile>"', lvl="INFO", log="app")
        e("tc_init", "Tomcat initialized with port(s): <@port> (<@proto>)", lvl="INFO", log="tomcat")
        e("tc_started", "Tomcat started on port(s): <@port> (<@proto>) with context path '<@ctxpath>'", lvl="INFO", log="tomcat")
        e("app_started", "Started <@appname> in <@secs> seconds (process running for <@secs2>)", lvl="INFO",
          log="app")
        e("gs_begin", "Commencing graceful shutdown. Waiting for active requests to complete", lvl="INFO",
          log="graceful")
        e("gs_done", "Graceful shutdown complete", lvl="INFO", log="graceful")

    # -- values ---------------------------------------------------------------------
    def v_dur(self):
        return "%dms" % int(self.r.lognormvariate(4.0, 1.2))

    def v_order(self):
        return str(self.order_seq - self.r.randint(0, 3000))

    def v_ip(self):
        return self.clients()

    def v_user(self):
        return self.users()

    def v_email(self):
        return email(self.r)

    def v_sku(self):
        return "%s-%04d" % (self.r.choice(["AB", "KX", "TR", "ZZ", "MN", "QP"]), self.r.randint(1, 9999))

    def v_rack(self):
        return "null"

    def v_assignor(self):
        return "range"

    def v_servlet(self):
        return "dispatcherServlet"

    def v_ctxpath(self):
        return ""

    def v_appname(self):
        return "ShopApplication"

    def v_nprof(self):
        return "1"

    def v_proto(self):
        return "http"

    def v_pool(self):
        return weighted(self.r, [("HikariPool-1", 8), ("HikariPool-2", 1)])

    def http_thread(self):
        return "http-nio-8080-exec-%d" % self.r.randint(1, 200)

    def uri(self):
        r = self.r
        return weighted(r, [("/api/orders/%d" % int(self.v_order()), 6), ("/api/orders", 4),
                            ("/api/products/%s" % self.v_sku(), 5), ("/api/cart/%s/items" % uuid4(r), 3),
                            ("/api/customers/%s/addresses" % self.customers(), 2), ("/api/auth/login", 2),
                            ("/api/search?q=%s&page=%d" % (r.choice(WORDS), r.randint(1, 9)), 3),
                            ("/actuator/health", 2), ("/api/payments/webhook", 1)])

    def exc(self, kind):
        r = self.r
        if kind == "net":
            return weighted(r, [("java.net.SocketTimeoutException: Read timed out", 6),
                                ("java.net.ConnectException: Connection refused", 3),
                                ("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 "
                                 "Service Unavailable: [no body]", 3),
                                ("javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake", 1),
                                ("io.netty.handler.timeout.ReadTimeoutException", 1),
                                ("org.springframework.web.client.ResourceAccessException: I/O error on POST request "
                                 "for \"https://api.paygate.example/v2/charges\": Connection reset", 2)])
        if kind == "servlet":
            return weighted(r, [
                ('java.lang.NullPointerException: Cannot invoke "String.length()" because "%s" is null'
                 % r.choice(["name", "coupon", "street", "token"]), 4),
                ("java.lang.IllegalStateException: Order %s is already %s" % (self.v_order(),
                                                                             r.choice(["SHIPPED", "CANCELLED"])), 3),
                ("org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; "
                 "constraint [uk_customer_email]", 2),
                ("java.lang.ArithmeticException: / by zero", 1),
                ("org.springframework.orm.ObjectOptimisticLockingFailureException: Row was updated or deleted by "
                 "another transaction (or unsaved-value mapping was incorrect) : [com.example.shop.order.Order#%s]"
                 % self.v_order(), 2),
                ("org.springframework.dao.QueryTimeoutException: could not extract ResultSet", 1)])
        if kind == "resolved":
            return weighted(r, [
                ("org.springframework.web.HttpRequestMethodNotSupportedException: Request method '%s' is not supported"
                 % r.choice(["PUT", "PATCH", "DELETE", "GET"]), 3),
                ("org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Unexpected "
                 "character ('%s' (code %d)): was expecting double-quote to start field name" % (
                     "}", 125), 2),
                ("org.springframework.web.bind.MissingServletRequestParameterException: Required request parameter "
                 "'%s' for method parameter type %s is not present" % (r.choice(["page", "size", "customerId"]),
                                                                        r.choice(["int", "String", "Long"])), 2),
                ("org.springframework.web.method.annotation.MethodArgumentTypeMismatchException: Method parameter "
                 "'id': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For "
                 "input string: \"%s\"" % r.choice(["abc", "undefined", "null", "12a"]), 2),
                ("com.example.shop.order.OrderNotFoundException: Order %s not found" % self.v_order(), 4),
                ("org.springframework.web.servlet.resource.NoResourceFoundException: No static resource %s." %
                 r.choice(["favicon.ico", "api/v0/orders", "robots.txt"]), 2)])
        if kind == "listener":
            return weighted(r, [
                ("org.springframework.dao.CannotAcquireLockException: could not execute statement", 2),
                ("com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type "
                 "`java.math.BigDecimal` from String \"%s\": not a valid representation" % r.choice(["n/a", "1,5"]), 2),
                ("com.example.shop.order.OrderNotFoundException: Order %s not found" % self.v_order(), 3),
                ("java.lang.IllegalArgumentException: Unknown event type: %s" % r.choice(["OrderArchived",
                                                                                         "LegacyRefund"]), 1)])
        raise ValueError(kind)

    # -- episodes -------------------------------------------------------------------
    def T(self, thread, **kw):
        kw["_thread"] = thread
        return kw

    def e_request(self):
        r = self.r
        th = self.http_thread()
        method = weighted(r, [("GET", 10), ("POST", 4), ("PUT", 1), ("DELETE", 1), ("PATCH", 1)])
        status = weighted(r, [("200", 30), ("201", 4), ("204", 2), ("400", 3), ("401", 2), ("404", 4),
                              ("409", 1), ("500", 1), ("503", 1)])
        items = []
        uri = self.uri()
        if r.random() < 0.25:
            items.append(("cache_miss", self.T(th, key="product:%s:%s" % (self.v_sku(), r.choice(["en", "de", "fr"])))))
        if status in ("400", "404", "405") and r.random() < 0.6:
            items.append(("resolved", self.T(th, exc=self.exc("resolved"))))
        if status == "401" and r.random() < 0.7:
            items.append(("jwt_fail", self.T(th, uri=uri.split("?")[0], reason=r.choice(
                ["token expired", "signature does not match", "malformed token", "missing bearer prefix",
                 "issuer not trusted"]))))
        items.append(("req_done", self.T(th, method=method, uri=uri, status=status)))
        return items

    def e_checkout(self):
        r = self.r
        th = self.http_thread()
        self.order_seq += r.randint(1, 3)
        o = str(self.order_seq)
        items = [("order_created", self.T(th, order=o, cust=self.customers(), n=r.randint(1, 12),
                                          amount="%.2f" % r.uniform(4, 900), cur=weighted(r, [("EUR", 5), ("USD", 2),
                                                                                               ("GBP", 1)])))]
        for _ in range(r.choice([1, 1, 1, 2, 3])):
            items.append(("reserved", self.T(th, qty=r.randint(1, 5), sku=self.v_sku(), order=o,
                                             wh=r.choice(["FRA-1", "AMS-2", "DUB-1", "WAW-3"]))))
        k = weighted(r, [("ok", 12), ("declined", 4), ("retry_ok", 2), ("giveup", 1), ("cb", 1)])
        if k in ("retry_ok", "giveup"):
            n = 3
            tries = r.randint(1, 2) if k == "retry_ok" else n - 1
            for i in range(1, tries + 1):
                items.append(("pay_retry", self.T(th, i=i, n=n, dur="%dms" % (200 * 2 ** i), exc=self.exc("net"),
                                                  _gap=r.uniform(0.2, 2))))
            if k == "giveup":
                items.append(("pay_giveup", self.T(th, n=n, order=o)))
                if r.random() < 0.5:
                    items.append(("servlet_exc", self.T(th, exc=self.exc("servlet"))))
                items.append(("req_done", self.T(th, method="POST", uri="/api/orders", status="502")))
                return items
            k = "ok"
        if k == "ok":
            items.append(("pay_ok", self.T(th, payid="pay_" + hexs(r, 14), order=o)))
            items.append(("req_done", self.T(th, method="POST", uri="/api/orders", status="201")))
            if r.random() < 0.5:
                items.append(("mail_ok", self.T("task-%d" % r.randint(1, 8), tmpl="order-confirmation")))
        elif k == "declined":
            items.append(("pay_declined", self.T(th, order=o, reason=weighted(r, [
                ("insufficient funds", 5), ("card expired", 2), ("do not honor", 2), ("suspected fraud", 1),
                ("invalid CVC", 1), ("3-D Secure authentication failed", 1), ("card reported lost or stolen", 1)]))))
            items.append(("req_done", self.T(th, method="POST", uri="/api/orders", status="402")))
        else:
            items.append(("cb_reject", self.T(th, svc="payment-gateway", cb="paymentGateway", order=o)))
            items.append(("req_done", self.T(th, method="POST", uri="/api/orders", status="503")))
        return items

    def e_stock(self):
        r = self.r
        th = self.http_thread()
        return [("no_stock", self.T(th, sku=self.v_sku(), n=r.randint(2, 40), m=r.randint(0, 3))),
                ("req_done", self.T(th, method="POST", uri="/api/cart/%s/items" % uuid4(r), status="409"))]

    def e_login(self, lockout=False):
        r = self.r
        th = self.http_thread()
        u = self.users()
        ip = self.clients()
        k = "fail" if lockout else weighted(r, [("ok", 6), ("fail", 3)])
        if k == "ok":
            return [("login_ok", self.T(th, user=u, ip=ip)),
                    ("req_done", self.T(th, method="POST", uri="/api/auth/login", status="200"))]
        items = []
        n = 5 if lockout else r.choice([1, 1, 2, 3, 5])
        for i in range(1, n + 1):
            items.append(("login_fail", self.T(self.http_thread(), n=i, user=u, ip=ip, _gap=r.uniform(0.5, 6))))
        if n >= 5:
            items.append(("locked", self.T(th, user=u, n=n)))
        return items

    def e_dberror(self):
        r = self.r
        th = self.http_thread()
        k = weighted(r, [("dup", 3), ("timeout", 1), ("pool", 2)])
        if k == "dup":
            cons, col, val = r.choice([("uk_customer_email", "email", email(r)),
                                       ("orders_idempotency_key_key", "idempotency_key", uuid4(r)),
                                       ("uk_product_slug", "slug", "%s-%s" % (r.choice(WORDS), r.choice(WORDS)))])
            items = [("sql_error", self.T(th, code="0", state="23505")),
                     ("sql_dup", self.T(th, cons=cons, col=col, val=val))]
        elif k == "timeout":
            items = [("sql_error", self.T(th, code="0", state="57014")), ("sql_timeout", self.T(th))]
        else:
            items = [("hk_timeout", self.T(th, pool="HikariPool-1", dur="30000ms"))]
            if r.random() < 0.5:
                items.append(("sql_error", self.T(th, code="0", state="null" if r.random() < .5 else "08001")))
        if r.random() < 0.6:
            items.append(("servlet_exc", self.T(th, exc=self.exc("servlet"))))
        items.append(("req_done", self.T(th, method=r.choice(["POST", "PUT", "GET"]), uri=self.uri(), status="500")))
        return items

    def e_servlet(self):
        th = self.http_thread()
        return [("servlet_exc", self.T(th, exc=self.exc("servlet"))),
                ("req_done", self.T(th, method=self.r.choice(["GET", "POST"]), uri=self.uri(), status="500"))]

    def e_event(self):
        r = self.r
        th = "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1"
        part = "orders-%d" % r.randint(0, 11)
        self.offsets[part] = self.offsets.get(part, r.randint(100000, 900000)) + r.randint(1, 40)
        if r.random() < 0.1:
            return [("ev_fail", self.T(th, off=self.offsets[part], part=part, exc=self.exc("listener")))]
        items = [("ev_ok", self.T(th, etype=weighted(r, [("OrderCreated", 6), ("OrderPaid", 5), ("OrderShipped", 3),
                                                         ("OrderCancelled", 1), ("RefundIssued", 1)]),
                                  order=self.v_order(), dur=self.v_dur()))]
        if r.random() < 0.15:
            items.append(("mail_ok", self.T("task-%d" % r.randint(1, 8), tmpl=r.choice(
                ["shipping-update", "refund-issued", "order-confirmation", "password-reset"]))))
        return items

    def e_mail_fail(self):
        r = self.r
        th = "task-%d" % r.randint(1, 8)
        em = email(r)
        items = []
        for i in range(1, r.randint(2, 4)):
            items.append(("mail_fail", self.T(th, email=em, i=i, n=3, smtperr=weighted(r, [
                ("Couldn't connect to host, port: smtp.mailrelay.example, 587; timeout 10000", 3),
                ("451 4.7.1 Greylisted, please try again later", 2),
                ("550 5.1.1 The email account that you tried to reach does not exist", 2),
                ("Read timed out", 1)]), _gap=r.uniform(1, 30))))
        return items

    def e_rebalance(self):
        r = self.r
        th = "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1"
        client = "consumer-orders-1"
        parts = ["orders-%d" % i for i in range(12)]
        mine = sorted(r.sample(parts, r.randint(2, 5)), key=lambda p: int(p.split("-")[1]))
        KCV = {"client": client, "group": "orders"}
        items = [("k_revoke", self.T(th, parts=", ".join(mine), **KCV)), ("k_join", self.T(th, **KCV))]
        items.append(("k_joined", self.T(th, gen=r.randint(40, 90), member="%s-%s" % (client, uuid4(r)), **KCV,
                                         _gap=r.uniform(1, 8))))
        new = sorted(r.sample(parts, r.randint(2, 5)), key=lambda p: int(p.split("-")[1]))
        items.append(("k_assign", self.T(th, parts=", ".join(new), **KCV)))
        for p in new:
            self.offsets[p] = self.offsets.get(p, r.randint(100000, 900000))
            ep = r.randint(3, 9)
            bid = r.randint(1, 3)
            items.append(("k_offset", self.T(th, part=p, off=self.offsets[p], ep=ep, bid=bid,
                                             broker="kafka-%d.kafka-headless.data.svc:9092" % bid, **KCV)))
        return items

    def e_cb(self, reopen=False):
        r = self.r
        th = self.http_thread()
        cb = r.choice(["paymentGateway", "inventoryService", "inventoryService"])
        items = [("cb_c2o", self.T(th, cb=cb))]
        for _ in range(r.randint(1, 4)):
            items.append(("cb_reject", self.T(self.http_thread(), cb=cb, order=self.v_order(),
                                              svc="payment-gateway" if cb == "paymentGateway" else "inventory-service")))
        items.append(("cb_o2h", self.T(self.http_thread(), cb=cb, _gap=60.0)))
        if reopen or r.random() < 0.35:
            items.append(("cb_h2o", self.T(self.http_thread(), cb=cb, _gap=r.uniform(1, 5))))
            items.append(("cb_o2h", self.T(self.http_thread(), cb=cb, _gap=60.0)))
        items.append(("cb_h2c", self.T(self.http_thread(), cb=cb, _gap=r.uniform(1, 5))))
        return items

    def e_sched(self):
        r = self.r
        k = weighted(r, [("cleanup", 3), ("evict", 1), ("slow", 3), ("starve", 1)])
        if k == "cleanup":
            return [("cleanup", self.T("scheduling-1", n=r.randint(0, 4000)))]
        if k == "evict":
            return [("cache_evict", self.T("scheduling-1", n=r.randint(10, 5000), region=r.choice(
                ["products", "prices", "customer-profiles"]), m=r.choice([10000, 50000])))]
        if k == "starve":
            return [("hk_starve", self.T("HikariPool-1 housekeeper", pool="HikariPool-1",
                                         delta="%dm%ds%dms" % (r.randint(1, 3), r.randint(0, 59), r.randint(0, 999))))]
        sql = weighted(r, [
            ("select o1_0.id,o1_0.created_at,o1_0.customer_id,o1_0.status,o1_0.total from orders o1_0 where "
             "o1_0.customer_id=? order by o1_0.created_at desc", 3),
            ("select p1_0.sku,p1_0.name,p1_0.price from products p1_0 where lower(p1_0.name) like ? escape ''", 2),
            ("update inventory set reserved=reserved+? where sku=? and warehouse_id=?", 1),
            ("select count(*) from order_items oi1_0 join orders o1_0 on o1_0.id=oi1_0.order_id where "
             "o1_0.status=?", 1)])
        return [("slow_query", self.T(self.http_thread(), dur="%dms" % r.randint(1000, 15000), sql=sql))]

    def e_validate(self):
        r = self.r
        items = []
        for _ in range(r.randint(1, 3)):
            items.append(("hk_validate", self.T(self.http_thread(), pool="HikariPool-1",
                                                conn="org.postgresql.jdbc.PgConnection@%x" % r.randint(0x10000000,
                                                                                                     0x7fffffff))))
        return items

    def startup(self):
        r = self.r
        items = [("app_starting", self.T("main", ver="v1.14.2", jver="17.0.10", pid=self.pid, jar="/app/shop.jar",
                                         user="spring", dir="/app")),
                 ("app_profile", self.T("main", profile="prod")),
                 ("tc_init", self.T("main", port="8080", _gap=2.1)),
                 ("hk_starting", self.T("main", pool="HikariPool-1", _gap=1.3)),
                 ("hk_started", self.T("main", pool="HikariPool-1", _gap=0.3)),
                 ("hk_starting", self.T("main", pool="HikariPool-2", _gap=0.1)),
                 ("hk_started", self.T("main", pool="HikariPool-2", _gap=0.2)),
                 ("tc_started", self.T("main", port="8080", _gap=4.0)),
                 ("app_started", self.T("main", secs="%.3f" % r.uniform(9, 16), secs2="%.3f" % r.uniform(16, 18)))]
        return items

    def shutdown(self):
        items = [("gs_begin", self.T("SpringApplicationShutdownHook")),
                 ("gs_done", self.T("tomcat-shutdown", _gap=1.2)),
                 ("hk_shutdown", self.T("SpringApplicationShutdownHook", pool="HikariPool-2")),
                 ("hk_shutdown_done", self.T("SpringApplicationShutdownHook", pool="HikariPool-2")),
                 ("hk_shutdown", self.T("SpringApplicationShutdownHook", pool="HikariPool-1")),
                 ("hk_shutdown_done", self.T("SpringApplicationShutdownHook", pool="HikariPool-1"))]
        return items + self.startup()

    def fixed_episodes(self):
        return [(1, self.startup, 0.0), (1, self.shutdown, 0.58), (1, lambda: self.e_login(lockout=True)),
                (1, lambda: self.e_cb(reopen=True))]

    def weighted_episodes(self):
        return [(190, self.e_request), (50, self.e_checkout), (6, self.e_stock), (22, self.e_login),
                (9, self.e_dberror), (3, self.e_servlet), (60, self.e_event), (3, self.e_mail_fail),
                (2, self.e_rebalance), (1, self.e_cb), (12, self.e_sched), (1, self.e_validate)]

    def render(self, t, ev, vals, content):
        return "%s.%03d %5s %d --- [%s] %s : %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000,
                                                    ev.hdr["lvl"], self.pid, thread15(vals["_thread"]),
                                                    logback_logger(self.L[ev.hdr["log"]]), content)


# ---------------------------------------------------------------------------
# 5. Cisco IOS devices via a syslog collector
# ---------------------------------------------------------------------------

class CiscoIOS(System):
    name = "CiscoIOS"
    log_format = r"<Month> <Day> <Time> <Host> <Seq>: <DevTime>: %<Facility>-<Severity>-<Mnemonic>: <Content>"
    start = datetime(2025, 3, 14, 0, 3, 51)
    mean_gap = 4.0

    def define(self):
        r = self.r
        self.devices = {}
        for name, role in [("core-rtr-01", "core"), ("core-rtr-02", "core"), ("edge-rtr-01", "edge"),
                           ("dist-sw-01", "dist"), ("dist-sw-02", "dist")] + \
                [("access-sw-%02d" % i, "access") for i in range(1, 15)] + [("branch-rtr-%02d" % i, "branch")
                                                                           for i in (3, 7, 12)]:
            self.devices[name] = {"role": role, "seq": r.randint(1000, 900000), "skew": r.uniform(-1.5, 1.5),
                                  "ntp": not (name in ("access-sw-11", "branch-rtr-12")),
                                  "boot": r.randint(3600, 900000)}
        self.by_role = {}
        for n, d in self.devices.items():
            self.by_role.setdefault(d["role"], []).append(n)
        self.attackers = self.pool(lambda: self.pub_ip(), 500, 0.7)
        self.internal = self.pool(lambda: priv_ip(r), 300, 0.8)
        self.admins = ["netops", "jdoe", "asmith", "svc-ansible", "rancid", "mkowalski", "admin"]
        self.macs = self.pool(lambda: "%04x.%04x.%04x" % (r.choice([0x0050, 0x001b, 0xa4bb, 0x3c52, 0xf8e4, 0x0c29,
                                                                  0x7c2e, 0xb827]), r.randint(0, 0xffff),
                                                        r.randint(0, 0xffff)), 300, 0.6)
        self.bgp_peers = {n: [self.pub_ip() if i == 0 else "10.255.%d.%d" % (r.randint(0, 3), r.randint(1, 60))
                              for i in range(4)] for n in self.by_role["core"] + self.by_role["edge"]}
        self.auth_sessions = {}
        e = self.ev
        e("link_down", "Interface <@intf>, changed state to down", fac="LINK", sev="3", mn="UPDOWN")
        e("link_up", "Interface <@intf>, changed state to up", fac="LINK", sev="3", mn="UPDOWN")
        e("link_admin", "Interface <@intf>, changed state to administratively down", fac="LINK", sev="5",
          mn="CHANGED")
        e("proto_down", "Line protocol on Interface <@intf>, changed state to down", fac="LINEPROTO", sev="5",
          mn="UPDOWN")
        e("proto_up", "Line protocol on Interface <@intf>, changed state to up", fac="LINEPROTO", sev="5",
          mn="UPDOWN")
        e("acl_denied", "list <@acl> denied <@proto> <@src>(<@sport>) -> <@dst>(<@dport>), <@cnt> packet<@pl>",
          fac="SEC", sev="6", mn="IPACCESSLOGP")
        e("acl_permitted", "list <@acl> permitted <@proto> <@src>(<@sport>) -> <@dst>(<@dport>), <@cnt> packet<@pl>",
          fac="SEC", sev="6", mn="IPACCESSLOGP")
        e("acl_icmp", "list <@acl> denied icmp <@src> -> <@dst> (<@itype>/<@icode>), <@cnt> packet<@pl>",
          fac="SEC", sev="6", mn="IPACCESSLOGDP")
        e("acl_std", "list <@acl> denied <@src> <@cnt> packet<@pl>", fac="SEC", sev="6", mn="IPACCESSLOGS")
        e("bgp_up", "neighbor <@peer> Up", fac="BGP", sev="5", mn="ADJCHANGE")
        e("bgp_down", "neighbor <@peer> Down <@reason>", fac="BGP", sev="5", mn="ADJCHANGE")
        e("bgp_vrf_up", "neighbor <@peer> vpn vrf <@vrf> Up", fac="BGP", sev="5", mn="ADJCHANGE")
        e("bgp_notif_sent", "sent to neighbor <@peer> <@code> (<@desc>) <@n> bytes", fac="BGP", sev="3",
          mn="NOTIFICATION")
        e("bgp_notif_recv", "received from neighbor <@peer> <@code> (<@desc>) <@n> bytes", fac="BGP", sev="3",
          mn="NOTIFICATION")
        e("ospf_full", "Process <@proc>, Nbr <@rid> on <@intf> from LOADING to FULL, Loading Done", fac="OSPF",
          sev="5", mn="ADJCHG")
        e("ospf_down", "Process <@proc>, Nbr <@rid> on <@intf> from FULL to DOWN, Neighbor Down: <@reason>",
          fac="OSPF", sev="5", mn="ADJCHG")
        e("eigrp_up", "EIGRP-IPv4 <@as>: Neighbor <@nbr> (<@intf>) is up: new adjacency", fac="DUAL", sev="5",
          mn="NBRCHANGE")
        e("eigrp_down", "EIGRP-IPv4 <@as>: Neighbor <@nbr> (<@intf>) is down: <@reason>", fac="DUAL", sev="5",
          mn="NBRCHANGE")
        e("config_vty", "Configured from console by <@user> on <@vty> (<@ip>)", fac="SYS", sev="5", mn="CONFIG_I")
        e("config_console", "Configured from console by console", fac="SYS", sev="5", mn="CONFIG_I")
        WHEN = " at <@hms> UTC <@dow> <@mon> <@dd> <@yyyy>"
        e("login_ok", "Login Success [user: <@user>] [Source: <@ip>] [localport: <@lport>]" + WHEN,
          fac="SEC_LOGIN", sev="5", mn="LOGIN_SUCCESS")
        e("login_fail", "Login failed [user: <@user>] [Source: <@ip>] [localport: <@lport>] [Reason: <@reason>]"
          + WHEN, fac="SEC_LOGIN", sev="4", mn="LOGIN_FAILED")
        SSHC = "(tty = <@tty>) using crypto cipher '<@cipher>', hmac '<@hmac>'"
        e("ssh_ok", "SSH2 Session request from <@ip> " + SSHC + " Succeeded", fac="SSH", sev="5", mn="SSH2_SESSION")
        e("ssh_fail", "SSH2 Session request from <@ip> " + SSHC + " Failed", fac="SSH", sev="5", mn="SSH2_SESSION")
        e("ssh_auth", "User '<@user>' authentication for SSH2 Session from <@ip> " + SSHC + " Succeeded", fac="SSH",
          sev="5", mn="SSH2_USERAUTH")
        e("ssh_close", "SSH2 Session from <@ip> (tty = <@tty>) for user '<@user>' using crypto cipher '<@cipher>', "
          "hmac '<@hmac>' closed", fac="SSH", sev="5", mn="SSH2_CLOSE")
        e("cdp_vlan", "Native VLAN mismatch discovered on <@intf> (<@v1>), with <@peerdev> <@pintf> (<@v2>).",
          fac="CDP", sev="4", mn="NATIVE_VLAN_MISMATCH")
        e("bpduguard", "Received BPDU on port <@intf> with BPDU Guard enabled. Disabling port.", fac="SPANTREE",
          sev="2", mn="BLOCK_BPDUGUARD")
        e("errdisable", "<@cause> error detected on <@sif>, putting <@sif> in err-disable state", fac="PM", sev="4",
          mn="ERR_DISABLE")
        e("psecure", "Security violation occurred, caused by MAC address <@mac> on port <@intf>.",
          fac="PORT_SECURITY", sev="2", mn="PSECURE_VIOLATION")
        e("macflap", "Host <@mac> in vlan <@vlan> is flapping between port <@p1> and port <@p2>", fac="SW_MATM",
          sev="4", mn="MACFLAP_NOTIF")
        e("dhcp_conflict", "DHCP address conflict:  server pinged <@ip>.", fac="DHCPD", sev="4", mn="PING_CONFLICT")
        e("dupaddr", "Duplicate address <@ip> on <@intf>, sourced by <@mac>", fac="IP", sev="4", mn="DUPADDR")
        e("hsrp_active", "<@intf> Grp <@grp> state Standby -> Active", fac="HSRP", sev="5", mn="STATECHANGE")
        e("hsrp_speak", "<@intf> Grp <@grp> state Active -> Speak", fac="HSRP", sev="5", mn="STATECHANGE")
        e("hsrp_standby", "<@intf> Grp <@grp> state Speak -> Standby", fac="HSRP", sev="5", mn="STATECHANGE")
        e("snmp_auth", "Authentication failure for SNMP req from host <@ip>", fac="SNMP", sev="3", mn="AUTHFAIL")
        AS = "for client (<@mac>) on Interface <@sif> AuditSessionID <@asid>"
        e("dot1x_fail", "Authentication failed " + AS, fac="DOT1X", sev="5", mn="FAIL")
        e("authmgr_start", "Starting '<@method>' " + AS, fac="AUTHMGR", sev="5", mn="START")
        e("mab_ok", "Authentication successful " + AS, fac="MAB", sev="5", mn="SUCCESS")
        e("authz_ok", "Authorization succeeded " + AS, fac="AUTHMGR", sev="5", mn="SUCCESS")
        e("poe_granted", "Interface <@sif>: Power granted", fac="ILPOWER", sev="5", mn="POWER_GRANTED")
        e("poe_detect", "Interface <@sif>: Power Device detected: <@pd>", fac="ILPOWER", sev="7", mn="DETECT")
        e("restart", "System restarted --", fac="SYS", sev="5", mn="RESTART")
        e("logging_host", "Logging to host <@ip> port <@port> started - <@how>", fac="SYS", sev="6",
          mn="LOGGINGHOST_STARTSTOP")
        e("reload", "Reload requested by <@user> on <@vty> (<@ip>). Reload Reason: <@reason>.", fac="SYS", sev="5",
          mn="RELOAD")
        e("mallocfail", "Memory allocation of <@n> bytes failed from <@pc>, alignment <@align> Pool: <@pool>  "
          "Free: <@free>  Cause: <@cause> Alternate Pool: <@apool>  Free: <@free2>  Cause: <@cause2>",
          fac="SYS", sev="2", mn="MALLOCFAIL")

    # -- values --------------------------------------------------------------------
    def dev(self, *roles):
        names = []
        for ro in roles:
            names += self.by_role[ro]
        return self.r.choice(names)

    def access_port(self, short=False):
        r = self.r
        p = "%d/0/%d" % (r.choice([1, 1, 1, 2]), r.randint(1, 48))
        return ("Gi" if short else "GigabitEthernet") + p

    def intf(self, role):
        r = self.r
        if role == "access":
            return self.access_port() if r.random() < 0.9 else "TenGigabitEthernet1/1/%d" % r.randint(1, 4)
        if role in ("core", "edge"):
            return weighted(r, [("TenGigabitEthernet0/0/%d" % r.randint(0, 3), 3),
                                ("GigabitEthernet0/0/%d" % r.randint(0, 7), 3),
                                ("Port-channel%d" % r.randint(1, 4), 1), ("Tunnel%d" % r.randint(10, 40), 1)])
        if role == "branch":
            return weighted(r, [("GigabitEthernet0/%d" % r.randint(0, 2), 3), ("Cellular0/2/0", 1),
                                ("Tunnel%d" % r.randint(100, 120), 2), ("Dialer1", 1)])
        return weighted(r, [("TenGigabitEthernet1/1/%d" % r.randint(1, 8), 3), ("Vlan%d" % r.choice(
            [10, 20, 30, 40, 100, 200]), 2), ("Port-channel%d" % r.randint(10, 30), 1)])

    def D(self, host, **kw):
        kw["_host"] = host
        return kw

    def when(self):
        """The ' at HH:MM:SS UTC Fri Mar 14 2025' part of login messages (the line's own time)."""
        return {"hms": lambda t: t.strftime("%H:%M:%S"), "dow": lambda t: t.strftime("%a"),
                "mon": lambda t: t.strftime("%b"), "dd": lambda t: str(t.day), "yyyy": lambda t: str(t.year)}

    def asid(self):
        return "0A%06X%016X" % (self.r.randint(0, 0xffffff), self.r.getrandbits(64))

    # -- episodes ----------------------------------------------------------------------
    def e_acl(self):
        r = self.r
        host = self.dev("edge", "branch", "core")
        k = weighted(r, [("acl_denied", 14), ("acl_permitted", 3), ("acl_icmp", 3), ("acl_std", 2)])
        acl = weighted(r, [("101", 4), ("OUTSIDE-IN", 5), ("120", 2), ("MGMT-ACCESS", 1), ("199", 1)])
        cnt = weighted(r, [("1", 8), (str(r.randint(2, 9)), 2), (str(r.randint(10, 400)), 2)])
        v = self.D(host, acl=acl, cnt=cnt, pl="" if cnt == "1" else "s", src=self.attackers(),
                   dst=weighted(r, [("198.51.100.%d" % r.randint(1, 30), 4), (self.internal(), 2)]))
        if k == "acl_std":
            v["acl"] = r.choice(["10", "15", "99"])
            v["src"] = r.choice([self.attackers(), self.internal()])
        elif k == "acl_icmp":
            v["itype"], v["icode"] = weighted(r, [(("8", "0"), 6), (("3", "3"), 1), (("11", "0"), 1),
                                                  (("13", "0"), 1)])
        else:
            proto = weighted(r, [("tcp", 8), ("udp", 3)])
            v["proto"] = proto
            v["sport"] = str(r.randint(1024, 65535))
            v["dport"] = r.choice(["23", "22", "445", "3389", "1433", "5060", "8080", "443", "2323", "3306", "53",
                                   "123", "161", "1900", str(r.randint(1, 65535))])
            if k == "acl_permitted":
                v["src"], v["dst"] = self.internal(), r.choice(["10.10.0.5", "10.10.0.6", "192.168.254.1"])
                v["dport"] = r.choice(["22", "161", "443", "514"])
        return [(k, v)]

    def e_flap(self):
        r = self.r
        role = weighted(r, [("access", 8), ("dist", 2), ("core", 1), ("branch", 2)])
        host = self.dev(role)
        intf = self.intf(role)
        items = [("link_down", self.D(host, intf=intf)), ("proto_down", self.D(host, intf=intf, _gap=r.uniform(0.5, 1.2)))]
        if r.random() < 0.75:
            items.append(("link_up", self.D(host, intf=intf, _gap=r.uniform(1, 40))))
            items.append(("proto_up", self.D(host, intf=intf, _gap=r.uniform(0.5, 1.2))))
        if role == "access" and r.random() < 0.15:
            items.append(("cdp_vlan", self.D(host, intf=intf, v1=r.choice(["1", "10", "20"]), peerdev=self.dev("access"),
                                             pintf=self.access_port(), v2=r.choice(["99", "30", "1"]))))
        return items

    def e_admin(self):
        r = self.r
        role = r.choice(["access", "dist", "core", "branch"])
        host = self.dev(role)
        user = r.choice(self.admins)
        ip = "10.10.%d.%d" % (r.randint(0, 3), r.randint(2, 60))
        tty = str(r.choice([0, 1, 2, 3, 4]))
        cipher = r.choice(["aes256-ctr", "aes256-gcm", "aes128-ctr", "aes256-cbc"])
        hmac = r.choice(["hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"])
        S = dict(ip=ip, tty=tty, cipher=cipher, hmac=hmac, user=user)
        items = [("ssh_ok", self.D(host, **S)), ("ssh_auth", self.D(host, **S))]
        w = self.when()
        items.append(("login_ok", self.D(host, user=user, ip=ip, lport="22", **w)))
        for _ in range(weighted(r, [(0, 2), (1, 5), (2, 2)])):
            items.append(("config_vty", self.D(host, user=user, vty="vty%s" % tty, ip=ip, _gap=r.uniform(10, 300))))
        items.append(("ssh_close", self.D(host, _gap=r.uniform(5, 120), **S)))
        return items

    def e_bruteforce(self):
        r = self.r
        host = self.dev("edge", "branch")
        ip = self.attackers()
        items = []
        for _ in range(r.randint(1, 5)):
            w = self.when()
            if r.random() < 0.3:
                items.append(("ssh_fail", self.D(host, ip=ip, tty=str(r.randint(0, 4)), cipher="aes128-ctr",
                                                 hmac="hmac-sha1")))
            else:
                items.append(("login_fail", self.D(host, user=r.choice(["admin", "root", "cisco", "ubnt", "user",
                                                                        "support", username(r)]),
                                                   ip=ip, lport=r.choice(["22", "22", "23"]),
                                                   reason=weighted(r, [("Login Authentication Failed", 5), (
                                                       "Login Authentication Failed - BadUser", 2), (
                                                       "Login Authentication Failed - BadPassword", 1)]), **w)))
        return items

    def e_bgp(self):
        r = self.r
        host = self.dev("core", "edge")
        peer = r.choice(self.bgp_peers[host])
        reason = weighted(r, [("BGP Notification sent", 4), ("BGP Notification received", 3),
                              ("Peer closed the session", 3), ("Interface flap", 2), ("Admin. shutdown", 1),
                              ("User reset", 1)])
        items = []
        if reason == "BGP Notification sent":
            items.append(("bgp_notif_sent", self.D(host, peer=peer, code="4/0", desc="hold time expired", n="0")))
        elif reason == "BGP Notification received":
            code, desc = r.choice([("6/4", "Administrative Reset"), ("6/2", "Administrative Shutdown"),
                                   ("6/7", "Connection Collision Resolution"), ("3/1", "update malformed")])
            items.append(("bgp_notif_recv", self.D(host, peer=peer, code=code, desc=desc, n=r.choice(["0", "0", "2"]))))
        items.append(("bgp_down", self.D(host, peer=peer, reason=reason)))
        items.append(("bgp_up", self.D(host, peer=peer, _gap=r.uniform(20, 200))))
        return items

    def e_igp(self):
        r = self.r
        host = self.dev("dist", "core")
        role = self.devices[host]["role"]
        intf = self.intf(role)
        if r.random() < 0.6:
            rid = "10.255.%d.%d" % (r.randint(0, 3), r.randint(1, 40))
            items = []
            if r.random() < 0.8:
                items.append(("ospf_down", self.D(host, proc="1", rid=rid, intf=intf, reason=weighted(r, [
                    ("Dead timer expired", 4), ("Interface down or detached", 3), ("Too many retransmissions", 1),
                    ("BFD node down", 1)]))))
            items.append(("ospf_full", self.D(host, proc="1", rid=rid, intf=intf, _gap=r.uniform(5, 60))))
            return items
        nbr = "10.%d.%d.%d" % (r.randint(20, 30), r.randint(0, 255), r.randint(1, 254))
        items = [("eigrp_down", self.D(host, **{"as": "100", "nbr": nbr, "intf": intf, "reason": weighted(r, [
            ("holding time expired", 4), ("Interface PEER-TERMINATION received", 2), ("retry limit exceeded", 1),
            ("peer restarted", 1)])}))]
        if r.random() < 0.8:
            items.append(("eigrp_up", self.D(host, **{"as": "100", "nbr": nbr, "intf": intf, "_gap": r.uniform(5, 40)})))
        return items

    def e_dot1x(self):
        r = self.r
        host = self.dev("access")
        sif = self.access_port(short=True)
        mac = self.macs()
        asid = self.asid()
        A = dict(mac=mac, sif=sif, asid=asid)
        items = [("authmgr_start", self.D(host, method="dot1x", **A))]
        if r.random() < 0.6:
            items.append(("dot1x_fail", self.D(host, _gap=r.uniform(5, 30), **A)))
            items.append(("authmgr_start", self.D(host, method="mab", **A)))
            items.append(("mab_ok", self.D(host, **A)))
        items.append(("authz_ok", self.D(host, **A)))
        return items

    def e_poe(self):
        r = self.r
        host = self.dev("access")
        sif = self.access_port(short=True)
        intf = "GigabitEthernet" + sif[2:]
        return [("poe_detect", self.D(host, sif=sif, pd=weighted(r, [("IEEE PD", 3), ("Cisco PD", 1)]))),
                ("poe_granted", self.D(host, sif=sif)),
                ("link_up", self.D(host, intf=intf, _gap=r.uniform(2, 5))),
                ("proto_up", self.D(host, intf=intf, _gap=1.0))]

    def e_l2(self):
        r = self.r
        host = self.dev("access")
        k = weighted(r, [("bpdu", 2), ("psec", 3), ("flap", 4), ("dhcp", 2), ("dup", 1), ("snmp", 3), ("adm", 3)])
        if k == "bpdu":
            sif = self.access_port(short=True)
            return [("bpduguard", self.D(host, intf="GigabitEthernet" + sif[2:])),
                    ("errdisable", self.D(host, cause="bpduguard", sif=sif)),
                    ("link_down", self.D(host, intf="GigabitEthernet" + sif[2:]))]
        if k == "psec":
            sif = self.access_port(short=True)
            items = [("psecure", self.D(host, mac=self.macs(), intf="GigabitEthernet" + sif[2:]))]
            if r.random() < 0.5:
                items.append(("errdisable", self.D(host, cause="psecure-violation", sif=sif)))
            return items
        if k == "flap":
            return [("macflap", self.D(host, mac=self.macs(), vlan=r.choice(["10", "20", "30", "120"]),
                                       p1=self.access_port(short=True), p2=self.access_port(short=True)))]
        if k == "dhcp":
            return [("dhcp_conflict", self.D(self.dev("branch", "dist"), ip="10.%d.%d.%d" % (
                r.randint(20, 30), r.randint(0, 20), r.randint(10, 250))))]
        if k == "dup":
            return [("dupaddr", self.D(self.dev("dist"), ip="10.20.%d.1" % r.randint(0, 9),
                                       intf="Vlan%d" % r.choice([10, 20, 30]), mac=self.macs()))]
        if k == "snmp":
            return [("snmp_auth", self.D(self.dev("access", "dist", "core"), ip=r.choice(
                ["10.10.0.17", "10.10.0.18", self.internal(), self.attackers()])))]
        intf = self.access_port()
        return [("link_admin", self.D(host, intf=intf)), ("config_console", self.D(host))] if r.random() < 0.4 else \
            [("link_admin", self.D(host, intf=intf))]

    def e_hsrp(self):
        r = self.r
        a, b = self.by_role["dist"]
        intf = "Vlan%d" % r.choice([10, 20, 30, 40, 100])
        grp = str(r.choice([1, 1, 10, 20]))
        return [("hsrp_speak", self.D(a, intf=intf, grp=grp)), ("hsrp_active", self.D(b, intf=intf, grp=grp)),
                ("hsrp_standby", self.D(a, intf=intf, grp=grp, _gap=r.uniform(5, 20)))]

    def reboot(self):
        r = self.r
        host = "branch-rtr-07"
        self.devices[host]["boot"] = 0
        user = "jdoe"
        items = [("reload", self.D(host, user=user, vty="vty0", ip="10.10.1.23", reason="Reload Command")),
                 ("restart", self.D(host, _gap=240.0)),
                 ("logging_host", self.D(host, ip="10.10.0.50", port="514", how="CLI initiated", _gap=3.0))]
        for i in range(3):
            intf = "GigabitEthernet0/%d" % i
            items.append(("link_up", self.D(host, intf=intf, _gap=2)))
            items.append(("proto_up", self.D(host, intf=intf, _gap=1)))
        items.append(("bgp_vrf_up", self.D(host, peer="10.255.9.%d" % r.randint(1, 9), vrf="CUST-A", _gap=30)))
        return items

    def malloc(self):
        return [("mallocfail", self.D("access-sw-11", n="65536", pc="0x6047A3B4", align="0", free="1812344",
                                      free2="0", pool="Processor", cause="Memory fragmentation", apool="None",
                                      cause2="No Alternate pool"))]

    def vrf(self):
        return [("bgp_vrf_up", self.D("core-rtr-02", peer="10.255.9.%d" % self.r.randint(10, 30), vrf="CUST-B"))]

    def fixed_episodes(self):
        return [(1, self.reboot), (1, self.malloc), (1, self.vrf), (1, self.e_hsrp)]

    def weighted_episodes(self):
        return [(120, self.e_acl), (26, self.e_flap), (6, self.e_admin), (12, self.e_bruteforce), (3, self.e_bgp),
                (5, self.e_igp), (14, self.e_dot1x), (4, self.e_poe), (12, self.e_l2), (1, self.e_hsrp)]

    def render(self, t, ev, vals, content):
        host = vals["_host"]
        d = self.devices[host]
        d["seq"] += 1
        dt = t + timedelta(seconds=d["skew"])
        if d["ntp"]:
            devtime = "%s %2d %s.%03d UTC" % (dt.strftime("%b"), dt.day, dt.strftime("%H:%M:%S"), dt.microsecond // 1000)
        else:
            up = timedelta(seconds=d["boot"]) + (t - self.start)
            bt = datetime(2025, 3, 1) + up
            devtime = "*%s %2d %s.%03d" % (bt.strftime("%b"), bt.day, bt.strftime("%H:%M:%S"), bt.microsecond // 1000)
        return "%s %2d %s %s %d: %s: %%%s-%s-%s: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), host,
                                                      d["seq"], devtime, ev.hdr["fac"], ev.hdr["sev"], ev.hdr["mn"],
                                                      content)


SYSTEMS = [Nginx, Kubelet, Postgres, Spring, CiscoIOS]


def summary(s, used):
    return "%-11s %d lines, %d templates" % (s.name, s.n_lines, len(s.events))


if __name__ == "__main__":
    sys.exit(loghub_corpus.main(sys.argv, SYSTEMS, summary))
