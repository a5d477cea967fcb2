"""`yyx review` on the invented plan: marks linked to rows, escaped data, and the second reader."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from tests.review.conftest import CITY_CODE, DOCUMENT_ID, PLAN, Onboarding, proposal, proposals, write_csv
from tests.review.test_document_view import parsed
from yilao_yixiao.cli import app
from yilao_yixiao.review.accept import accept
from yilao_yixiao.review.documents import add_document
from yilao_yixiao.review.page import build_review_page
from yilao_yixiao.review.second_reader import compare


def test_second_reader_matches_value_year_and_kind_family():
    seeds = [
        {"value_id": "s1", "value": "6200", "period_year": "2027", "value_kind": "target"},
        {"value_id": "s2", "value": "58", "period_year": "2024", "value_kind": "baseline"},
        {"value_id": "s3", "value": "1", "period_year": "", "value_kind": "standard"},
        {"value_id": "s4", "value": "1", "period_year": "", "value_kind": "standard"},
    ]
    found = [
        {"value_id": "a", "value": "6200.0", "period_year": "2027", "value_kind": "standard"},  # same family
        {"value_id": "b", "value": "58", "period_year": "2024", "value_kind": "target"},  # other family
        {"value_id": "c", "value": "1", "period_year": "", "value_kind": "target"},
        {"value_id": "d", "value": "4.5", "period_year": "2027", "value_kind": "target"},
    ]
    comparison = compare(seeds, found)
    assert [(s["value_id"], p["value_id"]) for s, p in comparison.matched] == [("s1", "a"), ("s3", "c")]
    assert [s["value_id"] for s in comparison.missed] == ["s2", "s4"]
    assert [p["value_id"] for p in comparison.new] == ["b", "d"]


def test_every_proposal_is_marked_where_it_is_printed(onboarding: Onboarding):
    rows = proposals(onboarding.seeds)
    rows.append(proposal(value_id="p5", value="9", raw_text="9个", source_quote="全市建成9个中心"))
    path = write_csv(onboarding.project / "proposed.csv", rows)
    page = build_review_page(path, onboarding.plan, onboarding.seeds)
    spans = {p.key: p.span for p in page.proposals}
    assert PLAN[slice(*spans["p1"])] == "6200张"
    assert PLAN[slice(*spans["p3"])] == "58所"
    assert PLAN[slice(*spans["p4"])] == "4.5"
    assert spans["p5"] is None
    tags = parsed(page.html)
    mark_ids = {attrs["id"] for tag, attrs in tags.starts if tag == "mark" and "id" in attrs}
    assert mark_ids == {"p1", "p2", "p3", "p4"}
    row_ids = [attrs["id"] for tag, attrs in tags.starts if tag == "tr" and "data-key" in attrs]
    assert row_ids == ["row-p1", "row-p2", "row-p3", "row-p4", "row-p5"]
    links = {attrs["href"] for tag, attrs in tags.starts if tag == "a" and "rv-goto" in (attrs.get("class") or "")}
    assert links == {"#p1", "#p2", "#p3", "#p4"}
    assert page.comparison is None  # the plan is not in the seeds yet
    assert "<script src" not in page.html and "<link" not in page.html and "http" not in page.html.lower()


def test_the_embedded_data_cannot_end_its_script(onboarding: Onboarding):
    rows = proposals(onboarding.seeds)
    rows[0]["cleaning_note"] = "</script><script>alert(1)</script>"
    path = write_csv(onboarding.project / "proposed.csv", rows)
    html = build_review_page(path, onboarding.plan, onboarding.seeds).html
    assert "alert(1)</script>" not in html
    blob = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', html, re.S).group(1)
    data = json.loads(blob)
    assert data["proposals"][0]["row"]["cleaning_note"] == "</script><script>alert(1)</script>"
    assert data["columns"][-1] == "review_status"
    assert data["download_name"] == "proposed.reviewed.csv"


def test_a_document_in_the_seeds_gets_a_second_reader(onboarding: Onboarding):
    add_document(onboarding.plan, CITY_CODE, onboarding.seeds, DOCUMENT_ID)
    rows = proposals(onboarding.seeds)
    for row in rows:
        row["review_status"] = "accepted"
    accept(write_csv(onboarding.project / "reviewed.csv", rows[:3]), onboarding.seeds, onboarding.sources)
    # The extractor now finds p2..p4: p1 is in the seeds only, p4 in the proposals only.
    path = write_csv(onboarding.project / "proposed.csv", proposals(onboarding.seeds)[1:])
    result = CliRunner().invoke(
        app,
        [
            "review",
            str(path),
            "--source",
            str(onboarding.plan),
            "--seeds",
            str(onboarding.seeds),
            "--out",
            str(onboarding.project / "review.html"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 in both, 1 in the seeds only, 1 proposed only" in result.output
    tags = parsed((onboarding.project / "review.html").read_text(encoding="utf-8"))
    missed = [a["data-value-id"] for t, a in tags.starts if t == "li" and "data-value-id" in a]
    new = [a["data-key"] for t, a in tags.starts if t == "li" and "data-key" in a]
    assert missed == ["qingchuan_001"] and new == ["p4"]
    marks = {a.get("id"): a["class"] for t, a in tags.starts if t == "mark"}
    assert marks["seed-qingchuan_001"] == "yv-figure yv-missed"


def test_the_reviewer_chooses_a_period_basis_the_extractor_left_empty(onboarding: Onboarding):
    rows = proposals(onboarding.seeds)
    for row in rows:
        del row["period_basis"]
    rows.append(proposal(value_id="p5", value_kind="standard", value="1", raw_text="1个", source_quote="至少建成1个"))
    del rows[-1]["period_basis"]
    path = write_csv(onboarding.project / "proposed.csv", rows)
    html = build_review_page(path, onboarding.plan, onboarding.seeds).html
    data = json.loads(re.search(r'id="review-data">(.*?)</script>', html, re.S).group(1))
    assert data["required"] == ["period_basis"]
    assert data["columns"][-2:] == ["period_basis", "review_status"]
    by_key = {p["key"]: p["row"] for p in data["proposals"]}
    assert by_key["p5"]["period_basis"] == "standing"  # standards and only standards are standing
    assert "period_basis" not in by_key["p1"]
    selects = [a for t, a in parsed(html).starts if t == "select" and a.get("name") == "period_basis"]
    assert len(selects) == len(rows)


def test_missing_files_and_columns_are_named(onboarding: Onboarding, tmp_path):
    path = write_csv(tmp_path / "proposed.csv", proposals(onboarding.seeds))
    result = CliRunner().invoke(app, ["review", str(path), "--source", str(tmp_path / "absent.txt")])
    assert result.exit_code == 1 and "absent.txt: file not found" in result.output
    thin = write_csv(tmp_path / "thin.csv", [{"value_id": "p1", "value": "1"}])
    result = CliRunner().invoke(app, ["review", str(thin), "--source", str(onboarding.plan)])
    assert result.exit_code == 1
    assert "thin.csv, line 1: missing column(s) document_id, raw_text, source_quote" in result.output


def test_a_page_can_be_written_outside_a_project(tmp_path):
    proposed = write_csv(
        tmp_path / "p.csv", [{"document_id": "x", "value": "5", "raw_text": "5张", "source_quote": "床位5张"}]
    )
    source = tmp_path / "plan.txt"
    source.write_text("白河县养老床位5张。\n", encoding="utf-8")
    page = build_review_page(proposed, source, tmp_path / "no_seeds_here")
    assert [p.span for p in page.proposals] == [(7, 9)]
    assert page.comparison is None and 'name="period_basis"' not in page.html
