"""Consistency checks hold the relations the documents make, at the precision they were printed with."""

import pytest

# The documents whose figures these tests assert (check ids are built from document_id).
ZHOUKOU = "zhoukou_2024_elderly_care_supervision_plan"
GANZI = "ganzi_2023_yilao_yixiao_plan_draft"
LINCANG = "lincang_2022_care_services_plan"


def check(con, check_id: str) -> dict:
    rows = con.sql(f"select * from marts.fct_consistency_checks where check_id = '{check_id}'").pl().to_dicts()
    assert len(rows) == 1, check_id
    return rows[0]


def test_zhoukou_meal_sites_tie_out(con):
    row = check(con, f"{ZHOUKOU}__parts_sum__county_allocations__elderly_meal_service_sites")
    assert (row["stated_value"], row["computed_value"], row["status"]) == (700, 700, "pass")
    assert row["check_kind"] == "parts_sum_to_total"
    assert "合计 700 8890 40 60 5000" in row["source_quotes"]


@pytest.mark.parametrize(
    ("indicator_code", "total"),
    [
        ("home_age_friendly_renovation_households", 8890),
        ("township_nursing_homes_converted_to_regional_centres", 40),
        ("village_standard_elderly_service_stations", 60),
        ("elderly_care_worker_training_person_times", 5000),
    ],
)
def test_zhoukou_other_columns_tie_out(con, indicator_code, total):
    row = check(con, f"{ZHOUKOU}__parts_sum__county_allocations__{indicator_code}")
    assert (row["stated_value"], row["computed_value"], row["status"]) == (total, total, "pass")


def test_ganzi_institutions_and_beds_by_type(con):
    institutions = check(con, f"{GANZI}__parts_sum__ganzi_001__institution_type")
    beds = check(con, f"{GANZI}__parts_sum__ganzi_002__institution_type")
    assert (institutions["stated_value"], institutions["computed_value"], institutions["status"]) == (49, 49, "pass")
    assert (beds["stated_value"], beds["computed_value"], beds["status"]) == (3712, 3712, "pass")


def test_ganzi_occupancy_recomputed_within_printed_precision(con):
    row = check(con, f"{GANZI}__occupancy_rate_of_county_public_institutions")
    assert (row["stated_lower"], row["stated_upper"]) == pytest.approx((25.55, 25.65))
    assert row["computed_value"] == pytest.approx(890 / 3476 * 100)
    assert row["status"] == "pass"


def test_ganzi_elderly_share_passes_only_because_of_printed_precision(con):
    # 12.59万 / 110.74万 = 11.369 %, printed 11.36 %: the intervals [11.355, 11.365] and
    # [125850/1107450, 125950/1107350] = [11.3639, 11.3740] touch, so the figures are compatible.
    row = check(con, f"{GANZI}__elderly_60_plus_share_recomputed__ganzi_047")
    assert row["computed_value"] == pytest.approx(125900 / 1107400 * 100)
    assert row["computed_lower"] == pytest.approx(125850 / 1107450 * 100)
    assert row["computed_upper"] == pytest.approx(125950 / 1107350 * 100)
    assert row["stated_upper"] == pytest.approx(11.365)
    assert row["status"] == "pass"


def test_ganzi_slot_target_contradicts_its_per_1000_norm(con):
    row = check(con, f"{GANZI}__slots_target_implied_by_per_1000_norm__ganzi_102")
    assert row["stated_value"] == 3400
    assert row["computed_value"] == pytest.approx(4.5 * 1136600 / 1000)
    assert row["status"] == "fail"
    assert row["is_known_finding"] is True and row["finding_status"] == "open"


def test_lincang_yearly_pace_implies_the_2025_total(con):
    row = check(con, f"{LINCANG}__renovations_implied_by_yearly_pace_tasks")
    assert (row["stated_value"], row["computed_value"], row["status"]) == (1000, 1000, "pass")


def test_zhoukou_600_versus_60_village_stations_is_a_registered_finding(con):
    row = check(con, f"{ZHOUKOU}__restated__village_standard_elderly_service_stations__target__2024")
    assert (row["stated_value"], row["computed_value"], row["status"]) == (600, 60, "fail")
    assert row["is_known_finding"] is True


def test_hundred_percent_or_more_is_flagged(con):
    row = check(con, f"{GANZI}__share_at_most_100__ganzi_060")
    assert row["status"] == "fail" and "100%以上" in row["source_quotes"]


def test_only_registered_findings_fail(con):
    failing = {
        row[0]: row[1]
        for row in con.execute(
            "select check_id, is_known_finding from marts.fct_consistency_checks where status = 'fail'"
        ).fetchall()
    }
    registered = {row[0] for row in con.execute("select check_id from staging.stg_audit_findings").fetchall()}
    assert set(failing) == registered
    assert all(failing.values())


def figures(con, check_id: str) -> list[tuple]:
    return con.execute(
        "select value_id, value_role, figure_table from marts.fct_consistency_check_values"
        " where check_id = ? order by value_position",
        [check_id],
    ).fetchall()


def test_a_declared_relation_lists_its_operands_by_role(con):
    assert figures(con, f"{GANZI}__occupancy_rate_of_county_public_institutions") == [
        ("ganzi_008", "stated", "indicator_values"),
        ("ganzi_007", "left_operand", "indicator_values"),
        ("ganzi_006", "right_operand", "indicator_values"),
    ]


def test_an_annex_column_lists_its_total_and_every_county_cell(con):
    rows = figures(
        con, f"{ZHOUKOU}__parts_sum__county_allocations__township_nursing_homes_converted_to_regional_centres"
    )
    assert rows[0] == ("zhoukou_035", "total", "indicator_values")
    cells = rows[1:]
    assert len(cells) == 12 and {role for _, role, _ in cells} == {"county_cell"}
    assert {table for _, _, table in cells} == {"county_allocations"}


def test_the_joined_lists_are_the_bridge_rows_in_order(con):
    mismatched = con.execute(
        """
        select checks.check_id
        from marts.fct_consistency_checks as checks
        inner join (
            select check_id, string_agg(value_id, ',' order by value_position) as value_ids
            from marts.fct_consistency_check_values group by check_id
        ) as bridge on checks.check_id = bridge.check_id
        where checks.value_ids <> bridge.value_ids
        """
    ).fetchall()
    assert mismatched == []
    assert con.execute("select count(distinct check_id) from marts.fct_consistency_check_values").fetchone() == (
        con.execute("select count(*) from marts.fct_consistency_checks").fetchone()
    )


def test_zhoukou_annex_is_twelve_units_by_five_measures(con):
    shape = con.execute(
        "select count(distinct county_slug), count(distinct indicator_code), count(*),"
        " sum(case when is_applicable then 0 else 1 end)"
        " from marts.fct_county_allocations where document_id = ?",
        [ZHOUKOU],
    ).fetchone()
    assert shape == (12, 5, 60, 3)
