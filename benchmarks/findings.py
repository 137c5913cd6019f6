"""Findings across outlets on BASIL and ECB+: which subjects agree, which conflict.

Usage::

    python benchmarks/findings.py [--corpus basil|ecbplus|all] [--sample 30] [--seed 0]
        [--out [PATH]] [--judge [FILE]]

Each corpus's records are grouped by event ``cluster``; within a cluster figtrack reads
every document (the outlet as source, the document's date as ``published``) and
`figtrack.compare` keeps the findings that two or more outlets share. The script prints
the status counts per corpus, checks two known cases of ECB+ (the Healdsburg quake depth:
1.2 miles in four outlets, 12 miles in one, must be a conflict; the 2004 tsunami toll:
170,000 "in the province" and some 230,000 "around the Indian Ocean" must not be), and
writes a reading list of a seeded sample of conflicts, for a person to judge whether each
is a real disagreement between the texts or an error of ours.

``--judge FILE`` reads verdicts (JSON: finding id -> ``"real"`` or ``"error"``, or a table
``{verdict = ..., why = ..., claims = ...}``, ``claims`` being the digest the reading list
shows, after which the verdict lapses when the finding's claims change) and prints how many
sampled conflicts are real. Finding ids are the first 10 hex digits of SHA-1 over
``corpus|cluster|key|measure``. The sample takes the conflicts with the smallest SHA-1 of
``seed:id`` (bottom-k), split evenly over the corpora read. The corpora are research-only: the
reading list quotes their sentences, so it goes to a file outside the repository (default
``/tmp/figtrack_findings.txt``), as do the verdicts (default ``/tmp/findings_verdicts.json``).
Never commit either."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cross_source

import figtrack
from figtrack.cli import describe_key

CORPORA = ("basil", "ecbplus")
DEFAULT_OUT = Path("/tmp/figtrack_findings.txt")
DEFAULT_JUDGE = Path("/tmp/findings_verdicts.json")
VERDICTS = ("real", "error")
#: The two cases the issue names: (cluster, a surface in the finding, expected status test).
HEALDSBURG = ("ecbplus/38/ecbplus", "12 miles")
TSUNAMI = ("ecbplus/37/ecbplus", ("170,000", "230,000"))


@dataclass
class Located:
    """A finding with the corpus and event cluster it came from."""

    corpus: str
    cluster: str
    finding: figtrack.Finding

    @property
    def id(self) -> str:
        """Stable id over corpus, cluster, key and measure."""
        f = self.finding
        raw = f"{self.corpus}|{self.cluster}|{f.key}|{f.measure}"
        return hashlib.sha1(raw.encode()).hexdigest()[:10]

    @property
    def digest(self) -> str:
        """8 hex digits over the finding's claims (source and offsets): a verdict given with
        a digest applies only while the finding holds the claims it was given for."""
        return cross_source.claims_digest(
            f"{c.source}:{c.start}:{c.end}" for c in self.finding.claims
        )


def cluster_findings(
    corpus: str, cluster: str, records: Sequence[cross_source.Record]
) -> list[Located]:
    """The findings two or more outlets of one cluster share."""
    claims: list[figtrack.Claim] = []
    for record in records:
        claims.extend(
            figtrack.extract(
                record["text"],
                source=cross_source.source_of(record),
                published=record.get("date"),
            )
        )
    return [Located(corpus, cluster, f) for f in figtrack.compare(claims, min_sources=2)]


def corpus_findings(corpus: str, shared: Path | None = None) -> list[Located]:
    """Every shared finding of every cluster of a corpus."""
    clusters = cross_source.by_cluster(cross_source.iter_records(corpus, shared))
    out: list[Located] = []
    for cluster in sorted(clusters):
        out.extend(cluster_findings(corpus, cluster, clusters[cluster]))
    return out


def known_cases(found: Sequence[Located]) -> dict[str, bool]:
    """Whether the Healdsburg depth is a conflict and the tsunami tolls are not."""
    healdsburg = [
        x
        for x in found
        if x.cluster == HEALDSBURG[0] and any(c.surface == HEALDSBURG[1] for c in x.finding.claims)
    ]
    tsunami = [
        x
        for x in found
        if x.cluster == TSUNAMI[0]
        and any(any(n in c.surface for n in TSUNAMI[1]) for c in x.finding.claims)
    ]
    tolls = {n for x in tsunami for c in x.finding.claims for n in TSUNAMI[1] if n in c.surface}
    return {
        "Healdsburg depth (1.2 vs 12 miles) is a conflict": bool(healdsburg)
        and all(x.finding.status == "conflict" for x in healdsburg),
        "2004 tsunami tolls (170,000 vs 230,000) are not in conflict": tolls == set(TSUNAMI[1])
        and all(x.finding.status != "conflict" for x in tsunami),
    }


def sample_conflicts(found: Sequence[Located], total: int, seed: int) -> list[Located]:
    """A seeded bottom-k sample of conflicts, split evenly over the corpora."""
    by_corpus: dict[str, list[Located]] = {}
    for x in found:
        if x.finding.status == "conflict":
            by_corpus.setdefault(x.corpus, []).append(x)
    shares = cross_source.allocate({c: len(v) for c, v in by_corpus.items()}, total)
    picked: list[Located] = []
    for corpus, conflicts in by_corpus.items():
        ranked = sorted(conflicts, key=lambda x: cross_source.sample_rank(seed, x.id))
        picked.extend(sorted(ranked[: shares[corpus]], key=lambda x: (x.cluster, x.finding.key)))
    return picked


def finding_lines(index: int, x: Located) -> list[str]:
    """One conflict for the reading list: the pairs in conflict, then every claim."""
    f = x.finding
    lines = [
        f"[{index}] {x.id}  {x.corpus}  {x.cluster}",
        f"  {describe_key(f.key)}  ({f.measure})  key={f.key!r}  {len(f.claims)} claims,"
        f" {len(f.sources)} sources  claims: {x.digest}",
    ]
    for pair in f.conflicts:
        lo, hi = f.claims[pair.lower], f.claims[pair.upper]
        lines.append(f"  CONFLICT #{pair.lower} {lo.surface!r} < #{pair.upper} {hi.surface!r}")
    for i, (c, iv) in enumerate(zip(f.claims, f.intervals, strict=True)):
        subject = c.subject or figtrack.Subject()
        lines.append(
            f"  #{i} {c.source} {c.published or ''}: {c.surface!r} read as {iv}"
            f"  subject={subject.text!r} scope={list(subject.scope)!r}"
        )
        at = c.start - c.sentence_start
        lines.append(
            f"      | {cross_source.around(c.sentence, at, c.end - c.sentence_start, 220)}"
        )
    return lines


def write_reading_list(sample: Sequence[Located], out: TextIO) -> None:
    """The sampled conflicts, one block each."""
    print(f"## Reading list: {len(sample)} sampled conflicts", file=out)
    print(
        "  judge each: 'real' if the texts really give incompatible figures for the same"
        " quantity of the same thing; 'error' if figtrack grouped or read them wrongly.",
        file=out,
    )
    for i, x in enumerate(sample, 1):
        print(file=out)
        print("\n".join(finding_lines(i, x)), file=out)


def load_verdicts(path: Path) -> dict[str, dict[str, str]]:
    """Finding id -> {"verdict": "real"|"error", "why": ...}."""
    raw: dict[str, Any] = json.loads(path.read_text("utf-8"))
    out = {}
    for fid, v in raw.items():
        entry = v if isinstance(v, dict) else {"verdict": v}
        if entry.get("verdict") not in VERDICTS:
            raise ValueError(f"{path}: {fid}: verdict must be one of {VERDICTS}, got {v!r}")
        out[fid] = {k: str(val) for k, val in entry.items()}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 when a known case fails."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", nargs="?", const=DEFAULT_OUT, type=Path, default=DEFAULT_OUT)
    ap.add_argument("--judge", nargs="?", const=DEFAULT_JUDGE, type=Path, default=None)
    args = ap.parse_args(argv)
    corpora = CORPORA if args.corpus == "all" else (args.corpus,)
    found: list[Located] = []
    print("corpus    findings  agree  conflict  ambiguous  revised")
    for corpus in corpora:
        mine = corpus_findings(corpus)
        found.extend(mine)
        n = Counter(x.finding.status for x in mine)
        print(
            f"{corpus:<9} {len(mine):>8}  {n['agree']:>5}  {n['conflict']:>8}"
            f"  {n['ambiguous']:>9}  {n['revised']:>7}"
        )
    failed = False
    if "ecbplus" in corpora:
        for name, ok in known_cases(found).items():
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
            failed |= not ok
    sample = sample_conflicts(found, args.sample, args.seed)
    if cross_source._outside_repo(args.out):
        with args.out.open("w", encoding="utf-8") as fh:
            write_reading_list(sample, fh)
        print(f"reading list of {len(sample)} conflicts: {args.out}")
    else:
        print(f"refusing to write corpus sentences inside the repository: {args.out}")
        return 2
    if args.judge:
        verdicts = load_verdicts(args.judge)
        judged = [(x, verdicts[x.id]) for x in sample if x.id in verdicts]
        outdated = [x for x, v in judged if v.get("claims", x.digest) != x.digest]
        judged = [(x, v) for x, v in judged if x not in outdated]
        real = sum(v["verdict"] == "real" for _x, v in judged)
        print(f"judged {len(judged)} of {len(sample)} sampled conflicts: {real} real")
        if outdated:
            print(f"  {len(outdated)} verdicts were given for other claims: judge them again")
        for x, v in judged:
            if v["verdict"] == "error":
                print(f"  error {x.id} {x.finding.key}: {v.get('why', '')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
