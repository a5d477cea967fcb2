"""Static, offline, bilingual dashboards of the warehouse's marts (DuckDB → polars → plotly → HTML)."""

from yilao_yixiao.dashboards.site import SiteResult, build_site

__all__ = ["SiteResult", "build_site"]
