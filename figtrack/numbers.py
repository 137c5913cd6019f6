"""Number surfaces to exact `Decimal` values: digits, separators, words, scales, fractions.

>>> from figtrack.lexicon import load_lexicon
>>> p = NumberParser(load_lexicon())
>>> p.digits("1,234.5")
Decimal('1234.5')
>>> p.words("four million, three hundred & sixty")
Decimal('4000360')
>>> p.words("two and a half")
Decimal('2.5')
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Final

import regex

from figtrack.lexicon import Lexicon

#: Digit strings longer than this are identifiers or noise, never figures.
MAX_DIGITS: Final = 24

_WORD_SPLIT: Final = regex.compile(r"[\s\-–&,]+")
#: Thousands grouped with dots, as much of Europe writes them, and then perhaps a decimal
#: comma: "2.500.000", "2.500.000,50" (two groups at least: "2.500" alone is two and a half).
_DOT_GROUPED: Final = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d\d?)?")
_SUPERSCRIPT: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


class NumberError(ValueError):
    """A surface could not be read as a number."""


def fraction_to_decimal(value: Fraction) -> Decimal:
    """An exact Decimal where the fraction has one, else 28 significant digits."""
    return Decimal(value.numerator) / Decimal(value.denominator)


class NumberParser:
    """Reads number surfaces with the words and scales of one `Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def digits(self, surface: str) -> Decimal:
        """Digits with optional sign, thousands separators, decimals, exponent or fraction.

        Accepts ``1,234.56``, ``10 000``, ``2.500.000``, ``1,25,000`` (Indian grouping),
        ``−3``, ``4e14``, ``1/2``, ``2 1/2``, ``41-1/2``, ``2½``, ``2.48×10−5``, ``8x2^10``.
        """
        if surface.isascii() and len(surface) <= MAX_DIGITS:
            if surface.isdigit():
                return Decimal(surface)  # the common case, "2019" or "35"
            if _DOT_GROUPED.fullmatch(surface):  # "2.500.000,50": a decimal comma
                return Decimal(surface.replace(".", "").replace(",", "."))
            plain = surface.replace(",", "")
            integer, dot, decimals = plain.partition(".")
            if integer.isdigit() and (not dot or decimals.isdigit()):
                return Decimal(plain)  # "1,234.5", "3.25"
        s = surface.strip().replace("−", "-").replace("–", "-")
        if not s:
            raise NumberError("empty number")
        sign = Decimal(1)
        if s[0] in "+-":
            sign = Decimal(-1) if s[0] == "-" else Decimal(1)
            s = s[1:].lstrip()
        if s and s[-1] in self.lex.unicode_fractions:
            frac = fraction_to_decimal(self.lex.unicode_fractions[s[-1]])
            whole = self.digits(s[:-1]) if s[:-1].strip() else Decimal(0)
            return sign * (whole + frac)
        for times in ("×", "x", "X", "*"):
            if times in s:
                base, _, power = s.partition(times)
                return sign * self.digits(base) * self._power(power)
        if "/" in s:  # "1/2", "2 1/2", "41-1/2"
            whole_part, _, frac_part = s.rpartition(" ")
            mixed, hyphen, fraction = frac_part.rpartition("-")
            if hyphen:  # "41-1/2": a whole number and a fraction below one
                whole_part, frac_part = mixed, fraction
            num, _, den = frac_part.partition("/")
            if not (num.isdigit() and den.isdigit()) or int(den) == 0:
                raise NumberError(f"not a fraction: {surface!r}")
            if hyphen and int(num) >= int(den):
                raise NumberError(f"not a fraction below one after a hyphen: {surface!r}")
            value = Decimal(int(num)) / Decimal(int(den))
            if whole_part.strip():
                value += self.digits(whole_part)
            return sign * value
        cleaned = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u2009", "")
        if len(cleaned) > MAX_DIGITS + 6:
            raise NumberError(f"too many digits: {surface[:20]!r}...")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise NumberError(f"not a number: {surface!r}") from None
        if not value.is_finite():
            raise NumberError(f"not a finite number: {surface!r}")
        return sign * value

    def _and_ok(self, tokens: list[str], i: int) -> bool:
        """ "and" inside a number follows a scale ("hundred and two") or adds a fraction
        ("two and a half", "three and two-thirds")."""
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        return (
            prev in self.lex.scales
            or nxt in ("a", "an")
            or nxt in self.lex.fractions
            or self._counted_fraction(tokens, i + 1)
        )

    def _counted_fraction(self, tokens: list[str], i: int) -> bool:
        """Whether tokens ``i`` and ``i + 1`` are a number word and a fraction ("two
        thirds"), which after "and" add to the number before it."""
        lex = self.lex
        return (
            i + 1 < len(tokens)
            and (tokens[i] in lex.units or tokens[i] in lex.tens)
            and tokens[i + 1] in lex.fractions
        )

    def _compound_denominator(self, tokens: list[str], i: int) -> int | None:
        """The denominator of "twenty-fifth" in "one twenty-fifth", "a twenty-fifth" or
        "twenty-one twenty-fifths" (25), when token ``i`` is a fraction word below a tenth
        after a tens word, and a numerator below a hundred opens the number; else None
        ("twenty fifths" is 20 of 1/5)."""
        lex = self.lex
        if not 2 <= i <= 3 or tokens[i - 1] not in lex.tens:
            return None  # one or two numerator tokens before the tens word, no more
        before = tokens[: i - 1]
        if not (
            before in (["a"], ["an"])
            or (len(before) == 1 and (before[0] in lex.units or before[0] in lex.tens))
            or (len(before) == 2 and before[0] in lex.tens and before[1] in lex.units)
        ):
            return None
        part = lex.fractions[tokens[i]]
        if part.numerator != 1 or not 2 < part.denominator < 10:
            return None  # "twenty halves", "twenty quarters"
        return int(lex.tens[tokens[i - 1]]) + part.denominator

    def _power(self, power: str) -> Decimal:
        p = power.strip().translate(_SUPERSCRIPT).replace("−", "-")
        base, caret, exponent = p.partition("^")
        if not caret:
            if not p.startswith("10"):
                raise NumberError(f"not a power of ten: {power!r}")
            base, exponent = "10", p[2:]
        try:
            return Decimal(int(base)) ** int(exponent)
        except (ValueError, InvalidOperation):
            raise NumberError(f"not a power: {power!r}") from None

    def words(self, surface: str) -> Decimal:
        """A number written in words: ``"one hundred and two"``, ``"half a million"``."""
        lex = self.lex
        tokens = [t for t in _WORD_SPLIT.split(surface.lower()) if t]
        total = Decimal(0)
        current: Decimal | None = None
        pending_fraction_base: Decimal | None = None
        last_part = Decimal(0)  # what the last scale word above a hundred added
        seen = False
        for i, tok in enumerate(tokens):
            if tok == "and" and not self._and_ok(tokens, i):
                raise NumberError(f"'and' joins no number in {surface!r}")
            if tok == "and" and current is not None and self._counted_fraction(tokens, i + 1):
                total += current  # "three and two thirds": 3, then 2/3 added
                current = None
            if tok in ("and", "a", "an"):
                continue
            if tok in lex.units or tok in lex.tens:
                val = lex.units[tok] if tok in lex.units else lex.tens[tok]
                current = (current or Decimal(0)) + val
            elif tok in lex.scales:
                scale = lex.scales[tok]
                prev_scale = lex.scales.get(tokens[i - 1]) if i else None
                if current is None and prev_scale is not None and 100 < prev_scale < scale:
                    # "three thousand million": the part the smaller scale made, scaled
                    total += last_part * (scale - 1)
                    last_part *= scale
                    seen = True
                    continue
                base = Decimal(1) if current is None else current
                if scale == 100:
                    current = base * scale
                else:
                    last_part = base * scale
                    total += last_part
                    current = None
            elif tok in lex.fractions:
                frac = fraction_to_decimal(lex.fractions[tok])
                prev = tokens[i - 1] if i else ""
                denominator = self._compound_denominator(tokens, i)
                if denominator is not None and current is not None:
                    # "one twenty-fifth", "three twenty-fifths": the count over 25
                    a = tokens[0] in ("a", "an")
                    numerator = Decimal(1) if a else current - lex.tens[prev]
                    part = Fraction(int(numerator), denominator)
                    total += fraction_to_decimal(part)
                    current = None
                elif prev in ("a", "an") and i >= 2 and tokens[i - 2] == "and":
                    # "two and a half": add the fraction; "a dozen and a half", "a million
                    # and a half" at the end: add that part of the dozen or the million
                    # ("two thousand and a half dozen" is 2,006)
                    before = tokens[i - 3] if i >= 3 else ""
                    whole = lex.collectives.get(before) or lex.scales.get(before)
                    if whole is not None and before != "hundred" and i == len(tokens) - 1:
                        if current is None:
                            total += frac * whole
                        else:
                            current += frac * whole
                    else:
                        current = (current or Decimal(0)) + frac
                elif current is not None and prev not in ("and", "a", "an"):
                    # "two thirds", "one sixth": multiply the count by the fraction.
                    # exactly: 2 x 1/3 rounded once, as the digits "2/3" are
                    pending_fraction_base = fraction_to_decimal(
                        Fraction(current) * lex.fractions[tok]
                    )
                    current = None
                    total += pending_fraction_base
                else:
                    # "half a million", "a half", "one and a half"
                    current = (current or Decimal(0)) + frac
            elif tok in lex.collectives:
                current = (Decimal(1) if current is None else current) * lex.collectives[tok]
            else:
                raise NumberError(f"not a number word: {tok!r} in {surface!r}")
            seen = True
        if not seen:
            raise NumberError(f"no number in {surface!r}")
        return total + (current or Decimal(0))


def value_step(value: Decimal) -> Decimal:
    """The place value of the last significant digit of ``value``.

    >>> value_step(Decimal(2000000)), value_step(Decimal("2.5")), value_step(Decimal(53))
    (Decimal('1E+6'), Decimal('0.1'), Decimal('1'))
    """
    if not value.is_finite() or value == 0:
        return Decimal(1)
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(exponent)


def written_step(surface: str) -> Decimal | None:
    """The place value of the last significant digit as written, or None when not plain.

    Zeros written after a decimal point count ("2.80" -> 0.01); trailing zeros of a whole
    number do not ("50,000" -> 10000). Fractions and exponents give None.

    >>> written_step("50,000"), written_step("2.80"), written_step("53"), written_step("1/2")
    (Decimal('1E+4'), Decimal('0.01'), Decimal('1'), None)
    """
    plain = surface.lstrip("+-−").replace(",", "").replace(" ", "")
    plain = plain.replace("\u00a0", "").replace("\u2009", "")
    if _DOT_GROUPED.fullmatch(surface.lstrip("+-−")):
        plain = surface.lstrip("+-−").replace(".", "").replace(",", ".")
    integer, dot, decimals = plain.partition(".")
    if not integer.isdigit() and not (dot and not integer):
        return None
    if dot:
        if not decimals.isdigit():
            return None
        return Decimal(1).scaleb(-len(decimals))
    zeros = len(integer) - len(integer.rstrip("0"))
    return Decimal(1).scaleb(zeros if zeros < len(integer) else 0)
