"""Integrity of the bundled language data, in the style of dateparser's data tests.

Every bundled TOML file must load and validate; the tables must not contradict each
other; and a broken data folder must raise `LexiconError` naming the file and the key.
"""

from __future__ import annotations

import shutil
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

import figtrack
from figtrack.lexicon import FILES, SHAPES_AFTER, SHAPES_BEFORE, LexiconError, phrase_key

DATA = Path(str(resources.files("figtrack.data")))


@pytest.fixture(scope="module")
def lex() -> figtrack.Lexicon:
    """The bundled lexicon."""
    return figtrack.load_lexicon()


@pytest.fixture(scope="module")
def raw() -> dict[str, dict[str, object]]:
    """Each bundled data file, parsed as plain TOML."""
    return {name: tomllib.loads((DATA / name).read_text("utf-8")) for name in FILES}


@pytest.mark.parametrize("name", FILES)
def test_every_bundled_file_is_valid_toml(name: str) -> None:
    """Each data file named in lexicon.FILES exists, is UTF-8 and parses as TOML."""
    assert tomllib.loads((DATA / name).read_text("utf-8"))


def test_no_stray_data_files() -> None:
    """Every .toml file in figtrack/data is one a loader reads (none is dead data).

    The lexicon reads FILES; the comparison policy reads conversions.toml and context.toml.
    """
    assert {p.name for p in DATA.glob("*.toml")} == {*FILES, "conversions.toml", "context.toml"}


def test_bundled_lexicon_loads(lex: figtrack.Lexicon) -> None:
    """load_lexicon() with no folder validates the bundled data without error."""
    assert lex.qualifiers_before and lex.qualifiers_after and lex.units and lex.vague


def test_qualifier_shapes_are_valid(raw: dict[str, dict[str, object]]) -> None:
    """Every qualifier phrase has a shape the reader knows for its side."""
    quals = raw["qualifiers.toml"]
    assert isinstance(quals["before"], dict) and isinstance(quals["after"], dict)
    assert {p for p, s in quals["before"].items() if s not in SHAPES_BEFORE} == set()
    assert {p for p, s in quals["after"].items() if s not in SHAPES_AFTER} == set()


@pytest.mark.parametrize("side", ["before", "after"])
def test_qualifier_phrases_unique_after_normalising(
    raw: dict[str, dict[str, object]], side: str
) -> None:
    """No two keys of one table are the same phrase up to case and spacing (one would
    silently override the other)."""
    table = raw["qualifiers.toml"][side]
    assert isinstance(table, dict)
    keys = [phrase_key(p) for p in table]
    assert len(keys) == len(set(keys))


def test_phrases_on_both_sides_agree(lex: figtrack.Lexicon) -> None:
    """A phrase listed both before and after a number ("at least") means the same."""
    shared = set(lex.qualifiers_before) & set(lex.qualifiers_after)
    conflicts = {
        p: (lex.qualifiers_before[p], lex.qualifiers_after[p])
        for p in shared
        if lex.qualifiers_before[p] != lex.qualifiers_after[p]
    }
    assert conflicts == {}


def test_qualifiers_and_trends_are_disjoint(lex: figtrack.Lexicon) -> None:
    """No phrase before a number is both a qualifier and a trend (it would be read twice)."""
    assert set(lex.qualifiers_before) & set(lex.trends_before) == set()


def test_by_object_verbs_are_single_words_not_trends(lex: figtrack.Lexicon) -> None:
    """[by_object] verbs are one word each and are not already trends before a figure
    (there they would make "raised $5m" a change)."""
    assert all(len(k) == 1 for k in lex.trends_by_object)
    assert set(lex.trends_by_object) & set(lex.trends_before) == set()


def _written(form: str) -> str:
    """A [place_names] form as a text would write it: initials in capitals ("us" ->
    "US"), other words with a capital ("united states" -> "United States")."""
    return form.upper() if len(form) <= 3 else " ".join(w.capitalize() for w in form.split())


@pytest.mark.parametrize("form", sorted(figtrack.load_lexicon().subjects.place_names))
def test_every_place_name_form_is_keyed_by_its_name(form: str) -> None:
    """Each form of [place_names], written in a sentence, gives a key that holds its
    group's name, so no form is dead data and every spelling meets the others."""
    name = figtrack.load_lexicon().subjects.place_names[form]
    (claim,) = figtrack.extract(f"Orvex employs 300 people in the {_written(form)}.")
    assert claim.subject is not None
    assert claim.subject.key == f"person||orvex|{name}"


def test_place_name_a_key_cannot_reach_fails_when_built(tmp_path: Path) -> None:
    """A [place_names] form holding a word that keys drop ("the") loads as a lexicon but
    fails when the Extractor is built, naming the form."""
    folder = _copy_data(tmp_path)
    _break(folder, "subjects.toml", 'uk = ["uk", "united kingdom"]', 'uk = ["uk", "the uk"]')
    figtrack.load_lexicon(folder)
    with pytest.raises(LexiconError, match=r"place_names.*'the uk'.*never match"):
        figtrack.Extractor(folder)


def test_place_names_may_be_left_out(tmp_path: Path) -> None:
    """A data folder without [place_names] (written before it existed) still loads, and
    its keys hold places as written."""
    folder = _copy_data(tmp_path)
    path = folder / "subjects.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[place_names]")
    path.write_text(text[:start] + text[text.index("\n\n", start) :], encoding="utf-8")
    assert figtrack.load_lexicon(folder).subjects.place_names == {}
    (claim,) = figtrack.Extractor(folder).extract("Orvex employs 300 people in the United States.")
    assert claim.subject is not None
    assert claim.subject.key == "person||orvex|united states"


@pytest.mark.parametrize("side", ["before", "after", "by_object"])
def test_trend_words_have_one_direction(raw: dict[str, dict[str, object]], side: str) -> None:
    """No trend word is listed as both up and down."""
    table = raw["trends.toml"][side]
    assert isinstance(table, dict)
    up = {phrase_key(w) for w in table["up"]}
    down = {phrase_key(w) for w in table["down"]}
    none = {phrase_key(w) for w in table.get("none", [])}
    assert up & down == set()
    assert none & (up | down) == set()


def test_no_change_phrases_end_in_a_trend_word(lex: figtrack.Lexicon) -> None:
    """Each phrase of ``[before] none`` ("make up") is longer than one word and ends in a
    trend word: it is there to stop a change, so without the trend word it does nothing."""
    none = [k for k, v in lex.trends_before.items() if v == "none"]
    assert none
    for phrase in none:
        assert len(phrase) > 1
        assert lex.trends_before.get(phrase[-1:]) in ("up", "down"), phrase


def test_number_word_classes_are_disjoint(raw: dict[str, dict[str, object]]) -> None:
    """Units, tens, scales, collectives and fractions share no word."""
    numbers = raw["numbers.toml"]
    classes = {
        k: {w.lower() for w in numbers[k]}  # type: ignore[union-attr]
        for k in ("units", "tens", "scales", "collectives", "fractions")
    }
    for a in classes:
        for b in classes:
            if a < b:
                assert classes[a] & classes[b] == set(), (a, b)


def test_number_word_values(lex: figtrack.Lexicon) -> None:
    """Units are 0-19, tens are the multiples of ten 20-90, scales are powers of ten."""
    assert set(lex.units.values()) == {Decimal(n) for n in range(20)}
    assert set(lex.tens.values()) == {Decimal(n) for n in range(20, 100, 10)}
    for word, value in lex.scales.items():
        assert value > 1 and value == 10 ** (len(str(int(value))) - 1), word


def test_scale_tables_agree(lex: figtrack.Lexicon) -> None:
    """A word in several scale tables ("billion", "thousand") has one value."""
    tables = [lex.scales, lex.scale_abbreviations, lex.currency_scales]
    for a in tables:
        for b in tables:
            for word in set(a) & set(b):
                assert a[word] == b[word], word


def test_vague_ranges(lex: figtrack.Lexicon) -> None:
    """Each vague magnitude is [low, high] with low < high. A plural scale spans one order
    of magnitude ("thousands" = [1000, 10000]); "several X" is 3 to 9 of X and "few X" 2 to
    5 of X, as numbers.toml states."""
    assert lex.vague
    for phrase, (low, high) in lex.vague.items():
        assert 0 < low < high, phrase
        if phrase.startswith("several "):
            assert high == 3 * low, phrase
        elif phrase.startswith("few "):
            assert 2 * high == 5 * low, phrase
        else:
            assert high == 10 * low, phrase
    assert lex.vague["tens of thousands"] == (Decimal(10000), Decimal(100000))
    assert lex.vague["several hundred"] == (Decimal(300), Decimal(900))


def test_unicode_fractions_are_single_characters(lex: figtrack.Lexicon) -> None:
    """Unicode fraction keys are one character worth less than one."""
    for char, value in lex.unicode_fractions.items():
        assert len(char) == 1 and 0 < value < 1, char


def test_unit_aliases_name_known_units(lex: figtrack.Lexicon) -> None:
    """Every unit alias names a unit in the unit table, and looking it up gives that unit."""
    units = figtrack.Extractor().units
    unknown = {s: n for s, n in lex.unit_aliases.items() if n not in units.entity}
    assert unknown == {}
    wrong = {s: units.lookup(s) for s, n in lex.unit_aliases.items() if units.lookup(s) != n}
    assert wrong == {}
    assert units.is_currency(lex.money_pound_unit)


def test_article_units_are_units_not_of_time(lex: figtrack.Lexicon) -> None:
    """Each word that "a"/"an" makes one of is a unit word of the table, singular, and no
    unit of time ("a year ago" is no figure)."""
    units = figtrack.Extractor().units
    names = {w: units.lookup(w) for w in lex.article_units}
    assert {w for w, n in names.items() if n is None} == set()
    assert {w for w, n in names.items() if units.entity.get(n or "") == "time"} == set()
    assert {w for w in lex.article_units if w.endswith("s")} == set()


# -- broken data folders -------------------------------------------------------------


def _copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in FILES:
        shutil.copy(DATA / name, folder / name)
    return folder


def _break(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text("utf-8")
    assert old in text, f"test data drifted: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "names"),
    [
        (
            "qualifiers.toml",
            '"at least" = "ge"',
            '"at least" = "greater"',
            ["qualifiers.toml", "at least", "greater"],
        ),
        (
            "qualifiers.toml",
            '"or so" = "approx"',
            '"or so" = "nearly"',
            ["qualifiers.toml", "or so", "nearly"],
        ),
        ("numbers.toml", 'twelve = "12"', 'twelve = "twelve"', ["numbers.toml", "twelve"]),
        ("numbers.toml", 'twelve = "12"', "twelve = 12", ["numbers.toml", "twelve"]),
        (
            "numbers.toml",
            '"thousands" = ["1000", "10000"]',
            '"thousands" = ["10000", "1000"]',
            ["numbers.toml", "vague", "thousands"],
        ),
        (
            "numbers.toml",
            '"thousands" = ["1000", "10000"]',
            '"thousands" = ["1000"]',
            ["numbers.toml", "vague", "thousands"],
        ),
        ("numbers.toml", 'half = "1/2"', 'half = "1/0"', ["numbers.toml", "fractions", "half"]),
        (
            "numbers.toml",
            'million = "1000000"',
            'million = "Infinity"',
            ["numbers.toml", "million"],
        ),
        ("trends.toml", "up = [", "sideways = [", ["trends.toml", "sideways"]),
        ("words.toml", "[months]\n", "months = 3\n[old_months]\n", ["words.toml", "months"]),
        ("words.toml", "sept = 9", "sept = 13", ["words.toml", "[months]", "1 to 12"]),
        (
            "subjects.toml",
            'through_prepositions = ["on"]',
            'through_prepositions = ["at"]',
            ["subjects.toml", "through_prepositions", "time_prepositions"],
        ),
        (
            "words.toml",
            'ordinal_fractions = ["third",',
            'ordinal_fractions = ["thrid",',
            ["words.toml", "ordinal_fractions", "thrid", "fractions"],
        ),
        (
            "words.toml",
            'period_fractions = ["quarters"]',
            'period_fractions = ["quarterz"]',
            ["words.toml", "period_fractions", "quarterz", "fractions"],
        ),
        ("trends.toml", "[after]\nup = [", "[after]\nnone = [", ["trends.toml", "after", "'none'"]),
        (
            "subjects.toml",
            'above = "over"',
            'above = "Over there"',
            ["subjects.toml", "age_words", "above"],
        ),
        ("units.toml", "[money_pound]", "[money_pound_x]", ["units.toml", "money_pound"]),
        (
            "units.toml",
            'spaced_not_scales = ["K"]',
            'spaced_not_scales = ["Q"]',
            ["units.toml", "spaced_not_scales", "Q", "scale_abbreviations"],
        ),
        ("numbers.toml", "[units]", "[units", ["numbers.toml", "TOML"]),
        (
            "subjects.toml",
            'nouns_after_noun = ["forecast"]',
            'nouns_after_noun = ["forecast", "outlook"]',
            ["subjects.toml", "nouns_after_noun", "nouns_too"],
        ),
        (
            "numbers.toml",
            'only_before_of = ["score",',
            'only_before_of = ["scroe",',
            ["numbers.toml", "only_before_of", "scroe", "[collectives]"],
        ),
        (
            "words.toml",
            'day_followers = ["it",',
            'day_followers = ["more", "it",',
            ["words.toml", "day_followers", "more", "noun_phrase_openers"],
        ),
        (
            "subjects.toml",
            'person = ["person",',
            'person = ["soldier",',
            ["subjects.toml", "classes", "soldier", "troop", "person"],
        ),
        (
            "subjects.toml",
            '"the majority" = { low = "1/2"',
            '"the majority" = { low = "3/2"',
            ["subjects.toml", "relative", "the majority"],
        ),
        (
            "subjects.toml",
            'earned = "earnings"',
            "earned = 1",
            ["subjects.toml", "verb_subjects"],
        ),
        (
            "subjects.toml",
            'nouns = ["life"]',
            'nouns = ["toll"]',
            ["subjects.toml", "verb_classes.death", "toll", "already has a class"],
        ),
        (
            "subjects.toml",
            'nouns = ["life"]',
            'nouns = ["life"]\nverb = ["claimed"]',
            ["subjects.toml", "verb_classes.death", "nouns and verbs"],
        ),
        (
            "subjects.toml",
            'period_prepositions = ["during", "since"]',
            'period_prepositions = ["during", "amid"]',
            ["subjects.toml", "period_prepositions", "time_prepositions"],
        ),
        (
            "subjects.toml",
            'speech = ["said",',
            'speech = ["said", "forecast",',
            ["subjects.toml", "speech", "openers"],
        ),
        (
            "subjects.toml",
            'cumulative_participles = ["had",',
            'cumulative_participles = ["had", "visited",',
            ["subjects.toml", "cumulative_participles", "holding"],
        ),
        (
            "subjects.toml",
            'thickness = { length = "thickness" }\n',
            "",
            ["subjects.toml", "dimension_units", "lacks thickness"],
        ),
        (
            "subjects.toml",
            'weight = { mass = "weight" }',
            'weigth = { mass = "weight" }',
            ["subjects.toml", "dimension_units", "weigth", "no dimension"],
        ),
        (
            "subjects.toml",
            'weight = { mass = "weight" }',
            "weight = { mass = 1 }",
            ["subjects.toml", "dimension_units", "weight", "unit entities"],
        ),
        (
            "subjects.toml",
            'setting = ["raise",',
            "setting = [7,",
            ["subjects.toml", "setting"],
        ),
        (
            "subjects.toml",
            'injury = ["injury", "injuries",',
            'injuri = ["injury", "injuries",',
            ["subjects.toml", "action_nouns", "injuri", "[roles]"],
        ),
        (
            "subjects.toml",
            'event = ["rescue", "rescues",',
            'event = ["rescue effort", "rescues",',
            ["subjects.toml", "action_nouns", "'rescue effort'", "one word"],
        ),
        (
            "subjects.toml",
            'event = ["rescue", "rescues",',
            'event = ["rescue", "deaths",',
            ["subjects.toml", "action_nouns", "'deaths'", "both"],
        ),
        (
            "subjects.toml",
            'uk = ["uk", "united kingdom"]',
            'uk = ["u.k.", "united kingdom"]',
            ["subjects.toml", "place_names", "'u.k.'", "without dots"],
        ),
        (
            "subjects.toml",
            'uk = ["uk", "united kingdom"]',
            'uk = ["united kingdom"]',
            ["subjects.toml", "place_names", "'uk'", "its own forms"],
        ),
        (
            "subjects.toml",
            'uk = ["uk", "united kingdom"]',
            'uk = ["uk", "usa"]',
            ["subjects.toml", "place_names", "'usa'", "both"],
        ),
        (
            "subjects.toml",
            'uk = ["uk", "united kingdom"]',
            'UK = ["uk", "united kingdom"]',
            ["subjects.toml", "place_names", "'UK'", "lower case"],
        ),
        (
            "subjects.toml",
            'uk = ["uk", "united kingdom"]',
            'uk = ["uk", "united kingdom, the"]',
            ["subjects.toml", "place_names", "'united kingdom, the'", "commas"],
        ),
        (
            "words.toml",
            'decade_owners = ["his",',
            "decade_owners = [1,",
            ["words.toml", "decade_owners"],
        ),
        (
            "words.toml",
            'decade_owners = ["his", "her", "their", "my", "your", "our"]',
            "decade_owners = []",
            ["words.toml", "decade_owners", "empty"],
        ),
        (
            "numbers.toml",
            'nil = "0"',
            '"\'nil" = "0"',
            ["numbers.toml", "start with a letter", "'nil"],
        ),
        (
            "words.toml",
            'trend_adjectives = ["further", "sharp",',
            'trend_adjectives = ["further", "estimated", "sharp",',
            ["words.toml", "trend_adjectives", "'estimated'", "qualifier"],
        ),
        (
            "units.toml",
            "minute = { second = 60 }",
            "minute = { second = 1 }",
            ["units.toml", "compound_measures", "'minute'", "'second'", "above 1"],
        ),
        (
            "units.toml",
            "minute = { second = 60 }",
            'minute = { second = "60" }',
            ["units.toml", "compound_measures", "whole number"],
        ),
        (
            "units.toml",
            "minute = { second = 60 }",
            "minute = 60",
            ["units.toml", "compound_measures", "'minute'", "table"],
        ),
        (
            "units.toml",
            "minute = { second = 60 }",
            "minute = { minute = 60 }",
            ["units.toml", "compound_measures", "'minute'", "itself"],
        ),
        (
            "units.toml",
            "minute = { second = 60 }",
            "minute = {}",
            ["units.toml", "compound_measures", "'minute'", "empty"],
        ),
        (
            "numbers.toml",
            "fraction_denominators = [2,",
            "fraction_denominators = [1, 2,",
            ["numbers.toml", "fraction_denominators", "from 2"],
        ),
        (
            "numbers.toml",
            "fraction_denominators = [2,",
            'fraction_denominators = ["2",',
            ["numbers.toml", "fraction_denominators", "whole numbers"],
        ),
        (
            "words.toml",
            'part_blockers = ["the",',
            "part_blockers = [7,",
            ["words.toml", "part_blockers"],
        ),
    ],
)
def test_broken_file_raises_lexicon_error(
    tmp_path: Path, name: str, old: str, new: str, names: list[str]
) -> None:
    """Loading a data folder with one bad entry raises LexiconError naming the file and
    the offending key or value."""
    folder = _copy_data(tmp_path)
    _break(folder, name, old, new)
    with pytest.raises(LexiconError) as info:
        figtrack.load_lexicon(folder)
    for part in names:
        assert part in str(info.value)


def test_missing_file_raises_lexicon_error(tmp_path: Path) -> None:
    """A data folder without one of the files raises LexiconError naming that file."""
    folder = _copy_data(tmp_path)
    (folder / "trends.toml").unlink()
    with pytest.raises(LexiconError, match=r"trends\.toml"):
        figtrack.load_lexicon(folder)


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        # an alias naming a unit the unit table lacks
        ('"kph" = "kilometre per hour"', '"kph" = "furlong per week"', ["units.toml", "kph"]),
        # a [money_after_scale] word naming a unit that is no currency
        ('"marks" = "german mark"', '"marks" = "metre"', ["money_after_scale", "marks"]),
        # a [units_before] phrase naming an unknown unit
        (
            '"magnitude of" = "magnitude"',
            '"magnitude of" = "magnitud"',
            ["units_before", "magnitude of"],
        ),
        # an [extra_units] entity neither quantulum3's nor in new_entities
        (
            'new_entities = ["seismic magnitude", "concentration", "acidity"]',
            'new_entities = ["concentration", "acidity"]',
            ["magnitude", "seismic magnitude"],
        ),
        # a not_units word that names no unit of quantulum3 (a typo)
        ('not_units = ["league",', 'not_units = ["leauge",', ["units.toml", "leauge"]),
        # a [compound_measures] unit the table lacks, or two units of different entities
        ("foot = { inch = 12 }", "foot = { inhc = 12 }", ["compound_measures", "'inhc'"]),
        (
            "foot = { inch = 12 }",
            "foot = { second = 12 }",
            ["compound_measures", "'foot'", "'second'", "length", "time"],
        ),
        # a [compound_symbols] unit that follows no unit of [compound_measures]
        ('"m" = "minute"', '"m" = "metre"', ["compound_symbols", "'m'", "'metre'"]),
    ],
    ids=[
        "alias",
        "money_after_scale",
        "units_before",
        "new_entities",
        "not_units",
        "compound_unknown",
        "compound_entities",
        "compound_symbol",
    ],
)
def test_unit_data_checked_against_the_unit_table(
    tmp_path: Path, old: str, new: str, named: list[str]
) -> None:
    """A units.toml entry the unit table contradicts loads as a lexicon (the lexicon alone
    cannot know the unit table) and fails when the Extractor is built, with a
    LexiconError naming the table or file and the entry."""
    folder = _copy_data(tmp_path)
    _break(folder, "units.toml", old, new)
    figtrack.load_lexicon(folder)
    with pytest.raises(LexiconError) as info:
        figtrack.Extractor(folder)
    assert all(name in str(info.value) for name in named)


def test_dimension_unit_entities_checked_against_the_unit_table(tmp_path: Path) -> None:
    """A `[dimension_units]` entity that is no unit entity (a typo) fails when the
    Extractor is built, naming the dimension and the entity."""
    folder = _copy_data(tmp_path)
    _break(folder, "subjects.toml", 'time = "duration"', 'tmie = "duration"')
    figtrack.load_lexicon(folder)
    with pytest.raises(LexiconError, match=r"dimension_units.*'length'.*'tmie'"):
        figtrack.Extractor(folder)


def test_compound_measure_ratios_agree_with_the_conversions(lex: figtrack.Lexicon) -> None:
    """Each `[compound_measures]` pair converts to one base unit in conversions.toml, by
    factors whose ratio is the pair's: the merged figure compares with either unit's."""
    conversions = figtrack.Policy().conversions
    for larger, smaller in lex.compound_measures.items():
        big = conversions.to_base(larger)
        assert big is not None, larger
        for unit, ratio in smaller.items():
            small = conversions.to_base(unit)
            assert small is not None, unit
            assert big[0] == small[0], (larger, unit)
            assert big[1] == small[1] * ratio, (larger, unit, ratio)


def test_not_units_are_read_as_nouns() -> None:
    """A not_units word after a number is the counted noun's modifier, never a unit."""
    (claim,) = figtrack.extract("They won 20 league games.")
    assert (claim.quantity.kind, claim.quantity.unit) == ("count", "game")


def test_copied_folder_loads_like_bundled(tmp_path: Path, lex: figtrack.Lexicon) -> None:
    """An unmodified copy of the data loads to the same lexicon as the bundled data."""
    assert figtrack.load_lexicon(_copy_data(tmp_path)) == lex


def test_lexicon_is_read_only(lex: figtrack.Lexicon) -> None:
    """The lexicon's tables cannot be changed after loading."""
    with pytest.raises(TypeError):
        lex.units["eleventy"] = Decimal(110)  # type: ignore[index]


def test_subject_classes_are_singular_and_lower_case(lex: figtrack.Lexicon) -> None:
    """Synonym-class members are stored as the subject reader looks them up: lower case,
    one-word members already singular (a plural member could never match)."""
    from figtrack.figures import singular

    for words, cls in lex.subjects.classes.items():
        assert all(w == w.lower() for w in words), (words, cls)
        if len(words) == 1 and words[0] not in ("people", "sales", "earnings", "personnel"):
            assert singular(words[0], lex) == words[0], (words, cls)


def test_subject_word_lists_do_not_overlap_where_roles_differ(lex: figtrack.Lexicon) -> None:
    """A scope preposition is never also a time-only preposition, and a dimension
    adjective is never a verb (each word has one reading)."""
    sd = lex.subjects
    assert not sd.scope_prepositions & sd.time_prepositions
    assert not set(sd.dimensions) & (sd.copulas | sd.holding)


def test_verb_sublists_name_verbs_of_the_main_lists(lex: figtrack.Lexicon) -> None:
    """Every verb read as a noun too is a linking or holding verb (else the rule that reads
    it as a noun changes nothing), and a past form that ends a noun phrase is no verb of
    the other lists (those end one already)."""
    sd = lex.subjects
    verbs = sd.copulas | sd.holding
    assert sd.nouns_too <= verbs, sorted(sd.nouns_too - verbs)
    assert not sd.events & (verbs | sd.containing), sorted(sd.events & (verbs | sd.containing))


def test_relative_shares_are_fractions_of_one(lex: figtrack.Lexicon) -> None:
    """Every relative phrase is a share between none and all of the figure it refers to."""
    for phrase, rel in lex.subjects.relative.items():
        assert 0 <= rel.low <= rel.high <= 1, phrase
