{#-
    One row per jurisdiction × indicator that has a dated target, paired with the baseline it departs from.

    A document often states the same target more than once (goals, task list, indicator table) and sometimes
    with different numbers. The headline target is the latest target year, then the value stated most often,
    then the first statement in document order; `n_target_statements` and `target_values_disagree` keep the
    disagreement visible. The baseline is a whole (not a breakdown part) dated before the target year,
    preferring one printed in the same section as a statement of the target (an indicator table pairs them),
    then the latest year, then the value stated most often, then document order.
-#}

with

values_labelled as (
    select * from {{ ref('int_indicator_values_labelled') }}
),

whole_figures as (
    select *
    from values_labelled
    where
        not is_breakdown_part
        and value is not null
),

target_statements as (
    select * from whole_figures
    where
        value_kind = 'target'
        and period_year is not null
),

target_candidates as (
    select
        jurisdiction_code,
        indicator_code,
        period_year,
        value,
        count(*) as n_statements_of_value,
        min(value_id) as first_value_id
    from target_statements
    group by jurisdiction_code, indicator_code, period_year, value
),

target_disagreement as (
    select
        jurisdiction_code,
        indicator_code,
        period_year,
        count(*) as n_target_statements,
        count(distinct value) > 1 as target_values_disagree
    from target_statements
    group by jurisdiction_code, indicator_code, period_year
),

ranked_target_candidates as (
    select
        target_candidates.*,
        row_number() over (
            partition by target_candidates.jurisdiction_code, target_candidates.indicator_code
            order by
                target_candidates.period_year desc,
                target_candidates.n_statements_of_value desc,
                target_candidates.first_value_id asc
        ) as target_rank
    from target_candidates
),

headline_targets as (
    select
        ranked_target_candidates.jurisdiction_code,
        ranked_target_candidates.indicator_code,
        ranked_target_candidates.first_value_id as target_value_id,
        target_disagreement.n_target_statements,
        target_disagreement.target_values_disagree
    from ranked_target_candidates
    inner join target_disagreement
        on
            ranked_target_candidates.jurisdiction_code = target_disagreement.jurisdiction_code
            and ranked_target_candidates.indicator_code = target_disagreement.indicator_code
            and ranked_target_candidates.period_year = target_disagreement.period_year
    where ranked_target_candidates.target_rank = 1
),

headline_target_rows as (
    select
        headline_targets.n_target_statements,
        headline_targets.target_values_disagree,
        target_statements.*
    from headline_targets
    inner join target_statements
        on headline_targets.target_value_id = target_statements.value_id
),

sections_stating_headline_target as (
    select distinct
        target_statements.jurisdiction_code,
        target_statements.indicator_code,
        target_statements.source_section
    from target_statements
    inner join headline_target_rows
        on
            target_statements.jurisdiction_code = headline_target_rows.jurisdiction_code
            and target_statements.indicator_code = headline_target_rows.indicator_code
            and target_statements.period_year = headline_target_rows.period_year
            and target_statements.value = headline_target_rows.value
),

baseline_candidates as (
    select
        whole_figures.jurisdiction_code,
        whole_figures.indicator_code,
        whole_figures.period_year,
        whole_figures.value,
        max(case when sections_stating_headline_target.source_section is not null then 1 else 0 end)
            as is_in_target_section,
        count(*) as n_statements_of_value,
        min(whole_figures.value_id) as first_value_id
    from whole_figures
    inner join headline_target_rows
        on
            whole_figures.jurisdiction_code = headline_target_rows.jurisdiction_code
            and whole_figures.indicator_code = headline_target_rows.indicator_code
            and coalesce(whole_figures.period_year, headline_target_rows.period_year - 1)
            < headline_target_rows.period_year
    left join sections_stating_headline_target
        on
            whole_figures.jurisdiction_code = sections_stating_headline_target.jurisdiction_code
            and whole_figures.indicator_code = sections_stating_headline_target.indicator_code
            and whole_figures.source_section = sections_stating_headline_target.source_section
    where whole_figures.value_kind = 'baseline'
    group by
        whole_figures.jurisdiction_code, whole_figures.indicator_code, whole_figures.period_year, whole_figures.value
),

chosen_baselines as (
    select
        jurisdiction_code,
        indicator_code,
        first_value_id as baseline_value_id,
        row_number() over (
            partition by jurisdiction_code, indicator_code
            order by
                is_in_target_section desc,
                case when period_year is null then 1 else 0 end,
                period_year desc,
                n_statements_of_value desc,
                first_value_id asc
        ) as baseline_rank
    from baseline_candidates
),

baseline_rows as (
    select whole_figures.*
    from chosen_baselines
    inner join whole_figures
        on chosen_baselines.baseline_value_id = whole_figures.value_id
    where chosen_baselines.baseline_rank = 1
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
        baselines.value_id as baseline_value_id,
        baselines.period_year as baseline_year,
        baselines.value as baseline_value,
        baselines.comparator as baseline_comparator,
        baselines.raw_text as baseline_raw_text,
        baselines.source_quote as baseline_source_quote,
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
    from headline_target_rows as targets
    left join baseline_rows as baselines
        on
            targets.jurisdiction_code = baselines.jurisdiction_code
            and targets.indicator_code = baselines.indicator_code
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
