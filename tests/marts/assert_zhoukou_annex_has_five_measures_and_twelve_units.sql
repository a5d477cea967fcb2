-- The annex table is 12 county-level units × 5 measures; a lost row or column would shrink the tie-out.
-- Pins the real plan's shape: tagged real_plans so other data (the benchmark's) can exclude it.
{{ config(tags=["real_plans"]) }}

with

county_allocations as (
    select * from {{ ref('fct_county_allocations') }}
    where document_id = 'zhoukou_2024_elderly_care_supervision_plan'
),

shape as (
    select
        count(distinct county_slug) as n_units,
        count(distinct indicator_code) as n_measures,
        count(*) as n_cells
    from county_allocations
),

final as (
    select *
    from shape
    where n_units <> 12 or n_measures <> 5 or n_cells <> 60
)

select * from final
