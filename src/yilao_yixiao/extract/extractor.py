"""From a plan's text to proposed, cited rows: figures, years, kinds, hedges, sections and codebook concepts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yilao_yixiao.extract.codebook_match import Codebook, Match
from yilao_yixiao.extract.figures import Figure, figures_in
from yilao_yixiao.extract.numbers import format_decimal
from yilao_yixiao.extract.rows import ProposedRow, check_quotes, verbatim
from yilao_yixiao.extract.sections import SectionIndex
from yilao_yixiao.extract.tables import Table, find_tables
from yilao_yixiao.extract.text import CleanText, clean
from yilao_yixiao.extract.years import YearMention, year_before, year_mentions

SENTENCE_END = re.compile(r"[。!?\n]")
CLAUSE_END = re.compile(r"[,;。!?:\n]")
HEDGES = ("力争", "争取")
OBLIGATION_AFTER = re.compile(r"^\s*(?:以上|左右)?\s*(约束|预期)[性值住]")
OBLIGATIONS = {"约束": "binding", "预期": "expected"}
STATE_WORDS = ("截至", "截止", "已", "现有", "共有", "累计", "目前", "现状", "实际", "仅有", "尚", "了", "较上", "比上")
GOAL_WORDS = ("力争", "争取", "目标", "确保", "新增", "新建", "建成", "打造", "培育", "实现", "提高到", "提升到")
GOAL_WORDS += ("不少于", "不低于", "达到", "保持", "每年", "设立", "增加到", "覆盖", "建设", "规划", "应", "要")
STATE_SECTIONS = ("基础", "现状", "成就", "回顾", "形势", "背景", "成效", "挑战", "机遇", "面临")
GOAL_SECTIONS = ("目标", "任务", "指标", "举措", "措施", "行动", "工程", "保障", "要求")
CONTEXT_WORDS = ("常住人口", "户籍人口", "总人口", "人口", "出生", "老龄化", "普查", "生产总值", "GDP")
CONTEXT_DOMAINS = ("demography",)
STANDARD_WORDS = ("每", "原则上", "不得", "须", "应当", "标准")
ANNUAL_PLAN_TITLE = re.compile(r"^\s*((?:19|20)\d{2})\s*年")
KIND_FAMILY = {"baseline": "state", "context": "state", "target": "goal", "standard": "goal"}


@dataclass
class Candidate:
    figure: Figure
    quote_start: int
    quote_end: int
    clause: str
    sentence_before: str
    year: YearMention | None
    obligation: str
    kind_hint: str
    section: str


def _bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    left = max((m.end() for m in pattern.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    right_match = pattern.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right


def _section_text(clean_text: CleanText, index: SectionIndex, position: int) -> str:
    parts = []
    for heading in index.path_at(position):
        start, end = clean_text.original_span(heading.position, heading.end)
        parts.append(verbatim(clean_text.original, start, end))
    return " ".join(parts)


class Extractor:
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook

    @classmethod
    def from_project(cls, project_dir: Path) -> Extractor:
        return cls(Codebook.from_seeds(project_dir / "seeds"))

    def extract(self, source: str, document_id: str) -> list[ProposedRow]:
        cleaned = clean(source)
        text = cleaned.text
        sections = SectionIndex(text)
        tables = find_tables(text)
        candidates = self._table_candidates(cleaned, tables, sections)
        taken = [(t.start, t.end) for t in tables]
        for figure in figures_in(text):
            if any(low <= figure.start < high for low, high in taken):
                continue
            candidates.append(self._prose_candidate(cleaned, sections, figure))
        candidates.sort(key=lambda c: (c.figure.start, c.figure.labeller))
        annual_year = _annual_plan_year(source)
        rows = [self._row(cleaned, c, document_id, n, annual_year) for n, c in enumerate(candidates, start=1)]
        check_quotes(rows, source)
        return rows

    def _table_candidates(self, cleaned: CleanText, tables: list[Table], sections: SectionIndex) -> list[Candidate]:
        candidates = []
        for table in tables:
            for row in table.rows:
                for column, figure in row.figures:
                    year = row.years[column]
                    mention = YearMention(figure.start, figure.start, year, False, False, f"{year}年 (column)")
                    # The first of several year columns is the situation the plan starts from.
                    kind = "baseline" if column == 0 and len(row.years) > 1 else "target"
                    candidates.append(
                        Candidate(
                            figure,
                            row.name_start,
                            figure.end,
                            row.name,
                            "",
                            mention,
                            row.obligation,
                            kind,
                            _section_text(cleaned, sections, table.start),
                        )
                    )
        return candidates

    def _prose_candidate(self, cleaned: CleanText, sections: SectionIndex, figure: Figure) -> Candidate:
        text = cleaned.text
        sentence_start, sentence_end = _bounds(text, figure.start, figure.end, SENTENCE_END)
        clause_start, clause_end = _bounds(text, figure.start, figure.end, CLAUSE_END)
        # A clause that is only the figure ("…分别为, 5张") borrows its subject from the clause before.
        if len(text[clause_start : figure.start].strip()) < 3:
            clause_start, _ = _bounds(text, max(sentence_start, clause_start - 1), figure.end, CLAUSE_END)
            clause_start = max(clause_start, sentence_start)
        sentence = text[sentence_start:sentence_end]
        mentions = year_mentions(sentence)
        year = year_before(mentions, figure.start - sentence_start)
        obligation_match = OBLIGATION_AFTER.match(text, figure.end)
        obligation = OBLIGATIONS[obligation_match.group(1)] if obligation_match else ""
        quote_end = obligation_match.end() if obligation_match else clause_end
        clause = text[clause_start:quote_end]
        section = _section_text(cleaned, sections, figure.start)
        return Candidate(
            figure,
            clause_start,
            quote_end,
            clause.replace(text[figure.start : figure.end], " "),
            text[sentence_start : figure.start],
            year,
            obligation,
            _kind_hint(text[clause_start : figure.start], text[sentence_start : figure.start], year, section),
            section,
        )

    def _row(
        self, cleaned: CleanText, candidate: Candidate, document_id: str, number: int, annual_year: int | None
    ) -> ProposedRow:
        figure = candidate.figure
        match = self.codebook.best_match(candidate.clause, figure.unit)
        notes = list(figure.notes)
        kind = _refine_kind(candidate, match)
        year = candidate.year.year if candidate.year else None
        if candidate.year and candidate.year.printed.startswith("十"):
            notes.append(f"{candidate.year.printed} read as {year}")
        if year is None and annual_year and KIND_FAMILY[kind] == "goal":
            year = annual_year
            notes.append(f"year {annual_year} from the title of an annual plan")
        for repair in cleaned.repairs_within(figure.raw_start, figure.end):
            notes.append(repair.note)
        if match is None:
            notes.append(f"no codebook concept fits; proposed concept: {_proposed_name(candidate.clause)}")
        quote_start, quote_end = cleaned.original_span(candidate.quote_start, candidate.quote_end)
        raw_start, raw_end = cleaned.original_span(figure.raw_start, figure.end)
        aspirational = any(h in candidate.sentence_before for h in HEDGES)
        score = match.score if match else 0.0
        confidence = 0.4 + 0.4 * score / 100 + (0.1 if year else 0) + (0.1 if figure.unit else 0)
        return ProposedRow(
            value_id=f"{document_id}_{number:03d}",
            document_id=document_id,
            indicator_code=match.concept.code if match else "",
            value_kind=kind,
            period_year=str(year) if year else "",
            value=format_decimal(figure.value),
            comparator=figure.comparator,
            is_aspirational="true" if aspirational else "false",
            obligation=candidate.obligation,
            raw_text=verbatim(cleaned.original, raw_start, raw_end),
            source_section=candidate.section,
            source_quote=verbatim(cleaned.original, quote_start, quote_end),
            cleaning_note="; ".join(notes),
            parent_value_id="",
            breakdown_dimension="",
            breakdown_member="",
            char_start=quote_start,
            char_end=quote_end,
            confidence=f"{min(confidence, 1.0):.2f}",
            match_score=f"{score:.0f}" if match else "",
            labeller=figure.labeller,
        )


def _kind_hint(clause_before: str, sentence_before: str, year: YearMention | None, section: str) -> str:
    if year is not None:
        if year.is_baseline_date or year.printed.endswith("以来"):
            return "baseline"
        if year.is_deadline or re.search(r"(?:到|至)\s*(?:19|20)\d{2}", year.printed):
            return "target"
    state = sum(word in sentence_before for word in STATE_WORDS) + sum(w in clause_before for w in STATE_WORDS)
    goal = sum(word in sentence_before for word in GOAL_WORDS) + sum(w in clause_before for w in GOAL_WORDS)
    state += 2 * any(word in section for word in STATE_SECTIONS)
    goal += 2 * any(word in section for word in GOAL_SECTIONS)
    return "baseline" if state > goal else "target"


def _refine_kind(candidate: Candidate, match: Match | None) -> str:
    kind = candidate.kind_hint
    if KIND_FAMILY[kind] == "state":
        in_context = (match is not None and match.concept.domain in CONTEXT_DOMAINS) or any(
            word in candidate.clause for word in CONTEXT_WORDS
        )
        return "context" if in_context else "baseline"
    if candidate.year is None and any(word in candidate.clause for word in STANDARD_WORDS):
        return "standard"
    return kind


def _annual_plan_year(source: str) -> int | None:
    """A plan titled "2024年…" sets targets for that year: its undated goals refer to it."""
    first_line = next((line for line in source.splitlines() if line.strip()), "")
    match = ANNUAL_PLAN_TITLE.match(first_line)
    return int(match.group(1)) if match else None


def _proposed_name(clause: str) -> str:
    words = re.sub(r"[\d.%]+|[,;:。\s]", "", clause)
    for cue in ("力争", "争取", "到", "达到", "不少于", "不低于", "以上", "左右", "约", "近"):
        words = words.replace(cue, "")
    return words[:20]
