-- How many childcare slots does each jurisdiction's per-1,000-population norm imply?
-- norm (slots per 1,000 population) × resident population of the norm's year ÷ 1,000, set beside the slot
-- target the document states for the same year. Where the document gives no resident population (Lincang
-- states only its elderly and infant populations) the implied number stays null: missing is not zero.
with

indicator_values as (
    select * from {{ ref('fct_indicator_values') }}
),

norms as (
    select
        jurisdiction_slug,
        jurisdiction_name_zh,
        jurisdiction_name_en,
        period_year as target_year,
        min(value) as slots_per_1000_population,
        min(value) = max(value) as norm_statements_agree,
        count(*) as n_norm_statements,
        string_agg(value_id, ',' order by value_id) as norm_value_ids
    from indicator_values
    where indicator_code = 'childcare_slots_per_1000_population' and value_kind = 'target'
    group by jurisdiction_slug, jurisdiction_name_zh, jurisdiction_name_en, period_year
),

populations as (
    select
        jurisdiction_slug,
        period_year,
        value as resident_population,
        value_id as population_value_id
    from indicator_values
    where indicator_code = 'resident_population' and value is not null
),

stated_slot_targets as (
    select
        jurisdiction_slug,
        period_year as target_year,
        min(value) as stated_slots,
        min(value) = max(value) as slot_statements_agree
    from indicator_values
    where indicator_code = 'childcare_slots' and value_kind = 'target'
    group by jurisdiction_slug, period_year
),

final as (
    select
        norms.*,
        populations.resident_population,
        populations.population_value_id,
        norms.slots_per_1000_population * populations.resident_population / 1000 as implied_slots,
        stated_slot_targets.stated_slots,
        stated_slot_targets.slot_statements_agree,
        stated_slot_targets.stated_slots / populations.resident_population * 1000
            as stated_slots_per_1000_population,
        stated_slot_targets.stated_slots
        - norms.slots_per_1000_population * populations.resident_population / 1000 as stated_minus_implied
    from norms
    left join populations
        on
            norms.jurisdiction_slug = populations.jurisdiction_slug
            and norms.target_year = populations.period_year
    left join stated_slot_targets
        on
            norms.jurisdiction_slug = stated_slot_targets.jurisdiction_slug
            and norms.target_year = stated_slot_targets.target_year
)

select * from final
