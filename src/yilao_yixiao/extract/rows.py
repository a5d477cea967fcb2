"""The proposed rows: columns of seeds/indicator_values.csv plus where and how each was found."""

from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from yilao_yixiao.provenance import normalise

SEED_COLUMNS = (
    "value_id",
    "document_id",
    "indicator_code",
    "value_kind",
    "period_year",
    "value",
    "comparator",
    "is_aspirational",
    "obligation",
    "raw_text",
    "source_section",
    "source_quote",
    "cleaning_note",
    "parent_value_id",
    "breakdown_dimension",
    "breakdown_member",
)
EXTRA_COLUMNS = ("char_start", "char_end", "confidence", "match_score", "labeller")
COLUMNS = SEED_COLUMNS + EXTRA_COLUMNS
# Seed columns some versions of the project have: proposed when the project's seed declares them.
OPTIONAL_SEED_COLUMNS = ("period_basis",)
WHITESPACE_RUN = re.compile(r"\s+")


@dataclass
class ProposedRow:
    value_id: str
    document_id: str
    indicator_code: str
    value_kind: str
    period_year: str
    value: str
    comparator: str
    is_aspirational: str
    obligation: str
    raw_text: str
    source_section: str
    source_quote: str
    cleaning_note: str
    parent_value_id: str
    breakdown_dimension: str
    breakdown_member: str
    char_start: int
    char_end: int
    confidence: str
    match_score: str
    labeller: str
    period_basis: str = ""


assert tuple(f.name for f in fields(ProposedRow)) == COLUMNS + OPTIONAL_SEED_COLUMNS


def columns_for(seeds_dir: Path) -> tuple[str, ...]:
    """The project's own indicator_values columns, in its order, then where and how each row was found."""
    path = seeds_dir / "indicator_values.csv"
    if not path.exists():
        return COLUMNS
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    return tuple(header) + EXTRA_COLUMNS if header else COLUMNS


class QuoteNotInSource(ValueError):
    """A proposed quote is not a verbatim substring of its source: a bug in a rule, never to be papered over."""


def verbatim(original: str, start: int, end: int) -> str:
    """The source's own characters, with each run of whitespace shown as one space (table cells, line breaks)."""
    return WHITESPACE_RUN.sub(" ", original[start:end]).strip()


def check_quotes(rows: list[ProposedRow], source: str) -> None:
    normalised_source = normalise(source)
    for number, row in enumerate(rows, start=1):
        if normalise(row.source_quote) not in normalised_source:
            raise QuoteNotInSource(f"row {number} ({row.value_id}): quote not in the source: {row.source_quote!r}")
        if normalise(row.raw_text) not in normalise(row.source_quote):
            raise QuoteNotInSource(f"row {number} ({row.value_id}): raw_text {row.raw_text!r} not in its quote")


def write_csv(rows: list[ProposedRow], path: Path, columns: tuple[str, ...] = COLUMNS) -> None:
    """Rows in `columns` (see `columns_for`): a seed column the extractor does not know is written empty."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n", restval="", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(asdict(row))
