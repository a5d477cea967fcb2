with

indicators as (
    select * from {{ ref('stg_indicators') }}
),

indicator_values as (
    select * from {{ ref('stg_indicator_values') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

usage as (
    select
        indicator_values.indicator_code,
        count(*) as n_values,
        count(distinct documents.jurisdiction_code) as n_jurisdictions
    from indicator_values
    inner join documents
        on indicator_values.document_id = documents.document_id
    group by indicator_values.indicator_code
),

final as (
    select
        indicators.*,
        coalesce(usage.n_values, 0) as n_values,
        coalesce(usage.n_jurisdictions, 0) as n_jurisdictions
    from indicators
    left join usage
        on indicators.indicator_code = usage.indicator_code
)

select * from final
