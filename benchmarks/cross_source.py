"""Cross-source meetings: figures from two or more outlets that share one subject key.

Usage::

    python benchmarks/cross_source.py [--corpus basil|ecbplus|all] [--sample 50] [--seed 0]
        [--out [PATH]] [--judge [FILE]]

For each multi-source corpus (BASIL, ECB+) the records are grouped by event ``cluster`` and
figtrack reads every document, with the outlet as the claim's source (the document id when the
outlet is unknown, as for ECB+'s ``ecb`` half). A *meeting* is a (cluster, key, measure) whose
claims come from two or more distinct sources: the claims `figtrack.compare` would set side by
side (it groups by key and measure, so a price and a screen size of one laptop never meet).
The script prints the counts, then a seeded sample of meetings for a human to judge: is every
figure under the key about the same quantity of the same event or entity (values may differ)?

Sampling: the sample is split evenly across the corpora read (25 + 25 for the default 50 over
both); a corpus with fewer meetings than its share gives the rest to the other. Within a corpus,
the meetings with the smallest SHA-1 of ``seed:id`` are taken (bottom-k), so a meeting stays in
the sample as long as it exists and no new meeting outranks it: verdicts keep applying while the
extractor changes a few keys.

Meeting ids are the first 10 hex digits of SHA-1 over ``corpus|cluster|key|measure``: stable
across runs as long as the extractor yields the same key. ``--judge FILE`` reads verdicts
written by a human (JSON, or TOML when the name ends in ``.toml``) mapping meeting id to
``"same"`` or ``"different"`` (or to a table ``{verdict = "...", why = "...", partial_match =
true, claims = "..."}``, where ``claims`` is the digest the reading list shows: the verdict
then lapses when the meeting's claims change) and prints how many of the sampled meetings are
truly about the same thing, with the reasons given for the others (``partial_match``: a
"different" meeting that still holds a true pair).

The corpora are research-only. The reading list quotes their sentences, so it goes to stdout or
to a file outside the repository (``--out`` alone writes ``/tmp/figtrack_cross_source.txt``);
verdicts default to ``/tmp/cross_source_verdicts.json``. Never commit either.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate
import scoring

import figtrack
from figtrack.policy import interpret

CORPORA = ("basil", "ecbplus")
DEFAULT_OUT = Path("/tmp/figtrack_cross_source.txt")
DEFAULT_JUDGE = Path("/tmp/cross_source_verdicts.json")
VERDICTS = ("same", "different")
SENTENCE_CHARS = 200  # sentences are cut to about this many characters in the reading list
CLAIMS_PER_SOURCE = 2  # claims shown per source in the reading list

Record = dict[str, Any]


# -- data ------------------------------------------------------------------------------------


def iter_records(name: str, shared: Path | None = None) -> Iterator[Record]:
    """Every record of ``corpora/<name>.jsonl.gz`` with all its fields."""
    path = scoring._require_shared(shared) / "corpora" / f"{name}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record: Record = json.loads(line)
                yield record


def by_cluster(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Records grouped by ``cluster`` (records without one are dropped), in file order."""
    clusters: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.get("cluster"):
            clusters[record["cluster"]].append(record)
    return dict(clusters)


def source_of(record: Record) -> str:
    """The record's outlet, or its document id when the outlet is unknown."""
    source = record.get("source")
    return str(source) if source else str(record["id"])


# -- meetings --------------------------------------------------------------------------------


def meeting_id(corpus: str, cluster: str, key: str, measure: str) -> str:
    """A short stable id for one (corpus, cluster, key, measure)."""
    return hashlib.sha1(f"{corpus}|{cluster}|{key}|{measure}".encode()).hexdigest()[:10]


def claims_digest(spots: Iterable[str]) -> str:
    """8 hex digits of SHA-1 over the sorted places of a sample's claims: what a stored verdict
    names so that it lapses when the claims change."""
    return hashlib.sha1("|".join(sorted(spots)).encode()).hexdigest()[:8]


@dataclass
class Meeting:
    """The keyed claims of one cluster that share one key and measure, from two or more
    sources."""

    corpus: str
    cluster: str
    key: str
    measure: str  # as `figtrack.policy.interpret` reads the claims: "count", "metre", ...
    claims: list[scoring.Pred]  # to_dict() plus "doc", in source then document order

    @property
    def id(self) -> str:
        """Stable id: see `meeting_id`."""
        return meeting_id(self.corpus, self.cluster, self.key, self.measure)

    @property
    def digest(self) -> str:
        """8 hex digits over the meeting's claims (document and offsets): a verdict given
        with a digest applies only while the meeting holds the claims it was given for."""
        return claims_digest(f"{c['doc']}:{c['start']}:{c['end']}" for c in self.claims)

    @property
    def sources(self) -> list[str]:
        """The distinct sources, sorted."""
        return sorted({c["source"] for c in self.claims})


@dataclass
class Counts:
    """What one corpus yielded."""

    corpus: str
    clusters: int = 0
    documents: int = 0
    claims: int = 0
    keyed: int = 0
    meetings: int = 0
    in_meetings: int = 0  # keyed claims that belong to a meeting
    bare: int = 0  # meetings whose key is a class alone (no modifiers, holder or places)
    clusters_met: set[str] = field(default_factory=set)

    def row(self) -> list[Any]:
        """One row of the counts table."""
        return [
            self.corpus,
            self.clusters,
            self.documents,
            self.claims,
            self.keyed,
            self.meetings,
            len(self.clusters_met),
            self.in_meetings,
            self.bare,
        ]


COUNT_HEADERS = [
    "corpus",
    "clusters",
    "documents",
    "claims",
    "keyed claims",
    "meetings",
    "clusters w/ meeting",
    "claims in meetings",
    "bare-class keys",
]


def is_bare(key: str) -> bool:
    """Whether a key names only a class: ``"class|||"``."""
    return all(not part for part in key.split("|")[1:])


def cluster_meetings(
    corpus: str, cluster: str, records: Sequence[Record], counts: Counts | None = None
) -> list[Meeting]:
    """The meetings of one cluster, sorted by key and measure; ``counts`` (if given) is
    updated. Claims that `figtrack.compare` leaves out (no key, or no figure) meet nothing."""
    policy = figtrack.Policy()
    by_key: dict[tuple[str, str], list[scoring.Pred]] = defaultdict(list)
    for record in records:
        claims = figtrack.extract(
            record["text"], source=source_of(record), published=record.get("date")
        )
        if counts is not None:
            counts.documents += 1
            counts.claims += len(claims)
        for claim in claims:
            read = interpret(claim, policy)
            if claim.subject is None or claim.subject.key is None or read is None:
                continue
            pred = claim.to_dict()
            pred["doc"] = record["id"]
            by_key[(claim.subject.key, read[0])].append(pred)
            if counts is not None:
                counts.keyed += 1
    meetings = []
    for key, measure in sorted(by_key):
        preds = by_key[(key, measure)]
        if len({p["source"] for p in preds}) < 2:
            continue
        preds.sort(key=lambda p: (p["source"], p["doc"], p["start"]))
        meetings.append(Meeting(corpus, cluster, key, measure, preds))
        if counts is not None:
            counts.meetings += 1
            counts.in_meetings += len(preds)
            counts.bare += is_bare(key)
            counts.clusters_met.add(cluster)
    return meetings


def find_meetings(corpus: str, clusters: dict[str, list[Record]]) -> tuple[Counts, list[Meeting]]:
    """Every meeting of a corpus's clusters, with the counts."""
    counts = Counts(corpus, clusters=len(clusters))
    meetings: list[Meeting] = []
    for cluster in sorted(clusters):
        meetings.extend(cluster_meetings(corpus, cluster, clusters[cluster], counts))
    return counts, meetings


# -- sampling --------------------------------------------------------------------------------


def allocate(available: dict[str, int], total: int) -> dict[str, int]:
    """Split ``total`` evenly over the corpora; a short corpus's rest goes to the others."""
    share = dict.fromkeys(available, 0)
    left = min(total, sum(available.values()))
    while left > 0:
        open_ = [c for c in available if share[c] < available[c]]
        each, extra = divmod(left, len(open_))
        for i, corpus in enumerate(open_):
            give = min(each + (i < extra), available[corpus] - share[corpus])
            share[corpus] += give
            left -= give
    return share


def sample_rank(seed: int, mid: str) -> str:
    """A meeting's place in the seeded order: SHA-1 of ``seed:id``."""
    return hashlib.sha1(f"{seed}:{mid}".encode()).hexdigest()


def sample_meetings(meetings: dict[str, list[Meeting]], total: int, seed: int) -> list[Meeting]:
    """A deterministic sample: `allocate` per corpus, then the lowest `sample_rank` first."""
    shares = allocate({c: len(m) for c, m in meetings.items()}, total)
    picked: list[Meeting] = []
    for corpus, found in meetings.items():
        chosen = sorted(found, key=lambda m: sample_rank(seed, m.id))[: shares[corpus]]
        picked.extend(sorted(chosen, key=lambda m: (m.cluster, m.key)))
    return picked


# -- reading list ----------------------------------------------------------------------------


def _short(text: str, limit: int = SENTENCE_CHARS) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def around(sentence: str, start: int, end: int, limit: int = SENTENCE_CHARS) -> str:
    """The sentence with its figure ``sentence[start:end]`` between «», cut to about
    ``limit`` characters around the figure, so that a long sentence never hides it.

    >>> around("Of the 10 members present, six voted.", 7, 9, 20)
    'Of the «10» members…'
    """
    text = sentence[:start] + "«" + sentence[start:end] + "»" + sentence[end:]
    end += 2
    if len(text) <= limit:
        return _short(text, limit)
    lo = max(0, min(start - (limit - (end - start)) // 2, len(text) - limit))
    hi = lo + max(limit, end - start)
    head = "…" if lo else ""
    tail = "…" if hi < len(text) else ""
    return head + re.sub(r"\s+", " ", text[lo:hi]).strip() + tail


def claim_lines(pred: scoring.Pred) -> list[str]:
    """A claim for the reading list: figure and interval, subject, scope, holder, sentence."""
    iv = scoring.fmt_interval(scoring.predicted_interval(pred))
    approx = " approx" if pred["approximate"] else ""
    unit = f" {pred['unit']}" if pred["unit"] else ""
    derived = " (derived)" if pred["derived_from"] is not None else ""
    start = pred["start"] - pred["sentence_start"]
    return [
        f"    - {pred['surface']!r} = {iv}{approx} {pred['qualifier']} {pred['kind']}{unit}"
        f"{derived}",
        f"      subject={pred['subject']!r} head={pred['subject_head']!r}"
        f" scope={pred['scope']!r} holder={pred['holder']!r}",
        f"      | {around(pred['sentence'], start, start + len(pred['surface']))}",
    ]


def meeting_lines(index: int, meeting: Meeting) -> list[str]:
    """One meeting for the reading list: id, key, then a claim or two per source."""
    lines = [
        f"[{index}] {meeting.id}  {meeting.corpus}  {meeting.cluster}",
        f"  key: {meeting.key}  measure: {meeting.measure}   ({len(meeting.claims)} claims,"
        f" {len(meeting.sources)} sources)  claims: {meeting.digest}",
    ]
    for source in meeting.sources:
        preds = [p for p in meeting.claims if p["source"] == source]
        more = len(preds) - CLAIMS_PER_SOURCE
        lines.append(f"  {source} ({preds[0]['doc']})" + (f" +{more} more" if more > 0 else ""))
        for pred in preds[:CLAIMS_PER_SOURCE]:
            lines.extend(claim_lines(pred))
    return lines


def write_reading_list(sample: Sequence[Meeting], out: TextIO) -> None:
    """The sampled meetings, one block each."""
    print(f"\n## Reading list: {len(sample)} sampled meetings", file=out)
    print(
        "  judge each: are all figures about the same quantity of the same event/entity?",
        file=out,
    )
    for i, meeting in enumerate(sample, 1):
        print(file=out)
        print("\n".join(meeting_lines(i, meeting)), file=out)


# -- judging ---------------------------------------------------------------------------------


def load_verdicts(path: Path) -> dict[str, dict[str, str]]:
    """Meeting id -> {"verdict": "same"|"different", "why": ...} from a JSON or TOML file."""
    raw: dict[str, Any]
    if path.suffix == ".toml":
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    else:
        raw = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {}
    for mid, value in raw.items():
        entry = {"verdict": value} if isinstance(value, str) else dict(value)
        if entry.get("verdict") not in VERDICTS:
            raise ValueError(f"{path}: verdict for {mid} must be one of {VERDICTS}: {value!r}")
        out[str(mid)] = {k: str(v) for k, v in entry.items()}
    return out


def judge(sample: Sequence[Meeting], verdicts: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Score the sample against the verdicts and print the summary. A verdict that names
    the digest of other claims than the meeting now holds (``claims``) no longer applies."""
    ids = {m.id for m in sample}
    outdated = {m.id for m in sample if verdicts.get(m.id, {}).get("claims", m.digest) != m.digest}
    verdicts = {mid: v for mid, v in verdicts.items() if mid not in outdated}
    judged = [m for m in sample if m.id in verdicts]
    same = [m for m in judged if verdicts[m.id]["verdict"] == "same"]
    rows = []
    for corpus in dict.fromkeys(m.corpus for m in sample):
        part = [m for m in sample if m.corpus == corpus]
        n_judged = sum(m.id in verdicts for m in part)
        n_same = sum(m in same for m in part)
        rows.append([corpus, len(part), n_judged, evaluate.frac(n_same, n_judged)])
    evaluate.print_table("Judged meetings", ["corpus", "sampled", "judged", "same"], rows)
    print(f"\n{len(same)} of {len(sample)} truly about the same thing")
    unjudged = len(sample) - len(judged)
    stale = sum(mid not in ids for mid in verdicts)
    if unjudged or stale:
        print(f"  {unjudged} sampled meetings have no verdict; {stale} verdicts match no sample")
    if outdated:
        print(f"  {len(outdated)} verdicts were given for other claims: judge them again")
    why = Counter(
        verdicts[m.id].get("why", "(no reason given)")
        for m in judged
        if verdicts[m.id]["verdict"] == "different"
    )
    partial = sum(
        verdicts[m.id].get("partial_match", "").lower() == "true"
        for m in judged
        if verdicts[m.id]["verdict"] == "different"
    )
    if partial:
        print(f"  {partial} of the others still hold a true cross-source pair (partial_match)")
    if why:
        evaluate.print_table(
            "Why different", ["reason", "meetings"], sorted(why.items(), key=lambda kv: -kv[1])
        )
    return {"sampled": len(sample), "judged": len(judged), "same": len(same)}


# -- CLI -------------------------------------------------------------------------------------


def _outside_repo(path: Path) -> bool:
    return not path.resolve().is_relative_to(scoring.REPO_ROOT)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--sample", type=int, default=50, help="meetings to sample (default 50)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument(
        "--out",
        type=Path,
        nargs="?",
        const=DEFAULT_OUT,
        default=None,
        help=f"write the reading list here instead of stdout (alone: {DEFAULT_OUT})",
    )
    parser.add_argument(
        "--judge",
        type=Path,
        nargs="?",
        const=DEFAULT_JUDGE,
        default=None,
        help=f"score the sample with a verdicts file (alone: {DEFAULT_JUDGE}); the reading "
        "list is then written only with --out",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Find the meetings, print the counts, then the reading list or the judged score."""
    args = parse_args(argv)
    if scoring.shared_dir() is None:
        print("shared data folder not found: set FIGTRACK_SHARED", file=sys.stderr)
        return 2
    if args.out is not None and not _outside_repo(args.out):
        print(f"--out {args.out}: corpus text must not be written inside the repo", file=sys.stderr)
        return 2
    corpora = CORPORA if args.corpus == "all" else (args.corpus,)
    found: dict[str, list[Meeting]] = {}
    rows = []
    for corpus in corpora:
        counts, found[corpus] = find_meetings(corpus, by_cluster(iter_records(corpus)))
        rows.append(counts.row())
    if len(rows) > 1:
        rows.append(["all", *(sum(r[i] for r in rows) for i in range(1, len(COUNT_HEADERS)))])
    evaluate.print_table(
        "Cross-source meetings (cluster, key, measure) from >= 2 sources", COUNT_HEADERS, rows
    )
    print("  bare-class keys: the key has a class only (no modifiers, holder or places)")

    sample = sample_meetings(found, args.sample, args.seed)
    shares = Counter(m.corpus for m in sample)
    print(
        f"  sample: {len(sample)} meetings, seed {args.seed} ("
        + ", ".join(f"{c} {shares[c]}" for c in corpora)
        + ")"
    )
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as fh:
            write_reading_list(sample, fh)
        print(f"  reading list written to {args.out}")
    elif args.judge is None:
        write_reading_list(sample, sys.stdout)
    if args.judge is not None:
        if not args.judge.is_file():
            print(f"verdicts file not found: {args.judge}", file=sys.stderr)
            return 2
        judge(sample, load_verdicts(args.judge))
    return 0


if __name__ == "__main__":
    sys.exit(main())
