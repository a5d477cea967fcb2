{#-
    The relations declared in the consistency_relations seed, computed with interval arithmetic so a rate
    recomputed from rounded figures is compared at the precision it was printed with:
    ratio [l⁻/r⁺, l⁺/r⁻], product [l⁻·r⁻, l⁺·r⁺], difference [l⁻ − r⁺, l⁺ − r⁻]; at_most: stated ≤ left.
-#}

with

relations as (
    select * from {{ ref('stg_consistency_relations') }}
),

values_with_intervals as (
    select * from {{ ref('int_indicator_values_with_printed_intervals') }}
),

operands as (
    select
        relations.*,
        stated.jurisdiction_slug,
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
    inner join values_with_intervals as lefts
        on relations.left_value_id = lefts.value_id
    left join values_with_intervals as rights
        on relations.right_value_id = rights.value_id
),

computed as (
    select
        operands.*,
        case operands.operation
            when 'ratio' then operands.left_value / nullif(operands.right_value, 0) * operands.scale
            when 'product' then operands.left_value * operands.right_value * operands.scale
            when 'difference' then operands.left_value - operands.right_value
            when 'at_most' then operands.left_value
        end as computed_value,
        case operands.operation
            when 'ratio' then operands.left_lower / nullif(operands.right_upper, 0) * operands.scale
            when 'product' then operands.left_lower * operands.right_lower * operands.scale
            when 'difference' then operands.left_lower - operands.right_upper
            when 'at_most' then operands.left_lower
        end as computed_lower,
        case operands.operation
            when 'ratio' then operands.left_upper / nullif(operands.right_lower, 0) * operands.scale
            when 'product' then operands.left_upper * operands.right_upper * operands.scale
            when 'difference' then operands.left_upper - operands.right_lower
            when 'at_most' then operands.left_upper
        end as computed_upper
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
        case
            when operation = 'at_most' then stated_lower <= computed_upper
            else {{ intervals_overlap('stated_lower', 'stated_upper', 'computed_lower', 'computed_upper') }}
        end as is_consistent,
        stated_value_id,
        left_value_id,
        right_value_id
    from computed
),

operand_figures as (
    select
        checks.check_id,
        figures.value_id,
        case
            when figures.value_id = checks.stated_value_id then 'stated'
            when figures.value_id = checks.left_value_id then 'left_operand'
            else 'right_operand'
        end as value_role,
        case
            when figures.value_id = checks.stated_value_id then 0
            when figures.value_id = checks.left_value_id then 1
            else 2
        end as role_order,
        'indicator_values' as figure_table,
        figures.source_quote
    from checks
    inner join values_with_intervals as figures
        on figures.value_id in (checks.stated_value_id, checks.left_value_id, checks.right_value_id)
),

final as (
    {{ consistency_check_rows('checks', 'operand_figures') }}
)

select * from final
