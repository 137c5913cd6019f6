"""Compound units written right after a number: powers, products and quotients of symbols.

`read_unit_expression` reads "km²", "km^2", "square kilometres", "km squared", "s⁻¹",
"fb−1", "m/s", "J/m^2 per year", "kg/cm³", "Wh", "N·m" and the like, and names the unit the
way quantulum3 does ("square kilometre", "inverse second", "joule per square metre per
year", "newton metre"). A composed name that quantulum3 knows keeps its entity ("area",
"frequency", ...); any other gets the entity ``"derived"``.

It returns None for a plain simple unit ("km", "kilometres", "km per hour"): the caller
reads those itself, so the two paths stay apart.

The reader is conservative, because news text is full of short words that are also unit
symbols:

* a product of symbols is written attached ("Wh", "Js") or joined by "·"/"⋅"; a space
  joins two symbols only in narrow cases ("N m", "W m-2");
* a letter run is split into symbols only when the whole run splits into exactly two
  known symbols, and never when it reads as a plural ("the 2 Js were", "10kgs"), an
  acronym ("BP", "2FA"), an ordinal ("4th") or a capitalised word ("Sam", "Pay");
* a power is attached to its symbol; a bare digit or a hyphen is not a power on a leading
  capital ("A4", "MP3", "B-2" are names, not units);
* the expression must not run on into letters or digits ("Whale" is no "Wh").

Every look at the text is bounded: at most `WINDOW` characters past ``pos``.

>>> from figtrack.extract import default_extractor
>>> table = default_extractor().units
>>> read_unit_expression("an area of 5 km² nearby", 12, table)
UnitExpr(name='square kilometre', end=16, entity='area')
>>> read_unit_expression("winds of 10 m/s", 11, table)
UnitExpr(name='metre per second', end=15, entity='speed')
>>> read_unit_expression("4 km to the north", 1, table) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import regex

from figtrack.units import UnitTable

__all__ = ["WINDOW", "UnitExpr", "read_unit_expression"]

WINDOW: Final = 40  # characters looked at past ``pos``

_RUN: Final = regex.compile(r"\p{L}{1,16}")
_CARET: Final = regex.compile(r"\^(?P<minus>[-−])?(?P<n>[1-3])")
_SUPER: Final = regex.compile(r"(?P<minus>⁻)?(?P<n>[¹²³])")
_PLAIN: Final = regex.compile(r"(?P<minus>[-−])?(?P<n>[1-3])")
_POWER_WORD: Final = regex.compile(
    r"(?:(?P<word>[Ss]quare|[Cc]ubic)[ -]|(?P<abbr>sq|cu)(?:\.[ ]?|[ ]))(?=\p{L})"
)
_POWER_AFTER: Final = regex.compile(r"[ ](?P<word>squared|cubed)(?!\p{L})")
_PER_WORD: Final = regex.compile(r"[ ]per[ ](?=\p{L})")

_SPACES: Final = frozenset(" \u00a0\u2009\u202f")
_PRODUCT_DOTS: Final = frozenset("·⋅")
_DIGITS: Final = frozenset("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹")
_SPECIAL_CHARS: Final = frozenset("/-−*")
_NUMBER_MARKS: Final = frozenset(".,")
_RUN_ON: Final = frozenset("/^·⋅−⁻")  # "12 mA g− 1": a power we cannot read
_SPECIAL_STOP: Final = _RUN_ON | _DIGITS | {"-"}  # "km/h^2" is no "km/h" then "^2"
_NO_FACTOR_ENTITIES: Final = frozenset({"currency", "dimensionless"})
# Entities whose symbols news pluralises with an "s" ("10kgs", "5 yrs", "3Ks"): such a run
# is a plural, not a product with the second.
_PLURAL_ENTITIES: Final = frozenset(
    {"length", "mass", "time", "volume", "area", "temperature", "data storage"}
)
_AMBIGUOUS_FIRST: Final = frozenset({"in", "a", "at", "am", "pm", "s", "A"})
_AMBIGUOUS_SECOND: Final = frozenset({"in", "a", "at", "am", "pm", "A"})
_ORDINALS: Final = frozenset({"st", "nd", "rd", "th"})
_PRODUCT_TAILS: Final = frozenset({"h", "s", "m"})
# Single letters that may stand on both sides of a bare quotient ("m/s", "g/l", "t/h");
# others are abbreviations: "N/A", "S/P", "b/g", "y/a".
_QUOTIENT_LETTERS: Final = frozenset("msglLhtdKWJNVÅ")
_POWER_NAMES: Final = {
    2: "square",
    3: "cubic",
    -1: "inverse",
    -2: "inverse square",
    -3: "inverse cubic",
}
_POWER_WORDS: Final = {"square": 2, "sq": 2, "cubic": 3, "cu": 3, "squared": 2, "cubed": 3}
_SUPERSCRIPTS: Final = {"¹": 1, "²": 2, "³": 3}
_NAME_OPERATORS: Final = frozenset({"per", "square", "cubic", "inverse"})

_MAX_JOINS: Final = 3  # products after the first symbol
_MAX_QUOTIENTS: Final = 3  # "/" and "per" links


@attrs.frozen
class UnitExpr:
    """A compound unit read from text: its name, its exclusive end offset, its entity."""

    name: str
    end: int
    entity: str


@attrs.frozen
class _Factor:
    name: str
    power: int


@attrs.frozen
class _Unit:
    """One unit as written: one or two factors (a split run) and where it ends."""

    factors: tuple[_Factor, ...]
    end: int
    compound: bool  # the notation itself is compound (a power, a split, "square", "km/h")
    surface: str  # the letter run for a plain symbol, else ""
    word: bool  # a unit word ("kilometres"), not a symbol


class _Reader:
    """One read: the text, the table and the bound past which nothing is looked at."""

    def __init__(self, text: str, table: UnitTable, limit: int) -> None:
        self.text = text
        self.table = table
        self.limit = limit

    # -- lookups ----------------------------------------------------------------------
    def symbol(self, surface: str) -> str | None:
        """The unit a case-sensitive symbol names, if it may be a factor."""
        name = self.table.symbols.get(surface)
        if name is None and "μ" in surface:
            name = self.table.symbols.get(surface.replace("μ", "µ"))
        if name is None or self.table.entity.get(name) in _NO_FACTOR_ENTITIES:
            return None
        return name

    def word(self, surface: str) -> str | None:
        """The unit a word names ("kilometres"), if it may be a factor."""
        name = self.table.words.get(surface.lower())
        if name is None or self.table.entity.get(name) in _NO_FACTOR_ENTITIES:
            return None
        return name

    def char(self, p: int) -> str:
        return self.text[p] if p < len(self.text) else ""

    def letter_at(self, p: int) -> bool:
        return self.char(p).isalpha()

    def _same_unit_follows(self, p: int, base: str) -> bool:
        """Whether ``base`` is written again at ``p`` (after one optional space)."""
        q = p + 1 if self.char(p) == " " else p
        return self.text.startswith(base, q) and not self.letter_at(q + len(base))

    # -- pieces -----------------------------------------------------------------------
    def power(self, p: int, base: str, loose: bool) -> tuple[int, int] | None:
        """A power attached at ``p`` to the symbol ``base``: (exponent, end).

        A caret ("^2", "^-1"), superscripts ("²", "⁻¹") or a bare digit ("2", "-1", "−1").
        Unless ``loose`` (after "/" or "·"), a bare digit or hyphen needs a lower-case base,
        and a bare positive digit on one letter is only "m2"/"m3".
        """
        m = _CARET.match(self.text, p, self.limit) or _SUPER.match(self.text, p, self.limit)
        plain = False
        if m is None:
            m = _PLAIN.match(self.text, p, self.limit)
            plain = True
        if m is None:
            return None
        n = _SUPERSCRIPTS[m["n"]] if m["n"] in _SUPERSCRIPTS else int(m["n"])
        value = -n if m["minus"] else n
        nxt = self.char(m.end())
        if value == 1 or nxt in _DIGITS:
            return None
        if plain:
            if nxt in _NUMBER_MARKS and self.char(m.end() + 1).isdigit():
                return None  # "m3.5", "km2,000": a number, not a power
            if not loose and m["minus"] != "−" and base[:1].isupper():
                return None  # "A4", "MP3", "B-2": model names
            if not loose and not m["minus"] and len(base) == 1 and base != "m":
                return None  # "2d3", "a b2 loan": only "m2", "m3" go bare on one letter
            if m["minus"] == "-" and self._same_unit_follows(m.end(), base):
                return None  # "2 m-3 m waves": a range
        return value, m.end()

    def split(
        self, run: str, spaced: bool, loose: bool, powered: bool
    ) -> tuple[_Factor, _Factor] | None:
        """A letter run that is exactly two known symbols ("Wh", "cds"), if safe to read.

        The longest first symbol wins. Outside a quotient or a "·" product (``loose``)
        the second symbol must be "h", "s" or "m", as in "Wh", "Js", "kgm". ``powered``: a
        power follows, so a final "s" is no plural ("kgs-1").
        """
        if run in self.table.symbols:
            return None  # a symbol of its own, such as "Rs" (rupees): never two
        if len(run) < 2 or run.isupper() or run.lower().rstrip("s") in _ORDINALS:
            return None  # "BP", "2FA", "4th", "5/8ths"
        if (spaced and run.islower()) or (run[0].isupper() and run[1:].islower() and len(run) > 2):
            return None  # a word: "ham", "Sam", "Pay"
        for i in range(len(run) - 1, 0, -1):
            first, second = run[:i], run[i:]
            a, b = self.symbol(first), self.symbol(second)
            if a is None or b is None:
                continue
            if first in _AMBIGUOUS_FIRST or second in _AMBIGUOUS_SECOND:
                return None
            if (not loose or run.islower()) and second not in _PRODUCT_TAILS:
                return None  # "GMt", "Pl", "1900gmt", "0.15 gm/lead"
            plural_ok = spaced or self.table.entity.get(a) in _PLURAL_ENTITIES
            if second == "s" and plural_ok and not powered:
                return None  # a plural: "the 2 Js were", "10kgs"
            return _Factor(a, 1), _Factor(b, 1)
        return None

    def special(self, p: int) -> _Unit | None:
        """A table symbol that holds an operator: "km/h", "b/d", "fb-1"."""
        for n in range(min(8, self.limit - p), 2, -1):
            s = self.text[p : p + n]
            if (
                s in self.table.symbols
                and s[0].isalpha()
                and any(c in _SPECIAL_CHARS for c in s)
                and all(c.isalpha() or c.isdigit() or c in _SPECIAL_CHARS for c in s)
            ):
                name = self.symbol(s)
                nxt = self.char(p + n)
                if name is not None and not (nxt.isalnum() or nxt in _SPECIAL_STOP):
                    return _Unit((_Factor(name, 1),), p + n, True, "", False)
        return None

    def power_word(self, p: int) -> _Unit | None:
        """ "square kilometres", "sq km", "cubic metres", "square-mile"."""
        m = _POWER_WORD.match(self.text, p, self.limit)
        if m is None:
            return None
        power = _POWER_WORDS[(m["word"] or m["abbr"]).lower()]
        r = _RUN.match(self.text, m.end(), self.limit)
        if r is None or self.letter_at(r.end()):
            return None
        run = r.group()
        name = None if run in _AMBIGUOUS_FIRST else (self.symbol(run) or self.word(run))
        end = r.end()
        if self.char(end) == " ":  # "square nautical miles"
            r2 = _RUN.match(self.text, end + 1, self.limit)
            if r2 is not None and not self.letter_at(r2.end()):
                two = self.word(f"{run} {r2.group()}")
                if two is not None:
                    name, end = two, r2.end()
        if name is None:
            return None
        return _Unit((_Factor(name, power),), end, True, "", False)

    def unit(self, p: int, *, spaced: bool, words: bool, loose: bool) -> _Unit | None:
        """One unit at ``p``: a power word, an operator symbol, or a letter run.

        ``spaced``: the run stands alone as a word (strict splitting); ``words``: unit words
        may stand here; ``loose``: a bare-digit or hyphen power is fine on a capital.
        """
        if words:
            found = self.power_word(p)
            if found is not None:
                return found
        found = self.special(p)
        if found is not None:
            return found
        r = _RUN.match(self.text, p, self.limit)
        if r is None or self.letter_at(r.end()):
            return None
        run = r.group()
        end = r.end()
        name = self.symbol(run)
        wname = self.word(run) if words and name is None else None
        pw = None if wname is not None else self.power(end, run, loose)
        factors: tuple[_Factor, ...]
        compound = False
        if name is not None:
            factors = (_Factor(name, 1),)
        elif wname is not None:
            factors = (_Factor(wname, 1),)
        else:
            pair = self.split(run, spaced, loose, pw is not None)
            if pair is None:
                return None
            factors, compound = pair, True
        if pw is not None:
            factors = (*factors[:-1], _Factor(factors[-1].name, pw[0]))
            end, compound = pw[1], True
        if not compound and len(factors) == 1:
            m = _POWER_AFTER.match(self.text, end, self.limit)
            if m is not None:
                factors = (_Factor(factors[0].name, _POWER_WORDS[m["word"]]),)
                end, compound = m.end(), True
        word = wname is not None
        surface = run if len(factors) == 1 and not word else ""
        return _Unit(factors, end, compound, surface, word)

    def term(self, p: int) -> _Unit | None:
        """A denominator after "/": one unit, then any "·" products."""
        first = self.unit(p, spaced=False, words=True, loose=True)
        if first is None:
            return None
        factors = list(first.factors)
        end = first.end
        for _ in range(_MAX_JOINS):
            if self.char(end) not in _PRODUCT_DOTS:
                break
            nxt = self.unit(end + 1, spaced=False, words=False, loose=True)
            if nxt is None:
                return None
            factors.extend(nxt.factors)
            end = nxt.end
        if len(factors) == 1:
            return attrs.evolve(first, end=end)
        return _Unit(tuple(factors), end, True, "", False)

    def space_join(self, head: _Unit, p: int) -> _Unit | None:
        """A second symbol after one space, as in "N m" or "W m-2", when that is safe."""
        if self.char(p) != " " or not head.surface or head.surface in _AMBIGUOUS_FIRST:
            return None
        r = _RUN.match(self.text, p + 1, self.limit)
        if r is None or self.letter_at(r.end()):
            return None
        run = r.group()
        if run in _AMBIGUOUS_SECOND or self.symbol(run) is None:
            return None
        nxt = self.unit(p + 1, spaced=True, words=False, loose=False)
        if nxt is None or not nxt.surface:
            return None
        if head.surface.islower() and nxt.factors[-1].power >= 0:
            return None  # "5 m s" may be words; "14 m s−1", "2 g cm−3" write a power
        if nxt.factors[0].power == 1 and (len(run) > 2 or not run[0].islower()):
            return None  # "3B/2B Ty", "43500 W R": names and initials
        return nxt

    def product(self, head: _Unit) -> tuple[list[_Factor], int] | None:
        """The head with any symbols joined to it by "·", "⋅" or (narrowly) a space."""
        factors = list(head.factors)
        end = head.end
        last = head
        for _ in range(_MAX_JOINS if not head.word else 0):
            if self.char(end) in _PRODUCT_DOTS:
                nxt = self.unit(end + 1, spaced=False, words=False, loose=True)
                if nxt is None:
                    return None
            else:
                nxt = self.space_join(last, end)
                if nxt is None:
                    break
            factors.extend(nxt.factors)
            end, last = nxt.end, nxt
        return factors, end

    def quotient(
        self, head: _Unit, numerator: list[_Factor], end: int
    ) -> tuple[list[list[_Factor]], int, bool] | None:
        """The "/x" and " per x" links after the numerator: (denominators, end, divided).

        ``divided``: the links make the expression compound (a "/", or a compound unit
        after "per"); "km per hour" alone is the caller's.
        """
        denominators: list[list[_Factor]] = []
        divided = False
        for _ in range(_MAX_QUOTIENTS):
            if self.char(end) == "/":
                got = self.term(end + 1)
                if got is None or (not denominators and _abbreviation(numerator, head, got)):
                    return None
                denominators.append(list(got.factors))
                end, divided = got.end, True
                continue
            m = _PER_WORD.match(self.text, end, self.limit)
            per = None if m is None else self.unit(m.end(), spaced=True, words=True, loose=False)
            if per is None or per.surface in _AMBIGUOUS_FIRST:
                break  # "per capita", "per cent", "per a"
            denominators.append(list(per.factors))
            end, divided = per.end, divided or per.compound
        return denominators, end, divided


def _abbreviation(numerator: Sequence[_Factor], head: _Unit, denominator: _Unit) -> bool:
    """Whether "x/y" is two letters that abbreviate words ("N/A", "S/P", "b/g", "y/a")."""
    a, b = head.surface, denominator.surface
    if len(numerator) != 1 or len(a) != 1 or len(b) != 1:
        return False
    if numerator[0].power != 1 or denominator.factors[0].power != 1:
        return False
    return a not in _QUOTIENT_LETTERS or b not in _QUOTIENT_LETTERS


def _factor_name(f: _Factor) -> str:
    return f.name if f.power == 1 else f"{_POWER_NAMES[f.power]} {f.name}"


def _product_name(factors: Sequence[_Factor]) -> str:
    """ "newton metre"; a later factor with a negative power divides: "watt per square metre"."""
    parts = [_factor_name(factors[0])]
    for f in factors[1:]:
        if f.power < 0:
            parts.append(f"per {_factor_name(_Factor(f.name, -f.power))}")
        else:
            parts.append(_factor_name(f))
    return " ".join(parts)


def _composed_table_name(name: str, table: UnitTable) -> bool:
    """Whether a table name is itself a product or quotient ("kilowatt hour", "mile per hour")."""
    words = name.split()
    if len(words) < 2 or any(w in ("square", "cubic", "inverse") for w in words):
        return False
    units = [w for w in words if w not in _NAME_OPERATORS]
    return len(units) >= 2 and all(w in table.entity for w in units)


def read_unit_expression(text: str, pos: int, table: UnitTable) -> UnitExpr | None:
    """The compound unit written at ``text[pos:]`` (one optional space first), if any.

    None when there is no unit there, or only a simple one ("km", "kilometres", "km per
    hour"): the caller reads simple units itself.

    >>> from figtrack.extract import default_extractor
    >>> table = default_extractor().units
    >>> read_unit_expression("5 J/m^2 per year", 1, table)
    UnitExpr(name='joule per square metre per year', end=16, entity='derived')
    >>> read_unit_expression("12 fb−1 of data", 2, table).name
    'inverse femtobarn'
    >>> read_unit_expression("a 10 Whale", 4, table) is None
    True
    """
    if pos < 0 or pos >= len(text):
        return None
    reader = _Reader(text, table, min(len(text), pos + WINDOW))
    spaced = text[pos] in _SPACES
    head = reader.unit(pos + spaced, spaced=spaced, words=True, loose=False)
    if head is None or (head.surface in _AMBIGUOUS_FIRST and head.factors[0].power == 1):
        return None  # "5 in/out", "2 a/b": these need a power ("s-1", "in²")
    product = reader.product(head)
    if product is None:
        return None
    numerator, end = product
    quotient = reader.quotient(head, numerator, end)
    if quotient is None:
        return None
    denominators, end, divided = quotient
    after = reader.char(end)
    if after.isalnum() or after in _DIGITS or after in _RUN_ON:
        return None  # "Whale", "km2x", "km/h/"
    if not (head.compound or len(numerator) > 1 or divided):
        lone = (
            len(numerator) == 1
            and head.surface in table.symbols
            and _composed_table_name(numerator[0].name, table)
        )
        if not lone or (spaced and head.surface[-1] == "s" and reader.symbol(head.surface[:-1])):
            return None  # a simple unit ("km", "km per hour"), or a plural ("the 5 Ws")
    name = " per ".join(
        [_product_name(numerator), *(" ".join(map(_factor_name, d)) for d in denominators)]
    )
    return UnitExpr(name=name, end=end, entity=table.entity.get(name, "derived"))
