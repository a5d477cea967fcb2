with

source as (
    select * from {{ ref('obligations') }}
),

renamed as (
    select
        trim(obligation_code) as obligation_code,
        trim(name_zh) as obligation_name_zh,
        trim(name_en) as obligation_name_en,
        trim(description_en) as obligation_description_en
    from source
)

select * from renamed
