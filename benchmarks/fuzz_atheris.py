"""Coverage-guided fuzzing of figtrack.extract() with atheris (libFuzzer for Python).

Every input is read two ways:

* *raw*: the bytes decoded as UTF-8 with ``errors="replace"``;
* *lexicon*: a `FuzzedDataProvider` over the same bytes picks tokens from our own language
  data (qualifier phrases, number words, vague magnitudes, unit surfaces, currency signs),
  numbers written with every separator, connectors and separators, in any order.

Each text is extracted by default, with ``include_nonfigures=True`` and with
``subjects=False``, and every result must keep the invariants of ``tests/test_fuzz.py``
(`check_claims`): exact surface and sentence offsets, the sentence holding the claim, claims
sorted and disjoint, a non-empty interval, subject offsets that index the subject,
``derived_from`` naming a base claim, strict JSON from ``to_dict()``; and the three calls
agree. A violation or an exception is raised, so libFuzzer stops and writes the input as
``crash-<sha1>``.

Time: each extraction is timed per 1,000 characters, against the running median of its
mode (raw or lexicon). An input slower than 50 times the median (and slower than 20 ms) is
timed twice more and, if still slow, saved under ``OUT/slow/`` and logged. Inputs slower
than 10 times the median, and every 25th text besides (while such checks take at most a
quarter of the run), are also repeated 8 times and timed: more than 24 times as long (linear
time gives about 8; timings are the fastest of three) is timed again in a fresh process
whose figtrack is not instrumented, and saved under ``OUT/superlinear/`` when that confirms
it (else under ``OUT/unconfirmed/``). Slow inputs are recorded, not raised, so that the run
goes on (``FIGTRACK_FUZZ_SLOW_FATAL=1`` raises instead). Violations that are known bugs
(`KNOWN_BUGS`, tested apart as xfails) are counted and saved under ``OUT/known/``
(``FIGTRACK_FUZZ_STRICT=1`` raises them). Counters are written to ``OUT/stats.json``.

Usage (see benchmarks/FUZZING.md)::

    pip install atheris
    python benchmarks/fuzz_atheris.py [--out DIR] CORPUS_DIR [libFuzzer flags]
    python benchmarks/fuzz_atheris.py benchmarks/results/fuzz/corpus \\
        -max_total_time=600 -max_len=4096 -len_control=0 -timeout=120 \\
        -print_final_stats=1 -artifact_prefix=benchmarks/results/fuzz/
    python benchmarks/fuzz_atheris.py --verify benchmarks/results/fuzz   # re-time findings

``--out DIR`` (default ``benchmarks/results/fuzz``, git-ignored) is where findings and
``stats.json`` go.

The first corpus directory is seeded (idempotently) with our own example texts,
``examples/**/*.txt`` and the texts of ``tests/golden/*.toml``. Passing files instead of a
directory replays them (libFuzzer's usual behaviour): use it to reproduce a crash.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import deque
from itertools import pairwise
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped]

#: ``--growth`` and ``--verify`` time figtrack as users run it: not instrumented (atheris's
#: hooks on comparisons cost time in proportion to the strings compared, which inflates
#: the timings of long texts: in the first run every in-process "superlinear" input was
#: linear when timed again without them).
CLEAN = "--growth" in sys.argv or "--verify" in sys.argv
if CLEAN:
    import figtrack
    from figtrack.model import Claim
else:
    with atheris.instrument_imports(include=["figtrack"]):
        import figtrack
        from figtrack.model import Claim

from scoring import documented_claim_keys  # noqa: E402 (after figtrack: it is instrumented)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "fuzz"

#: Slow: time per 1,000 characters above this many times the running median ...
SLOW_TIMES_MEDIAN = 50.0
#: ... and above this many seconds in all (tiny timings are all noise).
SLOW_FLOOR = 0.020
#: Inputs above this many times the median are also timed repeated 8 times.
SUSPECT_TIMES_MEDIAN = 10.0
GROWTH = 8
GROWTH_BOUND = 3 * GROWTH
#: Inputs shorter than this do not enter the median (fixed costs dominate them).
MEDIAN_MIN_CHARS = 200
#: Besides the suspects, every this-many-th timed text gets the growth check ...
GROWTH_SAMPLE = 25
#: ... as long as growth checks have taken at most this share of the run.
GROWTH_BUDGET = 0.25
#: Small timings are floored at this many seconds (below it, ratios are noise).
GROWTH_FLOOR = 0.0005
#: At most this many inputs are saved per kind of finding.
MAX_SAVED = 200

DOCUMENTED_KEYS = frozenset(documented_claim_keys())


class InvariantError(AssertionError):
    """An extract() result broke one of the invariants."""


def _require(ok: bool, what: str, text: str, known: str | None = None) -> None:
    """Raise unless ``ok``; a violation that is a known bug (``known`` names it, see
    `KNOWN_BUGS`) is counted and saved instead, unless ``FIGTRACK_FUZZ_STRICT=1``."""
    if ok:
        return
    if known is not None and os.environ.get("FIGTRACK_FUZZ_STRICT") != "1":
        count = KNOWN.get(known, 0)
        KNOWN[known] = count + 1
        if count < 20:
            folder = TIMING.out / "known" / known
            folder.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            (folder / f"{name}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
        return
    raise InvariantError(f"{what} (text {text[:300]!r}, {len(text)} chars)")


#: Violations already known and tested apart as strict xfails in tests/test_fuzz.py; the
#: run counts them (stats.json, "known") and goes on looking for others. None today: the
#: two it had (a share of zero with an empty interval, a share overlapping a non-figure)
#: are fixed.
KNOWN_BUGS: dict[str, str] = {}
KNOWN: dict[str, int] = {}


# -- invariants (the same as tests/test_fuzz.py) ----------------------------------------


def _has_surrogates(text: str) -> bool:
    """Whether ``text`` holds surrogate code points (a str may; decoded UTF-8 never does)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def check_claims(text: str, claims: Any, subjects: bool = True) -> None:
    """Raise `InvariantError` unless ``claims`` keeps every invariant over ``text``."""
    _require(isinstance(claims, list), "not a list", text)
    _require(all(isinstance(c, Claim) for c in claims), "not Claims", text)
    for a, b in pairwise(claims):
        _require(a.start <= b.start, f"disorder: {a.surface!r} / {b.surface!r}", text)
        _require(a.end <= b.start, f"overlap: {a.surface!r} / {b.surface!r}", text)
    bases = {c.start for c in claims if c.derived_from is None}
    for c in claims:
        _require(0 <= c.start < c.end <= len(text), f"offsets {c.start}:{c.end}", text)
        _require(text[c.start : c.end] == c.surface, f"surface {c.surface!r}", text)
        _require(c.surface == c.surface.strip(), f"unstripped {c.surface!r}", text)
        sentence_end = c.sentence_start + len(c.sentence)
        _require(
            c.sentence_start >= 0
            and sentence_end <= len(text)
            and text[c.sentence_start : sentence_end] == c.sentence,
            f"sentence at {c.sentence_start}",
            text,
        )
        _require(
            c.sentence_start <= c.start and c.end <= sentence_end,
            f"sentence does not hold {c.surface!r}",
            text,
        )
        _require(not c.quantity.interval.is_empty, f"empty interval {c.surface!r}", text)
        d = c.to_dict()
        _require(d.keys() >= DOCUMENTED_KEYS, "undocumented to_dict() shape", text)
        back = json.loads(json.dumps(d, allow_nan=False))
        # JSON reads two surrogate code points back as one character: no round trip then
        _require(back == d or _has_surrogates(text), "JSON round trip", text)
        s, e = d["subject_start"], d["subject_end"]
        _require((s is None) == (e is None), "half a subject span", text)
        if s is not None:
            _require(0 <= s <= e <= len(text), f"subject span {s}:{e}", text)
            _require(text[s:e] == d["subject"], f"subject {d['subject']!r} at {s}:{e}", text)
        if not subjects:
            _require(c.subject is None and c.derived_from is None, "subject read", text)
        if c.derived_from is not None:
            _require(c.derived_from in bases, f"derived_from {c.derived_from}", text)


# -- timing -----------------------------------------------------------------------------


class Timing:
    """Per-1,000-character times of the inputs, by mode, and what was found slow."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.samples: dict[str, deque[float]] = {}
        self.median: dict[str, float] = {}
        self.since_median: dict[str, int] = {}
        self.observed = 0
        self.growth_checks = 0
        self.growth_seconds = 0.0
        self.started = time.perf_counter()
        self.slow = 0
        self.superlinear = 0
        self.unconfirmed = 0
        self.worst_slow: tuple[float, int, str] = (0.0, 0, "")  # times median, chars, file
        self.worst_growth: tuple[float, int, str] = (0.0, 0, "")  # ratio, chars, file

    def _update_median(self, mode: str, per_k: float, chars: int) -> None:
        if chars < MEDIAN_MIN_CHARS:
            return
        samples = self.samples.setdefault(mode, deque(maxlen=4000))
        samples.append(per_k)
        self.since_median[mode] = self.since_median.get(mode, 0) + 1
        if self.since_median[mode] >= 250 or mode not in self.median:
            self.median[mode] = statistics.median(samples)
            self.since_median[mode] = 0

    def _save(self, kind: str, text: str, info: dict[str, Any]) -> str:
        folder = self.out / kind
        folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        path = folder / f"{name}.txt"
        if not path.exists() and len(list(folder.glob("*.txt"))) < MAX_SAVED:
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            (folder / f"{name}.json").write_text(json.dumps(info, indent=1) + "\n")
        return str(path)

    def observe(self, text: str, seconds: float, mode: str, kwargs: dict[str, Any]) -> None:
        """Record one timing; examine and save the input when it is slow for its size."""
        self.observed += 1
        chars = max(len(text), 1)
        per_k = seconds * 1000 / chars
        median = self.median.get(mode, 0.0)
        ready = len(self.samples.get(mode, ())) >= 200 and median > 0
        self._update_median(mode, per_k, chars)
        times = per_k / median if ready else 0.0
        info: dict[str, Any] = {"mode": mode, "kwargs": kwargs, "chars": len(text)}
        info.update(seconds=seconds, median_ms_per_kchar=median * 1000)
        if ready and seconds > SLOW_FLOOR and times > SLOW_TIMES_MEDIAN:
            again = min(_timed(text, kwargs)[1] for _ in range(2))
            times = again * 1000 / chars / median
            if again > SLOW_FLOOR and times > SLOW_TIMES_MEDIAN:
                info.update(seconds=again, times_median=times)
                path = self._save("slow", text, info)
                self.slow += 1
                self.worst_slow = max(self.worst_slow, (times, len(text), path))
                print(f"== SLOW {times:.0f}x median, {again:.3f}s, {len(text)} chars: {path}")
                if os.environ.get("FIGTRACK_FUZZ_SLOW_FATAL") == "1":
                    raise InvariantError(f"slow input: {times:.0f}x the median per character")
        # the growth check: every suspect, and a sample of the rest, within a time budget
        suspect = ready and times > SUSPECT_TIMES_MEDIAN
        sampled = self.observed % GROWTH_SAMPLE == 0
        budget = GROWTH_BUDGET * (time.perf_counter() - self.started)
        if len(text) >= 20 and (suspect or sampled) and self.growth_seconds < budget:
            t0 = time.perf_counter()
            self._growth(text, kwargs, info)
            self.growth_seconds += time.perf_counter() - t0

    def _growth(self, text: str, kwargs: dict[str, Any], info: dict[str, Any]) -> None:
        """Time ``text`` and ``text * 8``; save the input when the big one takes more than
        24 times as long (confirmed by fastest-of-three timings)."""
        self.growth_checks += 1
        small = min(_timed(text, kwargs)[1] for _ in range(2))
        big_text = text * GROWTH
        big = _timed(big_text, kwargs)[1]
        if big <= GROWTH_BOUND * max(small, GROWTH_FLOOR):
            return
        small = min(small, *(_timed(text, kwargs)[1] for _ in range(2)))
        big = min(big, *(_timed(big_text, kwargs)[1] for _ in range(2)))
        ratio = big / max(small, GROWTH_FLOOR)
        if ratio <= GROWTH_BOUND:
            return
        info.update(instrumented_ratio=ratio, small_seconds=small, big_seconds=big)
        clean = clean_growth(text, kwargs)  # confirmed without instrumentation, or not
        info.update(growth_ratio=clean)
        if clean <= GROWTH_BOUND:
            self.unconfirmed += 1
            self._save("unconfirmed", text, info)
            return
        path = self._save("superlinear", text, info)
        self.superlinear += 1
        self.worst_growth = max(self.worst_growth, (clean, len(text), path))
        print(f"== SUPERLINEAR {GROWTH}x the text took {clean:.0f}x the time: {path}")


def _timed(text: str, kwargs: dict[str, Any]) -> tuple[list[Claim], float]:
    start = time.perf_counter()
    claims = figtrack.extract(text, **kwargs)
    return claims, time.perf_counter() - start


def growth_ratio(text: str, kwargs: dict[str, Any]) -> float:
    """``time(text * 8) / time(text)``, fastest of five and of three, collector off."""
    gc.collect()
    gc.disable()
    try:
        small = max(min(_timed(text, kwargs)[1] for _ in range(5)), GROWTH_FLOOR)
        big = min(_timed(text * GROWTH, kwargs)[1] for _ in range(3))
    finally:
        gc.enable()
    return big / small


def clean_growth(text: str, kwargs: dict[str, Any]) -> float:
    """`growth_ratio` in a fresh process whose figtrack is not instrumented."""
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(text.encode("utf-8", "surrogatepass"))
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--growth", f.name, json.dumps(kwargs)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    finally:
        os.unlink(f.name)
    return float(done.stdout.strip().splitlines()[-1])


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogatepass")


def verify(out: Path) -> None:
    """Time every saved slow or superlinear input again, without instrumentation."""
    print(f"{'ratio 8x':>8}  {'ms':>8}  {'chars':>6}  file")
    for kind in ("slow", "superlinear", "unconfirmed"):
        for path in sorted((out / kind).glob("*.txt")):
            info = json.loads(path.with_suffix(".json").read_text())
            text = _read_text(path)
            ms = min(_timed(text, info["kwargs"])[1] for _ in range(3)) * 1000
            ratio = growth_ratio(text, info["kwargs"])
            flag = "  SUPERLINEAR" if ratio > GROWTH_BOUND else ""
            print(f"{ratio:8.1f}  {ms:8.2f}  {len(text):6d}  {kind}/{path.name}{flag}")


# -- lexicon texts ----------------------------------------------------------------------

LEX = figtrack.load_lexicon()
_UNITS = figtrack.Extractor(LEX).units


def _phrases(table: Any) -> list[str]:
    return [" ".join(k) for k in table]


_S = LEX.subjects
LEXICON_WORDS = sorted(
    {
        *_phrases(LEX.qualifiers_before),
        *_phrases(LEX.qualifiers_after),
        *_phrases(LEX.trends_before),
        *_phrases(LEX.trends_after),
        *LEX.number_words,
        *LEX.vague,
        *LEX.scale_abbreviations,
        *LEX.currency_scales,
        *LEX.months,
        *LEX.weekdays,
        *LEX.year_cues,
        *LEX.time_suffixes,
        *LEX.ordinal_suffixes,
        *LEX.label_words,
        *LEX.unit_aliases,
        *LEX.extra_units,
        *LEX.guarded_symbols,
        *LEX.article_units,
        *_phrases(_S.classes),
        *_phrases(_S.roles),
        *_phrases(_S.relative),
        *_S.copulas,
        *_S.scope_prepositions,
        *_S.time_words,
    }
)
UNIT_SURFACES = sorted({*_UNITS.symbols, *_UNITS.words})
CURRENCIES = sorted(s for s, n in _UNITS.symbols.items() if _UNITS.is_currency(n))
FRACTIONS = sorted(LEX.unicode_fractions)
CONNECTORS = [
    *"-–—~/%+±x×^'’\"()[],.;:!?$€£¥<>≈≥≤°",
    "to",
    "and",
    "between",
    "from",
    "or",
    "of",
    "per",
    "a",
    "the",
    "e",
    "x 10^",
    "...",
]
SEPARATORS = ["", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u2009", "\u202f"]
SEPARATORS += [", ", ". ", "-"]
GROUPS = [",", ".", " ", "'", "\u00a0", "\u2009", "\u202f"]


def _number(fdp: atheris.FuzzedDataProvider) -> str:
    """Digits as news writes them, and as it does not."""
    form = fdp.ConsumeIntInRange(0, 6)
    n = fdp.ConsumeIntInRange(0, 10**15)
    if form == 0:
        return str(n)
    if form == 1:
        return f"{n:,}".replace(",", fdp.PickValueInList(GROUPS))
    if form == 2:
        return f"{n % 10**6}.{fdp.ConsumeIntInRange(0, 9999)}"
    if form == 3:
        sign = fdp.PickValueInList(["", "-", "+", "−"])
        return f"{n % 100}e{sign}{fdp.ConsumeIntInRange(0, 999)}"
    if form == 4:
        return f"{n % 1000}/{fdp.ConsumeIntInRange(1, 999)}"
    if form == 5:
        return f"{n % 100}{fdp.PickValueInList(FRACTIONS)}"
    return "9" * int(fdp.ConsumeIntInRange(10, 300))


def lexicon_text(data: bytes) -> str:
    """Tokens of our language data chosen by the bytes, each with a separator."""
    fdp = atheris.FuzzedDataProvider(data)
    parts: list[str] = []
    while fdp.remaining_bytes() and len(parts) < 400:
        kind = fdp.ConsumeIntInRange(0, 6)
        if kind == 0:
            token = fdp.PickValueInList(LEXICON_WORDS)
        elif kind == 1:
            token = fdp.PickValueInList(UNIT_SURFACES)
        elif kind == 2:
            token = fdp.PickValueInList(CONNECTORS)
        elif kind == 3:
            token = _number(fdp)
        elif kind == 4:
            token = fdp.PickValueInList(CURRENCIES + FRACTIONS)
        elif kind == 5:
            token = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(1, 4))
        else:
            token = fdp.PickValueInList(SEPARATORS)
        case = fdp.ConsumeIntInRange(0, 3)
        token = token.capitalize() if case == 2 else token.upper() if case == 3 else token
        parts.append(token + fdp.PickValueInList(SEPARATORS))
    return "".join(parts)


# -- the target -------------------------------------------------------------------------

MODES: list[dict[str, Any]] = [{}, {"include_nonfigures": True}, {"subjects": False}]
STATS: dict[str, Any] = {"inputs": 0, "texts": 0, "chars": 0, "claims": 0, "started": 0.0}
TIMING = Timing(DEFAULT_OUT)


def check_text(text: str, mode: str) -> None:
    """Extract ``text`` in the three modes, check each result and their agreement."""
    results = []
    for kwargs in MODES:
        claims, seconds = _timed(text, kwargs)
        check_claims(text, claims, subjects=kwargs.get("subjects", True))
        TIMING.observe(text, seconds, mode, kwargs)
        results.append(claims)
    default, everything, plain = results
    _require(default == [c for c in everything if c.is_figure], "figures differ", text)
    _require(
        [(c.start, c.end, c.quantity) for c in default if c.derived_from is None]
        == [(c.start, c.end, c.quantity) for c in plain],
        "subjects=False changes the figures",
        text,
    )
    STATS["texts"] += 1
    STATS["chars"] += len(text)
    STATS["claims"] += len(everything)


def TestOneInput(data: bytes) -> None:
    """One fuzz input: its raw text and its lexicon text."""
    check_text(data.decode("utf-8", errors="replace"), "raw")
    check_text(lexicon_text(data), "lexicon")
    STATS["inputs"] += 1
    if STATS["inputs"] % 2000 == 0:
        _write_stats()


def _write_stats() -> None:
    stats = dict(STATS)
    stats.update(
        seconds=round(time.time() - STATS["started"], 1),
        median_ms_per_kchar={m: round(v * 1000, 4) for m, v in TIMING.median.items()},
        growth_checks=TIMING.growth_checks,
        growth_seconds=round(TIMING.growth_seconds, 1),
        slow=TIMING.slow,
        superlinear=TIMING.superlinear,
        unconfirmed=TIMING.unconfirmed,
        worst_slow=TIMING.worst_slow,
        worst_growth=TIMING.worst_growth,
        known=KNOWN,
    )
    TIMING.out.mkdir(parents=True, exist_ok=True)
    (TIMING.out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n")
    print(f"== figtrack fuzz: {json.dumps(stats)}", flush=True)


# -- seeds ------------------------------------------------------------------------------


def seeds() -> list[bytes]:
    """Our own texts: the example files (in chunks of at most 4,000 bytes) and every golden
    example's text."""
    out: list[bytes] = []
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        chunk = b""
        for line in path.read_bytes().splitlines(keepends=True):
            if chunk and len(chunk) + len(line) > 4000:
                out.append(chunk)
                chunk = b""
            chunk += line[:4000]
        if chunk:
            out.append(chunk)
    for path in sorted((ROOT / "tests" / "golden").glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        for table in data.values():
            if isinstance(table, list):
                out.extend(
                    e["text"].encode()
                    for e in table
                    if isinstance(e, dict) and isinstance(e.get("text"), str)
                )
    return out


def seed_corpus(folder: Path) -> int:
    """Write `seeds` into ``folder`` (named by content, so rewriting changes nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    items = seeds()
    for data in items:
        name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
        if not (folder / name).exists():
            (folder / name).write_bytes(data)
    return len(items)


def main() -> None:
    argv = list(sys.argv)
    if "--growth" in argv:  # helper of clean_growth: FILE KWARGS_JSON
        i = argv.index("--growth")
        text = _read_text(Path(argv[i + 1]))
        print(growth_ratio(text, json.loads(argv[i + 2])))
        return
    if "--verify" in argv:
        verify(Path(argv[argv.index("--verify") + 1]))
        return
    if "--out" in argv:
        i = argv.index("--out")
        TIMING.out = Path(argv[i + 1])
        del argv[i : i + 2]
    dirs = [a for a in argv[1:] if not a.startswith("-") and Path(a).is_dir()]
    if dirs:
        print(f"== seeded {dirs[0]} with {seed_corpus(Path(dirs[0]))} texts of our own")
    STATS["started"] = time.time()
    atheris.Setup(argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
