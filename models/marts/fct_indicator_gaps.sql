with

targets_paired_with_baselines as (
    select * from {{ ref('int_targets_paired_with_baselines') }}
),

final as (
    select
        targets_paired_with_baselines.document_id
        || '__' || targets_paired_with_baselines.indicator_code as gap_id,
        targets_paired_with_baselines.*
    from targets_paired_with_baselines
)

select * from final
