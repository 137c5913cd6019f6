"""One extraction pass over one text: candidates -> figures -> sentences -> claims.

This is the hot loop behind `figtrack.extract.Extractor`, kept apart so that the build
can compile it with the other hot modules; `Extractor` checks its arguments and calls it.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from figtrack.figures import Figure, FigureReader, forget_text
from figtrack.model import (
    FIGURE_KINDS,
    Claim,
    Quantity,
    Subject,
    new_claim,
    new_subject,
    shared_by_group,
)
from figtrack.phrases import Sentence
from figtrack.scan import Scanner
from figtrack.sentences import Sentences
from figtrack.subjects import SubjectReader

#: How far from its sentence's first and last figure the subject reader looks (characters).
WINDOW_BEFORE: Final = 240
WINDOW_AFTER: Final = 320


def read_figures(scanner: Scanner, reader: FigureReader, text: str) -> list[Figure]:
    """Every figure and non-figure in ``text``, in order, without sentences."""
    out: list[Figure] = []
    consumed = 0
    read = reader.read
    for m in scanner.finditer(text):
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
    merged = reader.merge_mixed_units(text, FigureReader.merge_compound(text, out))
    merged = reader.join_fraction_tails(text, merged)
    carried = reader.carry_bracketed_rates(text, FigureReader.carry_restatements(text, merged))
    carried = reader.carry_elided_units(text, FigureReader.carry_gapped_trends(text, carried))
    return reader.read_shares(text, reader.read_ratios(text, reader.read_ages(text, carried)))


def read_claims(
    everything: list[Figure],
    subject_reader: SubjectReader,
    text: str,
    source: str | None,
    published: str | None,
    include_nonfigures: bool,
    subjects: bool,
) -> list[Claim]:
    """The claims of ``everything`` (the figures `read_figures` found in ``text``)."""
    figures = everything
    if not include_nonfigures:
        figures = [f for f in figures if f.quantity.kind in FIGURE_KINDS]
    if not figures:
        return []
    sentences = Sentences(text)
    claims: list[Claim] = []
    group: list[Figure] = []
    span = (0, 0)
    emit = _Sentence(text, everything, claims, source, published, subject_reader, subjects)
    for f in figures:
        s_start, s_end = sentences.span_at(f.start)
        if f.end > s_end:
            s_end = f.end
        if group and (s_start, s_end) != span:
            emit.emit(span, group)
            group = []
        span = (s_start, s_end)
        group.append(f)
    emit.emit(span, group)
    if subjects:
        unkey_ambiguous(claims)
    return claims


def unkey_ambiguous(claims: list[Claim]) -> None:
    """Take the key from every claim whose key the text gives figures for that cannot all
    hold at once: "five trucks reached the depot ... guards stopped three trucks" are two
    quantities the key does not tell apart, so neither meets another source's trucks. Figures of one
    key in different units, kinds or trends ("234 miles (377 km)") are not compared."""
    meets = shared_by_group(
        ((c.subject.key, c.quantity.kind, c.quantity.unit, c.quantity.trend), c.quantity.interval)
        for c in claims
        if c.subject is not None and c.subject.key is not None
    )
    if None not in meets.values():
        return
    ambiguous = {group[0] for group, meet in meets.items() if meet is None}
    for i, c in enumerate(claims):
        subject = c.subject
        if subject is not None and subject.key in ambiguous:
            claims[i] = new_claim(
                c.surface,
                c.start,
                c.end,
                c.quantity,
                c.sentence,
                c.sentence_start,
                c.source,
                c.published,
                new_subject(
                    subject.text,
                    subject.head,
                    subject.scope,
                    subject.holder,
                    None,
                    subject.carried,
                    subject.start,
                    subject.end,
                ),
                c.derived_from,
                c.document,
            )


class _Sentence:
    """Turns the figures of one sentence at a time into claims, with their subjects."""

    def __init__(
        self,
        text: str,
        everything: list[Figure],
        out: list[Claim],
        source: str | None,
        published: str | None,
        reader: SubjectReader,
        subjects: bool,
    ) -> None:
        self.text = text
        self.everything = everything
        self.out = out
        self.source = source
        self.published = published
        self.reader = reader
        self.subjects = subjects
        self.sentence = ""
        self.s_start = 0

    def claim(
        self,
        start: int,
        end: int,
        quantity: Quantity,
        subject: Subject | None,
        derived_from: int | None = None,
    ) -> Claim:
        return new_claim(
            self.text[start:end],
            start,
            end,
            quantity,
            self.sentence,
            self.s_start,
            self.source,
            self.published,
            subject,
            derived_from,
        )

    def emit(self, span: tuple[int, int], group: list[Figure]) -> None:
        """Append the claims of one sentence's figures.

        ``everything`` is every figure and non-figure of the text, in order: a relative
        figure that overlaps one of them ("most" in "line 5 at most") is no claim, whether
        the non-figures are asked for or not.
        """
        s_start, s_end = span
        text = self.text
        self.sentence = text[s_start:s_end]
        self.s_start = s_start
        out = self.out
        claim = self.claim
        if not self.subjects:
            out.extend([claim(f.start, f.end, f.quantity, None) for f in group])
            return
        # subjects are read for figures only, so that asking for the non-figures too
        # (dates, years, identifiers) changes nothing about them
        figs = [f for f in group if f.quantity.kind in FIGURE_KINDS]
        made: list[Claim] = []
        if len(figs) < len(group):
            made = [
                claim(f.start, f.end, f.quantity, None)
                for f in group
                if f.quantity.kind not in FIGURE_KINDS
            ]
            if not figs:
                out.extend(made)
                return
        # the words read around a figure lie within a few clauses of it
        lo = figs[0].start - WINDOW_BEFORE
        hi = min(s_end, figs[-1].end + WINDOW_AFTER)
        tokens = Sentence(text, max(lo, s_start), hi, whole=lo <= s_start)
        found, derived = self.reader.attach(tokens, figs)
        assert len(found) == len(figs)
        bases = [claim(f.start, f.end, f.quantity, found[i]) for i, f in enumerate(figs)]
        if not made and not derived:
            out.extend(bases)
            return
        made.extend(bases)
        for d in derived:
            if not overlaps(self.everything, d.start, d.end):
                made.append(claim(d.start, d.end, d.quantity, d.subject, bases[d.base].start))
        if len(made) > len(bases):
            made.sort(key=_start)
        out.extend(made)


def _start(c: Claim) -> int:
    return c.start


def _figure_start(f: Figure) -> int:
    return f.start


def overlaps(figures: list[Figure], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``figures`` (disjoint, in order of start)."""
    i = bisect_left(figures, end, key=_figure_start) - 1
    return i >= 0 and figures[i].end > start
