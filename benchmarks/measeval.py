"""MeasEval (SemEval-2021 Task 8) measured entities: how well figtrack's subjects find them.

Usage::

    python benchmarks/measeval.py [--split train|trial|all] [--show N] [--seed S]

The metric, "measured-entity overlap F1 for the quantities we find":

1. Each gold Quantity span is matched to at most one claim whose ``[start, end)`` overlaps
   it, largest character overlap first (one-to-one). Matched / gold is the quantity recall.
2. For a matched pair whose gold set has a MeasuredEntity, the predicted entity span is the
   claim's measured entity (variant ``entity``): its ``(subject_start, subject_end)``, or
   its holder when the subject is a property of it. MeasEval annotates the thing measured
   apart from the property measured ("the temperature of the lake": property
   "temperature", entity "the lake"); a figtrack subject that is a property ("depth",
   "temperature", see ``property_names``) or a symbol before "=" ("n = 12") is held by
   the thing measured ("the Tuvo quake struck at a depth of 10 km": holder "the Tuvo quake"; "the
   samples (n = 12)": holder "the samples"). The holder string is located in the
   claim's sentence, the occurrence nearest the figure. Without a span there is no
   prediction. MeasEval's entity spans leave a leading determiner out (of the gold
   entities in train+trial, 411 follow "the", "a", "these" or the like and 11 take it in),
   while a figtrack subject keeps it as a reader names the thing ("the samples"); so the
   ``entity`` span starts after a leading determiner (``DETERMINERS``) when words follow.
3. Tokens are the word characters (``\\w+``) of each span with their document positions; a
   token counts as overlapping when it lies inside the other span. Per pair: token P/R/F1
   (0 without a prediction). The headline is the mean per-pair F1; micro P/R/F1 sum the
   token counts over pairs; a pair is an exact match when both spans hold the same tokens.

Variants ``subject`` (the headline before session 38: the subject's offsets only) and
``subject+holder`` (the holder when the subject has no offsets) are informational.

Data comes from ``datasets/measeval`` in the shared folder (``FIGTRACK_SHARED`` or
``<repo>/../shared``) and is only read at run time; nothing from it is stored here.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring

SPLITS = ("train", "trial")
VARIANTS = ("entity", "subject", "subject+holder")
HEADLINE = "entity"

Offsets = tuple[int, int]

_TOKEN = re.compile(r"\w+")
_FALLBACK_TOKEN = re.compile(r"\S+")


# -- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuantity:
    """One annotated quantity: its span and its measured entity's span (None if absent)."""

    quantity: Offsets
    entity: Offsets | None


@dataclass(frozen=True)
class Paragraph:
    """One MeasEval paragraph with its gold quantities."""

    doc_id: str
    text: str
    quantities: tuple[GoldQuantity, ...]


def measeval_dir(shared: Path | None = None) -> Path:
    """``datasets/measeval`` in the shared folder (FileNotFoundError when absent)."""
    return scoring._require_shared(shared) / "datasets" / "measeval"


def _read_tsv(path: Path, text: str) -> tuple[GoldQuantity, ...]:
    sets: dict[str, dict[str, Offsets]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)  # header
        for row in reader:
            if len(row) < 7:
                continue
            _doc, annot_set, annot_type, start, end, _id, span_text = row[:7]
            offsets = (int(start), int(end))
            if text[offsets[0] : offsets[1]] != span_text:
                raise ValueError(f"{path.name}: span {offsets} does not match its text")
            sets.setdefault(annot_set, {})[annot_type] = offsets
    return tuple(
        GoldQuantity(spans["Quantity"], spans.get("MeasuredEntity"))
        for spans in sets.values()
        if "Quantity" in spans
    )


def load_measeval(split: str = "all", shared: Path | None = None) -> list[Paragraph]:
    """The paragraphs of ``split`` ("train", "trial" or "all"), each with its gold quantities."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown split {split!r}")
    root = measeval_dir(shared)
    paragraphs = []
    for name in SPLITS if split == "all" else (split,):
        for txt in sorted((root / name / "text").glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            tsv = root / name / "tsv" / f"{txt.stem}.tsv"
            quantities = _read_tsv(tsv, text) if tsv.exists() else ()
            paragraphs.append(Paragraph(txt.stem, text, quantities))
    return paragraphs


# -- matching and token overlap ----------------------------------------------------------------


def _overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_quantities(gold: Sequence[Offsets], preds: Sequence[scoring.Pred]) -> dict[int, int]:
    """Gold index -> prediction index, one-to-one, largest character overlap first."""
    candidates = sorted(
        (-size, g, p)
        for g, span in enumerate(gold)
        for p, pred in enumerate(preds)
        if (size := _overlap(span, (pred["start"], pred["end"]))) > 0
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in candidates:
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


def span_tokens(text: str, span: Offsets) -> list[Offsets]:
    """The word tokens of ``text[start:end]`` as document offsets (any non-space run if none)."""
    start, end = span
    chunk = text[start:end]
    found = list(_TOKEN.finditer(chunk)) or list(_FALLBACK_TOKEN.finditer(chunk))
    return [(start + m.start(), start + m.end()) for m in found]


def _inside(token: Offsets, span: Offsets) -> bool:
    return span[0] <= token[0] and token[1] <= span[1]


@dataclass(frozen=True)
class Overlap:
    """Token counts of one gold/predicted span pair."""

    gold: int  # gold tokens
    predicted: int  # predicted tokens
    gold_hit: int  # gold tokens inside the predicted span
    predicted_hit: int  # predicted tokens inside the gold span

    @property
    def precision(self) -> float:
        """Share of predicted tokens inside the gold span."""
        return self.predicted_hit / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold tokens inside the predicted span."""
        return self.gold_hit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of token precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact(self) -> bool:
        """Both spans hold the same tokens."""
        return (
            self.predicted > 0
            and self.gold_hit == self.gold
            and self.predicted_hit == self.predicted
        )


def token_overlap(text: str, gold: Offsets, pred: Offsets | None) -> Overlap:
    """Positional token overlap of a gold span and a predicted span (None: no prediction)."""
    gold_tokens = span_tokens(text, gold)
    if pred is None:
        return Overlap(len(gold_tokens), 0, 0, 0)
    pred_tokens = span_tokens(text, pred)
    return Overlap(
        len(gold_tokens),
        len(pred_tokens),
        sum(_inside(t, pred) for t in gold_tokens),
        sum(_inside(t, gold) for t in pred_tokens),
    )


# -- predicted entity spans ------------------------------------------------------------------


def subject_span(pred: scoring.Pred) -> Offsets | None:
    """The claim's subject offsets, or None when the subject is absent or not verbatim."""
    start, end = pred.get("subject_start"), pred.get("subject_end")
    return None if start is None or end is None else (int(start), int(end))


def holder_span(pred: scoring.Pred, text: str) -> Offsets | None:
    """The occurrence of ``holder`` in the claim's sentence nearest the figure, or None."""
    holder = pred.get("holder")
    if not holder:
        return None
    sentence_start = int(pred.get("sentence_start") or 0)
    sentence_end = sentence_start + len(pred.get("sentence") or "")
    pattern = re.compile(re.escape(str(holder)), re.IGNORECASE)
    hits = [(m.start(), m.end()) for m in pattern.finditer(text, sentence_start, sentence_end)]
    figure = (int(pred["start"]), int(pred["end"]))
    return min(hits, key=lambda h: max(h[0] - figure[1], figure[0] - h[1]), default=None)


def property_names() -> frozenset[str]:
    """Subject heads that name a property of a thing, from figtrack's language data: the
    dimensions ("width", "depth") and property nouns ("temperature", "velocity")."""
    from figtrack.lexicon import load_lexicon

    sd = load_lexicon().subjects
    return frozenset(sd.dimensions.values()) | sd.dimension_nouns | sd.property_nouns


#: Words that open a noun phrase and that MeasEval's entity spans leave out.
DETERMINERS = re.compile(
    r"(?:the|a|an|this|these|that|those|its|their|our|his|her|each|every)\s+", re.IGNORECASE
)


def without_determiner(text: str, span: Offsets | None) -> Offsets | None:
    """``span`` past a leading determiner and its spaces, when words follow it.

    >>> without_determiner("see the samples", (4, 15))
    (8, 15)
    >>> without_determiner("the", (0, 3))
    (0, 3)
    """
    if span is None:
        return None
    m = DETERMINERS.match(text, span[0], span[1])
    return (m.end(), span[1]) if m and m.end() < span[1] else span


def predicted_span(
    pred: scoring.Pred, text: str, variant: str, properties: frozenset[str] = frozenset()
) -> Offsets | None:
    """The predicted entity span under ``variant`` ("entity", "subject" or
    "subject+holder"); ``properties`` are the subject heads that name a property."""
    span = subject_span(pred)
    if variant == "entity":
        if (
            span is None
            or pred.get("subject_head") in properties
            or text[span[1] : span[1] + 4].lstrip().startswith("=")  # "the samples (n = 12)"
        ):
            span = holder_span(pred, text) or span
        return without_determiner(text, span)
    if span is None and variant == "subject+holder":
        span = holder_span(pred, text)
    return span


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class VariantScore:
    """Per-pair and micro token scores of one choice of predicted span."""

    pairs: int = 0  # matched quantities with a gold measured entity
    predicted: int = 0  # ... for which a span was predicted
    f1_sum: float = 0.0
    exact: int = 0
    gold_tokens: int = 0
    predicted_tokens: int = 0
    gold_hit: int = 0
    predicted_hit: int = 0

    def add(self, overlap: Overlap) -> None:
        """Count one pair."""
        self.pairs += 1
        self.predicted += overlap.predicted > 0
        self.f1_sum += overlap.f1
        self.exact += overlap.exact
        self.gold_tokens += overlap.gold
        self.predicted_tokens += overlap.predicted
        self.gold_hit += overlap.gold_hit
        self.predicted_hit += overlap.predicted_hit

    def as_dict(self) -> dict[str, Any]:
        """Counts and fractions in [0, 1]; ``mean_f1`` is the per-pair mean."""
        micro = Overlap(self.gold_tokens, self.predicted_tokens, self.gold_hit, self.predicted_hit)
        return {
            "pairs": self.pairs,
            "predicted": self.predicted,
            "mean_f1": self.f1_sum / self.pairs if self.pairs else 0.0,
            "micro_p": micro.precision,
            "micro_r": micro.recall,
            "micro_f1": micro.f1,
            "exact": self.exact,
            "exact_rate": self.exact / self.pairs if self.pairs else 0.0,
        }


def _figtrack_extract(text: str) -> list[scoring.Pred]:
    import figtrack

    return [claim.to_dict() for claim in figtrack.extract(text)]


def score_measeval(split: str = "all", shared: Path | None = None) -> dict[str, Any]:
    """Quantity recall and measured-entity overlap scores of figtrack on ``split``.

    Keys: counts (``paragraphs``, ``gold_quantities``, ``matched``, ``matched_with_entity``),
    ``quantity_recall``, ``entity_f1`` (the headline: mean per-pair token F1 of the measured
    entity),
    ``variants`` (``VariantScore.as_dict()`` per variant), ``mismatches`` (headline pairs
    that are not exact) and ``errors`` (paragraphs on which extraction raised).
    """
    paragraphs = load_measeval(split, shared)
    scores = {variant: VariantScore() for variant in VARIANTS}
    properties = property_names()
    gold_total = matched_total = 0
    mismatches: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for para in paragraphs:
        preds, error = scoring.safe_extract(_figtrack_extract, para.text)
        if error:
            errors.append({"doc": para.doc_id, "error": error})
        gold_total += len(para.quantities)
        matches = match_quantities([q.quantity for q in para.quantities], preds)
        matched_total += len(matches)
        for g, p in sorted(matches.items()):
            entity = para.quantities[g].entity
            if entity is None:
                continue
            pred = preds[p]
            for variant, score in scores.items():
                span = predicted_span(pred, para.text, variant, properties)
                overlap = token_overlap(para.text, entity, span)
                score.add(overlap)
                if variant == HEADLINE and not overlap.exact:
                    mismatches.append(_mismatch(para, g, pred, overlap))
    variants = {variant: score.as_dict() for variant, score in scores.items()}
    return {
        "split": split,
        "paragraphs": len(paragraphs),
        "gold_quantities": gold_total,
        "matched": matched_total,
        "quantity_recall": matched_total / gold_total if gold_total else 0.0,
        "matched_with_entity": scores[HEADLINE].pairs,
        "entity_f1": variants[HEADLINE]["mean_f1"],
        "variants": variants,
        "mismatches": mismatches,
        "errors": errors,
    }


def _mismatch(para: Paragraph, g: int, pred: scoring.Pred, overlap: Overlap) -> dict[str, Any]:
    gold = para.quantities[g]
    q_start, q_end = gold.quantity
    entity = gold.entity
    return {
        "doc": para.doc_id,
        "gold_quantity": para.text[q_start:q_end],
        "surface": pred.get("surface"),
        "gold_entity": para.text[entity[0] : entity[1]] if entity else None,
        "gold_entity_start": entity[0] if entity else None,
        "quantity_start": q_start,
        "subject": pred.get("subject"),
        "subject_start": pred.get("subject_start"),
        "holder": pred.get("holder"),
        "f1": overlap.f1,
    }


# -- CLI -------------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def print_report(result: dict[str, Any]) -> None:
    """The quantity table and the measured-entity table."""
    from evaluate import frac, print_table

    print_table(
        f"MeasEval {result['split']}: quantities ({result['paragraphs']} paragraphs)",
        ["gold quantities", "matched (quantity recall)", "matched with gold entity"],
        [
            [
                result["gold_quantities"],
                frac(result["matched"], result["gold_quantities"]),
                result["matched_with_entity"],
            ]
        ],
    )
    rows = []
    for variant, res in result["variants"].items():
        label = variant + (" (headline)" if variant == HEADLINE else "")
        rows.append(
            [
                label,
                res["pairs"],
                res["predicted"],
                _pct(res["mean_f1"]),
                _pct(res["micro_p"]),
                _pct(res["micro_r"]),
                _pct(res["micro_f1"]),
                frac(res["exact"], res["pairs"]),
            ]
        )
    print_table(
        "Measured-entity token overlap (%), pairs = matched quantities with a gold entity",
        ["span", "pairs", "predicted", "mean F1", "micro P", "micro R", "micro F1", "exact"],
        rows,
    )
    for err in result["errors"]:
        print(f"  figtrack raised on {err['doc']}: {err['error']}")


def print_mismatches(mismatches: Sequence[dict[str, Any]], n: int, seed: int) -> None:
    """``n`` random headline mismatches: gold entity vs our subject, with the quantity."""
    sample = random.Random(seed).sample(list(mismatches), min(n, len(mismatches)))
    print(f"\n## {len(sample)} of {len(mismatches)} mismatches (seed {seed})")
    for m in sample:
        side = "left" if (m["gold_entity_start"] or 0) < m["quantity_start"] else "right"
        subject = repr(m["subject"]) if m["subject"] else "-"
        if m["subject"] and m["subject_start"] is None:
            subject += " (no offsets)"
        print(
            f"  {m['doc']}  quantity {m['gold_quantity']!r} (ours {m['surface']!r})\n"
            f"    gold entity ({side}): {m['gold_entity']!r}\n"
            f"    our subject: {subject}  holder: {m['holder']!r}  F1 {m['f1']:.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Score the requested split and print the tables; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N mismatches")
    parser.add_argument("--seed", type=int, default=0, help="seed for --show (default 0)")
    args = parser.parse_args(argv)
    if scoring.shared_dir() is None:
        print("shared data folder not found: set FIGTRACK_SHARED", file=sys.stderr)
        return 2
    result = score_measeval(args.split)
    print_report(result)
    if args.show:
        print_mismatches(result["mismatches"], args.show, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
