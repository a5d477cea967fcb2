{#-
    Every column rule of a model in one test node: the rows that break a rule, each naming the rule, the
    column(s), the row (by row_key) and the offending value. dbt runs one node per test, and each node costs it
    ~25 ms of Python (Jinja, events, the adapter call) against a few milliseconds of SQL: with ~220 column
    tests that per-node cost was half of `dbt build` (bench/RESULTS.md). A failure still says which rule of
    which column failed and for which row; `yyx build` prints the failing rows.

    Arguments (each optional; an empty list checks nothing):
      row_key              columns that identify a row, printed with row-level failures
      not_null             columns that may not be null
      unique               columns whose non-null values occur once each
      unique_combinations  lists of columns whose combined values occur once each (compound keys)
      relationships        {column, to, field}: every non-null value of column is a value of field in to
      accepted_values      {column, values}: every non-null value of column is one of values
      accepted_ranges      {column, min_value, max_value}: non-null values within the bounds (either may be
                           omitted)
      expressions          {expression, description}: a row-level condition that must be true (null fails)

    Output columns: rule (the kind), column_name (the column(s) or the expression's description), row_key
    (null for key rules, whose rows are values), failing_value and n_rows (rows with that value).
-#}
{% test column_rules(
    model,
    row_key=[],
    not_null=[],
    unique=[],
    unique_combinations=[],
    relationships=[],
    accepted_values=[],
    accepted_ranges=[],
    expressions=[]
) %}

{%- set text = dbt.type_string() -%}
{%- set null_text = "cast(null as " ~ text ~ ")" -%}
{%- if row_key | length == 0 -%}
    {%- set key_of_row = null_text -%}
{%- elif row_key | length == 1 -%}
    {%- set key_of_row = "cast(rows_of_model." ~ row_key[0] ~ " as " ~ text ~ ")" -%}
{%- else -%}
    {%- set key_parts = [] -%}
    {%- for column in row_key -%}
        {%- do key_parts.append("cast(rows_of_model." ~ column ~ " as " ~ text ~ ")") -%}
    {%- endfor -%}
    {%- set key_of_row = "concat_ws(' | ', " ~ key_parts | join(", ") ~ ")" -%}
{%- endif -%}
{%- set failures = [] -%}

{%- for column in not_null -%}
    {%- do failures.append(
        "select 'not_null' as rule, '" ~ column ~ "' as column_name, " ~ key_of_row ~ " as row_key, "
        ~ null_text ~ " as failing_value, 1 as n_rows from rows_of_model where rows_of_model." ~ column
        ~ " is null"
    ) -%}
{%- endfor -%}

{%- for column in unique -%}
    {%- do failures.append(
        "select 'unique' as rule, '" ~ column ~ "' as column_name, " ~ null_text ~ " as row_key, cast("
        ~ column ~ " as " ~ text ~ ") as failing_value, count(*) as n_rows from rows_of_model where " ~ column
        ~ " is not null group by " ~ column ~ " having count(*) > 1"
    ) -%}
{%- endfor -%}

{%- for columns in unique_combinations -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("cast(" ~ column ~ " as " ~ text ~ ")") -%}
    {%- endfor -%}
    {%- do failures.append(
        "select 'unique_combination' as rule, '" ~ columns | join(", ") ~ "' as column_name, " ~ null_text
        ~ " as row_key, concat_ws(' | ', " ~ parts | join(", ") ~ ") as failing_value, count(*) as n_rows"
        ~ " from rows_of_model group by " ~ columns | join(", ") ~ " having count(*) > 1"
    ) -%}
{%- endfor -%}

{%- for relation in relationships -%}
    {%- do failures.append(
        "select 'relationships' as rule, '" ~ relation.column ~ " -> " ~ relation.to.identifier ~ "."
        ~ relation.field ~ "' as column_name, " ~ key_of_row ~ " as row_key, cast(rows_of_model."
        ~ relation.column ~ " as " ~ text ~ ") as failing_value, 1 as n_rows from rows_of_model"
        ~ " left join (select distinct " ~ relation.field ~ " as parent_key from " ~ relation.to
        ~ ") as parents on rows_of_model." ~ relation.column ~ " = parents.parent_key"
        ~ " where rows_of_model." ~ relation.column ~ " is not null and parents.parent_key is null"
    ) -%}
{%- endfor -%}

{%- for accepted in accepted_values -%}
    {%- set quoted = [] -%}
    {%- for value in accepted["values"] -%}
        {%- do quoted.append("'" ~ value ~ "'") -%}
    {%- endfor -%}
    {%- do failures.append(
        "select 'accepted_values' as rule, '" ~ accepted.column ~ "' as column_name, " ~ key_of_row
        ~ " as row_key, cast(rows_of_model." ~ accepted.column ~ " as " ~ text ~ ") as failing_value, 1 as n_rows"
        ~ " from rows_of_model where cast(rows_of_model." ~ accepted.column ~ " as " ~ text ~ ") not in ("
        ~ quoted | join(", ") ~ ")"
    ) -%}
{%- endfor -%}

{%- for range in accepted_ranges -%}
    {%- set outside = ["false"] -%}
    {%- if range.get('min_value') is not none -%}
        {%- do outside.append("rows_of_model." ~ range.column ~ " < " ~ range.min_value) -%}
    {%- endif -%}
    {%- if range.get('max_value') is not none -%}
        {%- do outside.append("rows_of_model." ~ range.column ~ " > " ~ range.max_value) -%}
    {%- endif -%}
    {%- do failures.append(
        "select 'accepted_range' as rule, '" ~ range.column ~ "' as column_name, " ~ key_of_row
        ~ " as row_key, cast(rows_of_model." ~ range.column ~ " as " ~ text ~ ") as failing_value, 1 as n_rows"
        ~ " from rows_of_model where rows_of_model." ~ range.column ~ " is not null and ("
        ~ outside | join(" or ") ~ ")"
    ) -%}
{%- endfor -%}

{%- for condition in expressions -%}
    {%- set label = condition.get('description') or condition.expression -%}
    {%- do failures.append(
        "select 'expression' as rule, '" ~ label | replace("'", "''") ~ "' as column_name, " ~ key_of_row
        ~ " as row_key, " ~ null_text ~ " as failing_value, 1 as n_rows from rows_of_model where not coalesce(("
        ~ condition.expression ~ "), false)"
    ) -%}
{%- endfor -%}

with

{#- Every rule reads the model again: DuckDB would first copy all of its rows and columns (a CTE read more than
    once), a third of the tests' CPU time at national scale, where scanning the table per rule is cheaper.
    The same choice as macros/cross_db/not_materialized.sql, written out so the test needs no other macro. #}
rows_of_model as {{ 'not materialized' if target.type == 'duckdb' else '' }} (
    select * from {{ model }}
),

failures as (
    {%- for failure in failures %}
    {{ failure }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if failures | length == 0 %}
    select
        'none' as rule,
        {{ null_text }} as column_name,
        {{ null_text }} as row_key,
        {{ null_text }} as failing_value,
        0 as n_rows
    from rows_of_model
    where false
    {%- endif %}
),

final as (
    select * from failures
)

select * from final

{% endtest %}
