"""The benchmark charts, checked without running a benchmark: charts drawn from the figures of
bench/RESULTS.md (the run of commit c57a808), validated with xmllint and against the SVG 1.1 elements
and attributes they may use, their geometry read back; the Report's RESULTS.md links, results.json and
`report.py --charts-from`.

    python3 -m unittest bench/test_charts.py
"""
import contextlib
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import chart_svg  # noqa: E402
import scales  # noqa: E402
from charts import BarChart, ChartError, LineChart, chart_from_dict  # noqa: E402
from report import Report  # noqa: E402

NS = "{http://www.w3.org/2000/svg}"
PRESENTATION = {"fill", "stroke", "stroke-width", "font-family", "font-size", "font-weight", "text-anchor"}
SVG11 = {  # the elements these charts use and the SVG 1.1 attributes each may carry
    "svg": {"xmlns", "version", "width", "height", "viewBox"} | PRESENTATION,
    "title": set(), "desc": set(),
    "rect": {"x", "y", "width", "height"} | PRESENTATION,
    "line": {"x1", "y1", "x2", "y2"} | PRESENTATION,
    "polyline": {"points"} | PRESENTATION,
    "circle": {"cx", "cy", "r"} | PRESENTATION,
    "text": {"x", "y"} | PRESENTATION,
}


def parse_chart():
    """The parse benchmark of bench/RESULTS.md: feedd's target 1.3x xmllint; feedparser far off scale."""
    chart = BarChart("parse", "median time", "ms", note="50 files, 20.1 MB, 3 runs")
    chart.bar("xmllint --sax --noout (1 process)", 120.1)
    chart.bar("sfeed < file (sh loop, 50 processes)", 186.2)
    chart.bar("/bin/true < file (same loop: spawn cost)", 58.6)
    chart.bar("feedparser (1 process, timed inside)", 9447.1)
    chart.bar("feedd inspect --quiet (1 process)", 123.8, True, 120.1 * 1.3, "≤ 1.3x xmllint")
    return chart


def serve_chart():
    """The serve benchmark: requests/s, higher is better; feedd's 304s miss their target."""
    chart = BarChart("serve", "throughput", "requests/s", higher_is_better=True)
    for label, feedd, nginx in (("GET", 3830, 2598), ("GET If-None-Match (304)", 26037, 70648)):
        chart.bar(f"feedd {label}", feedd, True, nginx / 1.5, "≥ nginx / 1.5")
        chart.bar(f"nginx {label}", nginx)
    return chart


def scale_series():
    """Cost per feed against the number of feeds, as a scale run would give it (figures from poll)."""
    return {"feedd --once --all": [(50, 11.05), (10, 14.2), (500, 10.4), (5000, 10.1)],
            "curl + xmllint (floor)": [(10, 7.9), (50, 6.66), (500, 6.5), (5000, 6.4)],
            "sfeed_update": [(10, 26.0), (50, 24.5), (500, 24.1)]}


class SvgCase(unittest.TestCase):
    def valid(self, text):
        """The SVG's root after checking it: well-formed for xmllint, SVG 1.1 elements and attributes only,
        a white background, <title> and <desc> first."""
        if shutil.which("xmllint"):
            with tempfile.NamedTemporaryFile("w", suffix=".svg", encoding="utf-8", delete=False) as f:
                f.write(text)
            try:
                proc = subprocess.run(["xmllint", "--noout", f.name], capture_output=True, text=True)
            finally:
                os.unlink(f.name)
            self.assertEqual((proc.returncode, proc.stderr), (0, ""), "xmllint --noout")
        root = ET.fromstring(text.encode("utf-8"))
        self.assertEqual(root.tag, NS + "svg")
        self.assertEqual(root.get("version"), "1.1")
        for element in root.iter():
            name = element.tag.removeprefix(NS)
            self.assertIn(name, SVG11, "an element outside SVG 1.1's or this writer's set")
            self.assertLessEqual(set(element.attrib), SVG11[name], f"attributes of <{name}>")
        self.assertEqual([child.tag for child in root[:3]], [NS + "title", NS + "desc", NS + "rect"])
        self.assertEqual((root[2].get("width"), root[2].get("height"), root[2].get("fill")), ("100%", "100%", "#ffffff"))
        return root


def bar(root, label):
    """The <rect> of the bar whose tooltip starts with label."""
    found = [r for r in root.iter(NS + "rect") if r.find(NS + "title") is not None
             and r.find(NS + "title").text.startswith(label + ":")]
    assert len(found) == 1, f"{len(found)} bars labelled {label!r}"
    return found[0]


def texts(root):
    return [t.text for t in root.iter(NS + "text")]


def width(element):
    return float(element.get("width"))


class ScalesTests(unittest.TestCase):
    def test_linear_ticks_end_at_a_nice_value_at_or_above_the_top(self):
        self.assertEqual(scales.linear_ticks(186.2), [0, 50, 100, 150, 200])
        self.assertEqual(scales.linear_ticks(70648), [0, 20000, 40000, 60000, 80000])
        self.assertEqual(scales.linear_ticks(1000), [0, 200, 400, 600, 800, 1000])

    def test_log_ticks_cover_the_range_with_steps_of_1_2_5_below_three_decades(self):
        self.assertEqual(scales.log_ticks(10, 5000), [10, 100, 1000, 10000])
        self.assertEqual(scales.log_ticks(120, 900), [100, 200, 500, 1000])
        self.assertEqual(scales.log_ticks(100, 100), [100, 200])

    def test_figures_as_printed(self):
        self.assertEqual([scales.figure(v) for v in (9447.1, 123.8, 4.43, 0.031, 0)],
                         ["9,447", "123.8", "4.43", "0.031", "0.00"])
        self.assertEqual([scales.compact(v) for v in (50, 2000, 10000, 1e6)], ["50", "2k", "10k", "1M"])


class BarChartTests(SvgCase):
    def test_parse_chart_is_valid_and_describes_every_figure(self):
        root = self.valid(chart_svg.bar_chart(parse_chart()))
        self.assertEqual(root.find(NS + "title").text, "parse: median time (ms)")
        desc = root.find(NS + "desc").text
        for figure in ("120.1 ms", "186.2 ms", "58.6 ms", "9,447 ms", "123.8 ms", "≤ 1.3x xmllint: 156.1 ms, met"):
            self.assertIn(figure, desc)

    def test_bars_are_to_scale_and_feedd_is_highlighted(self):
        root = self.valid(chart_svg.bar_chart(parse_chart()))
        xmllint, sfeed, feedd = (bar(root, n) for n in ("xmllint --sax --noout (1 process)",
                                                        "sfeed < file (sh loop, 50 processes)",
                                                        "feedd inspect --quiet (1 process)"))
        self.assertAlmostEqual(width(feedd) / width(xmllint), 123.8 / 120.1, places=3)
        self.assertAlmostEqual(width(sfeed) / width(xmllint), 186.2 / 120.1, places=3)
        self.assertEqual(feedd.get("fill"), chart_svg.FEEDD)
        self.assertEqual({xmllint.get("fill"), sfeed.get("fill")}, {chart_svg.PEER})
        self.assertIn("123.8 ms", texts(root))

    def test_target_marker_is_at_the_ratio_times_the_floor(self):
        root = self.valid(chart_svg.bar_chart(parse_chart()))
        xmllint, feedd = bar(root, "xmllint --sax --noout (1 process)"), bar(root, "feedd inspect --quiet (1 process)")
        top = float(feedd.get("y"))
        markers = [m for m in root.iter(NS + "line") if float(m.get("y1")) == top - 4]
        self.assertEqual(len(markers), 1)
        self.assertAlmostEqual(float(markers[0].get("x1")) - float(xmllint.get("x")), 1.3 * width(xmllint), places=1)
        self.assertIn("target ≤ 1.3x xmllint: 156.1 ms", texts(root))

    def test_an_outlier_is_drawn_off_scale_with_its_value(self):
        root = self.valid(chart_svg.bar_chart(parse_chart()))
        feedparser, sfeed = bar(root, "feedparser (1 process, timed inside)"), bar(root, "sfeed < file (sh loop, 50 processes)")
        self.assertAlmostEqual(width(feedparser), chart_svg.PLOT_WIDTH + chart_svg.BREAK)
        self.assertIn("9,447 ms (off scale)", texts(root))
        self.assertAlmostEqual(width(sfeed), 186.2 / 200 * chart_svg.PLOT_WIDTH, places=1)  # the axis ends at 200

    def test_without_an_outlier_the_axis_reaches_the_largest_bar(self):
        chart = BarChart("parse json/", "median time", "ms")
        chart.bar("Python json.loads", 20.5).bar("feedd inspect --quiet", 122.7, True)
        root = self.valid(chart_svg.bar_chart(chart))
        self.assertAlmostEqual(width(bar(root, "feedd inspect --quiet")), 122.7 / 150 * chart_svg.PLOT_WIDTH, places=1)
        self.assertNotIn("off scale", " ".join(texts(root)))

    def test_feedd_and_peers_within_reach_of_it_stay_on_scale(self):
        chart = BarChart("articles", "median time", "ms")  # bench/RESULTS.md: cold 4.4x cat, warm 0.03x cold
        chart.bar("cat", 240.3).bar("find -type f", 11.8)
        chart.bar("feedd --once cold", 1064.3, True, 240.3 * 5, "≤ 5x cat")
        chart.bar("feedd --once warm", 34.8, True, 11.8 * 3, "≤ 3x find -type f")
        root = self.valid(chart_svg.bar_chart(chart))
        self.assertNotIn("off scale", " ".join(texts(root)))
        self.assertAlmostEqual(width(bar(root, "feedd --once cold")), 1064.3 / 1500 * chart_svg.PLOT_WIDTH, places=1)
        self.assertAlmostEqual(width(bar(root, "cat")), 240.3 / 1500 * chart_svg.PLOT_WIDTH, places=1)

    def test_a_missed_target_says_so_in_its_own_colour(self):
        root = self.valid(chart_svg.bar_chart(serve_chart()))
        captions = {t.text: t.get("fill") for t in root.iter(NS + "text") if t.text.startswith("target ≥")}
        self.assertEqual(captions, {"target ≥ nginx / 1.5: 1,732 requests/s": chart_svg.MET,
                                    "target ≥ nginx / 1.5: 47,099 requests/s (missed)": chart_svg.MISSED})
        self.assertIn("longer is better", " ".join(texts(root)))

    def test_text_is_escaped(self):
        label = 'a <b> & "c" \'d\' ]]>'
        chart = BarChart("odd <names> & co", "median time", "ms", note="<note>")
        chart.bar(label, 1.5, True, 2, "≤ <2> & more")
        root = self.valid(chart_svg.bar_chart(chart))
        self.assertIn(label, texts(root))
        self.assertIn("target ≤ <2> & more: 2.00 ms", texts(root))
        self.assertEqual(root.find(NS + "title").text, "odd <names> & co: median time (ms)")

    def test_same_figures_same_bytes(self):
        self.assertEqual(chart_svg.bar_chart(parse_chart()), chart_svg.bar_chart(parse_chart()))

    def test_bad_figures_are_refused_by_name(self):
        chart = BarChart("poll", "median time", "ms")
        for value in (math.nan, -1, "12", True, math.inf):
            with self.assertRaisesRegex(ChartError, r"chart 'poll', bar 'feedd': value: expected a finite number"):
                chart.bar("feedd", value)
        with self.assertRaisesRegex(ChartError, r"bar 'feedd': target"):
            chart.bar("feedd", 1, True, -2)
        with self.assertRaisesRegex(ChartError, r"chart 'poll': no bars"):
            chart_svg.bar_chart(chart)


class LineChartTests(SvgCase):
    def test_sizes_are_log_scaled_and_values_linear(self):
        root = self.valid(chart_svg.line_chart_of("scale: poll", scale_series(), "feeds", "time per feed", "ms"))
        points = {c.find(NS + "title").text: (float(c.get("cx")), float(c.get("cy"))) for c in root.iter(NS + "circle")}
        x10, y10 = points["feedd --once --all: 14.2 ms at 10 feeds"]
        x500, y500 = points["feedd --once --all: 10.4 ms at 500 feeds"]
        x5000, _ = points["feedd --once --all: 10.1 ms at 5000 feeds"]
        self.assertAlmostEqual((x500 - x10) / (x5000 - x500), math.log10(50) / math.log10(10), places=2)
        _, y_floor = points["curl + xmllint (floor): 6.40 ms at 5000 feeds"]
        bottom = chart_svg.LINE_PLOT[1] + chart_svg.LINE_PLOT[3]
        self.assertAlmostEqual((bottom - y10) / (bottom - y_floor), 14.2 / 6.4, places=2)
        self.assertEqual(len(points), 11)
        self.assertEqual([t.text for t in root.iter(NS + "text") if float(t.get("y")) == bottom + 16],
                         ["10", "100", "1k", "10k"])  # the x axis' ticks

    def test_feedd_is_highlighted_and_drawn_on_top(self):
        root = self.valid(chart_svg.line_chart_of("scale", scale_series()))
        lines = list(root.iter(NS + "polyline"))
        self.assertEqual(len(lines), 3)
        self.assertEqual((lines[-1].get("stroke"), lines[-1].get("stroke-width")), (chart_svg.FEEDD, "3"))
        self.assertNotIn(chart_svg.FEEDD, [line.get("stroke") for line in lines[:-1]])
        self.assertEqual(lines[-1].get("points").count(","), 4)  # sorted by size, one pair per point

    def test_points_are_sorted_by_size(self):
        chart = LineChart("scale", "feeds", "time per feed", "ms").line("feedd", [(100, 2), (10, 3), (1000, 1)])
        self.assertEqual(chart.series[0].points, [(10, 3), (100, 2), (1000, 1)])

    def test_bad_series_are_refused_by_name(self):
        chart = LineChart("scale", "feeds", "time per feed")
        cases = {r"series 'feedd': point 1: size \(the x axis is log-scaled\): expected a finite number > 0": [(10, 1), (0, 2)],
                 r"series 'feedd': point 0: value": [(10, -1)],
                 r"series 'feedd': no points": [],
                 r"series 'feedd': point 0: expected \(size, value\)": [10],
                 r"series 'feedd': two points at the same size": [(10, 1), (10, 2)]}
        for message, points in cases.items():
            with self.assertRaisesRegex(ChartError, message):
                chart.line("feedd", points)
        with self.assertRaisesRegex(ChartError, "no series"):
            chart_svg.line_chart(chart)

    def test_round_trip_through_json(self):
        chart = LineChart("scale", "feeds", "time per feed", "ms")
        for name, points in scale_series().items():
            chart.line(name, points)
        again = chart_from_dict(json.loads(json.dumps(chart.to_dict())))
        self.assertEqual(chart_svg.line_chart(again), chart_svg.line_chart(chart))


class ReportTests(SvgCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="feedd-charts-")
        self.addCleanup(shutil.rmtree, self.folder)
        self.results = os.path.join(self.folder, "RESULTS.md")

    def report(self):
        with contextlib.redirect_stdout(io.StringIO()):  # a Section prints what it records
            return self.sample_report()

    def sample_report(self):
        report = Report()
        sec = report.section("parse")
        sec.say("parse: 50 files, 20.1 MB, 3569 entries (manifest); 3 runs, medians")
        sec.chart = parse_chart()
        sec.check("feedd / xmllint --sax", 123.8 / 120.1, "<=", 1.3, "x")
        sec = report.section("serve")
        sec.chart = serve_chart()
        sec.check("nginx / feedd throughput, conditional GET (304)", 70648 / 26037, "<=", 1.5, "x")
        sec = report.section("daemon idle")
        sec.bar_chart("memory", "MiB")  # stopped before its figures: no chart
        sec.error("the daemon sent no READY=1 within 120 s")
        sec = report.section("poll")
        sec.line_chart("feeds", "time per feed", "ms").line("feedd", [(10, 14.2), (50, 11.05)])
        return report

    def write(self, report):
        report.write(self.results, "/nonexistent/release/feedd", [("run", "parse, serve (test)")])
        with open(self.results, encoding="utf-8") as f:
            return f.read()

    def test_results_link_each_chart_under_its_section(self):
        text = self.write(self.report())
        self.assertIn("## parse\n\n![parse: median time (ms), feedd and its peers](charts/parse.svg)\n\n```text\n", text)
        self.assertIn("## serve\n\n![serve: throughput (requests/s), feedd and its peers](charts/serve.svg)\n", text)
        self.assertIn("## poll\n\n![poll: time per feed against feeds](charts/poll.svg)\n", text)
        self.assertIn("## daemon idle\n\n```text\n", text)
        for name in ("parse", "serve", "poll"):
            with open(os.path.join(self.folder, "charts", f"{name}.svg"), encoding="utf-8") as f:
                self.valid(f.read())
        self.assertEqual(sorted(os.listdir(os.path.join(self.folder, "charts"))), ["parse.svg", "poll.svg", "serve.svg"])

    def test_charts_of_sections_not_run_stay_and_those_run_are_redrawn(self):
        charts = os.path.join(self.folder, "charts")
        os.makedirs(charts)
        for name in ("articles.svg", "parse.svg"):
            with open(os.path.join(charts, name), "w") as f:
                f.write("from an earlier run")
        self.write(self.report())
        with open(os.path.join(charts, "articles.svg")) as f:
            self.assertEqual(f.read(), "from an earlier run")
        with open(os.path.join(charts, "parse.svg"), encoding="utf-8") as f:
            self.assertEqual(f.read(), chart_svg.bar_chart(parse_chart()))

    def test_results_json_keeps_the_figures_and_charts_can_be_drawn_again_from_it(self):
        self.write(self.report())
        with open(os.path.join(self.folder, "results.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.assertEqual([s["title"] for s in data["sections"]], ["parse", "serve", "daemon idle", "poll"])
        self.assertEqual(data["sections"][0]["chart"]["bars"][4]["value"], 123.8)
        self.assertEqual(data["sections"][1]["checks"][0]["result"], "FAIL")
        self.assertIsNone(data["sections"][2]["chart"])
        again = os.path.join(self.folder, "again")
        proc = subprocess.run([sys.executable, os.path.join(HERE, "report.py"), "--charts-from",
                               os.path.join(self.folder, "results.json"), "--charts", again],
                              capture_output=True, text=True)
        self.assertEqual((proc.returncode, proc.stderr), (0, ""))
        self.assertEqual(len(proc.stdout.splitlines()), 3)
        for name in ("parse.svg", "serve.svg", "poll.svg"):
            with open(os.path.join(self.folder, "charts", name), "rb") as first, open(os.path.join(again, name), "rb") as second:
                self.assertEqual(first.read(), second.read(), name)

    def test_charts_from_a_bad_file_say_what_is_wrong(self):
        self.write(self.report())
        path = os.path.join(self.folder, "results.json")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        data["sections"][1]["chart"]["bars"][0]["value"] = "fast"
        broken = os.path.join(self.folder, "broken.json")
        with open(broken, "w") as f:
            json.dump(data, f)
        cases = {broken: r"broken\.json: sections\[1\]\.chart\.bars\[0\]: .*value: expected a finite number >= 0, got 'fast'",
                 os.path.join(self.folder, "RESULTS.md"): r"RESULTS\.md: not JSON",
                 os.path.join(self.folder, "missing.json"): r"missing\.json: cannot read it: No such file"}
        for results, message in cases.items():
            proc = subprocess.run([sys.executable, os.path.join(HERE, "report.py"), "--charts-from", results],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertRegex(proc.stderr, "report.py: .*" + message)


if __name__ == "__main__":
    unittest.main()
