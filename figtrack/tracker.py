"""A store of claims from many documents on SQLite: figures, findings and timelines.

>>> with Tracker() as tracker:
...     tracker.ingest("800 people were killed in Varnholm.", "Daily", "2025-03-01")
...     tracker.ingest("800 people were killed in Varnholm.", "Daily", "2025-03-01")
...     [c.surface for c in tracker.figures("death|||varnholm")]
1
0
['800']

Each document is stored once per (source, text), in one transaction with all its claims.
A file store uses write-ahead logging, so readers see whole documents while one process
writes. The schema's version is kept in ``PRAGMA user_version``: a store of another
version is refused with a `TrackerError` naming both.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from decimal import Decimal
from types import TracebackType
from typing import Any, Final

import attrs

from figtrack.compare import check_min_sources, compare, publication_day
from figtrack.corpus import optional_str
from figtrack.extract import Extractor, default_extractor
from figtrack.model import Claim, Finding, Interval, Quantity, Subject
from figtrack.policy import Policy, given_policy, interpret

#: The version of the schema below, kept in ``PRAGMA user_version``.
SCHEMA_VERSION: Final = 1
#: ``PRAGMA application_id`` of a figtrack store ("FGTR").
APPLICATION_ID: Final = 0x46475452

#: The statements that create an empty store, run in one transaction.
_SCHEMA = (
    """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,  -- JSON [source, sha256 of the text]
    source TEXT,
    published TEXT,
    doc_id TEXT,
    chars INTEGER NOT NULL
)
""",
    """
CREATE TABLE sentences (
    document INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document, start, "end")
) WITHOUT ROWID
""",
    """
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    key TEXT,
    surface TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    derived_from INTEGER,
    value TEXT,
    low TEXT,
    high TEXT,
    low_closed INTEGER,
    high_closed INTEGER,
    qualifier TEXT NOT NULL,
    approximate INTEGER NOT NULL,
    trend TEXT,
    kind TEXT NOT NULL,
    unit TEXT,
    precision TEXT,
    scaled INTEGER NOT NULL,
    subject INTEGER NOT NULL,  -- 1 when the claim has a Subject, even an empty one
    subject_text TEXT,
    subject_head TEXT,
    scope TEXT,  -- JSON list of phrases, NULL when there are none
    holder TEXT,
    carried INTEGER,
    subject_start INTEGER,
    subject_end INTEGER
)
""",
    """
CREATE INDEX claims_by_key ON claims(key)
""",
)

_CLAIM_COLUMNS = (
    'document, key, surface, start, "end", sentence_start, sentence_end, derived_from, '
    "value, low, high, low_closed, high_closed, qualifier, approximate, trend, kind, unit, "
    "precision, scaled, subject, subject_text, subject_head, scope, holder, carried, "
    "subject_start, subject_end"
)
_INSERT_CLAIM = f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES ({', '.join('?' * 28)})"
_SELECT_CLAIMS = """
SELECT d.source, d.published, d.doc_id, s.text, c.surface, c.start, c."end", c.sentence_start,
    c.derived_from, c.value, c.low, c.high, c.low_closed, c.high_closed, c.qualifier,
    c.approximate, c.trend, c.kind, c.unit, c.precision, c.scaled, c.subject,
    c.subject_text, c.subject_head, c.scope, c.holder, c.key, c.carried, c.subject_start,
    c.subject_end
FROM claims c
JOIN documents d ON d.id = c.document
JOIN sentences s
    ON s.document = c.document AND s.start = c.sentence_start AND s."end" = c.sentence_end
WHERE {where}
ORDER BY d.published IS NULL, d.published, d.source IS NULL, d.source, d.id, c.start, c.id
"""
#: Keys whose claims come from at least ``?`` distinct sources (an unnamed source counts once).
_KEYS_WITH_SOURCES = """
SELECT c.key FROM claims c JOIN documents d ON d.id = c.document
WHERE c.key IS NOT NULL
GROUP BY c.key
HAVING COUNT(DISTINCT d.source) + MAX(d.source IS NULL) >= ?
"""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?![0-9])")


class TrackerError(Exception):
    """A store that cannot be opened: not a database, not figtrack's, or another version."""


@attrs.frozen
class TimelineEntry:
    """One figure of a timeline, read by the comparison policy.

    ``revision`` is true when ``interval`` does not meet the interval of the latest
    earlier-dated entry in the same ``measure`` (the last one in timeline order published
    on an earlier day): a later report contradicting an earlier one. Figures of one day
    never revise each other, and undated figures revise nothing.
    """

    claim: Claim
    measure: str
    interval: Interval
    revision: bool


class Tracker:
    """Claims from many documents, kept in SQLite: in memory, or in a file at ``path``.

    ``extractor`` reads the documents given to `ingest` (the default extractor if None).
    Use it as a context manager, or call `close`. A Tracker belongs to the thread that
    opened it; threads and processes may each open their own on one file.
    """

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, extractor: Extractor | None = None
    ) -> None:
        if path is not None and not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Tracker() path must be a str or path, not {type(path).__name__}")
        if extractor is not None and not isinstance(extractor, Extractor):
            raise TypeError(
                f"Tracker() extractor must be an Extractor, not {type(extractor).__name__}"
            )
        self.path: str | None = None if path is None else os.fspath(path)
        self._extractor = extractor
        name = ":memory:" if self.path is None else self.path
        try:
            self._db = sqlite3.connect(name, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise TrackerError(f"{name}: cannot open the figure store: {exc}") from exc
        try:
            self._open(name)
        except sqlite3.Error as exc:
            self._db.close()
            raise TrackerError(f"{name}: cannot open as a figure store: {exc}") from exc
        except BaseException:
            self._db.close()
            raise

    def _open(self, name: str) -> None:
        """Check the store's version, creating the schema in an empty database."""
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if self.path is not None:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # a timeline reads its claims' pages scattered over the store: keep 64 MB of
            # them cached rather than SQLite's default 2 MB
            db.execute("PRAGMA cache_size=-65536")
        if version == 0:
            db.execute("BEGIN IMMEDIATE")  # so two processes do not both create the schema
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                tables = db.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()[0]
                if version == 0 and tables == 0:
                    for statement in _SCHEMA:  # executescript() would commit first
                        db.execute(statement)
                    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                    version = SCHEMA_VERSION
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        app = db.execute("PRAGMA application_id").fetchone()[0]
        if version == 0 or app != APPLICATION_ID:
            raise TrackerError(f"{name}: a SQLite database, but not a figtrack figure store")
        if version != SCHEMA_VERSION:
            age = "an older" if version < SCHEMA_VERSION else "a newer"
            raise TrackerError(
                f"{name}: figure store schema version {version}, but this figtrack reads "
                f"version {SCHEMA_VERSION} (the store was written by {age} figtrack)"
            )

    # -- writing ---------------------------------------------------------------------
    def ingest(
        self,
        text: str,
        source: str | None = None,
        published: str | None = None,
        *,
        doc_id: str | None = None,
    ) -> int:
        """Extract ``text``'s claims and store them; the number stored.

        ``published`` is an ISO date (``2025-03-01``, a time may follow). A document
        already stored with the same source and text adds nothing and gives 0.
        """
        _check_document("ingest", text, source, published, doc_id)
        identity = _identity(source, text)
        if self._db.execute("SELECT 1 FROM documents WHERE identity = ?", (identity,)).fetchone():
            return 0
        extractor = default_extractor() if self._extractor is None else self._extractor
        claims = extractor.extract(text, source, published)
        return self._store(identity, claims, text, source, published, doc_id)

    def ingest_claims(
        self,
        claims: Iterable[Claim],
        *,
        text: str,
        source: str | None = None,
        published: str | None = None,
        doc_id: str | None = None,
    ) -> int:
        """Store claims already extracted from ``text``; the number stored.

        Each claim is stored with the document's ``source`` and ``published``; its
        offsets must point into ``text``. Like `ingest`, a known document gives 0.
        """
        _check_document("ingest_claims", text, source, published, doc_id)
        given = list(claims)
        for c in given:
            if not isinstance(c, Claim):
                raise TypeError(f"ingest_claims() claims must be Claims, not {type(c).__name__}")
            sentence = text[c.sentence_start : c.sentence_start + len(c.sentence)]
            if text[c.start : c.end] != c.surface or sentence != c.sentence:
                raise ValueError(f"ingest_claims(): claim {c.surface!r} does not stand in text")
        stamped = [
            c
            if (c.source, c.published) == (source, published)
            else attrs.evolve(c, source=source, published=published)
            for c in given
        ]
        return self._store(_identity(source, text), stamped, text, source, published, doc_id)

    def _store(
        self,
        identity: str,
        claims: list[Claim],
        text: str,
        source: str | None,
        published: str | None,
        doc_id: str | None,
    ) -> int:
        """Write one document and its claims in one transaction: whole or not at all."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            cur = db.execute(
                "INSERT OR IGNORE INTO documents (identity, source, published, doc_id, chars) "
                "VALUES (?, ?, ?, ?, ?)",
                (identity, source, published, doc_id, len(text)),
            )
            if cur.rowcount == 0:  # another writer stored it since we looked
                db.execute("ROLLBACK")
                return 0
            doc = cur.lastrowid
            assert doc is not None
            sentences = {(c.sentence_start, c.sentence_start + len(c.sentence)): c for c in claims}
            db.executemany(
                'INSERT INTO sentences (document, start, "end", text) VALUES (?, ?, ?, ?)',
                ((doc, s, e, c.sentence) for (s, e), c in sentences.items()),
            )
            db.executemany(_INSERT_CLAIM, (_claim_row(doc, c) for c in claims))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return len(claims)

    # -- reading ---------------------------------------------------------------------
    def figures(self, key: str) -> list[Claim]:
        """The claims under subject ``key``, by publication date (undated last), source,
        then place in the document."""
        if not isinstance(key, str):
            raise TypeError(f"figures() key must be a str, not {type(key).__name__}")
        return list(self._claims("c.key = ?", (key,)))

    def keys(self) -> list[str]:
        """Every subject key with at least one claim, sorted."""
        rows = self._db.execute(
            "SELECT DISTINCT key FROM claims WHERE key IS NOT NULL ORDER BY key"
        )
        return [k for (k,) in rows]

    def key_counts(self) -> list[tuple[str, int]]:
        """``(key, number of claims)`` for every key, the most frequent first."""
        rows = self._db.execute(
            "SELECT key, COUNT(*) AS n FROM claims WHERE key IS NOT NULL "
            "GROUP BY key ORDER BY n DESC, key"
        )
        return [(k, n) for k, n in rows]

    def findings(self, policy: Policy | None = None, *, min_sources: int = 2) -> list[Finding]:
        """`figtrack.compare.compare` over the stored claims, keeping the findings whose
        claims come from at least ``min_sources`` distinct sources."""
        policy = given_policy("findings", policy)
        check_min_sources("findings", min_sources)
        claims = self._claims(f"c.key IN ({_KEYS_WITH_SOURCES})", (min_sources,))
        return compare(claims, policy, min_sources=min_sources)

    def timeline(self, key: str, policy: Policy | None = None) -> list[TimelineEntry]:
        """The figures under ``key`` that ``policy`` can read, by publication date
        (undated last), each marked when it revises the latest figure of an earlier
        day (never when ``policy.revisions`` is off)."""
        policy = given_policy("timeline", policy)
        # per measure: the latest day seen, the last interval of that day, and the last
        # interval of the day before it
        latest: dict[str, tuple[str, Interval, Interval | None]] = {}
        out: list[TimelineEntry] = []
        for claim in self.figures(key):
            read = interpret(claim, policy)
            if read is None:
                continue
            measure, interval = read
            revision = False
            day = publication_day(claim.published)
            if day is not None and policy.revisions:
                last_day, last, before = latest.get(measure, (day, interval, None))
                if day != last_day:
                    before = last
                revision = before is not None and interval.intersection(before).is_empty
                latest[measure] = (day, interval, before)
            out.append(TimelineEntry(claim, measure, interval, revision))
        return out

    def documents(self) -> int:
        """How many documents are stored."""
        count: int = self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        return count

    def __len__(self) -> int:
        """How many claims are stored."""
        count: int = self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        return count

    def _claims(self, where: str, params: tuple[Any, ...]) -> Iterator[Claim]:
        """The stored claims matching the SQL condition ``where``, in timeline order."""
        for row in self._db.execute(_SELECT_CLAIMS.format(where=where), params):
            yield _claim_from_row(row)

    # -- lifetime --------------------------------------------------------------------
    def close(self) -> None:
        """Close the store (a second call does nothing)."""
        self._db.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Tracker({self.path!r})"


# -- rows ------------------------------------------------------------------------------


def _identity(source: str | None, text: str) -> str:
    """What makes a document the same document: its source and its text's SHA-256."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return json.dumps([source, digest])


def _text(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _dec(s: str | None) -> Decimal | None:
    return None if s is None else Decimal(s)


def _flag(b: bool | None) -> int | None:
    return None if b is None else int(b)


def _claim_row(document: int, c: Claim) -> tuple[Any, ...]:
    """The ``claims`` row for ``c`` in ``_CLAIM_COLUMNS`` order."""
    q, iv = c.quantity, c.quantity.interval
    s = c.subject or Subject()
    return (
        document,
        s.key,
        c.surface,
        c.start,
        c.end,
        c.sentence_start,
        c.sentence_start + len(c.sentence),
        c.derived_from,
        _text(q.value),
        _text(iv.low),
        _text(iv.high),
        _flag(iv.low_closed),
        _flag(iv.high_closed),
        q.qualifier,
        int(q.approximate),
        q.trend,
        q.kind,
        q.unit,
        _text(q.precision),
        int(q.scaled),
        int(c.subject is not None),
        s.text,
        s.head,
        json.dumps(list(s.scope), ensure_ascii=False) if s.scope else None,
        s.holder,
        int(s.carried),
        s.start,
        s.end,
    )


def _claim_from_row(row: tuple[Any, ...]) -> Claim:
    """The `Claim` a ``_SELECT_CLAIMS`` row stores (positional arguments: this is hot)."""
    (
        source, published, doc_id, sentence, surface, start, end, sentence_start, derived_from,
        value, low, high, low_closed, high_closed, qualifier, approximate, trend, kind, unit,
        precision, scaled, has_subject, subject_text, head, scope, holder, key, carried,
        subject_start, subject_end,
    ) = row  # fmt: skip
    number = None if value is None else Decimal(value)
    lo = number if low == value else None if low is None else Decimal(low)
    hi = lo if high == low else None if high is None else Decimal(high)
    interval = Interval(
        lo,
        hi,
        None if low_closed is None else low_closed == 1,
        None if high_closed is None else high_closed == 1,
    )
    quantity = Quantity(
        number, interval, qualifier, approximate == 1, trend, kind, unit, _dec(precision),
        scaled == 1,
    )  # fmt: skip
    subject = None
    if has_subject:
        phrases = () if scope is None else tuple(json.loads(scope))
        subject = Subject(
            subject_text, head, phrases, holder, key, carried == 1, subject_start, subject_end
        )
    return Claim(
        surface, start, end, quantity, sentence, sentence_start, source, published, subject,
        derived_from, doc_id,
    )  # fmt: skip


# -- argument checks -------------------------------------------------------------------


def _check_document(
    func: str, text: object, source: object, published: object, doc_id: object
) -> None:
    """TypeError naming the argument of the wrong type; ValueError for a non-ISO date."""
    if not isinstance(text, str):
        raise TypeError(f"{func}() text must be a str, not {type(text).__name__}")
    for name, value in (("source", source), ("published", published), ("doc_id", doc_id)):
        optional_str(value, f"{func}() {name}")
    if isinstance(published, str):
        if not _ISO_DATE.match(published):
            raise ValueError(
                f"{func}() published must be an ISO date such as 2025-03-01, not {published!r}"
            )
        try:
            datetime.date.fromisoformat(published[:10])
        except ValueError:
            raise ValueError(
                f"{func}() published {published!r}: {published[:10]} is not a day of the calendar"
            ) from None
        if len(published) > 10:
            try:
                datetime.datetime.fromisoformat(published)
            except ValueError:
                raise ValueError(
                    f"{func}() published {published!r}: the time after the date is not an "
                    "ISO time such as 2025-03-01T14:30"
                ) from None
