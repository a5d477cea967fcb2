with

source as (
    select * from {{ ref('scripts') }}
),

renamed as (
    select
        trim(script_code) as script_code,
        trim(name_zh) as script_name_zh,
        trim(name_en) as script_name_en,
        trim(description_en) as script_description_en
    from source
)

select * from renamed
