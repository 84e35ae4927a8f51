#!/usr/bin/env python3
"""Serves a directory of feed files over HTTP on 127.0.0.1 (loopback only) for the polling benchmarks.

    python3 bench/corpus/serve.py DIR [--port 0] [--latency-ms MS] [--jitter-ms MS] [--seed S]
                                      [--no-gzip] [--log]

GET and HEAD /<path> answer with DIR/<path>. Every answer carries a strong ETag (a digest of the
bytes sent, so the gzip form has its own) and Last-Modified (the file's mtime); a request whose
If-None-Match names the current ETag, or, without If-None-Match, whose If-Modified-Since is not older
than the file, gets 304 Not Modified. A client that accepts gzip gets the body gzipped (made once per
version of the file). --latency-ms delays every answer, plus a seeded uniform 0..--jitter-ms.
GET /_stats returns the counters as JSON: requests, 200, 304, 404 and body bytes sent.

The port is printed on stdout as `PORT <n>` once the server listens (--port 0, the default, lets
the system pick a free one). SIGTERM or SIGINT stops it.
"""
import argparse
import email.utils
import gzip
import hashlib
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = "127.0.0.1"  # the only address this server ever binds
MEDIA_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
               ".rdf": "application/rdf+xml", ".json": "application/feed+json", ".opml": "text/x-opml",
               ".txt": "text/plain; charset=utf-8"}


class Representation:
    """One version of a file as sent: body, ETag and Last-Modified."""

    def __init__(self, body, mtime, gzipped):
        self.body = gzip.compress(body, compresslevel=6, mtime=0) if gzipped else body
        self.etag = '"%s"' % hashlib.blake2b(self.body, digest_size=10).hexdigest()
        self.mtime = int(mtime)
        self.last_modified = email.utils.formatdate(self.mtime, usegmt=True)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # feedd and sfeed_update open many connections at once

    def __init__(self, root, port, gzip_ok, latency, jitter, seed, log):
        super().__init__((LOOPBACK, port), Handler)
        self.root, self.gzip_ok, self.log = os.path.realpath(root), gzip_ok, log
        self.latency, self.jitter, self.rng = latency / 1000, jitter / 1000, random.Random(seed)
        self.lock = threading.Lock()
        self.cache = {}  # (path, gzipped) -> (size, mtime_ns, inode) and its Representation
        self.counters = {"requests": 0, "200": 0, "304": 0, "404": 0, "bytes": 0}

    def count(self, status, sent=0):
        with self.lock:
            self.counters["requests"] += 1
            self.counters[str(status)] = self.counters.get(str(status), 0) + 1
            self.counters["bytes"] += sent

    def delay(self):
        if self.latency or self.jitter:
            with self.lock:
                extra = self.rng.uniform(0, self.jitter)
            time.sleep(self.latency + extra)

    def resolve(self, target):
        """The file a request path names inside the root, or None."""
        rel = urllib.parse.unquote(urllib.parse.urlsplit(target).path).lstrip("/")
        path = os.path.realpath(os.path.join(self.root, rel))
        inside = path.startswith(self.root + os.sep)
        return path if inside and os.path.isfile(path) else None

    def representation(self, path, gzipped):
        info = os.stat(path)
        version = (info.st_size, info.st_mtime_ns, info.st_ino)
        with self.lock:
            cached = self.cache.get((path, gzipped))
        if cached and cached[0] == version:
            return cached[1]
        with open(path, "rb") as f:
            made = Representation(f.read(), info.st_mtime, gzipped)
        with self.lock:
            self.cache[(path, gzipped)] = (version, made)
        return made


def accepts_gzip(header):
    """True when Accept-Encoding lists gzip (or *) without q=0."""
    for item in (header or "").split(","):
        coding, _, params = item.strip().partition(";")
        quality = params.strip()
        if coding.strip().lower() in ("gzip", "x-gzip", "*") and quality.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            return True
    return False


def not_modified(headers, rep):
    """RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison), else If-Modified-Since."""
    none_match = headers.get("If-None-Match")
    if none_match is not None:
        tags = [t.strip() for t in none_match.split(",")]
        return "*" in tags or any(t.removeprefix("W/") == rep.etag for t in tags)
    since = headers.get("If-Modified-Since")
    if since:
        try:
            return rep.mtime <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "feedd-bench-serve"
    # TCP_NODELAY: the headers and the body go out in two writes, and with Nagle's algorithm the body
    # waited for the client's delayed ACK of the headers, about 40 ms on every 200 over loopback.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        if self.server.log:
            super().log_message(fmt, *args)

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def answer(self, with_body):
        server = self.server
        server.delay()
        if self.path == "/_stats":
            with server.lock:
                body = json.dumps(server.counters).encode()
            return self.send(200, {"Content-Type": "application/json", "Cache-Control": "no-store"}, body, with_body)
        path = server.resolve(self.path)
        if path is None:
            server.count(404)
            return self.send(404, {"Content-Type": "text/plain"}, b"not found\n", with_body)
        gzipped = server.gzip_ok and accepts_gzip(self.headers.get("Accept-Encoding"))
        rep = server.representation(path, gzipped)
        headers = {"ETag": rep.etag, "Last-Modified": rep.last_modified, "Cache-Control": "no-cache",
                   "Content-Type": MEDIA_TYPES.get(os.path.splitext(path)[1], "application/octet-stream")}
        if server.gzip_ok:
            headers["Vary"] = "Accept-Encoding"
        if not_modified(self.headers, rep):
            server.count(304)
            return self.send(304, headers, b"", False)
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        server.count(200, len(rep.body) if with_body else 0)
        self.send(200, headers, rep.body, with_body)

    def send(self, status, headers, body, with_body):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default 0: a free one)")
    parser.add_argument("--latency-ms", type=float, default=0, help="delay before every answer")
    parser.add_argument("--jitter-ms", type=float, default=0, help="plus a uniform 0..J ms, seeded")
    parser.add_argument("--seed", default="1", help="seed of the jitter")
    parser.add_argument("--no-gzip", dest="gzip", action="store_false", help="never gzip bodies")
    parser.add_argument("--log", action="store_true", help="an access log on stderr")
    args = parser.parse_args()
    if not os.path.isdir(args.directory):
        sys.exit(f"serve.py: no directory {args.directory}")
    server = FeedServer(args.directory, args.port, args.gzip, args.latency_ms, args.jitter_ms, args.seed, args.log)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
