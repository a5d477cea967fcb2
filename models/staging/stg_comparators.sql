with

source as (
    select * from {{ ref('comparators') }}
),

renamed as (
    select
        trim(comparator_code) as comparator_code,
        trim(name_zh) as comparator_name_zh,
        trim(name_en) as comparator_name_en,
        trim(symbol) as comparator_symbol,
        trim(description_en) as comparator_description_en
    from source
)

select * from renamed
