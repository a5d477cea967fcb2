"""Shared fixtures: the project built once per session into a temporary DuckDB file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

from yilao_yixiao import warehouse

# Property tests draw the same examples on every run, so CI cannot fail on a rare draw nobody can reproduce.
settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.load_profile("deterministic")

PROJECT_DIR = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests")


def sources_dir() -> Path:
    """The source documents: $YYX_SOURCES, else ../shared/sources beside the checkout (as on CI)."""
    return Path(os.environ.get("YYX_SOURCES", PROJECT_DIR.parent / "shared" / "sources")).resolve()


def copy_project(destination: Path) -> Path:
    """A copy of the dbt project that a test may corrupt without touching the checkout."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = PROJECT_DIR / name
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="session")
def sources() -> Path:
    path = sources_dir()
    if not path.is_dir():
        pytest.fail(f"source documents not found at {path}; set YYX_SOURCES or put shared/ beside the checkout")
    return path


@pytest.fixture(scope="session")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built by `yyx build`'s code path into a temporary database."""
    database = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    return warehouse.build(PROJECT_DIR, database)


@pytest.fixture
def con(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the built warehouse."""
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        yield connection
    finally:
        connection.close()
