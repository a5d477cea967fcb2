"""The vendored partial plotly.js: the version plotly.py writes figures for, intact, and able to draw every
trace the site's figures use."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tarfile
from html.parser import HTMLParser
from pathlib import Path

import plotly.offline
import pytest

from tools import vendor_plotly
from yilao_yixiao.dashboards import SiteResult
from yilao_yixiao.dashboards import site as site_module

VENDOR_DIR = Path(site_module.__file__).parent / site_module.ASSETS / site_module.VENDOR
UPGRADE_COMMAND = ".tools/bin/uv run --locked python -m tools.vendor_plotly"
BANNER = re.compile(r"plotly\.js \(basic - minified\) v(\S+)")


def record() -> dict:
    return json.loads((VENDOR_DIR / site_module.PLOTLY_RECORD).read_text(encoding="utf-8"))


def sha512_sri(content: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(content).digest()).decode()


def test_vendored_bundle_is_the_plotly_js_version_plotly_py_writes_figures_for() -> None:
    bundled_by_plotly_py = plotly.offline.get_plotlyjs_version()
    banner = BANNER.search((VENDOR_DIR / site_module.PLOTLY_JS).read_text(encoding="utf-8")[:300])
    assert banner, "the vendored file does not start with plotly.js's basic-bundle banner"
    for where, version in (("file's banner", banner.group(1)), ("record", record()["version"])):
        assert version == bundled_by_plotly_py, (
            f"plotly.py bundles plotly.js {bundled_by_plotly_py} but the vendored basic bundle's {where} says "
            f"{version}: run `{UPGRADE_COMMAND}`"
        )


def test_vendored_file_matches_its_record_and_carries_its_licence() -> None:
    entry = record()
    content = (VENDOR_DIR / entry["file"]).read_bytes()
    assert sha512_sri(content) == entry["file_sha512"], f"the vendored file was edited; run `{UPGRADE_COMMAND}`"
    assert entry["tarball"].endswith(f"/{entry['package']}-{entry['version']}.tgz")
    assert entry["integrity"].startswith("sha512-")
    assert "MIT License" in (VENDOR_DIR / site_module.PLOTLY_LICENSE).read_text(encoding="utf-8")


def _tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _fake_registry(monkeypatch: pytest.MonkeyPatch, version: str, tarball: bytes, integrity: str) -> None:
    url = f"https://registry.example/{vendor_plotly.PACKAGE}-{version}.tgz"
    answers = {
        f"{vendor_plotly.REGISTRY}/{vendor_plotly.PACKAGE}/{version}": json.dumps(
            {"version": version, "dist": {"tarball": url, "integrity": integrity}}
        ).encode(),
        url: tarball,
    }
    monkeypatch.setattr(vendor_plotly, "_get", answers.__getitem__)


def test_vendor_tool_writes_a_verified_bundle_and_refuses_a_tampered_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = b"/**\n* plotly.js (basic - minified) v9.8.7\n*/\nwindow.Plotly = {};\n"
    tarball = _tarball({"package/plotly-basic.min.js": bundle, "package/LICENSE": b"MIT License\n"})

    _fake_registry(monkeypatch, "9.8.7", tarball, sha512_sri(tarball))
    written = vendor_plotly.vendor("9.8.7", tmp_path / "good")
    assert (tmp_path / "good" / site_module.PLOTLY_JS).read_bytes() == bundle
    assert (tmp_path / "good" / site_module.PLOTLY_LICENSE).read_bytes() == b"MIT License\n"
    on_disk = json.loads((tmp_path / "good" / site_module.PLOTLY_RECORD).read_text(encoding="utf-8"))
    assert on_disk == written
    assert on_disk["version"] == "9.8.7" and on_disk["file_sha512"] == sha512_sri(bundle)

    _fake_registry(monkeypatch, "9.8.7", tarball, sha512_sri(tarball + b"tampered"))
    with pytest.raises(RuntimeError, match="does not match the registry's integrity"):
        vendor_plotly.vendor("9.8.7", tmp_path / "bad")
    assert not (tmp_path / "bad").exists()


# plotly.js 4.1.1's Plotly.validate throws on `layout.legend` (a "subplot object" it has no validator for; the
# full bundle too), so the legend is checked key by key against the schema and the rest of the layout by validate.
VALIDATE_JS = """figure => {
    const layout = Object.assign({}, figure.layout);
    const legend = layout.legend || {};
    delete layout.legend;
    const known = Plotly.PlotSchema.get().layout.layoutAttributes.legend;
    const unknownLegendKeys = Object.keys(legend).filter(key => !(key in known))
        .map(key => ({code: "schema", astr: "legend." + key}));
    return (Plotly.validate(figure.data, layout) || []).concat(unknownLegendKeys);
}"""


class _FigureSpecs(HTMLParser):
    """The JSON of every chart of a page (`<script type="application/json" id="…-spec">`)."""

    def __init__(self) -> None:
        super().__init__()
        self.specs: list[dict] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        is_json = tag == "script" and named.get("type") == "application/json"
        self._inside = is_json and (named.get("id") or "").endswith("-spec")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, text: str) -> None:
        if self._inside:
            self.specs.append(json.loads(text))


def site_figures(site: SiteResult) -> list[tuple[str, dict]]:
    """(page name, one language's figure) for every chart of every page of the built site."""
    found = []
    for page in site.pages:
        parser = _FigureSpecs()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [(page.name, figure) for spec in parser.specs for figure in spec.values()]
    return found


def test_the_basic_bundle_registers_and_accepts_every_trace_of_the_sites_figures(site: SiteResult, browser) -> None:
    figures = site_figures(site)
    used = {trace.get("type", "scatter") for _, figure in figures for trace in figure["data"]}
    assert figures and used, "the site has no figure, so the check below would prove nothing"
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto("about:blank")
        page.add_script_tag(path=str(site.out / "assets" / site_module.PLOTLY_JS))
        registered = set(page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces)"))
        assert used <= registered, f"the basic bundle lacks trace types {used - registered}"
        # Plotly.validate checks each attribute against the bundle's schema: one a component missing from the
        # basic bundle would draw (error bars, subplots, annotations) is reported rather than silently ignored.
        for name, figure in figures:
            problems = page.evaluate(VALIDATE_JS, figure)
            assert problems == [], (name, problems[:3])
    finally:
        context.close()
