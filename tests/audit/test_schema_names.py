"""Two analysts on one database: a target schema other than the engine's default prefixes every folder's schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import copy_project
from yilao_yixiao import warehouse


def schemas_of(database: Path) -> set[str]:
    with duckdb.connect(str(database), read_only=True) as con:
        return {row[0] for row in con.execute("select distinct table_schema from information_schema.tables").fetchall()}


def test_an_analysts_schema_prefixes_the_folders_schemas(tmp_path):
    project = copy_project(tmp_path / "project")
    profiles = project / "profiles.yml"
    text = profiles.read_text(encoding="utf-8")
    duckdb_output = "      type: duckdb\n"
    assert duckdb_output in text
    profiles.write_text(text.replace(duckdb_output, duckdb_output + "      schema: analyst_a\n"), encoding="utf-8")

    database = tmp_path / "shared.duckdb"
    # The unit-bounds test is one of those that store their failures (dbt_project.yml): its table shows where the
    # test_failures schema goes.
    selection = ["+dim_jurisdictions", "+values_within_unit_bounds_stg_indicator_values"]
    failures = warehouse.run_dbt(
        project,
        ["build", "--select", *selection, "--indirect-selection", "cautious"],
        tmp_path / "dbt",
        database=database,
    )
    assert failures == []
    # dbt's in-process DuckDB connection stays open on the file it built; read a copy of it (with its log).
    copy = Path(shutil.copy(database, tmp_path / "shared_copy.duckdb"))
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        shutil.copy(wal, copy.with_name(copy.name + ".wal"))
    schemas = schemas_of(copy)
    assert {"analyst_a_raw", "analyst_a_staging", "analyst_a_marts", "analyst_a_test_failures"} <= schemas
    assert not schemas & {"raw", "staging", "marts", "test_failures"}


def test_the_default_build_keeps_the_bare_schema_names(warehouse_path):
    assert {"raw", "staging", "intermediate", "marts", "test_failures"} <= schemas_of(warehouse_path)
