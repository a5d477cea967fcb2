"""Plotly figures of the dashboards, one builder per chart, each drawn in Chinese or in English.

Builders receive the frames of `data` and only arrange and label them. Text from the seeds is escaped
before it reaches plotly, whose labels accept a little HTML: a name containing `<script>` is drawn as text.
"""

from __future__ import annotations

import html
import json
import math
import re
import textwrap
import unicodedata

import plotly.graph_objects as go
import plotly.io as pio
import polars as pl
from plotly.subplots import make_subplots

from yilao_yixiao.dashboards.labels import (
    CHECK_KINDS,
    CHECK_STATUSES,
    FINDING_STATUSES,
    OBLIGATIONS,
    VALUE_KINDS,
    Lang,
    Text,
    format_number,
    format_percent,
    format_value,
    format_year,
    label,
    unit_label,
)

FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
GRID_COLOR = "#e5e7eb"
VALUE_KIND_COLORS = {"baseline": "#6b7280", "target": "#b91c1c", "standard": "#1d4ed8", "context": "#a16207"}
OBLIGATION_COLORS = {"binding": "#b91c1c", "expected": "#2563eb", None: "#64748b"}
STATUS_COLORS = {"pass": "#15803d", "fail": "#b91c1c"}
NOT_APPLICABLE_COLOR = "#9ca3af"
# The marker's shape repeats the comparator so that "≥ 55" and "= 55" differ even without reading labels.
COMPARATOR_SYMBOLS = {
    "eq": "circle",
    "ge": "triangle-right",
    "gt": "triangle-right",
    "le": "triangle-left",
    "lt": "triangle-left",
    "approx": "diamond",
}
ROW_HEIGHT_PX = 30
# Tall enough for a hover label of seven lines plus a wrapped quote, which plotly cannot draw outside the chart.
MIN_FIGURE_HEIGHT_PX = 240
TICK_LABEL_MAX_CHARS = 60

WORDS = {
    "value": Text("数值", "Value"),
    "year": Text("年份", "Year"),
    "kind": Text("类型", "Kind"),
    "obligation": Text("指标属性", "Obligation"),
    "aspirational": Text("力争/争取(预期性表述)", "hedged: 力争/争取 (strive to)"),
    "baseline": Text("基线", "Baseline"),
    "target": Text("目标", "Target"),
    "no_baseline": Text("文件未给出基线", "no baseline in the document"),
    "absolute_gap": Text("绝对差距", "Absolute gap"),
    "annual_growth": Text("所需年均增长率", "Required annual growth"),
    "percentage_points": Text("个百分点", "percentage points"),
    "statements_disagree": Text("同一目标多处表述数字不一致", "statements of this target disagree"),
    "share_of_total": Text("占全市合计", "Share of city total"),
    "city_total": Text("全市合计", "City total"),
    "allocated": Text("分配任务", "Allocated"),
    "not_applicable": Text("/ 不适用", "/ not applicable"),
    "stated": Text("文件数字", "Stated"),
    "computed": Text("推算数字", "Computed"),
    "interval": Text("区间", "interval"),
    "status": Text("结果", "Status"),
    "finding": Text("已登记问题", "Known finding"),
    "check_kind": Text("检查类型", "Check"),
    "relative_axis": Text("相对文件数字(文件数字 = 100 %)", "Relative to the stated figure (stated = 100 %)"),
    "figures": Text("项数字", "figures"),
    "share_axis": Text("占全市合计 (%)", "Share of city total (%)"),
    "share_of_target": Text("基线占目标的比例(目标 = 100 %)", "Baseline as a share of the target (target = 100 %)"),
}


def plot_text(text: object) -> str:
    """Escape seed text for plotly labels, which interpret tags such as <b> and <br>."""
    return "" if text is None else html.escape(str(text), quote=False)


def wrapped(text: object, width: int = 30) -> str:
    """Escaped text broken into lines of about `width` characters (Chinese has no spaces to break at)."""
    if text is None:
        return ""
    lines = textwrap.wrap(str(text), width=width, break_long_words=True, break_on_hyphens=False)
    return "<br>".join(plot_text(line) for line in lines)


def shortened(text: str, limit: int = TICK_LABEL_MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def name(row: dict, stem: str, lang: Lang) -> str:
    """The `<stem>_zh` or `<stem>_en` column of a row."""
    return row.get(f"{stem}_{lang}") or row.get(f"{stem}_zh") or ""


def hover(title: str, facts: list[tuple[str, str]], quote: str | None, section: str | None, document: str) -> str:
    """Hover text: what the point is, its facts, then the verbatim quote, section and document it comes from.

    Every argument is plain text; it is escaped here, so callers never pass markup.
    """
    lines = [f"<b>{wrapped(title, 40)}</b>"]
    lines += [f"{plot_text(key)}: {plot_text(value)}" for key, value in facts if value]
    lines.append("")
    if quote:
        lines.append(f"“{wrapped(quote, 30)}”")
    if section:
        lines.append(f"<i>{wrapped(section, 36)}</i>")
    lines.append(wrapped(document, 40))
    return "<br>".join(lines)


def _base_layout(lang: Lang, height: int) -> dict:
    return {
        "template": "none",
        "height": height,
        "font": {"family": FONT_FAMILY, "size": 13, "color": "#111827"},
        "margin": {"l": 10, "r": 30, "t": 30, "b": 50},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"bgcolor": "white", "font": {"family": FONT_FAMILY, "size": 12}, "align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        "meta": {"lang": lang},
    }


# Margins sized for the labels before plotly draws: `automargin` widens a margin too narrow for its tick labels
# or a legend above the plot by drawing the whole chart a second time. The estimate errs wide (Latin letters at
# 0.62 em, CJK at 1 em); automargin stays on and still corrects a margin the estimate got wrong.
LATIN_EM = 0.62
TICK_LABEL_PAD_PX = 14
TOP_LEGEND_MARGIN_PX = 70
BOTTOM_LEGEND_MARGIN_PX = 70
# Tick labels and a one-line title under the plot.
AXIS_TITLE_MARGIN_PX = 62
_TAGS = re.compile(r"<[^>]+>")


def label_width_px(text: str, font_size: float) -> float:
    """Estimated drawn width of a plotly label (its widest line) in pixels."""
    widths = [
        sum(1.0 if unicodedata.east_asian_width(c) in "WF" else LATIN_EM for c in html.unescape(_TAGS.sub("", line)))
        for line in text.split("<br>")
    ]
    return max(widths, default=0.0) * font_size


def finish(fig: go.Figure) -> go.Figure:
    """What every chart of the site gets last: margins that fit its labels, tick labels never measured.

    On every axis (xaxis2… of small multiples too) tick labels are allowed past the chart's edge rather than
    hidden: the default ("hide past div") measures every label's box on every draw (up to half of a chart's
    drawing time in a Chromium profile), and the margins are sized for the labels, so none overflows.
    """
    fig.update_xaxes(ticklabeloverflow="allow")
    fig.update_yaxes(ticklabeloverflow="allow")
    return fit_margins(fig)


def fit_margins(fig: go.Figure) -> go.Figure:
    """Widen the margins for the y tick labels (left), the x axis titles and a legend above or below the plot."""
    layout = fig.layout
    font_size = layout.font.size or 12
    left = layout.margin.l or 0
    for axis in fig.select_yaxes():
        if axis.automargin and axis.ticktext and axis.side != "right":
            size = (axis.tickfont.size if axis.tickfont else None) or font_size
            widest = max(label_width_px(text, size) for text in axis.ticktext)
            left = max(left, math.ceil(widest) + TICK_LABEL_PAD_PX)
    top, bottom = layout.margin.t or 0, layout.margin.b or 0
    for axis in fig.select_xaxes():
        if axis.title.text:
            if axis.side == "top":
                top = max(top, AXIS_TITLE_MARGIN_PX)
            else:
                bottom = max(bottom, AXIS_TITLE_MARGIN_PX)
    legend = layout.legend
    if layout.showlegend is not False:
        if legend.yanchor == "bottom" and (legend.y or 0) >= 1:
            top = max(top, TOP_LEGEND_MARGIN_PX)
        elif legend.yanchor == "top" and (legend.y or 0) <= 0:
            bottom = max(bottom, BOTTOM_LEGEND_MARGIN_PX)
    fig.update_layout(margin={"l": left, "t": top, "b": bottom})
    return fig


def _value_range(values: list[float], pad_right: float = 0.35) -> list[float]:
    """An axis range that starts at zero (or below it) and leaves room for the labels right of the points."""
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    return [low - span * 0.03, high + span * pad_right]


def _positions(groups: list[list[int]]) -> tuple[list[float], list[float]]:
    """y of every row: one band per group (top to bottom), rows of a group spread within the band.

    Returns the y of each row (in row order) and the centre of each band for the tick labels.
    """
    n_groups = len(groups)
    y_by_row: dict[int, float] = {}
    centres = []
    for band, rows in enumerate(groups):
        centre = float(n_groups - 1 - band)
        centres.append(centre)
        step = min(0.25, 0.7 / max(len(rows), 1))
        for k, row in enumerate(rows):
            y_by_row[row] = centre + ((len(rows) - 1) / 2 - k) * step
    return [y_by_row[i] for i in sorted(y_by_row)], centres


def comparison_figure(rows: pl.DataFrame, lang: Lang) -> go.Figure:
    """One shared indicator: every jurisdiction's figures on one value axis, comparator and year labelled."""
    records = rows.to_dicts()
    unit = records[0]["unit"]
    jurisdictions: list[str] = []
    for record in records:
        if record["jurisdiction_slug"] not in jurisdictions:
            jurisdictions.append(record["jurisdiction_slug"])
    groups = [[i for i, r in enumerate(records) if r["jurisdiction_slug"] == j] for j in jurisdictions]
    ys, centres = _positions(groups)
    names_by_slug = {r["jurisdiction_slug"]: name(r, "jurisdiction_name", lang) for r in records}

    fig = go.Figure()
    for kind, kind_label in VALUE_KINDS.items():
        members = [i for i, r in enumerate(records) if r["value_kind"] == kind]
        if not members:
            continue
        fig.add_trace(
            go.Scatter(
                name=kind_label(lang),
                x=[records[i]["value"] for i in members],
                y=[ys[i] for i in members],
                mode="markers+text",
                marker={
                    "symbol": [COMPARATOR_SYMBOLS.get(records[i]["comparator"], "circle") for i in members],
                    "size": 13,
                    "color": VALUE_KIND_COLORS[kind],
                    "line": {"width": 1, "color": "white"},
                },
                text=[_comparison_label(records[i], lang) for i in members],
                textposition="middle right",
                textfont={"size": 12},
                cliponaxis=False,
                hovertext=[_comparison_hover(records[i], lang) for i in members],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[records[i]["value_id"] for i in members],
                meta={
                    "mart": "fct_indicator_values",
                    "hrefs": [f"documents/{records[i]['document_id']}.html#{records[i]['value_id']}" for i in members],
                },
            )
        )
    fig.update_layout(
        **_base_layout(lang, height=max(MIN_FIGURE_HEIGHT_PX, 90 + ROW_HEIGHT_PX * len(records))),
        showlegend=True,
        xaxis={
            "title": {"text": plot_text(unit_label(unit, lang))},
            "range": _value_range([r["value"] for r in records]),
            "gridcolor": GRID_COLOR,
            "zeroline": True,
            "zerolinecolor": "#9ca3af",
        },
        yaxis={
            "tickmode": "array",
            "tickvals": centres,
            "ticktext": [plot_text(names_by_slug[j]) for j in jurisdictions],
            "range": [-0.6, len(jurisdictions) - 0.4],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
    )
    return finish(fig)


def _comparison_label(record: dict, lang: Lang) -> str:
    value = format_value(record["value"], record["unit"], record["comparator_symbol"])
    return plot_text(f"{value} · {format_year(record['period_year'], lang)}")


def _comparison_hover(record: dict, lang: Lang) -> str:
    facts = [
        (WORDS["value"](lang), format_value(record["value"], record["unit"], record["comparator_symbol"])),
        (WORDS["year"](lang), format_year(record["period_year"], lang)),
        (WORDS["kind"](lang), label(VALUE_KINDS, record["value_kind"], lang)),
        (WORDS["obligation"](lang), label(OBLIGATIONS, record["obligation"], lang) if record["obligation"] else ""),
    ]
    if record["is_aspirational"]:
        facts.append((WORDS["aspirational"](lang), "✓"))
    title = f"{name(record, 'jurisdiction_name', lang)} · {name(record, 'indicator_name', lang)}"
    return hover(
        title,
        facts,
        record["source_quote"],
        record["source_section"],
        name(record, "document_title", lang),
    )


def share_of_target(record: dict) -> float | None:
    """The baseline as a share of the target: how much of the way the jurisdiction had come when it set it.

    None without a baseline or with a target of zero, where a share means nothing.
    """
    if not record["has_baseline"] or not record["target_value"]:
        return None
    return record["baseline_value"] / record["target_value"]


def _relative(value: float | None, target: float | None) -> float | None:
    return None if value is None or not target else value / target * 100


def gaps_figure(rows: pl.DataFrame, lang: Lang) -> go.Figure:
    """Progress from baseline to target for one unit: every target at 100 %, its baseline at its share of it.

    On one linear axis 9,000 beds and one training base cannot both be read; relative to its own target
    every row can. The labels print the real figures and the required annual growth.
    """
    records = rows.to_dicts()
    n = len(records)
    ys = [float(n - 1 - i) for i in range(n)]
    fig = go.Figure()

    connector_x: list[float | None] = []
    connector_y: list[float | None] = []
    for record, y in zip(records, ys, strict=True):
        share = share_of_target(record)
        if share is not None:
            connector_x += [share * 100, 100.0, None]
            connector_y += [y, y, None]
    if connector_x:
        fig.add_trace(
            go.Scatter(
                x=connector_x,
                y=connector_y,
                mode="lines",
                line={"color": "#cbd5e1", "width": 6},
                hoverinfo="skip",
                showlegend=False,
            )
        )

    with_baseline = [i for i, r in enumerate(records) if r["has_baseline"]]
    if with_baseline:
        fig.add_trace(
            go.Scatter(
                name=WORDS["baseline"](lang),
                x=[_relative(records[i]["baseline_value"], records[i]["target_value"]) for i in with_baseline],
                y=[ys[i] for i in with_baseline],
                mode="markers",
                marker={"symbol": "circle-open", "size": 11, "color": "#475569", "line": {"width": 2}},
                customdata=[records[i]["gap_id"] for i in with_baseline],
                hovertext=[_gap_hover(records[i], lang, "baseline") for i in with_baseline],
                hovertemplate="%{hovertext}<extra></extra>",
                meta={
                    "mart": "fct_indicator_gaps",
                    "role": "baseline",
                    "hrefs": [_figure_link(records[i], "baseline_value_id") for i in with_baseline],
                },
            )
        )
    for obligation, colour in OBLIGATION_COLORS.items():
        members = [i for i, r in enumerate(records) if r["target_obligation"] == obligation]
        if not members:
            continue
        fig.add_trace(
            go.Scatter(
                name=f"{WORDS['target'](lang)} ({label(OBLIGATIONS, obligation, lang)})",
                x=[100.0] * len(members),
                y=[ys[i] for i in members],
                mode="markers+text",
                marker={
                    "symbol": [COMPARATOR_SYMBOLS.get(records[i]["target_comparator"], "circle") for i in members],
                    "size": 12,
                    "color": colour,
                },
                text=[plot_text(_progress_label(records[i], lang)) for i in members],
                textposition="middle right",
                textfont={"size": 11},
                cliponaxis=False,
                customdata=[records[i]["gap_id"] for i in members],
                hovertext=[_gap_hover(records[i], lang, "target") for i in members],
                hovertemplate="%{hovertext}<extra></extra>",
                meta={
                    "mart": "fct_indicator_gaps",
                    "role": "target",
                    "hrefs": [_figure_link(records[i], "target_value_id") for i in members],
                },
            )
        )
    fig.update_layout(
        **_base_layout(lang, height=max(MIN_FIGURE_HEIGHT_PX, 110 + 34 * n)),
        xaxis={
            "title": {"text": plot_text(WORDS["share_of_target"](lang))},
            # Room right of 100 % for the label with the real figures.
            "range": [-3, 190],
            "tickvals": [0, 25, 50, 75, 100],
            "ticksuffix": "%",
            "gridcolor": GRID_COLOR,
            "zeroline": True,
            "zerolinecolor": "#9ca3af",
        },
        yaxis={
            "tickmode": "array",
            "tickvals": ys,
            # Two lines per tick: the jurisdiction, then the indicator (English names run long).
            "ticktext": [
                f"{plot_text(name(r, 'jurisdiction_name', lang))}<br>"
                f"{plot_text(shortened(name(r, 'indicator_name', lang), 48))}"
                for r in records
            ],
            "range": [-0.7, n - 0.3],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"size": 11},
        },
    )
    return finish(fig)


def _figure_link(record: dict, value_id_column: str) -> str:
    """The figure's sentence in its document page, relative to the site root (where the charts are)."""
    return f"documents/{record['document_id']}.html#{record[value_id_column]}"


def _progress_label(record: dict, lang: Lang) -> str:
    target = format_value(record["target_value"], record["unit"], record["target_comparator_symbol"])
    if not record["has_baseline"]:
        return f"{target} · {WORDS['no_baseline'](lang)}"
    baseline = format_value(record["baseline_value"], record["unit"], _symbol(record["baseline_comparator"]))
    growth = record["required_annual_growth_rate"]
    per_year = f" · {format_percent(growth, digits=1)}/{'年' if lang == 'zh' else 'yr'}" if growth is not None else ""
    return f"{baseline} → {target}{per_year}"


def gap_text(record: dict, lang: Lang) -> tuple[str, str]:
    """The absolute gap (percentage points for percentages) and the required annual growth, as printed."""
    if not record["has_baseline"]:
        return WORDS["no_baseline"](lang), "—"
    gap = record["absolute_gap"]
    sign = "+" if gap is not None and gap > 0 else ""
    gap_unit = WORDS["percentage_points"](lang) if record["unit"] == "percent" else unit_label(record["unit"], lang)
    growth = record["required_annual_growth_rate"]
    return f"{sign}{format_number(gap)} {gap_unit}", format_percent(growth) if growth is not None else "—"


def _gap_hover(record: dict, lang: Lang, role: str) -> str:
    baseline = (
        f"{format_value(record['baseline_value'], record['unit'], _symbol(record['baseline_comparator']))}"
        f" ({format_year(record['baseline_year'], lang)})"
        if record["has_baseline"]
        else WORDS["no_baseline"](lang)
    )
    target = (
        f"{format_value(record['target_value'], record['unit'], record['target_comparator_symbol'])}"
        f" ({format_year(record['target_year'], lang)})"
    )
    absolute_gap, growth = gap_text(record, lang)
    facts = [
        (WORDS["baseline"](lang), baseline),
        (WORDS["target"](lang), target),
        (WORDS["obligation"](lang), label(OBLIGATIONS, record["target_obligation"], lang)),
        (WORDS["absolute_gap"](lang), absolute_gap),
        (WORDS["annual_growth"](lang), growth),
    ]
    if record["target_values_disagree"]:
        facts.append(("⚠", WORDS["statements_disagree"](lang)))
    if record["target_is_aspirational"]:
        facts.append((WORDS["aspirational"](lang), "✓"))
    title = f"{name(record, 'jurisdiction_name', lang)} · {name(record, 'indicator_name', lang)}"
    document = name(record, "document_title", lang)
    if role == "baseline":
        return hover(title, facts, record["baseline_source_quote"], None, document)
    return hover(title, facts, record["target_source_quote"], record["target_source_section"], document)


# The gaps mart keeps the baseline's comparator code only; its sign is the same one the marts print.
_COMPARATOR_SIGNS = {"eq": "=", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈"}


def _symbol(comparator: str | None) -> str | None:
    return _COMPARATOR_SIGNS.get(comparator) if comparator else None


def county_figure(rows: pl.DataFrame, lang: Lang) -> go.Figure:
    """One document's annex: each measure's allocation by unit as a share of the total; '/' drawn as '/', not 0."""
    records = rows.to_dicts()
    measures: list[str] = []
    counties: list[str] = []
    for record in records:
        if record["indicator_code"] not in measures:
            measures.append(record["indicator_code"])
        if record["county_slug"] not in counties:
            counties.append(record["county_slug"])
    first = {r["indicator_code"]: r for r in records}
    county_names = {r["county_slug"]: name(r, "county_name", lang) for r in records}
    y_of = {county: float(len(counties) - 1 - i) for i, county in enumerate(counties)}
    titles = [wrapped(name(first[m], "indicator_name", lang), 18 if lang == "zh" else 30) for m in measures]
    fig = make_subplots(rows=1, cols=len(measures), shared_yaxes=True, horizontal_spacing=0.025, subplot_titles=titles)
    for column, measure in enumerate(measures, start=1):
        applicable = [r for r in records if r["indicator_code"] == measure and r["is_applicable"]]
        not_applicable = [r for r in records if r["indicator_code"] == measure and not r["is_applicable"]]
        fig.add_trace(
            go.Bar(
                x=[r["share_of_city_total"] * 100 for r in applicable],
                y=[y_of[r["county_slug"]] for r in applicable],
                orientation="h",
                marker={"color": "#2563eb"},
                text=[plot_text(format_number(r["value"])) for r in applicable],
                textposition="outside",
                cliponaxis=False,
                customdata=[r["allocation_id"] for r in applicable],
                hovertext=[_county_hover(r, lang) for r in applicable],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
                meta={"mart": "fct_county_allocations", "role": "applicable"},
            ),
            row=1,
            col=column,
        )
        if not_applicable:
            fig.add_trace(
                go.Scatter(
                    x=[0] * len(not_applicable),
                    y=[y_of[r["county_slug"]] for r in not_applicable],
                    mode="markers+text",
                    marker={"symbol": "line-ne-open", "size": 14, "color": NOT_APPLICABLE_COLOR, "line": {"width": 2}},
                    text=[plot_text(WORDS["not_applicable"](lang))] * len(not_applicable),
                    textposition="middle right",
                    textfont={"color": "#6b7280", "size": 11},
                    cliponaxis=False,
                    customdata=[r["allocation_id"] for r in not_applicable],
                    hovertext=[_county_hover(r, lang) for r in not_applicable],
                    hovertemplate="%{hovertext}<extra></extra>",
                    showlegend=False,
                    meta={"mart": "fct_county_allocations", "role": "not_applicable"},
                ),
                row=1,
                col=column,
            )
        top_share = max((r["share_of_city_total"] * 100 for r in applicable), default=1.0)
        fig.update_xaxes(range=[0, top_share * 1.45], gridcolor=GRID_COLOR, ticksuffix="%", row=1, col=column)
    layout = _base_layout(lang, height=150 + 34 * len(counties))
    layout["margin"]["t"] = 90
    fig.update_layout(**layout, bargap=0.35)
    fig.update_yaxes(
        tickmode="array",
        tickvals=[y_of[c] for c in counties],
        ticktext=[plot_text(county_names[c]) for c in counties],
        automargin=True,
        showgrid=False,
        row=1,
        col=1,
    )
    fig.update_annotations(font={"size": 12})
    fig.add_annotation(
        text=plot_text(WORDS["share_axis"](lang)),
        xref="paper",
        yref="paper",
        x=0.5,
        y=-0.1,
        showarrow=False,
        font={"size": 12},
    )
    return finish(fig)


def _county_hover(record: dict, lang: Lang) -> str:
    if record["is_applicable"]:
        allocated = f"{format_number(record['value'])} ({record['raw_text']})"
        share = format_percent(record["share_of_city_total"])
    else:
        allocated, share = WORDS["not_applicable"](lang), "—"
    facts = [
        (WORDS["allocated"](lang), allocated),
        (WORDS["city_total"](lang), format_number(record["city_total_value"])),
        (WORDS["share_of_total"](lang), share),
        (WORDS["year"](lang), format_year(record["period_year"], lang)),
    ]
    title = f"{name(record, 'county_name', lang)} · {name(record, 'indicator_name', lang)}"
    return hover(title, facts, record["source_quote"], record["source_section"], name(record, "document_title", lang))


def obligation_figure(cards: pl.DataFrame, lang: Lang) -> go.Figure:
    """How many figures of each document are binding, expected or not classified."""
    records = cards.to_dicts()
    ys = [float(len(records) - 1 - i) for i in range(len(records))]
    fig = go.Figure()
    for obligation, column in (("binding", "n_binding"), ("expected", "n_expected"), (None, "n_unclassified")):
        fig.add_trace(
            go.Bar(
                name=label(OBLIGATIONS, obligation, lang),
                x=[r[column] for r in records],
                y=ys,
                orientation="h",
                marker={"color": OBLIGATION_COLORS[obligation]},
                hovertext=[
                    hover(
                        f"{name(r, 'jurisdiction_name', lang)} · {label(OBLIGATIONS, obligation, lang)}",
                        [(WORDS["figures"](lang), f"{r[column]} / {r['n_values']}")],
                        None,
                        None,
                        name(r, "title", lang),
                    )
                    for r in records
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[r["document_id"] for r in records],
                meta={"mart": "dim_documents", "column": column},
            )
        )
    layout = _base_layout(lang, height=110 + 40 * len(records))
    layout["legend"]["traceorder"] = "normal"  # binding, expected, unclassified: the order of the bars
    fig.update_layout(
        **layout,
        barmode="stack",
        xaxis={"title": {"text": plot_text(WORDS["figures"](lang))}, "gridcolor": GRID_COLOR},
        yaxis={
            "tickmode": "array",
            "tickvals": ys,
            "ticktext": [plot_text(name(r, "jurisdiction_name", lang)) for r in records],
            "automargin": True,
        },
    )
    return finish(fig)


# Plausibility checks test a bound (a target not below its baseline), not an agreement: the computed figure
# is not an estimate of the stated one, so drawing it relative to the stated figure would mislead.
BOUND_CHECK_KINDS = ("plausibility",)


def audit_plottable(checks: pl.DataFrame) -> pl.DataFrame:
    """Checks where the computed figure should agree with a non-zero stated one, drawn relative to it."""
    return checks.filter(
        pl.col("stated_value").is_not_null()
        & (pl.col("stated_value") != 0)
        & ~pl.col("check_kind").is_in(BOUND_CHECK_KINDS)
    )


# Audit rows are labelled inside the plot, above their markers: a tick-label column of check descriptions is
# wider than a phone (the chart was cropped at 375 px). Lines are short enough for a phone's plot width.
AUDIT_LABEL_CHARS = {"zh": 22, "en": 40}
AUDIT_LABEL_LINE_PX = 14
AUDIT_MARKER_BAND_PX = 24
AUDIT_RANGE_PAD = 0.06


def audit_figure(checks: pl.DataFrame, lang: Lang) -> go.Figure:
    """Every check: the stated interval at 100 % and the computed value with its interval, relative to it.

    Each row is its check's description (wrapped) over the two markers, so the chart keeps its plot width on a
    phone; y is in pixels from the top, rows as tall as their label.
    """
    records = audit_plottable(checks).to_dicts()
    labels = [
        wrapped(
            f"{'⚠ ' if r['status'] == 'fail' else ''}{name(r, 'description', lang)}",
            AUDIT_LABEL_CHARS[lang],
        )
        for r in records
    ]
    label_ys, marker_ys = [], []
    top = 0.0
    for text in labels:
        label_height = AUDIT_LABEL_LINE_PX * (text.count("<br>") + 1)
        label_ys.append(-(top + label_height / 2))
        marker_ys.append(-(top + label_height + AUDIT_MARKER_BAND_PX / 2))
        top += label_height + AUDIT_MARKER_BAND_PX

    def relative(value: float | None, stated: float) -> float | None:
        return None if value is None else value / stated * 100

    fig = go.Figure()
    extent: list[float] = [100.0]
    for role, prefix in (("stated", "stated"), ("computed", "computed")):
        xs, lows, highs = [], [], []
        for r in records:
            centre = relative(r[f"{prefix}_value"], r["stated_value"])
            low, high = (
                relative(r[f"{prefix}_lower"], r["stated_value"]),
                relative(r[f"{prefix}_upper"], r["stated_value"]),
            )
            xs.append(centre)
            lows.append(None if centre is None or low is None else max(centre - low, 0))
            highs.append(None if centre is None or high is None else max(high - centre, 0))
            extent += [v for v in (centre, low, high) if v is not None]
        fig.add_trace(
            go.Scatter(
                name=WORDS[role](lang),
                x=xs,
                y=[y + (4 if role == "stated" else -4) for y in marker_ys],
                mode="markers",
                marker={
                    "symbol": "square-open" if role == "stated" else "circle",
                    "size": 11,
                    "color": "#374151"
                    if role == "stated"
                    else [STATUS_COLORS.get(r["status"], "#374151") for r in records],
                    "line": {"width": 2},
                },
                error_x={"type": "data", "symmetric": False, "array": highs, "arrayminus": lows, "thickness": 1.5},
                customdata=[r["check_id"] for r in records],
                hovertext=[_audit_hover(r, lang) for r in records],
                hovertemplate="%{hovertext}<extra></extra>",
                meta={"mart": "fct_consistency_checks", "role": role},
            )
        )
    low, high = min(extent), max(extent)
    pad = (high - low or 1.0) * AUDIT_RANGE_PAD
    x_range = [low - pad, high + pad]
    fig.add_trace(
        go.Scatter(
            x=[x_range[0]] * len(records),
            y=label_ys,
            mode="text",
            text=labels,
            textposition="middle right",
            textfont={
                "size": 11,
                "color": [STATUS_COLORS["fail"] if r["status"] == "fail" else "#111827" for r in records],
            },
            cliponaxis=False,
            hoverinfo="skip",
            showlegend=False,
            meta={"mart": "fct_consistency_checks", "role": "label"},
        )
    )
    # A long chart: the value axis on top, where the reader starts, and the legend under the chart.
    layout = _base_layout(lang, height=max(MIN_FIGURE_HEIGHT_PX, 120 + int(top)))
    layout["legend"] = {"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0}
    layout["margin"].update(t=70, b=40, l=10, r=20)
    fig.update_layout(
        **layout,
        xaxis={
            "title": {"text": plot_text(WORDS["relative_axis"](lang))},
            "range": x_range,
            "gridcolor": GRID_COLOR,
            "ticksuffix": "%",
            "side": "top",
        },
        yaxis={"range": [-top - 4, 4], "visible": False, "fixedrange": True},
    )
    return finish(fig)


def interval_text(value: float | None, lower: float | None, upper: float | None) -> str:
    if lower is None and upper is None:
        return format_number(value)
    return f"{format_number(value)} [{format_number(lower)}, {format_number(upper)}]"


def _audit_hover(record: dict, lang: Lang) -> str:
    facts = [
        (WORDS["check_kind"](lang), label(CHECK_KINDS, record["check_kind"], lang)),
        (WORDS["status"](lang), label(CHECK_STATUSES, record["status"], lang)),
        (WORDS["stated"](lang), interval_text(record["stated_value"], record["stated_lower"], record["stated_upper"])),
        (
            WORDS["computed"](lang),
            interval_text(record["computed_value"], record["computed_lower"], record["computed_upper"]),
        ),
    ]
    if record["is_known_finding"]:
        facts.append((WORDS["finding"](lang), label(FINDING_STATUSES, record["finding_status"], lang)))
    title = f"{name(record, 'jurisdiction_name', lang)} · {name(record, 'description', lang)}"
    return hover(title, facts, record["source_quotes"], None, name(record, "document_title", lang) or "")


def figure_json(figures: dict[Lang, go.Figure]) -> str:
    """The figure in each language as one JSON object, safe to place inside a <script> element."""
    text = json.dumps(
        {lang: json.loads(pio.to_json(fig, validate=False, pretty=False)) for lang, fig in figures.items()},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    # `</script>` or `<!--` inside a string would end the element early; \u escapes keep the JSON identical.
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text
