{#-
    A revision: a later plan of the same jurisdiction states the target of an indicator for the same year (and
    the same bound) with another value or another comparator than the plan before it that stated it. Each row
    pairs the two statements (value_ids and documents). This is a change of policy between plans, not a
    contradiction: contradictions are only looked for within one document (fct_consistency_checks).
-#}

with

-- Read three times (the window, the revised and the previous statement): inlined, not copied first.
target_statements as {{ not_materialized() }} (
    select * from {{ ref('int_target_statements_by_document_year') }}
),

-- The labels of each side, each import read once: DuckDB materialises a CTE read twice (here every column of a
-- million figures, for the few revisions).
revised_labels as (
    select
        value_id,
        jurisdiction_slug,
        indicator_name_zh,
        indicator_name_en,
        unit,
        comparator_symbol,
        raw_text,
        source_quote
    from {{ ref('fct_indicator_values') }}
),

previous_labels as (
    select
        value_id,
        comparator_symbol,
        raw_text,
        source_quote
    from {{ ref('fct_indicator_values') }}
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
        previous.comparator as previous_comparator
    from with_previous
    inner join target_statements as revised
        on with_previous.value_id = revised.value_id
    inner join target_statements as previous
        on with_previous.previous_value_id = previous.value_id
    where revised.value <> previous.value or revised.comparator <> previous.comparator
),

-- The labels and texts of both statements, joined to the revisions only (every statement is a figure of
-- fct_indicator_values).
final as (
    select
        revised_statements.document_id || '__revises__' || revised_statements.value_id as revision_id,
        revised_statements.jurisdiction_code,
        revised_labels.jurisdiction_slug,
        revised_statements.indicator_code,
        revised_labels.indicator_name_zh,
        revised_labels.indicator_name_en,
        revised_labels.unit,
        revised_statements.period_year as target_year,
        revised_statements.bound,
        revised_statements.previous_document_id,
        revised_statements.previous_value_id,
        revised_statements.previous_value,
        revised_statements.previous_comparator,
        previous_labels.comparator_symbol as previous_comparator_symbol,
        previous_labels.raw_text as previous_raw_text,
        previous_labels.source_quote as previous_source_quote,
        revised_statements.document_id as revised_document_id,
        revised_statements.value_id as revised_value_id,
        revised_statements.value as revised_value,
        revised_statements.comparator as revised_comparator,
        revised_labels.comparator_symbol as revised_comparator_symbol,
        revised_labels.raw_text as revised_raw_text,
        revised_labels.source_quote as revised_source_quote,
        revised_statements.value - revised_statements.previous_value as value_change,
        revised_statements.value <> revised_statements.previous_value as is_value_changed,
        revised_statements.comparator <> revised_statements.previous_comparator as is_comparator_changed
    from revised_statements
    left join revised_labels
        on revised_statements.value_id = revised_labels.value_id
    left join previous_labels
        on revised_statements.previous_value_id = previous_labels.value_id
)

select * from final
