"""Reading corpora: documents, the decoding policy, and problems reported per document."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figtrack.corpus import Corpus, Document, Problem, as_document, decode, read_corpus


def _jsonl(path: Path, rows: list[object], gz: bool = False) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def test_as_document_accepts_str_mapping_and_document() -> None:
    """A str, a mapping with text (``date`` standing in for ``published``) and a Document."""
    assert as_document("x") == Document("x")
    doc = as_document({"text": "x", "id": "7", "source": "S", "date": "2024-01-02"})
    assert (doc.id, doc.source, doc.published) == ("7", "S", "2024-01-02")
    assert as_document({"text": "x", "published": "2024-01-03", "date": "1999"}).published == (
        "2024-01-03"
    )
    assert as_document(doc) is doc


@pytest.mark.parametrize(
    ("item", "error", "words"),
    [
        (
            b"bytes",
            TypeError,
            "docs[2] must be a str, a mapping with 'text' or a Document, not bytes",
        ),
        (None, TypeError, "docs[2] must be a str"),
        (3, TypeError, "not int"),
        ({"id": "a"}, ValueError, "docs[2] has no 'text' field"),
        ({"text": 5}, TypeError, "docs[2]['text'] must be a str, not int"),
        ({"text": "x", "id": 5}, TypeError, "docs[2]['id'] must be a str or None, not int"),
        ({"text": "x", "source": ["a"]}, TypeError, "docs[2]['source']"),
    ],
)
def test_as_document_names_what_is_wrong(item: object, error: type, words: str) -> None:
    """A wrong document raises TypeError or ValueError naming the item and the field."""
    with pytest.raises(error, match=words.replace("[", r"\[").replace("]", r"\]")):
        as_document(item, "docs[2]")


def test_decode_counts_each_invalid_byte_and_drops_a_bom() -> None:
    """Invalid UTF-8 bytes become U+FFFD one for one and are counted; a BOM is dropped."""
    assert decode(b"\xef\xbb\xbfok") == ("ok", 0)
    assert decode(b"a\xff\xfeb") == ("a\ufffd\ufffdb", 2)
    assert decode("é 5 €".encode()) == ("é 5 €", 0)


@given(st.binary(max_size=200))
def test_decode_never_fails_and_agrees_with_replace(data: bytes) -> None:
    """Any bytes decode; valid text decodes exactly, and the count is zero only then."""
    text, bad = decode(data)
    try:
        strict = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert bad > 0
        assert text.count("\ufffd") >= bad or "\ufffd" in text
    else:
        assert (text, bad) == (strict, 0)


def test_folder_is_read_in_sorted_order_and_keeps_line_ends(tmp_path: Path) -> None:
    """Files of a folder come sorted by path, hidden files skipped, CR and CRLF kept."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_bytes(b"Over 20 people.\r\nAnd 3 more.")
    (tmp_path / "a.txt").write_bytes(b"Old Mac\rline 5 ends.")
    (tmp_path / ".hidden").write_text("7 secrets")
    docs = list(read_corpus([tmp_path]))
    assert [Path(d.where or "").name for d in docs if isinstance(d, Document)] == [
        "a.txt",
        "two.txt",
    ]
    assert isinstance(docs[1], Document)
    assert docs[1].text == "Over 20 people.\r\nAnd 3 more."


def test_jsonl_documents_and_problems_keep_their_place(tmp_path: Path) -> None:
    """Each line is a document or a problem naming file:line; good lines are all kept."""
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        b'{"text": "About 5 dogs.", "id": "a", "source": "S", "date": "2024-05-01"}\n'
        b"not json\n"
        b"\n"
        b'{"id": "c", "text": 12}\n'
        b"[1, 2]\n"
        b'{"text": "caf\xe9 at 6 euros", "id": "e"}\n'
    )
    items = list(read_corpus([path]))
    assert [type(i).__name__ for i in items] == [
        "Document",
        "Problem",
        "Problem",
        "Problem",
        "Document",
    ]
    first, bad_json, bad_text, bad_array, last = items
    assert isinstance(first, Document) and first.where == f"{path}:1"
    assert (first.id, first.source, first.published) == ("a", "S", "2024-05-01")
    assert isinstance(bad_json, Problem) and bad_json.where == f"{path}:2"
    assert "not JSON" in bad_json.reason
    assert isinstance(bad_text, Problem) and bad_text.id == "c"
    assert "['text'] must be a str" in bad_text.reason
    assert isinstance(bad_array, Problem) and "list" in bad_array.reason
    assert isinstance(last, Document) and last.bad_bytes == 1 and "\ufffd" in last.text


def test_truncated_gzip_keeps_the_documents_before_the_cut(tmp_path: Path) -> None:
    """A .jsonl.gz cut short yields the documents it holds, then one problem saying so."""
    rows = [{"text": f"Doc {i} has {i} cats.", "id": str(i)} for i in range(2000)]
    whole = _jsonl(tmp_path / "w.jsonl.gz", rows, gz=True).read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    items = list(read_corpus([cut]))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert 0 < len(docs) < 2000
    assert [d.id for d in docs] == [str(i) for i in range(len(docs))]
    assert any("truncated gzip" in p.reason for p in problems)


def test_binary_empty_and_missing_files(tmp_path: Path) -> None:
    """A binary file and a missing path are problems; an empty file is an empty document."""
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(read_corpus([tmp_path, tmp_path / "nope.txt"]))
    reasons = {Path(i.where).name: i.reason for i in items if isinstance(i, Problem)}
    assert reasons["img.txt"] == "binary file (NUL bytes)"
    assert "not UTF-8" in reasons["noise.txt"]
    assert reasons["nope.txt"] == "no such file or folder"
    assert [i.text for i in items if isinstance(i, Document)] == [""]


def test_plain_gz_text_file_is_one_document(tmp_path: Path) -> None:
    """A .txt.gz is unpacked and read as one document."""
    (tmp_path / "n.txt.gz").write_bytes(gzip.compress(b"Nearly 40 boats."))
    (doc,) = read_corpus([tmp_path / "n.txt.gz"])
    assert isinstance(doc, Document) and doc.text == "Nearly 40 boats."


def test_progress_counts_reach_the_total(tmp_path: Path) -> None:
    """bytes_read grows to total_bytes, the files' size on disk."""
    _jsonl(tmp_path / "a.jsonl.gz", [{"text": "x " * 50}] * 300, gz=True)
    (tmp_path / "b.txt").write_text("5 apples")
    corpus = Corpus(tmp_path)
    seen = []
    for _ in corpus:
        seen.append(corpus.bytes_read)
    assert seen == sorted(seen)
    assert (
        corpus.bytes_read == corpus.total_bytes == sum(p.stat().st_size for p in tmp_path.iterdir())
    )
