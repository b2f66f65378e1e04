#!/usr/bin/env python3
"""Fourth recollection of six Loghub-2k systems the repository does not ship: HealthApp, Linux, Mac,
OpenSSH, Proxifier and Thunderbird.  Synthetic, labelled, 2,000 lines per system, in the layout of
the shipped Loghub-2k samples (see README.md next to this file).

    python3 tests/data/loghub-recall4/generate.py OUT_DIR

Every event type is written once as a message text in which each variable part is a named slot
``<@name>`` (tests/data/loghub_corpus.py).  The events of a system are listed in a small table, one
event a line:

    SPEC COMPONENT [FLAGS] :: MESSAGE TEXT

SPEC is ``wX`` (drawn as a one-line episode with weight X), ``nX`` (emitted X times as a fixed
one-line episode at a random position) or ``e`` (only emitted inside the multi-line episodes of the
system).  COMPONENT is the header component (``a|b`` = one of several, ``+`` = a blank, a trailing
``[]`` = the component carries a pid).  FLAGS: ``=key`` names the event, ``^`` puts one more blank
between the header and the message, ``~`` appends a blank to the raw line, ``@kind`` (Mac) adds an
``(Address)`` field, ``!LABEL`` and ``%where`` (Thunderbird) set the alert label and the kind of node.
All values are invented; Python 3 standard library only; deterministic.
"""

import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from loghub_corpus import SLOT_RE, System, main, hexs, weighted  # noqa: E402

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class R4(System):
    seed = "loghub-recall4/v1"
    collapse_spaces = True
    inner_gap = (0.0, 1.0)
    pub_ip_reserved = (0, 10, 100, 127, 169, 172, 192, 198, 203)
    TABLE = ""

    # -- definition ---------------------------------------------------------
    def define(self):
        self._singles = []
        self._fixed = []
        self._t = self.start
        self._line = 0
        self.setup()
        self.load(self.TABLE)

    def setup(self):
        pass

    def load(self, table):
        for raw in table.split("\n"):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            head, text = raw.split(" :: ", 1)
            toks = head.split()
            spec, comp, flags = toks[0], toks[1].replace("+", " "), toks[2:]
            hdr = {"comp": comp}
            key = None
            for f in flags:
                if f == "^":
                    hdr["lead"] = True
                elif f == "~":
                    hdr["trail"] = True
                elif f.startswith("="):
                    key = f[1:]
                elif f.startswith("@"):
                    hdr["addr"] = f[1:]
                elif f.startswith("!"):
                    hdr["label"] = f[1:]
                elif f.startswith("%"):
                    hdr["where"] = f[1:]
                else:
                    raise SystemExit("%s: bad flag %r in %r" % (self.name, f, raw))
            key = key or "k%d" % (len(self.events) + 1)
            self.ev(key, self.renumber(text), **hdr)
            if spec[0] == "w":
                self._singles.append((float(spec[1:]), key))
            elif spec[0] == "n":
                self._fixed.append((int(spec[1:]), key))
            elif spec != "e":
                raise SystemExit("%s: bad spec %r" % (self.name, spec))

    KEEP = ()   # slot names that keep one value when repeated in a message

    def renumber(self, text):
        """A slot name repeated in one message gets a fresh value at each place (``<@n>`` ... ``<@n>``
        become ``<@n>`` ... ``<@n02>``), unless listed in KEEP."""
        seen = {}

        def sub(m):
            name = m.group(1)
            k = seen.get(name, 0) + 1
            seen[name] = k
            if k == 1 or name in self.KEEP:
                return m.group(0)
            return "<@%s0%d>" % (name, k)
        return SLOT_RE.sub(sub, text)

    def episodes(self):
        return []

    def fixed_more(self):
        return []

    def weighted_episodes(self):
        eps = [(w, (lambda k=k: [(k, {})])) for w, k in self._singles]
        return eps + self.episodes()

    def fixed_episodes(self):
        return [(n, (lambda k=k: [(k, {})])) for n, k in self._fixed] + self.fixed_more()

    def fill(self, ev, vals, t):
        self._t = t
        self._line += 1
        return System.fill(self, ev, vals, t)

    # -- helpers ------------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def comp_of(self, ev, vals):
        if "_comp" in vals:
            return vals["_comp"]
        c = ev.hdr["comp"]
        if "|" in c:
            c = self.pick(c.split("|"))
        return c

    # -- generic slot values ------------------------------------------------
    def v_n(self):
        return self.r.choice([0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32])

    def v_num(self):
        return self.r.randint(10, 99999)

    def v_big(self):
        return self.r.randint(100000, 99999999)

    def v_hx(self):
        return "0x" + hexs(self.r, self.r.choice([2, 3, 4, 6, 8]))

    def v_ptr(self):
        return "0x7f" + hexs(self.r, 10)

    def v_f(self):
        return "%.*f" % (self.r.choice([1, 2, 3, 6]), self.r.uniform(0, 2000))

    def v_ip(self):
        return "10.%d.%d.%d" % (self.r.randint(0, 255), self.r.randint(0, 255), self.r.randint(1, 254))

    def v_pip(self):
        return self.pub_ip()

    def v_port(self):
        return self.r.randint(1025, 65535)

    def v_pid(self):
        return self.r.randint(300, 32000)

    def v_ver(self):
        return "%d.%d.%d" % (self.r.randint(0, 4), self.r.randint(0, 20), self.r.randint(0, 30))

    def v_tf(self):
        return self.pick(["true", "false"])

    def v_yn(self):
        return self.pick(["YES", "NO"])

    def v_uuid(self):
        return "%s-%s-%s-%s-%s" % (hexs(self.r, 8).upper(), hexs(self.r, 4).upper(), hexs(self.r, 4).upper(),
                                   hexs(self.r, 4).upper(), hexs(self.r, 12).upper())

    def v_mac(self):
        return ":".join(hexs(self.r, 2) for _ in range(6))

    # time parts of the line's own timestamp
    def v_yr(self):
        return self._t.year

    def v_mon(self):
        return self._t.month

    def v_mname(self):
        return MONTHS[self._t.month - 1]

    def v_wd(self):
        return WDAYS[self._t.weekday()]

    def v_day(self):
        return self._t.day

    def v_cday(self):
        return "%2d" % self._t.day

    def v_hh(self):
        return "%02d" % self._t.hour

    def v_mi(self):
        return "%02d" % self._t.minute

    def v_ss(self):
        return "%02d" % self._t.second

    def v_ms(self):
        return "%03d" % (self._t.microsecond // 1000)


# ===================================================================== HealthApp
class HealthApp(R4):
    name = "HealthApp"
    log_format = r"<Time>\|<Component>\|<Pid>\|<Content>"
    start = datetime(2017, 12, 23, 22, 15, 29, 606000)
    mean_gap = 7.0
    inner_gap = (0.0, 0.05)
    settings = {"regex": [], "st": 0.2, "depth": 4}

    TABLE = r"""
# --- step counter service (one pid) ---
e Step_LSC =std :: onStandStepChanged <@steps>
e Step_LSC =ext :: onExtend:<@ems> <@n> <@n2> <@n3>
e Step_StandReportReceiver =rep :: REPORT : <@steps> <@goal> <@big> <@n>
e Step_SPUtils =set :: setTodayTotalDetailSteps=<@ems>##<@steps>##<@big>##<@num>##<@num2>##<@big2>
e Step_SPUtils =get :: getTodayTotalDetailSteps = <@ems>##<@steps>##<@big>##<@num>##<@num2>##<@big2>
e Step_ExtSDM =cal :: calculateCaloriesWithCache totalCalories=<@cal>
e Step_ExtSDM =alt :: calculateAltitudeWithCache totalAltitude=<@alt>
e Step_StandStepCounter =flush :: flush sensor data
e Step_StandReportReceiver =rcv_on :: onReceive action: android.intent.action.SCREEN_ON
e Step_StandReportReceiver =rcv_off :: onReceive action: android.intent.action.SCREEN_OFF
e Step_LSC =ph_on :: processHandleBroadcastAction action:android.intent.action.SCREEN_ON
e Step_LSC =ph_off :: processHandleBroadcastAction action:android.intent.action.SCREEN_OFF
e Step_LSC =ph_tick :: processHandleBroadcastAction action:android.intent.action.TIME_TICK
e Step_ScreenUtil =unknown :: screen status unknown,think screen on
e Step_FlushableStepDataCache =onemin :: upLoadOneMinuteDataToEngine time=<@ems>,step=<@n>,calorie=<@num>,floor=<@n2>,altitude=<@n3>
e Step_FlushableStepDataCache =statics :: uploadStaticsToDB totalSteps=<@steps>,totalCalories=<@cal>,totalAltitude=<@alt>
e Step_FlushableStepDataCache =onres :: uploadStaticsToDB() onResult type = <@n> obj=true
e Step_FlushableStepDataCache =onres_f :: uploadStaticsToDB() onResult type = <@n> obj=false
e Step_StandStepCounter =sc_chg :: onStepCounterChanged stepCounter = <@big>,lastStepCounter = <@big2>
e Step_NotificationUtil =notif :: updateNotification steps=<@steps>,goal=<@goal>
e Step_SPUtils =wdb :: setWriteDB writeDB=<@tf>
w6 Step_LSC :: processHandleBroadcastAction action:android.intent.action.USER_PRESENT
w5 Step_StandReportReceiver :: onReceive action: android.intent.action.USER_PRESENT
n2 Step_LSC :: processHandleBroadcastAction action:android.intent.action.DATE_CHANGED
n1 Step_LSC :: processHandleBroadcastAction action:android.intent.action.TIME_SET
n3 Step_LSC :: onStandStepChanged isReport=<@tf>,standSteps=<@steps>
n2 Step_StandStepCounter :: registerStepCounter success
n2 Step_StandStepCounter :: unRegisterStepCounter
n3 Step_StandStepCounter :: stepCounter sensor timeout, restart it
n4 Step_SPUtils :: getDayGoal goal=<@goal>
n3 Step_SPUtils :: setNormalReportTime time=<@ems>
n2 Step_SPUtils :: getLastReportTime=<@ems>
n4 Step_NotificationUtil :: isShowNotification=<@tf>
n2 Step_NotificationUtil :: cancelNotification id=<@num>
n3 Step_ExtSDM :: getBasicSteps basicSteps=<@steps>
n2 Step_ExtSDM :: resetCacheData new day <@ymd>
n2 Step_ExtSDM :: totalDetailSteps=<@steps>,totalCalories=<@cal>
n3 Step_HGNH :: setGoalNotifiShown shown=<@tf>
n2 Step_HGNH :: goal reached, steps = <@steps>, goal = <@goal>
n2 Step_DataCache :: deleteOldData before <@ems>
n3 Step_DataCache :: insert step point failed, time = <@ems>
n2 Step_ScreenUtil :: screen status = <@n>
n2 Step_StandReportReceiver :: ACTION_SHUTDOWN received, save data
n1 Step_LSC :: startStandStepCounter
n1 Step_LSC :: stopStandStepCounter
# --- health data platform (other pids) ---
e HiH_HiHealthBinder =binder :: getBinderPackageName packageName = <@pkg>
e HiH_HiHealthDataInsertStore =save :: saveHealthDetailData() deviceID = <@n>,size = <@n2>,type = <@type>
e HiH_HiHealthDataInsertStore =bulk_fail :: insertHiHealthData() bulkSaveDetailHiHealthData fail errorCode = <@err>,errorMessage = ERR_DATA_INSERT
e HiH_HiHealthDataInsertStore =bulk_ok :: bulkSaveDetailHiHealthData() size = <@n>,totalTime = <@n2>
e HiH_HiHealthDataInsertStore =one_fail :: saveOneDetailData fail hiHealthData = <@type>,type = <@type2>
e HiH_HiSyncControl =sync_start :: startSync syncType = <@n>,syncAction = <@n2>
e HiH_HiSyncControl =sync_end :: endSync result = <@tf>,costTime = <@num>
e HiH_HiSyncUtil =can_sync :: ifCanSync() isSyncing = <@tf>,isCloudSwitchOn = <@tf2>
e HiH_DataStatManager =stat :: dealStatData type = <@type>,startTime = <@ems>,endTime = <@ems2>
e HiH_HiBroadcastUtil =bcast :: sendDataChangeBroadcast type = <@type>
e HiH_ListenerManager =listen :: onChange type = <@type>,changeType = <@n>,size = <@n2>
w9 HiH_HiAppUtil :: getAppInfo packageName = <@pkg>,appID = <@n>
w6 HiH_HiAppUtil :: isHiHealthApp appID = <@n> is not hihealth app
n3 HiH_HiHealthBinder :: checkPermission packageName = <@pkg> is valid
n2 HiH_HiHealthBinder :: registerDataAutoReport() packageName = <@pkg>
n2 HiH_HiHealthBinder :: unRegisterDataAutoReport() packageName = <@pkg>
n3 HiH_HiSyncControl :: autoSyncSwitch is close, do not sync
n2 HiH_HiSyncControl :: startTimer start autoSync
n2 HiH_HiSyncControl :: stopTimer stop autoSync
n2 HiH_HiSyncUtil :: getSyncAnchor type = <@type>,anchor = <@big>
n2 HiH_HiHealthDataInsertStore :: saveStatData() statType = <@type>,value = <@num>
n2 HiH_DataStatManager :: onDataChange not need stat, type = <@type>
n1 HiH_HiHealthKitService :: initEnviroument
n1 HiH_HiHealthKitService :: initDataPrivacy the dataPrivacy is <@tf>
n1 HiH_HiHealthKitService :: initUserPrivacy the userPrivacy is <@tf>
n2 HiH_ :: checkUserInfo userID = <@n> is null
n2 HiH_HiBroadcastUtil :: sendSyncFailedBroadcast errorCode = <@err>
"""

    def setup(self):
        self.step_pid = str(self.r.randint(30000000, 30099999))
        self.hih_pids = [str(self.r.randint(30100000, 30999999)) for _ in range(3)]
        self.steps = self.r.randint(3000, 4000)
        self.cal = self.steps * 35
        self.alt = self.r.randint(150, 260)
        self.goal = self.pick([6000, 8000, 10000])

    def _el(self):
        return (self._t - self.start).total_seconds()

    def v_steps(self):
        return self.steps + int(self._el() / 5.5)

    def v_goal(self):
        return self.goal

    def v_cal(self):
        return self.cal + int(self._el() / 5.5) * 37

    def v_alt(self):
        return self.alt + int(self._el() / 2400)

    def v_ems(self):
        t = self._t - timedelta(seconds=self.r.choice([0, 60, 120, 300]))
        epoch = int((t - datetime(1970, 1, 1)).total_seconds()) - 8 * 3600
        return (epoch // 60) * 60000

    def v_ymd(self):
        return self._t.strftime("%Y%m%d")

    def v_pkg(self):
        return self.pick(["com.hwx.health", "com.hwx.health", "com.hwx.wear", "com.example.fitnote",
                          "com.hwx.bone"])

    def v_type(self):
        return self.pick([2, 3, 4, 5, 7, 20002, 40002, 40003, 901])

    def v_err(self):
        return self.pick([4, 6, 15, 1001])

    def render(self, t, ev, vals, content):
        comp = self.comp_of(ev, vals)
        pid = vals.get("_pid") or (self.step_pid if comp.startswith("Step_") else self.pick(self.hih_pids))
        ts = "%s-%d:%d:%d:%d" % (t.strftime("%Y%m%d"), t.hour, t.minute, t.second, t.microsecond // 1000)
        return "%s|%s|%s|%s" % (ts, comp, pid, content)

    def ep_tick(self):
        items = [("std", {})]
        if self.r.random() < 0.45:
            items.append(("ext", {}))
        if self.r.random() < 0.5:
            items += [("cal", {}), ("alt", {})]
        return items

    def ep_report(self):
        items = [("std", {}), ("ext", {}), ("rep", {}), ("set", {})]
        if self.r.random() < 0.5:
            items.insert(3, ("get", {}))
        items += [("cal", {}), ("alt", {})]
        if self.r.random() < 0.3:
            items.append(("notif", {}))
        return items

    def ep_screen(self):
        on = self.r.random() < 0.5
        items = [("rcv_on" if on else "rcv_off", {}), ("ph_on" if on else "ph_off", {}), ("flush", {})]
        if on and self.r.random() < 0.4:
            items.append(("unknown", {}))
        if self.r.random() < 0.5:
            items.append(("std", {}))
        return items

    def ep_minute(self):
        items = [("ph_tick", {}), ("onemin", {})]
        if self.r.random() < 0.3:
            items.append(("sc_chg", {}))
        if self.r.random() < 0.25:
            items += [("statics", {}), (self.pick(["onres", "onres", "onres", "onres_f"]), {})]
        if self.r.random() < 0.15:
            items.append(("wdb", {}))
        return items

    def ep_insert(self):
        pid = self.pick(self.hih_pids)
        items = [("binder", {"_pid": pid}), ("save", {"_pid": pid})]
        x = self.r.random()
        if x < 0.45:
            items.append(("bulk_fail", {"_pid": pid}))
            if self.r.random() < 0.4:
                items.append(("one_fail", {"_pid": pid}))
        else:
            items.append(("bulk_ok", {"_pid": pid}))
        if self.r.random() < 0.5:
            items += [("stat", {"_pid": pid}), ("bcast", {"_pid": pid})]
        if self.r.random() < 0.4:
            items.append(("listen", {"_pid": pid}))
        return items

    def ep_sync(self):
        pid = self.pick(self.hih_pids)
        items = [("can_sync", {"_pid": pid})]
        if self.r.random() < 0.6:
            items += [("sync_start", {"_pid": pid}), ("binder", {"_pid": pid}), ("sync_end", {"_pid": pid})]
        return items

    def episodes(self):
        return [(120, self.ep_tick), (30, self.ep_report), (22, self.ep_screen), (26, self.ep_minute),
                (13, self.ep_insert), (8, self.ep_sync)]


# ===================================================================== OpenSSH
class OpenSSH(R4):
    name = "OpenSSH"
    KEEP = ("uid",)
    log_format = r"<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>"
    start = datetime(2017, 12, 10, 6, 55, 46)
    mean_gap = 9.0
    inner_gap = (0.0, 3.0)
    settings = {"regex": [r"(\d+\.){3}\d+", r"([\w-]+\.){2,}[\w-]+"], "st": 0.6, "depth": 5}

    TABLE = r"""
e sshd =rmap :: reverse mapping checking getaddrinfo for <@rdns> [<@ip>] failed - POSSIBLE BREAK-IN ATTEMPT!
e sshd =amap :: Address <@ip> maps to <@rdns>, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!
e sshd =inv :: Invalid user <@user> from <@ip>
e sshd =inv_req :: input_userauth_request: invalid user <@user> [preauth]
e sshd =chk :: pam_unix(sshd:auth): check pass; user unknown
e sshd =af ~ :: pam_unix(sshd:auth): authentication failure; logname= uid=<@uid> euid=<@uid> tty=ssh ruser= rhost=<@ip>
e sshd =af_u :: pam_unix(sshd:auth): authentication failure; logname= uid=<@uid> euid=<@uid> tty=ssh ruser= rhost=<@ip>  user=<@user>
e sshd =fp_inv :: Failed password for invalid user <@user> from <@ip> port <@port> ssh2
e sshd =fp :: Failed password for <@user> from <@ip> port <@port> ssh2
e sshd =fnone :: Failed none for invalid user <@user> from <@ip> port <@port> ssh2
e sshd =rep :: message repeated <@k> times: [ Failed password for <@user> from <@ip> port <@port> ssh2]
e sshd =toomany :: Disconnecting: Too many authentication failures for <@user> [preauth]
e sshd =more_u :: PAM <@k> more authentication failures; logname= uid=<@uid> euid=<@uid> tty=ssh ruser= rhost=<@ip>  user=<@user>
e sshd =more ~ :: PAM <@k> more authentication failures; logname= uid=<@uid> euid=<@uid> tty=ssh ruser= rhost=<@ip>
e sshd =ignmax :: PAM service(sshd) ignoring max retries; <@k> > <@k2>
e sshd =bye :: Received disconnect from <@ip>: <@code>: Bye Bye [preauth]
e sshd =closedreq :: Received disconnect from <@ip>: <@code>: Closed due to user request. [preauth]
e sshd =normal :: Received disconnect from <@ip>: <@code>: Normal Shutdown, Thank you for playing [preauth]
e sshd =byuser :: Received disconnect from <@ip>: <@code>: disconnected by user
e sshd =jsch :: error: Received disconnect from <@ip>: <@code>: com.jcraft.jsch.JSchException: Auth fail [preauth]
e sshd =closed :: Connection closed by <@ip> [preauth]
e sshd =noid :: Did not receive identification string from <@ip>
e sshd =badver :: Bad protocol version identification '<@junk>' from <@ip> port <@port>
e sshd =reset :: fatal: Read from socket failed: Connection reset by peer [preauth]
e sshd =acc :: Accepted password for <@luser> from <@lip> port <@port> ssh2
e sshd =sopen :: pam_unix(sshd:session): session opened for user <@luser> by (uid=<@uid>)
e sshd =sclose :: pam_unix(sshd:session): session closed for user <@luser>
"""

    def setup(self):
        self.host = "LabQX"
        self.pidc = self.r.randint(20000, 22000)
        self.attackers = self.pool(lambda: (self.pub_ip(), self.rdns()), 40, s=1.1)
        self.users = self.pool(lambda: self.pick(
            ["admin", "test", "oracle", "guest", "user", "ftpuser", "support", "pi", "ubuntu", "git",
             "postgres", "nagios", "mysql", "webmaster", "dev", "tomcat", "hadoop", "jenkins", "deploy",
             "alex", "student", "backup", "demo", "info", "sales", "operator", "ts3", "minecraft",
             "vagrant", "zabbix", "" ]), 28, s=0.9)

    def rdns(self):
        r = self.r
        return self.pick([
            "host-%d-%d.dyn.%s.net" % (r.randint(1, 254), r.randint(1, 254), self.pick(["telvo", "kpnx", "orbix"])),
            "%s.%s.com" % (self.pick(["ns", "mail", "srv", "vps"]) + str(r.randint(1, 99)),
                           "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(6, 14)))),
            "static.%d.%d.clientnet.%s" % (r.randint(1, 254), r.randint(1, 254), self.pick(["cn", "ru", "br"])),
        ])

    def v_uid(self):
        return 0

    def v_port(self):
        return self.r.randint(30000, 60999)

    def v_code(self):
        return 11

    def v_k(self):
        return self.r.randint(2, 5)

    def v_luser(self):
        return "fhuang"

    def v_lip(self):
        return "10.%d.%d.%d" % (self.r.choice([7, 7, 33]), self.r.randint(0, 20), self.r.randint(2, 250))

    def v_junk(self):
        return self.pick(["GET / HTTP/1.1", "\\026\\003\\001", "SSH-1.5-NmapNSE_1.0", "OPTIONS / RTSP/1.0"])

    def render(self, t, ev, vals, content):
        pid = vals.get("_pid")
        if pid is None:
            self.pidc += self.r.randint(1, 9)
            pid = self.pidc
        return "%s %2d %s %s sshd[%d]: %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"), self.host,
                                                pid, content)

    def newpid(self):
        self.pidc += self.r.randint(1, 12)
        return self.pidc

    def ep_root(self):
        ip, rd = self.attackers()
        user = "root"
        items = []
        tries = self.r.choice([1, 1, 2, 3, 6])
        for _ in range(self.r.choice([1, 1, 1, 2])):
            pid = self.newpid()
            v = {"_pid": pid, "ip": ip, "rdns": rd, "user": user}
            if self.r.random() < 0.7:
                items.append(("rmap", v))
            items.append(("af_u", v))
            for i in range(tries):
                items.append(("fp", dict(v, port=self.v_port())))
            if tries >= 3 and self.r.random() < 0.5:
                items.append(("rep", dict(v, port=self.v_port(), k=self.r.randint(2, 5))))
            if tries == 6:
                items += [("toomany", v), ("more_u", dict(v, k=5)), ("ignmax", dict(v, k=6, k2=3))]
            elif tries >= 3 and self.r.random() < 0.6:
                items.append(("more_u", dict(v, k=tries - 1)))
            end = weighted(self.r, [("bye", 70), ("closed", 12), ("normal", 3), ("closedreq", 3)])
            items.append((end, v))
        return items

    def ep_invalid(self):
        ip, rd = self.attackers()
        pid = self.newpid()
        user = self.users()
        v = {"_pid": pid, "ip": ip, "rdns": rd, "user": user}
        items = []
        if self.r.random() < 0.4:
            items.append(("rmap", v))
        items += [("inv", v), ("inv_req", v), ("chk", v), ("af", v)]
        if self.r.random() < 0.07:
            items.append(("fnone", dict(v, port=self.v_port())))
        items.append(("fp_inv", dict(v, port=self.v_port())))
        if self.r.random() < 0.12:
            items.append(("more", dict(v, k=self.r.randint(2, 5))))
        items.append((weighted(self.r, [("bye", 70), ("closed", 10), ("jsch", 2), ("reset", 2)]), v))
        return items

    def ep_scan(self):
        ip, rd = self.attackers()
        v = {"_pid": self.newpid(), "ip": ip, "rdns": rd}
        x = self.r.random()
        if x < 0.55:
            return [("noid", v)]
        if x < 0.7:
            return [("badver", v)]
        if x < 0.85:
            return [("amap", v), ("closed", v)]
        return [("reset", v)]

    def ep_login(self):
        v = {"_pid": self.newpid()}
        items = [("acc", v), ("sopen", v)]
        if self.r.random() < 0.7:
            items += [("byuser", dict(v, ip=self.v_lip())), ("sclose", v)]
        return items

    def episodes(self):
        return [(46, self.ep_root), (40, self.ep_invalid), (7, self.ep_scan), (2.5, self.ep_login)]

    def fixed_more(self):
        return [(1, self.ep_login), (1, lambda: [("jsch", {"ip": self.attackers()[0]})]),
                (1, lambda: [("closedreq", {"ip": self.attackers()[0]})]),
                (1, lambda: [("normal", {"ip": self.attackers()[0]})]),
                (1, lambda: [("fnone", {"ip": self.attackers()[0], "user": self.users()})]),
                (1, lambda: [("reset", {})]), (1, lambda: [("badver", {"ip": self.attackers()[0]})]),
                (1, lambda: [("more", {"ip": self.attackers()[0]})])]


# ===================================================================== Proxifier
class Proxifier(R4):
    name = "Proxifier"
    log_format = r"\[<Time>\] <Program> - <Content>"
    start = datetime(2016, 10, 30, 16, 49, 6)
    mean_gap = 5.0
    inner_gap = (0.0, 40.0)
    settings = {"regex": [r"<\d+\ssec", r"([\w-]+\.)+[\w-]+(:\d+)?", r"\d{2}:\d{2}(:\d{2})*", r"[KGTM]B"],
                "st": 0.6, "depth": 3}

    TABLE = r"""
e - =open :: <@host>:<@port> open through proxy <@proxy>:<@pport> HTTPS
e - =open5 :: <@host>:<@port> open through proxy <@proxy>:<@pport> SOCKS5
e - =c_bb :: <@host>:<@port> close, <@b1> bytes sent, <@b2> bytes received, lifetime <@life>
e - =c_bk :: <@host>:<@port> close, <@b1> bytes sent, <@b2> bytes (<@k2> KB) received, lifetime <@life>
e - =c_kk :: <@host>:<@port> close, <@b1> bytes (<@k1> KB) sent, <@b2> bytes (<@k2> KB) received, lifetime <@life>
e - =c_km :: <@host>:<@port> close, <@b1> bytes (<@k1> KB) sent, <@b2> bytes (<@k2> MB) received, lifetime <@life>
e - =err_proxy :: <@host>:<@port> error : Could not connect through proxy <@proxy>:<@pport> - Proxy server cannot establish a connection with the target, status code <@code>
e - =err_cancel :: <@host>:<@port> error : A connection request was canceled before the completion.
"""

    def setup(self):
        r = self.r
        self.proxy = "proxy.csnet.example.edu"
        self.pport = 3128
        words = ["mail", "api", "static", "img", "www", "clients", "update", "push", "cdn", "s", "login",
                 "ssl", "log", "beacon", "safebrowsing", "apis", "play", "d", "notify", "accounts"]
        doms = ["gstatic.com", "googleapis.com", "qpic.cn", "qq.com", "dropbox.com", "github.com",
                "wechat.com", "microsoft.com", "skype.com", "163.com", "baidu.com", "sogou.com",
                "facebook.com", "apple.com", "akamaihd.net", "cloudfront.net"]

        def host():
            x = r.random()
            if x < 0.7:
                return "%s%s.%s" % (r.choice(words), r.choice(["", "", "2", "3", "-%d" % r.randint(1, 9)]),
                                    r.choice(doms))
            return self.pub_ip()
        self.hosts = self.pool(host, 90, s=1.0)
        self.progs = [("chrome.exe", 50), ("QQ.exe", 8), ("Dropbox.exe", 8), ("WeChat.exe", 6),
                      ("git-remote-https.exe", 3), ("Skype.exe", 4), ("thunderbird.exe", 3),
                      ("putty.exe", 2), ("YodaoDict.exe", 2), ("OneDrive.exe", 2)]

    def v_proxy(self):
        return self.proxy

    def v_pport(self):
        return self.pport

    def v_code(self):
        return self.pick([403, 502, 504])

    def render(self, t, ev, vals, content):
        return "[%02d.%02d %s] %s - %s" % (t.month, t.day, t.strftime("%H:%M:%S"), vals["_prog"], content)

    def life(self, secs):
        if secs < 1:
            return "<1 sec"
        s = int(secs)
        if s >= 3600:
            return "%02d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)
        return "%02d:%02d" % (s // 60, s % 60)

    def conn(self):
        r = self.r
        prog = weighted(r, self.progs)
        host = self.hosts()
        port = 443 if r.random() < 0.75 else weighted(r, [(80, 5), (5222, 1), (8080, 1), (14000, 1)])
        v = {"_prog": prog, "host": host, "port": port}
        items = [("open5" if prog in ("QQ.exe", "WeChat.exe") and r.random() < 0.4 else "open", v)]
        x = r.random()
        if x < 0.04:
            self.later(r.randint(0, 6), [("err_proxy", v)])
            return items
        if x < 0.07:
            self.later(r.randint(0, 3), [("err_cancel", v)])
            return items
        key = weighted(r, [("c_bb", 50), ("c_bk", 28), ("c_kk", 20), ("c_km", 2)])
        if key == "c_bb":
            b1 = 0 if r.random() < 0.25 else r.randint(90, 1023)
            b2 = 0 if b1 == 0 else r.randint(40, 1023)
        else:
            b1 = r.randint(1024, 30000) if key != "c_bk" else r.randint(200, 1023)
            b2 = r.randint(1024, 1048575) if key != "c_km" else r.randint(1048576, 9000000)
        secs = r.expovariate(1 / 40.0) if b2 else r.random() * 0.9
        c = dict(v, b1=b1, b2=b2, life=self.life(secs))
        if b1 >= 1024:
            c["k1"] = "%.2f" % (b1 / 1024.0)
        c["k2"] = "%.2f" % (b2 / 1048576.0 if key == "c_km" else b2 / 1024.0)
        self.later(r.choice([0, 1, 2, 3, 5, 8, 12, 20, 40]), [(key, c)])
        return items

    def episodes(self):
        return [(1, self.conn)]

    def fixed_more(self):
        def km():
            return [("c_km", {"_prog": "chrome.exe", "host": self.hosts(), "port": 443, "b1": 2311, "k1": "2.26",
                              "b2": 1893445, "k2": "1.81", "life": "02:41"})]
        return [(2, km)]


# ===================================================================== Linux
class Linux(R4):
    name = "Linux"
    KEEP = ("uid",)
    log_format = r"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>"
    start = datetime(2005, 6, 14, 15, 16, 1)
    mean_gap = 4200.0
    inner_gap = (0.0, 1.5)
    settings = {"regex": [r"(\d+\.){3}\d+", r"\d{2}:\d{2}:\d{2}"], "st": 0.39, "depth": 6}

    TABLE = r"""
# --- ssh password guessing (sshd through PAM) ---
e sshd(pam_unix)[] =chk :: check pass; user unknown
e sshd(pam_unix)[] =af ~ :: authentication failure; logname= uid=<@uid> euid=<@uid> tty=NODEVssh ruser= rhost=<@rhost>
e sshd(pam_unix)[] =af_u :: authentication failure; logname= uid=<@uid> euid=<@uid> tty=NODEVssh ruser= rhost=<@rhost>  user=<@user>
e sshd(pam_unix)[] =more_u :: <@k> more authentication failures; logname= uid=<@uid> euid=<@uid> tty=NODEVssh ruser= rhost=<@rhost>  user=<@user>
e sshd(pam_unix)[] =more ~ :: <@k> more authentication failures; logname= uid=<@uid> euid=<@uid> tty=NODEVssh ruser= rhost=<@rhost>
e sshd(pam_unix)[] =s_open :: session opened for user <@luser> by (uid=<@luid>)
e sshd(pam_unix)[] =s_close :: session closed for user <@luser>
n3 sshd[] :: Did not receive identification string from <@ip>
# --- ftp ---
e ftpd[] =ftp_conn :: connection from <@ip> (<@rdns>) at <@wd> <@mname> <@cday> <@hh>:<@mi>:<@ss> <@yr>
n4 ftpd[] :: User unknown timed out after <@n> seconds at <@wd> <@mname> <@cday> <@hh>:<@mi>:<@ss> <@yr>
n3 ftpd[] :: getpeername (ftpd): Transport endpoint is not connected
n3 ftpd[] :: ANONYMOUS FTP LOGIN FROM <@ip>, (anonymous)
n2 ftpd[] :: FTP session closed
# --- daily log rotation ---
e logrotate =lr_alert :: ALERT exited abnormally with [<@n>]
e cups =cups_down :: cupsd shutdown succeeded
e cups =cups_up :: cupsd startup succeeded
e syslogd+1.4.1 =sl_restart :: restart.
# --- console / X logins ---
e gdm(pam_unix)[] =gdm_af ~ :: authentication failure; logname= uid=<@uid> euid=<@uid> tty=:0 ruser= rhost=
e gdm-binary[] =gdm_fail :: Couldn't authenticate user
e login(pam_unix)[] =lg_open :: session opened for user <@luser> by LOGIN(uid=<@uid>)
e login[] =lg_root :: ROOT LOGIN ON tty<@n>
e unix_chkpwd[] =chkpwd :: password check failed for user (<@luser>)
w1 kernel :: Out of Memory: Killed process <@pid> (<@proc>).
n2 kernel :: oom-killer: gfp_mask=<@hx>
n2 kernel :: cdrom: open failed.
n2 kernel :: nfs warning: mount version older than kernel
n1 httpd :: httpd shutdown succeeded
n1 httpd :: httpd startup succeeded
n2 named[] :: lame server resolving '<@rdns>' (in '<@zone>'?): <@ip>#53
# --- shutdown ---
e shutdown[] =sd_reboot :: shutting down for system reboot
e init =sd_rl :: Switching to runlevel: <@n>
e sshd[] =sd_sshd :: Received signal <@sig>; terminating.
e rpc.statd[] =sd_statd :: Caught signal <@sig>, un-registering and exiting.
e portmap =sd_portmap :: portmap shutdown succeeded
e kernel =sd_klog :: Kernel logging (proc) stopped.
e kernel =sd_kterm :: Kernel log daemon terminating.
e syslog =sd_klogd :: klogd shutdown succeeded
e syslogd+1.4.1 =sd_exit :: exiting on signal <@sig>
# --- boot ---
e syslog =b_syslogd :: syslogd startup succeeded
e syslog =b_klogd :: klogd startup succeeded
e kernel =b_klogstart :: klogd <@kv>, log source = <@kmsg> started.
e kernel =b_version :: Linux version <@kver> (<@kbuilder>) (gcc version <@gccver> (Red Hat Linux <@gccrel>)) #1 <@bwd> <@bmon> <@bday> <@bhh>:<@bmi>:<@bss> EDT <@byr>
e kernel =b_ram :: BIOS-provided physical RAM map:
e kernel =b_e820u ^ :: BIOS-e820: <@hxl> - <@hxl2> (usable)
e kernel =b_e820r ^ :: BIOS-e820: <@hxl> - <@hxl2> (reserved)
e kernel =b_high :: <@n>MB HIGHMEM available.
e kernel =b_low :: <@n>MB LOWMEM available.
e kernel =b_node :: On node <@n> totalpages: <@n2>
e kernel =b_dma ^ :: DMA zone: <@n> pages, LIFO batch:<@n2>
e kernel =b_normal ^ :: Normal zone: <@n> pages, LIFO batch:<@n2>
e kernel =b_highz ^ :: HighMem zone: <@n> pages, LIFO batch:<@n2>
e kernel =b_dmi :: DMI <@vv> present.
e kernel =b_cmdline :: Kernel command line: ro root=LABEL=/ rhgb quiet
e kernel =b_cpu :: Initializing CPU#<@n>
e kernel =b_pidhash :: PID hash table entries: <@n> (order <@n2>: <@n3> bytes)
e kernel =b_mhz :: Detected <@f> MHz processor.
e kernel =b_dentry :: Dentry cache hash table entries: <@n> (order: <@n2>, <@n3> bytes)
e kernel =b_mem :: Memory: <@n>k/<@n2>k available (<@n3>k kernel code, <@n4>k reserved, <@n5>k data, <@n6>k init, <@n7>k highmem)
e kernel =b_bogo :: Calibrating delay loop... <@f> BogoMIPS
e kernel =b_seinit :: SELinux:  Initializing.
e kernel =b_seperm :: SELinux:  Starting in permissive mode
e kernel =b_secfw :: There is already a security framework initialized, register_security failed.
e kernel =b_secap :: selinux_register_security:  Registering secondary module capability
e kernel =b_lsm :: Capability LSM initialized as secondary
e kernel =b_l1 :: CPU: L1 I cache: <@n>K, L1 D cache: <@n2>K
e kernel =b_mce2 :: Intel machine check reporting enabled on CPU#<@n>.
e kernel =b_cpuid :: CPU: Intel Pentium III (Coppermine) stepping <@dd>
e kernel =b_hlt :: Checking 'hlt' instruction... OK.
e kernel =b_netfam :: NET: Registered protocol family <@n>
e kernel =b_pcibios :: PCI: PCI BIOS revision <@vv> entry at <@hx>, last bus=<@n>
e kernel =b_usbfs :: usbcore: registered new driver usbfs
e kernel =b_probe :: PCI: Probing PCI hardware
e kernel =b_auditinit :: audit(<@auditts>:<@n>): initialized
e kernel =b_serio :: serio: i8042 AUX<@n> port at <@hxb>,<@hxb2> irq <@n2>
e kernel =b_idebus :: ide: Assuming <@n>MHz system bus speed for PIO modes; override with idebus=xx
e kernel =b_hda :: hda: <@disk>, ATA DISK drive
e kernel =b_hdasec :: hda: <@n> sectors (<@n2> MB) w/<@n3>KiB Cache, CHS=<@n4>/<@n5>/<@n6>, UDMA(<@n7>)
e kernel =b_hdapart ^ :: hda: <@parts>
e kernel =b_mice :: mice: PS/2 mouse device common for all mice
e kernel =b_route :: IP: routing cache hash table of <@n> buckets, <@n2>Kbytes
e kernel =b_tcp :: TCP: Hash tables configured (established <@n> bind <@n2>)
e kernel =b_free :: Freeing unused kernel memory: <@n>k freed
e kernel =b_ext3 :: EXT3-fs: mounted filesystem with ordered data mode.
e kernel =b_kjournald :: kjournald starting.  Commit interval <@n> seconds
e kernel =b_ext3fs :: EXT3 FS on <@part>, internal journal
e kernel =b_swap :: Adding <@n>k swap on <@dev>.  Priority:<@neg> extents:<@n2>
e kernel =b_agpmem :: agpgart: Maximum main memory to use for agp memory: <@n>M
e kernel =b_uhci :: uhci_hcd <@pci>: UHCI Host Controller
e kernel =b_hubfound :: hub 1-0:1.0: USB hub found
e kernel =b_parport :: parport0: PC-style at <@hx> [PCSPP,TRISTATE]
e irqbalance =b_irqb :: irqbalance startup succeeded
e portmap =b_portmap :: portmap startup succeeded
e rpc.statd[] =b_statd :: Version <@vvv> Starting
e nfslock =b_nfslock :: rpc.statd startup succeeded
e rpcidmapd =b_idmapd :: rpc.idmapd startup succeeded
e network =b_netparm :: Setting network parameters:  succeeded
e network =b_lo :: Bringing up loopback interface:  succeeded
e network =b_eth0 :: Bringing up interface eth0:  succeeded
e kernel =b_iptables :: ip_tables: (C) 2000-2002 Netfilter core team
e kernel =b_conntrack :: ip_conntrack version <@vv> (<@n> buckets, <@n2> max) - <@n3> bytes per conntrack
e kernel =b_e100 :: e100: eth0: e100_probe: addr <@hxw>, irq <@n>, MAC addr <@mac>
e kernel =b_e100up :: e100: eth0: e100_watchdog: link up, 100Mbps, full-duplex
e random =b_random :: Initializing random number generator:  succeeded
e rc =b_pcmcia :: Starting pcmcia:  succeeded
e hcid[] =b_hcid :: HCI daemon ver <@vv> started
e bluetooth =b_bt_hcid :: hcid startup succeeded
e sdpd[] =b_sdpd :: sdpd v<@vv> started
e bluetooth =b_bt_sdpd :: sdpd startup succeeded
e kernel =b_btcore :: Bluetooth: Core ver <@vv>
e kernel =b_bthci :: Bluetooth: HCI device and connection manager initialized
e kernel =b_l2cap :: Bluetooth: L2CAP ver <@vv>
e kernel =b_rfcomm :: Bluetooth: RFCOMM ver <@vvv>
e sysctl =b_fwd :: net.ipv4.ip_forward = <@bit>
e sysctl =b_sysrq :: kernel.sysrq = <@bit>
e netfs =b_netfs :: Mounting other filesystems:  succeeded
e xinetd[] =b_xinetd :: xinetd Version <@vvv> started with libwrap loadavg options compiled in.
e xinetd[] =b_xiwork :: Started working: <@n> available service
e sendmail =b_sendmail :: sendmail startup succeeded
e gpm[] =b_gpm :: *** info [startup.c(<@srcl>)]: Started gpm successfully. Entered daemon mode.
e crond =b_crond :: crond startup succeeded
e xfs =b_xfs :: xfs startup succeeded
e xfs[] =b_xfsfont :: ignoring font path element <@fontdir> (unreadable)
e anacron =b_anacron :: anacron startup succeeded
e atd =b_atd :: atd startup succeeded
e messagebus =b_dbus :: messagebus startup succeeded
e fstab-sync[] =b_fsadd :: added mount point <@mnt> for <@dev>
"""

    BOOT = """b_syslogd b_klogd b_klogstart b_version b_ram b_e820u b_e820u b_e820r b_e820r b_e820u
        b_e820r b_high b_low b_node b_dma b_normal b_highz b_dmi b_cmdline b_cpu
        b_pidhash b_mhz b_dentry b_mem b_bogo b_seinit b_seperm b_secfw b_secap b_lsm
        b_l1 b_mce2 b_cpuid b_hlt b_netfam b_pcibios b_usbfs b_probe b_auditinit b_serio
        b_idebus b_hda b_hdasec b_hdapart b_mice b_netfam b_route b_tcp b_netfam b_free
        b_ext3 b_kjournald b_ext3fs b_agpmem b_uhci b_hubfound b_parport b_kjournald b_ext3fs b_swap
        b_irqb b_portmap b_statd b_nfslock b_idmapd b_netparm b_lo b_iptables b_conntrack b_e100
        b_e100up b_eth0 b_random b_pcmcia b_hcid b_bt_hcid b_sdpd b_bt_sdpd b_btcore b_bthci
        b_l2cap b_rfcomm b_fwd b_sysrq b_netfs b_xinetd b_xiwork b_sendmail b_gpm b_crond
        b_xfs b_xfsfont b_xfsfont b_anacron b_atd b_dbus b_fsadd b_fsadd""".split()

    BOOTVALS = {
        "b_high": {"n": 0}, "b_low": {"n": 125}, "b_node": {"n": 0, "n2": 32761},
        "b_dma": {"n": 4096, "n2": 1}, "b_normal": {"n": 28665, "n2": 7}, "b_highz": {"n": 0, "n2": 1},
        "b_dmi": {"vv": "2.3"}, "b_cpu": {"n": 0}, "b_pidhash": {"n": 512, "n2": 9, "n3": 4096},
        "b_mhz": {"f": "731.219"}, "b_dentry": {"n": 16384, "n2": 4, "n3": 65536},
        "b_mem": {"n": 125312, "n2": 131072, "n3": 1540, "n4": 5080, "n5": 617, "n6": 144, "n7": 0},
        "b_bogo": {"f": "1445.88"}, "b_l1": {"n": 16, "n2": 16}, "b_mce2": {"n": 0}, "b_cpuid": {"dd": "06"},
        "b_pcibios": {"vv": "2.10", "hx": "0xfc0ce", "n": 1}, "b_auditinit": {"n": 0},
        "b_serio": {"n": 0, "hxb": "0x60", "hxb2": "0x64", "n2": 12}, "b_idebus": {"n": 33},
        "b_hdasec": {"n": 30015216, "n2": 15367, "n3": 1916, "n4": 29777, "n5": 16, "n6": 63, "n7": 100},
        "b_route": {"n": 512, "n2": 4}, "b_tcp": {"n": 8192, "n2": 8192}, "b_free": {"n": 144},
        "b_kjournald": {"n": 5}, "b_swap": {"n": 1044184, "n2": 1}, "b_agpmem": {"n": 94},
        "b_conntrack": {"vv": "2.1", "n": 1024, "n2": 8192, "n3": 300}, "b_e100": {"n": 11},
        "b_hcid": {"vv": "2.4"}, "b_sdpd": {"vv": "1.5"}, "b_btcore": {"vv": "2.4"}, "b_l2cap": {"vv": "2.1"},
        "b_rfcomm": {"vvv": "1.2"}, "b_statd": {"vvv": "1.0.6"}, "b_xinetd": {"vvv": "2.3.13"},
        "b_xiwork": {"n": 1}, "b_gpm": {"srcl": 95}, "b_fwd": {"bit": 0}, "b_sysrq": {"bit": 0},
        "b_uhci": {"pci": "0000:00:1f.2"}, "b_parport": {"hx": "0x378"}, "b_hdapart": {},
    }
    NETFAM = [16, 2, 1]

    def setup(self):
        r = self.r
        self.host = "tavern"
        self.pidc = r.randint(19000, 20000)
        self.attackers = self.pool(lambda: (self.pub_ip(), self.rdns()), 45, s=1.0)
        self.ftpers = self.pool(lambda: (self.pub_ip(), self.rdns() if r.random() < 0.6 else ""), 25, s=0.8)

    def rdns(self):
        r = self.r
        a, b = r.randint(1, 254), r.randint(1, 254)
        return self.pick([
            "%d-%d-%d-%d.dsl.%s.net" % (r.randint(1, 223), r.randint(0, 255), a, b, self.pick(["pacnet", "lintel", "vexa"])),
            "host%d.%d.%d.%d.%s.com" % (a, r.randint(1, 223), r.randint(0, 255), b, self.pick(["webfarm", "colo-one", "netzone"])),
            "ppp%d.%s.ne.jp" % (r.randint(100, 9999), self.pick(["kita", "minato", "chuo"])),
            "customer-%d-%d.%s.com.br" % (a, b, self.pick(["vela", "rionet"])),
            "%s%d.%s.ac.kr" % (self.pick(["lab", "pc", "dorm"]), a, self.pick(["hanbat", "sejong"])),
        ])

    def newpid(self):
        self.pidc += self.r.randint(1, 40)
        return self.pidc

    def render(self, t, ev, vals, content):
        comp = self.comp_of(ev, vals)
        if comp.endswith("[]"):
            pid = vals.get("_pid") or self.newpid()
            comp = "%s[%d]" % (comp[:-2], pid)
        sep = ":  " if ev.hdr.get("lead") else ": "
        return "%s %2d %s %s %s%s%s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"), self.host, comp,
                                        sep, content)

    # slot values
    def v_uid(self):
        return 0

    def v_luid(self):
        return 0

    def v_rhost(self):
        return self.attackers()[1]

    def v_user(self):
        return "root"

    def v_luser(self):
        return self.pick(["root", "test", "guest"])

    def v_k(self):
        return self.r.randint(2, 5)

    def v_sig(self):
        return 15

    def v_proc(self):
        return self.pick(["httpd", "mysqld", "sendmail", "xfs"])

    def v_zone(self):
        return self.pick(["IN-ADDR.ARPA", "%d.IN-ADDR.ARPA" % self.r.randint(1, 223), "example-net.org"])

    def v_rdns(self):
        return self.rdns()

    def v_kv(self):
        return "1.4.1"

    def v_kmsg(self):
        return "/proc/kmsg"

    def v_kver(self):
        return "2.6.5-1.358"

    def v_kbuilder(self):
        return "bhcompile@bugs.build.redhat.com"

    def v_gccver(self):
        return "3.3.3 20040412"

    def v_gccrel(self):
        return "3.3.3-7"

    def v_bwd(self):
        return "Sat"

    def v_bmon(self):
        return "May"

    def v_bday(self):
        return 8

    def v_bhh(self):
        return "09"

    def v_bmi(self):
        return "04"

    def v_bss(self):
        return "50"

    def v_byr(self):
        return 2004

    def v_hxl(self):
        return "0000000000" + hexs(self.r, 6)

    def v_hxw(self):
        return hexs(self.r, 8)

    def v_hxb(self):
        return "0x%02x" % self.r.randint(0, 255)

    def v_vv(self):
        return "%d.%d" % (self.r.randint(1, 3), self.r.randint(0, 20))

    def v_vvv(self):
        return "%d.%d.%d" % (self.r.randint(0, 6), self.r.randint(0, 20), self.r.randint(0, 30))

    def v_bit(self):
        return self.pick([0, 1])

    def v_dd(self):
        return "%02d" % self.r.randint(0, 9)

    def v_srcl(self):
        return self.r.randint(90, 99)

    def v_micel(self):
        return self.r.randint(1700, 1800)

    def v_ymd(self):
        return self.pick(["20020519", "20040326"])

    def v_auditts(self):
        return "%d.%d" % (self.r.randint(1117000000, 1122000000), 4294965305 + self.r.randint(0, 9))

    def v_disk(self):
        return "IBM-DTLA-307015"

    def v_parts(self):
        return "hda1 hda2 hda3"

    def v_part(self):
        return self.pick(["hda2", "hda1"])

    def v_dev(self):
        return self.pick(["/dev/hda3", "/dev/hdc"])

    def v_pci(self):
        return "0000:00:1f.%d" % self.r.randint(2, 4)

    def v_fontdir(self):
        return self.pick(["/usr/X11R6/lib/X11/fonts/cyrillic", "/usr/X11R6/lib/X11/fonts/CID"])

    def v_mnt(self):
        return self.pick(["/media/cdrom", "/media/floppy"])

    def v_neg(self):
        return -1

    # episodes
    def ep_ssh(self):
        ip, rd = self.attackers()
        host = rd if self.r.random() < 0.75 else ip
        items = []
        root = self.r.random() < 0.45
        for _ in range(self.r.choice([1, 2, 3, 5, 8, 10])):
            v = {"_pid": self.newpid(), "rhost": host}
            if root:
                items.append(("af_u", v))
            else:
                items += [("chk", v), ("af", v)]
            if self.r.random() < 0.04:
                items.append(("more_u" if root else "more", v))
        return items

    def ep_ftp(self):
        ip, rd = self.ftpers()
        n = self.r.choice([1, 2, 4, 6, 8, 10, 12, 16, 20])
        items = []
        pid = self.newpid()
        for i in range(n):
            items.append(("ftp_conn", {"_pid": pid + i, "ip": ip, "rdns": rd, "_gap": 0 if i else None}))
            if items[-1][1]["_gap"] is None:
                del items[-1][1]["_gap"]
        self.pidc = pid + n
        return items

    def ep_rotate(self):
        su = "su(pam_unix)[]"
        v1 = {"_pid": self.newpid(), "luser": "cyrus", "_comp": su}
        v2 = {"_pid": self.newpid(), "luser": "news", "_comp": su}
        items = [("s_open", v1), ("s_close", v1)]
        if self.r.random() < 0.7:
            items.append(("lr_alert", {"n": 1}))
        if self.r.random() < 0.5:
            items += [("cups_down", {}), ("cups_up", {})]
        if self.r.random() < 0.35:
            items.append(("sl_restart", {}))
        items += [("s_open", v2), ("s_close", v2)]
        return items

    def ep_session(self):
        v = {"_pid": self.newpid(), "luser": self.pick(["test", "test", "guest"]), "luid": self.pick([0, 508])}
        items = [("s_open", v)]
        if self.r.random() < 0.8:
            items.append(("s_close", v))
        return items

    def ep_gdm(self):
        gdm = "gdm(pam_unix)[]"
        v = {"_pid": self.newpid(), "_comp": gdm}
        items = []
        for _ in range(self.r.choice([1, 1, 2, 3])):
            items += [("chk", v), ("gdm_af", {"_pid": v["_pid"]}), ("gdm_fail", {"_pid": v["_pid"] - 1})]
        if self.r.random() < 0.5:
            items.append(("chkpwd", {"luser": "root"}))
        if self.r.random() < 0.6:
            items += [("s_open", dict(v, luser="root")), ("s_close", dict(v, luser="root"))]
        return items

    def ep_login(self):
        v = {"_pid": self.newpid(), "luser": "root"}
        items = [("lg_open", v), ("lg_root", dict(v, n=self.r.randint(1, 6)))]
        if self.r.random() < 0.7:
            items.append(("s_close", dict(v, _comp="login(pam_unix)[]")))
        return items

    def ep_boot(self):
        statd = self.newpid()
        items = [("sd_reboot", {"_pid": self.newpid()}), ("sd_rl", {"n": 6}), ("sd_sshd", {}),
                 ("sd_statd", {"_pid": statd}), ("sd_portmap", {}), ("sd_klog", {}), ("sd_kterm", {}),
                 ("sd_klogd", {}), ("sd_exit", {})]
        first = True
        fam = list(self.NETFAM)
        for k in self.BOOT:
            v = dict(self.BOOTVALS.get(k, {}))
            if k == "b_netfam":
                v["n"] = fam.pop(0)
            if first:
                v["_gap"] = self.r.randint(60, 200)
                first = False
            if k in ("b_hcid", "b_sdpd", "b_xinetd", "b_xiwork", "b_gpm", "b_gpmmice", "b_xfsfont", "b_fsrm",
                     "b_fsadd", "b_statd"):
                v["_pid"] = self.pidc + 3
            items.append((k, v))
        self.pidc += 60
        return items

    def episodes(self):
        return [(55, self.ep_ssh), (14, self.ep_ftp), (6, self.ep_rotate), (4, self.ep_session),
                (2.5, self.ep_gdm), (1.2, self.ep_login)]

    def fixed_more(self):
        return [(1, self.ep_boot, 0.42), (1, self.ep_gdm), (1, self.ep_login), (1, self.ep_session),
                (1, lambda: [("more_u", {"rhost": self.attackers()[1]})]),
                (1, lambda: [("more", {"rhost": self.attackers()[0]})])]


# ===================================================================== Thunderbird
class Thunderbird(R4):
    name = "Thunderbird"
    KEEP = ("uid", "cuser", "lo", "export", "dh", "dm", "ds", "one", "zero", "ip", "mac", "rrd")
    log_format = r"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>"
    start = datetime(2005, 11, 9, 12, 1, 1)
    mean_gap = 55.0
    inner_gap = (0.0, 0.6)
    settings = {"regex": [r"(\d+\.){3}\d+"], "st": 0.5, "depth": 4}

    GMETAD = "/apps/x86_64/system/ganglia-3.0.2/sbin/gmetad[]"

    TABLE = r"""
# --- cron on the compute nodes ---
e crond(pam_unix)[] %N =cr_open :: session opened for user <@cuser> by (uid=<@uid>)
e crond(pam_unix)[] %N =cr_close :: session closed for user <@cuser>
e crond[] %N =cr_cmd :: (<@cuser>) CMD (run-parts <@crondir>)
e crond[] %N =cr_sa :: (<@cuser>) CMD (<@sabin> <@one> <@one>)
n1 crond[] %N :: (CRON) STARTUP (fork ok)
n2 crond[] %N :: (*system*) RELOAD (<@crontab>)
n3 anacron[] %N :: Updated timestamp for job `<@ajob>' to <@yr>-<@mon>-<@day>
n2 anacron[] %N :: Anacron <@vv> started on <@yr>-<@mon>-<@day>
n1 anacron[] %N :: Job `<@ajob>' started
n1 anacron[] %N :: Job `<@ajob>' terminated
n1 anacron[] %N :: Normal exit (<@n> jobs run)
n2 logrotate %N :: ALERT exited abnormally with [<@n>]
# --- time ---
w40 ntpd[] %N :: synchronized to <@ntpsrv>, stratum <@stratum>
w14 ntpd[] %N :: synchronisation lost
w6 ntpd[] %N :: time reset <@off> s
e ntpd[] %N =ntp_ksync :: kernel time sync enabled <@kstat>
e ntpd[] %N =ntp_start :: ntpd <@ntpver> <@bwd> <@bmon> <@bday> <@bhh>:<@bmi>:<@bss> PDT <@byr> (<@one>)
e ntpd[] %N =ntp_prec :: precision = <@f> usec
e ntpd[] %N =ntp_listen :: Listening on interface <@iface>, <@ip>#<@ntpport>
e ntpd[] %N =ntp_disc :: kernel time discipline status <@kstat>
e ntpd[] %N =ntp_freq :: frequency initialized <@ppm> PPM from <@drift>
e ntpd[] %N =ntp_exit :: ntpd exiting on signal <@sig>
# --- ssh ---
e sshd[] %N =ssh_acc :: Accepted publickey for <@cuser> from <@ip> port <@port> ssh2
n3 sshd[] %N :: Connection closed by <@ip>
n2 sshd[] %N :: Server listening on <@anyaddr> port <@sshport>.
n1 sshd[] %N :: Received signal <@sig>; terminating.
n1 sshd[] %N :: error: Bind to port <@sshport> on <@anyaddr> failed: Address already in use.
n2 sshd[] %N :: fatal: Timeout before authentication for <@ip>
# --- dhcp on the admin node ---
e dhcpd %A =dh_disc :: DHCPDISCOVER from <@mac> via eth1
e dhcpd %A =dh_offer :: DHCPOFFER on <@ip> to <@mac> via eth1
e dhcpd %A =dh_req :: DHCPREQUEST for <@ip> (<@srvip>) from <@mac> via eth1
e dhcpd %A =dh_ack :: DHCPACK on <@ip> to <@mac> via eth1
n3 dhcpd %A :: Wrote <@n> leases to leases file.
n2 dhcpd %A :: DHCPREQUEST for <@ip> from <@mac> via eth1: unknown lease <@ip>.
n2 dhcpd %A :: DHCPDISCOVER from <@mac> via eth1: network <@net>: no free leases
n1 dhcpd %A :: DHCPINFORM from <@ip> via eth1
# --- ganglia, subnet manager ---
w30 GMETAD %A :: data_thread() got not answer from any [<@cluster>] datasource
n4 GMETAD %A :: data_thread() for [<@cluster>] failed to contact node <@ip>
n2 GMETAD %A :: RRD_update (<@rrd>): <@rrd>: illegal attempt to update using time <@epoch> when last update time is <@lastep> (minimum one second step)
e ib_sm.x[] %M =sm_sweep :: [ib_sm_sweep.c:<@srcline>]: ********************** NEW SWEEP ********************
e ib_sm.x[] %M =sm_notopo :: [ib_sm_sweep.c:<@srcline>]: No topology change
e ib_sm.x[] %M =sm_nocfg :: [ib_sm_sweep.c:<@srcline>]: No configuration change required
e ib_sm.x[] %M =sm_topo :: [ib_sm_sweep.c:<@srcline>]: Topology changed
e ib_sm.x[] %M =sm_newnode :: [ib_sm_discovery.c:<@srcline>]: Detected new node, GUID <@guid>, port <@n>
e ib_sm.x[] %M =sm_down :: [ib_sm_discovery.c:<@srcline>]: Port <@n> of switch <@guid> is DOWN
e ib_sm.x[] %M =sm_prog :: [ib_sm_bringup.c:<@srcline>]: Program switch <@guid> with LID <@n>
e ib_sm.x[] %M =sm_lft :: [ib_sm_routing.c:<@srcline>]: Force to reprogram all switch LFTs
e ib_sm.x[] %M =sm_lid :: [ib_sm_assign.c:<@srcline>]: Assigned LID <@n> to port GUID <@guid>
# --- kernel on the nodes ---
w12 kernel %N :: Losing some ticks... checking if CPU frequency changed.
w5 kernel %N :: warning: many lost ticks.
w5 kernel %N :: Your time source seems to be instable or some driver is hogging interupts
n3 kernel %N :: rip <@ksym>+<@hxs>/<@hxs>
w8 kernel %N :: nfs: server <@nfssrv> not responding, still trying
w7 kernel %N :: nfs: server <@nfssrv> OK
n3 kernel %N :: lockd: server <@nfssrv> not responding, still trying
n2 kernel %N :: lockd: server <@nfssrv> OK
n3 kernel %N :: RPC: sendmsg returned error <@errno>
n2 kernel %N :: portmap: server localhost not responding, timed out
n2 kernel %N :: RPC: failed to contact portmap (errno <@negerr>).
n1 kernel %N :: lockd_up: makesock failed, error=<@negerr>
w4 kernel %N :: e1000: eth0: e1000_watchdog_task: NIC Link is Up <@speed> Mbps Full Duplex
w3 kernel %N :: e1000: eth0: e1000_watchdog_task: NIC Link is Down
n2 kernel %N :: NETDEV WATCHDOG: eth0: transmit timed out
e kernel %N =ib_cat :: ib_mthca <@pci>: Catastrophic error detected: internal error
e kernel %N =ib_buf :: ib_mthca <@pci>:   buf[<@bufi>]: <@hxw>
n1 kernel %N :: ib_mthca: Mellanox InfiniBand HCA driver v<@vv> (<@fmonth> <@bday>, <@byr>)
n1 kernel %N :: ib_mthca: Initializing <@pci>
n2 kernel %N :: ACPI: PCI Interrupt <@pci>[A] -> GSI <@n> (level, low) -> IRQ <@n>
n1 kernel %N :: Intel(R) PRO/1000 Network Driver - version <@vvv>-k2-NAPI
n1 kernel %N :: Copyright (c) 1999-2005 Intel Corporation.
n1 kernel %N :: e1000: eth0: e1000_probe: Intel(R) PRO/1000 Network Connection
e kernel %N !SCSI =mpt_abort :: mptscsih: ioc0: attempting task abort! (sc=<@hxl>)
e kernel %N =mpt_ok :: mptscsih: ioc0: task abort: SUCCESS (sc=<@hxl>)
e kernel %N =mpt_log :: mptbase: ioc0: LogInfo(<@hxw>): Originator={PL}, Code={IO Executed}, SubCode(<@hxs>)
e kernel %N =scsi_off :: scsi0 (0:0): rejecting I/O to offline device
e kernel %N =scsi_err :: SCSI error : <<@n> <@n> <@n> <@n>> return code = <@hxw>
e kernel %N =endreq :: end_request: I/O error, dev <@blk>, sector <@sector>
e kernel %N !EXT_FS =ext3_find :: EXT3-fs error (device <@blkp>): ext3_find_entry: reading directory #<@n> offset <@num>
e kernel %N =ext3_abortj :: Aborting journal on device <@blkp>.
e kernel %N =ext3_abort :: ext3_abort called.
e kernel %N =ext3_sb :: EXT3-fs error (device <@blkp>): ext3_journal_start_sb: Detected aborted journal
e kernel %N =ext3_ro :: Remounting filesystem read-only
e kernel %N !ECC =ecc_ce :: EDAC MC0: CE page <@hxs>, offset <@hxs>, grain 8, syndrome <@hxs>, row <@n>, channel <@n>, label "": k8_edac
e kernel %N =ecc_bus :: EDAC k8 MC0: general bus error: participating processor(local node response), time-out(no timeout) memory transaction type(generic read), mem or i/o(mem access), cache level(generic)
e kernel %N =ecc_ext :: EDAC k8 MC0: extended error code: ECC chipkill x4 error
e kernel %N !VAPI =vapi_mad :: [KERNEL_IB][ib_mad_dispatch][<@vapisrc>:<@srcline>]EVAPI_process_local_mad failed, return code = <@vapirc> (Fatal error (Local Catastrophic Error))
e kernel %N !VAPI =vapi_port :: [KERNEL_IB][ib_device_event_handler][<@vapisrc>:<@srcline>]Port <@n> of device InfiniHost0 is now DOWN
e kernel %N =vapi_up :: [KERNEL_IB][ib_device_event_handler][<@vapisrc>:<@srcline>]Port <@n> of device InfiniHost0 is now ACTIVE
n2 kernel %N :: Out of Memory: Killed process <@pid> (<@proc>).
n1 kernel %N :: oom-killer: gfp_mask=<@hxs>
n1 kernel %N :: Kernel logging (proc) stopped.
n1 kernel %N :: Kernel log daemon terminating.
n1 kernel %N :: klogd <@kv>, log source = <@kmsg> started.
# --- batch system ---
w10 pbs_mom %N !PBS_BFD :: Bad file descriptor (<@n>) in tm_request, job <@job> not running
n4 pbs_mom %N !PBS_CON :: Connection refused (<@n>) in open_demux, open_demux: connect <@ip>:<@port>
n3 pbs_mom %N :: im_eof, End of File from addr <@ip>:<@port>
n2 pbs_mom %N :: task_check, cannot tm_reply to <@job> task <@n>
# --- mail ---
e sendmail[] %N =sm_from :: <@qid>: from=<@cuser>, size=<@num>, class=<@zero>, nrcpts=<@one>, msgid=<<@msgid>>, relay=<@cuser>@localhost
e sendmail[] %N =sm_sent :: <@qid>: to=<@cuser>, ctladdr=<@cuser> (<@zero>/<@zero>), delay=<@dh>:<@dm>:<@ds>, xdelay=<@dh>:<@dm>:<@ds>, mailer=relay, pri=<@num>, relay=[<@lo>] [<@lo>], dsn=<@dsn>, stat=Sent (<@qid> Message accepted for delivery)
e sendmail[] %N =sm_defer :: <@qid>: to=<@cuser>, ctladdr=<@cuser> (<@zero>/<@zero>), delay=<@dh>:<@dm>:<@ds>, xdelay=<@dh>:<@dm>:<@ds>, mailer=relay, pri=<@num>, relay=[<@lo>], dsn=<@dsn>, stat=Deferred: Connection refused by [<@lo>]
n1 sendmail[] %N :: alias database <@aliases> rebuilt by <@cuser>
n1 sendmail[] %N :: <@aliases>: <@n> aliases, longest <@n> bytes, <@num> bytes total
# --- syslog-ng, xinetd, nfs, disks ---
n2 syslog-ng[] %N :: syslog-ng version <@vvv> starting
n3 syslog-ng[] %N :: Changing permissions on special file <@devf>
w6 syslog-ng[] %N :: STATS: dropped <@n>
n2 syslog-ng[] %N :: SIGHUP received, restarting syslog-ng
n2 syslog-ng[] %N :: new configuration initialized
n3 syslog-ng[] %N :: Connection broken to AF_INET(<@logip>:<@logport>), reopening in <@n> seconds
n2 syslog-ng[] %N :: io.c: do_write: write() failed (errno <@errno>), Connection refused
e xinetd[] %A =xi_start :: START: <@xsvc> pid=<@pid> from=<@ip>
e xinetd[] %A =xi_exit :: EXIT: <@xsvc> status=<@n> pid=<@pid> duration=<@n>(sec)
e in.tftpd[] %A =tftp :: RRQ from <@ip> filename <@tftpfile>
n1 xinetd[] %A :: xinetd Version <@vvv> started with libwrap loadavg options compiled in.
n1 xinetd[] %A :: Started working: <@n> available services
n1 xinetd[] %A :: Exiting...
w4 smartd[] %N :: Device: <@blkd>, SMART Usage Attribute: <@attr> Temperature_Celsius changed from <@temp> to <@temp>
n2 smartd[] %N :: Device: <@blkd>, SMART Prefailure Attribute: <@attr> Raw_Read_Error_Rate changed from <@n> to <@n>
n1 smartd[] %N :: Device: <@blkd>, opened
n1 smartd[] %N :: Monitoring <@n> ATA and <@n> SCSI devices
n3 rpc.idmapd[] %N :: nss_getpwnam: name '<@idname>' does not map into domain '<@idmdom>'
n1 rpc.statd[] %N :: Version <@vvv> Starting
w4 mountd[] %A :: authenticated mount request from <@ip>:<@port> for <@export> (<@export>)
w3 mountd[] %A :: authenticated unmount request from <@ip>:<@port> for <@export> (<@export>)
"""

    def setup(self):
        r = self.r
        self.admin = "tb-adm2"
        self.sm = "tb-sm3"
        self.nodes = self.pool(lambda: "%s%d" % (self.pick(["rn", "rn", "sn", "tn"]), r.randint(1, 1024)), 160, s=0.6)
        self.pids = {}
        self.pidc = r.randint(2000, 3000)
        self.smpid = r.randint(20000, 30000)
        self.macs = self.pool(lambda: "00:11:43:" + ":".join(hexs(r, 2) for _ in range(3)), 30, s=0.8)

    def newpid(self):
        self.pidc += self.r.randint(1, 30)
        if self.pidc > 32000:
            self.pidc = 400
        return self.pidc

    def render(self, t, ev, vals, content):
        comp = self.comp_of(ev, vals)
        if comp == "GMETAD":
            comp = self.GMETAD
        where = ev.hdr.get("where", "N")
        if where == "N":
            user = vals.get("_node") or self.nodes()
            loc = "%s/%s" % (user, user)
        elif where == "A":
            user = self.admin
            loc = ("src@" if comp.startswith(("dhcpd", "xinetd", "in.tftpd")) else "local@") + self.admin
        else:
            user = self.sm
            loc = "%s/%s" % (user, user)
        if comp.endswith("[]"):
            if "_pid" in vals:
                pid = vals["_pid"]
            elif comp.startswith("ib_sm.x"):
                pid = self.smpid
            else:
                pid = self.pids.setdefault((user, comp), self.newpid())
            comp = "%s[%d]" % (comp[:-2], pid)
        label = vals.get("_label") or ev.hdr.get("label", "-")
        epoch = int((t - datetime(1970, 1, 1)).total_seconds()) + 8 * 3600
        return "%s %d %s %s %s %d %s %s %s: %s" % (label, epoch, t.strftime("%Y.%m.%d"), user, MONTHS[t.month - 1],
                                                   t.day, t.strftime("%H:%M:%S"), loc, comp, content)

    # slot values
    def v_cuser(self):
        return "root"

    def v_uid(self):
        return 0

    def v_crondir(self):
        return "/etc/cron.hourly"

    def v_sabin(self):
        return "/usr/lib64/sa/sa1"

    def v_one(self):
        return 1

    def v_zero(self):
        return 0

    def v_crontab(self):
        return "/etc/crontab"

    def v_mon(self):
        return "%02d" % self._t.month

    def v_day(self):
        return "%02d" % self._t.day

    def v_ajob(self):
        return self.pick(["cron.daily", "cron.daily", "cron.weekly"])

    def v_vv(self):
        return "%d.%d" % (self.r.randint(0, 3), self.r.randint(1, 9))

    def v_vvv(self):
        return "%d.%d.%d" % (self.r.randint(1, 7), self.r.randint(0, 9), self.r.randint(0, 13))

    def v_ntpsrv(self):
        return self.pick(["10.100.20.250", "10.100.20.250", "10.100.20.251"])

    def v_stratum(self):
        return self.pick([3, 3, 4])

    def v_off(self):
        return "%+.6f" % self.r.uniform(-0.6, 0.6)

    def v_kstat(self):
        return self.pick(["0001", "0040", "0041"])

    def v_ntpver(self):
        return "4.2.0a@1.1190-r"

    def v_bwd(self):
        return "Thu"

    def v_bmon(self):
        return "Apr"

    def v_fmonth(self):
        return "June"

    def v_bday(self):
        return 21

    def v_bhh(self):
        return "10"

    def v_bmi(self):
        return "27"

    def v_bss(self):
        return "04"

    def v_byr(self):
        return 2005

    def v_iface(self):
        return self.pick(["lo", "eth0", "ib0"])

    def v_ip(self):
        return "10.100.%d.%d" % (self.r.randint(0, 31), self.r.randint(1, 254))

    def v_srvip(self):
        return "10.100.0.250"

    def v_net(self):
        return "10.100.0.0/16"

    def v_ntpport(self):
        return 123

    def v_ppm(self):
        return "%.3f" % self.r.uniform(-60, 60)

    def v_drift(self):
        return "/var/lib/ntp/drift"

    def v_sig(self):
        return 15

    def v_anyaddr(self):
        return self.pick(["0.0.0.0", "::"])

    def v_sshport(self):
        return 22

    def v_mac(self):
        return self.macs()

    def v_cluster(self):
        return "Thunderbird_%s%d" % (self.pick("ABCDE"), self.r.randint(1, 9))

    def v_rrd(self):
        return "/var/lib/ganglia/rrds/Thunderbird_%s%d/__SummaryInfo__/%s.rrd" % (
            self.pick("ABCDE"), self.r.randint(1, 9), self.pick(["cpu_num", "load_one", "mem_free"]))

    def v_epoch(self):
        return int((self._t - datetime(1970, 1, 1)).total_seconds()) + 8 * 3600

    def v_lastep(self):
        return self.v_epoch() + self.r.randint(1, 40)

    def v_srcline(self):
        return self.pick([1455, 1482, 1831, 584, 212, 3207, 115, 770])

    def v_guid(self):
        return "0x0005ad0" + hexs(self.r, 9)

    def v_ksym(self):
        return self.pick(["__do_softirq", "default_idle", "tcp_v4_rcv"])

    def v_hxs(self):
        return "0x%x" % self.r.randint(1, 4095)

    def v_hxw(self):
        return "%08x" % self.r.getrandbits(32)

    def v_hxl(self):
        return "%016x" % self.r.getrandbits(48)

    def v_nfssrv(self):
        return self.pick(["tb-adm2", "10.100.0.250", "tb-io4"])

    def v_errno(self):
        return self.pick([101, 111, 113])

    def v_negerr(self):
        return self.pick([-5, -111])

    def v_speed(self):
        return 1000

    def v_pci(self):
        return "0000:%02x:00.0" % self.r.choice([3, 4, 6])

    def v_bufi(self):
        return "%02x" % self.r.randint(0, 15)

    def v_blk(self):
        return "sda"

    def v_blkp(self):
        return self.pick(["sda5", "sda3"])

    def v_blkd(self):
        return "/dev/sda"

    def v_sector(self):
        return self.r.randint(100000, 80000000)

    def v_vapisrc(self):
        return "/mnt_projects/sysapps/src/ib/topspin/topspin-src-3.2.0-16/ib/ts_api_ng/mad/obj_host_amd64_custom1_rhel4/ts_ib_mad/mad_filter.c"

    def v_vapirc(self):
        return -254

    def v_proc(self):
        return self.pick(["lmp", "cth", "presto", "salinas"])

    def v_kv(self):
        return "1.4.1"

    def v_kmsg(self):
        return "/proc/kmsg"

    def v_job(self):
        return "%d.%s" % (self.r.randint(3000, 9000), self.admin)

    def v_qid(self):
        return "jA%s%02d%s" % (self._t.strftime("%d%H"), self._t.minute, "".join(self.r.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(8)))

    def v_msgid(self):
        return "%s.jA%s@%s.localdomain" % (self._t.strftime("%Y%m%d%H%M"), hexs(self.r, 6), self.nodes())

    def v_dh(self):
        return "00"

    def v_dm(self):
        return "00"

    def v_ds(self):
        return "%02d" % self.r.randint(0, 3)

    def v_lo(self):
        return "127.0.0.1"

    def v_dsn(self):
        return self.pick(["2.0.0", "4.0.0"])

    def v_aliases(self):
        return "/etc/aliases"

    def v_devf(self):
        return self.pick(["/dev/xconsole", "/dev/tty10"])

    def v_logip(self):
        return "10.100.0.250"

    def v_logport(self):
        return 514

    def v_xsvc(self):
        return self.pick(["tftp", "tftp", "rsh", "shell"])

    def v_tftpfile(self):
        return self.pick(["pxelinux.0", "/pxelinux.cfg/0A64", "/tftpboot/vmlinuz-2.6.9-11"])

    def v_attr(self):
        return 194

    def v_temp(self):
        return self.r.randint(28, 48)

    def v_idname(self):
        return "nobody@%s.localdomain" % self.nodes()

    def v_idmdom(self):
        return "localdomain"

    def v_export(self):
        return self.pick(["/home", "/apps", "/scratch1", "/projects"])

    # episodes
    def ep_cron(self):
        items = []
        for _ in range(self.r.choice([1, 1, 2, 3, 4, 6])):
            node = self.nodes()
            pid = self.newpid()
            v = {"_node": node, "_pid": pid}
            items += [("cr_open", v), ("cr_cmd" if self.r.random() < 0.8 else "cr_sa", dict(v, _pid=pid + 1)),
                      ("cr_close", v)]
        return items

    def ep_dhcp(self):
        v = {"mac": self.macs(), "ip": self.v_ip()}
        items = [("dh_disc", v), ("dh_offer", v)]
        if self.r.random() < 0.8:
            items += [("dh_req", v), ("dh_ack", v)]
        if self.r.random() < 0.3:
            pid = self.newpid()
            items += [("xi_start", dict(v, xsvc="tftp", pid=pid)), ("tftp", dict(v, _pid=pid)),
                      ("xi_exit", dict(v, xsvc="tftp", pid=pid))]
        return items

    def ep_sweep(self):
        items = [("sm_sweep", {"srcline": 1482})]
        x = self.r.random()
        if x < 0.8:
            items += [("sm_notopo", {"srcline": 1831}), ("sm_nocfg", {"srcline": 1455})]
        else:
            items.append(("sm_topo", {"srcline": 1840}))
            g = self.v_guid()
            items.append((self.pick(["sm_newnode", "sm_down"]), {"guid": g}))
            if self.r.random() < 0.6:
                items += [("sm_lft", {}), ("sm_prog", {"guid": g}), ("sm_lid", {"guid": self.v_guid()})]
        return items

    def ep_ssh(self):
        node = self.nodes()
        pid = self.newpid()
        v = {"_node": node, "_pid": pid}
        items = [("ssh_acc", v), ("cr_open", dict(v, _comp="sshd(pam_unix)[]", _pid=pid + 2))]
        if self.r.random() < 0.8:
            items.append(("cr_close", dict(v, _comp="sshd(pam_unix)[]", _pid=pid + 2)))
        return items

    def ep_ntpstart(self):
        node = self.nodes()
        v = {"_node": node, "_pid": self.newpid()}
        return [("ntp_exit", dict(v, _pid=self.pids.get((node, "ntpd[]"), v["_pid"] - 5))), ("ntp_start", v),
                ("ntp_prec", v), ("ntp_listen", dict(v, iface="lo", ip="127.0.0.1")), ("ntp_listen", v),
                ("ntp_disc", dict(v, kstat="0040")), ("ntp_freq", v), ("ntp_ksync", dict(v, kstat="0001"))]

    def ep_ib(self):
        node = self.nodes()
        v = {"_node": node}
        if self.r.random() < 0.5:
            items = [("vapi_mad", v)] * self.r.randint(1, 3) + [("vapi_port", v)]
            if self.r.random() < 0.6:
                items.append(("vapi_up", v))
            return items
        items = [("ib_cat", v)]
        for i in range(self.r.randint(2, 5)):
            items.append(("ib_buf", dict(v, bufi="%02x" % i)))
        return items

    def ep_disk(self):
        node = self.nodes()
        v = {"_node": node}
        if self.r.random() < 0.5:
            return [("mpt_abort", v), ("mpt_log", v), ("mpt_ok", v)] + \
                   ([("scsi_off", v), ("scsi_err", v), ("endreq", v)] if self.r.random() < 0.6 else [])
        return [("endreq", v), ("ext3_find", v), ("ext3_abortj", v), ("ext3_abort", v), ("ext3_sb", v),
                ("ext3_ro", v)]

    def ep_ecc(self):
        v = {"_node": self.nodes()}
        return [("ecc_ce", v)] * self.r.randint(1, 2) + ([("ecc_bus", v), ("ecc_ext", v)] if self.r.random() < 0.5 else [])

    def ep_mail(self):
        v = {"_node": self.nodes(), "_pid": self.newpid()}
        return [("sm_from", v), ("sm_sent" if self.r.random() < 0.8 else "sm_defer", dict(v, _pid=v["_pid"] + 1))]

    def ep_xinetd(self):
        pid = self.newpid()
        svc = self.pick(["rsh", "shell"])
        return [("xi_start", {"pid": pid, "xsvc": svc}), ("xi_exit", {"pid": pid, "xsvc": svc})]

    def episodes(self):
        return [(60, self.ep_cron), (28, self.ep_dhcp), (38, self.ep_sweep), (6, self.ep_ssh), (2, self.ep_mail),
                (1.2, self.ep_ib), (1.2, self.ep_disk), (1, self.ep_ecc), (2, self.ep_xinetd)]

    def fixed_more(self):
        return [(2, self.ep_ntpstart), (1, self.ep_ib), (1, self.ep_disk), (1, self.ep_ecc),
                (1, lambda: [("sm_topo", {}), ("sm_newnode", {}), ("sm_lft", {}), ("sm_prog", {}), ("sm_lid", {}),
                             ("sm_down", {})]),
                (1, lambda: [("vapi_mad", {}), ("vapi_port", {}), ("vapi_up", {})]),
                (1, lambda: [("mpt_abort", {}), ("mpt_log", {}), ("mpt_ok", {}), ("scsi_off", {}), ("scsi_err", {})]),
                (1, lambda: [("ecc_ce", {}), ("ecc_bus", {}), ("ecc_ext", {})]),
                (1, lambda: [("sm_defer", {})]), (1, lambda: [("cr_sa", {})])]


# ===================================================================== Mac
class Mac(R4):
    name = "Mac"
    KEEP = ("davurl", "geourl", "aslmod", "yr", "monz", "dayz", "hh", "mi", "ss")
    log_format = r"<Month>  <Date> <Time> <User> <Component>\[<PID>\]( \(<Address>\))?: <Content>"
    start = datetime(2017, 7, 1, 9, 0, 55)
    mean_gap = 260.0
    inner_gap = (0.0, 2.0)
    settings = {"regex": [r"([\w-]+\.){2,}[\w-]+"], "st": 0.7, "depth": 6}

    TABLE = r"""
# --- kernel: sleep / wake cycle (episodes) ---
e kernel =w_prev :: Previous sleep cause: <@n>
e kernel =w_reason :: Wake reason: <@wr>
e kernel =w_camsys :: AppleCamIn::systemWakeCall - messageType = <@camhx>
e kernel =w_camthr :: AppleCamIn::wakeEventHandlerThread
e kernel =w_camgated :: AppleCamIn::handleWakeEvent_gated
e kernel =w_pwrwake :: AirPort_Brcm43xx::powerChange: System Wake - Full Wake/ Dark Wake / Maintenance wake
e kernel =w_pwrsleep :: AirPort_Brcm43xx::powerChange: System Sleep
e kernel =w_nhi :: AppleThunderboltNHIType2::prePCIWake - power up complete - took <@n> us
e kernel =w_hal :: AppleThunderboltGenericHAL::earlyWake - complete - took <@n> milliseconds
e kernel =w_ok2go :: AppleThunderboltNHIType2::waitForOk2Go2Sx - retries = <@retries>
e kernel =w_hpd :: IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = <@hxs> port = <@n> unplug = <@bit>
e kernel =w_sync_en :: ARPT: <@kt>: AirPort_Brcm43xx::syncPowerState: WWEN[enabled]
e kernel =w_wow_dis :: ARPT: <@kt>: AirPort_Brcm43xx::platformWoWEnable: WWEN[disable]
e kernel =w_wow_en :: ARPT: <@kt>: AirPort_Brcm43xx::platformWoWEnable: WWEN[enable]
e kernel =w_pmresp :: PM response took <@pmms> ms (<@n>, <@pmproc>)
e kernel =w_fullwake :: full wake request (reason <@n>) <@num> ms
e kernel =w_chan :: en0: channel changed to <@ch>
e kernel =w_bssid :: en0: BSSID changed to <@mac>
e kernel =w_bssmsg :: en0::IO80211Interface::postMessage bssid changed
e kernel =w_linkup :: AirPort: Link Up on <@wif>
e kernel =w_down1 :: AirPort: Link Down on <@wif>. Reason <@rsa> (Unspecified).
e kernel =w_down8 :: AirPort: Link Down on <@wif>. Reason <@rsb> (Disassociated because station leaving).
e kernel =w_awdl_s :: IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from AUTO to SUSPENDED
e kernel =w_awdl_a :: IO80211AWDLPeerManager::setAwdlOperatingMode Setting the AWDL operation mode from SUSPENDED to AUTO
e kernel =w_awdl_q :: IO80211AWDLPeerManager::setAwdlSuspendedMode() Suspending AWDL, enterQuietMode(true)
e kernel =w_awdl_r :: IO80211AWDLPeerManager::setAwdlAutoMode Resuming AWDL
e kernel =w_btle :: Bluetooth -- LE is supported - Disable LE meta event
e kernel =w_btcoex :: Setting BTCoex Config: enable_2G:<@bit>, profile_2g:<@bit>, enable_5G:<@bit>, profile_5G:<@bit>
e kernel =w_rtc :: RTC: Maintenance <@ryr>/<@rmon>/<@rday> <@rhh>:<@rmi>:<@rss>, sleep <@yr>/<@mon>/<@day> <@hh>:<@mi>:<@ss>
e kernel =w_idle :: IOPMrootDomain: idle cancel, state <@n>
e kernel =w_mdns4 :: ARPT: <@kt>: wl0: MDNS: IPV4 Addr: <@ip>
e kernel =w_mdns6 :: ARPT: <@kt>: wl0: MDNS: IPV6 Addr: <@lla>
e kernel =w_mdnsrec :: ARPT: <@kt>: wl0: MDNS: <@n> SRV Recs, <@n> TXT Recs
e kernel =w_ka :: ARPT: <@kt>: wl0: setup_keepalive: Seq: <@seq>, Ack: <@seq>, Win size: <@win>
e kernel =w_kalocal :: ARPT: <@kt>: wl0: setup_keepalive: Local IP: <@ip>
e kernel =w_karemote :: ARPT: <@kt>: wl0: setup_keepalive: Remote IP: <@pip>
e kernel =w_kaint :: ARPT: <@kt>: wl0: setup_keepalive: interval <@n>, retry_interval <@n>, retry_count <@n>
e kernel =w_tcpseq :: ARPT: <@kt>: wl0: wl_update_tcpkeep_seq: Original Seq: <@seq>, Ack: <@seq>, Win size: <@win>
e kernel =w_tcpupd :: ARPT: <@kt>: wl0: wl_update_tcpkeep_seq: Updated seq/ack/win from UserClient Seq <@seq>, Ack <@seq>, Win size <@win>
e kernel =w_wscan :: ARPT: <@kt>: ARPT: Wake Reason: Wake on Scan offload
e kernel =w_wtcp :: ARPT: <@kt>: ARPT: Wake Reason: Wake on TCP Timeout
e kernel =w_leave :: ARPT: <@kt>: wl0: leaveModulePoweredForOffloads: Wi-Fi will stay on.
e kernel =w_pmsrc :: ARPT: <@kt>: IOPMPowerSource Information: onSleep,  SleepType: Normal Sleep,  'ExternalConnected': <@yn>, 'TimeRemaining': <@num>,
e kernel =w_hpage :: hibernate_page_list_setall time: <@n> ms
e kernel =w_hfound :: hibernate_page_list_setall found pageCount <@num>
e kernel =w_discard :: did discard act <@num> inact <@num> purgeable <@num> spec <@num> cleaned <@n>
e kernel =w_hread :: PMStats: Hibernate read took <@num> ms
e kernel =w_hwrite :: PMStats: Hibernate write took <@num> ms
e kernel =w_slot :: ** Device in slot: SLOT--1 **
e kernel =w_fastwake :: vm_compressor_fastwake_warmup (<@num> - <@num>) - starting
e kernel =w_fastdone :: vm_compressor_fastwake_warmup completed - took <@num> msecs
e kernel =w_hidwake :: [HID] [ATC] AppleDeviceManagementHIDEventService::processWakeReason Wake reason: <@hidhx>
e kernel =w_mtterm :: [HID] [MT] AppleMultitouchDevice::willTerminate entered
e kernel =w_country :: en0: 802.11d country code set to '<@cc>'.
e kernel =w_chans :: en0: Supported channels 1 2 3 4 5 6 7 8 9 10 11 12 13 36 40 44 48 52 56 60 64 100 104 108 112 116 120 124 128 132 136 140 144 149 153 157 161 165
e kernel =w_console1 :: IOConsoleUsers: time(0) 0->0, lin 0, llk 1,
e kernel =w_console2 :: IOConsoleUsers: gIOScreenLockState <@n>, hs <@bit>, bs <@bit>, now <@bit>, sm <@hxs>
e kernel =w_efi :: efi pagecount <@n>
e kernel =w_halloc :: hibernate_alloc_pages act <@num>, inact <@num>, anon <@num>, throt <@n>, spec <@num>, wire <@num>, wireinit <@num>
e kernel =w_hsetup :: hibernate_setup(0) took <@n> ms
e kernel =w_hpages :: pages <@num>, wire <@num>, act <@num>, inact <@num>, cleaned <@n> spec <@num>, zf <@n>, throt <@n>, compr <@num>, xpmapped <@num>
e kernel =w_bitmap :: bitmap_size <@num>, previewSize <@num>, writing <@num> pages @ <@hxs>
e kernel =w_hinit :: hibernate_machine_init pagesDone <@num> sum2 <@hxw>, time: <@n> ms, disk(<@hxs>) <@n> Mb/s, comp bytes: <@num> time: <@n> ms <@n> Mb/s, crypt bytes: <@num> time: <@n> ms <@n> Mb/s
e kernel =w_hteardown :: hibernate_teardown: wired_pages <@num>, free_pages <@num>, active_pages <@num>, inactive_pages <@num>, speculative_pages <@num>, cleaned_pages <@n>, compressor_pages <@num>
e kernel =w_hcompact :: hibernate_teardown_pmap_structs done: last_valid_compact_indx <@num>
e kernel =w_hrebuild :: hibernate_rebuild started
e kernel =w_hrebuilt :: hibernate_rebuild completed - took <@num> msecs
e kernel =w_openfile :: Opened file /var/vm/sleepimage, size <@big>, extents <@n>, maxio <@num> ssd <@bit>
e kernel =w_imgpath :: hibernate image path: /var/vm/sleepimage
e kernel =w_kernopen :: kern_open_file_for_direct_io took <@n> ms
e kernel =w_sizeof :: sizeof(IOHibernateImageHeader) == 512
e kernel =w_eapol :: en0: Received EAPOL packet (length = <@n>)
e kernel =w_roam :: ARPT: <@kt>: wl0: Roamed or switched channel, reason #<@n>, bssid <@mac>, last RSSI <@rssi>
e kernel =w_wlevent :: wlEvent: en0 en0 Link DOWN virtIf = 0
e kernel =w_tbtw :: TBT W (<@n>): <@hxs> [x]
e kernel =w_mtreinit :: AppleUSBMultitouchDriver::checkStatus - received Status Packet, Payload 2: device was reinitialized
e kernel =w_btdone :: [IOBluetoothHostControllerUSBTransport][start] -- completed
e kernel =w_sleep :: System Sleep
e kernel =w_wake :: System Wake
e kernel =w_darkwake :: DarkWake from Normal Sleep [CDNVA] : due to <@dwreason>
e kernel =w_tbtpath :: Thunderbolt <@n> PCIe adapter path status <@hxs>
# --- kernel: other ---
w14 kernel :: Sandbox: <@sandapp>(<@pid>) deny(<@bit>) network-outbound <@sockpath>
w4 kernel :: Sandbox: <@sandapp>(<@pid>) deny(<@bit>) mach-lookup <@machsvc>
n3 kernel :: Sandbox: <@sandapp>(<@pid>) deny(<@bit>) file-read-data <@path>
n2 kernel :: in6_unlink_ifa: IPv6 address <@hxl> has no prefix
n2 kernel :: USBMSC Identifier (non-unique): <@serial> <@hxs> <@hxs> <@hxs>, <@n>
n3 kernel :: AppleKeyStore: operation failed (pid: <@pid> sel: <@n> ret: <@hxw> '<@num>')
n2 kernel :: nspace-handler-set-snapshot-time: <@epoch>
n2 kernel :: process <@app>[<@pid>] caught causing excessive wakeups. Observed wakeups rate (per sec): <@n>; Maximum permitted wakeups rate (per sec): <@n>; Observation period: <@n> seconds; Task lifetime number of wakeups: <@num>
n2 kernel :: process <@app>[<@pid>] thread <@num> caught burning CPU! It used more than <@n>% CPU (Actual recent usage: <@n>%) over <@n> seconds. thread lifetime cpu usage <@fl> seconds, (<@fl> user, <@fl> system) ledger info: balance: <@big> credit: <@big> debit: <@big> limit: <@big> (<@n>%) period: <@big> time since last refill (ns): <@big>
n2 kernel :: Limiting closed port RST response from <@num> to <@n> packets per second
n1 kernel :: Limiting icmp unreach response from <@num> to <@n> packets per second
n2 kernel :: ARPT: <@kt>: AQM agg params <@hxs> maxlen hi/lo <@hxs> <@hxs> minbytes <@hxs> adjlen <@hxs>
n1 kernel :: ARPT: <@kt>: AQM agg results <@hxs> len hi/lo: <@hxs> <@hxs> BAbitmap(0-3) <@n> <@n> <@n> <@n>
n2 kernel :: ARPT: <@kt>: wl0: wl_pcie_bus_sleep: D3 entry
n1 kernel :: ARPT: <@kt>: wl0: wl_pcie_bus_wake: D0 entry
n2 kernel :: ARPT: <@kt>: AirPort_Brcm43xx::setAWDL_PEER_TRAFFIC_REGISTRATION: active <@n>, roam_off: <@n>, err <@n> roam_start <@n>
n1 kernel :: hibernate_flush_memory: buffer_cache_gc freed up <@num> wired pages
n1 kernel :: AppleHDA: Jack change detected, <@jack>
n1 kernel :: Unsynchronized TSC for cpu <@n>
n1 kernel :: AppleActuatorHIDEventDriver: stop
n1 kernel :: AppleActuatorDeviceUserClient::stop Entered
n2 kernel :: IOHIDSystem cursor update overdue. Resending.
# --- launchd ---
w10 com.apple.xpc.launchd @svc :: Service only ran for <@n> seconds. Pushing respawn out by <@n> seconds.
w5 com.apple.xpc.launchd @svcpid :: Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or bootstrap_check_in(): <@svc>
w4 com.apple.xpc.launchd @dom :: Path not allowed in target domain: type = pid, path = <@path> error = 147: The specified service did not ship in the requestor's bundle, origin = <@path>
n4 com.apple.xpc.launchd @svc :: Service exited with abnormal code: <@n>
n3 com.apple.xpc.launchd @svcpid :: Service exited due to signal: Killed: <@n> sent by <@killer>[<@pid>]
n2 com.apple.xpc.launchd @svcpid :: Service exited due to signal: Terminated: <@n> sent by <@killer>[<@pid>]
n2 com.apple.xpc.launchd @svc :: Could not find and/or execute program specified by service: <@n>: No such file or directory: <@path>
n2 com.apple.xpc.launchd @svc :: Service could not initialize: <@build>: xpcproxy + <@num> [<@num>][<@uuid>]: <@hxs>
n2 com.apple.xpc.launchd @svcpid :: Caller wanted oneshot behavior for pid-restricted job: <@svc>
n1 com.apple.xpc.launchd :: assertion failed: <@build>: launchd + <@num> [<@uuid>]: <@hxs>
# --- scheduler ---
w45 com.apple.cts :: <@ctsjob>: scheduler_evaluate_activity told me to run this job; however, but the start time isn't for <@num> seconds.  Ignoring.
n4 com.apple.cts :: <@ctsjob>: scheduler_evaluate_activity told me to run this job; however, but the end time is in the past.  Running anyway.
w16 com.apple.CDScheduler|CDScheduler :: Thermal pressure state: <@lvl> Memory pressure state: <@lvl>
n2 com.apple.CDScheduler :: Could not find activity <@ctsjob> in the database
# --- network stack ---
w18 networkd :: -[NETClientConnection evaluateCrazyIvan46] CI46 - Perform CrazyIvan46! <@netapp>.<@pid> tc<@num> <@pip>:<@port>
w10 networkd :: -[NETClientConnection evaluateCrazyIvan46] CI46 - Hit by torpedo! <@netapp>.<@pid> tc<@num> <@pip>:<@port>
w6 networkd :: -[NETClientConnection effectiveBundleID] using process name <@netapp> as bundle ID (this is expected for daemons without bundle ID
w5 networkd :: nw_nat64_post_new_ifstate successfully changed NAT64 ifstate from <@hxs> to <@hxl>
n3 networkd :: tcp_connection_destination_perform_socket_connect <@num> connectx to <@pip>:<@port>@<@n> failed: [<@n>] Network is unreachable
w8 QQ|Safari|WeChat|Google+Chrome :: tcp_connection_destination_perform_socket_connect <@num> connectx to <@pip>:<@port>@<@n> failed: [<@n>] Network is down
n3 Safari|Mail :: tcp_connection_tls_session_error_callback_imp <@num> __tcp_connection_tls_session_callback_write_block_invoke.<@num> error <@n>
n2 Safari|QQ :: tcp_connection_tls_session_error_callback_imp <@num> tcp_connection_tls_session_handle_read_error.<@num> error <@n>
w8 configd :: network changed: v4(en0:<@ip>) DNS+ Proxy+ SMB
w5 configd :: network changed: v4(en0-:<@ip>) DNS- Proxy- SMB-
w4 configd :: network changed: v4(en0!:<@ip>) v6(en0!:<@lla>) DNS! Proxy SMB
w3 configd :: network changed: DNS* Proxy
w6 configd :: setting hostname to "<@fqdn>"
n3 configd :: network changed: v4(en0:<@ip>) v6(en0+:<@lla>) DNS! Proxy SMB
n2 configd :: [en0] Link Status: UP
n2 configd :: IPMonitor: en0 <@ip> is now primary, previously <@ip>
n1 configd :: Network Configuration changed. DNS/Proxy/SMB
w9 symptomsd :: __73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke unexpected switch value <@n>
w5 symptomsd :: -[NetworkAnalyticsEngine _writeJournalRecord:fromCellFingerprint:key:atLOI:ofKind:lqm:isFaulty:] Hashing of the primary key failed. Dropping the journal record.
n3 symptomsd :: -[NetworkAnalyticsEngine _handleInterfaceChange:] en0 link state change to <@n>
w8 UserEventAgent :: Captive: [CNInfoNetworkActive:<@num>] en0: SSID '<@ssid>' making interface primary (cache indicates network not captive)
n4 UserEventAgent :: Captive: [CNInfoNetworkActive:<@num>] en0: SSID '<@ssid>' making interface primary (protected network)
w6 UserEventAgent :: Captive: CNPluginHandler en0: Inactive
w5 UserEventAgent :: Captive: CNPluginHandler en0: Evaluating
w5 UserEventAgent :: Captive: CNPluginHandler en0: Authenticated
n3 UserEventAgent :: Captive: [HandleNetworkInformationChanged:<@num>] nwi_state_copy returned NULL
w7 UserEventAgent :: Could not get event name for stream/token: com.apple.xpc.activity/<@num>: <@num>: Request for stream not found
n2 UserEventAgent :: assertion failed: <@build>: com.apple.telemetry + <@num> [<@uuid>]: <@hxs>
w5 mDNSResponder :: mDNS_RegisterInterface: Frequent transitions for interface en0 (<@ip>)
w3 mDNSResponder :: mDNS_RegisterInterface: Frequent transitions for interface awdl0 (<@lla>)
n3 mDNSResponder :: mDNS_DeregisterInterface: Frequent transitions for interface en0 (<@ip>)
n2 mDNSResponder :: mDNS_DeregisterInterface: Frequent transitions for interface awdl0 (<@lla>)
n3 mDNSResponder :: mDNSPlatformSendUDP sendto(<@n>) failed to send packet on InterfaceID <@hxl> en0/<@n> to <@mcast>:5353 skt <@n> error -1 errno 51 (Network is unreachable)
n2 mDNSResponder :: SetDomainSecrets: SetDomainSecretsForKey: <@n> domains
n2 netbiosd :: name servers down?
n1 netbiosd :: network_reachability_changed : network is not reachable, netbiosd is shutting down
w4 wirelessproxd :: Peripheral manager is not powered on
w4 wirelessproxd :: Central manager is not powered on
# --- address book, security, icloud ---
w8 com.apple.AddressBook.InternetAccountsBridge|AddressBookSourceSync :: dnssd_clientstub ConnectToServer: connect()-> No of tries: <@tries>
w5 com.apple.AddressBook.InternetAccountsBridge|AddressBookSourceSync :: dnssd_clientstub ConnectToServer: connect() failed path:<@sockpath> Socket:<@sock> Err:-1 Errno:1 Operation not permitted
n3 AddressBookSourceSync :: [CardDAVPlugin-ERROR] -getPrincipalInfo:[_controller supportsRequestCompressionAtURL:<@davurl>] Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={NSUnderlyingError=<@ptr> {Error Domain=kCFErrorDomainCFNetwork Code=-1001 "(null)" UserInfo={_kCFStreamErrorCodeKey=-2102, _kCFStreamErrorDomainKey=4}}, NSErrorFailingURLStringKey=<@davurl>, NSErrorFailingURLKey=<@davurl>, _kCFStreamErrorDomainKey=4, _kCFStreamErrorCodeKey=-2102, NSLocalizedDescription=The request timed out.}
n3 AddressBookSourceSync :: [CardDAVPlugin-ERROR] -getPrincipalInfo:[_controller supportsRequestCompressionAtURL:<@davurl>] Error Domain=NSURLErrorDomain Code=-1009 "The Internet connection appears to be offline." UserInfo={NSUnderlyingError=<@ptr> {Error Domain=kCFErrorDomainCFNetwork Code=-1009 "(null)" UserInfo={_kCFStreamErrorCodeKey=50, _kCFStreamErrorDomainKey=1}}, NSErrorFailingURLStringKey=<@davurl>, NSErrorFailingURLKey=<@davurl>, _kCFStreamErrorDomainKey=1, _kCFStreamErrorCodeKey=50, NSLocalizedDescription=The Internet connection appears to be offline.}
w6 secd ^ :: SOSAccountThisDeviceCanSyncWithCircle sync with device failure: Error Domain=com.apple.security.sos.error Code=1035 "Account identity not set" UserInfo={NSDescription=Account identity not set}
w4 secd :: securityd_xpc_dictionary_handler <@secclient>[<@pid>] copy_matching Error Domain=NSOSStatusErrorDomain Code=-50 "query missing class name" (paramErr: error in user parameter list) UserInfo={NSDescription=query missing class name}
n3 secd :: SecErrorGetOSStatus unknown error domain: com.apple.security.sos.error for error: Error Domain=com.apple.security.sos.error Code=1035 "Account identity not set" UserInfo={NSDescription=Account identity not set}
n2 secd :: securityd_xpc_dictionary_handler <@secclient>[<@pid>] add Error Domain=NSOSStatusErrorDomain Code=-25299 "duplicate item" UserInfo={NSDescription=duplicate item}
n2 secd :: CKKS: Zone <@ckzone>: ready
w4 cloudd :: SecOSStatusWith error:[-50] Error Domain=NSOSStatusErrorDomain Code=-50 "query missing class name" (paramErr: error in user parameter list) UserInfo={NSDescription=query missing class name}
n2 cloudd :: [<@ptr>] Operation <@uuid> failed with error: Error Domain=CKErrorDomain Code=3 "Network Unavailable" UserInfo={NSDescription=Network Unavailable}
n2 CloudKeychainProxy :: [Timer] Waiting <@n> seconds before syncing
n2 akd :: -[AKAppleIDAuthenticationService _fetchAuthModeWithContext:completion:] Auth mode fetch failed: Error Domain=NSURLErrorDomain Code=-1009
n2 apsd :: <APSConnectionServer: <@ptr>>: Unable to deliver message for topic <@apstopic>: connection not ready
n2 apsd :: <APSCourier: <@ptr>>: Disconnected from courier <@courier>, reason: <@n>
n2 apsd :: Unrecognized XPC object type <@n>
w5 locationd :: Location icon should now be in state 'Inactive'
w5 locationd :: Location icon should now be in state 'Active'
n3 locationd :: NETWORK: requery, <@n>, <@n>, <@n>, <@n>, <@n>, items, fQueryRetries, <@n>, fLastRetryTimestamp, <@fl>
n2 locationd :: NETWORK: no response from server, reachability, <@n>, queryRetries, <@n>
n3 com.apple.geod :: PBRequester failed with Error Error Domain=NSURLErrorDomain Code=-1009 "The Internet connection appears to be offline." UserInfo={NSUnderlyingError=<@ptr> {Error Domain=kCFErrorDomainCFNetwork Code=-1009 "(null)" UserInfo={_kCFStreamErrorCodeKey=8, _kCFStreamErrorDomainKey=12}}, NSErrorFailingURLStringKey=<@geourl>, NSErrorFailingURLKey=<@geourl>, _kCFStreamErrorDomainKey=12, _kCFStreamErrorCodeKey=8, NSLocalizedDescription=The Internet connection appears to be offline.}
n2 com.apple.geod :: PBRequester failed with Error Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={NSUnderlyingError=<@ptr> {Error Domain=kCFErrorDomainCFNetwork Code=-1001 "(null)" UserInfo={_kCFStreamErrorCodeKey=-2102, _kCFStreamErrorDomainKey=4}}, NSErrorFailingURLStringKey=<@geourl>, NSErrorFailingURLKey=<@geourl>, _kCFStreamErrorDomainKey=4, _kCFStreamErrorCodeKey=-2102, NSLocalizedDescription=The request timed out.}
# --- window server, login, dock ---
w6 WindowServer :: device_generate_desktop_screenshot: authw <@ptr>(<@num>), shield <@ptr>(<@num>)
w6 WindowServer :: device_generate_lock_screen_screenshot: authw <@ptr>(<@num>), shield <@ptr>(<@num>)
w5 WindowServer :: CGXDisplayDidWakeNotification [<@big>]: posting kCGSDisplayDidWake
w4 WindowServer :: handle_will_sleep_auth_and_shield_windows: no lock state data
n3 WindowServer :: handle_will_sleep_auth_and_shield_windows: Ordering out authw <@ptr>(<@num>), shield <@ptr>(<@num>), lock state <@n>
n3 WindowServer :: send_datagram_available_ping: pid <@pid> failed to act on a ping it dequeued before timing out.
n3 WindowServer :: _CGXRemoveWindowFromWindowMovementGroup: window <@hxs> is not attached to window <@hxs>
n2 WindowServer :: WSGetSurfaceInWindow : Invalid surface <@num> for window <@num>
n2 WindowServer :: WSBindSurface: Invalid surface <@num> for window <@num>
n2 WindowServer :: CGXDisplayDidWakeNotification [<@big>]: requesting display configuration update
n2 WindowServer :: Display <@big> is now online
n1 WindowServer :: Display <@big> is now offline
n2 WindowServer :: CGXSetWindowBackgroundBlurRadius: Invalid window <@hxs>
n2 WindowServer :: CoreAnimation: warning, deleted thread with uncommitted CATransaction; set CA_DEBUG_TRANSACTIONS=1 in environment to log backtraces.
w4 loginwindow :: -[SFLListManager(ServiceReplyProtocol) notifyChanges:toListWithIdentifier:] Notified of item changes to list with identifier com.apple.LSSharedFileList.RecentApplications
n3 loginwindow :: -[SFLListManager(ServiceReplyProtocol) notifyChanges:toListWithIdentifier:] Notified of item changes to list with identifier com.apple.LSSharedFileList.RecentDocuments
n2 loginwindow :: -[LWScreenLock(Private) _screenIsLocked] screen lock state: <@n>
n2 loginwindow :: USER_PROCESS: <@pid> console
n1 loginwindow :: DEAD_PROCESS: <@pid> console
w5 Dock :: -[UABestAppSuggestionManager notifyBestAppChanged:type:options:bundleIdentifier:activityType:dynamicIdentifier:when:confidence:deviceName:deviceIdentifier:deviceType:] (null) UASuggestedActionType=0 (null)/(null) opts=(null) when=<@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss> +0000 confidence=<@n> from=(null)/(null) (UABestAppSuggestionManager.m #<@n>)
n2 Dock :: -[DOCKSpaces setCurrentSpace:] space <@n> is now current
n2 SystemUIServer :: -[SUIBatteryItem updateBatteryInfo] battery at <@n>%
n2 SystemUIServer :: *** WARNING: Method userSpaceScaleFactor in class NSView is deprecated on 10.7 and later. It should not be used in new applications. Use convertRectToBacking: instead.
n2 BezelUIServer :: -[BezelController showBezel:] brightness level <@fl>
n2 CoreServicesUIAgent :: unexpected message <@n>
n2 NotificationCenter :: -[NCBannerController showBanner:] presenting <@bundle>
# --- web ---
w6 com.apple.WebKit.WebContent :: [<@hh>:<@mi>:<@ss>.<@ms>] <<<< CRABS >>>> crabsFlumeHostAvailable: [<@ptr>] Byte flume reports host available again.
w4 com.apple.WebKit.WebContent :: [<@hh>:<@mi>:<@ss>.<@ms>] <<<< CRABS >>>> crabsWaitForLoad: [<@ptr>] Wait time out - -1001 (msg_id: <@n>)
n3 com.apple.WebKit.WebContent :: [<@hh>:<@mi>:<@ss>.<@ms>] FigAgglomeratorSetObjectForKey signalled err=-16020 (kFigStringConformerError_ParamErr) (NULL key) at <@srcpath> line <@num>
n3 com.apple.WebKit.WebContent :: [<@hh>:<@mi>:<@ss>.<@ms>] <<<< IQ-CA >>>> piqca_setUsePreQueue: (<@ptr>) rejecting report of layer being serviced - IQ has not yet begun to update
n2 com.apple.WebKit.WebContent :: [<@hh>:<@mi>:<@ss>.<@ms>] <<<< VMC >>>> vmc2PostDecodeError: posting DecodeError (-12909) -- PTS was <@num> = <@fl> s, DTS was invalid
n2 com.apple.WebKit.WebContent :: [<@hh>:<@mi>:<@ss>.<@ms>] <<<< Boss >>>> figPlaybackBossPrerollCompleted: unexpected preroll-complete notification
w6 com.apple.WebKit.Networking :: NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, -9802)
w5 com.apple.WebKit.Networking|Safari|SpotlightNetHelper :: CFNetwork SSLHandshake failed (-9806)
n3 com.apple.WebKit.Networking :: NSURLConnection finished with error - code -1001
n2 com.apple.WebKit.Networking :: NSURLConnection finished with error - code -1009
w4 Safari :: KeychainGetICDPStatus: keychain: -25300
n3 Safari :: KeychainGetICDPStatus: status: off
n2 Safari :: [Safari] <SafariSafeBrowsing.Update> Update failed: Error Domain=NSURLErrorDomain Code=-1009
n2 Safari :: CGSConnectionByID: <@n> is not a valid connection ID.
# --- apps ---
w22 QQ :: FA||Url||taskID[<@big>] dealloc
w6 QQ :: DB Error: 1 "no such table: tb_c2cMsg_<@big>"
n3 QQ :: button report: <@hxs>
n2 QQ :: MSF: Socket disconnect, reason: <@n>
n2 WeChat :: jemmytest
n2 WeChat :: [CReachability] network status change to <@n>
n2 WeChat :: Unbalanced calls to begin/end appearance transitions for <WCNavigationController: <@ptr>>.
n3 Google+Chrome+Helper|Google+Chrome :: objc[<@pid>]: Class FIFinderSyncExtensionHost is implemented in both <@path> (<@ptr>) and <@path> (<@ptr>). One of the two will be used. Which one is undefined.
n2 Google+Chrome :: Couldn't set selectedTextBackgroundColor from default ()
n2 Microsoft+Word|Microsoft+Excel :: Unable to load the Microsoft AutoUpdate preferences
n2 Microsoft+Word :: Error getting visible function list in SetFunctionListDirty
n2 NeteaseMusic :: [NSURLSession] Task <@n> failed with error -1009
n2 Preview :: Unable to simultaneously satisfy constraints
n1 Finder :: -[FI_TSidebarController sidebarItemsDidChange] items: <@n>
# --- google updater (with timestamps inside the message) ---
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSAgentApp setupLoggingWithLevel:] Agent settings: <KSAgentSettings:<@ptr> bundleID=com.google.Keystone.Agent lastCheck=<@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss> +0000 lastServerCheckDate=<@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss> +0000 lastCheckStart=<@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss> +0000 checkInterval=<@num> uiDisplayInterval=<@num> sleepInterval=<@num> jitterInterval=<@num> maxRunInterval=<@num> isConsoleUser=<@n> ticketStorePath=<@path> runMode=3 daysUntilFailureCheck=<@n>>
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSUpdateEngine updateAllExceptProduct:] KSUpdateEngine updating all installed products, except:'com.google.Keystone'.
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSCheckAction performAction] KSCheckAction checking <@n> ticket(s).
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSAgentApp performSelfUpdateWithEngine:] Checking for self update.
n1 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] +[KSCodeSigningVerification verifyBundle:applicationId:error:] KSCodeSigningVerification verifying code signing for '<@path>' with the requirement 'anchor apple generic and certificate 1[field.1.2.840.113635.100.6.2.6] exists and certificate leaf[field.1.2.840.113635.100.6.1.13] exists and certificate leaf[subject.OU]="<@teamid>" and (identifier="com.google.Keystone")'
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSOutOfProcessFetcher(PrivateMethods) launchedHelperTaskForToolPath:error:] KSOutOfProcessFetcher launched '<@path>' with process id: <@pid>
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSOmahaServer updateInfosForUpdateResponse:updateRequest:infoStore:upToDateTickets:updatedTickets:events:errors:] Response passed CUP validation.
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSUpdateEngine(PrivateMethods) updateFinish] KSUpdateEngine update processing complete.
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=3] -[KSServerUpdateRequest(PrivateMethods) captureError:] KSServerUpdateRequest failed with error: Error Domain=NSURLErrorDomain Code=-1009
n2 GoogleSoftwareUpdateAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> GoogleSoftwareUpdateAgent[<@pid>/<@ptr>] [lvl=2] -[KSAgentApp(KeystoneDelegate) updateEngineFinishedWithErrors:] Keystone finished: errors=<@n>
n2 ksfetch :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> ksfetch[<@pid>/<@ptr>] [lvl=2] main() ksfetch fetching URL (<NSMutableURLRequest: <@ptr>> { URL: <@kurl> }) to folder:<@path>
n2 ksfetch :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> ksfetch[<@pid>/<@ptr>] [lvl=2] KSHelperReceiveAllData() KSHelperTool read <@num> bytes from stdin.
n2 ksfetch :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> ksfetch[<@pid>/<@ptr>] [lvl=2] main() Fetcher received a request: <NSMutableURLRequest: <@ptr>> { URL: <@kurl> }
n2 ksfetch :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> ksfetch[<@pid>/<@ptr>] [lvl=2] main() ksfetch done fetching.
n1 ksfetch :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> ksfetch[<@pid>/<@ptr>] [lvl=2] main() Fetcher is exiting.
# --- wifi diagnostics ---
w5 corecaptured :: CCFile::captureLog Received Capture notice id: <@fl>, reason = <@ccreason>
n3 corecaptured :: CCFile::captureLogRun Skipping current file Dir file [<@yr>-<@monz>-<@dayz>_<@hh>,<@mi>,<@ss>.<@ms>]-AirPortBrcm4360_Logs-<@num>.txt, Current File [<@yr>-<@monz>-<@dayz>_<@hh>,<@mi>,<@ss>.<@ms>]-AirPortBrcm4360_Logs-<@num>.txt
n3 corecaptured :: CCIOReporterFormatter::addRegistryChildToChannelDictionary streams <@n>
n2 corecaptured :: CCFile::copyFile fileName is [<@yr>-<@monz>-<@dayz>_<@hh>,<@mi>,<@ss>.<@ms>]-io80211Family-<@num>.pcapng, source path:<@path>, dest path:<@path>
n2 corecaptured :: Got an XPC error: Connection invalid
n2 corecaptured :: CCDataTap::profileRemoved, Owner: com.apple.iokit.IO80211Family, Name: <@ccprof>
n2 corecaptured :: CCLogTap::profileRemoved, Owner: com.apple.iokit.IO80211Family, Name: <@ccprof>
n1 corecaptured :: CCProfileMonitor::freeResources done
# --- sharing, bluetooth, misc daemons ---
w5 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : Scanning mode Contacts Only
n3 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : BTLE scanner Powered On
n3 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : BTLE scanner Powered Off
n2 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : Starting AirDrop server for user <@uid> on wake
n2 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : Stopping AirDrop server for user <@uid>
n2 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : Purged contact hashes
n2 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : SDStatusMonitor::kStatusWirelessPowerChanged
n2 sharingd :: <@hh>:<@mi>:<@ss>.<@ms> : Failed to send SDURLSessionHandoff with error <@n>
w4 blued :: [BluetoothHIDDeviceController] EventServiceConnectedCallback
w4 blued :: [BluetoothHIDDeviceController] EventServiceDisconnectedCallback
n2 blued :: hciControllerOnline; HID devices? <@n>
n2 blued :: INIT -- Host controller is published
n1 blued :: Host controller terminated
n2 timed :: settimeofday({<@hxw>,<@hxs>}) == 0
n2 timed :: Received time <@fl>±<@fl> from "<@timesrc>"
w4 identityservicesd :: <IMMacNotificationCenterManager: <@ptr>>: notification observer: com.apple.FaceTime   notification: __CFNotification <@ptr> {name = _NSDoNotDisturbDisabledNotification}
n3 identityservicesd :: <IMMacNotificationCenterManager: <@ptr>>:    NC Disabled: NO
n3 identityservicesd :: <IMMacNotificationCenterManager: <@ptr>>:   DND Enabled: NO
n2 identityservicesd :: <IMMacNotificationCenterManager: <@ptr>>: notification observer: com.apple.iChat   notification: __CFNotification <@ptr> {name = _NSDoNotDisturbEnabledNotification}
n2 imagent :: <IMMacNotificationCenterManager: <@ptr>>: Updating enabled: YES   (Topics: ( "com.apple.private.alloy.icloudpairing", "com.apple.private.alloy.continuity.tethering" ))
w4 syslogd :: ASL Sender Statistics
e syslogd =asl_notice :: Configuration Notice: ASL Module "<@aslmod>" claims selected messages. Those messages may not appear in standard system log files or in the ASL database.
e syslogd =asl_share :: ASL Module "<@aslmod>" sharing output destination "<@asldest>" with ASL Module "<@aslmod2>". Output parameters from ASL Module "<@aslmod2>" override any specified in ASL Module "<@aslmod>".
n2 mds :: (Normal) DiskStore: Creating index for /
n2 mds :: (Error) Volume: Could not find volume for path: <@path>
n3 mdworker :: (ImportBailout.Error:<@num>) Asked to exit for Diskarb
n2 mdworker :: (Normal) Import: Spotlight scan of <@path> took <@fl> seconds
n3 iconservicesagent :: -[ISGenerateImageOp generateImageWithCompletion:] Failed to composit image for descriptor <ISBindingImageDescriptor: <@ptr>>.
n2 iconservicesagent :: -[ISIconCacheServiceClient ...] Got XPC error: Connection interrupted
n3 quicklookd :: Error returned from iconservicesagent: (null)
n2 nsurlstoraged :: ERROR: unable to determine file-system usage for FS-backed cache at <@path>. Errno=13
n2 nsurlsessiond :: __NSCFLocalDownloadFile: error 2 creating temp file: <@path>
n2 soagent :: No active accounts, killing soagent.
n2 spindump :: Saved hang report for <@app> version <@ver> (<@build>) to <@path>
n2 ReportCrash :: Saved crash report for <@app>[<@pid>] version <@ver> (<@build>) to <@path>
n2 ReportCrash :: Failed to create CSSymbolicator for <@app>[<@pid>]
n2 CalendarAgent :: [com.apple.calendar.store.log.caldav.coredav] [Refusing to parse response to PROPPATCH because of content-type: [text/html; charset=UTF-8].]
n2 CalendarAgent :: [com.apple.calendar.store.log.caldav.coredav] [Refusing to parse response to PROPFIND because of content-type: [text/html; charset=UTF-8].]
n3 CalendarAgent :: [com.apple.calendar.store.log.caldav.queue] [Account refresh failed with error: Error Domain=CoreDAVHTTPStatusErrorDomain Code=<@httpcode> "(null)" UserInfo={AccountName=<@acct>, CalDAVErrFromRefresh=YES}]
n2 AirPlayUIAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> AirPlayUIAgent[<@pid>:<@hxs>] [AirPlayAVSys] ### startSearchForPortExtensions: Error: kAPAVSysError <@neg>
n2 AirPlayUIAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> AirPlayUIAgent[<@pid>:<@hxs>] [AirPlayUIAgent] BecomingActive: NSWorkspaceWillSleepNotification
n1 AirPlayUIAgent :: <@yr>-<@monz>-<@dayz> <@hh>:<@mi>:<@ss>.<@ms> AirPlayUIAgent[<@pid>:<@hxs>] [AirPlayUIAgent] BecomingInactive: NSWorkspaceDidWakeNotification
n2 sandboxd @spid :: <@sandapp>(<@pid>) deny network-outbound <@sockpath>
n2 sandboxd @spid :: <@sandapp>(<@pid>) deny mach-lookup <@machsvc>
n2 tccd :: SecTaskLoadEntitlements failed error=22 cs_flags=<@hxs>, pid=<@pid>
n2 tccd :: Failed to copy signing info for <@pid>, responsible for <@path>: #-67062: Error Domain=NSOSStatusErrorDomain Code=-67062 "(null)"
n2 storeaccountd :: <ISStoreURLOperation: <@ptr>> Error Domain=NSURLErrorDomain Code=-1009
n2 storedownloadd :: <SSDownloadManager: <@ptr>> Could not load downloads from database
n1 photolibraryd :: [PLPhotoLibrary] <@path>: Database not open
n2 photoanalysisd :: -[PHAGraphManager _reloadGraphIfNeeded] graph not found, rebuilding
n2 assistantd :: -[ADCommandCenter _handleNetworkAvailabilityChange:] network available: <@n>
n2 routined :: -[RTLocationManager _onDidUpdateLocations:] received <@n> locations
n2 suggestd :: SGDaemon: Suggestions collected for <@n> contacts
n2 coreduetd :: [Error] -[_DKSyncPeerStatusTracker ...] no peers
n2 usbmuxd :: _SendDetachNotification Device <@hxs> has detached.
n2 AMPDeviceDiscoveryAgent :: Entered:_AMMuxedDeviceDisconnected, mux-device:<@n>
n2 mobiledeviced :: -[MDMobileDevice deviceDisconnected:] <@uuid>
n2 diagnosticd :: error evaluating process info - pid: <@pid>, puniqueid: <@pid>
n2 powerd :: PM scheduled RTC wake event: WakeImmediate inDelta=<@fl>
n2 powerd :: Process <@app>.<@pid> TimedOut UserIsActive "<@assertion>" age:<@hh>:<@mi>:<@ss> id:<@big> [System: PrevIdle DeclUser kDisp]
n1 SubmitDiagInfo :: Submitted <@n> reports
n2 iCloudHelper :: AOSKit ERROR: Setup failed for account <@acct>, error: <@n>
n2 garcon :: Invalidating watch set.
n2 com.apple.preference.displays.MirrorDisplays :: Mirror Displays Extra already loaded
n1 cfprefsd :: Couldn't open parent path due to [2: No such file or directory]. Not creating.
n2 ntpd :: sntp: time server <@timesrc> unreachable
"""

    FIXED_PIDS = {"kernel": 0, "com.apple.xpc.launchd": 1}

    def setup(self):
        r = self.r
        self.hosts = ["guestnet-10-142-%d-%d" % (r.randint(0, 255), r.randint(1, 254)) for _ in range(3)] + \
                     ["jdoes-MacBook-Air", "airnet-10-4-%d-%d" % (r.randint(0, 255), r.randint(1, 254))]
        self.host = self.hosts[0]
        self.host_until = r.randint(150, 400)
        self.pids = {}
        self.kt0 = r.uniform(300000, 600000)
        self.svcs = self.pool(lambda: self.pick([
            "com.apple.preference.displays.MirrorDisplays", "com.apple.quicklook", "com.apple.SafariCloudHistoryPushAgent",
            "com.apple.cmio.AVCAssistant", "com.apple.imdpersistence.IMDPersistenceAgent", "com.apple.photolibraryd",
            "com.apple.ReportCrash", "com.apple.bsd.dirhelper", "com.apple.AssetCacheLocatorService",
            "com.apple.nsurlsessiond_privileged", "com.apple.CommCenter-osx", "com.apple.icloud.findmydeviced.findmydevice-user-agent",
            "com.apple.mdworker.shared.%s" % hexs(r, 8).upper(), "com.apple.WebKit.WebContent.%s" % self.v_uuid(),
            "com.oldschool.helperd", "com.apple.AddressBook.ContactsAccountsService"]), 16, s=1.0)
        self.ips = self.pool(lambda: "10.142.%d.%d" % (r.randint(0, 255), r.randint(1, 254)), 6, s=0.7)

    # header
    def pid_of(self, comp):
        if comp in self.FIXED_PIDS:
            return self.FIXED_PIDS[comp]
        if comp not in self.pids:
            n = 1 if self.r.random() < 0.7 else 2
            self.pids[comp] = [self.r.randint(40, 400) if comp[0].islower() else self.r.randint(300, 39000)
                               for _ in range(n)]
        return self.pick(self.pids[comp])

    def render(self, t, ev, vals, content):
        if self._line >= self.host_until:
            self.host = self.pick(self.hosts)
            self.host_until = self._line + self.r.randint(100, 500)
        comp = self.comp_of(ev, vals)
        pid = vals.get("_pid", None)
        if pid is None:
            pid = self.pid_of(comp)
        addr = ""
        kind = ev.hdr.get("addr")
        if kind == "svc":
            addr = " (%s)" % self.svcs()
        elif kind == "svcpid":
            addr = " (%s[%d])" % (self.svcs(), self.r.randint(300, 39000))
        elif kind == "dom":
            addr = " (com.apple.xpc.launchd.domain.pid.%s.%d)" % (
                self.pick(["WebContent", "mdmclient", "quicklookd", "Preview"]), self.r.randint(300, 39000))
        elif kind == "spid":
            addr = " ([%d])" % self.r.randint(300, 39000)
        sep = ":  " if ev.hdr.get("lead") else ": "
        return "%s %2d %s %s %s[%d]%s%s%s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"), self.host, comp,
                                               pid, addr, sep, content)

    # slot values
    def v_n(self):
        return self.r.choice([0, 1, 1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 16, 20, 30, 50, 60, 100, 150, 300])

    def v_kt(self):
        return "%.6f" % (self.kt0 + (self._t - self.start).total_seconds())

    def _rtc(self):
        if getattr(self, "_rtc_for", None) != self._line:
            self._rtc_for = self._line
            self._rtc_t = self._t + timedelta(seconds=self.r.randint(600, 9000))
        return self._rtc_t

    def v_ryr(self):
        return self._rtc().year

    def v_rmon(self):
        return self._rtc().month

    def v_rday(self):
        return self._rtc().day

    def v_rhh(self):
        return "%02d" % self._rtc().hour

    def v_rmi(self):
        return "%02d" % self._rtc().minute

    def v_rss(self):
        return "%02d" % self._rtc().second

    def v_lvl(self):
        return self.pick([0, 0, 0, 1, 1, 2])

    def v_rsa(self):
        return 1

    def v_rsb(self):
        return 8

    def v_sock(self):
        return self.r.randint(3, 9)

    def v_tries(self):
        return self.r.randint(1, 3)

    def v_wr(self):
        return weighted(self.r, [("ARPT (Network)", 8), ("RTC (Alarm)", 5), ("EC.LidOpen (User)", 3),
                                 ("XHC1", 1), ("EC.SleepTimer (SleepTimer)", 2), ("OHC1", 1), ("?", 1)])

    def v_camhx(self):
        return self.pick(["0xE0000340", "0xE0000280", "0xE0000320"])

    def v_hxs(self):
        return "0x%x" % self.r.randint(0, 4095)

    def v_hxw(self):
        return "0x%08x" % self.r.getrandbits(32)

    def v_hxl(self):
        return "0x%016x" % self.r.getrandbits(64)

    def v_ptr(self):
        return "0x7f%010x" % self.r.getrandbits(40)

    def v_bit(self):
        return self.r.choice([0, 1])

    def v_retries(self):
        return self.r.choice([60000, 0, 1])

    def v_pmms(self):
        return self.r.choice([1999, 2000, 2001, 1980, 3520])

    def v_pmproc(self):
        return self.pick(["powerd", "WindowServer", "mDNSResponder", "AppleThunderboltDPInAdapter", "QQ"])

    def v_ch(self):
        return self.pick([1, 6, 11, 36, 44, 149, 157])

    def v_wif(self):
        return self.pick(["awdl0", "en0", "en0"])

    def v_ip(self):
        return self.ips()

    def v_lla(self):
        return "fe80:0000:0000:0000:%s:%s:%s:%s" % tuple(hexs(self.r, 4) for _ in range(4))

    def v_mcast(self):
        return self.pick(["224.0.0.251", "FF02:0000:0000:0000:0000:0000:0000:00FB"])

    def v_seq(self):
        return self.r.randint(100000, 4294967295)

    def v_win(self):
        return self.pick([4096, 2048, 65535, 1024])

    def v_yn(self):
        return self.pick(["Yes", "No"])

    def v_hidhx(self):
        return self.pick(["0x04", "0x02", "0x10"])

    def v_cc(self):
        return self.pick(["US", "US", "X0", "CN"])

    def v_rssi(self):
        return -self.r.randint(40, 90)

    def v_dwreason(self):
        return self.pick(["EC.SleepTimer (SleepTimer)", "RTC (Alarm)", "ARPT (Network)", "XHC1"])

    def v_sandapp(self):
        return self.pick(["com.apple.Addres", "QQ", "WeChat", "Safari", "com.apple.WebKi", "storeassetd", "nsurlsessiond"])

    def v_pid(self):
        return self.r.randint(300, 39000)

    def v_sockpath(self):
        return "/private/var/run/mDNSResponder"

    def v_machsvc(self):
        return self.pick(["com.apple.networking.captivenetworksupport", "com.apple.coreservices.launchservicesd",
                          "com.apple.nsurlstorage-cache"])

    def v_path(self):
        return "/" + "/".join(self.pick(["Users", "Library", "System", "Applications", "private", "var", "folders",
                                         "Caches", "Frameworks", "tmp", "Contents", "MacOS", "com.apple.QuickLook",
                                         "Safari.app", "QQ.app", "sleepimage", "Resources", "StagedFrameworks",
                                         "WebKit.framework", "XPCServices", "jdoe"])
                              for _ in range(self.r.randint(2, 6)))

    def v_srcpath(self):
        return "/Library/Caches/com.apple.xbs/Sources/CoreMedia/CoreMedia-%d.%d.%d/Prototypes/LegibleOutput/FigAgglomerator.c" % (
            self.r.randint(1700, 1800), self.r.randint(1, 30), self.r.randint(1, 300))

    def v_serial(self):
        return hexs(self.r, 12).upper()

    def v_epoch(self):
        return int((self._t - datetime(1970, 1, 1)).total_seconds()) + 7 * 3600

    def v_app(self):
        return self.pick(["QQ", "WeChat", "Safari", "Google Chrome", "Microsoft Word", "Mail", "Preview", "mdworker"])

    def v_fl(self):
        return "%.*f" % (self.r.choice([1, 2, 3, 6]), self.r.uniform(0, 600000))

    def v_jack(self):
        return self.pick(["Headphones inserted", "Headphones removed"])

    def v_svc(self):
        return self.svcs()

    def v_killer(self):
        return self.pick(["launchd", "killall", "WindowServer", "ReportCrash"])

    def v_build(self):
        return self.pick(["16F73", "16E195", "16F2073"])

    def v_ctsjob(self):
        return self.pick(["com.apple.EscrowSecurityAlert.daily", "com.apple.Safari.SafeBrowsing.Update",
                          "com.apple.CacheDelete.daily", "com.apple.SubmitDiagInfo", "com.apple.icloud.fmfd.heartbeat",
                          "com.apple.photoanalysisd.analysis", "com.apple.mobileassetd.update",
                          "com.apple.ak.auth.token.refresh", "com.apple.metadata.mds.index.compaction"])

    def v_netapp(self):
        return self.pick(["QQ", "QQ", "WeChat", "Safari", "Mail", "GoogleSoftwareUpdateAgent", "Dropbox"])

    def v_port(self):
        return self.pick([443, 443, 80, 8080, 14000, 5223])

    def v_pip(self):
        return self.pub_ip()

    def v_fqdn(self):
        return "%s.guestnet.campus-west.example.edu" % self.host

    def v_ssid(self):
        return self.pick(["CampusGuest", "CampusGuest", "eduroam", "jdoe-home-5G"])

    def v_davurl(self):
        return "https://%s@p%02d-contacts.icloud.com/%d/principal/" % ("*" * 7, self.r.randint(10, 70), self.r.randint(10 ** 8, 10 ** 9))

    def v_geourl(self):
        return "https://gsp%d-ssl.ls.apple.com/dispatcher.arpc" % self.r.randint(10, 99)

    def v_kurl(self):
        return "https://tools.google.com/service/update2?cup2hreq=%s&cup2key=7:%d" % (hexs(self.r, 16), self.r.randint(10 ** 8, 10 ** 9))

    def v_secclient(self):
        return self.pick(["cloudd", "Safari", "accountsd", "CalendarAgent"])

    def v_ckzone(self):
        return self.pick(["Manatee", "Engram", "AutoUnlock"])

    def v_apstopic(self):
        return self.pick(["com.apple.icloud-container.com.apple.SafariShared.WBSCloudBookmarksStore", "com.apple.madrid"])

    def v_courier(self):
        return "%d-courier.push.apple.com" % self.r.randint(1, 50)

    def v_monz(self):
        return "%02d" % self._t.month

    def v_dayz(self):
        return "%02d" % self._t.day

    def v_bundle(self):
        return self.pick(["com.apple.iCal", "com.tencent.qq", "com.apple.mail"])

    def v_teamid(self):
        return "XJ4QW8RLK2"

    def v_ccreason(self):
        return self.pick(["AuthFail:sts:5_rsn:0", "DeauthInd:sts:0_rsn:7", "AssocFail:sts:2_rsn:0"])

    def v_ccprof(self):
        return self.pick(["OneStats", "DriverLogs", "AirPortBrcm4360"])

    def v_uid(self):
        return 501

    def v_timesrc(self):
        return self.pick(["time.apple.com", "GPS", "NTP"])

    def v_aslmod(self):
        return self.pick(["com.apple.cdscheduler", "com.apple.install", "com.apple.authd", "com.apple.eventmonitor",
                          "com.apple.mail", "com.apple.performance", "com.apple.iokit.power", "com.apple.mkb",
                          "com.apple.MessageTracer", "com.apple.contacts.ContactsAutocomplete", "com.apple.authkit.osx.asl"])

    def v_asldest(self):
        return self.pick(["/var/log/powermanagement", "/var/log/Accounts", "/var/log/DiagnosticMessages"])

    def v_ver(self):
        return "%d.%d.%d" % (self.r.randint(1, 60), self.r.randint(0, 9), self.r.randint(0, 9))

    def v_httpcode(self):
        return self.pick([502, 503, 401])

    def v_acct(self):
        return self.pick(["iCloud", "jdoe@example.com"])

    def v_neg(self):
        return -self.r.randint(70000, 72000)

    def v_assertion(self):
        return self.pick(["com.apple.WebKit.WebContent: media playback", "com.apple.audio.context"])

    # episodes
    def P(self, p):
        return self.r.random() < p

    def ep_wake(self):
        it = []
        if self.P(0.6):
            it.append("w_prev")
        it += ["w_reason"]
        if self.P(0.3):
            it.append("w_hidwake")
        it += ["w_camsys", "w_camthr"]
        if self.P(0.4):
            it.append("w_camgated")
        it += ["w_pwrwake"]
        if self.P(0.5):
            it += ["w_nhi", "w_hal"]
        if self.P(0.3):
            it.append("w_ok2go")
        it += ["w_hpd"] * self.r.choice([0, 1, 2, 3])
        it += ["w_sync_en", "w_wow_dis"]
        if self.P(0.25):
            it += ["w_wake"]
        if self.P(0.5):
            it += ["w_chan"]
        if self.P(0.3):
            it += ["w_bssid", "w_bssmsg"]
        if self.P(0.15):
            it += ["w_country", "w_chans"]
        it += ["w_linkup"]
        if self.P(0.2):
            it.append("w_eapol")
        if self.P(0.5):
            it += ["w_awdl_a", "w_awdl_r"]
        if self.P(0.35):
            it += ["w_btle"]
        if self.P(0.4):
            it += ["w_btcoex"]
        it += ["w_pmresp"] * self.r.choice([0, 1, 1, 2, 3])
        if self.P(0.3):
            it += ["w_fullwake"]
        if self.P(0.2):
            it += ["w_console2"]
        for k, p in (("w_roam", 0.06), ("w_mtreinit", 0.05), ("w_btdone", 0.05), ("w_tbtpath", 0.05)):
            if self.P(p):
                it.append(k)
        return [(k, {}) for k in it]

    def ep_sleep(self):
        it = []
        if self.P(0.3):
            it.append("w_console1")
        it += ["w_pwrsleep", "w_wow_en"]
        if self.P(0.5):
            it += ["w_awdl_s", "w_awdl_q"]
        it.append(self.pick(["w_down1", "w_down1", "w_down8"]))
        if self.P(0.7):
            it += ["w_mdns4"]
        if self.P(0.4):
            it += ["w_mdns6"]
        if self.P(0.6):
            it += ["w_mdnsrec"]
        if self.P(0.5):
            it += ["w_kalocal", "w_karemote", "w_ka", "w_kaint"]
        if self.P(0.3):
            it += ["w_tcpseq"]
        if self.P(0.5):
            it += ["w_leave"]
        if self.P(0.3):
            it += ["w_pmsrc"]
        if self.P(0.4):
            it += ["w_rtc"]
        if self.P(0.2):
            it += ["w_idle"]
        if self.P(0.15):
            it += ["w_sleep"]
        for k, p in (("w_tbtw", 0.06), ("w_mtterm", 0.06), ("w_wlevent", 0.06)):
            if self.P(p):
                it.append(k)
        return [(k, {}) for k in it]

    def ep_dark(self):
        it = ["w_darkwake", "w_reason", self.pick(["w_wscan", "w_wtcp"]), "w_sync_en"]
        if self.P(0.6):
            it += ["w_tcpupd"]
        if self.P(0.4):
            it += ["w_rtc"]
        it += ["w_wow_en"]
        return [(k, {}) for k in it]

    def ep_hibernate(self):
        it = ["w_imgpath", "w_openfile", "w_kernopen", "w_sizeof", "w_halloc", "w_hsetup", "w_hpage", "w_hfound",
              "w_hpages", "w_bitmap", "w_discard", "w_hwrite", "w_efi", "w_hread", "w_hinit", "w_hteardown",
              "w_hcompact", "w_hrebuild", "w_hrebuilt", "w_fastwake", "w_fastdone", "w_slot"]
        return [(k, {}) for k in it if self.P(0.85)] or [("w_slot", {})]

    def ep_asl(self):
        mods = self.r.sample(["com.apple.cdscheduler", "com.apple.install", "com.apple.authd", "com.apple.eventmonitor",
                              "com.apple.mail", "com.apple.performance", "com.apple.iokit.power", "com.apple.mkb",
                              "com.apple.MessageTracer", "com.apple.contacts.ContactsAutocomplete"], self.r.randint(3, 9))
        items = [("asl_notice", {"aslmod": m}) for m in mods]
        items.append(("asl_share", {"aslmod": "com.apple.iokit.power", "aslmod2": "com.apple.powermanagement",
                                    "asldest": "/var/log/powermanagement"}))
        if self.P(0.5):
            items.append(("asl_share", {"aslmod": "com.apple.authkit.osx.asl", "aslmod2": "com.apple.Accounts",
                                        "asldest": "/var/log/Accounts"}))
        return items

    def episodes(self):
        return [(30, self.ep_wake), (26, self.ep_sleep), (14, self.ep_dark), (0.6, self.ep_hibernate), (1.2, self.ep_asl)]

    def fixed_more(self):
        once = ["w_roam", "w_mtreinit", "w_btdone", "w_tbtpath", "w_tbtw", "w_mtterm", "w_wlevent", "w_country",
                "w_chans", "w_console1", "w_console2", "w_eapol", "w_sleep", "w_wake", "w_idle", "w_pmsrc"]
        return [(1, self.ep_hibernate), (1, self.ep_asl)] + [(1, (lambda k=k: [(k, {})])) for k in once]


SYSTEMS = [HealthApp, Linux, Mac, OpenSSH, Proxifier, Thunderbird]

if __name__ == "__main__":
    sys.exit(main(sys.argv, SYSTEMS, lambda s, used: "%-12s %4d event types %5d lines"
                  % (s.name, len(used), sum(used.values()))))
