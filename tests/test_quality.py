"""Lint and type checks run as tests, so the README's test command covers them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed (test extra)")
def test_ruff_clean() -> None:
    """ruff finds nothing to report in the package, the tests and the benchmarks."""
    result = _run("ruff", "check", "figtrack", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean() -> None:
    """mypy --strict (configured in pyproject.toml) passes on the package."""
    pytest.importorskip("mypy", reason="mypy is not installed (test extra)")
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_qualifier_table_in_docs_is_current() -> None:
    """docs/qualifiers.md lists exactly the phrases of figtrack/data/qualifiers.toml."""
    result = _run(sys.executable, "docs/gen_qualifiers.py", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
