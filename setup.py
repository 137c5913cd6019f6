"""Build figtrack, compiling its hot modules with mypyc when it can.

The extraction pass (its loop, the scanner, sentence splitter, figure and subject readers,
numbers, unit expressions, the model, the language data it reads) is plain, fully typed
Python; mypyc compiles those modules to C extensions that run the same code about 1.5 times
faster. Everything else stays pure Python. The compiled and the pure package give the same
claims (``tests/test_compiled.py`` checks the installed build against the source).

The build falls back to pure Python, with a warning, when mypyc or a C compiler is missing
or the compilation fails. ``FIGTRACK_PURE=1`` asks for the pure build outright. Editable
installs (``pip install -e .``) are always pure, so that edits to the sources take effect.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: The hot modules. The modules with public entry points that check their arguments
#: (extract, batch, corpus) stay pure: a compiled function checks its annotated types
#: itself, with a message that does not name the argument ("str object expected").
COMPILED = [
    "figtrack/scan.py",
    "figtrack/lexicon.py",
    "figtrack/sentences.py",
    "figtrack/figures.py",
    "figtrack/phrases.py",
    "figtrack/scopes.py",
    "figtrack/clauses.py",
    "figtrack/reading.py",
    "figtrack/subjects.py",
    "figtrack/numbers.py",
    "figtrack/unitexpr.py",
    "figtrack/model.py",
    "figtrack/pipeline.py",
]

#: setup.py commands that build the package's code
BUILDS = frozenset(["bdist_wheel", "build", "build_ext", "install", "bdist"])


class OptionalBuildExt(build_ext):  # type: ignore[misc]
    """build_ext that leaves the pure-Python modules in place when compilation fails.

    The compiled modules share one library, so a failure removes every extension already
    built: a half-compiled package would not import.
    """

    failed = False

    def run(self) -> None:
        # a module compiled by an earlier build in this tree and no longer in COMPILED
        # must not reach the wheel: it would shadow its .py and fail to import
        wanted = {Path(p).name for p in self.get_outputs()}
        for stale in Path(self.build_lib, "figtrack").glob("*.so"):
            if stale.name not in wanted:
                stale.unlink()
        try:
            super().run()
        except Exception as exc:  # any build failure means "ship pure"
            self._give_up(exc)

    def build_extension(self, ext: Any) -> None:
        if self.failed:
            return
        try:
            super().build_extension(ext)
        except Exception as exc:
            self._give_up(exc)

    def _give_up(self, exc: BaseException) -> None:
        print(
            f"figtrack: compiling with mypyc failed ({exc}); installing pure Python",
            file=sys.stderr,
        )
        self.failed = True
        for path in self.get_outputs():
            Path(path).unlink(missing_ok=True)


def _ext_modules() -> list[Any]:
    if os.environ.get("FIGTRACK_PURE", "") not in ("", "0"):
        return []
    # Only the commands that build code need the extensions: metadata steps (egg_info,
    # dist_info) skip the type check, and editable installs stay pure.
    if not BUILDS.intersection(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("figtrack: mypyc is not available; installing pure Python", file=sys.stderr)
        return []
    try:
        # Optional extras (pandas, dask) and their stubs are not in the build environment.
        options = ["--ignore-missing-imports"]
        return list(mypycify([*options, *COMPILED], opt_level="3", group_name="figtrack"))
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        print(f"figtrack: mypyc could not compile ({exc}); installing pure Python", file=sys.stderr)
        return []


setup(ext_modules=_ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
