#!/usr/bin/env python3
"""Whole-process timings of the release binary on generated regions.

    python3 benches/process.py            # 10,000 and 100,000 actions
    python3 benches/process.py 100000     # one size

For each size: generate the region (examples/gen_dataset.rs), import it into a new
database (wall time and peak resident memory, from /usr/bin/time), then run
`jalon overdue --format json` and `jalon board` many times and report the median,
and read the interface's peak memory with the overdue list open (needs tmux).
Prints a Markdown table for the README's performance section.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "jalon")
TODAY = "2025-03-31"


def run(args, **kw):
    return subprocess.run(args, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def median_ms(args, runs):
    """Median wall time of `args`, its output thrown away (`> /dev/null`): a pipe
    into this script would add the time Python takes to read megabytes of JSON."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def peak_rss_mb(args):
    """Wall seconds and peak RSS (MB) of one run, measured by GNU time."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    kb = int(p.stderr.strip().splitlines()[-1])
    return wall, kb / 1024


def interface_rss_mb(db):
    """Peak resident memory of the interface on `db`, after the board and the
    region's overdue list are loaded (run in a private tmux, 80x24)."""
    sock = ["tmux", "-L", "jalon-bench", "-f", "/dev/null"]
    marker = db + ".pid"
    cmd = f"echo $$ > {marker}; exec {BIN} --db {db} --today {TODAY}"
    subprocess.run(sock + ["new-session", "-d", "-s", "b", "-x", "80", "-y", "24", cmd], check=True)
    try:
        for _ in range(100):
            if os.path.exists(marker) and open(marker).read().strip():
                break
            time.sleep(0.05)
        pid = open(marker).read().strip()
        time.sleep(1.0)
        subprocess.run(sock + ["send-keys", "-t", "b", "2"], check=True)
        time.sleep(1.5)
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    finally:
        subprocess.run(sock + ["kill-server"], stderr=subprocess.DEVNULL)
    return float("nan")


# The commands of the views (issue 10), timed like the others.
VIEW_COMMANDS = [
    ("people --format json", ["people", "--format", "json"]),
    ("catalogue --format json", ["catalogue", "--format", "json"]),
    ("budget --format json", ["budget", "--format", "json"]),
    # One organisation's overdue work, by code.
    ("overdue --pilot O00-0 --format json", ["overdue", "--pilot", "O00-0", "--format", "json"]),
]


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    run(["cargo", "build", "--release", "--quiet", "--example", "gen_dataset", "--bin", "jalon"], cwd=ROOT)
    gen = os.path.join(ROOT, "target", "release", "examples", "gen_dataset")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            data = os.path.join(tmp, f"region-{n}.json")
            db = os.path.join(tmp, f"region-{n}.sqlite3")
            run([gen, str(n), data])
            wall, rss = peak_rss_mb([BIN, "--db", db, "--today", TODAY, "import", data])
            common = [BIN, "--db", db, "--today", TODAY, "--lang", "en"]
            overdue = median_ms(common + ["overdue", "--format", "json"], 31)
            board = median_ms(common + ["board"], 31)
            board_json = median_ms(common + ["board", "--format", "json"], 31)
            tui_rss = interface_rss_mb(db)
            # The views' commands (issue 10): one column each.
            views = {name: median_ms(common + args, 31) for name, args in VIEW_COMMANDS}
            rows.append((n, wall, rss, overdue, board, board_json, tui_rss, views))
    print("| actions | import (s) | import peak RSS (MB) | `overdue --format json` (ms) | `board` (ms) | `board --format json` (ms) | interface peak RSS (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, wall, rss, o, b, bj, t, _ in rows:
        print(f"| {n:,} | {wall:.2f} | {rss:.0f} | {o:.1f} | {b:.1f} | {bj:.1f} | {t:.0f} |")
    print()
    print("| actions | " + " | ".join(f"`{name}` (ms)" for name, _ in VIEW_COMMANDS) + " |")
    print("|---:|" + "---:|" * len(VIEW_COMMANDS))
    for n, *rest in rows:
        views = rest[-1]
        print(f"| {n:,} | " + " | ".join(f"{views[name]:.1f}" for name, _ in VIEW_COMMANDS) + " |")


if __name__ == "__main__":
    main()
