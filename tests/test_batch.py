"""extract_many: the claims of many documents, in order, on one or more processes."""

from __future__ import annotations

import os

import pytest
from synthetic import synthetic_documents

import figtrack
from figtrack import batch
from figtrack.batch import DocumentError, extract_many, results
from figtrack.corpus import Document, Problem, as_document


def _expected(docs: list[dict[str, str]]) -> list[dict[str, object]]:
    out = []
    for d in docs:
        for c in figtrack.extract(d["text"], d["source"], d["published"]):
            out.append({**c.to_dict(), "document": d["id"]})
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_claims_stream_in_input_order_with_their_document(workers: int) -> None:
    """extract_many gives exactly the claims of extract on each document, in order."""
    docs = synthetic_documents(300)
    got = [c.to_dict() for c in extract_many(docs, workers=workers)]
    assert got == _expected(docs)


def test_small_batches_keep_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """With tiny batches many tasks are in flight at once and results still come in order."""
    monkeypatch.setattr(batch, "BATCH_CHARS", 50)
    docs = synthetic_documents(120, seed=3)
    assert [c.to_dict() for c in extract_many(docs, workers=2)] == _expected(docs)


def test_plain_strings_have_no_document_id() -> None:
    """A str document gives claims with document None."""
    claims = list(extract_many(["Over 5 cats.", "", "Nearly 9 dogs."]))
    assert [(c.surface, c.document) for c in claims] == [("Over 5", None), ("Nearly 9", None)]


def test_options_reach_the_extractor() -> None:
    """subjects=False and include_nonfigures=True act as in extract."""
    text = "In 2024 about 40 people left Varnholm."
    many = list(extract_many([text], subjects=False, include_nonfigures=True))
    assert [c.to_dict() for c in many] == [
        c.to_dict() for c in figtrack.extract(text, subjects=False, include_nonfigures=True)
    ]


@pytest.mark.parametrize(
    ("documents", "workers", "error", "words"),
    [
        ("a text", 1, TypeError, "documents must be an iterable of documents, not a single str"),
        (b"bytes", 1, TypeError, "not a single bytes"),
        ({"text": "x"}, 1, TypeError, "not a single dict"),
        (5, 1, TypeError, "documents must be an iterable, not int"),
        (["x"], 0, ValueError, "workers must be at least 1, not 0"),
        (["x"], "2", TypeError, "workers must be an int, not str"),
        (["x"], True, TypeError, "workers must be an int, not bool"),
    ],
)
def test_wrong_arguments_are_named_at_once(
    documents: object, workers: object, error: type, words: str
) -> None:
    """Wrong arguments raise at the call, before any iteration, naming the argument."""
    with pytest.raises(error, match=words):
        extract_many(documents, workers=workers)  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_wrong_document_is_named_by_index(workers: int) -> None:
    """A document of the wrong type raises TypeError naming its index."""
    stream = extract_many(["Over 5 cats.", b"raw"], workers=workers)  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"documents\[1\] must be a str"):
        list(stream)


def _failing_extract(self: object, text: str, *args: object, **kwargs: object) -> list[object]:
    if "EXPLODE" in text:
        raise RuntimeError("boom")
    if "VANISH" in text:
        os._exit(3)  # the worker process dies
    return ORIGINAL(self, text, *args, **kwargs)  # type: ignore[no-any-return]


ORIGINAL = figtrack.Extractor.extract


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_document_becomes_a_problem_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """An exception in extraction is that document's problem; its neighbours are kept."""
    monkeypatch.setattr(figtrack.Extractor, "extract", _failing_extract)
    docs = [as_document(t) for t in ["Over 5 cats.", "EXPLODE 7", "Nearly 9 dogs."]]
    out = list(results(docs, workers))
    assert [r.claims for r in out] == [1, 0, 1]
    assert out[1].problem is not None
    assert out[1].problem.reason == "extraction failed: RuntimeError: boom"
    with pytest.raises(DocumentError, match=r"documents\[1\]: extraction failed"):
        list(extract_many(["Over 5 cats.", "EXPLODE 7"], workers=workers))


def test_a_dying_worker_loses_only_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """When a worker process dies, each document of its batch is retried alone."""
    monkeypatch.setattr(figtrack.Extractor, "extract", _failing_extract)
    texts = [f"About {i} cats." for i in range(20)]
    texts[11] = "VANISH now"
    out = list(results([as_document(t) for t in texts], 2))
    assert [r.document.text for r in out if r.document] == texts
    assert [i for i, r in enumerate(out) if r.problem] == [11]
    problem = out[11].problem
    assert problem is not None and "worker process died" in problem.reason
    assert all(r.claims == 1 for i, r in enumerate(out) if i != 11)


def test_problems_in_the_stream_pass_through_in_place() -> None:
    """A Problem item of the input stream comes out as that item's result."""
    items: list[Document | Problem] = [Document("5 cats"), Problem("f:2", "not JSON")]
    out = list(results(items, 2))
    assert out[1].problem == Problem("f:2", "not JSON")
    assert out[0].claims == 1


@pytest.mark.parametrize("mode", ["json", "rows"])
def test_text_modes_serialise_what_claims_mode_gives(mode: str) -> None:
    """Modes json and rows write each claim as one JSON line, document id included."""
    import json

    from figtrack.frame import claim_row

    docs = [as_document(d) for d in synthetic_documents(20)]
    as_dict = claim_row if mode == "rows" else figtrack.Claim.to_dict
    for r in results(docs, 1, mode=mode):  # type: ignore[arg-type]
        assert r.document is not None
        lines = [json.loads(x) for x in r.output.splitlines()]
        expected = [
            {**as_dict(c), "document": r.document.id}
            for c in figtrack.extract(r.document.text, r.document.source, r.document.published)
        ]
        assert lines == json.loads(json.dumps(expected))
        assert r.claims == len(lines)
