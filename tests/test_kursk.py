"""The Kursk example: two real news pages read from the shared folder at run time.

The pages are outside newsrooms' text and must never be copied into this repository; the
expectations below come from ``examples/kursk/README.md`` in the shared folder.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

import figtrack
from figtrack.model import Claim, Interval

D = Decimal


@pytest.fixture(scope="module")
def pages(shared: Path) -> dict[str, str]:
    """The two page texts, keyed "A" and "B"."""
    folder = shared / "examples" / "kursk"
    return {key: (folder / f"source-{key.lower()}.txt").read_text("utf-8") for key in "AB"}


def _one(claims: list[Claim], surface: str) -> Claim:
    found = [c for c in claims if c.surface == surface]
    assert len(found) == 1, (surface, [c.surface for c in claims])
    return found[0]


@pytest.mark.parametrize(
    ("source", "surface", "interval", "qualifier", "approximate", "unit"),
    [
        ("A", "over 10,000", Interval.greater(D(10000)), "gt", False, "soldier"),
        ("A", "Approximately 50,000", Interval.point(D(50000)), "eq", True, "troop"),
        ("B", "at least 10,000", Interval.at_least(D(10000)), "ge", False, "troop"),
        (
            "B",
            "between 11,000 and 12,000",
            Interval.closed(D(11000), D(12000)),
            "range",
            False,
            "troop",
        ),
    ],
)
def test_troop_figures(
    pages: dict[str, str],
    source: str,
    surface: str,
    interval: Interval,
    qualifier: str,
    approximate: bool,
    unit: str,
) -> None:
    """The README's troop figures come out once each with their stated interval,
    qualifier, approximation, count kind and counted noun."""
    claim = _one(figtrack.extract(pages[source]), surface)
    q = claim.quantity
    assert q.interval == interval
    assert (q.qualifier, q.approximate, q.kind, q.unit) == (qualifier, approximate, "count", unit)
    assert q.trend is None
    assert surface in claim.sentence


#: Non-figures named in the README, as patterns whose group 1 is the number's digits.
NON_FIGURES = {
    "November 4": r"November (4)\b",
    "2022": r"\b(2022)\b",
    "2021": r"\b(2021)\b",
    "SF-24": r"SF-(24)",
    "F1": r"\bF(1)\b",
    "i3": r"\bi(3)\b",
    "PINK1": r"PINK(1)",
    "Sea Breeze 21": r"Sea Breeze (21)",
    "Comments0": r"Comments(0)",
    "lone 300": r"(?m)^(300)[ \t]*$",
    "list markers": r"(?m)^[ \t]*•[ \t]*([1-5])[ \t]*$",
    "line 179": r"line (179)\b",
}


@pytest.mark.parametrize("name", list(NON_FIGURES))
def test_non_figures_left_out(pages: dict[str, str], name: str) -> None:
    """Each README non-figure occurs in the pages, is not a claim by default, and is
    returned with a non-figure kind when include_nonfigures=True."""
    seen = 0
    for text in pages.values():
        default = figtrack.extract(text)
        everything = figtrack.extract(text, include_nonfigures=True)
        for m in re.finditer(NON_FIGURES[name], text):
            seen += 1
            s, e = m.span(1)
            assert not [c.surface for c in default if c.start < e and s < c.end], m.group()
            covering = [c for c in everything if c.start <= s and e <= c.end]
            assert covering and not covering[0].is_figure, (m.group(), covering)
    assert seen, f"{name!r} not found in the pages: has the shared example changed?"


@pytest.mark.parametrize(
    ("number", "value", "kind", "unit"),
    [
        ("376,000", D(376000), "count", "vehicle"),
        ("600HP", D(600), "measure", "horsepower"),
        ("1,361", D(1361), "count", "piece"),
    ],
)
def test_sidebar_figures_are_extracted(
    pages: dict[str, str], number: str, value: Decimal, kind: str, unit: str
) -> None:
    """The sidebar headlines' real figures are extracted as figures in their own right."""
    claims = [c for c in figtrack.extract(pages["A"]) if number in c.surface]
    assert len(claims) == 1, [c.surface for c in claims]
    q = claims[0].quantity
    assert (q.value, q.kind, q.unit) == (value, kind, unit)


@pytest.mark.parametrize("nonfigures", [False, True])
def test_offsets_are_exact(pages: dict[str, str], nonfigures: bool) -> None:
    """Every claim of both pages satisfies text[start:end] == surface, in order."""
    for text in pages.values():
        claims = figtrack.extract(text, include_nonfigures=nonfigures)
        assert claims
        for c in claims:
            assert text[c.start : c.end] == c.surface
        assert all(a.end <= b.start for a, b in pairwise(claims))


def test_only_troop_figures_mention_troops(pages: dict[str, str]) -> None:
    """No figure other than the four troop figures is read as counting soldiers or troops
    (the sidebar and navigation must not add troop figures)."""
    troops = [
        c.surface
        for key in "AB"
        for c in figtrack.extract(pages[key])
        if c.quantity.unit in ("soldier", "troop") and c.derived_from is None
    ]
    assert sorted(troops) == sorted(
        ["over 10,000", "Approximately 50,000", "at least 10,000", "between 11,000 and 12,000"]
    )


KURSK = "troop|north korean||kursk"
RUSSIA = "troop|north korean||russia"


@pytest.mark.parametrize(
    ("source", "surface", "subject", "place", "key"),
    [
        ("A", "over 10,000", "North Korean soldiers", "Russia", RUSSIA),
        ("A", "the majority", "North Korean soldiers", "Kursk", KURSK),
        ("B", "at least 10,000", "North Korean troops", "Kursk", KURSK),
        ("B", "between 11,000 and 12,000", "North Korean troops", "Russia", RUSSIA),
        pytest.param(
            "A",
            "Approximately 50,000",
            "troops",
            "Kursk",
            "troop|||kursk",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the place ('Kursk') is named in the sentence before; scope is read "
                "within the figure's own sentence only",
            ),
        ),
    ],
)
def test_troop_subjects(
    pages: dict[str, str], source: str, surface: str, subject: str, place: str, key: str
) -> None:
    """Each troop figure of the README has its subject, its place in scope, and its key;
    soldiers and troops share a class, Kursk and Russia stay apart."""
    c = _one(figtrack.extract(pages[source]), surface)
    assert c.subject is not None
    assert (c.subject.text, c.subject.head in ("soldier", "troop")) == (subject, True)
    assert any(place in phrase for phrase in c.subject.scope), c.subject.scope
    assert c.subject.key == key


def test_majority_is_a_share_of_the_figure_before(pages: dict[str, str]) -> None:
    """'the majority' of over 10,000 is a derived claim: more than 5,000, from that figure."""
    claims = figtrack.extract(pages["A"])
    base = _one(claims, "over 10,000")
    majority = _one(claims, "the majority")
    assert majority.derived_from == base.start
    assert majority.quantity.interval == Interval.greater(D(5000))
    assert base.derived_from is None


def test_only_troop_figures_share_troop_keys(pages: dict[str, str]) -> None:
    """Sidebar and navigation figures never land under a troop key."""
    keyed = [
        c.surface
        for key in "AB"
        for c in figtrack.extract(pages[key])
        if c.subject is not None and (c.subject.key or "").startswith("troop|")
    ]
    assert sorted(keyed) == sorted(
        [
            "over 10,000",
            "the majority",
            "Approximately 50,000",
            "at least 10,000",
            "between 11,000 and 12,000",
        ]
    )


def _findings(pages: dict[str, str]) -> list[figtrack.Finding]:
    claims = [c for key, text in pages.items() for c in figtrack.extract(text, source=key)]
    return figtrack.compare(claims)


def test_comparison_matches_the_readme(pages: dict[str, str]) -> None:
    """Russia: agree, [11000, 12000], B most precise; Kursk: agree, [10000, +inf)."""
    by_key = {f.key: f for f in _findings(pages) if "troop" in f.key}
    russia = by_key["troop|north korean||russia"]
    assert (russia.status, str(russia.consensus)) == ("agree", "[11000, 12000]")
    assert russia.claims[russia.most_precise].surface == "between 11,000 and 12,000"
    kursk = by_key["troop|north korean||kursk"]
    assert (kursk.status, str(kursk.consensus)) == ("agree", "[10000, +inf)")
    assert sorted(c.source for c in kursk.claims) == ["A", "B"]


def test_fifty_thousand_is_single(pages: dict[str, str]) -> None:
    """The 50,000 figure has no counterpart in B: a single-source finding."""
    (finding,) = [
        f for f in _findings(pages) if any(c.surface == "Approximately 50,000" for c in f.claims)
    ]
    assert finding.status == "single"
    assert finding.sources == ("A",)


def test_no_conflict_between_the_pages(pages: dict[str, str]) -> None:
    """Nothing on the two pages contradicts the other: sidebars never meet troop figures."""
    assert [f.key for f in _findings(pages) if f.status == "conflict"] == []
