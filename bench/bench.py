#!/usr/bin/env python3
"""feedd benchmarks: feedd and its peers side by side on the same generated corpus, in one run, as ratios,
each target checked (PASS, FAIL or SKIP when a peer is missing); the exit status is 1 when one is missed.

    python3 bench/bench.py articles [--count 10000] [--runs 5]
    python3 bench/bench.py parse    [--feeds 50] [--large 3] [--json 6] [--runs 5]
    python3 bench/bench.py poll     [--feeds 50] [--runs 3]
    python3 bench/bench.py daemon   [--drops 200] [--idle-seconds 60] [--sources 50]
    python3 bench/bench.py serve    [--seconds 10] [--connections 64] [--runs 3]
    python3 bench/bench.py scale    [--articles 10000,40000,100000] [--sources 100,1000,5000] [--latency-ms 50]
                                    [--idle-seconds 60] [--runs 1]
    python3 bench/bench.py instances [--sources 5000] [--latency-ms 200] [--instances 1,2,3]
    python3 bench/bench.py all      [--runs 3]   (scale runs once per size in `all`)
    every command also takes --feedd PATH (or --binary PATH; default .build/release/feedd),
    --work DIR (default /tmp/feedd-bench), --timeout SECONDS (per subprocess, default 900),
    --quick (small corpora for a smoke test), --results PATH (default bench/RESULTS.md), --no-results

Builds nothing: run `swift build -c release` first. Corpora come from bench/corpus (articles.py,
feeds.py), are generated into the work directory and reused while the generators are unchanged; polling
goes to bench/corpus/serve.py on 127.0.0.1. Every contender runs once per round, the rounds interleaved;
times are medians (wall clock), peak RSS the largest seen (GNU time's %M: `apt-get install -y time`).
Every run writes its figures, targets and PASS/FAIL lines, with the machine and the feedd commit, to
bench/RESULTS.md, a chart per benchmark to bench/charts/ (linked from RESULTS.md) and the raw figures to
bench/results.json. bench/README.md says what each benchmark measures.
"""
import argparse
import gzip
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

import daemon_bench
import instances_bench
import scale_bench
import serve_bench
from harness import (GNU_TIME, HERE, BenchError, FeedServer, Samples, articles_corpus, fail, feeds_corpus, feedd_binary,
                     has, has_feedparser, missing, run, run_to_file, settings)
from report import Report

SETTLE = 0.3  # seconds of quiet before each measured run of the parse benchmark
# The JSON set's floor: Python's json module over every file in one process, timed inside, as
# feedparser_parse.py prints (seconds, entries, failures).
JSON_FLOOR = """import json, sys, time
start, entries = time.perf_counter(), 0
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        entries += len(json.loads(f.read()).get("items", []))
print(f"{time.perf_counter() - start:.6f}\t{entries}\t0")
"""
SIZES = {  # option: (full run, --quick)
    "count": (10000, 1000), "feeds": (50, 10), "large": (3, 1), "large_scale": (1.0, 0.1), "json": (6, 2),
    "drops": (200, 20), "idle_seconds": (60, 5), "sources": (50, 10), "seconds": (10, 2), "connections": (64, 16),
    "scale_articles": (scale_bench.FULL["articles"], scale_bench.QUICK["articles"]),
    "scale_sources": (scale_bench.FULL["sources"], scale_bench.QUICK["sources"]), "latency_ms": (50, 50),
    "instance_sources": (5000, 200), "instance_latency_ms": (200, 200), "instance_counts": ("1,2,3", "1,2,3"),
}


def mib(kib):
    return kib / 1024


def write_config(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


# ------------------------------------------------------------------ articles

def articles(args, report):
    """`feedd --once` over N articles, cold and warm, beside cat and find."""
    sec = report.section("articles")
    seeds = articles_corpus(args.count)
    files = sorted(os.path.join(seeds, n) for n in os.listdir(seeds))
    size = sum(os.path.getsize(f) for f in files)
    config = os.path.join(args.work, "bench.toml")
    write_config(config, ['[feed]', 'title = "bench"', 'tag_authority = "bench.example,2026"',
                          'base_url = "https://bench.example/"'])
    out, state = os.path.join(args.work, "out"), os.path.join(args.work, "state")
    cmd = [args.feedd, "--once", "--config", config, "--seeds", seeds, "--output", out, "--state", state,
           "--log-level", "error"]
    sec.say(f"articles: {len(files)} files, {size / 1e6:.1f} MB, {args.runs} runs, medians")
    for line in missing("cat", "find"):
        sec.say(f"  skipped: {line}")
    peers = {"cat": ["cat"] + files, "find": ["find", seeds, "-type", "f"],
             # The least any size-and-mtime check costs: one stat per file (-printf %s %T@ needs it).
             "find+stat": ["find", seeds, "-type", "f", "-printf", "%s %T@ %p\n"]}
    peers = {k: v for k, v in peers.items() if has(v[0])}
    for path in files:  # the page cache, so every contender reads from memory
        with open(path, "rb") as f:
            f.read()
    times = {k: [] for k in list(peers) + ["cold", "warm"]}
    rss = {"cold": [], "warm": []}
    for _ in range(args.runs):
        for key, peer in peers.items():
            times[key].append(run(peer)[0])
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        for key in ("cold", "warm"):
            t, m, code, _ = run(cmd)
            if code != 0:
                fail(f"feedd {key} run ({' '.join(cmd)})", code)
            times[key].append(t)
            rss[key].append(m)
    med = {k: statistics.median(v) for k, v in times.items()}
    labels = {"cat": "cat", "find": "find -type f", "find+stat": "find -printf %s %T@"}
    for key in peers:
        extra = f"   (a stat per file: {med[key] / med['find']:.2f}x find)" if key == "find+stat" and "find" in med else ""
        sec.say(f"  {labels[key]:<20}{med[key] * 1000:8.1f} ms{extra}")
    for key in ("cold", "warm"):
        sec.say(f"  feedd --once {key:<7}{med[key] * 1000:8.1f} ms   peak RSS {mib(max(rss[key])):6.1f} MiB")
    if "find+stat" in med:
        sec.say(f"  warm / find with a stat per file {med['warm'] / med['find+stat']:.2f}x")
    chart = sec.bar_chart("median time", "ms", note=f"{len(files)} files, {size / 1e6:.1f} MB, {args.runs} runs")
    for key in peers:
        chart.bar(labels[key], med[key] * 1000)
    for key, floor, limit in (("cold", "cat", 5), ("warm", "find", 3)):
        target = med[floor] * limit * 1000 if floor in med else None
        chart.bar(f"feedd --once {key}", med[key] * 1000, True, target, f"≤ {limit}x {labels[floor]}")
    ratio_check(sec, "feedd --once cold / cat", med, "cold", "cat", 5)
    ratio_check(sec, "feedd --once warm / find -type f", med, "warm", "find", 3)
    sec.check("feedd --once peak RSS (cold and warm)", mib(max(rss["cold"] + rss["warm"])), "<", 64, "MiB")


def ratio_check(sec, label, med, key, floor, limit):
    if floor in med:
        sec.check(label, med[key] / med[floor], "<=", limit, "x")
    else:
        sec.skip(label, f"<= {limit}x", f"no {floor} on this machine")


# ------------------------------------------------------------------ parse

def feedd_inspect_mode(feedd):
    """'quiet' when `feedd inspect --quiet FILE...` exists, 'json' for `inspect --json FILE` only, else None."""
    proc = subprocess.run([feedd, "inspect", "--help"], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return None
    text = proc.stdout + proc.stderr
    return "quiet" if "--quiet" in text else "json" if "--json" in text else None


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


def parse_round(contenders, paths, feedd, mode, scratch, rotation):
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
        elif key in ("feedparser", "json"):
            script = ["-c", JSON_FLOOR] if key == "json" else [os.path.join(HERE, "feedparser_parse.py")]
            _, rss, code, cpu, out = run_to_file([sys.executable] + script + paths, os.path.join(scratch, f"{key}.out"))
            if code != 0:
                fail(key, code)
            inside, entries, _ = out.split("\t")
            sample.add(float(inside), rss, cpu, int(entries))
        elif key == "feedd":
            cmd, _ = feedd_parse_command(feedd, mode, paths)
            # In the scratch folder: `inspect` reads ./config/feedd.toml when there is one.
            t, rss, code, cpu, out = run_to_file(cmd, os.path.join(scratch, "feedd.out"), cwd=scratch)
            if code not in (0, 65):  # 65: an input could not be parsed (the entry count shows it)
                fail("feedd inspect", code)
            sample.add(t, rss, cpu, feedd_entries(mode, out))


def parse_set(sec, paths, manifest_entries, size, args, mode, scratch, xml=True, limit=None):
    """Measures one set of files, prints its table, charts it (limit: the most feedd / xmllint may be) and
    checks feedd's entry count; returns the contenders."""
    contenders = {}
    if xml and has("xmllint"):
        contenders["xmllint"] = Samples("xmllint --sax --noout (1 process)")
    if xml and has("sfeed"):
        contenders["sfeed"] = Samples(f"sfeed < file (sh loop, {len(paths)} processes)")
        contenders["spawn"] = Samples("  /bin/true < file (same loop: spawn cost)")
    if xml and has_feedparser():
        contenders["feedparser"] = Samples("feedparser (1 process, timed inside)")
    if not xml:
        contenders["json"] = Samples("Python json.loads (1 process, timed inside)")
    if mode:
        contenders["feedd"] = Samples(feedd_parse_command(args.feedd, mode, paths)[1])
    for path in paths:  # the page cache
        with open(path, "rb") as f:
            f.read()
    for round_index in range(args.runs):
        parse_round(contenders, paths, args.feedd, mode, scratch, round_index)
    floor = contenders.get("xmllint") or contenders.get("json")
    floor_name = "x xmllint" if xml else "x json"
    sec.say(f"  {'contender':<44}{'time ms':>9}{'CPU ms':>9}{'MB/s':>8}{floor_name:>11}{'peak RSS MiB':>14}{'entries':>9}")
    for s in contenders.values():
        t = s.median
        ratio = f"{t / floor.median:10.2f}x" if floor else f"{'-':>11}"
        entries = f"{s.counts[-1]:>9}" if s.counts else f"{'-':>9}"
        sec.say(f"  {s.name:<44}{t * 1000:9.1f}{s.median_cpu * 1000:9.0f}{size / 1e6 / t:8.1f}{ratio}"
                f"{s.peak_mib:14.1f}{entries}")
    if "sfeed" in contenders:
        net = contenders["sfeed"].median - contenders["spawn"].median
        ratio = f"{net / floor.median:10.2f}x" if floor else f"{'-':>11}"
        rate = f"{size / 1e6 / net:8.1f}" if net > 0 else f"{'-':>8}"
        sec.say(f"  {'sfeed net of spawn cost (difference)':<44}{net * 1000:9.1f}{'':9}{rate}{ratio}")
    chart = sec.bar_chart("median time", "ms", note=f"{len(paths)} files, {size / 1e6:.1f} MB, {args.runs} runs")
    for key, s in contenders.items():
        target = floor.median * limit * 1000 if key == "feedd" and limit and floor else None
        chart.bar(s.name.strip(), s.median * 1000, key == "feedd", target, f"≤ {limit:g}x xmllint" if target else "")
    if "feedd" in contenders:
        got = contenders["feedd"].counts
        sec.check("feedd entries = manifest", next((c for c in got if c != manifest_entries), got[-1]),
                  "==", manifest_entries)
    return contenders


def parse(args, report):
    """Feed parsing beside xmllint --sax, sfeed and feedparser; feedd's peak RSS on the biggest file."""
    mode = feedd_inspect_mode(args.feedd)
    corpus, manifest = feeds_corpus(args.feeds, args.large, args.large_scale, args.json)
    scratch = os.path.join(args.work, "parse")
    os.makedirs(scratch, exist_ok=True)
    sets = [("parse", sorted(r for r in manifest if "/" not in r)),
            ("parse large/", sorted(r for r in manifest if r.startswith("large/"))),
            ("parse json/", sorted(r for r in manifest if r.startswith("json/")))]
    for title, rels in sets:
        if not rels:
            continue
        sec = report.section(title)
        xml = not title.endswith("json/")
        paths = [os.path.join(corpus, r) for r in rels]
        size, entries = sum(manifest[r][1] for r in rels), sum(manifest[r][2] for r in rels)
        sec.say(f"{title}: {len(paths)} files, {size / 1e6:.1f} MB, {entries} entries (manifest); "
                f"{args.runs} runs, medians")
        for line in missing("xmllint", "sfeed") if xml else []:
            sec.say(f"  skipped: {line}")
        if xml and not has_feedparser():
            sec.say("  skipped: Python feedparser (install: pip install feedparser)")
        if not xml:
            sec.say("  (xmllint and sfeed read no JSON, nor does feedparser 6.0: Python's json module is the floor)")
        if mode is None:
            sec.say("  skipped: feedd (this build has no `feedd inspect`)")
        elif mode == "json":
            sec.say("  note: this build has no `feedd inspect --quiet FILE...`: feedd runs one process per file")
        contenders = parse_set(sec, paths, entries, size, args, mode, scratch, xml, 1.3 if title == "parse" else None)
        if title == "parse":
            label, target = "feedd / xmllint --sax", "<= 1.3x"
            if "feedd" in contenders and "xmllint" in contenders:
                sec.check(label, contenders["feedd"].median / contenders["xmllint"].median, "<=", 1.3, "x")
            else:
                sec.skip(label, target, "no xmllint on this machine" if mode else "this feedd has no inspect")
        if title == "parse large/":
            biggest = max(rels, key=lambda r: manifest[r][1])
            label = f"feedd peak RSS parsing {biggest} ({manifest[biggest][1] / 1e6:.1f} MB)"
            if not mode:
                sec.skip(label, "< 32 MiB", "this feedd has no inspect")
                continue
            cmd, _ = feedd_parse_command(args.feedd, mode, [os.path.join(corpus, biggest)])
            peaks = []
            for _ in range(args.runs):
                _, rss, code, _ = run(cmd, cwd=scratch)
                if code not in (0, 65):
                    fail("feedd inspect on the biggest file", code)
                peaks.append(rss)
            sec.check(label, mib(max(peaks)), "<", 32, "MiB")


# ------------------------------------------------------------------ poll

def write_curl_config(path, server, rels, bodies=None, etags=None):
    """A curl -K file: one transfer per feed (`next` between them), at most 8 at once, gzip."""
    lines = ["parallel", "parallel-max = 8"]
    for i, rel in enumerate(rels):
        if i:
            lines.append("next")
        lines += ["silent", "compressed", f'url = "{server.url(rel)}"',
                  f'output = "{os.path.join(bodies, rel) if bodies else "/dev/null"}"']
        if etags:
            quoted = etags[rel].replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'header = "If-None-Match: {quoted}"')
    write_config(path, lines)


def warm_up(server, rels):
    """Fetches every feed once, gzip accepted, untimed: fills the server's gzip cache; returns the ETags."""
    etags = {}
    for rel in rels:
        request = urllib.request.Request(server.url(rel), headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            body = answer.read()
            etags[rel] = answer.headers["ETag"]
        if answer.headers.get("Content-Encoding") == "gzip":
            gzip.decompress(body)
        if not etags[rel]:
            raise BenchError(f"no ETag in the answer for {rel}")
    return etags


def write_feedd_config(path, seeds, out, state, server, rels):
    lines = ['[feed]', 'title = "bench poll"', 'tag_authority = "bench.example,2026"',
             'base_url = "https://bench.example/"', '', '[paths]', f'seeds = "{seeds}"', f'output = "{out}"',
             f'state = "{state}"', '', '[polling]', 'max_concurrent = 8', 'max_per_host = 8']
    for rel in rels:
        lines += ['', '[[source]]', f'name = "{rel[:-4]}"', f'url = "{server.url(rel)}"']
    write_config(path, lines)


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


def poll_rows(args, base, dirs, server, rels, etags):
    """The contenders: key -> (samples, command, through sh?, folders emptied before each run: a cold start)."""
    feedd_config, sfeedrc = os.path.join(base, "feedd.toml"), os.path.join(base, "sfeedrc")
    write_feedd_config(feedd_config, dirs["seeds"], dirs["out"], dirs["state"], server, rels)
    feedd_cmd = [args.feedd, "--once", "--all", "--config", feedd_config, "--log-level", "error"]
    rows = {}
    if has("curl", "xmllint"):
        cold_cfg = os.path.join(base, "cold.curl")
        write_curl_config(cold_cfg, server, rels, bodies=dirs["bodies"])
        bodies = " ".join(f'"{os.path.join(dirs["bodies"], r)}"' for r in rels)
        rows["cold floor"] = (Samples("curl --parallel 8 + xmllint --sax (cold floor)"),
                              f'curl -K "{cold_cfg}" && xmllint --sax --noout {bodies}', True, ())
    rows["feedd cold"] = (Samples("feedd --once --all, cold (empty state)"), feedd_cmd, False,
                          (dirs["state"], dirs["out"]))
    rows["feedd warm"] = (Samples("feedd --once --all, warm (all 304)"), feedd_cmd, False, ())
    rows["feedd start"] = (Samples("  feedd --version (process start-up alone)"), [args.feedd, "--version"], False, ())
    if has("sfeed_update", "sfeed_atom", "curl"):
        write_sfeedrc(sfeedrc, dirs["sfeed"], server, rels)
        sfeed_cmd = (f'sfeed_update "{sfeedrc}" >/dev/null && '
                     f'sfeed_atom "{dirs["sfeed"]}"/feeds/* > "{dirs["sfeed-out"]}/atom.xml"')
        rows["sfeed cold"] = (Samples("sfeed_update + sfeed_atom, cold"), sfeed_cmd, True,
                              (os.path.join(dirs["sfeed"], "feeds"), dirs["sfeed-etags"], dirs["sfeed-out"]))
        rows["sfeed warm"] = (Samples("sfeed_update + sfeed_atom, warm"), sfeed_cmd, True, ())
    if has("curl"):
        warm_cfg = os.path.join(base, "warm.curl")
        write_curl_config(warm_cfg, server, rels, etags=etags)
        rows["warm floor"] = (Samples("curl --parallel 8, If-None-Match (304 floor)"), ["curl", "-K", warm_cfg], False, ())
    return rows


def poll(args, report):
    """Polling N feeds over loopback, cold and warm, beside curl + xmllint and sfeed_update."""
    sec = report.section("poll")
    corpus, manifest = feeds_corpus(args.feeds)
    rels = sorted(r for r in manifest if "/" not in r)
    size, n = sum(manifest[r][1] for r in rels), len(rels)
    sec.say(f"poll: {n} feeds, {size / 1e6:.1f} MB, served by bench/corpus/serve.py on 127.0.0.1 (gzip), "
            f"{args.runs} runs, medians")
    for line in missing("curl", "xmllint", "sfeed_update", "sfeed_atom"):
        sec.say(f"  skipped: {line}")
    base = os.path.join(args.work, "poll")
    shutil.rmtree(base, ignore_errors=True)
    dirs = {k: os.path.join(base, k) for k in ("seeds", "out", "state", "bodies", "sfeed", "sfeed-out")}
    dirs["sfeed-etags"] = os.path.join(dirs["sfeed"], "etags")
    for d in dirs.values():
        os.makedirs(d)
    with FeedServer(corpus, os.path.join(base, "server.log")) as server:
        rows = poll_rows(args, base, dirs, server, rels, warm_up(server, rels))
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
    sec.say(f"  {'contender':<46}{'time ms':>9}{'CPU ms':>9}{'200s':>6}{'304s':>6}{'peak RSS MiB':>14}")
    expected = {}
    for key, (s, _, _, _) in rows.items():
        expected[key] = (0, 0) if key == "feedd start" else (0, n) if "warm" in key else (n, 0)
        flag = "" if all(a == expected[key] for a in answered[key]) else f"   UNEXPECTED answers: {answered[key]}"
        ok200, ok304 = answered[key][-1]
        sec.say(f"  {s.name:<46}{s.median * 1000:9.1f}{s.median_cpu * 1000:9.0f}{ok200:6}{ok304:6}{s.peak_mib:14.1f}{flag}")
    med = {k: v[0].median for k, v in rows.items()}
    if "sfeed cold" in med and "cold floor" in med:
        sec.say(f"  ratio sfeed cold / cold floor {med['sfeed cold'] / med['cold floor']:6.2f}x")
    if "sfeed warm" in med and "warm floor" in med:
        sec.say(f"  ratio sfeed warm / 304 floor  {med['sfeed warm'] / med['warm floor']:6.2f}x")
    chart = sec.bar_chart("median time", "ms", note=f"{n} feeds, {size / 1e6:.1f} MB over loopback, {args.runs} runs")
    limits = {"feedd cold": ("cold floor", 2), "feedd warm": ("warm floor", 5)}  # the targets below
    for key, (s, _, _, _) in rows.items():
        floor, limit = limits.get(key, (None, None))
        target = med[floor] * limit * 1000 if floor in med else None
        chart.bar(s.name.strip(), s.median * 1000, key.startswith("feedd"), target,
                  f"≤ {limit}x {'304 floor' if floor == 'warm floor' else floor}" if target else "")
    for key in ("feedd cold", "feedd warm"):
        got = next((a for a in answered[key] if a != expected[key]), expected[key])
        sec.check(f"{key} answers (200s/304s)", "%d/%d" % got, "==", "%d/%d" % expected[key])
    if "cold floor" in med:
        sec.check("feedd cold / cold floor (curl x8 + xmllint)", med["feedd cold"] / med["cold floor"], "<=", 2, "x")
    else:
        sec.skip("feedd cold / cold floor (curl x8 + xmllint)", "<= 2x", "no curl or no xmllint on this machine")
    if "warm floor" in med:
        sec.check("feedd warm / 304 floor (curl x8)", med["feedd warm"] / med["warm floor"], "<=", 5, "x")
    else:
        sec.skip("feedd warm / 304 floor (curl x8)", "<= 5x", "no curl on this machine")


# ------------------------------------------------------------------ main

def daemon(args, report):
    """The daemon's latency and idle cost (bench/daemon_bench.py)."""
    daemon_bench.run(args, report)


def serve(args, report):
    """The built-in server beside nginx (bench/serve_bench.py)."""
    serve_bench.run(args, report)


def scale(args, report):
    """Articles and sources at growing sizes, and the idle daemon with the most sources (bench/scale_bench.py)."""
    scale_bench.run(args, report)


def instances(args, report):
    """Several instances on one PostgreSQL store: polls per second with 1, 2, 3 (bench/instances_bench.py)."""
    instances_bench.run(args, report)


BENCHMARKS = {"articles": articles, "parse": parse, "poll": poll, "daemon": daemon, "serve": serve, "scale": scale,
              "instances": instances}
OPTIONS = {"articles": ("count",), "parse": ("feeds", "large", "large_scale", "json"), "poll": ("feeds",),
           "daemon": ("drops", "idle_seconds", "sources"), "serve": ("seconds", "connections"),
           "scale": ("scale_articles", "scale_sources", "latency_ms", "idle_seconds", "scale_runs"),
           "instances": ("instance_sources", "instance_latency_ms", "instance_counts")}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles", help="feedd --once over generated articles, beside cat and find")
    a.add_argument("--count", type=int, help="articles (default 10,000)")
    a.add_argument("--runs", type=int, default=5)
    p = sub.add_parser("parse", help="feed parsing beside xmllint --sax, sfeed and feedparser")
    p.add_argument("--feeds", type=int, help="feeds of the main set (default 50)")
    p.add_argument("--large", type=int, choices=range(4), help="large feeds of about 10, 23 and 46 MB (default 3: "
                   "the 46 MB one the memory target names)")
    p.add_argument("--json", type=int, help="JSON Feeds in their own set (default 6)")
    p.add_argument("--runs", type=int, default=5)
    q = sub.add_parser("poll", help="polling over loopback beside curl, xmllint and sfeed_update")
    q.add_argument("--feeds", type=int, help="feeds served (default 50)")
    q.add_argument("--runs", type=int, default=3)
    d = sub.add_parser("daemon", help="daemon latency (rename to published) and idle CPU and memory")
    d.add_argument("--drops", type=int, help="articles dropped one by one (default 200)")
    d.add_argument("--idle-seconds", type=int, help="idle period measured (default 60)")
    d.add_argument("--sources", type=int, help="sources polled by the idle daemon (default 50)")
    sv = sub.add_parser("serve", help="the built-in server beside nginx, under wrk")
    sv.add_argument("--seconds", type=int, help="seconds per wrk run (default 10)")
    sv.add_argument("--connections", type=int, help="wrk connections (default 64)")
    sv.add_argument("--runs", type=int, default=3)
    sc = sub.add_parser("scale", help="articles and sources at growing sizes: cost per item, peak RSS, idle daemon")
    sc.add_argument("--articles", dest="scale_articles", metavar="N,N,...",
                    help=f"article counts (default {scale_bench.FULL['articles']})")
    sc.add_argument("--sources", dest="scale_sources", metavar="N,N,...",
                    help=f"source counts; the idle daemon gets the largest (default {scale_bench.FULL['sources']})")
    sc.add_argument("--latency-ms", type=float, help="the feed server's delay per answer (default 50)")
    sc.add_argument("--idle-seconds", type=int, help="idle period measured (default 60)")
    sc.add_argument("--runs", type=int, default=1, help="passes per size, medians (default 1: the big passes are long; "
                    "a pass under a second is repeated to 5 anyway)")
    ins = sub.add_parser("instances", help="1, 2 and 3 instances on one PostgreSQL store: polls per second")
    ins.add_argument("--sources", dest="instance_sources", type=int, help="sources (default 5,000)")
    ins.add_argument("--latency-ms", dest="instance_latency_ms", type=float, help="the feed server's delay (default 200)")
    ins.add_argument("--instances", dest="instance_counts", metavar="N,N,...", help="instance counts (default 1,2,3)")
    ins.add_argument("--runs", type=int, default=1)
    al = sub.add_parser("all", help="articles (10,000), parse (50 feeds, 3 large, 6 JSON), poll (50 feeds), daemon, "
                        "serve, scale (once per size); not instances")
    al.add_argument("--runs", type=int, default=3)
    for s in (a, p, q, d, sv, sc, ins, al):
        s.add_argument("--work", default="/tmp/feedd-bench", help="scratch folder for corpora and outputs")
        s.add_argument("--timeout", type=int, default=900, help="seconds allowed to each subprocess")
        s.add_argument("--feedd", "--binary", dest="feedd", metavar="PATH",
                       help="the feedd binary (default: .build/release/feedd of this checkout)")
        s.add_argument("--quick", action="store_true", help="small corpora and short runs, for a smoke test")
        s.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"), help="results file (default bench/RESULTS.md)")
        s.add_argument("--no-results", action="store_true", help="write no results file")
    args = parser.parse_args()
    for name, (full, quick) in SIZES.items():
        if getattr(args, name, None) is None:
            setattr(args, name, quick if args.quick else full)
    args.scale_runs = args.runs if args.what == "scale" else 1  # `all`: scale's passes are long, one each
    return args


def shown_size(value):
    return value if isinstance(value, str) else f"{value:g}"


def main():
    args = parse_arguments()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up (children, server) on kill too
    args.feedd = feedd_binary(args.feedd)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    settings.update(timeout=args.timeout, work=args.work)
    # `instances` stays out of `all`: a quarter of an hour of waiting on latency, and a PostgreSQL server.
    chosen = [n for n in BENCHMARKS if n != "instances"] if args.what == "all" else [args.what]
    report = Report()
    if not GNU_TIME:
        print("note: no /usr/bin/time (apt-get install -y time): peak RSS includes this script's own")
    for name in chosen:
        try:
            BENCHMARKS[name](args, report)
        except BenchError as error:
            last = report.sections[-1] if report.sections and report.sections[-1].title.startswith(name) else None
            (last or report.section(name)).error(str(error))
        print()
    print(f"targets: {report.summary()}")
    if not args.no_results:
        sizes = "; ".join(f"{name}: " + ", ".join(f"{o.replace('_', ' ')} {shown_size(getattr(args, o))}" for o in OPTIONS[name])
                          for name in chosen)
        notes = [("run", f"{', '.join(chosen)}; {'--quick: small corpora, not the sizes the targets name' if args.quick else 'full sizes'}"
                         f" ({sizes})" + (f"; --runs {args.runs}" if "runs" in args else ""))]
        report.write(args.results, args.feedd, notes)
        shown = os.path.relpath(args.results)
        print(f"results: {args.results if shown.startswith('..') else shown}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
