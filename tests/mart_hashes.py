"""An order-independent fingerprint of a table, the same on every engine: one hash per mart.

Used by tests/safety (two builds of the same seeds give the same marts) and meant for the cross-engine test
(tests/engines), which can print `mart_hashes(engines.read_marts_<engine>(...))` per engine side by side.

Each row becomes a canonical text — numbers as floats to 9 significant digits (DuckDB's hugeint sums,
PostgreSQL's numeric and Spark's decimals compare equal to DuckDB's doubles; 9 digits absorb the last-bit
differences of floating-point sums in another order), dates and times in ISO form, a null as a marker no value
can take — and is hashed; the table's hash is the hash of its column names and of its sorted row hashes, so
neither row order nor engine types change it, while any changed cell, extra row or renamed column does.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import math
from dataclasses import dataclass

import polars as pl

SIGNIFICANT_DIGITS = 9
NULL = "\x00null"


@dataclass(frozen=True)
class TableHash:
    rows: int
    digest: str

    def __str__(self) -> str:
        return f"{self.rows} rows, {self.digest[:16]}"


def canonical(value: object) -> str:
    """One value as text that is equal across engines exactly when the values are equal."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | decimal.Decimal):
        number = float(value)
        if math.isnan(number):
            return "nan"
        if number == 0:
            return "0"  # -0.0 and 0.0
        return f"{number:.{SIGNIFICANT_DIGITS}g}"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    return "s:" + str(value)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def table_hash(frame: pl.DataFrame) -> TableHash:
    """The fingerprint of one table: its column names and the multiset of its rows."""
    row_hashes = sorted(_sha256("\x1f".join(canonical(value) for value in row)) for row in frame.iter_rows())
    header = "\x1f".join(frame.columns)
    return TableHash(frame.height, _sha256(header + "\x1e" + "\n".join(row_hashes)))


def mart_hashes(marts: dict[str, pl.DataFrame]) -> dict[str, TableHash]:
    """One fingerprint per mart, by name."""
    return {name: table_hash(frame) for name, frame in sorted(marts.items())}
