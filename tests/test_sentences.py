"""Sentence spans: a run without a sentence end is cut into readable pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import figtrack
from figtrack.sentences import MAX_SENTENCE, Sentences

_PIECES = st.sampled_from(["Shr 10 cts vs 5 cts ", "net 1,000 ", "x" * 300, " ", "Up 5%. ", "\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_no_span_is_longer_than_the_limit(text: str) -> None:
    """Every offset lies in a span of at most `MAX_SENTENCE` characters that holds it,
    whether or not the text has sentence ends."""
    sentences = Sentences(text)
    for offset in range(0, len(text), 7):
        start, end = sentences.span_at(offset)
        assert end - start <= MAX_SENTENCE
        assert start <= offset
        assert text[start:end] == text[start:end].rstrip()


def test_a_long_line_of_figures_keeps_short_sentences() -> None:
    """A flattened table (figures and no sentence end) gives claims whose sentences are
    at most `MAX_SENTENCE` long (plus a figure crossing a cut) and sit at their offsets,
    so a document's JSON grows with its size, not with its size squared."""
    line = "Shr 10 cts vs 5 cts Net 1,000 vs 2,000 Revs 3.5 mln vs 4.1 mln " * 300
    claims = figtrack.extract(line)
    assert len(claims) == 6 * 300
    for c in claims:
        assert len(c.sentence) <= MAX_SENTENCE + len(c.surface)
        assert line[c.sentence_start : c.sentence_start + len(c.sentence)] == c.sentence
        assert c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence)
