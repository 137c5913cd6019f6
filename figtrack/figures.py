"""Read one figure around a candidate number: qualifier, range, unit, trend and kind.

Every look at the surrounding text is bounded (a window of a few words on each side), so
the work per candidate is constant and extraction stays linear in the text length.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
import regex

from figtrack.lexicon import Lexicon
from figtrack.model import AGE_UNIT, FIGURE_KINDS, Interval, Quantity, new_interval, new_quantity
from figtrack.numbers import MAX_DIGITS, NumberError, NumberParser, value_step, written_step
from figtrack.scan import Scanner
from figtrack.unitexpr import read_unit_expression
from figtrack.units import UnitTable

WINDOW: Final = 48  # characters looked at on each side of a number

# a capitalised word and a comma right before a number: "Lena Ortiz, 61, ..."
_NAME_COMMA: Final = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]*(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)?),[ \t]\Z"
)
# a number times the next: "1,024 x 768" (the second number sizes, it counts nothing)
_TIMES_BEFORE: Final = re.compile(r"\d ?[x×] ?$")
# "a", "an" or "the" ending right before a number, after a space or the text's start
_ARTICLE_BEFORE: Final = re.compile(r"(?:^|(?<=[\s(\[\"“]))(an?|the|An?|The|THE) $")
_LEFT_TOKEN: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?\.?|[<>=≥≤~≈]+|[$£€¥₹]|\S")
_LAST_TOKEN: Final = regex.compile(_LEFT_TOKEN.pattern, regex.REVERSE)
_RIGHT_WORD: Final = re.compile(
    r"[ \t]*(?:-[ \t]*)?((?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’-][^\W\d_]+)*\.?)"
)
# the spaces (and a hyphen) _RIGHT_WORD skips before its word
_RIGHT_GAP: Final = re.compile(r"[ \t]*(?:-[ \t]*)?")
_GAP_CHARS: Final = " \t-"  # the characters such a gap can start with
#: The longest word the right-context readers read (characters): a longer "word" (a run
#: of vulgar fractions, a hyphen chain of number words) is no unit, qualifier or noun, and
#: reading it whole from every figure in it would take time quadratic in its length.
WORD_MAX: Final = 64
_CURRENCY_BEFORE: Final = re.compile(
    r"(?:(?P<sym>(?:(?:US|HK|AU|NZ|Aus|Can|NT)[ ]?|(?<![^\W\d_])(?:U\.S\.|C[ ]?|A|S|R))?\$"
    r"|\$[ ]?(?:US|A)|[£€¥₹]|Rs\.?|Y=|\bPS)"
    r"|\b(?P<code>USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|INR|RMB)(?:\.\Z|[ ]?))[ ]?\Z"
)
# the last characters a match of _CURRENCY_BEFORE can have before its spaces
_CURRENCY_LAST: Final = frozenset("$£€¥₹.=sSDRPYFNBA")
# (the ordinal sign "º" before C, F or K stands for the degree sign: "40ºC"; alone it may be
# an ordinal, "1º")
_SYMBOL_AFTER: Final = re.compile(r"[ ]?(%|‰|°[ ]?[CFK]?|º[ ]?[CFK](?![^\W\d_])|′|″|'|\"|€|£|\$|¥)")
_SYMBOL_FIRST: Final = frozenset("%‰°º′″'\"€£$¥")  # the first characters _SYMBOL_AFTER can match
_ATTACHED_WORD: Final = re.compile(r"[^\W\d_]+")
_SCALE_AFTER: Final = re.compile(r"(?:[ ]?-?[ ]?)([^\W\d_]+)(?![^\W\d_])")
_RANGE_CONNECTOR: Final = re.compile(
    r"(?:-(?=[ \t]+(?:to|through|and)\b))?"  # a suspended hyphen: "6- to 9-metre"
    r"[ \t]*(?:(?P<pm>±|\+/-|\+/−|\+-)|(?P<dash>-|–|—|~)"
    r"|(?P<word>to|through|thru|and|until|till|or))[ \t]*"
    r"(?P<cur>\$(?:US|A)(?![^\W\d_])|(?:US|C|A|HK)?\$|[£€¥])?[ ]?",
    re.IGNORECASE,
)
# the characters other than letters that _RANGE_CONNECTOR can start with
_CONNECTOR_FIRST: Final = " \t-+±–—~"
# a letter run and what may make it a compound: a power or operator after it, "squared", or
# a second symbol with a negative power after a space ("W m−2", "km s−1")
_UNIT_RUN: Final = re.compile(
    r"[ ]?([^\W\d_]{1,8})"
    r"([\^²³⁻¹/·⋅\d]|[-−]\d|[ ](?:squared|cubed)\b|[ ][^\W\d_]{1,4}(?:\^?[-−⁻]))?"
)
_POWER_WORDS: Final = frozenset({"square", "sq", "cubic", "cu"})
# the gaps of a list of figures: "and" or "or" alone, or a comma (and "and" or "or")
_PLAIN_LIST_GAP: Final = re.compile(r"[ \t]+(?:and|or)[ \t]+")
_COMMA_LIST_GAP: Final = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?")
# what may follow the last member of a list of figures: a stop, or a word of no noun
_MEMBER_END: Final = re.compile(
    r"[ \t]*(?:[,.;:)\]]|\Z|(?:and|or|respectively|each|in|on|at|to|from|for|during|over"
    r"|against|versus|vs|last|this|year-on-year|a|per)\b)"
)


def _list_gap(text: str, figs: Sequence[Figure], i: int) -> int:
    """The gap between figures ``i - 1`` and ``i``: 1 for "and" or "or" alone, 2 for a
    comma (and "and" or "or"), 0 for anything else or no such pair."""
    if i < 1 or i >= len(figs):
        return 0
    a, b = figs[i - 1].end, figs[i].start
    if _PLAIN_LIST_GAP.fullmatch(text, a, b) is not None:
        return 1
    return 2 if _COMMA_LIST_GAP.fullmatch(text, a, b) is not None else 0


def _listed(text: str, figs: Sequence[Figure], i: int) -> bool:
    """Whether figure ``i`` is a later member of a list with the figure before: "and" or
    "or" alone between them ("2% and 3%"), or a comma where the list goes on past a third
    member ("2%, 3% and 4%", "2%, 3%, and 4%"). Two figures with a comma alone between
    them stand in clauses of their own ("fell 4%, 52% of voters ...", "killed 30, and 12
    soldiers were hurt"). Read only when asked: most figures carry no trend to pass on."""
    gap = _list_gap(text, figs, i)
    return gap == 1 or (
        gap == 2 and (_list_gap(text, figs, i + 1) > 0 or _list_gap(text, figs, i - 1) == 2)
    )


def _ends_member(text: str, end: int) -> bool:
    """Whether nothing of its own follows a list's figure ending at ``end``: a stop, or a
    preposition or time word rather than "of" and its noun or a verb."""
    return _MEMBER_END.match(text, end) is not None


# letters written against a number, up to the next non-letter: "in" of "11in"
_GLUED_SYMBOL: Final = re.compile(r"[^\W\d_]+(?![\w'’])")
# "of" after a number: "3/7 of a point" is a fraction
_OF_AFTER: Final = re.compile(r"[ \t]+of\b", re.IGNORECASE)
# a fraction written in digits alone: "3/4", "9/11"
_SLASH_PAIR: Final = re.compile(r"(\d{1,3})/(\d{1,3})")
# the word before a list of bare numbers that ends at a position: "of" of "of 3, 4 and "
_LIST_LEAD: Final = re.compile(
    r"([^\W\d_]+)[ \t]+(?:\d[\d.,]*[ \t]*(?:,[ \t]*|(?:and|or)[ \t]+)(?:(?:and|or)[ \t]+)?)*\Z"
)
# the ordinal sign written for the degree sign, before the scale's letter: "40ºC"
_ORDINAL_DEGREES: Final = re.compile(r"º[ ]?[CFK](?![^\W\d_])")
# "of a million" after a fraction in words: "two thirds of a million"
_OF_A_SCALE: Final = re.compile(r"[ \t]+of[ \t]+an?[ \t]+([^\W\d_]+)(?![^\W\d_])", re.IGNORECASE)
# what stands between a fraction and the unit it is a part of: "half a mile", "a third
# of an acre"
_PART_ARTICLE: Final = re.compile(r"(?:[ \t]+(of))?[ \t]+an?(?=[ \t])", re.IGNORECASE)
# the word right before a position, after a space
_WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)[ \t]+\Z")
# the two words right before a position, each after a space: "halted on" of "halted on
# Four Rivers", not the "s" of "Orvex's"
_LEFT_WORDS: Final = re.compile(r"(?<![^\s])([^\W\d_]+) ([^\W\d_]+) \Z")
# dashes, which set off what follows them and name nothing ("40 cars — 12 of them")
_DASHES: Final = frozenset(["-", "–", "—"])
# the words that join two modifiers of one counted noun: "300 oil and gas wells"
_ADJECTIVE_JOINERS: Final = frozenset(("and", "or"))
_LIST_GAP: Final = re.compile(r"-?[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)")
_RESTATE_GAP: Final = re.compile(r"[ \t]*(?:\([ \t]*|(?:[^\W\d_]+)?,[ \t]*or[ \t]+)")
# ", Burlington by " between two figures: the second repeats the change of the first
_GAPPED_BY: Final = re.compile(
    r"[ \t]*[,;][ \t]*(?:and[ \t]+|while[ \t]+)?(?P<name>[^\W\d_][^,;.\d\n]{0,40}?)[ \t]by[ \t]+"
)
# one to three capitalised words after a number; the last may end a street name
_STREET: Final = re.compile(
    r"(?:[ ]+(?:[A-Z][\w'’-]*\.?|\d{1,3}(?:st|nd|rd|th)))"  # "Downing", "E 52nd"
    r"{0,2}[ ]+([A-Z][a-z]*\.?)(?![\w'’-])"
)
# a street word before the name, as French, Spanish and Italian addresses have it
_STREET_FIRST: Final = re.compile(r"[ ]+([A-Z][a-z]*\.?)[ ]+[A-Z][a-z]")
_ID_TAIL: Final = re.compile(r"[-/]\d{1,6}(?![\d]|[.,]\d)")
_HOUSE_RANGE: Final = re.compile(r"-\d{1,5}(?![\d]|[.,]\d)")
_SLASH_GAP: Final = re.compile(r"[ \t]*[/,][ \t]*")
_NUMBER_END: Final = re.compile(r"[\d.:]+\Z")
_TIME_AFTER: Final = re.compile(r"(?::\d\d(?!\d))|(?:[ ]?(?:[ap]\.?m\.?)(?![^\W\d_]))", re.I)
_PHONE_AFTER: Final = re.compile(r"(?:[-/]\d{2,}){2,}")
_FURNITURE_LEFT: Final = re.compile(r"(?:^|\n)[ \t•*·#(\[>-]*\Z")
_FURNITURE_RIGHT: Final = re.compile(r"[ \t.)\]]*(?:\n|\Z)")
# what may stand between a figure and a number that leaves its unit out: words, commas,
# years; never a sentence end, a bracket or a line break
_ELISION_GAP: Final = re.compile(r"[ \t]*,?[ \t]*(?:[^\W_][\w'’&-]*\.?,?[ \t]+)*")
_OPEN_BRACKET: Final = re.compile(r"[ \t]*\([ \t]*")
_CLOSE_BRACKET: Final = re.compile(r"[ \t]*\)")
_SENTENCE_BREAK: Final = re.compile(r"[.!?;][ \t\n]|\n")
# between the two parts of a measure in two units: "1hr 4 mins", "5 feet 11 inches", 5'10"
# (spaces only: a tab parts the cells of a table)
_MIXED_GAP: Final = re.compile(r" *")
# an address of four parts up to 255 ("192.168.100.200"), not a number grouped with
# points ("1.250.000.000": its last part is no "000")
_ADDRESS: Final = re.compile(
    r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?!000\Z)(?:25[0-5]|2[0-4]\d|1?\d?\d)"
)
# "a" or "an" as a word where a figure starts: "a mile", not "another 5 miles"
_ARTICLE_AT: Final = re.compile(r"an?[ \t]", re.IGNORECASE)
# a word and " and " ending where a fraction starts: "mile" of "a mile and a half a day"
_UNIT_AND: Final = re.compile(r"([^\W\d_]+)[ \t]+and[ \t]+\Z")
# " and " before "a half" that ends a measure: "a mile and a half"
_AND_GAP: Final = re.compile(r"[ \t]+and[ \t]+\Z")
# "a" or "an" and a word ending where such a gap starts: "a year" of "a year and a half"
_ARTICLE_UNIT_BEFORE: Final = re.compile(r"(?<![^\W\d_])([Aa]n?)[ \t]+([^\W\d_]+)\Z")
# a part before its whole: "5 of the 10 victims", "one out of three voters"
_PART_OF_GAP: Final = re.compile(
    r"[ \t]+(?:out[ \t]+)?of[ \t]+(?:(?:the|its|their|his|her|our)[ \t]+)?"
)
_COMPOUND_GAP: Final = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|but)?[ \t]*(?:,[ \t]*)?\Z", re.I)
_PER: Final = re.compile(r"[ ]?(?:/|per[ ]|an?[ -](?=[^\W\d_]))[ ]?")
# the other side of a pair of number words joined by hyphens: "one-on-one", "four-by-four"
_PAIR_AFTER: Final = re.compile(r"-([^\W\d_]+)-([^\W\d_]+)")
_PAIR_BEFORE: Final = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)-\Z")
#: what joins the two numbers of a ratio: "one in five", "one in every 20", "three out of four"
_RATIO_LINK: Final = re.compile(r"[ \t]+(in|out[ \t]+of)[ \t]+(?:every[ \t]+)?", re.IGNORECASE)
# "of" and a word after a lone number noun that must have them ("scores of senators"), or
# after a fraction ("a third of voters")
_OF_WORD: Final = re.compile(r"[ \t]+of[ \t]+([^\W\d_][-\w]*)", re.IGNORECASE)
# a hyphen left hanging before the noun of a later number: "two-, three- and four-bedroom"
_SUSPENDED: Final = re.compile(
    r"-(?:,[ ]*(?:(?:and|or)[ ]+)?|[ ]+(?:and|or|to)[ ]+)"
    r"(?:[\w.]{1,12}-(?:,[ ]*(?:(?:and|or)[ ]+)?|[ ]+(?:and|or|to)[ ]+)){0,6}"
    r"[\w.]{1,12}(?=-[^\W\d_])"
)
# a model's name between a count and its noun: a maker or series word before a number
# ("Orvex 737-800", "Tuvo 3"), or a code of capitals and digits ("TX-16", "T320",
# "Vx-29", "Orvex T320"), with a name after it ("T1 Varn")
_CODE: Final = r"[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Z]{0,2}(?:-\d{1,4})?"
_DESIGNATION: Final = re.compile(
    rf"[ ](?:[A-Z][A-Za-z]{{1,12}}[ ](?:\d{{1,4}}(?:-\d{{1,4}})?|{_CODE})|{_CODE})"
    r"(?![\w-])(?:[ ][A-Z][a-z]{1,12})?(?=[ ][a-z])"
)
# endings of words that end in "s" without being plurals: "previous", "bonus", "crisis"
_NOT_PLURAL: Final = ("ss", "us", "is")
_OR_THAN: Final = re.compile(r"[ \t]+(?:or|than|equal)\b", re.I)
_THAN: Final = re.compile(r"[ \t]*(?:than[ \t]+)?(?:[$£€][ ]?)?(?:an?[ \t]+)?")
_AM_PM: Final = re.compile(r"[ ]?[ap]\.?m\.?(?![^\W\d_])", re.I)
# the opening number and link of a range before a number: "30-", "50 to ", "40 K and "
_RANGE_TAIL: Final = re.compile(r"[\d.,]+\s*(?:K\s*)?(?:-|–|to|and)\s*\Z")
_DASH_NUMBER: Final = re.compile(r"[ ]?[-–][ ]?(\d+)(?![\d.,])")
# a season or financial year: "2001/2", "2003/04" (the second year's last digits)
_SEASON: Final = re.compile(r"(1[89]\d\d|2[01]\d\d)/(\d\d?)")
# a day range before a month: "6-9 January", "6 to 9 Jan."
_DAYS_MONTH: Final = re.compile(r"(?:[ ]?[-–][ ]?|[ ]+(?:to|and|or)[ ]+)(\d\d?)[ ]+([A-Za-z]+)")
_DECADE_BEFORE: Final = re.compile(r"(?:\bthe |mid-|['’])\Z", re.I)  # "the 1980 s", "mid-80 s"
_CLOCK: Final = re.compile(r"(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?")
_OPERATOR_CHARS: Final = "<>=≥≤~≈"
_APPROX_SIGNS: Final = ("~", "∼", "≈")  # before a number: about
_OPERATOR: Final = re.compile(f"[{_OPERATOR_CHARS}]+")
_BEFORE_SIGN: Final = frozenset(" \t\n([{$€£¥:=,;/<>≤≥~")
_DOTTED: Final = frozenset({"approx.", "est.", "ca.", "c."})
_PERCENT_UNITS: Final = frozenset(
    {
        "percentage",
        "percentage point",
        "per mille",
        "parts-per-million",
        "parts-per-billion",
        "parts-per-trillion",
        "parts-per-quadrillion",
        "basis point",
        "weight percent",
        "volume percent",
    }
)
#: "to" or "at" before a signed percentage: a level ("fell to -3%"), not "up to +5%"
_LEVEL_BEFORE_SIGN: Final = re.compile(r"(?<![\w-])(?<!up )(?:to|at)[ \t]+\Z", re.IGNORECASE)
#: "from" right before a number: the level a move starts from ("fell from 4,120 to ...")
#: and the move word before it, past an adverb in -ly ("fell sharply from")
_FROM_BEFORE: Final = re.compile(
    r"\b([^\W\d_]+)(?:[ \t]+[^\W\d_]+ly)?[ \t]+from[ \t]+\Z", re.IGNORECASE
)
#: What stands between a move's two levels: "to", after at most a few words ("in 2022")
_MOVE_GAP: Final = re.compile(
    r"(?:[ \t]+(?!(?:and|or|but)\b)[\w']+){0,4}?[ \t]+to[ \t]+", re.IGNORECASE
)


_LOWER_BOUNDS: Final = ("gt", "ge")
_UPPER_BOUNDS: Final = ("lt", "le")


# the interval factories, for the hot path: a stated value is never None
def _from_to(text: str, f: Figure, nxt: Figure) -> str | None:
    """The word before "from" when "from" stands before ``f`` and "to" before ``nxt``
    (past an adverb in -ly, and a few words after ``f``): "fell sharply from 4,120 to
    3,870" gives "fell"; else None."""
    before = _FROM_BEFORE.search(text, max(0, f.start - 40), f.start)
    if before is None or not _MOVE_GAP.fullmatch(text, f.end, nxt.start):
        return None
    return before.group(1).lower()


def _point(x: Decimal) -> Interval:
    return new_interval(x, x, True, True)


def _closed(low: Decimal, high: Decimal) -> Interval:
    return new_interval(low, high, True, True)


def _greater(x: Decimal) -> Interval:
    return new_interval(x, None, False, None)


def _at_least(x: Decimal) -> Interval:
    return new_interval(x, None, True, None)


def _less(x: Decimal) -> Interval:
    return new_interval(None, x, None, False)


def _at_most(x: Decimal) -> Interval:
    return new_interval(None, x, None, True)


#: the interval a one-sided or exact qualifier gives a stated value
_BOUND_SHAPES: Final = {"eq": _point, "gt": _greater, "ge": _at_least, "lt": _less, "le": _at_most}


class Atom:
    """A number as written: where it is and what it is worth.

    A plain class, not a named tuple: compiled, it is built and read several times faster
    (a few hundred thousand per 16 MB of news). Treat it as immutable: `but` gives a
    changed copy.
    """

    __slots__ = ("end", "high", "low", "raw", "scaled", "start", "step", "value", "words")

    def __init__(
        self,
        start: int,
        end: int,
        value: Decimal,
        low: Decimal | None,  # set for vague magnitudes ("thousands")
        high: Decimal | None,
        scaled: bool,  # a scale word or abbreviation was applied
        words: bool,  # written in words
        raw: Decimal,  # the value before any scale
        step: Decimal | None = None,  # place value of the last significant written digit
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.low = low
        self.high = high
        self.scaled = scaled
        self.words = words
        self.raw = raw
        self.step = step

    def __reduce__(self) -> tuple[type[Atom], tuple[Any, ...]]:
        return Atom, (
            self.start,
            self.end,
            self.value,
            self.low,
            self.high,
            self.scaled,
            self.words,
            self.raw,
            self.step,
        )

    def but(
        self,
        start: int | None = None,
        end: int | None = None,
        value: Decimal | None = None,
        scaled: bool | None = None,
        raw: Decimal | None = None,
        step: Decimal | None = None,
    ) -> Atom:
        """A copy with the fields given (not None) changed."""
        return Atom(
            self.start if start is None else start,
            self.end if end is None else end,
            self.value if value is None else value,
            self.low,
            self.high,
            self.scaled if scaled is None else scaled,
            self.words,
            self.raw if raw is None else raw,
            self.step if step is None else step,
        )


class Figure:
    """A figure read from the text, before it becomes a `Claim`: its span and quantity.

    A plain class, not a named tuple, as `Atom` is, and as immutable; it pickles and
    copies, and equals a figure of the same fields (not a tuple).
    """

    __slots__ = ("end", "quantity", "start")

    def __init__(self, start: int, end: int, quantity: Quantity) -> None:
        self.start = start
        self.end = end
        self.quantity = quantity

    def __eq__(self, other: object) -> bool:
        # the quantity compared as an object: compiled, `==` of two `Quantity` values
        # would be identity (mypyc does not see the `__eq__` attrs adds)
        mine: object = self.quantity
        return (
            isinstance(other, Figure)
            and self.start == other.start
            and self.end == other.end
            and mine == other.quantity
        )

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.quantity))

    def __repr__(self) -> str:
        return f"Figure(start={self.start}, end={self.end}, quantity={self.quantity!r})"

    def __reduce__(self) -> tuple[type[Figure], tuple[int, int, Quantity]]:
        # compiled, the default (a bare object, then its slots) does not work
        return Figure, (self.start, self.end, self.quantity)


@functools.lru_cache(maxsize=8192)
def _norm(token: str) -> str:
    """A token as the phrase tables hold it: lower case, an abbreviation's dot dropped."""
    low = token.lower()
    if low[-1:] == "." and len(low) > 2 and low[:-1].isalpha() and low not in _DOTTED:
        return low[:-1]
    return low


#: `value_step` of the values number words recur with ("two", "million"); equal values
#: give equal steps (it reads the normalised value), so one entry serves them all
_value_step: Callable[[Decimal], Decimal] = functools.lru_cache(maxsize=1024)(value_step)


def _unit_key(word: str) -> str:
    low = word.lower()
    return low.replace("μ", "µ") if "μ" in low else low


def singular(word: str, lex: Lexicon) -> str:
    """The singular of an English noun, by the lexicon's irregulars and plain rules."""
    w = word.lower().strip(".'’")
    if w in lex.irregular_plurals:
        return lex.irregular_plurals[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"  # "fishermen", "servicemen"
    if w.endswith("zzes"):
        return w[:-3]  # "quizzes"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is", "ous")) or len(w) < 3:
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


def _hundredth_of(x: Decimal, m: Decimal | int) -> Decimal:
    """``x / m`` for a share in per cent, without trailing zeros: a whole number when it is
    one ("25.00" is 25), else the division's 28 significant digits.

    >>> _hundredth_of(Decimal(300), 7)
    Decimal('42.85714285714285714285714286')
    >>> _hundredth_of(Decimal("25.00"), 1)
    Decimal('25')
    """
    share = x / m
    if share == share.to_integral_value():
        return share.quantize(Decimal(1))
    return share.normalize()


def _as_share(q: Quantity, whole: Decimal) -> Quantity:
    """``q`` out of ``whole`` as a share in per cent ("one in five": 1 of 5 is 20%)."""
    iv = q.interval
    return attrs.evolve(
        q,
        value=None if q.value is None else _hundredth_of(q.value * 100, whole),
        interval=Interval(
            None if iv.low is None else _hundredth_of(iv.low * 100, whole),
            None if iv.high is None else _hundredth_of(iv.high * 100, whole),
            iv.low_closed,
            iv.high_closed,
        ),
        kind="percent",
        unit="percentage",
        precision=None,
        scaled=False,
    )


def _looks_plural(low: str, lex: Lexicon) -> bool:
    """Whether the lower-case word ``low`` reads as a plural noun ("songs", "people")."""
    return low in lex.irregular_plurals or (
        low.endswith("s") and not low.endswith(_NOT_PLURAL) and len(low) > 3
    )


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]``, lower-case, a hyphen parting words: "thirds"
    of "about two-thirds"."""
    return text[start:end].replace("-", " ").rsplit(None, 1)[-1].lower()


def _sentence_words_before(text: str, s: int) -> list[str]:
    """The words of ``text`` before offset ``s`` within 64 characters and its sentence
    (from the last line break or ". ", "? ", "! ", ": ", "; "), less a word the window
    cuts."""
    a = max(0, s - 64)
    window = text[a:s]
    cut = max(window.rfind(mark) for mark in ("\n", ". ", "? ", "! ", ": ", "; "))
    words = window[cut + 1 :].split()
    if cut < 0 and a and not text[a - 1].isspace() and not text[a].isspace():
        words = words[1:]  # cut at the window's start
    return words


def _right_word(text: str, pos: int) -> re.Match[str] | None:
    """`_RIGHT_WORD` matched at ``pos``, or None also when its word runs on for more than
    about `WORD_MAX` characters.

    The word is matched within `WORD_MAX` characters of where it starts, so the time is
    bounded by the gap before it. A match that reaches the last two characters of that
    window may have been cut short (the pattern looks one character past its end), so it
    counts as too long; any shorter match is the one the whole text gives.
    """
    global _last_right_word
    last = _last_right_word
    if last[1] == pos and last[0] is text:
        return last[2]
    c = text[pos : pos + 1]
    if c not in _GAP_CHARS:  # no gap ("" is in every string: the end of the text)
        stop = pos + WORD_MAX
    elif c == " " and text[pos + 1 : pos + 2] not in _GAP_CHARS:
        stop = pos + 1 + WORD_MAX  # one space
    else:
        gap = _RIGHT_GAP.match(text, pos)  # always matches (maybe nothing)
        stop = (gap.end() if gap else pos) + WORD_MAX
    w = _RIGHT_WORD.match(text, pos, stop)
    if w is not None and w.end() + 2 > stop and stop < len(text):
        w = None
    _last_right_word = (text, pos, w)
    return w


#: The last word `_right_word` read, with its text and position: the readers of one
#: figure (unit, qualifier, trend, counted noun) often ask for the same word in turn.
#: One tuple, replaced whole, so threads sharing it never see half of an entry.
_NO_WORD: Final[tuple[str, int, re.Match[str] | None]] = ("", -1, None)
_last_right_word = _NO_WORD


def forget_text() -> None:
    """Drop the word `_right_word` remembers, so that it keeps no text alive."""
    global _last_right_word
    _last_right_word = _NO_WORD


def _resolve_shape(shape: str | None, after_shape: str | None) -> tuple[str | None, bool]:
    """The bound of a figure and whether it is hedged, from the qualifier read before it
    (``shape``) and the one read after it: "more than 5 or more" is at least 5, "5 or
    so" is about 5, "nearly 5" is under 5 and hedged."""
    if shape in ("gt", "lt") and after_shape == "or_equal":
        shape, after_shape = ("ge" if shape == "gt" else "le"), None
    elif after_shape == "or_equal":
        after_shape = None
    if after_shape and after_shape != "approx" and shape in (None, "eq", "approx"):
        approx = shape == "approx"
        shape = after_shape
    else:
        approx = False
    if after_shape == "approx":
        approx = True
    if shape == "approx":
        shape, approx = "eq", True
    if shape == "nearly":
        shape, approx = "lt", True
    elif shape == "just_over":
        shape, approx = "gt", True
    return shape, approx


def _sizes_by_last_word(table: Mapping[tuple[str, ...], str]) -> dict[str, tuple[int, ...]]:
    """For each word that ends a phrase of ``table``, the lengths of the phrases it ends,
    longest first."""
    sizes: dict[str, set[int]] = {}
    for phrase in table:
        sizes.setdefault(phrase[-1], set()).add(len(phrase))
    return {word: tuple(sorted(n, reverse=True)) for word, n in sizes.items()}


def _span(low: Atom, high: Atom) -> Interval:
    """The closed interval between the two numbers of a range, whichever is written first."""
    return _closed(min(low.value, high.value), max(low.value, high.value))


def _finer(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """The smaller of two written steps, ignoring an unknown one."""
    if a is None or b is None:
        return a if b is None else b
    return min(a, b)


def _article_start(text: str, start: int, articles: tuple[str, ...]) -> int:
    """Where one of ``articles`` ("a ", "an ") written as a word right before ``start``
    begins, else ``start``."""
    for art in articles:
        at = start - len(art)
        if at >= 0 and text[at:start] == art and not text[at - 1 : at].isalpha():
            return at
    return start


def _season(surface: str) -> tuple[Decimal, Decimal] | None:
    """The two years of a season or financial year written with a slash, "2001/2" and
    "2003/04" (the second year's last digits), else None. Cheap for the digits of most
    numbers, which have no slash: `_nonfigure` asks it of every one."""
    if "/" not in surface:
        return None
    m = _SEASON.fullmatch(surface)
    if m is None:
        return None
    first, last = int(m.group(1)), m.group(2)
    if int(last) != (first + 1) % 10 ** len(last):
        return None
    return Decimal(first), Decimal(first + 1)


def _calendar_span(rng: tuple[Atom, Atom, int, str | None], text: str, nonfigure: str) -> bool:
    """Whether a range read from a date or a year spans days or years: "March 3-5", "4 to
    11 May", "December 1985 to 1986", "1985-90"; not "on March 16 to 1.675 billion"."""
    _, second, _, unit = rng
    if unit is not None or second.scaled or second.words:
        return False
    v = second.value
    if 1000 <= v <= 2200:
        return True
    if nonfigure == "year":
        return len(text[second.start : second.end]) <= 2  # "2016-17", "2005-6"
    return 1 <= v <= 31


class FigureReader:
    """Reads figures with one lexicon and one unit table."""

    def __init__(self, lex: Lexicon, units: UnitTable, scanner: Scanner) -> None:
        self.lex = lex
        self.units = units
        self.scanner = scanner
        self.numbers = NumberParser(lex)
        # number words recur ("two", "one million"): each surface is parsed once
        self._words_value = functools.lru_cache(maxsize=4096)(self.numbers.words)
        # and so do digit surfaces ("10", "1987", "2.5")
        self._digits_value = functools.lru_cache(maxsize=8192)(self._read_digits)
        #: `singular` with this lexicon, each word worked out once
        self.singular: Callable[[str], str] = functools.lru_cache(maxsize=8192)(
            functools.partial(singular, lex=lex)
        )
        self._last_words = frozenset(k[-1] for k in [*lex.qualifiers_before, *lex.trends_before])
        self._qualifier_firsts = frozenset(k[0] for k in lex.qualifiers_before)
        self._after_first = frozenset(k[0][0] for k in lex.qualifiers_after)
        self._after_words = frozenset(k[0] for k in lex.qualifiers_after)
        self._scale_keys = frozenset(
            w.lower() for w in [*lex.scales, *lex.scale_abbreviations, *lex.currency_scales]
        )
        # last words before a number that make read() look further left than one token
        self._context_words = (
            self._last_words
            | {"between", "from", "minus", "negative"}
            | lex.focus_adverbs
            | lex.trend_adjectives
        )
        self._number_words = lex.number_words  # a property that builds its set each time
        subjects = "|".join(sorted(map(re.escape, lex.age_subjects), key=len, reverse=True))
        verbs = "|".join(
            sorted(
                (re.escape(v).replace(r"\ ", "[ \t]+") for v in lex.age_verbs),
                key=len,
                reverse=True,
            )
        )
        self._age_before = re.compile(
            rf"(?<![\w'’])(?:{subjects})[ \t]+(?:{verbs})[ \t]+\Z", re.IGNORECASE
        )
        self._age_markers = lex.age_markers
        # "died in Varnholm at 83": a verb of `age_at_verbs`, then "at" in its clause
        at_verbs = "|".join(sorted(map(re.escape, lex.age_at_verbs), key=len, reverse=True))
        self._age_at = re.compile(
            rf"(?<![\w'’])(?:{at_verbs})\b[^\d.,;:!?()\[\]\"“”]{{0,40}}[ \t]at[ \t]+\Z",
            re.IGNORECASE,
        )
        # the words before a decade ("the 60s", "mid-80s", "the '90s", "the 1950s and 60s")
        # and before an age in decades ("his 40s", "her early 30s")
        leads = "|".join(sorted(map(re.escape, lex.decade_leads), key=len, reverse=True))
        owners = "|".join(sorted(map(re.escape, lex.decade_owners), key=len, reverse=True))
        self._decade_lead = re.compile(
            rf"(?:(?<![\w'’])(?:{leads}|{owners})[ \t-]+|['’]"
            rf"|\d0s(?:,[ \t]*|[ \t]+)(?:(?:and|or|to)[ \t]+)?)\Z",
            re.IGNORECASE,
        )
        # ... and in a list after one: "in their 20s, 30s and 40s"
        self._decade_owner = re.compile(
            rf"(?<![\w'’])(?:{owners})[ \t]+(?:(?:{leads})[ \t-]+)?"
            rf"(?:\d0s,?[ \t]+(?:(?:and|or|to)[ \t]+)?(?:(?:{leads})[ \t-]+)?)*\Z",
            re.IGNORECASE,
        )
        # not a name: "In June, 12, ..."; "On Monday, 40, ..."
        self._not_names = lex.months | lex.weekdays | lex.function_words
        # a unit phrase right before the number: "magnitude 3.9", "magnitude-4.8"
        before = "|".join(
            re.escape(k).replace(r"\ ", "[ \t]+")
            for k in sorted(lex.units_before, key=len, reverse=True)
        )
        self._unit_before = (
            re.compile(rf"(?<![\w-])(?:{before})(?:[ \t]+|-)\Z", re.IGNORECASE) if before else None
        )
        #: `UnitTable.lookup`, each surface worked out once
        self._lookup: Callable[[str], str | None] = functools.lru_cache(maxsize=8192)(units.lookup)
        # the dimensionless units other than percentages: unit_after skips them
        self._dimensionless = frozenset(
            name
            for name, entity in units.entity.items()
            if entity == "dimensionless" and name not in _PERCENT_UNITS
        )
        #: the kind a unit read after a number gives its figure, each unit worked out once
        self._kind_of_unit: Callable[[str | None], str] = functools.lru_cache(maxsize=4096)(
            self._unit_kind
        )
        # for each phrase table _phrase_before reads (by identity), the lengths of its
        # phrases that end with each word, longest first
        self._phrase_sizes = {
            id(table): _sizes_by_last_word(table)
            for table in (lex.qualifiers_before, lex.trends_before)
        }
        # the first word of every unit surface, lower-cased: most words after a number are
        # not one, and this set lets unit_after stop after one look
        self._unit_heads = (
            frozenset(
                _unit_key(surface.split()[0])
                for surface in [*units.symbols, *units.words]
                if surface.strip()
            )
            | frozenset(_unit_key(s.split()[0]).rstrip(".") for s in units.words if s.strip())
            | frozenset(_unit_key(s) for s in lex.money_after_scale)  # "marks", money only
        )
        # the first words of every surface of two words or more ("per" of "per cent")
        self._unit_prefixes = frozenset(
            " ".join(_unit_key(surface).split()[:n])
            for surface in [*units.symbols, *units.words]
            for n in range(1, len(surface.split()))
        )

    # -- the number itself ------------------------------------------------------------
    def atom(self, text: str, m: regex.Match[str]) -> Atom | None:
        """The number a scanner match stands for, with a scale word after it applied."""
        kind = m.lastgroup
        start, end = m.span()
        if (
            kind in ("v", "w")
            and m.group().lower() in self.lex.only_before_of  # "four score" is a number
            and not self._of_noun(text, end)
        ):
            return None  # "a gross profit", "He scores goals", "a score of 27-10"
        try:
            if kind == "v":
                low, high = self.lex.vague[" ".join(m.group().lower().split())]
                if m.group()[:3].lower() == "few":
                    start = _article_start(text, start, ("a ", "A "))  # "a few hundred"
                return Atom(start, end, low, low, high, False, True, low)
            if kind == "w":
                return self._word_atom(text, m)
            if kind == "a":  # "a gallon": one of the unit read next
                return Atom(start, end, Decimal(1), None, None, False, True, Decimal(1))
            surface = m.group()
            value, step = self._digits_value(surface, kind)
        except NumberError:
            return None
        if kind == "d" and len(surface) > MAX_DIGITS:
            return None
        # a sign written against the number: "-1.3%", "−273.15", but not "1-2"
        if (
            start
            and text[start - 1] in "-−+"
            and (
                start < 2
                or text[start - 2] in _BEFORE_SIGN
                or text[start - 6 : start].lower() == "minus-"
            )
        ):
            if text[start - 1] != "+":
                value = -value
            start -= 1
        return self._scale(text, Atom(start, end, value, None, None, False, False, value, step))

    def _of_noun(self, text: str, end: int) -> bool:
        """Whether "of" and a word that is no number word nor a qualifier's first follow
        ``end``: "scores *of senators*", "scores of such products", not "a score of
        thirty-two", "a gross of more than $5 million"."""
        m = _OF_WORD.match(text, end)
        if m is None:
            return False
        word = m.group(1).lower().split("-")[0]
        return word not in self.lex.number_words and word not in self._qualifier_firsts

    def _read_digits(self, surface: str, kind: str | None) -> tuple[Decimal, Decimal | None]:
        """The value of a digit surface, and its written step when it is plain digits."""
        value = self.numbers.digits(surface)
        return value, written_step(surface) if kind == "d" else None

    def _word_atom(self, text: str, m: regex.Match[str]) -> Atom | None:
        surface = m.group()
        try:
            value = self._words_value(surface)
        except NumberError:
            first = surface.split()[0].split("-")[0]
            value = self._words_value(first)
            return self._article(
                text,
                Atom(
                    m.start(),
                    m.start() + len(first),
                    value,
                    None,
                    None,
                    False,
                    True,
                    value,
                    _value_step(value),
                ),
            )
        if self._number_pair(text, m.start(), m.end()):
            return None
        whole = Atom(m.start(), m.end(), value, None, None, False, True, value, _value_step(value))
        atom = self._article(text, whole)
        if atom is not None and atom.value < 1 and (of := _OF_A_SCALE.match(text, atom.end)):
            scale = self.lex.scales.get(of.group(1).lower())
            last = _last_word(text, atom.start, atom.end)
            if (
                scale is not None
                and scale > 100
                and last in self.lex.fractions
                and text[of.end() : of.end() + 1] != "-"  # "a third of a million-dollar prize"
            ):
                # "two thirds of a million": 2/3 of 1,000,000, as "half a million" is
                value = atom.value * scale
                return atom.but(end=of.end(), value=value, scaled=True, raw=value, step=None)
        if atom is None or (atom.value < 1 and atom.words):
            part = self._part_of_unit(text, atom or whole)
            if part is not None:
                return part
        if atom is None:
            return None
        atom = self._comma_tail(text, atom)
        # an abbreviated scale after number words: "four mln shares", "two bn"; not
        # "k", which after a word is a distance or a count ("a five k run")
        scaled = self._scale(text, atom)
        if scaled is not atom and text[atom.end : scaled.end].strip(" -").lower() != "k":
            return scaled
        return atom

    def _part_of_unit(self, text: str, atom: Atom) -> Atom | None:
        """A fraction of one unit: "half a mile", "half an hour", "a quarter of a mile",
        "three quarters of an hour" are 0.5 mile, 0.5 hour, 0.25 mile and 0.75 hour (the
        unit is read next, after the article where the atom now ends). Without "of" only
        "half" is read so ("came third a minute later", "its best quarter a year on" are
        no parts), and never after a word of `part_blockers` or `ordinal_fractions` ("the
        first half a year earlier"; but "the last half an hour"); None also when no unit
        follows the article ("half a loaf")."""
        lex = self.lex
        words = text[atom.start : atom.end].lower().replace("-", " ").split()
        if words[0] in ("a", "an"):
            words = words[1:]
        if (
            not words
            or words[-1] not in lex.fractions
            # "three quarters", "twenty-fifth", not "fourth quarter"
            or any(w not in lex.units and w not in lex.tens for w in words[:-1])
        ):
            return None
        m = _PART_ARTICLE.match(text, atom.end)
        if m is None or (m.group(1) is None and words != ["half"]):
            return None
        start = _article_start(text, atom.start, ("a ", "A "))
        prev = self._word_before(text, start)
        if prev in lex.part_blockers or prev in lex.ordinal_fractions:
            return None
        if prev == "and" and m.group(1) is None and self._unit_before_and(text, start):
            return None  # "a mile and a half a day": the mile's half, per day
        if self.unit_after(text, m.end(), False)[0] is None:
            return None
        return atom.but(start=start, end=m.end())

    def _unit_before_and(self, text: str, start: int) -> bool:
        """Whether "a" or "an" opens the fraction at ``start`` after "and" and a unit word:
        "a mile and a half a day" (but "on Monday and a half a day", "and half a day")."""
        if not _ARTICLE_AT.match(text, start):
            return False
        m = _UNIT_AND.search(text, max(0, start - WORD_MAX - 6), start)
        return m is not None and self._lookup(m.group(1).lower()) is not None

    def _number_pair(self, text: str, start: int, end: int) -> bool:
        """Whether number words ``text[start:end]`` are one side of a hyphened pair like
        "one-on-one" or "four-by-four": an idiom or a shape, not a figure."""
        lex = self.lex
        if (
            text[end : end + 1] == "-"
            and (pair := _PAIR_AFTER.match(text, end))
            and pair.group(1).lower() in lex.number_pair_joiners
            and pair.group(2).lower() in lex.number_words
        ):
            return True
        if (
            start
            and text[start - 1] == "-"
            and (pair := _PAIR_BEFORE.search(text, max(0, start - 40), start))
        ):
            return pair.group(2).lower() in lex.number_pair_joiners and (
                pair.group(1).lower() in lex.number_words
            )
        return False

    def _comma_tail(self, text: str, atom: Atom) -> Atom:
        """Join "three million, two hundred and forty": after a comma, number words
        smaller than the scale word that ends the first part continue the number."""
        last = text[atom.start : atom.end].rsplit(None, 1)[-1].lower()
        scale = self.lex.scales.get(last)
        if scale is None or scale < 1000 or text[atom.end : atom.end + 2] != ", ":
            return atom
        nxt = self.scanner.words.match(text, atom.end + 2)
        if nxt is None or nxt.lastgroup != "w":
            return atom
        try:
            rest = self._words_value(nxt.group())
        except NumberError:
            return atom
        if not 0 < rest < scale:
            return atom
        value = atom.value + rest
        return atom.but(end=nxt.end(), value=value, raw=value, step=_value_step(value))

    def _article(self, text: str, atom: Atom) -> Atom | None:
        """Take in "a"/"an" before "hundred", "dozen", "half": "a hundred and two"."""
        words = text[atom.start : atom.end].lower().split()
        first, last = words[0], words[-1]
        lex = self.lex
        if last in lex.tens and text[atom.end : atom.end + 1] == "-":
            nxt = _right_word(text, atom.end)
            word = "" if nxt is None else nxt.group(1).lower().split("-")[0].rstrip(".")
            if word.endswith("s") and word[:-1] in lex.hyphen_ordinals and len(words) > 1:
                return None  # "three twenty-firsts": a fraction the number words lack
            if word in lex.hyphen_ordinals and nxt is not None:
                if self._lookup(word) is None:
                    return None  # "the twenty-first century"
                lead = self._word_before(text, atom.start)
                if lead in lex.ordinal_leads and not self._plural_next(text, nxt.end()):
                    return None  # "its forty-second year"; not "the thirty-second spots"
        tens, hyphen, ordinal = last.partition("-")
        if len(words) > 1 and hyphen and tens in lex.tens and ordinal in lex.ordinal_fractions:
            numerator = words[-2].partition("-")
            if len(words) > 2 or not (
                numerator[0] in lex.units
                or (numerator[0] in lex.tens and (not numerator[2] or numerator[2] in lex.units))
            ):
                return None  # "the one hundred twenty-fifth": an ordinal
        tens, hyphen, ordinal = first.partition("-")
        if hyphen and tens in lex.tens and ordinal in lex.ordinal_fractions:
            # "the twenty-fifth day" an ordinal; "a twenty-fifth" a fraction as "a third" is
            start = _article_start(text, atom.start, ("a ", "an ", "A ", "An "))
            if start == atom.start or self._ordinal_after_a(text, start, atom.end):
                return None
            value = self._words_value(text[start : atom.end])
            return atom.but(start=start, value=value, raw=value, step=_value_step(value))
        if first in lex.fractions and text[atom.end : atom.end + 1] == "-":
            return None  # "a third-party audit"
        if first in lex.scales or first in lex.collectives or first in lex.fractions:
            start = _article_start(text, atom.start, ("a ", "an ", "A ", "An "))
            if start != atom.start:
                if first in lex.ordinal_fractions and self._ordinal_after_a(text, start, atom.end):
                    return None
                return atom.but(start=start)
        surface = text[atom.start : atom.end].lower()
        if all(w in lex.collectives or w in lex.fractions for w in surface.split()):
            return None  # "score", "tenth", "half" alone: not a number here
        if "-" in surface and all(w in lex.fractions for w in surface.split("-")):
            return None  # "third-quarter earnings": an ordinal period, not 1/3 of 1/4
        return atom

    def _ordinal_after_a(self, text: str, start: int, end: int) -> bool:
        """Whether "a third" at ``start:end`` is an ordinal: before a noun ("a third
        co-worker") or, at the end of a phrase, after a verb in -ed or -ing ("wounding a
        third."); not before "of", a comparative or a function word ("a third more")."""
        nxt = _right_word(text, end)
        if nxt is not None and nxt.start(1) == end + 1:
            word = nxt.group(1).lower().rstrip(".")
            return (
                word not in self.lex.function_words
                and word not in self._context_words
                and word not in self.lex.comparatives
            )
        before = text[max(0, start - 20) : start].split()
        verb = before[-1].lower() if before else ""
        return verb.isalpha() and len(verb) > 4 and verb.endswith(("ed", "ing"))

    def _scale(self, text: str, atom: Atom) -> Atom:
        """Apply "million", "bn", "k" written after digits."""
        nxt = text[atom.end : atom.end + 1]
        if not (nxt == " " or nxt == "-" or nxt.isalpha()):
            return atom
        # a scale word is short: the match stops within WORD_MAX characters, and one that
        # reaches that stop is a longer word (a run of letters and vulgar fractions)
        stop = atom.end + 3 + WORD_MAX
        m = _SCALE_AFTER.match(text, atom.end, stop)
        if not m or (m.end() >= stop and stop < len(text)):
            return atom
        word = m.group(1)
        if word.lower() not in self._scale_keys:
            return atom  # "pct", "tonnes", "and": no scale word
        lex = self.lex
        if (
            word in lex.spaced_not_scales
            and m.start(1) > atom.end
            and text[atom.end : m.start(1)].isspace()  # not "an 8-K filing"
            and self._spaced_unit(text, atom, m.end(1))
        ):
            return atom  # "cooled to 4 K": kelvin, not thousands
        scale = lex.scales.get(word.lower()) or lex.scale_abbreviations.get(word)
        if scale is None:
            scale = lex.scale_abbreviations.get(word.lower()) if word.lower() != "k" else None
        if scale is None and word in lex.currency_scales and self._currency_scale_ok(text, atom, m):
            scale = lex.currency_scales[word]
        if scale is None:
            return atom
        # "2 m" with a space is metres unless a currency stands before
        step = None if atom.step is None else atom.step * scale
        scaled = Atom(
            atom.start, m.end(), atom.value * scale, None, None, True, atom.words, atom.raw, step
        )
        if scale == 100 and not atom.scaled:
            again = self._scale(text, scaled.but(scaled=False))
            return again.but(scaled=True)
        return scaled

    def _spaced_unit(self, text: str, atom: Atom, end: int) -> bool:
        """Whether a `spaced_not_scales` symbol ending at ``end`` after ``atom`` is its
        unit: no currency before the number, nor before a range it ends ("£30-40 K",
        "$50 to 60 K"), and no article, currency word or counted plural after it ("4 K.",
        "298 K and 1 atm", "90 K boundary"; not "5 K employees", "50 K a year", "5 K
        dollars")."""
        head = text[max(0, atom.start - 24) : atom.start]
        tail = _RANGE_TAIL.search(head)
        first = atom.start - len(head) + tail.start() if tail else atom.start
        if self._currency_before(text, atom.start)[0] or (
            first != atom.start and self._currency_before(text, first)[0]
        ):
            return False
        after = text[end : end + 1]
        if after != " ":
            return not after.isalnum()
        nxt = _right_word(text, end)
        if nxt is None or nxt.start(1) != end + 1:
            return True  # "488 ± 14 K (Ortiz, 2012)"
        word = nxt.group(1).lower().rstrip(".")
        if word in ("a", "an") or self.units.is_currency(self._lookup(word) or ""):
            return False  # "50 K a year", "5 K dollars": thousands
        # "5 K employees": thousands of a counted plural; "90 K boundary", "4 K near"
        return word in self.lex.function_words or not word.endswith("s")

    def _currency_scale_ok(self, text: str, atom: Atom, m: re.Match[str]) -> bool:
        if " " in m.group() or "-" in m.group():
            return False
        if self._currency_before(text, atom.start)[0] is not None:
            return True
        if text[atom.start - 1 : atom.start] in ("-", "–") and atom.start > 1:
            # the top of a range whose bottom follows the currency: "$140-150m"
            low = atom.start - 1
            while low > 0 and low > atom.start - 24 and text[low - 1] in "0123456789.,":
                low -= 1
            if low < atom.start - 1 and self._currency_before(text, low)[0] is not None:
                return True
        if m.group(1) not in ("m", "M"):
            return False
        nxt = _right_word(text, m.end())
        if not nxt or (m.end() < len(text) and text[m.end()] not in " \t"):
            return False
        w = nxt.group(1).lower()
        return (w not in self.lex.metre_cues and w not in self.lex.function_words) or w == "of"

    # -- left context -----------------------------------------------------------------
    def _left_tokens(self, text: str, start: int) -> tuple[list[tuple[str, int]], bool]:
        """The tokens before ``start`` on its line, within the window, and whether they
        are plain: no token, or one that ends no qualifier, trend, range opener or
        operator.

        Only the last token when it is plain: that is all read() looks at then, and most
        numbers stand after such a word.
        """
        base = start - WINDOW if start > WINDOW else 0
        cut = text.rfind("\n", base, start)
        if cut >= 0:
            base = cut + 1
        # most often the window ends in a word of letters alone after a space: that word
        # is the last token (_LAST_TOKEN reads a letter run back to the space), and no
        # operator or "-"
        end = start
        while end > base and text[end - 1] == " ":
            end -= 1
        first = text.rfind(" ", base, end) + 1 or base
        token = text[first:end]
        if token.isalpha():
            if _norm(token) not in self._context_words:
                return [(token, first)], True
        else:
            # the patterns look at nothing outside the window: searching the text between
            # base and start is searching the window
            last = _LAST_TOKEN.search(text, base, start)
            if last is None:
                return [], True
            token = last.group()
            # token.strip(_OPERATOR_CHARS) is empty exactly when _OPERATOR matches it whole
            if (
                _norm(token) not in self._context_words
                and token != "-"
                and token.strip(_OPERATOR_CHARS)
            ):
                return [(token, last.start())], True
        return [(t.group(), t.start()) for t in _LEFT_TOKEN.finditer(text, base, start)], False

    def _past_trend_adjectives(self, left: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """``left`` without the article and adjectives between a trend and the number ("fell
        a further 3%", "rose a seasonally adjusted 2.9%"); ``left`` itself when no trend
        stands before the article."""
        adjectives = self.lex.trend_adjectives
        j = len(left) - 1
        while j > 0 and _norm(left[j - 1][0]) in adjectives:
            j -= 1
        if j > 1 and _norm(left[j - 1][0]) in ("a", "an"):
            before = left[: j - 1]
            if self._phrase_before(before, self.lex.trends_before)[0] is not None:
                return before
        return left

    def _currency_before(self, text: str, start: int) -> tuple[str | None, int]:
        head = text[start - 8 if start > 8 else 0 : start]
        if head.rstrip(" ")[-1:] not in _CURRENCY_LAST:
            return None, start  # most numbers: no sign, code or "Rs." can end here
        m = _CURRENCY_BEFORE.search(head)
        if not m:
            return None, start
        sym = (m.group("sym") or m.group("code") or "").strip()
        name = self._currency_name(sym)
        lead = len(m.group()) - len(m.group().lstrip())
        return (name, start - (len(head) - m.start()) + lead) if name else (None, start)

    def _currency_name(self, sym: str) -> str | None:
        compact = sym.replace(" ", "").replace("U.S.", "US")
        if compact == "PS":
            return self.lex.money_pound_unit  # "£" as ASCII transliterations write it
        if compact.startswith("$") and len(compact) > 1:
            compact = compact[1:] + "$"  # "$US", "$A" as "US$", "A$"
        return self.units.lookup(compact) or (
            "dollar" if compact.endswith("$") or compact.startswith("$") else None
        )

    def _phrase_before(
        self, tokens: list[tuple[str, int]], table: Mapping[tuple[str, ...], str]
    ) -> tuple[str | None, int]:
        """The longest phrase of ``table`` that ends the token list: (its value, #tokens)."""
        if not tokens:
            return None, 0
        last = _norm(tokens[-1][0])
        if last not in self._last_words:
            return None, 0
        # only the lengths of the table's phrases that end with this word can match
        sizes = self._phrase_sizes[id(table)].get(last, ())
        for n in sizes:
            if n <= len(tokens):
                hit = table.get(tuple([_norm(t) for t, _ in tokens[-n:]]))
                if hit == "none":
                    return None, 0  # "make up 40%": no change
                if hit is not None:
                    return hit, n
        return None, 0

    # -- right context ----------------------------------------------------------------
    def unit_after(self, text: str, pos: int, money: bool) -> tuple[str | None, int]:
        """The unit written right after ``pos`` and where it ends."""
        c = text[pos : pos + 1]
        if not (c == " " or c == "\t" or c == "-" or c.isalpha() or c in _SYMBOL_FIRST):
            return None, pos  # "5,", "1987.", "3)": nothing of a unit can start here
        run = _UNIT_RUN.match(text, pos)
        if run and (run.group(2) or run.group(1).lower() in _POWER_WORDS):
            expr = read_unit_expression(text, pos, self.units)
            if expr is not None:
                return expr.name, expr.end  # "km2", "J/m^2 per year", "fb−1", "sq km"
        sym = (
            _SYMBOL_AFTER.match(text, pos)
            if c in _SYMBOL_FIRST or (c == " " and text[pos + 1 : pos + 2] in _SYMBOL_FIRST)
            else None
        )
        if sym:
            s = sym.group(1).replace("º", "°")
            if s in ("'", "′") and text[sym.end() : sym.end() + 1] == "s":
                return None, pos  # "2022′s": a possessive
            if s in ("'", '"') and (
                text[pos - 1] == " " or text[max(0, pos - 40) : pos].count(s) % 2 == 1
            ):
                return None, pos  # a closing quotation mark, not feet or inches
            name = self.units.lookup(s.replace(" ", "")) or self.units.lookup(s[0])
            if s.startswith("°") and len(s.replace(" ", "")) == 1:
                nxt = _right_word(text, sym.end())
                if nxt and nxt.group(1).lower() in ("celsius", "fahrenheit", "c", "f"):
                    key = "°" + nxt.group(1)[0].upper()
                    return self.units.lookup(key), nxt.end()
            if name:
                return self._per(text, sym.end(), name)
        attached = c.isalpha()  # c is "" at the end of the text
        surfaces: list[tuple[str, int]] = []  # the first 1, 2, ... words and their ends
        p = pos
        for _ in range(self.units.max_words):
            w = _right_word(text, p)
            if not w or (not surfaces and not attached and w.start(1) == p):
                break
            word = w.group(1)
            p = w.end()
            if surfaces:
                surface = surfaces[-1][0] + " " + word
                surface_key = _unit_key(surface)
            else:
                surface = word
                surface_key = key = _unit_key(word)
                gap = 1 if text[p : p + 2] == " %" else 0
                if text[p + gap : p + gap + 1] == "%":  # "5 wt% salt", "5 wt.%", "5 vol %"
                    name = self.units.lookup(word + "%")
                    if name:
                        return self._per(text, p + gap + 1, name)
                if key not in self._unit_heads:
                    key = key.rstrip(".")
                    if key not in self._unit_heads:
                        head = word.split("-", 1)[0]
                        if head != word and _unit_key(head) in self._unit_heads:
                            # "12.5 percent-owned", "a 10 mile-long queue": the unit is
                            # the first part of the compound
                            surface = surface_key = head
                            p = w.start(1) + len(head)
                            surfaces.append((surface, p))
                            break
                        if len(key) > 4:
                            return None, pos
                        return self._product_unit(text, pos, word)
            surfaces.append((surface, p))
            if surface_key not in self._unit_prefixes:
                break  # no longer surface starts with these words
        for surface, end in reversed(surfaces):
            stripped = surface.rstrip(".")
            for cand in (surface, stripped) if stripped != surface else (surface,):
                name = self._lookup(cand)
                if money:  # "20 million pounds", "150 mln marks": money, not a weight
                    name = self.lex.money_after_scale.get(cand.lower(), name)
                if name and name in self._dimensionless:
                    continue  # a count word ("dozen"), not a unit
                if name and self._unit_ok(text, cand, attached, end, money, pos):
                    if cand != surface:
                        end -= 1
                    return self._per(text, end, name)
        return None, pos

    def _product_unit(self, text: str, pos: int, word: str) -> tuple[str | None, int]:
        """A run of unit symbols the table does not hold whole: "Wh", "Js", "cds"."""
        if len(word) <= 4 and word.lower() not in self.lex.function_words:
            expr = read_unit_expression(text, pos, self.units)
            if expr is not None:
                return expr.name, expr.end
        return None, pos

    def _unit_ok(
        self, text: str, surface: str, attached: bool, end: int, money: bool, pos: int
    ) -> bool:
        if surface in ("am", "pm"):
            if attached:
                return False  # "47pm": a clock time cut short, never a unit written so
            # "2.4 pm" is picometres: a clock time needs an hour and two-digit minutes
            number = _NUMBER_END.search(text, max(0, pos - 12), pos)
            return bool(number and not _CLOCK.fullmatch(number.group()))
        if (
            surface not in self.units.symbols
            and surface.lower() in self.units.words
            and (not attached or len(surface) > 2)
        ):
            return True
        if surface in self.lex.guarded_symbols or surface.lower() in self.lex.function_words:
            if attached:
                return surface not in ("a", "am", "pm", "at", "in", "s")
            nxt = text[end : end + 1]
            if surface == "in":
                w = _right_word(text, end)
                return bool(w and w.group(1).lower() in self.lex.inch_cues) or nxt in ("", ".", ",")
            if surface in ("a", "at", "am", "pm", "A"):
                return False
            if nxt == "-" and surface != "s":
                # "a 4.5 m-thick bed", but "5 m-long" alone is no licence for "m-rated"
                w = _RIGHT_WORD.match(text, end + 1, end + 1 + WORD_MAX)
                if (
                    w
                    and w.start(1) == end + 1
                    and w.group(1).lower() in self.lex.subjects.dimensions
                ):
                    return True
            if not (nxt == "" or (not nxt.isalnum() and nxt not in "-'’")):
                return False  # "5 s-bends", "5 mmm"
            if surface == "s":
                # "held for 86 s at 20 °C": seconds, after a space; not a decade's plural
                # cut off by a space ("the 1980 s", "the 90 s")
                number = _NUMBER_END.search(text, max(0, pos - 12), pos)
                if number is None:
                    return False
                before = text[max(0, number.start() - 5) : number.start()]
                return not (number.group().endswith("0") and _DECADE_BEFORE.search(before))
            return True
        return True

    def _per(self, text: str, pos: int, name: str) -> tuple[str, int]:
        """Extend a unit with "per hour", "/kg", "a barrel"."""
        m = _PER.match(text, pos, pos + 6)
        if not m:
            return name, pos
        article = m.group().strip(" -") in ("a", "an")
        if not text[m.end() : m.end() + 1].isalnum() and text[m.end() + 1 : m.end() + 2].isdigit():
            return name, pos  # "$3/$4": a second amount, not "dollar per dollar"
        second, end = self.unit_after(text, m.end(), False)
        if second is None:
            if " per " not in name and self.units.is_currency(name):
                return self._price_per(text, m.end(), name, article) or (name, pos)
            return name, pos
        if article:
            nxt = _right_word(text, end)
            if nxt and nxt.group(1).lower().rstrip(".") in self.lex.time_point_words:
                return name, pos  # "$6.78 billion a year earlier": a time, not a rate
        return f"{name} per {second}", end

    def _price_per(self, text: str, pos: int, name: str, article: bool) -> tuple[str, int] | None:
        """Money per a counted thing: "$6 per share", "50 cts a share," -> "dollar per
        share". After "a" the noun must end the phrase (punctuation, the end, or a function
        word next), so "$5 a piece of" is read but "$5 a big deal" is not."""
        w = _right_word(text, pos)
        if not w or w.start(1) != pos:
            return None
        word = w.group(1).rstrip(".")
        low, end = word.lower(), w.start(1) + len(word)
        if not word.isalpha() or low in self.lex.function_words or low in self.lex.months:
            return None
        if article:
            nxt = _right_word(text, end)
            if nxt and nxt.start(1) == end + 1:
                after = nxt.group(1).lower().rstrip(".")
                if after.isalpha() and after not in self.lex.function_words:
                    return None
        return f"{name} per {self.singular(low)}", end

    def counted_noun(self, text: str, pos: int, after_of: bool, one: bool = False) -> str | None:
        """The head noun a count sits on: "10,000 North Korean soldiers" -> "soldier".

        ``one`` says the count is one, so its noun is singular: a plural-looking word
        after it is a verb.
        """
        return self.counted_noun_number(text, pos, after_of, one)[0]

    def counted_noun_number(
        self, text: str, pos: int, after_of: bool, one: bool = False
    ) -> tuple[str | None, bool]:
        """`counted_noun`, and whether the noun was written plural."""
        lex = self.lex
        plural_head = False
        if text[pos : pos + 1] == "-":
            hanging = _SUSPENDED.match(text, pos)
            if hanging:
                pos = hanging.end()  # read the noun of the last number in the list
        if text[pos : pos + 1] == " " and text[pos + 1 : pos + 2].isdigit():
            pos = self._after_measure(text, pos + 1)  # "3 million 500ml cartons"
        elif (
            text[pos + 1 : pos + 2].isupper()
            and (model := _DESIGNATION.match(text, pos)) is not None
            # a noun's first word after it, not a function word, an adverb or a verb in
            # -ing, as after a score: "won 3 Tuvo 1 on Sunday", "led 2 Tuvo 1 going into"
            and (noun := _right_word(text, model.end())) is not None
            and (word := noun.group(1).rstrip(".").lower()) not in lex.function_words
            and not word.endswith(("ly", "ing"))
        ):
            pos = model.end()  # "40 Orvex T320 jets": the jets are counted
        chunk: list[str] = []
        p = pos
        first = True
        of_seen = False
        sized = False  # after a word of `group_sizes`
        sized_first: str | None = None  # the first lower-case word after it
        for _ in range(6):
            w = _right_word(text, p)
            if not w or (first and w.start(1) == pos and pos > 0 and text[pos - 1].isalnum()):
                break
            if "\n" in text[p : w.start(1)]:
                break
            word = w.group(1)
            low = word.lower().rstrip(".")
            if first and low == "of" and (after_of or not chunk):
                if not after_of:
                    break
                p = w.end()
                first = False
                of_seen = True
                one = False  # "one of the best speakers": a part of a plural whole
                continue
            if (
                low in _ADJECTIVE_JOINERS
                and len(chunk) == 1
                and not _looks_plural(chunk[0], lex)
                and (after_and := _right_word(text, w.end())) is not None
                # "gas wells", not "exports beef" nor "sales jobs": no -s word after "and"
                and not _looks_plural(after_and.group(1).lower(), lex)
                and self._plural_ahead(text, w.end())
            ):
                p = w.end()  # "300 oil and gas wells": two words of one plural noun
                continue
            if (
                not chunk
                and low in lex.past_verbs
                and word.islower()
                and not self._plural_ahead(text, w.end())
            ):
                break  # "9 rose and 3 fell": the number's verb; not "40 rose bushes"
            if low in lex.function_words and not (not chunk and low in lex.noun_phrase_openers):
                if (
                    chunk
                    or low not in ("the", "its", "their", "his", "her", "our")
                    # "35m of its devices"; not "from 9 billion the year before"
                    or not of_seen
                ):
                    break
                p = w.end()
                continue
            if low.endswith(("'s", "’s")) and len(low) > 2:
                # a possessor, not the thing counted: "two of the mayor's aides"
                chunk = []
                p = w.end()
                first = False
                continue
            # a hyphenated word is a modifier, whatever its ending: "gas-fired", "diesel-only"
            compound = "-" in low
            modifiers = not chunk or chunk[-1].endswith("ly")  # none yet, or an adverb
            if (
                low.endswith("ed")
                and len(low) > 4
                and not compound
                and not (chunk and self._compound_participle(text, w.end(), chunk[-1]))
                and not (modifiers and self._plural_ahead(text, w.end()))
            ):
                break  # a verb: "53 wounded", "people marched"
            if first and not one and low.endswith("ing") and self._verb_next(text, w.end()):
                break  # a verb, not what is counted: "four voting to adjourn"
            if low in lex.months:
                break
            if (
                low.endswith("ly")
                and (not word.endswith(".") or low in lex.rate_adverbs)
                and not compound
                and not (not chunk and self._plural_ahead(text, w.end()))
            ):
                # "5 people recently", "800 annually." (not "one ally."), but "20 newly
                # built homes"
                break
            if first and low in lex.comparatives:
                break  # "3k cheaper than"
            plural = _looks_plural(low, lex)
            if one and plural and chunk:
                break  # one thing: "one plan asks" ends before its verb
            gap = text[p : w.start(1)]
            if chunk and "-" in gap and gap != "-":
                break  # a dash between words ("review - pictures") ends the phrase
            if first and gap == "-" and low in lex.group_sizes:
                p = w.end()  # "a 4,000-strong workforce": the workforce's members
                first = False
                sized = True
                continue
            chunk.append(low.rstrip("."))
            if sized:
                if low in lex.group_nouns:
                    break  # the group's noun, singular: "a 4,000-strong local workforce"
                if sized_first is None and word[0].islower() and "-" not in low:
                    sized_first = low
            hyphened = "-" in gap
            p = w.end()
            first = False
            if plural and not hyphened and word[0].isupper() and self._plural_next(text, p):
                continue  # a name that looks plural before the noun: "300 Orvex Motors workers"
            if (hyphened or plural) and not sized:
                plural_head = plural
                if plural and not hyphened and (rate := self._count_rate(text, p)):
                    return f"{self.singular(chunk[-1])} per {rate}", True  # "400 tests a day"
                break  # "1,361-piece", or a plural head noun: the phrase ends here
            nxt = text[p : p + 1]
            if nxt and nxt not in " \t-":
                break
        if sized and sized_first is not None and (not chunk or chunk[-1] not in lex.group_nouns):
            return self.singular(sized_first), False  # "a 40-strong music troupe" (no group noun)
        while chunk and chunk[-1] in lex.noun_phrase_openers:
            chunk.pop()
            plural_head = False
        if not chunk:
            return None, False
        return self.singular(chunk[-1]), plural_head

    def _plural_next(self, text: str, pos: int) -> bool:
        """Whether a lower-case plural noun follows ``pos`` after one space, with a point
        that ends its sentence or none: "300 Orvex Motors workers.", "the thirty-second
        spots" (not "its forty-second store")."""
        nxt = _right_word(text, pos)
        if nxt is None or nxt.start(1) != pos + 1:
            return False
        word = nxt.group(1)
        word = word[:-1] if word.endswith(".") else word
        return (
            word.isalpha()
            and word.islower()
            and word not in self.lex.function_words
            and _looks_plural(word, self.lex)
        )

    def _after_measure(self, text: str, pos: int) -> int:
        """Where a measure that qualifies a plural noun ends ("500ml" in "3 million
        500ml cartons"), or ``pos``."""
        m = self.scanner.match(text, pos)
        if m is None or m.lastgroup not in ("d", "d2"):
            return pos
        unit, end = self.unit_after(text, m.end(), False)
        if unit is None or self.units.is_currency(unit) or unit in _PERCENT_UNITS:
            return pos
        nxt = _right_word(text, end)
        if nxt is None or nxt.start(1) != end + 1:
            return pos
        word = nxt.group(1)
        if not word.islower() or not _looks_plural(word.rstrip("."), self.lex):
            return pos
        return end

    def _before_singular(self, text: str, atom: Atom, noun: str) -> str | None:
        """What a number other than 1 before a singular noun is, when not a count: a year
        used as an adjective ("our 2021 review"), a model name before a capitalised word
        ("its first 350 Skyliner"), or a plain number that names or grades its noun
        ("uncounted": "a 4.2 tremor", "the 1400 block", "a 1,024 x 768 screen", "the two
        met"). None: a count after all ("200 staff", "1500 aircraft", "3 EU countries",
        "the 9 member team", "a 40-page report")."""
        if atom.scaled or atom.value == 1 or text[atom.start] in "-−+":
            return None
        nxt = _right_word(text, atom.end)
        if nxt is None or nxt.start(1) != atom.end + 1:
            return None
        word = nxt.group(1)
        # the noun right after the figure and a space, nothing between
        alone = text[atom.end] == " " and word.lower() == noun
        if atom.words:
            if (
                alone
                and self._determiner_before(text, atom.start) == "the"
                and not word.lower().endswith(("a", "i"))  # a plural: "the two bacteria"
            ):
                return "uncounted"  # "the three fought": the noun is their verb
            return None
        digits = text[atom.start : atom.end]
        if digits.isdigit():
            if (
                len(digits) == 4
                and 1000 <= atom.value <= 2200
                and self._year_span_ok(text, atom.end)
            ):
                return "year"
            if (
                atom.value < 1000  # model numbers are short: not "5000 Model Y cars"
                and word[0].isupper()
                and not word[1:2].isupper()  # not an abbreviation: "2 TDs", "3 EU states"
                and word.lower() not in self.lex.irregular_plurals
            ):
                return "identifier"
        if (
            noun == "x"
            or _TIMES_BEFORE.search(text, max(0, atom.start - 4), atom.start)
            or (
                (alone or atom.value != atom.value.to_integral_value())
                and self._determiner_before(text, atom.start)
            )
        ):
            return "uncounted"  # a product of numbers, or "a 4.2 tremor", "the 1400 block"
        return None

    @staticmethod
    def _determiner_before(text: str, start: int) -> str | None:
        """ "a" or "the" (as written in lower case: "an" is "a") right before ``start``."""
        m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        if m is None:
            return None
        return "the" if m.group(1).lower() == "the" else "a"

    def _verb_next(self, text: str, pos: int) -> bool:
        """Whether the word before ``pos`` ends a phrase: no word, or a function word next
        ("voting to", "raising the"; not "sibling companies")."""
        nxt = _right_word(text, pos)
        if not nxt or nxt.start(1) != pos + 1:
            return True
        return nxt.group(1).lower().rstrip(".") in self.lex.function_words

    def _compound_participle(self, text: str, pos: int, before: str) -> bool:
        """Whether a word in -ed after ``before`` joins a compound noun: "one radio
        controlled drone", but not "five people killed in" or "one man shot Monday"."""
        if before.endswith("s") or before in self.lex.irregular_plurals:
            return False  # a plural noun ends the phrase; the -ed word is its verb
        nxt = _right_word(text, pos)
        if not nxt or nxt.start(1) != pos + 1:
            return False
        word = nxt.group(1)
        return word.islower() and word.rstrip(".") not in self.lex.function_words

    def _plural_ahead(self, text: str, pos: int) -> bool:
        """Whether the modifier before ``pos`` (a participle or an adverb, first after a
        count) qualifies a plural noun a few words on: "90 remastered tapes", "53 wounded
        soldiers", "20 newly built homes", "12 recently built gas-fired plants" (but "53
        wounded", "six tested positive", "five killed two men")."""
        lex = self.lex
        for _ in range(4):
            nxt = _right_word(text, pos)
            if not nxt or nxt.start(1) != pos + 1:
                return False
            word = nxt.group(1)
            low = word.rstrip(".")
            if (
                not word.islower()
                or low in lex.function_words
                or low in self._number_words
                or low in lex.months
            ):
                return False
            if _looks_plural(low, lex):
                return True
            if word.endswith("."):
                return False
            pos = nxt.end()
        return False

    def _count_rate(self, text: str, pos: int) -> str | None:
        """The time unit of a rate after a counted noun: "tests a day", "times per minute"."""
        per = _PER.match(text, pos, pos + 6)
        if not per or per.group().strip() == "/":
            return None
        unit, end = self.unit_after(text, per.end(), False)
        if unit is None or self.units.entity.get(unit) != "time":
            return None
        nxt = _right_word(text, end)
        if nxt and nxt.group(1).lower().rstrip(".") in self.lex.time_point_words:
            return None  # "5 visits a year earlier": a time, not a rate
        return unit

    # -- putting a figure together ----------------------------------------------------
    def read(self, text: str, m: regex.Match[str]) -> Figure | None:
        """The figure around the scanner match ``m``, or None for no figure."""
        atom = self.atom(text, m)
        if atom is None:
            return None
        lex = self.lex
        nonfigure = self._nonfigure(text, m, atom)
        if nonfigure == "date":
            return self._calendar(text, atom, atom.start, nonfigure)

        # left: currency, qualifier, range opener, trend
        currency, cur_start = self._currency_before(text, atom.start)
        if currency and nonfigure == "year":
            nonfigure = None  # "$2000 a month", "Rs 1999": a sum, not a year
        if currency and not atom.scaled:
            atom = self._scale(text, atom)  # "$35m": "m" is millions after a currency
        if (
            currency
            and text[cur_start - 1 : cur_start] in ("-", "−")
            and (cur_start < 2 or text[cur_start - 2] in _BEFORE_SIGN)
            and atom.value > 0
            and atom.low is None
        ):
            # "-$5bn", "a balance of −£3m": the sign written before the currency
            atom = atom.but(value=-atom.value, raw=-atom.raw)
            cur_start -= 1
        left, plain = self._left_tokens(text, cur_start)
        if not plain and left and left[-1][0].lower() in lex.focus_adverbs:
            # "rose just 5%", "gained only 3 seats": the adverb hides no qualifier or trend
            left = left[:-1]
            plain = not left
        # "fell a further 3%": the trend, past its article; and the amount after the article
        # is one, so "rose a sharp 3 to 4 pct" is a range, not a change and a level
        amount = False
        if not plain and left and _norm(left[-1][0]) in lex.trend_adjectives:
            before = self._past_trend_adjectives(left)
            amount = before is not left
            left = before
        shape: str | None
        trend: str | None
        if plain:
            # no qualifier, trend or opener before: what the lines below find then
            shape, nq, q_start, rest, trend = None, 0, cur_start, left, None
            opener = left[0][0].lower() if left else ""
        else:
            shape, nq, q_start, rest, opener, atom = self._left_context(text, atom, cur_start, left)
            if len(left) > 1 and left[-1][0] == "-" and left[-1][1] == cur_start - 1:
                left = left[:-1]  # as _left_context read it
        if nonfigure == "year" and (
            shape in ("gt", "ge", "lt", "le", "nearly", "just_over")  # "above 1000": a bound
            # a qualifier of several words ending in "of" or "as" sizes a figure: "an
            # average of 1400", "as many as 2000" (not "up to 2020")
            or (nq >= 2 and _norm(left[-1][0]) in ("of", "as"))
            # and so does a trend ending in "by": "went up by 1250" (not "by 2030")
            or (
                not nq
                and rest
                and _norm(rest[-1][0]) == "by"
                and self._phrase_before(rest, lex.trends_before)[1] >= 2
            )
        ):
            nonfigure = None  # not a year
        if nonfigure == "year":
            start = q_start if shape else cur_start
            return self._calendar(text, atom, start, nonfigure, shape == "approx", opener, rest)
        if (
            shape is None
            and left
            and left[-1][1] + len(left[-1][0]) == cur_start
            and (_OPERATOR.fullmatch(left[-1][0]))
        ):
            return None  # "<>30", "=<30": an operator we do not read
        if nonfigure == "identifier":
            # "555-0100-20" a phone number, "ISO 9001-2", "12-14 Mill Road": one name
            phone = _PHONE_AFTER.match(text, atom.end) or _ID_TAIL.match(text, atom.end)
            if phone:
                return self._finish(
                    text,
                    atom.start,
                    phone.end(),
                    atom.value,
                    _point(atom.value),
                    "eq",
                    False,
                    None,
                    None,
                    nonfigure,
                )
        bare = False  # a trend of a by_object verb with no object
        if not plain:
            trend, _ = self._phrase_before(
                rest[:-1] if opener in ("from", "between") else rest, lex.trends_before
            )
            if (
                trend is None
                and opener == "from"
                and len(rest) > 2
                and len(rest[-2][0]) > 4
                and rest[-2][0].endswith("ly")
            ):
                trend, _ = self._phrase_before(rest[:-2], lex.trends_before)  # "fell sharply from"
            if trend is None and opener == "by":
                trend, bare = self._verb_by(rest)
                if bare and atom.low is not None:
                    trend = None
        if atom.low is not None:
            return self._vague(text, atom, q_start, shape, trend, nonfigure)

        # right: unit, range, qualifier after, counted noun
        unit, u_end = self.unit_after(text, atom.end, currency is not None or atom.scaled)
        if bare and unit is None and currency is None:
            trend = None  # "raised by 300 volunteers": the agent of a passive, no change
        if m.lastgroup == "a" and (unit is None or currency is not None):
            return None  # "a" counts only before a unit word of the lexicon's list
        if currency is not None:
            unit = self._money_unit(currency, unit)
            if unit == currency:
                unit, u_end = self._per(text, u_end, currency)
        unit_before = None
        if (
            unit is None
            and currency is None
            and shape is None
            and not nonfigure
            and self._unit_before is not None
        ):
            # "a magnitude 3.9 quake": the unit stands before the number
            ub = self._unit_before.search(text, max(0, cur_start - 24), cur_start)
            if ub is not None:
                unit_before = self.lex.units_before[
                    " ".join(ub.group().lower().rstrip(" \t-").split())
                ]
                unit = unit_before
                cur_start = q_start = ub.start()
        rng = None
        if nonfigure != "identifier":
            # a unit before the number is the second number's too: "pH 7-8"
            rng = self._range(
                text,
                atom,
                None if unit_before else unit,
                currency,
                u_end,
                opener,
                None if amount else trend,
            )
        if rng is not None and unit_before and (rng[3] not in (None, unit_before) or rng[1].scaled):
            rng = None  # "magnitude 6 to 7 km", "a magnitude 4-5 million people": no range
        if (
            rng is not None
            and opener == "from"
            and trend
            and not amount
            and shape is None
            and not nonfigure
            and unit_before is None
            and not (rng[3] is None and self._clock_range(text, rng[0], rng[1]))
        ):
            return self._level_before(text, atom, cur_start, unit, u_end, rng)
        if rng is not None:
            low, high, end, unit = rng
            unit = unit or unit_before
            start = rest[-1][1] if opener in ("between", "from") and not nq else q_start
            approx = shape in ("approx", "nearly", "just_over") or (
                opener == "between" and shape is not None
            )
            kind = None
            if unit is None and not nonfigure and self._clock_range(text, low, high):
                nonfigure = "time"  # "between 9 and 10 o'clock", "from 9 to 11 am"
            if unit is None and not nonfigure:
                unit = self.counted_noun(text, end, high.scaled or high.words)
                kind = "count" if unit else "number"
                if not (approx or shape) and self._is_score(text, low, high, unit, rest):
                    return self._finish(
                        text,
                        low.start,
                        high.end,
                        None,
                        _span(low, high),
                        "range",
                        False,
                        None,
                        None,
                        "score",
                    )
            return self._finish(
                text,
                start,
                end,
                None,
                _span(low, high),
                "range",
                approx,
                # "-1% to -2%" falls; "-0.5% to 1%" states no direction
                None
                if trend is None and low.value < 0 <= high.value
                else self._trend(text, trend, end, atom, unit),
                unit,
                nonfigure,
                kind,
                _finer(low.step, high.step),
                low.scaled or high.scaled,
            )
        end = u_end if unit else atom.end
        if opener == "from":
            trend = None  # "up from 3.2 million": the level before, not the change
        after_shape, end = self._qualifier_after(text, end)
        if shape is None and after_shape is None:
            approx = False  # most figures: no bound and no hedge on either side
        else:
            shape, approx = _resolve_shape(shape, after_shape)
        qualifier = shape or "eq"
        value = atom.value
        interval = _BOUND_SHAPES[qualifier](value)
        start = q_start if shape or (approx and nq) else cur_start
        if after_shape == "approx" and not nq:
            start = cur_start
        trend_dir = self._trend(text, trend, end, atom, unit)
        counted = False
        if unit is None and not nonfigure and currency is None:
            unit, counted, scale = self._shared_unit(text, atom, end)
            if scale is not None:
                step = None if atom.step is None else atom.step * scale
                atom = atom.but(value=atom.value * scale, scaled=True, step=step)
                value = atom.value
                interval = _BOUND_SHAPES[qualifier](value)
        if counted:
            kind = "count"  # "nine, seven and two drills": six rigs
        elif unit is None and not nonfigure:
            unit, plural = self.counted_noun_number(
                text, end, atom.scaled or atom.words, atom.value == 1
            )
            kind = "count" if unit else "number"
            if unit is not None and not plural and qualifier == "eq" and not approx:
                nonfigure = self._before_singular(text, atom, unit)
                if nonfigure == "year":
                    return self._calendar(text, atom, cur_start, nonfigure)
                if nonfigure == "uncounted":
                    unit, kind, nonfigure = None, "number", None
                elif nonfigure is not None:
                    unit, kind = None, None
        else:
            kind = None
        if (
            nonfigure is None
            and atom.words  # _is_pronoun_one reads only number words
            and self._is_pronoun_one(text, atom, qualifier, unit, left)
        ):
            return None
        return self._finish(
            text,
            start,
            end,
            value,
            interval,
            qualifier,
            approx,
            trend_dir,
            unit,
            nonfigure,
            kind,
            atom.step,
            atom.scaled,
        )

    def _left_context(
        self, text: str, atom: Atom, cur_start: int, left: list[tuple[str, int]]
    ) -> tuple[str | None, int, int, list[tuple[str, int]], str, Atom]:
        """The qualifier before a number and what stands before it: (shape, number of
        qualifier tokens, where the figure starts, the tokens before the qualifier, the
        range opener, the atom with a "minus" word applied)."""
        lex = self.lex
        if left and left[-1][0] == "-" and left[-1][1] == cur_start - 1 and len(left) > 1:
            left = left[:-1]  # "sub-7", "minus-130"
        shape, nq = self._phrase_before(left, lex.qualifiers_before)
        q_start = left[-nq][1] if nq else cur_start
        rest = left[: len(left) - nq]
        opener = rest[-1][0].lower() if rest else ""
        if nq and left[-1][0].lower() == "between":
            opener = "between"  # "somewhere between 30 and 45"
        negative_word = opener in ("minus", "negative")
        if negative_word and text[atom.start] not in "-−":
            atom = atom.but(value=-atom.value, raw=-atom.raw)
        if negative_word:
            q_start = rest[-1][1]
            rest = rest[:-1]
            if shape is None:  # "about minus 170"
                shape, nq = self._phrase_before(rest, lex.qualifiers_before)
                if nq:
                    q_start = rest[-nq][1]
                    rest = rest[: len(rest) - nq]
            opener = rest[-1][0].lower() if rest else ""
        return shape, nq, q_start, rest, opener, atom

    def _calendar(
        self,
        text: str,
        atom: Atom,
        start: int,
        nonfigure: str,
        approx: bool = False,
        opener: str = "",
        rest: list[tuple[str, int]] | None = None,
    ) -> Figure:
        """A date or a year, alone or as a span ("March 3-5", "between 1990 and 1995",
        "2016-17"): no unit, bound or trend is read for it."""
        if (season := _season(text[atom.start : atom.end])) is not None:
            return self._finish(
                text, start, atom.end, None, _closed(*season), "range", approx, None, None, "year"
            )
        rng = self._range(text, atom, None, None, atom.end, opener)
        if rng is not None and _calendar_span(rng, text, nonfigure):
            low, high, end, _ = rng
            if rest and opener in ("between", "from") and start == atom.start:
                start = rest[-1][1]  # "from 1990 to 1995"
            interval = _span(low, high)
            return self._finish(
                text, start, end, None, interval, "range", approx, None, None, nonfigure
            )
        point = _point(atom.value)
        return self._finish(
            text, start, atom.end, atom.value, point, "eq", approx, None, None, nonfigure
        )

    def _is_score(
        self, text: str, low: Atom, high: Atom, noun: str | None, rest: list[tuple[str, int]]
    ) -> bool:
        """Whether a dash pair of whole numbers is a score or a record, not a range: "a
        31-24 lead", "a record of 9-14", "won 3-1", "ended 2-2". Ranges run upwards, so a
        pair that does not ("14-0", "2-2") is a score too."""
        a, b = text[low.start : low.end], text[high.start : high.end]
        if not (a.isdigit() and b.isdigit()) or text[low.end : high.start] not in ("-", "–"):
            return False
        if low.value >= high.value or noun in self.lex.score_nouns:
            return True
        before = [_norm(t) for t, _ in rest[-2:]]
        if before and before[-1] == "of":
            before = before[:-1]  # "a record of 9-14"
        return bool(before) and (
            before[-1] in self.lex.score_words or before[-1] in self.lex.score_nouns
        )

    def _verb_by(self, rest: list[tuple[str, int]]) -> tuple[str | None, bool]:
        """The trend of "grow sales by 12%", "cut its headcount by 400", "raised rates by
        0.5 points": a change verb (or one of ``trends_by_object``), its object, then "by";
        and whether it is a ``trends_by_object`` verb right before "by" ("was raised by"),
        a change only for a figure with a unit (not "raised by 300 volunteers")."""
        for n, (token, _) in enumerate(reversed(rest[-5:-1])):
            low = _norm(token)
            hit = self.lex.trends_before.get((low,))
            if hit is not None and low.isalpha():
                return hit, False
            hit = self.lex.trends_by_object.get((low,))
            if hit is not None and low.isalpha():
                return hit, n == 0
            if not low.isalpha() or low in self._context_words:
                break  # punctuation, a number or another qualifier: stop
        return None, False

    def _shared_unit(
        self, text: str, atom: Atom, pos: int
    ) -> tuple[str | None, bool, Decimal | None]:
        """The unit that closes a list of bare numbers: "20 and 40 mg", "1, 2 or 3 km",
        whether it is a counted noun: "nine, seven and two drills" (the noun the last
        number counts, when nothing but the list comes between), and the scale the list's
        last number lends ``atom``: "5 or 10 million dollars", "five or ten thousand boats"
        are 5 million dollars and 5,000 boats, unless ``atom`` is more than ten times
        what stands before the scale ("500 and 2 million": no scale, and no unit)."""
        p = pos
        for n in range(6):
            gap = _LIST_GAP.match(text, p)
            if not gap:
                return None, False, None
            m = self.scanner.match(text, gap.end())
            if not m or m.lastgroup == "v":
                return None, False, None
            nxt = self.atom(text, m)
            if nxt is None:
                return None, False, None
            scales = self._trailing_scales(text, nxt) if atom.words else ()
            if nxt.scaled and nxt.raw:
                scales = (nxt.value / nxt.raw,)
            scale = next((x for x in scales if 1 < atom.value <= nxt.value / x * 10), None)
            if scales and (
                scale is None
                or atom.scaled
                # not "a quarter or 12.4 million dollars", "lot one and two million"
                or (atom.words and atom.value != atom.value.to_integral_value())
                # after "and" or a comma, only a decimal ("6.12 and 6.05 billion") or a list
                # a word of `list_leads` opens ("fees of 35 and 40 billion marks"); not
                # "killed 14 and 2 million homes lost power", "Of the 12, 3 million"
                or not (
                    "or" in gap.group().lower().split()
                    or ("," not in gap.group() and atom.value != atom.value.to_integral_value())
                    or self._list_led(text, atom.start)
                )
            ):
                return None, False, None
            unit, _ = self.unit_after(text, nxt.end, scale is not None)
            if unit is not None:
                return unit, False, scale
            p = nxt.end
            if scale is not None or not _LIST_GAP.match(text, p):
                if n == 0 and "," in gap.group():
                    return None, False, None  # "killed 30, and 12 soldiers were hurt"
                noun = self.counted_noun(text, p, nxt.words or scale is not None, nxt.value == 1)
                return noun, noun is not None, scale
        return None, False, None

    @staticmethod
    def _word_before(text: str, start: int) -> str:
        """The word right before ``start`` after a space, lower-cased, or ""."""
        m = _WORD_BEFORE.search(text, max(0, start - WORD_MAX - 1), start)
        return "" if m is None else m.group(1).lower()

    def _list_led(self, text: str, start: int) -> bool:
        """Whether a word of `list_leads` stands right before the list of bare numbers
        whose first member, or a later one, starts at ``start`` ("of 3, 4 and 5
        million")."""
        m = _LIST_LEAD.search(text, max(0, start - 60), start)
        return m is not None and m.group(1).lower() in self.lex.list_leads

    def _money_unit(self, currency: str, unit: str | None) -> str:
        if unit is None or self.units.is_currency(unit.split(" per ")[0]):
            return currency if unit is None else unit
        return f"{currency} per {unit.split(' per ')[-1]}" if " per " in unit else currency

    def _qualifier_after(self, text: str, pos: int) -> tuple[str | None, int]:
        lex = self.lex
        if text[pos : pos + 1] == "+" and not text[pos + 1 : pos + 2].isdigit():
            return "gt", pos + 1
        head = text[pos : pos + 2].lstrip(" \t")[:1].lower()
        if not head or head not in self._after_first:
            return None, pos
        words: list[tuple[str, int]] = []
        p = pos
        for _ in range(3):
            w = _right_word(text, p)
            if not w:
                break
            if not words:
                first = w.group().strip().lower().rstrip(".")
                if (
                    first not in self._after_words
                    and first.replace("-", "- ").split()[0] not in self._after_words
                ):
                    return None, pos
            # a dot after the word ends the sentence ("lost $1m or more."): no phrase
            # here has one of its own
            words.append((w.group().strip().lower().rstrip("."), w.end() - w.group().endswith(".")))
            p = w.end()
        for n in range(len(words), 0, -1):
            phrase = tuple(" ".join(t for t, _ in words[:n]).replace("-", "- ").split())
            key = tuple(t for t, _ in words[:n])
            hit = lex.qualifiers_after.get(key) or lex.qualifiers_after.get(phrase)
            if hit is None:
                continue
            end = words[n - 1][1]
            if self._number_follows(text, end) or _OR_THAN.match(text, end, end + 8):
                continue
            if key[0] == "plus" and text[end : end + 1].isdigit():
                continue
            return hit, end
        return None, pos

    def _number_follows(self, text: str, pos: int) -> bool:
        """Whether a number (after "than", a space or a currency sign) comes next."""
        m = _THAN.match(text, pos, pos + 12)
        q = m.end() if m else pos
        return self.scanner.match(text, q) is not None

    def _range(
        self,
        text: str,
        first: Atom,
        unit: str | None,
        currency: str | None,
        after_unit: int,
        opener: str,
        trend: str | None = None,
    ) -> tuple[Atom, Atom, int, str | None] | None:
        pos = after_unit if unit else first.end
        ch = text[pos : pos + 1]
        if not (ch in _CONNECTOR_FIRST or ch.isalpha()):
            return None  # "5,", "5.", "5)": no connector starts here ("" is in every string)
        c = _RANGE_CONNECTOR.match(text, pos)
        if not c:
            return None
        word = (c.group("word") or "").lower()
        if word == "and" and opener != "between":
            return None
        # "increased by $12.5 billion to $310.8 billion": a change, then a level; but "rose 3
        # to 4 pct": a range of changes, read once the second number's unit is known
        change_then = word == "to" and trend and opener != "from"
        if change_then and (unit or currency or first.scaled):
            return None
        if c.group("dash") and c.group("dash") in "-" and "\n" in c.group():
            return None
        at = c.end()
        if word and text[at : at + 1] in ("-", "−") and text[at + 1 : at + 2].isdigit():
            at += 1  # "-5 °C to -12 °C": atom() reads the sign back
        elif (
            text[at : at + 1] in _APPROX_SIGNS and text[first.start - 1 : first.start] == (text[at])
        ):
            at += 1  # "from ∼250 to ∼550 ppm": both ends hedged alike, as the first says
        m2 = self.scanner.match(text, at)
        if not m2 or m2.lastgroup == "v":
            return None
        second = self.atom(text, m2)
        if second is None:
            return None
        if c.group("pm"):
            # "3.2 ± 0.4 km": the stated value and its uncertainty
            spread = abs(second.value)
            unit2, end2 = self.unit_after(text, second.end, currency is not None)
            if unit and unit2 and unit2 != unit:
                return None
            low = first.but(value=first.value - spread)
            high = first.but(value=first.value + spread)
            return low, high, end2 if unit2 else second.end, unit or unit2
        # "two to three thousand": number words that end in a scale word lend it to a
        # first number no larger than what stands before that word, as "2 to 3 million"
        for scale in self._trailing_scales(text, second) if first.words else ():
            if not first.scaled and 0 < first.value <= second.value / scale:
                second = second.but(scaled=True, raw=second.value / scale)
                break
        if word == "or" and not (
            (
                second.raw == first.raw + 1
                or (
                    first.step is not None
                    and first.step < 1
                    and second.raw == first.raw + first.step
                )
            )
            # a scale on the first only as on the second: not "£5m or 6 per cent", "9
            # million or 10 billion"
            and (
                not first.scaled
                or (second.scaled and first.value * second.raw == second.value * first.raw)
            )
        ):
            return None  # "three or four years", "3.1 or 3.2" are ranges; "5 or 10" two figures
        if c.group("dash") and _PHONE_AFTER.match(text, m2.end()):
            return None
        cur2 = self._currency_name(c.group("cur")) if c.group("cur") else None
        unit2, end2 = self.unit_after(
            text, second.end, (cur2 or currency) is not None or second.scaled
        )
        if unit and unit2 is None and currency is None and word != "and":
            return None  # "fell 0.3 per cent to 12840": a change, then a level
        if change_then and (
            unit2 is None
            or cur2 is not None
            or second.scaled
            or not first.value < second.value <= (5 if unit2 == "percentage" else 2) * first.value
        ):
            # "rose 5 to 42 pence", "rose 0.4 to 3.2 percent": a change, then a level; but
            # "to rise 2 to 5 percent" is a range
            return None
        if (
            unit
            and unit2
            and unit2 != unit
            and (currency is None or cur2 is None)
            and not (currency and self._money_unit(currency, unit2) == unit)
        ):
            return None  # "from 30 ml to 60 mg"
        if second.scaled and not first.scaled and first.raw <= second.raw:
            factor = second.value / second.raw if second.raw else Decimal(1)
            step = None if first.step is None else first.step * factor
            first = first.but(value=first.value * factor, scaled=True, step=step)
        final_unit = unit or unit2
        if currency or cur2:
            final_unit = self._money_unit(currency or cur2 or "dollar", unit2 or unit)
        end = end2 if unit2 else second.end
        if (currency or cur2) and final_unit and unit2 is None and " per " not in final_unit:
            final_unit, end = self._per(text, end, final_unit)  # "$62 and $68 per share"
        return first, second, end, final_unit

    def _trailing_scales(self, text: str, atom: Atom) -> tuple[Decimal, ...]:
        """The scales that number words ending in scale words may lend the numbers before
        them, the likelier first: the whole run of scale words at the end, when only a
        number stands before it ("three hundred thousand": 100,000, as "two to three
        hundred thousand" means), then the last ("two hundred to three hundred thousand":
        1,000); none when a larger scale word comes before ("two thousand five hundred"),
        or no number does ("a thousand")."""
        if not atom.words or atom.scaled:
            return ()
        words = text[atom.start : atom.end].lower().replace("-", " ").split()
        if len(words) < 2 or words[0] in ("a", "an"):
            return ()
        scales = self.lex.scales
        last = scales.get(words[-1])
        if last is None or last < 100 or any(scales.get(w, 0) >= last for w in words[:-1]):
            return ()
        n = len(words) - 1
        run = last
        while n > 1 and words[n - 1] in scales:
            n -= 1
            run *= scales[words[n]]
        return (run, last) if run != last else (last,)

    def _level_before(
        self,
        text: str,
        atom: Atom,
        start: int,
        unit: str | None,
        u_end: int,
        rng: tuple[Atom, Atom, int, str | None],
    ) -> Figure:
        """The first figure of a move, "rose from $600m to $700m": the level before (the
        level now is read next), not a range of the change. It takes the unit both share,
        and the second's scale unless it is more than ten times the second before scaling
        ("fell from 1.5 to 1.2 million"; not "from 800 to 2 million")."""
        _, second, shared_end, shared = rng
        end = u_end if unit else atom.end
        value, step, scaled = atom.value, atom.step, atom.scaled
        if second.value != second.raw and not atom.scaled and second.raw and atom.raw:
            factor = second.value / second.raw  # "5 to 60 million"
            if atom.raw <= second.raw * 10:
                value, scaled = atom.value * factor, True
                step = None if step is None else step * factor
        kind = None
        if shared is None:
            shared = self.counted_noun(text, shared_end, second.scaled or second.words)
            kind = "count" if shared else "number"
        return self._finish(
            text,
            start,
            end,
            value,
            _point(value),
            "eq",
            False,
            None,
            shared,
            None,
            kind,
            step,
            scaled,
        )

    def _trend(
        self, text: str, trend: str | None, end: int, atom: Atom, unit: str | None
    ) -> str | None:
        if trend:
            return trend
        c = text[end : end + 1]
        w = _right_word(text, end) if c in " \t-" or c.isalpha() else None
        if w and w.start(1) - end <= 2:
            hit = self.lex.trends_after.get((w.group(1).lower(),))
            if hit:
                return hit
        if unit == "percentage" and atom.start < len(text) and text[atom.start] in "+-−":
            if _LEVEL_BEFORE_SIGN.search(text, max(0, atom.start - 12), atom.start):
                return None  # "fell to -3%", "stood at -0.5%": a level, signed
            return "up" if text[atom.start] == "+" else "down"
        return None

    def _vague(
        self,
        text: str,
        atom: Atom,
        start: int,
        shape: str | None,
        trend: str | None,
        nonfigure: str | None,
    ) -> Figure | None:
        assert atom.low is not None and atom.high is not None
        end = atom.end
        of = text[end : end + 3].lower() == " of"
        if of:
            unit = self.unit_after(text, end + 3, False)[0]
        else:
            unit, u_end = self.unit_after(text, end, False)  # "several hundred metres"
            end = u_end if unit else end
        kind = None
        if unit is None:
            unit = self.counted_noun(text, end, True)
            kind = "count" if unit else "number"
        if not of and not unit:
            return None
        if shape is None:
            start = atom.start
        # "at least thousands" bounds one side only: [1000, +inf); "up to hundreds" the other
        bound = atom.low if shape in ("gt", "ge") else atom.high
        if shape in ("gt", "ge", "lt", "le"):
            assert shape is not None and bound is not None
            value: Decimal | None = bound
            interval, qualifier = _BOUND_SHAPES[shape](bound), shape
        else:
            value, interval, qualifier = None, _closed(atom.low, atom.high), "range"
        return self._finish(
            text,
            start,
            end,
            value,
            interval,
            qualifier,
            True,
            trend,
            unit,
            nonfigure,
            kind,
        )

    def _finish(
        self,
        text: str,
        start: int,
        end: int,
        value: Decimal | None,
        interval: Interval,
        qualifier: str,
        approximate: bool,
        trend: str | None,
        unit: str | None,
        nonfigure: str | None,
        kind: str | None = None,
        precision: Decimal | None = None,
        scaled: bool = False,
    ) -> Figure:
        if nonfigure:
            kind = nonfigure
        elif kind is None:
            kind = self._kind_of_unit(unit)
        q = new_quantity(
            value,
            interval,
            qualifier,  # type: ignore[arg-type]
            approximate,
            trend,  # type: ignore[arg-type]
            kind,  # type: ignore[arg-type]
            unit,
            None if nonfigure else precision,
            scaled and not nonfigure,
        )
        while end > start and text[end - 1] in " \t":
            end -= 1
        return Figure(start, end, q)

    def _unit_kind(self, unit: str | None) -> str:
        """The kind of a figure by the unit read after it (None: no unit)."""
        base = (unit or "").split(" per ")[0]
        if self.units.is_currency(base):
            return "money"
        if base in _PERCENT_UNITS:
            return "percent"
        if unit and (self.units.entity.get(unit) or self.units.entity.get(base)) != (
            "dimensionless"
        ):  # a unit read after the number: in the table, or composed of its units
            return "measure"
        return "count" if unit else "number"

    # -- things that are not figures ---------------------------------------------------
    def _word_day(self, text: str, s: int, e: int, atom: Atom) -> bool:
        """Whether the number word at ``s..e`` is a day after a capitalised month, as
        "June 8" is: "on June eight.", "ended March six it said", "goes out April nine to
        savers", "ended March six to 119 mln"; not "In March six people died", "in May
        two of the firms", "six per cent", "June eight to ten" (a range), "Jan two" (a
        month cut short is no month without its stop)."""
        if atom.scaled or not 1 <= atom.value <= 31 or atom.value % 1:
            return False
        window = text[max(0, s - 14) : s]
        if not window.endswith(" "):
            return False
        words = window.rstrip(" ").split(" ")
        month = words[-1].lstrip("\"'“‘(")
        if len(month) < 3 or not month[0].isupper() or "\n" in month:
            return False
        low = month.lower()
        if low.endswith("."):
            low = low[:-1]  # "Sept. eight"
        elif (len(low) == 3 and low != "may") or low == "sept":
            return False
        if low not in self.lex.months:
            return False
        if len(words) > 1 and words[-2].lower() == "in":
            return False  # "In March six people died": a count, "on March six" a day
        nxt = _right_word(text, e)
        if nxt is None:
            return not text[e : e + 1].isalnum()  # a stop, a comma, the text's end
        after = nxt.group(1).lower()
        if after in ("to", "and"):
            # "goes out April nine to savers", "July Three and August Six"; not "June
            # eight to ten people", a range of number words
            then = _right_word(text, nxt.end())
            return then is None or then.group(1).lower() not in self._number_words
        return after in self.lex.day_followers

    def _named_words(self, text: str, s: int, e: int, surface: str) -> bool:
        """Whether number words at ``text[s:e]`` are part of a name: capitalised after a
        lower-case word and a function word, before a capitalised word that is no scale or
        unit ("on the Four Rivers Dam", "the cast of Seven Varn Brides"; not "cut
        Three Hundred Jobs"); not at a sentence's start
        ("Five banks agreed"), nor in a title-case headline ("Orvex Cuts Jobs at Two
        Plants", "Orvex to Buy Tuvacorp for Two Billion Dollars")."""
        if not surface[0].isupper() or surface.isupper():
            return False
        before = _LEFT_WORDS.search(text, max(0, s - 48), s)
        nxt = _right_word(text, e)
        if before is None or nxt is None or nxt.start(1) != e + 1:
            return False
        word = nxt.group(1).rstrip(".")
        return (
            before.group(1).islower()
            and before.group(2) in self.lex.function_words  # "the", "behind", "to"
            and word[0].isupper()
            and word.lower() not in self.lex.scales
            and _unit_key(word) not in self._unit_heads
        )

    def _clock_range(self, text: str, low: Atom, high: Atom) -> bool:
        """Whether a range's two numbers are hours and a clock word or "am"/"pm" follows
        the second: "between 9 and 10 o'clock", "from 9 to 11 am"."""
        for a in (low, high):
            hour = text[a.start : a.end]
            if not (_CLOCK.fullmatch(hour) or (a.words and 1 <= a.value <= 12)):
                return False
        e = high.end
        after = text[e : e + 1]
        nxt = text[e + 1 : e + 2] if after == " " else after
        if nxt in ("o", "O"):
            return after == " " and self._clock_after(text, e)
        return nxt in ("a", "A", "p", "P") and _AM_PM.match(text, e, e + 6) is not None

    def _clock_after(self, text: str, e: int) -> bool:
        """Whether a word of `clock_words` ("o'clock") follows ``text[:e]`` after a space."""
        nxt = _right_word(text, e)
        return (
            nxt is not None
            and nxt.start(1) == e + 1
            and nxt.group(1).rstrip(".").lower() in self.lex.clock_words
        )

    def _prose(self, words: Sequence[str]) -> bool:
        """Whether one of the last six ``words`` is a lower-case word other than a function
        word ("starred", "raced"), as prose has and a title-case headline has not."""
        function_words = self.lex.function_words
        return any(w.isalpha() and w.islower() and w not in function_words for w in words[-6:])

    def _named_sum(self, text: str, s: int, e: int, surface: str) -> bool:
        """Whether capitalised number words at ``text[s:e]`` open a name that reads as a
        sum, in prose (after a lower-case word, with a lower-case word other than a
        function word among the six before, in the same sentence), before a capitalised
        unit's word in the singular and then a capitalised word that is no unit's or
        scale's ("starred in Million Dollar Tuvo"; not "earned Two Million Dollars Last
        Year", nor a title-case headline's "Orvex Wins a Million Dollar Deal")."""
        if not surface[0].isupper() or surface.isupper() or s < 2 or text[s - 1] != " ":
            return False
        words = _sentence_words_before(text, s)
        if not (
            words
            and words[-1].isalpha()
            and words[-1].islower()
            # "Tuvaland Agrees to Billion Dollar Deal" is a headline's
            and self._prose(words)
        ):
            return False
        unit = _right_word(text, e)
        if unit is None or unit.start(1) != e + 1:
            return False
        word = unit.group(1)
        if not (
            word[0].isupper()
            and word.isalpha()
            and not word.endswith("s")  # as a noun's modifier: "Dollar", not "Dollars"
            and _unit_key(word) in self._unit_heads
        ):
            return False
        name = _right_word(text, unit.end())
        if name is None or name.start(1) != unit.end() + 1:
            return False
        word = name.group(1).rstrip(".")
        return (
            word[0].isupper()
            and word.lower() not in self.lex.scales
            and _unit_key(word) not in self._unit_heads
        )

    def _name_ends(self, text: str, s: int, e: int, surface: str) -> bool:
        """Whether capitalised number words at ``text[s:e]`` end a name: right after a run
        of capitalised words (or its "of") that a lower-case word opens in prose, in the
        same sentence ("raced in Formula One", "the Group of Seven", "since World War Two",
        "watched Ocean's Eleven"), or after such a number and "to", "and" or "or" ("Plants
        Three and Four"). Not before a capitalised word ("after Tuvacorp Sells Three
        Plants": a headline's), a scale's or a unit's word, nor after a day's or a month's
        name or a label in capitals ("on Friday Three", "April Three", "NOTE Fourteen")."""
        if not surface[0].isupper() or surface.isupper() or s < 2 or text[s - 1] != " ":
            return False
        words = _sentence_words_before(text, s)
        if not words:
            return False
        lex = self.lex
        if len(words) >= 2 and words[-1] in ("to", "and", "or"):
            first = words[-2]
            start = s - len(words[-1]) - 2 - len(first)
            return (
                start >= 0
                and text[start : start + len(first)] == first
                and first[0].isupper()
                and first.lower() in lex.number_words
                and self._name_ends(text, start, start + len(first), first)
            )
        i = len(words) - 1
        if words[i] == "of":
            i -= 1
        j = i
        while j >= 0 and words[j][:1].isupper():
            j -= 1
        if j == i or j < 0 or not (words[j].isalpha() and words[j].islower()):
            return False  # "Orvex, Seven", a sentence's start, a title-case headline
        name = words[i].removesuffix("'s").removesuffix("’s")
        if (
            not name.isalpha()
            or name.isupper()
            or name.lower() in lex.months
            or name.lower() in lex.weekdays
        ):
            return False
        if not self._prose(words[: j + 1]):
            return False
        function_words = lex.function_words
        nxt = _right_word(text, e)
        if nxt is None or nxt.start(1) != e + 1:
            return True
        word = nxt.group(1).rstrip(".")
        low = word.lower()
        return not (
            word[0].isupper()
            or low in lex.scales
            # a unit's word, not a preposition's ("Seven in Varnholm", not inches)
            or (_unit_key(low) in self._unit_heads and low not in function_words)
        )

    def _nonfigure(self, text: str, m: regex.Match[str], atom: Atom) -> str | None:
        """ "date", "year", "time", "ordinal" or "identifier" when the number is one (a
        "score" is told by `_is_score` once the range is read)."""
        lex = self.lex
        s, e = m.span()
        surface = m.group()
        if m.lastgroup == "w":
            if (
                s >= 7
                and text[s - 7 : s].lower() == "number "
                and (s == 7 or not text[s - 8].isalnum())
            ):
                return "identifier"  # "went to number one": a rank
            if (
                self._named_words(text, s, e, surface)
                or self._name_ends(text, s, e, surface)
                or self._named_sum(text, s, e, surface)
            ):
                return "identifier"  # "the Four Rivers Dam", "the cast of Seven Varn Brides"
            if self._clock_after(text, e) and 1 <= atom.value <= 12:
                return "time"  # "at four o'clock"
            return "date" if self._word_day(text, s, e, atom) else None
        if m.lastgroup not in ("d", "d2"):
            return None
        if _season(surface) is not None:
            return "year"  # "in 2001/2": a season, not 2001 halves
        if (
            "/" in surface  # most numbers: no regex run
            and (slash := _SLASH_PAIR.fullmatch(surface)) is not None
            and not _OF_AFTER.match(text, e)
        ):
            top, bottom = int(slash.group(1)), int(slash.group(2))
            if top >= bottom:
                return "identifier"  # "24/7", "50/50", "20/20 vision": no fraction
            if (
                top <= 12
                and bottom <= 31
                and (
                    bottom not in lex.fraction_denominators
                    or self._word_before(text, s) in lex.date_prepositions  # "on 12/25"
                )
            ):
                return "date"  # "9/11"; not "3/4", "5/16", "7/11 of its profit"
        before = text[s - 1] if s else ""
        after = text[e : e + 1]
        if "." in surface and (
            (after == "." and text[e + 1 : e + 2].isdigit())
            or (_ADDRESS.fullmatch(surface) and self._bare_address(text, s, e))
        ):
            return "identifier"  # "2.4.1", "10.0.0.1", "192.168.100.200": no number
        spaced = before == " "  # the commonest case: none of the tests on `before` holds
        if not spaced:
            if before == ":" and s >= 2 and text[s - 2].isdigit():
                return "time"  # the minutes of "5:25 a.m."
            if (
                before.isalpha()
                or before == "#"
                or before == "_"
                # "No.5", "vol.2": a label and its point
                or (before == "." and s >= 2 and text[s - 2].isalpha())
            ) and self._currency_before(text, s)[0] is None:
                return "identifier"  # not "Rs.5", "EUR.500"
            if before in "-–" and s >= 2 and text[s - 2].isalpha():
                word = text[max(0, s - 12) : s - 1].split()[-1].lower()
                if (
                    (word,) not in lex.qualifiers_before
                    and word not in ("minus", "negative")
                    and word not in lex.units_before
                    and word not in lex.decade_leads  # "in his mid-40s"
                ):
                    return "identifier"  # "SF-24", "COVID-19"; not "sub-7", "minus-130"
            if before == "/" and s >= 2 and text[s - 2].isdigit():
                return "date"
            if before == "×" and s >= 2 and text[s - 2].isdigit():
                return "identifier"  # the second number of "a 6×6"
        if after == "/" and text[e + 1 : e + 2].isdigit():
            return "date"
        if after == "×" and text[e + 1 : e + 2].isdigit():
            return "identifier"  # "a 6×6", "2×4 timber": a name or a size, as "4x4" is
        if after == ":" and _TIME_AFTER.match(text, e):
            return "time"
        if (
            after == " "
            # the first letter, before the word is read: most spaced numbers stop here
            and text[e + 1 : e + 2] in ("o", "O")
            and _CLOCK.fullmatch(surface)
            and self._clock_after(text, e)
        ):
            return "time"  # "at 10 o'clock"
        if (
            (after in "aApP" or (after == " " and text[e + 1 : e + 2] in "aApP"))
            and _AM_PM.match(text, e, e + 6)
            and _CLOCK.fullmatch(surface)
        ):
            return "time"
        if after.isalpha() and not _ORDINAL_DEGREES.match(text, e):  # "º" is a letter
            stop = e + WORD_MAX  # no suffix, unit or scale word is that long
            letters = _ATTACHED_WORD.match(text, e, stop)
            assert letters is not None
            if letters.end() >= stop and stop < len(text):
                return "identifier"  # letters running on: "9" + a long word, as below
            w = letters.group()
            if w.lower() in lex.ordinal_suffixes:
                return "ordinal"
            if w in lex.name_suffixes and len(surface) == 1:
                return "identifier"  # "5G", "4G": a network generation, not 5 gauss
            if text[letters.end() : letters.end() + 1].isdigit():
                return "identifier"  # "9AB8", "06F6"
            if w == "s" and (len(surface) == 4 or self._decade(text, s, surface)):
                return "year"  # "the 1980s", "the 60s"
            if not (
                (w.lower(),) in lex.qualifiers_after
                or self._lookup(w)
                or w in lex.scale_abbreviations
                or w.lower() in lex.scale_abbreviations
                or w in lex.currency_scales
                or w.lower() in lex.scales
            ):
                return "identifier"
        if (after in "-/" and _PHONE_AFTER.match(text, e)) or (before == "+" and after == "-"):
            return "identifier"
        if not spaced:
            if before == "+" and s >= 2 and text[s - 2].isalnum():
                return "identifier"  # "J0123.4+5678": a catalogue name
            if before in "-" and s >= 2 and text[s - 2].isdigit():
                j = s - 2
                while j > 0 and text[j - 1].isdigit():
                    j -= 1
                if j >= 2 and text[j - 1] == "-" and text[j - 2].isdigit():
                    return "score"  # the third of "31-4-2": a win-loss-draw record
                return None
        if (s <= 12 or "\n" in text[s - 12 : s]) and self._furniture(text, s, e):
            return "identifier"
        # the word before, when a space separates it from the number
        prev = prev_low = ""
        if spaced:
            words = text[s - 14 if s > 14 else 0 : s].split()
            if words:
                prev = words[-1]
                prev_low = prev.lower().rstrip(".,")
        if not surface.isdigit():
            # "version 7.60", "section 3.2": a label's number is a name, decimals or not
            # (not "a level 2.3 pct below": a unit follows)
            if prev_low in lex.label_words and self.unit_after(text, e, False)[0] is None:
                return "identifier"
            return None
        size = len(surface)
        if prev_low in lex.months and (1 <= int(surface) <= 31 or size == 4):
            return "date"
        if (
            prev_low in lex.weekdays
            and prev[:1].isupper()
            and 1 <= int(surface) <= 31
            and not (
                after == " "
                and (nxt_word := _right_word(text, e)) is not None
                and nxt_word.group(1)[:1].isalpha()
                and nxt_word.group(1).lower() not in lex.function_words
            )
        ):
            # "on Thursday 9.", "on Monday 3 and", "Mon 3 | Tue 4": a day of the month,
            # unless a noun follows ("said Friday 12 workers were hurt")
            return "date"
        # a day before a month, a time before "GMT", a year: small or four-digit integers
        if size == 4 or size <= 2:
            nxt = _right_word(text, e)
            nxt_low = nxt.group(1).lower().rstrip(".") if nxt else ""
            if 1 <= int(surface) <= 31 and nxt_low in lex.months:
                return "date"
            if (
                1 <= int(surface) <= 31
                and (days := _DAYS_MONTH.match(text, e)) is not None
                and 1 <= int(days.group(1)) <= 31
                and days.group(2).lower() in lex.months
            ):
                return "date"  # the first day of "6-9 January", "from 6 to 9 Jan", "4 or 5 May"
            if nxt_low in lex.time_suffixes and size == 4:
                return "time"  # "0401 GMT"
            if (
                size == 4
                and 1000 <= int(surface) <= 2200
                and not atom.scaled
                and (
                    prev_low in lex.year_cues
                    or not nxt
                    or nxt_low in lex.function_words
                    or nxt_low in lex.past_verbs  # "in calendar 2031 fell 5 pct"
                    or nxt_low in lex.months
                    or not nxt.group(1)[0].islower()
                )
                and self._year_span_ok(text, e)
                and self.unit_after(text, e, False)[0] is None
            ):
                return "year"
        if prev_low in lex.label_words:
            return "identifier"
        k = e
        if after == "-" and (house := _HOUSE_RANGE.match(text, e)):
            k = house.end()  # "12-14 Mill Road"
        if text[k : k + 1] == " " and text[k + 1 : k + 2].isupper():
            street = _STREET.match(text, k)
            if street and street.group(1).lower().rstrip(".") in lex.street_suffixes:
                return "identifier"  # a house number: "10 Downing Street", "14 E 52nd St"
            street = _STREET_FIRST.match(text, k)
            if street and street.group(1).lower().rstrip(".") in lex.street_prefixes:
                return "identifier"  # "8 Rue Clerc", "5 Rue de Rivoli"
        if size >= 4:
            nxt = _right_word(text, k)
            if nxt and nxt.start(1) == k + 1 and nxt.group(1).lower() in lex.label_nouns:
                return "identifier"  # "the 10245 ZIP code"
        if (
            prev  # a space stands between it and the number
            and prev not in _DASHES  # a name, not a dash: "40 cars — 12 of them"
            and not prev.islower()
            and not atom.scaled  # "Norway's 12 billion kroner": a name has no scale word
            and not prev.endswith(("'s", "’s"))  # nor a possessive: "Apple's 35 stores"
            and prev_low not in lex.function_words
            and prev_low not in lex.months
            and prev_low not in lex.weekdays  # "said Friday 12 people died": when, no name
            and (prev_low,) not in lex.qualifiers_before
            and (prev_low,) not in lex.trends_before
            and prev_low not in self._number_words
            and prev.rstrip(".,;:") == prev
            and prev_low not in ("minus", "negative", "about", "some")
            and prev_low not in lex.units_before  # "pH 7.4", "Magnitude 6.1 quake"
            and self._currency_before(text, s)[0] is None
            and self.unit_after(text, e, False)[0] is None
        ):
            return "identifier"
        return None

    def _bare_address(self, text: str, s: int, e: int) -> bool:
        """Whether a number of four parts at ``s:e`` that could be grouped with points
        stands bare, as an address does: no currency before it and no unit after it ("at
        192.168.100.200 failed", "192.168.100.200 hosts files"; not "€1.200.250.100",
        "1.200.250.100 euros")."""
        return (
            self._currency_before(text, s)[0] is None and self.unit_after(text, e, False)[0] is None
        )

    def _year_span_ok(self, text: str, e: int) -> bool:
        """ "2016-17" and "2018-2019" are years; "1000-5000" is a range of numbers, and so
        is "1000–2000 K", whose second number a unit follows, and "1500-2000 people": four
        digits a century or more apart before a plural of a `[classes]` noun."""
        m = _DASH_NUMBER.match(text, e)
        if not m:
            return True
        other = m.group(1)
        if not (len(other) == 2 or (len(other) == 4 and 1000 <= int(other) <= 2100)):
            return False
        unit, end = self.unit_after(text, m.end(), False)
        # a unit glued to more ("2019-2020 H2 profit", "2019-2020 C$") is no unit
        if unit is not None and not (text[end : end + 1].isalnum() or text[end : end + 1] == "$"):
            return False
        # nor, a century or more apart, a plural of a counted class: "1500-2000 people"
        nxt = _right_word(text, m.end())
        first = text[max(0, e - 4) : e]
        if (
            nxt is None
            or nxt.start(1) != m.end() + 1
            or len(other) != 4
            or not first.isdigit()
            or int(other) - int(first) < 100  # "2019-2020 sales", "1990-2000 data"
        ):
            return True
        word = nxt.group(1)
        one = self.singular(word)
        return not (word.islower() and one != word and (one,) in self.lex.subjects.classes)

    def _furniture(self, text: str, s: int, e: int) -> bool:
        """A number alone on its line (list markers, counters, page furniture)."""
        head = text[max(0, s - 12) : s]
        if s > 12 and "\n" not in head:
            return False
        if not _FURNITURE_LEFT.search(head) and not (s <= 12 and not head.strip(" \t•*·#")):
            return False
        return bool(_FURNITURE_RIGHT.match(text, e))

    def _is_pronoun_one(
        self,
        text: str,
        atom: Atom,
        qualifier: str,
        unit: str | None,
        left: list[tuple[str, int]],
    ) -> bool:
        """ "one of the officials", "no one", "the one that": not figures."""
        if not atom.words or atom.value != 1 or qualifier != "eq":
            return False
        word = text[atom.start : atom.end].lower()
        if word != "one":
            return False
        prev = left[-1][0].lower() if left else ""
        nxt = _right_word(text, atom.end)
        nxt_low = nxt.group(1).lower() if nxt else ""
        if not nxt or nxt.start(1) > atom.end + 1:
            return True
        return prev in self.lex.pronoun_one_before or nxt_low in self.lex.pronoun_one_after

    @staticmethod
    def carry_gapped_trends(text: str, figs: list[Figure]) -> list[Figure]:
        """A change stated once for a list: "A was down 2.3%, B by 2.6%" makes 2.6% a fall,
        and so does "fell 2.3% and 2.6%".

        The second figure must be of the same kind as the first, state no trend of its own,
        and follow it after a comma, a capitalised name and "by" ("helped by" is no gap),
        or in a list (`_listed`) with nothing of its own after it but a function word
        ("fell 2% and 3% in May"; not "rose 5% and 40% of voters blamed Orvex").
        """
        out: list[Figure] = []
        for i, f in enumerate(figs):
            prev = out[-1] if out else None
            q = f.quantity
            if (
                prev is not None
                and prev.quantity.trend is not None
                and q.trend is None
                and q.kind == prev.quantity.kind
                and q.kind in FIGURE_KINDS
                and (
                    (
                        _listed(text, figs, i)
                        and (
                            _ends_member(text, f.end)
                            # "cut 300 and 500 jobs": counts of one noun
                            or (q.kind == "count" and q.unit == prev.quantity.unit)
                        )
                    )
                    or (
                        (gap := _GAPPED_BY.fullmatch(text, prev.end, f.start))
                        and gap.group("name")[0].isupper()  # a name: "Burlington by 2.6%"
                    )
                )
            ):
                f = Figure(f.start, f.end, attrs.evolve(q, trend=prev.quantity.trend))
            out.append(f)
        return out

    def merge_mixed_units(self, text: str, figs: list[Figure]) -> list[Figure]:
        """Join a measure written in two units, the larger first, into one figure in the
        smaller unit: "1hr 4 mins" is 64 minutes, "5 feet 11 inches" 71 inches and "about
        2 hours 30 minutes" about 150 minutes.

        The pairs and how many of the smaller unit make one of the larger are
        ``[compound_measures]`` of ``units.toml``. Only spaces may stand between the parts;
        the first number must be written whole and the second be plain and less than that
        many: "2 hours 90 minutes", "1.5 hours 30 minutes" and "5 feet and 2 inches" stay
        two figures. The first part's qualifier, hedge and trend hold for the whole.
        """
        out: list[Figure] = []
        for f in figs:
            if (
                out
                and f.quantity.kind in ("measure", "number")
                and out[-1].quantity.kind == "measure"
            ):
                joined = self._mixed(text, out[-1], f)
                if joined is not None:
                    out[-1] = joined
                    continue
            out.append(f)
        return out

    def _mixed(self, text: str, first: Figure, second: Figure) -> Figure | None:
        """``first`` and ``second`` as one measure in two units, or None."""
        a, b = first.quantity, second.quantity
        smaller = self.lex.compound_measures.get(a.unit or "")
        if smaller is None or b.value is None or a.value is None:
            return None
        unit = b.unit or ""
        ratio = smaller.get(unit)
        end = second.end
        if b.kind == "number":
            # "5ft 11in": a symbol that is a word too, read only against the number
            sym = _GLUED_SYMBOL.match(text, end)
            unit = self.lex.compound_symbols.get(sym.group().lower(), "") if sym else ""
            ratio = smaller.get(unit)
            if sym is None or ratio is None:
                return None
            end = sym.end()
        elif ratio is None:
            # "3h 20m": the symbol read anew after the larger unit
            unit = self.lex.compound_symbols.get(
                text[second.start : second.end].lstrip("0123456789 ").lower(), ""
            )
            ratio = smaller.get(unit)
            if ratio is None:
                return None
        if (
            b.qualifier != "eq"
            or b.approximate
            or b.trend is not None
            or b.scaled
            or not Decimal(0) <= b.value < ratio
            or a.qualifier == "range"
            or a.scaled
            or a.value < 0
            or a.value.as_tuple().exponent != 0  # "1.5 hours", "3.0 hours": no whole
            or not _MIXED_GAP.fullmatch(text, first.end, second.start)
        ):
            return None
        interval = a.interval.scaled(ratio).shifted(b.value)
        value = a.value * ratio + b.value
        q = attrs.evolve(a, value=value, interval=interval, unit=unit, precision=b.precision)
        return Figure(first.start, end, q)

    def join_fraction_tails(self, text: str, figs: list[Figure]) -> list[Figure]:
        """Add "and a half" to the measure or sum before it: "a mile and a half" is 1.5
        miles, "three hours and a quarter" 3.25 hours, and "a year and a half", where "a
        year" alone is no figure, 1.5 years. The measure must be written whole, with no
        range, rate or change (a bound holds for the whole); the fraction is one of one
        unit, as "two and a half years" is."""
        out: list[Figure] = []
        for g in figs:
            tail = self._fraction_tail(text, g)
            if tail is None:
                out.append(g)
                continue
            gap = _AND_GAP.search(text, max(0, g.start - 8), g.start)
            f = out[-1] if out else None
            if gap is not None and f is not None and f.end == gap.start():
                blocked = not _ARTICLE_AT.match(text, f.start) and self._tail_blocked(text, g.end)
                joined = None if blocked else self._with_tail(f, tail, g.end)
                if joined is not None:
                    out[-1] = joined
                    continue
            elif gap is not None and (f is None or f.end <= gap.start()):
                one = self._article_unit(text, gap.start(), tail, g.end)
                if one is not None and (f is None or f.end <= one.start):
                    out.append(one)
                    continue
            out.append(g)
        return out

    def _fraction_tail(self, text: str, g: Figure) -> Decimal | None:
        """The value of ``g`` when it is "a" or "an" and a fraction word ("a half", "a
        quarter"), stated plainly, else None."""
        q = g.quantity
        if (
            q.kind not in ("number", "measure", "money")  # a unit lent from a later figure
            or q.value is None
            or not 0 < q.value < 1
            or q.qualifier != "eq"
            or q.approximate
            or q.trend is not None
        ):
            return None
        words = text[g.start : g.end].lower().split()
        if len(words) != 2 or words[0] not in ("a", "an") or words[-1] not in self.lex.fractions:
            return None
        return q.value

    def _tail_blocked(self, text: str, end: int) -> bool:
        """Whether a word of `fraction_tail_blockers` follows the fraction ending at
        ``end``: "$40 and a half of that went", "200 hectares and a third is forest" (a
        part of the sum, or a clause of its own; after "a mile" the fraction is the
        mile's: "a mile and a half was paved")."""
        nxt = _right_word(text, end)
        return (
            nxt is not None
            and nxt.start(1) == end + 1
            and nxt.group(1).lower() in self.lex.fraction_tail_blockers
        )

    def _with_tail(self, f: Figure, tail: Decimal, end: int) -> Figure | None:
        """``f`` with ``tail`` added, ending at ``end``, when ``f`` is a whole measure or
        sum with no range, rate or change, else None."""
        q = f.quantity
        if (
            q.kind not in ("measure", "money")
            or q.value is None
            or " per " in (q.unit or "")  # no rate: "9 euros a week", "10 km a day"
            or q.value < 0
            or q.value.as_tuple().exponent != 0
            or q.qualifier == "range"
            or q.scaled
            or q.trend is not None
        ):
            return None
        value = q.value + tail
        quantity = attrs.evolve(q, value=value, interval=q.interval.shifted(tail), precision=None)
        return Figure(f.start, end, quantity)

    def _article_unit(self, text: str, pos: int, tail: Decimal, end: int) -> Figure | None:
        """ "a year and a half" ending at ``end`` as one figure, when "a" or "an" and a
        unit word end right at ``pos`` (before " and "), else None."""
        m = _ARTICLE_UNIT_BEFORE.search(text, max(0, pos - WORD_MAX - 4), pos)
        if m is None:
            return None
        unit = self._lookup(m.group(2).lower())
        kind = self._unit_kind(unit)
        if unit is None or kind not in ("measure", "money"):
            return None
        value = 1 + tail
        start = m.start(1)
        left, _ = self._left_tokens(text, start)
        shape, nq = self._phrase_before(left, self.lex.qualifiers_before)
        shape, approx = _resolve_shape(shape, None)
        qualifier = shape or "eq"
        if nq:
            start = left[-nq][1]  # "more than an hour and a half"
        interval = _BOUND_SHAPES[qualifier](value)
        return self._finish(text, start, end, value, interval, qualifier, approx, None, unit, None)

    def carry_elided_units(self, text: str, figs: list[Figure]) -> list[Figure]:
        """A bare number takes the unit the text leaves out: the unit of the figure before.

        "rose 12.5 points to 3,210.40" makes 3,210.40 points; "8 dlrs vs 7" makes 7
        dollars; "90 cents, while the lowest was 70" makes 70 cents. The links are
        the ``elision_*`` lists of ``words.toml``. Years and other non-figures between
        the two are read as words.
        """
        out: list[Figure] = []
        prev: Figure | None = None
        for i, f in enumerate(figs):
            q = f.quantity
            if q.kind not in FIGURE_KINDS:
                out.append(f)
                continue
            nxt_fig = figs[i + 1] if i + 1 < len(figs) else None
            if (
                q.kind == "number"
                and nxt_fig is not None
                and nxt_fig.quantity.unit is not None
                and nxt_fig.quantity.kind != "percent"
                and _PART_OF_GAP.fullmatch(text, f.end, nxt_fig.start)
            ):
                # "2 million of the 5 million shekels", "5 of the 10 victims"
                p = nxt_fig.quantity
                f = Figure(f.start, f.end, attrs.evolve(q, kind=p.kind, unit=p.unit))
            elif (
                q.kind == "number"
                and prev is not None
                and prev.quantity.unit is not None
                # "wait of 12 months ... fell from 4,120 to 3,870": a move's own level before
                and not (nxt_fig is not None and self._move_start(text, f, nxt_fig))
            ):
                # a word after the number may name its own thing: "and 53 wounded"
                nxt = _right_word(text, f.end)
                low = nxt.group(1).lower().rstrip(".") if nxt else ""
                gap = text[prev.end : f.start]
                source: Figure | None = None
                if not low or low in self.lex.elision_followers:
                    if self._elides_unit(gap, prev.quantity):
                        source = prev
                    else:
                        # "shed 85.5 points, or 1.1%, to close at 7,610.2"
                        first = self._restated(text, out, prev)
                        if first is not None and self._elides_unit(gap, first.quantity, True):
                            source = first
                if source is None and self._parallel(gap, prev.quantity, low):
                    source = prev  # "40 flats by auction and 25 by lottery"
                if source is None and low == "who":
                    # "310 people who ... and 95 who ...": "who" counts people
                    source = self._who_counted(text, out, f.start)
                if source is not None:
                    p = source.quantity
                    f = Figure(f.start, f.end, attrs.evolve(q, kind=p.kind, unit=p.unit))
            out.append(f)
            prev = f
        return out

    def _move_start(self, text: str, f: Figure, nxt: Figure) -> bool:
        """Whether ``f`` is the level a move starts from, ``nxt`` the level it reaches: a
        move word (and an adverb in -ly) and "from" before ``f``, "to" before ``nxt``
        ("fell sharply from 4,120 to 3,870"; not "rose to 510 tonnes from 480 and ... to")."""
        word = _from_to(text, f, nxt)
        return word is not None and (word,) in self.lex.trends_before

    def _parallel(self, gap: str, q: Quantity, follower: str) -> bool:
        """Whether a count and a bare number stand in parallel clauses, the noun left out
        of the second: "40 flats by auction and 25 by lottery", "12 boats in May and
        9 in June". The same preposition follows the noun and the number, and a sibling
        link ("and", "but", "while" ...) ends the gap."""
        if q.kind != "count" or len(gap) > 60 or not _ELISION_GAP.fullmatch(gap):
            return False
        words = gap.replace(",", " ").lower().split()
        if len(words) < 3 or self.singular(words[0]) != q.unit:
            return False
        return (
            words[1] == follower
            and follower in self.lex.elision_followers
            and words[-1] in self.lex.elision_sibling_links
        )

    @staticmethod
    def _who_counted(text: str, before: list[Figure], start: int) -> Figure | None:
        """The nearest count before ``start`` in its sentence: what a bare number
        followed by "who" counts (within 200 characters, no sentence end between)."""
        for f in reversed(before):
            if start - f.end > 200 or _SENTENCE_BREAK.search(text, f.end, start):
                return None
            if f.quantity.kind == "count" and f.quantity.unit is not None:
                return f
        return None

    @staticmethod
    def _restated(text: str, before: list[Figure], prev: Figure) -> Figure | None:
        """The figure a percentage restates, as in "shed 85.5 points, or 1.1%", or
        None."""
        if prev.quantity.kind != "percent" or len(before) < 2 or before[-1] is not prev:
            return None
        first = before[-2]
        if first.quantity.kind in ("count", "measure") and _RESTATE_GAP.fullmatch(
            text, first.end, prev.start
        ):
            return first
        return None

    def _elides_unit(self, gap: str, q: Quantity, restated: bool = False) -> bool:
        """Whether ``gap`` links the figure ``q`` to a bare number of the same unit
        (``restated``: a percentage restating ``q`` stands between, the gap after it)."""
        if len(gap) > 60 or not _ELISION_GAP.fullmatch(gap):
            return False
        words = gap.replace(",", " ").lower().split()
        kind = q.kind
        if restated:  # "points, or 2.14%, to fall to" / ", to close at"
            lex = self.lex
            last = words[-1] if words else ""
            return len(words) <= 3 and (
                last in lex.elision_level_links or last in lex.elision_clause_verbs
            )
        if kind == "count":  # the gap starts with the counted noun: "points to"
            nouns = [i for i, w in enumerate(words[:4]) if self.singular(w) == q.unit]
            if not nouns:
                return False
            words = words[nouns[0] + 1 :]
        lex = self.lex
        if not words:
            return False
        links = lex.elision_level_links
        two = len(words) > 1 and " ".join(words[-2:]) in links  # "up from"
        if kind != "percent" and (two or words[-1] in links):
            rest = len(words) - (2 if two else 1)
            return rest == 0 or (kind != "count" and rest <= 3)  # "points in 2008 to"
        siblings = lex.elision_sibling_links
        if " ".join(words) in siblings:
            return True
        return (
            kind != "count"
            and 3 <= len(words) <= 5
            and words[0] in siblings
            and words[-1] in lex.elision_clause_verbs
        )

    def read_ages(self, text: str, figs: list[Figure]) -> list[Figure]:
        """A bare whole number a person "is", "was" or "turned", ending its clause, is an
        age: "their son, who was 9, ..." is 9 years of age, as are "aged 9" and a number
        set off by commas after a name: "Lena Ortiz, 61, was ..." (``age_*`` of
        words.toml)."""
        out = list(figs)
        for i, f in enumerate(out):
            q = f.quantity
            if self._age_bounds(text, f):
                out[i] = Figure(f.start, f.end, attrs.evolve(q, kind="measure", unit=AGE_UNIT))
                continue
            if (
                q.kind != "number"
                or q.unit is not None
                or q.qualifier != "eq"
                or q.value is None
                or not (0 < q.value < 130)
                or q.value != q.value.to_integral_value()
            ):
                continue
            if decades := self._age_in_decades(text, f):
                out[i] = decades
            elif (
                self._after_age_marker(text, f.start)
                or self._appositive_age(text, f)
                or self._age_of_verb(text, f)
                or self._age_at_verb(text, f)
            ):
                out[i] = Figure(f.start, f.end, attrs.evolve(q, kind="measure", unit=AGE_UNIT))
        return out

    def read_ratios(self, text: str, figs: list[Figure]) -> list[Figure]:
        """Two whole numbers joined by "in" (or "in every"), the first the smaller, are one
        share, stated as a percentage: "one in five Tuvaland adults" is 20% of them, "just
        under one in 10" below 10%; so are two joined by "out of" written in words or out
        of 10 or 100 ("three out of four voters", "9 out of 10"), while "12 out of 23
        agencies" stays two counts. The second number must stand alone: "1 in 5 or more"
        and "3 in 10 minutes" are no share."""
        out: list[Figure] = []
        i = 0
        while i < len(figs):
            f = figs[i]
            g = figs[i + 1] if i + 1 < len(figs) else None
            share = None if g is None else self._ratio(text, f, g)
            if share is None or g is None:
                out.append(f)
                i += 1
                continue
            out.append(Figure(f.start, g.end, share))
            i += 2
        return out

    def _ratio(self, text: str, f: Figure, g: Figure) -> Quantity | None:
        """The share "``f`` in ``g``" states, or None (`read_ratios`)."""
        link = _RATIO_LINK.fullmatch(text, f.end, g.start)
        p, q = f.quantity, g.quantity
        if (
            link is None
            or p.kind not in ("count", "number")
            or q.kind not in ("count", "number")
            or p.value is None
            or q.value is None
            or p.qualifier == "range"
            or p.trend is not None  # "the index fell 1 in 3 sessions"
            or q.qualifier != "eq"
            or q.approximate
            or q.trend is not None
            or p.value != p.value.to_integral_value()
            or q.value != q.value.to_integral_value()
            or not 0 < p.value < q.value
        ):
            return None
        first = text[f.start : f.end]
        if link.group(1).lower() != "in":  # "out of"
            worded = not any(ch.isdigit() for ch in first + text[g.start : g.end])
            if not worded and q.value not in (10, 100):
                return None
        elif any(ch.isdigit() for ch in first) and p.value != 1:
            return None  # "scored 12 in 14 appearances", "arrested 5 in 20 raids"
        noun = _right_word(text, g.end)
        if noun is not None and noun.group(1).lower() in self.lex.ratio_occasions:
            return None  # "lost two in 30 games": what happened on each occasion
        return _as_share(p, q.value)

    def read_shares(self, text: str, figs: list[Figure]) -> list[Figure]:
        """A fraction written in words right before "of" is a share of what follows, stated
        as a percentage: "a third of Tuvaland's farms" is 33.3...% of them, "about two-thirds
        of the vote" about 66.6...%; not "a third of a mile" (an amount of one thing), nor
        "three quarters of growth" (periods: `period_fractions` of words.toml)."""
        out = list(figs)
        lex = self.lex
        for i, f in enumerate(out):
            q = f.quantity
            if q.kind not in ("count", "number") or q.value is None or not 0 < q.value < 1:
                continue
            last = _last_word(text, f.start, f.end)
            of = _OF_WORD.match(text, f.end)
            if last not in lex.fractions or of is None:
                continue
            nxt = of.group(1)
            low = nxt.lower()
            if low in ("a", "an", "one"):
                continue  # "a third of a mile": an amount
            if low in lex.fraction_referents:
                continue  # "3,000 troops, a third of them": a share of the count before
            if last in lex.period_fractions and self._periods(text, f.start, of.start(1)):
                continue  # "three quarters of growth", "the first three quarters of 2024"
            out[i] = Figure(f.start, f.end, _as_share(q, Decimal(1)))
        return out

    def _periods(self, text: str, start: int, whole: int) -> bool:
        """Whether a plural fraction word at ``start``, before "of" and the word at
        ``whole``, counts periods (`period_fractions` of words.toml): "three quarters of
        growth", "three quarters of the year", "the first three quarters of 2024"."""
        lex = self.lex
        before = _sentence_words_before(text, start)
        if before and before[-1].lower() in lex.period_leads:
            return True
        words = text[whole : whole + 40].split()[:2]
        first = words[0].strip(".,;:").lower() if words else ""
        if first in ("the", "this", "that", "its", "their", "last", "next") and len(words) > 1:
            first = words[1].strip(".,;:").lower()
            if first in lex.period_leads:
                return True  # "three quarters of the past year", "of the last four"
        elif (
            words
            and words[0].islower()
            and first not in lex.function_words
            and not _looks_plural(first, lex)
        ):
            return True  # "three quarters of growth": no determiner, a mass noun
        return first in lex.period_wholes or (len(first) == 4 and first.isdigit())

    def _age_bounds(self, text: str, f: Figure) -> bool:
        """Whether ``f`` is a bound or a range of whole numbers below 130, with no unit of
        its own, right after an age marker: "aged 18 to 34", "aged between 18 and 30",
        "aged under 30", "aged 65 and over", "ages 18 or older" (a counted noun the figure
        reader took after it is no count: "aged 50 or above use")."""
        q = f.quantity
        iv = q.interval
        if (
            q.qualifier == "eq"
            or q.kind not in ("number", "count")
            or (q.kind == "number" and q.unit is not None)
            or q.trend is not None
            or not self._after_age_marker(text, f.start)
        ):
            return False
        bounds = [b for b in (iv.low, iv.high) if b is not None]
        return bool(bounds) and all(0 <= b < 130 and b == b.to_integral_value() for b in bounds)

    def _decade(self, text: str, start: int, surface: str) -> bool:
        """Whether the two digits ``surface`` at ``start``, before an "s", are a decade:
        "the 60s", "the '90s", "mid-80s", "the 1950s and 60s"; not "his 40s", an age."""
        if len(surface) != 2 or surface[1] != "0" or surface[0] == "0":
            return False
        before = text[max(0, start - 48) : start]
        return bool(self._decade_lead.search(before)) and not self._decade_owner.search(before)

    def _age_in_decades(self, text: str, f: Figure) -> Figure | None:
        """ "in his 40s", "her early 30s": an age of at least the decade's first year and
        below the next decade's, the figure's span taking in the "s"; else None."""
        q = f.quantity
        if (
            f.end - f.start != 2
            or text[f.end - 1] != "0"
            or text[f.end : f.end + 1] != "s"
            or text[f.end + 1 : f.end + 2].isalnum()
            or q.value is None
            or not self._decade_owner.search(text, max(0, f.start - 48), f.start)
        ):
            return None
        interval = Interval(q.value, q.value + 10, True, False)
        age = attrs.evolve(
            q, value=None, interval=interval, qualifier="range", kind="measure", unit=AGE_UNIT
        )
        return Figure(f.start, f.end + 1, age)

    def _age_at_verb(self, text: str, f: Figure) -> bool:
        """Whether the figure follows "at" in the clause of a verb of `age_at_verbs` and
        ends its clause: "Lena Ortiz died in Varnholm at 83", not "died at 3 am"."""
        if not self._age_at.search(text, max(0, f.start - 64), f.start):
            return False
        nxt = _right_word(text, f.end)
        if nxt is None or nxt.start(1) != f.end + 1:
            return text[f.end : f.end + 1] in ("", ".", ",", ";", ")", "!", "?")
        return nxt.group(1).lower() in self.lex.age_followers or nxt.group(1).lower() == "after"

    def _age_of_verb(self, text: str, f: Figure) -> bool:
        """Whether the figure follows a person and a verb of being ("who was 9") and ends
        its clause (``age_subjects``, ``age_verbs``, ``age_followers``)."""
        if not self._age_before.search(text, max(0, f.start - 24), f.start):
            return False
        nxt = _right_word(text, f.end)
        if nxt is None or nxt.start(1) != f.end + 1:
            return text[f.end : f.end + 1] in ("", ".", ",", ";", ")", "!", "?")
        return nxt.group(1).lower() in self.lex.age_followers

    def _after_age_marker(self, text: str, start: int) -> bool:
        """Whether an age marker and a space stand right before ``start``: "aged 61"."""
        if start < 4 or text[start - 1] != " " or not text[start - 2].isalpha():
            return False
        head = text[max(0, start - 12) : start - 1]
        cut = max(head.rfind(c) for c in ' \t\n("“')
        if cut < 0 and start > 12:
            return False  # a word longer than any marker
        word = head[cut + 1 :].lower()
        if word == "of" and start >= 7:  # "at the age of 83", not "the stage of 83"
            return text[start - 7 : start - 3].lower() == "age " and not (
                start > 7 and text[start - 8].isalnum()
            )
        return word in self._age_markers

    def _appositive_age(self, text: str, f: Figure) -> bool:
        """Whether the figure is two digits or fewer set off by a comma after a capitalised
        word that can end a name, and ending its phrase: "Lena Ortiz, 61, was ...", "...
        and Tom Varn, 58." (not a list: "Orvex, 12, 14 and 15")."""
        if (
            f.end - f.start > 2
            or text[f.start - 2 : f.start] not in (", ", ",\t")
            or text[f.end : f.end + 1] not in (",", ".", ";", ")")
            or not text[f.start].isdigit()
            or text[f.end + 1 : f.end + 3].lstrip()[:1].isdigit()  # a list: "Orvex, 12, 14"
        ):
            return False
        m = _NAME_COMMA.search(text, max(0, f.start - 30), f.start)
        return m is not None and m.group(1).lower() not in self._not_names

    def carry_bracketed_rates(self, text: str, figs: list[Figure]) -> list[Figure]:
        """A rate written after a bracketed restatement is the rate of both figures:
        "300 litres (79 gallons) a day" is litres and gallons per day."""
        if "(" not in text:
            return figs  # most texts: no bracket, no restatement in one
        out = list(figs)
        for i in range(1, len(out)):
            a, b = out[i - 1], out[i]
            qa, qb = a.quantity, b.quantity
            if (
                qa.unit is None
                or qb.unit is None
                or qb.kind not in FIGURE_KINDS
                or qa.kind not in FIGURE_KINDS
                or " per " in qa.unit
                or " per " in qb.unit
                or not _OPEN_BRACKET.fullmatch(text, a.end, b.start)
            ):
                continue
            close = _CLOSE_BRACKET.match(text, b.end)
            rate = close and self._count_rate(text, close.end())
            if rate:
                out[i - 1] = Figure(a.start, a.end, attrs.evolve(qa, unit=f"{qa.unit} per {rate}"))
                out[i] = Figure(b.start, b.end, attrs.evolve(qb, unit=f"{qb.unit} per {rate}"))
        return out

    @staticmethod
    def carry_restatements(text: str, figs: list[Figure]) -> list[Figure]:
        """A figure restated in other units takes the bounds, hedge and trend of the first.

        "more than 80 km (50 miles)" is more than 50 miles; "lost 120 points, or 0.4%" is
        a fall of 0.4%; "under 250 hp (186 kW / 253 PS)" bounds all three.
        """
        out: list[Figure] = []
        carried = False  # the previous figure took its reading from the one before
        for f in figs:
            prev = out[-1] if out else None
            q = f.quantity
            if (
                prev is not None
                and q.kind in FIGURE_KINDS
                and prev.quantity.kind in FIGURE_KINDS
                and q.qualifier == "eq"
                and not q.approximate
                and q.trend is None
            ):
                p = prev.quantity
                shape = p.qualifier if p.qualifier != "range" else "eq"
                # only a bound, a hedge or a trend is carried: look at the gap only then
                if (shape != "eq" or p.approximate or p.trend) and (
                    _RESTATE_GAP.fullmatch(text, prev.end, f.start)
                    or (carried and _SLASH_GAP.fullmatch(text, prev.end, f.start))
                ):
                    assert q.value is not None
                    q = attrs.evolve(
                        q,
                        interval=_BOUND_SHAPES[shape](q.value),
                        qualifier=shape,
                        approximate=p.approximate,
                        trend=p.trend,
                    )
                    out.append(Figure(f.start, f.end, q))
                    carried = True
                    continue
            if (
                prev is not None
                and len(out) >= 2
                and q.kind == "percent"
                and q.trend is None
                and prev.quantity.trend is None
                and prev.quantity.value is not None
                and out[-2].quantity.value is not None
                and prev.quantity.value != out[-2].quantity.value
                and _RESTATE_GAP.fullmatch(text, prev.end, f.start)
                and _from_to(text, out[-2], prev) is not None
            ):
                # "rose from $40m to $55m, or 37.5%": the move's change, in its direction
                up = prev.quantity.value > out[-2].quantity.value
                f = Figure(f.start, f.end, attrs.evolve(q, trend="up" if up else "down"))
            carried = False
            out.append(f)
        return out

    @staticmethod
    def merge_compound(text: str, figs: list[Figure]) -> list[Figure]:
        """Join "more than 20 and less than 30" into one range."""
        out: list[Figure] = []
        for f in figs:
            if out:
                prev = out[-1]
                a, b = prev.quantity, f.quantity
                lower, upper = (a, b) if a.qualifier in _LOWER_BOUNDS else (b, a)
                if (
                    # one bounds from below, the other from above
                    lower.qualifier in _LOWER_BOUNDS
                    and upper.qualifier in _UPPER_BOUNDS
                    and _COMPOUND_GAP.match(text[prev.end : f.start])
                    and "\n" not in text[prev.end : f.start]
                    and lower.interval.low is not None
                    and upper.interval.high is not None
                    and (a.unit == b.unit or a.unit is None or b.unit is None)
                ):
                    # the numbers both bounds allow; none for "more than 0 and less than 0"
                    iv = lower.interval.intersection(upper.interval)
                    if not iv.is_empty:
                        q = Quantity(
                            None,
                            iv,
                            "range",
                            a.approximate or b.approximate,
                            a.trend,
                            a.kind if a.unit else b.kind,
                            a.unit or b.unit,
                        )
                        out[-1] = Figure(prev.start, f.end, q)
                        continue
            out.append(f)
        return out
