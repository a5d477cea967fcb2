with

audit_findings as (
    select * from {{ ref('stg_audit_findings') }}
),

-- The check rows and the figures' lists each read the figures once: DuckDB materialises a CTE read twice,
-- here every column of a million check figures.
checks as (
    select
        {{ consistency_check_columns() }}
    from {{ ref('int_consistency_check_figures') }}
    -- A check's columns repeat on each of its figure rows, numbered from 1: one row per check without a
    -- `distinct` over every column of a million rows.
    where value_position = 1
),

check_figures as (
    select
        check_id,
        value_id,
        value_position,
        source_quote
    from {{ ref('int_consistency_check_figures') }}
),

figure_lists as (
    select
        check_figures.check_id,
        {{ listagg_ordered('check_figures.value_id', "','", 'check_figures.value_position') }} as value_ids,
        {{ listagg_ordered('check_figures.source_quote', "' ‖ '", 'check_figures.value_position') }} as source_quotes
    from check_figures
    group by check_figures.check_id
),

final as (
    select
        checks.check_id,
        checks.jurisdiction_slug,
        checks.document_id,
        checks.check_kind,
        checks.description_zh,
        checks.description_en,
        checks.stated_value,
        checks.stated_lower,
        checks.stated_upper,
        checks.computed_value,
        checks.computed_lower,
        checks.computed_upper,
        case
            when checks.check_kind = 'same_figure_restated' or checks.check_kind = 'parts_sum_to_total'
                then 'pass when the interval of the stated figure overlaps the interval of the other figures'
            when checks.check_kind = 'same_comparator_restated'
                then 'pass when every statement of the figure as a bound uses the same comparator'
            when checks.check_kind = 'plausibility'
                then 'pass when the stated figure lies within the bound'
            else 'pass when the stated interval overlaps the interval computed from the operands'
        end
        || '; intervals come from printed precision (± half a unit of the last printed digit for rounded figures)'
            as tolerance_note,
        case when checks.is_consistent then 'pass' else 'fail' end as status,
        audit_findings.check_id is not null as is_known_finding,
        audit_findings.finding_status,
        figure_lists.value_ids,
        figure_lists.source_quotes
    from checks
    inner join figure_lists
        on checks.check_id = figure_lists.check_id
    left join audit_findings
        on checks.check_id = audit_findings.check_id
)

select * from final
