#!/usr/bin/env python3
"""feedd at growing sizes, run by `bench.py scale` (which also writes bench/RESULTS.md) or alone:

    python3 bench/scale_bench.py [--articles 10000,40000,100000] [--sources 100,1000,5000] [--latency-ms 50]
                                 [--idle-seconds 60] [--runs 1] [--quick] [--work DIR] [--feedd PATH]

1. Articles: `feedd --once` over N article files, cold (empty state and output) and warm (nothing
   changed). The corpus is generated once at the largest size; each smaller size is a folder of hard
   links to its first N files (article i is the same whatever N is).
2. Sources: `feedd --once --all` over N small feeds (feeds.py --small: 10-20 entries each) served by
   bench/corpus/serve.py on 127.0.0.1 with --latency-ms per answer, cold (all 200) and warm (all 304),
   with feedd's default polling concurrency (printed; every source is on one host).
3. Idle: the daemon with the largest source list and a fresh state, once its start-up polls are done
   (every source answered, then its CPU time quiet): CPU time and RSS from /proc over the idle period.

Per size and pass: wall time, CPU (user + sys), peak RSS (GNU time), the store on disk (feedd.sqlite and
its -wal) and the cost per item (CPU ms and wall ms per article or source). --runs passes per size
(medians); a pass shorter than a second is repeated until it has 5, so the small sizes' costs are not
one noisy sample. Targets: CPU per item at the largest size <= 1.3x that at the smallest (articles cold
and warm, sources cold and warm); peak RSS < 96 MiB at every size; idle with the most sources: RSS < 64
MiB, CPU < 1 %.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from daemon_bench import Daemon
from harness import BenchError, FeedServer, articles_corpus, fail, feedd_binary, feeds_corpus, settings
from harness import run as run_command
from report import Report

SHORT, SHORT_RUNS = 1.0, 5  # a pass under SHORT seconds is repeated until it has SHORT_RUNS samples
COST_LIMIT, RSS_LIMIT, IDLE_RSS_LIMIT, IDLE_CPU_LIMIT = 1.3, 96, 64, 1
FULL = {"articles": "10000,40000,100000", "sources": "100,1000,5000", "idle_seconds": 60}
QUICK = {"articles": "1000,4000", "sources": "20,100", "idle_seconds": 5}


def sizes(text):
    """'10000,40000' -> [10000, 40000], sorted, each > 0."""
    try:
        values = sorted({int(v) for v in str(text).split(",") if v.strip()})
    except ValueError:
        raise BenchError(f"not a comma list of sizes: {text!r}") from None
    if not values or values[0] <= 0:
        raise BenchError(f"no sizes, or a size <= 0: {text!r}")
    return values


def store_bytes(state):
    """The store on disk: feedd.sqlite and feedd.sqlite-wal."""
    return sum(os.path.getsize(os.path.join(state, n)) for n in ("feedd.sqlite", "feedd.sqlite-wal")
               if os.path.exists(os.path.join(state, n)))


def write_config(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


class Pass:
    """One kind of pass (cold or warm) at one size: its samples and the store size after it."""

    def __init__(self):
        self.wall, self.cpu, self.rss, self.store = [], [], [], 0

    def add(self, wall, cpu, rss_kib, store):
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.rss.append(rss_kib)
        self.store = store

    def wants_more(self, runs):
        n = len(self.wall)
        return n < max(runs, 1) or (n < SHORT_RUNS and statistics.median(self.wall) < SHORT)


def measure(runs, one_pass, clear):
    """Cold and warm passes at one size: `runs` of each, more while a kind's passes are short.
    one_pass(kind) runs feedd once and returns (wall, cpu, rss KiB, store bytes); clear() empties state
    and output."""
    passes = {"cold": Pass(), "warm": Pass()}
    while any(p.wants_more(runs) for p in passes.values()):
        for kind, p in passes.items():
            if not p.wants_more(runs):
                continue
            if kind == "cold":
                clear()
            p.add(*one_pass(kind))
    return passes


def startup_cpu(feedd):
    """CPU seconds of `feedd --version` (median of 5): the process start-up every pass pays."""
    return statistics.median(run_command([feedd, "--version"])[3] for _ in range(5))


def report_sizes(sec, what, results, unit, startup):
    """The table, the line chart (CPU per item relative to the smallest size) and the targets; `startup`,
    the CPU seconds of the process start-up, gives the costs net of it (printed, not a target)."""
    sec.say(f"  {what:>8} {'pass':<5}{'wall s':>9}{'CPU s':>8}{'peak RSS MiB':>14}{'store MB':>10}"
            f"{'CPU ms/' + unit:>15}{'wall ms/' + unit:>16}{'net CPU ms/' + unit:>19}{'runs':>6}")
    cost, net = {"cold": {}, "warm": {}}, {"cold": {}, "warm": {}}
    for n, passes in results.items():
        for kind, p in passes.items():
            wall, cpu = statistics.median(p.wall), statistics.median(p.cpu)
            cost[kind][n], net[kind][n] = cpu * 1000 / n, max(cpu - startup, 0) * 1000 / n
            sec.say(f"  {n:>8} {kind:<5}{wall:9.2f}{cpu:8.3f}{max(p.rss) / 1024:14.1f}{p.store / 1e6:10.1f}"
                    f"{cost[kind][n]:15.4f}{wall * 1000 / n:16.4f}{net[kind][n]:19.4f}{len(p.wall):6}")
    low, high = min(results), max(results)
    chart = sec.line_chart(what, f"CPU per {unit}, relative to {low:,} {what}", "x",
                           note="; ".join(f"{k} {cost[k][low]:.4g} ms per {unit} at {low:,}" for k in cost))
    for kind, label in (("cold", "cold (empty state)"), ("warm", "warm (nothing changed)")):
        chart.line(label, [(n, c / max(cost[kind][low], 1e-9)) for n, c in cost[kind].items()], feedd=False)
    sec.say(f"  net: CPU less the process start-up ({startup * 1000:.1f} ms, feedd --version); largest / smallest, net: "
            + ", ".join(f"{k} {net[k][high] / net[k][low]:.2f}x" if net[k][low] else f"{k} -" for k in net))
    for kind in cost:
        label = f"CPU per {unit}, {kind}, {high:,} / {low:,} {what}"
        if high == low:
            sec.skip(label, f"<= {COST_LIMIT}x", "one size only")
        else:
            sec.check(label, cost[kind][high] / max(cost[kind][low], 1e-9), "<=", COST_LIMIT, "x")
    peak = max((max(p.rss), n, kind) for n, passes in results.items() for kind, p in passes.items())
    sec.check(f"peak RSS of a pass, every size (largest: {peak[1]:,} {peak[2]})", peak[0] / 1024, "<", RSS_LIMIT, "MiB")


def run_pass(cmd, what, state, log):
    """One feedd pass; returns (wall, cpu, rss KiB, store bytes after it)."""
    with open(log, "ab") as err:
        wall, rss, code, cpu = run_command(cmd, stderr=err)
    if code != 0:
        fail(f"{what} ({' '.join(cmd)}; stderr in {log})", code)
    return wall, cpu, rss, store_bytes(state)


# ------------------------------------------------------------------ articles

def linked_subset(full, count):
    """A seeds folder of the first `count` articles of `full` as hard links, reused while `full` is unchanged."""
    if count == len(os.listdir(full)):
        return full
    subset = f"{full}-first-{count}"
    with open(full + ".stamp") as f:
        stamp = f.read()
    if os.path.isdir(subset) and os.path.exists(subset + ".stamp"):
        with open(subset + ".stamp") as f:
            if f.read() == stamp:
                return subset
    shutil.rmtree(subset, ignore_errors=True)
    os.makedirs(subset)
    for name in sorted(os.listdir(full), key=lambda n: int(n.split("_", 1)[0]))[:count]:
        os.link(os.path.join(full, name), os.path.join(subset, name))
    with open(subset + ".stamp", "w") as f:
        f.write(stamp)
    return subset


def articles(args, sec):
    counts = sizes(args.scale_articles)
    full = articles_corpus(counts[-1])
    base = os.path.join(args.work, "scale-articles")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    config, out, state = os.path.join(base, "feedd.toml"), os.path.join(base, "out"), os.path.join(base, "state")
    write_config(config, ['[feed]', 'title = "bench scale"', 'tag_authority = "bench.example,2026"',
                          'base_url = "https://bench.example/"'])
    total = 0
    for name in os.listdir(full):  # the page cache, so every pass reads from memory
        with open(os.path.join(full, name), "rb") as f:
            total += len(f.read())
    sec.say(f"scale articles: feedd --once over {', '.join(f'{n:,}' for n in counts)} articles (the largest "
            f"{total / 1e6:.0f} MB), cold and warm; {args.scale_runs} run(s) per size, passes under {SHORT:g} s "
            f"repeated to {SHORT_RUNS}; medians")

    def clear():
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)

    results = {}
    for n in counts:
        seeds = linked_subset(full, n)
        cmd = [args.feedd, "--once", "--config", config, "--seeds", seeds, "--output", out, "--state", state,
               "--log-level", "error"]
        log = os.path.join(base, "feedd.err")
        results[n] = measure(args.scale_runs, lambda kind: run_pass(cmd, f"feedd --once {kind}", state, log), clear)
    report_sizes(sec, "articles", results, "article", startup_cpu(args.feedd))
    shutil.rmtree(base, ignore_errors=True)


# ------------------------------------------------------------------ sources

def sources_config(path, base, server, rels):
    """feedd's config for the sources: no [polling] keys, so the defaults users get."""
    lines = ['[feed]', 'title = "bench scale"', 'tag_authority = "bench.example,2026"',
             'base_url = "https://bench.example/"', '', '[paths]', f'seeds = "{base}/seeds"',
             f'output = "{base}/out"', f'state = "{base}/state"']
    for rel in rels:
        lines += ['[[source]]', f'name = "{rel[:-4]}"', f'url = "{server.url(rel)}"']
    write_config(path, lines)
    return {"seeds": f"{base}/seeds", "out": f"{base}/out", "state": f"{base}/state"}


def concurrency(feedd, config):
    """max_concurrent and max_per_host as `feedd check` resolves them."""
    proc = subprocess.run([feedd, "check", "--config", config], capture_output=True, text=True, timeout=120)
    found = {}
    for line in proc.stdout.splitlines():
        key, _, value = line.partition(" = ")
        if key in ("max_concurrent", "max_per_host"):
            found[key] = value.strip()
    return found.get("max_concurrent", "?"), found.get("max_per_host", "?")


def warm_server(server, rels, threads=32):
    """Asks for every feed once (gzip), many at once: fills the server's gzip cache; returns the seconds."""
    start = time.perf_counter()

    def get(rel):
        request = urllib.request.Request(server.url(rel), headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            answer.read()

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(get, rels))
    return time.perf_counter() - start


def sources(args, sec, server, rels):
    counts = sizes(args.scale_sources)
    base = os.path.join(args.work, "scale-sources")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    log = os.path.join(base, "feedd.err")
    results, unexpected = {}, []
    for n in counts:
        config = os.path.join(base, f"feedd-{n}.toml")
        dirs = sources_config(config, base, server, rels[:n])
        if n == counts[0]:
            most, per_host = concurrency(args.feedd, config)
            sec.say(f"  polling concurrency (feedd's defaults, from `feedd check`): max_concurrent {most}, "
                    f"max_per_host {per_host}; every source is on 127.0.0.1, so at most {per_host} in flight "
                    f"and the wall time is about {args.latency_ms:g} ms x N / {per_host}")
        cmd = [args.feedd, "--once", "--all", "--config", config, "--log-level", "error"]

        def one_pass(kind):
            before = server.stats()
            wall, cpu, rss, store = run_pass(cmd, f"feedd --once --all {kind}", dirs["state"], log)
            after = server.stats()
            got = (after["200"] - before["200"], after["304"] - before["304"])
            if got != ((n, 0) if kind == "cold" else (0, n)):
                unexpected.append(f"{n} {kind}: {got[0]} 200s, {got[1]} 304s")
            return wall, cpu, rss, store

        def clear():
            for d in dirs.values():
                shutil.rmtree(d, ignore_errors=True)
            os.makedirs(dirs["seeds"])

        results[n] = measure(args.scale_runs, one_pass, clear)
    report_sizes(sec, "sources", results, "source", startup_cpu(args.feedd))
    for line in unexpected:
        sec.say(f"  UNEXPECTED answers: {line}")
    sec.check("passes answered as expected (cold all 200, warm all 304)", len(unexpected), "==", 0)
    shutil.rmtree(base, ignore_errors=True)


# ------------------------------------------------------------------ idle

def idle(args, sec, server, rels):
    n = sizes(args.scale_sources)[-1]
    base = os.path.join(args.work, "scale-idle")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    config = os.path.join(base, "feedd.toml")
    os.makedirs(sources_config(config, base, server, rels[:n])["seeds"])
    start_requests = server.stats()["requests"]
    daemon = Daemon(args.feedd, base, config)
    started = time.monotonic()
    try:
        daemon.wait_ready()  # READY=1 follows the first scan and publish; the start-up polls come after it
        ready = time.monotonic() - started
        limit = started + 300 + n * args.latency_ms / 1000  # far more than 2 in flight need
        answered = 0
        while answered < n:  # every source polled once
            if daemon.proc.poll() is not None or time.monotonic() > limit:
                raise BenchError(f"the daemon polled {answered} of {n} sources in {time.monotonic() - started:.0f} s"
                                 f" (exit status {daemon.proc.poll()}); see {daemon.log_path}")
            time.sleep(1)
            answered = server.stats()["requests"] - start_requests
        polled = time.monotonic() - started
        cpu = daemon.cpu_seconds()
        while True:  # then publishing done: less than 1 % of a CPU over 2 s
            time.sleep(2)
            now = daemon.cpu_seconds()
            spent, cpu = now - cpu, now
            if spent < 0.02 or time.monotonic() > limit:
                break
        startup, startup_cpu, startup_hwm = time.monotonic() - started, cpu, daemon.memory().get("VmHWM", 0)
        before = server.stats()["requests"]
        cpu0, t0, peak = daemon.cpu_seconds(), time.monotonic(), 0.0
        while time.monotonic() - t0 < args.idle_seconds:
            time.sleep(1)
            peak = max(peak, daemon.memory().get("VmRSS", 0))
        cpu1, t1 = daemon.cpu_seconds(), time.monotonic()
        memory, during = daemon.memory(), server.stats()["requests"] - before
    finally:
        code = daemon.stop()
    share = (cpu1 - cpu0) / (t1 - t0) * 100
    sec.say(f"scale idle: the daemon with {n:,} sources on 127.0.0.1 ({args.latency_ms:g} ms latency), fresh state")
    sec.say(f"  start-up: every source polled after {polled:.0f} s, READY=1 after {ready:.0f} s (feedd.service's "
            f"TimeoutStartSec is 5 min), quiet after {startup:.0f} s ({startup_cpu:.1f} s of CPU); RSS high-water "
            f"mark {startup_hwm:.1f} MiB")
    sec.say(f"  idle {t1 - t0:.0f} s: CPU {share:.2f} % ({(cpu1 - cpu0) * 1000:.0f} ms), RSS {peak:.1f} MiB peak "
            f"(anonymous {memory.get('RssAnon', 0):.1f}, file-backed {memory.get('RssFile', 0):.1f}); "
            f"requests while idle: {during}; exit status after SIGTERM: {code}")
    chart = sec.bar_chart("memory", "MiB", note=f"{n:,} sources, {t1 - t0:.0f} s idle; CPU {share:.2f} %")
    chart.bar("RSS, peak during idle", peak, True, IDLE_RSS_LIMIT)
    chart.bar("RSS high-water mark (start-up polls)", memory.get("VmHWM", 0), True)
    chart.bar("anonymous (heap), at the end", memory.get("RssAnon", 0), True)
    chart.bar("file-backed (libraries), at the end", memory.get("RssFile", 0), True)
    sec.check(f"CPU while idle, {n:,} sources", share, "<", IDLE_CPU_LIMIT, "%")
    sec.check(f"RSS while idle (peak), {n:,} sources", peak, "<", IDLE_RSS_LIMIT, "MiB")
    shutil.rmtree(base, ignore_errors=True)


def run(args, report):
    """The three sections; an error in one does not stop the others."""
    sec = report.section("scale articles")
    try:
        articles(args, sec)
    except BenchError as error:
        sec.error(str(error))
    sec, idle_sec = report.section("scale sources"), None
    try:
        counts = sizes(args.scale_sources)
        corpus, manifest = feeds_corpus(counts[-1], small=True)
        rels = list(manifest)  # feed 0 first: each size is the first N
        size = sum(manifest[r][1] for r in rels[:counts[-1]])
        with FeedServer(corpus, os.path.join(args.work, "scale-server.log"), "--latency-ms", str(args.latency_ms)) as server:
            sec.say(f"scale sources: feedd --once --all over {', '.join(f'{n:,}' for n in counts)} small feeds "
                    f"(the largest {size / 1e6:.0f} MB, {sum(manifest[r][2] for r in rels):,} entries) from serve.py, "
                    f"{args.latency_ms:g} ms latency; {args.scale_runs} run(s) per size; medians")
            sec.say(f"  the server's gzip cache filled first ({warm_server(server, rels):.1f} s, 32 at once)")
            try:
                sources(args, sec, server, rels)
            except BenchError as error:
                sec.error(str(error))
            idle_sec = report.section("scale idle")
            idle(args, idle_sec, server, rels)
    except BenchError as error:
        (idle_sec or sec).error(str(error))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", dest="scale_articles")
    parser.add_argument("--sources", dest="scale_sources")
    parser.add_argument("--latency-ms", type=float, default=50)
    parser.add_argument("--idle-seconds", type=int)
    parser.add_argument("--runs", dest="scale_runs", type=int, default=1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--work", default="/tmp/feedd-bench")
    parser.add_argument("--feedd", "--binary", dest="feedd")
    args = parser.parse_args()
    sizes_from = QUICK if args.quick else FULL
    args.scale_articles = args.scale_articles or sizes_from["articles"]
    args.scale_sources = args.scale_sources or sizes_from["sources"]
    args.idle_seconds = args.idle_seconds or sizes_from["idle_seconds"]
    args.feedd, args.work = feedd_binary(args.feedd), os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    settings["work"] = args.work
    report = Report()
    run(args, report)
    print(f"targets: {report.summary()}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
