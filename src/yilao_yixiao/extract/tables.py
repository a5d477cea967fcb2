"""Indicator tables laid out one cell per line: year columns, an attribute column, "——" for not stated."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yilao_yixiao.extract.figures import Figure, figures_in, is_not_stated
from yilao_yixiao.extract.numbers import FIGURE

YEAR_HEADER = re.compile(r"^((?:19|20)\d{2})\s*年\s*(?:目标值|目标|基期值|基数|现状值|现状|预期值)?$")
ATTRIBUTE_HEADER = re.compile(r"^(?:目标属性|指标属性|属性|指标性质|性质)$")
ATTRIBUTE_CELL = re.compile(r"^(约束|预期)[性值住]$")
OBLIGATIONS = {"约束": "binding", "预期": "expected"}
SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
UNIT_IN_NAME = re.compile(r"\((%|‰|个|人|张|所|家|户|岁|元|万元|平方米|分钟)\)")
MAX_NAME_LENGTH = 60


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass
class TableRow:
    name_start: int
    name: str
    cells: list[Line]
    obligation: str
    years: list[int]
    figures: list[tuple[int, Figure]] = field(default_factory=list)


@dataclass
class Table:
    start: int
    end: int
    years: list[int]
    rows: list[TableRow]


def _lines(text: str) -> list[Line]:
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw)
    return lines


def _is_value_cell(text: str) -> bool:
    if is_not_stated(text):
        return True
    if YEAR_HEADER.match(text):
        return False
    match = FIGURE.fullmatch(text)
    return bool(match and match.group("low") and not re.fullmatch(r"[一二三四五六七八九十]+", match.group("low")))


def find_tables(text: str) -> list[Table]:
    lines = _lines(text)
    tables = []
    i = 0
    while i < len(lines):
        if not YEAR_HEADER.match(lines[i].text):
            i += 1
            continue
        header_start = i
        years = []
        while i < len(lines) and YEAR_HEADER.match(lines[i].text):
            years.append(int(YEAR_HEADER.match(lines[i].text).group(1)))
            i += 1
        if i < len(lines) and ATTRIBUTE_HEADER.match(lines[i].text):
            i += 1
        table, i = _read_body(lines, i, years)
        if table.rows:
            table.start = lines[header_start].start
            tables.append(table)
    return tables


def _read_body(lines: list[Line], i: int, years: list[int]) -> tuple[Table, int]:
    rows: list[TableRow] = []
    name_lines: list[Line] = []
    cells: list[Line] = []
    end = lines[i - 1].end if i else 0

    def close(obligation: str) -> None:
        nonlocal name_lines, cells
        if name_lines and cells:
            rows.append(TableRow(name_lines[0].start, "".join(n.text for n in name_lines), cells, obligation, years))
        name_lines, cells = [], []

    while i < len(lines):
        line = lines[i]
        if _is_value_cell(line.text) and name_lines:
            cells.append(line)
        elif ATTRIBUTE_CELL.match(line.text):
            close(OBLIGATIONS[line.text[:2]])
        else:
            if cells:
                close("")
            if len(line.text) > MAX_NAME_LENGTH or "。" in line.text or SECTION_HEADING.match(line.text):
                break
            if YEAR_HEADER.match(line.text):
                break
            # A name continued on the next line in brackets belongs to it; otherwise the new line is the name
            # (the previous one was a group heading such as "养老方面").
            if name_lines and line.text.startswith("("):
                name_lines.append(line)
            else:
                name_lines = [line]
        end = line.end
        i += 1
    close("")
    for row in rows:
        _read_cells(row)
    return Table(0, end, years, rows), i


def _read_cells(row: TableRow) -> None:
    # Cells are right-aligned to the year columns: a row with fewer cells lacks its earliest years.
    offset = len(row.years) - len(row.cells)
    unit_match = UNIT_IN_NAME.search(row.name)
    for index, cell in enumerate(row.cells):
        column = index + offset
        if column < 0 or is_not_stated(cell.text):
            continue
        text_figures = figures_in(cell.text, table_cell=True)
        for figure in text_figures:
            figure.start += cell.start
            figure.end += cell.start
            figure.raw_start += cell.start
            if not figure.unit and unit_match:
                figure.unit = unit_match.group(1)
            figure.labeller = "table.cell"
            row.figures.append((column, figure))


COLUMN_HEADER = re.compile(r"^\D{2,40}\((个|户|所|人次|人|张|家|%|万元|元|平方米|处|名|次)\)$")
TOTAL_LABEL = re.compile(r"^(?:合计|总计|共计|全市|全州|全县|全区|全盟|全省)$")


@dataclass
class TotalRow:
    """The total row of an allocation table (one row per county, one column per indicator)."""

    start: int
    end: int
    figures: list[tuple[str, Figure]]


@dataclass
class AllocationTable:
    start: int
    end: int
    totals: list[TotalRow]


def find_allocation_tables(text: str) -> list[AllocationTable]:
    """Tables whose columns are indicators with a unit ("老年助餐场所(个)") and whose rows are places.

    Only the total row is proposed: the places' rows are allocations of it, not figures of the plan's own."""
    lines = _lines(text)
    tables = []
    i = 0
    while i < len(lines):
        if not COLUMN_HEADER.match(lines[i].text):
            i += 1
            continue
        header_start = i
        while i < len(lines) and COLUMN_HEADER.match(lines[i].text):
            i += 1
        columns = [(line.text, COLUMN_HEADER.match(line.text).group(1)) for line in lines[header_start:i]]
        if len(columns) < 2:
            continue
        start = lines[header_start - 1].start if header_start else lines[header_start].start
        totals, end, i = _read_places(lines, i, columns)
        if end is not None:
            tables.append(AllocationTable(start, end, totals))
    return tables


def _read_places(lines: list[Line], i: int, columns: list[tuple[str, str]]) -> tuple[list[TotalRow], int | None, int]:
    totals: list[TotalRow] = []
    end = None
    width = len(columns)
    while i + width < len(lines):
        label, cells = lines[i], lines[i + 1 : i + 1 + width]
        if _is_value_cell(label.text) or not all(_is_value_cell(c.text) for c in cells):
            break
        if TOTAL_LABEL.match(label.text):
            figures = []
            for (name, unit), cell in zip(columns, cells, strict=True):
                if is_not_stated(cell.text):
                    continue
                for figure in figures_in(cell.text, table_cell=True):
                    figure.start += cell.start
                    figure.end += cell.start
                    figure.raw_start += cell.start
                    figure.unit = figure.unit or unit
                    figure.labeller = "table.total"
                    figures.append((name, figure))
            totals.append(TotalRow(label.start, cells[-1].end, figures))
        end = cells[-1].end
        i += 1 + width
    return totals, end, i
