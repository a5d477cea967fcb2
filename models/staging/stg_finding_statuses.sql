with

source as (
    select * from {{ ref('finding_statuses') }}
),

renamed as (
    select
        trim(finding_status_code) as finding_status_code,
        trim(name_zh) as finding_status_name_zh,
        trim(name_en) as finding_status_name_en,
        trim(description_en) as finding_status_description_en
    from source
)

select * from renamed
