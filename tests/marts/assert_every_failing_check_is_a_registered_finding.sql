-- A failing consistency check that is not in seeds/audit_findings.csv is a new problem: most likely a seed
-- was mistyped, otherwise a contradiction of the document that must be examined and registered.
-- Returns the unregistered failing checks (error).
{{ config(store_failures = true) }}

with

consistency_checks as (
    select * from {{ ref('fct_consistency_checks') }}
),

final as (
    select
        check_id,
        description_en,
        stated_value,
        computed_value,
        value_ids
    from consistency_checks
    where status = 'fail' and not is_known_finding
)

select * from final
