"""Patterns of plan language that span several figures or make a year or ratio a value: "分别", one rate for
listed concepts, a share after the figure it is a share of, deadlines, start years and ratios."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from yilao_yixiao.extract.candidate import KIND_FAMILY, Candidate
from yilao_yixiao.extract.figures import Figure
from yilao_yixiao.extract.rows import ProposedRow

HAN = re.compile(r"[\u4e00-\u9fff]")
RATE_NOUN = re.compile(r"(?:率|占比|比例|比重|覆盖面)$")
SHARED_VERB = re.compile(r"(?:均|都|分别)?(?:达到|达|为|保持在?|不低于|不少于|超过|提高到|提升到)$")
START_YEAR = re.compile(r"(?<![\d\[〔(])((?:19|20)\d{2})\s*年(?:以来|以后|后)(?=新建|新增|建成|开工|交付|出让|竣工)")
RATIO = re.compile(r"(?<![\d:.])(\d{1,4})\s*:\s*1(?![\d.:])")
DEADLINE = re.compile(r"(?<![\d\[〔(])((?:19|20)\d{2})\s*年(?:底前|年底前|以前|之前|前)(?![\d年])")
DEPENDENT_FIGURE = re.compile(
    r"^(?:其中)?(?:占比重?为?|比重为?|占[^,;。]{0,12}(?:比重|比例)?为?"
    r"|比\S{0,6}(?:上升|增长|提高|下降|增加)|上升|增长|提高|下降|增加)了?$"
)


def pair_respectively(text: str, candidate: Candidate, figures: list[Figure]) -> None:
    """ "A、B、C分别达到5张、2人、2.2人": the k-th figure after 分别 counts the k-th name before it."""
    figure = candidate.figure
    clause = text[candidate.quote_start : figure.start]
    at = clause.rfind("分别")
    if at < 0:
        return
    start = candidate.quote_start + at
    listed = [f for f in figures if start <= f.start < candidate.quote_end and f.labeller != "range.high"]
    if figure not in listed:
        return
    names = [n for n in re.split(r"、|和|及", clause[:at]) if n.strip()]
    if len(names) < len(listed):
        return
    name = names[len(names) - len(listed) + listed.index(figure)]
    candidate.local = name
    candidate.before = name


def split_shared_figure(text: str, candidate: Candidate, previous_end: int) -> list[Candidate]:
    """ "A率、B率达90%" and "A、B…建有率均达到80%" state one figure for each listed concept: one row each."""
    figure = candidate.figure
    if figure.unit != "%":
        return [candidate]
    listed = text[max(candidate.quote_start, previous_end) : figure.start]
    parts = [p for p in listed.split("、")]
    if len(parts) < 2 or any(len(HAN.findall(p)) < 4 for p in parts):
        return [candidate]
    verb = SHARED_VERB.search(parts[-1])
    parts[-1] = parts[-1][: verb.start()] if verb else parts[-1]
    every_part_a_rate = all(RATE_NOUN.search(p) for p in parts)
    if not (every_part_a_rate or (verb and "均" in verb.group(0) and RATE_NOUN.search(parts[-1]))):
        return [candidate]
    shared = []
    for index, part in enumerate(parts):
        labeller = figure.labeller if index == 0 else "prose.shared_figure"
        shared.append(
            dataclasses.replace(
                candidate,
                figure=dataclasses.replace(figure, labeller=labeller, notes=list(figure.notes)),
                local=part,
                before=part,
            )
        )
    return shared


def years_and_ratios(text: str) -> list[Figure]:
    """Years and ratios that are values: "2025年前完成整改", "2022年底前投入运营" (a deadline, the year itself
    reached no later than it); "2021年后新建的", "2014年以来新建小区" (a rule's start year); "100:1" (a ratio).
    The last two are kept only when a codebook concept fits them."""
    figures = []
    for match in START_YEAR.finditer(text):
        year = int(match.group(1))
        note = f"{match.group(0)}: start year {year} of a rule"
        figures.append(
            Figure(match.start(), match.end(), Decimal(year), "年", "ge", match.start(), "prose.start_year", [note])
        )
    for match in RATIO.finditer(text):
        note = f"ratio {match.group(0)} read as {match.group(1)} to 1"
        figures.append(
            Figure(
                match.start(), match.end(), Decimal(match.group(1)), "比", "eq", match.start(), "prose.ratio", [note]
            )
        )
    for match in DEADLINE.finditer(text):
        year = int(match.group(1))
        figures.append(
            Figure(match.start(), match.end(), Decimal(year), "年", "le", match.start(), "prose.deadline", [])
        )
    return figures


def follow_the_figure_before(candidates: list[Candidate], rows: list[ProposedRow]) -> None:
    """ "…老年人8.47万人, 占比13.80%, 比上次普查上升2.05个百分点": a share or change of the figure just before
    it in the sentence is a state of the same kind and year."""
    for index in range(1, len(rows)):
        candidate, previous = candidates[index], candidates[index - 1]
        row, previous_row = rows[index], rows[index - 1]
        if candidate.sentence_start < 0 or candidate.sentence_start != previous.sentence_start:
            continue
        if not DEPENDENT_FIGURE.match(candidate.before.strip()) or KIND_FAMILY[previous_row.value_kind] != "state":
            continue
        if KIND_FAMILY[row.value_kind] != "state" and candidate.year is not None:
            continue
        row.value_kind = previous_row.value_kind
        if not row.period_year and previous_row.period_year:
            row.period_year = previous_row.period_year
            note = f"kind and year of the figure before it ({previous_row.raw_text})"
            row.cleaning_note = f"{row.cleaning_note}; {note}" if row.cleaning_note else note
