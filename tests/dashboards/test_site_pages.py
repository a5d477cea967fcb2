"""The reader's pages on disk: one per jurisdiction, shared indicator and document; every number linked to its
sentence; the explorer's rows and filters; the search index; citations. Counts come from the marts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import polars as pl
import pytest

from tests.conftest import PROJECT_DIR
from yilao_yixiao.dashboards import SiteResult, build_site, citations, explorer, search_index
from yilao_yixiao.dashboards.document_pages import document_context


class _Page(HTMLParser):
    """Ids, links and the attributes of chosen elements of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.marks: list[dict[str, str]] = []
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag == "tr" and "data-value-id" in attributes:
            self.rows.append(attributes)
        if tag == "mark":
            self.marks.append(attributes)
        if tag == "table" and "yv-table" in attributes.get("class", ""):
            self.tables += 1


def parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_one_page_per_jurisdiction_shared_indicator_and_document(site: SiteResult, con) -> None:
    slugs = {slug for (slug,) in con.sql("select jurisdiction_slug from marts.dim_jurisdictions").fetchall()}
    shared = {
        code
        for (code,) in con.sql("select indicator_code from marts.dim_indicators where n_jurisdictions >= 2").fetchall()
    }
    documents = {d for (d,) in con.sql("select document_id from marts.dim_documents").fetchall()}
    assert {p.stem for p in (site.out / "jurisdictions").glob("*.html")} == slugs
    assert {p.stem for p in (site.out / "indicators").glob("*.html")} == shared and shared
    assert {p.stem for p in (site.out / "documents").glob("*.html")} == documents
    # The overview and the index link to them.
    index = parse(site.out / "index.html").hrefs
    assert {f"jurisdictions/{slug}.html" for slug in slugs} <= set(index)
    assert {f"indicators/{code}.html" for code in shared} <= set(index)


def test_every_link_of_every_page_reaches_an_existing_file_and_anchor(site: SiteResult) -> None:
    pages = sorted(site.out.rglob("*.html"))
    ids = {page.resolve(): set(parse(page).ids) for page in pages}
    checked = 0
    for page in pages:
        for href in parse(page).hrefs:
            path, _, fragment = re.sub(r"\?[^#]*", "", href).partition("#")
            target = (page.parent / unquote(path)).resolve() if path else page.resolve()
            assert target.exists(), f"{page.relative_to(site.out)} links a missing {href}"
            if fragment and target.suffix == ".html":
                assert fragment in ids[target], f"{page.relative_to(site.out)} links a missing anchor {href}"
                checked += 1
    assert checked > 1_000  # every figure on every page links to its sentence, so anchors are many


def test_each_document_page_has_one_anchor_per_figure(site: SiteResult, con) -> None:
    for document_id, n_values in con.sql("select document_id, n_values from marts.dim_documents").fetchall():
        page = parse(site.out / "documents" / f"{document_id}.html")
        figure_ids = [
            figure_id
            for (figure_id,) in con.sql(
                """select value_id from marts.fct_indicator_values where document_id = $1
                   union all select allocation_id from marts.fct_county_allocations where document_id = $1""",
                params=[document_id],
            ).fetchall()
        ]
        assert len(figure_ids) >= n_values
        for figure_id in figure_ids:
            assert page.ids.count(figure_id) == 1, (document_id, figure_id)


@pytest.mark.real_plans
def test_document_pages_show_the_text_with_figures_highlighted(site: SiteResult, con) -> None:
    """Ganzi's draft: its 2020/2025 indicator table laid out as a table, 3,400 slots marked with its row."""
    value_id = con.sql(
        """select value_id from marts.fct_indicator_values where jurisdiction_slug = 'ganzi'
           and indicator_code = 'childcare_slots' and value_kind = 'target' and value = 3400 order by value_id"""
    ).fetchall()[0][0]
    page = parse(site.out / "documents" / "ganzi_2023_yilao_yixiao_plan_draft.html")
    assert page.tables >= 1
    mark = next(m for m in page.marks if m.get("id") == value_id)
    assert mark["tabindex"] == "0"
    assert "3,400" in mark["data-tip"] and "2025" in mark["data-tip"]
    located = {m["data-value-id"] for m in page.marks}
    n_ganzi = con.sql("select n_values from marts.dim_documents where jurisdiction_slug = 'ganzi'").fetchall()[0][0]
    assert len(located) == n_ganzi  # every quote of this document is found in its text


def test_explorer_has_one_row_per_figure_with_its_filter_values(site: SiteResult, con) -> None:
    rows = {row["data-value-id"]: row for row in parse(site.out / "explore.html").rows}
    mart = con.sql(
        "select value_id, jurisdiction_slug, document_id, value_kind, period_year, obligation"
        " from marts.fct_indicator_values"
    ).fetchall()
    assert set(rows) == {value_id for value_id, *_ in mart}
    for value_id, slug, document_id, kind, year, obligation in mart:
        row = rows[value_id]
        assert (row["data-jurisdiction"], row["data-document"], row["data-kind"]) == (slug, document_id, kind)
        assert row["data-year"] == (str(year) if year is not None else explorer.NOT_STATED)
        assert row["data-obligation"] == (obligation or explorer.NOT_STATED)
    # The data behind "download this view" holds the mart's own columns.
    script = (site.out / "assets" / explorer.DATA_SCRIPT).read_text(encoding="utf-8")
    payload = json.loads(script.split("=", 1)[1].rstrip().rstrip(";"))
    assert payload["columns"] == con.sql("select * from marts.fct_indicator_values limit 0").columns
    assert len(payload["rows"]) == len(mart)


def test_search_index_lists_every_figure_with_its_sentence(site: SiteResult, con) -> None:
    script = (site.out / "assets" / search_index.INDEX_FILE).read_text(encoding="utf-8")
    entries = json.loads(script.split("=", 1)[1].rstrip().rstrip(";"))
    figures = {e["u"] for e in entries if e["k"] == "figure"}
    expected = {
        f"documents/{document_id}.html#{value_id}"
        for document_id, value_id in con.sql("select document_id, value_id from marts.fct_indicator_values").fetchall()
    }
    assert figures == expected
    kinds = {e["k"] for e in entries}
    assert kinds == {"page", "jurisdiction", "document", "indicator", "figure"}


def test_a_citation_names_document_section_quote_id_and_build() -> None:
    document = {
        "issuing_body_zh": "厦门市人民政府办公厅",
        "title_zh": "厦门市养老服务体系建设实施方案",
        "document_number": "厦府办〔2030〕7号",
        "issued_date": "2030-05-06",
        "document_status": "draft_for_comment",
    }
    figure = {"value_id": "xiamen_007", "source_section": "三、主要目标", "source_quote": "新增托位1200个"}
    line = citations.figure_citation(figure, document, "2030-06-01T08:00:00Z")
    assert line == (
        "厦门市人民政府办公厅. 厦门市养老服务体系建设实施方案(厦府办〔2030〕7号). 2030-05-06. "
        "征求意见稿 / draft for public comment. 三、主要目标. “新增托位1200个”. [xiamen_007] "
        "(yilao_yixiao warehouse, built 2030-06-01T08:00:00Z)."
    )
    undated = citations.document_reference({**document, "issued_date": None, "document_status": "final"})
    assert undated.endswith("undated")


def _figure(value_id: str, quote: str, raw_text: str, value: float, section: str) -> dict:
    """A row with the columns of fct_indicator_values a document page reads, for a plan the test writes."""
    return {
        "value_id": value_id,
        "jurisdiction_code": "350200",
        "jurisdiction_slug": "xiamen",
        "jurisdiction_name_zh": "厦门市",
        "jurisdiction_name_en": "Xiamen",
        "document_id": "xiamen_2030_plan",
        "document_title_zh": "厦门市养老服务实施方案",
        "document_title_en": "Xiamen elderly-care plan",
        "indicator_code": "elderly_care_beds",
        "indicator_name_zh": "养老床位数",
        "indicator_name_en": "Elderly-care beds",
        "domain": "elderly_care",
        "unit": "count",
        "value_kind": "target",
        "period_year": 2030,
        "value": value,
        "comparator": "ge",
        "comparator_symbol": "≥",
        "obligation": "binding",
        "raw_text": raw_text,
        "source_section": section,
        "source_quote": quote,
        "cleaning_note": None,
    }


def test_document_page_of_a_plan_the_test_writes(tmp_path: Path) -> None:
    """A new city's text: its figures found and marked, one it does not contain still anchored in the list."""
    (tmp_path / "xiamen.txt").write_text(
        "厦门市养老服务实施方案\n\n一、总体目标\n到2030年,全市养老床位达到 12,500 张以上。\n"
        "二、保障措施\n每年新增护理型床位800张。\n",
        encoding="utf-8",
    )
    figures = pl.DataFrame(
        [
            _figure("xiamen_001", "全市养老床位达到12,500张以上", "12,500张", 12500, "一、总体目标"),
            _figure("xiamen_002", "每年新增护理型床位800张", "800张", 800, "二、保障措施"),
            _figure("xiamen_003", "这句话不在文本中", "9张", 9, "三、其他"),
        ]
    )
    allocations = pl.DataFrame(schema={"allocation_id": pl.String, "source_quote": pl.String, "raw_text": pl.String})
    document = {
        "document_id": "xiamen_2030_plan",
        "jurisdiction_slug": "xiamen",
        "title_zh": "厦门市养老服务实施方案",
        "source_file": "xiamen.txt",
        "issued_date": None,
    }
    context = document_context(document, figures, allocations, tmp_path, "2030-06-01")
    assert context["located"] == {"xiamen_001", "xiamen_002"}
    article = str(context["article"])
    assert re.search(r'<mark [^>]*id="xiamen_001"[^>]*>12,500 张</mark>', article), article
    assert re.search(r'<mark [^>]*id="xiamen_002"[^>]*>800张</mark>', article)
    assert [s["section"] for s in context["sections"]] == ["一、总体目标", "二、保障措施", "三、其他"]
    # Without the sources folder the page still has every figure (anchored on the side list).
    without = document_context(document, figures, allocations, tmp_path / "missing", "2030-06-01")
    assert without["article"] is None and without["located"] == set()


def test_site_without_sources_keeps_every_anchor(warehouse_path: Path, tmp_path: Path, con) -> None:
    empty = tmp_path / "no_texts"
    empty.mkdir()
    result = build_site(warehouse_path, tmp_path / "site", sources=empty)
    document_id, n_values = con.sql("select document_id, n_values from marts.dim_documents limit 1").fetchall()[0]
    page = parse(result.out / "documents" / f"{document_id}.html")
    assert page.marks == []
    value_ids = [
        v
        for (v,) in con.sql(
            "select value_id from marts.fct_indicator_values where document_id = ?", params=[document_id]
        ).fetchall()
    ]
    assert len(value_ids) == n_values and all(page.ids.count(v) == 1 for v in value_ids)
    with pytest.raises(FileNotFoundError):
        build_site(warehouse_path, tmp_path / "other", sources=tmp_path / "nowhere")


def test_code_labels_come_from_the_vocabulary_seeds(site: SiteResult) -> None:
    """The explorer's kind and domain options print the vocabulary seeds' own names, both languages."""
    explore = (site.out / "explore.html").read_text(encoding="utf-8")
    for seed, parameter in (("value_kinds.csv", "kind"), ("domains.csv", "domain")):
        vocabulary = pl.read_csv(PROJECT_DIR / "seeds" / seed)
        select = re.search(rf'<select [^>]*data-filter="{parameter}">(.*?)</select>', explore, re.S).group(1)
        options = dict(re.findall(r'<option value="([^"]*)">([^<]*)</option>', select))
        for code, name_zh, name_en in vocabulary.select(vocabulary.columns[:3]).iter_rows():
            if code in options:
                assert options[code] == f"{name_zh} / {name_en}", (seed, code)
        assert set(options) - {""} <= set(vocabulary[vocabulary.columns[0]])
