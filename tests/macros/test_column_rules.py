"""The generic test `column_rules` (macros/generic_tests/column_rules.sql) on a small dbt project this test writes:
one table breaks each kind of rule once, and the stored failures name exactly those rules, columns, rows and values.
A clean table passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.macros.probe_project import run_dbt, write_probe_project

PROJECT_DIR = Path(__file__).resolve().parents[2]
MACRO = PROJECT_DIR / "macros" / "generic_tests" / "column_rules.sql"

SEED_CONFIG = """
seeds:
  column_rules_probe:
    +column_types: {id: integer, amount: integer}
"""

SCHEMA = """
seeds:
  - name: parents
    data_tests:
      - column_rules:
          name: column_rules_parents
          arguments:
            row_key: [code]
            not_null: [code]
            unique: [code]
  - name: children
    data_tests:
      - column_rules:
          name: column_rules_children
          arguments:
            row_key: [id]
            not_null: [id, kind]
            unique: [id]
            unique_combinations: [[pair_left, pair_right]]
            relationships:
              - column: parent_code
                to: ref('parents')
                field: code
            accepted_values:
              - column: kind
                values: [x, y]
            accepted_ranges:
              - column: amount
                min_value: 0
                max_value: 100
            expressions:
              - expression: amount is null or amount <> 3
                description: An amount is never 3.
"""

PARENTS = "code\nalpha\nbeta\n"
# Row by row: clean; clean; a second id 2 with an unknown parent, a negative amount and the pair of row 1;
# a kind outside the list and an amount above the range (a null parent passes); a null id with amount 3.
CHILDREN = """id,parent_code,kind,amount,pair_left,pair_right
1,alpha,x,5,p,q
2,beta,y,10,p,r
2,gamma,x,-1,p,q
4,,w,200,s,u
,alpha,x,3,s,t
"""


@pytest.fixture(scope="module")
def stored_failures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    project = tmp_path_factory.mktemp("column_rules_probe")
    database = write_probe_project(project, "column_rules_probe", SEED_CONFIG)
    (project / "seeds").mkdir()
    (project / "seeds" / "parents.csv").write_text(PARENTS, encoding="utf-8")
    (project / "seeds" / "children.csv").write_text(CHILDREN, encoding="utf-8")
    (project / "seeds" / "_seeds.yml").write_text(SCHEMA, encoding="utf-8")
    (project / "macros").mkdir()
    shutil.copy2(MACRO, project / "macros" / MACRO.name)
    run = run_dbt(project, "build", "--store-failures")
    assert run.returncode == 1, run.stdout  # the children's test fails, nothing else
    assert "FAIL 8 column_rules_children" in run.stdout, run.stdout
    assert "PASS column_rules_parents" in run.stdout, run.stdout
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.sql(
            "select rule, column_name, row_key, failing_value, n_rows from main_dbt_test__audit.column_rules_children"
        ).fetchall()
    by_rule: dict[str, set[tuple]] = {}
    for rule, *rest in rows:
        by_rule.setdefault(rule, set()).add(tuple(rest))
    return by_rule


def test_a_null_in_a_required_column_names_the_column(stored_failures):
    assert stored_failures["not_null"] == {("id", None, None, 1)}


def test_a_repeated_key_names_the_value_and_its_count(stored_failures):
    assert stored_failures["unique"] == {("id", None, "2", 2)}
    assert stored_failures["unique_combination"] == {("pair_left, pair_right", None, "p | q", 2)}


def test_an_unknown_reference_names_the_row_and_the_value(stored_failures):
    assert stored_failures["relationships"] == {("parent_code -> parents.code", "2", "gamma", 1)}


def test_values_outside_the_list_or_the_range_name_their_rows(stored_failures):
    assert stored_failures["accepted_values"] == {("kind", "4", "w", 1)}
    assert stored_failures["accepted_range"] == {("amount", "2", "-1", 1), ("amount", "4", "200", 1)}


def test_a_false_expression_is_named_by_its_description(stored_failures):
    assert stored_failures["expression"] == {("An amount is never 3.", None, None, 1)}


def test_nothing_else_fails(stored_failures):
    assert set(stored_failures) == {
        "not_null",
        "unique",
        "unique_combination",
        "relationships",
        "accepted_values",
        "accepted_range",
        "expression",
    }
