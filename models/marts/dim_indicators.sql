with

indicators as (
    select * from {{ ref('stg_indicators') }}
),

indicator_values as (
    select * from {{ ref('int_indicator_values_labelled') }}
),

usage as (
    select
        indicator_code,
        count(*) as n_values,
        count(distinct jurisdiction_code) as n_jurisdictions
    from indicator_values
    group by indicator_code
),

final as (
    select
        indicators.*,
        coalesce(usage.n_values, 0) as n_values,
        coalesce(usage.n_jurisdictions, 0) as n_jurisdictions
    from indicators
    left join usage
        on indicators.indicator_code = usage.indicator_code
)

select * from final
