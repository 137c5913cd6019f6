"""Tests for the ``figtrack`` command line (figtrack.cli)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scoring import documented_claim_keys

from figtrack.cli import main

TEXT = "Officials said at least 10,000 troops were there in 2022."
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _write(path: Path, text: str) -> str:
    """Write ``text`` to ``path`` as UTF-8 and return the path as a string."""
    path.write_text(text, encoding="utf-8")
    return str(path)


def _lines(out: str) -> list[dict[str, Any]]:
    """Parse JSON Lines output into dicts."""
    return [json.loads(line) for line in out.splitlines()]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Replace standard input with ``data``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_jsonl_lines_parse_and_carry_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each output line is one claim's to_dict(), with source set to the file name."""
    name = _write(tmp_path / "a.txt", TEXT)
    assert main(["extract", name]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    (claim,) = _lines(out)
    assert claim["source"] == name
    assert claim["surface"] == "at least 10,000"
    assert TEXT[claim["start"] : claim["end"]] == claim["surface"]
    assert (claim["low"], claim["high"], claim["low_closed"]) == (10000, None, True)
    assert claim["qualifier"] == "ge"
    assert claim["published"] is None


def test_jsonl_has_every_documented_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON objects have exactly the keys docs/json.md lists."""
    main(["extract", _write(tmp_path / "a.txt", TEXT)])
    (claim,) = _lines(capsys.readouterr().out)
    assert list(claim) == documented_claim_keys()


def test_jsonl_keeps_non_ascii_text_unescaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Output is UTF-8 with ensure_ascii=False: non-ASCII characters are written as is."""
    main(["extract", _write(tmp_path / "a.txt", "Café staff said 30 people came.")])
    out = capsys.readouterr().out
    assert "Café" in out
    assert "\\u" not in out


def test_all_adds_non_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--all also reports the year; without it the year is left out."""
    name = _write(tmp_path / "a.txt", TEXT)
    main(["extract", name])
    assert [c["kind"] for c in _lines(capsys.readouterr().out)] == ["count"]
    main(["extract", "--all", name])
    kinds = [c["kind"] for c in _lines(capsys.readouterr().out)]
    assert kinds == ["count", "year"]


def test_table_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format table prints a header and one aligned row per claim with its interval."""
    name = _write(tmp_path / "a.txt", TEXT)
    assert main(["extract", "--format", "table", name]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["source", "surface", "interval", "approx", "trend", "kind", "unit"]
    assert row.startswith(name)
    assert "at least 10,000" in row
    assert "[10000, +inf)" in row
    assert row.split()[-2:] == ["count", "troop"]
    assert row.index("[10000") == header.index("interval")


def test_table_shows_plain_numbers_and_approx_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Scaled values print without exponent or trailing '.0'; approximate rows say yes."""
    name = _write(tmp_path / "a.txt", "The plan costs about $1.2 billion in total.")
    main(["extract", "--format", "table", name])
    row = capsys.readouterr().out.splitlines()[1]
    assert "[1200000000, 1200000000]" in row
    assert " yes " in row


def test_missing_file_exits_2_and_other_files_still_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file gives a one-line error; the files after it are still read; exit 2."""
    first = _write(tmp_path / "first.txt", TEXT)
    missing = str(tmp_path / "missing.txt")
    last = _write(tmp_path / "last.txt", "More than 5 boats sank.")
    assert main(["extract", first, missing, last]) == 2
    out, err = capsys.readouterr()
    assert [c["source"] for c in _lines(out)] == [first, last]
    assert err.splitlines() == [f"figtrack: cannot read {missing}: No such file or directory"]


def test_undecodable_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not valid UTF-8 is reported like an unreadable one."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"over 10 \xff\xfe cats")
    assert main(["extract", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"figtrack: cannot read {bad}: not valid UTF-8")
    assert err.count("\n") == 1


def test_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory given as FILE is reported and gives exit status 2."""
    assert main(["extract", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"figtrack: cannot read {tmp_path}: ")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """'-' reads standard input as UTF-8; its claims have source '<stdin>'."""
    _stdin(monkeypatch, "Über 40 km/h, up to 40 km/h.".encode())
    assert main(["extract", "-"]) == 0
    claims = _lines(capsys.readouterr().out)
    assert claims
    assert {c["source"] for c in claims} == {"<stdin>"}
    assert claims[-1]["surface"] == "up to 40 km/h"


def test_stdin_beside_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """'-' may stand among file names; claims come out in argument order."""
    _stdin(monkeypatch, b"At least 3 dogs barked.")
    name = _write(tmp_path / "a.txt", TEXT)
    assert main(["extract", name, "-"]) == 0
    assert [c["source"] for c in _lines(capsys.readouterr().out)] == [name, "<stdin>"]


def test_no_claims_gives_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file without figures writes nothing in jsonl and only the header as a table."""
    name = _write(tmp_path / "a.txt", "Nothing to count here.")
    assert main(["extract", name]) == 0
    assert capsys.readouterr().out == ""
    assert main(["extract", "--format", "table", name]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No command, or extract without files, is a usage error (argparse exits 2)."""
    for argv in ([], ["extract"], ["extract", "--format", "xml", "a.txt"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
    assert "usage: figtrack" in capsys.readouterr().err


def test_bundled_example_states_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/briefing.txt yields its bounded figures, and its date and year stay out."""
    assert main(["extract", str(EXAMPLES / "briefing.txt")]) == 0
    claims = {c["surface"]: c for c in _lines(capsys.readouterr().out)}
    assert claims["between 11,000 and 12,000"]["low"] == 11000
    assert claims["between 11,000 and 12,000"]["high"] == 12000
    assert claims["up to 40 km/h"]["high_closed"] is True
    assert {c["kind"] for c in claims.values()} <= {"count", "money", "percent", "measure"}
    assert not any("2019" in s for s in claims)


def test_subprocess_stdin_utf8() -> None:
    """Run as a program, the CLI reads stdin and writes UTF-8 JSON Lines, exit 0."""
    done = subprocess.run(
        [sys.executable, "-m", "figtrack.cli", "extract", "-"],
        input="Naïve estimates put it at more than 2,000 people.".encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (claim,) = _lines(done.stdout.decode("utf-8"))
    assert claim["source"] == "<stdin>"
    assert "Naïve" in claim["sentence"]
    assert (claim["low"], claim["low_closed"]) == (2000, False)


KURSK = [str(EXAMPLES / "kursk" / "briefing.txt"), str(EXAMPLES / "kursk" / "wire.txt")]


def test_compare_bundled_kursk_example_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's main command: both troop subjects agree, with their consensus."""
    assert main(["compare", *KURSK]) == 0
    out = capsys.readouterr().out
    assert "north korean troop, in russia (count): agree, consensus [11000, 12000]" in out
    assert "north korean troop, in kursk (count): agree, consensus [10000, +inf)" in out
    assert "50,000" not in out  # single-source: shown with --all only
    assert out.rstrip().endswith("2 agree, 0 in conflict, 0 ambiguous, 0 revised.")


def test_compare_all_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json writes one finding per line; --all adds the single-source 50,000 figure."""
    assert main(["compare", "--json", *KURSK]) == 0
    shared = _lines(capsys.readouterr().out)
    assert [f["status"] for f in shared] == ["agree", "agree"]
    assert all(len(f["sources"]) == 2 for f in shared)
    assert main(["compare", "--json", "--all", *KURSK]) == 0
    everything = _lines(capsys.readouterr().out)
    singles = [f for f in everything if f["status"] == "single"]
    assert [c["surface"] for f in singles for c in f["claims"]] == ["around 50,000"]


def test_compare_shows_conflicts_with_their_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two files that disagree: a conflict line naming both figures and the gap."""
    a = _write(tmp_path / "a.txt", "The quake struck at a depth of 1.2 miles.")
    b = _write(tmp_path / "b.txt", "The quake struck at a depth of 12 miles.")
    assert main(["compare", a, b]) == 0
    out = capsys.readouterr().out
    assert ": conflict" in out
    assert f"conflict: {a} '1.2 miles' lies below {b} '12 miles', gap 10.8" in out


def test_compare_unreadable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file is reported; the others are still compared."""
    assert main(["compare", str(tmp_path / "missing.txt"), *KURSK]) == 2
    captured = capsys.readouterr()
    assert "cannot read" in captured.err
    assert "agree" in captured.out


def test_report_writes_a_self_contained_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """figtrack report: one HTML page, a bar per claim, no network reference."""
    out = tmp_path / "report.html"
    assert main(["report", *KURSK, "-o", str(out)]) == 0
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert page.count('data-source="') >= 4  # two subjects, two sources each
    assert "http://" not in page and "https://" not in page
    assert "wrote 2 subject(s)" in capsys.readouterr().err


def test_report_unwritable_output_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report that cannot be written is an error naming the file."""
    target = tmp_path / "missing" / "report.html"
    assert main(["report", *KURSK, "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
