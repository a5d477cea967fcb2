"""Layout helpers of the figures, on figures the tests write (no warehouse needed)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from yilao_yixiao.dashboards import figures


def test_margins_are_sized_for_labels_the_test_writes() -> None:
    """The left margin leaves room for the widest tick label (CJK wider than Latin), the top one for a legend."""
    chinese, latin = "黑龙江省齐齐哈尔市", "Qiqihar, Heilongjiang"
    figure = go.Figure(
        go.Bar(x=[1, 2], y=[0, 1], orientation="h", name="a"),
        layout={
            "font": {"size": 10},
            "margin": {"l": 10, "t": 20},
            "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0},
            "yaxis": {"tickvals": [0, 1], "ticktext": [chinese, f"x<br>{latin}"], "automargin": True},
        },
    )
    left = figures.fit_margins(figure).layout.margin.l
    assert left >= len(chinese) * 10 and left >= len(latin) * 10 * 0.5
    assert figure.layout.margin.t >= figures.TOP_LEGEND_MARGIN_PX
    below = go.Figure(layout={"margin": {"b": 10}, "legend": {"yanchor": "top", "y": -0.05}, "xaxis_title": "t"})
    assert figures.fit_margins(below).layout.margin.b >= figures.BOTTOM_LEGEND_MARGIN_PX
    titled = go.Figure(layout={"margin": {"b": 10, "t": 10}, "showlegend": False, "xaxis_title": "t"})
    assert figures.fit_margins(titled).layout.margin.b >= figures.AXIS_TITLE_MARGIN_PX
    # Without tick labels to fit, the margin stays as it was.
    bare = figures.fit_margins(go.Figure(layout={"margin": {"l": 10}, "showlegend": False}))
    assert bare.layout.margin.l == 10


def test_finish_stops_tick_label_measuring_on_every_axis_and_adds_no_template() -> None:
    figure = make_subplots(rows=1, cols=3)
    figure.update_layout(template="none")
    figures.finish(figure)
    assert [axis.ticklabeloverflow for axis in figure.select_xaxes()] == ["allow"] * 3
    assert [axis.ticklabeloverflow for axis in figure.select_yaxes()] == ["allow"] * 3
    # The figure keeps plotly's empty "none" template: the default one would add ~7 KB per figure and language.
    template = figure.to_plotly_json()["layout"]["template"]
    assert not template.get("layout") and len(json.dumps(template)) < 100, template
