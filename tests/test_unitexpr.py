"""Compound units after a number: `figtrack.unitexpr.read_unit_expression`.

Examples are written as text whose first number ends at ``pos``; a ``|`` marks where the
expression must end (it is removed before reading).

Scope notes for the property test (each a deliberate narrowing that mirrors a guard of the
reader, not a hidden failure):

* a bare-digit or hyphen power is not drawn on a *leading* capital symbol ("J2", "W-1"
  read like model names, "A4", "B-2") nor on a leading one-letter symbol other than "m"
  ("h2", like "2d3"); those leading factors are written with a caret instead;
* a leading "s" always carries a power ("s" alone after a number is too ambiguous).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest
import strategies as S
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figtrack.extract import default_extractor
from figtrack.unitexpr import WINDOW, UnitExpr, read_unit_expression

TABLE = default_extractor().units
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_NUMBER = re.compile(r"\D*?\d+(?:[.,]\d+)*")


def _read(case: str) -> tuple[UnitExpr | None, int | None]:
    """Read the expression after the first number of ``case``: (result, marked end)."""
    marked = case.index("|") if "|" in case else None
    text = case.replace("|", "")
    m = _NUMBER.match(text)
    assert m is not None, case
    return read_unit_expression(text, m.end(), TABLE), marked


POSITIVE = [
    # powers on a symbol
    ("5 km2|", "square kilometre"),
    ("5km^2|", "square kilometre"),
    ("an area of 5 km²| nearby", "square kilometre"),
    ("5 km3|", "cubic kilometre"),
    ("5 km^3|", "cubic kilometre"),
    ("5 km³|.", "cubic kilometre"),
    ("5 cm³|", "cubic centimetre"),
    ("5 m2| of floor", "square metre"),
    ("5 ft²|", "square foot"),
    ("5 s-1|", "inverse second"),
    ("5 s^-1|", "inverse second"),
    ("5 s⁻¹|", "inverse second"),
    ("5 s−1|", "inverse second"),
    ("12 fb−1| of data", "inverse femtobarn"),
    ("12 fb-1| of data", "inverse femtobarn"),
    ("12fb-1|", "inverse femtobarn"),
    ("5 s-2|", "inverse square second"),
    ("5 s^-2|", "inverse square second"),
    ("1013 cm−3| to", "inverse cubic centimetre"),
    ("5 μm²|", "square micrometre"),
    # powers in words
    ("155 square kilometers| of land", "square kilometre"),
    ("100 square km|,", "square kilometre"),
    ("44,913 sq km|.", "square kilometre"),
    ("26,700 sq. ft| site", "square foot"),
    ("a 5 square-mile| area", "square mile"),
    ("4,500,000 cubic feet| of gas", "cubic foot"),
    ("5 cubic metres|", "cubic metre"),
    ("5 km squared|", "square kilometre"),
    ("5 metres squared| of", "square metre"),
    ("5 km cubed|", "cubic kilometre"),
    # division
    ("5 km/s2|", "kilometre per square second"),
    ("5 J/m^2|", "joule per square metre"),
    ("5 kg/cm³|", "kilogram per cubic centimetre"),
    ("10 m/s| winds", "metre per second"),
    ("a 17m/s| top speed", "metre per second"),
    ("5 J/m^2 per year|", "joule per square metre per year"),
    ("5 J/m^2 per year| per capita", "joule per square metre per year"),
    ("5 J/m^2| per cent", "joule per square metre"),
    ("5 m/s/s|", "metre per second per second"),
    ("25.6 km/h|, less", "kilometre per hour"),
    ("5 km/h⁻¹|", "kilometre per inverse hour"),  # not the table's "km/h", then "⁻¹"
    ("5 km/h^2|", "kilometre per square hour"),
    ("154,000 b/d| higher", "barrel per day"),
    ("5 W/mK|", "watt per metre kelvin"),
    ("3.4 cm2/Vs|,", "square centimetre per volt second"),
    ("5 K/min|", "kelvin per minute"),
    ("1.35 grams/tonne| gold", "gram per tonne"),
    ("0.008 ounces per cubic yard|,", "ounce per cubic yard"),
    # products
    ("5 Wh| battery", "watt hour"),
    ("5Wh|", "watt hour"),
    ("5 kWh|", "kilowatt hour"),
    ("5 kWh/m2|", "kilowatt hour per square metre"),
    ("5Js|", "joule second"),
    ("5cds|", "candela second"),
    ("5 N·m|", "newton metre"),
    ("5 N⋅m|", "newton metre"),
    ("5 N m| of torque", "newton metre"),
    ("5 J·s|", "joule second"),
    ("5 kg·m²|", "kilogram square metre"),
    ("0.45 W m−2| at", "watt per square metre"),
    ("5 J kg-1|", "joule per kilogram"),
    ("5 Pa s|", "pascal second"),
    ("115 mph|, when", "mile per hour"),
    ("14Mbps|,", "megabit per second"),
]

NEGATIVE = [
    "5 km",  # a simple unit: the caller's
    "5 kilometres",
    "5 km per hour",
    "5 kilometres per hour",
    "4 km to the north",
    "5 Ws",  # who, what, when, where, why
    "the 2 Js were",
    "5 cds",
    "a 10 Whale",
    "10Whale",
    "3 square meals",
    "5 A4 pages",
    "2 MP3 players",
    "two B-2 bombers, 2 B-2 bombers",
    "the 2d3 company",
    "give the banks 5/8ths",
    "the 4th time",
    "10kgs of rice",
    "5mins later",
    "the 10Ks",
    "2 BP stations",
    "2FA codes",
    "5 Sam said",
    "5 Pay rises",
    "5 hay bales",
    "at 1900gmt",
    "0.15 gm/lead",
    "8.74Rs from",
    "383.8 N/A here",
    "1430 B/S - APR",
    "45 y/a and",
    "802.11 b/g",
    "3B/2B Ty Wigginton",
    "43500 W R CONS",
    "5 in/out",
    "10 a/b tests",
    "5 W/(m·K)",  # parentheses are not read
    "5 km2.5",
    "a 2 m-3 m wave",  # a range
    "5 m3,000",
    "5 km2x",
    "5 km/sx",
    "12 mA g− 1",  # a spaced minus: a power we cannot read
    "5 per cent",
    "5 square in total",
    "5  km2",  # two spaces
    "5\nkm2",
    "5",
    "5 ",
]

ENTITIES = [
    ("5 km²", "square kilometre", "area"),
    ("5 km³", "cubic kilometre", "volume"),
    ("5 s⁻¹", "inverse second", "frequency"),
    ("5 fb−1", "inverse femtobarn", "length"),
    ("5 N·m", "newton metre", "torque"),
    ("5 m/s", "metre per second", "speed"),
    ("5 m/s2", "metre per square second", "acceleration"),
    ("5 m3/s", "cubic metre per second", "volumetric flow"),
    ("5 kWh", "kilowatt hour", "energy"),
    ("5 J/m^2", "joule per square metre", "derived"),
    ("5 Wh", "watt hour", "derived"),
]


@pytest.mark.parametrize(("case", "name"), POSITIVE)
def test_reads_compound_units(case: str, name: str) -> None:
    """Each notation reads to quantulum3's name for the unit and ends where marked."""
    got, marked = _read(case)
    assert got is not None, case
    assert (got.name, got.end) == (name, marked)


@pytest.mark.parametrize("case", NEGATIVE)
def test_refuses_simple_units_and_lookalikes(case: str) -> None:
    """Simple units, plurals, acronyms, model names and words that merely look like
    symbols give None."""
    got, _ = _read(case)
    assert got is None, (case, got)


@pytest.mark.parametrize(("case", "name", "entity"), ENTITIES)
def test_entity_is_the_tables_or_derived(case: str, name: str, entity: str) -> None:
    """A composed name quantulum3 knows keeps its entity; any other is "derived"."""
    got, _ = _read(case)
    assert got == UnitExpr(name=name, end=len(case), entity=entity)


def test_known_composed_names_are_in_the_table() -> None:
    """The composed names the reader relies on for entities are spelled as quantulum3 does."""
    for name in ("square kilometre", "cubic kilometre", "inverse second", "inverse femtobarn"):
        assert name in TABLE.entity


def test_position_out_of_range() -> None:
    """A position before the text, at its end or past it gives None, never an error."""
    assert read_unit_expression("5 km2", -1, TABLE) is None
    assert read_unit_expression("5 km2", 5, TABLE) is None
    assert read_unit_expression("5 km2", 50, TABLE) is None
    assert read_unit_expression("", 0, TABLE) is None


def test_window_bounds_the_read() -> None:
    """Nothing past ``pos + WINDOW`` is read: a long chain stops inside the window, and a
    letter run that crosses the window edge is no unit."""
    text = "5 J/m^2 per year per year per year per year per year"
    got = read_unit_expression(text, 1, TABLE)
    assert got is not None
    assert got.end - 1 <= WINDOW
    assert text[got.end] == " "
    assert read_unit_expression("5 square " + "x" * 60 + " km", 1, TABLE) is None


def test_long_adversarial_input_is_quick() -> None:
    """Long runs of operators and letters are read within the window, without error."""
    for filler in ("m·" * 50_000, "/" * 100_000, "^2" * 50_000, "km" * 50_000):
        assert read_unit_expression("5 " + filler, 1, TABLE) is None


# -- property: expressions built from known symbols parse back ------------------------

SYMBOLS = {
    "km": "kilometre",
    "m": "metre",
    "cm": "centimetre",
    "s": "second",
    "kg": "kilogram",
    "J": "joule",
    "W": "watt",
    "N": "newton",
    "h": "hour",
}
POWER_NAMES = {2: "square", 3: "cubic", -1: "inverse"}
SUPERSCRIPT = {2: "²", 3: "³", -1: "⁻¹"}
NOTATIONS = ("caret", "superscript", "plain")


class Factor(NamedTuple):
    """A symbol with its power and the notation its power is written in."""

    symbol: str
    power: int
    notation: str


class Expression(NamedTuple):
    """A compound unit as written, and the name and span the reader must give."""

    text: str
    pos: int
    end: int
    name: str


def _render(f: Factor, leading: bool) -> str:
    if f.power == 1:
        return f.symbol
    notation = f.notation
    bare_ok = f.symbol[0].islower() and (len(f.symbol) > 1 or f.symbol == "m" or f.power < 0)
    if leading and notation == "plain" and not bare_ok:
        notation = "caret"  # see the module docstring
    if notation == "caret":
        return f"{f.symbol}^{f.power}"
    if notation == "superscript":
        return f.symbol + SUPERSCRIPT[f.power]
    return f.symbol + str(f.power).replace("-", "−" if len(f.symbol) % 2 else "-")


def _name(f: Factor) -> str:
    base = SYMBOLS[f.symbol]
    return base if f.power == 1 else f"{POWER_NAMES[f.power]} {base}"


factors = st.builds(
    Factor,
    st.sampled_from(sorted(SYMBOLS)),
    st.sampled_from((1, 2, 3, -1)),
    st.sampled_from(NOTATIONS),
)


@st.composite
def expressions(draw: st.DrawFn) -> Expression:
    """A product of one or two factors joined by "·", then zero to two "/" divisors, in a
    sentence; the leading factor is never a bare simple symbol standing alone."""
    numerator = draw(st.lists(factors, min_size=1, max_size=2))
    divisors = draw(st.lists(factors, max_size=2))
    head = numerator[0]
    if head.symbol == "s" and head.power == 1:
        numerator[0] = head = head._replace(power=-1)
    if len(numerator) == 1 and not divisors and head.power == 1:
        numerator[0] = head._replace(power=2)
    written = "·".join(_render(f, i == 0) for i, f in enumerate(numerator))
    written += "".join("/" + _render(f, False) for f in divisors)
    parts = [_name(numerator[0])]
    for f in numerator[1:]:
        parts.append(f"per {_name(f._replace(power=1))}" if f.power == -1 else _name(f))
    name = " per ".join([" ".join(parts), *map(_name, divisors)])
    before = draw(st.sampled_from(("", "It was about ", "(")))
    number = draw(st.sampled_from(("5", "12.5", "1,200")))
    gap = draw(st.sampled_from(("", " ", "\u00a0")))
    after = draw(st.sampled_from(("", ".", " today", ", said", ")")))
    text = f"{before}{number}{gap}{written}{after}"
    pos = len(before) + len(number)
    return Expression(text, pos, pos + len(gap) + len(written), name)


@SETTINGS
@given(expressions())
def test_built_expression_parses_back(e: Expression) -> None:
    """An expression of known symbols with powers 1, 2, 3 or -1 (caret, superscript or
    bare digit), "·" products and "/" divisions reads back to its composed name, and the
    read covers the whole expression."""
    got = read_unit_expression(e.text, e.pos, TABLE)
    assert got is not None, e
    assert (got.name, got.end) == (e.name, e.end), e
    assert got.entity == TABLE.entity.get(e.name, "derived")


@SETTINGS
@given(st.one_of(st.text(), S.newsish_text()), st.data())
def test_any_text_reads_within_bounds(text: str, data: st.DataObject) -> None:
    """At any position of any text the reader returns None or an expression that ends
    inside the window and is not followed by a letter or digit."""
    pos = data.draw(st.integers(0, len(text)))
    got = read_unit_expression(text, pos, TABLE)
    if got is not None:
        assert pos < got.end <= pos + WINDOW
        assert not text[got.end : got.end + 1].isalnum()
