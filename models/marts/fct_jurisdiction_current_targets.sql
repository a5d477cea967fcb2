{#-
    One row per jurisdiction × indicator with a dated target: the target of the jurisdiction's latest plan that
    states one (int_documents_ordered_by_recency: the latest issued date, the published date where none is
    printed, then the later end of the plan period, then document_id). Earlier plans' targets for the indicator
    are superseded; `selection_reason` says why this document was picked and `n_documents_with_target` how many
    plans stated a target for the indicator.
-#}

with

-- The gaps carry every label of the target (fct_indicator_gaps joins them); a current target is one of them.
-- Two imports, each read once: DuckDB materialises a CTE read twice, here a copy of every gap's columns.
gap_keys as (
    select
        document_id,
        jurisdiction_code,
        indicator_code
    from {{ ref('fct_indicator_gaps') }}
),

gaps as (
    select * from {{ ref('fct_indicator_gaps') }}
),

documents_ordered as (
    select * from {{ ref('int_documents_ordered_by_recency') }}
),

-- The latest plan per jurisdiction × indicator by a group-by, not a window: document_sequence numbers the
-- documents of a jurisdiction one by one, so its maximum picks one row, and a window sorting every target
-- with all its columns was most of this model's time at national scale.
sequenced_targets as (
    select
        targets.jurisdiction_code,
        targets.indicator_code,
        documents_ordered.document_sequence
    from gap_keys as targets
    inner join documents_ordered
        on targets.document_id = documents_ordered.document_id
),

latest_per_indicator as (
    select
        jurisdiction_code,
        indicator_code,
        max(document_sequence) as latest_document_sequence,
        count(*) as n_documents_with_target
    from sequenced_targets
    group by jurisdiction_code, indicator_code
),

latest_targets as (
    select
        targets.*,
        documents_ordered.document_status,
        documents_ordered.issued_date,
        documents_ordered.published_date,
        documents_ordered.plan_period_end,
        documents_ordered.recency_date,
        latest_per_indicator.n_documents_with_target
    from gaps as targets
    inner join documents_ordered
        on targets.document_id = documents_ordered.document_id
    inner join latest_per_indicator
        on
            targets.jurisdiction_code = latest_per_indicator.jurisdiction_code
            and targets.indicator_code = latest_per_indicator.indicator_code
            and documents_ordered.document_sequence = latest_per_indicator.latest_document_sequence
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
    from latest_targets
)

select * from final
