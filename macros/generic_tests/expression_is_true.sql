{#- Rows for which a boolean SQL expression is not true (a row-level rule of the model). -#}
{% test expression_is_true(model, expression, column_name=none, where_clause=none) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
    {% if where_clause is not none %} and ({{ where_clause }}) {% endif %}
{% endtest %}
