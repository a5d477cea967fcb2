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

with_previous as (
    select
        target_statements.*,
        lag(target_statements.document_id) over statement_order as previous_document_id,
        lag(target_statements.value_id) over statement_order as previous_value_id,
        lag(target_statements.value) over statement_order as previous_value,
        lag(target_statements.comparator) over statement_order as previous_comparator,
        lag(target_statements.comparator_symbol) over statement_order as previous_comparator_symbol,
        lag(target_statements.raw_text) over statement_order as previous_raw_text,
        lag(target_statements.source_quote) over statement_order as previous_source_quote
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
    from with_previous
    where
        previous_value_id is not null
        and (value <> previous_value or comparator <> previous_comparator)
)

select * from final
