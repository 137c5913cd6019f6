"""How long `figtrack.compare` takes on many claims, and that it grows as n log n.

Usage::

    python benchmarks/compare_scale.py [--claims 1000000] [--keys 50000] [--seed 0]

Builds synthetic count claims (random keys, sources, dates, bounds and hedges, as
`Claim` objects: extraction is not timed), then times `compare` on n/8, n/4, n/2 and n
claims and prints seconds and microseconds per claim. The issue's target: one million
claims in under 30 s on this machine. A skewed run (``--keys 1``) puts every claim under
one key, the worst case for the per-group sweep.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from decimal import Decimal

import figtrack
from figtrack.model import Claim, Interval, Quantity, Subject

SOURCES = [f"outlet-{i}" for i in range(40)]
DATES = [f"2025-03-{d:02d}" for d in range(1, 29)] + [None]


def synthetic_claims(n: int, keys: int, seed: int) -> list[Claim]:
    """``n`` count claims spread over ``keys`` subject keys."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        value = Decimal(rng.randrange(1, 1_000_000))
        shape = rng.random()
        if shape < 0.5:
            q = Quantity(
                value,
                Interval.point(value),
                "eq",
                rng.random() < 0.3,
                kind="count",
                precision=Decimal(1),
            )
        elif shape < 0.7:
            q = Quantity(value, Interval.greater(value), "gt", kind="count")
        elif shape < 0.8:
            q = Quantity(value, Interval.at_most(value), "le", kind="count")
        else:
            high = value + Decimal(rng.randrange(1, 100_000))
            q = Quantity(None, Interval.closed(value, high), "range", kind="count")
        key = f"thing{rng.randrange(keys)}|||"
        out.append(
            Claim(
                surface="x",
                start=i,
                end=i + 1,
                quantity=q,
                sentence="x",
                sentence_start=i,
                source=rng.choice(SOURCES),
                published=rng.choice(DATES),
                subject=Subject(text="things", head="thing", key=key),
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Time compare() on growing prefixes of one synthetic claim list."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--keys", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    claims = synthetic_claims(args.claims, args.keys, args.seed)
    print(f"{'claims':>10}  {'findings':>8}  {'seconds':>8}  {'us/claim':>8}")
    for part in (8, 4, 2, 1):
        subset = claims[: args.claims // part]
        t0 = time.perf_counter()
        findings = figtrack.compare(subset)
        took = time.perf_counter() - t0
        print(
            f"{len(subset):>10}  {len(findings):>8}  {took:>8.2f}  {took / len(subset) * 1e6:>8.1f}"
        )
    target = 30.0
    print(f"target: {args.claims} claims in under {target:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
