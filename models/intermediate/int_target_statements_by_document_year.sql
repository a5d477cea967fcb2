{#-
    One row per document × indicator × target year × bound: what the document states as its target for that
    year (the value stated most often, then the first statement in document order), with the document's place
    in the jurisdiction's sequence of plans. The upper bound of a range ("1—2个") is kept apart from its lower
    bound, as in the restated-figure checks. Compared across documents, these rows show revisions.
-#}

with

figures as (
    select * from {{ ref('int_indicator_values_with_printed_intervals') }}
),

documents_ordered as (
    select * from {{ ref('int_documents_ordered_by_recency') }}
),

target_statements as (
    select
        value_id,
        document_id,
        indicator_code,
        period_year,
        value,
        comparator,
        case when comparator in ('le', 'lt') then 'upper' else 'lower_or_exact' end as bound
    from figures
    where
        not is_breakdown_part
        and value is not null
        and value_kind = 'target'
        and period_year is not null
),

statement_values as (
    select
        document_id,
        indicator_code,
        period_year,
        bound,
        value,
        comparator,
        count(*) as n_statements_of_value,
        min(value_id) as first_value_id
    from target_statements
    group by document_id, indicator_code, period_year, bound, value, comparator
),

ranked as (
    select
        statement_values.*,
        row_number() over (
            partition by
                statement_values.document_id,
                statement_values.indicator_code,
                statement_values.period_year,
                statement_values.bound
            order by statement_values.n_statements_of_value desc, statement_values.first_value_id asc
        ) as statement_rank
    from statement_values
),

final as (
    select
        documents_ordered.jurisdiction_code,
        target_statements.document_id,
        documents_ordered.document_sequence,
        documents_ordered.recency_date,
        target_statements.indicator_code,
        target_statements.period_year,
        ranked.bound,
        target_statements.value_id,
        target_statements.value,
        target_statements.comparator
    from ranked
    inner join target_statements
        on ranked.first_value_id = target_statements.value_id
    inner join documents_ordered
        on target_statements.document_id = documents_ordered.document_id
    where ranked.statement_rank = 1
)

select * from final
