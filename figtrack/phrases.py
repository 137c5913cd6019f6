"""Phrases: the tokens of a sentence, the noun phrases around a figure, and words of time.

The bottom layer of the subject reader (``docs/subjects.md``): `Sentence` splits a
sentence into word and mark tokens with their offsets; `Phrases` holds the lexicon's
subject words and reads what the layers above build on: where a noun phrase starts and
ends, the class its head noun names, whether a token is a word of time. `figtrack.scopes`
reads scope phrases and keys on it, `figtrack.clauses` clause subjects and holders, and
`figtrack.subjects` attaches a subject to every figure.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate
from typing import Final

from figtrack.lexicon import Lexicon

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
        "whilst",
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
_ADJECTIVE_ARTICLES: Final = _ARTICLES - {"these", "those"}
_INDEFINITE: Final = frozenset(("a", "an"))
# determiners kept at the front of a subject or holder as written ("the company")
_SHOWN_DETERMINERS: Final = _DETERMINERS - _INDEFINITE
# the words that join two adjectives of one noun: "marine and terrestrial sediments"
_ADJECTIVE_JOINERS: Final = frozenset(("and", "or"))
_POSSESSIVE: Final = frozenset(("'s", "’s"))
#: age markers that end a noun phrase before its age and open a group's age scope: "people
#: aged 18 to 34" (the phrase, the scope and its key all read these)
_AGE_PARTICIPLES: Final = frozenset(("aged", "ages"))
# prepositions that are adverbs too, after which a participle is a verb: "has since
# increased output", "had never before posted"
_ADVERB_PREPOSITIONS: Final = frozenset(("since", "before", "about", "around", "up", "down"))
_APOSTROPHES: Final = frozenset(("'", "’"))
_NOT_VERB_OPENERS: Final = frozenset(("not", "never", "just"))  # auxiliaries' adverbs
_PARTICLES: Final = frozenset(("up", "off", "out", "down", "back"))  # "starts off at $999"
# words between a verb and its figure: "rose by 5%", "fell to just 40 km/h"
_BEFORE_FIGURE: Final = frozenset(
    ("at", "to", "by", "from", "some", "another", "of", "just", "only", "even", "nearly")
)
# words before a participle that continues a clause ("after sliding 30%")
_PARTICIPLE_OPENERS: Final = frozenset(
    ("having", "after", "before", "while", "whilst", "when", "since", "by")
)
_PARTITIVE: Final = frozenset(
    ("the", "these", "those", "them", "its", "their", "his", "her", "our")
)
_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d\Z")
_SEASON_WORD: Final = re.compile(r"(?:1[89]|20)\d\d/\d\d?(?:\d\d)?\Z")  # "1985/86"


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
        if whole and window.find(" -", 0, _DATELINE_CHARS) >= 0:
            self._dateline()
        if "'" in window or "’" in window:
            self._plural_possessives()
        if "US" in window and not window.isupper():
            # "in the US", "US sales": the country, read as "U.S." is, not the pronoun
            # "us" (unless the whole text is in capitals: "HELP US"); before a number it
            # is the amount's currency ("US 40 cents")
            lows, words = self.lows, self.words
            for t, w in enumerate(words):
                if w == "US" and not (t + 1 < self.n and words[t + 1][0].isdigit()):
                    lows[t] = "u.s."

    def _plural_possessives(self) -> None:
        """Read an apostrophe glued to a word in -s, with a space and a word after it, as
        a possessive's "'s" ("the workers' pay" is the workers' as "Orvex's pay" is
        Orvex's), unless an apostrophe opened a quote before it ("the 'yes' votes")."""
        words, starts, ends = self.words, self.starts, self.ends
        if not self.whole:
            return  # a window may start inside a quote
        quoted = False
        for t in range(self.n - 1):
            w = words[t]
            if w == "‘" or (
                w in _APOSTROPHES
                and ends[t] == starts[t + 1]
                and (t == 0 or starts[t] > ends[t - 1] or not words[t - 1][-1].isalnum())
            ):
                quoted = True  # an opening quote: "the 'yes' votes", "a ‘homes for heroes’ fund"
            elif (
                t > 0
                and w in _APOSTROPHES
                and not quoted
                and ends[t - 1] == starts[t]
                and starts[t + 1] > ends[t]
                and words[t - 1][-1] in "sS"
                and words[t - 1].isalpha()
                and words[t + 1][0].isalpha()
            ):
                words[t] = self.lows[t] = "'s"

    def _dateline(self) -> None:
        """Read the spaced hyphen that ends a dateline ("VARNHOLM, March 4 - Tuvaland
        said ...", "VARNHOLM (Reuters) - ...") as a dash, which ends a clause: the place is
        not the subject of what follows. A dateline holds only capitalised words, numbers,
        commas, dots and brackets, and opens with a word in capitals or has a comma or a
        bracket ("Varnholm, March 4 -"); not a name set off by dashes ("Lena Ortiz - a
        rival - said")."""
        words, starts, ends = self.words, self.starts, self.ends
        for t in range(1, min(self.n - 1, _DATELINE_TOKENS)):
            w = words[t]
            if w == "-" or w == "--":
                if (
                    starts[t] > ends[t - 1]
                    and starts[t + 1] > ends[t]
                    and (
                        (words[0].isupper() and len(words[0]) > 1)
                        or any(x in "(," for x in words[1:t])
                    )
                ):
                    self.lows[t] = "—"
                return
            if not (w[0].isupper() or w[0].isdigit() or w in _DATELINE_MARKS):
                return

    def index_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def span(self, i: int, j: int) -> str:
        """The text from token ``i`` to token ``j - 1``."""
        return self.text[self.starts[i] : self.ends[j - 1]]


# a dateline's length at most, in characters and in tokens, and its marks
_DATELINE_CHARS: Final = 80
_DATELINE_TOKENS: Final = 14
_DATELINE_MARKS: Final = frozenset(",.()")

# tokens a clause never runs across, and how far back its start is looked for
_CLAUSE_STOPS: Final = _CLAUSE_END - frozenset(",.!?")


def _unpossessed(word: str) -> str:
    """``word`` without a possessive ending: "thursday's" -> "thursday"."""
    return word[:-2] if word[-2:] in _POSSESSIVE else word


# initials written with dots: "u.s.", "u.k", "a.m."
_INITIALS: Final = re.compile(r"(?<![\w.])[a-z](?:\.[a-z])+\.?(?![\w.])")


def _us(word: str, capitals: bool) -> str:
    """``word`` in lower case, but "US" as "u.s." when the text is not all capitals."""
    return "u.s." if word == "US" and not capitals else word.lower()


def undotted(text: str) -> str:
    """``text`` with the dots of initials dropped, so that "U.S." and "US" meet.

    >>> undotted("u.s. sales|u.k")
    'us sales|uk'
    """
    if "." not in text:
        return text
    return _INITIALS.sub(lambda m: m.group().replace(".", ""), text)


def _normal(
    phrase: str | None,
    drop: frozenset[str],
    title: Callable[[Sequence[str], int], bool] | None = None,
) -> str:
    """The lower-case words of ``phrase`` less those in ``drop``, but for a letter glued
    to the digits of a name ("the A4 road" -> "a 4 road"), and less the titles before a
    name that ``title`` tells ("Sen. Ortiz" -> "ortiz")."""
    if not phrase:
        return ""
    found = list(_TOKEN.finditer(phrase))
    tokens = [m.group() for m in found] if title is not None else []
    words = []
    for n, m in enumerate(found):
        w = m.group().lower().strip(".,")
        if not w or not w[0].isalnum():
            continue
        if "." in w and _INITIALS.fullmatch(w):
            w = w.replace(".", "")  # "U.S." is "us", as "US" is
        if title is not None and title(tokens, n):
            continue
        if w in drop and not (
            n + 1 < len(found) and found[n + 1].start() == m.end() and phrase[m.end()].isdigit()
        ):
            continue
        words.append(w)
    return " ".join(words)


class Phrases:
    """Reads noun phrases and words of time in a `Sentence`, with the words of a
    `Lexicon` (its ``subjects`` table)."""

    def __init__(
        self, lex: Lexicon, singular: Callable[[str], str], entities: Mapping[str, str]
    ) -> None:
        self.lex = lex
        self.sd = lex.subjects
        self.singular = singular
        self.entities = entities  # unit name -> its entity ("foot" -> "length")
        sd = self.sd
        self._verbs = sd.copulas | sd.holding
        # the last words of vague magnitudes: "hundreds" (of miles)
        self._vague_last = frozenset(k.rsplit(None, 1)[-1] for k in lex.vague)
        self._skippable = (
            sd.auxiliaries
            | sd.perfect_adverbs  # "Orvex has so far employed 9,000"
            | sd.clause_reflexives  # "the bridge itself is 40 metres long"
            # "further": "has been further increased to 900"
            | frozenset(
                (
                    "to",
                    "set",
                    "been",
                    "being",
                    "is",
                    "are",
                    "was",
                    "were",
                    "be",
                    "expected",
                    "further",
                )
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
            | sd.clause_reflexives  # "the index itself has risen"
            | sd.clause_thinking  # "I think interest rates may fall"
            # and their forms in -s, no nouns either: "Orvex expects sales to rise 9%"
            | frozenset(w + "s" for w in sd.clause_thinking)
            | frozenset(_CLAUSE_WORDS)
        )
        self._role_classes = frozenset(sd.roles.values())
        self._copula_ings = frozenset(w for w in sd.copulas if w.endswith("ing"))
        # words of a move before a figure ("up", "higher"): after an -ing move, no noun
        self._move_words = frozenset(k[0] for k in lex.trends_before if len(k) == 1)
        # "cars *sold* in Varnholm", "nurses *living* in Varnholm"
        self._living = frozenset(w for w in sd.place_verbs if w.endswith("ing"))
        self._reduced_words = sd.holding | sd.events | self._living
        # verbs that are nouns or adjectives too, tested on every token of a phrase
        self._plural_verbs = sd.plural_verbs  # "Prices start at $30"
        self._group_verbs = sd.group_verbs  # "20% of adults smoke"
        self._adjectives_too = sd.adjectives_too  # "in total group sales"
        self._clause_bounds = (
            _CLAUSE_STOPS
            | sd.clause_openers
            | sd.clause_thinking
            | sd.clause_relatives
            | sd.clause_coordinators
        )
        self._pp_words = sd.scope_prepositions | sd.time_prepositions
        # every preposition the data names ("in", "on", "for", "without", "with", "of")
        self._prepositions = (
            self._pp_words
            | sd.group_prepositions
            | sd.lacking_prepositions
            | sd.joining
            | frozenset(("of",))
        )
        self._says = sd.clause_openers | sd.clause_thinking  # "added that ..."
        self._to_or_modal = sd.modals | {"to"}
        self._number_words = lex.number_words  # a property that builds its set each time
        # the first words of units written before their number: "magnitude" (4.6)
        self._units_first = frozenset(u.split()[0].lower() for u in lex.units_before)
        # a dimension or property (singular): "the depth", "the mean diameter"
        self._measure_nouns = sd.dimension_nouns | sd.property_nouns
        # the nouns that head a verb's subject before "of": "the price of oil" is a price
        self._of_heads = sd.of_heads | self._measure_nouns
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
        # nouns of change after a figure ("a 5% rise"), from trends.toml, and those with
        # no direction ("a 40 basis point improvement")
        self._change_nouns = (
            frozenset(k[0] for k in lex.trends_after if len(k) == 1) | sd.change_nouns
        )
        self._appositive_ends = frozenset(p[-1] for p in sd.clause_appositives)
        self._dimension_names = frozenset(sd.dimensions.values()) | sd.dimension_nouns
        self._property_names = self._dimension_names | sd.property_nouns
        self._participle_nouns = sd.ing_nouns | sd.nouns_like_modifiers  # "spending", "speed"
        self._property_links = self._pp_words | {"at", "to"}  # "struck at a depth of"
        self._role_max = max((len(k) for k in sd.roles), default=1)
        self._class_max = max((len(k) for k in sd.classes), default=1)
        self._class_tails = frozenset(k[-1] for k in sd.classes if len(k) > 1)
        self._role_firsts = frozenset(k[0] for k in sd.roles)
        self._relative_max = max((len(k) for k in sd.relative), default=1)
        self._relative_first = frozenset(k[0] for k in sd.relative)
        self._relative_lasts = frozenset(k[-1] for k in sd.relative)  # "half", "majority"
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
            self._holder_name
        )
        # and so do subject texts: `_text_class` of hashable arguments, worked out once
        self._text_class: Callable[[str], str | None] = functools.lru_cache(maxsize=4096)(
            self._class_of_text
        )
        self._text_class_mods: Callable[[str, str], tuple[str, tuple[str, ...]]] = (
            functools.lru_cache(maxsize=4096)(self._class_and_modifiers)
        )

    def _holder_name(self, holder: str) -> str:
        """A holder as the key holds it: without determiners and titles, and a place by
        its name in `[place_names]` ("the United States" -> "us")."""
        name = _normal(holder, _DETERMINERS, self.title_at)
        return self.sd.place_names.get(name, name)

    # -- words -------------------------------------------------------------------------
    def _plural_verb(self, s: Sentence, i: int) -> bool:
        """Whether token ``i``, a word of `[verbs] plural_verbs`, is a verb: right after a
        lower-case plural noun and before a figure (a digit, a number word, a currency
        sign) or a word of `plural_verbs_before` ("Prices start at $30", "Wages average
        $30 an hour"); not "the price range", "a fresh start"."""
        if i == 0 or i + 1 >= s.n:
            return False
        before, low, after = s.words[i - 1], s.lows[i - 1], s.words[i + 1]
        return (
            before.isalpha()
            and (before.islower() or (i == 1 and before[1:].islower()))  # "Prices start"
            and low not in self.lex.function_words
            and self.singular(low) != low
            and (
                s.lows[i + 1] in self.sd.plural_verbs_before
                or after[0].isdigit()
                or unicodedata.category(after[0]) == "Sc"
                or s.lows[i + 1] in self._number_words
            )
        )

    def _group_verb(self, s: Sentence, i: int) -> bool:
        """Whether token ``i``, a word of `[verbs] group_verbs`, is a verb: right after a
        plural noun that is no function word (or a collective: "staff") in a phrase "of" or
        "in" opens (a share's group), and before no word a noun phrase could go on with (a
        word in -ly, a function word other than "of", a capitalised word, a stop or a
        number): "20% of adults smoke daily", "one in five workers use the bus", "45% of
        voters back Lena"; not "the sports drink market", "the use of"."""
        if i == 0:
            return False
        before, low = s.words[i - 1], s.lows[i - 1]
        if not (
            s.words[i].islower()  # "Bankers Trust": a name
            and before.isalpha()
            and before[1:].islower()
            and low not in self.lex.function_words
            and (self.singular(low) != low or low in self.sd.joined_collectives)  # "staff"
        ):
            return False
        # only in the group a share is "of" (or "in", after a ratio): "28% of Varnholm
        # adults smoke", "one in five workers use"; not "the poll shows support", "its
        # sports drink", "drugs use in prisons"
        j = i - 1
        while (
            j > 0
            and i - j < 5
            and s.words[j - 1].isalpha()
            and s.lows[j - 1] not in self.lex.function_words
        ):
            j -= 1
        if j == 0 or s.lows[j - 1] not in ("of", "in", "every"):
            return False
        if i + 1 >= s.n:
            return True
        nxt, after = s.lows[i + 1], s.words[i + 1]
        return (
            not after[0].isalpha()
            or after[0].isupper()  # "voters support Lena"
            or (nxt != "of" and (nxt in self.lex.function_words or nxt.endswith("ly")))
        )

    def _before_noun(self, s: Sentence, j: int) -> bool:
        """Whether token ``j``, after a word that may be an adjective, is a lower-case word
        a noun phrase goes on with: no verb, number word, move ("exports soaring up
        35%") nor adverb in -ly."""
        nxt = s.lows[j]
        return (
            s.words[j].isalpha()
            and s.words[j].islower()
            and nxt not in self._not_np
            and nxt not in self._number_words
            and nxt not in self._move_words
            and not nxt.endswith("ly")
        )

    def _adverb(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` is an adverb in -ly: not a noun that ends so ("family",
        "assembly"; [subjects] ly_nouns)."""
        w = s.words[i]
        return (
            w[0].islower() and len(w) > 4 and w.endswith("ly") and s.lows[i] not in self.sd.ly_nouns
        )

    def _np_word(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` may be part of a noun phrase."""
        w = s.words[i]
        if not w[0].isalpha():
            # a one-digit name ("5G data", "3D printers"; `name_suffixes`) before its noun
            return (
                w[0].isdigit()
                and w[1:] in self.lex.name_suffixes
                and i + 1 < s.n
                and s.words[i + 1].isalpha()
                and s.words[i + 1].islower()
                and s.lows[i + 1] not in self.lex.function_words
            )
        low = s.lows[i]
        if self._contraction(s, i):
            return False  # "I'm", "they've"
        if (
            low in self.sd.bare_moves
            and i > 0
            and s.lows[i - 1] in self._to_or_modal
            and s.words[i - 1].islower()  # "The May increase": the month
        ):
            return False  # "is set to grow by 11%", "will decline to $9": a verb
        if low in self._plural_verbs and self._plural_verb(s, i):
            return False  # "Prices start at $30": a verb
        if low in self._group_verbs and self._group_verb(s, i):
            return False  # "20% of adults smoke": a verb
        if low in self._not_np:
            if self._month_name(s, i):
                return True  # "in May": the month, not the verb
            if low in self.sd.time_words and i > 1 and s.lows[i - 1] in self.sd.time_words:
                # "the (coming) fiscal year": the year's noun, not "5% a year"
                j = i - 2
                while j > i - 5 and j > 0 and s.words[j].isalpha() and s.words[j].islower():
                    if s.lows[j] in _ARTICLES:
                        break
                    j -= 1
                if s.lows[j] in _ARTICLES:
                    return True
            if low in self.sd.nouns_too and (
                (i > 0 and s.lows[i - 1] in _ARTICLES)
                or (i + 1 < s.n and s.lows[i + 1] == "of" and i > 0 and s.lows[i - 1] != "to")
                # before a verb of its own: "the new measures have failed", not "Orvex
                # plans only 300 stores"
                or (i + 1 < s.n and s.lows[i + 1] in self._verb_openers)
                or self._noun_after_noun(s, i)
            ):
                return True  # "a gain of 9 cents", "the rise": nouns, not verbs
            if w[0].islower() and low.endswith("ed") and self._adjective_slot(s, i, verb=True):
                return True  # "new orders for imported tractors": an adjective
            if (
                low in self._adjectives_too
                and i + 1 < s.n
                and self._before_noun(s, i + 1)
                and not s.lows[i + 1].endswith("ed")  # not "the total issued shares"
            ):
                return True  # "a fall in total group sales": an adjective
            if (
                low in self._copula_ings
                and w[0].islower()
                and i + 1 < s.n
                and self._before_noun(s, i + 1)
            ):
                return True  # "a four-game losing streak", "rising prices": an adjective
            return w[0].isupper() and i > 0 and s.words[i - 1][0].isupper()  # "The Who"
        if low in self.sd.clause_raising and i + 1 < s.n and s.lows[i + 1] == "to":
            return False  # "Tuvacorp seems to have": a verb
        # adverbs and participles end a noun phrase: "sharply", "stationed"; not such a
        # word in an adjective's place (`_adjective_slot`)
        return not (
            w[0].islower()
            and len(low) > 4
            and low.endswith(("ly", "ed"))
            # "single-family": the last part of a hyphened word decides
            and low.rpartition("-")[2] not in self.sd.nouns_like_modifiers
            and not self._adjective_slot(s, i)
        )

    def _noun_after_noun(self, s: Sentence, i: int) -> bool:
        """Whether token ``i``, one of `[verbs] nouns_after_noun`, is a noun after a
        possessive pronoun and a noun: "cut its sales *forecast* to $5m"; not a verb before
        its object: "its analysts *forecast* sales of $5m", "... forecast a rise"."""
        if not (
            s.lows[i] in self.sd.nouns_after_noun
            and i > 1
            and s.lows[i - 2] in self.sd.clause_possessive_pronouns
            and s.words[i - 1].isalpha()
            and s.words[i - 1].islower()
        ):
            return False
        nxt = s.lows[i + 1] if i + 1 < s.n else ""
        # punctuation or a function word other than a determiner ("that" among them)
        return not nxt[:1].isalpha() or (nxt in self.lex.function_words and nxt not in _DETERMINERS)

    def _adjective_slot(self, s: Sentence, i: int, verb: bool = False) -> bool:
        """Whether token ``i`` stands where an adjective does: after a determiner, "of" or
        (for an -ed word) a preposition, before a word that goes on the phrase: "our coated
        samples", "of frozen fish products", "a costly recall"; not "in early trade" (a
        time) nor "an expected five months". For a ``verb`` form, not after "these" or
        "those" either ("these included shipments")."""
        before = s.lows[i - 1] if i > 0 else ""
        return (
            0 < i < s.n - 1
            and (
                (before in _ADJECTIVE_ARTICLES if verb else before in _ARTICLES)
                or before == "of"
                or (
                    # "for imported tractors"; not an adverb's "has since increased"
                    before in self._pp_words
                    and before not in _ADVERB_PREPOSITIONS
                    and s.lows[i].endswith("ed")
                )
            )
            and s.words[i + 1].isalpha()
            and s.lows[i + 1] not in self._not_np
            and s.lows[i + 1] not in self._number_words
            and not s.lows[i + 1].endswith(("ly", "ed"))
        )

    def _month_name(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` may be a month's name: capitalised and not the sentence's
        first word (where "May" may be the modal)."""
        return i > 0 and s.words[i][0].isupper() and s.lows[i] in self.lex.months

    def _contraction(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` is what a contracted auxiliary leaves after its apostrophe:
        the "m" of "I'm", the "ve" of "they've" (`[verbs] contractions`)."""
        return s.lows[i] in self.sd.contractions and i > 0 and s.words[i - 1] in _APOSTROPHES

    def _forecasts(self, s: Sentence, i: int) -> bool:
        """Whether token ``i`` is a verb of `[verbs] forecasting` in its third person before
        a noun, inside what would read as one noun phrase: "the bureau *forecasts* growth",
        "USDA *estimates* farm subsidies". After a determiner or an owner it is a noun ("its
        forecasts", "Orvex's estimates show"), and so before "of" or a verb ("forecasts of
        profit", "these forecasts pointed to"); a compound noun is not told apart ("the
        Tuvo projects budget" reads as a verb)."""
        low = s.lows[i]
        return (
            low[-1] == "s"
            and low in self.sd.forecasting
            and i + 1 < s.n
            and s.lows[i + 1] not in self.lex.function_words
            and self._np_word(s, i + 1)
            and not (i > 0 and (s.lows[i - 1] in _DETERMINERS or s.words[i - 1] in _POSSESSIVE))
        )

    def title_at(self, tokens: Sequence[str], n: int) -> bool:
        """Whether token ``n`` of ``tokens`` is a title before a name: a capitalised word
        of `honorifics` before a capitalised word ("Mr Ortiz", "Dr. Ortiz") or one of
        `name_titles` with its dot, not a street's abbreviation, before one that is no
        title itself ("Sen. Ortiz"; not "General Orvex", "St. Orvia", "Inspector
        General")."""
        w = tokens[n]
        if not w[:1].isupper():
            return False
        low = w.lower()
        after = n + 1
        if after < len(tokens) and tokens[after] == ".":
            after += 1
            if low not in self.lex.honorifics and (
                low not in self.lex.name_titles or low in self.lex.street_suffixes
            ):
                return False
        elif low not in self.lex.honorifics:
            return False
        return (
            after < len(tokens)
            and tokens[after][:1].isupper()
            # "Inspector General" is one title, "Lt. Col. Ortiz" two before a name
            and (
                tokens[after].lower() not in self.lex.name_titles
                or (after + 1 < len(tokens) and tokens[after + 1] == ".")
            )
        )

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
            if (
                w == "."
                and floor < i < k - 1
                and s.lows[i - 1] in self.lex.name_titles
                and s.words[i + 1][0].isupper()
            ):
                i -= 1  # "Mr. Ortiz": a title's dot, inside the name
                continue
            if (
                w[0].isdigit()
                and i > 0
                and (
                    (i == k - 1 and s.words[i - 1][0].isupper())  # "the S&P 500"
                    # digits glued to the letters of a name: "B2 Foods", "the A4 road"
                    or (
                        s.ends[i - 1] == s.starts[i]
                        and w.isdigit()
                        and (i + 1 == s.n or s.ends[i] < s.starts[i + 1])  # not "PS8.1bn"
                        and s.words[i - 1][0].isupper()
                        and s.words[i - 1][-1].isalpha()
                        # or a capital alone, no article: "A2 Milk"
                        and (self._np_word(s, i - 1) or len(s.words[i - 1]) == 1)
                    )
                )
            ):
                i -= 1
                taken += 1
                continue
            if (
                i + 1 < k
                and len(w) == 1
                and w.isupper()
                and s.ends[i] == s.starts[i + 1]
                and s.words[i + 1][0].isdigit()
            ):
                i -= 1  # "A2 Milk": the letters of a name glued to its digits, no article
                taken += 1
                continue
            if self._np_word(s, i):
                if (
                    i > 0
                    and s.lows[i - 1] in self.sd.modals
                    and s.words[i - 1].islower()
                    and not (i > 1 and s.lows[i - 2] in _DETERMINERS)  # "a can opener"
                ):
                    break  # "would impose curtailments": a verb, not the phrase's start
                if i < k - 1 and self._forecasts(s, i):
                    break  # "the bureau forecasts growth of 4%": a verb before the noun
                i -= 1
                taken += 1
                continue
            if (
                s.lows[i] in ("of", "for")
                and floor < i < k - 1
                and self._np_word(s, i - 1)
                # not a verb's -ing form after "be": "was aiming for growth"
                and not (
                    i > 1
                    and s.lows[i - 1].endswith("ing")
                    and s.lows[i - 2] in self.sd.be_forms
                    and s.lows[i - 1] not in self.sd.ing_nouns
                )
            ):
                i -= 1  # "Port of Los Angeles", "the price of oil"
                continue
            break
        start = i + 1
        if start >= k or s.words[start] in _POSSESSIVE:
            return None
        shown = i >= floor and s.lows[i] in _SHOWN_DETERMINERS
        if (
            shown
            and s.lows[i] == "that"
            and (
                s.words[start][0].isupper()
                or (i > 0 and s.words[i - 1].islower() and s.lows[i - 1] in self._says)
                or self.singular(s.lows[k - 1]) != s.lows[k - 1]
            )
        ):
            # "said that Orvex would pay", "added that phenol output rose", "found that
            # rates vary": a conjunction, not "that barn"
            shown = False
        display = start - 1 if shown else start
        if (display == 0 and s.whole) or (display > 0 and s.words[display - 1] == ","):
            after = self._time_lead(s, display, k)
            if after > display:
                return after, after  # "This week Orvex shares rose 12%": when, then what
        return display, start

    def _paired_participles(self, s: Sentence, i: int, limit: int) -> bool:
        """Whether token ``i`` opens two participles joined by "and" or "or" before their
        noun, all in lower case: "listed and traded shares", "listed or unlisted
        stock" (the first in -ed, the second in -ed or -ing, the noun no finite verb)."""
        lows = s.lows
        return (
            i + 3 < limit
            and lows[i].endswith("ed")
            and s.words[i].islower()
            and lows[i] not in self._not_np
            and lows[i + 1] in ("and", "or")
            and s.words[i + 2].isalpha()
            and s.words[i + 2].islower()
            and lows[i + 2].endswith(("ed", "ing"))
            and s.words[i + 3][0].islower()
            and lows[i + 3] not in self._finite
            and self._np_word(s, i + 3)
        )

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
            if (
                w == "."
                and i > k
                and s.lows[i - 1] in self.lex.name_titles
                and i + 1 < limit
                and s.words[i + 1][0].isupper()
            ):
                i += 1  # "Mr. Ortiz": a title's dot, inside the name
                continue
            if w[0].isdigit() and i > k and s.words[i - 1][0].isupper():
                i += 1  # "Model 3", "Sea Breeze 21"
                continue
            if (
                i > k
                and i + 1 < limit
                and s.lows[i + 1] == "by"
                and s.lows[i].endswith(("en", "wn", "ne"))
                and s.lows[i] in self.sd.agent_participles
            ):
                # "a debt offering underwritten by Orvex": a participle, not a noun (not
                # those that are nouns as well: "the bond spread by Friday")
                break
            if (
                i > k
                and s.lows[i] in _AGE_PARTICIPLES
                and i + 1 < s.n
                and (i + 1 == limit or s.words[i + 1][0].isdigit())
            ):
                break  # "people aged 18 to 34": the people, of an age (a scope)
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
            if (
                i == k
                or s.lows[i - 1] in self.lex.noun_phrase_openers
                or s.lows[i - 1] in self._verbs  # "the total listed and traded shares"
                or s.words[i - 1] in _POSSESSIVE  # "Orvex's listed and traded shares"
                or (i == k + 1 and s.lows[k].endswith("ed"))  # "the combined listed and"
            ) and self._paired_participles(s, i, limit):
                # "the listed and traded shares": two participles of one noun (not
                # after a noun: "the crews arrived and cleared fallen trees")
                i += 3
                continue
            if not self._np_word(s, i) and not (
                i == k  # a participle before its noun: "attempted murder", "armed robbery"
                and w[0].islower()
                and i + 1 < limit
                and s.words[i + 1][0].islower()
                and (self._np_word(s, i + 1) or self._paired_participles(s, i + 1, limit))
                and (
                    (s.lows[i].endswith("ed") and s.lows[i] not in self._not_np)
                    # a verb's form between an article and a noun is an adjective: "the
                    # total shares", "a record haul" (not after "these", a pronoun too:
                    # "these included shipments"; nor a participle in -ing, which may
                    # lead a clause of its own)
                    or (
                        k > 0
                        and s.lows[k - 1] in _ADJECTIVE_ARTICLES
                        and s.lows[i] in self._verbs
                        and not s.lows[i].endswith("ing")
                    )
                )
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
            if i > k and self._forecasts(s, i):
                break  # "the Tuvo survey forecasts rye exports climbing": the survey
            if (
                i > max(k, 1)  # after a name, not after a capital opening the sentence
                and w[0].islower()
                and s.words[i - 1][0].isupper()
                and self._verb_after_name(s, i)
            ):
                break  # "the 12-inch Orvex Air starts off": the name's verb
            low = s.lows[i]
            if (
                i > k
                and low in self.sd.phrase_enders
                and w[0].islower()
                # not after another opener or a possessive: "several such groups", "the
                # firm's most lucrative asset"
                and s.lows[i - 1] not in self.lex.noun_phrase_openers
                and s.words[i - 1] not in _POSSESSIVE
            ):
                break  # "its V8 engine all the more": a word that opens a phrase ends one
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
        if (
            i == k + 1
            and i + 2 < limit
            and s.lows[i] in _ADJECTIVE_JOINERS
            and s.words[k].isalpha()
            and s.words[k].islower()
            and self.singular(s.lows[k]) == s.lows[k]
            and s.lows[k] not in self.sd.time_words
            and (after := self._np_right(s, i + 1, limit)) is not None
            and after[0] == i + 1
            and after[2] - after[1] >= 2
            and s.words[after[1]].islower()
            and self.singular(s.lows[after[2] - 1]) != s.lows[after[2] - 1]
        ):
            # "in marine and terrestrial sediments": two adjectives of one plural noun
            return display, k, after[2]
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
        found = self._role_span(s, i, j)
        return None if found is None else found[0]

    def _role_span(
        self, s: Sentence, i: int, j: int, end: int | None = None
    ) -> tuple[str, int, int] | None:
        """An event role spelled by tokens from one of ``i..j-1`` up to ``end`` (default
        ``j``), where its words start and end: "were killed or injured" runs past a window
        that ends at "or"."""
        end = j if end is None else end
        for k in range(i, j):
            found = self._role_at(s, k, end)
            if found is not None:
                # a phrase that starts inside this one and runs on wins: "were killed or
                # injured" is "killed or injured", not "were killed"
                role, start, stop = found[0], k, found[1]
                for t in range(k + 1, stop):
                    longer = self._role_at(s, t, end)
                    if longer is not None and longer[1] > stop:
                        role, start, stop = longer[0], t, longer[1]
                return role, start, stop
        return None

    def _role_at(self, s: Sentence, k: int, end: int) -> tuple[str, int] | None:
        """The longest event role phrase that starts at token ``k`` and ends by ``end``,
        and where it ends. A phrase joined by "and" or "or" must end its clause's predicate:
        in "killed and injured prisoners escaped" the second word is an adjective."""
        if s.lows[k] not in self._role_firsts:
            return None  # no role phrase starts with this word
        roles = self.sd.roles
        for size in range(min(self._role_max, end - k), 0, -1):
            role = roles.get(tuple(s.lows[k : k + size]))
            if role and (size < 3 or not self._noun_after_role(s, k + size)):
                return role, k + size
        return None

    def _noun_after_role(self, s: Sentence, t: int) -> bool:
        """Whether token ``t``, right after a role of several words, is a noun or an
        adjective that the role's last word describes: "injured *prisoners*"."""
        if t >= s.n:
            return False
        low = s.lows[t]
        return (
            s.words[t].isalpha()
            and s.words[t].islower()
            and low not in self.lex.function_words
            and low not in self.sd.time_words
            and low not in self.sd.day_words
            and not low.endswith("ly")
        )

    def _estimated_at(self, s: Sentence, at: int) -> bool:
        """Whether a verb of `[verbs] estimating` stands within eight tokens before the
        "at" at token ``at``, with at least its object between: "*put* wheat output at"."""
        return any(s.lows[u] in self.sd.estimating for u in range(max(0, at - 8), at - 1))

    def _role_ending(self, s: Sentence, k: int) -> tuple[str, int] | None:
        """An event role of two words or more that ends at token ``k``, and its first
        token: "killed or injured" before "40 people"."""
        roles = self.sd.roles
        for size in range(min(self._role_max, k + 1), 1, -1):
            role = roles.get(tuple(s.lows[k - size + 1 : k + 1]))
            if role:
                return role, k - size + 1
        return None

    def _compass_word(self, low: str) -> bool:
        """A point of the compass, also as a hyphened compound ("north-northeast")."""
        return low in self.sd.compass or (
            "-" in low and all(part in self.sd.compass for part in low.split("-"))
        )

    def _class_and_modifiers(self, text: str, head: str) -> tuple[str, tuple[str, ...]]:
        """A noun phrase's synonym class (else its head) and the words before it, for the
        key: "Harbor Tech shares" -> ("share", ("harbor", "tech"))."""
        tokens = _TOKEN.findall(text)
        capitals = text.isupper()
        # "US sales": the country's, as `Sentence` reads it, not the pronoun
        words = [_us(w, capitals) for w in tokens if w[0].isalnum()]
        cls, used = self._class(words)
        if cls is None:
            cls, used = head, len(head.split())
        titled = [n for n in range(len(tokens)) if self.title_at(tokens, n)]
        if titled:
            # "Mr. Ortiz": a name's title says nothing of whose figure it is
            words = [
                _us(w, capitals) for n, w in enumerate(tokens) if w[0].isalnum() and n not in titled
            ]
        return cls, self._modifiers(words, used)

    def _modifiers(self, words: Sequence[str], used: int) -> tuple[str, ...]:
        """The words of a phrase before the ``used`` words of its class or head, less
        those that say nothing of what is counted ("more", "the", ...)."""
        return tuple(
            w for w in words[: max(len(words) - max(used, 1), 0)] if w not in self.sd.skip_modifiers
        )

    def _article_before(self, s: Sentence, i: int) -> int:
        """The article ("a", "an", "the", "its", "these", ...; not "this" or "that", which
        may stand alone) that opens the phrase of a figure at token ``i``: right before it
        or past up to two words of `[keys] skip_modifiers` ("a new 25% duty", "an
        additional $9m"); or -1."""
        j = i
        while (
            j > max(i - 2, 1)
            and s.lows[j - 1] in self.sd.skip_modifiers
            and s.lows[j - 1] not in _DETERMINERS
        ):
            j -= 1
        return j - 1 if j > 0 and s.lows[j - 1] in _ARTICLES else -1

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

    def _verbish(self, s: Sentence, k: int) -> bool:
        """Whether token ``k`` may be the verb of a relative clause ("that *can* go")."""
        low = s.lows[k]
        if low in self._verbs or low in self.sd.auxiliaries or self._adverb(s, k):
            return True
        return s.words[k][0].islower() and low.endswith(("s", "ed")) and low not in _DETERMINERS

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

    def on_object(self, s: Sentence, on: int, limit: int) -> tuple[int, int, int] | None:
        """The noun phrase after the "on" at token ``on`` when the noun before it is one of
        `[keys] on_heads`, whose "on" says what it applies to ("a tariff on steel", "the
        yield on the benchmark note"); None for a time or a place ("a ban on Monday", "the
        tax on the island", read as scopes), an owner's phrase ("on Tuvo's steel"), a
        phrase headed by an idiom of `[keys] on_idioms` ("a return on average", "a tax on
        top of the levy"; not "a tax on top earners") or none."""
        if not (
            0 < on < limit - 1
            and s.lows[on] == "on"
            and s.words[on - 1].isalpha()
            and self.singular(s.lows[on - 1]) in self.sd.on_heads
        ):
            return None
        np = self._np_right(s, on + 1, limit)
        if np is None or (np[1] != on + 1 and s.lows[on + 1] not in _DETERMINERS):
            return None
        if np[2] - np[1] > 1 and s.lows[np[2] - 1] in self._prepositions:
            np = (np[0], np[1], np[2] - 1)  # "a levy on bond sales along with": no "along"
        if (
            self._placeish(s, np[1], np[2])  # a place or a time: "yields on Tuvo Street"
            or any(s.words[t] in _POSSESSIVE for t in range(np[1], np[2]))
            # the head ("on an annual basis", "on top of the levy", whose phrase is "top"),
            # not a modifier ("on top earners")
            or s.lows[np[2] - 1] in self.sd.on_idioms
        ):
            return None
        return np

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

    def is_time(self, phrase: str) -> bool:
        """Whether a scope phrase is about time ("this year", "in 2023", "during the raid")."""
        words = [_unpossessed(w.strip(".,").lower()) for w in phrase.split()]
        if words and (words[0] in self.sd.period_prepositions or words[-1] in self.sd.time_points):
            return True
        return any(
            self._time_word(w) or _YEAR.match(w) or _SEASON_WORD.match(w) for w in words
        ) and not any(
            w[:1].isupper() and not self._time_word(_unpossessed(w.lower()))
            for w in phrase.split()[1:]
        )

    def _time_word(self, low: str) -> bool:
        """Whether a lower-case word is a word of time, or words of time joined by hyphens
        ("october-december")."""
        time_words = self.sd.time_words
        return low in time_words or (
            "-" in low and all(part in time_words for part in low.split("-"))
        )

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
