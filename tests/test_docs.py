"""The documentation's examples run as written."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_notebook_page_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/notebook.md, the worked example for notebooks, gives the output it shows."""
    pytest.importorskip("pandas", reason="the notebook page needs the pandas extra")
    pytest.importorskip("pyarrow", reason="the notebook page needs the parquet extra")
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "docs" / "notebook.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 10
    assert result.failed == 0
