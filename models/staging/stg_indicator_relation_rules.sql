with

source as (
    select * from {{ ref('indicator_relation_rules') }}
),

renamed as (
    select
        trim(rule_code) as rule_code,
        trim(check_kind) as check_kind,
        trim(operation) as operation,
        trim(stated_indicator_code) as stated_indicator_code,
        trim(left_indicator_code) as left_indicator_code,
        nullif(trim(right_indicator_code), '') as right_indicator_code,
        coalesce(scale, 1) as scale,
        trim(stated_value_scope) as stated_value_scope,
        trim(description_zh) as description_zh,
        trim(description_en) as description_en
    from source
)

select * from renamed
