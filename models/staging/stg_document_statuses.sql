with

source as (
    select * from {{ ref('document_statuses') }}
),

renamed as (
    select
        trim(document_status_code) as document_status_code,
        trim(name_zh) as document_status_name_zh,
        trim(name_en) as document_status_name_en,
        trim(description_en) as document_status_description_en
    from source
)

select * from renamed
