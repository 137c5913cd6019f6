"""Extraction over many documents: in input order, in bounded memory, on N processes.

>>> docs = ["Over 10,000 troops.", {"text": "About 53 people.", "id": "b"}]
>>> [(c.surface, c.document) for c in extract_many(docs)]
[('Over 10,000', None), ('About 53', 'b')]

Documents go to the workers in batches of about `BATCH_CHARS` characters, and at most a
few batches per worker are in flight, so memory stays flat however long the stream is.
A document that fails, or whose worker process dies, becomes a `Problem`; the others
are unaffected.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Final, Literal

import attrs

from figtrack.corpus import Document, Problem, as_document
from figtrack.extract import default_extractor
from figtrack.frame import claim_row
from figtrack.model import Claim, claims_jsonl

#: Characters of text per batch sent to a worker (a batch closes after the document
#: that reaches it, or at `BATCH_DOCS` documents).
BATCH_CHARS: Final = 256_000
BATCH_DOCS: Final = 256
#: Batches in flight per worker.
_AHEAD: Final = 2

Mode = Literal["claims", "json", "rows"]


class DocumentError(Exception):
    """Extraction failed on one document of `extract_many`; the message names it."""


@attrs.frozen
class Result:
    """What one item of the input stream gave: a document's output, or a problem.

    ``output`` is a list of `Claim` (mode ``claims``), or the claims as JSON Lines text:
    `Claim.to_dict` (mode ``json``) or `figtrack.frame.claim_row` (mode ``rows``);
    ``claims`` counts them either way.
    """

    document: Document | None
    output: Any = None
    claims: int = 0
    problem: Problem | None = None


@attrs.frozen
class _Options:
    mode: Mode = "claims"
    subjects: bool = True
    include_nonfigures: bool = False


def _extract(doc: Document, options: _Options) -> tuple[Any, int] | Problem:
    """One document's output, or the problem extracting it."""
    try:
        claims = default_extractor().extract(
            doc.text,
            doc.source,
            doc.published,
            subjects=options.subjects,
            include_nonfigures=options.include_nonfigures,
        )
    except Exception as exc:  # a bug in figtrack must not stop the run
        return Problem(
            doc.where or doc.id or "document", f"extraction failed: {type(exc).__name__}: {exc}"
        )
    if options.mode == "json":
        return claims_jsonl(claims, doc.id), len(claims)
    if options.mode == "rows":
        lines = []
        for c in claims:
            d = claim_row(c)
            d["document"] = doc.id
            lines.append(json.dumps(d, ensure_ascii=False) + "\n")
        return "".join(lines), len(claims)
    if doc.id is not None:
        claims = [attrs.evolve(c, document=doc.id) for c in claims]
    return claims, len(claims)


def _work(docs: list[Document], options: _Options) -> list[tuple[Any, int] | Problem]:
    """A worker's task: every document of one batch."""
    return [_extract(d, options) for d in docs]


def _result(item: Document | Problem, done: tuple[Any, int] | Problem) -> Result:
    if isinstance(item, Problem):
        return Result(None, problem=item)
    if isinstance(done, Problem):
        return Result(item, problem=attrs.evolve(done, id=item.id))
    return Result(item, done[0], done[1])


def _batches(items: Iterable[Document | Problem]) -> Iterator[list[Document | Problem]]:
    batch: list[Document | Problem] = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            chars += len(item.text)
        if chars >= BATCH_CHARS or len(batch) >= BATCH_DOCS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _serial(items: Iterable[Document | Problem], options: _Options) -> Iterator[Result]:
    for item in items:
        if isinstance(item, Problem):
            yield Result(None, problem=item)
        else:
            yield _result(item, _extract(item, options))


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Pool:
    """A process pool that is rebuilt when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(workers, mp_context=_context())

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        return self.pool.submit(fn, *args)

    def rebuild(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(self.workers, mp_context=_context())

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _parallel(
    items: Iterable[Document | Problem], options: _Options, workers: int
) -> Iterator[Result]:
    default_extractor()  # built once here, inherited by forked workers
    pool = _Pool(workers)
    pending: deque[tuple[list[Document | Problem], Future[Any]]] = deque()

    def send(batch: list[Document | Problem]) -> None:
        docs = [d for d in batch if isinstance(d, Document)]
        pending.append((batch, pool.submit(_work, docs, options)))

    def finish() -> Iterator[Result]:
        batch, future = pending.popleft()
        try:
            outputs = iter(future.result())
        except BrokenProcessPool:
            yield from _salvage(batch)
            return
        for item in batch:
            yield _result(item, item if isinstance(item, Problem) else next(outputs))

    def _salvage(batch: list[Document | Problem]) -> Iterator[Result]:
        """A worker died on this batch: rerun each document alone to find the culprit."""
        resend = [(b, f) for b, f in pending]
        pending.clear()
        pool.rebuild()
        for item in batch:
            if isinstance(item, Problem):
                yield Result(None, problem=item)
                continue
            try:
                done = pool.submit(_work, [item], options).result()[0]
            except BrokenProcessPool:
                pool.rebuild()
                reason = "the worker process died while extracting this document"
                done = Problem(item.where or item.id or "document", reason)
            yield _result(item, done)
        for b, _ in resend:
            send(b)

    try:
        for batch in _batches(items):
            send(batch)
            while len(pending) > workers * _AHEAD:
                yield from finish()
        while pending:
            yield from finish()
    finally:
        pool.close()


def check_workers(workers: object) -> int:
    """``workers`` as a positive int; `ValueError` or `TypeError` naming it otherwise."""
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int, not {type(workers).__name__}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return workers


def results(
    items: Iterable[Document | Problem],
    workers: int = 1,
    *,
    mode: Mode = "claims",
    subjects: bool = True,
    include_nonfigures: bool = False,
) -> Iterator[Result]:
    """One `Result` per item of ``items`` (documents and problems), in input order."""
    options = _Options(mode, subjects, include_nonfigures)
    if check_workers(workers) == 1:
        return _serial(items, options)
    return _parallel(items, options, workers)


def _documents(documents: Iterable[object]) -> Iterator[Document]:
    for i, item in enumerate(documents):
        yield as_document(item, f"documents[{i}]")


def extract_many(
    documents: Iterable[str | dict[str, Any] | Document],
    workers: int = 1,
    *,
    subjects: bool = True,
    include_nonfigures: bool = False,
) -> Iterator[Claim]:
    """The claims of every document, streamed in input order, on ``workers`` processes.

    A document is a str, a dict with ``text`` and optional ``id``, ``source`` and
    ``published``, or a `figtrack.corpus.Document`; each claim carries its document's
    ``id`` in `Claim.document`. A document of the wrong shape raises `TypeError` or
    `ValueError` naming its index; a document extraction fails on raises `DocumentError`.
    """
    if isinstance(documents, (str, bytes, dict)):
        raise TypeError(
            f"documents must be an iterable of documents, not a single {type(documents).__name__}"
        )
    if not isinstance(documents, Iterable):
        raise TypeError(f"documents must be an iterable, not {type(documents).__name__}")
    check_workers(workers)
    stream = results(
        _documents(documents),
        workers,
        subjects=subjects,
        include_nonfigures=include_nonfigures,
    )
    return _claims(stream)


def _claims(stream: Iterator[Result]) -> Iterator[Claim]:
    for i, r in enumerate(stream):
        if r.problem is not None:
            raise DocumentError(f"documents[{i}]: {r.problem.reason}")
        yield from r.output
