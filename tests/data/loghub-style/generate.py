#!/usr/bin/env python3
"""Deterministic generator of a synthetic, Loghub-layout generalisation corpus.

Six invented systems (Sshd, Syslog, Proxy, Health, Cluster, Desktop), 2,000 lines each, with
ground-truth templates. Everything here is written from general knowledge of what such logs look
like; no Loghub data was used. Python 3 standard library only; fixed seed, so re-running gives
byte-identical files.

Labelling convention (the loghub one): each variable becomes `<*>`; a parameter that spans several
tokens (a date in words, a free-text reason, `<1 sec`) is one `<*>`; punctuation around a
parameter stays literal (`port <*>`, `uid=<*>`, `(<*>)`, `<*>[<*>]`). Real enumerations
(`link up` / `link down`, `HTTPS` / `SOCKS5`, `KB` / `MB`) are constants, so each value is its
own template. User names, hosts, ports, pids stay variables even when a template happens to see
only two or three values.

Usage: python3 generate.py   (writes next to this file)
"""
import csv
import datetime as dt
import json
import math
import os
import shutil

import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from loghub_corpus import format_regex, template_regex  # noqa: E402  (tests/data/loghub_corpus.py)

SEED = 20240611
N_LINES = 2000
# Where to write: the first argument, or next to this script.
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

R = random.Random(SEED)
NOW = [dt.datetime(2005, 1, 1)]  # timestamp of the line being generated


# --------------------------------------------------------------------------- value helpers
def val(p):
    if callable(p):
        return p()
    if isinstance(p, (list, tuple)):
        return R.choice(p)
    return str(p)


class P:
    """Zipf-weighted pick from a fixed pool (or explicit weights)."""

    def __init__(self, items, s=1.0, weights=None):
        self.items = list(items)
        self.cum = []
        acc = 0.0
        for k, w in enumerate(weights or [1.0 / (k + 1) ** s for k in range(len(self.items))]):
            acc += w
            self.cum.append(acc)

    def __call__(self):
        x = R.random() * self.cum[-1]
        for item, c in zip(self.items, self.cum):
            if x < c:
                return val(item)
        return val(self.items[-1])


def C(*items):
    return lambda: val(R.choice(items))


def N(a, b):
    return lambda: str(R.randint(a, b))


def HEX(n, prefix="", upper=False):
    digits = "0123456789ABCDEF" if upper else "0123456789abcdef"
    return lambda: prefix + "".join(R.choice(digits) for _ in range(n))


def FLOAT(a, b, nd):
    return lambda: f"{R.uniform(a, b):.{nd}f}"


def port():
    return str(R.randint(1024, 65535))


def rand_ip():
    return f"{R.choice([R.randint(1, 126), R.randint(128, 223)])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def rdns(ip):
    """A plausible reverse-DNS name for an IP (deterministic per IP)."""
    a, b, c, d = ip.split(".")
    style = (int(a) + int(b) + int(c) + int(d)) % 5
    if style == 0:
        return f"{a}-{b}-{c}-{d}.dyn.telnet-isp.example.net"
    if style == 1:
        return f"host{d}.{c}.{b}.{a}.broad.example.cn"
    if style == 2:
        return f"static-{a}-{b}-{c}-{d}.cable.example.com"
    if style == 3:
        return f"dsl-{int(a):03d}-{int(b):03d}-{int(c):03d}-{int(d):03d}.arcor-ip.example.de"
    return f"ns{int(d) % 7 + 1}.kitchen-supply.example.org"


def mac():
    return ":".join(f"{R.randint(0, 255):02x}" for _ in range(6))


EPOCH = dt.datetime(1970, 1, 1)


def epoch(t):
    """Seconds since 1970 with the naive timestamp read as UTC (independent of the local time zone)."""
    return (t - EPOCH).total_seconds()


def wdate(t=None):
    """Date spelled in words, ctime style with zero-padded day: `Sun Jul 17 15:09:05 2005`."""
    return (t or NOW[0]).strftime("%a %b %d %H:%M:%S %Y")


def fill(tmpl, *vals):
    parts = tmpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tmpl, vals)
    out = parts[0]
    for v, lit in zip(vals, parts[1:]):
        out += str(v) + lit
    return out


class T:
    """One template; each `<*>` filled by a parameter generator. hdr: per-template header values."""

    def __init__(self, tmpl, *params, **hdr):
        assert tmpl.count("<*>") == len(params), tmpl
        self.tmpl, self.params, self.hdr = tmpl, params, hdr

    def gen(self):
        return self.tmpl, fill(self.tmpl, *[val(p) for p in self.params]), {k: val(v) for k, v in self.hdr.items()}


class F:
    """A family: fn() returns (template, content) or (template, content, hdr); may yield several templates."""

    def __init__(self, fn, **hdr):
        self.fn, self.hdr = fn, hdr

    def gen(self):
        r = self.fn()
        hdr = {k: val(v) for k, v in self.hdr.items()}
        if len(r) == 3:
            hdr.update(r[2])
        return r[0], r[1], hdr


# --------------------------------------------------------------------------- shared pools
USERS_INVALID = P(["admin", "test", "user", "oracle", "guest", "ubuntu", "postgres", "support", "test9", "ftpuser",
                   "pi", "git", "nagios", "mysql", "hadoop", "tomcat", "jenkins", "ts3", "minecraft", "vagrant",
                   "administrator", "user1", "test2", "ftp_user", "sales", "web1", "es", "zabbix", "www", "teamspeak",
                   "default", "123456", "PlcmSpIp", "0101", "deploy1", "odoo", "steam", "redis", "elastic", "info"], s=0.9)
ATTACKERS = P([rand_ip() for _ in range(70)], s=0.8)
ADMIN_IPS = P(["10.20.1.15", "10.20.1.16", "192.168.7.30"], weights=[6, 3, 1])


# --------------------------------------------------------------------------- Sshd
def sshd_specs():
    valid = P(["root", "deploy", "backup"], weights=[0.9, 0.07, 0.03])

    def rhost():
        ip = ATTACKERS()
        return ip if R.random() < 0.7 else rdns(ip)

    def reverse_mapping():
        ip = ATTACKERS()
        t = "reverse mapping checking getaddrinfo for <*> [<*>] failed - POSSIBLE BREAK-IN ATTEMPT!"
        return t, fill(t, rdns(ip), ip)

    def maps_to():
        ip = ATTACKERS()
        t = "Address <*> maps to <*>, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!"
        return t, fill(t, ip, rdns(ip))

    def pam_more():
        n = R.choice([1, 2, 2, 3, 4, 5, 5])
        word = "failure" if n == 1 else "failures"
        t = f"PAM <*> more authentication {word}; logname= uid=0 euid=0 tty=ssh ruser= rhost=<*> user=<*>"
        return t, fill(t, n, rhost(), valid())

    kex = C("diffie-hellman-group1-sha1,diffie-hellman-group14-sha1",
            "diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1",
            "diffie-hellman-group-exchange-sha1")
    hostkey = C("ssh-rsa,ssh-dss", "ssh-dss")
    sha = lambda: "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43))
    reason = P(["Bye Bye", "disconnected by user", "Normal Shutdown, Thank you for playing", "Client disconnecting normally"],
               weights=[10, 4, 2, 1])
    return [
        T("Failed password for <*> from <*> port <*> ssh2", valid, ATTACKERS, port),
        T("pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=<*> user=<*>", rhost, valid),
        T("Invalid user <*> from <*> port <*>", USERS_INVALID, ATTACKERS, port),
        T("pam_unix(sshd:auth): check pass; user unknown"),
        T("pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=<*>", rhost),
        T("Failed password for invalid user <*> from <*> port <*> ssh2", USERS_INVALID, ATTACKERS, port),
        T("Received disconnect from <*> port <*>:11: <*> [preauth]", ATTACKERS, port, reason),
        T("Disconnected from <*> port <*> [preauth]", ATTACKERS, port),
        T("input_userauth_request: invalid user <*> [preauth]", USERS_INVALID),
        T("Connection closed by <*> port <*> [preauth]", ATTACKERS, port),
        F(reverse_mapping),
        F(pam_more),
        T("Disconnecting: Too many authentication failures for <*> [preauth]", valid),
        T("error: maximum authentication attempts exceeded for <*> from <*> port <*> ssh2 [preauth]", valid, ATTACKERS, port),
        T("PAM service(sshd) ignoring max retries; <*> > 3", N(4, 6)),
        T("Did not receive identification string from <*> port <*>", ATTACKERS, port),
        T("Accepted password for <*> from <*> port <*> ssh2", C("root", "deploy"), ADMIN_IPS, port),
        T("pam_unix(sshd:session): session opened for user <*> by (uid=0)", C("root", "deploy")),
        T("pam_unix(sshd:session): session closed for user <*>", C("root", "deploy")),
        T("Connection closed by invalid user <*> <*> port <*> [preauth]", USERS_INVALID, ATTACKERS, port),
        T("Accepted publickey for <*> from <*> port <*> ssh2: RSA SHA256:<*>", C("git", "ansible", "root"), ADMIN_IPS, port, sha),
        F(maps_to),
        T("error: maximum authentication attempts exceeded for invalid user <*> from <*> port <*> ssh2 [preauth]",
          USERS_INVALID, ATTACKERS, port),
        T("Connection closed by authenticating user <*> <*> port <*> [preauth]", valid, ATTACKERS, port),
        T("Unable to negotiate with <*> port <*>: no matching key exchange method found. Their offer: <*> [preauth]",
          ATTACKERS, port, kex),
        T("Bad protocol version identification '<*>' from <*> port <*>",
          C("GET / HTTP/1.1", "\\x16\\x03\\x01\\x02", "HELP", "OPTIONS / RTSP/1.0", ""), ATTACKERS, port),
        T("Starting session: shell on <*> for <*> from <*> port <*> id <*>", C("pts/0", "pts/1", "pts/2"), C("root", "deploy"),
          ADMIN_IPS, port, N(0, 1)),
        T("Starting session: command for <*> from <*> port <*> id <*>", C("git", "ansible"), ADMIN_IPS, port, N(0, 1)),
        T("Postponed publickey for <*> from <*> port <*> ssh2 [preauth]", C("git", "ansible"), ADMIN_IPS, port),
        T("Timeout, client not responding from user <*> <*> port <*>", C("root", "deploy"), ADMIN_IPS, port),
        T("fatal: Read from socket failed: Connection reset by peer [preauth]"),
        T("Unable to negotiate with <*> port <*>: no matching host key type found. Their offer: <*> [preauth]",
          ATTACKERS, port, hostkey),
        T("User <*> from <*> not allowed because not listed in AllowUsers", USERS_INVALID, ATTACKERS),
        T("error: Received disconnect from <*> port <*>:3: <*> [preauth]", ATTACKERS, port,
          C("com.jcraft.jsch.JSchException: Auth fail", "com.jcraft.jsch.JSchException: Auth cancel")),
        T("ssh_dispatch_run_fatal: Connection from <*> port <*>: message authentication code incorrect [preauth]",
          ATTACKERS, port),
        T("Corrupted MAC on input. [preauth]"),
        T("Server listening on <*> port <*>.", C("0.0.0.0", "::"), C("22", "2222")),
        T("Received signal 15; terminating."),
        T("error: kex_exchange_identification: Connection closed by remote host"),
        T("Accepted keyboard-interactive/pam for <*> from <*> port <*> ssh2", C("root", "deploy"), ADMIN_IPS, port),
    ]


def sshd_line(t, hdr, content):
    f = {"Month": t.strftime("%b"), "Day": str(t.day), "Time": t.strftime("%H:%M:%S"), "Host": "gw-ssh01",
         "Component": "sshd", "Pid": hdr.get("pid") or str(R.randint(10000, 32000))}
    raw = f"{f['Month']} {f['Day']:>2} {f['Time']} {f['Host']} {f['Component']}[{f['Pid']}]: {content}"
    return raw, f


# --------------------------------------------------------------------------- Syslog
def syslog_specs():
    cron_users = P(["root", "www-data", "news"], weights=[10, 2, 1])
    cmds = P(["run-parts /etc/cron.hourly", "/usr/lib64/sa/sa1 1 1", "command -v debian-sa1 > /dev/null && debian-sa1 1 1",
              "[ -x /usr/lib/php/sessionclean ] && /usr/lib/php/sessionclean", "/usr/local/bin/backup.sh",
              "/usr/lib64/sa/sa2 -A", "test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )"], s=1.2)
    services = P(["syslogd", "klogd", "irqbalance", "portmap", "nfslock", "rpcidmapd", "sshd", "xinetd", "cups",
                  "httpd", "sendmail", "crond", "atd", "smartd", "named"], s=0.5)
    units = P(["Daily apt download activities", "Clean php session files", "Rotate log files", "Message of the Day",
               "Cleanup of Temporary Directories", "Daily man-db regeneration", "Refresh fwupd metadata and update motd",
               "Network Time Synchronization", "OpenBSD Secure Shell server", "Discard unused blocks"], s=1.0)
    mailhosts = P(["mx1.example.org", "aspmx.l.example.com", "mail.acme-corp.example", "smtp.partner-co.example.net"])
    rcpts = P(["alice@example.org", "ops-team@acme-corp.example", "bob.smith@partner-co.example.net", "noc@example.com"])
    ips = P([rand_ip() for _ in range(30)], s=0.7)
    lan = P([f"192.168.1.{k}" for k in (1, 10, 23, 54, 77, 101)])
    svc_units = P(["auth-service", "nginx", "billing-worker@2", "node-exporter", "payments-api"], s=1.0)
    mounts = P(["sda1", "sdb1", "dm-0", "sdc2"])

    def ftp_conn():
        ip = ips()
        r = R.random()
        host = rdns(ip) if r < 0.55 else (ip if r < 0.85 else "")
        t = "connection from <*> (<*>) at <*>"
        return t, fill(t, ip, host, wdate()), {"comp": "ftpd", "pid": str(R.randint(20000, 32000))}

    def startup(word):
        def fn():
            s = services()
            comp = {"syslogd": "syslog", "klogd": "syslog"}.get(s, "rc")
            t = f"<*> {word} succeeded"
            return t, fill(t, s), {"comp": comp, "pid": str(R.randint(1500, 2500))}
        return fn

    def linux_version():
        t = "Linux version <*> (<*>) (gcc version <*> (<*>)) #1 SMP <*>"
        return t, fill(t, C("2.6.9-42.ELsmp", "2.6.9-55.ELsmp")(), "bhcompile@builder.example.com",
                       "3.4.6 20060404", "Red Hat 3.4.6-3", C("Wed Jul 12 23:32:02 EDT 2006", "Fri Apr 20 17:03:35 EDT 2007")())

    def postfix(status, reasons):
        def fn():
            host = mailhosts()
            relay = f"{host}[{rand_ip()}]:25"
            t = f"<*>: to=<<*>>, relay=<*>, delay=<*>, delays=<*>, dsn=<*>, status={status} (<*>)"
            dsn = "2.0.0" if status == "sent" else C("4.4.1", "4.4.2")()
            delays = f"{R.uniform(0, .2):.2f}/0/{R.uniform(0, 1):.2f}/{R.uniform(0, 1):.2f}"
            return t, fill(t, HEX(10, upper=True)(), rcpts(), relay, f"{R.uniform(0.1, 9):.2f}", delays, dsn, val(reasons)), \
                {"comp": "postfix/smtp", "pid": str(R.randint(3000, 9000))}
        return fn

    def su_failure():
        who = C("alice", "bob", "")()
        t = "authentication failure; logname=<*> uid=<*> euid=0 tty=<*> ruser=<*> rhost= user=root"
        return t, fill(t, who, C("500", "501")(), C("pts/0", "pts/1")(), who), {"comp": "su(pam_unix)", "pid": str(R.randint(3000, 30000))}

    kern = {"comp": "kernel"}
    sshp = {"comp": "sshd(pam_unix)", "pid": N(3000, 32000)}
    cronp = {"comp": "crond(pam_unix)", "pid": N(3000, 32000)}
    return [
        T("(<*>) CMD (<*>)", cron_users, cmds, comp="CROND", pid=N(3000, 32000)),
        # cron has no login name: `by (uid=0)`; su has one: `by alice(uid=500)` -- one template, sometimes-empty parameter
        T("session opened for user <*> by <*>(uid=<*>)", cron_users, "", "0", **cronp),
        T("session closed for user <*>", cron_users, **cronp),
        T("authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<*>",
          lambda: (lambda ip: ip if R.random() < 0.6 else rdns(ip))(ATTACKERS()), **sshp),
        T("check pass; user unknown", **sshp),
        F(ftp_conn),
        T("authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<*> user=<*>",
          lambda: (lambda ip: ip if R.random() < 0.6 else rdns(ip))(ATTACKERS()), C("root", "root", "guest"), **sshp),
        T("START: <*> pid=<*> from=<*>", P(["ftp", "telnet", "rsync"], weights=[8, 2, 1]), N(3000, 32000), ips, comp="xinetd", pid=N(1900, 2000)),
        T("EXIT: <*> status=<*> pid=<*> duration=<*>(sec)", P(["ftp", "telnet", "rsync"], weights=[8, 2, 1]), C("0", "0", "1"),
          N(3000, 32000), N(0, 600), comp="xinetd", pid=N(1900, 2000)),
        T("Started <*>.", units, comp="systemd", pid="1"),
        T("Starting <*>...", units, comp="systemd", pid="1"),
        T("New session <*> of user <*>.", N(1, 900), C("root", "alice"), comp="systemd-logind", pid="812"),
        T("Removed session <*>.", N(1, 900), comp="systemd-logind", pid="812"),
        T("[<*>] [UFW BLOCK] IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=<*> PREC=0x00 TTL=<*> ID=<*> PROTO=TCP SPT=<*> "
          "DPT=<*> WINDOW=<*> RES=0x00 SYN URGP=0", FLOAT(100000, 999999, 6), C("eth0", "eth1"),
          lambda: mac() + ":" + mac() + ":08:00", ATTACKERS, lan, C("40", "44", "60"), C("0x00", "0x08", "0x28"), N(30, 250),
          N(1, 65535), port, C("22", "23", "445", "3389", "8080"), C("1024", "29200", "65535"), **kern),
        F(startup("startup")),
        T("DHCPREQUEST on <*> to <*> port 67", C("eth0", "eth0", "eth1"), C("192.168.1.1", "10.0.0.1"), comp="dhclient", pid=N(2000, 2100)),
        T("DHCPACK from <*> (xid=<*>)", C("192.168.1.1", "10.0.0.1"), HEX(8, "0x"), comp="dhclient", pid=N(2000, 2100)),
        T("bound to <*> -- renewal in <*> seconds.", lan, N(1200, 43200), comp="dhclient", pid=N(2000, 2100)),
        F(postfix("sent", P(["250 2.0.0 OK queued as 4XbK2p1Zz", "250 Message accepted for delivery",
                                           "250 2.0.0 Ok: queued", "250 OK id=1qLx2c-0004Jq-8T"]))),
        F(startup("shutdown")),
        T("[<*>] [UFW BLOCK] IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=<*> PREC=0x00 TTL=<*> ID=<*> PROTO=UDP SPT=<*> "
          "DPT=<*> LEN=<*>", FLOAT(100000, 999999, 6), C("eth0", "eth1"), lambda: mac() + ":" + mac() + ":08:00", ATTACKERS, lan,
          C("78", "131", "440"), C("0x00", "0x28"), N(30, 250), N(1, 65535), port, C("53", "123", "137", "1900", "5353"),
          C("58", "111", "420"), **kern),
        T("<*>: link up, <*>, full-duplex, lpa <*>", C("eth0", "eth1"), C("100Mbps", "1000Mbps"), HEX(4, "0x", upper=True), **kern),
        T("<*>: link down", C("eth0", "eth1"), **kern),
        T("client <*>#<*>: query (cache) '<*>' denied", ATTACKERS, port,
          C("example.com/A/IN", "version.bind/TXT/CH", "./ANY/IN", "isc.org/ANY/IN"), comp="named", pid="2211"),
        T("session opened for user <*> by <*>(uid=<*>)", C("root", "postgres"), C("alice", "bob"), C("500", "501"),
          comp="su(pam_unix)", pid=N(3000, 30000)),
        T("nfs: server <*> not responding, still trying", C("nfs01", "filer-2.lab.example"), **kern),
        T("nfs: server <*> OK", C("nfs01", "filer-2.lab.example"), **kern),
        T("<*>.service: Main process exited, code=exited, status=<*>/<*>", svc_units, C("1", "2", "203"),
          C("FAILURE", "INVALIDARGUMENT", "EXEC"), comp="systemd", pid="1"),
        T("<*>.service: Failed with result '<*>'.", svc_units, C("exit-code", "timeout"), comp="systemd", pid="1"),
        F(postfix("deferred", P(["connect to mx.example.net[198.51.100.7]:25: Connection timed out",
                                 "host mail.partner-co.example.net[203.0.113.9] said: 451 4.7.1 Please try again later",
                                 "Network is unreachable"]))),
        T("UDP: bad checksum. From <*> to <*> ulen <*>", lambda: ATTACKERS() + ":" + port(), lambda: "192.168.1.10:" + C("53", "123")(),
          N(20, 512), **kern),
        T("Out of Memory: Killed process <*> (<*>).", N(2000, 32000), C("httpd", "java", "mysqld", "python3", "spamd"), **kern),
        F(su_failure),
        T("audit(<*>): initialized", lambda: f"{int(epoch(NOW[0]))}.{R.randint(10**8, 10**9)}:0", **kern),
        T("klogd 1.4.1, log source = /proc/kmsg started.", **kern),
        T("Kernel command line: ro root=LABEL=/ rhgb quiet", **kern),
        F(linux_version, **kern),
        T("usb <*>: new high-speed USB device number <*> using <*>", C("1-1", "1-1.2", "2-1"), N(2, 14), C("ehci-pci", "xhci_hcd"), **kern),
        T("usb <*>: USB disconnect, device number <*>", C("1-1", "1-1.2", "2-1"), N(2, 14), **kern),
        T("EXT4-fs (<*>): mounted filesystem with ordered data mode. Opts: <*>", mounts,
          C("(null)", "errors=remount-ro", "user_xattr,acl"), **kern),
        T("password changed for <*>", C("alice", "bob", "svc-backup"), comp="passwd", pid=N(3000, 30000)),
        T("new user: name=<*>, UID=<*>, GID=<*>, home=<*>, shell=<*>", C("svc-backup", "carol"), C("1003", "1004"), C("1003", "1004"),
          C("/home/svc-backup", "/home/carol"), C("/bin/bash", "/usr/sbin/nologin"), comp="useradd", pid=N(3000, 30000)),
        T("new group: name=<*>, GID=<*>", C("svc-backup", "carol"), C("1003", "1004"), comp="useradd", pid=N(3000, 30000)),
        T("ALERT exited abnormally with [<*>]", C("1", "2"), comp="logrotate"),
        T("hda: dma_timer_expiry: dma status == <*>", C("0x21", "0x61"), **kern),
        T("*** info [startup.c(95)]: Started gpm successfully. Entered daemon mode.", comp="gpm", pid="2094"),
        T("Version 1.0.6 Starting", comp="rpc.statd", pid="1648"),
    ]


def syslog_line(t, hdr, content):
    comp = hdr.get("comp", "kernel")
    pid = hdr.get("pid", "")
    f = {"Month": t.strftime("%b"), "Day": str(t.day), "Time": t.strftime("%H:%M:%S"), "Host": "lab-srv2",
         "Component": comp, "Pid": pid}
    raw = f"{f['Month']} {f['Day']:>2} {f['Time']} {f['Host']} {comp}{'[' + pid + ']' if pid else ''}: {content}"
    return raw, f


# --------------------------------------------------------------------------- Proxy
def proxy_specs():
    dests = P(["www.google.com:443", "clients4.google.com:443", "outlook.office365.com:443", "api.dropboxapi.com:443",
               "13.107.42.14:443", "update.example-cdn.net:80", "login.microsoftonline.com:443", "github.com:443",
               "ssl.gstatic.com:443", "172.217.160.110:443", "weixin.qq.com:80", "s3-ap-southeast-1.amazonaws.com:443",
               "mtalk.google.com:5228", "10.10.12.40:8080", "intranet.corp.example:443", "ocsp.digicert.com:80",
               "api-v2.telemetry-sink.example.io:443", "203.0.113.77:993"], s=0.9)
    proxies = P(["proxy-gw.corp.example:3128", "10.10.0.5:1080"], weights=[4, 1])
    progs = P(["chrome.exe", "chrome.exe *64", "firefox.exe", "Dropbox.exe", "svchost.exe", "OneDrive.exe", "Teams.exe",
               "git-remote-https.exe", "java.exe", "OUTLOOK.EXE", "WeChat.exe", "Spotify.exe"], s=0.9)
    prog = {"prog": progs}
    me = {"prog": "Proxifier"}

    def nbytes(median, sigma):
        return max(0, int(math.exp(R.gauss(math.log(median), sigma))))

    def size(n):
        if n < 1024:
            return "<*> bytes", [n]
        if n < 1024 * 1024:
            return "<*> bytes (<*> KB)", [n, f"{n / 1024:.2f}"]
        return "<*> bytes (<*> MB)", [n, f"{n / 1048576:.2f}"]

    def lifetime():
        r = R.random()
        if r < 0.45:
            return "<1 sec"
        if r < 0.95:
            s = int(R.expovariate(1 / 40)) + 1
            return f"{s // 60:02d}:{s % 60:02d}"
        s = R.randint(3600, 20000)
        return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"

    def close():
        st, sv = size(nbytes(800, 1.3))
        rt, rv = size(nbytes(4000, 2.2))
        t = f"<*> close, {st} sent, {rt} received, lifetime <*>"
        return t, fill(t, dests(), *sv, *rv, lifetime())

    rules = P(["Default", "Intranet", "Dev Servers", "Video Streaming"], weights=[6, 3, 2, 1])
    return [
        F(close, **prog),
        T("<*> open through proxy <*> HTTPS", dests, proxies, **prog),
        T("<*> matching <*> rule : using proxy <*>", dests, rules, proxies, **prog),
        T("<*> error : Could not connect to proxy <*> - connection attempt failed with error <*>", dests, proxies,
          C("10060", "10061", "10065"), **prog),
        T("<*> open through proxy <*> SOCKS5", dests, proxies, **prog),
        T("<*> error : A connection request was canceled before the completion.", dests, **prog),
        T("<*> matching <*> rule : direct connection", dests, C("Localhost", "Intranet"), **prog),
        T("<*> open directly", dests, **prog),
        T("DNS : <*> resolved through proxy to <*>", lambda: dests().split(":")[0], rand_ip, **prog),
        T("<*> error : Could not connect through proxy <*> - Proxy server cannot establish a connection with the target, "
          "status code <*>", dests, proxies, C("403", "502", "504"), **prog),
        T("<*> error : Connection reset by remote host (error <*>)", dests, C("10054"), **prog),
        T("DNS : <*> resolved locally to <*>", C("intranet.corp.example", "wiki.corp.example", "printer-3f.corp.example"),
          lambda: f"10.10.{R.randint(0, 40)}.{R.randint(2, 250)}", **prog),
        T("Proxy <*> check : OK, response time <*> ms", proxies, N(3, 400), **me),
        T("<*> error : Could not resolve <*> through proxy <*>", dests, C("telemetry.example-app.io", "cdn.foo-bar.example"),
          proxies, **prog),
        T("Traffic statistics : <*> connections, <*> bytes sent, <*> bytes received", N(100, 9000), N(10**5, 10**8),
          N(10**6, 10**9), **me),
        T("Connection to proxy <*> lost, reconnecting in <*> sec", proxies, C("5", "10", "30"), **me),
        T("Proxy <*> check : failed, <*>", proxies, C("connection timed out", "host unreachable", "authentication required (407)"), **me),
        T("<*> open through proxy chain <*> HTTPS", dests, C("'Corp Chain'", "'Chain 1'"), **prog),
        T("<*> error : Could not connect to <*> - target actively refused the connection (error <*>)", dests,
          C("10.10.12.40:8080", "intranet.corp.example:443"), C("10061"), **prog),
        T("Profile <*> loaded, <*> rules active", C('"C:\\Users\\jwang\\AppData\\Roaming\\Proxifier4\\Profiles\\Default.ppx"'),
          C("7", "9"), **me),
        T("Name resolution through proxy is enabled", **me),
        T("Service started, version <*>", C("4.07"), **me),
        T("Name resolution through proxy is disabled", **me),
    ]


def proxy_line(t, hdr, content):
    f = {"Time": t.strftime("%m.%d %H:%M:%S"), "Program": hdr["prog"]}
    return f"[{f['Time']}] {f['Program']} - {content}", f


# --------------------------------------------------------------------------- Health
def health_specs():
    main = {"comp": "StepCounter", "pid": "30002312"}
    state = {"v": 3000}

    def steps():
        state["v"] += R.randint(0, 15)
        return str(state["v"])

    def ts_ms():
        return str(int(epoch(NOW[0]) * 1000))

    def detail():
        return "##".join([ts_ms(), steps(), str(R.randint(10000, 900000)), str(R.randint(1000, 20000)),
                          str(R.randint(1000, 20000)), str(R.randint(10**7, 10**8))])

    tables = C("step_detail", "heart_rate", "sleep_stage")
    return [
        T("onStepCountChanged <*>", steps, **main),
        T("flush sensor data", **main),
        T("REPORT : <*> <*> <*> <*>", steps, N(5000, 5200), N(100000, 200000), N(200, 300), comp="StepUtils", pid="30002312"),
        T("processSensorEvent: steps=<*>, timestamp=<*>", steps, ts_ms, **main),
        T("onReceive action: android.intent.action.SCREEN_ON", comp="ScreenMonitor", pid="30002312"),
        T("onReceive action: android.intent.action.SCREEN_OFF", comp="ScreenMonitor", pid="30002312"),
        T("getTodayTotalDetailSteps = <*>", detail, comp="StepUtils", pid="30002312"),
        T("calculateCaloriesWithCache totalCalories=<*>", N(40000, 200000), **main),
        T("onExtend:<*> <*> <*> <*>", ts_ms, N(0, 30), C("0", "0", "1"), N(0, 9), **main),
        T("insertHealthData() size = <*>, type = <*>", N(1, 60), C("10001", "10006", "20002"), comp="DataStore", pid="30004538"),
        T("measure result hr=<*> confidence=<*> status=<*>", N(55, 140), FLOAT(0.3, 1, 2), C("0", "0", "0", "2"),
          comp="HeartRate", pid="30004538"),
        T("upload data type=<*>, records=<*>, result=<*>", C("step", "heart_rate", "sleep"), N(1, 300), C("true", "true", "false"),
          comp="HealthSync", pid="30004538"),
        T("calculateAltitudeWithCache totalAltitude=<*>", N(0, 900), **main),
        T("sync start, account=<*>, lastSyncTime=<*>", C("a3f9c1e07b", "5d02e6b1c4"), ts_ms, comp="HealthSync", pid="30004538"),
        T("sync end, cost <*> ms", N(80, 9000), comp="HealthSync", pid="30004538"),
        F(lambda: ("sleep state changed from <*> to <*>",
                   fill("sleep state changed from <*> to <*>", *R.sample(["AWAKE", "LIGHT", "DEEP", "REM"], 2))),
          comp="SleepMonitor", pid="30004538"),
        T("checkGoalReached goal=<*> steps=<*> notified=<*>", C("8000", "10000"), steps, C("true", "false"), **main),
        T("registerSensorListener type=<*> delay=<*> result=<*>", C("19", "21"), C("0", "3"), C("true", "true", "false"),
          comp="MotionService", pid="30002312"),
        T("query uri=<*> selection=<*>", C("content://com.example.health.provider/steps",
                                            "content://com.example.health.provider/heart"), C("", "", "date>?", "type=?"),
          comp="HealthProvider", pid="30004538"),
        T("unregisterSensorListener type=<*>", C("19", "21"), comp="MotionService", pid="30002312"),
        T("onBatteryChanged level=<*>, plugged=<*>", N(5, 100), C("0", "0", "2"), comp="PowerMonitor", pid="30002312"),
        T("uploadStaticsToDB failed message=<*>", C("network unavailable", "token expired", "server error 503"),
          comp="HealthSync", pid="30004538"),
        T("device <*> connected, rssi=<*>", C("D4:36:39:A1:0F:7E", "C8:FD:19:22:5B:01"), N(-90, -40), comp="BTConnector", pid="30004538"),
        T("device <*> disconnected, reason=<*>", C("D4:36:39:A1:0F:7E", "C8:FD:19:22:5B:01"), C("8", "19", "22"),
          comp="BTConnector", pid="30004538"),
        T("setAlarm at <*>", lambda: (NOW[0] + dt.timedelta(hours=R.randint(1, 9))).strftime("%a %b %d %H:%M:00 CST %Y"),
          comp="SleepMonitor", pid="30004538"),
        T("onPushMsg: msgType=<*>, msgId=<*>", C("1", "3"), HEX(16), comp="PushReceiver", pid="30004538"),
        T("startActivity <*>", C("com.example.health/.ui.MainActivity", "com.example.health/.ui.sport.TrackActivity"),
          comp="AppLauncher", pid="30002312"),
        T("deleteExpiredData() deleted <*> rows from <*>", N(0, 5000), tables, comp="DataStore", pid="30004538"),
        T("insertHealthData() failed, errorCode = <*>", C("-2", "-7"), comp="DataStore", pid="30004538"),
        T("screen status unknown,think screen on", comp="ScreenMonitor", pid="30002312"),
        T("loadConfig version=<*>", C("3.1.2", "3.1.4"), comp="Config", pid="30002312"),
    ]


def health_line(t, hdr, content):
    f = {"Time": t.strftime("%Y%m%d-%H:%M:%S:") + str(t.microsecond // 1000), "Component": hdr["comp"], "Pid": hdr["pid"]}
    return f"{f['Time']}|{f['Component']}|{f['Pid']}|{content}", f


# --------------------------------------------------------------------------- Cluster
def cluster_specs():
    compute = P([f"{r}n{k}" for r in "abcd" for k in (3, 17, 101, 228, 512, 700, 931)], s=0.3)
    admin = {"node": "tbird-admin1"}
    sm = {"node": "tbird-sm1", "comp": "ib_sm.x", "pid": "24904"}
    jobs = lambda: f"{R.randint(100000, 140000)}.tbird-admin1"
    pidn = N(1000, 32000)

    def cmd():
        return P(["run-parts /etc/cron.hourly", "/usr/sbin/check-disks.sh", "/opt/gm/sbin/gm_board_info > /dev/null 2>&1",
                  "/usr/bin/gmetric --name=load_one --value=1 --type=float"], s=1.0)()

    def dhcp(kind):
        def fn():
            n = compute()
            m = mac()
            ip = f"10.100.{R.randint(1, 30)}.{R.randint(2, 250)}"
            if kind == "DISCOVER":
                t = "DHCPDISCOVER from <*> via <*>"
                c = fill(t, m, "eth1")
            elif kind == "OFFER":
                t = "DHCPOFFER on <*> to <*> via <*>"
                c = fill(t, ip, m, "eth1")
            elif kind == "REQUEST":
                t = "DHCPREQUEST for <*> (<*>) from <*> via <*>"
                c = fill(t, ip, "10.100.0.1", m, "eth1")
            else:
                t = "DHCPACK on <*> to <*> via <*>"
                c = fill(t, ip, m, "eth1")
            return t, c, {"node": "tbird-admin1", "comp": "dhcpd", "pid": ""}
        return fn

    kern = {"comp": "kernel", "pid": ""}
    return [
        T("session opened for user <*> by (uid=0)", C("root", "root", "root", "ganglia"), comp="crond(pam_unix)", pid=pidn),
        T("session closed for user <*>", C("root", "root", "root", "ganglia"), comp="crond(pam_unix)", pid=pidn),
        T("(<*>) CMD (<*>)", C("root", "root", "root", "ganglia"), cmd, comp="crond", pid=pidn),
        T("[ib_sm_sweep.c:1831]: No topology change", **sm),
        F(dhcp("REQUEST")),
        F(dhcp("ACK")),
        T("synchronized to <*>, stratum <*>", C("10.100.0.1", "10.100.0.2"), C("2", "3"), comp="ntpd", pid=pidn),
        T("Bad file descriptor (9) in tm_request, job <*> not running", jobs, comp="pbs_mom", pid="3512"),
        T("starting <*>", C("0anacron", "mcelog.cron", "check-nfs"), comp="run-parts(/etc/cron.hourly)", pid=pidn),
        T("finished <*>", C("0anacron", "mcelog.cron", "check-nfs"), comp="run-parts(/etc/cron.hourly)", pid=pidn),
        T("EXT3-fs error (device <*>): ext3_lookup: unlinked inode <*> in dir #<*>", C("sda5", "sdb1"), N(10**5, 10**7),
          N(10**5, 10**7), label="EXT_FS", **kern),
        F(dhcp("DISCOVER")),
        F(dhcp("OFFER")),
        T("time reset <*> s", lambda: C("+", "-")() + f"{R.uniform(0.05, 1.5):.6f}", comp="ntpd", pid=pidn),
        T("task_check, cannot tm_reply to <*> task <*>", jobs, N(1, 8), comp="pbs_mom", pid="3512"),
        T("Accepted publickey for <*> from <*> port <*> ssh2", C("root", "admin"), C("10.100.0.1", "10.100.0.7"), port,
          comp="sshd", pid=pidn),
        T("connect from <*>[<*>]", C("unknown", "tbird-admin1.example.gov"), C("10.100.4.2", "10.100.0.1"),
          node="tbird-admin1", comp="postfix/smtpd", pid=pidn),
        T("disconnect from <*>[<*>]", C("unknown", "tbird-admin1.example.gov"), C("10.100.4.2", "10.100.0.1"),
          node="tbird-admin1", comp="postfix/smtpd", pid=pidn),
        T("[ib_sm_discover.c:1066]: Port <*> of node <*> state changed to ACTIVE", N(1, 24), HEX(16, "0x"), **sm),
        T("[ib_sm_discover.c:1066]: Port <*> of node <*> state changed to DOWN", N(1, 24), HEX(16, "0x"), **sm),
        T("mptscsih: ioc0: attempting task abort! (sc=<*>)", HEX(16), label="SCSI", **kern),
        T("mptscsih: ioc0: task abort: SUCCESS (sc=<*>)", HEX(16), label="SCSI", **kern),
        T("Losing some ticks... checking if CPU frequency changed.", **kern),
        T("nfs: server <*> not responding, still trying", C("tbird-nfs1", "tbird-nfs2"), **kern),
        T("nfs: server <*> OK", C("tbird-nfs1", "tbird-nfs2"), **kern),
        T("e1000: <*>: e1000_watchdog: NIC Link is Up <*> Mbps Full Duplex", C("eth0", "eth1"), C("1000", "100"), **kern),
        T("e1000: <*>: e1000_watchdog: NIC Link is Down", C("eth0", "eth1"), **kern),
        T("im_eof, Premature end of message from addr <*>", lambda: f"10.100.{R.randint(1, 30)}.{R.randint(2, 250)}:15003",
          comp="pbs_mom", pid="3512"),
        T("<*>: page allocation failure. order:<*>, mode:<*>", C("java", "kworker/0:1", "mpirun", "ksoftirqd/3"), C("0", "1"),
          C("0x20", "0xd0"), **kern),
        T("Error <*> sending the modular data for <*>", C("1"), C("cpu_idle", "mem_free", "bytes_in", "load_one"), comp="gmond", pid="2790"),
        T("Out of memory: Killed process <*> (<*>).", pidn, C("lmp_mpi", "python", "a.out"), label="OOM", **kern),
        T("mptscsih: ioc0: task abort: FAILED (sc=<*>)", HEX(16), label="SCSI", **kern),
        T("CPU <*>: Machine Check Exception: <*> Bank <*>: <*>", C("0", "1", "2", "3"), C("0000000000000004", "0000000000000005"),
          C("4", "5"), HEX(16, upper=True), label="MCE", **kern),
        T("INFO: task <*>:<*> blocked for more than <*> seconds.", C("kworker/3:2", "lmp_mpi", "jbd2/sda5-8"), pidn, "120", **kern),
        T("lost connection after <*> from <*>[<*>]", C("CONNECT", "EHLO"), C("unknown"), C("10.100.4.2"), node="tbird-admin1",
          comp="postfix/smtpd", pid=pidn),
        T("Server Administrator: Instrumentation Service EventID: 1054 Temperature sensor returned to a normal value "
          "Sensor location: <*> Chassis location: Main System Chassis Previous state was: <*> "
          "Temperature sensor value (in Degrees Celsius): <*>", C("BMC Planar Temp", "CPU1 Temp", "Ambient Temp"),
          C("Non-Critical (Warning)", "Critical (Failure)"), FLOAT(25, 60, 1), comp="Server Administrator", pid=""),
        T("Server Administrator: Instrumentation Service EventID: 1053 Temperature sensor detected a warning value "
          "Sensor location: <*> Chassis location: Main System Chassis Previous state was: <*> "
          "Temperature sensor value (in Degrees Celsius): <*>", C("BMC Planar Temp", "CPU1 Temp"), C("OK (Normal)"),
          FLOAT(60, 80, 1), comp="Server Administrator", pid=""),
        T("EXT3-fs warning (device <*>): ext3_dx_add_entry: Directory index full!", C("sda5", "sdb1"), label="EXT_FS", **kern),
        T("hda: drive_cmd: status=0x51 { DriveReady SeekComplete Error }", **kern),
        T("GM: LANai is not running. Allowing port=0 open for debugging", **kern),
        T("[ib_sm_sweep.c:1482]: Topology changed, <*> ports discovered", N(100, 4000), **sm),
        T("syslogd 1.4.1: restart.", comp="syslogd", pid=""),
    ]


def cluster_line(t, hdr, content):
    node = hdr.get("node") or R.choice([f"{r}n{k}" for r in "abcd" for k in (3, 17, 101, 228, 512, 700, 931)])
    f = {"Label": hdr.get("label", "-"), "Timestamp": str(int(epoch(t))), "Date": t.strftime("%Y.%m.%d"),
         "Node": node, "Month": t.strftime("%b"), "Day": str(t.day), "Time": t.strftime("%H:%M:%S"),
         "Location": f"{node}/{node}", "Component": hdr.get("comp", "kernel"), "Pid": hdr.get("pid", "")}
    pid = f"[{f['Pid']}]" if f["Pid"] else ""
    raw = (f"{f['Label']} {f['Timestamp']} {f['Date']} {node} {f['Month']} {f['Day']} {f['Time']} {f['Location']} "
           f"{f['Component']}{pid}: {content}")
    return raw, f


# --------------------------------------------------------------------------- Desktop
def desktop_specs():
    k = {"comp": "kernel", "pid": "0"}
    procs = P(["WeChat", "Microsoft Word", "Google Chrome He", "Dropbox", "Spotify", "mdworker"], s=0.8)
    launchd = {"comp": "com.apple.xpc.launchd", "pid": "1"}

    def ts():
        return f"{R.randint(100000, 999999)}.{R.randint(0, 999999):06d}"

    def wake():
        return R.choice(["RTC (Alarm)", "EC.LidOpen (User)", "ARPT (Network)", "XHC1", "EC.SleepTimer (SleepTimer) EC.LidOpen (User)"])

    def excessive():
        t = ("process <*>[<*>] caught causing excessive wakeups. Observed wakeups rate (per sec): <*>; Maximum permitted "
             "wakeups rate (per sec): 150; Observation period: 300 seconds; Task lifetime number of wakeups: <*>")
        return t, fill(t, procs(), R.randint(200, 9000), R.randint(151, 900), R.randint(45001, 900000))

    def quicklook_exit():
        t = "Service exited with abnormal code: <*>"
        return t, fill(t, C("1", "2")()), {"addr": C("com.apple.quicklook.ThumbnailsAgent", "com.apple.mdworker.bundles")() +
                                           f".{R.randint(1000, 9999)}"}

    def legacy():
        t = "Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or bootstrap_check_in(): <*>"
        svc = C("com.apple.rtcreportingd", "com.apple.bsd.dirhelper")()
        return t, fill(t, svc), {"addr": svc}

    def connectx():
        code, msg = R.choice([("65", "No route to host"), ("50", "Network is down"), ("61", "Connection refused"),
                              ("60", "Operation timed out")])
        t = "tcp_connection_destination_perform_socket_connect <*> connectx to <*> failed: [<*>] <*>"
        dst = C("17.252.156.182:5223@0", "17.110.229.10:443@0", "13.107.4.52:80@0")()
        return t, fill(t, R.randint(100, 9000), dst, code, msg)

    def carddav():
        code, msg = R.choice([("-1001", '"The request timed out."'), ("-1009", '"The Internet connection appears to be offline."'),
                              ("-1005", '"The network connection was lost."')])
        t = "[CardDAVPlugin-ERROR] -getPrincipalInfo:[_controller supportsRequestCompressionAtURL:<*>] Error Domain=NSURLErrorDomain Code=<*> <*>"
        url = C("https://contacts.example.com/dav/", "https://p33-contacts.example-cloud.com:443/1234567/carddavhome/")()
        return t, fill(t, url, code, msg)

    def backup_copy():
        n = R.randint(1, 9000)
        size = C("12.3 MB", "1.1 GB", "645 KB", "87.2 MB")()
        t = "Copied <*> items (<*>) from volume Macintosh HD. Linked <*>."
        return t, fill(t, n, size, R.randint(100, 9000))

    def link_down():
        code, why = R.choice([("1", "Unspecified"), ("8", "Disassociated because station leaving"),
                              ("4", "Disassociated due to inactivity")])
        t = "AirPort: Link Down on <*>. Reason <*> (<*>)."
        return t, fill(t, C("awdl0", "en0")(), code, why)

    ssids = C("'eduroam'", "'Starbucks WiFi'", "'CUHK1x'", "'HOME-5G 2'")
    return [
        T("ARPT: <*>: wl0: setup_keepalive: Seq: <*>, Ack: <*>, Win size: <*>", ts, N(10**8, 4 * 10**9), N(10**8, 4 * 10**9),
          C("4096", "2048", "8192"), **k),
        T("ARPT: <*>: wl0: MDNS: IPV4 Addr: <*>", ts, lambda: f"10.105.{R.randint(160, 163)}.{R.randint(2, 250)}", **k),
        F(excessive, **k),
        T("AppleCamIn::systemWakeCall - messageType = <*>", C("0xE0000340", "0xE0000280", "0xE0000320"), **k),
        T("Wake reason: <*>", wake, **k),
        F(connectx, comp="networkd", pid="195"),
        T("Sandbox: <*>(<*>) deny(1) mach-lookup <*>", procs, N(200, 9000),
          C("com.apple.coreservices.launchservicesd", "com.apple.tccd.system", "com.apple.windowserver.active"), **k),
        T("IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = <*> port = <*> unplug = <*>",
          C("0x0"), C("11", "12"), C("0", "1"), **k),
        T("Thermal pressure state: <*> Memory pressure state: <*>", C("0", "1"), C("0", "0", "1"), comp="com.apple.CDScheduler", pid="43"),
        T("Sandbox: <*>(<*>) deny(1) file-read-data <*>", procs, N(200, 9000),
          C("/Users/jlee/Library/Preferences/com.apple.HIToolbox.plist", "/private/var/db/mds/system", "/Volumes/Time Machine"), **k),
        F(quicklook_exit, **launchd),
        T("ARPT: <*>: AirPort_Brcm43xx::syncPowerState: WWEN[enabled]", ts, **k),
        T("-[SessionAgentNotificationCenter sendBSDNotification:withData:] | Sending BSD notification: <*>",
          C("com.apple.loginwindow.notify.loggedin", "com.apple.sessionagent.screenIsLocked", "com.apple.sessionagent.screenIsUnlocked"),
          comp="loginwindow", pid="94"),
        F(link_down, **k),
        T("AirPort: Link Up on <*>", C("awdl0", "en0"), **k),
        T("CoreText CopyFontsForRequest received mig IPC error (FFFFFECC) from font server", comp="Google Chrome Helper", pid=N(200, 9000)),
        T("Previous sleep cause: <*>", C("5", "5", "-128"), **k),
        F(carddav, comp="AddressBookSourceSync", pid=N(200, 9000)),
        T("Captive: [CNInfoNetworkActive:1748] en0: SSID <*> making interface primary (protected network)", ssids,
          comp="UserEventAgent", pid="43"),
        T("Captive: CNPluginHandler en0: Inactive", comp="UserEventAgent", pid="43"),
        T("Captive: CNPluginHandler en0: Authenticated", comp="UserEventAgent", pid="43"),
        T("mDNS_RegisterInterface: Frequent transitions for interface <*> (<*>)", C("en0", "awdl0"),
          lambda: f"10.105.{R.randint(160, 163)}.{R.randint(2, 250)}", comp="mDNSResponder", pid="91"),
        T("Service only ran for <*> seconds. Pushing respawn out by <*> seconds.", N(0, 9), N(1, 10), **launchd),
        T("USER_PROCESS: <*> <*>", N(300, 9000), C("ttys000", "ttys001"), comp="login", pid=N(300, 9000)),
        T("DEAD_PROCESS: <*> <*>", N(300, 9000), C("ttys000", "ttys001"), comp="login", pid=N(300, 9000)),
        T("en0: BSSID changed to <*>", mac, **k),
        T("en0: channel changed to <*>", C("1", "6", "11", "36,+1", "149,+1"), **k),
        T("Starting automatic backup", comp="com.apple.backupd", pid=N(300, 9000)),
        T("Backing up to <*>: <*>", C("/dev/disk2s2"), C("/Volumes/Time Machine/Backups.backupdb"), comp="com.apple.backupd", pid=N(300, 9000)),
        F(backup_copy, comp="com.apple.backupd", pid=N(300, 9000)),
        T("Backup completed successfully.", comp="com.apple.backupd", pid=N(300, 9000)),
        F(lambda: (lambda a: ("IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from <*> to <*>",
                              fill("IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from <*> to <*>",
                                   a, "AUTO" if a == "SUSPENDED" else "SUSPENDED")))(C("AUTO", "SUSPENDED")()), **k),
        T("PM response took <*> ms (<*>, <*>)", N(1000, 9999), N(40, 400), C("powerd", "WindowServer", "Dropbox"), **k),
        T("objc[<*>]: Class <*> is implemented in both <*> and <*>. One of the two will be used. Which one is undefined.",
          N(200, 9000), C("FIFinderSyncExtensionHost", "AMSupportURLSession"),
          C("/System/Library/PrivateFrameworks/FinderKit.framework/Versions/A/FinderKit"),
          C("/System/Library/PrivateFrameworks/FileProvider.framework/Versions/A/FileProvider"), comp="secd", pid=N(200, 9000)),
        T("Libnotify: notify_register_coalesced_registration failed with code 9 on line 2835", comp="Google Chrome Helper", pid=N(200, 9000)),
        F(legacy, **launchd),
        T("hibernate image path: /var/vm/sleepimage", **k),
        T("dnssd_clientstub ConnectToServer: connect() failed path:/var/run/mDNSResponder Socket:<*> Err:-1 Errno:1 Operation not permitted",
          C("4", "5"), comp="com.apple.AddressBook.InternetAccountsBridge", pid=N(200, 9000)),
        T("mDNS_DeregisterInterface: Frequent transitions for interface <*> (<*>)", C("en0", "awdl0"),
          lambda: f"10.105.{R.randint(160, 163)}.{R.randint(2, 250)}", comp="mDNSResponder", pid="91"),
        T("BTLE scanner Powered On", comp="sharingd", pid="255"),
        T("BTLE scanner Powered Off", comp="sharingd", pid="255"),
    ]


def desktop_line(t, hdr, content):
    host = "mbp-jlee" if t.day % 3 else f"guest-10-105-{160 + t.day % 4}-{40 + t.day}"
    f = {"Month": t.strftime("%b"), "Day": str(t.day), "Time": t.strftime("%H:%M:%S"), "Host": host,
         "Component": hdr["comp"], "Pid": hdr["pid"], "Address": hdr.get("addr", "")}
    addr = f" ({f['Address']})" if f["Address"] else ""
    raw = f"{f['Month']} {f['Day']:>2} {f['Time']} {host} {f['Component']}[{f['Pid']}]{addr}: {content}"
    return raw, f


# --------------------------------------------------------------------------- driver
SYSTEMS = [
    # name, log_format, specs, line builder, start time, mean gap (s), zipf s, forced tail counts
    ("Sshd", "<Month> <Day> <Time> <Host> <Component>\\[<Pid>\\]: <Content>", sshd_specs, sshd_line,
     dt.datetime(2016, 12, 10, 6, 55, 46), 40, 1.1, [3, 2, 1, 1]),
    ("Syslog", "<Month> <Day> <Time> <Host> <Component>(?:\\[<Pid>\\])?: <Content>", syslog_specs, syslog_line,
     dt.datetime(2005, 6, 14, 15, 16, 1), 300, 1.0, [3, 2, 2, 1, 1]),
    ("Proxy", "\\[<Time>\\] <Program> - <Content>", proxy_specs, proxy_line,
     dt.datetime(2017, 10, 30, 16, 49, 6), 3, 1.2, [2, 1, 1]),
    ("Health", "<Time>\\|<Component>\\|<Pid>\\|<Content>", health_specs, health_line,
     dt.datetime(2017, 12, 23, 22, 15, 29), 20, 1.0, [2, 1, 1]),
    ("Cluster", "<Label> <Timestamp> <Date> <Node> <Month> <Day> <Time> <Location> <Component>(?:\\[<Pid>\\])?: <Content>",
     cluster_specs, cluster_line, dt.datetime(2005, 11, 9, 12, 1, 1), 90, 1.05, [3, 2, 1, 1]),
    ("Desktop", "<Month> <Day> <Time> <Host> <Component>\\[<Pid>\\](?: \\(<Address>\\))?: <Content>", desktop_specs, desktop_line,
     dt.datetime(2017, 7, 1, 9, 0, 55), 60, 1.0, [2, 2, 1, 1]),
]


def zipf_counts(n, total, s, tail):
    w = [1.0 / (k + 1) ** s for k in range(n)]
    sw = sum(w)
    counts = [max(1, round(total * x / sw)) for x in w]
    for i, c in enumerate(tail):
        counts[n - len(tail) + i] = c
    counts[0] += total - sum(counts)
    assert counts[0] > counts[1] and all(c >= 1 for c in counts)
    return counts


def generate(name, fmt, specs_fn, line_fn, start, gap, s, tail):
    specs = specs_fn()
    counts = zipf_counts(len(specs), N_LINES, s, tail)
    order = [i for i, c in enumerate(counts) for _ in range(c)]
    R.shuffle(order)
    headers, rx = format_regex(fmt)
    t = start
    rows, raws = [], []
    for line_id, si in enumerate(order, 1):
        t = t + dt.timedelta(seconds=R.expovariate(1.0 / gap), microseconds=R.randint(0, 999999))
        NOW[0] = t
        tmpl, content, hdr = specs[si].gen()
        assert template_regex(tmpl).match(content), (tmpl, content)
        assert content == content.strip() and "  " not in content and "<function" not in content, content
        raw, fields = line_fn(t, hdr, content)
        m = rx.match(raw.strip())
        assert m, (fmt, raw)
        got = {h: (m.group(h) or "") for h in headers}
        assert got["Content"] == content, (raw, got)
        for h in headers:
            if h != "Content":
                assert got[h] == fields[h], (h, got[h], fields[h], raw)
        raws.append(raw)
        rows.append((line_id, [got[h] for h in headers if h != "Content"], content, tmpl))
    ids = {}
    for _, _, _, tmpl in rows:
        ids.setdefault(tmpl, f"E{len(ids) + 1}")
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    stem = os.path.join(d, f"{name}_2k.log")
    with open(stem, "w", newline="") as f:
        f.write("\n".join(raws) + "\n")
    with open(stem + "_structured_corrected.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId"] + [h for h in headers if h != "Content"] + ["Content", "EventId", "EventTemplate"])
        for line_id, hv, content, tmpl in rows:
            w.writerow([line_id] + hv + [content, ids[tmpl], tmpl])
    shutil.copyfile(stem + "_structured_corrected.csv", stem + "_structured.csv")
    with open(stem + "_templates_corrected.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["EventId", "EventTemplate"])
        for tmpl, eid in ids.items():
            w.writerow([eid, tmpl])
    freq = {}
    for _, _, _, tmpl in rows:
        freq[tmpl] = freq.get(tmpl, 0) + 1
    print(f"{name:8} lines={len(rows)} templates={len(ids)} max={max(freq.values())} "
          f"singletons={sum(1 for v in freq.values() if v == 1)} <=5={sum(1 for v in freq.values() if v <= 5)}")
    return {"log_file": f"{name}/{name}_2k.log", "log_format": fmt, "regex": [], "st": 0.5, "depth": 4}


def main():
    settings = {}
    for sysdef in SYSTEMS:
        settings[sysdef[0]] = generate(*sysdef)
    with open(os.path.join(OUT, "settings.json"), "w") as f:
        json.dump(settings, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
