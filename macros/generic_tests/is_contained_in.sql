{#-
    Rows whose text in column_name does not occur inside container_column once whitespace is removed from
    both, e.g. a printed figure that is not in the quote it is cited from.
-#}
{% test is_contained_in(model, column_name, container_column) %}
select *
from {{ model }}
where {{ column_name }} is not null
    and {{ dbt.position(remove_whitespace(column_name), remove_whitespace(container_column)) }} = 0
{% endtest %}
