"""Clauses: who holds a figure, and the subject of the clause it stands in.

The holder before a verb ("Amazon has 35m Echo devices"), in an appositive or a
possessive ("the mayor's aides"), the agent of a passive ("killed by the storm"), and the
subject of the clause a figure's verb belongs to, across the words between them. Built on
`figtrack.scopes`; `figtrack.subjects` attaches what these read to each figure.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from figtrack.model import Subject
from figtrack.phrases import (
    _ARTICLES,
    _CLAUSE_STOPS,
    _DETERMINERS,
    _INDEFINITE,
    _PARTICLES,
    _POSSESSIVE,
    _YEAR,
    Sentence,
)
from figtrack.scopes import Scopes

# marks that set a phrase off after a noun phrase: "Varnholm, home to ...", "Tuvo - a town"
_SET_OFF: Final = frozenset((",", "-", "–", "—", "("))


_MOVES: Final = frozenset(("up", "down", "higher", "lower", "off"))
_CLAUSE_REACH: Final = 40
#: the most tokens an aside in brackets after a clause subject may hold
_ASIDE_TOKENS: Final = 10


# the figures of a sentence: their first tokens and the tokens after them, in order
_Busy = tuple[Sequence[int], Sequence[int]]


_NAME_JOINERS: Final = frozenset({"of"})
# verbs of saying that name whom they address before "that": "told Reuters that it"
_ADDRESSING: Final = frozenset(("told", "tells", "telling", "tell"))
_THIS_THAT: Final = frozenset(("this", "that"))
# determiners of a definite object, which may own what a possessive pronoun after it leads
_DEFINITE: Final = _DETERMINERS - {"a", "an"}


def _is_name(words: Sequence[str]) -> bool:
    """Whether ``words`` are a name: capitalised words or numbers, after an article and
    joined by "of" ("the Bank of Tuvaland", "Model C1"; not "the model" nor "Orvex and
    its staff").

    >>> _is_name(["the", "Bank", "of", "Tuvaland"]), _is_name(["the", "model"])
    (True, False)
    """
    if words and words[0].lower() == "the":
        words = words[1:]
    return (
        bool(words)
        and all(w[0].isupper() or w.isdigit() or w in _NAME_JOINERS for w in words)
        and words[0] not in _NAME_JOINERS
        and words[-1] not in _NAME_JOINERS
    )


def _overlaps(start: int, end: int, busy: _Busy) -> bool:
    """Whether tokens ``start:end`` take in any of the ``busy`` figures: the last figure
    that starts before ``end`` is the only one that can reach past ``start``."""
    firsts, afters = busy
    g = bisect_left(firsts, end) - 1
    return g >= 0 and afters[g] > start


_JOINED_VERB_WORDS: Final = frozenset(("also", "another", "further"))
# after a price: a price of one of the things counted ("bought 14 buses for $300,000 each")
_EACH: Final = frozenset(("each", "apiece", "a", "per"))
# marks that end a phrase of place: "bought a 20% stake in Orvia, whose shares ... for"
_GAP_STOPS: Final = frozenset((",", ";", ":", "(", ")", "—", "–", '"'))
# words that join clauses or phrases, which no noun phrase and its place run across
_CLAUSE_JOINERS: Final = frozenset(("and", "or", "but", "then", "while", "whose", "which"))


def _inflected(s: Sentence, k: int, endings: tuple[str, ...]) -> bool:
    """Whether token ``k`` is a lower-case word of one of ``endings``, a verb's as a rule
    ("booked", "falls")."""
    w = s.words[k]
    return len(w) > 3 and w.isalpha() and w.islower() and w.endswith(endings)


def _aside_open(s: Sentence, close: int, low_end: int) -> int:
    """The token of the "(" that the ")" at token ``close`` closes, when the brackets hold
    a short aside of words (no figure, stop or clause of their own) after a word or
    another aside: "(a gauge of factory activity)", "(OVX.N)", "(e.g. lead)"; else -1."""
    for t in range(close - 1, max(low_end, close - _ASIDE_TOKENS) - 1, -1):
        w = s.words[t]
        if w == "(":
            before = s.words[t - 1] if t > 0 else ""
            # after a word, or after another aside: "Orvex Inc (OVX.N) (OVX.O)"
            return t if t < close - 1 and before and (before[0].isalnum() or before == ")") else -1
        if w == "." and s.ends[t - 1] == s.starts[t] and s.ends[t] == s.starts[t + 1]:
            continue  # a dot inside a word: "(OVX.N)"
        if w in (")", ".", ";", ":", ",") or w[0].isdigit():
            return -1
    return -1


class Clauses(Scopes):
    """Reads holders, agents, objects and clause subjects."""

    def _agent(self, s: Sentence, k: int, limit: int) -> tuple[int, int, int] | None:
        """The noun phrase after a participle and "by" at token ``k``, which says whose
        the counted noun before is: "seven shots *fired by the guards*" are the guards'
        shots, as "the guards fired seven shots" are; else None (not "by 2030")."""
        if not (
            k + 2 < limit
            and s.words[k][0].islower()
            and s.lows[k].endswith("ed")
            and s.lows[k + 1] == "by"
            and (s.lows[k],) not in self.sd.roles  # "two guards killed by" are deaths
        ):
            return None
        return self._by_whom(s, k + 2, limit)

    def _by_whom(self, s: Sentence, k: int, limit: int) -> tuple[int, int, int] | None:
        """The noun phrase at token ``k``, after "by", when it names who did something: not
        a time ("by 2030", "by midnight", "by late Tuesday"), a figure, or a means
        (`[scope] means`: "evacuated by boat", "by the dozen")."""
        np = self._np_right(s, k, limit)
        if (
            np is None
            or s.words[np[1]][0].isdigit()
            or s.lows[np[0]] in self.sd.time_openers
            or s.lows[np[2] - 1] in self.sd.means
            or self._scope_np(s, np[0], min(np[2] + 1, limit), time_only=True)  # "late Tuesday"
        ):
            return None
        return np

    def _role_agent(self, s: Sentence, k: int, limit: int) -> tuple[int, int, int] | None:
        """The noun phrase after an event role's participle and "by", from token ``k`` just
        after the counted noun: "soldiers *were killed by friendly fire*", "people *injured
        by the blast*"; else None (not "by 2030", not a figure)."""
        lows = s.lows
        for _ in range(2):  # "were", "have been"
            if k < limit and (lows[k] in self.sd.be_forms or lows[k] in self.sd.auxiliaries):
                k += 1
        found = self._role_span(s, k, k + 1, limit) if k < limit else None
        if found is not None:
            k = found[2] - 1  # the role's last word: "killed or injured by the blast"
        if not (k + 2 < limit and (lows[k],) in self.sd.roles and lows[k + 1] == "by"):
            return None
        return self._by_whom(s, k + 2, limit)

    def _verb_sum(
        self,
        s: Sentence,
        j: int,
        limit: int,
        verb: str,
        where: tuple[int, int] | None,
        head_index: int,
    ) -> tuple[str, str, tuple[int, int] | None, int]:
        """A sum's subject when its verb is all that names it (text, head, offsets, head
        index): what was bought for a verb of spending ("paid $300 for a new boiler"), else
        the verb's `[verb_subjects]` noun ("earned" -> "earnings"), keeping ``where`` and
        ``head_index``."""
        if bought := self._spent_on(s, j, limit, verb):
            return bought
        name = self.sd.verb_subjects[verb]
        return name, name, where, head_index

    def _spent_on(
        self, s: Sentence, j: int, limit: int, verb: str
    ) -> tuple[str, str, tuple[int, int], int] | None:
        """What a sum spent is spent on, after the figure ending before token ``j``: "paid
        $300 for a new boiler" -> (text, head, offsets, head index); None for a time ("for
        the quarter"), a figure ("for two tickets" is read as its own count) or none."""
        sd = self.sd
        if verb not in sd.spending or j + 1 >= limit or s.lows[j] not in sd.spent_on:
            return None
        np = self._np_right(s, j + 1, limit)
        if np is None or self._scope_np(s, np[1], np[2], time_only=True):
            return None
        display, _, end = np
        if end + 1 < limit and s.lows[end] == "of" and (more := self._np_right(s, end + 1, limit)):
            end = more[2]  # "on a fleet of trucks"
        if end < limit and s.words[end].islower() and s.lows[end] not in self.lex.function_words:
            return None  # "on a steady monthly footing": the phrase read stops short
        h = end - 1
        return s.span(display, end), self.singular(s.lows[h]), (s.starts[display], s.ends[h]), h

    def _owner(self, s: Sentence, np: tuple[int, int, int, int], pronoun: str) -> bool:
        """Whether the clause subject ``np`` can own what a possessive ``pronoun`` leads:
        not a time, nor a phrase led by a possessive pronoun ("its board"), nor someone's
        thing for "his" or "her" (in "Lena's win ... her loss" the loss is Lena's), nor a
        lower-case plural for "its", "his" or "her"."""
        words, lows = s.words[np[1] : np[2]], s.lows[np[1] : np[2]]
        last = lows[-1]
        return not (
            all(low in self.sd.time_words for low in lows)
            or (
                pronoun in self.sd.clause_personal_possessives
                and any(w in _POSSESSIVE for w in words)
            )
            or s.lows[np[0]] in self.sd.clause_possessive_pronouns
            or last in self.lex.function_words
            or last in self.sd.skip_modifiers
            or (
                pronoun != "their"
                and words[-1].islower()
                and last.endswith("s")
                and not last.endswith("ss")
            )
        )

    def speaker(self, s: Sentence, mine: int, busy: _Busy) -> tuple[int, int, int, int] | None:
        """Whose a possessive pronoun at token ``mine`` says a thing is, when it opens the
        clause a verb of `[clauses] speech` reports: that verb's subject ("Orvex said (on
        Tuesday) (that) its profit rose 5%": Orvex), as `clause_subject` gives it; None for
        a pronoun ("he said his pay"), a phrase with a possessive of its own or a lower-case
        noun before "of" ("Orvex's chief said its", "the chief of Orvex said its" may mean
        either), a speaker of `[clauses] speech_for_others` ("the minister"), anything but a
        name for "his" or "her", or a phrase `_owner` rules out."""
        lows = s.lows
        t = mine - 1
        if t > 0 and lows[t] == "that":
            t -= 1
        if t > 1 and lows[t] in self.sd.day_words and lows[t - 1] == "on":
            t -= 2  # "said on Tuesday"
        elif t > 1 and self._time_pair(s, t - 1, t + 1):
            t -= 2  # "said last week"
        if t < 1 or lows[t] not in self.sd.clause_speech or not s.words[t].islower():
            return None
        np = self.clause_subject(s, t, busy, False)
        if (
            np is not None
            and np[2] == np[3] == t - 1
            and not self._verbish(s, t - 1)
            and (np[0] == 0 or lows[np[0] - 1] not in self.sd.clause_relatives)
        ):
            np = (np[0], np[1], t, t)  # its last word is no verb here: "the club said"
        if (
            np is None
            or np[3] != t
            or lows[np[1]] in self.sd.clause_subject_pronouns
            # whose "its" is in "the chief of Orvex said its" is not plain
            or any(
                s.words[u] in _POSSESSIVE or (lows[u] == "of" and s.words[u - 1].islower())
                for u in range(np[1], np[2])
            )
            or lows[np[2] - 1] in self.sd.clause_speech_for_others
            # "his" and "her" are a person's: a name ("Lena Ortiz said her pay")
            or (
                lows[mine] in self.sd.clause_personal_possessives
                and not all(w[0].isupper() for w in s.words[np[1] : np[2]])
            )
            or not self._owner(s, np, lows[mine])
        ):
            return None
        return np

    def linked_owner(
        self,
        s: Sentence,
        np: tuple[int, int, int, int] | None,
        mine: int,
        busy: _Busy,
    ) -> tuple[int, int, int, int] | None:
        """Whose a possessive pronoun at token ``mine`` says a thing is, when a word of
        `[clauses] owner_links` before it ties its phrase to the clause before ("Tuvacorp
        slid in thin dealing, with its stock off 12%", "Orvex posted a loss as its sales
        fell 9%"): that clause's subject ``np`` (or the one before the link, when ``np``
        is the pronoun's own), when it ends in a name (not a plural opening the sentence,
        "Shares slid"; all names for "his" and "her"), has no "of" or possessive of its own
        ("Shares of Orvex"), `_owner` allows it, and no other name but a day's or a
        month's, no bracket, dash or quote, and, unless the link is one of `[clauses]
        owner_links_over_objects` ("with"), no definite object stands between ("Tuvaland
        fined the firm because its profits rose" may mean the firm's); else None."""
        lows, words = s.lows, s.words
        link = mine - 1
        if link < 1 or lows[link] not in self.sd.clause_owner_links:
            return None
        if np is None or np[3] >= link:
            np = self.clause_subject(s, link, busy, False)
        if np is None or np[3] >= link or not self._verbish(s, np[3]):
            return None
        last = np[2] - 1
        over_objects = lows[link] in self.sd.clause_owner_links_over_objects
        if (
            not words[last][0].isupper()
            or (last == 0 and self.singular(lows[0]) != lows[0])
            or lows[np[1]] in self.sd.clause_subject_pronouns
            or (
                lows[mine] in self.sd.clause_personal_possessives
                and not all(w[0].isupper() for w in words[np[1] : np[2]])
            )
            or any(lows[u] == "of" or words[u] in _POSSESSIVE for u in range(np[1], np[2]))
            or any(
                (
                    words[t][0].isupper()
                    and lows[t] not in self.sd.day_words
                    and lows[t] not in self.lex.months
                )
                or words[t] in ';:-–—()"“”'
                or (not over_objects and lows[t] in _DEFINITE)
                for t in range(np[3], link)
            )
            or not self._owner(s, np, lows[mine])
        ):
            return None
        return np

    def _coordinated(self, s: Sentence, a: int, b: int, before: Subject) -> bool:
        """Whether tokens ``a:b`` join two figures of one clause: what the figure before
        holds after it (its noun, its places), an optional comma, "and", then at most two
        lower-case words that may be verbs ("and injured", "and wounded another"), never
        a noun phrase of its own ("and the plant")."""
        k = b - 1
        while k >= a and k > b - 4 and s.lows[k] != "and":
            k -= 1
        if k < a or s.lows[k] != "and":
            return False
        if k > a:  # "12 people in Varnholm, and": only the first figure's words between
            rest = s.span(a, k).rstrip(" ,")
            for part in (before.text, *before.scope):
                if part and rest.startswith(part):
                    rest = rest[len(part) :].lstrip(" ,")
            if rest:
                return False
        return all(
            s.words[t][0].islower()
            and s.words[t].isalpha()
            and (s.lows[t] in _JOINED_VERB_WORDS or self._verbish(s, t))
            and s.lows[t] not in _DETERMINERS
            for t in range(k + 1, b)
        )

    def _titled_name(self, s: Sentence, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` end in a name a title opens ("Orvex boss Mr.
        Varn"; not "Mr. Varn's company"), which "it" never stands for."""
        words = s.words
        return any(
            self.title_at(words, n) and all(w == "." or w[0].isupper() for w in words[n + 1 : end])
            for n in range(start, end)
        )

    def _said_before(self, s: Sentence, b: int, pronoun: int) -> int:
        """The verb of saying (`[clauses] speech`) that a "that" at token ``b`` reports
        after, past a few words between them: a phrase ("said on Monday that", "said in a
        statement that") or whom "told" addresses; else ``b``. -1 when the pronoun at
        token ``pronoun`` may stand for either the speaker or the one told ("told Tuvacorp
        that it": only "it" after a plural told, "told reporters that it", is the
        speaker). Not past an object of another verb ("said the plant that it built")."""
        lows, words = s.lows, s.words
        if lows[b] != "that" or b < 2:
            return b
        for t in range(b - 1, max(-1, b - 7), -1):
            low = lows[t]
            if low in self.sd.clause_speech:
                nxt = t + 1
                if low in _ADDRESSING and nxt < b:
                    told = lows[b - 1]
                    plural = words[b - 1].islower() and self.singular(told) != told
                    return t if lows[pronoun] == "it" and plural else -1
                if nxt < b and (
                    lows[nxt] in _DETERMINERS
                    or (words[nxt][0].isupper() and lows[nxt] not in self.sd.day_words)
                ):
                    return b
                return t
            if not words[t].isalpha() or low in self._clause_bounds:
                return b
        return b

    def _speaker_np(
        self, s: Sentence, t: int, pronoun: int, busy: _Busy
    ) -> tuple[int, int, int, int] | None:
        """Who says what the verb of saying at token ``t`` reports, for the pronoun at
        token ``pronoun``: the phrase right before the verb after a word that opens a
        clause of its own ("rose after Tuvacorp said that it": Tuvacorp), else the verb's
        clause subject, whole ("Varnholm officials said"); None when "it" would stand
        for a plural or a person of `[clauses] speech_for_others` ("analysts said that
        it", "the chief said that it")."""
        lows = s.lows
        near = self._np_left(s, t, max(0, t - 8))
        np: tuple[int, int, int, int] | None
        opener = lows[near[0] - 1] if near is not None and near[0] > 0 else ""
        if (
            near is not None
            and opener != "with"
            and (opener in self.sd.clause_owner_links or opener in self._says)
        ):
            np = (near[0], near[1], t, t)
        else:
            np = self.clause_subject(s, t, busy, False)
            if np is not None and near is not None and np[1] == near[1] and np[2] < t:
                np = (np[0], np[1], t, t)  # its last word is no verb here: "officials said"
        if np is None or np[2] >= s.n:
            return None
        if any(w == "and" or w in self._prepositions for w in lows[np[2] : t]):
            # "Orvex and Tuvacorp said that they": not the first alone; "people familiar
            # with the matter said that it": no one named
            return None
        last = np[2] - 1
        low = lows[last]
        if lows[pronoun] == "it" and (
            ((s.words[last].islower() or last == 0) and self.singular(low) != low)
            or any(w in self.sd.clause_speech_for_others for w in lows[np[1] : np[2]])
            or any(w in ("of", "for", "with") for w in lows[np[1] : np[2]])
            or self._titled_name(s, np[1], np[2])
        ):
            # "analysts said that it", "a spokesman for Orvex said that it", "Mr. Varn
            # said that it": not theirs
            return None
        return np

    def clause_subject(
        self, s: Sentence, i: int, busy: _Busy, follow: bool = True
    ) -> tuple[int, int, int, int] | None:
        """The noun phrase that opens the clause of the figure at token ``i``, as (display
        start, start, end, the token after the clause's own subject), or None; ``busy``
        are the figures' token ranges, which it must not take in. A pronoun is followed
        once to the clause before ("where he has")."""
        sd = self.sd
        lows = s.lows
        b = i - 1
        low_end = max(0, i - _CLAUSE_REACH)
        bounds = self._clause_bounds
        while True:
            while b >= low_end and (
                (
                    lows[b] not in bounds
                    # "can expect to live", "which employers say has cost": no clause of
                    # its own, for want of a subject; nor an aside between commas
                    or (
                        lows[b] in sd.clause_thinking
                        and b + 1 < s.n
                        # "Sales, analysts believe, will rise": an aside
                        and (lows[b + 1] in ("to", ",") or lows[b + 1] in self._finite)
                    )
                )
                and not (lows[b] in sd.clause_subordinators and self._subject_follows(s, b, i))
            ):
                b -= 1
            if (
                b > 0
                and lows[b] in sd.clause_coordinators
                and s.words[b - 1] != ","
                and not self._opens_clause(s, b, i, low_end, busy)
            ):
                # "Smith and Jones": only ", and" opens a clause, or "and" then a noun
                # phrase and its verb after a figure ("hired 12 workers and the plant
                # has hired 40")
                b -= 1
                continue
            if b > low_end and lows[b] == ")" and (o := _aside_open(s, b, low_end)) > 0:
                # "The index (a gauge of factory activity) rose 2%": an aside in brackets
                # after the subject, which the clause reads past
                b = o - 1
                continue
            if b >= low_end and (self._intends(s, b, i) > 0 or self._raised(s, b, i) > 0):
                # "Orvex announced plans to cut 2,000 jobs", "Orvex is thought to have
                # 9,000 drones": Orvex's clause goes on
                b -= 1
                continue
            break
        if b < low_end or (b == 0 and lows[0] not in _CLAUSE_STOPS):
            if b > 0 or not s.whole:
                return None  # the clause starts before the window read
            b = -1  # an opener at the sentence's start: "When ..., the company ..."
        elif (
            lows[b] in sd.clause_relatives
            and b + 1 < i
            and (
                self._verbish(s, b + 1)
                # a bare word right before the figure is its verb: "condos, which range
                # from $1 million to $2 million", "boats that cost $9,000"
                or (
                    b + 2 == i
                    and s.words[b + 1].isalpha()
                    and s.words[b + 1].islower()
                    and lows[b + 1] not in self.lex.function_words  # "said that in 5 years"
                )
            )
        ):
            # "a lizard that can run": the clause's subject is the phrase before
            e = b - 1 if s.words[b - 1] == "," else b
            left = self._np_left(s, e, max(0, e - 7))
            if left and not _overlaps(left[1], e, busy):
                return left[0], left[1], e, b + 1
            return None
        c = b + 1
        for _ in range(4):  # "On Thursday, ...", "In the zone, based on sales, the price"
            if c >= i:
                return None
            if s.words[c] == "," or (c == 0 and lows[c] in sd.clause_coordinators):
                c += 1  # "But Orvex has ...": the sentence's opening "but" is no subject
                continue
            if lows[c] in sd.clause_adverbs and s.words[c + 1] != ",":
                c += 1  # "However the range falls to 140 km"
                continue
            if (after := self._time_lead(s, c, i)) > c:
                c = after  # "This week Orvex shares rose 12%": when, then what
                continue
            if (
                b >= 0
                and lows[b] in self._says
                and (after := self._time_phrase(s, c, i)) > c
                and after + 1 < i
            ):
                # "Orvex said on Monday (that) it would cut 300 jobs": when it was said,
                # then the clause reported
                c = after + 1 if lows[after] == "that" else after
                continue
            if lows[c] in sd.clause_adverbials or self._adverb(s, c):
                if lows[c].endswith("ly") and s.words[c + 1] != ",":
                    c += 1  # "Finally the Tuvo economy grew": the adverb alone
                    continue
                c = next((t + 1 for t in range(c + 1, i) if s.words[t] == ","), i)
                continue
            break
        if c >= i or lows[c] in sd.clause_no_subject:
            return None
        if lows[c] in sd.clause_pronouns:
            if not follow or b <= 0:
                return None
            said = self._said_before(s, b, c)
            if said < 0:
                return None  # "the ministry told Tuvacorp that it": either may be meant
            before = (
                self._speaker_np(s, said, c, busy)
                if said != b
                else self.clause_subject(s, b, busy, False)
            )
            if before:
                before = (*before[:3], c + 1)  # the pronoun's own predicate follows it
            if (
                before
                and lows[c] in sd.clause_personal_pronouns
                and not all(w[0].isupper() or w == "." for w in s.words[before[1] : before[2]])
            ):
                return None  # "he" stands for a name
            if before and lows[c] == "it" and self._titled_name(s, before[1], before[2]):
                return None  # "Mr. Varn said it": not his
            return before
        np = self._np_right(s, c, i)
        if np is None or _overlaps(np[1], np[2], busy):
            return None
        display, start, end = np
        if (
            end - start > 1
            and (end == i or lows[end] in _DETERMINERS)
            and s.words[end - 1].islower()
        ):
            end -= 1  # "Lena uses her phone", "the guard shot four": that word is a verb
        if end + 1 < i and self._forecasts(s, end):
            # "the Tuvo survey forecasts rye exports climbing to 900 tonnes, from 700":
            # what is forecast, not who forecasts it
            more = self._np_right(s, end + 1, i)
            if more is None or _overlaps(more[1], more[2], busy):
                return None
            display, start, end = more
        elif end + 1 < i and lows[end] == "of":  # "the price of gold"
            more = self._np_right(s, end + 1, i)
            if more and not _overlaps(more[1], more[2], busy):
                end = more[2]
        if all(low in sd.time_words or _YEAR.match(low) for low in lows[start:end]):
            return None  # "Last year, ..." is when, not what
        if end == i and self._only_modifiers(s, display, end):
            return None  # "A further $100 million was set aside": the figure's own words
        if end < i and lows[end] in sd.clause_reflexives:
            return display, start, end, end + 1  # "the company itself employs 9,000"
        verb = end
        if (agent := self._passive_agent(s, verb, i)) > 0 and not _overlaps(verb, agent, busy):
            # "damage caused by the storm was put at $5m": the damage; the agent is no
            # object of the clause's verb
            verb = agent
        for _ in range(2):  # "Orvex Inc (OVX.N) (OVX.O) said": two asides at most
            if not (verb < i and s.words[verb] == "("):
                break
            # "The index (a gauge of factory activity) rose": its verb after the aside
            close = next(
                (t for t in range(verb + 1, min(i, verb + _ASIDE_TOKENS)) if s.words[t] == ")"),
                -1,
            )
            if close < 0 or _aside_open(s, close, verb) != verb:
                break
            verb = close + 1
        return display, start, end, verb

    def _passive_agent(self, s: Sentence, t: int, limit: int) -> int:
        """The end of "PARTICIPLE by NOUN PHRASE" from token ``t``, after a noun phrase,
        when a verb follows it before token ``limit`` ("cars *made by Orvex* rose 5%");
        else -1: "won by a margin of 5" is active, its verb "won"."""
        if not (t + 2 < limit and s.lows[t + 1] == "by" and self._agent_participle(s, t, -1)):
            return -1
        sd = self.sd
        agent = self._np_right(s, t + 2, limit)
        end = -1 if agent is None else agent[2]
        if (
            0 < end < limit - 1
            and s.lows[end] in sd.nouns_too
            and (s.lows[end + 1] in self._verbs or s.lows[end + 1] in sd.auxiliaries)
            and s.lows[end + 1] not in sd.nouns_too
        ):
            end += 1  # "profit boosted by tax cuts rose 5%": the noun, then the verb
        for _ in range(2):  # "cars made by Orvex in Tuvo rose": its places and times too
            if not (0 < end < limit - 1 and s.lows[end] in self._pp_words):
                break
            more = self._np_right(s, end + 1, limit)
            if more is None or not self._scope_np(
                s, more[2] - 1, more[2], s.lows[end] not in sd.scope_prepositions
            ):
                return -1
            end = more[2]
        if 0 < end < limit and (when := self._time_phrase(s, end, limit)) > end:
            end = when  # "cars sold by Orvex last month rose 5%"
        if not 0 < end < limit or any(s.words[k][0].isdigit() for k in range(t + 2, end)):
            return -1  # "shares held by 5,000 investors": a figure's phrase
        # a verb must follow: not "Orvex sold by auction the 300 cars", whose verb is "sold"
        if s.lows[end] in self._prepositions or not self._verbish(s, end):
            return -1
        return end

    def _agent_participle(self, s: Sentence, t: int, floor: int) -> bool:
        """Whether token ``t``, before "by", is a participle of a passive after a noun
        phrase: "made" in "cars made by Orvex", "owned" in "a firm owned by Varn"."""
        sd = self.sd
        return t > max(floor, 0) and self._participle_after_noun(
            s, t, sd.agent_participles, sd.nouns_like_modifiers
        )

    def _reduced(self, s: Sentence, t: int) -> bool:
        """Whether token ``t`` is a participle that opens a reduced relative clause after
        a noun phrase: "cars *sold* in Varnholm rose 5%" (the cars, in Varnholm)."""
        return self._participle_after_noun(s, t, self._reduced_words)

    def _participle_after_noun(
        self,
        s: Sentence,
        t: int,
        listed: frozenset[str],
        not_ed: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether token ``t`` is a lower-case word in -ed (not one of ``not_ed``) or of
        ``listed``, and no auxiliary or form of "be" stands before it: a participle after
        a noun phrase, not a verb of its own clause."""
        word, low = s.words[t], s.lows[t]
        return (
            word.isalpha()
            and word.islower()
            and ((low.endswith("ed") and len(low) > 4 and low not in not_ed) or low in listed)
            and s.lows[t - 1] not in self.sd.auxiliaries
            and s.lows[t - 1] not in self.sd.be_forms
        )

    def _only_modifiers(self, s: Sentence, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` are all words of `[keys] skip_modifiers`: before a
        figure, its own words ("A further $100 million", "rose a further 2%")."""
        return all(low in self.sd.skip_modifiers for low in s.lows[start:end])

    def _intends(self, s: Sentence, b: int, i: int) -> int:
        """When the clause opener at token ``b`` is a verb whose object is a noun of
        `[clauses] intents` and "to" before token ``i`` ("announced plans to cut"), which
        opens no clause of its own: the token after "to"; else -1."""
        if s.lows[b] not in self.sd.clause_openers:
            return -1
        t = b + 1
        if t < i and (s.lows[t] in _DETERMINERS or s.lows[t] in self.sd.clause_possessive_pronouns):
            t += 1
        if t + 2 < i and s.lows[t] in self.sd.clause_intents and s.lows[t + 1] == "to":
            return t + 2
        return -1

    def _raised(self, s: Sentence, t: int, i: int) -> int:
        """When token ``t`` is a word of `[clauses] raising` before "to", or one of
        `raising_after_be` after a form of "be" ("Orvex is thought to have"), both before
        token ``i``: the token after "to", where the clause's subject has its verb; else -1."""
        lows, sd = s.lows, self.sd
        if t + 2 >= i or lows[t + 1] != "to":
            return -1
        low = lows[t]
        if low in sd.clause_raising or (
            low in sd.clause_raising_after_be and t > 0 and lows[t - 1] in sd.be_forms
        ):
            return t + 2
        return -1

    def _subject_follows(self, s: Sentence, b: int, i: int) -> bool:
        """Whether a noun phrase and then its verb follow token ``b``, with the figure at
        token ``i`` in their clause: "as *the deficit hit* a record, having risen by $9
        billion" opens a clause, "as many as", "such as the port had" and "as loud as an
        airhorn set off" do not."""
        lows = s.lows
        c = b + 1
        if (
            c >= i
            or not (lows[c] in _DETERMINERS or s.words[c][0].isupper())
            or (b > 0 and lows[b - 1] in self.sd.clause_not_subordinating)  # "such as"
            # after a verb "as" names a role: "sacked as Valencia coach", "stands as the top"
            or (b > 0 and (lows[b - 1] in self._verbs or _inflected(s, b - 1, ("ed",))))
            or (b > 1 and lows[b - 2] == lows[b])  # "as loud as an airhorn"
            # "as his role grew, he had 14 points": the clause ended at the comma, unless a
            # participle goes on from it ("as the deficit hit a record, having risen by")
            or ("," in s.words[c:i] and not self._participle(s, i))
            # a clause goes before: "Her role as Tuvacorp chief ended" has no verb before "as"
            or (b > 0 and not self._verb_before(s, b))
        ):
            return False
        np = self._np_right(s, c, i)
        if np is None or np[2] >= i:
            return False
        v = np[2]
        while v < i and self._adverb(s, v):
            v += 1  # "as the index quickly fell"
        return (
            v < i
            and lows[v] not in self.lex.function_words  # "this", "across"
            and (lows[v] in self._finite or _inflected(s, v, ("ed", "s")))
        )

    def _verb_before(self, s: Sentence, b: int) -> bool:
        """Whether a verb stands between token ``b`` and the start of its clause (a comma,
        a clause word, or the sentence's start), at most 12 tokens back."""
        lows = s.lows
        for t in range(b - 1, max(-1, b - 13), -1):
            if s.words[t] == "," or lows[t] in self._clause_bounds:
                return False
            if lows[t] in self._finite or _inflected(s, t, ("ed",)):
                return True
        return False

    def _opens_clause(self, s: Sentence, b: int, i: int, low_end: int, busy: _Busy) -> bool:
        """Whether the "and" at token ``b``, at most three words after a figure, opens a
        clause of its own before token ``i``: a determiner, its noun phrase, then a verb."""
        if (
            b + 1 >= i
            or s.lows[b + 1] not in _DETERMINERS
            or not _overlaps(max(low_end, b - 3), b, busy)
        ):
            return False
        np = self._np_right(s, b + 1, i)
        return np is not None and np[2] < i and self._verbish(s, np[2])

    def _object(
        self, s: Sentence, start: int, i: int, busy: _Busy, after: int, price: bool = False
    ) -> tuple[int, int, int] | None:
        """The object between a clause's subject (ending at token ``start``) and the figure
        at tokens ``i:after``, which the figure is then of: "spotted a sinkhole about four
        metres wide", "sold the unit for $5 million", "pulled the index 1.2% lower". The last
        one opened by a determiner, not a time ("for the first quarter") nor a word right
        before the figure ("a record $4"); else, for a ``price``, a bare one a verb of
        buying takes before "for" ("bought Tuvacorp for $5m", "agreed to acquire Tuvacorp
        for", "bought Varnholm for $5m and Tuvacorp for $3m")."""
        lows = s.lows
        moved = after < s.n and lows[after] in _MOVES  # "1.2% lower": the object's move
        # "shares have been on a roll, up 5%": after a linking verb the move is the clause
        # subject's ("posted a profit, up 5%" is the profit's)
        if (
            i >= 2
            and lows[i - 1] in _MOVES
            and s.words[i - 2] == ","
            and any(lows[t] in self.sd.copulas for t in range(start, min(start + 3, i)))
        ):
            return None
        for d in range(i - 2, start - 1, -1):
            if lows[d] not in _DETERMINERS:
                continue
            if lows[d] == "that" and d + 2 == i and self.singular(lows[d + 1]) != lows[d + 1]:
                # "a cloud that stretches hundreds of miles": a relative, and its verb; not
                # "that sales will reach", "that sales this year will reach"
                continue
            np = self._np_right(s, d, i)
            if (
                price
                and (np is None or _overlaps(np[1], np[2], busy))
                and (sized := self._sized_by_figure(s, d, i - 1, busy, start, after)) is not None
            ):
                return sized  # "bought a 20% stake in Tuvacorp for $2bn": the stake's price
            if (
                np is None
                or _overlaps(np[1], np[2], busy)
                # a figure's own words ("rose a further 2% on Friday to 9,000") or a
                # phrase's ("save the most affected countries $3bn"); not a pronoun's
                # ("sold the other for $9m")
                or (
                    self._only_modifiers(s, np[1], np[2])
                    and (
                        np[2] in busy[0]
                        or (
                            np[2] < i
                            and (
                                # "expanded a provisional, unadjusted 3%"
                                s.words[np[2]] == ","
                                or (
                                    s.words[np[2]].isalpha()
                                    and s.lows[np[2]] not in self.lex.function_words
                                )
                            )
                        )
                    )
                )
            ):
                continue
            if np[2] >= i and not moved and (i >= s.n or not s.words[i][0].isalpha()):
                continue  # "a record $9 million"; not "a sinkhole about four metres wide"
            if np[2] >= i and lows[i] in self._units_first:
                continue  # "a quake with a preliminary magnitude of 5.3": the unit's words
            if np[2] >= i and lows[np[2] - 1] in self.sd.span_openers:
                continue  # "over the past two years": a span of time, not an object
            if self._scope_np(s, np[1], np[2], time_only=True):
                continue
            if (
                d > start
                and lows[d - 1] in self.sd.scope_prepositions
                and self._scope_np(s, np[1], np[2], time_only=False)
                # not a thing of someone's: "a cut in its Varnholm shop arm to $2bn",
                # "bought it from the firm's chairman Lena Varn for $9m"
                and lows[d] not in self.sd.clause_possessive_pronouns
                and not (
                    lows[d - 1] == "from" and any(w in _POSSESSIVE for w in s.words[np[1] : np[2]])
                )
            ):
                # "sent $9bn home from the UK": a place, no object of the verb; the phrase
                # before it may be ("cut output at the Varnholm mine to 2 million tonnes")
                left = self._np_left(s, d - 1, start + 1)
                if (
                    left is not None
                    # the verb's object right after it ("cut output at"), not a time, an
                    # adverb, a verb's or a place ("cut output last week at", "plans to
                    # lift output at", "sold shares in Varnholm at")
                    and left[0] == start + 1
                    and not _overlaps(left[1], d - 1, busy)
                    and not self._scope_np(s, left[1], d - 1, time_only=True)
                    and not any(
                        lows[t] in self.lex.function_words or self._adverb(s, t)
                        for t in range(left[1], d - 1)
                    )
                    # only a preposition between the place and the figure: not "said
                    # exports from the port in Varnholm fell to 9 mln", another clause
                    and all(lows[t] in self._pp_words or lows[t] == "to" for t in range(np[2], i))
                ):
                    return left[0], left[1], d - 1
                continue
            if np[2] - np[1] > 1 and lows[np[2] - 1] in self.sd.scope_prepositions:
                np = (np[0], np[1], np[2] - 1)  # "the mill along the valley": the mill
            return np
        if (
            price
            and i - 2 > start
            and lows[i - 1] == "for"
            # not a sum that sizes the noun after it: "discounts for $5m orders"
            and not self._word_after_sum(s, after)
        ):
            return self._bought(s, start, i - 1, busy, after)
        return None

    def _bought(
        self, s: Sentence, start: int, at: int, busy: _Busy, after: int
    ) -> tuple[int, int, int] | None:
        """The bare noun phrase before the "for" at token ``at`` that a verb of buying
        (`[clauses] buying`) after token ``start`` takes, or it and a particle ("bought back
        Varn's shares"), or one after "and" in a clause with such a verb ("bought Varnholm
        for $5m and Tuvacorp for"): (display start, start, end); else None."""
        lows = s.lows
        left = self._np_left(s, at, start + 1)
        if left is None or left[0] != left[1]:
            return None
        first = left[0]
        if _overlaps(first - 1, first, busy):
            # "bought 20 trucks for $2m": the trucks' price, which the count sizes
            g = bisect_left(busy[0], first) - 1
            return self._sized_by_figure(s, busy[0][g], at, busy, start, after)
        for t in range(at - 1, first - 1, -1):
            if s.words[t].islower() and lows[t] in self.sd.clause_buying:
                first = t + 1  # "to acquire Tuvacorp": the verb ends no noun phrase
                break
        if first < at and lows[first] in _PARTICLES:
            first += 1  # "bought back Orvex's stock for"
        verb = first - 1
        if verb > start and lows[verb] in _PARTICLES:
            verb -= 1  # "sold off land for"
        if verb > start and lows[verb] == "and":
            verb = self._priced_before(s, verb, start, busy)
        if (
            first >= at
            or verb < start
            or lows[verb] not in self.sd.clause_buying
            or _overlaps(first, at, busy)
            or self._scope_np(s, first, at, time_only=True)
        ):
            return None
        return first, first, at

    def _word_after_sum(self, s: Sentence, after: int) -> bool:
        """Whether token ``after``, right after a sum, is a lower-case word that is no
        function word: one the sum may size ("for $5m orders")."""
        return (
            after < s.n
            and s.words[after].isalpha()
            and s.words[after].islower()
            and s.lows[after] not in self.lex.function_words
        )

    def _priced_before(self, s: Sentence, joint: int, start: int, busy: _Busy) -> int:
        """For a noun phrase after the "and" at token ``joint`` ("bought Varnholm for $5m
        and Tuvacorp for"), the verb of buying of the clause after token ``start``, when a
        price of its own ("for" and a figure) stands before the "and"; else -1 (not
        "bought notes from Orvex Bank and Trust Co for")."""
        lows = s.lows
        t = joint - 1
        while t >= start and not (lows[t] in self.sd.clause_buying or lows[t] == "for"):
            t -= 1
        if t < start or lows[t] != "for" or not _overlaps(t + 1, t + 2, busy):
            return -1
        while t >= start and lows[t] not in self.sd.clause_buying:
            t -= 1
        return t if t >= start else -1

    def _sized_by_figure(
        self, s: Sentence, first: int, at: int, busy: _Busy, start: int, after: int
    ) -> tuple[int, int, int] | None:
        """For a price after the "for" at token ``at`` (the price ending before token
        ``after``), the noun phrase from token ``first`` that a verb of buying right before
        takes (or after "and", one whose price came before: "bought 14 buses for $3m and 6
        trams for"), whose own figure sizes it: "bought a 20% stake in Tuvacorp for",
        "sold its 300-room hotel for", "bought 20 trucks for". The noun phrase after the
        figure (display start, start, end), with only a phrase of place or time between it
        and "for"; else None. Not a price of one ("for $300,000 each"), nor a sum that sizes
        the noun after it ("a 10% discount for $500 orders")."""
        lows = s.lows
        firsts, afters = busy
        g = bisect_left(firsts, first + 2) - 1
        if g < 0 or not (
            firsts[g] == first or (firsts[g] == first + 1 and lows[first] in _DETERMINERS)
        ):
            return None  # the figure opens the phrase, after its determiner if any
        if lows[at] != "for" or (
            after < s.n
            and (
                lows[after] in _EACH
                # a plural the sum sizes: "a 10% discount for $500 orders" (not "for $420
                # million cash")
                or (self._word_after_sum(s, after) and self.singular(lows[after]) != lows[after])
            )
        ):
            return None
        verb = first - 1
        if verb > start and lows[verb] in _PARTICLES:
            verb -= 1  # "bought up 20 trucks for"
        if verb > start and lows[verb] == "and":
            verb = self._priced_before(s, verb, start, busy)
        if verb < start or not s.words[verb].islower() or lows[verb] not in self.sd.clause_buying:
            return None
        k = afters[g]
        if k + 1 < at and s.words[k] == "-" and s.ends[k] == s.starts[k + 1]:
            k += 1  # "its 300-room hotel": the noun the count's unit is part of
        np = self._np_right(s, k, at + 1)
        if np is None or np[1] != k or np[2] > at or _overlaps(np[1], np[2], busy):
            return None
        gap = range(np[2], at)
        if gap and not (
            at - np[2] <= 8
            and lows[np[2]] in self._pp_words
            and not any(
                s.words[t] in _GAP_STOPS
                or lows[t] in _CLAUSE_JOINERS
                or lows[t] in self.sd.clause_relatives
                or lows[t] in self.sd.clause_subordinators
                or (
                    s.words[t].islower()
                    and lows[t] in self._verbs
                    # a participle and its agent: "a stake in Orvia owned by Tuvo"
                    and not (t + 1 < at and lows[t + 1] == "by" and lows[t].endswith(("ed", "n")))
                )
                or _overlaps(t, t + 1, busy)
                for t in gap
            )
        ):
            return None  # "bought a 20% stake in Orvia and sold Varn Buses for"
        return np

    def _object_of(
        self, s: Sentence, obj: tuple[int, int, int], start: int
    ) -> tuple[tuple[int, int, int], str | None]:
        """An object ``obj`` that is the phrase after "of" of a noun phrase its own
        determiner opens after token ``start``, as that noun phrase and its holder: "put the
        death toll of the quake at 40" -> the death toll, the quake's; else (obj, None)."""
        d = obj[0]
        if d - 2 > start and s.lows[d - 1] == "of":
            for b in range(d - 2, max(start, d - 8) - 1, -1):
                if s.lows[b] in _DETERMINERS:
                    head = self._np_right(s, b, d - 1)
                    if head is not None and head[2] == d - 1:
                        return head, s.span(obj[0], obj[2])
                    break
        return obj, None

    def _subject_of(
        self, s: Sentence, np: tuple[int, int, int]
    ) -> tuple[tuple[int, int, int], str | None]:
        """A clause subject ``np`` (display start, start, end) that a determiner opens and
        "of" and another determiner's phrase end, as the phrase before "of" and its holder,
        when the noun before "of" names a dimension or a property: "the temperature of the
        cell was kept at 25 °C" -> the temperature, the cell's, as `_object_of` splits an
        object; not "the cost of the plan" (a cost, whole), "the temperature of water",
        nor a dimension keyed only when narrowed ("the size of the plant": the plant's size
        keys `plant|size of`)."""
        display, start, end = np
        if s.lows[display] in _DETERMINERS:
            o = next(
                (t for t in range(start + 1, min(end - 1, start + 6)) if s.lows[t] == "of"), -1
            )
            if (
                o > 0
                and (noun := self.singular(s.lows[o - 1])) in self._measure_nouns
                and (self._class((noun,))[0] or noun) not in self.sd.generic_classes  # "size"
                and s.lows[o + 1] in _DETERMINERS
                and (head := self._np_right(s, display, o)) is not None
                and head[2] == o
            ):
                return head, s.span(o + 1, end)
        return np, None

    def _complement(self, s: Sentence, start: int, floor: int) -> bool:
        """Whether the noun phrase starting at token ``start`` completes a linking verb,
        as its complement or the object of a preposition right after it ("have been
        strong", "is on a roll"), and so is no clause's subject."""
        t = start - 1
        if t > floor and s.lows[t] in _DETERMINERS:
            t -= 1
        if t > floor and (s.lows[t] in self._pp_words or s.lows[t] == "on"):
            t -= 1
        return t > floor and s.lows[t] in self.sd.copulas

    def _holds(self, s: Sentence, start: int, end: int) -> bool:
        """Whether the verb of a clause, at token ``start`` past auxiliaries and adverbs,
        makes the clause's subject hold the count at token ``end``: "the clinic has
        carried out 300 transplants", not "the guard shot four" or "rescuers reached the
        five" (an object opened by a determiner is another's)."""
        lows = s.lows
        t = start
        while t < end:
            if (lows[t] in self.sd.auxiliaries and lows[t] not in self._verbs) or self._adverb(
                s, t
            ):
                t += 1
            elif (after := self._time_phrase(s, t, end)) > 0:
                t = after  # "Orvex on Monday hired 40", "has produced in the past 2 million"
            elif (after := self._intends(s, t, end)) > 0:
                t = after  # "announced plans to cut 300 jobs"
            elif (after := self._raised(s, t + (lows[t] in self.sd.be_forms), end)) > 0 and (
                lows[after] in self._verbs
            ):
                t = after  # "is thought to have 9,000 drones", "seems to have 300 stores"
            else:
                break
        if t < end and lows[t] in self.sd.be_forms:
            # a form of "be" holds "the fleet is 40 ships", "Lena was charged with three
            # counts", "Orvex is selling 300 shares", not "the damage is to the four
            # cables" nor "calls were cut after three cables broke"
            for k in range(t + 1, end):
                low = lows[k]
                if (
                    low in self.lex.function_words
                    and low not in self.sd.auxiliaries
                    and low not in _DETERMINERS
                    and not self._adverb(s, k)
                    and (k == t + 1 or low not in self.sd.passive_holding)
                    and not (k + 1 < end and lows[k + 1] in self.sd.time_words)  # "on Friday"
                ):
                    return False
        return t < end and lows[t] in self._verbs and lows[t + 1] not in _DETERMINERS

    def _time_phrase(self, s: Sentence, t: int, end: int) -> int:
        """The token after a short phrase of time that opens at token ``t`` and ends
        before ``end`` ("on Monday", "over the past year", "in the first quarter", "in the
        past", "last week"), else 0."""
        lows = s.lows
        if self._time_pair(s, t, end):
            return t + 2  # "last year", "this week"
        if lows[t] not in ("on", "in", "over", "during"):
            return 0
        sd = self.sd
        k = t + 1
        if k < end and lows[k] in _DETERMINERS:
            k += 1
        while k < end and k - t < 4 and (lows[k] in sd.span_openers or lows[k] in sd.time_openers):
            k += 1
        if k < end and lows[k] in sd.time_words:
            return k + 1
        if k - t == 3 and lows[t] == "in" and lows[t + 1] == "the" and lows[k - 1] == "past":
            return k  # "in the past": the past is a time
        return 0

    def _holder_before(self, s: Sentence, d: int, floor: int) -> str | None:
        """The noun phrase before a verb of holding, or "with", that stands right before
        the noun phrase at token ``d``: "the quake had a depth of 10 km", "a tower with a
        height of 300 m", "the firm has reported a gain of $4 million"; else None."""
        sd = self.sd
        v = d - 1
        if v > floor and s.lows[v] in _DETERMINERS:
            v -= 1
        verb = s.lows[v] if v > floor else ""
        if not (verb == "with" or (verb in sd.holding and verb not in sd.containing)):
            return None  # "the bill includes a fee of ...": a part of the bill, not its
        v -= 1
        steps = 0
        while v > floor and steps < 3 and (s.lows[v] in sd.auxiliaries or self._adverb(s, v)):
            v -= 1
            steps += 1
        left = self._np_left(s, v + 1, floor)
        if left is None or s.words[left[1]][0].isdigit():
            return None
        if verb == "with" and not (
            left[0] == 0 or s.lows[left[0] - 1] in _DETERMINERS or s.words[left[0] - 1][0].isdigit()
        ):
            return None  # "a zone with a population of", not "merged with a fleet of"
        return s.span(left[0], v + 1)

    def _with_holder(self, s: Sentence, i: int, floor: int) -> str | None:
        """Whose a count at token ``i`` is when "with" joins it to a noun phrase that "a"
        or "an" opens after a comma or a form of "be": the phrase before those, which the
        count's phrase says what it is ("Tuvaland, a country with 2 million people", "Orvex
        has been a firm with 500 staff", "the town, a hub with 40 shops"). Else None: a
        pronoun ("it is a side with eight changes"), a figure before them ("Orvex has 40
        stores, a chain with 300 staff" keeps its reading), a relative pronoun, a time, an
        opening phrase or a list's item before the comma, a verb's object or a partner's
        "with" (`[clauses] with_partners`: "a dispute with two customers", "combines a gel
        with two enzymes")."""
        lows, words = s.lows, s.words
        k = self._word_before(s, i, floor)  # "with only 17 players", "with roughly 40"
        if k <= floor + 1 or lows[k] != "with" or (i + 1 < s.n and lows[i + 1] == "of"):
            return None  # not "an official with one of the banks": one of them
        left = self._np_left(s, k, floor)
        art = left[0] - 1 if left is not None else -1
        if (
            left is None
            or art <= floor
            or lows[art] not in _INDEFINITE
            or lows[k - 1] in self.sd.clause_with_partners
            or any(w[0].isdigit() for w in words[left[0] : k])
        ):
            return None
        a = art - 1  # before the article: a comma or "is" after the phrase it describes
        stated = lows[a] in self.sd.be_forms
        if a <= floor or not (words[a] == "," or stated):
            return None
        e = a
        while stated and e - 1 > floor and lows[e - 1] in self.sd.auxiliaries:
            e -= 1  # "Orvex has been a firm with"
        if lows[e - 1] in self.sd.clause_pronouns or lows[e - 1] in _THIS_THAT:
            return None  # "It is a side with eight changes": whose, the text before says
        owner = self._np_left(s, e, floor)
        if owner is None or lows[e - 1] in self.sd.clause_relatives:
            return None  # "Orvex, which is a firm with 500 staff": the clause's own reading
        start = owner[0]
        if any(w[0].isdigit() or w in ")]" for w in words[max(start - 3, 0) : e]):
            return None  # "has 40 stores, a chain with 300 staff": the stores are counted
        if lows[owner[1]] in self.lex.function_words:
            return None
        if any(
            low in self.sd.time_words or low in self.sd.day_words or low in self.lex.months
            for low in lows[owner[1] : e]
        ):
            return None  # "On Monday, a group with 300 members protested"
        for o in range(e - 2, owner[1], -1):
            if lows[o] == "of" and (lows[o - 1] in self._of_heads or words[o - 1].islower()):
                start = o + 1  # "Shares of Orvex, a firm with 500 staff": Orvex's staff
                break
        if stated:
            return s.span(start, e)
        # set off by the comma: a name, or a phrase "the" opens, not an opening phrase
        # ("Separately, a firm with", "In a statement, a group with") or a list's item
        # ("a cable, a box with 3 batteries", "sells cars, trucks, a van with 9 seats")
        if start == 0 and e == 1 and lows[0].endswith("ly"):
            return None  # "Separately, a firm with 300 staff said"
        if start > 0 and (lows[start - 1] in _INDEFINITE or words[start - 1] == ","):
            return None
        if start > 0 and start - 1 == 0 and lows[0] in self._prepositions:
            return None
        if not words[e - 1][0].isupper():
            return s.span(start, e) if lows[start] == "the" else None
        # the name's capitalised words, less a verb and what comes before: "Orvex funds
        # Tuvacorp, a firm with 300 staff", "privately held Tuvo Cellular Co, a reseller"
        n = e - 1
        while n - 1 >= start and (
            words[n - 1][0].isupper()
            or (n - 2 >= start and lows[n - 1] in _NAME_JOINERS and words[n - 2][0].isupper())
        ):
            n -= 1
        if n - 1 >= start and lows[n - 1] == "the":
            n -= 1
        return s.span(n, e)

    def _word_before(self, s: Sentence, i: int, floor: int) -> int:
        """The token before the figure at token ``i``, past an adverb or a focus adverb
        after token ``floor`` ("with only 17", "with roughly 40")."""
        k = i - 1
        if k > floor and (self._adverb(s, k) or s.lows[k] in self.lex.focus_adverbs):
            k -= 1
        return k

    def _carrier_holder(self, s: Sentence, i: int, floor: int) -> str | None:
        """Whose a figure at token ``i`` is when a verb of loading and "with" (`[clauses]
        carriers`) or of carrying (`[clauses] carrying`) joins it to the noun phrase
        before, past "which was": that phrase ("a crate loaded with nine rifles", "the
        ship, laden with 2,000 tonnes of grain", "the tanker Orvia, which was loaded with
        $9 million of oil", "a boat carrying 300 migrants", "one of the trucks loaded
        with"). None for a pronoun, a phrase that holds a figure of its own ("50 men armed
        with 20 rifles"), one after a preposition other than "of", after "and", or after a
        relative pronoun that follows a noun ("trucks in Tuvo loaded with", "the ship that
        Orvex loaded with"; not "said that the trucks loaded with"), or none."""
        lows = s.lows
        k = self._word_before(s, i, floor)  # "loaded with only four bullets"
        if k - 1 > floor and lows[k] == "with" and lows[k - 1] in self.sd.clause_carriers:
            e = k - 1
        elif k > floor and lows[k] in self.sd.clause_carrying:
            e = k
        else:
            return None
        while e - 1 > floor and (
            lows[e - 1] in self.sd.be_forms or lows[e - 1] in self.sd.auxiliaries
        ):
            e -= 1  # "the gun was loaded with"
        if e - 1 > floor and lows[e - 1] in ("which", "that"):
            e -= 1  # "the tanker, which was loaded with"
        if e - 1 > floor and s.words[e - 1] == ",":
            e -= 1  # "the ship, laden with": set off by a comma
        left = self._np_left(s, e, floor)
        if (
            left is None
            or lows[left[1]] in self.sd.clause_pronouns
            or lows[left[1]] in self.lex.function_words
            or any(w[0].isdigit() for w in s.words[max(left[0] - 1, 0) : e])
        ):
            return None
        b = left[0] - 1
        before = lows[b] if b >= 0 else ""
        if (
            (before in self._prepositions and before != "of")
            or before in self.sd.clause_coordinators
            # a relative pronoun after a noun, not a verb's "that" ("said that the trucks")
            or (before in self.sd.clause_relatives and b > 0 and self._np_word(s, b - 1))
        ):
            # "trucks in Tuvo loaded with", "Orvex and Tuvacorp, armed with", "the ship
            # that Orvex loaded with": the phrase is not what is loaded ("one of the
            # trucks loaded with" is)
            return None
        return s.span(left[0], e)

    def _appositive_holder(self, s: Sentence, i: int, floor: int) -> str | None:
        """The name a phrase of `[clauses] appositives` right before token ``i`` sets the
        figure off from: "Varnholm island, home to 90,000 people" and "Tuvo, a town of
        4,000" count Varnholm island's and Tuvo's people; else None."""
        if i < 3 or s.lows[i - 1] not in self._appositive_ends:
            return None
        for phrase in self.sd.clause_appositives:
            a = i - len(phrase)
            c = a - 1
            if c <= floor or tuple(s.lows[a:i]) != phrase:
                continue
            stated = s.lows[c] in self.sd.be_forms  # "Varnholm is home to 9,000 people"
            if not stated and s.words[c] not in _SET_OFF:
                continue
            left = self._np_left(s, c, floor)
            if left and (
                any(s.words[t][0].isupper() for t in range(left[1], c))
                or (stated and s.lows[left[1]] not in self.sd.clause_subject_pronouns)
            ):
                return s.span(left[0] if stated else left[1], c)
            return None
        return None

    def bought(
        self, s: Sentence, i: int, busy: _Busy
    ) -> tuple[tuple[int, int, int], tuple[int, int] | None] | None:
        """What a price at token ``i`` is paid for when an order or a pronoun's verb of
        buying names it and a price link joins the two: "Get the Orvex lamp at Tuvacorp
        for $40", "It sells the Tuvo mirror starting at $90". The thing's noun phrase and
        the shop's tokens (or None); else None."""
        sd, lows = self.sd, s.lows
        found: tuple[tuple[int, int, int], tuple[int, int] | None] | None = None
        for t in range(i - 2, max(-1, i - 24), -1):
            if lows[t] == "and" and found is None and (found := self._priced(s, t + 1, i, busy)):
                continue  # "... for $30 and the Tuvo lamp for $45"
            if lows[t] in self._clause_bounds or s.words[t] in (";", ":"):
                return None
            if lows[t] not in sd.clause_buying:
                continue
            # an order opens its clause; a verb after a pronoun (and its auxiliaries) is
            # the pronoun's
            p = t - 1
            while p >= 0 and lows[p] in sd.auxiliaries:
                p -= 1
            if not (
                t == 0
                or s.words[t - 1] in (",", "(", "-", "–", "—")
                or (p >= 0 and lows[p] in sd.clause_subject_pronouns)
            ):
                return None
            return found or self._priced(s, t + 1, i, busy)
        return None

    def _priced(
        self, s: Sentence, d: int, i: int, busy: _Busy
    ) -> tuple[tuple[int, int, int], tuple[int, int] | None] | None:
        """The noun phrase a determiner at token ``d`` opens and the shop after it, when a
        price link then leads to the price at token ``i``: "the Tuvo lamp at Tuvacorp for"."""
        lows = s.lows
        if d >= i or lows[d] not in _DETERMINERS:
            return None
        np = self._np_right(s, d, i)
        if np is None or _overlaps(np[1], np[2], busy):
            return None
        k, shop = np[2], None
        if k + 1 < i and lows[k] == "at" and s.words[k + 1][0].isupper():
            e = k + 1
            while e < i and s.words[e][0].isupper():
                e += 1
            shop, k = (k + 1, e), e
        if tuple(lows[k:i]) not in self.sd.clause_price_links:
            return None
        return np, shop

    def _possessive(
        self, s: Sentence, display: int, start: int, end: int
    ) -> tuple[str, str, str | None, tuple[int, int]]:
        """A noun phrase as (text, head, holder, offsets): "Apple's revenue" -> revenue,
        held by Apple."""
        for p in range(end - 2, start, -1):
            if s.words[p] in _POSSESSIVE:
                return (
                    s.span(p + 1, end),
                    self.head_of(s, p + 1, end),
                    s.span(display, p),
                    (s.starts[p + 1], s.ends[end - 1]),
                )
        return (
            s.span(display, end),
            self.head_of(s, start, end),
            None,
            (s.starts[display], s.ends[end - 1]),
        )

    @staticmethod
    def _past_appositive(s: Sentence, comma: int, limit: int) -> int:
        """The token after an appositive that an article opens right after the comma at
        token ``comma`` and a comma closes before ``limit``: "Orvex, the Tuvaland carmaker,
        imposed" -> the token of "imposed"; else ``comma``."""
        if s.lows[comma + 1] not in _ARTICLES:
            return comma
        for t in range(comma + 2, min(limit, comma + 9)):
            if s.words[t] == ",":
                return t + 1
        return comma

    def _named_actor(
        self, s: Sentence, np: tuple[int, int, int, int], object_at: int, named: bool = True
    ) -> bool:
        """Whether the clause subject ``np`` is a name whose verb follows it and leads to
        the phrase at token ``object_at`` with no comma or other name between: "Tuvaland
        can borrow at a rate of", not "Prices rose at a rate of" (one capitalised word
        opening the sentence is a name only when it is no plural). With ``named`` false
        any noun phrase but a pronoun or a lone participle will do, when its verb is one
        of holding right before the phrase or "at" or "to" alone comes between: "the probe
        was lowered to a depth of", "the lake has a temperature of", not "engineers cooled
        the reactor to a temperature of" or "investors demanded a yield of"."""
        _, start, end, verb = np
        apposed = False  # "Orvex, the Tuvaland carmaker, imposed": the verb after the aside
        if verb == end and verb + 1 < object_at and s.words[verb] == ",":
            verb = self._past_appositive(s, verb, object_at)
            apposed = verb != end
        if (
            end != verb
            and not apposed
            and not (
                verb == end + 2 and s.words[end] == "," and s.lows[end + 1] in ("who", "which")
            )
        ):
            return False  # "Orvex, which has", not the phrase before "told Varnholm Radio that"
        if not (
            verb < object_at <= verb + 10
            and (
                self._verbish(s, verb)
                # any word in its place when the phrase is a property: "the quake struck"
                or (not named and s.words[verb].isalpha() and s.words[verb].islower())
            )
        ):
            return False
        t = verb
        while t < object_at and s.lows[t] in self.sd.auxiliaries:
            t += 1
        if s.lows[t] in self.sd.containing:
            return False  # "the bill includes a fee of $9": a part of the bill
        if not named:
            k = object_at - 1  # back over the property phrase's adjectives and article
            stops = self._property_links
            while (
                k > t and s.words[k].isalpha() and s.words[k].islower() and s.lows[k] not in stops
            ):
                k -= 1
            between = s.lows[t + 1 : k + 1] if k > t and s.lows[k] in stops else []
            if len(between) == 2 and between[0].endswith("ed"):
                between = between[1:]  # "the soil was mixed to a depth of"
            if not (between == [] and s.lows[t] in self.sd.holding) and between not in (
                ["at"],
                ["to"],
            ):
                return False  # "cooled the reactor to a temperature of": not the engineers'
            if s.lows[start] in self.sd.clause_subject_pronouns:
                return False  # "it was lowered to a depth of": whose, the sentence before says
            if (
                end - start == 1
                and s.lows[start].endswith("ing")
                and s.lows[start] not in self.sd.ing_nouns
            ):
                return False  # "Standing at a height of": a participle, no one's name
        elif not _is_name(s.words[start:end]):
            return False  # "Model C1", "the Bank of Tuvaland" are names, "the model" is none
        elif (
            start == 0 and (end == 1 or s.lows[1] == "of") and self.singular(s.lows[0]) != s.lows[0]
        ):
            return False  # "Sales of Tuvo grew": a plural opening the sentence is no name
        return not any(w[0].isupper() or not w[0].isalnum() for w in s.words[verb:object_at])
