"""How long the DataFrame of a whole corpus's claims takes to build, after extraction.

    python benchmarks/frame.py            # BBC news (target: under 5 s)
    python benchmarks/frame.py --corpus reuters21578

Extraction is timed apart; the figure is ``to_frame(claims)`` alone, and then
``read_parquet`` of the same claims written with ``write_parquet``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import scoring

import figtrack
from figtrack.frame import read_parquet, to_frame, write_parquet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="bbc_news")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    shared = scoring.shared_dir()
    if shared is None:
        raise SystemExit("shared data folder not found: set FIGTRACK_SHARED or provide ../shared")
    docs = list(figtrack.corpus.read_corpus([shared / "corpora" / f"{args.corpus}.jsonl.gz"]))
    start = time.perf_counter()
    claims = list(figtrack.extract_many(docs, workers=args.workers))
    extracted = time.perf_counter() - start
    print(
        f"{args.corpus}: {len(docs):,} documents, {len(claims):,} claims, "
        f"extracted in {extracted:.1f} s"
    )
    best = min(_timed(lambda: to_frame(claims)) for _ in range(3))
    frame = to_frame(claims)
    print(
        f"to_frame: {best:.2f} s for {len(frame):,} rows x {len(frame.columns)} columns "
        "(best of 3; target under 5 s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.parquet"
        written = _timed(lambda: write_parquet(claims, out))
        read = _timed(lambda: read_parquet(out))
        same = read_parquet(out).equals(frame)
        print(
            f"write_parquet {written:.2f} s ({out.stat().st_size / 1e6:.1f} MB), "
            f"read_parquet {read:.2f} s, equal to to_frame: {same}"
        )


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
