-- For every indicator two or more jurisdictions state, who aims where? One row per indicator × jurisdiction
-- with a dated target: the headline target with its comparator (≥ 55 is not = 55), year and obligation.
with

indicators as (
    select * from {{ ref('dim_indicators') }}
),

gaps as (
    select * from {{ ref('fct_indicator_gaps') }}
),

shared_indicators as (
    select indicator_code
    from indicators
    where n_jurisdictions >= 2
),

final as (
    select
        gaps.indicator_code,
        gaps.indicator_name_zh,
        gaps.indicator_name_en,
        gaps.unit,
        gaps.jurisdiction_slug,
        gaps.jurisdiction_name_zh,
        gaps.jurisdiction_name_en,
        gaps.target_year,
        gaps.target_comparator,
        gaps.target_comparator_symbol,
        gaps.target_value,
        gaps.target_raw_text,
        gaps.target_obligation,
        gaps.target_is_aspirational,
        gaps.target_source_quote,
        count(*) over (partition by gaps.indicator_code) as n_jurisdictions_with_target,
        rank() over (
            partition by gaps.indicator_code, gaps.target_year
            order by gaps.target_value desc
        ) as rank_among_jurisdictions
    from gaps
    inner join shared_indicators
        on gaps.indicator_code = shared_indicators.indicator_code
)

select * from final
