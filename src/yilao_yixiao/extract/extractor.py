"""From a plan's text to proposed, cited rows: figures, years, kinds, hedges, sections and codebook concepts."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from yilao_yixiao.extract.codebook_match import Codebook, Match
from yilao_yixiao.extract.figures import Figure, figures_in
from yilao_yixiao.extract.numbers import DURATION_UNITS, format_decimal
from yilao_yixiao.extract.rows import ProposedRow, check_quotes, verbatim
from yilao_yixiao.extract.sections import Heading, SectionIndex
from yilao_yixiao.extract.tables import find_allocation_tables, find_tables
from yilao_yixiao.extract.text import clean
from yilao_yixiao.extract.years import YearMention, year_before, year_mentions

SENTENCE_END = re.compile(r"[。!?\n]")
# Where a clause starts: after punctuation, after a table attribute (约束性) or an item number of a run-on list.
CLAUSE_BREAK = re.compile(r"[,;。!?:\n]|(?:约束|预期)[性值住]|(?<![\d.])\d{1,2}\s?\.(?!\d)")
SENTENCE_WINDOW = 600
HAN = re.compile(r"[\u4e00-\u9fff]")
CLEAR_MATCH = 90.0
CUMULATIVE_WORDS = ("累计", "新增", "新建", "共", "上升", "增加", "提高了", "下降")
# The date a plan was issued, on a line of its own (the signature or the header): "2022年3月13日".
ISSUE_DATE_LINE = re.compile(r"(?m)^[ \t]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t]*$")
PRESENT_WORDS = ("现有", "目前", "当前", "现已")
EXISTING_HOUSING = re.compile(r"已建成?(?:的)?(?:住宅小区|小区|住宅|居住区|城区)")
RATE_NOUN = re.compile(r"(?:率|占比|比例|比重|覆盖面)$")
SHARED_VERB = re.compile(r"(?:均|都|分别)?(?:达到|达|为|保持在?|不低于|不少于|超过|提高到|提升到)$")
NEEDS_A_CONCEPT = ("prose.chinese_numeral", "prose.word", "prose.start_year", "prose.ratio")
START_YEAR = re.compile(r"(?<![\d\[〔(])((?:19|20)\d{2})\s*年(?:以来|以后|后)(?=新建|新增|建成|开工|交付|出让|竣工)")
RATIO = re.compile(r"(?<![\d:.])(\d{1,4})\s*:\s*1(?![\d.:])")
DEADLINE = re.compile(r"(?<![\d\[〔(])((?:19|20)\d{2})\s*年(?:底前|年底前|以前|之前|前)(?![\d年])")
DEPENDENT_FIGURE = re.compile(
    r"^(?:其中)?(?:占比重?为?|比重为?|占[^,;。]{0,12}(?:比重|比例)?为?"
    r"|比\S{0,6}(?:上升|增长|提高|下降|增加)|上升|增长|提高|下降|增加)了?$"
)
HEDGES = ("力争", "争取")
OBLIGATION_AFTER = re.compile(r"\s*(?:以上|左右)?\s*(约束|预期)[性值住]")
OBLIGATIONS = {"约束": "binding", "预期": "expected"}
# Words that date a figure to the past (a state) or make it a goal; section titles that do the same.
STATE_WORDS = ("截至", "截止", "已", "现有", "共有", "累计", "目前", "现状", "实际", "仅有", "尚", "期末", "预计")
GOAL_WORDS = ("力争", "争取", "目标", "确保", "将", "计划", "提高到", "提升到", "增加到", "不少于", "不低于")
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
PLAN_WORDS = re.compile(r"方案|计划|要点|安排|通知|意见|规划|办法")
TITLE_LINES = 4
PERIOD_NAME = re.compile(r"十([一二三四五六七八九])五")
PERIOD_REVIEWED = re.compile(r"十([一二三四五六七八九])五\W{0,2}(?:期间|时期|以来)")
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
    paragraph_years: tuple[YearMention, ...] = ()
    # The words next to the figure, up to its neighbours: what it counts, before the wider clause is consulted.
    local: str = ""
    before: str = ""
    sentence_start: int = -1


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
        found = figures_in(document.text) + _deadlines(document.text)
        found.sort(key=lambda f: f.start)
        prose = [f for f in found if not any(low <= f.start < high for low, high in taken)]
        for index, figure in enumerate(prose):
            previous_end = prose[index - 1].end if index else 0
            next_start = next((f.start for f in prose[index + 1 :] if f.start >= figure.end), len(document.text))
            candidate = self._prose_candidate(document, figure, previous_end, next_start)
            _respectively(document.text, candidate, prose)
            candidates.extend(_shared_figure(document.text, candidate, previous_end))
        candidates.sort(key=lambda c: c.figure.start)  # stable: a range's low row stays before its high row
        rows = [self._row(document, c, document_id, n) for n, c in enumerate(candidates, start=1)]
        _follow_the_figure_before(candidates, rows)
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
            _kind_hint(text[clause_start : figure.start], text[sentence_start : figure.start], year, titles),
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
        kind = _refine_kind(candidate, match)
        mention = candidate.year if candidate.year and _may_date(candidate.year, kind) else None
        year = mention.year if mention else None
        if mention and (mention.printed.startswith("十") or mention.is_census):
            notes.append(f"{mention.printed} read as {year}")
        earlier = [m for m in candidate.paragraph_years if _dates_kind(m, kind)]
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
            period_basis=_period_basis(kind, candidate, figure),
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


def _respectively(text: str, candidate: Candidate, figures: list[Figure]) -> None:
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


def _shared_figure(text: str, candidate: Candidate, previous_end: int) -> list[Candidate]:
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


def _deadlines(text: str) -> list[Figure]:
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


def _follow_the_figure_before(candidates: list[Candidate], rows: list[ProposedRow]) -> None:
    """ "…老年人12.59万人, 占比11.36%, 比上次普查上升1.67个百分点": a share or change of the figure just before
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


def _period_basis(kind: str, candidate: Candidate, figure: Figure) -> str:
    """How the figure spans time (the period_bases vocabulary): a norm, a yearly flow, a total or change, a level."""
    if kind == "standard":
        return "standing"
    if "每年" in candidate.local or "每年" in candidate.clause or "全年" in candidate.clause:
        return "one_year"
    if figure.unit in ("个百分点", "百分点") or any(word in candidate.local for word in CUMULATIVE_WORDS):
        return "cumulative"
    return "point_in_time"


def _may_date(mention: YearMention, kind: str) -> bool:
    return kind == "context" or not mention.is_census


def _dates_kind(mention: YearMention, kind: str) -> bool:
    """A baseline date stated earlier in a paragraph dates its later states: "截至2020年底, …。…"."""
    if not _may_date(mention, kind):
        return False
    if KIND_FAMILY[kind] == "state":
        return mention.is_baseline_date
    # A goal's year is its own sentence's (or its section's opening horizon): "到2025年" in an earlier sentence
    # of the paragraph dates that sentence's goals, and a norm holds from when it is set.
    return False


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


def _refine_kind(candidate: Candidate, match: Match | None) -> str:
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
