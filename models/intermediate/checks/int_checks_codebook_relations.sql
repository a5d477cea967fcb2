{#-
    Relations that follow from the codebook (seeds/indicator_relation_rules.csv: a rate and its numerator and
    denominator, a per-1,000 norm × population against a count target, a part within its total), applied to every
    document: no figure is named, so a new plan gets these checks from its figures alone.

    For each figure of the stated indicator (with a number, of the kinds the rule applies to), each operand is the
    figure of the operand's indicator in the same document that is (0) a whole figure, or a part of the same
    breakdown member when the stated figure is one (65+ within 60+; its denominator may be whole), then
    (1) of the same value kind,
    (2) printed in the same section, (3) of the latest reference year not after the stated figure's (for a ratio:
    of the stated figure's own year), then (4) the first in document order. A figure's reference year is its year; an undated target refers to the end of the
    plan period, an undated baseline to the year before the plan starts. Without both operands there is no check.
-#}

with

rules as (
    select * from {{ ref('stg_indicator_relation_rules') }}
),

-- Only the columns used: a CTE read more than once is materialised, and PostgreSQL keeps every column it
-- selects (DuckDB drops the unused ones itself), a million figures' worth at national scale.
values_with_intervals as (
    select
        value_id,
        document_id,
        indicator_code,
        value_kind,
        period_year,
        value,
        source_section,
        breakdown_dimension,
        breakdown_member,
        is_breakdown_part,
        value_lower,
        value_upper
    from {{ ref('int_indicator_values_with_printed_intervals') }}
),

documents as (
    select
        document_id,
        jurisdiction_code,
        plan_period_start,
        plan_period_end
    from {{ ref('stg_documents') }}
),

jurisdictions as (
    select
        jurisdiction_code,
        jurisdiction_slug
    from {{ ref('stg_jurisdictions') }}
),

-- The texts, joined only to the figures the checks name; a lookup (left join) never decides which rows there are.
-- One import per use: DuckDB materialises a CTE read twice, a copy of a million figures' texts.
stated_texts as (
    select
        value_id,
        raw_text
    from {{ ref('stg_indicator_values') }}
),

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

figures as (
    select
        values_with_intervals.*,
        coalesce(
            values_with_intervals.period_year,
            case
                when values_with_intervals.value_kind = 'target' then documents.plan_period_end
                else documents.plan_period_start - 1
            end
        ) as reference_year
    from values_with_intervals
    inner join documents
        on values_with_intervals.document_id = documents.document_id
    where values_with_intervals.value is not null
),

stated as (
    select
        rules.rule_code,
        rules.check_kind,
        rules.operation,
        rules.left_indicator_code,
        rules.right_indicator_code,
        rules.scale,
        rules.description_zh as rule_description_zh,
        rules.description_en as rule_description_en,
        figures.*
    from rules
    inner join figures
        on
            rules.stated_indicator_code = figures.indicator_code
            and (
                rules.stated_value_scope = 'all'
                or (rules.stated_value_scope = 'targets' and figures.value_kind = 'target')
                or (rules.stated_value_scope = 'non_targets' and figures.value_kind <> 'target')
            )
),

operand_candidates as (
    select
        stated.rule_code,
        stated.value_id as stated_value_id,
        case when candidates.indicator_code = stated.left_indicator_code then 'left' else 'right' end as operand,
        candidates.value_id,
        candidates.value,
        candidates.value_lower,
        candidates.value_upper,
        row_number() over (
            partition by
                stated.rule_code,
                stated.value_id,
                case when candidates.indicator_code = stated.left_indicator_code then 'left' else 'right' end
            order by
                case when candidates.value_kind = stated.value_kind then 0 else 1 end,
                case when candidates.source_section = stated.source_section then 0 else 1 end,
                candidates.reference_year desc nulls last,
                candidates.value_id asc
        ) as candidate_rank
    from stated
    inner join figures as candidates
        on
            stated.document_id = candidates.document_id
            and candidates.indicator_code in (stated.left_indicator_code, stated.right_indicator_code)
            and stated.value_id <> candidates.value_id
            and (
                (
                    not candidates.is_breakdown_part
                    and (not stated.is_breakdown_part or stated.right_indicator_code = candidates.indicator_code)
                )
                or (
                    candidates.is_breakdown_part
                    and stated.breakdown_dimension = candidates.breakdown_dimension
                    and stated.breakdown_member = candidates.breakdown_member
                )
            )
            and (
                stated.reference_year >= candidates.reference_year
                or candidates.reference_year is null
                or stated.reference_year is null
            )
            -- a rate is recomputed from a numerator and a denominator of its own year; a share projected for
            -- the plan's end divided out of an earlier census count would test an assumption, not the plan
            and (
                stated.operation <> 'ratio'
                or stated.reference_year = candidates.reference_year
                or candidates.reference_year is null
                or stated.reference_year is null
            )
),

chosen_operands as (
    select * from operand_candidates
    where candidate_rank = 1
),

operands as (
    select
        stated.*,
        stated.value as stated_value,
        stated.value_lower as stated_lower,
        stated.value_upper as stated_upper,
        lefts.value_id as left_value_id,
        lefts.value as left_value,
        lefts.value_lower as left_lower,
        lefts.value_upper as left_upper,
        rights.value_id as right_value_id,
        rights.value as right_value,
        rights.value_lower as right_lower,
        rights.value_upper as right_upper
    from stated
    inner join chosen_operands as lefts
        on
            stated.rule_code = lefts.rule_code
            and stated.value_id = lefts.stated_value_id
            and lefts.operand = 'left'
    left join chosen_operands as rights
        on
            stated.rule_code = rights.rule_code
            and stated.value_id = rights.stated_value_id
            and rights.operand = 'right'
    where stated.right_indicator_code is null or rights.value_id is not null
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
        computed.document_id || '__' || computed.rule_code || '__' || computed.value_id as check_id,
        document_jurisdictions.jurisdiction_slug,
        computed.document_id,
        computed.check_kind,
        computed.rule_description_zh || '（' || stated_texts.raw_text || '）' as description_zh,
        computed.rule_description_en || ' (printed "' || stated_texts.raw_text || '")' as description_en,
        computed.stated_value,
        computed.stated_lower,
        computed.stated_upper,
        computed.computed_value,
        computed.computed_lower,
        computed.computed_upper,
        {{ relation_holds('computed.operation', 'computed.stated', 'computed.computed') }} as is_consistent,
        computed.value_id as stated_value_id,
        computed.left_value_id,
        computed.right_value_id
    from computed
    left join document_jurisdictions
        on computed.document_id = document_jurisdictions.document_id
    left join stated_texts
        on computed.value_id = stated_texts.value_id
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
        figure_quotes.source_quote
    from operand_ids
    left join figure_quotes
        on operand_ids.value_id = figure_quotes.value_id
),

final as (
    {{ consistency_check_rows('checks', 'operand_figures') }}
)

select * from final
