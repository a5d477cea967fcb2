with

jurisdictions as (
    select * from {{ ref('stg_jurisdictions') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

document_counts as (
    select
        jurisdiction_code,
        count(*) as n_documents
    from documents
    group by jurisdiction_code
),

final as (
    select
        jurisdictions.*,
        coalesce(document_counts.n_documents, 0) as n_documents
    from jurisdictions
    left join document_counts
        on jurisdictions.jurisdiction_code = document_counts.jurisdiction_code
)

select * from final
