{#-
    Rows of a model of figures whose value is impossible in the unit its indicator is stored in, as the units
    vocabulary says (no list of columns or indicators here):
      - below the unit's min_value or above its max_value, or at a bound with a comparator that passes it
        ("more than 100 %", "less than 0");
      - fractional in a unit whose values count something (must_be_whole);
      - for a target: a year (period_year, or the value in a calendar-year unit) before its plan's first year.
    A figure the findings register lists passes: the document really prints it, and the register says so.
    Each failing row names the seed file, the row (by id_column) and the column, the unit, the value, the
    limit it breaks and what is wrong.

    The model needs the columns indicator_code, document_id, value, comparator, value_kind and period_year;
    `indicators` has indicator_code and unit, `units` the columns of stg_units, `documents` document_id and
    plan_period_start, `findings` value_ids (comma-separated ids).
-#}
{% test values_within_unit_bounds(model, seed_file, id_column, indicators, units, documents, findings) %}

with

figures_in_model as (
    select * from {{ model }}
),

indicators as (
    select * from {{ indicators }}
),

units as (
    select * from {{ units }}
),

documents as (
    select * from {{ documents }}
),

findings as (
    select * from {{ findings }}
),

figures as (
    select
        figures_in_model.{{ id_column }} as row_id,
        figures_in_model.value,
        figures_in_model.comparator,
        figures_in_model.value_kind,
        figures_in_model.period_year,
        indicators.unit as unit_code,
        units.min_value,
        units.max_value,
        units.must_be_whole,
        units.is_calendar_year,
        documents.plan_period_start
    from figures_in_model
    -- An unknown indicator or unit fails its own relationships test.
    inner join indicators
        on figures_in_model.indicator_code = indicators.indicator_code
    inner join units
        on indicators.unit = units.unit_code
    left join documents
        on figures_in_model.document_id = documents.document_id
),

problems as (
    select
        row_id,
        'value' as column_name,
        unit_code,
        value as bad_value,
        min_value as limit_value,
        'below the smallest value of its unit (units.csv min_value)' as problem
    from figures
    where value < min_value or (value = min_value and comparator = 'lt')

    union all

    select
        row_id,
        'value' as column_name,
        unit_code,
        value as bad_value,
        max_value as limit_value,
        'above the largest value of its unit (units.csv max_value)' as problem
    from figures
    where value > max_value or (value = max_value and comparator = 'gt')

    union all

    select
        row_id,
        'value' as column_name,
        unit_code,
        value as bad_value,
        floor(value) as limit_value,
        'fractional in a unit that counts (units.csv must_be_whole)' as problem
    from figures
    where must_be_whole and value <> floor(value)

    union all

    select
        row_id,
        'value' as column_name,
        unit_code,
        value as bad_value,
        plan_period_start as limit_value,
        'a target year before its plan starts (documents.csv plan_period_start)' as problem
    from figures
    where is_calendar_year and value_kind = 'target' and value < plan_period_start

    union all

    select
        row_id,
        'period_year' as column_name,
        unit_code,
        period_year as bad_value,
        plan_period_start as limit_value,
        'a target for a year before its plan starts (documents.csv plan_period_start)' as problem
    from figures
    where value_kind = 'target' and period_year < plan_period_start
),

-- Only the rows that break a bound are looked up in the register: matching every figure against the
-- comma-separated id lists is a join without an equality key, quadratic at national scale.
registered as (
    select distinct problems.row_id
    from problems
    inner join findings
        on {{ dbt.position(
            dbt.concat(["','", "problems.row_id", "','"]),
            dbt.concat(["','", "replace(findings.value_ids, ' ', '')", "','"])
        ) }} > 0
),

final as (
    select
        '{{ seed_file }}' as seed_file,
        problems.row_id as {{ id_column }},
        problems.column_name,
        problems.unit_code,
        problems.bad_value,
        problems.limit_value,
        problems.problem
    from problems
    where problems.row_id not in (select registered.row_id from registered)
)

select * from final

{% endtest %}
