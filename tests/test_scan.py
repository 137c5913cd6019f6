"""figtrack scan: a corpus into claims.jsonl, claims.parquet or a store; resumable."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from synthetic import synthetic_documents

import figtrack
from figtrack import jobs
from figtrack.cli import main, progress_line
from figtrack.jobs import Scan, ScanError, ScanStats


def _corpus(folder: Path, n: int = 200, seed: int = 7) -> Path:
    """A small corpus of our own: a .jsonl.gz, a plain .jsonl and a text file."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = synthetic_documents(n, seed)
    half = n // 2
    lines = "".join(json.dumps(d) + "\n" for d in docs[:half]).encode()
    (folder / "a.jsonl.gz").write_bytes(gzip.compress(lines))
    (folder / "b.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs[half:]))
    (folder / "c.txt").write_text("Nearly 40 boats sank off Oskby.\r\nAbout 12 crew were saved.")
    return folder


def _expected_lines(folder: Path) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for doc in figtrack.corpus.read_corpus([folder]):
        assert isinstance(doc, figtrack.corpus.Document)
        for c in figtrack.extract(doc.text, doc.source, doc.published):
            out.append({**c.to_dict(), "document": doc.id})
    return out


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_scan_writes_every_claim_in_corpus_order(
    tmp_path: Path, workers: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON Lines output is extract() of each document in corpus order, with ids."""
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "claims.jsonl"
    assert main(["scan", str(corpus), "-o", str(out), "--workers", workers]) == 0
    assert _read_jsonl(out) == _expected_lines(corpus)
    err = capsys.readouterr().err
    assert "scanned 201 documents" in err
    assert "\r" not in err  # no progress line when stderr is not a terminal


def test_rerun_of_a_complete_scan_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running the same scan again leaves the output as it is and says so."""
    corpus = _corpus(tmp_path / "corpus", n=20)
    out = tmp_path / "claims.jsonl"
    main(["scan", str(corpus), "-o", str(out)])
    before = out.read_bytes()
    assert main(["scan", str(corpus), "-o", str(out)]) == 0
    assert out.read_bytes() == before
    assert "found a complete scan" in capsys.readouterr().err


def test_scan_refuses_to_overwrite_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing file that is no scan, or a scan of other inputs, is kept unless --force."""
    corpus = _corpus(tmp_path / "corpus", n=10)
    other = _corpus(tmp_path / "other", n=10, seed=9)
    out = tmp_path / "claims.jsonl"
    out.write_text("precious\n")
    assert main(["scan", str(corpus), "-o", str(out)]) == 2
    assert "is not a scan in progress" in capsys.readouterr().err
    assert out.read_text() == "precious\n"
    assert main(["scan", str(corpus), "-o", str(out), "--force"]) == 0
    assert main(["scan", str(other), "-o", str(out)]) == 2
    assert "holds a scan of other inputs or options" in capsys.readouterr().err
    assert main(["scan", str(other), "-o", str(out), "--force"]) == 0
    assert _read_jsonl(out) == _expected_lines(other)


def test_interrupted_state_resumes_without_loss_or_doubles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scan stopped after a checkpoint, with output written past it, resumes exactly."""
    corpus = _corpus(tmp_path / "corpus", n=120)
    reference = tmp_path / "ref.jsonl"
    Scan([str(corpus)], reference).run()
    out = tmp_path / "claims.jsonl"

    class Stop(Exception):
        pass

    seen = []

    def stop_after_some(stats: ScanStats, corpus: object) -> None:
        seen.append(stats.items)
        if len(seen) == 3:
            raise Stop

    monkeypatch.setattr(jobs, "PROGRESS_EVERY", 0.0)
    job = Scan([str(corpus)], out, progress=stop_after_some, checkpoint_every=0.0)
    with pytest.raises(Stop):
        job.run()
    state = json.loads((tmp_path / "claims.jsonl.scan.json").read_text())
    assert 0 < state["stats"]["items"] < 121 and not state["complete"]
    with out.open("ab") as fh:  # written after the checkpoint, as a killed run may leave
        fh.write(b'{"half": "a line')
    again = Scan([str(corpus)], out)
    stats = again.run()
    assert again.resumed
    assert out.read_bytes() == reference.read_bytes()
    assert stats.documents == 121


def test_killed_scan_resumes_to_the_same_output(tmp_path: Path) -> None:
    """SIGKILL mid-run, then the same command: output equal to an uninterrupted run."""
    corpus = _corpus(tmp_path / "corpus", n=1500, seed=11)
    out = tmp_path / "claims.jsonl"
    state = tmp_path / "claims.jsonl.scan.json"
    cmd = [sys.executable, "-m", "figtrack.cli", "scan", str(corpus), "-o", str(out)]
    cmd += ["--checkpoint-every", "0"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if state.exists() and json.loads(state.read_text())["stats"]["items"] >= 50:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = json.loads(state.read_text())
    if killed_at["complete"]:
        pytest.fail("the scan ended before it could be killed; make the corpus larger")
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    assert _read_jsonl(out) == _expected_lines(corpus)
    assert json.loads(state.read_text())["stats"]["documents"] == 1501


def test_parquet_output_reads_back_as_the_frame_of_the_claims(tmp_path: Path) -> None:
    """-o claims.parquet gives the DataFrame to_frame gives for the same claims."""
    pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra (pyarrow)")
    from figtrack.frame import read_parquet, to_frame

    corpus = _corpus(tmp_path / "corpus", n=40)
    out = tmp_path / "claims.parquet"
    assert main(["scan", str(corpus), "-o", str(out), "--workers", "2"]) == 0
    claims = [
        figtrack.Claim(**{**_claim_fields(c), "document": doc.id})
        for doc in figtrack.corpus.read_corpus([corpus])
        if isinstance(doc, figtrack.corpus.Document)
        for c in figtrack.extract(doc.text, doc.source, doc.published)
    ]
    import pandas as pd

    pd.testing.assert_frame_equal(read_parquet(out), to_frame(claims))
    assert not (tmp_path / "claims.parquet.spool.jsonl").exists()


def _claim_fields(c: figtrack.Claim) -> dict[str, object]:
    import attrs

    return attrs.asdict(c, recurse=False)


def test_store_output_holds_every_document(tmp_path: Path) -> None:
    """-o figures.db fills a Tracker: every document, each claim with its document id."""
    corpus = _corpus(tmp_path / "corpus", n=30)
    out = tmp_path / "figures.db"
    assert main(["scan", str(corpus), "-o", str(out)]) == 0
    with figtrack.Tracker(out) as tracker:
        assert tracker.documents() == 31
        assert len(tracker) == len(_expected_lines(corpus))
        key = tracker.key_counts()[0][0]
        assert all(c.document for c in tracker.figures(key))


def test_problems_are_logged_and_the_good_documents_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad files and lines go to OUT.problems.jsonl with a reason; good ones are scanned."""
    corpus = _corpus(tmp_path / "corpus", n=10)
    (corpus / "z.bin").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "y.jsonl").write_bytes(b'{"text": "About 3 cats.", "id": "y1"}\n{"oops"\n')
    (corpus / "x.txt").write_bytes(b"Caf\xe9 sold 40 cups.")
    out = tmp_path / "claims.jsonl"
    assert main(["scan", str(corpus), "-o", str(out)]) == 0
    problems = _read_jsonl(tmp_path / "claims.jsonl.problems.jsonl")
    assert {(Path(str(p["where"])).name, str(p["reason"]).split(" (")[0]) for p in problems} == {
        ("z.bin", "binary file"),
        ("y.jsonl:2", "not JSON"),
    }
    docs = {d["document"] for d in _read_jsonl(out)}
    assert "y1" in docs and any(str(d).endswith("x.txt") for d in docs)
    err = capsys.readouterr().err
    assert "2 problems" in err and "1 invalid UTF-8 bytes replaced" in err


def test_progress_line_shows_rate_and_time_left() -> None:
    """The progress line gives documents, MB, MB/s, claims and the time left."""
    stats = ScanStats(documents=10, claims=5, bytes=2_000_000, seconds=4.0)
    assert progress_line(stats, 1, 3) == "10 docs  2.0 MB  0.50 MB/s  5 claims  0:08 left"
    assert progress_line(ScanStats(), 0, 0).endswith("? left")


def test_progress_is_drawn_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--progress draws the line on stderr (as on a terminal), ending in a newline."""
    corpus = _corpus(tmp_path / "corpus", n=10)
    main(["scan", str(corpus), "-o", str(tmp_path / "c.jsonl"), "--progress"])
    err = capsys.readouterr().err
    assert "\r" in err and "claims" in err and " left" in err


def test_wrong_workers_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--workers 0 is refused with a message naming workers."""
    assert main(["scan", str(tmp_path), "-o", str(tmp_path / "c.jsonl"), "--workers", "0"]) == 2
    assert "workers must be at least 1" in capsys.readouterr().err


def test_scan_error_is_raised_from_python(tmp_path: Path) -> None:
    """From Python, an output in the way is a ScanError."""
    (tmp_path / "c.jsonl").write_text("x")
    with pytest.raises(ScanError, match="not a scan in progress"):
        Scan([str(tmp_path)], tmp_path / "c.jsonl").run()


def test_background_writer_has_every_byte_in_the_file_after_drain(tmp_path: Path) -> None:
    """The scan's writer thread keeps the order of the chunks, and after ``drain`` the
    file holds every byte written so far (what a checkpoint records)."""
    path = tmp_path / "out.bin"
    writer = jobs._Writer(open(path, "w+b"))  # noqa: SIM115 (the writer closes it)
    chunks = [f"{i:07d}\n".encode() * (i % 50_000) for i in range(40)]
    try:
        for i, chunk in enumerate(chunks):
            writer.write(chunk)
            if i % 13 == 0:
                writer.drain()
                writer.fh.flush()  # what a checkpoint's fsync does next
                assert path.read_bytes() == b"".join(chunks[: i + 1])
    finally:
        writer.close()
    assert path.read_bytes() == b"".join(chunks)


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    closed = False

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    def close(self) -> None:
        self.closed = True


def test_background_writer_raises_a_write_error_in_the_caller() -> None:
    """A write that fails in the writer thread is raised by the next drain (the caller's
    checkpoint), and close still closes the file and stops the thread."""
    fh = _FullDisk()
    writer = jobs._Writer(fh)  # type: ignore[arg-type]
    writer.write(b"x" * 10)
    with pytest.raises(OSError, match="No space left"):
        writer.drain()
    with pytest.raises(OSError, match="No space left"):
        writer.close()
    assert fh.closed and not writer._thread.is_alive()
