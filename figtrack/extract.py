"""The extraction pipeline: text -> candidates -> figures -> claims.

>>> claims = extract("Officials said at least 10,000 troops were there.")
>>> c = claims[0]
>>> c.surface, c.quantity.qualifier, c.quantity.unit, str(c.quantity.interval)
('at least 10,000', 'ge', 'troop', '[10000, +inf)')
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from pathlib import Path

from figtrack.figures import Figure, FigureReader, forget_text
from figtrack.lexicon import Lexicon, load_lexicon
from figtrack.model import FIGURE_KINDS, Claim, Quantity, Subject
from figtrack.scan import build_scanner
from figtrack.sentences import Sentences
from figtrack.subjects import Sentence, SubjectReader
from figtrack.units import UnitTable, build_unit_table

#: How far from its sentence's first and last figure the subject reader looks (characters).
_WINDOW_BEFORE = 240
_WINDOW_AFTER = 320


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
        self._subjects = SubjectReader(lexicon, self._reader.singular)

    def figures(self, text: str) -> list[Figure]:
        """Every figure and non-figure in ``text``, in order, without sentences."""
        if not isinstance(text, str):
            raise TypeError(f"extract() takes a str, not {type(text).__name__}")
        out: list[Figure] = []
        consumed = 0
        read = self._reader.read
        for m in self._scanner.finditer(text):
            if m.start() < consumed:
                continue
            fig = read(text, m)
            if fig is None:
                continue
            if out and fig.start < out[-1].end:
                continue
            out.append(fig)
            consumed = max(fig.end, m.end())
        forget_text()  # the figure reader remembers its last word, and with it the text
        merged = FigureReader.merge_compound(text, out)
        carried = FigureReader.carry_restatements(text, merged)
        return self._reader.carry_elided_units(
            text, FigureReader.carry_gapped_trends(text, carried)
        )

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
        everything = self.figures(text)
        figures = everything
        if not include_nonfigures:
            figures = [f for f in figures if f.quantity.kind in FIGURE_KINDS]
        if not figures:
            return []
        sentences = Sentences(text)
        claims: list[Claim] = []
        group: list[Figure] = []
        span = (0, 0)
        for f in figures:
            s_start, s_end = sentences.span_at(f.start)
            if f.end > s_end:
                s_end = f.end
            if group and (s_start, s_end) != span:
                self._emit(text, span, group, everything, claims, source, published, subjects)
                group = []
            span = (s_start, s_end)
            group.append(f)
        self._emit(text, span, group, everything, claims, source, published, subjects)
        return claims

    def _emit(
        self,
        text: str,
        span: tuple[int, int],
        group: list[Figure],
        everything: list[Figure],
        out: list[Claim],
        source: str | None,
        published: str | None,
        subjects: bool,
    ) -> None:
        """The claims of one sentence's figures, with their subjects.

        ``everything`` is every figure and non-figure of the text, in order: a relative
        figure that overlaps one of them ("most" in "line 5 at most") is no claim, whether
        the non-figures are asked for or not.
        """
        s_start, s_end = span
        sentence = text[s_start:s_end]

        def claim(
            start: int,
            end: int,
            quantity: Quantity,
            subject: Subject | None,
            derived_from: int | None = None,
        ) -> Claim:
            return Claim(  # positional: the fields in order (faster than keywords)
                text[start:end],
                start,
                end,
                quantity,
                sentence,
                s_start,
                source,
                published,
                subject,
                derived_from,
            )

        if not subjects:
            out.extend(claim(a, b, q, None) for a, b, q in group)
            return
        # subjects are read for figures only, so that asking for the non-figures too
        # (dates, years, identifiers) changes nothing about them
        figs = [f for f in group if f.quantity.kind in FIGURE_KINDS]
        if len(figs) < len(group):
            made = [claim(a, b, q, None) for a, b, q in group if q.kind not in FIGURE_KINDS]
            if not figs:
                out.extend(made)
                return
        else:
            made = []
        # the words read around a figure lie within a few clauses of it
        lo = figs[0].start - _WINDOW_BEFORE
        hi = min(s_end, figs[-1].end + _WINDOW_AFTER)
        tokens = Sentence(text, max(lo, s_start), hi, whole=lo <= s_start)
        found, derived = self._subjects.attach(tokens, figs)
        bases = [claim(a, b, q, subj) for (a, b, q), subj in zip(figs, found, strict=True)]
        if not made and not derived:
            out.extend(bases)
            return
        made.extend(bases)
        for d in derived:
            if not _overlaps(everything, d.start, d.end):
                made.append(claim(d.start, d.end, d.quantity, d.subject, bases[d.base].start))
        if len(made) > len(bases):
            made.sort(key=lambda c: c.start)
        out.extend(made)


def _overlaps(figures: list[Figure], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``figures`` (disjoint, in order of start)."""
    i = bisect_left(figures, end, key=lambda f: f.start) - 1
    return i >= 0 and figures[i].end > start


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
