with

documents as (
    select * from {{ ref('stg_documents') }}
),

jurisdictions as (
    select * from {{ ref('stg_jurisdictions') }}
),

indicator_values as (
    select * from {{ ref('stg_indicator_values') }}
),

value_counts as (
    select
        document_id,
        count(*) as n_values,
        sum(case when value_kind = 'baseline' then 1 else 0 end) as n_baselines,
        sum(case when value_kind = 'target' then 1 else 0 end) as n_targets,
        sum(case when obligation = 'binding' then 1 else 0 end) as n_binding,
        sum(case when obligation = 'expected' then 1 else 0 end) as n_expected
    from indicator_values
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.jurisdiction_code,
        jurisdictions.jurisdiction_slug,
        jurisdictions.jurisdiction_name_zh,
        jurisdictions.jurisdiction_name_en,
        documents.title_zh,
        documents.title_en,
        documents.document_number,
        documents.issuing_body_zh,
        documents.issuing_body_en,
        documents.issued_date,
        documents.published_date,
        documents.document_status,
        documents.comment_period_start,
        documents.comment_period_end,
        documents.plan_period_start,
        documents.plan_period_end,
        documents.source_file,
        documents.source_sha256,
        documents.script,
        documents.document_notes,
        coalesce(value_counts.n_values, 0) as n_values,
        cast(coalesce(value_counts.n_baselines, 0) as bigint) as n_baselines,
        cast(coalesce(value_counts.n_targets, 0) as bigint) as n_targets,
        cast(coalesce(value_counts.n_binding, 0) as bigint) as n_binding,
        cast(coalesce(value_counts.n_expected, 0) as bigint) as n_expected
    from documents
    inner join jurisdictions
        on documents.jurisdiction_code = jurisdictions.jurisdiction_code
    left join value_counts
        on documents.document_id = value_counts.document_id
)

select * from final
