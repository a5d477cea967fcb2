"""The period_basis rule of CODEBOOK.md ("period_basis — what span a value covers") holds for every row."""

from __future__ import annotations

import re
from collections import defaultdict

from tests.codebook.conftest import read_seed

FLOW_BASES = {"one_year", "cumulative"}
# Units whose value is a level at a date or a rule's parameter, never a count of events.
LEVEL_UNITS = {
    "percent",
    "ratio",
    "per_1000_population",
    "per_1000_elderly",
    "m2_per_capita",
    "m2_per_100_households",
    "m2_per_slot",
    "yuan_per_slot",
    "year",
}


def clause_before(row: dict[str, str]) -> str:
    """The words of the quote's clause that precede the printed figure."""
    before = row["source_quote"].split(row["raw_text"], 1)[0]
    return re.split(r"[,，。;；]", before)[-1]


def test_every_row_has_a_period_basis_of_the_vocabulary(values):
    vocabulary = {row["period_basis_code"] for row in read_seed("period_bases")}
    assert vocabulary == {"point_in_time", "one_year", "cumulative", "standing"}
    wrong = [(row["value_id"], row["period_basis"]) for row in values if row["period_basis"] not in vocabulary]
    assert not wrong


def test_standards_and_only_standards_are_standing(values):
    wrong = [
        row["value_id"] for row in values if (row["value_kind"] == "standard") != (row["period_basis"] == "standing")
    ]
    assert not wrong


def test_rates_and_levels_are_at_a_date(values, indicators):
    wrong = [
        row["value_id"]
        for row in values
        if row["value_kind"] != "standard"
        and indicators[row["indicator_code"]]["unit"] in LEVEL_UNITS
        and row["period_basis"] != "point_in_time"
    ]
    assert not wrong


def test_a_change_in_percentage_points_is_cumulative(values, indicators):
    wrong = [
        row["value_id"]
        for row in values
        if indicators[row["indicator_code"]]["unit"] == "percentage_points" and row["period_basis"] != "cumulative"
    ]
    assert not wrong


def test_each_year_and_in_total_decide_the_basis(values):
    """每年 before the figure makes a year's flow; 共 (not 共有 'there are') or 累计 a total over the span."""
    wrong = []
    for row in values:
        if row["value_kind"] == "standard" or row["raw_text"] not in row["source_quote"]:
            continue
        clause = clause_before(row)
        if "每年" in clause and row["period_basis"] != "one_year":
            wrong.append(row["value_id"])
        if re.search(r"共(?!有)|累计", clause) and row["period_basis"] != "cumulative":
            wrong.append(row["value_id"])
    assert not wrong


def test_count_targets_of_a_one_year_plan_are_that_years_flow(values, indicators, documents):
    one_year_plans = {
        document_id
        for document_id, document in documents.items()
        if document["plan_period_start"] and document["plan_period_start"] == document["plan_period_end"]
    }
    wrong = [
        row["value_id"]
        for row in values
        if row["document_id"] in one_year_plans
        and row["value_kind"] == "target"
        and indicators[row["indicator_code"]]["unit"] in {"count", "households", "person_times", "persons"}
        and row["period_basis"] != "one_year"
    ]
    assert not wrong


def test_a_code_is_either_a_stock_or_a_flow(values):
    bases_by_code: dict[str, set[str]] = defaultdict(set)
    for row in values:
        bases_by_code[row["indicator_code"]].add(row["period_basis"])
    mixed = {code: bases for code, bases in bases_by_code.items() if "point_in_time" in bases and bases & FLOW_BASES}
    assert not mixed, f"codes holding both stocks and flows: {mixed}"


def test_the_clause_reader_on_a_plan_written_here():
    row = {"raw_text": "300户", "source_quote": "到2030年,全县累计改造300户,每年不少于60户"}
    assert clause_before(row) == "全县累计改造"
