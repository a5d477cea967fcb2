"""The explorer: every figure of fct_indicator_values as a table row, filterable, searchable and sortable.

The page carries the rows twice: as HTML (what the reader sees, `hidden` when filtered out) and as the mart's
own columns in JSON, so "download this view" writes exactly the mart's rows, not the page's formatting.
The filters' URL parameters are listed here once and written into the page for site.js.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import polars as pl

from yilao_yixiao.dashboards.citations import figure_citation, figure_href, indicator_href, jurisdiction_href
from yilao_yixiao.dashboards.labels import (
    DOMAINS,
    OBLIGATIONS,
    VALUE_KINDS,
    Text,
    format_value,
    format_year,
    label,
    labels,
)

# A filter value for a missing year or obligation (an empty URL parameter means "any").
NOT_STATED = "not_stated"
SEARCH_PARAMETER = "q"
# The columns of fct_indicator_values the explorer's search box (and the site search) looks in.
SEARCHED_COLUMNS = (
    "jurisdiction_name_zh",
    "jurisdiction_name_en",
    "indicator_name_zh",
    "indicator_name_en",
    "source_quote",
    "raw_text",
    "value_id",
)


@dataclass(frozen=True)
class Filter:
    parameter: str
    column: str
    title: Text


FILTERS = (
    Filter("jurisdiction", "jurisdiction_slug", Text("地区", "Jurisdiction")),
    Filter("document", "document_id", Text("文件", "Document")),
    Filter("domain", "domain", Text("领域", "Domain")),
    Filter("indicator", "indicator_code", Text("指标", "Indicator")),
    Filter("kind", "value_kind", Text("类型", "Kind")),
    Filter("year", "period_year", Text("年份", "Year")),
    Filter("obligation", "obligation", Text("属性", "Obligation")),
)


def filter_token(value: object) -> str:
    """The value a row carries for a filter: the code itself, or NOT_STATED when the mart has none."""
    return NOT_STATED if value is None else str(value)


def search_text(row: dict) -> str:
    """What the search box matches: both languages' names, the quote and the printed figure, lower-cased."""
    parts = tuple(row.get(column) for column in SEARCHED_COLUMNS)
    return " ".join(str(part) for part in parts if part).lower()


def _option_label(filter_: Filter, row: dict) -> Text:
    value = row.get(filter_.column)
    if filter_.parameter == "jurisdiction":
        return Text(row["jurisdiction_name_zh"], row["jurisdiction_name_en"])
    if filter_.parameter == "document":
        return Text(row["document_title_zh"], row["document_title_en"] or row["document_title_zh"])
    if filter_.parameter == "indicator":
        return Text(row["indicator_name_zh"], row["indicator_name_en"])
    if filter_.parameter == "kind":
        return Text(label(VALUE_KINDS, value, "zh"), label(VALUE_KINDS, value, "en"))
    if filter_.parameter == "obligation":
        return Text(label(OBLIGATIONS, value, "zh"), label(OBLIGATIONS, value, "en"))
    if filter_.parameter == "year":
        return Text(format_year(value, "zh"), format_year(value, "en"))
    if filter_.parameter == "domain":
        return labels(DOMAINS, value)
    return Text(str(value), str(value).replace("_", " "))


def filter_options(figures: pl.DataFrame) -> list[dict]:
    """Each filter with its options in the order a reader scans them (codes sorted, 'not stated' last)."""
    options = []
    records = figures.to_dicts()
    for filter_ in FILTERS:
        seen: dict[str, Text] = {}
        for row in records:
            seen.setdefault(filter_token(row.get(filter_.column)), _option_label(filter_, row))
        ordered = sorted(seen.items(), key=lambda item: (item[0] == NOT_STATED, item[0]))
        options.append({"filter": filter_, "options": [{"value": v, "label": t} for v, t in ordered]})
    return options


def _json_value(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def figure_rows(figures: pl.DataFrame, built_at: str, root: str) -> list[dict]:
    """One row per figure with what a table cell prints, where it links and how it is cited."""
    rows = []
    for row in figures.to_dicts():
        rows.append(
            {
                **row,
                "href": figure_href(root, row["document_id"], row["value_id"]),
                "jurisdiction_href": jurisdiction_href(root, row["jurisdiction_slug"]),
                "indicator_href": indicator_href(root, row["indicator_code"]),
                "value_text": format_value(row["value"], row["unit"], row["comparator_symbol"])
                if row["value"] is not None
                else row["raw_text"],
                "year_text": Text(format_year(row["period_year"], "zh"), format_year(row["period_year"], "en")),
                "kind_text": labels(VALUE_KINDS, row["value_kind"]),
                "domain_text": labels(DOMAINS, row["domain"]),
                "obligation_text": labels(OBLIGATIONS, row["obligation"]),
                "citation": figure_citation(row, row, built_at),
                "tokens": {f.parameter: filter_token(row.get(f.column)) for f in FILTERS},
            }
        )
    return rows


DATA_SCRIPT = "explore-data.js"


def mart_rows_script(figures: pl.DataFrame, mart_columns: list[str]) -> str:
    """The mart's own columns of every figure, for the CSV of the view and the search box, as a script."""
    payload = {
        "columns": mart_columns,
        "rows": [[_json_value(row[c]) for c in mart_columns] for row in figures.select(mart_columns).to_dicts()],
    }
    return "window.YYX_EXPLORER_DATA = " + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + ";\n"


def explorer_context(figures: pl.DataFrame, mart_columns: list[str], built_at: str) -> dict:
    return {
        "rows": figure_rows(figures, built_at, root=""),
        "filters": filter_options(figures),
        "filter_parameters": [f.parameter for f in FILTERS],
        "search_parameter": SEARCH_PARAMETER,
        "searched_columns": SEARCHED_COLUMNS,
        "data_script": DATA_SCRIPT,
        "n_rows": figures.height,
    }
