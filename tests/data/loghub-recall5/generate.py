#!/usr/bin/env python3
"""loghub-recall5: a synthetic, labelled imitation of six Loghub-2k systems (HealthApp, Linux, Mac,
OpenSSH, Proxifier, Thunderbird), written blind from memory of the public logpai/loghub 2k samples
and their corrected labels.  Every value (address, host, user, pid, port, id, path) is invented.

    python3 tests/data/loghub-recall5/generate.py OUT_DIR

writes OUT_DIR/<Sys>/<Sys>_2k.log, ..._structured_corrected.csv, ..._templates_corrected.csv and
OUT_DIR/settings.json.  Python 3 standard library only; deterministic (seed "loghub-recall5/v1").
See README.md for the labelling rules and every judgement call.
"""

import os
import sys
import time
from datetime import datetime, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from loghub_corpus import System, hexs, main, weighted  # noqa: E402


class R5(System):
    """Knobs of this corpus."""
    seed = "loghub-recall5/v1"
    collapse_spaces = True        # corrected Loghub templates write runs of blanks as one
    pub_ip_reserved = (0, 10, 100, 127, 169, 172, 192, 198, 203, 224)

    # -- helpers shared by the systems ------------------------------------
    def table(self, rows, **hdr):
        """Define events from (key, text) rows, all with the same header info."""
        for row in rows:
            key, text = row[0], row[1]
            h = dict(hdr)
            if len(row) > 2:
                h.update(row[2])
            self.ev(key, text, **h)

    def once_each(self, keys, count=1, pos=None):
        """Fixed episodes emitting each key `count` times (the long tail)."""
        out = []
        for k in keys:
            if pos is None:
                out.append((count, lambda k=k: [(k, {})]))
            else:
                out.append((count, lambda k=k: [(k, {})], pos))
        return out

    def v_n(self):
        return self.r.randint(1, 9)

    def v_num(self):
        return self.r.randint(10, 99999)

    def v_hex(self):
        return "0x" + hexs(self.r, self.r.choice((4, 8, 12)))

    def v_ms(self):
        return self.r.randint(1, 900)

    def v_port(self):
        return self.r.randint(1025, 65535)

    def v_bool(self):
        return self.r.choice(("true", "false"))


# =====================================================================================
# HealthApp
# =====================================================================================

class HealthApp(R5):
    name = "HealthApp"
    log_format = "<Time>\\|<Component>\\|<Pid>\\|<Content>"
    start = datetime(2017, 12, 23, 21, 48, 7)
    mean_gap = 26.0
    inner_gap = (0.0, 0.06)
    settings = {"regex": [], "st": 0.2, "depth": 4}

    def define(self):
        T = self.table
        T([("stand", "onStandStepChanged <@steps>"),
           ("extend", "onExtend:<@minute> <@a> <@b> <@c>"),
           ("proc_on", "processHandleBroadcastAction action:android.intent.action.SCREEN_ON"),
           ("proc_off", "processHandleBroadcastAction action:android.intent.action.SCREEN_OFF"),
           ("proc_tick", "processHandleBroadcastAction action:android.intent.action.TIME_TICK"),
           ("proc_date", "processHandleBroadcastAction action:android.intent.action.DATE_CHANGED"),
           ("proc_shut", "processHandleBroadcastAction action:android.intent.action.ACTION_SHUTDOWN"),
           ("set_total", "setTodayTotalDetailSteps=<@day>##<@steps>##<@a>##<@b>##<@c>##<@d>"),
           ("upload_min", "upLoadOneMinuteDataToEngine time:<@minute>,step:<@a>,calorie:<@b>"),
           ("get_min", "getOneMinuteData() startTime=<@minute> endTime=<@minute2> size=<@n>"),
           ("reset_day", "new day,reset today data,lastDay=<@day> today=<@day2>"),
           ("lsc_start", "onStartCommand flags=<@n> startId=<@n2>"),
           ("lsc_create", "onCreate"),
           ("lsc_destroy", "onDestroy"),
           ("lsc_reg", "registerSensorListener sensor type=<@n> ret=<@bool>"),
           ("lsc_unreg", "unregisterSensorListener sensor type=<@n>"),
           ("lsc_tlog", "writeTrackLog count=<@n>")], comp="Step_LSC")
        T([("get_total", "getTodayTotalDetailSteps = <@day>##<@steps>##<@a>##<@b>##<@c>##<@d>"),
           ("sp_goal", "getGoalSteps() goal=<@goal>"),
           ("sp_last", "setLastReportTime time=<@minute>"),
           ("sp_ver", "checkVersion old=<@n> new=<@n2>")], comp="Step_SPUtils")
        T([("cal", "calculateCaloriesWithCache totalCalories=<@cal>"),
           ("alt", "calculateAltitudeWithCache totalAltitude=<@alt>"),
           ("dist", "calculateDistanceWithCache totalDistance=<@dist>"),
           ("sdm_null", "calculateCaloriesWithCache cache is null, recalculate")], comp="Step_ExtSDM")
        T([("rcv_on", "onReceive action: android.intent.action.SCREEN_ON"),
           ("rcv_off", "onReceive action: android.intent.action.SCREEN_OFF"),
           ("rcv_present", "onReceive action: android.intent.action.USER_PRESENT"),
           ("report", "REPORT : <@steps> <@a> <@b> <@c>")], comp="Step_StandReportReceiver")
        T([("flush", "flush sensor data"),
           ("sc_tick", "onStandStepChanged cur=<@steps> last=<@steps2> diff=<@n>"),
           ("sc_reg", "registerStandStepListener success"),
           ("sc_noreg", "registerStandStepListener failed, sensor is null")],
          comp="Step_StandStepCounter")
        T([("screen_unknown", "screen status unknown,think screen on"),
           ("screen_is", "isScreenOn=<@bool>")], comp="Step_ScreenUtil")
        T([("notify", "updateNotification steps=<@steps> goal=<@goal>"),
           ("notify_goal", "reach goal notification, steps=<@steps>"),
           ("notify_off", "notification switch is off, not show")], comp="Step_NotificationUtil")
        T([("cache_flush", "flushTempCacheToDB by <@reason>"),
           ("cache_save", "saveTempCache size=<@n>"),
           ("cache_empty", "tempCache is empty, no need flush")], comp="Step_FlushableStepDataCache")
        T([("hgnh_show", "setGoalNotifiShow isShow=<@bool>"),
           ("hgnh_type", "getStepNotifiType type=<@n>")], comp="Step_HGNH")
        T([("bulk", "insertHiHealthData() bulk size = <@n>"),
           ("bind_ok", "insertHiHealthData() end, success size = <@n> cost time = <@ms>"),
           ("bind_app", "checkAppType() app = <@n> packageName = <@pkg>"),
           ("bind_perm", "checkPermission() no permission, appID = <@n>")],
          comp="HiH_HiHealthBinder")
        T([("save_detail", "saveHealthDetailData() type = <@n> startTime = <@minute> value = <@a>"),
           ("save_stat", "saveStatData() statType = <@n> day = <@date>"),
           ("save_invalid", "checkDataValid() data is invalid, type = <@n>"),
           ("save_rt", "insertHealthDataRealTime() size = <@n> isSync = <@bool>")],
          comp="HiH_HiHealthDataInsertStore")
        T([("sync_switch", "getSyncSwitch() switchStatus = <@n>"),
           ("sync_wifi", "isWifiConnected() = <@bool>"),
           ("sync_net", "checkSyncCondition() network is not available")], comp="HiH_HiSyncUtil")
        T([("sync_start", "startSync() syncType = <@n> , syncAction = <@n2>"),
           ("sync_end", "syncEnd() result = <@n> , cost = <@ms> ms"),
           ("sync_skip", "checkSync() no need to sync, lastSyncTime = <@minute>"),
           ("sync_busy", "startSync() sync is running, ignore this request")], comp="HiH_HiSyncControl")
        T([("bc_done", "sendSyncCompletedBroadcast()"),
           ("bc_fail", "sendSyncFailedBroadcast() errorCode = <@n>"),
           ("bc_change", "sendDataChangeBroadcast() type = <@n>")], comp="HiH_HiBroadcastUtil")
        T([("appid", "getAppID() packageName = <@pkg> appID = <@n>"),
           ("appinfo", "getAppInfo() appInfo is null, packageName = <@pkg>")], comp="HiH_HiAppUtil")
        T([("stat_day", "statDataByDay() date = <@date> statType = <@n>"),
           ("stat_none", "statDataByDay() no data need stat")], comp="HiH_DataStatManager")
        T([("cloud_up", "uploadData() success, dataType = <@n>, size = <@n2>"),
           ("cloud_fail", "uploadData() fail, errorCode = <@n> , errorMessage = <@errmsg>"),
           ("cloud_down", "downloadData() version = <@n> , count = <@n2>")], comp="HiH_HiCloudAdapter")
        T([("acct_login", "isLogined() = <@bool>"),
           ("acct_huid", "getCurrentUser() huid = <@huid>")], comp="HiH_HiAccountManager")
        T([("trig_reg", "registerDataTrigger() type = <@n>"),
           ("trig_fire", "onDataChanged() type = <@n> , changeCount = <@n2>")], comp="HiH_HiDataTriggerManager")
        T([("db_open", "onOpen() version = <@n>"),
           ("db_upgrade", "onUpgrade() oldVersion = <@n> , newVersion = <@n2>")], comp="HiH_HiHealthDBHelper")

    # -- values
    def v_day(self):
        return 1514044800000 + 0   # midnight of the (invented) current day in ms

    def v_minute(self):
        return 1514046000000 + 60000 * self.r.randint(0, 900)

    def v_a(self):
        return self.r.randint(0, 9000)

    def v_b(self):
        return self.r.randint(0, 400000)

    def v_c(self):
        return self.r.randint(0, 20000)

    def v_d(self):
        return self.r.randint(10000000, 40000000)

    def v_alt(self):
        return self.r.choice((-12, 0, 8, 16, 24, 40, 120, 216))

    def v_goal(self):
        return self.r.choice((7000, 8000, 10000))

    def v_reason(self):
        return self.r.choice(("stand", "screenOff", "timeTick", "shutdown"))

    def v_pkg(self):
        return self.r.choice(("com.huawei.health", "com.huawei.bone", "com.example.runapp",
                              "com.huawei.health:DaemonService"))

    def v_date(self):
        return self.r.choice((20171223, 20171224, 20171222))

    def v_errmsg(self):
        return self.r.choice(("network error", "token expired", "server busy"))

    def v_huid(self):
        return self.r.choice(("160048123", "160077904"))

    def tick(self):
        self.steps += self.r.randint(0, 14)
        return self.steps

    def __init__(self):
        self.steps = 1211
        R5.__init__(self)

    def ep_tick(self):
        r = self.r
        self.tick()
        items = [("stand", {})]
        if r.random() < 0.85:
            items.append(("extend", {"a": r.randint(0, 30), "b": r.randint(0, 3), "c": r.randint(0, 6)}))
        items.append(("set_total", {}))
        if r.random() < 0.8:
            items += [("cal", {}), ("alt", {})]
        if r.random() < 0.75:
            items.append(("report", {"a": r.randint(3000, 9000), "b": r.randint(100000, 200000),
                                     "c": r.randint(0, 300)}))
        return items

    def ep_screen(self):
        r = self.r
        on = r.random() < 0.5
        items = [("rcv_on" if on else "rcv_off", {}), ("proc_on" if on else "proc_off", {}),
                 ("flush", {}), ("get_total", {})]
        if r.random() < 0.3:
            items.append(("screen_unknown", {}))
        if r.random() < 0.5:
            items += [("cal", {}), ("alt", {})]
        if on and r.random() < 0.3:
            items.append(("rcv_present", {}))
        if not on and r.random() < 0.4:
            items.append(("cache_flush", {"reason": "screenOff"}))
        return items

    def ep_timetick(self):
        r = self.r
        items = [("proc_tick", {})]
        if r.random() < 0.5:
            items.append(("flush", {}))
        if r.random() < 0.5:
            items.append(("get_total", {}))
        if r.random() < 0.3:
            items.append(("upload_min", {}))
        return items

    def ep_sync(self):
        r = self.r
        items = [("sync_switch", {"n": r.choice((0, 1))})]
        if r.random() < 0.3:
            return items + [("sync_skip", {})]
        items += [("sync_wifi", {}), ("sync_start", {"n": r.choice((1, 2, 3)), "n2": r.choice((1, 2))})]
        for _ in range(r.randint(1, 4)):
            items.append(("cloud_up", {"n": r.choice((2, 7, 20001, 30001)), "n2": r.randint(1, 60)}))
        if r.random() < 0.85:
            items += [("sync_end", {"n": 0}), ("bc_done", {})]
        else:
            items += [("cloud_fail", {}), ("bc_fail", {"n": r.choice((1002, 1003, 1005))})]
        return items

    def ep_insert(self):
        r = self.r
        items = [("bulk", {"n": r.randint(1, 3)}), ("appid", {})]
        for _ in range(r.randint(1, 3)):
            items.append(("save_detail", {"n": r.choice((2, 4, 5, 7))}))
        items.append(("bind_ok", {}))
        if r.random() < 0.5:
            items.append(("bc_change", {"n": r.choice((1, 2))}))
        if r.random() < 0.3:
            items.append(("trig_fire", {}))
        return items

    def ep_misc(self):
        k = weighted(self.r, [("notify", 5), ("hgnh_show", 2), ("sc_tick", 4), ("cache_save", 3),
                              ("sync_wifi", 1), ("save_rt", 2), ("stat_day", 2), ("lsc_tlog", 2),
                              ("upload_min", 3), ("get_min", 2), ("screen_is", 2)])
        return [(k, {})]

    def stamp(self, fn):
        """Wrap an episode so that the step counter, calories and distance are those of the
        moment the episode is built (slot defaults are only filled after the whole build)."""
        def run():
            items = fn()
            st = {"steps": self.steps, "cal": 90000 + self.steps * 13, "dist": self.steps * 7 // 10,
                  "steps2": max(0, self.steps - self.r.randint(1, 12))}
            return [(k, dict(st, **v)) for k, v in items]
        return run

    def weighted_episodes(self):
        S = self.stamp
        return [(55, S(self.ep_tick)), (14, S(self.ep_screen)), (12, S(self.ep_timetick)),
                (3, S(self.ep_sync)), (5, S(self.ep_insert)), (8, S(self.ep_misc))]

    def fixed_episodes(self):
        def restart():
            return [("proc_shut", {}), ("cache_flush", {"reason": "shutdown"}), ("lsc_destroy", {}),
                    ("lsc_create", {}), ("lsc_start", {"n": 0, "n2": 1}), ("db_open", {"n": 23}),
                    ("sp_ver", {"n": 22, "n2": 23}), ("db_upgrade", {"n": 22, "n2": 23}),
                    ("lsc_reg", {"n": 19}), ("sc_reg", {}), ("acct_login", {}), ("acct_huid", {}),
                    ("trig_reg", {}), ("hgnh_type", {}), ("sp_goal", {})]

        def midnight():
            return [("proc_date", {}), ("reset_day", {"day2": 1514131200000}), ("sp_last", {}),
                    ("stat_day", {}), ("stat_none", {}), ("cloud_down", {})]
        tail = ["sdm_null", "dist", "notify_goal", "notify_off", "cache_empty", "sync_net",
                "sync_busy", "bind_app", "bind_perm", "save_stat", "save_invalid", "appinfo",
                "sc_noreg", "lsc_unreg", "hgnh_type", "cloud_down", "cloud_fail", "bc_fail"]
        fixed = [(1, restart, 0.31), (1, midnight, 0.75)] + self.once_each(tail)
        return [(f[0], self.stamp(f[1])) + tuple(f[2:]) for f in fixed]

    def render(self, t, ev, vals, content):
        ts = "%s-%d:%s:%d" % (t.strftime("%Y%m%d"), t.hour, t.strftime("%M:%S"), t.microsecond // 1000)
        pid = vals.get("_pid", 30004517 if not ev.hdr["comp"].startswith("HiH") else 30004629)
        return "%s|%s|%s|%s" % (ts, ev.hdr["comp"], pid, content)


# =====================================================================================
# OpenSSH
# =====================================================================================

class OpenSSH(R5):
    name = "OpenSSH"
    log_format = "<Date> <Day> <Time> <Component> sshd\\[<Pid>\\]: <Content>"
    start = datetime(2016, 12, 14, 6, 41, 12)
    mean_gap = 28.0
    inner_gap = (0.0, 2.5)
    settings = {"regex": ["(\\d+\\.){3}\\d+", "([\\w-]+\\.){2,}[\\w-]+"], "st": 0.6, "depth": 5}

    AUTHF = "logname= uid=<@uid> euid=<@uid> tty=ssh ruser= rhost=<@ip>"

    def define(self):
        A = self.AUTHF
        self.table([
            ("rev", "reverse mapping checking getaddrinfo for <@rdns> [<@ip>] failed - POSSIBLE BREAK-IN ATTEMPT!"),
            ("addrmap", "Address <@ip> maps to <@rdns>, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!"),
            ("invalid", "Invalid user <@user> from <@ip>"),
            ("iur", "input_userauth_request: invalid user <@user> [preauth]"),
            ("checkpass", "pam_unix(sshd:auth): check pass; user unknown"),
            ("authfail", "pam_unix(sshd:auth): authentication failure; " + A),
            ("authfail_u", "pam_unix(sshd:auth): authentication failure; " + A + "  user=<@user>"),
            ("failpw_inv", "Failed password for invalid user <@user> from <@ip> port <@port> ssh2"),
            ("failpw", "Failed password for <@user> from <@ip> port <@port> ssh2"),
            ("failnone", "Failed none for invalid user <@user> from <@ip> port <@port> ssh2"),
            ("repeated", "message repeated <@n> times: [ Failed password for <@user> from <@ip> port <@port> ssh2]"),
            ("repeated_inv", "message repeated <@n> times: [ Failed password for invalid user <@user> from <@ip> port <@port> ssh2]"),
            ("toomany", "Disconnecting: Too many authentication failures for <@user> [preauth]"),
            ("pam_more_u", "PAM <@n> more authentication failures; " + A + "  user=<@user>"),
            ("pam_more", "PAM <@n> more authentication failures; " + A),
            ("pam_one_u", "PAM <@n> more authentication failure; " + A + "  user=<@user>"),
            ("ignoring", "PAM service(sshd) ignoring max retries; <@n> > <@m>"),
            ("bye", "Received disconnect from <@ip>: <@code>: Bye Bye [preauth]"),
            ("closedreq", "Received disconnect from <@ip>: <@code>: Closed due to user request. [preauth]"),
            ("discuser", "Received disconnect from <@ip>: <@code>: disconnected by user"),
            ("err_jsch", "error: Received disconnect from <@ip>: <@code>: com.jcraft.jsch.JSchException: Auth fail [preauth]"),
            ("err_nomore", "error: Received disconnect from <@ip>: <@code>: No more user authentication methods available. [preauth]"),
            ("connclosed", "Connection closed by <@ip> [preauth]"),
            ("noident", "Did not receive identification string from <@ip>"),
            ("fatal_wr", "fatal: Write failed: Connection reset by peer [preauth]"),
            ("fatal_rd", "fatal: Read from socket failed: Connection reset by peer [preauth]"),
            ("accepted", "Accepted password for <@user> from <@ip> port <@port> ssh2"),
            ("sess_open", "pam_unix(sshd:session): session opened for user <@user> by (uid=<@uid>)"),
            ("sess_close", "pam_unix(sshd:session): session closed for user <@user>"),
            ("badproto", "Bad protocol version identification '<@ver>' from <@ip> port <@port>"),
        ])
        r = self.r
        self.ips = self.pool(self.pub_ip, 120, s=1.25)
        words = ["vps", "static", "mail", "ns", "host", "dsl", "srv", "node", "cust", "dyn"]
        doms = ["orbitnet", "kalvanet", "telmora", "zx-broadband", "quickhost", "pentaisp",
                "dunecloud", "ferrotel", "marivox", "netpolaris"]
        tlds = ["com", "net", "ru", "cn", "com.br", "co.kr", "in", "vn"]
        self.rdns = {}
        for ip in self.ips.vals:
            if r.random() < 0.55:
                o = ip.split(".")
                self.rdns[ip] = "%s-%s-%s.%s.%s" % (r.choice(words), o[2], o[3], r.choice(doms), r.choice(tlds))
        self.users = self.pool(lambda: r.choice([
            "admin", "test", "oracle", "support", "user", "guest", "ubnt", "pi", "ftpuser",
            "postgres", "git", "nagios", "webmaster", "tomcat", "mysql", "deploy", "jenkins",
            "hadoop", "minecraft", "ts3", "student", "operator", "backup", "demo", "zabbix",
            "teamspeak", "ftp", "www", "ubuntu", "centos", "sysadmin", "0", "1234", "a", "x"]), 30)
        self.pid = r.randint(19000, 22000)

    def v_uid(self):
        return 0

    def v_port(self):
        return self.r.randint(30000, 65000)

    def v_code(self):
        return 11

    def next_pid(self):
        self.pid += self.r.randint(1, 9)
        return self.pid

    def conn(self, ip):
        pid = self.next_pid()
        return {"_pid": pid, "ip": ip, "port": self.v_port()}

    def pre(self, ip, c):
        items = []
        if ip in self.rdns and self.r.random() < 0.7:
            items.append(("rev", dict(c, rdns=self.rdns[ip])))
        return items

    def ep_root(self):
        r = self.r
        ip = self.ips()
        c = self.conn(ip)
        u = "root" if r.random() < 0.92 else self.users()
        c["user"] = u
        items = self.pre(ip, c)
        items += [("authfail_u", c), ("failpw", c)]
        roll = r.random()
        if roll < 0.45:
            n = r.randint(2, 5)
            items.append(("repeated", dict(c, n=n)))
            if r.random() < 0.6:
                items += [("toomany", c), ("pam_more_u", dict(c, n=5)), ("ignoring", dict(c, n=6, m=3))]
            else:
                items += [("bye", c), ("pam_more_u", dict(c, n=n))]
        elif roll < 0.85:
            items.append(("bye", c))
        elif roll < 0.93:
            items += [("connclosed", c), ("pam_one_u", dict(c, n=1))]
        else:
            items.append(("err_nomore", dict(c, code=14)))
        return items

    def ep_invalid(self):
        r = self.r
        ip = self.ips()
        c = self.conn(ip)
        c["user"] = self.users()
        items = self.pre(ip, c)
        items += [("invalid", c), ("iur", c)]
        if r.random() < 0.08:
            items.append(("failnone", c))
        items += [("checkpass", c), ("authfail", c), ("failpw_inv", c)]
        roll = r.random()
        if roll < 0.8:
            items.append(("bye", c))
        elif roll < 0.9:
            items += [("connclosed", c)]
        elif roll < 0.96:
            items += [("fatal_wr", c)]
        else:
            items += [("checkpass", c), ("repeated_inv", dict(c, n=2)),
                      ("pam_more", dict(c, n=2))]
        return items

    def ep_scan(self):
        r = self.r
        ip = self.ips()
        c = self.conn(ip)
        k = weighted(r, [("noident", 5), ("connclosed", 4), ("badproto", 1), ("fatal_rd", 1),
                         ("closedreq", 1), ("err_jsch", 1), ("addrmap", 1)])
        if k == "badproto":
            c["ver"] = r.choice(("GET / HTTP/1.1", "\\003", "SSH-2.0-Go"))
        if k == "err_jsch":
            c["code"] = 3
        if k == "addrmap":
            c["rdns"] = "%s.example-hosting.net" % hexs(r, 6)
        return [(k, c)]

    def ep_login(self):
        r = self.r
        ip = "%d.%d.%d.%d" % (r.choice((61, 112, 137)), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
        c = self.conn(ip)
        c["user"] = r.choice(("fztu", "lchen", "fztu"))
        items = [("accepted", c), ("sess_open", dict(c, uid=0))]
        self.later(r.randint(30, 400), [("discuser", c), ("sess_close", c)])
        return items

    def weighted_episodes(self):
        return [(48, self.ep_root), (30, self.ep_invalid), (18, self.ep_scan), (1.2, self.ep_login)]

    def fixed_episodes(self):
        return [(2, self.ep_login)]

    def render(self, t, ev, vals, content):
        return "%s %d %s HostKJ2 sshd[%d]: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"),
                                                  vals["_pid"], content)


# =====================================================================================
# Proxifier
# =====================================================================================

class Proxifier(R5):
    name = "Proxifier"
    log_format = "\\[<Time>\\] <Program> - <Content>"
    start = datetime(2016, 10, 27, 9, 12, 40)
    mean_gap = 3.5
    inner_gap = (0.0, 4.0)
    settings = {"regex": ["<\\d+\\ssec", "([\\w-]+\\.)+[\\w-]+(:\\d+)?", "\\d{2}:\\d{2}(:\\d{2})*",
                          "[KGTM]B"], "st": 0.6, "depth": 3}

    def define(self):
        self.table([
            ("open_https", "<@dest> open through proxy <@proxy> HTTPS"),
            ("open_socks", "<@dest> open through proxy <@proxy> SOCKS5"),
            ("close_bb", "<@dest> close, <@s> bytes sent, <@rv> bytes received, lifetime <@life>"),
            ("close_bk", "<@dest> close, <@s> bytes sent, <@rv> bytes (<@rk> KB) received, lifetime <@life>"),
            ("close_kb", "<@dest> close, <@s> bytes (<@sk> KB) sent, <@rv> bytes received, lifetime <@life>"),
            ("close_kk", "<@dest> close, <@s> bytes (<@sk> KB) sent, <@rv> bytes (<@rk> KB) received, lifetime <@life>"),
            ("close_km", "<@dest> close, <@s> bytes (<@sk> KB) sent, <@rv> bytes (<@rk> MB) received, lifetime <@life>"),
            ("close_bm", "<@dest> close, <@s> bytes sent, <@rv> bytes (<@rk> MB) received, lifetime <@life>"),
            ("err_403", "<@dest> error : Could not connect through proxy <@proxy> - Proxy server cannot establish a connection with the target, status code <@status>"),
            ("err_cancel", "<@dest> error : A connection request was canceled before the completion."),
            ("err_closed", "<@dest> error : Could not connect through proxy <@proxy> - Proxy closed the connection unexpectedly."),
            ("err_conn", "<@dest> error : Could not connect to proxy <@proxy> - connection attempt failed with error <@errno>"),
            ("err_resolve", "<@dest> error : Could not connect to proxy <@proxy> - Could not resolve <@phost> error <@errno>"),
        ])
        r = self.r
        self.proxy = "gw.netlab-kt.example.edu:8085"
        self.progs = [("chrome.exe", 40), ("chrome.exe *64", 6), ("Dropbox.exe", 8),
                      ("QQProtect.exe", 3), ("WeChatWeb.exe", 5), ("MusicBeeHelper.exe", 2),
                      ("OneNote.exe", 2), ("git-remote-https.exe *64", 3), ("YoudaoNote.exe", 3),
                      ("putty.exe", 1), ("SkypeHost.exe", 2), ("svchost.exe *64", 2),
                      ("Zotero.exe", 2), ("steam.exe", 1)]
        names = ["cdn", "www", "api", "clients", "update", "img", "static", "d", "log", "s", "mail", "push"]
        doms = ["kestrelmaps.com", "orbisnews.cn", "flexcloud.net", "picturehub.com", "videofarm.tv",
                "yondercdn.net", "mailzen.com", "adsquare.io", "sonora-music.com", "ganzhou-edu.cn",
                "notesync.com", "lumenstats.com"]
        self.hosts = self.pool(lambda: "%s%s.%s:%d" % (r.choice(names), r.choice(("", "", "1", "2", "3")),
                                                    r.choice(doms), weighted(r, [(443, 8), (80, 4), (5228, 1), (8080, 1)])), 90, s=1.1)
        self.ips = self.pool(lambda: "%s:%d" % (self.pub_ip(), r.choice((80, 443, 8000))), 10)

    def v_dest(self):
        return self.hosts() if self.r.random() < 0.93 else self.ips()

    def v_proxy(self):
        return self.proxy

    def v_life(self):
        r = self.r
        x = r.random()
        if x < 0.3:
            return "<1 sec"
        secs = int(r.expovariate(1 / 40.0)) + 1
        if secs >= 3600:
            return "%02d:%02d:%02d" % (secs // 3600, secs // 60 % 60, secs % 60)
        return "%02d:%02d" % (secs // 60, secs % 60)

    def ep_conn(self):
        r = self.r
        prog = weighted(r, self.progs)
        dest = self.v_dest()
        c = {"_prog": prog, "dest": dest}
        items = [("open_https" if r.random() < 0.97 else "open_socks", c)]
        x = r.random()
        if x < 0.05:
            items.append(("err_cancel", c))
            return items
        if x < 0.08:
            items.append(("err_403", dict(c, status=r.choice((403, 502, 404)))))
            return items
        if x < 0.095:
            items.append(("err_closed", c))
            return items

        def size(big):
            if big:
                b = int(r.lognormvariate(9.5, 2.0))
            else:
                b = int(r.lognormvariate(6.5, 1.3))
            return b
        s = size(r.random() < 0.5)
        rv = size(r.random() < 0.6)
        if s >= 1048576:
            s = 1048575 - r.randint(0, 900000)
        vals = dict(c, s=s, rv=rv)
        if s >= 1024:
            vals["sk"] = "%.2f" % (s / 1024.0)
        if rv >= 1048576:
            vals["rk"] = "%.2f" % (rv / 1048576.0)
        elif rv >= 1024:
            vals["rk"] = "%.2f" % (rv / 1024.0)
        key = "close_" + ("k" if s >= 1024 else "b") + ("m" if rv >= 1048576 else "k" if rv >= 1024 else "b")
        if key == "close_bm":
            key = "close_km"
            vals["s"] = s = r.randint(1100, 9000)
            vals["sk"] = "%.2f" % (s / 1024.0)
        gap = r.expovariate(1 / 8.0)
        self.later(r.randint(0, 12), [(key, dict(vals, _gap=gap))])
        return items

    def ep_err_conn(self):
        r = self.r
        prog = weighted(r, self.progs)
        c = {"_prog": prog, "errno": 10061 if r.random() < 0.7 else 10060}
        return [("err_conn", c)] * r.randint(1, 4)

    def ep_resolve(self):
        r = self.r
        prog = weighted(r, self.progs)
        return [("err_resolve", {"_prog": prog, "phost": self.proxy.split(":")[0], "errno": 11001})
                for _ in range(r.randint(1, 6))]

    def weighted_episodes(self):
        return [(100, self.ep_conn), (1.5, self.ep_err_conn), (0.8, self.ep_resolve)]

    def fixed_episodes(self):
        def big():
            return [("open_https", {"_prog": "Dropbox.exe", "dest": "block-sync.flexcloud.net:443"}),
                    ("close_bm", {"_prog": "Dropbox.exe", "dest": "block-sync.flexcloud.net:443",
                                  "s": 812, "rv": 2961004, "rk": "2.82", "life": "00:41"})]
        return [(1, big), (1, self.ep_resolve)]

    def render(self, t, ev, vals, content):
        return "[%s] %s - %s" % (t.strftime("%m.%d %H:%M:%S"), vals["_prog"], content)


# =====================================================================================
# Linux
# =====================================================================================

class Linux(R5):
    name = "Linux"
    log_format = "<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>"
    start = datetime(2005, 6, 11, 3, 12, 40)
    mean_gap = 15000.0
    inner_gap = (0.0, 1.0)
    settings = {"regex": ["(\\d+\\.){3}\\d+", "\\d{2}:\\d{2}:\\d{2}"], "st": 0.39, "depth": 6}

    def define(self):
        T = self.table
        K = {"comp": "kernel", "nopid": True}
        AF = "authentication failure; logname= uid=<@uid> euid=<@uid> tty=NODEVssh ruser= rhost=<@rhost>"
        T([("auth", AF), ("auth_u", AF + "  user=<@user>"), ("check", "check pass; user unknown"),
           ("s_open", "session opened for user <@user> by (uid=<@uid>)"),
           ("s_close", "session closed for user <@user>")], comp="sshd(pam_unix)")
        T([("l_open", "session opened for user <@user> by LOGIN(uid=<@uid>)"),
           ("l_fail", "authentication failure; logname= uid=<@uid> euid=<@uid> tty=<@tty> ruser= rhost="),
           ("pw_changed", "password changed for <@user>")], comp="login(pam_unix)")
        T([("root_login", "ROOT LOGIN ON <@tty>"),
           ("failed_login", "FAILED LOGIN <@n> FROM (null) FOR <@user>, Authentication failure")],
          comp="login")
        T([("f_conn", "connection from <@ip> (<@rdns>) at <@date>"),
           ("f_anon", "ANONYMOUS FTP LOGIN FROM <@ip>, (anonymous)"),
           ("f_timeout", "User unknown timed out after <@n> seconds at <@date>"),
           ("f_closed", "FTP session closed"),
           ("f_peer", "getpeername (ftpd): Transport endpoint is not connected")], comp="ftpd")
        T([("alert", "ALERT exited abnormally with [<@n>]")], comp="logrotate", nopid=True)
        T([("restart", "restart.")], comp="syslogd 1.4.1", nopid=True)
        T([("exiting", "exiting on signal <@n>")], comp="syslogd", nopid=True)
        T([("startup", "<@svc> startup succeeded"), ("shutdown", "<@svc> shutdown succeeded"),
           ("starting", "Starting <@svc>:  succeeded"), ("stopping", "Stopping <@svc>:  succeeded"),
           ("startfail", "Starting <@svc>:  failed"),
           ("netparams", "Setting network parameters:  succeeded"),
           ("loopback", "Bringing up loopback interface:  succeeded"),
           ("ifup", "Bringing up interface <@iface>:  succeeded"),
           ("ifdown", "Shutting down interface <@iface>:  succeeded"),
           ("random", "Initializing random number generator:  succeeded"),
           ("randsave", "Saving random seed:  succeeded"),
           ("netfs", "Mounting other filesystems:  succeeded"),
           ("unmount", "Unmounting NFS filesystems:  succeeded"),
           ("readahead", "Starting background readahead:  succeeded"),
           ("sysctl", "<@key> = <@val>")], comp="rc", nopid=True)
        T([("k_stop", "Kernel logging (proc) stopped."), ("k_term", "Kernel log daemon terminating."),
           ("klogd", "klogd 1.4.1, log source = /proc/kmsg started."),
           ("linux_ver", "Linux version <@kver> (<@builder>) (gcc version <@gccv> <@gccd> (Red Hat Linux <@gccr>)) #<@n> <@bdate>"),
           ("ram_map", "BIOS-provided physical RAM map:"),
           ("e820_u", "BIOS-e820: <@addr> - <@addr2> (usable)", {"lead": True}),
           ("e820_r", "BIOS-e820: <@addr> - <@addr2> (reserved)", {"lead": True}),
           ("highmem", "<@n>MB HIGHMEM available."), ("lowmem", "<@n>MB LOWMEM available."),
           ("zapping", "zapping low mappings."),
           ("totalpages", "On node <@n> totalpages: <@num>"),
           ("dmazone", "DMA zone: <@num> pages, LIFO batch:<@n>", {"lead": True}),
           ("normalzone", "Normal zone: <@num> pages, LIFO batch:<@n>", {"lead": True}),
           ("highzone", "HighMem zone: <@num> pages, LIFO batch:<@n>", {"lead": True}),
           ("dmi", "DMI <@ver> present."),
           ("acpi_old", "ACPI disabled because your bios is from <@n> and too old"),
           ("acpi_force", "You can enable it with acpi=force"),
           ("zonelists", "Built <@n> zonelists"),
           ("cmdline", "Kernel command line: ro root=LABEL=/ rhgb quiet"),
           ("trampoline", "mapped 4G/4G trampoline to <@addr>."),
           ("init_cpu", "Initializing CPU#<@n>"),
           ("irqstacks", "CPU <@n> irqstacks, hard=<@addr> soft=<@addr2>"),
           ("pidhash", "PID hash table entries: <@n> (order <@n2>: <@num> bytes)"),
           ("detected", "Detected <@mhz> MHz processor."),
           ("tsc", "Using tsc for high-res timesource"),
           ("console", "Console: colour VGA+ 80x25"),
           ("dentry", "Dentry cache hash table entries: <@num> (order: <@n>, <@num2> bytes)"),
           ("inode", "Inode-cache hash table entries: <@num> (order: <@n>, <@num2> bytes)"),
           ("mount_cache", "Mount-cache hash table entries: <@num> (order: <@n>, <@num2> bytes)"),
           ("memory", "Memory: <@a>k/<@b>k available (<@c>k kernel code, <@d>k reserved, <@e>k data, <@f>k init, <@g>k highmem)"),
           ("wp_bit", "Checking if this processor honours the WP bit even in supervisor mode... Ok."),
           ("bogomips", "Calibrating delay loop... <@bogo> BogoMIPS"),
           ("scaffold", "Security Scaffold v1.0.0 initialized"),
           ("selinux_init", "SELinux:  Initializing."),
           ("selinux_perm", "SELinux:  Starting in permissive mode"),
           ("selinux_nf", "SELinux:  Registering netfilter hooks"),
           ("sec_already", "There is already a security framework initialized, register_security failed."),
           ("sel_reg", "selinux_register_security:  Registering secondary module capability"),
           ("cap_lsm", "Capability LSM initialized as secondary"),
           ("l1cache", "CPU: L1 I cache: <@n>K, L1 D cache: <@n2>K"),
           ("l2cache", "CPU: L2 cache: <@n>K"),
           ("mca_sup", "Intel machine check architecture supported."),
           ("mca_en", "Intel machine check reporting enabled on CPU#<@n>."),
           ("cpu_model", "CPU: Intel Pentium III (Coppermine) stepping <@n>"),
           ("fpu", "Enabling fast FPU save and restore... done."),
           ("simd", "Enabling unmasked SIMD FPU exception support... done."),
           ("hlt", "Checking 'hlt' instruction... OK."),
           ("posix", "POSIX conformance testing by UNIFIX"),
           ("netproto", "NET: Registered protocol family <@n>"),
           ("pcibios", "PCI: PCI BIOS revision <@ver> entry at <@addr>, last bus=<@n>"),
           ("pciconf", "PCI: Using configuration type <@n>"),
           ("mtrr", "mtrr: v2.0 (20020519)"),
           ("acpi_rev", "ACPI: Subsystem revision <@num>"),
           ("acpi_dis", "ACPI: Interpreter disabled."),
           ("pnp", "Linux Plug and Play Support v0.97 (c) Adam Belay"),
           ("usbcore", "usbcore: registered new driver <@drv>"),
           ("pciprobe", "PCI: Probing PCI hardware"),
           ("pciprobe_bus", "PCI: Probing PCI hardware (bus <@bus>)"),
           ("bridge", "Transparent bridge - <@pci>"),
           ("bootflag", "Simple Boot Flag at <@addr> set to <@addr2>"),
           ("apm", "apm: BIOS version <@ver> Flags <@addr> (Driver version <@ver2>)"),
           ("audit_init", "audit: initializing netlink socket (disabled)"),
           ("audit_ok", "audit(<@auditid>): initialized"),
           ("hugetlb", "Total HugeTLB memory allocated, <@n>"),
           ("quota", "VFS: Disk quotas dquot_6.5.1"),
           ("dquot", "Dquot-cache hash table entries: <@num> (order <@n>, <@num2> bytes)"),
           ("crypto", "Initializing Cryptographic API"),
           ("ksign", "ksign: Installing public key data"),
           ("rtc", "Real Time Clock Driver v1.12"),
           ("serial", "Serial: 8250/16550 driver $Revision: 1.90 $ 8 ports, IRQ sharing enabled"),
           ("ttys", "<@tty> at I/O <@addr> (irq = <@n>) is a 16550A"),
           ("ramdisk", "RAMDISK driver initialized: <@n> RAM disks of <@num>K size <@n2> blocksize"),
           ("ide_drv", "Uniform Multi-Platform E-IDE driver Revision: 7.00alpha2"),
           ("ide_bus", "ide: Assuming 33MHz system bus speed for PIO modes; override with idebus=xx"),
           ("hd_disk", "<@dev>: <@model>, ATA DISK drive"),
           ("hd_cd", "<@dev>: <@model>, ATAPI CD/DVD-ROM drive"),
           ("ide_irq", "<@ide> at <@addr>-<@addr2>,<@addr3> on irq <@n>"),
           ("maxreq", "<@dev>: max request size: <@n>KiB"),
           ("sectors", "<@dev>: <@num> sectors (<@n> MB) w/<@n2>KiB Cache, CHS=<@chs>, UDMA(<@n3>)"),
           ("iproute", "IP: routing cache hash table of <@n> buckets, <@n2>Kbytes"),
           ("tcphash", "TCP: Hash tables configured (established <@n> bind <@n2>)"),
           ("freeing", "Freeing unused kernel memory: <@n>k freed"),
           ("ext3_ordered", "EXT3-fs: mounted filesystem with ordered data mode."),
           ("kjournald", "kjournald starting.  Commit interval <@n> seconds"),
           ("ext3_on", "EXT3 FS on <@dev>, internal journal"),
           ("swap", "Adding <@n>k swap on <@dev>.  Priority:<@p> extents:<@n2>"),
           ("iptables", "ip_tables: (C) 2000-2002 Netfilter core team"),
           ("e100_up", "e100: <@iface>: e100_watchdog: link up, 100Mbps, full-duplex"),
           ("parport", "parport0: PC-style at <@addr> [PCSPP,TRISTATE]"),
           ("lp0", "lp0: using parport0 (polling)."),
           ("floppy", "floppy0: no floppy controllers found"),
           ("bt_core", "Bluetooth: Core ver 2.4"),
           ("bt_hci", "Bluetooth: HCI device and connection manager initialized"),
           ("bt_sock", "Bluetooth: HCI socket layer initialized"),
           ("bt_l2cap", "Bluetooth: L2CAP ver 2.1"),
           ("bt_l2sock", "Bluetooth: L2CAP socket layer initialized"),
           ("bt_rfcomm", "Bluetooth: RFCOMM ver 1.2"),
           ("bt_bnep", "Bluetooth: BNEP (Ethernet Emulation) ver 1.0"),
           ("cardsvc", "Linux Kernel Card Services"),
           ("knfsd", "Installing knfsd (copyright (C) 1996 okir@monad.swb.de)."),
           ("i2c", "i2c /dev entries driver"),
           ("drive_cmd", "<@dev>: drive_cmd: status=<@hex> { DriveReady SeekComplete Error }"),
           ("drive_err", "<@dev>: drive_cmd: error=<@hex> { AbortedCommand }"),
           ("usb_new", "usb <@usb>: new full speed USB device using address <@n>"),
           ("usb_disc", "usb <@usb>: USB disconnect, address <@n>")], **K)
        T([("statd_ver", "Version 1.0.6 Starting", {"comp": "rpc.statd"}),
           ("statd_gethost", "gethostbyname error for <@rdns>", {"comp": "rpc.statd"}),
           ("hcid", "HCI daemon ver 2.4 started", {"comp": "hcid"}),
           ("sdpd", "sdpd v1.5 started", {"comp": "sdpd"}),
           ("smartd_ver", "smartd version 5.21 Copyright (C) 2002-3 Bruce Allen", {"comp": "smartd"}),
           ("smartd_home", "Home page is http://smartmontools.sourceforge.net/", {"comp": "smartd"}),
           ("smartd_conf", "Opened configuration file /etc/smartd.conf", {"comp": "smartd"}),
           ("smartd_dev", "Device: <@devpath>, opened", {"comp": "smartd"}),
           ("smartd_db", "Device: <@devpath>, found in smartd database.", {"comp": "smartd"}),
           ("smartd_cap", "Device: <@devpath>, is SMART capable. Adding to \"monitor\" list.", {"comp": "smartd"}),
           ("smartd_mon", "Monitoring <@n> ATA and <@n2> SCSI devices", {"comp": "smartd"}),
           ("smartd_fork", "smartd has fork()ed into background mode. New PID=<@pid>.", {"comp": "smartd"}),
           ("xinetd_ver", "xinetd Version 2.3.13 started with libwrap loadavg options compiled in.", {"comp": "xinetd"}),
           ("xinetd_work", "Started working: <@n> available services", {"comp": "xinetd"}),
           ("xinetd_exit", "Exiting...", {"comp": "xinetd"}),
           ("xinetd_start", "START: <@svc> pid=<@pid> from=<@ip>", {"comp": "xinetd"}),
           ("fstab_rm", "removed all generated mount points", {"comp": "fstab-sync"}),
           ("fstab_add", "added mount point <@mp> for <@devpath>", {"comp": "fstab-sync"}),
           ("xfs_ignore", "ignoring font path element <@path> (unreadable)", {"comp": "xfs"}),
           ("gpm_info", "*** info [mice.c(<@n>)]:", {"comp": "gpm"}),
           ("gpm_imps2", "imps2: Auto-detected intellimouse PS/2", {"comp": "gpm"}),
           ("shutting", "shutting down for system reboot", {"comp": "shutdown"}),
           ("runlevel", "Switching to runlevel: <@n>", {"comp": "init", "nopid": True}),
           ("telnet_eof", "ttloop: peer died: EOF", {"comp": "telnetd"}),
           ("sshd_noid", "Did not receive identification string from <@ip>", {"comp": "sshd"}),
           ("chkpwd", "password check failed for user (<@user>)", {"comp": "unix_chkpwd"}),
           ("useradd", "new user: name=<@user>, uid=<@uid>, gid=<@uid>, home=/home/<@user>, shell=/bin/bash", {"comp": "useradd"}),
           ("named_soa", "notify question section contains no SOA", {"comp": "named"}),
           ("snmpd_term", "Received TERM or STOP signal...  shutting down...", {"comp": "snmpd"}),
           ("snmpd_ver", "NET-SNMP version 5.1.2", {"comp": "snmpd"})])
        r = self.r
        self.rhosts = self.pool(lambda: weighted(r, [
            (self.pub_ip(), 5),
            ("%d-%d-%d-%d.%s" % (r.randint(1, 222), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254),
                                 r.choice(("dyn.ornetline.net", "adsl.telvix.com.tw", "static.kolanet.de",
                                           "ip.orbisdsl.co.kr"))), 3),
            ("%s.%s" % (r.choice(("mail", "host", "ns1", "www", "server")),
                        r.choice(("korvel-trade.com", "pinemarsh.org", "sunmile.cn", "arcalink.net"))), 1)]), 60, s=1.1)
        self.ftpips = self.pool(self.pub_ip, 25, s=0.9)
        self.pid = 19820

    def next_pid(self):
        self.pid += self.r.randint(1, 40)
        if self.pid > 32000:
            self.pid = 2100
        return self.pid

    def v_uid(self):
        return 0

    def v_rhost(self):
        return self.rhosts()

    def v_user(self):
        return "root"

    def v_addr(self):
        return "%016x" % (self.r.randint(0, 255) * 0x1000)

    def v_ver(self):
        return self.r.choice(("2.3", "1.2", "2.10"))

    def v_tty(self):
        return self.r.choice(("tty1", "tty2", "tty3"))

    def v_date(self):
        return lambda t: t.ctime()

    # -- episodes
    def ep_pam_burst(self):
        r = self.r
        host = self.rhosts()
        user = r.random() < 0.35
        items = []
        n = r.choice((1, 2, 5, 6, 8, 10, 12))
        for _ in range(n):
            c = {"_pid": self.next_pid(), "rhost": host, "_gap": r.choice((0, 0, 0, 1, 2))}
            if user:
                items.append(("auth_u", dict(c, user=weighted(r, [("root", 12), ("guest", 1), ("test", 1)]))))
            else:
                items += [("check", c), ("auth", dict(c, _gap=0))]
        r.shuffle(items)
        return items

    def ep_ftp(self):
        r = self.r
        ip = self.ftpips()
        rdns = "" if r.random() < 0.35 else "%s.%s" % (r.choice(("adsl-%d" % r.randint(10, 250), "pc%d" % r.randint(1, 99), "h%d" % r.randint(1, 250))),
                                                        r.choice(("telmar.net.br", "bb.vexnet.jp", "dial.orinoco.ca", "cable.hexalink.pl")))
        items = []
        for _ in range(r.choice((1, 2, 4, 8, 12, 16, 22))):
            items.append(("f_conn", {"_pid": self.next_pid(), "ip": ip, "rdns": rdns, "_gap": r.choice((0, 0, 0, 1))}))
        if r.random() < 0.15:
            items.append(("f_anon", {"_pid": items[-1][1]["_pid"], "ip": ip}))
        return items

    def ep_daily(self):
        r = self.r
        items = []
        for u in ("cyrusd", "newsd"):
            if r.random() < 0.8:
                p = self.next_pid()
                items += [("s_open", {"_pid": p, "_comp": "su(pam_unix)", "user": u}),
                          ("s_close", {"_pid": p, "_comp": "su(pam_unix)", "user": u})]
        if r.random() < 0.5:
            items.append(("alert", {"n": 1}))
        items.append(("restart", {}))
        if r.random() < 0.35:
            items += [("shutdown", {"_comp": "cups", "svc": "cupsd"}), ("startup", {"_comp": "cups", "svc": "cupsd"})]
        return items

    def ep_misc(self):
        r = self.r
        k = weighted(r, [("ftpto", 4), ("ftpclose", 3), ("peer", 2), ("statd", 2), ("noid", 3),
                         ("drive", 2), ("login", 2), ("xinetd", 2), ("telnet", 1), ("gpm", 2),
                         ("sshsess", 2), ("snmp", 1)])
        p = self.next_pid()
        if k == "ftpto":
            return [("f_timeout", {"_pid": p, "n": 900})]
        if k == "ftpclose":
            return [("f_closed", {"_pid": p})]
        if k == "peer":
            return [("f_peer", {"_pid": p})]
        if k == "statd":
            return [("statd_gethost", {"_pid": 1636, "rdns": self.rhosts()})]
        if k == "noid":
            return [("sshd_noid", {"_pid": p, "ip": self.pub_ip()})]
        if k == "drive":
            return [("drive_cmd", {"dev": "hdc", "hex": "0x51"}), ("drive_err", {"dev": "hdc", "hex": "0x04"})]
        if k == "login":
            return [("l_open", {"_pid": p, "user": "root"}), ("root_login", {"_pid": p, "tty": "tty2"})]
        if k == "xinetd":
            return [("xinetd_start", {"_pid": 1806, "svc": r.choice(("telnet", "ftp")), "pid": self.next_pid(), "ip": self.pub_ip()})]
        if k == "telnet":
            return [("telnet_eof", {"_pid": p})]
        if k == "gpm":
            return [("gpm_info", {"_pid": 2046, "n": 1766}), ("gpm_imps2", {"_pid": 2046})]
        if k == "snmp":
            return [("named_soa", {"_pid": 2253})]
        return [("s_open", {"_pid": p, "user": "webadm", "_comp": "sshd(pam_unix)"}),
                ("s_close", {"_pid": p, "user": "webadm", "_comp": "sshd(pam_unix)", "_gap": r.randint(20, 3000)})]

    def weighted_episodes(self):
        return [(40, self.ep_pam_burst), (12, self.ep_ftp), (12, self.ep_daily), (14, self.ep_misc)]

    def boot(self):
        r = self.r
        K = {"_gap": 0}
        items = [(k, dict(K, **v)) for k, v in [
            ("restart", {"_gap": 5}), ("klogd", {}),
            ("linux_ver", {"kver": "2.6.5-1.358", "builder": "buildsys@rpmhost.example.org", "gccv": "3.3.3",
                           "gccd": "20040412", "gccr": "3.3.3-7", "n": 1, "bdate": "Sat May 8 09:52:52 EDT 2004"}),
            ("ram_map", {}),
            ("e820_u", {"addr": "0000000000000000", "addr2": "00000000000a0000"}),
            ("e820_r", {"addr": "00000000000f0000", "addr2": "0000000000100000"}),
            ("e820_u", {"addr": "0000000000100000", "addr2": "0000000007eae000"}),
            ("e820_r", {"addr": "0000000007eae000", "addr2": "0000000008000000"}),
            ("e820_r", {"addr": "00000000ffb00000", "addr2": "0000000100000000"}),
            ("highmem", {"n": 0}), ("lowmem", {"n": 126}), ("zapping", {}),
            ("totalpages", {"n": 0, "num": 32430}), ("dmazone", {"num": 4096, "n": 1}),
            ("normalzone", {"num": 28334, "n": 6}), ("highzone", {"num": 0, "n": 1}),
            ("dmi", {"ver": "2.3"}), ("acpi_old", {"n": 2000}), ("acpi_force", {}),
            ("zonelists", {"n": 1}), ("cmdline", {}), ("trampoline", {"addr": "ffff4000"}),
            ("init_cpu", {"n": 0}), ("irqstacks", {"n": 0, "addr": "02345000", "addr2": "02344000"}),
            ("pidhash", {"n": 512, "n2": 9, "num": 4096}), ("detected", {"mhz": "731.184"}), ("tsc", {}),
            ("console", {}), ("dentry", {"num": 16384, "n": 4, "num2": 65536}),
            ("inode", {"num": 8192, "n": 3, "num2": 32768}),
            ("memory", {"a": 125312, "b": 129720, "c": 1540, "d": 3860, "e": 599, "f": 144, "g": 0}),
            ("wp_bit", {}), ("bogomips", {"bogo": "1445.88"}), ("scaffold", {}), ("selinux_init", {}),
            ("selinux_perm", {}), ("sec_already", {}), ("sel_reg", {}), ("cap_lsm", {}),
            ("mount_cache", {"num": 512, "n": 0, "num2": 4096}),
            ("l1cache", {"n": 16, "n2": 16}), ("l2cache", {"n": 256}), ("mca_sup", {}), ("mca_en", {"n": 0}),
            ("cpu_model", {"n": "06"}), ("fpu", {}), ("simd", {}), ("hlt", {}), ("posix", {}),
            ("netproto", {"n": 16}), ("pcibios", {"ver": "2.10", "addr": "0xfc0ce", "n": 1}),
            ("pciconf", {"n": 1}), ("mtrr", {}), ("acpi_rev", {"num": 20040326}), ("acpi_dis", {}),
            ("pnp", {}), ("usbcore", {"drv": "usbfs"}), ("usbcore", {"drv": "hub"}), ("pciprobe", {}),
            ("pciprobe_bus", {"bus": "00"}), ("bridge", {"pci": "0000:00:1e.0"}),
            ("bootflag", {"addr": "0x36", "addr2": "0x80"}),
            ("apm", {"ver": "1.2", "addr": "0x03", "ver2": "1.16ac"}), ("audit_init", {}),
            ("audit_ok", {"auditid": "%d.4294965305:0" % (1118000000 + r.randint(0, 9000000))}),
            ("hugetlb", {"n": 0}), ("quota", {}), ("dquot", {"num": 1024, "n": 0, "num2": 4096}),
            ("selinux_nf", {}), ("crypto", {}), ("ksign", {}), ("rtc", {}), ("serial", {}),
            ("ttys", {"tty": "ttyS0", "addr": "0x3f8", "n": 4}), ("ramdisk", {"n": 16, "num": 16384, "n2": 1024}),
            ("ide_drv", {}), ("ide_bus", {}), ("hd_disk", {"dev": "hda", "model": "WDC WD100EB-00BHF0"}),
            ("ide_irq", {"ide": "ide0", "addr": "0x1f0", "addr2": "0x1f7", "addr3": "0x3f6", "n": 14}),
            ("hd_cd", {"dev": "hdc", "model": "SAMSUNG CD-ROM SC-148F"}),
            ("ide_irq", {"ide": "ide1", "addr": "0x170", "addr2": "0x177", "addr3": "0x376", "n": 15}),
            ("maxreq", {"dev": "hda", "n": 128}),
            ("sectors", {"dev": "hda", "num": 20044080, "n": 10262, "n2": 2048, "chs": "19885/16/63", "n3": 66}),
            ("netproto", {"n": 2}), ("iproute", {"n": 512, "n2": 4}), ("tcphash", {"n": 8192, "n2": 8192}),
            ("netproto", {"n": 1}), ("freeing", {"n": 144}), ("kjournald", {"n": 5}),
            ("ext3_ordered", {}), ("ext3_on", {"dev": "hda2"}),
            ("swap", {"n": 263160, "dev": "/dev/hda3", "p": -1, "n2": 1}),
            ("restart", {"_gap": 3}), ("klogd", {}),
            ("startup", {"_comp": "syslog", "svc": "syslogd"}), ("startup", {"_comp": "syslog", "svc": "klogd"}),
            ("startup", {"_comp": "irqbalance", "svc": "irqbalance"}),
            ("startup", {"_comp": "portmap", "svc": "portmap"}),
            ("statd_ver", {"_pid": 1636}), ("startup", {"_comp": "nfslock", "svc": "rpc.statd"}),
            ("cardsvc", {}), ("starting", {"_comp": "rc", "svc": "pcmcia"}),
            ("netparams", {"_comp": "network"}), ("loopback", {"_comp": "network"}),
            ("e100_up", {"iface": "eth0"}), ("ifup", {"_comp": "network", "iface": "eth0"}),
            ("sysctl", {"_comp": "sysctl", "key": "net.ipv4.ip_forward", "val": 0}),
            ("sysctl", {"_comp": "sysctl", "key": "kernel.sysrq", "val": 0}),
            ("sysctl", {"_comp": "sysctl", "key": "kernel.core_uses_pid", "val": 1}),
            ("random", {"_comp": "random"}), ("iptables", {}), ("bt_core", {}), ("bt_hci", {}),
            ("bt_sock", {}), ("hcid", {"_pid": 1690}), ("starting", {"_comp": "bluetooth", "svc": "hcid"}),
            ("bt_l2cap", {}), ("bt_l2sock", {}), ("bt_bnep", {}), ("bt_rfcomm", {}),
            ("sdpd", {"_pid": 1696}), ("starting", {"_comp": "bluetooth", "svc": "sdpd"}),
            ("netfs", {"_comp": "netfs"}), ("startup", {"_comp": "autofs", "svc": "automount"}),
            ("smartd_ver", {"_pid": 1719}), ("smartd_home", {"_pid": 1719}), ("smartd_conf", {"_pid": 1719}),
            ("smartd_dev", {"_pid": 1719, "devpath": "/dev/hda"}), ("smartd_db", {"_pid": 1719, "devpath": "/dev/hda"}),
            ("smartd_cap", {"_pid": 1719, "devpath": "/dev/hda"}), ("smartd_mon", {"_pid": 1719, "n": 1, "n2": 0}),
            ("smartd_fork", {"_pid": 1719, "pid": 1730}), ("startup", {"_comp": "smartd", "svc": "smartd"}),
            ("startup", {"_comp": "acpid", "svc": "acpid"}), ("startup", {"_comp": "cups", "svc": "cupsd"}),
            ("xinetd_ver", {"_pid": 1806}), ("xinetd_work", {"_pid": 1806, "n": 1}),
            ("startup", {"_comp": "xinetd", "svc": "xinetd"}), ("startup", {"_comp": "sendmail", "svc": "sendmail"}),
            ("startup", {"_comp": "sendmail", "svc": "sm-client"}), ("startup", {"_comp": "spamassassin", "svc": "spamd"}),
            ("startup", {"_comp": "privoxy", "svc": "privoxy"}), ("gpm_info", {"_pid": 2046, "n": 1766}),
            ("gpm_imps2", {"_pid": 2046}), ("startup", {"_comp": "gpm", "svc": "gpm"}),
            ("startup", {"_comp": "crond", "svc": "crond"}),
            ("xfs_ignore", {"_pid": 2082, "path": "/usr/X11R6/lib/X11/fonts/cyrillic"}),
            ("xfs_ignore", {"_pid": 2082, "path": "/usr/share/fonts/default/TrueType"}),
            ("startup", {"_comp": "xfs", "svc": "xfs"}), ("startup", {"_comp": "anacron", "svc": "anacron"}),
            ("startup", {"_comp": "atd", "svc": "atd"}), ("readahead", {"_comp": "readahead"}),
            ("startup", {"_comp": "messagebus", "svc": "messagebus"}),
            ("startup", {"_comp": "haldaemon", "svc": "haldaemon"}), ("fstab_rm", {"_pid": 2219}),
            ("fstab_add", {"_pid": 2219, "mp": "/media/cdrom", "devpath": "/dev/hdc"}),
            ("fstab_add", {"_pid": 2219, "mp": "/media/floppy", "devpath": "/dev/fd0"}),
            ("parport", {"addr": "0x378"}), ("lp0", {}), ("floppy", {}), ("snmpd_ver", {"_pid": 2251}),
            ("i2c", {}), ("knfsd", {}),
        ]]
        for k, v in items:
            if k in self.events and "_gap" not in v or v.get("_gap") == 0:
                v["_gap"] = r.choice((0, 0, 0, 0, 1))
        return items

    def halt(self):
        items = [("shutting", {"_pid": 3004}), ("runlevel", {"n": 6})]
        for comp, svc in [("smartd", "smartd"), ("xfs", "xfs"), ("anacron", "anacron"), ("atd", "atd"),
                          ("crond", "crond"), ("gpm", "gpm"), ("cups", "cupsd"), ("sendmail", "sm-client"),
                          ("sendmail", "sendmail")]:
            items.append(("shutdown", {"_comp": comp, "svc": svc}))
        items += [("xinetd_exit", {"_pid": 1806}), ("shutdown", {"_comp": "xinetd", "svc": "xinetd"}),
                  ("snmpd_term", {"_pid": 2251}), ("stopping", {"_comp": "bluetooth", "svc": "sdpd"}),
                  ("stopping", {"_comp": "bluetooth", "svc": "hcid"}), ("unmount", {"_comp": "netfs"}),
                  ("shutdown", {"_comp": "nfslock", "svc": "rpc.statd"}),
                  ("shutdown", {"_comp": "portmap", "svc": "portmap"}), ("ifdown", {"_comp": "network", "iface": "eth0"}),
                  ("randsave", {"_comp": "random"}), ("k_stop", {}), ("k_term", {}),
                  ("shutdown", {"_comp": "syslog", "svc": "klogd"}), ("exiting", {"n": 15})]
        for k, v in items:
            v.setdefault("_gap", self.r.choice((0, 0, 1, 2)))
        return items

    def fixed_episodes(self):
        def reboot():
            return self.halt() + [("restart", {"_gap": 95})] + self.boot()[1:]

        def rare():
            return [("startfail", {"_comp": "rc", "svc": "snmpd"})]

        def misc():
            p = self.next_pid()
            return [("l_fail", {"_pid": p, "tty": "tty1"}), ("failed_login", {"_pid": p, "n": 1, "user": "root"}),
                    ("chkpwd", {"_pid": p + 1}), ("useradd", {"_pid": p + 2, "user": "rlopez", "uid": 502}),
                    ("pw_changed", {"_pid": p + 3, "user": "rlopez"})]

        def usb():
            return [("usb_new", {"usb": "1-1", "n": 2}), ("usb_disc", {"usb": "1-1", "n": 2, "_gap": 600})]
        return [(1, self.boot, 0.18), (1, reboot, 0.71), (1, rare, 0.72), (1, misc), (1, usb)]

    def render(self, t, ev, vals, content):
        comp = vals.get("_comp", ev.hdr.get("comp"))
        if ev.hdr.get("nopid") and "_pid" not in vals:
            head = comp
        else:
            head = "%s[%d]" % (comp, vals["_pid"] if "_pid" in vals else self.next_pid())
        sep = ":  " if ev.hdr.get("lead") else ": "
        return "%s %2d %s kiwi %s%s%s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), head, sep, content)
# =====================================================================================
# Thunderbird
# =====================================================================================

class Thunderbird(R5):
    name = "Thunderbird"
    log_format = "<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\\[<PID>\\])?: <Content>"
    start = datetime(2005, 11, 14, 9, 1, 1)
    mean_gap = 80.0
    inner_gap = (0.0, 0.8)
    settings = {"regex": ["(\\d+\\.){3}\\d+"], "st": 0.5, "depth": 4}

    GMETAD = "/opt/x86_64/sys/ganglia-3.0.1/sbin/gmetad"

    def define(self):
        T = self.table
        T([("c_open", "session opened for user <@user> by (uid=<@uid>)"),
           ("c_close", "session closed for user <@user>"),
           ("auth_u", "authentication failure; logname= uid=<@uid> euid=<@uid> tty=ssh ruser= rhost=<@rhost>  user=<@user>")],
          comp="crond(pam_unix)")
        T([("su_open", "session opened for user <@user> by <@user2>(uid=<@uid>)")], comp="su(pam_unix)")
        T([("sudo", "<@user> : TTY=<@tty> ; PWD=<@path> ; USER=root ; COMMAND=<@cmd>")], comp="sudo", nopid=True, lead=True)
        T([("c_cmd", "(<@user>) CMD (<@cmd>)"), ("c_reload", "(*system*) RELOAD (<@path>)")], comp="crond")
        T([("g_noans", "data_thread() got not answer from any [<@src>] datasource"),
           ("g_fail", "data_thread() for [<@src>] failed to contact node <@ip>"),
           ("g_rrd", "RRD_update (<@path>): <@path>: illegal attempt to update using time <@n> when last update time is <@n2> (minimum one second step)")],
          comp=self.GMETAD)
        T([("ib_notopo", "[ib_sm_sweep.c:<@line>]: No topology change"),
           ("ib_sweep", "[ib_sm_sweep.c:<@line>]: ********************** NEW SWEEP ********************"),
           ("ib_noconf", "[ib_sm_sweep.c:<@line>]: No configuration change required"),
           ("ib_done", "[ib_sm_sweep.c:<@line>]: Sweep completed, <@n> nodes, <@n2> switches"),
           ("ib_newnode", "[ib_sm_discovery.c:<@line>]: Discovered new port guid <@guid>"),
           ("ib_lost", "[ib_sm_discovery.c:<@line>]: Port guid <@guid> is no longer reachable"),
           ("ib_timeout", "[ib_sm_pkt.c:<@line>]: Timeout waiting for response to <@attr> from guid <@guid>"),
           ("ib_lid", "[ib_sm_assign.c:<@line>]: Assigned LID <@n> to port guid <@guid>"),
           ("ib_route", "[ib_sm_routing.c:<@line>]: Routing tables updated for <@n> switches")], comp="ib_sm.x")
        T([("d_disc", "DHCPDISCOVER from <@mac> via <@iface>"),
           ("d_offer", "DHCPOFFER on <@ip> to <@mac> via <@iface>"),
           ("d_req", "DHCPREQUEST for <@ip> (<@ip2>) from <@mac> via <@iface>"),
           ("d_ack", "DHCPACK on <@ip> to <@mac> via <@iface>"),
           ("d_inform", "DHCPINFORM from <@ip> via <@iface>"),
           ("d_release", "DHCPRELEASE of <@ip> from <@mac> via <@iface> (found)"),
           ("d_nofree", "DHCPDISCOVER from <@mac> via <@iface>: network <@net>: no free leases"),
           ("d_wrote", "Wrote <@n> leases to leases file.")], comp="dhcpd", nopid=True)
        T([("n_sync", "synchronized to <@ip>, stratum <@n>"),
           ("n_local", "synchronized to LOCAL(0), stratum <@n>"),
           ("n_reset", "time reset <@off> s"),
           ("n_dis", "kernel time sync disabled <@code>"),
           ("n_en", "kernel time sync enabled <@code>"),
           ("n_unreach", "sendto(<@ip>) (fd=<@n>): Network is unreachable"),
           ("n_freq", "frequency initialized <@off> PPM from /etc/ntp/drift")], comp="ntpd")
        T([("ntpdate", "step time server <@ip> offset <@off> sec")], comp="ntpdate")
        T([("s_pk", "Accepted publickey for <@user> from <@ip> port <@port> ssh2"),
           ("s_pw", "Accepted password for <@user> from <@ip> port <@port> ssh2"),
           ("s_fail", "Failed password for <@user> from <@ip> port <@port> ssh2"),
           ("s_closed", "Connection closed by <@ip>"),
           ("s_bind", "error: Bind to port <@port> on <@ip> failed: Address already in use."),
           ("s_listen", "Server listening on <@ip> port <@port>."),
           ("s_disc", "Received disconnect from <@ip>: <@code>: disconnected by user")], comp="sshd")
        T([("k_vipkl", "VIPKL(<@n>): [create_mr] MM_bld_hh_mr failed (-253:VAPI_EAGAIN)", {"label": "VAPI"}),
           ("k_ibmad", "[KERNEL_IB][ib_mad_static_compute_base][<@path>:<@line>]MAD buffer pool exhausted on port <@n>, dropping MAD"),
           ("k_tavor", "[KERNEL_IB][tsIbTavorMadProcess][<@path>:<@line>]InfiniHost<@n>: MAD process failed (status <@hex>)"),
           ("k_e1000_up", "e1000: <@iface>: e1000_watchdog: NIC Link is Up 1000 Mbps Full Duplex"),
           ("k_e1000_down", "e1000: <@iface>: e1000_watchdog: NIC Link is Down"),
           ("k_drive", "<@dev>: drive_cmd: status=<@hex> { DriveReady SeekComplete Error }"),
           ("k_drive_err", "<@dev>: drive_cmd: error=<@hex> { AbortedCommand }"),
           ("k_opcode", "ide: failed opcode was: unknown"),
           ("k_scsi", "program <@prog> is using a deprecated SCSI ioctl, please convert it to SG_IO"),
           ("k_ticks", "Losing some ticks... checking if CPU frequency changed."),
           ("k_temp", "CPU<@n>: Temperature above threshold"),
           ("k_mod", "CPU<@n>: Running in modulated clock mode"),
           ("k_norm", "CPU<@n>: Temperature/speed normal"),
           ("k_mtrr", "mtrr: type mismatch for <@hex>,<@hex2> old: write-back new: write-combining"),
           ("k_oom", "Out of Memory: Killed process <@pid> (<@prog>)."),
           ("k_nfs_no", "nfs: server <@host> not responding, still trying"),
           ("k_nfs_ok", "nfs: server <@host> OK"),
           ("k_netdev", "NETDEV WATCHDOG: <@iface>: transmit timed out"),
           ("k_ext3", "EXT3-fs error (device <@dev>): ext3_find_entry: reading directory #<@n> offset <@n2>", {"label": "KERNEXT"}),
           ("k_apic", "APIC error on CPU<@n>: <@hex>(<@hex2>)"),
           ("k_edid", "i2c_adapter i2c-<@n>: unable to read EDID block."),
           ("k_mce", "CPU <@n>: Machine Check Exception: <@hex> Bank <@n2>: <@hex2>", {"label": "KERNMC"}),
           ("k_dtlb", "Unable to handle kernel paging request at virtual address <@hex>", {"label": "KERNDTLB"})],
          comp="kernel", nopid=True)
        T([("k_irqto", "<@dev>: irq timeout: status=<@hex> { Busy }"),
           ("k_idereset", "ide0: reset: success"),
           ("k_scsierr", "SCSI error : <<@scsi>> return code = <@hex>"),
           ("k_ioerr", "end_request: I/O error, dev <@dev>, sector <@n>"),
           ("k_bufio", "Buffer I/O error on device <@dev>, logical block <@n>")], comp="kernel", nopid=True)
        T([("n_exit", "ntpd exiting on signal <@n>"),
           ("n_ver", "ntpd <@ver> <@bdate> (<@n>)")], comp="ntpd")
        T([("s_noid", "Did not receive identification string from <@ip>"),
           ("s_timeout", "fatal: Timeout before authentication for <@ip>")], comp="sshd")
        T([("sng_start", "syslog-ng version 1.6.0rc3 starting"),
           ("sng_perm", "Changing permissions on special file /dev/xconsole")], comp="syslog-ng")
        T([("idmap", "nfs4_name_to_uid: name '<@user>' does not map into domain '<@dom>'")], comp="rpc.idmapd")
        T([("mnt_refused", "refused mount request from <@host> for <@path> (<@path2>): no export entry")], comp="rpc.mountd")
        T([("pbs_scan", "scan_for_terminated, job <@job> task <@n> terminated, sid <@n2>")], comp="pbs_mom")
        T([("postdrop", "warning: unable to look up public/pickup: No such file or directory")], comp="postfix/postdrop")
        T([("sm_from", "<@qid>: from=<@user>, size=<@n>, class=<@n2>, nrcpts=<@n3>, msgid=<<@msgid>>, relay=<@user>@localhost"),
           ("sm_to", "<@qid>: to=<@user>, ctladdr=<@user> (<@uid>/<@uid>), delay=<@dur>, xdelay=<@dur2>, mailer=relay, pri=<@n>, relay=[<@lo>] [<@lo>], dsn=2.0.0, stat=Sent (<@qid2> Message accepted for delivery)")],
          comp="sendmail")
        T([("sng_stats", "STATS: dropped <@n>"),
           ("sng_broken", "Connection broken to AF_INET(<@ip>:<@port>), reopening in <@n> seconds"),
           ("sng_io", "io.c: do_write: write() failed (errno <@n>), Connection refused")], comp="syslog-ng")
        T([("x_start", "START: <@svc> pid=<@pid> from=<@ip>"),
           ("x_exit", "EXIT: <@svc> status=<@n> pid=<@pid> duration=<@n2>(sec)")], comp="xinetd")
        T([("rh_allowed", "allowed to <@user>@<@host> as <@user2>")], comp="pam_rhosts_auth")
        T([("rsh_cmd", "<@user>@<@host> as <@user2>: cmd='<@cmd>'")], comp="rshd")
        T([("rsh_conn", "connect from <@ip> (<@ip>)")], comp="in.rshd")
        T([("sm_temp", "Device: <@devpath>, SMART Usage Attribute: 194 Temperature_Celsius changed from <@n> to <@n2>"),
           ("sm_raw", "Device: <@devpath>, SMART Prefailure Attribute: 1 Raw_Read_Error_Rate changed from <@n> to <@n2>")],
          comp="smartd")
        T([("mnt", "authenticated mount request from <@host>:<@port> for <@path> (<@path2>)"),
           ("umnt", "authenticated unmount request from <@host>:<@port> for <@path> (<@path2>)")], comp="rpc.mountd")
        T([("am_mount", "attempting to mount entry <@path>"),
           ("am_lookup", "lookup(file): lookup for <@key> failed")], comp="automount")
        T([("pbs_bfd", "Bad file descriptor (9) in tm_request, job <@job> not running", {"label": "PBS_BFD"}),
           ("pbs_con", "Connection refused (111) in open_demux, open_demux: connect <@ip>:<@port>", {"label": "PBS_CON"}),
           ("pbs_eof", "im_eof, End of File from addr <@ip>:<@port>"),
           ("pbs_task", "task_check, cannot tm_reply to <@job> task <@n>")], comp="pbs_mom")
        T([("lr_alert", "ALERT exited abnormally with [<@n>]")], comp="logrotate", nopid=True)
        T([("statd_unmon", "Received erroneous SM_UNMON request from <@host> for <@ip>")], comp="rpc.statd")
        T([("portmap", "connect from <@ip> to getport(<@svc>): request from unauthorized host")], comp="portmap")
        r = self.r
        self.nodes = self.pool(lambda: "%s%d" % (r.choice(("kn", "ln", "mn", "pn")), r.randint(1, 1024)), 300, s=0.6)
        self.srcs = self.pool(lambda: "rack_%s%d" % (r.choice("ABCDEFGH"), r.randint(1, 9)), 14, s=0.8)
        self.macs = self.pool(lambda: "00:%s:%s:%s:%s:%s" % tuple(hexs(r, 2) for _ in range(5)), 60)
        self.pid = 2100

    # -- values
    def next_pid(self):
        self.pid += self.r.randint(2, 25)
        if self.pid > 32760:
            self.pid = 1200
        return self.pid

    def v_uid(self):
        return 0

    def v_user(self):
        return "root"

    def v_line(self):
        return self.r.choice((1455, 1482, 731, 288))

    def v_guid(self):
        return "0x0005ad%s" % hexs(self.r, 10)

    def v_ip(self):
        r = self.r
        return "10.100.%d.%d" % (r.randint(0, 40), r.randint(1, 254))

    def v_iface(self):
        return "eth1"

    def v_mac(self):
        return self.macs()

    def v_host(self):
        return self.nodes()

    def v_off(self):
        r = self.r
        return "%+.6f" % r.uniform(-0.4, 0.4)

    def v_code(self):
        return self.r.choice(("0041", "4001"))

    def v_path(self):
        return self.r.choice(("/var/lib/ganglia/rrds/rack_C4/__SummaryInfo__/load_one.rrd",
                              "/home/pbs/mom_priv/jobs", "/projects/scratch", "/etc/crontab",
                              "/mnt_projects/sysapps/src/ib/stack-3.1/ib/mad/mad_static.c"))

    def v_dev(self):
        return "hda"

    def v_prog(self):
        return self.r.choice(("cdrecord", "hald-addon-stor", "smartctl", "dmidecode"))

    def v_job(self):
        return "%d.tb-admin2" % self.r.randint(40000, 49999)

    def v_cmd(self):
        return weighted(self.r, [("run-parts /etc/cron.hourly", 8), ("/usr/lib/sa/sa1 1 1", 2),
                                 ("/opt/tb/bin/ib_check.sh > /dev/null 2>&1", 1)])

    # -- episodes
    def node(self, n=None):
        n = n or self.nodes()
        return {"_user": n, "_loc": "%s/%s" % (n, n)}

    def admin(self):
        return {"_user": "tb-admin2", "_loc": "local@tb-admin2"}

    def ep_cron(self):
        r = self.r
        items = []
        for _ in range(r.choice((1, 2, 3, 4, 6, 8))):
            h = self.node()
            pid = self.next_pid()
            cmd = self.v_cmd()
            c = dict(h, _pid=pid)
            seq = [("c_open", c), ("c_cmd", dict(h, _pid=pid + 1, cmd=cmd)), ("c_close", dict(c, _gap=r.choice((0, 0, 1))))]
            if r.random() < 0.25:
                seq = seq[:2] + [("c_close", dict(c, _gap=r.choice((0, 0, 1))))]
            items += seq
        return items

    def ep_gmetad(self):
        a = self.admin()
        a["_pid"] = 1682
        return [("g_noans", dict(a, src=self.srcs())) for _ in range(self.r.choice((1, 1, 2, 3)))]

    def ep_ibsm(self):
        r = self.r
        s = {"_user": "tb-sm2", "_loc": "src@tb-sm2", "_pid": 24904}
        items = [("ib_sweep", dict(s, line=1482))]
        x = r.random()
        if x < 0.7:
            items.append(("ib_notopo", dict(s, line=1455)))
        elif x < 0.85:
            items += [("ib_noconf", dict(s, line=1510)), ("ib_done", dict(s, line=1533, n=r.randint(4600, 4700), n2=r.randint(280, 290)))]
        elif x < 0.93:
            items += [("ib_lost", dict(s, line=612)), ("ib_route", dict(s, line=904, n=r.randint(280, 290)))]
        else:
            items += [("ib_timeout", dict(s, line=377, attr=r.choice(("NodeInfo", "PortInfo", "SwitchInfo")))),
                      ("ib_newnode", dict(s, line=588)), ("ib_lid", dict(s, line=211, n=r.randint(1, 4900)))]
        return items

    def ep_dhcp(self):
        r = self.r
        d = {"_user": "tb-admin2", "_loc": "local@tb-admin2"}
        mac = self.macs()
        ip = self.v_ip()
        c = dict(d, mac=mac, ip=ip, ip2="10.100.0.250")
        if r.random() < 0.3:
            return [("d_disc", c), ("d_offer", c), ("d_req", c), ("d_ack", c)]
        if r.random() < 0.04:
            return [("d_nofree", dict(c, net="10.100.0.0/16"))]
        return [("d_req", c), ("d_ack", c)]

    def ep_ntp(self):
        r = self.r
        h = self.node()
        h["_pid"] = r.randint(2300, 2600)
        k = weighted(r, [("n_sync", 6), ("n_reset", 3), ("n_local", 1), ("n_dis", 1), ("n_en", 1)])
        vals = dict(h)
        if k == "n_sync":
            vals.update(ip="10.100.18.%d" % r.choice((250, 251)), n=3)
        if k == "n_local":
            vals["n"] = 10
        return [(k, vals)]

    def ep_ssh(self):
        r = self.r
        h = self.node() if r.random() < 0.6 else self.admin()
        pid = self.next_pid()
        c = dict(h, _pid=pid, ip="10.100.%d.%d" % (r.randint(0, 4), r.randint(1, 254)), port=r.randint(32768, 61000))
        k = "s_pk" if r.random() < 0.8 else "s_pw"
        items = [(k, c), ("c_open", dict(c, _comp="sshd(pam_unix)"))]
        self.later(r.randint(1, 60), [("c_close", dict(c, _comp="sshd(pam_unix)"))])
        return items

    def ep_vapi(self):
        h = self.node()
        return [("k_vipkl", dict(h, n=1)) for _ in range(self.r.choice((1, 2, 4, 6)))]

    def ep_misc(self):
        r = self.r
        k = weighted(r, [("postdrop", 5), ("sng_stats", 3), ("x", 4), ("ntpdate", 1), ("e1000", 2),
                         ("drive", 2), ("ticks", 2), ("nfs", 2), ("pbs", 3), ("mnt", 3), ("gmfail", 2),
                         ("sendmail", 2), ("tavor", 2), ("sudo", 1)])
        h = self.node()
        a = self.admin()
        p = self.next_pid()
        if k == "postdrop":
            return [("postdrop", dict(a, _pid=p))] * r.choice((1, 1, 2))
        if k == "sng_stats":
            return [("sng_stats", dict(a, _pid=1120, n=0))]
        if k == "x":
            ip = self.v_ip()
            return [("x_start", dict(h, _pid=2480, svc="rsh", pid=p, ip="10.100.0.250")),
                    ("rsh_conn", dict(h, _pid=p, ip="10.100.0.250")),
                    ("rh_allowed", dict(h, _pid=p, user="root", host="tb-admin2", user2="root")),
                    ("rsh_cmd", dict(h, _pid=p, user="root", host="tb-admin2", user2="root", cmd="/sbin/service pbs_mom status")),
                    ("x_exit", dict(h, _pid=2480, svc="rsh", n=0, pid=p, n2=r.randint(0, 3), ip=ip))]
        if k == "ntpdate":
            return [("ntpdate", dict(h, _pid=p, ip="10.100.18.250"))]
        if k == "e1000":
            return [("k_e1000_down", h), ("k_e1000_up", dict(h, _gap=r.randint(2, 9)))]
        if k == "drive":
            return [("k_drive", dict(h, hex="0x51")), ("k_drive_err", dict(h, hex="0x04")), ("k_opcode", h)]
        if k == "ticks":
            return [("k_ticks", h)]
        if k == "nfs":
            return [("k_nfs_no", dict(h, host="tb-nfs1")), ("k_nfs_ok", dict(h, host="tb-nfs1", _gap=r.randint(5, 90)))]
        if k == "pbs":
            return [(r.choice(("pbs_eof", "pbs_task")), dict(h, _pid=3120, ip=self.v_ip(), port=r.randint(1000, 1023)))]
        if k == "mnt":
            return [("mnt", dict(a, _pid=1888, host=self.nodes(), port=r.randint(600, 1023),
                                 path="/home", path2="/home"))]
        if k == "gmfail":
            return [("g_fail", dict(a, _pid=1682, src=self.srcs(), ip=self.v_ip()))]
        if k == "sendmail":
            q = "jA%s%05d" % ("".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3)), r.randint(0, 99999))
            return [("sm_from", dict(h, _pid=p, qid=q, n=r.randint(300, 9000), n2=0, n3=1,
                                     msgid="%s.%s@%s" % (q, q[2:], h["_user"]))),
                    ("sm_to", dict(h, _pid=p, qid=q, dur="00:00:00", dur2="00:00:00", n=r.randint(30000, 60000),
                                   lo="127.0.0.1", qid2=q.replace("jA", "jB")))]
        if k == "tavor":
            return [("k_tavor", dict(h, line=r.randint(100, 900), n=0, hex="0x%02x" % r.randint(1, 30)))]
        return [("sudo", dict(a, user="jfrost", tty="pts/%d" % r.randint(0, 9), path="/home/jfrost",
                              cmd="/usr/bin/pbsnodes -a"))]

    def weighted_episodes(self):
        return [(30, self.ep_cron), (12, self.ep_gmetad), (14, self.ep_ibsm), (14, self.ep_dhcp),
                (6, self.ep_ntp), (5, self.ep_ssh), (2, self.ep_vapi), (15, self.ep_misc)]

    def fixed_episodes(self):
        r = self.r
        h = self.node
        a = self.admin

        def f(items):
            return lambda: items
        eps = [
            [("c_reload", dict(a(), _pid=2210, path="/etc/crontab"))],
            [("auth_u", dict(h(), _pid=self.next_pid(), _comp="sshd(pam_unix)", rhost="tb-login1", user="root"))],
            [("s_fail", dict(a(), _pid=self.next_pid(), ip="10.100.3.17", port=41022, user="root"))],
            [("su_open", dict(a(), _pid=self.next_pid(), user="root", user2="jfrost", uid=5032))],
            [("g_rrd", dict(a(), _pid=1682, n=1132018800, n2=1132018800))],
            [("ib_newnode", {"_user": "tb-sm2", "_loc": "src@tb-sm2", "_pid": 24904, "line": 588})],
            [("ib_lid", {"_user": "tb-sm2", "_loc": "src@tb-sm2", "_pid": 24904, "line": 211, "n": 77})],
            [("ib_timeout", {"_user": "tb-sm2", "_loc": "src@tb-sm2", "_pid": 24904, "line": 377, "attr": "PortInfo"})],
            [("d_disc", dict(a(), mac=self.macs())), ("d_offer", dict(a(), mac=self.macs(), ip="10.100.6.31"))],
            [("d_inform", dict(a(), ip="10.100.0.12")), ("d_release", dict(a(), ip="10.100.2.44", mac=self.macs())),
             ("d_wrote", dict(a(), n=1163))],
            [("d_nofree", dict(a(), mac=self.macs(), net="10.100.0.0/16"))],
            [("n_unreach", dict(h(), _pid=2431, ip="10.100.18.250", n=5)), ("n_freq", dict(h(), _pid=2431))],
            [("s_closed", dict(h(), _pid=self.next_pid(), ip="10.100.0.250"))],
            [("s_bind", dict(a(), _pid=3001, port=22, ip="0.0.0.0")), ("s_listen", dict(a(), _pid=3001, port=22, ip="0.0.0.0"))],
            [("s_disc", dict(a(), _pid=self.next_pid(), ip="10.100.1.9", code=11))],
            [("k_ibmad", dict(h(), line=98, n=1, path="/mnt_projects/sysapps/src/ib/stack-3.1/ib/mad/mad_static.c"))],
            [("k_scsi", h())],
            [("k_temp", dict(h(), n=1)), ("k_mod", dict(h(), n=1)), ("k_norm", dict(h(), n=1, _gap=40))],
            [("k_mtrr", dict(h(), hex="0xf8000000", hex2="0x400000"))],
            [("k_oom", dict(h(), pid=21907, prog="mpirun"))],
            [("k_netdev", dict(h(), iface="eth0"))],
            [("k_ext3", dict(h(), dev="sda5", n=2049233, n2=0))] * 2,
            [("k_apic", dict(h(), n=0, hex="40", hex2="40"))],
            [("k_edid", dict(h(), n=0))],
            [("k_mce", dict(h(), n=1, hex="4", n2=4, hex2="b200000000070f0f"))],
            [("k_dtlb", dict(h(), hex="0000010000000008"))],
            [("sng_broken", dict(a(), _pid=1120, ip="10.100.0.2", port=514, n=60)), ("sng_io", dict(a(), _pid=1120, n=111))],
            [("sm_temp", dict(a(), _pid=2702, devpath="/dev/sda", n=33, n2=34))],
            [("sm_raw", dict(a(), _pid=2702, devpath="/dev/sdb", n=100, n2=99))],
            [("umnt", dict(a(), _pid=1888, host="ln44", port=822, path="/home", path2="/home"))],
            [("am_mount", dict(h(), _pid=3311, path="/projects")), ("am_lookup", dict(h(), _pid=3311, key="scratch2"))],
            [("pbs_bfd", dict(h(), _pid=3120, job="44017.tb-admin2"))] * 2,
            [("pbs_con", dict(h(), _pid=3120, ip="10.100.9.77", port=15003))],
            [("lr_alert", dict(h(), n=1))],
            [("statd_unmon", dict(h(), _pid=1611, host="tb-admin2", ip="10.100.0.250"))],
            [("portmap", dict(h(), _pid=self.next_pid(), ip="10.100.31.6", svc="mountd"))],
            [("k_irqto", dict(h(), dev="hda", hex="0xd0")), ("k_idereset", h())],
            [("k_scsierr", dict(h(), scsi="0 0 0 0", hex="0x8000002")), ("k_ioerr", dict(h(), dev="sda", n=7260415)),
             ("k_bufio", dict(h(), dev="sda5", n=907546))],
            [("n_exit", dict(h(), _pid=2431, n=15))],
            [("n_dis", dict(h(), _pid=2431, code="0041")), ("n_en", dict(h(), _pid=2431, code="0001", _gap=300))],
            [("n_ver", dict(h(), _pid=2919, ver="4.2.0a@1.1190-r", bdate="Mon Oct 11 09:10:20 EDT 2004", n=1))],
            [("s_noid", dict(a(), _pid=self.next_pid(), ip="10.100.27.3"))],
            [("s_timeout", dict(a(), _pid=self.next_pid(), ip="10.100.27.3"))],
            [("sng_start", dict(a(), _pid=1120)), ("sng_perm", dict(a(), _pid=1120))],
            [("idmap", dict(h(), _pid=1717, user="nobody", dom="tbird.example"))],
            [("mnt_refused", dict(a(), _pid=1888, host="kn1001", path="/opt", path2="/opt"))],
            [("pbs_scan", dict(h(), _pid=3120, job="44104.tb-admin2", n=1, n2=17731))] * 3,
        ]
        del r
        return [(1, f(e)) for e in eps]

    def render(self, t, ev, vals, content):
        import calendar
        label = vals.get("_label", ev.hdr.get("label", "-"))
        epoch = calendar.timegm(t.timetuple()) + 8 * 3600
        comp = vals.get("_comp", ev.hdr["comp"])
        if "_pid" in vals:
            head = "%s[%d]" % (comp, vals["_pid"])
        elif ev.hdr.get("nopid"):
            head = comp
        else:
            head = "%s[%d]" % (comp, self.next_pid())
        sep = ":  " if ev.hdr.get("lead") else ": "
        return "%s %d %s %s %s %d %s %s %s%s%s" % (
            label, epoch, t.strftime("%Y.%m.%d"), vals["_user"], t.strftime("%b"), t.day,
            t.strftime("%H:%M:%S"), vals["_loc"], head, sep, content)
# =====================================================================================
# Mac
# =====================================================================================

# Medium-frequency and rare Mac events, one a line: key | component | text [| address].
# In an address, {pid} becomes a fresh process id.  Rare events (the long tail) are emitted by
# fixed episodes once or twice each; medium ones also by the weighted "misc" episode.
MAC_MEDIUM = """
cts_ignore | com.apple.cts | <@job>: scheduler_evaluate_activity told me to run this job; however, but the start time isn't for <@num> seconds.  Ignoring.
cdsched | com.apple.CDScheduler | Thermal pressure state: <@n> Memory pressure state: <@n2>
qq_dealloc | QQ | FA||Url||taskID[<@num>] dealloc
qq_tcp | QQ | tcp_connection_destination_perform_socket_connect <@num> connectx to <@pubip>:<@port>@0 failed: [50] Network is down
qq_dberr | QQ | DB Error: 1 "no such table: tb_c2cMsg_<@num>"
qq_button | QQ | button report: <@hex>
net_bundle | networkd | -[NETClientConnection effectiveBundleID] using process name <@proc> as bundle ID (this is expected for daemons without bundle ID
net_nat64 | networkd | nw_nat64_post_new_ifstate successfully changed NAT64 ifstate from <@hex> to <@hex2>
net_ivan | networkd | __42-[NETClientConnection evaluateCrazyIvan46]_block_invoke CI46 - Hit by torpedo! <@proc>.<@num> tc<@num2> <@pubip>:<@port>
sym_switch | symptomsd | __73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke unexpected switch value <@n>
sym_hash | symptomsd | -[NetworkAnalyticsEngine _writeJournalRecord:fromCellFingerprint:key:atLOI:ofKind:lqm:isFaulty:] Hashing of the primary key failed. Dropping the journal record.
mdns_dereg | mDNSResponder | mDNS_DeregisterInterface: Frequent transitions for interface <@iface> (<@ip>)
mdns_reg | mDNSResponder | mDNS_RegisterInterface: Frequent transitions for interface <@iface> (<@ip6>)
cap_inactive | UserEventAgent | Captive: CNPluginHandler <@iface>: Inactive
cap_primary | UserEventAgent | Captive: [CNInfoNetworkActive:<@line>] <@iface>: SSID '<@ssid>' making interface primary (protected network)
cap_noprobe | UserEventAgent | Captive: <@iface>: Not probing '<@ssid>' (protected network)
uea_stale | UserEventAgent | Could not get event name for stream/token: com.apple.xpc.activity/<@num>: <@n>: Request for stale data
ld_onlyran | com.apple.xpc.launchd | Service only ran for <@n> seconds. Pushing respawn out by <@n2> seconds. | com.apple.preference.displays.MirrorDisplays
ld_abnormal | com.apple.xpc.launchd | Service exited with abnormal code: <@n> | com.apple.WebKit.Networking.{uuid}[{pid}]
ld_endpoint | com.apple.xpc.launchd | Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or bootstrap_check_in(): <@svc> | com.apple.quicklook[{pid}]
cc_notice | corecaptured | CCFile::captureLog Received Capture notice id: <@tsf>, reason = AuthFail:sts:5_rsn:0
cc_streams | corecaptured | CCIOReporterFormatter::addRegistryChildToChannelDictionary streams <@n>
cc_exit | corecaptured | CCFile::captureLogRun() Exiting CCFile::captureLogRun
cc_xpc | corecaptured | Got an XPC error: Connection invalid
cc_removed | corecaptured | CCLogTap::profileRemoved, Owner: com.apple.iokit.IO80211Family, Name: <@cname>
cc_added | corecaptured | CCProfileMonitor::setStreamEventHandler ProfileAdded, Owner: com.apple.iokit.IO80211Family, Name: <@cname>
cfg_changed | configd | network changed: v4(<@iface>-:<@ip>) DNS- Proxy- SMB
cfg_changed6 | configd | network changed: v4(<@iface>:<@ip>) v6(<@iface>:<@ip6>) DNS! Proxy SMB
cfg_dns | configd | network changed: DNS* Proxy
cfg_host | configd | setting hostname to "<@fqdn>"
ws_wake | WindowServer | CGXDisplayDidWakeNotification [<@num>]: posting kCGSDisplayDidWake
ws_lockshot | WindowServer | device_generate_lock_screen_screenshot: authw <@hex>(<@n>), shield <@hex2>(<@n2>)
ws_deskshot | WindowServer | device_generate_desktop_screenshot: authw <@hex>(<@n>), shield <@hex2>(<@n2>)
ws_sleep | WindowServer | handle_will_sleep_auth_and_shield_windows: Ordering out authw <@hex>(<@n>), shield <@hex2>(<@n2>), lock state <@n3>
ws_ping | WindowServer | send_datagram_available_ping: pid <@pid> failed to act on a ping it dequeued before timing out.
lw_sfl | loginwindow | -[SFLListManager(ServiceReplyProtocol) notifyChanges:toListWithIdentifier:] Notified of item changes to list with identifier com.apple.LSSharedFileList.<@list>
secd_query | secd | securityd_xpc_dictionary_handler cloudd[<@pid>] copy_matching Error Domain=NSOSStatusErrorDomain Code=-50 "query missing class name" (paramErr: error in user parameter list) UserInfo={NSDescription=query missing class name}
secd_sos | secd | SOSAccountThisDeviceCanSyncWithCircle sync with device failure: Error Domain=com.apple.security.sos.error Code=1035 "Account identity not set" UserInfo={NSDescription=Account identity not set}
cloudd_err | cloudd | SecOSStatusWith error:[-50] Error Domain=NSOSStatusErrorDomain Code=-50 "query missing class name" (paramErr: error in user parameter list) UserInfo={NSDescription=query missing class name}
loc_active | locationd | Location icon should now be in state 'Active'
loc_inactive | locationd | Location icon should now be in state 'Inactive'
saf_keychain | Safari | KeychainGetICDPStatus: keychain: -25300
saf_tls | Safari | tcp_connection_tls_session_error_callback_imp <@num> __tcp_connection_tls_session_callback_write_block_invoke.434 error 22
ntp_wake | ntpd | wake time set <@off> s
asl_stats | syslogd | ASL Sender Statistics
abss_attr | AddressBookSourceSync | Unrecognized attribute value: t:AbchPersonItemType
ab_connect | com.apple.AddressBook.InternetAccountsBridge | dnssd_clientstub ConnectToServer: connect()-> No of tries: <@n>
ab_failed | com.apple.AddressBook.InternetAccountsBridge | dnssd_clientstub ConnectToServer: connect() failed path:/var/run/mDNSResponder Socket:<@n> Err:-1 Errno:1 Operation not permitted
wc_crabs | com.apple.WebKit.WebContent | [<@clock>] <<<< CRABS >>>> crabsFlumeHostAvailable: [<@hex>] Byte flume reports host available again.
gch_notify | Google Chrome Helper | Libnotify: notify_register_coalesced_registration failed with code <@n> on line <@line>
gch_font | Google Chrome Helper | CoreText note: Client requested name ".SFNSText-Regular", it will get Times-Roman rather than the intended font. All system UI font access should be through proper APIs such as CTFontCreateUIFontForLanguage() or +[NSFont systemFontOfSize:].
gch_bp | Google Chrome Helper | CoreText note: Set a breakpoint on CTFontLogSystemFontNameRequest to debug.
shd_purged | sharingd | <@clock> : Purged contact hashes
shd_off | sharingd | <@clock> : BTLE scanner Powered Off
shd_on | sharingd | <@clock> : BTLE scanner Powered On
shd_mode | sharingd | <@clock> : Scanning mode Contacts Only
apd_autojoin | airportd | _doAutoJoin: Already associated to \u201c<@ssid>\u201d. Bailing on auto-join.
apd_dlil | airportd | airportdProcessDLILEvent: <@iface> attached (up)
gsua_check | GoogleSoftwareUpdateAgent | <@date> <@clock> GoogleSoftwareUpdateAgent[<@pid>/<@hex>] [lvl=2] -[KSAgentApp updateProductWithProductID:usingEngine:] Checking for updates for "All Products" using engine <@engine>
gsua_done | GoogleSoftwareUpdateAgent | <@date> <@clock> GoogleSoftwareUpdateAgent[<@pid>/<@hex>] [lvl=2] -[KSUpdateEngine(PrivateMethods) updateFinish] KSUpdateEngine update processing complete.
cal_refresh | CalendarAgent | [com.apple.calendar.store.log.caldav.queue] [Account refresh failed with error: Error Domain=CoreDAVHTTPStatusErrorDomain Code=<@n> "(null)" UserInfo={AccountName=<@acct>, CalDAVErrFromRefresh=YES}]
wechat_test | WeChat | jemmytest
word_open | Microsoft Word | Opened document <@doc> in <@ms> ms
spot_net | SpotlightNetHelper | tcp_connection_destination_handle_tls_close_notify <@num> closing socket due to TLS CLOSE_NOTIFY alert
"""

MAC_TAIL = """
k_lsmeta | kernel | Bluetooth -- LE is supported - Disable LE meta event
k_btcoex | kernel | Setting BTCoex Config: enable_2G:<@n>, profile_2g:<@n2>, enable_5G:<@n3>, profile_5G:<@n4>
k_actuator | kernel | AppleActuatorHIDEventDriver: message service is terminated
k_usbmsc | kernel | USBMSC Identifier (non-unique): <@num> <@hex> <@hex2> <@hex3>, <@n>
k_in6 | kernel | in6_unlink_ifa: IPv6 address <@hex> has no prefix
k_aggfifo | kernel | ARPT: <@up>: wlc_dump_aggfifo:
k_aqmparams | kernel | ARPT: <@up>: AQM agg params <@hex> maxlen hi/lo <@hex2> <@hex3> minlen <@hex4> adjlen <@hex5>
k_aqmres | kernel | ARPT: <@up>: AQM agg results <@hex> len hi/lo: <@hex2> <@hex3> BAbitmap(0-3) <@n> <@n2> <@n3> <@n4>
k_tbtw | kernel | TBT W (<@n>): <@hex> [x]
k_mtstatus | kernel | AppleUSBMultitouchDriver::checkStatus - received Status Packet, Payload <@n>: device was reinitialized
k_vmflush | kernel | vm_compressor_flush - starting
k_camwake | kernel | AppleCamIn::handleWakeEvent_gated
k_camthread | kernel | AppleCamIn::wakeEventHandlerThread
k_country | kernel | en0: 802.11d country code set to '<@cc>'.
k_channels | kernel | en0: Supported channels <@chanlist>
k_bssid | kernel | en0: BSSID changed to <@mac>
k_postmsg | kernel | en0::IO80211Interface::postMessage bssid changed
k_wakescan | kernel | ARPT: <@up>: ARPT: Wake Reason: Wake on Scan offload
k_wakeudp | kernel | ARPT: <@up>: ARPT: Wake Reason: Wake on UDP
k_wakepkt | kernel | ARPT: <@up>: wl0: MDNS: Wake packet received from <@ip>
k_ioreg | kernel | IOPMrootDomain: idle sleep timer <@n> secs
k_dark | kernel | DarkWake from Normal Sleep [CDN] : due to EC.LidOpen/Lid Open
k_darkrtc | kernel | DarkWake from Normal Sleep [CDNP] : due to RTC/Alarm
k_fullwake | kernel | Wake reason: EC.LidOpen (User)
k_sleepfail | kernel | SleepService: window server not responding, forcing sleep
k_hidreport | kernel | [HID] [ATC] AppleDeviceManagementHIDEventService::processWakeReason Wake reason: Host (0x01)
k_mtterm | kernel | [HID] [MT] AppleMultitouchDevice::willTerminate entered
k_ahci | kernel | AppleAHCIDiskDriver: flushing the disk cache
k_nvme | kernel | IONVMeController::setPowerState(<@n>) complete
k_sandbox_qq | kernel | Sandbox: QQ(<@pid>) deny(1) mach-lookup com.apple.networkd
k_sandbox_ab | kernel | Sandbox: com.apple.Addres(<@pid>) deny(1) network-outbound /private/var/run/mDNSResponder
k_sandbox_wc | kernel | Sandbox: com.apple.WebKit(<@pid>) deny(1) file-read-data <@path>
k_tbhp | kernel | Thunderbolt <@n> PCI - LS=<@hex> LC=<@hex2> SS=<@hex3> SC=<@hex4> PHCSR=<@hex5>
k_awdlmode | kernel | IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from AUTO to SUSPENDED
k_awdlauto | kernel | IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from SUSPENDED to AUTO
k_awdlresume | kernel | IO80211AWDLPeerManager::setAwdlSuspendedMode() Resuming AWDL
k_peerdel | kernel | IO80211PeerManager::removePeer: removed peer <@mac>
k_linkupawdl | kernel | AirPort: Link Up on awdl0
k_dumpstats | kernel | ARPT: <@up>: wl0: dump_stats: rx <@num> tx <@num2> err <@n>
k_pmtrace | kernel | PMTrace found PM trace point <@hex>
k_hibfiles | kernel | hibernate_setup(<@n>) took <@ms> ms
k_hibwrite | kernel | hibernate_write_image done(<@n>)
k_hibpages | kernel | hibernate_page_list_setall found pageCount <@num>
k_hibflush | kernel | hibernate_flush_memory: buffer_cache_gc freed up <@num> wired pages
k_sleepimage | kernel | Opened file /var/vm/sleepimage, size <@num>, extents <@n>, maxio <@hex> ssd <@n2>
k_hibpath | kernel | hibernate image path: /var/vm/sleepimage
k_hibsize | kernel | sizeof(IOHibernateImageHeader) == <@n>
k_kopen | kernel | kern_open_file_for_direct_io(<@n>)
k_booter | kernel | booter start at <@n> ms smc <@n2> ms, [<@n3>, <@n4>, <@n5>] total <@ms> ms, dsply <@n6>, <@n7> ms, tramp <@ms2> ms
k_hibread | kernel | hibernate_machine_init reading
k_hibdone | kernel | hibernate_machine_init: state <@n>, image pages <@num>, sum was <@hex>, imageSize <@num2>, image1Size <@num3>, conflictCount <@n2>, nextFree <@num4>
k_discard | kernel | could discard act <@num> inact <@num2> purgeable <@num3> spec <@num4> cleaned <@n>
k_pages | kernel | pages <@num>, wire <@num2>, act <@num3>, inact <@n>, cleaned <@n2> spec <@n3>, zf <@n4>, throt <@n5>, compr <@num4>, xpmapped <@num5>
k_wlcfail | kernel | ARPT: <@up>: wl0: wlc_ap_findbss: Failed to find the BSS
k_roam | kernel | ARPT: <@up>: wl0: Roamed or switched channel, reason #<@n>, bssid <@mac>, last RSSI <@rssi>
k_chan | kernel | en0: channel changed to <@chan>
k_smcwarn | kernel | AppleSMC: SMC Error: <@hex> on key <@key>
k_bcm | kernel | AirPort_Brcm4360::setPowerState: <@n> -> <@n2>
k_awdlup | kernel | IO80211AWDLPeerManager::doAWDLSignalingIfNeeded peerAddr <@mac>
k_usbdisc | kernel | USB device detached: <@hex> (<@name>)
k_nspace | kernel | nspace-handler-set-snapshot-time: <@num>
k_apfs | kernel | IOKit: AppleAPFSContainer::flushCache took <@ms> ms
k_dcp | kernel | DCP: display <@n> awake
ld_sigkill | com.apple.xpc.launchd | Service exited due to signal: Killed: 9 | com.apple.mdworker.bundles[{pid}]
ld_sigterm | com.apple.xpc.launchd | Service exited due to signal: Terminated: 15 | com.apple.CoreSimulator.SimDevice.{uuid}.launchd_sim[{pid}]
ld_pathna | com.apple.xpc.launchd | Path not allowed in target domain: type = pid, path = <@path> error = 147: The specified service did not ship in the requestor's bundle, origin = <@path2> | com.apple.xpc.launchd.domain.pid.WebContent.{pid}
ld_nouid | com.apple.xpc.launchd | Could not find uid associated with service: 0: Undefined error: 0 <@num> | com.apple.mdworker.shared.{hexid}
ld_legacy | com.apple.xpc.launchd | Service has increased its maximum number of open files. Please consider switching to a more robust approach. | com.apple.bsd.dirhelper
ld_throttle | com.apple.xpc.launchd | Service is throttled; respawn is pending | com.apple.ReportCrash[{pid}]
ld_inefficient | com.apple.xpc.launchd | Service could not initialize: Unable to set current working directory. path = <@path>, error = 2: No such file or directory | com.apple.imfoundation.IMRemoteURLConnectionAgent
ld_unknownsvc | com.apple.xpc.launchd | Unknown key for boolean: <@key> | com.apple.photolibraryd
cc_copy | corecaptured | CCFile::copyFile fileName is <@file>, source path:<@path>, dest path:<@path2>
cc_dtap | corecaptured | CCDataTap::profileRemoved, Owner: com.apple.driver.AirPort.Brcm4360.0, Name: StateSnapshots
cc_created | corecaptured | CCFile::captureLog Created file <@path>
cc_bad | corecaptured | CCIOReporterFormatter::refreshSubscriptionsFromStreamRegistry clearing out any previous subscriptions
ws_noattach | WindowServer | _CGXRemoveWindowFromWindowMovementGroup: window <@hex> is not attached to window <@hex2>
ws_disp | WindowServer | Display <@hex> : bounds changed to ( <@n> x <@n2> )
ws_hotplug | WindowServer | Hot-plug detected on display <@hex>
ws_nocursor | WindowServer | CGXSetCursor: no cursor for connection <@hex>
lw_ca | loginwindow | CoreAnimation: warning, deleted thread with uncommitted CATransaction; set CA_DEBUG_TRANSACTIONS=1 in environment to log backtraces.
lw_lock | loginwindow | -[LWScreenLock lockScreen:] screen locked by <@proc>
lw_unlock | loginwindow | -[LWScreenLock unlockScreen] screen unlocked
ntp_sigio | ntpd | sigio_handler: sigio_handler_active != 1
asl_claim | syslogd | Configuration Notice: ASL Module "<@module>" claims selected messages. Those messages may not appear in standard system log files or in the ASL database.
asl_sharing | syslogd | Configuration Notice: ASL Module "com.apple.authd" sharing output destination "/var/log/system.log" with ASL Module "com.apple.asl". Output parameters from ASL Module "com.apple.asl" override any specified in ASL Module "com.apple.authd".
abss_carddav | AddressBookSourceSync | [CardDAVPlugin-ERROR] -getPrincipalInfo:[_controller supportsRequestCompressionAtURL:<@url>] Error Domain=NSURLErrorDomain Code=-1009 "The Internet connection appears to be offline."
wc_fig | com.apple.WebKit.WebContent | <@clock> FigAgglomeratorSetObjectForKey signalled err=-16020 (kFigStringConformerError_ParamErr) (NULL key) at <@src>
wc_layer | com.apple.WebKit.WebContent | CoreAnimation: failed to allocate <@num> bytes
wn_ssl | com.apple.WebKit.Networking | NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, -9802)
wn_tcp | com.apple.WebKit.Networking | tcp_connection_tls_session_error_callback_imp <@num> __tcp_connection_tls_session_callback_write_block_invoke.434 error 32
md_bail | mdworker | (ImportBailout.Error:1311) Asked to exit for Diskarb
mds_store | mds | (DiskStore.Normal:2382) <@hex8> <@num>.<@num2>
mds_err | mds | (Error) IndexCI in void _CIDirtyDeviceCallback: dirtied device <@n>
spin_saved | spindump | Saved hang report for <@proc> version <@ver> to <@path>
sbx_deny | sandboxd | <@proc>(<@pid>) deny network-outbound /private/var/run/mDNSResponder | [{pid}]
cal_proppatch | CalendarAgent | [com.apple.calendar.store.log.caldav.coredav] [Refusing to parse response to PROPPATCH because of content-type: [text/html; charset=UTF-8].]
cal_sub | CalendarAgent | [com.apple.calendar.store.log.subscription] [Failed to refresh <@url> with error: The Internet connection appears to be offline.]
acc_verify | accountsd | AIDAVerifyPasswordForCurrentAccount: <@acct> failed with error <@n>
acc_noacct | accountsd | Unable to find an account with identifier <@uuid>
apd_awdl | airportd | -[CWXPCInterfaceContext __setAWDLOperatingMode:interface:error:]: <@proc> (pid=<@pid>) set AWDL mode to <@n>
apd_scan | airportd | _processSystemPSKAssoc: No password for network <CWNetwork: <@hex>> [ssid=<@ssid>, bssid=<@mac>, security=WPA2 Personal, rssi=<@rssi>, channel=<@chan>] in the system keychain
apd_wake | airportd | _handleLinkEvent: en0 link up, waking from sleep
ids_note | identityservicesd | <IMMacNotificationCenterManager: <@hex>>: post note with id <@uuid>
ids_acct | identityservicesd | [Warning] Account <@uuid> has no registered handles
imagent_deny | imagent | [Warning] Denying xpc connection, task does not have entitlement: com.apple.private.imcore.imagent (<@proc>:<@pid>)
suggest_link | suggestd | PersonLinker - Cannot link contact: <@uuid>, missing name
rc_saved | ReportCrash | Saved crash report for <@proc>[<@pid>] version <@ver> to <@path>
rc_invalid | ReportCrash | Invalid task port for pid <@pid>
nsurl_task | nsurlsessiond | Task <@n>.<@n2> was not selected for download yet, retrying
dbx_sync | Dropbox | Sync complete, <@n> files up to date
dbx_err | Dropbox | Couldn't connect to the server, retrying in <@n> seconds
word_autosave | Microsoft Word | AutoRecovery saved document <@doc>
word_crash | Microsoft Word | Could not obtain font metrics for <@font>
qq_msg | QQ | msgRecv: sessionType=<@n> uin=<@num>
qq_login | QQ | QQ login state changed to <@n>
qq_save | QQ | saveFileToDisk error: <@path>
wechat_sync | WeChat | [SyncService] sync end, ret=<@n>, continueFlag=<@n2>
wechat_db | WeChat | [DB] open database <@path> failed, code=<@n>
hidd_open | hidd | [HID] [MT] MTActuatorOpen: Actuator Open failed <@hex>
hidd_kbd | hidd | [HID] [ATC] [Error] AppleDeviceManagementHIDEventService::start Could not make a string from out connection notification key
bluetoothd_le | bluetoothd | LE scan stopped by client <@proc>
bluetoothd_pair | bluetoothd | Device <@mac> disconnected with reason <@n>
coreaudiod_dev | coreaudiod | Audio device <@n> default output changed
pboard_change | pboard | Pasteboard <@name> changed by <@proc>
mdmclient_fail | mdmclient | Failed to connect to MDM service: <@n>
storeacct_tok | storeaccountd | [AccountTokenService] token refresh for <@acct> failed: <@n>
photolib_scan | photolibraryd | Finished scan of library <@path> in <@ms> ms
kdc_timeout | kdc | <@proc> request timed out after <@n> seconds
usbd_enum | usbd | enumerating device at <@hex>
powerd_sleep | powerd | Sleep Service capability requested by <@proc>
powerd_assert | powerd | Process <@proc>.<@pid> Created PreventUserIdleSystemSleep "<@reason>" age:<@dur> id:<@num> [System: PrevIdle]
powerd_release | powerd | Process <@proc>.<@pid> Released PreventUserIdleSystemSleep "<@reason>" age:<@dur> id:<@num> [System: No Assertions]
sysext_load | kextd | kext <@kext> <@ver> is in exception list, allowing to load
dtrace_ok | diagnosticd | Received log stream request from <@proc> (pid <@pid>)
tm_backup | com.apple.backupd | Starting automatic backup
tm_nodisk | com.apple.backupd | Backup failed with error 18: The backup disk could not be found.
tm_done | com.apple.backupd | Backup completed successfully.
softupd_check | softwareupdated | Background check: Scan completed with <@n> updates
softupd_cat | softwareupdated | Catalog URL changed to <@url>
fseventsd_drop | fseventsd | dropped events for <@path> (<@n> events)
xprotect_upd | XProtect | Updated XProtect to version <@n>
secinit_fail | secinitd | <@proc>[<@pid>]: unable to get root path for bundle of main executable: <@path>
sharingd_air | sharingd | <@clock> : AirDrop browse started by <@proc>
sharingd_handoff | sharingd | <@clock> : Handoff advertisement updated for <@svc>
nfc_none | nfcd | No NFC controller found
quicklook_gen | QuickLookSatellite | Generating thumbnail for <@path> took <@ms> ms
helpd_idx | helpd | Indexing help book <@name> (<@n> topics)
appstore_upd | storedownloadd | Download of <@name> finished with status <@n>
commerce_err | commerce | Could not find account for DSID <@num>
parsecd_feed | parsecd | Feedback for <@uuid> submitted
safari_history | Safari | History: failed to write <@n> visits, database is locked
safari_plugin | Safari | Plug-in <@name> was blocked because it is out of date
gch_gpu | Google Chrome Helper | GPU process isn't usable. Goodbye.
chrome_upd | Google Chrome | Updater: update check returned <@n>
finder_meta | Finder | Unable to read metadata for <@path>
dock_tile | Dock | Unable to load tile for <@name>
wallpaper_fail | com.apple.wallpaper | Failed to load wallpaper <@path>
tccd_deny | tccd | Refusing client <@proc> access to kTCCServiceAddressBook
tccd_prompt | tccd | Prompting policy for hardened runtime; service: kTCCServiceMicrophone requires entitlement
lsd_reg | lsd | LaunchServices: registering <@path> (<@n> items)
cfprefs_big | cfprefsd | Preferences domain <@name> is larger than <@num> bytes
mediaremote_np | mediaremoted | Now playing application changed to <@proc>
iconservices_cache | iconservicesagent | Icon cache rebuilt in <@ms> ms
"""


def _parse_mac(block):
    out = []
    for line in block.strip().splitlines():
        parts = [p.strip() for p in line.split(" | ")]
        key, comp, text = parts[0], parts[1], parts[2]
        addr = parts[3] if len(parts) > 3 else None
        out.append((key, comp, text.encode().decode("unicode_escape") if "\\u" in text else text, addr))
    return out


class Mac(R5):
    name = "Mac"
    log_format = "<Month>  <Date> <Time> <User> <Component>\\[<PID>\\]( \\(<Address>\\))?: <Content>"
    start = datetime(2017, 7, 2, 8, 51, 20)
    mean_gap = 190.0
    inner_gap = (0.0, 1.2)
    settings = {"regex": ["([\\w-]+\\.){2,}[\\w-]+"], "st": 0.7, "depth": 6}

    def define(self):
        K = {"comp": "kernel"}
        self.table([
            ("tcp_orig", "ARPT: <@up>: wl0: wl_update_tcpkeep_seq: Original Seq: <@seq>, Ack: <@ack>, Win size: <@win>"),
            ("tcp_upd", "ARPT: <@up>: wl0: wl_update_tcpkeep_seq: Updated seq/ack/win from UserClient Seq <@seq>, Ack <@ack>, Win size <@win>"),
            ("ka_port", "ARPT: <@up>: wl0: setup_keepalive: Local port: <@port>, Remote port: <@port2>"),
            ("ka_lip", "ARPT: <@up>: wl0: setup_keepalive: Local IP: <@ip>"),
            ("ka_rip", "ARPT: <@up>: wl0: setup_keepalive: Remote IP: <@rip>"),
            ("ka_seq", "ARPT: <@up>: wl0: setup_keepalive: Seq: <@seq>, Ack: <@ack>, Win size: <@win>"),
            ("ka_int", "ARPT: <@up>: wl0: setup_keepalive: interval <@n>, retry_interval <@n2>, retry_count <@n3>"),
            ("mdns4", "ARPT: <@up>: wl0: MDNS: IPV4 Addr: <@ip>"),
            ("mdns6", "ARPT: <@up>: wl0: MDNS: IPV6 Addr: <@ip6>"),
            ("pw_sleep", "ARPT: <@up>: AirPort_Brcm43xx::powerChange: System Sleep"),
            ("pw_wake", "ARPT: <@up>: AirPort_Brcm43xx::powerChange: System Wake - Full Wake/ Dark Wake / Maintenance wake"),
            ("wwen_en", "ARPT: <@up>: AirPort_Brcm43xx::syncPowerState: WWEN[enabled]"),
            ("wwen_dis", "ARPT: <@up>: AirPort_Brcm43xx::platformWoWEnable: WWEN[disable]"),
            ("wwen_enable", "ARPT: <@up>: AirPort_Brcm43xx::platformWoWEnable: WWEN[enable]"),
            ("pmsrc", "ARPT: <@up>: IOPMPowerSource Information: onSleep,  SleepType: Normal Sleep,  'ExternalConnected': <@yes>, 'TimeRemaining': <@n>,"),
            ("wake_rtc", "Wake reason: RTC (Alarm)"),
            ("wake_ec", "Wake reason: EC.SleepTimer (SleepTimer)"),
            ("wake_arpt", "Wake reason: ARPT (Network)"),
            ("cam_wake", "AppleCamIn::systemWakeCall - messageType = <@hex>"),
            ("tb_prewake", "AppleThunderboltNHIType2::prePCIWake - power up complete - took <@n> us"),
            ("tb_early", "AppleThunderboltGenericHAL::earlyWake - complete - took <@n> milliseconds"),
            ("tb_hpd", "IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = <@hex> port = <@n> unplug = <@n2>"),
            ("pm_resp", "PM response took <@ms> ms (<@n>, powerd)"),
            ("prev_sleep", "Previous sleep cause: <@n>"),
            ("rtc_maint", "RTC: Maintenance <@stamp>, sleep <@stamp2>"),
            ("hib_pre", "hibernate_page_list_setall(preflight <@n>) start"),
            ("hib_time", "hibernate_page_list_setall time: <@ms> ms"),
            ("link_down", "AirPort: Link Down on awdl0. Reason 1 (Unspecified)."),
            ("link_down_en0", "AirPort: Link Down on en0. Reason 8 (Disassociated because station leaving)."),
            ("link_up", "AirPort: Link Up on en0"),
            ("awdl_susp", "IO80211AWDLPeerManager::setAwdlSuspendedMode() Suspending AWDL, enterQuietMode(true)"),
        ], **K)
        for key, comp, text, addr in _parse_mac(MAC_MEDIUM) + _parse_mac(MAC_TAIL):
            self.ev(key, text, comp=comp, addr=addr)
        self.medium = [k for k, _, _, _ in _parse_mac(MAC_MEDIUM)]
        self.tail = [k for k, _, _, _ in _parse_mac(MAC_TAIL)]
        r = self.r
        self.pids = {}
        self.boot = self.start - timedelta(seconds=r.randint(300000, 700000))
        self.rips = self.pool(lambda: "17.%d.%d.%d" % (r.randint(100, 250), r.randint(0, 255), r.randint(1, 254)), 12)
        self.ssids = ["GuestAir", "GuestAir", "Mira-5G"]

    # -- values
    def v_up(self):
        boot = self.boot
        return lambda t: "%.6f" % (t - boot).total_seconds()

    def v_seq(self):
        return self.r.randint(10 ** 8, 4 * 10 ** 9)

    def v_ack(self):
        return self.r.randint(10 ** 8, 4 * 10 ** 9)

    def v_win(self):
        return self.r.choice((4096, 4096, 4096, 2048, 8192))

    def v_ip(self):
        return "10.142.%d.%d" % (self.r.randint(30, 60), self.r.randint(2, 250))

    def v_rip(self):
        return self.rips()

    def v_ip6(self):
        return "fe80:0:0:0:%s:%s:%s:%s" % tuple(hexs(self.r, 4).lstrip("0") or "0" for _ in range(4))

    def v_pubip(self):
        return self.pub_ip()

    def v_port(self):
        return self.r.choice((80, 443, 8080))

    def v_yes(self):
        return self.r.choice(("Yes", "No"))

    def v_pid(self):
        return self.r.randint(200, 60000)

    def v_mac(self):
        return ":".join(hexs(self.r, 2) for _ in range(6))

    def v_iface(self):
        return self.r.choice(("en0", "en0", "awdl0"))

    def v_ssid(self):
        return self.r.choice(self.ssids)

    def v_line(self):
        return self.r.randint(100, 3000)

    def v_job(self):
        return self.r.choice(("com.apple.suggestions.harvest", "com.apple.Safari.SafeBrowsing.Update",
                              "com.apple.photoanalysisd.analysis", "com.apple.CacheDelete.daily",
                              "com.apple.mediaanalysisd.analysis", "com.apple.icloud.fmfd.heartbeat"))

    def v_proc(self):
        return self.r.choice(("apsd", "QQ", "WeChat", "Safari", "Mail", "com.apple.WebKit.WebContent",
                              "Google Chrome Helper", "soagent", "assistantd"))

    def v_svc(self):
        return "com.apple.quicklook"

    def v_tsf(self):
        return "%d.%06d" % (1499000000 + self.r.randint(0, 600000), self.r.randint(0, 999999))

    def v_cname(self):
        return self.r.choice(("IO80211AWDLPeerManager", "OneStats", "StateSnapshots", "DriverLogs"))

    def v_fqdn(self):
        return "visitornet-10-142-%d-%d.visitornet.example.edu" % (self.r.randint(30, 60), self.r.randint(2, 250))

    def v_list(self):
        return self.r.choice(("RecentApplications", "RecentDocuments", "RecentServers"))

    def v_off(self):
        return "%.6f" % self.r.uniform(-0.9, 0.9)

    def v_clock(self):
        return lambda t: t.strftime("%H:%M:%S.") + "%03d" % (t.microsecond // 1000)

    def v_date(self):
        return lambda t: t.strftime("%Y-%m-%d")

    def v_engine(self):
        return "<KSUpdateEngine:0x%s ticketStore=<KSPersistentTicketStore:0x%s store=<KSKeyedPersistentStore:0x%s path=\"/Users/mira/Library/Google/GoogleSoftwareUpdate/TicketStore/Keystone.ticketstore\" lockFile=<KSLockFile:0x%s path=\"/Users/mira/Library/Google/GoogleSoftwareUpdate/TicketStore/Keystone.ticketstore.lock\" locked=NO > >> processor=<KSActionProcessor:0x%s delegate=<KSUpdateEngine:0x%s> isProcessing=NO actionsCompleted=0 progress=0.00 errors=0 currentActionErrors=0 events=0 currentActionEvents=0 actionQueue=( ) > delegate=(null) serverInfoStore=(null) errors=0 >" % tuple(hexs(self.r, 9) for _ in range(6))

    def v_acct(self):
        return self.r.choice(("Mira", "mira.k@example.com"))

    def v_doc(self):
        return self.r.choice(("draft_v3.docx", "notes.docx", "report-final.docx"))

    def v_stamp(self):
        return lambda t: "%d/%d/%d %s" % (t.year, t.month, t.day, t.strftime("%H:%M:%S"))

    def v_chan(self):
        return self.r.choice(("36,+1", "149,+1", "6", "11", "132,+1"))

    def v_chanlist(self):
        return "1 2 3 4 5 6 7 8 9 10 11 36 40 44 48 52 56 60 64 100 104 108 112 116 120 124 128 132 136 140 144 149 153 157 161 165"

    def v_cc(self):
        return "US"

    def v_rssi(self):
        return -self.r.randint(45, 85)

    def v_path(self):
        return self.r.choice(("/Users/mira/Library/Containers/com.tencent.qq/Data/tmp/img_0712.png",
                              "/Library/Logs/DiagnosticReports/QQ_2017-07-03-101208_MacBook-Pro.hang",
                              "/System/Library/StagedFrameworks/Safari/WebKit.framework/Versions/A/XPCServices/com.apple.WebKit.WebContent.xpc",
                              "/var/log/CoreCapture/com.apple.driver.AirPort.Brcm4360.0/DriverLogs/com.apple.txt.log",
                              "/Users/mira/Pictures/Photos Library.photoslibrary"))

    def v_url(self):
        return self.r.choice(("https://p43-contacts.example-dav.com:443/5012/carddavhome/", "https://cal.example.org/feed.ics",
                              "https://swscan.example.com/content/catalogs/index.sucatalog"))

    def v_uuid(self):
        r = self.r
        return "%s-%s-%s-%s-%s" % (hexs(r, 8).upper(), hexs(r, 4).upper(), hexs(r, 4).upper(), hexs(r, 4).upper(), hexs(r, 12).upper())

    def v_name(self):
        return self.r.choice(("Preview", "Keynote", "com.apple.finder", "General", "Xcode"))

    def v_ver(self):
        return self.r.choice(("6.5.2 (25640)", "10.12.5", "2.1", "59.0.3071.115"))

    def v_reason(self):
        return self.r.choice(("Playing audio", "com.apple.audio.context", "Downloading"))

    def v_dur(self):
        return "00:%02d:%02d" % (self.r.randint(0, 59), self.r.randint(0, 59))

    def v_key(self):
        return self.r.choice(("TB0T", "F0Ac", "EnableTransactions", "B0AC"))

    def v_module(self):
        return self.r.choice(("com.apple.AccountPolicyHelper", "com.apple.cdscheduler", "com.apple.install"))

    def v_src(self):
        return "/Library/Caches/com.apple.xbs/Sources/EmbeddedCoreMedia/EmbeddedCoreMedia-1290.6/Prototypes/LegibleOutput/FigAgglomerator.c:92"

    def v_file(self):
        return "com.apple.txt.log"

    def v_font(self):
        return self.r.choice(("Calibri", "Cambria Math", "SimSun"))

    def v_kext(self):
        return "com.example.driver.VirtualUSB"

    def v_hex8(self):
        return hexs(self.r, 8)

    # -- episodes
    def ep_sleepwake(self):
        r = self.r
        items = [("pw_sleep", {}), ("wwen_enable", {})]
        if r.random() < 0.5:
            items.append(("pmsrc", {}))
        if r.random() < 0.3:
            items += [("ws_sleep", {"n": 2004, "n2": 2006, "n3": 3})]
        if r.random() < 0.25:
            items += [("hib_pre", {"n": 1}), ("hib_time", {})]
        items += [("link_down", {"_gap": r.randint(30, 2000)})]
        w = weighted(r, [("wake_rtc", 5), ("wake_ec", 3), ("wake_arpt", 2)])
        items += [("wwen_en", {"_gap": r.randint(20, 3000)}), ("wwen_dis", {}), (w, {})]
        if r.random() < 0.7:
            items += [("cam_wake", {"hex": "0xE0000340"}), ("tb_prewake", {"n": 2}), ("tb_early", {"n": 0})]
        if r.random() < 0.6:
            items.append(("pw_wake", {}))
        if r.random() < 0.5:
            items += [("tb_hpd", {"hex": "0x0", "n": 11, "n2": 0})]
        if r.random() < 0.4:
            items += [("pm_resp", {"ms": r.randint(20, 2500), "n": r.randint(10, 90)}), ("prev_sleep", {"n": 5})]
        if r.random() < 0.35:
            items += [("rtc_maint", {"stamp2": self.v_stamp()})]
        if r.random() < 0.5:
            items += [("link_up", {}), ("awdl_susp", {})]
        if r.random() < 0.5:
            items += [("mdns4", {}), ("mdns6", {})]
        if r.random() < 0.3:
            items += [("ws_wake", {"num": r.randint(10 ** 11, 10 ** 12)})]
        if r.random() < 0.25:
            items += [("ntp_wake", {})]
        return items

    def ep_keepalive(self):
        r = self.r
        items = []
        if r.random() < 0.55:
            for _ in range(r.choice((1, 1, 2, 3))):
                seq, ack = self.v_seq(), self.v_ack()
                items += [("tcp_orig", {"seq": seq, "ack": ack}), ("tcp_upd", {"seq": seq + r.randint(0, 3000), "ack": ack})]
        else:
            items += [("ka_port", {"port": r.randint(49152, 65535), "port2": 443}), ("ka_lip", {}),
                      ("ka_rip", {}), ("ka_seq", {}), ("ka_int", {"n": 900, "n2": 30, "n3": 10})]
        return items

    def ep_net(self):
        r = self.r
        items = []
        if r.random() < 0.6:
            items += [("cap_inactive", {"iface": "en0"})]
        ip = self.v_ip()
        items += [("cfg_changed", {"iface": "en0", "ip": ip})]
        if r.random() < 0.5:
            items.append(("mdns_dereg", {"iface": "en0", "ip": ip}))
        if r.random() < 0.5:
            items.append(("cap_primary", {"iface": "en0", "line": 1748}))
        if r.random() < 0.4:
            items.append(("net_nat64", {"hex": "0x8000000000000000", "hex2": "0x4"}))
        if r.random() < 0.4:
            items.append(("sym_switch", {"n": 2}))
        if r.random() < 0.3:
            items.append(("apd_autojoin", {}))
        return items

    def ep_qq(self):
        r = self.r
        k = weighted(r, [("qq_dealloc", 6), ("qq_tcp", 3), ("qq_dberr", 1), ("qq_button", 1)])
        return [(k, {})] * r.choice((1, 1, 2, 3))

    def ep_cc(self):
        r = self.r
        items = [("cc_notice", {}), ("cc_streams", {"n": 7})]
        for _ in range(r.randint(1, 5)):
            items.append((r.choice(("cc_removed", "cc_added")), {}))
        if r.random() < 0.5:
            items.append(("cc_exit", {}))
        return items

    def ep_misc(self):
        r = self.r
        k = r.choice(self.medium)
        return [(k, {})]

    def ep_cts(self):
        return [("cts_ignore", {}) for _ in range(self.r.choice((1, 2, 4)))]

    def weighted_episodes(self):
        return [(10, self.ep_sleepwake), (15, self.ep_keepalive), (9, self.ep_net), (8, self.ep_qq),
                (3, self.ep_cc), (30, self.ep_misc), (6, self.ep_cts)]

    def fixed_episodes(self):
        r = self.r
        out = []
        for k in self.tail:
            out.append((r.choice((1, 1, 1, 2)), lambda k=k: [(k, {})]))
        for k in self.medium + ["link_down_en0"]:
            out.append((1, lambda k=k: [(k, {})]))
        return out

    def user_at(self, t):
        days = (t - self.start).total_seconds() / 86400.0
        if int(days * 3) % 4 == 3:
            return "mirasMacBook-Pro"
        return "visitornet-10-142-%d-%d" % (33 + int(days * 3) % 5, 17 + 29 * (int(days * 3) % 7))

    def render(self, t, ev, vals, content):
        r = self.r
        comp = ev.hdr["comp"]
        if comp == "kernel":
            pid = 0
        elif comp == "com.apple.xpc.launchd":
            pid = 1
        else:
            if comp not in self.pids:
                self.pids[comp] = r.randint(40, 60000)
            pid = self.pids[comp]
        head = "%s[%d]" % (comp, pid)
        addr = ev.hdr.get("addr")
        if addr:
            a = addr.replace("{pid}", str(r.randint(300, 60000))).replace("{uuid}", self.v_uuid()).replace("{hexid}", hexs(r, 8))
            head += " (%s)" % a
        return "%s %2d %s %s %s: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), self.user_at(t), head, content)


SYSTEMS = [HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird]


def summary(s, used):
    return "%-12s %4d events, %4d lines" % (s.name, len(used), sum(used.values()))


if __name__ == "__main__":
    t0 = time.time()
    rc = main(sys.argv, SYSTEMS, summary)
    sys.stderr.write("done in %.1f s\n" % (time.time() - t0))
    sys.exit(rc)
