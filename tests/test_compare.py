"""relate() and compare(): interval relations, findings, conflicts and revisions."""

from __future__ import annotations

import itertools
from decimal import Decimal as D

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import claim_for, intervals, sourced_claims

import figtrack
from figtrack.compare import _times_differ, relation, stated_time
from figtrack.model import Interval
from figtrack.policy import Policy, interpret

MIRROR = {
    "equal": "equal",
    "contains": "within",
    "within": "contains",
    "overlaps": "overlaps",
    "disjoint": "disjoint",
    "incomparable": "incomparable",
}


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (Interval.closed(D(1), D(2)), Interval.closed(D(1), D(2)), "equal"),
        (Interval.greater(D(10)), Interval.closed(D(11), D(12)), "contains"),
        (Interval.closed(D(11), D(12)), Interval.at_least(D(10)), "within"),
        (Interval.closed(D(1), D(5)), Interval.closed(D(4), D(9)), "overlaps"),
        (Interval.closed(D(1), D(2)), Interval.closed(D(3), D(4)), "disjoint"),
        (Interval(D(1), D(2), True, False), Interval.closed(D(2), D(3)), "disjoint"),
        (Interval.closed(D(1), D(2)), Interval.closed(D(2), D(3)), "overlaps"),
        (Interval.greater(D(10)), Interval.at_least(D(10)), "within"),
    ],
)
def test_relation_of_intervals(x: Interval, y: Interval, expected: str) -> None:
    """Touching closed ends meet; an open end at the same number does not."""
    assert relation(x, y) == expected


@given(intervals(), intervals())
def test_relate_mirrors(x: Interval, y: Interval) -> None:
    """relate(a, b) and relate(b, a) are mirror images."""
    a, b = claim_for(x, "A"), claim_for(y, "B")
    assert figtrack.relate(b, a) == MIRROR[figtrack.relate(a, b)]


@given(intervals())
def test_a_claim_agrees_with_itself(x: Interval) -> None:
    """Every claim is equal to itself, and the same claim from two sources agrees."""
    a = claim_for(x, "A")
    assert figtrack.relate(a, a) == "equal"
    (finding,) = figtrack.compare([a, claim_for(x, "B")])
    assert finding.status == "agree"
    assert finding.consensus == finding.intervals[0]


@given(sourced_claims(min_size=2))
def test_consensus_lies_inside_every_claim(claims: list[figtrack.Claim]) -> None:
    """The consensus, when there is one, is inside every claim's interval."""
    (finding,) = figtrack.compare(claims)
    if finding.consensus is not None:
        for iv in finding.intervals:
            assert relation(iv, finding.consensus) in ("equal", "contains")


@given(sourced_claims(min_size=2), sourced_claims(min_size=1, max_size=3))
def test_adding_a_source_never_resolves_a_conflict(
    claims: list[figtrack.Claim], extra: list[figtrack.Claim]
) -> None:
    """A conflict never becomes an agreement whatever is added. A new source keeps it a
    conflict unless it tells two of its figures apart, which takes two figures of its
    own (then it is ambiguous; with ``told_apart=False`` it stays a conflict), or dates
    an undated figure by giving its very interval on one day, which can make the
    contradiction a revision across days; more figures of an old source can make it
    ambiguous."""
    (before,) = figtrack.compare(claims)
    newcomer = [attrs.evolve(c, source="E") for c in extra]
    (with_new,) = figtrack.compare(claims + newcomer)
    (with_any,) = figtrack.compare(claims + extra)
    if before.status == "conflict":
        dating = ("revised",) if any(c.published for c in extra) else ()
        (kept,) = figtrack.compare(claims + newcomer, Policy(told_apart=False))
        assert kept.status in ("conflict", *dating)
        assert with_new.status in (
            ("conflict", *dating) if len(newcomer) < 2 else ("conflict", "ambiguous", *dating)
        )
        assert with_any.status in ("conflict", "ambiguous", *dating)


def test_a_newcomer_that_dates_a_figure_makes_a_conflict_a_revision() -> None:
    """An undated figure takes the one day on which a newcomer gives its very interval, so
    a later source's contradiction of it reads as a revision, not as an agreement."""
    claims = [
        claim_for(Interval.less(D(0)), "A", published="2025-03-02"),
        claim_for(Interval.closed(D(0), D(0)), "B"),
    ]
    (before,) = figtrack.compare(claims)
    assert before.status == "conflict"
    dating = claim_for(Interval.closed(D(0), D(0)), "E", published="2025-03-01")
    (after,) = figtrack.compare([*claims, dating], Policy(told_apart=False))
    assert after.status == "revised"
    assert after.conflicts == ()
    assert {after.claims[r.lower].source for r in after.revisions} == {"A"}


def _words(claim: figtrack.Claim) -> set[str]:
    """The context words of a `claim_for` sentence: its words minus stop words and key."""
    return set(claim.sentence[len(claim.surface) :].strip(" .").split()) - {"the", "were", "on"}


def _vague(claim: figtrack.Claim) -> bool:
    """A vague magnitude: approximate with no written precision ("dozens")."""
    return claim.quantity.approximate and claim.quantity.precision is None


def _told_apart(
    claims: list[figtrack.Claim],
    ivs: tuple[Interval, ...],
    confused: set[str | None],
    i: int,
    j: int,
) -> bool:
    """Whether a source whose figures do not all meet gives one figure that meets claim
    ``i``'s and not ``j``'s, and another the other way round."""
    sides: dict[str | None, set[bool]] = {}
    for k, c in enumerate(claims):
        on_i = relation(ivs[k], ivs[i]) != "disjoint"
        on_j = relation(ivs[k], ivs[j]) != "disjoint"
        if c.source in confused and on_i != on_j:
            sides.setdefault(c.source, set()).add(on_i)
    return any(len(v) == 2 for v in sides.values())


def _all_pairs_status(claims: list[figtrack.Claim], ivs: tuple[Interval, ...]) -> str:
    """The status by its definition, looking at every pair."""
    rounded = [interpret(c, Policy(implicit_precision=True))[1] for c in claims]  # type: ignore[index]
    disjoint = {
        (i, j)
        for i, j in itertools.combinations(range(len(claims)), 2)
        if relation(ivs[i], ivs[j]) == "disjoint"
    }
    confused = {claims[i].source for i, j in disjoint if claims[i].source == claims[j].source}
    # an undated figure is read as of the one day dated reports give its very interval on
    days = [c.published for c in claims]
    for i, c in enumerate(claims):
        on = {
            d.published for d, iv in zip(claims, ivs, strict=True) if d.published and iv == ivs[i]
        }
        if c.published is None and len(on) == 1:
            days[i] = on.pop()
    kinds = set()
    for i, j in disjoint:
        a, b = claims[i], claims[j]
        if a.source == b.source:
            continue
        if days[i] and days[j] and days[i] != days[j]:
            kinds.add("revised")
        elif (
            a.source in confused
            or b.source in confused
            or _vague(a)
            or _vague(b)
            or relation(rounded[i], rounded[j]) != "disjoint"
            or len(_words(a) & _words(b)) < 2
            or _told_apart(claims, ivs, confused, i, j)
        ):
            kinds.add("ambiguous")
        else:
            kinds.add("conflict")
    if len({c.source for c in claims}) < 2:
        return "single"
    for status in ("conflict", "ambiguous", "revised"):
        if status in kinds:
            return status
    return "agree"


@given(sourced_claims(min_size=1))
def test_status_matches_all_pairs(claims: list[figtrack.Claim]) -> None:
    """The O(n log n) status equals the all-pairs definition (docs/comparison.md).

    conflict: two self-consistent sources, neither figure a vague magnitude, same day or
    undated, disjoint even with plain
    figures read as rounded, in sentences sharing two context words, and no third source
    giving both figures; ambiguous: other such disjoint pairs (a source contradicting
    itself, rounding, no shared context, a source that tells the two apart); revised:
    disjoint only across dates; single: one source; agree otherwise. Listed pairs are
    disjoint and cross-source.
    """
    (finding,) = figtrack.compare(claims)
    assert finding.status == _all_pairs_status(claims, finding.intervals)
    for pair in finding.conflicts + finding.revisions + finding.ambiguities:
        lower, upper = finding.intervals[pair.lower], finding.intervals[pair.upper]
        assert relation(lower, upper) == "disjoint"
        assert claims[pair.lower].source != claims[pair.upper].source
        assert lower.high is not None and upper.low is not None
        assert pair.gap == upper.low - lower.high >= 0


def test_most_precise_is_the_narrowest() -> None:
    """A finite range beats a one-sided bound; a narrower range beats a wider one."""
    claims = [
        claim_for(Interval.greater(D(10000)), "A"),
        claim_for(Interval.closed(D(11000), D(12000)), "B"),
        claim_for(Interval.closed(D(10000), D(15000)), "C"),
    ]
    (finding,) = figtrack.compare(claims)
    assert finding.most_precise == 1
    assert str(finding.consensus) == "[11000, 12000]"


def test_most_precise_prefers_the_open_bound() -> None:
    """Of two bounds at one number, the open one says more: "more than 10,000" (a strict
    subset of "at least 10,000") is the most precise, whichever comes first."""
    for order in ((0, 1), (1, 0)):
        bounds = [Interval.at_least(D(10000)), Interval.greater(D(10000))]
        claims = [claim_for(bounds[i], "AB"[i]) for i in order]
        (finding,) = figtrack.compare(claims)
        assert finding.intervals[finding.most_precise] == Interval.greater(D(10000))


def test_conflict_pairs_name_the_gap() -> None:
    """1.2 against 12 (same day, two sources) is a conflict with a gap of 10.8."""
    claims = [claim_for(Interval.point(D("1.2")), s) for s in "ABCD"]
    claims.append(claim_for(Interval.point(D(12)), "E"))
    (finding,) = figtrack.compare(claims)
    assert finding.status == "conflict"
    assert [(p.lower, p.upper, p.gap) for p in finding.conflicts] == [(3, 4, D("10.8"))]


def test_growing_toll_is_a_revision_not_a_conflict() -> None:
    """800, then more than 2,000, then 2,012 on later days: revised, never conflict."""
    claims = [
        claim_for(Interval.point(D(800)), "A", published="2025-03-01"),
        claim_for(Interval.greater(D(2000)), "B", published="2025-03-02"),
        claim_for(Interval.point(D(2012)), "C", published="2025-03-03T09:00:00"),
    ]
    (finding,) = figtrack.compare(claims)
    assert finding.status == "revised"
    assert finding.conflicts == ()
    assert {(p.lower, p.upper) for p in finding.revisions} == {(0, 1), (0, 2)}
    strict = figtrack.Policy(revisions=False)
    assert figtrack.compare(claims, strict)[0].status == "conflict"


def test_undated_figure_of_a_later_day_is_a_revision() -> None:
    """An undated "10", the very figure a report of the 2nd gives, is read as of the 2nd:
    against a "3" of the 1st it is a revision; an undated figure no dated report gives
    ("12") still conflicts with both, and with dates off every pair does."""
    three = claim_for(Interval.point(D(3)), "A", published="2025-03-01")
    later = claim_for(Interval.point(D(10)), "B", published="2025-03-02")
    undated = claim_for(Interval.point(D(10)), "C")
    (finding,) = figtrack.compare([three, later, undated])
    assert finding.status == "revised"
    assert {(p.lower, p.upper) for p in finding.revisions} == {(0, 1), (0, 2)}
    alone = claim_for(Interval.point(D(12)), "D")
    (finding,) = figtrack.compare([three, later, alone])
    assert finding.status == "conflict"
    assert [(p.lower, p.upper) for p in finding.conflicts] == [(0, 2), (1, 2)]
    dateless = figtrack.Policy(revisions=False)
    assert figtrack.compare([three, later, undated], dateless)[0].status == "conflict"


def test_ages_contradict_only_on_the_same_day() -> None:
    """An age grows with time: 26 and 27 for one person conflict in reports of one day,
    but not across days nor against an undated report (ambiguous), unless dates are off."""
    text = "Lena Ortiz, {}, was convicted of fraud in Varnholm."

    def age(n: int, source: str, published: str | None) -> list[figtrack.Claim]:
        return figtrack.extract(text.format(n), source=source, published=published)

    same_day = age(26, "A", "2025-03-01") + age(27, "B", "2025-03-01")
    later = age(26, "A", "2025-03-01") + age(27, "B", "2025-09-01")
    undated = age(26, "A", "2025-03-01") + age(27, "B", None)
    (finding,) = figtrack.compare(same_day)
    assert (finding.measure, finding.status) == ("year of age", "conflict")
    assert figtrack.compare(later)[0].status == "revised"
    assert figtrack.compare(undated)[0].status == "ambiguous"
    dateless = figtrack.Policy(revisions=False)
    assert figtrack.compare(undated, dateless)[0].status == "conflict"


def test_one_source_is_single() -> None:
    """Figures from one source only make a single finding, however they differ."""
    claims = [claim_for(Interval.point(D(1)), "A"), claim_for(Interval.point(D(5)), "A")]
    (finding,) = figtrack.compare(claims)
    assert finding.status == "single"
    assert finding.consensus is None


def test_a_source_that_contradicts_itself_makes_it_ambiguous() -> None:
    """If A gives both 1 and 5 under one key, A's 1 against B's 3 is not a trusted conflict."""
    claims = [
        claim_for(Interval.point(D(1)), "A"),
        claim_for(Interval.point(D(5)), "A"),
        claim_for(Interval.point(D(3)), "B"),
    ]
    (finding,) = figtrack.compare(claims)
    assert finding.status == "ambiguous"
    assert finding.conflicts == ()
    assert {(p.lower, p.upper) for p in finding.ambiguities} == {(0, 2), (2, 1)}
    claims.append(claim_for(Interval.point(D(9)), "C"))
    assert figtrack.compare(claims)[0].status == "conflict"  # B against C is trusted


def test_claims_without_key_or_not_figures_are_left_out() -> None:
    """No key, no finding; dates are never compared."""
    text = "On 4 March 2025 some 300 people came."
    claims = figtrack.extract(text, include_nonfigures=True, subjects=False)
    assert claims and figtrack.compare(claims) == []


def test_min_sources_filters() -> None:
    """min_sources=2 keeps only subjects that two sources give."""
    claims = [
        claim_for(Interval.point(D(1)), "A", key="a|||"),
        claim_for(Interval.point(D(1)), "A", key="b|||"),
        claim_for(Interval.point(D(1)), "B", key="b|||"),
    ]
    assert [f.key for f in figtrack.compare(claims)] == ["a|||", "b|||"]
    assert [f.key for f in figtrack.compare(claims, min_sources=2)] == ["b|||"]


def test_units_convert_and_dimensions_do_not_mix() -> None:
    """2.8bn km and 1.8 billion miles agree once converted; km against kg is incomparable."""
    (km,) = figtrack.extract("The probe flew 2.8bn km.", source="A")
    (mi,) = figtrack.extract("The probe flew 1.8 billion miles.", source="B")
    (kg,) = figtrack.extract("The probe weighs 2.8 kg.", source="C")
    assert figtrack.relate(km, mi) == "overlaps"
    assert figtrack.relate(km, kg) == "incomparable"
    exact = figtrack.Policy(scale_precision=False)
    assert figtrack.relate(km, mi, exact) == "disjoint"


def test_nautical_miles_are_a_length() -> None:
    """Nautical miles are read as a length (1,852 m), not a count of miles: 19 nautical
    miles meets 35.2 km and is disjoint from 19 miles."""
    (nm,) = figtrack.extract("The limit is 19 nautical miles offshore.", source="A")
    (km,) = figtrack.extract("The limit is 35.2 km offshore.", source="B")
    (mi,) = figtrack.extract("The limit is 19 miles offshore.", source="C")
    assert (nm.quantity.kind, nm.quantity.unit) == ("measure", "nautical mile")
    assert figtrack.relate(nm, km, figtrack.Policy(implicit_precision=True)) != "disjoint"
    assert figtrack.relate(nm, mi) == "disjoint"


def test_currencies_and_changes_are_incomparable() -> None:
    """Dollars never meet euros; a change never meets a level."""
    (usd,) = figtrack.extract("It earned $5 million.", source="A")
    (eur,) = figtrack.extract("It earned 5 million euros.", source="B")
    rate = figtrack.extract("The rate rose 0.5 per cent to 4%.", source="C")
    assert figtrack.relate(usd, eur) == "incomparable"
    assert figtrack.relate(rate[0], rate[1]) == "incomparable"


def test_finding_to_dict_is_json_ready() -> None:
    """to_dict() holds the status, consensus, claims with their intervals, and pairs."""
    import json

    claims = [claim_for(Interval.point(D(1)), "A"), claim_for(Interval.point(D(3)), "B")]
    (finding,) = figtrack.compare(claims)
    data = json.loads(json.dumps(finding.to_dict()))
    assert data["status"] == "conflict"
    assert data["consensus"] is None
    assert data["sources"] == ["A", "B"]
    assert data["claims"][1]["interval"] == {
        "low": 3,
        "high": 3,
        "low_closed": True,
        "high_closed": True,
    }
    assert data["conflicts"] == [{"lower": 0, "upper": 1, "gap": 2}]


@given(st.lists(intervals(), min_size=2, max_size=6))
def test_relation_agrees_with_contains(ivs: list[Interval]) -> None:
    """'disjoint' exactly when no sampled number lies in both intervals' intersection."""
    x, y = ivs[0], ivs[1]
    meet = x.intersection(y)
    assert (relation(x, y) == "disjoint") == meet.is_empty


def test_a_pair_rounding_reconciles_is_an_ambiguity() -> None:
    """ "$250,000" against "more than $250,000" meet once the plain figure is read as
    rounded: an ambiguity by default, a conflict with strict_conflicts."""
    a = figtrack.extract("The fund held $250,000 when the indictment was filed.", source="A")
    b = figtrack.extract(
        "The fund held more than $250,000 when the indictment was filed.", source="B"
    )
    (finding,) = figtrack.compare(a + b)
    assert finding.status == "ambiguous"
    assert not finding.conflicts and finding.ambiguities
    (strict,) = figtrack.compare(a + b, Policy(strict_conflicts=True))
    assert strict.status == "conflict"


def test_rounding_keeps_a_conflict_beyond_the_last_digit() -> None:
    """48 pages against 47 pages stay a conflict: rounded, they still do not meet."""
    a = figtrack.extract("The indictment runs 48 pages, prosecutors said.", source="A")
    b = figtrack.extract("The indictment runs 47 pages, prosecutors said.", source="B")
    (finding,) = figtrack.compare(a + b)
    assert finding.status == "conflict"
    assert [p.gap for p in finding.conflicts] == [D(1)]


def test_a_figure_of_a_period_meets_only_that_period() -> None:
    """Rifles seized "during the raid" and rifles seized with no period named are figures
    of different periods: their keys differ, so no conflict; the same period meets itself."""
    raid = "During the raid, the navy seized {} rifles from the Tuvo ferry."
    a = figtrack.extract(raid.format("six"), source="A")
    b = figtrack.extract("The navy seized 14 rifles from the Tuvo ferry.", source="B")
    c = figtrack.extract(raid.format("eight"), source="C")
    assert figtrack.compare(a + b, min_sources=2) == []
    (finding,) = figtrack.compare(a + c)
    assert finding.key == "rifle|||during raid,tuvo ferry"
    assert finding.status == "conflict"


def test_disjoint_figures_without_shared_context_are_an_ambiguity() -> None:
    """Two women in one story's pictures and five women in another's affair share only
    the counted noun: not trusted as a conflict unless context_words is 0."""
    a = figtrack.extract("He posted pictures of the two women on Twitter.", source="A")
    b = figtrack.extract("A tabloid claimed he had affairs with five women.", source="B")
    (finding,) = figtrack.compare(a + b)
    assert finding.key == "woman|||"
    assert finding.status == "ambiguous"
    (unchecked,) = figtrack.compare(a + b, Policy(context_words=0))
    assert unchecked.status == "conflict"


def test_a_vague_magnitude_contradicts_nothing() -> None:
    """ "Thousands of refugees" against "at least 15,000 refugees" in the same camp: the
    vague word is too loose to contradict, so the pair is an ambiguity; "12,000" against
    "at least 15,000" in the same sentences stays a conflict."""
    text = "{} refugees fled to the Varnholm camp after the bombing, aid workers said."
    a = figtrack.extract(text.format("Thousands of"), source="A")
    b = figtrack.extract(text.format("At least 15,000"), source="B")
    c = figtrack.extract(text.format("Some 12,000"), source="C")
    (finding,) = figtrack.compare(a + b)
    assert finding.status == "ambiguous"
    (precise,) = figtrack.compare(c + b)
    assert precise.status == "conflict"


def test_shared_context_makes_the_conflict() -> None:
    """Four bombs dropped on the camp against five dropped on the camp: a conflict."""
    a = figtrack.extract("Witnesses said four bombs were dropped on the camp.", source="A")
    b = figtrack.extract("Officials said five bombs were dropped on the camp at dawn.", source="B")
    (finding,) = figtrack.compare(a + b)
    assert finding.status == "conflict"


@pytest.mark.parametrize("bad", [-1, True, 1.5])
def test_context_words_must_be_a_natural_number(bad: object) -> None:
    """Policy(context_words=...) refuses what is not a non-negative int, naming it."""
    with pytest.raises((TypeError, ValueError), match="context_words"):
        Policy(context_words=bad)  # type: ignore[arg-type]


BAD_COMPARE = [
    ("claims", lambda: figtrack.compare("800 people")),
    ("claims", lambda: figtrack.compare(None)),  # type: ignore[arg-type]
    ("Claims, not str", lambda: figtrack.compare(["800 people"])),  # type: ignore[list-item]
    ("policy", lambda: figtrack.compare([], "strict")),  # type: ignore[arg-type]
    ("min_sources", lambda: figtrack.compare([], min_sources="2")),  # type: ignore[arg-type]
    ("relate\\(\\) a", lambda: figtrack.relate("a", "b")),  # type: ignore[arg-type]
    ("policy", lambda: figtrack.relate(*figtrack.extract("5 and 6 people"), 3)),  # type: ignore[arg-type]
    ("Claim or a Quantity", lambda: interpret("5 people")),  # type: ignore[arg-type]
    ("policy", lambda: interpret(figtrack.extract("5 people")[0], {})),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "call"), BAD_COMPARE, ids=[n for n, _ in BAD_COMPARE])
def test_wrong_types_name_the_argument(name: str, call: object) -> None:
    """compare, relate and interpret refuse a wrong type with a TypeError naming it, not
    an AttributeError from deep inside."""
    assert callable(call)
    with pytest.raises(TypeError, match=name):
        call()


def test_basis_points_meet_percentage_points() -> None:
    """25 basis points and 0.25 percentage points agree; two sources in basis points are
    compared, and reported, in basis points."""
    text = "The Orvia central bank raised its main rate by {}."
    a = figtrack.extract(text.format("25 basis points"), source="A")
    b = figtrack.extract(text.format("0.25 percentage points"), source="B")
    c = figtrack.extract(text.format("50 basis points"), source="C")
    (mixed,) = figtrack.compare(a + b)
    assert (mixed.status, mixed.measure) == ("agree", "change in percentage point")
    (same,) = figtrack.compare(a + c)
    assert same.measure == "change in basis point"
    assert [str(iv) for iv in same.intervals] == ["[25, 25]", "[50, 50]"]


def test_min_sources_must_be_positive() -> None:
    """compare(min_sources=0) is refused, naming the argument."""
    with pytest.raises(ValueError, match="min_sources"):
        figtrack.compare([], min_sources=0)


def test_rounding_in_a_one_unit_finding() -> None:
    """Winds of 41 and 44 km/h, compared in km/h, stay a conflict read as rounded; 40 and
    42 do not (40 may be rounded to the ten): an ambiguity."""

    def finding(x: int, y: int) -> figtrack.Finding:
        text = "Forecasters said winds of {} km/h hit the coast on Monday."
        a = figtrack.extract(text.format(x), source="A")
        (found,) = figtrack.compare(a + figtrack.extract(text.format(y), source="B"))
        assert found.measure == "kilometre per hour"
        return found

    apart = finding(41, 44)
    assert apart.status == "conflict"
    assert [p.gap for p in apart.conflicts] == [D(3)]
    assert finding(40, 42).status == "ambiguous"


def test_a_source_that_gives_both_figures_tells_them_apart() -> None:
    """12 rifles against 31 from one ferry is a conflict, until a third report gives both
    under narrower keys (12 during the raid, 31 in the cutter's total): the two are then
    two quantities, an ambiguity, not a contradiction; ``told_apart=False`` keeps it."""
    text = "The coast guard seized {} rifles from the Tuvo ferry, officials said."
    a = figtrack.extract(text.format(12), source="A")
    b = figtrack.extract(text.format(31), source="B")
    c = figtrack.extract(
        "During the raid, the coast guard seized 12 rifles from the Tuvo ferry. "
        "The Varnholm cutter has seized a total of 31 rifles from the Tuvo ferry.",
        source="C",
    )
    assert {x.subject.key for x in c if x.subject} == {
        "rifle|||during raid,tuvo ferry",
        "rifle||varnholm cutter|tuvo ferry",
    }
    (alone,) = figtrack.compare(a + b)
    assert alone.status == "conflict"
    told = [f for f in figtrack.compare(a + b + c) if f.key == "rifle|||tuvo ferry"]
    assert [f.status for f in told] == ["ambiguous"]
    assert told[0].conflicts == ()
    assert [(p.lower, p.upper) for p in told[0].ambiguities] == [(0, 1)]
    kept = [
        f
        for f in figtrack.compare(a + b + c, Policy(told_apart=False))
        if f.key == "rifle|||tuvo ferry"
    ]
    assert [f.status for f in kept] == ["conflict"]


def test_a_wider_key_tells_nothing_apart() -> None:
    """Figures under a wider key than the finding's (no place) say nothing of it: a
    source with 12 and 31 rifles from nowhere named leaves the ferry's conflict alone."""
    text = "The coast guard seized {} rifles from the Tuvo ferry, officials said."
    a = figtrack.extract(text.format(12), source="A")
    b = figtrack.extract(text.format(31), source="B")
    c = figtrack.extract(
        "The coast guard seized 12 rifles. Last year it seized 31 rifles.", source="C"
    )
    told = [f for f in figtrack.compare(a + b + c) if f.key == "rifle|||tuvo ferry"]
    assert [f.status for f in told] == ["conflict"]


def test_listed_measures_tell_a_class_apart() -> None:
    """ "The 7.6 and 6.1 magnitude quakes" get no key (which quake is which?), yet the
    source that lists them shows a 7.6 and a 6.1 quake are two quakes: two reports giving
    one each are an ambiguity, not a conflict."""
    text = "A {} magnitude quake struck off the Varnholm coast on Sunday."
    a = figtrack.extract(text.format("7.6"), source="A")
    b = figtrack.extract(text.format("6.1"), source="B")
    c = figtrack.extract(
        "The 7.6 and 6.1 magnitude quakes struck off the Varnholm coast.", source="C"
    )
    assert [x.subject.key for x in c if x.subject] == [None, None]
    (alone,) = figtrack.compare(a + b)
    assert alone.status == "conflict"
    (told,) = figtrack.compare(a + b + c)
    assert told.status == "ambiguous"


def _quake(month: str, magnitude: str, source: str, published: str | None) -> list[figtrack.Claim]:
    """A report of a quake, with the month it states (none if ``month`` is empty)."""
    when = f"In {month}, a" if month else "A"
    return figtrack.extract(
        f"{when} quake of magnitude {magnitude} hit Varnholm, officials said.",
        source=source,
        published=published,
    )


@pytest.mark.parametrize(
    ("month", "published", "status"),
    [
        ("February", "2025-11-28", "ambiguous"),  # another quake's, in the same report
        ("November", "2025-11-28", "conflict"),  # the month of the report
        ("October", "2025-11-03", "conflict"),  # or the month before it
        ("December", "2026-01-05", "conflict"),  # across the turn of a year
        ("February", None, "conflict"),  # undated: nothing to tell it from
        ("2019", "2025-11-28", "ambiguous"),
        ("2025", "2025-11-28", "conflict"),
        ("2025", "2026-01-05", "conflict"),  # the year of the month before
        ("2024", "2026-01-05", "ambiguous"),
        ("February 2025", "2025-11-28", "ambiguous"),
        ("November 2024", "2025-11-28", "ambiguous"),
    ],
)
def test_a_time_other_than_the_reports_tells_figures_apart(
    month: str, published: str | None, status: str
) -> None:
    """A figure whose scope states a month or year other than its report's ("In February,
    a quake of magnitude 6.4" in November) is of another time than a figure that states
    none: the two are an ambiguity, not a conflict, unless ``stated_times`` is off."""
    claims = _quake(month, "6.4", "A", published) + _quake("", "5.9", "B", published)
    (finding,) = figtrack.compare(claims)
    assert finding.status == status
    (kept,) = figtrack.compare(claims, Policy(stated_times=False))
    assert kept.status == "conflict"


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("February", "March", "ambiguous"),
        ("February", "February", "conflict"),
        ("February 2025", "February 2024", "ambiguous"),
        ("February", "February 2024", "conflict"),  # the year of one may be the other's
        ("2024", "March", "conflict"),
    ],
)
def test_two_stated_times_differ_when_a_part_differs(first: str, second: str, status: str) -> None:
    """Two figures that both state a time are apart when a year or a month both state
    differs, whether or not their reports are dated."""
    claims = _quake(first, "6.4", "A", None) + _quake(second, "5.9", "B", None)
    assert figtrack.compare(claims)[0].status == status


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("In February, 40 people died in Varnholm.", (None, 2)),
        ("The storm killed 40 people in Varnholm on Sept. 4.", (None, 9)),
        ("In December 2008, four thieves raided the Orvex depot.", (2008, 12)),
        ("In 2004, the flood drowned 9,400 sheep across Tuvaland.", (2004, None)),
        ("The 48-page indictment covers acts between 2009 and 2016.", None),  # not "in"/"on"
        ("Five people died in the march on Varnholm.", None),  # a march, no month
        ("Thieves took $9,000 in Jan's shop in Varnholm.", None),  # a name, no month
        ("Five people died in Varnholm.", None),
    ],
)
def test_stated_time_reads_a_month_or_year_after_in_or_on(
    text: str, time: tuple[int | None, int | None] | None
) -> None:
    """`stated_time` reads the month and year of a scope opened by a date's preposition."""
    (claim,) = [c for c in figtrack.extract(text) if c.quantity.kind != "date"]
    assert stated_time(claim) == time


_TIMES = st.one_of(
    st.none(),
    st.tuples(st.one_of(st.none(), st.integers(1990, 2030)), st.integers(1, 12)),
    st.tuples(st.integers(1990, 2030), st.none()),
)
_MONTHS = st.one_of(st.none(), st.tuples(st.integers(1990, 2030), st.integers(1, 12)))


@given(_TIMES, _TIMES, _MONTHS)
def test_stated_times_differ_symmetrically(
    a: tuple[int | None, int | None] | None,
    b: tuple[int | None, int | None] | None,
    published: tuple[int, int] | None,
) -> None:
    """Two stated times differ or not whichever is asked first, a time never differs
    from itself, and a time differs from its report's only when it names another month
    or year than the report's (or the month before)."""
    if a is not None and b is not None:
        assert _times_differ(a, b, published) == _times_differ(b, a, published)
    assert not _times_differ(a, a, published)
    if a is not None and published is not None and a[1] is not None and a[0] is None:
        assert _times_differ(a, None, published) == (
            a[1] not in (published[1], (published[1] - 2) % 12 + 1)
        )
    if published is not None:
        assert not _times_differ(published, None, published)
