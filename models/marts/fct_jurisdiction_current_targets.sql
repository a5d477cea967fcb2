{#-
    One row per jurisdiction × indicator with a dated target: the target of the jurisdiction's latest plan that
    states one (int_documents_ordered_by_recency: the latest issued date, the published date where none is
    printed, then the later end of the plan period, then document_id). Earlier plans' targets for the indicator
    are superseded; `selection_reason` says why this document was picked and `n_documents_with_target` how many
    plans stated a target for the indicator.
-#}

with

targets_paired_with_baselines as (
    select * from {{ ref('int_targets_paired_with_baselines') }}
),

documents_ordered as (
    select * from {{ ref('int_documents_ordered_by_recency') }}
),

ranked as (
    select
        targets.*,
        documents_ordered.document_status,
        documents_ordered.issued_date,
        documents_ordered.published_date,
        documents_ordered.plan_period_end,
        documents_ordered.recency_date,
        row_number() over (
            partition by targets.jurisdiction_code, targets.indicator_code
            order by documents_ordered.document_sequence desc
        ) as recency_rank,
        count(*) over (partition by targets.jurisdiction_code, targets.indicator_code) as n_documents_with_target
    from targets_paired_with_baselines as targets
    inner join documents_ordered
        on targets.document_id = documents_ordered.document_id
),

final as (
    select
        jurisdiction_code || '__' || indicator_code as current_target_id,
        jurisdiction_code,
        jurisdiction_slug,
        jurisdiction_name_zh,
        jurisdiction_name_en,
        indicator_code,
        indicator_name_zh,
        indicator_name_en,
        domain,
        unit,
        document_id,
        document_status,
        issued_date,
        published_date,
        plan_period_end,
        document_id || '__' || indicator_code as gap_id,
        target_value_id,
        target_year,
        target_value,
        target_comparator,
        target_comparator_symbol,
        target_obligation,
        target_source_quote,
        n_documents_with_target,
        case
            when n_documents_with_target = 1 then 'the only plan of the jurisdiction that states a target for it'
            when recency_date is not null
                then
                    'the latest of ' || cast(n_documents_with_target as {{ dbt.type_string() }})
                    || ' plans stating a target for it, by issued (or published) date'
            else
                'the latest of ' || cast(n_documents_with_target as {{ dbt.type_string() }})
                || ' plans stating a target for it, by end of plan period (no date printed)'
        end as selection_reason
    from ranked
    where recency_rank = 1
)

select * from final
