{#-
    One row per document × indicator that has a dated target: the headline target
    (int_headline_targets_by_document) next to the baseline chosen for it in the same document
    (int_baselines_chosen_for_targets), and the arithmetic of the gap between them (macros/gap_arithmetic.sql).
    Where the document gives no baseline the baseline columns are null: missing is not zero. The baseline shares
    the target's period_basis (int_baselines_chosen_for_targets); a standing norm is not a gap and has no row.
    Ids and numbers only: fct_indicator_gaps joins the labels and texts of both figures by their value_id.
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
        targets.document_id,
        targets.indicator_code,
        targets.period_basis,
        baselines.baseline_value_id,
        baselines.baseline_year,
        baselines.baseline_value,
        baselines.baseline_lower,
        baselines.baseline_upper,
        targets.value_id as target_value_id,
        targets.period_year as target_year,
        targets.value as target_value,
        targets.value_lower as target_lower,
        targets.value_upper as target_upper,
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
