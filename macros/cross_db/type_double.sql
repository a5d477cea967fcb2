{#-
    The 8-byte floating-point type. Not dbt.type_float(): that is `float`, a 4-byte real on DuckDB.
    PostgreSQL spells it double precision; DuckDB and Spark double.
-#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'yilao_yixiao')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double
{%- endmacro %}

{% macro postgres__type_double() -%}
    double precision
{%- endmacro %}
