{#-
    The interval a printed figure stands for, from the precision it was printed with (not a magic epsilon).

    Precision depends on the kind of figure (CODEBOOK.md, "Printed precision, by kind"). A statistic (baseline,
    context, or a figure of no stated kind) printed with decimals, with a 万/亿 multiplier or with an "about"
    comparator (近, 约, 左右) was rounded: it stands for ± half a unit of its last printed digit, times the
    multiplier. "12.59万" (stored 125900) means [125850, 125950); "11.36%" means [11.355, 11.365). A policy
    amount or goal (target, standard) is set, not measured: exact as printed ("1萬元" per new slot is 10000 yuan,
    not [5000, 15000); "97.5%" is 97.5), unless its comparator is approx, which widens it as it widens a statistic.
    A whole number printed in full ("341", "71个", "3400", the OCR-damaged "100O") is a count or a policy figure,
    taken as exact whatever its kind; so is a figure with no digits ("一处", "减半"). The first number of raw_text
    sets the precision ("1—2个" → whole numbers).

    printed_half_width returns that half-width; the interval is value ± that.
-#}

{#- No capturing group: PostgreSQL would return the group rather than the whole match (macros/cross_db). -#}
{% macro printed_number_text(raw_text) -%}
    {{ regexp_first_match(raw_text, '[0-9]+(?:[.][0-9]+)?') }}
{%- endmacro %}

{#-
    The macros below take the columns int_indicator_values_with_printed_intervals computes once per figure
    (printed_number_text, printed_decimals, printed_multiplier), not raw_text: inlined on raw_text they compiled
    to about 21 regular-expression calls per row (the number text re-extracted for every use), which at national
    scale made this model most of the SQL's time (bench/RESULTS.md). Now one regexp call per row.
-#}
{% macro printed_decimals(number_text) -%}
    case
        when {{ dbt.position("'.'", number_text) }} = 0 then 0
        else length({{ number_text }}) - {{ dbt.position("'.'", number_text) }}
    end
{%- endmacro %}

{% macro printed_multiplier(raw_text) -%}
    case
        when {{ dbt.position("'亿'", raw_text) }} > 0 or {{ dbt.position("'億'", raw_text) }} > 0 then 100000000
        when {{ dbt.position("'万'", raw_text) }} > 0 or {{ dbt.position("'萬'", raw_text) }} > 0 then 10000
        else 1
    end
{%- endmacro %}

{% macro printed_half_width(value, number_text, decimals, multiplier, comparator, value_kind) -%}
    case
        when {{ value }} is null or {{ number_text }} = '' then 0
        when {{ value_kind }} in ('target', 'standard') and {{ comparator }} = 'approx'
            then 0.5 * power(10, -1 * {{ decimals }}) * {{ multiplier }}
        when {{ value_kind }} in ('target', 'standard') then 0
        when {{ decimals }} > 0
            or {{ multiplier }} > 1
            or {{ comparator }} = 'approx'
            then 0.5 * power(10, -1 * {{ decimals }}) * {{ multiplier }}
        else 0
    end
{%- endmacro %}

{#-
    Two intervals are compatible when they overlap. The 1e-9 relative slack absorbs binary floating-point
    representation only (0.1 + 0.2 ≠ 0.3); it is not a tolerance on the figures.
-#}
{% macro intervals_overlap(lower_a, upper_a, lower_b, upper_b) -%}
    (
        {{ lower_a }} <= {{ upper_b }} + 1e-9 * greatest(abs({{ upper_b }}), 1)
        and {{ lower_b }} <= {{ upper_a }} + 1e-9 * greatest(abs({{ upper_a }}), 1)
    )
{%- endmacro %}
