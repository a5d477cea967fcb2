-- What share of each of Zhoukou's 2024 targets does each county-level unit carry?
-- One row per county × measure; '/' cells (not applicable) keep a null value and share and rank last.
-- counties_sum_to_city_total says whether the county column adds up to the printed city total (合计).
with

allocations as (
    select * from {{ ref('fct_county_allocations') }}
),

column_sums as (
    select
        indicator_code,
        sum(value) as sum_of_counties,
        count(*) filter (where not is_applicable) as n_not_applicable
    from allocations
    group by indicator_code
),

final as (
    select
        allocations.county_slug,
        allocations.county_name_zh,
        allocations.county_name_en,
        allocations.indicator_code,
        allocations.indicator_name_zh,
        allocations.indicator_name_en,
        allocations.unit,
        allocations.period_year,
        allocations.is_applicable,
        allocations.value,
        allocations.city_total_value,
        allocations.share_of_city_total,
        column_sums.sum_of_counties,
        column_sums.n_not_applicable,
        allocations.source_quote,
        rank() over (
            partition by allocations.indicator_code
            order by allocations.value desc nulls last
        ) as rank_in_city,
        column_sums.sum_of_counties = allocations.city_total_value as counties_sum_to_city_total
    from allocations
    inner join column_sums
        on allocations.indicator_code = column_sums.indicator_code
)

select * from final
