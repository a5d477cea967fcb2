with

values_paired_with_baselines as (
    select * from {{ ref('int_values_paired_with_baselines') }}
),

final as (
    select
        values_paired_with_baselines.jurisdiction_slug || '__' || values_paired_with_baselines.indicator_code as gap_id,
        values_paired_with_baselines.*
    from values_paired_with_baselines
)

select * from final
