"""`yyx build` builds beside the live warehouse: a failed build leaves the last good one in place and says so,
a successful one replaces it atomically, and a reader holding it open read-only keeps working throughout."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import copy_project
from tests.seed_edits import set_cell
from yilao_yixiao import warehouse
from yilao_yixiao.cli import app

DOCUMENTS = "seeds/documents.csv"
VALUES = "seeds/indicator_values.csv"
NOTE_QUERY = "select document_notes from marts.dim_documents where document_id = '{}'"


def build_with_cli(project: Path, database: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["build", "--project-dir", str(project), "--database", str(database)], catch_exceptions=False
    )
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def first_document(project: Path) -> str:
    with (project / DOCUMENTS).open(encoding="utf-8") as f:
        return f.readlines()[1].split(",", 1)[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project and a good warehouse built from it by `yyx build`."""
    folder = tmp_path_factory.mktemp("atomic")
    project = copy_project(folder / "project")
    database = folder / "target" / "warehouse.duckdb"
    exit_code, output = build_with_cli(project, database)
    assert exit_code == 0, output
    return project, database


@pytest.fixture
def project(built: tuple[Path, Path], tmp_path: Path) -> Path:
    """A fresh copy of the project the good warehouse was built from, for one test to edit."""
    return copy_project(tmp_path / "project")


def assert_untouched(database: Path, before: str, output: str) -> None:
    assert digest(database) == before
    built_at = warehouse.built_at(database)
    assert f"the warehouse built at {built_at} is still in place" in output
    # No scratch database is left; a failed dbt run's work folder (log, compiled SQL) stays for the next build.
    assert [path for path in warehouse.leftover_scratch(database) if not path.is_dir()] == []
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_indicator_values").fetchone()[0] > 0


def test_a_failing_dbt_test_keeps_the_last_good_warehouse(built, project):
    _, database = built
    before = digest(database)
    manifest = (database.parent / "dbt_artifacts" / "manifest.json").read_bytes()
    set_cell(project / VALUES, "lincang_012", "indicator_code", "no_such_indicator")
    exit_code, output = build_with_cli(project, database)
    assert exit_code == 1
    assert "build failed: " in output
    assert "column_name='indicator_code -> stg_indicators.indicator_code'" in output
    assert_untouched(database, before, output)
    (work_dir,) = warehouse.leftover_scratch(database)
    assert f"dbt's log and compiled SQL of the failed build: {work_dir}" in output
    assert (work_dir / "dbt_logs" / "dbt.log").is_file()
    # The artifacts the dashboards read describe the warehouse in place, not the failed build.
    assert (database.parent / "dbt_artifacts" / "manifest.json").read_bytes() == manifest


def test_a_selective_build_rebuilds_on_top_of_the_live_warehouse(built, tmp_path):
    project, database = built
    result = CliRunner().invoke(
        app,
        ["build", "--project-dir", str(project), "--database", str(database), "--select", "dim_documents"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(database), read_only=True) as con:
        marts = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {"dim_documents", "fct_indicator_values", "fct_indicator_gaps"} <= marts
    assert warehouse.leftover_scratch(database) == []


def test_a_seed_that_does_not_parse_keeps_the_last_good_warehouse(built, project):
    _, database = built
    before = digest(database)
    line = set_cell(project / VALUES, "lincang_012", "value", "十二")
    exit_code, output = build_with_cli(project, database)
    assert exit_code == 1
    assert f"indicator_values.csv, line {line}, column 'value'" in output
    assert_untouched(database, before, output)


def test_a_failed_first_build_says_that_no_warehouse_is_in_place(project, tmp_path):
    database = tmp_path / "new" / "warehouse.duckdb"
    set_cell(project / VALUES, "lincang_012", "value", "十二")
    exit_code, output = build_with_cli(project, database)
    assert exit_code == 1
    assert f"no warehouse is in place at {database}" in output
    assert not database.exists()


READER = """
import sys, time, duckdb
database, query, stop, log = sys.argv[1:5]
con = duckdb.connect(database, read_only=True)
queries = 0
with open(log, "w", encoding="utf-8") as out:
    print("open", flush=True)
    while True:
        note = con.execute(query).fetchone()[0]
        queries += 1
        out.write(note + "\\n")
        out.flush()
        try:
            open(stop).close()
            break
        except FileNotFoundError:
            time.sleep(0.05)
print(queries, flush=True)
"""


def test_a_reader_holding_the_warehouse_open_keeps_working_through_a_build(built, project, tmp_path):
    _, database = built
    document = first_document(project)
    query = NOTE_QUERY.format(document)
    with duckdb.connect(str(database), read_only=True) as con:
        old_note = con.execute(query).fetchone()[0]
    set_cell(project / DOCUMENTS, document, "notes", "edited by the atomic-build test")
    stop, log = tmp_path / "stop", tmp_path / "reader.log"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(database), query, str(stop), str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        started = time.monotonic()
        exit_code, output = build_with_cli(project, database)
        build_seconds = time.monotonic() - started
    finally:
        stop.touch()
        stdout, stderr = reader.communicate(timeout=60)
    assert exit_code == 0, output
    assert reader.returncode == 0, stderr
    notes = log.read_text(encoding="utf-8").splitlines()
    # The reader queried all through the build, and its handle still reads the file it opened (the old inode).
    assert int(stdout.strip()) == len(notes) > build_seconds
    assert set(notes) == {old_note}
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute(query).fetchone()[0] == "edited by the atomic-build test"
    assert warehouse.leftover_scratch(database) == []


def test_the_next_build_starts_from_the_last_builds_parse(built, monkeypatch):
    """The scratch names are fixed, so dbt's partial parse (keyed on the database path) carries over."""
    project, database = built
    assert (database.parent / "dbt_artifacts" / warehouse.PARTIAL_PARSE).is_file()
    # dbt logs whether it parsed partially at debug level; the project's log file is at info (dbt_project.yml).
    monkeypatch.setenv("DBT_LOG_LEVEL_FILE", "debug")
    exit_code, output = build_with_cli(project, database)
    assert exit_code == 0, output
    log = (database.parent / "dbt_logs" / "dbt.log").read_text(encoding="utf-8")
    this_build = log[log.rindex("Running with dbt=") :]
    # "enabled, no changes found" or, after a test that built an edited copy, "enabled: … 1 files changed".
    assert "Partial parsing enabled" in this_build
    assert "Unable to do partial parsing" not in this_build
    assert warehouse.leftover_scratch(database) == []
    # At debug level dbt logs each usage event it sends; dbt_project.yml turns them off (no network at run time).
    assert "Sending event" not in this_build


def test_a_second_build_of_the_same_warehouse_is_refused_while_one_runs(built):
    project, database = built
    before = digest(database)
    with warehouse._build_lock(database):
        exit_code, output = build_with_cli(project, database)
    assert exit_code == 1
    assert f"another build of {database} is running" in output
    assert_untouched(database, before, output)
