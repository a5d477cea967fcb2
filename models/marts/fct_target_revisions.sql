{#-
    A revision: a later plan of the same jurisdiction states the target of an indicator for the same year (and
    the same bound) with another value or another comparator than the plan before it that stated it. Each row
    pairs the two statements (value_ids and documents). This is a change of policy between plans, not a
    contradiction: contradictions are only looked for within one document (fct_consistency_checks).
-#}

with

target_statements as (
    select * from {{ ref('int_target_statements_by_document_year') }}
),

-- The window finds only the previous statement's value_id (each statement has its own); its columns are
-- joined by that id. Carrying seven lagged columns through a window over every target statement was most of
-- this model's time at national scale.
with_previous as (
    select
        target_statements.value_id,
        lag(target_statements.value_id) over statement_order as previous_value_id
    from target_statements
    window statement_order as (
        partition by
            target_statements.jurisdiction_code,
            target_statements.indicator_code,
            target_statements.period_year,
            target_statements.bound
        order by target_statements.document_sequence
    )
),

revised_statements as (
    select
        revised.*,
        previous.document_id as previous_document_id,
        previous.value_id as previous_value_id,
        previous.value as previous_value,
        previous.comparator as previous_comparator,
        previous.comparator_symbol as previous_comparator_symbol,
        previous.raw_text as previous_raw_text,
        previous.source_quote as previous_source_quote
    from with_previous
    inner join target_statements as revised
        on with_previous.value_id = revised.value_id
    inner join target_statements as previous
        on with_previous.previous_value_id = previous.value_id
),

final as (
    select
        document_id || '__revises__' || value_id as revision_id,
        jurisdiction_code,
        jurisdiction_slug,
        indicator_code,
        indicator_name_zh,
        indicator_name_en,
        unit,
        period_year as target_year,
        bound,
        previous_document_id,
        previous_value_id,
        previous_value,
        previous_comparator,
        previous_comparator_symbol,
        previous_raw_text,
        previous_source_quote,
        document_id as revised_document_id,
        value_id as revised_value_id,
        value as revised_value,
        comparator as revised_comparator,
        comparator_symbol as revised_comparator_symbol,
        raw_text as revised_raw_text,
        source_quote as revised_source_quote,
        value - previous_value as value_change,
        value <> previous_value as is_value_changed,
        comparator <> previous_comparator as is_comparator_changed
    from revised_statements
    where value <> previous_value or comparator <> previous_comparator
)

select * from final
