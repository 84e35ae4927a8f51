#!/usr/bin/env python3
"""feedd's built-in server beside nginx, run by `bench.py serve` (which also writes bench/RESULTS.md) or alone:

    python3 bench/serve_bench.py [--seconds 10] [--runs 3] [--connections 64] [--work DIR] [--feedd PATH]

The daemon publishes 100 entries from the generated articles and serves its output directory
([serve] listen on 127.0.0.1); nginx (its Debian package, started by this script with a config of its
own, `worker_processes auto`, sendfile, access log off) serves the same directory on another loopback
port. wrk (2 threads, N connections, keep-alive) asks each for atom.xml, plainly and with the server's
own If-None-Match (all 304), the contenders interleaved run by run; medians of requests per second and
of p99 latency. Target: feedd within 1.5x of nginx's throughput, in both cases.
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from daemon_bench import Daemon
from harness import BenchError, articles_corpus, feedd_binary, settings
from report import Report

NGINX_CONF = """worker_processes auto;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    types {{ application/atom+xml xml; }}
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
    }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response
        except OSError:
            time.sleep(0.1)
    raise BenchError(f"nothing answered at {url} within {timeout} s")


def etag(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        response.read()
        return response.headers["ETag"]


def wrk(url, seconds, connections, header=None):
    """Requests per second and p99 latency in ms, from wrk's --latency report."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"] + (["-H", header] if header else []) + [url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if not rps or not p99:
        raise BenchError(f"cannot read wrk's report for {url}:\n{out}")
    if errors or socket_errors:
        raise BenchError(f"errors from {url}: {(errors or socket_errors).group(0)}")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return float(rps.group(1)), float(p99.group(1)) * scale


def run(args, report):
    sec = report.section("serve")
    missing = [n for n in ("wrk", "nginx") if shutil.which(n) is None and not os.path.exists(f"/usr/sbin/{n}")]
    if missing:
        sec.skip("feedd / nginx throughput", "<= 1.5x", f"missing {', '.join(missing)} (install: apt-get install -y wrk nginx)")
        return
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    work = tempfile.mkdtemp(prefix="serve-", dir=args.work)
    os.chmod(work, 0o755)  # nginx's workers run as nobody
    seeds = articles_corpus(1000)
    out = os.path.join(work, "out")
    feedd_port, nginx_port = free_port(), free_port()
    config = os.path.join(work, "feedd.toml")
    with open(config, "w") as f:
        f.write(f'[feed]\ntag_authority = "bench.example,2026"\nbase_url = "http://127.0.0.1:{feedd_port}/"\n'
                f'site_url = "https://bench.example/"\nmax_entries = 100\n'
                f'[paths]\nseeds = "{seeds}"\noutput = "{out}"\nstate = "{work}/state"\n'
                f'[serve]\nlisten = "127.0.0.1:{feedd_port}"\n')
    with open(os.path.join(work, "nginx.conf"), "w") as f:
        f.write(NGINX_CONF.format(work=work, port=nginx_port, root=out))
    daemon = Daemon(args.feedd, work, config)
    server = None
    try:
        daemon.wait_ready()
        server = subprocess.Popen([nginx, "-c", os.path.join(work, "nginx.conf"), "-p", work],
                                  stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "nginx.log"), "wb"))
        urls = {"feedd": f"http://127.0.0.1:{feedd_port}/atom.xml", "nginx": f"http://127.0.0.1:{nginx_port}/atom.xml"}
        for url in urls.values():
            wait_for(url)
        size = os.path.getsize(os.path.join(out, "atom.xml"))
        tags = {name: etag(url) for name, url in urls.items()}
        results = {(name, kind): [] for name in urls for kind in ("plain", "304")}
        for _ in range(args.runs):
            for name, url in urls.items():
                results[(name, "plain")].append(wrk(url, args.seconds, args.connections))
                results[(name, "304")].append(wrk(url, args.seconds, args.connections, f"If-None-Match: {tags[name]}"))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=20)
        code = daemon.stop()

    def median(name, kind, index):
        return statistics.median(sample[index] for sample in results[(name, kind)])

    sec.say(f"serve: atom.xml ({size / 1024:.0f} KiB, 100 entries) over loopback, wrk -t2 -c{args.connections} "
            f"-d{args.seconds}s, {args.runs} runs each, interleaved, medians")
    sec.say(f"  {'server':<34}{'requests/s':>12}{'p99 ms':>9}")
    for kind, label in (("plain", "GET"), ("304", "GET If-None-Match (304)")):
        for name in urls:
            sec.say(f"  {name + ' ' + label:<34}{median(name, kind, 0):12.0f}{median(name, kind, 1):9.2f}")
    sec.say(f"  daemon exit status after SIGTERM: {code}")
    chart = sec.bar_chart("throughput", "requests/s", higher_is_better=True,
                     note=f"atom.xml ({size / 1024:.0f} KiB), wrk -c{args.connections} -d{args.seconds}s, {args.runs} runs")
    for kind, label in (("plain", "GET"), ("304", "GET If-None-Match (304)")):
        floor = median("nginx", kind, 0)
        chart.bar(f"feedd {label}", median("feedd", kind, 0), True, floor / 1.5, "≥ nginx / 1.5")
        chart.bar(f"nginx {label}", floor)
    for kind, label in (("plain", "GET"), ("304", "conditional GET (304)")):
        sec.check(f"nginx / feedd throughput, {label}", median("nginx", kind, 0) / median("feedd", kind, 0), "<=", 1.5, "x")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--work", default="/tmp/feedd-bench")
    parser.add_argument("--feedd", "--binary", dest="feedd")
    args = parser.parse_args()
    args.feedd = feedd_binary(args.feedd)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    settings.update(work=args.work)
    report = Report()
    try:
        run(args, report)
    except BenchError as error:
        report.section("serve").error(str(error))
    print(f"targets: {report.summary()}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
