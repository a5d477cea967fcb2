"""Concept rules of CODEBOOK.md ("Indicators", "Units"): each holds for every row of every plan."""

from __future__ import annotations

import re


def listed_units(codebook_text: str) -> set[str]:
    section = codebook_text.split("## Units", 1)[1].split("\n## ", 1)[0]
    first_paragraph = section.strip().split("\n\n", 1)[0]
    return {unit.strip().rstrip(".") for unit in first_paragraph.replace("\n", " ").split(",")}


def test_every_indicator_unit_is_a_codebook_unit(indicators, codebook_text):
    units = listed_units(codebook_text)
    unlisted = {code: row["unit"] for code, row in indicators.items() if row["unit"] not in units}
    assert not unlisted, f"units missing from CODEBOOK.md's Units list: {unlisted}"


def test_a_daily_or_yearly_amount_carries_its_time_base_in_the_unit(values, indicators):
    """日客流量 is persons per day, 每年预算 yuan per year: a bare persons/yuan unit hides the time base."""
    time_bases = {"日客流量": "per_day", "每年预算": "per_year"}
    wrong = [
        (row["value_id"], indicators[row["indicator_code"]]["unit"])
        for row in values
        for words, suffix in time_bases.items()
        if words in row["source_quote"]
        and row["raw_text"] in row["source_quote"].split(words, 1)[1]
        and not indicators[row["indicator_code"]]["unit"].endswith(suffix)
    ]
    assert not wrong


def test_newly_built_counts_are_flows_with_their_own_code(values, indicators):
    """新建…N个 counts what was built over a period, never the stock a 'centres' code measures."""
    flows = [row for row in values if re.search(r"新建[^,，。;；]*" + re.escape(row["raw_text"]), row["source_quote"])]
    wrong = [
        row["value_id"]
        for row in flows
        if row["value_kind"] != "standard"
        and not row["indicator_code"].endswith(("_built", "_added", "_new"))
        and not row["indicator_code"].startswith("new_")
    ]
    assert not wrong, f"newly built counts coded as stocks: {wrong}"


def test_an_ageing_share_pairs_with_the_age_base_its_plan_gives(values):
    """ageing_rate is only for a 老龄化率 with no base: a plan that states a 60+ or 65+ share codes it by age."""
    plans_with_age_bases = {
        row["document_id"]
        for row in values
        if row["indicator_code"] in {"elderly_population_60_plus_share", "elderly_population_65_plus_share"}
    }
    unpaired = [
        row["value_id"]
        for row in values
        if row["indicator_code"] == "ageing_rate" and row["document_id"] in plans_with_age_bases
    ]
    assert not unpaired, f"ageing rates coded without the age base their plan states: {unpaired}"


def test_the_flow_pattern_reads_a_plan_written_here():
    quote = "新建乡镇托育点12个,改扩建中心3个"
    assert re.search(r"新建[^,，。;；]*" + re.escape("12个"), quote)
    assert not re.search(r"新建[^,，。;；]*" + re.escape("3个"), quote)
