"""Figures from many sources, compared as intervals: `relate` and `compare`.

Claims meet when they share a subject key and a measure (`figtrack.policy.interpret`).
Per group, one sort by upper bound finds, for every claim, the nearest claim of another
source lying wholly below it, so a group of n claims costs O(n log n), never all pairs.

>>> import figtrack
>>> a = figtrack.extract("Over 10,000 North Korean troops are in Russia.", source="A")
>>> b = figtrack.extract("Between 11,000 and 12,000 North Korean troops are in Russia.",
...                      source="B")
>>> figtrack.relate(a[0], b[0])
'contains'
>>> (finding,) = figtrack.compare(a + b)
>>> finding.status, str(finding.consensus)
('agree', '[11000, 12000]')
"""

from __future__ import annotations

import bisect
import functools
import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from figtrack.lexicon import load_lexicon
from figtrack.model import (
    AGE_UNIT,
    Claim,
    Contradiction,
    Finding,
    Interval,
    Quantity,
    Relation,
    Status,
    shared_by_group,
)
from figtrack.policy import Policy, given_policy, interpret

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|[0-9]+")


def relation(x: Interval, y: Interval) -> Relation:
    """How interval ``x`` stands to ``y``: equal, contains, within, overlaps or disjoint."""
    if x == y:
        return "equal"
    meet = x.intersection(y)
    if meet.is_empty:
        return "disjoint"
    if meet == y:
        return "contains"
    if meet == x:
        return "within"
    return "overlaps"


def relate(a: Claim | Quantity, b: Claim | Quantity, policy: Policy | None = None) -> Relation:
    """How claim ``a``'s figure stands to ``b``'s, as the policy reads them.

    ``"incomparable"`` when they are not figures of one measure (another dimension,
    another currency, a change against a level). Subjects are not looked at: `compare`
    groups by subject key first.
    """
    policy = given_policy("relate", policy)
    for name, claim in (("a", a), ("b", b)):
        if not isinstance(claim, (Claim, Quantity)):
            raise TypeError(
                f"relate() {name} must be a Claim or a Quantity, not {type(claim).__name__}"
            )
    ra, rb = interpret(a, policy), interpret(b, policy)
    if ra is None or rb is None or ra[0] != rb[0]:
        return "incomparable"
    return relation(ra[1], rb[1])


def _below(a: Interval, b: Interval) -> bool:
    """Whether ``a`` lies wholly below ``b``."""
    if a.high is None or b.low is None:
        return False
    return a.high < b.low or (a.high == b.low and not (a.high_closed and b.low_closed))


def publication_day(published: str | None) -> str | None:
    """The publication day: the ISO date at the start of ``published``, else all of it."""
    if published is None:
        return None
    m = _ISO_DAY.match(published)
    return m.group() if m else published


def _read_days(days: list[str | None], intervals: Sequence[Interval]) -> list[str | None]:
    """The days, an undated figure read as of the one day on which dated reports give
    the very same interval ("ten" dead undated, and "10" in reports of the 28th only)."""
    on: dict[Interval, set[str]] = defaultdict(set)
    for day, iv in zip(days, intervals, strict=True):
        if day is not None:
            on[iv].add(day)
    read = list(days)
    for i, day in enumerate(days):
        found = on.get(intervals[i])
        if day is None and found is not None and len(found) == 1:
            read[i] = next(iter(found))
    return read


def _by_top(
    items: Sequence[int], intervals: Sequence[Interval]
) -> tuple[list[int], list[tuple[Decimal, int]]]:
    """The items with a finite top, sorted by it (an open top before a closed one at the
    same number), and their tops as ``(top, 1 if closed else 0)``, for bisection."""
    finite = [i for i in items if intervals[i].high is not None]
    order = sorted(finite, key=lambda i: (intervals[i].high, bool(intervals[i].high_closed)))
    tops = []
    for i in order:
        high = intervals[i].high
        assert high is not None
        tops.append((high, 1 if intervals[i].high_closed else 0))
    return order, tops


def _low_limit(iv: Interval) -> tuple[Decimal, int]:
    """Where, among `_by_top`'s tops, those wholly below ``iv`` end: a top lies below iff
    it is under ``iv``'s low, or equal to it and not both closed."""
    assert iv.low is not None
    return (iv.low, 1) if iv.low_closed else (iv.low, 2)


def _limits(
    items: Sequence[int], intervals: Sequence[Interval], tops: list[tuple[Decimal, int]]
) -> Iterator[tuple[int, int]]:
    """Each item with a finite low, and how many of `_by_top`'s tops lie wholly below it."""
    for j in items:
        if intervals[j].low is not None:
            yield j, bisect.bisect_left(tops, _low_limit(intervals[j]))


def _nearest_below(
    items: Sequence[int], intervals: Sequence[Interval], sources: Sequence[str | None]
) -> list[tuple[int, int]]:
    """For each item, the item of another source wholly below it with the highest top.

    One sort by upper bound; for each prefix of that order, the last item and the last
    item of a different source than it, so each lookup is a bisection.
    """
    order, tops = _by_top(items, intervals)
    last: list[int | None] = [None]
    other: list[int | None] = [None]  # last item whose source differs from `last`'s
    for i in order:
        prev = last[-1]
        if prev is None:
            other.append(None)
        elif sources[prev] != sources[i]:
            other.append(prev)
        else:
            other.append(other[-1])
        last.append(i)
    pairs = []
    for j, p in _limits(items, intervals, tops):
        cand = last[p]
        if cand is not None and sources[cand] == sources[j]:
            cand = other[p]
        if cand is not None:
            pairs.append((cand, j))
    return pairs


#: a year as a scope phrase states it ("in 2004")
_YEAR: Final = re.compile(r"(?:1[89]|20)[0-9][0-9]\Z")


@functools.cache
def _calendar() -> tuple[Mapping[str, int], frozenset[str]]:
    """The month names with their numbers and the prepositions of a date, from the
    bundled language data."""
    lex = load_lexicon()
    return lex.month_numbers, lex.date_prepositions


def stated_time(claim: Claim) -> tuple[int | None, int | None] | None:
    """The year and month a claim's scope states right after a preposition of a date, a
    month name (at the phrase's end or before a number) and a year, or a year alone ("In
    February" -> (None, 2), "in December 2008" -> (2008, 12), "in 2004" -> (2004, None));
    else None: "in Jan's shop", "in Mar del Plata". The month names and prepositions are
    the bundled language data's.

    >>> from figtrack import extract
    >>> stated_time(extract("In February, a quake of magnitude 6.4 hit Varnholm.")[0])
    (None, 2)
    """
    if claim.subject is None:
        return None
    months, prepositions = _calendar()
    for phrase in claim.subject.scope:
        words = _WORD_OR_NUMBER.findall(phrase.lower())
        if len(words) < 2 or words[0] not in prepositions:
            continue
        rest = words[2:]
        month = months.get(words[1])
        if month is not None and (not rest or rest[0].isdigit()):
            # "on April 11", "In December 2008", "on April 11, 2009"
            year = next((int(w) for w in rest[:2] if _YEAR.match(w)), None)
            if len(rest) - (year is not None) <= 1:
                return year, month
        elif _YEAR.match(words[1]) and not rest:
            return int(words[1]), None
    return None


def _month(published: str | None) -> tuple[int, int] | None:
    """The year and month of a publication date."""
    m = _ISO_DAY.match(published or "")
    return None if m is None else (int(m.group()[:4]), int(m.group()[5:7]))


def _times_differ(
    a: tuple[int | None, int | None] | None,
    b: tuple[int | None, int | None] | None,
    published: tuple[int, int] | None,
) -> bool:
    """Whether stated time ``a`` differs from ``b``; when ``b`` states none, from the
    time of ``a``'s report, ``published``: its month or the month before, of its year."""
    if a is None:
        return False
    year, month = a
    if b is not None:
        return (year is not None and b[0] is not None and year != b[0]) or (
            month is not None and b[1] is not None and month != b[1]
        )
    if published is None:
        return False
    now_year, now_month = published
    before = (now_year, now_month - 1) if now_month > 1 else (now_year - 1, 12)
    if year is None:
        return month not in (now_month, before[1])
    if month is None:
        return year not in (now_year, before[0])
    return (year, month) not in (published, before)


def _timed_apart(
    claims: Sequence[Claim], told_apart: Callable[[int, int], bool] | None
) -> Callable[[int, int], bool] | None:
    """``told_apart``, and also true for two claims whose stated times differ
    (`stated_time`)."""
    times = [stated_time(c) for c in claims]
    if not any(times):
        return told_apart
    months = [_month(c.published) for c in claims]

    def apart(lo: int, hi: int) -> bool:
        a, b = times[lo], times[hi]
        return (
            _times_differ(a, b, months[lo])
            or _times_differ(b, a, months[hi])
            or (told_apart is not None and told_apart(lo, hi))
        )

    return apart


#: Up to this many claims in a finding, every pair below a claim is tried for shared
#: context; beyond it, the nearest few (`_CONTEXT_TRIES`), so the cost stays O(n log n).
_CONTEXT_ALL = 256
_CONTEXT_TRIES = 8
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _context(claim: Claim, stop: frozenset[str]) -> frozenset[str]:
    """The words of a claim's sentence that say what it is about: lower case, without
    stop words, the figure itself and the subject's head noun (the key's modifiers,
    holder and places count: "killed ... in Varnholm" shares "varnholm")."""
    subject = claim.subject
    own = set()
    if subject is not None:
        own.update(re.split(r"[ ]+", (subject.key or "").split("|")[0]))
        own.update(_WORD.findall((subject.text or "").lower())[-1:])
        own.add((subject.head or "").lower())
    at = claim.start - claim.sentence_start
    rest = claim.sentence[:at] + " " + claim.sentence[at + len(claim.surface) :]
    words = set()
    for w in _WORD.findall(rest.lower()):
        w = w.removesuffix("'s").removesuffix("’s").strip("'’-")
        if len(w) > 1 and w not in stop and w not in own:
            words.add(w)
    return frozenset(words)


def _sharing_below(
    items: Sequence[int],
    intervals: Sequence[Interval],
    sources: Sequence[str | None],
    fits: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """For each item, the nearest item of another source wholly below it that ``fits``
    as the lower of a pair (all such items are tried up to `_CONTEXT_ALL` items, else
    the nearest `_CONTEXT_TRIES`)."""
    order, tops = _by_top(items, intervals)
    tries = len(order) if len(items) <= _CONTEXT_ALL else _CONTEXT_TRIES
    pairs = []
    for j, p in _limits(items, intervals, tops):
        for i in order[max(0, p - tries) : p][::-1]:
            if sources[i] != sources[j] and fits(i, j):
                pairs.append((i, j))
                break
    return pairs


def _width_rank(iv: Interval) -> tuple[int, Decimal, int]:
    """Sort key for precision: fewer unbounded sides, then the narrower interval; of two
    one-sided bounds, the tighter ("at least 10,000" before "more than 5,000"); at one
    width, fewer closed ends ("more than 10,000" before "at least 10,000")."""
    closed = int(iv.low is not None and bool(iv.low_closed)) + int(
        iv.high is not None and bool(iv.high_closed)
    )
    if iv.low is not None and iv.high is not None:
        return (0, iv.high - iv.low, closed)
    if iv.low is not None:
        return (1, -iv.low, closed)
    if iv.high is not None:
        return (1, iv.high, closed)
    return (2, Decimal(0), 0)


def _finding(
    key: str,
    measure: str,
    claims: list[Claim],
    intervals: list[Interval],
    policy: Policy,
    loose: Policy,
    told_apart: Callable[[int, int], bool] | None = None,
) -> Finding:
    sources = [c.source for c in claims]
    consensus: Interval | None = intervals[0]
    for iv in intervals[1:]:
        assert consensus is not None
        consensus = consensus.intersection(iv)
        if consensus.is_empty:
            consensus = None
            break
    most_precise = min(range(len(claims)), key=lambda i: (_width_rank(intervals[i]), i))
    if len(set(sources)) < 2:
        return Finding(
            key, measure, tuple(claims), tuple(intervals), "single", consensus, most_precise
        )
    if consensus is not None:  # all intervals share a number: no pair is disjoint
        return Finding(
            key, measure, tuple(claims), tuple(intervals), "agree", consensus, most_precise
        )
    if policy.stated_times:
        told_apart = _timed_apart(claims, told_apart)
    days = [publication_day(c.published) for c in claims]
    if policy.revisions:
        days = _read_days(days, intervals)
    everything = list(range(len(claims)))
    dated = policy.revisions and any(d is not None for d in days)

    def below(members: list[int], ivs: list[Interval], shared: bool) -> list[tuple[int, int]]:
        if shared and (policy.context_words or told_apart is not None):
            return _sharing_below(members, ivs, sources, fits)
        return _nearest_below(members, ivs, sources)

    # an age grows with time: two ages contradict each other only in reports dated the
    # same day ("26" in January and "27" in September may both be right), unless the
    # policy leaves dates out
    timed = measure == AGE_UNIT and policy.revisions

    def same_day(
        members: list[int], intervals: list[Interval], shared: bool = False, strict: bool = False
    ) -> set[tuple[int, int]]:
        """Disjoint pairs of two sources published the same day (or either undated, unless
        ``strict``), with shared context if ``shared``."""
        if not dated:
            return set() if strict else set(below(members, intervals, shared))
        undated = [] if strict else [i for i in members if days[i] is None]
        by_day: dict[str, list[int]] = defaultdict(list)
        for i in members:
            day = days[i]
            if day is not None:
                by_day[day].append(i)
        pairs: set[tuple[int, int]] = set()
        for group in by_day.values() or [[]]:
            pairs.update(below(group + undated, intervals, shared))
        return pairs

    # A source whose own figures under this key do not all meet names several quantities
    # with it.
    own = shared_by_group(zip(sources, intervals, strict=True))
    # A vague magnitude ("dozens", "thousands") is too loose a word to contradict anything.
    is_trusted = [
        own[s] is not None and not (c.quantity.approximate and c.quantity.precision is None)
        for s, c in zip(sources, claims, strict=True)
    ]
    trusted = [i for i in everything if is_trusted[i]]
    # A conflict is a disjoint pair of such sources that stays disjoint with plain figures
    # read as rounded ("$250,000" and "more than $250,000" do not), in sentences that
    # share enough context; the other disjoint pairs are ambiguities.
    rounded = _rounded(claims, intervals, policy, loose)
    need = policy.context_words
    contexts: dict[int, frozenset[str]] = {}

    def context(i: int) -> frozenset[str]:
        found = contexts.get(i)
        if found is None:
            found = contexts[i] = _context(claims[i], policy.stop_words)
        return found

    def shares(lo: int, hi: int) -> bool:
        """Whether a pair's sentences share the context words the policy needs."""
        return need == 0 or len(context(lo) & context(hi)) >= need

    apart: set[tuple[int, int]] = set()

    def fits(lo: int, hi: int) -> bool:
        """Whether a pair's sentences share enough context, and no source gives both
        figures (one that does shows two quantities, not one told two ways)."""
        if not shares(lo, hi):
            return False
        if told_apart is not None and told_apart(lo, hi):
            apart.add((lo, hi))
            return False
        return True

    conflict_pairs = same_day(trusted, rounded, shared=True, strict=timed)

    def doubtful(lo: int, hi: int) -> bool:
        return (
            not (is_trusted[lo] and is_trusted[hi])
            or (timed and (days[lo] is None or days[hi] is None))
            or not _below(rounded[lo], rounded[hi])
            or not shares(lo, hi)
            or (told_apart is not None and told_apart(lo, hi))
        )

    ambiguous_pairs = apart | {
        p for p in same_day(everything, intervals) - conflict_pairs if doubtful(*p)
    }
    revision_pairs: set[tuple[int, int]] = set()
    if dated:
        for lo, hi in _nearest_below(everything, intervals, sources):
            day_lo, day_hi = days[lo], days[hi]
            if day_lo is not None and day_hi is not None and day_lo != day_hi:
                revision_pairs.add((lo, hi))

    def contradictions(pairs: set[tuple[int, int]]) -> tuple[Contradiction, ...]:
        out = []
        for lo, hi in sorted(pairs, key=lambda p: (p[1], p[0])):
            top, bottom = intervals[lo].high, intervals[hi].low
            assert top is not None and bottom is not None
            out.append(Contradiction(lo, hi, bottom - top))
        return tuple(out)

    status: Status = (
        "conflict"
        if conflict_pairs
        else "ambiguous"
        if ambiguous_pairs
        else "revised"
        if revision_pairs
        else "agree"
    )
    return Finding(
        key,
        measure,
        tuple(claims),
        tuple(intervals),
        status,
        consensus,
        most_precise,
        contradictions(conflict_pairs),
        contradictions(revision_pairs),
        contradictions(ambiguous_pairs),
    )


def check_min_sources(func: str, min_sources: object) -> None:
    """TypeError or ValueError naming ``func`` unless ``min_sources`` is an int >= 1."""
    if isinstance(min_sources, bool) or not isinstance(min_sources, int):
        raise TypeError(f"{func}() min_sources must be an int, not {type(min_sources).__name__}")
    if min_sources < 1:
        raise ValueError(f"{func}() min_sources must be at least 1, not {min_sources}")


def compare(
    claims: Iterable[Claim], policy: Policy | None = None, *, min_sources: int = 1
) -> list[Finding]:
    """Group claims by subject key and measure and compare each group's intervals.

    Claims without a key, and claims that are not figures, are left out. Findings come
    sorted by key and measure, with their claims in input order; ``min_sources`` keeps
    only findings with at least that many distinct sources (2: what sources share).
    """
    policy = given_policy("compare", policy)
    if isinstance(claims, (str, bytes, Claim)) or not isinstance(claims, Iterable):
        raise TypeError(
            f"compare() claims must be an iterable of Claims, not {type(claims).__name__}"
        )
    check_min_sources("compare", min_sources)
    # Comparison allocates millions of small objects and frees none of them until the end;
    # the cyclic collector would rescan them again and again (a third of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compare(claims, policy, min_sources)
    finally:
        if collecting:
            gc.enable()


def _compare(claims: Iterable[Claim], policy: Policy, min_sources: int) -> list[Finding]:
    groups: dict[tuple[str, str], tuple[list[Claim], list[Interval]]] = {}
    others = _Others(groups, policy) if policy.told_apart else None
    for claim in claims:
        if not isinstance(claim, Claim):
            raise TypeError(f"compare() claims must be Claims, not {type(claim).__name__}")
        key = claim.subject.key if claim.subject is not None else None
        if key is None:
            if others is not None:
                others.unkeyed(claim)
            continue
        read = interpret(claim, policy)
        if read is None:
            continue
        measure, interval = read
        group = groups.get((key, measure))
        if group is None:
            group = groups[(key, measure)] = ([], [])
        group[0].append(claim)
        group[1].append(interval)
    findings = []
    # the policies that read plain figures as rounded, for trusting conflicts: one as the
    # policy is, one that keeps a finding's single unit (built once, if needed)
    loose = attrs.evolve(policy, implicit_precision=True)
    loose_same: Policy | None = None
    same: Policy | None = None
    for (key, measure), (members, intervals) in sorted(groups.items()):
        if len({c.source for c in members}) < min_sources:
            continue
        reading = loose
        apart = None if others is None else others.telling(key, measure, intervals)
        units = {c.quantity.unit for c in members}
        if (
            policy.convert_units
            and len(units) == 1
            and measure not in units
            and all(c.quantity.kind in ("measure", "percent") for c in members)
            and policy.conversions.to_base(next(iter(units)) or "") is not None
        ):
            # one unit throughout: compare in it, so "40 km/h" stays 40 kilometres per hour
            if same is None or loose_same is None:
                same = attrs.evolve(policy, convert_units=False)
                loose_same = attrs.evolve(same, implicit_precision=True)
            readings = [r for r in (interpret(c, same) for c in members) if r is not None]
            measure, intervals = readings[0][0], [r[1] for r in readings]
            reading = loose_same
        findings.append(_finding(key, measure, members, intervals, policy, reading, apart))
    return findings


def _key_fields(key: str) -> tuple[str, str, str, frozenset[str]]:
    """A key's class, modifiers and holder, and its places as a set."""
    cls, mods, holder, places = [*key.split("|"), "", "", ""][:4]
    return cls, mods, holder, frozenset(p for p in places.split(",") if p)


def _narrows(
    fine: tuple[str, str, str, frozenset[str]], coarse: tuple[str, str, str, frozenset[str]]
) -> bool:
    """Whether key fields ``fine`` name what ``coarse`` names, or a narrower part of it: the
    same class, its modifiers and holder where it has them, and its places among more."""
    cls, mods, holder, places = coarse
    return (
        fine[0] == cls
        and (not mods or fine[1] == mods)
        and (not holder or fine[2] == holder)
        and places <= fine[3]
    )


class _Others:
    """What tells two disjoint figures of a key apart: one source that gives both.

    A source's figures under the key or a narrower key of its class and measure ("12
    magazines seized during the raid" and "31 magazines seized by the ship" narrow
    `magazine|||`), and, for a key of the class alone, its unkeyed figures whose head
    noun the keyed figures put in that class only ("the 6.8 and 6.2 magnitude quakes",
    listed, get no key). Only sources whose figures there do not all meet can tell.
    """

    def __init__(
        self, groups: dict[tuple[str, str], tuple[list[Claim], list[Interval]]], policy: Policy
    ) -> None:
        self._groups = groups
        self._policy = policy
        self._unkeyed: dict[str, list[Claim]] = defaultdict(list)  # by head noun
        # built at the first conflict: the keys by class and measure, and for each class
        # the head nouns of unkeyed figures that keyed figures put in that class alone
        self._keys: dict[tuple[str, str], list[str]] | None = None
        self._only: dict[str, list[str]] = defaultdict(list)

    def _index(self) -> dict[tuple[str, str], list[str]]:
        keys: dict[tuple[str, str], list[str]] = defaultdict(list)
        heads: dict[str | None, set[str]] = defaultdict(set)
        for key, measure in sorted(self._groups):
            cls = key.split("|", 1)[0]
            keys[(cls, measure)].append(key)
            if self._unkeyed:
                for head in {c.subject.head for c in self._groups[(key, measure)][0] if c.subject}:
                    heads[head].add(cls)
        for head, classes in heads.items():
            if len(classes) == 1 and head in self._unkeyed:
                self._only[next(iter(classes))].append(head)
        return keys

    def unkeyed(self, claim: Claim) -> None:
        """Note a figure with no key (read only if a conflict needs it)."""
        head = claim.subject.head if claim.subject is not None else None
        if head:
            self._unkeyed[head].append(claim)

    def _figures(self, key: str, measure: str) -> list[tuple[str | None, Interval]]:
        if self._keys is None:
            self._keys = self._index()
        coarse = _key_fields(key)
        cls = coarse[0]
        found: list[tuple[str | None, Interval]] = []
        for other in self._keys.get((cls, measure), ()):
            if _narrows(_key_fields(other), coarse):
                members, intervals = self._groups[(other, measure)]
                found.extend(zip((c.source for c in members), intervals, strict=True))
        if key == f"{cls}|||":
            for head in self._only.get(cls, ()):
                for claim in self._unkeyed[head]:
                    read = interpret(claim, self._policy)
                    if read is not None and read[0] == measure:
                        found.append((claim.source, read[1]))
        several = shared_by_group(found)
        return [(s, iv) for s, iv in found if several[s] is None]

    def telling(
        self, key: str, measure: str, intervals: Sequence[Interval]
    ) -> Callable[[int, int], bool]:
        """For a finding's claims read as ``intervals``: whether some source gives a
        figure that meets claim ``lo``'s and not ``hi``'s and another the other way round
        (of the first `_CONTEXT_ALL` figures of sources with several)."""
        figures: list[tuple[str | None, Interval]] | None = None

        def told_apart(lo: int, hi: int) -> bool:
            nonlocal figures
            if figures is None:
                figures = self._figures(key, measure)[:_CONTEXT_ALL]
            a, b = intervals[lo], intervals[hi]
            sides: dict[str | None, int] = defaultdict(int)
            for source, iv in figures:
                on_a = not iv.intersection(a).is_empty
                on_b = not iv.intersection(b).is_empty
                if on_a != on_b:
                    sides[source] |= 1 if on_a else 2
                    if sides[source] == 3:
                        return True
            return False

        return told_apart


def _rounded(
    claims: Sequence[Claim], intervals: list[Interval], policy: Policy, loose: Policy
) -> list[Interval]:
    """The intervals with every plain figure read as rounded to its last written digit
    (as ``implicit_precision`` reads it): what a conflict must survive unless the policy
    has ``strict_conflicts``. Each contains its stated interval."""
    if policy.strict_conflicts or policy.implicit_precision:
        return intervals
    out = []
    for claim, stated in zip(claims, intervals, strict=True):
        q = claim.quantity
        if (
            q.scaled
            and not q.approximate
            and q.qualifier == "eq"
            and q.value is not None
            and q.precision is not None
            and stated.high is not None
            and stated.high < q.value + q.precision
        ):
            # "$12 million" may be $12.9 million cut short: truncated as well as rounded
            out.append(Interval(stated.low, q.value + q.precision, stated.low_closed, False))
            continue
        if q.approximate or q.scaled or q.precision is None:
            out.append(stated)  # the policy has read it already; rounding adds nothing
            continue
        read = interpret(claim, loose)
        out.append(stated if read is None else read[1])
    return out
