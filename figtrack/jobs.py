"""Scan jobs: a corpus through extraction into a claims file or a store, resumable.

A job writes its output (``.jsonl``, ``.parquet`` or a Tracker ``.db``), a problem log
(``OUTPUT.problems.jsonl``: one line per document that could not be read or extracted,
with its place and the reason) and a state file (``OUTPUT.scan.json``). The state file
records, after the output is flushed to disk, how many items of the corpus stream are
done and how long the output and the problem log were at that point. A job started again
with the same inputs and options truncates both to that length, skips the items done,
and goes on: no document is lost and none is written twice. Parquet is written from a
JSON Lines spool (``OUTPUT.spool.jsonl``) when the corpus is done, since a Parquet file
cannot be appended to.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Final

import attrs

from figtrack.batch import Mode, Result, results
from figtrack.corpus import Corpus, Document, Problem

STATE_VERSION: Final = 1
#: Seconds between checkpoints.
CHECKPOINT_EVERY: Final = 2.0
#: Seconds between progress reports.
PROGRESS_EVERY: Final = 0.25


class ScanError(Exception):
    """A scan cannot start: its output is in the way or belongs to another job."""


@attrs.define
class ScanStats:
    """What a scan did so far."""

    items: int = 0  # items of the corpus stream done: documents and problems
    documents: int = 0
    problems: int = 0
    claims: int = 0
    bytes: int = 0  # UTF-8 bytes of the documents' text
    bad_bytes: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The stats as a JSON-ready dict."""
        return attrs.asdict(self)


def _kind(output: Path) -> str:
    name = output.name.lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".db", ".sqlite", ".sqlite3")):
        return "tracker"
    return "jsonl"


def _side(output: Path, suffix: str) -> Path:
    return output.with_name(output.name + suffix)


class _Sink:
    """Where a job's results go; ``position`` is what a checkpoint must record."""

    mode: Mode = "json"

    def write(self, result: Result) -> None:
        raise NotImplementedError

    def sync(self) -> int:
        """Flush to disk; the position to resume from."""
        raise NotImplementedError

    def finish(self) -> None:
        """The corpus is done: complete the output."""

    def close(self) -> None:
        raise NotImplementedError


class _Writer:
    """Appends byte chunks to a file from a background thread.

    The disk's time then overlaps extraction (the thread waits in system calls, where it
    does not hold the interpreter). Chunks are gathered to about `CHUNK` bytes before
    they are handed over; `drain` waits until everything handed over is in the file, so a
    checkpoint never records bytes that are not written. An error in the thread is raised
    in the caller by the next `write`, `drain` or `close`.
    """

    CHUNK: Final = 1 << 20

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self._pending: list[bytes] = []
        self._size = 0
        self._error: BaseException | None = None
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self._thread = threading.Thread(target=self._run, name="figtrack-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            chunk = self._queue.get()
            try:
                if chunk is None:
                    return
                if self._error is None:
                    self.fh.write(chunk)
            except BaseException as exc:  # handed to the caller, which stops the job
                self._error = exc
            finally:
                self._queue.task_done()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        self._size += len(data)
        if self._size >= self.CHUNK:
            self._hand_over()

    def _hand_over(self) -> None:
        self._raise()
        if self._pending:
            self._queue.put(b"".join(self._pending))
            self._pending, self._size = [], 0

    def drain(self) -> None:
        """Return when every byte written so far is in the file (not yet synced)."""
        self._hand_over()
        self._queue.join()
        self._raise()

    def close(self) -> None:
        """Write what is pending, stop the thread, close the file."""
        try:
            if self._thread.is_alive():
                self.drain()
        finally:
            if self._thread.is_alive():
                self._queue.put(None)
                self._thread.join()
            self.fh.close()


class _JsonlSink(_Sink):
    def __init__(self, path: Path, position: int) -> None:
        self.out = _Writer(_reopen(path, position))

    def write(self, result: Result) -> None:
        if result.output:
            self.out.write(result.output.encode("utf-8"))

    def sync(self) -> int:
        self.out.drain()
        return _sync(self.out.fh)

    def close(self) -> None:
        self.out.close()


class _ParquetSink(_JsonlSink):
    """Claim rows spooled as JSON Lines, turned into one Parquet file at the end."""

    mode: Mode = "rows"

    def __init__(self, path: Path, position: int) -> None:
        self.path = path
        self.spool = _side(path, ".spool.jsonl")
        super().__init__(self.spool, position)

    def sync(self) -> int:
        return 0 if self.out.fh.closed else super().sync()

    def finish(self) -> None:
        from figtrack.frame import ParquetWriter

        self.out.close()
        tmp = _side(self.path, ".tmp")
        with ParquetWriter(tmp) as writer, open(self.spool, "rb") as fh:
            writer.write(json.loads(line) for line in fh)
        os.replace(tmp, self.path)
        self.spool.unlink()


class _TrackerSink(_Sink):
    mode: Mode = "claims"

    def __init__(self, path: Path, problems: Callable[[Problem], None]) -> None:
        from figtrack.tracker import Tracker

        self.tracker = Tracker(path)
        self.problems = problems

    def write(self, result: Result) -> None:
        doc = result.document
        if doc is None or result.problem is not None:
            return
        try:  # each document is one transaction; one stored before a restart adds nothing
            self.tracker.ingest_claims(
                result.output, text=doc.text, source=doc.source, published=doc.published,
                doc_id=doc.id,
            )  # fmt: skip
        except (TypeError, ValueError) as exc:
            self.problems(Problem(doc.where or doc.id or "document", str(exc), doc.id))

    def sync(self) -> int:
        return 0

    def close(self) -> None:
        self.tracker.close()


def _reopen(path: Path, position: int) -> IO[bytes]:
    """``path`` opened for appending after truncating it to ``position`` bytes."""
    fh = open(path, "r+b" if path.exists() else "w+b")  # noqa: SIM115 (the sink owns it)
    fh.truncate(position)
    fh.seek(position)
    return fh


def _sync(fh: IO[bytes]) -> int:
    fh.flush()
    os.fsync(fh.fileno())
    return fh.tell()


def _write_state(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(state, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@attrs.define
class Scan:
    """One scan job: ``inputs`` (files and folders) into ``output``.

    `run` starts it or resumes it (see the module docstring); ``force`` starts afresh,
    discarding an earlier output.
    """

    inputs: list[str]
    output: Path = attrs.field(converter=Path)
    workers: int = 1
    subjects: bool = True
    include_nonfigures: bool = False
    force: bool = False
    progress: Callable[[ScanStats, Corpus], None] | None = None
    checkpoint_every: float = CHECKPOINT_EVERY  # seconds between checkpoints
    stats: ScanStats = attrs.field(factory=ScanStats)
    resumed: bool = False  # set by `run`: it went on from an interrupted run
    already_complete: bool = False  # set by `run`: a complete earlier run was found

    @property
    def state_path(self) -> Path:
        return _side(self.output, ".scan.json")

    @property
    def problems_path(self) -> Path:
        return _side(self.output, ".problems.jsonl")

    def _job(self) -> dict[str, Any]:
        return {
            "inputs": [str(Path(p).resolve()) for p in self.inputs],
            "options": {"subjects": self.subjects, "include_nonfigures": self.include_nonfigures},
            "output": _kind(self.output),
        }

    def _start(self) -> dict[str, Any] | None:
        """The state to resume from, None to start afresh; `ScanError` if in the way."""
        if self.force:
            for p in (self.output, self.state_path, self.problems_path):
                p.unlink(missing_ok=True)
            _side(self.output, ".spool.jsonl").unlink(missing_ok=True)
            return None
        if not self.state_path.exists():
            if self.output.exists():
                raise ScanError(
                    f"{self.output} exists and is not a scan in progress; "
                    "remove it or pass --force to overwrite it"
                )
            return None
        try:
            state: dict[str, Any] = json.loads(self.state_path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ScanError(f"cannot read {self.state_path}: {exc}") from exc
        if state.get("version") != STATE_VERSION:
            raise ScanError(f"{self.state_path} was written by another figtrack version")
        if state.get("job") != self._job():
            raise ScanError(
                f"{self.output} holds a scan of other inputs or options "
                f"({self.state_path}); pass --force to start afresh"
            )
        return state

    def run(self) -> ScanStats:
        """Scan (or finish scanning) the corpus; the final stats."""
        state = self._start()
        if state is not None and state.get("complete"):
            self.stats = ScanStats(**state["stats"])
            self.already_complete = True
            return self.stats
        done = 0 if state is None else int(state["stats"]["items"])
        self.resumed = state is not None
        self.stats = ScanStats() if state is None else ScanStats(**state["stats"])
        started = time.monotonic() - self.stats.seconds
        problems = _reopen(self.problems_path, 0 if state is None else state["problems_bytes"])

        def log(problem: Problem) -> None:
            problems.write((json.dumps(problem.to_dict(), ensure_ascii=False) + "\n").encode())
            self.stats.problems += 1

        sink = self._sink(0 if state is None else state["output_bytes"], log)
        corpus = Corpus(self.inputs)
        last = last_shown = time.monotonic()

        def checkpoint(complete: bool = False) -> None:
            self.stats.seconds = time.monotonic() - started
            _write_state(
                self.state_path,
                {
                    "version": STATE_VERSION,
                    "job": self._job(),
                    "stats": self.stats.to_dict(),
                    "output_bytes": sink.sync(),
                    "problems_bytes": _sync(problems),
                    "complete": complete,
                },
            )

        try:
            stream = _skip(iter(corpus), done)
            for result in results(
                stream,
                self.workers,
                mode=sink.mode,
                subjects=self.subjects,
                include_nonfigures=self.include_nonfigures,
            ):
                self._count(result, log)
                sink.write(result)
                now = time.monotonic()
                if now - last_shown >= PROGRESS_EVERY and self.progress is not None:
                    self.stats.seconds = now - started
                    self.progress(self.stats, corpus)
                    last_shown = now
                if now - last >= self.checkpoint_every:
                    checkpoint()
                    last = now
            checkpoint()
            sink.finish()
            checkpoint(complete=True)
        finally:
            sink.close()
            problems.close()
        if self.progress is not None:
            self.progress(self.stats, corpus)
        return self.stats

    def _sink(self, position: int, log: Callable[[Problem], None]) -> _Sink:
        kind = _kind(self.output)
        if kind == "tracker":
            return _TrackerSink(self.output, log)
        if kind == "parquet":
            return _ParquetSink(self.output, position)
        return _JsonlSink(self.output, position)

    def _count(self, result: Result, log: Callable[[Problem], None]) -> None:
        s = self.stats
        s.items += 1
        doc: Document | None = result.document
        if result.problem is not None:
            log(result.problem)
            return
        if doc is not None:
            s.documents += 1
            s.claims += result.claims
            s.bytes += len(doc.text.encode("utf-8"))
            s.bad_bytes += doc.bad_bytes


def _skip(items: Iterator[Any], n: int) -> Iterator[Any]:
    """``items`` after the first ``n``."""
    return itertools.islice(items, n, None)
