#!/usr/bin/env python3
"""Kills feedd with SIGKILL at random moments, hundreds of times, and checks that nothing is lost or torn.

Usage: crash_safety.py [--feedd PATH] [--rounds N] [--daemon-share F] [--seed S] [--work DIR]

Each round changes the seeds directory (new, edited and deleted articles) and the loopback feeds (a
server on 127.0.0.1 whose documents change every round), starts `feedd --once --all` or, for a share of
the rounds, the daemon, and kills it with SIGKILL after a random delay. Then:
  - every output file present is complete and valid (XML well-formed with the right root, JSON parses):
    the old version or the new one, never half of one;
  - the store passes `PRAGMA integrity_check`;
and a full `feedd --once --all` run afterwards (not killed):
  - exits 0 and publishes every article present in the seeds directory (by its id);
  - leaves no stray file in the output directory (temporary files of a killed writer are removed).
Prints one line per failed check and "N passed, N failed" at the end; exits 1 when any round failed.
"""
import argparse
import http.server
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

# index.html is written as well-formed XML too (a polyglot page), so a torn one fails to parse like the feeds.
OUTPUTS = {"atom.xml": "{http://www.w3.org/2005/Atom}feed", "rss.xml": "rss", "feeds.opml": "opml", "feed.json": None,
           "index.html": "html", "feed.xsl": "{http://www.w3.org/1999/XSL/Transform}stylesheet"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Feeds:
    """Loopback feeds whose content moves on every round."""

    def __init__(self):
        self.version = 0
        self.lock = threading.Lock()

    def document(self, name):
        with self.lock:
            version = self.version
        items = "".join(
            f"<item><guid>https://{name}.example/{version}/{i}</guid><title>{name} {version}.{i}</title>"
            f"<link>https://{name}.example/{version}/{i}</link><description>Round {version}, item {i}.</description>"
            f"<pubDate>Mon, 02 Nov 2026 10:{i:02d}:00 GMT</pubDate></item>"
            for i in range(20)
        )
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
                f"<link>https://{name}.example/</link><description>d</description>{items}</channel></rss>").encode()


def serve(feeds):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = feeds.document(self.path.strip("/").split(".")[0] or "feed")
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client was killed mid-request: that is the point

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.handle_error = lambda request, address: None  # a killed client's reset is expected
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def article(rng, key, round_number):
    words = ["harbour", "ferry", "council", "market", "bridge", "library", "tram", "festival", "river", "school"]
    body = " ".join(rng.choice(words) for _ in range(rng.randint(30, 120)))
    return (f"Round {round_number}: {rng.choice(words).title()} news {key[:6]}\n\nTopline\n\n{body}.\n\n"
            f"Key Facts\n\n{body[:200]}.\n\nSource : https://news.example/{round_number}/{key}\n")


def check_outputs(directory, findings, label):
    for name, root in OUTPUTS.items():
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            continue
        data = open(path, "rb").read()
        try:
            if root is None:
                json.loads(data)
            else:
                tag = ET.fromstring(data).tag
                if tag != root:
                    findings.append(f"{label}: {name} has root {tag}")
        except Exception as error:  # a torn file is exactly what this looks for
            findings.append(f"{label}: {name} is not complete: {error}")


def check_store(state, findings, label):
    path = os.path.join(state, "feedd.sqlite")
    if not os.path.exists(path):
        return
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.close()
        if result != "ok":
            findings.append(f"{label}: integrity_check says {result}")
    except sqlite3.Error as error:
        findings.append(f"{label}: the store cannot be opened: {error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feedd", default=os.path.join(ROOT, ".build", "release", "feedd"))
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--daemon-share", type=float, default=0.3, help="share of rounds that kill the daemon")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="/tmp/feedd-crash")
    args = parser.parse_args()
    if not os.access(args.feedd, os.X_OK):
        sys.exit(f"no feedd binary at {args.feedd}: build it first (swift build -c release)")
    rng = random.Random(args.seed)
    shutil.rmtree(args.work, ignore_errors=True)
    seeds, output, state = (os.path.join(args.work, d) for d in ("seeds", "public", "state"))
    os.makedirs(seeds)
    feeds = Feeds()
    server = serve(feeds)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = os.path.join(args.work, "feedd.toml")
    with open(config, "w") as handle:
        handle.write(f'[feed]\ntag_authority = "crash.example,2026"\nbase_url = "https://crash.example/feeds/"\n'
                     f'max_entries = 100000\n'
                     f'[paths]\nseeds = "seeds"\noutput = "public"\nstate = "state"\n'
                     f'[daemon]\ndebounce_ms = 20\n'
                     + "".join(f'[[source]]\nname = "s{i}"\nurl = "{base}/s{i}.xml"\n' for i in range(5)))
    keys = []
    passed = failed = 0
    for round_number in range(args.rounds):
        findings = []
        label = f"round {round_number}"
        # Change the inputs: add, edit and delete articles; move the feeds on.
        for _ in range(rng.randint(1, 6)):
            key = f"{rng.getrandbits(64):016x}"
            keys.append(key)
            with open(os.path.join(seeds, f"{len(keys):05d}_{key}.txt"), "w") as handle:
                handle.write(article(rng, key, round_number))
        for _ in range(rng.randint(0, 4)):
            if len(keys) > 5:
                key = keys.pop(rng.randrange(len(keys)))
                for name in os.listdir(seeds):
                    if key in name:
                        os.remove(os.path.join(seeds, name))
        for name in rng.sample(sorted(os.listdir(seeds)), min(3, len(os.listdir(seeds)))):
            with open(os.path.join(seeds, name), "a") as handle:
                handle.write(f"\nEdited in round {round_number}.\n")
        with feeds.lock:
            feeds.version += 1
        # Start feedd and kill it at a random moment.
        daemon = rng.random() < args.daemon_share
        command = [args.feedd, "--config", config] + ([] if daemon else ["--once", "--all"])
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=args.work)
        time.sleep(rng.uniform(0, 0.6 if daemon else 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        check_outputs(output, findings, f"{label} (killed {'daemon' if daemon else '--once'})")
        check_store(state, findings, label)
        # A run to completion: everything present is published, nothing stray is left.
        finished = subprocess.run([args.feedd, "--once", "--all", "--config", config], cwd=args.work,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
        if finished.returncode != 0:
            findings.append(f"{label}: the next run exited {finished.returncode}: {finished.stderr[-400:]}")
        check_outputs(output, findings, f"{label} (after a full run)")
        check_store(state, findings, f"{label} (after a full run)")
        stray = sorted(set(os.listdir(output)) - set(OUTPUTS))
        if stray:
            findings.append(f"{label}: stray files in the output directory: {stray}")
        atom = open(os.path.join(output, "atom.xml"), encoding="utf-8").read() if os.path.exists(os.path.join(output, "atom.xml")) else ""
        present = [name.split("_")[1].split(".")[0] for name in os.listdir(seeds)]
        missing = [key for key in present if f"tag:crash.example,2026:{key}" not in atom]
        if missing:
            findings.append(f"{label}: {len(missing)} articles present but not published: {missing[:5]}")
        for finding in findings:
            print("FAIL", finding)
        if findings:
            failed += 1
        else:
            passed += 1
        if (round_number + 1) % 50 == 0:
            print(f"after {round_number + 1} rounds: {passed} passed, {failed} failed, {len(os.listdir(seeds))} articles", flush=True)
    server.shutdown()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
