"""The site on disk: pages, one shared plotly.js, no remote reference, and downloads that explain themselves."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest
import yaml
from typer.testing import CliRunner

from tests.conftest import PROJECT_DIR
from yilao_yixiao.cli import app
from yilao_yixiao.dashboards import SiteResult, data
from yilao_yixiao.dashboards import site as site_module

DASHBOARD_FILES = ("overview.html", "explore.html", "comparison.html", "gaps.html", "annexes.html", "audit.html")
# The explorer carries every figure as a table row; it is held to its own budget.
PAGE_BYTES_LIMIT = 600_000
EXPLORER_BYTES_LIMIT = 900_000


class _References(HTMLParser):
    """Every src and href of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def references(page: Path) -> list[str]:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.urls


def test_index_links_every_dashboard_and_the_downloads(site: SiteResult) -> None:
    links = references(site.out / "index.html")
    for name in (*DASHBOARD_FILES, "downloads.html"):
        assert name in links
        assert (site.out / name).is_file()


def test_every_page_links_the_downloads_and_only_local_files(site: SiteResult) -> None:
    for page in site.pages:
        urls = references(page)
        assert any(url.endswith("downloads.html") for url in urls), page.name
        for url in urls:
            assert not re.match(r"^[a-z]+:", url) and not url.startswith("//"), f"{page.name} refers to {url}"
            target = re.split(r"[?#]", url)[0]
            assert not target or (page.parent / target).exists(), f"{page.name} links a missing {url}"


PLOTLY_BANNER = re.compile(r"\* plotly\.js (\([^)]*\) )?v\d")


def test_one_shared_plotly_js_and_light_pages(site: SiteResult) -> None:
    plotly_bundles = [p for p in site.out.rglob("*.js") if PLOTLY_BANNER.search(p.read_text(encoding="utf-8")[:300])]
    assert plotly_bundles == [site.out / "assets" / site_module.PLOTLY_JS]
    for page in site.pages:
        text = page.read_text(encoding="utf-8")
        assert not PLOTLY_BANNER.search(text), f"{page.name} embeds plotly.js"
        limit = EXPLORER_BYTES_LIMIT if page.name == "explore.html" else PAGE_BYTES_LIMIT
        assert page.stat().st_size < limit, f"{page.name} is {page.stat().st_size} bytes"
    chart_pages = [p for p in site.pages if f"assets/{site_module.PLOTLY_JS}" in references(p)]
    assert {p.name for p in chart_pages} >= {"overview.html", "comparison.html", "gaps.html", "annexes.html"}
    # Entity and document pages are tables and text: they do not load plotly.js.
    assert all(p.parent == site.out for p in chart_pages)


def test_audit_page_states_whether_the_audit_is_built(site: SiteResult, warehouse_path: Path) -> None:
    audit = (site.out / "audit.html").read_text(encoding="utf-8")
    if data.mart_exists(warehouse_path, data.AUDIT_MART):
        assert "audit-not-built" not in audit
        assert audit.count("data-check-id=") == data.consistency_checks(warehouse_path).height
    else:
        assert "audit-not-built" in audit


def test_every_mart_is_downloadable_as_csv_and_parquet(site: SiteResult, warehouse_path: Path, con) -> None:
    downloads = site.out / "downloads"
    marts = data.available_marts(warehouse_path)
    assert {"fct_indicator_values", "fct_indicator_gaps", "fct_county_allocations"} <= set(marts)
    for mart in marts:
        rows, columns = (
            con.sql(f"select count(*) from marts.{mart}").fetchall()[0][0],
            con.sql(f"select * from marts.{mart} limit 0").columns,
        )
        from_csv = pl.read_csv(downloads / f"{mart}.csv", infer_schema=False)
        from_parquet = pl.read_parquet(downloads / f"{mart}.parquet")
        assert from_csv.height == from_parquet.height == rows, mart
        assert from_csv.columns == from_parquet.columns == list(columns), mart
    # Missing stays missing: Zhoukou's '/' cells are empty in the CSV, not 0.
    allocations = pl.read_csv(downloads / "fct_county_allocations.csv", infer_schema=False)
    slash = allocations.filter(pl.col("is_applicable") == "false")
    assert slash.height == 3 and slash["value"].null_count() == 3


def _yml_column_descriptions() -> dict[tuple[str, str], str]:
    """Plain (non-doc-block) column descriptions as written in the marts yml."""
    spec = yaml.safe_load((PROJECT_DIR / "models" / "marts" / "_marts__models.yml").read_text(encoding="utf-8"))
    return {
        (model["name"], column["name"]): column["description"]
        for model in spec["models"]
        for column in model.get("columns", [])
        if column.get("description") and "{{" not in column["description"]
    }


def test_datapackage_describes_every_column_and_cites_every_source(
    site: SiteResult, warehouse_path: Path, sources: Path
) -> None:
    downloads = site.out / "downloads"
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    written_descriptions = _yml_column_descriptions()
    for mart in data.available_marts(warehouse_path):
        resource = resources[mart]
        assert resource["path"] == f"{mart}.csv" and resources[f"{mart}-parquet"]["path"] == f"{mart}.parquet"
        header = (downloads / resource["path"]).read_text(encoding="utf-8").splitlines()[0].split(",")
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        for field in fields:
            assert field["description"].strip(), f"{mart}.{field['name']} has no description"
            if (mart, field["name"]) in written_descriptions:
                assert field["description"].strip() == written_descriptions[(mart, field["name"])].strip()
        assert resource["description"].strip()
    values = resources["fct_indicator_values"]["schema"]
    assert values["primaryKey"] == ["value_id"]
    assert {"fields": "document_id", "reference": {"resource": "dim_documents", "fields": "document_id"}} in values[
        "foreignKeys"
    ]
    types = {f["name"]: f["type"] for f in values["fields"]}
    assert (types["value"], types["period_year"], types["is_aspirational"]) == ("number", "integer", "boolean")

    # Each source document cited with the checksum of the very file the figures were read from.
    cited = {source["x-source-file"]: source for source in package["sources"]}
    assert len(cited) == 5
    for path in sorted(sources.glob("*.txt")):
        assert cited[path.name]["x-sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    ganzi = next(s for s in package["sources"] if s["x-document-id"] == "ganzi_2023_yilao_yixiao_plan_draft")
    assert ganzi["x-status"] == "draft_for_comment" and ganzi["x-issued-date"] == "2023-04-20"


def test_codebook_and_readme_cover_every_table(site: SiteResult, warehouse_path: Path, con) -> None:
    downloads = site.out / "downloads"
    codebook = pl.read_csv(downloads / "codebook.csv")
    marts = data.available_marts(warehouse_path)
    n_columns = sum(len(con.sql(f"select * from marts.{mart} limit 0").columns) for mart in marts)
    assert codebook.height == n_columns
    assert codebook["description"].null_count() == 0
    readme = (downloads / "README.md").read_text(encoding="utf-8")
    for mart in marts:
        assert f"`{mart}`" in readme


def test_exposures_declare_every_dashboard_and_the_marts_it_reads(warehouse_path: Path) -> None:
    manifest = json.loads((warehouse_path.parent / "dbt_artifacts" / "manifest.json").read_text(encoding="utf-8"))
    exposures = {e["url"]: e for e in manifest["exposures"].values()}
    for page in (*DASHBOARD_FILES, "downloads.html"):
        assert page in exposures, f"no dbt exposure for {page}"
    declared = {node.rsplit(".", 1)[-1] for e in exposures.values() for node in e["depends_on"]["nodes"]}
    read_by_dashboards = set(re.findall(r"marts\.(\w+)", Path(data.__file__).read_text(encoding="utf-8")))
    assert read_by_dashboards <= declared
    downloads = exposures["downloads.html"]["depends_on"]["nodes"]
    assert {node.rsplit(".", 1)[-1] for node in downloads} == set(data.MARTS)


def test_cli_writes_the_site_and_refuses_to_clear_a_foreign_folder(warehouse_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["dashboards", "--database", str(warehouse_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "downloads" / "datapackage.json").is_file()
    rerun = CliRunner().invoke(app, ["dashboards", "--database", str(warehouse_path), "--out", str(out)])
    assert rerun.exit_code == 0, rerun.output

    foreign = tmp_path / "somebody_elses"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        site_module.build_site(warehouse_path, foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"

    missing = CliRunner().invoke(app, ["dashboards", "--database", str(tmp_path / "nope.duckdb"), "--out", str(out)])
    assert missing.exit_code == 1
