"""Lint and type checks run as tests, so the README's test command covers them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The package's modules from the bottom layer up (docs: ARCHITECTURE's "lower layers never
#: import higher ones"; the subject reader's five modules, docs/subjects.md). A module may
#: import only modules of layers below its own.
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        "lexicon model corpus sentences",
        "units numbers policy frame report",
        "unitexpr scan",
        "figures",
        "phrases",
        "scopes",
        "clauses",
        "reading",
        "respectively",
        "subjects",
        "pipeline",
        "extract",
        "batch compare",
        "tracker dask",
        "jobs",
        "cli",
        "__init__",
    )
)
#: Imports against the layers, inside a function, each for a reason.
UPWARD: dict[tuple[str, str], str] = {
    ("model", "report"): "Claim and Finding show their HTML in Jupyter as the report draws it",
}


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


def _figtrack_imports(path: Path) -> set[str]:
    """The figtrack modules a source file imports, at its top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] == "figtrack":
                found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "figtrack":
                    found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def test_modules_import_only_lower_layers() -> None:
    """Every module of the package is in `LAYERS`, and imports only modules of lower
    layers: the data flows one way, and the subject reader's modules build one on another."""
    layer_of = {name: i for i, layer in enumerate(LAYERS) for name in layer}
    modules = sorted(p for p in (ROOT / "figtrack").glob("*.py"))
    assert {p.stem for p in modules} == set(layer_of), "LAYERS names every module once"
    upward = [
        f"{p.stem} imports {name}"
        for p in modules
        for name in sorted(_figtrack_imports(p))
        if layer_of[name] >= layer_of[p.stem] and (p.stem, name) not in UPWARD
    ]
    assert upward == []
