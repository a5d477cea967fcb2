{#- Text with every space, tab and line break removed (the printed tables break cells over lines). -#}
{% macro remove_whitespace(expression) -%}
    replace(replace(replace(replace(replace({{ expression }}, ' ', ''), chr(9), ''), chr(10), ''), chr(13), ''), chr(12288), '')
{%- endmacro %}
