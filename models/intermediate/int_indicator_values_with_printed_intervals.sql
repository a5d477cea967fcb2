{#-
    Each figure with the interval its printed precision stands for, by kind: a statistic rounded, a policy amount
    or goal exact unless approximate (see macros/printed_interval.sql). The printed number, its decimals and its
    multiplier are computed once, as columns, and the interval from them.

    Narrow on purpose: the ids, codes and numbers the checks and the target models compute with, one row per
    figure. The wide texts (quotes, raw text, names, titles) are joined only where they are shown, to the few
    rows that show them: at national scale writing and re-reading a million wide rows in each intermediate model
    was most of the SQL's time (bench/RESULTS.md).
-#}

with

indicator_values as (
    select * from {{ ref('stg_indicator_values') }}
),

printed_numbers as (
    select
        value_id,
        document_id,
        indicator_code,
        value_kind,
        period_year,
        period_basis,
        value,
        comparator,
        source_section,
        parent_value_id,
        breakdown_dimension,
        breakdown_member,
        is_breakdown_part,
        {{ printed_number_text('raw_text') }} as printed_number_text,
        {{ printed_multiplier('raw_text') }} as printed_multiplier
    from indicator_values
),

printed_precision as (
    select
        printed_numbers.*,
        {{ printed_decimals('printed_numbers.printed_number_text') }} as printed_decimals
    from printed_numbers
),

half_widths as (
    select
        printed_precision.*,
        {{ round_to_decimals(printed_half_width(
            'printed_precision.value',
            'printed_precision.printed_number_text',
            'printed_precision.printed_decimals',
            'printed_precision.printed_multiplier',
            'printed_precision.comparator',
            'printed_precision.value_kind'
        ), 10) }} as printed_half_width
    from printed_precision
),

final as (
    select
        half_widths.*,
        {{ round_to_decimals('half_widths.value - half_widths.printed_half_width', 10) }} as value_lower,
        {{ round_to_decimals('half_widths.value + half_widths.printed_half_width', 10) }} as value_upper
    from half_widths
)

select * from final
