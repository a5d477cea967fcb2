"""Fixtures of the dashboard tests: one site per session, opened in the shared headless Chromium
(`browser`, tests/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR, copy_project
from tests.seed_edits import set_cell
from yilao_yixiao import warehouse
from yilao_yixiao.dashboards import SiteResult, build_site

SCREENSHOTS_FOR_README = PROJECT_DIR / "target" / "screenshots"
INJECTED_NAME = "<script>alert(1)</script>"
CHANGZHI_CODE = "140400"
VIEWPORT = {"width": 1400, "height": 900}


@pytest.fixture(scope="session")
def site(warehouse_path: Path, sources: Path, tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The dashboards of the real warehouse with the plans' texts, written once per session."""
    return build_site(warehouse_path, tmp_path_factory.mktemp("site") / "site", sources=sources)


@pytest.fixture(scope="session")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """Dashboards of a project copy whose seed gives Changzhi the English name 'Changzhi<script>…'."""
    project = copy_project(tmp_path_factory.mktemp("injected_project"))
    seed = project / "seeds" / "jurisdictions.csv"
    set_cell(seed, CHANGZHI_CODE, "name_en", "Changzhi" + INJECTED_NAME)
    database = warehouse.build(project, tmp_path_factory.mktemp("injected_warehouse") / "warehouse.duckdb")
    return build_site(database, tmp_path_factory.mktemp("injected_site") / "site")


@dataclass
class OpenedPage:
    """A page loaded from file:// with everything it requested, logged or opened as a dialog."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.page.context.close()


def open_page(browser, path: Path | str, lang: str | None = None) -> OpenedPage:
    """Open a site page (a path, or a file:// URI with a query or fragment) in a fresh context and wait until
    site.js has drawn every chart."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    opened = OpenedPage(page=None)
    context.on("request", lambda request: opened.requests.append(request.url))
    # Anything but a local file is refused, so a regression can never reach a network; it is still recorded.
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    opened.page = page
    page.on("console", lambda message: opened.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: opened.console_errors.append(str(error)))

    def on_dialog(dialog) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path if isinstance(path, str) else path.as_uri())
    page.wait_for_selector("body[data-charts-ready='true']", timeout=30_000)
    # Charts off screen are drawn when scrolled to; the tests count and hover every one, so draw them all.
    page.evaluate("() => window.yyxDrawAllCharts()")
    if lang is not None:
        switch_language(page, lang)
    return opened


def switch_language(page, lang: str) -> None:
    page.click(f"button[data-set-lang='{lang}']")
    page.wait_for_selector(f"body[data-charts-lang='{lang}'][data-charts-ready='true']", timeout=30_000)
    page.evaluate("() => window.yyxDrawAllCharts()")


@pytest.fixture(scope="session")
def screenshot_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Screenshots go to the test run's tmp folder and to target/screenshots for the README."""
    SCREENSHOTS_FOR_README.mkdir(parents=True, exist_ok=True)
    return tmp_path_factory.mktemp("screenshots"), SCREENSHOTS_FOR_README
