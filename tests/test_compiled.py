"""The installed build against the sources: the same claims, to the last key.

``pip install .`` compiles figtrack's extraction modules with mypyc (see ``setup.py``);
pytest imports the pure-Python sources of this checkout. These tests run the installed
package in a child process started outside the checkout and compare its claims, as JSON,
with the ones the sources give here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

import pytest

import figtrack
import figtrack.figures

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys
import figtrack, figtrack.figures
texts = json.load(sys.stdin)
json.dump({
    "figures_module": figtrack.figures.__file__,
    "claims": [[c.to_dict() for c in figtrack.extract(t, include_nonfigures=True)]
               for t in texts],
}, sys.stdout)
"""


def _installed(texts: list[str], cwd: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def _ours(texts: list[str]) -> list[list[dict[str, Any]]]:
    # a JSON round trip, so that both sides are compared in the same form
    claims = [[c.to_dict() for c in figtrack.extract(t, include_nonfigures=True)] for t in texts]
    result: list[list[dict[str, Any]]] = json.loads(json.dumps(claims))
    return result


@pytest.fixture(scope="module")
def compiled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the checkout; skips unless the installed figtrack is compiled."""
    if not figtrack.figures.__file__.endswith(".py"):
        pytest.skip("pytest imported a compiled figtrack; nothing pure to compare it with")
    cwd = tmp_path_factory.mktemp("installed")
    where = Path(_installed([], cwd)["figures_module"])
    if where.resolve().parent == Path(figtrack.figures.__file__).resolve().parent:
        pytest.skip("the installed figtrack is this checkout (an editable install): pure Python")
    if not where.name.endswith(tuple(EXTENSION_SUFFIXES)):
        if os.environ.get("FIGTRACK_PURE", "") not in ("", "0"):
            pytest.skip("FIGTRACK_PURE is set: the installed figtrack is pure Python")
        pytest.fail(
            f"the installed figtrack is not compiled ({where}): mypyc or the C compiler "
            "failed during 'pip install', see its log (set FIGTRACK_PURE=1 to accept that)"
        )
    return cwd


def test_golden_texts_read_alike(compiled_dir: Path) -> None:
    """Every golden example and the bundled examples give the same claims both ways."""
    texts = []
    for name in ("examples.toml", "subjects.toml"):
        with (REPO / "tests" / "golden" / name).open("rb") as fh:
            data = tomllib.load(fh)
        texts += [e["text"] for items in data.values() for e in items if "text" in e]
    texts += [p.read_text("utf-8") for p in sorted((REPO / "examples").rglob("*.txt"))]
    assert len(texts) > 100
    assert _installed(texts, compiled_dir)["claims"] == _ours(texts)


def test_news_reads_alike(compiled_dir: Path, shared: Path) -> None:
    """Real news (the first 400 KB of Reuters and of BBC) gives the same claims both ways."""
    import scoring

    texts = [
        t
        for corpus in ("reuters21578", "bbc_news")
        for t in scoring.iter_corpus_texts(corpus, shared, limit_bytes=400_000)
    ]
    assert _installed(texts, compiled_dir)["claims"] == _ours(texts)


#: Pickles and copies what the compiled classes build: figures, a number as written, the
#: language data; prints what differs from the original (nothing, when all is well).
COPIES = """
import copy, pickle, sys
import figtrack
from figtrack.figures import Atom
from decimal import Decimal
ex = figtrack.Extractor()
figs = ex.figures("At least 10,000 troops and about 50 km of road.")
atom = Atom(0, 3, Decimal(5), None, None, False, True, Decimal(5), Decimal(1))
lex = ex.lexicon
wrong = []
if not figs or pickle.loads(pickle.dumps(figs)) != figs or copy.deepcopy(figs) != figs:
    wrong.append("figures")
back = pickle.loads(pickle.dumps(atom))
names = ["start", "end", "value", "low", "high", "scaled", "words", "raw", "step"]
if [getattr(back, k) for k in names] != [getattr(atom, k) for k in names]:
    wrong.append("atom")
if copy.copy(lex) != lex or copy.copy(lex.subjects) != lex.subjects:
    wrong.append("lexicon")
rel = next(iter(lex.subjects.relative.values()))
if pickle.loads(pickle.dumps(rel)) != rel:
    wrong.append("relative")
print(" ".join(wrong))
"""


def test_compiled_objects_pickle_and_copy(compiled_dir: Path) -> None:
    """The compiled classes pickle and copy as the pure ones do: a figure from
    `Extractor.figures`, a number as written, the lexicon and its parts."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", COPIES],
        capture_output=True,
        text=True,
        cwd=compiled_dir,
        env=env,
        check=True,
    )
    assert out.stdout.strip() == ""
