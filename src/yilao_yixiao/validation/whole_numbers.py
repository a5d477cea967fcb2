"""A custom expectation that a numeric column holds whole numbers.

Counts of beds, sites, households or persons are stored as DOUBLE (one `value` column serves every unit),
so no type expectation can say "whole". GX core has no such expectation, hence this small one. Importing
this module registers both the metric and the expectation with GX.
"""

from __future__ import annotations

from typing import Any

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import (
    ColumnMapExpectation,
    _style_row_condition,
    render_suite_parameter_string,
)
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)
from great_expectations.render import LegacyRendererType, RenderedStringTemplateContent
from great_expectations.render.renderer.renderer import renderer
from great_expectations.render.util import parse_row_condition_string, substitute_none_for_missing


class ColumnValuesWholeNumber(ColumnMapMetricProvider):
    condition_metric_name = "column_values.whole_number"

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, **kwargs):
        # GX drops nulls before a map metric, so a missing figure is never judged here.
        return (column % 1) == 0


class ExpectColumnValuesToBeWholeNumbers(ColumnMapExpectation):
    """Expect every non-null value of a numeric column to be a whole number (no fractional part)."""

    map_metric = "column_values.whole_number"
    success_keys = ("mostly",)
    args_keys = ("column",)

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    @render_suite_parameter_string
    def _prescriptive_renderer(
        cls,
        configuration=None,
        result=None,
        runtime_configuration: dict | None = None,
        **kwargs: Any,
    ) -> list[RenderedStringTemplateContent]:
        # The Data Docs pages use this legacy renderer; without it they show only the class name.
        runtime_configuration = runtime_configuration or {}
        styling = runtime_configuration.get("styling")
        params = substitute_none_for_missing(
            configuration.kwargs if configuration else {}, ["column", "mostly", "row_condition"]
        )
        template_str = "values must be whole numbers."
        if runtime_configuration.get("include_column_name") is not False:
            template_str = "$column " + template_str
        if params["row_condition"] is not None:
            template_str, styling = _style_row_condition(
                parse_row_condition_string(params["row_condition"]), template_str, params, styling
            )
        return [
            RenderedStringTemplateContent(
                content_block_type="string_template",
                string_template={"template": template_str, "params": params, "styling": styling},
            )
        ]
