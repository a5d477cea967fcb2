"""bench/report.py: the tables of the measurements, and refreshing them inside bench/RESULTS.md."""

from __future__ import annotations

import pytest

from bench import report
from tests.conftest import PROJECT_DIR


def measurement(scale: float, stage: str, seconds: float, rows: int = 100) -> dict:
    return {"scale": scale, "engine": "duckdb", "stage": stage, "rows": rows, "seconds": seconds, "peak_mib": 50.0}


def payload() -> dict:
    results = [measurement(1, stage, 1.0) for stage in report.STAGES]
    results += [measurement(10, stage, 5.0 if stage == "run" else 2.0) for stage in report.STAGES]
    return {"machine": "2 cores", "extra": {}, "results": results}


def test_ratios_are_against_the_first_scale_and_the_scale_before():
    lines = report.tables([payload()]).splitlines()
    models_x10 = next(line for line in lines if line.startswith("| ×10 | models |"))
    assert "| 5.0 s |" in models_x10 and models_x10.endswith("| 5.0× | 5.0× |")
    total_x10 = next(line for line in lines if line.startswith("| ×10 | **all four** |"))
    assert "**11.0 s**" in total_x10 and total_x10.endswith("| 2.8× | 2.8× |")


def test_refreshing_replaces_only_the_generated_part():
    document = f"# Head\n\n{report.RESULTS_BEGIN}\nold tables\n{report.RESULTS_END}\n\n## Goals\nkept\n"
    once = report.replace_results(document, "new tables")
    assert "old tables" not in once
    assert once.startswith("# Head\n") and once.endswith("## Goals\nkept\n")
    assert report.replace_results(once, "new tables") == once


def test_a_document_without_markers_is_refused():
    with pytest.raises(ValueError):
        report.replace_results("# no markers\n", "tables")


def test_the_results_document_has_its_markers():
    document = (PROJECT_DIR / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    assert document.count(report.RESULTS_BEGIN) == 1 and document.count(report.RESULTS_END) == 1


def test_refreshing_one_engine_keeps_the_tables_of_the_others():
    previous = (
        "Machine: old\n\n### duckdb\n\n| old duckdb table |\n\n### postgres\n\n| postgres table, 2026-11-23 |\n\n"
        "### spark\n\n| spark table |\n"
    )
    merged = report.merge_engines(previous, report.tables([payload()]))
    assert merged.startswith("Machine: 2 cores")
    assert "old duckdb table" not in merged and "| ×10 | models |" in merged
    assert merged.index("### duckdb") < merged.index("| postgres table, 2026-11-23 |") < merged.index("| spark table |")


def test_a_new_engine_is_added_after_the_kept_ones():
    merged = report.merge_engines("Machine: old\n\n### spark\n\n| spark table |\n", report.tables([payload()]))
    assert merged.index("| spark table |") < merged.index("### duckdb")


def test_the_slowest_nodes_of_the_floor_at_the_largest_scale_are_named():
    data = payload()
    for scale, nodes in ((1, {"fct_small": 0.2}), (10, {"fct_big": 3.0, "int_medium": 1.25})):
        data["results"].append(
            {**measurement(scale, "floor", 4.0), "extra": {"models": 3.0, "tests": 1.0, "nodes": nodes}}
        )
    text = report.tables([data])
    assert "The slowest models and tests of the floor at ×10: fct_big 3.0 s, int_medium 1.2 s." in text
    assert "fct_small" not in text


def test_cpu_seconds_are_shown_where_measured():
    data = payload()
    data["results"][0]["cpu_seconds"] = 2.5
    lines = report.tables([data]).splitlines()
    load_x1 = next(line for line in lines if line.startswith("| ×1 | load |"))
    models_x1 = next(line for line in lines if line.startswith("| ×1 | models |"))
    assert "| 1.0 s | 2.5 s | 50 MiB |" in load_x1
    assert "| 1.0 s |  | 50 MiB |" in models_x1


def floor_table_rows(data: dict, floor_x10_extra: dict | None = None) -> tuple[str, str]:
    """The ×1 and ×10 rows of the table of dbt against the floor, with a floor of 3 + 1 s at both scales."""
    data["results"].append({**measurement(1, "floor", 4.0), "extra": {"models": 3.0, "tests": 1.0}})
    extra = {"models": 3.0, "tests": 1.0, **(floor_x10_extra or {})}
    data["results"].append({**measurement(10, "floor", 4.0), "extra": extra})
    lines = report.tables([data]).splitlines()
    floor_x1 = next(line for line in lines if line.startswith("| ×1 | 1.0 s |"))
    floor_x10 = next(line for line in lines if line.startswith("| ×10 | 5.0 s |"))
    return floor_x1, floor_x10


def test_the_cost_of_writing_the_floors_tables_alone_is_shown_where_measured():
    stored = {"marts_stored_again": 2.3, "intermediate_stored_again": 1.5}
    floor_x1, floor_x10 = floor_table_rows(payload(), stored)
    assert floor_x1.endswith("|  |")
    assert floor_x10.endswith("| 3.8 s (2.3 + 1.5 s) |")


def test_dbts_time_outside_running_the_nodes_is_shown_where_measured():
    data = payload()
    for row in data["results"]:
        if row["scale"] == 10 and row["stage"] in ("run", "test"):
            row["extra"] = {"dbt_execution_seconds": 1.5}
    floor_x1, floor_x10 = floor_table_rows(data)
    # run 5.0 s and test 2.0 s of wall time, of which dbt ran the nodes for 1.5 s each
    assert "| 7.0 s | 4.0 s | +3.0 s | 4.0 s |" in floor_x10
    assert "| 2.0 s | 4.0 s | -2.0 s |  |" in floor_x1


def test_data_generated_by_an_earlier_run_are_counted_without_a_time():
    data = payload()
    counts = {"jurisdictions": 31, "indicator_values": 10698, "county_allocations": 140}
    data["extra"]["generated"] = {"1": {"rows": counts, "seconds": None}, "10": {"rows": counts, "seconds": 1.25}}
    lines = report.tables([data]).splitlines()
    assert "| ×1 | 31 | 10,698 | 140 | an earlier run |" in lines
    assert "| ×10 | 31 | 10,698 | 140 | 1.2 s |" in lines


def test_the_one_process_build_is_reported_beside_the_floor():
    data = payload()
    data["results"].append({**measurement(1, "floor", 4.0), "extra": {"models": 3.0, "tests": 1.0}})
    data["results"].append({**measurement(1, "build", 6.5), "cpu_seconds": 7.0})
    data["results"].append(measurement(10, "build", 8.0))
    text = report.tables([data])
    assert "as `yyx build` runs them: ×1 6.5 s (7.0 s of CPU), ×10 8.0 s." in text
    # not a stage of the per-stage table, whose total stays the sum of the four
    assert "| ×1 | **all four** | | **4.0 s** |" in text


def test_the_speed_check_is_printed_with_the_run_it_belongs_to():
    data = payload()
    data["extra"]["speed_check"] = {"start": {"duckdb": 0.61, "python": 0.42}, "end": {"duckdb": 0.83, "python": 0.5}}
    text = report.tables([data])
    assert (
        "Speed check of the duckdb run (bench/run.py `speed_check`: fixed workloads on one core, best of three, "
        "lower is faster): DuckDB 0.61 s and Python 0.42 s at the start, 0.83 s and 0.50 s at the end."
    ) in text
    assert "Speed check" not in report.tables([payload()])
