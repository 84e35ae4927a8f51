#!/usr/bin/env python3
"""feedd daemon benchmarks (issue: the daemon), run from bench.py or alone:

    python3 bench/daemon_bench.py [--drops 200] [--idle-seconds 60] [--sources 50] [--work DIR]

1. Latency: the release daemon watches an empty seeds directory (default 250 ms debounce); each of N
   articles is written under a hidden temporary name and renamed into place, and the time until the new
   atom.xml (which holds it) is in place is measured. Prints p50, p90, p99, max.
2. Idle: the daemon with N sources served by ../shared/bench/serve_feeds.py on 127.0.0.1, after its
   start-up polls: CPU time (utime + stime from /proc) and RSS over the idle period; the server's request
   counter shows that nothing is polled while nothing is due.
Readiness is taken from sd_notify (READY=1) on a unix datagram socket this script owns.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def feedd_binary():
    path = os.path.join(ROOT, ".build", "release", "feedd")
    if not os.access(path, os.X_OK):
        sys.exit("no release build: run `swift build -c release` first")
    return path


class Daemon:
    """The release feedd daemon with its own notify socket; stopped with SIGTERM."""

    def __init__(self, work, config):
        self.sock_path = os.path.join(work, "notify.sock")
        if os.path.exists(self.sock_path):
            os.unlink(self.sock_path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.sock_path)
        self.sock.settimeout(120)
        env = dict(os.environ, NOTIFY_SOCKET=self.sock_path)
        env.pop("JOURNAL_STREAM", None)
        self.log = open(os.path.join(work, "daemon.log"), "wb")
        self.proc = subprocess.Popen([feedd_binary(), "--config", config, "--log-level", os.environ.get("FEEDD_BENCH_LOG", "warning")],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)

    def wait_ready(self):
        while True:
            message = self.sock.recv(4096).decode()
            if "READY=1" in message:
                break
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
            code = None
        self.sock.close()
        self.log.close()
        return code


ARTICLE = ("Bench article {n}\n\nKey Facts\n\nThe harbour committee met on {n} and agreed to extend the pier "
           "after a long debate with the fishermen and the town council.\n\n"
           "Source: https://bench.example/2026/01/02/article-{n}/\n")


def latency(args):
    work = tempfile.mkdtemp(prefix="latency-", dir=args.work)
    seeds = os.path.join(work, "seeds")
    os.makedirs(seeds)
    config = os.path.join(work, "feedd.toml")
    with open(config, "w") as f:
        f.write('[feed]\ntag_authority = "bench.example,2026"\n[paths]\nseeds = "seeds"\noutput = "out"\n'
                'state = "state"\n')
    daemon = Daemon(work, config)
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
            deadline = start + 10
            while True:
                try:
                    with open(atom) as f:
                        if marker in f.read():
                            break
                except FileNotFoundError:
                    pass
                if time.perf_counter() > deadline:
                    sys.exit(f"article {n} not published within 10 s; see {work}/daemon.log")
                time.sleep(0.002)
            samples.append(time.perf_counter() - start)
            time.sleep(0.05)
    finally:
        code = daemon.stop()
    samples.sort()

    def pct(p):
        return samples[min(len(samples) - 1, int(round(p / 100 * (len(samples) - 1))))] * 1000

    print(f"daemon latency: rename into the seeds directory -> new atom.xml in place, {len(samples)} drops "
          f"(debounce 250 ms included)")
    print(f"  p50 {pct(50):7.1f} ms   (target < 300 ms)")
    print(f"  p90 {pct(90):7.1f} ms")
    print(f"  p99 {pct(99):7.1f} ms   (target < 1000 ms)")
    print(f"  max {samples[-1] * 1000:7.1f} ms   exit status after SIGTERM: {code}")
    shutil.rmtree(work, ignore_errors=True)


def idle(args):
    work = tempfile.mkdtemp(prefix="idle-", dir=args.work)
    feeds = os.path.join(args.work, f"feeds-{args.sources}")
    if not os.path.isdir(feeds):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen_feeds.py"), str(args.sources), feeds],
                       check=True, stdout=subprocess.DEVNULL)
    names = sorted(n for n in os.listdir(feeds) if os.path.isfile(os.path.join(feeds, n)) and not n.endswith(".tsv"))
    server = subprocess.Popen([sys.executable, os.path.join(SHARED, "serve_feeds.py"), feeds, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])
        os.makedirs(os.path.join(work, "seeds"))
        config = os.path.join(work, "feedd.toml")
        with open(config, "w") as f:
            f.write('[feed]\ntag_authority = "bench.example,2026"\n[paths]\nseeds = "seeds"\noutput = "out"\n'
                    'state = "state"\n[polling]\nmax_body_size = 67108864\n')
            for name in names[: args.sources]:
                f.write(f'[[source]]\nname = "{name}"\nurl = "http://127.0.0.1:{port}/{name}"\n')
        daemon = Daemon(work, config)
        try:
            daemon.wait_ready()
            time.sleep(2)
            stats = lambda: json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/_stats", timeout=5))
            before_requests = stats()
            cpu0, t0 = daemon.cpu_seconds(), time.monotonic()
            peak = 0.0
            while time.monotonic() - t0 < args.idle_seconds:
                time.sleep(1)
                peak = max(peak, daemon.memory().get("VmRSS", 0))
            cpu1, t1 = daemon.cpu_seconds(), time.monotonic()
            memory = daemon.memory()
            after_requests = stats()
        finally:
            code = daemon.stop()
    finally:
        server.terminate()
        server.wait(timeout=10)
    share = (cpu1 - cpu0) / (t1 - t0) * 100
    print(f"daemon idle: {min(args.sources, len(names))} sources on loopback, {t1 - t0:.0f} s after start-up")
    print(f"  CPU      {share:6.2f} %   ({(cpu1 - cpu0) * 1000:.0f} ms of CPU time; target < 1 %)")
    print(f"  RSS      {peak:6.1f} MiB now-peak during idle, high-water mark {memory.get('VmHWM', 0):.1f} MiB "
          f"(target < 48 MiB)")
    print(f"  of which anonymous (heap) {memory.get('RssAnon', 0):.1f} MiB, file-backed (libraries) {memory.get('RssFile', 0):.1f} MiB")
    print(f"  requests during idle: {json.dumps(after_requests.get('requests', after_requests))} vs "
          f"{json.dumps(before_requests.get('requests', before_requests))} before   exit status: {code}")
    shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drops", type=int, default=200)
    parser.add_argument("--idle-seconds", type=int, default=60)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--work", default="/tmp/feedd-bench")
    args = parser.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    latency(args)
    idle(args)


if __name__ == "__main__":
    main()
