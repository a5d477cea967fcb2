"""The data each chart receives: the marts' rows, no more and no fewer, with comparator and year carried.

Expected counts are queried from the marts here, independently of the dashboard code; expected figures
are the documents' own (Ganzi 341 → 3,400 childcare slots, Zhoukou's Shangshui 71 of 700 meal sites…).
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import polars as pl
import pytest

from yilao_yixiao.dashboards import data, figures

# These pin the real plans' figures: data assertions, deselected with -m "not real_plans".
pytestmark = pytest.mark.real_plans


def count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return con.sql(sql).fetchall()[0][0]


def plotted_points(figure) -> int:
    """Markers and bars of a figure (connector lines carry no points)."""
    return sum(len(trace.x) for trace in figure.data if getattr(trace, "mode", None) != "lines")


def trace_texts(figure) -> list[str]:
    """Text labels as the reader sees them (plotly decodes the entities the builders escape to)."""
    return [html.unescape(text) for trace in figure.data for text in (trace.text or ())]


def test_overview_has_one_card_per_document_with_its_counts(warehouse_path: Path, con) -> None:
    cards = data.overview_cards(warehouse_path)
    assert cards.height == count(con, "select count(*) from marts.dim_documents") == 5
    ganzi = cards.filter(cards["jurisdiction_slug"] == "ganzi").row(0, named=True)
    assert ganzi["document_status"] == "draft_for_comment"
    assert (ganzi["plan_period_start"], ganzi["plan_period_end"]) == (2021, 2025)
    assert (ganzi["n_binding"], ganzi["n_expected"]) == (14, 15)
    siping = cards.filter(cards["jurisdiction_slug"] == "siping").row(0, named=True)
    assert siping["issued_date"] is None  # the Siping plan is undated
    assert siping["binding_share_of_classified"] == pytest.approx(8 / 10)
    # Documents that classify nothing have no share, not a share of zero.
    assert cards.filter(cards["jurisdiction_slug"] == "zhoukou")["binding_share_of_classified"][0] is None


def test_overview_chart_has_three_bars_per_document(warehouse_path: Path) -> None:
    cards = data.overview_cards(warehouse_path)
    figure = figures.obligation_figure(cards, "en")
    assert plotted_points(figure) == 3 * cards.height
    bars = {trace.meta["column"]: list(trace.x) for trace in figure.data}
    assert [sum(parts) for parts in zip(*bars.values(), strict=True)] == cards["n_values"].to_list()


def test_comparison_receives_every_whole_figure_of_the_shared_indicators(warehouse_path: Path, con) -> None:
    shared = """
        from marts.fct_indicator_values as v
        inner join marts.dim_indicators as i on v.indicator_code = i.indicator_code
        where i.n_jurisdictions >= 2
    """
    plotted = data.comparison_values(warehouse_path)
    not_plotted = data.comparison_not_plotted(warehouse_path)
    assert plotted.height == count(
        con, f"select count(*) {shared} and v.value is not null and not coalesce(v.is_breakdown_part, false)"
    )
    assert plotted.height + not_plotted.height == count(con, f"select count(*) {shared}")
    assert plotted["comparator"].null_count() == 0
    assert plotted["comparator_symbol"].null_count() == 0
    # Ganzi's 49 elderly care institutions are plotted; its 1 + 44 + 4 by institution type are listed only.
    assert set(not_plotted.filter(not_plotted["jurisdiction_slug"] == "ganzi")["value_id"]) >= {
        "ganzi_003",
        "ganzi_005",
        "ganzi_009",
    }


def test_comparison_chart_shows_the_comparator_and_the_year(warehouse_path: Path) -> None:
    values = data.comparison_values(warehouse_path)
    nursing = values.filter(values["indicator_code"] == "nursing_bed_share_elderly_institutions")
    figure = figures.comparison_figure(nursing, "en")
    assert plotted_points(figure) == nursing.height
    labels = trace_texts(figure)
    assert "= 55 % · 2025" in labels  # Siping's table: 55 %, binding
    assert "> 55 % · 2025" in labels  # Ganzi's table: >55%
    assert "≥ 55 % · 2025" in labels  # Lincang: 55%以上
    childcare = values.filter(values["indicator_code"] == "childcare_slots_per_1000_population")
    lincang = childcare.filter(childcare["jurisdiction_slug"] == "lincang")
    assert lincang["value"].to_list() == [3.0, 3.0]  # stated twice, both 3 per 1,000 by 2025
    assert set(lincang["period_year"]) == {2025}
    assert "= 3 · 2025" in trace_texts(figures.comparison_figure(childcare, "en"))


def test_comparison_marker_shape_follows_the_comparator(warehouse_path: Path) -> None:
    values = data.comparison_values(warehouse_path)
    nursing = values.filter(values["indicator_code"] == "nursing_bed_share_elderly_institutions")
    figure = figures.comparison_figure(nursing, "zh")
    symbols = {
        value_id: symbol
        for trace in figure.data
        for value_id, symbol in zip(trace.customdata, trace.marker.symbol, strict=True)
    }
    assert symbols["siping_038"] == "circle"  # = 55 %
    assert symbols["lincang_004"] == symbols["ganzi_075"] == "triangle-right"  # ≥ 55 %, > 55 %


def test_gaps_chart_has_a_target_per_row_and_a_baseline_where_one_exists(warehouse_path: Path, con) -> None:
    gaps = data.indicator_gaps(warehouse_path)
    assert gaps.height == count(con, "select count(*) from marts.fct_indicator_gaps")
    targets = baselines = 0
    for unit in gaps["unit"].unique():
        figure = figures.gaps_figure(gaps.filter(gaps["unit"] == unit), "en")
        targets += sum(len(t.x) for t in figure.data if t.meta and t.meta["role"] == "target")
        baselines += sum(len(t.x) for t in figure.data if t.meta and t.meta["role"] == "baseline")
    assert targets == gaps.height
    assert baselines == count(con, "select count(*) from marts.fct_indicator_gaps where has_baseline")


def test_gaps_of_ganzi_childcare_slots(warehouse_path: Path) -> None:
    gaps = data.indicator_gaps(warehouse_path)
    row = gaps.filter((gaps["jurisdiction_slug"] == "ganzi") & (gaps["indicator_code"] == "childcare_slots")).row(
        0, named=True
    )
    assert (row["baseline_value"], row["baseline_year"], row["target_value"], row["target_year"]) == (
        341,
        2020,
        3400,
        2025,
    )
    absolute_gap, growth = figures.gap_text(row, "en")
    assert absolute_gap.startswith("+3,059")
    assert growth == f"{((3400 / 341) ** (1 / 5) - 1) * 100:.2f} %"
    # A target without a baseline says so instead of showing a gap of zero.
    zhoukou = gaps.filter(gaps["jurisdiction_slug"] == "zhoukou").row(0, named=True)
    assert figures.gap_text(zhoukou, "en") == ("no baseline in the document", "—")


def test_county_chart_draws_every_cell_and_slash_cells_as_not_applicable(warehouse_path: Path, con) -> None:
    allocations = data.county_allocations(warehouse_path)
    assert allocations.height == count(con, "select count(*) from marts.fct_county_allocations") == 60
    figure = figures.county_figure(allocations, "zh")
    assert plotted_points(figure) == allocations.height
    slash_traces = [t for t in figure.data if t.meta["role"] == "not_applicable"]
    n_slash = count(con, "select count(*) from marts.fct_county_allocations where not is_applicable")
    assert n_slash == 3
    assert sum(len(t.x) for t in slash_traces) == n_slash
    assert all(text.startswith("/") for t in slash_traces for text in t.text)
    bars = {
        cid: x for t in figure.data if t.meta["role"] == "applicable" for cid, x in zip(t.customdata, t.x, strict=True)
    }
    shangshui_meals = allocations.filter(
        (allocations["county_name_zh"] == "商水县") & (allocations["indicator_code"] == "elderly_meal_service_sites")
    ).row(0, named=True)
    assert (shangshui_meals["value"], shangshui_meals["city_total_value"]) == (71, 700)
    assert bars[shangshui_meals["allocation_id"]] == pytest.approx(71 / 700 * 100)
    assert math.isclose(bars[shangshui_meals["allocation_id"]], 10.142857, rel_tol=1e-6)


def test_audit_chart_receives_every_agreement_check(warehouse_path: Path, con) -> None:
    checks = data.consistency_checks(warehouse_path)
    if checks is None:
        pytest.skip("the warehouse has no fct_consistency_checks yet (audit not built)")
    assert checks.height == count(con, "select count(*) from marts.fct_consistency_checks")
    figure = figures.audit_figure(checks, "en")
    expected = count(
        con,
        "select count(*) from marts.fct_consistency_checks where stated_value <> 0 and check_kind <> 'plausibility'",
    )
    # Stated and computed markers, and the checks' labels above them.
    assert {trace.meta["role"]: len(trace.x) for trace in figure.data} == {
        "stated": expected,
        "computed": expected,
        "label": expected,
    }
    # Ganzi's 3,400 slots against the 4.5-per-1,000 norm × 1,136,600 residents: a declared finding.
    ganzi = checks.filter((pl.col("check_kind") == "target_implied_by_norm") & (pl.col("jurisdiction_slug") == "ganzi"))
    assert ganzi.height >= 1
    assert set(ganzi["status"]) == {"fail"}
    assert ganzi["is_known_finding"].all()
    assert ganzi["stated_value"].to_list()[0] == 3400
    assert ganzi["computed_value"].to_list()[0] == pytest.approx(4.5 * 1_136_600 / 1000)


def test_plot_text_escapes_markup_from_the_seeds() -> None:
    assert figures.plot_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    spec = figures.figure_json({"en": go.Figure(layout={"title": {"text": "</script><!--"}})})
    assert "</script>" not in spec and "<!--" not in spec
