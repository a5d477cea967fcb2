with

source as (
    select * from {{ ref('domains') }}
),

renamed as (
    select
        trim(domain_code) as domain_code,
        trim(name_zh) as domain_name_zh,
        trim(name_en) as domain_name_en,
        trim(description_en) as domain_description_en
    from source
)

select * from renamed
