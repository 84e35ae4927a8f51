#!/usr/bin/env python3
"""Checks feedd's outputs in a directory the way validators and readers see them.

    check_interop.py DIR [--entries N] [--schemas DIR]

DIR holds atom.xml, rss.xml, feed.json and feeds.opml. Each is checked by:

- libxml2's RELAX NG validator (`xmllint --relaxng`) against RFC 4287's grammar (atom.xml);
- Python feedparser (atom.xml, rss.xml): well-formed, no bozo, every entry with an id, a title and a date;
- newsboat (atom.xml, rss.xml as file:// URLs; feeds.opml imported with -i): reload without an error and
  the same number of articles;
- sfeed (atom.xml, rss.xml): one line per entry, each with a timestamp and a title;
- the JSON Feed 1.1 schema (feed.json, with `jsonschema`);
- the W3C Feed Validation Service's rules that feedd's outputs could break (RFC 4287, RSS 2.0 and the RSS
  Best Practices Profile, OPML 2.0), re-implemented here because its code cannot be shipped: named by the
  validator's message ids (InvalidFullLink, DuplicateElement, DuplicateItemSemantics, ContainsRelRef,
  InvalidUriChar, UriNotIri, MissingSelf, MissingAtomSelfLink, DuplicateUpdated, MissingSourceElement,
  NeedDescriptionBeforeContent, UndefinedElement, …).

Every finding is printed on its own line; the exit status is 1 when there is any, 2 when a tool is
missing. The entry counts of the four files must agree (and equal N when given).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "Fixtures", "schemas")

# RFC 3986: every character a URI may hold (a `%` must start an escape, checked apart).
URI_CHARS = re.compile(r"^[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What an IRI may not hold either (RFC 3987): controls, space, and the characters excluded from URIs.
IRI_FORBIDDEN = re.compile(r"[\x00-\x20\x7f<>\"{}|\\^`]")
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")

findings = []


def finding(file, rule, detail):
    findings.append(f"{file}: {rule}: {detail}")


def check_uri(file, where, value, iri=False):
    """A full URI (RSS, OPML, JSON Feed) or IRI (Atom): absolute, nothing outside the allowed characters."""
    if value is None:
        return
    if not SCHEME.match(value):
        finding(file, "InvalidFullLink", f"{where} is not an absolute URL: {value!r}")
    if BAD_ESCAPE.search(value):
        finding(file, "InvalidUriChar", f"{where} has a % that starts no escape: {value!r}")
    if iri:
        if IRI_FORBIDDEN.search(value):
            finding(file, "InvalidUriChar", f"{where} has a character not allowed in an IRI: {value!r}")
    elif not URI_CHARS.match(value):
        rule = "UriNotIri" if any(ord(c) > 0x7F for c in value) else "InvalidUriChar"
        finding(file, rule, f"{where} has a character not allowed in a URI: {value!r}")


class LinkCollector(HTMLParser):
    """The URLs an HTML body points at (href, src, cite, poster, srcset)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "cite", "poster", "action", "longdesc"):
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def relative_references(html):
    collector = LinkCollector()
    collector.feed(html or "")
    return [u for u in collector.urls if not SCHEME.match(u.strip())]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def need(tool):
    if shutil.which(tool) is None:
        print(f"check_interop: {tool} is not installed (CI installs it: .ci/run)")
        sys.exit(2)


# --- Atom ---------------------------------------------------------------------------------------------

def check_atom(path, schemas):
    need("xmllint")
    result = run(["xmllint", "--noout", "--relaxng", os.path.join(schemas, "atom.rng"), path])
    if result.returncode != 0:
        finding("atom.xml", "RelaxNG", result.stderr.strip().replace("\n", " | "))
    root = ET.parse(path).getroot()
    links = root.findall(ATOM + "link")
    selfs = [l for l in links if l.get("rel") == "self"]
    if not selfs:
        finding("atom.xml", "MissingSelf", "no atom:link rel=self")
    for link in links:
        check_uri("atom.xml", f"feed link rel={link.get('rel')}", link.get("href"), iri=True)
        if link.get("rel") == "self" and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]", link.get("href", "")):
            finding("atom.xml", "RelativeSelf", f"self link without an authority: {link.get('href')!r}")
    updated_seen = {}
    entries = root.findall(ATOM + "entry")
    for index, entry in enumerate(entries):
        where = f"entry {index + 1}"
        for link in entry.findall(ATOM + "link"):
            check_uri("atom.xml", f"{where} link rel={link.get('rel')}", link.get("href"), iri=True)
        check_uri("atom.xml", f"{where} id", entry.findtext(ATOM + "id"), iri=True)
        for uri in entry.iter(ATOM + "uri"):
            check_uri("atom.xml", f"{where} author uri", uri.text, iri=True)
        updated = entry.findtext(ATOM + "updated")
        if updated in updated_seen:
            finding("atom.xml", "DuplicateUpdated", f"{where} has the updated of entry {updated_seen[updated]}: {updated}")
        updated_seen.setdefault(updated, index + 1)
        source = entry.find(ATOM + "source")
        if source is not None:
            for name in ("id", "title", "updated"):
                if source.find(ATOM + name) is None:
                    finding("atom.xml", "MissingSourceElement", f"{where}: atom:source has no {name}")
            for link in source.findall(ATOM + "link"):
                check_uri("atom.xml", f"{where} source link", link.get("href"), iri=True)
    return len(entries)


# --- RSS ----------------------------------------------------------------------------------------------

def check_rss(path):
    root = ET.parse(path).getroot()
    channel = root.find("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
        finding("rss.xml", "NotRSS", "the root is not <rss version=\"2.0\"><channel>")
        return 0
    for name in ("title", "link", "description"):
        if channel.find(name) is None:
            finding("rss.xml", "MissingElement", f"channel has no {name}")
    check_uri("rss.xml", "channel link", channel.findtext("link"))
    selfs = [l for l in channel.findall(ATOM + "link") if l.get("rel") == "self"]
    if not selfs:
        finding("rss.xml", "MissingAtomSelfLink", "no atom:link rel=self")
    for link in selfs:
        check_uri("rss.xml", "atom:link self", link.get("href"))
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]", link.get("href", "")):
            finding("rss.xml", "RelativeSelf", f"self link without an authority: {link.get('href')!r}")
    items = channel.findall("item")
    for index, item in enumerate(items):
        where = f"item {index + 1}"
        names = [child.tag for child in item]
        for name in ("title", "link", "description", "author", "comments", "guid", "pubDate", "source", "enclosure"):
            if names.count(name) > 1:
                finding("rss.xml", "DuplicateElement", f"{where} has {names.count(name)} <{name}>")
        if "author" in names and DC + "creator" in names:
            finding("rss.xml", "DuplicateItemSemantics", f"{where} has both author and dc:creator")
        if "pubDate" in names and DC + "date" in names:
            finding("rss.xml", "DuplicateItemSemantics", f"{where} has both pubDate and dc:date")
        if "category" in names and DC + "subject" in names:
            finding("rss.xml", "DuplicateItemSemantics", f"{where} has both category and dc:subject")
        if CONTENT + "encoded" in names:
            if "description" not in names or names.index("description") > names.index(CONTENT + "encoded"):
                finding("rss.xml", "NeedDescriptionBeforeContent", f"{where}: content:encoded without a description before it")
        if "guid" not in names:
            finding("rss.xml", "MissingGuid", f"{where} has no guid")
        if "title" not in names and "description" not in names:
            finding("rss.xml", "ItemMustContainTitleOrDescription", where)
        author = item.findtext("author")
        if author is not None and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+( \(.*\))?$", author):
            finding("rss.xml", "InvalidContact", f"{where} author is not an address: {author!r}")
        check_uri("rss.xml", f"{where} link", item.findtext("link"))
        guid = item.find("guid")
        if guid is not None and guid.get("isPermaLink", "true") == "true":
            check_uri("rss.xml", f"{where} permalink guid", guid.text)
        for enclosure in item.findall("enclosure"):
            check_uri("rss.xml", f"{where} enclosure", enclosure.get("url"))
            for attribute in ("url", "length", "type"):
                if enclosure.get(attribute) is None:
                    finding("rss.xml", "MissingAttribute", f"{where} enclosure has no {attribute}")
        for source in item.findall("source"):
            check_uri("rss.xml", f"{where} source", source.get("url"))
        for name in ("description", CONTENT + "encoded"):
            for relative in relative_references(item.findtext(name)):
                finding("rss.xml", "ContainsRelRef", f"{where} {name.split('}')[-1]} has a relative URL: {relative!r}")
            for url in LinkCollectorUrls(item.findtext(name)):
                check_uri("rss.xml", f"{where} {name.split('}')[-1]} URL", url)
    return len(items)


def LinkCollectorUrls(html):
    collector = LinkCollector()
    collector.feed(html or "")
    return [u for u in collector.urls if SCHEME.match(u) and not u.lower().startswith("mailto:")]


# --- JSON Feed ----------------------------------------------------------------------------------------

def check_json(path, schemas):
    try:
        import jsonschema
    except ImportError:
        print("check_interop: Python jsonschema is not installed (CI installs it: .ci/run)")
        sys.exit(2)
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    with open(os.path.join(schemas, "jsonfeed-1.1.schema.json"), encoding="utf-8") as handle:
        schema = json.load(handle)
    for error in jsonschema.Draft202012Validator(schema).iter_errors(document):
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        finding("feed.json", "Schema", f"{where}: {error.message[:200]}")
    for index, item in enumerate(document.get("items", [])):
        for relative in relative_references(item.get("content_html")):
            finding("feed.json", "ContainsRelRef", f"item {index + 1} content_html has a relative URL: {relative!r}")
    return len(document.get("items", []))


# --- OPML ---------------------------------------------------------------------------------------------

HEAD_ELEMENTS = {"title", "dateCreated", "dateModified", "ownerName", "ownerEmail", "ownerId", "expansionState",
                 "vertScrollState", "windowTop", "windowLeft", "windowBottom", "windowRight"}


def check_opml(path):
    root = ET.parse(path).getroot()
    if root.tag != "opml" or root.get("version") != "2.0":
        finding("feeds.opml", "NotOPML", "the root is not <opml version=\"2.0\">")
    head, body = root.find("head"), root.find("body")
    if head is None or body is None:
        finding("feeds.opml", "MissingElement", "no head or no body")
        return []
    for child in head:
        if child.tag not in HEAD_ELEMENTS:
            finding("feeds.opml", "UndefinedElement", f"head element <{child.tag}> (the validator does not know it)")
    outlines = list(body.iter("outline"))
    if not outlines:
        finding("feeds.opml", "MissingElement", "body has no outline")
    seen = set()
    urls = []
    for outline in outlines:
        if outline.get("text") is None:
            finding("feeds.opml", "MissingAttribute", "an outline has no text")
        url = outline.get("xmlUrl")
        if url is None:
            continue
        if outline.get("type") != "rss":
            finding("feeds.opml", "MissingOutlineType", f"{url}: type is {outline.get('type')!r}, not rss")
        check_uri("feeds.opml", "xmlUrl", url)
        check_uri("feeds.opml", "htmlUrl", outline.get("htmlUrl"))
        if not url.startswith(("http://", "https://")):
            finding("feeds.opml", "NotPublic", f"xmlUrl is not an http(s) URL: {url!r}")
        if url in seen:
            finding("feeds.opml", "DuplicateOutline", f"xmlUrl listed twice: {url}")
        seen.add(url)
        urls.append(url)
    return urls


# --- Readers ------------------------------------------------------------------------------------------

def check_feedparser(name, path):
    import feedparser

    parsed = feedparser.parse(path)
    if parsed.bozo:
        finding(name, "feedparser", f"bozo: {parsed.bozo_exception}")
    for index, entry in enumerate(parsed.entries):
        for key in ("id", "title"):
            if not entry.get(key):
                finding(name, "feedparser", f"entry {index + 1} has no {key}")
        if not (entry.get("published_parsed") or entry.get("updated_parsed")):
            finding(name, "feedparser", f"entry {index + 1} has no date feedparser reads")
    return len(parsed.entries)


def check_newsboat(directory, count):
    need("newsboat")
    with tempfile.TemporaryDirectory() as home:
        urls = os.path.join(home, "urls")
        with open(urls, "w", encoding="utf-8") as handle:
            for name in ("atom.xml", "rss.xml"):
                handle.write("file://" + os.path.join(os.path.abspath(directory), name) + "\n")
        environment = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
        # newsboat reports a feed it cannot read only in its error log.
        config, errors = os.path.join(home, "config"), os.path.join(home, "errors.log")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(f'error-log "{errors}"\n')
        base = ["newsboat", "-u", urls, "-c", os.path.join(home, "cache.db"), "-C", config]
        reload = run(base + ["-x", "reload"], env=environment)
        logged = open(errors, encoding="utf-8", errors="replace").read().strip() if os.path.exists(errors) else ""
        if reload.returncode != 0 or logged:
            finding("newsboat", "reload", (logged + " " + reload.stderr + reload.stdout).strip()[:400])
        # The Atom and RSS copies of an entry share its id, which newsboat keys articles by: one each.
        unread = run(base + ["-x", "print-unread"], env=environment)
        match = re.search(r"(\d+) unread articles", unread.stdout)
        if not match or int(match.group(1)) != count:
            finding("newsboat", "articles", f"expected {count} unread articles, got: {unread.stdout.strip()!r} {unread.stderr.strip()!r}")
        imported = run(["newsboat", "-u", os.path.join(home, "imported"), "-C", config, "-i", os.path.join(directory, "feeds.opml")], env=environment)
        if imported.returncode != 0:
            finding("newsboat", "import", (imported.stderr + imported.stdout).strip()[:400])


def check_sfeed(directory, count):
    need("sfeed")
    for name in ("atom.xml", "rss.xml"):
        with open(os.path.join(directory, name), "rb") as handle:
            result = subprocess.run(["sfeed"], stdin=handle, capture_output=True, timeout=60)
        lines = [line for line in result.stdout.decode("utf-8", "replace").split("\n") if line]
        if result.returncode != 0:
            finding(name, "sfeed", f"exit status {result.returncode}")
        if len(lines) != count:
            finding(name, "sfeed", f"{len(lines)} lines for {count} entries")
        for number, line in enumerate(lines):
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0] or not fields[1]:
                finding(name, "sfeed", f"line {number + 1} lacks a timestamp or a title: {line[:120]!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--entries", type=int, help="the number of entries every output must hold")
    parser.add_argument("--schemas", default=SCHEMAS)
    parser.add_argument("--opml-urls", help="comma-separated xmlUrl list feeds.opml must hold, in order")
    args = parser.parse_args()
    directory = args.directory
    path = lambda name: os.path.join(directory, name)

    counts = {
        "atom.xml": check_atom(path("atom.xml"), args.schemas),
        "rss.xml": check_rss(path("rss.xml")),
        "feed.json": check_json(path("feed.json"), args.schemas),
        "atom.xml (feedparser)": check_feedparser("atom.xml", path("atom.xml")),
        "rss.xml (feedparser)": check_feedparser("rss.xml", path("rss.xml")),
    }
    urls = check_opml(path("feeds.opml"))
    if args.opml_urls is not None:
        expected = [u for u in args.opml_urls.split(",") if u]
        if urls != expected:
            finding("feeds.opml", "Outlines", f"expected {expected}, got {urls}")
    if len(set(counts.values())) != 1:
        finding("(all)", "Counts", f"the outputs disagree on the number of entries: {counts}")
    count = counts["atom.xml"]
    if args.entries is not None and count != args.entries:
        finding("(all)", "Counts", f"expected {args.entries} entries, found {count}")
    check_newsboat(directory, count)
    check_sfeed(directory, count)

    for line in findings:
        print(line)
    print(f"check_interop: {count} entries, {len(urls)} OPML feeds, {len(findings)} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
