#!/usr/bin/env python3
"""feedd benchmarks: feedd and its peers side by side on the same corpus, in one run, as ratios.

    python3 bench/bench.py articles [--count 10000] [--runs 5] [--work DIR]

Builds nothing: run `swift build -c release` first (the script uses .build/release/feedd).
Corpora come from ../shared/bench (gen_articles.py); they are generated into the work
directory (default: /tmp/feedd-bench) and reused when present.

articles: `feedd --once` over N articles, cold (empty state and output) and warm (nothing
changed), beside `cat` of the same files and a bare `find DIR -type f`, in one run.
Reports the median wall time of each, the ratios the issue sets targets for
(cold / cat, warm / find) and the peak RSS of each feedd run (from wait4).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def run(cmd, stdout=subprocess.DEVNULL, shell=False):
    """Runs cmd; returns (seconds, peak RSS in KiB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, shell=shell)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def feedd_binary():
    path = os.path.join(ROOT, ".build", "release", "feedd")
    if not os.access(path, os.X_OK):
        sys.exit("no release build: run `swift build -c release` first")
    return path


def generate_articles(work, count):
    seeds = os.path.join(work, f"articles-{count}")
    if not os.path.isdir(seeds) or len(os.listdir(seeds)) != count:
        shutil.rmtree(seeds, ignore_errors=True)
        gen = os.path.join(SHARED, "gen_articles.py")
        if not os.path.exists(gen):
            sys.exit(f"missing {gen}: the shared bench folder must sit beside the repository")
        subprocess.run([sys.executable, gen, str(count), seeds], check=True, stdout=subprocess.DEVNULL)
    return seeds


def articles(args):
    feedd = feedd_binary()
    seeds = generate_articles(args.work, args.count)
    files = sorted(os.path.join(seeds, n) for n in os.listdir(seeds))
    size = sum(os.path.getsize(f) for f in files)
    config = os.path.join(args.work, "bench.toml")
    with open(config, "w") as f:
        f.write('[feed]\ntitle = "bench"\ntag_authority = "bench.example,2026"\n'
                'base_url = "https://bench.example/"\n')
    out = os.path.join(args.work, "out")
    state = os.path.join(args.work, "state")
    cmd = [feedd, "--once", "--config", config, "--seeds", seeds, "--output", out, "--state", state,
           "--log-level", "error"]
    # Warm the page cache so every contender reads from memory.
    run(["cat"] + files)
    times = {"cat": [], "find": [], "cold": [], "warm": []}
    rss = {"cold": [], "warm": []}
    for _ in range(args.runs):
        times["cat"].append(run(["cat"] + files)[0])
        times["find"].append(run(["find", seeds, "-type", "f"])[0])
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        t, m, code = run(cmd)
        if code != 0:
            sys.exit(f"feedd cold run failed with status {code}: {' '.join(cmd)}")
        times["cold"].append(t)
        rss["cold"].append(m)
        t, m, code = run(cmd)
        if code != 0:
            sys.exit(f"feedd warm run failed with status {code}")
        times["warm"].append(t)
        rss["warm"].append(m)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"articles: {len(files)} files, {size / 1e6:.1f} MB, {args.runs} runs, medians")
    print(f"  cat                 {med['cat'] * 1000:8.1f} ms")
    print(f"  find -type f        {med['find'] * 1000:8.1f} ms")
    print(f"  feedd --once cold   {med['cold'] * 1000:8.1f} ms   peak RSS {max(rss['cold']) / 1024:6.1f} MiB")
    print(f"  feedd --once warm   {med['warm'] * 1000:8.1f} ms   peak RSS {max(rss['warm']) / 1024:6.1f} MiB")
    print(f"  ratio cold / cat    {med['cold'] / med['cat']:8.2f}x   (target <= 5x)")
    print(f"  ratio warm / find   {med['warm'] / med['find']:8.2f}x   (target <= 3x)")
    print(f"  peak RSS            {max(rss['cold'] + rss['warm']) / 1024:8.1f} MiB (target < 64 MiB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles", help="feedd --once over generated articles, beside cat and find")
    a.add_argument("--count", type=int, default=10000)
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--work", default="/tmp/feedd-bench")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    {"articles": articles}[args.what](args)


if __name__ == "__main__":
    main()
