"""Where a figure lives on the site and how a reader cites it.

Every number on a page links to its sentence in the document page (`documents/<document_id>.html#<value_id>`);
every figure offers a one-line citation naming the document, section, quote and the build it was read from.
"""

from __future__ import annotations

DOCUMENTS_DIR = "documents"
JURISDICTIONS_DIR = "jurisdictions"
INDICATORS_DIR = "indicators"


def document_href(root: str, document_id: str) -> str:
    return f"{root}{DOCUMENTS_DIR}/{document_id}.html"


def figure_href(root: str, document_id: str, value_id: str) -> str:
    """The figure's highlighted span in its document page."""
    return f"{document_href(root, document_id)}#{value_id}"


def jurisdiction_href(root: str, slug: str) -> str:
    return f"{root}{JURISDICTIONS_DIR}/{slug}.html"


def indicator_href(root: str, indicator_code: str) -> str:
    return f"{root}{INDICATORS_DIR}/{indicator_code}.html"


def document_reference(document: dict) -> str:
    """Issuing body, title with its number, date and, for a draft, its status — as a reference list prints it."""
    body = document.get("issuing_body_zh") or document.get("jurisdiction_name_zh") or ""
    title = document.get("title_zh") or document.get("document_title_zh") or ""
    if document.get("document_number"):
        title += f"({document['document_number']})"
    issued = document.get("issued_date")
    parts = [part for part in (body, title, str(issued) if issued else "undated") if part]
    if document.get("document_status") == "draft_for_comment":
        parts.append("征求意见稿 / draft for public comment")
    return ". ".join(parts)


def figure_citation(figure: dict, document: dict, built_at: str) -> str:
    """One line to paste into a note: document, section, the verbatim quote, the figure's id and the build date."""
    section = figure.get("source_section") or ""
    quote = figure.get("source_quote") or ""
    pieces = [document_reference(document)]
    if section:
        pieces.append(section)
    if quote:
        pieces.append(f"“{quote}”")
    pieces.append(f"[{figure['value_id']}]")
    built = f"yilao_yixiao warehouse, built {built_at}" if built_at else "yilao_yixiao warehouse"
    return ". ".join(pieces) + f" ({built})."
