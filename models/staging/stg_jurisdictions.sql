with

source as (
    select * from {{ ref('jurisdictions') }}
),

renamed as (
    select
        trim(jurisdiction_code) as jurisdiction_code,
        trim(jurisdiction_slug) as jurisdiction_slug,
        trim(name_zh) as jurisdiction_name_zh,
        trim(name_en) as jurisdiction_name_en,
        trim(province_zh) as province_name_zh,
        trim(province_en) as province_name_en,
        trim(admin_level) as admin_level,
        trim(admin_level_zh) as admin_level_zh
    from source
)

select * from renamed
