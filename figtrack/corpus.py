"""Documents and the corpora they come in: text files, folders, JSON Lines, gzipped or not.

A corpus is read lazily, one document at a time, in a stable order (files as given,
folders sorted by path), so a job can stop and resume at the same place. Anything a real
archive holds that cannot be read as a document becomes a `Problem` in the stream, with
a reason, and the good documents around it are kept.

>>> doc = as_document({"text": "Over 10,000 troops.", "id": "a1", "source": "Wire"})
>>> doc.id, doc.source, doc.published
('a1', 'Wire', None)
>>> decode(b"caf\\xe9 50%") == ("caf\\ufffd 50%", 1)
True

Decoding policy: bytes are UTF-8 (a byte-order mark is dropped); each invalid byte becomes
U+FFFD and is counted in `Document.bad_bytes`. Line ends are kept as written (``\\r\\n``
and ``\\r`` alike) so offsets point into the text exactly as read.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager as ContextManager
from functools import partial
from pathlib import Path
from typing import IO, Any, Final

import attrs

#: File names read as JSON Lines (one document per line), gzipped or not.
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: How much of a file is looked at to tell text from binary.
_SNIFF: Final = 8192
#: The fields a JSON Lines document may give its publication date in.
_DATE_FIELDS: Final = ("published", "date")
_ESCAPED = re.compile("[\udc80-\udcff]")


@attrs.frozen
class Document:
    """One text to extract from, with what is known of where it comes from.

    ``where`` names its place in the corpus (``file`` or ``file:line``) and ``bad_bytes``
    counts the invalid UTF-8 bytes replaced while decoding it.
    """

    text: str
    id: str | None = None
    source: str | None = None
    published: str | None = None
    where: str | None = None
    bad_bytes: int = 0


@attrs.frozen
class Problem:
    """A document, or part of a corpus, that could not be read, and why."""

    where: str
    reason: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict written to a scan's problem log."""
        return {"where": self.where, "id": self.id, "reason": self.reason}


def optional_str(value: object, name: str) -> str | None:
    """``value`` when it is a str or None; else `TypeError` naming ``name``."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")


def _from_mapping(
    item: Mapping[str, Any], name: str, where: str | None = None, bad_bytes: int = 0
) -> Document:
    if "text" not in item:
        raise ValueError(f"{name} has no 'text' field")
    text = item["text"]
    if not isinstance(text, str):
        raise TypeError(f"{name}['text'] must be a str, not {type(text).__name__}")
    published = next((item[f] for f in _DATE_FIELDS if item.get(f) is not None), None)
    return Document(
        text,
        optional_str(item.get("id"), f"{name}['id']"),
        optional_str(item.get("source"), f"{name}['source']"),
        optional_str(published, f"{name}['published']"),
        where,
        bad_bytes,
    )


def as_document(item: object, name: str = "document") -> Document:
    """``item`` (a str, a mapping with ``text``, or a `Document`) as a `Document`.

    Raises `TypeError` or `ValueError` naming ``name`` and the field at fault.

    >>> as_document(b"x", "documents[3]")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: documents[3] must be a str, a mapping with 'text' or a Document, not bytes; ...
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(item)
    if isinstance(item, Mapping):
        return _from_mapping(item, name)
    hint = "; decode bytes first (figtrack.corpus.decode)" if isinstance(item, bytes) else ""
    raise TypeError(
        f"{name} must be a str, a mapping with 'text' or a Document, "
        f"not {type(item).__name__}{hint}"
    )


def decode(data: bytes) -> tuple[str, int]:
    """``data`` as text by the decoding policy, and the number of invalid bytes replaced."""
    try:
        text = data.decode("utf-8")  # the codec in C; "utf-8-sig" goes through Python
    except UnicodeDecodeError:
        pass
    else:
        return (text[1:] if text.startswith("\ufeff") else text), 0
    text = data.decode("utf-8-sig", errors="surrogateescape")
    bad = 0

    def count(m: re.Match[str]) -> str:
        nonlocal bad
        bad += 1
        return "\ufffd"

    return _ESCAPED.sub(count, text), bad


def _binary(head: bytes) -> str | None:
    """Why ``head`` (a file's first bytes) is not text, or None when it may be."""
    if b"\x00" in head:
        return "binary file (NUL bytes)"
    _, bad = decode(head[:-4] if len(head) == _SNIFF else head)
    if bad > max(8, len(head) // 10):
        return f"binary file ({bad} of the first {len(head)} bytes are not UTF-8)"
    return None


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Problem]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file())
            yield from (f for f in found if not f.name.startswith("."))
        elif path.exists():
            yield path
        else:
            yield Problem(str(path), "no such file or folder")


def _open_binary(path: Path) -> IO[bytes]:
    return path.open("rb")


def _read_bytes(path: Path) -> bytes:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            return fh.read()
    return path.read_bytes()


def _text_file(path: Path) -> Iterator[Document | Problem]:
    try:
        data = _read_bytes(path)
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(str(path), _why(exc))
        return
    reason = _binary(data[:_SNIFF])
    if reason:
        yield Problem(str(path), reason)
        return
    text, bad = decode(data)
    yield Document(text, id=str(path), where=str(path), bad_bytes=bad)


def _why(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated gzip file (it ends before its end marker)"
    if isinstance(exc, (zlib.error, gzip.BadGzipFile)):
        return f"corrupt gzip file ({exc})"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"{type(exc).__name__}: {exc}"


def read_jsonl(
    open_file: Callable[[], ContextManager[IO[bytes]]],
    name: str,
    seen: _Position | None = None,
) -> Iterator[Document | Problem]:
    """The documents of one JSON Lines file, gzipped when ``name`` ends in ``.gz``.

    ``open_file()`` gives a context manager for the file's raw bytes (``open(path, "rb")``
    or an fsspec ``OpenFile``). Each line gives a `Document` with ``where`` =
    ``name:line``, or a `Problem`; a file that cannot be read on gives a last `Problem`.
    """
    gz = name.lower().endswith(".gz")
    line_no = 0
    try:
        with open_file() as raw_fh:
            fh: Any = gzip.GzipFile(fileobj=raw_fh, mode="rb") if gz else raw_fh
            for line_no, raw in enumerate(fh, 1):
                if seen is not None:
                    seen.current = raw_fh.tell()
                if raw.strip():
                    yield _jsonl_document(raw, f"{name}:{line_no}")
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(f"{name}:{line_no + 1}", _why(exc))


def _jsonl_document(raw: bytes, where: str) -> Document | Problem:
    if b"\x00" in raw:
        return Problem(where, "binary data (NUL bytes) in a JSON line")
    line, bad = decode(raw)
    try:
        item = json.loads(line)
    except ValueError as exc:
        return Problem(where, f"not JSON ({exc})")
    if not isinstance(item, dict):
        return Problem(where, f"a JSON {type(item).__name__}, not an object with 'text'")
    doc_id = item.get("id")
    try:
        return _from_mapping(item, "the line", where, bad)
    except (TypeError, ValueError) as exc:
        return Problem(where, str(exc), doc_id if isinstance(doc_id, str) else None)


class _Position:
    """Bytes of the corpus files read so far: whole files done plus the current one."""

    def __init__(self) -> None:
        self.done = 0
        self.current = 0


class Corpus:
    """The documents in ``paths`` (files and folders), in order, and every problem met.

    ``.jsonl``/``.ndjson`` files (and their ``.gz``) hold one JSON object per line with a
    ``text`` field and optional ``id``, ``source`` and ``published`` (or ``date``); every
    other file is one document of plain text (``.gz`` is unpacked). A folder is read
    recursively in sorted order, skipping hidden files. `bytes_read` and `total_bytes`
    count the files as stored on disk (compressed, for ``.gz``), for progress reports.
    """

    def __init__(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        self.paths = [Path(p) for p in paths]
        self._seen = _Position()
        self._total: int | None = None

    @property
    def bytes_read(self) -> int:
        """Bytes of the corpus files consumed so far."""
        return self._seen.done + self._seen.current

    @property
    def total_bytes(self) -> int:
        """Bytes of all the corpus files."""
        if self._total is None:
            files = _files(self.paths)
            self._total = sum(f.stat().st_size for f in files if isinstance(f, Path))
        return self._total

    def __iter__(self) -> Iterator[Document | Problem]:
        seen = self._seen
        for item in _files(self.paths):
            if isinstance(item, Problem):
                yield item
                continue
            seen.current = 0
            if _is_jsonl(item):
                yield from read_jsonl(partial(_open_binary, item), str(item), seen)
            else:
                yield from _text_file(item)
            with contextlib.suppress(OSError):
                seen.done += item.stat().st_size
            seen.current = 0


def read_corpus(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Problem]:
    """Every document in ``paths``, in order, and every problem met (see `Corpus`)."""
    return iter(Corpus(paths))
