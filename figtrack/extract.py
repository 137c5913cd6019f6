"""The extraction pipeline: text -> candidates -> figures -> claims.

>>> claims = extract("Officials said at least 10,000 troops were there.")
>>> c = claims[0]
>>> c.surface, c.quantity.qualifier, c.quantity.unit, str(c.quantity.interval)
('at least 10,000', 'ge', 'troop', '[10000, +inf)')
"""

from __future__ import annotations

import threading
from pathlib import Path

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
        return read_figures(self._scanner, self._reader, text)

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
        everything = read_figures(self._scanner, self._reader, text)
        return read_claims(
            everything,
            self._subjects,
            text,
            source,
            published,
            bool(include_nonfigures),
            bool(subjects),
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
