"""`yyx review`: one static, offline page to accept, edit or reject an extractor's proposed rows.

The page shows the document with every proposal highlighted (document_view), a table of the proposals with
accept / edit / reject per row, and a button that downloads the reviewed CSV (the proposed columns plus
`review_status`), built in the browser from the data embedded in the page. When the document already has seed
rows, a second-reader panel lists the seed rows the extractor missed and the proposals the seeds lack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from yilao_yixiao.document_view import Highlight, NormalisedText, locate_figure, render_document, stylesheet
from yilao_yixiao.review import tables
from yilao_yixiao.review.second_reader import Comparison, compare

# cleaning_note too: a value edited away from its printed text is accepted only with a note saying why.
EDITABLE_FIELDS = ("value", "value_kind", "period_year", "comparator", "indicator_code", "obligation", "cleaning_note")
# Seed columns the reviewer must fill when the project has them and the extractor leaves them empty.
REQUIRED_WHEN_SEEDED = ("period_basis",)
# Standards and only standards are standing norms (CODEBOOK.md, period_basis); other bases the reviewer chooses.
STANDARD_KIND, STANDING_BASIS = "standard", "standing"
POPOVER_FIELDS = (
    ("value", "value"),
    ("kind", "value_kind"),
    ("year", "period_year"),
    ("period basis", "period_basis"),
    ("comparator", "comparator"),
    ("code", "indicator_code"),
    ("obligation", "obligation"),
    ("confidence", "confidence"),
    ("cleaning note", "cleaning_note"),
)


@dataclass(frozen=True)
class Proposal:
    key: str  # the mark's id and the row's anchor
    line: int
    row: dict[str, str]
    span: tuple[int, int] | None  # where the figure is printed; None when its quote is not in the source


@dataclass(frozen=True)
class ReviewPage:
    html: str
    proposals: list[Proposal]
    comparison: Comparison | None


def _offset(text: str) -> int | None:
    try:
        return int(float(text))
    except ValueError:
        return None


def _keys(rows: list[dict[str, str]]) -> list[str]:
    """Each proposal's anchor: its value_id when that is present and unique, else its position."""
    ids = [row.get("value_id", "").strip() for row in rows]
    return [
        value_id if value_id and ids.count(value_id) == 1 else f"proposal-{index}"
        for index, value_id in enumerate(ids, start=1)
    ]


def locate_proposals(proposed: tables.Table, text: str) -> list[Proposal]:
    document = NormalisedText.of(text)
    proposals = []
    for key, (line, row) in zip(_keys(proposed.records), proposed.rows, strict=True):
        near = _offset(row.get("char_start", ""))
        span = locate_figure(document, row.get("source_quote", ""), row.get("raw_text", ""), near)
        proposals.append(Proposal(key, line, row, span))
    return proposals


def _seed_rows_of(seeds_dir: Path, document_ids: set[str]) -> list[dict[str, str]] | None:
    documents = tables.read_table(seeds_dir / "documents.csv").records
    if not any(row["document_id"] in document_ids for row in documents):
        return None
    values = tables.read_table(seeds_dir / "indicator_values.csv").records
    rows = [row for row in values if row["document_id"] in document_ids]
    # A document registered by add-document but not yet accepted has nothing for a second reader to compare.
    return rows or None


def _popover(row: dict[str, str]) -> dict[str, str]:
    return {label: row.get(column, "") for label, column in POPOVER_FIELDS}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("yilao_yixiao.review", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _script_json(data: object) -> str:
    # Inside <script>, "</script>" or "<!--" in a quote would end the element: escape every "<".
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def build_review_page(proposed_csv: Path, source: Path, seeds_dir: Path) -> ReviewPage:
    proposed = tables.read_table(proposed_csv)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise tables.ReviewError([f"{source}: file not found"]) from None
    except UnicodeDecodeError as err:
        raise tables.ReviewError([f"{source}: not valid UTF-8 (byte {err.start})"]) from None
    missing = [c for c in ("document_id", "value", "raw_text", "source_quote") if c not in proposed.columns]
    if missing:
        raise tables.ReviewError([f"{proposed_csv}, line 1: missing column(s) {', '.join(missing)}"])
    proposals = locate_proposals(proposed, text)
    highlights = [
        Highlight(p.span[0], p.span[1], p.key, _popover(p.row), ("yv-proposal",)) for p in proposals if p.span
    ]

    document_ids = {p.row.get("document_id", "") for p in proposals} - {""}
    seed_rows = _seed_rows_of(seeds_dir, document_ids) if (seeds_dir / "documents.csv").is_file() else None
    comparison = compare(seed_rows, [p.row for p in proposals]) if seed_rows is not None else None
    if comparison is not None:
        located = NormalisedText.of(text)
        for seed in comparison.missed:
            span = locate_figure(located, seed["source_quote"], seed["raw_text"])
            if span:
                highlights.append(
                    Highlight(span[0], span[1], f"seed-{seed['value_id']}", _popover(seed), ("yv-missed",))
                )
    new_rows = [id(row) for row in comparison.new] if comparison else []
    new_keys = {p.key for p in proposals if id(p.row) in new_rows}

    indicators_path = seeds_dir / "indicators.csv"
    indicator_codes = (
        [row["indicator_code"] for row in tables.read_table(indicators_path).records]
        if indicators_path.is_file()
        else []
    )
    seeded = tables.seed_columns(seeds_dir) if (seeds_dir / "indicator_values.csv").is_file() else ()
    period_bases = tables.period_bases(seeds_dir)
    # Offered only with its vocabulary: the reviewer picks a code, never types one.
    required = [c for c in REQUIRED_WHEN_SEEDED if c in seeded and period_bases]
    columns = list(proposed.columns)
    columns.extend(c for c in (*required, tables.REVIEW_STATUS) if c not in columns)
    if "period_basis" in required:
        for p in proposals:
            if not p.row.get("period_basis") and p.row.get("value_kind") == STANDARD_KIND:
                p.row["period_basis"] = STANDING_BASIS
    data = {
        "columns": columns,
        "editable": [*EDITABLE_FIELDS, *required],
        "required": required,
        "download_name": proposed_csv.stem + ".reviewed.csv",
        "proposals": [{"key": p.key, "row": p.row} for p in proposals],
    }
    html = (
        _environment()
        .get_template("review.html.j2")
        .render(
            source_name=source.name,
            document_ids=sorted(document_ids),
            document_html=render_document(text, highlights),
            document_css=stylesheet(),
            page_css=resources.files(__package__).joinpath("templates/review.css").read_text(encoding="utf-8"),
            page_js=resources.files(__package__).joinpath("templates/review.js").read_text(encoding="utf-8"),
            data_json=_script_json(data),
            proposals=proposals,
            new_keys=new_keys,
            comparison=comparison,
            editable_fields=EDITABLE_FIELDS,
            value_kinds=tables.value_kinds(seeds_dir),
            comparators=tables.comparators(seeds_dir),
            obligations=tables.obligations(seeds_dir),
            period_bases=period_bases if "period_basis" in required else (),
            indicator_codes=indicator_codes,
        )
    )
    return ReviewPage(html, proposals, comparison)


def write_review_page(proposed_csv: Path, source: Path, seeds_dir: Path, out: Path) -> ReviewPage:
    page = build_review_page(proposed_csv, source, seeds_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page.html, encoding="utf-8")
    return page
