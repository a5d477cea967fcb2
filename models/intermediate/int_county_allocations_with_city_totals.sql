{#- The annex prints the city total (合计) under each column; it is held in indicator_values in the same section. -#}

with

county_allocations as (
    select * from {{ ref('stg_county_allocations') }}
),

indicator_values as (
    select * from {{ ref('stg_indicator_values') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

jurisdictions as (
    select * from {{ ref('stg_jurisdictions') }}
),

indicators as (
    select * from {{ ref('stg_indicators') }}
),

city_totals as (
    select
        document_id,
        indicator_code,
        period_year,
        source_section,
        value_id as city_total_value_id,
        value as city_total_value
    from indicator_values
    where not is_breakdown_part
),

final as (
    select
        county_allocations.allocation_id,
        jurisdictions.jurisdiction_code,
        jurisdictions.jurisdiction_slug,
        county_allocations.document_id,
        county_allocations.county_slug,
        county_allocations.county_name_zh,
        county_allocations.county_name_en,
        county_allocations.county_code,
        county_allocations.indicator_code,
        indicators.indicator_name_zh,
        indicators.indicator_name_en,
        indicators.unit,
        county_allocations.period_year,
        county_allocations.value,
        county_allocations.is_applicable,
        county_allocations.raw_text,
        county_allocations.source_section,
        county_allocations.source_quote,
        city_totals.city_total_value_id,
        city_totals.city_total_value,
        county_allocations.value / nullif(city_totals.city_total_value, 0) as share_of_city_total
    from county_allocations
    inner join documents
        on county_allocations.document_id = documents.document_id
    inner join jurisdictions
        on documents.jurisdiction_code = jurisdictions.jurisdiction_code
    inner join indicators
        on county_allocations.indicator_code = indicators.indicator_code
    left join city_totals
        on
            county_allocations.document_id = city_totals.document_id
            and county_allocations.indicator_code = city_totals.indicator_code
            and county_allocations.period_year = city_totals.period_year
            and county_allocations.source_section = city_totals.source_section
)

select * from final
