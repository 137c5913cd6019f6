"""DataFrames, Parquet and notebook HTML: where users look at claims and findings."""

from __future__ import annotations

import importlib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figtrack
from figtrack import frame
from figtrack.frame import CLAIM_COLUMNS, FINDING_COLUMNS, claim_row, read_parquet, to_frame

pd = pytest.importorskip("pandas", reason="to_frame needs the pandas extra")

KURSK = Path(__file__).resolve().parents[1] / "examples" / "kursk"


def _kursk_claims() -> list[figtrack.Claim]:
    claims = []
    for name in ("briefing.txt", "wire.txt"):
        claims.extend(figtrack.extract((KURSK / name).read_text("utf-8"), name))
    return claims


def test_claim_frame_has_the_json_columns_then_the_exact_ones() -> None:
    """One row per claim; the JSON contract's columns in order, then the exact numbers."""
    claims = _kursk_claims()
    df = to_frame(claims)
    assert len(df) == len(claims)
    keys = list(claims[0].to_dict())
    assert list(df.columns) == [*keys, "value_exact", "low_exact", "high_exact", "precision_exact"]
    assert tuple(df.columns) == CLAIM_COLUMNS
    for row, c in zip(df.itertuples(index=False), claims, strict=True):
        d = c.to_dict()
        assert row.surface == d["surface"] and row.start == d["start"]
        assert row.scope == d["scope"]
        for exact, number in frame.EXACT.items():
            text = getattr(row, exact)
            value = getattr(row, number)
            if pd.isna(text):
                assert pd.isna(value)
            else:
                assert float(Decimal(text)) == value


def test_nulls_are_missing_values_with_nullable_dtypes() -> None:
    """Unbounded sides, absent subjects and ids are missing, not 0 or False."""
    df = to_frame(figtrack.extract("Prices rose more than 5% while 40 ships sailed."))
    more = df[df.surface == "more than 5%"].iloc[0]
    assert pd.isna(more.high) and pd.isna(more.high_closed) and pd.isna(more.high_exact)
    assert more.low_closed is False or more.low_closed == False  # noqa: E712 (pandas bool)
    assert pd.isna(more.document)
    assert str(df.dtypes["start"]) == "int64"
    assert str(df.dtypes["low_closed"]) == "boolean"


def test_empty_input_gives_an_empty_claim_frame() -> None:
    """No claims: an empty frame that still has every column."""
    df = to_frame([])
    assert len(df) == 0 and tuple(df.columns) == CLAIM_COLUMNS


def test_findings_frame_has_one_row_per_finding() -> None:
    """Findings give their key, status, sources, consensus and counts."""
    findings = figtrack.compare(_kursk_claims())
    df = to_frame(findings)
    assert tuple(df.columns) == FINDING_COLUMNS
    assert list(df.key) == [f.key for f in findings]
    russia = df[df.key.str.endswith("russia")].iloc[0]
    assert russia.status == "agree" and russia.n_sources == 2
    assert (russia.consensus_low_exact, russia.consensus_high_exact) == ("11000", "12000")


def test_mixed_or_foreign_items_are_refused() -> None:
    """Claims and findings together, or anything else, raise TypeError naming the types."""
    claims = _kursk_claims()
    with pytest.raises(TypeError, match="Claims or Findings, not Claim, Finding"):
        to_frame([claims[0], figtrack.compare(claims)[0]])
    with pytest.raises(TypeError, match="not str"):
        to_frame(["x"])  # type: ignore[list-item]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, the error says which extra to install."""
    real = importlib.import_module

    def no_pandas(name: str, package: str | None = None) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_pandas)
    with pytest.raises(ImportError, match=r"pip install 'figtrack\[pandas\]'"):
        to_frame(_kursk_claims())


def test_parquet_round_trip_is_unchanged(tmp_path: Path) -> None:
    """write_parquet then read_parquet gives the frame to_frame gives."""
    pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra")
    claims = _kursk_claims()
    path = tmp_path / "c.parquet"
    assert frame.write_parquet(claims, path) == len(claims)
    pd.testing.assert_frame_equal(read_parquet(path), to_frame(claims))


_FIGURES = st.sampled_from(
    [
        "0.000123",
        "12,345.678",
        "1.2 billion",
        "between 11,000 and 12,000",
        "more than 3.14159265358979323846",
        "-40",
        "nearly 2/3",
        "$5-6bn",
        "9999999999999999999999",
    ]
)


@settings(max_examples=40, deadline=None)
@given(_FIGURES, st.sampled_from(["people", "km", "%", "dollars", ""]))
def test_exact_strings_keep_every_digit(figure: str, unit: str) -> None:
    """The *_exact columns are the Decimals themselves, whatever a float would lose."""
    for c in figtrack.extract(f"They said {figure} {unit} yesterday."):
        row = claim_row(c)
        q = c.quantity
        for exact, value in (
            ("value_exact", q.value),
            ("low_exact", q.interval.low),
            ("high_exact", q.interval.high),
        ):
            assert (row[exact] is None) == (value is None)
            if value is not None:
                assert Decimal(row[exact]) == value


def test_claim_html_marks_the_figure_in_its_sentence() -> None:
    """A claim renders as its escaped sentence with the surface in <mark>, and its reading."""
    text = "Officials <i>said</i> at least 10,000 troops were in Kursk & nearby."
    claim = figtrack.extract(text, "Wire")[0]
    html = claim._repr_html_()
    assert "<mark>at least 10,000</mark>" in html
    assert "&lt;i&gt;said&lt;/i&gt;" in html and "Kursk &amp; nearby" in html
    assert "<b>at least 10,000</b> [10000, ∞)" in html
    assert "Wire" in html and "count troop" in html


def test_finding_html_is_the_report_chart() -> None:
    """A finding renders as the report's section: one bar per claim and the sentences."""
    finding = figtrack.compare(_kursk_claims())[0]
    html = finding._repr_html_()
    assert html.count('class="bar') == len(finding.claims)
    assert "<svg" in html and "<style>" in html and "http" not in html.replace("http://www.w3", "")
