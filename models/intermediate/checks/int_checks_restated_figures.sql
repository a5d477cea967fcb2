{#-
    Figures a document states more than once (goals, task list, indicator table, annex) must agree. Statements are
    compared within their document only: another plan of the same jurisdiction that states another value revises
    the target (fct_target_revisions), it does not contradict it. Every statement of the same indicator, kind and
    year is compared with the first one, reporting the one furthest from it. The two ends of a range ("1—2个": at
    least 1, at most 2) are not restatements of each other, so upper bounds (≤, <) are compared only with upper
    bounds.
    Restatements agree in comparator too: among the statements of a group that state a bound (every comparator but
    eq and approx, which state the figure without saying which side of it counts), one comparator only. ">55%" in a
    table and "不低于55%" in the text are the same number with different meanings at 55 itself. A plain figure
    ("达到700个") next to "700个以上" is not a conflict: it does not say which side counts.
    And a baseline figure printed twice must carry the same year (Ganzi's 341 slots: 2021 in the text, 2020
    in table 1).
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
        period_year,
        value,
        comparator,
        value_lower,
        value_upper,
        is_breakdown_part
    from {{ ref('int_indicator_values_with_printed_intervals') }}
),

indicators as (
    select
        indicator_code,
        indicator_name_zh,
        indicator_name_en
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

-- The quotes, joined once to the figures the checks name; a lookup (left join) never decides which rows there are.
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

whole_statements as (
    select
        *,
        coalesce(cast(period_year as {{ dbt.type_string() }}), 'undated')
        || case when comparator in ('le', 'lt') then '__upper_bound' else '' end as period_label
    from values_with_intervals
    where not is_breakdown_part and value is not null
),

statement_groups as (
    select
        document_id,
        indicator_code,
        value_kind,
        period_label,
        min(value_id) as first_value_id,
        count(*) as n_statements
    from whole_statements
    group by document_id, indicator_code, value_kind, period_label
    having count(*) > 1
),

others_ranked as (
    {{ statements_ranked_against_first(
        'statement_groups',
        'whole_statements',
        'abs(others.value - firsts.value) desc, others.value_id asc',
        'distance_rank',
    ) }}
),

restated_checks as (
    select
        groups.document_id
        || '__restated__' || groups.indicator_code
        || '__' || groups.value_kind
        || '__' || groups.period_label as check_id,
        document_jurisdictions.jurisdiction_slug,
        groups.document_id,
        'same_figure_restated' as check_kind,
        indicators.indicator_name_zh || '（' || groups.period_label || '）多处表述一致' as description_zh,
        indicators.indicator_name_en || ' (' || groups.period_label || ', ' || groups.value_kind
        || ') is the same wherever it is stated' as description_en,
        firsts.value as stated_value,
        firsts.value_lower as stated_lower,
        firsts.value_upper as stated_upper,
        furthest.value as computed_value,
        furthest.value_lower as computed_lower,
        furthest.value_upper as computed_upper,
        {{ intervals_overlap(
            'firsts.value_lower', 'firsts.value_upper', 'furthest.value_lower', 'furthest.value_upper'
        ) }} as is_consistent,
        groups.indicator_code,
        groups.value_kind,
        groups.period_label
    from statement_groups as groups
    left join document_jurisdictions
        on groups.document_id = document_jurisdictions.document_id
    left join indicators
        on groups.indicator_code = indicators.indicator_code
    inner join whole_statements as firsts
        on groups.first_value_id = firsts.value_id
    inner join others_ranked as furthest
        on
            groups.document_id = furthest.document_id
            and groups.indicator_code = furthest.indicator_code
            and groups.value_kind = furthest.value_kind
            and groups.period_label = furthest.period_label
            and furthest.distance_rank = 1
),

bound_statements as (
    select * from whole_statements
    where comparator not in ('eq', 'approx')
),

bound_groups as (
    select
        document_id,
        indicator_code,
        value_kind,
        period_label,
        min(value_id) as first_value_id,
        -- One comparator when the least equals the greatest (a bound statement always has one): a
        -- count(distinct …) groups every statement a second time.
        min(comparator) = max(comparator) as has_one_comparator
    from bound_statements
    group by document_id, indicator_code, value_kind, period_label
    having count(*) > 1
),

differing_bounds_ranked as (
    {{ statements_ranked_against_first(
        'bound_groups',
        'bound_statements',
        'case when others.comparator = firsts.comparator then 1 else 0 end asc, others.value_id asc',
        'difference_rank',
    ) }}
),

comparator_checks as (
    select
        groups.document_id
        || '__restated_comparator__' || groups.indicator_code
        || '__' || groups.value_kind
        || '__' || groups.period_label as check_id,
        document_jurisdictions.jurisdiction_slug,
        groups.document_id,
        'same_comparator_restated' as check_kind,
        indicators.indicator_name_zh || '（' || groups.period_label || '）多处表述的比较符（≥、>）一致' as description_zh,
        indicators.indicator_name_en || ' (' || groups.period_label || ', ' || groups.value_kind
        || ') is stated with the same comparator (at least, more than) wherever it is stated' as description_en,
        firsts.value as stated_value,
        firsts.value_lower as stated_lower,
        firsts.value_upper as stated_upper,
        differing.value as computed_value,
        differing.value_lower as computed_lower,
        differing.value_upper as computed_upper,
        groups.has_one_comparator as is_consistent,
        groups.indicator_code,
        groups.value_kind,
        groups.period_label
    from bound_groups as groups
    left join document_jurisdictions
        on groups.document_id = document_jurisdictions.document_id
    left join indicators
        on groups.indicator_code = indicators.indicator_code
    inner join bound_statements as firsts
        on groups.first_value_id = firsts.value_id
    inner join differing_bounds_ranked as differing
        on
            groups.document_id = differing.document_id
            and groups.indicator_code = differing.indicator_code
            and groups.value_kind = differing.value_kind
            and groups.period_label = differing.period_label
            and differing.difference_rank = 1
),

repeated_baselines as (
    select
        document_id,
        indicator_code,
        value,
        min(period_year) as earliest_year,
        max(period_year) as latest_year
    from whole_statements
    where value_kind = 'baseline' and period_year is not null
    group by document_id, indicator_code, value
    having count(*) > 1
),

baseline_years as (
    select
        document_id,
        indicator_code,
        min(earliest_year) as earliest_year,
        max(latest_year) as latest_year
    from repeated_baselines
    group by document_id, indicator_code
),

baseline_year_checks as (
    select
        baseline_years.document_id || '__baseline_year_consistent__' || baseline_years.indicator_code as check_id,
        document_jurisdictions.jurisdiction_slug,
        baseline_years.document_id,
        'plausibility' as check_kind,
        indicators.indicator_name_zh || '：同一基数在正文与表格中的年份一致' as description_zh,
        indicators.indicator_name_en || ': a baseline printed twice carries the same year in the text and the table'
            as description_en,
        baseline_years.earliest_year as stated_value,
        baseline_years.earliest_year as stated_lower,
        baseline_years.earliest_year as stated_upper,
        baseline_years.latest_year as computed_value,
        baseline_years.latest_year as computed_lower,
        baseline_years.latest_year as computed_upper,
        baseline_years.earliest_year = baseline_years.latest_year as is_consistent,
        baseline_years.indicator_code
    from baseline_years
    left join document_jurisdictions
        on baseline_years.document_id = document_jurisdictions.document_id
    left join indicators
        on baseline_years.indicator_code = indicators.indicator_code
),

restated_figures as (
    select
        checks.check_id,
        statements.value_id,
        'statement' as value_role,
        0 as role_order,
        'indicator_values' as figure_table
    from restated_checks as checks
    inner join whole_statements as statements
        on
            checks.document_id = statements.document_id
            and checks.indicator_code = statements.indicator_code
            and checks.value_kind = statements.value_kind
            and checks.period_label = statements.period_label
),

comparator_figures as (
    select
        checks.check_id,
        statements.value_id,
        'statement' as value_role,
        0 as role_order,
        'indicator_values' as figure_table
    from comparator_checks as checks
    inner join bound_statements as statements
        on
            checks.document_id = statements.document_id
            and checks.indicator_code = statements.indicator_code
            and checks.value_kind = statements.value_kind
            and checks.period_label = statements.period_label
),

baseline_year_figures as (
    select
        checks.check_id,
        statements.value_id,
        'statement' as value_role,
        0 as role_order,
        'indicator_values' as figure_table
    from baseline_year_checks as checks
    inner join repeated_baselines
        on
            checks.document_id = repeated_baselines.document_id
            and checks.indicator_code = repeated_baselines.indicator_code
    inner join whole_statements as statements
        on
            repeated_baselines.document_id = statements.document_id
            and repeated_baselines.indicator_code = statements.indicator_code
            and repeated_baselines.value = statements.value
            and statements.value_kind = 'baseline'
            and statements.period_year is not null
),

-- The checks of the three families have distinct check_ids (each its own infix), so one join numbers and
-- quotes their figures.
checks as (
    select
        {{ consistency_check_columns() }}
    from restated_checks
    union all
    select
        {{ consistency_check_columns() }}
    from comparator_checks
    union all
    select
        {{ consistency_check_columns() }}
    from baseline_year_checks
),

check_figures as (
    select
        figure_ids.check_id,
        figure_ids.value_id,
        figure_ids.value_role,
        figure_ids.role_order,
        figure_ids.figure_table,
        figure_quotes.source_quote
    from (
        select * from restated_figures
        union all
        select * from comparator_figures
        union all
        select * from baseline_year_figures
    ) as figure_ids
    left join figure_quotes
        on figure_ids.value_id = figure_quotes.value_id
),

final as (
    {{ consistency_check_rows('checks', 'check_figures') }}
)

select * from final
