#!/usr/bin/env python3
"""Blind synthetic Loghub-2k corpus "loghub-blind4": six systems an SRE meets (OpenVPN, Dovecot,
BIND named, Squid cache.log, etcd 3.4, CoreDNS), 2,000 labelled lines each.

Written blind (see README.md): from the author's knowledge of what these programs log, on top of
the shared machinery in ../loghub_corpus.py.  Python 3 standard library only; deterministic.

    python3 tests/data/loghub-blind4/generate.py OUT_DIR
"""

import os
import sys
from datetime import datetime

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from loghub_corpus import System, hexs, main, weighted  # noqa: E402

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
DOC_NETS = ("192.0.2", "198.51.100", "203.0.113")


def syslog_time(t):
    """BSD syslog stamp: day of month padded with a blank ("Mar  4 06:12:09")."""
    return "%s %2d %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"))


def go_dur(r, lo, hi):
    """A Go time.Duration as etcd prints it: 123.456789ms or 1.234567891s."""
    ms = r.uniform(lo, hi)
    if ms >= 1000:
        return ("%.9f" % (ms / 1000.0)).rstrip("0").rstrip(".") + "s"
    return ("%.6f" % ms).rstrip("0").rstrip(".") + "ms"


def L(key, **vals):
    return (key, vals)


class Blind4(System):
    seed = "loghub-blind4/v1"
    fixed_margin = 20
    inner_gap = (0.0, 1.0)
    pool_tries = 20
    collapse_spaces = True      # corrected Loghub templates write runs of blanks as one
    pub_ip_reserved = ()

    def doc_ip(self):
        return "%s.%d" % (self.r.choice(DOC_NETS), self.r.randint(1, 254))

    def doc_ip6(self):
        return "2001:db8:%x::%x" % (self.r.randint(1, 0xfff), self.r.randint(1, 0xff))

    def eport(self):
        return self.r.randint(1025, 65535)

    def b64(self, n):
        return "".join(self.r.choice(B64) for _ in range(n))

    def domain(self):
        r = self.r
        words = ["alpha", "mail", "cdn", "api", "static", "img", "shop", "news", "portal", "login",
                 "media", "edge", "files", "sync", "update", "track", "ads", "metrics", "docs",
                 "vpn", "git", "wiki", "chat", "pay", "video", "cloud", "data", "app", "www", "ns"]
        tlds = ["example", "example.com", "example.net", "example.org", "test"]
        name = "%s%s" % (r.choice(words), r.choice(["", "", str(r.randint(1, 99)), "-" + r.choice(words)]))
        sub = r.choice(["", "", "www.", r.choice(words) + "."])
        return "%s%s.%s" % (sub, name, r.choice(tlds))


# ---------------------------------------------------------------------------------------------
# OpenVPN 2.5/2.6 server, --log file (ISO timestamps, no syslog), UDP, tls-auth, username/password
# verified by a script on top of client certificates.
# ---------------------------------------------------------------------------------------------
VPN_USERS = ["mkowalski", "anna.berg", "jdoe", "li.wei", "rpatel", "sofia.m", "tnguyen", "ohara",
             "k.schmidt", "dlopez", "emma.j", "fbianchi", "gsato", "hkim", "i.petrov", "jmartin",
             "laptop-ops-07", "nvasquez", "pchen", "qa-runner", "rsingh", "s.dubois", "ukhan",
             "vrossi", "wmueller", "x.ito", "ysilva", "zali", "branch-gw-03", "build-agent-2"]
VPN_CA = "Example Corp VPN CA"


class OpenVPN(Blind4):
    name = "OpenVPN"
    log_format = "<Date> <Time> <Content>"
    start = datetime(2024, 3, 4, 5, 58, 41)
    mean_gap = 32.0
    settings = {"regex": [r"([\w.-]+/)?(\d+\.){3}\d+(:\d+)?", r"\b[0-9a-f]{8}\b", r"#\d+"],
                "st": 0.5, "depth": 4}

    def define(self):
        ev = self.ev
        P = "<@ip>:<@port> "
        U = "<@cn>/<@ip>:<@port> "
        ev("mci", "MULTI: multi_create_instance called")
        ev("init", P + "TLS: Initial packet from [AF_INET]<@ip>:<@port>, sid=<@sid1> <@sid2>")
        ev("vok", P + "VERIFY OK: depth=<@depth>, CN=<@subj>")
        ev("verr_exp", P + "VERIFY ERROR: depth=<@depth>, error=certificate has expired: CN=<@cn>, serial=<@serial>")
        ev("verr_rev", P + "VERIFY ERROR: depth=<@depth>, error=certificate revoked: CN=<@cn>, serial=<@serial>")
        ev("ossl_verify", P + "OpenSSL: error:<@code>:SSL routines::certificate verify failed")
        ev("bio", P + "TLS_ERROR: BIO read tls_read_plaintext error")
        ev("tls_obj", P + "TLS Error: TLS object -> incoming plaintext read error")
        ev("hs_fail", P + "TLS Error: TLS handshake failed")
        ev("keyneg", P + "TLS Error: TLS key negotiation failed to occur within <@secs> seconds (check your network connectivity)")
        ev("sig_tls", P + "SIGUSR1[soft,tls-error] received, client-instance restarting")
        ev("userpass_ok", P + "TLS: Username/Password authentication succeeded for username '<@cn>'")
        ev("script_fail", P + "WARNING: Failed running command (--auth-user-pass-verify): external program exited with error status: <@status>")
        ev("auth_err", P + "TLS Auth Error: Auth Username/Password verification failed for peer")
        ev("ctl13", P + "Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate: <@bits> bit RSA, signature: RSA-SHA256")
        ev("ctl12", P + "Control Channel: TLSv1.2, cipher TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384, peer certificate: <@bits> bit RSA, signature: RSA-SHA256")
        ev("mtu_warn", P + "WARNING: 'link-mtu' is used inconsistently, local='link-mtu <@lmtu>', remote='link-mtu <@rmtu>'")
        ev("lzo_warn", P + "WARNING: 'comp-lzo' is present in remote config but missing in local config, remote='comp-lzo'")
        ev("peer_init", P + "[<@cn>] Peer Connection Initiated with [AF_INET]<@ip>:<@port>")
        ev("dup_cn", P + "MULTI: new connection by client '<@cn>' will cause previous active sessions by this client to be dropped.  Remember to use the --duplicate-cn option if you want multiple clients using the same certificate or username to concurrently connect.")
        ev("push_req_na", P + "PUSH: Received control message: 'PUSH_REQUEST'")
        ev("delayed_exit", P + "Delayed exit in <@secs> seconds")
        ev("sent_authfail", P + "SENT CONTROL [<@cn>]: 'AUTH_FAILED' (status=<@status>)")
        ev("sig_authfail", P + "SIGUSR1[soft,auth-failure] received, client-instance restarting")
        ev("sva", U + "MULTI_sva: pool returned IPv4=<@vip>, IPv6=(Not enabled)")
        ev("learn", U + "MULTI: Learn: <@vip> -> <@cn>/<@ip>:<@port>")
        ev("primary", U + "MULTI: primary virtual IP for <@cn>/<@ip>:<@port>: <@vip>")
        ev("push_req", U + "PUSH: Received control message: 'PUSH_REQUEST'")
        ev("sent_push", U + "SENT CONTROL [<@cn>]: '<@push>' (status=<@status>)")
        ev("dc_aes", U + "Data Channel: using negotiated cipher 'AES-256-GCM'")
        ev("dc_chacha", U + "Data Channel: using negotiated cipher 'CHACHA20-POLY1305'")
        ev("out_aes", U + "Outgoing Data Channel: Cipher 'AES-256-GCM' initialized with <@kbits> bit key")
        ev("in_aes", U + "Incoming Data Channel: Cipher 'AES-256-GCM' initialized with <@kbits> bit key")
        ev("out_chacha", U + "Outgoing Data Channel: Cipher 'CHACHA20-POLY1305' initialized with <@kbits> bit key")
        ev("in_chacha", U + "Incoming Data Channel: Cipher 'CHACHA20-POLY1305' initialized with <@kbits> bit key")
        ev("soft_reset", U + "TLS: soft reset sec=<@s1>/<@s2> bytes=<@b1>/<@b2> pkts=<@p1>/<@p2>")
        ev("vok_u", U + "VERIFY OK: depth=<@depth>, CN=<@subj>")
        ev("ctl13_u", U + "Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate: <@bits> bit RSA, signature: RSA-SHA256")
        ev("inact", U + "[<@cn>] Inactivity timeout (--ping-restart), restarting")
        ev("sig_ping", U + "SIGUSR1[soft,ping-restart] received, client-instance restarting")
        ev("sig_exit", U + "SIGTERM[soft,remote-exit] received, client-instance exiting")
        ev("replay", U + "AEAD Decrypt error: bad packet ID (may be a replay): [ #<@pktid> ] -- see the man page entry for --no-replay and --replay-window for more info or silence this warning with --mute-replay-warnings")
        ev("oos", U + "TLS Error: local/remote TLS keys are out of sync: [AF_INET]<@ip>:<@port> [<@keyid>]")
        ev("badsrc", U + "MULTI: bad source address from client [<@src>], packet dropped")
        ev("hmac", "TLS Error: cannot locate HMAC in incoming packet from [AF_INET]<@ip>:<@port>")
        ev("unroutable", "TLS Error: Unroutable control packet received from [AF_INET]<@ip>:<@port> (si=<@si> op=P_CONTROL_V1)")
        # server start / stop
        ev("evwait", "event_wait : Interrupted system call (code=4)")
        ev("sigterm", "SIGTERM[hard,] received, process exiting")
        ev("version", "OpenVPN <@ver> x86_64-pc-linux-gnu [SSL (OpenSSL)] [LZO] [LZ4] [EPOLL] [PKCS11] [MH/PKTINFO] [AEAD] built on <@built>")
        ev("libver", "library versions: OpenSSL <@ossl>, LZO <@lzo>")
        ev("deprecated", "DEPRECATED OPTION: --cipher set to 'AES-256-CBC' but missing in --data-ciphers (AES-256-GCM:AES-128-GCM). Future OpenVPN version will ignore --cipher for cipher negotiations. Add 'AES-256-CBC' to --data-ciphers or change --cipher 'AES-256-CBC' to --data-ciphers-fallback 'AES-256-CBC' to silence this warning.")
        ev("dh", "Diffie-Hellman initialized with <@bits> bit key")
        ev("tun_open", "TUN/TAP device tun0 opened")
        ev("addr_add", "net_addr_v4_add: <@net>/<@plen> dev tun0")
        ev("route_add", "net_route_v4_add: <@net>/<@plen> via <@gw> dev [NULL] table <@tbl> metric <@metric>")
        ev("sitnl", "sitnl_send: rtnl: generic error (-17): File exists")
        ev("route_exists", "NOTE: Linux route add command failed because route exists")
        ev("link_local", "UDPv4 link local (bound): [AF_INET][undef]:<@lport>")
        ev("link_remote", "UDPv4 link remote: [AF_UNSPEC]")
        ev("multi_init", "MULTI: multi_init called, r=<@rr> v=<@vv>")
        ev("pool_v4", "IFCONFIG POOL IPv4: base=<@base> size=<@size>")
        ev("pool_list", "IFCONFIG POOL LIST")
        ev("isc", "Initialization Sequence Completed")

        r = self.r
        self.user = self.pool(lambda: r.choice(VPN_USERS), len(VPN_USERS), 1.1)
        self.homes = {}
        self.vips = {}
        self.active = {}

    def render(self, t, ev, vals, content):
        return "%s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), content)

    # -- values --------------------------------------------------------------------------------
    def home(self, cn):
        if cn not in self.homes:
            self.homes[cn] = [self.doc_ip() for _ in range(self.r.randint(1, 3))]
        return self.r.choice(self.homes[cn])

    def vip(self, cn):
        if cn not in self.vips:
            self.vips[cn] = "10.8.0.%d" % (len(self.vips) + 2)
        return self.vips[cn]

    def push(self, vip, chacha):
        return ("PUSH_REPLY,route 10.20.0.0 255.255.0.0,dhcp-option DNS 10.20.0.53,route-gateway 10.8.0.1,"
                "topology subnet,ping 10,ping-restart 60,ifconfig %s 255.255.255.0,peer-id %d,cipher %s"
                % (vip, self.r.randint(0, 40), "CHACHA20-POLY1305" if chacha else "AES-256-GCM"))

    def session(self):
        live = [s for s in self.active.values() if s["until"] > self.total]
        if live:
            return self.r.choice(live)
        cn = self.user()
        return {"cn": cn, "ip": self.home(cn), "port": self.eport(), "vip": self.vip(cn), "chacha": False}

    # -- episodes ------------------------------------------------------------------------------
    def ep_connect(self, chacha=None, old=None, tls12=None):
        r = self.r
        cn = self.user()
        if cn in self.active and self.active[cn]["until"] > self.total and r.random() < 0.7:
            cn = self.user()      # most users do not reconnect while their session is still up
        dup = cn in self.active and self.active[cn]["until"] > self.total
        ip, port = self.home(cn), self.eport()
        P = {"ip": ip, "port": port}
        if old is None:
            old = r.random() < 0.06
        if tls12 is None:
            tls12 = old or r.random() < 0.15
        if chacha is None:
            chacha = r.random() < 0.04
        items = [L("mci"), ("init", dict(P, sid1=hexs(r, 8), sid2=hexs(r, 8))),
                 ("vok", dict(P, depth=1, subj=VPN_CA)), ("vok", dict(P, depth=0, subj=cn)),
                 ("userpass_ok", dict(P, cn=cn)),
                 ("ctl12" if tls12 else "ctl13", dict(P, bits=weighted(r, [(2048, 8), (4096, 1)])))]
        if old:
            items += [("mtu_warn", dict(P, lmtu=1557, rmtu=1541)), ("lzo_warn", P)]
        items.append(("peer_init", dict(P, cn=cn)))
        if dup:
            items.append(("dup_cn", dict(P, cn=cn)))
        vip = self.vip(cn)
        U = dict(P, cn=cn)
        items += [("sva", dict(U, vip=vip)), ("learn", dict(U, vip=vip)), ("primary", dict(U, vip=vip)),
                  ("push_req", U), ("sent_push", dict(U, push=self.push(vip, chacha), status=1)),
                  ("dc_chacha" if chacha else "dc_aes", U),
                  ("out_chacha" if chacha else "out_aes", dict(U, kbits=256)),
                  ("in_chacha" if chacha else "in_aes", dict(U, kbits=256))]
        later = r.randint(30, 700)
        self.active[cn] = dict(U, vip=vip, chacha=chacha, until=self.total + len(items) + later)
        if r.random() < 0.55:
            end = [("sig_exit", U)]
        else:
            end = [("inact", U), ("sig_ping", U)]
        self.later(len(items) + later, end)
        return items

    def ep_hmac(self):
        r = self.r
        ip, port = self.doc_ip(), self.eport()
        return [("hmac", {"ip": ip, "port": port}) for _ in range(weighted(r, [(1, 5), (2, 3), (3, 2), (4, 1)]))]

    def ep_unroutable(self):
        return [("unroutable", {"ip": self.doc_ip(), "port": self.eport(), "si": self.r.randint(1, 3)})]

    def ep_replay(self):
        r = self.r
        s = self.session()
        base = r.randint(200, 900000)
        out = []
        for _ in range(weighted(r, [(1, 4), (2, 3), (3, 2), (5, 1)])):
            base += r.randint(1, 40)
            out.append(("replay", dict(cn=s["cn"], ip=s["ip"], port=s["port"], pktid=base)))
        return out

    def ep_oos(self):
        r = self.r
        s = self.session()
        U = dict(cn=s["cn"], ip=s["ip"], port=s["port"])
        return [("oos", dict(U, keyid=r.randint(1, 7))) for _ in range(weighted(r, [(1, 3), (2, 1)]))]

    def ep_badsrc(self):
        r = self.r
        # one site gateway routes its LAN through the tunnel without an iroute
        cn = "branch-gw-03"
        ip = self.home(cn)
        port = self.homes.setdefault("_gwport", [self.eport()])[0]
        U = dict(cn=cn, ip=ip, port=port)
        return [("badsrc", dict(U, src="192.168.%d.%d" % (r.choice([10, 10, 10, 20]), r.randint(2, 80))))
                for _ in range(weighted(r, [(1, 3), (2, 2), (3, 1), (4, 1)]))]

    def ep_soft_reset(self):
        r = self.r
        s = self.session()
        U = dict(cn=s["cn"], ip=s["ip"], port=s["port"])
        cc = s["chacha"]
        return [("soft_reset", dict(U, s1=3600, s2=3600, b1=r.randint(20000, 90000000), b2=-1,
                                    p1=r.randint(100, 400000), p2=0)),
                ("vok_u", dict(U, depth=1, subj=VPN_CA)), ("vok_u", dict(U, depth=0, subj=s["cn"])),
                ("ctl13_u", dict(U, bits=2048)),
                ("out_chacha" if cc else "out_aes", dict(U, kbits=256)),
                ("in_chacha" if cc else "in_aes", dict(U, kbits=256))]

    def ep_keyneg(self):
        r = self.r
        ip, port = self.doc_ip(), self.eport()
        P = {"ip": ip, "port": port}
        return [L("mci"), ("init", dict(P, sid1=hexs(r, 8), sid2=hexs(r, 8))),
                ("keyneg", dict(P, secs=60, _gap=60 + r.uniform(0, 1))), ("hs_fail", P), ("sig_tls", P)]

    def ep_authfail(self):
        r = self.r
        cn = self.user()
        ip, port = self.home(cn) if r.random() < 0.7 else self.doc_ip(), self.eport()
        P = {"ip": ip, "port": port}
        return [L("mci"), ("init", dict(P, sid1=hexs(r, 8), sid2=hexs(r, 8))),
                ("vok", dict(P, depth=1, subj=VPN_CA)), ("vok", dict(P, depth=0, subj=cn)),
                ("script_fail", dict(P, status=1)), ("auth_err", P),
                ("ctl13", dict(P, bits=2048)), ("peer_init", dict(P, cn=cn)),
                ("push_req_na", P), ("delayed_exit", dict(P, secs=5)),
                ("sent_authfail", dict(P, cn=cn, status=1, _gap=r.uniform(4.8, 5.2))),
                ("sig_authfail", P)]

    def ep_badcert(self, revoked=False):
        r = self.r
        cn = weighted(r, [("ohara", 3), ("temp-contractor-12", 2), ("old-laptop-hq", 1)])
        ip, port = self.doc_ip(), self.eport()
        P = {"ip": ip, "port": port}
        return [L("mci"), ("init", dict(P, sid1=hexs(r, 8), sid2=hexs(r, 8))),
                ("vok", dict(P, depth=1, subj=VPN_CA)),
                ("verr_rev" if revoked else "verr_exp", dict(P, depth=0, cn=cn, serial=r.randint(2, 180))),
                ("ossl_verify", dict(P, code="0A000086")), ("bio", P), ("tls_obj", P), ("hs_fail", P),
                ("sig_tls", P)]

    def ep_start(self, restart=False):
        r = self.r
        items = []
        if restart:
            items += [L("evwait"), L("sigterm"), L("version", ver="2.5.9", built="Sep 29 2023", _gap=r.uniform(2, 4))]
        else:
            items += [L("version", ver="2.5.9", built="Sep 29 2023")]
        items += [L("libver", ossl="3.0.11 19 Sep 2023", lzo="2.10"), L("deprecated"),
                  L("dh", bits=2048), L("tun_open"), L("addr_add", net="10.8.0.1", plen=24),
                  L("route_add", net="10.20.0.0", plen=16, gw="10.8.0.2", tbl=0, metric=-1)]
        if restart:
            items += [L("sitnl"), L("route_exists")]
        items += [L("link_local", lport=1194), L("link_remote"), L("multi_init", rr=256, vv=256),
                  L("pool_v4", base="10.8.0.2", size=252), L("pool_list"), L("isc")]
        if restart:
            for s in self.active.values():
                s["until"] = 0
        return items

    def weighted_episodes(self):
        return [(5.0, self.ep_connect), (15, self.ep_hmac), (9, self.ep_replay), (3.5, self.ep_soft_reset),
                (2.5, self.ep_oos), (4.5, self.ep_badsrc), (2.2, self.ep_keyneg), (1.6, self.ep_authfail),
                (0.5, self.ep_badcert), (0.35, self.ep_unroutable)]

    def fixed_episodes(self):
        return [(1, self.ep_start, 0.0), (1, lambda: self.ep_start(True), 0.61),
                (1, lambda: self.ep_badcert(True)), (2, lambda: self.ep_connect(chacha=True)),
                (1, lambda: self.ep_connect(old=True))]


# ---------------------------------------------------------------------------------------------
# Dovecot 2.3 via syslog (mail.log): IMAP/POP3 logins, LMTP deliveries, PAM passdb.
# ---------------------------------------------------------------------------------------------
MAIL_USERS = ["mkowalski", "anna", "jdoe", "liwei", "rpatel", "sofia", "tnguyen", "ohara", "kschmidt",
              "dlopez", "emma", "fbianchi", "gsato", "hkim", "ipetrov", "jmartin", "nvasquez", "pchen",
              "rsingh", "sdubois", "ukhan", "vrossi", "wmueller", "xito", "ysilva", "zali", "billing",
              "frontdesk"]
BRUTE_USERS = ["admin", "test", "info", "support", "sales", "webmaster", "postmaster", "user",
               "office", "contact", "administrator", "guest", "mail", "marketing", "hr", "noreply"]
MAIL_BOXES = ["INBOX", "INBOX", "INBOX", "Sent", "Archive", "Junk", "Projects/2024", "Trash"]


class Dovecot(Blind4):
    name = "Dovecot"
    log_format = "<Month> <Day> <Time> <Host> <Component>: <Content>"
    start = datetime(2024, 3, 11, 0, 3, 17)
    mean_gap = 21.0
    settings = {"regex": [r"(\d+\.){3}\d+", r"<[\w.@+/=-]*>", r"\(\d+\)"], "st": 0.5, "depth": 4}

    def define(self):
        ev = self.ev
        S = "imap(<@user>)<<@pid>><<@sess>>: "
        P3 = "pop3(<@user>)<<@pid>><<@sess>>: "
        LM = "lmtp(<@user>)<<@lpid>><<@lsess>>: "
        C = (" in=<@in> out=<@out> deleted=<@del> expunged=<@exp> trashed=<@tr> hdr_count=<@hc>"
             " hdr_bytes=<@hb> body_count=<@bc> body_bytes=<@bb>")
        PC = " top=<@t1>/<@t2>, retr=<@r1>/<@r2>, del=<@d1>/<@d2>, size=<@sz>"
        A = ", method=PLAIN, rip=<@rip>, lip=<@lip>, TLS, session=<<@sess>>"
        N = "user=<>, rip=<@rip>, lip=<@lip>"
        ev("imap_login", "imap-login: Login: user=<<@user>>, method=PLAIN, rip=<@rip>, lip=<@lip>, mpid=<@pid>, TLS, session=<<@sess>>")
        ev("imap_login_sec", "imap-login: Login: user=<<@user>>, method=PLAIN, rip=<@rip>, lip=<@lip>, mpid=<@pid>, secured, session=<<@sess>>")
        ev("pop3_login", "pop3-login: Login: user=<<@user>>, method=PLAIN, rip=<@rip>, lip=<@lip>, mpid=<@pid>, TLS, session=<<@sess>>")
        ev("imap_out", S + "Logged out" + C)
        ev("imap_closed", S + "Disconnected: Connection closed (IDLE running for <@idle> + waiting input for <@wait> secs, <@bin> B in + <@bout> B out, state=wait-input)" + C)
        ev("imap_inact", S + "Disconnected for inactivity" + C)
        ev("imap_toomany", S + "Disconnected: Too many invalid IMAP commands." + C)
        ev("pop3_out", P3 + "Disconnected: Logged out" + PC)
        ev("pop3_inact", P3 + "Disconnected for inactivity" + PC)
        ev("auth_failed", "imap-login: Disconnected (auth failed, <@n> attempts in <@secs> secs): user=<<@user>>" + A)
        ev("auth_failed_pop3", "pop3-login: Disconnected (auth failed, <@n> attempts in <@secs> secs): user=<<@user>>" + A)
        ev("pam_mismatch", "auth-worker(<@wpid>): pam(<@user>,<@rip>,<<@sess>>): pam_authenticate() failed: Authentication failure (password mismatch?)")
        ev("pam_unknown", "auth-worker(<@wpid>): pam(<@user>,<@rip>,<<@sess>>): pam_authenticate() failed: User not known to the underlying authentication module")
        ev("noauth", "imap-login: Disconnected (no auth attempts in <@secs> secs): " + N + ", session=<<@sess>>")
        ev("noauth_tls", "imap-login: Disconnected (no auth attempts in <@secs> secs): " + N + ", TLS, session=<<@sess>>")
        ev("noauth_pop3", "pop3-login: Disconnected (no auth attempts in <@secs> secs): " + N + ", session=<<@sess>>")
        ev("tls_proto", "imap-login: Disconnected (no auth attempts in <@secs> secs): " + N + ", TLS handshaking: SSL_accept() failed: error:<@code>:SSL routines:tls_early_post_process_client_hello:unsupported protocol, session=<<@sess>>")
        ev("tls_version", "imap-login: Disconnected (no auth attempts in <@secs> secs): " + N + ", TLS handshaking: SSL_accept() failed: error:<@code>:SSL routines:ssl3_get_record:wrong version number, session=<<@sess>>")
        ev("tls_cipher", "imap-login: Disconnected (no auth attempts in <@secs> secs): " + N + ", TLS handshaking: SSL_accept() failed: error:<@code>:SSL routines:tls_post_process_client_hello:no shared cipher, session=<<@sess>>")
        ev("before_auth", "imap-login: Disconnected (disconnected before auth was ready, waited <@secs> secs): " + N + ", session=<<@sess>>")
        ev("plaintext", "imap-login: Disconnected (tried to use disallowed plaintext auth): " + N + ", session=<<@sess>>")
        ev("maxconn", "imap-login: Maximum number of connections from user+IP exceeded (mail_max_userip_connections=<@max>): user=<<@user>>" + A)
        ev("lmtp_conn", "lmtp(<@lpid>): Connect from local")
        ev("lmtp_saved", LM + "msgid=<<@msgid>>: saved mail to <@box>")
        ev("lmtp_sieve", LM + "sieve: msgid=<<@msgid>>: stored mail into mailbox '<@box>'")
        ev("lmtp_quota", LM + "msgid=<<@msgid>>: save failed to <@box>: Quota exceeded (mailbox for user is full)")
        ev("lmtp_disc", "lmtp(<@lpid>): Disconnect from local: Client has quit the connection (state=READY)")
        ev("perm", S + "Error: open(<@path>) failed: Permission denied (euid=<@uid>(<@user>) egid=<@gid>(<@group>) missing +w perm: <@dir>, we're not in group <@gid>(<@group>), dir owned by <@ouid>:<@gid> mode=<@mode>)")
        ev("cache_corrupt", S + "Error: Mailbox <@box>: Corrupted index cache file <@path>: Broken physical size for mail UID <@uid>")
        ev("cache_size", S + "Error: Mailbox <@box>: Cached message size smaller than expected (<@a> < <@b>, box=<@box>, UID=<@uid>)")
        ev("reappeared", S + "Warning: Maildir <@path>: Expunged message reappeared, giving a new UID (old uid=<@old>, file=<@file>)")
        ev("log_locked", S + "Warning: Transaction log file <@path> was locked for <@n> seconds (mailbox sync)")
        ev("lock_timeout", S + "Error: Timeout (<@dur>) while waiting for lock for transaction log file <@path> (WRITE lock held by pid <@hpid>)")
        ev("proc_limit", "master: Warning: service(imap-login): process_limit (<@n>) reached, client connections are being dropped")
        ev("auth_client", "auth: Warning: auth client <@cpid> disconnected with <@n> pending requests: EOF")
        ev("killed", "master: Warning: Killed with signal <@sig> (by pid=<@kpid> uid=<@kuid> code=kill)")
        ev("starting", "master: Dovecot v<@ver> (<@rev>) starting up for imap, pop3, lmtp, sieve (core dumps disabled)")

        r = self.r
        self.user = self.pool(lambda: r.choice(MAIL_USERS), len(MAIL_USERS), 1.0)
        self.brute_user = self.pool(lambda: r.choice(BRUTE_USERS), len(BRUTE_USERS), 0.8)
        self.scanner = self.pool(self.doc_ip, 40, 1.2)
        self.homes = {}
        self.next_pid = 21873
        self.lmtp_pid = 30211
        self.worker_pid = 20455

    def render(self, t, ev, vals, content):
        return "%s mx2 dovecot: %s" % (syslog_time(t), content)

    # -- values --------------------------------------------------------------------------------
    def pid(self):
        self.next_pid += self.r.randint(1, 9)
        if self.next_pid > 65000:
            self.next_pid = 1200
        return self.next_pid

    def home(self, user):
        if user not in self.homes:
            r = self.r
            self.homes[user] = ["10.20.%d.%d" % (r.randint(1, 9), r.randint(10, 250))] + \
                               [self.doc_ip() for _ in range(r.randint(1, 2))]
        return self.r.choice(self.homes[user])

    def counters(self, light=False):
        r = self.r
        body = 0 if light or r.random() < 0.5 else r.randint(1, 40)
        return {"in": r.randint(20, 4000), "out": r.randint(400, 900000) if body else r.randint(300, 9000),
                "del": weighted(r, [(0, 8), (1, 2), (r.randint(2, 30), 1)]),
                "exp": weighted(r, [(0, 8), (1, 2), (r.randint(2, 30), 1)]),
                "tr": weighted(r, [(0, 9), (1, 1)]),
                "hc": r.randint(0, 60), "hb": r.randint(0, 90000), "bc": body,
                "bb": r.randint(2000, 8000000) if body else 0}

    def msgid(self):
        r = self.r
        return weighted(r, [("%s.%s@%s" % (datetime.strftime(self.start, "%Y%m%d"), hexs(r, 10).upper(), self.domain()), 5),
                            ("%s-%s-%s@%s" % (hexs(r, 8), hexs(r, 4), hexs(r, 12), self.domain()), 3),
                            ("CA+%s@mail.gmail.example" % self.b64(30).replace("/", "_").replace("+", "-"), 2)])

    # -- episodes ------------------------------------------------------------------------------
    def ep_imap(self, webmail=False):
        r = self.r
        user = self.user()
        pid, sess = self.pid(), self.b64(16)
        if webmail:
            first = ("imap_login_sec", dict(user=user, rip="127.0.0.1", lip="127.0.0.1", pid=pid, sess=sess))
        else:
            first = ("imap_login", dict(user=user, rip=self.home(user), lip="192.0.2.25", pid=pid, sess=sess))
        S = dict(user=user, pid=pid, sess=sess)
        if webmail:
            end = ("imap_out", dict(S, **self.counters(light=True)))
            gap = r.randint(0, 2)
        else:
            kind = weighted(r, [("out", 5), ("closed", 4), ("inact", 1.2)])
            if kind == "out":
                end = ("imap_out", dict(S, **self.counters()))
            elif kind == "closed":
                end = ("imap_closed", dict(S, idle="%.3f" % r.uniform(0.001, 1800), wait="%.3f" % r.uniform(0.001, 30),
                                           bin=r.randint(2, 40), bout=r.randint(10, 300), **self.counters()))
            else:
                end = ("imap_inact", dict(S, **self.counters(light=True)))
            gap = r.randint(4, 300)
        if gap == 0:
            return [first, end]
        self.later(gap, [end])
        return [first]

    def ep_pop3(self):
        r = self.r
        user = weighted(r, [("billing", 4), ("frontdesk", 3), (self.user(), 2)])
        pid, sess = self.pid(), self.b64(16)
        n = r.randint(0, 6)
        size = r.randint(0, 4000000) if n else 0
        S = dict(user=user, pid=pid, sess=sess)
        key = "pop3_inact" if r.random() < 0.04 else "pop3_out"
        return [("pop3_login", dict(S, rip=self.home(user), lip="192.0.2.25")),
                (key, dict(S, t1=0, t2=0, r1=n, r2=size, d1=n, d2=n, sz=size, _gap=r.uniform(0.5, 6)))]

    def ep_lmtp(self):
        r = self.r
        lpid = self.pid()
        items = [("lmtp_conn", {"lpid": lpid})]
        for _ in range(weighted(r, [(1, 6), (2, 2), (3, 1)])):
            user = self.user()
            v = dict(user=user, lpid=lpid, lsess=self.b64(22), msgid=self.msgid())
            if user in ("ohara", "pchen", "emma") and r.random() < 0.5:
                items.append(("lmtp_sieve", dict(v, box=weighted(r, [("Junk", 3), ("Lists", 2), ("Receipts", 1)]))))
            else:
                items.append(("lmtp_saved", dict(v, box="INBOX")))
        items.append(("lmtp_disc", {"lpid": lpid}))
        return items

    def ep_quota(self):
        r = self.r
        lpid = self.pid()
        return [("lmtp_conn", {"lpid": lpid}),
                ("lmtp_quota", dict(user="frontdesk", lpid=lpid, lsess=self.b64(22), msgid=self.msgid(), box="INBOX")),
                ("lmtp_disc", {"lpid": lpid})]

    def ep_brute(self, pop3=False):
        r = self.r
        rip = self.scanner()
        items = []
        for _ in range(weighted(r, [(1, 5), (2, 1), (3, 2)])):
            sess = self.b64(16)
            n = weighted(r, [(1, 6), (2, 1), (3, 2)])
            if r.random() < 0.15:
                user = self.user()
                pam = "pam_mismatch"
            else:
                user = self.brute_user()
                pam = "pam_unknown"
            wpid = self.worker_pid
            for _ in range(n):
                items.append((pam, dict(wpid=wpid, user=user, rip=rip, sess=sess)))
            items.append(("auth_failed_pop3" if pop3 else "auth_failed",
                          dict(n=n, secs=r.randint(2, 4) * n + r.randint(0, 2), user=user, rip=rip, lip="192.0.2.25",
                               sess=sess, _gap=r.uniform(1.5, 3.5))))
        return items

    def ep_typo(self):
        """A real user mistypes the password once, then logs in."""
        r = self.r
        user = self.user()
        rip = self.home(user)
        sess = self.b64(16)
        return [("pam_mismatch", dict(wpid=self.worker_pid, user=user, rip=rip, sess=sess)),
                ("auth_failed", dict(n=1, secs=r.randint(2, 6), user=user, rip=rip, lip="192.0.2.25", sess=sess,
                                     _gap=r.uniform(2, 3)))]

    def ep_noauth(self):
        r = self.r
        key = weighted(r, [("noauth", 10), ("noauth_tls", 3), ("tls_proto", 3), ("tls_version", 3),
                           ("noauth_pop3", 2), ("before_auth", 1.5), ("plaintext", 0.6), ("tls_cipher", 0.5)])
        code = {"tls_proto": "14209102", "tls_version": "1408F10B", "tls_cipher": "1417A0C1"}.get(key, "")
        secs = r.randint(0, 1) if key.startswith("tls") else weighted(r, [(0, 3), (1, 2), (r.randint(2, 15), 2)])
        return [(key, dict(secs=secs, rip=self.scanner(), lip="192.0.2.25", sess=self.b64(16), code=code))]

    def ep_maxconn(self):
        r = self.r
        user = weighted(r, [("sofia", 3), ("rpatel", 2), (self.user(), 1)])
        rip = self.home(user)
        return [("maxconn", dict(max=10, user=user, rip=rip, lip="192.0.2.25", sess=self.b64(16)))
                for _ in range(weighted(r, [(1, 3), (2, 2), (3, 1)]))]

    def sess_vals(self, user=None):
        user = user or self.user()
        return dict(user=user, pid=self.pid(), sess=self.b64(16))

    def ep_rare(self, kind):
        r = self.r
        if kind == "perm":
            return [("perm", dict(self.sess_vals("gsato"), path="/var/mail/gsato", uid=1017, gid=8, group="mail",
                                  dir="/var/mail", ouid=0, mode="0775"))]
        if kind == "cache_corrupt":
            s = self.sess_vals()
            return [("cache_corrupt", dict(s, box="INBOX", path="/home/%s/Maildir/dovecot.index.cache" % s["user"],
                                           uid=r.randint(1000, 40000)))]
        if kind == "cache_size":
            a = r.randint(3000, 90000)
            return [("cache_size", dict(self.sess_vals(), box=r.choice(MAIL_BOXES), a=a, b=a + r.randint(10, 300),
                                        uid=r.randint(100, 40000)))]
        if kind == "reappeared":
            s = self.sess_vals()
            return [("reappeared", dict(s, path="/home/%s/Maildir/.Sent" % s["user"], old=r.randint(100, 9000),
                                        file="1709%06d.M%dP%d.mx2,S=%d,W=%d:2,S" % (r.randint(0, 999999), r.randint(1, 999999),
                                                                                    r.randint(1000, 60000), 4000, 4090)))]
        if kind == "log_locked":
            s = self.sess_vals("jmartin")
            return [("log_locked", dict(s, path="/home/jmartin/Maildir/dovecot.index.log", n=r.randint(31, 180)))]
        if kind == "lock_timeout":
            s = self.sess_vals("jmartin")
            return [("lock_timeout", dict(s, dur="180s", path="/home/jmartin/Maildir/dovecot.index.log",
                                          hpid=r.randint(2000, 60000)))]
        if kind == "toomany":
            s = self.sess_vals()
            return [("imap_login", dict(s, rip=self.home(s["user"]), lip="192.0.2.25")),
                    ("imap_toomany", dict(s, _gap=r.uniform(1, 20), **self.counters(light=True)))]
        if kind == "proc_limit":
            return [("proc_limit", {"n": 100}) for _ in range(r.randint(1, 2))]
        if kind == "auth_client":
            return [("auth_client", {"cpid": self.pid(), "n": 1})]
        if kind == "restart":
            return [("killed", dict(sig=15, kpid=1, kuid=0)),
                    ("starting", dict(ver="2.3.19.1", rev="9b53102964", _gap=r.uniform(1, 3)))]
        raise KeyError(kind)

    def weighted_episodes(self):
        return [(14, self.ep_imap), (2.5, lambda: self.ep_imap(True)), (3, self.ep_pop3), (8, self.ep_lmtp),
                (6, self.ep_brute), (0.8, lambda: self.ep_brute(True)), (2.2, self.ep_typo),
                (10, self.ep_noauth), (1.2, self.ep_maxconn), (0.15, self.ep_quota)]

    def fixed_episodes(self):
        return [(1, lambda: self.ep_rare("perm")), (1, lambda: self.ep_rare("cache_corrupt")),
                (2, lambda: self.ep_rare("cache_size")), (1, lambda: self.ep_rare("reappeared")),
                (2, lambda: self.ep_rare("log_locked")), (1, lambda: self.ep_rare("lock_timeout")),
                (1, lambda: self.ep_rare("toomany")), (1, lambda: self.ep_rare("proc_limit")),
                (1, lambda: self.ep_rare("auth_client")), (1, lambda: self.ep_rare("restart"), 0.47),
                (1, self.ep_quota)]


# ---------------------------------------------------------------------------------------------
# BIND 9.18 named via syslog: a resolver for the office that is also secondary for a few zones and
# sits on the internet (so it sees spoofed ANY queries).  Default logging: no category/severity.
# ---------------------------------------------------------------------------------------------
class Named(Blind4):
    name = "Named"
    log_format = "<Month> <Day> <Time> <Host> <Component>\\[<Pid>\\]: <Content>"
    start = datetime(2024, 2, 26, 9, 14, 2)
    mean_gap = 26.0
    settings = {"regex": [r"@0x[0-9a-f]+", r"(\d+\.){3}\d+(#\d+)?", r"([\w-]+\.)+[a-z]+\.?"], "st": 0.5, "depth": 4}

    def define(self):
        ev = self.ev
        C = "client @<@ptr> <@cip>#<@cport> (<@qn>): "
        Z = "client @<@ptr> <@cip>#<@cport> (<@zone>): "
        R = "resolving '<@qn>/%s/IN': <@ns>#<@nsport>"
        X = "transfer of '<@zone>/IN' from <@ns>#<@nsport>: "
        ev("den_any", C + "query (cache) '<@qn>/ANY/IN' denied (allow-query-cache did not match)")
        ev("den_a", C + "query (cache) '<@qn>/A/IN' denied (allow-query-cache did not match)")
        ev("den_txt", C + "query (cache) '<@qn>/TXT/IN' denied (allow-query-cache did not match)")
        ev("formerr", "FORMERR " + R % "AAAA")
        ev("servfail_rc", "SERVFAIL unexpected RCODE " + R % "A")
        ev("refused_a", "REFUSED unexpected RCODE " + R % "A")
        ev("refused_aaaa", "REFUSED unexpected RCODE " + R % "AAAA")
        ev("refused_ns", "REFUSED unexpected RCODE " + R % "NS")
        ev("nu_a", "network unreachable " + R % "A")
        ev("nu_aaaa", "network unreachable " + R % "AAAA")
        ev("nu_ns", "network unreachable " + R % "NS")
        ev("nu_dnskey", "network unreachable " + R % "DNSKEY")
        ev("nu_ds", "network unreachable " + R % "DS")
        ev("hu_a", "host unreachable " + R % "A")
        ev("to_a", "timed out " + R % "A")
        ev("to_aaaa", "timed out " + R % "AAAA")
        ev("qf_sf_a", C + "query failed (SERVFAIL) for <@qn>/IN/A at <@loc>")
        ev("qf_sf_aaaa", C + "query failed (SERVFAIL) for <@qn>/IN/AAAA at <@loc>")
        ev("qf_btc", C + "query failed (broken trust chain) for <@qn>/IN/A at <@loc>")
        ev("val_dnskey", "validating <@zone>/DNSKEY: no valid signature found")
        ev("no_rrsig", "no valid RRSIG resolving '<@zone>/DS/IN': <@ns>#<@nsport>")
        ev("btc", "broken trust chain " + R % "A")
        ev("rrsig_exp", "validating <@qn>/A: verify failed due to bad signature (keyid=<@kid>): RRSIG has expired")
        ev("retry_limit", "zone <@zone>/IN: refresh: retry limit for primary <@ns>#<@nsport> exceeded (source <@src>#<@srcport>)")
        ev("notify_rcvd", "client @<@ptr> <@cip>#<@cport>: received notify for zone '<@zone>'")
        ev("notify_from", "zone <@zone>/IN: notify from <@ns>#<@nsport>: serial <@serial>")
        ev("xfr_start", "zone <@zone>/IN: Transfer started.")
        ev("xfr_conn", X + "connected using <@src>#<@srcport>")
        ev("xfr_serial", "zone <@zone>/IN: transferred serial <@serial>")
        ev("xfr_ok", X + "Transfer status: success")
        ev("xfr_done", X + "Transfer completed: <@msgs> messages, <@recs> records, <@bytes> bytes, <@secs> secs (<@rate> bytes/sec) (serial <@serial>)")
        ev("xfr_refused", X + "failed to connect: connection refused")
        ev("xfr_st_refused", X + "Transfer status: connection refused")
        ev("xfr_timeout", X + "failed to connect: timed out")
        ev("xfr_st_timeout", X + "Transfer status: timed out")
        ev("axfr_denied", Z + "zone transfer '<@zone>/AXFR/IN' denied")
        ev("update_denied", Z + "update '<@zone>/IN' denied")
        ev("send_hu", C + "error sending response: host unreachable")
        ev("send_nfr", C + "error sending response: not enough free resources")
        ev("mkeys_to", "managed-keys-zone: Unable to fetch DNSKEY set '<@zone>': timed out")
        ev("cpq", "clients-per-query increased to <@n>")
        ev("hints_missing", "checkhints: <@name>/A (<@ip>) missing from hints")
        ev("hints_extra", "checkhints: <@name>/A (<@ip>) extra record in hints")
        ev("priming", "resolver priming query complete: success")
        ev("rndc", "received control channel command 'reload'")
        ev("loadcfg", "loading configuration from '<@path>'")
        ev("anchors", "reading built-in trust anchors from file '<@path>'")
        ev("portrange", "using default UDP/IPv4 port range: [<@lo>, <@hi>]")
        ev("reload_cfg", "reloading configuration succeeded")
        ev("reload_zones", "reloading zones succeeded")
        ev("sched", "scheduled loading new zones")
        ev("newzones", "any newly configured zones are now loaded")
        ev("zone_loaded", "zone <@zone>/IN: loaded serial <@serial>")
        ev("mload", "dns_master_load: <@file>:<@line>: <@name>: CNAME and other data")
        ev("load_fail", "zone <@zone>/IN: loading from primary file <@file> failed: CNAME and other data")
        ev("not_loaded", "zone <@zone>/IN: not loaded due to errors.")
        ev("all_loaded", "all zones loaded")
        ev("running", "running")
        ev("starting", "starting BIND <@ver> (Extended Support Version) <id:>")
        ev("running_on", "running on Linux x86_64 <@kver> #<@kbuild> SMP PREEMPT_DYNAMIC Debian <@dver> (<@kdate>)")
        ev("cpus", "found <@n> CPUs, using <@m> worker threads")
        ev("listen_lo", "listening on IPv4 interface lo, <@ip>#<@port>")
        ev("listen_eth", "listening on IPv4 interface eth0, <@ip>#<@port>")
        ev("cmdchan", "command channel listening on <@ip>#<@port>")
        ev("mkz_loaded", "managed-keys-zone: loaded serial <@serial>")

        r = self.r
        self.qname = self.pool(self.domain, 160, 0.9)
        self.amp_name = self.pool(lambda: r.choice(["isc.example", "dnsamp.example.net", "big-txt.example.org",
                                                    "any.test", "r.example.com", "rr.example", "sl.example"]), 7, 1.3)
        self.victim = self.pool(self.doc_ip, 25, 1.1)
        self.v4ns = self.pool(self.doc_ip, 50, 0.9)
        self.v6ns = self.pool(self.doc_ip6, 30, 0.9)
        self.office = self.pool(lambda: "10.20.%d.%d" % (r.randint(1, 6), r.randint(10, 250)), 60, 1.0)
        self.zones = ["corp.example", "lab.example.net", "20.10.in-addr.arpa", "example.org"]
        self.serials = {z: 2024022600 + i for i, z in enumerate(self.zones)}

    def render(self, t, ev, vals, content):
        return "%s ns1 named[812]: %s" % (syslog_time(t), content)

    def ptr(self):
        return "0x7f%s" % hexs(self.r, 10)

    def loc(self):
        return "query.c:%d" % self.r.choice([7834, 7834, 7834, 6312])

    # -- episodes ------------------------------------------------------------------------------
    def ep_amp(self):
        r = self.r
        victim, qn = self.victim(), self.amp_name()
        key = weighted(r, [("den_any", 12), ("den_a", 2), ("den_txt", 0.6)])
        return [(key, dict(ptr=self.ptr(), cip=victim, cport=weighted(r, [(53, 1), (self.eport(), 4)]), qn=qn))
                for _ in range(weighted(r, [(1, 4), (2, 3), (3, 2), (6, 1)]))]

    def ep_resolve(self):
        r = self.r
        kind = weighted(r, [("nu", 10), ("formerr", 4), ("refused", 4), ("servfail", 2.5), ("timeout", 3),
                            ("hu", 0.3)])
        qn = self.qname()
        if kind == "nu":
            items = []
            for _ in range(weighted(r, [(1, 3), (2, 3), (3, 1)])):
                key = weighted(r, [("nu_a", 4), ("nu_aaaa", 4), ("nu_ds", 0.4)])
                items.append((key, dict(qn=qn, ns=self.v6ns(), nsport=53)))
            return items
        if kind == "formerr":
            return [("formerr", dict(qn=qn, ns=self.v4ns(), nsport=53))]
        if kind == "refused":
            key = weighted(r, [("refused_a", 4), ("refused_aaaa", 2), ("refused_ns", 1)])
            return [(key, dict(qn=qn, ns=self.v4ns(), nsport=53)) for _ in range(r.randint(1, 2))]
        if kind == "servfail":
            return [("servfail_rc", dict(qn=qn, ns=self.v4ns(), nsport=53))]
        if kind == "hu":
            return [("hu_a", dict(qn=qn, ns=self.v4ns(), nsport=53))]
        # timeout: the lookups time out and the client finally gets SERVFAIL
        v6 = r.random() < 0.3
        items = [("to_aaaa" if v6 else "to_a", dict(qn=qn, ns=self.v4ns(), nsport=53)) for _ in range(r.randint(1, 3))]
        if r.random() < 0.7:
            items.append(("qf_sf_aaaa" if v6 else "qf_sf_a",
                          dict(ptr=self.ptr(), cip=self.office(), cport=self.eport(), qn=qn, loc=self.loc())))
        return items

    def ep_dnssec(self):
        r = self.r
        zone = weighted(r, [("broken-dnssec.example", 3), ("shop.example.net", 1), ("legacy.test", 1)])
        qn = weighted(r, [(zone, 1), ("www." + zone, 2), ("api." + zone, 1)])
        ns = self.v4ns()
        if r.random() < 0.3:
            return [("rrsig_exp", dict(qn=qn, kid=r.choice([20326, 14120, 52011]))),
                    ("btc", dict(qn=qn, ns=ns, nsport=53))]
        return [("val_dnskey", dict(zone=zone)), ("no_rrsig", dict(zone=zone, ns=ns, nsport=53)),
                ("btc", dict(qn=qn, ns=ns, nsport=53)),
                ("qf_btc", dict(ptr=self.ptr(), cip=self.office(), cport=self.eport(), qn=qn, loc=self.loc()))]

    def ep_xfr(self):
        r = self.r
        zone = r.choice(self.zones)
        self.serials[zone] += 1
        serial = self.serials[zone]
        ns = "192.0.2.1"
        recs = r.randint(40, 3000)
        secs = r.uniform(0.001, 0.09)
        nbytes = recs * r.randint(30, 60)
        return [("notify_rcvd", dict(ptr=self.ptr(), cip=ns, cport=self.eport(), zone=zone)),
                ("notify_from", dict(zone=zone, ns=ns, nsport=53, serial=serial)),
                ("xfr_start", dict(zone=zone)),
                ("xfr_conn", dict(zone=zone, ns=ns, nsport=53, src="192.0.2.2", srcport=self.eport())),
                ("xfr_serial", dict(zone=zone, serial=serial)),
                ("xfr_ok", dict(zone=zone, ns=ns, nsport=53)),
                ("xfr_done", dict(zone=zone, ns=ns, nsport=53, msgs=max(1, recs // 500), recs=recs, bytes=nbytes,
                                  secs="%.3f" % secs, rate=int(nbytes / secs), serial=serial))]

    def ep_xfr_fail(self):
        r = self.r
        zone = r.choice(self.zones)
        ns = "192.0.2.1"
        if r.random() < 0.45:
            return [("retry_limit", dict(zone=zone, ns=ns, nsport=53, src="0.0.0.0", srcport=0))]
        refused = r.random() < 0.5
        return [("xfr_start", dict(zone=zone)),
                ("xfr_refused" if refused else "xfr_timeout", dict(zone=zone, ns=ns, nsport=53)),
                ("xfr_st_refused" if refused else "xfr_st_timeout", dict(zone=zone, ns=ns, nsport=53))]

    def ep_axfr(self):
        r = self.r
        zone = r.choice(self.zones + ["example.org", "corp.example"])
        return [("axfr_denied", dict(ptr=self.ptr(), cip=self.victim(), cport=self.eport(), zone=zone))]

    def ep_send(self):
        r = self.r
        key = weighted(r, [("send_hu", 5), ("send_nfr", 1)])
        return [(key, dict(ptr=self.ptr(), cip=self.victim(), cport=self.eport(), qn=self.amp_name()))]

    def ep_mkeys(self):
        return [("mkeys_to", dict(zone="."))]

    def ep_priming(self):
        r = self.r
        items = [("nu_ns", dict(qn=".", ns=self.v6ns(), nsport=53)) for _ in range(r.randint(1, 2))]
        if r.random() < 0.4:
            items.append(("nu_dnskey", dict(qn=".", ns=self.v6ns(), nsport=53)))
        return items + [L("priming")]

    def ep_start(self):
        return [L("starting", ver="9.18.24-1-Debian"),
                L("running_on", kver="6.1.0-18-amd64", kbuild=1, dver="6.1.76-1", kdate="2024-02-01"),
                L("cpus", n=4, m=4), L("loadcfg", path="/etc/bind/named.conf"),
                L("anchors", path="/etc/bind/bind.keys"), L("portrange", lo=32768, hi=60999),
                L("listen_lo", ip="127.0.0.1", port=53), L("listen_eth", ip="192.0.2.2", port=53),
                L("cmdchan", ip="127.0.0.1", port=953), L("mkz_loaded", serial=412)] + \
               [L("zone_loaded", zone=z, serial=self.serials[z]) for z in self.zones] + \
               [L("all_loaded"), L("running"), L("priming"),
                L("hints_missing", name="b.root-servers.net", ip="198.51.100.202"),
                L("hints_extra", name="b.root-servers.net", ip="203.0.113.201")]

    def ep_reload(self, broken=False):
        r = self.r
        items = [L("rndc"), L("loadcfg", path="/etc/bind/named.conf"), L("anchors", path="/etc/bind/bind.keys"),
                 L("portrange", lo=32768, hi=60999), L("reload_cfg"), L("reload_zones"), L("sched")]
        if broken:
            items += [L("mload", file="/etc/bind/zones/db.office.example", line=31, name="printer.office.example"),
                      L("load_fail", zone="office.example", file="/etc/bind/zones/db.office.example"),
                      L("not_loaded", zone="office.example")]
        else:
            items += [L("zone_loaded", zone="office.example", serial=2024022701 + r.randint(0, 5))]
        return items + [L("all_loaded"), L("newzones")]

    def weighted_episodes(self):
        return [(9, self.ep_amp), (16, self.ep_resolve), (1.2, self.ep_dnssec), (1.6, self.ep_xfr),
                (0.9, self.ep_xfr_fail), (1.0, self.ep_axfr), (0.6, self.ep_send), (0.25, self.ep_mkeys),
                (0.35, self.ep_priming)]

    def fixed_episodes(self):
        return [(1, self.ep_start, 0.0), (1, lambda: self.ep_reload(True), 0.33), (1, self.ep_reload, 0.35),
                (1, lambda: [L("cpq", n=15)]), (1, lambda: [L("update_denied", ptr=self.ptr(), cip=self.doc_ip(),
                                                              cport=self.eport(), zone="corp.example")]),
                (1, lambda: [L("hu_a", qn=self.qname(), ns=self.v4ns(), nsport=53)])]


# ---------------------------------------------------------------------------------------------
# Squid 4.x cache.log: an office proxy with a parent cache, NAT interception and SSL bump.
# ---------------------------------------------------------------------------------------------
class Squid(Blind4):
    name = "Squid"
    log_format = "<Date> <Time> <Process>\\| <Content>"
    start = datetime(2024, 3, 5, 13, 40, 55)
    mean_gap = 38.0
    settings = {"regex": [r"(\d+\.){3}\d+(:\d+)?", r"FD \d+", r"https?://\S+", r"error:[0-9A-F]{8}"],
                "st": 0.5, "depth": 4}

    def define(self):
        ev = self.ev
        LR = "local=<@lip>:<@lport> remote=<@ip>:<@port> FD <@fd> flags=<@fl>"
        ev("hhf", "SECURITY ALERT: Host header forgery detected on " + LR + " (local IP does not match any domain IP)")
        ev("hhf_url", "SECURITY ALERT: on URL: <@host>:<@hport>")
        ev("rw_pipe", LR + ": read/write failure: (32) Broken pipe")
        ev("rw_reset", LR + ": read/write failure: (104) Connection reset by peer")
        ev("ssl_unknown", "Error negotiating SSL connection on FD <@fd>: error:<@code>:SSL routines:ssl3_read_bytes:sslv3 alert certificate unknown (<@e1>/<@e2>)")
        ev("ssl_badcert", "Error negotiating SSL connection on FD <@fd>: error:<@code>:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate (<@e1>/<@e2>)")
        ev("ssl_reset", "Error negotiating SSL connection on FD <@fd>: (104) Connection reset by peer")
        ev("ssl_closed", "Error negotiating SSL connection on FD <@fd>: Closed by client")
        ev("ssl_srv", "Error negotiating SSL on FD <@fd>: error:<@code>:SSL routines:tls_process_server_certificate:certificate verify failed (<@e1>/<@e2>/<@e3>)")
        ev("tcp_fail", "TCP connection to <@peer>/<@pport> failed")
        ev("dead", "Detected DEAD Parent: <@pname>")
        ev("revived", "Detected REVIVED Parent: <@pname>")
        ev("ctx_enter", "ctx: enter level  <@lvl>: '<@url>'")
        ev("ctx_exit", "ctx: exit level  <@lvl>")
        ev("inv_noobj", "WARNING: HTTP: Invalid Response: No object data received for <@url> AKA <@aka>")
        ev("inv_badhdr", "WARNING: HTTP: Invalid Response: Bad header encountered from <@url> AKA <@aka>")
        ev("busy", "WARNING: All <@n1>/<@n2> <@helper> processes are busy.")
        ev("queued", "WARNING: <@q> pending requests queued")
        ev("consider", "WARNING: Consider increasing the number of <@helper> processes in your config file.")
        ev("disk_over", "WARNING: Disk space over limit: <@a> KB > <@b> KB")
        ev("fd_warn", "WARNING! Your cache is running out of filedescriptors")
        ev("url_parse", "urlParse: Illegal hostname '<@host>'")
        ev("assert", "assertion failed: <@loc>: \"fd_table[conn->fd].halfClosedReader != NULL\"")
        ev("rotate", "logfileRotate: <@path>")
        ev("clean_start", "storeDirWriteCleanLogs: Starting...")
        ev("clean_done", "Finished.  Wrote <@n> entries.", indent=3)
        ev("clean_took", "Took <@secs> seconds (<@rate> entries/sec).", indent=3)
        ev("reconf", "Reconfiguring Squid Cache (version <@ver>)...")
        ev("close_port", "Closing HTTP(S) port <@addr>:<@port>")
        ev("log_close", "Logfile: closing log <@path>")
        ev("proc_conf", "Processing Configuration File: <@path> (depth <@d>)")
        ev("acl_sub", "WARNING: (B) '<@net>' is a subnetwork of (A) '<@net>'")
        ev("acl_ign", "WARNING: because of this '<@net>' is ignored to keep splay tree searching predictable")
        ev("acl_rm", "WARNING: You should probably remove '<@net>' from the ACL named '<@acl>'")
        ev("log_open", "Logfile: opening log <@path>")
        ev("helper_start", "helperOpenServers: Starting <@n1>/<@n2> '<@helper>' processes")
        ev("https_ctx", "Initializing https:// proxy context")
        ev("plugins", "Squid plugin modules loaded: <@n>")
        ev("adapt", "Adaptation support is off.")
        ev("accept_http", "Accepting HTTP Socket connections at local=<@addr>:<@port> remote=<@raddr> FD <@fd> flags=<@fl>")
        ev("accept_nat", "Accepting NAT intercepted HTTP Socket connections at local=<@addr>:<@port> remote=<@raddr> FD <@fd> flags=<@fl>")
        ev("accept_bump", "Accepting NAT intercepted SSL bumped HTTPS Socket connections at local=<@addr>:<@port> remote=<@raddr> FD <@fd> flags=<@fl>")
        ev("htcp", "HTCP Disabled.")
        ev("pinger", "Pinger socket opened on FD <@fd>")
        ev("start", "Starting Squid Cache version <@ver> for x86_64-pc-linux-gnu...")
        ev("svc", "Service Name: squid")
        ev("pid", "Process ID <@pid>")
        ev("roles", "Process Roles: worker")
        ev("fds", "With <@n> file descriptors available")
        ev("ipcache", "Initializing IP Cache...")
        ev("dns_sock", "DNS Socket created at <@addr>, FD <@fd>")
        ev("nameserver", "Adding nameserver <@ip> from <@path>")
        ev("store_log", "Store logging disabled")
        ev("swap", "Swap maxSize <@a> + <@b> KB, estimated <@c> objects")
        ev("buckets_t", "Target number of buckets: <@n>")
        ev("buckets", "Using <@n> Store buckets")
        ev("maxmem", "Max Mem  size: <@n> KB")
        ev("maxswap", "Max Swap size: <@n> KB")
        ev("rebuild_dirty", "Rebuilding storage in <@path> (dirty log)")
        ev("leastload", "Using Least Load store dir selection")
        ev("cwd", "Set Current Directory to <@path>")
        ev("mime", "Finished loading MIME types and icons.")
        ev("bcp177", "WARNING: BCP 177 violation. Detected non-functional IPv6 loopback.")
        ev("swaplog", "Done reading <@path> swaplog (<@n> entries)")
        ev("rebuilt", "Finished rebuilding storage from disk.")
        ev("scanned", "<@n> Entries scanned", indent=4)
        ev("invalid", "<@n> Invalid entries.", indent=4)
        ev("loaded", "<@n> Objects loaded.", indent=4)
        ev("took_obj", "Took <@secs> seconds (<@rate> objects/sec).", indent=2)
        ev("validation", "Beginning Validation Procedure")
        ev("validated", "Completed Validation Procedure")
        ev("late", "storeLateRelease: released <@n> objects")

        r = self.r
        self.client = self.pool(lambda: "10.30.%d.%d" % (r.randint(1, 12), r.randint(10, 250)), 120, 1.0)
        self.site = self.pool(self.domain, 150, 1.0)
        self.fdn = 11

    def render(self, t, ev, vals, content):
        return "%s kid1|%s%s" % (t.strftime("%Y/%m/%d %H:%M:%S"), " " * (1 + ev.hdr.get("indent", 0)), content)

    def fd(self):
        return min(12 + int(self.r.expovariate(1 / 180.0)), 4090)

    # -- episodes ------------------------------------------------------------------------------
    def ep_hhf(self):
        r = self.r
        host = self.site()
        ip = self.client()
        items = []
        for _ in range(weighted(r, [(1, 5), (2, 2), (3, 1)])):
            items += [("hhf", dict(lip=self.doc_ip(), lport=443, ip=ip, port=self.eport(), fd=self.fd(), fl=33)),
                      ("hhf_url", dict(host=host, hport=443))]
        return items

    def ep_rw(self):
        r = self.r
        key = weighted(r, [("rw_pipe", 1), ("rw_reset", 1.2)])
        return [(key, dict(lip="10.30.0.3", lport=3128, ip=self.client(), port=self.eport(), fd=self.fd(), fl=1))]

    def ep_ssl(self):
        r = self.r
        key = weighted(r, [("ssl_unknown", 8), ("ssl_reset", 4), ("ssl_closed", 3), ("ssl_badcert", 0.5),
                           ("ssl_srv", 2)])
        code = {"ssl_unknown": "14094416", "ssl_badcert": "14094412", "ssl_srv": "1416F086"}.get(key, "")
        n = weighted(r, [(1, 4), (2, 2), (3, 1)]) if key != "ssl_srv" else 1
        return [(key, dict(fd=self.fd(), code=code, e1=1, e2=0 if key != "ssl_srv" else -1, e3=0)) for _ in range(n)]

    def ep_parent(self):
        r = self.r
        items = [("tcp_fail", dict(peer="10.30.0.9", pport=3128)) for _ in range(r.randint(1, 3))]
        if r.random() < 0.5:
            items.append(("dead", dict(pname="parent-dmz")))
            self.later(r.randint(3, 40), [("revived", dict(pname="parent-dmz"))])
        return items

    def ep_invalid(self):
        r = self.r
        host = self.site()
        path = r.choice(["/", "/favicon.ico", "/api/v1/status", "/index.php", "/feed.xml", "/update/check"])
        lvl = 0
        key = weighted(r, [("inv_noobj", 6), ("inv_badhdr", 1)])
        return [("ctx_enter", dict(lvl=lvl, url="http://%s%s" % (host, path))),
                (key, dict(url="http://%s%s" % (host, path), aka=host + path)),
                ("ctx_exit", dict(lvl=lvl))]

    def ep_busy(self):
        r = self.r
        helper = weighted(r, [("security_file_certgen", 3), ("basic_ncsa_auth", 1)])
        return [("busy", dict(n1=5, n2=5, helper=helper)), ("queued", dict(q=r.randint(6, 40))),
                ("consider", dict(helper=helper))]

    def ep_disk(self):
        r = self.r
        return [("disk_over", dict(a="%.2f" % (10240000 + r.randint(100, 9000)), b=10240000))]

    def ep_rotate(self):
        r = self.r
        n = r.randint(180000, 260000)
        secs = r.uniform(0.05, 0.3)
        return [("rotate", dict(path="daemon:/var/log/squid/access.log")), L("clean_start"),
                ("clean_done", dict(n=n)), ("clean_took", dict(secs="%.2f" % secs, rate="%.2f" % (n / secs))),
                ("rotate", dict(path="stdio:/var/log/squid/cache.log", _gap=0.0))]

    def common_config(self):
        r = self.r
        return [("proc_conf", dict(path="/etc/squid/squid.conf", d=0)),
                ("acl_sub", dict(net="::/0")), ("acl_ign", dict(net="::/0")),
                ("acl_rm", dict(net="::/0", acl="all")),
                ("log_open", dict(path="daemon:/var/log/squid/access.log")),
                ("helper_start", dict(n1=5, n2=32, helper="security_file_certgen")),
                ("helper_start", dict(n1=5, n2=20, helper="basic_ncsa_auth")),
                L("https_ctx"), ("plugins", dict(n=0)), L("adapt"),
                ("accept_http", dict(addr="[::]", port=3128, raddr="[::]", fd=r.randint(18, 30), fl=9)),
                ("accept_nat", dict(addr="[::]", port=3129, raddr="[::]", fd=r.randint(18, 30), fl=41)),
                ("accept_bump", dict(addr="[::]", port=3130, raddr="[::]", fd=r.randint(18, 30), fl=41)),
                L("htcp"), ("pinger", dict(fd=r.randint(14, 20)))]

    def ep_reconf(self):
        items = [("reconf", dict(ver="4.13")),
                 ("close_port", dict(addr="[::]", port=3128)), ("close_port", dict(addr="[::]", port=3129)),
                 ("close_port", dict(addr="[::]", port=3130)),
                 ("log_close", dict(path="daemon:/var/log/squid/access.log"))]
        return items + self.common_config()

    def ep_crash(self):
        r = self.r
        entries = r.randint(180000, 260000)
        items = [("assert", dict(loc="Read.cc:69")),
                 ("start", dict(ver="4.13", _gap=r.uniform(3, 6))), L("svc"), ("pid", dict(pid=r.randint(3000, 9000))),
                 L("roles"), ("fds", dict(n=65535)), L("ipcache"),
                 ("dns_sock", dict(addr="[::]", fd=9)), ("dns_sock", dict(addr="0.0.0.0", fd=10)),
                 ("nameserver", dict(ip="10.30.0.53", path="/etc/resolv.conf"))]
        items += self.common_config()[:6] + [L("store_log"), ("swap", dict(a=10240000, b=262144, c=787692)),
                                              ("buckets_t", dict(n=39384)), ("buckets", dict(n=65536)),
                                              ("maxmem", dict(n=262144)), ("maxswap", dict(n=10240000)),
                                              ("rebuild_dirty", dict(path="/var/spool/squid")),
                                              L("leastload"), ("cwd", dict(path="/var/spool/squid")), L("mime"),
                                              L("bcp177")]
        items += self.common_config()[6:] + [("swaplog", dict(path="/var/spool/squid", n=entries)), L("rebuilt"),
                                             ("scanned", dict(n=entries)), ("invalid", dict(n=r.randint(0, 3))),
                                             ("loaded", dict(n=entries - r.randint(40, 400))),
                                             ("took_obj", dict(secs="%.2f" % 1.84, rate="%.2f" % (entries / 1.84))),
                                             L("validation"), L("validated"), ("late", dict(n=0, _gap=1.0))]
        return items

    def weighted_episodes(self):
        return [(12, self.ep_hhf), (9, self.ep_rw), (10, self.ep_ssl), (1.3, self.ep_parent),
                (3.2, self.ep_invalid), (0.7, self.ep_busy), (0.5, self.ep_disk)]

    def fixed_episodes(self):
        return [(1, self.ep_reconf, 0.18), (1, self.ep_rotate, 0.42), (1, self.ep_crash, 0.7), (1, self.ep_reconf, 0.86),
                (1, lambda: [L("fd_warn")]),
                (2, lambda: [L("url_parse", host=self.r.choice(["-.example.com", "www..example.net", "_bad_.test"]))])]


# ---------------------------------------------------------------------------------------------
# etcd 3.4 (capnslog text logger), one member of a three-member Kubernetes control-plane cluster.
# ---------------------------------------------------------------------------------------------
ETCD_SELF = "a3f1c9e27b5d4e80"
ETCD_PEERS = {"4c2d8e1f9a7b6305": "10.40.0.12", "e7b90d4a18c2f3d6": "10.40.0.13"}
K8S_PREFIXES = ["/registry/pods/", "/registry/pods/kube-system/", "/registry/pods/default/",
                "/registry/services/specs/", "/registry/services/endpoints/", "/registry/minions/",
                "/registry/events/", "/registry/configmaps/kube-system/", "/registry/secrets/",
                "/registry/deployments/", "/registry/replicasets/", "/registry/namespaces/",
                "/registry/apiextensions.k8s.io/customresourcedefinitions/", "/registry/jobs/",
                "/registry/endpointslices/", "/registry/leases/kube-node-lease/"]
K8S_KEYS = ["/registry/health", "/registry/namespaces/default", "/registry/leases/kube-system/kube-scheduler",
            "/registry/leases/kube-system/kube-controller-manager", "/registry/services/endpoints/default/kubernetes",
            "/registry/ranges/serviceips", "/registry/configmaps/kube-system/coredns",
            "/registry/masterleases/10.40.0.11"]


class Etcd(Blind4):
    name = "Etcd"
    log_format = "<Date> <Time> <Level> \\| <Component>: <Content>"
    start = datetime(2024, 3, 7, 2, 10, 44)
    mean_gap = 7.0
    settings = {"regex": [r"\b[0-9a-f]{16}\b", r"\d+(\.\d+)?(ms|s|µs)", r"(\d+\.){3}\d+(:\d+)?"],
                "st": 0.5, "depth": 4}

    def define(self):
        ev = self.ev

        def w(key, comp, text):
            ev(key, text, lvl="W", comp=comp)

        def i(key, comp, text):
            ev(key, text, lvl="I", comp=comp)

        ES, RH, RF = "etcdserver", "rafthttp", "raft"
        TT = " took too long (<@dur>) to execute"
        RES = " with result \"range_response_count:<@n> size:<@sz>\"" + TT
        w("rr_range", ES, "read-only range request \"key:\\\"<@key>\\\" range_end:\\\"<@end>\\\" \"" + RES)
        w("rr_count", ES, "read-only range request \"key:\\\"<@key>\\\" range_end:\\\"<@end>\\\" count_only:true \"" + RES)
        w("rr_key", ES, "read-only range request \"key:\\\"<@key>\\\" \"" + RES)
        w("rr_limit", ES, "read-only range request \"key:\\\"<@key>\\\" range_end:\\\"<@end>\\\" limit:<@lim> \"" + RES)
        w("rr_err_to", ES, "read-only range request \"key:\\\"<@key>\\\" \" with result \"error:etcdserver: request timed out\"" + TT)
        w("rr_err_cancel", ES, "read-only range request \"key:\\\"<@key>\\\" range_end:\\\"<@end>\\\" \" with result \"error:context canceled\"" + TT)
        w("txn_lease", ES, "request \"header:<ID:<@id> > txn:<compare:<target:MOD key:\\\"<@key>\\\" mod_revision:<@mr> > success:<request_put:<key:\\\"<@key>\\\" value_size:<@vs> >> failure:<request_range:<key:\\\"<@key>\\\" > >>\" with result \"size:<@sz>\"" + TT)
        w("lease_grant", ES, "request \"header:<ID:<@id> > lease_grant:<ttl:<@ttl>-second id:<@lid>>\" with result \"size:<@sz>\"" + TT)
        w("apply_revoke", ES, "failed to apply request \"header:<ID:<@id> > lease_revoke:<id:<@lid>>\" with response \"size:<@sz>\" took (<@dur>) to execute, err is lease not found")
        w("hb", ES, "failed to send out heartbeat on time (exceeded the <@hb> timeout for <@over>, to <@peer>)")
        w("overloaded", ES, "server is likely overloaded")
        w("apply_long", ES, "apply entries took too long [<@dur> for <@n> entries]")
        w("avoid", ES, "avoid queries with large range/delete range!")
        w("readindex", ES, "timed out waiting for read index response (local node might have slow network)")
        w("wal_sync", "wal", "sync duration of <@dur>, expected less than <@exp>")
        V3 = "etcdserver/api/v3rpc"
        w("watch_recv", V3, "failed to receive watch request from gRPC stream (\"rpc error: code = Unavailable desc = client disconnected\")")
        w("watch_recv_c", V3, "failed to receive watch request from gRPC stream (\"rpc error: code = Canceled desc = context canceled\")")
        w("watch_send", V3, "failed to send watch response to gRPC stream (\"rpc error: code = Unavailable desc = transport is closing\")")
        i("rej_badcert", "embed", "rejected connection from \"<@ip>:<@port>\" (error \"remote error: tls: bad certificate\", ServerName \"\")")
        i("rej_notls", "embed", "rejected connection from \"<@ip>:<@port>\" (error \"tls: first record does not look like a TLS handshake\", ServerName \"\")")
        i("rej_eof", "embed", "rejected connection from \"<@ip>:<@port>\" (error \"EOF\", ServerName \"\")")
        w("revoke_fail", ES, "failed to revoke <@lid> (\"lease not found\")")
        w("clock_snap", RH, "the clock difference against peer <@peer> is too high [<@d> > <@lim>] (prober \"ROUND_TRIPPER_SNAPSHOT\")")
        w("clock_raft", RH, "the clock difference against peer <@peer> is too high [<@d> > <@lim>] (prober \"ROUND_TRIPPER_RAFT_MESSAGE\")")
        w("lost_msgapp", RH, "lost the TCP streaming connection with peer <@peer> (stream MsgApp v2 reader)")
        w("lost_msg", RH, "lost the TCP streaming connection with peer <@peer> (stream Message reader)")
        w("dial_msgapp", RH, "failed to dial <@peer> on stream MsgApp v2 (dial tcp <@ip>:<@port>: connect: connection refused)")
        w("dial_msg", RH, "failed to dial <@peer> on stream Message (dial tcp <@ip>:<@port>: connect: connection refused)")
        w("inactive", RH, "peer <@peer> became inactive (message send to peer failed)")
        PR = " (prober \"ROUND_TRIPPER_%s\")"
        w("hc_ref_snap", RH, "health check for peer <@peer> could not connect: dial tcp <@ip>:<@port>: connect: connection refused" + PR % "SNAPSHOT")
        w("hc_ref_raft", RH, "health check for peer <@peer> could not connect: dial tcp <@ip>:<@port>: connect: connection refused" + PR % "RAFT_MESSAGE")
        w("hc_to_snap", RH, "health check for peer <@peer> could not connect: dial tcp <@ip>:<@port>: i/o timeout" + PR % "SNAPSHOT")
        w("hc_to_raft", RH, "health check for peer <@peer> could not connect: dial tcp <@ip>:<@port>: i/o timeout" + PR % "RAFT_MESSAGE")
        i("active", RH, "peer <@peer> became active")
        i("est_msgapp_r", RH, "established a TCP streaming connection with peer <@peer> (stream MsgApp v2 reader)")
        i("est_msg_r", RH, "established a TCP streaming connection with peer <@peer> (stream Message reader)")
        i("est_msgapp_w", RH, "established a TCP streaming connection with peer <@peer> (stream MsgApp v2 writer)")
        i("est_msg_w", RH, "established a TCP streaming connection with peer <@peer> (stream Message writer)")
        w("dropped", RH, "dropped internal raft message to <@peer> since streamMsg's sending buffer is full (bad/overloaded network)")
        i("r_higher", RF, "<@self> [term: <@t0>] received a MsgVote message with higher term from <@peer> [term: <@t1>]")
        i("r_follower", RF, "<@self> became follower at term <@t1>")
        i("r_cast", RF, "<@self> [logterm: <@lt>, index: <@idx>, vote: <@vote>] cast MsgVote for <@peer> [logterm: <@plt>, index: <@pidx>] at term <@t1>")
        i("r_lost", RF, "raft.node: <@self> lost leader <@old> at term <@t1>")
        i("r_elected", RF, "raft.node: <@self> elected leader <@leader> at term <@t1>")
        i("r_newelection", RF, "<@self> is starting a new election at term <@t0>")
        i("r_candidate", RF, "<@self> became candidate at term <@t1>")
        i("r_voteresp", RF, "<@self> received MsgVoteResp from <@from> at term <@t1>")
        i("r_sent", RF, "<@self> [logterm: <@lt>, index: <@idx>] sent MsgVote request to <@peer> at term <@t1>")
        i("r_votes", RF, "<@self> has received <@n> MsgVoteResp votes and <@m> vote rejections")
        i("r_leader", RF, "<@self> became leader at term <@t1>")
        w("r_stepdown", RF, "<@self> stepped down to follower since quorum is not active")
        w("health_noleader", "etcdserver/api/etcdhttp", "/health error; no leader (status code <@code>)")
        i("snap_start", ES, "start to snapshot (applied: <@a>, lastsnap: <@b>)")
        i("snap_saved", ES, "saved snapshot at index <@a>")
        i("raft_compacted", ES, "compacted raft log at <@c>")
        i("purged", "fileutil", "purged file <@path> successfully")
        i("mvcc_compact", "mvcc", "store.index: compact <@rev>")
        i("mvcc_done", "mvcc", "finished scheduled compaction at <@rev> (took <@dur>)")

        self.term = 7
        self.index = 48210377
        self.rev = 39120554
        self.leader = "4c2d8e1f9a7b6305"
        self.lastsnap = 48200000

    def render(self, t, ev, vals, content):
        return "%s %s | %s: %s" % (t.strftime("%Y-%m-%d %H:%M:%S.%f"), ev.hdr["lvl"], ev.hdr["comp"], content)

    def dur(self, lo=100, hi=900):
        return go_dur(self.r, lo, hi)

    def step(self):
        self.index += self.r.randint(20, 400)
        self.rev += self.r.randint(10, 300)

    def lease_id(self):
        return "%016x" % self.r.getrandbits(63)

    def req_id(self):
        return self.r.randint(10 ** 18, 9 * 10 ** 18)

    # -- episodes ------------------------------------------------------------------------------
    def ep_slow(self):
        r = self.r
        self.step()
        items = []
        for _ in range(weighted(r, [(1, 5), (2, 3), (3, 2), (5, 1), (8, 0.4)])):
            kind = weighted(r, [("range", 6), ("count", 3), ("key", 4), ("limit", 1.5), ("txn", 3), ("grant", 0.6)])
            d = self.dur(100, 2600) if r.random() < 0.9 else self.dur(2600, 9000)
            if kind in ("range", "count", "limit"):
                key = r.choice(K8S_PREFIXES)
                end = key[:-1] + chr(ord(key[-1]) + 1)
                if kind == "count":
                    items.append(("rr_count", dict(key=key, end=end, n=0, sz=r.randint(5, 9), dur=d)))
                elif kind == "limit":
                    n = r.randint(1, 500)
                    items.append(("rr_limit", dict(key=key, end=end, lim=500, n=n, sz=n * r.randint(900, 4000), dur=d)))
                else:
                    n = r.randint(0, 600)
                    items.append(("rr_range", dict(key=key, end=end, n=n, sz=n * r.randint(700, 5000) + 7, dur=d)))
            elif kind == "key":
                key = r.choice(K8S_KEYS + ["/registry/pods/default/web-%s-%s" % (hexs(r, 9), hexs(r, 5))])
                n = 0 if key == "/registry/health" else 1
                items.append(("rr_key", dict(key=key, n=n, sz=r.randint(5, 9) if n == 0 else r.randint(300, 9000), dur=d)))
            elif kind == "txn":
                key = "/registry/leases/kube-node-lease/node-%s" % r.choice(["cp-1", "cp-2", "cp-3", "w-01", "w-02", "w-03", "w-04", "w-05", "w-06"])
                items.append(("txn_lease", dict(id=self.req_id(), key=key, mr=self.rev - r.randint(1, 900),
                                                vs=r.randint(500, 560), sz=18, dur=d)))
            else:
                items.append(("lease_grant", dict(id=self.req_id(), ttl=r.choice([15, 60, 3660]), lid=self.lease_id(),
                                                  sz=r.choice([39, 41]), dur=d)))
        if r.random() < 0.12:
            items.append(("apply_long", dict(dur=self.dur(100, 900), n=1)))
            items.append(L("avoid"))
        return items

    def ep_heartbeat(self):
        r = self.r
        items = []
        for _ in range(weighted(r, [(1, 3), (2, 2), (4, 1)])):
            items += [("hb", dict(hb="100ms", over=self.dur(1, 400), peer=r.choice(list(ETCD_PEERS)))), L("overloaded")]
        if r.random() < 0.2:
            items.append(("wal_sync", dict(dur=go_dur(r, 1000, 3500), exp="1s")))
        return items

    def ep_watch(self):
        r = self.r
        key = weighted(r, [("watch_recv", 8), ("watch_send", 2), ("watch_recv_c", 1.5)])
        return [L(key) for _ in range(weighted(r, [(1, 4), (2, 2), (3, 1), (6, 0.5)]))]

    def ep_maint(self):
        r = self.r
        self.step()
        if r.random() < 0.7:
            rev = self.rev - r.randint(2000, 9000)
            return [("mvcc_compact", dict(rev=rev)),
                    ("mvcc_done", dict(rev=rev, dur=go_dur(r, 4, 60), _gap=r.uniform(0.005, 0.06)))]
        a = self.index
        items = [("snap_start", dict(a=a, b=self.lastsnap)), ("snap_saved", dict(a=a)),
                 ("raft_compacted", dict(c=a - 5000))]
        self.lastsnap = a
        if r.random() < 0.6:
            items.append(("purged", dict(path="/var/lib/etcd/member/snap/%016x-%016x.snap" % (self.term, a - 400000))))
        return items

    def ep_rejected(self):
        r = self.r
        key = weighted(r, [("rej_badcert", 5), ("rej_notls", 2), ("rej_eof", 2)])
        ip = weighted(r, [("10.40.0.57", 4), ("10.40.3.21", 2), (self.doc_ip(), 1)])
        return [(key, dict(ip=ip, port=self.eport())) for _ in range(weighted(r, [(1, 4), (2, 1)]))]

    def ep_revoke(self):
        r = self.r
        if r.random() < 0.5:
            return [("revoke_fail", dict(lid=self.lease_id()))]
        return [("apply_revoke", dict(id=self.req_id(), lid=self.lease_id(), sz=28, dur=go_dur(r, 0.1, 9)))]

    def ep_clock(self):
        r = self.r
        peer = "e7b90d4a18c2f3d6"
        return [("clock_snap", dict(peer=peer, d=go_dur(r, 1000, 1900), lim="1s")),
                ("clock_raft", dict(peer=peer, d=go_dur(r, 1000, 1900), lim="1s"))]

    def ep_readindex(self):
        r = self.r
        items = [L("readindex") for _ in range(r.randint(1, 2))]
        if r.random() < 0.5:
            key = r.choice(K8S_KEYS)
            items.append(("rr_err_to", dict(key=key, dur=go_dur(r, 7000, 7100))))
        return items

    def ep_cancel(self):
        r = self.r
        key = r.choice(K8S_PREFIXES)
        return [("rr_err_cancel", dict(key=key, end=key[:-1] + chr(ord(key[-1]) + 1), dur=go_dur(r, 200, 9000)))]

    def ep_peer_down(self, timeout=False):
        """A peer restarts (or drops off the network): the stream readers break, health probes fail
        every 5 s until it is back."""
        r = self.r
        peer = r.choice(list(ETCD_PEERS))
        ip = ETCD_PEERS[peer]
        P = dict(peer=peer, ip=ip, port=2380)
        items = [("lost_msgapp", dict(peer=peer)), ("lost_msg", dict(peer=peer))]
        if not timeout:
            items += [("dial_msgapp", P), ("dial_msg", P)]
        items.append(("inactive", dict(peer=peer)))
        if r.random() < 0.4:
            items.append(("dropped", dict(peer=peer)))
        for k in range(r.randint(2, 6)):
            a, b = ("hc_to_snap", "hc_to_raft") if timeout else ("hc_ref_snap", "hc_ref_raft")
            items += [(a, dict(P, _gap=5.0 if k else 1.0)), (b, dict(P, _gap=r.uniform(0, 0.01)))]
        items += [("active", dict(peer=peer, _gap=r.uniform(1, 5))), ("est_msgapp_w", dict(peer=peer)),
                  ("est_msg_w", dict(peer=peer)), ("est_msgapp_r", dict(peer=peer)), ("est_msg_r", dict(peer=peer))]
        return items

    def ep_election(self, wins=False, stepdown=False):
        r = self.r
        me = ETCD_SELF
        old = self.leader
        t0 = self.term
        t1 = t0 + 1
        self.term = t1
        lt, idx = t0, self.index
        peers = list(ETCD_PEERS)
        items = []
        if stepdown:
            items += [("r_stepdown", dict(self=me)), ("r_follower", dict(self=me, t1=t0)),
                      ("r_lost", dict(self=me, old=me, t1=t0)),
                      ("health_noleader", dict(code=503))]
            old = me
        if wins:
            items += [("r_newelection", dict(self=me, t0=t0, _gap=r.uniform(1, 2))), ("r_candidate", dict(self=me, t1=t1)),
                      ("r_voteresp", dict(self=me, **{"from": me}, t1=t1))]
            for p in peers:
                items.append(("r_sent", dict(self=me, lt=lt, idx=idx, peer=p, t1=t1)))
            if not stepdown:
                items.append(("r_lost", dict(self=me, old=old, t1=t1)))
            voter = r.choice(peers)
            items += [("r_voteresp", dict(self=me, **{"from": voter}, t1=t1)),
                      ("r_votes", dict(self=me, n=2, m=0)), ("r_leader", dict(self=me, t1=t1)),
                      ("r_elected", dict(self=me, leader=me, t1=t1))]
            self.leader = me
        else:
            cand = r.choice([p for p in peers if p != old] or peers)
            items += [("r_higher", dict(self=me, t0=t0, peer=cand, t1=t1)), ("r_follower", dict(self=me, t1=t1)),
                      ("r_cast", dict(self=me, lt=lt, idx=idx, vote=0, peer=cand, plt=lt, pidx=idx + r.randint(0, 3), t1=t1)),
                      ("r_lost", dict(self=me, old=old, t1=t1)),
                      ("health_noleader", dict(code=503)),
                      ("r_elected", dict(self=me, leader=cand, t1=t1, _gap=r.uniform(0.05, 0.4)))]
            self.leader = cand
        return items

    def weighted_episodes(self):
        return [(22, self.ep_slow), (6, self.ep_heartbeat), (7, self.ep_watch), (5, self.ep_maint),
                (2.0, self.ep_rejected), (1.0, self.ep_revoke), (0.35, self.ep_clock), (0.5, self.ep_readindex),
                (0.35, self.ep_cancel), (0.22, self.ep_peer_down), (0.2, self.ep_election)]

    def fixed_episodes(self):
        return [(1, lambda: self.ep_peer_down(True), 0.52), (1, lambda: self.ep_election(wins=True), 0.3),
                (1, lambda: self.ep_election(wins=True, stepdown=True), 0.77)]


# ---------------------------------------------------------------------------------------------
# CoreDNS 1.11 in Kubernetes, as `kubectl logs --timestamps` shows it (default Corefile:
# errors, health{lameduck 5s}, ready, kubernetes, forward . /etc/resolv.conf, cache, loop, reload).
# ---------------------------------------------------------------------------------------------
class CoreDNS(Blind4):
    name = "CoreDNS"
    log_format = "<Timestamp> \\[<Level>\\] <Content>"
    start = datetime(2024, 3, 8, 7, 1, 12)
    mean_gap = 95.0
    settings = {"regex": [r"(\d+\.){3}\d+(:\d+)?", r"\[[0-9a-f:]+\](:\d+)?", r"\s([\w-]+\.)+\s"], "st": 0.5, "depth": 4}

    def define(self):
        ev = self.ev
        RU = "read udp <@src>:<@sport>-><@up>:<@uport>: "
        ev("e_a_to", "plugin/errors: 2 <@qn> A: " + RU + "i/o timeout", lvl="ERROR")
        ev("e_aaaa_to", "plugin/errors: 2 <@qn> AAAA: " + RU + "i/o timeout", lvl="ERROR")
        ev("e_ptr_to", "plugin/errors: 2 <@qn> PTR: " + RU + "i/o timeout", lvl="ERROR")
        ev("e_srv_to", "plugin/errors: 2 <@qn> SRV: " + RU + "i/o timeout", lvl="ERROR")
        ev("e_hinfo_to", "plugin/errors: 2 <@qn> HINFO: " + RU + "i/o timeout", lvl="ERROR")
        ev("e_a_refused", "plugin/errors: 2 <@qn> A: " + RU + "read: connection refused", lvl="ERROR")
        ev("e_aaaa_nu", "plugin/errors: 2 <@qn> AAAA: dial udp [<@up6>]:<@uport>: connect: network is unreachable", lvl="ERROR")
        ev("e_noproxy", "plugin/errors: 2 <@qn> A: no healthy proxies", lvl="ERROR")
        ev("h_slow", "plugin/health: Local health request to \"<@url>\" took more than <@lim>: <@dur>", lvl="WARNING")
        ev("h_fail", "plugin/health: Local health request to \"<@url>\" failed: Get \"<@url>\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", lvl="WARNING")
        GET = "Get \"<@url>\": dial tcp <@api>:<@aport>: i/o timeout"
        ev("k_apifail", "plugin/kubernetes: Kubernetes API connection failure: " + GET, lvl="WARNING")
        for kind, res in (("ns", "Namespace"), ("svc", "Service"), ("eps", "EndpointSlice")):
            ev("k_list_" + kind, "plugin/kubernetes: <@loc>: failed to list *v1.%s: %s" % (res, GET), lvl="INFO")
        for kind, res in (("ns", "Namespace"), ("svc", "Service"), ("eps", "EndpointSlice")):
            ev("k_watch_" + kind, "plugin/kubernetes: <@loc>: Failed to watch *v1.%s: failed to list *v1.%s: %s" % (res, res, GET), lvl="ERROR")
        ev("k_waiting", "plugin/kubernetes: waiting for Kubernetes API before starting server", lvl="INFO")
        ev("k_unsynced", "plugin/kubernetes: starting server with unsynced Kubernetes API", lvl="WARNING")
        ev("ready_wait", "plugin/ready: Still waiting on: \"kubernetes\"", lvl="INFO")
        ev("reload_sha", "plugin/reload: Running configuration SHA512 = <@sha>", lvl="INFO")
        ev("glob", "No files matching import glob pattern: <@glob>", lvl="WARNING")
        ev("reloading", "Reloading", lvl="INFO")
        ev("reload_done", "Reloading complete", lvl="INFO")
        ev("lameduck", "plugin/health: Going into lameduck mode for <@d>", lvl="INFO")
        ev("sigterm", "SIGTERM: Shutting down servers then terminating", lvl="INFO")
        ev("loop", "plugin/loop: Loop (<@lip>:<@lport> -> <@listen>) detected for zone \"<@zone>\", see https://coredns.io/plugins/loop#troubleshooting. Query: \"HINFO <@qn>\"", lvl="FATAL")

        r = self.r
        self.qname = self.pool(lambda: self.domain() + ".", 120, 1.0)
        self.src = "10.244.1.7"
        self.sha = hexs(r, 128)

    def render(self, t, ev, vals, content):
        ns = t.microsecond * 1000 + self.r.randint(0, 999)
        frac = ("%09d" % ns).rstrip("0")
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S") + ("." + frac if frac else "") + "Z"
        return "%s [%s] %s" % (stamp, ev.hdr["lvl"], content)

    def up(self):
        return weighted(self.r, [("10.50.0.2", 5), ("10.50.0.3", 3), ("192.0.2.53", 1)])

    def loopname(self):
        r = self.r
        return "%d.%d." % (r.getrandbits(63), r.getrandbits(63))

    def loc(self):
        return "pkg/mod/k8s.io/client-go@v0.27.4/tools/cache/reflector.go:231"

    def api(self):
        return dict(url="https://10.96.0.1:443/version", api="10.96.0.1", aport=443)

    # -- episodes ------------------------------------------------------------------------------
    def ep_upstream(self):
        r = self.r
        up = self.up()
        items = []
        for _ in range(weighted(r, [(1, 4), (2, 3), (3, 2), (5, 1), (9, 0.4)])):
            key = weighted(r, [("e_a_to", 6), ("e_aaaa_to", 4), ("e_ptr_to", 0.5), ("e_srv_to", 0.4)])
            qn = self.qname()
            if key == "e_ptr_to":
                qn = "%d.%d.20.10.in-addr.arpa." % (r.randint(1, 254), r.randint(1, 9))
            elif key == "e_srv_to":
                qn = "_ldap._tcp." + qn
            items.append((key, dict(qn=qn, src=self.src, sport=self.eport(), up=up, uport=53)))
        return items

    def ep_refused(self):
        r = self.r
        return [("e_a_refused", dict(qn=self.qname(), src=self.src, sport=self.eport(), up="192.0.2.53", uport=53))
                for _ in range(r.randint(1, 2))]

    def ep_v6(self):
        r = self.r
        return [("e_aaaa_nu", dict(qn=self.qname(), up6="2001:db8:53::2", uport=53)) for _ in range(r.randint(1, 3))]

    def ep_health(self):
        r = self.r
        if r.random() < 0.15:
            return [("h_fail", dict(url="http://:8080/health"))]
        return [("h_slow", dict(url="http://:8080/health", lim="1s", dur="%.9fs" % r.uniform(1.0, 4.5)))]

    def ep_noproxy(self):
        return [("e_noproxy", dict(qn=self.qname()))]

    def api_outage(self, rounds):
        r = self.r
        items = [("k_apifail", self.api())]
        for k in range(rounds):
            for kind, path in (("ns", "namespaces"), ("svc", "services"), ("eps", "apis/discovery.k8s.io/v1/endpointslices")):
                pfx = "api/v1/" if kind != "eps" else ""
                url = "https://10.96.0.1:443/%s%s?limit=500&resourceVersion=0" % (pfx, path)
                v = dict(loc=self.loc(), url=url, api="10.96.0.1", aport=443)
                items.append(("k_list_" + kind, dict(v, _gap=30.0 if kind == "ns" and k else r.uniform(0, 0.2))))
                items.append(("k_watch_" + kind, dict(v, _gap=r.uniform(0, 0.01))))
        return items

    def ep_outage(self):
        return self.api_outage(self.r.randint(1, 3))

    def startup(self, unsynced=False):
        r = self.r
        items = [("glob", dict(glob="custom/*.override"))]
        if unsynced:
            items += [L("k_waiting"), L("ready_wait", _gap=10.0)] + self.api_outage(1) + \
                     [L("ready_wait", _gap=10.0), L("k_unsynced", _gap=r.uniform(5, 9))]
        else:
            items += [L("k_waiting"), L("ready_wait", _gap=r.uniform(0.1, 0.9))]
        items.append(("reload_sha", dict(sha=self.sha)))
        if r.random() < 0.7 or unsynced:
            items.append(("e_hinfo_to", dict(qn=self.loopname(), src=self.src, sport=self.eport(), up=self.up(), uport=53,
                                              _gap=r.uniform(2, 3))))
        return items

    def ep_reload(self):
        r = self.r
        self.sha = hexs(r, 128)
        return [L("reloading"), ("glob", dict(glob="custom/*.override")), ("lameduck", dict(d="5s")),
                ("reload_sha", dict(sha=self.sha, _gap=5.0)), L("reload_done")]

    def ep_loop(self):
        r = self.r
        return [("loop", dict(lip="127.0.0.1", lport=self.eport(), listen=":53", zone=".", qn=self.loopname()))] + \
            self.startup()

    def ep_restart(self, unsynced=False):
        return [L("sigterm"), ("lameduck", dict(d="5s"))] + self.startup(unsynced)

    def weighted_episodes(self):
        return [(14, self.ep_upstream), (2.2, self.ep_refused), (3, self.ep_v6), (6, self.ep_health),
                (0.25, self.ep_noproxy), (0.45, self.ep_outage)]

    def fixed_episodes(self):
        return [(1, self.startup, 0.0), (1, self.ep_reload, 0.22), (1, self.ep_reload, 0.64),
                (1, lambda: self.ep_restart(True), 0.4), (1, self.ep_loop, 0.83)]


SYSTEMS = [OpenVPN, Dovecot, Named, Squid, Etcd, CoreDNS]


def summary(s, used):
    n = len(used)
    top = max(used.values())
    once = sum(1 for v in used.values() if v <= 2)
    return "%-8s %3d events, top event %4d lines, %2d events seen once or twice" % (s.name, n, top, once)


if __name__ == "__main__":
    sys.exit(main(sys.argv, SYSTEMS, summary))
