"""The Tracker: a SQLite store of claims from many documents, read back as figures,
findings and timelines. Every sentence here is our own, with made-up places."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figtrack
import figtrack.tracker as tracker_module
from figtrack.model import Claim, Interval, Quantity, Subject
from figtrack.policy import Policy
from figtrack.tracker import SCHEMA_VERSION, Tracker, TrackerError

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: A death toll that grows from report to report, one outlet a day.
TOLL = "death|||varnholm"
STORY = [
    ("2025-03-01", "Coast Wire", "Officials said 800 people were killed in Varnholm."),
    ("2025-03-02", "Valley Post", "More than 2,000 people were killed in the floods in Varnholm."),
    ("2025-03-03", "Coast Wire", "The count now says 2,012 people were killed in Varnholm."),
]
#: Sentences that together give a scaled figure, a hedge, a derived figure with a carried
#: subject, and a figure with no subject key.
VARIED = (
    "Revenue at Orlavo rose to $3.4 million. About 45 houses were destroyed in Tellmark. "
    "Over 4,000 soldiers crossed the river, with the majority stationed near Sylvania. "
    "He paid 12 for it."
)


def _ingest_story(tracker: Tracker, order: list[int]) -> None:
    for i in order:
        published, source, text = STORY[i]
        tracker.ingest(text, source, published)


def _failing_after(calls: int, real: Callable[..., Any], effect: Callable[[], None]) -> Any:
    """A stand-in for ``_claim_row`` that runs ``effect`` on call number ``calls``."""
    seen = 0

    def row(*args: Any) -> Any:
        nonlocal seen
        seen += 1
        if seen == calls:
            effect()
        return real(*args)

    return row


# -- storing documents -----------------------------------------------------------------


def test_story_sentences_share_the_toll_key() -> None:
    """The three reports of the story are read under one key (the premise of the timeline
    tests below)."""
    for published, source, text in STORY:
        (claim,) = figtrack.extract(text, source, published)
        assert claim.subject is not None and claim.subject.key == TOLL


def test_memory_store_counts_documents_and_claims() -> None:
    """ingest returns how many claims it stored; len() and documents() add them up."""
    with Tracker() as tracker:
        stored = [tracker.ingest(text, source, day) for day, source, text in STORY]
        stored.append(tracker.ingest(VARIED, "Gazette"))
        assert stored[:3] == [1, 1, 1]
        assert stored[3] == len(figtrack.extract(VARIED))
        assert len(tracker) == sum(stored)
        assert tracker.documents() == 4


def test_same_document_twice_adds_nothing() -> None:
    """The same source and text is stored once; another source is another document."""
    with Tracker() as tracker:
        first = tracker.ingest(VARIED, "Gazette", "2025-01-05")
        assert first > 0
        assert tracker.ingest(VARIED, "Gazette", "2025-01-05") == 0
        assert tracker.ingest(VARIED, "Gazette", "2025-02-09") == 0  # same text, same source
        assert (tracker.documents(), len(tracker)) == (1, first)
        assert tracker.ingest(VARIED, "Herald") == first
        assert tracker.ingest(VARIED) == first  # no source is a source of its own
        assert tracker.ingest(VARIED) == 0
        assert (tracker.documents(), len(tracker)) == (3, 3 * first)


def test_file_store_keeps_claims_across_opens(tmp_path: Path) -> None:
    """A file store uses write-ahead logging and gives back the same figures when reopened."""
    path = tmp_path / "figures.db"
    with Tracker(path) as tracker:
        _ingest_story(tracker, [0, 1, 2])
        before = tracker.figures(TOLL)
    with Tracker(str(path)) as tracker:
        assert tracker.figures(TOLL) == before
        assert tracker.ingest(STORY[0][2], STORY[0][1], STORY[0][0]) == 0
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_figures_equal_the_extracted_claims() -> None:
    """figures(key) gives back Claims equal to the extracted ones, precision, scope,
    carried subject and derived_from included; claims with no key are stored too."""
    extracted = figtrack.extract(VARIED, "Gazette", "2025-01-05")
    keyed = [c for c in extracted if c.subject is not None and c.subject.key is not None]
    assert any(c.derived_from is not None for c in keyed)
    assert any(c.subject is not None and c.subject.carried for c in keyed)
    assert any(c.quantity.scaled for c in keyed)
    with Tracker() as tracker:
        tracker.ingest(VARIED, "Gazette", "2025-01-05")
        assert len(tracker) == len(extracted) > len(keyed)
        keys = tracker.keys()
        got = [c for key in keys for c in tracker.figures(key)]
    want = sorted(keyed, key=lambda c: (c.subject.key if c.subject else "", c.start))
    assert keys == sorted({c.subject.key or "" for c in keyed if c.subject})
    assert repr(got) == repr(want)  # repr: Decimals keep their written exponent too


def test_figures_order_by_date_then_source() -> None:
    """figures orders by publication date (undated last), then source, then offset."""
    text = STORY[0][2]
    with Tracker() as tracker:
        tracker.ingest(text, "Zeta")
        tracker.ingest(text, "Beta", "2025-03-02")
        tracker.ingest(text, "Alpha", "2025-03-02")
        tracker.ingest(text, "Gamma", "2025-03-01")
        got = [(c.published, c.source) for c in tracker.figures(TOLL)]
    assert got == [
        ("2025-03-01", "Gamma"),
        ("2025-03-02", "Alpha"),
        ("2025-03-02", "Beta"),
        (None, "Zeta"),
    ]


def test_key_counts_most_frequent_first() -> None:
    """key_counts gives each key with its number of claims, the most frequent first."""
    with Tracker() as tracker:
        _ingest_story(tracker, [0, 1, 2])
        tracker.ingest(VARIED)
        counts = tracker.key_counts()
        assert counts[0] == (TOLL, 3)
        assert sorted(k for k, _ in counts) == tracker.keys()
        assert all(n == len(tracker.figures(k)) for k, n in counts)


# -- timelines and findings ------------------------------------------------------------


def test_timeline_orders_by_date_and_marks_the_revision() -> None:
    """A toll of 800, then more than 2,000, then 2,012: the second report revises the
    first, the third agrees with the second; the order of ingest does not matter."""
    with Tracker() as tracker:
        _ingest_story(tracker, [2, 0, 1])
        timeline = tracker.timeline(TOLL)
    assert [e.claim.published for e in timeline] == [day for day, _, _ in STORY]
    assert [e.claim.surface for e in timeline] == ["800", "More than 2,000", "2,012"]
    assert [e.revision for e in timeline] == [False, True, False]
    assert {e.measure for e in timeline} == {"count"}
    assert timeline[1].interval == Interval.greater(Decimal(2000))


def test_same_day_disagreement_is_a_conflict_not_a_revision() -> None:
    """Two outlets disagreeing on one day are not a revision; findings call it a conflict."""
    with Tracker() as tracker:
        tracker.ingest(STORY[0][2], "Coast Wire", "2025-03-01T09:00")
        tracker.ingest(STORY[1][2], "Valley Post", "2025-03-01T17:30")
        assert [e.revision for e in tracker.timeline(TOLL)] == [False, False]
        (finding,) = tracker.findings()
    assert finding.status == "conflict"


def test_timeline_keeps_undated_figures_last_and_never_revised() -> None:
    """An undated report comes after the dated ones and revises nothing."""
    with Tracker() as tracker:
        tracker.ingest(STORY[2][2], "Hill Times")
        _ingest_story(tracker, [0])
        timeline = tracker.timeline(TOLL)
    assert [(e.claim.published, e.revision) for e in timeline] == [
        ("2025-03-01", False),
        (None, False),
    ]


def test_timeline_without_revisions_policy() -> None:
    """With Policy(revisions=False) no entry is marked as a revision."""
    with Tracker() as tracker:
        _ingest_story(tracker, [0, 1, 2])
        assert not any(e.revision for e in tracker.timeline(TOLL, Policy(revisions=False)))


def test_timeline_of_unknown_key_is_empty() -> None:
    """A key with no claims has an empty timeline and no figures."""
    with Tracker() as tracker:
        _ingest_story(tracker, [0])
        assert tracker.timeline("nothing|||here") == []
        assert tracker.figures("nothing|||here") == []


def test_findings_keep_keys_shared_by_enough_sources() -> None:
    """findings(min_sources=n) keeps the findings whose claims come from n or more sources."""
    with Tracker() as tracker:
        _ingest_story(tracker, [0, 1, 2])  # two sources
        tracker.ingest("About 45 houses were destroyed in Tellmark.", "Coast Wire")
        assert [(f.key, f.status) for f in tracker.findings()] == [(TOLL, "revised")]
        assert {f.key for f in tracker.findings(min_sources=1)} == {
            TOLL,
            "destroyed|house||tellmark",
        }
        assert tracker.findings(min_sources=3) == []
        (finding,) = tracker.findings()
    assert finding.sources == ("Coast Wire", "Valley Post")
    with pytest.raises(ValueError, match="min_sources"):
        tracker.findings(min_sources=0)


# -- transactions, concurrency and versions --------------------------------------------


def test_failed_ingest_stores_nothing_of_that_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after some claims of a document are written leaves none of it stored,
    and the documents stored before stay whole; the document can be ingested later."""

    def fail() -> None:
        raise RuntimeError("disk on fire")

    with Tracker() as tracker:
        _ingest_story(tracker, [0])
        real = tracker_module._claim_row
        monkeypatch.setattr(tracker_module, "_claim_row", _failing_after(3, real, fail))
        with pytest.raises(RuntimeError, match="disk on fire"):
            tracker.ingest(VARIED, "Gazette")
        assert (tracker.documents(), len(tracker)) == (1, 1)
        assert tracker.keys() == [TOLL]
        monkeypatch.setattr(tracker_module, "_claim_row", real)
        assert tracker.ingest(VARIED, "Gazette") == len(figtrack.extract(VARIED))
        assert tracker.documents() == 2


def test_readers_see_whole_documents_while_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second connection reading in the middle of a write sees the store as it was."""
    path = tmp_path / "figures.db"
    seen: list[tuple[int, int]] = []
    with Tracker(path) as writer, Tracker(path) as reader:
        _ingest_story(writer, [0])
        real = tracker_module._claim_row
        peek = _failing_after(2, real, lambda: seen.append((reader.documents(), len(reader))))
        monkeypatch.setattr(tracker_module, "_claim_row", peek)
        stored = writer.ingest(VARIED, "Gazette")
        assert seen == [(1, 1)]
        assert (reader.documents(), len(reader)) == (2, 1 + stored)


def test_killed_writer_leaves_no_partial_document(tmp_path: Path) -> None:
    """A process killed in the middle of a document leaves the earlier documents only."""
    path = tmp_path / "figures.db"
    child = textwrap.dedent(
        f"""
        import os, sys
        import figtrack.tracker as t
        tracker = t.Tracker(sys.argv[1])
        tracker.ingest({STORY[0][2]!r}, "Coast Wire", "2025-03-01")
        real, calls = t._claim_row, []
        def row(*args):
            calls.append(1)
            if len(calls) == 3:
                os._exit(7)
            return real(*args)
        t._claim_row = row
        tracker.ingest({VARIED!r}, "Gazette")
        """
    )
    done = subprocess.run([sys.executable, "-c", child, str(path)], timeout=60)
    assert done.returncode == 7
    with Tracker(path) as tracker:
        assert (tracker.documents(), len(tracker)) == (1, 1)
        assert tracker.ingest(VARIED, "Gazette") == len(figtrack.extract(VARIED))


def test_newer_store_is_refused_with_both_versions(tmp_path: Path) -> None:
    """A store written by a newer schema names the file and both versions."""
    path = tmp_path / "figures.db"
    Tracker(path).close()
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(TrackerError) as info:
        Tracker(path)
    message = str(info.value)
    assert str(path) in message and "newer" in message
    assert f"version {SCHEMA_VERSION + 1}" in message and f"version {SCHEMA_VERSION}" in message


def test_older_store_is_refused_with_both_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store of an older schema than this figtrack reads is refused, naming both."""
    path = tmp_path / "figures.db"
    Tracker(path).close()
    monkeypatch.setattr(tracker_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(TrackerError, match=f"version {SCHEMA_VERSION}, .* older") as info:
        Tracker(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("content", ["text", "foreign"])
def test_other_files_are_refused(tmp_path: Path, content: str) -> None:
    """A file that is not a database, or a database of another program, is refused."""
    path = tmp_path / "other.db"
    if content == "text":
        path.write_text("just some notes, not a database\n" * 40, encoding="utf-8")
    else:
        with closing(sqlite3.connect(path)) as db:
            db.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(TrackerError, match=str(path)):
        Tracker(path)


def test_missing_folder_is_a_tracker_error(tmp_path: Path) -> None:
    """A store in a folder that does not exist cannot be opened."""
    with pytest.raises(TrackerError, match="cannot open"):
        Tracker(tmp_path / "absent" / "figures.db")


# -- arguments -------------------------------------------------------------------------

BAD_CALLS: list[tuple[str, Callable[[Tracker], object]]] = [
    ("text", lambda t: t.ingest(b"800 people")),  # type: ignore[arg-type]
    ("source", lambda t: t.ingest("800 people", 3)),  # type: ignore[arg-type]
    ("published", lambda t: t.ingest("800 people", "A", 20250301)),  # type: ignore[arg-type]
    ("doc_id", lambda t: t.ingest("800 people", doc_id=7)),  # type: ignore[arg-type]
    ("claims", lambda t: t.ingest_claims(["800"], text="800")),  # type: ignore[list-item]
    ("key", lambda t: t.figures(None)),  # type: ignore[arg-type]
    ("key", lambda t: t.timeline(3)),  # type: ignore[arg-type]
    ("policy", lambda t: t.timeline(TOLL, "strict")),  # type: ignore[arg-type]
    ("policy", lambda t: t.findings("strict")),  # type: ignore[arg-type]
    ("min_sources", lambda t: t.findings(min_sources="2")),  # type: ignore[arg-type]
    ("min_sources", lambda t: t.findings(min_sources=True)),
]


@pytest.mark.parametrize(("name", "call"), BAD_CALLS, ids=[n for n, _ in BAD_CALLS])
def test_bad_argument_types_name_the_argument(name: str, call: Callable[[Tracker], object]) -> None:
    """A wrong type raises TypeError naming the argument, and stores nothing."""
    with Tracker() as tracker:
        with pytest.raises(TypeError, match=name):
            call(tracker)
        assert tracker.documents() == 0


@pytest.mark.parametrize("name", ["path", "extractor"])
def test_bad_constructor_arguments(name: str) -> None:
    """Tracker() refuses a path or extractor of the wrong type, naming it."""
    with pytest.raises(TypeError, match=name):
        Tracker(**{name: 12})  # type: ignore[arg-type]


def test_published_must_be_an_iso_date() -> None:
    """A date not in ISO form would sort wrongly, so it is refused."""
    with Tracker() as tracker, pytest.raises(ValueError, match="published"):
        tracker.ingest("800 people", "A", "March 1, 2025")


@pytest.mark.parametrize(
    "day", ["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-00", "2024-02-29T25:99"]
)
def test_published_must_be_a_day_of_the_calendar(day: str) -> None:
    """An ISO-shaped date that names no day (30 February) is refused, naming it, and
    nothing is stored; 29 February of a leap year is a day."""
    with Tracker() as tracker:
        with pytest.raises(ValueError, match=day):
            tracker.ingest("800 people", "A", day)
        assert tracker.documents() == 0
        assert tracker.ingest("800 people", "A", "2024-02-29T08:00") == 1


def test_claims_must_stand_in_their_text() -> None:
    """ingest_claims refuses a claim whose offsets do not point at its surface."""
    (claim,) = figtrack.extract(STORY[0][2])
    with Tracker() as tracker, pytest.raises(ValueError, match="does not stand"):
        tracker.ingest_claims([claim], text="Another text altogether, with 800 in it.")


# -- properties ------------------------------------------------------------------------

_PLACES = ("Varnholm", "Tellmark", "Dunmere", "Brennick")
_NOUNS = ("people", "houses", "workers", "cattle")
_VERBS = ("killed", "counted", "moved", "found")
_short_texts = st.one_of(
    st.builds(
        "{:,} {} were {} in {}.".format,
        st.integers(min_value=0, max_value=10**7),
        st.sampled_from(_NOUNS),
        st.sampled_from(_VERBS),
        st.sampled_from(_PLACES),
    ),
    st.text(max_size=40),
)
_documents = st.lists(
    st.tuples(_short_texts, st.sampled_from(["North Star", "Herald", None])), max_size=8
)


@SETTINGS
@given(_documents)
def test_ingesting_twice_stores_what_ingesting_once_does(
    docs: list[tuple[str, str | None]],
) -> None:
    """Ingesting any documents a second time adds nothing: the count is the claims of the
    distinct (source, text) pairs."""
    distinct = dict.fromkeys((source, text) for text, source in docs)
    with Tracker() as tracker:
        once = sum(tracker.ingest(text, source) for text, source in docs)
        assert once == len(tracker) == sum(len(figtrack.extract(t)) for _, t in distinct)
        assert all(tracker.ingest(text, source) == 0 for text, source in docs)
        assert (len(tracker), tracker.documents()) == (once, len(distinct))


_decimals = st.none() | st.decimals(allow_nan=False, allow_infinity=False)
_words = st.text(max_size=12)


@st.composite
def _claims_of(draw: st.DrawFn, text: str) -> Claim:
    """Any claim whose offsets point into ``text``: every field drawn freely."""
    a, b, c, d = sorted(draw(st.integers(0, len(text))) for _ in range(4))
    low, high = draw(_decimals), draw(_decimals)
    interval = Interval(
        low,
        high,
        None if low is None else draw(st.booleans()),
        None if high is None else draw(st.booleans()),
    )
    quantity = Quantity(
        value=draw(_decimals),
        interval=interval,
        qualifier=draw(st.sampled_from(["eq", "gt", "ge", "lt", "le", "range"])),
        approximate=draw(st.booleans()),
        trend=draw(st.sampled_from([None, "up", "down"])),
        kind=draw(st.sampled_from(["count", "money", "percent", "measure", "number"])),
        unit=draw(st.none() | _words),
        precision=draw(_decimals),
        scaled=draw(st.booleans()),
    )
    subject = draw(
        st.none()
        | st.builds(
            Subject,
            text=st.none() | _words,
            head=st.none() | _words,
            scope=st.lists(_words, max_size=3).map(tuple),
            holder=st.none() | _words,
            key=st.sampled_from([None, "troop|||kursk", "house|||"]),
            carried=st.booleans(),
            start=st.none() | st.integers(0, 10**6),
            end=st.none() | st.integers(0, 10**6),
        )
    )
    return Claim(
        surface=text[b:c],
        start=b,
        end=c,
        quantity=quantity,
        sentence=text[a:d],
        sentence_start=a,
        subject=subject,
        derived_from=draw(st.none() | st.integers(0, len(text))),
    )


@st.composite
def _documents_with_claims(draw: st.DrawFn) -> tuple[str, list[Claim]]:
    text = draw(st.text(min_size=1, max_size=60))
    return text, draw(st.lists(_claims_of(text), max_size=6))


@SETTINGS
@given(_documents_with_claims(), st.none() | st.sampled_from(["2025-03-01", "2025-03-01T08:15"]))
def test_any_claim_round_trips(doc: tuple[str, list[Claim]], published: str | None) -> None:
    """Whatever a claim holds, the store gives back an equal claim, stamped with the
    document's source and date, with every Decimal written as it was."""
    text, claims = doc
    with Tracker() as tracker:
        assert tracker.ingest_claims(claims, text=text, source="Desk", published=published) == (
            len(claims)
        )
        assert len(tracker) == len(claims)
        stamped = [attrs.evolve(c, source="Desk", published=published) for c in claims]
        for key in ("troop|||kursk", "house|||"):
            want = sorted(
                (c for c in stamped if c.subject is not None and c.subject.key == key),
                key=lambda c: c.start,
            )
            assert repr(tracker.figures(key)) == repr(want)
