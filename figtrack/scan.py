"""The compiled patterns that find candidate numbers in one pass.

Every pattern here is linear: digit runs are possessive, each alternative starts only at
the beginning of a run (a lookbehind rejects positions inside one), and no pattern ends
in a condition that can fail after a long run was consumed.
"""

from __future__ import annotations

from typing import Any

import regex

from figtrack.lexicon import Lexicon

_DIGITS = r"""
    (?<![\d][.,]?)                              # never inside a digit run
    (?P<d>
      (?:\d{1,3}(?:,\d{3})++(?!\d)|\d{1,3}(?:[\u00a0\u2009\u202f\ ]\d{3})++(?![\d,.])|\d++)
      (?:\.\d++)?+
      (?:[eE][-+−]?\d{1,3}(?![\w]))?+
      (?:[\ ]?[×x][\ ]?10(?:\^[-−]?\d{1,3}|[-−]\d{1,3}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})
        |x2\^\d{1,2})?+
      (?:\ \d{1,2}/\d{1,3}(?![\d/]))?+
      (?:/\d{1,3}(?![\d/]))?+
      [½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]?+
    )
    | (?<![\d.])(?P<d2>\.\d++)
    | (?P<uf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])
"""


def _alternation(words: Any) -> str:
    """Longest-first alternation of literal words."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def build_scanner(lex: Lexicon) -> regex.Pattern[str]:
    """One pattern for digit numbers, vague magnitudes and numbers in words."""
    word = _alternation(lex.number_words)
    vague = _alternation(lex.vague).replace(r"\ ", r"\s+")
    words = rf"""
        (?P<v>\b(?:{vague})\b)
        | (?P<w>\b(?:{word})\b
              (?:(?:[\ \t]*[-&][\ \t]*|[\ \t]+)(?:and[\ \t]+)?(?:an?[\ \t]+)?(?:{word})\b)*+)
    """
    return regex.compile(
        _DIGITS + "|" + words, regex.VERBOSE | regex.IGNORECASE
    )
