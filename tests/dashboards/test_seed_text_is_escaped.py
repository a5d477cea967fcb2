"""A `<script>` in a seed name is shown as text on every page, in HTML and in the charts, and never runs."""

from __future__ import annotations

import pytest

from tests.dashboards.conftest import INJECTED_NAME, open_page, switch_language
from yilao_yixiao.dashboards import SiteResult

PAGES = (
    "index",
    "overview",
    "explore",
    "comparison",
    "gaps",
    "annexes",
    "audit",
    "downloads",
    "jurisdictions/changzhi",
)
# Pages that print jurisdiction names (the annexes page names units; the downloads page cites documents).
PAGES_NAMING_JURISDICTIONS = {"index", "overview", "explore", "comparison", "gaps", "jurisdictions/changzhi"}
OWN_SCRIPTS = ("site.js", "plotly-basic.min.js", "search-index.js", "explore-data.js")


def test_html_source_never_contains_the_raw_tag(injected_site: SiteResult) -> None:
    for page in injected_site.pages:
        assert INJECTED_NAME not in page.read_text(encoding="utf-8"), page.name
    # The name did reach the site (escaped), so the test above is not vacuous.
    overview = (injected_site.out / "overview.html").read_text(encoding="utf-8")
    assert "Changzhi&lt;script&gt;alert(1)&lt;/script&gt;" in overview


@pytest.mark.parametrize("name", PAGES)
def test_injected_name_shows_as_text_and_no_script_runs(name: str, injected_site: SiteResult, browser) -> None:
    opened = open_page(browser, injected_site.out / f"{name}.html")
    page = opened.page
    try:
        switch_language(page, "en")
        assert opened.dialogs == [], "alert() ran: seed text was injected as markup"
        assert opened.console_errors == []
        # No element was created from the seed text: every script of the page is the site's own.
        own_scripts = page.evaluate(
            """own => Array.from(document.scripts).every(s =>
                   own.some(name => s.src.endsWith('/' + name)) || s.type === 'application/json'
                   || s.textContent.includes('PlotlyConfig'))""",
            list(OWN_SCRIPTS),
        )
        assert own_scripts
        shown = page.inner_text("body") + page.evaluate(
            "() => Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join(' ')"
        )
        if name in PAGES_NAMING_JURISDICTIONS:
            assert f"Changzhi{INJECTED_NAME}" in shown
    finally:
        opened.close()


def test_injected_name_is_text_in_chart_labels(injected_site: SiteResult, browser) -> None:
    opened = open_page(browser, injected_site.out / "overview.html", lang="en")
    try:
        ticks = opened.page.text_content("#figure-obligations .yaxislayer-above")
        assert f"Changzhi{INJECTED_NAME}" in ticks
        assert opened.dialogs == []
    finally:
        opened.close()


def test_injected_name_is_text_in_site_search_results(injected_site: SiteResult, browser) -> None:
    opened = open_page(browser, injected_site.out / "index.html", lang="en")
    page = opened.page
    try:
        page.fill("#site-search", "changzhi<script")
        page.wait_for_selector("#site-search-results[data-results]:not([hidden])")  # the index loads on demand
        results = page.locator("#site-search-results a")
        assert results.count() >= 1
        assert f"Changzhi{INJECTED_NAME}" in results.first.inner_text()
        assert page.locator("#site-search-results script").count() == 0
        assert opened.dialogs == []
    finally:
        opened.close()
