"""Shared machinery of the labelled synthetic log corpora in the Loghub-2k layout
(tests/data/loghub-heldout/generate.py, tests/data/loghub-recall/generate.py; the format and
template regexes also serve tests/data/loghub-style/generate.py).  Python 3 standard library only.

A generator subclasses ``System`` once, setting the knobs of its corpus (``seed``,
``fixed_margin``, ``inner_gap``, ``pool_tries``, ``collapse_spaces``, ``pub_ip_reserved``), and
derives one class per log system from that, with ``define()`` (the events), ``weighted_episodes()``,
optionally ``fixed_episodes()``, and ``render()`` (the header around a Content).  ``main()`` writes
every system and settings.json.

Every event type is written once as a message text in which each variable part is a named slot
``<@name>``.  The EventTemplate is that text with every slot replaced by ``<*>``; a line's Content
is the text with every slot replaced by a generated value.  Labels therefore never depend on what
the values look like.

Output is deterministic: each system draws every random number from its own ``random.Random``
seeded by ``"<seed>/<name>"``, and the order of those draws is part of the corpus.  Do not add,
drop or reorder a draw here without regenerating and re-checking every corpus built on it.
"""

import csv
import json
import os
import random
import re
import sys
from datetime import timedelta

N_LINES = 2000
SLOT_RE = re.compile(r"<@(\w+)>")


def template_of(text, collapse_spaces=False):
    """The EventTemplate of an event text: every slot becomes ``<*>``; with collapse_spaces, runs
    of spaces also become one (as the corrected Loghub templates write them)."""
    template = SLOT_RE.sub("<*>", text)
    return re.sub(" {2,}", " ", template) if collapse_spaces else template


def format_regex(log_format):
    """Same construction as logparser's generate_logformat_regex."""
    headers = []
    parts = re.split(r"(<[^<>]+>)", log_format)
    regex = ""
    for k, part in enumerate(parts):
        if k % 2 == 0:
            regex += re.sub(" +", r"\\s+", part)
        else:
            name = part.strip("<").strip(">")
            regex += "(?P<%s>.*?)" % name
            headers.append(name)
    return headers, re.compile("^" + regex + "$")


def template_regex(template, blank_runs=False):
    """A template as an anchored regex in which ``<*>`` reads as ``.*?``; with blank_runs (a
    template whose runs of blanks were collapsed) a blank matches a run of blanks of the Content,
    since raw lines keep their double blanks ("SELinux:  Initializing.")."""
    parts = [re.escape(p) for p in template.split("<*>")]
    if blank_runs:
        parts = [p.replace(r"\ ", " ").replace(" ", " +") for p in parts]
    return re.compile("^" + ".*?".join(parts) + "$", re.S)


class Ev:
    def __init__(self, key, text, hdr, collapse_spaces=False):
        self.key = key
        self.text = text
        self.hdr = hdr
        self.template = template_of(text, collapse_spaces)
        self.slots = SLOT_RE.findall(text)


class Pool:
    """A fixed set of values drawn with a Zipf-like skew (a few values are common, most are
    rare).  gen() is called until n distinct values are found or n * tries_per_value calls were
    made."""

    def __init__(self, r, gen, n, s=1.0, tries_per_value=20):
        self.r = r
        self.vals = []
        seen = set()
        tries = 0
        while len(self.vals) < n and tries < n * tries_per_value:
            tries += 1
            v = gen()
            if v not in seen:
                seen.add(v)
                self.vals.append(v)
        acc = 0.0
        self.cw = []
        for i in range(len(self.vals)):
            acc += 1.0 / (i + 1) ** s
            self.cw.append(acc)

    def __call__(self):
        return self.r.choices(self.vals, cum_weights=self.cw)[0]


def weighted(r, pairs):
    """One value of [(value, weight), ...]."""
    return r.choices([v for v, _ in pairs], [w for _, w in pairs])[0]


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def pub_ip(r, reserved):
    """A dotted IPv4 address whose first octet is not in reserved."""
    while True:
        a = r.randint(1, 223)
        if a not in reserved:
            return "%d.%d.%d.%d" % (a, r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


class System:
    """One log system.  Subclasses define the events in define() with self.ev(), the episodes
    (lists of (event key, slot values) pairs) in weighted_episodes() and fixed_episodes(), and the
    header of a line in render(t, ev, vals, content).

    Slot values: a value in vals wins, else method v_<slot without trailing digits>() is called; a
    callable value is called with the line's timestamp.  Keys starting with ``_`` are not slots:
    ``_gap`` fixes the seconds since the previous line, ``_next(t)`` returns the time of the line
    (a wall-clock job such as cron), anything else is for render().  An event defined with
    ``trail=True`` gets one blank appended to its raw line."""

    # -- set by the system class
    name = None
    log_format = None
    start = None               # datetime of the first line (before the first gap)
    mean_gap = 2.0             # mean seconds between episodes (exponential)
    settings = {"regex": [], "st": 0.5, "depth": 4}   # Drain settings for settings.json

    # -- set once per corpus (the generator's own System base class)
    seed = None                # the random streams are seeded "<seed>/<name>"
    n_lines = N_LINES
    fixed_margin = 20          # a fixed episode without a position starts in [0, n_lines - fixed_margin)
    inner_gap = (0.0, 1.0)     # uniform seconds between the lines of one episode
    pool_tries = 20            # Pool gives up after n * pool_tries draws
    collapse_spaces = False    # templates collapse runs of spaces
    pub_ip_reserved = ()       # first octets pub_ip() never uses

    def __init__(self):
        self.r = random.Random("%s/%s" % (self.seed, self.name))
        self.events = {}
        self.pending = []
        self.total = 0
        self.define()

    # -- definition helpers -------------------------------------------------
    def ev(self, key, text, **hdr):
        if key in self.events:
            raise SystemExit("%s: event %r defined twice" % (self.name, key))
        self.events[key] = Ev(key, text, hdr, self.collapse_spaces)

    def later(self, lines_later, items):
        """Emit the episode items once about lines_later more lines were written."""
        self.pending.append([self.total + lines_later, items])

    def pool(self, gen, n, s=1.0):
        return Pool(self.r, gen, n, s, self.pool_tries)

    def pub_ip(self):
        return pub_ip(self.r, self.pub_ip_reserved)

    def default(self, slot):
        base = slot.rstrip("0123456789")
        fn = getattr(self, "v_" + base, None)
        if fn is None:
            raise KeyError("%s: no value for slot %r" % (self.name, slot))
        return fn()

    def fill(self, ev, vals, t):
        """Content of one line; a callable value is called with the line's timestamp."""
        out = {}
        for s in ev.slots:
            if s in out:
                continue
            v = vals[s] if s in vals else self.default(s)
            out[s] = str(v(t) if callable(v) else v)
        return SLOT_RE.sub(lambda m: out[m.group(1)], ev.text)

    def fixed_episodes(self):
        """[(count, fn) or (count, fn, position as a fraction of the corpus), ...]"""
        return []

    # -- corpus construction -----------------------------------------------
    def build(self):
        r = self.r
        n_lines = self.n_lines
        fixed = []
        for spec in self.fixed_episodes():
            count, fn = spec[0], spec[1]
            pos = spec[2] if len(spec) > 2 else None
            for _ in range(count):
                p = int(pos * n_lines) if pos is not None else r.randrange(0, n_lines - self.fixed_margin)
                fixed.append((p, len(fixed), fn))
        fixed.sort(key=lambda x: (x[0], x[1]))
        wfns, wws = [], []
        for w, fn in self.weighted_episodes():
            wws.append(w)
            wfns.append(fn)
        episodes = []   # [is_fixed, items]
        self.total = 0
        fi = 0
        while self.total < n_lines or fi < len(fixed):
            due = [p for p in self.pending if p[0] <= self.total]
            if due:
                for p in due:
                    self.pending.remove(p)
                    episodes.append([False, p[1]])
                    self.total += len(p[1])
                continue
            if fi < len(fixed) and fixed[fi][0] <= self.total:
                items = fixed[fi][2]()
                fi += 1
                episodes.append([True, items])
            else:
                items = r.choices(wfns, wws)[0]()
                episodes.append([False, items])
            self.total += len(items)
        # cut the surplus from the last episodes that are not fixed
        over = self.total - n_lines
        for ep in reversed(episodes):
            if over <= 0:
                break
            if ep[0]:
                continue
            cut = min(over, len(ep[1]))
            ep[1] = ep[1][:len(ep[1]) - cut]
            over -= cut
        if over != 0:
            raise SystemExit("%s: fixed episodes alone exceed %d lines" % (self.name, n_lines))
        # timestamps
        t = self.start
        lines = []
        for _, items in episodes:
            first = True
            for key, vals in items:
                if "_next" in vals:          # wall-clock jobs (cron): jump to their next run time
                    t2 = vals["_next"](t)
                    gap = (t2 - t).total_seconds()
                elif "_gap" in vals:
                    gap = vals["_gap"]
                elif first:
                    gap = r.expovariate(1.0 / self.mean_gap)
                else:
                    gap = r.uniform(*self.inner_gap)
                first = False
                t = t + timedelta(seconds=gap)
                lines.append((t, key, vals))
        if len(lines) != n_lines:
            raise SystemExit("%s: built %d lines, not %d" % (self.name, len(lines), n_lines))
        return lines

    def generate(self, out_dir):
        """Write the system's three files below out_dir; return (its settings.json entry,
        {event key: lines})."""
        headers, fre = format_regex(self.log_format)
        if headers[-1] != "Content":
            raise SystemExit("%s: log_format must end in <Content>" % self.name)
        lines = self.build()
        used = {}
        rows = []
        raw = []
        tres = {k: template_regex(ev.template, self.collapse_spaces) for k, ev in self.events.items()}
        for i, (t, key, vals) in enumerate(lines, 1):
            ev = self.events[key]
            content = self.fill(ev, vals, t)
            line = self.render(t, ev, vals, content)
            if "\n" in line or "\r" in line:
                raise SystemExit("%s line %d: line break in %r" % (self.name, i, line))
            if line != line.strip() or content != content.strip():
                raise SystemExit("%s line %d: leading or trailing blank in %r" % (self.name, i, line))
            if ev.hdr.get("trail"):
                line += " "          # some real syslog lines end in a blank
            m = fre.match(line.strip())
            if not m:
                raise SystemExit("%s line %d: log_format does not match: %r" % (self.name, i, line))
            if m.group("Content") != content:
                raise SystemExit("%s line %d: captured Content %r != generated %r"
                                 % (self.name, i, m.group("Content"), content))
            if not tres[key].match(content):
                raise SystemExit("%s line %d: Content %r does not match its template %r"
                                 % (self.name, i, content, ev.template))
            used[key] = used.get(key, 0) + 1
            rows.append((i, [m.group(h) or "" for h in headers], key))
            raw.append(line)
        missing = [k for k in self.events if k not in used]
        if missing:
            raise SystemExit("%s: events never emitted: %s" % (self.name, missing))
        templates = [ev.template for ev in self.events.values()]
        dup = set(x for x in templates if templates.count(x) > 1)
        if dup:
            raise SystemExit("%s: duplicate template text: %s" % (self.name, dup))
        ids = {}
        for k in self.events:
            ids[k] = "E%d" % (len(ids) + 1)
        sdir = os.path.join(out_dir, self.name)
        os.makedirs(sdir, exist_ok=True)
        base = os.path.join(sdir, "%s_2k.log" % self.name)
        with open(base, "w", encoding="utf-8", newline="\n") as f:
            for line in raw:
                f.write(line + "\n")
        with open(base + "_structured_corrected.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId"] + headers + ["EventId", "EventTemplate"])
            for i, fields, key in rows:
                w.writerow([i] + fields + [ids[key], self.events[key].template])
        with open(base + "_templates_corrected.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["EventId", "EventTemplate", "Occurrences"])
            for k, ev in self.events.items():
                w.writerow([ids[k], ev.template, used[k]])
        out = {"log_file": "%s/%s_2k.log" % (self.name, self.name), "log_format": self.log_format}
        out.update(self.settings)
        return out, used


def main(argv, systems, summary):
    """``generate.py OUT_DIR``: write every system class of systems and OUT_DIR/settings.json,
    printing summary(system, used) per system."""
    if len(argv) != 2:
        sys.stderr.write("usage: python3 generate.py OUT_DIR\n")
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    settings = {}
    for cls in systems:
        s = cls()
        settings[s.name], used = s.generate(out)
        print(summary(s, used))
    with open(os.path.join(out, "settings.json"), "w", encoding="utf-8") as f:
        json.dump(settings, f, indent=1)
        f.write("\n")
    return 0
