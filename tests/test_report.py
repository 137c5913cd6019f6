"""The HTML report: a self-contained page whose bars sit where their intervals say.

Findings are built by hand from our own short sentences; the page is parsed with the
standard library's ``html.parser`` and checked through the ``data-*`` attributes a browser
test will read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figtrack.model import Claim, Contradiction, Finding, Interval, Quantity, Subject
from figtrack.report import finding_html, finding_svg, render_report, subject_label

VOID = {"meta", "br", "hr", "img", "link", "input", "source", "area", "base", "col", "wbr"}


@dataclass
class Node:
    """One parsed element (or a run of text, tag ``#text``) and its children in order."""

    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    data: str = ""

    def iter(self) -> list[Node]:
        """This element and all elements inside it, in document order."""
        out = [self]
        for child in self.children:
            if child.tag != "#text":
                out += child.iter()
        return out

    def classes(self) -> set[str]:
        """The element's class names."""
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """The text directly inside this element."""
        return "".join(c.data for c in self.children if c.tag == "#text")

    def all_text(self) -> str:
        """All text inside this element, in order."""
        return self.data + "".join(c.all_text() for c in self.children)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, (self.stack[-1].tag, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Node("#text", {}, data=data))


def parse(page: str) -> Node:
    """The page as a tree; fails on any unbalanced tag."""
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == [tree.root], [n.tag for n in tree.stack]
    return tree.root


def claim(
    sentence: str,
    surface: str,
    source: str | None,
    iv: Interval,
    published: str | None = "2024-11-04",
    offset: int = 500,
) -> Claim:
    """A claim of ``surface`` in ``sentence``, placed at ``offset`` in its document."""
    at = sentence.index(surface)
    return Claim(
        surface,
        offset + at,
        offset + at + len(surface),
        Quantity(None, iv, kind="count"),
        sentence,
        offset,
        source,
        published,
        Subject(text="troops"),
    )


def finding(
    claims: list[Claim],
    status: str = "agree",
    consensus: Interval | None = None,
    most_precise: int = 0,
    conflicts: tuple[Contradiction, ...] = (),
    revisions: tuple[Contradiction, ...] = (),
    key: str = "troop|north korean||kursk",
    measure: str = "count",
) -> Finding:
    """A finding over ``claims``, each read as its own quantity's interval."""
    return Finding(
        key,
        measure,
        tuple(claims),
        tuple(c.quantity.interval for c in claims),
        status,  # type: ignore[arg-type]
        consensus,
        most_precise,
        conflicts,
        revisions,
    )


AGREE = finding(
    [
        claim(
            "Officials said at least 10,000 troops were in Kursk.",
            "at least 10,000",
            "Alpha",
            Interval.at_least(D(10000)),
        ),
        claim(
            "Some 11,000 soldiers were sent to Kursk, a ministry said.",
            "Some 11,000",
            "Beta",
            Interval.closed(D(10450), D(11550)),
        ),
        claim(
            "Fewer than 12,500 troops are in Kursk, a monitor wrote.",
            "Fewer than 12,500",
            "Gamma",
            Interval.less(D(12500)),
        ),
        claim(
            "Between 11,000 and 12,000 troops were counted in Kursk.",
            "Between 11,000 and 12,000",
            "Delta",
            Interval(D(11000), D(12000), False, True),
        ),
    ],
    consensus=Interval(D(11000), D(11550), False, True),
    most_precise=1,
)

CONFLICT = finding(
    [
        claim(
            "About 3,000 troops were in Kursk.",
            "About 3,000",
            "Alpha",
            Interval.closed(D(2850), D(3150)),
        ),
        claim(
            "More than 10,000 troops were in Kursk.",
            "More than 10,000",
            "Beta",
            Interval.greater(D(10000)),
        ),
        claim("Exactly 12,000 troops were counted.", "12,000", "Gamma", Interval.point(D(12000))),
    ],
    status="conflict",
    most_precise=2,
    conflicts=(Contradiction(0, 1, D(6850)), Contradiction(0, 2, D(8850))),
    key="troop|north korean||kursk,russia",
)

REVISED = finding(
    [
        claim(
            "Sales were $2.5bn.",
            "$2.5bn",
            "Wire",
            Interval.closed(D("2.45E+9"), D("2.55E+9")),
            "2024-01-10",
        ),
        claim(
            "Sales were restated at $2.8bn.",
            "$2.8bn",
            "Paper",
            Interval.closed(D("2.75E+9"), D("2.85E+9")),
            "2024-03-02",
        ),
    ],
    status="revised",
    revisions=(Contradiction(0, 1, D("2E+8")),),
    key="sale|quarterly|acme|",
    measure="dollar",
)

HOSTILE = finding(
    [
        claim(
            'Rebels said <script>alert("x")</script> 40 & more died at <b>dawn</b>.',
            "40 & more",
            'Blog "<i>evil</i>" & Co',
            Interval.at_least(D(40)),
        ),
        claim(
            "See https://example.com/x.js or <img src=x> for 45 deaths.",
            "45",
            "Other",
            Interval.point(D(45)),
        ),
    ],
    key="death|<b>bold</b>||",
)

ALL = [AGREE, CONFLICT, REVISED, HOSTILE]


def svgs(root: Node) -> list[Node]:
    """The charts of a page, in order."""
    return [n for n in root.iter() if n.tag == "svg" and "data-axis-min" in n.attrs]


def bars(svg: Node) -> list[Node]:
    """A chart's bars, in row order."""
    return [n for n in svg.iter() if n.tag == "g" and "bar" in n.classes()]


def expected_x(svg: Node, value: D) -> float:
    """Where ``value`` belongs on the chart's axis, by the documented formula."""
    lo, hi = D(svg.attrs["data-axis-min"]), D(svg.attrs["data-axis-max"])
    x_min, x_max = float(svg.attrs["data-x-min"]), float(svg.attrs["data-x-max"])
    return x_min + float((value - lo) / (hi - lo)) * (x_max - x_min)


@pytest.fixture(scope="module")
def page() -> str:
    """A report over every hand-made finding."""
    return render_report(ALL, title="Test <report>", generated="2024-11-05")


@pytest.fixture(scope="module")
def tree(page: str) -> Node:
    """The report, parsed."""
    return parse(page)


def test_is_one_html5_document(page: str, tree: Node) -> None:
    """The page is a whole, balanced HTML5 document with an escaped title."""
    assert page.startswith("<!DOCTYPE html>")
    (html,) = [n for n in tree.children if n.tag != "#text"]
    head, body = [n for n in html.children if n.tag != "#text"]
    assert [n.text for n in head.iter() if n.tag == "title"] == ["Test <report>"]
    assert body.tag == "body"
    assert "Test &lt;report&gt;" in page


def test_self_contained() -> None:
    """No external reference of any kind in a page built from plain sentences."""
    page = render_report([AGREE, CONFLICT, REVISED], generated="today")
    for needle in ("http://", "https://", "src=", "@import", "url(", "<script", "<link", "<img"):
        assert needle not in page.lower(), needle


def test_self_contained_with_hostile_text(tree: Node) -> None:
    """Even with URLs and tags in the sentences, no element loads anything."""
    for node in tree.iter():
        assert node.tag not in {"script", "img", "link", "iframe", "object", "embed", "i"}
        assert "src" not in node.attrs
        href = node.attrs.get("href")
        assert href is None or href.startswith("#"), href
        if node.tag == "style":
            assert "url(" not in node.text and "@import" not in node.text


def test_text_is_escaped(page: str) -> None:
    """Sentences, sources and keys from documents are escaped, never markup."""
    assert "<script>" not in page and "<b>bold" not in page and "<b>dawn" not in page
    assert "<i>evil" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Blog &quot;&lt;i&gt;evil&lt;/i&gt;&quot; &amp; Co" in page
    assert "death|&lt;b&gt;bold&lt;/b&gt;||" in page


def test_every_claim_has_a_bar_with_its_bounds(tree: Node) -> None:
    """One bar per claim, carrying exact bounds, closures and source."""
    charts = svgs(tree)
    assert len(charts) == len(ALL)
    for svg, f in zip(charts, ALL, strict=True):
        got = bars(svg)
        assert len(got) == len(f.claims)
        for bar, c, iv in zip(got, f.claims, f.intervals, strict=True):
            a = bar.attrs
            assert a["data-source"] == c.source
            assert a["data-low"] == ("" if iv.low is None else format(iv.low, "f"))
            assert a["data-high"] == ("" if iv.high is None else format(iv.high, "f"))
            for side, closed in (("low", iv.low_closed), ("high", iv.high_closed)):
                assert a[f"data-{side}-closed"] == {None: "", True: "true", False: "false"}[closed]


def test_bounds_are_plain_decimals(tree: Node) -> None:
    """Bounds written with an exponent come out as plain decimal strings."""
    first = bars(svgs(tree)[2])[0].attrs
    assert (first["data-low"], first["data-high"]) == ("2450000000", "2550000000")


def test_bars_follow_the_axis_formula(tree: Node) -> None:
    """x1/x2 are where low/high belong on the shared axis; unbounded sides reach its edge."""
    for svg, f in zip(svgs(tree), ALL, strict=True):
        x_min, x_max = float(svg.attrs["data-x-min"]), float(svg.attrs["data-x-max"])
        for bar, iv in zip(bars(svg), f.intervals, strict=True):
            x1, x2 = float(bar.attrs["data-x1"]), float(bar.attrs["data-x2"])
            want1 = x_min if iv.low is None else expected_x(svg, iv.low)
            want2 = x_max if iv.high is None else expected_x(svg, iv.high)
            assert abs(x1 - want1) <= 0.01 and abs(x2 - want2) <= 0.01
            for mark in bar.iter():  # drawn where the data says
                if mark.tag == "line":
                    assert (float(mark.attrs["x1"]), float(mark.attrs["x2"])) == (x1, x2)
                if mark.tag == "circle":
                    assert float(mark.attrs["cx"]) in (x1, x2)


def test_axis_covers_finite_bounds_with_padding(tree: Node) -> None:
    """The axis runs from the lowest to the highest finite bound, padded by 8%."""
    svg = svgs(tree)[0]
    lo, hi = D(svg.attrs["data-axis-min"]), D(svg.attrs["data-axis-max"])
    assert (lo, hi) == (D(10000) - D(200), D(12500) + D(200))


@pytest.mark.parametrize(
    ("interval", "axis"),
    [
        (Interval.point(D(50)), (D(46), D(54))),
        (Interval.at_least(D(50)), (D(46), D(54))),
        (Interval.point(D(0)), (D(-1), D(1))),
        (Interval.everything(), (D(-1), D(1))),
    ],
)
def test_axis_pads_around_a_single_value(interval: Interval, axis: tuple[D, D]) -> None:
    """With one finite value (or none), the axis is padded around it (or around 0)."""
    f = finding([claim("There were 50 of them.", "50", "Alpha", interval)], status="single")
    svg = svgs(parse(finding_svg(f)))[0]
    assert (D(svg.attrs["data-axis-min"]), D(svg.attrs["data-axis-max"])) == axis
    bar = bars(svg)[0]
    assert float(svg.attrs["data-x-min"]) <= float(bar.attrs["data-x1"])
    assert float(bar.attrs["data-x2"]) <= float(svg.attrs["data-x-max"])


def ends(bar: Node) -> dict[str, Node]:
    """A bar's end marks by side ("low", "high" or "point")."""
    out = {}
    for node in bar.iter():
        if "end" in node.classes():
            (side,) = node.classes() & {"low", "high", "point"}
            out[side] = node
    return out


def test_open_ends_hollow_closed_ends_filled(tree: Node) -> None:
    """A closed finite end is a filled dot, an open one a white dot with a coloured ring."""
    seen = set()
    for svg, f in zip(svgs(tree), ALL, strict=True):
        for bar, iv in zip(bars(svg), f.intervals, strict=True):
            if iv.is_point:
                continue
            for side, closed in (("low", iv.low_closed), ("high", iv.high_closed)):
                mark = ends(bar)[side]
                if closed is None:
                    continue
                seen.add(closed)
                assert mark.tag == "circle"
                assert ("closed" if closed else "open") in mark.classes()
                if closed:
                    assert mark.attrs["fill"] == mark.attrs["stroke"] != "#ffffff"
                else:
                    assert mark.attrs["fill"] == "#ffffff" != mark.attrs["stroke"]
    assert seen == {True, False}


def test_unbounded_sides_end_in_an_arrow(tree: Node) -> None:
    """An unbounded side runs to the axis edge and ends in an arrow, not a dot."""
    svg = svgs(tree)[0]
    up, _, down, _ = bars(svg)
    assert float(up.attrs["data-x2"]) == float(svg.attrs["data-x-max"])
    assert float(down.attrs["data-x1"]) == float(svg.attrs["data-x-min"])
    assert ends(up)["high"].tag == "path" and "unbounded" in ends(up)["high"].classes()
    assert ends(down)["low"].tag == "path" and "unbounded" in ends(down)["low"].classes()
    assert ends(up)["low"].tag == ends(down)["high"].tag == "circle"


def test_point_is_a_single_dot(tree: Node) -> None:
    """A point interval is drawn as one filled dot, without a line."""
    point = bars(svgs(tree)[1])[2]
    assert "point" in point.classes()
    assert point.attrs["data-x1"] == point.attrs["data-x2"]
    marks = [n for n in point.iter() if n.tag in {"circle", "line", "path"}]
    assert [m.tag for m in marks] == ["circle"]
    assert marks[0].attrs["fill"] != "#ffffff"


def test_conflicts_are_marked(tree: Node) -> None:
    """Bars in a conflict carry the class, each pair is joined, the badge says conflict."""
    svg = svgs(tree)[1]
    assert all("conflict" in b.classes() for b in bars(svg))
    gaps = {
        (g.attrs["data-lower"], g.attrs["data-upper"]) for g in svg.iter() if "gap" in g.classes()
    }
    assert gaps == {("0", "1"), ("0", "2")}
    notes = [n.all_text() for n in svg.iter() if "note" in n.classes()]
    assert notes[0].endswith("✕ vs rows 2, 3")
    section = next(n for n in tree.iter() if n.attrs.get("id") == "f-1")
    assert section.attrs["data-status"] == "conflict"
    assert any("ft-badge-conflict" in n.classes() for n in section.iter())
    agree = svgs(tree)[0]
    assert not any("conflict" in b.classes() for b in bars(agree))
    assert not any("gap" in n.classes() for n in agree.iter())


def test_revisions_are_marked_apart(tree: Node) -> None:
    """A revision marks its bars "revised", not "conflict", and says which came later."""
    svg = svgs(tree)[2]
    assert [b.classes() - {"bar"} for b in bars(svg)] == [{"revised"}, {"revised"}]
    notes = [n.all_text() for n in svg.iter() if "note" in n.classes()]
    assert [n.split("↻ ")[-1] for n in notes] == ["revised by 2", "revises 1"]


def test_consensus_band(tree: Node) -> None:
    """The consensus is a band at its bounds' positions; no band when sources do not meet."""
    svg = svgs(tree)[0]
    (band,) = [n for n in svg.iter() if "consensus" in n.classes()]
    assert abs(float(band.attrs["data-x1"]) - expected_x(svg, D(11000))) <= 0.01
    assert abs(float(band.attrs["data-x2"]) - expected_x(svg, D(11550))) <= 0.01
    assert not [n for n in svgs(tree)[1].iter() if "consensus" in n.classes()]


def test_every_link_target_exists(tree: Node) -> None:
    """Each bar links to its sentence, and every in-page link resolves to an id."""
    ids = {n.attrs["id"] for n in tree.iter() if "id" in n.attrs}
    hrefs = [n.attrs["href"] for n in tree.iter() if "href" in n.attrs]
    assert hrefs and all(h[1:] in ids for h in hrefs)
    for i, svg in enumerate(svgs(tree)):
        links = [
            n for n in svg.iter() if n.tag == "a" and any("bar" in c.classes() for c in n.children)
        ]
        assert [a.attrs["href"] for a in links] == [f"#s-{i}-{r}" for r in range(len(links))]


def test_sentence_highlights_the_surface(tree: Node) -> None:
    """Each sentence is listed with source and date, its figure in <mark>."""
    item = next(n for n in tree.iter() if n.attrs.get("id") == "s-0-3")
    (mark,) = [n for n in item.iter() if n.tag == "mark"]
    assert mark.text == "Between 11,000 and 12,000"
    text = item.all_text()
    assert "Delta" in text and "2024-11-04" in text
    assert text.endswith("Between 11,000 and 12,000 troops were counted in Kursk.")
    hostile = next(n for n in tree.iter() if n.attrs.get("id") == "s-3-0")
    assert [n.text for n in hostile.iter() if n.tag == "mark"] == ["40 & more"]


def test_highlight_guards_bad_offsets() -> None:
    """When the offsets miss the sentence the first match is marked, else the figure is
    shown apart; a repeated figure is marked where its offsets say."""
    twice = claim("Of 20 units, 20 were lost.", "20", "Alpha", Interval.point(D(20)))
    twice = attrs.evolve(twice, start=twice.start + 10, end=twice.end + 10)
    moved = attrs.evolve(twice, start=99999, end=100001)
    absent = attrs.evolve(twice, surface="twenty")
    html = finding_html(finding([twice, moved, absent], status="single"))
    assert "Of 20 units, <mark>20</mark> were lost." in html
    assert "<mark>20</mark> units, 20 were lost." in html
    assert "Of 20 units, 20 were lost. <mark>twenty</mark>" in html


def test_exact_numbers_in_words() -> None:
    """Bounds are shown exactly, with separators and no exponent."""
    f = finding(
        [
            claim("It was 0.065 per cent.", "0.065 per cent", "A", Interval.point(D("0.065"))),
            claim("A thousand at most.", "A thousand at most", "B", Interval.at_most(D("1E+3"))),
        ],
        measure="percentage",
        consensus=Interval.point(D("0.065")),
    )
    html = finding_html(f)
    assert "exactly 0.065%" in html and "at most 1,000%" in html
    assert 'data-high="1000"' in html and "E+" not in html


def test_ticks_are_nice_and_scaled(tree: Node) -> None:
    """Ticks are multiples of a 1-2-5 step inside the axis, labelled at one scale."""
    for svg in svgs(tree):
        lo, hi = D(svg.attrs["data-axis-min"]), D(svg.attrs["data-axis-max"])
        ticks = [n for n in svg.iter() if "tick" in n.classes()]
        values = [D(t.attrs["data-value"]) for t in ticks]
        assert 3 <= len(values) <= 12
        step = values[1] - values[0]
        assert step.normalize().as_tuple().digits[0] in (1, 2, 5)
        assert all(lo <= v <= hi and v % step == 0 for v in values)
        for t, v in zip(ticks, values, strict=True):
            assert abs(float(t.attrs["data-x"]) - expected_x(svg, v)) <= 0.01
    labels = [n.all_text() for n in svgs(tree)[2].iter() if "tick" in n.classes()]
    assert "2.5bn" in labels and all(label.endswith("bn") for label in labels)
    labels = [n.all_text() for n in svgs(tree)[0].iter() if "tick" in n.classes()]
    assert "11,000" in labels


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("troop|north korean||kursk", "troop · north korean · in kursk"),
        ("revenue||amazon|", "revenue · of amazon"),
        ("death|||gaza,rafah", "death · in gaza, rafah"),
        ("odd-key", "odd-key"),
    ],
)
def test_subject_label(key: str, label: str) -> None:
    """Keys read as words; the raw key is still shown in <code>."""
    assert subject_label(key) == label


def test_heading_shows_key_measure_consensus_and_most_precise(tree: Node) -> None:
    """The section heading names the subject, status, measure, consensus and best source."""
    section = next(n for n in tree.iter() if n.attrs.get("id") == "f-0")
    text = section.all_text()
    assert "troop · north korean · in kursk" in text
    assert "troop|north korean||kursk" in [n.text for n in section.iter() if n.tag == "code"]
    assert "more than 11,000 and at most 11,550" in text
    assert "most precise Beta, “Some 11,000”" in text


def test_notebook_html_ids_follow_index() -> None:
    """`finding_html` is one scoped block whose ids carry its index, so several can share
    a notebook."""
    one, two = finding_html(CONFLICT, index=7), finding_html(CONFLICT, index=8)
    assert one.startswith('<div class="figtrack"><style>')
    ids = [{n.attrs["id"] for n in parse(h).iter() if "id" in n.attrs} for h in (one, two)]
    assert ids[0] and not ids[0] & ids[1]
    assert 'href="#s-7-0"' in one


def test_empty_report() -> None:
    """No findings still gives a valid page saying so."""
    page = render_report([])
    parse(page)
    assert "No findings." in page


numbers = st.decimals(min_value=D(-(10**12)), max_value=D(10**12), places=3)
widths = st.decimals(min_value=D(0), max_value=D(10), places=3)


@st.composite
def finite_intervals(draw: st.DrawFn) -> Interval:
    """A finite interval, open or closed at each end: anywhere, or narrow by a big number."""
    a = draw(numbers)
    b = draw(st.one_of(numbers, widths.map(lambda w: a + w)))
    low, high = min(a, b), max(a, b)
    if low == high:
        return Interval.point(low)
    return Interval(low, high, draw(st.booleans()), draw(st.booleans()))


@settings(max_examples=200, deadline=None)
@given(st.lists(finite_intervals(), min_size=1, max_size=4))
def test_bars_stay_on_the_axis(intervals: list[Interval]) -> None:
    """For any finite intervals, x1 <= x2, both within [x_min, x_max] and on the formula."""
    claims = [claim("It was 5 then.", "5", f"S{i}", iv) for i, iv in enumerate(intervals)]
    svg = svgs(parse(finding_svg(finding(claims))))[0]
    x_min, x_max = float(svg.attrs["data-x-min"]), float(svg.attrs["data-x-max"])
    for bar, iv in zip(bars(svg), intervals, strict=True):
        x1, x2 = float(bar.attrs["data-x1"]), float(bar.attrs["data-x2"])
        assert x_min <= x1 <= x2 <= x_max
        assert iv.low is not None and iv.high is not None
        assert abs(x1 - expected_x(svg, iv.low)) <= 0.01
        assert abs(x2 - expected_x(svg, iv.high)) <= 0.01
