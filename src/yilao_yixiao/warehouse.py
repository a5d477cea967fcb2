"""Build the warehouse with dbt so that a failed build never leaves a database that looks valid."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from yilao_yixiao.seed_check import SeedCheckError, check_seeds

DATABASE_ENV = "YYX_DUCKDB_PATH"
DEFAULT_DATABASE = Path("target/warehouse.duckdb")
FAILED_STATUSES = {"error", "fail", "runtime error"}


@dataclass
class NodeFailure:
    unique_id: str
    status: str
    message: str
    failing_rows: list[dict] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{self.unique_id}: {self.status}: {self.message}"
        for row in self.failing_rows:
            text += "\n    " + ", ".join(f"{k}={v!r}" for k, v in row.items())
        return text


class BuildError(Exception):
    def __init__(self, failures: list[NodeFailure]):
        self.failures = failures
        super().__init__("\n".join(str(f) for f in failures))


@contextlib.contextmanager
def _database_env(path: Path) -> Iterator[None]:
    previous = os.environ.get(DATABASE_ENV)
    os.environ[DATABASE_ENV] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(DATABASE_ENV, None)
        else:
            os.environ[DATABASE_ENV] = previous


def _remove_database(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so moving the one file moves everything dbt wrote."""
    with duckdb.connect(str(path)) as con:
        con.execute("checkpoint")


def _failing_rows(database: Path, schema: str | None, alias: str | None, limit: int = 5) -> list[dict]:
    """The rows a failed test stored (dbt `store_failures`), so the message names the offending rows."""
    if not (schema and alias):
        return []
    try:
        # dbt-duckdb still holds this file open in-process; a read-only connection would be refused.
        with duckdb.connect(str(database)) as con:
            frame = con.sql(f'select * from "{schema}"."{alias}" limit {limit}').pl()
    except duckdb.Error:
        return []
    return frame.to_dicts()


def run_dbt(project_dir: Path, args: list[str], database: Path) -> list[NodeFailure]:
    """Run one dbt command against `database`; return the nodes that errored or failed."""
    from dbt.cli.main import dbtRunner

    target_path = database.parent / "dbt_artifacts"
    with _database_env(database):
        result = dbtRunner().invoke(
            [
                *args,
                "--project-dir",
                str(project_dir),
                "--profiles-dir",
                str(project_dir),
                "--target-path",
                str(target_path),
            ]
        )
    if result.exception is not None:
        return [NodeFailure("dbt", "error", str(result.exception))]
    failures = []
    for node_result in getattr(result.result, "results", []) or []:
        status = str(node_result.status)
        if status in FAILED_STATUSES:
            node = node_result.node
            rows = _failing_rows(database, node.schema, node.alias) if status == "fail" else []
            failures.append(NodeFailure(node.unique_id, status, node_result.message or "", rows))
    if not result.success and not failures:
        failures.append(NodeFailure("dbt", "error", "dbt reported failure"))
    return failures


def build(project_dir: Path, database: Path, select: list[str] | None = None) -> Path:
    """Check the seeds, run `dbt build` into a scratch file and move it into place only if all passed.

    On failure the scratch file and any earlier warehouse at `database` are removed (the earlier one no
    longer matches the seeds), and BuildError lists each failing node with its failing rows.
    """
    problems = check_seeds(project_dir / "seeds")
    if problems:
        _remove_database(database)
        raise SeedCheckError(problems)

    database.parent.mkdir(parents=True, exist_ok=True)
    scratch = database.with_name(database.stem + "_building.duckdb")
    _remove_database(scratch)
    args = ["build"] + (["--select", *select] if select else [])
    failures = run_dbt(project_dir, args, scratch)
    if failures:
        _remove_database(scratch)
        _remove_database(database)
        raise BuildError(failures)
    _checkpoint(scratch)
    _remove_database(database)
    os.replace(scratch, database)
    return database
