"""Figures as plans print them: Arabic or Chinese numerals, 万/亿, units, ranges, hedges; exact `Decimal` values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from yilao_yixiao.provenance import CHINESE_DIGITS, CHINESE_UNITS

MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
# Measure words of counted things, then the other units plans use; longest first so 人次 wins over 人.
COUNT_WORDS = "张所个家处座项支间台套条名户人床次"
UNITS = [
    "个百分点",
    "百分点",
    "%",
    "‰",
    "万元",
    "亿元",
    "元",
    "平方米",
    "m2",
    "公里",
    "分钟",
    "小时",
    "周岁",
    "岁",
    "人次",
    *COUNT_WORDS,
    # Durations; in prose only where the words around make them one ("租赁期不少于3年", "九十日内").
    "个工作日",
    "年",
    "日",
    "天",
]
DURATION_UNITS = ("年", "日", "天", "个工作日")
UNIT_PATTERN = "|".join(re.escape(u) for u in UNITS)
# Digits with an optional thousands separator ("2,360") and decimals.
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千]+"
NUMBER = rf"(?:{ARABIC}|{CHINESE})[万亿]?"
RANGE_SEPARATOR = r"(?:—{1,2}|-|~|至|到|–)"
SYMBOL = r"(?:≥|≤|>|<)"
FIGURE = re.compile(
    rf"(?P<symbol>{SYMBOL})?(?P<approx_before>近|约)?"
    rf"(?P<low>{NUMBER})(?:(?P<low_unit>{UNIT_PATTERN})?{RANGE_SEPARATOR}(?P<high>{NUMBER}))?"
    rf"(?P<more>余|多)?(?P<unit>{UNIT_PATTERN})?(?P<suffix>及以上|以上|以下|以内|左右|内(?=[^部外容涵设]))?"
)
ONE_QUARTER_HOUR = "一刻钟"


@dataclass(frozen=True)
class Number:
    value: Decimal
    note: str | None


def _chinese_value(numeral: str) -> Decimal:
    total, section, current = 0, 0, 0
    for char in numeral:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            section += (current or 1) * CHINESE_UNITS[char]
            current = 0
    total += section + current
    return Decimal(total)


def parse_number(printed: str) -> Number:
    """Value of one printed number: `16.4亿` → 1640000000, `三万` → 30000, `十二` → 12 (exact decimals)."""
    multiplier = Decimal(1)
    body = printed
    if body and body[-1] in MULTIPLIERS:
        multiplier = MULTIPLIERS[body[-1]]
        body = body[:-1]
    if re.fullmatch(ARABIC, body):
        base = Decimal(body.replace(",", ""))
        note = f"thousands separator: {body} = {format_decimal(base)}" if "," in body else None
    elif re.fullmatch(CHINESE, body):
        base, note = _chinese_value(body), f"Chinese numeral {body} = {_chinese_value(body)}"
    else:
        raise ValueError(f"not a number: {printed!r}")
    value = base * multiplier
    if multiplier != 1:
        scaled = f"{printed} = {format_decimal(value)}"
        note = f"{note}; {scaled}" if note else scaled
    return Number(value, note)


def format_decimal(value: Decimal) -> str:
    """`Decimal` as plain digits, no exponent and no trailing zeros: 125900, 25.6, -2.75."""
    text = format(value.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


def is_chinese(printed: str) -> bool:
    return bool(re.fullmatch(CHINESE + "[万亿]?", printed))
