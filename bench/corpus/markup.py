"""Seeded HTML bodies for feed entries: the markup real feeds carry, for parsers and sanitisers to chew on.

html_body() gives HTML by default (named entities, bare <br>, a script now and then) and well-formed
XHTML with numeric character references only when xhtml=True (for Atom type="xhtml").
"""
from xml.sax.saxutils import escape, quoteattr

from corpus import text

NAMED = ["&nbsp;", "&ndash;", "&hellip;", "&lsquo;", "&rdquo;", "&copy;", "&uuml;", "&times;"]
NUMERIC = ["&#160;", "&#8211;", "&#8230;", "&#8216;", "&#8221;", "&#169;", "&#252;", "&#215;"]
CODE = 'for (let i = 0; i < n && ok; i++) { out += "<li class=\\"x\\">" + a[i] + "</li>"; }'


def href(rng, site, relative):
    """A link into the site: absolute, or relative (to be resolved against xml:base) when asked."""
    path = f"{rng.choice(['topics', 'news', 'media/2025', 'people'])}/{rng.randint(1, 9999)}"
    if relative and rng.random() < 0.5:
        return rng.choice(["", "./", "../"]) + path
    return f"{site}/{path}" + (f"?from=feed&id={rng.randint(1, 999)}" if rng.random() < 0.25 else "")


def inline(rng, lang, size, site, relative, xhtml):
    """A run of text with links, emphasis, code, entities and line breaks sprinkled in."""
    words = escape(text.paragraph(rng, lang, size)).split(" ")
    refs = NUMERIC if xhtml else NAMED
    for _ in range(max(1, len(words) // 20)):
        i, roll = rng.randrange(len(words)), rng.random()
        if roll < 0.3:
            words[i] = f"<a href={quoteattr(href(rng, site, relative))}>{words[i]}</a>"
        elif roll < 0.5:
            words[i] = f"<em>{words[i]}</em>"
        elif roll < 0.65:
            words[i] = f"<strong>{words[i]}</strong>"
        elif roll < 0.72:
            words[i] = f"<code>{words[i]}</code>"
        elif roll < 0.77:
            words[i] = f'<abbr title="{rng.choice(["approximately", "kilometre", "per cent"])}">{words[i]}</abbr>'
        elif roll < 0.93:
            words[i] += rng.choice(refs)
        else:
            words[i] += "<br/>" if xhtml else "<br>"
    return " ".join(words)


def block(rng, lang, site, relative, xhtml):
    roll = rng.random()
    close = "/>" if xhtml else ">"
    if roll < 0.52:
        return f"<p>{inline(rng, lang, rng.randint(180, 1100), site, relative, xhtml)}</p>"
    if roll < 0.60:
        level = rng.choice("234")
        return f"<h{level}>{escape(text.title(rng, lang))}</h{level}>"
    if roll < 0.68:
        tag = rng.choice(["ul", "ol"])
        items = "".join(f"<li>{inline(rng, lang, rng.randint(30, 180), site, relative, xhtml)}</li>"
                        for _ in range(rng.randint(2, 7)))
        return f"<{tag}>{items}</{tag}>"
    if roll < 0.74:
        return f"<blockquote><p>{inline(rng, lang, 260, site, relative, xhtml)}</p><cite>{escape(text.person(rng))}</cite></blockquote>"
    if roll < 0.83:
        src = href(rng, site, relative) + ".jpg"
        image = (f"<img src={quoteattr(src)} alt={quoteattr(text.title(rng, lang))} "
                 f'width="{rng.choice([480, 720, 1024])}" height="{rng.choice([270, 405, 576])}" loading="lazy"{close}')
        if rng.random() < 0.5:
            return image
        return f'<figure class="photo">{image}<figcaption>{escape(text.sentence(rng, lang, 3, 10))}</figcaption></figure>'
    if roll < 0.88:
        return f'<pre><code class="lang-js">{escape(CODE)}\n// {escape(text.sentence(rng, "en"))}</code></pre>'
    if roll < 0.93:
        rows = "".join("<tr>" + "".join(f"<td>{rng.randint(0, 99999)}</td>" for _ in range(3)) + "</tr>"
                       for _ in range(rng.randint(2, 9)))
        return f"<table><thead><tr><th>Year</th><th>Total</th><th>Change</th></tr></thead><tbody>{rows}</tbody></table>"
    if roll < 0.97 or xhtml:
        return (f'<div class="video"><iframe src="https://player.example.net/embed/{rng.getrandbits(36):x}" '
                f'width="640" height="360" frameborder="0" allowfullscreen="allowfullscreen"></iframe></div>')
    return ('<script type="text/javascript">if (window.w && 1 < 2) { w.track("feed"); }</script>'
            '<noscript><img src="https://t.example.net/p.gif" width="1" height="1"></noscript>')


def html_body(rng, lang, size, site, relative=False, xhtml=False):
    """Blocks of markup, one per line, until they hold at least `size` characters."""
    out, total = [], 0
    while total < size:
        part = block(rng, lang, site, relative, xhtml)
        out.append(part)
        total += len(part) + 1
    return "\n".join(out)
