"""The shapes that cross module boundaries: `Interval`, `Quantity`, `Subject`, `Claim`,
`Finding`.

All are frozen attrs classes holding exact `Decimal` numbers. `Claim.to_dict()` is the
stable JSON contract documented in ``docs/json.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, Final, Literal, TypeVar

import attrs

Qualifier = Literal["eq", "gt", "ge", "lt", "le", "range"]
Kind = Literal[
    "count",
    "money",
    "percent",
    "measure",
    "number",
    "date",
    "year",
    "time",
    "ordinal",
    "identifier",
    "score",
]
Trend = Literal["up", "down"]
Relation = Literal["equal", "contains", "within", "overlaps", "disjoint", "incomparable"]
Status = Literal["agree", "conflict", "ambiguous", "revised", "single"]

#: The unit of an age: "a 61-year-old", "Lena Ortiz, 61," (NewsQuant's name for it).
AGE_UNIT = "year of age"

#: Kinds that are figures; the others are only returned on request.
FIGURE_KINDS: frozenset[str] = frozenset({"count", "money", "percent", "measure", "number"})


def plain(x: Decimal) -> str:
    """A number in plain notation: ``Decimal('1.2E+9')`` -> ``'1200000000'``."""
    text = format(x.normalize(), "f")
    return "0" if text == "-0" else text


def _num(value: Decimal | None) -> int | float | None:
    """Render a Decimal for JSON: an int when whole, else a float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@attrs.frozen
class Interval:
    """A set of numbers between two bounds, each finite bound open or closed.

    ``None`` for a bound means unbounded on that side. Build them with the factories:

    >>> Interval.closed(Decimal(1), Decimal(2)).contains(Decimal(2))
    True
    >>> Interval.greater(Decimal(10)).contains(Decimal(10))
    False
    """

    low: Decimal | None
    high: Decimal | None
    low_closed: bool | None = attrs.field(default=None)
    high_closed: bool | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if (self.low is None) != (self.low_closed is None):
            raise ValueError("low_closed must be set exactly when low is finite")
        if (self.high is None) != (self.high_closed is None):
            raise ValueError("high_closed must be set exactly when high is finite")

    # -- factories -------------------------------------------------------------------
    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The single number ``value``: ``[value, value]``."""
        return cls(value, value, True, True)

    @classmethod
    def closed(cls, low: Decimal, high: Decimal) -> Interval:
        """``[low, high]``."""
        return cls(low, high, True, True)

    @classmethod
    def open(cls, low: Decimal, high: Decimal) -> Interval:
        """``(low, high)``."""
        return cls(low, high, False, False)

    @classmethod
    def greater(cls, low: Decimal) -> Interval:
        """``(low, +inf)``."""
        return cls(low, None, False, None)

    @classmethod
    def at_least(cls, low: Decimal) -> Interval:
        """``[low, +inf)``."""
        return cls(low, None, True, None)

    @classmethod
    def less(cls, high: Decimal) -> Interval:
        """``(-inf, high)``."""
        return cls(None, high, None, False)

    @classmethod
    def at_most(cls, high: Decimal) -> Interval:
        """``(-inf, high]``."""
        return cls(None, high, None, True)

    @classmethod
    def everything(cls) -> Interval:
        """``(-inf, +inf)``."""
        return cls(None, None, None, None)

    # -- operations ------------------------------------------------------------------
    @property
    def is_point(self) -> bool:
        """True when the interval holds exactly one number."""
        return self.low is not None and self.low == self.high and bool(self.low_closed)

    @property
    def is_empty(self) -> bool:
        """True when no number lies inside."""
        if self.low is None or self.high is None:
            return False
        if self.low > self.high:
            return True
        return self.low == self.high and not (self.low_closed and self.high_closed)

    def contains(self, x: Decimal) -> bool:
        """Whether the number ``x`` lies inside."""
        if self.low is not None and (x < self.low or (x == self.low and not self.low_closed)):
            return False
        return not (
            self.high is not None and (x > self.high or (x == self.high and not self.high_closed))
        )

    def intersection(self, other: Interval) -> Interval:
        """The numbers in both intervals (possibly empty: check ``is_empty``)."""
        low, low_closed = self.low, self.low_closed
        if other.low is not None and (
            low is None or other.low > low or (other.low == low and not other.low_closed)
        ):
            low, low_closed = other.low, other.low_closed
        high, high_closed = self.high, self.high_closed
        if other.high is not None and (
            high is None or other.high < high or (other.high == high and not other.high_closed)
        ):
            high, high_closed = other.high, other.high_closed
        return new_interval(low, high, low_closed, high_closed)

    def scaled(self, factor: Decimal) -> Interval:
        """Every number multiplied by a positive ``factor``."""
        if factor <= 0:
            raise ValueError("scaled() takes a positive factor")
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_closed,
            self.high_closed,
        )

    def shifted(self, offset: Decimal) -> Interval:
        """Every number plus ``offset``.

        >>> str(Interval.closed(Decimal(1), Decimal(2)).shifted(Decimal("0.5")))
        '[1.5, 2.5]'
        """
        return Interval(
            None if self.low is None else self.low + offset,
            None if self.high is None else self.high + offset,
            self.low_closed,
            self.high_closed,
        )

    def to_dict(self) -> dict[str, Any]:
        """``{"low", "high", "low_closed", "high_closed"}`` with JSON numbers (null = inf)."""
        return {
            "low": _num(self.low),
            "high": _num(self.high),
            "low_closed": self.low_closed,
            "high_closed": self.high_closed,
        }

    def __str__(self) -> str:
        left = "(-inf" if self.low is None else ("[" if self.low_closed else "(") + plain(self.low)
        right = (
            "+inf)" if self.high is None else plain(self.high) + ("]" if self.high_closed else ")")
        )
        return f"{left}, {right}"


@attrs.frozen
class Quantity:
    """What a figure states: its number(s), bounds, approximation, trend, kind and unit."""

    value: Decimal | None
    interval: Interval
    qualifier: Qualifier = "eq"
    approximate: bool = False
    trend: Trend | None = None
    kind: Kind = "number"
    unit: str | None = None
    #: place value of the last significant digit as written ("2.8bn" -> 1E+8), if known
    precision: Decimal | None = None
    #: a scale word or abbreviation multiplied the written digits ("2.8bn", "11 million")
    scaled: bool = False


@attrs.frozen
class Subject:
    """What a figure counts or measures, whose it is, and where (see ``docs/subjects.md``).

    ``text`` is the subject as the sentence names it ("North Korean troops"), ``head`` the
    singular of its head noun ("troop"), ``scope`` the phrases that restrict the figure
    ("in Kursk"), ``holder`` the entity the figure belongs to when named apart from the
    subject ("Amazon"), and ``key`` the normalised grouping key built from them.
    """

    text: str | None = None
    head: str | None = None
    scope: tuple[str, ...] = ()
    holder: str | None = None
    key: str | None = None
    carried: bool = False  # part of the subject was carried from an earlier figure
    start: int | None = None  # where ``text`` stands in the document, when it stands there
    end: int | None = None


@attrs.frozen
class Claim:
    """One figure found in a text, with its exact place in that text.

    ``text[start:end] == surface`` always holds for the text it was extracted from.
    """

    surface: str
    start: int
    end: int
    quantity: Quantity
    sentence: str
    sentence_start: int
    source: str | None = None
    published: str | None = None
    subject: Subject | None = None
    derived_from: int | None = None  # start offset of the claim a relative figure is a share of
    document: str | None = None  # the id of the document it was read from, when it has one

    def _repr_html_(self) -> str:
        """In Jupyter: the sentence with the figure highlighted, and what was read."""
        from figtrack.report import claim_html

        return claim_html(self)

    @property
    def is_figure(self) -> bool:
        """False for dates, years, times, ordinals and identifiers."""
        return self.quantity.kind in FIGURE_KINDS

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict documented in ``docs/json.md``."""
        q = self.quantity
        iv = q.interval
        subj = self.subject or _NO_SUBJECT
        return {
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
            "value": _num(q.value),
            "low": _num(iv.low),
            "high": _num(iv.high),
            "low_closed": iv.low_closed,
            "high_closed": iv.high_closed,
            "approximate": q.approximate,
            "qualifier": q.qualifier,
            "trend": q.trend,
            "kind": q.kind,
            "unit": q.unit,
            "precision": _num(q.precision),
            "scaled": q.scaled,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "source": self.source,
            "published": self.published,
            "subject": subj.text,
            "subject_start": subj.start,
            "subject_end": subj.end,
            "subject_head": subj.head,
            "scope": list(subj.scope),
            "holder": subj.holder,
            "key": subj.key,
            "derived_from": self.derived_from,
            "document": self.document,
        }


_NO_SUBJECT = Subject()


# -- builders for the extraction pass ----------------------------------------------------------
# attrs' generated ``__init__`` runs as interpreted Python even in the compiled build, and
# making the objects of a claim was the dearest single step of extraction. These builders
# set the slots directly, in field order, without the checks of ``__init__``: only for
# callers that already know their arguments are valid. ``tests/test_model.py`` checks that
# each gives the object its class's constructor gives.


def _slot_setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    return tuple(getattr(cls, field.name).__set__ for field in attrs.fields(cls))


_INTERVAL_SET: Final = _slot_setters(Interval)
_QUANTITY_SET: Final = _slot_setters(Quantity)
_SUBJECT_SET: Final = _slot_setters(Subject)
_CLAIM_SET: Final = _slot_setters(Claim)


# Each slot is set by its own call, unrolled: no argument tuple and no loop per object.
# A test holds each builder to the fields of its class, in order.
_Setter = Callable[[object, object], None]
_IV0: Final[_Setter] = _INTERVAL_SET[0]
_IV1: Final[_Setter] = _INTERVAL_SET[1]
_IV2: Final[_Setter] = _INTERVAL_SET[2]
_IV3: Final[_Setter] = _INTERVAL_SET[3]
_Q0: Final[_Setter] = _QUANTITY_SET[0]
_Q1: Final[_Setter] = _QUANTITY_SET[1]
_Q2: Final[_Setter] = _QUANTITY_SET[2]
_Q3: Final[_Setter] = _QUANTITY_SET[3]
_Q4: Final[_Setter] = _QUANTITY_SET[4]
_Q5: Final[_Setter] = _QUANTITY_SET[5]
_Q6: Final[_Setter] = _QUANTITY_SET[6]
_Q7: Final[_Setter] = _QUANTITY_SET[7]
_Q8: Final[_Setter] = _QUANTITY_SET[8]
_S0: Final[_Setter] = _SUBJECT_SET[0]
_S1: Final[_Setter] = _SUBJECT_SET[1]
_S2: Final[_Setter] = _SUBJECT_SET[2]
_S3: Final[_Setter] = _SUBJECT_SET[3]
_S4: Final[_Setter] = _SUBJECT_SET[4]
_S5: Final[_Setter] = _SUBJECT_SET[5]
_S6: Final[_Setter] = _SUBJECT_SET[6]
_S7: Final[_Setter] = _SUBJECT_SET[7]
_C0: Final[_Setter] = _CLAIM_SET[0]
_C1: Final[_Setter] = _CLAIM_SET[1]
_C2: Final[_Setter] = _CLAIM_SET[2]
_C3: Final[_Setter] = _CLAIM_SET[3]
_C4: Final[_Setter] = _CLAIM_SET[4]
_C5: Final[_Setter] = _CLAIM_SET[5]
_C6: Final[_Setter] = _CLAIM_SET[6]
_C7: Final[_Setter] = _CLAIM_SET[7]
_C8: Final[_Setter] = _CLAIM_SET[8]
_C9: Final[_Setter] = _CLAIM_SET[9]
_C10: Final[_Setter] = _CLAIM_SET[10]
_new: Final = object.__new__


def new_interval(
    low: Decimal | None, high: Decimal | None, low_closed: bool | None, high_closed: bool | None
) -> Interval:
    """``Interval(low, high, low_closed, high_closed)`` for bounds known to be consistent."""
    obj: Interval = _new(Interval)
    _IV0(obj, low)
    _IV1(obj, high)
    _IV2(obj, low_closed)
    _IV3(obj, high_closed)
    return obj


def new_quantity(
    value: Decimal | None,
    interval: Interval,
    qualifier: Qualifier,
    approximate: bool,
    trend: Trend | None,
    kind: Kind,
    unit: str | None,
    precision: Decimal | None,
    scaled: bool,
) -> Quantity:
    """``Quantity(...)`` with every field given, in order."""
    obj: Quantity = _new(Quantity)
    _Q0(obj, value)
    _Q1(obj, interval)
    _Q2(obj, qualifier)
    _Q3(obj, approximate)
    _Q4(obj, trend)
    _Q5(obj, kind)
    _Q6(obj, unit)
    _Q7(obj, precision)
    _Q8(obj, scaled)
    return obj


def new_subject(
    text: str | None,
    head: str | None,
    scope: tuple[str, ...],
    holder: str | None,
    key: str | None,
    carried: bool,
    start: int | None,
    end: int | None,
) -> Subject:
    """``Subject(...)`` with every field given, in order."""
    obj: Subject = _new(Subject)
    _S0(obj, text)
    _S1(obj, head)
    _S2(obj, scope)
    _S3(obj, holder)
    _S4(obj, key)
    _S5(obj, carried)
    _S6(obj, start)
    _S7(obj, end)
    return obj


def new_claim(
    surface: str,
    start: int,
    end: int,
    quantity: Quantity,
    sentence: str,
    sentence_start: int,
    source: str | None,
    published: str | None,
    subject: Subject | None,
    derived_from: int | None,
    document: str | None = None,
) -> Claim:
    """``Claim(...)`` with every field given, in order."""
    obj: Claim = _new(Claim)
    _C0(obj, surface)
    _C1(obj, start)
    _C2(obj, end)
    _C3(obj, quantity)
    _C4(obj, sentence)
    _C5(obj, sentence_start)
    _C6(obj, source)
    _C7(obj, published)
    _C8(obj, subject)
    _C9(obj, derived_from)
    _C10(obj, document)
    return obj


#: A JSON string literal for ``str`` (json's own encoder: ``ensure_ascii=False``).
_json_str: Callable[[str], str] = encode_basestring


_G = TypeVar("_G", bound=Hashable)


def shared_by_group(items: Iterable[tuple[_G, Interval]]) -> dict[_G, Interval | None]:
    """For each group, the numbers all its intervals share, or None when they share none
    (for intervals, some pair is disjoint exactly when all of them share nothing)."""
    shared: dict[_G, Interval | None] = {}
    for group, iv in items:
        if group not in shared:
            shared[group] = iv
        elif (seen := shared[group]) is not None:
            meet = seen.intersection(iv)
            shared[group] = None if meet.is_empty else meet
    return shared


def _json_opt(x: str | None) -> str:
    return "null" if x is None else _json_str(x)


def _json_num(value: Decimal | None) -> str:
    n = _num(value)
    return "null" if n is None else repr(n)


def _json_int(x: int | None) -> str:
    return "null" if x is None else str(x)


_JSON_BOOL: Final = {None: "null", True: "true", False: "false"}


def claims_jsonl(claims: Iterable[Claim], document: str | None = None) -> str:
    """One JSON line per claim: ``json.dumps(claim.to_dict(), ensure_ascii=False)``, with
    ``document`` (when not None) in place of each claim's own, each line ending in "\\n".

    Written out by hand for scan speed (a sentence shared by several claims is encoded
    once); ``tests/test_model.py`` holds it to ``json.dumps`` of `Claim.to_dict`.

    >>> from figtrack import extract
    >>> claims_jsonl(extract("It has 3 cats."))[:37]
    '{"surface": "3", "start": 7, "end": 8'
    """
    encoded: dict[str, str] = {}
    lines: list[str] = []
    doc_json = None if document is None else _json_str(document)
    for c in claims:
        q = c.quantity
        iv = q.interval
        subj = c.subject or _NO_SUBJECT
        sentence = encoded.get(c.sentence)
        if sentence is None:
            sentence = encoded[c.sentence] = _json_str(c.sentence)
        scope = ", ".join(map(_json_str, subj.scope))
        # a point's value and bounds are most often one Decimal: rendered once
        value = _json_num(q.value)
        low = value if iv.low is q.value else _json_num(iv.low)
        high = low if iv.high is iv.low else _json_num(iv.high)
        parts = [
            '{"surface": ', _json_str(c.surface),
            ', "start": ', str(c.start),
            ', "end": ', str(c.end),
            ', "value": ', value,
            ', "low": ', low,
            ', "high": ', high,
            ', "low_closed": ', _JSON_BOOL[iv.low_closed],
            ', "high_closed": ', _JSON_BOOL[iv.high_closed],
            ', "approximate": ', _JSON_BOOL[q.approximate],
            ', "qualifier": ', _json_str(q.qualifier),
            ', "trend": ', _json_opt(q.trend),
            ', "kind": ', _json_str(q.kind),
            ', "unit": ', _json_opt(q.unit),
            ', "precision": ', _json_num(q.precision),
            ', "scaled": ', _JSON_BOOL[q.scaled],
            ', "sentence": ', sentence,
            ', "sentence_start": ', str(c.sentence_start),
            ', "source": ', _json_opt(c.source),
            ', "published": ', _json_opt(c.published),
            ', "subject": ', _json_opt(subj.text),
            ', "subject_start": ', _json_int(subj.start),
            ', "subject_end": ', _json_int(subj.end),
            ', "subject_head": ', _json_opt(subj.head),
            ', "scope": [', scope,
            '], "holder": ', _json_opt(subj.holder),
            ', "key": ', _json_opt(subj.key),
            ', "derived_from": ', _json_int(c.derived_from),
            ', "document": ', _json_opt(c.document) if doc_json is None else doc_json,
            "}\n",
        ]  # fmt: skip
        lines.append("".join(parts))
    return "".join(lines)


@attrs.frozen
class Contradiction:
    """Two claims of a `Finding` whose intervals do not meet.

    ``lower`` and ``upper`` index `Finding.claims`: the claim lying wholly below and the one
    above it. ``gap`` is the distance between them in the finding's ``measure``.
    """

    lower: int
    upper: int
    gap: Decimal

    def to_dict(self) -> dict[str, Any]:
        """``{"lower", "upper", "gap"}``."""
        return {"lower": self.lower, "upper": self.upper, "gap": _num(self.gap)}


@attrs.frozen
class Finding:
    """The claims that share one subject key and one measure, compared.

    ``intervals[i]`` is how the comparison policy reads ``claims[i]``, in ``measure`` (a
    base unit such as ``"metre"``, a currency, ``"percentage"``, ``"count"``; a change is
    ``"change in ..."``). ``status`` is ``single`` (one source), ``agree`` (no two sources
    contradict each other), ``conflict`` (two sources give intervals that do not meet,
    published the same day or undated), ``ambiguous`` (such a pair exists only where a
    source also contradicts itself under this key: the key likely names several
    quantities) or ``revised`` (they do not meet only across publication dates: a later
    report revised an earlier one). See ``docs/comparison.md``.
    """

    key: str
    measure: str
    claims: tuple[Claim, ...]
    intervals: tuple[Interval, ...]
    status: Status
    consensus: Interval | None  # the intersection of all intervals, when not empty
    most_precise: int  # index of the claim with the narrowest interval
    conflicts: tuple[Contradiction, ...] = ()
    revisions: tuple[Contradiction, ...] = ()
    ambiguities: tuple[Contradiction, ...] = ()

    def _repr_html_(self) -> str:
        """In Jupyter: the finding's interval chart and sentences, as in the report."""
        from figtrack.report import finding_html

        return finding_html(self, index=id(self))

    @property
    def sources(self) -> tuple[str | None, ...]:
        """The distinct sources, in the order of their first claim."""
        return tuple(dict.fromkeys(c.source for c in self.claims))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict documented in ``docs/comparison.md``."""
        return {
            "key": self.key,
            "measure": self.measure,
            "status": self.status,
            "sources": list(self.sources),
            "consensus": None if self.consensus is None else self.consensus.to_dict(),
            "most_precise": self.most_precise,
            "claims": [
                {**c.to_dict(), "interval": iv.to_dict()}
                for c, iv in zip(self.claims, self.intervals, strict=True)
            ],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "revisions": [c.to_dict() for c in self.revisions],
            "ambiguities": [c.to_dict() for c in self.ambiguities],
        }
