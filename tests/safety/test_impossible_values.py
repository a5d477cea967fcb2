"""dbt's own tests reject figures that are impossible in their unit, driven by seeds/units.csv, and name the seed
file, the row (value_id) and the column. The rows are chosen by unit from the seeds, not by which plans exist."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.seed_edits import rewrite_csv, set_cell
from yilao_yixiao import warehouse

VALUES = "seeds/indicator_values.csv"
INDICATORS = "seeds/indicators.csv"
FINDINGS = "seeds/audit_findings.csv"
UNIT_TEST = "values_within_unit_bounds_stg_indicator_values"
# The seeds and staging models with their tests: enough for these rules, without building the marts.
STAGING = "+staging"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def figures_in_unit(project: Path, unit: str, value_kind: str | None = None) -> list[dict[str, str]]:
    """Rows of indicator_values with a number, whose indicator is stored in `unit` (and of `value_kind`)."""
    units = {row["indicator_code"]: row["unit"] for row in read(project / INDICATORS)}
    return [
        row
        for row in read(project / VALUES)
        if row["value"].strip() and units[row["indicator_code"]] == unit and value_kind in (None, row["value_kind"])
    ]


def plan_starts(project: Path) -> dict[str, int]:
    return {
        row["document_id"]: int(row["plan_period_start"])
        for row in read(project / "seeds/documents.csv")
        if row["plan_period_start"]
    }


def build(project: Path, database: Path) -> tuple[int, str]:
    """`dbt build` of the seeds and staging models with the tests on them only (cautious selection: not the
    audit's tests, which read the marts); exit code and the failures as `yyx build` prints them."""
    args = ["build", "--select", STAGING, "--indirect-selection", "cautious"]
    failures = warehouse.run_dbt(project, args, database.parent / "dbt", database=database)
    return int(bool(failures)), "\n".join(str(failure) for failure in failures)


def named(output: str, value_id: str, column: str, problem: str) -> bool:
    """The failing row of the unit test for this value: seed file, row id, column and the broken rule."""
    return any(
        "seed_file='seeds/indicator_values.csv'" in line
        and f"value_id={value_id!r}" in line
        and f"column_name={column!r}" in line
        and problem in line
        for line in output.splitlines()
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_real_seeds_pass(project, tmp_path):
    exit_code, output = build(project, tmp_path / "warehouse.duckdb")
    assert exit_code == 0, output


def test_counts_percents_and_rates_out_of_their_units_bounds_are_named(project, tmp_path):
    negative_count, fractional_count = figures_in_unit(project, "count")[:2]
    percent = figures_in_unit(project, "percent")[0]
    per_1000 = figures_in_unit(project, "per_1000_population")[0]
    set_cell(project / VALUES, negative_count["value_id"], "value", "-5")
    set_cell(project / VALUES, fractional_count["value_id"], "value", "12.5")
    set_cell(project / VALUES, percent["value_id"], "value", "120")
    set_cell(project / VALUES, per_1000["value_id"], "value", "-0.5")

    exit_code, output = build(project, tmp_path / "warehouse.duckdb")
    assert exit_code == 1
    assert f".{UNIT_TEST}." in output and ": fail: Got 4 results" in output
    assert named(output, negative_count["value_id"], "value", "below the smallest value of its unit")
    assert named(output, fractional_count["value_id"], "value", "fractional in a unit that counts")
    assert named(output, percent["value_id"], "value", "above the largest value of its unit")
    assert named(output, per_1000["value_id"], "value", "below the smallest value of its unit")


def test_impossible_years_are_named(project, tmp_path):
    starts = plan_starts(project)
    deadlines = [row for row in figures_in_unit(project, "year", "target") if row["document_id"] in starts]
    far_deadline, early_deadline = deadlines[:2]
    dated_target = next(
        row
        for row in read(project / VALUES)
        if row["value_kind"] == "target"
        and row["period_year"]
        and row["document_id"] in starts
        and row["value_id"] not in (far_deadline["value_id"], early_deadline["value_id"])
    )
    before_start = str(starts[early_deadline["document_id"]] - 1)
    set_cell(project / VALUES, far_deadline["value_id"], "value", "2150")
    set_cell(project / VALUES, early_deadline["value_id"], "value", before_start)
    set_cell(project / VALUES, dated_target["value_id"], "period_year", str(starts[dated_target["document_id"]] - 1))

    exit_code, output = build(project, tmp_path / "warehouse.duckdb")
    assert exit_code == 1
    assert named(output, far_deadline["value_id"], "value", "above the largest value of its unit")
    assert named(output, early_deadline["value_id"], "value", "a target year before its plan starts")
    assert named(output, dated_target["value_id"], "period_year", "a target for a year before its plan starts")


def test_a_percent_above_100_passes_once_the_findings_register_lists_it(project, tmp_path):
    percent = figures_in_unit(project, "percent")[0]
    set_cell(project / VALUES, percent["value_id"], "value", "120")

    def register(rows: list[list[str]]) -> list[list[str]]:
        header = rows[0]
        finding = dict.fromkeys(header, "")
        finding.update(
            check_id="synthetic__share_above_100",
            expected_status="fail",
            finding_status="open",
            recorded_on="2026-12-01",
            value_ids=f"some_other_value, {percent['value_id']}",
            summary_zh="文件写明比例超过100%",
            summary_en="The document prints a share above 100 %.",
            source_quotes=percent["source_quote"],
        )
        return [*rows, [finding[name] for name in header]]

    rewrite_csv(project / FINDINGS, register)
    exit_code, output = build(project, tmp_path / "warehouse.duckdb")
    assert UNIT_TEST not in output
    assert exit_code == 0, output


def test_a_unit_the_vocabulary_does_not_know_fails_naming_it(project, tmp_path):
    indicator = read(project / INDICATORS)[0]["indicator_code"]
    set_cell(project / INDICATORS, indicator, "unit", "furlongs_per_fortnight")
    exit_code, output = build(project, tmp_path / "warehouse.duckdb")
    assert exit_code == 1
    assert "column_rules_stg_indicators" in output
    assert "column_name='unit -> stg_units.unit_code'" in output
    assert "furlongs_per_fortnight" in output
