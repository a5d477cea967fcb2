"""The union of the check models is generated from their tag; a check model it cannot reach stops the build."""

from __future__ import annotations

from tests.conftest import copy_project
from yilao_yixiao import warehouse

UNION_MODEL = "models/intermediate/int_consistency_check_figures.sql"


def test_every_tagged_check_model_is_in_the_union(con):
    kinds = {
        row[0]
        for row in con.execute(
            "select distinct split_part(check_id, '__', 2) from marts.fct_consistency_checks"
            " where check_id like '%\\_\\_%' escape '\\'"
        ).fetchall()
    }
    # One kind of check from each of the five tagged models: declared, codebook rule, parts, plausibility, restated.
    assert {"occupancy_rate_of_county_public_institutions", "slots_per_1000_population_recomputed"} <= kinds
    assert {"parts_sum", "share_at_most_100", "restated", "baseline_year_consistent"} <= kinds


def test_a_check_model_missing_from_the_dependencies_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    union = project / UNION_MODEL
    lines = union.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = [line for line in lines if "int_checks_plausibility" in line and line.startswith("-- depends_on")]
    assert len(dropped) == 1
    union.write_text("".join(line for line in lines if line not in dropped), encoding="utf-8")

    failures = warehouse.run_dbt(
        project, ["compile", "--select", "int_consistency_check_figures"], tmp_path / "compile.duckdb"
    )
    message = "\n".join(str(failure) for failure in failures)
    assert "does not depend on the check model int_checks_plausibility" in message
