"""Write the static dashboard site: HTML pages, one shared local plotly.js, the downloads folder.

The site works offline and from `file://`: pages link their assets relatively, nothing is fetched from a
network, and every page carries both languages (the toggle only shows one of them).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
import polars as pl
from markupsafe import Markup

from yilao_yixiao import document_view
from yilao_yixiao.dashboards import (
    citations,
    data,
    document_pages,
    downloads,
    entity_pages,
    explorer,
    figures,
    labels,
    search_index,
)
from yilao_yixiao.dashboards.labels import (
    DOCUMENT_STATUSES,
    LANGS,
    PERIOD_BASES,
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
# plotly.js's partial "basic" bundle (scatter, bar, pie), vendored by tools/vendor_plotly.py at the version
# plotly.py bundles: the charts draw only scatter and bar traces, and the full bundle is four times the bytes.
VENDOR = "vendor"
PLOTLY_JS = "plotly-basic.min.js"
PLOTLY_LICENSE = "plotly-basic.LICENSE"
PLOTLY_RECORD = "plotly-basic.json"
DOCUMENT_VIEW_CSS = "document_view.css"
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
ANNEXES = Page(
    "annexes",
    Text("附件分解表", "Annex allocations"),
    Text(
        "文件附件中把任务分解到下级单位的表格,每份文件一节:任务量、占合计比例,“/”表示不适用而非零。",
        "Each document's annex that allocates its targets to lower units, one section per document: "
        "allocation, share of the total, and '/' (not applicable) shown as such, not as zero.",
    ),
)
EXPLORE = Page(
    "explore",
    Text("数字浏览", "Explorer"),
    Text(
        "每项数字一行:按地区、文件、领域、指标、类型、年份和属性筛选,搜索,排序,下载当前视图为 CSV;"
        "视图保存在网址中,可直接分享。",
        "Every figure as a row: filter by jurisdiction, document, domain, indicator, kind, year and obligation, "
        "search, sort, and download the view as CSV; the view lives in the URL, so a link reopens it.",
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
DASHBOARD_PAGES = (OVERVIEW, EXPLORE, COMPARISON, GAPS, ANNEXES, AUDIT)
NAV_PAGES = (INDEX, *DASHBOARD_PAGES, DOWNLOADS_PAGE)
SOURCES_ENV = "YYX_SOURCES"
DEFAULT_SOURCES = Path("../shared/sources")


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
        figure_href=citations.figure_href,
        nav_pages=NAV_PAGES,
        plotly_js=PLOTLY_JS,
        search_index_file=search_index.INDEX_FILE,
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
    # The document pages' layout and highlights come with the shared renderer.
    (out / ASSETS / DOCUMENT_VIEW_CSS).write_text(document_view.stylesheet(), encoding="utf-8")
    # One copy of plotly.js for every page, with its licence beside it.
    vendor = PACKAGE_RESOURCES.joinpath(ASSETS, VENDOR)
    for name in (PLOTLY_JS, PLOTLY_LICENSE):
        (out / ASSETS / name).write_bytes(vendor.joinpath(name).read_bytes())


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
    sources: Path | None = None


def default_sources() -> Path | None:
    """$YYX_SOURCES, else ../shared/sources beside the checkout, when the folder exists."""
    configured = os.environ.get(SOURCES_ENV)
    candidate = Path(configured) if configured else DEFAULT_SOURCES
    return candidate if candidate.is_dir() else None


def build_site(database: Path, out: Path, manifest_path: Path | None = None, sources: Path | None = None) -> SiteResult:
    """Write the whole site for the warehouse at `database` into `out` (replaced if it is a previous site).

    `sources` is the folder of the plans' texts for the document pages (default: `default_sources()`);
    without it the document pages list each figure with its quote but not the full text.
    """
    database, out = Path(database), Path(out)
    if sources is None:
        sources = default_sources()
    elif not Path(sources).is_dir():
        raise FileNotFoundError(f"sources folder not found: {sources}")
    manifest = downloads.load_manifest(database, manifest_path)
    labels.use_warehouse_vocabularies(lambda vocabulary, table: data.vocabulary_labels(database, vocabulary, table))
    _prepare_output(out)
    _write_assets(out)
    mart_files = downloads.write_downloads(database, out / DOWNLOADS, manifest)
    docs = _dbt_docs(database)
    if docs is not None:
        shutil.copy2(docs, out / DBT_DOCS_PAGE)

    build = manifest.get("metadata", {})
    built_at = build.get("generated_at", "")
    common = {
        "built_at": built_at,
        "dbt_version": build.get("dbt_version", ""),
        "has_dbt_docs": docs is not None,
        "dbt_docs_page": DBT_DOCS_PAGE,
        "downloads_page": DOWNLOADS_PAGE,
        "explore_page": EXPLORE,
    }
    environment = _environment()
    checks = data.consistency_checks(database)
    jurisdictions = data.jurisdictions(database)
    documents = data.documents(database)
    indicators = data.indicators(database)
    all_figures = data.all_figures(database)
    gaps = data.indicator_gaps(database)
    allocations = data.county_allocations(database)
    value_columns = data.query(database, "select * from marts.fct_indicator_values limit 0").columns

    def render(template: str, target: Path, root: str, page: Page, context: dict) -> Path:
        html = environment.get_template(template).render(page=page, root=root, **common, **context)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        return target

    contexts = {
        INDEX: _index_context(database, checks, jurisdictions, indicators),
        OVERVIEW: _overview_context(database),
        EXPLORE: explorer.explorer_context(all_figures, value_columns, built_at),
        COMPARISON: _comparison_context(database),
        GAPS: _gaps_context(gaps),
        ANNEXES: _annexes_context(allocations, documents),
        AUDIT: _audit_context(checks),
        DOWNLOADS_PAGE: _downloads_context(database, mart_files),
    }
    written = [
        render(f"{page.slug}.html.j2", out / page.filename, "", page, context) for page, context in contexts.items()
    ]
    root = entity_pages.SUBFOLDER_ROOT
    for slug, context in entity_pages.jurisdiction_contexts(
        jurisdictions,
        documents,
        all_figures,
        gaps,
        checks,
        allocations,
        built_at,
        data.current_targets(database),
        data.target_revisions(database),
    ).items():
        name = context["jurisdiction"]
        page = Page(slug, Text(name["jurisdiction_name_zh"], name["jurisdiction_name_en"]), Text("", ""))
        written.append(
            render("jurisdiction.html.j2", out / citations.JURISDICTIONS_DIR / f"{slug}.html", root, page, context)
        )
    for code, context in entity_pages.indicator_contexts(indicators, all_figures, built_at).items():
        indicator = context["indicator"]
        page = Page(code, Text(indicator["indicator_name_zh"], indicator["indicator_name_en"]), Text("", ""))
        written.append(
            render("indicator.html.j2", out / citations.INDICATORS_DIR / f"{code}.html", root, page, context)
        )
    for document in documents.to_dicts():
        document_id = document["document_id"]
        context = document_pages.document_context(
            document,
            all_figures.filter(pl.col("document_id") == document_id),
            allocations.filter(pl.col("document_id") == document_id),
            sources,
            built_at,
        )
        title = Text(document["title_zh"], document["title_en"] or document["title_zh"])
        page = Page(document_id, title, Text("", ""))
        written.append(
            render("document.html.j2", out / citations.DOCUMENTS_DIR / f"{document_id}.html", root, page, context)
        )
    index = search_index.build_index(
        [(p.title.zh, p.title.en, p.filename) for p in NAV_PAGES],
        jurisdictions,
        documents,
        indicators.filter(pl.col("n_jurisdictions") >= entity_pages.MIN_JURISDICTIONS_FOR_PAGE),
        all_figures,
    )
    (out / ASSETS / explorer.DATA_SCRIPT).write_text(
        explorer.mart_rows_script(all_figures, value_columns), encoding="utf-8"
    )
    (out / ASSETS / search_index.INDEX_FILE).write_text(search_index.index_script(index), encoding="utf-8")
    return SiteResult(out, tuple(written), tuple(mart_files), checks is not None, docs is not None, sources)


def _index_context(
    database: Path, checks: pl.DataFrame | None, jurisdictions: pl.DataFrame, indicators: pl.DataFrame
) -> dict:
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
        "jurisdictions": entity_pages.jurisdiction_links(jurisdictions, ""),
        "indicator_pages": entity_pages.indicator_links(indicators, ""),
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
    # Like with like (CODEBOOK.md, period basis): a one-year flow, a five-year total and a stock of the same
    # concept never share an axis, so each indicator gets one chart per period basis it is stated in.
    for (indicator_code, period_basis), rows in values.group_by(
        ["indicator_code", "period_basis"], maintain_order=True
    ):
        first = rows.row(0, named=True)
        present = set(rows["jurisdiction_slug"].to_list())
        sections.append(
            {
                "section_id": f"{indicator_code}--{period_basis}",
                # Pages link to comparison.html#<indicator_code>: the indicator's first chart carries that anchor.
                "is_first_of_indicator": not sections or sections[-1]["indicator_code"] != indicator_code,
                "indicator_code": indicator_code,
                "period_basis": period_basis,
                "period_basis_label": labels.labels(PERIOD_BASES, period_basis),
                "name_zh": first["indicator_name_zh"],
                "name_en": first["indicator_name_en"],
                "unit": Text(unit_label(first["unit"], "zh"), unit_label(first["unit"], "en")),
                "n_points": rows.height,
                "not_stating": [j for j in all_jurisdictions if j["jurisdiction_slug"] not in present],
                "not_plotted": not_plotted.filter(pl.col("indicator_code") == indicator_code).to_dicts(),
                "figure": FigureSlot.build(
                    f"figure-compare-{indicator_code}--{period_basis}", figures.comparison_figure, rows
                ),
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


def _gaps_context(gaps: pl.DataFrame) -> dict:
    sections = []
    for (unit,), rows in gaps.group_by("unit", maintain_order=True):
        sections.append(
            {
                "unit": unit,
                "unit_label": Text(unit_label(unit, "zh"), unit_label(unit, "en")),
                "n_rows": rows.height,
                "n_with_baseline": rows.filter(pl.col("has_baseline")).height,
                "figure": FigureSlot.build(f"figure-gaps-{unit}", figures.gaps_figure, rows),
            }
        )
    table = entity_pages.gap_rows(gaps.sort("jurisdiction_code", "indicator_code"), "")
    without_baseline = [row for row in table if not row["has_baseline"]]
    return {
        "sections": sections,
        "table": table,
        "without_baseline": without_baseline,
        "n_gaps": gaps.height,
        "n_with_baseline": gaps.filter(pl.col("has_baseline")).height,
    }


def _annexes_context(allocations: pl.DataFrame, documents: pl.DataFrame) -> dict:
    """One section per document that carries an allocation annex, each with its chart and table."""
    sections = entity_pages.annex_sections(allocations, documents, "")
    for number, section in enumerate(sections, start=1):
        section["figure"] = FigureSlot.build(f"figure-annex-{number}", figures.county_figure, section["rows"])
    return {"sections": sections, "n_cells": allocations.height}


def _audit_context(checks: pl.DataFrame | None) -> dict:
    if checks is None:
        return {"audit_built": False}
    rows = entity_pages.check_rows(checks)
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
