-- An allocation table is a grid: every unit of a document's annex has a cell for every measure of that annex
-- ('/' included), and a cell is '/' exactly when it has no number. A lost row or column, or a '/' read as 0,
-- shows up here. Returns the offending documents (shape) and cells (applicability).
{{ config(store_failures = true) }}

with

county_allocations as (
    select * from {{ ref('fct_county_allocations') }}
),

shapes as (
    select
        document_id,
        count(distinct county_slug) as n_units,
        count(distinct indicator_code) as n_measures,
        count(*) as n_cells
    from county_allocations
    group by document_id
),

incomplete_tables as (
    select
        document_id,
        cast(null as {{ dbt.type_string() }}) as allocation_id,
        'the table has ' || cast(n_cells as {{ dbt.type_string() }}) || ' cells for '
        || cast(n_units as {{ dbt.type_string() }}) || ' units × '
        || cast(n_measures as {{ dbt.type_string() }}) || ' measures' as problem
    from shapes
    where n_cells <> n_units * n_measures
),

misread_cells as (
    select
        document_id,
        allocation_id,
        case
            when is_applicable then 'an applicable cell without a number'
            else 'a "/" cell with a number'
        end as problem
    from county_allocations
    where (value is null) = is_applicable
),

final as (
    select * from incomplete_tables
    union all
    select * from misread_cells
)

select * from final
