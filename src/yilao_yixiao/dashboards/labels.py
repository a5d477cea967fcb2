"""Bilingual words of the dashboards: labels for codes the marts use, and the formatting of numbers.

Only words live here, never figures: every number on a page comes from the marts. The labels of the codes
come from the warehouse's vocabulary seeds (`use_warehouse_vocabularies`, called when the site is built);
the literals below only serve a warehouse built before a vocabulary existed, and pages drawn in tests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """One label in both languages."""

    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


VALUE_KINDS = {
    "baseline": Text("基线", "baseline"),
    "target": Text("目标", "target"),
    "standard": Text("标准", "standard"),
    "context": Text("背景数据", "context"),
}

OBLIGATIONS = {
    "binding": Text("约束性", "binding"),
    "expected": Text("预期性", "expected"),
    None: Text("未分类", "not classified"),
}

DOCUMENT_STATUSES = {
    "final": Text("正式文件", "final"),
    "draft_for_comment": Text("征求意见稿", "draft for comment"),
}

CHECK_STATUSES = {
    "pass": Text("通过", "pass"),
    "fail": Text("未通过", "fail"),
}

FINDING_STATUSES = {
    "open": Text("待处理", "open"),
    "reported_to_issuer": Text("已报告发文机关", "reported to issuer"),
    "acknowledged": Text("已确认", "acknowledged"),
}

DOMAINS: dict = {}

# Filled from seeds/period_bases.csv (the vocabulary); a comparison axis holds one period basis only.
PERIOD_BASES: dict = {}

CHECK_KINDS = {
    "parts_sum_to_total": Text("分项之和等于合计", "parts sum to the total"),
    "rate_recomputed": Text("比率复算", "rate recomputed"),
    "same_figure_restated": Text("同一数字多次表述", "same figure restated"),
    "same_comparator_restated": Text("多次表述比较符一致", "same comparator restated"),
    "target_implied_by_norm": Text("按千人指标推算目标", "target implied by a norm"),
    "plausibility": Text("合理性", "plausibility"),
}

# Suffix printed after a value (percent) or the unit named on an axis; unknown units fall back to their code.
UNITS = {
    "percent": Text("%", "%"),
    "percentage_points": Text("个百分点", "percentage points"),
    "count": Text("个", "count"),
    "persons": Text("人", "persons"),
    "person_times": Text("人次", "person-times"),
    "households": Text("户", "households"),
    "per_1000_population": Text("每千人口", "per 1,000 population"),
    "per_1000_elderly": Text("每千名老年人", "per 1,000 elderly"),
    "per_1000_births": Text("每千名出生人口", "per 1,000 births"),
    "m2": Text("平方米", "m²"),
    "m2_per_capita": Text("平方米/人", "m² per capita"),
    "m2_per_100_households": Text("平方米/百户", "m² per 100 households"),
    "m2_per_slot": Text("平方米/托位", "m² per slot"),
    "yuan": Text("元", "yuan"),
    "yuan_per_slot": Text("元/托位", "yuan per slot"),
    "years": Text("岁/年", "years"),
    "year": Text("年份(期限)", "year (deadline)"),
    "minutes": Text("分钟", "minutes"),
    "days": Text("天", "days"),
    "ratio": Text("比例", "ratio"),
}


def unit_label(unit: str | None, lang: Lang) -> str:
    if unit is None:
        return ""
    known = UNITS.get(unit)
    return known(lang) if known else unit


def label(mapping: dict, code: str | None, lang: Lang) -> str:
    """The label of a code, or the code itself when the mapping does not know it (never a blank)."""
    known = mapping.get(code)
    if known is not None:
        return known(lang)
    return "" if code is None else str(code)


def format_number(value: float | int | None) -> str:
    """Digits as an analyst reads them: 125,900 and 0.31, never 125900.0 or 0.31000000000000005."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def format_value(value: float | None, unit: str | None, comparator_symbol: str | None = None) -> str:
    """A value with its printed comparator, "= 55 %" included, so that "≥ 55 %" never reads as "55 %"."""
    number = format_number(value)
    suffix = " %" if unit == "percent" else ""
    sign = f"{comparator_symbol} " if comparator_symbol else ""
    return f"{sign}{number}{suffix}"


def format_percent(share: float | None, digits: int = 2) -> str:
    """A 0–1 share as a percentage (0.101429 → "10.14 %")."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "—"
    return f"{share * 100:.{digits}f} %"


def format_year(year: int | None, lang: Lang) -> str:
    if year is None:
        return "年份未说明" if lang == "zh" else "year not stated"
    return f"{year}年" if lang == "zh" else str(year)


def labels(mapping: dict, code: str | None) -> Text:
    """The label of a code in both languages."""
    return Text(label(mapping, code, "zh"), label(mapping, code, "en"))


# vocabulary (the singular of its seed's name) -> its staging model and the mapping it fills
VOCABULARIES = {
    "value_kind": ("stg_value_kinds", VALUE_KINDS),
    "obligation": ("stg_obligations", OBLIGATIONS),
    "document_status": ("stg_document_statuses", DOCUMENT_STATUSES),
    "check_kind": ("stg_check_kinds", CHECK_KINDS),
    "finding_status": ("stg_finding_statuses", FINDING_STATUSES),
    "domain": ("stg_domains", DOMAINS),
    "period_basis": ("stg_period_bases", PERIOD_BASES),
}


def use_warehouse_vocabularies(read_labels) -> list[str]:
    """Replace each mapping's labels by its vocabulary seed's, as `read_labels(vocabulary, table)` returns them
    (rows of code, name_zh, name_en, or None when the warehouse lacks the table). Returns the missing ones.

    A code without a row keeps its built-in label; `None` (not stated) keeps its own.
    """
    missing = []
    for vocabulary, (table, mapping) in VOCABULARIES.items():
        rows = read_labels(vocabulary, table)
        if rows is None:
            missing.append(vocabulary)
            continue
        for code, name_zh, name_en in rows:
            mapping[code] = Text(name_zh or code, name_en or code)
    return missing
