"""Reading: the subject of one figure, from the words around it.

The noun a count sits on ("10,000 North Korean soldiers", "35m of its Echo devices"), the
entity a measure is of ("winds of up to 40 km/h", "a depth of 1.2 miles"), event roles
("killed more than 2,000 people"), and the holder and scope that go with them. Built on
`figtrack.clauses`; `figtrack.subjects` attaches these readings across a sentence's
figures.
"""

from __future__ import annotations

import re
from typing import Final

from figtrack.clauses import _MOVES, Clauses, _aside_open
from figtrack.model import AGE_UNIT, Quantity
from figtrack.phrases import (
    _ARTICLES,
    _BEFORE_FIGURE,
    _CLAUSE_WORDS,
    _DETERMINERS,
    _INDEFINITE,
    _PARTITIVE,
    _POSSESSIVE,
    _YEAR,
    Sentence,
)

# clause words after which a new predicate starts: "seized 300 rifles and arrested 12
# people" (not the relative words, whose verb is still the count's: "53 people who died")
# pronouns after "of" and a figure with no noun, for those counted: "five of them died"
_OF_REFERRING: Final = frozenset(("them", "those", "these", "whom", "which"))
_NEW_PREDICATE: Final = _CLAUSE_WORDS - {"which", "who", "whom", "that"}
# ... and between a verb of holding and its figure: "Tuvaland has a 12% stake"
_ARTICLE_BEFORE_FIGURE: Final = frozenset(("a", "an", "combined"))
# endings of adjectives, never the noun a figure after "by" changes ("punishable by")
_ADJECTIVE_ENDINGS: Final = ("able", "ible")
_BECOMING: Final = frozenset(["became", "become", "becomes", "becoming", "now"])
# the words between the numbers of a list that share one noun ("nine, seven and two drills")
_LIST_WORDS: Final = frozenset((",", "and", "or"))
_BARE_OPENERS: Final = frozenset(
    ("will", "would", "could", "can", "may", "might", "should", "must")
)


#: kinds that measure a thing rather than count it
_MEASURED: Final = frozenset(["measure", "money"])
_ASIDE_OPENERS: Final = frozenset(["including", "among", "mostly", "many", "most", "some"])
_ASIDE_REACH: Final = 40  # tokens an aside after a count may span
# a chemical formula: element symbols with counts, two capitals and a digit or a small
# letter ("CO2", "SO2", "HCl", "NaOH"), unlike a name in capitals ("US", "ECB", "G7")
_FORMULA: Final = re.compile(r"(?:[A-Z][a-z]?\d*){1,6}")


def _formula(s: Sentence, j: int) -> bool:
    """Whether the word at token ``j``, with the digits and letters glued to it (the
    tokens split "CO2" in two), is a chemical formula: "CO2", "HCl", not "US" or "Lena"."""
    e = j + 1
    while e < s.n and s.starts[e] == s.ends[e - 1] and s.words[e].isalnum():
        e += 1
    word = s.span(j, e)
    if not _FORMULA.fullmatch(word):
        return False
    capitals = sum(ch.isupper() for ch in word)
    return capitals >= 2 and (any(ch.isdigit() for ch in word) or not word.isupper())


class Reading:
    """What `SubjectReader.read` found for one figure, before its key is built (the fields
    of `Subject` it sets). A plain class, not a NamedTuple: the compiled build makes it
    a native class, built and read at C speed."""

    __slots__ = ("end", "head", "holder", "scope", "start", "text")

    def __init__(
        self,
        text: str | None,
        head: str | None,
        scope: tuple[str, ...],
        holder: str | None,
        start: int | None,
        end: int | None,
    ) -> None:
        self.text = text
        self.head = head
        self.scope = scope
        self.holder = holder
        self.start = start
        self.end = end

    def but(self, scope: tuple[str, ...], holder: str | None) -> Reading:
        """A copy with another scope and holder."""
        return Reading(self.text, self.head, scope, holder, self.start, self.end)


def _whole_figure(q: Quantity) -> bool:
    """Whether every number a figure states is whole: a tally's ("fell to a sixth", "2.5"
    are no tallies)."""
    return all(
        x is None or x == x.to_integral_value() for x in (q.value, q.interval.low, q.interval.high)
    )


class Attached:
    """A subject read for one figure, and the class its key is built on."""

    __slots__ = (
        "cls",
        "head_index",
        "kind_of",
        "modifiers",
        "part",
        "subject",
        "unheld",
        "unlocated",
    )

    def __init__(
        self,
        subject: Reading,
        cls: str | None,
        modifiers: tuple[str, ...],
        head_index: int,  # token index of the head word, -1 when none
        part: bool = False,  # a count of some of a group: "one of the three inspectors"
        unlocated: bool = False,  # a count whose noun the tokens do not show: no key
        kind_of: bool = False,  # a span that names a kind of its noun ("a 10-year bond"): no key
        unheld: bool = False,  # held by a pronoun only ("he raised $9,000"): no key
    ) -> None:
        self.subject = subject
        self.cls = cls
        self.modifiers = modifiers
        self.head_index = head_index
        self.part = part
        self.unlocated = unlocated
        self.kind_of = kind_of
        self.unheld = unheld

    def but(self, subject: Reading, cls: str | None, modifiers: tuple[str, ...]) -> Attached:
        """A copy with another subject, class and modifiers."""
        return Attached(
            subject,
            cls,
            modifiers,
            self.head_index,
            self.part,
            self.unlocated,
            self.kind_of,
            self.unheld,
        )

    def as_part(self, head_index: int) -> Attached:
        """A copy marked as a part of a group, with its noun at ``head_index``."""
        return Attached(
            self.subject,
            self.cls,
            self.modifiers,
            head_index,
            True,
            self.unlocated,
            self.kind_of,
            self.unheld,
        )


def _participle_like(low: str) -> bool:
    """Whether a lower-case word ends like a participle ("injuring", "seized")."""
    return len(low) > 4 and low.endswith(("ing", "ed"))


class FigureReader(Clauses):
    """Reads the subject of one figure: `Reading` and `Attached`."""

    # -- one figure --------------------------------------------------------------------
    def _counted(
        self, s: Sentence, j: int, unit: str, moved: bool = False
    ) -> tuple[int, int, int, bool, int] | None:
        """The phrase a count sits on, from token ``j``: (display start, start, head,
        whether the count is of part of a group: "one of the three inspectors", and the
        token of a possessive in it, else -1: "the mayor's aides"). ``moved``: the count
        follows "from", so "to" and a number may come before its noun ("rose from 800 to
        2,000 people")."""
        k = j
        part = False
        while k + 1 < s.n and (
            s.lows[k] in _LIST_WORDS or (moved and k == j and s.lows[k] == "to")
        ):
            # "nine, seven and two drills": the numbers after this one, on to their noun
            t = k + 2 if s.lows[k] == "," and s.lows[k + 1] in _LIST_WORDS else k + 1
            if t >= s.n or not (s.lows[t][0].isdigit() or s.lows[t] in self._number_words):
                break
            k = t + 1
            while moved and k < s.n and s.lows[k] in self._number_words:
                k += 1  # "from 4 million to 5 million people": past the scale word
        if k + 1 < s.n and s.lows[k] == "out" and s.lows[k + 1] == "of":
            k += 1  # "one out of three voters"
        partitive = k < s.n and s.lows[k] == "of"
        if partitive:
            k += 1
            part = k < s.n and s.lows[k] in _PARTITIVE
            if k < s.n and s.lows[k] in _DETERMINERS:
                k += 1
            if k < s.n and (s.lows[k][0].isdigit() or s.lows[k] in self._number_words):
                k += 1  # the whole: "5 of the 10 victims"
        display = k
        own = -1
        for h in range(k, min(k + 7, s.n)):
            w = s.words[h]
            if not w[0].isalnum():
                if w == "-" and h == k:
                    display = k = h + 1
                    continue
                if (
                    w == "-"
                    and h + 1 < s.n
                    and s.words[h - 1].isdigit()
                    and s.words[h + 1].isdigit()
                    and s.starts[h] == s.ends[h - 1]
                ):
                    continue  # "Orvex 737-800 jets": one model's name
                if w in _POSSESSIVE and h > k:
                    own = h
                    part = part or partitive  # "one of Lena's sisters" is one of a group
                    k = h + 1  # "two of the mayor's aides": shown whole, headed "aide"
                    continue
                return None
            low = s.lows[h]
            if (
                self.singular(low) == unit
                or low == unit
                or (low.startswith(unit) and low[len(unit) : len(unit) + 1] == "-")  # AK-47s
            ):
                if low != unit and "-" in low and h + 1 < s.n and self._np_word(s, h + 1):
                    h += 1  # "nine AK-47 carbines": the carbines are counted
                # "two other crossbows", "ten more people": a part beside the others
                part = part or not self.sd.increments.isdisjoint(s.lows[k:h])
                return display, k, h, part, own
        return None

    def _joined_noun(self, s: Sentence, h: int, limit: int) -> int:
        """When the counted noun at token ``h`` is joined by "and" or "or" to a bare plural
        noun or one of `joined_collectives`, which the count counts too ("380 passengers
        and crew", "12 soldiers and civilians"): the token after that noun; else -1. Not
        when a figure or an article follows it, as after a verb ("300 stores and employs
        4,000")."""
        lows = s.lows
        n = h + 2
        if n >= limit or lows[h + 1] not in ("and", "or") or not s.words[n][0].islower():
            return -1
        np = self._np_right(s, n, limit)
        if np is None or np[1] != n:
            return -1  # "and the crew": a phrase of its own
        e = np[2]
        last = lows[e - 1]
        if (
            last in self._verbs
            or last in self.sd.group_verbs
            or not (last in self.sd.joined_collectives or self.singular(last) != last)
        ):
            return -1
        if self.singular(lows[h]) != lows[h] and _participle_like(lows[n]):
            return -1  # "killing 12 people and injuring dozens": a verb of its own
        if e < s.n and (
            s.words[e][0].isdigit()
            or lows[e] in _ARTICLES
            or lows[e] in self._number_words
            or lows[e] in self.sd.holding
            or lows[e] in self.sd.auxiliaries
            or lows[e] in self.sd.group_verbs  # "900 people and many voters believe"
            or lows[e] == "of"  # "12m crates and revenues of $3bn"
            or (s.words[e].islower() and _participle_like(lows[e]))
        ):
            return -1  # "12 lives and aid agencies warned": a clause of its own (but "380
            # passengers and crew were" is one subject)
        return e

    def _bare_verb(self, s: Sentence, t: int) -> str | None:
        """The "-s" form of a verb of holding whose bare form stands at token ``t`` after a
        modal ("will offer" -> "offers"), else None."""
        if t > 0 and s.lows[t - 1] in _BARE_OPENERS:
            return self._bare_holding.get(s.lows[t])
        return None

    def _bare_move(self, s: Sentence, k: int, floor: int) -> bool:
        """Whether token ``k`` is the bare form of a verb of moving used as a verb: after
        "to" or a modal ("is set to *grow* by 11%"), or after a noun phrase that follows a
        verb of perceiving ("saw Tuvaland's exports *decrease* to $50bn"); not a noun ("the
        long jump", "a 5% increase")."""
        if k <= floor or s.lows[k] not in self.sd.bare_moves:
            return False
        before = s.lows[k - 1]
        if (before == "to" or before in _BARE_OPENERS) and s.words[k - 1].islower():
            return True  # not "the May increase": the month
        if k + 1 < s.n and s.lows[k + 1] == "of":
            return False  # "saw the smallest increase of 112%": a noun
        left = self._np_left(s, k, floor)
        return (
            left is not None
            and left[0] > floor
            and s.lows[left[0] - 1] in self.sd.perceiving
            and s.lows[left[0]] not in _INDEFINITE  # "saw a sharp decline"
            and not s.lows[k - 1].endswith("est")  # "saw the biggest jump"
        )

    @staticmethod
    def _glued(s: Sentence, start: int, end: int) -> list[str]:
        """The lower-case words of tokens ``start:end`` that begin with a letter or digit,
        a letter run and a number written together kept as one ("T320", "S23", "T1")."""
        words: list[str] = []
        kept = -1  # the token of the last word kept
        for t in range(start, end):
            low = s.lows[t]
            if not low[0].isalnum():
                continue
            if (
                kept == t - 1
                and s.starts[t] == s.ends[kept]
                and (low[0].isdigit() != s.lows[kept][-1].isdigit())
            ):
                words[-1] += low
            else:
                words.append(low)
            kept = t
        return words

    def _sized(self, s: Sentence, n: int, limit: int) -> int:
        """The head of the noun a hyphened count sizes, from its first word ``n``: "a
        eight-valve marine motor" -> "motor"; at most three words, all lower case."""
        for _ in range(2):
            if n + 1 < limit and s.words[n + 1][0].islower() and self._np_word(s, n + 1):
                n += 1
        return n

    def _between(self, s: Sentence, first: int, head: int) -> list[str]:
        """The modifiers of a sized noun between its size and its head ("a four-game
        *losing* streak"), for its key."""
        return [w for w in s.lows[first:head] if w not in self.sd.skip_modifiers]

    def _sized_subject(
        self, s: Sentence, first: int, n: int
    ) -> tuple[str, tuple[int, int], str, str]:
        """Text, offsets, head and class of a sized noun phrase from token ``first`` to its
        head ``n`` ("90-pupil schoolhouse": a schoolhouse)."""
        head = self.singular(s.lows[n])
        cls = self._class([s.lows[n]])[0] or head
        return s.span(first, n + 1), (s.starts[first], s.ends[n]), head, cls

    def read(
        self, s: Sentence, start: int, end: int, q: Quantity, limit: int, floor: int = 0
    ) -> Attached:
        """The subject of the figure at ``start:end``; ``limit`` is the next figure's first
        token and ``floor`` the token after the figure before."""
        return self._read(s, s.index_at(start), s.index_at(end), q, limit, floor)

    def _share_verb(self, s: Sentence, k: int) -> int:
        """How many words a verb of a share (`[verbs] shares`: "make up", "accounts for")
        ending at token ``k`` has, or 0."""
        for phrase in self.sd.share_verbs:
            n = len(phrase)
            if n <= k + 1 and tuple(s.lows[k - n + 1 : k + 1]) == phrase:
                return n
        return 0

    @staticmethod
    def _ratio_before(s: Sentence, i: int, j: int) -> bool:
        """Whether the figure at tokens ``i:j`` is a ratio ("one in five", "three out of
        four", read as a share) with a lower-case word or a name right after it, not "of"."""
        return (
            j < s.n
            and s.lows[j] != "of"
            and s.words[j][0].isalpha()
            and any(s.lows[t] in ("in", "out") for t in range(i + 1, j - 1))
        )

    @staticmethod
    def _past_worth(s: Sentence, j: int, limit: int) -> int:
        """The "of" of "worth of" at token ``j`` ("$9,000 worth of jewels"), else ``j``."""
        if j + 2 < limit and s.lows[j] == "worth" and s.lows[j + 1] == "of":
            return j + 1
        return j

    def _read(self, s: Sentence, i: int, j: int, q: Quantity, limit: int, floor: int) -> Attached:
        """`read` for the figure whose tokens are ``i`` to ``j - 1``."""
        sd = self.sd
        kind = q.kind
        text: str | None = None
        head: str | None = None
        holder: str | None = None
        cls: str | None = None
        role: str | None = None
        mods: list[str] = []
        head_index = -1
        scope_from = j
        want_holder = False
        dimension_word = False  # a measure before "wide", "deep", ...
        where: tuple[int, int] | None = None  # the subject's offsets, when the text has it
        part = False
        pre_scope: str | None = None  # a scope between the subject and its verb
        of_part = False  # a number of a group's members: "3,000 of its soldiers"
        agent_scope: str | None = None  # "made by Orvex": the agent of a participle
        time_scope: str | None = None  # a bare time before the verb: "sales last year rose"
        time_for: str | None = None  # a time after "for" in the subject: "sales for May"
        of_holder: str | None = None  # whose the subject before "of" is: "the toll of the quake"
        unlocated = False  # a count whose noun the tokens do not show
        kind_of = False  # a span of time before its noun: "a 10-year bond"
        unheld = False  # a verb's sum whose holder is a pronoun: "he raised $9,000"

        if (
            kind == "measure"
            and q.unit
            and j + 1 < limit
            and s.lows[j] == "of"
            and s.lows[j - 1] in self._vague_last
        ):
            # "hundreds of miles over the sea", "thousands of sq km of forest": the unit
            # after "of" (as many words as its name has, up to a function word, a figure
            # or a dimension) is no subject
            t = j + 1
            while (
                t < min(limit, j + 1 + len(q.unit.split()))
                and s.words[t][0].isalpha()
                and s.lows[t] not in self.lex.function_words
                and self._dimension(s.lows[t], q.unit) is None
            ):
                t += 1
            if t > j + 1 and (
                t >= limit
                or not s.words[t][0].isalpha()
                or (s.lows[t] in self.lex.function_words and s.lows[t] not in self._verbs)
                or self._dimension(s.lows[t], q.unit) is not None
            ):  # not "millions of TV viewers", "of pounds worth of": a noun or a verb after
                j = scope_from = t

        # the noun a count sits on: "10,000 North Korean soldiers", "35m of its devices"
        if kind == "count" and q.unit:
            found = self._counted(
                s, j, q.unit.split(" per ", 1)[0], i > 0 and s.lows[i - 1] == "from"
            )  # "test per day"
            if found:
                display, first, h, part, own = found
                part = part or (i > 0 and s.lows[i - 1] in sd.increments)  # "another 40 homes"
                text = s.span(display, h + 1)
                if own > display:
                    holder = s.span(display, own)  # the mayor's aides are the mayor's
                where = (s.starts[display], s.ends[h])
                head_index = h
                words = self._glued(s, first, h + 1)
                cls, used = self._class(words)
                # an acronym is no plural: "KRLS" stays "krls"
                acronym = len(s.words[h]) > 1 and s.words[h].isupper()
                head = s.lows[h] if acronym else self.singular(s.lows[h])
                if cls is None and acronym:
                    cls, used = head, 1
                if cls is None and head in sd.verb_classes:
                    named, verbs = sd.verb_classes[head]
                    if self._beside_verb(s, i, h, verbs):
                        cls, used = named, 1  # "claimed 600 lives": deaths
                mods = list(self._modifiers(words, used))
                scope_from = h + 1
                # "categories of products": keep the complement
                if (
                    h + 2 < limit
                    and s.lows[h + 1] == "of"
                    and s.words[h + 2][0].islower()
                    and (np := self._np_right(s, h + 2, limit)) is not None
                    and s.lows[np[1]] not in _DETERMINERS
                ):
                    text = s.span(display, np[2])
                    where = (s.starts[display], s.ends[np[2] - 1])
                    scope_from = np[2]
                    # pages of invoices are not pages of memos, counts of attempted
                    # murder not counts of murder: the key keeps the complement
                    nouns = [low for low in s.lows[np[1] : np[2]] if low[0].isalnum()]
                    named = self.head_of(s, np[1], np[2])  # a name is whole: "Tuvo Bay"
                    mods.extend(self._modifiers(nouns, named.count(" ") + 1))
                    mods.append(named)
                elif (both_end := self._joined_noun(s, h, limit)) > 0:
                    # "some 380 passengers and crew": both are counted, and the key keeps
                    # the second ("passenger|crew")
                    text = s.span(display, both_end)
                    where = (s.starts[display], s.ends[both_end - 1])
                    scope_from = both_end
                    if self.singular(s.lows[h]) == s.lows[h] not in sd.joined_collectives:
                        # "1,500 union and party leaders": the words before "and"
                        # describe the noun after it, which heads the phrase
                        head, head_index = self.head_of(s, h + 2, both_end), both_end - 1
                        both = " ".join(w for w in s.lows[first:both_end] if w not in ("and", "or"))
                        cls, mod_words = self._text_class_mods(both, head)
                        mods = list(mod_words)
                    else:
                        cls = cls or head  # not the second noun's class: "judges and staff"
                        mods.append(self.head_of(s, h + 2, both_end))
                elif h + 2 < limit and s.lows[h + 1] == "of" and holder is None:
                    # "300 employees of Tuvaland Mills", "members of the Varnholm Council": a name
                    # after "of" is whose they are
                    np = self._np_right(s, h + 2, limit)
                    if np and all(s.words[t][0].isupper() for t in range(np[1], np[2])):
                        holder = s.span(np[0], np[2])
                        scope_from = np[2]
                elif display > j and s.words[display - 1] == "-" and h + 1 < limit:
                    # "a 90-pupil school" is a school's size, not 90 pupils there
                    n = h + 1  # the noun it sizes
                    if s.words[n][0].islower() and self._np_word(s, n):
                        n0, n = n, self._sized(s, n, limit)
                        text, where, head, cls = self._sized_subject(s, display, n)
                        mods = [self.singular(s.lows[h]), *self._between(s, n0, n)]
                        head_index, scope_from = n, n + 1
                if (
                    holder is None
                    and i > 0
                    and s.lows[i - 1] in self.lex.function_words  # "arrived by" is a verb
                    and head_index == h  # not a sized noun's: "a 48-page report issued by"
                    and (agent := self._agent(s, h + 1, limit))
                ):
                    holder = s.span(agent[0], agent[2])  # "seven shots fired by the guards"
                    scope_from = agent[2]
            else:
                unit = q.unit.split(" per ", 1)[0]
                word = s.lows[j - 1] if i < j else ""
                n = j  # "an eight-valve motor": the figure is inside a word that sizes a noun
                if (
                    "-" in word
                    and (word.endswith("-" + unit) or self.singular(word).endswith("-" + unit))
                    and n < limit
                    and s.words[n][0].islower()
                    and self._np_word(s, n)
                ):
                    n0, n = n, self._sized(s, n, limit)
                    text, where, head, cls = self._sized_subject(s, j - 1, n)
                    head_index, mods, scope_from = n, [unit, *self._between(s, n0, n)], n + 1
                else:
                    # the figure reader found a noun the words here do not show as one: the
                    # clause's subject is not what it counts
                    unlocated = True

        # a measure, sum or share named after it: "a 25% duty", "$1.2 billion in revenue"
        ratio = False
        if text is None and kind in ("money", "percent", "measure", "number") and j < limit:
            nxt = s.lows[j]
            # a measure's own restatement in brackets before the noun it sizes: "a 1.2
            # billion-mile (1.9bn km) journey", "a $600m (£410m) loan"
            jb = self._past_restatement(s, j, s.n) if kind in ("measure", "money") else j
            limit_b = limit if jb == j else s.n  # the restatement is the next figure
            glued = s.lows[j - 1].rpartition("-")[2] if jb == j and i < j - 1 else ""
            dimension = self._dimension(glued, q.unit) if kind == "measure" and glued else None
            if dimension is not None and dimension != "age":
                jb -= 1  # "a 90-mile-wide strait": the figure ends inside "mile-wide"
            elif kind == "measure":
                # "a 3-year-old boy" is read as ages are, below
                dimension = self._dimension(s.lows[jb], q.unit)  # "3 metres (9.8 feet) wide"
            if dimension is not None:
                text = head = dimension
                scope_from = jb + 1
                want_holder = dimension_word = True
                if (
                    scope_from < limit_b
                    and head != "age"
                    and s.words[scope_from] != "-"
                    and self._sizes_next(s, scope_from)
                    and (sized := self._np_right(s, scope_from, limit_b)) is not None
                ):
                    # "a 20 m thick bed of shale", "a 90-mile-wide strait": the bed's
                    # thickness, as "the bed is 20 m thick"
                    end, first = sized[2], sized[1]
                    if (
                        end + 1 < limit_b
                        and s.lows[end] == "of"
                        and (of := self._np_right(s, end + 1, limit_b)) is not None
                    ):
                        end, first = of[2], of[1]  # "a 20 m thick bed of shale"
                    if (
                        end - first > 1
                        and end < s.n
                        and s.lows[end] in self.lex.function_words
                        and self._verbish(s, end - 1)
                    ):
                        end -= 1  # "a 20 m thick bed lies under": the verb is no noun's
                    holder = s.span(sized[0], end)
                    scope_from = end
            elif kind == "measure" and (d := self._dimension_noun(s, jb, limit_b)) >= 0:
                text = head = s.lows[d]  # "18 metres in height", "at 61° latitude"
                scope_from = d + 1
                want_holder = True
            elif (
                # "410 Nm (302 lb-ft) of torque": the torque, past the restatement; "$9,000
                # worth of jewels": the jewels, as "$9,000 of jewels"
                (jo := jb if jb != j and s.lows[jb] == "of" else self._past_worth(s, j, limit)) + 1
                < (lo := limit_b if jo != j else limit)
            ) and (
                (nxt := s.lows[jo]) == "of"
                # a ratio's noun right after it, as after "of": "one in five Tuvaland adults"
                or (ratio := kind == "percent" and self._ratio_before(s, i, jo))
                # not a time: "dropped 37% in the past year", "rose 5% in the first quarter"
                or (nxt == "in" and kind != "measure" and not self._time_phrase(s, jo, lo))
            ):
                if ratio:
                    nxt = "of"
                    np = self._np_right(s, jo, lo)
                else:
                    np = self._np_right(s, jo + 1, lo)
                if np is None and nxt == "of" and not ratio:
                    np = self._those(s, jo + 1, lo)  # "60% of those polled"
                if np and (
                    nxt == "of" or not self._placeish(s, np[1], self._past_ing(s, np[2], limit))
                ):
                    head = (
                        s.lows[np[0]]  # "those polled", "those aged": the pronoun
                        if s.lows[np[0]] in sd.those
                        and (np[2] == np[0] + 1 or s.lows[np[2] - 1].endswith(("ed", "ing")))
                        else self.head_of(s, np[1], np[2])
                    )
                    e = np[2]
                    if (
                        kind == "money"
                        and nxt == "in"
                        and e + 1 < lo
                        and s.lows[e] in ("and", "or")
                        and s.lows[e + 1] not in _DETERMINERS
                        and s.lows[e + 1] not in self.lex.function_words
                    ):
                        # "$5 billion in cash and stock" is not a sum in cash: both nouns
                        more = self._np_right(s, e + 1, lo)
                        if (
                            more
                            and not self._placeish(s, more[1], more[2])
                            # not a clause of its own ("... in revenue and profit rose")
                            # nor a noun of its own phrase ("in debt and elimination of")
                            and (
                                more[2] >= limit
                                or (s.lows[more[2]] not in self._finite and s.lows[more[2]] != "of")
                            )
                        ):
                            cls = f"{head} {s.lows[e]} {self.head_of(s, more[1], more[2])}"
                            e = more[2]
                    noun_end = e
                    if (
                        nxt == "of"
                        and e + 1 < lo
                        and s.lows[e] in sd.joining
                        and (object_np := self._np_right(s, e + 1, lo))
                        and self._joins(s, e, object_np[1])
                        and any(s.words[t][0].isupper() for t in range(object_np[1], object_np[2]))
                    ):
                        # "65% of traffic to Tuvaland": the traffic to Tuvaland, apart from
                        # traffic with Varnholm, as "exports to Tuvaland fell" reads
                        cls, mods = self._joined_class_mods(s, np[1], e, object_np[2], head)
                        e = object_np[2]
                    elif (
                        nxt == "of"
                        and e + 1 < lo
                        and s.lows[e] == "of"
                        and s.words[e - 1].islower()
                        and s.lows[e - 1] in self._of_heads
                        and (object_np := self._np_right(s, e + 1, lo))
                        and all(s.words[t][0].isupper() for t in range(object_np[1], object_np[2]))
                        and not self._scope_np(s, object_np[1], object_np[2], time_only=True)
                        # one name, not a list ("of Tuvacorp and Orvia", "of Tuvacorp,
                        # Orvia and Varn") nor a name's first part ("of Tuvo Bank of
                        # Varnholm")
                        and not self._name_goes_on(s, object_np[2], lo)
                    ):
                        # "40% of the shares of Tuvacorp": of Tuvacorp's shares, keyed as
                        # "Tuvacorp shares" are
                        cls, mods = self._of_class_mods(s, np[1], e, object_np[2], head)
                        e = object_np[2]
                    text = s.span(np[0], e)
                    where = (s.starts[np[0]], s.ends[e - 1])
                    head_index = noun_end - 1
                    scope_from = e
                    # "3,000 of its soldiers were killed": a number of the group's members,
                    # whose role the verb after the group tells, as for a count
                    of_part = (
                        kind == "number"
                        and nxt == "of"
                        and jo == j
                        and s.lows[np[0]] in _PARTITIVE
                        and self.singular(s.lows[noun_end - 1]) != s.lows[noun_end - 1]
                    )
            elif kind != "number" and (
                # after an article, or past its adjectives: "a $9m fee", "those $9m bonds",
                # "a new $90 million bid", "an additional 10% tariff"
                self._article_before(s, i) >= 0
                # after an owner: "her $90,000 contract", "Orvex's $3 billion bid"
                or (
                    i > 0
                    and (
                        s.lows[i - 1] in sd.clause_possessive_pronouns
                        or (s.words[i - 1] in _POSSESSIVE and i > 1)
                    )
                )
                # a compound before its noun: "a 6-metre mast", "a 30-year mortgage"
                or (j - i > 2 and s.words[j - 2] == "-" and s.starts[j - 1] == s.ends[j - 2])
                # after a determiner and its adjectives ("a turbocharged 2.2 litre engine",
                # "its 300 km range") or right before a noun it sizes ("40 kg charcoal");
                # not a span of time ("the past 36 hours")
                or (
                    kind == "measure"
                    and q.unit not in sd.time_words
                    and (self._opens_np(s, i) or self._sizes_next(s, jb))
                )
                or (
                    kind == "percent"
                    and (i == 0 or s.lows[i - 1] not in sd.be_forms)  # "is 40 percent rural"
                    and self._shares(s, j, limit)
                )
            ):
                np = self._np_right(s, jb, limit_b)
                if np and all(
                    s.lows[t] in sd.day_words or s.lows[t] in sd.period_changes
                    for t in range(np[1], np[2])
                ):
                    np = None  # "climbed a further 2% Thursday", "a sharp 2% year-on-year"
                changed_in = False
                if (
                    np
                    and np[2] == jb + 1
                    and jb + 2 < limit
                    and s.lows[jb + 1] == "in"
                    and self.singular(s.lows[jb]) in self._change_nouns
                ):
                    # "a 5% rise in sales": a change of the sales, as "a rise of 5% in
                    # sales"; not of a place or a time ("a 5% rise in May" stays a rise)
                    after = self._np_right(s, jb + 2, limit)
                    if (
                        after
                        and not self._placeish(s, after[1], after[2])
                        # nor a span of time: "a 2% rise in the past six weeks"
                        and not (
                            after[2] < s.n
                            and s.starts[after[2]] > s.ends[after[2] - 1]  # not "δ30Si"
                            and (
                                s.words[after[2]].isdigit()
                                or s.lows[after[2]] in self._number_words
                            )
                        )
                    ):
                        np, changed_in = (after[0], after[0], after[2]), True
                if np and (np[1] == jb or changed_in):
                    text = s.span(np[1], np[2])
                    where = (s.starts[np[1]], s.ends[np[2] - 1])
                    head = self.head_of(s, np[1], np[2])
                    head_index = np[2] - 1
                    scope_from = np[2]
                    if (
                        not changed_in
                        and kind != "measure"  # "the 40-year-old embargo on Tuvo": its age
                        and (on := self.on_object(s, np[2], limit))
                    ):
                        # "a 25% tariff on steel": that tariff, apart from one on aluminium
                        cls, mods = self._joined_class_mods(s, np[1], np[2], on[2], head)
                        text = s.span(np[1], on[2])
                        where = (s.starts[np[1]], s.ends[on[2] - 1])
                        scope_from = on[2]
                    # "a 10-year bond", "25-year leases": a kind of bond, not a figure of one;
                    # so is a size before a name: "the 15-inch Orvex Pro" is a model
                    kind_of = kind == "measure" and (
                        q.unit in sd.time_words
                        or (q.unit != AGE_UNIT and s.words[np[2] - 1][0].isupper())
                    )
                    if kind == "measure":  # "a 2.4 litre diesel engine": a diesel engine's
                        cls, mod_words = self._text_class_mods(text, head)
                        mods = list(mod_words)

        # an age set off by commas after a name: "Lena Ortiz, 61, ..." is Lena Ortiz's
        if (
            text is None
            and q.unit == AGE_UNIT
            and i - 2 >= max(floor, 0)
            and s.words[i - 1] == ","
            and s.words[i - 2][0].isupper()
        ):
            # the capitalised words before the comma, and the dots of titles among them:
            # "His sister Dr. Lena Ortiz, 35,"
            t = i - 2
            while t - 1 >= max(floor, 0) and t > i - 8:
                w = s.words[t - 1]
                if not (
                    w[0].isupper() or (w == "." and t - 2 >= 0 and s.words[t - 2][0].isupper())
                ):
                    break
                t -= 1
            text = head = s.span(t, i - 1)
            where = (s.starts[t], s.ends[i - 2])
            head_index = i - 2

        # alone in brackets after an adjective: "a long (40 km) pipeline" is the pipeline's
        # length, as "a 40 km long pipeline" is; "a thin (2 cm) grey layer" the layer's;
        # "the shaft is deep (300 m)" the shaft's depth
        adjective = (
            text is None
            and kind == "measure"
            and i - 3 >= max(floor, 0)
            and s.words[i - 1] == "("
            and j < limit
            and s.words[j] == ")"
            and s.words[i - 2].isalpha()
            and s.words[i - 2].islower()
            and s.lows[i - 2] not in self.lex.function_words
        )
        sized = None
        if adjective:
            if s.lows[i - 3] in _ARTICLES:
                # the noun after the bracket: not "the melons (about 3 kg) sold well"
                sized = self._np_right(s, j + 1, limit)
                adjective = sized is not None and sized[0] == j + 1
            else:
                adjective = s.lows[i - 3] in sd.be_forms or s.lows[i - 3] in sd.copulas
        if adjective:
            dimension = self._dimension(s.lows[i - 2], q.unit)
            # the phrase the adjective tells of: the noun after the bracket, or the one
            # before the linking verb ("the flashes were short (20 ms)")
            start = first = end = -1
            if sized is not None:
                start, first, end = sized
                scope_from = end
            elif (before := self._np_left(s, i - 3, floor)) is not None:
                start, first, end = before[0], before[1], i - 3
            if dimension is not None and dimension != "age":
                text = head = dimension
                want_holder = dimension_word = True
                if start >= 0:
                    holder = s.span(start, end)
            elif start >= 0:
                text, head, holder, where = self._possessive(s, start, first, end)
                head_index = end - 1

        # first in brackets after what it measures, alone, before a comma or semicolon
        # that sets off what else the brackets hold, or before a scope: "the melons
        # (about 3 kg)", "the Varnholm standard (1.26‰, Ortiz and Varn, 2019)", "Tuvo
        # clay (9 ppm in the upper bed)"
        if (
            text is None
            and not adjective
            and kind in ("money", "percent", "measure")
            and i - 1 > floor
            and s.words[i - 1] == "("
            and j < limit
            and (s.words[j] in (")", ",", ";") or s.lows[j] in self._pp_words)
        ):
            left = self._np_left(s, i - 1, floor)
            if (
                left
                # not the unit of a number before: "30 km (19 miles)", "9 mln crowns (1 mln dlrs)"
                and not any(s.words[t][0].isdigit() for t in range(max(0, left[1] - 2), left[1]))
                and not self.is_time(s.span(left[1], i - 1))  # "May 1-June 9 (800 t)"
            ):
                if s.words[i - 2][0].isupper():  # "Tuvaland (4,000 tonnes)": Tuvaland's
                    if all(s.words[t][0].isupper() for t in range(left[1], i - 1)):
                        holder = s.span(left[0], i - 1)
                else:
                    text, head, holder, where = self._possessive(s, left[0], left[1], i - 1)
                    head_index = i - 2

        # an equation or a label: "y = 0.4 km", "Varnholm turnout: 58 per cent"
        sign = i if i < j and s.words[i] == "=" else i - 1
        if text is None and kind != "count" and sign > floor and s.words[sign] in ("=", ":"):
            left = self._np_left(s, sign, floor)
            if left and (s.words[sign] == "=" or left[0] == 0):
                text, head, holder, where = self._possessive(s, left[0], left[1], sign)
                head_index = sign - 1
                if holder is None and s.words[sign] == "=":
                    holder = self._bracketed_by(s, left[0])  # "the samples (n = 12)"

        # to the left: "a death toll of 2,800", "winds of up to 40 km/h"
        k = i - 1
        set_object = None
        if text is None or (kind == "count" and holder is None):
            set_object = self._set_object(s, i, floor)
        if set_object is not None:
            # a verb's object before "to" or "by": "lift production to 2 million barrels",
            # "raised its stake to 9,000 shares", "cut the fleet by 12 ships"
            display, first, end, doer = set_object
            owned = s.lows[display] in sd.clause_possessive_pronouns
            # whoever does what the verb says: "Orvex raised prices by 5%", "Orvex expects
            # to lift production to ..."; a pronoun stands for the clause subject's name
            doing = None
            if (
                doer >= 0
                and s.lows[doer] not in sd.clause_subject_pronouns
                and (left := self._np_left(s, doer + 1, floor)) is not None
            ):
                doing = s.span(left[0], doer + 1)
            if text is None:
                text, head, holder, where = self._possessive(s, display, first, end)
                head_index = end - 1
                if (on_at := self._on_joint(s, first, end)) > 0:
                    # "raised its tariff on steel to 25%": the tariff, the one on steel
                    named_from = s.index_at(where[0])
                    head = self.head_of(s, named_from, on_at)
                    cls, mods = self._joined_class_mods(s, named_from, on_at, end, head)
                if (
                    holder is None
                    and display == first
                    and (
                        doing is None
                        or s.words[doer][0].isupper()
                        or s.lows[doer] in sd.clause_descriptors
                    )
                ):
                    # a bare object is its doer's when that is a name or a company ("Orvex
                    # raised prices by 5%"), not a cause's ("the drought cut output by 9%")
                    holder = doing
                    unheld = doer >= 0 and s.lows[doer] in sd.clause_subject_pronouns
            elif owned:
                # "Orvex raised its stake to 9,000 shares": the stake's owner's shares (a
                # count after another object may be where it went: "cut aid to 40 countries")
                holder = doing
                unheld = doing is None
        elif k > 0 and s.lows[k] == "of":
            left = self._np_left(s, k, floor)
            end = k
            if left and text is None and (behind := self._behind_time(s, left, k, floor, kind)):
                # "a loss in the fourth quarter of $5m", "sales in Orvia of $5m": the noun
                # before the time or the place, in it
                left, end, time_for, pre_scope = behind
            if left and text is None:
                text, head, holder, where = self._possessive(s, left[0], left[1], end)
                head_index = end - 1
                if holder is None:  # "the quake had a depth of 10 km": the quake's
                    holder = self._holder_before(s, left[0], floor)
            elif left and kind == "count":
                event = sd.action_nouns.get(s.lows[k - 1])
                if event is None:  # "a survey of seven countries": the survey's
                    holder = s.span(left[0], k)
                elif event:  # "the deaths of 30 miners": 30 miners died
                    role = event
        elif (
            kind == "count"
            and k > 1
            and s.lows[k] in _ARTICLES
            and s.lows[k - 1] == "of"
            and sd.action_nouns.get(s.lows[k - 2])
        ):
            role = sd.action_nouns[s.lows[k - 2]]  # "the deaths of the 14 miners"
        elif (
            k > 0
            and s.lows[k] == "by"
            and text is None
            and s.lows[k - 1] not in self._verbs
            # not an adjective after "be", an adverb or a comma: "is punishable by five
            # years", "became punishable by", "the offence, punishable by"
            and not (
                k > 1
                and s.lows[k - 1].endswith(_ADJECTIVE_ENDINGS)
                and (
                    s.lows[k - 2] in sd.be_forms
                    or s.lows[k - 2] in sd.copulas
                    or s.lows[k - 2] in _BECOMING
                    or s.words[k - 2] == ","
                    or self._adverb(s, k - 2)
                )
            )
        ):
            left = self._np_left(s, k, floor)  # "raised prices by 5%", "Burlington by 2.6%"
            end = k
            if (
                left
                and left[0] - 1 > max(floor, 0)
                and s.lows[left[0] - 1] in self._pp_words
                and self._placeish(s, left[1], k)
            ):
                # "Orvex shares rose on Monday by 5%", "raised prices in Varnholm by 5%":
                # when or where, and the verb's figure or its object's
                if self.is_time(s.span(left[0] - 1, k)):
                    time_for = s.span(left[0] - 1, k)
                else:
                    pre_scope = s.span(left[0] - 1, k)
                end = left[0] - 1
                if s.lows[end - 1] in self._verbs:
                    left, k = None, end - 1
                else:
                    left = self._np_left(s, end, floor)
            if left:
                text, head, holder, where = self._possessive(s, left[0], left[1], end)
                head_index = end - 1
        # set off after a name: "Varnholm, home to 90,000 people" is Varnholm's count
        if kind == "count" and (
            set_off := self._appositive_holder(s, i, floor) or self._with_holder(s, i, floor)
        ):
            holder = set_off
        elif carried := self._carrier_holder(s, i, floor):
            holder = carried  # "a boat carrying 300 migrants": the boat's
        # a verb before the figure: "the company has 1,000", "the S&P 500 gained 0.68%"
        # past the words between a verb and its figure; past an article only for a verb of
        # holding ("Tuvaland has a 12% stake") or a linking verb of a dimension ("is a 1 m
        # thick bed"), not "a shell hit a 90-pupil school", which holds nothing
        for total in sd.totals:  # "raised a total of $9,000": as "raised $9,000"
            if k + 1 >= len(total) and tuple(s.lows[k + 1 - len(total) : k + 1]) == total:
                k -= len(total)
                break
        if k > floor + 2 and (
            s.lows[k] in sd.time_words
            # "in the past" before the figure, unless the figure is the span: "have fallen
            # in the past 18 months"
            or (s.lows[k] == "past" and (q.unit or "").split(" per ", 1)[0] not in sd.time_words)
        ):
            # past a phrase of time between a verb and its figure: "has produced in the
            # past some 2 million barrels", "hired over the past year 40 workers"
            for t0 in range(k - 1, max(floor + 1, k - 4), -1):
                if self._time_phrase(s, t0, k + 1) == k + 1 and s.lows[t0 - 1] in self._verbs:
                    if time_for is None and s.lows[k] in sd.time_words:
                        time_for = s.span(t0, k + 1)  # the figure's time: "over the past year"
                    k = t0 - 1
                    break
        t = k
        articled = False
        if 0 <= (art := self._article_before(s, k + 1)) < k and s.lows[art] in _INDEFINITE:
            t, articled = art - 1, True  # "reported a massive $9 billion loss": past both
        while t >= 0 and (s.lows[t] in _BEFORE_FIGURE or s.lows[t] in _ARTICLE_BEFORE_FIGURE):
            articled = articled or s.lows[t] in _ARTICLE_BEFORE_FIGURE
            t -= 1
        if articled:
            low = s.lows[t] if t >= 0 else ""
            low = self._bare_verb(s, t) or low
            if (
                low not in self._verbs
                or low in sd.containing  # "the match included a 60-yard run"
                or (low in sd.copulas and not want_holder)
            ):
                t = k
                while t >= 0 and s.lows[t] in _BEFORE_FIGURE:
                    t -= 1
        k = t
        if k > 0 and s.lows[k] in _MOVES and s.words[k - 1] == ",":
            k -= 1  # "JD Sports, down 1.95p": the comma stands for "was"
            if k >= 0 and s.lows[k - 1] in _MOVES:
                k -= 1
        verb = ""
        # a part of a whole: a share, or a figure "of" the whole ("made up 400 of the
        # 900 staff"); "Repayments accounted for $9m" is what the repayments were
        shared = self._share_verb(s, k) if kind == "percent" or s.lows[j : j + 1] == ["of"] else 0
        if shared:
            k -= shared - 1
            verb = s.lows[k]  # "Women make up 41% of the board": the women's share
        elif k >= 0 and s.words[k] == "," and s.lows[k + 1] in _MOVES:
            verb = s.lows[k + 1]
        elif k >= 0 and s.lows[k] in self._verbs and not self._noun_after_noun(s, k):
            verb = s.lows[k]  # not "cut its profit forecast from $5m": a noun
        elif bare := self._bare_verb(s, k):
            verb = bare  # "the blocks will offer 435 flats"
        elif self._bare_move(s, k, floor):
            verb = s.lows[k]  # "the market should grow by 11%", "saw exports fall to $9"
        elif k >= 0 and kind == "money" and s.lows[k] in sd.spending:
            verb = s.lows[k]  # "..., spending $9,000 on a new roof": no noun, a sum spent
        elif k >= 0 and s.lows[k] in sd.leaving and self._role_ahead(s, j, limit):
            verb = s.lows[k]  # "the blast left six people dead": the blast's, as "killed"
            want_holder = True
        else:
            verb = ""
            if (
                dimension_word
                and holder is None
                and k == i - 1
                and k > floor
                and not (scope_from < s.n and self._sizes_next(s, scope_from))  # "4 m long cores"
                and s.words[k].isalpha()
                and s.words[k].islower()
                and not s.lows[k].endswith("ed")
                and s.lows[k] not in self.lex.function_words
                and (left := self._np_left(s, k + 1, floor)) is not None
                and k + 1 - left[1] <= 3
                and s.lows[left[1] - 1] in _DETERMINERS
            ):
                # "a crater about 3 metres wide", "a pit 40 metres deep": the crater's
                holder = s.span(left[0], k + 1)
        # "Harbor Tech earned $1.2 billion in revenue": the revenue is the subject, and
        # whoever holds it the holder
        holding = (
            verb in sd.holding or verb in sd.spending or shared > 0
        ) and verb not in sd.copulas
        holds_named = holding and text is not None
        if verb and (text is None or kind == "count" or want_holder or holds_named):
            # a role of several words ends at the verb: "the blast killed or injured 40"
            ending = self._role_ending(s, k)
            v = (k if ending is None else ending[1]) - 1
            steps = 0
            while (
                v >= 0
                and steps < 4
                and (
                    (
                        s.lows[v] in self._skippable
                        # not "in May was": the month; a headline's "Orvex May Cut" is the modal
                        and not (self._month_name(s, v) and s.lows[v - 1] in self._pp_words)
                    )
                    or self._adverb(s, v)
                )
            ):
                v -= 1
                steps += 1
            for _ in range(2):  # "Tuvacorp (TVC.N) cut 300 jobs": past the asides in brackets
                if v > floor + 2 and s.words[v] == ")" and (o := _aside_open(s, v, floor)) > floor:
                    v = o - 1
                else:
                    break
            if v > floor + 2 and s.words[v] == ",":
                # "Tuvaland's debt, counting the regions, was about $8 billion": past the aside
                c = next((t for t in range(v - 1, max(floor, v - 8), -1) if s.words[t] == ","), -1)
                if c > floor and (
                    s.lows[c + 1] in sd.clause_adverbials
                    # "the firm, owned by Varn, has 300 staff": past who owns it
                    or (s.lows[c + 2] == "by" and self._agent_participle(s, c + 1, floor))
                    # "Orvex, the Tuvaland carmaker, has 9,000 workers": past what the name is
                    or (
                        s.lows[c + 1] in _ARTICLES
                        and s.words[c - 1][0].isupper()
                        # the name opens the clause: not "a storm near Varnholm, a
                        # village, injured four", whose name is a preposition's
                        and (name_np := self._np_left(s, c, floor)) is not None
                        and (name_np[0] == 0 or s.lows[name_np[0] - 1] not in self._prepositions)
                    )
                ):
                    v = c - 1
            verb_role = self._role(s, k, k + 1) if ending is None else ending[0]  # "killed"
            relative = v > floor and s.lows[v] in ("which", "who", "that")
            if relative:
                v -= 1  # "Orvex (ORV) which has 9000 workers"
                if (
                    s.words[v] == ","
                    and v > floor
                    and (kind == "count" or (kind in ("money", "percent") and holding))
                    and verb_role is None
                ):
                    # whose it is: "the mayor, who raised $9,000", "the league, which has
                    # 30 teams", "the sector, which accounts for 40% of it"; not "the raid,
                    # which killed four", where the place or event before the comma holds
                    # no one's dead
                    v -= 1
                if s.words[v] == ")":
                    while v > floor and s.words[v] != "(":
                        v -= 1
                    v -= 1
            left = self._np_left(s, v + 1, floor) if v >= floor else None
            subject_end = v + 1  # where the verb's subject ends, before any phrase it holds
            to_verb = v + 1 < k and s.lows[v + 1] == "to" and verb not in sd.copulas
            if left and to_verb and s.words[v][0].islower():
                left = None  # "dealers are willing to pay $9,000": no subject before "to"
            if left and text is None and kind != "count" and self._participle(s, i):
                left = None  # "..., having increased by $4 billion": the clause's subject's
            # "Fees in Varnholm rose to $30 million": fees, in Varnholm; "a fire at a
            # depot in Varnholm killed ...": the fire, in Varnholm (the head of a noun
            # phrase stands before its prepositional phrases)
            scoped, scope_end, steps = True, v + 1, 0
            # before a relative pronoun the phrase is the one the clause is about ("the
            # country that is 90 miles wide"), unless a casualty verb follows and the
            # phrases are places: "a fire at a Varnholm depot that left 12 workers dead"
            deadly = verb in sd.leaving or verb_role is not None
            if (
                not relative
                # _np_left shows the time, its last word or nothing ("year" is no noun)
                and (left is None or left[1] >= v - 1)
                and (timed := self._bare_time_before(s, v, floor)) is not None
            ):
                # "exports last month rose 5%", "cars sold in Tuvo last year rose": the
                # time ends the phrase before the verb and scopes the figure
                time_scope = s.span(timed[0], v + 1)
                left, v = timed[1], timed[0] - 1
                scope_end = subject_end = v + 1
            joint = -1  # the preposition that joins a phrase to the subject's noun
            listing = False  # a list of names joined so far: "Varnholm, Tuvaland and Orvia"
            while left and (deadly or not relative) and steps < 3 + listing:
                p = left[0] - 1
                if p > floor and s.lows[p] in _INDEFINITE:
                    p -= 1  # the article _np_left leaves out of what it shows
                if (
                    s.lows[p] == "by"
                    and not relative
                    and agent_scope is None
                    and self._agent_participle(s, p - 1, floor)
                    # not a time: "the bond spread by Friday was 300 basis points"
                    and not self._scope_np(s, left[1], v + 1, time_only=True)
                    and (before := self._np_left(s, p - 1, floor)) is not None
                ):
                    # "cars made by Orvex rose 5%", "a firm owned by Varn has 300 staff":
                    # the cars, the firm; the agent restricts them as a place does (read
                    # before a joining "by": "deposits by banks")
                    if scoped:
                        agent_scope = s.span(p, v + 1)
                    left, v = before, p - 2
                    scope_end = p - 1  # a place before the participle ends there
                    steps += 1
                    continue
                if (
                    p > max(floor, 0)
                    and not relative
                    # not the subject of a clause of "with": "with the town having 9 mm"
                    and not verb.endswith("ing")
                    and (
                        self._joins(s, p, left[1])
                        # a comma of a list of names that "and" ends, after a joining
                        # preposition: not "In Varnholm, Orvex and Tuvacorp shares rose"
                        or (
                            listing
                            and s.words[p] == ","
                            and s.words[p - 1][0].isupper()
                            and s.words[left[1]][0].isupper()
                            and self._list_after_join(s, p, floor)
                        )
                    )
                ):
                    # "exports to Tuvaland fell": the exports to Tuvaland; "shares of
                    # Orvex and Tuvacorp rose": both names' shares
                    joined = self._np_left(s, p, floor)
                    if joined is None:
                        break
                    b = s.lows[joined[0] - 1] if joined[0] > 0 else ""
                    if (
                        s.lows[p] in ("and", ",")
                        and b in self.lex.function_words
                        and b not in self._pp_words
                        and b not in self._verbs
                        and b not in self._clause_bounds
                        # "exports to Varnholm and Tuvaland": both the exports' places
                        and not self._joins(s, joined[0] - 1, joined[1])
                    ):
                        # a name after a preposition of its own: "40 miles off Varnholm and
                        # the Orvex was 6 miles away" joins no names
                        break
                    listing = s.lows[p] in ("and", ",")
                    if not listing:
                        joint = p
                    left = joined
                    steps += 1
                    continue
                if (
                    p > max(floor, 0)
                    and s.lows[p] == "of"
                    and not relative
                    and kind != "count"  # "the 19 members of the club are owed": the club's
                    and of_holder is None
                    and (before := self._np_left(s, p, floor)) is not None
                    and s.lows[before[1]] not in self._relative_first
                    and s.lows[before[1]] not in self.lex.function_words  # "many of the"
                    # a phrase of its own, opened by a determiner or at a clause's start: "the
                    # price of", not "did not meet Orvex's rule of"
                    and (
                        before[0] < before[1]
                        or before[1] == 0
                        or s.lows[before[1] - 1] in self._clause_bounds
                        or not s.words[before[1] - 1][0].isalnum()
                    )
                    and not all(s.lows[t] in sd.time_words for t in range(before[1], p))
                ):
                    # "the death toll of the quake rose to 900": the toll, the quake's, as
                    # "the quake's death toll"
                    of_holder = s.span(left[0], v + 1)
                    left, v = before, p - 1
                    steps += 1
                    continue
                if (
                    p > max(floor, 0)
                    and s.lows[p] == "for"
                    and not relative
                    and joint < 0
                    and left[0] < left[1]  # "for the Tuvo": _np_left reads "for Tuvo" whole
                    and s.lows[v + 1] != "to"  # "for the plant to cost": a clause
                    and not self._scope_np(s, left[1], v + 1, time_only=True)
                    # not a possessive's: "the offer for the group's arm" is of the arm
                    and not any(w in _POSSESSIVE for w in s.words[left[1] : v + 1])
                    and (before := self._np_left(s, p, floor)) is not None
                    and s.lows[before[1]] not in self.lex.function_words
                    and s.words[before[1]][0].isalpha()
                    # nor a time ("the four weeks ended May 2 for its unit") or a participle
                    # ("a law calling for the sale")
                    and not all(
                        s.lows[t] in sd.time_words or s.words[t][0].isdigit()
                        for t in range(before[1], p)
                    )
                    and not (s.lows[p - 1].endswith("ing") and s.lows[p - 1] not in sd.ing_nouns)
                ):
                    # "the rated output for the Tuvo van is 150 kW": the output, for the
                    # Tuvo van, as "demand for steel"
                    joint = p
                    left = before
                    steps += 1
                    continue
                if p <= floor or s.lows[p] not in self._pp_words:
                    break
                before = self._np_left(s, p, floor)
                reduced = (
                    # an -ing participle of place reads as a noun of the phrase: "nurses
                    # living in Varnholm sent $3bn" is no phrase "nurses living"
                    # ("the cost of living in Varnholm" keeps its noun "living")
                    (
                        before is None
                        or (
                            p > 1
                            and s.lows[p - 1] in self._living
                            # after a plural or a name, not an article or an adjective: "the
                            # fighting in Varnholm", "remote working in Varnholm" are nouns
                            and (
                                self.singular(s.lows[p - 2]) != s.lows[p - 2]
                                or s.lows[p - 2] in sd.group_nouns  # "Orvex staff working"
                                or (p > 2 and s.words[p - 2][0].isupper())  # not a capital
                            )
                            and s.lows[p - 2] not in _DETERMINERS
                        )
                    )
                    and not relative
                    and verb not in _MOVES  # "weighed on shares with the Tuvo index down 1%"
                    and p - 1 > max(floor, 0)
                    # the phrase is a place or time itself, not one glued to the subject:
                    # "Orvex confirmed on Friday sales dropped 5%" is of the sales
                    and (
                        s.words[v][0].isupper()
                        or s.lows[v] in sd.place_nouns
                        or s.lows[v] in sd.time_words
                    )
                    and s.lows[p - 1] not in sd.clause_openers
                    and self._reduced(s, p - 1)
                    and (before := self._np_left(s, p - 1, floor)) is not None
                )
                if self._scope_np(
                    s, left[1], v + 1, time_only=s.lows[p] not in sd.scope_prepositions
                ):
                    if before is None and not (
                        p > floor
                        and s.words[p - 1].isalpha()
                        and s.lows[p - 1] not in self.lex.function_words
                        and s.lows[p - 1] not in self._clause_bounds
                    ):
                        break  # "that in March ferry fares fell": no phrase of a noun
                    if scoped:
                        pre_scope = s.span(p, scope_end)
                    if before is None:
                        left = None  # a place is no one's: "houses in the camp left"
                        break
                elif before is None or relative:
                    break
                elif s.lows[p] in sd.scope_prepositions or s.lows[p] == "on":
                    scoped = False  # "Sales at the depot rose 5%": sales, no scope
                else:
                    break  # "after the agency dropped", "for a well to cost": clauses
                left, v = before, p - 2 if reduced else p - 1
                steps += 1
            if (
                left
                and s.words[k] == ","
                and s.words[left[1]].islower()  # not a name: "fallers were Orvex, down 5p"
                and self._complement(s, left[0], floor)
            ):
                left = None  # "shares have been strong, up 5%": the shares', not "strong"
            if (
                kind == "number"
                and text is None
                and verb_role is None
                and self._plain_count(s, q, j, max(floor, subject_end - 10))
                and (tallied := self._tallied_role(s, max(floor, subject_end - 10), subject_end))
            ):
                # "the number of people killed in the quake rose to 80": deaths, in the quake
                display, role, first, stop = tallied
                cls = role  # the key's words are the role's and its noun's, below
                text = s.span(display, stop)
                head = s.span(first, stop)
                where = (s.starts[display], s.ends[stop - 1])
                head_index = stop - 1
                c = first - 2 if s.lows[first - 1] in sd.clause_relatives else first - 1
                if s.lows[c] != "of" and self._np_word(s, c):
                    counted = self._class([s.lows[c]])[0] or self.singular(s.lows[c])
                    if counted not in sd.role_plain:
                        mods.append(counted)  # "the number of children killed": death|child
                if stop < subject_end and s.lows[stop] in sd.scope_prepositions:
                    pre_scope = s.span(stop, subject_end)
                left = None
            if kind in ("count", "number"):
                role = verb_role or role  # "killed more than 2,000", "injured 53"
                if role and text is None:
                    text = head = s.words[k]
                    where = (s.starts[k], s.ends[k])
            if left and all(
                s.lows[t] in sd.time_words or s.words[t][0].isdigit() for t in range(left[1], v + 1)
            ):
                left = None  # "on Friday opened a 40-bay depot": when, not who
            if left:
                phrase_text, phrase_head, phrase_holder, phrase_at = self._possessive(
                    s, left[0], left[1], v + 1
                )
                passive = (
                    kind == "money"
                    and text is None
                    and verb in sd.verb_subjects
                    and verb in sd.setting  # "was raised to £3", not "was paid $40"
                    and verb.endswith("ed")
                    and s.lows[k - 1] in sd.be_forms
                )
                if passive:
                    # "the surcharge was raised to £4": the surcharge, no sum raised
                    text, head, holder, where = phrase_text, phrase_head, phrase_holder, phrase_at
                    head_index = v
                elif (
                    kind == "count"
                    or want_holder
                    or role
                    or holds_named
                    or (holding and kind == "money")
                ):
                    holder = s.span(left[0], v + 1)
                    if kind == "money" and text is None and verb in sd.verb_subjects:
                        text, head, where, head_index = self._verb_sum(
                            s, j, limit, verb, where, head_index
                        )
                elif text is None:
                    text, head, holder, where = phrase_text, phrase_head, phrase_holder, phrase_at
                    holder = holder or of_holder
                    head_index = v
                    if joint < 0:
                        # "demand for steel", "support for Lena" (read whole by _np_left):
                        # the noun before "for" heads the phrase, which "for" joins
                        f = next((t for t in range(left[1] + 1, v) if s.lows[t] == "for"), -1)
                        first = s.index_at(where[0])
                        if (
                            first < f
                            and (s.lows[v] in sd.time_words or s.words[v].isdigit())
                            and self._scope_np(s, f + 1, v + 1, time_only=True)
                        ):
                            # "(Orvex's) sales for February": when, the figure's scope;
                            # not "an estimate for first quarter growth"
                            time_for = s.span(f, v + 1)
                            text = s.span(first, f)
                            head = self.head_of(s, max(first, left[1]), f)
                            where = (where[0], s.ends[f - 1])
                            head_index = f - 1
                        elif holder is None:
                            joint = f
                    of_joined = left[1] < joint <= v
                    o = -1
                    if holder is None and (of_joined or joint < 0):
                        o = self._of_head(s, left[1], joint - 1 if of_joined else v)
                    if o > 0:
                        # "the price of oil rose 5%": a price, of oil, keyed as "oil prices"
                        # is; "the revenue of Orvex" as "Orvex revenue" (a name after "of"
                        # may be a product as well as an owner: "sales of Tuvo vans")
                        head = self.singular(s.lows[o - 1])
                        head_index = o - 1
                        cls, mods = self._of_class_mods(
                            s, left[1], o, joint if of_joined else v + 1, head
                        )
                        if of_joined:  # "exports of Tuvo vans to Varnholm"
                            mods += [w for w in s.lows[joint : v + 1] if w not in sd.skip_modifiers]
                    elif of_joined and (holder is None or where is not None):
                        # the key names the noun and what its phrase joins: "export|to
                        # tuvaland", apart from "export|from tuvaland" and "tuvaland"; after
                        # an owner, from the owned noun on ("Orvex's return on equity")
                        owned_at = left[1]
                        if holder is not None and where is not None:
                            owned_at = max(owned_at, s.index_at(where[0]))
                        head = self.head_of(s, owned_at, joint)
                        cls, mods = self._joined_class_mods(s, owned_at, joint, v + 1, head)
                        head_index = joint - 1
            elif kind == "money" and text is None and verb in sd.verb_subjects:
                text, head, where, head_index = self._verb_sum(s, j, limit, verb, where, head_index)
                # "he raised $9,000", "..., spending $9,000 on a roof", "agreed to pay
                # $9,000": a sum of the verb's, whose the clause's subject may say
                unheld = (
                    v < 0
                    or s.lows[v] in sd.clause_subject_pronouns
                    or self._contraction(s, v)
                    or to_verb
                    or (verb.endswith("ing") and s.words[v] == ",")
                )
        if role is None and not verb and kind in ("count", "number") and floor <= k < i:
            role = self._role(s, k, k + 1)  # a verb form no holder goes with: "killing nine"
            if role and text is None:
                text = head = s.words[k]
                where = (s.starts[k], s.ends[k])
        if (
            text is None
            and kind != "count"
            and not verb  # "hit Varnholm leaving 24 dead": the verb is no name's word
            and k == i - 1
            and k >= floor
            and s.lows[k] not in self.sd.clause_coordinators  # "from Tuvaland and 13 miles"
        ):
            left = self._np_left(s, i, floor)  # a name right before: "Stoxx 50 -1.3%"
            if (
                left
                and s.words[left[1]][0].isupper()
                and (left[1] > 0 or i - left[1] > 1)
                # not a time: "on Sunday 5.5% from Varn", "In March 5% was sold"
                and not all(
                    s.lows[t] in sd.time_words or s.lows[t] in sd.day_words
                    for t in range(left[1], i)
                )
            ):
                text, head, holder, where = self._possessive(s, left[0], left[1], i)
                head_index = i - 1
        if holder is None and kind == "count" and text is not None:
            holder = self._bracketed_name(s, i, floor)  # "Lena (45-2, 30 KOs)": Lena's
        if (kind == "count" or of_part) and role is None and text is not None:
            # "2,000 people were killed", "53 people died"; not past a comma when the next
            # figure follows: in "hurt four guards, killing one" the role is the one's
            role = self._role_after_aside(s, scope_from)
            if role is None:
                # three words on, or past the verb's auxiliaries: "had so far been confirmed
                # dead"
                verb_at = self._past_auxiliaries(s, scope_from, limit)
                stop = min(max(scope_from + 3, verb_at + 1), limit)
                for t in range(scope_from, stop):
                    # "seized 300 rifles and arrested 12"; not the "so" of "had so far been"
                    if s.lows[t] in _NEW_PREDICATE and t >= verb_at:
                        stop = t
                        break
                    if not s.lows[t][0].isalnum():
                        if limit <= t + 3:
                            stop = t
                        break
                spelled = self._role_span(s, scope_from, stop, limit)
                # not the agent of an active verb with an object: "three gunmen killed the
                # clerk", "two teenagers destroyed a barn" name no one dead, nothing
                # destroyed; "the brothers were detained this week" are arrests, and "9,000
                # people fled their homes" are displaced (no verb of holding)
                acting = (
                    spelled is not None
                    and spelled[2] < s.n
                    and spelled[2] < limit
                    and s.lows[spelled[2]] in _DETERMINERS
                    and s.lows[spelled[1]] in sd.holding
                    and s.lows[spelled[1] - 1] not in sd.be_forms
                )
                # the whole of a part, the subject of a verb: in "ten of the 80 resorts
                # were damaged" the ten were (not in "one of the 12 miners killed")
                whole = (
                    spelled is not None
                    # not a clause of the whole's: "ten of the 80 resorts that were damaged"
                    and s.lows[scope_from] not in sd.clause_relatives
                    and any(
                        s.lows[t] in sd.be_forms or s.lows[t] in sd.auxiliaries
                        for t in range(scope_from, spelled[1])
                    )
                    and self._whole_of_part(s, i)
                )
                role = None if spelled is None or acting or whole else spelled[0]
            if role is None and scope_from < limit and s.lows[scope_from] in ("who", "whom"):
                # "the 10 rowers who trained in Tuvo": a group the relative clause picks out,
                # some of the rowers, keyed as a part; its role may stand further in
                t = scope_from + 1
                while t < min(scope_from + 7, limit) and s.words[t][0].isalnum():
                    t += 1
                role = self._role(s, scope_from + 1, t)
                part = part or role is None
        elif kind == "number" and text is None and j < limit:
            # "53 wounded", "2,000 dead"; past a verb's auxiliaries and "of them": "40 were
            # injured", "five of whom have since died"
            t = self._past_auxiliaries(s, j, limit)
            beyond = self._role_at(s, t, limit) if t < limit else None
            if beyond is not None and not (
                t > j
                and (
                    self._whole_of_part(s, i)  # "five of the 40 were killed": the five
                    # a bound after a noun: "workers over 60 were killed" (an age)
                    or (i > 0 and s.words[i - 1][0].isalpha() and self._np_word(s, i - 1))
                )
            ):
                role, scope_from = beyond
                text = head = s.span(t, scope_from)  # "killed or injured"
                where = (s.starts[t], s.ends[scope_from - 1])

        if (
            holder is None
            and head_index >= j
            and i > 1
            and s.words[i - 1] in _POSSESSIVE
            and (owner := self._np_left(s, i - 1, floor)) is not None
        ):
            o = i - 2
            if s.words[o][0].isupper():  # a name: "given Orvex's", "Excluding Orvex's"
                while o > owner[0] and s.words[o - 1][0].isupper():
                    o -= 1
                if o > owner[0] and s.lows[o - 1] == "the":
                    o -= 1
                elif o < i - 2 and s.lows[o] in sd.clause_adverbials:
                    o += 1  # the sentence's capital: "Excluding Orvex's"
            else:
                o = owner[0]  # "the fund's"
            if not self.is_time(s.span(o, i - 1)):  # not "Friday's 6% gain"
                holder = s.span(o, i - 1)  # "Orvex's $3 billion bid": Orvex's
        if text is not None and q.unit == AGE_UNIT:
            name = self._name_key(text)
            if name:
                cls, mods = name, []  # "Deputy Lena Ortiz, 35,", "35-year-old Lena Ortiz"
            elif i > 0 and s.lows[i - 1] in self.lex.age_markers:
                unlocated = True  # "died in Varnholm aged 87": whose age, the words do not say
        if text is not None:
            if head is None:
                head = text
            if cls is None and mods:
                cls = self._text_class(text)
            elif cls is None:
                # the key keeps the words before the head, whatever found the phrase:
                # "Orvex stock fell 3%" is stock|orvex, apart from another company's; those
                # before a preposition are not the head's ("a fall in prices of crude oil"
                # is oil|crude; a verb's subject "prices of crude oil" was read by
                # `_of_head` as price|crude oil)
                cls, mod_words = self._text_class_mods(text, head)
                mods = list(mod_words)
                for t in range(len(mods) - 1, -1, -1):
                    if mods[t] in self.lex.function_words:
                        del mods[: t + 1]
                        break
        if role:
            noun = cls or head
            if (
                (kind == "count" or of_part)
                and head_index >= 0
                and noun
                and noun not in sd.role_plain
            ):
                mods.append(noun)  # "two women died": death|woman, not death
            cls = role
        if verb in sd.reporting and cls in self._role_classes:
            holder = None  # "officials counted 2,012 deaths": they report, not hold
        if kind in _MEASURED and cls in self._role_classes and not role:
            cls = None  # "7 hours of battery life" is no death: a role class counts people
        if cls is None and head:
            cls = head
        if head_index >= scope_from:
            scope_from = head_index + 1  # "paid $300 for a boiler": the phrase is the subject
        scope = self._scope(s, scope_from, limit)
        if time_scope is not None:
            scope.insert(0, time_scope)
        if agent_scope is not None:
            scope.insert(0, agent_scope)
        if pre_scope is not None:
            scope.insert(0, pre_scope)
        if time_for is not None:
            scope.insert(0, time_for)
        at = where if where is not None else (None, None)
        subject = Reading(text, head, tuple(scope), holder, at[0], at[1])
        return Attached(subject, cls, tuple(mods), head_index, part, unlocated, kind_of, unheld)

    def _bare_time_before(
        self, s: Sentence, v: int, floor: int
    ) -> tuple[int, tuple[int, int]] | None:
        """A time of `_time_pair` ending at token ``v`` ("last year", "so far this
        month") after a noun phrase, as (the time's first token, the phrase). The
        phrase starts after a word of time or digits that a name follows ("Across the
        2019/20 season Orvex each month" -> Orvex; "weekend sales" stays whole). None
        when no phrase is there, when "per" or "to" stands before it ("free cash per
        unit this quarter" ends earlier; "lenders to close so far this month") or a
        verb does, whose object it is ("the firm which bought Tuvacorp last year")."""
        t = v - 1
        if t <= floor or not self._time_pair(s, t, v + 1):
            return None
        if t - 2 > floor and s.lows[t - 2] == "so" and s.lows[t - 1] == "far":
            t -= 2
        np = self._np_left(s, t, floor)
        if np is None:
            return None
        if np[0] > floor:
            low = s.lows[np[0] - 1]
            if (
                low in ("per", "to")
                or low in self._verbs
                or low in self.sd.events
                or (low.endswith("ed") and s.words[np[0] - 1].islower())
            ):
                return None
        for u in range(t - 2, np[1] - 1, -1):
            when = s.lows[u] in self.sd.time_words or s.words[u][0].isdigit()
            if when and s.words[u + 1][0].isupper():
                return t, (u + 1, u + 1)
        return t, np

    def _set_object(self, s: Sentence, i: int, floor: int) -> tuple[int, int, int, int] | None:
        """The object of a verb of `[verbs] setting` that "to" or "by" right before token
        ``i`` follows, or of a verb of `[verbs] estimating` that "at" follows, as (display
        start, start, end, doer): "cut its workforce by 300", "lift production to 9
        tonnes", "put the harvest at 7 tonnes"; not a name ("took Tuvo to six games") nor
        a time; ``doer`` is the last token of who does what the verb says (`_doer`), or -1
        (always for estimating: who estimates a figure holds none of it)."""
        t = i - 1
        if t - 2 < max(floor, 0):
            return None
        link = s.lows[t]
        if link == "at":
            verbs = self.sd.estimating
        elif link == "to" or link == "by":
            verbs = self.sd.setting
        else:
            return None
        last = s.words[t - 1]
        if not (last.isalpha() and last.islower()):
            return None
        # for an estimate, the coordinator that opens the figure's clause may stand for the
        # verb before it: "put wheat output at 7 tonnes and barley output at 2"
        bottom = max(floor - (link == "at"), 0, t - 8)
        for v in range(t - 2, bottom - 1, -1):
            if s.lows[v] in verbs and v >= floor:
                break
            if link == "at" and s.lows[v] in ("and", "or") and self._estimated_before(s, v):
                break
        else:
            return None
        if v > 0 and (
            s.lows[v - 1] in _DETERMINERS
            or s.lows[v - 1] in self._pp_words
            or s.lows[v - 1] == "with"
            or s.words[v - 1] in _POSSESSIVE
        ):
            # a noun or an adjective: "the lifts", "a cut in", "with increasing", "Orvex's
            # growing exports"
            return None
        obj = self._np_right(s, v + 1, t)
        if obj is not None and obj[2] < t and (on := self.on_object(s, obj[2], t)):
            obj = (obj[0], obj[1], on[2])  # "raised the tax on cigarettes to 40%" (`_on_joint`)
        if (
            obj is None
            or obj[2] != t
            or s.lows[obj[1]] in self.lex.function_words
            or self.is_time(s.span(obj[1], t))
        ):
            return None
        return obj[0], obj[1], obj[2], -1 if link == "at" else self._doer(s, v, floor)

    def _on_joint(self, s: Sentence, start: int, end: int) -> int:
        """The token of the "on" inside the noun phrase ``start:end`` that joins a noun of
        `[keys] on_heads` to what it applies to, up to ``end`` ("the tax on cigarettes");
        else -1."""
        for p in range(start + 1, end - 1):
            if s.lows[p] == "on":
                on = self.on_object(s, p, end)
                return p if on is not None and on[2] == end else -1
        return -1

    def _estimated_before(self, s: Sentence, a: int) -> bool:
        """Whether the coordinator at token ``a`` follows an estimate: "at" within ten
        tokens before it, after a verb of `[verbs] estimating` ("put wheat output at 7 mln
        tonnes *and* ...")."""
        for b in range(a - 1, max(0, a - 10) - 1, -1):
            if s.lows[b] == "at":
                return self._estimated_at(s, b)
        return False

    def _doer(self, s: Sentence, v: int, floor: int) -> int:
        """The last token of the noun or pronoun that does what the verb at token ``v``
        says: right before it, past auxiliaries and adverbs ("Orvex will cut"), or before
        a verb that passes its subject on through "to" ("Orvex expects to lift", "Orvex
        is expected to lift"); -1 after a noun's "to" ("an order to cut"), a conjunction
        or a preposition ("after cutting")."""
        sd, lows = self.sd, s.lows
        first = max(floor, 0)
        t = v - 1
        for _ in range(2):
            while t > first and (lows[t] in sd.auxiliaries or self._adverb(s, t)):
                t -= 1
            if t < first or lows[t] != "to":
                break
            if t - 1 < first or self._raised(s, t - 1, v + 1) < 0:
                return -1
            t -= 2
            if t >= first and lows[t] in sd.be_forms:
                t -= 1  # "Orvex is expected to lift"
        if t < first or lows[t] == "to":
            return -1
        if lows[t] in sd.clause_subject_pronouns or (
            s.words[t][0].isalnum()
            and lows[t] not in self.lex.function_words
            # not a verb before it: "is considering raising prices"
            and not (
                s.words[t].islower() and lows[t].endswith("ing") and lows[t] not in sd.ing_nouns
            )
        ):
            return t
        return -1

    def _joined_class_mods(
        self, s: Sentence, start: int, joint: int, end: int, head: str
    ) -> tuple[str, list[str]]:
        """The key's class and modifiers for the noun phrase at ``start:joint`` with the
        phrase its preposition at ``joint`` joins, up to ``end``: "exports to Tuvaland" ->
        ("export", ["to", "tuvaland"])."""
        cls, mod_words = self._text_class_mods(s.span(start, joint), head)
        joins = s.lows[joint:end]
        return cls, [
            *mod_words,
            *(w for w in joins if w not in self.sd.skip_modifiers and w[0].isalnum()),
        ]

    def _of_head(self, s: Sentence, start: int, last: int) -> int:
        """The token of the first "of" in the noun phrase ``start..last`` when the noun
        before it heads the phrase (`[keys] of_heads`, a dimension or a property: "the
        price of oil") and what follows is no time ("the level of May"); else -1."""
        for o in range(start + 1, last):
            if s.lows[o] == "of":
                noun = s.lows[o - 1]
                word = s.words[o - 1]
                if (
                    (word.islower() or (o - 1 == start and word[1:].islower()))  # "Sales of"
                    and noun in self._of_heads
                    and not self._scope_np(s, o + 1, last + 1, time_only=True)
                ):
                    return o
                return -1
        return -1

    @staticmethod
    def _name_goes_on(s: Sentence, t: int, limit: int) -> bool:
        """Whether the name ending before token ``t`` is one of a list of names ("Tuvacorp
        and Orvia", "Tuvacorp, Orvia and Varn") or the first part of a longer one ("Tuvo
        Bank of Varnholm"); not a name that a clause follows ("Tuvacorp and plans to",
        "Tuvacorp, Orvia said")."""
        if t + 1 >= limit or not s.words[t + 1][0].isupper():
            return False
        if s.lows[t] in ("and", "or", "of", "&"):
            return True
        if s.words[t] != ",":
            return False
        return any(s.lows[u] in ("and", "or") for u in range(t + 2, min(t + 8, limit)))

    def _of_class_mods(
        self, s: Sentence, start: int, o: int, end: int, head: str
    ) -> tuple[str, list[str]]:
        """The key's class and modifiers for a noun phrase ``start..o-1`` that heads the
        phrase of "of" at token ``o`` up to ``end``: its object's words go before the head,
        the last one singular, as a compound's would: "the price of crude oil" ->
        ("price", ["crude", "oil"]), as "crude oil prices"; a last word in capitals is a
        name's and stays as it is ("the debt of Orvex Mills", as "Orvex Mills debt"), but
        for an acronym's plural ("sales of HD-DVDs", as "HD-DVD sales")."""
        cls, mod_words = self._text_class_mods(s.span(start, o), head)
        skip = self.sd.skip_modifiers
        kept = [t for t in range(o + 1, end) if s.lows[t][0].isalnum() and s.lows[t] not in skip]
        words = [s.lows[t] for t in kept]
        last = s.words[kept[-1]] if kept else ""
        # an acronym's plural is a noun's: "sales of HD-DVDs", as "HD-DVD sales"
        if words and (not last[0].isupper() or (last[-1] == "s" and last[:-1].isupper())):
            words[-1] = self.singular(words[-1])
        return cls, [*mod_words, *words]

    def _list_after_join(self, s: Sentence, p: int, floor: int) -> bool:
        """Whether the names and commas before the comma at token ``p`` follow a joining
        preposition or one of place or time, in lower case ("exports to Varnholm, Tuvaland
        and Orvia", "sales in the US, Tuvaland and Orvia")."""
        q = p - 1
        while q > floor and (
            s.words[q][0].isupper()
            or s.words[q] == ","
            or (s.lows[q] == "the" and s.words[q + 1][0].isupper())  # "the US, Orvia"
        ):
            q -= 1
        return (
            q > max(floor, 0)
            and s.words[q][0].islower()
            and (self._joins(s, q, q + 1) or s.lows[q] in self._pp_words)
        )

    def _joins(self, s: Sentence, p: int, start: int) -> bool:
        """Whether token ``p``, before the noun phrase at ``start``, joins that phrase to
        the one before it: a joining preposition ("exports to Tuvaland"), "on" after a
        noun of `[keys] on_heads` ("the tariff on steel"), or "and" between two names
        ("Orvex and Tuvacorp")."""
        low = s.lows[p]
        if low == "and":
            return s.words[p - 1][0].isupper() and s.words[start][0].isupper()
        if low == "on":  # "the tariff on steel", not "rose on Monday"
            return (on := self.on_object(s, p, s.n)) is not None and on[1] == start
        before = s.words[p - 1]
        return (
            low in self.sd.joining
            # after a noun ("exports to"), not "corresponding to", "prior to"
            and self._np_word(s, p - 1)
            and not before.endswith("ing")
            and s.lows[p - 1] not in self.lex.function_words
            and s.lows[p - 1] not in self._pp_words  # "along with"
            and s.lows[p - 1] not in self.sd.joining_not_after  # "prior to"
            # before a noun phrase, not a verb: "to the plant", "to Tuvaland", not "to buy"
            and (
                low != "to"
                or s.lows[p + 1] in _DETERMINERS
                or s.words[p + 1][0].isupper()
                or s.words[p + 1][0].isdigit()
            )
            # "deposits by banks", not "survive by cutting", "levels by April", "for
            # decades by the islanders"
            and (low != "by" or not self._by_when_or_how(s, p))
        )

    def _by_when_or_how(self, s: Sentence, p: int) -> bool:
        """Whether the "by" at token ``p`` tells when or how, not whose: before a gerund,
        a time, a number or a measure ("by cutting", "by April", "by 2020", "by volume"),
        or after a time ("for decades by the islanders")."""
        if p + 1 >= s.n:
            return True
        nxt, word = s.lows[p + 1], s.words[p + 1]
        if s.lows[p + 1] in _DETERMINERS and p + 2 < s.n:
            nxt, word = s.lows[p + 2], s.words[p + 2]
        return (
            (word.islower() and nxt.endswith("ing"))
            or nxt in self.sd.time_words
            or word[0].isdigit()
            or s.lows[p - 1] in self.sd.time_words
            or nxt in self._of_heads  # "sales by volume"
            or nxt in self.sd.by_not_joining  # "prices by contrast"
        )

    def _beside_verb(self, s: Sentence, i: int, h: int, verbs: frozenset[str]) -> bool:
        """Whether one of ``verbs`` stands right before the figure at token ``i`` or after
        its noun at token ``h``, past auxiliaries, or before "of" and the figure: "has
        claimed 600 lives", "60 lives were lost", "sank with the loss of 600 lives"."""
        if i > 0 and (
            s.lows[i - 1] in verbs or (i > 1 and s.lows[i - 1] == "of" and s.lows[i - 2] in verbs)
        ):
            return True
        t = h + 1
        while (
            t < s.n
            and t <= h + 3
            and s.lows[t] not in verbs
            and (s.lows[t] in self.sd.auxiliaries or s.lows[t] in self.sd.copulas)
        ):
            t += 1  # "were", "have been"
        return t < s.n and s.lows[t] in verbs

    def _dimension(self, word: str, unit: str | None) -> str | None:
        """The dimension that an adjective after a measure in ``unit`` names, as
        `[dimensions]` and `[dimension_units]` say: "wide" after feet is a width, "long"
        after hours a duration, "high" after tonnes nothing ("9,000 tonnes high grade
        ore"); None when the word names none."""
        dimension = self.sd.dimensions.get(word)
        if dimension is None or dimension == "age":
            return dimension
        entity = self.entities.get(unit or "")
        return dimension if entity is None else self.sd.dimension_units[dimension].get(entity)

    def _dimension_noun(self, s: Sentence, j: int, limit: int) -> int:
        """The index of a dimension noun that the measure ending before token ``j`` names,
        after "in" ("18 metres in height", as "18 metres high") or alone ("at 74°
        latitude"), else -1; not "a 2 m diameter pipe", which sizes the pipe."""
        nouns = self.sd.dimension_nouns
        if s.lows[j] == "in":
            return j + 1 if j + 1 < limit and s.lows[j + 1] in nouns else -1
        if s.lows[j] in nouns and (
            j + 1 >= limit or not self._np_word(s, j + 1) or s.lows[j + 1] in self._pp_words
        ):
            return j
        return -1

    def _name_key(self, text: str) -> str | None:
        """A person's name as keys hold it: the capitalised words that end the text, lower
        case, without the titles before them, first and last ("the rival Sen. Lena M.
        Ortiz" is "lena ortiz"); None when the last word is not capitalised."""
        words = [w.rstrip(".,").removesuffix("'s").removesuffix("’s") for w in text.split()]
        first = len(words)
        while first > 0 and words[first - 1][:1].isupper():
            first -= 1
        words = words[first:]  # "rival boss Lena Ortiz": the name at the end
        if not words:
            return None
        while len(words) > 1 and words[0].lower() in self.lex.name_titles:
            del words[0]
        return f"{words[0]} {words[-1]}".lower() if len(words) > 1 else words[0].lower()

    def _tallied_role(self, s: Sentence, floor: int, end: int) -> tuple[int, str, int, int] | None:
        """A tally of an event role in tokens ``floor..end-1`` that runs to ``end`` but
        for a phrase of a preposition: "the number of dead", "the number of people killed
        in the quake" (`[keys] tallies`); (its display start, the role, the role's first
        token and the token after it), or None."""
        sd = self.sd
        for o in range(end - 2, floor, -1):
            low = s.lows[o]
            if not (s.words[o][0].isalnum() or s.words[o] in _POSSESSIVE):
                return None  # no tally across a comma
            if low != "of":
                continue
            start = next((o - len(t) for t in sd.tallies if tuple(s.lows[o - len(t) : o]) == t), -1)
            if start < floor:
                return None
            # the role, after "of" or one or two words: "of dead", "of people killed"
            found = next(
                (
                    (t, spelled)
                    for t in range(o + 1, min(o + 4, end))
                    if (spelled := self._role_at(s, t, end)) is not None
                ),
                None,
            )
            if found is None:
                return None
            first, (role, stop) = found
            if not (stop == end or s.lows[stop] in sd.scope_prepositions):
                return None
            display = start - 1 if start > floor and s.lows[start - 1] in _DETERMINERS else start
            return display, role, first, stop
        return None

    def _plain_count(self, s: Sentence, q: Quantity, j: int, start: int) -> bool:
        """Whether the figure ending before token ``j`` may be a tally read from token
        ``start`` on: whole, no mean before it (`[keys] averages`), no difference, rate or
        mean after it (`not_tallies`): not "fell to a sixth", "the average number of",
        "400 more than", "40 per 1,000"."""
        sd = self.sd
        return (
            _whole_figure(q)
            and sd.averages.isdisjoint(s.lows[start:j])
            and (
                j >= s.n
                or (s.lows[j] not in sd.not_tallies and s.lows[j] not in sd.averages)
                # "on Sunday" is when, not "on average"
                or (j + 1 < s.n and s.lows[j] in self._pp_words and self.is_time(s.words[j + 1]))
            )
        )

    def _whole_of_part(self, s: Sentence, i: int) -> bool:
        """Whether the figure at token ``i`` is a whole that a part before "of" is taken
        from: "ten of the 80 resorts", "half of its 300 homes"."""
        o = i - 1 if i > 0 and s.lows[i - 1] == "of" else i - 2
        if o < 1 or s.lows[o] != "of" or (o < i - 1 and s.lows[i - 1] not in _PARTITIVE):
            return False
        part = s.lows[o - 1]
        return part[0].isdigit() or part in self._number_words or part in self._relative_lasts

    def _past_auxiliaries(self, s: Sentence, j: int, limit: int) -> int:
        """The first token from ``j`` past "of them" ("of whom", "of those") and then a
        verb's auxiliaries and adverbs ("were", "have since", "had reportedly been"): where
        the verb of a figure with no noun stands ("five of whom have since died"). It is
        ``j`` itself at a negation or a modal ("40 were not injured", "could have been
        destroyed": no role) and before "of those" and a role ("five of those injured")."""
        t = j
        sd = self.sd
        if t + 2 < limit and s.lows[t] == "of" and s.lows[t + 1] in _OF_REFERRING:
            if s.lows[t + 1] not in sd.clause_relatives and self._role_at(s, t + 2, limit):
                return j  # "five of those injured have since died": the role is those's
            t += 2
        stop = min(t + 4, limit)
        opened = False  # adverbs ("so far", "since") only inside a verb group
        while t < stop:
            low = s.lows[t]
            if low in sd.negations or low in sd.modals:
                return j  # "40 were not injured", "40 could have been killed": no role
            if low in self._verb_openers:  # "were", "had", "have been"
                opened = True
            elif not (
                opened
                and (low in sd.auxiliaries or low in sd.perfect_adverbs or self._adverb(s, t))
            ):
                break
            t += 1
        return t

    def _role_ahead(self, s: Sentence, j: int, limit: int) -> bool:
        """Whether a role word stands within three tokens from token ``j``, before any
        punctuation: "six people dead", "at least nine injured"."""
        for t in range(j, min(j + 3, limit)):
            if not s.words[t][0].isalnum():
                return False
            if self._role(s, t, t + 1) is not None:
                return True
        return False

    def _role_after_aside(self, s: Sentence, k: int) -> str | None:
        """The event role after an aside that opens at token ``k`` and lists some of those
        counted: "Seven rowers, including two coaches and a cox, were hurt" (the role
        lies past the figures inside the aside, so the sentence's end bounds the look)."""
        if not (k + 1 < s.n and s.words[k] == "," and s.lows[k + 1] in _ASIDE_OPENERS):
            return None
        for t in range(k + 2, min(s.n - 1, k + _ASIDE_REACH)):
            if s.words[t] == ",":
                role = self._role(s, t + 1, min(t + 4, s.n))
                if role:
                    return role
        return None

    def _opens_np(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` stands inside a noun phrase opened before it: after a
        determiner or a possessive, with at most three adjectives between."""
        t = i - 1
        while t >= 0 and i - t <= 4:
            low = s.lows[t]
            if low in _DETERMINERS or s.words[t] in _POSSESSIVE:
                return True
            w = s.words[t]
            if (
                not (w[0].isalpha() and w[0].islower())
                or low in self._not_np
                or low in self._pp_words
            ):
                return False  # "turbocharged" and "roughly" may stand here
            t -= 1
        return False

    def _those(self, s: Sentence, t: int, limit: int) -> tuple[int, int, int] | None:
        """The phrase a pronoun of `[clauses] those` at token ``t`` opens, with the
        participle that restricts it: "those polled", "those aged" (over 65), "those"
        (without work, who voted): (display start, start, end); else None."""
        if t + 1 >= limit or s.lows[t] not in self.sd.those or not s.words[t + 1].islower():
            return None
        if s.lows[t + 1].endswith(("ed", "ing")):
            return t, t, t + 2  # "those polled", "those aged"
        return t, t, t + 1  # "those without work": the phrase after is its scope

    def _behind_time(
        self, s: Sentence, left: tuple[int, int], k: int, floor: int, kind: str
    ) -> tuple[tuple[int, int], int, str | None, str | None] | None:
        """For a figure after "of" at token ``k`` whose noun phrase ``left`` ends a time
        phrase ("for the year to March", "in the fourth quarter") or a place's name ("in
        Tuvaland"), or a place then a time: the noun phrase before them, where it ends, the
        time's words and the place's ("a loss in the fourth quarter of $5m" -> a loss, in
        the fourth quarter; "Orvex reported car sales in Tuvaland during May of 900" -> car
        sales, during May, in Tuvaland); None when what is left before them is no common
        noun's phrase ("exports to Tuvaland in May of": Tuvaland's is no subject) or holds a
        figure."""
        end = k
        for _ in range(3):
            start = left[0] - 1
            if start < max(floor, 1) or not (
                s.lows[start] in self._pp_words or s.lows[start] == "to"
            ):
                break
            if not self._ends_in_time(s, start, end):
                break  # not "a rise in the fiscal deficit of $5bn": no time
            before = self._np_left(s, start, floor)
            if before is None and s.lows[start] == "to":
                # "for the year to March": the time word before "to" ends no noun phrase;
                # a span of time in it is no figure of its own ("for the three months to
                # December": the figure before)
                p = start - 1
                while p > max(0, start - 6) and (s.words[p].islower() or s.words[p].isdigit()):
                    if s.lows[p] in self._pp_words:
                        if self._ends_in_time(s, p, start):
                            start = p
                            before = self._np_left(s, p, 0 if p < floor else floor)
                        break
                    p -= 1
            if before is None:
                break
            left, end = before, start
        when, place = (s.span(end, k) if end != k else None), None
        p = left[0] - 1
        if (
            p >= max(floor, 1)
            and s.lows[p] in self.sd.scope_prepositions
            and s.lows[p] != "from"  # "a fine from Tuvaland": whose, not where
            and all(s.words[t][0].isupper() for t in range(left[1], end))  # a name
            # a place alone before a sum, share or measure, and not one a number ends:
            # "sales in Orvia of $5m", not "officials in the Group of 77", "of Five"
            and (
                end != k
                or (kind in ("money", "percent", "measure") and not s.words[k + 1][0].isupper())
            )
            and (before := self._np_left(s, p, floor)) is not None
        ):
            # "car sales in Tuvaland during May of 9,120": the sales, there, then
            place, left, end = s.span(p, end), before, p
        if (
            end == k
            # a name: "exports to Tuvaland in May of" (not a capital opening the sentence)
            or not (s.words[end - 1].islower() or (end == 1 and s.words[0][1:].islower()))
            or self.is_time(s.span(left[1], end))
            # nor the words of a figure before: "5 million shares over 12 weeks to May of"
            or any(
                s.words[t][0].isdigit()
                or s.lows[t] in self._number_words
                or s.lows[t] in self.lex.scales
                for t in range(left[1], end)
            )
        ):
            return None
        return left, end, when, place

    def _ends_in_time(self, s: Sentence, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` are a phrase of time that a word of time, a month,
        a day or a year ends: "in the fourth quarter", "to March"; not "in the fiscal
        deficit", "in time deposits"."""
        last = s.words[end - 1]
        low = s.lows[end - 1]
        return (
            self._time_word(low)
            or low in self.lex.months
            or low in self.sd.day_words
            or _YEAR.match(last) is not None
        ) and self.is_time(s.span(start, end))

    @staticmethod
    def _past_restatement(s: Sentence, j: int, limit: int) -> int:
        """The token after a bracket that opens at token ``j`` and closes within eight
        tokens, holding a figure ("(1.9bn km)", "(£410m)", "(A$7m)"), when a lower-case word
        follows it; else ``j``."""
        if j + 1 >= limit or s.words[j] != "(":
            return j
        m = j + 1
        while m < min(j + 3, limit - 1) and (
            not s.words[m][0].isalnum() or (s.words[m].isupper() and len(s.words[m]) <= 3)
        ):
            m += 1  # a currency's sign: "£", "A $"
        if not s.words[m][0].isdigit():
            return j
        for k in range(j + 2, min(j + 9, limit - 1)):
            if s.words[k] in ("(", "="):
                return j  # not a rate: "a 600m euro (€1 = $1.1) contract"
            if s.words[k] == ")":
                return k + 1 if s.words[k + 1][0].islower() else j
        return j

    def _bracketed_by(self, s: Sentence, k: int) -> str | None:
        """The noun phrase right before the bracket that token ``k`` is in, when one is
        near: "the samples (n = 12)", "the Tuvo data (t(12) = 2.1, p = 0.05)" -> the
        phrase whose figures the bracket gives; else None."""
        depth = 0
        for t in range(k - 1, max(-1, k - 16), -1):
            w = s.words[t]
            if w == ")":
                depth += 1
            elif w == "(":
                if depth == 0:
                    before = s.lows[t - 1] if t else ""
                    if not before.isalpha() or before in self.sd.measure_not_sized:
                        return None  # "clearly higher (p = 0.04)": no phrase's
                    left = self._np_left(s, t, 0)
                    if left is None or (t > 1 and s.words[t - 2][0].isdigit()):
                        return None  # "at 1 μbar (p = ...)": a unit
                    if left[0] > 0 and s.lows[left[0] - 1] in self._pp_words:
                        return None  # "patients in Varnholm (n = 40)": a place, not them
                    first = left[0] if s.lows[left[0]] != "that" else left[1]
                    return s.span(first, t)
                depth -= 1
            elif w in (".", ";") and depth == 0:
                return None
        return None

    def _sizes_next(self, s: Sentence, j: int) -> bool:
        """Whether the word after a measure is a noun it sizes ("5 ml ethanol", "50 eV
        photons"), not a time, a place or a comparison ("5 km north", "3 kg less")."""
        low = s.lows[j]
        return (
            s.words[j][0].isalpha()
            and "." not in low  # "e.g."
            and low not in self._not_np
            and low not in self._pp_words
            and low not in self.sd.time_words
            and low not in self.sd.time_openers
            and low not in self.sd.place_nouns
            and low not in self.sd.measure_not_sized
            and not self._compass_word(low)  # "14 miles north-northeast of ..."
        )

    def _shares(self, s: Sentence, j: int, limit: int) -> bool:
        """Whether the words after a percent with no article before it name what it is a
        share of ("90% low-deposit loans"), not a word it grades ("100 percent
        sure"), a verb ("64 percent think so", "30% voted") or a name ("Dow +0.2% S&P")."""
        sd = self.sd
        if not ((s.words[j][0].islower() or _formula(s, j)) and self._sizes_next(s, j)):
            return False  # a formula is no name: "5% CO2"
        np = self._np_right(s, j, limit)
        if np is None or np[1] != j:
            return False
        e = np[2]
        last = s.lows[e - 1]
        if (
            s.lows[j] in sd.share_not_sized
            or last in sd.share_not_sized
            or s.lows[j].endswith("ed")  # "23 percent picked Varn", "30% voted"
            or any(s.lows[t] in sd.measure_not_sized for t in range(j, e))
            or (e - j == 1 and last.endswith(sd.share_not_sized_endings))
        ):
            return False
        # a pronoun or an article after the words makes them a verb: "30% back it"
        return e >= limit or not (
            s.lows[e] in self._object_openers or s.lows[e].endswith(("self", "selves"))
        )

    def _bracketed_name(self, s: Sentence, i: int, floor: int) -> str | None:
        """The name a bracket that holds token ``i`` follows: "Osk Brandvold (31-4-2, 19 KOs)",
        a record or tally given beside whose it is."""
        t = i - 1
        while t >= max(floor, i - 8, 1) and s.words[t] not in ("(", ")"):
            t -= 1
        if t < 1 or s.words[t] != "(" or not s.words[t - 1][0].isupper():
            return None
        start = t - 1
        while start > 0 and start > t - 4 and s.words[start - 1][0].isupper():
            start -= 1
        if s.lows[start] in _DETERMINERS:
            start += 1
        return s.span(start, t) if start < t else None
