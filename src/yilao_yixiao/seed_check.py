"""Check seed CSVs against the column types declared in seeds/_seeds.yml before dbt loads them.

DuckDB's CSV loader reports a bad cell as a failed dialect sniff and accepts a missing column silently, so
the checks here name the file, the line and the column of every problem instead.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

SEEDS_YML = "_seeds.yml"


@dataclass(frozen=True)
class SeedProblem:
    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column!r}"
        return f"{where}: {self.message}"


class SeedCheckError(Exception):
    def __init__(self, problems: list[SeedProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _is_integer(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


def _is_double(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in {"nan", "inf", "-inf", "infinity", "-infinity"}


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


TYPE_CHECKS = {
    "integer": (_is_integer, "a whole number"),
    "bigint": (_is_integer, "a whole number"),
    "double": (_is_double, "a number"),
    "boolean": (lambda t: t in {"true", "false"}, "true or false"),
    "date": (_is_date, "a date written YYYY-MM-DD"),
}


def resolve_column_type(declared: str, target_type: str = "duckdb") -> str:
    """The type a declaration gives on one engine: a declaration may be a Jinja expression of `target.type`
    (`{{ 'string' if target.type == 'spark' else 'varchar' }}`), so one yml serves every dbt target."""
    if "{{" in declared or "{%" in declared:
        declared = jinja2.Template(declared).render(target={"type": target_type})
    return declared.strip().lower()


def declared_column_types(seeds_dir: Path, target_type: str = "duckdb") -> dict[str, dict[str, str]]:
    """Seed name → {column: declared type}, read from the seeds' yml (the one place types are declared)."""
    # Every properties file of the folder (seeds/_seeds.yml and any other, e.g. one per group of seeds).
    specs = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.yml"))]
    return {
        seed["name"]: {
            col: resolve_column_type(typ, target_type) for col, typ in seed["config"]["column_types"].items()
        }
        for spec in specs
        for seed in (spec or {}).get("seeds", [])
        if seed.get("config", {}).get("column_types")
    }


def check_seed_file(path: Path, column_types: dict[str, str]) -> list[SeedProblem]:
    name = path.name
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return [SeedProblem(name, 1, None, "starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [SeedProblem(name, line, None, f"is not valid UTF-8 (byte {err.start})")]

    problems: list[SeedProblem] = []
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return [SeedProblem(name, None, None, "is empty")]
    except csv.Error as err:
        return [SeedProblem(name, 1, None, f"has a malformed header: {err}")]

    expected = list(column_types)
    for column in expected:
        if column not in header:
            problems.append(SeedProblem(name, 1, column, "column is missing from the header"))
    for column in header:
        if column not in column_types:
            problems.append(SeedProblem(name, 1, column, "column is not declared in seeds/_seeds.yml"))
    if len(set(header)) != len(header):
        problems.append(SeedProblem(name, 1, None, "header repeats a column name"))
    if problems:
        return problems

    try:
        for row in reader:
            line = reader.line_num
            if len(row) != len(header):
                problems.append(
                    SeedProblem(name, line, None, f"has {len(row)} fields where the header has {len(header)}")
                )
                continue
            for column, cell in zip(header, row, strict=True):
                check = TYPE_CHECKS.get(column_types[column])
                if check is None or cell == "":
                    continue
                is_valid, expectation = check
                if not is_valid(cell):
                    problems.append(
                        SeedProblem(name, line, column, f"{cell!r} is not {expectation} ({column_types[column]})")
                    )
    except csv.Error as err:
        problems.append(SeedProblem(name, reader.line_num, None, f"is not well-formed CSV: {err}"))
    return problems


def check_seeds(seeds_dir: Path) -> list[SeedProblem]:
    """Every problem in every declared seed; an empty list means dbt can load them."""
    problems: list[SeedProblem] = []
    for seed, column_types in declared_column_types(seeds_dir).items():
        path = seeds_dir / f"{seed}.csv"
        if not path.exists():
            problems.append(SeedProblem(path.name, None, None, "is declared in the seeds' yml but missing"))
            continue
        problems.extend(check_seed_file(path, column_types))
    return problems
