"""Throwaway engines for the cross-engine tests: a PostgreSQL cluster of their own and Spark in-process.

What is missing is installed first: the optional dependency groups (`uv sync --extra postgres|spark`), Debian's
postgresql server, Java. The cluster listens on 127.0.0.1 on a free port, lives in a temporary directory and is
stopped when the session ends, whatever happened.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import PROJECT_DIR, UNIT_TESTS_ENV, copy_project
from tools import engines
from yilao_yixiao import warehouse


def _install(extra: str, module: str) -> None:
    try:
        engines.ensure_python_extra(extra, module)
    except (engines.EngineUnavailable, subprocess.CalledProcessError) as err:
        detail = getattr(err, "stderr", b"") or b""
        pytest.fail(f"cannot install the {extra} extra: {err} {detail.decode(errors='replace') if detail else ''}")


@pytest.fixture(scope="session")
def duckdb_marts(warehouse_path: Path) -> dict[str, pl.DataFrame]:
    """The marts of the default engine, built by `yyx build`'s code path (tests/conftest.py)."""
    return engines.read_marts_duckdb(warehouse_path)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[engines.PostgresCluster]:
    _install("postgres", "dbt.adapters.postgres")
    try:
        with engines.postgres_cluster() as cluster:
            yield cluster
    except engines.EngineUnavailable as err:
        pytest.fail(f"PostgreSQL could not be started: {err}")


@pytest.fixture(scope="session")
def postgres_build(
    postgres_cluster: engines.PostgresCluster, tmp_path_factory: pytest.TempPathFactory
) -> list[warehouse.NodeFailure]:
    """`dbt build --target postgres` of the real project into the throwaway cluster; the nodes that failed."""
    work_dir = tmp_path_factory.mktemp("postgres_build")
    # With dbt's unit tests: they check the cross-engine macros (regexps, intervals) on each engine.
    with engines.environment(**postgres_cluster.env(), **{UNIT_TESTS_ENV: "1"}):
        return warehouse.run_dbt(PROJECT_DIR, ["build"], work_dir, target="postgres")


@dataclass
class SparkBuild:
    failures: list[warehouse.NodeFailure]
    marts: dict[str, pl.DataFrame]
    project: Path
    entries_before: set[str]


@pytest.fixture(scope="session")
def spark_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkBuild]:
    """`dbt build --target spark` in this process, run from the root of a copy of the project as a user runs it
    (profiles.yml's default Spark directory), and the marts read back through the same SparkSession."""
    _install("spark", "pyspark")
    _install("spark", "dbt.adapters.spark")
    project = copy_project(tmp_path_factory.mktemp("spark_project"))
    entries_before = {path.name for path in project.iterdir()}
    work_dir = tmp_path_factory.mktemp("spark_build")
    with engines.spark_in_project(project), engines.environment(**{UNIT_TESTS_ENV: "1"}):
        try:
            failures = warehouse.run_dbt(project, ["build"], work_dir, target="spark")
            marts = {} if failures else engines.read_marts_spark()
            yield SparkBuild(failures, marts, project, entries_before)
        finally:
            engines.stop_spark()
