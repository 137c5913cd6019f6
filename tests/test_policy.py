"""Policy and interpret(): how stated claims are widened, bounded and converted."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import intervals, stated_quantity

import figtrack
from figtrack.compare import relation
from figtrack.model import Interval, Quantity
from figtrack.policy import (
    ConversionError,
    Policy,
    default_conversions,
    default_stop_words,
    interpret,
    load_conversions,
    load_stop_words,
)


def _read(text: str, policy: Policy | None = None) -> tuple[str, str]:
    """The measure and interval of the only figure in ``text``."""
    (claim,) = figtrack.extract(text, subjects=False)
    read = interpret(claim, policy)
    assert read is not None
    return read[0], str(read[1])


@pytest.mark.parametrize(
    ("text", "measure", "interval"),
    [
        ("Approximately 50,000 people fled.", "count", "[45000, 55000]"),
        ("About 53 people fled.", "count", "[50.35, 55.65]"),
        ("It cost $2.8bn.", "dollar", "[2750000000, 2850000000)"),
        ("Nearly 300 people fled.", "count", "[250, 300)"),
        ("Just over 3,000 people fled.", "count", "(3000, 3500]"),
        ("Nearly 296 people fled.", "count", "[281.2, 296)"),
        ("Some 11 to 12 million people fled.", "count", "[10450000, 12600000]"),
        ("Exactly 50,000 people fled.", "count", "[50000, 50000]"),
        ("Fewer than 100 people fled.", "count", "[0, 100)"),
        ("More than 40% of voters agreed.", "percentage", "(40, 100]"),
        ("Prices fell 3% in May.", "change in percentage", "[-3, -3]"),
        ("Prices were down -3.2% in May.", "change in percentage", "[-3.2, -3.2]"),
        ("Orvex shares moved between -0.5% and 1%.", "percentage", "[-0.5, 1]"),
        ("Orvex shares rose between -0.5% and 1%.", "change in percentage", "[-0.5, 1]"),
        ("Prices fell less than 3% in May.", "change in percentage", "(-3, 0]"),
        ("Prices rose as much as 3% in May.", "change in percentage", "[0, 3]"),
        ("The surplus fell to -3% of GDP.", "percentage", "[-3, -3]"),
        ("The balance was -$5 billion.", "dollar", "[-5500000000, -4500000000)"),
        ("Rates rose 0.25 percentage points.", "change in percentage point", "[0.25, 0.25]"),
        ("Rates rose 25 basis points.", "change in percentage point", "[0.25, 0.25]"),
        ("The road is 2 km long.", "metre", "[2000, 2000]"),
        ("It was 25 degrees Celsius.", "kelvin", "[298.15, 298.15]"),
        ("The pass is 1.2 miles high.", "metre", "[1931.2128, 1931.2128]"),
    ],
)
def test_default_policy_reads(text: str, measure: str, interval: str) -> None:
    """The documented defaults (docs/comparison.md), one rule per row."""
    assert _read(text) == (measure, interval)


def test_implicit_precision_switch() -> None:
    """Plain integers are exact by default and rounded when the switch is on."""
    assert _read("The list had 50,000 names.")[1] == "[50000, 50000]"
    rounded = Policy(implicit_precision=True)
    assert _read("The list had 50,000 names.", rounded)[1] == "[45000, 55000)"


def test_switches_turn_rules_off() -> None:
    """Each rule has a switch: no floor, no scale precision, no bounds, no conversion."""
    assert _read("About 53 people fled.", Policy(approximate_floor=D(0)))[1] == "[52.5, 53.5]"
    assert _read("It cost $2.8bn.", Policy(scale_precision=False))[1] == (
        "[2800000000, 2800000000]"
    )
    assert _read("Fewer than 100 people fled.", Policy(nonnegative_counts=False))[1] == (
        "(-inf, 100)"
    )
    assert _read("More than 40% agreed.", Policy(share_bounds=False))[1] == "(40, +inf)"
    assert _read("The road is 2 km long.", Policy(convert_units=False)) == (
        "kilometre",
        "[2, 2]",
    )


def test_dates_are_not_read() -> None:
    """Non-figures have no comparison reading."""
    (date,) = figtrack.extract("It began on 4 March.", include_nonfigures=True)
    assert interpret(date) is None


def test_negative_tolerance_is_refused() -> None:
    """A policy with a negative tolerance raises, naming the field and the range."""
    with pytest.raises(ValueError, match="approximate_floor must be from 0 to 100"):
        Policy(approximate_floor=D(-1))


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("approximate_floor", D("NaN"), ValueError),
        ("approximate_floor", D("Infinity"), ValueError),
        ("approximate_floor", "1e999999", ValueError),
        pytest.param("approximate_floor", 10**5000, ValueError, id="approximate_floor-10**5000"),
        ("approximate_digits", "half", ValueError),
        ("approximate_digits", [1], TypeError),
        ("approximate_digits", True, TypeError),
        ("revisions", "no", TypeError),
        ("implicit_precision", 1, TypeError),
        ("conversions", {}, TypeError),
        ("stop_words", "the", TypeError),
        ("stop_words", [1, 2], TypeError),
    ],
)
def test_bad_policy_fields_are_refused(field: str, value: object, error: type) -> None:
    """A field of the wrong type or a tolerance that is no finite number raises at
    construction, naming the field, rather than failing in the middle of a comparison."""
    with pytest.raises(error, match=field):
        Policy(**{field: value})


def test_tolerances_are_read_exactly() -> None:
    """A tolerance given as a str, an int or a float becomes the Decimal it is written
    as (0.1, not the binary fraction nearest to it); stop words become a frozenset."""
    assert Policy(approximate_floor=0.1).approximate_floor == D("0.1")  # type: ignore[arg-type]
    assert Policy(approximate_floor="0.1") == Policy(approximate_floor=D("0.1"))  # type: ignore[arg-type]
    assert Policy(approximate_digits=1).approximate_digits == D(1)  # type: ignore[arg-type]
    assert Policy(stop_words={"the"}).stop_words == frozenset({"the"})


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Quantities as extraction states them, with any hedge, written precision and
    trend."""
    return stated_quantity(
        draw(intervals()),
        approximate=draw(st.booleans()),
        precision=draw(st.sampled_from([None, D("0.1"), D(1), D(1000)])),
        scaled=draw(st.booleans()),
        trend=draw(st.sampled_from([None, "up", "down"])),
    )


@given(quantities(), st.booleans())
def test_reading_never_excludes_the_stated_value(q: Quantity, implicit: bool) -> None:
    """The interpreted interval holds every finite stated value or bound it came from: as
    written, or negated for a fall written without a sign ("fell 3%" is -3)."""
    read = interpret(q, Policy(implicit_precision=implicit))
    assert read is not None
    _, iv = read
    assert not iv.is_empty
    bounds = [b for b in (q.interval.low, q.interval.high) if b is not None]
    negate = q.trend == "down" and not any(b < 0 for b in bounds)
    for x in (q.value, q.interval.low, q.interval.high):
        if x is not None and relation(q.interval, Interval.point(x)) != "disjoint":
            assert iv.contains(-x if negate else x)


@given(quantities())
def test_a_change_never_turns_its_sign(q: Quantity) -> None:
    """A rise written without a sign reads as no fall, a fall written without a sign as no
    rise; a change written with a negative number keeps every number as written."""
    read = interpret(q)
    assert read is not None
    _, iv = read
    bounds = [b for b in (q.interval.low, q.interval.high) if b is not None]
    if q.trend is None or not bounds or relation(q.interval, Interval.at_least(D(0))) == "disjoint":
        return  # no change, or one whose size no number of zero or more fits ("less than 0")
    if any(b < 0 for b in bounds):
        assert all(iv.contains(b) or not q.interval.contains(b) for b in bounds)
    elif q.trend == "up":
        assert iv.low is not None and iv.low >= 0
    else:
        assert iv.high is not None and iv.high <= 0


def test_bundled_conversions_name_known_units() -> None:
    """Every unit in conversions.toml is a unit figtrack knows, of the table's dimension."""
    entity = figtrack.Extractor().units.entity
    dimension_of_base = {"kelvin": "temperature"}
    for unit, (base, factor, _offset) in default_conversions().units.items():
        assert unit in entity, f"conversions.toml: unknown unit {unit!r}"
        assert entity[unit] == entity[base] == dimension_of_base.get(base, entity[base])
        assert factor > 0
    for base in {b for b, _f, _o in default_conversions().units.values()}:
        assert default_conversions().units[base][1:] == (D(1), D(0))


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[length]\nbase = "metre"\n[length.units]\n"mile" = "1609"\n', "base unit"),
        ('[length]\n[length.units]\n"metre" = "1"\n', "needs a base"),
        ('[length]\nbase = "metre"\n[length.units]\n"metre" = "one"\n', "not a decimal"),
        ('[length]\nbase = "metre"\n[length.units]\n"metre" = "-1"\n', "positive"),
        ('[length]\nbase = "metre"\n[length.units]\n"metre" = ["1"]\n', "factor, offset"),
        ("[length\n", "conversions"),
    ],
)
def test_broken_conversions_name_the_entry(tmp_path: Path, toml: str, message: str) -> None:
    """A malformed table raises ConversionError naming the file and entry."""
    path = tmp_path / "conversions.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(ConversionError, match=message):
        load_conversions(path)


def test_user_conversions_replace_the_table(tmp_path: Path) -> None:
    """A policy can carry a user's own table: here miles meet nautical miles."""
    path = tmp_path / "mine.toml"
    path.write_text('[length]\nbase = "metre"\n[length.units]\n"metre" = "1"\n', "utf-8")
    policy = attrs.evolve(Policy(), conversions=load_conversions(path))
    assert _read("The road is 2 km long.", policy) == ("kilometre", "[2, 2]")


def test_bundled_stop_words_load() -> None:
    """data/context.toml loads: lower-case single words, the reporting verbs among them."""
    words = default_stop_words()
    assert {"said", "the", "according"} <= words
    assert all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("stop_words = 3", "needs a list stop_words"),
        ('stop_words = ["The"]', "'The' is not one lower-case word"),
        ('stop_words = ["per cent"]', "'per cent' is not one lower-case word"),
        ('stop_words = ["the", "the"]', "'the' listed twice"),
        ("stop_words = [", "stop"),
    ],
)
def test_bad_stop_words_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    """A malformed stop-word file is refused with its name and what is wrong."""
    path = tmp_path / "context.toml"
    path.write_text(content)
    with pytest.raises(ConversionError, match=re.escape(str(path))) as info:
        load_stop_words(path)
    assert message in str(info.value) or message == "stop"
