#!/usr/bin/env python3
"""Generate the loghub-recall3 corpus: labelled, synthetic 2,000-line imitations of six Loghub-2k
systems that are not shipped with the repository (HealthApp, Linux, Mac, OpenSSH, Proxifier,
Thunderbird), written from memory of the real logpai/loghub files and of their corrected labels.
See README.md for the labelling rules and every judgement call.

    python3 generate.py OUT_DIR

Deterministic (seed "loghub-recall3/v1", Python standard library only).  Writes, per system <Sys>:
OUT_DIR/<Sys>/<Sys>_2k.log, <Sys>_2k.log_structured_corrected.csv,
<Sys>_2k.log_templates_corrected.csv, and OUT_DIR/settings.json.

Every event type is written once as a message text in which each variable part is a named slot
``<@name>``; the EventTemplate is that text with every slot replaced by ``<*>`` (runs of blanks
collapsed, as in the corrected Loghub templates).  Labels never depend on the generated values.
All values (addresses, host and user names, pids, sizes, ids) are invented.
"""

import calendar
import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import loghub_corpus  # noqa: E402  (tests/data/loghub_corpus.py)
from loghub_corpus import hexs, weighted  # noqa: E402


class System(loghub_corpus.System):
    """The knobs of this corpus; see loghub_corpus.System."""
    seed = "loghub-recall3/v1"
    fixed_margin = 20
    inner_gap = (0.0, 1.0)
    pool_tries = 20
    collapse_spaces = True
    pub_ip_reserved = (0, 10, 100, 127, 169, 172, 192, 198, 203)


def one_off(fn_items):
    """A fixed episode function returning the given items (fresh dict copies)."""
    def fn():
        return [(k, dict(v)) for k, v in fn_items]
    return fn


ISP_SUFFIX = ["dynamic.telenorte-ip.net", "adsl.kabelnet-sample.de", "static.vnptx-example.vn",
              "pool.fibrax.com.br", "hinet-sample.net.tw", "broadband.orionline.cn",
              "customer.lumenfake.net", "dsl.ewaveisp.ru", "res.cablemax-example.com",
              "ip.netvigo-sample.com.hk", "cust.bluesky-telco.in", "rev.dataforge-host.com"]


def rdns_name(r, ip):
    a, b, c, d = ip.split(".")
    k = r.randint(0, 5)
    suf = r.choice(ISP_SUFFIX)
    if k == 0:
        return "%s-%s-%s-%s.%s" % (a, b, c, d, suf)
    if k == 1:
        return "host%s.%s.%s" % (d, c, suf)
    if k == 2:
        return "%s.%s.%s.%s.%s" % (d, c, b, a, suf)
    if k == 3:
        return "ns%d.%s" % (r.randint(1, 9), r.choice(["mailhostrix.com", "vpsdelta-sample.net",
                                                       "serverkube-example.org", "kindhost-test.info"]))
    if k == 4:
        return "n%s%03d%03d%03d.%s" % (a, int(b), int(c), int(d), suf)
    return "%s-%s-%s-%s.%s" % ("ip", a, b, c + "-" + d, suf)


# ---------------------------------------------------------------------------
# 1. OpenSSH (sshd on one Ubuntu server, brute-force dominated)
# ---------------------------------------------------------------------------

GUESS_USERS = ["admin", "test", "user", "oracle", "postgres", "ftpuser", "guest", "support", "ubuntu",
               "pi", "git", "nagios", "hadoop", "ubnt", "administrator", "mysql", "tomcat", "webmaster",
               "jenkins", "zabbix", "student", "teamspeak", "minecraft", "www", "vagrant", "deploy",
               "uucp", "operator", "alex", "michael", "info", "sales", "office", "demo", "backup",
               "testuser", "ts3", "cisco", "0", "1234", "a", "xbmc", "sysadmin", "server", "oracle1"]


class OpenSSH(System):
    name = "OpenSSH"
    log_format = r"<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>"
    start = datetime(2016, 12, 10, 6, 55, 46)
    mean_gap = 14.0
    inner_gap = (0.0, 2.5)
    settings = {"regex": [r"(\d+\.){3}\d+", r"([\w-]+\.){2,}[\w-]+"], "st": 0.6, "depth": 5}

    def define(self):
        r = self.r
        self.host = "LabQX"
        self.pid = r.randint(24100, 24300)
        self.root_ips = self.pool(self.pub_ip, 22, 1.5)
        self.inv_ips = self.pool(self.pub_ip, 45, 1.1)
        self.scan_ips = self.pool(self.pub_ip, 160, 0.5)
        self.users = self.pool(lambda: r.choice(GUESS_USERS), 45, 1.0)
        self.legit = ["fzliu", "wqchen"]
        self.legit_ips = ["10.%d.%d.%d" % (r.randint(0, 50), r.randint(0, 255), r.randint(2, 254)) for _ in range(3)]
        self.rdns = {}
        self.has_rdns = {}
        e = self.ev
        e("rev_map", "reverse mapping checking getaddrinfo for <@rdns> [<@ip>] failed - POSSIBLE BREAK-IN ATTEMPT!")
        e("addr_map", "Address <@ip> maps to <@rdns>, but this does not map back to the address - "
          "POSSIBLE BREAK-IN ATTEMPT!")
        e("invalid", "Invalid user <@user> from <@ip>")
        e("inp_invalid", "input_userauth_request: invalid user <@user> [preauth]")
        e("check_pass", "pam_unix(sshd:auth): check pass; user unknown")
        e("auth_nouser", "pam_unix(sshd:auth): authentication failure; logname= uid=<@uid> euid=<@euid> tty=ssh "
          "ruser= rhost=<@ip>")
        e("auth_user", "pam_unix(sshd:auth): authentication failure; logname= uid=<@uid> euid=<@euid> tty=ssh "
          "ruser= rhost=<@ip>  user=<@user>")
        e("failed_pw", "Failed password for <@user> from <@ip> port <@port> ssh2")
        e("failed_pw_inv", "Failed password for invalid user <@user> from <@ip> port <@port> ssh2")
        e("failed_none_inv", "Failed none for invalid user <@user> from <@ip> port <@port> ssh2")
        e("msg_repeated", "message repeated <@n> times: [ Failed password for <@user> from <@ip> port <@port> ssh2]")
        e("rcv_bye", "Received disconnect from <@ip>: <@code>: Bye Bye [preauth]")
        e("conn_closed", "Connection closed by <@ip> [preauth]")
        e("too_many", "Disconnecting: Too many authentication failures for <@user> [preauth]")
        e("pam_more", "PAM <@n> more authentication failures; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= "
          "rhost=<@ip>  user=<@user>")
        e("pam_more_nouser", "PAM <@n> more authentication failures; logname= uid=<@uid> euid=<@euid> tty=ssh "
          "ruser= rhost=<@ip>")
        e("pam_one_more", "PAM <@n> more authentication failure; logname= uid=<@uid> euid=<@euid> tty=ssh ruser= "
          "rhost=<@ip>  user=<@user>")
        e("pam_ignoring", "PAM service(sshd) ignoring max retries; <@n> > <@max>")
        e("no_ident", "Did not receive identification string from <@ip>")
        e("accepted", "Accepted password for <@user> from <@ip> port <@port> ssh2")
        e("sess_open", "pam_unix(sshd:session): session opened for user <@user> by (uid=<@uid>)")
        e("sess_close", "pam_unix(sshd:session): session closed for user <@user>")
        e("rcv_byuser", "Received disconnect from <@ip>: <@code>: disconnected by user")
        e("jsch_fail", "error: Received disconnect from <@ip>: <@code>: com.jcraft.jsch.JSchException: Auth fail "
          "[preauth]")
        e("jsch_cancel", "error: Received disconnect from <@ip>: <@code>: com.jcraft.jsch.JSchException: Auth "
          "cancel [preauth]")
        e("no_more_methods", "error: Received disconnect from <@ip>: <@code>: No more user authentication methods "
          "available. [preauth]")
        e("write_failed", "fatal: Write failed: Connection reset by peer [preauth]")
        e("read_failed", "fatal: Read from socket failed: Connection reset by peer [preauth]")
        e("bad_proto", "Bad protocol version identification '<@ident>' from <@ip>")

    # -- helpers ---------------------------------------------------------------
    def new_pid(self):
        self.pid += self.r.randint(1, 9)
        if self.pid > 32767:
            self.pid = 1200 + self.pid % 1000
        return self.pid

    def port(self):
        return self.r.randint(30000, 65000)

    def name_of(self, ip):
        if ip not in self.has_rdns:
            self.has_rdns[ip] = self.r.random() < 0.45
            self.rdns[ip] = rdns_name(self.r, ip)
        return self.rdns[ip] if self.has_rdns[ip] else None

    def opening(self, ip, pid, p_rev=1.0):
        """The reverse-mapping warning sshd writes when a connection opens from an address whose
        name does not resolve back."""
        n = self.name_of(ip)
        if n is not None and self.r.random() < p_rev:
            return [("rev_map", {"rdns": n, "ip": ip, "_pid": pid})]
        return []

    def A(self, pid, **kw):
        kw["_pid"] = pid
        kw.setdefault("uid", "0")
        kw.setdefault("euid", "0")
        return kw

    # -- episodes --------------------------------------------------------------
    def e_root_single(self):
        r = self.r
        ip = self.root_ips()
        pid = self.new_pid()
        user = "root" if r.random() < 0.93 else r.choice(["ftp", "mysql", "bin", "nobody", "games"])
        items = self.opening(ip, pid)
        items.append(("auth_user", self.A(pid, ip=ip, user=user)))
        items.append(("failed_pw", self.A(pid, user=user, ip=ip, port=self.port(), _gap=r.uniform(1.0, 3.0))))
        k = r.random()
        if k < 0.86:
            items.append(("rcv_bye", self.A(pid, ip=ip, code="11")))
        elif k < 0.95:
            items.append(("conn_closed", self.A(pid, ip=ip)))
        return items

    def e_invalid(self):
        r = self.r
        ip = self.inv_ips()
        pid = self.new_pid()
        user = self.users()
        items = self.opening(ip, pid)
        items += [("invalid", self.A(pid, user=user, ip=ip)),
                  ("inp_invalid", self.A(pid, user=user)),
                  ("check_pass", self.A(pid, _gap=r.uniform(1.0, 3.0))),
                  ("auth_nouser", self.A(pid, ip=ip)),
                  ("failed_pw_inv", self.A(pid, user=user, ip=ip, port=self.port(), _gap=r.uniform(1.0, 3.0)))]
        k = r.random()
        if k < 0.8:
            items.append(("rcv_bye", self.A(pid, ip=ip, code="11")))
        elif k < 0.95:
            items.append(("conn_closed", self.A(pid, ip=ip)))
        return items

    def e_root_multi(self):
        r = self.r
        ip = self.root_ips() if r.random() < 0.6 else self.scan_ips()
        pid = self.new_pid()
        port = self.port()
        user = "root" if r.random() < 0.85 else r.choice(["admin", "ubnt", "support"])
        items = self.opening(ip, pid, 0.5)
        items.append(("auth_user", self.A(pid, ip=ip, user=user)))
        items.append(("failed_pw", self.A(pid, user=user, ip=ip, port=port, _gap=r.uniform(1.0, 3.0))))
        if r.random() < 0.6:
            n = 5
            items.append(("msg_repeated", self.A(pid, n=str(n), user=user, ip=ip, port=port, _gap=r.uniform(5, 14))))
            items.append(("too_many", self.A(pid, user=user)))
            items.append(("pam_more", self.A(pid, n=str(n), ip=ip, user=user)))
            items.append(("pam_ignoring", self.A(pid, n=str(n + 1), max="3")))
        else:
            n = r.choice([1, 2, 2, 3, 4])
            if n > 1:
                items.append(("msg_repeated", self.A(pid, n=str(n), user=user, ip=ip, port=port,
                                                     _gap=r.uniform(2, 10))))
            items.append(("rcv_bye", self.A(pid, ip=ip, code="11")))
            if n == 1:
                items.append(("pam_one_more", self.A(pid, n="1", ip=ip, user=user)))
            else:
                items.append(("pam_more", self.A(pid, n=str(n), ip=ip, user=user)))
        return items

    def e_invalid_multi(self):
        r = self.r
        ip = self.inv_ips()
        pid = self.new_pid()
        user = self.users()
        port = self.port()
        items = self.opening(ip, pid)
        items += [("invalid", self.A(pid, user=user, ip=ip)), ("inp_invalid", self.A(pid, user=user))]
        n = r.choice([2, 3, 3, 6])
        for i in range(n):
            items.append(("check_pass", self.A(pid, _gap=r.uniform(1.0, 3.0))))
            if i == 0:
                items.append(("auth_nouser", self.A(pid, ip=ip)))
            items.append(("failed_pw_inv", self.A(pid, user=user, ip=ip, port=port, _gap=r.uniform(1.0, 3.0))))
        if n == 6:
            items.append(("too_many", self.A(pid, user=user)))
        else:
            items.append(("conn_closed", self.A(pid, ip=ip)))
        items.append(("pam_more_nouser", self.A(pid, n=str(n - 1), ip=ip)))
        if n == 6:
            items.append(("pam_ignoring", self.A(pid, n=str(n), max="3")))
        return items

    def e_no_ident(self):
        ip = self.scan_ips()
        pid = self.new_pid()
        return self.opening(ip, pid) + [("no_ident", {"ip": ip, "_pid": pid, "_gap": self.r.uniform(5, 60)})]

    def e_jsch(self):
        r = self.r
        ip = self.root_ips()
        pid = self.new_pid()
        items = self.opening(ip, pid)
        items.append(("auth_user", self.A(pid, ip=ip, user="root")))
        items.append(("failed_pw", self.A(pid, user="root", ip=ip, port=self.port(), _gap=r.uniform(1, 3))))
        items.append(("jsch_fail" if r.random() < 0.7 else "jsch_cancel", self.A(pid, ip=ip, code="3")))
        return items

    def e_accepted(self):
        r = self.r
        ip = r.choice(self.legit_ips)
        pid = self.new_pid()
        user = r.choice(self.legit)
        uid = {"fzliu": "1000", "wqchen": "1001"}[user]
        items = [("accepted", self.A(pid, user=user, ip=ip, port=self.port())),
                 ("sess_open", self.A(pid, user=user, uid="0"))]
        self.later(r.randint(40, 400), [("rcv_byuser", self.A(pid, ip=ip, code="11")),
                                        ("sess_close", self.A(pid, user=user, _gap=0.01))])
        del uid
        return items

    def e_scan_closed(self):
        ip = self.scan_ips()
        pid = self.new_pid()
        return self.opening(ip, pid) + [("conn_closed", {"ip": ip, "_pid": pid})]

    def e_addr_map(self):
        r = self.r
        ip = self.scan_ips()
        pid = self.new_pid()
        items = [("addr_map", {"ip": ip, "rdns": rdns_name(r, ip), "_pid": pid})]
        if r.random() < 0.5:
            items.append(("conn_closed", {"ip": ip, "_pid": pid}))
        return items

    def e_none(self):
        r = self.r
        ip = self.inv_ips()
        pid = self.new_pid()
        user = self.users()
        return [("invalid", self.A(pid, user=user, ip=ip)), ("inp_invalid", self.A(pid, user=user)),
                ("failed_none_inv", self.A(pid, user=user, ip=ip, port=self.port())),
                ("no_more_methods", self.A(pid, ip=ip, code="14", _gap=r.uniform(0.1, 1)))]

    def e_reset(self):
        return [("read_failed", {"_pid": self.new_pid()})]

    def write_failed(self):
        return [("write_failed", {"_pid": self.new_pid()})]

    def bad_proto(self):
        r = self.r
        return [("bad_proto", {"_pid": self.new_pid(), "ip": self.scan_ips(), "ident": r.choice(
            ["GET / HTTP/1.1", "HEAD / HTTP/1.0"])})]

    def fixed_episodes(self):
        return [(2, self.write_failed), (2, self.bad_proto)]

    def weighted_episodes(self):
        return [(100, self.e_root_single), (22, self.e_invalid), (13, self.e_root_multi),
                (4, self.e_invalid_multi), (5, self.e_no_ident), (3, self.e_jsch), (1.5, self.e_accepted),
                (8, self.e_scan_closed), (2, self.e_addr_map), (1.5, self.e_none), (0.5, self.e_reset)]

    def render(self, t, ev, vals, content):
        return "%s %2d %s %s sshd[%d]: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), self.host,
                                              int(vals["_pid"]), content)


# ---------------------------------------------------------------------------
# 2. Linux (syslog of one old Red Hat box: pam_unix, ftpd, daily cron, one reboot)
# ---------------------------------------------------------------------------

def ctime(t):
    return t.strftime("%a %b ") + ("%2d" % t.day) + t.strftime(" %H:%M:%S %Y")


class Linux(System):
    name = "Linux"
    log_format = r"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>"
    start = datetime(2005, 6, 14, 15, 16, 1)
    mean_gap = 12000.0
    inner_gap = (0.0, 2.0)
    settings = {"regex": [r"(\d+\.){3}\d+", r"\d{2}:\d{2}:\d{2}"], "st": 0.39, "depth": 6}

    BOOT = [
        # (component, text, slot values); one line each, in boot order
        ("syslogd 1.4.1", "restart.", {}),
        ("syslog", "<@svc> startup succeeded", {"svc": "syslogd"}),
        ("kernel", "klogd <@ver>, log source = <@src> started.", {"ver": "1.4.1", "src": "/proc/kmsg"}),
        ("kernel", "Linux version <@kver> (<@builder>) (gcc version <@gccver> <@gccdate> (Red Hat Linux <@gccrel>)) "
         "#<@n> <@builddate>", {"kver": "2.6.5-1.358", "builder": "bhbuild@rigel.build.example.com",
                                "gccver": "3.3.3", "gccdate": "20040412", "gccrel": "3.3.3-7", "n": "1",
                                "builddate": "Sat May 8 09:04:50 EDT 2004"}),
        ("syslog", "<@svc> startup succeeded", {"svc": "klogd"}),
        ("kernel", "BIOS-provided physical RAM map:", {}),
        ("kernel", "BIOS-e820: <@a> - <@b> (<@kind>)", {"a": "0000000000000000", "b": "000000000009f800",
                                                     "kind": "usable"}),
        ("kernel", "BIOS-e820: <@a> - <@b> (<@kind>)", {"a": "000000000009f800", "b": "00000000000a0000",
                                                     "kind": "reserved"}),
        ("kernel", "BIOS-e820: <@a> - <@b> (<@kind>)", {"a": "00000000000f0000", "b": "0000000000100000",
                                                     "kind": "reserved"}),
        ("kernel", "BIOS-e820: <@a> - <@b> (<@kind>)", {"a": "0000000000100000", "b": "0000000007ef0000",
                                                     "kind": "usable"}),
        ("kernel", "BIOS-e820: <@a> - <@b> (<@kind>)", {"a": "0000000007ef0000", "b": "0000000007ef3000",
                                                     "kind": "ACPI NVS"}),
        ("kernel", "BIOS-e820: <@a> - <@b> (<@kind>)", {"a": "00000000ffff0000", "b": "0000000100000000",
                                                     "kind": "reserved"}),
        ("kernel", "<@n>MB HIGHMEM available.", {"n": "0"}),
        ("kernel", "<@n>MB LOWMEM available.", {"n": "126"}),
        ("kernel", "zapping low mappings.", {}),
        ("kernel", "On node <@n> totalpages: <@pages>", {"n": "0", "pages": "32496"}),
        ("kernel", "DMA zone: <@n> pages, LIFO batch:<@b>", {"n": "4096", "b": "1"}),
        ("kernel", "Normal zone: <@n> pages, LIFO batch:<@b>", {"n": "28400", "b": "6"}),
        ("kernel", "HighMem zone: <@n> pages, LIFO batch:<@b>", {"n": "0", "b": "1"}),
        ("kernel", "DMI <@ver> present.", {"ver": "2.3"}),
        ("kernel", "ACPI disabled because your bios is from <@year> and too old", {"year": "2000"}),
        ("kernel", "You can enable it with acpi=force", {}),
        ("kernel", "Built <@n> zonelists", {"n": "1"}),
        ("kernel", "Kernel command line: <@cmdline>", {"cmdline": "ro root=LABEL=/ rhgb quiet"}),
        ("kernel", "mapped 4G/4G trampoline to <@addr>.", {"addr": "ffff4000"}),
        ("kernel", "Initializing CPU#<@n>", {"n": "0"}),
        ("kernel", "CPU <@n> irqstacks, hard=<@hard> soft=<@soft>", {"n": "0", "hard": "02361000",
                                                                   "soft": "02360000"}),
        ("kernel", "PID hash table entries: <@n> (order <@o>: <@b> bytes)", {"n": "512", "o": "9", "b": "4096"}),
        ("kernel", "Detected <@mhz> MHz processor.", {"mhz": "798.412"}),
        ("kernel", "Using tsc for high-res timesource", {}),
        ("kernel", "Console: colour VGA+ <@geom>", {"geom": "80x25"}),
        ("kernel", "Dentry cache hash table entries: <@n> (order: <@o>, <@b> bytes)",
         {"n": "16384", "o": "4", "b": "65536"}),
        ("kernel", "Inode-cache hash table entries: <@n> (order: <@o>, <@b> bytes)",
         {"n": "8192", "o": "3", "b": "32768"}),
        ("kernel", "Memory: <@avail>k/<@total>k available (<@code>k kernel code, <@res>k reserved, <@data>k data, "
         "<@init>k init, <@high>k highmem)", {"avail": "126868", "total": "129984", "code": "1540",
                                              "res": "2360", "data": "599", "init": "144", "high": "0"}),
        ("kernel", "Checking if this processor honours the WP bit even in supervisor mode... Ok.", {}),
        ("kernel", "Calibrating delay loop... <@bogo> BogoMIPS", {"bogo": "1585.15"}),
        ("kernel", "Security Scaffold v<@ver> initialized", {"ver": "1.0.0"}),
        ("kernel", "SELinux:  Initializing.", {}),
        ("kernel", "SELinux:  Starting in permissive mode", {}),
        ("kernel", "There is already a security framework initialized, register_security failed.", {}),
        ("kernel", "selinux_register_security:  Registering secondary module capability", {}),
        ("kernel", "Capability LSM initialized as secondary", {}),
        ("kernel", "Mount-cache hash table entries: <@n> (order: <@o>, <@b> bytes)", {"n": "512", "o": "0",
                                                                                     "b": "4096"}),
        ("kernel", "CPU: L1 I cache: <@i>K, L1 D cache: <@d>K", {"i": "16", "d": "16"}),
        ("kernel", "CPU: L2 cache: <@l2>K", {"l2": "256"}),
        ("kernel", "Intel machine check architecture supported.", {}),
        ("kernel", "Intel machine check reporting enabled on CPU#<@n>.", {"n": "0"}),
        ("kernel", "CPU: Intel Pentium III (Coppermine) stepping <@step>", {"step": "06"}),
        ("kernel", "Enabling fast FPU save and restore... done.", {}),
        ("kernel", "Enabling unmasked SIMD FPU exception support... done.", {}),
        ("kernel", "Checking 'hlt' instruction... OK.", {}),
        ("kernel", "POSIX conformance testing by UNIFIX", {}),
        ("kernel", "NET: Registered protocol family <@n>", {"n": "16"}),
        ("kernel", "PCI: PCI BIOS revision <@rev> entry at <@addr>, last bus=<@bus>",
         {"rev": "2.10", "addr": "0xfb0d4", "bus": "1"}),
        ("kernel", "PCI: Using configuration type <@n>", {"n": "1"}),
        ("kernel", "mtrr: v<@ver> (<@date>)", {"ver": "2.0", "date": "20020519"}),
        ("kernel", "ACPI: Subsystem revision <@rev>", {"rev": "20040326"}),
        ("kernel", "ACPI: Interpreter disabled.", {}),
        ("kernel", "Linux Plug and Play Support v<@ver> (c) Adam Belay", {"ver": "0.97"}),
        ("kernel", "usbcore: registered new driver <@drv>", {"drv": "usbfs"}),
        ("kernel", "usbcore: registered new driver <@drv>", {"drv": "hub"}),
        ("kernel", "PCI: Probing PCI hardware", {}),
        ("kernel", "PCI: Probing PCI hardware (bus <@bus>)", {"bus": "00"}),
        ("kernel", "PCI: Using IRQ router PIIX/ICH [<@id>] at <@slot>", {"id": "8086/2410", "slot": "0000:00:1f.0"}),
        ("kernel", "apm: BIOS version <@ver> Flags <@flags> (Driver version <@drv>)",
         {"ver": "1.2", "flags": "0x03", "drv": "1.16ac"}),
        ("kernel", "audit: initializing netlink socket (disabled)", {}),
        ("kernel", "audit(<@stamp>): initialized", {"stamp": "1122437419.4294966726:0"}),
        ("kernel", "Total HugeTLB memory allocated, <@n>", {"n": "0"}),
        ("kernel", "VFS: Disk quotas dquot_<@ver>", {"ver": "6.5.1"}),
        ("kernel", "Dquot-cache hash table entries: <@n> (order <@o>, <@b> bytes)", {"n": "1024", "o": "0",
                                                                                    "b": "4096"}),
        ("kernel", "SELinux:  Registering netfilter hooks", {}),
        ("kernel", "Initializing Cryptographic API", {}),
        ("kernel", "pty: <@n> Unix98 ptys configured", {"n": "2048"}),
        ("kernel", "Real Time Clock Driver v<@ver>", {"ver": "1.12"}),
        ("kernel", "i8042.c: Detected active multiplexing controller, rev <@rev>.", {"rev": "1.1"}),
        ("kernel", "serio: i8042 AUX<@n> port at <@io> irq <@irq>", {"n": "0", "io": "0x60,0x64", "irq": "12"}),
        ("kernel", "serio: i8042 KBD port at <@io> irq <@irq>", {"io": "0x60,0x64", "irq": "1"}),
        ("kernel", "Serial: 8250/16550 driver $Revision: <@rev> $ <@n> ports, IRQ sharing enabled",
         {"rev": "1.90", "n": "8"}),
        ("kernel", "RAMDISK driver initialized: <@n> RAM disks of <@size>K size <@bs> blocksize",
         {"n": "16", "size": "16384", "bs": "1024"}),
        ("kernel", "divert: not allocating divert_blk for non-ethernet device <@dev>", {"dev": "lo"}),
        ("kernel", "Uniform Multi-Platform E-IDE driver Revision: <@rev>", {"rev": "7.00alpha2"}),
        ("kernel", "ide: Assuming <@mhz>MHz system bus speed for PIO modes; override with idebus=xx", {"mhz": "33"}),
        ("kernel", "hda: max request size: <@n>KiB", {"n": "128"}),
        ("kernel", "hda: <@sect> sectors (<@mb> MB) w/<@cache>KiB Cache, CHS=<@chs>, UDMA(<@udma>)",
         {"sect": "19541088", "mb": "10005", "cache": "512", "chs": "19386/16/63", "udma": "66"}),
        ("kernel", "mice: PS/2 mouse device common for all mice", {}),
        ("kernel", "input: AT Translated Set 2 keyboard on <@port>", {"port": "isa0060/serio0"}),
        ("kernel", "NET: Registered protocol family <@n>", {"n": "2"}),
        ("kernel", "IP: routing cache hash table of <@n> buckets, <@k>Kbytes", {"n": "512", "k": "4"}),
        ("kernel", "TCP: Hash tables configured (established <@e> bind <@b>)", {"e": "8192", "b": "16384"}),
        ("kernel", "NET: Registered protocol family <@n>", {"n": "1"}),
        ("kernel", "NET: Registered protocol family <@n>", {"n": "17"}),
        ("kernel", "Freeing unused kernel memory: <@n>k freed", {"n": "144"}),
        ("kernel", "EXT3-fs: mounted filesystem with ordered data mode.", {}),
        ("kernel", "kjournald starting.  Commit interval <@n> seconds", {"n": "5"}),
        ("kernel", "EXT3 FS on <@dev>, internal journal", {"dev": "hda2"}),
        ("kernel", "Adding <@n>k swap on <@dev>.  Priority:<@prio> extents:<@ext>",
         {"n": "1044216", "dev": "/dev/hda3", "prio": "-1", "ext": "1"}),
        ("sysctl", "net.ipv4.ip_forward = <@v>", {"v": "0"}),
        ("sysctl", "net.ipv4.conf.default.rp_filter = <@v>", {"v": "1"}),
        ("sysctl", "kernel.sysrq = <@v>", {"v": "0"}),
        ("sysctl", "kernel.core_uses_pid = <@v>", {"v": "1"}),
        ("network", "Setting network parameters:  succeeded", {}),
        ("network", "Bringing up loopback interface:  succeeded", {}),
        ("network", "Bringing up interface <@ifc>:  succeeded", {"ifc": "eth0"}),
        ("irqbalance", "<@svc> startup succeeded", {"svc": "irqbalance"}),
        ("portmap", "<@svc> startup succeeded", {"svc": "portmap"}),
        ("rpc.statd", "Version <@ver> Starting", {"ver": "1.0.6", "_pid": 1702}),
        ("nfslock", "<@svc> startup succeeded", {"svc": "rpc.statd"}),
        ("rpcidmapd", "<@svc> startup succeeded", {"svc": "rpc.idmapd"}),
        ("random", "Initializing random number generator:  succeeded", {}),
        ("hcid", "HCI daemon ver <@ver> started", {"ver": "2.4", "_pid": 1758}),
        ("bluetooth", "<@svc> startup succeeded", {"svc": "hcid"}),
        ("sdpd", "sdpd v<@ver> started", {"ver": "1.5", "_pid": 1764}),
        ("bluetooth", "<@svc> startup succeeded", {"svc": "sdpd"}),
        ("netfs", "Mounting other filesystems:  succeeded", {}),
        ("autofs", "<@svc> startup succeeded", {"svc": "automount"}),
        ("sshd", "<@svc> startup succeeded", {"svc": "sshd"}),
        ("xinetd", "<@svc> startup succeeded", {"svc": "xinetd"}),
        ("xinetd", "xinetd Version <@ver> started with libwrap loadavg options compiled in.",
         {"ver": "2.3.13", "_pid": 2061}),
        ("xinetd", "Started working: <@n> available services", {"n": "2", "_pid": 2061}),
        ("sendmail", "<@svc> startup succeeded", {"svc": "sendmail"}),
        ("sendmail", "<@svc> startup succeeded", {"svc": "sm-client"}),
        ("gpm", "<@svc> startup succeeded", {"svc": "gpm"}),
        ("crond", "<@svc> startup succeeded", {"svc": "crond"}),
        ("xfs", "<@svc> startup succeeded", {"svc": "xfs"}),
        ("xfs", "ignoring font path element <@path> (unreadable)",
         {"path": "/usr/X11R6/lib/X11/fonts/cyrillic", "_pid": 2290}),
        ("anacron", "<@svc> startup succeeded", {"svc": "anacron"}),
        ("atd", "<@svc> startup succeeded", {"svc": "atd"}),
        ("readahead", "Starting background readahead:", {}),
        ("messagebus", "<@svc> startup succeeded", {"svc": "messagebus"}),
        ("cups-config-daemon", "<@svc> startup succeeded", {"svc": "cups-config-daemon"}),
        ("haldaemon", "<@svc> startup succeeded", {"svc": "haldaemon"}),
        ("fstab-sync", "removed all generated mount points", {"_pid": 2405}),
        ("fstab-sync", "added mount point <@mnt> for <@dev>", {"mnt": "/media/cdrecorder", "dev": "/dev/hdc",
                                                               "_pid": 2411}),
        ("fstab-sync", "added mount point <@mnt> for <@dev>", {"mnt": "/media/floppy", "dev": "/dev/fd0",
                                                               "_pid": 2418}),
    ]

    def define(self):
        r = self.r
        self.host = "tesla"
        self.pid = 19900
        self.brute = self.pool(lambda: self.pub_ip() if r.random() < 0.55 else rdns_name(r, self.pub_ip()), 60, 0.7)
        self.ftp_ips = self.pool(self.pub_ip, 45, 0.8)
        self.ftp_names = {}
        e = self.ev
        e("auth_nouser", "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<@rhost>",
          comp="sshd(pam_unix)", trail=True)
        e("auth_root", "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<@rhost>  user=root",
          comp="sshd(pam_unix)")
        e("check_pass", "check pass; user unknown", comp="sshd(pam_unix)")
        e("ftp_conn", "connection from <@ip> (<@host>) at <@when>", comp="ftpd")
        e("ftp_conn_nohost", "connection from <@ip> () at <@when>", comp="ftpd")
        e("ftp_anon", "ANONYMOUS FTP LOGIN FROM <@ip> [<@ip>], <@passwd>", comp="ftpd")
        e("sess_open", "session opened for user <@user> by (uid=<@uid>)", comp="su(pam_unix)")
        e("sess_close", "session closed for user <@user>", comp="su(pam_unix)")
        e("sess_open_login", "session opened for user <@user> by LOGIN(uid=<@uid>)", comp="login(pam_unix)")
        e("failed_login", "FAILED LOGIN <@n> FROM (null) FOR <@user>, Authentication failure", comp="login")
        e("gdm_auth", "Couldn't authenticate user", comp="gdm-binary")
        e("alert", "ALERT exited abnormally with [<@code>]", comp="logrotate")
        e("startup", "<@svc> startup succeeded", comp="cups")
        e("shutdown", "<@svc> shutdown succeeded", comp="cups")
        e("sl_restart", "restart.", comp="syslogd 1.4.1")
        e("sl_exit", "exiting on signal <@sig>", comp="syslogd 1.4.1")
        e("k_stopped", "Kernel logging (proc) stopped.", comp="kernel")
        e("k_term", "Kernel log daemon terminating.", comp="kernel")
        e("ttloop", "ttloop: peer died: EOF", comp="telnetd")
        e("xinetd_start", "START: <@svc> pid=<@xpid> from=<@ip>", comp="xinetd")
        e("xinetd_exit", "EXIT: <@svc> pid=<@xpid> duration=<@dur>(sec)", comp="xinetd")
        self.boot_keys = []
        known = {ev.text: k for k, ev in self.events.items()}
        for i, (comp, text, vals) in enumerate(self.BOOT):
            if text in known:
                self.boot_keys.append(known[text])
                continue
            k = "boot%03d" % i
            e(k, text, comp=comp)
            known[text] = k
            self.boot_keys.append(k)

    def new_pid(self):
        self.pid += self.r.randint(1, 6)
        if self.pid > 32000:
            self.pid = 1500
        return self.pid

    def C(self, comp=None, pid=None, **kw):
        if comp is not None:
            kw["_comp"] = comp
        kw["_pid"] = pid
        return kw

    # -- episodes --------------------------------------------------------------
    def e_brute_root(self):
        r = self.r
        rhost = self.brute()
        n = r.choice([1, 2, 4, 6, 8, 10, 12, 15, 20, 24])
        items = []
        for i in range(n):
            v = self.C(pid=self.new_pid(), rhost=rhost)
            if i:
                v["_gap"] = r.uniform(0, 3)
            items.append(("auth_root", v))
        return items

    def e_brute_unknown(self):
        r = self.r
        rhost = self.brute()
        n = r.choice([1, 2, 3, 5, 7, 9, 11, 14])
        items = []
        for i in range(n):
            pid = self.new_pid()
            v = self.C(pid=pid)
            if i:
                v["_gap"] = r.uniform(0, 4)
            items.append(("check_pass", v))
            items.append(("auth_nouser", self.C(pid=pid, rhost=rhost, _gap=0.0)))
        return items

    def e_brute_mixed(self):
        r = self.r
        rhost = self.brute()
        items = []
        for i in range(r.randint(4, 16)):
            pid = self.new_pid()
            if r.random() < 0.5:
                items.append(("check_pass", self.C(pid=pid, _gap=r.uniform(0, 3))))
                items.append(("auth_nouser", self.C(pid=pid, rhost=rhost, _gap=0.0)))
            else:
                items.append(("auth_root", self.C(pid=pid, rhost=rhost, _gap=r.uniform(0, 3))))
        del items[0][1]["_gap"]
        return items

    def e_ftp(self):
        r = self.r
        ip = self.ftp_ips()
        if ip not in self.ftp_names:
            self.ftp_names[ip] = rdns_name(r, ip) if r.random() < 0.7 else ""
        name = self.ftp_names[ip]
        n = weighted(r, [(1, 3), (2, 2), (r.randint(5, 12), 3), (r.randint(13, 30), 4)])
        items = []
        for i in range(n):
            v = {"ip": ip, "when": ctime, "_pid": self.new_pid()}
            if i:
                v["_gap"] = r.uniform(0, 0.3)
            if name:
                v["host"] = name
                items.append(("ftp_conn", v))
            else:
                items.append(("ftp_conn_nohost", v))
        if r.random() < 0.06:
            items.append(("ftp_anon", {"ip": ip, "passwd": r.choice(["(anonymous)", "mozilla@", "IEUser@",
                                                                     "guest@example.com"]),
                                       "_pid": items[-1][1]["_pid"], "_gap": 1.5}))
        return items

    def e_misc(self):
        r = self.r
        k = weighted(r, [("login", 3), ("gdm", 2), ("telnet", 3), ("sshsess", 2)])
        if k == "login":
            pid = self.new_pid()
            items = []
            if r.random() < 0.6:
                items.append(("failed_login", self.C(pid=pid, n=str(r.randint(1, 3)), user="root")))
            items.append(("sess_open_login", self.C(pid=pid, user="root", uid="0", _gap=r.uniform(3, 20))))
            self.later(r.randint(5, 60), [("sess_close", self.C(comp="login(pam_unix)", pid=pid, user="root"))])
            return items
        if k == "gdm":
            pid = self.new_pid()
            return [("check_pass", self.C(comp="gdm(pam_unix)", pid=pid)),
                    ("gdm_auth", self.C(pid=pid + 2, _gap=r.uniform(1, 3)))]
        if k == "telnet":
            pid = self.new_pid()
            ip = self.pub_ip()
            items = [("xinetd_start", self.C(pid=2061, svc="telnet", ip=ip, xpid=str(pid)))]
            items.append(("ttloop", self.C(pid=pid, _gap=r.uniform(1, 40))))
            items.append(("xinetd_exit", self.C(pid=2061, svc="telnet", dur=str(r.randint(1, 60)), xpid=str(pid))))
            return items
        pid = self.new_pid()
        user = r.choice(["test", "guest2", "webadm"])
        uid = {"test": "509", "guest2": "510", "webadm": "501"}[user]
        self.later(r.randint(3, 40), [("sess_close", self.C(comp="sshd(pam_unix)", pid=pid, user=user))])
        return [("sess_open", self.C(comp="sshd(pam_unix)", pid=pid, user=user, uid=uid))]

    def daily(self):
        """cron.daily at ~04:02: syslog rotation, cups restart, cyrus and news su jobs."""
        r = self.r

        def nxt(t):
            d = t.replace(hour=4, minute=2, second=r.randint(0, 59), microsecond=0)
            return d if d > t else d + timedelta(days=1)
        items = [("sl_restart", {"_next": nxt, "_pid": None}),
                 ("alert", {"code": "1", "_pid": None, "_gap": r.uniform(20, 90)}),
                 ("shutdown", {"svc": "cupsd", "_pid": None, "_gap": r.uniform(1, 5)}),
                 ("startup", {"svc": "cupsd", "_pid": None, "_gap": r.uniform(1, 3)})]
        for user in ("cyrus", "news"):
            pid = self.new_pid()
            items.append(("sess_open", {"user": user, "uid": "0", "_pid": pid, "_gap": r.uniform(5, 60)}))
            items.append(("sess_close", {"user": user, "_pid": pid, "_gap": r.uniform(0, 2)}))
        if r.random() < 0.15:
            del items[1]
        return items

    def reboot(self):
        r = self.r
        items = [("shutdown", {"svc": "klogd", "_comp": "syslog", "_pid": None}),
                 ("k_stopped", {"_pid": None, "_gap": 0.0}),
                 ("k_term", {"_pid": None, "_gap": 0.0}),
                 ("shutdown", {"svc": "syslogd", "_comp": "syslog", "_pid": None, "_gap": 1.0}),
                 ("sl_exit", {"sig": "15", "_pid": None, "_gap": 0.0})]
        first = True
        for key, (comp, text, vals) in zip(self.boot_keys, self.BOOT):
            v = dict(vals)
            v.setdefault("_pid", None)
            v["_comp"] = comp
            v["_gap"] = r.uniform(60, 120) if first else (0.0 if comp == "kernel" else r.uniform(0, 2))
            first = False
            items.append((key, v))
        return items

    def fixed_episodes(self):
        return [(1, self.daily, (i + 0.6) / 44.0) for i in range(43)] + [(1, self.reboot, 0.955)]

    def weighted_episodes(self):
        return [(30, self.e_brute_root), (28, self.e_brute_unknown), (10, self.e_brute_mixed), (24, self.e_ftp),
                (5, self.e_misc)]

    def render(self, t, ev, vals, content):
        comp = vals.get("_comp", ev.hdr.get("comp"))
        pid = vals.get("_pid")
        head = "%s %2d %s %s %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), self.host, comp)
        if pid is not None:
            head += "[%d]" % int(pid)
        return head + ": " + content


# ---------------------------------------------------------------------------
# 3. Thunderbird (syslog of a large Linux cluster: hourly cron on every node, the InfiniBand subnet
#    manager, the admin node's postfix/ganglia/dhcpd, kernel messages)
# ---------------------------------------------------------------------------

class Thunderbird(System):
    name = "Thunderbird"
    log_format = (r"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> "
                  r"<Component>(\[<PID>\])?: <Content>")
    start = datetime(2005, 11, 9, 12, 0, 59)
    mean_gap = 30.0
    inner_gap = (0.0, 1.5)
    settings = {"regex": [r"(\d+\.){3}\d+"], "st": 0.5, "depth": 4}
    UTC_OFFSET = 8 * 3600          # the epoch column is local time + 8h

    NODE_BOOT = [
        ("kernel", "Linux version <@kver> (<@builder>) (gcc version <@gccver> <@gccdate> (Red Hat <@gccrel>)) "
         "#<@n> SMP <@builddate>", {"kver": "2.6.9-22.ELsmp", "builder": "bhbuild@hs20-bc1-3.build.example.com",
                                    "gccver": "3.4.4", "gccdate": "20050721", "gccrel": "3.4.4-2", "n": "1",
                                    "builddate": "Mon Sep 19 18:32:14 EDT 2005"}),
        ("kernel", "Bootdata ok (command line is <@cmdline>)", {"cmdline": "ro root=LABEL=/ console=ttyS0,115200n8"}),
        ("kernel", "Kernel command line: <@cmdline>", {"cmdline": "ro root=LABEL=/ console=ttyS0,115200n8"}),
        ("kernel", "Initializing CPU#<@n>", {"n": "0"}),
        ("kernel", "Memory: <@avail>k/<@total>k available (<@code>k kernel code, <@res>k reserved, <@data>k data, "
         "<@init>k init)", {"avail": "2055092", "total": "2097088", "code": "2147", "res": "0", "data": "1054",
                            "init": "196"}),
        ("kernel", "Calibrating delay loop... <@bogo> BogoMIPS (lpj=<@lpj>)", {"bogo": "7192.18", "lpj": "3596091"}),
        ("kernel", "CPU: L2 cache: <@l2>K", {"l2": "1024"}),
        ("kernel", "Initializing CPU#<@n>", {"n": "1"}),
        ("kernel", "Brought up <@n> CPUs", {"n": "2"}),
        ("kernel", "NET: Registered protocol family <@n>", {"n": "16"}),
        ("kernel", "PCI: Using configuration type <@n>", {"n": "1"}),
        ("kernel", "ACPI: Subsystem revision <@rev>", {"rev": "20040816"}),
        ("kernel", "e1000: <@ifc>: e1000_probe: Intel(R) PRO/1000 Network Connection", {"ifc": "eth0"}),
        ("kernel", "NET: Registered protocol family <@n>", {"n": "2"}),
        ("kernel", "Freeing unused kernel memory: <@n>k freed", {"n": "208"}),
        ("kernel", "EXT3 FS on <@dev>, internal journal", {"dev": "sda1"}),
        ("kernel", "Adding <@n>k swap on <@dev>.  Priority:<@prio> extents:<@ext>",
         {"n": "2096440", "dev": "/dev/sda2", "prio": "-1", "ext": "1"}),
        ("kernel", "ib_mthca: Mellanox InfiniBand HCA driver v<@ver> (<@date>)", {"ver": "0.06", "date": "June 23, 2005"}),
        ("kernel", "ip_tables: (C) 2000-2002 Netfilter core team", {}),
        ("syslogd 1.4.1", "restart.", {}),
        ("syslog", "<@svc> startup succeeded", {"svc": "syslogd"}),
        ("kernel", "klogd <@ver>, log source = <@src> started.", {"ver": "1.4.1", "src": "/proc/kmsg"}),
        ("syslog", "<@svc> startup succeeded", {"svc": "klogd"}),
        ("network", "Bringing up interface <@ifc>:  succeeded", {"ifc": "eth0"}),
        ("portmap", "<@svc> startup succeeded", {"svc": "portmap"}),
        ("ntpd", "ntpd <@ver> <@date> (<@n>)", {"ver": "4.2.0a@1.1190-r", "date": "Thu Jun 9 10:44:38 EDT 2005", "n": "1",
                                                "_pid": 2512}),
        ("ntpd", "precision = <@n> usec", {"n": "1.000", "_pid": 2512}),
        ("ntpd", "kernel time sync enabled <@n>", {"n": "0001", "_pid": 2512}),
        ("ntpd", "<@svc> startup succeeded", {"svc": "ntpd"}),
        ("sshd", "Server listening on <@ip> port <@port>.", {"ip": "0.0.0.0", "port": "22", "_pid": 2547}),
        ("sshd", "<@svc> startup succeeded", {"svc": "sshd"}),
        ("crond", "<@svc> startup succeeded", {"svc": "crond"}),
    ]

    def define(self):
        r = self.r
        nodes = set()
        while len(nodes) < 420:
            nodes.add("%s%d" % (weighted(r, [("dn", 5), ("bn", 3), ("en", 2), ("cn", 2), ("an", 1)]),
                                r.randint(1, 1024)))
        self.nodes = sorted(nodes)
        self.admin = "tbird-mgmt1"
        self.sm = "tbird-sm2"
        self.dhcp = "badmin2"
        self.pids = {}
        self.cron_pid = {n: r.randint(2000, 30000) for n in self.nodes}
        self.cron_pid[self.admin] = r.randint(2000, 30000)
        self.sm_pid = r.randint(20000, 26000)
        self.gm_pid = r.randint(1500, 1900)
        self.busy = self.pool(lambda: r.choice(self.nodes), 60, 1.0)
        self.ds = ["tbird_r%02d" % i for i in r.sample(range(1, 40), 12)]
        self.gids = ["fe:80:00:00:00:00:00:00:00:02:c9:01:%02x:%02x:%02x:%02x"
                     % (r.randint(0, 255), r.randint(0, 255), r.randint(0, 255), r.randint(0, 255)) for _ in range(25)]
        self.macs = ["00:11:43:%02x:%02x:%02x" % (r.randint(0, 255), r.randint(0, 255), r.randint(0, 255))
                     for _ in range(30)]
        self.jobs = self.pool(lambda: "%d.%s" % (r.randint(100000, 400000), self.admin), 30, 1.0)
        e = self.ev
        e("cron_open", "session opened for user <@user> by (uid=<@uid>)", comp="crond(pam_unix)")
        e("cron_close", "session closed for user <@user>", comp="crond(pam_unix)")
        e("cron_cmd", "(<@user>) CMD (<@cmd>)", comp="crond")
        e("pickup", "warning: unable to look up public/pickup: No such file or directory", comp="postfix/postdrop")
        SM = "ib_sm.x"
        e("sm_sweep", "[ib_sm_sweep.c:1455]: ********************** NEW SWEEP ********************", comp=SM)
        e("sm_notopo", "[ib_sm_sweep.c:1831]: No topology change", comp=SM)
        e("sm_noconf", "[ib_sm_sweep.c:1482]: No configuration change required", comp=SM)
        e("sm_cfg_init", "[ib_sm_sweep.c:1516]: Configuration caused by some ports in INIT state", comp=SM)
        e("sm_cfg_removed", "[ib_sm_sweep.c:1524]: Configuration caused by discovering removed ports", comp=SM)
        e("sm_cfg_new", "[ib_sm_sweep.c:1520]: Configuration caused by discovering new ports", comp=SM)
        e("sm_cfg_mcast", "[ib_sm_sweep.c:1536]: Configuration caused by multicast membership change", comp=SM)
        e("sm_oos", "[INFO]: Generate SM OUT_OF_SERVICE trap for GID=<@gid>", comp=SM)
        e("sm_ins", "[INFO]: Generate SM IN_SERVICE trap for GID=<@gid>", comp=SM)
        e("sm_force", "[ib_sm_bringup.c:577]: Force Sweep - calling subnet-bringup()", comp=SM)
        e("gmetad", "data_thread() got not answer from any [<@ds>] datasource",
          comp="/apps/x86_64/system/ganglia-3.0.1/sbin/gmetad")
        e("ssh_acc", "Accepted publickey for <@user> from <@ip> port <@port> ssh2", comp="sshd")
        e("ssh_closed", "Connection closed by <@ip>", comp="sshd")
        e("dhcp_disc", "DHCPDISCOVER from <@mac> via <@ifc>", comp="dhcpd")
        e("dhcp_offer", "DHCPOFFER on <@ip> to <@mac> via <@ifc>", comp="dhcpd")
        e("dhcp_req", "DHCPREQUEST for <@ip> (<@sip>) from <@mac> via <@ifc>", comp="dhcpd")
        e("dhcp_ack", "DHCPACK on <@ip> to <@mac> via <@ifc>", comp="dhcpd")
        e("dhcp_noleases", "DHCPDISCOVER from <@mac> via <@ifc>: network <@net>: no free leases", comp="dhcpd")
        e("tftp_opts", "tftp: client does not accept options", comp="in.tftpd")
        e("ntp_sync", "synchronized to <@ip>, stratum <@n>", comp="ntpd")
        e("ntp_reset", "time reset <@off> s", comp="ntpd")
        e("ntp_lost", "synchronisation lost", comp="ntpd")
        e("pbs_tm", "Bad file descriptor (<@errno>) in tm_request, job <@job> not running", comp="pbs_mom")
        e("pbs_task", "task_check, cannot tm_reply to <@job> task <@n>", comp="pbs_mom")
        e("pbs_eof", "im_eof, Premature end of message from addr <@addr>", comp="pbs_mom")
        e("mount_req", "authenticated mount request from <@ip>:<@port> for <@path> (<@path2>)", comp="rpc.mountd")
        e("umount_req", "authenticated unmount request from <@ip>:<@port> for <@path> (<@path2>)",
          comp="rpc.mountd")
        e("k_ticks", "Losing some ticks... checking if CPU frequency changed.", comp="kernel")
        e("k_nmi", "Uhhuh. NMI received for unknown reason <@hex> on CPU <@n>.", comp="kernel")
        e("k_dazed", "Dazed and confused, but trying to continue", comp="kernel")
        e("k_power", "Do you have a strange power saving mode enabled?", comp="kernel")
        e("k_link_up", "e1000: <@ifc>: e1000_watchdog: NIC Link is Up <@speed> Mbps Full Duplex", comp="kernel")
        e("k_link_down", "e1000: <@ifc>: e1000_watchdog: NIC Link is Down", comp="kernel")
        e("k_nfs_down", "nfs: server <@srv> not responding, still trying", comp="kernel")
        e("k_nfs_ok", "nfs: server <@srv> OK", comp="kernel")
        e("k_oom", "Out of Memory: Killed process <@kpid> (<@proc>).", comp="kernel")
        e("k_temp", "CPU<@n>: Temperature above threshold", comp="kernel")
        e("k_temp_ok", "CPU<@n>: Temperature/speed normal", comp="kernel")
        e("k_vapi", "VIPKL(<@n>): [create_mr] MM_bld_hh_mr failed (<@code>:VAPI_EAGAIN)", comp="kernel")
        e("k_ecc", "EDAC k8 MC<@n>: general bus error: participating processor(local node response), time-out(no "
          "timeout) memory transaction type(generic read), mem or i/o(mem access), cache level(generic)",
          comp="kernel")
        e("k_ext3", "EXT3-fs error (device <@dev>): ext3_find_entry: reading directory #<@ino> offset <@off>",
          comp="kernel")
        e("smartd", "Device: <@dev>, SMART Prefailure Attribute: <@n> <@attr> changed from <@a> to <@b>",
          comp="smartd")
        e("automount", "lookup(file): lookup for <@key> failed", comp="automount")
        e("startup", "<@svc> startup succeeded", comp="syslog")
        self.boot_keys = []
        known = {ev.text: k for k, ev in self.events.items()}
        for i, (comp, text, vals) in enumerate(self.NODE_BOOT):
            if text not in known:
                k = "boot%02d" % i
                e(k, text, comp=comp)
                known[text] = k
            self.boot_keys.append(known[text])

    # -- helpers ---------------------------------------------------------------
    def nid(self, node):
        p = self.pids.get(node)
        if p is None:
            p = self.r.randint(2000, 30000)
        p += self.r.randint(1, 40)
        if p > 32700:
            p = 1100
        self.pids[node] = p
        return p

    def V(self, host, pid=None, **kw):
        kw["_host"] = host
        kw["_pid"] = pid
        return kw

    def node_ip(self, node):
        k = sum(ord(c) for c in node)
        return "10.100.%d.%d" % (k % 16, int("".join(ch for ch in node if ch.isdigit())) % 250 + 2)

    # -- episodes --------------------------------------------------------------
    def hourly(self):
        r = self.r

        def nxt(t):
            d = t.replace(minute=1, second=1, microsecond=0)
            return d if d > t else d + timedelta(hours=1)
        items = []
        hosts = r.sample(self.nodes, r.randint(18, 26)) + [self.admin]
        r.shuffle(hosts)
        for i, h in enumerate(hosts):
            p = self.cron_pid[h] = self.cron_pid[h] + r.randint(30, 90)
            first = {"_next": nxt} if i == 0 else {"_gap": r.choice([0.0, 0.0, 0.0, 0.0, 0.4, 1.0])}
            loc = "local" if h == self.admin else None
            o = ("cron_open", self.V(h, p, _loc=loc, user="root", uid="0"))
            c = ("cron_close", self.V(h, p, _loc=loc, user="root"))
            m = ("cron_cmd", self.V(h, p + 1, _loc=loc, user="root", cmd="run-parts /etc/cron.hourly", _gap=0.0))
            seq = [c, o, m] if r.random() < 0.6 else [o, m, c]
            seq[0][1].update(first)
            for k, v in seq[1:]:
                v.setdefault("_gap", 0.0)
            items += seq
        return items

    def e_pickup(self):
        r = self.r
        n = weighted(r, [(1, 8), (2, 3), (3, 1)])
        return [("pickup", self.V(self.admin, self.nid("postdrop"), _loc="local")) for _ in range(n)]

    def e_sweep(self):
        r = self.r
        p = self.sm_pid
        S = lambda **kw: self.V(self.sm, p, _loc="src", **kw)  # noqa: E731
        items = [("sm_sweep", S())]
        k = weighted(r, [("none", 10), ("init", 2), ("removed", 1), ("new", 1), ("mcast", 1)])
        if k == "none":
            items += [("sm_notopo", S()), ("sm_noconf", S())]
            return items
        if k in ("removed", "new"):
            gid = r.choice(self.gids)
            items.append(("sm_cfg_removed" if k == "removed" else "sm_cfg_new", S()))
            items.append(("sm_oos" if k == "removed" else "sm_ins", S(gid=gid)))
            if r.random() < 0.4:
                items.append(("sm_force", S()))
        elif k == "init":
            items += [("sm_notopo", S()), ("sm_cfg_init", S())]
        else:
            items += [("sm_notopo", S()), ("sm_cfg_mcast", S())]
        return items

    def e_gmetad(self):
        r = self.r
        n = weighted(r, [(1, 6), (2, 2), (4, 1)])
        items = [("gmetad", self.V(self.admin, self.gm_pid, _loc="local", ds=r.choice(self.ds)))
                 for _ in range(n)]
        for _, v in items[1:]:
            v["_gap"] = 0.0
        return items

    def e_ssh(self):
        r = self.r
        h = self.busy() if r.random() < 0.8 else self.admin
        p = self.nid(h)
        loc = "local" if h == self.admin else None
        ip = "10.100.%d.%d" % (r.choice([0, 0, 4, 8]), r.randint(2, 40))
        items = [("ssh_acc", self.V(h, p, _loc=loc, user="root", ip=ip, port=str(r.randint(32768, 61000)))),
                 ("cron_open", self.V(h, p, _loc=loc, _comp="sshd(pam_unix)", user="root", uid="0", _gap=0.0))]
        tail = [("cron_close", self.V(h, p, _loc=loc, _comp="sshd(pam_unix)", user="root"))]
        if r.random() < 0.2:
            tail.insert(0, ("ssh_closed", self.V(h, p, _loc=loc, ip=ip)))
        self.later(r.randint(0, 30), tail)
        return items

    def e_dhcp(self):
        r = self.r
        mac = r.choice(self.macs)
        ip = "10.100.%d.%d" % (r.randint(1, 15), r.randint(2, 250))
        D = lambda **kw: self.V(self.dhcp, 2231, ifc="eth1", **kw)  # noqa: E731
        if r.random() < 0.12:
            return [("dhcp_noleases", D(mac=mac, net="10.100.0.0/16")) for _ in range(r.randint(1, 3))]
        items = [("dhcp_disc", D(mac=mac)), ("dhcp_offer", D(ip=ip, mac=mac, _gap=0.0)),
                 ("dhcp_req", D(ip=ip, sip="10.100.0.250", mac=mac, _gap=r.uniform(0, 2))),
                 ("dhcp_ack", D(ip=ip, mac=mac, _gap=0.0))]
        if r.random() < 0.6:
            items.append(("tftp_opts", self.V(self.dhcp, r.randint(20000, 30000), _gap=r.uniform(2, 6))))
        return items

    def e_ntp(self):
        r = self.r
        h = self.busy()
        p = self.nid(h)
        k = weighted(r, [("sync", 5), ("reset", 3), ("lost", 1)])
        if k == "sync":
            return [("ntp_sync", self.V(h, p, ip="10.100.18.%d" % r.choice([250, 251]), n=str(r.choice([3, 4]))))]
        if k == "reset":
            return [("ntp_reset", self.V(h, p, off="%+.6f" % r.uniform(-1.5, 1.5))),
                    ("ntp_sync", self.V(h, p, ip="10.100.18.250", n="4", _gap=r.uniform(30, 200)))]
        return [("ntp_lost", self.V(h, p))]

    def e_pbs(self):
        r = self.r
        h = self.busy()
        k = weighted(r, [("tm", 3), ("task", 2), ("eof", 1)])
        if k == "tm":
            return [("pbs_tm", self.V(h, None, errno="9", job=self.jobs()))
                    for _ in range(r.choice([1, 1, 2, 3]))]
        if k == "task":
            return [("pbs_task", self.V(h, None, job=self.jobs(), n=str(r.randint(1, 8))))]
        return [("pbs_eof", self.V(h, None, addr="%s:15003" % self.node_ip(self.busy())))]

    def e_mount(self):
        r = self.r
        h = self.busy()
        path = r.choice(["/home", "/projects", "/apps", "/scratch1"])
        v = dict(ip=self.node_ip(h), port=str(r.randint(600, 1023)), path=path, path2=path)
        items = [("mount_req", self.V(self.admin, 2650, _loc="local", **v))]
        if r.random() < 0.5:
            items.append(("umount_req", self.V(self.admin, 2650, _loc="local", _gap=r.uniform(60, 900), **v)))
        return items

    def e_kernel(self, kind=None):
        r = self.r
        h = self.busy()
        k = kind or weighted(r, [("ticks", 6), ("nmi", 2), ("link", 3), ("nfs", 4), ("oom", 0.5), ("temp", 1),
                                 ("vapi", 0.3), ("ecc", 0.3), ("ext3", 0.2), ("smart", 2), ("automount", 2)])
        if k == "ticks":
            return [("k_ticks", self.V(h))]
        if k == "nmi":
            return [("k_nmi", self.V(h, hex=r.choice(["2d", "3d", "2c", "3c"]), n="0")),
                    ("k_dazed", self.V(h, _gap=0.0)), ("k_power", self.V(h, _gap=0.0))]
        if k == "link":
            ifc = r.choice(["eth0", "eth1"])
            return [("k_link_down", self.V(h, ifc=ifc)),
                    ("k_link_up", self.V(h, ifc=ifc, speed="1000", _gap=r.uniform(2, 5)))]
        if k == "nfs":
            srv = r.choice([self.admin, "tbird-nfs2", "tbird-nfs3"])
            hosts = r.sample(self.nodes, r.randint(1, 4))
            items = [("k_nfs_down", self.V(x, srv=srv)) for x in hosts]
            for _, v in items[1:]:
                v["_gap"] = 0.0
            if r.random() < 0.7:
                items += [("k_nfs_ok", self.V(x, srv=srv, _gap=r.uniform(10, 120) if i == 0 else 0.0))
                          for i, x in enumerate(hosts)]
            return items
        if k == "oom":
            return [("k_oom", self.V(h, kpid=str(r.randint(3000, 30000)), proc=r.choice(["a.out", "lmp_tbird",
                                                                                            "cth", "pbs_mom"])))]
        if k == "temp":
            n = str(r.randint(0, 1))
            return [("k_temp", self.V(h, n=n, _label="CPU")),
                    ("k_temp_ok", self.V(h, n=n, _gap=r.uniform(1, 20)))]
        if k == "vapi":
            return [("k_vapi", self.V(h, n="1", code="-253", _label="VAPI"))]
        if k == "ecc":
            return [("k_ecc", self.V(h, n="0", _label="ECC"))]
        if k == "ext3":
            return [("k_ext3", self.V(h, dev="sda5", ino=str(r.randint(2, 900000)), off="0", _label="EXT-FS"))]
        if k == "smart":
            a = r.randint(95, 100)
            return [("smartd", self.V(h, r.randint(1800, 2600), dev="/dev/sda", n="1", attr="Raw_Read_Error_Rate",
                                      a=str(a), b=str(a - 1)))]
        return [("automount", self.V(h, self.nid(h), key=r.choice(["projects", "scratch2", "tmp", "home2"])))]

    def node_boot(self):
        r = self.r
        h = "en%d" % r.randint(1, 1024)
        items = []
        for i, (key, (comp, text, vals)) in enumerate(zip(self.boot_keys, self.NODE_BOOT)):
            v = dict(vals)
            v["_host"] = h
            v.setdefault("_pid", None)
            v["_comp"] = comp
            v["_gap"] = 0.0 if comp == "kernel" else r.uniform(0, 2)
            items.append((key, v))
        return items

    def fixed_episodes(self):
        return [(1, self.hourly, i / 10.3) for i in range(10)] + [(1, self.node_boot, 0.62)] + \
            [(1, lambda kind=kind: self.e_kernel(kind)) for kind in ("ext3", "ecc", "vapi", "oom")]

    def weighted_episodes(self):
        return [(20, self.e_pickup), (7, self.e_sweep), (8, self.e_gmetad), (6, self.e_ssh), (3, self.e_dhcp),
                (3, self.e_ntp), (2, self.e_pbs), (2, self.e_mount), (5, self.e_kernel)]

    def render(self, t, ev, vals, content):
        host = vals["_host"]
        loc = vals.get("_loc")
        if loc:
            location = "%s@%s" % (loc, host)
        else:
            location = "%s/%s" % (host, host)
        comp = vals.get("_comp", ev.hdr.get("comp"))
        pid = vals.get("_pid")
        epoch = calendar.timegm(t.timetuple()) + self.UTC_OFFSET
        head = "%s %d %s %s %s %d %s %s %s" % (vals.get("_label", "-"), epoch, t.strftime("%Y.%m.%d"), host,
                                               t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), location, comp)
        if pid is not None:
            head += "[%d]" % int(pid)
        return head + ": " + content


# ---------------------------------------------------------------------------
# 4. Mac (system.log of one MacBook over a week: sleep/wake cycles dominate, plus a long tail of
#    one-off messages from many daemons and apps)
# ---------------------------------------------------------------------------

# One-off and rare Mac events: (key, component, pid or None for a fresh one, launchd address or None,
# text, [slot values for each occurrence]).  Each entry occurs len(values) times.
MAC_RARE = [
    ("k_setup_hib", "kernel", 0, None, "hibernate_setup(<@n>) took <@ms> ms", [{"n": "0", "ms": "4121"}]),
    ("k_hib_path", "kernel", 0, None, "hibernate image path: <@path>", [{"path": "/var/vm/sleepimage"}]),
    ("k_hib_open", "kernel", 0, None, "Opened file <@path>, size <@size>, extents <@ext>, maxio <@maxio> ssd <@ssd>",
     [{"path": "/var/vm/sleepimage", "size": "1073741824", "ext": "1", "maxio": "2000000", "ssd": "1"}]),
    ("k_hib_hdr", "kernel", 0, None, "sizeof(IOHibernateImageHeader) == <@n>", [{"n": "512"}]),
    ("k_efi", "kernel", 0, None, "efi pagecount <@n>", [{"n": "65"}]),
    ("k_hib_alloc", "kernel", 0, None, "hibernate_alloc_pages act <@a>, inact <@b>, anon <@c>, throt <@d>, spec <@e>, "
     "wire <@f>, wireinit <@g>", [{"a": "107794", "b": "10088", "c": "460", "d": "0", "e": "73731", "f": "527853",
                                   "g": "39140"}]),
    ("k_hib_teardown", "kernel", 0, None, "hibernate_teardown_pmap_structs done: last_valid_compact_indx <@n>",
     [{"n": "282115"}]),
    ("k_discard", "kernel", 0, None, "did discard act <@a> inact <@b> purgeable <@c> spec <@d> cleaned <@e>",
     [{"a": "12083", "b": "17640", "c": "20264", "d": "28635", "e": "0"}]),
    ("k_pages", "kernel", 0, None, "pages <@a>, wire <@b>, act <@c>, inact <@d>, cleaned <@e> spec <@f>, zf <@g>, "
     "throt <@h>, compr <@i>, xpmapped <@j>", [{"a": "1401204", "b": "544128", "c": "416065", "d": "0", "e": "0",
                                               "f": "3", "g": "25", "h": "0", "i": "266324", "j": "40000"}]),
    ("k_bt_suspend", "kernel", 0, None, "**** [IOBluetoothHostControllerUSBTransport][SuspendDevice] -- Suspend -- "
     "suspendDeviceCallResult = <@code> (kIOReturnSuccess) -- <@addr> ****", [{"code": "0x0000", "addr": "0x4800"},
                                                                             {"code": "0x0000", "addr": "0x9c00"}]),
    ("k_bt_start", "kernel", 0, None, "**** [BroadcomBluetoothHostControllerUSBTransport][start] -- completed -- "
     "result = TRUE -- <@addr> ****", [{"addr": "0x7800"}]),
    ("k_bt_reg", "kernel", 0, None, "**** [IOBluetoothFamily][ProcessBluetoothTransportShowsUpActionWL] -- calling "
     "IOBluetoothFamily's registerService() -- <@a> -- <@b> -- <@c> ****",
     [{"a": "0x5fd0", "b": "0x9a00", "c": "0x6800"}]),
    ("k_bt_config", "kernel", 0, None, "[IOBluetoothHCIController::setConfigState] calling registerService", [{}]),
    ("k_wakeups", "kernel", 0, None, "process <@proc>[<@pid>] caught causing excessive wakeups. Observed wakeups rate "
     "(per sec): <@rate>; Maximum permitted wakeups rate (per sec): <@max>; Observation period: <@period> seconds; "
     "Task lifetime number of wakeups: <@total>",
     [{"proc": "WeChat", "pid": "24144", "rate": "152", "max": "150", "period": "300", "total": "45008"},
      {"proc": "QQ", "pid": "10018", "rate": "171", "max": "150", "period": "300", "total": "61235"}]),
    ("k_unnest", "kernel", 0, None, "<@proc>[<@pid>] triggered unnest of range <@a>-><@b> of DYLD shared region in "
     "VM map <@map>. While not abnormal for debuggers, this increases system memory footprint until the target "
     "exits.", [{"proc": "Google Chrome He", "pid": "36721", "a": "0x7fff93c00000", "b": "0x7fff93e00000",
                 "map": "0x77c9114550458e7b"}]),
    ("k_postmsg", "kernel", 0, None, "en0::IO80211Interface::postMessage bssid changed", [{}]),
    ("k_tb_sleep", "kernel", 0, None, "AppleThunderboltNHIType2::prepareForSleep - complete - took <@ms> milliseconds",
     [{"ms": "1"}, {"ms": "0"}]),
    ("k_iopm_ps", "kernel", 0, None, "ARPT: <@arpt>: IOPMPowerSource Information: onSleep,  SleepType: <@st>,  "
     "'ExternalConnected': <@ext>, 'TimeRemaining': <@rem>,",
     [{"arpt": "639756.207129", "st": "Normal Sleep", "ext": "Yes", "rem": "0"},
      {"arpt": "691233.414506", "st": "Standby", "ext": "No", "rem": "9180"}]),
    ("k_bonjour_off", "kernel", 0, None, "ARPT: <@arpt>: wl0: powerChange: *** BONJOUR/MDNS OFFLOADS ARE NOT RUNNING.",
     [{"arpt": "641217.603018"}]),
    ("k_wake_scan", "kernel", 0, None, "ARPT: <@arpt>: ARPT: Wake Reason: Wake on Scan offload",
     [{"arpt": "641433.015776"}, {"arpt": "705531.892010"}]),
    ("k_nspace", "kernel", 0, None, "nspace-handler-set-snapshot-time: <@n>", [{"n": "1499004101"}]),
    ("k_smc", "kernel", 0, None, "SMC::smcHandleInterruptEvent WARNING status=<@st> (<@bit> not set) notif=<@notif>",
     [{"st": "0x0", "bit": "0x40", "notif": "0x0"}]),
    ("k_actuator", "kernel", 0, None, "AppleActuatorDeviceUserClient::start Entered", [{}, {}]),
    ("k_actuator_stop", "kernel", 0, None, "AppleActuatorDeviceUserClient::stop Entered", [{}]),
    ("k_usb_port", "kernel", 0, None, "USB (XHCI): Port <@n> on bus <@bus> connected or disconnected: portSC(<@sc>)",
     [{"n": "2", "bus": "0x0", "sc": "0x206e1"}, {"n": "2", "bus": "0x0", "sc": "0x20203"}]),
    ("k_cs_invalid", "kernel", 0, None, "CODE SIGNING: cs_invalid_page(<@addr>): p=<@pid>[<@proc>] final status "
     "<@st>, allowing (remove VALID) page", [{"addr": "0x1000", "pid": "32696", "proc": "GoogleSoftwareUp",
                                             "st": "0x0"}, {"addr": "0x1000", "pid": "41287",
                                                            "proc": "GoogleSoftwareUp", "st": "0x0"}]),
    ("k_rtc", "kernel", 0, None, "RTC: Maintenance <@d1> <@t1>, sleep <@d2> <@t2>",
     [{"d1": "2017/7/2", "t1": "19:20:51", "d2": "2017/7/2", "t2": "12:53:25"},
      {"d1": "2017/7/4", "t1": "02:11:30", "d2": "2017/7/3", "t2": "23:40:07"}]),
    ("k_full_wake", "kernel", 0, None, "full wake promotion (reason <@n>) <@ms> ms",
     [{"n": "1", "ms": "374"}, {"n": "2", "ms": "296"}]),
    ("k_aggfifo", "kernel", 0, None, "ARPT: <@arpt>: wlc_dump_aggfifo:", [{"arpt": "660143.722514"}]),
    ("k_in6", "kernel", 0, None, "in6_unlink_ifa: IPv6 address <@addr> has no prefix",
     [{"addr": "0x77c911454f1528e3"}, {"addr": "0x77c91145488f9893"}, {"addr": "0x77c9114551ab23ab"}]),
    ("k_usbmsc", "kernel", 0, None, "USBMSC Identifier (non-unique): <@id> <@vid> <@pid> <@rev>, <@n>",
     [{"id": "000000009833", "vid": "0x5ac", "pid": "0x8406", "rev": "0x820", "n": "3"}]),
    ("k_bt_le", "kernel", 0, None, "Bluetooth -- LE is supported - Disable LE meta event", [{}, {}]),
    ("k_awdl_mode", "kernel", 0, None, "IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode "
     "from <@m1> to <@m2>", [{"m1": "AUTO", "m2": "SUSPENDED"}, {"m1": "SUSPENDED", "m2": "AUTO"},
                             {"m1": "AUTO", "m2": "SUSPENDED"}]),
    ("k_awdl_susp", "kernel", 0, None, "IO80211AWDLPeerManager::setAwdlSuspendedMode() Suspending AWDL, "
     "enterQuietMode(true)", [{}, {}]),
    ("k_awdl_resume", "kernel", 0, None, "IO80211AWDLPeerManager::setAwdlSuspendedMode() Resuming AWDL", [{}]),
    ("k_tb_waitok", "kernel", 0, None, "AppleThunderboltNHIType2::waitForOk2Go2Sx - retries = <@n>",
     [{"n": "60000"}]),
    ("gsu_agent", "GoogleSoftwareUpdateAgent", None, None, "<@date> <@time> GoogleSoftwareUpdateAgent[<@pid>/<@thr>] "
     "[lvl=2] -[KSAgentApp(KeystoneDelegate) updateEngineFinishedWithErrors:] Keystone finished: errors=<@n>",
     [{"date": "2017-07-02", "time": "10:48:24.107", "pid": "31702", "thr": "0x7000002a0000", "n": "0"}]),
    ("gsu_check", "GoogleSoftwareUpdateAgent", None, None, "<@date> <@time> GoogleSoftwareUpdateAgent[<@pid>/<@thr>] "
     "[lvl=2] -[KSAgentApp performSelfUpdateWithEngine:] Checking for self update.",
     [{"date": "2017-07-02", "time": "10:48:23.935", "pid": "31702", "thr": "0x7000002a0000"}]),
    ("ksfetch", "ksfetch", None, None, "<@date> <@time> ksfetch[<@pid>/<@thr>] [lvl=2] KSHelperReceiveAllData() "
     "KSHelperTool read <@n> bytes from stdin.", [{"date": "2017-07-02", "time": "10:48:24.110", "pid": "32776",
                                                  "thr": "0x7fff79824000", "n": "1926"}]),
    ("ab_soap", "AddressBookSourceSync", None, None, "-[SOAPParser:<@addr> parser:didStartElement:namespaceURI:"
     "qualifiedName:attributes:] Type not found in EWSItemType for ExchangePersonIdGuid (t:ExchangePersonIdGuid)",
     [{"addr": "0x7fca6040cb50"}, {"addr": "0x7fca60419df0"}]),
    ("ab_dnssd", "com.apple.AddressBook.InternetAccountsBridge", None, None, "dnssd_clientstub ConnectToServer: "
     "connect()-> No of tries: <@n>", [{"n": "1"}, {"n": "2"}, {"n": "3"}]),
    ("dropbox_dns", "Dropbox", 24019, None, "[<@stamp>:WARNING:dns_config_service_posix.cc(<@line>)] Failed to read "
     "DnsConfig.", [{"stamp": "0702/204023", "line": "306"}]),
    ("quicklookd", "quicklookd", None, None, "Error returned from iconservicesagent: <@err>", [{"err": "(null)"},
                                                                                               {"err": "(null)"}]),
    ("iconservices", "iconservicesagent", None, None, "-[ISGenerateImageOp generateImageWithCompletion:] Failed to "
     "composit image for descriptor <ISBindingImageDescriptor: <@addr>>.", [{"addr": "0x7f8d4b2a1e10"}]),
    ("ids_nc", "identityservicesd", 272, None, "<IMMacNotificationCenterManager: <@addr>>: NC Disabled: <@flag>",
     [{"addr": "0x7f8b9a800000", "flag": "NO"}]),
    ("webkit_crabs", "com.apple.WebKit.WebContent", None, None, "[<@clock>] <<<< CRABS >>>> "
     "crabsFlumeHostAvailable: [<@addr>] Byte flume reports host available again.",
     [{"clock": "12:45:10.123", "addr": "0x7f9e3ac2a9b0"}]),
    ("spindump", "spindump", None, None, "Saved cpu_resource.spin report for <@proc> version <@ver> (<@build>) to "
     "<@path>", [{"proc": "WeChat", "ver": "2.2.8", "build": "3523",
                  "path": "/Library/Logs/DiagnosticReports/WeChat_2017-07-02-093210_kanMacBook-Pro.cpu_resource.spin"}]),
    ("diagnosticd", "diagnosticd", None, None, "error evaluating process info - pid: <@pid>, puniqueid: <@uid>",
     [{"pid": "30411", "uid": "30411"}]),
    ("apsd_cert", "apsd", 62, None, "Unrecognized leaf certificate", [{}]),
    ("dock_ua", "Dock", 307, None, "-[UABestAppSuggestionManager notifyBestAppChanged:type:options:bundleIdentifier:"
     "activityType:dynamicIdentifier:when:confidence:deviceName:deviceIdentifier:deviceType:] (null) "
     "UASuggestedActionType=<@n> (null)/(null) opts=(null) when=<@when> confidence=<@c> from=(null)/(null) "
     "(UABestAppSuggestionManager.m #<@line>)", [{"n": "0", "when": "2017-07-02 17:51:27 +0000", "c": "1",
                                                  "line": "319"}]),
    ("geod", "com.apple.geod", None, None, "PBRequester failed with Error Error Domain=NSURLErrorDomain Code=<@code> "
     "\"The request timed out.\" UserInfo={NSUnderlyingError=<@addr> {Error Domain=kCFErrorDomainCFNetwork "
     "Code=<@code> \"(null)\"}, NSErrorFailingURLStringKey=<@url>, NSErrorFailingURLKey=<@url>, "
     "NSLocalizedDescription=The request timed out.}",
     [{"code": "-1001", "addr": "0x7fe13512cc50", "url": "https://gspe35-ssl.ls.example.com/pep/gcc"}]),
    ("mdworker_bail", "mdworker", None, None, "(ImportBailout.Error:<@n>) Asked to exit for Diskarb",
     [{"n": "1310"}, {"n": "1310"}]),
    ("syslogd_asl", "syslogd", 44, None, "ASL Sender Statistics", [{}, {}, {}]),
    ("chrome_notify", "Google Chrome Helper", None, None, "Libnotify: notify_register_coalesced_registration failed "
     "with code <@code> on line <@line>", [{"code": "9", "line": "2835"}, {"code": "9", "line": "2835"}]),
    ("loginwindow_tags", "loginwindow", 94, None, "CGSSetWindowTags: Invalid window <@win>", [{"win": "0xa3f1"}]),
    ("login_sfl", "loginwindow", 94, None, "-[SFLListManager(ServiceReplyProtocol) notifyChanges:toListWithIdentifier:] "
     "Notified <@n> changes for <@list>", [{"n": "1", "list": "com.apple.LSSharedFileList.RecentApplications"},
                                           {"n": "2", "list": "com.apple.LSSharedFileList.RecentDocuments"}]),
    ("ws_movgroup", "WindowServer", 184, None, "_CGXRemoveWindowFromWindowMovementGroup: window <@w1> is not attached "
     "to window <@w2>", [{"w1": "0x5bd", "w2": "0x5be"}]),
    ("ws_unblank", "WindowServer", 184, None, "handle_will_sleep_auth_and_shield_windows: Deferring.", [{}, {}]),
    ("ws_dimsleep", "WindowServer", 184, None, "CGXDisplayDidWakeNotification [<@n>]: posting kCGSDisplayDidWake",
     [{"n": "723587602857832"}, {"n": "781304467154110"}, {"n": "812034587920457"}]),
    ("cal_proppatch", "CalendarAgent", 279, None, "[com.apple.calendar.store.log.caldav.coredav] [Refusing to parse "
     "response to PROPPATCH because of content-type: [text/html; charset=UTF-8].]", [{}, {}, {}]),
    ("secd_sos", "secd", 276, None, "SOSAccountThisDeviceCanSyncWithCircle sync with device failure: Error "
     "Domain=com.apple.security.sos.error Code=<@code> \"Account identity not set\" UserInfo={NSDescription=Account "
     "identity not set}", [{"code": "1035"}, {"code": "1035"}, {"code": "1035"}, {"code": "1035"}]),
    ("safari_kc", "Safari", 9852, None, "KeychainGetICDPStatus: keychain: <@n>", [{"n": "-25300"}, {"n": "-25300"}]),
    ("airportd_join", "airportd", 234, None, "_doAutoJoin: Already associated to \u201c<@ssid>\u201d. Bailing on "
     "auto-join.", [{"ssid": "UniVisitor"}, {"ssid": "UniVisitor"}, {"ssid": "HomeNet-5G"}]),
    ("cc_free", "corecaptured", None, None, "CCProfileMonitor::freeResources done", [{}, {}]),
    ("cc_datatap", "corecaptured", None, None, "CCDataTap::profileRemoved, Owner: <@owner>, Name: <@name>",
     [{"owner": "com.apple.iokit.IO80211Family", "name": "OneStats"}]),
    ("powerd_sleep", "powerd", 54, None, "Sleep Service Back to Sleep", [{}]),
    ("wechat_jemmy", "WeChat", 24144, None, "jemmytest", [{}]),
    ("sharingd_status", "sharingd", 30299, None, "<@clock> : SDStatusMonitor::kStatusWirelessPowerChanged",
     [{"clock": "13:32:18.103"}, {"clock": "19:44:07.569"}]),
    ("cloudd_err", "cloudd", 326, None, "SecOSStatusWith error:[<@code>] Error Domain=NSOSStatusErrorDomain "
     "Code=<@code> \"query missing class name\" (paramErr: error in user parameter list) "
     "UserInfo={NSDescription=query missing class name}", [{"code": "-50"}]),
    ("launchd_uid", "com.apple.xpc.launchd", 1, "com.apple.mdworker.bundles[<@spid>]", "Could not find uid associated "
     "with service: <@n>: Undefined error: <@n2> <@n3>", [{"spid": "12731", "n": "0", "n2": "0", "n3": "1211"}]),
    ("ntpd_sync", "ntpd", 87, None, "sigio_handler: sigio_handler: read count <@n>", [{"n": "1"}]),
    ("tm_backupd", "com.apple.backupd", None, None, "Backup failed with error <@n>: The backup disk could not be "
     "found.", [{"n": "18"}]),
    ("mds_store", "mds", 63, None, "(Volume.Normal:2464) Volume /Volumes/<@vol> has been ejected", [{"vol": "UNTITLED"}]),
    ("mds_nostores", "mds", 63, None, "(Warning) Server: No stores registered for metascope \"<@scope>\"",
     [{"scope": "kMDQueryScopeComputer"}, {"scope": "kMDQueryScopeComputer"}]),
    ("k_vmflush", "kernel", 0, None, "vm_compressor_flush - starting", [{}]),
    ("k_vmflush_done", "kernel", 0, None, "vm_compressor_flush completed - took <@ms> msecs", [{"ms": "1712"}]),
    ("k_keystore", "kernel", 0, None, "AppleKeyStore: operation failed (pid: <@pid> sel: <@sel> ret: <@ret> '<@n>')",
     [{"pid": "57", "sel": "7", "ret": "e00002c2", "n": "-536870206"}]),
    ("k_mdns_recs", "kernel", 0, None, "ARPT: <@arpt>: wl0: MDNS: <@srv> SRV Recs, <@txt> TXT Recs",
     [{"arpt": "622103.344019", "srv": "0", "txt": "0"}, {"arpt": "655810.017266", "srv": "0", "txt": "0"},
      {"arpt": "702214.790341", "srv": "2", "txt": "2"}]),
    ("k_hfs_mount", "kernel", 0, None, "hfs: mounted <@vol> on device <@dev>", [{"vol": "UNTITLED", "dev": "disk2s1"}]),
    ("k_hfs_unmount", "kernel", 0, None, "hfs: unmount initiated on <@vol> on device <@dev>",
     [{"vol": "UNTITLED", "dev": "disk2s1"}]),
    ("k_memstatus", "kernel", 0, None, "memorystatus_thread: idle exiting pid <@pid> [<@proc>]",
     [{"pid": "41822", "proc": "com.apple.iCloudHelper"}, {"pid": "30911", "proc": "nsurlstoraged"}]),
    ("k_lowswap", "kernel", 0, None, "low swap: suspending pid <@pid> (<@proc>)", [{"pid": "36721", "proc": "Google Chrome He"}]),
    ("k_icmp_limit", "kernel", 0, None, "Limiting icmp unreach response from <@n> to <@m> packets per second",
     [{"n": "251", "m": "250"}, {"n": "312", "m": "250"}]),
    ("k_rst_limit", "kernel", 0, None, "Limiting closed port RST response from <@n> to <@m> packets per second",
     [{"n": "283", "m": "250"}]),
    ("accountsd_aida", "accountsd", 261, None, "AIDA Notification plugin running", [{}, {}]),
    ("secsrv_created", "com.apple.SecurityServer", 80, None, "Session <@n> created",
     [{"n": "100014"}, {"n": "100027"}, {"n": "100041"}]),
    ("secsrv_destroyed", "com.apple.SecurityServer", 80, None, "Session <@n> destroyed",
     [{"n": "100014"}, {"n": "100027"}]),
    ("secsrv_kill", "com.apple.SecurityServer", 80, None, "Killing auth hosts", [{}]),
    ("uea_assert", "UserEventAgent", 43, None, "assertion failed: <@build>: <@lib> + <@off> [<@uuid>]: <@addr>",
     [{"build": "15G1510", "lib": "com.apple.telemetry", "off": "38574",
       "uuid": "5A1E7C21-6F0B-3A3C-9D6E-2C48B1F09A7D", "addr": "0x7fc235807b90"}]),
    ("ws_cgerror", "WindowServer", 184, None, "CGError post_notification(const CGSNotificationType, void *const, "
     "const size_t, const bool, const CGSRealTimeDelta, const int, const CGSConnectionID *const, const pid_t): "
     "Timed out <@sec> second wait for reply from \"<@app>\" for synchronous notification type <@type> "
     "(kCGSDisplayWillSleep) (CID <@cid>, PID <@pid>)",
     [{"sec": "1.000", "app": "Microsoft Word", "type": "102", "cid": "0x6c83b", "pid": "14463"}]),
    ("ws_surface", "WindowServer", 184, None, "WSGetSurfaceInWindow : Invalid surface <@n> for window <@w>",
     [{"n": "1154423519", "w": "1262"}, {"n": "1154423611", "w": "1262"}]),
    ("word_alert", "Microsoft Word", 14463, None, "-[NSAlert runModal] may not be invoked inside of transaction "
     "begin/commit pair, or inside of transaction commit (usually this means it was invoked inside of a view's "
     "-drawRect: method.)", [{}]),
    ("sh_airdrop", "sharingd", 30299, None, "<@clock> : Starting AirDrop server for user <@uid> on wake",
     [{"clock": "08:12:40.771", "uid": "501"}, {"clock": "21:03:55.128", "uid": "501"}]),
    ("nd_bundle", "networkd", 195, None, "-[NETClientConnection effectiveBundleID] using process name <@proc> as "
     "bundle ID (this is expected for daemons without bundle ID", [{"proc": "apsd"}, {"proc": "apsd"},
                                                                   {"proc": "softwareupdated"}]),
    ("nd_nat64", "networkd", 195, None, "nw_nat64_post_new_ifstate successfully changed NAT64 ifstate from <@a> to "
     "<@b>", [{"a": "0x4", "b": "0x8000000000000000"}, {"a": "0x8000000000000000", "b": "0x4"}]),
    ("cfg_dnsonly", "configd", 53, None, "network changed: DNS<@dns> Proxy", [{"dns": "*"}]),
    ("qq_connectx", "QQ", 10018, None, "tcp_connection_destination_perform_socket_connect <@n> connectx to <@addr>@0 "
     "failed: [<@code>] <@msg>", [{"n": "45889", "addr": "121.40.17.77:80", "code": "50", "msg": "Network is down"},
                                  {"n": "45911", "addr": "121.40.17.77:80", "code": "50", "msg": "Network is down"}]),
    ("ld_signal", "com.apple.xpc.launchd", 1, "com.apple.bsd.dirhelper[<@spid>]", "Service exited due to signal: "
     "<@sig>: <@n> sent by <@by>", [{"spid": "31229", "sig": "Killed", "n": "9", "by": "launchd[1]"}]),
    ("ld_inactive", "com.apple.xpc.launchd", 1, "com.apple.WebKit.Networking.A546008E-07AF-4FFC-8FF8-D8FD260359D9"
     "[<@spid>]", "Service exited with abnormal code: <@code> (will not restart: inactive)", [{"spid": "90314",
                                                                                               "code": "1"}]),
    ("gsu_settings", "GoogleSoftwareUpdateAgent", None, None, "<@date> <@time> GoogleSoftwareUpdateAgent[<@pid>/<@thr>] "
     "[lvl=2] -[KSAgentApp setUpLoggerOutputForVerboseMode:] Force verbose logging: <@b>",
     [{"date": "2017-07-02", "time": "10:48:23.813", "pid": "31702", "thr": "0x7000002a0000", "b": "NO"}]),
    ("cal_http", "CalendarAgent", 279, None, "[com.apple.calendar.store.log.caldav.queue] [Account refresh failed with "
     "error: Error Domain=CoreDAVHTTPStatusErrorDomain Code=<@code> \"(null)\" UserInfo={AccountName=<@acct>, "
     "CalDAVErrFromRefresh=YES, CoreDAVHTTPHeaders=<CFBasicHash <@addr>>}]", [{"code": "502", "acct": "Work",
                                                                                 "addr": "0x7f85b2d1e4a0"}]),
]


class Mac(System):
    name = "Mac"
    log_format = r"<Month>  <Date> <Time> <User> <Component>\[<PID>\]( \(<Address>\))?: <Content>"
    start = datetime(2017, 7, 1, 9, 0, 50)
    mean_gap = 1200.0
    inner_gap = (0.0, 1.2)
    settings = {"regex": [r"([\w-]+\.){2,}[\w-]+"], "st": 0.7, "depth": 6}

    def define(self):
        r = self.r
        self.nets = [("visitor-10-42-%d-%d" % (r.randint(160, 170), r.randint(2, 250)), "UniVisitor", "en0")
                     for _ in range(5)] + [("kanMacBook-Pro", "HomeNet-5G", "en0")] * 3
        self.net = self.nets[0]
        self.arpt = 620700 + r.randint(0, 99)
        self.apps = {"QQ": 10018, "WeChat": 24144, "Safari": 9852, "Microsoft Word": 14463, "Mail": 11203,
                     "Google Chrome": 31230}
        self.bssids = ["%02x:%02x:%02x:%02x:%02x:%02x" % tuple(r.randint(0, 255) for _ in range(6)) for _ in range(9)]
        self.remote_ips = self.pool(self.pub_ip, 25, 1.0)
        self.cts_jobs = ["com.apple.suggestions.harvest", "com.apple.EscrowSecurityAlert.daily",
                         "com.apple.CacheDelete.daily", "com.apple.SoftwareUpdate.Activity",
                         "com.apple.metadata.mds.scan", "com.apple.photoanalysisd.backgroundanalysis",
                         "com.apple.corerecents.recentsd.db-cleanup", "com.apple.ReportCrash.Analytics"]
        self.launchd_svcs = ["com.apple.quicklook", "com.apple.mdworker.shared", "com.apple.imfoundation.IMRemoteURLConnectionAgent",
                             "com.apple.WebKit.Networking", "com.apple.preference.displays.MirrorDisplays",
                             "com.apple.ctkpcscd", "com.apple.xpc.launchd.domain.pid.WebContent"]
        e = self.ev
        K = "kernel"
        e("wake_reason", "Wake reason: <@reason>", comp=K)
        e("camin_wake", "AppleCamIn::systemWakeCall - messageType = <@msg>", comp=K)
        e("camin_gated", "AppleCamIn::handleWakeEvent_gated", comp=K)
        e("nhi_prewake", "AppleThunderboltNHIType2::prePCIWake - power up complete - took <@us> us", comp=K)
        e("tb_earlywake", "AppleThunderboltGenericHAL::earlyWake - complete - took <@ms> milliseconds", comp=K)
        e("tb_hpd", "IOThunderboltSwitch<<@sw>>(<@swaddr>)::listenerCallback - Thunderbolt HPD packet for route = "
          "<@route> port = <@port> unplug = <@unplug>", comp=K)
        e("syncpower", "ARPT: <@arpt>: AirPort_Brcm43xx::syncPowerState: WWEN[enabled]", comp=K)
        e("prev_sleep", "Previous sleep cause: <@cause>", comp=K)
        e("chan", "en0: channel changed to <@chan>", comp=K)
        e("bssid", "en0: BSSID changed to <@mac>", comp=K)
        e("link_up", "AirPort: Link Up on <@ifc>", comp=K)
        e("link_down", "AirPort: Link Down on <@ifc>. Reason <@n> (<@why>).", comp=K)
        e("country", "en0: 802.11d country code set to '<@cc>'.", comp=K)
        e("channels", "en0: Supported channels <@chans>", comp=K)
        e("btcoex", "Setting BTCoex Config: enable_2G:<@a>, profile_2g:<@b>, enable_5G:<@c>, profile_5G:<@d>", comp=K)
        e("hid_wake", "[HID] [ATC] AppleDeviceManagementHIDEventService::processWakeReason Wake reason: <@hw>",
          comp=K)
        e("pm_resp", "PM response took <@ms> ms (<@n>, <@proc>)", comp=K)
        e("sandbox", "Sandbox: <@proc>(<@pid>) deny(<@n>) <@op> <@target>", comp=K)
        e("mdns4", "ARPT: <@arpt>: wl0: MDNS: IPV4 Addr: <@ip>", comp=K)
        e("mdns6", "ARPT: <@arpt>: wl0: MDNS: IPV6 Addr: <@ip6>", comp=K)
        e("ka_remote", "ARPT: <@arpt>: wl0: setup_keepalive: Remote IP: <@ip>", comp=K)
        e("ka_local", "ARPT: <@arpt>: wl0: setup_keepalive: Local IP: <@ip>", comp=K)
        e("ka_seq", "ARPT: <@arpt>: wl0: setup_keepalive: Seq: <@seq>, Ack: <@ack>, Win size: <@win>", comp=K)
        e("ka_intv", "ARPT: <@arpt>: wl0: setup_keepalive: interval <@i>, retry_interval <@ri>, retry_count <@rc>",
          comp=K)
        e("tcpk_orig", "ARPT: <@arpt>: wl0: wl_update_tcpkeep_seq: Original Seq: <@seq>, Ack: <@ack>, Win size: <@win>",
          comp=K)
        e("tcpk_upd", "ARPT: <@arpt>: wl0: wl_update_tcpkeep_seq: Updated seq/ack/win from UserClient Seq <@seq>, "
          "Ack <@ack>, Win size <@win>", comp=K)
        e("wow", "ARPT: <@arpt>: AirPort_Brcm43xx::platformWoWEnable: WWEN[disable]", comp=K)
        e("leave", "ARPT: <@arpt>: wl0: leaveModulePoweredForOffloads: Wi-Fi will stay on.", comp=K)
        e("roam", "ARPT: <@arpt>: wl0: Roamed or switched channel, reason #<@n>, bssid <@mac>, last RSSI <@rssi>",
          comp=K)
        e("aqm_params", "ARPT: <@arpt>: AQM agg params <@h1> maxlen hi/lo <@h2> <@h3> minlen <@h4> adjlen <@h5>",
          comp=K)
        e("aqm_res", "ARPT: <@arpt>: AQM agg results <@h1> len hi/lo: <@h2> <@h3> BAbitmap(0-3) <@a> <@b> <@c> <@d>",
          comp=K)
        e("cts", "<@job>: scheduler_evaluate_activity told me to run this job; however, but the start time isn't "
          "for <@n> seconds.  Ignoring.", comp="com.apple.cts", pid=258)
        e("qq_fa", "FA||Url||taskID[<@task>] dealloc", comp="QQ")
        e("qq_db", "DB Error: <@code> \"no such table: tb_c2cMsg_<@n>\"", comp="QQ")
        e("sym_switch", "__73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke "
          "unexpected switch value <@n>", comp="symptomsd", pid=215)
        e("sym_hash", "-[NetworkAnalyticsEngine _writeJournalRecord:fromCellFingerprint:key:atLOI:ofKind:lqm:isFaulty:] "
          "Hashing of the primary key failed. Dropping the journal record.", comp="symptomsd", pid=215)
        e("cfg_net", "network changed: v4(<@ifc>:<@ip>) DNS<@dns> Proxy<@proxy> SMB<@smb>", comp="configd", pid=53)
        e("cfg_host", "setting hostname to \"<@fqdn>\"", comp="configd", pid=53)
        e("mdns_reg", "mDNS_RegisterInterface: Frequent transitions for interface <@ifc> (<@ip>)",
          comp="mDNSResponder", pid=91)
        e("mdns_dereg", "mDNS_DeregisterInterface: Frequent transitions for interface <@ifc> (<@ip>)",
          comp="mDNSResponder", pid=91)
        e("cap_inactive", "Captive: CNPluginHandler <@ifc>: Inactive", comp="UserEventAgent", pid=43)
        e("cap_eval", "Captive: CNPluginHandler <@ifc>: Evaluating", comp="UserEventAgent", pid=43)
        e("cap_auth", "Captive: CNPluginHandler <@ifc>: Authenticated", comp="UserEventAgent", pid=43)
        e("cap_primary", "Captive: [CNInfoNetworkActive:1748] <@ifc>: SSID '<@ssid>' making interface primary (cache "
          "indicates network not captive)", comp="UserEventAgent", pid=43)
        e("location", "Location icon should now be in state '<@state>'", comp="locationd", pid=82)
        e("cc_capture", "CCFile::captureLog Received Capture notice id: <@id>, reason = <@reason>", comp="corecaptured")
        e("cc_addreg", "CCIOReporterFormatter::addRegistryChildToChannelDictionary streams <@n>", comp="corecaptured")
        e("cc_copy", "CCFile::copyFile fileName is <@file>, source path:<@src> dest path:<@dst>", comp="corecaptured")
        e("ld_abnormal", "Service exited with abnormal code: <@code>", comp="com.apple.xpc.launchd", pid=1)
        e("ld_respawn", "Service only ran for <@n> seconds. Pushing respawn out by <@m> seconds.",
          comp="com.apple.xpc.launchd", pid=1)
        e("ld_endpoint", "Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or "
          "bootstrap_check_in(): <@svc>", comp="com.apple.xpc.launchd", pid=1)
        e("ws_shot", "device_generate_desktop_screenshot: authw <@p1>(<@n1>), shield <@p2>(<@n2>)",
          comp="WindowServer", pid=184)
        e("ws_lock", "device_generate_lock_screen_screenshot: authw <@p1>(<@n1>), shield <@p2>(<@n2>)",
          comp="WindowServer", pid=184)
        e("ws_ping", "send_datagram_available_ping: pid <@pid> failed to act on a ping it dequeued before timing out.",
          comp="WindowServer", pid=184)
        e("sh_scan", "<@clock> : Scanning mode Contacts Only", comp="sharingd", pid=30299)
        e("sh_btle", "<@clock> : BTLE scanner Powered <@state>", comp="sharingd", pid=30299)
        e("nd_ivan", "__42-[NETClientConnection evaluateCrazyIvan46]_block_invoke CI46 - Hit by torpedo! <@app> "
          "tc<@n> <@addr>", comp="networkd", pid=195)
        e("safari_tls", "tcp_connection_tls_session_error_callback_imp <@n> __tcp_connection_tls_session_callback_"
          "write_block_invoke.<@m> error <@err>", comp="Safari", pid=9852)
        e("secd_query", "securityd_xpc_dictionary_handler <@proc>[<@pid>] copy_matching Error "
          "Domain=NSOSStatusErrorDomain Code=<@code> \"query missing class name\" (paramErr: error in user parameter "
          "list) UserInfo={NSDescription=query missing class name}", comp="secd", pid=276)
        self.rare_specs = []
        for key, comp, pid, addr, text, occ in MAC_RARE:
            e(key, text, comp=comp, pid=pid)
            self.rare_specs.append((key, comp, pid, addr, occ))

    # -- helpers ---------------------------------------------------------------
    def A(self):
        """The Wi-Fi driver's own clock (seconds since its load), read when the line is written."""
        frac = self.r.random()
        return lambda t: "%d.%06d" % (self.arpt + (t - self.start).total_seconds(), int(frac * 999999))

    def K(self, **kw):
        return kw

    def ip4(self):
        host = self.net[0]
        if host.startswith("visitor-"):
            return host[len("visitor-"):].replace("-", ".")
        return "192.168.1.%d" % (10 + self.nets.index(self.net))

    def ip6(self):
        r = self.r
        return "fe80:0:0:0:%x:%x:%x:%x" % (r.randint(0, 0xffff), r.randint(0, 0xffff), r.randint(0, 0xffff),
                                           r.randint(0, 0xffff))

    # -- episodes --------------------------------------------------------------
    def e_wake(self):
        """A (dark) wake followed by going back to sleep: the bulk of the log."""
        r = self.r
        items = []
        reason = weighted(r, [("ARPT (Network)", 6), ("RTC (Alarm)", 4), ("EC.LidOpen (User)", 2),
                              ("EC.SleepTimer (SleepTimer)", 1), ("XHC1 (User)", 1)])
        items.append(("wake_reason", self.K(reason=reason)))
        items.append(("camin_wake", self.K(msg="0xE0000340", _gap=0.0)))
        items.append(("nhi_prewake", self.K(us=str(r.choice([2, 2, 2, 3, 4])), _gap=0.0)))
        if r.random() < 0.8:
            items.append(("tb_earlywake", self.K(ms=str(r.choice([0, 0, 0, 1])), _gap=0.0)))
        for _ in range(weighted(r, [(0, 2), (1, 4), (2, 2)])):
            items.append(("tb_hpd", self.K(sw="0", swaddr="0x0", route="0x0", port=r.choice(["11", "12", "7"]),
                                           unplug="0", _gap=0.0)))
        items.append(("syncpower", self.K(arpt=self.A(), _gap=0.0)))
        items.append(("camin_gated", self.K(_gap=0.0)))
        if r.random() < 0.5:
            items.append(("prev_sleep", self.K(cause="5", _gap=0.0)))
        if r.random() < 0.25:
            items.append(("hid_wake", self.K(hw="Host (0x01)", _gap=0.0)))
        if r.random() < 0.5:
            items.append(("chan", self.K(chan=r.choice(["1", "6", "11", "36", "44", "149"]), _gap=r.uniform(0.5, 2))))
        if r.random() < 0.35:
            items.append(("bssid", self.K(mac=r.choice(self.bssids))))
        if r.random() < 0.45:
            items.append(("link_up", self.K(ifc="en0")))
            if r.random() < 0.4:
                items.append(("country", self.K(cc=r.choice(["US", "US", "X0"]))))
                items.append(("channels", self.K(chans=r.choice([
                    "1 2 3 4 5 6 7 8 9 10 11 36 40 44 48 52 56 60 64 100 104 108 112 116 120 124 128 132 136 140 "
                    "144 149 153 157 161 165",
                    "1 2 3 4 5 6 7 8 9 10 11 12 13 36 40 44 48 52 56 60 64 100 104 108 112 116 120 124 128 132 "
                    "136 140", "1 2 3 4 5 6 7 8 9 10 11"]))))
            if r.random() < 0.3:
                items.append(("btcoex", self.K(a="1", b="0", c="1", d="0")))
        if r.random() < 0.2:
            items.append(("roam", self.K(arpt=self.A(), n="8", mac=r.choice(self.bssids),
                                         rssi=str(-r.randint(50, 85)))))
        if r.random() < 0.12:
            items.append(("aqm_params", self.K(arpt=self.A(), h1="0xfc0", h2="0x0", h3="0xffff", h4="0x0", h5="0x0")))
            items.append(("aqm_res", self.K(arpt=self.A(), h1="0x8001", h2="0x0", h3="0x%x" % r.randint(1, 80),
                                            a="0", b="0", c="0", d="0", _gap=0.0)))
        # back to sleep
        g = r.uniform(5, 60)
        if r.random() < 0.7:
            items.append(("mdns4", self.K(arpt=self.A(), ip=self.ip4(), _gap=g)))
            g = 0.0
            items.append(("mdns6", self.K(arpt=self.A(), ip6=self.ip6(), _gap=0.0)))
        if r.random() < 0.6:
            rip = self.remote_ips()
            items.append(("ka_remote", self.K(arpt=self.A(), ip=rip, _gap=g)))
            g = 0.0
            if r.random() < 0.4:
                items.append(("ka_local", self.K(arpt=self.A(), ip=self.ip4(), _gap=0.0)))
            if r.random() < 0.3:
                items.append(("ka_seq", self.K(arpt=self.A(), seq=str(r.randint(10 ** 8, 4 * 10 ** 9)),
                                               ack=str(r.randint(10 ** 8, 4 * 10 ** 9)), win=str(r.choice([4096, 2048])),
                                               _gap=0.0)))
            if r.random() < 0.3:
                items.append(("ka_intv", self.K(arpt=self.A(), i="900", ri="30", rc="10", _gap=0.0)))
            seq, ack = r.randint(10 ** 8, 4 * 10 ** 9), r.randint(10 ** 8, 4 * 10 ** 9)
            win = str(r.choice([4096, 4096, 2048, 131744]))
            items.append(("tcpk_orig", self.K(arpt=self.A(), seq=str(seq), ack=str(ack), win=win, _gap=0.0)))
            items.append(("tcpk_upd", self.K(arpt=self.A(), seq=str(seq + r.randint(0, 300)),
                                             ack=str(ack + r.randint(0, 300)), win=win, _gap=0.0)))
        items.append(("wow", self.K(arpt=self.A(), _gap=g)))
        if r.random() < 0.35:
            items.append(("leave", self.K(arpt=self.A(), _gap=0.0)))
        if r.random() < 0.55:
            items.append(("link_down", self.K(ifc="awdl0", n="1", why="Unspecified", _gap=0.0)))
        if r.random() < 0.15:
            items.append(("link_down", self.K(ifc="en0", n="8", why="Disassociated because station leaving",
                                              _gap=0.0)))
        if r.random() < 0.2:
            items.append(("pm_resp", self.K(ms=str(r.randint(1800, 3600)), n=str(r.choice([54, 54, 184])),
                                            proc=r.choice(["powerd", "powerd", "WindowServer"]), _gap=0.0)))
        if r.random() < 0.5:
            items.append(("camin_wake", self.K(msg="0xE0000280", _gap=r.uniform(0, 2))))
        return items

    def e_network(self):
        """Joining a network after a full wake."""
        r = self.r
        if r.random() < 0.3:
            self.net = r.choice(self.nets)
        host, ssid, ifc = self.net
        ip = self.ip4()
        items = [("link_up", self.K(ifc=ifc))]
        items.append(("cap_eval", self.K(ifc=ifc, _gap=r.uniform(0.5, 2))))
        items.append(("cfg_net", self.K(ifc=ifc + r.choice(["", "-", "!"]), ip=ip, dns=r.choice(["+", "*", "-"]),
                                        proxy=r.choice(["", "+", "-"]), smb=r.choice(["", "-"]))))
        if r.random() < 0.4:
            items.append(("cfg_host", self.K(fqdn=(host + ".uni-visitor.example.edu") if host.startswith("visitor")
                                             else host + ".local")))
        if r.random() < 0.6:
            items.append(("cap_primary", self.K(ifc=ifc, ssid=ssid)))
        if r.random() < 0.5:
            items.append(("cap_auth", self.K(ifc=ifc)))
        if r.random() < 0.4:
            items.append(("mdns_reg", self.K(ifc=ifc, ip=ip)))
        if r.random() < 0.3:
            items.append(("mdns_dereg", self.K(ifc="awdl0", ip=self.ip6().upper().replace("FE80:0:0:0", "FE80:0000:0000:0000"))))
        if r.random() < 0.5:
            items.append(("location", self.K(state=r.choice(["Active", "Inactive"]))))
        if r.random() < 0.5:
            items.append(("sym_switch", self.K(n=r.choice(["2", "2", "4"]))))
        if r.random() < 0.3:
            items.append(("cap_inactive", self.K(ifc="awdl0")))
        return items

    def e_cts(self):
        r = self.r
        items = [("cts", self.K(job=r.choice(self.cts_jobs), n=str(r.randint(60, 600000))))
                 for _ in range(weighted(r, [(1, 4), (2, 2), (3, 1)]))]
        for _, v in items[1:]:
            v["_gap"] = 0.0
        return items

    def e_qq(self):
        r = self.r
        items = []
        for _ in range(weighted(r, [(1, 3), (2, 3), (4, 1)])):
            if r.random() < 0.55:
                items.append(("qq_fa", self.K(task=str(r.randint(1900000000, 2100000000)), _app="QQ")))
            else:
                items.append(("qq_db", self.K(code="1", n=r.choice(["2909288299", "1143094126", "3301457820"]),
                                              _app="QQ")))
        return items

    def e_corecapture(self):
        r = self.r
        cid = "%d.%06d" % (1498880471 + r.randint(0, 600000), r.randint(0, 999999))
        reason = r.choice(["AuthFail:sts:5_rsn:0", "AuthFail:sts:2_rsn:0", "AssocFail:sts:17_rsn:0",
                           "RoamFail:sts:1_rsn:1"])
        pid = r.randint(30000, 45000)
        items = [("cc_capture", self.K(id=cid, reason=reason, _pid=pid))]
        for _ in range(r.randint(0, 2)):
            items.append(("cc_addreg", self.K(n=str(r.choice([7, 7, 3, 1])), _pid=pid, _gap=0.0)))
        if r.random() < 0.5:
            f = "com.apple.driver.AirPort.Brcm4360.0.xml"
            stamp = "[2017-07-0%d_%02d,%02d,%02d.%06d]" % (r.randint(1, 7), r.randint(0, 23), r.randint(0, 59),
                                                          r.randint(0, 59), r.randint(0, 999999))
            items.append(("cc_copy", self.K(
                file=f, src="/var/log/CoreCapture/com.apple.driver.AirPort.Brcm4360/0//DriverLogs//" + f,
                dst="/Library/Logs/CrashReporter/CoreCapture/com.apple.driver.AirPort.Brcm4360/0/%s=%s/DriverLogs//%s"
                % (stamp, reason, f), _pid=pid, _gap=0.0)))
        return items

    def e_launchd(self):
        r = self.r
        svc = r.choice(self.launchd_svcs)
        spid = r.randint(1000, 90000)
        k = weighted(r, [("abn", 3), ("respawn", 2), ("endpoint", 3)])
        if k == "abn":
            return [("ld_abnormal", self.K(code=r.choice(["1", "1", "2"]), _addr="%s[%d]" % (svc, spid)))]
        if k == "respawn":
            return [("ld_respawn", self.K(n="0", m="10", _addr=svc))]
        return [("ld_endpoint", self.K(svc=svc, _addr="%s[%d]" % (svc, spid)))]

    def e_windowserver(self):
        r = self.r
        k = weighted(r, [("shot", 3), ("ping", 2)])
        if k == "shot":
            p1, p2 = "0x7fa8%08x" % r.randint(0, 0xffffffff), "0x7fa8%08x" % r.randint(0, 0xffffffff)
            n = r.randint(1000, 3000)
            return [("ws_shot", self.K(p1=p1, n1=str(n), p2=p2, n2=str(n + 1))),
                    ("ws_lock", self.K(p1=p1, n1=str(n), p2=p2, n2=str(n + 1), _gap=0.0))]
        return [("ws_ping", self.K(pid=str(r.choice(list(self.apps.values())))))]

    def e_misc(self):
        r = self.r
        k = weighted(r, [("sym_hash", 3), ("sharing", 3), ("ivan", 4), ("tls", 3), ("secd", 2), ("sandbox", 2)])
        if k == "sym_hash":
            return [("sym_hash", self.K())]
        if k == "sharing":
            c = "%02d:%02d:%02d.%03d" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999))
            if r.random() < 0.5:
                return [("sh_scan", self.K(clock=c))]
            return [("sh_btle", self.K(clock=c, state=r.choice(["On", "Off"])))]
        if k == "ivan":
            app = r.choice(["QQ.10018", "WeChat.24144", "Safari.9852", "Mail.11203"])
            return [("nd_ivan", self.K(app=app, n=str(r.randint(100, 90000)),
                                       addr="%s:%d" % (self.remote_ips(), r.choice([443, 80, 14000, 8080]))))]
        if k == "tls":
            return [("safari_tls", self.K(n=str(r.randint(1000, 9000)), m="434", err="22"))
                    for _ in range(r.choice([1, 1, 2, 3]))]
        if k == "secd":
            return [("secd_query", self.K(proc=r.choice(["cloudd", "Safari", "ckkszoned"]), pid=str(r.randint(200, 9000)),
                                          code="-50"))]
        proc, pid = r.choice(list(self.apps.items()))
        return [("sandbox", self.K(proc=proc.split()[0], pid=str(pid), n="1", op=r.choice(
            ["mach-lookup", "network-outbound", "file-read-data"]), target=r.choice(
            ["com.apple.networking.captivenetworksupport", "/private/var/run/mDNSResponder",
             "/Library/Preferences/com.apple.security.plist"])))]

    def rare(self, key, comp, pid, addr, vals):
        def fn():
            v = dict(vals)
            if pid is None:
                v["_pid"] = self.r.randint(300, 99000)
            else:
                v["_pid"] = pid
            if addr is not None:
                v["_addr"] = SLOT_FILL(addr, v)
            return [(key, v)]
        return fn

    def stamp(self, fn):
        """The host name is the one of the network the laptop is on when the episode is built."""
        def wrapped():
            items = fn()
            for _, v in items:
                v["_host"] = self.net[0]
            return items
        return wrapped

    def fixed_episodes(self):
        out = []
        for key, comp, pid, addr, occ in self.rare_specs:
            for vals in occ:
                out.append((1, self.stamp(self.rare(key, comp, pid, addr, vals))))
        return out

    def weighted_episodes(self):
        return [(w, self.stamp(fn)) for w, fn in [
            (18, self.e_wake), (10, self.e_network), (12, self.e_cts), (12, self.e_qq), (5, self.e_corecapture),
            (8, self.e_launchd), (6, self.e_windowserver), (18, self.e_misc)]]

    def render(self, t, ev, vals, content):
        comp = ev.hdr["comp"]
        if "_app" in vals:
            pid = self.apps[vals["_app"]]
        elif "_pid" in vals:
            pid = vals["_pid"]
        elif ev.hdr.get("pid") is not None:
            pid = ev.hdr["pid"]
        elif comp == "kernel":
            pid = 0
        else:
            pid = self.apps.get(comp, 0) or 0
        addr = vals.get("_addr")
        head = "%s %2d %s %s %s[%d]" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), vals["_host"], comp, int(pid))
        if addr:
            head += " (%s)" % addr
        return head + ": " + content


def SLOT_FILL(text, vals):
    return loghub_corpus.SLOT_RE.sub(lambda m: str(vals[m.group(1)]), text)


# ---------------------------------------------------------------------------
# 5. HealthApp (an Android health app's step counter and its health-data service)
# ---------------------------------------------------------------------------

class HealthApp(System):
    name = "HealthApp"
    log_format = r"<Time>\|<Component>\|<Pid>\|<Content>"
    start = datetime(2017, 12, 23, 22, 15, 29, 600000)
    mean_gap = 55.0
    inner_gap = (0.0, 0.03)
    settings = {"regex": [], "st": 0.2, "depth": 4}

    STEP_PID = 30004412
    HIH_PID = 60004417

    def define(self):
        r = self.r
        self.day0 = 1514044800000 - 8 * 3600 * 1000       # local midnight of the first day, in ms
        self.steps = r.randint(6500, 7200)
        self.stand = r.randint(3400, 3700)
        self.extra = [r.randint(500000, 560000), r.randint(8000, 9000)]
        e = self.ev
        e("stand", "onStandStepChanged <@n>", comp="Step_LSC")
        e("extend", "onExtend:<@ts> <@a> <@b> <@c>", comp="Step_LSC")
        e("report", "REPORT : <@a> <@b> <@c> <@d>", comp="Step_LSC")
        e("settotal", "setTodayTotalDetailSteps=<@detail>", comp="Step_SPUtils")
        e("gettotal", "getTodayTotalDetailSteps = <@detail>", comp="Step_SPUtils")
        e("cal", "calculateCaloriesWithCache totalCalories=<@n>", comp="Step_ExtSDM")
        e("alt", "calculateAltitudeWithCache totalAltitude=<@n>", comp="Step_ExtSDM")
        e("recv", "onReceive action: <@action>", comp="Step_StandReportReceiver")
        e("proc", "processHandleBroadcastAction action:<@action>", comp="Step_LSC")
        e("flush", "flush sensor data", comp="Step_StandStepCounter")
        e("screen", "screen status unknown,think screen on", comp="Step_ScreenUtil")
        e("notify", "getNotificationHelper() steps = <@n>", comp="Step_HGNH")
        e("new_day", "new day,clear today data,last date = <@d1>, today = <@d2>", comp="Step_LSC")
        e("sensor_reg", "registerSensorListener success", comp="Step_StandStepCounter")
        e("upload", "uploadStaticsToDB() onResult type = <@n> obj=<@b>", comp="HiH_DataStatManager")
        e("insert_bulk", "insertHiHealthData() bulk dataList size = <@n>", comp="HiH_HiHealthBinder")
        e("save_detail", "saveHealthDetailData() deviceID = <@dev> dataNum = <@n>", comp="HiH_HiHealthDataInsertStore")
        e("save_stat", "saveStatDataForAllUser() statType = <@t> size = <@n>", comp="HiH_HiHealthDataInsertStore")
        e("data_priv", "initDataPrivacy the dataPrivacy is <@b>", comp="HiH_HiHealthDataInsertStore")
        e("user_priv", "initUserPrivacy the userPrivacy is <@b>", comp="HiH_HiHealthDataInsertStore")
        e("app_id", "getAppID() packageName = <@pkg>, appID = <@n>", comp="HiH_HiAppUtil")
        e("sync_start", "startSync() syncType = <@t>, syncAction = <@a>", comp="HiH_HiSyncControl")
        e("sync_over", "syncOver() syncType = <@t>, result = <@res>", comp="HiH_HiSyncControl")
        e("sync_fail_bc", "sendSyncFailedBroadcast() errorCode = <@code>", comp="HiH_HiBroadcastUtil")
        e("data_change_bc", "sendDataChangeBroadcast() type = <@t>", comp="HiH_HiBroadcastUtil")
        e("listener", "registerDataAutoReport() isSuccess:<@b>", comp="HiH_HiHealthBinder")
        e("autoreport", "onResult autoReport type = <@t> steps = <@n>", comp="HiH_ListenerManager")

    # -- helpers ---------------------------------------------------------------
    def S(self, **kw):
        kw["_pid"] = self.STEP_PID
        return kw

    def H(self, **kw):
        kw["_pid"] = self.HIH_PID
        return kw

    def detail(self):
        cal = int(self.steps * 1.77 + 4000)
        return "%d##%d##%d##%d##%d##%d" % (self.day0, self.steps, self.extra[0], self.extra[1], cal,
                                           cal * 2217 + self.steps)

    def minute_ms(self, t):
        return int((calendar.timegm(t.timetuple()) - 8 * 3600) // 60 * 60000)

    # -- episodes --------------------------------------------------------------
    def e_tick(self):
        r = self.r
        items = []
        inc = r.randint(1, 30)
        self.steps += inc
        if r.random() < 0.55:
            self.stand += r.randint(0, 4)
            items.append(("stand", self.S(n=str(self.stand))))
        items.append(("extend", self.S(ts=self.minute_ms, a=str(inc % 17), b="0", c=str(r.choice([2, 4, 4, 6])))))
        items.append(("settotal", self.S(detail=self.detail())))
        cal = int(self.steps * 17.9 + 25000)
        items.append(("cal", self.S(n=str(cal))))
        alt = 240 + self.steps // 900
        items.append(("alt", self.S(n=str(alt))))
        if r.random() < 0.7:
            items.append(("report", self.S(a=str(self.steps), b=str(self.steps - r.randint(1900, 2100)),
                                           c=str(cal + 23000), d=str(alt))))
        if r.random() < 0.08:
            items.append(("notify", self.S(n=str(self.steps))))
        return items

    def e_screen(self):
        r = self.r
        action = weighted(r, [("android.intent.action.SCREEN_ON", 5), ("android.intent.action.SCREEN_OFF", 4),
                              ("android.intent.action.USER_PRESENT", 2)])
        items = [("recv", self.S(action=action)), ("proc", self.S(action=action))]
        if action != "android.intent.action.USER_PRESENT":
            items.append(("flush", self.S()))
            items.append(("gettotal", self.S(detail=self.detail())))
        if action.endswith("SCREEN_ON") and r.random() < 0.4:
            items.append(("screen", self.S()))
        return items

    def e_timetick(self):
        r = self.r
        action = weighted(r, [("android.intent.action.TIME_TICK", 8), ("android.intent.action.TIME_SET", 1),
                              ("android.intent.action.BATTERY_OKAY", 1), ("android.intent.action.ACTION_POWER_CONNECTED", 1)])
        return [("recv", self.S(action=action)), ("proc", self.S(action=action))]

    def e_hih(self):
        r = self.r
        k = weighted(r, [("insert", 5), ("sync", 3), ("upload", 3), ("auto", 2)])
        if k == "insert":
            n = r.randint(1, 6)
            items = [("insert_bulk", self.H(n=str(n))),
                     ("save_detail", self.H(dev=str(r.choice([1, 1, 2])), n=str(n)))]
            if r.random() < 0.5:
                items.append(("save_stat", self.H(t=str(r.choice([40002, 40003, 40004])), n=str(r.randint(1, 3)))))
            items.append(("data_change_bc", self.H(t=str(r.choice([1, 2, 4])))))
            return items
        if k == "sync":
            t = str(r.choice([1, 2, 3]))
            items = [("app_id", self.H(pkg="com.example.health", n="1")),
                     ("sync_start", self.H(t=t, a=str(r.choice([1, 2]))))]
            if r.random() < 0.75:
                items.append(("sync_over", self.H(t=t, res="0", _gap=r.uniform(0.5, 5))))
            else:
                items.append(("sync_over", self.H(t=t, res=str(r.choice([-1, 5, 1001])), _gap=r.uniform(0.5, 5))))
                items.append(("sync_fail_bc", self.H(code=str(r.choice([1001, 1003, 7])))))
            return items
        if k == "upload":
            return [("upload", self.H(n=str(r.choice([3, 3, 5, 9])), b=r.choice(["true", "true", "false"])))]
        return [("listener", self.H(b="true")), ("autoreport", self.H(t="1", n=str(self.steps)))]

    def init_service(self):
        return [("data_priv", self.H(b="true")), ("user_priv", self.H(b="true")), ("sensor_reg", self.S()),
                ("listener", self.H(b="true"))]

    def new_day(self):
        def d1(t):
            return (t - timedelta(days=1)).strftime("%Y%m%d")

        def d2(t):
            return t.strftime("%Y%m%d")
        self.steps = 0
        self.stand = 0
        self.day0 += 86400000
        return [("new_day", self.S(d1=d1, d2=d2, _next=lambda t: max(t, datetime(2017, 12, 24, 0, 0, 0, 210000))))]

    def fixed_episodes(self):
        return [(1, self.init_service, 0.3), (1, self.init_service, 0.8), (1, self.new_day, 0.12)]

    def weighted_episodes(self):
        return [(55, self.e_tick), (12, self.e_screen), (10, self.e_timetick), (10, self.e_hih)]

    def render(self, t, ev, vals, content):
        return "%s:%03d|%s|%d|%s" % (t.strftime("%Y%m%d-%H:%M:%S"), t.microsecond // 1000, ev.hdr["comp"],
                                     vals["_pid"], content)


# ---------------------------------------------------------------------------
# 6. Proxifier (a Windows desktop's proxy client: one line per opened and per closed connection)
# ---------------------------------------------------------------------------

PROXY_PROGRAMS = [
    ("chrome.exe", 40, "HTTPS"), ("firefox.exe", 6, "HTTPS"), ("Dropbox.exe", 8, "HTTPS"),
    ("GoogleUpdate.exe", 3, "HTTPS"), ("QQProtect.exe", 3, "SOCKS5"), ("QQ.exe", 5, "SOCKS5"),
    ("WeChat.exe", 4, "HTTPS"), ("Skype.exe", 4, "HTTPS"), ("svchost.exe *64", 4, "HTTPS"),
    ("thunderbird.exe", 3, "HTTPS"), ("putty.exe", 2, "SOCKS5"), ("YodaoDict.exe", 2, "HTTPS"),
    ("OneDrive.exe", 2, "HTTPS"), ("git-remote-https.exe", 1, "HTTPS"), ("Teams.exe", 2, "HTTPS"),
]

PROXY_HOSTS = {
    "chrome.exe": ["www.searchly-example.com", "clients4.webmail-sample.com", "fonts.cdnsample.net",
                   "ssl.analytics-sample.com", "apis.searchly-example.com", "stats.adfake-net.com",
                   "www.videoflix-sample.com", "i.ytimg-sample.com", "r3---sn-example.vidcdn-test.com",
                   "news.readbox-example.org", "cdn.jsdelivr-sample.net", "mail.unimail-example.edu"],
    "firefox.exe": ["detectportal.firefox-sample.org", "www.wiki-sample.org", "snippets.cdnsample.net"],
    "Dropbox.exe": ["client.dropbox-sample.com", "d.dropbox-sample.com", "bolt.dropbox-sample.com",
                    "block.dropbox-sample.com", "notify.dropbox-sample.com"],
    "GoogleUpdate.exe": ["update.searchly-example.com", "tools.searchly-example.com"],
    "QQProtect.exe": ["qdun-data.qqsample.com", "tj.qqsample.com"],
    "QQ.exe": ["pingma.qqsample.com", "cgi.qqsample.com", "sdkconfig.qqsample.com"],
    "WeChat.exe": ["short.chatsample.com", "long.chatsample.com", "extshort.chatsample.com"],
    "Skype.exe": ["api.skype-sample.com", "client-s.gateway.messenger.live-sample.com", "pipe.skype-sample.com"],
    "svchost.exe *64": ["ctldl.windowsupdate-sample.com", "settings-win.data.msft-sample.com"],
    "thunderbird.exe": ["imap.unimail-example.edu", "smtp.unimail-example.edu"],
    "putty.exe": ["gw.lab-sample.edu", "login.hpc-sample.edu"],
    "YodaoDict.exe": ["dict.yd-sample.com", "oimagec2.yd-sample.com"],
    "OneDrive.exe": ["skyapi.live-sample.net", "storage.live-sample.com"],
    "git-remote-https.exe": ["github-sample.com", "codeload.github-sample.com"],
    "Teams.exe": ["teams.msft-sample.com", "presence.teams.msft-sample.com"],
}


class Proxifier(System):
    name = "Proxifier"
    log_format = r"\[<Time>\] <Program> - <Content>"
    start = datetime(2016, 10, 30, 16, 49, 4)
    mean_gap = 3.5
    inner_gap = (0.0, 0.5)
    settings = {"regex": [r"<\d+\ssec", r"([\w-]+\.)+[\w-]+(:\d+)?", r"\d{2}:\d{2}(:\d{2})*", r"[KGTM]B"],
                "st": 0.6, "depth": 3}

    def define(self):
        r = self.r
        self.proxy = "proxy.cs.uni-sample.edu:5070"
        self.ips = ["%s:%d" % (self.pub_ip(), p) for p in (443, 443, 80, 8080, 443, 5228)]
        e = self.ev
        e("open_https", "<@target> open through proxy <@proxy> HTTPS")
        e("open_socks", "<@target> open through proxy <@proxy> SOCKS5")
        e("close_bb", "<@target> close, <@s> bytes sent, <@rb> bytes received, lifetime <@life>")
        e("close_bk", "<@target> close, <@s> bytes sent, <@rb> bytes (<@rk> KB) received, lifetime <@life>")
        e("close_kk", "<@target> close, <@s> bytes (<@sk> KB) sent, <@rb> bytes (<@rk> KB) received, lifetime <@life>")
        e("close_bm", "<@target> close, <@s> bytes sent, <@rb> bytes (<@rm> MB) received, lifetime <@life>")
        e("close_km", "<@target> close, <@s> bytes (<@sk> KB) sent, <@rb> bytes (<@rm> MB) received, lifetime <@life>")
        e("close_kb", "<@target> close, <@s> bytes (<@sk> KB) sent, <@rb> bytes received, lifetime <@life>")
        e("close_mm", "<@target> close, <@s> bytes (<@sm> MB) sent, <@rb> bytes (<@rm> MB) received, lifetime <@life>")
        e("err_status", "<@target> error : Could not connect through proxy <@proxy> - Proxy server cannot establish a "
          "connection with the target, status code <@code>")
        e("err_cancel", "<@target> error : A connection request was canceled before the completion.")
        e("err_proxy", "<@target> error : Could not connect to proxy <@proxy> - connection attempt failed with error "
          "<@code>")

    def target(self, prog):
        r = self.r
        if r.random() < 0.08:
            return r.choice(self.ips)
        port = "443" if r.random() < 0.85 else r.choice(["80", "5228", "993", "22", "8080"])
        if prog == "putty.exe":
            port = "22"
        if prog == "thunderbird.exe":
            port = r.choice(["993", "465"])
        return "%s:%s" % (r.choice(PROXY_HOSTS[prog]), port)

    def size(self, kind):
        r = self.r
        if kind == "b":
            return r.choice([0, 0, r.randint(1, 1023)])
        if kind == "k":
            return int(1024 * 10 ** r.uniform(0, 3))
        return int(1048576 * 10 ** r.uniform(0, 1.7))

    @staticmethod
    def fmt(n, unit):
        return "%.2f" % (n / (1024.0 if unit == "k" else 1048576.0))

    def lifetime(self):
        r = self.r
        s = weighted(r, [(0, 5), (r.randint(1, 59), 6), (r.randint(60, 3599), 4), (r.randint(3600, 20000), 1)])
        if s == 0:
            return "<1 sec"
        if s < 3600:
            return "%02d:%02d" % (s // 60, s % 60)
        return "%02d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)

    def e_conn(self):
        r = self.r
        prog, _, kind = r.choices(PROXY_PROGRAMS, [p[1] for p in PROXY_PROGRAMS])[0]
        tgt = self.target(prog)
        V = {"target": tgt, "proxy": self.proxy, "_prog": prog}
        k = weighted(r, [("ok", 96), ("status", 2), ("cancel", 1.5), ("proxy", 0.5)])
        if k == "status":
            return [("err_status", dict(V, code=r.choice(["403", "502", "503"])))]
        if k == "cancel":
            return [("open_https" if kind == "HTTPS" else "open_socks", dict(V)), ("err_cancel", dict(V))]
        if k == "proxy":
            return [("err_proxy", dict(V, code="10061"))]
        items = [("open_https" if kind == "HTTPS" else "open_socks", dict(V))]
        sk, rk = weighted(r, [(("b", "b"), 34), (("b", "k"), 26), (("k", "k"), 25), (("b", "m"), 5), (("k", "m"), 7),
                              (("k", "b"), 2), (("m", "m"), 1)])
        s, rb = self.size(sk), self.size(rk)
        c = dict(V, s=str(s), rb=str(rb), life=self.lifetime())
        if sk == "k":
            c["sk"] = self.fmt(s, "k")
        if sk == "m":
            c["sm"] = self.fmt(s, "m")
        if rk == "k":
            c["rk"] = self.fmt(rb, "k")
        if rk == "m":
            c["rm"] = self.fmt(rb, "m")
        key = "close_" + sk + rk
        if r.random() < 0.04:
            c["life"] = "<1 sec"
            items.append((key, c))
        else:
            self.later(weighted(r, [(0, 3), (r.randint(1, 6), 5), (r.randint(7, 40), 2)]), [(key, c)])
        return items

    def weighted_episodes(self):
        return [(1, self.e_conn)]

    def render(self, t, ev, vals, content):
        return "[%s] %s - %s" % (t.strftime("%m.%d %H:%M:%S"), vals["_prog"], content)


SYSTEMS = [HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird]


def summary(s, used):
    return "%-12s %d lines, %d templates" % (s.name, s.n_lines, len(s.events))


if __name__ == "__main__":
    sys.exit(loghub_corpus.main(sys.argv, SYSTEMS, summary))
