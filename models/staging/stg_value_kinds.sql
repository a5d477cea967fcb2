with

source as (
    select * from {{ ref('value_kinds') }}
),

renamed as (
    select
        trim(value_kind_code) as value_kind_code,
        trim(name_zh) as value_kind_name_zh,
        trim(name_en) as value_kind_name_en,
        trim(description_en) as value_kind_description_en
    from source
)

select * from renamed
