"""Build the warehouse with dbt beside the live file, and put it in place only when the whole build passed.

A failed build leaves the last good warehouse (and the dbt artifacts that describe it) untouched; a reader
holding the live file open read-only keeps its handle through the swap, because os.replace swaps the directory
entry and the old file stays alive until its last handle closes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from yilao_yixiao.atomic import replace_folder
from yilao_yixiao.seed_check import SeedCheckError, check_seeds

DATABASE_ENV = "YYX_DUCKDB_PATH"
DEFAULT_DATABASE = Path("target/warehouse.duckdb")
FAILED_STATUSES = {"error", "fail", "runtime error"}
ARTIFACTS = "dbt_artifacts"
LOGS = "dbt_logs"


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
    def __init__(self, failures: list[NodeFailure], work_dir: Path | None = None):
        self.failures = failures
        # dbt's log and compiled SQL of the failed build (the paths dbt printed point into it).
        self.work_dir = work_dir
        super().__init__("\n".join(str(f) for f in failures))


@contextlib.contextmanager
def _database_env(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    previous = os.environ.get(DATABASE_ENV)
    os.environ[DATABASE_ENV] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(DATABASE_ENV, None)
        else:
            os.environ[DATABASE_ENV] = previous


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _remove_database(path: Path) -> None:
    for candidate in (path, _wal(path)):
        candidate.unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so moving the one file moves everything dbt wrote."""
    with duckdb.connect(str(path)) as con:
        con.execute("checkpoint")


def _failing_rows(database: Path, node: object, limit: int = 5) -> list[dict]:
    """The offending rows of a failed test, so the message names them: the table the test stored (dbt
    `store_failures`, kept only for the tests whose stored rows someone reads, see dbt_project.yml), else its
    compiled SQL run again, which costs nothing while the tests pass."""
    config = getattr(node, "config", None)
    schema, alias = getattr(node, "schema", None), getattr(node, "alias", None)
    if getattr(config, "store_failures", False) and schema and alias:
        query = f'select * from "{schema}"."{alias}"'
    elif compiled := getattr(node, "compiled_code", None):
        query = f"select * from ({compiled}) as failing_rows"
    else:
        return []
    try:
        # dbt-duckdb still holds this file open in-process; a read-only connection would be refused.
        with duckdb.connect(str(database)) as con:
            frame = con.sql(f"{query} limit {limit}").pl()
    except duckdb.Error:
        return []
    return frame.to_dicts()


def run_dbt(
    project_dir: Path,
    args: list[str],
    work_dir: Path,
    *,
    target: str | None = None,
    database: Path | None = None,
) -> list[NodeFailure]:
    """Run one dbt command in-process; return the nodes that errored or failed.

    Artifacts go to work_dir/dbt_artifacts and logs to work_dir/dbt_logs, never into the checkout. `target`
    picks a profiles.yml output (default: the profile's, duckdb). `database` points the duckdb output at that
    file, and the rows a failing test stored are then read back from it into the failure.
    """
    from dbt.cli.main import dbtRunner

    options = [
        "--project-dir",
        str(project_dir),
        "--profiles-dir",
        str(project_dir),
        "--target-path",
        str(work_dir / ARTIFACTS),
        "--log-path",
        str(work_dir / LOGS),
    ]
    if target is not None:
        options += ["--target", target]
    with _database_env(database):
        result = dbtRunner().invoke([*args, *options])
    if result.exception is not None:
        return [NodeFailure("dbt", "error", str(result.exception))]
    failures = []
    for node_result in getattr(result.result, "results", []) or []:
        status = str(node_result.status)
        if status in FAILED_STATUSES:
            node = node_result.node
            stored = status == "fail" and database is not None
            rows = _failing_rows(database, node) if stored else []
            failures.append(NodeFailure(node.unique_id, status, node_result.message or "", rows))
    if not result.success and not failures:
        failures.append(NodeFailure("dbt", "error", "dbt reported failure"))
    return failures


SCRATCH_TAG = "_building"
PARTIAL_PARSE = "partial_parse.msgpack"


class BuildInProgressError(RuntimeError):
    """Another build of the same warehouse holds its lock."""


def scratch_paths(database: Path) -> tuple[Path, Path]:
    """The scratch database and scratch work folder of a build of `database`.

    In the same folder as `database`, so moving them into place is a rename on one file system (atomic), never
    a copy. The names are fixed: dbt's partial parse is keyed on the profile, which holds the database path, so
    a new name per build cost every build a full parse. _build_lock keeps two builds from sharing them.
    """
    return database.with_name(f"{database.stem}{SCRATCH_TAG}{database.suffix}"), database.with_name(
        f".{database.stem}{SCRATCH_TAG}"
    )


def leftover_scratch(database: Path) -> list[Path]:
    """Scratch files or folders of builds of `database` that are still on disk."""
    folder = database.parent
    return sorted([*folder.glob(f"{database.stem}{SCRATCH_TAG}*"), *folder.glob(f".{database.stem}{SCRATCH_TAG}*")])


@contextlib.contextmanager
def _build_lock(database: Path) -> Iterator[None]:
    """Hold the lock of `database`'s builds; another build of it, in any process, is refused meanwhile."""
    lock_path = database.with_name(f".{database.name}.lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildInProgressError(
                f"another build of {database} is running; try again when it has finished"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _clear_stale_scratch(database: Path) -> None:
    """Remove what earlier builds left (a failed build's work folder, kept for its log and compiled SQL, or the
    scratch of a build that was killed). Called with the build lock held, so none of it is in use."""
    for path in leftover_scratch(database):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _close_dbt_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB connection in a class attribute after a run. The next build in this process
    connects to the same scratch path, which by then names a new file: the old connection must not reach it."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:
        return
    DuckDBConnectionManager.close_all_connections()


def _reuse_partial_parse(database: Path, work_dir: Path) -> None:
    """Start dbt from the last good build's parse, as a plain `dbt build` starts from target/'s."""
    previous = database.parent / ARTIFACTS / PARTIAL_PARSE
    if previous.is_file():
        (work_dir / ARTIFACTS).mkdir(parents=True, exist_ok=True)
        shutil.copy2(previous, work_dir / ARTIFACTS / PARTIAL_PARSE)


def built_at(database: Path) -> str | None:
    """When the warehouse at `database` was put in place (its modification time, ISO 8601), or None."""
    try:
        mtime = database.stat().st_mtime
    except FileNotFoundError:
        return None
    return dt.datetime.fromtimestamp(mtime, tz=dt.UTC).astimezone().isoformat(timespec="seconds")


def kept_warehouse_note(database: Path) -> str:
    """What a reader of a failed build needs to know: which warehouse they still have."""
    when = built_at(database)
    if when is None:
        return f"no warehouse is in place at {database} (none was built before)"
    return f"the warehouse built at {when} is still in place ({database})"


def build(project_dir: Path, database: Path, select: list[str] | None = None) -> Path:
    """Check the seeds, run `dbt build` into a scratch file beside `database`, and only if every node passed
    replace `database` with it (os.replace) and its dbt artifacts with the new ones.

    On failure the scratch database is removed and `database` and its artifacts stay exactly as they were;
    SeedCheckError or BuildError says what failed (each failing node with its failing rows, and the folder
    holding dbt's log and compiled SQL of the failed build, which the next build clears).
    """
    problems = check_seeds(project_dir / "seeds")
    if problems:
        raise SeedCheckError(problems)

    database.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(database):
        _clear_stale_scratch(database)
        scratch, work_dir = scratch_paths(database)
        if select and database.exists():
            # A selective build rebuilds some nodes on top of the rest: it starts from a copy of the live warehouse.
            shutil.copy2(database, scratch)
        _reuse_partial_parse(database, work_dir)
        args = ["build"] + (["--select", *select] if select else [])
        try:
            try:
                failures = run_dbt(project_dir, args, work_dir, database=scratch)
            finally:
                _close_dbt_duckdb()
            if failures:
                raise BuildError(failures, work_dir)
            _checkpoint(scratch)
        except BaseException:
            # The scratch database goes; the work folder stays until the next build, for whoever fixes the seeds.
            _remove_database(scratch)
            raise
        # A write-ahead log of the old file would be replayed onto the new one; the old one was checkpointed.
        _wal(database).unlink(missing_ok=True)
        os.replace(scratch, database)
        replace_folder(work_dir / ARTIFACTS, database.parent / ARTIFACTS)
        replace_folder(work_dir / LOGS, database.parent / LOGS)
        shutil.rmtree(work_dir, ignore_errors=True)
    return database
