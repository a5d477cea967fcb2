{#-
    DuckDB's view, in one statement: `create or replace view … as`, for the reason given in duckdb_table.sql
    (replace_in_one_statement there does the rest).
-#}
{% materialization view, adapter="duckdb" %}
    {%- set target_relation = this.incorporate(type="view") -%}
    {%- set create_or_replace_sql -%}
        {%- if config.get("contract").enforced -%}
            {{ get_assert_columns_equivalent(sql) }}
        {%- endif %}
        create or replace view {{ target_relation }} as (
            {{ sql }}
        );
    {%- endset -%}
    {{ return(replace_in_one_statement(target_relation, create_or_replace_sql)) }}
{% endmaterialization %}
