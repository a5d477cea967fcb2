{#-
    One row per document × indicator that has a dated target: the document's headline statement of it.

    A document often states the same target more than once (goals, task list, indicator table) and sometimes
    with different numbers. The headline target is the latest target year, then the value stated most often,
    then the first statement in document order; `n_target_statements` and `target_values_disagree` keep the
    disagreement visible. Statements of other documents, even of the same jurisdiction, are never counted.
-#}

with

figures as (
    select * from {{ ref('int_indicator_values_with_printed_intervals') }}
),

-- Only the columns the ranking and the target models use; the labels are joined where they are shown.
target_statements as (
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
        and value_kind = 'target'
        and period_year is not null
),

target_candidates as (
    select
        document_id,
        indicator_code,
        period_year,
        value,
        count(*) as n_statements_of_value,
        min(value_id) as first_value_id
    from target_statements
    group by document_id, indicator_code, period_year, value
),

target_disagreement as (
    select
        document_id,
        indicator_code,
        period_year,
        count(*) as n_target_statements,
        -- Different numbers when the least is not the greatest: a count(distinct …) groups every statement a
        -- second time.
        min(value) <> max(value) as target_values_disagree
    from target_statements
    group by document_id, indicator_code, period_year
),

ranked_target_candidates as (
    select
        target_candidates.*,
        row_number() over (
            partition by target_candidates.document_id, target_candidates.indicator_code
            order by
                target_candidates.period_year desc,
                target_candidates.n_statements_of_value desc,
                target_candidates.first_value_id asc
        ) as target_rank
    from target_candidates
),

headline_targets as (
    select
        ranked_target_candidates.first_value_id as target_value_id,
        target_disagreement.n_target_statements,
        target_disagreement.target_values_disagree
    from ranked_target_candidates
    inner join target_disagreement
        on
            ranked_target_candidates.document_id = target_disagreement.document_id
            and ranked_target_candidates.indicator_code = target_disagreement.indicator_code
            and ranked_target_candidates.period_year = target_disagreement.period_year
    where ranked_target_candidates.target_rank = 1
),

final as (
    select
        headline_targets.n_target_statements,
        headline_targets.target_values_disagree,
        target_statements.*
    from headline_targets
    inner join target_statements
        on headline_targets.target_value_id = target_statements.value_id
)

select * from final
