with

county_allocations as (
    select * from {{ ref('int_county_allocations_with_city_totals') }}
)

select * from county_allocations
