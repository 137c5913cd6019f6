"""The candidate scanner: its fast path finds exactly the candidates of its exact pattern."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from figtrack.extract import default_extractor
from figtrack.scan import _START, Scanner

SCANNER: Scanner = default_extractor()._scanner

#: the characters digit candidates are made of and bounded by, ASCII and not
_NUMERIC = st.sampled_from(
    [*"0123456789", *".,. -/^×x eE+−⁻³½¾", "\u00a0", "\u202f", "٣", "a", "i", "b", "\n", "$"]
)
numeric_text = st.lists(_NUMERIC, max_size=40).map("".join)


def _reference(text: str) -> list[tuple[tuple[int, int], str | None]]:
    """The candidates as the one exact pattern finds them (the scanner without its fast
    path), with the number words merged in."""
    found = sorted([*SCANNER.digits.finditer(text), *SCANNER._word_matches(text)], key=_START)
    return [(m.span(), m.lastgroup) for m in found]


@settings(max_examples=3000, deadline=None)
@given(numeric_text)
@example(".5 1/2")  # a run inside ".5" is not a candidate, the "1/2" after it is
@example("x.5.25 and 3½")
@example("i7 860 and 1 000 000")
@example("1,000,000.5e3 x 10^6")
def test_fast_digit_runs_give_the_exact_candidates(text: str) -> None:
    """On any text of digits and what surrounds them, `Scanner.finditer` gives the same
    candidates, with the same spans and kinds, as the exact digit pattern: the faster
    pattern it uses on ASCII text without a leading-point number (".5") changes nothing."""
    assert [(m.span(), m.lastgroup) for m in SCANNER.finditer(text)] == _reference(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(numeric_text, st.sampled_from([" twenty-one ", " a dozen ", "s"]))))
def test_candidates_with_number_words_are_in_order(parts: list[str]) -> None:
    """With number words among the digits, candidates still come as the exact pattern
    and the word pattern give them, in order of position."""
    text = "".join(parts)
    assert [(m.span(), m.lastgroup) for m in SCANNER.finditer(text)] == _reference(text)


#: pieces of text around number words: the words, their near misses, joiners, units
_WORDISH = st.sampled_from(
    [
        *["one", "Two", "TEN", "twenty", "hundred", "billion", "a", "an", "A", "few"],
        *["tens", "several", "hundreds", "of", "thousands", "dozen", "and", "half"],
        *["mile", "gallon", "tonne", "often", "someone", "tension", "abc", "x", "s"],
        *[" ", " ", "  ", "\t", "-", "&", ",", ".", "(", "'", "_", "1", "İ", "é"],
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_WORDISH, max_size=30).map("".join))
@example("one hundred and a half; tens of thousands; an ounce; a mile")
@example("someone often one-third, twenty-one")
def test_word_candidates_are_those_of_the_case_blind_pattern(text: str) -> None:
    """The number-word candidates found by first looking for where one can start, in
    lower-cased text, are exactly those the case-blind word pattern finds in one search."""
    expected = [(m.span(), m.lastgroup) for m in SCANNER.words.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in SCANNER._word_matches(text)] == expected
