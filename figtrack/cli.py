"""The ``figtrack`` command: ``figtrack extract FILE... [-]``.

Reads each file as UTF-8 (``-`` is standard input) and writes its claims as JSON Lines
(one `Claim.to_dict()` per line, see ``docs/json.md``) or, with ``--format table``, as an
aligned table. A file that cannot be read is reported on stderr and skipped; the exit
status is then 2, otherwise 0 (1 if the reader of stdout went away early).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from figtrack.extract import extract
from figtrack.model import Claim, Interval

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
    return parser


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


def format_number(x: Decimal) -> str:
    """A bound in plain notation: ``Decimal('1.2E+9')`` -> ``'1200000000'``."""
    text = format(x.normalize(), "f")
    return "0" if text == "-0" else text


def format_interval(iv: Interval) -> str:
    """An interval as ``[10000, +inf)``, with bounds in plain notation."""
    left = "(-inf" if iv.low is None else ("[" if iv.low_closed else "(") + format_number(iv.low)
    right = (
        "+inf)" if iv.high is None else format_number(iv.high) + ("]" if iv.high_closed else ")")
    )
    return f"{left}, {right}"


def table_row(claim: Claim) -> tuple[str, ...]:
    """The table cells of one claim (whitespace runs in the surface shown as one space)."""
    q = claim.quantity
    return (
        claim.source or "",
        " ".join(claim.surface.split()),
        format_interval(q.interval),
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


def run_extract(args: argparse.Namespace) -> int:
    """``figtrack extract``: write the claims of every readable file; 2 if any was not."""
    status = 0
    rows: list[tuple[str, ...]] = []
    for name in args.files:
        try:
            text = read_text(name)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"figtrack: cannot read {name}: {_reason(exc)}", file=sys.stderr)
            status = 2
            continue
        source = STDIN_SOURCE if name == STDIN else name
        claims = extract(text, source, include_nonfigures=args.all)
        if args.format == "table":
            rows.extend(table_row(c) for c in claims)
        else:
            for c in claims:
                sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if args.format == "table":
        sys.stdout.write(format_table(rows))
    return status


def main(argv: list[str] | None = None) -> int:
    """Run ``figtrack`` with ``argv`` (default: the process arguments); the exit status."""
    args = build_parser().parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    if args.command != "extract":
        raise AssertionError(f"unknown command {args.command!r}")  # argparse rejects others
    try:
        return run_extract(args)
    except BrokenPipeError:
        # The reader went away (``figtrack extract x | head``): stop quietly, as Python's
        # signal documentation recommends, without a second error when stdout is closed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
