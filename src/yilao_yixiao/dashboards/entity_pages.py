"""A page per jurisdiction and per shared indicator, built from the same frames as the dashboards.

Pages sit one folder below the site root, so every link they print is made with `root="../"`.
"""

from __future__ import annotations

import polars as pl

from yilao_yixiao.dashboards import figures as charts
from yilao_yixiao.dashboards.citations import document_href, figure_href, indicator_href, jurisdiction_href
from yilao_yixiao.dashboards.explorer import figure_rows
from yilao_yixiao.dashboards.labels import (
    CHECK_KINDS,
    CHECK_STATUSES,
    DOMAINS,
    FINDING_STATUSES,
    OBLIGATIONS,
    Text,
    format_number,
    format_percent,
    format_value,
    label,
    labels,
    unit_label,
)

SUBFOLDER_ROOT = "../"
# An indicator gets its own page when two or more jurisdictions state it, as on the comparison dashboard.
MIN_JURISDICTIONS_FOR_PAGE = 2


def _by_domain(rows: list[dict]) -> list[dict]:
    domains: dict[str, list[dict]] = {}
    for row in rows:
        domains.setdefault(row["domain"] or "", []).append(row)
    return [
        {"domain": domain, "domain_text": labels(DOMAINS, domain or None), "rows": members}
        for domain, members in sorted(domains.items())
    ]


def gap_rows(gaps: pl.DataFrame, root: str) -> list[dict]:
    """Gaps as table rows: baseline and target linked to their sentences, share of the way and growth printed."""
    rows = []
    for record in gaps.to_dicts():
        gap_zh, growth = charts.gap_text(record, "zh")
        gap_en, _ = charts.gap_text(record, "en")
        rows.append(
            {
                **record,
                "baseline_text": format_value(
                    record["baseline_value"], record["unit"], charts._symbol(record["baseline_comparator"])
                )
                if record["has_baseline"]
                else None,
                "baseline_href": figure_href(root, record["document_id"], record["baseline_value_id"])
                if record["has_baseline"]
                else None,
                "target_text": format_value(record["target_value"], record["unit"], record["target_comparator_symbol"]),
                "target_href": figure_href(root, record["document_id"], record["target_value_id"]),
                "gap_text": Text(gap_zh, gap_en),
                "growth_text": growth,
                "progress_text": format_percent(charts.share_of_target(record), digits=0)
                if charts.share_of_target(record) is not None
                else "—",
                "obligation_text": Text(
                    label(OBLIGATIONS, record["target_obligation"], "zh"),
                    label(OBLIGATIONS, record["target_obligation"], "en"),
                ),
                "indicator_href": indicator_href(root, record["indicator_code"]),
            }
        )
    return rows


def check_rows(checks: pl.DataFrame | None) -> list[dict]:
    if checks is None:
        return []
    rows = []
    for record in checks.to_dicts():
        rows.append(
            {
                **record,
                "kind_text": Text(
                    label(CHECK_KINDS, record["check_kind"], "zh"), label(CHECK_KINDS, record["check_kind"], "en")
                ),
                "status_text": Text(
                    label(CHECK_STATUSES, record["status"], "zh"), label(CHECK_STATUSES, record["status"], "en")
                ),
                "finding_text": Text(
                    label(FINDING_STATUSES, record["finding_status"], "zh"),
                    label(FINDING_STATUSES, record["finding_status"], "en"),
                )
                if record["is_known_finding"]
                else None,
                "stated_text": charts.interval_text(
                    record["stated_value"], record["stated_lower"], record["stated_upper"]
                ),
                "computed_text": charts.interval_text(
                    record["computed_value"], record["computed_lower"], record["computed_upper"]
                ),
                "quotes": [q for q in (record["source_quotes"] or "").split(" ‖ ") if q],
                "value_id_list": [v for v in (record["value_ids"] or "").replace(",", " ").split() if v],
            }
        )
    return rows


def annex_sections(allocations: pl.DataFrame, documents: pl.DataFrame, root: str) -> list[dict]:
    """One allocation table per document that has an annex: units down, measures across, '/' kept as '/'."""
    titles = {d["document_id"]: d for d in documents.to_dicts()}
    sections = []
    for (document_id,), rows in allocations.group_by("document_id", maintain_order=True):
        records = rows.to_dicts()
        measures = list({r["indicator_code"]: r for r in records}.values())
        units = list({r["county_slug"]: r for r in records}.values())
        document = titles.get(document_id, {})
        sections.append(
            {
                "document_id": document_id,
                "document": document,
                "document_href": document_href(root, document_id),
                "measures": measures,
                "units": units,
                "cells": {(r["county_slug"], r["indicator_code"]): r for r in records},
                "n_cells": rows.height,
                "n_not_applicable": rows.filter(~pl.col("is_applicable")).height,
                "rows": rows,
            }
        )
    return sections


def jurisdiction_contexts(
    jurisdictions: pl.DataFrame,
    documents: pl.DataFrame,
    all_figures: pl.DataFrame,
    gaps: pl.DataFrame,
    checks: pl.DataFrame | None,
    allocations: pl.DataFrame,
    built_at: str,
    current: pl.DataFrame | None = None,
    revisions: pl.DataFrame | None = None,
) -> dict[str, dict]:
    """The context of each jurisdiction's page, keyed by its slug."""
    contexts = {}
    for jurisdiction in jurisdictions.to_dicts():
        slug = jurisdiction["jurisdiction_slug"]
        own_documents = documents.filter(pl.col("jurisdiction_slug") == slug)
        own_figures = all_figures.filter(pl.col("jurisdiction_slug") == slug)
        own_gaps = gaps.filter(pl.col("jurisdiction_slug") == slug)
        own_checks = None if checks is None else checks.filter(pl.col("jurisdiction_slug") == slug)
        own_allocations = allocations.filter(pl.col("jurisdiction_slug") == slug)
        figure_table = figure_rows(own_figures, built_at, SUBFOLDER_ROOT)
        contexts[slug] = {
            "jurisdiction": jurisdiction,
            "documents": [
                {**d, "href": document_href(SUBFOLDER_ROOT, d["document_id"])} for d in own_documents.to_dicts()
            ],
            "domains": _by_domain(figure_table),
            "n_figures": own_figures.height,
            "n_baselines": own_figures.filter(pl.col("value_kind") == "baseline").height,
            "n_targets": own_figures.filter(pl.col("value_kind") == "target").height,
            "gaps": gap_rows(own_gaps, SUBFOLDER_ROOT),
            "checks": check_rows(own_checks),
            "audit_built": checks is not None,
            "n_failed": 0 if own_checks is None else own_checks.filter(pl.col("status") == "fail").height,
            "annexes": annex_sections(own_allocations, documents, SUBFOLDER_ROOT),
            "current_targets": _current_rows(current, slug),
            "revisions": _revision_rows(revisions, slug),
            # Current targets only say something beyond the figures table when plans of the jurisdiction compete.
            "has_several_documents": own_documents.height > 1,
        }
    return contexts


def indicator_contexts(indicators: pl.DataFrame, all_figures: pl.DataFrame, built_at: str) -> dict[str, dict]:
    """The context of each shared indicator's page, keyed by its code: every statement side by side."""
    contexts = {}
    shared = indicators.filter(pl.col("n_jurisdictions") >= MIN_JURISDICTIONS_FOR_PAGE)
    for indicator in shared.to_dicts():
        code = indicator["indicator_code"]
        statements = all_figures.filter(pl.col("indicator_code") == code).sort(
            "jurisdiction_code", "period_year", "value_id", nulls_last=True
        )
        contexts[code] = {
            "indicator": indicator,
            "unit_text": Text(unit_label(indicator["unit"], "zh"), unit_label(indicator["unit"], "en")),
            "rows": figure_rows(statements, built_at, SUBFOLDER_ROOT),
            "has_period_basis": "period_basis" in statements.columns,
            "n_jurisdictions": statements["jurisdiction_slug"].n_unique(),
            "format_number": format_number,
        }
    return contexts


def _current_rows(current: pl.DataFrame | None, slug: str) -> list[dict]:
    if current is None:
        return []
    return [
        {
            **row,
            "target_text": format_value(row["target_value"], row["unit"], row["target_comparator_symbol"]),
            "target_href": figure_href(SUBFOLDER_ROOT, row["document_id"], row["target_value_id"]),
        }
        for row in current.filter(pl.col("jurisdiction_slug") == slug).to_dicts()
    ]


def _revision_rows(revisions: pl.DataFrame | None, slug: str) -> list[dict]:
    if revisions is None:
        return []
    return [
        {
            **row,
            "previous_text": format_value(row["previous_value"], row["unit"], row["previous_comparator_symbol"]),
            "previous_href": figure_href(SUBFOLDER_ROOT, row["previous_document_id"], row["previous_value_id"]),
            "revised_text": format_value(row["revised_value"], row["unit"], row["revised_comparator_symbol"]),
            "revised_href": figure_href(SUBFOLDER_ROOT, row["revised_document_id"], row["revised_value_id"]),
        }
        for row in revisions.filter(pl.col("jurisdiction_slug") == slug).to_dicts()
    ]


def jurisdiction_links(jurisdictions: pl.DataFrame, root: str) -> list[dict]:
    return [{**j, "href": jurisdiction_href(root, j["jurisdiction_slug"])} for j in jurisdictions.to_dicts()]


def indicator_links(indicators: pl.DataFrame, root: str) -> list[dict]:
    shared = indicators.filter(pl.col("n_jurisdictions") >= MIN_JURISDICTIONS_FOR_PAGE)
    return [{**i, "href": indicator_href(root, i["indicator_code"])} for i in shared.to_dicts()]
