{#-
    Each figure with the interval its printed precision stands for, by kind: a statistic rounded, a policy amount
    or goal exact unless approximate (see macros/printed_interval.sql).
-#}

with

values_labelled as (
    select * from {{ ref('int_indicator_values_labelled') }}
),

final as (
    select
        values_labelled.*,
        {{ round_to_decimals(
            printed_half_width('value', 'raw_text', 'comparator', 'value_kind'), 10
        ) }} as printed_half_width,
        {{ round_to_decimals(printed_lower('value', 'raw_text', 'comparator', 'value_kind'), 10) }} as value_lower,
        {{ round_to_decimals(printed_upper('value', 'raw_text', 'comparator', 'value_kind'), 10) }} as value_upper
    from values_labelled
)

select * from final
