#!/usr/bin/env python3
"""Differential test: what `feedd inspect --json` reads from a feed against what Python feedparser reads.

Usage: differential.py FEEDD_BINARY [--corpus DIR ...] [--generated N] [--seed S] [--keep DIR]
                       [--json OUT] [--min-agreement 0.98] [--show-differences K]

Every feed file (the corpus directories' *.xml, *.rss, *.atom, *.rdf files, by default
Tests/Fixtures/feeds, plus N generated feeds) is read by `FEEDD_BINARY inspect --json FILE` and by
`feedparser.parse(bytes)`, both are mapped to one normalised shape, and the shapes are compared field by
field. A field is counted when either side has a value; it agrees when the normalised values are equal.
Prints a table (field, compared, agree, %), the overall figure and the first K differences; exits 1 when
the overall agreement is below --min-agreement (or when nothing was compared), 2 on a usage error.

Fields. Feed: title, link, subtitle, language, updated, published, authors (name, email, href),
categories (feedparser tags[].term), and the number of entries; a feed field feedd's report does not have
(an older feedd) is listed as not counted. Entry, matched by position: id, title, link,
published, updated, authors (name, email, href), summary, content, categories (feedparser tags[].term),
enclosures (url, type, length). feedd's `_feedd` object (its derived id) is ignored.

Normalisation, the same on both sides:
- text: ASCII whitespace runs collapsed to one space, trimmed; empty counts as missing. No Unicode
  normalisation (a different code point is a difference).
- titles and subtitles: feedd reports plain text; feedparser's value is read as HTML when its `type` says
  text/html or application/xhtml+xml (feedparser's own decision, including its "looks like HTML" guess for
  RSS), else as plain text.
- summary and content: HTML is reduced to its text (html5lib parses the fragment; text inside script,
  style and applet is dropped, as feedparser's sanitiser drops it and feedd's does when it publishes; block elements and <br> separate words; then
  whitespace is collapsed). Markup, attributes and link URLs are not compared: feedparser sanitises and
  resolves relative URLs inside HTML, `feedd inspect` shows the HTML as published (it sanitises later,
  when it publishes), so comparing markup would measure that choice on every entry. A value is read as
  HTML or text by feedparser's `type` for that field (the document's own `type`/mode, the same for both);
  when feedparser has no value, feedd's value is read as HTML if it has a tag or an entity. (feedd's
  report does not say whether a value is HTML or text, so that is not compared.)
- summary vs content: compared as feedparser reports them. feedparser puts RSS description / Atom summary
  in `summary` and content:encoded / Atom content in `content[0]`; when an entry has no summary element
  it copies the content into `summary` (`_end_content`; the copy has no `summary_detail`, so its type is
  the content's). feedd's report follows the same rule, so no adjustment is made on either side.
- dates: UTC seconds (feedd's RFC 3339 text; feedparser's *_parsed struct). Entry `updated` is read with
  dict.get, not feedparser's deprecated fallback to `published`.
- URLs: trimmed; `file:/+path` written as `file:///path` (feedparser's urljoin drops the empty host of the
  document URL `file:///…`, which both sides use as the base for relative links).
- language: lower-cased (BCP 47 tags are case-insensitive).
- authors, categories and enclosures: one field per attribute, compared as the ordered list of that
  attribute over the people, terms or enclosures (missing attributes kept as null so positions line up);
  enclosure length as a decimal integer.

Skipped, and listed in the output: JSON Feed files (feedparser 6 does not read JSON Feed; it reports a
not-well-formed XML document), documents neither side reads as a feed (feedd refuses them, feedparser
finds no version and no entry: not-a-feed.xml, empty.xml), and any file named in EXCLUDED with its reason.

feedparser is given the bytes and the same document URL feedd uses for a file (`file://` + absolute path)
as its Content-Location, so relative links resolve against the same base on both sides, with Content-Type
application/xml (see compare_file). It runs without chardet (not required here), so a document in an
undeclared legacy encoding is read by feedparser as windows-1252.

The generator (--generated N, --seed S) writes its own made-up feeds: RSS 0.91, 0.92, 1.0 (RDF), 2.0 and
Atom 0.3, 1.0, with and without guids/ids (isPermaLink true, false, absent; rdf:about), dates in RFC 822
forms (named and numeric zones, no weekday, no seconds, two-digit years) and ISO 8601 forms (Z, offsets
with and without a colon, fractions, date only, no zone), authors in each form (RSS "email (name)", bare
email, "name <email>", dc:creator, repeated; Atom and Atom 0.3 name/email/uri), categories (RSS category
with domain, dc:subject, atom:category term/label/scheme), enclosures (RSS, Atom rel=enclosure),
summary/content combinations (description only, content:encoded only, both in either order, Atom
summary and content as text, html, xhtml, Atom 0.3 modes), escaped and CDATA HTML with named entities,
xml:base with relative links, non-ASCII text, ISO-8859-1 documents, character references and comments.
"""
import argparse
import calendar
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

import feedparser
import html5lib

# Fixtures left out of the comparison, with the reason (none at present: a document both sides refuse,
# such as not-a-feed.xml or empty.xml, is listed as skipped on its own, see compare_file).
EXCLUDED = {}

FEED_FIELDS = ["title", "link", "subtitle", "language", "updated", "published",
               "authors.name", "authors.email", "authors.href", "categories", "entries"]
ENTRY_FIELDS = ["id", "title", "link", "published", "updated", "authors.name", "authors.email", "authors.href",
                "summary", "content", "categories", "enclosures.url", "enclosures.type", "enclosures.length"]
ALL_FIELDS = ["feed." + f for f in FEED_FIELDS] + ["entry." + f for f in ENTRY_FIELDS]
NOT_REPORTED = object()  # a field feedd's report does not have (yet): not counted

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
JSON_SUFFIXES = (".json",)

# ----------------------------------------------------------------------------------------------------
# Normalisation


_WS = re.compile(r"[ \t\n\r\f\v]+")


def collapse(text):
    if text is None:
        return None
    text = _WS.sub(" ", str(text)).strip()
    return text or None


_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
          "tr", "td", "th", "dl", "dt", "dd", "hr", "section", "article", "header", "footer", "figure",
          "figcaption", "aside", "nav", "main", "address", "img"}
_DROPPED = {"script", "style", "applet"}


def html_text(markup):
    """The text of an HTML fragment as html5lib reads it (see the module comment)."""
    if markup is None:
        return None
    fragment = html5lib.parseFragment(markup, treebuilder="etree", namespaceHTMLElements=False)
    parts = []

    def walk(element):
        tag = element.tag.split("}")[-1].lower() if isinstance(element.tag, str) else ""
        if tag in _DROPPED:
            parts.append(" ")
        else:
            if tag in _BLOCK:
                parts.append(" ")
            if element.text and isinstance(element.tag, str):
                parts.append(element.text)
            for child in element:
                walk(child)
            if tag in _BLOCK:
                parts.append(" ")
        if element.tail:
            parts.append(element.tail)

    if fragment.text:
        parts.append(fragment.text)
    for child in fragment:
        walk(child)
    return collapse("".join(parts))


_LOOKS_HTML = re.compile(r"<[A-Za-z!/]|&#?[A-Za-z0-9]+;")


def is_html_type(mime):
    return mime in ("text/html", "application/xhtml+xml", "html", "xhtml")


def canonical_body(value, html_kind):
    if value is None:
        return None
    return html_text(value) if html_kind else collapse(value)


def canonical_url(value):
    value = collapse(value)
    if value is None:
        return None
    return re.sub(r"^file:/+", "file:///", value)


def canonical_language(value):
    value = collapse(value)
    return value.lower() if value else None


def feedd_date(text):
    if not text:
        return None
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def feedparser_date(struct):
    return calendar.timegm(struct) if struct else None


def list_value(values):
    """An ordered list as a comparable value; missing when no item has a value."""
    values = tuple(values)
    return values if any(v is not None for v in values) else None


def length_text(value):
    if value is None:
        return None
    try:
        return str(int(str(value).strip()))
    except ValueError:
        return collapse(value)


# ----------------------------------------------------------------------------------------------------
# The two readers, mapped to one shape: {"feed": {field: value}, "entries": [{field: value}]}


def people(authors, href_key):
    authors = authors or []
    return {
        "authors.name": list_value(collapse(a.get("name")) for a in authors),
        "authors.email": list_value(collapse(a.get("email")) for a in authors),
        "authors.href": list_value(canonical_url(a.get(href_key)) for a in authors),
    }


def from_feedd(report):
    feed = {
        "title": collapse(report.get("title")),
        "link": canonical_url(report.get("link")),
        "subtitle": collapse(report.get("subtitle")),
        "language": canonical_language(report.get("language")),
        "updated": feedd_date(report.get("updated")),
        "published": feedd_date(report.get("published")) if "published" in report else NOT_REPORTED,
        "categories": list_value(collapse(c) for c in report["categories"] or []) if "categories" in report else NOT_REPORTED,
        "entries": len(report.get("entries") or []),
    }
    feed.update(people(report.get("authors"), "uri"))
    entries = []
    for e in report.get("entries") or []:
        entry = {
            "id": collapse(e.get("id")),
            "title": collapse(e.get("title")),
            "link": canonical_url(e.get("link")),
            "published": feedd_date(e.get("published")),
            "updated": feedd_date(e.get("updated")),
            # Raw values: read as HTML or text once feedparser's side says which (see compare_file).
            "summary": e.get("summary"),
            "content": e.get("content"),
            "categories": list_value(collapse(c) for c in e.get("categories") or []),
            "enclosures.url": list_value(canonical_url(x.get("url")) for x in e.get("enclosures") or []),
            "enclosures.type": list_value(collapse(x.get("type")) for x in e.get("enclosures") or []),
            "enclosures.length": list_value(length_text(x.get("length")) for x in e.get("enclosures") or []),
        }
        entry.update(people(e.get("authors"), "uri"))
        entries.append(entry)
    return {"feed": feed, "entries": entries}


def fp_text(detail, plain):
    """A feedparser text construct (title, subtitle) as text: its detail's type says HTML or plain."""
    if not detail:
        return collapse(plain)
    return canonical_body(detail.get("value"), is_html_type(detail.get("type")))


def from_feedparser(parsed):
    f = parsed.feed
    feed = {
        "title": fp_text(dict.get(f, "title_detail"), dict.get(f, "title")),
        "link": canonical_url(dict.get(f, "link")),
        "subtitle": fp_text(dict.get(f, "subtitle_detail"), dict.get(f, "subtitle")),
        "language": canonical_language(dict.get(f, "language")),
        "updated": feedparser_date(dict.get(f, "updated_parsed")),
        "published": feedparser_date(dict.get(f, "published_parsed")),
        "categories": list_value(collapse(t.get("term")) for t in dict.get(f, "tags") or []),
        "entries": len(parsed.entries),
    }
    feed.update(people(dict.get(f, "authors"), "href"))
    entries = []
    for e in parsed.entries:
        contents = dict.get(e, "content") or []
        # A summary element gives summary_detail; feedparser's copy of the content gives only `summary`.
        summary = dict.get(e, "summary_detail") or (
            {"value": dict.get(e, "summary"), "type": contents[0].get("type")} if contents and dict.get(e, "summary") else None)
        entry = {
            "id": collapse(dict.get(e, "id")),
            "title": fp_text(dict.get(e, "title_detail"), dict.get(e, "title")),
            "link": canonical_url(dict.get(e, "link")),
            "published": feedparser_date(dict.get(e, "published_parsed")),
            "updated": feedparser_date(dict.get(e, "updated_parsed")),
            "summary": dict(summary) if summary and summary.get("value") else None,
            "content": dict(contents[0]) if contents and contents[0].get("value") else None,
            "categories": list_value(collapse(t.get("term")) for t in dict.get(e, "tags") or []),
        }
        enclosures = [link for link in dict.get(e, "links") or [] if link.get("rel") == "enclosure"]
        entry["enclosures.url"] = list_value(canonical_url(x.get("href")) for x in enclosures)
        entry["enclosures.type"] = list_value(collapse(x.get("type")) for x in enclosures)
        entry["enclosures.length"] = list_value(length_text(x.get("length")) for x in enclosures)
        entry.update(people(dict.get(e, "authors"), "href"))
        entries.append(entry)
    return {"feed": feed, "entries": entries}


def settle_bodies(ours, theirs):
    """Reads summary and content as HTML or text, by feedparser's type for the field (see the module comment)."""
    kinds = {}
    for field in ("content", "summary"):
        detail = theirs[field]
        if detail is not None:
            kinds[field] = is_html_type(detail.get("type"))
            theirs[field] = canonical_body(detail.get("value"), kinds[field])
    for field in ("content", "summary"):
        raw = ours[field]
        kind = kinds.get(field, bool(raw and _LOOKS_HTML.search(raw)))
        ours[field] = canonical_body(raw, kind)


# ----------------------------------------------------------------------------------------------------
# Running both readers on one file


class Tally:
    def __init__(self):
        self.compared = {f: 0 for f in ALL_FIELDS}
        self.agreed = {f: 0 for f in ALL_FIELDS}
        self.unreported = set()
        self.differences = []
        self.files = 0
        self.skipped = []

    def add(self, path, index, field, ours, theirs):
        if ours is NOT_REPORTED:
            self.unreported.add(field)
            return
        if ours is None and theirs is None:
            return
        self.compared[field] += 1
        if ours == theirs:
            self.agreed[field] += 1
        else:
            self.differences.append({"file": path, "entry": index, "field": field, "feedd": ours, "feedparser": theirs})

    def merge(self, other):
        for f in ALL_FIELDS:
            self.compared[f] += other.compared[f]
            self.agreed[f] += other.agreed[f]
        self.unreported |= other.unreported
        self.differences += other.differences
        self.files += other.files
        self.skipped += other.skipped


def run_feedd(binary, path):
    result = subprocess.run([binary, "inspect", "--json", path], capture_output=True, timeout=60)
    if result.returncode != 0:
        return None, result.stderr.decode("utf-8", "replace").strip() or f"status {result.returncode}"
    try:
        return json.loads(result.stdout), None
    except ValueError as error:
        return None, f"no JSON report on standard output ({error})"


def compare_file(binary, path):
    tally = Tally()
    name = os.path.basename(path)
    if name.lower().endswith(JSON_SUFFIXES):
        tally.skipped.append((path, "JSON Feed: feedparser 6 does not read it"))
        return tally
    with open(path, "rb") as handle:
        data = handle.read()
    report, error = run_feedd(binary, path)
    if report is not None and str(report.get("format", "")).startswith("json"):
        tally.skipped.append((path, "JSON Feed: feedparser 6 does not read it"))
        return tally
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # With any response header feedparser takes the bytes as an HTTP body: the content type must be given
        # too, or it reads them as ISO-8859-1 (RFC 3023's text/xml default). application/xml with no
        # charset leaves the encoding to the document (BOM, XML declaration, else UTF-8), as for a file.
        parsed = feedparser.parse(data, response_headers={"content-location": "file://" + path,
                                                          "content-type": "application/xml"})
    theirs = from_feedparser(parsed)
    if report is None and not parsed.get("version") and not parsed.entries:
        tally.skipped.append((path, "neither side reads it as a feed (feedd: " + error.splitlines()[-1].split(": ")[-1][:100] + ")"))
        return tally
    if report is None:
        # feedd refused the document: everything feedparser read counts against it.
        report = {"entries": []}
        tally.differences.append({"file": path, "entry": None, "field": "(document)", "feedd": "refused: " + error,
                                  "feedparser": f"version {parsed.get('version')!r}, {len(parsed.entries)} entries"})
    ours = from_feedd(report)
    tally.files = 1
    for field in FEED_FIELDS:
        tally.add(path, None, "feed." + field, ours["feed"][field], theirs["feed"][field])
    blank = {f: None for f in ENTRY_FIELDS}
    for index in range(max(len(ours["entries"]), len(theirs["entries"]))):
        a = ours["entries"][index] if index < len(ours["entries"]) else dict(blank)
        b = theirs["entries"][index] if index < len(theirs["entries"]) else dict(blank)
        settle_bodies(a, b)
        for field in ENTRY_FIELDS:
            tally.add(path, index, "entry." + field, a[field], b[field])
    return tally


def corpus_files(directories):
    files = []
    for directory in directories:
        for name in sorted(os.listdir(directory)):
            path = os.path.abspath(os.path.join(directory, name))
            if not os.path.isfile(path) or not name.lower().endswith(FEED_SUFFIXES + JSON_SUFFIXES):
                continue
            files.append(path)
    return files


# ----------------------------------------------------------------------------------------------------
# The generator: varied feeds in every format, deterministic for a seed. All text is made up here.

WORDS = ("lantern harbour copper meadow quartz violet ember tundra orchard signal pebble ridge canopy "
         "falcon compass mosaic drizzle summit walnut beacon thicket saffron glacier ferry kiln marble "
         "osprey prairie quill raven sandbar timber umber vesper willow yarrow zephyr anvil bramble "
         "cobble dune estuary fjord granite heron inlet juniper kestrel lagoon").split()
NON_ASCII = ["café", "naïve", "Zürich", "Ελλάδα", "日本語", "Москва", "São Paulo", "œuvre", "Ærø", "fjörður", "🚀", "½ price"]
LATIN1 = ["café", "naïve", "Zürich", "São Paulo", "Ærø", "fjörður", "½ price"]
PEOPLE = [("Mira Holt", "mira@lantern.example.com"), ("Tomás Oyelaran", "tomas@harbour.example.org"),
          ("Ada Quist", "ada.quist@quartz.example.net"), ("Björn Nakamura", "bjorn@ember.example.com"),
          ("Lena Ferreira", "lena+feeds@orchard.example.org"), ("Kofi Mensah", "kofi@signal.example.net"),
          ("Ines Vale", "ines@vale.example")]  # a top-level domain longer than 4 letters, now and then
NAMED_ZONES = [("GMT", 0), ("UT", 0), ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300),
               ("MST", -420), ("MDT", -360), ("PST", -480), ("PDT", -420)]
OFFSETS = [0, 60, 120, 180, -300, -240, 330, 345, 540, -600, -210, 0]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "atom": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss1": "http://purl.org/rss/1.0/",
    "atom03": "http://purl.org/atom/ns#",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text):
    return esc(text).replace('"', "&quot;")


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.latin1 = False

    def chance(self, p):
        return self.rng.random() < p

    def words(self, low, high):
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def special(self):
        return self.rng.choice(LATIN1 if self.latin1 else NON_ASCII)

    def title_text(self):
        """A title as XML text: plain words, non-ASCII, entities, character references, odd spacing, a
        comment, escaped markup, a double-escaped ampersand (the last two as found in RSS titles)."""
        base = esc(self.words(2, 6).capitalize())
        word = self.rng.choice(WORDS)
        style = self.rng.choices(range(8), weights=[8, 3, 2, 2, 1, 1, 1, 1])[0]
        return [
            base,
            f"{base} {esc(self.special())}",
            f"{base} &amp; {word}",
            f"{base} caf&#233; &#x2014; {word}",
            f"  {base}\n   {word}  ",
            f"{base} {word[:3]}<!-- a note -->{word[3:]}",
            f"&lt;b&gt;{word}&lt;/b&gt; {base}",
            f"{base} &amp;amp; {word}",
        ][style]

    def html_fragment(self, base_relative, xml_safe=True):
        """HTML: paragraphs, inline markup, a link, maybe an image or a list; well-formed XML unless
        `xml_safe` is false, when HTML's named entities may appear (for escaped or CDATA carriers)."""
        paragraphs = []
        for _ in range(self.rng.randint(1, 3)):
            bits = [self.words(3, 10)]
            if self.chance(0.5):
                bits.append(f"<em>{self.words(1, 3)}</em>")
            if self.chance(0.5):
                href = f"notes/{self.rng.choice(WORDS)}.html" if base_relative and self.chance(0.5) else \
                    f"https://{self.rng.choice(WORDS)}.example/{self.rng.choice(WORDS)}"
                bits.append(f'<a href="{attr(href)}">{self.words(1, 3)}</a>')
            if self.chance(0.3):
                bits.append(esc(self.special()))
            if self.chance(0.2):
                bits.append("salt &amp; pepper")
            if self.chance(0.15):
                bits.append("a&#160;b")
            if not xml_safe and self.chance(0.2):
                bits.append(self.rng.choice(["caf&eacute;", "x&nbsp;y", "&mdash; aside", "&copy; 2024", "&lt;tag&gt;"]))
            if self.chance(0.15):
                bits.append(f'<img src="https://img.example/{self.rng.choice(WORDS)}.png" alt="{self.rng.choice(WORDS)}"/>')
            if self.chance(0.1):
                bits.append("<br/>" + self.words(1, 4))
            paragraphs.append("<p>" + " ".join(bits) + "</p>")
        if self.chance(0.15):
            paragraphs.append("<ul><li>" + self.words(1, 3) + "</li><li>" + self.words(1, 3) + "</li></ul>")
        return "".join(paragraphs)

    def escaped_html(self, relative):
        """HTML carried in an element whose content is HTML: escaped or in CDATA."""
        fragment = self.html_fragment(relative, xml_safe=False)
        return f"<![CDATA[{fragment}]]>" if self.chance(0.5) else esc(fragment)

    def plain_body(self):
        text = self.words(5, 25)
        if self.chance(0.3):
            text += " " + self.special()
        if self.chance(0.2):
            text += " 3 &lt; 4 &amp; 5 &gt; 2"
        return text

    # Dates ------------------------------------------------------------------------------------------

    def instant(self):
        return self.rng.randint(946684800, 1893456000)  # 2000 … 2030

    def rfc822(self, t):
        style = self.rng.randrange(7)
        if style in (1, 2):
            zone, offset = self.rng.choice(NAMED_ZONES)
        else:
            offset = self.rng.choice(OFFSETS)
            zone = ("+" if offset >= 0 else "-") + f"{abs(offset) // 60:02d}{abs(offset) % 60:02d}"
        local = time.gmtime(t + offset * 60)
        day = f"{local.tm_mday:02d}" if style != 3 else str(local.tm_mday)
        year = str(local.tm_year)
        clock = f"{local.tm_hour:02d}:{local.tm_min:02d}:{local.tm_sec:02d}"
        weekday = DAYS[local.tm_wday] + ", "
        if style == 4:
            clock = clock[:5]
        if style == 5:
            weekday = ""
        if style == 6 and local.tm_year < 2049:
            year = year[2:]
        return f"{weekday}{day} {MONTHS[local.tm_mon - 1]} {year} {clock} {zone}"

    def iso(self, t, allow_partial=True):
        style = self.rng.randrange(8) if allow_partial else self.rng.randrange(4)
        offset = self.rng.choice(OFFSETS) if style in (1, 3, 5) else 0
        local = time.gmtime(t + offset * 60)
        date = f"{local.tm_year:04d}-{local.tm_mon:02d}-{local.tm_mday:02d}"
        clock = f"{local.tm_hour:02d}:{local.tm_min:02d}:{local.tm_sec:02d}"
        zone = "Z" if offset == 0 else ("+" if offset > 0 else "-") + f"{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
        if style == 2:
            return f"{date}T{clock}.{self.rng.randint(0, 999):03d}Z"
        if style == 4:
            return f"{date}T{clock[:5]}{zone}"
        if style == 5:
            return f"{date}T{clock}{zone.replace(':', '')}"
        if style == 6:
            return date
        if style == 7:
            return f"{date}T{clock}"
        return f"{date}T{clock}{zone}"

    def rss_date(self, t):
        return self.rfc822(t) if self.chance(0.85) else self.iso(t)

    # People, ids, categories -------------------------------------------------------------------------

    def person(self):
        return PEOPLE[-1] if self.chance(0.04) else self.rng.choice(PEOPLE[:-1])

    def rss_author(self):
        name, email = self.person()
        style = self.rng.randrange(4)
        if style == 0:
            return f"{email} ({name})"
        if style == 1:
            return email
        if style == 2:
            return name
        return f"{name} &lt;{email}&gt;"

    def atom_person(self, tag, version):
        name, email = self.person()
        uri_tag = "uri" if version == "1.0" else "url"
        parts = [f"<name>{esc(name)}</name>"]
        if self.chance(0.5):
            parts.append(f"<email>{email}</email>")
        if self.chance(0.4):
            parts.append(f"<{uri_tag}>https://{email.split('@')[1]}/~{name.split()[0].lower()}</{uri_tag}>")
        if self.chance(0.1):
            parts = parts[1:] or parts
        return f"<{tag}>{''.join(parts)}</{tag}>"

    def term(self):
        term = self.rng.choice(WORDS)
        if self.chance(0.15):
            term += " " + self.rng.choice(WORDS)
        if self.chance(0.1):
            term = self.special()
        return term

    # Formats ----------------------------------------------------------------------------------------

    def feed(self, index):
        kinds = ["rss2.0", "rss2.0", "rss0.91", "rss0.92", "rss1.0", "atom1.0", "atom1.0", "atom0.3"]
        kind = kinds[index % len(kinds)]
        self.latin1 = kind.startswith("rss") and self.chance(0.1)
        body = {"rss2.0": self.rss2, "rss0.91": self.rss091, "rss0.92": self.rss092, "rss1.0": self.rdf,
                "atom1.0": self.atom10, "atom0.3": self.atom03}[kind]()
        if self.latin1:
            return kind, '<?xml version="1.0" encoding="ISO-8859-1"?>\n'.encode() + body.encode("iso-8859-1")
        declaration = '<?xml version="1.0" encoding="utf-8"?>\n' if self.chance(0.85) else ""
        return kind, (declaration + body).encode("utf-8")

    def site(self):
        return f"https://{self.rng.choice(WORDS)}-{self.rng.randint(1, 99)}.example/"

    def rss_channel_head(self, site, full):
        title = self.title_text()
        head = [f"<title>{title}</title>", f"<link>{site}</link>", f"<description>{esc(self.words(3, 9))}</description>"]
        if self.chance(0.7):
            head.append(f"<language>{self.rng.choice(['en', 'en-us', 'en-GB', 'fr', 'de-DE', 'ja'])}</language>")
        if full:
            if self.chance(0.6):
                head.append(f"<lastBuildDate>{self.rss_date(self.instant())}</lastBuildDate>")
            if self.chance(0.4):
                head.append(f"<pubDate>{self.rss_date(self.instant())}</pubDate>")
            if self.chance(0.3):
                name, email = self.person()
                head.append(f"<managingEditor>{email} ({esc(name)})</managingEditor>")
            elif self.chance(0.2):
                head.append(f"<dc:creator>{esc(self.person()[0])}</dc:creator>")
            for _ in range(self.rng.choice([0, 0, 0, 1, 2])):
                head.append(f"<category>{esc(self.term())}</category>")
        return head

    def rss_bodies(self, relative):
        """Summary/content combinations for an RSS item."""
        parts = []
        style = self.rng.randrange(6)
        if style in (0, 1):
            parts.append(f"<description>{esc(self.plain_body())}</description>")
        elif style == 2:
            parts.append(f"<description>{self.escaped_html(relative)}</description>")
        elif style == 3:
            parts.append(f"<content:encoded>{self.escaped_html(relative)}</content:encoded>")
        elif style == 4:
            parts.append(f"<description>{esc(self.plain_body())}</description>")
            parts.append(f"<content:encoded>{self.escaped_html(relative)}</content:encoded>")
            if self.chance(0.5):
                parts.reverse()
        return parts

    def rss2(self):
        site = self.site()
        base = self.chance(0.15)
        items = []
        for n in range(self.rng.randint(1, 6)):
            item = []
            if self.chance(0.9):
                item.append(f"<title>{self.title_text()}</title>")
            link = f"{site}{self.rng.choice(WORDS)}/{n}"
            relative = base and self.chance(0.6)
            if relative:
                link = f"posts/{n}.html"
            guid = self.rng.randrange(5)
            if self.chance(0.85):
                item.append(f"<link>{esc(link)}</link>")
            if guid == 1:
                item.append(f'<guid isPermaLink="false">{self.rng.choice(WORDS)}-{self.rng.randint(1, 10**6)}</guid>')
            elif guid == 2:
                item.append(f"<guid>{site}p/{n}</guid>")
            elif guid == 3:
                item.append(f'<guid isPermaLink="true">{site}perm/{n}</guid>')
            if self.chance(0.8):
                item.append(f"<pubDate>{self.rss_date(self.instant())}</pubDate>")
            elif self.chance(0.5):
                item.append(f"<dc:date>{self.iso(self.instant())}</dc:date>")
            who = self.rng.randrange(7)
            if who == 0:
                item.append(f"<author>{self.rss_author()}</author>")
            elif who == 1:
                item.append(f"<dc:creator>{esc(self.person()[0])}</dc:creator>")
            elif who == 2:
                item.append(f"<author>{self.person()[1]}</author>")
            elif who == 3:
                item.append(f"<dc:creator>{esc(self.person()[0])}</dc:creator><dc:creator>{esc(self.person()[0])}</dc:creator>")
            elif who == 4:
                item.append(f"<dc:creator>{esc(self.person()[0])}</dc:creator><author>{self.rss_author()}</author>")
            for _ in range(self.rng.choice([0, 0, 1, 2, 3])):
                domain = f' domain="{site}tags"' if self.chance(0.3) else ""
                item.append(f"<category{domain}>{esc(self.term())}</category>")
            if self.chance(0.15):
                item.append(f"<dc:subject>{esc(self.term())}</dc:subject>")
            if self.chance(0.25):
                kind = self.rng.choice(["audio/mpeg", "image/jpeg", "video/mp4", "application/pdf"])
                item.append(f'<enclosure url="{site}media/{n}.bin" type="{kind}" length="{self.rng.randint(0, 10**8)}"/>')
            item += self.rss_bodies(relative or base)
            self.rng.shuffle(item)
            item_base = f' xml:base="{site}{self.rng.choice(WORDS)}/"' if base and self.chance(0.3) else ""
            items.append(f"<item{item_base}>" + "".join(item) + "</item>")
        channel_base = f' xml:base="{site}"' if base else ""
        return (f'<rss version="2.0" xmlns:content="{NS["content"]}" xmlns:dc="{NS["dc"]}" xmlns:atom="{NS["atom"]}">'
                f"<channel{channel_base}>" + "".join(self.rss_channel_head(site, True)) + "\n" + "\n".join(items)
                + "</channel></rss>\n")

    def rss091(self):
        site = self.site()
        items = []
        for n in range(self.rng.randint(1, 6)):
            item = [f"<title>{self.title_text()}</title>", f"<link>{site}{self.rng.choice(WORDS)}/{n}</link>"]
            if self.chance(0.8):
                item.append(f"<description>{esc(self.plain_body()) if self.chance(0.6) else self.escaped_html(False)}</description>")
            items.append("<item>" + "".join(item) + "</item>")
        head = self.rss_channel_head(site, False)
        if self.chance(0.5):
            head.append(f"<pubDate>{self.rfc822(self.instant())}</pubDate>")
        return '<rss version="0.91"><channel>' + "".join(head) + "\n" + "\n".join(items) + "</channel></rss>\n"

    def rss092(self):
        site = self.site()
        items = []
        for n in range(self.rng.randint(1, 6)):
            item = []
            if self.chance(0.8):
                item.append(f"<title>{self.title_text()}</title>")
            if self.chance(0.8):
                item.append(f"<link>{site}{self.rng.choice(WORDS)}/{n}</link>")
            item.append(f"<description>{esc(self.plain_body()) if self.chance(0.5) else self.escaped_html(False)}</description>")
            if self.chance(0.4):
                item.append(f'<category domain="{site}cats">{esc(self.term())}</category>')
            if self.chance(0.3):
                item.append(f'<enclosure url="{site}ep{n}.mp3" length="{self.rng.randint(1, 10**7)}" type="audio/mpeg"/>')
            items.append("<item>" + "".join(item) + "</item>")
        return '<rss version="0.92"><channel>' + "".join(self.rss_channel_head(site, True)) + "\n" + "\n".join(items) + "</channel></rss>\n"

    def rdf(self):
        site = self.site()
        items, refs = [], []
        for n in range(self.rng.randint(1, 6)):
            about = f"{site}{self.rng.choice(WORDS)}/{n}"
            refs.append(f'<rdf:li rdf:resource="{about}"/>')
            item = [f"<title>{self.title_text()}</title>", f"<link>{about}</link>"]
            if self.chance(0.7):
                item.append(f"<dc:date>{self.iso(self.instant())}</dc:date>")
            if self.chance(0.5):
                item.append(f"<dc:creator>{esc(self.person()[0])}</dc:creator>")
            for _ in range(self.rng.choice([0, 1, 2])):
                item.append(f"<dc:subject>{esc(self.term())}</dc:subject>")
            body = self.rng.randrange(3)
            if body in (0, 2):
                item.append(f"<description>{esc(self.plain_body())}</description>")
            if body in (1, 2):
                item.append(f"<content:encoded>{self.escaped_html(False)}</content:encoded>")
            about_attr = f' rdf:about="{about}"' if self.chance(0.9) else ""
            items.append(f"<item{about_attr}>" + "".join(item) + "</item>")
        title = self.title_text()
        channel = [f"<title>{title}</title>", f"<link>{site}</link>", f"<description>{esc(self.words(3, 9))}</description>"]
        if self.chance(0.6):
            channel.append(f"<dc:language>{self.rng.choice(['en', 'nl', 'pt-BR'])}</dc:language>")
        if self.chance(0.6):
            channel.append(f"<dc:date>{self.iso(self.instant())}</dc:date>")
        if self.chance(0.3):
            channel.append(f"<dc:creator>{esc(self.person()[0])}</dc:creator>")
        channel.append("<items><rdf:Seq>" + "".join(refs) + "</rdf:Seq></items>")
        return (f'<rdf:RDF xmlns:rdf="{NS["rdf"]}" xmlns="{NS["rss1"]}" xmlns:dc="{NS["dc"]}" xmlns:content="{NS["content"]}">'
                f'<channel rdf:about="{site}feed.rdf">' + "".join(channel) + "</channel>\n" + "\n".join(items) + "</rdf:RDF>\n")

    def atom_text(self, tag, relative):
        """An Atom 1.0 text construct in one of its types, with HTML or plain text."""
        kind = self.rng.choice(["text", "html", "html", "xhtml", None])
        type_attr = f' type="{kind}"' if kind else ""
        if kind == "html":
            return f"<{tag}{type_attr}>{self.escaped_html(relative)}</{tag}>"
        if kind == "xhtml":
            return f'<{tag}{type_attr}><div xmlns="{NS["xhtml"]}">{self.html_fragment(relative)}</div></{tag}>'
        return f"<{tag}{type_attr}>{esc(self.plain_body())}</{tag}>"

    def atom_title(self, tag):
        kind = self.rng.choice([None, "text", "html", None, "xhtml"])
        if kind == "xhtml":
            return (f'<{tag} type="xhtml"><div xmlns="{NS["xhtml"]}">{esc(self.words(1, 3).capitalize())} '
                    f"<em>{self.rng.choice(WORDS)}</em> {esc(self.words(1, 2))}</div></{tag}>")
        if kind == "html":
            return f'<{tag} type="html">{esc(self.words(2, 5).capitalize())} &amp;amp; &lt;em&gt;{self.rng.choice(WORDS)}&lt;/em&gt;</{tag}>'
        type_attr = f' type="{kind}"' if kind else ""
        return f"<{tag}{type_attr}>{self.title_text()}</{tag}>"

    def atom10(self):
        site = self.site()
        base = self.chance(0.3)
        entries = []
        for n in range(self.rng.randint(1, 6)):
            entry = []
            if self.chance(0.95):
                entry.append(self.atom_title("title"))
            relative = base and self.chance(0.6)
            href = f"entries/{n}.html" if relative else f"{site}{self.rng.choice(WORDS)}/{n}"
            rel = ' rel="alternate"' if self.chance(0.5) else ""
            if self.chance(0.1):
                entry.append(f'<link rel="alternate" type="application/pdf" href="{site}pdf/{n}.pdf"/>')
            entry.append(f'<link{rel} href="{attr(href)}"/>')
            if self.chance(0.2):
                entry.append(f'<link rel="replies" href="{site}c/{n}"/>')
            if self.chance(0.2):
                entry.append(f'<link rel="enclosure" href="{site}a/{n}.ogg" type="audio/ogg" length="{self.rng.randint(1, 10**7)}"/>')
            if self.chance(0.9):
                entry.append(self.rng.choice([f"<id>urn:uuid:{self.rng.getrandbits(128):032x}</id>",
                                              f"<id>tag:{site[8:-1]},2024:{n}</id>", f"<id>{site}id/{n}</id>"]))
            if self.chance(0.9):
                entry.append(f"<updated>{self.iso(self.instant(), self.chance(0.2))}</updated>")
            if self.chance(0.5):
                entry.append(f"<published>{self.iso(self.instant(), self.chance(0.2))}</published>")
            for _ in range(self.rng.choice([0, 0, 1, 1, 2])):
                entry.append(self.atom_person("author", "1.0"))
            for _ in range(self.rng.choice([0, 1, 2])):
                term = self.term()
                label = f' label="{attr(term.title())}"' if self.chance(0.3) else ""
                scheme = f' scheme="{site}tags/"' if self.chance(0.3) else ""
                entry.append(f'<category term="{attr(term)}"{label}{scheme}/>')
            body = self.rng.randrange(4)
            if body in (0, 2):
                entry.append(self.atom_text("summary", relative or base))
            if body in (1, 2):
                entry.append(self.atom_text("content", relative or base))
            self.rng.shuffle(entry)
            entry_base = f' xml:base="{self.rng.choice(WORDS)}/"' if base and self.chance(0.3) else ""
            entries.append(f"<entry{entry_base}>" + "".join(entry) + "</entry>")
        head = [self.atom_title("title"), f'<link rel="alternate" href="{site}"/>', f'<link rel="self" href="{site}atom.xml"/>',
                f"<id>{site}</id>", f"<updated>{self.iso(self.instant(), False)}</updated>"]
        if self.chance(0.6):
            head.append(f"<subtitle>{esc(self.words(3, 8))}</subtitle>")
        if self.chance(0.5):
            head.append(self.atom_person("author", "1.0"))
        for _ in range(self.rng.choice([0, 0, 1, 2])):
            head.append(f'<category term="{attr(self.term())}"/>')
        lang = f' xml:lang="{self.rng.choice(["en", "fr-CA", "ja"])}"' if self.chance(0.5) else ""
        feed_base = f' xml:base="{site}"' if base else ""
        return f'<feed xmlns="{NS["atom"]}"{lang}{feed_base}>' + "".join(head) + "\n" + "\n".join(entries) + "</feed>\n"

    def atom03_text(self, tag):
        style = self.rng.randrange(4)
        if style == 0:
            return f'<{tag} type="text/plain">{esc(self.plain_body())}</{tag}>'
        if style == 1:
            return f'<{tag} type="text/html" mode="escaped">{self.escaped_html(False)}</{tag}>'
        if style == 2:
            return (f'<{tag} type="application/xhtml+xml" mode="xml"><div xmlns="{NS["xhtml"]}">'
                    f"{self.html_fragment(False)}</div></{tag}>")
        return f"<{tag}>{esc(self.plain_body())}</{tag}>"

    def atom03(self):
        site = self.site()
        entries = []
        for n in range(self.rng.randint(1, 6)):
            entry = [f"<title>{self.title_text()}</title>",
                     f'<link rel="alternate" type="text/html" href="{site}{self.rng.choice(WORDS)}/{n}"/>']
            if self.chance(0.9):
                entry.append(f"<id>tag:{site[8:-1]},2004:{n}</id>")
            if self.chance(0.8):
                entry.append(f"<issued>{self.iso(self.instant(), False)}</issued>")
            if self.chance(0.8):
                entry.append(f"<modified>{self.iso(self.instant(), False)}</modified>")
            if self.chance(0.2):
                entry.append(f"<created>{self.iso(self.instant(), False)}</created>")
            if self.chance(0.6):
                entry.append(self.atom_person("author", "0.3"))
            if self.chance(0.3):
                entry.append(f"<dc:subject>{esc(self.term())}</dc:subject>")
            body = self.rng.randrange(4)
            if body in (0, 2):
                entry.append(self.atom03_text("summary"))
            if body in (1, 2):
                entry.append(self.atom03_text("content"))
            entries.append("<entry>" + "".join(entry) + "</entry>")
        title = self.title_text()
        head = [f"<title>{title}</title>", f'<link rel="alternate" type="text/html" href="{site}"/>',
                f"<modified>{self.iso(self.instant(), False)}</modified>"]
        if self.chance(0.6):
            head.append(f"<tagline>{esc(self.words(3, 8))}</tagline>")
        if self.chance(0.5):
            head.append(self.atom_person("author", "0.3"))
        lang = f' xml:lang="{self.rng.choice(["en", "de"])}"' if self.chance(0.5) else ""
        return (f'<feed version="0.3" xmlns="{NS["atom03"]}" xmlns:dc="{NS["dc"]}"{lang}>' + "".join(head) + "\n"
                + "\n".join(entries) + "</feed>\n")


def generate(directory, count, seed):
    generator = Generator(seed)
    paths = []
    for index in range(count):
        kind, data = generator.feed(index)
        path = os.path.join(directory, f"gen-{index:04d}-{kind.replace('.', '')}.xml")
        with open(path, "wb") as handle:
            handle.write(data)
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------------------------------
# Report


def shown(value, width=90):
    text = "null" if value is None else repr(value) if not isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[:width - 1] + "…"


def report(tally, show, out):
    total_compared = sum(tally.compared.values())
    total_agreed = sum(tally.agreed.values())
    lines = [f"{'field':<24} {'compared':>9} {'agree':>9} {'%':>7}"]
    for field in ALL_FIELDS:
        compared, agreed = tally.compared[field], tally.agreed[field]
        if field in tally.unreported and compared == 0:
            lines.append(f"{field:<24} {'-':>9} {'-':>9} {'-':>7}  (not in feedd's report: not counted)")
            continue
        percent = f"{100 * agreed / compared:6.2f}" if compared else "     -"
        lines.append(f"{field:<24} {compared:>9} {agreed:>9} {percent:>7}")
    overall = total_agreed / total_compared if total_compared else 0.0
    lines.append(f"{'overall':<24} {total_compared:>9} {total_agreed:>9} {100 * overall:7.3f}")
    lines.append(f"files compared: {tally.files}")
    for path, reason in tally.skipped:
        lines.append(f"skipped: {os.path.basename(path)}: {reason}")
    if show and tally.differences:
        lines.append("")
        lines.append(f"first {min(show, len(tally.differences))} of {len(tally.differences)} differences (file, entry, field, feedd | feedparser):")
        for d in tally.differences[:show]:
            where = "feed" if d["entry"] is None else f"entry {d['entry']}"
            lines.append(f"  {os.path.basename(d['file'])} {where} {d['field']}")
            lines.append(f"      feedd:      {shown(d['feedd'])}")
            lines.append(f"      feedparser: {shown(d['feedparser'])}")
    print("\n".join(lines), file=out)
    return overall, total_compared


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("feedd")
    parser.add_argument("--corpus", action="append", nargs="+", metavar="DIR",
                        help="directories of feed files (default: Tests/Fixtures/feeds)")
    parser.add_argument("--generated", type=int, default=0, metavar="N", help="also compare N generated feeds")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed")
    parser.add_argument("--keep", metavar="DIR", help="write generated feeds here (kept) instead of a temporary directory")
    parser.add_argument("--json", metavar="OUT", help="write the figures and every difference as JSON")
    parser.add_argument("--min-agreement", type=float, default=0.98)
    parser.add_argument("--show-differences", type=int, default=20, metavar="K")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    binary = os.path.abspath(args.feedd)
    if not os.access(binary, os.X_OK):
        print(f"{binary}: not an executable feedd", file=sys.stderr)
        return 2

    directories = [d for group in args.corpus for d in group] if args.corpus else [os.path.join(here, "..", "Fixtures", "feeds")]
    files, tally = [], Tally()
    for path in corpus_files(directories):
        if os.path.basename(path) in EXCLUDED:
            tally.skipped.append((path, "excluded: " + EXCLUDED[os.path.basename(path)]))
        else:
            files.append(path)
    scratch = None
    if args.generated:
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            target = os.path.abspath(args.keep)
        else:
            scratch = tempfile.mkdtemp(prefix="feedd-differential-")
            target = scratch
        files += generate(target, args.generated, args.seed)
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for result in pool.map(lambda p: compare_file(binary, p), files):
                tally.merge(result)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)

    overall, compared = report(tally, args.show_differences, sys.stdout)
    if args.json:
        figures = {
            "overall": {"compared": compared, "agree": sum(tally.agreed.values()), "agreement": overall},
            "fields": {f: {"compared": tally.compared[f], "agree": tally.agreed[f]} for f in ALL_FIELDS},
            "files": tally.files,
            "generated": args.generated,
            "seed": args.seed,
            "skipped": [{"file": p, "reason": r} for p, r in tally.skipped],
            "differences": tally.differences,
        }
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, ensure_ascii=False, indent=1, default=repr)
    if compared == 0:
        print("nothing was compared", file=sys.stderr)
        return 1
    if overall < args.min_agreement:
        print(f"agreement {100 * overall:.3f}% is below the minimum {100 * args.min_agreement:.2f}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
