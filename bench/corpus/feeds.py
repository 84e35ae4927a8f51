#!/usr/bin/env python3
"""Writes a deterministic set of feed files and a manifest of what each one holds.

    python3 bench/corpus/feeds.py N OUTDIR [--seed S] [--large K] [--large-scale F] [--json J] [--small]

OUTDIR/feed-NNN-FORMAT.xml   N well-formed XML feeds of 20 KB to 2 MB (log-uniform), 15 to 200 entries,
                             HTML-heavy content; the format follows a fixed cycle of 20 in which RSS 2.0
                             and Atom 1.0 dominate and RSS 0.90, 0.91, 0.92, 1.0 and Atom 0.3 all appear
                             (the first ten hold six of the seven formats; RSS 0.90 is the twelfth);
                             with --small, 10 to 20 entries of short content each (about 3 to 50 KB),
                             for benchmarks of many sources
OUTDIR/large/large-K-FORMAT.xml
                             K (at most 3) big feeds for throughput and memory: about 10, 23 and 46 MB
                             (RSS 2.0, Atom 1.0, RSS 1.0), times --large-scale
OUTDIR/json/feed-NNN-FORMAT.json
                             J JSON Feeds (1.1 and 1.0 in turn), 20 KB to 1 MB
OUTDIR/manifest.tsv          file (relative to OUTDIR), format (as `feedd inspect` names it), bytes, entries,
                             notes (the feed's language)

The same arguments give byte-identical files: everything comes from seeded generators, never the clock.
"""
import argparse
import datetime as dt
import itertools
import json
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

if not __package__:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from corpus import text  # noqa: E402
from corpus.markup import html_body  # noqa: E402

# Slot i % 20 of the top-level set; the first ten hold every format but RSS 0.90.
CYCLE = ["rss2.0", "atom1.0", "rss1.0", "rss2.0", "rss0.91", "atom1.0", "rss2.0", "atom0.3", "rss0.92",
         "atom1.0", "rss2.0", "rss0.90", "atom1.0", "rss2.0", "rss1.0", "atom1.0", "rss2.0", "rss2.0",
         "atom1.0", "rss2.0"]
LARGE = [("rss2.0", 10.0e6), ("atom1.0", 23.0e6), ("rss1.0", 46.0e6)]  # format, bytes
NEWEST = dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.timezone.utc)
ZONES = [("GMT", 0), ("UT", 0), ("+0000", 0), ("+0100", 60), ("+0200", 120), ("-0400", -240),
         ("EST", -300), ("PDT", -420), ("+0530", 330), ("+0900", 540), ("-0330", -210)]
NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


# ------------------------------------------------------------------ dates

def rfc822(rng, when):
    zone, minutes = rng.choice(ZONES)
    return (when + dt.timedelta(minutes=minutes)).strftime("%a, %d %b %Y %H:%M:%S ") + zone


def rfc3339(rng, when):
    """UTC with Z, or local time with an offset, sometimes with fractional seconds."""
    minutes = rng.choice([0, 0, 60, 120, -300, -420, 330, 545])
    local = when + dt.timedelta(minutes=minutes)
    stamp = local.strftime("%Y-%m-%dT%H:%M:%S")
    if rng.random() < 0.25:
        stamp += f".{rng.randint(0, 999):03d}"
    if minutes == 0 and rng.random() < 0.7:
        return stamp + "Z"
    sign = "+" if minutes >= 0 else "-"
    return f"{stamp}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# ------------------------------------------------------------------ feeds and entries

class Feed:
    """What a feed says about itself."""

    def __init__(self, rng, index):
        self.lang = text.pick_language(rng)
        self.title = text.title(rng, self.lang)
        self.description = text.sentence(rng, self.lang)
        self.site = f"https://{text.slug(self.title, 20)}-{index}.example.net"
        self.tags = sorted({rng.choice(text.LANGUAGES[self.lang]["words"]) for _ in range(10)})
        self.podcast = rng.random() < 0.12
        self.tracking = rng.random() < 0.25  # every link carries utm parameters


class Entry:
    """One entry, the same whatever format renders it."""

    def __init__(self, rng, feed, when, content_size):
        self.title = text.title(rng, feed.lang)
        if rng.random() < 0.08:
            self.title += rng.choice([" & co", " <live>", ' "update"', " 1 < 2", " R&D"])
        self.path = f"/{when:%Y/%m/%d}/{text.slug(self.title, 48)}-{rng.randint(10, 99999)}"
        self.link = feed.site + self.path + ("?utm_source=feed&utm_medium=rss" if feed.tracking else "")
        self.permalink = rng.random() < 0.6
        self.guid = self.link if self.permalink else f"{feed.site}/?p={rng.randint(1000, 9999999)}"
        self.authors = [text.person(rng) for _ in range(rng.choices([1, 2, 3], [75, 18, 7])[0])]
        self.tags = rng.sample(feed.tags, rng.randint(0, min(4, len(feed.tags))))
        self.published = when
        self.updated = when + dt.timedelta(minutes=rng.choice([0, 0, 5, 90, 1440]))
        self.summary = text.paragraph(rng, feed.lang, rng.randint(100, 380))
        self.content_size = content_size
        self.enclosure = None
        if feed.podcast or rng.random() < 0.06:
            self.enclosure = (f"https://media.example.net/{text.slug(self.title, 24)}.mp3",
                              rng.randint(2 << 20, 90 << 20), "audio/mpeg")


def entries(rng, feed, sizes):
    """Entries newest first, one per content size."""
    when = NEWEST - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 90))
    for size in sizes:
        yield Entry(rng, feed, when, size)
        when -= dt.timedelta(minutes=rng.randint(7, 60 * 72))


def cdata(value):
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def html_field(rng, html):
    """HTML as XML character data: CDATA mostly, escaped text otherwise."""
    return cdata(html) if rng.random() < 0.75 else escape(html)


# ------------------------------------------------------------------ RSS 0.90, 0.91, 0.92, 1.0, 2.0
# Each format is a head(rng, feed, entries), an item(rng, feed, entry) and a tail; items are rendered
# first (the head of RSS 1.0 lists them all), so a feed can stop at a byte count.

def rss2_head(rng, feed, items):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="{NS["content"]}" '
            f'xmlns:dc="{NS["dc"]}" xmlns:atom="{NS["atom"]}" xmlns:media="{NS["media"]}">\n<channel>\n'
            f"  <title>{escape(feed.title)}</title>\n  <link>{escape(feed.site)}/</link>\n"
            f"  <description>{escape(feed.description)}</description>\n  <language>{feed.lang}</language>\n"
            f"  <lastBuildDate>{rfc822(rng, items[0].updated)}</lastBuildDate>\n"
            f'  <atom:link href="{escape(feed.site)}/feed/" rel="self" type="application/rss+xml"/>\n'
            f"  <generator>corpus/feeds.py</generator>\n  <ttl>{rng.choice([15, 30, 60])}</ttl>\n")


def rss2_item(rng, feed, e):
    parts = [f"  <item>\n    <title>{escape(e.title)}</title>\n    <link>{escape(e.link)}</link>\n"]
    parts += [f"    <dc:creator>{cdata(a)}</dc:creator>\n" for a in e.authors]
    parts.append(f"    <pubDate>{rfc822(rng, e.published)}</pubDate>\n")
    parts += [f"    <category>{escape(t)}</category>\n" for t in e.tags]
    parts.append(f'    <guid isPermaLink="{str(e.permalink).lower()}">{escape(e.guid)}</guid>\n'
                 f"    <description>{html_field(rng, '<p>' + escape(e.summary) + '</p>')}</description>\n"
                 f"    <content:encoded>{html_field(rng, html_body(rng, feed.lang, e.content_size, feed.site))}"
                 f"</content:encoded>\n")
    if e.enclosure:
        parts.append(f"    {enclosure(e)}\n")
    if rng.random() < 0.25:
        parts.append(f'    <media:thumbnail url="{escape(feed.site)}/img/{rng.getrandbits(40):x}.jpg"/>\n')
    return "".join(parts) + "  </item>\n"


def enclosure(e):
    url, length, mime = e.enclosure
    return f'<enclosure url={quoteattr(url)} length="{length}" type="{mime}"/>'


def rss09x_head(version):
    """RSS 0.91 (title, link, description) or 0.92 (plus categories and enclosures); HTML escaped."""
    def head(rng, feed, items):
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="{version}">\n<channel>\n'
                f"<title>{escape(feed.title)}</title>\n<link>{escape(feed.site)}/</link>\n"
                f"<description>{escape(feed.description)}</description>\n<language>{feed.lang}</language>\n"
                f"<image><title>{escape(feed.title)}</title><url>{escape(feed.site)}/logo.gif</url>"
                f"<link>{escape(feed.site)}/</link></image>\n")
    return head


def rss091_item(rng, feed, e):
    html = html_body(rng, feed.lang, e.content_size, feed.site)
    return (f"<item>\n<title>{escape(e.title)}</title>\n<link>{escape(e.link)}</link>\n"
            f"<description>{escape(html)}</description>\n</item>\n")


def rss092_item(rng, feed, e):
    extra = "".join(f"<category>{escape(t)}</category>\n" for t in e.tags)
    if e.enclosure:
        extra += enclosure(e) + "\n"
    return rss091_item(rng, feed, e).replace("</item>\n", extra + "</item>\n")


def rss090_head(rng, feed, items):
    """Netscape's RSS 0.90: items beside the channel, a title and a link each."""
    return (f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{NS["rdf"]}" xmlns="http://my.netscape.com/rdf/simple/0.9/">\n'
            f"<channel>\n<title>{escape(feed.title)}</title>\n<link>{escape(feed.site)}/</link>\n"
            f"<description>{escape(feed.description)}</description>\n</channel>\n")


def rss090_item(rng, feed, e):
    return f"<item>\n<title>{escape(e.title)}</title>\n<link>{escape(e.link)}</link>\n</item>\n"


def rss1_head(rng, feed, items):
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="{NS["rdf"]}" xmlns="http://purl.org/rss/1.0/" '
            f'xmlns:dc="{NS["dc"]}" xmlns:content="{NS["content"]}">\n'
            f"<channel rdf:about={quoteattr(feed.site + '/index.rdf')}>\n<title>{escape(feed.title)}</title>\n"
            f"<link>{escape(feed.site)}/</link>\n<description>{escape(feed.description)}</description>\n"
            f"<dc:language>{feed.lang}</dc:language>\n<dc:date>{rfc3339(rng, items[0].updated)}</dc:date>\n"
            "<items>\n<rdf:Seq>\n"
            + "".join(f"<rdf:li rdf:resource={quoteattr(e.link)}/>\n" for e in items)
            + "</rdf:Seq>\n</items>\n</channel>\n")


def rss1_item(rng, feed, e):
    subjects = "".join(f"<dc:subject>{escape(t)}</dc:subject>\n" for t in e.tags)
    return (f"<item rdf:about={quoteattr(e.link)}>\n<title>{escape(e.title)}</title>\n"
            f"<link>{escape(e.link)}</link>\n<description>{escape(e.summary)}</description>\n"
            f"<dc:creator>{escape(', '.join(e.authors))}</dc:creator>\n"
            f"<dc:date>{rfc3339(rng, e.published)}</dc:date>\n{subjects}"
            f"<content:encoded>{cdata(html_body(rng, feed.lang, e.content_size, feed.site))}</content:encoded>\n"
            "</item>\n")


# ------------------------------------------------------------------ Atom 0.3 and 1.0

def host(feed):
    return feed.site.split("//", 1)[1]


def atom1_head(rng, feed, items):
    subtitle = escape("<i>" + escape(feed.description) + "</i>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{NS["atom"]}" xml:lang="{feed.lang}" '
            f"xml:base={quoteattr(feed.site + '/')}>\n"
            f'  <title>{escape(feed.title)}</title>\n  <subtitle type="html">{subtitle}</subtitle>\n'
            f"  <id>tag:{host(feed)},2019:feed</id>\n  <updated>{rfc3339(rng, items[0].updated)}</updated>\n"
            '  <link rel="alternate" type="text/html" href="./"/>\n'
            f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(feed.site + '/atom.xml')}/>\n"
            f"  <author><name>{escape(text.person(rng))}</name></author>\n")


def atom1_item(rng, feed, e):
    kind = rng.choice(["html", "html", "xhtml", "text"])
    parts = [f"  <entry>\n    <title type=\"html\">{escape(escape(e.title))}</title>\n"
             f"    <link rel=\"alternate\" href={quoteattr(e.path.lstrip('/'))}/>\n"
             f"    <id>tag:{host(feed)},{e.published:%Y-%m-%d}:{escape(e.path)}</id>\n"
             f"    <published>{rfc3339(rng, e.published)}</published>\n"
             f"    <updated>{rfc3339(rng, e.updated)}</updated>\n"]
    for a in e.authors:
        parts.append(f"    <author><name>{escape(a)}</name><uri>{escape(feed.site)}/by/{text.slug(a)}</uri></author>\n")
    parts += [f"    <category term={quoteattr(text.slug(t))} label={quoteattr(t)}/>\n" for t in e.tags]
    parts.append(f"    <summary>{escape(e.summary)}</summary>\n")
    if kind == "xhtml":
        xhtml = html_body(rng, feed.lang, e.content_size, feed.site, xhtml=True)
        parts.append(f'    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{xhtml}</div></content>\n')
    elif kind == "html":
        html = html_body(rng, feed.lang, e.content_size, feed.site, relative=True)
        parts.append(f"    <content type=\"html\" xml:base={quoteattr(e.path)}>{escape(html)}</content>\n")
    else:
        parts.append(f"    <content type=\"text\">{escape(text.paragraph(rng, feed.lang, e.content_size))}</content>\n")
    if e.enclosure:
        url, length, mime = e.enclosure
        parts.append(f'    <link rel="enclosure" href={quoteattr(url)} length="{length}" type="{mime}"/>\n')
    return "".join(parts) + "  </entry>\n"


def atom03_head(rng, feed, items):
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#" '
            f'xml:lang="{feed.lang}">\n  <title mode="escaped" type="text/html">{escape(escape(feed.title))}</title>\n'
            f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(feed.site + '/')}/>\n"
            f"  <tagline>{escape(feed.description)}</tagline>\n  <id>{escape(feed.site)}/</id>\n"
            f"  <modified>{rfc3339(rng, items[0].updated)}</modified>\n"
            f"  <author><name>{escape(text.person(rng))}</name></author>\n")


def atom03_item(rng, feed, e):
    html = html_body(rng, feed.lang, e.content_size, feed.site)
    return (f"  <entry>\n    <title>{escape(e.title)}</title>\n"
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(e.link)}/>\n"
            f"    <id>{escape(e.guid)}</id>\n    <issued>{rfc3339(rng, e.published)}</issued>\n"
            f"    <modified>{rfc3339(rng, e.updated)}</modified>\n"
            f"    <author><name>{escape(e.authors[0])}</name></author>\n"
            f"    <summary type=\"text/plain\">{escape(e.summary)}</summary>\n"
            f"    <content type=\"text/html\" mode=\"escaped\">{escape(html)}</content>\n  </entry>\n")


# ------------------------------------------------------------------ JSON Feed 1.0 and 1.1

def people(feed, names):
    return [{"name": n, "url": f"{feed.site}/by/{text.slug(n)}"} for n in names]


def json_head(version):
    """The document around the items, as JSON text up to the items' opening bracket."""
    def head(rng, feed, items):
        document = {"version": f"https://jsonfeed.org/version/{version}", "title": feed.title,
                    "home_page_url": feed.site + "/", "feed_url": feed.site + "/feed.json",
                    "description": feed.description}
        if version == "1.1":
            document.update(language=feed.lang, authors=people(feed, [text.person(rng)]))
        return json.dumps(document, ensure_ascii=False, indent=1)[:-2] + ',\n "items": [\n'
    return head


def json_item(version):
    def item(rng, feed, e):
        fields = {"id": e.guid, "url": e.link, "title": e.title, "summary": e.summary,
                  "date_published": rfc3339(rng, e.published), "date_modified": rfc3339(rng, e.updated)}
        if rng.random() < 0.85:
            fields["content_html"] = html_body(rng, feed.lang, e.content_size, feed.site)
        else:
            fields["content_text"] = text.paragraph(rng, feed.lang, e.content_size)
        if version == "1.1":
            fields["authors"] = people(feed, e.authors)
        else:
            fields["author"] = people(feed, e.authors[:1])[0]
        if e.tags:
            fields["tags"] = e.tags
        if e.enclosure:
            url, length, mime = e.enclosure
            fields["attachments"] = [{"url": url, "mime_type": mime, "size_in_bytes": length}]
        return json.dumps(fields, ensure_ascii=False) + ",\n"
    return item


FORMATS = {
    "rss2.0": (rss2_head, rss2_item, "</channel>\n</rss>\n"),
    "rss0.92": (rss09x_head("0.92"), rss092_item, "</channel>\n</rss>\n"),
    "rss0.91": (rss09x_head("0.91"), rss091_item, "</channel>\n</rss>\n"),
    "rss0.90": (rss090_head, rss090_item, "</rdf:RDF>\n"),
    "rss1.0": (rss1_head, rss1_item, "</rdf:RDF>\n"),
    "atom1.0": (atom1_head, atom1_item, "</feed>\n"),
    "atom0.3": (atom03_head, atom03_item, "</feed>\n"),
    "json1.1": (json_head("1.1"), json_item("1.1"), " ]\n}\n"),
    "json1.0": (json_head("1"), json_item("1"), " ]\n}\n"),
}


# ------------------------------------------------------------------ the corpus

def content_sizes(rng, target):
    """How many entries a feed of about `target` bytes has, and each one's content size."""
    count = min(200, max(15, int(target ** 0.5 / 7)))
    each = max(150, target // count - 1100)
    return [int(each * rng.uniform(0.4, 1.6)) for _ in range(count)]


def write_feed(path, fmt, rng, feed, sizes, target=None):
    """Renders and writes one feed, an entry for each content size or, with `target`, until the file
    holds that many bytes; returns (bytes, entries)."""
    head, render, tail = FORMATS[fmt]
    items, body, total = [], [], 0
    for e in entries(rng, feed, sizes):
        part = render(rng, feed, e)
        items.append(e)
        body.append(part)
        total += len(part.encode("utf-8"))
        if target and total >= target:
            break
    if fmt.startswith("json"):
        body[-1] = body[-1].rstrip(",\n") + "\n"
    data = (head(rng, feed, items) + "".join(body) + tail).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data), len(items)


def small_sizes(rng):
    """The content sizes of a small feed: 10 to 20 entries of 200 to 1,200 bytes."""
    return [int(rng.uniform(200, 1200)) for _ in range(rng.randint(10, 20))]


def generate(count, outdir, seed="1", large=0, large_scale=1.0, json_count=0, small=False):
    """Writes the corpus and manifest.tsv; returns the manifest rows (file, format, bytes, entries, notes)."""
    rows = []

    def one(rel, fmt, rng, index, sizes, target=None):
        path = os.path.join(outdir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        feed = Feed(rng, index)
        size, n = write_feed(path, fmt, rng, feed, sizes, target)
        rows.append((rel, fmt, size, n, f"lang={feed.lang}"))

    for i in range(count):
        rng = random.Random(f"feedd-feeds/{seed}/feed/{i}")
        fmt = CYCLE[i % len(CYCLE)]
        sizes = small_sizes(rng) if small else content_sizes(rng, int(20e3 * 100 ** rng.random()))
        if fmt == "rss0.90":
            sizes = sizes[:rng.randint(15, 60)]  # titles and links only: a small file
        one(f"feed-{i:03d}-{fmt.replace('.', '')}.xml", fmt, rng, i, sizes)
    for k, (fmt, target) in enumerate(LARGE[:large]):
        rng = random.Random(f"feedd-feeds/{seed}/large/{k}")
        sizes = (int(7000 * rng.uniform(0.6, 1.4)) for _ in itertools.count())
        one(f"large/large-{k}-{fmt.replace('.', '')}.xml", fmt, rng, k, sizes, int(target * large_scale))
    for j in range(json_count):
        rng = random.Random(f"feedd-feeds/{seed}/json/{j}")
        fmt = "json1.1" if j % 2 == 0 else "json1.0"
        one(f"json/feed-{j:03d}-{fmt.replace('.', '')}.json", fmt, rng, j, content_sizes(rng, int(20e3 * 50 ** rng.random())))
    with open(os.path.join(outdir, "manifest.tsv"), "w") as f:
        f.write("file\tformat\tbytes\tentries\tnotes\n")
        f.writelines("\t".join(map(str, row)) + "\n" for row in rows)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="feeds at the top level")
    parser.add_argument("outdir")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--large", type=int, default=3, choices=range(len(LARGE) + 1), help="big feeds (default 3)")
    parser.add_argument("--large-scale", type=float, default=1.0, help="size factor of the big feeds (default 1)")
    parser.add_argument("--json", type=int, default=6, help="JSON Feeds in json/ (default 6)")
    parser.add_argument("--small", action="store_true", help="top-level feeds of 10 to 20 short entries")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rows = generate(args.count, args.outdir, args.seed, args.large, args.large_scale, args.json, args.small)
    print(f"{len(rows)} feeds, {sum(r[2] for r in rows)} bytes, {sum(r[3] for r in rows)} entries, in {args.outdir}")


if __name__ == "__main__":
    main()
