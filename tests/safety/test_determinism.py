"""Two builds of the same seeds give identical marts: one order-independent hash per mart (tests/mart_hashes.py)."""

from __future__ import annotations

import datetime as dt
import decimal

import polars as pl

from tests.conftest import PROJECT_DIR
from tests.mart_hashes import mart_hashes, table_hash
from tools import engines
from yilao_yixiao import warehouse


def test_two_builds_of_the_same_seeds_give_the_same_marts(warehouse_path, tmp_path):
    again = warehouse.build(PROJECT_DIR, tmp_path / "again.duckdb")
    first = mart_hashes(engines.read_marts_duckdb(warehouse_path))
    second = mart_hashes(engines.read_marts_duckdb(again))
    for name, fingerprint in first.items():
        print(f"{name}: {fingerprint}")
    assert sorted(first) == engines.mart_names(PROJECT_DIR)
    # Revisions need two plans of one jurisdiction; every other mart holds rows for any plan.
    assert {name for name, fingerprint in first.items() if fingerprint.rows == 0} <= {"fct_target_revisions"}
    assert second == first


FRAME = pl.DataFrame(
    {
        "code": ["a", "b", None],
        "value": [1.5, 2.0, None],
        "is_binding": [True, False, None],
        "issued": [dt.date(2024, 3, 1), None, dt.date(2021, 12, 31)],
    }
)


def test_row_order_does_not_change_the_hash():
    assert table_hash(FRAME.reverse()) == table_hash(FRAME)
    assert table_hash(FRAME.sample(fraction=1.0, shuffle=True, seed=7)) == table_hash(FRAME)


def test_engine_types_of_one_number_hash_alike():
    as_double = pl.DataFrame({"n": [3.0, 0.1 + 0.2]})
    as_integer_and_decimal = pl.DataFrame({"n": [3, decimal.Decimal("0.3")]}, schema={"n": pl.Object})
    assert table_hash(as_integer_and_decimal) == table_hash(as_double)


def test_a_changed_cell_an_extra_row_or_a_renamed_column_changes_the_hash():
    changed = FRAME.with_columns(pl.when(pl.col("code") == "b").then(2.5).otherwise(pl.col("value")).alias("value"))
    duplicated = pl.concat([FRAME, FRAME.head(1)])
    renamed = FRAME.rename({"value": "amount"})
    null_as_text = FRAME.with_columns(pl.col("code").fill_null("None"))
    hashes = {table_hash(frame).digest for frame in (FRAME, changed, duplicated, renamed, null_as_text)}
    assert len(hashes) == 5
