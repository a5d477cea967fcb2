{#-
    Checks no sentence states but any reader would make: a share cannot exceed 100 % (a target of "100%以上"
    is flagged), and a target does not fall below its baseline where a higher value is the policy direction.
-#}

with

-- Only the columns used: a CTE read more than once is materialised, and PostgreSQL keeps every column it
-- selects (DuckDB drops the unused ones itself), a million figures' worth at national scale.
values_with_intervals as (
    select
        value_id,
        jurisdiction_slug,
        document_id,
        indicator_name_zh,
        indicator_name_en,
        unit,
        value_kind,
        value,
        comparator,
        raw_text,
        value_lower,
        value_upper,
        source_quote
    from {{ ref('int_indicator_values_with_printed_intervals') }}
),

targets_paired_with_baselines as (
    select
        document_id,
        jurisdiction_slug,
        indicator_code,
        indicator_name_zh,
        indicator_name_en,
        higher_is_better,
        target_value_id,
        baseline_value_id
    from {{ ref('int_targets_paired_with_baselines') }}
),

shares_at_the_ceiling as (
    select
        document_id || '__share_at_most_100__' || value_id as check_id,
        jurisdiction_slug,
        document_id,
        'plausibility' as check_kind,
        indicator_name_zh || '：比例不超过100%（' || raw_text || '）' as description_zh,
        indicator_name_en || ': a share cannot exceed 100 % (printed "' || raw_text || '")' as description_en,
        value as stated_value,
        value_lower as stated_lower,
        value_upper as stated_upper,
        100.0 as computed_value,
        100.0 as computed_lower,
        100.0 as computed_upper,
        value <= 100 and not (value = 100 and comparator in ('gt', 'ge') and value_kind <> 'baseline') as is_consistent,
        value_id as stated_value_id
    from values_with_intervals
    where unit = 'percent' and value >= 100
),

targets_against_baselines as (
    select
        gaps.document_id || '__target_not_below_baseline__' || gaps.indicator_code as check_id,
        gaps.jurisdiction_slug,
        gaps.document_id,
        'plausibility' as check_kind,
        gaps.indicator_name_zh || '：目标不低于基数' as description_zh,
        gaps.indicator_name_en || ': the target is not below the baseline (higher is better)' as description_en,
        targets.value as stated_value,
        targets.value_lower as stated_lower,
        targets.value_upper as stated_upper,
        baselines.value as computed_value,
        baselines.value_lower as computed_lower,
        baselines.value_upper as computed_upper,
        targets.value_upper >= baselines.value_lower as is_consistent,
        targets.value_id as target_value_id,
        baselines.value_id as baseline_value_id
    from targets_paired_with_baselines as gaps
    inner join values_with_intervals as targets
        on gaps.target_value_id = targets.value_id
    inner join values_with_intervals as baselines
        on gaps.baseline_value_id = baselines.value_id
    where gaps.higher_is_better
),

ceiling_figures as (
    select
        checks.check_id,
        stated.value_id,
        'stated' as value_role,
        0 as role_order,
        'indicator_values' as figure_table,
        stated.source_quote
    from shares_at_the_ceiling as checks
    inner join values_with_intervals as stated
        on checks.stated_value_id = stated.value_id
),

-- An equality join on value_id, each figure once under its first role: `value_id in (target, baseline)`
-- compiled to a nested-loop join of every check with every figure (quadratic at national scale).
target_baseline_ids as (
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

target_baseline_figures as (
    select
        target_baseline_ids.check_id,
        figures.value_id,
        target_baseline_ids.value_role,
        target_baseline_ids.role_order,
        'indicator_values' as figure_table,
        figures.source_quote
    from target_baseline_ids
    inner join values_with_intervals as figures
        on target_baseline_ids.value_id = figures.value_id
),

final as (
    {{ consistency_check_rows('shares_at_the_ceiling', 'ceiling_figures') }}
    union all
    {{ consistency_check_rows('targets_against_baselines', 'target_baseline_figures') }}
)

select * from final
