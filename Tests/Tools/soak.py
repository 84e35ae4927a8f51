#!/usr/bin/env python3
"""Runs the feedd daemon for a long while under churn and checks that its memory and descriptors stay flat.

Usage: soak.py [--feedd PATH] [--minutes M] [--work DIR]

A loopback server on 127.0.0.1 serves 20 feeds: some change on every poll, some answer 304, some fail
(500, 404), some are slow past the timeout, one sends a gzip body. Every second a few article files are
added, edited or deleted in the seeds directory, and every 5 seconds SIGUSR1 makes the daemon poll every
source. The daemon's resident memory (VmRSS) and open descriptors are sampled every 5 seconds.

Checks at the end: the daemon is alive and answers SIGTERM with exit 0; atom.xml parses; the RSS of the
last fifth is within 10 % (or 4 MiB) of the second fifth's (the first fifth is warm-up); the descriptor
count of the last fifth is no higher than the second fifth's plus 4. Prints the samples' summary and
"N passed, N failed"; exits 1 on a failed check.
"""
import argparse
import gzip
import http.server
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def feed(name, version, items=15):
    body = "".join(
        f"<item><guid>https://{name}.example/{version}/{i}</guid><title>{name} {version}.{i}</title>"
        f"<link>https://{name}.example/{version}/{i}</link><description>&lt;p&gt;Item {i} of {version}&lt;/p&gt;</description></item>"
        for i in range(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title><link>https://{name}.example/</link>'
            f"<description>d</description>{body}</channel></rss>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    counter = 0
    lock = threading.Lock()

    def do_GET(self):
        name = self.path.strip("/").split(".")[0]
        kind = name.split("-")[0]
        with Handler.lock:
            Handler.counter += 1
            version = Handler.counter
        try:
            if kind == "changing":
                self.reply(200, feed(name, version))
            elif kind == "static":
                etag = '"v1"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                else:
                    self.reply(200, feed(name, 1), {"ETag": etag})
            elif kind == "error":
                self.reply(500 if version % 2 else 404, b"no")
            elif kind == "slow":
                time.sleep(8)  # past the 3 s timeout
                self.reply(200, feed(name, version))
            elif kind == "gzip":
                self.reply(200, gzip.compress(feed(name, version, 40)), {"Content-Encoding": "gzip"})
        except (BrokenPipeError, ConnectionResetError):
            pass

    def reply(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def sample(pid):
    with open(f"/proc/{pid}/status") as handle:
        rss = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
    return rss / 1024, len(os.listdir(f"/proc/{pid}/fd"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feedd", default=os.path.join(ROOT, ".build", "release", "feedd"))
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--work", default="/tmp/feedd-soak")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    seeds = os.path.join(args.work, "seeds")
    os.makedirs(seeds)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    names = [f"changing-{i}" for i in range(8)] + [f"static-{i}" for i in range(6)] + ["error-1", "error-2", "slow-1", "slow-2", "gzip-1", "gzip-2"]
    with open(os.path.join(args.work, "feedd.toml"), "w") as handle:
        handle.write('[feed]\ntag_authority = "soak.example,2026"\nbase_url = "https://soak.example/feeds/"\n'
                     '[paths]\nseeds = "seeds"\noutput = "public"\nstate = "state"\n'
                     '[polling]\ntimeout_seconds = 3\ninterval_minutes = 1\n[daemon]\ndebounce_ms = 100\n'
                     + "".join(f'[[source]]\nname = "{n}"\nurl = "{base}/{n}.xml"\n' for n in names))
    daemon = subprocess.Popen([args.feedd, "--config", "feedd.toml"], cwd=args.work,
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(args.work, "daemon.log"), "w"))
    # SIGUSR1 is trapped once the daemon runs: wait for its first publish before signalling it.
    ready_by = time.monotonic() + 60
    while not os.path.exists(os.path.join(args.work, "public", "atom.xml")) and time.monotonic() < ready_by:
        time.sleep(0.1)
    rng = random.Random(3)
    samples = []
    started = time.monotonic()
    deadline = started + args.minutes * 60
    next_sample = next_poll = started
    files = []
    while time.monotonic() < deadline:
        now = time.monotonic()
        # Churn: add, edit, delete article files.
        for _ in range(rng.randint(1, 4)):
            action = rng.random()
            if action < 0.5 or len(files) < 20:
                key = f"{rng.getrandbits(64):016x}"
                files.append(key)
                path = os.path.join(seeds, f"{len(files):06d}_{key}.txt")
                with open(path + ".tmp", "w") as handle:
                    handle.write(f"Soak article {key}\n\nTopline\n\n{'word ' * rng.randint(20, 200)}\n\nSource : https://soak.example/{key}\n")
                os.rename(path + ".tmp", path)
            elif action < 0.8:
                name = rng.choice(os.listdir(seeds))
                with open(os.path.join(seeds, name), "a") as handle:
                    handle.write("\nEdited.\n")
            else:
                name = rng.choice(os.listdir(seeds))
                os.remove(os.path.join(seeds, name))
        if now >= next_poll:
            daemon.send_signal(signal.SIGUSR1)
            next_poll = now + 5
        if now >= next_sample:
            if daemon.poll() is not None:
                break
            rss, fds = sample(daemon.pid)
            samples.append((now - started, rss, fds))
            next_sample = now + 5
        time.sleep(1)

    findings = []
    alive = daemon.poll() is None
    if not alive:
        findings.append(f"the daemon died with status {daemon.returncode}")
    else:
        daemon.send_signal(signal.SIGTERM)
        try:
            code = daemon.wait(timeout=60)
            if code != 0:
                findings.append(f"SIGTERM ended the daemon with status {code}")
        except subprocess.TimeoutExpired:
            daemon.kill()
            findings.append("the daemon did not stop within 60 s of SIGTERM")
    try:
        ET.parse(os.path.join(args.work, "public", "atom.xml"))
    except Exception as error:
        findings.append(f"atom.xml does not parse: {error}")
    fifth = max(1, len(samples) // 5)
    if len(samples) >= 10:
        second = [s for s in samples[fifth:2 * fifth]]
        last = samples[-fifth:]
        rss_second, rss_last = statistics.mean(s[1] for s in second), statistics.mean(s[1] for s in last)
        fds_second, fds_last = max(s[2] for s in second), max(s[2] for s in last)
        print(f"samples: {len(samples)} over {samples[-1][0] / 60:.1f} min; articles written: {len(files)}")
        print(f"RSS MiB: start {samples[0][1]:.1f}, second fifth {rss_second:.1f}, last fifth {rss_last:.1f}, "
              f"max {max(s[1] for s in samples):.1f}")
        print(f"open descriptors: start {samples[0][2]}, second fifth max {fds_second}, last fifth max {fds_last}, "
              f"max {max(s[2] for s in samples)}")
        if rss_last > max(rss_second * 1.10, rss_second + 4):
            findings.append(f"RSS grew from {rss_second:.1f} to {rss_last:.1f} MiB")
        if fds_last > fds_second + 4:
            findings.append(f"descriptors grew from {fds_second} to {fds_last}")
    else:
        findings.append(f"only {len(samples)} samples: run longer")
    server.shutdown()
    for finding in findings:
        print("FAIL", finding)
    print(f"{0 if findings else 1} passed, {len(findings)} failed")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
