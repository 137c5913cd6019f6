"""The HTML report as a person sees it: rendered by headless Chromium.

Two reports are rendered: the bundled Kursk example (two sources that agree) and a flood
report written here (three sources, two of them in conflict, plus a subject they agree
on). For each, Chromium runs twice (driven by the helpers of ``benchmarks/screenshot.py``):

- on a copy of the page with one inline script added, which measures with
  ``getBoundingClientRect()`` and ``getComputedStyle()`` where every chart's axis, ticks,
  consensus band, bars, bar ends, gap links and notes are drawn, and answers in the DOM;
- on the unmodified page, taking a whole-page screenshot while logging the network.

The checks: every source's bar is drawn where its interval says on the shared axis (from
rendered positions, not pixels), conflicts are marked and visible, the screenshot is a
real picture of the page, and the page makes no network request. Needs Debian's
``chromium`` (``.ci/run`` installs it); the tests skip without it. When
``FIGTRACK_ARTIFACTS`` names a folder, the Kursk screenshot is copied there.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from screenshot import KURSK, REPO, WIDTH, build_report, evaluate, find_chromium, screenshot

import figtrack
from figtrack.model import Finding

#: How far (CSS pixels) a rendered position may be from where its value belongs.
TOLERANCE = 1.5

#: Schemes whose loads never leave the machine.
LOCAL_SCHEMES = frozenset(
    {"file", "data", "about", "blob", "chrome", "chrome-untrusted", "chrome-extension"}
)

#: Our own flood report: three sources give deaths in Xland that do not all meet (two
#: conflicts), and the same three agree on the homes damaged.
FLOOD = {
    "coast.txt": (
        "Coast desk, Monday. At least 900 people died in the floods in Xland, officials"
        " said. About 3,000 homes were damaged.\n"
    ),
    "river.txt": (
        "River desk, Tuesday. Rescuers said fewer than 500 people died in the floods in"
        " Xland. More than 2,500 homes were damaged.\n"
    ),
    "night.txt": (
        "Night desk, Wednesday. Between 600 and 700 people died in the floods in Xland."
        " Exactly 2,800 homes were damaged.\n"
    ),
}

#: Runs in the page after load: where and how every mark of every chart is drawn.
MEASURE = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            width: r.width, height: r.height};
  };
  const mark = (el) => {
    const s = getComputedStyle(el);
    return {tag: el.tagName, classes: [...el.classList], data: {...el.dataset}, box: box(el),
            stroke: s.stroke, fill: s.fill, strokeWidth: s.strokeWidth,
            dash: s.strokeDasharray, text: el.textContent,
            visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true})};
  };
  const onTop = (el, b) => {
    const at = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2);
    return at !== null && el.contains(at);
  };
  const charts = [...document.querySelectorAll("svg.ft-svg")].map((svg) => ({
    svg: mark(svg),
    viewBoxWidth: svg.viewBox.baseVal.width,
    axis: mark(svg.querySelector("line.axis")),
    ticks: [...svg.querySelectorAll("g.tick")].map((g) => ({
      value: g.dataset.value, line: mark(g.querySelector("line"))})),
    consensus: [...svg.querySelectorAll("g.consensus")].map((g) => ({
      data: {...g.dataset}, band: mark(g.querySelector("rect"))})),
    gaps: [...svg.querySelectorAll("path.gap")].map(mark),
    notes: [...svg.querySelectorAll("text.note")].map(mark),
    bars: [...svg.querySelectorAll("g.bar")].map((g) => {
      const main = g.querySelector("line") || g.querySelector(".end");
      return {id: g.id, classes: [...g.classList], data: {...g.dataset},
              line: g.querySelector("line") && mark(g.querySelector("line")),
              ends: [...g.querySelectorAll(".end")].map(mark),
              onTop: onTop(g, box(main))};
    }),
  }));
  const sections = [...document.querySelectorAll("section.ft-finding")].map((s) => {
    const style = getComputedStyle(s);
    return {id: s.id, status: s.dataset.status, classes: [...s.classList],
            borderLeftColor: style.borderLeftColor, borderLeftWidth: style.borderLeftWidth,
            badge: mark(s.querySelector("h2 .ft-badge")),
            badgeBackground: getComputedStyle(s.querySelector("h2 .ft-badge")).backgroundColor};
  });
  const page = document.documentElement.getBoundingClientRect();
  return {viewport: [innerWidth, innerHeight], page: [page.width, Math.ceil(page.height)],
          charts, sections};
}"""

Json = dict[str, Any]


# -- the reports, rendered -----------------------------------------------------------------
@dataclass(frozen=True)
class Rendered:
    """One report, its findings, and what Chromium made of it."""

    name: str
    page: Path
    findings: list[Finding] = field(repr=False)
    measured: Json = field(repr=False)
    png: Path
    netlog: Json = field(repr=False)


@pytest.fixture(scope="module")
def chromium() -> str:
    """The Chromium executable; skip the module when there is none."""
    found = find_chromium()
    if found is None:
        pytest.skip("chromium not found: .ci/run installs Debian's chromium package")
    return found


def findings_of(folder: Path, names: list[str]) -> list[Finding]:
    """The findings ``figtrack report`` charts for these files (named as given)."""
    claims = [c for n in names for c in figtrack.extract((folder / n).read_text("utf-8"), n)]
    return figtrack.compare(claims, figtrack.Policy(), min_sources=2)


def render(chromium: str, name: str, folder: Path, files: list[str], work: Path) -> Rendered:
    """Build the report of ``files`` (in ``folder``), measure it, then shoot it."""
    work.mkdir(parents=True, exist_ok=True)
    page = work / f"{name}-report.html"
    build_report(files, page, cwd=folder)
    measured = evaluate(chromium, page, MEASURE, work)
    png, netlog = work / f"{name}-report.png", work / f"{name}-netlog.json"
    screenshot(chromium, page, png, work, height=measured["page"][1], netlog=netlog)
    return Rendered(name, page, findings_of(folder, files), measured, png, read_netlog(netlog))


@pytest.fixture(scope="module")
def kursk(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The bundled Kursk example; its screenshot is copied to ``$FIGTRACK_ARTIFACTS``."""
    work = tmp_path_factory.mktemp("kursk")
    rendered = render(chromium, "kursk", REPO, list(KURSK), work)
    artifacts = os.environ.get("FIGTRACK_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(rendered.png, Path(artifacts) / "kursk-report.png")
    return rendered


@pytest.fixture(scope="module")
def flood(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Our flood texts: a conflict about deaths, agreement about homes."""
    texts = tmp_path_factory.mktemp("flood-texts")
    for file, text in FLOOD.items():
        (texts / file).write_text(text, "utf-8")
    return render(chromium, "flood", texts, list(FLOOD), tmp_path_factory.mktemp("flood"))


@pytest.fixture(params=["kursk", "flood"])
def report(request: pytest.FixtureRequest) -> Rendered:
    """Each rendered report in turn."""
    rendered: Rendered = request.getfixturevalue(request.param)
    return rendered


# -- geometry ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scale:
    """A chart's shared axis as rendered: value -> CSS pixel x on the page."""

    low: Decimal
    high: Decimal
    left: float
    right: float

    @classmethod
    def of(cls, chart: Json) -> Scale:
        """The scale of a measured chart: its data-axis-min/max over its axis line."""
        data, axis = chart["svg"]["data"], chart["axis"]["box"]
        low, high = Decimal(data["axisMin"]), Decimal(data["axisMax"])
        return cls(low, high, axis["left"], axis["right"])

    def x(self, value: Decimal | None, unbounded: str = "left") -> float:
        """Where ``value`` belongs; None (unbounded) is the ``unbounded`` edge."""
        if value is None:
            return self.left if unbounded == "left" else self.right
        share = float((value - self.low) / (self.high - self.low))
        return self.left + share * (self.right - self.left)


def centre_x(box: Json) -> float:
    """The horizontal centre of a box."""
    return float(box["left"] + box["right"]) / 2


def near(actual: float, expected: float, what: str) -> None:
    """Fail unless ``actual`` is within `TOLERANCE` of ``expected``."""
    assert abs(actual - expected) <= TOLERANCE, f"{what}: drawn at {actual}, belongs at {expected}"


def bound(text: str) -> Decimal | None:
    """A ``data-low``/``data-high`` value: a decimal, or "" for unbounded."""
    return Decimal(text) if text else None


def closed(text: str) -> bool | None:
    """A ``data-low-closed``/``data-high-closed`` value."""
    return {"true": True, "false": False, "": None}[text]


def rgb(colour: str) -> tuple[int, ...]:
    """``rgb(207, 34, 46)`` (a computed colour) as integers."""
    assert colour.startswith("rgb"), colour
    return tuple(int(float(p)) for p in colour[colour.index("(") + 1 : -1].split(",")[:3])


def main_mark(bar: Json) -> Json:
    """A measured bar's main mark: its line, or the dot of a point."""
    mark: Json = bar["line"] or bar["ends"][0]
    return mark


def charts_and_findings(report: Rendered) -> Iterator[tuple[Json, Finding]]:
    """Each measured chart with the finding it draws (one chart per finding, in order)."""
    charts = report.measured["charts"]
    assert len(charts) == len(report.findings) > 0
    for chart, finding in zip(charts, report.findings, strict=True):
        assert chart["svg"]["data"]["key"] == finding.key
        yield chart, finding


def test_every_source_has_its_bar(report: Rendered) -> None:
    """Each chart draws exactly one bar per claim of its finding, in order, with the
    claim's source and the interval the comparison read it as."""
    for chart, finding in charts_and_findings(report):
        bars = chart["bars"]
        assert len(bars) == len(finding.claims)
        assert [b["data"]["source"] for b in bars] == [c.source for c in finding.claims]
        for bar, iv in zip(bars, finding.intervals, strict=True):
            data = bar["data"]
            drawn = (bound(data["low"]), bound(data["high"]))
            assert drawn == (iv.low, iv.high), (bar["id"], iv)
            assert closed(data["lowClosed"]) == iv.low_closed
            assert closed(data["highClosed"]) == iv.high_closed
    sources = {s for f in report.findings for s in f.sources}
    expected = set(KURSK) if report.name == "kursk" else set(FLOOD)
    assert sources == expected


def test_axis_spans_the_chart_plot_area(report: Rendered) -> None:
    """The axis line is drawn from data-x-min to data-x-max of the chart as scaled on the
    page, and each tick sits where its value belongs on it."""
    for chart, _ in charts_and_findings(report):
        svg = chart["svg"]
        unit = svg["box"]["width"] / chart["viewBoxWidth"]  # CSS pixels per SVG unit
        left = svg["box"]["left"] + float(svg["data"]["xMin"]) * unit
        right = svg["box"]["left"] + float(svg["data"]["xMax"]) * unit
        axis = chart["axis"]["box"]
        near(axis["left"], left, "axis start")
        near(axis["right"], right, "axis end")
        assert axis["width"] > 300, "the plot area is too narrow to read"
        scale = Scale.of(chart)
        assert len(chart["ticks"]) >= 3
        for tick in chart["ticks"]:
            near(centre_x(tick["line"]["box"]), scale.x(Decimal(tick["value"])), "tick")


def test_bars_are_drawn_where_their_intervals_say(report: Rendered) -> None:
    """On the shared axis, every bar runs from its low to its high bound (an unbounded
    side to the axis's edge), with a filled dot at a closed end, a hollow dot at an open
    end, an arrow past the edge at an unbounded end and one dot for a point."""
    for chart, finding in charts_and_findings(report):
        scale = Scale.of(chart)
        for bar, iv in zip(chart["bars"], finding.intervals, strict=True):
            where = f"{report.name} {bar['id']} {iv}"
            ends = {e["classes"][1]: e for e in bar["ends"]}
            x1, x2 = scale.x(iv.low, "left"), scale.x(iv.high, "right")
            if iv.is_point:
                assert bar["line"] is None and list(ends) == ["point"], where
                near(centre_x(ends["point"]["box"]), x1, f"{where} point")
                continue
            line = bar["line"]["box"]
            near(line["left"], x1, f"{where} low end")
            near(line["right"], x2, f"{where} high end")
            for side, value, is_closed, edge in (
                ("low", iv.low, iv.low_closed, scale.left),
                ("high", iv.high, iv.high_closed, scale.right),
            ):
                end = ends[side]
                if value is None:
                    assert end["tag"] == "path" and "unbounded" in end["classes"], where
                    box = end["box"]
                    past = edge - box["left"] if side == "low" else box["right"] - edge
                    assert past > 2, f"{where}: the {side} arrow does not point past the edge"
                    continue
                assert end["tag"] == "circle", where
                near(centre_x(end["box"]), scale.x(value), f"{where} {side} dot")
                assert ("closed" if is_closed else "open") in end["classes"], where
                filled = rgb(end["fill"]) == rgb(end["stroke"])
                assert filled == bool(is_closed), f"{where}: {side} dot fill {end['fill']}"


def test_bars_are_visible_and_on_top(report: Rendered) -> None:
    """Every bar is rendered, has a size and is not covered by another mark."""
    page, viewport = report.measured["page"][1], report.measured["viewport"][1]
    assert page <= viewport, "the measuring window is too short to hit-test every bar"
    for chart, _ in charts_and_findings(report):
        for bar in chart["bars"]:
            marks = [m for m in (bar["line"], *bar["ends"]) if m is not None]
            assert marks and all(m["visible"] for m in marks), bar["id"]
            assert all(m["box"]["width"] > 0 for m in marks), bar["id"]
            assert all(float(m["strokeWidth"].removesuffix("px")) > 0 for m in marks)
            assert bar["onTop"], f"{bar['id']} is covered at its centre"


def test_consensus_band_spans_the_consensus(report: Rendered) -> None:
    """The consensus band covers exactly the consensus on the axis."""
    for chart, finding in charts_and_findings(report):
        if finding.consensus is None:
            assert chart["consensus"] == []
            continue
        (band,) = chart["consensus"]
        scale, iv = Scale.of(chart), finding.consensus
        box = band["band"]["box"]
        if iv.is_point:
            near(centre_x(box), scale.x(iv.low), "point consensus")
        else:
            near(box["left"], scale.x(iv.low, "left"), "consensus start")
            near(box["right"], scale.x(iv.high, "right"), "consensus end")


# -- conflicts ----------------------------------------------------------------------------
def test_conflicts_are_marked(flood: Rendered, kursk: Rendered) -> None:
    """Bars in a conflict are red, unlike agreeing bars; each conflicting pair is joined
    by a visible dashed red line across its gap; the rows are noted and the section
    flagged; nothing is marked where sources agree."""
    statuses = [f.status for f in flood.findings]
    assert sorted(statuses) == ["agree", "conflict"]
    colours: dict[str, set[tuple[int, ...]]] = {"conflict": set(), "agree": set()}
    for chart, finding in charts_and_findings(flood):
        rows = {r for c in finding.conflicts for r in (c.lower, c.upper)}
        for row, bar in enumerate(chart["bars"]):
            assert ("conflict" in bar["classes"]) == (row in rows), bar["id"]
            colours["conflict" if row in rows else "agree"].add(rgb(main_mark(bar)["stroke"]))
        scale = Scale.of(chart)
        pairs = {(int(g["data"]["lower"]), int(g["data"]["upper"])) for g in chart["gaps"]}
        assert pairs == {(c.lower, c.upper) for c in finding.conflicts}
        for gap in chart["gaps"]:
            lower_row, upper_row = int(gap["data"]["lower"]), int(gap["data"]["upper"])
            lower, upper = finding.intervals[lower_row], finding.intervals[upper_row]
            assert "conflict" in gap["classes"] and gap["visible"]
            assert gap["dash"] not in ("", "none") and gap["box"]["height"] > 0
            assert rgb(gap["stroke"]) == rgb(main_mark(chart["bars"][lower_row])["stroke"])
            ends = sorted((scale.x(lower.high), scale.x(upper.low)))
            near(gap["box"]["left"], ends[0], "gap start")
            near(gap["box"]["right"], ends[1], "gap end")
        assert len(chart["notes"]) == len(rows)
        assert all(n["visible"] and "✕" in n["text"] for n in chart["notes"])
    (conflict,) = colours["conflict"]
    assert conflict not in colours["agree"] and len(colours["agree"]) == 1
    red, green, blue = conflict
    assert red > 150 and red > 2 * max(green, blue), f"conflict bars are not red: {conflict}"
    for section, finding in zip(flood.measured["sections"], flood.findings, strict=True):
        assert section["status"] == finding.status
        assert section["badge"]["visible"] and section["badge"]["text"] == finding.status
        if finding.status == "conflict":
            assert rgb(section["borderLeftColor"]) == conflict
            assert float(section["borderLeftWidth"].removesuffix("px")) >= 3
            assert rgb(section["badgeBackground"]) == conflict
    for chart in kursk.measured["charts"]:
        assert not chart["gaps"] and not chart["notes"]
        assert not any("conflict" in b["classes"] for b in chart["bars"])


# -- the screenshot -----------------------------------------------------------------------
@dataclass(frozen=True)
class Png:
    """A decoded 8-bit RGB or RGBA PNG: ``rows[y][x * channels : ...]``."""

    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixel(self, x: float, y: float) -> tuple[int, int, int]:
        """The RGB colour at CSS pixel (x, y)."""
        at = int(x) * self.channels
        red, green, blue = self.rows[int(y)][at : at + 3]
        return red, green, blue


def _unfilter(kind: int, line: bytearray, prev: bytes, bpp: int) -> bytearray:
    """Undo one scanline's PNG filter (RFC 2083, section 6)."""
    if kind == 1:
        for i in range(bpp, len(line)):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif kind == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    else:
        assert kind == 0, f"unknown PNG filter {kind}"
    return line


def read_png(path: Path) -> Png:
    """Decode a PNG with the standard library, checking its signature and every CRC."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks = 8, []
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        (crc,) = struct.unpack(">I", data[pos + 8 + size : pos + 12 + size])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        pos += 12 + size
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * channels
    assert len(raw) == height * (stride + 1)
    rows, prev = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        scanline = bytearray(raw[start + 1 : start + 1 + stride])
        line = bytes(_unfilter(raw[start], scanline, prev, channels))
        rows.append(line)
        prev = line
    return Png(width, height, channels, rows)


def test_screenshot_is_a_picture_of_the_page(report: Rendered) -> None:
    """The screenshot is a valid PNG of the whole page, not blank, and shows each bar in
    its colour where the DOM says the bar is."""
    png = read_png(report.png)
    assert (png.width, png.height) == (WIDTH, report.measured["page"][1])
    assert report.png.stat().st_size > 20_000
    colours = {png.pixel(x, y) for y in range(0, png.height, 7) for x in range(0, png.width, 7)}
    assert len(colours) > 50, "the screenshot is (nearly) blank"
    for chart in report.measured["charts"]:
        for bar in chart["bars"]:
            mark = main_mark(bar)
            box = mark["box"]
            seen = png.pixel(centre_x(box), (box["top"] + box["bottom"]) / 2)
            want = rgb(mark["stroke"])
            assert max(abs(s - w) for s, w in zip(seen, want, strict=True)) <= 24, (
                f"{report.name} {bar['id']}: {seen} on screen, {want} in the DOM"
            )


def test_kursk_screenshot_is_kept(kursk: Rendered) -> None:
    """The Kursk screenshot exists and, with ``FIGTRACK_ARTIFACTS`` set, was copied there."""
    assert kursk.png.is_file()
    artifacts = os.environ.get("FIGTRACK_ARTIFACTS")
    if artifacts:
        kept = Path(artifacts) / "kursk-report.png"
        assert kept.read_bytes() == kursk.png.read_bytes()


# -- the network --------------------------------------------------------------------------
def read_netlog(path: Path) -> Json:
    """A Chromium NetLog file (completing it if the browser stopped before closing it)."""
    text = path.read_text("utf-8").rstrip()
    try:
        netlog: Json = json.loads(text)
    except json.JSONDecodeError:
        netlog = json.loads(text.rstrip(",") + "]}")
    return netlog


def page_requests(netlog: Json) -> list[str]:
    """The URLs a page had the network fetch: URL requests started on behalf of a
    document (they have an initiator origin, or the page's file:// isolation key), and
    outside the schemes that never leave the machine.

    The browser's own requests (account listing, update checks) carry no initiator and
    belong to no page, so they are left out.
    """
    types = {number: name for name, number in netlog["constants"]["logEventTypes"].items()}
    urls = []
    for event in netlog["events"]:
        params = event.get("params", {})
        if types.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        initiator = params.get("initiator", "not an origin")
        isolation = params.get("network_isolation_key", "")
        from_page = initiator != "not an origin" or "file://" in isolation
        if from_page and urlsplit(params["url"]).scheme not in LOCAL_SCHEMES:
            urls.append(params["url"])
    return urls


class _Refs(HTMLParser):
    """Every URL-bearing attribute and every style text of a page."""

    URL_ATTRS = frozenset({"href", "src", "xlink:href", "srcset", "action", "poster", "data"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.tags: set[str] = set()
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._in_style = tag == "style"
        self.refs += [v or "" for k, v in attrs if k in self.URL_ATTRS]
        self.styles += [v or "" for k, v in attrs if k == "style"]

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def test_page_makes_no_network_request(report: Rendered) -> None:
    """Loading the report starts no network request, and nothing in it points outside:
    every link is in-page, no style loads anything, no script, frame or image."""
    assert page_requests(report.netlog) == []
    refs = _Refs()
    refs.feed(report.page.read_text("utf-8"))
    assert refs.refs and all(r.startswith("#") for r in refs.refs), refs.refs
    assert not refs.tags & {"script", "link", "iframe", "img", "object", "embed", "image"}
    assert all("url(" not in s and "@import" not in s for s in refs.styles)


def test_net_log_check_sees_a_request(chromium: str, tmp_path: Path) -> None:
    """The network check is not vacuous: a page that loads an image and a background from
    a port nothing listens on is caught, though neither load succeeds."""
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><html><body><p style="background:url(http://127.0.0.1:9/bg.png)">'
        'x</p><img src="http://127.0.0.1:9/x.png" alt=""></body></html>',
        "utf-8",
    )
    netlog = tmp_path / "netlog.json"
    screenshot(chromium, page, tmp_path / "leaky.png", tmp_path, height=300, netlog=netlog)
    assert sorted(page_requests(read_netlog(netlog))) == [
        "http://127.0.0.1:9/bg.png",
        "http://127.0.0.1:9/x.png",
    ]
