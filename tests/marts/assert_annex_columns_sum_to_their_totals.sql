-- Every allocation table (annex) of every document: each column's unit cells add up to the total printed under
-- it (合计). '/' cells are not applicable and add nothing; a printed 0 is a 0.
-- Returns the document × measure columns that do not tie out or have no printed total.
{{ config(store_failures = true) }}

with

county_allocations as (
    select * from {{ ref('fct_county_allocations') }}
),

column_sums as (
    select
        document_id,
        indicator_code,
        city_total_value_id,
        max(city_total_value) as city_total_value,
        sum(value) as unit_sum
    from county_allocations
    group by document_id, indicator_code, city_total_value_id
),

final as (
    select *
    from column_sums
    where
        city_total_value is null
        or unit_sum <> city_total_value
)

select * from final
