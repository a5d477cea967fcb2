{#-
    `with name {{ not_materialized() }} (…)`: a CTE that imports a table and is read more than once, inlined where
    it is read instead of copied. DuckDB materialises every CTE read twice: a copy of each row and column it
    selects (a million figures at national scale) before the first read, where reading the table again costs
    a scan; at x100 this was a third of int_baselines_chosen_for_targets' CPU time. PostgreSQL keeps its own
    choice (it materialises such a CTE, and its plans were tuned with that), Spark inlines every CTE and knows no
    such keyword: on both the macro is empty.
-#}
{% macro not_materialized() -%}
    {{ return(adapter.dispatch('not_materialized', 'yilao_yixiao')()) }}
{%- endmacro %}

{% macro default__not_materialized() -%}
{%- endmacro %}

{% macro duckdb__not_materialized() -%}
    not materialized
{%- endmacro %}
