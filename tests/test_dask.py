"""figtrack.dask on a two-worker `distributed.LocalCluster`: the same claims, frames and
findings as the single-process functions, over Reuters-21578 and over our own documents."""

from __future__ import annotations

import gzip
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask", reason="the dask extra is not installed: pip install 'figtrack[dask]'")
pytest.importorskip(
    "distributed", reason="the dask extra is not installed: pip install 'figtrack[dask]'"
)
pytest.importorskip(
    "pandas", reason="the dask extra is not installed: pip install 'figtrack[dask]'"
)

import dask
import dask.bag as db
import distributed
import pandas as pd

import figtrack
from figtrack.batch import extract_many
from figtrack.corpus import Document, Problem, read_corpus
from figtrack.dask import (
    compare_bag,
    extract_bag,
    findings_bag,
    problems_bag,
    read_corpus_bag,
    results_bag,
    to_dataframe,
    write_parquet,
)
from figtrack.frame import CLAIM_DTYPES, read_parquet, to_frame

#: Reuters articles read for the corpus tests (the first ones of the file).
REUTERS_DOCS = 300
#: Seconds a computation on the cluster may take before the test fails instead of hanging.
TIMEOUT = 120

# Our own made-up reports: several sources giving figures for the same subjects, on
# different days, so that findings agree, conflict and are revised across partitions.
OWN_DOCS: list[Any] = [
    {
        "id": "own/1",
        "source": "Wire A",
        "date": "2025-03-01",
        "text": "More than 10,000 North Korean troops are in Russia, officials said. "
        "Floods forced about 2,000 people from their homes in Easthollow.",
    },
    {
        "id": "own/2",
        "source": "Wire B",
        "published": "2025-03-01T09:00:00",
        "text": "Between 11,000 and 12,000 North Korean troops are in Russia. "
        "At least 1,500 houses were flooded in Easthollow.",
    },
    "No figures at all in this one.",
    "",
    {
        "id": "own/3",
        "source": "Daily C",
        "date": "2025-03-01",
        "text": "Only 3,000 North Korean troops are in Russia, a minister said on 2 March. "
        "Some 2,100 people left their homes in Easthollow; winds reached 40 km/h.",
    },
    Document(
        "Insurers expect claims of $5-6bn. Around 2,000 people were moved in Easthollow.",
        id="own/4",
        source="Wire A",
        published="2025-03-03",
    ),
    {
        "id": "own/5",
        "source": "Wire B",
        "text": "Winds of up to 45 km/h hit the coast. Unemployment rose 0.65 per cent in 2024.",
    },
    {
        "id": "own/6",
        "source": "Wire B",
        "date": "2025-03-03",
        "text": "No fewer than 10,000 North Korean troops are in Kursk. "
        "The majority of the 11,000 North Korean troops in Russia are in Kursk.",
    },
    {
        "id": "own/7",
        "source": "Daily C",
        "date": "2025-03-04",
        "text": "Nearly 9,000 North Korean troops are in Kursk, "
        "and insurers expect $4bn of claims.",
    },
]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """A LocalCluster of two single-threaded worker processes, the default scheduler."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def reuters_docs(shared: Path) -> list[dict[str, Any]]:
    """The first `REUTERS_DOCS` Reuters-21578 articles, as dicts (read, never copied)."""
    path = shared / "corpora" / "reuters21578.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"Reuters-21578 corpus not found at {path}")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, REUTERS_DOCS)]


def dicts(items: list[Any]) -> list[dict[str, Any]]:
    return [x.to_dict() for x in items]


def run(client: distributed.Client, *collections: Any) -> list[Any]:
    """``dask.compute(*collections)`` on the cluster, failing after `TIMEOUT` seconds."""
    futures = client.compute(list(collections))
    return [f.result(timeout=TIMEOUT) for f in futures]


def test_cluster_has_two_workers(client: distributed.Client) -> None:
    """The fixture really is a two-worker cluster, and it runs our bags."""
    assert len(client.scheduler_info()["workers"]) == 2
    bag = db.from_sequence(["Over 10,000 troops."] * 4, npartitions=4)
    (claims,) = run(client, extract_bag(bag))
    assert [c.surface for c in claims] == ["Over 10,000"] * 4


def test_reuters_claims_equal_extract_many(
    client: distributed.Client, reuters_docs: list[dict[str, Any]]
) -> None:
    """Over the first 300 Reuters articles in 7 partitions, extract_bag gives exactly the
    claims of extract_many, in order, and no problems."""
    bag = db.from_sequence(reuters_docs, npartitions=7)
    claims, problems = run(client, extract_bag(bag), problems_bag(bag))
    expected = list(extract_many(reuters_docs))
    assert len(expected) > 1000
    assert claims == expected
    assert dicts(claims) == dicts(expected)
    assert problems == []


@pytest.mark.parametrize(
    "options",
    [{}, {"include_nonfigures": True}, {"subjects": False}],
    ids=["default", "nonfigures", "no-subjects"],
)
def test_own_claims_equal_extract_many(client: distributed.Client, options: dict[str, Any]) -> None:
    """Over our own documents (str, dicts with date or published, a Document, empty text),
    in any partitioning, extract_bag equals extract_many with the same options."""
    expected = list(extract_many(OWN_DOCS, **options))
    assert {c.document for c in expected} >= {"own/1", "own/4", "own/7"}
    for n in (1, 3, len(OWN_DOCS)):
        bag = db.from_sequence(OWN_DOCS, npartitions=n)
        (claims,) = run(client, extract_bag(bag, **options))
        assert claims == expected
        assert dicts(claims) == dicts(expected)


def test_to_dataframe_equals_to_frame(
    client: distributed.Client, reuters_docs: list[dict[str, Any]]
) -> None:
    """to_dataframe has CLAIM_DTYPES before computing and computes to to_frame's frame."""
    docs = reuters_docs[:100] + OWN_DOCS
    frame = to_dataframe(extract_bag(db.from_sequence(docs, npartitions=4)))
    assert list(frame.columns) == list(CLAIM_DTYPES)
    assert {k: str(v) for k, v in frame.dtypes.items()} == CLAIM_DTYPES
    (got,) = run(client, frame)
    got = got.reset_index(drop=True)
    expected = to_frame(extract_many(docs))
    pd.testing.assert_frame_equal(got, expected)
    assert got["scope"].map(type).eq(list).all()


def test_write_parquet_with_problems(client: distributed.Client, tmp_path: Path) -> None:
    """write_parquet writes one file per partition, in bag order, that figtrack.frame reads
    back as to_frame of the claims, alone or computed beside problems_bag."""
    bag = db.from_sequence([*OWN_DOCS, 42], npartitions=4)
    expected = to_frame(extract_many(OWN_DOCS))
    folder = tmp_path / "claims"
    names = [str(folder / f"part.{i:05d}.parquet") for i in range(4)]
    assert write_parquet(extract_bag(bag), str(folder)) == names
    pd.testing.assert_frame_equal(read_parquet(folder), expected)

    again = tmp_path / "again"
    write = write_parquet(extract_bag(bag), str(again), compute=False)
    written, problems = run(client, write, problems_bag(bag))
    assert written == [n.replace(str(folder), str(again)) for n in names]
    assert [p.reason.split(",")[0] for p in problems] == ["the item must be a str"]
    assert sorted(os.listdir(again)) == [Path(n).name for n in names]
    pd.testing.assert_frame_equal(read_parquet(again), expected)


def test_one_extraction_for_claims_and_problems(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Claims, or their Parquet files, computed together with problems and findings extract
    each partition once (counted on the local scheduler)."""
    import figtrack.dask as fdask

    calls: list[int] = []
    extract_partition = fdask._results_partition

    def counting(*args: Any) -> Any:
        calls.append(1)
        return extract_partition(*args)

    monkeypatch.setattr(fdask, "_results_partition", counting)
    bag = db.from_sequence([*OWN_DOCS, 42], npartitions=3)
    with dask.config.set(scheduler="sync"):
        dask.compute(extract_bag(bag), problems_bag(bag))
        assert len(calls) == bag.npartitions
        calls.clear()
        claims = extract_bag(bag)
        write = write_parquet(claims, str(tmp_path), compute=False)
        dask.compute(write, findings_bag(claims), problems_bag(bag))
        assert len(calls) == bag.npartitions


@pytest.mark.parametrize("min_sources", [1, 2])
def test_compare_bag_equals_compare(
    client: distributed.Client, reuters_docs: list[dict[str, Any]], min_sources: int
) -> None:
    """compare_bag over claims in several partitions equals figtrack.compare on all the
    claims: the same findings, in the same order, with their claims in input order."""
    docs = OWN_DOCS + reuters_docs
    expected_claims = list(extract_many(docs))
    bag = extract_bag(db.from_sequence(docs, npartitions=5))
    for policy in (None, figtrack.Policy(revisions=False, implicit_precision=True)):
        findings = compare_bag(bag, policy, min_sources=min_sources)
        expected = figtrack.compare(expected_claims, policy, min_sources=min_sources)
        assert dicts(findings) == dicts(expected)
        assert findings == expected
    statuses = {f.status for f in compare_bag(bag)}
    assert {"agree", "conflict", "revised"} <= statuses


def test_compare_bag_keys_across_partitions(client: distributed.Client) -> None:
    """Claims of one key spread over every partition meet in one finding, in bag order."""
    bag = extract_bag(db.from_sequence(OWN_DOCS, npartitions=len(OWN_DOCS)))
    findings = compare_bag(bag)
    russia = next(f for f in findings if any(c.surface == "More than 10,000" for c in f.claims))
    assert [c.document for c in russia.claims] == ["own/1", "own/2", "own/3"]
    assert russia.status == "conflict"
    (unsorted,) = run(client, findings_bag(bag))
    assert sorted(unsorted, key=lambda f: f.key) == findings


def test_bad_documents_become_problems(client: distributed.Client) -> None:
    """An item that is no document, or one extraction fails on, gives no claims and one
    Problem naming its partition and place; the other documents are extracted as usual."""
    good = ["Over 10,000 troops.", {"text": "About 53 people.", "id": "b"}]
    items: list[Any] = [
        good[0],
        42,
        {"id": "no-text"},
        {"text": 5, "id": "bad-text"},
        b"About 7 bytes.",
        Document(None, id="broken"),  # type: ignore[arg-type]
        good[1],
    ]
    bag = db.from_sequence(items, npartitions=2)  # items 0-3, then 4-6
    claims, problems = run(client, extract_bag(bag), problems_bag(bag))
    assert claims == list(extract_many(good))
    assert [(p.where, p.id) for p in problems] == [
        ("partition 0 item 1", None),
        ("partition 0 item 2", "no-text"),
        ("partition 0 item 3", "bad-text"),
        ("partition 1 item 0", None),
        ("partition 1 item 1", "broken"),
    ]
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("the item must be a str, a mapping with 'text' or a Document")
    assert reasons[1] == "the item has no 'text' field"
    assert reasons[2] == "the item['text'] must be a str, not int"
    assert "decode bytes first" in reasons[3]
    assert reasons[4].startswith("extraction failed: ")
    # one extraction serves both: the results bag has the same graph keys each time
    assert results_bag(bag).name == results_bag(bag).name


def write_jsonl(path: Path, lines: list[bytes]) -> None:
    data = b"".join(lines)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


def test_read_corpus_bag(client: distributed.Client, tmp_path: Path) -> None:
    """read_corpus_bag reads JSON Lines files (gzipped or not) as figtrack.corpus does,
    problems included; its documents extract to extract_many's claims."""
    own = [d if isinstance(d, dict) else {"text": d} for d in OWN_DOCS[:5]]
    lines = [json.dumps(d).encode() + b"\n" for d in own]
    write_jsonl(
        tmp_path / "a.jsonl.gz",
        [*lines[:2], b"\n", b"{not json\n", b"[1, 2]\n", lines[2], b'{"id": "x", "text": 3}\n'],
    )
    write_jsonl(tmp_path / "b.jsonl", [lines[3], b'{"text": "caf\xe9 at 50%"}\r\n', lines[4]])
    truncated = gzip.compress(b"".join(lines))[:-20]
    (tmp_path / "c.ndjson.gz").write_bytes(truncated)
    paths = [tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl", tmp_path / "c.ndjson.gz"]

    expected = list(read_corpus(paths))
    assert any(isinstance(x, Problem) for x in expected)
    assert run(client, read_corpus_bag([str(p) for p in paths])) == [expected]
    assert run(client, read_corpus_bag(str(tmp_path / "*"), npartitions=5)) == [expected]
    bag = read_corpus_bag(str(tmp_path / "*"), npartitions=5)
    assert bag.npartitions == 5

    claims, problems = run(client, extract_bag(bag), problems_bag(bag))
    docs = [x for x in expected if isinstance(x, Document)]
    assert claims == list(extract_many(docs))
    assert problems == [x for x in expected if isinstance(x, Problem)]


def test_read_corpus_bag_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    """A file that is not JSON Lines by name, or a pattern that matches nothing, is an
    error when the bag is built, not a surprise in the middle of the job."""
    (tmp_path / "notes.txt").write_text("About 5 people.")
    with pytest.raises(ValueError, match=r"notes\.txt is not JSON Lines"):
        read_corpus_bag(str(tmp_path / "notes.txt"))
    with pytest.raises(FileNotFoundError, match="no files match"):
        read_corpus_bag(str(tmp_path / "*.jsonl"))


@pytest.mark.parametrize(("bad", "error"), [(0, ValueError), ("2", TypeError)])
def test_findings_bag_refuses_bad_min_sources(bad: object, error: type) -> None:
    """findings_bag and compare_bag check min_sources when called, naming it, not when
    the bag is computed (and not silently on an empty bag)."""
    bag = db.from_sequence([], npartitions=1)
    for func in (findings_bag, compare_bag):
        with pytest.raises(error, match="min_sources"):
            func(bag, min_sources=bad)  # type: ignore[arg-type]
