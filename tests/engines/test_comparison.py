"""The cross-engine comparison itself: it must catch a real difference and forgive only float formatting."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from tools import engines


def frame(**columns) -> pl.DataFrame:
    return pl.DataFrame(columns, strict=False)


def test_row_order_and_integer_widths_do_not_matter():
    duck = {"m": frame(id=["a", "b"], n=pl.Series([1, 2], dtype=pl.Int128), x=[0.1, 0.2])}
    other = {"m": frame(id=["b", "a"], n=pl.Series([2, 1], dtype=pl.Int64), x=[0.2, 0.1])}
    assert engines.compare_marts(duck, other) == []


def test_float_formatting_is_forgiven_but_a_real_difference_is_not():
    duck = {"m": frame(id=["a"], x=[1 / 3])}
    assert engines.compare_marts(duck, {"m": frame(id=["a"], x=[0.33333333333333337])}) == []
    problems = engines.compare_marts(duck, {"m": frame(id=["a"], x=[0.3333])})
    assert problems and "x" in problems[0]


def test_decimals_compare_as_numbers():
    duck = {"m": frame(id=["a"], x=[100.0])}
    other = {"m": pl.DataFrame({"id": ["a"], "x": [Decimal("100.0")]})}
    assert engines.compare_marts(duck, other) == []


def test_text_nulls_columns_and_counts_must_match():
    duck = {"m": frame(id=["a", "b"], t=["x", None])}
    assert engines.compare_marts(duck, {"m": frame(id=["a", "b"], t=["x", "None"])})
    assert engines.compare_marts(duck, {"m": frame(id=["a", "b"], u=["x", None])})
    assert engines.compare_marts(duck, {"m": frame(id=["a"], t=["x"])})
    assert engines.compare_marts(duck, {})


def test_postgres_binaries_are_found_off_path():
    bindir = engines.find_postgres_bindir()
    if bindir is not None:
        assert all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres"))
