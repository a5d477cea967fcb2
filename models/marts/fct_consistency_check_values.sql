{#-
    The bridge between consistency checks and the figures they involve: one row per check × figure, with the
    figure's role in the check (total, part, county_cell, statement, stated, left_operand, right_operand, target,
    baseline) and its place in the check's list. Its key is (check_id, value_id): a figure appears once in a
    check. No surrogate key joins the two: at national scale a million concatenated ids were a third of the
    mart's write and a unique test of their own, and said nothing the pair does not.
-#}

with

check_figures as (
    select * from {{ ref('int_consistency_check_figures') }}
),

final as (
    select
        check_id,
        document_id,
        value_id,
        figure_table,
        value_role,
        value_position,
        source_quote
    from check_figures
)

select * from final
