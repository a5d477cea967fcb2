{#-
    Text values of a group joined by a delimiter in a given order (nulls skipped; null when all are null).
    dbt.listagg takes the order on DuckDB and PostgreSQL (string_agg … order by) but ignores it on Spark, so
    Spark sorts (order key, value) pairs itself.
-#}
{% macro listagg_ordered(measure, delimiter_text, order_by) -%}
    {{ return(adapter.dispatch('listagg_ordered', 'yilao_yixiao')(measure, delimiter_text, order_by)) }}
{%- endmacro %}

{% macro default__listagg_ordered(measure, delimiter_text, order_by) -%}
    {{ dbt.listagg(measure, delimiter_text, 'order by ' ~ order_by) }}
{%- endmacro %}

{% macro spark__listagg_ordered(measure, delimiter_text, order_by) -%}
    case
        when count({{ measure }}) > 0
            then array_join(
                transform(
                    array_sort(collect_list(named_struct('sort_key', {{ order_by }}, 'item', {{ measure }}))),
                    pair -> pair.item
                ),
                {{ delimiter_text }}
            )
    end
{%- endmacro %}
