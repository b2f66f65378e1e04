#!/usr/bin/env python3
"""Generate the loghub-recall corpus: labelled imitations, written from memory, of six real
Loghub-2k systems (HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird).  See README.md.

    python3 generate.py OUT_DIR

Deterministic (fixed seed, Python standard library only).  Writes, per system <Sys>:
OUT_DIR/<Sys>/<Sys>_2k.log, <Sys>_2k.log_structured_corrected.csv,
<Sys>_2k.log_templates_corrected.csv, and OUT_DIR/settings.json.

Every event type is written once as a message text in which each variable part is a named
slot ``<@name>``.  The EventTemplate is that text with every slot replaced by ``<*>`` and runs
of spaces collapsed to one (as the corrected Loghub labels do); a line's Content is the text
with the slots filled.  All values (hosts, users, IPs, ids, numbers) are invented.
"""

import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import loghub_corpus  # noqa: E402  (tests/data/loghub_corpus.py: the machinery shared with loghub-heldout)
from loghub_corpus import hexs, weighted  # noqa: E402


class System(loghub_corpus.System):
    """The knobs of this corpus; see loghub_corpus.System.  Each system also sets its own settings
    (the Drain benchmark regex, st, depth) and inner_gap."""
    seed = "loghub-recall/v1"
    fixed_margin = 30
    inner_gap = (0.0, 1.0)       # default only: every system below sets its own
    pool_tries = 30
    collapse_spaces = True       # as the corrected Loghub templates (e.g. the double space before user=root)
    pub_ip_reserved = (10, 127, 169, 172, 192)


# ---------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------

def mac_addr(r):
    return ":".join("%02x" % r.randint(0, 255) for _ in range(6))


WEEKDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------------------
# 1. Proxifier (Windows desktop, all traffic through one HTTPS/SOCKS proxy)
# ---------------------------------------------------------------------------

class Proxifier(System):
    name = "Proxifier"
    log_format = r"\[<Time>\] <Program> - <Content>"
    settings = {"regex": [r"<\d+\ssec", r"([\w-]+\.)+[\w-]+(:\d+)?", r"\d{2}:\d{2}(:\d{2})*", r"[KGTM]B"],
                "st": 0.6, "depth": 3}
    start = datetime(2016, 10, 30, 9, 14, 31)
    mean_gap = 3.0
    inner_gap = (0.0, 0.6)

    def define(self):
        r = self.r
        self.proxy = "proxy.cse.campusnet-lab.edu:5070"
        self.proxyhost = "proxy.cse.campusnet-lab.edu"
        self.programs = [
            ("chrome.exe", 34, ["www.google.com:443", "clients4.google.com:443", "clients2.google.com:443",
                                "mtalk.google.com:5228", "ssl.gstatic.com:443", "www.gstatic.com:443",
                                "apis.google.com:443", "play.google.com:443", "www.youtube.com:443",
                                "i.ytimg.com:443", "s.youtube.com:443", "github.com:443", "avatars1.githubusercontent.com:443",
                                "stackoverflow.com:443", "cdn.sstatic.net:443", "www.bing.com:443", "ajax.googleapis.com:443",
                                "fonts.gstatic.com:443", "accounts.google.com:443", "lh3.googleusercontent.com:443",
                                "translate.googleapis.com:443", "www.facebook.com:443", "static.xx.fbcdn.net:443"]),
            ("chrome.exe *64", 12, ["www.google.com:443", "clients1.google.com:443", "ssl.gstatic.com:443",
                                    "www.googleapis.com:443", "docs.google.com:443", "drive.google.com:443",
                                    "scholar.google.com:443", "dl.acm.org:443", "ieeexplore.ieee.org:443",
                                    "arxiv.org:443"]),
            ("Dropbox.exe", 12, ["client-lb.dropbox.com:443", "d.dropbox.com:443", "bolt.dropbox.com:443",
                                 "client.dropbox.com:443", "block.dropbox.com:443", "notify.dropboxapi.com:443"]),
            ("WeChat.exe", 7, ["short.weixin.qq.com:80", "long.weixin.qq.com:80", "szshort.weixin.qq.com:80",
                               "szextshort.weixin.qq.com:80", "mmbiz.qpic.cn:80", "wx.qlogo.cn:80"]),
            ("YodaoDict.exe", 5, ["dict.youdao.com:80", "oimagec2.ydstatic.com:80", "impservice.dictapp.youdao.com:80",
                                  "cidian.youdao.com:80"]),
            ("QQ.exe", 4, ["qbwup.imtt.qq.com:80", "pingtas.qq.com:80", "sdk.e.qq.com:80", "cgi.qqweb.qq.com:443"]),
            ("svchost.exe *64", 4, ["ctldl.windowsupdate.com:80", "fe2.update.microsoft.com:443",
                                    "settings-win.data.microsoft.com:443", "sls.update.microsoft.com:443"]),
            ("firefox.exe", 3, ["detectportal.firefox.com:80", "www.mozilla.org:443", "incoming.telemetry.mozilla.org:443",
                                "en.wikipedia.org:443"]),
            ("OneDrive.exe *64", 2, ["onedrive.live.com:443", "skyapi.live.net:443", "storage.live.com:443"]),
            ("git-remote-https.exe *64", 1, ["github.com:443"]),
            ("SogouCloud.exe", 1, ["get.sogou.com:80", "ping.pinyin.sogou.com:80"]),
            ("putty.exe", 1, ["gw.cse.campusnet-lab.edu:22"]),
        ]

        e = self.ev
        e("open_https", "<@dst> open through proxy <@proxy> HTTPS")
        e("open_socks", "<@dst> open through proxy <@proxy> SOCKS5")
        e("close_BB", "<@dst> close, <@s> bytes sent, <@r> bytes received, lifetime <@life>")
        e("close_KB", "<@dst> close, <@s> bytes (<@sk> KB) sent, <@r> bytes received, lifetime <@life>")
        e("close_BK", "<@dst> close, <@s> bytes sent, <@r> bytes (<@rk> KB) received, lifetime <@life>")
        e("close_KK", "<@dst> close, <@s> bytes (<@sk> KB) sent, <@r> bytes (<@rk> KB) received, lifetime <@life>")
        e("close_KM", "<@dst> close, <@s> bytes (<@sk> KB) sent, <@r> bytes (<@rk> MB) received, lifetime <@life>")
        e("close_MK", "<@dst> close, <@s> bytes (<@sk> MB) sent, <@r> bytes (<@rk> KB) received, lifetime <@life>")
        e("close_MM", "<@dst> close, <@s> bytes (<@sk> MB) sent, <@r> bytes (<@rk> MB) received, lifetime <@life>")
        e("close_BM", "<@dst> close, <@s> bytes sent, <@r> bytes (<@rk> MB) received, lifetime <@life>")
        e("err_403", "<@dst> error : Could not connect through proxy <@proxy> - Proxy server cannot establish a "
          "connection with the target, status code <@code>")
        e("err_cancel", "<@dst> error : A connection request was canceled before the completion.")
        e("err_pclosed", "<@dst> error : Could not connect through proxy <@proxy> - Proxy closed the connection "
          "unexpectedly.")
        e("err_connfail", "<@dst> error : Could not connect to proxy <@proxy> - connection attempt failed with "
          "error <@code>")
        e("err_resolve", "<@dst> error : Could not connect to proxy <@proxy> - Could not resolve <@proxyhost> "
          "error <@code>")

    def prog(self):
        p = self.r.choices(self.programs, [x[1] for x in self.programs])[0]
        dsts = p[2]
        k = min(int(self.r.paretovariate(1.2)) - 1, len(dsts) - 1)
        return p[0], dsts[k]

    @staticmethod
    def size3(n, unit):
        v = n / (1024.0 if unit == "KB" else 1048576.0)
        if v >= 100:
            return "%d" % round(v)
        if v >= 10:
            return "%.1f" % v
        return "%.2f" % v

    def nbytes(self, cls):
        r = self.r
        if cls == "B":
            return weighted(r, [(0, 6), (r.randint(1, 1023), 4)])
        if cls == "K":
            return int(min(1048575, 1024 * r.lognormvariate(1.6, 1.4) + 1024))
        return int(1048576 * r.lognormvariate(0.6, 0.9) + 1048576)

    def life(self, cls):
        r = self.r
        k = r.random()
        if cls in "BK" and k < 0.35:
            return "<1 sec"
        sec = int(r.lognormvariate(2.5, 1.6)) + 1
        if cls == "M":
            sec += r.randint(5, 600)
        if r.random() < 0.015:
            sec += 3600 * r.randint(1, 2)
        if sec >= 3600:
            return "%02d:%02d:%02d" % (sec // 3600, sec // 60 % 60, sec % 60)
        return "%02d:%02d" % (sec // 60, sec % 60)

    def close(self, prog, dst, sc=None, rc=None):
        r = self.r
        if sc is None:
            sc = weighted(r, [("B", 30), ("K", 66), ("M", 1)])
        if rc is None:
            rc = weighted(r, [("B", 14), ("K", 70), ("M", 5)]) if sc != "M" else weighted(r, [("K", 3), ("M", 1)])
        key = {"BB": "close_BB", "KB": "close_KB", "BK": "close_BK", "KK": "close_KK", "KM": "close_KM",
               "MK": "close_MK", "MM": "close_MM", "BM": "close_BM"}.get(sc + rc)
        if key is None:
            sc, rc, key = "K", "K", "close_KK"
        s, rv = self.nbytes(sc), self.nbytes(rc)
        v = {"_prog": prog, "dst": dst, "s": s, "r": rv, "life": self.life(max(sc, rc, key=lambda c: "BKM".index(c)))}
        if sc != "B":
            v["sk"] = self.size3(s, "KB" if sc == "K" else "MB")
        if rc != "B":
            v["rk"] = self.size3(rv, "KB" if rc == "K" else "MB")
        return (key, v)

    def v_proxy(self):
        return self.proxy

    def v_proxyhost(self):
        return self.proxyhost

    def e_conn(self, sc=None, rc=None):
        r = self.r
        prog, dst = self.prog()
        kind = "open_socks" if (prog.startswith(("WeChat", "QQ", "putty", "Sogou")) or r.random() < 0.04) \
            else "open_https"
        items = [(kind, {"_prog": prog, "dst": dst})]
        if r.random() < 0.08:
            # several parallel connections to the same host
            items.append((kind, {"_prog": prog, "dst": dst}))
            self.later(r.randint(1, 40), [self.close(prog, dst)])
        self.later(r.randint(0, 60) if r.random() < 0.85 else r.randint(60, 400), [self.close(prog, dst, sc, rc)])
        return items

    def e_close_only(self):
        prog, dst = self.prog()
        return [self.close(prog, dst)]

    def e_err(self, key):
        def fn():
            prog, dst = self.prog()
            v = {"_prog": prog, "dst": dst}
            if key == "err_403":
                v["code"] = weighted(self.r, [(403, 12), (502, 1)])
            elif key == "err_connfail":
                v["code"] = weighted(self.r, [(10061, 3), (10060, 2)])
            elif key == "err_resolve":
                v["code"] = 11001
            items = [("open_https", {"_prog": prog, "dst": dst})] if key in ("err_403", "err_pclosed") else []
            return items + [(key, v)]
        return fn

    def weighted_episodes(self):
        return [(88, self.e_conn), (6, self.e_close_only), (3, self.e_err("err_403")),
                (1.2, self.e_err("err_cancel"))]

    def fixed_episodes(self):
        return [(1, lambda: self.e_conn("M", "K")), (2, lambda: self.e_conn("M", "M")),
                (2, lambda: self.e_conn("B", "M")), (2, self.e_err("err_pclosed")),
                (1, self.e_err("err_connfail")), (1, self.e_err("err_resolve"), 0.62),
                (2, self.e_err("err_connfail"), 0.62)]

    def render(self, t, ev, vals, content):
        return "[%02d.%02d %s] %s - %s" % (t.month, t.day, t.strftime("%H:%M:%S"), vals["_prog"], content)


# ---------------------------------------------------------------------------
# 2. OpenSSH (one internet-facing server under brute-force attack)
# ---------------------------------------------------------------------------

class OpenSSH(System):
    name = "OpenSSH"
    log_format = r"<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>"
    settings = {"regex": [r"(\d+\.){3}\d+", r"([\w-]+\.){2,}[\w-]+"], "st": 0.6, "depth": 5}
    start = datetime(2016, 12, 10, 6, 55, 46)
    mean_gap = 14.0
    inner_gap = (0.0, 2.5)

    def define(self):
        r = self.r
        self.host = "LabSRV"
        self.pid = 24200
        self.attackers = self.pool(lambda: self.pub_ip(), 60, 1.3)
        self.scanners = self.pool(lambda: self.pub_ip(), 120, 0.6)
        self.friends = ["10.204.%d.%d" % (r.randint(0, 30), r.randint(2, 250)) for _ in range(3)] + \
                       [self.pub_ip() for _ in range(3)]
        self.users = ["fztu", "jmliu", "curi", "hxwang"]
        self.invalid = self.pool(lambda: r.choice(
            ["admin", "test", "guest", "user", "oracle", "ubuntu", "pi", "support", "git", "postgres", "ftpuser",
             "nagios", "hadoop", "webmaster", "zabbix", "tomcat", "mysql", "ubnt", "1234", "default", "sysadmin",
             "office", "info", "backup", "student", "deploy", "jenkins", "teamspeak", "vagrant", "odoo", "www",
             "usuario", "administrator", "minecraft", "operator", "uucp", "PlcmSpIp", "cisco", "butter", "matt",
             "alex", "daniel", "michael", "monitor", "ts3", "redhat", "centos", "ec2-user", "elastic"]), 45, 0.9)
        self.rdns_names = {}
        pam = "logname= uid=<@uid> euid=<@euid> tty=ssh ruser= rhost=<@rhost>"
        e = self.ev
        e("pam_fail_user", "pam_unix(sshd:auth): authentication failure; " + pam + "  user=<@user>")
        e("pam_fail", "pam_unix(sshd:auth): authentication failure; " + pam)
        e("failed_pw", "Failed password for <@user> from <@ip> port <@port> ssh2")
        e("failed_pw_inv", "Failed password for invalid user <@user> from <@ip> port <@port> ssh2")
        e("failed_none", "Failed none for invalid user <@user> from <@ip> port <@port> ssh2")
        e("bye", "Received disconnect from <@ip>: <@code>: Bye Bye [preauth]")
        e("disc_user", "Received disconnect from <@ip>: <@code>: disconnected by user")
        e("disc_closed", "Received disconnect from <@ip>: <@code>: Closed due to user request. [preauth]")
        e("err_nomore", "error: Received disconnect from <@ip>: <@code>: No more user authentication methods "
          "available. [preauth]")
        e("err_jsch", "error: Received disconnect from <@ip>: <@code>: com.jcraft.jsch.JSchException: Auth fail "
          "[preauth]")
        e("reverse", "reverse mapping checking getaddrinfo for <@rdns> [<@ip>] failed - POSSIBLE BREAK-IN ATTEMPT!")
        e("maps", "Address <@ip> maps to <@rdns>, but this does not map back to the address - POSSIBLE BREAK-IN "
          "ATTEMPT!")
        e("invalid", "Invalid user <@user> from <@ip>")
        e("inv_req", "input_userauth_request: invalid user <@user> [preauth]")
        e("check_pass", "pam_unix(sshd:auth): check pass; user unknown")
        e("closed_pre", "Connection closed by <@ip> [preauth]")
        e("too_many", "Disconnecting: Too many authentication failures for <@user> [preauth]")
        e("pam_more_user", "PAM <@n> more authentication failures; " + pam + "  user=<@user>")
        e("pam_more", "PAM <@n> more authentication failures; " + pam)
        e("pam_1more", "PAM <@n> more authentication failure; " + pam + "  user=<@user>")
        e("ignoring", "PAM service(sshd) ignoring max retries; <@a> > <@b>")
        e("repeated", "message repeated <@n> times: [ Failed password for <@user> from <@ip> port <@port> ssh2]")
        e("repeated_inv", "message repeated <@n> times: [ Failed password for invalid user <@user> from <@ip> "
          "port <@port> ssh2]")
        e("no_ident", "Did not receive identification string from <@ip>")
        e("accepted", "Accepted password for <@user> from <@ip> port <@port> ssh2")
        e("sess_open", "pam_unix(sshd:session): session opened for user <@user> by (uid=<@uid>)")
        e("sess_close", "pam_unix(sshd:session): session closed for user <@user>")
        e("sftp", "subsystem request for sftp by user <@user>")
        e("read_reset", "fatal: Read from socket failed: Connection reset by peer [preauth]")
        e("write_reset", "fatal: Write failed: Connection reset by peer [preauth]")
        e("bad_proto", "Bad protocol version identification '<@banner>' from <@ip> port <@port>")
        e("timeout", "Timeout, client not responding.")

    def next_pid(self):
        self.pid += self.r.randint(1, 9)
        return self.pid

    def v_uid(self):
        return 0

    v_euid = v_uid

    def v_port(self):
        return self.r.randint(1024, 65000)

    def v_code(self):
        return 11

    def rdns(self, ip):
        if ip not in self.rdns_names:
            r = self.r
            a = ip.split(".")
            self.rdns_names[ip] = weighted(r, [
                ("%s-%s-%s-%s.static.%s.net" % (a[0], a[1], a[2], a[3], r.choice(["tpnet", "gdtel", "vnpt", "brt"])), 3),
                ("host%s.%s.com" % (a[3], r.choice(["sinanet", "kualitas", "marryal", "xhnet"])), 2),
                ("%s.%s" % (r.choice(["ns", "mail", "srv1", "unassigned", "customer"]),
                            r.choice(["dzkhost.com", "rev.poneytelecom.eu", "hinet-ip.net", "ip-pool.cz"])), 2)])
        return self.rdns_names[ip]

    def w(self, key, pid, **v):
        v["_pid"] = pid
        return (key, v)

    def e_bruteforce_root(self):
        r = self.r
        ip = self.attackers()
        rhost = ip if r.random() < 0.8 else self.rdns(ip)
        user = weighted(r, [("root", 20), (r.choice(self.users), 1)])
        items = []
        pid = self.next_pid()
        if r.random() < 0.3:
            items.append(self.w("reverse", pid, rdns=self.rdns(ip), ip=ip))
        port = self.v_port()
        n = weighted(r, [(1, 12), (2, 3), (3, 1), (6, 1)])
        for i in range(n):
            items.append(self.w("pam_fail_user", pid, rhost=rhost, user=user))
            items.append(self.w("failed_pw", pid, user=user, ip=ip, port=port))
        if n == 6:
            if r.random() < 0.5:
                items.insert(len(items) - 2, self.w("repeated", pid, n=2, user=user, ip=ip, port=port))
            items.append(self.w("too_many", pid, user=user))
            items.append(self.w("pam_more_user", pid, n=5, rhost=rhost, user=user))
            items.append(self.w("ignoring", pid, a=6, b=3))
        elif r.random() < 0.75:
            items.append(self.w("bye", pid, ip=ip))
        else:
            items.append(self.w("closed_pre", pid, ip=ip))
        return items

    def e_maxtries(self):
        r = self.r
        ip = self.attackers()
        rhost = ip
        user = "root"
        pid = self.next_pid()
        port = self.v_port()
        items = [self.w("pam_fail_user", pid, rhost=rhost, user=user)]
        k = r.randint(1, 3)
        for _ in range(k):
            items.append(self.w("failed_pw", pid, user=user, ip=ip, port=port))
        items.append(self.w("repeated", pid, n=r.randint(2, 5), user=user, ip=ip, port=port))
        items.append(self.w("too_many", pid, user=user))
        items.append(self.w("pam_more_user", pid, n=5, rhost=rhost, user=user))
        items.append(self.w("ignoring", pid, a=6, b=3))
        return items

    def e_invalid(self):
        r = self.r
        ip = self.scanners()
        user = self.invalid()
        pid = self.next_pid()
        port = self.v_port()
        items = []
        if r.random() < 0.35:
            items.append(self.w("reverse", pid, rdns=self.rdns(ip), ip=ip))
        items += [self.w("invalid", pid, user=user, ip=ip),
                  self.w("inv_req", pid, user=user),
                  self.w("check_pass", pid),
                  self.w("pam_fail", pid, rhost=ip if r.random() < 0.85 else self.rdns(ip)),
                  self.w("failed_pw_inv", pid, user=user, ip=ip, port=port)]
        if r.random() < 0.04:
            items.append(self.w("repeated_inv", pid, n=2, user=user, ip=ip, port=port))
        items.append(self.w(weighted(r, [("bye", 6), ("closed_pre", 2)]), pid, ip=ip))
        return items

    def e_invalid_none(self):
        ip = self.scanners()
        user = self.invalid()
        pid = self.next_pid()
        return [self.w("invalid", pid, user=user, ip=ip), self.w("inv_req", pid, user=user),
                self.w("failed_none", pid, user=user, ip=ip, port=self.v_port()),
                self.w("closed_pre", pid, ip=ip)]

    def e_scan(self):
        r = self.r
        ip = self.scanners()
        pid = self.next_pid()
        k = r.random()
        if k < 0.45:
            return [self.w("no_ident", pid, ip=ip)]
        if k < 0.75:
            return [self.w("reverse", pid, rdns=self.rdns(ip), ip=ip), self.w("closed_pre", pid, ip=ip)]
        return [self.w("maps", pid, ip=ip, rdns=self.rdns(ip)), self.w("bye", pid, ip=ip)]

    def e_login(self):
        r = self.r
        ip = r.choice(self.friends)
        user = r.choice(self.users)
        pid = self.next_pid()
        items = [self.w("accepted", pid, user=user, ip=ip, port=self.v_port()),
                 self.w("sess_open", pid, user=user, uid=0)]
        if r.random() < 0.3 or user == "jmliu":
            items.append(self.w("sftp", pid, user=user))
        items2 = [self.w("disc_user", pid, ip=ip, _gap=r.uniform(60, 3000)), self.w("sess_close", pid, user=user)]
        self.later(r.randint(5, 150), items2)
        return items

    def e_jsch(self):
        ip = self.attackers()
        pid = self.next_pid()
        return [self.w("pam_fail_user", pid, rhost=ip, user="root"),
                self.w("failed_pw", pid, user="root", ip=ip, port=self.v_port()),
                self.w("err_jsch", pid, ip=ip, code=3)]

    def e_nomore(self):
        r = self.r
        ip = self.scanners()
        pid = self.next_pid()
        user = self.invalid()
        return [self.w("invalid", pid, user=user, ip=ip), self.w("inv_req", pid, user=user),
                self.w("err_nomore", pid, ip=ip, code=14)]

    def weighted_episodes(self):
        return [(52, self.e_bruteforce_root), (4, self.e_maxtries), (33, self.e_invalid), (12, self.e_scan),
                (1.2, self.e_invalid_none), (0.9, self.e_nomore)]

    def fixed_episodes(self):
        r = self.r
        return [
            (6, self.e_login),
            (2, self.e_jsch),
            (1, lambda: [self.w("pam_1more", self.next_pid(), n=1, rhost=self.attackers(), user="root")]),
            (1, lambda: [self.w("pam_more", self.next_pid(), n=2, rhost=self.scanners())]),
            (3, lambda: [self.w("read_reset", self.next_pid())]),
            (1, lambda: [self.w("write_reset", self.next_pid())]),
            (2, lambda: [self.w("bad_proto", self.next_pid(), ip=self.scanners(), port=self.v_port(),
                                banner=r.choice(["GET / HTTP/1.1", "\\003"]))]),
            (1, lambda: [self.w("disc_closed", self.next_pid(), ip=self.scanners(), code=11)]),
            (1, lambda: [self.w("timeout", self.next_pid())]),
        ]

    def render(self, t, ev, vals, content):
        return "%s %2d %s %s sshd[%d]: %s" % (MONTH[t.month - 1], t.day, t.strftime("%H:%M:%S"), self.host,
                                               vals["_pid"], content)


# ---------------------------------------------------------------------------
# 3. Linux (2005-era Red Hat box "combo": syslog /var/log/messages)
# ---------------------------------------------------------------------------

class Linux(System):
    name = "Linux"
    log_format = r"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>"
    settings = {"regex": [r"(\d+\.){3}\d+", r"\d{2}:\d{2}:\d{2}"], "st": 0.39, "depth": 6}
    start = datetime(2005, 6, 14, 15, 16, 1)
    mean_gap = 3600.0
    inner_gap = (0.0, 1.2)

    BOOT_KERNEL = [
        ("k_version", "Linux version <@kver> (<@builder>) (gcc version <@gcc> (Red Hat Linux <@gccrel>)) #<@bn> "
                      "<@bdate>",
         dict(kver="2.6.5-1.358", builder="bhcompile@bugs.build.redhat.com", gcc="3.3.3 20040412",
              gccrel="3.3.3-7", bn="1", bdate="Sat May 8 09:04:50 EDT 2004")),
        ("k_ramhdr", "BIOS-provided physical RAM map:", {}),
        ("k_e820u", "BIOS-e820: <@a> - <@b> (usable)", dict(a="0000000000000000", b="000000000009f800")),
        ("k_e820r", "BIOS-e820: <@a> - <@b> (reserved)", dict(a="000000000009f800", b="00000000000a0000")),
        ("k_e820r", None, dict(a="00000000000f0000", b="0000000000100000")),
        ("k_e820u", None, dict(a="0000000000100000", b="0000000007eae000")),
        ("k_e820r", None, dict(a="0000000007eae000", b="0000000008000000")),
        ("k_e820r", None, dict(a="00000000ffb00000", b="0000000100000000")),
        ("k_highmem", "<@n> HIGHMEM available.", dict(n="0MB")),
        ("k_lowmem", "<@n> LOWMEM available.", dict(n="126MB")),
        ("k_zap", "zapping low mappings.", {}),
        ("k_totalpages", "On node <@n> totalpages: <@p>", dict(n="0", p="32430")),
        ("k_dmazone", "DMA zone: <@p> pages, LIFO batch:<@b>", dict(p="4096", b="1")),
        ("k_normzone", "Normal zone: <@p> pages, LIFO batch:<@b>", dict(p="28334", b="6")),
        ("k_cmdline", "Kernel command line: <@cmd>", dict(cmd="ro root=LABEL=/ rhgb quiet")),
        ("k_initcpu", "Initializing CPU#<@n>", dict(n="0")),
        ("k_mhz", "Detected <@mhz> MHz processor.", dict(mhz="731.189")),
        ("k_tsc", "Using tsc for high-res timesource", {}),
        ("k_dentry", "Dentry cache hash table entries: <@n> (order: <@o>, <@b> bytes)",
         dict(n="16384", o="4", b="65536")),
        ("k_inode", "Inode-cache hash table entries: <@n> (order: <@o>, <@b> bytes)", dict(n="8192", o="3", b="32768")),
        ("k_memory", "Memory: <@a>/<@b> available (<@c> kernel code, <@d> reserved, <@e> data, <@f> init, "
                     "<@g> highmem)",
         dict(a="125312k", b="129720k", c="1540k", d="3860k", e="599k", f="144k", g="0k")),
        ("k_bogo", "Calibrating delay loop... <@b> BogoMIPS", dict(b="1445.88")),
        ("k_selinux", "SELinux: Initializing.", {}),
        ("k_l1", "CPU: L1 I cache: <@i>, L1 D cache: <@d>", dict(i="16K", d="16K")),
        ("k_l2", "CPU: L2 cache: <@c>", dict(c="256K")),
        ("k_cpu", "CPU: Intel Pentium III (Coppermine) stepping <@s>", dict(s="06")),
        ("k_hlt", "Checking 'hlt' instruction... OK.", {}),
        ("k_netfam", "NET: Registered protocol family <@n>", dict(n="16")),
        ("k_pcitype", "PCI: Using configuration type <@n>", dict(n="1")),
        ("k_acpirev", "ACPI: Subsystem revision <@v>", dict(v="20040326")),
        ("k_usbfs", "usbcore: registered new driver usbfs", {}),
        ("k_audit", "audit(<@ts>): initialized", dict(ts="1122475266.4294965305:0")),
        ("k_rtc", "Real Time Clock Driver <@v>", dict(v="v1.12")),
        ("k_serial", "Serial: 8250/16550 driver $Revision: <@rev> $ <@n> ports, IRQ sharing enabled",
         dict(rev="1.90", n="8")),
        ("k_ide", "Uniform Multi-Platform E-IDE driver Revision: <@v>", dict(v="7.00alpha2")),
        ("k_hda", "<@dev>: <@model>, ATA DISK drive", dict(dev="hda", model="WDC WD800JB-00JJC0")),
        ("k_ide0", "<@ide> at <@ports> on irq <@irq>", dict(ide="ide0", ports="0x1f0-0x1f7,0x3f6", irq="14")),
        ("k_kbd", "input: AT Translated Set 2 keyboard on <@port>", dict(port="isa0060/serio0")),
        ("k_netfam", None, dict(n="2")),
        ("k_iproute", "IP: routing cache hash table of <@n> buckets, <@k>", dict(n="512", k="4Kbytes")),
        ("k_tcphash", "TCP: Hash tables configured (established <@a> bind <@b>)", dict(a="8192", b="16384")),
        ("k_netfam", None, dict(n="1")),
        ("k_freeing", "Freeing unused kernel memory: <@n> freed", dict(n="144k")),
        ("k_kjournald", "kjournald starting. Commit interval <@n> seconds", dict(n="5")),
        ("k_ext3fs", "EXT3 FS on <@dev>, internal journal", dict(dev="hda2")),
        ("k_ext3mount", "EXT3-fs: mounted filesystem with ordered data mode.", {}),
        ("k_swap", "Adding <@n> swap on <@dev>. Priority:<@p> extents:<@e>",
         dict(n="1044184k", dev="/dev/hda3", p="-1", e="1")),
        ("k_iptables", "ip_tables: (C) 2000-2002 Netfilter core team", {}),
        ("k_eth0", "<@if>: RealTek RTL8139 at <@addr>, <@mac>, IRQ <@irq>",
         dict(addr="0xd0a6e000", mac="00:10:4b:7c:a1:13", irq="11")),
        ("k_linkup", "<@if>: link up, <@speed>, full-duplex, lpa <@lpa>", dict(speed="100Mbps", lpa="0x45E1")),
    ]
    BOOT_SERVICES = [
        ("syslog", None, "startup", dict(svc="syslogd")),
        ("syslog", None, "startup", dict(svc="klogd")),
        ("irqbalance", None, "startup", dict(svc="irqbalance")),
        ("portmap", None, "startup", dict(svc="portmap")),
        ("rpc.statd", 1631, "statd_ver", dict(v="1.0.6")),
        ("nfslock", None, "startup", dict(svc="rpc.statd")),
        ("rpcidmapd", None, "startup", dict(svc="rpc.idmapd")),
        ("random", None, "random_init", {}),
        ("network", None, "lo_up", {}),
        ("network", None, "if_up", dict(iface="eth0")),
        ("sysctl", None, "sysctl_fwd", dict(v="0")),
        ("sysctl", None, "sysctl_rp", dict(v="1")),
        ("sysctl", None, "sysctl_sysrq", dict(v="0")),
        ("sysctl", None, "sysctl_core", dict(v="1")),
        ("network", None, "netparams", {}),
        ("hcid", 1690, "hcid_ver", dict(v="2.4")),
        ("bluetooth", None, "startup", dict(svc="hcid")),
        ("xinetd", 1761, "xinetd_ver", dict(v="2.3.13")),
        ("xinetd", 1761, "xinetd_working", dict(n="2")),
        ("sendmail", 1786, "aliases_rebuilt", dict(f="/etc/aliases", u="root")),
        ("sendmail", 1786, "aliases_stats", dict(f="/etc/aliases", n="63", l="10", t="625")),
        ("sendmail", None, "startup", dict(svc="sendmail")),
        ("sendmail", None, "startup", dict(svc="sm-client")),
        ("gpm", 1815, "gpm", dict(line="95")),
        ("crond", None, "startup", dict(svc="crond")),
        ("xfs", None, "startup", dict(svc="xfs")),
        ("anacron", None, "startup", dict(svc="anacron")),
        ("atd", None, "startup", dict(svc="atd")),
        ("messagebus", None, "startup", dict(svc="messagebus")),
        ("cups", None, "startup", dict(svc="cupsd")),
        ("httpd", None, "startup", dict(svc="httpd")),
        ("snmpd", 1944, "snmp_ver", dict(v="5.1.2")),
        ("snmpd", None, "startup", dict(svc="snmpd")),
        ("rc", None, "pcmcia", {}),
    ]

    def define(self):
        r = self.r
        self.host = "combo"
        self.pid = 19930
        self.ev_sshd_attackers = self.pool(lambda: weighted(r, [(self.pub_ip(), 3), (self.dyn_name(), 2)]), 50, 1.1)
        self.ftp_sources = self.pool(lambda: self.pub_ip(), 40, 0.9)
        self.ftp_names = {}
        self.klog_src = self.pool(lambda: self.pub_ip(), 8, 1.0)
        pam = "logname= uid=<@uid> euid=<@euid> tty=NODEVssh ruser= rhost=<@rhost>"
        e = self.ev
        e("auth_fail", "authentication failure; " + pam, trail=True)
        e("auth_fail_user", "authentication failure; " + pam + "  user=<@user>")
        e("check_pass", "check pass; user unknown")
        e("sess_open", "session opened for user <@user> by (uid=<@uid>)")
        e("sess_close", "session closed for user <@user>")
        e("login_open", "session opened for user <@user> by LOGIN(uid=<@uid>)")
        e("root_login", "ROOT LOGIN ON <@tty>")
        e("ftp_conn", "connection from <@ip> (<@rname>) at <@date>", trail=True)
        e("ftp_anon", "ANONYMOUS FTP LOGIN FROM <@ip>, (anonymous)")
        e("ftp_getpeer", "getpeername (ftpd): Transport endpoint is not connected")
        e("logrotate", "ALERT exited abnormally with [<@code>]")
        e("startup", "<@svc> startup succeeded")
        e("shutdown", "<@svc> shutdown succeeded")
        e("restart", "restart.")
        e("klogd", "klogd <@v>, log source = <@src> started.")
        e("exiting_sig", "Kernel logging (proc) stopped.")
        e("klog_replay", "Authentication failed from <@ip> (<@ip>): Permission denied in replay cache code")
        e("klog_abort", "Authentication failed from <@ip> (<@ip>): Software caused connection abort")
        e("klog_kerb", "Kerberos authentication failed")
        e("gdm_fail", "authentication failure; logname= uid=<@uid> euid=<@euid> tty=:<@disp> ruser= rhost=")
        e("gdm_couldnt", "Couldn't authenticate user")
        e("snmp_pkt", "Received SNMP packet(s) from <@ip>")
        e("ttloop", "ttloop: peer died: Invalid or incomplete multibyte or wide character")
        e("named_soa", "notify question section contains no SOA")
        e("statd_ver", "Version <@v> Starting")
        e("random_init", "Initializing random number generator: succeeded")
        e("dd_in", "<@n> records in")
        e("dd_out", "<@n> records out")
        e("lo_up", "Bringing up loopback interface: succeeded")
        e("if_up", "Bringing up interface <@iface>: succeeded")
        e("netparams", "Setting network parameters: succeeded")
        e("sysctl_fwd", "net.ipv4.ip_forward = <@v>")
        e("sysctl_rp", "net.ipv4.conf.default.rp_filter = <@v>")
        e("sysctl_sysrq", "kernel.sysrq = <@v>")
        e("sysctl_core", "kernel.core_uses_pid = <@v>")
        e("hcid_ver", "HCI daemon ver <@v> started")
        e("xinetd_ver", "xinetd Version <@v> started with libwrap loadavg options compiled in.")
        e("xinetd_working", "Started working: <@n> available services")
        e("aliases_rebuilt", "alias database <@f> rebuilt by <@u>")
        e("aliases_stats", "<@f>: <@n> aliases, longest <@l> bytes, <@t> bytes total")
        e("gpm", "*** info [startup.c(<@line>)]: Started gpm successfully. Entered daemon mode.")
        e("snmp_ver", "NET-SNMP version <@v>")
        e("pcmcia", "Starting pcmcia: succeeded")
        e("oom", "Out of Memory: Killed process <@kpid> (<@proc>).")
        for key, text, _ in self.BOOT_KERNEL:
            if text is not None:
                e(key, text)

    def dyn_name(self):
        r = self.r
        a, b, c, d = (r.randint(1, 223), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
        return weighted(r, [("%d-%d-%d-%d.hinet-ip.example.net" % (a, b, c, d), 3),
                            ("host%d-%d-%d-%d.dsl.example-isp.com" % (a, b, c, d), 2),
                            ("%d.%d.%d.%d.adsl.example.ru" % (d, c, b, a), 1),
                            ("ns%d.examplehost.co.kr" % r.randint(1, 9), 1)])

    def next_pid(self, k=40):
        self.pid += self.r.randint(1, k)
        if self.pid > 32000:
            self.pid = 1500 + self.r.randint(0, 200)
        return self.pid

    def v_uid(self):
        return 0

    v_euid = v_uid

    def v_if(self):
        return "eth0"

    def ftp_name(self, ip):
        if ip not in self.ftp_names:
            r = self.r
            a = ip.split(".")
            self.ftp_names[ip] = weighted(r, [("", 3), ("%s-%s-%s-%s.cable.example.net" % tuple(a), 2),
                                              ("host%s.%s.%s.%s.example-asp.com" % (a[3], a[0], a[1], a[2]), 1),
                                              ("dialup-%s.%s.example.fr" % (a[3], a[2]), 1)])
        return self.ftp_names[ip]

    @staticmethod
    def ctime(t):
        return "%s %s %2d %s %d" % (WEEKDAY[t.weekday()], MONTH[t.month - 1], t.day, t.strftime("%H:%M:%S"),
                                   t.year)

    def it(self, comp, pid, key, gap=None, **v):
        v["_comp"] = comp
        v["_pid"] = pid
        if gap is not None:
            v["_gap"] = gap
        return (key, v)

    # -- episodes ---------------------------------------------------------------
    def e_sshd_burst(self):
        r = self.r
        rhost = self.ev_sshd_attackers()
        n = weighted(r, [(1, 3), (2, 3), (4, 2), (6, 2), (10, 2), (16, 1)])
        items = []
        mode = weighted(r, [("root", 5), ("unknown", 4), ("mixed", 2)])
        for i in range(n):
            pid = self.next_pid(3)
            g = 0.0 if i else None
            if mode == "root" or (mode == "mixed" and r.random() < 0.5):
                items.append(self.it("sshd(pam_unix)", pid, "auth_fail_user", gap=g, rhost=rhost,
                                     user=weighted(r, [("root", 12), ("guest", 1), ("test", 1)])))
            else:
                items.append(self.it("sshd(pam_unix)", pid, "check_pass", gap=g))
                items.append(self.it("sshd(pam_unix)", pid, "auth_fail", gap=0.0, rhost=rhost))
        if r.random() < 0.4:
            items.sort(key=lambda x: x[0] != "check_pass")
        return items

    def e_ftp_burst(self):
        r = self.r
        ip = self.ftp_sources()
        name = self.ftp_name(ip)
        n = weighted(r, [(1, 2), (2, 2), (5, 2), (10, 2), (17, 1), (25, 1)])
        items = []
        for i in range(n):
            items.append(self.it("ftpd", self.next_pid(4), "ftp_conn", gap=0.0 if i else None, ip=ip, rname=name,
                                 date=self.ctime))
        if r.random() < 0.06:
            items.append(self.it("ftpd", self.pid, "ftp_anon", ip=ip))
        return items

    def at_four(self, sunday=False):
        r = self.r

        def nxt(t):
            d = t.replace(hour=4, minute=r.randint(2, 6), second=r.randint(0, 59))
            while d <= t or (sunday and d.weekday() != 6):
                d += timedelta(days=1)
            return d
        return nxt

    def e_daily(self, sunday=False):
        r = self.r
        items = []
        for user in ("cyrus", "news"):
            pid = self.next_pid(300)
            items.append(self.it("su(pam_unix)", pid, "sess_open", gap=r.uniform(10, 600) if items else None,
                                 user=user, uid=0))
            if len(items) == 1:
                items[0][1]["_next"] = self.at_four(sunday)
            items.append(self.it("su(pam_unix)", pid, "sess_close", gap=r.uniform(0.5, 2), user=user))
            if user == "cyrus" and r.random() < 0.9:
                items.append(self.it("logrotate", None, "logrotate", gap=r.uniform(0.5, 2), code=1))
        return items

    def e_weekly_restart(self):
        r = self.r
        items = self.e_daily(sunday=True)
        seq = [("cups", None, "shutdown", dict(svc="cupsd")), ("cups", None, "startup", dict(svc="cupsd")),
               ("syslogd 1.4.1", None, "restart", {}),
               ("syslog", None, "startup", dict(svc="syslogd")),
               ("kernel", None, "klogd", dict(v="1.4.1", src="/proc/kmsg"))]
        if r.random() < 0.5:
            seq.insert(2, ("syslog", None, "shutdown", dict(svc="klogd")))
        for comp, pid, key, v in seq:
            items.append(self.it(comp, pid, key, gap=r.uniform(0.5, 4), **v))
        return items

    def e_user_session(self):
        r = self.r
        comp = weighted(r, [("sshd(pam_unix)", 3), ("su(pam_unix)", 2)])
        user, uid = (("test", 509) if comp.startswith("sshd") else ("root", r.choice([500, 509, 0])))
        pid = self.next_pid()
        self.later(r.randint(0, 8), [self.it(comp, pid, "sess_close", gap=r.uniform(5, 5000), user=user)])
        return [self.it(comp, pid, "sess_open", user=user, uid=uid)]

    def e_klogind(self):
        r = self.r
        ip = self.klog_src()
        items = []
        for _ in range(weighted(r, [(1, 3), (2, 2), (4, 1)])):
            pid = self.next_pid(3)
            key = weighted(r, [("klog_replay", 5), ("klog_abort", 1)])
            items.append(self.it("klogind", pid, key, ip=ip))
            items.append(self.it("klogind", pid, "klog_kerb", gap=0.0))
        return items

    def e_gdm(self):
        pid = self.next_pid()
        return [self.it("gdm(pam_unix)", pid, "gdm_fail", disp=0),
                self.it("gdm-binary", pid, "gdm_couldnt", gap=self.r.uniform(1, 9))]

    def e_snmp(self):
        return [self.it("snmpd", 1944, "snmp_pkt", ip=self.r.choice(["67.170.148.9", "218.30.116.4"]))]

    def e_boot(self):
        r = self.r
        items = [self.it("syslog", None, "shutdown", svc="klogd"), self.it("syslog", None, "shutdown", svc="syslogd"),
                 self.it("kernel", None, "exiting_sig", gap=0.5),
                 self.it("syslogd 1.4.1", None, "restart", gap=r.uniform(60, 200)),
                 self.it("syslog", None, "startup", svc="syslogd"),
                 self.it("kernel", None, "klogd", v="1.4.1", src="/proc/kmsg")]
        for key, _, v in self.BOOT_KERNEL:
            items.append(self.it("kernel", None, key, gap=0.0, **v))
        for comp, pid, key, v in self.BOOT_SERVICES:
            items.append(self.it(comp, pid, key, gap=r.uniform(0, 3), **v))
            if key == "random_init":
                items.insert(len(items) - 1, self.it("dd", None, "dd_in", gap=0.0, n="1+0"))
                items.insert(len(items) - 1, self.it("dd", None, "dd_out", gap=0.0, n="1+0"))
        return items

    def weighted_episodes(self):
        return [(30, self.e_sshd_burst), (17, self.e_ftp_burst), (6, self.e_daily), (0.9, self.e_weekly_restart),
                (5, self.e_user_session), (3.5, self.e_klogind), (0.8, self.e_snmp)]

    def fixed_episodes(self):
        r = self.r
        return [(1, self.e_boot, 0.71), (2, self.e_gdm),
                (2, lambda: [self.it("login(pam_unix)", self.next_pid(), "login_open", user="root", uid=0),
                             self.it("-- root", self.pid, "root_login", tty=r.choice(["tty2", "tty1"]))]),
                (2, lambda: [self.it("ftpd", self.next_pid(), "ftp_getpeer")]),
                (1, lambda: [self.it("klogind", self.next_pid(), "klog_abort", ip=self.klog_src()),
                             self.it("klogind", self.pid, "klog_kerb", gap=0.0)]),
                (2, lambda: [self.it("telnetd", self.next_pid(), "ttloop")]),
                (2, lambda: [self.it("named", 2306, "named_soa")]),
                (1, lambda: [self.it("kernel", None, "oom", kpid=self.pid - 3, proc="httpd")])]

    def render(self, t, ev, vals, content):
        comp = vals["_comp"]
        pid = vals["_pid"]
        head = "%s %2d %s %s %s" % (MONTH[t.month - 1], t.day, t.strftime("%H:%M:%S"), self.host, comp)
        if pid is not None:
            head += "[%d]" % pid
        return head + ": " + content


# ---------------------------------------------------------------------------
# 4. HealthApp (Android step-counter / health data service, one process)
# ---------------------------------------------------------------------------

class HealthApp(System):
    name = "HealthApp"
    log_format = r"<Time>\|<Component>\|<Pid>\|<Content>"
    settings = {"regex": [], "st": 0.2, "depth": 4}
    start = datetime(2017, 12, 23, 22, 15, 29, 606000)
    mean_gap = 9.0
    inner_gap = (0.0, 0.05)

    def define(self):
        r = self.r
        self.pid = 30002312
        self.steps = 6993             # today's total
        self.stand = 3579             # sensor counter
        self.cal = 126775
        self.alt = 240
        self.dist = 5002
        self.minute_base = 1514038440000
        self.screen_on = True
        self.sync_off_seen = False
        e = self.ev
        e("stand_changed", "onStandStepChanged <@n>")
        e("on_extend", "onExtend:<@ts> <@a> <@b> <@c>")
        e("flush", "flush sensor data")
        e("get_detail", "getTodayTotalDetailSteps = <@a>##<@b>##<@c>##<@d>##<@e>##<@f>")
        e("set_detail", "setTodayTotalDetailSteps=<@a>##<@b>##<@c>##<@d>##<@e>##<@f>")
        e("calories", "calculateCaloriesWithCache totalCalories=<@n>")
        e("altitude", "calculateAltitudeWithCache totalAltitude=<@n>")
        e("report", "REPORT : <@a> <@b> <@c> <@d>")
        e("recv_tick", "onReceive action: android.intent.action.TIME_TICK")
        e("recv_on", "onReceive action: android.intent.action.SCREEN_ON")
        e("recv_off", "onReceive action: android.intent.action.SCREEN_OFF")
        e("recv_user_present", "onReceive action: android.intent.action.USER_PRESENT")
        e("handle_tick", "processHandleBroadcastAction action:android.intent.action.TIME_TICK")
        e("handle_on", "processHandleBroadcastAction action:android.intent.action.SCREEN_ON")
        e("handle_off", "processHandleBroadcastAction action:android.intent.action.SCREEN_OFF")
        e("handle_power", "processHandleBroadcastAction action:android.intent.action.ACTION_POWER_CONNECTED")
        e("screen_unknown", "screen status unknown,think screen on")
        e("set_goal_show", "setGoalNotifiShow isShow=<@b>")
        e("not_show", "isNeedShowNotification() ignore for not show notification")
        e("write_db_time", "setWriteDBLastTime time=<@ts>")
        e("upload_db", "uploadStaticsToDB() onResult type = <@type> obj=<@obj>")
        e("alarm_upload", "Alarm uploadStaticsToDB totalSteps=<@steps>")
        e("upload_failed", "uploadStaticsToDB failed message=<@b>")
        e("one_minute", "upLoadOneMinuteDataToEngine time=<@ts>,step=<@s>,totalCalories=<@c>")
        e("save_detail", "saveHealthDetailData() deviceID = <@dev>,size = <@n>")
        e("insert_fail", "insertHiHealthData() bulkSaveDetailHiHealthData fail errorCode = <@code>,errorMessage = "
          "ERR_DATA_INSERT")
        e("save_one_fail", "saveOneDetailData fail hiHealthData = HiHealthData{type=<@type>, startTime=<@st>, "
          "endTime=<@et>, value=<@val>}")
        e("check_insert", "checkInsertStatus stepSum or calorieSum is enough")
        e("sync_failed_bc", "sendSyncFailedBroadcast")
        e("start_sync", "startSync() syncAction = <@a>, syncType = <@t>")
        e("sync_switch_off", "startSync() sync switch is off")
        e("data_privacy", "initDataPrivacy the dataPrivacy is <@b>")
        e("user_privacy", "initUserPrivacy the userPrivacy is <@b>")
        e("init_env", "initEnviroument")
        e("app_id", "getAppId() packageName = <@pkg>, appId = <@n>")
        e("binder_pkg", "getBinderPackageName packageName = <@pkg>")
        e("stat_day", "statDayData() day = <@day>, type = <@type>, result = <@res>")
        e("notify_step", "notifyRemoteView step = <@n>, goal = <@g>")
        e("goal_reached", "isGoalReached() goal = <@g>, step = <@n>")
        e("health_bind", "onBind intent = Intent { act=<@act> pkg=<@pkg> }")
        e("cache_null", "getStepDataCache() cache is null")

    def it(self, comp, key, **v):
        v["_comp"] = comp
        return (key, v)

    def detail(self, key):
        return self.it("Step_SPUtils", key, a=self.minute_base, b=self.steps, c=self.r.randint(540000, 560000),
                       d=self.steps + 1668, e=self.cal // 10 + self.r.randint(0, 9), f=self.r.randint(27000000, 28000000))

    def walk(self, n):
        items = []
        for _ in range(n):
            inc = self.r.randint(1, 14)
            self.stand += inc
            self.steps += inc
            items.append(self.it("Step_LSC", "stand_changed", n=self.stand))
            items.append(self.it("Step_LSC", "on_extend", ts=self.minute_base + 90000, a=inc,
                                 b=weighted(self.r, [(0, 9), (self.r.randint(1, 3), 1)]), c=4))
        return items

    def e_walk(self):
        return self.walk(weighted(self.r, [(1, 4), (2, 3), (3, 2), (5, 1)]))

    def e_tick(self):
        r = self.r
        self.minute_base += 60000
        items = [self.it("Step_StandReportReceiver", "recv_tick"), self.it("Step_LSC", "handle_tick"),
                 self.it("Step_StandStepCounter", "flush"), self.detail("get_detail")]
        if r.random() < 0.5:
            items += self.walk(1)
        self.cal += r.randint(0, 400)
        items += [self.detail("set_detail"),
                  self.it("Step_ExtSDM", "calories", n=self.cal),
                  self.it("Step_ExtSDM", "altitude", n=self.alt)]
        if r.random() < 0.35:
            items.append(self.it("Step_LSC", "report", a=self.steps, b=self.dist, c=self.cal + 23000, d=self.alt))
        if r.random() < 0.06:
            items.append(self.it("Step_HGNH", "not_show"))
        return items

    def e_screen(self):
        r = self.r
        self.screen_on = not self.screen_on
        if self.screen_on:
            items = [self.it("Step_StandReportReceiver", "recv_on"), self.it("Step_LSC", "handle_on"),
                     self.it("Step_StandStepCounter", "flush"), self.detail("get_detail")]
            if r.random() < 0.3:
                items.append(self.it("Step_ScreenUtil", "screen_unknown"))
            items += [self.detail("set_detail"), self.it("Step_ExtSDM", "calories", n=self.cal),
                      self.it("Step_ExtSDM", "altitude", n=self.alt)]
            if r.random() < 0.15:
                items.insert(1, self.it("Step_StandReportReceiver", "recv_user_present"))
            return items
        return [self.it("Step_StandReportReceiver", "recv_off"), self.it("Step_LSC", "handle_off"),
                self.it("Step_StandStepCounter", "flush"), self.it("Step_LSC", "report", a=self.steps, b=self.dist,
                                                                    c=self.cal + 23000, d=self.alt)]

    def e_upload(self):
        r = self.r
        items = [self.it("Step_FlushableStepDataCache", "write_db_time", ts=self.minute_base + 30000),
                 self.it("Step_FlushableStepDataCache", "one_minute", ts=self.minute_base, s=r.randint(0, 120),
                         c=self.cal),
                 self.it("Step_StandStepDataManager", "alarm_upload", steps=self.steps)]
        if r.random() < 0.25:
            items += [self.it("HiH_HiHealthDataInsertStore", "save_detail", dev=r.choice([1, 1, 2]),
                          n=r.randint(1, 30)),
                      self.it("HiH_HiSyncUtil", "check_insert")]
        items.append(self.it("Step_StandStepDataManager", "upload_db", type=7, obj="true"))
        return items

    def e_insert_fail(self):
        r = self.r
        t0 = self.minute_base - 60000 * r.randint(1, 30)
        return [self.it("HiH_HiHealthDataInsertStore", "save_one_fail", type=r.choice([2, 4, 5]), st=t0,
                        et=t0 + 60000, val=r.randint(0, 90)),
                self.it("HiH_HiHealthDataInsertStore", "insert_fail", code=4),
                self.it("Step_StandStepDataManager", "upload_failed", b="true")]

    def e_sync(self):
        r = self.r
        items = [self.it("HiH_HiSyncControl", "start_sync", a=r.choice([2, 2, 1]), t=r.choice([0, 1, 20000]))]
        if r.random() < 0.4 or not self.sync_off_seen:
            self.sync_off_seen = True
            items.append(self.it("HiH_HiSyncControl", "sync_switch_off"))
            items.append(self.it("HiH_HiBroadcastUtil", "sync_failed_bc"))
        else:
            items.append(self.it("HiH_DataStatManager", "stat_day", day=20171223 + (self.minute_base > 1514044800000),
                                 type=r.choice([40002, 40003, 40004]), res="true"))
        return items

    def e_service_start(self):
        r = self.r
        return [self.it("HiH_HealthKitService", "health_bind", act="com.huawei.health.action.BIND_HEALTH_SERVICE",
                        pkg="com.huawei.health"),
                self.it("HiH_HiHealthDataManager", "init_env"),
                self.it("HiH_HiHealthDataManager", "data_privacy", b="true"),
                self.it("HiH_HiHealthDataManager", "user_privacy", b="true"),
                self.it("HiH_HiAppUtil", "binder_pkg", pkg="com.huawei.health"),
                self.it("HiH_HiAppUtil", "app_id", pkg="com.huawei.health", n=1)]

    def e_notify(self):
        return [self.it("Step_NotificationUtil", "notify_step", n=self.steps, g=10000),
                self.it("Step_HGNH", "set_goal_show", b="false")]

    def weighted_episodes(self):
        return [(52, self.e_walk), (22, self.e_tick), (7, self.e_screen), (3, self.e_upload), (1.6, self.e_notify),
                (0.9, self.e_sync)]

    def fixed_episodes(self):
        return [(1, self.e_service_start, 0.12), (3, self.e_insert_fail), (2, self.e_sync),
                (1, lambda: [self.it("Step_LSC", "handle_power")], 0.45),
                (2, lambda: [self.it("Step_StandStepCounter", "cache_null")]),
                (1, lambda: [self.it("Step_NotificationUtil", "goal_reached", g=10000, n=self.steps)], 0.8)]

    def render(self, t, ev, vals, content):
        ts = "%04d%02d%02d-%d:%d:%d:%d" % (t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond // 1000)
        return "%s|%s|%d|%s" % (ts, vals["_comp"], self.pid, content)


# ---------------------------------------------------------------------------
# 5. Thunderbird (supercomputer syslog collected centrally, 2005)
# ---------------------------------------------------------------------------

class Thunderbird(System):
    name = "Thunderbird"
    log_format = r"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>"
    settings = {"regex": [r"(\d+\.){3}\d+"], "st": 0.5, "depth": 4}
    start = datetime(2005, 11, 9, 12, 0, 58)
    mean_gap = 240.0
    inner_gap = (0.0, 0.4)

    def define(self):
        r = self.r
        prefixes = [("dn", 60), ("an", 20), ("bn", 20), ("cn", 15), ("en", 8)]
        self.nodes = self.pool(lambda: weighted(r, prefixes) + str(r.randint(1, 1024)), 400, 0.35)
        self.pids = {}
        self.sm_pid = 24904
        self.admin = "tbird-admin1"
        self.smhost = "tbird-sm1"
        self.ntp_servers = ["10.100.20.250", "10.100.18.250"]
        e = self.ev
        e("sess_open", "session opened for user <@user> by (uid=<@uid>)")
        e("sess_close", "session closed for user <@user>")
        e("cron_cmd", "(<@user>) CMD (run-parts <@dir>)")
        e("cron_sa1", "(<@user>) CMD (<@cmd> <@a> <@b>)")
        e("sweep_new", "[ib_sm_sweep.c:<@line>]: ********************** NEW SWEEP ********************")
        e("sweep_notopo", "[ib_sm_sweep.c:<@line>]: No topology change")
        e("sweep_topo", "[ib_sm_sweep.c:<@line>]: Topology changed")
        e("sweep_noconf", "[ib_sm_sweep.c:<@line>]: No configuration change required")
        e("sm_conf_new", "[ib_sm_bringup.c:<@line>]: Configuration caused by discovering new ports")
        e("sm_conf_init", "[ib_sm_bringup.c:<@line>]: Configuration caused by some ports in INIT state")
        e("sm_conf_mcast", "[ib_sm_bringup.c:<@line>]: Configuration caused by multicast membership change")
        e("sm_bringup", "[ib_sm_bringup.c:<@line>]: Bringup complete: <@n> nodes, <@m> switches")
        e("sm_port_down", "[ib_sm_discovery.c:<@line>]: Port <@port> of switch <@guid> went DOWN")
        e("sm_port_up", "[ib_sm_discovery.c:<@line>]: Port <@port> of switch <@guid> went ACTIVE")
        e("ntp_sync", "synchronized to <@ip>, stratum <@s>")
        e("ntp_reset", "time reset <@off> s")
        e("ntp_lost", "synchronisation lost")
        e("ntp_kernel", "kernel time sync enabled <@n>")
        e("ssh_pubkey", "Accepted publickey for <@user> from <@ip> port <@port> ssh2")
        e("ssh_closed", "Connection closed by <@ip>")
        e("ssh_noident", "Did not receive identification string from <@ip>")
        e("ssh_bind", "error: Bind to port <@port> on <@ip> failed: Address already in use.")
        e("dhcp_discover", "DHCPDISCOVER from <@mac> via <@if>")
        e("dhcp_offer", "DHCPOFFER on <@ip> to <@mac> via <@if>")
        e("dhcp_request", "DHCPREQUEST for <@ip> (<@srv>) from <@mac> via <@if>")
        e("dhcp_ack", "DHCPACK on <@ip> to <@mac> via <@if>")
        e("dhcp_noleases", "DHCPDISCOVER from <@mac> via <@if>: network <@net>: no free leases")
        e("xinetd_start", "START: tftp pid=<@tpid> from=<@ip>")
        e("tftp_opts", "tftp: client does not accept options")
        e("pbs_badfd", "Bad file descriptor (<@n>) in tm_request, job <@job> not running")
        e("pbs_im_eof", "im_eof, End of File from addr <@addr>")
        e("pbs_kill", "kill_job: job <@job> killed by signal <@sig>")
        e("syslogng_stats", "STATS: dropped <@n>")
        e("syslogng_perm", "Changing permissions on special file <@f>")
        e("syslogng_start", "syslog-ng version <@v> starting")
        e("syslogng_newconf", "new configuration initialized")
        e("k_ticks", "Losing some ticks... checking if CPU frequency changed.")
        e("k_mad", "[KERNEL_IB][ib_mad_dispatch][<@src>]Warning: No client for MAD with class <@cls>")
        e("k_mptabort", "mptscsih: ioc0: attempting task abort! (sc=<@sc>)")
        e("k_mptok", "mptscsih: ioc0: task abort: SUCCESS (sc=<@sc>)")
        e("k_drive_status", "<@dev>: drive_cmd: status=<@st> { DriveReady SeekComplete Error }")
        e("k_drive_error", "<@dev>: drive_cmd: error=<@err> { DriveStatusError }")
        e("k_e1000_up", "e1000: <@if>: e1000_watchdog: NIC Link is Up <@speed> Mbps Full Duplex")
        e("k_e1000_down", "e1000: <@if>: e1000_watchdog: NIC Link is Down")
        e("k_nfs_slow", "nfs: server <@srv> not responding, still trying")
        e("k_nfs_ok", "nfs: server <@srv> OK")
        e("k_busy", "VFS: Busy inodes after unmount. Self-destruct in 5 seconds. Have a nice day...")
        e("k_mtrr", "mtrr: type mismatch for <@a>,<@b> old: write-back new: write-combining")
        e("k_oom", "Out of Memory: Killed process <@kpid> (<@proc>).")
        e("k_ext3", "EXT3-fs error (device <@dev>): ext3_find_entry: reading directory #<@ino> offset <@off>")
        e("k_temp_hi", "CPU<@n>: Temperature above threshold")
        e("k_temp_ok", "CPU<@n>: Temperature/speed normal")
        e("k_rpc", "RPC: error <@n> connecting to server <@srv>")
        e("postdrop", "warning: unable to look up public/pickup: No such file or directory")
        e("logrotate", "ALERT exited abnormally with [<@code>]")
        e("automount", "lookup(yp): key \"<@mapkey>\" not found in map.")
        e("gmond", "gmond startup succeeded")
        e("smartd", "Device: <@dev>, SMART Prefailure Attribute: <@n> <@attr> changed from <@a> to <@b>")

    def node_pid(self, node):
        p = self.pids.get(node, self.r.randint(1800, 30000)) + self.r.randint(1, 60)
        self.pids[node] = p if p < 32000 else 1500
        return self.pids[node]

    def it(self, node, comp, pid, key, gap=None, loc=None, label="-", **v):
        v.update(_node=node, _comp=comp, _pid=pid, _loc=loc or "%s/%s" % (node, node), _label=label)
        if gap is not None:
            v["_gap"] = gap
        return (key, v)

    def next_hour(self, t):
        d = t.replace(minute=1, second=self.r.randint(0, 2))
        while d <= t:
            d += timedelta(hours=1)
        return d

    def e_cron(self):
        r = self.r
        items = []
        for i in range(weighted(r, [(2, 1), (4, 2), (8, 3), (12, 2), (20, 1)])):
            node = self.nodes()
            p = self.node_pid(node)
            g = 0.0 if i else None
            seq = [("crond(pam_unix)", p, "sess_open", dict(user="root", uid=0)),
                   ("crond", p + 1, "cron_cmd", dict(user="root", dir="/etc/cron.hourly")),
                   ("crond(pam_unix)", p, "sess_close", dict(user="root"))]
            if r.random() < 0.25:
                seq = seq[1:] if r.random() < 0.5 else [seq[0], seq[2], seq[1]]
            for comp, pid, key, v in seq:
                items.append(self.it(node, comp, pid, key, gap=g, **v))
                g = weighted(r, [(0.0, 6), (1.0, 1)])
        items[0][1]["_next"] = self.next_hour
        if r.random() < 0.3:
            head = items[0]
            rest = items[1:]
            r.shuffle(rest)
            items = [head] + rest
        return items

    def e_sa1(self):
        node = self.r.choice([self.admin, "tbird-sn1", "tbird-sn2"])
        p = self.node_pid(node)
        loc = "local@" + node
        return [self.it(node, "crond(pam_unix)", p, "sess_open", loc=loc, user="root", uid=0),
                self.it(node, "crond", p + 1, "cron_sa1", loc=loc, user="root", cmd="/usr/lib/sa/sa1", a=1, b=1),
                self.it(node, "crond(pam_unix)", p, "sess_close", loc=loc, user="root")]

    def sm(self, key, **v):
        return self.it(self.smhost, "ib_sm.x", self.sm_pid, key, loc="src@" + self.smhost, **v)

    def e_sweep(self):
        r = self.r
        items = [self.sm("sweep_new", line=1831), self.sm("sweep_notopo", line=1455)]
        if r.random() < 0.55:
            items.append(self.sm("sweep_noconf", line=1482))
        return items

    def e_sweep_change(self):
        r = self.r
        guid = "0x%s" % hexs(r, 16)
        port = r.randint(1, 24)
        kind = weighted(r, [("down", 3), ("up", 3), ("mcast", 2), ("init", 1)])
        items = [self.sm("sweep_new", line=1831)]
        if kind in ("down", "up"):
            items.append(self.sm("sm_port_down" if kind == "down" else "sm_port_up", line=1042, port=port, guid=guid))
            items.append(self.sm("sweep_topo", line=1442))
            items.append(self.sm("sm_conf_new" if kind == "up" else "sm_conf_init", line=566))
        else:
            items.append(self.sm("sweep_notopo", line=1455))
            items.append(self.sm("sm_conf_mcast", line=572))
        items.append(self.sm("sm_bringup", line=603, n=r.choice([4436, 4437, 4438]), m=r.choice([288, 289])))
        return items

    def e_ntp(self):
        r = self.r
        node = self.nodes()
        pid = self.pids.setdefault(node + "/ntpd", r.randint(2000, 4000))
        k = r.random()
        if k < 0.6:
            return [self.it(node, "ntpd", pid, "ntp_sync", ip=r.choice(self.ntp_servers), s=r.choice([3, 3, 4]))]
        if k < 0.85:
            off = "%s%.6f" % (r.choice(["+", "-"]), r.uniform(0.1, 1.9))
            return [self.it(node, "ntpd", pid, "ntp_reset", off=off),
                    self.it(node, "ntpd", pid, "ntp_sync", gap=r.uniform(60, 300), ip=r.choice(self.ntp_servers),
                            s=3)]
        return [self.it(node, "ntpd", pid, "ntp_lost"),
                self.it(node, "ntpd", pid, "ntp_sync", gap=r.uniform(30, 300), ip=r.choice(self.ntp_servers), s=4)]

    def e_ssh(self):
        r = self.r
        node = self.nodes()
        p = self.node_pid(node)
        ip = "10.100.%d.%d" % (r.choice([4, 4, 8, 16, 20]), r.randint(1, 254))
        user = weighted(r, [("root", 8), ("pbsadmin", 1), ("jdmoore", 1)])
        items = [self.it(node, "sshd", p, "ssh_pubkey", user=user, ip=ip, port=r.randint(32768, 61000)),
                 self.it(node, "sshd(pam_unix)", p + 2, "sess_open", user=user, uid=0 if user == "root" else 5124)]
        self.later(r.randint(0, 20), [self.it(node, "sshd(pam_unix)", p + 2, "sess_close", gap=r.uniform(1, 60),
                                             user=user)])
        return items

    def e_dhcp(self):
        r = self.r
        mac = "00:11:43:%02x:%02x:%02x" % (r.randint(0, 255), r.randint(0, 255), r.randint(0, 255))
        ip = "10.100.%d.%d" % (r.randint(1, 30), r.randint(1, 254))
        a = self.admin
        loc = "local@" + a
        if r.random() < 0.2:
            return [self.it(a, "dhcpd", None, "dhcp_noleases", loc=loc, mac=mac, **{"if": "eth1"},
                            net="10.100.0.0/16")]
        items = [self.it(a, "dhcpd", None, "dhcp_discover", loc=loc, mac=mac, **{"if": "eth1"}),
                 self.it(a, "dhcpd", None, "dhcp_offer", loc=loc, ip=ip, mac=mac, **{"if": "eth1"}),
                 self.it(a, "dhcpd", None, "dhcp_request", loc=loc, ip=ip, srv="10.100.0.250", mac=mac,
                         **{"if": "eth1"}),
                 self.it(a, "dhcpd", None, "dhcp_ack", loc=loc, ip=ip, mac=mac, **{"if": "eth1"})]
        if r.random() < 0.4:
            p = self.node_pid(a)
            items += [self.it(a, "xinetd", 2419, "xinetd_start", loc=loc, tpid=p, ip=ip),
                      self.it(a, "in.tftpd", p, "tftp_opts", loc=loc)]
        return items

    def e_syslogng(self):
        node = self.nodes()
        pid = self.pids.setdefault(node + "/sng", self.r.randint(1500, 3000))
        return [self.it(node, "syslog-ng", pid, "syslogng_stats", n=weighted(self.r, [(0, 9), (self.r.randint(1, 90), 1)]))]

    def e_kernel(self):
        r = self.r
        node = self.nodes()
        k = weighted(r, [("ticks", 10), ("mad", 4), ("drive", 3), ("e1000", 2), ("nfs", 3), ("temp", 1),
                         ("mpt", 1), ("pbs", 4)])
        if k == "ticks":
            return [self.it(node, "kernel", None, "k_ticks")]
        if k == "mad":
            return [self.it(node, "kernel", None, "k_mad", label="VAPI",
                            src="/mnt_projects/sysapps/src/ib/topspin/topspin-src-3.2.0-16/ib/ts_api_ng/mad/"
                                "obj_host_amd64_custom1_rhel4/ts_ib_mad/mad_filter.c:115",
                            cls=r.choice(["0x81", "0x4", "0x3"]))]
        if k == "drive":
            return [self.it(node, "kernel", None, "k_drive_status", dev="hda", st="0x51"),
                    self.it(node, "kernel", None, "k_drive_error", gap=0.0, dev="hda", err="0x04")]
        if k == "e1000":
            return [self.it(node, "kernel", None, "k_e1000_down", **{"if": "eth0"}),
                    self.it(node, "kernel", None, "k_e1000_up", gap=r.uniform(2, 5), speed=1000, **{"if": "eth0"})]
        if k == "nfs":
            srv = r.choice(["tbird-admin1", "tbird-sn1"])
            return [self.it(node, "kernel", None, "k_nfs_slow", srv=srv),
                    self.it(node, "kernel", None, "k_nfs_ok", gap=r.uniform(5, 120), srv=srv)]
        if k == "temp":
            n = r.randint(0, 1)
            return [self.it(node, "kernel", None, "k_temp_hi", label="CPU", n=n),
                    self.it(node, "kernel", None, "k_temp_ok", gap=r.uniform(1, 60), n=n)]
        if k == "mpt":
            sc = "%08x" % r.randint(0x10000000, 0xffffffff)
            return [self.it(node, "kernel", None, "k_mptabort", sc=sc),
                    self.it(node, "kernel", None, "k_mptok", gap=0.1, sc=sc)]
        job = "%d.%s" % (r.randint(2300, 2700), self.admin)
        if r.random() < 0.6:
            return [self.it(node, "pbs_mom", None, "pbs_badfd", label="PBS_BFD", n=9, job=job)]
        return [self.it(node, "pbs_mom", None, "pbs_im_eof",
                        addr="10.100.%d.%d:%d" % (r.randint(1, 30), r.randint(1, 254), r.choice([15003, 1023]))),
                self.it(node, "pbs_mom", None, "pbs_kill", job=job, sig=15)]

    def weighted_episodes(self):
        return [(8, self.e_cron), (24, self.e_sweep), (3, self.e_sweep_change), (9, self.e_ntp), (6, self.e_ssh),
                (5, self.e_dhcp), (3, self.e_syslogng), (10, self.e_kernel), (1.2, self.e_sa1)]

    def fixed_episodes(self):
        r = self.r

        def k(key, **v):
            return lambda: [self.it(self.nodes(), "kernel", None, key, **v)]

        return [
            (2, lambda: [self.it(self.nodes(), "sshd", self.node_pid("x"), "ssh_noident",
                                 ip="10.100.%d.%d" % (r.randint(1, 30), r.randint(1, 254)))]),
            (3, lambda: [self.it(self.nodes(), "sshd", self.node_pid("x"), "ssh_closed",
                                 ip="10.100.4.%d" % r.randint(1, 254))]),
            (1, lambda: [self.it(self.nodes(), "sshd", self.node_pid("x"), "ssh_bind", port=22, ip="0.0.0.0")]),
            (1, lambda: [self.it(self.admin, "postfix/postdrop", self.node_pid(self.admin), "postdrop",
                                 loc="local@" + self.admin) for _ in range(3)]),
            (1, lambda: [self.it(self.admin, "logrotate", None, "logrotate", loc="local@" + self.admin, code=1)]),
            (1, lambda: [self.it(n, "syslog-ng", 1702, "syslogng_newconf") for n in [self.nodes()]]),
            (2, lambda: [self.it(n, "syslog-ng", 1698, key, **v) for n in [self.nodes()] for key, v in
                         [("syslogng_start", dict(v="1.6.0rc3")), ("syslogng_perm", dict(f="/dev/xconsole")),
                          ("syslogng_perm", dict(f="/dev/tty10"))]]),
            (1, lambda: [self.it(n, "ntpd", 2710, "ntp_kernel", n=1) for n in [self.nodes()]]),
            (1, k("k_busy")),
            (2, k("k_mtrr", a="e0000000", b="8000000")),
            (1, k("k_oom", kpid=r.randint(3000, 30000), proc="pbs_mom")),
            (1, k("k_ext3", dev="sda5", ino=r.randint(100000, 999999), off=0)),
            (2, k("k_rpc", n=-101, srv="10.100.20.250")),
            (2, lambda: [self.it(self.nodes(), "automount", self.node_pid("a"), "automount",
                                 mapkey=r.choice(["projects", "scratch2"]))]),
            (1, lambda: [self.it(self.nodes(), "gmond", None, "gmond")]),
            (1, lambda: [self.it(self.nodes(), "smartd", 2188, "smartd", dev="/dev/sda", n=194,
                                 attr="Temperature_Celsius", a=r.randint(90, 99), b=r.randint(90, 99))]),
        ]

    def render(self, t, ev, vals, content):
        epoch = int((t + timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds())
        head = "%s %d %s %s %s %d %s %s %s" % (vals["_label"], epoch, t.strftime("%Y.%m.%d"), vals["_node"],
                                               MONTH[t.month - 1], t.day, t.strftime("%H:%M:%S"), vals["_loc"],
                                               vals["_comp"])
        if vals["_pid"] is not None:
            head += "[%d]" % vals["_pid"]
        return head + ": " + content


# ---------------------------------------------------------------------------
# 6. Mac (one MacBook's system.log over a week, moving between networks)
# ---------------------------------------------------------------------------

CHANNELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 36, 40, 44, 48, 52, 56, 60, 64, 100, 104, 108, 112, 116,
            120, 124, 128, 132, 136, 140, 144, 149, 153, 157, 161, 165]


class Mac(System):
    name = "Mac"
    log_format = r"<Month>  <Date> <Time> <User> <Component>\[<PID>\]( \(<Address>\))?: <Content>"
    settings = {"regex": [r"([\w-]+\.){2,}[\w-]+"], "st": 0.7, "depth": 6}
    start = datetime(2017, 7, 1, 9, 0, 55)
    mean_gap = 230.0
    inner_gap = (0.0, 1.5)

    def define(self):
        r = self.r
        self.host = "campusguest-10-118-33-204"
        self.uptime = 620701.011328
        self.procs = {"kernel": 0, "com.apple.CDScheduler": 43, "UserEventAgent": 43, "syslogd": 44, "configd": 53,
                      "locationd": 82, "mDNSResponder": 91, "loginwindow": 94, "sandboxd": 129,
                      "WindowServer": 184, "networkd": 195, "symptomsd": 215, "com.apple.cts": 258, "secd": 276,
                      "com.apple.xpc.launchd": 1, "QQ": 10018, "sharingd": 30299, "Safari": 9852,
                      "com.apple.WebKit.WebContent": 32778, "corecaptured": 31174,
                      "com.apple.AddressBook.InternetAccountsBridge": 31187, "GoogleSoftwareUpdateAgent": 31702,
                      "ksfetch": 31705, "AddressBookSourceSync": 31243, "Google Chrome Helper": 31176,
                      "com.apple.geod": 31361, "AirPlayUIAgent": 415, "WeChat": 24144, "Microsoft Word": 14463,
                      "cloudd": 326, "Mail": 11203, "Dropbox": 3722, "mdworker": 31558}
        self.bssids = [mac_addr(r) for _ in range(8)]
        e = self.ev
        # --- kernel: Wi-Fi (ARPT / AirPort / IO80211)
        A = "ARPT: <@up>: "
        e("arpt_roam", A + "wl0: Roamed or switched channel, reason #<@n>, bssid <@bssid>, last RSSI <@rssi>")
        e("arpt_syncpower", A + "AirPort_Brcm43xx::syncPowerState: WWEN[enabled]")
        e("arpt_mdns4", A + "wl0: MDNS: IPV4 Addr: <@ip>")
        e("arpt_mdns6", A + "wl0: MDNS: IPV6 Addr: <@ip6>")
        e("arpt_mdns_recs", A + "wl0: MDNS: <@srv> SRV Recs, <@txt> TXT Recs")
        e("arpt_ka_local", A + "wl0: setup_keepalive: Local IP: <@ip>")
        e("arpt_ka_remote", A + "wl0: setup_keepalive: Remote IP: <@ip>")
        e("arpt_ka_seq", A + "wl0: setup_keepalive: Seq: <@seq>, Ack: <@ack>, Win size: <@win>")
        e("arpt_tcpkeep", A + "wl0: wl_update_tcpkeep_seq: Original Seq: <@seq>, Ack: <@ack>, Win size: <@win>")
        e("arpt_tcpkeep_upd", A + "wl0: wl_update_tcpkeep_seq: Updated seq/ack/win from UserClient Seq <@seq>, "
          "Ack <@ack>, Win size <@win>")
        e("arpt_offload", A + "wl0: leaveModulePoweredForOffloads: Wi-Fi will stay on.")
        e("arpt_aqm", A + "AQM agg params <@a> maxlen hi/lo <@b> <@c> minlen <@d> adjlen <@e>")
        e("link_down_awdl", "AirPort: Link Down on awdl0. Reason <@n> (Unspecified).")
        e("link_down_en0", "AirPort: Link Down on en0. Reason <@n> (Disassociated because station leaving).")
        e("link_up", "AirPort: Link Up on <@if>")
        e("awdl_suspend", "IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from AUTO "
          "to SUSPENDED")
        e("awdl_auto", "IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from SUSPENDED "
          "to AUTO")
        e("awdl_quiet", "IO80211AWDLPeerManager::setAwdlSuspendedMode() Suspending AWDL, enterQuietMode(true)")
        e("awdl_resume", "IO80211AWDLPeerManager::setAwdlSuspendedMode() Resuming AWDL")
        e("chan_changed", "en0: channel changed to <@chan>")
        e("bssid_changed", "en0: BSSID changed to <@bssid>")
        e("country", "en0: 802.11d country code set to '<@cc>'.")
        e("supported", "en0: Supported channels " + " ".join("<@c%d>" % i for i in range(len(CHANNELS))))
        e("postmsg", "en0::IO80211Interface::postMessage bssid changed")
        e("btcoex", "Setting BTCoex Config: enable_2G:<@a>, profile_2g:<@b>, enable_5G:<@c>, profile_5G:<@d>")
        # --- kernel: sleep / wake
        e("wake_reason", "Wake reason: <@reason>")
        e("hid_wake", "[HID] [ATC] AppleDeviceManagementHIDEventService::processWakeReason Wake reason: Host (<@hex>)")
        e("camin_wake", "AppleCamIn::systemWakeCall - messageType = <@hex>")
        e("camin_thread", "AppleCamIn::wakeEventHandlerThread")
        e("tb_hpd", "IOThunderboltSwitch<<@a>>(<@b>)::listenerCallback - Thunderbolt HPD packet for route = <@c> "
          "port = <@port> unplug = <@u>")
        e("tb_prewake", "AppleThunderboltNHIType2::prePCIWake - power up complete - took <@n> us")
        e("tb_earlywake", "AppleThunderboltGenericHAL::earlyWake - complete - took <@n> milliseconds")
        e("tb_waitok", "AppleThunderboltNHIType2::waitForOk2Go2Sx - retries = <@n>")
        e("prev_sleep", "Previous sleep cause: <@n>")
        e("pm_response", "PM response took <@ms> ms (<@pid>, <@proc>)")
        e("rtc_maint", "RTC: Maintenance <@d1> <@t1>, sleep <@d2> <@t2>")
        e("hibernate", "hibernate_page_list_setall(preflight <@p>) start <@a>, <@b>")
        e("bt_halt", "**** [IOBluetoothHostControllerUSBTransport][ClearFeatureInterruptEndpointHalt] -- successfully "
          "post a clear feature request to the Hub -- this = <@hex>")
        e("bt_le", "Bluetooth -- LE is supported - Disable LE meta event")
        e("usbmsc", "USBMSC Identifier (non-unique): <@a> <@b> <@c> <@d>, <@e>")
        e("in6_unlink", "in6_unlink_ifa: IPv6 address <@hex> has no prefix")
        e("actuator_stop", "AppleActuatorDeviceUserClient::stop Entered")
        e("wakeups", "process <@proc>[<@pid>] caught causing excessive wakeups. Observed wakeups rate (per sec): "
          "<@rate>; Maximum permitted wakeups rate (per sec): <@max>; Observation period: <@per> seconds; Task "
          "lifetime number of wakeups: <@n>")
        e("sandbox_mdns", "Sandbox: <@proc>(<@pid>) deny(<@n>) network-outbound <@path>")
        e("sandbox_mach", "Sandbox: <@proc>(<@pid>) deny(<@n>) mach-lookup <@name>")
        e("sandboxd_mdns", "<@proc>(<@pid>) deny network-outbound <@path>")
        # --- user space
        e("thermal", "Thermal pressure state: <@t> Memory pressure state: <@m>")
        e("qq_dealloc", "FA||Url||taskID[<@id>] dealloc")
        e("qq_button", "button report: <@hex>")
        e("qq_sysmsg", "############################## _getSysMsgList")
        e("qq_dberr", "DB Error: <@n> \"no such table: <@table>\"")
        e("symptoms", "__73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke "
          "unexpected switch value <@n>")
        e("crabs_avail", "[<@ts>] <<<< CRABS >>>> crabsFlumeHostAvailable: [<@ptr>] Byte flume reports host "
          "available again.")
        e("crabs_wait", "[<@ts>] <<<< CRABS >>>> crabsWaitForLoad: [<@ptr>] Wait time out - <@err> "
          "(msRequestTimeout <@to>)")
        e("fig_agg", "[<@ts>] FigAgglomeratorSetObjectForKey signalled err=<@err> (kFigStringConformerError_ParamErr) "
          "(NULL key) at <@path> line <@line>")
        e("captive_auth", "Captive: CNPluginHandler en0: Authenticated")
        e("captive_eval", "Captive: CNPluginHandler en0: Evaluating")
        e("captive_inactive", "Captive: CNPluginHandler en0: Inactive")
        e("captive_primary", "Captive: [CNInfoNetworkActive:<@line>] en0: SSID '<@ssid>' making interface primary "
          "(protected network)")
        e("captive_probe", "Captive: en0: Probing '<@ssid>'")
        e("mdns_dereg", "mDNS_DeregisterInterface: Frequent transitions for interface <@if> (<@addr>)")
        e("mdns_sendto", "mDNSPlatformSendUDP sendto(<@fd>) failed to send packet on InterfaceID <@ifid> <@ifn>/<@k> "
          "to <@dst>:<@port> skt <@skt> error <@err> errno <@errno> (No route to host)")
        e("net_changed_down", "network changed: v4(en0-:<@ip>) DNS- Proxy- SMB")
        e("net_changed_up", "network changed: v4(en0:<@ip>) DNS+ Proxy+ SMB")
        e("hostname", "setting hostname to \"<@host>\"")
        e("share_scan", "<@ts> : Scanning mode Contacts Only")
        e("share_airdrop", "<@ts> : Starting AirDrop server for user <@uid> on wake")
        e("share_btle_on", "<@ts> : BTLE scanner Powered On")
        e("share_btle_off", "<@ts> : BTLE scanner Powered Off")
        e("ws_didwake", "CGXDisplayDidWakeNotification [<@n>]: posting kCGSDisplayDidWake")
        e("ws_desktop", "device_generate_desktop_screenshot: authw <@a>(<@an>), shield <@s>(<@sn>)")
        e("ws_lock", "device_generate_lock_screen_screenshot: authw <@a>(<@an>), shield <@s>(<@sn>)")
        e("ws_ping", "send_datagram_available_ping: pid <@pid> failed to act on a ping it dequeued before timing "
          "out.")
        e("ws_group", "_CGXRemoveWindowFromWindowMovementGroup: window <@w1> is not attached to window <@w2>")
        e("ws_defer", "handle_will_sleep_auth_and_shield_windows: Deferring.")
        e("sfl_notify", "-[SFLListManager(ServiceReplyProtocol) notifyChanges:toListWithIdentifier:] Notified of item "
          "changes to list with identifier <@id>")
        e("cc_capture", "CCFile::captureLog Received Capture notice id: <@id>, reason = <@reason>")
        e("cc_streams", "CCIOReporterFormatter::addRegistryChildToChannelDictionary streams <@n>")
        e("cc_copy", "CCFile::copyFile fileName is [<@f>]")
        e("cc_profile", "CCDataTap::profileRemoved, Owner: com.apple.iokit.IO80211Family, Name: <@name>")
        e("dnssd_tries", "dnssd_clientstub ConnectToServer: connect()-> No of tries: <@n>")
        e("dnssd_failed", "dnssd_clientstub ConnectToServer: connect() failed path:<@path> Socket:<@s> Err:<@err> "
          "Errno:<@errno> Operation not permitted")
        e("tls_err", "tcp_connection_tls_session_error_callback_imp <@id> "
          "__tcp_connection_tls_session_callback_write_block_invoke.<@line> error <@err>")
        e("connectx", "tcp_connection_destination_perform_socket_connect <@id> connectx to <@dst> failed: [<@n>] "
          "No route to host")
        e("ks_settings", "<@date> <@time> GoogleSoftwareUpdateAgent[<@pt>] [lvl=<@lvl>] -[KSAgentApp "
          "setUpLoggerOutputForVerboseMode:] Agent default/global settings: <KSAgentSettings:<@ptr> "
          "bundleID=com.google.Keystone.Agent lastCheck=<@last> checkInterval=<@ival> uiDisplayInterval=<@ui> "
          "sleepInterval=<@sleep> jitterInterval=<@jit> maxRunInterval=<@max> isConsoleUser=<@cons> "
          "ticketStorePath=<@store> runMode=<@mode> daemonUpdateEngineBrokerServiceName=<@svc> "
          "daemonInstallerServiceName=<@isvc> alwaysPromptForUpdates=<@prompt> lastUIDisplayed=<@lastui> "
          "alwaysShowStatusItem=<@show> updateCheckTag=<@tag> lastServerCheckDate=<@sdate>>")
        e("ks_check", "<@date> <@time> GoogleSoftwareUpdateAgent[<@pt>] [lvl=<@lvl>] -[KSAgentApp "
          "updateProductWithProductID:usingEngine:] Checking for updates for \"<@prod>\" using engine "
          "<KSUpdateEngine:<@ptr> ticketStore=<KSPersistentTicketStore:<@ptr2> store=<KSKeyedPersistentStore:<@ptr3> "
          "path=\"<@path>\" lockFile=<KSLockFile:<@ptr4> path=\"<@lock>\" locked=<@locked> > >>>")
        e("ks_fetch", "<@date> <@time> GoogleSoftwareUpdateAgent[<@pt>] [lvl=<@lvl>] -[KSOutOfProcessFetcher("
          "PrivateMethods) launchedHelperTaskForToolPath:error:] KSOutOfProcessFetcher launched '<@tool>' with "
          "process id: <@pid>")
        e("ks_finished", "<@date> <@time> GoogleSoftwareUpdateAgent[<@pt>] [lvl=<@lvl>] -[KSAgentApp("
          "KeystoneDelegate) updateEngineFinishedWithErrors:] Keystone finished: errors=<@n>")
        e("ksfetch_read", "<@date> <@time> ksfetch[<@pt>] KSHelperReceiveAllData() KSHelperTool read <@n> bytes "
          "from stdin.")
        e("secd_sos", "SOSAccountThisDeviceCanSyncWithCircle sync with device failure: Error "
          "Domain=com.apple.security.sos.error Code=<@code> \"Account identity not set\" "
          "UserInfo={NSDescription=Account identity not set}")
        e("secd_query", "securityd_xpc_dictionary_handler <@proc>[<@pid>] copy_matching Error "
          "Domain=NSOSStatusErrorDomain Code=<@code> \"query missing class name\" (paramErr: error in user parameter "
          "list) UserInfo={NSDescription=query missing class name}")
        e("loc_active", "Location icon should now be in state 'Active'")
        e("loc_inactive", "Location icon should now be in state 'Inactive'")
        e("launchd_legacy", "Endpoint has been activated through legacy launch(<@n>) APIs. Please switch to XPC or "
          "bootstrap_check_in(): <@svc>")
        e("launchd_respawn", "Service only ran for <@n> seconds. Pushing respawn out by <@m> seconds.")
        e("launchd_abnormal", "Service exited with abnormal code: <@n>")
        e("crazyivan", "-[NETClientConnection evaluateCrazyIvan46] CI46 - Perform CrazyIvan46! VPN Probe.")
        e("torpedo", "__42-[NETClientConnection evaluateCrazyIvan46]_block_invoke CI46 - Hit by torpedo! <@app> "
          "tc<@tc> (skipped since <@n> seconds)")
        e("nat64", "nw_nat64_post_new_ifstate successfully changed NAT64 ifstate from <@a> to <@b>")
        e("asl_stats", "ASL Sender Statistics")
        e("asl_module", "Configuration Notice: ASL Module \"<@mod>\" claims selected messages. Those messages may not "
          "appear in standard system log files or in the ASL database.")
        e("airplay_inactive", "<@date> <@time> AirPlayUIAgent[<@pt>] [AirPlayUIAgent] BecomingInactive: "
          "NSWorkspaceWillSleepNotification")
        e("airplay_active", "<@date> <@time> AirPlayUIAgent[<@pt>] [AirPlayUIAgent] BecomingActive: "
          "NSWorkspaceDidWakeNotification")
        e("cts_harvest", "<@job>: scheduler_evaluate_activity told me to run this job; however, but the start time "
          "isn't for <@n> seconds. Ignoring.")
        e("soap", "-[SOAPParser:<@ptr> parser:didStartElement:namespaceURI:qualifiedName:attributes:] Type not found in "
          "EWSItemType for ExchangePersonIdGuid (t:ExchangePersonIdGuid)")
        e("coretext", "CoreText CopyFontsForRequest received mig IPC error (<@err>) from font server")
        e("geod", "PBRequester failed with Error Error Domain=NSURLErrorDomain Code=<@code> \"The Internet connection "
          "appears to be offline.\" UserInfo={NSUnderlyingError=<@ptr> {Error Domain=kCFErrorDomainCFNetwork "
          "Code=<@code2> \"(null)\" UserInfo={_kCFStreamErrorCodeKey=<@k1>, _kCFStreamErrorDomainKey=<@k2>}}, "
          "NSErrorFailingURLStringKey=<@url>, NSErrorFailingURLKey=<@url>, _kCFStreamErrorDomainKey=<@k2>, "
          "_kCFStreamErrorCodeKey=<@k1>, NSLocalizedDescription=The Internet connection appears to be offline.}")
        e("keychain_icdp", "KeychainGetICDPStatus: keychain: <@n>")
        e("keychain_status", "KeychainGetICDPStatus: status: off")
        e("wechat_jemmy", "jemmytest reportCGIStat, cgi:<@cgi>, ret:<@ret>")
        e("word_font", "Font <@font> could not be found in the system, using default font")
        e("mail_imap", "IMAP connection to <@host> timed out after <@n> seconds")
        e("dropbox_sync", "[<@ts>] Syncing paused: <@reason>")
        e("mdworker", "(Normal) Import: Spotlight plugin <@plugin> for file type <@uti> returned error <@n>")

    # -- values
    def v_if(self):
        return "en0"

    def v_hex(self):
        return "0x%x" % self.r.randint(0x1000, 0xffffff)

    def it(self, comp, key, gap=None, paren=None, **v):
        v["_comp"] = comp
        v["_addr"] = paren
        v["_host"] = self.host
        if gap is not None:
            v["_gap"] = gap
        return (key, v)

    def k(self, key, **v):
        self.uptime += self.r.uniform(0.0001, 0.4)
        v.setdefault("up", "%.6f" % self.uptime)
        return self.it("kernel", key, **v)

    def clock(self, t):
        return "%s.%03d" % (t.strftime("%H:%M:%S"), t.microsecond // 1000)

    def dclock(self, t):
        return t.strftime("%Y-%m-%d")

    # -- episodes
    def e_wake(self):
        r = self.r
        self.uptime += r.uniform(300, 9000)
        if r.random() < 0.25:
            self.new_network()
        items = [self.k("wake_reason", gap=r.uniform(600, 9000),
                        reason=weighted(r, [("ARPT (Network)", 5), ("RTC (Alarm)", 4), ("EC.LidOpen (User)", 2),
                                            ("XHC1 (User)", 1), ("EC.SleepTimer (SleepTimer)", 1)])),
                 self.k("camin_wake", hex="0xE0000340")]
        if r.random() < 0.4:
            items.append(self.k("hid_wake", hex="0x01"))
        items += [self.k("tb_hpd", a=0, b="0x0", c="0x0", port=r.choice([11, 12]), u=0),
                  self.k("tb_prewake", n=r.randint(1, 4)), self.k("tb_earlywake", n=0)]
        if r.random() < 0.6:
            items.append(self.k("prev_sleep", n=5))
        items.append(self.k("chan_changed", chan=r.choice(["132,+1", "149,+1", "1", "6", "11", "36,+1"])))
        if r.random() < 0.35:
            items.append(self.k("arpt_syncpower"))
        items.append(self.k("link_up"))
        items.append(self.k("awdl_auto"))
        items.append(self.k("awdl_resume"))
        if r.random() < 0.5:
            items.append(self.k("pm_response", ms=r.randint(200, 2500), pid=r.choice([54, 188, 415]),
                                proc=r.choice(["powerd", "WindowServer", "AirPlayUIAgent"])))
        items.append(self.it("WindowServer", "ws_didwake", n=r.randint(10 ** 14, 10 ** 15)))
        if r.random() < 0.6:
            ts = self.clock
            items += [self.it("sharingd", "share_scan", ts=ts), self.it("sharingd", "share_airdrop", ts=ts, uid=501),
                      self.it("sharingd", "share_btle_on", ts=ts)]
        if r.random() < 0.5:
            items += [self.it("UserEventAgent", "captive_eval"), self.it("UserEventAgent", "captive_auth")]
        if r.random() < 0.35:
            items.append(self.it("configd", "net_changed_up", ip=self.cur_ip))
        if r.random() < 0.25:
            items.append(self.it("AirPlayUIAgent", "airplay_active", date=self.dclock, time=self.clock, pt="415"))
        return items

    def e_sleep(self):
        r = self.r
        items = []
        if r.random() < 0.3:
            items.append(self.it("AirPlayUIAgent", "airplay_inactive", date=self.dclock, time=self.clock, pt="415"))
        ws = ["0x7fa82%s(%d)" % (hexs(r, 7), 2000), "0x7fa82%s(%d)" % (hexs(r, 7), 2001)]
        a, s = ws[0].split("(")[0], ws[1].split("(")[0]
        items.append(self.it("WindowServer", "ws_desktop", a=a, an=2000, s=s, sn=2001))
        if r.random() < 0.7:
            items.append(self.it("WindowServer", "ws_lock", a=a, an=2000, s=s, sn=2001))
        if r.random() < 0.2:
            items.append(self.it("WindowServer", "ws_defer"))
        if r.random() < 0.4:
            items.append(self.it("sharingd", "share_btle_off", ts=self.clock))
        items += [self.k("awdl_suspend"), self.k("awdl_quiet"),
                  self.k("link_down_awdl", n=1)]
        if r.random() < 0.3:
            items.append(self.k("tb_waitok", n=60))
        if r.random() < 0.8:
            seq = r.randint(10 ** 8, 4 * 10 ** 9)
            ack = r.randint(10 ** 8, 4 * 10 ** 9)
            items += [self.k("arpt_offload"), self.k("arpt_mdns4", ip=self.cur_ip),
                      self.k("arpt_mdns6", ip6="fe80:0:0:0:%x:%x:%x:%x" % (r.randint(0, 0xffff), r.randint(0, 0xffff),
                                                                         r.randint(0, 0xffff), r.randint(0, 0xffff))),
                      self.k("arpt_mdns_recs", srv=0, txt=0),
                      self.k("arpt_ka_local", ip=self.cur_ip), self.k("arpt_ka_remote", ip="17.249.%d.%d" % (r.randint(0, 255),
                                                                                        r.randint(1, 254))),
                      self.k("arpt_ka_seq", seq=seq, ack=ack, win=4096)]
            if r.random() < 0.8:
                items += [self.k("arpt_tcpkeep", seq=seq, ack=ack, win=4096),
                          self.k("arpt_tcpkeep_upd", seq=seq + r.randint(0, 300), ack=ack + r.randint(0, 300),
                                 win=4096)]
        if r.random() < 0.35:
            items.append(self.k("rtc_maint", d1=self.dclock_slash, t1=self.rtc_time, d2=self.dclock_slash,
                                t2=self.rtc_time))
        if r.random() < 0.2:
            items.append(self.k("hibernate", p=0, a="0x%x" % r.randint(0x100000, 0xfffffff),
                                b="0x%x" % r.randint(0x100000, 0xfffffff)))
        return items

    def dclock_slash(self, t):
        return "%d/%d/%d" % (t.year, t.month, t.day)

    def rtc_time(self, t):
        t2 = t + timedelta(minutes=self.r.randint(-20, 40))
        return t2.strftime("%H:%M:%S")

    def new_network(self):
        r = self.r
        self.cur_ip = "10.%d.%d.%d" % (r.choice([105, 105, 142, 118]), r.randint(160, 165), r.randint(2, 254))
        if r.random() < 0.6:
            self.host = "calvisitor-" + self.cur_ip.replace(".", "-")
        else:
            self.host = "jdoeMacBook-Pro"

    def e_roam(self):
        r = self.r
        items = [self.k("arpt_roam", n=r.choice([8, 8, 8, 0, 4]), bssid=r.choice(self.bssids), rssi=-r.randint(55, 85))]
        if r.random() < 0.3:
            items.append(self.k("bssid_changed", bssid=r.choice(self.bssids)))
            items.append(self.k("postmsg"))
        return items

    def e_thermal(self):
        return [self.it("com.apple.CDScheduler", "thermal", t=weighted(self.r, [(1, 3), (0, 2)]),
                        m=weighted(self.r, [(0, 6), (1, 1)]))]

    def e_qq(self):
        r = self.r
        base = r.randint(2019300000, 2019400000)
        items = [self.it("QQ", "qq_dealloc", gap=0.0 if i else None, id=base + i * r.randint(1, 9))
                 for i in range(weighted(r, [(1, 4), (2, 3), (4, 1)]))]
        if r.random() < 0.12:
            items.append(self.it("QQ", "qq_sysmsg"))
        if r.random() < 0.08:
            items.append(self.it("QQ", "qq_button", hex="0x80%s" % hexs(r, 5)))
        return items

    def e_sandbox(self):
        r = self.r
        pid = r.randint(30000, 40000)
        proc = weighted(r, [("com.apple.Addres", 5), ("CalendarAgent", 1)])
        path = "/private/var/run/mDNSResponder"
        items = [self.k("sandbox_mdns", proc=proc, pid=pid, n=1, path=path),
                 self.it("sandboxd", "sandboxd_mdns", paren="[%d]" % pid, proc=proc, pid=pid, path=path)]
        if proc == "com.apple.Addres" and r.random() < 0.5:
            items.append(self.it("com.apple.AddressBook.InternetAccountsBridge", "dnssd_tries", n=1))
            items.append(self.it("com.apple.AddressBook.InternetAccountsBridge", "dnssd_failed",
                                 path="/var/run/mDNSResponder", s=r.choice([4, 5, 6]), err=-1, errno=1))
        return items

    def e_webcontent(self):
        r = self.r
        ptr = "0x7f%s" % hexs(r, 10)
        if r.random() < 0.8:
            return [self.it("com.apple.WebKit.WebContent", "crabs_avail", ts=lambda t: self.clock(t)[:12], ptr=ptr)]
        return [self.it("com.apple.WebKit.WebContent", "crabs_wait", ts=lambda t: self.clock(t)[:12], ptr=ptr,
                        err=-1001, to=-1)]

    def e_corecapture(self):
        r = self.r
        cid = "%d.%06d" % (r.randint(1498903000, 1499500000), r.randint(0, 999999))
        reason = weighted(r, [("DeauthInd:sts:0_rsn:7", 3), ("RoamFail:sts:1_rsn:1", 1), ("AssocFail:sts:5_rsn:0", 1)])
        items = [self.it("corecaptured", "cc_capture", id=cid, reason=reason),
                 self.it("corecaptured", "cc_streams", n=r.choice([7, 7, 0, 2]))]
        if r.random() < 0.7:
            items.append(self.it("corecaptured", "cc_copy",
                                 f=lambda t: "%s_%s_com.apple.driver.AirPort.Brcm4360.0" % (t.strftime("%Y-%m-%d"),
                                                                                          self.clock(t))))
        if r.random() < 0.5:
            items.append(self.it("corecaptured", "cc_profile", name=r.choice(["IO80211AWDLPeerManager",
                                                                                "AirPort_Brcm4360_P2PInterface"])))
        items.append(self.k("link_down_en0", n=8))
        return items

    def e_sharing_scan(self):
        return [self.it("sharingd", "share_scan", ts=self.clock)]

    def e_captive(self):
        r = self.r
        ssid = r.choice(["CalVisitor", "eduroam", "AirBears2", "Home-5G"])
        items = [self.it("UserEventAgent", "captive_eval"), self.it("UserEventAgent", "captive_probe", ssid=ssid)]
        if r.random() < 0.5:
            items.append(self.it("UserEventAgent", "captive_primary", line=1748, ssid=ssid))
        items.append(self.it("UserEventAgent", "captive_auth"))
        return items

    def e_netchange(self):
        r = self.r
        old = self.cur_ip
        self.new_network()
        items = [self.it("configd", "net_changed_down", ip=old),
                 self.it("mDNSResponder", "mdns_dereg", **{"if": "awdl0"},
                         addr="FE80:0000:0000:0000:%04X:%04X:%04X:%04X" % tuple(r.randint(0, 0xffff) for _ in range(4)))]
        items.append(self.it("configd", "net_changed_up", ip=self.cur_ip))
        if r.random() < 0.4:
            items.append(self.it("configd", "hostname", host=self.host))
        if r.random() < 0.5:
            items.append(self.it("networkd", "nat64", a="0x8000000000000000", b="0x4"))
        return items

    def e_windowserver(self):
        r = self.r
        k = r.random()
        if k < 0.5:
            return [self.it("WindowServer", "ws_ping", pid=r.choice([445, 11203, 24144, 9852]))]
        w = r.randint(0x20, 0x90)
        return [self.it("WindowServer", "ws_group", w1="0x%x" % w, w2="0x%x" % (w + 1))]

    def e_symptoms(self):
        return [self.it("symptomsd", "symptoms", n=2)]

    def e_google_update(self):
        r = self.r
        pt = "%d/0x700000%s" % (r.randint(31000, 32000), hexs(r, 4))
        d, tm = self.dclock, self.clock
        ptr = lambda: "0x10%s" % hexs(r, 5)
        items = [self.it("GoogleSoftwareUpdateAgent", "ks_settings", date=d, time=tm, pt=pt, lvl=2, ptr=ptr(),
                         last="2017-07-0%d %s +0000" % (r.randint(1, 8), "%02d:%02d:%02d" % (r.randint(0, 23),
                                                                                        r.randint(0, 59),
                                                                                        r.randint(0, 59))),
                         ival=18000.000000, ui=604800.000000, sleep=1800.000000, jit=900, max=86400.000000,
                         cons=1, store="/Users/jdoe/Library/Google/GoogleSoftwareUpdate/TicketStore/Keystone.ticketstore",
                         mode=3, svc="com.google.Keystone.Daemon.UpdateEngine",
                         isvc="com.google.Keystone.Daemon.Installer", prompt=0, lastui="(null)", show=0,
                         tag="(null)", sdate="(null)"),
                 self.it("GoogleSoftwareUpdateAgent", "ks_check", date=d, time=tm, pt=pt, lvl=2, prod="All Products",
                         ptr=ptr(), ptr2=ptr(), ptr3=ptr(), ptr4=ptr(),
                         path="/Users/jdoe/Library/Google/GoogleSoftwareUpdate/TicketStore/Keystone.ticketstore",
                         lock="/Users/jdoe/Library/Google/GoogleSoftwareUpdate/TicketStore/Keystone.ticketstore.lock",
                         locked="NO"),
                 self.it("GoogleSoftwareUpdateAgent", "ks_fetch", date=d, time=tm, pt=pt, lvl=2,
                         tool="/Library/Google/GoogleSoftwareUpdate/GoogleSoftwareUpdate.bundle/Contents/MacOS/ksfetch",
                         pid=r.randint(31000, 32000))]
        if r.random() < 0.7:
            items.append(self.it("ksfetch", "ksfetch_read", date=d, time=tm, pt="31705/0x7fff7%s" %
                                 hexs(r, 5), n=r.choice([1926, 1949, 2073])))
        items.append(self.it("GoogleSoftwareUpdateAgent", "ks_finished", date=d, time=tm, pt=pt, lvl=2, n=0))
        return items

    def e_secd(self):
        r = self.r
        if r.random() < 0.5:
            return [self.it("secd", "secd_sos", code=1035)]
        return [self.it("secd", "secd_query", proc=r.choice(["cloudd", "SafariBookmarksSyncAgent"]),
                        pid=r.choice([326, 31544]), code=-50)]

    def e_launchd(self):
        r = self.r
        k = weighted(r, [("legacy", 3), ("respawn", 2), ("abnormal", 1)])
        if k == "legacy":
            svc = r.choice(["com.apple.quicklook", "com.apple.quicklook.ui.helper", "com.apple.photoanalysisd"])
            return [self.it("com.apple.xpc.launchd", "launchd_legacy", paren="%s[%d]" % (svc, r.randint(30000, 40000)),
                            n=3, svc=svc)]
        if k == "respawn":
            return [self.it("com.apple.xpc.launchd", "launchd_respawn",
                            paren=r.choice(["com.apple.preference.displays.MirrorDisplays",
                                           "com.apple.AddressBook.InternetAccountsBridge", "com.apple.suggestd"]),
                            n=0, m=10)]
        return [self.it("com.apple.xpc.launchd", "launchd_abnormal",
                        paren="com.apple.WebKit.Networking.%s[%d]" % (
                            "-".join(hexs(r, n).upper() for n in (8, 4, 4, 4, 12)), r.randint(20000, 40000)),
                        n=1)]

    def e_networkd(self):
        r = self.r
        if r.random() < 0.6:
            return [self.it("networkd", "torpedo", app=r.choice(["QQ.10018", "WeChat.24144", "Safari.9852"]),
                            tc=r.randint(20000, 90000), n=r.randint(1, 9))]
        return [self.it("networkd", "crazyivan")]

    def e_tls(self):
        r = self.r
        app = r.choice(["Safari", "WeChat", "QQ", "Mail"])
        if r.random() < 0.75:
            return [self.it(app, "tls_err", id=r.randint(2000, 9000), line=434, err=22)]
        return [self.it(app, "connectx", id=r.randint(2000, 9000),
                        dst="17.%d.%d.%d:443@0" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)), n=65)]

    def e_misc_rare(self, key):
        r = self.r

        def fn():
            if key == "mdns_sendto":
                return [self.it("mDNSResponder", key, fd=4, ifid="0000000000000005", ifn="en0", k=4,
                                dst="FF02:0000:0000:0000:0000:0000:0000:00FB", port=5353, skt=8, err=-1, errno=65)]
            if key == "connectx":
                return [self.it("Safari", "connectx", id=r.randint(2000, 9000),
                                dst="17.%d.%d.%d:443@0" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                n=65)]
            if key == "secd_query":
                return [self.it("secd", "secd_query", proc="cloudd", pid=326, code=-50)]
            if key == "crazyivan":
                return [self.it("networkd", "crazyivan")]
            if key == "asl":
                return [self.it("syslogd", "asl_stats")]
            if key == "asl_module":
                return [self.it("syslogd", key, mod=r.choice(["com.apple.AccountPolicyHelper", "com.apple.authd",
                                                               "com.apple.eventmonitor", "com.apple.mkb"]))]
            if key == "cts":
                return [self.it("com.apple.cts", "cts_harvest", job=r.choice(["com.apple.suggestions.harvest",
                                                                              "com.apple.EscrowSecurityAlert.daily",
                                                                              "com.apple.CacheDelete.daily"]),
                                n=r.randint(3000, 600000))]
            if key == "soap":
                ptr = "0x7f82b%s" % hexs(r, 7)
                return [self.it("AddressBookSourceSync", "soap", gap=0.0 if i else None, ptr=ptr)
                        for i in range(r.choice([2, 4, 6]))]
            if key == "coretext":
                return [self.it("Google Chrome Helper", "coretext", err="FFFFFFFFFFFFFECC")]
            if key == "geod":
                url = "https://gsp-ssl.ls.apple.com/dispatcher.arpc"
                return [self.it("com.apple.geod", "geod", code=-1009, ptr="0x7fb%s" % hexs(r, 9), code2=-1009,
                                k1=50, k2=1, url=url)]
            if key == "keychain":
                return [self.it("Safari", "keychain_icdp", n=-25300), self.it("Safari", "keychain_status")]
            if key == "location":
                return [self.it("locationd", "loc_active"),
                        self.it("locationd", "loc_inactive", gap=r.uniform(2, 40))]
            if key == "wechat":
                return [self.it("WeChat", "wechat_jemmy", cgi=r.choice([138, 1, 1003]), ret=r.choice([0, -1]))]
            if key == "sfl":
                return [self.it("loginwindow", "sfl_notify",
                                id=r.choice(["com.apple.LSSharedFileList.RecentApplications",
                                             "com.apple.LSSharedFileList.RecentDocuments"]))]
            if key == "fig":
                return [self.it("com.apple.WebKit.WebContent", "fig_agg", ts=lambda t: self.clock(t)[:12], err=-16020,
                                path="/Library/Caches/com.apple.xbs/Sources/CoreMedia/CoreMedia-1731.15.207/"
                                     "Prototypes/LegibleOutput/FigAgglomerator.c", line=92)]
            if key == "qq_db":
                return [self.it("QQ", "qq_dberr", n=1, table="tb_c2cMsg_%d" % r.randint(10 ** 9, 4 * 10 ** 9))]
            if key == "wakeups":
                return [self.k("wakeups", proc=r.choice(["WeChat", "Dropbox"]), pid=r.choice([24144, 3722]),
                               rate=r.randint(151, 400), max=150, per=300, n=r.randint(45001, 90000))]
            if key == "bt":
                return [self.k("bt_halt", hex="0x%x" % r.randint(0x4000, 0xffff))]
            if key == "usb":
                return [self.k("usbmsc", a="000000000820", b="0x5ac", c="0x8406", d="0x820", e=3)]
            if key == "in6":
                return [self.k("in6_unlink", hex="0x%s" % hexs(r, 16))]
            if key == "country":
                return [self.k("country", cc=r.choice(["US", "X0"])),
                        self.k("supported", **{"c%d" % i: c for i, c in enumerate(CHANNELS)})]
            if key == "btcoex":
                return [self.k("btcoex", a=1, b=0, c=1, d=0), self.k("bt_le")]
            if key == "aqm":
                return [self.k("arpt_aqm", a="0xfc0", b="0x0", c="0xffff", d="0x0", e="0x0")]
            if key == "actuator":
                return [self.k("actuator_stop"), self.k("camin_thread")]
            if key == "sandbox_mach":
                return [self.k("sandbox_mach", proc="QQ", pid=10018, n=1,
                               name="com.apple.networking.captivenetworksupport")]
            if key == "word":
                return [self.it("Microsoft Word", "word_font", font=r.choice(["Calibri Light", "Cambria Math"]))]
            if key == "mail":
                return [self.it("Mail", "mail_imap", host="imap.mail.example.edu", n=60)]
            if key == "dropbox":
                return [self.it("Dropbox", "dropbox_sync", ts=lambda t: self.clock(t)[:12],
                                reason="network is unreachable")]
            if key == "mdworker":
                return [self.it("mdworker", "mdworker", plugin="/Library/Spotlight/Microsoft Office.mdimporter",
                                uti="org.openxmlformats.wordprocessingml.document", n=-10)]
            if key == "captive_inactive":
                return [self.it("UserEventAgent", "captive_inactive")]
            raise KeyError(key)
        return fn

    def weighted_episodes(self):
        return [(16, self.e_wake), (14, self.e_sleep), (22, self.e_roam), (20, self.e_thermal), (17, self.e_qq),
                (9, self.e_sandbox), (8, self.e_webcontent), (4, self.e_corecapture), (4, self.e_sharing_scan),
                (4, self.e_captive), (4, self.e_netchange), (5, self.e_windowserver), (3, self.e_symptoms),
                (2, self.e_google_update), (2.5, self.e_secd), (3, self.e_launchd), (2.5, self.e_networkd),
                (3, self.e_tls), (1.2, self.e_misc_rare("cts")), (1.5, self.e_misc_rare("asl")),
                (0.8, self.e_misc_rare("soap")), (0.8, self.e_misc_rare("location")),
                (0.7, self.e_misc_rare("mdns_sendto")), (0.6, self.e_misc_rare("keychain"))]

    def fixed_episodes(self):
        m = self.e_misc_rare
        return [(2, m("asl_module")), (1, m("connectx")), (1, m("secd_query")), (1, m("soap")), (1, m("crazyivan")), (1, m("coretext")), (2, m("geod")), (1, m("wechat")), (2, m("sfl")),
                (1, m("fig")), (2, m("qq_db")), (2, m("wakeups")), (2, m("bt")), (1, m("usb")), (2, m("in6")),
                (1, m("country"), 0.3), (1, m("btcoex")), (1, m("aqm")), (1, m("actuator")), (1, m("sandbox_mach")),
                (1, m("word")), (1, m("mail")), (1, m("dropbox")), (1, m("mdworker")), (1, m("captive_inactive"))]

    def build(self):
        self.new_network()
        return System.build(self)

    def render(self, t, ev, vals, content):
        comp = vals["_comp"]
        head = "%s %2d %s %s %s[%d]" % (MONTH[t.month - 1], t.day, t.strftime("%H:%M:%S"), vals["_host"], comp,
                                        self.procs[comp])
        if vals.get("_addr"):
            head += " (%s)" % vals["_addr"]
        return head + ": " + content


SYSTEMS = [HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird]


def summary(s, used):
    once = sum(1 for v in used.values() if v <= 2)
    top3 = sum(sorted(used.values(), reverse=True)[:3])
    return ("%-11s %d lines, %3d templates (top 3 cover %4.1f%%, %d seen once or twice)"
            % (s.name, s.n_lines, len(s.events), 100.0 * top3 / s.n_lines, once))


if __name__ == "__main__":
    sys.exit(loghub_corpus.main(sys.argv, SYSTEMS, summary))
