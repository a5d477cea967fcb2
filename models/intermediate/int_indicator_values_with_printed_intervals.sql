{#-
    Each figure with the interval its printed precision stands for, by kind: a statistic rounded, a policy amount
    or goal exact unless approximate (see macros/printed_interval.sql). The printed number, its decimals and its
    multiplier are computed once, as columns, and the interval from them.
-#}

with

values_labelled as (
    select * from {{ ref('int_indicator_values_labelled') }}
),

printed_numbers as (
    select
        values_labelled.*,
        {{ printed_number_text('values_labelled.raw_text') }} as printed_number_text,
        {{ printed_multiplier('values_labelled.raw_text') }} as printed_multiplier
    from values_labelled
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
