with

source as (
    select * from {{ ref('indicator_values') }}
),

renamed as (
    select
        trim(value_id) as value_id,
        trim(document_id) as document_id,
        trim(indicator_code) as indicator_code,
        trim(value_kind) as value_kind,
        period_year,
        trim(period_basis) as period_basis,
        value,
        trim(comparator) as comparator,
        coalesce(is_aspirational, false) as is_aspirational,
        nullif(trim(obligation), '') as obligation,
        raw_text,
        trim(source_section) as source_section,
        source_quote,
        nullif(trim(cleaning_note), '') as cleaning_note,
        nullif(trim(parent_value_id), '') as parent_value_id,
        nullif(trim(breakdown_dimension), '') as breakdown_dimension,
        nullif(trim(breakdown_member), '') as breakdown_member,
        nullif(trim(breakdown_dimension), '') is not null as is_breakdown_part
    from source
)

select * from renamed
