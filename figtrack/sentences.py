"""Sentence spans, found in one pass and looked up by offset.

>>> s = Sentences("Mr. Smith left. He said 5,000 people came.\\nNext line")
>>> s.span_at(25)
(16, 42)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Final

# an end mark with its closing brackets, then spaces before something that could start a
# sentence (checked in full by _starts_sentence); or any line break. Both start with one of
# [.!?] or a line break, written first so that the search skips ahead to those characters
_BOUNDARY: Final = re.compile(
    r"""[.!?\r\n\u2028\u2029](?:(?<=[.!?])[)"'\]’”]{0,2}([ \t]+)(?=[(\["'“‘]?\w)"""
    r"""|(?<=[\r\n\u2028\u2029])\s*)"""
)
_OPENERS: Final = frozenset("([\"'“‘")
_ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpl",
        "adm",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
        "mt",
        "ft",
        "vol",
        "rev",
        "dept",
        "univ",
        "assn",
        "bros",
        "p.m",
        "a.m",
    ]
)


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether a capital letter or a digit opens the text at ``pos``, after one bracket."""
    c = text[pos]
    if c in _OPENERS and pos + 1 < len(text):
        c = text[pos + 1]
    return c.isdecimal() or unicodedata.category(c) == "Lu"


#: The longest span read as one sentence (characters). A longer run without a sentence
#: end (a table flattened to one line, a page of figures) is cut into pieces of at most
#: this length at spaces, so that a claim's ``sentence`` stays readable and the claims
#: of a document, each with its sentence, stay linear in its size.
MAX_SENTENCE: Final = 1_000


def _cut_long(text: str, starts: list[int]) -> list[int]:
    """``starts`` with more starts inside any sentence longer than `MAX_SENTENCE`."""
    ends = [*starts[1:], len(text)]
    if all(b - a <= MAX_SENTENCE for a, b in zip(starts, ends, strict=True)):
        return starts
    out: list[int] = []
    for start, end in zip(starts, ends, strict=True):
        out.append(start)
        while end - start > MAX_SENTENCE:
            space = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            start = space + 1 if space >= 0 else start + MAX_SENTENCE
            out.append(start)
    return out


class Sentences:
    """The sentence spans of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            space = m.start(1)
            if space >= 0 and (
                not _starts_sentence(text, m.end()) or self._after_abbreviation(space)
            ):
                continue
            starts.append(m.end())
        self._starts = _cut_long(text, starts)

    def _after_abbreviation(self, dot_end: int) -> bool:
        """True when the period before ``dot_end`` closes an abbreviation such as "Mr."."""
        head = self.text[max(0, dot_end - 12) : dot_end].rstrip(")\"'’”]")
        if not head.endswith("."):
            return False
        word = head[:-1].rsplit(None, 1)[-1] if head[:-1].strip() else ""
        word = word.lstrip("(\"'“‘[").lower()
        return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())

    def span_at(self, offset: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence holding ``offset``; trailing space excluded."""
        i = bisect_right(self._starts, offset) - 1
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end
