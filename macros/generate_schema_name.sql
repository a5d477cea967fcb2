{#-
    Analysts query `marts.fct_…`, not `main_marts.fct_…`: when the target's schema is the engine's default
    (listed in the project variable `unprefixed_target_schemas`: DuckDB's main, PostgreSQL's public, the Spark
    profile's default), a folder's custom schema is used as it is: raw, staging, intermediate, marts,
    test_failures. Any other target schema prefixes them, so two analysts who build into one PostgreSQL with
    `schema: alice` and `schema: bob` in their profiles get alice_marts and bob_marts and never overwrite each
    other's marts.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set target_schema = target.schema | trim -%}
    {%- if custom_schema_name is none -%}
        {{ target_schema }}
    {%- elif target_schema in var('unprefixed_target_schemas') -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
