"""What kind of figure a candidate is (baseline, target, standard, context), which years may date it, and how
it spans time (period_basis), from the words of its clause, its sentence and its section's titles."""

from __future__ import annotations

import re

from yilao_yixiao.extract.candidate import KIND_FAMILY, Candidate
from yilao_yixiao.extract.codebook_match import Match
from yilao_yixiao.extract.figures import Figure
from yilao_yixiao.extract.numbers import DURATION_UNITS
from yilao_yixiao.extract.years import YearMention

CUMULATIVE_WORDS = ("累计", "新增", "新建", "共", "上升", "增加", "提高了", "下降")
EXISTING_HOUSING = re.compile(r"已建成?(?:的)?(?:住宅小区|小区|住宅|居住区|城区)")
# Words that date a figure to the past (a state) or make it a goal; section titles that do the same.
STATE_WORDS = ("截至", "截止", "已", "现有", "共有", "累计", "目前", "现状", "实际", "仅有", "尚", "期末", "预计")
GOAL_WORDS = ("力争", "争取", "目标", "确保", "将", "计划", "提高到", "提升到", "增加到", "不少于", "不低于")
GOAL_WORDS += ("应达", "应不", "应当", "须", "要达")
# A projection ("预计…将达到") describes the setting the plan responds to, not a goal it sets.
PROJECTION_WORDS = ("预计", "预测")
STATE_SECTIONS = ("基础", "现状", "成就", "回顾", "形势", "背景", "成效", "挑战", "机遇", "面临", "进展")
GOAL_SECTIONS = ("目标", "任务", "指标", "举措", "保障措施", "行动", "工程", "要求", "重点任务", "主要措施")
CONTEXT_WORDS = ("常住人口", "户籍人口", "总人口", "人口", "出生", "老龄化", "普查", "生产总值", "GDP")
CONTEXT_DOMAINS = ("demography",)
STANDARD_WORDS = ("每", "原则上", "不得", "须", "应当", "标准")


def period_basis(kind: str, candidate: Candidate, figure: Figure) -> str:
    """How the figure spans time (the period_bases vocabulary): a norm, a yearly flow, a total or change, a level."""
    if kind == "standard":
        return "standing"
    if "每年" in candidate.local or "每年" in candidate.clause or "全年" in candidate.clause:
        return "one_year"
    if figure.unit in ("个百分点", "百分点") or any(word in candidate.local for word in CUMULATIVE_WORDS):
        return "cumulative"
    return "point_in_time"


def may_date(mention: YearMention, kind: str) -> bool:
    return kind == "context" or not mention.is_census


def dates_kind(mention: YearMention, kind: str) -> bool:
    """A baseline date stated earlier in a paragraph dates its later states: "截至2020年底, …。…"."""
    if not may_date(mention, kind):
        return False
    if KIND_FAMILY[kind] == "state":
        return mention.is_baseline_date
    # A goal's year is its own sentence's (or its section's opening horizon): "到2025年" in an earlier sentence
    # of the paragraph dates that sentence's goals, and a norm holds from when it is set.
    return False


def _count(words: tuple[str, ...], text: str) -> int:
    return sum(word in text for word in words)


def kind_hint(clause_before: str, sentence_before: str, year: YearMention | None, titles: list[str]) -> str:
    if any(word in sentence_before for word in PROJECTION_WORDS):
        return "baseline"
    if year is not None:
        if year.is_baseline_date or year.printed.endswith("以来"):
            return "baseline"
        if year.is_deadline or re.search(r"(?:到|至)\s*(?:19|20)\d{2}", year.printed):
            return "target"
    # "已建成小区" names existing housing estates, it does not report that something has been built.
    clause_before, sentence_before = (EXISTING_HOUSING.sub("", t) for t in (clause_before, sentence_before))
    score = 2 * _count(STATE_WORDS, clause_before) + _count(STATE_WORDS, sentence_before)
    score -= 2 * _count(GOAL_WORDS, clause_before) + _count(GOAL_WORDS, sentence_before)
    for title in reversed(titles):
        # The nearest section whose title says what it is about: achievements and background, or goals and tasks.
        state, goal = _count(STATE_SECTIONS, title), _count(GOAL_SECTIONS, title)
        if state != goal:
            score += 2 if state > goal else -2
            break
    return "baseline" if score > 0 else "target"


def refine_kind(candidate: Candidate, match: Match | None) -> str:
    figure = candidate.figure
    if figure.labeller in ("prose.start_year", "prose.ratio"):
        return "standard"
    timed = figure.labeller != "prose.deadline"
    if timed and figure.unit in DURATION_UNITS and figure.comparator in ("le", "ge", "lt", "gt"):
        # "九十日内移交", "租赁期不少于3年": a time limit is a term of a rule.
        return "standard"
    kind = candidate.kind_hint
    if KIND_FAMILY[kind] == "state":
        in_context = any(word in candidate.local for word in CONTEXT_WORDS)
        if match is not None:
            in_context = in_context or match.concept.domain in CONTEXT_DOMAINS
        else:
            in_context = in_context or any(word in candidate.clause for word in CONTEXT_WORDS)
        in_context = in_context or any(word in candidate.sentence_before for word in PROJECTION_WORDS)
        return "context" if in_context else "baseline"
    if candidate.year is None and any(word in candidate.clause for word in STANDARD_WORDS):
        return "standard"
    return kind
