"""The compiled patterns that find candidate numbers in one pass.

Every pattern here is linear: digit runs are possessive, and each alternative starts only
at the beginning of a run (a lookbehind rejects positions inside one), so an alternative
whose closing condition fails after a long run ("1,234,5678": no digit may follow) costs
that run once, and a run is read at most once per alternative, a fixed number of times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import methodcaller
from typing import Any, Final

import regex

from figtrack.lexicon import Lexicon

#: What may follow the whole part of a digit run: decimals, an exponent, "x 10^6", a
#: fraction ("1 1/2", "3/4", "2½"). A whole number (no decimals) and a fraction below one
#: joined by a hyphen are one mixed number ("41-1/2", as wire copy writes 41 1/2), never a
#: range from 41 down to 1/2: a one-digit numerator below its one-digit denominator, or
#: a numerator of one or two digits over a two-digit denominator ("99-15/32"), which
#: `NumberParser.digits` checks is larger.
_DIGITS_TAIL: Final = r"""
      (?:\.\d++)?+
      (?:[eE][-+−]?\d{1,3}(?![\w]))?+
      (?:[\ ]?[×x][\ ]?10(?:\^[-−]?\d{1,3}|[-−]\d{1,3}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})
        |x2\^\d{1,2})?+
      (?:(?:\ \d{1,2}/\d{1,3}
          |(?<!\.\d*)-(?:1/[2-9]|2/[3-9]|3/[4-9]|4/[5-9]|5/[6-9]|6/[7-9]|7/[89]|8/9
                         |\d{1,2}/[1-9]\d))
         (?![\d/]))?+
      (?:/\d{1,3}(?![\d/]))?+
      [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]?+
"""

_DIGITS: Final = rf"""
    (?<![\d][.,]?)                              # never inside a digit run
    (?P<d>
      (?:\d{{1,3}}(?:,\d{{3}})++(?!\d)
        |(?<![^\W\d_])\d{{1,3}}(?:[\u00a0\u2009\u202f\ ]\d{{3}})++(?![\d,.])  # not "i7 860"
        |\d{{1,2}}(?:,\d\d(?=,))++,\d{{3}}(?!\d|,\d)             # Indian: "1,25,000"
        |\d{{1,3}}(?:\.\d{{3}}){{2,}}+(?:,\d\d?(?![\d,.]))?+(?!\d|\.\d)  # "2.500.000,50"
        |\d++)
      {_DIGITS_TAIL}
    )
    | (?<![\d.]|[^\W\d_])(?P<d2>\.\d++)       # ".5", not the point of "Rs.5"
    | (?P<uf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])
"""

#: The ``d`` alternative of `_DIGITS` alone, written to start with its first digit (the
#: checks on what comes before it move after it), so that the engine can skip ahead to
#: the next digit instead of trying the pattern at every position: several times faster.
_DIGIT_RUNS: Final = rf"""
    (?P<d>
      \d(?<![\d][.,]?\d)                        # never inside a digit run
      (?:\d{{0,2}}(?:,\d{{3}})++(?!\d)
        |(?<![^\W\d_]\d)\d{{0,2}}(?:[\u00a0\u2009\u202f\ ]\d{{3}})++(?![\d,.])
        |\d?(?:,\d\d(?=,))++,\d{{3}}(?!\d|,\d)
        |\d{{0,2}}(?:\.\d{{3}}){{2,}}+(?:,\d\d?(?![\d,.]))?+(?!\d|\.\d)
        |\d*+)
      {_DIGITS_TAIL}
    )
"""

#: Where, in ASCII text, a ``d2`` candidate of `_DIGITS` (".5") would start: a text
#: without one has only ``d`` candidates (ASCII has no ``uf`` fraction characters).
_ASCII_POINT_NUMBER: Final = re.compile(r"\.(?<![0-9A-Za-z.]\.)[0-9]")


_START: Final = methodcaller("start")


def _longest_first(alternative: str) -> tuple[int, str]:
    return -len(alternative), alternative


def _trie(words: Any) -> str:
    """An alternation of literal words, factored by common prefix, longest first.

    The ``regex`` engine tries every branch of a flat alternation at every position; a
    prefix tree lets it drop most positions after one character.

    >>> _trie(["ten", "tens", "two"])
    't(?:en(?:s)?|wo)'
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words are tried first
            return f"(?:{'|'.join(branches)})?"
        return body

    return emit(tree)


class Scanner:
    """Two compiled patterns, digits and words, read as one stream of candidates.

    Two simple patterns are several times faster than one alternation of both.
    """

    def __init__(self, lex: Lexicon) -> None:
        word = _trie(lex.number_words)
        vague = _trie(lex.vague).replace(r"\ ", r"\s+")
        one = _trie(lex.article_units)
        scale = _trie(lex.scales)
        fraction = _trie(lex.fractions)
        # "and" (or "&") joins number words after a scale ("hundred and two") or before a
        # fraction ("two and a half", "one and three quarters", "two-and-a-half"), as
        # `NumberParser.words` reads them; elsewhere it joins two numbers ("six and four
        # cars"), each its own
        joined = rf"""(?:[\ \t]*-|[\ \t]+)(?:an?[\ \t]+)?(?:{word})\b
                  | (?<=\b(?:{scale}))[\ \t]*(?:and|&)[\ \t]+(?:an?[\ \t]+)?(?:{word})\b
                  | (?:[\ \t]*(?:and|&)[\ \t]+|-and-)(?:an?(?:[\ \t]+|-)(?:{fraction})
                                                        | (?:{word})(?:[\ \t]+|-)(?:{fraction})
                                                        | (?:{fraction}))\b"""
        words = rf"""
            (?P<v>\b(?:{vague})\b)
            | (?P<w>\b(?:{word})\b(?:{joined})*+)
            | (?P<a>\ban?(?=[\ \t]+(?:{one})\b))
            """
        self.digits = regex.compile(_DIGITS, regex.VERBOSE)
        self._digit_runs = regex.compile(_DIGIT_RUNS, regex.VERBOSE)
        self.words = regex.compile(words, regex.VERBOSE | regex.IGNORECASE)
        # where a candidate word can start in lower-cased text: the character before it
        # (any but a letter, digit or "_") and the first word of a number word or a vague
        # phrase, or "a"/"an" before a unit; the standard engine finds these far faster
        # than a case-blind search for the whole candidate, which `words` then reads at
        # each place found, and faster from that character than from a word boundary
        rests: dict[str, set[str]] = {}
        for first in [*lex.number_words, *(v.split()[0] for v in lex.vague)]:
            first = first.lower()
            rests.setdefault(first[0], set()).add(re.escape(first[1:]) + r"\b")
        rests.setdefault("a", set()).add(rf"n?(?=[\ \t]+(?:{one})\b)")
        self._word_starts = re.compile(
            r"\W(?:"
            + "|".join(
                re.escape(letter) + "(?:" + "|".join(sorted(ends, key=_longest_first)) + ")"
                for letter, ends in sorted(rests.items())
            )
            + ")"
        )

    def _word_matches(self, text: str) -> list[regex.Match[str]]:
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer ("İ")
            return list(self.words.finditer(text))
        found: list[regex.Match[str]] = []
        end = 0
        match = self.words.match
        # a space before the text, for the character `_word_starts` reads before a word:
        # where it matches in " " + lower, the word starts in text
        for start in self._word_starts.finditer(" " + lower):
            at = start.start()
            if at < end:  # inside the candidate before: "hundred" in "one hundred"
                continue
            m = match(text, at)
            if m is not None:
                found.append(m)
                end = m.end()
        return found

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """Every candidate in ``text``, in order of position."""
        digits = self.digits
        if text.isascii() and _ASCII_POINT_NUMBER.search(text) is None:
            digits = self._digit_runs  # the same matches, found faster
        words = self._word_matches(text)
        if not words:
            return digits.finditer(text)
        return iter(sorted([*digits.finditer(text), *words], key=_START))

    def match(self, text: str, pos: int) -> regex.Match[str] | None:
        """A candidate starting exactly at ``pos``, if any."""
        return self.digits.match(text, pos) or self.words.match(text, pos)


def build_scanner(lex: Lexicon) -> Scanner:
    """The candidate scanner for one lexicon."""
    return Scanner(lex)
