-- Zhoukou's annex: each column's county cells add up to the 合计 printed under it
-- (700 meal sites, 8,890 households, 40 township homes, 60 village stations, 5,000 training person-times).
-- Returns the columns that do not tie out.

with

county_allocations as (
    select * from {{ ref('fct_county_allocations') }}
),

column_sums as (
    select
        indicator_code,
        city_total_value_id,
        max(city_total_value) as city_total_value,
        sum(value) as county_sum
    from county_allocations
    group by indicator_code, city_total_value_id
),

final as (
    select *
    from column_sums
    where
        city_total_value is null
        or county_sum <> city_total_value
)

select * from final
