"""Hypothesis strategies for figtrack: numbers as news writes them, qualifiers, ranges.

Every strategy here draws an *expression* together with what figtrack must read from it
(`Rendered`, `Qualified`, `RangeExpr`), so property tests can compare the extractor's
output with the truth.
Qualifier phrases come from the bundled lexicon (``figtrack.load_lexicon()``), never from
a copy, so a phrase added to ``qualifiers.toml`` is tested automatically.

Scope notes (each is a deliberate narrowing, not a hidden failure):

* bare four-digit integers written without a separator may read as years ("said 1999
  were counted"; the year window is the extractor's heuristic and may move), so the
  plain-digit style skips all of 1000-9999; news writes such counts with a comma
  ("1,999"), which the comma style covers;
* the word "one" alone is read as a pronoun ("one of them") unless it carries a unit, so
  number words start at two (zero is kept);
* KNOWN BUG, avoided here and tested apart as a strict xfail in test_properties.py: a
  hyphen range whose upper end has two or more digits on each side of the point
  ("10.50-12.75") is taken for a phone number, so `ranges` writes those with an en dash;
  and a glued after-qualifier after a *word* percent ("15 percent-plus") is lost, so
  `qualified_numbers` glues "-plus"/"-ish"/"-odd" only to numbers not ending in a word
  percent;
* the ``or_equal`` after-phrases ("or equal to") mean nothing alone and are only drawn
  after a strict before-phrase ("more than 10 or equal to" -> ``ge``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final, NamedTuple

from hypothesis import strategies as st

import figtrack
from figtrack.model import Claim, Interval, Quantity, Subject

LEXICON = figtrack.load_lexicon()

# -- numbers --------------------------------------------------------------------------

#: Integers the way news reports them: 0 to a trillion.
integers = st.integers(min_value=0, max_value=10**12).map(Decimal)


@st.composite
def decimals_with_places(draw: st.DrawFn, max_whole: int = 10**9) -> Decimal:
    """A non-negative decimal with one to three places, such as ``12.5`` or ``0.065``."""
    places = draw(st.integers(min_value=1, max_value=3))
    units = draw(st.integers(min_value=0, max_value=max_whole * 10**places))
    return Decimal(units).scaleb(-places)


#: Numbers of the kinds news writes: whole numbers and decimals with 1-3 places.
news_decimals = st.one_of(integers, decimals_with_places())


# -- number words ---------------------------------------------------------------------

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def _below_thousand(n: int) -> str:
    assert 0 < n < 1000
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{_UNITS[hundreds]} hundred")
    if rest:
        if rest < 20:
            tail = _UNITS[rest]
        else:
            tens, unit = divmod(rest, 10)
            tail = _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
        parts.append(("and " if hundreds else "") + tail)
    return " ".join(parts)


def int_to_words(n: int) -> str:
    """English words for ``0 <= n < 10**15``: 205 -> ``"two hundred and five"``."""
    if not 0 <= n < 10**15:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "zero"
    parts = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            parts.append(f"{_below_thousand(count)} {name}")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


# -- rendering ------------------------------------------------------------------------

STYLES = (
    "plain",
    "commas",
    "dots",
    "indian",
    "scale_word",
    "scale_abbrev",
    "money_scale",
    "words",
    "percent",
)
PERCENT_SPELLINGS = ("%", " per cent", " percent")
CURRENCY_UNITS = {"$": "dollar", "€": "euro", "£": "pound sterling"}
SCALE_WORDS = (("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12))
SCALE_ABBREVIATIONS = (("k", 10**3), ("bn", 10**9), ("mn", 10**6), ("mln", 10**6))
MONEY_SCALES = (
    ("bn", 10**9),
    ("m", 10**6),
    ("M", 10**6),
    ("billion", 10**9),
    ("million", 10**6),
    ("k", 10**3),
)


class Rendered(NamedTuple):
    """A number as written, with the value, kind and unit figtrack must read from it."""

    text: str
    value: Decimal
    kind: str
    unit: str | None


def plain(value: Decimal) -> str:
    """Digits with no separator: ``1234.5``."""
    return format(value, "f")


def with_commas(value: Decimal) -> str:
    """Digits with thousands commas: ``1,234.5``."""
    return format(value, ",f")


def with_dots(value: int) -> str:
    """A whole number of a million or more with thousands dots: ``2.500.000``."""
    return format(value, ",d").replace(",", ".")


def indian(value: int) -> str:
    """A whole number of a hundred thousand or more grouped the Indian way: the last three
    digits, then pairs: ``1,25,000``, ``12,50,00,000``."""
    digits = str(value)
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while len(head) > 2:
        head, pair = head[:-2], head[-2:]
        pairs.insert(0, pair)
    return ",".join([head, *pairs, tail])


def year_like(value: Decimal) -> bool:
    """Whether ``plain(value)`` is a bare four-digit integer, which may read as a year."""
    return value == value.to_integral_value() and 1000 <= value <= 9999


def render(
    value: Decimal, style: str, scale_word: str | None = None, currency: str = "$"
) -> Rendered:
    """Write ``value`` in one of the `STYLES` (only those that can write it exactly).

    ``scale_word``/``scale_abbrev``/``money_scale`` use ``scale_word`` when given, else the
    largest scale that leaves a mantissa of at least 1 with at most three places;
    ``words`` needs a whole number; ``money_scale`` writes ``currency`` first.

    >>> render(Decimal("1200000"), "scale_word").text
    '1.2 million'
    >>> render(Decimal("3000000000"), "money_scale", "bn").text
    '$3bn'
    >>> render(Decimal("205"), "words").text
    'two hundred and five'
    """
    if style == "plain":
        return Rendered(plain(value), value, "number", None)
    if style == "commas":
        return Rendered(with_commas(value), value, "number", None)
    if style == "dots":
        return Rendered(with_dots(int(value)), value, "number", None)
    if style == "indian":
        return Rendered(indian(int(value)), value, "number", None)
    if style == "percent":
        return Rendered(with_commas(value) + "%", value, "percent", "percentage")
    if style == "words":
        if value != value.to_integral_value():
            raise ValueError("words need a whole number")
        return Rendered(int_to_words(int(value)), value, "number", None)
    if style in ("scale_word", "scale_abbrev", "money_scale"):
        table = {
            "scale_word": SCALE_WORDS,
            "scale_abbrev": SCALE_ABBREVIATIONS,
            "money_scale": MONEY_SCALES,
        }[style]
        for word, scale in sorted(table, key=lambda t: -t[1]):
            if scale_word is not None and word != scale_word:
                continue
            mantissa = value / scale
            if mantissa >= 1 and mantissa == round(mantissa, 3):
                digits = plain(mantissa.normalize() if mantissa % 1 else mantissa.quantize(1))
                sep = " " if word.isalpha() and len(word) > 3 else ""
                if style == "money_scale":
                    return Rendered(
                        f"{currency}{digits}{sep}{word}", value, "money", CURRENCY_UNITS[currency]
                    )
                return Rendered(f"{digits}{sep}{word}", value, "number", None)
        raise ValueError(f"no scale writes {value} exactly")
    raise ValueError(f"unknown style {style!r}")


@st.composite
def rendered_numbers(draw: st.DrawFn) -> Rendered:
    """A number written in any supported style, with what it must parse back to."""
    style = draw(st.sampled_from(STYLES))
    if style == "plain":
        return render(draw(news_decimals.filter(lambda v: not year_like(v))), "plain")
    if style == "commas":
        return render(draw(news_decimals), "commas")
    if style == "dots":
        return render(Decimal(draw(st.integers(min_value=10**6, max_value=10**15))), "dots")
    if style == "indian":
        return render(Decimal(draw(st.integers(min_value=10**5, max_value=10**15))), "indian")
    if style == "percent":
        value = draw(
            st.one_of(st.integers(0, 1000).map(Decimal), decimals_with_places(max_whole=1000))
        )
        spelling = draw(st.sampled_from(PERCENT_SPELLINGS))
        return Rendered(with_commas(value) + spelling, value, "percent", "percentage")
    if style == "words":
        small = st.integers(min_value=2, max_value=999)
        big = st.integers(min_value=1000, max_value=10**12)
        return render(Decimal(draw(st.one_of(st.just(0), small, big))), "words")
    table = {
        "scale_word": SCALE_WORDS,
        "scale_abbrev": SCALE_ABBREVIATIONS,
        "money_scale": MONEY_SCALES,
    }[style]
    word, scale = draw(st.sampled_from(table))
    places = draw(st.integers(min_value=0, max_value=2))
    units = draw(st.integers(min_value=10**places, max_value=999 * 10**places))
    value = Decimal(units).scaleb(-places) * scale
    currency = draw(st.sampled_from(sorted(CURRENCY_UNITS)))
    return render(value, style, word, currency)


# -- qualifiers -----------------------------------------------------------------------

#: What each qualifier shape of qualifiers.toml gives: (qualifier, approximate, interval).
SHAPE_RESULTS = {
    "gt": ("gt", False, Interval.greater),
    "ge": ("ge", False, Interval.at_least),
    "lt": ("lt", False, Interval.less),
    "le": ("le", False, Interval.at_most),
    "eq": ("eq", False, Interval.point),
    "approx": ("eq", True, Interval.point),
    "nearly": ("lt", True, Interval.less),
    "just_over": ("gt", True, Interval.greater),
}


class Qualified(NamedTuple):
    """A qualified expression and the claim it must give."""

    text: str
    value: Decimal
    interval: Interval
    qualifier: str
    approximate: bool
    kind: str
    unit: str | None


def _phrase(words: tuple[str, ...]) -> str:
    return " ".join(words)


BEFORE_PHRASES = sorted((_phrase(k), v) for k, v in LEXICON.qualifiers_before.items())
AFTER_PHRASES = sorted(
    (_phrase(k), v) for k, v in LEXICON.qualifiers_after.items() if v != "or_equal"
)
#: Strict before-phrases in words ("more than", "under"), which "or equal to" can follow.
STRICT_WORD_PHRASES = [
    (p, s) for p, s in BEFORE_PHRASES if s in ("gt", "lt") and p.replace(" ", "").isalpha()
]
OR_EQUAL_PHRASES = sorted(
    _phrase(k) for k, v in LEXICON.qualifiers_after.items() if v == "or_equal"
)


def _join_after(number: str, phrase: str) -> str:
    """Write an after-phrase: "-ish", "-odd" and "+" stick to the number."""
    if phrase.startswith("-") or phrase == "+":
        return number + phrase
    return f"{number} {phrase}"


@st.composite
def qualified_numbers(draw: st.DrawFn) -> Qualified:
    """A rendered number with no qualifier, one before, one after, or strict + "or equal"."""
    number = draw(rendered_numbers())
    form = draw(st.sampled_from(("none", "before", "after", "or_equal")))
    shape = "eq"
    text = number.text
    if form == "before":
        phrase, shape = draw(st.sampled_from(BEFORE_PHRASES))
        text = f"{phrase} {number.text}"
    elif form == "after":
        phrase, shape = draw(st.sampled_from(AFTER_PHRASES))
        if phrase.startswith("-") and number.text.endswith("cent"):
            phrase = phrase[1:]  # known extractor bug, tested apart
        text = _join_after(number.text, phrase)
    elif form == "or_equal":
        before, strict = draw(st.sampled_from(STRICT_WORD_PHRASES))
        after = draw(st.sampled_from(OR_EQUAL_PHRASES))
        text = f"{before} {number.text} {after}"
        shape = "ge" if strict == "gt" else "le"
    qualifier, approximate, make = SHAPE_RESULTS[shape]
    return Qualified(
        text, number.value, make(number.value), qualifier, approximate, number.kind, number.unit
    )


# -- ranges ---------------------------------------------------------------------------

#: What follows "X" in "X-Y" when the extractor takes "X-Y" for a phone number.
PHONE_LIKE = re.compile(r"(?:[-/.]\d{2,}){2,}")
RANGE_FORMS = ("between {x} and {y}", "from {x} to {y}", "{x} to {y}", "{x}-{y}", "{x}–{y}")


class RangeExpr(NamedTuple):
    """A range as written and its closed interval."""

    text: str
    low: Decimal
    high: Decimal


@st.composite
def ranges(draw: st.DrawFn) -> RangeExpr:
    """``between X and Y``, ``from X to Y``, ``X to Y``, ``X-Y``, ``X–Y`` with X < Y.

    Both ends are written in the same digit style (plain or with commas).
    """
    low = draw(news_decimals)
    gap = draw(news_decimals.filter(lambda d: d > 0))
    high = low + gap
    writer = draw(st.sampled_from((plain, with_commas)))
    if writer is plain and (year_like(low) or year_like(high)):
        writer = with_commas
    form = draw(st.sampled_from(RANGE_FORMS))
    if form == "{x}-{y}" and PHONE_LIKE.match("-" + writer(high)):
        form = "{x}–{y}"  # known extractor bug, tested apart (see the module docstring)
    return RangeExpr(form.format(x=writer(low), y=writer(high)), low, high)


# (larger unit's name, its written forms one / many, smaller unit's name, its forms, ratio)
MIXED_UNITS: Final = (
    ("hour", ("hour", "hours", "hr"), "minute", ("minute", "minutes", "min", "mins"), 60),
    ("minute", ("minute", "minutes", "min"), "second", ("second", "seconds", "sec", "secs"), 60),
    ("day", ("day", "days"), "hour", ("hour", "hours"), 24),
    ("foot", ("foot", "feet", "ft"), "inch", ("inch", "inches"), 12),
    ("pound-mass", ("lb", "lbs"), "ounce", ("oz",), 16),
)


class Mixed(NamedTuple):
    """A measure written in two units ("2 hours 5 minutes") and what it is in the
    smaller unit."""

    text: str
    value: Decimal
    unit: str


@st.composite
def mixed_measures(draw: st.DrawFn, fits: bool = True) -> Mixed:
    """``<whole> <larger unit> <n> <smaller unit>``, the second number less than the ratio
    between the units when ``fits`` (one measure), at least the ratio otherwise (two)."""
    _, larger, name, smaller, ratio = draw(st.sampled_from(MIXED_UNITS))
    whole = draw(st.integers(1, 99))
    if fits:
        part = Decimal(draw(st.integers(0, ratio * 100 - 1))).scaleb(-2).normalize()
        part = part.quantize(Decimal(1)) if part == part.to_integral_value() else part
    else:
        part = Decimal(draw(st.integers(ratio, ratio * 5)))
    text = f"{whole} {draw(st.sampled_from(larger))} {part:f} {draw(st.sampled_from(smaller))}"
    return Mixed(text, whole * ratio + part, name)


# -- arbitrary text -------------------------------------------------------------------

_WORDS = [
    "the",
    "troops",
    "said",
    "people",
    "were",
    "in",
    "May",
    "on",
    "of",
    "a",
    "and",
    "to",
    "rose",
    "fell",
    "Kursk",
    "North",
    "Korean",
    "soldiers",
    "per",
    "cent",
    "percent",
    "km",
    "miles",
    "dollars",
    "pounds",
    "million",
    "bn",
    "k",
    "m",
    "between",
    "from",
    "some",
    "tens",
    "thousands",
    "hundreds",
    "dozen",
    "half",
    "one",
    "twenty",
    "hundred",
    "a.m.",
    "line",
    "F",
    "COVID",
    "Boeing",
    "November",
]
_PUNCT = [*".,;:!?()[]\"'-–—/%$€£¥+~<>=≥≤≈×½¼\n\t ", "  ", "\n\n", "...", "°C"]
_DIGITS = st.from_regex(r"\A[0-9]{1,7}([.,:/][0-9]{1,4})?\Z", fullmatch=True)
_QUALIFIER_WORDS = [*(p for p, _ in BEFORE_PHRASES + AFTER_PHRASES), *OR_EQUAL_PHRASES]
_TRENDS = [_phrase(k) for k in LEXICON.trends_before]

news_tokens = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_PUNCT),
    _DIGITS,
    st.sampled_from(_QUALIFIER_WORDS),
    st.sampled_from(_TRENDS),
    st.sampled_from(sorted(LEXICON.number_words)),
    rendered_numbers().map(lambda r: r.text),
)


@st.composite
def newsish_text(draw: st.DrawFn) -> str:
    """Text built from words, digits, punctuation, qualifiers and numbers, some glued."""
    tokens = draw(st.lists(news_tokens, max_size=40))
    seps = draw(
        st.lists(
            st.sampled_from(["", " ", " ", " ", "\n"]), min_size=len(tokens), max_size=len(tokens)
        )
    )
    return "".join(t + s for t, s in zip(tokens, seps, strict=True))


# -- intervals and claims for comparison ---------------------------------------------------


@st.composite
def intervals(draw: st.DrawFn, max_abs: int = 1000) -> Interval:
    """Non-empty intervals with small integer or half-integer bounds, any side open,
    closed or unbounded (small values make touching and equal bounds common)."""
    bound = st.integers(-max_abs, max_abs).map(lambda n: Decimal(n) / 2)
    low = draw(st.none() | bound)
    high = draw(st.none() | bound)
    if low is not None and high is not None and low > high:
        low, high = high, low
    low_closed = None if low is None else draw(st.booleans())
    high_closed = None if high is None else draw(st.booleans())
    if low is not None and low == high:
        low_closed = high_closed = True  # a point; (x, x) would be empty
    return Interval(low, high, low_closed, high_closed)


def stated_quantity(interval: Interval, **fields: Any) -> Quantity:
    """A bare-number quantity stating exactly ``interval``: a point, a range or a one-sided
    bound (kind "number" is never clipped at zero, so intervals stay as drawn)."""
    if interval.is_point:
        qualifier = "eq"
    elif interval.low is not None and interval.high is not None:
        qualifier = "range"
    elif interval.low is not None:
        qualifier = "ge" if interval.low_closed else "gt"
    elif interval.high is not None:
        qualifier = "le" if interval.high_closed else "lt"
    else:
        qualifier = "range"
    value = interval.low if qualifier in ("eq", "gt", "ge") else interval.high
    return Quantity(
        None if qualifier == "range" else value,
        interval,
        qualifier,  # type: ignore[arg-type]
        **{"kind": "number", **fields},
    )


def claim_for(
    interval: Interval,
    source: str | None,
    key: str = "troop|||",
    published: str | None = None,
    *,
    context: str = "were dropped on the camp",
    precision: Decimal | None = None,
    approximate: bool = False,
) -> Claim:
    """A claim stating exactly ``interval`` (see `stated_quantity`) in a sentence that
    goes on with ``context``; ``precision``: the place value of its last written digit
    (approximate with none: a vague magnitude such as "dozens")."""
    quantity = stated_quantity(interval, precision=precision, approximate=approximate)
    text = f"{interval} things"
    return Claim(
        surface=text,
        start=0,
        end=len(text),
        quantity=quantity,
        sentence=f"{text} {context}.",
        sentence_start=0,
        source=source,
        published=published,
        subject=Subject(text="things", head="thing", key=key),
    )


@st.composite
def sourced_claims(draw: st.DrawFn, min_size: int = 1, max_size: int = 8) -> list[Claim]:
    """Claims under one key from up to four sources, some dated, some not."""
    n = draw(st.integers(min_size, max_size))
    return [
        claim_for(
            draw(intervals()),
            draw(st.sampled_from(["A", "B", "C", "D"])),
            published=draw(st.sampled_from([None, "2025-03-01", "2025-03-02"])),
            context=" ".join(draw(st.lists(st.sampled_from(CONTEXT_WORDS), max_size=3))),
            precision=draw(st.sampled_from([None, Decimal(1), Decimal(10)])),
            approximate=draw(st.sampled_from([False, False, False, True])),
        )
        for _ in range(n)
    ]


#: Words the sentences of `sourced_claims` share or not (two shared: enough context).
CONTEXT_WORDS = ["camp", "dropped", "raid", "village", "the", "were"]
