"""NumberParser: digit and word surfaces to exact Decimals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import figtrack
from figtrack.numbers import NumberError, NumberParser, fraction_to_decimal


@pytest.fixture(scope="module")
def parser() -> NumberParser:
    """A NumberParser over the bundled lexicon."""
    return NumberParser(figtrack.load_lexicon())


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("0", "0"),
        ("7", "7"),
        ("1,234.5", "1234.5"),
        ("1,234,567", "1234567"),
        ("10 000", "10000"),
        ("2.500.000", "2500000"),
        ("1,25,000", "125000"),
        ("12,50,00,000", "125000000"),
        ("1\u00a0000\u00a0000", "1000000"),
        ("1\u2009500", "1500"),
        ("0.065", "0.065"),
        ("12.50", "12.5"),
        ("-3", "-3"),
        ("−3", "-3"),
        ("+7", "7"),
        ("4e14", "400000000000000"),
        ("1/2", "0.5"),
        ("2 1/2", "2.5"),
        ("3 3/4", "3.75"),
        ("41-1/2", "41.5"),
        ("99-15/32", "99.46875"),
        ("½", "0.5"),
        ("2½", "2.5"),
        ("10¾", "10.75"),
        ("2.48×10−5", "0.0000248"),
        ("2.48×10⁻⁵", "0.0000248"),
        ("3 x 10^6", "3000000"),
        ("8x2^10", "8192"),
    ],
)
def test_digits(parser: NumberParser, surface: str, expected: str) -> None:
    """digits() reads separators, signs, exponents, fractions and powers exactly."""
    assert parser.digits(surface) == Decimal(expected)


@pytest.mark.parametrize(
    "surface", ["", "   ", "abc", "1/0", "1/x", "NaN", "inf", "1.2.3", "3-15/10", "5-1/00"]
)
def test_digits_rejects_non_numbers(parser: NumberParser, surface: str) -> None:
    """digits() raises NumberError (a ValueError) on what is not a finite number."""
    with pytest.raises(NumberError):
        parser.digits(surface)
    assert issubclass(NumberError, ValueError)


def test_digits_rejects_very_long_runs(parser: NumberParser) -> None:
    """digit runs far past MAX_DIGITS are identifiers or noise, not numbers."""
    with pytest.raises(NumberError, match="too many digits"):
        parser.digits("9" * 40)


def test_digits_is_exact(parser: NumberParser) -> None:
    """digits() keeps every decimal place: no float rounding."""
    assert parser.digits("0.1") + parser.digits("0.2") == Decimal("0.3")
    assert parser.digits("123456789012345678.25") == Decimal("123456789012345678.25")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("zero", "0"),
        ("nil", "0"),
        ("nineteen", "19"),
        ("twenty-one", "21"),
        ("fourty-two", "42"),
        ("a hundred and two", "102"),
        ("one hundred", "100"),
        ("two hundred and five", "205"),
        ("seven hundred & five", "705"),
        ("twelve hundred", "1200"),
        ("ninety-nine thousand", "99000"),
        ("one million two hundred thousand", "1200000"),
        ("four million three hundred and sixty", "4000360"),
        ("four million, three hundred & sixty", "4000360"),
        ("two billion", "2000000000"),
        ("two and a half", "2.5"),
        ("one and a half", "1.5"),
        ("two and a half million", "2500000"),
        ("half a million", "500000"),
        ("half", "0.5"),
        ("a quarter", "0.25"),
        ("three quarters", "0.75"),
        ("a dozen", "12"),
        ("three dozen", "36"),
        ("two crore", "20000000"),
        ("Twenty-One", "21"),
        ("a dozen and a half", "18"),
        ("two million and a half", "2500000"),
        ("one twenty-fifth", "0.04"),
        ("a twenty-fifth", "0.04"),
        ("twenty-one twenty-fifths", "0.84"),
        ("twenty fifths", "4"),
        ("one hundredth", "0.01"),
        ("three thousandths", "0.003"),
        ("two thousand and a half dozen", "2006"),
        ("zero twenty-fifths", "0"),
    ],
)
def test_words(parser: NumberParser, surface: str, expected: str) -> None:
    """words() reads units, tens, scales, "and", fractions and collectives; "and a half"
    after a dozen or a scale is half of one of those, and a tens word before an ordinal
    fraction after a numerator makes one denominator ("one twenty-fifth")."""
    assert parser.words(surface) == Decimal(expected)


@pytest.mark.parametrize(
    ("surface", "fraction"),
    [
        ("two thirds", Fraction(2, 3)),
        ("one-third", Fraction(1, 3)),
        ("a third", Fraction(1, 3)),
        ("five eighths", Fraction(5, 8)),
        ("three quarters", Fraction(3, 4)),
    ],
)
def test_words_fractions(parser: NumberParser, surface: str, fraction: Fraction) -> None:
    """ "two thirds" is 2/3 (to 27 places), not 2 + 1/3; "five eighths" is 0.625."""
    assert abs(parser.words(surface) - fraction_to_decimal(fraction)) < Decimal("1e-27")


def test_two_thirds_equals_digit_two_thirds(parser: NumberParser) -> None:
    """ "two thirds" in words and "2/3" in digits give the same Decimal."""
    assert parser.words("two thirds") == parser.digits("2/3")


@pytest.mark.parametrize("surface", ["", "and", "foo", "twenty foo", "a"])
def test_words_rejects_non_numbers(parser: NumberParser, surface: str) -> None:
    """words() raises NumberError when a token is no number word or none is present."""
    with pytest.raises(NumberError):
        parser.words(surface)


def test_fraction_to_decimal() -> None:
    """fraction_to_decimal is exact for terminating fractions."""
    assert fraction_to_decimal(Fraction(3, 8)) == Decimal("0.375")
    assert fraction_to_decimal(Fraction(1, 3)) == Decimal(1) / Decimal(3)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Officials said 1,234.5 tonnes were moved.", "1,234.5 tonnes", "1234.5"),
        ("The rope was 2 1/2 metres long.", "2 1/2 metres", "2.5"),
        ("Officials said half a million people came.", "half a million", "500000"),
        ("Officials said a hundred and two people came.", "a hundred and two", "102"),
        ("The decay rate was 2.48×10−5 per second.", "2.48×10−5 per second", "0.0000248"),
    ],
)
def test_numbers_in_sentences(text: str, surface: str, value: str) -> None:
    """The same surfaces read through extract() give the same value."""
    claims = figtrack.extract(text)
    assert [c.surface for c in claims][:1] == [surface]
    assert claims[0].quantity.value == Decimal(value)
