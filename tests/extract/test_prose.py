"""Figures stated in running prose: kinds, years, comparators, hedges, sections, codes, quotes."""

from tests.extract.conftest import essentials
from yilao_yixiao.provenance import normalise

JIANGAN = """江安市养老托育服务发展实施方案

一、发展基础

截至2022年底，全市共有养老机构36所，养老床位4820张，护理型床位占比为41.5%。全市常住人口86.3万人，60岁以上老年人口19.02万人。

二、主要目标

到2026年，全市养老服务床位达到6000张以上，护理型床位占比不低于60%，力争每千人口拥有3岁以下婴幼儿托位数达到4.2个。建成老年助餐服务场所约150个，完成特殊困难老年人家庭适老化改造不少于1200户。

三、保障措施

（一）加强资金保障。市财政每年安排养老服务专项资金1.25亿元。每个托位建筑面积原则上不少于8平方米。
"""


def test_a_plan_in_prose_gives_one_row_per_figure(extractor):
    rows = extractor.extract(JIANGAN, "jiangan_2023_plan")
    assert essentials(rows) == [
        ("elderly_care_institutions", "baseline", "2022", "36", "eq", "false", "", "36所"),
        ("elderly_care_beds", "baseline", "2022", "4820", "eq", "false", "", "4820张"),
        ("nursing_bed_share", "baseline", "2022", "41.5", "eq", "false", "", "41.5%"),
        ("resident_population", "context", "2022", "863000", "eq", "false", "", "86.3万人"),
        ("elderly_population_60_plus", "context", "2022", "190200", "eq", "false", "", "19.02万人"),
        ("elderly_care_beds", "target", "2026", "6000", "ge", "false", "", "6000张以上"),
        ("nursing_bed_share", "target", "2026", "60", "ge", "false", "", "60%"),
        ("childcare_slots_per_1000", "target", "2026", "4.2", "eq", "true", "", "4.2个"),
        ("meal_sites", "target", "2026", "150", "approx", "false", "", "约150个"),
        ("home_renovation_households", "target", "2026", "1200", "ge", "false", "", "1200户"),
        ("elderly_care_fund", "standard", "", "125000000", "eq", "false", "", "1.25亿元"),
        ("slot_floor_area", "standard", "", "8", "ge", "false", "", "8平方米"),
    ]


def test_rows_cite_their_section_and_a_verbatim_quote_at_its_offsets(extractor):
    rows = extractor.extract(JIANGAN, "jiangan_2023_plan")
    assert [r.value_id for r in rows[:2]] == ["jiangan_2023_plan_001", "jiangan_2023_plan_002"]
    assert rows[0].source_section == "一、发展基础"
    assert rows[-1].source_section == "三、保障措施 （一）加强资金保障"
    assert rows[0].source_quote == "全市共有养老机构36所"
    for row in rows:
        assert JIANGAN[row.char_start : row.char_end] == row.source_quote
        assert normalise(row.raw_text) in normalise(row.source_quote)


def test_cleaning_notes_say_what_was_inferred(extractor):
    rows = {r.raw_text: r for r in extractor.extract(JIANGAN, "jiangan_2023_plan")}
    assert rows["86.3万人"].cleaning_note == "86.3万 = 863000; year from 截至2022年底 earlier in the paragraph"
    assert rows["约150个"].cleaning_note == "year from 到2026年 stated at the start of 二、主要目标"
    assert rows["4.2个"].cleaning_note == ""


NANXI = """南溪縣促進養老托育服務健康發展實施方案

二、工作目標
到2027年，全縣養老機構護理型床位佔比達到65%，每個社區具有一處社區養老服務站，構建“一刻鐘”居家養老服務圈，新增托位兩千個。
"""


def test_traditional_script_is_matched_and_quoted_in_its_own_script(extractor):
    rows = extractor.extract(NANXI, "nanxi")
    assert essentials(rows) == [
        ("nursing_bed_share", "target", "2027", "65", "eq", "false", "", "65%"),
        ("service_stations_per_community", "target", "2027", "1", "eq", "false", "", "一處"),
        ("home_care_circle_minutes", "target", "2027", "15", "le", "false", "", "一刻鐘"),
        ("childcare_slots", "target", "2027", "2000", "eq", "false", "", "兩千個"),
    ]
    assert rows[0].source_quote == "全縣養老機構護理型床位佔比達到65%"
    assert rows[3].cleaning_note == "Chinese numeral 两千 = 2000"


def test_a_figure_of_an_unknown_concept_gets_no_code_and_a_proposed_name(extractor):
    rows = extractor.extract("到2025年，建成老年驿站12个，推动两项改革。", "d")
    assert essentials(rows) == [("", "target", "2025", "12", "eq", "false", "", "12个")]
    assert rows[0].cleaning_note == "no codebook concept fits; proposed concept: 建成老年驿站"
    assert rows[0].match_score == ""


def test_ranges_give_a_low_and_a_high_row(extractor):
    rows = extractor.extract("到2024年，每个县规划建设2至4所养老机构，培育1—2个养老示范社区。", "d")
    assert [(r.value, r.comparator, r.labeller, r.raw_text) for r in rows] == [
        ("2", "ge", "range.low", "2至4所"),
        ("4", "le", "range.high", "2至4所"),
        ("1", "ge", "range.low", "1—2个"),
        ("2", "le", "range.high", "1—2个"),
    ]


def test_hedges_and_approximations(extractor):
    text = (
        "截至2021年底，全市老年人近9万人，养老机构床位3000余张。\n"
        "力争到2025年，护理型床位占比达到50%左右。\n"
        "争取建成助餐点超过80个。"
    )
    rows = extractor.extract(text, "d")
    assert [(r.value, r.comparator, r.is_aspirational, r.value_kind, r.period_year) for r in rows] == [
        ("90000", "approx", "false", "baseline", "2021"),
        ("3000", "approx", "false", "baseline", "2021"),
        ("50", "approx", "true", "target", "2025"),
        ("80", "gt", "true", "target", ""),
    ]


def test_a_figure_without_a_stated_year_keeps_an_empty_year(extractor):
    rows = extractor.extract("各县应建设养老机构不少于3所。\n", "d")
    assert [(r.value, r.period_year, r.value_kind) for r in rows] == [("3", "", "target")]


def test_five_year_plan_end_and_deadline_years(extractor):
    text = "“十四五”末，全市养老床位达到5200张。2024年底前建成老年助餐服务场所120个。"
    rows = extractor.extract(text, "d")
    assert [(r.value, r.period_year, r.value_kind, r.comparator, r.labeller) for r in rows] == [
        ("5200", "2025", "target", "eq", "prose.figure"),
        # The deadline is a target of its own (no later than 2024), and it dates the figure after it.
        ("2024", "2024", "target", "le", "prose.deadline"),
        ("120", "2024", "target", "eq", "prose.figure"),
    ]
    assert rows[0].cleaning_note == "十四五末 read as 2025"


def test_an_annual_plan_dates_its_undated_goals_by_its_title(extractor):
    text = "关于印发2025年养老服务工作要点的通知\n\n一、重点任务\n全市新建老年助餐服务场所不少于90个。\n"
    rows = extractor.extract(text, "d")
    assert [(r.value, r.period_year) for r in rows] == [("90", "2025")]
    assert rows[0].cleaning_note == "year 2025 from the title of an annual plan"


def test_one_figure_stated_for_two_listed_concepts_gives_a_row_each(extractor):
    text = "到2026年，特殊困难老年人月探访率、护理型床位占比均达到70%以上。"
    rows = extractor.extract(text, "d")
    assert [(r.indicator_code, r.value, r.comparator, r.period_year, r.labeller) for r in rows] == [
        ("visit_rate", "70", "ge", "2026", "prose.figure"),
        ("nursing_bed_share", "70", "ge", "2026", "prose.shared_figure"),
    ]
    assert rows[0].source_quote == rows[1].source_quote == "特殊困难老年人月探访率、护理型床位占比均达到70%以上"


def test_a_list_of_places_before_one_rate_is_one_figure(extractor):
    rows = extractor.extract("到2026年，城市社区、农村社区的老年助餐服务覆盖面达到60%。", "d")
    assert [r.value for r in rows] == ["60"]


def test_existing_housing_estates_are_a_norm_not_a_baseline(extractor):
    rows = extractor.extract("三、保障措施\n已建成小区按照每百户不低于20平方米的标准补建养老服务设施。\n", "d")
    assert [(r.value, r.value_kind, r.comparator) for r in rows] == [("20", "standard", "ge")]


TONGZI = """桐梓县“十四五”养老服务体系建设规划

第一章 发展基础

“十三五”期间，全县累计建成养老机构１８所，养老床位总数达到２６５０张，每千名老年人拥有养老床位31.2张。

第二章 发展目标

到2025年底，全县养老床位总数达到3200张，每千人口拥有3岁以下婴幼儿托位数达到4.5个。
"""


def test_chapters_past_plan_periods_and_rates_per_thousand(extractor):
    rows = extractor.extract(TONGZI, "tongzi")
    assert essentials(rows) == [
        ("elderly_care_institutions", "baseline", "2020", "18", "eq", "false", "", "１８所"),
        ("elderly_care_beds", "baseline", "2020", "2650", "eq", "false", "", "２６５０张"),
        # Beds per thousand older people: no such concept in this codebook, and plain beds do not fit a rate.
        ("", "baseline", "2020", "31.2", "eq", "false", "", "31.2张"),
        ("elderly_care_beds", "target", "2025", "3200", "eq", "false", "", "3200张"),
        ("childcare_slots_per_1000", "target", "2025", "4.5", "eq", "false", "", "4.5个"),
    ]
    assert rows[0].source_section == "第一章 发展基础"
    assert rows[0].cleaning_note == "year 2020: end of the 十三五 period the sentence reports on"


def test_respectively_pairs_each_figure_with_its_name(extractor):
    text = "截至2023年底，全区养老机构、养老床位、老年助餐服务场所分别达到12所、1800张、64个。"
    rows = extractor.extract(text, "d")
    assert [(r.indicator_code, r.value, r.value_kind, r.period_year) for r in rows] == [
        ("elderly_care_institutions", "12", "baseline", "2023"),
        ("elderly_care_beds", "1800", "baseline", "2023"),
        ("meal_sites", "64", "baseline", "2023"),
    ]


def test_a_short_clause_does_not_match_every_longer_name_containing_it(extractor):
    rows = extractor.extract("截至2022年底，全县养老机构共有9所，床位860张，占比12%。", "d")
    assert [(r.indicator_code, r.value) for r in rows] == [
        ("elderly_care_institutions", "9"),
        ("elderly_care_beds", "860"),
        ("", "12"),
    ]


def test_a_present_state_takes_the_year_of_the_date_of_issue(extractor):
    text = "白河市人民政府办公室\n2023年11月2日\n\n二、重点任务\n支持现有的14所养老机构改造升级，新建养老机构3所。\n"
    rows = extractor.extract(text, "d")
    assert [(r.value, r.value_kind, r.period_year) for r in rows] == [("14", "baseline", "2023"), ("3", "target", "")]
    assert rows[0].cleaning_note == "year 2023: a present state (现有, 目前) on the date of issue 2023年11月2日"


def test_start_years_percentage_points_per_mille_and_spelled_out_ten_thousands(extractor):
    text = (
        "截至2020年底，全市常住人口三万人，出生率为7.2‰，老龄化率较2015年上升2.4个百分点。\n"
        "从2023年起，每年新增养老床位不少于200张。\n"
    )
    rows = extractor.extract(text, "d")
    assert [(r.value, r.raw_text, r.value_kind, r.period_year, r.comparator) for r in rows] == [
        ("30000", "三万人", "context", "2020", "eq"),
        ("7.2", "7.2‰", "context", "2020", "eq"),
        ("2.4", "2.4个百分点", "context", "2020", "eq"),
        ("200", "200张", "target", "2023", "ge"),
    ]


def test_per_cent_spelled_out(extractor):
    rows = extractor.extract("到2025年，护理型床位占比达到百分之五十以上。", "d")
    assert essentials(rows) == [("nursing_bed_share", "target", "2025", "50", "ge", "false", "", "百分之五十以上")]
    assert rows[0].cleaning_note == "百分之五十 = 50%"


def test_durations_only_where_the_words_make_them_one(extractor):
    text = "鼓励放宽租赁期限，租赁期不少于5年，自移交之日起30日内完成备案。实施三年行动计划，2024年内完成。"
    rows = extractor.extract(text, "d")
    assert [(r.value, r.raw_text, r.comparator, r.value_kind) for r in rows] == [
        ("5", "5年", "ge", "standard"),
        ("30", "30日内", "le", "standard"),
    ]


def test_words_that_state_a_figure_count_only_for_a_known_concept(extractor):
    text = "到2025年，特殊困难老年人月探访实现全覆盖，政务服务实现全覆盖。"
    rows = extractor.extract(text, "d")
    assert [(r.indicator_code, r.value, r.raw_text, r.labeller) for r in rows] == [
        ("visit_rate", "100", "全覆盖", "prose.word"),
    ]
    assert rows[0].cleaning_note == "全覆盖 read as 100 % coverage"


def test_start_years_and_ratios_are_values_of_rules_when_a_concept_fits(extractor):
    codebook_free = "2019年以来新建小区配套不足。公益性岗位按30:1配备。"
    assert extractor.extract(codebook_free, "d") == []


def test_start_years_and_ratios_of_known_rules(tmp_path):
    from yilao_yixiao.extract.codebook_match import Codebook, Concept
    from yilao_yixiao.extract.extractor import Extractor

    extractor = Extractor(
        Codebook(
            [
                Concept("audit_start_year", "配套设施清查起始年份", "year", "land_and_facilities"),
                Concept("users_per_post", "服务对象数与公益性岗位配比", "ratio", "workforce"),
            ],
            [("audit_start_year", "清查新建小区配套"), ("users_per_post", "公益性岗位")],
        )
    )
    rows = extractor.extract("全面清查2019年以来新建小区配套情况。公益性岗位按30:1配备。", "d")
    assert [(r.indicator_code, r.value, r.value_kind, r.comparator, r.period_year) for r in rows] == [
        ("audit_start_year", "2019", "standard", "ge", ""),
        ("users_per_post", "30", "standard", "eq", ""),
    ]


def test_a_goal_does_not_take_the_year_of_an_earlier_sentence(extractor):
    text = "一、总体要求\n坚持普惠优先。到2026年，全市养老床位达到6000张。建成老年助餐服务场所150个。\n"
    rows = extractor.extract(text, "d")
    assert [(r.value, r.period_year) for r in rows] == [("6000", "2026"), ("150", "")]


def test_a_section_that_opens_with_a_horizon_dates_its_goals(extractor):
    text = "（三）发展目标。到2026年，全市养老床位达到6000张。建成老年助餐服务场所150个。\n"
    rows = extractor.extract(text, "d")
    assert [(r.value, r.period_year) for r in rows] == [("6000", "2026"), ("150", "2026")]
    assert rows[1].cleaning_note == "year from 到2026年 stated at the start of （三）发展目标"
