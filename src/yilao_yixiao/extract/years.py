"""Which year a figure refers to, from what the sentence says before it; never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = r"(?:19|20)\d{2}"
YEAR_EXPRESSION = re.compile(
    rf"(?P<before>截至|截止到|截止|到|至|于|从|自|力争到|争取到|较|比|相比|与)?\s*"
    rf"(?:(?P<range_start>{YEAR})\s*(?:—{{1,2}}|-|~|至|到|–)\s*)?(?P<year>{YEAR})\s*年"
    r"(?P<after>底前|年底前|前|底|末|以前|之前|起|以来|后|内)?"
)
FIVE_YEAR_PLAN_END = re.compile(r"十([一二三四五六七八九])五\W{0,2}(?:时期|期)?(?:末期|期末|末)")
FIVE_YEAR_PLAN_ORDINALS = "一二三四五六七八九"
# China's decennial censuses since the fourth (1990): the n-th was taken in 1950 + 10n.
CENSUS = re.compile(r"第([四五六七八九十])次(?:全国)?人口普查")
CENSUS_ORDINALS = "四五六七八九十"
BASELINE_MARKERS = ("截至", "截止")
COMPARISON_MARKERS = ("较", "比", "相比", "与")


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    year: int
    is_baseline_date: bool
    is_deadline: bool
    printed: str
    # A census year dates what a census counts: population, not facilities stated in the same sentence.
    is_census: bool = False
    # "较2015年上升2.4个百分点": the year is the base of a comparison, not the time of the figure.
    is_comparison_base: bool = False


def year_mentions(text: str) -> list[YearMention]:
    """Years a sentence states as the time of a figure (not dates of a month or day)."""
    found = []
    for match in YEAR_EXPRESSION.finditer(text):
        following = text[match.end() : match.end() + 4]
        # "2024年4月9日" on its own is a date of issue; "截至2020年12月底" still dates a figure.
        if re.match(r"\d{1,2}月\d{1,2}日", following) and not match.group("before"):
            continue
        before = match.group("before") or ""
        after = match.group("after") or ""
        found.append(
            YearMention(
                match.start(),
                match.end(),
                int(match.group("year")),
                before in BASELINE_MARKERS or (after == "底" and not before),
                after in ("底前", "年底前", "前", "以前", "之前"),
                match.group(0),
                is_comparison_base=before in COMPARISON_MARKERS,
            )
        )
    for match in FIVE_YEAR_PLAN_END.finditer(text):
        ordinal = FIVE_YEAR_PLAN_ORDINALS.index(match.group(1)) + 1
        # The n-th five-year plan after the 10th (2001-2005) ends in 2005 + 5n.
        printed = re.sub(r"[\"'“”]", "", match.group(0))
        found.append(YearMention(match.start(), match.end(), 2005 + 5 * ordinal, False, False, printed))
    for match in CENSUS.finditer(text):
        year = 1950 + 10 * (CENSUS_ORDINALS.index(match.group(1)) + 4)
        found.append(YearMention(match.start(), match.end(), year, True, False, match.group(0), is_census=True))
    return sorted(found, key=lambda m: m.start)


def year_before(mentions: list[YearMention], position: int) -> YearMention | None:
    """The last year stated before `position` in the sentence the mentions were found in."""
    earlier = [m for m in mentions if m.end <= position and not m.is_comparison_base]
    return earlier[-1] if earlier else None
