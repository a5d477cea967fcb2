"""`yyx validate` and `yyx dashboards` write a scratch folder beside their output and swap it in when complete:
a failure leaves the previous Data Docs or site whole, a success replaces it without leftovers."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from yilao_yixiao import atomic
from yilao_yixiao.cli import app
from yilao_yixiao.dashboards.site import SITE_MARKER as SITE
from yilao_yixiao.validation.run import SITE_MARKER as DATA_DOCS

MARKER = ".written-by-test"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def previous_output(folder: Path, marker: str) -> dict[str, str]:
    """An earlier run's output: its marker and two pages; returns what each file holds."""
    (folder / "sub").mkdir(parents=True)
    files = {marker: "marker\n", "index.html": "<p>the previous index</p>", "sub/page.html": "<p>the previous page</p>"}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return files


def contents(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes().decode("utf-8", errors="replace")
        for path in folder.rglob("*")
        if path.is_file()
    }


def siblings(folder: Path) -> list[str]:
    """Everything beside `folder` other than itself, e.g. a scratch or old copy left behind."""
    return sorted(path.name for path in folder.parent.iterdir() if path.name.startswith(f".{folder.name}."))


def test_an_exception_leaves_the_live_folder_whole(tmp_path):
    live = tmp_path / "site"
    files = previous_output(live, MARKER)
    with pytest.raises(RuntimeError, match="half written"), atomic.swapped_folder(live, MARKER) as scratch:
        (scratch / "index.html").write_text("<p>new</p>", encoding="utf-8")
        raise RuntimeError("half written")
    assert contents(live) == files
    assert siblings(live) == []


def test_a_complete_run_replaces_the_folder_and_leaves_nothing_beside_it(tmp_path):
    live = tmp_path / "site"
    previous_output(live, MARKER)
    with atomic.swapped_folder(live, MARKER) as scratch:
        assert scratch.parent == live.parent and not any(scratch.iterdir())
        (scratch / MARKER).write_text("marker\n", encoding="utf-8")
        (scratch / "index.html").write_text("<p>new</p>", encoding="utf-8")
    assert contents(live) == {MARKER: "marker\n", "index.html": "<p>new</p>"}
    assert siblings(live) == []


def test_a_folder_the_command_did_not_write_is_refused_before_anything_is_written(tmp_path):
    live = tmp_path / "notes"
    live.mkdir()
    (live / "mine.txt").write_text("an analyst's file", encoding="utf-8")
    with pytest.raises(atomic.ForeignFolderError), atomic.swapped_folder(live, MARKER):
        pytest.fail("the block must not run")
    assert contents(live) == {"mine.txt": "an analyst's file"}
    assert siblings(live) == []


def not_a_warehouse(tmp_path: Path) -> Path:
    """A file where the warehouse should be that DuckDB cannot open (e.g. a truncated copy)."""
    database = tmp_path / "warehouse.duckdb"
    database.write_bytes(b"this is not a duckdb file" * 100)
    return database


def test_dashboards_that_fail_leave_the_previous_site(tmp_path):
    site = tmp_path / "site"
    files = previous_output(site, SITE)
    exit_code, output = invoke("dashboards", "--database", str(not_a_warehouse(tmp_path)), "--out", str(site))
    assert exit_code == 1
    assert "dashboards failed: " in output and f"{site.resolve()} was left as it was" in output
    assert contents(site) == files
    assert siblings(site) == []


def test_validate_that_fails_leaves_the_previous_data_docs(tmp_path):
    docs = tmp_path / "data_docs"
    files = previous_output(docs, DATA_DOCS)
    exit_code, output = invoke("validate", "--database", str(not_a_warehouse(tmp_path)), "--out", str(docs))
    assert exit_code == 1
    assert "validate failed: " in output and f"{docs.resolve()} was left as it was" in output
    assert contents(docs) == files
    assert siblings(docs) == []


def test_dashboards_of_a_built_warehouse_replace_the_previous_site(warehouse_path, tmp_path):
    site = tmp_path / "site"
    previous_output(site, SITE)
    exit_code, output = invoke("dashboards", "--database", str(warehouse_path), "--out", str(site))
    assert exit_code == 0, output
    written = contents(site)
    assert "sub/page.html" not in written
    assert "一老一小" in written["index.html"]
    # Pages link relatively: nothing points into the scratch folder the site was written in.
    assert not [name for name, text in written.items() if ".site.building-" in text]
    assert siblings(site) == []


def test_validate_of_a_built_warehouse_replaces_the_previous_data_docs(warehouse_path, tmp_path):
    docs = tmp_path / "data_docs"
    previous_output(docs, DATA_DOCS)
    exit_code, output = invoke("validate", "--database", str(warehouse_path), "--out", str(docs))
    assert exit_code == 0, output
    assert f"Data Docs: {docs.resolve() / 'index.html'}" in output
    written = contents(docs)
    assert "sub/page.html" not in written and DATA_DOCS in written
    assert any(name.startswith("validations/") for name in written)
    assert not [name for name, text in written.items() if ".data_docs.building-" in text]
    assert siblings(docs) == []
