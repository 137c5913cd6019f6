"""figtrack benchmarks: accuracy on peer suites and NewsQuant, throughput, adversarial inputs.

Usage::

    python benchmarks/evaluate.py [peers|newsquant|throughput|adversarial|all]
        [--quantulum/--no-quantulum] [--limit-mb X] [--q3-sample-kb N] [--repeat N]
        [--show-failures] [--json out.json]

Data comes from the shared folder (``FIGTRACK_SHARED`` or ``<repo>/../shared``). See README.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring

MB = 1_000_000  # bytes; all rates are in MB/s of UTF-8 text
ADV_SIZES_MB = (0.25, 0.5, 1.0)
MAX_SLOWDOWN = 10.0  # adversarial inputs may be at most this much slower than news
WARM_UP_TEXT = "Warm-up: sales rose 5% to $3.2 million, more than 40 stores in 2 years."

Row = Sequence[Any]


# -- output helpers ------------------------------------------------------------------------


def print_table(title: str, headers: Row, rows: Iterable[Row]) -> None:
    """Print a plain-text table with a title line."""
    body = [[str(c) for c in row] for row in rows]
    cells = [[str(h) for h in headers], *body]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    print(f"\n## {title}")
    for i, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if j == 0 else c.rjust(w)
                for j, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print("  ".join("-" * w for w in widths))


def frac(n: int, d: int) -> str:
    """``n/d (pct%)``."""
    return f"{n}/{d} ({100 * n / d:.1f}%)" if d else f"{n}/0"


# -- extractors ----------------------------------------------------------------------------


def figtrack_fn(include_nonfigures: bool = False) -> scoring.ExtractFn:
    """figtrack as an extract function returning ``to_dict()`` predictions."""
    import figtrack

    def extract(text: str) -> list[scoring.Pred]:
        claims = figtrack.extract(text, include_nonfigures=include_nonfigures)
        return [claim.to_dict() for claim in claims]

    return extract


def q3_to_dict(q: Any) -> scoring.Pred:
    """A quantulum3 Quantity in the ``to_dict()`` shape.

    A range is ``value +- uncertainty``. quantulum3 has no open/closed notion, so a range's
    closures are None and never equal an expected interval's; a point is ``[v, v]``.
    """
    unit = q.unit.name
    value = q.value
    low = high = value
    closed: bool | None = True
    if q.uncertainty:  # a range or a +- figure; quantulum3 says nothing about its closures
        low, high = round(value - q.uncertainty, 12), round(value + q.uncertainty, 12)
        closed = None
    entity = q.unit.entity.name
    kind = {"dimensionless": "number", "currency": "money"}.get(entity, "measure")
    if unit == "percentage":
        kind = "percent"
    return {
        "surface": q.surface,
        "start": q.span[0],
        "end": q.span[1],
        "value": value,
        "low": low,
        "high": high,
        "low_closed": closed,
        "high_closed": closed,
        "approximate": False,
        "qualifier": "range" if q.uncertainty else "eq",
        "trend": None,
        "kind": kind,
        "unit": None if unit == "dimensionless" else unit,
    }


def quantulum_parse() -> Callable[[str], list[Any]]:
    """``quantulum3.parser.parse``, with its missing-classifier warning silenced."""
    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser

    return parser.parse  # type: ignore[no-any-return]


def quantulum_fn() -> scoring.ExtractFn:
    """quantulum3 as an extract function."""
    parse = quantulum_parse()

    def extract(text: str) -> list[scoring.Pred]:
        return [q3_to_dict(q) for q in parse(text)]

    return extract


# -- peers -----------------------------------------------------------------------------------


def _include_nonfigures(suite: str) -> bool:
    return suite in scoring.NONFIGURE_SUITES


def run_peers(args: argparse.Namespace) -> dict[str, Any]:
    """Score figtrack (and quantulum3) on every peer suite and print the tables."""
    systems: dict[str, Callable[[bool], scoring.ExtractFn]] = {"figtrack": figtrack_fn}
    if args.quantulum:
        q3 = quantulum_fn()
        systems["quantulum3"] = lambda _nonfig: q3
    results: dict[str, Any] = {name: {} for name in systems}

    rows = []
    for suite in scoring.RANGE_SUITES + scoring.QUANTULUM_SUITES:
        cases = scoring.load_peer_suite(suite)
        scorer = (
            scoring.score_range_suite
            if suite in scoring.RANGE_SUITES
            else scoring.score_quantulum_suite
        )
        row: list[Any] = [suite, len(cases)]
        for name, make in systems.items():
            score = scorer(cases, make(_include_nonfigures(suite)))
            results[name][suite] = score.as_dict()
            row.append(frac(score.right, score.cases))
        if suite in scoring.QUANTULUM_SUITES:
            strict = scoring.score_quantulum_suite(cases, figtrack_fn(True), strict=True)
            results["figtrack"][suite + ":strict"] = strict.as_dict()
            row.append(frac(strict.right, strict.cases))
        else:
            row.append("")
        rows.append(row)
    print_table(
        "Peer suites: cases fully right",
        ["suite", "cases", *systems, "figtrack, non-figures as extra"],
        rows,
    )
    print(
        "  quantulum3 suites: a claim figtrack marks as a non-figure (year, identifier, ...)"
        " may match an\n  expected dimensionless quantity and is not extra otherwise; the last"
        " column counts it as extra."
    )

    rows = []
    for suite in scoring.VALUE_SUITES:
        cases = scoring.load_peer_suite(suite)
        for name, make in systems.items():
            vs = scoring.score_value_suite(cases, make(_include_nonfigures(suite)))
            results[name][suite] = vs.as_dict()
            rows.append(
                [
                    suite,
                    name,
                    vs.cases,
                    vs.expected,
                    frac(vs.found, vs.expected),
                    frac(vs.found_unit, vs.expected),
                    vs.extra,
                    frac(vs.right, vs.cases),
                ]
            )
    print_table(
        "Other Recognizers-Text suites (informational, value level)",
        ["suite", "system", "cases", "numbers", "found", "found+unit", "extra", "cases right"],
        rows,
    )
    print_errors(results["figtrack"])
    if args.show_failures:
        print_failures(results["figtrack"])
    return results


def print_errors(suite_results: dict[str, Any]) -> None:
    """List every peer case on which figtrack raised (always shown)."""
    for result in suite_results.values():
        for err in result.get("errors", []):
            print(f"  figtrack raised on {err['id']}: {err['error']}")


def print_failures(suite_results: dict[str, Any]) -> None:
    """List every failing figtrack case with its diff."""
    for suite, result in suite_results.items():
        if not result["failures"]:
            continue
        print(f"\n### figtrack failures in {suite} ({len(result['failures'])})")
        for failure in result["failures"]:
            print(f"  {failure['id']}: {failure['diff']}")


# -- NewsQuant -------------------------------------------------------------------------------


def run_newsquant(args: argparse.Namespace) -> dict[str, Any]:
    """CQE's metric on the NewsQuant dev split, beside CQE's published numbers."""
    sentences = scoring.load_newsquant()
    ours = figtrack_fn()
    cache = {s["text"]: scoring.safe_extract(ours, s["text"]) for s in sentences}

    def cached(text: str) -> list[scoring.Pred]:
        preds, error = cache[text]
        if error:
            raise RuntimeError(error)
        return preds

    errors: list[tuple[int, str]] = []
    results: dict[str, Any] = {
        "figtrack": _prf_dicts(
            scoring.score_newsquant(sentences, cached, errors=errors, concepts=True)
        ),
        "figtrack_strict": _prf_dicts(
            scoring.score_newsquant(sentences, cached, method="strict", concepts=True)
        ),
    }
    systems = [("figtrack (CQE metric)", results["figtrack"])]
    systems.append(("figtrack (one-to-one)", results["figtrack_strict"]))
    if args.quantulum:
        q3 = scoring.score_newsquant(
            sentences,
            quantulum_fn(),
            with_change=False,
            average_gold_ranges=True,
            unit_map=scoring.QUANTULUM3_NEWSQUANT_UNITS,
        )
        results["quantulum3"] = _prf_dicts(q3)
        systems.append(("quantulum3 (CQE metric)", results["quantulum3"]))
    rows = []
    for metric in scoring.CQE_PUBLISHED:
        row: list[Any] = [metric]
        for _, res in systems:
            row.append(_prf_cell(res.get(metric)))
        row.append("{:.1f}/{:.1f}/{:.1f}".format(*scoring.CQE_PUBLISHED[metric]))
        published_q3 = scoring.QUANTULUM3_PUBLISHED.get(metric)
        row.append("{:.1f}/{:.1f}/{:.1f}".format(*published_q3) if published_q3 else "-")
        rows.append(row)
    n_gold = sum(len(s["quantities"]) for s in sentences)
    print_table(
        f"NewsQuant dev ({len(sentences)} sentences, {n_gold} quantities): P/R/F1",
        ["metric", *(name for name, _ in systems), "CQE published*", "quantulum3 published*"],
        rows,
    )
    print("  * published on all 590 sentences (CQE paper / CQE_Evaluation); ours on the dev split")
    results["figtrack_errors"] = [{"sentence": i, "error": e} for i, e in errors]
    for index, error in errors:
        print(f"  figtrack raised on sentence {index}: {error}")
    return results


def _prf_dicts(scores: dict[str, scoring.PRF]) -> dict[str, Any]:
    return {metric: prf.as_dict() for metric, prf in scores.items()}


def _prf_cell(prf: dict[str, Any] | None) -> str:
    return "-" if prf is None else f"{prf['P']:.1f}/{prf['R']:.1f}/{prf['F1']:.1f}"


# -- throughput ------------------------------------------------------------------------------


def time_extract(
    extract: Callable[[str], Any], texts: Sequence[str], repeat: int = 1
) -> dict[str, Any]:
    """Seconds spent extracting from ``texts`` and the resulting MB/s.

    The time is the processor time of the fastest of ``repeat`` passes: other programs on
    the machine slow a pass down, never speed it up, so the fastest pass is the truest
    measure of the code (as `timeit` advises). A text on which ``extract`` raises is
    counted in ``errors`` (its time still counts).
    """
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    passes: list[float] = []
    for _ in range(max(1, repeat)):
        n_claims = 0
        errors: list[str] = []
        start = time.process_time()
        for text in texts:
            try:
                n_claims += len(extract(text))
            except Exception as exc:  # keep timing; report how many texts failed
                errors.append(f"{type(exc).__name__}: {exc}")
        passes.append(time.process_time() - start)
    seconds = min(passes)
    return {
        "texts": len(texts),
        "mb": round(n_bytes / MB, 3),
        "seconds": round(seconds, 3),
        "passes": [round(p, 3) for p in passes],
        "mb_per_s": round(n_bytes / MB / seconds, 4) if seconds else None,
        "claims": n_claims,
        "errors": len(errors),
        "first_errors": sorted(set(errors))[:5],
    }


def warmed_figtrack() -> Callable[[str], Any]:
    """``figtrack.extract``, called once so that building the default extractor is not timed."""
    import figtrack

    figtrack.extract(WARM_UP_TEXT)
    return figtrack.extract  # type: ignore[no-any-return]


def _limit(args: argparse.Namespace) -> int | None:
    return int(args.limit_mb * MB) if args.limit_mb else None


def _throughput_row(system: str, corpus: str, res: dict[str, Any]) -> list[Any]:
    return [
        system,
        corpus,
        res["texts"],
        f"{res['mb']:.2f}",
        f"{res['seconds']:.2f}",
        f"{res['mb_per_s']:.3f}",
        res["claims"],
        res["errors"],
    ]


def run_throughput(args: argparse.Namespace) -> dict[str, Any]:
    """MB/s on Reuters and BBC, and the figtrack/quantulum3 ratio on one Reuters sample."""
    extract = warmed_figtrack()

    def bare(text: str) -> Any:
        return extract(text, subjects=False)  # type: ignore[call-arg]

    results: dict[str, Any] = {}
    rows = []
    for corpus in ("reuters21578", "bbc_news"):
        texts = list(scoring.iter_corpus_texts(corpus, limit_bytes=_limit(args)))
        results[f"figtrack:{corpus}"] = res = time_extract(extract, texts, args.repeat)
        rows.append(_throughput_row("figtrack", corpus, res))
        results[f"figtrack-no-subjects:{corpus}"] = res = time_extract(bare, texts, args.repeat)
        rows.append(_throughput_row("figtrack, subjects off", corpus, res))

    sample = list(scoring.iter_corpus_texts("reuters21578", limit_bytes=args.q3_sample_kb * 1000))
    results["figtrack:reuters_sample"] = ours = time_extract(extract, sample, args.repeat)
    rows.append(_throughput_row("figtrack", "reuters sample", ours))
    if args.quantulum:
        parse = quantulum_parse()
        parse(WARM_UP_TEXT)
        results["quantulum3:reuters_sample"] = theirs = time_extract(parse, sample, args.repeat)
        rows.append(_throughput_row("quantulum3", "reuters sample", theirs))
        results["ratio_figtrack_over_quantulum3"] = round(ours["mb_per_s"] / theirs["mb_per_s"], 1)
    print_table(
        f"Throughput (one process, warm; processor seconds, fastest of {args.repeat} passes; "
        "MB = 10^6 bytes of UTF-8 text)",
        ["system", "corpus", "texts", "MB", "s", "MB/s", "claims", "errors"],
        rows,
    )
    for key, res in results.items():
        if isinstance(res, dict) and res["errors"]:
            print(f"  {key}: {res['errors']} texts raised, e.g. {res['first_errors'][:3]}")
    results["build"] = scoring.build()
    print(f"  figtrack build: {results['build']}")
    if "ratio_figtrack_over_quantulum3" in results:
        print(
            "  figtrack / quantulum3 speed on the same sample: "
            f"{results['ratio_figtrack_over_quantulum3']}x"
        )
    return results


# -- adversarial -----------------------------------------------------------------------------


def _joined(sep: str, n_bytes: int) -> str:
    parts: list[str] = []
    length, i = 0, 1
    while length < n_bytes:
        parts.append(str(i))
        length += len(parts[-1]) + len(sep)
        i += 1
    return sep.join(parts)


def adversarial_input(name: str, n_bytes: int) -> str:
    """One pathological input of about ``n_bytes`` (ASCII)."""
    if name == "digits_commas":
        rng = random.Random(20240601)
        return "".join(rng.choices("0123456789,", weights=[1] * 10 + [4], k=n_bytes))
    if name == "nested_brackets":
        depth = (n_bytes - 1) // 2
        return "(" * depth + "1" + ")" * depth
    if name == "repeated_qualifier":
        return "more than " * ((n_bytes - 1) // 10) + "5"
    if name == "to_chain":
        return _joined(" to ", n_bytes)
    if name == "dash_chain":
        return _joined("-", n_bytes)
    raise ValueError(name)


ADVERSARIAL = ("digits_commas", "nested_brackets", "repeated_qualifier", "to_chain", "dash_chain")


def _adv_child(conn: Any, extract: Callable[[str], Any], name: str, n_bytes: int) -> None:
    text = adversarial_input(name, n_bytes)
    start = time.perf_counter()
    n_claims = len(extract(text))
    conn.send((time.perf_counter() - start, n_claims, len(text.encode("utf-8"))))


def time_adversarial(
    extract: Callable[[str], Any], name: str, n_bytes: int, timeout: float
) -> tuple[float, int, int] | None:
    """(seconds, claims, bytes) for one input, in a forked child; None on timeout or crash."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_adv_child, args=(child, extract, name, n_bytes))
    proc.start()
    child.close()  # so that a crashed child shows up as end-of-file
    result: tuple[float, int, int] | None = None
    try:
        if parent.poll(timeout):
            result = parent.recv()
    except EOFError:
        print(f"  {name} at {n_bytes} bytes: the child process failed", file=sys.stderr)
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def news_rate(args: argparse.Namespace, previous: dict[str, Any] | None) -> float:
    """figtrack's Reuters MB/s from this run's throughput results, else from a 2 MB sample."""
    if previous and "figtrack:reuters21578" in previous:
        return float(previous["figtrack:reuters21578"]["mb_per_s"])
    limit = _limit(args) or 2 * MB
    texts = list(scoring.iter_corpus_texts("reuters21578", limit_bytes=limit))
    return float(time_extract(warmed_figtrack(), texts)["mb_per_s"])


def run_adversarial(args: argparse.Namespace, throughput: dict[str, Any] | None = None) -> Any:
    """Time pathological inputs at 0.25/0.5/1 MB; check linearity and the news-relative rate."""
    extract = warmed_figtrack()
    news = news_rate(args, throughput)
    results: dict[str, Any] = {"news_mb_per_s": news, "inputs": {}}
    rows = []
    for name in ADVERSARIAL:
        timings = {}
        for size in ADV_SIZES_MB:
            timings[size] = time_adversarial(extract, name, int(size * MB), args.adv_timeout)
        results["inputs"][name] = row_result = _adv_summary(timings, news)
        rows.append(
            [
                name,
                *(_adv_cell(timings[s]) for s in ADV_SIZES_MB),
                row_result["ratio_1mb_over_025mb"],
                row_result["slowdown_vs_news"],
                "ok" if row_result["ok"] else "FAIL",
            ]
        )
    print_table(
        f"Adversarial inputs (MB/s; news rate {news:.3f} MB/s; timeout {args.adv_timeout:g} s)",
        ["input", *(f"{s:g} MB" for s in ADV_SIZES_MB), "t(1)/t(.25)", "x slower", "verdict"],
        rows,
    )
    print(
        f"  linear scaling gives t(1)/t(.25) ~ 4; verdict ok when <= {MAX_SLOWDOWN:g}x slower "
        "than news at every size"
    )
    return results


def _adv_cell(timing: tuple[float, int, int] | None) -> str:
    if timing is None:
        return "timeout/error"
    seconds, _, n_bytes = timing
    return f"{n_bytes / MB / seconds:.3f}" if seconds else "inf"


def _adv_summary(
    timings: dict[float, tuple[float, int, int] | None], news: float
) -> dict[str, Any]:
    small, big = timings[ADV_SIZES_MB[0]], timings[ADV_SIZES_MB[-1]]
    ratio = round(big[0] / small[0], 2) if big and small and small[0] else None
    rates = [t[2] / MB / t[0] for t in timings.values() if t and t[0]]
    done = all(t is not None for t in timings.values())
    slowdown = round(news / min(rates), 2) if rates and done else None
    return {
        "timings": {str(size): t for size, t in timings.items()},
        "ratio_1mb_over_025mb": ratio,
        "slowdown_vs_news": slowdown,
        "ok": slowdown is not None and slowdown <= MAX_SLOWDOWN,
    }


# -- CLI -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=["peers", "newsquant", "throughput", "adversarial", "all"],
    )
    parser.add_argument(
        "--quantulum",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run quantulum3 for comparison (default: yes)",
    )
    parser.add_argument(
        "--limit-mb",
        type=float,
        default=None,
        help="read at most this many MB of each corpus (default: all)",
    )
    parser.add_argument(
        "--q3-sample-kb",
        type=int,
        default=300,
        help="size of the Reuters sample timed for both systems (default 300)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed passes over each throughput corpus; the fastest counts (default 3)",
    )
    parser.add_argument(
        "--adv-timeout",
        type=float,
        default=60.0,
        help="seconds allowed per adversarial input (default 60)",
    )
    parser.add_argument(
        "--show-failures",
        action="store_true",
        help="list figtrack's failing peer cases with a diff",
    )
    parser.add_argument("--json", type=Path, default=None, help="save all results to this file")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the requested benchmarks; return the exit status."""
    args = parse_args(argv)
    if scoring.shared_dir() is None:
        print("shared data folder not found: set FIGTRACK_SHARED", file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    if args.what in ("peers", "all"):
        results["peers"] = run_peers(args)
    if args.what in ("newsquant", "all"):
        results["newsquant"] = run_newsquant(args)
    if args.what in ("throughput", "all"):
        results["throughput"] = run_throughput(args)
    if args.what in ("adversarial", "all"):
        results["adversarial"] = run_adversarial(args, results.get("throughput"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nresults saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
