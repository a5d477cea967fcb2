with

source as (
    select * from {{ ref('audit_findings') }}
),

renamed as (
    select
        trim(check_id) as check_id,
        trim(expected_status) as expected_status,
        trim(finding_status) as finding_status,
        recorded_on,
        trim(value_ids) as value_ids,
        trim(summary_zh) as summary_zh,
        trim(summary_en) as summary_en,
        source_quotes
    from source
)

select * from renamed
