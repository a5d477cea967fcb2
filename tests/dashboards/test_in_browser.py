"""Every page in real headless Chromium from file://: no console error, no network request, every mart row
plotted, a hover that quotes the source, a working language toggle, Chinese rendered, screenshots saved."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlencode

import duckdb
import polars as pl
import pytest

from tests.dashboards.conftest import VIEWPORT, open_page, switch_language
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
    # Each comparison chart holds exactly its indicator's rows of one period basis (like with like).
    opened = open_page(browser, site.out / "comparison.html")
    try:
        sections = opened.page.query_selector_all("section.indicator")
        assert sections
        for section in sections:
            indicator = section.get_attribute("data-indicator")
            basis = section.get_attribute("data-period-basis")
            rows = con.execute(
                """select count(*) from marts.fct_indicator_values where indicator_code = ? and period_basis = ?
                    and value is not null and not coalesce(is_breakdown_part, false)""",
                [indicator, basis],
            ).fetchall()[0][0]
            section_id = section.get_attribute("id")
            assert opened.page.evaluate(POINTS_JS, f"section[id='{section_id}']") == rows, section_id
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


@pytest.mark.real_plans
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


# ---- the reader's pages: entity and document pages, explorer, search, print, phone ----

EXPLORER_COLUMNS = {
    "jurisdiction": "jurisdiction_slug",
    "document": "document_id",
    "domain": "domain",
    "indicator": "indicator_code",
    "kind": "value_kind",
    "year": "period_year",
    "obligation": "obligation",
}
# The explorer's search box matches these columns (both languages' names, the quote, the printed figure).
SEARCHED = (
    "jurisdiction_name_zh",
    "jurisdiction_name_en",
    "indicator_name_zh",
    "indicator_name_en",
    "source_quote",
    "raw_text",
    "value_id",
)
VISIBLE_ROWS_JS = """() => Array.from(document.querySelectorAll('#explore-table tbody tr'))
    .filter(row => !row.hidden).map(row => row.getAttribute('data-value-id'))"""


def open_url(browser, path: Path, query: str = "", fragment: str = "") -> object:
    """open_page for a URL with a query string or fragment (Path.as_uri() would escape them)."""
    uri = path.as_uri() + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")
    return open_page(browser, uri)


def matching_rows(con: duckdb.DuckDBPyConnection, params: dict[str, str]) -> set[str]:
    """The value_ids of fct_indicator_values the explorer should show for these URL parameters."""
    where, values = ["true"], []
    for name, wanted in params.items():
        if name == "q":
            haystack = (
                "lower(concat_ws(' ', " + ", ".join(f"coalesce(cast({c} as varchar), '')" for c in SEARCHED) + "))"
            )
            for word in wanted.lower().split():
                where.append(f"contains({haystack}, ?)")
                values.append(word)
        elif wanted == "not_stated":
            where.append(f"{EXPLORER_COLUMNS[name]} is null")
        else:
            where.append(f"cast({EXPLORER_COLUMNS[name]} as varchar) = ?")
            values.append(wanted)
    sql = "select value_id from marts.fct_indicator_values where " + " and ".join(where)
    return {value_id for (value_id,) in con.sql(sql, params=values).fetchall()}


def test_every_entity_and_document_page_loads_offline_and_its_links_resolve(site: SiteResult, browser) -> None:
    subpages = [page for page in site.pages if page.parent != site.out]
    assert len(subpages) > 10
    anchors_of: dict[Path, set[str]] = {}
    for path in subpages:
        opened = open_page(browser, path)
        try:
            assert opened.console_errors == [], path.name
            assert [url for url in opened.requests if not url.startswith("file:")] == [], path.name
            hrefs = opened.page.evaluate("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
        finally:
            opened.close()
        for href in hrefs:
            assert href.startswith("file://"), f"{path.name} links {href}"
            target, _, fragment = href.split("?")[0].partition("#")
            target_path = Path(unquote(target.removeprefix("file://")))
            assert target_path.exists(), f"{path.name} links a missing {href}"
            if fragment:
                if target_path not in anchors_of:
                    anchors_of[target_path] = set(
                        re.findall(r'\sid="([^"]+)"', target_path.read_text(encoding="utf-8"))
                    )
                assert unquote(fragment) in anchors_of[target_path], f"{path.name} links a missing anchor {href}"


@pytest.mark.real_plans
def test_document_page_opens_at_the_figure_and_shows_its_row(site: SiteResult, browser, con, screenshot_dirs) -> None:
    value_id, document_id, value = con.sql(
        """select value_id, document_id, value from marts.fct_indicator_values
           where jurisdiction_slug = 'ganzi' and indicator_code = 'childcare_slots' and value_kind = 'target'
           order by value_id limit 1"""
    ).fetchall()[0]
    page_path = site.out / "documents" / f"{document_id}.html"
    opened = open_url(browser, page_path, fragment=value_id)
    page = opened.page
    try:
        assert page.evaluate("() => document.querySelector(':target').tagName") == "MARK"
        # One element per figure of the document carries its id.
        value_ids = [
            v
            for (v,) in con.sql(
                "select value_id from marts.fct_indicator_values where document_id = ?", params=[document_id]
            ).fetchall()
        ]
        counts = page.evaluate("ids => ids.map(id => document.querySelectorAll(`[id='${id}']`).length)", value_ids)
        assert counts == [1] * len(value_ids)
        mark = page.locator(f"mark[id='{value_id}']")
        mark.focus()
        tip = page.evaluate("id => getComputedStyle(document.getElementById(id), '::after').content", value_id)
        assert f"{value:,.0f}" in tip and "2025" in tip
        for folder in screenshot_dirs:
            page.screenshot(path=str(folder / "document-ganzi.png"))
    finally:
        opened.close()


@pytest.mark.real_plans
@pytest.mark.parametrize(
    "params",
    [
        {"jurisdiction": "ganzi", "kind": "target", "q": "托位"},
        {"domain": "childcare", "year": "2025"},
        {"obligation": "binding", "q": "elderly care"},
        {"year": "not_stated", "kind": "baseline"},
    ],
    ids=["ganzi-targets-托位", "childcare-2025", "binding-english-words", "baselines-without-year"],
)
def test_explorer_opened_with_url_parameters_shows_exactly_the_matching_mart_rows(
    params: dict[str, str], site: SiteResult, browser, con
) -> None:
    expected = matching_rows(con, params)
    assert expected, "a view with no row would prove nothing"
    opened = open_url(browser, site.out / "explore.html", query=urlencode(params))
    page = opened.page
    try:
        page.wait_for_selector("body[data-explorer-ready='true']")
        assert set(page.evaluate(VISIBLE_ROWS_JS)) == expected
        assert page.inner_text("#explore-count") == str(len(expected))
        # "Download this view": the mart's own columns of exactly these rows.
        csv = pl.read_csv(io.StringIO(page.evaluate("() => window.yyxExplorerCsv()")), infer_schema=False)
        assert csv.columns == con.sql("select * from marts.fct_indicator_values limit 0").columns
        assert set(csv["value_id"]) == expected
        mart_values = dict(
            con.sql(
                "select value_id, raw_text from marts.fct_indicator_values where value_id in ?", params=[list(expected)]
            ).fetchall()
        )
        assert dict(zip(csv["value_id"], csv["raw_text"], strict=True)) == mart_values
        assert opened.console_errors == []
    finally:
        opened.close()


def test_explorer_keeps_the_view_in_the_url_and_sorts(site: SiteResult, browser, screenshot_dirs) -> None:
    opened = open_page(browser, site.out / "explore.html")
    page = opened.page
    try:
        page.select_option("select[data-filter='kind']", "target")
        page.fill("#explore-q", "床位")
        assert "kind=target" in page.evaluate("location.search")
        assert "q=%E5%BA%8A%E4%BD%8D" in page.evaluate("location.search")
        page.click("button[data-sort='5']")  # value, ascending
        values = page.evaluate(
            """() => Array.from(document.querySelectorAll('#explore-table tbody tr:not([hidden]) td:nth-child(6)'))
                .map(td => td.getAttribute('data-sort-value')).filter(v => v !== '').map(Number)"""
        )
        assert len(values) > 3 and values == sorted(values)
        page.click("button[data-sort='5']")  # descending
        assert page.get_attribute("th:has(button[data-sort='5'])", "aria-sort") == "descending"
        for folder in screenshot_dirs:
            page.screenshot(path=str(folder / "explore.png"))
    finally:
        opened.close()


@pytest.mark.real_plans
@pytest.mark.parametrize("words", ["甘孜 托位", "ganzi childcare slots"])
def test_site_search_finds_a_figure_by_a_chinese_and_an_english_word(
    words: str, site: SiteResult, browser, con
) -> None:
    value_id, document_id = con.sql(
        """select value_id, document_id from marts.fct_indicator_values
           where jurisdiction_slug = 'ganzi' and indicator_code = 'childcare_slots' and value = 3400
           order by value_id limit 1"""
    ).fetchall()[0]
    opened = open_page(browser, site.out / "jurisdictions" / "lincang.html")  # any page, here one level down
    page = opened.page
    try:
        assert page.evaluate("() => window.YYX_SEARCH_INDEX") is None  # loaded when the reader searches
        page.fill("#site-search", words)
        page.wait_for_selector("#site-search-results[data-results]:not([hidden])")
        link = page.locator(f"#site-search-results a[href$='documents/{document_id}.html#{value_id}']")
        assert link.count() == 1
        link.click()
        page.wait_for_url(f"**/documents/{document_id}.html#{value_id}")
        assert page.evaluate("() => document.querySelector(':target').getAttribute('data-value-id')") == value_id
    finally:
        opened.close()


def test_a_chart_point_opens_its_sentence(site: SiteResult, browser) -> None:
    opened = open_page(browser, site.out / "comparison.html")
    page = opened.page
    try:
        point = page.locator("section.indicator .scatterlayer .point").first
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url("**/documents/*.html#*")
        assert page.evaluate("() => document.querySelector(':target').tagName") == "MARK"
    finally:
        opened.close()


def test_every_chart_has_a_text_summary(site: SiteResult, browser) -> None:
    for name in ("overview", "comparison", "gaps", "annexes", "audit"):
        opened = open_page(browser, site.out / f"{name}.html")
        try:
            summaries = opened.page.evaluate(
                """() => Array.from(document.querySelectorAll('[data-figure]')).map(chart =>
                       document.getElementById(chart.getAttribute('aria-describedby')).innerText.trim())"""
            )
            assert summaries and all(summaries), name
        finally:
            opened.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_audit_table_is_readable_on_a_desktop_and_a_phone(
    width: int, site: SiteResult, browser, screenshot_dirs
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto((site.out / "audit.html").as_uri())
        page.wait_for_selector("body[data-charts-ready='true']", timeout=30_000)
        first_row = page.locator(".audit-table tbody tr").first
        description, jurisdiction = (first_row.locator("td").nth(i).bounding_box() for i in (0, 1))
        assert description["width"] >= 180
        # The jurisdiction's name stays on one line (the squeeze put one character per line).
        line_height = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.audit-table td')).lineHeight)"
        )
        assert jurisdiction["height"] < 2.5 * line_height + 20 or jurisdiction["width"] >= 90
        assert (
            page.evaluate("() => document.documentElement.scrollWidth") <= width + 1
        )  # the table scrolls, not the page
        for folder in screenshot_dirs:
            page.screenshot(path=str(folder / f"audit-{width}.png"))
    finally:
        context.close()


CHART_FIT_JS = """() => {
    const chart = document.querySelector('#figure-audit');
    const svg = chart.querySelector('.main-svg').getBoundingClientRect();
    const plot = chart.querySelector('.draglayer .nsewdrag').getBoundingClientRect();  // the plot area
    const boxes = selector => Array.from(chart.querySelectorAll(selector)).map(e => e.getBoundingClientRect())
        .filter(b => b.width > 0);
    const outside = b => b.left < svg.left - 1 || b.right > svg.right + 1;
    return {
        svg: [svg.left, svg.right], plotWidth: plot.width,
        labels: boxes('.textpoint text').length,
        labelsOutside: boxes('.textpoint text').filter(outside).length,
        points: boxes('.scatterlayer .point').length,
        pointsOutside: boxes('.scatterlayer .point').filter(outside).length,
        pageWidth: document.documentElement.scrollWidth,
    };
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_audit_chart_fits_a_phone_with_every_label_and_point_in_view(
    width: int, site: SiteResult, browser, warehouse_path: Path, screenshot_dirs
) -> None:
    if not data.mart_exists(warehouse_path, data.AUDIT_MART):
        pytest.skip("the warehouse has no fct_consistency_checks yet (audit not built)")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto((site.out / "audit.html").as_uri())
        page.wait_for_selector("body[data-charts-ready='true']", timeout=30_000)
        page.evaluate("() => window.yyxDrawAllCharts()")  # on a phone the chart may start below the first screen
        fit = page.evaluate(CHART_FIT_JS)
        n_plotted = int(page.get_attribute("[data-points]", "data-points"))
        assert fit["pageWidth"] <= width + 1, fit  # the chart does not widen the page
        assert 0 <= fit["svg"][0] and fit["svg"][1] <= width, fit
        # One label per check and two markers; none cut off at the chart's edge.
        assert fit["labels"] == n_plotted and fit["labelsOutside"] == 0, fit
        assert fit["points"] == 2 * n_plotted and fit["pointsOutside"] == 0, fit
        # The values keep most of the width (a column of long labels left the phone a sliver).
        assert fit["plotWidth"] >= 0.8 * (fit["svg"][1] - fit["svg"][0]), fit
        for folder in screenshot_dirs:
            page.locator("#figure-audit").screenshot(path=str(folder / f"audit-chart-{width}.png"))
    finally:
        context.close()


@pytest.mark.real_plans
def test_a_jurisdiction_page_prints_as_a_brief(site: SiteResult, browser, screenshot_dirs) -> None:
    opened = open_page(browser, site.out / "jurisdictions" / "ganzi.html")
    page = opened.page
    try:
        assert page.is_visible(".site-header")
        page.emulate_media(media="print")
        assert not page.is_visible(".site-header") and not page.is_visible("button.cite")
        assert page.is_visible("#figures table")
        for folder in screenshot_dirs:
            page.pdf(path=str(folder / "jurisdiction-ganzi.pdf"))
            page.emulate_media(media="screen")
            page.screenshot(path=str(folder / "jurisdiction-ganzi.png"))
            page.emulate_media(media="print")
    finally:
        opened.close()


def test_cite_copies_the_figures_one_line_citation(site: SiteResult, browser, con) -> None:
    value_id, quote, section = con.sql(
        "select value_id, source_quote, source_section from marts.fct_indicator_values order by value_id limit 1"
    ).fetchall()[0]
    context = browser.new_context(viewport=VIEWPORT)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    prompted: list[str] = []

    def on_dialog(dialog) -> None:  # the fallback where the clipboard is refused: a prompt holding the text
        prompted.append(dialog.default_value)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        page.goto((site.out / "explore.html").as_uri())
        page.wait_for_selector("body[data-explorer-ready='true']")
        button = page.locator(f"tr[data-value-id='{value_id}'] button.cite")
        citation = button.get_attribute("data-cite")
        assert quote in citation and section in citation and f"[{value_id}]" in citation
        assert page.inner_text("footer time") in citation  # the build it was read from
        button.click()
        if not prompted:
            page.wait_for_selector(f"tr[data-value-id='{value_id}'] button.cite[data-copied='true']", timeout=5_000)
        copied = prompted[0] if prompted else page.evaluate("() => navigator.clipboard.readText()")
        assert copied == citation
    finally:
        context.close()
