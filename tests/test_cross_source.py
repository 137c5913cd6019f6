"""Structure of the cross-source meeting finder (``benchmarks/cross_source.py``) on two clusters.

Reads one BASIL and one ECB+ cluster from the shared folder; no corpus text is kept here.
"""

from __future__ import annotations

from pathlib import Path

import cross_source
import pytest

#: One event per corpus, covered by several outlets (named in the corpora README).
CLUSTERS = {
    "basil": "basil/76810849-0335-4ad3-9eaf-f0d9c5baceb6",
    "ecbplus": "ecbplus/37/ecbplus",
}

Found = dict[str, list[cross_source.Meeting]]


def _find(shared: Path) -> Found:
    found: Found = {}
    for corpus, cluster in CLUSTERS.items():
        records = [r for r in cross_source.iter_records(corpus, shared) if r["cluster"] == cluster]
        assert records, f"cluster {cluster} not found in {corpus}"
        found[corpus] = cross_source.cluster_meetings(corpus, cluster, records)
    return found


@pytest.fixture(scope="module")
def found(shared: Path) -> Found:
    """The meetings of the two test clusters, found once."""
    return _find(shared)


def test_meetings_found(found: Found) -> None:
    """Both multi-outlet clusters yield at least one meeting."""
    for corpus, meetings in found.items():
        assert meetings, f"no meeting in {CLUSTERS[corpus]}"


def test_meetings_span_two_sources_under_one_key(found: Found) -> None:
    """Every meeting has claims from >= 2 distinct sources, all with the meeting's key."""
    for meetings in found.values():
        for m in meetings:
            assert len({c["source"] for c in m.claims}) >= 2, m.key
            assert all(c["key"] == m.key for c in m.claims), m.key
            assert m.key is not None and m.key.count("|") == 3


def test_meeting_ids_stable(shared: Path, found: Found) -> None:
    """A second run gives the same meetings with the same ids; ids are unique and short."""
    again = _find(shared)
    for corpus in CLUSTERS:
        first = [(m.id, m.key, len(m.claims)) for m in found[corpus]]
        assert first == [(m.id, m.key, len(m.claims)) for m in again[corpus]]
    ids = [m.id for meetings in found.values() for m in meetings]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 10 for i in ids)
    m = found["basil"][0]
    assert m.id == cross_source.meeting_id(m.corpus, m.cluster, m.key, m.measure)


def test_sample_deterministic(found: Found) -> None:
    """The seeded sample is the same on every call and draws from both corpora."""
    first = [m.id for m in cross_source.sample_meetings(found, 6, seed=0)]
    assert first == [m.id for m in cross_source.sample_meetings(found, 6, seed=0)]
    total = sum(len(m) for m in found.values())
    assert len(first) == min(6, total)
    assert {m.corpus for m in cross_source.sample_meetings(found, 6, seed=0)} == set(CLUSTERS)


def test_allocate_splits_evenly_and_passes_on_the_rest() -> None:
    """The sample is split evenly; a corpus short of its share hands the rest on."""
    assert cross_source.allocate({"a": 100, "b": 100}, 50) == {"a": 25, "b": 25}
    assert cross_source.allocate({"a": 3, "b": 100}, 50) == {"a": 3, "b": 47}
    assert cross_source.allocate({"a": 3, "b": 4}, 50) == {"a": 3, "b": 4}
    assert cross_source.allocate({"a": 10, "b": 10}, 5) == {"a": 3, "b": 2}


def test_reading_list_shows_the_figure_of_a_long_sentence() -> None:
    """A figure late in a long sentence is quoted with the words around it, marked with «»,
    instead of being cut off with the sentence's end."""
    sentence = "A river " + "wide " * 60 + "carried 31 barges past the mill."
    start = sentence.index("31")
    shown = cross_source.around(sentence, start, start + 2, 80)
    assert "carried «31» barges" in shown
    assert shown.startswith("…") and len(shown) <= 82
    assert cross_source.around("Only 4 left.", 5, 6) == "Only «4» left."
