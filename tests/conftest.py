"""Shared pytest fixtures: the benchmark scorers on ``sys.path`` and the shared data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import scoring  # noqa: E402


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder (``$FIGTRACK_SHARED`` or ``../shared``); skip when absent."""
    path = scoring.shared_dir()
    if path is None:
        pytest.skip("shared data folder not found: set FIGTRACK_SHARED or provide ../shared")
    return path
