{#-
    A double rounded to a number of decimals, so that 11.36 - 0.005 compares equal to 11.355. Through decimal
    because PostgreSQL has no round(double precision, integer).
-#}
{% macro round_to_decimals(expression, decimals) -%}
    cast(round(cast({{ expression }} as decimal(38, {{ decimals }})), {{ decimals }}) as {{ type_double() }})
{%- endmacro %}
