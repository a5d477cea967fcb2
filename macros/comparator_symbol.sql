{#- The printed sign of a comparator code, so charts show "≥ 55" rather than "55". -#}
{% macro comparator_symbol(comparator) -%}
    case {{ comparator }}
        when 'eq' then '='
        when 'ge' then '≥'
        when 'gt' then '>'
        when 'le' then '≤'
        when 'lt' then '<'
        when 'approx' then '≈'
    end
{%- endmacro %}
