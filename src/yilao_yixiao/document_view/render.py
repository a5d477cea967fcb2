"""A plan's text as escaped HTML, with each cited figure marked where it is printed.

The output is a fragment (an <article>) for any page: the review page and the site's document pages embed it
with `STYLESHEET`. Highlights that overlap nest; a highlight that runs over a line break is split into one
<mark> per block, and only its first piece carries the `id`, so `#<value_id>` links have one target.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

from yilao_yixiao.document_view.layout import Block, Heading, Paragraph, Segment, Table, TableRow, parse_blocks

DATA_ATTRIBUTE_NAME = re.compile(r"[^a-z0-9-]")


@dataclass(frozen=True)
class Highlight:
    """A figure to mark: text[char_start:char_end], its id and the attributes its popover lists (label → value)."""

    char_start: int
    char_end: int
    value_id: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    classes: tuple[str, ...] = ()  # extra CSS classes, e.g. to tell a reviewer's kinds of mark apart


def stylesheet() -> str:
    """The CSS of rendered documents: layout, tables, marks and their popovers (no external resource)."""
    return resources.files(__package__).joinpath("document_view.css").read_text(encoding="utf-8")


def _data_name(label: str) -> str:
    return "data-" + DATA_ATTRIBUTE_NAME.sub("-", label.strip().lower().replace("_", "-"))


class _Marker:
    """Renders segments of one text, remembering which highlights already received their id."""

    def __init__(self, text: str, highlights: Sequence[Highlight]) -> None:
        self.text = text
        self.highlights = sorted(
            (h for h in highlights if 0 <= h.char_start < h.char_end <= len(text)),
            key=lambda h: (h.char_start, -h.char_end),
        )
        self.with_id: set[str] = set()

    def _open(self, highlight: Highlight) -> str:
        classes = " ".join(("yv-figure", *highlight.classes))
        attributes = {"class": classes, "tabindex": "0", "data-value-id": highlight.value_id}
        if highlight.value_id not in self.with_id:
            self.with_id.add(highlight.value_id)
            attributes["id"] = highlight.value_id
        tip = []
        for label, value in highlight.attributes.items():
            attributes[_data_name(label)] = value
            if value:
                tip.append(f"{label}: {value}")
        attributes["data-tip"] = "\n".join(tip)
        rendered = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())
        return f"<mark {rendered}>"

    def segment(self, segment: Segment) -> str:
        start, end = segment.start, segment.end
        inside = [h for h in self.highlights if h.char_start < end and h.char_end > start]
        cuts = sorted({start, end} | {max(start, min(end, p)) for h in inside for p in (h.char_start, h.char_end)})
        pieces: list[str] = []
        opened: list[Highlight] = []
        for left, right in itertools.pairwise(cuts):
            covering = [h for h in inside if h.char_start <= left and h.char_end >= right]
            # Keep the marks that still cover this piece open, so nested highlights nest in one <mark>.
            kept = 0
            while kept < min(len(opened), len(covering)) and opened[kept] is covering[kept]:
                kept += 1
            pieces.append("</mark>" * (len(opened) - kept))
            pieces.extend(self._open(h) for h in covering[kept:])
            opened = covering
            pieces.append(html.escape(self.text[left:right], quote=False))
        pieces.append("</mark>" * len(opened))
        return "".join(pieces)

    def segments(self, segments: Iterable[Segment]) -> str:
        return "<br>".join(self.segment(s) for s in segments)


def _row(marker: _Marker, row: TableRow, width: int) -> str:
    if row.is_group:
        return f'<tr class="yv-group"><th scope="rowgroup" colspan="{width}">{marker.segments(row.name)}</th></tr>'
    cells = "".join(f"<td>{'' if cell is None else marker.segment(cell)}</td>" for cell in row.cells)
    missing = "<td></td>" * max(0, width - 1 - len(row.cells))
    return f'<tr><th scope="row">{marker.segments(row.name)}</th>{cells}{missing}</tr>'


def _block(marker: _Marker, block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{marker.segment(block.segment)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{marker.segment(block.segment)}</p>"
    assert isinstance(block, Table)
    header = "".join(f'<th scope="col">{marker.segment(cell)}</th>' for cell in block.header)
    body = "".join(_row(marker, row, block.width) for row in block.rows)
    table = f'<table class="yv-table"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'
    return f'<div class="yv-table-wrap">{table}</div>'


def render_document(text: str, highlights: Sequence[Highlight] = (), lang: str = "zh") -> str:
    """The text as an <article> of headings, paragraphs and tables, every highlight wrapped in a focusable <mark>.

    Highlights outside the text are ignored; the text and every attribute are HTML-escaped.
    """
    marker = _Marker(text, highlights)
    body = "\n".join(_block(marker, block) for block in parse_blocks(text))
    return f'<article class="yv-document" lang="{html.escape(lang, quote=True)}">\n{body}\n</article>'
