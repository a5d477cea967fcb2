"""Candidate figures of a cleaned text: what was printed, its value, unit, comparator and hedges."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from yilao_yixiao.extract.numbers import (
    ARABIC,
    CHINESE,
    COUNT_WORDS,
    DURATION_UNITS,
    FIGURE,
    ONE_QUARTER_HOUR,
    format_decimal,
    is_chinese,
    parse_number,
)

GE_BEFORE = ("不少于", "不低于", "不小于", "至少", "不得少于", "不得低于", "最少")
GT_BEFORE = ("超过", "高于", "大于", "突破", "多于")
LE_BEFORE = ("不超过", "不高于", "不多于", "不大于", "最多", "控制在")
LT_BEFORE = ("低于", "少于", "小于", "不足")
APPROX_BEFORE = ("大约", "接近", "约", "近")
SYMBOL_COMPARATORS = {"≥": "ge", ">": "gt", "≤": "le", "<": "lt"}
SUFFIX_COMPARATORS = {"及以上": "ge", "以上": "ge", "以下": "le", "以内": "le", "内": "le", "左右": "approx"}
# Words around a number that make it an ordinal, a frequency word or part of a name rather than a quantity.
ORDINAL_BEFORE = ("第", "每", "逐", "之")
AGE_UNITS = ("岁", "周岁")
DURATION_BEFORE = ("不少于", "不低于", "至少", "不超过", "不得少于", "连续", "期限为", "期限", "期为", "为期", "期")
AGE_STATED_AFTER = ("满", "年龄由", "年龄为", "年龄", "下调至", "上调至", "调整为", "放宽至")
SPELLED_PERCENT = re.compile(rf"(百分之)({ARABIC}|{CHINESE})(及以上|以上|以下|以内|左右)?")
# "…的县有5个" counts the places the share selects; "…的乡镇建有1所…" sets a target for that share of them.
CONDITION_AFTER = re.compile(r"的[^,;。]{1,8}(?<![建设拥具配])有\s*(?:\d|[一二两三四五六七八九十])")
PAGE_FURNITURE = re.compile(r"(?:阅读|浏览|访问|点击)(?:数|量|次数)?\s*[:：]?\s*$")
# Words that state a figure without digits; kept only when they fit a codebook concept (see the extractor).
WORD_FIGURES = {
    "全覆盖": (Decimal(100), "%", "100 % coverage"),
    "全额免征": (Decimal(100), "%", "a 100 % exemption"),
    "减半": (Decimal(50), "%", "a 50 % reduction"),
    "尚无": (Decimal(0), "个", "none yet (0)"),
}
WORD_FIGURE = re.compile("|".join(WORD_FIGURES))
NOT_STATED_CELL = re.compile(r"^(?:—+|-+|/|/|无|)$")


@dataclass
class Figure:
    start: int
    end: int
    value: Decimal
    unit: str
    comparator: str
    raw_start: int
    labeller: str
    notes: list[str] = field(default_factory=list)


def comparator_from_context(before: str, symbol: str | None, suffix: str | None, approximate: bool) -> str:
    if symbol:
        return SYMBOL_COMPARATORS[symbol]
    if suffix:
        return SUFFIX_COMPARATORS[suffix]
    if approximate:
        return "approx"
    for words, code in ((GE_BEFORE, "ge"), (LE_BEFORE, "le"), (GT_BEFORE, "gt"), (LT_BEFORE, "lt")):
        if before.endswith(words):
            return code
    if before.endswith(APPROX_BEFORE):
        return "approx"
    return "eq"


def _inside_brackets(text: str, position: int) -> bool:
    """Inside 《…》 (a cited document's title) or […] (a document number such as 〔2024〕)."""
    for opening, closing in (("《", "》"), ("<", ">"), ("[", "]"), ("〔", "〕")):
        last_open = text.rfind(opening, max(0, position - 60), position)
        if last_open != -1 and text.rfind(closing, last_open, position) == -1:
            close = text.find(closing, position, position + 60)
            if close != -1:
                return True
    return False


def figures_in(text: str, start: int = 0, end: int | None = None, *, table_cell: bool = False) -> list[Figure]:
    """Figures in text[start:end]. In prose a figure needs a unit (or a decimal point); a table cell may be bare."""
    end = len(text) if end is None else end
    found: list[Figure] = []
    for match in WORD_FIGURE.finditer(text, start, end):
        value, unit, meaning = WORD_FIGURES[match.group(0)]
        note = f"{match.group(0)} read as {meaning}"
        found.append(Figure(match.start(), match.end(), value, unit, "eq", match.start(), "prose.word", [note]))
    for match in SPELLED_PERCENT.finditer(text, start, end):
        number = parse_number(match.group(2))
        before = text[max(0, match.start() - 8) : match.start()]
        comparator = comparator_from_context(before, None, match.group(3), False)
        note = f"百分之{match.group(2)} = {format_decimal(number.value)}%"
        found.append(
            Figure(match.start(), match.end(), number.value, "%", comparator, match.start(), "prose.figure", [note])
        )
    for match in FIGURE.finditer(text, start, end):
        figure_start, figure_end = match.span()
        low, high = match.group("low"), match.group("high")
        unit = match.group("unit") or match.group("low_unit") or ""
        before = text[max(0, figure_start - 8) : figure_start]
        after = text[figure_end : figure_end + 2]
        chinese = is_chinese(low)
        if chinese and not unit:
            if text.startswith(ONE_QUARTER_HOUR, match.start("low")) and low == "一":
                found.append(
                    Figure(
                        figure_start,
                        figure_start + len(ONE_QUARTER_HOUR),
                        Decimal(15),
                        "分钟",
                        "le",
                        figure_start,
                        "prose.quarter_hour",
                        ["一刻钟 (a quarter of an hour) = 15 minutes"],
                    )
                )
            continue
        if not table_cell and not _quantity_in_prose(text, match, unit, chinese, before, after):
            continue
        if _inside_brackets(text, figure_start):
            continue
        symbol = match.group("symbol")
        approximate = bool(match.group("approx_before") or match.group("more"))
        suffix = match.group("suffix")
        low_number = parse_number(low)
        notes = [low_number.note] if low_number.note else []
        if match.group("more"):
            notes.append(f'{match.group("more")} ("more than") read as approx')
        if high:
            high_number = parse_number(high)
            found.append(
                Figure(figure_start, figure_end, low_number.value, unit, "ge", figure_start, "range.low", notes)
            )
            high_notes = [high_number.note] if high_number.note else []
            found.append(
                Figure(figure_start, figure_end, high_number.value, unit, "le", figure_start, "range.high", high_notes)
            )
            continue
        comparator = comparator_from_context(before, symbol, suffix, approximate)
        labeller = "table.cell" if table_cell else ("prose.chinese_numeral" if chinese else "prose.figure")
        found.append(
            Figure(figure_start, figure_end, low_number.value, unit, comparator, figure_start, labeller, notes)
        )
    return found


def _quantity_in_prose(text: str, match: re.Match[str], unit: str, chinese: bool, before: str, after: str) -> bool:
    low = match.group("low")
    figure_start = match.start()
    previous = text[figure_start - 1] if figure_start else ""
    following = text[match.end()] if match.end() < len(text) else ""
    if before.endswith(ORDINAL_BEFORE):
        return False
    if PAGE_FURNITURE.search(before):
        # "阅读数: 8次", "访问量:120": the web page's counters, not the plan's.
        return False
    if previous.isdigit() or previous == ".":
        return False
    if unit in DURATION_UNITS:
        if re.fullmatch(r"(?:19|20)\d{2}", low) or match.group("high"):
            return False
        return before.endswith(DURATION_BEFORE) or match.group("suffix") in ("内", "以内")
    if unit in AGE_UNITS:
        # "60岁以上老年人", "0-3岁婴幼儿" name a group; "年满70周岁", "年龄由70周岁下调至65周岁" state an age.
        return before.endswith(AGE_STATED_AFTER) and not match.group("high")
    if chinese:
        # "一人一档", "一户一策": a pattern of speech, not a count; 百/千 alone are "per hundred/thousand".
        if following in "一二两三四五六七八九十" or low in ("百", "千", "十"):
            return False
        if unit not in COUNT_WORDS and unit not in ("万元", "元", "人次", *DURATION_UNITS):
            return False
        if text[match.start("low") - 1 : match.start("low")] in "一二两三四五六七八九十":
            return False
    if not unit:
        # A bare number in prose is a figure only with a decimal point or 万/亿 ("出生率1.89", "GDP650亿").
        if not ("." in low or low[-1] in "万亿"):
            return False
        if following in "年月日号倍" or after.startswith(("年", "月")):
            return False
    if unit == "次" and following == "性":
        return False
    if unit in ("%", "‰") and CONDITION_AFTER.match(text, match.end()):
        # "比重在60%及以上的县(市)有17个": the share defines which places are counted; the count is the figure.
        return False
    if unit == "个" and following == "月":
        # "3个月" is a duration, and plans state durations of procedures, not targets.
        return False
    line_start = text.rfind("\n", 0, figure_start) + 1
    line_end = text.find("\n", match.end())
    if not text[line_start:figure_start].strip() and not text[match.end() : None if line_end < 0 else line_end].strip():
        # A number alone on its line outside a table has nothing it counts (page furniture such as "阅读数: 8次").
        return False
    return True


def is_not_stated(cell: str) -> bool:
    return bool(NOT_STATED_CELL.match(cell.strip()))
