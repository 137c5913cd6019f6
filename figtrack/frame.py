"""Claims and findings as pandas DataFrames, and claims as Parquet files.

pandas and pyarrow are optional extras (``pip install figtrack[pandas]``,
``figtrack[parquet]``); the functions that need them say so when they are missing.

A claim's row has the columns of `Claim.to_dict` (``docs/json.md``) in that order, with
``value``, ``low``, ``high`` and ``precision`` as floats (NaN when null) and the exact
numbers beside them as strings in ``value_exact``, ``low_exact``, ``high_exact`` and
``precision_exact``. A finding's row is described in `FINDING_COLUMNS`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from figtrack.model import Claim, Finding, plain

if TYPE_CHECKING:
    import pandas as pd

#: The exact-number columns and the float columns they stand beside.
EXACT: Final = {
    "value_exact": "value",
    "low_exact": "low",
    "high_exact": "high",
    "precision_exact": "precision",
}

#: pandas dtypes of a claim frame, in column order (the JSON contract, then the exact
#: numbers). ``scope`` holds Python lists of strings.
CLAIM_DTYPES: Final[dict[str, str]] = {
    "surface": "string",
    "start": "int64",
    "end": "int64",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "low_closed": "boolean",
    "high_closed": "boolean",
    "approximate": "bool",
    "qualifier": "string",
    "trend": "string",
    "kind": "string",
    "unit": "string",
    "precision": "float64",
    "scaled": "bool",
    "sentence": "string",
    "sentence_start": "int64",
    "source": "string",
    "published": "string",
    "subject": "string",
    "subject_start": "Int64",
    "subject_end": "Int64",
    "subject_head": "string",
    "scope": "object",
    "holder": "string",
    "key": "string",
    "derived_from": "Int64",
    "document": "string",
    "value_exact": "string",
    "low_exact": "string",
    "high_exact": "string",
    "precision_exact": "string",
}
CLAIM_COLUMNS: Final = tuple(CLAIM_DTYPES)

#: pandas dtypes of a findings frame: one row per `Finding`.
FINDING_DTYPES: Final[dict[str, str]] = {
    "key": "string",
    "measure": "string",
    "status": "string",
    "sources": "object",  # list of source names
    "n_sources": "int64",
    "n_claims": "int64",
    "consensus_low": "float64",
    "consensus_high": "float64",
    "consensus_low_closed": "boolean",
    "consensus_high_closed": "boolean",
    "consensus_low_exact": "string",
    "consensus_high_exact": "string",
    "most_precise": "string",  # surface of the most precise claim
    "most_precise_source": "string",
    "conflicts": "int64",
    "revisions": "int64",
    "ambiguities": "int64",
}
FINDING_COLUMNS: Final = tuple(FINDING_DTYPES)


def _exact(x: Decimal | None) -> str | None:
    return None if x is None else plain(x)


def _float(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def claim_row(claim: Claim) -> dict[str, Any]:
    """A claim as a JSON-ready row of a claim frame (floats and exact strings).

    >>> from figtrack import extract
    >>> row = claim_row(extract("It rose 0.1 per cent.")[0])
    >>> row["value"], row["value_exact"], row["unit"]
    (0.1, '0.1', 'percentage')
    """
    row = claim.to_dict()
    q = claim.quantity
    iv = q.interval
    row["value"] = _float(q.value)
    row["low"] = _float(iv.low)
    row["high"] = _float(iv.high)
    row["precision"] = _float(q.precision)
    row["value_exact"] = _exact(q.value)
    row["low_exact"] = _exact(iv.low)
    row["high_exact"] = _exact(iv.high)
    row["precision_exact"] = _exact(q.precision)
    return row


def finding_row(finding: Finding) -> dict[str, Any]:
    """A finding as a row of a findings frame."""
    cons = finding.consensus
    best = finding.claims[finding.most_precise]
    return {
        "key": finding.key,
        "measure": finding.measure,
        "status": finding.status,
        "sources": list(finding.sources),
        "n_sources": len(finding.sources),
        "n_claims": len(finding.claims),
        "consensus_low": None if cons is None else _float(cons.low),
        "consensus_high": None if cons is None else _float(cons.high),
        "consensus_low_closed": None if cons is None else cons.low_closed,
        "consensus_high_closed": None if cons is None else cons.high_closed,
        "consensus_low_exact": None if cons is None else _exact(cons.low),
        "consensus_high_exact": None if cons is None else _exact(cons.high),
        "most_precise": best.surface,
        "most_precise_source": best.source,
        "conflicts": len(finding.conflicts),
        "revisions": len(finding.revisions),
        "ambiguities": len(finding.ambiguities),
    }


def require(module: str, extra: str) -> Any:
    """The optional ``module``, or an ImportError naming the figtrack ``extra`` to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{module} is needed for this; install it with: pip install 'figtrack[{extra}]'"
        ) from exc


def rows_frame(rows: Iterable[Mapping[str, Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with the columns and dtypes of ``dtypes``."""
    pandas = require("pandas", "pandas")
    columns: dict[str, list[Any]] = {name: [] for name in dtypes}
    for row in rows:
        for name, values in columns.items():
            values.append(row.get(name))
    if "scope" in columns:
        columns["scope"] = [list(s) if s is not None else [] for s in columns["scope"]]
    data = {
        name: pandas.Series(values, dtype=dtypes[name] if dtypes[name] != "object" else object)
        for name, values in columns.items()
    }
    frame: pd.DataFrame = pandas.DataFrame(data, columns=list(dtypes))
    return frame


def to_frame(items: Iterable[Claim] | Iterable[Finding]) -> pd.DataFrame:
    """A pandas DataFrame: one row per claim, or one row per finding.

    >>> from figtrack import extract
    >>> frame = to_frame(extract("Between 11,000 and 12,000 troops were there."))
    >>> row = frame.loc[0]
    >>> print(row["surface"], row["low"], row["high_exact"], row["unit"], sep=" | ")
    Between 11,000 and 12,000 | 11000.0 | 12000 | troop
    """
    given = list(items)
    if all(isinstance(x, Claim) for x in given):
        return rows_frame((claim_row(c) for c in given), CLAIM_DTYPES)  # type: ignore[arg-type]
    if all(isinstance(x, Finding) for x in given):
        return rows_frame((finding_row(f) for f in given), FINDING_DTYPES)  # type: ignore[arg-type]
    kinds = sorted({type(x).__name__ for x in given})
    raise TypeError(f"to_frame() takes Claims or Findings, not {', '.join(kinds)}")


def _arrow_schema() -> Any:
    pa = require("pyarrow", "parquet")
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "float64": pa.float64(),
        "boolean": pa.bool_(),
        "bool": pa.bool_(),
    }
    fields = [
        pa.field(name, pa.list_(pa.string()) if name == "scope" else types[dtype])
        for name, dtype in CLAIM_DTYPES.items()
    ]
    return pa.schema(fields)


def arrow_table(rows: Sequence[Mapping[str, Any]]) -> Any:
    """Claim rows (`claim_row` dicts) as a pyarrow Table with the claim columns' schema."""
    pa = require("pyarrow", "parquet")
    columns = {name: [r.get(name) for r in rows] for name in CLAIM_COLUMNS}
    return pa.table(columns, schema=_arrow_schema())


class ParquetWriter:
    """Claim rows written to one Parquet file in row groups, in bounded memory."""

    def __init__(self, path: str | os.PathLike[str], group_rows: int = 100_000) -> None:
        pq = require("pyarrow.parquet", "parquet")
        self.schema = _arrow_schema()
        self.group_rows = group_rows
        self._rows: list[Mapping[str, Any]] = []
        self._writer = pq.ParquetWriter(os.fspath(path), self.schema, compression="zstd")

    def write(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Add rows (`claim_row` dicts), a row group every ``group_rows``; how many."""
        n = 0
        for row in rows:
            self._rows.append(row)
            n += 1
            if len(self._rows) >= self.group_rows:
                self._flush()
        return n

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(arrow_table(self._rows))
            self._rows = []

    def close(self) -> None:
        """Write what is left and the file's footer."""
        self._flush()
        self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_parquet(claims: Iterable[Claim], path: str | os.PathLike[str]) -> int:
    """Write ``claims`` to a Parquet file; the number written."""
    with ParquetWriter(path) as writer:
        return writer.write(claim_row(c) for c in claims)


def read_parquet(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A Parquet file of claims as the DataFrame `to_frame` gives for them."""
    pq = require("pyarrow.parquet", "parquet")
    table = pq.read_table(os.fspath(path))
    return rows_frame(_table_rows(table), CLAIM_DTYPES)


def _table_rows(table: Any) -> Iterator[dict[str, Any]]:
    for batch in table.to_batches():
        yield from batch.to_pylist()
