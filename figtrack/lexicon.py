"""Language data: load the TOML files under ``figtrack/data/``, validate them, freeze them.

A `Lexicon` is immutable and built once; an `Extractor` holds one. Errors name the file
and the key that is wrong:

>>> lex = load_lexicon()
>>> lex.qualifiers_before[("at", "least")]
'ge'
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

SHAPES_BEFORE = frozenset({"gt", "ge", "lt", "le", "eq", "approx", "nearly", "just_over"})
SHAPES_AFTER = frozenset({"gt", "ge", "lt", "le", "approx", "or_equal"})
FILES = (
    "numbers.toml",
    "qualifiers.toml",
    "trends.toml",
    "words.toml",
    "units.toml",
    "subjects.toml",
)

Phrases = Mapping[tuple[str, ...], str]

# The data classes are frozen dataclasses, not attrs classes: mypyc compiles a dataclass
# to a native class, whose fields the compiled readers load directly instead of looking
# them up by name, a million times per 2 MB of news (extraction about 3 % faster).
# Compiled, a frozen dataclass cannot be copied by setting its fields one by one, as
# `copy` does by default: `__reduce__` builds the copy from its fields instead.


def _fields(obj: Any) -> tuple[Any, ...]:
    """A dataclass's field values, in order: its constructor's arguments."""
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


class LexiconError(ValueError):
    """A language data file is missing, malformed, or holds a bad entry."""


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the tuple of its lower-cased words: ``"At  least"`` -> ``("at", "least")``."""
    return tuple(phrase.lower().split())


@dataclasses.dataclass(frozen=True)
class Relative:
    """A share of another figure ("the majority" is more than half of it, up to all)."""

    low: Fraction
    high: Fraction
    low_open: bool = False
    high_open: bool = False

    def __reduce__(self) -> tuple[type[Relative], tuple[Any, ...]]:
        return Relative, _fields(self)


@dataclasses.dataclass(frozen=True)
class SubjectData:
    """The words that tell what a figure is of, whose it is, and where (subjects.toml)."""

    classes: Mapping[tuple[str, ...], str]  # member words -> class name
    roles: Mapping[tuple[str, ...], str]  # "killed", "were killed" -> "death"
    action_nouns: Mapping[str, str]  # "deaths" -> "death", "rescue" -> "" (no role)
    verb_classes: Mapping[str, tuple[str, frozenset[str]]]  # "life" -> ("death", {"claimed"})
    copulas: frozenset[str]
    holding: frozenset[str]
    events: frozenset[str]
    agent_participles: frozenset[str]  # "made" in "cars made by Orvex": a participle
    leaving: frozenset[str]  # "left six people dead": a verb when a role word follows
    nouns_too: frozenset[str]  # verbs that are nouns after an article or before "of"
    nouns_after_noun: frozenset[str]  # "its sales forecast": a noun after "its" and a noun
    containing: frozenset[str]  # "includes": the whole a figure is part of
    auxiliaries: frozenset[str]
    modals: frozenset[str]  # "would impose cuts": a verb after one
    negations: frozenset[str]  # "were not injured": no figure of the role
    contractions: frozenset[str]  # "m" of "I'm": no noun, after an apostrophe
    reporting: frozenset[str]
    spending: frozenset[str]  # "spent $9,000 on a boiler": the boiler's
    bare_moves: frozenset[str]  # "to grow by 11%": a verb after "to", a modal, "saw X"
    perceiving: frozenset[str]  # "saw exports decrease to $50bn"
    adjectives_too: frozenset[str]  # "in total group sales": an adjective before a noun
    plural_verbs: frozenset[str]  # "Prices start at $30": a verb after a plural noun
    plural_verbs_before: frozenset[str]  # ... before a figure or one of these words
    group_verbs: frozenset[str]  # "20% of adults smoke": a verb after a plural noun
    setting: frozenset[str]  # "lift production to 9 tonnes": the object's level
    estimating: frozenset[str]  # "put the harvest at 7 tonnes": the object's estimate
    forecasting: frozenset[str]  # "the bureau forecast 3% growth": not the bureau's
    spent_on: frozenset[str]
    verb_subjects: Mapping[str, str]
    dimensions: Mapping[str, str]
    # dimension -> unit entity -> the dimension a measure of that entity names
    dimension_units: Mapping[str, Mapping[str, str]]
    dimension_nouns: frozenset[str]  # "18 metres in height"
    measure_not_sized: frozenset[str]  # "3 kg less": no noun a measure sizes
    property_nouns: frozenset[str]  # "a temperature of 9 °C": held by the clause subject
    share_not_sized: frozenset[str]  # "100 percent sure": a word a percent grades
    share_not_sized_endings: tuple[str, ...]  # "100% preventable"
    scope_prepositions: frozenset[str]
    compass: frozenset[str]
    time_prepositions: frozenset[str]
    through_prepositions: frozenset[str]  # "on their house in Varnholm": scope goes on
    period_prepositions: frozenset[str]  # "during the raid": a time, whatever the noun
    group_prepositions: frozenset[str]  # "$40 for adults": the figure of a group
    group_nouns: frozenset[str]  # "adults": a group a group preposition narrows to
    lacking_prepositions: frozenset[str]  # "homes without power": those that lack it
    lacked: frozenset[str]  # "power": what such a phrase must name to narrow the figure
    level_markers: frozenset[str]  # "with inflation at 3%": the level of inflation
    level_leads: frozenset[str]  # "with": opens a phrase whose level follows
    group_leads: frozenset[str]  # "Of the 300 passengers, 40% ...": the share's group
    change_leads: frozenset[str]  # "in" after a noun of change: "a rise in rates to 5%"
    means: frozenset[str]  # "evacuated by boat": no one who did it
    place_nouns: frozenset[str]
    named_by_of: frozenset[str]  # "the town of Varnholm" is Varnholm
    place_names: Mapping[str, str]  # "united states" -> "us": one place's names
    age_words: Mapping[str, str]  # "aged 65 and older" keys as "age 65 or over"
    joining: frozenset[str]  # "exports to Tuvaland fell": the exports to Tuvaland
    joining_not_after: frozenset[str]  # "prior to": no noun before the preposition
    by_not_joining: frozenset[str]  # "by contrast": no party after "by"
    event_nouns: frozenset[str]  # "in the civil war" is a scope
    place_verbs: frozenset[str]
    time_words: frozenset[str]
    time_openers: frozenset[str]
    span_openers: frozenset[str]  # "over the past two years": a span, no object
    day_words: frozenset[str]
    closers: Mapping[tuple[str, ...], str]
    relative: Mapping[tuple[str, ...], Relative]
    nouns_like_modifiers: frozenset[str]
    ly_nouns: frozenset[str]  # "family": a noun in -ly, no adverb
    ing_nouns: frozenset[str]  # nouns in -ing that head a phrase: "household spending"
    phrase_enders: frozenset[str]  # phrase openers that end a phrase after its noun
    change_nouns: frozenset[str]  # "a 40 basis point improvement in margins"
    joined_collectives: frozenset[str]  # "380 passengers and crew" counts both
    clause_openers: frozenset[str]  # [clauses]: where the clause of a figure starts
    clause_coordinators: frozenset[str]
    clause_subordinators: frozenset[str]  # "as" opens a clause when a subject and verb follow
    clause_owner_links: frozenset[str]  # "Tuvacorp fell, with its stock off": its stock
    clause_owner_links_over_objects: frozenset[str]  # "with": past a definite object too
    clause_thinking: frozenset[str]  # "I think rates may fall": opens a clause, ends a phrase
    clause_not_subordinating: frozenset[str]  # "such as": no clause
    clause_relatives: frozenset[str]
    those: frozenset[str]  # [clauses] those: "of those polled"
    respectively: frozenset[str]  # [clauses] respectively: a list shared out over figures
    clause_adverbials: frozenset[str]
    clause_pronouns: frozenset[str]
    clause_personal_pronouns: frozenset[str]
    clause_reflexives: frozenset[str]
    clause_adverbs: frozenset[str]
    clause_no_subject: frozenset[str]
    clause_subject_pronouns: frozenset[str]
    clause_possessive_pronouns: frozenset[str]  # "its workforce": the clause subject's
    clause_personal_possessives: frozenset[str]  # "his", "her": a person's
    clause_speech: frozenset[str]  # "Orvex said its profit ...": Orvex's profit
    clause_speech_for_others: frozenset[str]  # "the minister said its deficit": not hers
    clause_descriptors: frozenset[str]  # "truck maker Orvex": nouns that describe a name
    clause_appositives: tuple[tuple[str, ...], ...]  # "Varnholm, home to 9,000 people"
    clause_with_partners: frozenset[str]  # "a dispute with two customers": no holder
    clause_carriers: frozenset[str]  # "a crate loaded with nine rifles": its rifles
    clause_carrying: frozenset[str]  # "a boat carrying 300 migrants": its migrants
    clause_buying: frozenset[str]  # "Get the lamp for $40": the price is the lamp's
    clause_price_links: tuple[tuple[str, ...], ...]  # "for", "starting at"
    clause_intents: frozenset[str]  # "announced plans to": no clause opens at the verb
    clause_raising_after_be: frozenset[str]  # "is thought to have": the subject goes on
    clause_raising: frozenset[str]  # "seems to have": the subject goes on
    be_forms: frozenset[str]  # [verbs] be: "is", "was", ...
    passive_holding: frozenset[str]  # "was charged with three counts": still held
    totals: tuple[tuple[str, ...], ...]  # "raised a total of $9,000": read through
    share_verbs: tuple[tuple[str, ...], ...]  # "make up 41% of": the part holds the share
    clause_sharing: frozenset[str]  # ", one struck a barn": a count sharing a whole
    clause_wholes: frozenset[str]  # "of the 300 ballots, 120 ...": before a whole
    clause_comparing: frozenset[str]  # "22 burglaries, compared with 15": 15 burglaries
    generic_classes: frozenset[str]  # [keys] generic: keyed only when narrowed
    play_units: frozenset[str]  # [keys] play_units: a name is not what they measure
    role_plain: frozenset[str]  # [keys] role_plain: nouns a casualty key does not name
    increments: frozenset[str]  # [keys] increments: words that make a count a part
    skip_modifiers: frozenset[str]  # [keys] skip_modifiers: words a key leaves out
    tallies: tuple[tuple[str, ...], ...]  # [keys] tallies: "the number of" homes
    counting_verbs: frozenset[str]  # [keys] counting_verbs: the troops "numbered" 9,000
    of_heads: frozenset[str]  # [keys] of_heads: "the price of oil" is a price
    on_heads: frozenset[str]  # [keys] on_heads: "a tariff on steel" is one of its kind
    on_idioms: frozenset[str]  # [keys] on_idioms: "a return on average" is no such one
    period_changes: frozenset[str]  # [keys] period_changes: "3% year-on-year" is when
    averages: frozenset[str]  # [keys] averages: "an average of 19" is no tally
    not_tallies: frozenset[str]  # [keys] not_tallies: "400 more than" is no tally
    time_points: frozenset[str]  # [keys] time_points: "ago": a span of time is a date
    clock_points: frozenset[str]  # "remaining": the time still to run, no time before the report
    rank_words: frozenset[str]  # [keys]: "top" in "a top 10 list": a rank, no count
    perfect_auxiliaries: frozenset[str]  # [keys]: "has" in "has had 14 cars"
    cumulative_participles: frozenset[str]  # [keys]: "had": held in the perfect, a total
    perfect_adverbs: frozenset[str]  # [keys]: "now" in "has now had"
    running_events: frozenset[str]  # [keys] running_events: "eight days of riots"

    def __reduce__(self) -> tuple[type[SubjectData], tuple[Any, ...]]:
        return SubjectData, _fields(self)


@dataclasses.dataclass(frozen=True)
class Lexicon:
    """Validated, read-only language data."""

    units: Mapping[str, Decimal]
    tens: Mapping[str, Decimal]
    scales: Mapping[str, Decimal]
    scale_abbreviations: Mapping[str, Decimal]
    currency_scales: Mapping[str, Decimal]
    collectives: Mapping[str, Decimal]
    only_before_of: frozenset[str]  # "a score of people", not "a score of 27-10"
    fraction_denominators: frozenset[int]  # "3/4" is a fraction; "9/11" a date
    fractions: Mapping[str, Fraction]
    unicode_fractions: Mapping[str, Fraction]
    vague: Mapping[str, tuple[Decimal, Decimal]]
    qualifiers_before: Phrases
    qualifiers_after: Phrases
    trends_before: Phrases
    trends_after: Phrases
    trends_by_object: Phrases  # "raised its forecast by 2%": a change with "by" only
    function_words: frozenset[str]
    past_verbs: frozenset[str]  # "9 rose and 3 fell": verbs after a number
    rate_adverbs: frozenset[str]  # "800 annually.": no counted noun, even ending a sentence
    noun_phrase_openers: frozenset[str]
    group_sizes: frozenset[str]  # "a 4,000-strong workforce": the workforce is counted
    group_nouns: frozenset[str]  # ... the noun counted after such a size
    list_leads: frozenset[str]  # "of 35 and 40 billion marks": the scale is shared
    months: frozenset[str]
    month_numbers: Mapping[str, int]  # "sept" -> 9
    date_prepositions: frozenset[str]  # "in" of "In February, a quake of 6.4 hit"
    day_followers: frozenset[str]  # "on March six it said": a day, not a count
    weekdays: frozenset[str]
    year_cues: frozenset[str]
    time_suffixes: frozenset[str]
    clock_words: frozenset[str]
    time_point_words: frozenset[str]
    focus_adverbs: frozenset[str]
    trend_adjectives: frozenset[str]  # "fell a further 3%"
    elision_level_links: frozenset[str]
    elision_sibling_links: frozenset[str]
    elision_clause_verbs: frozenset[str]
    elision_followers: frozenset[str]
    age_subjects: frozenset[str]
    age_verbs: frozenset[str]
    age_followers: frozenset[str]
    age_markers: frozenset[str]
    age_at_verbs: frozenset[str]  # "died at 83": an age
    decade_leads: frozenset[str]  # "the 60s": a decade, no figure
    decade_owners: frozenset[str]  # "his 40s": an age from 40 to below 50
    name_titles: frozenset[str]
    honorifics: frozenset[str]
    ordinal_suffixes: frozenset[str]
    pronoun_one_before: frozenset[str]
    pronoun_one_after: frozenset[str]
    number_pair_joiners: frozenset[str]
    label_words: frozenset[str]
    label_nouns: frozenset[str]
    name_suffixes: frozenset[str]
    score_nouns: frozenset[str]
    ordinal_fractions: frozenset[str]
    hyphen_ordinals: frozenset[str]  # "the twenty-first century": an ordinal
    fraction_tail_blockers: frozenset[str]  # "$40 and a half of that": no 40.5
    ordinal_leads: frozenset[str]  # ... and "its forty-second year", after these
    period_fractions: frozenset[str]  # "three quarters of growth": periods, no share
    period_wholes: frozenset[str]  # "three quarters of the year": periods
    period_leads: frozenset[str]  # "the first three quarters": periods
    part_blockers: frozenset[str]  # "the first half a year earlier": no part of a year
    ratio_occasions: frozenset[str]  # "lost two in 30 games": no share
    fraction_referents: frozenset[str]  # "a third of them": no share of a named whole
    comparatives: frozenset[str]
    score_words: frozenset[str]
    street_suffixes: frozenset[str]
    street_prefixes: frozenset[str]
    irregular_plurals: Mapping[str, str]
    unit_aliases: Mapping[str, str]
    money_after_scale: Mapping[str, str]
    money_pound_unit: str
    guarded_symbols: frozenset[str]
    spaced_not_scales: frozenset[str]  # "4 K" is kelvin, "50K" thousands
    not_units: frozenset[str]
    inch_cues: frozenset[str]
    metre_cues: frozenset[str]
    article_units: frozenset[str]
    extra_units: Mapping[str, str]
    new_entities: frozenset[str]
    units_before: Mapping[str, str]
    # "1hr 4 mins": larger unit -> smaller unit -> how many smaller make one larger
    compound_measures: Mapping[str, Mapping[str, Decimal]]
    compound_symbols: Mapping[str, str]  # "3h 20m": "m" after hours is minutes
    subjects: SubjectData

    def __reduce__(self) -> tuple[type[Lexicon], tuple[Any, ...]]:
        return Lexicon, _fields(self)

    @property
    def number_words(self) -> frozenset[str]:
        """Every word that can be part of a number written in words."""
        return frozenset(
            [*self.units, *self.tens, *self.scales, *self.collectives, *self.fractions]
        )


def _read(directory: Path | None, name: str) -> dict[str, Any]:
    try:
        if directory is None:
            raw = resources.files("figtrack.data").joinpath(name).read_bytes()
        else:
            raw = (directory / name).read_bytes()
    except OSError as exc:
        raise LexiconError(f"{name}: cannot read language data ({exc})") from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{name}: not valid TOML ({exc})") from exc


def _table(data: Mapping[str, Any], file: str, key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise LexiconError(f"{file}: [{key}] must be a table")
    return value


def _words(data: Mapping[str, Any], file: str, key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{file}: {key} must be a list of non-empty strings")
    return frozenset(w.lower() for w in value)


def _denominators(data: Mapping[str, Any], file: str) -> frozenset[int]:
    """``fraction_denominators``: whole numbers from 2."""
    value = data.get("fraction_denominators")
    if not isinstance(value, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) and d >= 2 for d in value
    ):
        raise LexiconError(f"{file}: fraction_denominators must be a list of whole numbers from 2")
    return frozenset(value)


def _phrase_list(data: Mapping[str, Any], file: str, key: str) -> tuple[tuple[str, ...], ...]:
    """A list of phrases as word tuples, longest first, each listed once."""
    phrases = [phrase_key(w) for w in _words(data, file, key)]
    if any(not p for p in phrases):
        raise LexiconError(f"{file}: {key} holds a phrase with no words")
    return tuple(sorted(set(phrases), key=lambda p: (-len(p), p)))


def _decimal(value: Any, file: str, where: str) -> Decimal:
    if not isinstance(value, str):
        raise LexiconError(f"{file}: {where} must be a decimal string, got {value!r}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise LexiconError(f"{file}: {where} is not a number: {value!r}") from None
    if not number.is_finite():
        raise LexiconError(f"{file}: {where} must be finite: {value!r}")
    return number


def _fraction(value: Any, file: str, where: str) -> Fraction:
    if not isinstance(value, str):
        raise LexiconError(f"{file}: {where} must be a fraction string such as '1/2'")
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise LexiconError(f"{file}: {where} is not a fraction: {value!r}") from None


def _numbers(table: Mapping[str, Any], file: str, key: str) -> Mapping[str, Decimal]:
    return MappingProxyType(
        {word: _decimal(v, file, f"[{key}] {word!r}") for word, v in table.items()}
    )


def _phrases(table: Mapping[str, Any], file: str, key: str, shapes: frozenset[str]) -> Phrases:
    out: dict[tuple[str, ...], str] = {}
    for phrase, shape in table.items():
        if shape not in shapes:
            raise LexiconError(
                f"{file}: [{key}] {phrase!r} has shape {shape!r}; expected one of "
                f"{', '.join(sorted(shapes))}"
            )
        words = phrase_key(phrase)
        if not words:
            raise LexiconError(f"{file}: [{key}] has an empty phrase")
        out[words] = shape
    return MappingProxyType(out)


def _trend_table(table: Mapping[str, Any], file: str, key: str) -> Phrases:
    out: dict[tuple[str, ...], str] = {}
    for direction, words in table.items():
        if direction not in ("up", "down", "none") or (direction == "none" and key != "before"):
            raise LexiconError(
                f"{file}: [{key}] has {direction!r}; expected 'up' or 'down'"
                + (" (or 'none')" if key == "before" else "")
            )
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise LexiconError(f"{file}: [{key}] {direction} must be a list of strings")
        for w in words:
            out[phrase_key(w)] = direction
    return MappingProxyType(out)


def load_lexicon(directory: str | Path | None = None) -> Lexicon:
    """Load and validate the language data (the bundled files, or those in ``directory``)."""
    folder = None if directory is None else Path(directory)
    nums, quals, trends, words, units, subj = (_read(folder, f) for f in FILES)
    n, q, t, w, u, sj = FILES

    vague: dict[str, tuple[Decimal, Decimal]] = {}
    for phrase, pair in _table(nums, n, "vague").items():
        if not isinstance(pair, list) or len(pair) != 2:
            raise LexiconError(f"{n}: [vague] {phrase!r} must be [low, high]")
        low = _decimal(pair[0], n, f"[vague] {phrase!r}")
        high = _decimal(pair[1], n, f"[vague] {phrase!r}")
        if low >= high:
            raise LexiconError(f"{n}: [vague] {phrase!r} needs low < high")
        vague[" ".join(phrase_key(phrase))] = (low, high)

    month_numbers = _month_numbers(words, w)
    irregular = _table(words, w, "irregular_plurals")
    aliases = _table(units, u, "aliases")
    pound = _table(units, u, "money_pound")
    money_after_scale = _table(units, u, "money_after_scale")
    if not all(
        isinstance(v, str)
        for v in [*irregular.values(), *aliases.values(), *money_after_scale.values()]
    ):
        raise LexiconError(f"{w} / {u}: plural, alias and money_after_scale values must be strings")
    ordinal_fractions = _words(words, w, "ordinal_fractions")
    unknown = sorted(ordinal_fractions - set(_table(nums, n, "fractions")))
    if unknown:
        raise LexiconError(f"{w}: ordinal_fractions {unknown} are not in {n} [fractions]")
    period_fractions = _words(words, w, "period_fractions")
    unknown = sorted(period_fractions - set(_table(nums, n, "fractions")))
    if unknown:
        raise LexiconError(f"{w}: period_fractions {unknown} are not in {n} [fractions]")
    spaced_not_scales = _words_cased(units, u, "spaced_not_scales")
    unknown = sorted(spaced_not_scales - set(_table(nums, n, "scale_abbreviations")))
    if unknown:
        raise LexiconError(f"{u}: spaced_not_scales {unknown} are not in {n} [scale_abbreviations]")
    day_followers = _words(words, w, "day_followers")
    stray = sorted(
        (day_followers - _words(words, w, "function_words"))
        | (day_followers & _words(words, w, "noun_phrase_openers"))
    )
    if stray:
        raise LexiconError(
            f"{w}: day_followers {stray} must be function_words and no noun_phrase_openers"
        )
    only_before_of = _words(nums, n, "only_before_of")
    unknown = sorted(only_before_of - set(_table(nums, n, "collectives")) - set(vague))
    if unknown:
        raise LexiconError(f"{n}: only_before_of {unknown} are not in [collectives] or [vague]")
    pound_unit = pound.get("currency_unit")
    if not isinstance(pound_unit, str):
        raise LexiconError(f"{u}: [money_pound] currency_unit must be a string")

    lex = Lexicon(
        units=_numbers(_table(nums, n, "units"), n, "units"),
        tens=_numbers(_table(nums, n, "tens"), n, "tens"),
        scales=_numbers(_table(nums, n, "scales"), n, "scales"),
        scale_abbreviations=_numbers(
            _table(nums, n, "scale_abbreviations"), n, "scale_abbreviations"
        ),
        currency_scales=_numbers(_table(nums, n, "currency_scales"), n, "currency_scales"),
        collectives=_numbers(_table(nums, n, "collectives"), n, "collectives"),
        only_before_of=only_before_of,
        fraction_denominators=_denominators(nums, n),
        fractions=MappingProxyType(
            {
                k: _fraction(v, n, f"[fractions] {k!r}")
                for k, v in _table(nums, n, "fractions").items()
            }
        ),
        unicode_fractions=MappingProxyType(
            {
                k: _fraction(v, n, f"[unicode_fractions] {k!r}")
                for k, v in _table(nums, n, "unicode_fractions").items()
            }
        ),
        vague=MappingProxyType(vague),
        qualifiers_before=_phrases(_table(quals, q, "before"), q, "before", SHAPES_BEFORE),
        qualifiers_after=_phrases(_table(quals, q, "after"), q, "after", SHAPES_AFTER),
        trends_before=_trend_table(_table(trends, t, "before"), t, "before"),
        trends_after=_trend_table(_table(trends, t, "after"), t, "after"),
        trends_by_object=_trend_table(_table(trends, t, "by_object"), t, "by_object"),
        function_words=_words(words, w, "function_words"),
        past_verbs=_words(words, w, "past_verbs"),
        rate_adverbs=_words(words, w, "rate_adverbs"),
        noun_phrase_openers=_words(words, w, "noun_phrase_openers"),
        group_sizes=_words(words, w, "group_sizes"),
        group_nouns=_words(words, w, "group_nouns"),
        list_leads=_words(words, w, "list_leads"),
        months=frozenset(month_numbers),
        month_numbers=month_numbers,
        date_prepositions=_words(words, w, "date_prepositions"),
        day_followers=day_followers,
        weekdays=_words(words, w, "weekdays"),
        year_cues=_words(words, w, "year_cues"),
        time_suffixes=_words(words, w, "time_suffixes"),
        clock_words=_words(words, w, "clock_words"),
        time_point_words=_words(words, w, "time_point_words"),
        focus_adverbs=_words(words, w, "focus_adverbs"),
        trend_adjectives=_words(words, w, "trend_adjectives"),
        elision_level_links=_words(words, w, "elision_level_links"),
        elision_sibling_links=_words(words, w, "elision_sibling_links"),
        elision_clause_verbs=_words(words, w, "elision_clause_verbs"),
        elision_followers=_words(words, w, "elision_followers"),
        age_subjects=_words(words, w, "age_subjects"),
        age_verbs=_words(words, w, "age_verbs"),
        age_followers=_words(words, w, "age_followers"),
        age_markers=_words(words, w, "age_markers"),
        age_at_verbs=_words(words, w, "age_at_verbs"),
        decade_leads=_nonempty(_words(words, w, "decade_leads"), w, "decade_leads"),
        decade_owners=_nonempty(_words(words, w, "decade_owners"), w, "decade_owners"),
        name_titles=_words(words, w, "name_titles"),
        honorifics=_words(words, w, "honorifics"),
        ordinal_suffixes=_words(words, w, "ordinal_suffixes"),
        pronoun_one_before=_words(words, w, "pronoun_one_before"),
        pronoun_one_after=_words(words, w, "pronoun_one_after"),
        number_pair_joiners=_words(words, w, "number_pair_joiners"),
        label_words=_words(words, w, "label_words"),
        label_nouns=_words(words, w, "label_nouns"),
        name_suffixes=_words_cased(words, w, "name_suffixes"),
        score_nouns=_words(words, w, "score_nouns"),
        ordinal_fractions=ordinal_fractions,
        hyphen_ordinals=_words(words, w, "hyphen_ordinals"),
        fraction_tail_blockers=_words(words, w, "fraction_tail_blockers"),
        ordinal_leads=_words(words, w, "ordinal_leads"),
        period_fractions=period_fractions,
        period_wholes=_words(words, w, "period_wholes"),
        period_leads=_words(words, w, "period_leads"),
        part_blockers=_words(words, w, "part_blockers"),
        ratio_occasions=_words(words, w, "ratio_occasions"),
        fraction_referents=_words(words, w, "fraction_referents"),
        comparatives=_words(words, w, "comparatives"),
        score_words=_words(words, w, "score_words"),
        street_suffixes=_words(words, w, "street_suffixes"),
        street_prefixes=_words(words, w, "street_prefixes"),
        irregular_plurals=MappingProxyType({k.lower(): v for k, v in irregular.items()}),
        unit_aliases=MappingProxyType(dict(aliases)),
        money_after_scale=MappingProxyType({k.lower(): v for k, v in money_after_scale.items()}),
        money_pound_unit=pound_unit,
        guarded_symbols=_words_cased(units, u, "guarded_symbols"),
        spaced_not_scales=spaced_not_scales,
        not_units=_words(units, u, "not_units"),
        inch_cues=_words(units, u, "inch_cues"),
        metre_cues=_words(units, u, "metre_cues"),
        article_units=_words(units, u, "article_units"),
        extra_units=MappingProxyType(dict(_table(units, u, "extra_units"))),
        new_entities=_words(units, u, "new_entities"),
        units_before=_str_map(units, u, "units_before"),
        compound_measures=_compound_measures(units, u),
        compound_symbols=_str_map(units, u, "compound_symbols"),
        subjects=_subject_data(subj, sj),
    )
    # the scanner finds number words and vague phrases from the character before them,
    # which must be no word character: a word must start with one
    if bad := sorted(w for w in [*lex.number_words, *lex.vague] if not re.match(r"\w", w)):
        raise LexiconError(
            f"{n}: number words and [vague] phrases must start with a letter or digit: {bad}"
        )
    # an adjective stepped over after a trend's article would hide a qualifier's last word
    ending = {k[-1] for k in lex.qualifiers_before}
    if bad := sorted(lex.trend_adjectives & ending):
        raise LexiconError(f"{w}: trend_adjectives {bad} end a qualifier of {q} [before]")
    return lex


def _word_groups(table: Mapping[str, Any], file: str, key: str) -> dict[tuple[str, ...], str]:
    """``{name: [phrase, ...]}`` -> ``{phrase words: name}``; a phrase in two groups is an error."""
    out: dict[tuple[str, ...], str] = {}
    for name, members in table.items():
        if not isinstance(members, list) or not all(isinstance(m, str) and m for m in members):
            raise LexiconError(f"{file}: [{key}] {name} must be a list of non-empty strings")
        for member in members:
            words = phrase_key(member)
            if out.get(words, name) != name:
                raise LexiconError(
                    f"{file}: [{key}] {member!r} is in both {out[words]!r} and {name!r}"
                )
            out[words] = name
    return out


def _age_words(data: Mapping[str, Any], file: str) -> Mapping[str, str]:
    """``[age_words]``: one lower-case word to the one lower-case word it keys as."""
    table = _table(data, file, "age_words")
    for word, to in table.items():
        if not (isinstance(to, str) and " " not in word + to and word + to == (word + to).lower()):
            raise LexiconError(
                f"{file}: [age_words] {word!r} must map one lower-case word to another"
            )
    return MappingProxyType(dict(table))


def _place_names(data: Mapping[str, Any], file: str) -> Mapping[str, str]:
    """``[place_names]`` ``{name: [form, ...]}`` -> ``{form: name}``, each form lower
    case, its words single-spaced, with no dots or commas (as a key holds a place: "u.s."
    is "us"); a form under two names is an error, and so is a name in capitals or not
    among its own forms. The table may be left out (no place has two spellings)."""
    if "place_names" not in data:
        return MappingProxyType({})
    table = _table(data, file, "place_names")
    for name, members in table.items():
        if name != name.lower():
            raise LexiconError(f"{file}: [place_names] {name!r} must be lower case")
        for member in members if isinstance(members, list) else ():
            if isinstance(member, str) and member != member.lower():
                raise LexiconError(f"{file}: [place_names] {member!r} must be lower case")
    out: dict[str, str] = {}
    for words, name in _word_groups(table, file, "place_names").items():
        form = " ".join(words)
        for mark, called in ((".", "dots"), (",", "commas")):
            if mark in form:
                raise LexiconError(
                    f"{file}: [place_names] {form!r} must be written without {called}"
                )
        out[form] = name
    for name in table:
        if out.get(name) != name:
            raise LexiconError(f"{file}: [place_names] {name!r} must be one of its own forms")
    return MappingProxyType(out)


def _nonempty(words: frozenset[str], file: str, key: str) -> frozenset[str]:
    """``words``, which must not be empty (a pattern is built from them)."""
    if not words:
        raise LexiconError(f"{file}: {key} must not be empty")
    return words


def _action_nouns(data: Mapping[str, Any], file: str, roles: frozenset[str]) -> Mapping[str, str]:
    """``[action_nouns]`` -> ``{word: role}``, the role ``""`` for the group ``event``; a
    group must be ``event`` or a [roles] name, and a member one word."""
    table = _table(data, file, "action_nouns")
    out: dict[str, str] = {}
    for words, name in _word_groups(table, file, "action_nouns").items():
        if name != "event" and name not in roles:
            raise LexiconError(
                f"{file}: [action_nouns] {name} is neither 'event' nor a [roles] group"
            )
        if len(words) != 1:
            raise LexiconError(f"{file}: [action_nouns] {' '.join(words)!r} is not one word")
        out[words[0]] = "" if name == "event" else name
    return MappingProxyType(out)


def _verb_classes(
    data: Mapping[str, Any], file: str, classes: Mapping[tuple[str, ...], str]
) -> Mapping[str, tuple[str, frozenset[str]]]:
    """``[verb_classes.NAME]`` tables of ``nouns`` and ``verbs`` -> ``{noun: (NAME, verbs)}``;
    a noun in two tables or also a one-word member of ``classes`` is an error."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for name, spec in _table(data, file, "verb_classes").items():
        where = f"[verb_classes.{name}]"
        if not isinstance(spec, dict) or set(spec) != {"nouns", "verbs"}:
            raise LexiconError(f"{file}: {where} must have exactly nouns and verbs")
        verbs = _words(spec, f"{file}: {where}", "verbs")
        for noun in _words(spec, f"{file}: {where}", "nouns"):
            if noun in out or (noun,) in classes:
                raise LexiconError(f"{file}: {where} noun {noun!r} already has a class")
            out[noun] = (name, verbs)
    return MappingProxyType(out)


def _month_numbers(data: Mapping[str, Any], file: str) -> Mapping[str, int]:
    """[months]: each name's month, 1 to 12, every month named."""
    table = _table(data, file, "months")
    if not all(
        isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 12 for v in table.values()
    ):
        raise LexiconError(f"{file}: [months] values must be month numbers, 1 to 12")
    unnamed = sorted(set(range(1, 13)) - set(table.values()))
    if unnamed:
        raise LexiconError(f"{file}: [months] names no month {unnamed}")
    return MappingProxyType({k.lower(): v for k, v in table.items()})


def _str_map(data: Mapping[str, Any], file: str, key: str) -> Mapping[str, str]:
    table = _table(data, file, key)
    if not all(isinstance(v, str) and v for v in table.values()):
        raise LexiconError(f"{file}: [{key}] values must be non-empty strings")
    return MappingProxyType({k.lower(): v for k, v in table.items()})


def _compound_measures(data: Mapping[str, Any], file: str) -> Mapping[str, Mapping[str, Decimal]]:
    """`[compound_measures]`: for each larger unit, the smaller units that may follow it
    ("1hr 4 mins") and how many of them make one of it, a whole number above 1."""
    out: dict[str, Mapping[str, Decimal]] = {}
    for larger, smaller in _table(data, file, "compound_measures").items():
        if not isinstance(smaller, dict):
            raise LexiconError(f"{file}: [compound_measures] {larger!r} must be a table")
        if not smaller:
            raise LexiconError(f"{file}: [compound_measures] {larger!r} is empty")
        ratios: dict[str, Decimal] = {}
        for unit, ratio in smaller.items():
            if unit == larger:
                raise LexiconError(f"{file}: [compound_measures] {larger!r} follows itself")
            if not isinstance(ratio, int) or isinstance(ratio, bool) or ratio < 2:
                raise LexiconError(
                    f"{file}: [compound_measures] {larger!r} {unit!r} must be a whole number"
                    f" above 1, got {ratio!r}"
                )
            ratios[unit] = Decimal(ratio)
        out[larger] = MappingProxyType(ratios)
    return MappingProxyType(out)


def _dimension_units(
    data: Mapping[str, Any], file: str, dimensions: Mapping[str, str]
) -> Mapping[str, Mapping[str, str]]:
    """`[dimension_units]`: for each dimension of `[dimensions]` but "age", the unit
    entities it is measured in and the dimension each names."""
    table = _table(data, file, "dimension_units")
    out: dict[str, Mapping[str, str]] = {}
    for dimension, by_entity in table.items():
        where = f"[dimension_units] {dimension!r}"
        if dimension not in dimensions.values():
            raise LexiconError(f"{file}: {where} is no dimension of [dimensions]")
        if not isinstance(by_entity, dict) or not all(
            isinstance(v, str) and v for v in by_entity.values()
        ):
            raise LexiconError(f"{file}: {where} must map unit entities to dimension names")
        out[dimension] = MappingProxyType(dict(by_entity))
    missing = set(dimensions.values()) - out.keys() - {"age"}
    if missing:
        raise LexiconError(f"{file}: [dimension_units] lacks {', '.join(sorted(missing))}")
    return MappingProxyType(out)


def _relative(table: Mapping[str, Any], file: str) -> Mapping[tuple[str, ...], Relative]:
    out: dict[tuple[str, ...], Relative] = {}
    for phrase, spec in table.items():
        where = f"[relative] {phrase!r}"
        if not isinstance(spec, dict) or not {"low", "high"} <= spec.keys():
            raise LexiconError(f"{file}: {where} needs low and high")
        unknown = spec.keys() - {"low", "high", "low_open", "high_open"}
        if unknown:
            raise LexiconError(f"{file}: {where} has unknown keys {sorted(unknown)}")
        low = _fraction(spec["low"], file, where + " low")
        high = _fraction(spec["high"], file, where + " high")
        low_open, high_open = spec.get("low_open", False), spec.get("high_open", False)
        if not isinstance(low_open, bool) or not isinstance(high_open, bool):
            raise LexiconError(f"{file}: {where} low_open and high_open must be true or false")
        if not 0 <= low <= high or (low == high and (low_open or high_open)):
            raise LexiconError(f"{file}: {where} needs 0 <= low <= high, and a point closed")
        out[phrase_key(phrase)] = Relative(low, high, low_open, high_open)
    return MappingProxyType(out)


def _subject_data(data: Mapping[str, Any], file: str) -> SubjectData:
    verbs = _table(data, file, "verbs")
    scope = _table(data, file, "scope")
    clauses = _table(data, file, "clauses")
    keys = _table(data, file, "keys")
    closers = _words(scope, file, "closers")
    times = _words(scope, file, "time_prepositions")
    periods = _words(scope, file, "period_prepositions")
    if not periods <= times:
        raise LexiconError(f"{file}: [scope] period_prepositions must be time_prepositions")
    through = _words(scope, file, "through_prepositions")
    if not through <= times:
        raise LexiconError(f"{file}: [scope] through_prepositions must be time_prepositions")
    classes = MappingProxyType(_word_groups(_table(data, file, "classes"), file, "classes"))
    holding = _words(verbs, file, "holding")
    participles = _words(keys, file, "cumulative_participles")
    dimensions = _str_map(data, file, "dimensions")
    if not participles <= holding:
        raise LexiconError(f"{file}: [keys] cumulative_participles must be [verbs] holding")
    nouns_too = _words(verbs, file, "nouns_too")
    nouns_after_noun = _words(verbs, file, "nouns_after_noun")
    if not nouns_after_noun <= nouns_too:
        raise LexiconError(f"{file}: [verbs] nouns_after_noun must be [verbs] nouns_too")
    speech = _words(clauses, file, "speech")
    if not speech <= _words(clauses, file, "openers"):
        raise LexiconError(f"{file}: [clauses] speech must be [clauses] openers")
    owner_links = _words(clauses, file, "owner_links")
    over_objects = _words(clauses, file, "owner_links_over_objects")
    if not over_objects <= owner_links:
        raise LexiconError(
            f"{file}: [clauses] owner_links_over_objects must be [clauses] owner_links"
        )
    roles = _word_groups(_table(data, file, "roles"), file, "roles")
    return SubjectData(
        classes=classes,
        roles=MappingProxyType(roles),
        action_nouns=_action_nouns(data, file, frozenset(roles.values())),
        verb_classes=_verb_classes(data, file, classes),
        copulas=_words(verbs, file, "copulas"),
        holding=holding,
        events=_words(verbs, file, "events"),
        agent_participles=_words(verbs, file, "agent_participles"),
        leaving=_words(verbs, file, "leaving"),
        nouns_too=nouns_too,
        nouns_after_noun=nouns_after_noun,
        containing=_words(verbs, file, "containing"),
        auxiliaries=_words(verbs, file, "auxiliaries"),
        modals=_words(verbs, file, "modals"),
        negations=_words(verbs, file, "negations"),
        contractions=_words(verbs, file, "contractions"),
        reporting=_words(verbs, file, "reporting"),
        spending=_words(verbs, file, "spending"),
        adjectives_too=_words(verbs, file, "adjectives_too"),
        plural_verbs=_words(verbs, file, "plural_verbs"),
        plural_verbs_before=_words(verbs, file, "plural_verbs_before"),
        group_verbs=_words(verbs, file, "group_verbs"),
        bare_moves=_words(verbs, file, "bare_moves"),
        perceiving=_words(verbs, file, "perceiving"),
        setting=_words(verbs, file, "setting"),
        estimating=_words(verbs, file, "estimating"),
        forecasting=_words(verbs, file, "forecasting"),
        spent_on=_words(verbs, file, "spent_on"),
        verb_subjects=_str_map(data, file, "verb_subjects"),
        dimensions=dimensions,
        dimension_units=_dimension_units(data, file, dimensions),
        dimension_nouns=_words(data, file, "dimension_nouns"),
        measure_not_sized=_words(data, file, "measure_not_sized"),
        property_nouns=_words(data, file, "property_nouns"),
        share_not_sized=_words(data, file, "share_not_sized"),
        share_not_sized_endings=tuple(sorted(_words(data, file, "share_not_sized_endings"))),
        scope_prepositions=_words(scope, file, "prepositions"),
        compass=_words(scope, file, "compass"),
        time_prepositions=times,
        through_prepositions=through,
        period_prepositions=periods,
        group_prepositions=_words(scope, file, "group_prepositions"),
        group_nouns=_words(scope, file, "group_nouns"),
        lacking_prepositions=_words(scope, file, "lacking_prepositions"),
        lacked=_words(scope, file, "lacked"),
        level_markers=_words(clauses, file, "level_markers"),
        level_leads=_words(clauses, file, "level_leads"),
        group_leads=_words(clauses, file, "group_leads"),
        change_leads=_words(clauses, file, "change_leads"),
        means=_words(scope, file, "means"),
        place_nouns=_words(scope, file, "place_nouns"),
        named_by_of=_words(scope, file, "named_by_of"),
        place_names=_place_names(data, file),
        age_words=_age_words(data, file),
        joining=_words(scope, file, "joining"),
        joining_not_after=_words(scope, file, "joining_not_after"),
        by_not_joining=_words(scope, file, "by_not_joining"),
        event_nouns=_words(scope, file, "event_nouns"),
        place_verbs=_words(scope, file, "place_verbs"),
        time_words=_words(scope, file, "time_words"),
        time_openers=_words(scope, file, "time_openers"),
        span_openers=_words(scope, file, "span_openers"),
        day_words=_words(scope, file, "day_words"),
        closers=MappingProxyType({phrase_key(c): c for c in closers}),
        relative=_relative(_table(data, file, "relative"), file),
        nouns_like_modifiers=_words(data, file, "nouns_like_modifiers"),
        ly_nouns=_words(data, file, "ly_nouns"),
        ing_nouns=_words(data, file, "ing_nouns"),
        phrase_enders=_words(data, file, "phrase_enders"),
        change_nouns=_words(data, file, "change_nouns"),
        joined_collectives=_words(data, file, "joined_collectives"),
        clause_openers=_words(clauses, file, "openers"),
        clause_coordinators=_words(clauses, file, "coordinators"),
        clause_subordinators=_words(clauses, file, "subordinators"),
        clause_owner_links=owner_links,
        clause_owner_links_over_objects=over_objects,
        clause_thinking=_words(clauses, file, "thinking"),
        clause_not_subordinating=_words(clauses, file, "not_subordinating"),
        clause_relatives=_words(clauses, file, "relatives"),
        those=_words(clauses, file, "those"),
        respectively=_words(clauses, file, "respectively"),
        clause_adverbials=_words(clauses, file, "adverbials"),
        clause_pronouns=_words(clauses, file, "pronouns"),
        clause_personal_pronouns=_words(clauses, file, "personal_pronouns"),
        clause_reflexives=_words(clauses, file, "reflexives"),
        clause_adverbs=_words(clauses, file, "adverbs"),
        clause_no_subject=_words(clauses, file, "no_subject"),
        clause_subject_pronouns=_words(clauses, file, "subject_pronouns"),
        clause_possessive_pronouns=_words(clauses, file, "possessive_pronouns"),
        clause_personal_possessives=_words(clauses, file, "personal_possessives"),
        clause_speech=speech,
        clause_speech_for_others=_words(clauses, file, "speech_for_others"),
        clause_descriptors=_words(clauses, file, "descriptors"),
        clause_appositives=_phrase_list(clauses, file, "appositives"),
        clause_with_partners=_words(clauses, file, "with_partners"),
        clause_carriers=_words(clauses, file, "carriers"),
        clause_carrying=_words(clauses, file, "carrying"),
        clause_buying=_words(clauses, file, "buying"),
        clause_price_links=_phrase_list(clauses, file, "price_links"),
        clause_intents=_words(clauses, file, "intents"),
        clause_raising_after_be=_words(clauses, file, "raising_after_be"),
        clause_raising=_words(clauses, file, "raising"),
        be_forms=_words(verbs, file, "be"),
        passive_holding=_words(verbs, file, "passive_holding"),
        totals=_phrase_list(verbs, file, "totals"),
        share_verbs=_phrase_list(verbs, file, "shares"),
        clause_sharing=_words(clauses, file, "sharing"),
        clause_wholes=_words(clauses, file, "wholes"),
        clause_comparing=_words(clauses, file, "comparing"),
        generic_classes=_words(keys, file, "generic"),
        play_units=_words(keys, file, "play_units"),
        role_plain=_words(keys, file, "role_plain"),
        increments=_words(keys, file, "increments"),
        skip_modifiers=_words(keys, file, "skip_modifiers"),
        tallies=_phrase_list(keys, file, "tallies"),
        counting_verbs=_words(keys, file, "counting_verbs"),
        of_heads=_words(keys, file, "of_heads"),
        on_heads=_words(keys, file, "on_heads"),
        on_idioms=_words(keys, file, "on_idioms"),
        period_changes=_words(keys, file, "period_changes"),
        averages=_words(keys, file, "averages"),
        not_tallies=_words(keys, file, "not_tallies"),
        time_points=_words(keys, file, "time_points"),
        clock_points=_words(keys, file, "clock_points"),
        rank_words=_words(keys, file, "rank_words"),
        perfect_auxiliaries=_words(keys, file, "perfect_auxiliaries"),
        cumulative_participles=participles,
        perfect_adverbs=_words(keys, file, "perfect_adverbs"),
        running_events=_words(keys, file, "running_events"),
    )


def _words_cased(data: Mapping[str, Any], file: str, key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
        raise LexiconError(f"{file}: {key} must be a list of non-empty strings")
    return frozenset(value)
