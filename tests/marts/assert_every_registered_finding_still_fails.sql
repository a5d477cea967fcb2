-- The findings register must not go stale: an entry whose check now passes (the seeds or the source
-- changed) or no longer exists fails the build, naming the entry.
{{ config(store_failures = true) }}

with

audit_findings as (
    select * from {{ ref('stg_audit_findings') }}
),

consistency_checks as (
    select * from {{ ref('fct_consistency_checks') }}
),

final as (
    select
        audit_findings.check_id,
        audit_findings.expected_status,
        coalesce(consistency_checks.status, 'missing') as actual_status
    from audit_findings
    left join consistency_checks
        on audit_findings.check_id = consistency_checks.check_id
    where
        consistency_checks.status is null
        or consistency_checks.status <> audit_findings.expected_status
)

select * from final
