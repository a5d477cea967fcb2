with

source as (
    select * from {{ ref('check_kinds') }}
),

renamed as (
    select
        trim(check_kind_code) as check_kind_code,
        trim(name_zh) as check_kind_name_zh,
        trim(name_en) as check_kind_name_en,
        trim(description_en) as check_kind_description_en
    from source
)

select * from renamed
