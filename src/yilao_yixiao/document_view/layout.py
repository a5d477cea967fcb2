"""The reading structure of a plan's plain text: title, headings, paragraphs and indicator tables.

Plans copied from web pages and PDFs keep one paragraph per line, and lose their tables: each cell arrives on a
line of its own. A table is recognised by its header — a label cell, two or more year cells (2020年, 2025年目标值)
or one year cell and an attribute header (指标属性, 目标属性) — and its rows are read back cell by cell: with an
attribute column, a row ends at its attribute cell (约束性 / 预期性 / 预期值), so names that wrap over two lines and
group rows (养老方面) are kept; without one, every row has a name and one cell per year.

Every block keeps the offsets of its text in the original, so highlights given as offsets land where they belong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from yilao_yixiao.provenance import normalise

CHINESE_ORDINAL = "一二三四五六七八九十百零〇"
HEADING_PATTERNS = (
    (2, re.compile(rf"^(第[{CHINESE_ORDINAL}0-9]+[章节部分篇]|[{CHINESE_ORDINAL}]+[、.．])")),
    (3, re.compile(rf"^[（(][{CHINESE_ORDINAL}]+[）)]")),
    (4, re.compile(r"^[0-9０-９]{1,2}[.．、](?![0-9０-９])")),
)
HEADING_MAX_CHARS = 40
TITLE_MAX_CHARS = 60
YEAR_CELL = re.compile(r"^(?:19|20)[0-9]{2}年[^\s,.;:，。；：]{0,5}$")
ATTRIBUTE_HEADER = re.compile(r"属性|性质|类型")
ATTRIBUTE_CELL = re.compile(r"^(?:约束性|预期性|指导性|约束值|预期值|约束|预期)$")
HEADER_LABEL_MAX_CHARS = 12
# A table has ended when this many cells have come without the attribute cell that closes a row.
MAX_PENDING_EXTRA_CELLS = 4
TABLE_CELL_MAX_CHARS = 80
NOT_STATED_CELL = re.compile(r"^[-—–/／、\s]*$|^(无|空|暂无)$")
CJK = re.compile(r"[\u3400-\u9fff]")
VALUE_CELL_MAX_CJK = 6


@dataclass(frozen=True)
class Segment:
    """A piece of the original text: text[start:end]."""

    start: int
    end: int


@dataclass(frozen=True)
class Heading:
    level: int
    segment: Segment


@dataclass(frozen=True)
class Paragraph:
    segment: Segment


@dataclass(frozen=True)
class TableRow:
    """A data row (a name made of one or more line segments, then its cells) or a group row (name only)."""

    name: tuple[Segment, ...]
    cells: tuple[Segment | None, ...] = ()  # None: a cell the text leaves out

    @property
    def is_group(self) -> bool:
        return not self.cells


@dataclass(frozen=True)
class Table:
    header: tuple[Segment, ...]
    rows: tuple[TableRow, ...] = field(default_factory=tuple)

    @property
    def width(self) -> int:
        return len(self.header)


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class _Line:
    segment: Segment
    text: str  # stripped, NFKC


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped)
            lines.append(_Line(Segment(start, start + len(stripped)), unicodedata.normalize("NFKC", stripped)))
        offset += len(raw)
    return lines


def heading_level(line: str) -> int | None:
    line = unicodedata.normalize("NFKC", line.strip())
    if len(line) > HEADING_MAX_CHARS or line.endswith(("。", ".", "；", ";")):
        return None
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(line):
            return level
    return None


TITLE_WORDS = re.compile(r"(方案|规划|计划|意见|办法|通知|公告|细则|纲要|决定|措施)$")
TITLE_SEARCH_LINES = 30


def _is_title(line: str) -> bool:
    line = normalise(line)
    return (
        len(line) <= TITLE_MAX_CHARS
        and not re.search(r"[.;:,]", line)
        and heading_level(line) is None
        and not line.startswith(("<", '"'))
    )


def _title_lines(lines: list[_Line]) -> list[int]:
    """Indexes of the title's lines: the first short title-like line among the first lines that ends in a
    document word (方案, 规划, 通知…), with the line before it when a title broken after 关于… ends there."""
    for index, line in enumerate(lines[:TITLE_SEARCH_LINES]):
        if not _is_title(line.text):
            continue
        simplified = normalise(line.text)
        if TITLE_WORDS.search(simplified):
            return [index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            "关于" in simplified
            and following is not None
            and _is_title(following.text)
            and TITLE_WORDS.search(normalise(following.text))
        ):
            return [index, index + 1]
    return []


def title_line(text: str) -> str | None:
    """The document's title as printed (lines of a broken title joined), or None when no line looks like one."""
    lines = _lines(text)
    indexes = _title_lines(lines)
    if not indexes:
        return None
    return "".join(text[lines[i].segment.start : lines[i].segment.end] for i in indexes)


def _is_attribute_cell(line: _Line) -> bool:
    return bool(ATTRIBUTE_CELL.match(normalise(line.text)))


def _table_header(lines: list[_Line], index: int) -> tuple[int, bool] | None:
    """(number of year columns, has attribute column) when lines[index] starts a table header."""
    label = lines[index].text
    if len(label) > HEADER_LABEL_MAX_CHARS or YEAR_CELL.match(label) or heading_level(label):
        return None
    years = 0
    while index + 1 + years < len(lines) and YEAR_CELL.match(lines[index + 1 + years].text):
        years += 1
    after = index + 1 + years
    has_attribute = (
        after < len(lines)
        and len(lines[after].text) <= HEADER_LABEL_MAX_CHARS
        and bool(ATTRIBUTE_HEADER.search(normalise(lines[after].text)))
    )
    if years >= 2 or (years == 1 and has_attribute):
        return years, has_attribute
    return None


def _looks_like_value(line: _Line) -> bool:
    """A figure cell: few words around a number (≥55%, 1人左右, 3400), or a not-stated mark (——, /)."""
    if NOT_STATED_CELL.match(line.text):
        return True
    return bool(re.search(r"[0-9]", line.text)) and len(CJK.findall(line.text)) <= VALUE_CELL_MAX_CJK


def _ends_table(line: _Line) -> bool:
    return len(line.text) > TABLE_CELL_MAX_CHARS or heading_level(line.text) in (2, 3)


def _name_rows(parts: list[_Line]) -> tuple[list[TableRow], tuple[Segment, ...]]:
    """Group rows and the row name from the cells before a row's values; a (…) line continues the name before it."""
    names: list[list[Segment]] = []
    for part in parts:
        if names and part.text.startswith("("):
            names[-1].append(part.segment)
        else:
            names.append([part.segment])
    if not names:
        return [], ()
    return [TableRow(tuple(name)) for name in names[:-1]], tuple(names[-1])


def _read_table(lines: list[_Line], index: int, years: int, has_attribute: bool) -> tuple[Table, int] | None:
    """The table whose header starts at lines[index], and the index of the first line after it."""
    width = 1 + years + (1 if has_attribute else 0)
    header = tuple(line.segment for line in lines[index : index + width])
    position = index + width
    rows: list[TableRow] = []
    pending: list[_Line] = []
    consumed = position
    while position < len(lines):
        line = lines[position]
        if _ends_table(line):
            break
        if has_attribute and _is_attribute_cell(line):
            if len(pending) < years:
                break
            values = pending[len(pending) - years :]
            names = pending[: len(pending) - years]
            # A row with an empty (unprinted) cell has one cell fewer: its name is then the first "value".
            if not names and not _looks_like_value(values[0]):
                names, values = values[:1], values[1:]
            groups, name = _name_rows(names)
            padding = (None,) * (years - len(values))
            rows.extend([*groups, TableRow(name, (*padding, *(cell.segment for cell in values), line.segment))])
            pending, consumed = [], position + 1
        else:
            pending.append(line)
            if not has_attribute and len(pending) == width:
                rows.append(TableRow((pending[0].segment,), tuple(cell.segment for cell in pending[1:])))
                pending, consumed = [], position + 1
            elif len(pending) > width + MAX_PENDING_EXTRA_CELLS:
                break
        position += 1
    if not any(not row.is_group for row in rows):
        return None
    return Table(header, tuple(rows)), consumed


def parse_blocks(text: str) -> list[Block]:
    """The document as title/heading, paragraph and table blocks, in reading order."""
    lines = _lines(text)
    blocks: list[Block] = []
    title = set(_title_lines(lines))
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _table_header(lines, index)
        if header is not None:
            table = _read_table(lines, index, *header)
            if table is not None:
                blocks.append(table[0])
                index = table[1]
                continue
        level = heading_level(line.text)
        if index in title:
            blocks.append(Heading(1, line.segment))
        elif level is not None:
            blocks.append(Heading(level, line.segment))
        else:
            blocks.append(Paragraph(line.segment))
        index += 1
    return blocks
