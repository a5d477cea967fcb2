-- For every document with an allocation table (annex), what share of each of its targets does each unit carry?
-- One row per document × unit × measure; '/' cells (not applicable) keep a null value and share and rank last.
-- units_sum_to_city_total (and its older name counties_sum_to_city_total) says whether the unit column adds up
-- to the total printed under it (合计).
with

allocations as (
    select * from {{ ref('fct_county_allocations') }}
),

column_sums as (
    select
        document_id,
        indicator_code,
        sum(value) as sum_of_counties,
        sum(case when not is_applicable then 1 else 0 end) as n_not_applicable
    from allocations
    group by document_id, indicator_code
),

final as (
    select
        allocations.document_id,
        allocations.jurisdiction_slug,
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
            partition by allocations.document_id, allocations.indicator_code
            order by allocations.value desc nulls last
        ) as rank_in_city,
        column_sums.sum_of_counties = allocations.city_total_value as units_sum_to_city_total,
        column_sums.sum_of_counties = allocations.city_total_value as counties_sum_to_city_total
    from allocations
    inner join column_sums
        on
            allocations.document_id = column_sums.document_id
            and allocations.indicator_code = column_sums.indicator_code
)

select * from final
