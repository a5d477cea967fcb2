"""From a plan's text to proposed, cited rows: figures, years, kinds, hedges, sections and codebook concepts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yilao_yixiao.extract.codebook_match import Codebook, Match
from yilao_yixiao.extract.figures import Figure, figures_in
from yilao_yixiao.extract.numbers import format_decimal
from yilao_yixiao.extract.rows import ProposedRow, check_quotes, verbatim
from yilao_yixiao.extract.sections import Heading, SectionIndex
from yilao_yixiao.extract.tables import find_tables
from yilao_yixiao.extract.text import clean
from yilao_yixiao.extract.years import YearMention, year_before, year_mentions

SENTENCE_END = re.compile(r"[。!?\n]")
# Where a clause starts: after punctuation, after a table attribute (约束性) or an item number of a run-on list.
CLAUSE_BREAK = re.compile(r"[,;。!?:\n]|(?:约束|预期)[性值住]|(?<![\d.])\d{1,2}\s?\.(?!\d)")
SENTENCE_WINDOW = 600
HAN = re.compile(r"[\u4e00-\u9fff]")
CLEAR_MATCH = 90.0
HEDGES = ("力争", "争取")
OBLIGATION_AFTER = re.compile(r"^\s*(?:以上|左右)?\s*(约束|预期)[性值住]")
OBLIGATIONS = {"约束": "binding", "预期": "expected"}
# Words that date a figure to the past (a state) or make it a goal; section titles that do the same.
STATE_WORDS = ("截至", "截止", "已", "现有", "共有", "累计", "目前", "现状", "实际", "仅有", "尚", "期末", "预计")
GOAL_WORDS = ("力争", "争取", "目标", "确保", "新增", "将", "计划", "提高到", "提升到", "增加到", "不少于", "不低于")
GOAL_WORDS += ("应达", "应不", "应当", "须", "要达")
# A projection ("预计…将达到") describes the setting the plan responds to, not a goal it sets.
PROJECTION_WORDS = ("预计", "预测")
STATE_SECTIONS = ("基础", "现状", "成就", "回顾", "形势", "背景", "成效", "挑战", "机遇", "面临", "进展")
GOAL_SECTIONS = ("目标", "任务", "指标", "举措", "保障措施", "行动", "工程", "要求", "重点任务", "主要措施")
REVIEW_SECTIONS = ("成就", "回顾", "成效", "进展", "总结")
CONTEXT_WORDS = ("常住人口", "户籍人口", "总人口", "人口", "出生", "老龄化", "普查", "生产总值", "GDP")
CONTEXT_DOMAINS = ("demography",)
STANDARD_WORDS = ("每", "原则上", "不得", "须", "应当", "标准")
ANNUAL_PLAN_TITLE = re.compile(r"^\s*(?:关于印发)?\s*((?:19|20)\d{2})\s*年(?!\d{1,2}月)")
TITLE_LINES = 4
PERIOD_NAME = re.compile(r"十([一二三四五六七八九])五")
FIVE_YEAR_ORDINALS = "一二三四五六七八九"
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
    path: tuple[Heading, ...]
    paragraph_year: YearMention | None = None
    # The words next to the figure, up to its neighbours: what it counts, before the wider clause is consulted.
    local: str = ""


def _bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    window = max(0, start - SENTENCE_WINDOW)
    left = max((m.end() for m in pattern.finditer(text, window, start) if m.end() <= start), default=window)
    right_match = pattern.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right


class Document:
    """One plan's cleaned text with its sections, tables and the year horizons its sections open with."""

    def __init__(self, source: str) -> None:
        self.cleaned = clean(source)
        self.text = self.cleaned.text
        self.sections = SectionIndex(self.text)
        self.tables = find_tables(self.text)
        self.annual_year = _annual_plan_year(source)
        self._horizons: dict[int, YearMention] = {}
        for heading in self.sections.headings:
            opening = self.text[heading.end : heading.end + 80]
            first = SENTENCE_END.search(opening)
            opening = opening[: first.start()] if first and first.start() > 5 else opening
            mentions = [m for m in year_mentions(opening) if re.match(r"(?:力争|争取)?到", m.printed)]
            if mentions and mentions[0].start < 12:
                self._horizons[heading.position] = mentions[0]

    def section_text(self, path: tuple[Heading, ...]) -> str:
        parts = []
        for heading in path:
            start, end = self.cleaned.original_span(heading.position, heading.end)
            parts.append(verbatim(self.cleaned.original, start, end))
        return " ".join(parts)

    def title(self, heading: Heading) -> str:
        return self.text[heading.position : heading.end]

    def horizon(self, path: tuple[Heading, ...]) -> tuple[YearMention, Heading] | None:
        """The "到2025年" a section opens with: it dates the goals listed under it."""
        for heading in reversed(path):
            if heading.position in self._horizons:
                return self._horizons[heading.position], heading
        return None


class Extractor:
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook

    @classmethod
    def from_project(cls, project_dir: Path) -> Extractor:
        return cls(Codebook.from_seeds(project_dir / "seeds"))

    def extract(self, source: str, document_id: str) -> list[ProposedRow]:
        document = Document(source)
        candidates = self._table_candidates(document)
        taken = [(t.start, t.end) for t in document.tables]
        prose = [f for f in figures_in(document.text) if not any(low <= f.start < high for low, high in taken)]
        for index, figure in enumerate(prose):
            previous_end = prose[index - 1].end if index else 0
            next_start = next((f.start for f in prose[index + 1 :] if f.start >= figure.end), len(document.text))
            candidates.append(self._prose_candidate(document, figure, previous_end, next_start))
        candidates.sort(key=lambda c: (c.figure.start, c.figure.labeller))
        rows = [self._row(document, c, document_id, n) for n, c in enumerate(candidates, start=1)]
        check_quotes(rows, source)
        return rows

    def _table_candidates(self, document: Document) -> list[Candidate]:
        candidates = []
        for table in document.tables:
            path = document.sections.path_at(table.start)
            for row in table.rows:
                for column, figure in row.figures:
                    year = row.years[column]
                    mention = YearMention(figure.start, figure.start, year, False, False, f"{year}年 (column)")
                    # The first of several year columns is the situation the plan starts from.
                    baseline = column == 0 and len(row.years) > 1
                    candidates.append(
                        Candidate(
                            figure,
                            row.name_start,
                            figure.end,
                            row.name,
                            "",
                            mention,
                            "" if baseline else row.obligation,
                            "baseline" if baseline else "target",
                            document.section_text(path),
                            path,
                        )
                    )
        return candidates

    def _prose_candidate(self, document: Document, figure: Figure, previous_end: int, next_start: int) -> Candidate:
        text = document.text
        sentence_start, sentence_end = _bounds(text, figure.start, figure.end, SENTENCE_END)
        clause_start, clause_end = _bounds(text, figure.start, figure.end, CLAUSE_BREAK)
        clause_start = max(clause_start, sentence_start)
        before = text[max(clause_start, previous_end) : figure.start].rsplit("、", 1)[-1]
        after = text[figure.end : min(clause_end, next_start)].split("、", 1)[0]
        local = before + " " + after
        # A clause that is only the figure ("…分别为, 5张") borrows its subject from the clause before.
        if len(HAN.findall(local)) < 2 and clause_start > sentence_start:
            clause_start = max(_bounds(text, clause_start - 1, figure.end, CLAUSE_BREAK)[0], sentence_start)
        sentence = text[sentence_start:sentence_end]
        year = year_before(year_mentions(sentence), figure.start - sentence_start)
        paragraph_start = text.rfind("\n", 0, sentence_start) + 1
        paragraph_year = year_before(year_mentions(text[paragraph_start:sentence_start]), sentence_start)
        obligation_match = OBLIGATION_AFTER.match(text, figure.end)
        obligation = OBLIGATIONS[obligation_match.group(1)] if obligation_match else ""
        quote_end = obligation_match.end() if obligation_match else clause_end
        path = document.sections.path_at(figure.start)
        titles = [document.title(h) for h in path]
        return Candidate(
            figure,
            clause_start,
            quote_end,
            text[clause_start:quote_end].replace(text[figure.start : figure.end], " "),
            text[sentence_start : figure.start],
            year,
            obligation,
            _kind_hint(text[clause_start : figure.start], text[sentence_start : figure.start], year, titles),
            document.section_text(path),
            path,
            paragraph_year,
            local,
        )

    def _row(self, document: Document, candidate: Candidate, document_id: str, number: int) -> ProposedRow:
        cleaned = document.cleaned
        figure = candidate.figure
        match = self._match(candidate)
        notes = list(figure.notes)
        kind = _refine_kind(candidate, match)
        year = candidate.year.year if candidate.year else None
        if candidate.year and candidate.year.printed.startswith("十"):
            notes.append(f"{candidate.year.printed} read as {year}")
        if year is None and candidate.paragraph_year and _dates_kind(candidate.paragraph_year, kind):
            year = candidate.paragraph_year.year
            notes.append(f"year from {candidate.paragraph_year.printed} earlier in the paragraph")
        if year is None:
            year = self._implied_year(document, candidate, kind, notes)
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

    def _match(self, candidate: Candidate) -> Match | None:
        """The concept of the words next to the figure when they name one clearly, else of the whole clause."""
        unit = candidate.figure.unit
        local = self.codebook.best_match(candidate.local, unit) if len(HAN.findall(candidate.local)) >= 2 else None
        if local is not None and local.score >= CLEAR_MATCH:
            return local
        return self.codebook.best_match(candidate.clause, unit) or local

    @staticmethod
    def _implied_year(document: Document, candidate: Candidate, kind: str, notes: list[str]) -> int | None:
        """A year the text states for a whole section or plan, never one guessed from nothing."""
        if KIND_FAMILY[kind] == "goal":
            horizon = document.horizon(candidate.path)
            if horizon:
                mention, heading = horizon
                notes.append(f"year from {mention.printed} stated at the start of {document.title(heading)}")
                return mention.year
            if document.annual_year:
                notes.append(f"year {document.annual_year} from the title of an annual plan")
                return document.annual_year
            return None
        for heading in reversed(candidate.path):
            title = document.title(heading)
            period = PERIOD_NAME.search(title)
            if period and any(word in title for word in REVIEW_SECTIONS):
                end = 2005 + 5 * (FIVE_YEAR_ORDINALS.index(period.group(1)) + 1)
                notes.append(f"year {end}: end of the {period.group(0)} period that the section {title} reviews")
                return end
        return None


def _dates_kind(mention: YearMention, kind: str) -> bool:
    """A year stated earlier in a paragraph dates its later figures of the same kind: "截至2020年底, …。…"."""
    if KIND_FAMILY[kind] == "state":
        return mention.is_baseline_date
    return bool(re.match(r"(?:力争|争取)?到", mention.printed)) or mention.is_deadline


def _count(words: tuple[str, ...], text: str) -> int:
    return sum(word in text for word in words)


def _kind_hint(clause_before: str, sentence_before: str, year: YearMention | None, titles: list[str]) -> str:
    if any(word in sentence_before for word in PROJECTION_WORDS):
        return "baseline"
    if year is not None:
        if year.is_baseline_date or year.printed.endswith("以来"):
            return "baseline"
        if year.is_deadline or re.search(r"(?:到|至)\s*(?:19|20)\d{2}", year.printed):
            return "target"
    score = 2 * _count(STATE_WORDS, clause_before) + _count(STATE_WORDS, sentence_before)
    score -= 2 * _count(GOAL_WORDS, clause_before) + _count(GOAL_WORDS, sentence_before)
    for title in reversed(titles):
        # The nearest section whose title says what it is about: achievements and background, or goals and tasks.
        state, goal = _count(STATE_SECTIONS, title), _count(GOAL_SECTIONS, title)
        if state != goal:
            score += 2 if state > goal else -2
            break
    return "baseline" if score > 0 else "target"


def _refine_kind(candidate: Candidate, match: Match | None) -> str:
    kind = candidate.kind_hint
    if KIND_FAMILY[kind] == "state":
        in_context = (
            (match is not None and match.concept.domain in CONTEXT_DOMAINS)
            or any(word in candidate.clause for word in CONTEXT_WORDS)
            or any(word in candidate.sentence_before for word in (*CONTEXT_WORDS, *PROJECTION_WORDS))
        )
        return "context" if in_context else "baseline"
    if candidate.year is None and any(word in candidate.clause for word in STANDARD_WORDS):
        return "standard"
    return kind


def _annual_plan_year(source: str) -> int | None:
    """A plan titled "2024年…方案" sets targets for that year: its undated goals refer to it."""
    lines = [line for line in source.splitlines() if line.strip()][:TITLE_LINES]
    for line in lines:
        match = ANNUAL_PLAN_TITLE.match(line)
        if match:
            return int(match.group(1))
    return None


def _proposed_name(clause: str) -> str:
    words = re.sub(r"[\d.%]+|[,;:。\s]", "", clause)
    for cue in ("力争", "争取", "到", "达到", "不少于", "不低于", "以上", "左右", "约", "近"):
        words = words.replace(cue, "")
    return words[:20]
