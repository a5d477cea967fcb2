{#-
    Every other statement of each group (document × indicator × kind × period label) beside the group's first
    statement, numbered by rank_order within the group as rank_name: the statement a restatement check reports
    is the one ranked 1. `groups` has document_id, indicator_code, value_kind, period_label and first_value_id;
    `statements` has those keys, value_id, value, value_lower, value_upper and whatever rank_order reads
    (`firsts.` is the group's first statement, `others.` the statement ranked).
-#}
{% macro statements_ranked_against_first(groups, statements, rank_order, rank_name) -%}
    select
        {{ groups }}.document_id,
        {{ groups }}.indicator_code,
        {{ groups }}.value_kind,
        {{ groups }}.period_label,
        others.value,
        others.value_lower,
        others.value_upper,
        row_number() over (
            partition by
                {{ groups }}.document_id,
                {{ groups }}.indicator_code,
                {{ groups }}.value_kind,
                {{ groups }}.period_label
            order by {{ rank_order }}
        ) as {{ rank_name }}
    from {{ groups }}
    inner join {{ statements }} as firsts
        on {{ groups }}.first_value_id = firsts.value_id
    inner join {{ statements }} as others
        on
            {{ groups }}.document_id = others.document_id
            and {{ groups }}.indicator_code = others.indicator_code
            and {{ groups }}.value_kind = others.value_kind
            and {{ groups }}.period_label = others.period_label
            and {{ groups }}.first_value_id <> others.value_id
{%- endmacro %}
