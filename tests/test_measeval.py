"""MeasEval measured entities: floors on figtrack's subject spans (data from the shared folder).

The scorer is ``benchmarks/measeval.py``; run it by hand for the full table and mismatches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import measeval
import pytest

# Fractions in [0, 1], measured on train+trial. floor: only rises.
ENTITY_F1_FLOOR = 0.348  # mean per-pair token F1 of the measured entity vs gold (0.352)
QUANTITY_RECALL_FLOOR = 0.93  # gold Quantity spans overlapped by a claim (0.940)


@pytest.fixture(scope="module")
def measeval_scores(shared: Path) -> dict[str, Any]:
    """figtrack's MeasEval scores on train+trial, computed once."""
    return measeval.score_measeval("all", shared)


def test_token_overlap_is_positional() -> None:
    """Overlap counts tokens by position: a repeated word elsewhere does not count."""
    text = "the red box and the blue box"
    gold = (4, 11)  # "red box"
    assert measeval.token_overlap(text, gold, (4, 11)).exact
    partial = measeval.token_overlap(text, gold, (8, 11))  # "box"
    assert (partial.precision, partial.recall) == (1.0, 0.5)
    elsewhere = measeval.token_overlap(text, gold, (20, 28))  # "blue box"
    assert elsewhere.f1 == 0.0
    assert measeval.token_overlap(text, gold, None).f1 == 0.0


def test_exact_needs_the_same_tokens_both_ways() -> None:
    """A prediction that covers the gold span and more is no exact match."""
    text = "the red box and the blue box"
    wider = measeval.token_overlap(text, (4, 11), (0, 11))  # "the red box"
    assert wider.recall == 1.0 and not wider.exact


def test_entity_span_is_the_holder_of_a_property() -> None:
    """A subject naming a property ("depth") gives way to its holder, the thing measured;
    any other subject is the entity itself, and a holder not in the sentence is none."""
    text = "The quake struck at a depth of 10 km. Orvex sold 9 lamps."
    props = measeval.property_names()
    assert {"depth", "temperature", "width"} <= props
    depth: dict[str, Any] = {
        "start": 31, "end": 36, "subject_start": 22, "subject_end": 27,
        "subject_head": "depth", "holder": "The quake", "sentence_start": 0,
        "sentence": text[:37],
    }  # fmt: skip
    assert measeval.predicted_span(depth, text, "entity", props) == (4, 9)  # "quake"
    assert measeval.predicted_span(depth, text, "subject", props) == (22, 27)
    lamps = {**depth, "start": 49, "end": 50, "subject_start": 51, "subject_end": 56,
             "subject_head": "lamp", "holder": "Orvex", "sentence_start": 38,
             "sentence": text[38:]}  # fmt: skip
    assert measeval.predicted_span(lamps, text, "entity", props) == (51, 56)
    elsewhere = {**depth, "holder": "Tuvaland"}
    assert measeval.predicted_span(elsewhere, text, "entity", props) == (22, 27)


def test_entity_span_leaves_a_leading_determiner_out() -> None:
    """MeasEval's entities leave out the determiner that opens them: the ``entity`` span
    starts at the first word after it, the other variants keep the subject as it is, and a
    determiner alone stays."""
    text = "These samples were 4 mm thick."
    samples: dict[str, Any] = {
        "start": 19, "end": 23, "subject_start": 0, "subject_end": 13,
        "subject_head": "sample", "holder": None, "sentence_start": 0, "sentence": text,
    }  # fmt: skip
    assert measeval.predicted_span(samples, text, "entity") == (6, 13)
    assert measeval.predicted_span(samples, text, "subject") == (0, 13)
    assert measeval.without_determiner("an", (0, 2)) == (0, 2)
    assert measeval.without_determiner("Theory", (0, 6)) == (0, 6)


def test_match_quantities_one_to_one() -> None:
    """Each gold span takes the claim with the largest overlap, and no claim is used twice."""
    preds: list[dict[str, Any]] = [{"start": 0, "end": 3}, {"start": 2, "end": 10}]
    assert measeval.match_quantities([(0, 10), (0, 3)], preds) == {0: 1, 1: 0}


def test_measeval_entity_f1_floor(measeval_scores: dict[str, Any]) -> None:
    """The headline measured-entity overlap F1 (subject spans) stays at or above its floor."""
    assert not measeval_scores["errors"], f"extract raised: {measeval_scores['errors'][:5]}"
    assert measeval_scores["matched_with_entity"] > 0
    assert measeval_scores["entity_f1"] >= ENTITY_F1_FLOOR, measeval_scores["variants"]


def test_measeval_quantity_recall_floor(measeval_scores: dict[str, Any]) -> None:
    """Enough gold quantities are overlapped by one of figtrack's claims."""
    recall = measeval_scores["quantity_recall"]
    matched, gold = measeval_scores["matched"], measeval_scores["gold_quantities"]
    assert recall >= QUANTITY_RECALL_FLOOR, f"{matched}/{gold} gold quantities matched"
