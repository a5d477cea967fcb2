"""A page per source document: its full text with every cited figure highlighted where it is printed.

The text is read from the sources folder at build time and rendered by the shared `document_view`; it
reaches only the built site, never the repository. A figure whose quote cannot be found in the text (or a
document whose text is missing) still gets its anchor, on its entry in the side list, so no link breaks.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from markupsafe import Markup

from yilao_yixiao.dashboards.citations import document_reference, jurisdiction_href
from yilao_yixiao.dashboards.explorer import figure_rows
from yilao_yixiao.dashboards.labels import OBLIGATIONS, VALUE_KINDS, Text, format_number, format_year, labels
from yilao_yixiao.document_view import Highlight, NormalisedText, locate_figure, render_document

SUBFOLDER_ROOT = "../"


def _both(text: Text) -> str:
    return text.zh if text.zh == text.en else f"{text.zh} {text.en}"


def _popover(row: dict) -> dict[str, str]:
    """The row a highlighted figure stands for, as its popover lists it (both languages in each label)."""
    return {
        "数值 value": row["value_text"] or "",
        "类型 kind": _both(labels(VALUE_KINDS, row["value_kind"])),
        "年份 year": format_year(row["period_year"], "en"),
        "比较符号 comparator": row["comparator"] or "",
        "属性 obligation": _both(labels(OBLIGATIONS, row["obligation"])),
        "指标 indicator": row["indicator_code"],
        "清理说明 cleaning note": row.get("cleaning_note") or "",
        "id": row["value_id"],
    }


def _allocation_popover(row: dict) -> dict[str, str]:
    return {
        "数值 value": row["raw_text"] or "",
        "单位 unit": f"{row['county_name_zh']} {row['county_name_en']}",
        "指标 indicator": row["indicator_code"],
        "年份 year": format_year(row["period_year"], "en"),
        "id": row["allocation_id"],
    }


def _by_section(rows: list[dict]) -> list[dict]:
    sections: dict[str, list[dict]] = {}
    for row in rows:
        sections.setdefault(row["source_section"] or "", []).append(row)
    return [{"section": section, "rows": members} for section, members in sections.items()]


def read_text(sources: Path | None, source_file: str | None) -> str | None:
    if sources is None or not source_file:
        return None
    path = Path(sources) / source_file
    return path.read_text(encoding="utf-8") if path.is_file() else None


def document_context(
    document: dict,
    figures: pl.DataFrame,
    allocations: pl.DataFrame,
    sources: Path | None,
    built_at: str,
) -> dict:
    """Everything a document page shows; `located` says which figures the text highlights."""
    rows = figure_rows(figures, built_at, SUBFOLDER_ROOT)
    allocation_rows = allocations.to_dicts()
    text = read_text(sources, document.get("source_file"))
    located: set[str] = set()
    article = None
    if text is not None:
        normalised = NormalisedText.of(text)
        highlights = []
        for row in rows:
            span = locate_figure(normalised, row["source_quote"] or "", row["raw_text"] or "")
            if span is not None:
                highlights.append(Highlight(span[0], span[1], row["value_id"], _popover(row)))
                located.add(row["value_id"])
        for row in allocation_rows:
            span = locate_figure(normalised, row["source_quote"] or "", row["raw_text"] or "")
            if span is not None:
                highlights.append(Highlight(span[0], span[1], row["allocation_id"], _allocation_popover(row)))
                located.add(row["allocation_id"])
        article = Markup(render_document(text, highlights, lang="zh-Hans"))
    return {
        "document": document,
        "reference": document_reference(document),
        "jurisdiction_href": jurisdiction_href(SUBFOLDER_ROOT, document["jurisdiction_slug"]),
        "article": article,
        "has_text": text is not None,
        "sections": _by_section(rows),
        "located": located,
        "n_figures": len(rows),
        "n_located": len([r for r in rows if r["value_id"] in located]),
        "allocations": [
            {**r, "value_text": format_number(r["value"]) if r["is_applicable"] else "/"} for r in allocation_rows
        ],
    }
