{#-
    The relations declared figure by figure in the consistency_relations seed: what only a reader can see
    (which beds an occupancy rate is of, a yearly pace × the plan's years, a 近 "nearly" difference). Relations
    that follow from the codebook are rules over indicator codes instead (int_checks_codebook_relations).
    Interval arithmetic: macros/consistency_checks/relation_arithmetic.sql.
-#}

with

relations as (
    select * from {{ ref('stg_consistency_relations') }}
),

-- Only the columns used: a CTE read more than once is materialised, and PostgreSQL keeps every column it
-- selects (DuckDB drops the unused ones itself), a million figures' worth at national scale.
values_with_intervals as (
    select
        value_id,
        document_id,
        value,
        value_lower,
        value_upper
    from {{ ref('int_indicator_values_with_printed_intervals') }}
),

documents as (
    select
        document_id,
        jurisdiction_code
    from {{ ref('stg_documents') }}
),

jurisdictions as (
    select
        jurisdiction_code,
        jurisdiction_slug
    from {{ ref('stg_jurisdictions') }}
),

-- The quotes, joined once to the figures the checks name; a lookup (left join) never decides which rows there are.
figure_quotes as (
    select
        value_id,
        source_quote
    from {{ ref('stg_indicator_values') }}
),

document_jurisdictions as (
    select
        documents.document_id,
        jurisdictions.jurisdiction_slug
    from documents
    inner join jurisdictions
        on documents.jurisdiction_code = jurisdictions.jurisdiction_code
),

operands as (
    select
        relations.*,
        document_jurisdictions.jurisdiction_slug,
        stated.document_id,
        stated.value as stated_value,
        stated.value_lower as stated_lower,
        stated.value_upper as stated_upper,
        lefts.value as left_value,
        lefts.value_lower as left_lower,
        lefts.value_upper as left_upper,
        coalesce(rights.value, relations.right_constant) as right_value,
        coalesce(rights.value_lower, relations.right_constant) as right_lower,
        coalesce(rights.value_upper, relations.right_constant) as right_upper
    from relations
    inner join values_with_intervals as stated
        on relations.stated_value_id = stated.value_id
    left join document_jurisdictions
        on stated.document_id = document_jurisdictions.document_id
    inner join values_with_intervals as lefts
        on relations.left_value_id = lefts.value_id
    left join values_with_intervals as rights
        on relations.right_value_id = rights.value_id
),

computed as (
    select
        operands.*,
        {{ relation_computed('operands.operation', 'operands.left', 'operands.right', 'operands.scale', 'value') }}
            as computed_value,
        {{ relation_computed('operands.operation', 'operands.left', 'operands.right', 'operands.scale', 'lower') }}
            as computed_lower,
        {{ relation_computed('operands.operation', 'operands.left', 'operands.right', 'operands.scale', 'upper') }}
            as computed_upper
    from operands
),

checks as (
    select
        check_id,
        jurisdiction_slug,
        document_id,
        check_kind,
        description_zh,
        description_en,
        stated_value,
        stated_lower,
        stated_upper,
        computed_value,
        computed_lower,
        computed_upper,
        {{ relation_holds('operation', 'stated', 'computed') }} as is_consistent,
        stated_value_id,
        left_value_id,
        right_value_id
    from computed
),

operand_ids as (
    {{ check_operand_ids('checks') }}
),

operand_figures as (
    select
        operand_ids.check_id,
        operand_ids.value_id,
        operand_ids.value_role,
        operand_ids.role_order,
        'indicator_values' as figure_table,
        figures.source_quote
    from operand_ids
    left join figure_quotes as figures
        on operand_ids.value_id = figures.value_id
),

final as (
    {{ consistency_check_rows('checks', 'operand_figures') }}
)

select * from final
