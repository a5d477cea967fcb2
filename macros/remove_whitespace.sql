{#- Text with every space, tab and line break removed (the printed tables break cells over lines). -#}
{% macro remove_whitespace(expression) -%}
    {{ return(adapter.dispatch('remove_whitespace', 'yilao_yixiao')(expression)) }}
{%- endmacro %}

{#- chr() of a code point on DuckDB and PostgreSQL (a UTF-8 database); 12288 is the ideographic space U+3000. -#}
{% macro default__remove_whitespace(expression) -%}
    replace(replace(replace(replace(replace({{ expression }}, ' ', ''), chr(9), ''), chr(10), ''), chr(13), ''), chr(12288), '')
{%- endmacro %}

{#- Spark's chr() takes the code modulo 256, so the characters are written as escapes of its string literals. -#}
{% macro spark__remove_whitespace(expression) -%}
    translate({{ expression }}, ' \t\n\r\u3000', '')
{%- endmacro %}
