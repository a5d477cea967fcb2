"""Bytes and time to interactive of every page of the static site, in headless Chromium from file://.

    uv run python bench/site.py [--site target/site] [--database target/warehouse.duckdb] [--sources DIR]

Without --site it builds the site from the warehouse into target/bench/site first. Each page is opened in a
fresh browser context (nothing cached) at 1280 × 900 px, `--repeat` times; the medians are printed.

What "time to interactive" measures: milliseconds from navigation start (`performance.now()` is 0 there) to
`window.yyxInteractiveAt`, which site.js sets once, after the DOMContentLoaded handler has (1) parsed the figure
JSON, (2) wired the language toggle, the site search, "cite this" and, on the explorer, the filters, search,
sort, URL state and CSV, and (3) drawn every chart that is at least partly on the first screen (1280 × 900 px;
its `Plotly.react` promise resolved). Charts below it are drawn by an IntersectionObserver as they come within
300 px of the screen — those just below the fold right after this moment — so they are not in the figure; no
chart in view is left for later. The page's deferred scripts (plotly.js, site.js, data files) have run
before, since DOMContentLoaded waits for them.

Beside it the bench prints where the time went, from the Navigation Timing entry: "html" is domInteractive
(the HTML parsed), "scripts" the time from there to domContentLoadedEventStart (the deferred scripts run,
plotly.js's evaluation dominating on chart pages), and "draw" the rest (figure JSON, wiring, charts drawn).
Bytes are the page and every file it requested, read from disk. It prints the machine's load average before
and after: the goal (issue 12) is ≤ 1 s per page on the project's 2-core machine, measured when it is quiet.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import sync_playwright

from yilao_yixiao.dashboards import build_site
from yilao_yixiao.dashboards.site import ASSETS, PLOTLY_JS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
GOAL_MS = 1_000


NAVIGATION_JS = """() => {
    const entry = performance.getEntriesByType('navigation')[0];
    return {
        html: entry.domInteractive,
        scripts: entry.domContentLoadedEventStart,
        interactive: window.yyxInteractiveAt,
    };
}"""


def measure(browser, page_path: Path) -> tuple[int, dict[str, float]]:
    """Bytes loaded and the milliseconds of one cold load of the page: HTML parsed, scripts run, interactive."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    requested: set[str] = set()
    context.on("request", lambda request: requested.add(request.url))
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-charts-ready='true']", state="attached", timeout=60_000)
        marks = page.evaluate(NAVIGATION_JS)
    finally:
        context.close()
    loaded = {Path(unquote(urlparse(url).path)) for url in requested if url.startswith("file:")}
    return sum(path.stat().st_size for path in loaded if path.is_file()), marks


def medians(runs: list[tuple[int, dict[str, float]]]) -> dict[str, float]:
    """Median of each phase over the runs: html, scripts (after html), draw (after scripts), interactive."""
    phases = [
        {
            "html": m["html"],
            "scripts": m["scripts"] - m["html"],
            "draw": m["interactive"] - m["scripts"],
            "interactive": m["interactive"],
        }
        for _, m in runs
    ]
    return {key: statistics.median(p[key] for p in phases) for key in phases[0]}


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


PLOTLY_ALONE = """<!doctype html><html><head><meta charset="utf-8">
<script src="{plotly}" defer></script>
<script>document.addEventListener("DOMContentLoaded", function () {{
  window.yyxInteractiveAt = performance.now(); document.body.setAttribute("data-charts-ready", "true"); }});</script>
</head><body></body></html>
"""


def plotly_floor(browser, site: Path, folder: Path) -> tuple[int, dict[str, float]]:
    """The same measure for an empty page that only loads the site's plotly.js: the floor of every chart page."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder.resolve() / "plotly-alone.html"
    page.write_text(PLOTLY_ALONE.format(plotly=(site / ASSETS / PLOTLY_JS).as_uri()), encoding="utf-8")
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
    print(f"{platform.node()}: {os.cpu_count()} CPUs, {platform.platform()}; load average {load_average()}")
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for path in pages:
                runs = [measure(browser, path) for _ in range(args.repeat)]
                rows.append((str(path.relative_to(site)), runs[0][0], medians(runs)))
            floor_runs = [plotly_floor(browser, site, Path("target/bench")) for _ in range(args.repeat)]
            rows.append((f"(an empty page loading {PLOTLY_JS} only)", floor_runs[0][0], medians(floor_runs)))
        finally:
            browser.close()

    width = max(len(name) for name, _, _ in rows)
    print(
        f"{'page':<{width}}  {'bytes loaded':>13}  {'html':>6}  {'scripts':>7}  {'draw':>6}  {'ms to interactive':>17}"
    )
    for name, size, ms in rows:
        flag = "" if ms["interactive"] <= GOAL_MS or name.startswith("(") else "  over goal"
        print(
            f"{name:<{width}}  {size:>13,}  {ms['html']:>6,.0f}  {ms['scripts']:>7,.0f}  {ms['draw']:>6,.0f}"
            f"  {ms['interactive']:>17,.0f}{flag}"
        )
    pages_only = [row for row in rows if not row[0].startswith("(")]
    worst = max(pages_only, key=lambda row: row[2]["interactive"])
    print(
        f"\n{len(pages_only)} pages; slowest {worst[0]} at {worst[2]['interactive']:,.0f} ms"
        f" (goal ≤ {GOAL_MS:,} ms, median of {args.repeat} cold loads); load average after {load_average()}"
    )
    return 0 if worst[2]["interactive"] <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
