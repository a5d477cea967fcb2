"""The findings register keeps the build useful: known contradictions warn, anything else fails, nothing goes stale."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import copy_project
from yilao_yixiao import warehouse


def rewrite_csv(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(change(rows))


def build_failure(project: Path, tmp_path: Path) -> str:
    with pytest.raises(warehouse.BuildError) as raised:
        warehouse.build(project, tmp_path / "warehouse.duckdb")
    assert not (tmp_path / "warehouse.duckdb").exists()
    return str(raised.value)


def test_a_mistyped_county_value_fails_the_build_naming_the_check(tmp_path):
    project = copy_project(tmp_path / "project")

    def mistype_shangshui_meal_sites(rows):
        header = rows[0]
        for row in rows[1:]:
            if row[0] == "zhoukou_shangshui_elderly_meal_service_sites":
                row[header.index("value")] = "72"
        return rows

    rewrite_csv(project / "seeds/county_allocations.csv", mistype_shangshui_meal_sites)
    message = build_failure(project, tmp_path)
    assert "assert_every_failing_check_is_a_registered_finding" in message
    assert "zhoukou__parts_sum__county_allocations__elderly_meal_service_sites" in message


def test_removing_a_register_entry_fails_the_build_naming_it(tmp_path):
    project = copy_project(tmp_path / "project")
    removed = "ganzi__public_childcare_slot_share_target"
    rewrite_csv(project / "seeds/audit_findings.csv", lambda rows: [row for row in rows if row[0] != removed])
    message = build_failure(project, tmp_path)
    assert "assert_every_failing_check_is_a_registered_finding" in message
    assert removed in message


def test_a_register_entry_whose_check_passes_fails_the_build(tmp_path):
    """If the 600 were corrected to 60, the finding would be stale and must be removed from the register."""
    project = copy_project(tmp_path / "project")

    def correct_the_goal(rows):
        header = rows[0]
        for row in rows[1:]:
            if row[0] == "zhoukou_003":
                row[header.index("value")] = "60"
                row[header.index("cleaning_note")] = "test: corrected"
        return rows

    rewrite_csv(project / "seeds/indicator_values.csv", correct_the_goal)
    message = build_failure(project, tmp_path)
    assert "assert_every_registered_finding_still_fails" in message
    assert "zhoukou__restated__village_standard_elderly_service_stations__target__2024" in message


def test_registered_findings_only_warn(warehouse_path):
    """The real project builds (the fixture would have raised) although seven checks fail."""
    assert warehouse_path.exists()
