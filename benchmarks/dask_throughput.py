"""Extraction throughput on a Dask LocalCluster of 1 and 2 workers, beside one process.

Usage::

    python benchmarks/dask_throughput.py [--limit-mb X] [--workers 1,2]
        [--partitions-per-worker 8] [--check]

Reads ``corpora/reuters21578.jsonl.gz`` and ``corpora/bbc_news.jsonl.gz`` from the shared
folder (``$FIGTRACK_SHARED`` or ``<repo>/../shared``); ``--limit-mb X`` keeps the first
articles of each corpus up to X MB of text (copied to a temporary folder, outside the
repository). Each run reads the same JSON Lines files and extracts every document:

- ``extract_many``: one process, `figtrack.corpus.read_corpus` + `figtrack.batch.extract_many`;
- ``dask, N workers``: a `distributed.LocalCluster` of N single-threaded worker processes,
  `figtrack.dask.read_corpus_bag` (``N * partitions-per-worker`` partitions) +
  `extract_bag`, counting the claims on the workers (``.count()``), as a job that writes its
  claims where it runs (Parquet) would.

MB/s = UTF-8 bytes of article text / wall seconds of the run; MB/CPU-s divides the same
bytes by the CPU seconds the run used (this process, or all the workers), which other jobs
on a shared machine disturb less: a node's throughput is about its free cores times that.
Building the extractor is not timed (one warm-up call in this process and on every worker
first), nor is starting the cluster. ``--check`` also brings every worker's claims back
(untimed) and checks they equal the single-process claims.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import dask
import distributed
import scoring

from figtrack.batch import extract_many
from figtrack.corpus import Document, read_corpus
from figtrack.dask import extract_bag, problems_bag, read_corpus_bag
from figtrack.extract import default_extractor

MB = 1_000_000
CORPORA = ("reuters21578", "bbc_news")


def corpus_files(shared: Path, limit_mb: float | None, tmp: Path) -> list[Path]:
    """The corpus files, or copies of their first articles up to ``limit_mb`` MB of text."""
    paths = [shared / "corpora" / f"{name}.jsonl.gz" for name in CORPORA]
    if limit_mb is None:
        return paths
    limited = []
    for path in paths:
        out = tmp / path.name
        total = 0
        with gzip.open(path, "rb") as src, gzip.open(out, "wb") as dst:
            for raw in src:
                if total >= limit_mb * MB:
                    break
                total += len(json.loads(raw)["text"].encode("utf-8"))
                dst.write(raw)
        limited.append(out)
    return limited


def text_bytes(paths: list[Path]) -> tuple[int, int]:
    """Documents and UTF-8 bytes of text in ``paths``."""
    docs = [d for d in read_corpus(paths) if isinstance(d, Document)]
    return len(docs), sum(len(d.text.encode("utf-8")) for d in docs)


def warm_up() -> None:
    """Build the default extractor in this process."""
    default_extractor()


def cpu_seconds() -> float:
    """CPU seconds (user and system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def single(paths: list[Path]) -> tuple[float, float, list[object]]:
    """Wall and CPU seconds to read and extract everything in one process, and the claims."""
    warm_up()
    t0, cpu0 = time.perf_counter(), cpu_seconds()
    docs = (d for d in read_corpus(paths) if isinstance(d, Document))
    claims: list[object] = list(extract_many(docs))
    return time.perf_counter() - t0, cpu_seconds() - cpu0, claims


def on_cluster(
    paths: list[Path], workers: int, per_worker: int, expected: list[object] | None
) -> tuple[float, float, int, int]:
    """Wall seconds and the workers' CPU seconds to read and extract everything on a
    LocalCluster, and the numbers of claims and problems."""
    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(warm_up)  # build the extractor on every worker, untimed
        bag = read_corpus_bag([str(p) for p in paths], npartitions=workers * per_worker)
        claims, problems = extract_bag(bag), problems_bag(bag)
        cpu0 = sum(client.run(cpu_seconds).values())
        t0 = time.perf_counter()
        n_claims, n_problems = dask.compute(claims.count(), problems.count())
        seconds = time.perf_counter() - t0
        cpu = sum(client.run(cpu_seconds).values()) - cpu0
        if expected is not None:
            got = claims.compute()
            if got != expected:
                sys.exit(f"dask, {workers} workers: the claims differ from extract_many's")
            print(f"  check: {workers} worker(s) gave exactly the single-process claims")
    return seconds, cpu, n_claims, n_problems


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit-mb", type=float, default=None, help="MB of text per corpus")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    parser.add_argument("--partitions-per-worker", type=int, default=8)
    parser.add_argument("--check", action="store_true", help="compare the claims too")
    args = parser.parse_args(argv)
    shared = scoring.shared_dir()
    if shared is None:
        sys.exit("shared data folder not found: set FIGTRACK_SHARED or provide ../shared")
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus_files(shared, args.limit_mb, Path(tmp))
        n_docs, size = text_bytes(paths)
        print(f"{n_docs:,} documents, {size / MB:.2f} MB of text ({', '.join(CORPORA)})")
        seconds, cpu, claims = single(paths)
        rows = [("extract_many, 1 process", seconds, cpu, len(claims), 0)]
        for workers in (int(w) for w in args.workers.split(",")):
            expected = claims if args.check else None
            run = on_cluster(paths, workers, args.partitions_per_worker, expected)
            rows.append((f"dask, {workers} worker(s)", *run))
    mb = size / MB
    head = ("run", "seconds", "MB/s", "CPU s", "MB/CPU-s", "claims", "problems")
    print("{:<24} {:>7} {:>5} {:>6} {:>8} {:>8} {:>8}".format(*head))
    for name, secs, cpu, n_claims, n_problems in rows:
        print(
            f"{name:<24} {secs:7.1f} {mb / secs:5.2f} {cpu:6.1f} {mb / cpu:8.2f} "
            f"{n_claims:8,} {n_problems:8}"
        )


if __name__ == "__main__":
    main()
