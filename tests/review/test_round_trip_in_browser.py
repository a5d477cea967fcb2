"""The onboarding round trip in Debian Chromium: add-document, extract, review page from file://, decisions,
download, accept, build — the accepted figures reach the marts, the rejected one does not."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from tests.review.conftest import CITY_CODE, DOCUMENT_ID, Onboarding, proposals, write_csv
from tests.seed_edits import set_cell
from yilao_yixiao import warehouse
from yilao_yixiao.cli import app
from yilao_yixiao.review import tables


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


def add_the_plan(onboarding: Onboarding) -> str:
    """Register the invented city's plan with `yyx add-document`; return the seeds folder as an argument."""
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
    return seeds


def test_onboard_a_plan_through_the_review_page(onboarding: Onboarding, browser, tmp_path: Path):
    seeds = add_the_plan(onboarding)
    # What the text does not state, the reviewer fills in.
    set_cell(
        onboarding.seeds / "documents.csv",
        DOCUMENT_ID,
        "title_en",
        "Qingchuan action plan for elderly care and childcare",
    )

    proposed = tmp_path / "proposed.csv"
    run(
        "extract",
        str(onboarding.plan),
        "--out",
        str(proposed),
        "--document-id",
        DOCUMENT_ID,
        "--project-dir",
        str(onboarding.project),
    )
    # The reviewer's decisions, by the printed figure: the page's rows are keyed by the proposals' value_ids.
    rows = tables.read_table(proposed).records
    key = {row["raw_text"]: row["value_id"] for row in rows}
    proposed_comparator = {row["raw_text"]: row["comparator"] for row in rows}
    beds, share, institutions = key["6200张"], key["60%"], key["58所"]
    review_page = tmp_path / "review.html"
    run("review", str(proposed), "--source", str(onboarding.plan), "--out", str(review_page), "--seeds", seeds)

    context, page, requests, errors = open_review(browser, review_page)
    try:
        page.focus(f"mark#{beds}")
        popover = page.evaluate(f"getComputedStyle(document.getElementById('{beds}'), '::after').content")
        assert "value: 6200" in popover and "year: 2027" in popover
        page.click(f"mark#{institutions}")
        assert page.get_attribute(f"#row-{institutions}", "class") == "rv-current"
        page.click(f"#row-{beds} button[data-action='accept']")
        page.click(f"#row-{share} button[data-action='edit']")
        page.select_option(f"#row-{share} select[name='comparator']", "gt")
        page.click(f"#row-{share} button[data-action='accept']")
        page.click(f"#row-{institutions} button[data-action='reject']")
        # The extractor leaves period_basis to the reviewer (standards come prefilled as standing): the page will
        # not accept a row without one, and "accept all" leaves such rows undecided.
        page.click("#accept-remaining")
        undecided = [row for row in rows if page.get_attribute(f"#row-{row['value_id']}", "data-review-status") == ""]
        assert all(page.input_value(f"#row-{row['value_id']} [name='period_basis']") == "" for row in undecided)
        for row in undecided:
            page.click(f"#row-{row['value_id']} button[data-action='accept']")
            assert page.get_attribute(f"#row-{row['value_id']} [name='period_basis']", "class") == "rv-missing"
            page.select_option(f"#row-{row['value_id']} [name='period_basis']", "point_in_time")
            page.click(f"#row-{row['value_id']} button[data-action='accept']")
        edited = len({share, *(row["value_id"] for row in undecided)})
        counts = f"{len(rows) - 1 - edited} accepted, {edited} edited, 1 rejected, 0 to review"
        assert page.text_content("#review-counts") == counts
        assert page.get_attribute(f"mark#{institutions}", "data-review-status") == "rejected"
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
    assert f"Accepted {len(rows) - 1} rows" in output

    database = warehouse.build(onboarding.project, tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(database), read_only=True) as con:
        in_marts = con.execute(
            "select raw_text, value, comparator, period_year from marts.fct_indicator_values where document_id = ?",
            [DOCUMENT_ID],
        ).fetchall()
    by_printed = {raw_text: (value, comparator, year) for raw_text, value, comparator, year in in_marts}
    assert len(in_marts) == len(rows) - 1
    assert by_printed["6200张"] == (6200.0, proposed_comparator["6200张"], 2027)
    assert by_printed["60%"] == (60.0, "gt", 2027)
    assert "58所" not in by_printed


def test_an_edited_value_needs_a_note_to_be_accepted(onboarding: Onboarding, browser, tmp_path: Path):
    seeds = add_the_plan(onboarding)
    proposed = write_csv(tmp_path / "proposed.csv", proposals(onboarding.seeds)[:1])
    review_page = tmp_path / "review.html"
    run("review", str(proposed), "--source", str(onboarding.plan), "--out", str(review_page), "--seeds", seeds)

    def review_and_accept(note: str):
        context, page, _, errors = open_review(browser, review_page)
        try:
            page.click("#row-p1 button[data-action='edit']")
            assert page.text_content("#row-p1 .rv-status") == "editing: press Accept"
            page.fill("#row-p1 [name='value']", "6300")
            page.fill("#row-p1 [name='cleaning_note']", note)
            page.click("#row-p1 button[data-action='accept']")
            assert page.get_attribute("#row-p1", "data-review-status") == "edited"
            with page.expect_download() as download:
                page.click("#download-reviewed")
            reviewed = tmp_path / f"reviewed-{len(note)}.csv"
            download.value.save_as(reviewed)
        finally:
            context.close()
        assert errors == []
        args = ["accept", str(reviewed), "--seeds", seeds, "--sources", str(onboarding.sources)]
        return CliRunner().invoke(app, args)

    refused = review_and_accept("")
    assert refused.exit_code == 1 and "column 'value' (p1)" in refused.output and "cleaning_note" in refused.output
    accepted = review_and_accept("the annex corrects 6200 to 6300")
    assert accepted.exit_code == 0, accepted.output
    row = tables.read_table(onboarding.seeds / "indicator_values.csv").records[-1]
    assert (row["value"], row["cleaning_note"]) == ("6300", "the annex corrects 6200 to 6300")
