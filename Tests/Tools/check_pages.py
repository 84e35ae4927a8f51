#!/usr/bin/env python3
"""Opens feedd's pages for people in headless Chromium and checks what a person would see.

    check_pages.py DIR [--screenshots DIR] [--chromium PATH]

DIR holds feedd's outputs. It is served by a loopback HTTP server (127.0.0.1 only, a free port), as a web
server would serve it (Chromium does not apply an XSLT stylesheet to a file: URL). Chromium loads
index.html, atom.xml and rss.xml (the feeds through feed.xsl) and dumps the DOM it built; html5lib reads
that, and the script checks:

- atom.xml, rss.xml: the DOM is the stylesheet's HTML page, not the XML: one h1, the note "This is a feed:
  copy its URL into your feed reader", a link to index.html;
- index.html: the CSP meta, the header/nav/main/footer landmarks, subscribe links to the four outputs;
- all three: every entry title of feed.json, in its order, as the text of an h3 (a title reading
  `<script>` shows as those characters); no script element, no event-handler attribute, no link that is
  not http(s) or a relative one; the html element has a lang.

Chromium's own XSLT deprecation banner (`xslt-warning-banner`, Chromium 14x and later) is not ours and is
reported as a note. With --screenshots, each page is also saved as a phone-sized PNG (412x915).

Prints one line per finding; exits 1 when there is any, 2 when Chromium is not installed.
"""

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

import html5lib

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FEED_NOTE = "This is a feed: copy its URL into your feed reader"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:"
SUBSCRIBE = ["atom.xml", "rss.xml", "feed.json", "feeds.opml"]
PHONE = "412,915"


def find_chromium(given):
    if given:
        return given if shutil.which(given) else None
    for name in CHROMIUM_NAMES:
        if shutil.which(name):
            return shutil.which(name)
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".xml": "text/xml", ".xsl": "application/xslt+xml", ".opml": "text/x-opml", ".json": "application/json",
    }

    def log_message(self, *args):
        pass


def serve(directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium(binary, arguments, url):
    """Runs headless Chromium on url with a throw-away profile; its stdout. It runs niced: the test suite
    runs timing-sensitive tests beside it."""
    with tempfile.TemporaryDirectory(prefix="feedd-chromium-") as profile:
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                   "--hide-scrollbars", f"--user-data-dir={profile}", *arguments, url]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.nice(10))
    if result.returncode != 0:
        raise RuntimeError(f"chromium exited {result.returncode}: {result.stderr[-600:]}")
    return result.stdout


def local(element):
    return element.tag.split("}")[-1] if isinstance(element.tag, str) else ""


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def check_common(name, root, titles, findings):
    elements = [e for e in root.iter() if local(e)]
    for element in elements:
        tag = local(element)
        if tag == "script":
            findings.append(f"{name}: a script element: {text_of(element)[:80]!r}")
        for attribute, value in element.attrib.items():
            attribute = attribute.split("}")[-1].lower()
            if attribute.startswith("on"):
                findings.append(f"{name}: <{tag} {attribute}={value!r}>")
            if attribute in ("href", "src", "action", "formaction") and tag != "xslt-warning-banner":
                scheme = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):", value)
                if scheme and scheme.group(1).lower() not in ("http", "https"):
                    findings.append(f"{name}: <{tag} {attribute}={value!r}> is not an http(s) or relative link")
    html = [e for e in elements if local(e) == "html"]
    if not html or not html[0].get("lang"):
        findings.append(f"{name}: the html element has no lang")
    shown = [text_of(e) for e in elements if local(e) == "h3"]
    entries = [t for t in shown if t in titles]
    missing = [t for t in titles if t not in shown]
    if missing:
        findings.append(f"{name}: {len(missing)} entry titles not shown as h3, such as {missing[0]!r} (shown: {shown[:3]!r}…)")
    elif entries[:len(titles)] != titles:
        findings.append(f"{name}: the entries are not in feed.json's order: {entries[:5]!r}…")


def check_feed_page(name, root, findings):
    elements = [e for e in root.iter() if local(e)]
    if local(root) != "html":
        findings.append(f"{name}: Chromium shows the XML ({local(root)}), not the stylesheet's page")
        return
    if len([e for e in elements if local(e) == "h1"]) != 1:
        findings.append(f"{name}: not one h1")
    if FEED_NOTE not in text_of(root):
        findings.append(f"{name}: the note {FEED_NOTE!r} is missing")
    if not any(local(e) == "a" and e.get("href") == "index.html" for e in elements):
        findings.append(f"{name}: no link to index.html")


def check_index(root, findings):
    elements = [e for e in root.iter() if local(e)]
    if not any(local(e) == "meta" and e.get("http-equiv") == "Content-Security-Policy" and e.get("content") == CSP
               for e in elements):
        findings.append("index.html: no Content-Security-Policy meta")
    for landmark in ("header", "nav", "main", "footer"):
        if not any(local(e) == landmark for e in elements):
            findings.append(f"index.html: no {landmark} element")
    navs = [e for e in elements if local(e) == "nav"]
    links = [a.get("href") for nav in navs for a in nav.iter() if local(a) == "a"]
    for output in SUBSCRIBE:
        if output not in links:
            findings.append(f"index.html: no subscribe link to {output} (links: {links})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--screenshots")
    parser.add_argument("--chromium")
    args = parser.parse_args()
    binary = find_chromium(args.chromium)
    if binary is None:
        print("check_pages: chromium is not installed (apt-get install chromium; CI installs it: .ci/run)")
        sys.exit(2)
    items = json.load(open(os.path.join(args.directory, "feed.json"), encoding="utf-8"))["items"]
    titles = [" ".join(item.get("title", "").split()) or "(untitled)" for item in items]
    findings, notes = [], []
    server = serve(args.directory)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for name in ("index.html", "atom.xml", "rss.xml"):
            # One Chromium run per page: the DOM, and the screenshot when asked for.
            shot = os.path.join(args.screenshots, name.replace(".", "-") + ".png") if args.screenshots else None
            if shot:
                os.makedirs(args.screenshots, exist_ok=True)
            dom = chromium(binary, ["--dump-dom"] + ([f"--screenshot={shot}", f"--window-size={PHONE}"] if shot else []), base + name)
            root = html5lib.parse(dom, treebuilder="etree", namespaceHTMLElements=False)
            if name == "index.html":
                check_index(root, findings)
            else:
                check_feed_page(name, root, findings)
                if any(local(e) == "xslt-warning-banner" for e in root.iter()):
                    notes.append(f"{name}: Chromium shows its banner announcing that XSLT is being removed")
            check_common(name, root, titles, findings)
            # A blank phone-sized page compresses to about 3 KB; these pages to tens of KB.
            if shot and (not os.path.exists(shot) or os.path.getsize(shot) < 8000):
                findings.append(f"{name}: no screenshot, or a blank one: {shot}")
    finally:
        server.shutdown()
    for note in notes:
        print("note:", note)
    for finding in findings:
        print(finding)
    print(f"check_pages: {len(titles)} entries, 3 pages, {len(findings)} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
