with

source as (
    select * from {{ ref('indicators') }}
),

renamed as (
    select
        trim(indicator_code) as indicator_code,
        trim(name_zh) as indicator_name_zh,
        trim(name_en) as indicator_name_en,
        trim(domain) as domain,
        trim(unit) as unit,
        higher_is_better,
        trim(description_en) as indicator_description_en
    from source
)

select * from renamed
