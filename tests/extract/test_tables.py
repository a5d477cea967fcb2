"""Indicator tables laid out one cell per line: year columns, attribute column, cells that state nothing."""

from tests.extract.conftest import essentials

XIPING_TABLE = """（二）主要指标

表1：西平市“十四五”养老托育主要指标

指标名称

2020年

2023年

2025年

指标属性

养老方面

养老服务床位数(张)

3100

3600

4000

约束性

护理型床位占比(%)

32

——

≥55

约束性

托育方面

3岁以下婴幼儿托位数(个)

/

900

1500

预期性

每千人口拥有3岁以下婴幼儿托位数(个)

0.5

4.5

预期值

（三）重点任务

全市新建老年助餐服务场所20个。
"""


def test_three_year_columns_and_an_attribute_column(extractor):
    rows = extractor.extract(XIPING_TABLE, "xiping")
    assert essentials(rows) == [
        ("elderly_care_beds", "baseline", "2020", "3100", "eq", "false", "", "3100"),
        ("elderly_care_beds", "target", "2023", "3600", "eq", "false", "binding", "3600"),
        ("elderly_care_beds", "target", "2025", "4000", "eq", "false", "binding", "4000"),
        ("nursing_bed_share", "baseline", "2020", "32", "eq", "false", "", "32"),
        ("nursing_bed_share", "target", "2025", "55", "ge", "false", "binding", "≥55"),
        ("childcare_slots", "target", "2023", "900", "eq", "false", "expected", "900"),
        ("childcare_slots", "target", "2025", "1500", "eq", "false", "expected", "1500"),
        # Two cells under three year columns belong to the last two.
        ("childcare_slots_per_1000", "target", "2023", "0.5", "eq", "false", "expected", "0.5"),
        ("childcare_slots_per_1000", "target", "2025", "4.5", "eq", "false", "expected", "4.5"),
        ("meal_sites", "target", "", "20", "eq", "false", "", "20个"),
    ]
    assert {r.labeller for r in rows[:-1]} == {"table.cell"}
    assert rows[-1].labeller == "prose.figure"


def test_a_table_row_quotes_its_name_and_cells(extractor):
    rows = extractor.extract(XIPING_TABLE, "xiping")
    assert rows[4].source_quote == "护理型床位占比(%) 32 —— ≥55"
    assert rows[4].source_section == "（二）主要指标"
    start = XIPING_TABLE.index("护理型床位占比")
    assert (rows[4].char_start, rows[4].char_end) == (start, XIPING_TABLE.index("≥55") + 3)


def test_inline_table_rows_take_their_attribute(extractor):
    text = "主要指标2025年目标值指标属性1.养老服务床位达到7000张以上预期性2.特殊困难老年人月探访率达到100%约束性"
    rows = extractor.extract(text, "d")
    assert essentials(rows) == [
        ("elderly_care_beds", "target", "2025", "7000", "ge", "false", "expected", "7000张以上"),
        ("visit_rate", "target", "2025", "100", "eq", "false", "binding", "100%"),
    ]
    assert rows[1].source_quote == "特殊困难老年人月探访率达到100%约束性"


ALLOCATION = """一、重点任务
全市新建养老服务场所。

附件：2025年任务分解表

县（市、区）

老年助餐服务场所(个)

适老化改造(户)

东城区

12

300

西城区

/

250

合计

12

550
"""


def test_an_allocation_table_proposes_its_total_row_only(extractor):
    rows = extractor.extract(ALLOCATION, "d")
    assert essentials(rows) == [
        ("meal_sites", "target", "", "12", "eq", "false", "", "12"),
        ("home_renovation_households", "target", "", "550", "eq", "false", "", "550"),
    ]
    assert {r.labeller for r in rows} == {"table.total"}
    assert rows[0].source_quote == "合计 12 550"


YUNXI = """雲溪區「十四五」養老服務發展規劃

一、發展現狀
截至2020年底，全區共有養老機構27家，床位2,360張，其中護理型床位占比38%。全區60歲以上老年人口4.6萬人，老齡化率達到19.3%。

二、主要指標

指標

2020年

2025年

屬性

養老機構護理型床位占比(%)

38

≥55

約束性

每千名老年人配備社會工作者人數(人)

0.3

1

預期性

三、重點任務
（一）力爭到2025年，全區建成街道綜合養老服務中心6個，農村互助養老服務點覆蓋率達到80％左右。
"""


def test_a_traditional_script_plan_with_a_table_and_numbered_paragraphs(extractor):
    rows = extractor.extract(YUNXI, "yunxi")
    assert essentials(rows) == [
        ("elderly_care_institutions", "baseline", "2020", "27", "eq", "false", "", "27家"),
        ("elderly_care_beds", "baseline", "2020", "2360", "eq", "false", "", "2,360張"),
        ("nursing_bed_share", "baseline", "2020", "38", "eq", "false", "", "38%"),
        ("elderly_population_60_plus", "context", "2020", "46000", "eq", "false", "", "4.6萬人"),
        ("", "context", "2020", "19.3", "eq", "false", "", "19.3%"),
        ("nursing_bed_share", "baseline", "2020", "38", "eq", "false", "", "38"),
        ("nursing_bed_share", "target", "2025", "55", "ge", "false", "binding", "≥55"),
        ("", "baseline", "2020", "0.3", "eq", "false", "", "0.3"),
        ("", "target", "2025", "1", "eq", "false", "expected", "1"),
        ("", "target", "2025", "6", "eq", "true", "", "6個"),
        ("", "target", "2025", "80", "approx", "true", "", "80％左右"),
    ]
    assert rows[1].cleaning_note == "thousands separator: 2,360 = 2360"
    assert rows[-1].source_section == "三、重點任務 （一）"
    assert rows[6].source_quote == "養老機構護理型床位占比(%) 38 ≥55"
