{#-
    DuckDB's view, in one statement: `create or replace view … as`, for the reason given in duckdb_table.sql.
-#}
{% materialization view, adapter="duckdb" %}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type="view") -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if existing_relation is not none and not existing_relation.is_view %}
        {{ drop_relation_if_exists(existing_relation) }}
    {%- endif %}

    {% call statement("main") -%}
        {%- if config.get("contract").enforced -%}
            {{ get_assert_columns_equivalent(sql) }}
        {%- endif %}
        create or replace view {{ target_relation }} as (
            {{ sql }}
        );
    {%- endcall %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_docs(target_relation, model) %}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({"relations": [target_relation]}) }}
{% endmaterialization %}
