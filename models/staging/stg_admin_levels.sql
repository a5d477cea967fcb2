with

source as (
    select * from {{ ref('admin_levels') }}
),

renamed as (
    select
        trim(admin_level_code) as admin_level_code,
        trim(name_zh) as admin_level_name_zh,
        trim(name_en) as admin_level_name_en,
        trim(description_en) as admin_level_description_en
    from source
)

select * from renamed
