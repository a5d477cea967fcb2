"""Make GX's Data Docs render without network: local copies of every CDN asset, references rewritten.

GX's templates load bootstrap, jquery, font-awesome, bootstrap-table, datepicker and vega from CDNs and the
navbar logo from S3. Auditors work offline, so after GX has written the site we copy each asset from a
Python package (or the few files vendored beside this module) into `static/vendor/` and point every page
at it with a relative path. An external reference we do not know stops the build: a GX upgrade that adds a
CDN must fail loudly instead of quietly needing the network again.

No GX import here: the check is also used by the tests on any built folder.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.resources import as_file, files
from pathlib import Path

VENDOR = "static/vendor"
OWN_VENDOR_PACKAGE = "yilao_yixiao.validation"


@dataclass(frozen=True)
class PackagedAsset:
    """A file or folder inside an installed package, copied to `destination` (relative to the site root)."""

    package: str
    path: str
    destination: str


ASSETS: tuple[PackagedAsset, ...] = (
    PackagedAsset("xstatic.pkg.jquery", "data/jquery.min.js", f"{VENDOR}/jquery/jquery.min.js"),
    PackagedAsset("xstatic.pkg.bootstrap", "data/css/bootstrap.min.css", f"{VENDOR}/bootstrap/bootstrap.min.css"),
    PackagedAsset(
        "xstatic.pkg.bootstrap", "data/js/bootstrap.bundle.min.js", f"{VENDOR}/bootstrap/bootstrap.bundle.min.js"
    ),
    PackagedAsset("xstatic.pkg.font_awesome", "data/css/all.min.css", f"{VENDOR}/font-awesome/css/all.min.css"),
    # all.min.css loads its fonts from ../webfonts/, so the folder keeps that layout.
    PackagedAsset("xstatic.pkg.font_awesome", "data/webfonts", f"{VENDOR}/font-awesome/webfonts"),
    PackagedAsset(
        "xstatic.pkg.bootstrap_datepicker",
        "data/bootstrap-datepicker.js",
        f"{VENDOR}/bootstrap-datepicker/bootstrap-datepicker.js",
    ),
    PackagedAsset(
        "xstatic.pkg.bootstrap_datepicker", "data/datepicker.css", f"{VENDOR}/bootstrap-datepicker/datepicker.css"
    ),
    PackagedAsset("js_lib_vega_embed", "static/js_lib_vega_embed/vega5.js", f"{VENDOR}/vega/vega5.js"),
    PackagedAsset("js_lib_vega_embed", "static/js_lib_vega_embed/vega-lite5.js", f"{VENDOR}/vega/vega-lite5.js"),
    PackagedAsset("js_lib_vega_embed", "static/js_lib_vega_embed/vega-embed6.js", f"{VENDOR}/vega/vega-embed6.js"),
    PackagedAsset(OWN_VENDOR_PACKAGE, "vendor/bootstrap-table", f"{VENDOR}/bootstrap-table"),
    PackagedAsset(OWN_VENDOR_PACKAGE, "vendor/bootstrap-dark", f"{VENDOR}/bootstrap-dark"),
)

GX_WEB_ASSETS = "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com"
BOOTSTRAP_TABLE = "https://unpkg.com/bootstrap-table@1.19.1/dist"
FILTER_CONTROL = "extensions/filter-control/bootstrap-table-filter-control"
DATEPICKER = "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0"

# Every external URL GX 1.x's templates load, and the local file (relative to the site root) that replaces
# it. None: the tag is dropped because another local file already provides it.
LOCAL_REPLACEMENTS: dict[str, str | None] = {
    "https://code.jquery.com/jquery-3.7.1.min.js": f"{VENDOR}/jquery/jquery.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": f"{VENDOR}/bootstrap/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": (
        f"{VENDOR}/bootstrap/bootstrap.bundle.min.js"
    ),
    # bootstrap.bundle.min.js includes popper.js.
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": None,
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": (
        f"{VENDOR}/font-awesome/css/all.min.css"
    ),
    f"{BOOTSTRAP_TABLE}/bootstrap-table.min.css": f"{VENDOR}/bootstrap-table/bootstrap-table.min.css",
    f"{BOOTSTRAP_TABLE}/bootstrap-table.min.js": f"{VENDOR}/bootstrap-table/bootstrap-table.min.js",
    f"{BOOTSTRAP_TABLE}/{FILTER_CONTROL}.min.js": f"{VENDOR}/bootstrap-table/bootstrap-table-filter-control.min.js",
    # GX's pages ask for the 1.19.0 stylesheet of the extension (minified on the index, plain elsewhere).
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": (
        f"{VENDOR}/bootstrap-table/bootstrap-table-filter-control.min.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": (
        f"{VENDOR}/bootstrap-table/bootstrap-table-filter-control.min.css"
    ),
    f"{DATEPICKER}/css/bootstrap-datepicker.min.css": f"{VENDOR}/bootstrap-datepicker/datepicker.css",
    f"{DATEPICKER}/js/bootstrap-datepicker.min.js": f"{VENDOR}/bootstrap-datepicker/bootstrap-datepicker.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": (
        f"{VENDOR}/bootstrap-dark/bootstrap-prefers-dark.min.css"
    ),
    "https://cdn.jsdelivr.net/npm/vega@5": f"{VENDOR}/vega/vega5.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": f"{VENDOR}/vega/vega-lite5.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": f"{VENDOR}/vega/vega-embed6.js",
    # GX copies its own logo into static/images/; the S3 copy only adds a tracking query string.
    f"{GX_WEB_ASSETS}/logo-long.png": "static/images/logo-long.png",
    # The dark-mode logo ships in no package: dark mode shows the same local logo.
    f"{GX_WEB_ASSETS}/full_logo_dark.png": "static/images/logo-long.png",
}


class OfflineDocsError(RuntimeError):
    """The Data Docs would still need the network."""


def _is_external(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://", "//"))


def _without_query(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0]


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""", re.IGNORECASE)
# Tags that make the browser fetch something on load, and the attribute holding the address.
RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "input": ("src",),
}


def css_external_urls(css: str) -> list[str]:
    return [m.group(2) for m in CSS_URL.finditer(css) if _is_external(m.group(2))] + [
        m.group(2) for m in CSS_IMPORT.finditer(css) if _is_external(m.group(2))
    ]


class _ResourceFinder(HTMLParser):
    """Collects every external address a page loads: script, stylesheet, font, image; also inside <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for attribute in RESOURCE_ATTRIBUTES.get(tag, ()):
            for candidate in re.split(r",\s*", values.get(attribute, "")):
                address = candidate.strip().split(" ")[0]
                if address and _is_external(address):
                    self.urls.append(address)
        if "style" in values:
            self.urls.extend(css_external_urls(values["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(css_external_urls(data))


def html_external_resources(html: str) -> list[str]:
    """External addresses a page would fetch when opened (links a reader may click are not counted)."""
    finder = _ResourceFinder()
    finder.feed(html)
    finder.close()
    return finder.urls


def external_resources_in_site(site: Path) -> dict[Path, list[str]]:
    """Every page or stylesheet of the site that still loads something from the network."""
    found: dict[Path, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            urls = html_external_resources(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            urls = css_external_urls(path.read_text(encoding="utf-8"))
        else:
            continue
        if urls:
            found[path] = urls
    return found


def copy_assets(site: Path) -> None:
    for asset in ASSETS:
        destination = site / asset.destination
        destination.parent.mkdir(parents=True, exist_ok=True)
        with as_file(files(asset.package).joinpath(asset.path)) as source:
            if source.is_dir():
                shutil.copytree(source, destination, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))
            else:
                shutil.copyfile(source, destination)


def _relative(site: Path, page_dir: Path, target: str) -> str:
    return Path(os.path.relpath(site / target, page_dir)).as_posix()


def _local_target(url: str, where: Path) -> str | None:
    key = _without_query(url)
    if key not in LOCAL_REPLACEMENTS:
        raise OfflineDocsError(
            f"{where}: GX references {url}, which has no local copy; add it to LOCAL_REPLACEMENTS "
            "in yilao_yixiao/validation/offline_docs.py"
        )
    return LOCAL_REPLACEMENTS[key]


SCRIPT_TAG = re.compile(r"<script\b(?P<attrs>[^>]*)>\s*</script>", re.IGNORECASE)
LINK_TAG = re.compile(r"<link\b(?P<attrs>[^>]*?)/?>", re.IGNORECASE)
IMG_TAG = re.compile(r"<img\b(?P<attrs>[^>]*?)/?>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""(?P<name>[\w:-]+)\s*=\s*(?P<quote>["'])(?P<value>.*?)(?P=quote)""", re.DOTALL)


def _attributes(text: str) -> dict[str, str]:
    return {m.group("name").lower(): m.group("value") for m in ATTRIBUTE.finditer(text)}


def rewrite_css(css: str, site: Path, css_dir: Path, where: Path) -> str:
    def local(match: re.Match[str]) -> str:
        url = match.group(2)
        if not _is_external(url):
            return match.group(0)
        target = _local_target(url, where)
        return f"url('{_relative(site, css_dir, target)}')" if target else "none"

    return CSS_URL.sub(local, css)


def _repair_static_link(tag: str, href: str, site: Path, page_dir: Path) -> str:
    """GX climbs one folder too few to static/ from a validation page (its favicon 404s); fix such links."""
    marker = "static/"
    if marker not in href or (page_dir / href).exists():
        return tag
    target = marker + href.rsplit(marker, 1)[1]
    if not (site / target).exists():
        return tag
    return tag.replace(href, _relative(site, page_dir, target))


def rewrite_html(html: str, site: Path, page: Path) -> str:
    """Point every external script, stylesheet, image and CSS url() of one page at the local copy.

    Rewritten tags lose `integrity` and `crossorigin`: the local file is not byte-identical to the CDN's
    (a different patch release), and `crossorigin` makes Chromium refuse a script from a file:// page.
    """
    page_dir = page.parent

    def script(match: re.Match[str]) -> str:
        attrs = _attributes(match.group("attrs"))
        src = attrs.get("src", "")
        if not _is_external(src):
            return match.group(0)
        target = _local_target(src, page)
        return f'<script src="{_relative(site, page_dir, target)}"></script>' if target else ""

    def link(match: re.Match[str]) -> str:
        attrs = _attributes(match.group("attrs"))
        href = attrs.get("href", "")
        if not _is_external(href):
            return _repair_static_link(match.group(0), href, site, page_dir)
        target = _local_target(href, page)
        if target is None:
            return ""
        rel = attrs.get("rel", "stylesheet")
        return f'<link rel="{rel}" href="{_relative(site, page_dir, target)}">'

    def image(match: re.Match[str]) -> str:
        attributes = match.group("attrs")
        src = _attributes(attributes).get("src", "")
        if not _is_external(src):
            return match.group(0)
        target = _local_target(src, page)
        local = _relative(site, page_dir, target) if target else ""
        return match.group(0).replace(src, local)

    html = SCRIPT_TAG.sub(script, html)
    html = LINK_TAG.sub(link, html)
    html = IMG_TAG.sub(image, html)
    return rewrite_css(html, site, page_dir, page)


def make_offline(site: Path) -> None:
    """Copy the assets into `site` and rewrite its pages and stylesheets; fail if anything external remains."""
    copy_assets(site)
    vendor = site / VENDOR
    for path in sorted(site.rglob("*")):
        if vendor in path.parents:
            continue
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            path.write_text(rewrite_html(text, site, path), encoding="utf-8")
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            path.write_text(rewrite_css(text, site, path.parent, path), encoding="utf-8")
    remaining = external_resources_in_site(site)
    if remaining:
        lines = [f"{path.relative_to(site)}: {url}" for path, urls in remaining.items() for url in urls]
        raise OfflineDocsError("Data Docs still load from the network:\n" + "\n".join(lines))
