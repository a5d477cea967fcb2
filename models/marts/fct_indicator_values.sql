{#-
    The one wide table of the figures: every label and text joined here, once, to every figure. The
    intermediate models compute on narrow columns (int_indicator_values_with_printed_intervals) and the marts
    that show a figure's labels read them from here by value_id.
-#}

with

indicator_values as (
    select * from {{ ref('stg_indicator_values') }}
),

indicators as (
    select * from {{ ref('stg_indicators') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

jurisdictions as (
    select * from {{ ref('stg_jurisdictions') }}
),

comparators as (
    select * from {{ ref('stg_comparators') }}
),

final as (
    select
        indicator_values.value_id,
        jurisdictions.jurisdiction_code,
        jurisdictions.jurisdiction_slug,
        jurisdictions.jurisdiction_name_zh,
        jurisdictions.jurisdiction_name_en,
        indicator_values.document_id,
        documents.title_zh as document_title_zh,
        documents.title_en as document_title_en,
        documents.document_status,
        indicator_values.indicator_code,
        indicators.indicator_name_zh,
        indicators.indicator_name_en,
        indicators.domain,
        indicators.unit,
        indicators.higher_is_better,
        indicator_values.value_kind,
        indicator_values.period_year,
        indicator_values.period_basis,
        indicator_values.value,
        indicator_values.comparator,
        comparators.comparator_symbol,
        indicator_values.is_aspirational,
        indicator_values.obligation,
        indicator_values.raw_text,
        indicator_values.source_section,
        indicator_values.source_quote,
        indicator_values.cleaning_note,
        indicator_values.parent_value_id,
        indicator_values.breakdown_dimension,
        indicator_values.breakdown_member,
        indicator_values.is_breakdown_part
    from indicator_values
    inner join documents
        on indicator_values.document_id = documents.document_id
    inner join jurisdictions
        on documents.jurisdiction_code = jurisdictions.jurisdiction_code
    inner join indicators
        on indicator_values.indicator_code = indicators.indicator_code
    -- A comparator the vocabulary does not know fails stg_indicator_values' column rules.
    left join comparators
        on indicator_values.comparator = comparators.comparator_code
)

select * from final
