-- Which targets does each jurisdiction's document classify as binding (约束性)?
-- One row per binding target statement, with the baseline the gaps mart pairs with that indicator and year.
-- A document that classifies none (Changzhi, Zhoukou, Lincang) has no rows.
with

indicator_values as (
    select * from {{ ref('fct_indicator_values') }}
),

gaps as (
    select * from {{ ref('fct_indicator_gaps') }}
),

binding_targets as (
    select
        value_id,
        jurisdiction_slug,
        jurisdiction_name_zh,
        jurisdiction_name_en,
        indicator_code,
        indicator_name_zh,
        indicator_name_en,
        unit,
        period_year as target_year,
        comparator_symbol as target_comparator_symbol,
        value as target_value,
        raw_text as target_raw_text,
        is_aspirational as target_is_aspirational,
        source_section,
        source_quote
    from indicator_values
    where value_kind = 'target' and obligation = 'binding'
),

final as (
    select
        binding_targets.*,
        gaps.baseline_year,
        gaps.baseline_value,
        gaps.baseline_raw_text,
        coalesce(gaps.has_baseline, false) as has_baseline,
        count(*) over (partition by binding_targets.jurisdiction_slug) as n_binding_targets_of_jurisdiction
    from binding_targets
    left join gaps
        on
            binding_targets.jurisdiction_slug = gaps.jurisdiction_slug
            and binding_targets.indicator_code = gaps.indicator_code
            and binding_targets.target_year = gaps.target_year
)

select * from final
