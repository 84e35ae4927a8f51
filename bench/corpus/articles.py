#!/usr/bin/env python3
"""Writes N article files in feedd's seeds format into OUTDIR.

    python3 bench/corpus/articles.py N OUTDIR [--seed S]

An article is a title line, then blocks separated by blank lines: a short heading ("Topline",
"Key Facts", "Faits marquants", ...) followed by paragraphs (one line each), often a further-reading
list, and a last line `Source : https://...`. Languages: en, fr, de, es, it. Sizes run from about
1 KB to 20 KB (log-uniform). Names are `NNN_<16 hex digits>.txt`; mtimes follow a fixed half-hourly
sequence from 2023-01-01 UTC. File i depends only on (seed, i), whatever N is.

Odd files sit at fixed places in every hundred (index % 100):
   5 CRLF line ends         11 UTF-8 byte order mark    23 UTF-16 LE with a BOM
  31 no Source line         41 one 64-256 KB line       47 empty (0 bytes)
  59 Latin-1 bytes          71 a title line alone       83 trailing blanks and tabs
  97 CR-only line ends (classic Mac)
"""
import argparse
import os
import random
import sys

if not __package__:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from corpus import text  # noqa: E402

ODD = {5: "crlf", 11: "bom", 23: "utf16", 31: "nosource", 41: "longline", 47: "empty", 59: "latin1",
       71: "titleonly", 83: "trailing", 97: "cr"}
SITES = ["https://news.example.com/{section}", "https://www.harbour-gazette.example/{section}",
         "https://courrier-sud.example.fr/{section}", "https://nordkurier.example.de/{section}",
         "https://diariodelvalle.example.es/{section}", "https://lavoce.example.it/{section}"]
SECTIONS = ["world", "local", "economy", "science", "climate", "culture", "sport"]
EPOCH = 1672531200  # 2023-01-01T00:00:00Z
# Latin-1 has no room for these: their nearest ASCII spelling.
LATIN1_SUBSTITUTES = str.maketrans({"“": '"', "”": '"', "„": '"', "’": "'", "→": "->", "€": "EUR", "№": "No."})


def source_url(rng, headline):
    """The article's link: mostly plain, sometimes with a query that needs escaping, or an IRI."""
    roll = rng.random()
    if roll < 0.06:
        return f"https://it.wikipedia.example/wiki/Città_di_{rng.choice(['Bolzano', 'Forlì', 'Cantù'])}"
    base = rng.choice(SITES).format(section=rng.choice(SECTIONS))
    url = f"{base}/{rng.randint(2018, 2026)}/{rng.randint(1, 12):02d}/{text.slug(headline)}-{rng.randint(100, 99999)}"
    if roll < 0.16:
        url += "?ref=newsletter&lang=fr&q=l'été"
    elif roll < 0.25:
        url += ".html"
    return url


def body_blocks(rng, lang, size):
    """Headings and paragraphs adding up to about `size` bytes."""
    vocab = text.LANGUAGES[lang]
    blocks = [rng.choice(vocab["first"]), text.paragraph(rng, lang, rng.randint(160, 700))]
    used = sum(len(b.encode()) for b in blocks)
    for heading in rng.sample(vocab["headings"], rng.randint(2, 6)):
        if used >= size:
            break
        blocks.append(heading)
        for _ in range(rng.randint(1, 4)):
            room = size - used
            if room < 100:
                break
            paragraph = text.paragraph(rng, lang, min(room, rng.randint(120, 1800)))
            blocks.append(paragraph)
            used += len(paragraph.encode()) + 2
    return blocks


def compose(rng, kind):
    """The article's text for `kind`."""
    lang = rng.choice(["fr", "de", "es", "it"]) if kind == "latin1" else text.pick_language(rng)
    headline = text.title(rng, lang)
    if kind == "titleonly":
        return headline + "\n"
    size = int(850 * 20 ** rng.random())  # about 0.85 KB to 17 KB of body
    blocks = [headline] + body_blocks(rng, lang, size)
    if kind == "longline":
        blocks.append(text.paragraph(rng, lang, rng.randint(64 << 10, 256 << 10)))
    if rng.random() < 0.65:
        blocks.append(text.LANGUAGES[lang]["further"])
        blocks += [f"{text.title(rng, lang)} ({rng.choice(text.OUTLETS)})" for _ in range(rng.randint(1, 4))]
    if kind != "nosource":
        blocks.append("Source : " + source_url(rng, headline))
    body = "\n\n".join(blocks) + ("\n" if rng.random() < 0.5 else "")
    if kind == "trailing":
        lines = body.split("\n")
        body = "\n".join(line + rng.choice([" ", "\t", "  \t", ""]) for line in lines) + "\n \n\t\n"
    elif kind == "crlf":
        body = body.replace("\n", "\r\n")
    elif kind == "cr":
        body = body.replace("\n", "\r")
    return body


def encode(body, kind):
    if kind == "bom":
        return b"\xef\xbb\xbf" + body.encode("utf-8")
    if kind == "utf16":
        return body.encode("utf-16")  # with a byte order mark, little-endian on every machine we run on
    if kind == "latin1":
        return body.translate(LATIN1_SUBSTITUTES).encode("latin-1", errors="replace")
    return body.encode("utf-8")


def write_article(outdir, seed, index):
    """Writes article `index`; returns (kind, bytes written)."""
    rng = random.Random(f"feedd-articles/{seed}/{index}")
    kind = ODD.get(index % 100, "plain")
    name = f"{index:03d}_{text.hex_key(rng)}.txt"
    data = b"" if kind == "empty" else encode(compose(rng, kind), kind)
    path = os.path.join(outdir, name)
    with open(path, "wb") as f:
        f.write(data)
    stamp = EPOCH + 1800 * index
    os.utime(path, (stamp, stamp))
    return kind, len(data)


def generate(count, outdir, seed="1"):
    """Writes `count` articles; returns (total bytes, {kind: files})."""
    os.makedirs(outdir, exist_ok=True)
    total, kinds = 0, {}
    for index in range(count):
        kind, size = write_article(outdir, seed, index)
        total += size
        kinds[kind] = kinds.get(kind, 0) + 1
    return total, kinds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--seed", default="1")
    args = parser.parse_args()
    total, kinds = generate(args.count, args.outdir, args.seed)
    odd = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()) if k != "plain") or "none"
    print(f"{args.count} articles, {total} bytes, in {args.outdir} (odd files: {odd})")


if __name__ == "__main__":
    main()
