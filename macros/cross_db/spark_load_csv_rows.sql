{#-
    Seeds on Spark. dbt-spark's own loader binds each cell as '{value}' without escaping, so a quote with an
    apostrophe breaks the insert and an empty cell arrives as the text 'None'. Every seed column is declared
    in seeds/_seeds.yml, so agate reads every cell as text (or None): each is written as an escaped Spark string
    literal (backslash and quote escaped) or null, and cast to its declared type.
    This overrides dbt-spark's macro because a root project's adapter-prefixed macro comes first in dispatch.
-#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set batch_size = get_batch_size() -%}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(batch_size) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                (
                {%- for col_name in agate_table.column_names -%}
                    {%- set type = column_override.get(col_name, adapter.convert_type(agate_table, loop.index0)) -%}
                    {%- set cell = row[loop.index0] -%}
                    {%- if cell is none -%}
                        cast(null as {{ type }})
                    {%- else -%}
                        cast('{{ cell | string | replace("\\", "\\\\") | replace("'", "\\'") }}' as {{ type }})
                    {%- endif -%}
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%}
                ){%- if not loop.last %},{% endif %}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.index0 == 0 -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0]) }}
{% endmacro %}
