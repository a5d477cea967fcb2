{#-
    The arithmetic of a baseline → target gap, written once. Each returns null when it is undefined:
    no baseline, a zero baseline (no relative change from nothing), or no years between the two values.
-#}

{% macro absolute_gap(target_value, baseline_value) -%}
    ({{ target_value }} - {{ baseline_value }})
{%- endmacro %}

{% macro relative_change(target_value, baseline_value) -%}
    (({{ target_value }} - {{ baseline_value }}) / nullif({{ baseline_value }}, 0))
{%- endmacro %}

{#- Compound annual growth rate that takes the baseline to the target: (target / baseline)^(1 / years) - 1. -#}
{% macro required_annual_growth_rate(target_value, baseline_value, target_year, baseline_year) -%}
    case
        when {{ baseline_value }} > 0
            and {{ target_value }} >= 0
            and {{ target_year }} > {{ baseline_year }}
            then power(
                {{ target_value }} / {{ baseline_value }},
                1.0 / cast({{ target_year }} - {{ baseline_year }} as {{ type_double() }})
            ) - 1
    end
{%- endmacro %}
