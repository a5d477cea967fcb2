"""Bad seeds stop the build with a message naming file, line or column, and leave the last good warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import copy_project
from tests.seed_edits import rewrite_csv, set_cell
from yilao_yixiao.cli import app

VALUES = "seeds/indicator_values.csv"


def build_with_cli(project: Path, database: Path):
    result = CliRunner().invoke(
        app, ["build", "--project-dir", str(project), "--database", str(database)], catch_exceptions=False
    )
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def stale_warehouse(tmp_path: Path) -> Path:
    """A warehouse left by an earlier successful build, which a failed one leaves in place."""
    database = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("create schema marts; create table marts.fct_indicator_values as select 1 as value")
    return database


def test_non_numeric_value_names_file_line_and_column(project, stale_warehouse):
    line = set_cell(project / VALUES, "ganzi_102", "value", "3400个")
    exit_code, output = build_with_cli(project, stale_warehouse)
    assert exit_code == 1
    assert f"indicator_values.csv, line {line}, column 'value': '3400个' is not a number" in output
    assert stale_warehouse.exists()  # the last good warehouse stays (tests/safety)


def test_missing_column_is_named(project, stale_warehouse):
    def drop_cleaning_note(rows):
        index = rows[0].index("cleaning_note")
        return [row[:index] + row[index + 1 :] for row in rows]

    rewrite_csv(project / VALUES, drop_cleaning_note)
    exit_code, output = build_with_cli(project, stale_warehouse)
    assert exit_code == 1
    assert "indicator_values.csv, line 1, column 'cleaning_note': column is missing from the header" in output
    assert stale_warehouse.exists()  # the last good warehouse stays (tests/safety)


def test_malformed_row_names_its_line(project, stale_warehouse):
    with (project / "seeds/county_allocations.csv").open("a", encoding="utf-8") as f:
        f.write("zhoukou_extra,zhoukou_2024_elderly_care_supervision_plan,too,few\n")
    exit_code, output = build_with_cli(project, stale_warehouse)
    assert exit_code == 1
    assert "county_allocations.csv, line 62: has 4 fields where the header has 13" in output
    assert stale_warehouse.exists()  # the last good warehouse stays (tests/safety)


def test_duplicate_key_fails_naming_the_test_and_the_row(project, stale_warehouse):
    def duplicate_ganzi_102(rows):
        duplicate = next(row for row in rows if row[0] == "ganzi_102")
        return [*rows, list(duplicate)]

    rewrite_csv(project / VALUES, duplicate_ganzi_102)
    exit_code, output = build_with_cli(project, stale_warehouse)
    assert exit_code == 1
    assert "column_rules_stg_indicator_values" in output
    assert "rule='unique', column_name='value_id'" in output
    assert "ganzi_102" in output
    assert stale_warehouse.exists()  # the last good warehouse stays (tests/safety)


def test_unknown_indicator_code_fails_naming_the_code(project, stale_warehouse):
    set_cell(project / VALUES, "lincang_012", "indicator_code", "childcare_slots_per_1000_people")
    exit_code, output = build_with_cli(project, stale_warehouse)
    assert exit_code == 1
    assert "column_rules_stg_indicator_values" in output
    assert "column_name='indicator_code -> stg_indicators.indicator_code'" in output
    assert "childcare_slots_per_1000_people" in output
    assert stale_warehouse.exists()  # the last good warehouse stays (tests/safety)


def test_plain_dbt_build_leaves_no_marts_after_a_failed_test(project, tmp_path):
    """Analysts also run `dbt build` directly: a failing test must not leave marts behind."""
    set_cell(project / VALUES, "lincang_012", "indicator_code", "no_such_indicator")
    database = tmp_path / "direct.duckdb"
    dbt = Path(sys.executable).with_name("dbt")
    completed = subprocess.run(
        [
            str(dbt),
            "build",
            "--project-dir",
            str(project),
            "--profiles-dir",
            str(project),
            "--target-path",
            str(tmp_path / "dbt_target"),
            "--log-path",
            str(tmp_path / "dbt_logs"),
        ],
        env={**os.environ, "YYX_DUCKDB_PATH": str(database)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "dropping schema marts" in completed.stdout
    with duckdb.connect(str(database), read_only=True) as con:
        schemas = {row[0] for row in con.execute("select schema_name from information_schema.schemata").fetchall()}
    assert "marts" not in schemas
