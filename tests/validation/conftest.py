"""Fixtures for the validation tests: one validation of the real warehouse, one of a corrupted copy."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from yilao_yixiao.validation import ValidationSummary, validate

CONSISTENCY_CHECKS = "fct_consistency_checks"


def mart_tables(database: Path) -> set[str]:
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute("select table_name from information_schema.tables where table_schema = 'marts'").fetchall()
    return {name for (name,) in rows}


@dataclass(frozen=True)
class Validated:
    summary: ValidationSummary
    site: Path
    database: Path


@pytest.fixture(scope="session")
def validated_warehouse(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Validated:
    site = tmp_path_factory.mktemp("data_docs") / "data_docs"
    return Validated(validate(warehouse_path, site), site, warehouse_path)


@dataclass(frozen=True)
class Corrupted(Validated):
    percent_value_id: str
    negative_count_value_id: str
    fractional_count_value_id: str


@pytest.fixture(scope="session")
def corrupted_warehouse(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Corrupted:
    """A copy of the warehouse where one percent is 250, one count is -5 and another count is 2.5."""
    folder = tmp_path_factory.mktemp("corrupted")
    database = folder / "corrupted.duckdb"
    shutil.copyfile(warehouse_path, database)
    with duckdb.connect(str(database)) as con:
        first_value_of = (
            "select value_id from marts.fct_indicator_values where unit = ? and value > 1 order by value_id"
        )
        percent_id = con.execute(first_value_of, ["percent"]).fetchall()[0][0]
        negative_id, fractional_id = (row[0] for row in con.execute(first_value_of, ["count"]).fetchall()[:2])
        for value_id, value in ((percent_id, 250), (negative_id, -5), (fractional_id, 2.5)):
            con.execute("update marts.fct_indicator_values set value = ? where value_id = ?", [value, value_id])
    site = folder / "data_docs"
    return Corrupted(validate(database, site), site, database, percent_id, negative_id, fractional_id)
