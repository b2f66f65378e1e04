#!/usr/bin/env python3
"""Generate the loghub-recall2 corpus: labelled synthetic imitations of six Loghub-2k systems
(HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird), written from memory of the real files
and of the corrected (Loghub-2.0 style) labels.  See README.md.

    python3 generate.py OUT_DIR

Deterministic (seed "loghub-recall2/v1"), Python standard library only.  Uses the shared
machinery of tests/data/loghub_corpus.py: every event type is one message text whose variable
parts are slots <@name>; its EventTemplate is the text with every slot replaced by <*>.
"""

import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import loghub_corpus  # noqa: E402
from loghub_corpus import hexs, weighted  # noqa: E402


class System(loghub_corpus.System):
    """The knobs of this corpus; see loghub_corpus.System."""
    seed = "loghub-recall2/v1"
    fixed_margin = 20
    inner_gap = (0.0, 1.5)
    pool_tries = 20
    collapse_spaces = True          # corrected Loghub templates write one blank for a run of blanks
    pub_ip_reserved = (0, 10, 100, 127, 169, 172, 192, 198, 203, 224)

    # -- a single-line event that is also its own weighted episode ------------------------
    def one(self, key, text, weight_, comp=None, **gens):
        """Define an event and register it as a one-line episode of weight w.  gens: slot ->
        value or callable(); header hints starting with '_' are passed through to render()."""
        hdr = {"comp": comp} if comp is not None else {}
        self.ev(key, text, **hdr)
        self._singles.append((weight_, key, gens))

    def single_episodes(self):
        out = []
        for w, key, gens in self._singles:
            out.append((w, self._mk_single(key, gens)))
        return out

    def _mk_single(self, key, gens):
        def fn():
            vals = {}
            for k, g in gens.items():
                vals[k] = g() if callable(g) else g
            return [(key, vals)]
        return fn

    def __init__(self):
        self._singles = []
        super().__init__()

    # -- common value makers ----------------------------------------------------------------
    def rint(self, a, b):
        return str(self.r.randint(a, b))


def interleave(r, seqs):
    """Merge several per-connection line sequences, keeping each one's order."""
    seqs = [list(s) for s in seqs if s]
    out = []
    while seqs:
        i = r.randrange(len(seqs))
        out.append(seqs[i].pop(0))
        if not seqs[i]:
            seqs.pop(i)
    return out


TLDS = ["com", "net", "cn", "com.cn", "ru", "com.br", "kr", "vn", "in", "tw", "co.id", "it", "de", "pl"]
ISP_WORDS = ["static", "dynamic", "adsl", "dsl", "pool", "host", "dhcp", "cable", "broadband", "ip",
             "customer", "client", "ppp", "dial"]
ISP_NAMES = ["chinanet", "hinet", "telecomitalia", "rima-tde", "bezeqint", "vnpt", "telesp",
             "kornet", "airtelbroadband", "rostelecom", "orange", "comcast", "verizon", "shawcable",
             "adelphia", "charter", "optonline", "telmex", "net-lab", "pldt", "myvzw", "tpnet",
             "east.verizon", "res.rr", "bellsouth", "qwest", "cox", "sbcglobal", "ocn.ne"]


def rdns(r, ip, style=None):
    a, b, c, d = ip.split(".")
    style = style if style is not None else r.randrange(6)
    isp = r.choice(ISP_NAMES)
    tld = r.choice(TLDS)
    if style == 0:
        return "%s-%s-%s-%s.%s.%s" % (a, b, c, d, isp, tld)
    if style == 1:
        return "%s.%s.%s.%s.%s.%s.%s" % (d, c, b, a, r.choice(ISP_WORDS), isp, tld)
    if style == 2:
        return "%s-%s-%s-%s.%s.%s" % (r.choice(ISP_WORDS), a, b, c, isp, tld)
    if style == 3:
        return "host%s.%s.%s" % (d, isp, tld)
    if style == 4:
        return "%s%s.%s.%s" % (r.choice(["mail", "ns", "www", "server", "srv", "web"]), r.randint(1, 40),
                                "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(6, 14))),
                                r.choice(["com", "net", "org", "info", "biz"]))
    return "%s-%s-%s-%s.%s.%s.%s" % (r.choice(ISP_WORDS), a, b, c, d, isp, tld)


# ===========================================================================================
# OpenSSH: sshd on the LabSZ server, under constant brute force
# ===========================================================================================

class OpenSSH(System):
    name = "OpenSSH"
    log_format = r"<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>"
    start = datetime(2017, 12, 10, 6, 41, 12)
    mean_gap = 14.0
    inner_gap = (0.0, 2.5)
    settings = {"regex": [r"(\d+\.){3}\d+", r"([\w-]+\.){2,}[\w-]+"], "st": 0.6, "depth": 5}

    DICT = ["admin", "test", "user", "oracle", "guest", "postgres", "ubuntu", "pi", "support", "ftpuser",
            "git", "nagios", "hadoop", "mysql", "tomcat", "webmaster", "www", "info", "student", "teacher",
            "demo", "ftp", "jenkins", "deploy", "backup", "operator", "minecraft", "test1", "test2", "user1",
            "ubnt", "administrator", "web", "sales", "office", "server", "zabbix", "redis", "vagrant", "james",
            "michael", "david", "robert", "alex", "anna", "mark", "lisa", "tester", "testuser", "sysadmin",
            "hduser", "spark", "elastic", "es", "kafka", "butter", "dev", "developer", "cisco", "bot",
            "usuario", "a", "0", "1234", "123456", "PlcmSpIp", "vyatta", "ts3", "teamspeak", "steam",
            "matt", "ghost", "nobody", "uucp", "bin", "daemon", "lp", "mail", "news", "games"]

    def define(self):
        r = self.r
        e = self.ev
        e("rev", "reverse mapping checking getaddrinfo for <@host> [<@ip>] failed - POSSIBLE BREAK-IN ATTEMPT!")
        e("addrmap", "Address <@ip> maps to <@host>, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!")
        e("inv", "Invalid user <@user> from <@ip>")
        e("inreq", "input_userauth_request: invalid user <@user> [preauth]")
        e("chk", "pam_unix(sshd:auth): check pass; user unknown")
        e("authf", "pam_unix(sshd:auth): authentication failure; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= rhost=<@rhost>")
        e("authfu", "pam_unix(sshd:auth): authentication failure; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= rhost=<@rhost>  user=<@user>")
        e("fpw", "Failed password for <@user> from <@ip> port <@port> ssh2")
        e("fpwi", "Failed password for invalid user <@user> from <@ip> port <@port> ssh2")
        e("fnone", "Failed none for invalid user <@user> from <@ip> port <@port> ssh2")
        e("rep", "message repeated <@n> times: [ Failed password for <@user> from <@ip> port <@port> ssh2]")
        e("bye", "Received disconnect from <@ip>: <@code>: Bye Bye [preauth]")
        e("byeuser", "Received disconnect from <@ip>: <@code>: disconnected by user")
        e("closedreq", "Received disconnect from <@ip>: <@code>: Closed due to user request. [preauth]")
        e("jsch", "error: Received disconnect from <@ip>: <@code>: com.jcraft.jsch.JSchException: Auth fail [preauth]")
        e("nomore", "error: Received disconnect from <@ip>: <@code>: No more user authentication methods available. [preauth]")
        e("closed", "Connection closed by <@ip> [preauth]")
        e("noid", "Did not receive identification string from <@ip>")
        e("toomany", "Disconnecting: Too many authentication failures for <@user> [preauth]")
        e("pam1", "PAM <@n> more authentication failure; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= rhost=<@rhost>  user=<@user>")
        e("pamn", "PAM <@n> more authentication failures; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= rhost=<@rhost>  user=<@user>")
        e("pamnx", "PAM <@n> more authentication failures; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= rhost=<@rhost>")
        e("ignmax", "PAM service(sshd) ignoring max retries; <@a> > <@b>")
        e("acc", "Accepted password for <@user> from <@ip> port <@port> ssh2")
        e("sopen", "pam_unix(sshd:session): session opened for user <@user> by (uid=<@uid>)")
        e("sclose", "pam_unix(sshd:session): session closed for user <@user>")
        e("wfail", "fatal: Write failed: Connection reset by peer [preauth]")
        e("badproto", "Bad protocol version identification '<@banner>' from <@ip> port <@port>")
        self.pid = 24195

        def attacker():
            ip = self.pub_ip()
            kind = weighted(r, [("root", 8), ("dict", 3), ("mixed", 2)])
            rev = r.random() < 0.35
            host = rdns(r, ip) if (rev or r.random() < 0.4) else None
            return (ip, kind, rev, host)
        self.attackers = self.pool(attacker, 160, 1.1)
        self.jsch_ip = self.pub_ip()
        self.scanners = self.pool(self.pub_ip, 30, 0.8)
        self.legit = [("fztu", self.pub_ip()), ("curi", "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 250))),
                      ("hxu", self.pub_ip()), ("root", "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 250)))]

    def v_uid(self):
        return "0"

    def v_euid(self):
        return "0"

    def v_code(self):
        return "11"

    def newpid(self):
        self.pid += self.r.randint(1, 9)
        return str(self.pid)

    def port(self):
        return str(self.r.randint(1025, 65000))

    def conn_root(self, ip, rev, host, pid):
        r = self.r
        rh = host if (host and rev) else ip
        P = {"_pid": pid, "ip": ip, "rhost": rh, "port": self.port(), "user": "root"}
        items = []
        if rev:
            items.append(("rev", dict(P, host=host)))
        items.append(("authfu", P))
        items.append(("fpw", P))
        k = weighted(r, [("bye", 10), ("max", 6), ("few", 5), ("closed", 2)])
        if k == "max":
            n = 5
            if r.random() < 0.5:
                items.append(("rep", dict(P, n=str(n))))
            else:
                for _ in range(n):
                    items.append(("fpw", P))
            items.append(("toomany", P))
            items.append(("pamn", dict(P, n=str(n))))
            items.append(("ignmax", dict(P, a="6", b="3")))
        elif k == "few":
            n = r.randint(1, 4)
            if n > 1 and r.random() < 0.6:
                items.append(("rep", dict(P, n=str(n))))
            else:
                for _ in range(n):
                    items.append(("fpw", P))
            items.append(("bye", P))
            if n == 1:
                items.append(("pam1", dict(P, n="1")))
            else:
                items.append(("pamn", dict(P, n=str(n))))
                if n + 1 > 3:
                    items.append(("ignmax", dict(P, a=str(n + 1), b="3")))
        elif k == "closed":
            items.append(("closed", P))
        else:
            items.append(("bye", P))
        return items

    def conn_dict(self, ip, rev, host, pid, user=None):
        r = self.r
        user = user or (r.choice(self.DICT) if r.random() < 0.85 else
                        r.choice(self.DICT) + str(r.randint(1, 99)))
        rh = host if (host and rev) else ip
        P = {"_pid": pid, "ip": ip, "rhost": rh, "port": self.port(), "user": user}
        items = []
        if rev:
            items.append(("rev", dict(P, host=host)))
        items.append(("inv", P))
        items.append(("inreq", P))
        if r.random() < 0.03:
            items.append(("fnone", P))
        items.append(("chk", P))
        items.append(("authf", P))
        items.append(("fpwi", P))
        k = weighted(r, [("bye", 12), ("closed", 2), ("more", 2), ("jsch", 0)])
        if k == "more":
            items.append(("chk", P))
            items.append(("fpwi", P))
            items.append(("bye", P))
            items.append(("pamnx", dict(P, n="1" if r.random() < 0.2 else "2")))
            if items[-1][1]["n"] == "1":
                items[-1] = ("pamnx", dict(P, n="2"))
        elif k == "closed":
            items.append(("closed", P))
        else:
            items.append(("bye", P))
        return items

    def e_attack(self):
        r = self.r
        ip, kind, rev, host = self.attackers()
        nconn = weighted(r, [(1, 6), (2, 3), (3, 2), (4, 1)])
        seqs = []
        for _ in range(nconn):
            pid = self.newpid()
            if kind == "root" or (kind == "mixed" and r.random() < 0.5):
                seqs.append(self.conn_root(ip, rev, host, pid))
            else:
                seqs.append(self.conn_dict(ip, rev, host, pid))
        return interleave(r, seqs)

    def e_revonly(self):
        ip, kind, rev, host = self.attackers()
        host = host or rdns(self.r, ip)
        pid = self.newpid()
        items = [("rev", {"_pid": pid, "ip": ip, "host": host})]
        if self.r.random() < 0.5:
            items.append(("closed", {"_pid": pid, "ip": ip}))
        return items

    def e_addrmap(self):
        ip = self.pub_ip()
        pid = self.newpid()
        items = [("addrmap", {"_pid": pid, "ip": ip, "host": rdns(self.r, ip)})]
        items += self.conn_root(ip, False, None, pid)[:3]
        return items

    def e_noid(self):
        return [("noid", {"_pid": self.newpid(), "ip": self.scanners()})]

    def e_closed(self):
        return [("closed", {"_pid": self.newpid(), "ip": self.scanners()})]

    def e_jsch(self):
        r = self.r
        pid = self.newpid()
        user = r.choice(["admin", "root", "ubnt", "user", "support"])
        P = {"_pid": pid, "ip": self.jsch_ip, "rhost": self.jsch_ip, "port": self.port(), "user": user,
             "code": "3"}
        if user == "root":
            return [("authfu", P), ("fpw", P), ("jsch", P)]
        return [("inv", P), ("inreq", P), ("chk", P), ("authf", P), ("fpwi", P), ("jsch", P)]

    def e_nomore(self):
        ip, _, _, _ = self.attackers()
        return [("nomore", {"_pid": self.newpid(), "ip": ip, "code": "14"})]

    def e_wfail(self):
        ip, kind, rev, host = self.attackers()
        items = self.conn_root(ip, rev, host, self.newpid())[: 3]
        items.append(("wfail", {"_pid": items[0][1]["_pid"]}))
        return items

    def e_badproto(self):
        r = self.r
        return [("badproto", {"_pid": self.newpid(), "ip": self.scanners(), "port": self.port(),
                              "banner": r.choice(["GET / HTTP/1.1", "\\026\\003\\001", "SSH-2.0",
                                                  "OPTIONS / RTSP/1.0"])})]

    def e_login(self):
        r = self.r
        user, ip = r.choice(self.legit)
        pid = self.newpid()
        P = {"_pid": pid, "ip": ip, "user": user, "port": self.port()}
        items = [("acc", P), ("sopen", P)]
        if r.random() < 0.75:
            self.later(r.randint(20, 300), [("byeuser", P), ("sclose", P)])
        return items

    def e_closedreq(self):
        ip, _, _, _ = self.attackers()
        pid = self.newpid()
        P = {"_pid": pid, "ip": ip, "rhost": ip, "user": "root", "port": self.port()}
        return [("authfu", P), ("fpw", P), ("closedreq", P)]

    def fixed_episodes(self):
        return [(1, self.e_addrmap), (1, self.e_wfail), (1, self.e_badproto), (1, self.e_nomore),
                (1, self.e_closedreq), (1, self.e_login)]

    def weighted_episodes(self):
        return [(100, self.e_attack), (6, self.e_revonly), (1.2, self.e_addrmap), (3, self.e_noid),
                (4, self.e_closed), (3, self.e_jsch), (0.6, self.e_nomore), (0.5, self.e_wfail),
                (0.2, self.e_badproto), (1.0, self.e_login), (0.4, self.e_closedreq)]

    def render(self, t, ev, vals, content):
        return "%s %2d %s LabSZ sshd[%s]: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"),
                                                 vals["_pid"], content)


# ===========================================================================================
# Proxifier: a Windows desktop behind an HTTPS proxy
# ===========================================================================================

class Proxifier(System):
    name = "Proxifier"
    log_format = r"\[<Time>\] <Program> - <Content>"
    start = datetime(2016, 10, 30, 16, 49, 6)
    mean_gap = 2.6
    inner_gap = (0.0, 0.4)
    settings = {"regex": [r"<\d+\ssec", r"([\w-]+\.)+[\w-]+(:\d+)?", r"\d{2}:\d{2}(:\d{2})*", r"[KGTM]B"],
                "st": 0.6, "depth": 3}

    def define(self):
        r = self.r
        e = self.ev
        e("open", "<@target> open through proxy <@proxy> HTTPS")
        e("open5", "<@target> open through proxy <@proxy> SOCKS5")
        e("c_pp", "<@target> close, <@s> bytes sent, <@rv> bytes received, lifetime <@life>")
        e("c_pk", "<@target> close, <@s> bytes sent, <@rv> bytes (<@rk> KB) received, lifetime <@life>")
        e("c_pm", "<@target> close, <@s> bytes sent, <@rv> bytes (<@rk> MB) received, lifetime <@life>")
        e("c_kk", "<@target> close, <@s> bytes (<@sk> KB) sent, <@rv> bytes (<@rk> KB) received, lifetime <@life>")
        e("c_km", "<@target> close, <@s> bytes (<@sk> KB) sent, <@rv> bytes (<@rk> MB) received, lifetime <@life>")
        e("c_kp", "<@target> close, <@s> bytes (<@sk> KB) sent, <@rv> bytes received, lifetime <@life>")
        e("c_mm", "<@target> close, <@s> bytes (<@sk> MB) sent, <@rv> bytes (<@rk> MB) received, lifetime <@life>")
        e("err403", "<@target> error : Could not connect through proxy <@proxy> - Proxy server cannot establish a connection with the target, status code <@status>")
        e("errcancel", "<@target> error : A connection request was canceled before the completion.")
        e("errproxy", "<@target> error : Could not connect to proxy <@proxy> - connection attempt failed with error <@err>")
        self.proxy = "proxy.cse.lab-net.hk:5070"
        self.socks = "socks.lab-net.hk:1080"
        self.progs = [("chrome.exe", 60, "web"), ("chrome.exe *64", 6, "web"), ("Dropbox.exe", 9, "dropbox"),
                      ("SogouCloud.exe", 3, "cn"), ("YodaoDict.exe", 2, "cn"), ("QQ.exe", 4, "qq"),
                      ("WeChat.exe", 2, "qq"), ("svchost.exe", 3, "ms"), ("OneDrive.exe", 1, "ms"),
                      ("firefox.exe", 2, "web"), ("iexplore.exe", 1, "web"), ("Skype.exe", 1, "ms"),
                      ("putty.exe", 0.4, "ssh"), ("git-remote-https.exe", 0.5, "git"), ("AdobeARM.exe", 0.3, "ms"),
                      ("Thunder.exe", 0.6, "cn"), ("TSVNCache.exe", 0.2, "git"), ("outlook.exe", 1, "ms")]
        words = ["www", "ssl", "img", "static", "api", "clients", "mail", "apis", "cdn", "s", "i", "t",
                 "news", "video", "update", "log", "push", "docs", "accounts", "play", "fonts"]
        doms = {"web": ["google.com", "gstatic.com", "googleapis.com", "youtube.com", "ytimg.com",
                        "facebook.com", "fbcdn.net", "github.com", "githubusercontent.com", "baidu.com",
                        "bdstatic.com", "sina.com.cn", "sinaimg.cn", "qq.com", "gtimg.cn", "wikipedia.org",
                        "stackoverflow.com", "sstatic.net", "microsoft.com", "bing.com", "doubleclick.net",
                        "google-analytics.com", "googleusercontent.com", "cuhk.edu.hk", "taobao.com",
                        "alicdn.com", "twitter.com", "twimg.com", "amazonaws.com", "cloudfront.net",
                        "zhihu.com", "zhimg.com", "163.com", "126.net", "akamaihd.net"],
                "dropbox": ["dropbox.com", "dropboxapi.com"],
                "cn": ["sogou.com", "youdao.com", "xunlei.com", "qq.com", "sandai.net"],
                "qq": ["qq.com", "tencent.com", "qpic.cn", "weixin.qq.com"],
                "ms": ["microsoft.com", "windowsupdate.com", "live.com", "skype.com", "msftncsi.com",
                       "adobe.com", "office365.com", "outlook.com"],
                "ssh": ["lab-net.hk"], "git": ["github.com", "bitbucket.org"]}
        self.targets = {}
        for cat, ds in doms.items():
            def gen(ds=ds, cat=cat):
                if r.random() < 0.12:
                    return "%s:%s" % (self.pub_ip(), weighted(r, [("443", 5), ("80", 4), ("8080", 1), ("5228", 1)]))
                host = r.choice(words) + (str(r.randint(1, 9)) if r.random() < 0.2 else "") + "." + r.choice(ds)
                if cat == "dropbox":
                    host = r.choice(["client-lb", "client", "notify", "d", "block", "bolt", "api", "dl-debug",
                                     "client-cf"]) + "." + r.choice(ds)
                port = weighted(r, [("443", 10), ("80", 5)]) if cat != "ssh" else "22"
                return host + ":" + port
            self.targets[cat] = self.pool(gen, 60 if cat == "web" else 15, 1.0)

    def life(self, long=False):
        r = self.r
        if not long and r.random() < 0.45:
            return "<1 sec"
        s = int(r.expovariate(1 / 40.0)) + 1 if not long else int(r.expovariate(1 / 900.0)) + 60
        if s >= 3600:
            return "%02d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)
        return "%02d:%02d" % (s // 60, s % 60)

    def size(self, scale):
        r = self.r
        return max(0, int(r.lognormvariate(scale, 2.0)))

    def close_items(self, P, long=False):
        r = self.r
        s = self.size(6.3)
        rv = self.size(7.5) if r.random() > 0.2 else 0
        if r.random() < 0.07:
            rv = r.randint(1 << 20, 60 << 20)
        if r.random() < 0.003:
            s = r.randint(1 << 20, 9 << 20)
            rv = max(rv, 1 << 20)

        def unit(n):
            if n < 1024:
                return "p", None
            if n < 1 << 20:
                return "k", "%.2f" % (n / 1024.0)
            return "m", "%.2f" % (n / 1048576.0)
        us, sk = unit(s)
        ur, rk = unit(rv)
        key = "c_" + us + ur
        if key not in self.events:
            if us == "m":
                key, sk = "c_mm", sk
                if ur != "m":
                    rv = r.randint(1 << 20, 4 << 20)
                    rk = "%.2f" % (rv / 1048576.0)
            elif us == "p" and ur == "p":
                key = "c_pp"
            else:
                key = "c_kk"
        return [(key, dict(P, s=str(s), rv=str(rv), sk=sk, rk=rk, life=self.life(long)))]

    def e_conn(self):
        r = self.r
        prog, _, cat = r.choices(self.progs, [p[1] for p in self.progs])[0]
        tgt = self.targets[cat]()
        socks = prog in ("putty.exe", "Thunder.exe", "git-remote-https.exe") or (cat == "qq" and r.random() < 0.3)
        P = {"_prog": prog, "target": tgt, "proxy": self.socks if socks else self.proxy}
        items = [("open5" if socks else "open", P)]
        if r.random() < 0.02:
            items.append(("errcancel", P))
            return items
        long = r.random() < 0.15
        later = r.randint(0, 6) if not long else r.randint(30, 400)
        if later == 0:
            items += self.close_items(P, long)
        else:
            self.later(later, self.close_items(P, long))
        return items

    def e_burst(self):
        """a page load: several connections opened at once"""
        items = []
        for _ in range(self.r.randint(2, 6)):
            items += self.e_conn()
        return items

    def e_err(self):
        r = self.r
        prog, _, cat = r.choices(self.progs, [p[1] for p in self.progs])[0]
        P = {"_prog": prog, "target": self.targets[cat](), "proxy": self.proxy,
             "status": weighted(r, [("403", 8), ("502", 2), ("504", 1)])}
        n = 1 if r.random() < 0.6 else r.randint(2, 5)
        return [("err403", P)] * n

    def e_errproxy(self):
        r = self.r
        prog, _, cat = r.choices(self.progs, [p[1] for p in self.progs])[0]
        P = {"_prog": prog, "target": self.targets[cat](), "proxy": self.proxy,
             "err": weighted(r, [("10061", 3), ("10060", 1)])}
        return [("errproxy", P)]

    def weighted_episodes(self):
        return [(60, self.e_conn), (10, self.e_burst), (2.2, self.e_err), (0.15, self.e_errproxy)]

    def render(self, t, ev, vals, content):
        return "[%s] %s - %s" % (t.strftime("%m.%d %H:%M:%S"), vals["_prog"], content)


# ===========================================================================================
# HealthApp: the step counter and health-data service of an Android phone
# ===========================================================================================

class HealthApp(System):
    name = "HealthApp"
    log_format = r"<Time>\|<Component>\|<Pid>\|<Content>"
    start = datetime(2017, 12, 23, 22, 15, 29)
    mean_gap = 11.0
    inner_gap = (0.0, 0.02)
    settings = {"regex": [], "st": 0.2, "depth": 4}

    def define(self):
        r = self.r
        e = self.ev
        # the step loop
        e("stand", "onStandStepChanged <@n>", comp="Step_LSC")
        e("extend", "onExtend:<@ts> <@a> <@b> <@c>", comp="Step_LSC")
        e("recv", "onReceive action: <@action>", comp="Step_StandReportReceiver")
        e("pha", "processHandleBroadcastAction action:<@action>", comp="Step_LSC")
        e("flush", "flush sensor data", comp="Step_StandStepCounter")
        e("get", "getTodayTotalDetailSteps = <@ts>##<@steps>##<@d1>##<@d2>##<@d3>##<@d4>", comp="Step_SPUtils")
        e("set", "setTodayTotalDetailSteps=<@ts>##<@steps>##<@d1>##<@d2>##<@d3>##<@d4>", comp="Step_SPUtils")
        e("cal", "calculateCaloriesWithCache totalCalories=<@cal>", comp="Step_ExtSDM")
        e("alt", "calculateAltitudeWithCache totalAltitude=<@alt>", comp="Step_ExtSDM")
        e("report", "REPORT : <@steps> <@a> <@cal> <@alt>", comp="Step_LSC")
        e("screenunk", "screen status unknown,think screen on", comp="Step_ScreenUtil")
        e("uponemin", "upLoadOneMinuteDataToEngine time=<@ts>,step=<@n>,ss=<@a>", comp="Step_ExtSDM")
        e("dbflag", "setWriteDBFlag flag = <@flag>", comp="Step_SPUtils")
        e("notify", "onNotificationStepChanged step = <@n>, isGoalReached = <@flag>", comp="Step_NotificationUtil")
        e("newday", "checkCurrentDay a new day comes , reset basic step data", comp="Step_LSC")
        e("timetick", "onTimeTick time = <@ts>", comp="Step_StandReportReceiver")
        e("sensorreg", "registerSensor success, sensorType = <@a>", comp="Step_StandStepCounter")
        e("sensorunreg", "unRegisterSensor sensorType = <@a>", comp="Step_StandStepCounter")
        e("hgnh", "totalDetailSteps=<@steps>", comp="Step_HGNH")
        e("flushdata", "tryToFlushData , time interval = <@ms>", comp="Step_FlushableStepDataCache")
        e("insertok", "insert step data to db success, size = <@a>", comp="Step_FlushableStepDataCache")
        e("powersave", "isPowerSaveMode = <@flag>", comp="Step_PowerManagerHelper")
        # health data service
        e("hi_insert", "saveHealthDetailData() dataList size = <@a>, clientID = <@b>", comp="HiH_HiHealthDataInsertStore")
        e("hi_insfail", "insertHiHealthData() bulkSaveDetailHiHealthData fail errorCode = <@a> errorMessage = ERR_DATA_INSERT", comp="HiH_HiHealthDataInsertStore")
        e("hi_insoneok", "saveOneDetailData() success type = <@a>", comp="HiH_HiHealthDataInsertStore")
        e("hi_sync_chk", "checkIsNeedSync() , lastSyncTime = <@ts>, now = <@ts2>", comp="HiH_HiSyncControl")
        e("hi_sync_sw", "getSyncSwitch() , isSyncSwitchOpen = <@flag>", comp="HiH_HiSyncControl")
        e("hi_sync_start", "startSync() syncType = <@a>, syncAction = <@b>", comp="HiH_HiSyncControl")
        e("hi_sync_busy", "startSync() isSyncing now , return", comp="HiH_HiSyncControl")
        e("hi_sync_noacc", "checkSyncCondition() user is not login , can not sync", comp="HiH_HiSyncControl")
        e("hi_bc_fail", "sendSyncFailedBroadcast() errorCode = <@a>", comp="HiH_HiBroadcastUtil")
        e("hi_bc_ok", "sendSyncSuccessBroadcast()", comp="HiH_HiBroadcastUtil")
        e("hi_pkg", "getCallingPackageName() packageName = <@pkg>", comp="HiH_HiAppUtil")
        e("hi_bind", "onBind() intent = Intent { act=<@act> pkg=<@pkg> }", comp="HiH_HiHealthBinder")
        e("hi_reg", "registerDataAutoReport() type = <@a>", comp="HiH_HiHealthBinder")
        e("hi_stat", "statDaySteps() day = <@day>, steps = <@steps>", comp="HiH_DataStatManager")
        e("hi_statcal", "statDayCalories() day = <@day>, calories = <@cal>", comp="HiH_DataStatManager")
        e("hi_cache", "addDataToCache() type = <@a>, size = <@b>", comp="HiH_HiDataCacheManager")
        e("hi_netfail", "doPostRequest() network is not connected", comp="HiH_HiNetUtil")
        e("hi_upl", "uploadHealthData() upload success, dataSize = <@a>", comp="HiH_HiSyncUpload")
        e("hi_token", "getAccessToken() token is invalid , need refresh", comp="HiH_HiAccountManager")
        e("hi_dev", "getDeviceID() deviceUUID = <@uuid>", comp="HiH_HiDeviceManager")
        self.pid = "30002312"
        self.hipid = "30002312"
        self.steps = 6980
        self.base_ts = 1514038440000
        self.d = [548365, 8661, 12266, 27164404]
        self.cal = 126500
        self.alt = 240

    def v_flag(self):
        return self.r.choice(["true", "false"])

    def v_ts(self):
        return str(self.base_ts)

    def step_cycle(self):
        """one step-count change: the core loop that dominates the real file"""
        r = self.r
        inc = r.choice([1, 2, 3, 5, 8, 13, 14, 20, 29])
        old = (self.steps, list(self.d))
        self.steps += inc
        self.d[0] += inc * r.randint(70, 80)
        self.d[1] += r.randint(0, 3)
        self.d[2] += r.randint(20, 120)
        self.d[3] += r.randint(3000, 12000)
        self.cal += inc * r.randint(35, 45)
        if r.random() < 0.05:
            self.alt += r.choice([-10, 10, 20])
        stand = 3500 + (self.steps // 2) % 400
        ts = str(self.base_ts)
        items = []
        if r.random() < 0.9:
            items.append(("stand", {"n": str(stand)}))
        items.append(("extend", {"ts": str(self.base_ts + 60000 * r.randint(0, 2)), "a": str(r.randint(0, 30)),
                                 "b": "0", "c": str(r.choice([2, 4, 4, 4, 8]))}))
        if r.random() < 0.4:
            items.append(("flush", {}))
        g = {"ts": ts, "steps": str(old[0]), "d1": str(old[1][0]), "d2": str(old[1][1]), "d3": str(old[1][2]),
             "d4": str(old[1][3])}
        s = {"ts": ts, "steps": str(self.steps), "d1": str(self.d[0]), "d2": str(self.d[1]), "d3": str(self.d[2]),
             "d4": str(self.d[3])}
        items.append(("get", g))
        items.append(("set", s))
        items.append(("cal", {"cal": str(self.cal)}))
        items.append(("alt", {"alt": str(self.alt)}))
        items.append(("report", {"steps": str(self.steps), "a": str(5000 + self.steps % 9 * 1 + 2),
                                 "cal": str(self.cal + 23000), "alt": str(self.alt)}))
        if r.random() < 0.08:
            items.append(("hgnh", {"steps": str(self.steps)}))
        if r.random() < 0.03:
            items.append(("notify", {"n": str(self.steps), "flag": "false"}))
        return items

    def e_steps(self):
        items = []
        for _ in range(self.r.choice([1, 1, 1, 2, 3])):
            items += self.step_cycle()
        self.base_ts += 60000 * self.r.randint(0, 2)
        return items

    def e_screen(self):
        r = self.r
        act = weighted(r, [("android.intent.action.SCREEN_ON", 6), ("android.intent.action.SCREEN_OFF", 3),
                           ("android.intent.action.USER_PRESENT", 2)])
        items = [("recv", {"action": act}), ("pha", {"action": act})]
        if r.random() < 0.5:
            items.append(("flush", {}))
        if act.endswith("SCREEN_ON") and r.random() < 0.2:
            items.append(("screenunk", {}))
        if r.random() < 0.4:
            items += self.step_cycle()
        return items

    def e_tick(self):
        r = self.r
        items = [("timetick", {"ts": str(self.base_ts)})]
        if r.random() < 0.5:
            items.append(("uponemin", {"ts": str(self.base_ts), "n": str(r.randint(0, 40)), "a": str(r.randint(0, 3))}))
        if r.random() < 0.3:
            items.append(("flushdata", {"ms": str(r.randint(55000, 300000))}))
            items.append(("insertok", {"a": str(r.randint(1, 6))}))
        return items

    def e_sync(self):
        r = self.r
        now = self.base_ts + r.randint(0, 59999)
        items = [("hi_pkg", {"pkg": "com.huawei.health"}),
                 ("hi_sync_chk", {"ts": str(now - r.randint(600000, 9000000)), "ts2": str(now)}),
                 ("hi_sync_sw", {"flag": "true"})]
        k = weighted(r, [("start", 6), ("busy", 2), ("noacc", 1)])
        if k == "start":
            items.append(("hi_sync_start", {"a": str(r.choice([1, 2, 20000])), "b": str(r.choice([0, 2]))}))
            if r.random() < 0.4:
                items.append(("hi_netfail", {}))
                items.append(("hi_bc_fail", {"a": str(r.choice([1001, 1003]))}))
            else:
                items.append(("hi_upl", {"a": str(r.randint(1, 30))}))
                items.append(("hi_bc_ok", {}))
        elif k == "busy":
            items.append(("hi_sync_busy", {}))
        else:
            items.append(("hi_sync_noacc", {}))
        return items

    def e_insert(self):
        r = self.r
        items = [("hi_insert", {"a": str(r.randint(1, 12)), "b": str(r.choice([1, 1, 1, 2, 3]))})]
        if r.random() < 0.15:
            items.append(("hi_insfail", {"a": "4"}))
        else:
            items.append(("hi_insoneok", {"a": str(r.choice([2, 40002, 40003, 40004]))}))
        if r.random() < 0.35:
            items.append(("hi_cache", {"a": str(r.choice([2, 40002])), "b": str(r.randint(1, 20))}))
        return items

    def e_rare(self):
        r = self.r
        k = weighted(r, [("bind", 3), ("reg", 2), ("stat", 3), ("token", 1.5), ("dev", 1), ("power", 2),
                         ("dbflag", 2), ("sensor", 1.5)])
        if k == "bind":
            return [("hi_pkg", {"pkg": r.choice(["com.huawei.health", "com.huawei.bone", "com.huawei.hwid"])}),
                    ("hi_bind", {"act": "com.huawei.health.action.BIND_HIHEALTH", "pkg": "com.huawei.health"})]
        if k == "reg":
            return [("hi_reg", {"a": str(r.choice([40002, 40003, 40004]))})]
        if k == "stat":
            return [("hi_stat", {"day": "20171223" if r.random() < 0.6 else "20171224", "steps": str(self.steps)}),
                    ("hi_statcal", {"day": "20171223", "cal": str(self.cal)})]
        if k == "token":
            return [("hi_token", {})]
        if k == "dev":
            return [("hi_dev", {"uuid": hexs(r, 16)})]
        if k == "power":
            return [("powersave", {"flag": "false"})]
        if k == "dbflag":
            return [("dbflag", {"flag": r.choice(["true", "false"])})]
        return [("sensorunreg", {"a": "19"}), ("sensorreg", {"a": "19"})]

    def e_newday(self):
        self.steps = 0
        return [("newday", {}), ("sensorreg", {"a": "19"})] + self.step_cycle()

    def e_logout(self):
        return [("hi_pkg", {"pkg": "com.huawei.health"}), ("hi_sync_noacc", {})]

    def e_sensor(self):
        return [("sensorunreg", {"a": "19"}), ("sensorreg", {"a": "19"})]

    def fixed_episodes(self):
        return [(1, self.e_newday, 0.62), (1, self.e_logout), (1, self.e_sensor)]

    def weighted_episodes(self):
        return [(60, self.e_steps), (14, self.e_screen), (8, self.e_tick), (5, self.e_sync), (10, self.e_insert),
                (14, self.e_rare)]

    def render(self, t, ev, vals, content):
        pid = self.hipid if ev.hdr["comp"].startswith("HiH") else self.pid
        ts = "%s-%d:%s:%d" % (t.strftime("%Y%m%d"), t.hour, t.strftime("%M:%S"), t.microsecond // 1000)
        return "%s|%s|%s|%s" % (ts, ev.hdr["comp"], pid, content)


# ===========================================================================================
# Linux: /var/log/messages of a 2005 Red Hat (Fedora Core 2 era) box, "combo"
# ===========================================================================================

def ctime_parts(t):
    """the five blank-separated parts of ctime(): Sun Jul  3 04:02:11 2005"""
    return {"dn": t.strftime("%a"), "mon": t.strftime("%b"), "dd": "%2d" % t.day,
            "hms": t.strftime("%H:%M:%S"), "yr": t.strftime("%Y")}


class Linux(System):
    name = "Linux"
    log_format = r"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>"
    start = datetime(2005, 6, 12, 9, 41, 3)
    mean_gap = 3300.0
    inner_gap = (0.0, 1.2)
    settings = {"regex": [r"(\d+\.){3}\d+", r"\d{2}:\d{2}:\d{2}"], "st": 0.39, "depth": 6}

    def define(self):
        r = self.r
        e = self.ev
        AUTHF = "authentication failure; logname= uid=<@uid> euid=<@euid> tty=NODEVssh ruser= rhost=<@rhost>"
        e("authf", AUTHF)
        e("authfu", AUTHF + "  user=<@user>")
        e("chk", "check pass; user unknown")
        e("sopen", "session opened for user <@user> by (uid=<@uid>)")
        e("sopen_login", "session opened for user <@user> by LOGIN(uid=<@uid>)")
        e("sclose", "session closed for user <@user>")
        e("gdm_authf", "authentication failure; logname= uid=<@uid> euid=<@euid> tty=:<@tty> ruser= rhost=")
        e("gdm_noauth", "Couldn't authenticate user")
        e("ftp_conn", "connection from <@ip> (<@host>) at <@dn> <@mon> <@dd> <@hms> <@yr>")
        e("ftp_conn0", "connection from <@ip> () at <@dn> <@mon> <@dd> <@hms> <@yr>")
        e("ftp_anon", "ANONYMOUS FTP LOGIN FROM <@ip>, (anonymous)")
        e("ftp_closed", "FTP session closed")
        e("ftp_timeout", "User unknown timed out after <@n> seconds at <@dn> <@mon> <@dd> <@hms> <@yr>")
        e("ftp_peer", "getpeername (ftpd): Transport endpoint is not connected")
        e("lr_alert", "ALERT exited abnormally with [<@n>]")
        e("klog_krb", "Kerberos authentication failed")
        e("klog_replay", "Authentication failed from <@ip> (<@host>): Permission denied in replay cache code")
        e("klog_abort", "Authentication failed from <@ip> (<@host>): Software caused connection abort")
        e("xin_start", "START: <@svc> pid=<@n> from=<@ip>")
        e("xin_exit", "EXIT: <@svc> status=<@st> pid=<@n> duration=<@d>(sec)")
        e("xin_ver", "xinetd Version <@ver> started with libwrap loadavg options compiled in.")
        e("xin_work", "Started working: <@n> available services")
        e("xin_stop", "Exiting...")
        e("slg_restart", "restart.")
        e("slg_sig", "exiting on signal <@n>")
        e("klogd_start", "klogd <@ver>, log source = /proc/kmsg started.")
        e("klogd_stop", "Kernel logging (proc) stopped.")
        e("klogd_term", "Kernel log daemon terminating.")
        e("svc_ok", "<@daemon> startup succeeded")
        e("svc_down", "<@daemon> shutdown succeeded")
        e("net_ok", "Bringing up loopback interface:  succeeded")
        e("net_eth", "Bringing up interface <@ifc>:  succeeded")
        e("net_params", "Setting network parameters:  succeeded")
        e("rand_ok", "Initializing random number generator:  succeeded")
        e("pcmcia", "Starting pcmcia:  succeeded")
        e("hcid_ver", "HCI daemon ver <@ver> started")
        e("sdpd_ver", "sdpd v<@ver> started")
        e("statd_ver", "Version <@ver> Starting")
        e("named_start", "starting BIND <@ver> -u named")
        e("named_cmd", "command channel listening on <@ip>#<@port>")
        e("named_zone", "zone <@zone>/IN: loaded serial <@n>")
        e("named_run", "running")
        e("snmp_ver", "NET-SNMP version <@ver>")
        e("snmp_conn", "Received SNMP packet(s) from <@ip>")
        e("gpm", "*** info [startup.c(95)]: Started gpm successfully. Entered daemon mode.")
        e("login_root", "ROOT LOGIN ON <@tty>")
        e("init_rl", "Switching to runlevel: <@n>")
        e("shutdown", "shutting down for system reboot")
        e("udev", "udev startup succeeded")
        e("irq_vector", "irqbalance: Unable to determine the number of CPUs, assuming <@n>")
        e("rpc_idmap", "nss_getpwnam: name '<@user>' does not map into domain '<@dom>'")
        # kernel: boot sequence
        K = [
            ("k_ver", "Linux version <@kver> (bhcompile@bugs.build.redhat.com) (gcc version <@gccver> (Red Hat Linux <@rhver>)) #1 <@kdn> <@kmon> <@kdd> <@khms> EDT <@kyr>"),
            ("k_bios", "BIOS-provided physical RAM map:"),
            ("k_e820u", "BIOS-e820: <@a> - <@b> (usable)"),
            ("k_e820r", "BIOS-e820: <@a> - <@b> (reserved)"),
            ("k_e820a", "BIOS-e820: <@a> - <@b> (ACPI data)"),
            ("k_high", "<@n>MB HIGHMEM available."),
            ("k_low", "<@n>MB LOWMEM available."),
            ("k_zap", "zapping low mappings."),
            ("k_node", "On node <@n> totalpages: <@m>"),
            ("k_dma", "DMA zone: <@n> pages, LIFO batch:<@m>"),
            ("k_normal", "Normal zone: <@n> pages, LIFO batch:<@m>"),
            ("k_highz", "HighMem zone: <@n> pages, LIFO batch:<@m>"),
            ("k_dmi", "DMI <@ver> present."),
            ("k_acpi_dis", "ACPI: Disabling ACPI support"),
            ("k_zonelists", "Built <@n> zonelists"),
            ("k_cmdline", "Kernel command line: ro root=LABEL=/ rhgb quiet"),
            ("k_apic", "mapped APIC to <@a> (<@b>)"),
            ("k_initcpu", "Initializing CPU#<@n>"),
            ("k_pidhash", "PID hash table entries: <@n> (order <@m>: <@b> bytes)"),
            ("k_mhz", "Detected <@f> MHz processor."),
            ("k_tsc", "Using tsc for high-res timesource"),
            ("k_console", "Console: colour VGA+ 80x25"),
            ("k_dentry", "Dentry cache hash table entries: <@n> (order: <@m>, <@b> bytes)"),
            ("k_inode", "Inode-cache hash table entries: <@n> (order: <@m>, <@b> bytes)"),
            ("k_mem", "Memory: <@a>k/<@b>k available (<@c>k kernel code, <@d>k reserved, <@e>k data, <@f>k init, <@g>k highmem)"),
            ("k_bogo", "Calibrating delay loop... <@f> BogoMIPS"),
            ("k_scaff", "Security Scaffold v1.0.0 initialized"),
            ("k_selinux", "SELinux:  Initializing."),
            ("k_selinux2", "SELinux:  Starting in permissive mode"),
            ("k_mount", "Mount-cache hash table entries: <@n> (order: <@m>, <@b> bytes)"),
            ("k_l1", "CPU: L1 I cache: <@a>K, L1 D cache: <@b>K"),
            ("k_l2", "CPU: L2 cache: <@a>K"),
            ("k_mce", "Intel machine check architecture supported."),
            ("k_mce2", "Intel machine check reporting enabled on CPU#<@n>."),
            ("k_cpu", "CPU: Intel Pentium III (Coppermine) stepping <@n>"),
            ("k_fpu", "Enabling fast FPU save and restore... done."),
            ("k_hlt", "Checking 'hlt' instruction... OK."),
            ("k_posix", "POSIX conformance testing by UNIFIX"),
            ("k_netfam", "NET: Registered protocol family <@n>"),
            ("k_pcicfg", "PCI: Using configuration type <@n>"),
            ("k_pnp", "Linux Plug and Play Support v0.97 (c) Adam Belay"),
            ("k_usbcore", "usbcore: registered new driver <@drv>"),
            ("k_rtc", "Real Time Clock Driver v1.12"),
            ("k_agp", "Linux agpgart interface v0.100 (c) Dave Jones"),
            ("k_floppy", "Floppy drive(s): fd0 is 1.44M"),
            ("k_ramdisk", "RAMDISK driver initialized: 16 RAM disks of 16384K size 1024 blocksize"),
            ("k_hda", "hda: <@model>, ATA DISK drive"),
            ("k_ide0", "ide0 at 0x1f0-0x1f7,0x3f6 on irq 14"),
            ("k_ext3", "EXT3-fs: mounted filesystem with ordered data mode."),
            ("k_kjournald", "kjournald starting.  Commit interval 5 seconds"),
            ("k_free", "Freeing unused kernel memory: <@n>k freed"),
            ("k_swap", "Adding <@n>k swap on <@dev>.  Priority:<@p> extents:<@m>"),
            ("k_audit", "audit(<@ts>:0): initialized"),
            ("k_bt", "Bluetooth: Core ver 2.4"),
            ("k_bthci", "Bluetooth: HCI device and connection manager initialized"),
            ("k_eth", "eth0: link up, 100Mbps, full-duplex, lpa <@hex>"),
        ]
        for key, text in K:
            e(key, text, comp="kernel")
        # runtime kernel lines
        e("k_rtc_lost", "rtc: lost some interrupts at <@n>Hz.", comp="kernel")
        e("k_usbnew", "usb <@bus>: new full speed USB device using address <@n>", comp="kernel")
        e("k_audit_avc", "audit(<@ts>:0): avc:  denied  { <@perm> } for  pid=<@n> exe=<@exe> name=<@fname> dev=<@dev> ino=<@ino> scontext=<@ctx> tcontext=<@ctx2> tclass=<@cls>", comp="kernel")
        self.pid = 2000
        self.rhosts = self.pool(lambda: self.pub_ip(), 70, 0.9)
        self.ftp_ips = self.pool(lambda: self.pub_ip(), 60, 0.9)
        self.hostcache = {}
        self.users = ["root", "test", "guest", "admin", "user", "webmaster", "oracle", "postgres", "nobody"]

    def rh(self, ip):
        if ip not in self.hostcache:
            self.hostcache[ip] = rdns(self.r, ip) if self.r.random() < 0.75 else None
        return self.hostcache[ip]

    def v_uid(self):
        return "0"

    def v_euid(self):
        return "0"

    def newpid(self, k=(1, 4)):
        self.pid += self.r.randint(*k)
        if self.pid > 32000:
            self.pid = 1500
        return str(self.pid)

    def D(self, comp, pid=True, **kw):
        kw["_comp"] = comp
        kw["_pid"] = self.newpid() if pid is True else pid
        return kw

    def e_ssh_root(self):
        r = self.r
        ip = self.rhosts()
        host = self.rh(ip) or ip
        n = weighted(r, [(1, 2), (2, 2), (4, 2), (6, 2), (10, 3), (14, 1)])
        items = []
        unknown = r.random() < 0.35
        base = self.newpid((5, 40))
        for i in range(n):
            pid = str(int(base) + i * r.randint(1, 3))
            if unknown:
                items.append(("chk", {"_comp": "sshd(pam_unix)", "_pid": pid}))
                items.append(("authf", {"_comp": "sshd(pam_unix)", "_pid": pid, "rhost": host}))
            else:
                items.append(("authfu", {"_comp": "sshd(pam_unix)", "_pid": pid, "rhost": host, "user": "root",
                                         "_gap": r.choice([0, 0, 0, 1, 2])}))
        self.pid = int(base) + n * 3
        if unknown:
            items = interleave(r, [items[i:i + 2] for i in range(0, len(items), 2)])
        return items

    def e_ssh_session(self):
        r = self.r
        user = r.choice(["test", "root", "guest"])
        P = self.D("sshd(pam_unix)", user=user, uid=str(r.choice([0, 0, 509])))
        return [("sopen", P), ("sclose", dict(P, _gap=r.uniform(2, 900)))]

    def e_ftp(self):
        r = self.r
        ip = self.ftp_ips()
        host = self.rh(ip)
        n = weighted(r, [(1, 4), (2, 2), (3, 1), (5, 1), (10, 2), (20, 1), (28, 1)])
        items = []
        for i in range(n):
            P = self.D("ftpd", ip=ip, host=host or "")
            P.update({k: (lambda t, k=k: ctime_parts(t)[k]) for k in ("dn", "mon", "dd", "hms", "yr")})
            if i:
                P["_gap"] = 0 if r.random() < 0.85 else 1
            items.append(("ftp_conn" if host else "ftp_conn0", P))
        if r.random() < 0.15:
            pid = items[0][1]["_pid"]
            items.append(("ftp_anon", {"_comp": "ftpd", "_pid": pid, "ip": ip}))
            items.append(("ftp_closed", {"_comp": "ftpd", "_pid": pid, "_gap": r.uniform(1, 60)}))
        elif r.random() < 0.1:
            P = {"_comp": "ftpd", "_pid": items[-1][1]["_pid"], "n": "900", "_gap": 900}
            P.update({k: (lambda t, k=k: ctime_parts(t)[k]) for k in ("dn", "mon", "dd", "hms", "yr")})
            items.append(("ftp_timeout", P))
        elif r.random() < 0.08:
            items.append(("ftp_peer", {"_comp": "ftpd", "_pid": items[-1][1]["_pid"]}))
        return items

    def e_daily(self):
        r = self.r

        def nxt(t):
            d = t + timedelta(days=1)
            return d.replace(hour=4, minute=r.choice([2, 2, 3, 4]), second=r.randint(0, 59))
        items = []
        first = True
        for user in r.sample(["cyrus", "news"], r.choice([1, 2, 2])):
            P = self.D("su(pam_unix)", user=user, uid="0")
            if first:
                P["_next"] = nxt
                first = False
            items.append(("sopen", P))
            items.append(("sclose", dict(P, _gap=r.uniform(0, 2))))
        if r.random() < 0.5:
            items.append(("svc_down", self.D("cups", pid=None, daemon="cupsd")))
            items.append(("svc_ok", self.D("cups", pid=None, daemon="cupsd")))
        if r.random() < 0.45:
            items.append(("lr_alert", self.D("logrotate", pid=None, n="1")))
        return items

    def e_klogind(self):
        r = self.r
        ip = self.pub_ip()
        host = self.rh(ip) or ip
        items = []
        for _ in range(weighted(r, [(1, 3), (2, 2), (4, 1)])):
            k = weighted(r, [("krb", 4), ("replay", 3), ("abort", 1.5)])
            P = self.D("klogind", ip=ip, host=host)
            if k == "krb":
                items.append(("klog_krb", P))
            elif k == "replay":
                items.append(("klog_replay", P))
            else:
                items.append(("klog_abort", P))
            if r.random() < 0.3:
                items.insert(len(items) - 1, ("xin_start", self.D("xinetd", pid=self.xpid, svc="klogin",
                                                                  n=str(int(P["_pid"])), ip=ip)))
        return items

    xpid = "2290"

    def e_xinetd(self):
        r = self.r
        svc = r.choice(["klogin", "eklogin", "telnet", "kshell"])
        ip = self.pub_ip()
        pid = self.newpid()
        return [("xin_start", self.D("xinetd", pid=self.xpid, svc=svc, n=pid, ip=ip)),
                ("xin_exit", self.D("xinetd", pid=self.xpid, svc=svc, n=pid, st="0", d=str(r.randint(0, 3))))]

    def e_gdm(self):
        r = self.r
        P = self.D("gdm(pam_unix)", tty="0")
        return [("chk", P), ("gdm_authf", P), ("gdm_noauth", {"_comp": "gdm-binary", "_pid": P["_pid"]})][:r.choice([2, 3, 3])]

    def e_login(self):
        r = self.r
        P = self.D("login(pam_unix)", user="root", uid="0")
        items = [("sopen_login", P), ("login_root", {"_comp": "login", "_pid": P["_pid"], "tty": r.choice(["tty1", "tty2"])})]
        return items

    def e_snmp(self):
        return [("snmp_conn", self.D("snmpd", pid="2415", ip=self.pub_ip()))]

    def e_avc(self):
        r = self.r
        return [("k_audit_avc", self.D("kernel", pid=None, ts="%d.%03d:%d" % (1118000000 + r.randint(0, 4000000), r.randint(0, 999), r.randint(1, 30)),
                                        perm=r.choice(["read", "write", "getattr", "search"]), n=self.newpid(),
                                        exe='"/usr/sbin/%s"' % r.choice(["httpd", "named", "ntpd"]),
                                        fname=r.choice(["urandom", "localtime", "resolv.conf"]),
                                        dev=r.choice(["hda2", "tmpfs"]), ino=str(r.randint(1000, 900000)),
                                        ctx="user_u:system_r:%s_t" % r.choice(["httpd", "named", "ntpd"]),
                                        ctx2="system_u:object_r:%s_t" % r.choice(["etc", "urandom_device", "locale"]),
                                        cls=r.choice(["file", "chr_file", "dir"])))]

    def e_usb(self):
        return [("k_usbnew", self.D("kernel", pid=None, bus="1-%d" % self.r.randint(1, 2), n=str(self.r.randint(2, 5))))]

    def e_rtc(self):
        return [("k_rtc_lost", self.D("kernel", pid=None, n="1024"))]

    def boot(self):
        r = self.r
        K = lambda **kw: self.D("kernel", pid=None, **kw)  # noqa: E731
        items = []
        # shutdown of the old system
        items.append(("shutdown", self.D("shutdown")))
        items.append(("init_rl", self.D("init", pid=None, n="6")))
        items.append(("xin_stop", self.D("xinetd", pid=self.xpid)))
        items.append(("svc_down", self.D("cups", pid=None, daemon="cupsd")))
        items.append(("svc_down", self.D("sshd", pid=None, daemon="sshd")))
        items.append(("klogd_stop", self.D("kernel", pid=None)))
        items.append(("klogd_term", self.D("kernel", pid=None)))
        items.append(("slg_sig", self.D("syslogd", pid=None, n="15")))
        # boot
        g = 90.0
        items.append(("slg_restart", self.D("syslogd 1.4.1", pid=None, _gap=g)))
        items.append(("svc_ok", self.D("syslog", pid=None, daemon="syslogd")))
        items.append(("klogd_start", self.D("kernel", pid=None, ver="1.4.1")))
        items.append(("k_ver", K(kver="2.6.5-1.358", gccver="3.3.3 20040412", rhver="3.3.3-7",
                                 kdn="Sun", kmon="May", kdd="16", khms="10:46:40", kyr="2004")))
        items.append(("k_bios", K()))
        for a, b, kind in [("0000000000000000", "00000000000a0000", "u"), ("00000000000f0000", "0000000000100000", "r"),
                           ("0000000000100000", "000000001f6f0000", "u"), ("000000001f6f0000", "000000001f700000", "a"),
                           ("00000000ffb00000", "0000000100000000", "r")]:
            items.append(("k_e820" + kind, K(a=a, b=b)))
        items += [("k_high", K(n="0")), ("k_low", K(n="502")), ("k_zap", K()), ("k_node", K(n="0", m="128752")),
                  ("k_dma", K(n="4096", m="1")), ("k_normal", K(n="124656", m="16")), ("k_highz", K(n="0", m="1")),
                  ("k_dmi", K(ver="2.3")), ("k_acpi_dis", K()), ("k_zonelists", K(n="1")), ("k_cmdline", K()),
                  ("k_apic", K(a="ffffd000", b="fee00000")), ("k_initcpu", K(n="0")),
                  ("k_pidhash", K(n="2048", m="11", b="32768")), ("k_mhz", K(f="%d.%03d" % (r.choice([731, 730]), r.randint(0, 999)))),
                  ("k_tsc", K()), ("k_console", K()), ("k_dentry", K(n="131072", m="7", b="524288")),
                  ("k_inode", K(n="65536", m="6", b="262144")),
                  ("k_mem", K(a="%d" % (510000 + r.randint(0, 5000)), b="515520", c="1852", d="%d" % r.randint(4000, 6000),
                              e="726", f="136", g="0")),
                  ("k_bogo", K(f="%d.%02d" % (r.randint(1450, 1470), r.randint(0, 99)))), ("k_scaff", K()),
                  ("k_selinux", K()), ("k_selinux2", K()), ("k_mount", K(n="512", m="0", b="4096")),
                  ("k_l1", K(a="16", b="16")), ("k_l2", K(a="256")), ("k_mce", K()), ("k_mce2", K(n="0")),
                  ("k_cpu", K(n="06")), ("k_fpu", K()), ("k_hlt", K()), ("k_posix", K()),
                  ("k_netfam", K(n="16")), ("k_pcicfg", K(n="1")), ("k_pnp", K()), ("k_audit", K(ts="%d.%d" % (1118000000 + r.randint(0, 3000000), r.randint(100, 999)))),
                  ("k_usbcore", K(drv="usbfs")), ("k_usbcore", K(drv="hub")), ("k_rtc", K()), ("k_agp", K()),
                  ("k_floppy", K()), ("k_ramdisk", K()), ("k_ide0", K()), ("k_hda", K(model="IC35L060AVV207-0")),
                  ("k_netfam", K(n="2")), ("k_ext3", K()), ("k_kjournald", K()), ("k_free", K(n="144")),
                  ("k_swap", K(n="1044216", dev="/dev/hda3", p="-1", m="1")), ("k_bt", K()), ("k_bthci", K()),
                  ("k_eth", K(hex="0x45E1"))]
        # services
        items += [("svc_ok", self.D("syslog", pid=None, daemon="klogd")),
                  ("irq_vector", self.D("irqbalance", pid=None, n="1")),
                  ("svc_ok", self.D("irqbalance", pid=None, daemon="irqbalance")),
                  ("svc_ok", self.D("portmap", pid=None, daemon="portmap")),
                  ("statd_ver", self.D("rpc.statd", ver="1.0.6")),
                  ("svc_ok", self.D("nfslock", pid=None, daemon="rpc.statd")),
                  ("svc_ok", self.D("rpcidmapd", pid=None, daemon="rpc.idmapd")),
                  ("rand_ok", self.D("random", pid=None)),
                  ("net_params", self.D("network", pid=None)),
                  ("net_ok", self.D("network", pid=None)),
                  ("net_eth", self.D("network", pid=None, ifc="eth0")),
                  ("pcmcia", self.D("rc", pid=None)),
                  ("hcid_ver", self.D("hcid", ver="2.4")),
                  ("svc_ok", self.D("bluetooth", pid=None, daemon="hcid")),
                  ("sdpd_ver", self.D("sdpd", ver="1.5")),
                  ("svc_ok", self.D("bluetooth", pid=None, daemon="sdpd")),
                  ("udev", self.D("udev", pid=None)),
                  ("svc_ok", self.D("sshd", pid=None, daemon="sshd")),
                  ("xin_ver", self.D("xinetd", pid=self.xpid, ver="2.3.13")),
                  ("xin_work", self.D("xinetd", pid=self.xpid, n="8")),
                  ("svc_ok", self.D("xinetd", pid=None, daemon="xinetd")),
                  ("snmp_ver", self.D("snmpd", pid="2415", ver="5.1.1")),
                  ("svc_ok", self.D("snmpd", pid=None, daemon="snmpd")),
                  ("named_start", self.D("named", pid="2425", ver="9.2.3")),
                  ("named_cmd", self.D("named", pid="2425", ip="127.0.0.1", port="953")),
                  ("named_zone", self.D("named", pid="2425", zone="0.0.127.in-addr.arpa", n="1997022700")),
                  ("named_zone", self.D("named", pid="2425", zone="localhost", n="42")),
                  ("named_run", self.D("named", pid="2425")),
                  ("svc_ok", self.D("named", pid=None, daemon="named")),
                  ("gpm", self.D("gpm")),
                  ("svc_ok", self.D("crond", pid=None, daemon="crond")),
                  ("svc_ok", self.D("cups", pid=None, daemon="cupsd")),
                  ("svc_ok", self.D("atd", pid=None, daemon="atd"))]
        return items

    def e_idmap(self):
        return [("rpc_idmap", self.D("rpc.idmapd", pid="2180", user=self.r.choice(["nobody", "test"]), dom="localdomain"))]

    def e_ftppeer(self):
        return [("ftp_peer", self.D("ftpd"))]

    def e_klogabort(self):
        ip = self.pub_ip()
        return [("klog_abort", self.D("klogind", ip=ip, host=self.rh(ip) or ip))]

    def fixed_episodes(self):
        return [(1, self.e_ftppeer), (1, self.e_klogabort), (1, self.boot, 0.18), (1, self.boot, 0.71), (1, self.e_gdm), (1, self.e_login), (1, self.e_rtc),
                (1, self.e_usb), (1, self.e_idmap), (1, self.e_avc), (1, self.e_snmp)]

    def weighted_episodes(self):
        return [(55, self.e_ssh_root), (30, self.e_ftp), (12, self.e_daily), (2.5, self.e_ssh_session),
                (3, self.e_klogind), (1.2, self.e_xinetd), (0.7, self.e_gdm), (0.5, self.e_login),
                (0.5, self.e_snmp), (0.25, self.e_avc), (0.35, self.e_usb), (0.4, self.e_rtc)]

    def render(self, t, ev, vals, content):
        comp = vals.get("_comp") or ev.hdr.get("comp")
        pid = vals.get("_pid")
        head = comp if pid is None else "%s[%s]" % (comp, pid)
        return "%s %2d %s combo %s: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), head, content)



# ===========================================================================================
# Thunderbird: syslog of the Sandia "Thunderbird" cluster (compute nodes + admin/sm nodes)
# ===========================================================================================

class Thunderbird(System):
    name = "Thunderbird"
    log_format = r"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>"
    start = datetime(2005, 11, 9, 12, 0, 58)
    mean_gap = 1500.0
    inner_gap = (0.0, 2.0)
    settings = {"regex": [r"(\d+\.){3}\d+"], "st": 0.5, "depth": 4}

    def define(self):
        r = self.r
        e = self.ev
        e("cr_open", "session opened for user <@user> by (uid=<@uid>)")
        e("cr_close", "session closed for user <@user>")
        e("cr_cmd", "(<@user>) CMD (run-parts <@dir>)")
        e("cr_sa1", "(<@user>) CMD (<@prog> <@a> <@b>)")
        e("cr_sa2", "(<@user>) CMD (<@prog> -A)")
        e("ssh_pk", "Accepted publickey for <@user> from <@ip> port <@port> ssh2")
        e("ssh_pw", "Accepted password for <@user> from <@ip> port <@port> ssh2")
        e("ssh_noid", "Did not receive identification string from <@ip>")
        e("ssh_closed", "Connection closed by <@ip>")
        e("ib_sweep", "[ib_sm_sweep.c:<@ln>]: ********************** NEW SWEEP ********************")
        e("ib_notopo", "[ib_sm_sweep.c:<@ln>]: No topology change")
        e("ib_nocfg", "[ib_sm_sweep.c:<@ln>]: No configuration change required")
        e("ib_topo", "[ib_sm_sweep.c:<@ln>]: Topology changed")
        e("ib_disc", "[ib_sm_discovery.c:<@ln>]: Discovered <@n> nodes, <@m> ports")
        e("ib_prog", "[ib_sm_bringup.c:<@ln>]: Programming switch <@guid> port <@n> to state ACTIVE")
        e("ib_assign", "[ib_sm_assign.c:<@ln>]: Force port <@n> of node <@guid> to state DOWN")
        e("ib_lid", "[ib_sm_assign.c:<@ln>]: Assigning LID <@n> to port <@guid>")
        e("k_ticks", "Losing some ticks... checking if CPU frequency changed.", comp="kernel")
        e("k_linkup", "e1000: eth<@n>: e1000_watchdog: NIC Link is Up 1000 Mbps Full Duplex", comp="kernel")
        e("k_linkdown", "e1000: eth<@n>: e1000_watchdog: NIC Link is Down", comp="kernel")
        e("k_oom", "Out of Memory: Killed process <@kpid> (<@proc>).", comp="kernel")
        e("k_nfs", "nfs: server <@srv> not responding, still trying", comp="kernel")
        e("k_nfsok", "nfs: server <@srv> OK", comp="kernel")
        e("k_vapi", "[KERNEL_IB][ib_mad_static_compute_base][<@path>]Local CA port <@n> is not active", comp="kernel")
        e("k_cpuclk", "CPU<@n>: Running in modulated clock mode", comp="kernel")
        e("k_cputemp", "CPU<@n>: Temperature above threshold", comp="kernel")
        e("k_ecc", "EDAC k8 MC<@n>: general bus error: participating processor(local node response), time-out(no timeout) memory transaction type(generic read), mem or i/o(mem access), cache level(generic)", comp="kernel")
        e("k_segv", "<@proc>[<@kpid>]: segfault at <@addr> rip <@rip> rsp <@rsp> error <@n>", comp="kernel")
        e("k_scsi", "scsi0: ERROR on channel 0, id 0, lun 0, CDB: Read (10) 00 <@blk> 00 00 08 00", comp="kernel")
        e("k_boot_ver", "Linux version <@kver> (root@<@bhost>) (gcc version <@gccver> (Red Hat <@rhver>)) #1 SMP <@kdate>", comp="kernel")
        e("k_boot_cmd", "Kernel command line: ro root=LABEL=/ console=ttyS0,115200 console=tty0", comp="kernel")
        e("k_boot_mem", "Memory: <@a>k/<@b>k available (<@c>k kernel code, <@d>k reserved, <@e>k data, <@f>k init)", comp="kernel")
        e("k_boot_cpu", "Initializing CPU#<@n>", comp="kernel")
        e("k_boot_ib", "ib_mthca: Initializing <@pci>", comp="kernel")
        e("ntp_sync", "synchronized to <@ip>, stratum <@n>", comp="ntpd")
        e("ntp_local", "synchronized to LOCAL(0), stratum <@n>", comp="ntpd")
        e("ntp_dis", "kernel time sync disabled <@hex>", comp="ntpd")
        e("ntp_en", "kernel time sync enabled <@hex>", comp="ntpd")
        e("ntp_reset", "time reset <@off> s", comp="ntpd")
        e("ntp_lost", "synchronisation lost", comp="ntpd")
        e("dh_disc", "DHCPDISCOVER from <@mac> via <@ifc>", comp="dhcpd")
        e("dh_offer", "DHCPOFFER on <@ip> to <@mac> via <@ifc>", comp="dhcpd")
        e("dh_req", "DHCPREQUEST for <@ip> (<@srv>) from <@mac> via <@ifc>", comp="dhcpd")
        e("dh_ack", "DHCPACK on <@ip> to <@mac> via <@ifc>", comp="dhcpd")
        e("dh_noaddr", "DHCPDISCOVER from <@mac> via <@ifc>: network <@net>: no free leases", comp="dhcpd")
        e("pbs_bfd", "Bad file descriptor (9) in tm_request, job <@job> not running", comp="pbs_mom")
        e("pbs_conn", "Connection refused (111) in open_demux, open_demux: connect <@ip>:<@port>", comp="pbs_mom")
        e("pbs_eof", "im_eof, End of File from addr <@ip>:<@port>", comp="pbs_mom")
        e("pbs_term", "scan_for_terminated, job <@job> task <@n> terminated, sid <@kpid>", comp="pbs_mom")
        e("pbs_kill", "kill_job", comp="pbs_mom")
        e("pf_pickup", "warning: unable to look up public/pickup: No such file or directory", comp="postfix/postdrop")
        e("sm_from", "<@qid>: from=<@from>, size=<@n>, class=0, nrcpts=1, msgid=<<@msgid>>, relay=root@localhost", comp="sendmail")
        e("sm_to", "<@qid>: to=<@to>, ctladdr=<@from> (0/0), delay=<@delay>, xdelay=<@delay2>, mailer=relay, pri=<@n>, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (<@qid2> Message accepted for delivery)", comp="sendmail")
        e("gm_thread", "data_thread() got not answer from any [<@ds>] datasource", comp="/apps/x86_64/system/ganglia-3.0.1/sbin/gmetad")
        e("gm_conn", "data_thread() for [<@ds>] failed to contact node <@ip>", comp="/apps/x86_64/system/ganglia-3.0.1/sbin/gmetad")
        e("am_mount", "attempting to mount entry /<@dir>/<@name>", comp="automount")
        e("am_fail", "lookup(file): lookup for <@name> failed", comp="automount")
        e("xi_start", "START: <@svc> pid=<@kpid> from=<@ip>", comp="xinetd")
        e("tftp_opt", "tftp: client does not accept options", comp="in.tftpd")
        e("tftp_rrq", "RRQ from <@ip> filename <@file>", comp="in.tftpd")
        e("slng_stats", "STATS: dropped <@n>", comp="syslog-ng")
        e("slng_start", "syslog-ng version <@ver> starting", comp="syslog-ng")
        e("smartd", "Device: /dev/<@dev>, SMART Prefailure Attribute: <@n> <@attr> changed from <@a> to <@b>", comp="smartd")
        e("idmap", "nss_getpwnam: name '<@n>' does not map into domain '<@dom>'", comp="rpc.idmapd")
        e("portmap", "connect from <@ip> to getport(<@svc>): request from unauthorized host", comp="portmap")
        e("run_parts", "(/etc/cron.daily) finished <@job>", comp="run-parts")
        e("su_open", "session opened for user <@user> by <@who>(uid=<@uid>)")
        self.nodes = self.pool(lambda: "%s%d" % (r.choice("abcdefghijklmnopqrst") + "n", r.randint(1, 1024)), 700, 0.3)
        self.pid = 2900
        self.admin = "tbird-admin1"
        self.sm = "tbird-sm1"
        self.sm_pid = "24904"
        self.macs = self.pool(lambda: ":".join("%02x" % r.randint(0, 255) for _ in range(6)), 80, 0.8)
        self.qid = 0

    # header helpers ---------------------------------------------------------------------
    def N(self, node=None, comp=None, pid=True, label="-", loc=None, **kw):
        node = node or self.nodes()
        label = kw.pop("_label", label)
        kw["_node"] = node
        kw["_loc"] = loc or "%s/%s" % (node, node)
        kw["_comp"] = comp
        kw["_pid"] = self.newpid() if pid is True else pid
        kw["_label"] = label
        return kw

    def A(self, comp=None, pid=True, **kw):
        return self.N(self.admin, comp, pid, loc="local@" + self.admin, **kw)

    def newpid(self):
        self.pid += self.r.randint(1, 30)
        if self.pid > 32000:
            self.pid = 1200
        return str(self.pid)

    def v_uid(self):
        return "0"

    def v_user(self):
        return "root"

    def v_ln(self):
        return "0"

    def nip(self):
        r = self.r
        return "10.100.%d.%d" % (r.randint(0, 31), r.randint(1, 254))

    # episodes --------------------------------------------------------------------------
    def e_cron(self):
        r = self.r
        node = self.nodes() if r.random() < 0.85 else self.admin
        loc = None if node != self.admin else "local@" + self.admin
        pid = self.newpid()
        P = self.N(node, "crond(pam_unix)", pid, loc=loc)
        C = self.N(node, "crond", str(int(pid) + 1), loc=loc)
        k = weighted(r, [("hourly", 6), ("sa1", 3), ("sa2", 0.3)])
        if k == "hourly":
            cmd = ("cr_cmd", dict(C, dir="/etc/cron.hourly"))
        elif k == "sa1":
            cmd = ("cr_sa1", dict(C, prog="/usr/lib64/sa/sa1", a="1", b="1"))
        else:
            cmd = ("cr_sa2", dict(C, prog="/usr/lib64/sa/sa2"))
        seq = [("cr_open", P), cmd, ("cr_close", P)]
        # a random sample of a huge log keeps only part of an episode
        keep = weighted(r, [(1, 8), (2, 2), (3, 1)])
        start = r.randrange(0, 4 - keep)
        return seq[start:start + keep]

    def e_ib(self):
        r = self.r
        S = lambda **kw: self.N(self.sm, "ib_sm.x", self.sm_pid, loc="src@" + self.sm, **kw)  # noqa: E731
        k = weighted(r, [("sweep", 5), ("notopo", 5), ("nocfg", 3), ("topo", 0.6), ("disc", 0.5), ("prog", 0.4),
                         ("assign", 0.25), ("lid", 0.25)])
        guid = "0x0005ad00000%05x" % r.randint(0, 0xfffff)
        if k == "sweep":
            return [("ib_sweep", S(ln="1831"))]
        if k == "notopo":
            return [("ib_notopo", S(ln="1455"))]
        if k == "nocfg":
            return [("ib_nocfg", S(ln="1482"))]
        if k == "topo":
            return [("ib_topo", S(ln="1466"))]
        if k == "disc":
            return [("ib_disc", S(ln="642", n=str(r.randint(4600, 4700)), m=str(r.randint(13000, 13400))))]
        if k == "prog":
            return [("ib_prog", S(ln="577", guid=guid, n=str(r.randint(1, 24))))]
        if k == "assign":
            return [("ib_assign", S(ln="1052", guid=guid, n=str(r.randint(1, 24))))]
        return [("ib_lid", S(ln="1276", guid=guid, n=str(r.randint(1, 9000))))]

    def e_ssh(self):
        r = self.r
        node = self.nodes()
        pid = self.newpid()
        P = self.N(node, "sshd", pid, user="root", ip=self.nip(), port=str(r.randint(32768, 61000)))
        Q = self.N(node, "sshd(pam_unix)", str(int(pid) + r.randint(1, 3)))
        seq = [("ssh_pk" if r.random() < 0.9 else "ssh_pw", P), ("cr_open", Q), ("cr_close", Q)]
        keep = weighted(r, [(1, 6), (2, 3)])
        st = r.randrange(0, 4 - keep)
        return seq[st:st + keep]

    def e_dhcp(self):
        r = self.r
        mac = self.macs()
        ip = self.nip()
        A = lambda: self.A("dhcpd", pid=None, mac=mac, ip=ip, ifc="eth1", srv="10.100.0.250")  # noqa: E731
        seq = [("dh_disc", A()), ("dh_offer", A()), ("dh_req", A()), ("dh_ack", A())]
        keep = weighted(r, [(1, 6), (2, 2), (4, 1)])
        st = r.randrange(0, 5 - keep)
        return seq[st:st + keep]

    def e_ntp(self):
        r = self.r
        node = self.nodes()
        k = weighted(r, [("sync", 5), ("dis", 2), ("reset", 2), ("local", 1), ("en", 0.7), ("lost", 0.6)])
        P = self.N(node, "ntpd", ip="10.100.16.250", n=str(r.choice([3, 3, 4])))
        if k == "sync":
            return [("ntp_sync", P)]
        if k == "local":
            return [("ntp_local", dict(P, n="10"))]
        if k == "dis":
            return [("ntp_dis", dict(P, hex=r.choice(["0041", "0001", "0401"])))]
        if k == "en":
            return [("ntp_en", dict(P, hex="0001"))]
        if k == "lost":
            return [("ntp_lost", P)]
        return [("ntp_reset", dict(P, off="%+.6f" % r.uniform(-2, 2)))]

    def e_pbs(self):
        r = self.r
        job = "%d.tbird-admin1" % r.randint(1, 90000)
        k = weighted(r, [("bfd", 4), ("conn", 2), ("eof", 2), ("term", 1), ("kill", 0.5)])
        P = self.N(None, "pbs_mom", pid=None, job=job, ip=self.nip(), port=str(r.randint(1000, 1023)),
                   n=str(r.choice([1, 1, 2])), kpid=str(r.randint(2000, 30000)))
        return [({"bfd": "pbs_bfd", "conn": "pbs_conn", "eof": "pbs_eof", "term": "pbs_term", "kill": "pbs_kill"}[k], P)]

    def e_admin(self):
        r = self.r
        k = weighted(r, [("pickup", 5), ("gm", 4), ("gmc", 0.6), ("mail", 1.0), ("am", 1.2), ("amf", 0.5),
                         ("tftp", 0.6), ("rrq", 0.4), ("xi", 0.5), ("slng", 0.4), ("portmap", 0.3), ("idmap", 0.3),
                         ("runparts", 0.3)])
        if k == "pickup":
            return [("pf_pickup", self.A("postfix/postdrop"))]
        ds = "Thunderbird_%s%d" % (r.choice("ABCDE"), r.randint(1, 9))
        if k == "gm":
            return [("gm_thread", self.A("/apps/x86_64/system/ganglia-3.0.1/sbin/gmetad", pid="1682", ds=ds))]
        if k == "gmc":
            return [("gm_conn", self.A("/apps/x86_64/system/ganglia-3.0.1/sbin/gmetad", pid="1682", ds=ds, ip=self.nip()))]
        if k == "mail":
            self.qid += 1
            qid = "jA%02d%s%05d" % (r.randint(0, 23), "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGH") for _ in range(2)), r.randint(0, 99999))
            P = self.A("sendmail", qid=qid, n=str(r.randint(300, 3000)), msgid="%s@tbird-admin1.sandia.gov" % qid,
                       to="root", delay="00:00:00", delay2="00:00:00", qid2="jA%s%05d" % (hexs(r, 4), r.randint(0, 99999)))
            P["from"] = "root"
            P["n"] = str(r.randint(30000, 90000))
            return [("sm_from", P), ("sm_to", P)][: r.choice([1, 2])]
        if k == "am":
            return [("am_mount", self.N(None, "automount", dir=r.choice(["home", "projects", "scratch"]),
                                        name=r.choice(["jdoe", "asmith", "kmiller", "tbird", "apps", "rlee", "mpeters"])))]
        if k == "amf":
            return [("am_fail", self.N(None, "automount", name=r.choice([".directory", "autorun.inf", "lib64", "tls"])))]
        if k == "tftp":
            return [("tftp_opt", self.A("in.tftpd"))]
        if k == "rrq":
            return [("tftp_rrq", self.A("in.tftpd", ip=self.nip(), file="/tftpboot/pxelinux.0"))]
        if k == "xi":
            return [("xi_start", self.A("xinetd", pid="3140", svc="tftp", kpid=self.newpid(), ip=self.nip()))]
        if k == "slng":
            return [("slng_stats", self.A("syslog-ng", n=str(r.choice([0, 0, 0, 12, 331]))))]
        if k == "portmap":
            return [("portmap", self.A("portmap", ip=self.nip(), svc="status"))]
        if k == "idmap":
            return [("idmap", self.N(None, "rpc.idmapd", n=r.choice(["nobody", "root"]), dom="localdomain"))]
        return [("run_parts", self.A("run-parts(/etc/cron.daily)", pid=None, job=r.choice(["logrotate", "makewhatis.cron", "slocate.cron", "tmpwatch"])))]

    def e_kernel(self):
        r = self.r
        K = lambda **kw: self.N(None, "kernel", pid=None, **kw)  # noqa: E731
        k = weighted(r, [("ticks", 6), ("linkup", 0.6), ("linkdown", 0.5), ("oom", 0.5), ("nfs", 0.8),
                         ("nfsok", 0.5), ("vapi", 0.5), ("clk", 0.4), ("temp", 0.4), ("ecc", 0.4), ("segv", 0.5),
                         ("scsi", 0.25)])
        if k == "ticks":
            return [("k_ticks", K())]
        if k == "linkup":
            return [("k_linkup", K(n="0"))]
        if k == "linkdown":
            return [("k_linkdown", K(n="0"))]
        if k == "oom":
            return [("k_oom", K(kpid=str(r.randint(2000, 32000)), proc=r.choice(["lmp_linux", "cth", "pop.x", "xhpl", "mpirun"])))]
        if k in ("nfs", "nfsok"):
            return [("k_nfs" if k == "nfs" else "k_nfsok", K(srv=r.choice(["tbird-admin1", "tbird-nfs2", "fs-home"])))]
        if k == "vapi":
            return [("k_vapi", K(_label="VAPI", n="1", path="/mnt_projects/sysapps/src/ib/topspin/topspin-src-3.2.0-16/ib/ts_api_ng/mad/obj_host_amd64_custom1_rhel4/ts_ib_mad/mad_static.c:%d" % r.choice([145, 145, 210])))]
        if k == "clk":
            return [("k_cpuclk", K(n=str(r.randint(0, 1))))]
        if k == "temp":
            return [("k_cputemp", K(n=str(r.randint(0, 1)), _label="CPU"))]
        if k == "ecc":
            return [("k_ecc", K(n=str(r.randint(0, 1)), _label="ECC"))]
        if k == "segv":
            return [("k_segv", K(proc=r.choice(["xhpl", "cth", "python", "a.out"]), kpid=str(r.randint(2000, 32000)),
                                 addr="%016x" % r.randint(0, 1 << 40), rip="%016x" % r.randint(0x400000, 0x4fffff),
                                 rsp="%016x" % r.randint(0x7fbfff0000, 0x7fbfffffff), n=str(r.choice([4, 6]))))]
        return [("k_scsi", K(blk="%02x %02x %02x" % (r.randint(0, 255), r.randint(0, 255), r.randint(0, 255))))]

    def e_boot(self):
        r = self.r
        node = self.nodes()
        K = lambda **kw: self.N(node, "kernel", pid=None, **kw)  # noqa: E731
        items = [("k_boot_ver", K(kver="2.6.9-22.0.2.ELsmp_ib", bhost="tbird-admin1", gccver="3.4.4 20050721",
                                  rhver="3.4.4-2", kdate="Tue Nov 8 15:33:41 MST 2005")),
                 ("k_boot_cmd", K()),
                 ("k_boot_mem", K(a="16230180", b="16777216", c="2045", d="%d" % r.randint(140000, 150000), e="860", f="196")),
                 ("k_boot_cpu", K(n="0")), ("k_boot_cpu", K(n="1")),
                 ("k_boot_ib", K(pci="0000:05:00.0")),
                 ("slng_start", self.N(node, "syslog-ng", ver="1.6.8")),
                 ("smartd", self.N(node, "smartd", dev="sda", n="1", attr="Raw_Read_Error_Rate", a="100", b="99")),
                 ("ntp_local", self.N(node, "ntpd", n="10"))]
        st = r.randrange(0, 4)
        return items[st:st + r.randint(2, 5)]

    def e_misc(self):
        r = self.r
        k = weighted(r, [("noid", 1), ("closed", 1), ("su", 1), ("noaddr", 0.5), ("smart", 0.5)])
        if k == "noid":
            return [("ssh_noid", self.N(None, "sshd", ip=self.nip()))]
        if k == "closed":
            return [("ssh_closed", self.N(None, "sshd", ip=self.nip()))]
        if k == "su":
            return [("su_open", self.A("su(pam_unix)", user="root", who=r.choice(["jdoe", "tbadmin", "rlee"]), uid=str(r.randint(500, 9000))))]
        if k == "noaddr":
            return [("dh_noaddr", self.A("dhcpd", pid=None, mac=self.macs(), ifc="eth1", net="10.100.0.0/16"))]
        return [("smartd", self.N(None, "smartd", dev="sda", n="195", attr="Hardware_ECC_Recovered", a=str(r.randint(50, 70)), b=str(r.randint(50, 70))))]

    def fixed_episodes(self):
        return [(1, self._all_boot)]

    def _all_boot(self):
        r = self.r
        node = self.nodes()
        K = lambda **kw: self.N(node, "kernel", pid=None, **kw)  # noqa: E731
        return [("k_boot_ver", K(kver="2.6.9-22.0.2.ELsmp_ib", bhost="tbird-admin1", gccver="3.4.4 20050721",
                                 rhver="3.4.4-2", kdate="Tue Nov 8 15:33:41 MST 2005")),
                ("k_boot_cmd", K()),
                ("k_boot_mem", K(a="16230180", b="16777216", c="2045", d="%d" % r.randint(140000, 150000), e="860", f="196")),
                ("k_boot_cpu", K(n="0")), ("k_boot_ib", K(pci="0000:05:00.0")),
                ("slng_start", self.N(node, "syslog-ng", ver="1.6.8"))]

    def weighted_episodes(self):
        return [(30, self.e_cron), (18, self.e_ib), (9, self.e_ssh), (6, self.e_dhcp), (5, self.e_ntp),
                (5, self.e_pbs), (14, self.e_admin), (9, self.e_kernel), (0.5, self.e_boot), (2, self.e_misc)]

    def render(self, t, ev, vals, content):
        comp = vals.get("_comp") or ev.hdr.get("comp")
        pid = vals.get("_pid")
        head = comp if pid is None else "%s[%s]" % (comp, pid)
        epoch = int((t - datetime(1970, 1, 1)).total_seconds()) + 8 * 3600
        return "%s %d %s %s %s %d %s %s %s: %s" % (vals.get("_label", "-"), epoch, t.strftime("%Y.%m.%d"), vals["_node"],
                                                  t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), vals["_loc"], head,
                                                  content)



# ===========================================================================================
# Mac: system.log of a MacBook (OS X 10.11) roaming on a campus visitor Wi-Fi
# ===========================================================================================

def clock_ms(t):
    return "%s.%03d" % (t.strftime("%H:%M:%S"), t.microsecond // 1000)


class Mac(System):
    name = "Mac"
    log_format = r"<Month>  <Date> <Time> <User> <Component>\[<PID>\]( \(<Address>\))?: <Content>"
    start = datetime(2017, 7, 1, 9, 0, 41)
    mean_gap = 290.0
    inner_gap = (0.0, 1.0)
    settings = {"regex": [r"([\w-]+\.){2,}[\w-]+"], "st": 0.7, "depth": 6}

    def define(self):
        r = self.r
        self.pids = {"kernel": 0, "com.apple.xpc.launchd": 1}
        self.host = "calvisitor-10-105-160-95"
        H = lambda n=8: "0x%s" % hexs(r, n)  # noqa: E731
        P = lambda: "0x7f%s" % hexs(r, 10)  # noqa: E731
        N = lambda a, b: (lambda: str(r.randint(a, b)))  # noqa: E731
        C = lambda *xs: (lambda: r.choice(xs))  # noqa: E731
        T = lambda: clock_ms  # noqa: E731
        ARPT = lambda: "%d.%06d" % (r.randint(600000, 999999), r.randint(0, 999999))  # noqa: E731
        self.ARPT = ARPT
        o = self.one
        # --- kernel: Wi-Fi offload, AWDL, sleep/wake --------------------------------------
        o("arpt_keep", "ARPT: <@a>: wl0: setup_keepalive: interval <@n>, retry_interval <@m>, retry_count <@k>", 0, "kernel")
        o("arpt_mdns4", "ARPT: <@a>: wl0: MDNS: IPV4 Addr: <@ip>", 0, "kernel")
        o("arpt_mdns6", "ARPT: <@a>: wl0: MDNS: IPV6 Addr: <@ip6>", 0, "kernel")
        o("arpt_seq", "ARPT: <@a>: wl0: wl_update_tcpkeep_seq: Original Seq: <@s1>, Ack: <@s2>, Win size: <@w>", 0, "kernel")
        o("arpt_seq2", "ARPT: <@a>: wl0: wl_update_tcpkeep_seq: Updated seq/ack/win from UserClient Seq <@s1>, Ack <@s2>, Win size <@w>", 0, "kernel")
        o("arpt_stay", "ARPT: <@a>: wl0: leaveModulePoweredForOffloads: Wi-Fi will stay on.", 0, "kernel")
        o("arpt_wake", "ARPT: <@a>: ARPT: Wake Reason: Wake on Scan offload", 0, "kernel")
        o("arpt_wake2", "ARPT: <@a>: ARPT: Wake Reason: Wake on TCP Timeout", 0, "kernel")
        o("arpt_aqm", "ARPT: <@a>: AQM agg params <@n> maxlen hi/lo <@h> <@l> minlen <@m> adjlen <@k>", 3, "kernel",
          a=ARPT, n=C("0xfc0", "0x3f"), h=C("0x0", "0x1"), l=C("0x3f", "0x3"), m=C("0x0", "0x2"), k=C("0x0", "0x8"))
        o("arpt_psrc", "ARPT: <@a>: IOPMPowerSource Information: onSleep, SleepType: Normal Sleep, 'ExternalConnected': <@yn>, 'TimeRemaining': <@n>,", 0, "kernel")
        o("awdl_down", "AirPort: Link Down on awdl0. Reason 1 (Unspecified).", 0, "kernel")
        o("awdl_up", "AirPort: Link Up on awdl0", 0, "kernel")
        o("en0_down", "AirPort: Link Down on en0. Reason 8 (Disassociated because station leaving).", 0, "kernel")
        o("en0_up", "AirPort: Link Up on en0", 0, "kernel")
        o("en0_chan", "en0: channel changed to <@n>", 0, "kernel")
        o("en0_bssid", "en0: BSSID changed to <@mac>", 0, "kernel")
        o("en0_cc", "en0: 802.11d country code set to '<@cc>'.", 0, "kernel")
        o("en0_supp", "en0: Supported channels 1 2 3 4 5 6 7 8 9 10 11 12 13 36 40 44 48 52 56 60 64 100 104 108 112 116 120 124 128 132 136 140 144 149 153 157 161 165", 0, "kernel")
        o("awdl_susp_mode", "IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from AUTO to SUSPENDED", 0, "kernel")
        o("awdl_susp", "IO80211AWDLPeerManager::setAwdlSuspendedMode() Suspending AWDL, enterQuietMode(true)", 0, "kernel")
        o("awdl_auto_mode", "IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from SUSPENDED to AUTO", 0, "kernel")
        o("awdl_resume", "IO80211AWDLPeerManager::setAwdlAutoMode Resuming AWDL", 0, "kernel")
        o("wake_reason", "Wake reason: <@reason>", 0, "kernel")
        o("prev_sleep", "Previous sleep cause: <@n>", 0, "kernel")
        o("full_wake", "full wake request (reason <@n>) <@ms> ms", 0, "kernel")
        o("sleep", "sleep", 0, "kernel")
        o("hib_path", "hibernate image path: /var/vm/sleepimage", 0, "kernel")
        o("hib_efi", "efi pagecount <@n>", 0, "kernel")
        o("hib_found", "hibernate_page_list_setall found pageCount <@n>", 0, "kernel")
        o("hib_pre", "hibernate_page_list_setall(preflight <@a>) start", 0, "kernel")
        o("hib_pre2", "hibernate_page_list_setall preflight pageCount <@n> est comp <@a> setfile <@b> min <@c>", 0, "kernel")
        o("hib_done", "hibernate_write_image done(<@n>)", 0, "kernel")
        o("tbt_hpd", "IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = 0x0 port = <@n> unplug = <@m>", 0, "kernel")
        o("tbt_early", "AppleThunderboltGenericHAL::earlyWake - complete - took <@n> milliseconds", 0, "kernel")
        o("tbt_nhi", "AppleThunderboltNHIType2::prePCIWake - power up complete - took <@n> us", 0, "kernel")
        o("camin", "AppleCamIn::systemWakeCall - messageType = <@hex>", 0, "kernel")
        o("camin2", "AppleCamIn::wakeEventHandlerThread", 0, "kernel")
        o("btcoex", "Setting BTCoex Config: enable_2G:1, profile_2g:0, enable_5G:1, profile_5G:0", 0, "kernel")
        o("bt_le", "Bluetooth -- LE is supported - Disable LE meta event", 0, "kernel")
        o("pm_resp", "PM response took <@n> ms (<@pid>, <@proc>)", 0.6, "kernel",
          n=N(1999, 9000), pid=N(50, 900), proc=C("powerd", "WindowServer", "sharingd", "coreaudiod", "AirPlayXPCHelper"))
        o("rtc_maint", "RTC: Maintenance <@d1> <@t1>, sleep <@d2> <@t2>", 0, "kernel")
        o("sandbox", "Sandbox: <@proc>(<@pid>) deny(1) <@op> <@target>", 4, "kernel",
          proc=C("com.apple.Addres", "QQ", "Microsoft Word", "mdworker", "com.apple.WebKit", "Google Chrome He"),
          pid=N(100, 40000), op=C("network-outbound", "mach-lookup", "file-read-data", "file-write-create"),
          target=C("/private/var/run/mDNSResponder", "com.apple.networking.captivenetworksupport",
                   "/Library/Preferences/com.apple.security.plist", "com.apple.coreservices.launchservicesd",
                   "/Users/xpc/Library/Caches/com.apple.nsurlsessiond"))
        o("wakeups", "process <@proc>[<@pid>] caught causing excessive wakeups. Observed wakeups rate (per sec): <@n>; Maximum permitted wakeups rate (per sec): 150; Observed period: 300 seconds; Task lifetime number of wakeups: <@m>",
          0.5, "kernel", proc=C("QQ", "Google Chrome He", "WeChat", "Dropbox"), pid=N(100, 40000), n=N(151, 900), m=N(45000, 900000))
        o("codesign", "CODE SIGNING: cs_invalid_page(<@addr>): p=<@pid>[<@proc>] final status 0x0, allowing (remove VALID) page", 0.4, "kernel",
          addr=lambda: "0x" + hexs(r, 9), pid=N(100, 40000), proc=C("GoogleSoftwareUp", "ksfetch"))
        o("vm_press", "low swap: suspending pid <@pid> (<@proc>)", 0.2, "kernel", pid=N(100, 40000), proc=C("QQ", "Preview"))
        o("in6", "in6_unlink_ifa: IPv6 address <@hex> has no prefix", 0.2, "kernel", hex=lambda: "0x" + hexs(r, 16))
        o("usbmsc", "USBMSC Identifier (non-unique): <@id> 0x5ac 0x8406 0x820, 3", 0.2, "kernel", id=lambda: "%012d" % r.randint(0, 10**12))
        # --- launchd ---------------------------------------------------------------------
        o("ld_legacy", "Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or bootstrap_check_in(): <@svc>", 5, "com.apple.xpc.launchd",
          svc=C("com.apple.quicklook", "com.apple.bsd.dirhelper", "com.apple.imagent.desktop.auth", "com.apple.xpc.loginitemregisterd"))
        o("ld_path", "Path not allowed in target domain: type = pid, path = <@path> error = 147: The specified service did not ship in the requestor's bundle, origin = <@origin>",
          2, "com.apple.xpc.launchd", _addr=lambda: "com.apple.xpc.launchd.domain.pid.WebContent.%d" % r.randint(20000, 40000),
          path=C("/System/Library/Frameworks/WebKit.framework/Versions/A/XPCServices/com.apple.WebKit.Networking.xpc",
                 "/System/Library/PrivateFrameworks/SafariSafeBrowsing.framework/Versions/A/XPCServices/com.apple.Safari.SafeBrowsing.Service.xpc"),
          origin=C("/System/Library/Frameworks/WebKit.framework/Versions/A/XPCServices/com.apple.WebKit.WebContent.xpc"))
        o("ld_jetsam", "The _DirtyJetsamMemoryLimit key is not available on this platform.", 1.5, "com.apple.xpc.launchd",
          _addr=C("com.apple.imfoundation.IMRemoteURLConnectionAgent", "com.apple.AddressBook.ContactsAccountsService"))
        o("ld_exit", "Service exited with abnormal code: <@n>", 2, "com.apple.xpc.launchd",
          _addr=lambda: r.choice(["com.apple.mdworker.bundles", "com.apple.WebKit.Networking.%s" % hexs(r, 8).upper(),
                                  "com.apple.quicklook.ThumbnailsAgent"]) + "[%d]" % r.randint(20000, 40000), n=C("1", "78"))
        o("ld_sig", "Service exited due to signal: Killed: 9 sent by <@who>", 0.8, "com.apple.xpc.launchd",
          _addr=lambda: "com.apple.mdworker.shared.%s[%d]" % (hexs(r, 16).upper(), r.randint(20000, 40000)),
          who=lambda: "mds[%d]" % r.choice([63, 63, 63, 93]))
        o("ld_uid", "Could not find uid associated with service: 0: Undefined error: 0 <@n>", 0.7, "com.apple.xpc.launchd",
          _addr=C("com.apple.mdworker.bundles"), n=N(1000, 1300))
        o("ld_throttle", "Service only ran for <@n> seconds. Pushing respawn out by <@m> seconds.", 0.8, "com.apple.xpc.launchd",
          _addr=C("com.apple.AddressBook.SourceSync", "com.apple.suggestd", "com.apple.cloudphotosd"), n=N(0, 9), m=N(1, 10))
        # --- daemons ---------------------------------------------------------------------
        o("cds_thermal", "Thermal pressure state: <@a> Memory pressure state: <@b>", 6, "com.apple.CDScheduler", a=C("0", "1", "1"), b=C("0", "0", "1"))
        o("cts", "com.apple.suggestions.harvest: scheduler_evaluate_activity told me to run this job; however, but the start time isn't for <@n> seconds. Ignoring.",
          2.5, "com.apple.cts", n=N(60, 86000))
        o("cts2", "<@job>: scheduler_evaluate_activity told me to run this job; however, but the start time isn't for <@n> seconds. Ignoring.",
          1.5, "com.apple.cts", job=C("com.apple.CacheDelete.daily", "com.apple.photoanalysisd.backgroundanalysis", "com.apple.icloud.fmfd.heartbeat"), n=N(60, 86000))
        o("ws_shot", "device_generate_desktop_screenshot: authw <@a>(<@b>), shield <@c>(<@d>)", 2, "WindowServer",
          a=C("0x0", "0x7fa823ee6180"), b=C("0", "2000"), c=lambda: "0x7f%s" % hexs(r, 10), d=C("2001"))
        o("ws_lock", "device_generate_lock_screen_screenshot: authw <@a>(<@b>), shield <@c>(<@d>)", 1.5, "WindowServer",
          a=C("0x0", "0x7fa823ee6180"), b=C("0", "2000"), c=lambda: "0x7f%s" % hexs(r, 10), d=C("2001"))
        o("ws_ping", "send_datagram_available_ping: pid <@pid> failed to act on a ping it dequeued before timing out.", 2, "WindowServer", pid=N(100, 40000))
        o("ws_wake", "CGXDisplayDidWakeNotification [<@n>]: posting kCGSDisplayDidWake", 0, "WindowServer")
        o("ws_sleep", "handle_will_sleep_auth_and_shield_windows: Deferring.", 0, "WindowServer")
        o("ws_portright", "Unable to obtain a task name port right for pid <@pid>: (os/kern) failure (0x5)", 1, "WindowServer", pid=N(100, 40000))
        o("ws_rights", "CGXSetWindowListTags: Operation on a window <@w> requiring rights <@k> by caller <@who>", 0.5, "WindowServer",
          w=lambda: "0x%x" % r.randint(0x40, 0x9ff), k=C("kCGSWindowRightPresenter"), who=C("loginwindow", "Dock"))
        o("mdns_dereg", "mDNS_DeregisterInterface: Frequent transitions for interface <@ifc> (<@addr>)", 1.5, "mDNSResponder",
          ifc=C("awdl0", "en0"), addr=lambda: "FE80:0000:0000:0000:%s:%s:%s:%s" % tuple(hexs(r, 4).upper() for _ in range(4)))
        o("mdns_reg", "mDNS_RegisterInterface: Frequent transitions for interface <@ifc> (<@addr>)", 1, "mDNSResponder",
          ifc=C("en0"), addr=lambda: "10.105.%d.%d" % (r.randint(160, 163), r.randint(2, 254)))
        o("mdns_err", "mDNSPlatformSendUDP sendto(<@n>) failed to send packet on InterfaceID <@id> <@ifc>/<@k> to <@dst>:5353 skt <@s> error -1 errno 65 (No route to host)",
          0.7, "mDNSResponder", n=N(3, 8), id=lambda: "0000000000000%s" % hexs(r, 3), ifc=C("en0", "awdl0"), k=N(4, 8),
          dst=C("224.0.0.251", "FF02:0000:0000:0000:0000:0000:0000:00FB"), s=N(60, 90))
        o("uea_captive", "Captive: [CNInfoNetworkActive:<@n>] en0: SSID '<@ssid>' making interface primary (cache indicates network not captive)", 2, "UserEventAgent",
          n=C("1748"), ssid=C("CalVisitor", "CalVisitor", "AirBears2", "eduroam"))
        o("uea_cn", "Captive: CNPluginHandler en0: <@state>", 2.5, "UserEventAgent", state=C("Inactive", "Evaluating", "Authenticated", "Online"))
        o("uea_assert", "assertion failed: 15G1510: com.apple.telemetry + 38574 [10D2E324-788C-30CC-A749-55AE67AEC7BC]: <@hex>", 1, "UserEventAgent", hex=C("0x7fe1e8d0e0b0", "0x0"))
        o("cfg_changed", "network changed: v4(en0<@d>:<@ip>) v6(en0<@d2>:<@ip6>) DNS<@x> Proxy SMB", 2, "configd",
          d=C("", "+", "-", "!"), ip=lambda: "10.105.%d.%d" % (r.randint(160, 163), r.randint(2, 254)), d2=C("", "!"),
          ip6=lambda: "2607:f140:6000:8:%s:%s:%s:%s" % tuple(hexs(r, 4) for _ in range(4)), x=C("", "!", "+", "-"))
        o("cfg_host", "setting hostname to \"<@h>\"", 0.8, "configd",
          h=lambda: "calvisitor-10-105-%d-%d.calvisitor.1918.berkeley.edu" % (r.randint(160, 163), r.randint(2, 254)))
        o("cfg_smb", "SMB: Registered SMB server name \"<@h>\"", 0.3, "configd", h=C("authorMacBook-Pro"))
        o("nw_nat64", "nw_nat64_post_new_ifstate successfully changed NAT64 ifstate from <@a> to <@b>", 2, "networkd",
          a=lambda: "0x" + hexs(r, 10), b=lambda: "0x" + hexs(r, 10))
        o("nw_ci46", "-[NETClientConnection evaluateCrazyIvan46] CI46 - Perform CrazyIvan46! <@proc>.<@pid> tc<@n> <@ip>:<@port>", 1.2, "networkd",
          proc=C("QQ", "com.apple.WebKit.Networking", "Dropbox", "WeChat"), pid=N(100, 40000), n=N(1000, 99999),
          ip=lambda: self.pub_ip(), port=C("443", "80", "8080", "5223"))
        o("nw_torp", "-[NETClientConnection evaluateCrazyIvan46] CI46 - Hit by torpedo! <@proc>.<@pid> tc<@n> <@ip>:<@port>", 0.6, "networkd",
          proc=C("QQ", "com.apple.WebKit.Networking", "WeChat"), pid=N(100, 40000), n=N(1000, 99999), ip=lambda: self.pub_ip(), port=C("443", "80"))
        o("nw_bundle", "-[NETClientConnection effectiveBundleID] using process name <@proc> as bundle ID (this is expected for daemons without bundle ID", 1, "networkd",
          proc=C("apsd", "softwareupdated", "nsurlsessiond", "syncdefaultsd", "CalendarAgent"))
        o("symp_switch", "__73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke unexpected switch value <@n>", 1.5, "symptomsd", n=C("2", "2", "4"))
        o("symp_hash", "-[NetworkAnalyticsEngine _writeJournalRecord:fromCellFingerprint:key:atLOI:ofKind:lqm:isFaulty:] Hashing of the primary key failed. Dropping the journal record.", 1, "symptomsd")
        o("cc_capture", "CCFile::captureLog Received Capture notice id: <@id>, reason = <@reason>", 1.2, "corecaptured",
          id=lambda: "%d.%03d" % (1498900000 + r.randint(0, 700000), r.randint(0, 999)), reason=C("AssocFail:sts:2_rsn:0", "AuthFail:sts:5_rsn:0", "DeauthInd:sts:0_rsn:7"))
        o("cc_streams", "CCIOReporterFormatter::addRegistryChildToChannelDictionary streams <@n>", 0.8, "corecaptured", n=C("7"))
        o("cc_copy", "CCFile::copyFile fileName is <@f>, source path:<@src>, dest path:<@dst>", 0.6, "corecaptured",
          f=C("AirPortBrcm4360_Logs", "IO80211AWDLPeerManager"), src=C("/var/log/CoreCapture/com.apple.driver.AirPort.Brcm4360.0/DriverLogs//"),
          dst=lambda: "/var/log/CoreCapture/com.apple.driver.AirPort.Brcm4360.0/%d-%02d-%02d_%02d,%02d,%02d.%06d/DriverLogs" % (2017, 7, r.randint(1, 8), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999999)))
        o("ab_dnssd", "dnssd_clientstub ConnectToServer: connect()-> No of tries: <@n>", 1.2, "com.apple.AddressBook.InternetAccountsBridge", n=C("1", "2", "3"))
        o("absync", "Unrecognized attribute value: t:AbchPersonItemType", 1, "AddressBookSourceSync")
        o("secd_sos", "SOSAccountThisDeviceCanSyncWithCircle sync with device failure: Error Domain=com.apple.security.sos.error Code=1035 \"Account identity not set\" UserInfo={NSDescription=Account identity not set}", 0.8, "secd")
        o("secd_xpc", "securityd_xpc_dictionary_handler <@proc>[<@pid>] copy_matching Error Domain=NSOSStatusErrorDomain Code=-50 \"query missing class name\" (paramErr: error in user parameter list) UserInfo={NSDescription=query missing class name}",
          0.8, "secd", proc=C("cloudd", "identityservicesd", "Safari"), pid=N(100, 900))
        o("ntpd_wake", "wake time set to <@f> s", 1, "ntpd", f=lambda: "%.6f" % r.uniform(-1.5, 0.5))
        o("ntpd_sigio", "sigio_handler: sigio_handler: fd <@n> read <@m> errno <@k>", 0.3, "ntpd", n=C("5"), m=C("0"), k=C("35"))
        o("syslog_stats", "ASL Sender Statistics", 0.8, "syslogd")
        o("syslog_cfg", "Configuration Notice: ASL Module \"<@mod>\" claims selected messages. Those messages may not appear in standard system log files or in the ASL database.", 0.5, "syslogd",
          mod=C("com.apple.cdscheduler", "com.apple.install", "com.apple.authd", "com.apple.eventmonitor", "com.apple.mail"))
        o("loc_icon", "Location icon should now be in state '<@st>'", 1, "locationd", st=C("Active", "Inactive"))
        o("sharing_btle", "<@t> : BTLE scanner Powered <@st>", 1.5, "sharingd", t=T, st=C("On", "Off"))
        o("sharing_scan", "<@t> : Scanning mode <@mode>", 1.2, "sharingd", t=T, mode=C("Contacts Only", "Off", "Everyone"))
        o("sharing_airdrop", "<@t> : Discoverable mode changed to <@mode>", 0.5, "sharingd", t=T, mode=C("Contacts Only", "Off"))
        o("sharing_ids", "<@t> : SDStatusMonitor::kStatusWirelessPowerChanged", 0.4, "sharingd", t=T)
        o("mds_bail", "(Warning) <@who> Asked to exit for Diskarb", 0.2, "mdworker", who=C("IOLocalizedString", "Import"))
        o("mds_vol", "(Error) Volume: Could not find requested volume <@n>", 0.3, "mds", n=N(1, 9))
        o("calendar_patch", "[com.apple.calendar.store.log.caldav.coredav] [Refusing to parse response to PROPPATCH because of content-type: [text/html; charset=UTF-8].]", 0.6, "CalendarAgent")
        o("apsd_cert", "Unrecognized leaf certificate", 0.3, "apsd")
        o("geod_fail", "PBRequester failed with Error Error Domain=NSURLErrorDomain Code=<@code> \"<@msg>\" UserInfo={NSUnderlyingError=<@p> {Error Domain=kCFErrorDomainCFNetwork Code=<@code> \"(null)\"}}",
          0.4, "com.apple.geod", code=C("-1001", "-1009"), msg=C("The request timed out.", "The Internet connection appears to be offline."), p=lambda: "0x7fe%s" % hexs(r, 9))
        o("ident_push", "<IDSDaemon: <@p>>: Registration for <@svc> failed", 0.2, "identityservicesd", p=lambda: "0x7f%s" % hexs(r, 10), svc=C("com.apple.madrid", "com.apple.private.alloy.continuity"))
        o("ksagent", "<@ts> GoogleSoftwareUpdateAgent[<@pid>/<@tid>] [lvl=2] -[KSAgentApp(KeystoneDelegate) updateEngineFinishedWithErrors:] Keystone finished: errors=<@n>", 0.4, "GoogleSoftwareUpdateAgent",
          ts=lambda: "2017-07-0%d %02d:%02d:%02d.%03d" % (r.randint(1, 8), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999)),
          pid=N(20000, 40000), tid=lambda: "0x7000%s" % hexs(r, 5), n=C("0", "1"))
        o("kscheck", "<@ts> GoogleSoftwareUpdateAgent[<@pid>/<@tid>] [lvl=2] -[KSCheckAction performAction] KSCheckAction checking <@n> tickets.", 0.4, "GoogleSoftwareUpdateAgent",
          ts=lambda: "2017-07-0%d %02d:%02d:%02d.%03d" % (r.randint(1, 8), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999)),
          pid=N(20000, 40000), tid=lambda: "0x7000%s" % hexs(r, 5), n=C("1", "2"))
        # --- applications ----------------------------------------------------------------
        o("qq_dealloc", "FA||Url||taskID[<@id>] dealloc", 5, "QQ", id=N(2019350000, 2019360000))
        o("qq_db", "DB Error: 1 \"no such table: tb_c2cMsg_<@n>\"", 2, "QQ", n=C("2658655094", "2658655094", "1871447368"))
        o("qq_tcp", "tcp_connection_destination_perform_socket_connect <@n> connectx to <@dst> failed: [<@e>] <@msg>", 1.2, "QQ",
          n=N(1000, 60000), dst=lambda: "%s:%s@0" % (self.pub_ip(), r.choice(["8080", "443", "80"])), e=C("50", "65"),
          msg=C("Network is down", "No route to host"))
        o("wk_crabs", "[<@t>] <<<< CRABS >>>> crabsFlumeHostAvailable: [<@p>] Byte flume reports host available again.", 1.2, "com.apple.WebKit.WebContent", t=T, p=P)
        o("wk_crabs2", "[<@t>] <<<< CRABS >>>> crabsWaitForLoad: [<@p>] Wait time out - -1001 (msgSent: <@n>)", 0.8, "com.apple.WebKit.WebContent", t=T, p=P, n=C("0", "1", "3"))
        o("wk_mediaurl", "[<@t>] mv_TimeSyncLogTryingToStartTimebase: <@p> <<<< Boss >>>> FigPlaybackBossPrerollCompleted: unexpected preroll-complete notification", 0.3, "com.apple.WebKit.WebContent", t=T, p=P)
        o("wk_ssl", "NSURLConnection/CFURLConnection HTTP load failed (kCFStreamErrorDomainSSL, <@n>)", 0.7, "com.apple.WebKit.Networking", n=C("-9802", "-9806", "-9813"))
        o("chrome_notify", "Libnotify: notify_register_coalesced_registration failed with code 9 on line 2835", 1, "Google Chrome Helper")
        o("chrome_objc", "objc[<@pid>]: Class <@cls> is implemented in both <@a> and <@b>. One of the two will be used. Which one is undefined.", 0.5, "Google Chrome",
          pid=N(100, 40000), cls=C("FFDecoder", "KSAutoUpdate"), a=C("/Applications/Google Chrome.app/Contents/Versions/59.0.3071.115/Google Chrome Framework.framework/Versions/A/Google Chrome Framework"),
          b=C("/Library/Internet Plug-Ins/Flash Player.plugin/Contents/MacOS/Flash Player"))
        o("garcon", "Failed to connect (<@o>) outlet from (<@a>) to (<@b>): missing setter or instance variable", 0.5, "garcon",
          o=C("view", "_window", "delegate"), a=C("NSApplication", "DBFinderMenuController"), b=C("NSView", "NSWindow"))
        o("safari_tls", "tcp_connection_tls_session_error_callback_imp <@n> __tcp_connection_tls_session_callback_write_block_invoke.434 error <@e>", 1.0, "Safari", n=N(1000, 60000), e=C("22", "22", "32"),
          _comp=C("Safari", "QQ", "QQ"))
        o("word_nt", "Unknown trigger type: <@n>", 0.3, "Microsoft Word", n=C("1", "3"))
        o("airplay", "<@d> <@hms> AirPlayUIAgent[<@pid>:<@tid>] Changing status to <@st>", 0.4, "AirPlayUIAgent",
          d=lambda: "2017-07-0%d" % r.randint(1, 8), hms=lambda: "%02d:%02d:%02d.%06d" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999999)),
          pid=N(200, 500), tid=lambda: "%x" % r.randint(0x100, 0xfffff), st=C("Inactive", "Active"))
        o("wechat", "[<@t>] <@cls> networkStatusChanged, isReachable:<@b>", 0.4, "WeChat", t=T, cls=C("MMReachability", "CNetworkStatus"), b=C("0", "1"))
        o("dropbox", "Sync Status: <@st>", 0.3, "Dropbox", st=C("Up to date", "Syncing", "Connecting", "Waiting to be linked"))
        o("preview", "Printing failed because PMSessionEndDocumentNoDialog() returned -30871.", 0.1, "Preview")
        o("spotlight", "CFNetwork SSLHandshake failed (<@n>)", 0.3, "SpotlightNetHelper", n=C("-9806", "-9801"))
        o("photoanalysisd", "PGManager: Graph is not ready, bailing out of <@op>", 0.2, "photoanalysisd", op=C("requestMemories", "requestSuggestions"))
        o("imagent", "<@t> [Warning] Connection to IMDPersistenceAgent interrupted", 0.2, "imagent", t=T)
        o("appstore", "SoftwareUpdate: request for status for unknown product <@p>", 0.2, "storeassetd", p=lambda: "%03d-%05d" % (r.randint(0, 99), r.randint(0, 99999)))
        o("suggestd", "SGDSuggestManager: ignoring message <@id>: no sender", 0.2, "suggestd", id=N(1000, 90000))
        o("kbmd", "MKBDeviceUnlockedSinceBoot: MKBDeviceUnlockedSinceBoot: Device not yet unlocked", 0.1, "com.apple.authkit")
        o("powerd_as", "Process <@proc>.<@pid> TurnedOn UserIsActive \"<@why>\" age:<@age> id:<@id> [System: <@sys>]", 0.6, "powerd",
          proc=C("Google Chrome", "WindowServer", "QQ", "coreaudiod"), pid=N(100, 40000), why=C("com.apple.iokit.hid", "Playing audio", "Video Wake Lock"),
          age=lambda: "%02d:%02d:%02d" % (0, r.randint(0, 59), r.randint(0, 59)), id=N(10000000, 99999999), sys=C("PrevIdle DeclUser kDisp", "PrevIdle DeclUser SRPrevSleep IPushSrvc kCPU kDisp"))
        # a time-of-day helper for <@t>: values are callables of the timestamp
        self.hosts = ["calvisitor-10-105-160-95", "calvisitor-10-105-160-95", "calvisitor-10-105-162-105",
                      "calvisitor-10-105-163-202", "calvisitor-10-105-161-176", "authorMacBook-Pro"]

    def pid_of(self, comp):
        if comp not in self.pids:
            self.pids[comp] = self.r.randint(40, 400) if comp[:1].islower() or comp in ("WindowServer", "UserEventAgent") else self.r.randint(400, 42000)
        return self.pids[comp]

    # value defaults
    def v_a(self):
        return self.ARPT()

    def v_n(self):
        return str(self.r.randint(1, 400))

    def v_ip(self):
        return "10.105.%d.%d" % (self.r.randint(160, 163), self.r.randint(2, 254))

    def v_ip6(self):
        return "fe80:0:0:0:%s:%s:%s:%s" % tuple(hexs(self.r, 4) for _ in range(4))

    def v_mac(self):
        return ":".join("%x" % self.r.randint(0, 255) for _ in range(6))

    def v_hex(self):
        return "0x" + hexs(self.r, 8).upper()

    # -- multi-line episodes --------------------------------------------------------------
    def K(self, key, **kw):
        return (key, kw)

    def e_sleep(self):
        """going to sleep: keep-alive offloads programmed into the Wi-Fi chip, then sleep"""
        r = self.r
        ip = "10.105.%d.%d" % (r.randint(160, 163), r.randint(2, 254))
        items = []
        if r.random() < 0.5:
            items.append(self.K("ws_sleep", _comp="WindowServer"))
        items += [self.K("awdl_susp_mode"), self.K("awdl_susp")]
        if r.random() < 0.6:
            items.append(self.K("arpt_psrc", yn=r.choice(["No", "Yes"]), n=str(r.randint(30, 900))))
        items.append(self.K("arpt_stay"))
        if r.random() < 0.7:
            items.append(self.K("arpt_mdns4", ip=ip))
            if r.random() < 0.6:
                items.append(self.K("arpt_mdns6"))
        for _ in range(r.choice([1, 1, 2, 3])):
            items.append(self.K("arpt_keep", n=r.choice(["900", "900", "1200"]), m=r.choice(["30", "15"]), k=r.choice(["10", "5"])))
            s1, s2 = str(r.randint(10 ** 8, 4 * 10 ** 9)), str(r.randint(10 ** 8, 4 * 10 ** 9))
            w = str(r.choice([4096, 4095, 2058, 65535]))
            items.append(self.K("arpt_seq", s1=s1, s2=s2, w=w))
            if r.random() < 0.7:
                items.append(self.K("arpt_seq2", s1=s1, s2=s2, w=w))
        if r.random() < 0.25:
            items += [self.K("hib_path"), self.K("hib_efi", n="65"), self.K("hib_pre", a="1"),
                      self.K("hib_pre2", n=str(r.randint(400000, 460000)), a=str(r.randint(30, 50)), b=str(r.randint(400000, 430000)), c="1073741824"),
                      self.K("hib_found", n=str(r.randint(400000, 460000))), self.K("hib_done", n="0")]
        items.append(self.K("sleep"))
        return items

    def e_wake(self):
        r = self.r
        items = []
        kind = weighted(r, [("dark", 6), ("full", 3)])
        reason = weighted(r, [("ARPT (Network)", 4), ("RTC (Alarm)", 3), ("EC.LidOpen (User)", 2), ("XHC1", 1),
                              ("EC.SleepTimer (SleepTimer)", 1)])
        items.append(self.K("wake_reason", reason=reason))
        if r.random() < 0.5:
            items.append(self.K("arpt_wake" if r.random() < 0.7 else "arpt_wake2"))
        if r.random() < 0.3:
            items.append(self.K("prev_sleep", n="5"))
        if r.random() < 0.4:
            items.append(self.K("tbt_nhi", n=str(r.randint(180, 450))))
            items.append(self.K("tbt_early", n=str(r.randint(0, 5))))
        if r.random() < 0.3:
            items.append(self.K("tbt_hpd", n="11", m="0"))
        items.append(self.K("awdl_auto_mode"))
        items.append(self.K("awdl_resume"))
        if r.random() < 0.2:
            items.append(self.K("btcoex"))
        if r.random() < 0.15:
            items.append(self.K("bt_le"))
        if kind == "full":
            if r.random() < 0.3:
                items.append(self.K("camin", hex=r.choice(["0xE0000340", "0xE0000280"])))
                items.append(self.K("camin2"))
            items.append(self.K("full_wake", n=r.choice(["2", "2", "3"]), ms=str(r.randint(200, 40000))))
            items.append(self.K("ws_wake", _comp="WindowServer", n=str(r.randint(10 ** 7, 9 * 10 ** 8))))
            if r.random() < 0.5:
                self.host = r.choice(self.hosts)
                items.append(self.K("en0_up"))
                if r.random() < 0.4:
                    items.append(self.K("en0_chan", n=str(r.choice([1, 6, 11, 36, 44, 149, 157]))))
                if r.random() < 0.25:
                    items.append(self.K("en0_bssid"))
                if r.random() < 0.2:
                    items.append(self.K("en0_cc", cc=r.choice(["US", "X3", "US"])))
                if r.random() < 0.1:
                    items.append(self.K("en0_supp"))
                items.append(self.K("awdl_up"))
        else:
            if r.random() < 0.4:
                items.append(self.K("arpt_aqm", a=self.ARPT(), n="0xfc0", h="0x0", l="0x3f", m="0x0", k="0x0"))
            if r.random() < 0.15:
                day = "2017/7/%d" % r.randint(1, 8)
                items.append(self.K("rtc_maint", d1=day, t1="%02d:%02d:%02d" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)),
                                    d2=day, t2="%02d:%02d:%02d" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))))
            items += self.e_sleep()[-r.choice([2, 3, 5]):]
        return items

    def e_link_flap(self):
        r = self.r
        items = [self.K("awdl_down"), self.K("en0_down")]
        if r.random() < 0.5:
            items.append(self.K("en0_up"))
            items.append(self.K("awdl_up"))
        return items

    def fixed_episodes(self):
        """every rare single once at a random place, so that each shows up at least once"""
        return [(1, self._mk_single(key, gens)) for w, key, gens in self._singles if 0 < w <= 0.6]

    def weighted_episodes(self):
        return [((1.6 * w if w > 0.6 else 0.25 * w), fn) for w, fn in self.single_episodes() if w > 0] + [
            (8, self.e_sleep), (10, self.e_wake), (3, self.e_link_flap)]

    def render(self, t, ev, vals, content):
        comp = vals.get("_comp") or ev.hdr.get("comp") or "kernel"
        addr = vals.get("_addr")
        if ev.key == "ld_legacy":
            addr = "%s[%d]" % (vals["svc"], self.r.randint(20000, 40000))
        head = "%s[%d]" % (comp, self.pid_of(comp))
        if addr:
            head += " (%s)" % addr
        return "%s %2d %s %s %s: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), self.host, head, content)


SYSTEMS = [HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird]


def summary(s, used):
    return "%-11s %d lines, %d templates" % (s.name, s.n_lines, len(s.events))


if __name__ == "__main__":
    sys.exit(loghub_corpus.main(sys.argv, SYSTEMS, summary))
