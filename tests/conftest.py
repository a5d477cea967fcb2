"""Shared fixtures: the project built once per session into a temporary DuckDB file, and a real Chromium.

Chromium is Debian's package, driven by Playwright through `executable_path`; no browser is downloaded. The
fixture installs it (with the CJK fonts, without which Chinese renders as empty boxes) when it is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

from tools.engines import EngineUnavailable, apt_install
from yilao_yixiao import warehouse

# Property tests draw the same examples on every run, so CI cannot fail on a rare draw nobody can reproduce.
settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.load_profile("deterministic")

PROJECT_DIR = Path(__file__).resolve().parents[1]
# dbt_project.yml enables the unit tests (`unit_tests:`) only when this is set.
UNIT_TESTS_ENV = "YYX_UNIT_TESTS"
PROJECT_FILES = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests")

CHROMIUM = Path("/usr/bin/chromium")
# Chromium as root needs --no-sandbox; the rest keep it from calling home on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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
    """The real project built by `yyx build`'s code path into a temporary database, with dbt's unit tests: an
    analyst's build skips them (dbt_project.yml), the test suite runs them here, once."""
    database = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(UNIT_TESTS_ENV, "1")
        return warehouse.build(PROJECT_DIR, database)


@pytest.fixture
def con(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the built warehouse."""
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        yield connection
    finally:
        connection.close()


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(listed.stdout.strip())


def _apt_install(packages: tuple[str, ...]) -> None:
    try:
        apt_install(*packages, with_recommends=True)
    except (EngineUnavailable, subprocess.CalledProcessError) as err:
        stderr = getattr(err, "stderr", b"") or b""
        pytest.fail(
            f"could not install {' '.join(packages)} for the browser tests ({err}; the tests run as root on CI). "
            f"Install them by hand:\n  apt-get update && apt-get install -y {' '.join(packages)}\n"
            f"{stderr.decode(errors='replace')[-2000:]}"
        )


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium with Noto CJK fonts, installed by apt when missing."""
    missing = tuple(
        package
        for package, present in (("chromium", CHROMIUM.exists()), ("fonts-noto-cjk", _has_cjk_font()))
        if not present
    )
    if missing:
        _apt_install(missing)
    if not CHROMIUM.exists():
        pytest.fail(f"apt-get reported success but {CHROMIUM} does not exist")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[object]:
    """One headless Chromium per test module. Not per session: Playwright's sync API runs an event loop while
    it is open, and another module's own sync_playwright() cannot start beside it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
