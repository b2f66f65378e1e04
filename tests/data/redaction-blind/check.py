#!/usr/bin/env python3
"""Scores `log-gardener redact` on the blind corpus: how many secrets survive (leaks) and how many
look-alikes do not (lost), per kind.

usage: check.py LOG_GARDENER [--corpus DIR] [--min-recall R] [--max-lost L] [--verbose]
(DIR: a corpus directory with its generate.py; this one by default, ../redaction-blind2 the second)
Exits 1 when recall (secrets removed / secrets) is below R or the share of look-alikes lost is
above L, so CTest keeps both from sliding back.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def option(name, default):
    return float(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main():
    exe, verbose = sys.argv[1], "--verbose" in sys.argv
    min_recall, max_lost = option("--min-recall", 0.0), option("--max-lost", 1.0)
    corpus_dir = sys.argv[sys.argv.index("--corpus") + 1] if "--corpus" in sys.argv else HERE
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "blind.jsonl")
        subprocess.run([sys.executable, os.path.join(corpus_dir, "generate.py"), path], check=True,
                       stderr=subprocess.DEVNULL)
        corpus = [json.loads(line) for line in open(path, encoding="utf-8")]
    # One corpus entry is one input line: a line with a real newline would be two.
    text = "".join(c["line"].replace("\n", " ") + "\n" for c in corpus)
    run = subprocess.run([exe, "redact"], input=text, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{exe} redact failed ({run.returncode}): {run.stderr.strip()}")
    out = run.stdout.split("\n")
    leaked, lost = collections.Counter(), collections.Counter()
    secrets, keeps = collections.Counter(), collections.Counter()
    for entry, redacted in zip(corpus, out):
        kind = entry["id"].rsplit("-", 1)[0]
        for s in entry["secrets"]:
            secrets[kind] += 1
            if s in redacted:
                leaked[kind] += 1
                if verbose:
                    print(f"LEAK {entry['id']}: {s!r}\n    {redacted}")
        for k in entry["keep"]:
            keeps[kind] += 1
            if k not in redacted:
                lost[kind] += 1
                if verbose:
                    print(f"LOST {entry['id']}: {k!r}\n    {redacted}")
    n_secrets, n_keeps = sum(secrets.values()), sum(keeps.values())
    recall = 1 - sum(leaked.values()) / max(n_secrets, 1)
    lost_share = sum(lost.values()) / max(n_keeps, 1)
    print(f"secrets {n_secrets}, leaked {sum(leaked.values())} (recall {recall:.3f}); "
          f"look-alikes {n_keeps}, lost {sum(lost.values())} ({lost_share:.3f})")
    for kind in sorted(set(leaked) | set(lost)):
        print(f"  {kind}: leaked {leaked[kind]}/{secrets[kind]}, lost {lost[kind]}/{keeps[kind]}")
    if recall < min_recall or lost_share > max_lost:
        sys.exit(f"below the floor: recall {recall:.3f} (min {min_recall}), lost {lost_share:.3f} (max {max_lost})")


if __name__ == "__main__":
    main()
