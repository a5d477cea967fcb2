with

source as (
    select * from {{ ref('documents') }}
),

renamed as (
    select
        trim(document_id) as document_id,
        trim(jurisdiction_code) as jurisdiction_code,
        trim(title_zh) as title_zh,
        trim(title_en) as title_en,
        nullif(trim(document_number), '') as document_number,
        nullif(trim(issuing_body_zh), '') as issuing_body_zh,
        nullif(trim(issuing_body_en), '') as issuing_body_en,
        issued_date,
        published_date,
        trim(status) as document_status,
        comment_period_start,
        comment_period_end,
        plan_period_start,
        plan_period_end,
        trim(source_file) as source_file,
        lower(trim(source_sha256)) as source_sha256,
        trim(script) as script,
        nullif(trim(notes), '') as document_notes
    from source
)

select * from renamed
