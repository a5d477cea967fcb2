"""`yyx accept` on reviewed rows of the invented plan: fresh ids, only the seed's columns, all or nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.review.conftest import CITY_CODE, CITY_SLUG, DOCUMENT_ID, Onboarding, proposals, write_csv
from yilao_yixiao import provenance
from yilao_yixiao.cli import app
from yilao_yixiao.review import tables
from yilao_yixiao.review.accept import _next_ids, accept
from yilao_yixiao.review.documents import add_document


@pytest.fixture
def registered(onboarding: Onboarding) -> Onboarding:
    add_document(onboarding.plan, CITY_CODE, onboarding.seeds, DOCUMENT_ID)
    return onboarding


def reviewed(onboarding: Onboarding, statuses: list[str], **changes: dict[str, str]):
    rows = proposals(onboarding.seeds)
    for row, status in zip(rows, statuses, strict=True):
        row["review_status"] = status
        row.update(changes.get(row["value_id"], {}))
    return write_csv(onboarding.project / "reviewed.csv", rows)


def seed_rows(onboarding: Onboarding) -> list[dict[str, str]]:
    return tables.read_table(onboarding.seeds / "indicator_values.csv").records


def test_accepted_and_edited_rows_are_appended_with_fresh_ids(registered: Onboarding):
    before = (registered.seeds / "indicator_values.csv").read_text(encoding="utf-8")
    path = reviewed(registered, ["accepted", "edited", "rejected", ""], p2={"comparator": "gt"})
    result = accept(path, registered.seeds, registered.sources)
    after = (registered.seeds / "indicator_values.csv").read_text(encoding="utf-8")
    assert after.startswith(before)
    new = seed_rows(registered)[-2:]
    assert [row["value_id"] for row in new] == [f"{CITY_SLUG}_001", f"{CITY_SLUG}_002"]
    assert [row["value"] for row in new] == ["6200", "60"]
    assert new[1]["comparator"] == "gt"
    assert list(new[0]) == list(tables.read_table(registered.seeds / "indicator_values.csv").columns)
    assert "confidence" not in after.splitlines()[0] and "review_status" not in after
    assert result.rejected == 1 and result.undecided == 1
    assert result.value_ids == {"p1": f"{CITY_SLUG}_001", "p2": f"{CITY_SLUG}_002"}
    assert provenance.verify(registered.seeds, registered.sources).ok


def test_a_second_accept_continues_the_numbering(registered: Onboarding):
    accept(reviewed(registered, ["accepted", "", "", ""]), registered.seeds, registered.sources)
    accept(reviewed(registered, ["", "", "accepted", "accepted"]), registered.seeds, registered.sources)
    ids = [row["value_id"] for row in seed_rows(registered) if row["document_id"] == DOCUMENT_ID]
    assert ids == [f"{CITY_SLUG}_001", f"{CITY_SLUG}_002", f"{CITY_SLUG}_003"]


def test_ids_follow_the_existing_width_and_never_collide():
    assert _next_ids(["ab_001", "ab_017", "abc_900", "ab_x"], "ab") == (18, 3)
    assert _next_ids(["ab_0999"], "ab") == (1000, 4)
    assert _next_ids([], "ab") == (1, 3)


def test_a_breakdown_part_follows_its_total_to_the_new_id(registered: Onboarding):
    path = reviewed(
        registered,
        ["accepted", "accepted", "", ""],
        p2={"parent_value_id": "p1", "breakdown_dimension": "care_type", "breakdown_member": "nursing"},
    )
    accept(path, registered.seeds, registered.sources)
    part = seed_rows(registered)[-1]
    assert part["parent_value_id"] == f"{CITY_SLUG}_001"


@pytest.mark.parametrize(
    ("change", "column", "reason"),
    [
        ({"source_quote": "全市养老床位达到9999张"}, "source_quote", "quote not found in the source"),
        ({"raw_text": "6300张"}, "raw_text", "is not inside the quote"),
        ({"value": "6300"}, "value", "does not parse from raw_text"),
        ({"indicator_code": "no_such_concept"}, "indicator_code", "is not in seeds/indicators.csv"),
        ({"value_kind": "wish"}, "value_kind", "is not one of"),
        ({"period_basis": ""}, "period_basis", "is not one of"),
        ({"document_id": "unregistered_plan"}, "document_id", "yyx add-document"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(registered: Onboarding, change, column, reason):
    before = (registered.seeds / "indicator_values.csv").read_bytes()
    path = reviewed(registered, ["accepted", "accepted", "", ""], p1=change)
    with pytest.raises(tables.ReviewError) as err:
        accept(path, registered.seeds, registered.sources)
    problems = err.value.problems
    assert all(problem.startswith(f"{path}, line 2, column ") for problem in problems)
    assert any(
        problem.startswith(f"{path}, line 2, column {column!r} (p1): ") and reason in problem for problem in problems
    )
    assert (registered.seeds / "indicator_values.csv").read_bytes() == before


def test_a_value_explained_by_a_cleaning_note_is_accepted(registered: Onboarding):
    path = reviewed(
        registered, ["accepted", "", "", ""], p1={"value": "6300", "cleaning_note": "the plan's annex corrects it"}
    )
    accept(path, registered.seeds, registered.sources)
    assert seed_rows(registered)[-1]["value"] == "6300"


def test_the_command_reports_ids_and_refusals(registered: Onboarding):
    path = reviewed(registered, ["accepted", "rejected", "", ""])
    args = ["accept", str(path), "--seeds", str(registered.seeds), "--sources", str(registered.sources)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"p1 → {CITY_SLUG}_001" in result.output and "1 rejected" in result.output
    bad = reviewed(registered, ["accepted", "", "", ""], p1={"raw_text": "7000张"})
    result = CliRunner().invoke(
        app, ["accept", str(bad), "--seeds", str(registered.seeds), "--sources", str(registered.sources)]
    )
    assert result.exit_code == 1
    assert "column 'raw_text'" in result.output


def test_a_csv_without_review_status_is_refused(registered: Onboarding):
    path = write_csv(registered.project / "proposed.csv", proposals(registered.seeds))
    with pytest.raises(tables.ReviewError, match="review_status"):
        accept(path, registered.seeds, registered.sources)
