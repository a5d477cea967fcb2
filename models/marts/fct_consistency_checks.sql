with

parts_sum_checks as (
    select * from {{ ref('int_checks_parts_sum_to_total') }}
),

restated_figure_checks as (
    select * from {{ ref('int_checks_restated_figures') }}
),

declared_relation_checks as (
    select * from {{ ref('int_checks_declared_relations') }}
),

plausibility_checks as (
    select * from {{ ref('int_checks_plausibility') }}
),

audit_findings as (
    select * from {{ ref('stg_audit_findings') }}
),

all_checks as (
    select * from parts_sum_checks
    union all
    select * from restated_figure_checks
    union all
    select * from declared_relation_checks
    union all
    select * from plausibility_checks
),

final as (
    select
        all_checks.check_id,
        all_checks.jurisdiction_slug,
        all_checks.document_id,
        all_checks.check_kind,
        all_checks.description_zh,
        all_checks.description_en,
        all_checks.stated_value,
        all_checks.stated_lower,
        all_checks.stated_upper,
        all_checks.computed_value,
        all_checks.computed_lower,
        all_checks.computed_upper,
        case
            when all_checks.check_kind = 'same_figure_restated' or all_checks.check_kind = 'parts_sum_to_total'
                then 'pass when the interval of the stated figure overlaps the interval of the other figures'
            when all_checks.check_kind = 'plausibility'
                then 'pass when the stated figure lies within the bound'
            else 'pass when the stated interval overlaps the interval computed from the operands'
        end
        || '; intervals come from printed precision (± half a unit of the last printed digit for rounded figures)'
            as tolerance_note,
        case when all_checks.is_consistent then 'pass' else 'fail' end as status,
        audit_findings.check_id is not null as is_known_finding,
        audit_findings.finding_status,
        all_checks.value_ids,
        all_checks.source_quotes
    from all_checks
    left join audit_findings
        on all_checks.check_id = audit_findings.check_id
)

select * from final
