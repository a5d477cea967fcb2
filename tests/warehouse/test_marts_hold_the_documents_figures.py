"""The marts hold figures exactly as the real documents print them (values checked by hand against the texts)."""

import pytest

# Data assertions about the real plans: a warehouse of other plans deselects them (-m "not real_plans").
pytestmark = pytest.mark.real_plans


def one_gap(con, gap_id: str) -> dict:
    rows = con.sql(f"select * from marts.fct_indicator_gaps where gap_id = '{gap_id}'").pl().to_dicts()
    assert len(rows) == 1, gap_id
    return rows[0]


def one_value(con, value_id: str) -> dict:
    rows = con.sql(f"select * from marts.fct_indicator_values where value_id = '{value_id}'").pl().to_dicts()
    assert len(rows) == 1, value_id
    return rows[0]


@pytest.mark.parametrize(
    ("value_id", "indicator_code", "value_kind", "period_year", "value", "comparator", "raw_text"),
    [
        # 長治: 中央預算內投資按每個新增托位給予1萬元的補助
        ("changzhi_007", "childcare_subsidy_per_new_slot", "standard", None, 10000, "eq", "1萬元"),
        # 四平: "十三五"期末…共有养老床位7297张; 指标表 养老服务床位总达到9000张以上 预期性
        ("siping_006", "elderly_care_beds", "baseline", 2020, 7297, "eq", "7297张"),
        ("siping_034", "elderly_care_beds", "target", 2025, 9000, "ge", "9000张以上"),
        # 四平 专栏7: OCR "100O人次" cleaned to 1000
        ("siping_056", "elderly_care_worker_training_person_times", "target", 2025, 1000, "ge", "100O人次"),
        # 周口: 全市建成不少于700个老年助餐场所
        ("zhoukou_015", "elderly_meal_service_sites", "target", 2024, 700, "ge", "700个"),
        # 临沧: 截至2020年底，全市60岁以上老年人达33.8万人
        ("lincang_001", "elderly_population_60_plus", "context", 2020, 338000, "eq", "33.8万人"),
        ("lincang_012", "childcare_slots_per_1000_population", "target", 2025, 3, "eq", "3个"),
        # 甘孜 表1: 3岁以下婴幼儿托位数(个) 341 3400 约束性
        ("ganzi_101", "childcare_slots", "baseline", 2020, 341, "eq", "341"),
        ("ganzi_102", "childcare_slots", "target", 2025, 3400, "eq", "3400"),
    ],
)
def test_value_as_printed(con, value_id, indicator_code, value_kind, period_year, value, comparator, raw_text):
    row = one_value(con, value_id)
    assert row["indicator_code"] == indicator_code
    assert row["value_kind"] == value_kind
    assert row["period_year"] == period_year
    assert row["value"] == pytest.approx(value)
    assert row["comparator"] == comparator
    assert row["raw_text"] == raw_text
    assert raw_text in row["source_quote"]


def test_ocr_repairs_are_explained(con):
    notes = con.sql(
        """
        select value_id, cleaning_note from marts.fct_indicator_values
        where value_id in ('siping_044', 'siping_056')
        """
    ).pl()
    assert notes.height == 2
    for note in notes["cleaning_note"]:
        assert note, "an OCR repair must carry a cleaning note"


def test_changzhi_quotes_stay_in_traditional_characters(con):
    quote = one_value(con, "changzhi_007")["source_quote"]
    assert "萬元" in quote and "补助" not in quote


def test_binding_and_expected_obligations_from_sipings_table(con):
    obligations = dict(
        con.execute(
            """
            select value_id, obligation from marts.fct_indicator_values
            where value_id in ('siping_034', 'siping_038')
            """
        ).fetchall()
    )
    assert obligations == {"siping_034": "expected", "siping_038": "binding"}


def test_every_jurisdiction_has_figures_and_targets(con):
    counts = dict(
        con.execute(
            """
            select jurisdiction_slug, n_targets from marts.dim_documents
            """
        ).fetchall()
    )
    assert set(counts) == {"changzhi", "siping", "zhoukou", "lincang", "ganzi"}
    assert all(n > 0 for n in counts.values())


def test_nursing_bed_share_is_one_code_for_siping_lincang_and_ganzi(con):
    jurisdictions = {
        row[0]
        for row in con.execute(
            """
            select distinct jurisdiction_slug from marts.fct_indicator_values
            where indicator_code = 'nursing_bed_share_elderly_institutions' and value_kind = 'target'
            """
        ).fetchall()
    }
    assert jurisdictions == {"siping", "lincang", "ganzi"}
    zhoukou_scope = con.execute(
        """
        select indicator_code from marts.fct_indicator_values where value_id = 'zhoukou_021'
        """
    ).fetchone()
    assert zhoukou_scope == ("nursing_bed_share_destitute_support_facilities",)


def test_ganzi_institutions_and_beds_are_captured_with_their_parts(con):
    totals = con.execute(
        """
        select parent_value_id, sum(value) as parts
        from marts.fct_indicator_values
        where parent_value_id in ('ganzi_001', 'ganzi_002')
        group by parent_value_id
        order by parent_value_id
        """
    ).fetchall()
    assert totals == [("ganzi_001", 49), ("ganzi_002", 3712)]


def test_ganzi_childcare_slots_gap(con):
    gap = one_gap(con, "ganzi_2023_yilao_yixiao_plan_draft__childcare_slots")
    assert (gap["baseline_year"], gap["baseline_value"]) == (2020, 341)
    assert (gap["target_year"], gap["target_value"]) == (2025, 3400)
    assert gap["absolute_gap"] == 3059
    assert gap["relative_change"] == pytest.approx(3059 / 341)
    assert gap["required_annual_growth_rate"] == pytest.approx((3400 / 341) ** (1 / 5) - 1)


def test_gap_without_a_baseline_stays_visible(con):
    gap = one_gap(con, "lincang_2022_care_services_plan__childcare_slots_per_1000_population")
    assert gap["target_value"] == 3
    assert gap["has_baseline"] is False
    assert gap["baseline_value"] is None and gap["absolute_gap"] is None


def test_zhoukou_village_stations_disagreement_is_kept(con):
    gap = one_gap(con, "zhoukou_2024_elderly_care_supervision_plan__village_standard_elderly_service_stations")
    assert gap["target_value"] == 60
    assert gap["n_target_statements"] == 3
    assert gap["target_values_disagree"] is True
    printed = sorted(
        row[0]
        for row in con.execute(
            """
            select value from marts.fct_indicator_values
            where indicator_code = 'village_standard_elderly_service_stations' and jurisdiction_slug = 'zhoukou'
            """
        ).fetchall()
    )
    assert printed == [60, 60, 600]


def test_zhoukou_county_columns_tie_out_to_the_city_totals(con):
    sums = dict(
        con.execute(
            """
            select indicator_code, sum(value) from marts.fct_county_allocations group by indicator_code
            """
        ).fetchall()
    )
    assert sums == {
        "elderly_meal_service_sites": 700,
        "home_age_friendly_renovation_households": 8890,
        "township_nursing_homes_converted_to_regional_centres": 40,
        "village_standard_elderly_service_stations": 60,
        "elderly_care_worker_training_person_times": 5000,
    }


def test_zhoukou_shangshui_share_of_meal_sites(con):
    row = con.execute(
        """
        select value, city_total_value, share_of_city_total from marts.fct_county_allocations
        where county_slug = 'shangshui' and indicator_code = 'elderly_meal_service_sites'
        """
    ).fetchone()
    assert row[0] == 71 and row[1] == 700
    assert row[2] == pytest.approx(71 / 700)


def test_not_applicable_is_not_zero(con):
    cells = con.execute(
        """
        select county_slug, value, is_applicable, raw_text from marts.fct_county_allocations
        where indicator_code = 'township_nursing_homes_converted_to_regional_centres'
            and county_slug in ('chuanhui', 'huangfanqu_farm')
        order by county_slug
        """
    ).fetchall()
    assert cells == [("chuanhui", None, False, "/"), ("huangfanqu_farm", None, False, "/")]
    zero = con.execute(
        """
        select value, is_applicable from marts.fct_county_allocations
        where indicator_code = 'village_standard_elderly_service_stations' and county_slug = 'chuanhui'
        """
    ).fetchone()
    assert zero == (0, True)
