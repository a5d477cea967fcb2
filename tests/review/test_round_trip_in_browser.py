"""The onboarding round trip in Debian Chromium: add-document, review page from file://, decisions, download,
accept, build — the accepted figures reach the marts, the rejected one does not."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from tests.conftest import CHROMIUM_ARGS  # noqa: F401  (the `browser` fixture launches with these)
from tests.review.conftest import CITY_CODE, DOCUMENT_ID, Onboarding, proposals, write_csv
from tests.seed_edits import set_cell
from yilao_yixiao import warehouse
from yilao_yixiao.cli import app


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def open_review(browser, page_path: Path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(lambda url: not url.startswith(("file:", "blob:")), lambda route: route.abort())
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-review-ready='true']")
    return context, page, requests, errors


def test_onboard_a_plan_through_the_review_page(onboarding: Onboarding, browser, tmp_path: Path):
    seeds = str(onboarding.seeds)
    run(
        "add-document",
        str(onboarding.plan),
        "--jurisdiction-code",
        CITY_CODE,
        "--document-id",
        DOCUMENT_ID,
        "--seeds",
        seeds,
    )
    # What the text does not state, the reviewer fills in.
    set_cell(
        onboarding.seeds / "documents.csv",
        DOCUMENT_ID,
        "title_en",
        "Qingchuan action plan for elderly care and childcare",
    )

    proposed = write_csv(tmp_path / "proposed.csv", proposals(onboarding.seeds))
    review_page = tmp_path / "review.html"
    run("review", str(proposed), "--source", str(onboarding.plan), "--out", str(review_page), "--seeds", seeds)

    context, page, requests, errors = open_review(browser, review_page)
    try:
        page.focus("mark#p1")
        popover = page.evaluate("getComputedStyle(document.getElementById('p1'), '::after').content")
        assert "value: 6200" in popover and "year: 2027" in popover
        page.click("mark#p3")
        assert page.get_attribute("#row-p3", "class") == "rv-current"
        page.click("#row-p1 button[data-action='accept']")
        page.click("#row-p2 button[data-action='edit']")
        page.select_option("#row-p2 select[name='comparator']", "gt")
        page.click("#row-p2 button[data-action='accept']")
        page.click("#row-p3 button[data-action='reject']")
        page.click("#row-p4 button[data-action='accept']")
        assert page.text_content("#review-counts") == "2 accepted, 1 edited, 1 rejected, 0 to review"
        assert page.get_attribute("mark#p3", "data-review-status") == "rejected"
        with page.expect_download() as download:
            page.click("#download-reviewed")
        reviewed = tmp_path / download.value.suggested_filename
        download.value.save_as(reviewed)
        page.screenshot(path=str(tmp_path / "review.png"))
    finally:
        context.close()
    assert errors == []
    assert all(url.startswith(("file:", "blob:")) for url in requests), requests
    assert reviewed.name == "proposed.reviewed.csv"

    output = run("accept", str(reviewed), "--seeds", seeds, "--sources", str(onboarding.sources))
    assert "Accepted 3 rows" in output

    database = warehouse.build(onboarding.project, tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "select value, comparator, period_year from marts.fct_indicator_values"
            " where document_id = ? order by value",
            [DOCUMENT_ID],
        ).fetchall()
    assert rows == [(4.5, "eq", 2027), (60.0, "gt", 2027), (6200.0, "ge", 2027)]
