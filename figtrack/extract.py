"""The extraction pipeline: text -> candidates -> figures -> claims.

>>> claims = extract("Officials said at least 10,000 troops were there.")
>>> c = claims[0]
>>> c.surface, c.quantity.qualifier, c.quantity.unit, str(c.quantity.interval)
('at least 10,000', 'ge', 'troop', '[10000, +inf)')
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Final

import attrs

from figtrack.corpus import optional_str
from figtrack.figures import Figure, FigureReader
from figtrack.lexicon import Lexicon, load_lexicon
from figtrack.model import Claim
from figtrack.pipeline import read_claims, read_figures
from figtrack.scan import build_scanner
from figtrack.subjects import SubjectReader
from figtrack.units import UnitTable, build_unit_table


class Extractor:
    """A configured extractor: one lexicon, one unit table, one compiled scanner.

    Build it once and reuse it; it holds no state between calls and is safe to share
    between threads.
    """

    def __init__(self, lexicon: Lexicon | str | Path | None = None) -> None:
        if lexicon is None or isinstance(lexicon, (str, Path)):
            lexicon = load_lexicon(lexicon)
        self.lexicon: Lexicon = lexicon
        self.units: UnitTable = build_unit_table(lexicon)
        self._scanner = build_scanner(lexicon)
        self._reader = FigureReader(lexicon, self.units, self._scanner)
        self._subjects = SubjectReader(lexicon, self._reader.singular, self.units.entity)

    def figures(self, text: str) -> list[Figure]:
        """Every figure and non-figure in ``text``, in order, without sentences."""
        _check_text(text)
        return read_figures(self._scanner, self._reader, plain_spaces(text))

    def extract(
        self,
        text: str,
        source: str | None = None,
        published: str | None = None,
        *,
        include_nonfigures: bool = False,
        subjects: bool = True,
    ) -> list[Claim]:
        """The claims ``text`` states, in order of appearance.

        Dates, years, times, ordinals and identifiers are left out unless
        ``include_nonfigures`` is true; then they come with those kinds. With
        ``subjects`` (the default) each figure gets its `Subject`, and relative figures
        ("the majority") come as claims derived from the figure they are a share of.
        """
        _check_text(text)
        optional_str(source, "extract(): source")
        optional_str(published, "extract(): published")
        plain = plain_spaces(text)
        everything = read_figures(self._scanner, self._reader, plain)
        claims = read_claims(
            everything,
            self._subjects,
            plain,
            source,
            published,
            bool(include_nonfigures),
            bool(subjects),
        )
        if plain is not text:
            claims = [_as_written(c, text, plain) for c in claims]
        return claims


#: spaces of other widths, each one character as a space is: read as spaces, so "2\u00a0
#: million" (a no-break space, common in scraped pages) is two million
_OTHER_SPACES: Final = (
    "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_OTHER_SPACE: Final = re.compile(f"[{_OTHER_SPACES}]")
_TO_SPACE: Final = str.maketrans(_OTHER_SPACES, " " * len(_OTHER_SPACES))


def plain_spaces(text: str) -> str:
    """``text`` with every space of another width as a space: the same length, so every
    offset holds; ``text`` itself when it has none."""
    if text.isascii() or _OTHER_SPACE.search(text) is None:
        return text
    return text.translate(_TO_SPACE)


def _as_written(claim: Claim, text: str, plain: str) -> Claim:
    """``claim``, read from ``plain``, with its surface, sentence and subject as ``text``
    writes them."""
    subject = claim.subject
    if (
        subject is not None
        and subject.start is not None
        and subject.end is not None
        and subject.text == plain[subject.start : subject.end]
    ):
        subject = attrs.evolve(subject, text=text[subject.start : subject.end])
    start = claim.sentence_start
    return attrs.evolve(
        claim,
        surface=text[claim.start : claim.end],
        sentence=text[start : start + len(claim.sentence)],
        subject=subject,
    )


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")


_default: Extractor | None = None
_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared extractor with the bundled language data, built on first use."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract(
    text: str,
    source: str | None = None,
    published: str | None = None,
    *,
    include_nonfigures: bool = False,
    subjects: bool = True,
) -> list[Claim]:
    """Every figure ``text`` states, as `Claim` objects with exact offsets and subjects.

    Uses the default `Extractor`; build your own to use other language data.
    """
    return default_extractor().extract(
        text, source, published, include_nonfigures=include_nonfigures, subjects=subjects
    )
