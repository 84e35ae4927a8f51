#!/usr/bin/env python3
"""Reads feedd's outputs the way readers do and reports anything executable or unsafe in them.

Usage: check_safe_output.py OUTPUT_DIR

Each feed is parsed as a reader would: atom.xml and rss.xml with Python feedparser, its own sanitiser
switched off (so what feedd wrote is what is checked), feed.json with the json module. Then every
HTML-bearing field is parsed by html5lib, a separate HTML5 parser, and walked: in RSS every title,
description and content (readers render them as HTML), in Atom those whose type is html or xhtml, in JSON
Feed content_html. The walk allows no script, style, frame, object, form, meta, link, base or SVG/MathML element, no
event-handler attribute, no URL attribute whose scheme is not http, https or mailto, no CSS that loads
or runs anything. Every URL field (links, enclosures, authors' pages, sources) must be an absolute
http(s) URL. index.html, when there is one, is parsed whole by html5lib and walked the same way, but for
what the page itself is made of: its head's metas (charset, viewport, generator and the Content Security
Policy, which must be there), `link rel="alternate"` to the feeds beside it, and one style element in
the head; its links are http(s) or relative ones to the outputs beside it. Prints one line per finding and
a count at the end; exits 1 on any finding.
"""
import io
import json
import os
import re
import sys

import feedparser
import html5lib

FORBIDDEN_ELEMENTS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "meta", "link", "base", "svg", "math", "template", "noscript", "xmp", "plaintext",
    "portal", "dialog",
}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "srcset",
    "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "usemap", "icon",
}
SAFE_SCHEMES = {"http", "https", "mailto"}
CSS_DANGER = re.compile(r"expression\s*\(|url\s*\(|@import|javascript:|behavior\s*:|-moz-binding", re.I)


def scheme_of(url):
    """The scheme a browser sees: C0 controls and spaces stripped, tabs and newlines removed."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                 "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"^([^:/?#]*):", cleaned)
    return match.group(1).lower() if match else None


def check_html(where, html, findings):
    if not html:
        return
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    for element in fragment.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        local = tag.split("}")[-1].lower()
        if local in FORBIDDEN_ELEMENTS:
            findings.append(f"{where}: <{local}> element")
        for name, value in element.attrib.items():
            attribute = name.split("}")[-1].lower()
            if attribute.startswith("on"):
                findings.append(f"{where}: event handler {attribute}={value!r}")
            if attribute in URL_ATTRIBUTES:
                for url in (part.strip().split(" ")[0] for part in value.split(",")) if attribute == "srcset" else [value]:
                    scheme = scheme_of(url)
                    if scheme is not None and scheme not in SAFE_SCHEMES:
                        findings.append(f"{where}: {attribute}={value!r} ({scheme}:)")
            if attribute == "style" and CSS_DANGER.search(value):
                findings.append(f"{where}: style={value!r}")


def check_url(where, url, findings):
    if url is None or url == "":
        return
    scheme = scheme_of(url)
    if scheme not in ("http", "https"):
        findings.append(f"{where}: URL {url!r} is not absolute http(s)")
    if any(ch in url for ch in ' "<>\\^`{|}') or any(ord(ch) < 0x21 for ch in url):
        findings.append(f"{where}: URL {url!r} holds characters a URI cannot")


HTML_TYPES = ("text/html", "application/xhtml+xml")


def check_field(where, detail, value, always_html, findings):
    """Checks a text construct as HTML when its declared type is HTML, or always (`always_html`: RSS, whose
    readers render titles and descriptions as HTML whatever they hold)."""
    kind = (detail or {}).get("type", "text/html")
    if always_html or kind in HTML_TYPES:
        check_html(where, value, findings)


def check_xml_feed(path, findings):
    parsed = feedparser.parse(io.BytesIO(open(path, "rb").read()), sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo:
        findings.append(f"{path}: not well-formed: {parsed.bozo_exception}")
    name = os.path.basename(path)
    rss = parsed.version.startswith("rss")
    feed = parsed.feed
    check_field(f"{name} feed title", feed.get("title_detail"), feed.get("title"), rss, findings)
    check_field(f"{name} feed subtitle", feed.get("subtitle_detail"), feed.get("subtitle"), rss, findings)
    for link in feed.get("links", []):
        check_url(f"{name} feed link", link.get("href"), findings)
    for index, entry in enumerate(parsed.entries):
        where = f"{name} entry {index}"
        check_field(f"{where} title", entry.get("title_detail"), entry.get("title"), rss, findings)
        check_field(f"{where} summary", entry.get("summary_detail"), entry.get("summary"), rss, findings)
        for content in entry.get("content", []):
            check_field(f"{where} content", content, content.get("value"), rss, findings)
        # feedparser takes a permalink-looking id for the link when there is none (`guidislink`).
        if entry.get("link") != entry.get("id"):
            check_url(f"{where} link", entry.get("link"), findings)
        for link in entry.get("links", []):
            check_url(f"{where} link[{link.get('rel')}]", link.get("href"), findings)
        for enclosure in entry.get("enclosures", []):
            check_url(f"{where} enclosure", enclosure.get("href"), findings)
        for author in entry.get("authors", []):
            check_url(f"{where} author", author.get("href"), findings)
        source = entry.get("source", {})
        for link in source.get("links", []):
            check_url(f"{where} source link", link.get("href"), findings)
        check_field(f"{where} source title", source.get("title_detail"), source.get("title"), rss, findings)
    return len(parsed.entries)


def check_json_feed(path, findings):
    document = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)
    for key in ("home_page_url", "feed_url"):
        check_url(f"{name} {key}", document.get(key), findings)
    for author in document.get("authors", []):
        check_url(f"{name} author", author.get("url"), findings)
    items = document.get("items", [])
    for index, item in enumerate(items):
        where = f"{name} item {index}"
        # content_html is HTML; title, summary and content_text are plain text by the specification.
        check_html(f"{where} content_html", item.get("content_html"), findings)
        for key in ("url", "external_url", "image", "banner_image"):
            check_url(f"{where} {key}", item.get(key), findings)
        for attachment in item.get("attachments", []):
            check_url(f"{where} attachment", attachment.get("url"), findings)
        for author in item.get("authors", []):
            check_url(f"{where} author", author.get("url"), findings)
        source = item.get("_feedd", {}).get("source", {})
        for key in ("home_page_url", "feed_url"):
            check_url(f"{where} source {key}", source.get(key), findings)
    return len(items)


PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:"
PAGE_METAS = {("charset", None), ("name", "viewport"), ("name", "generator"), ("http-equiv", "Content-Security-Policy")}


def check_page(path, findings):
    """index.html: the page's own head allowed, nothing else executable; its entries (article elements)."""
    document = html5lib.parse(open(path, "rb").read(), treebuilder="etree", namespaceHTMLElements=False)
    head = document.find("head")
    own = set()
    if head is not None:
        styles = [e for e in head if e.tag == "style"]
        own.update(id(e) for e in styles[:1])
        for element in head:
            if element.tag == "meta":
                kind = next(((k, element.get(k) if k != "charset" else None) for k in ("charset", "name", "http-equiv")
                             if element.get(k) is not None), None)
                if kind in PAGE_METAS:
                    own.add(id(element))
            elif element.tag == "link" and element.get("rel") == "alternate" and scheme_of(element.get("href", "")) is None:
                own.add(id(element))
    if not any(e.tag == "meta" and e.get("http-equiv") == "Content-Security-Policy" and e.get("content") == PAGE_CSP
               for e in (head if head is not None else [])):
        findings.append("index.html: no Content-Security-Policy meta")
    articles = 0
    for element in document.iter():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        articles += tag == "article"
        if tag in FORBIDDEN_ELEMENTS and id(element) not in own:
            findings.append(f"index.html: <{tag}> element")
        for name, value in element.attrib.items():
            attribute = name.split("}")[-1].lower()
            if attribute.startswith("on"):
                findings.append(f"index.html: event handler {attribute}={value!r}")
            if attribute in URL_ATTRIBUTES:
                scheme = scheme_of(value)
                if scheme is not None and scheme not in ("http", "https"):
                    findings.append(f"index.html: {attribute}={value!r} ({scheme}:)")
            if attribute == "style":
                findings.append(f"index.html: style={value!r}")
    return articles


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    findings = []
    counts = {}
    counts["atom.xml"] = check_xml_feed(os.path.join(directory, "atom.xml"), findings)
    counts["rss.xml"] = check_xml_feed(os.path.join(directory, "rss.xml"), findings)
    counts["feed.json"] = check_json_feed(os.path.join(directory, "feed.json"), findings)
    if os.path.exists(os.path.join(directory, "index.html")):
        counts["index.html"] = check_page(os.path.join(directory, "index.html"), findings)
    for finding in findings:
        print("UNSAFE", finding)
    for name, count in counts.items():
        print(f"checked {name}: {count} entries")
    print(f"safe-output: {sum(counts.values())} entries checked, {len(findings)} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
