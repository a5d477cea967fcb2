{#-
    A relation between figures computed with interval arithmetic, so a rate recomputed from rounded figures is
    compared at the precision it was printed with: ratio [l⁻/r⁺, l⁺/r⁻] × scale, product [l⁻·r⁻, l⁺·r⁺] × scale,
    difference [l⁻ − r⁺, l⁺ − r⁻]; at_most compares the stated figure with the left one (stated ≤ left).
    `left` and `right` are column prefixes: <prefix>_value, <prefix>_lower and <prefix>_upper; `end` is value,
    lower or upper. Used by every relation check (declared rows and codebook rules).
-#}
{% macro relation_computed(operation, left, right, scale, end) -%}
    {%- set opposite = {'value': 'value', 'lower': 'upper', 'upper': 'lower'}[end] -%}
    case {{ operation }}
        when 'ratio' then {{ left }}_{{ end }} / nullif({{ right }}_{{ opposite }}, 0) * {{ scale }}
        when 'product' then {{ left }}_{{ end }} * {{ right }}_{{ end }} * {{ scale }}
        when 'difference' then {{ left }}_{{ end }} - {{ right }}_{{ opposite }}
        when 'at_most' then {{ left }}_{{ end }}
    end
{%- endmacro %}

{#- Whether the stated interval agrees with the computed one: overlap, or for at_most, stated ≤ computed. -#}
{% macro relation_holds(operation, stated, computed) -%}
    case
        when {{ operation }} = 'at_most' then {{ stated }}_lower <= {{ computed }}_upper
        else {{ intervals_overlap(stated ~ '_lower', stated ~ '_upper', computed ~ '_lower', computed ~ '_upper') }}
    end
{%- endmacro %}
