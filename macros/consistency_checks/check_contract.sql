{#-
    The contract every consistency check model keeps (models tagged `consistency_check`): one row per check ×
    figure involved. The check's columns repeat on each of its figure rows; fct_consistency_checks keeps one row per
    check and fct_consistency_check_values the figures (check_id, value_id, role). The same names and types are
    declared, enforced, in models/intermediate/_intermediate__check_models.yml.

    figure_table says which seed the value_id comes from: indicator_values, or county_allocations for the cells
    of an annex table (their allocation_id).
-#}
{% macro consistency_check_contract() -%}
    {{ return([
        ('check_id', dbt.type_string()),
        ('jurisdiction_slug', dbt.type_string()),
        ('document_id', dbt.type_string()),
        ('check_kind', dbt.type_string()),
        ('description_zh', dbt.type_string()),
        ('description_en', dbt.type_string()),
        ('stated_value', type_double()),
        ('stated_lower', type_double()),
        ('stated_upper', type_double()),
        ('computed_value', type_double()),
        ('computed_lower', type_double()),
        ('computed_upper', type_double()),
        ('is_consistent', dbt.type_boolean()),
        ('value_id', dbt.type_string()),
        ('value_role', dbt.type_string()),
        ('value_position', dbt.type_bigint()),
        ('figure_table', dbt.type_string()),
        ('source_quote', dbt.type_string()),
    ]) }}
{%- endmacro %}

{#-
    The contract's columns that describe a figure a check involves; the others describe the check itself.
-#}
{% macro consistency_check_figure_columns() -%}
    {{ return(['value_id', 'value_role', 'value_position', 'figure_table', 'source_quote']) }}
{%- endmacro %}

{#-
    The check's own columns as a select list (check_id … is_consistent, in the contract's order): what each branch
    of a check model's union of checks selects, and fct_consistency_checks keeps.
-#}
{% macro consistency_check_columns() -%}
    {%- for column_name, data_type in consistency_check_contract()
        if column_name not in consistency_check_figure_columns() -%}
        {{ column_name }}{{ ',' if not loop.last }}
        {% endfor -%}
{%- endmacro %}

{#-
    The final select of a check model: its checks (one row each, the contract's check columns) joined to the
    figures each involves (check_id, value_id, value_role, role_order, figure_table, source_quote), numbered in
    the order they are listed (role_order, then value_id) and cast to the contract's types. The figures are
    numbered before they are joined to their checks: the window then sorts only the figures' few columns, not
    every check column repeated on each figure row (at national scale the wide sort was most of a check model's
    time). A check's figures are the same rows either way, so the numbers are too.
-#}
{% macro consistency_check_rows(checks, check_figures) -%}
    select
        {%- for column_name, data_type in consistency_check_contract() %}
            {%- if column_name == 'value_position' %}
        cast(numbered_figures.value_position as {{ data_type }}) as value_position
            {%- elif column_name in consistency_check_figure_columns() %}
        cast(numbered_figures.{{ column_name }} as {{ data_type }}) as {{ column_name }}
            {%- else %}
        cast({{ checks }}.{{ column_name }} as {{ data_type }}) as {{ column_name }}
            {%- endif %}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ checks }}
    inner join (
        select
            {{ check_figures }}.*,
            row_number() over (
                partition by {{ check_figures }}.check_id
                order by {{ check_figures }}.role_order, {{ check_figures }}.value_id
            ) as value_position
        from {{ check_figures }}
    ) as numbered_figures
        on {{ checks }}.check_id = numbered_figures.check_id
{%- endmacro %}

{#-
    The union of every model tagged `consistency_check`, in the contract's columns, read from dbt's graph so a new
    check model joins fct_consistency_checks by its tag alone. dbt learns a model's dependencies when it parses
    it, before the graph exists, so the model that calls this also names them in `-- depends_on:` lines; a tagged
    model missing from them stops the build with its name rather than being left out silently.
-#}
{% macro union_of_consistency_check_models() -%}
    {%- if execute -%}
        {%- set check_models = [] -%}
        {%- for node in graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') | sort(attribute='name') -%}
            {%- if 'consistency_check' in node.tags -%}
                {%- do check_models.append(node) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if not check_models -%}
            {{ exceptions.raise_compiler_error('No model is tagged consistency_check.') }}
        {%- endif -%}
        {%- for node in check_models -%}
            {%- if node.unique_id not in model.depends_on.nodes -%}
                {{ exceptions.raise_compiler_error(
                    model.name ~ ' does not depend on the check model ' ~ node.name
                    ~ ": add the line `-- depends_on: {{ ref('" ~ node.name ~ "') }}` to it."
                ) }}
            {%- endif %}
    select
        {%- for column_name, data_type in consistency_check_contract() %}
        {{ column_name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref(node.name) }}
            {%- if not loop.last %}
    union all
            {%- endif %}
        {%- endfor -%}
    {%- else -%}
    select 1 as check_id
    {%- endif -%}
{%- endmacro %}

{#-
    The ids of the figures a relation check names, as rows (check_id, value_id, value_role, role_order): each
    figure once, under its first role (stated, left, right). `checks` has check_id, stated_value_id,
    left_value_id and right_value_id. Joined to the figures on value_id, an equality join, where
    `value_id in (stated, left, right)` compiled to a nested-loop join of every check with every figure
    (quadratic at national scale).
-#}
{% macro check_operand_ids(checks) -%}
    select
        check_id,
        stated_value_id as value_id,
        'stated' as value_role,
        0 as role_order
    from {{ checks }}
    union all
    select
        check_id,
        left_value_id as value_id,
        'left_operand' as value_role,
        1 as role_order
    from {{ checks }}
    where stated_value_id is null or left_value_id <> stated_value_id
    union all
    select
        check_id,
        right_value_id as value_id,
        'right_operand' as value_role,
        2 as role_order
    from {{ checks }}
    where
        (stated_value_id is null or right_value_id <> stated_value_id)
        and (left_value_id is null or right_value_id <> left_value_id)
{%- endmacro %}
