{#-
    Regular expressions, which every engine spells differently. `pattern` is the regular expression itself,
    not a SQL literal: the macros quote it for the engine (Spark reads a backslash in a string literal as an
    escape, so it is doubled there). Use only the syntax the three engines share (RE2, PostgreSQL's ARE and
    Java): `[.]`, character classes, `(?:…)` for a group - PostgreSQL's substring returns the first capturing
    group instead of the whole match.
-#}

{% macro regexp_literal(pattern) -%}
    {{ return(adapter.dispatch('regexp_literal', 'yilao_yixiao')(pattern)) }}
{%- endmacro %}

{% macro default__regexp_literal(pattern) -%}
    '{{ pattern | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__regexp_literal(pattern) -%}
    '{{ pattern | replace("\\", "\\\\") | replace("'", "''") }}'
{%- endmacro %}

{#- The first match of pattern in text, '' when there is none, null for null text (DuckDB's regexp_extract). -#}
{% macro regexp_first_match(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_first_match', 'yilao_yixiao')(text, pattern)) }}
{%- endmacro %}

{% macro default__regexp_first_match(text, pattern) -%}
    regexp_extract({{ text }}, {{ regexp_literal(pattern) }}, 0)
{%- endmacro %}

{% macro postgres__regexp_first_match(text, pattern) -%}
    case when {{ text }} is not null then coalesce(substring({{ text }} from {{ regexp_literal(pattern) }}), '') end
{%- endmacro %}

{#- True when pattern matches somewhere in text (anchor it with ^…$ for a whole match); null for null text. -#}
{% macro regexp_is_match(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_is_match', 'yilao_yixiao')(text, pattern)) }}
{%- endmacro %}

{% macro default__regexp_is_match(text, pattern) -%}
    regexp_matches({{ text }}, {{ regexp_literal(pattern) }})
{%- endmacro %}

{% macro postgres__regexp_is_match(text, pattern) -%}
    ({{ text }} ~ {{ regexp_literal(pattern) }})
{%- endmacro %}

{% macro spark__regexp_is_match(text, pattern) -%}
    ({{ text }} rlike {{ regexp_literal(pattern) }})
{%- endmacro %}
