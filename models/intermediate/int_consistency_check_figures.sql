{#-
    Every consistency check with the figures it involves, one row per check × figure: the union of the models
    tagged `consistency_check` (dbt_project.yml tags models/intermediate/checks/), generated from dbt's graph by
    macros/consistency_checks/check_contract.sql. dbt must know the dependencies before the graph exists, hence
    the lines below; a tagged model missing from them stops the build naming it.
-#}
{#-
    A view: it only stacks the check models' tables, which costs no more to read than one table would, and at
    national scale writing its million rows again was a large part of the build.
-#}
{{ config(materialized='view') }}
-- depends_on: {{ ref('int_checks_codebook_relations') }}
-- depends_on: {{ ref('int_checks_declared_relations') }}
-- depends_on: {{ ref('int_checks_parts_sum_to_total') }}
-- depends_on: {{ ref('int_checks_plausibility') }}
-- depends_on: {{ ref('int_checks_restated_figures') }}

with

check_figures as (
    {{ union_of_consistency_check_models() }}
)

select * from check_figures
