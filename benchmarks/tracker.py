"""Tracker benchmark: ingest the Reuters corpus into SQLite, then time subject timelines.

Usage::

    python benchmarks/tracker.py [--limit N] [--top 20] [--repeat 5] [--db PATH]

Reads ``corpora/reuters21578.jsonl.gz`` from the shared folder (``FIGTRACK_SHARED`` or
``<repo>/../shared``) and ingests every article (``published`` = its ``date``) into a SQLite
file in a temporary folder (``--db`` keeps it elsewhere; it must not exist yet). Reports the
documents and claims stored, ingest MB/s (UTF-8 article bytes / seconds in
`Tracker.ingest`, extraction included, split into extraction and storage), the size of the
database, a second pass over the same articles (every one already stored), then
`Tracker.timeline` for the ``--top`` most frequent subject keys on a freshly opened store:
the first (cold) call and the median of ``--repeat`` further calls per key, in wall-clock
and CPU time. Target: every key's median under 50 ms (the slowest single call is printed
too; on a busy machine the wall-clock times carry the noise, the CPU times less so).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate
import scoring

from figtrack.extract import Extractor
from figtrack.model import Claim
from figtrack.tracker import Tracker

MB = 1_000_000
TARGET_MS = 50.0
CORPUS = "reuters21578"

Record = dict[str, Any]


class TimedExtractor(Extractor):
    """An `Extractor` that adds up the seconds spent in `extract`."""

    seconds = 0.0

    def extract(
        self,
        text: str,
        source: str | None = None,
        published: str | None = None,
        *,
        include_nonfigures: bool = False,
        subjects: bool = True,
    ) -> list[Claim]:
        """`Extractor.extract`, timed."""
        start = time.perf_counter()
        try:
            return super().extract(
                text,
                source,
                published,
                include_nonfigures=include_nonfigures,
                subjects=subjects,
            )
        finally:
            self.seconds += time.perf_counter() - start


def iter_records(limit: int | None, shared: Path | None = None) -> Iterator[Record]:
    """The first ``limit`` records (all when None) of the Reuters corpus."""
    path = scoring._require_shared(shared) / "corpora" / f"{CORPUS}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            record: Record = json.loads(line)
            yield record


def ingest_all(tracker: Tracker, records: Sequence[Record]) -> float:
    """Ingest every record; the seconds taken."""
    start = time.perf_counter()
    for r in records:
        tracker.ingest(r["text"], r.get("source"), r.get("date"), doc_id=r.get("id"))
    return time.perf_counter() - start


def time_ms(fn: Any, *args: Any) -> tuple[float, float, Any]:
    """Wall and CPU milliseconds one call of ``fn(*args)`` takes, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def run(db: Path, limit: int | None, top: int, repeat: int) -> bool:
    """Ingest, report, time the timelines; True when every key's median meets the target."""
    records = list(iter_records(limit))
    n_bytes = sum(len(r["text"].encode("utf-8")) for r in records)
    extractor = TimedExtractor()
    extractor.extract("Warm-up: sales rose 5% to $3.2 million, more than 40 stores.")
    extractor.seconds = 0.0
    with Tracker(db, extractor=extractor) as tracker:
        seconds = ingest_all(tracker, records)
        again = ingest_all(tracker, records)
        documents, claims = tracker.documents(), len(tracker)
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    mb = n_bytes / MB
    evaluate.print_table(
        f"Tracker ingest: {CORPUS} into SQLite",
        ["measure", "value"],
        [
            ["articles read", len(records)],
            ["documents stored", documents],
            ["claims stored", claims],
            ["text MB", f"{mb:.2f}"],
            ["ingest seconds", f"{seconds:.1f}"],
            ["ingest MB/s", f"{mb / seconds:.3f}"],
            ["  of which extraction s", f"{extractor.seconds:.1f}"],
            ["  of which storage s", f"{seconds - extractor.seconds:.1f}"],
            ["second pass s (all known)", f"{again:.2f}"],
            ["database MB", f"{size / MB:.1f}"],
        ],
    )

    with Tracker(db) as tracker:
        counted = tracker.key_counts()[:top]
        rows, medians, cpu_medians, worst = [], [], [], 0.0
        for key, n in counted:
            cold, _, entries = time_ms(tracker.timeline, key)
            warm = [time_ms(tracker.timeline, key)[:2] for _ in range(repeat)]
            medians.append(statistics.median(w for w, _ in warm))
            cpu_medians.append(statistics.median(c for _, c in warm))
            worst = max(worst, cold, *(w for w, _ in warm))
            revisions = sum(e.revision for e in entries)
            rows.append(
                [key, n, len(entries), revisions]
                + [f"{ms:.1f}" for ms in (cold, medians[-1], cpu_medians[-1])]
            )
        findings_ms, _, findings = time_ms(lambda: tracker.findings(min_sources=1))
    evaluate.print_table(
        f"Tracker.timeline for the {len(rows)} most frequent keys (ms)",
        ["key", "claims", "entries", "revisions", "cold", "median", "median CPU"],
        rows,
    )
    ok = bool(medians) and max(medians) < TARGET_MS
    if medians:
        print(
            f"  per-key medians: median {statistics.median(medians):.1f} ms, "
            f"max {max(medians):.1f} ms (CPU {max(cpu_medians):.1f} ms; "
            f"target < {TARGET_MS:.0f} ms): {'ok' if ok else 'SLOW'}; "
            f"slowest single call {worst:.1f} ms"
        )
    print(f"  findings(min_sources=1): {len(findings)} findings in {findings_ms:.0f} ms")
    return ok


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--limit", type=int, default=None, help="ingest only the first N articles")
    p.add_argument("--top", type=int, default=20, help="time this many most frequent keys")
    p.add_argument("--repeat", type=int, default=5, help="warm timeline calls per key")
    p.add_argument("--db", type=Path, default=None, help="keep the store at this new path")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 when the timelines meet the target, 1 when not, 2 on no data."""
    args = parse_args(argv)
    if scoring.shared_dir() is None:
        print("shared data folder not found: set FIGTRACK_SHARED", file=sys.stderr)
        return 2
    if args.db is not None:
        if args.db.exists():
            print(f"--db {args.db}: already exists", file=sys.stderr)
            return 2
        return 0 if run(args.db, args.limit, args.top, args.repeat) else 1
    with tempfile.TemporaryDirectory(prefix="figtrack-tracker-") as tmp:
        return 0 if run(Path(tmp) / "figures.db", args.limit, args.top, args.repeat) else 1


if __name__ == "__main__":
    sys.exit(main())
