"""Checks the documents make possible that the seeds can hold themselves to (CODEBOOK.md, "Checks")."""

from __future__ import annotations

import re
from collections import defaultdict

from tests.codebook.conftest import read_seed

AMOUNT_UNITS = {"count", "persons", "households", "person_times", "yuan"}


def test_a_deadline_is_not_before_the_date_of_issue(values, indicators, documents):
    wrong = [
        (row["value_id"], row["value"], documents[row["document_id"]]["issued_date"])
        for row in values
        if indicators[row["indicator_code"]]["unit"] == "year"
        and row["indicator_code"].endswith("_deadline")
        and documents[row["document_id"]]["issued_date"]
        and float(row["value"]) < int(documents[row["document_id"]]["issued_date"][:4])
    ]
    assert not wrong


def test_a_new_housing_norm_is_not_below_the_existing_housing_norm(values):
    norms: dict[tuple[str, str], list[float]] = defaultdict(list)
    for row in values:
        for housing in ("new_housing", "existing_housing"):
            if row["indicator_code"].endswith(f"_{housing}") and row["value_kind"] == "standard":
                stem = row["indicator_code"].removesuffix(f"_{housing}")
                norms[(row["document_id"], f"{stem}|{housing}")].append(float(row["value"]))
    pairs = [
        (document_id, key.split("|")[0])
        for document_id, key in norms
        if key.endswith("|new_housing") and (document_id, key.replace("new_housing", "existing_housing")) in norms
    ]
    assert pairs, "no plan states both housing norms"
    wrong = [
        (document_id, stem)
        for document_id, stem in pairs
        if min(norms[(document_id, f"{stem}|new_housing")]) < max(norms[(document_id, f"{stem}|existing_housing")])
    ]
    assert not wrong


def test_a_part_of_a_stated_total_is_not_above_it(values, indicators):
    by_id = {row["value_id"]: row for row in values}
    wrong = [
        row["value_id"]
        for row in values
        if row["parent_value_id"]
        and indicators[row["indicator_code"]]["unit"] in AMOUNT_UNITS
        and float(row["value"]) > float(by_id[row["parent_value_id"]]["value"])
    ]
    assert not wrong


def test_a_restated_figure_with_another_comparator_says_so(values):
    """Ganzi-like '>55%' in a table and '不低于55%' in the text: the rows must name the disagreement."""
    groups: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    for row in values:
        if row["value"] and not row["breakdown_dimension"]:
            key = (row["document_id"], row["indicator_code"], row["value_kind"], row["period_year"], row["value"])
            groups[key].append(row)
    silent = [
        [row["value_id"] for row in rows]
        for rows in groups.values()
        if len({row["comparator"] for row in rows} - {"eq"}) > 1
        and not any("while" in row["cleaning_note"] or "differ" in row["cleaning_note"] for row in rows)
    ]
    assert not silent


def test_every_finding_names_figures_of_the_seeds(values):
    value_ids = {row["value_id"] for row in values}
    allocation_ids = {row["allocation_id"] for row in read_seed("county_allocations")}
    unknown = [
        (finding["check_id"], value_id)
        for finding in read_seed("audit_findings")
        for value_id in finding["value_ids"].split(",")
        if value_id not in value_ids | allocation_ids
    ]
    assert not unknown


def test_no_note_calls_consistent_what_the_register_calls_a_finding(values):
    registered = {value_id for finding in read_seed("audit_findings") for value_id in finding["value_ids"].split(",")}
    wrong = [
        row["value_id"]
        for row in values
        if row["value_id"] in registered
        and re.search(r"\bconsistent\b", row["cleaning_note"])
        and "registered finding" not in row["cleaning_note"]
    ]
    assert not wrong, f"notes calling a registered contradiction consistent: {wrong}"
