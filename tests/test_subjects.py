"""Subjects, holders, scopes and keys: a golden table of our own sentences and the
properties every subject keeps (offsets exact, keys well formed, derived claims linked)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import strategies as S
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import figtrack
from figtrack.model import Interval

GOLDEN = tomllib.loads((Path(__file__).parent / "golden" / "subjects.toml").read_text("utf-8"))
FIELDS = ("subject", "head", "scope", "holder", "key")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(case: dict[str, Any]) -> None:
    claims = [c for c in figtrack.extract(case["text"]) if c.surface == case["surface"]]
    assert len(claims) == 1, [c.surface for c in figtrack.extract(case["text"])]
    subj = claims[0].subject
    assert subj is not None
    got = {
        "subject": subj.text or "",  # "" in the table: no subject text
        "head": subj.head,
        "scope": list(subj.scope),
        "holder": subj.holder or "",
        "key": subj.key or "",  # "" in the table: no key
    }
    want = {f: case[f] for f in FIELDS if f in case}
    assert {f: got[f] for f in want} == want


@pytest.mark.parametrize("case", GOLDEN["example"], ids=lambda c: c["surface"])
def test_golden_subject(case: dict[str, Any]) -> None:
    """The figure named in each example gets the subject, head, scope, holder and key given."""
    _check(case)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["reason"]))
        for c in GOLDEN.get("xfail", [])
    ],
    ids=lambda c: c["surface"],
)
def test_golden_subject_known_gaps(case: dict[str, Any]) -> None:
    """Known gaps of the subject reader, listed with their reason."""
    _check(case)


def test_subjects_off_gives_no_subject() -> None:
    """extract(..., subjects=False) leaves every subject unset and adds no derived claim."""
    text = "Over 4,000 soldiers crossed, with the majority stationed near Sylvania."
    on = figtrack.extract(text)
    off = figtrack.extract(text, subjects=False)
    assert [c.surface for c in off] == ["Over 4,000"]
    assert all(c.subject is None for c in off)
    assert [c.surface for c in on] == ["Over 4,000", "the majority"]


def test_kursk_and_russia_keys_stay_apart() -> None:
    """A narrower place never merges into a wider one: Kursk and Russia give two keys."""
    text = (
        "At least 10,000 North Korean troops were in Kursk, and between 11,000 and "
        "12,000 troops were in Russia."
    )
    keys = [c.subject.key for c in figtrack.extract(text) if c.subject]
    assert keys == ["troop|north korean||kursk", "troop|north korean||russia"]


def test_count_carries_modifiers_from_the_latest_figure_of_its_class() -> None:
    """A count without modifiers carries those of the latest earlier figure of its class
    that has some, past figures of other classes and past counts that carried: the
    Russian troops, not the North Korean ones, give theirs to "3,000 troops" and
    "2,000 troops"."""
    text = (
        "About 10,000 North Korean troops, 5,000 Russian troops, 300 tanks, 3,000 troops "
        "and 2,000 troops arrived."
    )
    got = [(c.surface, c.subject.text, c.subject.carried) for c in figtrack.extract(text)]
    assert got == [
        ("About 10,000", "North Korean troops", False),
        ("5,000", "Russian troops", False),
        ("300", "tanks", False),
        ("3,000", "Russian troops", True),
        ("2,000", "Russian troops", True),
    ]


@SETTINGS
@given(st.one_of(st.text(), S.newsish_text()))
def test_subject_offsets_and_keys_hold_for_any_text(text: str) -> None:
    """For any text: a subject with offsets is exactly the text there; every key has four
    fields; a derived claim points at the start of a claim of the same text."""
    claims = figtrack.extract(text)
    starts = {c.start for c in claims if c.derived_from is None}
    for c in claims:
        subj = c.subject
        assert subj is not None
        if subj.start is not None and subj.end is not None and not subj.carried:
            assert text[subj.start : subj.end] == subj.text
        if subj.key is not None:
            assert subj.key.count("|") == 3
            assert subj.key == subj.key.lower()
        if c.derived_from is not None:
            assert c.derived_from in starts


@SETTINGS
@given(S.newsish_text())
def test_one_key_names_figures_that_can_all_hold(text: str) -> None:
    """Within one text, the figures under one key (of one kind, unit and trend) share some
    value: a key the text gives for figures that cannot all hold at once is dropped."""
    meet: dict[tuple[object, ...], Interval] = {}
    for c in figtrack.extract(text):
        if c.subject is None or c.subject.key is None:
            continue
        q = c.quantity
        group = (c.subject.key, q.kind, q.unit, q.trend)
        seen = meet.get(group, q.interval)
        meet[group] = seen.intersection(q.interval)
        assert not meet[group].is_empty, (group, c.surface)


@SETTINGS
@given(
    st.integers(2, 999_999),
    st.integers(2, 999_999),
    st.sampled_from(["trucks", "inspectors", "kiosks"]),
)
def test_one_text_two_values_of_one_key_meet_nothing(a: int, b: int, noun: str) -> None:
    """Two figures of one noun in one text are keyed alike when they agree and unkeyed when
    they cannot both hold ("5 trucks came ... 3 trucks were stopped")."""
    text = f"Officials said {a:,} {noun} were seen. Police later held {b:,} {noun}."
    first, second = figtrack.extract(text)
    assert first.subject is not None and second.subject is not None
    if a == b:
        assert first.subject.key is not None and second.subject.key is not None
    else:
        assert first.subject.key is None
        assert second.subject.key is None


@SETTINGS
@given(
    st.integers(2, 9_999_999),
    st.sampled_from(["", "civil ", "active ", "Tuvo "]),
    st.sampled_from(["servants", "kiosks", "visitors", "rigs"]),
    st.sampled_from(["rose to", "was", "fell by", "stood at", "has reached"]),
)
def test_a_tally_of_a_noun_meets_a_count_of_it(n: int, modifier: str, noun: str, verb: str) -> None:
    """ "The number of <noun> <verb> N" is keyed as "N <noun>" is, and so the two meet;
    "the average number of" is no tally and meets nothing."""
    (tally,) = figtrack.extract(f"The number of {modifier}{noun} {verb} {n:,}.")
    (count,) = figtrack.extract(f"There were {n:,} {modifier}{noun}.")
    assert tally.subject is not None and count.subject is not None
    assert tally.subject.key is not None
    assert tally.subject.key == count.subject.key
    (mean,) = figtrack.extract(f"The average number of {modifier}{noun} {verb} {n:,}.")
    assert mean.subject is None or mean.subject.key is None


@given(st.text(alphabet=st.characters(max_codepoint=127)) | S.newsish_text())
def test_ascii_tokenizer_splits_as_the_unicode_one(text: str) -> None:
    """On ASCII text the fast tokenizer gives exactly the tokens and gaps of the full one."""
    from figtrack.phrases import _ASCII_TOKEN_SPLIT, _TOKEN_SPLIT

    if text.isascii():
        assert _ASCII_TOKEN_SPLIT.split(text) == _TOKEN_SPLIT.split(text)


@given(
    st.text(alphabet=st.characters(max_codepoint=127)) | S.newsish_text(),
    st.integers(0, 10_000),
)
# the chunks read without the pattern, and their near misses
@example("troops, said. (Varnholm 10,000 1.5km 3.. A. U.S. don't 's -to _x to- 9a", 7)
@example("'twas (2 x, ,x 1,000, 5 .5 a&b, (a) 'a", 0)
def test_ascii_tokens_read_between_spaces_are_those_of_the_whole(text: str, offset: int) -> None:
    """Reading an ASCII window chunk by chunk between spaces gives exactly the tokens, and
    the offsets, that one split of the whole window gives."""
    from figtrack.phrases import _ASCII_TOKEN_SPLIT, _ascii_tokens

    if not text.isascii():
        return
    parts = _ASCII_TOKEN_SPLIT.split(text)
    words, starts, ends = [], [], []
    at = offset
    for i, part in enumerate(parts):
        if i % 2:
            words.append(part)
            starts.append(at)
            ends.append(at + len(part))
        at += len(part)
    assert _ascii_tokens(text, offset) == (words, starts, ends)


def test_a_figure_glued_to_the_last_word_reads_without_error() -> None:
    """A figure glued to the sentence's last word ("of½") stands past the last token; the
    object search before it must not read past the tokens (hypothesis found this)."""
    claims = figtrack.extract("thein the neighborhood of½")
    assert [c.surface for c in claims] == ["½"]


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("CO2", True),
        ("SO2", True),
        ("HNO3", True),
        ("HCl", True),
        ("NaOH", True),
        ("US", False),  # a name in capitals
        ("ECB", False),
        ("Lena", False),
        ("G7", False),  # one capital and a digit: a name, not a compound
        ("Ti", False),  # one symbol alone is too often a word
    ],
)
def test_chemical_formula_words(text: str, formula: bool) -> None:
    """A word (with the digits glued to it) is a chemical formula only with two capitals
    and a digit or a small letter, so that a share before it is of the compound."""
    from figtrack.phrases import Sentence
    from figtrack.reading import _formula

    sentence = Sentence(f"in {text} today", 0, len(text) + 9, whole=True)
    assert _formula(sentence, 1) is formula


@pytest.mark.parametrize(
    ("text", "derived"),
    [
        ("Varn is one of the most honoured riders in Tuvaland.", []),
        ("Orvex is one of Tuvaland's most indebted firms.", []),
        ("About 300 troops came, most stationed in Varnholm.", ["most"]),
    ],
)
def test_superlative_most_derives_no_share(text: str, derived: list[str]) -> None:
    """ "most" after "the" or a possessive is a superlative, not a share of the count
    before it, and nothing is a share of a count of one; a share after a larger count
    still is."""
    claims = figtrack.extract(text)
    assert [c.surface for c in claims if c.derived_from is not None] == derived
