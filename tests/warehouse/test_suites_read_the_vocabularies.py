"""The GX suites take their closed sets and counts from the warehouse's seeds, not from lists in the code."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from yilao_yixiao.validation.reference import VOCABULARIES, MissingReferenceError, read_reference


def write_reference_tables(database: Path, *, jurisdictions: int, documents: int) -> None:
    """Staging tables as a build of some other collection of plans would leave them, with invented codes."""
    with duckdb.connect(str(database)) as con:
        con.execute("create schema staging")
        for vocabulary, table in VOCABULARIES.items():
            con.execute(f"create table staging.{table} ({vocabulary}_code varchar)")
            con.execute(f"insert into staging.{table} values ('{vocabulary}_one'), ('{vocabulary}_two')")
        con.execute(
            "create table staging.stg_units (unit_code varchar, must_be_whole boolean, is_calendar_year boolean)"
        )
        con.execute(
            "insert into staging.stg_units values ('pens', true, false), ('ink', false, false), ('era', true, true)"
        )
        con.execute(
            "create table staging.stg_jurisdictions as select range::varchar as c from range(?)", [jurisdictions]
        )
        con.execute("create table staging.stg_documents as select range::varchar as c from range(?)", [documents])


def expectations_of(suite, reference) -> list[dict]:
    return [expectation.configuration.to_json_dict() for expectation in suite.build(reference)]


def test_the_suites_expect_the_codes_and_counts_of_the_seeds(tmp_path: Path) -> None:
    from yilao_yixiao.validation.suites import MART_SUITES

    database = tmp_path / "other.duckdb"
    write_reference_tables(database, jurisdictions=37, documents=52)
    reference = read_reference(database)
    assert reference.of("comparator") == ["comparator_one", "comparator_two"]
    assert (reference.n_jurisdictions, reference.n_documents) == (37, 52)
    assert reference.count_units == ["pens"]

    suites = {suite.table: suite for suite in MART_SUITES}
    values = expectations_of(suites["fct_indicator_values"], reference)
    value_sets = {
        e["kwargs"]["column"]: e["kwargs"]["value_set"]
        for e in values
        if e["type"] == "expect_column_values_to_be_in_set"
    }
    assert value_sets["value_kind"] == ["value_kind_one", "value_kind_two"]
    assert value_sets["obligation"] == ["obligation_one", "obligation_two"]
    assert "jurisdiction_slug" not in value_sets  # any slug is a jurisdiction; the seed decides which exist

    whole = [
        e["kwargs"]["row_condition"]
        for e in values
        if e["type"] == "expect_column_values_to_be_whole_numbers" and e["kwargs"]["column"] == "value"
    ]
    assert len(whole) == 1 and "pens" in str(whole[0]) and "ink" not in str(whole[0])

    row_counts = [
        e["kwargs"]["value"]
        for table in ("dim_jurisdictions", "dim_documents")
        for e in expectations_of(suites[table], reference)
        if e["type"] == "expect_table_row_count_to_equal"
    ]
    assert row_counts == [37, 52]
    indicator_bounds = [
        e["kwargs"]["max_value"]
        for e in expectations_of(suites["dim_indicators"], reference)
        if e["kwargs"].get("column") == "n_jurisdictions" and e["type"] == "expect_column_values_to_be_between"
    ]
    assert indicator_bounds == [37]


def test_a_warehouse_without_its_vocabularies_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "old.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("create table stg_jurisdictions (c varchar)")
    with pytest.raises(MissingReferenceError, match="stg_value_kinds is not in the warehouse"):
        read_reference(database)
