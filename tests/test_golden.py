"""Golden examples: tests/golden/examples.toml, one test per example.

Examples known to fail carry ``xfail = "reason"`` in the TOML and run as strict xfails,
so a fix shows up as an XPASS failure until the mark is removed from the file.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import figtrack
from figtrack.model import FIGURE_KINDS, Claim

GOLDEN = Path(__file__).parent / "golden" / "examples.toml"
EXAMPLE_KEYS = {"text", "claims", "nonfigures", "xfail"}
FIGURE_KEYS = {
    "surface",
    "value",
    "low",
    "high",
    "low_closed",
    "high_closed",
    "qualifier",
    "approximate",
    "trend",
    "kind",
    "unit",
}
REQUIRED = {"surface", "qualifier", "approximate", "kind"}


def _load() -> list[dict[str, Any]]:
    with GOLDEN.open("rb") as f:
        return list(tomllib.load(f)["example"])


EXAMPLES = _load()


def _params() -> list[Any]:
    out = []
    for i, ex in enumerate(EXAMPLES):
        marks = [pytest.mark.xfail(strict=True, reason=ex["xfail"])] if "xfail" in ex else []
        out.append(pytest.param(ex, id=f"{i:02d}-{ex['text'][:40]}", marks=marks))
    return out


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _expected(claim: dict[str, Any]) -> dict[str, Any]:
    """The comparable fields of an expected claim; omitted fields mean None."""
    if claim["kind"] not in FIGURE_KINDS:
        return {"surface": claim["surface"], "kind": claim["kind"]}
    return {
        "surface": claim["surface"],
        "value": _dec(claim.get("value")),
        "low": _dec(claim.get("low")),
        "high": _dec(claim.get("high")),
        "low_closed": claim.get("low_closed"),
        "high_closed": claim.get("high_closed"),
        "qualifier": claim["qualifier"],
        "approximate": claim["approximate"],
        "trend": claim.get("trend"),
        "kind": claim["kind"],
        "unit": claim.get("unit"),
    }


def _actual(claim: Claim) -> dict[str, Any]:
    """The same fields read from an extracted claim (Decimals compared exactly)."""
    q, iv = claim.quantity, claim.quantity.interval
    if q.kind not in FIGURE_KINDS:
        return {"surface": claim.surface, "kind": q.kind}
    return {
        "surface": claim.surface,
        "value": q.value,
        "low": iv.low,
        "high": iv.high,
        "low_closed": iv.low_closed,
        "high_closed": iv.high_closed,
        "qualifier": q.qualifier,
        "approximate": q.approximate,
        "trend": q.trend,
        "kind": q.kind,
        "unit": q.unit,
    }


def test_golden_file_is_well_formed() -> None:
    """Every example has text and known keys; every figure claim has the required
    fields, closures exactly where bounds are, and decimal strings for numbers."""
    assert len(EXAMPLES) >= 50
    texts = [ex["text"] for ex in EXAMPLES]
    assert len(texts) == len(set(texts)), "duplicate example text"
    for ex in EXAMPLES:
        assert set(ex) <= EXAMPLE_KEYS and isinstance(ex["text"], str), ex
        for c in ex.get("claims", []):
            assert "surface" in c and "kind" in c, c
            assert c["surface"] in ex["text"], c
            if c["kind"] not in FIGURE_KINDS:
                assert set(c) == {"surface", "kind"}, c
                continue
            assert REQUIRED <= set(c) <= FIGURE_KEYS, c
            for side in ("low", "high"):
                assert (side in c) == (f"{side}_closed" in c), c
            for key in ("value", "low", "high"):
                if key in c:
                    Decimal(c[key])
            assert ("value" in c) == (c["qualifier"] != "range"), c


@pytest.mark.parametrize("example", _params())
def test_golden(example: dict[str, Any]) -> None:
    """extract() returns exactly the example's claims, in order, field for field; with
    ``nonfigures`` the default call returns only the figure claims among them."""
    text = example["text"]
    nonfigures = example.get("nonfigures", False)
    claims = figtrack.extract(text, include_nonfigures=nonfigures)
    expected = [_expected(c) for c in example.get("claims", [])]
    assert [_actual(c) for c in claims] == expected
    for c in claims:
        assert text[c.start : c.end] == c.surface
    if nonfigures:
        default = [_actual(c) for c in figtrack.extract(text)]
        assert default == [e for e in expected if e["kind"] in FIGURE_KINDS]
