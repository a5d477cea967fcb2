{#-
    The documents of each jurisdiction in the order they were issued, so a later plan can supersede an earlier
    one. A document is later when its issued date is later (the published date stands in where no issued date is
    printed); documents without either date come first, as they cannot be shown to be later. Ties are broken by
    the later end of the plan period, then by document_id, so the order is total and stable.
-#}

with

documents as (
    select * from {{ ref('stg_documents') }}
),

dated as (
    select
        document_id,
        jurisdiction_code,
        document_status,
        issued_date,
        published_date,
        plan_period_end,
        coalesce(issued_date, published_date) as recency_date
    from documents
),

final as (
    select
        dated.*,
        row_number() over (
            partition by dated.jurisdiction_code
            order by
                case when dated.recency_date is null then 0 else 1 end,
                dated.recency_date,
                case when dated.plan_period_end is null then 0 else 1 end,
                dated.plan_period_end,
                dated.document_id
        ) as document_sequence,
        count(*) over (partition by dated.jurisdiction_code) as n_documents_of_jurisdiction
    from dated
)

select * from final
