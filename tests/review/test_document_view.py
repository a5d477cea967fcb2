"""The shared document renderer on plan-like texts written here (an invented city, its own numbers)."""

from __future__ import annotations

from html.parser import HTMLParser

from yilao_yixiao.document_view import (
    Heading,
    Highlight,
    Paragraph,
    Table,
    locate_figure,
    locate_quote,
    parse_blocks,
    render_document,
    stylesheet,
    title_line,
)

PLAN = """青川市人民政府办公室
关于印发青川市养老托育服务
高质量发展行动方案的通知
青政办〔2025〕7号
一、发展目标
（一）总体目标
到2027年，全市养老床位达到 6200 张，护理型床位占比不低于60%。
主要指标
指标
2022年
2027年
指标属性
养老服务
养老机构护理型床位占比
48%
60%
约束性
每千人口托位数
（常住人口口径）
2.1个
4个
预期性
普惠托位占比
≥70%
预期性
二、重点任务
1.完善居家服务。
城区街道综合养老服务中心覆盖率达到 100%。
"""


def text_of(plan: str, segment) -> str:
    return plan[segment.start : segment.end]


class Tags(HTMLParser):
    """Start tags with their attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_headings_paragraphs_and_title_are_recognised():
    blocks = parse_blocks(PLAN)
    headings = [(b.level, text_of(PLAN, b.segment)) for b in blocks if isinstance(b, Heading)]
    assert (1, "关于印发青川市养老托育服务") in headings
    assert (1, "高质量发展行动方案的通知") in headings
    assert (2, "一、发展目标") in headings
    assert (3, "（一）总体目标") in headings
    assert (4, "1.完善居家服务。") not in headings  # a sentence ends with 。: a paragraph
    paragraphs = [text_of(PLAN, b.segment) for b in blocks if isinstance(b, Paragraph)]
    assert "到2027年，全市养老床位达到 6200 张，护理型床位占比不低于60%。" in paragraphs
    assert title_line(PLAN) == "关于印发青川市养老托育服务高质量发展行动方案的通知"


def test_a_one_cell_per_line_table_is_read_back_into_rows():
    (table,) = [b for b in parse_blocks(PLAN) if isinstance(b, Table)]
    assert [text_of(PLAN, c) for c in table.header] == ["指标", "2022年", "2027年", "指标属性"]
    rows = [
        ([text_of(PLAN, s) for s in row.name], [None if c is None else text_of(PLAN, c) for c in row.cells])
        for row in table.rows
    ]
    assert rows == [
        (["养老服务"], []),
        (["养老机构护理型床位占比"], ["48%", "60%", "约束性"]),
        (["每千人口托位数", "（常住人口口径）"], ["2.1个", "4个", "预期性"]),
        (["普惠托位占比"], [None, "≥70%", "预期性"]),
    ]
    # The table ends at the next heading, which is a heading again.
    after = parse_blocks(PLAN)[parse_blocks(PLAN).index(table) + 1]
    assert isinstance(after, Heading) and text_of(PLAN, after.segment) == "二、重点任务"


def test_a_table_without_attribute_column_has_one_cell_per_year():
    plan = (
        "项目\n2021年底\n2023年\n2026年目标\n日间照料中心（个）\n35\n41\n60\n助餐点（个）\n12\n——\n30\n这是一段很长的说明文字，"
        + "说明" * 40
        + "。\n"
    )
    (table,) = [b for b in parse_blocks(plan) if isinstance(b, Table)]
    assert table.width == 4
    assert [[text_of(plan, c) for c in row.cells] for row in table.rows] == [["35", "41", "60"], ["12", "——", "30"]]
    assert isinstance(parse_blocks(plan)[-1], Paragraph)


def test_prose_with_years_is_not_a_table():
    plan = "工作安排\n2024年\n启动试点。\n"
    assert not any(isinstance(b, Table) for b in parse_blocks(plan))


def test_locate_is_whitespace_width_and_script_insensitive():
    plan = "到２０２７年，全市養老床位達到 6200\n張，護理型床位佔比不低於60％。"
    start, end = locate_figure(plan, "全市养老床位达到6200张", "6200张")
    assert plan[start:end] == "6200\n張"
    start, end = locate_figure(plan, "护理型床位占比不低于60%", "60%")
    assert plan[start:end] == "60％"
    start, end = locate_quote(plan, "到2027年")
    assert plan[start:end] == "到２０２７年"
    assert locate_figure(plan, "全市养老床位达到7000张", "7000张") is None


def test_locate_prefers_the_occurrence_near_a_hint():
    plan = "甲县新增托位100个。乙县新增托位100个。"
    second = plan.index("乙")
    start, _ = locate_figure(plan, "新增托位100个", "100个", near=second)
    assert start == plan.index("100个", second)
    start, _ = locate_figure(plan, "新增托位100个", "100个")
    assert start == plan.index("100个")


def test_highlights_become_focusable_marks_with_their_attributes():
    start, end = locate_figure(PLAN, "全市养老床位达到 6200 张", "6200 张")
    cell_start = PLAN.index("2.1个")
    html = render_document(
        PLAN,
        [
            Highlight(start, end, "qingchuan_001", {"value": "6200", "kind": "target", "year": "2027"}),
            Highlight(cell_start, cell_start + 4, "qingchuan_002", {"value": "2.1", "cleaning_note": ""}),
        ],
    )
    tags = parsed(html)
    marks = {attrs["id"]: attrs for tag, attrs in tags.starts if tag == "mark" and "id" in attrs}
    assert set(marks) == {"qingchuan_001", "qingchuan_002"}
    assert marks["qingchuan_001"]["tabindex"] == "0"
    assert marks["qingchuan_001"]["data-value"] == "6200"
    assert marks["qingchuan_001"]["data-year"] == "2027"
    assert marks["qingchuan_001"]["data-tip"] == "value: 6200\nkind: target\nyear: 2027"
    assert marks["qingchuan_002"]["data-cleaning-note"] == ""
    assert "<td><mark" in html and "2.1个</mark></td>" in html
    # Nothing of the text is lost or added by the markup.
    assert "".join(tags.text).replace("\n", "") == "".join(PLAN.split("\n"))


def test_a_highlight_over_a_line_break_is_split_with_one_id():
    plan = "护理型床位\n占比达到55%。"
    html = render_document(plan, [Highlight(0, len(plan), "x_001", {})])
    starts = [attrs for tag, attrs in parsed(html).starts if tag == "mark"]
    assert len(starts) == 2
    assert [a.get("id") for a in starts] == ["x_001", None]
    assert all(a["data-value-id"] == "x_001" for a in starts)


def test_overlapping_highlights_nest():
    plan = "托位达到3400个以上。"
    html = render_document(plan, [Highlight(2, 9, "outer", {}), Highlight(4, 8, "inner", {})])
    assert html.count("<mark") == 2
    assert "托位<mark" in html and "3400</mark>个</mark>以上" in html
    assert 'id="outer"' in html and 'id="inner"' in html
    assert "".join(parsed(html).text).strip() == plan


def test_text_and_attributes_are_escaped():
    plan = "<script>alert(1)</script> 养老床位100张"
    start = plan.index("100")
    html = render_document(plan, [Highlight(start, start + 4, "a_1", {"note": '"><img src=x onerror=alert(1)>'})])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_highlights_outside_the_text_are_ignored():
    html = render_document("养老床位100张", [Highlight(50, 60, "gone", {})])
    assert "gone" not in html


def test_the_stylesheet_is_offline():
    css = stylesheet()
    assert "mark.yv-figure" in css
    assert "http" not in css and "@import" not in css and "url(" not in css


def test_a_traditional_table_with_three_year_columns():
    cells = ["主要指標", "指標名稱", "２０２０年", "２０２３年", "２０２６年", "指標屬性"]
    cells += ["養老床位（張）", "４１００", "４６００", "５２００", "約束性"]
    cells += ["護理型床位佔比", "３８％", "４５％", "≥５５％", "預期性"]
    plan = "\n".join(cells) + "\n"
    (table,) = [b for b in parse_blocks(plan) if isinstance(b, Table)]
    assert table.width == 5
    assert [[text_of(plan, c) for c in row.cells] for row in table.rows] == [
        ["４１００", "４６００", "５２００", "約束性"],
        ["３８％", "４５％", "≥５５％", "預期性"],
    ]
