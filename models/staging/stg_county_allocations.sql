with

source as (
    select * from {{ ref('county_allocations') }}
),

renamed as (
    select
        trim(allocation_id) as allocation_id,
        trim(document_id) as document_id,
        trim(county_slug) as county_slug,
        trim(county_name_zh) as county_name_zh,
        trim(county_name_en) as county_name_en,
        nullif(trim(county_code), '') as county_code,
        trim(indicator_code) as indicator_code,
        period_year,
        value,
        is_applicable,
        raw_text,
        trim(source_section) as source_section,
        source_quote
    from source
)

select * from renamed
