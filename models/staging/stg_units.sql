with

source as (
    select * from {{ ref('units') }}
),

renamed as (
    select
        trim(unit_code) as unit_code,
        trim(name_zh) as unit_name_zh,
        trim(name_en) as unit_name_en,
        trim(description_en) as unit_description_en,
        min_value,
        max_value,
        coalesce(must_be_whole, false) as must_be_whole,
        coalesce(is_calendar_year, false) as is_calendar_year
    from source
)

select * from renamed
