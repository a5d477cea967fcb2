"""The site-wide search index: pages, jurisdictions, documents, indicators and every figure, as one script.

A script (`window.YYX_SEARCH_INDEX = …`) rather than a JSON file, because pages opened from file:// may not
fetch. Matching is a substring test on lower-cased text, which needs no word segmentation for Chinese.
"""

from __future__ import annotations

import json

import polars as pl

from yilao_yixiao.dashboards.citations import document_href, figure_href, indicator_href, jurisdiction_href
from yilao_yixiao.dashboards.explorer import search_text
from yilao_yixiao.dashboards.labels import format_value

INDEX_FILE = "search-index.js"


def _entry(kind: str, zh: str, en: str, href: str, text: str = "") -> dict:
    return {"k": kind, "zh": zh, "en": en, "u": href, "s": f"{zh} {en} {text}".lower()}


def build_index(
    pages: list[tuple[str, str, str]],
    jurisdictions: pl.DataFrame,
    documents: pl.DataFrame,
    indicator_pages: pl.DataFrame,
    figures: pl.DataFrame,
) -> list[dict]:
    """Entries with hrefs relative to the site root; site.js prefixes each page's own root."""
    entries = [_entry("page", zh, en, href) for zh, en, href in pages]
    entries += [
        _entry(
            "jurisdiction",
            j["jurisdiction_name_zh"],
            j["jurisdiction_name_en"],
            jurisdiction_href("", j["jurisdiction_slug"]),
            f"{j['province_name_zh']} {j['province_name_en']}",
        )
        for j in jurisdictions.to_dicts()
    ]
    entries += [
        _entry(
            "document",
            d["title_zh"],
            d["title_en"] or d["title_zh"],
            document_href("", d["document_id"]),
            f"{d['jurisdiction_name_zh']} {d['jurisdiction_name_en']} {d['document_number'] or ''}",
        )
        for d in documents.to_dicts()
    ]
    entries += [
        _entry(
            "indicator",
            i["indicator_name_zh"],
            i["indicator_name_en"],
            indicator_href("", i["indicator_code"]),
            i["indicator_code"],
        )
        for i in indicator_pages.to_dicts()
    ]
    for row in figures.to_dicts():
        value = format_value(row["value"], row["unit"], row["comparator_symbol"]) if row["value"] is not None else ""
        entries.append(
            {
                "k": "figure",
                "zh": f"{row['jurisdiction_name_zh']} · {row['indicator_name_zh']} {value}".strip(),
                "en": f"{row['jurisdiction_name_en']} · {row['indicator_name_en']} {value}".strip(),
                "u": figure_href("", row["document_id"], row["value_id"]),
                "s": search_text(row),
            }
        )
    return entries


def index_script(entries: list[dict]) -> str:
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return f"window.YYX_SEARCH_INDEX = {payload};\n"
