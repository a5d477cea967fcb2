{#-
    Rows of the model in which any of column_names is null, each with null_columns naming them (comma-separated),
    then the row itself. One test node per model instead of one per column: each node costs dbt ~0.1-0.3 s of
    overhead (compile, connection, result), the query itself a few milliseconds, and with ~230 not_null tests
    that overhead was most of `dbt build` (bench/RESULTS.md). concat_ws skips nulls on DuckDB, PostgreSQL and
    Spark, so a row with no null column gets '' and passes.
-#}
{% test not_null_columns(model, column_names) %}

with

rows_of_model as (
    select * from {{ model }}
),

flagged as (
    select
        concat_ws(
            ', ',
            {%- for column in column_names %}
                case when rows_of_model.{{ column }} is null then '{{ column }}' end{{ "," if not loop.last }}
            {%- endfor %}
        ) as null_columns,
        rows_of_model.*
    from rows_of_model
),

final as (
    select * from flagged
    where null_columns <> ''
)

select * from final

{% endtest %}
