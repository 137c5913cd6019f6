"""Two builds of figtrack, timed in turn on the same Reuters texts: which is faster?

    python benchmarks/ab_throughput.py OLD_PYTHON NEW_PYTHON [--texts 4000] [--rounds 3]

Each argument is the Python of an environment with a figtrack build installed (say two
venvs, one per commit). Every round runs each build once, in a fresh process, alternately,
so that the machine's load, which moves the MB/s of a single run by 10 % or more here,
falls on both alike. A run reads the first ``--texts`` texts of Reuters-21578 and reports
the fastest of four passes in processor seconds, with subjects and without. The ratio of
the two builds' rates is the figure to quote; the rates alone move with the machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from statistics import median

import scoring

#: The timing run inside each build's interpreter: prints JSON {"bare": MB/s, "subjects": MB/s}.
_RUN = """
import itertools, json, sys, time
sys.path.insert(0, sys.argv[1])  # this directory, for scoring.iter_corpus_texts
import figtrack
import scoring
texts = list(itertools.islice(scoring.iter_corpus_texts("reuters21578"), int(sys.argv[2])))
mb = sum(len(t.encode()) for t in texts) / 1e6
rates = {}
for name, subjects in (("bare", False), ("subjects", True)):
    best = float("inf")
    for _ in range(4):
        t0 = time.process_time()
        for t in texts:
            figtrack.extract(t, subjects=subjects)
        best = min(best, time.process_time() - t0)
    rates[name] = mb / best
print(json.dumps(rates))
"""


def _run(python: str, texts: int) -> dict[str, float]:
    here = str(Path(__file__).resolve().parent)
    out = subprocess.run(
        [python, "-c", _RUN, here, str(texts)], check=True, capture_output=True, text=True
    )
    rates: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", help="Python of the environment with the old build")
    parser.add_argument("new", help="Python of the environment with the new build")
    parser.add_argument("--texts", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if scoring.shared_dir() is None:
        parser.error("shared data folder not found (set FIGTRACK_SHARED)")
    runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    for r in range(args.rounds):
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            runs[name].append(_run(getattr(args, name), args.texts))
    print(f"Reuters, first {args.texts} texts; MB/s per round (processor time, best of 4)")
    for mode in ("subjects", "bare"):
        old = [run[mode] for run in runs["old"]]
        new = [run[mode] for run in runs["new"]]
        ratios = [n / o for n, o in zip(new, old, strict=True)]
        print(
            f"  {mode:9} old {' '.join(f'{x:.3f}' for x in old)}"
            f" | new {' '.join(f'{x:.3f}' for x in new)}"
            f" | new/old per round {' '.join(f'{x:.3f}' for x in ratios)}"
            f" (median {median(ratios):.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
