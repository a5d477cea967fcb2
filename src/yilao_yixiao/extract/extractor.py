"""From a plan's text to proposed, cited rows: figures, years, kinds, hedges, sections and codebook concepts."""

from __future__ import annotations

import re
from pathlib import Path

from yilao_yixiao.extract.candidate import KIND_FAMILY, Candidate
from yilao_yixiao.extract.codebook_match import Codebook, Match
from yilao_yixiao.extract.figures import Figure, figures_in
from yilao_yixiao.extract.kinds import dates_kind, kind_hint, may_date, period_basis, refine_kind
from yilao_yixiao.extract.numbers import format_decimal
from yilao_yixiao.extract.phrasing import (
    HAN,
    follow_the_figure_before,
    pair_respectively,
    split_shared_figure,
    years_and_ratios,
)
from yilao_yixiao.extract.rows import ProposedRow, check_quotes, verbatim
from yilao_yixiao.extract.sections import Heading, SectionIndex
from yilao_yixiao.extract.tables import find_allocation_tables, find_tables
from yilao_yixiao.extract.text import clean
from yilao_yixiao.extract.years import YearMention, year_before, year_mentions

SENTENCE_END = re.compile(r"[。!?\n]")
# Where a clause starts: after punctuation, after a table attribute (约束性) or an item number of a run-on list.
CLAUSE_BREAK = re.compile(r"[,;。!?:\n]|(?:约束|预期)[性值住]|(?<![\d.])\d{1,2}\s?\.(?!\d)")
SENTENCE_WINDOW = 600
CLEAR_MATCH = 90.0
# The date a plan was issued, on a line of its own (the signature or the header): "2022年3月13日".
ISSUE_DATE_LINE = re.compile(r"(?m)^[ \t]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t]*$")
PRESENT_WORDS = ("现有", "目前", "当前", "现已")
NEEDS_A_CONCEPT = ("prose.chinese_numeral", "prose.word", "prose.start_year", "prose.ratio")
HEDGES = ("力争", "争取")
OBLIGATION_AFTER = re.compile(r"\s*(?:以上|左右)?\s*(约束|预期)[性值住]")
OBLIGATIONS = {"约束": "binding", "预期": "expected"}
REVIEW_SECTIONS = ("成就", "回顾", "成效", "进展", "总结")
ANNUAL_PLAN_TITLE = re.compile(r"^\s*(?:关于印发)?\s*((?:19|20)\d{2})\s*年(?!\d{1,2}月)")
PLAN_WORDS = re.compile(r"方案|计划|要点|安排|通知|意见|规划|办法")
TITLE_LINES = 4
PERIOD_NAME = re.compile(r"十([一二三四五六七八九])五")
PERIOD_REVIEWED = re.compile(r"十([一二三四五六七八九])五\W{0,2}(?:期间|时期|以来)")
FIVE_YEAR_ORDINALS = "一二三四五六七八九"


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
        self.allocation_tables = find_allocation_tables(self.text)
        self.annual_year = _annual_plan_year(source)
        issue = ISSUE_DATE_LINE.search(self.text)
        self.issue_date = issue.group(0).strip() if issue else ""
        self.issue_year = int(issue.group(1)) if issue else None
        self._horizons: dict[int, YearMention] = {}
        for heading in self.sections.headings:
            # The section's first sentence, after the line break that ends its title.
            opening = self.text[heading.end : heading.end + 80].lstrip().lstrip("。.:;").lstrip()
            first = SENTENCE_END.search(opening)
            opening = opening[: first.start()] if first else opening
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
        candidates += self._total_candidates(document)
        taken = [(t.start, t.end) for t in (*document.tables, *document.allocation_tables)]
        found = figures_in(document.text) + years_and_ratios(document.text)
        found.sort(key=lambda f: f.start)
        prose = [f for f in found if not any(low <= f.start < high for low, high in taken)]
        for index, figure in enumerate(prose):
            previous_end = prose[index - 1].end if index else 0
            next_start = next((f.start for f in prose[index + 1 :] if f.start >= figure.end), len(document.text))
            candidate = self._prose_candidate(document, figure, previous_end, next_start)
            pair_respectively(document.text, candidate, prose)
            candidates.extend(split_shared_figure(document.text, candidate, previous_end))
        candidates.sort(key=lambda c: c.figure.start)  # stable: a range's low row stays before its high row
        rows = [self._row(document, c, document_id, n) for n, c in enumerate(candidates, start=1)]
        follow_the_figure_before(candidates, rows)
        # A spelled-out number ("两项改革", "五张名片", "跑一次") or a word (全覆盖, 减半) is a figure only when it
        # counts or rates a known concept.
        rows = [r for r in rows if r.labeller not in NEEDS_A_CONCEPT or r.indicator_code]
        for number, row in enumerate(rows, start=1):
            row.value_id = f"{document_id}_{number:03d}"
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

    def _total_candidates(self, document: Document) -> list[Candidate]:
        candidates = []
        for table in document.allocation_tables:
            path = document.sections.path_at(table.start)
            for total in table.totals:
                for name, figure in total.figures:
                    candidates.append(
                        Candidate(
                            figure,
                            total.start,
                            total.end,
                            name,
                            "",
                            None,
                            "",
                            "target",
                            document.section_text(path),
                            path,
                            local=name,
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
        if figure.labeller == "prose.start_year":
            year = None
        elif figure.labeller == "prose.deadline":
            printed = text[figure.start : figure.end]
            year = YearMention(figure.start, figure.end, int(figure.value), False, True, printed)
        paragraph_start = text.rfind("\n", 0, sentence_start) + 1
        paragraph_years = tuple(year_mentions(text[paragraph_start:sentence_start]))
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
            kind_hint(text[clause_start : figure.start], text[sentence_start : figure.start], year, titles),
            document.section_text(path),
            path,
            paragraph_years,
            local,
            before,
            sentence_start,
        )

    def _row(self, document: Document, candidate: Candidate, document_id: str, number: int) -> ProposedRow:
        cleaned = document.cleaned
        figure = candidate.figure
        match = self._match(candidate)
        notes = list(figure.notes)
        kind = refine_kind(candidate, match)
        mention = candidate.year if candidate.year and may_date(candidate.year, kind) else None
        year = mention.year if mention else None
        if mention and (mention.printed.startswith("十") or mention.is_census):
            notes.append(f"{mention.printed} read as {year}")
        earlier = [m for m in candidate.paragraph_years if dates_kind(m, kind)]
        if year is None and earlier:
            year = earlier[-1].year
            notes.append(f"year from {earlier[-1].printed} earlier in the paragraph")
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
            period_basis=period_basis(kind, candidate, figure),
        )

    def _match(self, candidate: Candidate) -> Match | None:
        """The concept of the words next to the figure when they name one clearly, else of the whole clause."""
        unit = candidate.figure.unit
        in_table = candidate.figure.labeller.startswith("table")
        local = None
        if len(HAN.findall(candidate.local)) >= 2:
            local = self.codebook.best_match(candidate.local, unit, in_table=in_table)
        if local is not None and local.score >= CLEAR_MATCH:
            return local
        return self.codebook.best_match(candidate.clause, unit, in_table=in_table) or local

    @staticmethod
    def _implied_year(document: Document, candidate: Candidate, kind: str, notes: list[str]) -> int | None:
        """A year the text states for a whole section or plan, never one guessed from nothing."""
        if KIND_FAMILY[kind] == "goal":
            horizon = document.horizon(candidate.path)
            if horizon:
                mention, heading = horizon
                notes.append(f"year from {mention.printed} stated at the start of {document.section_text((heading,))}")
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
                section = document.section_text((heading,))
                notes.append(f"year {end}: end of the {period.group(0)} period that the section {section} reviews")
                return end
        if document.issue_year and any(word in candidate.sentence_before for word in PRESENT_WORDS):
            notes.append(
                f"year {document.issue_year}: a present state (现有, 目前) on the date of issue {document.issue_date}"
            )
            return document.issue_year
        # "“十三五”期间, 全县累计建成…": a state reported for a past plan period is its state at the period's end.
        period = PERIOD_REVIEWED.search(candidate.sentence_before)
        if period:
            end = 2005 + 5 * (FIVE_YEAR_ORDINALS.index(period.group(1)) + 1)
            notes.append(f"year {end}: end of the 十{period.group(1)}五 period the sentence reports on")
            return end
        return None


def _annual_plan_year(source: str) -> int | None:
    """A plan titled "2024年…方案" sets targets for that year: its undated goals refer to it."""
    lines = [line.strip() for line in source.splitlines() if line.strip()][:TITLE_LINES]
    for index, line in enumerate(lines):
        match = ANNUAL_PLAN_TITLE.match(line)
        # A title may wrap: the kind of document (…实施方案的通知) can be on the next lines.
        if match and PLAN_WORDS.search("".join(lines[index : index + 3])) and len(line) > match.end() + 2:
            return int(match.group(1))
    return None


def _proposed_name(clause: str) -> str:
    words = re.sub(r"[\d.%]+|[,;:。\s]", "", clause)
    for cue in ("力争", "争取", "到", "达到", "不少于", "不低于", "以上", "左右", "约", "近"):
        words = words.replace(cue, "")
    return words[:20]
