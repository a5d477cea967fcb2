"""The Data Docs show failures as failed and render from file:// with no network at all."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.validation.conftest import Corrupted, Validated
from yilao_yixiao.validation.offline_docs import OfflineDocsError, make_offline

# Written independently of offline_docs.py so the test does not check the code with itself.
EXTERNAL_LOAD = re.compile(
    r"""<(?:script|img|iframe|embed|source)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//""",
    re.IGNORECASE,
)
LOCAL_REFERENCE = re.compile(r"""<(?:script|img|link)\b[^>]*\b(?:src|href)\s*=\s*"([^"#:]+)(?:[?#][^"]*)?\"""")


def validation_page(site: Path, suite: str) -> Path:
    pages = list((site / "validations" / suite).rglob("*.html"))
    assert len(pages) == 1, pages
    return pages[0]


def site_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert site / "index.html" in pages
    return pages


def test_the_failed_expectations_show_as_failed_in_the_data_docs(corrupted_warehouse: Corrupted) -> None:
    html = validation_page(corrupted_warehouse.site, "fct_indicator_values").read_text(encoding="utf-8")
    assert re.search(r"Status:</span>\s*<i class=\"fas fa-times text-danger\"[^>]*></i>\s*Failed", html)
    assert re.search(r"Unsuccessful Expectations</div></td><td[^>]*><div[^>]*>3</div>", html)
    # Each broken figure is listed among the unexpected values of its expectation.
    for shown in ("250.0", "-5.0", "2.5"):
        assert f'<div class="show-scrollbars">{shown}</div>' in html
    assert "values must be whole numbers" in html
    index = (corrupted_warehouse.site / "index.html").read_text(encoding="utf-8")
    assert "'_validation_success_text': 'Failed', 'asset_name': 'fct_indicator_values'" in index
    assert "'_validation_success_text': 'Success', 'asset_name': 'dim_jurisdictions'" in index


def test_a_passing_suite_shows_as_succeeded(validated_warehouse: Validated) -> None:
    html = validation_page(validated_warehouse.site, "fct_indicator_values").read_text(encoding="utf-8")
    assert re.search(r"Status:</span>\s*<i class=\"fas fa-check-circle text-success\"[^>]*></i>\s*Succeeded", html)


def test_no_page_loads_anything_from_the_network(validated_warehouse: Validated) -> None:
    site = validated_warehouse.site
    offenders = {
        str(path.relative_to(site)): EXTERNAL_LOAD.findall(path.read_text(encoding="utf-8"))
        for path in [*site_pages(site), *site.rglob("*.css")]
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_every_local_script_stylesheet_and_image_exists(validated_warehouse: Validated) -> None:
    missing = []
    for page in site_pages(validated_warehouse.site):
        for reference in LOCAL_REFERENCE.findall(page.read_text(encoding="utf-8")):
            if not (page.parent / unquote(reference)).is_file():
                missing.append(f"{page.relative_to(validated_warehouse.site)}: {reference}")
    assert missing == []


def test_an_unknown_cdn_stops_the_build(validated_warehouse: Validated, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(validated_warehouse.site, site)
    page = site / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</head>", '<script src="https://cdn.example.org/new-widget.js"></script></head>'
        ),
        encoding="utf-8",
    )
    with pytest.raises(OfflineDocsError, match=r"cdn\.example\.org/new-widget\.js"):
        make_offline(site)


@pytest.mark.parametrize("page_kind", ["index", "validation", "expectation_suite"])
def test_pages_opened_from_file_make_no_network_request(
    browser, corrupted_warehouse: Corrupted, page_kind: str
) -> None:
    site = corrupted_warehouse.site
    path = {
        "index": site / "index.html",
        "validation": validation_page(site, "fct_indicator_values"),
        "expectation_suite": site / "expectations" / "fct_indicator_values.html",
    }[page_kind]
    context = browser.new_context()
    requested: list[str] = []
    blocked: list[str] = []
    broken: list[str] = []
    errors: list[str] = []
    # Anything that is not a local file is recorded and refused, as it would be on an auditor's machine.
    context.route(re.compile(r"^(?!file:|data:)"), lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: broken.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)

    assert blocked == []
    assert [url for url in requested if urlsplit(url).scheme not in {"file", "data"}] == []
    assert broken == []
    assert errors == []
    # The local scripts ran: jQuery, bootstrap-table and Font Awesome's webfont are in use.
    assert page.evaluate("typeof jQuery.fn.bootstrapTable") == "function"
    assert any(url.endswith("fa-solid-900.woff2") for url in requested)
    if page_kind == "index":
        rows = page.locator("#section-1-content-block-2-1-body-table tbody tr")
        assert rows.count() >= 6
        assert page.locator("i.fa-times.text-danger").count() == 1
    context.close()
