{#-
    One row per document × indicator that has a dated target: the headline target
    (int_headline_targets_by_document) next to the baseline chosen for it in the same document
    (int_baselines_chosen_for_targets), and the arithmetic of the gap between them (macros/gap_arithmetic.sql).
    Where the document gives no baseline the baseline columns are null: missing is not zero. The baseline shares
    the target's period_basis (int_baselines_chosen_for_targets); a standing norm is not a gap and has no row.
-#}

with

headline_targets as (
    select * from {{ ref('int_headline_targets_by_document') }}
),

chosen_baselines as (
    select * from {{ ref('int_baselines_chosen_for_targets') }}
),

paired as (
    select
        targets.jurisdiction_code,
        targets.jurisdiction_slug,
        targets.jurisdiction_name_zh,
        targets.jurisdiction_name_en,
        targets.document_id,
        targets.indicator_code,
        targets.indicator_name_zh,
        targets.indicator_name_en,
        targets.domain,
        targets.unit,
        targets.higher_is_better,
        targets.period_basis,
        baselines.baseline_value_id,
        baselines.baseline_year,
        baselines.baseline_value,
        baselines.baseline_comparator,
        baselines.baseline_raw_text,
        baselines.baseline_source_quote,
        targets.value_id as target_value_id,
        targets.period_year as target_year,
        targets.value as target_value,
        targets.comparator as target_comparator,
        targets.comparator_symbol as target_comparator_symbol,
        targets.obligation as target_obligation,
        targets.is_aspirational as target_is_aspirational,
        targets.raw_text as target_raw_text,
        targets.source_section as target_source_section,
        targets.source_quote as target_source_quote,
        targets.n_target_statements,
        targets.target_values_disagree
    from headline_targets as targets
    left join chosen_baselines as baselines
        on targets.value_id = baselines.target_value_id
    where coalesce(targets.period_basis, '') <> 'standing'
),

final as (
    select
        paired.*,
        paired.baseline_value_id is not null as has_baseline,
        paired.target_year - paired.baseline_year as years_between,
        {{ absolute_gap('paired.target_value', 'paired.baseline_value') }} as absolute_gap,
        {{ relative_change('paired.target_value', 'paired.baseline_value') }} as relative_change,
        {{ required_annual_growth_rate(
            'paired.target_value', 'paired.baseline_value', 'paired.target_year', 'paired.baseline_year'
        ) }} as required_annual_growth_rate
    from paired
)

select * from final
