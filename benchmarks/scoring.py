"""Pure scoring functions for figtrack's accuracy benchmarks (no timing, no printing).

Everything here works on *prediction dicts* shaped like ``figtrack.Claim.to_dict()``
(keys ``value``, ``low``, ``high``, ``low_closed``, ``high_closed``, ``qualifier``, ``trend``,
``approximate``, ``kind``, ``unit``, ``surface``). An *extract function* maps a text to a list
of such dicts, so the same scorers serve figtrack and quantulum3 (see ``evaluate.py``).

The data sets are read at run time from the shared folder (``FIGTRACK_SHARED``, else
``<repo>/../shared``) and are never copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figtrack.model import FIGURE_KINDS

Pred = dict[str, Any]
Case = dict[str, Any]
ExtractFn = Callable[[str], list[Pred]]
Number = int | float

REPO_ROOT = Path(__file__).resolve().parent.parent

#: Relative and absolute tolerance for comparing numbers (peer suites).
REL_TOL = 1e-9
ABS_TOL = 1e-12
#: CQE's tolerance: ``np.isclose(a, b, rtol=1e-05, atol=1e-08)``.
CQE_RTOL = 1e-5
CQE_ATOL = 1e-8

RANGE_SUITES = ("recognizers_number_range_experimental", "recognizers_number_range")
QUANTULUM_SUITES = ("quantulum3_quantities", "quantulum3_ambiguity")
VALUE_SUITES = (
    "recognizers_number",
    "recognizers_number_experimental",
    "recognizers_percent",
    "recognizers_currency",
    "recognizers_dimension",
    "recognizers_age",
    "recognizers_temperature",
    "recognizers_ordinal",
)
#: Suites whose expected items are not figures (run with ``include_nonfigures=True``).
NONFIGURE_SUITES = frozenset(
    {"quantulum3_quantities", "quantulum3_ambiguity", "recognizers_ordinal"}
)

#: Kinds that quantulum3 would call "dimensionless".
DIMENSIONLESS_KINDS = frozenset({"count", "number", "year", "identifier", "ordinal", "score"})


# -- locating and loading data ---------------------------------------------------------------


def shared_dir() -> Path | None:
    """The shared data folder: ``$FIGTRACK_SHARED`` or ``<repo>/../shared``; None if absent."""
    env = os.environ.get("FIGTRACK_SHARED")
    path = Path(env) if env else REPO_ROOT.parent / "shared"
    return path if path.is_dir() else None


def documented_claim_keys() -> list[str]:
    """The keys of `Claim.to_dict()`, in the order of the "Keys" table of docs/json.md.

    >>> documented_claim_keys()[:3]
    ['surface', 'start', 'end']
    """
    lines = (REPO_ROOT / "docs" / "json.md").read_text("utf-8").splitlines()
    start = lines.index("## Keys")
    keys: list[str] = []
    for line in lines[start + 1 :]:
        if line.startswith("| `"):
            keys += re.findall(r"`(\w+)`", line.split("|")[1])
        elif keys:  # the table ended
            break
    return keys


def build(figures_module: str | None = None) -> str:
    """Which build of figtrack runs, "compiled (mypyc)" or "pure Python", and from where.

    ``figures_module`` is the file of ``figtrack.figures`` (by default the one imported here).
    Speed figures are quoted for the compiled build, which ``pip install .`` makes.
    """
    if figures_module is None:
        import figtrack.figures

        figures_module = figtrack.figures.__file__
    kind = "pure Python" if figures_module.endswith(".py") else "compiled (mypyc)"
    return f"{kind}, {Path(figures_module).parent}"


def _require_shared(shared: Path | None) -> Path:
    found = shared if shared is not None else shared_dir()
    if found is None:
        raise FileNotFoundError("shared data folder not found (set FIGTRACK_SHARED)")
    return found


def load_peer_suite(name: str, shared: Path | None = None) -> list[Case]:
    """The cases of one peer suite, e.g. ``load_peer_suite("quantulum3_quantities")``."""
    path = _require_shared(shared) / "datasets" / "peers" / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_newsquant(shared: Path | None = None) -> list[dict[str, Any]]:
    """The NewsQuant dev split: a list of ``{"text", "quantities": [...]}``."""
    path = _require_shared(shared) / "datasets" / "newsquant" / "formatted_test_set"
    with (path / "NewsQuant.dev.json").open(encoding="utf-8") as fh:
        data: list[dict[str, Any]] = json.load(fh)
    return data


def iter_corpus_texts(
    name: str, shared: Path | None = None, limit_bytes: int | None = None
) -> Iterator[str]:
    """Article texts of ``corpora/<name>.jsonl.gz``, stopping once ``limit_bytes`` are reached."""
    path = _require_shared(shared) / "corpora" / f"{name}.jsonl.gz"
    total = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit_bytes is not None and total >= limit_bytes:
                return
            text: str = json.loads(line)["text"]
            total += len(text.encode("utf-8"))
            yield text


# -- numbers -------------------------------------------------------------------------------


def num_close(a: Number | None, b: Number | None) -> bool:
    """Whether two optional numbers are equal up to a tiny tolerance (None only equals None)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def fmt_num(x: Number | None) -> str:
    """A compact rendering of a number for diffs."""
    if x is None:
        return "inf"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return f"{x:g}" if isinstance(x, float) else str(x)


# -- interval suites (Recognizers-Text NumberRange) -------------------------------------------

IntervalKey = tuple[Number | None, Number | None, bool | None, bool | None]


def expected_interval(item: dict[str, Any]) -> IntervalKey:
    """An expected item as (low, high, low_closed, high_closed); a point becomes [v, v]."""
    if item.get("low") is None and item.get("high") is None and item.get("value") is not None:
        return (item["value"], item["value"], True, True)
    return (item.get("low"), item.get("high"), item.get("low_closed"), item.get("high_closed"))


def predicted_interval(pred: Pred) -> IntervalKey:
    """A prediction as (low, high, low_closed, high_closed)."""
    return (pred.get("low"), pred.get("high"), pred.get("low_closed"), pred.get("high_closed"))


def intervals_equal(a: IntervalKey, b: IntervalKey) -> bool:
    """Equal bounds (with tolerance) and equal closures."""
    return num_close(a[0], b[0]) and num_close(a[1], b[1]) and a[2:] == b[2:]


def fmt_interval(iv: IntervalKey) -> str:
    """Interval notation, e.g. ``(10, inf)`` or ``[20, 30)``."""
    low, high, low_closed, high_closed = iv
    left = "(-inf" if low is None else ("[" if low_closed else "(") + fmt_num(low)
    right = "inf)" if high is None else fmt_num(high) + ("]" if high_closed else ")")
    return f"{left}, {right}"


@dataclass
class SuiteScore:
    """Outcome of one suite: how many cases were fully right, and why the others were not."""

    suite: str
    cases: int = 0
    right: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (case id, short diff)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (case id, exception)

    @property
    def fraction(self) -> float:
        """Share of cases fully right (0.0 for an empty suite)."""
        return self.right / self.cases if self.cases else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "suite": self.suite,
            "cases": self.cases,
            "right": self.right,
            "fraction": round(self.fraction, 4),
            "failures": [{"id": cid, "diff": diff} for cid, diff in self.failures],
            "errors": [{"id": cid, "error": err} for cid, err in self.errors],
        }


def match_items(
    expected: Sequence[Any], predicted: Sequence[Pred], same: Callable[[Any, Pred], bool]
) -> tuple[list[Any], list[Pred]]:
    """Greedy one-to-one matching; returns (unmatched expected, unmatched predicted)."""
    unused = list(predicted)
    missing = []
    for item in expected:
        hit = next((p for p in unused if same(item, p)), None)
        if hit is None:
            missing.append(item)
        else:
            unused.remove(hit)
    return missing, unused


def safe_extract(extract_fn: ExtractFn, text: str) -> tuple[list[Pred], str | None]:
    """``extract_fn(text)``, or no predictions and the error's repr when it raises."""
    try:
        return extract_fn(text), None
    except Exception as exc:  # a crash is scored as a failed case, not a failed run
        return [], f"{type(exc).__name__}: {exc}"


def _diff(missing: Iterable[str], extra: Iterable[str]) -> str:
    parts = [f"missing {m}" for m in missing] + [f"extra {e}" for e in extra]
    return "; ".join(parts)


def _pred_label(pred: Pred) -> str:
    return f"{pred.get('surface')!r}={fmt_interval(predicted_interval(pred))}"


def score_range_suite(cases: Iterable[Case], extract_fn: ExtractFn) -> SuiteScore:
    """Cases whose every expected interval is predicted exactly (bounds and closures), no extra."""
    cases = list(cases)
    score = SuiteScore(cases[0]["suite"] if cases else "")
    for case in cases:
        score.cases += 1
        wanted = [expected_interval(item) for item in case["expected"]]
        preds, error = safe_extract(extract_fn, case["text"])
        if error:
            score.errors.append((case["id"], error))
        missing, extra = match_items(
            wanted, preds, lambda w, p: intervals_equal(w, predicted_interval(p))
        )
        if not missing and not extra:
            score.right += 1
        else:
            diff = _diff((fmt_interval(m) for m in missing), (_pred_label(p) for p in extra))
            score.failures.append((case["id"], diff))
    return score


# -- quantulum3 suites ----------------------------------------------------------------------


_BARE_DIGITS = re.compile(r"[\d.,]+")


def quantulum_value_matches(item: dict[str, Any], pred: Pred) -> bool:
    """Value match: ranges compare low/high (closures ignored), points compare the value."""
    if item.get("low") is not None or item.get("high") is not None:
        return num_close(item.get("low"), pred.get("low")) and num_close(
            item.get("high"), pred.get("high")
        )
    return pred.get("value") is not None and num_close(item.get("value"), pred.get("value"))


def quantulum_unit_matches(item: dict[str, Any], pred: Pred) -> bool:
    """Case-insensitive unit match; "dimensionless" matches counts, bare numbers, years, ids,
    and bare digits whose unit figtrack read from the context (an age: "He will be 30 by
    ..."; a level after a change: "to close at 7,610.2"): quantulum3 reads only a unit written
    with the number."""
    want = (item.get("unit") or "dimensionless").lower()
    if want == "dimensionless":
        return (
            pred.get("kind") in DIMENSIONLESS_KINDS
            or (pred.get("unit") or "") == "dimensionless"
            or _BARE_DIGITS.fullmatch(str(pred.get("surface") or "")) is not None
        )
    return (pred.get("unit") or "").lower() == want


#: a fraction's word, or the link of a ratio ("two-thirds", "one in five", "three out of four")
_FRACTION_WRITTEN = re.compile(
    r"(?<![^\W\d_])(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?"
    r"|ninths?|tenths?)(?![^\W\d_])|\s(?:in|out\s+of)\s(?:every\s)?",
    re.IGNORECASE,
)


def share_as_fraction(item: dict[str, Any], pred: Pred) -> Pred | None:
    """A share figtrack states as a percentage but the text writes as a fraction ("two
    thirds of the cake", "one in five"), as the dimensionless fraction quantulum3 and
    Recognizers-Text report (a hundredth of it), when ``item`` expects a dimensionless
    number; else None. A share written as a percentage ("20%", "5pc") never becomes one."""
    want = (item.get("unit") or "dimensionless").lower()
    surface = str(pred.get("surface") or "")
    if (
        want != "dimensionless"
        or pred.get("unit") != "percentage"
        or "%" in surface
        or not _FRACTION_WRITTEN.search(surface)
    ):
        return None
    hundredth = {
        k: None if pred.get(k) is None else pred[k] / 100 for k in ("value", "low", "high")
    }
    return {**pred, **hundredth, "unit": "dimensionless"}


def _item_label(item: dict[str, Any]) -> str:
    if item.get("low") is not None or item.get("high") is not None:
        number = f"{fmt_num(item.get('low'))}..{fmt_num(item.get('high'))}"
    else:
        number = fmt_num(item.get("value"))
    return f"{item.get('surface')!r}={number} {item.get('unit')}"


def _pred_value_label(pred: Pred) -> str:
    value = pred.get("value")
    if value is None:
        number = f"{fmt_num(pred.get('low'))}..{fmt_num(pred.get('high'))}"
    else:
        number = fmt_num(value)
    return f"{pred.get('surface')!r}={number} {pred.get('unit')} ({pred.get('kind')})"


def score_quantulum_suite(
    cases: Iterable[Case], extract_fn: ExtractFn, strict: bool = False
) -> SuiteScore:
    """Cases whose every expected quantity is found on value and unit, with no extra claim.

    Run ``extract_fn`` with ``include_nonfigures=True``: quantulum3 reports some years and
    identifiers as dimensionless quantities (a year, the number in a probe's name) and
    leaves others out (a fiscal year, a label, an ordinal, a time of day), so a claim
    figtrack itself marks as a non-figure may satisfy an expected quantity but is not
    counted as extra when nothing expects it. With ``strict`` every unmatched claim counts as extra.
    """
    cases = list(cases)
    score = SuiteScore(cases[0]["suite"] if cases else "")
    for case in cases:
        score.cases += 1
        preds, error = safe_extract(extract_fn, case["text"])
        if error:
            score.errors.append((case["id"], error))
        missing, extra = match_items(
            case["expected"],
            preds,
            lambda w, p: (
                (quantulum_value_matches(w, p) and quantulum_unit_matches(w, p))
                or (
                    (as_fraction := share_as_fraction(w, p)) is not None
                    and quantulum_value_matches(w, as_fraction)
                )
            ),
        )
        if not strict:
            extra = [p for p in extra if p.get("kind") in FIGURE_KINDS]
        if not missing and not extra:
            score.right += 1
        else:
            diff = _diff(map(_item_label, missing), map(_pred_value_label, extra))
            score.failures.append((case["id"], diff))
    return score


# -- other Recognizers-Text suites: value-level, informational --------------------------------

#: Recognizers-Text unit names (lower-cased) -> accepted quantulum3-style unit names.
RECOGNIZERS_UNITS: dict[str, tuple[str, ...]] = {
    "%": ("percentage",),
    "c": ("degree celsius",),
    "f": ("degree fahrenheit",),
    "degree": ("degree angle", "degree celsius", "degree fahrenheit"),
    "dollar": ("dollar", "united states dollar"),
    "united states dollar": ("dollar", "united states dollar"),
    "pound": ("pound sterling", "pound-mass"),
    "british pound": ("pound sterling",),
    "pence": ("penny",),
    "franc": ("swiss franc", "franc"),
    "rupee": ("indian rupee", "rupee"),
    "meter": ("metre",),
    "kilometer": ("kilometre",),
    "millimeter": ("millimetre",),
    "decimeter": ("decimetre",),
    "picometer": ("picometre",),
    "milliliter": ("millilitre", "cubic centimetre"),
    "square meter": ("square metre",),
    "square kilometer": ("square kilometre",),
    "kilometer per hour": ("kilometre per hour",),
    "meter per millisecond": ("metre per millisecond",),
    "centimeter per millisecond": ("centimetre per millisecond",),
    "kilometer per millisecond": ("kilometre per millisecond",),
    "metric ton": ("tonne", "metric ton"),
    "ton": ("ton", "short ton", "tonne"),
    "degree angle": ("degree angle",),
}


def normalize_recognizers_unit(unit: str) -> tuple[str, ...]:
    """Names a Recognizers-Text unit may have in figtrack/quantulum3 (lower-cased)."""
    key = unit.strip().lower()
    return RECOGNIZERS_UNITS.get(key, (key,))


@dataclass
class ValueScore:
    """Value-level counts for one suite (informational)."""

    suite: str
    cases: int = 0
    expected: int = 0  # expected items that carry a number
    skipped: int = 0  # expected items without a number (unit-only mentions, relative ordinals)
    found: int = 0  # expected numbers found among the predictions
    found_unit: int = 0  # ... with a compatible unit
    extra: int = 0  # predictions matching no expected number
    right: int = 0  # cases with every number found (value+unit) and nothing extra
    failures: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (case id, exception)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        counts = {k: v for k, v in self.__dict__.items() if k not in ("failures", "errors")}
        return counts | {
            "failures": [{"id": cid, "diff": diff} for cid, diff in self.failures],
            "errors": [{"id": cid, "error": err} for cid, err in self.errors],
        }


def _value_of(pred: Pred) -> Number | None:
    for key in ("value", "low", "high"):
        if pred.get(key) is not None:
            return pred[key]  # type: ignore[no-any-return]
    return None


def _unit_ok(item: dict[str, Any], pred: Pred) -> bool:
    if item.get("unit") is None:
        return True
    return (pred.get("unit") or "").lower() in normalize_recognizers_unit(item["unit"])


def score_value_suite(cases: Iterable[Case], extract_fn: ExtractFn) -> ValueScore:
    """Expected numbers found (and with unit), extra predictions, and fully-right cases."""
    cases = list(cases)
    score = ValueScore(cases[0]["suite"] if cases else "")
    for case in cases:
        score.cases += 1
        items = [item for item in case["expected"] if item.get("value") is not None]
        score.skipped += len(case["expected"]) - len(items)
        score.expected += len(items)
        preds, error = safe_extract(extract_fn, case["text"])
        if error:
            score.errors.append((case["id"], error))

        def value_ok(w: dict[str, Any], p: Pred) -> bool:
            fraction = share_as_fraction(w, p)  # "one in two": 0.5, not 50%
            return num_close(w["value"], _value_of(p if fraction is None else fraction))

        missing, extra = match_items(items, preds, value_ok)
        score.found += len(items) - len(missing)
        score.extra += len(extra)
        no_unit, extra_u = match_items(items, preds, lambda w, p: value_ok(w, p) and _unit_ok(w, p))
        score.found_unit += len(items) - len(no_unit)
        if not no_unit and not extra_u:
            score.right += 1
        else:
            diff = _diff(map(_item_label, no_unit), map(_pred_value_label, extra_u))
            score.failures.append((case["id"], diff))
    return score


# -- NewsQuant, scored the way CQE does ---------------------------------------------------------

#: Our (quantulum3-style) unit names, lower-cased -> NewsQuant ``normalized_unit`` names.
#: Spelling synonyms only; built from the label vocabulary, not per sentence.
NEWSQUANT_UNITS: dict[str, str] = {
    "dimensionless": "-",
    "united states dollar": "dollar",
    "us dollar": "dollar",
    "per cent": "percentage",
    "percent": "percentage",
    "percentage point": "point",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree angle": "degree",
    "tonne": "metric ton",
    "revolution per minute": "revolutions per minute",
    "kilowatt-hour": "kilowatt hour",
    "gigawatt-hour": "gigawatt hour",
    "milliampere hour": "milliampere-hour",
    "pound-force foot": "pound-foot",
    "foot-pound": "foot pound-force",
    "yuan": "chinese yuan",
    "renminbi": "chinese yuan",
    "yen": "japanese yen",
    "israeli new shekel": "shekel",  # the currency's ISO name; NewsQuant writes "shekel"
    "person": "people",
    "cubic centimetre": "millilitre",  # quantulum3's name for "ml"; the same unit
    "parts-per-million": "part per million",
    # NewsQuant's vocabulary has no pence: it labels "164p" share prices "point"
    "penny": "point",
    # and a multiplier ("four times the number") a "count"
    "time": "count",
}

#: Extra names for quantulum3's output only (its usual misreadings, as CQE maps them).
QUANTULUM3_NEWSQUANT_UNITS: dict[str, str] = NEWSQUANT_UNITS | {
    "unk": "-",
    "minute of arc": "minute",
    "second of arc": "second",
    "percentage drop": "percentage",
}

Gold = Number | tuple[float, float]

_NUM = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_GOLD_RANGE = re.compile(rf"^\s*({_NUM})\s*-\s*({_NUM})\s*$")


def parse_gold_value(raw: str, average_ranges: bool = False) -> Gold:
    """A NewsQuant value string: ``"12.5"``, ``"-1.3"``, ``"1.99E-29"`` or a range ``"lo-hi"``.

    >>> parse_gold_value("252.0-287.0")
    (252.0, 287.0)
    >>> parse_gold_value("-1.3"), parse_gold_value("2.998E-08")
    (-1.3, 2.998e-08)
    """
    match = _GOLD_RANGE.match(raw)
    if match is None:
        return float(raw)
    low, high = float(match.group(1)), float(match.group(2))
    return (low + high) / 2 if average_ranges else (low, high)


def pred_gold_value(pred: Pred) -> Gold | None:
    """A prediction's value in CQE's terms: a number, or (low, high) for a two-sided range."""
    if pred.get("value") is not None:
        return float(pred["value"])
    low, high = pred.get("low"), pred.get("high")
    if low is not None and high is not None:
        return (float(low), float(high))
    bound = low if low is not None else high
    return None if bound is None else float(bound)


def _cqe_close(a: float, b: float) -> bool:
    return abs(a - b) <= CQE_ATOL + CQE_RTOL * abs(b)  # np.isclose(gold, model)


def cqe_values_match(gold: Gold | None, pred: Gold | None) -> bool:
    """CQE's ``values_match``: numbers close, or two ranges with both ends close.

    Our ranges are always ``low <= high``; three gold ranges are written high-low (a fall
    "from 4.8 to 4.7"), so ranges are compared as unordered pairs.
    """
    if gold is None or pred is None:
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return _cqe_close(min(gold), pred[0]) and _cqe_close(max(gold), pred[1])
    if isinstance(gold, tuple) or isinstance(pred, tuple):
        return False
    return _cqe_close(gold, pred)


def newsquant_unit(pred: Pred, unit_map: dict[str, str] | None = None) -> str:
    """Our unit mapped onto NewsQuant's ``normalized_unit`` vocabulary ("-" when none)."""
    unit = (pred.get("unit") or "").strip().lower()
    if not unit:
        return "-"
    table = NEWSQUANT_UNITS if unit_map is None else unit_map
    if unit not in table and " per " in unit:  # "time per minute": each side mapped
        head, per = unit.split(" per ", 1)
        return f"{table.get(head, head)} per {table.get(per, per)}"
    return table.get(unit, unit)


def newsquant_change(pred: Pred) -> str:
    """Our qualifier/trend/approximation as one of NewsQuant's change symbols."""
    qualifier = pred.get("qualifier")
    if qualifier in ("gt", "ge"):
        return ">"
    if qualifier == "range":
        # NewsQuant writes a hedged range ("about 1800 - 2200") as "~", every other range,
        # vague magnitudes ("thousands", no digits) included, as "="
        surface = str(pred.get("surface") or "")
        hedged = pred.get("approximate") and any(ch.isdigit() for ch in surface)
        return "~" if hedged else "="
    if pred.get("approximate"):
        return "~"  # "up about 19 per cent" is "~" in NewsQuant
    if pred.get("trend") in ("up", "down"):
        return str(pred["trend"])
    if qualifier in ("lt", "le"):
        return "<"
    return "="


#: Words CQE's gold concepts (nearly) never hold: determiners, pronouns, prepositions,
#: conjunctions and the possessive ("and", "in" and "the" occur once each in the dev split).
_CONCEPT_DROP = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "that",
        "of",
        "to",
        "with",
        "from",
        "in",
        "for",
        "at",
        "on",
        "by",
        "and",
        "or",
        "'s",
        "’s",
    ]
)
_CONCEPT_SPLIT = re.compile(r"[,\s]+")


def _concept_words(phrase: str) -> list[str]:
    words = []
    for raw in _CONCEPT_SPLIT.split(phrase):
        w = raw.strip(".;:()[]\"“”'’").removesuffix("'s").removesuffix("’s")
        if "." in w and w.replace(".", "").isalpha():
            w = w.replace(".", "")  # "U.S": NewsQuant's concepts are written "US"
        if w and w.lower() not in _CONCEPT_DROP:
            words.append(w)
    return words


def newsquant_concepts(pred: Pred) -> list[str]:
    """Our subject and holder as CQE's ``referred_concepts`` tokens.

    NewsQuant names what a figure is *of*: for a count that is the holder (the counted
    noun is its unit), for a sum, share or measure the subject and then the holder. Its
    concepts are words of the sentence, so a subject figtrack named from another word
    ("90 miles wide" -> width, "earned $4m" -> earnings), which has no offsets, is left out.
    """
    stated = pred.get("subject_start") is not None
    phrases = [] if pred.get("kind") == "count" or not stated else [pred.get("subject")]
    if (sized := _sized_count(pred)) is not None:
        phrases.append(sized[1])  # "eight-valve motors": motors, of eight valves
    phrases.append(pred.get("holder"))
    words = [w for p in phrases if p for w in _concept_words(str(p))]
    return words or ["-"]


def newsquant_count_unit(pred: Pred) -> str | None:
    """A count's unit as NewsQuant names it: its counted phrase, each word's singular.

    NewsQuant's count units are lemmatised noun phrases ("kidney transplants" -> "kidney
    transplant"); our ``unit`` is the head alone and ``subject`` holds the phrase.
    """
    subject = pred.get("subject")
    if pred.get("kind") != "count" or not subject:
        return None
    if (sized := _sized_count(pred)) is not None:
        subject = sized[0]
    words = [w.lower() for w in _concept_words(str(subject))]
    if not words:
        return None
    phrase = " ".join(_LEMMAS.get(w) or _singular(w) for w in words)
    phrase = NEWSQUANT_UNITS.get(phrase, phrase)
    unit = str(pred.get("unit") or "")
    if " per " in unit:  # a rate: "400 tests a day" is "test per day"
        phrase += " per " + unit.split(" per ", 1)[1]
    return phrase


def _sized_count(pred: Pred) -> tuple[str, str] | None:
    """For a count inside a hyphened word that sizes a noun ("an eight-valve motor"), the
    counted word and the sized noun phrase ("valve", "motor"), as NewsQuant splits
    them into unit and concept; else None."""
    first, _, rest = str(pred.get("subject") or "").partition(" ")
    unit = str(pred.get("unit") or "")
    if not rest or "-" not in first or not unit:
        return None
    counted = first.rsplit("-", 1)[1]
    if counted.lower() != unit and _singular(counted.lower()) != unit:
        return None
    return counted, rest


#: NewsQuant's units are spaCy lemmas, which turn an irregular superlative into its base
#: adjective ("one of the best screens" is counted in "good screen").
_LEMMAS = {"best": "good", "worst": "bad"}


def _singular(word: str) -> str:
    from figtrack.extract import default_extractor
    from figtrack.figures import singular

    return singular(word, default_extractor().lexicon)


@dataclass(frozen=True)
class Tagged:
    """One quantity as CQE's scorer sees it."""

    value: Gold | None
    unit: str
    change: str | None
    concepts: tuple[str, ...] = ()


def gold_tags(sentence: dict[str, Any], average_ranges: bool = False) -> list[Tagged]:
    """The gold quantities of one NewsQuant sentence."""
    return [
        Tagged(
            parse_gold_value(q["value"], average_ranges),
            q["normalized_unit"].lower(),
            q["change"],
            tuple(_CONCEPT_SPLIT.split(q["referred_concepts"])),
        )
        for q in sentence["quantities"]
    ]


def pred_tags(
    preds: Iterable[Pred], with_change: bool = True, unit_map: dict[str, str] | None = None
) -> list[Tagged]:
    """Predictions as CQE's scorer sees them (a share written as a fraction as
    `newsquant_share` writes it)."""
    out = []
    for p in preds:
        share = newsquant_share(p) if unit_map is None else None
        if share is not None:
            p = share[0]
        out.append(
            Tagged(
                pred_gold_value(p),
                (share[1] if share is not None else None)
                or (unit_map is None and newsquant_count_unit(p))
                or newsquant_unit(p, unit_map),
                newsquant_change(p) if with_change else None,
                tuple(newsquant_concepts(p)),
            )
        )
    return out


def newsquant_share(pred: Pred) -> tuple[Pred, str] | None:
    """A share figtrack states as a percentage that the text writes as a fraction ("One out
    of three Germans", "a third of the population"), as NewsQuant writes it: the fraction
    as the value, the unit "%" and the counted phrase ("% germans"), no concept; else None."""
    fraction = share_as_fraction({"unit": None}, pred)
    if fraction is None:
        return None
    counted = newsquant_count_unit({**fraction, "kind": "count"})
    unit = "%" if counted is None else f"% {counted}"
    return {**fraction, "kind": "count", "subject": None}, unit


@dataclass
class PRF:
    """Micro precision/recall/F1 from counts."""

    correct: int
    gold: int
    predicted: int

    @property
    def precision(self) -> float:
        """correct / #predicted."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """correct / #gold."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, percentages rounded to 0.1 as CQE prints them."""
        return {
            "correct": self.correct,
            "gold": self.gold,
            "predicted": self.predicted,
            "P": round(100 * self.precision, 1),
            "R": round(100 * self.recall, 1),
            "F1": round(100 * self.f1, 1),
        }


@dataclass
class _Counts:
    value: int = 0
    unit: int = 0
    change: int = 0
    concept_partial: int = 0
    concept_complete: int = 0


def concepts_match(gold: Sequence[str], pred: Sequence[str]) -> tuple[bool, bool]:
    """CQE's ``concepts_match``: (complete, partial), case-insensitive token sets."""
    g = [w.lower() for w in gold]
    p = [w.lower() for w in pred]
    common = set(g) & set(p)
    return len(common) == len(g) == len(p), bool(common)


def _cqe_sentence(gold: list[Tagged], preds: list[Tagged], counts: _Counts) -> None:
    """CQE's ``calculate_metrics`` loop for one sentence (evaluate_models.py, CQE_Evaluation).

    Both lists are sorted by unit; for each gold quantity every remaining prediction with a
    matching value earns a value point (at most #gold per sentence) and a change point when
    the change agrees; the first one whose unit also agrees earns a unit point and is used up.
    """
    tags = sorted(preds, key=lambda t: t.unit)
    value_credit = len(gold)
    for g in sorted(gold, key=lambda t: t.unit):
        for t in list(tags):
            if not cqe_values_match(g.value, t.value):
                continue
            if value_credit > 0:
                counts.value += 1
                value_credit -= 1
            if t.change is not None and t.change == g.change:
                counts.change += 1
            complete, partial = concepts_match(g.concepts, t.concepts)
            counts.concept_complete += complete
            counts.concept_partial += partial
            if t.unit == g.unit:
                counts.unit += 1
                tags.remove(t)
                break


def _strict_sentence(gold: list[Tagged], preds: list[Tagged], counts: _Counts) -> None:
    """One-to-one variant: each gold takes one unused value-matching prediction, preferring
    one with the same unit, then the same change."""
    unused = list(preds)
    for g in gold:
        candidates = [t for t in unused if cqe_values_match(g.value, t.value)]
        if not candidates:
            continue
        best = max(candidates, key=lambda t: (t.unit == g.unit, t.change == g.change))
        unused.remove(best)
        counts.value += 1
        counts.unit += best.unit == g.unit
        counts.change += best.change is not None and best.change == g.change
        complete, partial = concepts_match(g.concepts, best.concepts)
        counts.concept_complete += complete
        counts.concept_partial += partial


def score_newsquant(
    sentences: Sequence[dict[str, Any]],
    extract_fn: ExtractFn,
    *,
    method: str = "cqe",
    with_change: bool = True,
    average_gold_ranges: bool = False,
    unit_map: dict[str, str] | None = None,
    errors: list[tuple[int, str]] | None = None,
    concepts: bool = False,
) -> dict[str, PRF]:
    """Micro P/R/F1 for ``value``, ``value+unit`` and (``with_change``) ``value+change``.

    ``method="cqe"`` reproduces CQE's scorer; ``method="strict"`` matches one-to-one.
    ``average_gold_ranges`` turns gold ranges into midpoints, as CQE does for quantulum3;
    ``unit_map`` replaces ``NEWSQUANT_UNITS`` (e.g. ``QUANTULUM3_NEWSQUANT_UNITS``).
    A sentence whose extraction raises counts as no predictions; pass a list as ``errors``
    to collect (sentence index, exception) pairs.
    """
    scorer = {"cqe": _cqe_sentence, "strict": _strict_sentence}[method]
    counts = _Counts()
    n_gold = n_pred = 0
    for index, sentence in enumerate(sentences):
        gold = gold_tags(sentence, average_gold_ranges)
        raw, error = safe_extract(extract_fn, sentence["text"])
        if error and errors is not None:
            errors.append((index, error))
        preds = pred_tags(raw, with_change, unit_map)
        n_gold += len(gold)
        n_pred += len(preds)
        scorer(gold, preds, counts)
    result = {
        "value": PRF(counts.value, n_gold, n_pred),
        "value+unit": PRF(counts.unit, n_gold, n_pred),
    }
    if with_change:
        result["value+change"] = PRF(counts.change, n_gold, n_pred)
    if concepts:
        result["value+concept partial"] = PRF(counts.concept_partial, n_gold, n_pred)
        result["value+concept complete"] = PRF(counts.concept_complete, n_gold, n_pred)
    return result


#: CQE's published NewsQuant scores (P, R, F1) on all 590 sentences (README of the data).
CQE_PUBLISHED: dict[str, tuple[float, float, float]] = {
    "value": (92.0, 91.9, 92.0),
    "value+unit": (85.6, 85.5, 85.6),
    "value+change": (88.2, 88.1, 88.1),
    "value+concept partial": (76.2, 76.1, 76.1),
    "value+concept complete": (57.0, 57.0, 57.0),
}
#: quantulum3 as scored in the CQE paper (value, value+unit only).
QUANTULUM3_PUBLISHED: dict[str, tuple[float, float, float]] = {
    "value": (65.0, 83.3, 73.0),
    "value+unit": (42.1, 53.9, 47.2),
}
