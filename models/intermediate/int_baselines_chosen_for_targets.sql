{#-
    For each headline target (int_headline_targets_by_document), the baseline it departs from, chosen among the
    baselines of the same document only, and only of the same period basis: like with like, so a flow target
    (one_year, cumulative) never departs from a stock (point_in_time) or the other way round.

    The baseline is a whole figure (not a breakdown part) dated before the target year, preferring one printed
    in the same section as a statement of the target (an indicator table pairs them), then the latest year,
    then the value stated most often, then document order. An undated baseline is used only when no dated one
    exists. A target without any baseline has no row here.
-#}

with

figures as {{ not_materialized() }} (
    select * from {{ ref('int_indicator_values_with_printed_intervals') }}
),

headline_targets as {{ not_materialized() }} (
    select * from {{ ref('int_headline_targets_by_document') }}
),

whole_figures as (
    select
        value_id,
        document_id,
        indicator_code,
        value_kind,
        period_year,
        period_basis,
        value,
        value_lower,
        value_upper,
        comparator,
        source_section
    from figures
    where
        not is_breakdown_part
        and value is not null
),

sections_stating_headline_target as (
    select distinct
        whole_figures.document_id,
        whole_figures.indicator_code,
        whole_figures.source_section
    from whole_figures
    inner join headline_targets
        on
            whole_figures.document_id = headline_targets.document_id
            and whole_figures.indicator_code = headline_targets.indicator_code
            and whole_figures.period_year = headline_targets.period_year
            and whole_figures.value = headline_targets.value
    where whole_figures.value_kind = 'target'
),

baseline_candidates as (
    select
        whole_figures.document_id,
        whole_figures.indicator_code,
        whole_figures.period_year,
        whole_figures.value,
        max(case when sections_stating_headline_target.source_section is not null then 1 else 0 end)
            as is_in_target_section,
        count(*) as n_statements_of_value,
        min(whole_figures.value_id) as first_value_id
    from whole_figures
    inner join headline_targets
        on
            whole_figures.document_id = headline_targets.document_id
            and whole_figures.indicator_code = headline_targets.indicator_code
            and whole_figures.period_basis = headline_targets.period_basis
            and coalesce(whole_figures.period_year, headline_targets.period_year - 1) < headline_targets.period_year
    left join sections_stating_headline_target
        on
            whole_figures.document_id = sections_stating_headline_target.document_id
            and whole_figures.indicator_code = sections_stating_headline_target.indicator_code
            and whole_figures.source_section = sections_stating_headline_target.source_section
    where whole_figures.value_kind = 'baseline'
    group by
        whole_figures.document_id, whole_figures.indicator_code, whole_figures.period_year, whole_figures.value
),

ranked_baselines as (
    select
        document_id,
        indicator_code,
        first_value_id as baseline_value_id,
        is_in_target_section = 1 as is_in_target_section,
        row_number() over (
            partition by document_id, indicator_code
            order by
                is_in_target_section desc,
                case when period_year is null then 1 else 0 end,
                period_year desc,
                n_statements_of_value desc,
                first_value_id asc
        ) as baseline_rank
    from baseline_candidates
),

final as (
    select
        headline_targets.value_id as target_value_id,
        ranked_baselines.document_id,
        ranked_baselines.indicator_code,
        ranked_baselines.baseline_value_id,
        ranked_baselines.is_in_target_section,
        whole_figures.period_basis,
        whole_figures.period_year as baseline_year,
        whole_figures.value as baseline_value,
        whole_figures.value_lower as baseline_lower,
        whole_figures.value_upper as baseline_upper,
        whole_figures.comparator as baseline_comparator
    from ranked_baselines
    inner join whole_figures
        on ranked_baselines.baseline_value_id = whole_figures.value_id
    inner join headline_targets
        on
            ranked_baselines.document_id = headline_targets.document_id
            and ranked_baselines.indicator_code = headline_targets.indicator_code
    where ranked_baselines.baseline_rank = 1
)

select * from final
