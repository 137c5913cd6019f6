"""Lists shared out over figures: "sales and profits of $2 billion and $70 million,
respectively" gives $2 billion to sales and $70 million to profits.

A word of `[clauses] respectively` pairs the figures listed next to it with a list of
names elsewhere in the clause, member by member. The figures are read first as one
sentence's figures always are (`SubjectReader.attach`), each with the whole list or its
last member; `share_out` then gives each figure its own member, in the role the list
plays: what the figures measure ("exports and imports rose 3% and 5%"), whose they are
("Tuvaland and Varnholm exported 18,400 and 23,950 tonnes", "... for the base and Max
trims"), or where ("the rates in Tuvaland and Varnholm were 4.1% and 5.3%"). Each
figure's key is rebuilt with its member, so the two no longer share one key they could
not both hold. A list whose length differs from the figures', or two lists of their length
in one clause, leave the figures as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from figtrack.figures import Figure
from figtrack.model import Subject, new_subject
from figtrack.phrases import Sentence
from figtrack.reading import FigureReader

#: tokens between two members of the figures' list ("$2 billion and $70 million")
_MEMBER_GAP: Final = frozenset([",", "and", "or", ")"])
#: tokens between two figures of one member: a conversion in brackets ("2 billion crowns
#: ($210 million)") or the level after a change ("fell 0.4% to 13,176")
_WITHIN_MEMBER: Final = frozenset(["(", "to"])
#: words after a list's preposition that are not a member's own ("for the base ...")
_LEADS: Final = frozenset(["the", "its", "their", "his", "her", "our", "a", "an"])
#: prepositions whose phrase may hold a list deeper than the figures' own ("shares of
#: Orvex and Tuvacorp", "exports to Varnholm and imports from Orvia")
_PREPOSITIONS: Final = frozenset(["of", "to", "from", "for", "with", "by", "on", "at"])
#: the most tokens between the figures and the word "respectively"
_TAIL: Final = 12
#: the most tokens of a phrase that opens the sentence before a comma
_LEAD: Final = 10
#: the most tokens of one member of a list of names
_MEMBER: Final = 6

Span = tuple[int, int]


def share_out(
    reader: FigureReader,
    s: Sentence,
    spans: Sequence[Figure],
    subjects: list[Subject],
    firsts: Sequence[int],
    afters: Sequence[int],
) -> None:
    """Give each member of a list of figures paired by "respectively" with a list of
    names its own name (see the module's docstring); ``subjects`` are rewritten in place.
    ``firsts`` and ``afters`` are each figure's first token and the token after it."""
    words = reader.sd.respectively
    if words.isdisjoint(s.lows):
        return
    for r, low in enumerate(s.lows):
        if low not in words:
            continue
        found = _figures_by(s, spans, firsts, afters, r)
        if found is None:
            continue
        members, tail = found
        _share(reader, s, spans, subjects, firsts, members, tail)


def _figures_by(
    s: Sentence, spans: Sequence[Figure], firsts: Sequence[int], afters: Sequence[int], r: int
) -> tuple[list[list[int]], Span] | None:
    """The list of figures the word at token ``r`` pairs, as members (each a list of
    figure indices: a figure and its conversion in brackets are one member), and the
    tokens between the list and the word; None without a list of two members or more."""
    last = -1
    for f in range(len(spans)):
        if afters[f] <= r:
            last = f
    tail: Span = (0, 0)
    if last >= 0 and r - afters[last] <= _TAIL:
        end = r - 1 if s.words[r - 1] == "," else r
        tail = (afters[last], end)
        if any(w in (";", ":") for w in s.words[afters[last] : r]):
            last = -1
    else:
        last = -1
    if last < 0:
        # "exported, respectively, 18,400 and 23,950 tonnes"
        after = r + 2 if r + 1 < s.n and s.words[r + 1] == "," else r + 1
        first = next((f for f in range(len(spans)) if firsts[f] == after), -1)
        if first < 0:
            return None
        last = first
        while last + 1 < len(spans) and _joined(s, afters[last], firsts[last + 1]):
            last += 1
    members = [[last]]
    f = last - 1
    while f >= 0:
        gap = s.lows[afters[f] : firsts[f + 1]]
        if (gap and all(w in _WITHIN_MEMBER for w in gap)) or (
            gap == [",", "or"] and spans[f].quantity.unit != spans[f + 1].quantity.unit
        ):
            # "2 billion crowns ($210 million)", "$2 million, or 10 cents a share": one
            # member restated
            members[0].insert(0, f)
        elif _joined(s, afters[f], firsts[f + 1]):
            members.insert(0, [f])
        else:
            break
        f -= 1
    if len(members) < 2:
        return None
    return members, tail


def _joined(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens ``a..b-1`` part two members of a list of figures."""
    gap = s.lows[a:b]
    return (
        bool(gap)
        and all(w in _MEMBER_GAP or w in _WITHIN_MEMBER for w in gap)
        and ("," in gap or "and" in gap or "or" in gap)
    )


def _share(
    reader: FigureReader,
    s: Sentence,
    spans: Sequence[Figure],
    subjects: list[Subject],
    firsts: Sequence[int],
    members: list[list[int]],
    tail: Span,
) -> None:
    """Find the list of names as long as ``members`` and give each member its name."""
    k = len(members)
    here = subjects[members[-1][0]]  # the last member's reading names the most
    top = spans[members[0][0]].start
    sd = reader.sd
    # 1. a list right before "respectively", after a preposition: "... for the base and
    # Max trims, respectively", "5 and 6 people died in Tuvaland and Varnholm, ..."
    a, b = tail
    for p in range(b - 2, a - 1, -1):
        if s.lows[p] not in sd.scope_prepositions and s.lows[p] not in ("for", "of"):
            continue
        names = _conjuncts(reader, s, p + 1, b, k)
        if names is None:
            break  # the nearest preposition's phrase is no list of k
        listed = (s.starts[p], s.ends[b - 1])
        if s.lows[p] in ("for", "of"):
            _give(reader, s, subjects, members, "holder", _texts(reader, s, names))
        else:
            phrases = [f"{s.words[p]} {t}" for t in _texts(reader, s, names)]
            _give(reader, s, subjects, members, "scope", phrases, listed=listed)
        return
    # 2. what the figures measure: "exports and imports rose 3% and 5%" (not a list in
    # a phrase of a preposition: "shares of Orvex and Tuvacorp" are shares, each of one)
    if here.start is not None and here.end is not None:
        i, j = s.index_at(here.start), s.index_at(here.end)
        deeper = [t for t in range(i, j) if s.lows[t] in reader._pp_words | _PREPOSITIONS]
        names = None if deeper else _listed(reader, s, i, j, k, of_ok=True)
        # "prices of gold and silver": each member the object of one head's "of"
        o = names[0][0] - 1 if names is not None else -1
        if deeper and s.lows[deeper[0]] == "of":
            o = deeper[0]
            names = _conjuncts(reader, s, o + 1, j, k)
        if names is not None and o > 0 and s.lows[o] == "of":
            head = reader._np_left(s, o, 0)
            if head is not None:
                _give_of(reader, s, subjects, members, (head[0], head[1], o), names)
            return
        if names is not None and not deeper:
            _give_subjects(reader, s, subjects, members, names)
            return
    # 3. whose they are, or where
    if here.holder is not None:
        at = s.text.rfind(here.holder, s.starts[0], top)
        if at >= 0:
            i = s.index_at(at)
            names = _listed(reader, s, i, s.index_at(at + len(here.holder)), k)
            if names is not None:
                holders = _texts(reader, s, names)
                _give(reader, s, subjects, members, "holder", holders)
                return
    for phrase in here.scope:
        at = s.text.find(phrase, s.starts[0])
        if at < 0:
            continue
        i = s.index_at(at)
        names = _listed(reader, s, i + 1, s.index_at(at + len(phrase)), k)
        if names is not None:
            phrases = [f"{s.words[i]} {t}" for t in _texts(reader, s, names)]
            _give(reader, s, subjects, members, "scope", phrases, phrase)
            return
    # 3b. a list of places opening the sentence: "In Tuvaland and Varnholm, prices rose
    # 3% and 5%, respectively" (the comma that ends the list: the last before the figures
    # whose words before it make the list)
    first = firsts[members[0][0]]
    commas = [t for t in range(1, min(first, _LEAD)) if s.words[t] == ","]
    comma = commas[-1] if commas else -1
    if commas and s.lows[0] in sd.scope_prepositions:
        for c in reversed(commas):
            names = _conjuncts(reader, s, 1, c, k)
            if names is None:
                continue
            comma = c
            if _chain(reader, s, c + 1, first, k) is not None:
                return  # "In A and B, Orvex and Tuvacorp posted ...": which list pairs?
            lead = s.lows[1] in _LEADS
            phrases = [
                t if s.lows[a] == s.lows[0] else f"{s.span(0, 2 if lead else 1)} {t}"
                for t, (a, _) in zip(_texts(reader, s, names), names, strict=True)
            ]
            listed = (s.starts[0], s.ends[c - 1])
            _give(reader, s, subjects, members, "scope", phrases, listed=listed)
            return
    # 4. the doers, the clause's subject or the sentence's, or the subject after a phrase
    # that opens the sentence: "Tuvaland and Varnholm exported ...", "Orvex and Tuvacorp
    # said profit rose 4% and 6%, respectively", "Among them, Tuvaland and Varnholm ..."
    np = reader.clause_subject(s, first, ([], []))
    opened = comma > 0 and (
        s.lows[0] in sd.clause_adverbials
        or s.lows[0] in sd.scope_prepositions
        or s.lows[0] in sd.time_prepositions
    )
    for i in (np[0] if np is not None else 0, 0, comma + 1 if opened else 0):
        names = _chain(reader, s, i, first, k)
        if names is not None and (i == comma + 1 or not _longer(reader, s, i)):
            listed = (s.starts[names[0][0]], s.ends[names[-1][1] - 1])
            _give(
                reader,
                s,
                subjects,
                members,
                "holder",
                _texts(reader, s, names),
                here=here,
                listed=listed,
            )
            return


def _chain(reader: FigureReader, s: Sentence, i: int, limit: int, k: int) -> list[Span] | None:
    """The ``k`` noun phrases joined by commas and "and" / "or" from token ``i`` (before
    token ``limit``), each from its display start; else None."""
    out: list[Span] = []
    coordinated = False
    t = i
    while t < limit:
        np = reader._np_right(s, t, limit)
        if np is None:
            return None
        out.append((np[0], np[2]))
        t = np[2]
        if t < limit and s.words[t] == ",":
            t += 1
            if t < limit and s.lows[t] in _LEADS:
                break  # "Orvex and Tuvacorp, the two largest banks, posted ...": an aside
        if t < limit and s.lows[t] in reader.sd.clause_coordinators:
            coordinated = True
            t += 1
        elif not (t > np[2] and t < limit):  # no comma either: the list ended
            break
    return out if coordinated and len(out) == k else None


def _listed(
    reader: FigureReader, s: Sentence, i: int, j: int, k: int, of_ok: bool = False
) -> list[Span] | None:
    """The ``k`` members of the list that tokens ``i..j-1`` hold, or that they end:
    "sales and profits" for "profits", when "sales and" comes before; else None. A list
    after a preposition is part of a phrase that goes on before it, and gives None, but
    for a list after "of" when ``of_ok`` ("prices of gold and silver")."""
    names = _conjuncts(reader, s, i, j, k)
    if names is not None:
        return None if _longer(reader, s, names[0][0]) else names
    # the phrase is the list's last member: walk left over "A, B and"
    found: list[Span] = [(i, j)]
    t = i - 1
    coordinated = False
    while len(found) < k and t > 0:
        if s.lows[t] in reader.sd.clause_coordinators:
            coordinated = True
            t -= 1
            if t >= 0 and s.words[t] == ",":  # the serial comma: "A, B, and C"
                t -= 1
        elif s.words[t] == ",":
            t -= 1
        else:
            return None
        if t < 0 or not s.words[t][0].isalnum():
            return None
        end = t + 1
        start = t
        while start > 0 and _extends(reader, s, start - 1, end):
            start -= 1  # "the jobless rate and", "New Tuvo and"
        if (
            start > 0
            and s.lows[start - 1] in reader._pp_words | _PREPOSITIONS
            and not (of_ok and s.lows[start - 1] == "of" and len(found) + 1 == k)
        ):
            return None  # "exports to Varnholm and imports from Orvia": a list deeper in
        if start > 0 and s.lows[start - 1] in _LEADS:
            start -= 1
        found.insert(0, (start, end))
        t = start - 1
    if len(found) != k or not coordinated or _longer(reader, s, found[0][0]):
        return None
    return found


def _extends(reader: FigureReader, s: Sentence, t: int, end: int) -> bool:
    """Whether the word at token ``t`` opens a longer noun phrase ending at ``end``, a
    list's member: "jobless" of "jobless rate", "New" of "New Tuvo"; not a verb, a
    function word or a determiner."""
    w = s.words[t]
    if not w.isalpha() or s.lows[t] in reader.lex.function_words or s.lows[t] in _LEADS:
        return False
    if s.lows[t] in reader._verbs:
        return False
    np = reader._np_right(s, t, end)
    return np is not None and np[0] == t and np[2] == end


def _longer(reader: FigureReader, s: Sentence, i: int) -> bool:
    """Whether a list whose first member starts at token ``i`` goes on before it ("Varnholm,
    Tuvaland and Orvia" for "Tuvaland and Orvia"): a comma or "and" / "or" before."""
    t = i - 1
    return t >= 0 and (s.words[t] == "," or s.lows[t] in reader.sd.clause_coordinators)


def _conjuncts(reader: FigureReader, s: Sentence, i: int, j: int, k: int) -> list[Span] | None:
    """Tokens ``i..j-1`` split at commas and "and" / "or", when they make ``k``
    members of at most `_MEMBER` words each, all words; else None."""
    while i < j and s.lows[i] in _LEADS and k > 1:
        i += 1  # "for the base and Max trims": the article is all the members'
    if j > i and s.words[j - 1] == ",":
        j -= 1
    out: list[Span] = []
    start = i
    coordinated = False
    for t in range(i, j):
        w = s.lows[t]
        if w == "," or w in reader.sd.clause_coordinators:
            coordinated = coordinated or w != ","
            if t > start:
                out.append((start, t))
            start = t + 1
        elif not s.words[t][0].isalnum() and s.words[t] not in ("-", "&"):
            return None
    if start < j:
        out.append((start, j))
    if not coordinated or len(out) != k or any(b - a > _MEMBER for a, b in out):
        return None
    return out


def _shared_noun(reader: FigureReader, s: Sentence, names: list[Span]) -> str:
    """The plural noun ending the last of ``names`` when that member has more words than
    the noun ("the base and Max trims"): the noun the members before share; else ""."""
    a, b = names[-1]
    noun = s.lows[b - 1]
    return s.words[b - 1] if b - a > 1 and reader.singular(noun) != noun else ""


def _lacks(reader: FigureReader, s: Sentence, name: Span, shared: str) -> bool:
    """Whether the member ``name`` lacks the ``shared`` noun: it ends in no plural."""
    low = s.lows[name[1] - 1]
    return bool(shared) and reader.singular(low) == low


def _texts(reader: FigureReader, s: Sentence, names: list[Span]) -> list[str]:
    """The members' texts, each with the noun they share when it lacks it: "base
    trims", "Max trims" for "the base and Max trims"."""
    shared = _shared_noun(reader, s, names)
    return [
        f"{s.span(*n)} {shared}" if n != names[-1] and _lacks(reader, s, n, shared) else s.span(*n)
        for n in names
    ]


def _give(
    reader: FigureReader,
    s: Sentence,
    subjects: list[Subject],
    members: list[list[int]],
    role: str,
    names: list[str],
    replaced: str | None = None,
    here: Subject | None = None,
    listed: tuple[int, int] | None = None,
) -> None:
    """Give member ``m`` the holder (``role`` "holder") or scope phrase ``names[m]``, in
    place of ``replaced`` or of the phrases read from the list (characters ``listed``),
    or else added; its key is rebuilt with it. A figure whose subject lay in the list
    takes the subject of ``here``."""
    for member, name in zip(members, names, strict=True):
        for f in member:
            old = subjects[f]
            if (
                here is not None
                and listed is not None
                and old.start is not None
                and listed[0] <= old.start < listed[1]
            ):
                old = attrs.evolve(here, scope=old.scope)
            key = old.key
            if role == "holder":
                if key is not None:
                    fields = key.split("|")
                    fields[2] = reader._holder_key(name)
                    key = "|".join(fields)
                subjects[f] = attrs.evolve(old, holder=name, key=key)
                continue
            # "in Tuvaland", read from "in Tuvaland and Varnholm": the list's own phrase
            gone = {replaced} if replaced is not None else set()
            if listed is not None:
                gone.update(p for p in old.scope if _within(s, p, listed))
            kept = [
                name if p == replaced else p for p in old.scope if p == replaced or p not in gone
            ]
            if name not in kept:
                kept.append(name)
            scope = tuple(kept)
            if key is not None:
                fields = key.split("|")
                places = {p for p in fields[3].split(",") if p}
                places.difference_update(reader._place_key(p) for p in gone if p)
                if place := reader._place_key(name):
                    places.add(place)
                fields[3] = ",".join(sorted(places))
                key = "|".join(fields)
            subjects[f] = attrs.evolve(old, scope=scope, key=key)


def _within(s: Sentence, phrase: str, listed: tuple[int, int]) -> bool:
    """Whether ``phrase`` is written inside the characters ``listed`` of the sentence."""
    at = s.text.find(phrase, listed[0], listed[1])
    return at >= 0


def _rekeyed(
    reader: FigureReader, old: Subject, cls: str | None, mods: tuple[str, ...]
) -> str | None:
    """``old``'s key with the class and modifiers of another subject, its holder and
    places kept (None stays None, and so does a class too generic for a key)."""
    if old.key is None:
        return None
    fresh = reader._keyed(cls, mods, old.holder, old.scope)
    if fresh is None:
        return None
    fields = old.key.split("|")
    fields[:2] = fresh.split("|")[:2]
    return "|".join(fields)


def _give_of(
    reader: FigureReader,
    s: Sentence,
    subjects: list[Subject],
    members: list[list[int]],
    head: tuple[int, int, int],
    names: list[Span],
) -> None:
    """Give member ``m`` the phrase ``head`` (display start, start, the token of "of")
    of ``names[m]``: "prices of gold and silver" -> "prices of gold", "prices of silver"
    (the later ones without offsets), keyed as "gold prices" and "silver prices" are."""
    display, start, o = head
    phrase = s.span(display, o + 1)
    noun = reader.head_of(s, start, o)
    cls, mod_words = reader._text_class_mods(s.span(start, o), noun)
    skip = reader.sd.skip_modifiers
    shared = _shared_noun(reader, s, names)
    for m, (member, (a, b)) in enumerate(zip(members, names, strict=True)):
        text = s.span(display, b) if m == 0 else f"{phrase} {s.span(a, b)}"
        at: tuple[int | None, int | None] = (
            (s.starts[display], s.ends[b - 1]) if m == 0 else (None, None)
        )
        words = [w for w in s.lows[a:b] if w[0].isalnum() and w not in skip]
        if m < len(names) - 1 and _lacks(reader, s, (a, b), shared):
            # "prices of its Tuvo and Tuvo Pro boards": of Tuvo boards
            text, at = f"{text} {shared}", (None, None)
            words.append(shared.lower())
        if words:
            words[-1] = reader.singular(words[-1])
        mods = (*mod_words, *words)
        for f in member:
            old = subjects[f]
            key = _rekeyed(reader, old, cls, mods)
            subjects[f] = new_subject(text, noun, old.scope, old.holder, key, m > 0, *at)


def _give_subjects(
    reader: FigureReader,
    s: Sentence,
    subjects: list[Subject],
    members: list[list[int]],
    names: list[Span],
) -> None:
    """Give member ``m`` the subject that ``names[m]`` names; a member that lacks the
    last member's noun takes it ("the Tuvo and Tuvo Pro boards": Tuvo boards), without
    offsets, for the text does not hold that phrase."""
    shared = _shared_noun(reader, s, names)
    for member, (a, b) in zip(members, names, strict=True):
        lead = a
        while a < b - 1 and s.lows[a] in _LEADS:
            a += 1
        text, head, _, where = reader._possessive(s, lead, a, b)
        at: tuple[int | None, int | None] = where
        if (lead, b) != names[-1] and _lacks(reader, s, (a, b), shared):
            text = f"{text} {shared}"
            head = reader.singular(shared.lower())
            at = (None, None)
        cls, mods = reader._text_class_mods(text, head)
        for f in member:
            old = subjects[f]
            key = _rekeyed(reader, old, cls, mods)
            subjects[f] = new_subject(text, head, old.scope, old.holder, key, at[0] is None, *at)
