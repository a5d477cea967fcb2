with

values_labelled as (
    select * from {{ ref('int_indicator_values_labelled') }}
)

select * from values_labelled
