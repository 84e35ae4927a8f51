"""The figures a chart shows, kept by the Report and written to results.json: a BarChart per benchmark
(feedd and its peers, one measure, each target as a marker) and a LineChart of series against size
(cost per item for scale runs, x log-scaled). Pure data: chart_svg.py draws them. A figure a chart
cannot show raises ChartError naming the chart and the field."""
import math
import re
from dataclasses import dataclass, field

from scales import figure


class ChartError(ValueError):
    """A figure a chart cannot show, or a results file without the fields a chart needs."""


def checked_number(value, what, positive=False):
    """value as a float when it is a finite number >= 0 (> 0 with positive), else a ChartError naming what."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or value < 0 or (positive and value == 0):
        raise ChartError(f"{what}: expected a finite number {'> 0' if positive else '>= 0'}, got {value!r}")
    return float(value)


def slug(title):
    """A chart's file name stem: "parse large/" -> "parse-large"."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "chart"


@dataclass
class Bar:
    label: str
    value: float
    feedd: bool = False
    target: float | None = None  # the value this bar's target allows, in the chart's unit
    target_label: str = ""  # the target as the check states it: "<= 1.3x xmllint"

    def missed(self, higher_is_better):
        """Whether the value is on the wrong side of its target (a value equal to it counts as met)."""
        if self.target is None:
            return False
        return self.value < self.target if higher_is_better else self.value > self.target


@dataclass
class BarChart:
    """One benchmark's figures: a bar per contender in one measure and unit, feedd's bars highlighted."""
    title: str
    measure: str  # "median time", "requests/s"
    unit: str  # "ms", "req/s", "MiB"
    higher_is_better: bool = False
    note: str = ""  # what was measured: "50 files, 20.1 MB, 3 runs"
    bars: list = field(default_factory=list)

    def bar(self, label, value, feedd=False, target=None, target_label=""):
        """Adds a bar; target is the value the benchmark's target allows this bar, drawn as a marker."""
        what = f"chart {self.title!r}, bar {label!r}"
        value = checked_number(value, f"{what}: value")
        target = None if target is None else checked_number(target, f"{what}: target")
        self.bars.append(Bar(str(label), value, bool(feedd), target, str(target_label)))
        return self

    @property
    def empty(self):
        return not self.bars

    @property
    def alt(self):
        return f"{self.title}: {self.measure} ({self.unit})" + \
            (", feedd and its peers" if any(not b.feedd for b in self.bars) else ", feedd")

    def describe(self):
        """Every figure in words, for the chart's <desc>."""
        better = "higher is better" if self.higher_is_better else "lower is better"
        parts = []
        for b in self.bars:
            text = f"{b.label}: {figure(b.value)} {self.unit}"
            if b.target is not None:
                verdict = "missed" if b.missed(self.higher_is_better) else "met"
                rule = f"{b.target_label}: " if b.target_label else ""
                text += f" (target {rule}{figure(b.target)} {self.unit}, {verdict})"
            parts.append(text)
        return f"{self.title}, {self.measure} in {self.unit} ({better})" + \
            (f"; {self.note}" if self.note else "") + ". " + "; ".join(parts) + "."

    def to_dict(self):
        return {"kind": "bar", "title": self.title, "measure": self.measure, "unit": self.unit,
                "higher_is_better": self.higher_is_better, "note": self.note,
                "bars": [{"label": b.label, "value": b.value, "feedd": b.feedd, "target": b.target,
                          "target_label": b.target_label} for b in self.bars]}


@dataclass
class Series:
    name: str
    points: list  # [(size, value)], sizes > 0 and increasing
    feedd: bool = False


@dataclass
class LineChart:
    """Values against size, one line per contender, the x axis log-scaled (sizes from 10 to 10^6 read alike)."""
    title: str
    x_label: str  # "feeds", "articles"
    y_label: str  # "cost per item"
    unit: str = ""  # of the values: "ms", "µs"
    note: str = ""
    series: list = field(default_factory=list)

    def line(self, name, points, feedd=None):
        """Adds a series of (size, value) pairs in any order; feedd defaults to a name starting with "feedd"."""
        what = f"chart {self.title!r}, series {name!r}"
        if not points:
            raise ChartError(f"{what}: no points")
        checked = []
        for i, point in enumerate(points):
            if not isinstance(point, (tuple, list)) or len(point) != 2:
                raise ChartError(f"{what}: point {i}: expected (size, value), got {point!r}")
            checked.append((checked_number(point[0], f"{what}: point {i}: size (the x axis is log-scaled)", positive=True),
                            checked_number(point[1], f"{what}: point {i}: value")))
        checked.sort()
        sizes = [x for x, _ in checked]
        if len(set(sizes)) != len(sizes):
            raise ChartError(f"{what}: two points at the same size")
        self.series.append(Series(str(name), checked, str(name).startswith("feedd") if feedd is None else bool(feedd)))
        return self

    @property
    def empty(self):
        return not self.series

    @property
    def alt(self):
        return f"{self.title}: {self.y_label} against {self.x_label}"

    def describe(self):
        unit = f" {self.unit}" if self.unit else ""
        lines = "; ".join(f"{s.name}: " + ", ".join(f"{figure(y)}{unit} at {x:g}" for x, y in s.points)
                          for s in self.series)
        return f"{self.title}, {self.y_label}{f' in {self.unit}' if self.unit else ''} against {self.x_label} " \
               f"(log scale)" + (f"; {self.note}" if self.note else "") + ". " + lines + "."

    def to_dict(self):
        return {"kind": "line", "title": self.title, "x_label": self.x_label, "y_label": self.y_label,
                "unit": self.unit, "note": self.note,
                "series": [{"name": s.name, "feedd": s.feedd, "points": [list(p) for p in s.points]}
                           for s in self.series]}


class _Fields:
    """Fields of one JSON object, each error naming where it is (sections[2].chart.bars[0].value)."""

    def __init__(self, data, where):
        if not isinstance(data, dict):
            raise ChartError(f"{where}: expected an object, got {type(data).__name__}")
        self.data, self.where = data, where

    def get(self, key, kind, default=...):
        if key not in self.data:
            if default is ...:
                raise ChartError(f"{self.where}: no {key!r}")
            return default
        value = self.data[key]
        if kind is not None and not isinstance(value, kind):
            raise ChartError(f"{self.where}.{key}: expected {getattr(kind, '__name__', 'a number')}, got {value!r}")
        return value

    def objects(self, key):
        return [_Fields(item, f"{self.where}.{key}[{i}]") for i, item in enumerate(self.get(key, list))]


def chart_from_dict(data, where="chart"):
    """A BarChart or LineChart from its to_dict() form, as read back from results.json."""
    f = _Fields(data, where)
    kind = f.get("kind", str)
    if kind == "bar":
        chart = BarChart(f.get("title", str), f.get("measure", str), f.get("unit", str),
                         f.get("higher_is_better", bool, False), f.get("note", str, ""))
        for b in f.objects("bars"):
            _at(b.where, chart.bar, b.get("label", str), b.get("value", None), b.get("feedd", bool, False),
                b.get("target", None, None), b.get("target_label", str, ""))
        return chart
    if kind == "line":
        chart = LineChart(f.get("title", str), f.get("x_label", str), f.get("y_label", str),
                          f.get("unit", str, ""), f.get("note", str, ""))
        for s in f.objects("series"):
            _at(s.where, chart.line, s.get("name", str), s.get("points", list), s.get("feedd", bool, None))
        return chart
    raise ChartError(f"{where}.kind: expected 'bar' or 'line', got {kind!r}")


def _at(where, add, *arguments):
    """Calls add(*arguments), its ChartError prefixed with where the figures came from."""
    try:
        add(*arguments)
    except ChartError as error:
        raise ChartError(f"{where}: {error}") from None
