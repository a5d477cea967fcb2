{#-
    Totals against their parts. Parts that break a total down along one dimension must add up to it; a
    dimension with a single stated part (65+ within 60+) can only check that the part does not exceed the
    total. Zhoukou's annex: the county cells of each column against the 合计 printed under it.
-#}

with

-- Only the columns used: a CTE read more than once is materialised, and PostgreSQL keeps every column it
-- selects (DuckDB drops the unused ones itself), a million figures' worth at national scale.
values_with_intervals as {{ not_materialized() }} (
    select
        value_id,
        document_id,
        indicator_code,
        parent_value_id,
        breakdown_dimension,
        value,
        value_lower,
        value_upper
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

-- The quotes, joined only to the figures the checks name; a lookup (left join) never decides which rows there are.
-- One import per use: DuckDB materialises a CTE read twice, a copy of a million figures' quotes.
figure_quotes as (
    select
        value_id,
        source_quote
    from {{ ref('stg_indicator_values') }}
),

city_total_quotes as (
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

county_allocations as (
    select * from {{ ref('int_county_allocations_with_city_totals') }}
),

parts_by_dimension as (
    select
        parent_value_id,
        breakdown_dimension,
        count(*) as n_parts,
        sum(value) as parts_value,
        sum(value_lower) as parts_lower,
        sum(value_upper) as parts_upper
    from values_with_intervals
    where parent_value_id is not null
    group by parent_value_id, breakdown_dimension
),

stated_parts_checks as (
    select
        totals.document_id
        || case when parts.n_parts > 1 then '__parts_sum__' else '__part_within_total__' end
        || totals.value_id || '__' || parts.breakdown_dimension as check_id,
        document_jurisdictions.jurisdiction_slug,
        totals.document_id,
        case when parts.n_parts > 1 then 'parts_sum_to_total' else 'plausibility' end as check_kind,
        case
            when parts.n_parts > 1
                then indicators.indicator_name_zh || '：按' || parts.breakdown_dimension || '分项之和等于总数'
            else indicators.indicator_name_zh || '：' || parts.breakdown_dimension || '分项不超过总数'
        end as description_zh,
        case
            when parts.n_parts > 1
                then
                    indicators.indicator_name_en || ': parts by ' || parts.breakdown_dimension || ' add up to the total'
            else
                indicators.indicator_name_en || ': the ' || parts.breakdown_dimension
                || ' part does not exceed the total'
        end as description_en,
        totals.value as stated_value,
        totals.value_lower as stated_lower,
        totals.value_upper as stated_upper,
        parts.parts_value as computed_value,
        parts.parts_lower as computed_lower,
        parts.parts_upper as computed_upper,
        case
            when parts.n_parts > 1
                then
                    {{ intervals_overlap(
                        'totals.value_lower', 'totals.value_upper', 'parts.parts_lower', 'parts.parts_upper'
                    ) }}
            else parts.parts_lower <= totals.value_upper
        end as is_consistent,
        totals.value_id as total_value_id,
        parts.breakdown_dimension
    from parts_by_dimension as parts
    inner join values_with_intervals as totals
        on parts.parent_value_id = totals.value_id
    left join document_jurisdictions
        on totals.document_id = document_jurisdictions.document_id
    left join indicators
        on totals.indicator_code = indicators.indicator_code
),

county_column_sums as (
    select
        jurisdiction_slug,
        document_id,
        indicator_code,
        indicator_name_zh,
        indicator_name_en,
        city_total_value_id,
        sum(value) as county_sum
    from county_allocations
    group by jurisdiction_slug, document_id, indicator_code, indicator_name_zh, indicator_name_en, city_total_value_id
),

county_checks as (
    select
        sums.document_id || '__parts_sum__county_allocations__' || sums.indicator_code as check_id,
        sums.jurisdiction_slug,
        sums.document_id,
        'parts_sum_to_total' as check_kind,
        '附件分解表：各县（市、区）' || sums.indicator_name_zh || '之和等于合计' as description_zh,
        'Annex table: the counties'' ' || sums.indicator_name_en || ' add up to the city total' as description_en,
        totals.value as stated_value,
        totals.value_lower as stated_lower,
        totals.value_upper as stated_upper,
        sums.county_sum as computed_value,
        sums.county_sum as computed_lower,
        sums.county_sum as computed_upper,
        coalesce(
            {{ intervals_overlap('totals.value_lower', 'totals.value_upper', 'sums.county_sum', 'sums.county_sum') }},
            false
        ) as is_consistent,
        sums.city_total_value_id,
        sums.indicator_code
    from county_column_sums as sums
    left join values_with_intervals as totals
        on sums.city_total_value_id = totals.value_id
),

stated_parts_figure_ids as (
    select
        checks.check_id,
        totals.value_id,
        'total' as value_role,
        0 as role_order
    from stated_parts_checks as checks
    inner join values_with_intervals as totals
        on checks.total_value_id = totals.value_id
    union all
    select
        checks.check_id,
        parts.value_id,
        'part' as value_role,
        1 as role_order
    from stated_parts_checks as checks
    inner join values_with_intervals as parts
        on
            checks.total_value_id = parts.parent_value_id
            and checks.breakdown_dimension = parts.breakdown_dimension
),

stated_parts_figures as (
    select
        figure_ids.check_id,
        figure_ids.value_id,
        figure_ids.value_role,
        figure_ids.role_order,
        'indicator_values' as figure_table,
        figure_quotes.source_quote
    from stated_parts_figure_ids as figure_ids
    left join figure_quotes
        on figure_ids.value_id = figure_quotes.value_id
),

county_figures as (
    select
        checks.check_id,
        totals.value_id,
        'total' as value_role,
        0 as role_order,
        'indicator_values' as figure_table,
        city_total_quotes.source_quote
    from county_checks as checks
    inner join values_with_intervals as totals
        on checks.city_total_value_id = totals.value_id
    left join city_total_quotes
        on totals.value_id = city_total_quotes.value_id
    union all
    select
        checks.check_id,
        cells.allocation_id as value_id,
        'county_cell' as value_role,
        1 as role_order,
        'county_allocations' as figure_table,
        cells.source_quote
    from county_checks as checks
    inner join county_allocations as cells
        on
            checks.document_id = cells.document_id
            and checks.indicator_code = cells.indicator_code
),

final as (
    {{ consistency_check_rows('stated_parts_checks', 'stated_parts_figures') }}
    union all
    {{ consistency_check_rows('county_checks', 'county_figures') }}
)

select * from final
