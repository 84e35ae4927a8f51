#!/usr/bin/env python3
"""feedd daemon benchmarks, run by `bench.py daemon` (which also writes bench/RESULTS.md) or alone:

    python3 bench/daemon_bench.py [--drops 200] [--idle-seconds 60] [--sources 50] [--work DIR] [--feedd PATH]

1. Latency: the daemon watches an empty seeds directory (default 250 ms debounce); each of N articles
   is written under a hidden temporary name and renamed into place, and the time until the new atom.xml
   (which holds it) is in place is measured. Prints p50, p90, p99, max. Targets: p50 < 300 ms, p99 < 1 s.
2. Idle: the daemon with N sources served by bench/corpus/serve.py on 127.0.0.1, after its start-up
   polls: CPU time (utime + stime from /proc) and RSS over the idle period; the server's request counter
   shows that nothing is polled while nothing is due. Targets: CPU < 1 %, RSS < 48 MiB.
Readiness is taken from sd_notify (READY=1) on a unix datagram socket this script owns.
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from harness import BenchError, FeedServer, feedd_binary, feeds_corpus, settings
from report import Report


class Daemon:
    """The feedd daemon with its own notify socket; stopped with SIGTERM."""

    def __init__(self, feedd, work, config):
        self.sock_path = os.path.join(work, "notify.sock")
        if os.path.exists(self.sock_path):
            os.unlink(self.sock_path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.sock_path)
        self.sock.settimeout(120)
        env = dict(os.environ, NOTIFY_SOCKET=self.sock_path)
        env.pop("JOURNAL_STREAM", None)
        self.log_path = os.path.join(work, "daemon.log")
        self.log = open(self.log_path, "wb")
        level = os.environ.get("FEEDD_BENCH_LOG", "warning")
        self.proc = subprocess.Popen([feedd, "--config", config, "--log-level", level],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)

    def wait_ready(self):
        try:
            while "READY=1" not in self.sock.recv(4096).decode():
                pass
        except socket.timeout:
            raise BenchError(f"the daemon sent no READY=1 within 120 s; see {self.log_path}") from None
        # Drain later STATUS= lines as systemd does, so the daemon's queue never fills.
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        try:
            while True:
                self.sock.recv(4096)
        except OSError:
            return

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self):
        """VmRSS, VmHWM, RssAnon and RssFile in MiB."""
        values = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:", "RssAnon:", "RssFile:")):
                    key, value = line.split(":")
                    values[key] = int(value.split()[0]) / 1024
        return values

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            code = None
        self.sock.close()
        self.log.close()
        return code


ARTICLE = ("Bench article {n}\n\nKey Facts\n\nThe harbour committee met on {n} and agreed to extend the pier "
           "after a long debate with the fishermen and the town council.\n\n"
           "Source: https://bench.example/2026/01/02/article-{n}/\n")


def latency(args, sec):
    work = tempfile.mkdtemp(prefix="latency-", dir=args.work)
    seeds = os.path.join(work, "seeds")
    os.makedirs(seeds)
    config = os.path.join(work, "feedd.toml")
    with open(config, "w") as f:
        f.write('[feed]\ntag_authority = "bench.example,2026"\n[paths]\nseeds = "seeds"\noutput = "out"\n'
                'state = "state"\n')
    daemon = Daemon(args.feedd, work, config)
    atom = os.path.join(work, "out", "atom.xml")
    samples = []
    try:
        daemon.wait_ready()
        for n in range(args.drops):
            key = f"{n:016x}"
            temp = os.path.join(seeds, f".{n:04d}.tmp")
            with open(temp, "w") as f:
                f.write(ARTICLE.format(n=n))
            marker = f":{key}</id>"
            start = time.perf_counter()
            os.rename(temp, os.path.join(seeds, f"{n:04d}_{key}.txt"))
            while True:
                try:
                    with open(atom) as f:
                        if marker in f.read():
                            break
                except FileNotFoundError:
                    pass
                if time.perf_counter() > start + 10:
                    raise BenchError(f"article {n} not published within 10 s; see {work}/daemon.log")
                time.sleep(0.002)
            samples.append(time.perf_counter() - start)
            time.sleep(0.05)
    finally:
        code = daemon.stop()
    samples.sort()

    def pct(p):
        return samples[min(len(samples) - 1, int(round(p / 100 * (len(samples) - 1))))] * 1000

    sec.say(f"daemon latency: rename into the seeds directory -> new atom.xml in place, {len(samples)} drops "
            f"(debounce 250 ms included)")
    for p in (50, 90, 99):
        sec.say(f"  p{p} {pct(p):7.1f} ms")
    sec.say(f"  max {samples[-1] * 1000:7.1f} ms   exit status after SIGTERM: {code}")
    chart = sec.bar_chart("latency", "ms", note=f"rename to new atom.xml, {len(samples)} drops, 250 ms debounce included")
    for p, limit in ((50, 300), (90, None), (99, 1000)):
        chart.bar(f"p{p}", pct(p), True, limit)
    chart.bar("max", samples[-1] * 1000, True)
    sec.check("p50, rename to new atom.xml", pct(50), "<", 300, "ms")
    sec.check("p99, rename to new atom.xml", pct(99), "<", 1000, "ms")
    shutil.rmtree(work, ignore_errors=True)


def idle(args, sec):
    work = tempfile.mkdtemp(prefix="idle-", dir=args.work)
    corpus, manifest = feeds_corpus(args.sources)
    names = sorted(r for r in manifest if "/" not in r)[: args.sources]
    with FeedServer(corpus, os.path.join(work, "server.log")) as server:
        os.makedirs(os.path.join(work, "seeds"))
        config = os.path.join(work, "feedd.toml")
        with open(config, "w") as f:
            f.write('[feed]\ntag_authority = "bench.example,2026"\n[paths]\nseeds = "seeds"\noutput = "out"\n'
                    'state = "state"\n[polling]\nmax_body_size = 67108864\n')
            for name in names:
                f.write(f'[[source]]\nname = "{name[:-4]}"\nurl = "{server.url(name)}"\n')
        daemon = Daemon(args.feedd, work, config)
        try:
            daemon.wait_ready()
            time.sleep(2)
            before = server.stats()
            cpu0, t0 = daemon.cpu_seconds(), time.monotonic()
            peak = 0.0
            while time.monotonic() - t0 < args.idle_seconds:
                time.sleep(1)
                peak = max(peak, daemon.memory().get("VmRSS", 0))
            cpu1, t1 = daemon.cpu_seconds(), time.monotonic()
            memory = daemon.memory()
            after = server.stats()
        finally:
            code = daemon.stop()
    share = (cpu1 - cpu0) / (t1 - t0) * 100
    sec.say(f"daemon idle: {len(names)} sources on 127.0.0.1, {t1 - t0:.0f} s after start-up")
    sec.say(f"  CPU      {share:6.2f} %   ({(cpu1 - cpu0) * 1000:.0f} ms of CPU time)")
    sec.say(f"  RSS      {peak:6.1f} MiB peak during idle, high-water mark {memory.get('VmHWM', 0):.1f} MiB")
    sec.say(f"  of which anonymous (heap) {memory.get('RssAnon', 0):.1f} MiB, "
            f"file-backed (libraries) {memory.get('RssFile', 0):.1f} MiB")
    sec.say(f"  requests during idle: {after['requests'] - before['requests']} "
            f"({before['requests']} at start-up)   exit status after SIGTERM: {code}")
    chart = sec.bar_chart("memory", "MiB", note=f"{len(names)} sources, {t1 - t0:.0f} s idle; CPU {share:.2f} %")
    chart.bar("RSS, peak during idle", peak, True, 48)
    chart.bar("RSS high-water mark (start-up too)", memory.get("VmHWM", 0), True)
    chart.bar("anonymous (heap), at the end", memory.get("RssAnon", 0), True)
    chart.bar("file-backed (libraries), at the end", memory.get("RssFile", 0), True)
    sec.check("CPU while idle", share, "<", 1, "%")
    sec.check("RSS while idle (peak)", peak, "<", 48, "MiB")
    shutil.rmtree(work, ignore_errors=True)


def run(args, report):
    """Both measurements, each in its own section; an error in one does not stop the other."""
    for title, measure in (("daemon latency", latency), ("daemon idle", idle)):
        sec = report.section(title)
        try:
            measure(args, sec)
        except BenchError as error:
            sec.error(str(error))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drops", type=int, default=200)
    parser.add_argument("--idle-seconds", type=int, default=60)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--work", default="/tmp/feedd-bench")
    parser.add_argument("--feedd", "--binary", dest="feedd", metavar="PATH", help="default: .build/release/feedd")
    args = parser.parse_args(argv)
    args.feedd, args.work = feedd_binary(args.feedd), os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    settings["work"] = args.work
    report = Report()
    run(args, report)
    print(f"targets: {report.summary()}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
