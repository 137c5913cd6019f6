"""Scopes: the phrases that restrict a figure (place, time, group), and subject keys.

The scope phrases after a figure ("in Kursk", "stationed in Russia", "this year"), a time
or place opening the sentence ("In Varnholm, ..."), a party's or a group's phrase ("for
the Owls"), and the key a subject's class, modifiers, holder and places make
(``class|modifiers|holder|places``, documented in ``docs/subjects.md``). Built on
`figtrack.phrases`; `figtrack.clauses` and `figtrack.subjects` build on it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from figtrack.figures import Figure
from figtrack.lexicon import Lexicon, LexiconError
from figtrack.model import Quantity
from figtrack.phrases import (
    _ADJECTIVE_ARTICLES,
    _AGE_PARTICIPLES,
    _CLAUSE_END,
    _CLAUSE_WORDS,
    _DETERMINERS,
    _INDEFINITE,
    _SHOWN_DETERMINERS,
    _YEAR,
    Phrases,
    Sentence,
    _normal,
    undotted,
)

# a year or a decade at a word's end: "mid-2022", "1980s"
_CALENDAR: Final = re.compile(r"(?:1[89]|20)\d\ds?\Z")
# words before a span of time that make it a comparison's base, not the figure's time:
# "rose 12% from 18 months earlier"
_BASELINES: Final = frozenset(["from", "than", "since", "compared", "versus", "vs"])
# what separates the places of a list: "in Varnholm, Orvia and the US"
_LIST: Final = re.compile(r",? and |, ")


def _named(words: str, part: str) -> bool:
    """Whether a part of a list, ``part`` as written and ``words`` as a key holds it,
    is a name: its first and last words written with a capital ("the United States", not
    "Orvex stores", "South")."""
    if not words:
        return False
    written = [w for w in part.split() if undotted(w.lower()).strip(".,") in words.split()]
    return bool(written) and written[0][0].isupper() and written[-1][0].isupper()


_LEAD_REACH: Final = 12  # tokens a period opening the sentence may span, to its comma


class Scopes(Phrases):
    """Reads scope phrases and builds subject keys."""

    def __init__(
        self, lex: Lexicon, singular: Callable[[str], str], entities: Mapping[str, str]
    ) -> None:
        super().__init__(lex, singular, entities)
        for form in self.sd.place_names:
            if _normal(form, self._scope_drop) != form:
                raise LexiconError(
                    f"subjects.toml: [place_names] {form!r} can never match: a key drops "
                    "its articles, prepositions and dots"
                )
        # places recur from figure to figure: each is worked out once
        self._place_key: Callable[[str], str] = functools.lru_cache(maxsize=4096)(self._place)

    def _scope(self, s: Sentence, i: int, limit: int) -> list[str]:
        """Prepositional and verbal scope phrases from token ``i`` to the clause's end."""
        sd = self.sd
        out: list[str] = []
        steps = 0
        words = self._scope_words
        next_to = i  # where a phrase right after the figure's or the last phrase starts
        gone_past = False  # past an object of a time preposition: only places follow
        while i < limit and steps < 16:
            steps += 1
            w = s.words[i]
            low = s.lows[i]
            if (
                low in self._role_firsts
                and (role := self._role_span(s, i, i + 1, limit))
                and not _CLAUSE_WORDS.isdisjoint(s.lows[i : role[2]])
            ):
                i = role[2]  # "were killed or injured in Varnholm": "or" ends no clause here
                continue
            if low not in words and not ("-" in low and self._compass_word(low)):
                # none of the words tested below: only punctuation ends the scope
                if w in _CLAUSE_END:
                    break
                i += 1
                continue
            if low == "so" and i + 1 < limit and s.lows[i + 1] == "far":
                # "so far" opens no clause: "rose 57% so far this year"
                t = i + 2
                if self._time_pair(s, t, limit):
                    t += 2
                    out.append(s.span(i, t))
                i = next_to = t
                continue
            period = low in sd.period_prepositions
            if w in _CLAUSE_END or (
                low in _CLAUSE_WORDS and low not in sd.scope_prepositions and not period
            ):
                break
            if gone_past and (low not in sd.scope_prepositions or low in sd.time_prepositions):
                break
            if low in sd.scope_prepositions or low in sd.time_prepositions:
                np = self._np_right(s, i + 1, limit)
                if np is None and i + 1 < limit and _YEAR.match(s.words[i + 1]):
                    np = (i + 1, i + 1, i + 2)
                    if i + 3 < limit and s.words[i + 2] == "/" and s.words[i + 3].isdigit():
                        np = (i + 1, i + 1, i + 4)  # a season: "in 1985/86"
                if np and (
                    # "during the raid", "since the blockade", not "since the blockade began"
                    (
                        period
                        and (
                            (np[2] >= s.n and s.whole)
                            or (np[2] < limit and not s.words[np[2]][0].isalnum())
                            or s.lows[np[2]] in self._pp_words
                        )
                    )
                    or self._scope_np(s, np[1], np[2], time_only=low not in sd.scope_prepositions)
                ):
                    end = self._closer(s, self._of_place(s, np[2], limit), limit)
                    phrase = s.span(i, end)
                    if gone_past and self.is_time(phrase):
                        break
                    out.append(phrase)
                    i = next_to = end
                    continue
                if (
                    np
                    and low in sd.group_prepositions
                    and i == next_to  # "$75,000 for Tuvacorp", not "$9 for a gift for Lena"
                    and s.lows[i + 1] not in _INDEFINITE  # "12 yards for a TD"
                    and self._group(s, np[1], np[2])
                ):
                    end = self._of_place(s, np[2], limit)  # "for the College of Tuvo"
                    out.append(s.span(i, end))  # "$40 for adults"
                    i = next_to = end
                    continue
                if gone_past:
                    break  # no place: "on their boat in a storm in Varnholm"
                if low in sd.time_prepositions and low not in sd.scope_prepositions:
                    if (
                        low not in sd.through_prepositions
                        or np is None
                        or s.lows[i + 1] not in _DETERMINERS  # "rose 5% on strong demand"
                    ):
                        break  # "fell 5% over the month": anything after is another clause
                    # "died in a blast on their boat in Varnholm": only a place
                    # may follow
                    gone_past = True
                    i = np[2]
                    continue
            elif (
                low in sd.lacking_prepositions
                # right after the figure's phrase, or its linking verb: "were left without"
                and all(
                    s.lows[t] in sd.copulas
                    or s.lows[t] in sd.auxiliaries
                    or s.lows[t] in sd.leaving
                    for t in range(next_to, i)
                )
                and (np := self._np_right(s, i + 1, limit)) is not None
            ):
                end = np[2]  # "homes without power", "without the chance of parole"
                if end + 1 < limit and s.lows[end] in ("of", "for"):
                    end = (self._np_right(s, end + 1, limit) or (0, 0, end))[2]
                # up to the last thing lacked: "without parole plus 30 years"; not how a
                # thing was done, "without notice", "without closing stores"
                lacked = [t for t in range(np[1], end) if s.lows[t] in sd.lacked]
                first = s.lows[np[1]]
                if lacked and (first in sd.lacked or not first.endswith("ing")):
                    end = lacked[-1] + 1
                    out.append(s.span(i, end))
                    i = next_to = end
                    continue
            elif low in sd.place_verbs and i + 1 < limit and s.words[i + 1][0].isupper():
                np = self._np_right(s, i + 1, limit)
                if np:
                    end = self._closer(s, np[2], limit)
                    out.append(s.span(i, end))
                    i = next_to = end
                    continue
            elif self._compass_word(low) and (end := self._bearing(s, i, limit)) > i:
                out.append(s.span(i, end))  # "21 miles east of Varnholm"
                i = next_to = end
                continue
            elif self._time_pair(s, i, limit):
                if low != "a" or out:
                    out.append(s.span(i, i + 2))
                i = next_to = i + 2
                continue
            i += 1
        return out

    def _group(self, s: Sentence, start: int, end: int) -> bool:
        """Whether tokens ``start`` to ``end`` name a party or a group: a name, or a word of
        `[scope] group_nouns` ("adults", "shareholders")."""
        return any(
            (s.words[t][0].isupper() and t > 0) or s.lows[t] in self.sd.group_nouns
            for t in range(start, end)
        )

    def _group_phrase(self, phrase: str) -> bool:
        """Whether a scope phrase opens with a `[scope] group_prepositions` word ("for
        adults", "for Tuvacorp")."""
        return phrase.lower().startswith(self._group_openers)

    def _lacking_phrase(self, phrase: str) -> bool:
        """Whether a scope phrase opens with a `[scope] lacking_prepositions` word
        ("without power")."""
        return phrase.lower().startswith(self._lacking_openers)

    def _level_of(self, s: Sentence, first: int) -> tuple[int, int, int] | None:
        """The noun phrase whose level the figure at token ``first`` gives after one of
        `[clauses] level_markers`, when one of `level_leads` opens it, or one of
        `change_leads` after a noun of change: "with inflation at 3%", "a rise in rents to
        $900" -> (display start, start, end); None for a place or a time ("with Tuvaland at
        5%", "a rise in May to 4%")."""
        sd = self.sd
        t = first - 1
        if t < 2 or s.lows[t] not in sd.level_markers:
            return None
        np = self._np_left(s, t)
        if np is None or np[0] < 1:
            return None
        lead = np[0] - 1
        if s.lows[lead] not in sd.level_leads and not (
            s.lows[lead] in sd.change_leads and lead > 0 and s.lows[lead - 1] in self._change_nouns
        ):
            return None
        if self._placeish(s, np[1], t):
            return None
        return np[0], np[1], t

    def _group_of(self, s: Sentence, first: int) -> tuple[int, int, int] | None:
        """The group a share at token ``first`` is of when one of `[clauses] group_leads`
        opens the sentence with it and a comma closes it right before the figure: "Of the
        300 passengers, 40% were children" -> (display start, start, end) of "passengers"
        (a count and its article left to the count); a place after it is left out ("Among
        workers in Varnholm"); None for a clause, a pronoun or a set phrase ("Of those,
        40%", "Of course, ...")."""
        if not s.whole or first < 3 or s.lows[0] not in self.sd.group_leads:
            return None
        comma = first - 1
        if s.words[comma] != ",":
            return None
        display = start = 2 if s.lows[1] in _DETERMINERS else 1
        if start < comma - 1 and s.words[start][0].isdigit():
            display = start = start + 1  # "the 300 passengers": a figure of its own
        end = comma
        for k in range(start, comma):
            low = s.lows[k]
            if low in self._pp_words and low != "of":
                end = k  # "Among workers in Varnholm": the workers, in a place
                break
            if not (s.words[k][0].isalnum() or s.words[k] in "-'"):
                return None
            if low in self._verbs and not (k == comma - 1 > start and self._group_participle(low)):
                return None  # a verb, but "Of the 300 workers fired,": a participle
            if low in _CLAUSE_WORDS or low in self._clause_bounds:
                return None
        if end - start > 1 and self._group_participle(s.lows[end - 1]):
            end -= 1  # "the people surveyed", "the cars sold": the people, the cars
        last = s.lows[end - 1] if end > start else ""
        if not last or end - start > 8 or last in self.lex.function_words or last[0].isdigit():
            return None
        if self._participle_word(last) or (
            end - start == 1 and start == 1 and self.singular(last) == last
        ):
            return None  # "Of those surveyed", "Of course": a bare word only as a plural
        if display == 2 and s.lows[1] in _SHOWN_DETERMINERS:
            display = 1
        return display, start, end

    def _group_participle(self, low: str) -> bool:
        """Whether ``low`` may end a group as its participle: "surveyed" in "Of the people
        surveyed,", "sold" in "Of the 40 cars sold," (`agent_participles`)."""
        return self._participle_word(low) or low in self.sd.agent_participles

    def _participle_word(self, low: str) -> bool:
        """Whether ``low`` ends like a participle and is no noun: "surveyed", "responding",
        not "speed" or "spending"."""
        return low.endswith(("ed", "ing")) and low not in self._participle_nouns

    def _party(self, scope: Sequence[str]) -> str | None:
        """The name in a first scope phrase of a group preposition ("for Tuvacorp"), which
        holds a figure that has no holder; else None ("for adults", "for members of the
        Tuvo club" stay scopes)."""
        if not scope or not self._group_phrase(scope[0]):
            return None
        party = scope[0].partition(" ")[2]
        words = party.split()
        if (
            any(w[0].isupper() for w in words)
            and self.sd.group_nouns.isdisjoint(w.lower() for w in words)  # "for members of"
            and not self.is_time(scope[0])  # "for the March 11 attack" says when
        ):
            return party
        return None

    def _bearing(self, s: Sentence, i: int, limit: int) -> int:
        """The end of a bearing from a place that starts at token ``i``: "east of Varnholm",
        "north - northeast of Varnholm"; ``i`` when there is none."""
        t = i + 1
        while t < limit and t < i + 5 and (self._compass_word(s.lows[t]) or s.words[t] == "-"):
            t += 1
        if t + 1 >= limit or s.lows[t] != "of":
            return i
        np = self._np_right(s, t + 1, limit)
        if np is None or not self._scope_np(s, np[1], np[2], time_only=False):
            return i
        return self._closer(s, self._of_place(s, np[2], limit), limit)

    def _of_place(self, s: Sentence, end: int, limit: int) -> int:
        """``end``, or the end of a name after "of" there: "the town of Varnholm", "the
        province of Tuvaland" are one place."""
        if end + 1 < limit and s.lows[end] == "of" and s.words[end + 1][0].isupper():
            np = self._np_right(s, end + 1, limit)
            if np is not None and all(s.words[t][0].isupper() for t in range(np[1], np[2])):
                return np[2]
        return end

    def _closer(self, s: Sentence, i: int, limit: int) -> int:
        for size in (2, 1):
            if i + size <= limit and tuple(s.lows[i : i + size]) in self.sd.closers:
                return i + size
        return i

    def _time_point(self, s: Sentence, q: Quantity, after: int) -> bool:
        """Whether ``q``, ending before token ``after``, is a span of time before a word of
        `time_points` or `clock_points`: a point in time ("eleven years ago") or the time
        still to run ("with seven minutes remaining")."""
        return (
            q.kind == "measure"
            and (q.unit in self.sd.time_words or self.entities.get(q.unit or "") == "time")
            and after < s.n
            and (s.lows[after] in self.sd.time_points or s.lows[after] in self.sd.clock_points)
        )

    def _ago(
        self,
        s: Sentence,
        spans: Sequence[Figure],
        f: int,
        firsts: Sequence[int],
        afters: Sequence[int],
    ) -> tuple[str, ...]:
        """The time the figure after figure ``f`` names in the same clause, when it is a
        span of time before a word of `time_points`: "an 80-yard run in the derby two weeks
        ago" is a run of two weeks ago (``f`` is -1 for the first figure)."""
        after = afters[f + 1]
        if (
            self._time_point(s, spans[f + 1].quantity, after)
            and s.lows[after] not in self.sd.clock_points
            # a date's span: "two weeks ago", not "two seconds later" in a game's account
            and spans[f + 1].quantity.unit in self.sd.time_words
            and not any(
                w in _CLAUSE_END or w in _CLAUSE_WORDS or w in _BASELINES or w.endswith("ed")
                for w in s.lows[afters[f] if f >= 0 else 0 : firsts[f + 1]]
            )
        ):
            return (s.span(firsts[f + 1], after + 1),)
        return ()

    def _leading_scope(self, s: Sentence, first_figure: int) -> str | None:
        """A place or time phrase opening the sentence: "In Kursk, at least 10,000 troops
        ...", "During the raid, police seized ...", "Last year, ..."."""
        if s.n < 3 or not s.whole:
            return None
        sd = self.sd
        first = s.lows[0]
        if self._time_pair(s, 0, s.n) and s.words[2] == ",":
            return s.span(0, 2)
        if (after := self._time_lead(s, 0, first_figure)) > 0:
            return s.span(0, after)  # "Last year Tuvaland exports fell 4%"
        if first not in sd.scope_prepositions and first not in sd.time_prepositions:
            return None
        if first in sd.period_prepositions and first not in _CLAUSE_WORDS:
            # "During the team's closing 12-3 run, ...": a preposition that opens no clause
            # takes everything up to the comma as its object ("Since Orvex bought Tuvacorp,"
            # is a clause, read below as a noun phrase or not at all)
            for t in range(2, min(first_figure, _LEAD_REACH)):
                if s.words[t] == ",":
                    return s.span(0, t)
                if s.lows[t] in _CLAUSE_WORDS or s.words[t] in _CLAUSE_END:
                    return None
            return None
        np = self._np_right(s, 1, first_figure)
        if np is None and _YEAR.match(s.words[1]):
            np = (1, 1, 2)  # "In 2023, ..."
        if not (np and np[2] < s.n and s.words[np[2]] == ","):
            if (
                np is not None
                and np[2] + 1 < first_figure
                and s.lows[np[2]] in _ADJECTIVE_ARTICLES
                # a year, a month or a day: not "In time", "At the time", "On the day"
                and (
                    _YEAR.match(s.words[np[2] - 1])
                    or s.lows[np[2] - 1] in self.lex.months
                    or s.lows[np[2] - 1] in sd.day_words
                )
                and self.is_time(s.span(0, np[2]))
            ):
                return s.span(0, np[2])  # "In May the rent rose 3%": a time, no comma
            if (
                np is not None
                and np[2] + 1 < first_figure
                and first in sd.scope_prepositions
                and s.lows[np[2]] in _ADJECTIVE_ARTICLES
                and s.words[np[1]][0].isupper()
                # a name of words alone: not "In Q3", "In Table 2", "In Orvex's view"
                and all(s.words[t].isalpha() for t in range(np[1], np[2]))
                and self._placeish(s, np[1], np[2])
                and not self.is_time(s.span(0, np[2]))
            ):
                return s.span(0, np[2])  # "In Varnholm the index fell 2%": a place, no comma
            return None
        phrase = s.span(0, np[2])
        if self.is_time(phrase):
            if first in sd.period_prepositions or self._scope_np(s, np[1], np[2], True):
                return phrase
            return None
        if first in sd.scope_prepositions and self._placeish(s, np[1], np[2]):
            return phrase
        return None

    def key(
        self,
        cls: str | None,
        modifiers: Sequence[str],
        holder: str | None,
        scope: Sequence[str],
        period: str = "",
    ) -> str:
        """``class|modifiers|holder|places``, lower case; calendar times are left out, and
        ``period`` (a period no scope phrase states: "ever") joins the places."""
        places = sorted({place for place in (*map(self._place_key, scope), period) if place})
        return "|".join(
            (
                undotted(cls or ""),
                # "e-mail" and "email" meet, and "U.S." and "US"
                undotted(" ".join(modifiers)).replace("-", ""),
                self._holder_key(holder) if holder else "",
                ",".join(places),
            )
        )

    def _keyed(
        self,
        cls: str | None,
        modifiers: tuple[str, ...],
        holder: str | None,
        scope: tuple[str, ...],
        period: str = "",
    ) -> str | None:
        """`key`, or None for a class too generic to name a quantity on its own ("three
        times", "seven games") when no modifier or place narrows it (a holder alone does not).
        ``period`` is one more period of the key's places that no scope phrase states; it
        narrows nothing ("has had six carries" is still any carries)."""
        key = self.key(cls, modifiers, holder, scope, "")
        if cls in self.sd.generic_classes and key.startswith(f"{cls}||"):
            # nor does a holder alone: "Lena threw three touchdowns" may be one game's or
            # a season's, nor a party's scope ("59 passes for the Varnholm Owls")
            places = tuple(
                p for p in scope if not (self._group_phrase(p) or self._lacking_phrase(p))
            )
            if self.key(cls, modifiers, holder, places, "").endswith("|"):
                return None
        return self.key(cls, modifiers, holder, scope, period) if period else key

    def _period(self, phrase: str) -> str:
        """A time scope that picks out a part of the story, as the key holds it: "during
        the raid" is "during raid"; "" for a calendar time ("this year", "during the first
        quarter", "since mid-2022", "since the 1980s"), which the key leaves out."""
        words = _normal(phrase, _DETERMINERS).split(" ")
        sd = self.sd
        if words[0] in sd.period_prepositions and not any(
            w in sd.time_words or w in sd.span_openers or _CALENDAR.search(w) for w in words
        ):
            return " ".join(words)
        return ""

    def _place(self, phrase: str) -> str:
        """A scope phrase as the key holds it; "" for a calendar time, which it leaves out,
        and a period of the story for another time (`_period`). A bearing keeps its place
        alone: "east of Varnholm" is "varnholm", and so does a place named after "of": "in
        the town of Varnholm" is "varnholm"."""
        if self.is_time(phrase):
            return self._period(phrase)
        if (age := self._age_place(phrase)) is not None:
            return age
        if self._lacking_phrase(phrase):
            # what is lacked, however put: "without the possibility of parole", "lacking
            # parole" are "without parole"
            lacked = [w for w in phrase.lower().split() if w in self.sd.lacked]
            return " ".join(("without", *lacked))
        if self._group_phrase(phrase):
            # "for Tuvacorp" names a party, never the place Tuvacorp
            first, _, rest = phrase.partition(" ")
            party = _normal(rest, self._scope_drop)
            return f"{first.lower()} {self.sd.place_names.get(party, party)}"
        if " of " in phrase and self._compass_word(phrase.split(" ", 1)[0].lower()):
            phrase = phrase.split(" of ", 1)[1]
        whole = _normal(phrase, self._scope_drop)
        if whole in self.sd.place_names:
            return self.sd.place_names[whole]  # "in Trinidad and Tobago", if listed
        parts = _LIST.split(phrase)
        if len(parts) > 1:
            words = [_normal(p, self._scope_drop) for p in parts]
            if all(
                _named(w, p) and not self._compass_word(w)
                for w, p in zip(words, parts, strict=True)
            ):
                # a list of names of places, in any order: "in Varnholm, the US and Orvia"
                # and "in the United States, Orvia and Varnholm" are "orvia and us and
                # varnholm" (not "in South and North Varnholm", "in Orvex and Tuvacorp
                # stores")
                return " and ".join(sorted(map(self._one_place, words)))
        return self._one_place(whole)

    def _age_place(self, phrase: str) -> str | None:
        """An age that restricts a group as the key holds it (`[age_words]`): "aged
        between 18 and 34" and "ages 18-34" are "age 18-34", "aged 65 and older" is "age
        65 or over"; None for a phrase not opened by "aged" or "ages"."""
        first, _, rest = phrase.lower().partition(" ")
        if first not in _AGE_PARTICIPLES or not rest:
            return None
        words = rest.replace("-", " - ").replace("–", " - ").split()
        numbers = [w for w in words if w.isdigit()]
        if len(numbers) == 2 and not (set(words) - {*numbers, "between", "from", "to", "and", "-"}):
            return f"age {numbers[0]}-{numbers[1]}"
        return " ".join(["age", *(self.sd.age_words.get(w, w) for w in words)])

    def _one_place(self, place: str) -> str:
        """One place's words as the key holds them (`_place`)."""
        kind, of, name = place.partition(" of ")
        *before, last = kind.split(" ")
        # "in the town of Varnholm", "the northern port city of Varnholm" are "varnholm";
        # "the capital city of Tuvaland" is not Tuvaland
        if of and name and last in self.sd.named_by_of and self.sd.place_nouns.isdisjoint(before):
            place = name
        # "in the United States" is "us", as "in the U.S." is (`[place_names]`)
        return self.sd.place_names.get(place, place)
