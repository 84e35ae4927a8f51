#!/usr/bin/env python3
"""feedd benchmarks: feedd and its peers side by side on the same corpus, in one run, as ratios.

    python3 bench/bench.py articles [--count 10000] [--runs 5] [--work DIR]
    python3 bench/bench.py parse    [--feeds 50] [--large 1] [--runs 3] [--work DIR]
    python3 bench/bench.py poll     [--feeds 50] [--runs 3] [--work DIR]
    python3 bench/bench.py daemon   [--drops 200] [--idle-seconds 60] [--sources 50] [--work DIR]
    python3 bench/bench.py all      [--runs 3] [--work DIR]
    (every command also takes --feedd PATH and --timeout SECONDS, per subprocess, default 900)

Builds nothing: run `swift build -c release` first (the script uses .build/release/feedd).
Corpora come from ../shared/bench (gen_articles.py, gen_feeds.py, serve_feeds.py); they are
generated into the work directory (default: /tmp/feedd-bench) and reused when present.
Every contender runs once per round, the rounds interleaved; times are medians (wall clock), peak
RSS is the largest seen (GNU time's %M, i.e. wait4's ru_maxrss of the command and of every child a
shell loop runs; `apt-get install -y time` when /usr/bin/time is missing).

articles: `feedd --once` over N articles, cold (empty state and output) and warm (nothing
changed), beside `cat` of the same files, a bare `find DIR -type f` (the target's floor: it reads
directory entries only) and `find DIR -type f -printf '%s %T@ %p\\n'` (one stat per file, what any
check by size and mtime costs at least).

parse: the N generated feeds (and, separately, the large/ set) parsed by `xmllint --sax --noout`
in one process (the floor), `sfeed` (it reads one feed on stdin: one `sh` loop running one sfeed
per file, beside the same loop running /bin/true to show the spawn cost), Python feedparser (one
process, timed inside, import excluded) and `feedd inspect --quiet FILE...` (one process; when the
build lacks --quiet, one `feedd inspect --json FILE` per file in the same kind of sh loop).
Checks feedd's entry count against manifest.tsv and reports feedd's peak RSS on the biggest file.

poll: the N feeds served by serve_feeds.py on loopback (gzip, ETags); feedd `--once --all` cold
(empty state) and warm (every feed answers 304); sfeed_update (conditional GET with curl ETags)
+ sfeed_atom, cold and warm; the floors: `curl --parallel --parallel-max 8` of every URL +
`xmllint --sax --noout` of the bodies (cold), and every URL asked again with If-None-Match (304,
warm). The server's /_stats confirms what each run was answered. Every client gets the gzip
bodies (feedd asks for gzip, so curl runs with --compressed) and at most 8 requests in flight
(feedd's max_per_host is raised to 8 in the benchmark configuration; sfeed's maxjobs is 8).

Peers missing from the machine are skipped with the command that installs them.
"""
import argparse
import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
TIMEOUT = 900  # seconds, per subprocess; --timeout overrides
SETTLE = 0.3  # seconds of quiet before each measured run of the parse benchmark
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None  # for peak RSS, see run()
RSS_DIR = "/tmp"  # set to the work directory in main()
PEERS = {
    "xmllint": "apt-get install -y libxml2-utils",
    "sfeed": "apt-get install -y sfeed",
    "sfeed_update": "apt-get install -y sfeed",
    "sfeed_atom": "apt-get install -y sfeed",
    "curl": "apt-get install -y curl",
}


# ------------------------------------------------------------------ running things

def run(cmd, stdout=subprocess.DEVNULL, shell=False, stderr=subprocess.DEVNULL, cwd=None):
    """Runs cmd with the timeout; returns (wall seconds, peak RSS in KiB, exit status or None on timeout,
    CPU seconds (user + system) of the command and its children).

    A child exec'd straight from Python inherits Python's own RSS high-water mark (Linux keeps it
    across exec), so the peak RSS comes from GNU time, whose child forks from a small process;
    without /usr/bin/time it falls back to wait4 and the figure is at least Python's RSS.
    """
    rss_file = None
    if GNU_TIME:
        rss_file = os.path.join(RSS_DIR, f"rss-{os.getpid()}-{threading.get_ident()}")
        cmd = [GNU_TIME, "-f", "%M %U %S", "-o", rss_file] + (["sh", "-c", cmd] if shell else list(cmd))
        shell = False
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, shell=shell, start_new_session=True, cwd=cwd)
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(TIMEOUT, kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:  # Ctrl-C: the child runs in its own session, so stop it here
        kill()
        os.waitpid(proc.pid, 0)
        raise
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    if rss_file:
        with open(rss_file) as f:
            last = f.read().splitlines()  # "Command exited with non-zero status N" comes first when it did
        fields = last[-1].split() if last else []
        if len(fields) == 3:
            peak, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    return elapsed, peak, None if timed_out.is_set() else proc.returncode, cpu


def run_to_file(cmd, path, shell=False, cwd=None):
    """Runs cmd with stdout into path; returns run()'s values and the output text."""
    with open(path, "wb") as out:
        result = run(cmd, stdout=out, shell=shell, cwd=cwd)
    with open(path, encoding="utf-8", errors="replace") as f:
        return result + (f.read(),)


def missing_peers(*names):
    """Names of the peer programs not on PATH, each with how to install it."""
    return [f"{n} (install: {PEERS[n]})" for n in names if shutil.which(n) is None]


def has_feedparser():
    return subprocess.run([sys.executable, "-c", "import feedparser"], stderr=subprocess.DEVNULL).returncode == 0


FEEDD = None  # --feedd overrides the default binary


def feedd_binary():
    path = FEEDD or os.path.join(ROOT, ".build", "release", "feedd")
    if not os.access(path, os.X_OK):
        sys.exit(f"no feedd at {path}: run `swift build -c release` first (or give --feedd PATH)")
    return path


def feedd_inspect_mode(feedd):
    """'quiet' when `feedd inspect --quiet FILE...` exists, 'json' for `inspect --json FILE` only, else None."""
    proc = subprocess.run([feedd, "inspect", "--help"], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return None
    text = proc.stdout + proc.stderr
    return "quiet" if "--quiet" in text else "json" if "--json" in text else None


def mib(kib):
    return kib / 1024


class Samples:
    """The times, peak RSS and counts one contender gave over the rounds."""

    def __init__(self, name):
        self.name, self.times, self.rss, self.cpu, self.counts = name, [], [], [], []

    def add(self, seconds, rss_kib, cpu, count=None):
        self.times.append(seconds)
        self.rss.append(rss_kib)
        self.cpu.append(cpu)
        if count is not None:
            self.counts.append(count)

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def median_cpu(self):
        return statistics.median(self.cpu)


def fail(what, code):
    reason = "timed out" if code is None else f"exited with status {code}"
    sys.exit(f"{what} {reason}")


# ------------------------------------------------------------------ corpora

def generate_articles(work, count):
    seeds = os.path.join(work, f"articles-{count}")
    if not os.path.isdir(seeds) or len(os.listdir(seeds)) != count:
        shutil.rmtree(seeds, ignore_errors=True)
        gen = shared_script("gen_articles.py")
        subprocess.run([sys.executable, gen, str(count), seeds], check=True, stdout=subprocess.DEVNULL)
    return seeds


def generate_feeds(work, count, large):
    """The gen_feeds.py corpus (no wild/ set); returns (dir, manifest rows {relative path: (format, bytes, entries)})."""
    corpus = os.path.join(work, f"feeds-{count}-large-{large}")
    manifest = os.path.join(corpus, "manifest.tsv")
    if not os.path.exists(manifest):
        shutil.rmtree(corpus, ignore_errors=True)
        gen = shared_script("gen_feeds.py")
        subprocess.run([sys.executable, gen, str(count), corpus, "--large", str(large), "--wild", "0"],
                       check=True, stdout=subprocess.DEVNULL)
    rows = {}
    with open(manifest) as f:
        next(f)
        for line in f:
            rel, fmt, size, entries = line.rstrip("\n").split("\t")[:4]
            rows[rel] = (fmt, int(size), int(entries))
    return corpus, rows


def shared_script(name):
    path = os.path.join(SHARED, name)
    if not os.path.exists(path):
        sys.exit(f"missing {path}: the shared bench folder must sit beside the repository")
    return path


# ------------------------------------------------------------------ articles

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
    times = {"cat": [], "find": [], "find+stat": [], "cold": [], "warm": []}
    rss = {"cold": [], "warm": []}
    for _ in range(args.runs):
        times["cat"].append(run(["cat"] + files)[0])
        times["find"].append(run(["find", seeds, "-type", "f"])[0])
        # The least any size-and-mtime check costs: find with one stat per file (-printf %s %T@ needs it).
        times["find+stat"].append(run(["find", seeds, "-type", "f", "-printf", "%s %T@ %p\n"])[0])
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        t, m, code, _ = run(cmd)
        if code != 0:
            fail(f"feedd cold run ({' '.join(cmd)})", code)
        times["cold"].append(t)
        rss["cold"].append(m)
        t, m, code, _ = run(cmd)
        if code != 0:
            fail("feedd warm run", code)
        times["warm"].append(t)
        rss["warm"].append(m)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"articles: {len(files)} files, {size / 1e6:.1f} MB, {args.runs} runs, medians")
    print(f"  cat                 {med['cat'] * 1000:8.1f} ms")
    print(f"  find -type f        {med['find'] * 1000:8.1f} ms")
    print(f"  find -printf %s %T@ {med['find+stat'] * 1000:8.1f} ms   (a stat per file: {med['find+stat'] / med['find']:.2f}x find)")
    print(f"  feedd --once cold   {med['cold'] * 1000:8.1f} ms   peak RSS {max(rss['cold']) / 1024:6.1f} MiB")
    print(f"  feedd --once warm   {med['warm'] * 1000:8.1f} ms   peak RSS {max(rss['warm']) / 1024:6.1f} MiB")
    print(f"  ratio cold / cat    {med['cold'] / med['cat']:8.2f}x   (target <= 5x)")
    print(f"  ratio warm / find   {med['warm'] / med['find']:8.2f}x   (target <= 3x; {med['warm'] / med['find+stat']:.2f}x find with a stat per file)")
    print(f"  peak RSS            {max(rss['cold'] + rss['warm']) / 1024:8.1f} MiB (target < 64 MiB)")


# ------------------------------------------------------------------ parse

def feedd_parse_command(feedd, mode, paths):
    """The feedd command that parses every path, and its label."""
    if mode == "quiet":
        return [feedd, "inspect", "--quiet"] + paths, "feedd inspect --quiet (1 process)"
    loop = 'b=$1; shift; for f; do "$b" inspect --json "$f"; done'
    return ["sh", "-c", loop, "sh", feedd] + paths, "feedd inspect --json (one process per file)"


def feedd_entries(mode, output):
    """Total entries in feedd's output: the 3rd column of --quiet lines, or the entries of each --json object."""
    total = 0
    if mode == "quiet":
        for line in output.splitlines():
            cols = line.split("\t")
            if len(cols) >= 3 and cols[2].strip().isdigit():
                total += int(cols[2])
        return total
    decoder, pos = json.JSONDecoder(), 0
    while True:
        while pos < len(output) and output[pos].isspace():
            pos += 1
        if pos >= len(output):
            return total
        obj, pos = decoder.raw_decode(output, pos)
        total += len(obj.get("entries", []))


def parse_round(contenders, paths, feedd, mode, scratch, rotation=0):
    """One round: every contender once over paths, starting `rotation` places into the list.

    The order turns by one each round and every run starts after a short pause: the run that follows
    Python feedparser (seconds of allocation) measured up to 25 % slower, whoever it was."""
    keys = list(contenders)
    keys = keys[rotation % len(keys):] + keys[:rotation % len(keys)]
    for key in keys:
        sample = contenders[key]
        time.sleep(SETTLE)
        if key == "xmllint":
            t, rss, code, cpu = run(["xmllint", "--sax", "--noout"] + paths)
            if code != 0:
                fail("xmllint --sax", code)
            sample.add(t, rss, cpu)
        elif key in ("sfeed", "spawn"):
            prog = "sfeed" if key == "sfeed" else "/bin/true"
            t, rss, code, cpu = run(["sh", "-c", f'for f; do {prog} < "$f" || exit 1; done', "sh"] + paths)
            if code != 0:
                fail(f"the {prog} loop", code)
            sample.add(t, rss, cpu)
        elif key == "feedparser":
            _, rss, code, cpu, out = run_to_file([sys.executable, os.path.join(HERE, "feedparser_parse.py")] + paths,
                                            os.path.join(scratch, "feedparser.out"))
            if code != 0:
                fail("feedparser", code)
            inside, entries, _ = out.split("\t")
            sample.add(float(inside), rss, cpu, int(entries))
        elif key == "feedd":
            cmd, _ = feedd_parse_command(feedd, mode, paths)
            # In the scratch folder: `inspect` reads ./config/feedd.toml when there is one.
            t, rss, code, cpu, out = run_to_file(cmd, os.path.join(scratch, "feedd.out"), cwd=scratch)
            if code not in (0, 65):  # 65: an input could not be parsed (the entry count shows it)
                fail("feedd inspect", code)
            sample.add(t, rss, cpu, feedd_entries(mode, out))


def parse_set(title, paths, manifest_entries, size, args, feedd, mode, scratch):
    """Measures one set of files and prints its table."""
    contenders = {}
    if shutil.which("xmllint"):
        contenders["xmllint"] = Samples("xmllint --sax --noout (1 process)")
    if shutil.which("sfeed"):
        contenders["sfeed"] = Samples(f"sfeed < file (sh loop, {len(paths)} processes)")
        contenders["spawn"] = Samples("  /bin/true < file (same loop: spawn cost)")
    if has_feedparser():
        contenders["feedparser"] = Samples("feedparser (1 process, timed inside)")
    if mode:
        contenders["feedd"] = Samples(feedd_parse_command(feedd, mode, paths)[1])
    run(["cat"] + paths)  # page cache
    for round_index in range(args.runs):
        parse_round(contenders, paths, feedd, mode, scratch, rotation=round_index)
    floor = contenders.get("xmllint")
    print(f"{title}: {len(paths)} files, {size / 1e6:.1f} MB, {manifest_entries} entries (manifest); "
          f"{args.runs} runs, medians")
    print(f"  {'contender':<44}{'time ms':>9}{'CPU ms':>9}{'MB/s':>8}{'x xmllint':>11}{'peak RSS MiB':>14}{'entries':>9}")
    for key, s in contenders.items():
        t = s.median
        ratio = f"{t / floor.median:10.2f}x" if floor else f"{'-':>11}"
        entries = f"{s.counts[-1]:>9}" if s.counts else f"{'-':>9}"
        print(f"  {s.name:<44}{t * 1000:9.1f}{s.median_cpu * 1000:9.0f}{size / 1e6 / t:8.1f}{ratio}"
              f"{mib(max(s.rss)):14.1f}{entries}")
    if "sfeed" in contenders:
        net = contenders["sfeed"].median - contenders["spawn"].median
        ratio = f"{net / floor.median:10.2f}x" if floor else f"{'-':>11}"
        print(f"  {'sfeed net of spawn cost (difference)':<44}{net * 1000:9.1f}{'':9}{size / 1e6 / max(net, 1e-9):8.1f}{ratio}")
    if "feedd" in contenders and floor:
        per_file = "" if mode == "quiet" else ", which is for one process; this build runs one per file"
        print(f"  ratio feedd / xmllint {contenders['feedd'].median / floor.median:.2f}x (target <= 1.3x{per_file})")
    if "feedd" in contenders:
        got = contenders["feedd"].counts
        ok = all(c == manifest_entries for c in got)
        print(f"  entries: feedd {got[-1]} vs manifest {manifest_entries} "
              f"({'ok' if ok else 'MISMATCH in ' + str(sum(c != manifest_entries for c in got)) + ' run(s)'})")
    return contenders


def parse(args):
    feedd = feedd_binary()
    mode = feedd_inspect_mode(feedd)
    corpus, manifest = generate_feeds(args.work, args.feeds, args.large)
    scratch = os.path.join(args.work, "parse")
    os.makedirs(scratch, exist_ok=True)
    for line in missing_peers("xmllint", "sfeed"):
        print(f"skipped: {line}")
    if not has_feedparser():
        print("skipped: Python feedparser (install: pip install feedparser)")
    if mode is None:
        print("skipped: feedd (this build has no `feedd inspect`)")
    elif mode == "json":
        print("note: this build has no `feedd inspect --quiet FILE...`: feedd runs one process per file")
    sets = [("parse", sorted(r for r in manifest if "/" not in r)),
            ("parse large/", sorted(r for r in manifest if r.startswith("large/")))]
    for title, rels in sets:
        if not rels:
            continue
        paths = [os.path.join(corpus, r) for r in rels]
        size = sum(manifest[r][1] for r in rels)
        parse_set(title, paths, sum(manifest[r][2] for r in rels), size, args, feedd, mode, scratch)
        if title.startswith("parse large") and mode:
            biggest = max(rels, key=lambda r: manifest[r][1])
            cmd, _ = feedd_parse_command(feedd, mode, [os.path.join(corpus, biggest)])
            peaks = []
            for _ in range(args.runs):
                _, rss, code, _ = run(cmd, cwd=scratch)
                if code not in (0, 65):
                    fail("feedd inspect on the biggest file", code)
                peaks.append(rss)
            print(f"  feedd peak RSS on {biggest} ({manifest[biggest][1] / 1e6:.1f} MB): "
                  f"{mib(max(peaks)):.1f} MiB (target < 32 MiB)")


# ------------------------------------------------------------------ poll

class FeedServer:
    """serve_feeds.py on a free loopback port, stopped on exit."""

    def __init__(self, directory, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, shared_script("serve_feeds.py"), directory, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=self.log, start_new_session=True)
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        line = self.proc.stdout.readline().decode() if ready else ""
        if not line.startswith("PORT "):
            self.stop()
            sys.exit(f"serve_feeds.py did not print its port (got {line!r}); see {log_path}")
        self.port = int(line.split()[1])

    def url(self, rel):
        return f"http://127.0.0.1:{self.port}/{rel}"

    def stats(self):
        with urllib.request.urlopen(self.url("_stats"), timeout=30) as r:
            return json.load(r)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc.stdout.close()
        self.log.close()


def write_curl_config(path, server, rels, bodies=None, headers=None, etags=None):
    """A curl -K file: one transfer per feed (`next` between them), at most 8 at once, gzip."""
    lines = ["parallel", "parallel-max = 8"]
    for i, rel in enumerate(rels):
        if i:
            lines.append("next")
        lines += ["silent", "compressed", f'url = "{server.url(rel)}"',
                  f'output = "{os.path.join(bodies, rel) if bodies else "/dev/null"}"']
        if headers:
            lines.append(f'dump-header = "{os.path.join(headers, rel)}"')
        if etags:
            quoted = etags[rel].replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'header = "If-None-Match: {quoted}"')
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def read_etags(headers, rels):
    etags = {}
    for rel in rels:
        with open(os.path.join(headers, rel), encoding="latin-1") as f:
            for line in f:
                name, _, value = line.partition(":")
                if name.strip().lower() == "etag":
                    etags[rel] = value.strip()
        if rel not in etags:
            sys.exit(f"no ETag in the answer for {rel}")
    return etags


def write_feedd_config(path, seeds, out, state, server, rels):
    lines = ['[feed]', 'title = "bench poll"', 'tag_authority = "bench.example,2026"',
             'base_url = "https://bench.example/"', '', '[paths]', f'seeds = "{seeds}"', f'output = "{out}"',
             f'state = "{state}"', '', '[polling]', 'max_concurrent = 8', 'max_per_host = 8']
    for rel in rels:
        lines += ['', '[[source]]', f'name = "{rel[:-4]}"', f'url = "{server.url(rel)}"']
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def write_sfeedrc(path, sfeed_dir, server, rels):
    """sfeed_update's config: conditional GET via curl ETags (and -z once the feed file has data)."""
    feeds = "\n".join(f'\tfeed "{rel[:-4]}" "{server.url(rel)}"' for rel in rels)
    with open(path, "w") as f:
        f.write(f'''sfeedpath="{sfeed_dir}/feeds"
maxjobs=8
# fetch(name, url, feedfile): a conditional GET, the ETag kept per feed.
fetch() {{
\tetag="{sfeed_dir}/etags/$(printf '%s' "$1" | tr '/' '_')"
\tif [ -s "$3" ]; then
\t\tcurl -s -f -m 60 --compressed -H "User-Agent:" --etag-compare "$etag" --etag-save "$etag" -z "$3" "$2" 2>/dev/null
\telse
\t\tcurl -s -f -m 60 --compressed -H "User-Agent:" --etag-save "$etag" "$2" 2>/dev/null
\tfi
}}
feeds() {{
{feeds}
}}
''')


def poll(args):
    feedd = feedd_binary()
    missing = missing_peers("curl", "xmllint", "sfeed_update", "sfeed_atom")
    for line in missing:
        print(f"skipped: {line}")
    if any(m.startswith(("curl", "xmllint")) for m in missing):
        sys.exit("poll needs curl and xmllint for its floors")
    with_sfeed = not any(m.startswith("sfeed") for m in missing)
    corpus, manifest = generate_feeds(args.work, args.feeds, 0)
    rels = sorted(r for r in manifest if "/" not in r)
    size = sum(manifest[r][1] for r in rels)
    n = len(rels)
    base = os.path.join(args.work, "poll")
    shutil.rmtree(base, ignore_errors=True)
    dirs = {k: os.path.join(base, k) for k in ("seeds", "out", "state", "bodies", "headers", "sfeed", "sfeed-out")}
    dirs["sfeed-etags"] = os.path.join(dirs["sfeed"], "etags")
    for d in dirs.values():
        os.makedirs(d)
    server = FeedServer(corpus, os.path.join(base, "server.log"))
    try:
        # First pass, untimed: fills the server's gzip cache and gives the floor's ETags.
        cold_cfg, warm_cfg = os.path.join(base, "cold.curl"), os.path.join(base, "warm.curl")
        write_curl_config(cold_cfg, server, rels, bodies=dirs["bodies"], headers=dirs["headers"])
        if run(["curl", "-K", cold_cfg])[2] != 0:
            sys.exit("curl could not fetch the feeds from serve_feeds.py")
        etags = read_etags(dirs["headers"], rels)
        write_curl_config(cold_cfg, server, rels, bodies=dirs["bodies"])
        write_curl_config(warm_cfg, server, rels, etags=etags)
        config = os.path.join(base, "feedd.toml")
        write_feedd_config(config, dirs["seeds"], dirs["out"], dirs["state"], server, rels)
        sfeedrc = os.path.join(base, "sfeedrc")
        write_sfeedrc(sfeedrc, dirs["sfeed"], server, rels)
        bodies = " ".join(f'"{os.path.join(dirs["bodies"], r)}"' for r in rels)
        feedd_cmd = [feedd, "--once", "--all", "--config", config, "--log-level", "error"]
        sfeed_cmd = (f'sfeed_update "{sfeedrc}" >/dev/null && '
                     f'sfeed_atom "{dirs["sfeed"]}"/feeds/* > "{dirs["sfeed-out"]}/atom.xml"')
        # key: (samples, command, through sh?, folders emptied before the run: a cold start)
        rows = {
            "cold floor": (Samples("curl --parallel 8 + xmllint --sax (cold floor)"),
                           f'curl -K "{cold_cfg}" && xmllint --sax --noout {bodies}', True, ()),
            "feedd cold": (Samples("feedd --once --all, cold (empty state)"), feedd_cmd, False,
                           (dirs["state"], dirs["out"])),
            "feedd warm": (Samples("feedd --once --all, warm (all 304)"), feedd_cmd, False, ()),
            "feedd start": (Samples("  feedd --version (process start-up alone)"), [feedd, "--version"], False, ()),
        }
        if with_sfeed:
            rows["sfeed cold"] = (Samples("sfeed_update + sfeed_atom, cold"), sfeed_cmd, True,
                                  (os.path.join(dirs["sfeed"], "feeds"), dirs["sfeed-etags"],
                                   dirs["sfeed-out"]))
            rows["sfeed warm"] = (Samples("sfeed_update + sfeed_atom, warm"), sfeed_cmd, True, ())
        rows["warm floor"] = (Samples("curl --parallel 8, If-None-Match (304 floor)"),
                              ["curl", "-K", warm_cfg], False, ())
        answered = {k: [] for k in rows}
        for _ in range(args.runs):
            for key, (sample, cmd, shell, emptied) in rows.items():
                for d in emptied:
                    shutil.rmtree(d, ignore_errors=True)
                    os.makedirs(d)
                before = server.stats()
                with open(os.path.join(base, f"{key.replace(' ', '-')}.err"), "ab") as err:
                    t, rss, code, cpu = run(cmd, shell=shell, stderr=err)
                if code != 0:
                    fail(f"{key} ({cmd if shell else ' '.join(cmd)}; stderr in {base})", code)
                after = server.stats()
                sample.add(t, rss, cpu)
                answered[key].append((after["200"] - before["200"], after["304"] - before["304"]))
    finally:
        server.stop()
    print(f"poll: {n} feeds, {size / 1e6:.1f} MB, served by serve_feeds.py on loopback (gzip), "
          f"{args.runs} runs, medians")
    print(f"  {'contender':<46}{'time ms':>9}{'CPU ms':>9}{'200s':>6}{'304s':>6}{'peak RSS MiB':>14}")
    for key, (s, _, _, _) in rows.items():
        ok200, ok304 = answered[key][-1]
        expected = (0, 0) if key == "feedd start" else (0, n) if "warm" in key else (n, 0)
        flag = "" if all(a == expected for a in answered[key]) else f"   UNEXPECTED answers: {answered[key]}"
        print(f"  {s.name:<46}{s.median * 1000:9.1f}{s.median_cpu * 1000:9.0f}{ok200:6}{ok304:6}"
              f"{mib(max(s.rss)):14.1f}{flag}")
    cold, warm = rows["cold floor"][0].median, rows["warm floor"][0].median
    print(f"  ratio feedd cold / cold floor {rows['feedd cold'][0].median / cold:6.2f}x (target <= 2x)")
    print(f"  ratio feedd warm / 304 floor  {rows['feedd warm'][0].median / warm:6.2f}x (target <= 5x)")
    if with_sfeed:
        print(f"  ratio sfeed cold / cold floor {rows['sfeed cold'][0].median / cold:6.2f}x")
        print(f"  ratio sfeed warm / 304 floor  {rows['sfeed warm'][0].median / warm:6.2f}x")


# ------------------------------------------------------------------ main

def daemon(args):
    """The daemon's latency and idle cost (bench/daemon_bench.py)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import daemon_bench
    daemon_bench.main(["--drops", str(args.drops), "--idle-seconds", str(args.idle_seconds),
                       "--sources", str(args.sources), "--work", args.work])


def run_all(args):
    args.count, args.feeds, args.large = 10000, 50, 3
    args.drops, args.idle_seconds, args.sources = 200, 60, 50
    for what in (articles, parse, poll, daemon):
        what(args)
        print()


def main():
    global TIMEOUT, RSS_DIR, FEEDD
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles", help="feedd --once over generated articles, beside cat and find")
    a.add_argument("--count", type=int, default=10000)
    a.add_argument("--runs", type=int, default=5)
    p = sub.add_parser("parse", help="feed parsing beside xmllint --sax, sfeed and feedparser")
    p.add_argument("--feeds", type=int, default=50)
    p.add_argument("--large", type=int, default=3, help="large feeds of 10-46 MB (3: the 46 MB one the target names)")
    p.add_argument("--runs", type=int, default=5)
    q = sub.add_parser("poll", help="polling over loopback beside curl, xmllint and sfeed_update")
    q.add_argument("--feeds", type=int, default=50)
    q.add_argument("--runs", type=int, default=3)
    d = sub.add_parser("daemon", help="daemon latency (rename to published) and idle CPU and memory")
    d.add_argument("--drops", type=int, default=200)
    d.add_argument("--idle-seconds", type=int, default=60)
    d.add_argument("--sources", type=int, default=50)
    al = sub.add_parser("all", help="articles (10,000), parse (50 feeds, 1 large), poll (50 feeds) and daemon")
    al.add_argument("--runs", type=int, default=3)
    for s in (a, p, q, d, al):
        s.add_argument("--work", default="/tmp/feedd-bench", help="scratch folder for corpora and outputs")
        s.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds allowed to each subprocess")
        s.add_argument("--feedd", help="the feedd binary (default: .build/release/feedd of this checkout)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up (children, server) on kill too
    FEEDD = os.path.abspath(args.feedd) if args.feedd else None
    TIMEOUT = args.timeout
    if GNU_TIME is None:
        print("note: no /usr/bin/time (apt-get install -y time): peak RSS includes this script's own")
    RSS_DIR = args.work
    os.makedirs(args.work, exist_ok=True)
    {"articles": articles, "parse": parse, "poll": poll, "daemon": daemon, "all": run_all}[args.what](args)


if __name__ == "__main__":
    main()
