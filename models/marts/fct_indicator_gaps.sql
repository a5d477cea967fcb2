{#-
    The gaps of int_targets_paired_with_baselines (ids and numbers) with the labels and texts of their two
    figures, read from fct_indicator_values by value_id: the wide columns are joined here, to the gaps only.
-#}

with

targets_paired_with_baselines as (
    select * from {{ ref('int_targets_paired_with_baselines') }}
),

-- The figures once per role, each import read once: DuckDB materialises a CTE read twice, here a copy of every
-- column of a million figures (at x100 most of this model's time).
targets as (
    select * from {{ ref('fct_indicator_values') }}
),

baselines as (
    select
        value_id,
        comparator,
        raw_text,
        source_quote
    from {{ ref('fct_indicator_values') }}
),

final as (
    select
        gaps.document_id || '__' || gaps.indicator_code as gap_id,
        targets.jurisdiction_code,
        targets.jurisdiction_slug,
        targets.jurisdiction_name_zh,
        targets.jurisdiction_name_en,
        gaps.document_id,
        gaps.indicator_code,
        targets.indicator_name_zh,
        targets.indicator_name_en,
        targets.domain,
        targets.unit,
        targets.higher_is_better,
        gaps.period_basis,
        gaps.baseline_value_id,
        gaps.baseline_year,
        gaps.baseline_value,
        baselines.comparator as baseline_comparator,
        baselines.raw_text as baseline_raw_text,
        baselines.source_quote as baseline_source_quote,
        gaps.target_value_id,
        gaps.target_year,
        gaps.target_value,
        targets.comparator as target_comparator,
        targets.comparator_symbol as target_comparator_symbol,
        targets.obligation as target_obligation,
        targets.is_aspirational as target_is_aspirational,
        targets.raw_text as target_raw_text,
        targets.source_section as target_source_section,
        targets.source_quote as target_source_quote,
        gaps.n_target_statements,
        gaps.target_values_disagree,
        gaps.has_baseline,
        gaps.years_between,
        gaps.absolute_gap,
        gaps.relative_change,
        gaps.required_annual_growth_rate
    from targets_paired_with_baselines as gaps
    inner join targets
        on gaps.target_value_id = targets.value_id
    left join baselines
        on gaps.baseline_value_id = baselines.value_id
)

select * from final
