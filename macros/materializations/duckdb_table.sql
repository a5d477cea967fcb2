{#-
    DuckDB's table, in one statement: `create or replace table … as`. dbt's default builds `<name>__dbt_tmp`,
    renames the old table to a backup, renames the new one in, commits and drops the backup: four statements
    and their Jinja per model, which was most of what a model cost in the real project's build (the SQL itself
    takes milliseconds). In DuckDB the replace is transactional, and no reader sees the file while dbt writes it
    (`yyx build` builds a copy beside the live warehouse and swaps it in), so the dance bought nothing here.
    An enforced contract creates the table with its columns and constraints, then inserts, as dbt-duckdb does.
-#}
{% materialization table, adapter="duckdb", supported_languages=["sql"] %}
    {%- set target_relation = this.incorporate(type="table") -%}
    {{ return(replace_in_one_statement(target_relation, replace_table_as(target_relation, compiled_code))) }}
{% endmaterialization %}


{% macro replace_table_as(relation, compiled_code) -%}
    {%- set contract_config = config.get("contract") -%}
    {%- if contract_config.enforced -%}
        {{ get_assert_columns_equivalent(compiled_code) }}
        create or replace table {{ relation }} {{ get_table_columns_and_constraints() }};
        insert into {{ relation }} {{ get_column_names() }} (
            {{ get_select_subquery(compiled_code) }}
        );
    {%- else -%}
        create or replace table {{ relation }} as (
            {{ compiled_code }}
        );
    {%- endif -%}
{%- endmacro %}


{#-
    What the table and view materializations share: the hooks, a relation of the other type dropped first (a
    view cannot be replaced by a table), the one `create or replace` statement, the docs and the commit.
-#}
{% macro replace_in_one_statement(target_relation, create_or_replace_sql) -%}
    {%- set existing_relation = load_cached_relation(this) -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if existing_relation is not none and existing_relation.type != target_relation.type %}
        {{ drop_relation_if_exists(existing_relation) }}
    {%- endif %}

    {% call statement("main") -%}
        {{ create_or_replace_sql }}
    {%- endcall %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_docs(target_relation, model) %}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({"relations": [target_relation]}) }}
{%- endmacro %}
