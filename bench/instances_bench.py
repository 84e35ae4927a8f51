#!/usr/bin/env python3
"""Several feedd instances on one PostgreSQL store, run by `bench.py instances` or alone:

    python3 bench/instances_bench.py [--sources 5000] [--latency-ms 200] [--instances 1,2,3] [--work DIR] [--feedd PATH]

A throwaway PostgreSQL cluster (initdb into the work folder, pg_ctl on 127.0.0.1 and a free port; as root
it runs as the `postgres` user) and N small feeds served by bench/corpus/serve.py with --latency-ms per
answer. For each instance count k: a new database, k configurations that differ only in their state and
output folders (same sources, `seeds = ""`, feedd's default polling settings), and k `feedd --once`
started together. Due sources are claimed a batch at a time, so the k processes split them; the pass
ends when the last one exits. Reported per k: wall time, polls per second (N / wall), the scaling over one
instance, the 200s the server answered (must be N: no source twice, none missed) and the rows stored.
Target: three instances poll at least 1.8x as many sources per second as one.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import time

from harness import BenchError, FeedServer, feedd_binary, feeds_corpus, settings
from report import Report
from scale_bench import warm_server, write_config

SCALING_TARGET = 1.8


class Cluster:
    """initdb + pg_ctl on 127.0.0.1, stopped and deleted on exit."""

    def __init__(self, work):
        versions = sorted((int(v) for v in os.listdir("/usr/lib/postgresql") if v.isdigit()), reverse=True) \
            if os.path.isdir("/usr/lib/postgresql") else []
        bins = [f"/usr/lib/postgresql/{v}/bin" for v in versions if os.path.exists(f"/usr/lib/postgresql/{v}/bin/initdb")]
        if not bins:
            raise BenchError("no PostgreSQL server (apt-get install postgresql)")
        self.bin, self.dir = bins[0], os.path.join(work, "pg")
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]

    def tool(self, name, *args, check=True):
        return subprocess.run(self.prefix + [f"{self.bin}/{name}", *args], capture_output=True, text=True, check=check,
                              stdin=subprocess.DEVNULL)

    def __enter__(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        if self.prefix:
            shutil.chown(self.dir, "postgres")
        self.tool("initdb", "-D", f"{self.dir}/data", "-U", "feedd", "-A", "trust", "-E", "UTF8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.dir} "
                   "-c max_connections=100")
        self.tool("pg_ctl", "-D", f"{self.dir}/data", "-o", options, "-l", f"{self.dir}/server.log", "-w", "start")
        return self

    def __exit__(self, *_):
        self.tool("pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def sql(self, database, statement):
        out = self.tool("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "feedd", "-d", database, "-qAt",
                        "-v", "ON_ERROR_STOP=1", "-c", statement)
        return out.stdout.strip()

    def url(self, database):
        return f"postgresql://feedd@127.0.0.1:{self.port}/{database}?sslmode=disable"


def one_round(args, cluster, server, rels, k, base):
    database = f"bench_{k}"
    cluster.sql("postgres", f"DROP DATABASE IF EXISTS {database}")
    cluster.sql("postgres", f"CREATE DATABASE {database}")
    configs = []
    for i in range(k):
        folder = os.path.join(base, f"k{k}-{i}")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        lines = ['[feed]', 'title = "bench instances"', 'tag_authority = "bench.example,2026"',
                 'base_url = "https://bench.example/"', '', '[paths]', 'seeds = ""',
                 f'output = "{folder}/out"', f'state = "{folder}/state"', '', '[store]', f'url = "{cluster.url(database)}"']
        for rel in rels:
            lines += ['[[source]]', f'name = "{rel[:-4]}"', f'url = "{server.url(rel)}"']
        path = os.path.join(folder, "feedd.toml")
        write_config(path, lines)
        configs.append(path)
    before = server.stats()
    start = time.perf_counter()
    procs = [subprocess.Popen([args.feedd, "--once", "--config", c, "--log-level", "error"],
                              stdout=subprocess.DEVNULL, stderr=open(c + ".err", "w")) for c in configs]
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - start
    after = server.stats()
    if any(codes):
        raise BenchError(f"{k} instances: exit codes {codes} (see {base}/k{k}-*/feedd.toml.err)")
    answered = after["200"] - before["200"]
    stored = int(cluster.sql(database, "SELECT COUNT(*) FROM source WHERE last_success IS NOT NULL"))
    return wall, answered, stored


def run(args, report):
    sec = report.section("instances")
    try:
        counts = [int(x) for x in str(args.instance_counts).split(",")]
        n = args.instance_sources
        base = os.path.join(args.work, "instances")
        os.makedirs(base, exist_ok=True)
        corpus, manifest = feeds_corpus(n, small=True)
        rels = list(manifest)[:n]
        with Cluster(args.work) as cluster, \
                FeedServer(corpus, os.path.join(base, "server.log"), "--latency-ms", str(args.instance_latency_ms)) as server:
            sec.say(f"instances: {', '.join(map(str, counts))} x `feedd --once` at once on one PostgreSQL store "
                    f"(throwaway cluster on 127.0.0.1), {n:,} small feeds from serve.py with "
                    f"{args.instance_latency_ms:g} ms latency, feedd's default polling settings per instance")
            sec.say(f"  the server's gzip cache filled first ({warm_server(server, rels):.1f} s)")
            rates = {}
            for k in counts:
                wall, answered, stored = one_round(args, cluster, server, rels, k, base)
                rates[k] = n / wall
                scale = rates[k] / rates[counts[0]]
                sec.say(f"  {k} instance{'s' if k > 1 else ''}: {wall:7.1f} s wall, {rates[k]:6.1f} polls/s, "
                        f"{scale:4.2f}x one instance; {answered:,} answers for {n:,} sources, {stored:,} stored")
                sec.check(f"{k} instance(s): every source answered once", answered, "==", n)
                sec.check(f"{k} instance(s): every source stored", stored, "==", n)
            if 3 in rates and counts[0] == 1:
                sec.check("polls per second, three instances over one", rates[3] / rates[1], ">=", SCALING_TARGET, "x")
        shutil.rmtree(base, ignore_errors=True)
    except (BenchError, subprocess.CalledProcessError) as error:
        sec.error(str(error))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", dest="instance_sources", type=int, default=5000)
    parser.add_argument("--latency-ms", dest="instance_latency_ms", type=float, default=200)
    parser.add_argument("--instances", dest="instance_counts", default="1,2,3")
    parser.add_argument("--work", default="/tmp/feedd-bench")
    parser.add_argument("--feedd", "--binary", dest="feedd")
    args = parser.parse_args()
    args.feedd, args.work = feedd_binary(args.feedd), os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    settings["work"] = args.work
    report = Report()
    run(args, report)
    print(f"targets: {report.summary()}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
