"""The benchmarks' output: each benchmark's lines and target checks on the terminal, and the same in
bench/RESULTS.md with the date, the machine, the feedd commit and the command that produced it; each
benchmark's chart in bench/charts/<benchmark>.svg, linked from RESULTS.md; the raw figures in
bench/results.json, from which the charts can be drawn again without running anything:

    python3 bench/report.py --charts-from bench/results.json [--charts DIR]
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys

from chart_svg import render
from charts import BarChart, ChartError, LineChart, chart_from_dict, slug

UNITS = {"x": "{:.2f}x", "ms": "{:.1f} ms", "MiB": "{:.1f} MiB", "%": "{:.2f} %", "": "{}"}


def show(value, unit):
    return UNITS[unit].format(value)


def show_limit(limit, unit):
    """A target's limit as written: 5x, 300 ms, 1 %, 64 MiB."""
    if isinstance(limit, str) or not unit:
        return str(limit)
    return f"{limit:g}x" if unit == "x" else f"{limit:g} {unit}"


class Section:
    """One benchmark's printed lines and its checks (PASS, FAIL or SKIP)."""

    def __init__(self, title):
        self.title, self.lines, self.checks = title, [], []
        self.chart = None

    def bar_chart(self, measure, unit, higher_is_better=False, note=""):
        """This section's chart, a bar per contender (add bars with .bar); drawn by Report.write."""
        self.chart = BarChart(self.title, measure, unit, higher_is_better, note)
        return self.chart

    def line_chart(self, x_label, y_label, unit="", note=""):
        """This section's chart, values against size (add series with .line); drawn by Report.write."""
        self.chart = LineChart(self.title, x_label, y_label, unit, note)
        return self.chart

    def say(self, line=""):
        print(line, flush=True)
        self.lines.append(line)

    def check(self, label, value, op, limit, unit=""):
        """Compares value with limit (op one of <=, <, ==, >=) and prints the PASS or FAIL line."""
        ok = {"<=": value <= limit, "<": value < limit, "==": value == limit, ">=": value >= limit}[op]
        self._record(label, f"{op} {show_limit(limit, unit)}", show(value, unit), "PASS" if ok else "FAIL")

    def skip(self, label, target, reason):
        self._record(label, target, reason, "SKIP")

    def error(self, message):
        """The benchmark stopped before its end: a FAIL of its own."""
        self.checks.append(("stopped early", "runs to the end", message, "FAIL"))
        self.say(f"  FAIL  {self.title}: stopped early: {message}")

    def _record(self, label, target, measured, status):
        self.checks.append((label, target, measured, status))
        self.say(f"  {status}  {self.title}: {label} {measured} (target {target})" if status != "SKIP"
                 else f"  SKIP  {self.title}: {label} (target {target}): {measured}")


class Report:
    def __init__(self):
        self.sections = []

    def section(self, title):
        self.sections.append(Section(title))
        return self.sections[-1]

    def checks(self):
        return [(s.title,) + c for s in self.sections for c in s.checks]

    @property
    def failed(self):
        return any(c[4] == "FAIL" for c in self.checks())

    def summary(self):
        statuses = [c[4] for c in self.checks()]
        return ", ".join(f"{statuses.count(s)} {s}" for s in ("PASS", "FAIL", "SKIP"))

    def write(self, path, feedd, notes):
        """Writes the markdown results file, the charts of this run's sections into charts/ beside it
        (those of other sections stay) and the figures into results.json beside it."""
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        command = "python3 bench/bench.py " + shlex.join(sys.argv[1:])
        about = describe(feedd) + notes
        folder = os.path.dirname(os.path.abspath(path))
        charted = [s for s in self.sections if s.chart and not s.chart.empty]  # a benchmark stopped early may have none
        write_charts([s.chart for s in charted], os.path.join(folder, "charts"))
        out = ["# feedd benchmark results", "",
               f"Written by `{command}` on {now}. Generated on every run: do not edit by hand, run it again.", "",
               "| | |", "|---|---|"]
        out += [f"| {k} | {v.replace('|', '/')} |" for k, v in about]
        out += ["", f"## Targets ({self.summary()})", "", "| benchmark | check | target | measured | result |",
                "|---|---|---|---|---|"]
        out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in (t, label, target, measured)) + f" | **{status}** |"
                for t, label, target, measured, status in self.checks()]
        for s in self.sections:
            out += ["", f"## {s.title}", ""]
            if s in charted:
                out += [f"![{s.chart.alt.replace('[', '(').replace(']', ')')}](charts/{slug(s.title)}.svg)", ""]
            out += ["```text"] + s.lines + ["```"]
        with open(path, "w") as f:
            f.write("\n".join(out) + "\n")
        with open(os.path.join(folder, "results.json"), "w") as f:
            json.dump(self.figures(now, command, about), f, indent=1, ensure_ascii=False)
            f.write("\n")

    def figures(self, written, command, about):
        """The run as results.json holds it: what RESULTS.md says, with each chart's raw figures."""
        return {"written": written, "command": command, "about": dict(about), "summary": self.summary(),
                "sections": [{"title": s.title,
                              "checks": [dict(zip(("check", "target", "measured", "result"), c)) for c in s.checks],
                              "chart": s.chart.to_dict() if s.chart and not s.chart.empty else None} for s in self.sections]}


def write_charts(charts, folder):
    """Writes each chart to folder/<slug of its title>.svg, leaving other files there; returns the paths."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for chart in charts:
        paths.append(os.path.join(folder, slug(chart.title) + ".svg"))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(render(chart))
    return paths


def charts_from(results, folder=None):
    """Draws the charts of a results.json again (into charts/ beside it by default); returns their paths."""
    try:
        with open(results, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as error:
        raise ChartError(f"{results}: cannot read it: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise ChartError(f"{results}: not JSON: {error}") from None
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, list):
        raise ChartError(f"{results}: no 'sections' list: not a results.json written by bench.py")
    charts = []
    for i, section in enumerate(sections):
        chart = section.get("chart") if isinstance(section, dict) else None
        if chart is not None:
            try:
                charts.append(chart_from_dict(chart, f"sections[{i}].chart"))
            except ChartError as error:
                raise ChartError(f"{results}: {error}") from None
    if not charts:
        raise ChartError(f"{results}: no section has a chart")
    return write_charts(charts, folder or os.path.join(os.path.dirname(os.path.abspath(results)), "charts"))


# ------------------------------------------------------------------ the machine and the build

def _read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def _first_line(cmd):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    if proc.returncode != 0:
        return ""
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return lines[0].strip() if lines else ""


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem_kib = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
                    if line.startswith("MemTotal:")), 0)
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    u = os.uname()
    distro = next((line.split("=", 1)[1].strip('"') for line in _read("/etc/os-release").splitlines()
                   if line.startswith("PRETTY_NAME=")), "")
    return (f"{cpu}, {os.cpu_count()} cores ({usable} usable), {mem_kib / 1048576:.1f} GiB memory, "
            f"{u.sysname} {u.release} {u.machine}" + (f", {distro}" if distro else ""))


def commit(root):
    head = _first_line(["git", "-C", root, "rev-parse", "--short", "HEAD"]) or "unknown"
    proc = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                          capture_output=True, text=True)
    return head + (" (dirty: uncommitted changes)" if proc.stdout.strip() else "")


def peers():
    found = []
    if shutil.which("xmllint"):
        found.append("xmllint (" + _first_line(["xmllint", "--version"]).replace("xmllint: using ", "") + ")")
    if shutil.which("sfeed"):
        found.append("sfeed " + (_first_line(["dpkg-query", "-W", "-f", "${Version}", "sfeed"]) or "(version unknown)"))
    if shutil.which("curl"):
        found.append(" ".join(_first_line(["curl", "--version"]).split()[:2]))
    version = _first_line([sys.executable, "-c", "import feedparser; print(feedparser.__version__)"])
    if version:
        found.append(f"feedparser {version}")
    found.append("GNU time" if os.access("/usr/bin/time", os.X_OK) else "no GNU time (peak RSS less exact)")
    return "; ".join(found)


def describe(feedd):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rel = os.path.relpath(feedd, root) if feedd.startswith(root + os.sep) else feedd
    build = "debug build: figures not representative" if "/debug/" in feedd else "release build" if "/release/" in feedd else "build type unknown"
    return [("feedd", f"commit {commit(root)}; binary `{rel}` ({_first_line([feedd, '--version']) or '?'}, {build})"),
            ("machine", machine()),
            ("peers", peers()),
            ("python", platform.python_version())]


def main():
    parser = argparse.ArgumentParser(description="Draws the benchmark charts again from a run's figures.")
    parser.add_argument("--charts-from", required=True, metavar="RESULTS_JSON",
                        help="the results.json a run of bench.py wrote (bench/results.json)")
    parser.add_argument("--charts", metavar="DIR", help="where the charts go (default: charts/ beside the JSON)")
    args = parser.parse_args()
    try:
        paths = charts_from(args.charts_from, args.charts)
    except ChartError as error:
        print(f"report.py: {error}", file=sys.stderr)
        sys.exit(2)
    for path in paths:
        shown = os.path.relpath(path)
        print(path if shown.startswith("..") else shown)


if __name__ == "__main__":
    main()
