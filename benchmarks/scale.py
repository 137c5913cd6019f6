"""Corpora at scale: scan throughput on 1 and 2 workers, peak memory, and corrupted input.

    python benchmarks/scale.py throughput            # Reuters + BBC, 1 and 2 workers
    python benchmarks/scale.py memory --gb 1         # Reuters tiled to 1 GB, peak RSS
    python benchmarks/scale.py corrupt               # 1 % of documents corrupted

Each run goes through the real command line (``figtrack scan``) in a child process, as a
user runs it. The corpora are read from the shared folder (``$FIGTRACK_SHARED`` or
``../shared``); the files built from them (tiled, corrupted) go to a temporary folder and
are deleted afterwards: nothing from the corpora is written into this repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import scoring

NAMES = ("reuters21578", "bbc_news")
SHARED = scoring.shared_dir() or Path("../shared")
CORPORA = [(SHARED / "corpora" / f"{name}.jsonl.gz").resolve() for name in NAMES]
#: where child processes start: outside the checkout, so they import the installed figtrack
OUTSIDE = tempfile.gettempdir()


def _text_mb() -> float:
    texts = (t for name in NAMES for t in scoring.iter_corpus_texts(name, SHARED))
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _rss_tree(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total


def child_build() -> str:
    """The build of figtrack a child process runs (see `run_scan`)."""
    code = "import figtrack.figures; print(figtrack.figures.__file__)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=OUTSIDE, check=True
    )
    return scoring.build(out.stdout.strip())


def run_scan(inputs: list[Path], out: Path, workers: int, *extra: str) -> dict[str, Any]:
    """``figtrack scan`` in a child process: wall time, peak RSS of its tree, its stats.

    The child starts outside this checkout, so it runs the installed figtrack (compiled by
    ``pip install .``), not the sources that ``python -m`` would find in the current folder.
    """
    cmd = [sys.executable, "-m", "figtrack.cli", "scan", *map(str, inputs), "-o", str(out)]
    cmd += ["--workers", str(workers), "--force", "--no-progress", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=OUTSIDE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _rss_tree(proc.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"scan failed ({proc.returncode}): {err}")
    state = json.loads(out.with_name(out.name + ".scan.json").read_text())
    return {"seconds": seconds, "peak_rss_mb": peak / 1e6, "stats": state["stats"], "err": err}


def throughput(args: argparse.Namespace) -> None:
    mb = _text_mb()
    print(f"Reuters + BBC: {mb:.1f} MB of text; figtrack build: {child_build()}")
    with tempfile.TemporaryDirectory() as tmp:
        rates: dict[int, float] = {}
        for workers in args.workers:
            for _ in range(args.repeat):
                r = run_scan(CORPORA, Path(tmp) / "claims.jsonl", workers)
                rate = mb / r["seconds"]
                rates[workers] = max(rates.get(workers, 0.0), rate)
                print(
                    f"workers={workers}: {r['seconds']:.1f} s, {rate:.2f} MB/s, "
                    f"{r['stats']['claims']:,} claims, peak RSS {r['peak_rss_mb']:.0f} MB"
                )
    if 1 in rates and 2 in rates:
        print(f"scaling 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (best of {args.repeat})")


def memory(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tiled = Path(tmp) / "tiled.jsonl"
        target = int(args.gb * 1e9)
        lines = []
        with gzip.open(CORPORA[0], "rb") as fh:
            lines = fh.read().splitlines(keepends=True)
        written, copy = 0, 0
        with open(tiled, "wb") as out:
            while written < target:
                for line in lines:
                    doc = json.loads(line)
                    doc["id"] = f"{doc['id']}#{copy}"
                    data = (json.dumps(doc) + "\n").encode()
                    out.write(data)
                    written += len(data)
                copy += 1
        print(f"tiled Reuters {copy} times: {written / 1e9:.2f} GB of JSON Lines")
        r = run_scan([tiled], Path(tmp) / "claims.jsonl", args.workers[0])
        s = r["stats"]
        print(
            f"workers={args.workers[0]}: {s['documents']:,} documents, {s['claims']:,} claims "
            f"in {r['seconds']:.0f} s ({s['bytes'] / 1e6 / r['seconds']:.2f} MB/s of text); "
            f"peak RSS of the process tree {r['peak_rss_mb']:.0f} MB"
        )


#: How a document is corrupted, as real archives do; each takes (text, rng) and gives the
#: file name suffix and the bytes to write.
def _corruptions() -> dict[str, Any]:
    def html(text: str, rng: random.Random) -> tuple[str, bytes]:
        body = text.replace("\n", "<br>\n")
        page = f"<html><head><style>p{{color:red}}</style></head><body><p>{body}</p></body></html>"
        return ".txt", page.encode()

    def crlf(text: str, rng: random.Random) -> tuple[str, bytes]:
        return ".txt", text.replace("\n", "\r\n").encode()

    def old_mac(text: str, rng: random.Random) -> tuple[str, bytes]:
        return ".txt", text.replace("\n", "\r").encode()

    def invalid_utf8(text: str, rng: random.Random) -> tuple[str, bytes]:
        data = bytearray(text.encode())
        for _ in range(5):
            data.insert(rng.randrange(len(data) + 1), rng.choice([0xFF, 0xFE, 0xC3, 0x80]))
        return ".txt", bytes(data)

    def binary(text: str, rng: random.Random) -> tuple[str, bytes]:
        return ".txt", bytes(rng.randrange(256) for _ in range(4096))

    def empty(text: str, rng: random.Random) -> tuple[str, bytes]:
        return ".txt", b""

    def huge_line(text: str, rng: random.Random) -> tuple[str, bytes]:
        line = text.replace("\n", " ")
        return ".txt", (line * (10_000_000 // max(1, len(line)) + 1))[:10_000_000].encode()

    def foreign(text: str, rng: random.Random) -> tuple[str, bytes]:
        words = "Die Regierung meldete 1.234 Tote und über 5.000 Verletzte. 东京 3万人 ٣٤٥ μέχρι 7%"
        return ".txt", (words + "\n" + text).encode()

    def truncated_gz(text: str, rng: random.Random) -> tuple[str, bytes]:
        whole = gzip.compress((json.dumps({"text": text}) + "\n").encode() * 20)
        return ".jsonl.gz", whole[: len(whole) // 2]

    def bad_json(text: str, rng: random.Random) -> tuple[str, bytes]:
        return ".jsonl", (json.dumps({"text": text})[:-7] + "\n").encode()

    return {
        "html": html,
        "crlf": crlf,
        "old_mac": old_mac,
        "invalid_utf8": invalid_utf8,
        "binary": binary,
        "empty": empty,
        "huge_line": huge_line,
        "foreign": foreign,
        "truncated_gz": truncated_gz,
        "bad_json": bad_json,
    }


def corrupt(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    ways = _corruptions()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        docs: list[dict[str, Any]] = []
        for path in CORPORA:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                docs.extend(json.loads(line) for line in fh)
        if args.limit:
            docs = docs[: args.limit]
        n_bad = max(len(ways), len(docs) // 100)
        bad = set(rng.sample(range(len(docs)), n_bad))
        made: dict[str, int] = {}
        good_lines = []
        names = sorted(ways)
        for i, doc in enumerate(docs):
            if i not in bad:
                good_lines.append(json.dumps({"text": doc["text"], "id": doc["id"]}) + "\n")
                continue
            way = names[len(made) % len(names)] if sum(made.values()) < len(names) else None
            way = way or rng.choice(names)
            made[way] = made.get(way, 0) + 1
            suffix, data = ways[way](doc["text"], rng)
            (folder / f"{i:06d}-{way}{suffix}").write_bytes(data)
        (folder / "good.jsonl").write_text("".join(good_lines), "utf-8")
        print(f"{len(docs):,} documents: {len(good_lines):,} intact, {n_bad} corrupted: {made}")
        out = Path(tmp) / "claims.jsonl"
        r = run_scan([folder], out, args.workers[0])
        s = r["stats"]
        problems = [json.loads(x) for x in out.with_name(out.name + ".problems.jsonl").open()]
        reasons: dict[str, int] = {}
        for p in problems:
            key = p["reason"].split(" (")[0]
            reasons[key] = reasons.get(key, 0) + 1
        ids = {json.loads(x)["document"] for x in out.open("rb")}
        good_ids = {json.loads(x)["id"] for x in good_lines}
        with_claims = {d["id"] for d in docs if d["id"] in good_ids and _has_figure(d["text"])}
        lost = len(with_claims - ids)
        print(
            f"scan: exit 0, {s['documents']:,} documents read, {s['problems']} problems "
            f"{reasons}, {s['bad_bytes']} invalid bytes replaced, {s['claims']:,} claims, "
            f"{r['seconds']:.0f} s, peak RSS {r['peak_rss_mb']:.0f} MB"
        )
        print(f"intact documents with a figure whose claims are missing: {lost} (want 0)")
        crashes = r["err"].count("Traceback")
        print(f"crashes: {crashes} (want 0)")


def _has_figure(text: str) -> bool:
    import figtrack

    return bool(figtrack.extract(text, subjects=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", choices=("throughput", "memory", "corrupt"))
    parser.add_argument("--workers", type=int, nargs="+", default=None)
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting (best kept)")
    parser.add_argument("--gb", type=float, default=1.0, help="memory: size of the tiled corpus")
    parser.add_argument("--limit", type=int, default=0, help="corrupt: use the first N documents")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    if not all(p.exists() for p in CORPORA):
        raise SystemExit(f"corpora not found under {SHARED}/corpora")
    if args.workers is None:
        args.workers = [1, 2] if args.job == "throughput" else [2]
    {"throughput": throughput, "memory": memory, "corrupt": corrupt}[args.job](args)


if __name__ == "__main__":
    main()
