"""HTML reports: one self-contained page charting, per finding, each source's interval.

`render_report` writes a whole HTML5 document, `finding_svg` the chart of one finding and
`finding_html` a finding's whole section with its own scoped style (for notebooks). The
page fetches nothing: CSS and SVG are inline, there is no script, and all text taken from
documents is escaped.

Each chart draws one row per claim on a shared linear axis: a closed finite end is a
filled dot, an open one a hollow dot, an unbounded side runs to the edge in an arrow, a
point is one dot, and the consensus is a band across the rows. Bars in a conflict are red,
bars in a revision amber, and each pair is joined by a dashed line across its gap. Every
``<g class="bar">`` carries its bounds (``data-low``, ``data-high``, exact, "" when
unbounded; ``data-low-closed``, ``data-high-closed``) and pixel ends (``data-x1``,
``data-x2``), and the ``<svg>`` its axis (``data-axis-min``, ``data-axis-max``) and pixel
range (``data-x-min``, ``data-x-max``), so that ``x = x_min + (v - axis_min) / (axis_max -
axis_min) * (x_max - x_min)`` can be checked in a browser. Geometry is computed in Decimal
and rounded to 0.01 px, so huge or finely different figures still place exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal, localcontext
from html import escape

from figtrack.model import Claim, Finding, Interval

__all__ = ["claim_html", "finding_html", "finding_svg", "render_report", "subject_label"]

# -- geometry (SVG user units; the chart scales to its container) ----------------------
WIDTH = 900
LABEL_X = 8
X_MIN = 250
X_MAX = 776
NOTE_X = 792
TOP = 26
ROW = 30
PAD = Decimal("0.08")
_CENT = Decimal("0.01")

# -- colours ----------------------------------------------------------------------------
INK = "#1f2328"
MUTED = "#656d76"
GRID = "#d8dee4"
BAR = "#0969da"
CONFLICT = "#cf222e"
REVISED = "#bf8700"
CONSENSUS = "#2da44e"
WHITE = "#ffffff"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

CSS = f"""
.figtrack{{font-family:{FONT};color:{INK};font-size:14px;line-height:1.45;max-width:960px;
margin:0 auto;padding:0 16px 24px}}
.figtrack h1{{font-size:22px;margin:20px 0 2px}}
.figtrack h2{{font-size:16px;margin:0;display:flex;flex-wrap:wrap;gap:8px;align-items:center}}
.figtrack .ft-sub,.figtrack .ft-meta{{color:{MUTED};font-size:13px;margin:2px 0 8px}}
.figtrack .ft-meta b{{color:{INK};font-weight:600}}
.figtrack .ft-finding{{background:#fff;border:1px solid #d0d7de;border-radius:8px;
padding:12px 16px;margin:14px 0}}
.figtrack .ft-finding.ft-conflict{{border-left:4px solid {CONFLICT}}}
.figtrack .ft-finding.ft-revised{{border-left:4px solid {REVISED}}}
.figtrack .ft-badge{{font-size:11px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;
padding:1px 8px;border-radius:999px;border:1px solid;white-space:nowrap}}
.figtrack .ft-badge-agree{{color:#1a7f37;background:#dafbe1;border-color:#aceebb}}
.figtrack .ft-badge-conflict{{color:#fff;background:{CONFLICT};border-color:{CONFLICT}}}
.figtrack .ft-badge-revised{{color:#7d4e00;background:#fff8c5;border-color:#eac54f}}
.figtrack .ft-badge-single{{color:{MUTED};background:#f6f8fa;border-color:#d0d7de}}
.figtrack code{{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;
background:#f6f8fa;border-radius:4px;padding:1px 4px}}
.figtrack .ft-chart svg{{display:block;width:100%;height:auto}}
.figtrack .ft-chart a:hover .bar{{opacity:.7}}
.figtrack .ft-sentences{{list-style:none;padding:0;margin:6px 0 0;font-size:13px}}
.figtrack .ft-sentences li{{border-left:3px solid #d0d7de;padding:3px 8px;margin:3px 0}}
.figtrack .ft-sentences li.conflict{{border-left-color:{CONFLICT}}}
.figtrack .ft-sentences li.revised{{border-left-color:{REVISED}}}
.figtrack .ft-sentences li:target{{background:#fff8c5}}
.figtrack .ft-n{{display:inline-block;min-width:1.6em;color:{MUTED}}}
.figtrack .ft-src{{font-weight:600}}
.figtrack .ft-date,.figtrack .ft-iv{{color:{MUTED}}}
.figtrack .ft-note{{color:{CONFLICT};font-weight:600;white-space:nowrap}}
.figtrack .ft-note.revised{{color:{REVISED}}}
.figtrack mark{{background:#ffe08a;border-radius:2px;padding:0 2px}}
.figtrack li.conflict mark{{background:#ffd7d5}}
.figtrack .ft-index{{columns:2 320px;padding:0;list-style:none;margin:8px 0}}
.figtrack .ft-index li{{break-inside:avoid;margin:2px 0}}
.figtrack .ft-index a{{color:{INK}}}
.figtrack .ft-legend{{display:block;max-width:640px;width:100%;height:auto;margin:4px 0 8px}}
"""

_PAGE_CSS = f"body{{margin:0;background:#f6f8fa}}a{{color:{BAR}}}"


def _esc(text: object) -> str:
    """HTML-escape anything, quotes included (safe in text and attribute values)."""
    return escape(str(text), quote=True)


# -- numbers ----------------------------------------------------------------------------
def _plain(value: Decimal | None) -> str:
    """A bound as a plain decimal string without exponent ("" when unbounded)."""
    return "" if value is None else format(value, "f")


def _suffix(measure: str) -> str:
    """The unit written after a number of this measure in the page."""
    base = measure.removeprefix("change in ")
    return {"percentage": "%", "percentage point": " pp", "count": ""}.get(base, "")


def _exact(value: Decimal, measure: str = "count") -> str:
    """A number shown exactly, with thousands separators: ``10,000``, ``0.065%``."""
    return format(value, ",f") + _suffix(measure)


def _words(iv: Interval, measure: str = "count") -> str:
    """An interval in words: "at least 10,000", "between 2 and 3", "exactly 5"."""
    low = None if iv.low is None else _exact(iv.low, measure)
    high = None if iv.high is None else _exact(iv.high, measure)
    if low is None and high is None:
        return "any value"
    if iv.is_point:
        return f"exactly {low}"
    below = None if high is None else ("at most " if iv.high_closed else "less than ") + high
    above = None if low is None else ("at least " if iv.low_closed else "more than ") + low
    if below is None:
        return str(above)
    if above is None:
        return below
    if iv.low_closed and iv.high_closed:
        return f"between {low} and {high}"
    return f"{above} and {below}"


def _notation(iv: Interval) -> str:
    """Interval notation with exact bounds: ``[10000, ∞)``."""
    left = "(−∞" if iv.low is None else ("[" if iv.low_closed else "(") + _plain(iv.low)
    right = "∞)" if iv.high is None else _plain(iv.high) + ("]" if iv.high_closed else ")")
    return f"{left}, {right}"


def subject_label(key: str) -> str:
    """A subject key made readable: ``troop|north korean||kursk`` -> "troop · north korean ·
    in kursk"."""
    parts = key.split("|")
    if len(parts) != 4:
        return key or "(no key)"
    cls, modifiers, holder, places = parts
    bits = [cls or "(unnamed)"]
    if modifiers:
        bits.append(modifiers)
    if holder:
        bits.append(f"of {holder}")
    where = [p.strip() for p in places.split(",") if p.strip()]
    if where:
        bits.append("in " + ", ".join(where))
    return " · ".join(bits)


# -- axis -------------------------------------------------------------------------------
def _axis(finding: Finding) -> tuple[Decimal, Decimal]:
    """The shared axis: the finite bounds' range padded by 8% (around the value if one)."""
    extra = () if finding.consensus is None else (finding.consensus,)
    bounds = [b for iv in (*finding.intervals, *extra) for b in (iv.low, iv.high) if b is not None]
    low, high = (min(bounds), max(bounds)) if bounds else (Decimal(0), Decimal(0))
    with localcontext() as ctx:
        ctx.prec = 60
        pad = (high - low) * PAD if high > low else (abs(low) * PAD or Decimal(1))
        return low - pad, high + pad


def _x(value: Decimal, axis: tuple[Decimal, Decimal]) -> Decimal:
    """The pixel x of ``value`` on the axis, rounded to 0.01."""
    lo, hi = axis
    with localcontext() as ctx:
        ctx.prec = 60
        x = X_MIN + (value - lo) / (hi - lo) * (X_MAX - X_MIN)
        return min(max(x, Decimal(X_MIN)), Decimal(X_MAX)).quantize(_CENT)


def _nice(span: Decimal) -> Decimal:
    """The "nice" number nearest ``span``: 1, 2 or 5 times a power of ten (Heckbert)."""
    exp = span.adjusted()
    f = span.scaleb(-exp)
    nice = 1 if f < Decimal("1.5") else 2 if f < 3 else 5 if f < 7 else 10
    return Decimal(nice).scaleb(exp)


def _ticks(axis: tuple[Decimal, Decimal], target: int = 6) -> tuple[list[Decimal], Decimal]:
    """Nicely rounded tick values inside the axis, and their step."""
    lo, hi = axis
    with localcontext() as ctx:
        ctx.prec = 60
        step = _nice((hi - lo) / (target - 1))
        tick = (lo / step).to_integral_value(ROUND_CEILING) * step
        ticks = []
        while tick <= hi:
            ticks.append(tick if tick else Decimal(0))  # no "-0"
            tick += step
    return ticks, step


def _tick_labels(ticks: list[Decimal], step: Decimal, measure: str) -> list[str]:
    """Tick labels with one shared scale: ``9,500`` / ``2.5M`` / ``1.2bn``."""
    top = max((abs(t) for t in ticks), default=Decimal(0))
    scale, word = next(
        ((s, w) for s, w in ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "M")) if top >= s),
        (Decimal(1), ""),
    )
    exponent = (step / scale).normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return [f"{t / scale:,.{places}f}{word}{_suffix(measure)}" for t in ticks]


# -- marks ------------------------------------------------------------------------------
def _row_y(row: int) -> int:
    """The y of a row's centre line."""
    return TOP + row * ROW + ROW // 2


#: why a row is marked: (kind, verb, the other row, the gap between them)
Note = tuple[str, str, int, Decimal]


def _notes(finding: Finding) -> dict[int, list[Note]]:
    """Per row, the conflicts and revisions it takes part in (a revision's later claim
    "revises" the earlier one, by publication date)."""
    notes: dict[int, list[Note]] = {}
    for c in finding.conflicts:
        notes.setdefault(c.lower, []).append(("conflict", "conflicts with", c.upper, c.gap))
        notes.setdefault(c.upper, []).append(("conflict", "conflicts with", c.lower, c.gap))
    for r in finding.revisions:
        first, later = r.lower, r.upper
        if (finding.claims[first].published or "") > (finding.claims[later].published or ""):
            first, later = later, first
        notes.setdefault(later, []).append(("revised", "revises", first, r.gap))
        notes.setdefault(first, []).append(("revised", "revised by", later, r.gap))
    return notes


def _short(notes: list[Note]) -> str:
    """A row's notes in a few characters: "✕ vs rows 2, 3; ↻ revised by 4"."""
    verbs: dict[tuple[str, str], list[int]] = {}
    for kind, verb, other, _ in notes:
        verbs.setdefault((kind, verb), []).append(other + 1)
    parts = []
    for (kind, verb), others in verbs.items():
        rows = ", ".join(str(o) for o in sorted(set(others)))
        if kind == "conflict":
            parts.append(f"✕ vs {'rows' if len(set(others)) > 1 else 'row'} {rows}")
        else:
            parts.append(f"↻ {verb} {rows}")
    return "; ".join(parts)


def _kinds(finding: Finding) -> list[str]:
    """Per row: "conflict", "revised" or ""."""
    notes = _notes(finding)
    kinds = []
    for row in range(len(finding.claims)):
        found = {kind for kind, *_ in notes.get(row, [])}
        kinds.append("conflict" if "conflict" in found else "revised" if found else "")
    return kinds


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def _clip_middle(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters in its middle, so both ends still show."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def _short_source(source: str | None) -> str:
    """A source for a chart label: a file path by its name alone ("wire.txt").

    >>> _short_source("examples/kursk/wire.txt"), _short_source(None)
    ('wire.txt', '(no source)')
    """
    if not source:
        return "(no source)"
    if "/" in source and " " not in source and "://" not in source:
        return source.rstrip("/").rsplit("/", 1)[-1] or source
    return source


def _end(x: Decimal, y: int, side: str, closed: bool | None, colour: str) -> str:
    """One end of a bar: an arrow to the edge, or a filled (closed) / hollow (open) dot."""
    if closed is None:
        tip, base = (x - 7, x + 3) if side == "low" else (x + 7, x - 3)
        return (
            f'<path class="end {side} unbounded" d="M{tip} {y}L{base} {y - 6}L{base} {y + 6}Z"'
            f' fill="{colour}"/>'
        )
    state = "closed" if closed else "open"
    fill = colour if closed else WHITE
    return (
        f'<circle class="end {side} {state}" cx="{x}" cy="{y}" r="5" fill="{fill}"'
        f' stroke="{colour}" stroke-width="2"/>'
    )


def _bar(finding: Finding, index: int, row: int, axis: tuple[Decimal, Decimal], kind: str) -> str:
    """The ``<a><g class="bar">`` of one claim: its bar, ends and data attributes."""
    claim, iv = finding.claims[row], finding.intervals[row]
    x1 = _x(axis[0] if iv.low is None else iv.low, axis)  # unbounded: the axis's edge
    x2 = _x(axis[1] if iv.high is None else iv.high, axis)
    y = _row_y(row)
    colour = {"conflict": CONFLICT, "revised": REVISED}.get(kind, BAR)
    classes = ["bar"] + ([kind] if kind else []) + (["point"] if iv.is_point else [])
    source = claim.source or "(no source)"
    title = f"{row + 1}. {source}: “{claim.surface}” — {_words(iv, finding.measure)}"
    if iv.is_point:
        body = (
            f'<circle class="end point closed" cx="{x1}" cy="{y}" r="6" fill="{colour}"'
            f' stroke="{colour}" stroke-width="2"/>'
        )
    else:
        body = (
            f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" stroke-width="4"/>'
            + _end(x1, y, "low", iv.low_closed, colour)
            + _end(x2, y, "high", iv.high_closed, colour)
        )
    data = {
        "row": str(row),
        "source": claim.source or "",
        "low": _plain(iv.low),
        "high": _plain(iv.high),
        "low-closed": "" if iv.low_closed is None else str(iv.low_closed).lower(),
        "high-closed": "" if iv.high_closed is None else str(iv.high_closed).lower(),
        "x1": str(x1),
        "x2": str(x2),
    }
    attrs = "".join(f' data-{k}="{_esc(v)}"' for k, v in data.items())
    return (
        f'<a href="#s-{index}-{row}"><g id="b-{index}-{row}" class="{" ".join(classes)}"'
        f"{attrs}><title>{_esc(title)}</title>"
        f'<rect x="{X_MIN - 8}" y="{y - ROW // 2}" width="{X_MAX - X_MIN + 16}" height="{ROW}"'
        f' fill="{WHITE}" fill-opacity="0"/>{body}</g></a>'
    )


def _label(finding: Finding, index: int, row: int, kind: str) -> str:
    """The row's label: number, a star when most precise, source, surface."""
    claim = finding.claims[row]
    source = _clip_middle(_short_source(claim.source), 18)
    surface = _clip(claim.surface, max(30 - len(source), 10))
    star = f'<tspan fill="{REVISED}">★\u00a0</tspan>' if row == finding.most_precise else ""
    colour = {"conflict": CONFLICT, "revised": REVISED}.get(kind, INK)
    y = _row_y(row) + 4
    return (
        f'<text x="{LABEL_X}" y="{y}" fill="{MUTED}" font-size="11">{row + 1}</text>'
        f'<a href="#s-{index}-{row}"><text class="label" x="{LABEL_X + 20}" y="{y}"'
        f' fill="{INK}"><title>{_esc(claim.source or "(no source)")}: {_esc(claim.surface)}'
        f'</title>{star}<tspan font-weight="600" fill="{colour}">{_esc(source)}</tspan>'
        f'<tspan fill="{MUTED}">\u00a0·\u00a0</tspan><tspan>{_esc(surface)}</tspan></text></a>'
    )


def _link(finding: Finding, pair: tuple[int, int], axis: tuple[Decimal, Decimal], kind: str) -> str:
    """A dashed line across the gap between two claims that do not meet."""
    lower, upper = pair
    top, bottom = finding.intervals[lower].high, finding.intervals[upper].low
    if top is None or bottom is None:
        return ""
    xa, xb = _x(top, axis), _x(bottom, axis)
    ya, yb = _row_y(lower), _row_y(upper)
    colour = CONFLICT if kind == "conflict" else REVISED
    return (
        f'<path class="gap {kind}" data-lower="{lower}" data-upper="{upper}"'
        f' d="M{xa} {ya}L{xb} {yb}" stroke="{colour}" stroke-width="1.5"'
        f' stroke-dasharray="4 3" fill="none"/>'
    )


def _consensus(finding: Finding, axis: tuple[Decimal, Decimal], bottom: int) -> str:
    """The consensus as a shaded band across all rows, labelled above."""
    iv = finding.consensus
    if iv is None:
        return ""
    x1 = _x(axis[0] if iv.low is None else iv.low, axis)  # unbounded: the axis's edge
    x2 = _x(axis[1] if iv.high is None else iv.high, axis)
    width = max(x2 - x1, Decimal(2))
    left = min(x1, Decimal(X_MAX) - width)
    mid = min(max((x1 + x2) / 2, Decimal(X_MIN + 34)), Decimal(X_MAX - 34))
    return (
        f'<g class="consensus" data-low="{_plain(iv.low)}" data-high="{_plain(iv.high)}"'
        f' data-x1="{x1}" data-x2="{x2}"><title>consensus: {_esc(_words(iv, finding.measure))}'
        f'</title><rect x="{left}" y="{TOP - 4}" width="{width}" height="{bottom - TOP + 8}"'
        f' fill="{CONSENSUS}" fill-opacity="0.13" stroke="{CONSENSUS}" stroke-opacity="0.5"'
        f' stroke-dasharray="2 2"/><text x="{mid}" y="{TOP - 9}" text-anchor="middle"'
        f' font-size="11" fill="{CONSENSUS}">consensus</text></g>'
    )


def finding_svg(finding: Finding, *, index: int = 0) -> str:
    """The interval chart of one finding: ``<div class="ft-chart"><svg>…</svg></div>``.

    Styled by attributes only, so it draws the same inside the report or a notebook; bars
    link to ``#s-<index>-<row>``, the sentences `finding_html` lists.
    """
    axis = _axis(finding)
    n = len(finding.claims)
    bottom = TOP + n * ROW
    base = bottom + 6
    ticks, step = _ticks(axis)
    labels = _tick_labels(ticks, step, finding.measure)
    notes = _notes(finding)
    kinds = _kinds(finding)
    out = [
        f'<svg class="ft-svg" viewBox="0 0 {WIDTH} {base + 34}" width="100%" role="img"'
        f' aria-label="{_esc(f"intervals for {subject_label(finding.key)}")}"'
        f' font-family="{FONT}" font-size="12" data-finding="{index}"'
        f' data-key="{_esc(finding.key)}" data-measure="{_esc(finding.measure)}"'
        f' data-axis-min="{_plain(axis[0])}" data-axis-max="{_plain(axis[1])}"'
        f' data-x-min="{X_MIN}" data-x-max="{X_MAX}">'
    ]
    for row in range(1, n, 2):  # zebra rows
        out.append(
            f'<rect x="0" y="{TOP + row * ROW}" width="{WIDTH}" height="{ROW}" fill="#f6f8fa"/>'
        )
    for tick, text in zip(ticks, labels, strict=True):
        x = _x(tick, axis)
        out.append(
            f'<g class="tick" data-value="{_plain(tick)}" data-x="{x}">'
            f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{base + 4}" stroke="{GRID}"/>'
            f'<text x="{x}" y="{base + 18}" text-anchor="middle" font-size="11"'
            f' fill="{MUTED}">{_esc(text)}</text></g>'
        )
    out.append(
        f'<line class="axis" x1="{X_MIN}" y1="{base}" x2="{X_MAX}" y2="{base}" stroke="{MUTED}"/>'
        f'<text x="{LABEL_X}" y="{base + 18}" font-size="11" fill="{MUTED}">'
        f"{_esc(finding.measure)}</text>"
    )
    if n > 1:  # one claim's consensus is its own bar
        out.append(_consensus(finding, axis, bottom))
    for c in finding.revisions:
        out.append(_link(finding, (c.lower, c.upper), axis, "revised"))
    for c in finding.conflicts:
        out.append(_link(finding, (c.lower, c.upper), axis, "conflict"))
    for row in range(n):
        out.append(_label(finding, index, row, kinds[row]))
        out.append(_bar(finding, index, row, axis, kinds[row]))
        if row in notes:
            note = _short(notes[row])
            colour = CONFLICT if kinds[row] == "conflict" else REVISED
            out.append(
                f'<text class="note" x="{NOTE_X}" y="{_row_y(row) + 4}" font-size="11"'
                f' font-weight="600" fill="{colour}"><title>{_esc(note)}</title>'
                f"{_esc(_clip(note, 18))}</text>"
            )
    out.append("</svg>")
    return '<div class="ft-chart" style="max-width:900px">' + "".join(out) + "</div>"


# -- sentences and sections -------------------------------------------------------------
def _highlight(claim: Claim) -> str:
    """The claim's sentence, escaped, with its surface in ``<mark>``."""
    text, surface = claim.sentence, claim.surface
    at = claim.start - claim.sentence_start
    if not surface:
        return _esc(text)
    if not (at >= 0 and text[at : at + len(surface)] == surface):
        at = text.find(surface)  # offsets from another text: fall back to the first match
    if at < 0:
        return f"{_esc(text)} <mark>{_esc(surface)}</mark>".lstrip()
    end = at + len(surface)
    return f"{_esc(text[:at])}<mark>{_esc(surface)}</mark>{_esc(text[end:])}"


def _sentences(finding: Finding, index: int) -> str:
    """The list each bar links to: row, source, date, interval, notes, sentence."""
    kinds = _kinds(finding)
    notes = _notes(finding)
    items = []
    for row, (claim, iv) in enumerate(zip(finding.claims, finding.intervals, strict=True)):
        date = f' <span class="ft-date">{_esc(claim.published)}</span>' if claim.published else ""
        marks = "".join(
            f' <span class="ft-note {kind}">{"✕" if kind == "conflict" else "↻"} {verb} row'
            f" {other + 1} (gap {_esc(_exact(gap, finding.measure))})</span>"
            for kind, verb, other, gap in notes.get(row, [])
        )
        star = " ★ most precise" if row == finding.most_precise else ""
        items.append(
            f'<li id="s-{index}-{row}" class="{kinds[row]}"><span class="ft-n">{row + 1}</span>'
            f'<span class="ft-src">{_esc(claim.source or "(no source)")}</span>{date}'
            f' <span class="ft-iv">{_esc(_words(iv, finding.measure))}'
            f" {_esc(_notation(iv))}{star}</span>{marks}<br>{_highlight(claim)}</li>"
        )
    return '<ol class="ft-sentences">' + "".join(items) + "</ol>"


def _plural(n: int, word: str) -> str:
    """The count and the word, plural unless one: "3 claims"."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _badge(status: str) -> str:
    """The status as a coloured pill."""
    return f'<span class="ft-badge ft-badge-{_esc(status)}">{_esc(status)}</span>'


def _section(finding: Finding, index: int) -> str:
    """A finding's section: heading, status, consensus, most precise, chart, sentences."""
    best = finding.claims[finding.most_precise] if finding.claims else None
    consensus = (
        "none — the sources do not meet"
        if finding.consensus is None
        else f"{_words(finding.consensus, finding.measure)} ({_notation(finding.consensus)})"
    )
    precise = (
        ""
        if best is None
        else f' · most precise <a href="#s-{index}-{finding.most_precise}">'
        f"{_esc(best.source or '(no source)')}, “{_esc(best.surface)}”</a>"
    )
    return (
        f'<section class="ft-finding ft-{_esc(finding.status)}" id="f-{index}"'
        f' data-status="{_esc(finding.status)}">'
        f"<h2>{_esc(subject_label(finding.key))} {_badge(finding.status)}</h2>"
        f'<p class="ft-meta"><code>{_esc(finding.key)}</code> · measure'
        f" <b>{_esc(finding.measure)}</b> · {_plural(len(finding.sources), 'source')} ·"
        f" consensus <b>{_esc(consensus)}</b>{precise}</p>"
        f"{finding_svg(finding, index=index)}{_sentences(finding, index)}</section>"
    )


def finding_html(finding: Finding, *, index: int = 0) -> str:
    """One finding's section with its own scoped style, for a notebook's ``_repr_html_``."""
    return f'<div class="figtrack"><style>{CSS}</style>{_section(finding, index)}</div>'


def claim_html(claim: Claim) -> str:
    """A claim for a notebook's ``_repr_html_``: its sentence with the figure marked, then
    what was read: the stated interval, kind and unit, subject and key, source and date."""
    q = claim.quantity
    facts = [f"<b>{_esc(claim.surface)}</b> {_esc(_notation(q.interval))}"]
    facts.append(_esc(" ".join(x for x in (q.kind, q.unit) if x)))
    if q.approximate:
        facts.append("approximate")
    if q.trend:
        facts.append(_esc("rise" if q.trend == "up" else "fall"))
    subj = claim.subject
    if subj is not None and subj.text:
        facts.append(
            f"of {_esc(subj.text)}" + (f" <code>{_esc(subj.key)}</code>" if subj.key else "")
        )
    where = ", ".join(_esc(x) for x in (claim.source, claim.published) if x)
    if where:
        facts.append(where)
    facts.append(f"chars {claim.start}–{claim.end}")
    return (
        f'<div class="figtrack"><style>{CSS}</style><div class="ft-claim">'
        f'<p style="margin:4px 0">{_highlight(claim)}</p>'
        f'<p class="ft-meta">{" · ".join(facts)}</p></div></div>'
    )


def _legend() -> str:
    """A one-line key to the marks, drawn with the chart's own shapes."""
    y = 14
    parts = [
        _end(Decimal(10), y, "low", True, BAR),
        f'<text x="22" y="{y + 4}">closed end</text>',
        _end(Decimal(110), y, "low", False, BAR),
        f'<text x="122" y="{y + 4}">open end</text>',
        f'<line x1="212" y1="{y}" x2="236" y2="{y}" stroke="{BAR}" stroke-width="4"/>',
        _end(Decimal(236), y, "high", None, BAR),
        f'<text x="252" y="{y + 4}">unbounded</text>',
        f'<rect x="340" y="{y - 8}" width="22" height="16" fill="{CONSENSUS}"'
        f' fill-opacity="0.13" stroke="{CONSENSUS}" stroke-dasharray="2 2"/>',
        f'<text x="368" y="{y + 4}">consensus</text>',
        f'<line x1="450" y1="{y}" x2="474" y2="{y}" stroke="{CONFLICT}" stroke-width="4"/>',
        f'<text x="480" y="{y + 4}">conflict</text>',
        f'<line x1="545" y1="{y}" x2="569" y2="{y}" stroke="{REVISED}" stroke-width="4"/>',
        f'<text x="575" y="{y + 4}">revised</text>',
    ]
    return (
        f'<svg class="ft-legend" viewBox="0 0 640 28" role="img" aria-label="legend"'
        f' font-family="{FONT}" font-size="12" fill="{MUTED}">' + "".join(parts) + "</svg>"
    )


def render_report(
    findings: Sequence[Finding], *, title: str = "figtrack report", generated: str | None = None
) -> str:
    """A whole self-contained HTML5 page: an index, then one charted section per finding."""
    counts = {s: sum(f.status == s for f in findings) for s in ("conflict", "revised", "agree")}
    summary = [_plural(len(findings), "subject")]
    summary += [f"{n} {status}" for status, n in counts.items() if n]
    if generated:
        summary.append(f"generated {generated}")
    index = "".join(
        f'<li>{_badge(f.status)} <a href="#f-{i}">{_esc(subject_label(f.key))}</a>'
        f' <span class="ft-date">· {_esc(f.measure)} · {_plural(len(f.claims), "claim")}'
        "</span></li>"
        for i, f in enumerate(findings)
    )
    body = "".join(_section(f, i) for i, f in enumerate(findings))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_PAGE_CSS}{CSS}</style></head>"
        f'<body><div class="figtrack"><header><h1>{_esc(title)}</h1>'
        f'<p class="ft-sub">{_esc(" · ".join(summary))}</p>{_legend()}</header>'
        + (f'<ol class="ft-index">{index}</ol>{body}' if findings else "<p>No findings.</p>")
        + "</div></body></html>\n"
    )
