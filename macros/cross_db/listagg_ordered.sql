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

{#-
    DuckDB: the group's (order key, value) pairs collected unordered and each small list sorted, then joined by
    string_agg over the list (which skips nulls and gives null when all are null, as string_agg does). An
    aggregate with `order by` sorts every row of the table instead: at national scale (a million check figures)
    it took about twice the CPU time.
-#}
{% macro duckdb__listagg_ordered(measure, delimiter_text, order_by) -%}
    list_aggr(
        list_transform(
            list_sort(list({'sort_key': {{ order_by }}, 'item': {{ measure }}})),
            lambda pair: pair.item
        ),
        'string_agg',
        {{ delimiter_text }}
    )
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
