"""CSV files of the review workflow: the seeds, the extractor's proposals and the reviewer's decisions."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from yilao_yixiao.extract.candidate import KIND_FAMILY

# What `yyx extract` adds to the columns of seeds/indicator_values.csv.
PROPOSAL_COLUMNS = ("char_start", "char_end", "confidence", "match_score", "labeller")
REVIEW_STATUS = "review_status"
ACCEPTED_STATUSES = ("accepted", "edited")
REVIEW_STATUSES = ("accepted", "edited", "rejected")

# The vocabularies as the staging models accept them; a vocabulary seed, once it exists, takes precedence.
DEFAULT_VALUE_KINDS = ("baseline", "target", "standard", "context")
DEFAULT_COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx")
DEFAULT_OBLIGATIONS = ("binding", "expected")
# Second-reader matching uses the extractor's benchmark rule: a state (baseline, context) or a goal (target, standard).
KIND_FAMILIES = KIND_FAMILY


class ReviewError(Exception):
    """A problem with the reviewer's input, named by file, line and column."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Table:
    """A CSV file's header and rows, each row with the line it starts on."""

    path: Path
    columns: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]

    @property
    def records(self) -> list[dict[str, str]]:
        return [row for _, row in self.rows]


def read_table(path: Path) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReviewError([f"{path}: file not found"]) from None
    except UnicodeDecodeError as err:
        raise ReviewError([f"{path}: not valid UTF-8 (byte {err.start})"]) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    for row in reader:
        rows.append((reader.line_num, {key: (value or "") for key, value in row.items() if key is not None}))
    return Table(path, tuple(reader.fieldnames or ()), tuple(rows))


def csv_text(columns: tuple[str, ...] | list[str], rows: list[dict[str, str]]) -> str:
    """CSV as the seeds are written: UTF-8 without BOM, LF line ends, quoted only where needed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return out.getvalue()


def append_rows(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    """The file's text with rows appended, keeping its bytes as they are and ending every line with LF."""
    existing = path.read_text(encoding="utf-8")
    if existing and not existing.endswith("\n"):
        existing += "\n"
    appended = csv_text(columns, rows).split("\n", 1)[1]
    return existing + appended


def vocabulary(seeds_dir: Path, file_name: str, code_column: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """Codes of a vocabulary seed (first column `<singular>_code`), or the default while the seed is absent."""
    path = seeds_dir / file_name
    if not path.is_file():
        return default
    return tuple(row[code_column] for row in read_table(path).records if row.get(code_column))


def value_kinds(seeds_dir: Path) -> tuple[str, ...]:
    return vocabulary(seeds_dir, "value_kinds.csv", "value_kind_code", DEFAULT_VALUE_KINDS)


def comparators(seeds_dir: Path) -> tuple[str, ...]:
    return vocabulary(seeds_dir, "comparators.csv", "comparator_code", DEFAULT_COMPARATORS)


def obligations(seeds_dir: Path) -> tuple[str, ...]:
    return vocabulary(seeds_dir, "obligations.csv", "obligation_code", DEFAULT_OBLIGATIONS)


def period_bases(seeds_dir: Path) -> tuple[str, ...]:
    """Codes of seeds/period_bases.csv; empty while the project has no period_basis column."""
    return vocabulary(seeds_dir, "period_bases.csv", "period_basis_code", ())


def seed_columns(seeds_dir: Path) -> tuple[str, ...]:
    return read_table(seeds_dir / "indicator_values.csv").columns


def same_figure(a: dict[str, str], b: dict[str, str]) -> bool:
    """The second reader's match: same value, same year and the same kind family."""
    try:
        values_match = (not a["value"].strip() and not b["value"].strip()) or math.isclose(
            float(a["value"]), float(b["value"]), rel_tol=1e-9, abs_tol=1e-9
        )
    except ValueError:
        values_match = False
    kind_a = KIND_FAMILIES.get(a.get("value_kind", ""), a.get("value_kind", ""))
    kind_b = KIND_FAMILIES.get(b.get("value_kind", ""), b.get("value_kind", ""))
    return values_match and a.get("period_year", "").strip() == b.get("period_year", "").strip() and kind_a == kind_b
