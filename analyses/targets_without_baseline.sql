-- Which targets have no baseline in their own document, so progress cannot be measured from the plan?
-- One row per jurisdiction × indicator target without a baseline, with the jurisdiction's totals.
with

gaps as (
    select * from {{ ref('fct_indicator_gaps') }}
),

per_jurisdiction as (
    select
        jurisdiction_slug,
        count(*) as n_targets,
        count(*) filter (where not has_baseline) as n_targets_without_baseline
    from gaps
    group by jurisdiction_slug
),

final as (
    select
        gaps.jurisdiction_slug,
        gaps.jurisdiction_name_zh,
        gaps.jurisdiction_name_en,
        gaps.indicator_code,
        gaps.indicator_name_zh,
        gaps.indicator_name_en,
        gaps.target_year,
        gaps.target_comparator_symbol,
        gaps.target_value,
        gaps.target_raw_text,
        gaps.target_source_quote,
        per_jurisdiction.n_targets,
        per_jurisdiction.n_targets_without_baseline
    from gaps
    inner join per_jurisdiction
        on gaps.jurisdiction_slug = per_jurisdiction.jurisdiction_slug
    where not gaps.has_baseline
)

select * from final
