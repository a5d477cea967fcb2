{#-
    Called from `on-run-end`. When any node of the run errored or failed, the marts schema is dropped, so a
    reader never finds marts that were built from seeds that did not load or did not pass their tests.
    Warnings (e.g. findings declared in the audit register) do not count as failures.
-#}
{% macro drop_marts_after_failed_run(results) %}
    {%- if execute -%}
        {%- set failed = [] -%}
        {%- for result in results -%}
            {%- if result.status in ('error', 'fail', 'runtime error') -%}
                {%- do failed.append(result.node.unique_id) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if failed -%}
            {%- set marts_schema = generate_schema_name('marts', none) -%}
            {{ log("Run failed (" ~ failed | join(", ") ~ "): dropping schema " ~ marts_schema ~ " so no half-built mart is left behind.", info=true) }}
            drop schema if exists {{ marts_schema }} cascade
        {%- else -%}
            select 1 as run_succeeded
        {%- endif -%}
    {%- else -%}
        select 1 as run_succeeded
    {%- endif -%}
{% endmacro %}
