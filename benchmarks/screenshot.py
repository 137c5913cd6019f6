"""Render the Kursk example's HTML report and screenshot it in headless Chromium.

    python benchmarks/screenshot.py                  # writes docs/img/kursk-report.png
    python benchmarks/screenshot.py -o shot.png --width 1000

The page is built with ``figtrack report examples/kursk/briefing.txt
examples/kursk/wire.txt`` (our own example text) and shot whole: a first run measures the
page's height, a second takes a screenshot of exactly that height. Needs Debian's
``chromium`` (``.ci/run`` installs it); no Python dependency beyond figtrack.

The helpers here also drive ``tests/test_browser.py`` (``tests/conftest.py`` puts this
folder on ``sys.path``): `find_chromium`, `run_chromium` with `CHROMIUM_FLAGS`,
`build_report`, `evaluate` (run a script in a copy of a page and read back its JSON
answer from the dumped DOM) and `screenshot`.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
KURSK = ("examples/kursk/briefing.txt", "examples/kursk/wire.txt")  # relative to REPO
OUTPUT = REPO / "docs" / "img" / "kursk-report.png"
WIDTH = 1200
TIMEOUT = 60  # seconds for one browser run
#: The viewport of a measuring run: tall, so that every chart is inside it.
MEASURE_HEIGHT = 3000

#: Headless, without sandbox or GPU (containers), and quiet: no background networking,
#: no component, extension or sync traffic, no network-time queries. Host names never
#: resolve, so the browser cannot reach the internet even for its own services (a page's
#: request still shows in the net log: it is logged before the name is looked up).
#: Scroll bars are hidden and colours kept in sRGB, so a screenshot is the page alone.
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-client-side-phishing-detection",
    "--disable-features=NetworkTimeServiceQuerying,MediaRouter,OptimizationHints,Translate",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--force-color-profile=srgb",
    "--mute-audio",
    "--virtual-time-budget=5000",
)

#: The id of the ``<pre>`` an evaluated script writes its answer into.
ANSWER_ID = "figtrack-answer"
_ANSWER = re.compile(rf'<pre id="{ANSWER_ID}">(.*?)</pre>', re.DOTALL)


def find_chromium() -> str | None:
    """The path of Debian's ``chromium`` (on ``PATH`` or in /usr/bin), or None."""
    found = shutil.which("chromium")
    if found:
        return found
    default = Path("/usr/bin/chromium")
    return str(default) if default.is_file() else None


def run_chromium(
    chromium: str, args: Sequence[str], workdir: Path, *, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run ``chromium`` once with `CHROMIUM_FLAGS`, ``args`` and a fresh profile under
    ``workdir``; raise `RuntimeError` (with its stderr's end) if it fails or times out."""
    workdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=workdir))
    command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, errors="replace", timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"chromium timed out after {timeout} s: {command}") from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(
            f"chromium exited with {done.returncode}: {command}\n{done.stderr[-3000:]}"
        )
    return done


def build_report(files: Sequence[str], output: Path, *, cwd: Path = REPO) -> None:
    """Write ``figtrack report FILES... -o output``, run in ``cwd`` so that the sources
    are named as given."""
    from figtrack.cli import main

    with contextlib.chdir(cwd):
        status = main(["report", *files, "-o", str(output.resolve())])
    if status != 0:
        raise RuntimeError(f"figtrack report {' '.join(files)} exited with {status}")


def evaluate(
    chromium: str,
    page: Path,
    function: str,
    workdir: Path,
    *,
    width: int = WIDTH,
    height: int = MEASURE_HEIGHT,
) -> Any:
    """The JSON value that the JavaScript ``function`` (source of a function taking no
    argument) returns when called after ``page`` has loaded in a ``width`` x ``height``
    window.

    The function runs in a copy of the page with one inline script added at the end of
    its body; its answer is written into a ``<pre>`` and read back from the DOM that
    Chromium dumps. A thrown error is raised here as `RuntimeError`.
    """
    script = (
        "<script>addEventListener('load', () => {"
        "let answer; try { answer = {ok: true, value: (" + function + ")()}; }"
        " catch (e) { answer = {ok: false, error: String((e && e.stack) || e)}; }"
        f"const pre = document.createElement('pre'); pre.id = '{ANSWER_ID}';"
        " pre.textContent = JSON.stringify(answer); document.body.append(pre);"
        "});</script>"
    )
    text = page.read_text("utf-8")
    at = text.rfind("</body>")
    copy = workdir / f"{page.stem}.measure.html"
    copy.write_text(text[:at] + script + text[at:] if at >= 0 else text + script, "utf-8")
    done = run_chromium(
        chromium, [f"--window-size={width},{height}", "--dump-dom", copy.as_uri()], workdir
    )
    found = _ANSWER.search(done.stdout)
    if found is None:
        raise RuntimeError(f"no answer in the dumped DOM of {copy}\n{done.stderr[-3000:]}")
    answer = json.loads(html.unescape(found.group(1)))
    if not answer["ok"]:
        raise RuntimeError(f"the script failed in {copy}: {answer['error']}")
    return answer["value"]


def page_height(chromium: str, page: Path, workdir: Path, *, width: int = WIDTH) -> int:
    """The height in CSS pixels of the whole ``page`` laid out ``width`` pixels wide."""
    function = "() => Math.ceil(document.documentElement.getBoundingClientRect().height)"
    return int(evaluate(chromium, page, function, workdir, width=width, height=600))


def screenshot(
    chromium: str,
    page: Path,
    png: Path,
    workdir: Path,
    *,
    width: int = WIDTH,
    height: int,
    netlog: Path | None = None,
) -> None:
    """Save a ``width`` x ``height`` screenshot of the unmodified ``page`` to ``png``,
    logging the browser's network activity to ``netlog`` when given."""
    png.parent.mkdir(parents=True, exist_ok=True)
    args = [f"--window-size={width},{height}", f"--screenshot={png.resolve()}"]
    if netlog is not None:
        args += [f"--log-net-log={netlog.resolve()}", "--net-log-capture-mode=Default"]
    run_chromium(chromium, [*args, page.resolve().as_uri()], workdir)
    if not png.is_file():
        raise RuntimeError(f"chromium wrote no screenshot to {png}")


def main(argv: Sequence[str] | None = None) -> int:
    """Render the Kursk report and save its whole-page screenshot; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="the PNG to write")
    parser.add_argument("--width", type=int, default=WIDTH, help="window width in CSS pixels")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found: install Debian's chromium package", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="figtrack-shot-") as tmp:
        work = Path(tmp)
        page = work / "kursk-report.html"
        build_report(KURSK, page)
        height = page_height(chromium, page, work, width=args.width)
        screenshot(chromium, page, args.output, work, width=args.width, height=height)
    print(f"wrote {args.output} ({args.width} x {height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
