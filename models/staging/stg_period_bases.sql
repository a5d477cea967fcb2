with

source as (
    select * from {{ ref('period_bases') }}
),

renamed as (
    select
        trim(period_basis_code) as period_basis_code,
        trim(name_zh) as period_basis_name_zh,
        trim(name_en) as period_basis_name_en,
        trim(description_en) as period_basis_description_en
    from source
)

select * from renamed
