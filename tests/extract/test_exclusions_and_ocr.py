"""Numbers that are not figures, and OCR damage repaired with a note."""

from tests.extract.conftest import essentials

NOT_FIGURES = """北岭市人民政府办公室关于印发北岭市养老服务体系建设方案的通知
北政办〔2024〕7号

各县（市、区）人民政府：
根据《河北省养老服务条例》（2021年9月1日起施行）和《“十四五”国家老龄事业发展和养老服务体系规划》，制定本方案。
一、总体要求
（一）基本原则。坚持第一要务，推动一老一小工作，实施“一人一档”“一户一策”。
（二）适用范围。60岁以上老年人和0—3岁婴幼儿家庭。
联系人：王明，联系电话：0311-86012345，13812345678，电子邮箱：beiling_mz@126.com。
征求意见时间为2024年5月6日至2024年6月5日。
北岭市人民政府办公室
2024年4月28日
"""


def test_document_numbers_dates_citations_items_ages_phones_and_mails_are_not_figures(extractor):
    assert extractor.extract(NOT_FIGURES, "beiling") == []


def test_an_age_stated_as_a_threshold_is_a_figure(extractor):
    rows = extractor.extract("对年满70周岁的老年人发放高龄津贴。", "d")
    assert [(r.value, r.raw_text) for r in rows] == [("70", "70周岁")]


DONGCHUAN_OCR = (
    "1、东川市老龄事业发展规划。全市已建成养老机构2O所,养老床位150O张。\n"
    "2、到2025年,护理型床位占比不低于55%o特殊困难老年人月探访率达到100%。截至20\n"
    "3、20年底,全市常住人口52.6万人。\n"
    "4、总体要求。\n"
    "5、强化保障。\n"
)


def test_ocr_damage_is_repaired_for_the_value_and_kept_in_the_quote(extractor):
    rows = extractor.extract(DONGCHUAN_OCR, "dongchuan")
    assert essentials(rows) == [
        ("elderly_care_institutions", "baseline", "", "20", "eq", "false", "", "2O所"),
        ("elderly_care_beds", "baseline", "", "1500", "eq", "false", "", "150O张"),
        ("nursing_bed_share", "target", "2025", "55", "ge", "false", "", "55%"),
        # "%o" was "%。": the visit rate is a sentence of its own and states no year.
        ("visit_rate", "target", "", "100", "eq", "false", "", "100%"),
        ("resident_population", "context", "2020", "526000", "eq", "false", "", "52.6万人"),
    ]
    assert [r.cleaning_note for r in rows[:3]] == [
        "OCR letter O read as digit 0",
        "OCR letter O read as digit 0",
        "OCR %o read as %。 (per cent and full stop)",
    ]
    assert rows[1].source_quote == "养老床位150O张"
    # The year broken by a page number ("截至20" + "3、20年底") is read across the break: 2020, not empty.
    assert rows[4].source_quote == "全市常住人口52.6万人"


def test_a_share_that_selects_the_places_counted_is_not_a_figure(extractor):
    rows = extractor.extract("2020年，全市65岁以上人口比重超过14%的县(区)有5个，力争80%以上的养老机构达标。", "d")
    assert [(r.value, r.raw_text) for r in rows] == [("5", "5个"), ("80", "80%以上")]


def test_a_share_of_places_that_must_have_something_is_a_figure(extractor):
    rows = extractor.extract("到2025年，60%以上的乡镇建有1所综合养老服务中心。", "d")
    assert [(r.value, r.raw_text) for r in rows][:1] == [("60", "60%以上")]


def test_the_web_pages_counters_are_not_figures(extractor):
    assert extractor.extract("发布时间：2024-03-01 浏览次数：356次 字号：大 中 小\n", "d") == []
