"""Charts as SVG 1.1 text, pure functions of their figures (same figures, same bytes):

- `bar_chart(BarChart)`: a horizontal bar per contender, its value printed at the bar's end, feedd's
  bars highlighted, each target a marker across its bar with a caption; a peer more than OUTLIER times
  feedd's figures (feedparser's parse times) is drawn off scale, broken at the axis' end, so that the
  rest stays readable.
- `line_chart(LineChart)`, or `line_chart_of(title, {name: [(size, value)]}, ...)`: a line per series
  against size on a log-scaled x axis, y from zero.
"""
import math

import scales
from charts import BarChart, ChartError, LineChart
from svg import Svg, text_width

FEEDD, PEER = "#e8590c", "#9aa5b1"  # feedd's bars and lines, the peers' bars
PALETTE = ("#1c7ed6", "#2f9e44", "#7048e8", "#c2255c", "#0c8599", "#5c5f66")  # the peers' lines
INK, MUTED, GRID = "#1f2933", "#52606d", "#e4e7eb"
MET, MISSED = "#2b6a3f", "#b42318"
OUTLIER = 5
MARGIN, TITLE_Y, SUBTITLE_Y, PLOT_TOP = 16, 24, 42, 60
BAR, ROW, CAPTION = 18, 28, 14  # a bar's height, a row's, and what a target's caption adds to its row
PLOT_WIDTH, BREAK = 400, 14  # the bar area, and how far an off-scale bar runs past it


def bar_chart(chart: BarChart):
    if not chart.bars:
        raise ChartError(f"chart {chart.title!r}: no bars")
    off_scale = _off_scale(chart.bars)
    shown = [b.value for i, b in enumerate(chart.bars) if i not in off_scale] + \
        [b.target for b in chart.bars if b.target is not None]
    ticks = scales.linear_ticks(max(shown) or 1)
    top = ticks[-1]
    values = [f"{scales.figure(b.value)} {chart.unit}" + (" (off scale)" if i in off_scale else "")
              for i, b in enumerate(chart.bars)]
    label_width = max(text_width(b.label) for b in chart.bars) + 12
    plot_x = MARGIN + label_width
    width = plot_x + PLOT_WIDTH + BREAK + 8 + max(text_width(v) for v in values) + MARGIN
    heights = [ROW + (CAPTION if b.target is not None else 0) for b in chart.bars]
    plot_bottom = PLOT_TOP + sum(heights)
    height = plot_bottom + 72

    def x(value):
        return plot_x + value / top * PLOT_WIDTH

    better = "longer is better" if chart.higher_is_better else "shorter is better"
    doc = Svg(width, height, f"{chart.title}: {chart.measure} ({chart.unit})", chart.describe())
    doc.add("text", f"{chart.title}: {chart.measure}", x=MARGIN, y=TITLE_Y, font_size=15, font_weight="bold", fill=INK)
    doc.add("text", "; ".join(filter(None, [chart.note, better])), x=MARGIN, y=SUBTITLE_Y, fill=MUTED)
    for tick in ticks:
        doc.add("line", x1=x(tick), y1=PLOT_TOP - 6, x2=x(tick), y2=plot_bottom, stroke=GRID)
        doc.add("text", scales.tick_label(tick, ticks[1] - ticks[0]), x=x(tick), y=plot_bottom + 16,
                text_anchor="middle", fill=MUTED)
    doc.add("line", x1=plot_x, y1=PLOT_TOP - 6, x2=plot_x, y2=plot_bottom, stroke=INK)
    doc.add("text", f"{chart.measure}, {chart.unit}", x=plot_x + PLOT_WIDTH / 2, y=plot_bottom + 34,
            text_anchor="middle", fill=INK)
    y = PLOT_TOP
    for i, b in enumerate(chart.bars):
        _bar_row(doc, chart, b, values[i], i in off_scale, x, plot_x, y, width)
        y += heights[i]
    _legend(doc, chart, plot_bottom + 56)
    return doc.text()


def _off_scale(bars):
    """The indices of the peers' bars more than OUTLIER times feedd's largest figure (a value or a target)."""
    reference = max([b.value for b in bars if b.feedd] + [b.target for b in bars if b.target is not None], default=0)
    return {i for i, b in enumerate(bars) if not b.feedd and reference > 0 and b.value > OUTLIER * reference}


def _bar_row(doc, chart, bar, value_text, off_scale, x, plot_x, y, width):
    """One contender: its label, its bar (broken when off scale), its value and its target marker."""
    colour = FEEDD if bar.feedd else PEER
    middle = y + BAR / 2 + 4  # the baseline that centres 12 px text on the bar
    doc.add("text", bar.label, x=plot_x - 8, y=middle, text_anchor="end", fill=INK,
            font_weight="bold" if bar.feedd else None)
    end = plot_x + PLOT_WIDTH + BREAK if off_scale else x(bar.value)
    doc.add("rect", x=plot_x, y=y, width=max(end - plot_x, 1), height=BAR, fill=colour,
            tooltip=f"{bar.label}: {value_text}")
    if off_scale:  # two white strokes across the bar where the axis ends
        for dx in (0, 5):
            left = plot_x + PLOT_WIDTH + dx
            doc.add("line", x1=left - 3, y1=y + BAR + 2, x2=left + 3, y2=y - 2, stroke="#ffffff", stroke_width=2)
    if bar.target is not None:
        marker = x(bar.target)
        missed = bar.missed(chart.higher_is_better)
        doc.add("line", x1=marker, y1=y - 4, x2=marker, y2=y + BAR + 4, stroke=INK, stroke_width=2)
        allowed = f"{scales.figure(bar.target)} {chart.unit}"
        caption = (f"target {bar.target_label}: {allowed}" if bar.target_label else f"target {allowed}") + \
            (" (missed)" if missed else "")
        half = text_width(caption, 11) / 2
        anchor = "start" if marker - half < plot_x else "end" if marker + half > width - MARGIN else "middle"
        doc.add("text", caption, x=marker, y=y + BAR + 15, text_anchor=anchor, font_size=11,
                fill=MISSED if missed else MET)
    left = end + 6
    if bar.target is not None and end - 2 <= x(bar.target) <= left + text_width(value_text) + 4:
        left = x(bar.target) + 6  # past the marker, not across it
    doc.add("text", value_text, x=left, y=middle, fill=INK, font_weight="bold" if bar.feedd else None)


def _legend(doc, chart, y):
    items = [(FEEDD, "feedd")] + ([(PEER, "peers and floors")] if any(not b.feedd for b in chart.bars) else [])
    left = MARGIN
    for colour, name in items:
        doc.add("rect", x=left, y=y - 10, width=12, height=12, fill=colour)
        doc.add("text", name, x=left + 18, y=y, fill=INK)
        left += 18 + text_width(name) + 16
    if any(b.target is not None for b in chart.bars):
        doc.add("line", x1=left + 6, y1=y - 12, x2=left + 6, y2=y + 2, stroke=INK, stroke_width=2)
        doc.add("text", "target (the most the check allows)" if not chart.higher_is_better
                else "target (the least the check allows)", x=left + 16, y=y, fill=INK)


# ------------------------------------------------------------------ line charts

LINE_PLOT = (64, PLOT_TOP + 16, 560, 260)  # x, y, width, height of the plot area


def line_chart_of(title, series, x_label="size", y_label="cost per item", unit="", note=""):
    """A line chart straight from figures: series maps each contender to its [(size, value)] points."""
    chart = LineChart(title, x_label, y_label, unit, note)
    for name, points in series.items():
        chart.line(name, points)
    return line_chart(chart)


def line_chart(chart: LineChart):
    if not chart.series:
        raise ChartError(f"chart {chart.title!r}: no series")
    px, py, pw, ph = LINE_PLOT
    sizes = [p[0] for s in chart.series for p in s.points]
    xticks = scales.log_ticks(min(sizes), max(sizes))
    yticks = scales.linear_ticks(max(p[1] for s in chart.series for p in s.points) or 1)
    low, high = math.log10(xticks[0]), math.log10(xticks[-1])
    unit = f" {chart.unit}" if chart.unit else ""

    def x(size):
        return px + (math.log10(size) - low) / (high - low) * pw

    def y(value):
        return py + ph - value / yticks[-1] * ph

    colours, peers = [], iter(PALETTE * (len(chart.series) // len(PALETTE) + 1))
    for s in chart.series:
        colours.append(FEEDD if s.feedd else next(peers))
    legend_rows = _legend_rows(chart.series, px + pw)
    width, height = px + pw + 40, py + ph + 56 + 20 * len(legend_rows)
    doc = Svg(width, height, f"{chart.title}: {chart.y_label} against {chart.x_label}", chart.describe())
    doc.add("text", chart.title, x=MARGIN, y=TITLE_Y, font_size=15, font_weight="bold", fill=INK)
    doc.add("text", "; ".join(filter(None, [chart.note, f"{chart.x_label} on a log scale; lower is better"])),
            x=MARGIN, y=SUBTITLE_Y, fill=MUTED)
    for tick in yticks:
        doc.add("line", x1=px, y1=y(tick), x2=px + pw, y2=y(tick), stroke=GRID)
        doc.add("text", scales.tick_label(tick, yticks[1] - yticks[0]), x=px - 6, y=y(tick) + 4,
                text_anchor="end", fill=MUTED)
    for tick in xticks:
        doc.add("line", x1=x(tick), y1=py, x2=x(tick), y2=py + ph, stroke=GRID)
        doc.add("text", scales.compact(tick), x=x(tick), y=py + ph + 16, text_anchor="middle", fill=MUTED)
    doc.add("line", x1=px, y1=py + ph, x2=px + pw, y2=py + ph, stroke=INK)
    doc.add("line", x1=px, y1=py, x2=px, y2=py + ph, stroke=INK)
    doc.add("text", chart.x_label + " (log scale)", x=px + pw / 2, y=py + ph + 34, text_anchor="middle", fill=INK)
    doc.add("text", f"{chart.y_label}{',' + unit if unit else ''}", x=px, y=py - 8, text_anchor="start", fill=INK)
    for s, colour in sorted(zip(chart.series, colours), key=lambda pair: pair[0].feedd):  # feedd drawn last, on top
        doc.add("polyline", points=" ".join(f"{x(a):.2f},{y(b):.2f}" for a, b in s.points), fill="none",
                stroke=colour, stroke_width=3 if s.feedd else 2)
        for a, b in s.points:
            doc.add("circle", cx=x(a), cy=y(b), r=4 if s.feedd else 3, fill=colour,
                    tooltip=f"{s.name}: {scales.figure(b)}{unit} at {a:g} {chart.x_label}")
    top = py + ph + 56
    for row, entries in enumerate(legend_rows):
        for left, index in entries:
            s = chart.series[index]
            doc.add("line", x1=left, y1=top + 20 * row - 4, x2=left + 18, y2=top + 20 * row - 4,
                    stroke=colours[index], stroke_width=3 if s.feedd else 2)
            doc.add("text", s.name, x=left + 24, y=top + 20 * row, fill=INK, font_weight="bold" if s.feedd else None)
    return doc.text()


def _legend_rows(series, right):
    """The legend's entries as rows of (x, series index), wrapped before right."""
    rows, left = [[]], MARGIN
    for index, s in enumerate(series):
        room = 24 + text_width(s.name) + 20
        if rows[-1] and left + room > right:
            rows.append([])
            left = MARGIN
        rows[-1].append((left, index))
        left += room
    return rows


def render(chart):
    """The SVG text of a BarChart or a LineChart."""
    return bar_chart(chart) if isinstance(chart, BarChart) else line_chart(chart)
