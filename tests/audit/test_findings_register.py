"""The findings register keeps the build useful: known contradictions warn, anything else fails, nothing goes stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.seed_edits import rewrite_csv, set_cell
from yilao_yixiao import warehouse

# The documents whose figures these tests assert (check ids are built from document_id).
ZHOUKOU = "zhoukou_2024_elderly_care_supervision_plan"
GANZI = "ganzi_2023_yilao_yixiao_plan_draft"


def build_failure(project: Path, tmp_path: Path) -> str:
    with pytest.raises(warehouse.BuildError) as raised:
        warehouse.build(project, tmp_path / "warehouse.duckdb")
    assert not (tmp_path / "warehouse.duckdb").exists()
    return str(raised.value)


def test_a_mistyped_county_value_fails_the_build_naming_the_check(tmp_path):
    project = copy_project(tmp_path / "project")

    set_cell(project / "seeds/county_allocations.csv", "zhoukou_shangshui_elderly_meal_service_sites", "value", "72")
    message = build_failure(project, tmp_path)
    assert "assert_every_failing_check_is_a_registered_finding" in message
    assert f"{ZHOUKOU}__parts_sum__county_allocations__elderly_meal_service_sites" in message


def test_removing_a_register_entry_fails_the_build_naming_it(tmp_path):
    project = copy_project(tmp_path / "project")
    removed = f"{GANZI}__public_slot_share_recomputed__ganzi_103"
    rewrite_csv(project / "seeds/audit_findings.csv", lambda rows: [row for row in rows if row[0] != removed])
    message = build_failure(project, tmp_path)
    assert "assert_every_failing_check_is_a_registered_finding" in message
    assert removed in message


def test_a_register_entry_whose_check_passes_fails_the_build(tmp_path):
    """If the 600 were corrected to 60, the finding would be stale and must be removed from the register."""
    project = copy_project(tmp_path / "project")

    set_cell(project / "seeds/indicator_values.csv", "zhoukou_003", "value", "60")
    set_cell(project / "seeds/indicator_values.csv", "zhoukou_003", "cleaning_note", "test: corrected")
    message = build_failure(project, tmp_path)
    assert "assert_every_registered_finding_still_fails" in message
    assert f"{ZHOUKOU}__restated__village_standard_elderly_service_stations__target__2024" in message


def test_registered_findings_only_warn(warehouse_path):
    """The real project builds (the fixture would have raised) although seven checks fail."""
    assert warehouse_path.exists()
