"""Edits that tests make to a copy of the seeds, to prove that bad or changed data is caught."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

Rows = list[list[str]]


def rewrite_csv(path: Path, change: Callable[[Rows], Rows]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row_id: str, column: str, new_value: str) -> int:
    """Set one cell of the row whose first column is row_id; return that row's line number in the file."""
    found = []

    def change(rows: Rows) -> Rows:
        header = rows[0]
        for line, row in enumerate(rows, start=1):
            if row[0] == row_id:
                row[header.index(column)] = new_value
                found.append(line)
        return rows

    rewrite_csv(path, change)
    assert found, f"{row_id} not found in {path.name}"
    return found[0]
