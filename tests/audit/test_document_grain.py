"""Two plans of one jurisdiction are two documents: gaps, restatements and check ids never mix them.

The test appends a second plan of its own (a document row and a few figures it writes itself) to a copy of the
project: a later plan of a jurisdiction that already has one, restating one target twice and revising it, and
stating no baseline. The plan rows are written by the test; only the jurisdiction and the earlier plan's target
are picked from the seeds, by their shape, not by name.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from tests.conftest import copy_project
from tests.seed_edits import rewrite_csv
from yilao_yixiao import warehouse

NEW_DOCUMENT = "test_later_plan_of_the_same_city"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def earlier_target_with_baseline(seeds: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A whole, dated, non-percent target whose document also states an earlier baseline of the indicator."""
    units = {row["indicator_code"]: row["unit"] for row in read_rows(seeds / "indicators.csv")}
    values = read_rows(seeds / "indicator_values.csv")
    whole = [row for row in values if not row["breakdown_dimension"] and row["value"] and row["period_year"]]
    for target in whole:
        if target["value_kind"] != "target" or units[target["indicator_code"]] == "percent":
            continue
        same_indicator = [
            row
            for row in whole
            if (row["document_id"], row["indicator_code"]) == (target["document_id"], target["indicator_code"])
        ]
        if any(
            row["value_kind"] == "baseline" and row["period_year"] < target["period_year"] for row in same_indicator
        ):
            if all(row["value"] == target["value"] for row in same_indicator if row["value_kind"] == "target"):
                return target, next(
                    r for r in read_rows(seeds / "documents.csv") if r["document_id"] == target["document_id"]
                )
    raise AssertionError("no target with a baseline in the seeds")


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    project = copy_project(tmp_path_factory.mktemp("two_plans"))
    seeds = project / "seeds"
    target, earlier = earlier_target_with_baseline(seeds)
    revised = str(int(float(target["value"])) * 2)

    def add_document(rows: list[list[str]]) -> list[list[str]]:
        header = rows[0]
        new = dict(zip(header, [""] * len(header), strict=True))
        new.update(
            document_id=NEW_DOCUMENT,
            jurisdiction_code=earlier["jurisdiction_code"],
            title_zh="测试市养老服务发展规划（修订）",
            title_en="Test revision of the city's elderly care plan",
            issued_date="2030-01-15",
            status="final",
            plan_period_start=target["period_year"],
            plan_period_end=target["period_year"],
            source_file="999_test_later_plan.txt",
            source_sha256="0" * 64,
            script="simplified",
        )
        return [*rows, [new[column] for column in header]]

    def add_values(rows: list[list[str]]) -> list[list[str]]:
        header = rows[0]
        added = []
        for number, section in enumerate(("一、主要目标", "附表 主要指标"), start=1):
            new = dict(zip(header, [""] * len(header), strict=True))
            new.update(
                value_id=f"{NEW_DOCUMENT}_{number:03d}",
                document_id=NEW_DOCUMENT,
                indicator_code=target["indicator_code"],
                value_kind="target",
                period_year=target["period_year"],
                period_basis=target["period_basis"],
                value=revised,
                comparator=target["comparator"],
                is_aspirational="false",
                raw_text=f"{revised}个",
                source_section=section,
                source_quote=f"到{target['period_year']}年达到{revised}个",
            )
            added.append([new[column] for column in header])
        return [*rows, *added]

    rewrite_csv(seeds / "documents.csv", add_document)
    rewrite_csv(seeds / "indicator_values.csv", add_values)
    database = warehouse.build(project, project / "warehouse.duckdb")
    return database, target, earlier


def query(database: Path, sql: str, *parameters: object) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql, list(parameters)).fetchall()


def test_each_plan_has_its_own_gap_and_keeps_its_own_baseline(two_plans):
    database, target, earlier = two_plans
    gaps = query(
        database,
        "select gap_id, document_id, target_value, has_baseline from marts.fct_indicator_gaps"
        " where indicator_code = ? and jurisdiction_code = ? order by document_id",
        target["indicator_code"],
        earlier["jurisdiction_code"],
    )
    by_document = {row[1]: row for row in gaps}
    assert set(by_document) == {earlier["document_id"], NEW_DOCUMENT}
    assert by_document[NEW_DOCUMENT][0] == f"{NEW_DOCUMENT}__{target['indicator_code']}"
    assert by_document[NEW_DOCUMENT][2:] == (float(target["value"]) * 2, False)
    assert by_document[earlier["document_id"]][2:] == (float(target["value"]), True)


def test_the_changed_target_is_a_revision_not_a_contradiction(two_plans):
    database, target, earlier = two_plans
    revisions = query(
        database,
        "select previous_document_id, previous_value_id, revised_document_id, previous_value, revised_value"
        " from marts.fct_target_revisions where indicator_code = ?",
        target["indicator_code"],
    )
    assert revisions == [
        (earlier["document_id"], target["value_id"], NEW_DOCUMENT, float(target["value"]), float(target["value"]) * 2)
    ]
    restated = query(
        database,
        "select check_id, status from marts.fct_consistency_checks"
        " where check_kind = 'same_figure_restated' and document_id = ?",
        NEW_DOCUMENT,
    )
    assert restated == [
        (f"{NEW_DOCUMENT}__restated__{target['indicator_code']}__target__{target['period_year']}", "pass")
    ]
    assert query(
        database, "select count(*) from marts.fct_consistency_checks where status = 'fail' and not is_known_finding"
    ) == [(0,)]


def test_the_current_target_is_the_later_plans(two_plans):
    database, target, earlier = two_plans
    current = query(
        database,
        "select document_id, target_value, n_documents_with_target from marts.fct_jurisdiction_current_targets"
        " where jurisdiction_code = ? and indicator_code = ?",
        earlier["jurisdiction_code"],
        target["indicator_code"],
    )
    assert current == [(NEW_DOCUMENT, float(target["value"]) * 2, 2)]
