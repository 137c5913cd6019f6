"""Extraction and comparison on Dask: a bag of documents in, claims, frames and findings out.

Needs the ``dask`` extra: ``pip install 'figtrack[dask]'``. The same code runs on the
local scheduler, on a `distributed.LocalCluster` and on a real cluster (``docs/cluster.md``).

>>> import dask
>>> import dask.bag as db
>>> docs = db.from_sequence(
...     ["Over 10,000 troops.", {"text": "About 53 people.", "id": "b"}, 42], npartitions=2
... )
>>> with dask.config.set(scheduler="sync"):
...     claims, problems = dask.compute(extract_bag(docs), problems_bag(docs))
>>> [(c.surface, c.document) for c in claims]
[('Over 10,000', None), ('About 53', 'b')]
>>> problems[0].where, problems[0].reason.split(",")[0]
('partition 1 item 0', 'the item must be a str')

Every item of the input bag is what `figtrack.corpus.as_document` accepts (a str, a mapping
with ``text`` and optional ``id``, ``source``, ``published`` or ``date``, a `Document`), or a
`Problem` (as `read_corpus_bag` yields for unreadable lines). Each partition is extracted by
`figtrack.batch.results`, so a bag gives exactly the claims of `figtrack.batch.extract_many`
over the same documents, in the same order (`Claim.document` is the document's id).

Failures do not stop the job: an item that is not a document, or a document extraction
fails on, gives no claims and one `Problem` in `problems_bag` (``where`` is the document's
``where``, else ``partition P item J``; ``id`` its id). Computing `extract_bag` and
`problems_bag` of one bag together (``dask.compute(a, b)``) extracts every document once.

Claims go to Parquet with `write_parquet` (each worker writes its own partitions) or to a
Dask DataFrame with `to_dataframe`; `compare_bag` and `findings_bag` compare the claims of
all partitions by subject key, giving exactly the findings of `figtrack.compare`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal, overload

import attrs

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import fsspec  # type: ignore[import-untyped]
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "figtrack.dask needs dask, distributed and pandas; "
        "install them with: pip install 'figtrack[dask]'"
    ) from exc

from figtrack.batch import Result, results
from figtrack.compare import check_min_sources, compare
from figtrack.corpus import JSONL_SUFFIXES, Document, Problem, as_document, read_jsonl
from figtrack.frame import CLAIM_DTYPES, arrow_table, claim_row, require, rows_frame
from figtrack.model import Claim, Finding
from figtrack.policy import Policy, given_policy, interpret

__all__ = [
    "compare_bag",
    "extract_bag",
    "findings_bag",
    "problems_bag",
    "read_corpus_bag",
    "results_bag",
    "to_dataframe",
    "write_parquet",
]


# dask's bag API is unannotated: mypy --strict needs each call into it marked.
def _map_partitions(bag: db.Bag, func: Callable[..., Any], *args: Any) -> db.Bag:
    """``bag.map_partitions(func, *args)``; a Bag among ``args`` is zipped partition-wise."""
    out: db.Bag = bag.map_partitions(func, *args)  # type: ignore[no-untyped-call]
    return out


def _partition_index(bag: db.Bag) -> db.Bag:
    """A bag partitioned like ``bag`` whose partition ``p`` holds the single item ``p``."""
    n = bag.npartitions
    index: db.Bag = db.range(n, npartitions=n)  # type: ignore[no-untyped-call]
    return index


def _documents(items: Iterable[object], where: str) -> Iterator[Document | Problem]:
    """The items of partition ``where`` as documents, or problems for those that are not."""
    for j, item in enumerate(items):
        if isinstance(item, Problem):
            yield item
            continue
        place = f"{where} item {j}"
        try:
            doc = as_document(item, "the item")
        except (TypeError, ValueError) as exc:
            doc_id = item.get("id") if isinstance(item, Mapping) else None
            yield Problem(place, str(exc), doc_id if isinstance(doc_id, str) else None)
            continue
        yield doc if doc.where is not None else attrs.evolve(doc, where=place)


def _results_partition(
    items: Iterable[object], index: Iterable[int], subjects: bool, include_nonfigures: bool
) -> list[Result]:
    (p,) = index
    docs = _documents(items, f"partition {p}")
    return list(results(docs, 1, subjects=subjects, include_nonfigures=include_nonfigures))


def results_bag(bag: db.Bag, *, subjects: bool = True, include_nonfigures: bool = False) -> db.Bag:
    """A bag of `figtrack.batch.Result`: one per item of ``bag``, partitioned like it.

    A result holds its `Document` and claims (``output``), or a `Problem`. `extract_bag`
    and `problems_bag` are built on it.
    """
    return _map_partitions(
        bag, _results_partition, _partition_index(bag), subjects, include_nonfigures
    )


def _claims_partition(found: Iterable[Result]) -> list[Claim]:
    return [c for r in found if r.problem is None for c in r.output]


def _problems_partition(found: Iterable[Result]) -> list[Problem]:
    return [r.problem for r in found if r.problem is not None]


def extract_bag(bag: db.Bag, *, subjects: bool = True, include_nonfigures: bool = False) -> db.Bag:
    """A bag of the `Claim` objects of every document in ``bag``, partitioned like it.

    Equal, item for item and in order, to `figtrack.batch.extract_many` over the same
    documents. A failing item gives no claims; `problems_bag` says which and why.
    """
    found = results_bag(bag, subjects=subjects, include_nonfigures=include_nonfigures)
    return _map_partitions(found, _claims_partition)


def problems_bag(bag: db.Bag, *, subjects: bool = True, include_nonfigures: bool = False) -> db.Bag:
    """A bag of the `Problem` of every item of ``bag`` that gave no claims because it failed.

    Pass the same options as to `extract_bag` so that ``dask.compute`` of both shares the
    extraction.
    """
    found = results_bag(bag, subjects=subjects, include_nonfigures=include_nonfigures)
    return _map_partitions(found, _problems_partition)


def _frame(claims: Iterable[Claim]) -> Any:
    return rows_frame((claim_row(c) for c in claims), CLAIM_DTYPES)


def to_dataframe(claims: db.Bag) -> dd.DataFrame:
    """A Dask DataFrame of a bag of claims: one pandas partition per bag partition.

    Columns and dtypes are `figtrack.frame.CLAIM_DTYPES` (``scope`` holds lists of str), so
    each computed partition equals `figtrack.frame.to_frame` of its claims; the index
    restarts at 0 in every partition. For Parquet files, use `write_parquet`.
    """
    meta = rows_frame([], CLAIM_DTYPES)
    # Dask would otherwise turn the object column ``scope`` (lists) into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        make = delayed(_frame, pure=True)
        parts = [make(part) for part in claims.to_delayed()]  # type: ignore[no-untyped-call]
        frame: dd.DataFrame = dd.from_delayed(parts, meta=meta, verify_meta=True)
    return frame


def _write_partition(
    claims: Iterable[Claim], index: Iterable[int], fs: Any, folder: str
) -> list[str]:
    """Write one partition's claims to ``folder/part.NNNNN.parquet``; its file name."""
    pq = require("pyarrow.parquet", "parquet")
    (p,) = index
    table = arrow_table([claim_row(c) for c in claims])
    name = f"{folder}/part.{p:05d}.parquet"
    with fs.open(name, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    return [name]


@overload
def write_parquet(
    claims: db.Bag,
    path: str,
    *,
    compute: Literal[True] = ...,
    storage_options: Mapping[str, Any] | None = ...,
) -> list[str]: ...
@overload
def write_parquet(
    claims: db.Bag,
    path: str,
    *,
    compute: Literal[False],
    storage_options: Mapping[str, Any] | None = ...,
) -> db.Bag: ...
def write_parquet(
    claims: db.Bag,
    path: str,
    *,
    compute: bool = True,
    storage_options: Mapping[str, Any] | None = None,
) -> list[str] | db.Bag:
    """Write a bag of claims to a folder of Parquet files, each worker its own partitions.

    One file per partition, ``part.00000.parquet`` and on in bag order, with the schema of
    `figtrack.frame.write_parquet`: `figtrack.frame.read_parquet` of the folder gives
    `figtrack.frame.to_frame` of the claims. ``path`` may be a URL (``s3://...``) with
    ``storage_options``. Returns the file names; with ``compute=False``, a bag of them
    that writes when computed, e.g. in one ``dask.compute`` with `problems_bag`.
    """
    fs, folder = fsspec.core.url_to_fs(path, **dict(storage_options or {}))
    fs.makedirs(folder, exist_ok=True)
    folder = fs.unstrip_protocol(folder) if _remote(fs) else folder
    names = _map_partitions(claims, _write_partition, _partition_index(claims), fs, folder)
    if not compute:
        return names
    written: list[str] = names.compute()  # type: ignore[no-untyped-call]
    return written


def _keyed(
    claims: Iterable[Claim], index: Iterable[int], policy: Policy
) -> list[tuple[str, int, int, Claim]]:
    """``(key, partition, position, claim)`` for each claim `compare` would not leave out."""
    (p,) = index
    out = []
    for j, claim in enumerate(claims):
        key = claim.subject.key if claim.subject is not None else None
        if key is not None and interpret(claim, policy) is not None:
            out.append((key, p, j, claim))
    return out


def _compare_groups(
    groups: Iterable[tuple[str, list[tuple[str, int, int, Claim]]]],
    policy: Policy,
    min_sources: int,
) -> list[Finding]:
    findings: list[Finding] = []
    for _, members in groups:
        members.sort(key=operator.itemgetter(1, 2))  # back into the order of the bag
        findings.extend(compare([m[3] for m in members], policy, min_sources=min_sources))
    return findings


def findings_bag(claims: db.Bag, policy: Policy | None = None, *, min_sources: int = 2) -> db.Bag:
    """A bag of `Finding`: the claims of all partitions grouped by subject key and compared.

    A task shuffle brings each key's claims together, back in the order of ``claims``, and
    `figtrack.compare` runs on each key's group, so the findings are those of ``compare``
    on all the claims; each key's findings lie together in compare's order, but keys come
    in no particular order (`compare_bag` sorts them).
    """
    policy = given_policy("findings_bag", policy)
    check_min_sources("findings_bag", min_sources)
    keyed = _map_partitions(claims, _keyed, _partition_index(claims), policy)
    by_key = operator.itemgetter(0)
    groups: db.Bag = keyed.groupby(by_key, shuffle="tasks")  # type: ignore[no-untyped-call]
    return _map_partitions(groups, _compare_groups, policy, min_sources)


def compare_bag(
    claims: db.Bag, policy: Policy | None = None, *, min_sources: int = 2
) -> list[Finding]:
    """The findings of ``figtrack.compare(all claims, policy, min_sources=min_sources)``.

    Computed with `findings_bag` and returned in compare's order (by key and measure).
    ``min_sources`` defaults to 2, what two or more sources share, as ``figtrack compare``
    reports; pass 1 for single-source findings too.
    """
    bag = findings_bag(claims, policy, min_sources=min_sources)
    found: list[Finding] = list(bag.compute())  # type: ignore[no-untyped-call]
    found.sort(key=operator.attrgetter("key"))  # stable: keeps each key's findings in order
    return found


def _read_jsonl(files: Iterable[tuple[Any, str]]) -> list[Document | Problem]:
    """The documents of JSON Lines files, as `figtrack.corpus.Corpus` reads them.

    A list, not a generator: a partition may have to travel between workers.
    """
    return list(_jsonl_items(files))


def _jsonl_items(files: Iterable[tuple[Any, str]]) -> Iterator[Document | Problem]:
    for opened, name in files:
        yield from read_jsonl(opened.open, name)  # an fsspec OpenFile


def _remote(fs: Any) -> bool:
    """Whether an fsspec file system is not the local one (its paths need their URL)."""
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" not in protocols


def read_corpus_bag(
    paths: str | Iterable[str],
    *,
    npartitions: int | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> db.Bag:
    """A bag of the documents in JSON Lines files: local paths, globs or URLs (``s3://...``).

    Each ``.jsonl``/``.ndjson`` file (``.gz`` unpacked) is one partition, read line by line
    exactly as `figtrack.corpus.read_corpus` reads it: a `Document` per line with ``where``
    = ``file:line``, or a `Problem` for a line or file that cannot be read. ``npartitions``
    splits the files' documents into that many partitions (by count) once read;
    ``storage_options`` go to `fsspec` (credentials, endpoint).
    """
    urls = [paths] if isinstance(paths, str) else list(paths)
    files = fsspec.open_files(urls, mode="rb", **dict(storage_options or {}))
    if not files:
        raise FileNotFoundError(f"no files match {', '.join(urls)}")
    named = []
    for f in files:
        name = f.fs.unstrip_protocol(f.path) if _remote(f.fs) else f.path
        if not name.lower().endswith(JSONL_SUFFIXES):
            raise ValueError(f"{name} is not JSON Lines (expected {', '.join(JSONL_SUFFIXES)})")
        named.append((f, name))
    per_file = db.from_sequence(named, npartitions=len(named))  # type: ignore[no-untyped-call]
    bag = _map_partitions(per_file, _read_jsonl)
    if npartitions is not None and npartitions != bag.npartitions:
        bag = bag.repartition(npartitions)  # type: ignore[no-untyped-call]
    return bag
