"""The analyses in analyses/: rendered by `dbt compile`, run against the test warehouse, answers checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
import yaml

from tests.conftest import PROJECT_DIR
from yilao_yixiao import warehouse

ANALYSES_DIR = PROJECT_DIR / "analyses"


@pytest.fixture(scope="session")
def compiled_analyses(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each analysis rendered by `dbt compile` (through dbtRunner).

    dbt opens its database read-write even to compile, so it compiles against a copy; the copy keeps the
    file name, hence the catalog name the compiled SQL refers to.
    """
    folder = tmp_path_factory.mktemp("analyses")
    database = folder / warehouse_path.name
    shutil.copy2(warehouse_path, database)
    failures = warehouse.run_dbt(
        PROJECT_DIR, ["compile", "--select", "resource_type:analysis"], folder, database=database
    )
    assert not failures, "\n".join(str(f) for f in failures)
    compiled = folder / "dbt_artifacts" / "compiled" / "yilao_yixiao" / "analyses"
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(compiled.glob("*.sql"))}


# These pin the real plans' figures: data assertions, deselected with -m "not real_plans".
pytestmark = pytest.mark.real_plans


def run(warehouse_path: Path, sql: str) -> pl.DataFrame:
    """Run compiled SQL against the test warehouse, attached under the catalog name dbt compiled into it."""
    with duckdb.connect() as con:
        con.execute(f"attach '{warehouse_path}' as \"{warehouse_path.stem}\" (read_only)")
        return con.sql(sql).pl()


def test_every_analysis_is_documented_compiled_and_answers(compiled_analyses: dict[str, str], warehouse_path) -> None:
    files = {path.stem for path in ANALYSES_DIR.glob("*.sql")}
    documented = {
        entry["name"]
        for entry in yaml.safe_load((ANALYSES_DIR / "_analyses.yml").read_text(encoding="utf-8"))["analyses"]
        if entry.get("description", "").strip()
    }
    assert files and files == documented == set(compiled_analyses)
    for name, sql in compiled_analyses.items():
        assert "{{" not in sql and "ref(" not in sql, f"{name} was not rendered"
        assert run(warehouse_path, sql).height > 0, f"{name} returns no rows"


def test_binding_targets_by_jurisdiction(compiled_analyses: dict[str, str], warehouse_path: Path) -> None:
    binding = run(warehouse_path, compiled_analyses["binding_targets_by_jurisdiction"])
    per_jurisdiction = dict(binding.group_by("jurisdiction_slug").len().iter_rows())
    # Only Siping's and Ganzi's indicator tables say 约束性; the other documents classify nothing. Siping's table
    # has 8 binding rows, but 2 are per-county norms (standards, CODEBOOK.md), so 6 binding targets.
    assert per_jurisdiction == {"siping": 6, "ganzi": 14}
    assert set(binding["n_binding_targets_of_jurisdiction"]) == {6, 14}
    slots = binding.filter(pl.col("indicator_code") == "childcare_slots").row(0, named=True)
    assert (slots["baseline_value"], slots["baseline_year"], slots["target_value"], slots["target_year"]) == (
        341,
        2020,
        3400,
        2025,
    )
    nursing = binding.filter(
        (pl.col("jurisdiction_slug") == "siping")
        & (pl.col("indicator_code") == "nursing_bed_share_elderly_institutions")
    ).row(0, named=True)
    assert (nursing["target_comparator_symbol"], nursing["target_value"], nursing["has_baseline"]) == ("=", 55, False)


def test_childcare_slots_implied_by_norm(compiled_analyses: dict[str, str], warehouse_path: Path) -> None:
    implied = run(warehouse_path, compiled_analyses["childcare_slots_implied_by_norm"])
    by_slug = {row["jurisdiction_slug"]: row for row in implied.to_dicts()}
    ganzi = by_slug["ganzi"]
    assert (ganzi["slots_per_1000_population"], ganzi["target_year"], ganzi["resident_population"]) == (
        4.5,
        2025,
        1_136_600,
    )
    assert ganzi["implied_slots"] == pytest.approx(5114.7)
    assert ganzi["stated_slots"] == 3400
    assert ganzi["stated_slots_per_1000_population"] == pytest.approx(2.9914, abs=1e-4)
    lincang = by_slug["lincang"]
    assert (lincang["slots_per_1000_population"], lincang["target_year"]) == (3, 2025)
    assert lincang["norm_statements_agree"] and lincang["n_norm_statements"] == 2
    # Lincang prints no resident population: the implied number is unknown, not zero.
    assert lincang["resident_population"] is None and lincang["implied_slots"] is None


def test_annex_unit_shares_of_city_totals(compiled_analyses: dict[str, str], warehouse_path: Path) -> None:
    shares = run(warehouse_path, compiled_analyses["annex_unit_shares_of_city_totals"])
    assert shares.height == 60  # Zhoukou's annex, the only one of the five plans: 12 units × 5 measures
    assert shares["units_sum_to_city_total"].all()
    meals = shares.filter(
        (pl.col("county_name_zh") == "商水县") & (pl.col("indicator_code") == "elderly_meal_service_sites")
    ).row(0, named=True)
    assert (meals["value"], meals["city_total_value"], meals["period_year"]) == (71, 700, 2024)
    assert meals["share_of_city_total"] == pytest.approx(0.1014, abs=5e-5)
    luyi = shares.filter(
        (pl.col("county_name_zh") == "鹿邑县") & (pl.col("indicator_code") == "elderly_meal_service_sites")
    ).row(0, named=True)
    assert (luyi["value"], luyi["rank_in_city"]) == (99, 1)
    slash = shares.filter(~pl.col("is_applicable"))
    assert slash.height == 3
    assert slash["share_of_city_total"].null_count() == 3
    assert set(slash["rank_in_city"]) == {10}  # '/' ranks after the nine counties with a number


def test_shared_indicator_targets_side_by_side(compiled_analyses: dict[str, str], warehouse_path: Path) -> None:
    side_by_side = run(warehouse_path, compiled_analyses["shared_indicator_targets_side_by_side"])
    nursing = {
        row["jurisdiction_slug"]: (row["target_comparator_symbol"], row["target_value"], row["target_year"])
        for row in side_by_side.filter(pl.col("indicator_code") == "nursing_bed_share_elderly_institutions").to_dicts()
    }
    assert nursing == {"siping": ("=", 55, 2025), "lincang": ("≥", 55, 2025), "ganzi": ("≥", 55, 2025)}
    childcare = {
        row["jurisdiction_slug"]: row["target_value"]
        for row in side_by_side.filter(pl.col("indicator_code") == "childcare_slots_per_1000_population").to_dicts()
    }
    assert childcare == {"ganzi": 4.5, "lincang": 3}


def test_targets_without_baseline(compiled_analyses: dict[str, str], warehouse_path: Path) -> None:
    missing = run(warehouse_path, compiled_analyses["targets_without_baseline"])
    totals = {
        row["jurisdiction_slug"]: (row["n_targets"], row["n_targets_without_baseline"])
        for row in missing.unique("jurisdiction_slug").to_dicts()
    }
    assert totals["zhoukou"] == (9, 9)  # a one-year work plan: targets only
    assert totals["ganzi"] == (35, 16)
    assert "ganzi__childcare_slots" not in set(missing["jurisdiction_slug"] + "__" + missing["indicator_code"])
