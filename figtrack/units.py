"""Unit surfaces from quantulum3's unit data: the one module that imports quantulum3.

quantulum3 is used for its unit and entity tables only, never for parsing. Building its
tables takes about two seconds, so the compact surface table is cached on disk (under
``$XDG_CACHE_HOME/figtrack`` or ``~/.cache/figtrack``), keyed by quantulum3's version.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs

from figtrack.lexicon import Lexicon, LexiconError

CACHE_FORMAT = 1


@attrs.frozen
class UnitTable:
    """Surface forms of units: case-sensitive symbols and lower-cased words."""

    entity: Mapping[str, str]  # unit name -> entity ("length", "currency", ...)
    symbols: Mapping[str, str]  # "km" -> "kilometre"
    words: Mapping[str, str]  # "kilometres" -> "kilometre"
    max_words: int

    def is_currency(self, name: str) -> bool:
        """Whether the unit is money."""
        return self.entity.get(name) == "currency"

    def lookup(self, surface: str) -> str | None:
        """The unit a surface names, symbols first (case-sensitive), then words."""
        found = self.symbols.get(surface) or self.words.get(surface.lower())
        if found is None and "μ" in surface:
            return self.lookup(surface.replace("μ", "µ"))  # Greek mu for the micro sign
        if found is None and len(surface) > 1 and surface.isupper():
            found = self.symbols.get(surface.lower())  # "600HP"
        return found


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    version = metadata.version("quantulum3")
    return Path(base) / "figtrack" / f"units-q3-{version}-v{CACHE_FORMAT}.json"


def _build_raw() -> dict[str, Any]:
    from quantulum3 import load  # the only quantulum3 import in figtrack

    units = load.units("en_US")
    entity = {name: u.entity.name for name, u in units.names.items()}

    def pick(candidates: set[Any]) -> str:
        return str(sorted(u.name for u in candidates)[0])

    symbols = {sym: pick(c) for sym, c in units.symbols.items() if c}
    words = {surf.lower(): pick(c) for surf, c in units.surfaces.items() if c}
    return {"format": CACHE_FORMAT, "entity": entity, "symbols": symbols, "words": words}


def _load_raw() -> dict[str, Any]:
    path = _cache_path()
    try:
        raw: dict[str, Any] = json.loads(path.read_text("utf-8"))
        if raw.get("format") == CACHE_FORMAT:
            return raw
    except (OSError, ValueError):
        pass
    raw = _build_raw()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as tmp:
            json.dump(raw, tmp)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home: rebuild next time
    return raw


def build_unit_table(lexicon: Lexicon) -> UnitTable:
    """quantulum3's surfaces plus the lexicon's aliases (which win on conflict)."""
    raw = _load_raw()
    entity: dict[str, str] = dict(raw["entity"])
    known_entities = set(entity.values()) | lexicon.new_entities
    for name, ent in lexicon.extra_units.items():
        if ent not in known_entities:
            raise LexiconError(f"units.toml: [extra_units] {name!r} has unknown entity {ent!r}")
        entity.setdefault(name, ent)
    for dimension, by_entity in lexicon.subjects.dimension_units.items():
        for ent in by_entity:
            if ent not in known_entities:
                raise LexiconError(
                    f"subjects.toml: [dimension_units] {dimension!r} has unknown entity {ent!r}"
                )
    symbols: dict[str, str] = dict(raw["symbols"])
    words: dict[str, str] = dict(raw["words"])
    for surface in lexicon.not_units:
        if surface not in words:
            raise LexiconError(f"units.toml: not_units {surface!r} is no unit word of quantulum3")
        del words[surface]
    for surface, name in lexicon.unit_aliases.items():
        if name not in entity:
            raise LexiconError(f"units.toml: alias {surface!r} names unknown unit {name!r}")
        symbols[surface] = name
        if not surface.isupper() and len(surface) > 2:
            words[surface.lower()] = name
    if lexicon.money_pound_unit not in entity:
        raise LexiconError(f"units.toml: unknown unit {lexicon.money_pound_unit!r}")
    for surface, name in lexicon.money_after_scale.items():
        if entity.get(name) != "currency":
            raise LexiconError(
                f"units.toml: [money_after_scale] {surface!r} names {name!r}, no currency"
            )
    for surface, name in lexicon.units_before.items():
        if name not in entity:
            raise LexiconError(
                f"units.toml: [units_before] {surface!r} names unknown unit {name!r}"
            )
    for larger, smaller in lexicon.compound_measures.items():
        for name in (larger, *smaller):
            if name not in entity:
                raise LexiconError(
                    f"units.toml: [compound_measures] {larger!r} names unknown unit {name!r}"
                )
            if entity[name] != entity[larger]:
                raise LexiconError(
                    f"units.toml: [compound_measures] {larger!r} and {name!r} measure"
                    f" different things ({entity[larger]}, {entity[name]})"
                )
    for symbol, name in lexicon.compound_symbols.items():
        if not symbol.strip():
            raise LexiconError("units.toml: [compound_symbols] has an empty symbol")
        if not any(name in smaller for smaller in lexicon.compound_measures.values()):
            raise LexiconError(
                f"units.toml: [compound_symbols] {symbol!r} names {name!r}, which follows"
                " no unit in [compound_measures]"
            )
    max_words = max(len(w.split()) for w in [*symbols, *words])
    return UnitTable(entity=entity, symbols=symbols, words=words, max_words=min(max_words, 4))
