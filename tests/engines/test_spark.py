"""The project builds unchanged on Spark (in-process, dbt-spark `method: session`) and its marts are the DuckDB
marts, row for row. Minutes long: `pytest -m "not spark"` leaves it out."""

from __future__ import annotations

import pytest

from tools import engines

pytestmark = pytest.mark.spark

SPARK_LEFTOVERS = {"metastore_db", "spark-warehouse", "derby.log"}


def test_build_passes_on_spark(spark_build):
    assert spark_build.failures == [], "\n".join(str(failure) for failure in spark_build.failures)


def test_every_mart_is_identical_to_duckdb(spark_build, duckdb_marts):
    assert spark_build.failures == []
    assert set(spark_build.marts) == set(engines.mart_names())
    problems = engines.compare_marts(duckdb_marts, spark_build.marts)
    assert problems == [], "\n".join(problems)


def test_spark_keeps_its_files_under_target(spark_build):
    """Run from the project root, Spark's metastore, its log and its tables land in target/spark (profiles.yml),
    never beside the project files."""
    project = spark_build.project
    new_entries = {path.name for path in project.iterdir()} - spark_build.entries_before
    assert new_entries - {".user.yml"} <= {"target"}  # .user.yml: dbt's own id file (any target), gitignored
    assert not [path for path in project.rglob("*") if path.name in SPARK_LEFTOVERS and "target" not in path.parts]
    spark_dir = project / "target" / "spark"
    assert (spark_dir / "metastore_db").is_dir()
    assert (spark_dir / "derby.log").is_file()
    assert (spark_dir / "warehouse" / "marts.db" / "fct_indicator_values").is_dir()
