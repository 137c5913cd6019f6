"""`claims_jsonl`, the hand-written JSON Lines encoder, against ``json.dumps`` of `to_dict`."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import intervals, newsish_text, stated_quantity

import figtrack
from figtrack.model import (
    Claim,
    Subject,
    claims_jsonl,
    new_claim,
    new_interval,
    new_quantity,
    new_subject,
)


def _reference(claims: list[Claim], document: str | None) -> str:
    lines = []
    for c in claims:
        d = c.to_dict()
        if document is not None:
            d["document"] = document
        lines.append(json.dumps(d, ensure_ascii=False) + "\n")
    return "".join(lines)


texts = st.text(max_size=30)  # any code point: quotes, backslashes, controls, astral
optional_texts = st.none() | texts
numbers = st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=None)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """Claims with any strings, numbers, flags and subjects, and a shared sentence."""
    quantity = stated_quantity(
        draw(intervals()),
        approximate=draw(st.booleans()),
        trend=draw(st.sampled_from([None, "up", "down"])),
        unit=draw(optional_texts),
        precision=draw(numbers),
        scaled=draw(st.booleans()),
    )
    quantity = attrs.evolve(quantity, value=draw(numbers))  # any value, whatever the bounds
    subject = draw(
        st.none()
        | st.builds(
            Subject,
            text=optional_texts,
            head=optional_texts,
            scope=st.lists(texts, max_size=3).map(tuple),
            holder=optional_texts,
            key=optional_texts,
            start=st.none() | st.integers(0, 10**6),
            end=st.none() | st.integers(0, 10**6),
        )
    )
    return Claim(
        surface=draw(texts),
        start=draw(st.integers(0, 10**9)),
        end=draw(st.integers(0, 10**9)),
        quantity=quantity,
        sentence=draw(st.sampled_from(["one sentence", 'a "quoted"\tsentence\n', "é ☃ 𝄞"])),
        sentence_start=draw(st.integers(0, 10**9)),
        source=draw(optional_texts),
        published=draw(optional_texts),
        subject=subject,
        derived_from=draw(st.none() | st.integers(0, 10**9)),
        document=draw(optional_texts),
    )


@given(st.lists(claims(), max_size=5), optional_texts)
def test_any_claims_encode_as_json_dumps(items: list[Claim], document: str | None) -> None:
    """Claims with any field values give the bytes json.dumps gives for their dicts."""
    assert claims_jsonl(items, document) == _reference(items, document)


@given(newsish_text(), optional_texts, optional_texts)
def test_extracted_claims_encode_as_json_dumps(
    text: str, source: str | None, document: str | None
) -> None:
    """Extracted claims, subjects and all, encode as json.dumps does, line by line."""
    items = figtrack.extract(text, source=source, published="2024-05-01")
    out = claims_jsonl(items, document)
    assert out == _reference(items, document)
    assert out.count("\n") == len(items)
    assert [json.loads(line)["surface"] for line in out.split("\n")[:-1]] == [
        c.surface for c in items
    ]


def test_numbers_render_as_json_numbers() -> None:
    """Whole decimals are JSON integers, others floats, as in to_dict."""
    item = figtrack.extract("It cost 2.50 dollars, up from 2.0 dollars.")[0]
    line = json.loads(claims_jsonl([item]))
    assert line["value"] == 2.5 and isinstance(line["value"], float)
    whole = figtrack.extract("It cost 2.0 dollars.")[0]
    assert json.loads(claims_jsonl([whole]))["value"] == 2
    assert isinstance(json.loads(claims_jsonl([whole]))["value"], int)
    assert Decimal("2.0") == whole.quantity.value


@given(claims())
def test_builders_give_what_the_constructors_give(claim: Claim) -> None:
    """The extraction pass's builders (slots set directly) make objects equal to, hashing
    like and as frozen as the ones the attrs constructors make from the same fields."""
    q, iv, subj = claim.quantity, claim.quantity.interval, claim.subject
    quantity = new_quantity(
        q.value,
        new_interval(iv.low, iv.high, iv.low_closed, iv.high_closed),
        q.qualifier,
        q.approximate,
        q.trend,
        q.kind,
        q.unit,
        q.precision,
        q.scaled,
    )
    subject = None
    if subj is not None:
        subject = new_subject(
            subj.text,
            subj.head,
            subj.scope,
            subj.holder,
            subj.key,
            subj.carried,
            subj.start,
            subj.end,
        )
    built = new_claim(
        claim.surface,
        claim.start,
        claim.end,
        quantity,
        claim.sentence,
        claim.sentence_start,
        claim.source,
        claim.published,
        subject,
        claim.derived_from,
        claim.document,
    )
    assert built == claim and hash(built) == hash(claim) and repr(built) == repr(claim)
    assert built.to_dict() == claim.to_dict()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.start = 0  # type: ignore[misc]


def test_builders_set_every_field_in_order() -> None:
    """Each builder sets one slot per field of its class, each from the argument in that
    field's place, so a field added to a class or reordered cannot go unset or swapped."""
    from figtrack import model

    for cls, build in [
        (model.Interval, model.new_interval),
        (model.Quantity, model.new_quantity),
        (model.Subject, model.new_subject),
        (model.Claim, model.new_claim),
    ]:
        fields = attrs.fields(cls)
        values = [object() for _ in fields]
        built = build(*values)  # type: ignore[operator]
        assert type(built) is cls
        for field, value in zip(fields, values, strict=True):
            assert getattr(built, field.name) is value, (cls.__name__, field.name)
