{#-
    Checks no sentence states but any reader would make: a share cannot exceed 100 % (a target of "100%以上"
    is flagged), and a target does not fall below its baseline where a higher value is the policy direction.
-#}

with

-- Only the columns used: a CTE read more than once is materialised, and PostgreSQL keeps every column it
-- selects (DuckDB drops the unused ones itself), a million figures' worth at national scale.
values_with_intervals as {{ not_materialized() }} (
    select
        value_id,
        document_id,
        indicator_code,
        value_kind,
        value,
        comparator,
        value_lower,
        value_upper
    from {{ ref('int_indicator_values_with_printed_intervals') }}
),

-- The pairs carry both figures' printed intervals: no join back to the million figures.
targets_paired_with_baselines as (
    select
        document_id,
        indicator_code,
        target_value_id,
        target_value,
        target_lower,
        target_upper,
        baseline_value_id,
        baseline_value,
        baseline_lower,
        baseline_upper
    from {{ ref('int_targets_paired_with_baselines') }}
),

indicators as (
    select
        indicator_code,
        indicator_name_zh,
        indicator_name_en,
        unit,
        higher_is_better
    from {{ ref('stg_indicators') }}
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

-- The texts, joined only to the figures the checks name; a lookup (left join) never decides which rows there are.
-- One import per use: DuckDB materialises a CTE read twice, a copy of a million figures' texts.
ceiling_texts as (
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

shares_at_the_ceiling as (
    select
        figures.document_id || '__share_at_most_100__' || figures.value_id as check_id,
        document_jurisdictions.jurisdiction_slug,
        figures.document_id,
        'plausibility' as check_kind,
        indicators.indicator_name_zh || '：比例不超过100%（' || ceiling_texts.raw_text || '）' as description_zh,
        indicators.indicator_name_en || ': a share cannot exceed 100 % (printed "' || ceiling_texts.raw_text || '")'
            as description_en,
        figures.value as stated_value,
        figures.value_lower as stated_lower,
        figures.value_upper as stated_upper,
        100.0 as computed_value,
        100.0 as computed_lower,
        100.0 as computed_upper,
        figures.value <= 100
        and not (figures.value = 100 and figures.comparator in ('gt', 'ge') and figures.value_kind <> 'baseline')
            as is_consistent,
        figures.value_id as stated_value_id
    from values_with_intervals as figures
    inner join indicators
        on figures.indicator_code = indicators.indicator_code
    left join document_jurisdictions
        on figures.document_id = document_jurisdictions.document_id
    left join ceiling_texts
        on figures.value_id = ceiling_texts.value_id
    where indicators.unit = 'percent' and figures.value >= 100
),

targets_against_baselines as (
    select
        gaps.document_id || '__target_not_below_baseline__' || gaps.indicator_code as check_id,
        document_jurisdictions.jurisdiction_slug,
        gaps.document_id,
        'plausibility' as check_kind,
        indicators.indicator_name_zh || '：目标不低于基数' as description_zh,
        indicators.indicator_name_en || ': the target is not below the baseline (higher is better)' as description_en,
        gaps.target_value as stated_value,
        gaps.target_lower as stated_lower,
        gaps.target_upper as stated_upper,
        gaps.baseline_value as computed_value,
        gaps.baseline_lower as computed_lower,
        gaps.baseline_upper as computed_upper,
        gaps.target_upper >= gaps.baseline_lower as is_consistent,
        gaps.target_value_id,
        gaps.baseline_value_id
    from targets_paired_with_baselines as gaps
    inner join indicators
        on gaps.indicator_code = indicators.indicator_code
    left join document_jurisdictions
        on gaps.document_id = document_jurisdictions.document_id
    where indicators.higher_is_better and gaps.baseline_value_id is not null
),

checks as (
    select
        {{ consistency_check_columns() }}
    from shares_at_the_ceiling
    union all
    select
        {{ consistency_check_columns() }}
    from targets_against_baselines
),

-- An equality join on value_id, each figure once under its first role: `value_id in (target, baseline)`
-- compiled to a nested-loop join of every check with every figure (quadratic at national scale).
figure_ids as (
    select
        check_id,
        stated_value_id as value_id,
        'stated' as value_role,
        0 as role_order
    from shares_at_the_ceiling
    union all
    select
        check_id,
        target_value_id as value_id,
        'target' as value_role,
        0 as role_order
    from targets_against_baselines
    union all
    select
        check_id,
        baseline_value_id as value_id,
        'baseline' as value_role,
        1 as role_order
    from targets_against_baselines
    where target_value_id is null or baseline_value_id <> target_value_id
),

check_figures as (
    select
        figure_ids.check_id,
        figure_ids.value_id,
        figure_ids.value_role,
        figure_ids.role_order,
        'indicator_values' as figure_table,
        figure_quotes.source_quote
    from figure_ids
    left join figure_quotes
        on figure_ids.value_id = figure_quotes.value_id
),

final as (
    {{ consistency_check_rows('checks', 'check_figures') }}
)

select * from final
