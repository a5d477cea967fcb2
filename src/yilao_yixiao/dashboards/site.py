"""Write the static dashboard site: HTML pages, one shared local plotly.js, the downloads folder.

The site works offline and from `file://`: pages link their assets relatively, nothing is fetched from a
network, and every page carries both languages (the toggle only shows one of them).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
import plotly.offline
import polars as pl
from markupsafe import Markup

from yilao_yixiao.dashboards import data, downloads, figures
from yilao_yixiao.dashboards.labels import (
    CHECK_KINDS,
    CHECK_STATUSES,
    DOCUMENT_STATUSES,
    FINDING_STATUSES,
    LANGS,
    OBLIGATIONS,
    VALUE_KINDS,
    Text,
    format_number,
    format_percent,
    format_value,
    format_year,
    label,
    unit_label,
)

# Templates and assets ship inside the package, so an installed `yyx dashboards` finds them without a checkout.
PACKAGE_RESOURCES = resources.files("yilao_yixiao.dashboards")
TEMPLATES = "templates"
ASSETS = "assets"
PLOTLY_JS = "plotly.min.js"
DOWNLOADS = "downloads"
DBT_DOCS_PAGE = "dbt-docs.html"
# Marks a folder as written by this module, so a rebuild may clear it without deleting anything else.
SITE_MARKER = ".yyx-site"


@dataclass(frozen=True)
class Page:
    slug: str
    title: Text
    summary: Text

    @property
    def filename(self) -> str:
        return f"{self.slug}.html"


INDEX = Page("index", Text("一老一小规划目标看板", "一老一小 plan targets: dashboards"), Text("", ""))
OVERVIEW = Page(
    "overview",
    Text("概览", "Overview"),
    Text(
        "每个地区一张卡片:文件、日期、状态、规划期、基线与目标数量、约束性与预期性指标比例、核查结果。",
        "One card per jurisdiction: document, date, status, plan period, baselines and targets, binding vs "
        "expected, audit status.",
    ),
)
COMPARISON = Page(
    "comparison",
    Text("地区比较", "City comparison"),
    Text(
        "两个及以上地区共有的指标,同一坐标轴并列比较,标明比较符号(≥ 55 % 不等于 = 55 %)和年份。",
        "Every indicator two or more jurisdictions share, side by side on one axis, with the comparator "
        "(≥ 55 % is not = 55 %) and the year.",
    ),
)
GAPS = Page(
    "gaps",
    Text("基线与目标差距", "Gaps"),
    Text(
        "各地区各指标从基线到目标的差距与所需年均增长率;未给出基线的指标单独列出。",
        "Baseline → target per jurisdiction and indicator, with absolute gap and required annual growth; "
        "indicators without a baseline listed as such.",
    ),
)
ZHOUKOU = Page(
    "zhoukou-counties",
    Text("周口市分县任务", "Zhoukou counties"),
    Text(
        "周口市2024年五项任务分解到各县(市、区):任务量、占全市合计比例,“/”表示不适用而非零。",
        "Zhoukou's five 2024 targets by county: allocation, share of the city total, and '/' (not "
        "applicable) shown as such, not as zero.",
    ),
)
AUDIT = Page(
    "audit",
    Text("一致性核查", "Audit"),
    Text(
        "每项一致性核查的结果、文件数字与推算数字及其区间、原文引用;已登记的问题突出显示。",
        "Every consistency check with its status, the stated and computed values with their intervals and "
        "the source quotes; findings highlighted.",
    ),
)
DOWNLOADS_PAGE = Page(
    "downloads",
    Text("数据下载", "Downloads"),
    Text(
        "各数据表的 CSV 与 Parquet 文件、字段说明、README 及含来源文件引用的 datapackage.json。",
        "Each mart as CSV and Parquet, the codebook, a README and datapackage.json citing every source document.",
    ),
)
DASHBOARD_PAGES = (OVERVIEW, COMPARISON, GAPS, ZHOUKOU, AUDIT)
NAV_PAGES = (INDEX, *DASHBOARD_PAGES, DOWNLOADS_PAGE)


def bi(zh: object, en: object | None = None) -> Markup:
    """Both languages of a label as escaped HTML; CSS shows the one the toggle selects."""
    if isinstance(zh, Text):
        zh, en = zh.zh, zh.en
    en = zh if en is None else en
    return Markup('<span class="i18n" lang="zh-Hans">{}</span><span class="i18n" lang="en">{}</span>').format(
        "" if zh is None else zh, "" if en is None else en
    )


@dataclass
class FigureSlot:
    """A chart placed in a page: its element id and the figure in both languages as safe JSON."""

    element_id: str
    spec_json: Markup

    @classmethod
    def build(cls, element_id: str, builder, frame: pl.DataFrame) -> FigureSlot:
        spec = figures.figure_json({lang: builder(frame, lang) for lang in LANGS})
        return cls(element_id, Markup(spec))


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("yilao_yixiao.dashboards", TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        bi=bi,
        nav_pages=NAV_PAGES,
        format_number=format_number,
        format_percent=format_percent,
        format_year=format_year,
    )
    return environment


def _prepare_output(out: Path) -> None:
    """Empty a previous site in `out`; refuse to clear a folder this module did not write."""
    if out.exists() and any(out.iterdir()):
        if not (out / SITE_MARKER).exists():
            raise FileExistsError(f"{out} exists and is not a dashboard site; choose another --out")
        shutil.rmtree(out)
    (out / ASSETS).mkdir(parents=True, exist_ok=True)
    (out / SITE_MARKER).write_text("written by `yyx dashboards`; the folder is replaced on every run\n")


def _write_assets(out: Path) -> None:
    for asset in PACKAGE_RESOURCES.joinpath(ASSETS).iterdir():
        if asset.is_file():
            (out / ASSETS / asset.name).write_bytes(asset.read_bytes())
    # One copy of plotly.js for every page, from the plotly package installed with the project.
    (out / ASSETS / PLOTLY_JS).write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")


def _dbt_docs(database: Path) -> Path | None:
    """dbt's single-file docs (`dbt docs generate --static`) of the same build, when it has been generated."""
    folder = Path(database).resolve().parent
    for candidate in (folder / "static_index.html", folder / "dbt_artifacts" / "static_index.html"):
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class SiteResult:
    out: Path
    pages: tuple[Path, ...]
    downloads: tuple[downloads.MartFile, ...]
    has_audit: bool
    has_dbt_docs: bool


def build_site(database: Path, out: Path, manifest_path: Path | None = None) -> SiteResult:
    """Write the whole site for the warehouse at `database` into `out` (replaced if it is a previous site)."""
    database, out = Path(database), Path(out)
    manifest = downloads.load_manifest(database, manifest_path)
    _prepare_output(out)
    _write_assets(out)
    mart_files = downloads.write_downloads(database, out / DOWNLOADS, manifest)
    docs = _dbt_docs(database)
    if docs is not None:
        shutil.copy2(docs, out / DBT_DOCS_PAGE)

    build = manifest.get("metadata", {})
    common = {
        "built_at": build.get("generated_at", ""),
        "dbt_version": build.get("dbt_version", ""),
        "has_dbt_docs": docs is not None,
        "dbt_docs_page": DBT_DOCS_PAGE,
        "downloads_page": DOWNLOADS_PAGE,
    }
    environment = _environment()
    checks = data.consistency_checks(database)
    contexts = {
        INDEX: _index_context(database, checks),
        OVERVIEW: _overview_context(database),
        COMPARISON: _comparison_context(database),
        GAPS: _gaps_context(database),
        ZHOUKOU: _zhoukou_context(database),
        AUDIT: _audit_context(checks),
        DOWNLOADS_PAGE: _downloads_context(database, mart_files),
    }
    written = []
    for page, context in contexts.items():
        html = environment.get_template(f"{page.slug}.html.j2").render(page=page, **common, **context)
        target = out / page.filename
        target.write_text(html, encoding="utf-8")
        written.append(target)
    return SiteResult(out, tuple(written), tuple(mart_files), checks is not None, docs is not None)


def _index_context(database: Path, checks: pl.DataFrame | None) -> dict:
    counts = data.query(
        database,
        """
        select
            (select count(*) from marts.dim_jurisdictions) as n_jurisdictions,
            (select count(*) from marts.dim_documents) as n_documents,
            (select count(*) from marts.fct_indicator_values) as n_values,
            (select count(*) from marts.dim_indicators) as n_indicators
        """,
    ).to_dicts()[0]
    return {
        "counts": counts,
        "dashboards": DASHBOARD_PAGES,
        "n_checks": None if checks is None else checks.height,
        "jurisdictions": data.jurisdictions(database).to_dicts(),
    }


def _plan_period(card: dict) -> Text:
    start, end = card["plan_period_start"], card["plan_period_end"]
    if start is None and end is None:
        return Text("文件未说明", "not stated")
    if start is None:
        return Text(f"至{end}年(起始年未说明)", f"to {end} (start not stated)")
    if end is None:
        return Text(f"{start}年起(结束年未说明)", f"from {start} (end not stated)")
    if start == end:
        return Text(f"{start}年", str(start))
    return Text(f"{start}–{end}年", f"{start}–{end}")


def _overview_context(database: Path) -> dict:
    frame = data.overview_cards(database)
    cards = []
    for card in frame.to_dicts():
        status = label(DOCUMENT_STATUSES, card["document_status"], "en")
        cards.append(
            {
                **card,
                "status_text": Text(label(DOCUMENT_STATUSES, card["document_status"], "zh"), status),
                "is_draft": card["document_status"] == "draft_for_comment",
                "plan_period": _plan_period(card),
                "binding_share_text": format_percent(card["binding_share_of_classified"], digits=0)
                if card["binding_share_of_classified"] is not None
                else None,
            }
        )
    return {
        "cards": cards,
        "audit_built": data.mart_exists(database, data.AUDIT_MART),
        "obligation_figure": FigureSlot.build("figure-obligations", figures.obligation_figure, frame),
    }


def _comparison_context(database: Path) -> dict:
    values = data.comparison_values(database)
    not_plotted = data.comparison_not_plotted(database)
    all_jurisdictions = data.jurisdictions(database).to_dicts()
    sections = []
    for (indicator_code,), rows in values.group_by("indicator_code", maintain_order=True):
        first = rows.row(0, named=True)
        present = set(rows["jurisdiction_slug"].to_list())
        sections.append(
            {
                "indicator_code": indicator_code,
                "name_zh": first["indicator_name_zh"],
                "name_en": first["indicator_name_en"],
                "unit": Text(unit_label(first["unit"], "zh"), unit_label(first["unit"], "en")),
                "n_points": rows.height,
                "not_stating": [j for j in all_jurisdictions if j["jurisdiction_slug"] not in present],
                "not_plotted": not_plotted.filter(pl.col("indicator_code") == indicator_code).to_dicts(),
                "figure": FigureSlot.build(f"figure-compare-{indicator_code}", figures.comparison_figure, rows),
            }
        )
    return {
        "sections": sections,
        "n_points": values.height,
        "value_kinds": VALUE_KINDS,
        "format_value": format_value,
        "label": label,
        "value_kind_labels": VALUE_KINDS,
    }


def _gaps_context(database: Path) -> dict:
    gaps = data.indicator_gaps(database)
    sections = []
    for (unit,), rows in gaps.group_by("unit", maintain_order=True):
        sections.append(
            {
                "unit": unit,
                "unit_label": Text(unit_label(unit, "zh"), unit_label(unit, "en")),
                "n_rows": rows.height,
                "figure": FigureSlot.build(f"figure-gaps-{unit}", figures.gaps_figure, rows),
            }
        )
    table = []
    for record in gaps.sort("jurisdiction_code", "indicator_code").to_dicts():
        gap_zh, growth = figures.gap_text(record, "zh")
        gap_en, _ = figures.gap_text(record, "en")
        table.append(
            {
                **record,
                "baseline_text": format_value(
                    record["baseline_value"], record["unit"], figures._symbol(record["baseline_comparator"])
                )
                if record["has_baseline"]
                else None,
                "target_text": format_value(record["target_value"], record["unit"], record["target_comparator_symbol"]),
                "gap_text": Text(gap_zh, gap_en),
                "growth_text": growth,
                "obligation_text": Text(
                    label(OBLIGATIONS, record["target_obligation"], "zh"),
                    label(OBLIGATIONS, record["target_obligation"], "en"),
                ),
            }
        )
    without_baseline = [row for row in table if not row["has_baseline"]]
    return {
        "sections": sections,
        "table": table,
        "without_baseline": without_baseline,
        "n_gaps": gaps.height,
        "n_with_baseline": gaps.filter(pl.col("has_baseline")).height,
    }


def _zhoukou_context(database: Path) -> dict:
    allocations = data.county_allocations(database)
    measures = allocations.unique("indicator_code", maintain_order=True).to_dicts()
    counties = allocations.unique("county_slug", maintain_order=True).to_dicts()
    cells = {(r["county_slug"], r["indicator_code"]): r for r in allocations.to_dicts()}
    return {
        "measures": measures,
        "counties": counties,
        "cells": cells,
        "n_cells": allocations.height,
        "n_not_applicable": allocations.filter(~pl.col("is_applicable")).height,
        "county_figure": FigureSlot.build("figure-zhoukou-counties", figures.county_figure, allocations),
    }


def _audit_context(checks: pl.DataFrame | None) -> dict:
    if checks is None:
        return {"audit_built": False}
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
                "stated_text": figures.interval_text(
                    record["stated_value"], record["stated_lower"], record["stated_upper"]
                ),
                "computed_text": figures.interval_text(
                    record["computed_value"], record["computed_lower"], record["computed_upper"]
                ),
                "quotes": [q for q in (record["source_quotes"] or "").split(" ‖ ") if q],
            }
        )
    plottable = figures.audit_plottable(checks)
    return {
        "audit_built": True,
        "rows": rows,
        "n_checks": checks.height,
        "n_failed": checks.filter(pl.col("status") == "fail").height,
        "n_findings": checks.filter(pl.col("is_known_finding").fill_null(False)).height,
        "n_plotted": plottable.height,
        "audit_figure": FigureSlot.build("figure-audit", figures.audit_figure, checks) if plottable.height else None,
    }


def _downloads_context(database: Path, mart_files: list[downloads.MartFile]) -> dict:
    return {
        "files": mart_files,
        "sources": downloads.source_citations(database),
        "downloads_dir": DOWNLOADS,
        "codebook": downloads.CODEBOOK_FILE,
        "datapackage": downloads.DATAPACKAGE_FILE,
        "readme": downloads.README_FILE,
    }
