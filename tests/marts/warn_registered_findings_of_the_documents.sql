-- Reports (as a warning, without failing the build) the contradictions the documents really contain and
-- the register records: the warehouse holds a contradictory document faithfully.
{{ config(severity = 'warn', store_failures = true) }}

with

consistency_checks as (
    select * from {{ ref('fct_consistency_checks') }}
),

final as (
    select
        check_id,
        finding_status,
        stated_value,
        computed_value
    from consistency_checks
    where status = 'fail' and is_known_finding
)

select * from final
