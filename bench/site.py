"""Bytes and time to interactive of every page of the static site, in headless Chromium from file://.

    uv run python bench/site.py [--site target/site] [--database target/warehouse.duckdb] [--sources DIR]

Without --site it builds the site from the warehouse into target/bench/site first. For each page it prints the
bytes the browser loaded (the page and every asset it requested, from disk) and the time from navigation start
to interactive: site.js records `window.yyxInteractiveAt` once the charts are drawn and the explorer is wired.
Each page is opened in a fresh browser context (nothing cached), `--repeat` times; the median is printed.
The goal (issue 12) is ≤ 1 s per page on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import sync_playwright

from yilao_yixiao.dashboards import build_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
GOAL_MS = 1_000


def measure(browser, page_path: Path) -> tuple[int, float]:
    """Bytes loaded and milliseconds to interactive for one cold load of the page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    requested: set[str] = set()
    context.on("request", lambda request: requested.add(request.url))
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-charts-ready='true']", state="attached", timeout=60_000)
        interactive_ms = page.evaluate("window.yyxInteractiveAt")
    finally:
        context.close()
    loaded = {Path(unquote(urlparse(url).path)) for url in requested if url.startswith("file:")}
    return sum(path.stat().st_size for path in loaded if path.is_file()), interactive_ms


PLOTLY_ALONE = """<!doctype html><html><head><meta charset="utf-8">
<script src="{plotly}" defer></script>
<script>document.addEventListener("DOMContentLoaded", function () {{
  window.yyxInteractiveAt = performance.now(); document.body.setAttribute("data-charts-ready", "true"); }});</script>
</head><body></body></html>
"""


def plotly_floor(browser, site: Path, folder: Path) -> tuple[int, float]:
    """The same measure for an empty page that only loads the site's plotly.js: the floor of every chart page."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder.resolve() / "plotly-alone.html"
    page.write_text(PLOTLY_ALONE.format(plotly=(site / "assets" / "plotly-basic.min.js").as_uri()), encoding="utf-8")
    return measure(browser, page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing site folder (default: build one)")
    parser.add_argument("--database", type=Path, default=Path("target/warehouse.duckdb"))
    parser.add_argument("--sources", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    site = args.site
    if site is None:
        site = build_site(args.database, Path("target/bench/site"), sources=args.sources).out
    site = site.resolve()
    pages = sorted(site.rglob("*.html"), key=lambda p: (p.parent != site, str(p.relative_to(site))))
    pages = [p for p in pages if p.name != "dbt-docs.html"]
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for path in pages:
                runs = [measure(browser, path) for _ in range(args.repeat)]
                rows.append((str(path.relative_to(site)), runs[0][0], statistics.median(ms for _, ms in runs)))
            floor = [plotly_floor(browser, site, Path("target/bench")) for _ in range(args.repeat)]
        finally:
            browser.close()

    width = max(len(name) for name, _, _ in rows)
    print(f"{'page':<{width}}  {'bytes loaded':>13}  {'ms to interactive':>17}")
    for name, size, ms in rows:
        flag = "" if ms <= GOAL_MS else "  over goal"
        print(f"{name:<{width}}  {size:>13,}  {ms:>17,.0f}{flag}")
    floor_ms = statistics.median(ms for _, ms in floor)
    print(f"{'(an empty page loading plotly.js only)':<{width}}  {floor[0][0]:>13,}  {floor_ms:>17,.0f}")
    worst = max(rows, key=lambda row: row[2])
    print(
        f"\n{len(rows)} pages; slowest {worst[0]} at {worst[2]:,.0f} ms"
        f" (goal ≤ {GOAL_MS:,} ms, median of {args.repeat} cold loads)"
    )
    return 0 if worst[2] <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
