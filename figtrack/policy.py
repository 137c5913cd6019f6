"""How a stated claim is read when figures are compared: the interpretation `Policy`.

Extraction records what a text states; a `Policy` decides how wide that statement is
when it meets another source. `interpret` turns a claim into its *measure* (what its
numbers are in, after unit conversion) and the interval used for comparison:

>>> import figtrack
>>> about, = figtrack.extract("About 50,000 people fled.")
>>> measure, interval = interpret(about, Policy())
>>> measure, str(interval)
('count', '[45000, 55000]')

The rules and their defaults are documented in ``docs/comparison.md``.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from figtrack.model import Claim, Interval, Quantity

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
#: Kinds compared with one another as plain counts.
_COUNT_KINDS = frozenset({"count", "number"})
#: Units whose figures are shares of a whole, bounded to [0, 100].
_SHARE_UNITS = frozenset({"percentage", "weight percent", "volume percent"})


class ConversionError(ValueError):
    """A comparison data file (conversions.toml, context.toml, or a user's) is malformed;
    the message names the file and the entry."""


@attrs.frozen
class Conversions:
    """Unit name -> (base unit, factor, offset): ``base = value * factor + offset``."""

    units: Mapping[str, tuple[str, Decimal, Decimal]]

    def to_base(self, unit: str) -> tuple[str, Decimal, Decimal] | None:
        """The base unit and the affine map for ``unit``, or None when it has none."""
        return self.units.get(unit)


def _decimal(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise ConversionError(f"{where}: expected a decimal string, got {value!r}")
    try:
        number = Decimal(value)
    except ArithmeticError:
        raise ConversionError(f"{where}: not a decimal number: {value!r}") from None
    if not number.is_finite():
        raise ConversionError(f"{where}: not a finite number: {value!r}")
    return number


def _read_toml(path: str | Path | None, bundled: str) -> tuple[dict[str, Any], str]:
    """A comparison data file (``path``, or the bundled ``data/<bundled>``) and the name
    its errors give."""
    if path is None:
        raw = resources.files("figtrack.data").joinpath(bundled).read_bytes()
        name = bundled
    else:
        raw = Path(path).read_bytes()
        name = str(path)
    try:
        return tomllib.loads(raw.decode("utf-8")), name
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConversionError(f"{name}: {exc}") from None


def load_conversions(path: str | Path | None = None) -> Conversions:
    """Read and validate a conversions table (the bundled ``data/conversions.toml``)."""
    data, name = _read_toml(path, "conversions.toml")
    units: dict[str, tuple[str, Decimal, Decimal]] = {}
    for dimension, table in data.items():
        where = f"{name}: [{dimension}]"
        if not isinstance(table, dict) or not isinstance(table.get("base"), str):
            raise ConversionError(f"{where} needs a base unit name")
        entries = table.get("units")
        if not isinstance(entries, dict) or table["base"] not in entries:
            raise ConversionError(f"{where}.units must list the base unit {table['base']!r}")
        for unit, spec in entries.items():
            at = f"{where}.units {unit!r}"
            if isinstance(spec, list):
                if len(spec) != 2:
                    raise ConversionError(f"{at}: give [factor, offset]")
                factor, offset = _decimal(spec[0], at), _decimal(spec[1], at)
            else:
                factor, offset = _decimal(spec, at), _ZERO
            if factor <= 0:
                raise ConversionError(f"{at}: the factor must be positive")
            if unit in units:
                raise ConversionError(f"{at}: listed twice")
            units[unit] = (table["base"], factor, offset)
    return Conversions(units)


@functools.cache
def default_conversions() -> Conversions:
    """The bundled conversions table, loaded once."""
    return load_conversions()


def load_stop_words(path: str | Path | None = None) -> frozenset[str]:
    """Read and validate a list of stop words (the bundled ``data/context.toml``): the
    words that never count as context shared by two sentences (`Policy.context_words`)."""
    data, name = _read_toml(path, "context.toml")
    words = data.get("stop_words")
    if not isinstance(words, list):
        raise ConversionError(f"{name}: needs a list stop_words")
    seen: set[str] = set()
    for word in words:
        if not isinstance(word, str) or not word or word != word.lower() or " " in word:
            raise ConversionError(f"{name}: stop_words: {word!r} is not one lower-case word")
        if word in seen:
            raise ConversionError(f"{name}: stop_words: {word!r} listed twice")
        seen.add(word)
    return frozenset(seen)


@functools.cache
def default_stop_words() -> frozenset[str]:
    """The bundled stop words, loaded once."""
    return load_stop_words()


@attrs.frozen
class Policy:
    """How wide stated claims are read when compared. Every field can be overridden.

    - ``approximate_digits``: an approximate figure widens by this share of the place
      value of its last significant written digit, each side ("about 50,000": 5,000).
    - ``approximate_floor``: ... and by at least this share of its value ("about 53":
      2.65 each side). "nearly X" reads [X - that, X); "just over X" (X, X + that].
    - ``scale_precision``: a figure written with a scale word carries the precision of
      its written digits ("2.8bn" is [2.75bn, 2.85bn)).
    - ``implicit_precision``: plain figures do too ("50,000" is [45000, 55000)); off by
      default, so plain figures are exact.
    - ``nonnegative_counts``: counts are never below zero ("fewer than 100" is [0, 100)).
    - ``share_bounds``: a percentage (or weight or volume percent) that is not a change
      lies in [0, 100].
    - ``convert_units``: measures are converted to their dimension's base unit, so
      kilometres meet miles; off, only the same unit meets.
    - ``revisions``: two figures that do not meet, published on different dates, are a
      revision rather than a conflict.
    - ``strict_conflicts``: every two figures that do not meet are a conflict; off (the
      default), a pair that meets once its plain figures are read as rounded, as
      ``implicit_precision`` reads them ("$250,000" and "more than $250,000"; "2.5 cm"
      and "0.98 inches"), is an ambiguity rather than a conflict.
    - ``context_words``: two figures that do not meet are trusted as a conflict only when
      their sentences share at least this many words besides the subject key's words,
      numbers and ``stop_words`` ("four bombs were dropped on the camp" and "five bombs
      were dropped on Varnholm camp" share "dropped" and "camp"); other such pairs are
      ambiguities. 0: no check.
    - ``told_apart``: two figures that do not meet are an ambiguity, not a conflict, when
      one source gives both (one figure that meets the first and not the second, another
      the other way round) under their key or a narrower key of its class: that source
      shows them to be two quantities ("12 magazines seized during the raid" and "31
      magazines seized in all"), not one quantity told two ways.
    - ``stated_times``: two figures that do not meet are an ambiguity, not a conflict,
      when their scopes state different times, a month or a year after a preposition of
      a date (`figtrack.compare.stated_time`: "In February, a quake of 6.4 hit" and "a
      quake of 6.1 hit" in another report, of November): a time that one figure states is
      that of its own report, the month of publication or the one before, when the other
      states none (the other's date is not looked at). Month names and prepositions are
      the bundled language data's.
    - ``stop_words``: the words that never count as shared (``data/context.toml``; load
      your own with `load_stop_words`).
    """

    approximate_digits: Decimal = Decimal("0.5")
    approximate_floor: Decimal = Decimal("0.05")
    scale_precision: bool = True
    implicit_precision: bool = False
    nonnegative_counts: bool = True
    share_bounds: bool = True
    convert_units: bool = True
    revisions: bool = True
    strict_conflicts: bool = False
    context_words: int = 2
    told_apart: bool = True
    stated_times: bool = True
    conversions: Conversions = attrs.field(factory=default_conversions, repr=False)
    stop_words: frozenset[str] = attrs.field(factory=default_stop_words, repr=False)

    def __attrs_post_init__(self) -> None:
        for name in ("approximate_digits", "approximate_floor"):
            # frozen: the one place a field is set after __init__, to its exact Decimal
            object.__setattr__(self, name, _tolerance_field(name, getattr(self, name)))
        for field in attrs.fields(Policy):
            if field.type in ("bool", bool) and not isinstance(getattr(self, field.name), bool):
                raise TypeError(
                    f"Policy {field.name} must be True or False, "
                    f"not {type(getattr(self, field.name)).__name__}"
                )
        if not isinstance(self.conversions, Conversions):
            raise TypeError(
                "Policy conversions must be a Conversions (figtrack.policy.load_conversions), "
                f"not {type(self.conversions).__name__}"
            )
        words = self.stop_words
        if isinstance(words, (str, bytes)) or not isinstance(words, Iterable):
            raise TypeError(f"Policy stop_words must be a set of words, not {type(words).__name__}")
        words = frozenset(words)
        if not all(isinstance(w, str) for w in words):
            raise TypeError("Policy stop_words must all be str")
        object.__setattr__(self, "stop_words", words)
        if isinstance(self.context_words, bool) or not isinstance(self.context_words, int):
            raise TypeError(
                f"Policy context_words must be an int, not {type(self.context_words).__name__}"
            )
        if self.context_words < 0:
            raise ValueError(f"Policy context_words must not be negative, not {self.context_words}")


def _tolerance_field(name: str, value: object) -> Decimal:
    """A tolerance as an exact Decimal (an int, a str, or a float as Python prints it):
    TypeError or ValueError naming the field otherwise, or when it is not a finite number
    from 0 to 100."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float, str)):
        raise TypeError(f"Policy {name} must be a Decimal, not {type(value).__name__}")
    try:
        if isinstance(value, (Decimal, int)):
            number = Decimal(value)  # a Decimal subclass becomes a plain Decimal
        else:
            number = Decimal(repr(value) if isinstance(value, float) else value.strip())
    except ArithmeticError:
        raise ValueError(f"Policy {name} must be a number, not {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"Policy {name} must be finite, not {value!r}")
    if not _ZERO <= number <= _HUNDRED:
        raise ValueError(f"Policy {name} must be from 0 to 100, not {number}")
    return number


def _tolerance(x: Decimal, step: Decimal | None, policy: Policy) -> Decimal:
    by_digits = _ZERO if step is None else step * policy.approximate_digits
    return max(by_digits, abs(x) * policy.approximate_floor)


def _widen(q: Quantity, policy: Policy) -> Interval:
    """The stated interval with the policy's slack for hedges and written precision."""
    iv = q.interval
    low, high, lc, hc = iv.low, iv.high, iv.low_closed, iv.high_closed
    step = q.precision
    if q.approximate:
        if q.qualifier in ("eq", "range") and low is not None and high is not None:
            return Interval.closed(
                low - _tolerance(low, step, policy), high + _tolerance(high, step, policy)
            )
        near = iv
        if q.qualifier in ("lt", "le") and high is not None:  # "nearly 300"
            near = Interval(high - _tolerance(high, step, policy), high, True, hc)
        elif q.qualifier in ("gt", "ge") and low is not None:  # "just over 3,000"
            near = Interval(low, low + _tolerance(low, step, policy), lc, True)
        return iv if near.is_empty else near  # "nearly 0" with no slack stays (-inf, 0)
    rounded = (q.scaled and policy.scale_precision) or policy.implicit_precision
    if rounded and step is not None and low is not None and high is not None:
        half = step / 2
        return Interval(low - half, high + half, True, False)
    return iv


def _clip(iv: Interval, bounds: Interval) -> Interval:
    if (
        iv.low is not None
        and bounds.low is not None
        and iv.low >= bounds.low
        and (bounds.high is None or (iv.high is not None and iv.high <= bounds.high))
    ):
        return iv  # already inside: the common case
    inside = iv.intersection(bounds)
    return iv if inside.is_empty else inside


def _mirror(iv: Interval) -> Interval:
    """``-iv``: a fall of 3% is a change of -3%."""
    return Interval(
        None if iv.high is None else -iv.high,
        None if iv.low is None else -iv.low,
        iv.high_closed,
        iv.low_closed,
    )


def _convert(iv: Interval, factor: Decimal, offset: Decimal) -> Interval:
    iv = iv.scaled(factor) if factor != 1 else iv
    return iv.shifted(offset) if offset else iv


def given_policy(func: str, policy: object) -> Policy:
    """``policy``, or the default policy for None; TypeError naming ``func`` for anything
    that is not a Policy."""
    if policy is None:
        return _DEFAULT
    if not isinstance(policy, Policy):
        raise TypeError(f"{func}() policy must be a Policy, not {type(policy).__name__}")
    return policy


def interpret(claim: Claim | Quantity, policy: Policy | None = None) -> tuple[str, Interval] | None:
    """The measure a claim is compared in and the interval the policy reads it as.

    None for claims that are not figures (dates, years, identifiers): they are never
    compared. Counts and bare numbers share the measure ``"count"``; money keeps its
    currency; measures are converted to their dimension's base unit when the conversions
    table knows theirs; a change is ``"change in <measure>"``, its unsigned size never
    below zero and a fall read as negative ("fell -3%" states its sign: -3).
    """
    policy = given_policy("interpret", policy)
    if isinstance(claim, Claim):
        q = claim.quantity
    elif isinstance(claim, Quantity):
        q = claim
    else:
        raise TypeError(f"interpret() needs a Claim or a Quantity, not {type(claim).__name__}")
    if q.kind in _COUNT_KINDS:
        measure = "count"
    elif q.kind in ("money", "percent", "measure") and q.unit:
        measure = q.unit
    else:
        return None
    iv = _widen(q, policy)
    signed = q.trend is not None and _signed(q.interval)
    if q.trend is None:
        if measure == "count" and q.kind == "count" and policy.nonnegative_counts:
            iv = _clip(iv, _NONNEGATIVE)
        elif measure in _SHARE_UNITS and policy.share_bounds and not _signed(q.interval):
            iv = _clip(iv, _SHARE)  # not "-0.5%", a rate that may be below zero
    elif not signed:
        iv = _clip(iv, _NONNEGATIVE)  # "fell less than 3%": a fall of [0, 3)
    if q.kind in ("measure", "percent") and policy.convert_units:
        found = policy.conversions.to_base(measure)
        if found is not None:
            base, factor, offset = found
            if q.trend is not None:
                offset = _ZERO  # a change of 5 degrees Celsius is 5 kelvin
            measure, iv = base, _convert(iv, factor, offset)
    if q.trend is not None:
        measure = f"change in {measure}"
        if q.trend == "down" and not signed:
            iv = _mirror(iv)  # "fell 3%"; "fell -3%" states its sign already
    return measure, iv


def _signed(iv: Interval) -> bool:
    """Whether a stated interval is written with a negative number ("-3.2%", "between
    -0.5% and 1%"): its signs are the change's, read as written."""
    return (iv.low is not None and iv.low < 0) or (iv.high is not None and iv.high < 0)


_DEFAULT = Policy()
_NONNEGATIVE = Interval.at_least(_ZERO)
_SHARE = Interval.closed(_ZERO, _HUNDRED)
