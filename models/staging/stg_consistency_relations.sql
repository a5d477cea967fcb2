with

source as (
    select * from {{ ref('consistency_relations') }}
),

renamed as (
    select
        trim(check_id) as check_id,
        trim(check_kind) as check_kind,
        trim(operation) as operation,
        trim(stated_value_id) as stated_value_id,
        trim(left_value_id) as left_value_id,
        nullif(trim(right_value_id), '') as right_value_id,
        right_constant,
        coalesce(scale, 1) as scale,
        trim(description_zh) as description_zh,
        trim(description_en) as description_en,
        nullif(trim(note), '') as relation_note
    from source
)

select * from renamed
