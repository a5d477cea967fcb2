"""Render a plan's text as readable, escaped HTML with its cited figures highlighted (review page, site)."""

from yilao_yixiao.document_view.layout import Heading, Paragraph, Segment, Table, TableRow, parse_blocks, title_line
from yilao_yixiao.document_view.locate import NormalisedText, locate_figure, locate_quote
from yilao_yixiao.document_view.render import Highlight, render_document, stylesheet

__all__ = [
    "Heading",
    "Highlight",
    "NormalisedText",
    "Paragraph",
    "Segment",
    "Table",
    "TableRow",
    "locate_figure",
    "locate_quote",
    "parse_blocks",
    "render_document",
    "stylesheet",
    "title_line",
]
