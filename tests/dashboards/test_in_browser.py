"""Every page in real headless Chromium from file://: no console error, no network request, every mart row
plotted, a hover that quotes the source, a working language toggle, Chinese rendered, screenshots saved."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.dashboards.conftest import open_page, switch_language
from yilao_yixiao.dashboards import SiteResult, data

PAGES = ("index", "overview", "explore", "comparison", "gaps", "annexes", "audit", "downloads")
# Which mart holds the row behind a hovered point, and its quote column, per page.
QUOTE_SOURCES = {
    "overview": None,  # the binding/expected bars count figures of a document; their hover names it
    "comparison": ("select source_quote from marts.fct_indicator_values where value_id = ?",),
    "gaps": (
        "select target_source_quote from marts.fct_indicator_gaps where gap_id = ?",
        "select baseline_source_quote from marts.fct_indicator_gaps where gap_id = ?",
    ),
    "annexes": ("select source_quote from marts.fct_county_allocations where allocation_id = ?",),
    "audit": ("select source_quotes from marts.fct_consistency_checks where check_id = ?",),
}
# Markers and bars drawn inside `selector` (connector lines and text labels are not points).
POINTS_JS = """selector => document.querySelectorAll(
    selector + ' .scatterlayer .point, ' + selector + ' .barlayer .point').length"""


def count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return con.sql(sql).fetchall()[0][0]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_without_errors_and_is_screenshotted(
    name: str, site: SiteResult, browser, screenshot_dirs: tuple[Path, Path]
) -> None:
    opened = open_page(browser, site.out / f"{name}.html")
    try:
        assert opened.console_errors == []
        assert opened.requests, "the browser reported no request at all, so the check below would prove nothing"
        assert [url for url in opened.requests if not url.startswith("file:")] == []
        assert opened.dialogs == []
        # Chinese glyphs come from an installed CJK font, not the empty boxes of a missing one.
        assert opened.page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"', '长治市四平市')")
        heading = opened.page.inner_text("h1")
        assert re.search(r"[\u4e00-\u9fff]", heading), heading
        for folder in screenshot_dirs:
            opened.page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        assert (screenshot_dirs[0] / f"{name}.png").stat().st_size > 10_000
    finally:
        opened.close()


def test_every_figure_plots_one_point_per_mart_row(site: SiteResult, browser, con, warehouse_path: Path) -> None:
    expected = {
        "overview": 3 * count(con, "select count(*) from marts.dim_documents"),
        "comparison": count(
            con,
            """select count(*) from marts.fct_indicator_values as v
               inner join marts.dim_indicators as i on v.indicator_code = i.indicator_code
               where i.n_jurisdictions >= 2 and v.value is not null and not coalesce(v.is_breakdown_part, false)""",
        ),
        "gaps": count(con, "select count(*) from marts.fct_indicator_gaps")
        + count(con, "select count(*) from marts.fct_indicator_gaps where has_baseline"),
        "annexes": count(con, "select count(*) from marts.fct_county_allocations"),
    }
    if data.mart_exists(warehouse_path, data.AUDIT_MART):
        expected["audit"] = 2 * count(
            con,
            "select count(*) from marts.fct_consistency_checks"
            " where stated_value <> 0 and check_kind <> 'plausibility'",
        )
    for name, points in expected.items():
        opened = open_page(browser, site.out / f"{name}.html")
        try:
            assert opened.page.evaluate(POINTS_JS, "body") == points, name
        finally:
            opened.close()
    # Each comparison chart holds exactly its indicator's rows.
    opened = open_page(browser, site.out / "comparison.html")
    try:
        for section in opened.page.query_selector_all("section.indicator"):
            indicator = section.get_attribute("id")
            rows = count(
                con,
                f"""select count(*) from marts.fct_indicator_values where indicator_code = '{indicator}'
                    and value is not null and not coalesce(is_breakdown_part, false)""",
            )
            assert opened.page.evaluate(POINTS_JS, f"section[id='{indicator}']") == rows, indicator
    finally:
        opened.close()


@pytest.mark.parametrize("name", ["comparison", "gaps", "annexes", "audit"])
def test_hover_shows_the_source_quote(name: str, site: SiteResult, browser, con, warehouse_path: Path) -> None:
    if name == "audit" and not data.mart_exists(warehouse_path, data.AUDIT_MART):
        pytest.skip("the warehouse has no fct_consistency_checks yet (audit not built)")
    opened = open_page(browser, site.out / f"{name}.html")
    page = opened.page
    try:
        # Plotly reports which point it hovers; the test looks that point's quote up in the mart.
        page.evaluate(
            """() => document.querySelectorAll('[data-figure]').forEach(chart =>
                   chart.on('plotly_hover', event => { window.lastHover = event.points[0].customdata; }))"""
        )
        point = page.locator(".scatterlayer .point, .barlayer .point").first
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
        hovered_id = page.evaluate("window.lastHover")
        hover_text = page.text_content(".hoverlayer .hovertext")  # SVG text: no innerText
        quotes = [con.sql(sql, params=[hovered_id]).fetchall()[0][0] for sql in QUOTE_SOURCES[name]]
        assert any(quote and squeeze(quote.split(" ‖ ")[0]) in squeeze(hover_text) for quote in quotes), (
            hovered_id,
            hover_text,
        )
        # …and the document it comes from.
        titles = [title for (title,) in con.sql("select title_zh from marts.dim_documents").fetchall()]
        assert any(squeeze(title) in squeeze(hover_text) for title in titles), hover_text
    finally:
        opened.close()


def test_language_toggle_switches_text_and_charts(site: SiteResult, browser, con) -> None:
    opened = open_page(browser, site.out / "comparison.html")
    page = opened.page
    try:
        assert page.get_attribute("html", "data-lang") == "zh"
        assert page.inner_text("h1") == "地区比较"
        first_chart = "section.indicator .figure"
        zh_ticks = page.evaluate(f"document.querySelector('{first_chart}').layout.yaxis.ticktext")

        switch_language(page, "en")
        assert page.get_attribute("html", "data-lang") == "en"
        assert page.inner_text("h1") == "City comparison"
        en_ticks = page.evaluate(f"document.querySelector('{first_chart}').layout.yaxis.ticktext")
        names = dict(
            con.sql("select jurisdiction_name_zh, jurisdiction_name_en from marts.dim_jurisdictions").fetchall()
        )
        assert zh_ticks and all(tick in names for tick in zh_ticks)
        assert en_ticks == [names[tick] for tick in zh_ticks]
        drawn = page.text_content(f"{first_chart} .yaxislayer-above")
        assert all(name in drawn for name in en_ticks)
        page.screenshot(path=str(site.out.parent / "comparison-en.png"))

        # The choice carries over to the next page of the same browser.
        page.click("nav a[href='gaps.html']")
        page.wait_for_selector("body[data-charts-lang='en'][data-charts-ready='true']")
        assert page.inner_text("h1") == "Gaps"
        switch_language(page, "zh")
        assert page.inner_text("h1") == "基线与目标差距"
        assert opened.console_errors == []
        assert [url for url in opened.requests if not url.startswith("file:")] == []
    finally:
        opened.close()


def test_site_still_works_when_copied_elsewhere(site: SiteResult, browser, tmp_path: Path) -> None:
    """A colleague receives the folder: it opens from wherever it lands, with nothing outside it."""
    copy = shutil.copytree(site.out, tmp_path / "received")
    opened = open_page(browser, copy / "annexes.html")
    try:
        assert opened.console_errors == []
        assert all(url.startswith(copy.as_uri()) for url in opened.requests), opened.requests
        assert opened.page.evaluate(POINTS_JS, "body") == 60  # Zhoukou's annex: 12 units × 5 measures
    finally:
        opened.close()
