"""Subjects: what each figure counts or measures, whose it is, and where.

A shallow, rule-driven reading of the words around a figure inside its sentence: the
noun a count sits on, the noun phrase a measure is "of", the holder before a verb, the
prepositional and verbal scope after it, event roles (deaths, injuries) and relative
figures ("the majority"). The words it knows live in ``data/subjects.toml``; the rules
and the key format are documented in ``docs/subjects.md``. The reader is built in
layers, each a module on the one before: `figtrack.phrases` (tokens, noun phrases, words
of time), `figtrack.scopes` (scope phrases, keys), `figtrack.clauses` (holders, clause
subjects), `figtrack.reading` (the subject of one figure) and this one, which attaches
subjects across the figures of a sentence.

>>> from figtrack import extract
>>> c = extract("Officials said at least 10,000 North Korean troops were in Kursk.")[0]
>>> c.subject.text, c.subject.head, c.subject.scope, c.subject.key
('North Korean troops', 'troop', ('in Kursk',), 'troop|north korean||kursk')
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, NamedTuple

import attrs

from figtrack.clauses import _CLAUSE_REACH, _MOVES, _inflected
from figtrack.figures import _SUSPENDED, Figure
from figtrack.lexicon import Relative
from figtrack.model import AGE_UNIT, Interval, Quantity, Subject, new_subject
from figtrack.phrases import (
    _AGE_PARTICIPLES,
    _ARTICLES,
    _BEFORE_FIGURE,
    _CLAUSE_WORDS,
    Sentence,
)
from figtrack.reading import (
    _ARTICLE_BEFORE_FIGURE,
    _LIST_WORDS,
    Attached,
    FigureReader,
    Reading,
    _whole_figure,
)
from figtrack.respectively import share_out

# the period a key holds for a figure held in the present perfect ("has had 14 cars")
_EVER: Final = "ever"
# the token bounds of a sentence's figures: their first tokens, the tokens after them, how
# far each may read to the right and to the left
_Bounds = tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[int]]
_DIMENSION_GAP: Final = frozenset([",", "and", "by", "x", "×"])  # "5 m wide and 3 m deep"


class Derived(NamedTuple):
    """A relative figure ("the majority") read as a share of the figure before it."""

    start: int
    end: int
    quantity: Quantity
    subject: Subject
    base: int  # index of the figure it is a share of


_RESTATING: Final = frozenset(
    ("to", "from", "or", "and", ",", "(", ")", "-", "–", "—", "at", "of", "a", "an")
)
_REFERRING: Final = frozenset(
    ["them", "those", "these", "whom", "which", "the", "its", "their", "his", "her", "our"]
)


# what may stand between figures listed before one noun ("the 5.9 and 6.3 magnitude
# quakes"), and between a sum and its restatement in another currency ("40 million
# euros ($47 million)"); each gap needs one of the words after it
_LISTING: Final = frozenset(("and", "or", ","))
_COORDINATING: Final = frozenset(("and", "or"))
_RESTATED: Final = frozenset(("(", ",", "or"))
_RESTATING_MARKS: Final = frozenset(("(", "or"))


def _joined(
    s: Sentence, start: int, end: int, allowed: frozenset[str], needed: frozenset[str]
) -> bool:
    """Whether tokens ``start:end`` are only ``allowed`` words, one of them ``needed``."""
    gap = s.lows[start:end]
    return all(low in allowed for low in gap) and not needed.isdisjoint(gap)


def _bracketed_after(s: Sentence, firsts: Sequence[int], afters: Sequence[int], f: int) -> bool:
    """Whether figure ``f`` stands alone in a bracket that opens right after figure
    ``f - 1``: "55 km (34 miles)", "61,000 euros ($70,000)"."""
    return (
        firsts[f] == afters[f - 1] + 1
        and s.words[afters[f - 1]] == "("
        and afters[f] < s.n
        and s.words[afters[f]] == ")"
    )


def _bracket_semicolon(s: Sentence, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are one ";" inside a bracket that opened at most eight
    tokens before: the gap before a bracket's second figure, "2bn yen ($14m; £11m)"."""
    if end != start + 1 or s.words[start] != ";":
        return False
    for k in range(start - 1, max(-1, start - 9), -1):
        if s.words[k] == ")":
            return False
        if s.words[k] == "(":
            return True
    return False


def _broken_decimal(text: str, a: int) -> bool:
    """Whether the figure at offset ``a`` follows a lone digit and ". " and is glued to its
    unit ("4. 1GHz", "6. 05pm"): scraped text breaks decimals so, and which number is
    meant (4.1 or 1, after an item "4.") the text does not say."""
    if a < 3 or text[a - 2 : a] != ". " or not text[a - 3].isdigit():
        return False
    if a > 3 and (text[a - 4].isdigit() or text[a - 4] in ".,"):
        return False
    t = a
    while t < len(text) and text[t].isdigit():
        t += 1
    return t > a and t < len(text) and text[t].isalpha()


def _of_before(
    before: Subject, prev: Attached, att: Attached, scope: tuple[str, ...]
) -> tuple[Reading, Attached]:
    """The reading of a figure that is of the figure before's subject and holder ("rose 5%
    to $84 billion", "up from 40%"), with ``scope``, and ``att`` with that figure's class
    and modifiers."""
    subj = Reading(before.text, before.head, scope, before.holder, before.start, before.end)
    return subj, att.but(att.subject, prev.cls, prev.modifiers)


def _carry_text(s: Sentence, prev: Attached, att: Attached) -> str:
    """The earlier subject's modifiers before this figure's own head noun."""
    return " ".join(
        [*(w for w in (prev.subject.text or "").split()[:-1]), s.words[att.head_index]]
    ).strip()


def _share(q: Quantity, spec: Relative) -> Quantity:
    """The quantity ``spec`` of ``q``: the majority of (10000, +inf) is (5000, +inf)."""
    iv = q.interval
    low = high = None
    low_closed = high_closed = None
    if iv.low is not None:
        low = _times(iv.low, spec.low)
        low_closed = bool(iv.low_closed) and not spec.low_open
    if iv.high is not None:
        high = _times(iv.high, spec.high)
        high_closed = bool(iv.high_closed) and not spec.high_open
    interval = Interval(low, high, low_closed, high_closed)
    if interval.is_point:
        qualifier, value = "eq", low
    elif low is not None and high is not None:
        qualifier, value = "range", None
    elif low is not None:
        qualifier, value = ("ge" if low_closed else "gt"), low
    elif high is not None:
        qualifier, value = ("le" if high_closed else "lt"), high
    else:
        qualifier, value = "range", None
    return Quantity(
        value=value,
        interval=interval,
        qualifier=qualifier,  # type: ignore[arg-type]
        approximate=q.approximate,
        kind=q.kind,
        unit=q.unit,
    )


def _times(x: Decimal, f: Fraction) -> Decimal:
    return (x * f.numerator / f.denominator).normalize() if f != 1 else x


class SubjectReader(FigureReader):
    """Reads subjects, holders and scopes for the figures of a text."""

    # -- a sentence --------------------------------------------------------------------
    def attach(self, s: Sentence, spans: Sequence[Figure]) -> tuple[list[Subject], list[Derived]]:
        """Subjects for the figures of one sentence, and the relative figures found in it."""
        # each figure's first token and the token after it, looked up once
        starts = s.starts
        firsts = [bisect_left(starts, f.start) for f in spans]  # as s.index_at
        afters = [bisect_left(starts, f.end) for f in spans]
        limits = [*firsts[1:], s.n]
        floors = [0, *afters[:-1]]
        for f in range(1, len(spans)):
            t, b = afters[f - 1] - 1, spans[f - 1].end
            if (
                spans[f - 1].quantity.kind == "count"
                and 0 <= t < s.n
                and s.starts[t] < b < s.ends[t] - 1
                and s.text[b] == "-"
                and s.text[b + 1].isalpha()
            ):
                # a count glued into a word ("the rent for two-bedroom flats was $900"):
                # no bound for the next figure's phrase, which reads across the word
                floors[f] = floors[f - 1]
        read = [
            self._read(s, firsts[f], afters[f], fig.quantity, limits[f], floors[f])
            for f, fig in enumerate(spans)
        ]
        for f in range(len(spans) - 1):
            if (
                spans[f].quantity.kind == "measure"
                and self.entities.get(spans[f].quantity.unit or "") != "time"  # "18 months of 9%"
                and spans[f + 1].quantity.kind == "percent"
                and firsts[f + 1] == afters[f] + 1
                and s.lows[afters[f]] == "of"
                and read[f + 1].subject.start == s.ends[afters[f + 1] - 1] + 1
            ):
                # "50 mL of 30% sulfuric acid", "200 g of 70% chocolate": the measure's
                # noun is the one the percentage strengthens
                read[f] = read[f + 1]
        self._suspended(s, spans, read, (firsts, afters, limits, floors))
        self._shared_noun(s, spans, read, (firsts, afters, limits, floors))
        self._members(s, spans, read, firsts, afters)
        self._listed_roles(s, spans, read, firsts, afters)
        self._part_roles(s, spans, read, firsts, afters)
        busy = (firsts, afters)
        verbs = self._verbs
        lead, lead_from = self._leading_scope(s, firsts[0] if spans else 0), 0
        if (
            lead is None
            and s.whole
            and len(spans) > 1
            and firsts[0] == 0
            and afters[0] + 1 < s.n
            and s.words[afters[0] + 1] == ","
            and (ago := self._ago(s, spans, -1, firsts, afters))
        ):
            lead, lead_from = ago[0], 1  # "Two weeks ago, ...": the later figures'
        lead_is_time = lead is not None and self.is_time(lead)
        subjects: list[Subject] = []
        # for each class, the last figure read so far that has modifiers (the one a count
        # without modifiers carries them from): one look-up per figure, not a look back
        # through every earlier figure
        with_mods: dict[str | None, Attached] = {}
        cumulative: list[bool] = []  # each figure's: held in the perfect ("has had 14 cars")
        earlier: list[bool] = []  # each figure's: an earlier value ("up from 3.2 million")
        moved_from = False  # the figure before is the level a move started from
        fronted_at: set[int] = set()  # the parts of a fronted whole, "Of the 40 schools, 9"
        for f, att in enumerate(read):
            text, mods, carried = att.subject.text, att.modifiers, False
            q = spans[f].quantity
            span_of_time = q.kind == "measure" and q.unit in self.sd.time_words
            if (
                q.kind == "count"
                and not mods
                and att.cls is not None
                and att.head_index >= 0
                and att.cls not in self._role_classes  # "two women died, and five people"
            ):
                prev = with_mods.get(att.cls)
                if prev is not None:  # "between 11,000 and 12,000 troops"
                    mods = prev.modifiers
                    text = _carry_text(s, prev, att)
                    carried = True
            subj = att.subject
            restated = False
            if (
                text is None
                and subj.holder is None
                and f
                and f - 1 not in fronted_at  # "9 rose 5%": no share of the schools
                and self._restates(s, afters, firsts, read, f, self._same_kind(spans, f))
            ):
                restated = True
                before = subjects[f - 1]  # "rose 5% to $84 billion", "1.2 million, or 3%"
                if spans[f - 1].quantity.kind == "count":  # "shed 85 points, or 1.1%": the holder
                    subj = Reading(
                        None, None, subj.scope or before.scope, before.holder, None, None
                    )
                    att = att.but(att.subject, None, att.modifiers)
                else:
                    subj, att = _of_before(before, read[f - 1], att, subj.scope or before.scope)
                    text, mods, carried = subj.text, att.modifiers, True
                read[f] = att
            # "Of the 40 Tuvo schools, 9 closed": a part of the count before
            fronted = (
                f > 0
                and text is None
                and q.kind == "number"
                and spans[f - 1].quantity.kind == "count"
                and self._fronted_part(s, spans, firsts, afters, f)
            )
            if fronted:
                fronted_at.add(f)
            based = (
                f > 0
                and subjects[f - 1].text is not None
                and (
                    (
                        firsts[f] >= 2
                        and s.lows[firsts[f] - 1] == "from"
                        and s.lows[firsts[f] - 2] in _MOVES
                        # "5.1 million tablets in 2024, up from 3.2 million": the count's noun
                        and spans[f - 1].quantity.kind
                        in (q.kind, "count" if q.kind == "number" else "")
                    )
                    or (
                        # "fell to 4.2% in May from 4.5% in April": the level before moved
                        # from this one
                        firsts[f] >= 1
                        and s.lows[firsts[f] - 1] == "from"
                        and spans[f - 1].quantity.kind == q.kind
                        and self._moved_to(s, firsts[f - 1], afters[f - 1], firsts[f] - 1)
                    )
                    or (
                        # "rose from 20 mpg to 29 mpg for cars, and from 14 mpg to 24 for
                        # vans": the second move's figures are of the first's subject
                        text is None
                        and subj.holder is None
                        and self._ranged(s, spans, firsts, afters, f)
                    )
                    # "put output at 4.6 mln bpd in May and 4.9 mln bpd in June"
                    or self._estimated_pair(s, spans, read, firsts, afters, f)
                    or fronted
                    or (
                        # "22 burglaries, compared with 15 the week before": a bare number
                        q.kind == "number"
                        and spans[f - 1].quantity.kind == "count"
                        and self._comparing(s, firsts[f])
                        # not a number with a phrase of its own after it: "compared with
                        # 100,000 of the standard models"
                        and (subj.start is None or subj.start < s.starts[firsts[f]])
                    )
                )
            )
            # "900 cars in Varnholm and 400 in Tuvaland": 400 cars, the same holder's, in a
            # place of its own
            ante = (
                self._gapped(s, spans, read, subjects, firsts, afters, f)
                if f > 0 and text is None
                else -1
            )
            gapped = ante >= 0
            if not gapped:
                ante = f - 1
            if based or gapped:
                # "61% of the price in shares, up from 40%": the earlier value of the figure
                # before, of its subject and holder, at a time of its own
                subj, att = _of_before(subjects[ante], read[ante], att, subj.scope)
                text, mods, carried = subj.text, att.modifiers, True
                if gapped:
                    # past the sum's restatement: "61,000 euros ($70,000) for Orvex"
                    ante_end = afters[ante] if ante == f - 1 else afters[f - 1] + 1
                    if self._own_party(s, subjects[ante], max(ante_end, read[ante].head_index + 1)):
                        # "... of $52,000 for Orvex and $75,000 for Tuvacorp": Tuvacorp's,
                        # as the first is Orvex's ("$40m for Varnholm and $25m for
                        # research": no one's); a holder the clause gave both stays
                        party = self._party(subj.scope)
                        subj = subj.but(subj.scope[1:] if party else subj.scope, party)
                    att = Attached(subj, att.cls, mods, -1)  # its noun is found after all
                read[f] = att
            # without a place or a party of its own ("300 flats for sale and 120 for
            # rent") a gapped count would share the count before's key though the two
            # count apart (a gapped sum keeps it, and with it no key is left to either:
            # "profit of $12m for the quarter and $31m for the year")
            gapped_alone = (
                gapped
                and q.kind == "count"
                and subj.holder == subjects[f - 1].holder
                and not any(
                    not self.is_time(p) and p not in subjects[f - 1].scope for p in subj.scope
                )
            )
            if (
                f
                and subj.holder is None
                and subj.start is None
                and text in self._dimension_names
                and subjects[f - 1].holder is not None
                and subjects[f - 1].text in self._dimension_names
                and all(
                    w in _DIMENSION_GAP or w in self.sd.dimensions
                    for w in s.lows[afters[f - 1] : firsts[f]]
                )
            ):
                # "40 metres long and 12 metres wide": both the lido's
                subj = Reading(text, subj.head, subj.scope, subjects[f - 1].holder, None, None)
                att = att.but(subj, att.cls, att.modifiers)
                read[f] = att
            keyed = not gapped_alone
            if (
                text is None
                and subj.holder is None
                and (
                    (named := self._level_of(s, firsts[f]))
                    or (q.kind == "percent" and (named := self._group_of(s, firsts[f])))
                )
            ):
                # "with inflation at 3%": the level of the phrase before "at"; "Of the 300
                # passengers, 40% were children": a share of the passengers
                subj, text, cls, mods = self._named_by(s, named, subj.scope)
                att = att.but(subj, cls, mods)
                read[f] = att
            if (
                text is None
                and subj.holder is None
                and q.kind == "money"
                and (bought := self.bought(s, firsts[f], busy))
            ):
                # "Get the Orvex lamp at Tuvacorp for $40": the lamp's price, at Tuvacorp
                thing, shop = bought
                subj, text, cls, mods = self._named_by(
                    s, thing, subj.scope, s.span(*shop) if shop else None
                )
                att = att.but(subj, cls, mods)
                read[f] = att
            if subj.holder is None and (
                text is None
                or (
                    q.kind == "count"
                    and att.cls not in self._role_classes
                    and not verbs.isdisjoint(s.lows[max(0, firsts[f] - _CLAUSE_REACH) : firsts[f]])
                )
            ):
                # nothing around the figure names it: the clause's subject does
                np = self.clause_subject(s, firsts[f], busy)
                if np is not None and text is None and not att.unlocated:
                    # "the deficit hit a record, having increased by $12 billion": a participle's
                    # figure is its clause subject's, not the object's before it
                    # nor an age: "Lena moved to Varnholm at age 16" is Lena's
                    aged = q.unit == AGE_UNIT
                    obj = (
                        None
                        if aged or self._participle(s, firsts[f])
                        else self._object(
                            s, max(np[2], np[3]), firsts[f], busy, afters[f], q.kind == "money"
                        )
                    )
                    of_holder = None
                    named = np[:3]
                    if obj is not None and q.kind != "count":
                        obj, of_holder = self._object_of(s, obj, np[2])
                    elif obj is None and q.kind == "measure":
                        named, of_holder = self._subject_of(s, named)
                    scope = subj.scope
                    if obj is None or (
                        # not "from", which names where the object came from ("joined
                        # the club from Varnholm for $9m")
                        s.lows[obj[2]] in self.sd.scope_prepositions and s.lows[obj[2]] != "from"
                    ):
                        # "Sales in Varnholm slowed to 4%", "cut output at the Varnholm
                        # mine to 2 million tonnes": the places and times right after the
                        # clause's subject or the object are the figure's too
                        own_time = any(self.is_time(x) for x in scope)
                        scope = (
                            *(
                                x
                                for x in (
                                    self._scope_after(s, np[2], firsts[f])
                                    if obj is None
                                    else self._object_places(s, obj[2], firsts[f])
                                )
                                # a time of its own wins: "prices in May rose 3% after
                                # falling 1% in April"
                                if x not in scope and not (own_time and self.is_time(x))
                            ),
                            *scope,
                        )
                    subj, text, cls, mods = self._named_by(s, obj or named, scope, of_holder)
                    # "the 9-year-old.", "an 8 year old" name no one; "Lena died at age
                    # 61" names Lena
                    nominal = "-" in s.text[spans[f].start : spans[f].end] or (
                        firsts[f] > 0
                        and s.lows[firsts[f] - 1] in _ARTICLES
                        # not "Lena was in her 30s": her age
                        and s.lows[firsts[f] - 1] not in self.sd.clause_possessive_pronouns
                    )
                    name = self._name_key(text) if aged and not nominal else None
                    if name is not None:
                        cls, mods = name, ()
                    att = att.but(subj, cls, mods)
                    read[f] = att
                    # a span of time tells when, not what: "grown richer in the ten years
                    # since" is no figure of its subject to compare across sources; an age
                    # is a person's, and a clause subject with no name names no one
                    keyed = not span_of_time and (name is not None or not aged)
                    # "Lena was 14 of 25 for 171 yards": her yards of what, in which game,
                    # the clause does not say
                    keyed = keyed and not (q.kind == "measure" and q.unit in self.sd.play_units)
                elif np is not None and self._holds(s, np[3], firsts[f]):
                    subj = subj.but(subj.scope, s.span(np[0], np[2]))
            if (
                f
                and subj.holder is None
                and (subjects[f - 1].holder is not None or subjects[f - 1].scope)
                and self._coordinated(s, afters[f - 1], firsts[f], subjects[f - 1])
                # a time, or what the figure's own lack: "and four without parole"
                and all(self.is_time(p) or self._lacking_phrase(p) for p in subj.scope)
            ):
                # "floods in Varnholm killed 12 people and injured 40", "left six dead
                # and 19 injured": one clause subject, so one holder and one place
                # (a time is each figure's own: "12 in March and 9 in April", and so is a
                # place after the first figure: "900 in Varnholm and 400 in Tuvaland")
                before = subjects[f - 1]
                places = tuple(
                    p
                    for p in before.scope
                    if not self.is_time(p) and s.text.find(p, s.starts[0], spans[f - 1].start) >= 0
                )
                holder = before.holder if before.holder != subj.text else None
                subj = subj.but((*places, *subj.scope), holder)
            if (
                q.kind == "measure"
                and q.unit in self.sd.play_units
                and 0 <= att.head_index < s.n
                and s.words[att.head_index][0].isupper()
            ):
                keyed = False  # "Lena ran 40 yards": a name is not what the yards measure
            elif (
                q.kind == "measure"
                and q.unit in self.sd.play_units
                and 0 <= att.head_index < limits[f] - 2
                and s.lows[att.head_index + 1] == "to"
                and s.words[att.head_index + 2][0].isupper()
            ):
                # "a 23-yard pass to Lena Ortiz": the player it went to names the play, one
                # of the game's many passes
                e = att.head_index + 2
                while e < limits[f] and s.words[e][0].isupper():
                    e += 1
                mods = (*mods, "to", *s.lows[att.head_index + 2 : e])
                att = read[f] = att.but(att.subject, att.cls, mods)
            if (
                f
                and q.kind in ("measure", "money")
                and spans[f - 1].quantity.kind == q.kind
                and spans[f - 1].quantity.unit != q.unit
                and not subjects[f - 1].scope
                and not subj.scope
                and _bracketed_after(s, firsts, afters, f)
            ):
                # "55 km (34 miles) west of Varnholm": the place after the bracket is
                # both figures'; and a party's after a sum's restatement: "a levy of
                # 61,000 euros ($70,000) for Orvex" is Orvex's levy
                places = ()  # "paid $2.5m (£1.9m) to end an inquiry into": no place
                if q.kind == "measure" or (
                    afters[f] + 1 < limits[f]
                    and (
                        s.lows[afters[f] + 1] in self._pp_words
                        or s.lows[afters[f] + 1] in self.sd.group_prepositions
                    )
                ):
                    places = tuple(self._scope(s, afters[f] + 1, limits[f]))
                s0 = subjects[f - 1]
                holder = s0.holder
                if (
                    q.kind == "money"
                    and holder is None
                    and not read[f - 1].unheld
                    and (party := self._party(places))
                ):
                    places, holder = places[1:], party
                subj = subj.but(places, holder if subj.holder is None else subj.holder)
                key = s0.key and self._keyed(read[f - 1].cls, read[f - 1].modifiers, holder, places)
                subjects[f - 1] = attrs.evolve(s0, scope=places, holder=holder, key=key)
            if _broken_decimal(s.text, spans[f].start):
                keyed = False  # "4. 1GHz": the tail of "4.1GHz" or a list's item 1?
            if f and self._converts(s, spans[f - 1].quantity, q, afters[f - 1], firsts[f]):
                # "40 million euros ($47 million)": the sum again at some rate of the day,
                # not a figure of its own; the stated one meets other sources
                keyed = False
            if att.unheld and subj.holder is None:
                # "Smith said he raised $9,000": Smith's; with no name for the pronoun in
                # the sentence, whose the sum is stays unknown and it meets no one's
                np = self.clause_subject(s, firsts[f], busy)
                if np is None or s.lows[np[1]] in self.sd.clause_subject_pronouns:
                    keyed = False
                else:
                    holder = s.span(np[0], np[2])
                    subj = subj.but(subj.scope, holder)
            if (
                subj.holder is None
                and subj.start is not None
                and (
                    s.lows[mine := s.index_at(subj.start)] in self.sd.clause_possessive_pronouns
                    # ... or the pronoun before the figure: "her $90,000 contract"
                    or (
                        mine >= afters[f]
                        and q.kind != "count"  # "his two brothers" may be anyone's
                        and firsts[f] > 0
                        and s.lows[mine := firsts[f] - 1] in self.sd.clause_possessive_pronouns
                    )
                )
            ):
                # "Orvex cut 8% of its staff": the staff are the clause subject's,
                # when the clause's own verb and object lead to it with no other name or
                # aside between ("Tuvaland asked Orvex to cut its staff" is not Tuvaland's)
                np = self.clause_subject(s, firsts[f], busy, False)
                if (
                    f
                    and subjects[f - 1].holder
                    and self._restates(s, afters, firsts, read, f, self._same_kind(spans, f))
                ):
                    # "Orvex cut 420 jobs, or 8% of its workforce": the count's holder
                    subj = subj.but(subj.scope, subjects[f - 1].holder)
                elif (
                    np is not None
                    and np[3] < mine <= np[3] + 8
                    and self._verbish(s, np[3])
                    and not any(w[0].isupper() or w in ",;:-(" for w in s.words[np[3] : mine])
                    and self._owner(s, np, s.lows[mine])
                ):
                    subj = subj.but(subj.scope, s.span(np[0], np[2]))
                elif np is not None and np[0] == mine and (who := self.speaker(s, mine, busy)):
                    # "Orvex said its profit rose 5%": the pronoun opens the clause
                    # reported, and is the speaker's
                    subj = subj.but(subj.scope, s.span(who[0], who[2]))
                elif (owner := self.linked_owner(s, np, mine, busy)) is not None:
                    # "Tuvacorp fell, with its stock off 12%": the clause before is its owner
                    subj = subj.but(subj.scope, s.span(owner[0], owner[2]))
                elif (
                    np is not None
                    and np[0] == mine
                    and f
                    and (before := subjects[f - 1]).holder is not None
                    and before.start is not None
                    and (theirs := s.index_at(before.start)) < mine
                    and s.lows[theirs] == s.lows[mine]
                    and (
                        s.lows[mine - 1] in self.sd.clause_coordinators
                        # not a verb of saying, whose own subject did not own it: "and
                        # Tuvacorp said its sales fell" is not Orvex's
                        or (
                            s.lows[mine - 1] in self.sd.clause_openers
                            and s.lows[mine - 1] not in self.sd.clause_speech
                        )
                    )
                ):
                    # "Orvex said its profit rose 5% and its sales 3%": the same pronoun
                    # opening the next clause is the same owner's
                    subj = subj.but(subj.scope, before.holder)
            if (
                subj.holder is None
                and q.kind != "count"
                and (phrase := self._phrase_of_figure(s, att, subj, firsts[f], afters[f]))
                and (phrase[1] or q.kind != "measure")  # a measure's own phrase is its thing's
                and (np := self.clause_subject(s, firsts[f], busy, False)) is not None
                and (phrase[1] or self._acts_on(s, np[3], phrase[0]))
                and (
                    self._named_actor(s, np, phrase[0])
                    or (
                        subj.head in self._property_names
                        and self._named_actor(s, np, phrase[0], named=False)
                    )
                )
            ):
                # "Tuvaland can borrow for ten years at a rate of 1.4%": a phrase of "of" in
                # a name's clause is the name's, as in "Tuvaland's rate", and so is the
                # figure's own phrase: "Tuvaland imposed a 25% duty"; a property's in any
                # clause: "the probe was lowered to a depth of 40 m"
                subj = subj.but(subj.scope, s.span(np[0], np[2]))
            if (
                subj.holder is None
                and att.cls in self._role_classes
                and att.head_index >= 0
                and (agent := self._role_agent(s, att.head_index + 1, limits[f]))
            ):
                # "four soldiers were killed by friendly fire in Varnholm": whose the deaths
                # are, as in "friendly fire killed four soldiers in Varnholm"
                beyond = self._scope(s, agent[2], limits[f])
                subj = subj.but((*subj.scope, *beyond), s.span(agent[0], agent[2]))
            if subj.holder is None and not att.unheld and (party := self._party(subj.scope)):
                # "a penalty of $75,000 for Tuvacorp": Tuvacorp's penalty
                subj = subj.but(subj.scope[1:], party)
            if att.modifiers:
                with_mods[att.cls] = att
            scope = subj.scope
            past = False
            if lead and f >= lead_from and not any(self.is_time(p) == lead_is_time for p in scope):
                # a place opening the sentence is each figure's that names none, and a time
                # each figure's that names none
                scope = (lead, *scope)
                past = lead_from > 0  # "Three weeks ago, ..."
            if f + 1 < len(spans) and not any(map(self.is_time, scope)):
                ago = self._ago(s, spans, f, firsts, afters)
                scope = (*scope, *ago)
                past = past or bool(ago)
            if moved_from:
                # "Inflation in Tuvaland fell from 8.1% to 7.4%": the level reached is of
                # the place and holder the move started from
                before = subjects[f - 1]
                reached = [p for p in before.scope if p not in scope and not self.is_time(p)]
                scope = (*reached, *scope)
                if subj.holder is None and before.holder is not None:
                    subj = subj.but(subj.scope, before.holder)
            if past:
                # a figure of some span before the report ("a sprint three weeks ago"):
                # relative dates are not resolved, so it is no figure of the story now
                keyed = False
            tally = (
                self._tallied(s, q, subj, firsts[f], afters[f])
                if q.kind == "number" and att.cls not in self._role_classes  # read with its role
                else None
            )
            if (
                att.unlocated
                or att.kind_of
                or (
                    ((q.kind == "number" and tally is None) or att.part or self._single(s, q, att))
                    and att.cls not in self._role_classes
                )
            ):
                # a bare number beside a name ("Tuvaland won 18", "Sector Seven") says
                # too little of what it counts to meet another source's figure; "one of
                # the three inspectors" counts some of a group, not the group; a count
                # whose noun was not found is not known well enough either; nor is a
                # span that names a kind ("a 10-year bond" is no figure of bonds)
                keyed = False
            r = firsts[f] - 1  # "a top 10 list", "five top ten singles": a rank, no count
            if (
                r > 0
                and q.kind in ("count", "number")  # "the top 5 cm of sand" is a layer
                and s.lows[r] in self.sd.rank_words
                and (s.lows[r - 1] in _ARTICLES or (f > 0 and afters[f - 1] == r))
            ):
                keyed = False
            if q.kind == "percent" and self._polled(s, firsts[f], afters[f], subj.end):
                keyed = False  # "68% of Tuvalanders believe ...": a share the verb names
            if self._time_point(s, q, afters[f]):
                keyed = False  # "eleven years ago" is a point in time, no figure of the subject
            if subj.head in self.sd.those:
                keyed = False  # "60% of those polled": a group only the sentence around names
            # a whole move ("and from $700 to $650 in Tuvaland") is no earlier value, but
            # without a place or time of its own ("and from 14 mpg to 24 mpg for vans") its
            # key would not tell it from the move before
            moved_on = based and firsts[f] < s.n and s.lows[firsts[f]] == "from"
            based = based and not moved_on
            if moved_on and not any(p not in subjects[f - 1].scope for p in scope):
                keyed = False
            moved_from = self._moved_from(s, spans, firsts, afters, f)
            if (
                based
                or (restated and earlier[f - 1] and spans[f - 1].quantity.kind == q.kind)
                or moved_from
            ):
                # an earlier value, at a time the key cannot tell apart, or one restated in
                # another unit ("up from $4.4 million, or 43 cents a share"), or what the
                # one before moved to ("and from 14 mpg to 24"), for a group the key omits
                keyed = False
            earlier.append(based)
            if span_of_time and (
                att.cls in self.sd.running_events or subj.head in self.sd.running_events
            ):
                keyed = False  # "after eight days of riots": how long so far, a running figure
            cumulative.append(
                self._cumulative(s, firsts[f])
                or (
                    f > 0
                    and cumulative[f - 1]
                    and self._coordinated(s, afters[f - 1], firsts[f], subjects[f - 1])
                )
            )
            cls = att.cls
            if tally is not None:
                cls, mods = tally  # "the number of park rangers": "park rangers"
            if (
                f + 1 < len(spans)
                and spans[f + 1].quantity.unit == AGE_UNIT
                and self._group_age(s, firsts[f + 1])
                and subj.end is not None
                and not s.text[subj.end : s.starts[firsts[f + 1] - 1]].strip()
            ):
                # "2,140 adults aged 18 or over": of that age, a group scope the key keeps
                scope = (*scope, s.span(firsts[f + 1] - 1, afters[f + 1]))
            if keyed and (text is not None or subj.holder is not None):
                key = self._keyed(cls, mods, subj.holder, scope, _EVER if cumulative[f] else "")
            else:
                key = None
            at = (None, None) if carried and text != subj.text else (subj.start, subj.end)
            if q.unit == AGE_UNIT and self._group_age(s, firsts[f]):
                # "adults aged 18 to 34": the ages that restrict a group, no one's age
                subjects.append(new_subject(None, None, (), None, None, False, None, None))
                continue
            subjects.append(new_subject(text, subj.head, scope, subj.holder, key, carried, *at))
        share_out(self, s, spans, subjects, firsts, afters)  # "..., respectively"
        derived = self._relatives(s, spans, subjects, read, limits, afters[0] if spans else 0)
        return subjects, derived

    def _named_by(
        self,
        s: Sentence,
        np: tuple[int, int, int],
        scope: tuple[str, ...],
        holder: str | None = None,
    ) -> tuple[Reading, str, str | None, tuple[str, ...]]:
        """The subject a noun phrase (display start, start, end) names, with ``scope``,
        held by its possessor or else by ``holder``; its text; its key's class and
        modifiers: "Orvex's lamp" -> the lamp, held by Orvex."""
        text, head, owner, where = self._possessive(s, *np)
        cls, mods = self._text_class_mods(text, head)
        subj = Reading(text, head, scope, owner or holder, where[0], where[1])
        return subj, text, cls, mods

    def _scope_after(self, s: Sentence, t: int, limit: int) -> list[str]:
        """The places and times that follow one another from token ``t``, a clause
        subject's end, up to its verb before token ``limit``: "in Varnholm" of "sales in
        Varnholm slowed to 4%". Each phrase's last word must be a place or a time ("in
        Madrid represent" is none), and a lower-case word must follow the last, the verb."""
        sd = self.sd
        out: list[str] = []
        if (agent := self._passive_agent(s, t, limit)) > 0:
            # "damage caused by the storm was put at": the agent restricts it, as a place
            out.append(s.span(t + 1, agent))
            t = agent
        while t < limit and s.lows[t] in self._pp_words:
            np = self._np_right(s, t + 1, limit)
            time_only = s.lows[t] not in sd.scope_prepositions
            if np is None or not self._scope_np(s, np[2] - 1, np[2], time_only):
                return []
            out.append(s.span(t, np[2]))
            t = np[2]
        if (
            t >= limit
            or not s.words[t].isalpha()
            or not s.words[t].islower()
            or s.lows[t] in sd.time_words  # "for Tuvo fiscal year 2024": cut short
        ):
            return []
        return out

    def _moved_from(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        firsts: Sequence[int],
        afters: Sequence[int],
        f: int,
    ) -> bool:
        """Whether figure ``f`` is the level a move started from, the level it reached
        right after "to": "rose (sharply) from $600m to $700m"."""
        first = firsts[f]
        if f + 1 >= len(spans) or first < 2 or s.lows[first - 1] != "from":
            return False
        v = first - 2
        if self._adverb(s, v) and v > 0:
            v -= 1  # "rose sharply from"
        to = firsts[f + 1] - 1
        return (
            s.lows[v] in self._move_words
            and s.lows[to] == "to"
            # a short phrase may come between: "from $3.1m in 2022 to $4.5m in 2023"
            and 0 <= to - afters[f] <= 4
            and all(s.words[t][0].isalnum() for t in range(afters[f], to))
            and spans[f + 1].quantity.kind == spans[f].quantity.kind
        )

    def _moved_to(self, s: Sentence, first: int, after: int, frm: int) -> bool:
        """Whether the figure at tokens ``first..after-1`` is a level a move verb reached
        ("fell to 4.2%", "rose sharply to $5 million") and no more than a short phrase of
        words stands between it and the "from" at token ``frm`` ("in May")."""
        v = first - 2
        if v < 0 or s.lows[first - 1] != "to":
            return False
        if self._adverb(s, v) and v > 0:
            v -= 1  # "rose sharply to"
        if s.lows[v] not in self._move_words:
            return False
        return frm - after <= 6 and all(s.words[t][0].isalnum() for t in range(after, frm))

    def _fronted_part(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        firsts: Sequence[int],
        afters: Sequence[int],
        f: int,
    ) -> bool:
        """Whether figure ``f - 1`` is the count of a phrase that a word of `[clauses]
        group_leads` opens at the start of its sentence or clause, with a word of `wholes`
        or none between ("Of the 40 Tuvo schools,", "Among its 30 firms Orvex named,"),
        and figure ``f``, a whole number no larger, follows the comma that ends it."""
        part, whole = spans[f].quantity.value, spans[f - 1].quantity.value
        if part is None or whole is None or part != part.to_integral_value() or part > whole:
            return False  # "Of the 40 schools, 2 million was spent"
        sd = self.sd
        lows, words = s.lows, s.words
        k = firsts[f - 1] - 1
        if k >= 0 and lows[k] in sd.clause_wholes and lows[k] not in sd.group_leads:
            k -= 1
        if k < 0 or lows[k] not in sd.group_leads:
            return False
        if k > 0 and words[k - 1] not in (",", ";", ":"):
            return False
        comma = firsts[f] - 1
        if comma < afters[f - 1] or words[comma] != "," or comma - afters[f - 1] > 8:
            return False
        return all(w not in (",", ";", ":", "(", ")") for w in words[afters[f - 1] : comma])

    def _comparing(self, s: Sentence, first: int) -> bool:
        """Whether the words right before token ``first`` compare the figure there with
        the one before ("compared with", "against"): `[clauses] comparing`."""
        lows = s.lows
        return (first >= 1 and lows[first - 1] in self.sd.clause_comparing) or (
            first >= 2 and f"{lows[first - 2]} {lows[first - 1]}" in self.sd.clause_comparing
        )

    @staticmethod
    def _same_kind(spans: Sequence[Figure], f: int) -> bool:
        """Whether figure ``f`` is of the kind of the figure before it."""
        return f > 0 and spans[f].quantity.kind == spans[f - 1].quantity.kind

    def _restates(
        self,
        s: Sentence,
        afters: Sequence[int],
        firsts: Sequence[int],
        read: Sequence[Attached],
        f: int,
        same_kind: bool,
    ) -> bool:
        """Whether figure ``f`` restates figure ``f - 1`` ("to", "or", "from" between, or a
        ";" inside a bracket between two figures of ``same_kind``); ``firsts`` and
        ``afters`` are each figure's first token and the token after it."""
        b = firsts[f]
        head = read[f - 1].head_index
        # past the noun the figure before sits on, unless that noun follows this figure:
        # "a 1.2 billion-mile (1.9bn km) journey"
        a = afters[f - 1] if head >= b else max(afters[f - 1], head + 1)
        if b - a > 4:
            return False
        if same_kind and _bracket_semicolon(s, a, b):
            return True  # "2bn yen ($14m; £11m)": the sum once more
        return b > a and all(
            s.lows[t] in _RESTATING or s.lows[t] in self.sd.copulas for t in range(a, b)
        )

    def _suspended(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: list[Attached],
        bounds: _Bounds,
    ) -> None:
        """Read a list whose hyphens hang ("two- and four-berth cabins", "a 5- or
        8-metre mast") as one figure, from its first number to its last one's noun, and
        give every member that reading: each sizes or measures the same noun. A subject
        that holds the last figure's own word is rewritten with each member's
        ("two-berth cabins"), without offsets, for the text does not hold it."""
        firsts, afters, limits, floors = bounds
        f = 0
        while f < len(spans) - 1:
            g, end = f, spans[f].end
            while (hanging := _SUSPENDED.match(s.text, end)) is not None:
                last = hanging.end() - 1  # the last character of the list's last number
                n = g
                while n < len(spans) and spans[n].end <= last:
                    n += 1
                if n == len(spans) or spans[n].start > last:
                    break  # no figure ends the list there
                g, end = n, spans[n].end
            if g == f:
                f += 1
                continue
            whole = self._read(s, firsts[f], afters[g], spans[g].quantity, limits[g], floors[f])
            subj = whole.subject
            for m in range(f, g + 1):
                here = subj
                if (
                    m < g
                    and subj.start is not None
                    and subj.start <= spans[g].start < (subj.end or 0)
                ):
                    # "four-berth cabins" for "two": "two-berth cabins"
                    number = s.text[s.starts[afters[m] - 1] : spans[m].end]
                    text = number + s.text[spans[g].end : subj.end]
                    here = Reading(text, subj.head, subj.scope, subj.holder, None, None)
                read[m] = whole.but(here, whole.cls, whole.modifiers)
            f = g + 1

    def _shared_noun(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: list[Attached],
        bounds: _Bounds,
    ) -> None:
        """Read a list of counts that share one noun ("the floods killed 5 and 6 people")
        as one figure, from its first number to its last one's noun, and give every
        member that reading: each is read with the verb before the list and the words
        after the noun, as the list's last count alone could not be."""
        firsts, afters, limits, floors = bounds
        g = len(spans) - 1
        while g > 0:
            f = g
            while (
                f > 0
                and spans[f - 1].quantity.kind == spans[g].quantity.kind == "count"
                and read[f - 1].head_index >= afters[g]
                and read[f - 1].head_index == read[g].head_index
                and all(w in _LIST_WORDS for w in s.lows[afters[f - 1] : firsts[f]])
            ):
                f -= 1
            if f < g:
                whole = self._read(s, firsts[f], afters[g], spans[g].quantity, limits[g], floors[f])
                for m in range(f, g + 1):
                    read[m] = whole
            g = f - 1

    def _members(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: list[Attached],
        firsts: Sequence[int],
        afters: Sequence[int],
    ) -> None:
        """Mark the figures that are members or parts, whose key would meet a whole's.
        Measures joined before one plural noun ("the 6.8 and 6.2 magnitude quakes") are
        each one member's: the first takes the noun too, and neither gets a key, for the
        key cannot tell which quake is which. A count whose noun the next count shares
        out among clauses ("two drones fell ..., one struck a barn") is a part."""
        for f in range(1, len(spans)):
            a, b = spans[f - 1].quantity, spans[f].quantity
            r = read[f]
            h = r.head_index
            if (
                a.kind == b.kind == "measure"
                and a.unit == b.unit
                and h >= afters[f]
                and read[f - 1].head_index < afters[f - 1]
                and _joined(s, afters[f - 1], firsts[f], _LISTING, _COORDINATING)
                and s.lows[h] != self.singular(s.lows[h])
            ):
                read[f - 1] = read[f] = r.as_part(h)
        # "two drones fell in a field, one struck a barn and one landed on a road":
        # counts shared out among clauses of their own are each a part of a whole the
        # sentence does not give, no figure of the drones
        for f in range(len(spans) - 1):
            r = read[f]
            if (
                spans[f].quantity.kind == "count"
                and r.head_index >= afters[f]
                and not r.part
                and (firsts[f] == 0 or s.lows[firsts[f] - 1] not in self.sd.clause_wholes)
                and self._elided(s, spans[f + 1].quantity, firsts[f + 1], afters[f + 1])
            ):
                read[f] = r.as_part(r.head_index)

    def _listed_roles(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: list[Attached],
        firsts: Sequence[int],
        afters: Sequence[int],
    ) -> None:
        """Give counts listed before one verb of an event role that role, and the scope
        and holder read after the verb: "Three women and two men were killed in Varnholm"
        -> death|woman and death|man, both in Varnholm (the verb follows the last count
        only). Not a count whose own noun is the role's ("two deaths")."""
        for f in range(len(spans) - 2, -1, -1):
            a, b = read[f], read[f + 1]
            h, g = a.head_index, b.head_index
            if (
                spans[f].quantity.kind == "count"
                and spans[f + 1].quantity.kind == "count"
                and b.cls in self._role_classes
                and a.cls is not None
                and a.cls not in self._role_classes
                and afters[f] <= h < firsts[f + 1] - 1
                and g >= afters[f + 1]
                and self._class((s.lows[g],))[0] not in self._role_classes
                and _joined(s, h + 1, firsts[f + 1], _LISTING, _LISTING)
            ):
                mods = a.modifiers if a.cls in self.sd.role_plain else (*a.modifiers, a.cls)
                subj = a.subject.but(
                    a.subject.scope or b.subject.scope, a.subject.holder or b.subject.holder
                )
                read[f] = a.but(subj, b.cls, mods)

    def _part_roles(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: list[Attached],
        firsts: Sequence[int],
        afters: Sequence[int],
    ) -> None:
        """Give a part taken from a whole ("ten of the 80 resorts") the event role of the
        verb after the whole's noun: in "ten of the 80 resorts were damaged" the ten were
        (damaged|resort), not the 80 (see `_whole_of_part`)."""
        for f in range(len(spans) - 1):
            a, b = read[f], read[f + 1]
            g = b.head_index
            if (
                spans[f].quantity.kind in ("count", "number")
                and spans[f + 1].quantity.kind == "count"
                and a.cls not in self._role_classes
                and b.cls not in self._role_classes
                and g >= afters[f + 1]
                and afters[f] < firsts[f + 1]
                and s.lows[afters[f]] == "of"
                and self._whole_of_part(s, firsts[f + 1])
            ):
                e = g + 1  # the whole's phrase ends: "543 passengers and crew"
                if b.subject.end is not None:
                    e = max(e, s.index_at(b.subject.end))
                t = self._past_auxiliaries(s, e, s.n)
                found = self._role_at(s, t, s.n) if e < t < s.n else None
                if found is None:
                    continue
                noun = b.cls if b.cls is not None else self.singular(s.lows[g])
                mods = b.modifiers if noun in self.sd.role_plain else (*b.modifiers, noun)
                read[f] = a.but(a.subject, found[0], mods)

    def _tallied(
        self, s: Sentence, q: Quantity, subj: Reading, first: int, after: int
    ) -> tuple[str, tuple[str, ...]] | None:
        """The key's class and modifiers of what a bare number (tokens ``first..after-1``)
        counts when its subject names it: "the number of homes" (`tallies`, with an
        article or none before) -> ("home", ()); else None. The phrase after "of" must end
        in a plural noun or a noun of a class, or go on only with a joining preposition
        ("the number of visitors to Varnholm"); the number must be whole and no mean
        (`averages`); only the phrase's scope and its verb may stand between it and the
        figure, and no difference, rate or mean may follow the figure (`not_tallies`):
        not "the number of Europeans online", "cut the number of seats by a sixth", "the
        number of homes sold in May" or "400 more than in 2020"."""
        if subj.start is None or subj.end is None or q.value is None or not subj.head:
            return None
        sd = self.sd
        i = s.index_at(subj.start)
        end = s.index_at(subj.end)  # the token after the phrase
        if i < end and s.lows[i] in _ARTICLES:
            i += 1
        start = next(
            (
                i + len(tally) + 1
                for tally in sd.tallies
                if i + len(tally) < end
                and s.lows[i + len(tally)] == "of"
                and tuple(s.lows[i : i + len(tally)]) == tally
            ),
            -1,
        )
        if start < 0:
            # "the troops numbered 9,000": the phrase itself is what is counted (not "the
            # rooms are numbered 12", which labels them)
            c = next((t for t in range(end, first) if s.lows[t] in sd.counting_verbs), -1)
            if c < 0 or s.lows[c - 1] in sd.be_forms or s.lows[c - 1] in sd.auxiliaries:
                return None
            start = i
        h = end - 1
        while h >= start and self.singular(s.lows[h]) != subj.head:
            h -= 1
        if h < start:
            return None
        low = s.lows[h]
        if not (
            (s.words[h].islower() or h == 0)  # "Troops numbered 9,000": a sentence's start
            and (self.singular(low) != low or self._class([low])[0] is not None)
        ):
            return None
        if h + 1 < end and s.lows[h + 1] not in sd.joining:
            return None
        if not sd.averages.isdisjoint(s.lows[first:after]):
            return None
        if not _whole_figure(q):
            return None
        # only its scope and its verb between the phrase and the figure: not "the number
        # of people killed in the raid rose to 40", "... that burned", "... to Varnholm
        # per year", "Orvex cut the number of seats by 40" (no level)
        gap = end
        left = list(subj.scope)  # in any order: "troops led by Varn in Tuvo" is read inside out
        while left:
            if gap + 1 < first and s.lows[gap + 1] == "by" and self._agent_participle(s, gap, -1):
                gap += 1  # "the troops led by Varn numbered 9,000": the agent's participle
            phrase = next(
                (x for x in left if gap < first and s.text.startswith(x, s.starts[gap])), None
            )
            if phrase is None:
                break
            left.remove(phrase)
            gap = s.index_at(s.starts[gap] + len(phrase))
        for t in range(gap, first):
            word = s.lows[t]
            if word in sd.averages or not (
                word in sd.auxiliaries
                or word in sd.be_forms
                or word in sd.copulas
                or (word in sd.counting_verbs and s.words[t].islower())
                # "the troops, who numbered 9,000": a relative clause of the phrase
                or (word == "," and t == gap)
                or (word in sd.clause_relatives and t == gap + (s.words[gap] == ","))
                or (word in _BEFORE_FIGURE and (word != "by" or q.trend is not None))
                or self._adverb(s, t)
            ):
                return None
        if after < s.n and (s.lows[after] in sd.not_tallies or s.lows[after] in sd.averages):
            return None  # "400 more than", "40 per 1,000", "400 on average"
        if h + 1 == end:
            return self._text_class_mods(s.span(start, end), subj.head)
        cls, mods = self._joined_class_mods(s, start, h + 1, end, subj.head)
        return cls, tuple(mods)

    @staticmethod
    def _single(s: Sentence, q: Quantity, att: Attached) -> bool:
        """Whether ``q`` counts one of a noun that nothing after it narrows: "one analyst
        said", "one bomb landed near the gate" name one of something, no total (a count
        of a named kind stays one: "one count of attempted theft")."""
        h = att.head_index
        return (
            q.kind == "count" and q.value == 1 and not (0 <= h < s.n - 1 and s.lows[h + 1] == "of")
        )

    def _phrase_of_figure(
        self, s: Sentence, att: Attached, subj: Reading, first: int, after: int
    ) -> tuple[int, bool] | None:
        """The first token of the phrase naming a figure when that phrase holds it, and
        whether it is the phrase before "of": "a rate of 1.4%" (True), "a 25% duty" or "a
        new 25% duty" (the figure right before its noun, with its article and up to two
        words of `[keys] skip_modifiers` between: False); None for any other reading."""
        h = att.head_index
        if subj.start is None or h < 0:
            return None
        if (
            first > h + 1
            and s.lows[first - 1] == "of"
            and (
                h + 2 == first
                # past the time or place between: "a margin in the period of 12%"
                or (first - h <= 12 and (s.lows[h + 1] in self._pp_words or s.lows[h + 1] == "to"))
            )
        ):
            return s.index_at(subj.start), True
        if s.index_at(subj.start) == after <= h <= after + 3:
            article = self._article_before(s, first)
            return (first if article < 0 else article), False
        return None

    def _acts_on(self, s: Sentence, verb: int, phrase_at: int) -> bool:
        """Whether the words from the clause's verb at token ``verb`` up to the phrase at
        ``phrase_at`` are one verb group that acts on it: "imposed a 25% duty", "is to
        award a €6m grant", "could table a €30m bid": its first verb, then only
        auxiliaries, adverbs and "to" before its last. Not a linking verb ("is a $15
        billion business", "is not a ..."), a verb of reporting or forecasting ("forecast
        only 3% growth"), an object between ("urged ministers to impose") nor a preposition
        ("objected to a", "competes without the €3bn subsidy")."""
        sd = self.sd
        if s.words[verb] == "," and verb + 1 < phrase_at:
            verb = self._past_appositive(s, verb, phrase_at)  # "Orvex, the carmaker, imposed"
        last = phrase_at - 1
        if last < verb or not all(
            s.words[t].isalpha() and s.words[t].islower() for t in range(verb, phrase_at)
        ):
            return False
        # the last verb, back over adverbs and negations: "is not a", "remains only a"
        while last > verb and (
            self._adverb(s, last)
            or s.lows[last] in sd.negations
            or (s.lows[last] in sd.auxiliaries and s.lows[last] not in self._verb_openers)
        ):
            last -= 1
        low = s.lows[last]
        if low in self._prepositions or any(
            low in words for words in (sd.be_forms, sd.copulas, sd.reporting, sd.forecasting)
        ):
            return False
        return all(
            s.lows[t] in sd.auxiliaries
            or s.lows[t] in sd.be_forms
            or s.lows[t] in sd.negations
            or s.lows[t] == "to"
            or self._adverb(s, t)
            for t in range(verb + 1, last)
        )

    def _gapped(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: Sequence[Attached],
        subjects: Sequence[Subject],
        firsts: Sequence[int],
        afters: Sequence[int],
        f: int,
    ) -> int:
        """The figure whose noun figure ``f`` leaves out, of its kind and unit, which it
        follows after "and" or "or" with only that figure's prepositional phrases between:
        "900 cars in Varnholm and *400* in Tuvaland", "a fine of $52,000 for Orvex and
        *$75,000* for Tuvacorp"; not "... and 400 were sold": ``f - 1``, or ``f - 2`` when
        ``f - 1`` restates that sum in brackets ("a levy of 61,000 euros ($70,000) for
        Orvex and *38,000 euros* for Tuvacorp"); else -1."""
        b = f - 1
        restated = (
            f > 1 and spans[f].quantity.kind == "money" and _bracketed_after(s, firsts, afters, b)
        )
        if restated:
            b -= 1
        q, before = spans[f].quantity, spans[b].quantity
        h = read[b].head_index
        first, after = firsts[f], afters[f]
        if q.kind == "count":
            ok = afters[b] <= h < first - 1  # the count's noun, after it
        else:
            # a sum or a measure whose noun came before it ("a fine of $52,000"): the
            # phrases after it, past a restatement
            ok = q.kind in ("money", "measure") and 0 <= h < firsts[b]
            h = afters[f - 1] if restated else afters[b] - 1
        if not (
            ok
            and before.kind == q.kind
            # or in the restating currency: "$2.5m (£1.9m) for Orvex and £1.2m for Tuvacorp"
            and (q.unit == before.unit or (restated and q.unit == spans[f - 1].quantity.unit))
            and subjects[b].text is not None
            and read[f].head_index < 0
            and s.lows[first - 1] in _COORDINATING
        ):
            return -1
        gap = range(h + 1, first - 1)
        if len(gap) > 6 or (gap and s.lows[gap[0]] not in self._pp_words):
            return -1  # "300 flats were sold and 120": a clause of its own
        if any(s.lows[t] in self._finite or s.lows[t] in _CLAUSE_WORDS for t in gap):
            return -1
        if after >= s.n or s.lows[after] in self._pp_words or not s.words[after][0].isalnum():
            return b
        return -1

    def _object_places(self, s: Sentence, t: int, limit: int) -> list[str]:
        """The places after an object that ends before token ``t`` ("cut output *at the
        Varnholm mine* to"): scope phrases with a name, a place noun or a time after their
        preposition, none of them someone's thing ("at Lena Varn's request")."""
        return [
            p
            for p in self._scope(s, t, limit)
            if "'" not in p
            and "’" not in p
            and (
                self.is_time(p)
                or any(w[0].isupper() or w.lower() in self.sd.place_nouns for w in p.split()[1:])
            )
        ]

    def _own_party(self, s: Sentence, before: Subject, after: int) -> bool:
        """Whether the holder of the figure ``before``, whose words end before token
        ``after``, is the party its own phrase names ("$52,000 *for Orvex*", "300 flats
        *for Orvex*"), not one its clause gave it."""
        holder = before.holder
        return (
            holder is not None
            and after + 1 < s.n
            and s.lows[after] in self.sd.group_prepositions
            and s.text.startswith(holder, s.starts[after + 1])
        )

    def _estimated_pair(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        read: Sequence[Attached],
        firsts: Sequence[int],
        afters: Sequence[int],
        f: int,
    ) -> bool:
        """Whether figure ``f`` is a second estimate of the object whose estimate the
        figure before gives after "at": "Tuvo Bank put Varnholm output at 4.6 mln bpd in
        May and 4.9 mln bpd in June", "sees profit at 1.10 crowns this year and 1.40
        crowns in 2027" (`[verbs] estimating`); it follows "and" or "or" with no noun of
        its own, only a short phrase of place or time between the two."""
        first, before = firsts[f], firsts[f - 1]
        h = read[f - 1].head_index
        if not (
            h >= 1
            and h == before - 2
            and s.lows[before - 1] == "at"
            and read[f].head_index < 0
            and spans[f].quantity.kind == spans[f - 1].quantity.kind
            and s.lows[first - 1] in _COORDINATING
            and self._estimated_at(s, before - 1)
        ):
            return False
        after = afters[f]
        if after < s.n and s.lows[after] in self._finite:
            return False  # "... at $40 million and $12 million was spent": a clause of its own
        gap = range(afters[f - 1], first - 1)
        return len(gap) <= 6 and not any(
            not s.words[t][0].isalnum()
            or (s.lows[t] in self._finite and not self._month_name(s, t))  # "in May"
            or s.lows[t] in _CLAUSE_WORDS
            for t in gap
        )

    def _ranged(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        firsts: Sequence[int],
        afters: Sequence[int],
        f: int,
    ) -> bool:
        """Whether figure ``f`` (not the first) goes on the move of the figure before, of
        the same kind, with no verb between: after "and from" ("rose from 20 mpg to 29 mpg
        for cars, and *from 14 mpg* to 24"), as a span from "from" after "and" ("and *from
        14 mpg to 24 mpg*"), or after "to" when the figure before is such a one ("and from
        14 mpg for vans *to 24*")."""
        first = firsts[f]
        if f < 1 or first < 1 or first >= s.n:
            return False
        if s.lows[first - 1] == "to":
            if f < 2 or not self._ranged(s, spans, firsts, afters, f - 1):
                return False
            gap = range(afters[f - 1], first - 1)
            limit = 4
        elif first >= 2 and s.lows[first - 1] == "from" and s.lows[first - 2] in _COORDINATING:
            gap = range(afters[f - 1], first - 2)
            limit = 6
        elif s.lows[first] == "from" and s.lows[first - 1] in _COORDINATING:
            gap = range(afters[f - 1], first - 1)  # "and from 14 mpg to 24 mpg": one span
            limit = 6
        else:
            return False
        if spans[f].quantity.kind != spans[f - 1].quantity.kind or len(gap) > limit:
            return False
        lows = s.lows
        return not any(lows[t] in self._finite or lows[t] in _CLAUSE_WORDS for t in gap)

    def _group_age(self, s: Sentence, first: int) -> bool:
        """Whether the age at token ``first`` follows "aged" or "ages" right after a
        lower-case plural or pronoun, a group's: "adults aged 18 to 34", "those aged 65 and
        over" (not "Lena Ortiz, aged 61", "Tom Varn aged 40", "died of cancer aged 44": a
        person's age)."""
        if first < 2 or s.lows[first - 1] not in _AGE_PARTICIPLES:
            return False
        word, low = s.words[first - 2], s.lows[first - 2]
        if not (word.isalpha() and (word.islower() or (first == 2 and word[1:].islower()))):
            return False  # "Lena Ortiz, aged 61": a person's
        # a plural or a pronoun ("Women aged 50 or above"), not "died of cancer aged 44"
        return low in self.sd.those or self.singular(low) != low

    def _polled(self, s: Sentence, first: int, after: int, end: int | None) -> bool:
        """Whether the percentage at tokens ``first:after`` is a share "of" a noun phrase
        ending at character ``end`` that a verb follows: "68% of Tuvalanders *believe* ...",
        "40% of exports *were* sold to Varnholm", "one in five Tuvalanders *own* a boat"
        (an irregular past such as "went" is not seen). What the share counts is in the
        verb, which the key leaves out, so two such shares of one group do not meet."""
        if end is None or after >= s.n:
            return False
        if s.lows[after] != "of" and not self._ratio_before(s, first, after):
            return False
        t = bisect_left(s.starts, end)
        while t < s.n and self._adverb(s, t):
            t += 1
        if t >= s.n:
            return False
        low = s.lows[t]
        if low in self._finite:
            return True
        return (
            low not in self.lex.function_words  # "say, 15%", "this"
            and low not in self.sd.phrase_enders  # "of sales plus fees": no verb
            and (
                low in self.sd.clause_thinking
                or low in self.sd.group_verbs  # "20% of adults smoke"
                or _inflected(s, t, ("ed", "s"))
            )
        )

    def _elided(self, s: Sentence, q: Quantity, first: int, after: int) -> bool:
        """Whether the count ``q`` at tokens ``first:after`` opens a clause of its own
        after a comma or "and", its noun left out: ", *one* struck a barn"."""
        if q.kind not in ("count", "number") or after != first + 1 or after + 1 >= s.n:
            return False
        if first == 0 or s.lows[first - 1] not in self.sd.clause_sharing:
            return False
        k = after
        low, nxt = s.lows[k], s.lows[k + 1]
        if low in self.lex.function_words or nxt == "by":
            return False  # "one of the officers", "one as a guest", "one used by"
        if q.unit is None and (low in self.sd.auxiliaries or low.endswith("ed")):
            # ", two voted no", "and one landed on a road", not "one attempted theft
            # charge"
            return not s.words[k + 1][0].isalnum() or nxt in self.lex.function_words
        # "one struck a barn": a word the figure reader took for the noun, before an article
        return s.words[k][0].islower() and not low.endswith("s") and nxt in _ARTICLES

    @staticmethod
    def _converts(s: Sentence, before: Quantity, q: Quantity, gap_start: int, gap_end: int) -> bool:
        """Whether ``q`` restates the sum ``before`` in another currency, in brackets or
        after "or" between tokens ``gap_start`` and ``gap_end``: "9 million euros ($10 million)"."""
        return (
            q.kind == "money"
            and before.kind == "money"
            and q.unit != before.unit
            and " per " not in f"{q.unit} {before.unit}"  # "$9 million, or 40 cts per share"
            and (
                _joined(s, gap_start, gap_end, _RESTATED, _RESTATING_MARKS)
                or _bracket_semicolon(s, gap_start, gap_end)  # the bracket's second sum
            )
        )

    def _cumulative(self, s: Sentence, first: int) -> bool:
        """Whether the figure whose first token is ``first`` is held in the present perfect
        ("Lena has had 14 cars", "Orvex has so far employed 9,000 people"): a total over
        time, not what is held now ("has two cars"). ``[keys] perfect_auxiliaries``,
        ``cumulative_participles`` and ``perfect_adverbs`` ("has now had")."""
        t = first - 1
        while t >= 0 and (s.lows[t] in _BEFORE_FIGURE or s.lows[t] in _ARTICLE_BEFORE_FIGURE):
            t -= 1
        if t < 1 or s.lows[t] not in self.sd.cumulative_participles:
            return False
        t -= 1
        steps = 0
        while t > 0 and steps < 3 and (s.lows[t] in self.sd.perfect_adverbs or self._adverb(s, t)):
            t -= 1
            steps += 1
        return s.lows[t] in self.sd.perfect_auxiliaries

    def _relatives(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        subjects: list[Subject],
        read: list[Attached],
        limits: Sequence[int],
        first: int,
    ) -> list[Derived]:
        """ "with the majority stationed in Kursk": a share of the count just before;
        ``first`` is the token after the first figure."""
        out: list[Derived] = []
        if not spans:
            return out
        rel = self.sd.relative
        starters = self._relative_first
        after = s.lows[first:]
        if starters.isdisjoint(after):
            return out  # most sentences: no word that opens a relative phrase
        f = 0
        e = first  # the token after the last relative read
        # only a token that may open a relative phrase is looked at
        for t in [t for t, low in enumerate(after, first) if low in starters]:
            if t < e:
                continue
            while f + 1 < len(spans) and s.starts[t] >= spans[f + 1].start:
                f += 1
            if s.starts[t] < spans[f].end:
                continue
            for size in range(self._relative_max, 0, -1):
                spec = rel.get(tuple(s.lows[t : t + size]))
                if spec is not None:
                    break
            else:
                continue
            e = t + size
            q = spans[f].quantity
            if t > 0 and (s.lows[t - 1] == "the" or s.words[t - 1] in ("'s", "’s")):
                continue  # "one of the most honoured Orvex riders": a superlative, no share
            ok = e < s.n and (
                (s.lows[e] == "of" and e + 1 < s.n and s.lows[e + 1] in _REFERRING)
                or (
                    s.words[e][0].islower()
                    and (s.lows[e].endswith("ed") or s.lows[e] in self.sd.copulas)
                )
            )
            if ok and q.kind == "count" and subjects[f].text is not None:
                share = _share(q, spec)
                if share.interval.is_empty or q.value == 1:
                    continue  # "0 troops, most were here": no number is most of none, nor of one
                scope_from = e + 2 if s.lows[e] == "of" else e
                scope = tuple(self._scope(s, scope_from, limits[f]))
                base = subjects[f]
                key = self._keyed(read[f].cls, read[f].modifiers, base.holder, scope)
                if key == base.key:
                    key = None  # "about half of them part-time": a part, not the whole
                subject = new_subject(
                    base.text, base.head, scope, base.holder, key, True, None, None
                )
                out.append(Derived(s.starts[t], s.ends[e - 1], share, subject, f))
        return out
