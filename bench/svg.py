"""A small SVG 1.1 writer: elements with escaped text and attributes, drawn on an explicit white
background so that a chart reads the same in light and dark themes. The document's <title> and <desc>
come first, where SVG 1.1 (5.4, "Description and title elements") puts a graphic's accessible name and
description."""
from xml.sax.saxutils import escape, quoteattr

FONT = "Helvetica, Arial, 'DejaVu Sans', sans-serif"
FONT_SIZE = 12
CHAR_WIDTH = 0.6  # an average glyph's advance in FONT, in ems: room for a text is estimated, not measured


def text_width(text, size=FONT_SIZE):
    """The estimated width of text in pixels, on the wide side."""
    return len(str(text)) * size * CHAR_WIDTH


def number(value):
    """A coordinate as written: at most two decimals, no trailing zeros."""
    if isinstance(value, str):
        return value
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class Svg:
    """One SVG document: elements appended in drawing order, written out by `text()`."""

    def __init__(self, width, height, title, description):
        self.width, self.height = width, height
        self.title, self.description = title, description
        self.body = []

    def add(self, name, content=None, tooltip=None, **attributes):
        """Appends an element with optional text content and a <title> child (a tooltip).

        Attribute names are written with '-' for '_' and without a trailing '_' (class_ -> class,
        font_size -> font-size); None values are left out."""
        attrs = "".join(f" {key.rstrip('_').replace('_', '-')}={quoteattr(number(value))}"
                        for key, value in attributes.items() if value is not None)
        inner = (f"<title>{escape(tooltip)}</title>" if tooltip is not None else "") + \
                (escape(str(content)) if content is not None else "")
        self.body.append(f"<{name}{attrs}>{inner}</{name}>" if inner else f"<{name}{attrs}/>")

    def text(self):
        head = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{number(self.width)}" '
            f'height="{number(self.height)}" viewBox="0 0 {number(self.width)} {number(self.height)}" '
            f'font-family={quoteattr(FONT)} font-size="{FONT_SIZE}">',
            f"<title>{escape(self.title)}</title>",
            f"<desc>{escape(self.description)}</desc>",
            '<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>',
        ]
        return "\n".join(head + self.body + ["</svg>"]) + "\n"
