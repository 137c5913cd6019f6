"""Subjects: what each figure counts or measures, whose it is, and where.

A shallow, rule-driven reading of the words around a figure inside its sentence: the
noun a count sits on, the noun phrase a measure is "of", the holder before a verb, the
prepositional and verbal scope after it, event roles (deaths, injuries) and relative
figures ("the majority"). The words it knows live in ``data/subjects.toml``; the rules
and the key format are documented in ``docs/subjects.md``.

>>> from figtrack import extract
>>> c = extract("Officials said at least 10,000 North Korean troops were in Kursk.")[0]
>>> c.subject.text, c.subject.head, c.subject.scope, c.subject.key
('North Korean troops', 'troop', ('in Kursk',), 'troop|north korean||kursk')
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate
from typing import Final, NamedTuple

import attrs

from figtrack.lexicon import Lexicon, Relative
from figtrack.model import AGE_UNIT, Interval, Quantity, Subject, new_subject

_TOKEN: Final = re.compile(
    # a letter, then the rest of an abbreviation or a word (one letter test, not two)
    r"[^\W\d_](?:"
    r"\.[^\W\d_]\.(?:[^\W\d_]\.)*"  # U.S.
    r"|[^\W\d_]*(?:[-&][^\W_]+)*"  # words, S&P, COVID-19, first-team
    r")"
    r"|\d(?:[\w,.]*\w)?"  # numbers, with letters attached: 2,000km, 10k
    r"|['’]s\b"  # a possessive
    r"|\S"
)
# the same tokens as one group, for re.split: text between tokens, then each token
_TOKEN_SPLIT: Final = re.compile(f"({_TOKEN.pattern})")
# the same for ASCII text, where a letter is [A-Za-z]: a range test, faster than the
# Unicode category test of [^\W\d_], with the same tokens
_ASCII_TOKEN_SPLIT: Final = re.compile(_TOKEN_SPLIT.pattern.replace(r"[^\W\d_]", "[A-Za-z]"))
_CLAUSE_END: Final = frozenset(',;:.!?()[]{}—–"“”')
_CLAUSE_WORDS: Final = frozenset(
    [
        "and",
        "but",
        "or",
        "while",
        "whereas",
        "which",
        "who",
        "whom",
        "that",
        "adding",
        "because",
        "although",
        "though",
        "as",
        "after",
        "before",
        "when",
        "if",
        "than",
        "since",
        "unless",
        "until",
        "whether",
        "so",
        "said",
        "says",
    ]
)
# clause words after which a new predicate starts: "seized 300 rifles and arrested 12
# people" (not the relative words, whose verb is still the count's: "53 people who died")
_NEW_PREDICATE: Final = _CLAUSE_WORDS - {"which", "who", "whom", "that"}
_DETERMINERS: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "these",
        "those",
        "that",
        "my",
        "your",
    ]
)
# determiners after which a verb that is a noun as well is the noun ("its rise"); not "that"
_ARTICLES: Final = _DETERMINERS - {"that", "this"}
_INDEFINITE: Final = frozenset(("a", "an"))
# determiners kept at the front of a subject or holder as written ("the company")
_SHOWN_DETERMINERS: Final = _DETERMINERS - _INDEFINITE
_POSSESSIVE: Final = frozenset(("'s", "’s"))
_APOSTROPHES: Final = frozenset(("'", "’"))
_NOT_VERB_OPENERS: Final = frozenset(("not", "never", "just"))  # auxiliaries' adverbs
# marks that set a phrase off after a noun phrase: "Varnholm, home to ...", "Tuvo - a town"
_SET_OFF: Final = frozenset((",", "-", "–", "—", "("))
_PARTICLES: Final = frozenset(("up", "off", "out", "down", "back"))  # "starts off at $999"
# words between a verb and its figure: "rose by 5%", "fell to just 40 km/h"
_BEFORE_FIGURE: Final = frozenset(
    ("at", "to", "by", "from", "some", "another", "of", "just", "only", "even", "nearly")
)
# ... and between a verb of holding and its figure: "Tuvaland has a 12% stake"
_ARTICLE_BEFORE_FIGURE: Final = frozenset(("a", "an", "combined"))
# words before a participle that continues a clause ("after sliding 30%")
_PARTICIPLE_OPENERS: Final = frozenset(
    ("having", "after", "before", "while", "when", "since", "by")
)
# the period a key holds for a figure held in the present perfect ("has had 14 cars")
_EVER: Final = "ever"
_BARE_OPENERS: Final = frozenset(
    ("will", "would", "could", "can", "may", "might", "should", "must")
)
_PARTITIVE: Final = frozenset(
    ("the", "these", "those", "them", "its", "their", "his", "her", "our")
)
_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d\Z")
# a year or a decade at a word's end: "mid-2022", "1980s"
_CALENDAR: Final = re.compile(r"(?:1[89]|20)\d\ds?\Z")


#: kinds that measure a thing rather than count it
_MEASURED: Final = frozenset(["measure", "money"])
_ASIDE_OPENERS: Final = frozenset(["including", "among", "mostly", "many", "most", "some"])
# words before a span of time that make it a comparison's base, not the figure's time:
# "rose 12% from 18 months earlier"
_BASELINES: Final = frozenset(["from", "than", "since", "compared", "versus", "vs"])
_LEAD_REACH: Final = 12  # tokens a period opening the sentence may span, to its comma
_ASIDE_REACH: Final = 40  # tokens an aside after a count may span
_DIMENSION_GAP: Final = frozenset([",", "and", "by", "x", "×"])  # "5 m wide and 3 m deep"


def _ascii_tokens(window: str, offset: int) -> tuple[list[str], list[int], list[int]]:
    """The tokens of an ASCII ``window`` that starts at ``offset``, with their starts and
    ends: the tokens `_TOKEN` finds, read chunk by chunk between spaces.

    No token spans a space, and a space ends a word as the end of a chunk does, so the
    chunks give the tokens of the whole; most chunks are a word of letters, one token
    with no pattern run on it.
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for chunk in window.split():
        at = window.find(chunk, pos)
        pos = at + len(chunk)
        if chunk.isalpha():
            words.append(chunk)
            starts.append(offset + at)
            ends.append(offset + pos)
            continue
        end = offset + at
        # the commonest other chunks, split without the pattern: a word and the mark
        # after it ("troops," "said.") or before it ("(Reuters"), and a number with
        # its separators ("10,000" "1.5"), which `_TOKEN` reads whole
        last = chunk[-1]
        if len(chunk) > 1 and not last.isalnum() and chunk[:-1].isalpha():
            words.append(chunk[:-1])
            words.append(last)
            starts.append(end)
            starts.append(offset + pos - 1)
            ends.append(offset + pos - 1)
            ends.append(offset + pos)
            continue
        first = chunk[0]
        if len(chunk) > 1 and first not in "'’" and not first.isalnum() and chunk[1:].isalpha():
            words.append(first)
            words.append(chunk[1:])
            starts.append(end)
            starts.append(end + 1)
            ends.append(end + 1)
            ends.append(offset + pos)
            continue
        if first.isdigit() and last.isalnum() and chunk.replace(",", "").replace(".", "").isalnum():
            words.append(chunk)
            starts.append(end)
            ends.append(offset + pos)
            continue
        for token in _ASCII_TOKEN_SPLIT.split(chunk)[1::2]:  # gaps are empty in a chunk
            words.append(token)
            starts.append(end)
            end += len(token)
            ends.append(end)
    return words, starts, ends


class Sentence:
    """The tokens of one sentence (or of the window of it around its figures), with their
    offsets in the whole text."""

    __slots__ = ("ends", "lows", "n", "starts", "text", "whole", "words")
    words: list[str]
    starts: list[int]
    ends: list[int]

    def __init__(self, text: str, start: int, end: int, whole: bool = True) -> None:
        self.text = text
        self.whole = whole  # False when only a window of the sentence was read
        window = text[start:end]
        if window.isascii():
            self.words, self.starts, self.ends = _ascii_tokens(window, start)
        else:
            # the window split into gap, token, gap, ..., token, gap; each part's offset
            # is the sum of the lengths before it (no match object is built per token)
            parts = _TOKEN_SPLIT.split(window)
            offsets = list(accumulate(map(len, parts), initial=start))
            self.words = parts[1::2]
            self.starts = offsets[1:-1:2]
            self.ends = offsets[2::2]
        self.lows: list[str] = list(map(str.lower, self.words))
        self.n = len(self.words)

    def index_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def span(self, i: int, j: int) -> str:
        """The text from token ``i`` to token ``j - 1``."""
        return self.text[self.starts[i] : self.ends[j - 1]]


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


class Derived(NamedTuple):
    """A relative figure ("the majority") read as a share of the figure before it."""

    start: int
    end: int
    quantity: Quantity
    subject: Subject
    base: int  # index of the figure it is a share of


class SubjectReader:
    """Reads subjects, holders and scopes for the figures of a text."""

    def __init__(self, lex: Lexicon, singular: Callable[[str], str]) -> None:
        self.lex = lex
        self.sd = lex.subjects
        self.singular = singular
        sd = self.sd
        self._verbs = sd.copulas | sd.holding
        self._skippable = (
            sd.auxiliaries
            | sd.perfect_adverbs  # "Orvex has so far employed 9,000"
            | frozenset(
                ("to", "set", "been", "being", "is", "are", "was", "were", "be", "expected")
            )
        )
        self._not_np = (
            (lex.function_words - lex.noun_phrase_openers)
            | sd.copulas
            | sd.holding
            | sd.events
            | sd.containing
            | sd.auxiliaries
            | sd.clause_adverbs
            | frozenset(_CLAUSE_WORDS)
        )
        self._role_classes = frozenset(sd.roles.values())
        self._clause_bounds = (
            _CLAUSE_STOPS | sd.clause_openers | sd.clause_relatives | sd.clause_coordinators
        )
        self._pp_words = sd.scope_prepositions | sd.time_prepositions
        self._finite = sd.auxiliaries | sd.copulas | sd.holding
        # the auxiliaries and forms of "be" that open a verb group, no adverb among them
        # ("has", "will", "were"; not "also", "only", "just", "never")
        self._verb_openers = frozenset(
            w
            for w in sd.auxiliaries | sd.be_forms
            if w not in sd.clause_adverbials
            and w not in sd.clause_adverbs
            and w not in sd.perfect_adverbs
            and w not in _NOT_VERB_OPENERS
            and not w.endswith("ly")
        )
        # the bare form of a verb of holding, a verb after a modal: "will offer", "would pay"
        # read as "offers", "pays"; alone it may be a noun ("an offer", "a pay rise"), and
        # after "to" the words before are seldom its subject ("intends to offer")
        self._bare_holding = {
            w[:-1]: w
            for w in sd.holding
            if w.endswith("s") and not w.endswith("ss") and w[:-1] not in sd.holding
        }
        # words that open a verb's object, after words that are then no noun ("30% back it")
        self._object_openers = sd.clause_subject_pronouns | _DETERMINERS | _PARTITIVE
        # nouns of change after a figure ("a 5% rise"), from trends.toml
        self._change_nouns = frozenset(k[0] for k in lex.trends_after if len(k) == 1)
        self._appositive_ends = frozenset(p[-1] for p in sd.clause_appositives)
        self._dimension_names = frozenset(sd.dimensions.values()) | sd.dimension_nouns
        self._role_max = max((len(k) for k in sd.roles), default=1)
        self._class_max = max((len(k) for k in sd.classes), default=1)
        self._class_tails = frozenset(k[-1] for k in sd.classes if len(k) > 1)
        self._role_firsts = frozenset(k[0] for k in sd.roles)
        self._relative_max = max((len(k) for k in sd.relative), default=1)
        self._relative_first = frozenset(k[0] for k in sd.relative)
        self._scope_drop = (
            sd.scope_prepositions
            | sd.time_prepositions
            | sd.place_verbs
            | _DETERMINERS
            | frozenset(w for k in sd.closers for w in k)
        )
        # how a party's or a group's scope phrase starts ("for "): see `_group_phrase`
        self._group_openers = tuple(f"{w} " for w in sorted(sd.group_prepositions))
        # ... and what a figure lacks ("without "): see `_lacking_phrase`
        self._lacking_openers = tuple(f"{w} " for w in sorted(sd.lacking_prepositions))
        # every word _scope tests a token against (the rest it steps over)
        self._scope_words = (
            _CLAUSE_WORDS
            | sd.scope_prepositions
            | sd.time_prepositions
            | sd.place_verbs
            | sd.time_openers
            | sd.compass
            | sd.lacking_prepositions
        )
        # holders and places recur from figure to figure: each is normalised once
        self._holder_key: Callable[[str], str] = functools.lru_cache(maxsize=4096)(
            functools.partial(_normal, drop=_DETERMINERS)
        )
        self._place_key: Callable[[str], str] = functools.lru_cache(maxsize=4096)(self._place)
        # and so do subject texts and whole keys: `_text_class` and `key` of hashable
        # arguments (tuples), each worked out once
        self._text_class: Callable[[str], str | None] = functools.lru_cache(maxsize=4096)(
            self._class_of_text
        )
        self._text_class_mods: Callable[[str, str], tuple[str, tuple[str, ...]]] = (
            functools.lru_cache(maxsize=4096)(self._class_and_modifiers)
        )
        self._key: Callable[
            [str | None, tuple[str, ...], str | None, tuple[str, ...], str], str
        ] = functools.lru_cache(maxsize=4096)(self.key)

    # -- words -------------------------------------------------------------------------
    def _np_word(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` may be part of a noun phrase."""
        w = s.words[i]
        if not w[0].isalpha():
            return False
        low = s.lows[i]
        if self._contraction(s, i):
            return False  # "I'm", "they've"
        if low in self._not_np:
            if low in self.sd.nouns_too and (
                (i > 0 and s.lows[i - 1] in _ARTICLES)
                or (i + 1 < s.n and s.lows[i + 1] == "of" and i > 0 and s.lows[i - 1] != "to")
                # before a verb of its own: "the new measures have failed", not "Orvex
                # plans only 300 stores"
                or (i + 1 < s.n and s.lows[i + 1] in self._verb_openers)
            ):
                return True  # "a gain of 9 cents", "the rise": nouns, not verbs
            return w[0].isupper() and i > 0 and s.words[i - 1][0].isupper()  # "The Who"
        if low in self.sd.clause_raising and i + 1 < s.n and s.lows[i + 1] == "to":
            return False  # "Tuvacorp seems to have": a verb
        # adverbs and participles end a noun phrase: "sharply", "stationed"; not such a
        # word between a determiner or "of" and a word that goes on the phrase, which is
        # an adjective: "our coated samples", "of frozen fish products", "a costly recall"
        return not (
            w[0].islower()
            and len(low) > 4
            and low.endswith(("ly", "ed"))
            and low not in self.sd.nouns_like_modifiers
            and not (
                0 < i < s.n - 1
                and (s.lows[i - 1] in _ARTICLES or s.lows[i - 1] == "of")
                and s.words[i + 1].isalpha()
                and s.lows[i + 1] not in self._not_np
                and not s.lows[i + 1].endswith(("ly", "ed"))
            )
        )

    def _contraction(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` is what a contracted auxiliary leaves after its apostrophe:
        the "m" of "I'm", the "ve" of "they've" (`[verbs] contractions`)."""
        return s.lows[i] in self.sd.contractions and i > 0 and s.words[i - 1] in _APOSTROPHES

    def _np_left(self, s: Sentence, k: int, floor: int = 0) -> tuple[int, int] | None:
        """The noun phrase ending just before token ``k`` and not before token ``floor``:
        (display start, start)."""
        i = k - 1
        taken = 0
        while i >= floor and taken < 7:
            w = s.words[i]
            if w in _POSSESSIVE and i > 0 and s.words[i - 1][0].isalnum():
                i -= 1
                continue
            if w[0].isdigit() and i > 0 and s.words[i - 1][0].isupper() and i == k - 1:
                i -= 1  # "the S&P 500", "the Fortune 100"
                taken += 1
                continue
            if self._np_word(s, i):
                i -= 1
                taken += 1
                continue
            if s.lows[i] in ("of", "for") and floor < i < k - 1 and self._np_word(s, i - 1):
                i -= 1  # "Port of Los Angeles", "the price of oil"
                continue
            break
        start = i + 1
        if start >= k or s.words[start] in _POSSESSIVE:
            return None
        shown = i >= floor and s.lows[i] in _SHOWN_DETERMINERS
        if shown and s.lows[i] == "that" and s.words[start][0].isupper():
            shown = False  # "said that Orvex would pay": a conjunction, not "that barn"
        display = start - 1 if shown else start
        if (display == 0 and s.whole) or (display > 0 and s.words[display - 1] == ","):
            after = self._time_lead(s, display, k)
            if after > display:
                return after, after  # "This week Orvex shares rose 12%": when, then what
        return display, start

    def _np_right(self, s: Sentence, k: int, limit: int) -> tuple[int, int, int] | None:
        """The noun phrase starting at token ``k``: (display start, start, end)."""
        display = k
        if k < limit and s.lows[k] in _DETERMINERS:
            k += 1
            if s.lows[display] not in _SHOWN_DETERMINERS:
                display = k
        i = k
        while i < limit and i - k < 7:
            w = s.words[i]
            if w in _POSSESSIVE and i > k:
                i += 1
                continue
            if w[0].isdigit() and i > k and s.words[i - 1][0].isupper():
                i += 1  # "Model 3", "Sea Breeze 21"
                continue
            if i == k and s.lows[i] in self.sd.nouns_too:
                i += 1  # "a 5% rise", "gains of 4 cents": the noun
                continue
            if (
                i > k
                and s.lows[i] in self.sd.day_words
                and not (
                    i + 1 < limit
                    and s.words[i + 1][0].islower()
                    and s.lows[i + 1] not in self.sd.time_words
                    and self._np_word(s, i + 1)
                )
            ):
                # "minutes of testimony Tuesday (evening)": a day is when, not the noun's
                # name; "Cyber Monday sales" names its noun
                break
            if not self._np_word(s, i) and not (
                i == k  # a participle before its noun: "attempted murder", "armed robbery"
                and w[0].islower()
                and s.lows[i].endswith("ed")
                and i + 1 < limit
                and s.words[i + 1][0].islower()
                and self._np_word(s, i + 1)
                and s.lows[i] not in self._not_np
            ):
                break
            if (
                i > k
                and w[0].isupper()
                and s.words[i - 1][0].islower()
                and i + 1 < limit
                and s.lows[i + 1] in self._finite
                # "truck maker Orvex has": a noun that describes the name before it
                and s.lows[i - 1] not in self.sd.clause_descriptors
            ):
                break  # "300 crates Tuvaland had ordered": a clause, not the noun's name
            if (
                i > max(k, 1)  # after a name, not after a capital opening the sentence
                and w[0].islower()
                and s.words[i - 1][0].isupper()
                and self._verb_after_name(s, i)
            ):
                break  # "the 12-inch Orvex Air starts off": the name's verb
            low = s.lows[i]
            if (
                low.endswith("ing")
                and w[0].islower()
                and not (  # "of household spending.", "the hearing lasted": the noun
                    low in self.sd.ing_nouns
                    and (
                        i + 1 >= limit
                        or not s.words[i + 1].isalpha()
                        or not s.words[i + 1].islower()
                        or s.lows[i + 1] in self.lex.function_words
                        or s.lows[i + 1].endswith("ed")
                    )
                )
                and not (i + 1 < limit and s.words[i + 1][0].islower() and self._np_word(s, i + 1))
                # after an article and before a preposition, the noun: "a grounding for
                # nine weeks", "the killing of" (not "the remaining 40 seats")
                and not (
                    i == k
                    and k > 0
                    and s.lows[k - 1] in _ARTICLES
                    and i + 1 < limit
                    and (s.lows[i + 1] in self._pp_words or s.lows[i + 1] == "of")
                )
            ):
                if (
                    i == k
                    and k > 0
                    and s.lows[k - 1] == "of"
                    and (
                        i + 1 >= limit
                        or not s.words[i + 1][0].isalnum()
                        or (
                            s.lows[i + 1] in self.lex.function_words
                            and s.lows[i + 1] not in self.sd.time_openers  # "of living last"
                        )
                    )
                ):
                    i += 1  # a gerund after "of" names the noun: "two counts of kidnapping"
                break  # "shipping containers" keeps it; "troops fighting", "leaving China" not
            i += 1
        if i == k:
            return None
        return display, k, i

    def _verb_after_name(self, s: Sentence, i: int) -> bool:
        """Whether the lower-case word at token ``i``, after a name, is a verb in the
        present tense: it ends in -s and an article, a number word or a particle follows
        ("Orvex Air starts off", "Tom Varn faces two counts"); not "Orvex employees in
        Varnholm", "Tuvaland waters this year", "Test rows 16" (nor "Gross fares up 9
        pct.", where the capital opens the sentence: the caller checks that)."""
        low = s.lows[i]
        if not low.endswith("s") or low.endswith(("ss", "us", "is")) or i + 1 >= s.n:
            return False
        nxt = s.lows[i + 1]
        return nxt in _ARTICLES or nxt in self.lex.units or nxt in _PARTICLES

    def head_of(self, s: Sentence, start: int, end: int) -> str:
        """The head of a noun phrase: a proper name whole, else the last noun's singular."""
        last = end - 1
        if s.words[last] in _POSSESSIVE:
            last -= 1
        w = s.words[last]
        if (w[0].isupper() and (last > 0 or w.isupper())) or w[0].isdigit():
            i = last
            while i > start and (s.words[i - 1][0].isupper() or s.words[i - 1][0].isdigit()):
                i -= 1
            return " ".join(s.lows[i : last + 1])
        return self.singular(s.lows[last])

    def _class(self, words: Sequence[str]) -> tuple[str | None, int]:
        """The synonym class of a phrase's last words, and how many words it used."""
        if not words:
            return None, 0
        classes = self.sd.classes
        last = words[-1]
        if last in self._class_tails:  # else no phrase of two words or more ends here
            for size in range(min(self._class_max, len(words)), 1, -1):
                cls = classes.get(tuple(words[-size:]))
                if cls:
                    return cls, size
        cls = classes.get((self.singular(last),)) or classes.get((last,))
        if cls:
            return cls, 1
        return None, 0

    def _class_of_text(self, text: str) -> str | None:
        """The synonym class of a subject's text, by its last words."""
        return self._class([w.lower() for w in text.split() if w[0].isalnum()])[0]

    def _role(self, s: Sentence, i: int, j: int) -> str | None:
        """An event role (death, injury, ...) spelled by tokens ``i..j-1``, if any."""
        roles = self.sd.roles
        firsts = self._role_firsts
        lows = s.lows
        for k in range(i, j):
            if lows[k] not in firsts:
                continue  # no role phrase starts with this word
            for size in range(min(self._role_max, j - k), 0, -1):
                role = roles.get(tuple(s.lows[k : k + size]))
                if role:
                    return role
        return None

    # -- one figure --------------------------------------------------------------------
    def _counted(self, s: Sentence, j: int, unit: str) -> tuple[int, int, int, bool, int] | None:
        """The phrase a count sits on, from token ``j``: (display start, start, head,
        whether the count is of part of a group: "one of the three inspectors", and the
        token of a possessive in it, else -1: "the mayor's aides")."""
        k = j
        part = False
        if k + 1 < s.n and s.lows[k] == "out" and s.lows[k + 1] == "of":
            k += 1  # "one out of three voters"
        partitive = k < s.n and s.lows[k] == "of"
        if partitive:
            k += 1
            part = k < s.n and s.lows[k] in _PARTITIVE
            if k < s.n and s.lows[k] in _DETERMINERS:
                k += 1
            if k < s.n and (s.lows[k][0].isdigit() or s.lows[k] in self.lex.number_words):
                k += 1  # the whole: "5 of the 10 victims"
        display = k
        own = -1
        for h in range(k, min(k + 7, s.n)):
            w = s.words[h]
            if not w[0].isalnum():
                if w == "-" and h == k:
                    display = k = h + 1
                    continue
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
        if last in self._verbs or not (
            last in self.sd.joined_collectives or self.singular(last) != last
        ):
            return -1
        if self.singular(lows[h]) != lows[h] and _participle_like(lows[n]):
            return -1  # "killing 12 people and injuring dozens": a verb of its own
        if e < s.n and (
            s.words[e][0].isdigit()
            or lows[e] in _ARTICLES
            or lows[e] in self.lex.number_words
            or lows[e] in self.sd.holding
            or lows[e] in self.sd.auxiliaries
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
        if not (k + 2 < limit and (lows[k],) in self.sd.roles and lows[k + 1] == "by"):
            return None
        return self._by_whom(s, k + 2, limit)

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
        of_holder: str | None = None  # whose the subject before "of" is: "the toll of the quake"
        unlocated = False  # a count whose noun the tokens do not show
        kind_of = False  # a span of time before its noun: "a 10-year bond"
        unheld = False  # a verb's sum whose holder is a pronoun: "he raised $9,000"

        # the noun a count sits on: "10,000 North Korean soldiers", "35m of its devices"
        if kind == "count" and q.unit:
            found = self._counted(s, j, q.unit.split(" per ", 1)[0])  # "test per day"
            if found:
                display, first, h, part, own = found
                part = part or (i > 0 and s.lows[i - 1] in sd.increments)  # "another 40 homes"
                text = s.span(display, h + 1)
                if own > display:
                    holder = s.span(display, own)  # the mayor's aides are the mayor's
                where = (s.starts[display], s.ends[h])
                head_index = h
                words = [low for low in s.lows[first : h + 1] if low[0].isalnum()]
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
                if h + 2 < limit and s.lows[h + 1] == "of" and s.words[h + 2][0].islower():
                    np = self._np_right(s, h + 2, limit)
                    if np and s.lows[np[1]] not in _DETERMINERS:
                        text = s.span(display, np[2])
                        where = (s.starts[display], s.ends[np[2] - 1])
                        scope_from = np[2]
                        # pages of invoices are not pages of memos, counts of attempted
                        # murder not counts of murder: the key keeps the complement
                        nouns = [low for low in s.lows[np[1] : np[2]] if low[0].isalnum()]
                        mods.extend(self._modifiers(nouns, 1))
                        mods.append(self.head_of(s, np[1], np[2]))
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
        if text is None and kind in ("money", "percent", "measure", "number") and j < limit:
            nxt = s.lows[j]
            # a measure's own restatement in brackets before the noun it sizes: "a 1.2
            # billion-mile (1.9bn km) journey"
            jb = self._past_restatement(s, j, s.n) if kind == "measure" else j
            limit_b = limit if jb == j else s.n  # the restatement is the next figure
            if s.lows[jb] in sd.dimensions and kind == "measure":
                text = head = sd.dimensions[s.lows[jb]]  # "3 metres (9.8 feet) wide"
                scope_from = jb + 1
                want_holder = dimension_word = True
            elif kind == "measure" and (d := self._dimension_noun(s, jb, limit_b)) >= 0:
                text = head = s.lows[d]  # "18 metres in height", "at 61° latitude"
                scope_from = d + 1
                want_holder = True
            elif nxt in ("of", "in") and j + 1 < limit and (nxt == "of" or kind != "measure"):
                np = self._np_right(s, j + 1, limit)
                if np and (
                    nxt == "of" or not self._placeish(s, np[1], self._past_ing(s, np[2], limit))
                ):
                    head = self.head_of(s, np[1], np[2])
                    e = np[2]
                    if (
                        kind == "money"
                        and nxt == "in"
                        and e + 1 < limit
                        and s.lows[e] in ("and", "or")
                        and s.lows[e + 1] not in _DETERMINERS
                        and s.lows[e + 1] not in self.lex.function_words
                    ):
                        # "$5 billion in cash and stock" is not a sum in cash: both nouns
                        more = self._np_right(s, e + 1, limit)
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
                        and e + 1 < limit
                        and s.lows[e] in sd.joining
                        and (object_np := self._np_right(s, e + 1, limit))
                        and self._joins(s, e, object_np[1])
                        and any(s.words[t][0].isupper() for t in range(object_np[1], object_np[2]))
                    ):
                        # "65% of traffic to Tuvaland": the traffic to Tuvaland, apart from
                        # traffic with Varnholm, as "exports to Tuvaland fell" reads
                        cls, mods = self._joined_class_mods(s, np[1], e, object_np[2], head)
                        e = object_np[2]
                    text = s.span(np[0], e)
                    where = (s.starts[np[0]], s.ends[e - 1])
                    head_index = noun_end - 1
                    scope_from = e
            elif kind != "number" and (
                (i > 0 and s.lows[i - 1] in ("a", "an", "the"))
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
                    if after and not self._placeish(s, after[1], after[2]):
                        np, changed_in = (after[0], after[0], after[2]), True
                if np and (np[1] == jb or changed_in):
                    text = s.span(np[1], np[2])
                    where = (s.starts[np[1]], s.ends[np[2] - 1])
                    head = self.head_of(s, np[1], np[2])
                    head_index = np[2] - 1
                    scope_from = np[2]
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

        # alone in brackets after what it measures: "the melons (about 3 kg)"
        if (
            text is None
            and kind in ("money", "percent", "measure")
            and i - 1 > floor
            and s.words[i - 1] == "("
            and j < limit
            and s.words[j] == ")"
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

        # to the left: "a death toll of 2,800", "winds of up to 40 km/h"
        k = i - 1
        if k > 0 and s.lows[k] == "of":
            left = self._np_left(s, k, floor)
            if left and text is None:
                text, head, holder, where = self._possessive(s, left[0], left[1], k)
                head_index = k - 1
                if holder is None:  # "the quake had a depth of 10 km": the quake's
                    holder = self._holder_before(s, left[0], floor)
            elif left and kind == "count":  # "a survey of seven countries"
                holder = s.span(left[0], k)
        elif k > 0 and s.lows[k] == "by" and text is None and s.lows[k - 1] not in self._verbs:
            left = self._np_left(s, k, floor)  # "raised prices by 5%", "Burlington by 2.6%"
            if left:
                text, head, holder, where = self._possessive(s, left[0], left[1], k)
                head_index = k - 1
        # set off after a name: "Varnholm, home to 90,000 people" is Varnholm's count
        if kind == "count" and (set_off := self._appositive_holder(s, i, floor)):
            holder = set_off
        # a verb before the figure: "the company has 1,000", "the S&P 500 gained 0.68%"
        # past the words between a verb and its figure; past an article only for a verb of
        # holding ("Tuvaland has a 12% stake") or a linking verb of a dimension ("is a 1 m
        # thick bed"), not "a shell hit a 90-pupil school", which holds nothing
        t = k
        articled = False
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
        if k >= 0 and s.words[k] == "," and s.lows[k + 1] in _MOVES:
            verb = s.lows[k + 1]
        elif k >= 0 and s.lows[k] in self._verbs:
            verb = s.lows[k]
        elif bare := self._bare_verb(s, k):
            verb = bare  # "the blocks will offer 435 flats"
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
        holding = (verb in sd.holding or verb in sd.spending) and verb not in sd.copulas
        holds_named = holding and text is not None
        if verb and (text is None or kind == "count" or want_holder or holds_named):
            v = k - 1
            steps = 0
            while v >= 0 and steps < 4 and (s.lows[v] in self._skippable or _adverb(s, v)):
                v -= 1
                steps += 1
            if v > floor + 2 and s.words[v] == ",":
                # "Tuvaland's debt, counting the regions, was about $8 billion": past the aside
                c = next((t for t in range(v - 1, max(floor, v - 8), -1) if s.words[t] == ","), -1)
                if c > floor and s.lows[c + 1] in sd.clause_adverbials:
                    v = c - 1
            verb_role = self._role(s, k, k + 1)  # "killed", "injured"
            relative = v > floor and s.lows[v] in ("which", "who", "that")
            if relative:
                v -= 1  # "Ford (F) which has 13000 workers"
                if (
                    s.words[v] == ","
                    and v > floor
                    and (kind == "count" or (kind == "money" and holding))
                    and verb_role is None
                ):
                    # whose it is: "the mayor, who raised $9,000", "the league, which has
                    # 30 teams"; not "the raid, which killed four", where the place or
                    # event before the comma holds no one's dead
                    v -= 1
                if s.words[v] == ")":
                    while v > floor and s.words[v] != "(":
                        v -= 1
                    v -= 1
            left = self._np_left(s, v + 1, floor) if v >= floor else None
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
            # phrases are places: "a shooting at a Varnholm club that left 50 people dead"
            deadly = verb in sd.leaving or verb_role is not None
            joint = -1  # the preposition that joins a phrase to the subject's noun
            while left and (deadly or not relative) and steps < 3:
                p = left[0] - 1
                if p > floor and s.lows[p] in _INDEFINITE:
                    p -= 1  # the article _np_left leaves out of what it shows
                if (
                    p > max(floor, 0)
                    and not relative
                    # not the subject of a clause of "with": "with the town having 9 mm"
                    and not verb.endswith("ing")
                    and self._joins(s, p, left[1])
                ):
                    # "exports to Tuvaland fell": the exports to Tuvaland; "shares of
                    # Orvex and Tuvacorp rose": both names' shares
                    joined = self._np_left(s, p, floor)
                    if joined is None:
                        break
                    b = s.lows[joined[0] - 1] if joined[0] > 0 else ""
                    if (
                        s.lows[p] == "and"
                        and b in self.lex.function_words
                        and b not in self._pp_words
                        and b not in self._verbs
                        and b not in self._clause_bounds
                    ):
                        # a name after a preposition of its own: "40 miles off Varnholm and
                        # the Orvex was 6 miles away" joins no names
                        break
                    if s.lows[p] != "and":
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
                if p <= floor or s.lows[p] not in self._pp_words:
                    break
                before = self._np_left(s, p, floor)
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
                left, v = before, p - 1
                steps += 1
            if (
                left
                and s.words[k] == ","
                and s.words[left[1]].islower()  # not a name: "fallers were Orvex, down 5p"
                and self._complement(s, left[0], floor)
            ):
                left = None  # "shares have been strong, up 5%": the shares', not "strong"
            if kind in ("count", "number"):
                role = verb_role  # "killed more than 2,000", "injured 53"
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
                if (
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
                    if left[1] < joint <= v and holder is None:
                        # the key names the noun and what its phrase joins: "export|to
                        # tuvaland", apart from "export|from tuvaland" and "tuvaland"
                        head = self.head_of(s, left[1], joint)
                        cls, mods = self._joined_class_mods(s, left[1], joint, v + 1, head)
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
            and k == i - 1
            and k >= floor
            and s.lows[k] not in self.sd.clause_coordinators  # "from Tuvaland and 13 miles"
        ):
            left = self._np_left(s, i, floor)  # a name right before: "Stoxx 50 -1.3%"
            if left and s.words[left[1]][0].isupper() and (left[1] > 0 or i - left[1] > 1):
                text, head, holder, where = self._possessive(s, left[0], left[1], i)
                head_index = i - 1
        if holder is None and kind == "count" and text is not None:
            holder = self._bracketed_name(s, i, floor)  # "Lena (45-2, 30 KOs)": Lena's
        if kind == "count" and role is None and text is not None:
            # "2,000 people were killed", "53 people died"; not past a comma when the next
            # figure follows: in "hurt four guards, killing one" the role is the one's
            role = self._role_after_aside(s, scope_from)
            if role is None:
                stop = min(scope_from + 3, limit)
                for t in range(scope_from, stop):
                    if s.lows[t] in _NEW_PREDICATE:  # "seized 300 rifles and arrested 12"
                        stop = t
                        break
                    if not s.lows[t][0].isalnum():
                        if limit <= t + 3:
                            stop = t
                        break
                role = self._role(s, scope_from, stop)
            if role is None and scope_from < limit and s.lows[scope_from] in ("who", "whom"):
                # "the 10 rowers who trained in Tuvo": a group the relative clause picks out,
                # some of the rowers, keyed as a part; its role may stand further in
                t = scope_from + 1
                while t < min(scope_from + 7, limit) and s.words[t][0].isalnum():
                    t += 1
                role = self._role(s, scope_from + 1, t)
                part = part or role is None
        elif kind == "number" and text is None and j < limit:
            role = self._role(s, j, j + 1)  # "53 wounded", "2,000 dead"
            if role:
                text = head = s.words[j]
                where = (s.starts[j], s.ends[j])
                scope_from = j + 1

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
                # before a preposition are not the head's ("prices of crude oil" is oil|crude)
                cls, mod_words = self._text_class_mods(text, head)
                mods = list(mod_words)
                for t in range(len(mods) - 1, -1, -1):
                    if mods[t] in self.lex.function_words:
                        del mods[: t + 1]
                        break
        if role:
            noun = cls or head
            if kind == "count" and head_index >= 0 and noun and noun not in sd.role_plain:
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
        if pre_scope is not None:
            scope.insert(0, pre_scope)
        at = where if where is not None else (None, None)
        subject = Reading(text, head, tuple(scope), holder, at[0], at[1])
        return Attached(subject, cls, tuple(mods), head_index, part, unlocated, kind_of, unheld)

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

    def _joined_class_mods(
        self, s: Sentence, start: int, joint: int, end: int, head: str
    ) -> tuple[str, list[str]]:
        """The key's class and modifiers for the noun phrase at ``start:joint`` with the
        phrase its preposition at ``joint`` joins, up to ``end``: "exports to Tuvaland" ->
        ("export", ["to", "tuvaland"])."""
        cls, mod_words = self._text_class_mods(s.span(start, joint), head)
        joins = s.lows[joint:end]
        return cls, [*mod_words, *(w for w in joins if w not in self.sd.skip_modifiers)]

    def _joins(self, s: Sentence, p: int, start: int) -> bool:
        """Whether token ``p``, before the noun phrase at ``start``, joins that phrase to
        the one before it: a joining preposition ("exports to Tuvaland"), or "and"
        between two names ("Orvex and Tuvacorp")."""
        low = s.lows[p]
        if low == "and":
            return s.words[p - 1][0].isupper() and s.words[start][0].isupper()
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
        )

    def _owner(self, s: Sentence, np: tuple[int, int, int, int], pronoun: str) -> bool:
        """Whether the clause subject ``np`` can own what a possessive ``pronoun`` leads:
        not a time, nor a phrase led by a possessive pronoun ("its board"), nor someone's
        thing for "his" or "her" (in "Lena's win ... her loss" the loss is Lena's), nor a
        lower-case plural for "its", "his" or "her"."""
        words, lows = s.words[np[1] : np[2]], s.lows[np[1] : np[2]]
        last = lows[-1]
        return not (
            all(low in self.sd.time_words for low in lows)
            or (pronoun in ("his", "her") and any(w in _POSSESSIVE for w in words))
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

    def _beside_verb(self, s: Sentence, i: int, h: int, verbs: frozenset[str]) -> bool:
        """Whether one of ``verbs`` stands right before the figure at token ``i`` or after
        its noun at token ``h``, past auxiliaries: "has claimed 600 lives", "60 lives were
        lost"."""
        if i > 0 and s.lows[i - 1] in verbs:
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

    @staticmethod
    def _past_restatement(s: Sentence, j: int, limit: int) -> int:
        """The token after a bracket that opens at token ``j`` and closes within eight
        tokens, holding a figure ("(1.9bn km)"), when a lower-case word follows it; else
        ``j``."""
        if j + 1 >= limit or s.words[j] != "(" or not s.words[j + 1][0].isdigit():
            return j
        for k in range(j + 2, min(j + 9, limit - 1)):
            if s.words[k] == "(":
                return j
            if s.words[k] == ")":
                return k + 1 if s.words[k + 1][0].islower() else j
        return j

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
        if not (s.words[j][0].islower() and self._sizes_next(s, j)):
            return False
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

    def _compass_word(self, low: str) -> bool:
        """A point of the compass, also as a hyphened compound ("north-northeast")."""
        return low in self.sd.compass or (
            "-" in low and all(part in self.sd.compass for part in low.split("-"))
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
            while b >= low_end and lows[b] not in bounds:
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
            if lows[c] in sd.clause_adverbials or _adverb(s, c):
                c = next((t + 1 for t in range(c + 1, i) if s.words[t] == ","), i)
                continue
            break
        if c >= i or lows[c] in sd.clause_no_subject:
            return None
        if lows[c] in sd.clause_pronouns:
            if not follow or b <= 0:
                return None
            before = self.clause_subject(s, b, busy, False)
            if before:
                before = (*before[:3], c + 1)  # the pronoun's own predicate follows it
            if (
                before
                and lows[c] in sd.clause_personal_pronouns
                and not all(w[0].isupper() for w in s.words[before[1] : before[2]])
            ):
                return None  # "he" stands for a name
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
        if end + 1 < i and lows[end] == "of":  # "the price of gold"
            more = self._np_right(s, end + 1, i)
            if more and not _overlaps(more[1], more[2], busy):
                end = more[2]
        if all(low in sd.time_words or _YEAR.match(low) for low in lows[start:end]):
            return None  # "Last year, ..." is when, not what
        return display, start, end, end

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

    def _class_and_modifiers(self, text: str, head: str) -> tuple[str, tuple[str, ...]]:
        """A noun phrase's synonym class (else its head) and the words before it, for the
        key: "Harbor Tech shares" -> ("share", ("harbor", "tech"))."""
        words = [w.lower() for w in _TOKEN.findall(text) if w[0].isalnum()]
        cls, used = self._class(words)
        if cls is None:
            cls, used = head, len(head.split())
        return cls, self._modifiers(words, used)

    def _modifiers(self, words: Sequence[str], used: int) -> tuple[str, ...]:
        """The words of a phrase before the ``used`` words of its class or head, less
        those that say nothing of what is counted ("more", "the", ...)."""
        return tuple(
            w for w in words[: max(len(words) - max(used, 1), 0)] if w not in self.sd.skip_modifiers
        )

    def _object(
        self, s: Sentence, start: int, i: int, busy: _Busy, after: int
    ) -> tuple[int, int, int] | None:
        """The object between a clause's subject (ending at token ``start``) and the figure
        at tokens ``i:after``, which the figure is then of: "spotted a sinkhole about four
        metres wide", "sold the unit for $5 million", "pulled the index 1.2% lower". The last
        one opened by a determiner, not a time ("for the first quarter") nor a word right
        before the figure ("a record $4")."""
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
            np = self._np_right(s, d, i)
            if np is None or _overlaps(np[1], np[2], busy):
                continue
            if np[2] >= i and not moved and (i >= s.n or not s.words[i][0].isalpha()):
                continue  # "a record $9 million"; not "a sinkhole about four metres wide"
            if np[2] >= i and lows[np[2] - 1] in self.sd.span_openers:
                continue  # "over the past two years": a span of time, not an object
            if self._scope_np(s, np[1], np[2], time_only=True):
                continue
            return np
        return None

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

    def _participle(self, s: Sentence, i: int) -> bool:
        """Whether the figure at token ``i`` follows a participle that continues its clause:
        "..., having increased by $4 billion", "after sliding 30%", "..., paying $5 million"."""
        k = i - 1
        while k > 0 and s.lows[k] in _BEFORE_FIGURE:
            k -= 1
        if k < 1:
            return False
        if s.lows[k - 1] == "having":
            return True
        low = s.lows[k]
        if not (low.endswith("ing") and len(low) > 5 and s.words[k].islower()):
            return False
        return s.lows[k - 1] in _PARTICIPLE_OPENERS or s.words[k - 1] == ","

    def _holds(self, s: Sentence, start: int, end: int) -> bool:
        """Whether the verb of a clause, at token ``start`` past auxiliaries and adverbs,
        makes the clause's subject hold the count at token ``end``: "the clinic has
        carried out 300 transplants", not "the guard shot four" or "rescuers reached the
        five" (an object opened by a determiner is another's)."""
        lows = s.lows
        t = start
        while t < end:
            if (lows[t] in self.sd.auxiliaries and lows[t] not in self._verbs) or _adverb(s, t):
                t += 1
            elif lows[t] in ("on", "in") and t + 1 < end and lows[t + 1] in self.sd.time_words:
                t += 2  # "Orvex on Monday hired 40"
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
                    and not _adverb(s, k)
                    and (k == t + 1 or low not in self.sd.passive_holding)
                    and not (k + 1 < end and lows[k + 1] in self.sd.time_words)  # "on Friday"
                ):
                    return False
        return t < end and lows[t] in self._verbs and lows[t + 1] not in _DETERMINERS

    def _verbish(self, s: Sentence, k: int) -> bool:
        """Whether token ``k`` may be the verb of a relative clause ("that *can* go")."""
        low = s.lows[k]
        if low in self._verbs or low in self.sd.auxiliaries or _adverb(s, k):
            return True
        return s.words[k][0].islower() and low.endswith(("s", "ed")) and low not in _DETERMINERS

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
        while v > floor and steps < 3 and (s.lows[v] in sd.auxiliaries or _adverb(s, v)):
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
    def _past_ing(s: Sentence, end: int, limit: int) -> int:
        """``end``, or one past it when a lower-case -ing word follows the noun phrase
        there: "in brisk trading" is a time as "in the session" is."""
        if end < limit and s.lows[end].endswith("ing") and s.words[end][0].islower():
            return end + 1
        return end

    def _placeish(self, s: Sentence, start: int, end: int) -> bool:
        sd = self.sd
        return any(
            s.words[t][0].isupper()
            or s.lows[t] in sd.place_nouns
            or s.lows[t] in sd.time_words
            or _YEAR.match(s.words[t]) is not None
            for t in range(start, end)
        )

    def _scope(self, s: Sentence, i: int, limit: int) -> list[str]:
        """Prepositional and verbal scope phrases from token ``i`` to the clause's end."""
        sd = self.sd
        out: list[str] = []
        steps = 0
        words = self._scope_words
        next_to = i  # where a phrase right after the figure's or the last phrase starts
        while i < limit and steps < 16:
            steps += 1
            w = s.words[i]
            low = s.lows[i]
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
            if low in sd.scope_prepositions or low in sd.time_prepositions:
                np = self._np_right(s, i + 1, limit)
                if np is None and i + 1 < limit and _YEAR.match(s.words[i + 1]):
                    np = (i + 1, i + 1, i + 2)
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
                    out.append(s.span(i, end))
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
                if low in sd.time_prepositions and low not in sd.scope_prepositions:
                    break  # "fell 5% over the month": anything after is another clause
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

    def _scope_np(self, s: Sentence, start: int, end: int, time_only: bool) -> bool:
        sd = self.sd
        for t in range(start, end):
            low = s.lows[t]
            if low in sd.time_words or _YEAR.match(low):
                return True
            if not time_only and (
                s.words[t][0].isupper() or low in sd.place_nouns or low in sd.event_nouns
            ):
                return True
        return False

    def _closer(self, s: Sentence, i: int, limit: int) -> int:
        for size in (2, 1):
            if i + size <= limit and tuple(s.lows[i : i + size]) in self.sd.closers:
                return i + size
        return i

    def is_time(self, phrase: str) -> bool:
        """Whether a scope phrase is about time ("this year", "in 2023", "during the raid")."""
        words = [_unpossessed(w.strip(".,").lower()) for w in phrase.split()]
        if words and (words[0] in self.sd.period_prepositions or words[-1] in self.sd.time_points):
            return True
        return any(w in self.sd.time_words or _YEAR.match(w) for w in words) and not any(
            w[:1].isupper() and _unpossessed(w.lower()) not in self.sd.time_words
            for w in phrase.split()[1:]
        )

    # -- a sentence --------------------------------------------------------------------
    def attach(
        self, s: Sentence, spans: Sequence[tuple[int, int, Quantity]]
    ) -> tuple[list[Subject], list[Derived]]:
        """Subjects for the figures of one sentence, and the relative figures found in it."""
        # each figure's first token and the token after it, looked up once
        starts = s.starts
        firsts = [bisect_left(starts, a) for a, _, _ in spans]  # as s.index_at
        afters = [bisect_left(starts, b) for _, b, _ in spans]
        limits = [*firsts[1:], s.n]
        floors = [0, *afters[:-1]]
        read = [
            self._read(s, firsts[f], afters[f], q, limits[f], floors[f])
            for f, (_, _, q) in enumerate(spans)
        ]
        self._members(s, spans, read, firsts, afters)
        self._listed_roles(s, spans, read, firsts, afters)
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
        for f, att in enumerate(read):
            text, mods, carried = att.subject.text, att.modifiers, False
            q = spans[f][2]
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
            if (
                text is None
                and subj.holder is None
                and f
                and self._restates(s, afters, firsts, read, f)
            ):
                before = subjects[f - 1]  # "rose 5% to $84 billion", "1.2 million, or 3%"
                if spans[f - 1][2].kind == "count":  # "shed 85 points, or 1.1%": the holder
                    subj = Reading(
                        None, None, subj.scope or before.scope, before.holder, None, None
                    )
                    att = att.but(att.subject, None, att.modifiers)
                else:
                    subj, att = _of_before(before, read[f - 1], att, subj.scope or before.scope)
                    text, mods, carried = subj.text, att.modifiers, True
                read[f] = att
            based = (
                f > 0
                and firsts[f] >= 2
                and s.lows[firsts[f] - 1] == "from"
                and s.lows[firsts[f] - 2] in _MOVES
                # "5.1 million tablets in 2024, up from 3.2 million": the count's noun
                and spans[f - 1][2].kind in (q.kind, "count" if q.kind == "number" else "")
                and subjects[f - 1].text is not None
            )
            # "900 cars in Varnholm and 400 in Tuvaland": 400 cars, the same holder's, in a
            # place of its own
            gapped = (
                f > 0 and text is None and self._gapped(s, spans, read, subjects, firsts, afters, f)
            )
            if based or gapped:
                # "61% of the price in shares, up from 40%": the earlier value of the figure
                # before, of its subject and holder, at a time of its own
                subj, att = _of_before(subjects[f - 1], read[f - 1], att, subj.scope)
                text, mods, carried = subj.text, att.modifiers, True
                if gapped:
                    att = Attached(subj, att.cls, mods, -1)  # its noun is found after all
                read[f] = att
            # without a place of its own ("300 flats for sale and 120 for rent") a gapped
            # count would share the count before's key though the two count apart
            gapped_alone = gapped and not any(
                not self.is_time(p) and p not in subjects[f - 1].scope for p in subj.scope
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
            if text is None and subj.holder is None and (level := self._level_of(s, firsts[f])):
                # "with inflation at 3%": the level of the phrase before "at"
                text, head, holder, where = self._possessive(s, *level)
                subj = Reading(text, head, subj.scope, holder, where[0], where[1])
                cls, mods = self._text_class_mods(text, head)
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
                        else self._object(s, np[2], firsts[f], busy, afters[f])
                    )
                    of_holder = None
                    if obj is not None and q.kind != "count":
                        obj, of_holder = self._object_of(s, obj, np[2])
                    text, head, holder, where = self._possessive(s, *(obj or np[:3]))
                    holder = holder or of_holder
                    subj = Reading(text, head, subj.scope, holder, where[0], where[1])
                    cls, mods = self._text_class_mods(text, head)
                    # "the 9-year-old.", "an 8 year old" name no one; "Lena died at age
                    # 61" names Lena
                    nominal = "-" in s.text[spans[f][0] : spans[f][1]] or (
                        firsts[f] > 0 and s.lows[firsts[f] - 1] in _ARTICLES
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
                    if not self.is_time(p) and s.text.find(p, s.starts[0], spans[f - 1][0]) >= 0
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
            if (
                f
                and q.kind == "measure"
                and spans[f - 1][2].kind == "measure"
                and spans[f - 1][2].unit != q.unit
                and not subjects[f - 1].scope
                and not subj.scope
                and firsts[f] == afters[f - 1] + 1
                and s.words[afters[f - 1]] == "("
                and afters[f] < limits[f]
                and s.words[afters[f]] == ")"
            ):
                # "55 km (34 miles) west of Varnholm": the place after the bracket is
                # both figures'
                places = tuple(self._scope(s, afters[f] + 1, limits[f]))
                subj = subj.but(places, subj.holder)
                s0 = subjects[f - 1]
                key = s0.key and self._keyed(
                    read[f - 1].cls, read[f - 1].modifiers, s0.holder, places
                )
                subjects[f - 1] = attrs.evolve(s0, scope=places, key=key)
            if _broken_decimal(s.text, spans[f][0]):
                keyed = False  # "4. 1GHz": the tail of "4.1GHz" or a list's item 1?
            if f and self._converts(s, spans[f - 1][2], q, afters[f - 1], firsts[f]):
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
                if f and subjects[f - 1].holder and self._restates(s, afters, firsts, read, f):
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
            if (
                subj.holder is None
                and q.kind != "count"
                and subj.start is not None
                and 0 < att.head_index + 2 == firsts[f]
                and s.lows[att.head_index + 1] == "of"
                and (np := self.clause_subject(s, firsts[f], busy, False)) is not None
                and self._named_actor(s, np, s.index_at(subj.start))
            ):
                # "Tuvaland can borrow for ten years at a rate of 1.4%": a phrase of "of" in
                # a name's clause is the name's, as in "Tuvaland's rate"
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
            if past:
                # a figure of some span before the report ("a sprint three weeks ago"):
                # relative dates are not resolved, so it is no figure of the story now
                keyed = False
            if (
                att.unlocated
                or att.kind_of
                or (
                    (q.kind == "number" or att.part or self._single(s, q, att))
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
            if self._time_point(s, q, afters[f]):
                keyed = False  # "eleven years ago" is a point in time, no figure of the subject
            if based:
                keyed = False  # an earlier value, at a time the key cannot tell apart
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
            if keyed and (text is not None or subj.holder is not None):
                key = self._keyed(att.cls, mods, subj.holder, scope, _EVER if cumulative[f] else "")
            else:
                key = None
            at = (None, None) if carried and text != subj.text else (subj.start, subj.end)
            subjects.append(new_subject(text, subj.head, scope, subj.holder, key, carried, *at))
        derived = self._relatives(s, spans, subjects, read, limits, afters[0] if spans else 0)
        return subjects, derived

    def _restates(
        self,
        s: Sentence,
        afters: Sequence[int],
        firsts: Sequence[int],
        read: Sequence[Attached],
        f: int,
    ) -> bool:
        """Whether figure ``f`` restates figure ``f - 1`` ("to", "or", "from" between);
        ``firsts`` and ``afters`` are each figure's first token and the token after it."""
        b = firsts[f]
        head = read[f - 1].head_index
        # past the noun the figure before sits on, unless that noun follows this figure:
        # "a 1.2 billion-mile (1.9bn km) journey"
        a = afters[f - 1] if head >= b else max(afters[f - 1], head + 1)
        if b - a > 4:
            return False
        return b > a and all(
            s.lows[t] in _RESTATING or s.lows[t] in self.sd.copulas for t in range(a, b)
        )

    def _members(
        self,
        s: Sentence,
        spans: Sequence[tuple[int, int, Quantity]],
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
            a, b = spans[f - 1][2], spans[f][2]
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
                spans[f][2].kind == "count"
                and r.head_index >= afters[f]
                and not r.part
                and (firsts[f] == 0 or s.lows[firsts[f] - 1] not in self.sd.clause_wholes)
                and self._elided(s, spans[f + 1][2], firsts[f + 1], afters[f + 1])
            ):
                read[f] = r.as_part(r.head_index)

    def _listed_roles(
        self,
        s: Sentence,
        spans: Sequence[tuple[int, int, Quantity]],
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
                spans[f][2].kind == "count"
                and spans[f + 1][2].kind == "count"
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

    @staticmethod
    def _single(s: Sentence, q: Quantity, att: Attached) -> bool:
        """Whether ``q`` counts one of a noun that nothing after it narrows: "one analyst
        said", "one bomb landed near the gate" name one of something, no total (a count
        of a named kind stays one: "one count of attempted theft")."""
        h = att.head_index
        return (
            q.kind == "count" and q.value == 1 and not (0 <= h < s.n - 1 and s.lows[h + 1] == "of")
        )

    def _named_actor(self, s: Sentence, np: tuple[int, int, int, int], object_at: int) -> bool:
        """Whether the clause subject ``np`` is a name whose verb follows it and leads to
        the phrase at token ``object_at`` with no comma or other name between: "Tuvaland
        can borrow at a rate of", not "Prices rose at a rate of" (one capitalised word
        opening the sentence is a name only when it is no plural)."""
        _, start, end, verb = np
        if end != verb and not (
            verb == end + 2 and s.words[end] == "," and s.lows[end + 1] in ("who", "which")
        ):
            return False  # "Orvex, which has", not the phrase before "told Varnholm Radio that"
        if not (verb < object_at <= verb + 10 and self._verbish(s, verb)):
            return False
        t = verb
        while t < object_at and s.lows[t] in self.sd.auxiliaries:
            t += 1
        if s.lows[t] in self.sd.containing:
            return False  # "the bill includes a fee of $9": a part of the bill
        if not all(w[0].isupper() for w in s.words[start:end]):
            return False
        if start == 0 and end == 1 and self.singular(s.lows[0]) != s.lows[0]:
            return False
        return not any(w[0].isupper() or not w[0].isalnum() for w in s.words[verb:object_at])

    def _gapped(
        self,
        s: Sentence,
        spans: Sequence[tuple[int, int, Quantity]],
        read: Sequence[Attached],
        subjects: Sequence[Subject],
        firsts: Sequence[int],
        afters: Sequence[int],
        f: int,
    ) -> bool:
        """Whether count ``f`` leaves out the noun of the count before it, which it
        follows after "and" or "or" with only that count's prepositional phrases between:
        "900 cars in Varnholm and *400* in Tuvaland", not "... and 400 were sold"."""
        q, before = spans[f][2], spans[f - 1][2]
        h = read[f - 1].head_index
        first, after = firsts[f], afters[f]
        if not (
            q.kind == "count"
            and before.kind == "count"
            and q.unit == before.unit
            and subjects[f - 1].text is not None
            and afters[f - 1] <= h < first - 1
            and read[f].head_index < 0
            and s.lows[first - 1] in _COORDINATING
        ):
            return False
        gap = range(h + 1, first - 1)
        if len(gap) > 6 or (gap and s.lows[gap[0]] not in self._pp_words):
            return False  # "300 flats were sold and 120": a clause of its own
        if any(s.lows[t] in self._finite or s.lows[t] in _CLAUSE_WORDS for t in gap):
            return False
        return after >= s.n or s.lows[after] in self._pp_words or not s.words[after][0].isalnum()

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
            and _joined(s, gap_start, gap_end, _RESTATED, _RESTATING_MARKS)
        )

    def _time_point(self, s: Sentence, q: Quantity, after: int) -> bool:
        """Whether ``q``, ending before token ``after``, is a span of time before a word of
        `time_points`, which makes it a point in time: "eleven years ago"."""
        return (
            q.kind == "measure"
            and q.unit in self.sd.time_words
            and after < s.n
            and s.lows[after] in self.sd.time_points
        )

    def _ago(
        self,
        s: Sentence,
        spans: Sequence[tuple[int, int, Quantity]],
        f: int,
        firsts: Sequence[int],
        afters: Sequence[int],
    ) -> tuple[str, ...]:
        """The time the figure after figure ``f`` names in the same clause, when it is a
        span of time before a word of `time_points`: "an 80-yard run in the derby two weeks
        ago" is a run of two weeks ago (``f`` is -1 for the first figure)."""
        after = afters[f + 1]
        if self._time_point(s, spans[f + 1][2], after) and not any(
            w in _CLAUSE_END or w in _CLAUSE_WORDS or w in _BASELINES or w.endswith("ed")
            for w in s.lows[afters[f] if f >= 0 else 0 : firsts[f + 1]]
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
            # "During the game's deciding 15-2 run, ...": a preposition that opens no clause
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
            return None
        phrase = s.span(0, np[2])
        if self.is_time(phrase):
            if first in sd.period_prepositions or self._scope_np(s, np[1], np[2], True):
                return phrase
            return None
        if first in sd.scope_prepositions and self._placeish(s, np[1], np[2]):
            return phrase
        return None

    def _time_pair(self, s: Sentence, t: int, limit: int) -> bool:
        """Whether tokens ``t`` and ``t + 1``, before ``limit``, are a `[scope]
        time_openers` word and a word of time: "last year", "this week"."""
        return (
            t + 1 < limit
            and s.lows[t] in self.sd.time_openers
            and s.lows[t + 1] in self.sd.time_words
        )

    def _time_lead(self, s: Sentence, c: int, i: int) -> int:
        """When a time phrase opens the clause at token ``c`` with no comma after it ("Last
        year Tuvaland exports fell", "So far this year Orvex shares have"), the token
        after it; else ``c``. The phrase is a `_time_pair` other than "a ...", maybe after
        "so far"; a name, a determiner or a possessive must follow it ("This year marks
        the 50th anniversary" is about the year)."""
        sd = self.sd
        lows = s.lows
        t = c
        if t + 1 < i and lows[t] == "so" and lows[t + 1] == "far":
            t += 2
        if t >= i or lows[t] in _ARTICLES or not self._time_pair(s, t, i):
            return c
        t += 2
        if t >= i:
            return c
        nxt = s.words[t]
        if (
            lows[t] in _DETERMINERS
            or lows[t] in sd.clause_possessive_pronouns
            or (nxt[0].isupper() and lows[t] not in sd.clause_pronouns)
        ):
            return t
        return c

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
                cls or "",
                " ".join(modifiers).replace("-", ""),  # "e-mail" and "email" meet
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
        key = self._key(cls, modifiers, holder, scope, "")
        if cls in self.sd.generic_classes and key.startswith(f"{cls}||"):
            # nor does a holder alone: "Lena threw three touchdowns" may be one game's or
            # a season's, nor a party's scope ("59 passes for the Varnholm Owls")
            places = tuple(
                p for p in scope if not (self._group_phrase(p) or self._lacking_phrase(p))
            )
            if self._key(cls, modifiers, holder, places, "").endswith("|"):
                return None
        return self._key(cls, modifiers, holder, scope, period) if period else key

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
        while t > 0 and steps < 3 and (s.lows[t] in self.sd.perfect_adverbs or _adverb(s, t)):
            t -= 1
            steps += 1
        return s.lows[t] in self.sd.perfect_auxiliaries

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
        if self._lacking_phrase(phrase):
            # what is lacked, however put: "without the possibility of parole", "lacking
            # parole" are "without parole"
            lacked = [w for w in phrase.lower().split() if w in self.sd.lacked]
            return " ".join(("without", *lacked))
        if self._group_phrase(phrase):
            # "for Tuvacorp" names a party, never the place Tuvacorp
            first, _, rest = phrase.partition(" ")
            return f"{first.lower()} {_normal(rest, self._scope_drop)}"
        if " of " in phrase and self._compass_word(phrase.split(" ", 1)[0].lower()):
            phrase = phrase.split(" of ", 1)[1]
        place = _normal(phrase, self._scope_drop)
        kind, of, name = place.partition(" of ")
        *before, last = kind.split(" ")
        # "in the town of Varnholm", "the northern port city of Varnholm" are "varnholm";
        # "the capital city of Tuvaland" is not Tuvaland
        if of and name and last in self.sd.named_by_of and self.sd.place_nouns.isdisjoint(before):
            return name
        return place

    def _relatives(
        self,
        s: Sentence,
        spans: Sequence[tuple[int, int, Quantity]],
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
            while f + 1 < len(spans) and s.starts[t] >= spans[f + 1][0]:
                f += 1
            if s.starts[t] < spans[f][1]:
                continue
            for size in range(self._relative_max, 0, -1):
                spec = rel.get(tuple(s.lows[t : t + size]))
                if spec is not None:
                    break
            else:
                continue
            e = t + size
            q = spans[f][2]
            ok = e < s.n and (
                (s.lows[e] == "of" and e + 1 < s.n and s.lows[e + 1] in _REFERRING)
                or (
                    s.words[e][0].islower()
                    and (s.lows[e].endswith("ed") or s.lows[e] in self.sd.copulas)
                )
            )
            if ok and q.kind == "count" and subjects[f].text is not None:
                share = _share(q, spec)
                if share.interval.is_empty:
                    continue  # "0 troops, most were here": no number is most of none
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


_MOVES: Final = frozenset(("up", "down", "higher", "lower", "off"))
# tokens a clause never runs across, and how far back its start is looked for
_CLAUSE_STOPS: Final = _CLAUSE_END - frozenset(",.!?")
_CLAUSE_REACH: Final = 40


# the figures of a sentence: their first tokens and the tokens after them, in order
_Busy = tuple[Sequence[int], Sequence[int]]


def _overlaps(start: int, end: int, busy: _Busy) -> bool:
    """Whether tokens ``start:end`` take in any of the ``busy`` figures: the last figure
    that starts before ``end`` is the only one that can reach past ``start``."""
    firsts, afters = busy
    g = bisect_left(firsts, end) - 1
    return g >= 0 and afters[g] > start


_RESTATING: Final = frozenset(("to", "from", "or", "and", ",", "(", ")", "at", "of", "a", "an"))
_REFERRING: Final = frozenset(
    ["them", "those", "these", "whom", "which", "the", "its", "their", "his", "her", "our"]
)


# what may stand between figures listed before one noun ("the 5.9 and 6.3 magnitude
# quakes"), and between a sum and its restatement in another currency ("40 million
# euros ($47 million)"); each gap needs one of the words after it
_LISTING: Final = frozenset(("and", "or", ","))
_JOINED_VERB_WORDS: Final = frozenset(("also", "another", "further"))
_COORDINATING: Final = frozenset(("and", "or"))
_RESTATED: Final = frozenset(("(", ",", "or"))
_RESTATING_MARKS: Final = frozenset(("(", "or"))


def _joined(
    s: Sentence, start: int, end: int, allowed: frozenset[str], needed: frozenset[str]
) -> bool:
    """Whether tokens ``start:end`` are only ``allowed`` words, one of them ``needed``."""
    gap = s.lows[start:end]
    return all(low in allowed for low in gap) and not needed.isdisjoint(gap)


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


def _participle_like(low: str) -> bool:
    """Whether a lower-case word ends like a participle ("injuring", "seized")."""
    return len(low) > 4 and low.endswith(("ing", "ed"))


def _of_before(
    before: Subject, prev: Attached, att: Attached, scope: tuple[str, ...]
) -> tuple[Reading, Attached]:
    """The reading of a figure that is of the figure before's subject and holder ("rose 5%
    to $84 billion", "up from 40%"), with ``scope``, and ``att`` with that figure's class
    and modifiers."""
    subj = Reading(before.text, before.head, scope, before.holder, before.start, before.end)
    return subj, att.but(att.subject, prev.cls, prev.modifiers)


def _unpossessed(word: str) -> str:
    """``word`` without a possessive ending: "thursday's" -> "thursday"."""
    return word[:-2] if word[-2:] in _POSSESSIVE else word


def _adverb(s: Sentence, i: int) -> bool:
    w = s.words[i]
    return w[0].islower() and len(w) > 4 and w.endswith("ly")


def _normal(phrase: str | None, drop: frozenset[str]) -> str:
    if not phrase:
        return ""
    words = [w.lower().strip(".,") for w in _TOKEN.findall(phrase)]
    return " ".join(w for w in words if w and w[0].isalnum() and w not in drop)


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
