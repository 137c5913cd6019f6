"""The ``figtrack`` command: ``extract``, ``compare``, ``report`` and ``scan``.

- ``figtrack extract FILE... [-]`` writes each file's claims as JSON Lines (one
  `Claim.to_dict()` per line, see ``docs/json.md``) or, with ``--format table``, as an
  aligned table.
- ``figtrack compare FILE...`` treats each file as one source and prints, per subject that
  two or more sources give a figure for, the figures side by side with the intervals they
  are read as, the status and the consensus (``--json``: one `Finding.to_dict()` per line;
  ``--all``: single-source subjects too).
- ``figtrack report FILE... -o report.html`` writes the same findings as one
  self-contained HTML page with an interval chart per subject.
- ``figtrack scan CORPUS... -o claims.jsonl`` (or ``.parquet``, or ``figures.db`` for a
  `Tracker` store) extracts a whole corpus on ``--workers`` processes, with a progress
  line on a terminal; started again, it resumes where it stopped (see `figtrack.jobs`).

Files are read as UTF-8 (``-`` is standard input). A file that cannot be read is reported
on stderr and skipped; the exit status is then 2, otherwise 0 (1 if the reader of stdout
went away early).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from figtrack.batch import check_workers
from figtrack.compare import compare
from figtrack.corpus import Corpus
from figtrack.extract import extract
from figtrack.jobs import CHECKPOINT_EVERY, ScanStats
from figtrack.model import Claim, Finding, claims_jsonl, plain
from figtrack.policy import Policy

#: The file name that means standard input, and the ``source`` its claims get.
STDIN = "-"
STDIN_SOURCE = "<stdin>"

TABLE_HEADER = ("source", "surface", "interval", "approx", "trend", "kind", "unit")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``figtrack``."""
    parser = argparse.ArgumentParser(
        prog="figtrack", description="Find numeric claims in English text."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = commands.add_parser(
        "extract",
        help="extract the claims in text files",
        description="Extract the numeric claims in UTF-8 text files ('-' reads stdin).",
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="a text file, or - for stdin")
    ex.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: one JSON object per claim (default); table: an aligned table",
    )
    ex.add_argument(
        "--all",
        action="store_true",
        help="also report non-figures: dates, years, times, ordinals, identifiers",
    )
    for name, help_text, description in (
        (
            "compare",
            "compare the figures that several files give for the same subject",
            "Compare the figures of several UTF-8 text files, each file one source.",
        ),
        (
            "report",
            "write the comparison as a self-contained HTML page of interval charts",
            "Write an HTML report: per subject, one bar per source on a shared axis.",
        ),
    ):
        cmd = commands.add_parser(name, help=help_text, description=description)
        cmd.add_argument("files", nargs="+", metavar="FILE", help="a text file, or - for stdin")
        cmd.add_argument(
            "--all",
            action="store_true",
            help="also show subjects that only one source gives a figure for",
        )
        cmd.add_argument(
            "--implicit-precision",
            action="store_true",
            help='read plain round figures as rounded ("50,000" as [45000, 55000))',
        )
        if name == "compare":
            cmd.add_argument(
                "--json", action="store_true", help="one JSON object per finding (JSON Lines)"
            )
        else:
            cmd.add_argument(
                "-o", "--output", required=True, metavar="HTML", help="the page to write"
            )
    _scan_parser(commands)
    return parser


def _scan_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sc = commands.add_parser(
        "scan",
        help="extract the claims of a whole corpus into a file or a store, resumably",
        description=(
            "Extract every document of a corpus: .txt files, folders, JSON Lines (a 'text' "
            "field per line, optional id, source, published or date) and their .gz forms. "
            "Started again after an interruption, it resumes where it stopped."
        ),
    )
    sc.add_argument("corpus", nargs="+", metavar="CORPUS", help="a file or a folder")
    sc.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="claims.jsonl, claims.parquet, or figures.db (a Tracker store)",
    )
    sc.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    sc.add_argument(
        "--force", action="store_true", help="start afresh, overwriting OUT and its state"
    )
    sc.add_argument(
        "--all",
        action="store_true",
        help="also report non-figures: dates, years, times, ordinals, identifiers",
    )
    sc.add_argument("--no-subjects", action="store_true", help="skip subject attachment (faster)")
    sc.add_argument(
        "--checkpoint-every",
        type=float,
        default=CHECKPOINT_EVERY,
        metavar="SECONDS",
        help=f"how often to save the state a restart resumes from (default {CHECKPOINT_EVERY:g})",
    )
    sc.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line (default: when stderr is a terminal)",
    )


def read_text(name: str) -> str:
    """The text of file ``name`` (or of stdin for ``-``), decoded as strict UTF-8.

    Raises `OSError` or `UnicodeDecodeError`.
    """
    raw = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    return raw.decode("utf-8")


def _reason(exc: OSError | UnicodeDecodeError) -> str:
    """A short reason for a read failure."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 (byte offset {exc.start})"
    return exc.strerror or str(exc)


def table_row(claim: Claim) -> tuple[str, ...]:
    """The table cells of one claim (whitespace runs in the surface shown as one space)."""
    q = claim.quantity
    return (
        claim.source or "",
        " ".join(claim.surface.split()),
        str(q.interval),
        "yes" if q.approximate else "",
        q.trend or "",
        q.kind,
        q.unit or "-",
    )


def format_table(rows: Sequence[tuple[str, ...]]) -> str:
    """Rows under `TABLE_HEADER`, each column padded to its widest cell."""
    everything = [TABLE_HEADER, *rows]
    widths = [max(len(row[i]) for row in everything) for i in range(len(TABLE_HEADER))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in everything
    )


def _read_or_report(name: str) -> str | None:
    """The text of file ``name`` ("-": standard input), or None after a one-line error."""
    try:
        return read_text(name)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"figtrack: cannot read {name}: {_reason(exc)}", file=sys.stderr)
        return None


def run_extract(args: argparse.Namespace) -> int:
    """``figtrack extract``: write the claims of every readable file; 2 if any was not."""
    status = 0
    rows: list[tuple[str, ...]] = []
    for name in args.files:
        text = _read_or_report(name)
        if text is None:
            status = 2
            continue
        source = STDIN_SOURCE if name == STDIN else name
        claims = extract(text, source, include_nonfigures=args.all)
        if args.format == "table":
            rows.extend(table_row(c) for c in claims)
        else:
            sys.stdout.write(claims_jsonl(claims))
        sys.stdout.flush()
    if args.format == "table":
        sys.stdout.write(format_table(rows))
    return status


def _read_sources(names: Sequence[str]) -> tuple[list[Claim], int]:
    """The claims of every readable file (its name as source) and the exit status so far."""
    status = 0
    claims: list[Claim] = []
    for name in names:
        text = _read_or_report(name)
        if text is None:
            status = 2
            continue
        claims.extend(extract(text, STDIN_SOURCE if name == STDIN else name))
    return claims, status


def _findings(args: argparse.Namespace) -> tuple[list[Finding], int]:
    claims, status = _read_sources(args.files)
    policy = Policy(implicit_precision=args.implicit_precision)
    return compare(claims, policy, min_sources=1 if args.all else 2), status


def describe_key(key: str) -> str:
    """A subject key as words: ``troop|north korean||kursk`` -> ``north korean troop, in kursk``."""
    cls, modifiers, holder, places = ([*key.split("|"), "", "", ""])[:4]
    words = " ".join(w for w in (modifiers, cls) if w) or "(unnamed)"
    if holder:
        words += f", of {holder}"
    if places:
        words += ", in " + " and ".join(places.split(","))
    return words


def format_finding(finding: Finding) -> str:
    """One finding as a block of text: a heading line, then one line per claim."""
    head = f"{describe_key(finding.key)} ({finding.measure}): {finding.status}"
    if finding.consensus is not None:
        head += f", consensus {finding.consensus}"
    rows = []
    for i, (claim, iv) in enumerate(zip(finding.claims, finding.intervals, strict=True)):
        notes = []
        if i == finding.most_precise and len(finding.claims) > 1:
            notes.append("most precise")
        if claim.derived_from is not None:
            notes.append("derived")
        rows.append(
            (
                claim.source or "",
                " ".join(claim.surface.split()),
                str(iv),
                ", ".join(notes),
            )
        )
    widths = [max(len(r[c]) for r in rows) for c in range(4)]
    lines = [head]
    lines += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    for label, pairs in (
        ("conflict", finding.conflicts),
        ("unclear", finding.ambiguities),
        ("revision", finding.revisions),
    ):
        for pair in pairs:
            low, high = finding.claims[pair.lower], finding.claims[pair.upper]
            lines.append(
                f"  {label}: {low.source} {low.surface!r} lies below {high.source} "
                f"{high.surface!r}, gap {plain(pair.gap)}"
            )
    return "\n".join(lines) + "\n"


def run_compare(args: argparse.Namespace) -> int:
    """``figtrack compare``: the findings as text blocks or JSON Lines."""
    findings, status = _findings(args)
    if args.json:
        for f in findings:
            sys.stdout.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
        return status
    sys.stdout.write("\n".join(format_finding(f) for f in findings))
    statuses = ("agree", "conflict", "ambiguous", "revised")
    counts = {s: sum(f.status == s for f in findings) for s in statuses}
    shared = sum(f.status != "single" for f in findings)
    sys.stdout.write(
        f"\n{shared} subject(s) given by two or more sources: {counts['agree']} agree, "
        f"{counts['conflict']} in conflict, {counts['ambiguous']} ambiguous, "
        f"{counts['revised']} revised.\n"
    )
    return status


def run_report(args: argparse.Namespace) -> int:
    """``figtrack report``: the findings as one self-contained HTML page."""
    from figtrack.report import render_report

    findings, status = _findings(args)
    page = render_report(findings, title="figtrack report: " + ", ".join(args.files))
    try:
        Path(args.output).write_text(page, "utf-8")
    except OSError as exc:
        print(f"figtrack: cannot write {args.output}: {_reason(exc)}", file=sys.stderr)
        return 2
    print(f"figtrack: wrote {len(findings)} subject(s) to {args.output}", file=sys.stderr)
    return status


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def progress_line(stats: ScanStats, done: int, total: int) -> str:
    """One line of scan progress: documents, MB, MB/s, claims and the time left.

    >>> print(progress_line(ScanStats(documents=1200, claims=9000, bytes=3_000_000,
    ...                               seconds=2.0), done=1, total=4))
    1,200 docs  3.0 MB  1.50 MB/s  9,000 claims  0:06 left
    """
    rate = stats.bytes / 1e6 / stats.seconds if stats.seconds > 0 else 0.0
    left = "?"
    if 0 < done <= total:
        left = _duration(stats.seconds * (total - done) / done)
    return (
        f"{stats.documents:,} docs  {stats.bytes / 1e6:.1f} MB  {rate:.2f} MB/s  "
        f"{stats.claims:,} claims  {left} left"
    )


def run_scan(args: argparse.Namespace) -> int:
    """``figtrack scan``: a corpus into claims.jsonl, claims.parquet or a Tracker store."""
    from figtrack.jobs import Scan, ScanError

    show = sys.stderr.isatty() if args.progress is None else args.progress

    def progress(stats: ScanStats, corpus: Corpus) -> None:
        line = progress_line(stats, corpus.bytes_read, corpus.total_bytes)
        sys.stderr.write("\r" + line.ljust(78))
        sys.stderr.flush()

    try:
        check_workers(args.workers)
    except ValueError as exc:
        print(f"figtrack: {exc}", file=sys.stderr)
        return 2
    job = Scan(
        args.corpus,
        args.output,
        workers=args.workers,
        subjects=not args.no_subjects,
        include_nonfigures=args.all,
        force=args.force,
        progress=progress if show else None,
        checkpoint_every=args.checkpoint_every,
    )
    try:
        stats = job.run()
    except ScanError as exc:
        print(f"figtrack: {exc}", file=sys.stderr)
        return 2
    if show:
        sys.stderr.write("\n")
    verb = "resumed and finished" if job.resumed else "scanned"
    if job.already_complete:
        verb = "found a complete scan of"
    print(
        f"figtrack: {verb} {stats.documents:,} documents ({stats.bytes / 1e6:.1f} MB) in "
        f"{_duration(stats.seconds)}: {stats.claims:,} claims to {args.output}",
        file=sys.stderr,
    )
    if stats.problems or stats.bad_bytes:
        print(
            f"figtrack: {stats.problems:,} problems (listed in {job.problems_path}); "
            f"{stats.bad_bytes:,} invalid UTF-8 bytes replaced",
            file=sys.stderr,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``figtrack`` with ``argv`` (default: the process arguments); the exit status."""
    args = build_parser().parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    commands = {
        "extract": run_extract,
        "compare": run_compare,
        "report": run_report,
        "scan": run_scan,
    }
    try:
        return commands[args.command](args)
    except BrokenPipeError:
        # The reader went away (``figtrack extract x | head``): stop quietly, as Python's
        # signal documentation recommends, without a second error when stdout is closed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
