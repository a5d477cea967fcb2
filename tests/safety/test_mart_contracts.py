"""The marts' enforced contracts (models/marts/_marts__models.yml): a mart whose SQL yields another type than its
contract declares, or a null in a column declared not null, fails its own build, naming the model and the column;
with the contract switched off the same SQL builds a mart of the wrong shape. And the built warehouse's columns
are what the contract promises readers: the declared types, and NOT NULL exactly where it says."""

from __future__ import annotations

from pathlib import Path

import duckdb
import jinja2
import pytest
import yaml

from tests.conftest import PROJECT_DIR, copy_project
from tools import engines
from yilao_yixiao import warehouse

MARTS_YML = PROJECT_DIR / "models" / "marts" / "_marts__models.yml"
# The contract's type names as DuckDB's information_schema spells them.
DUCKDB_TYPES = {"text": "VARCHAR", "double": "DOUBLE", "bigint": "BIGINT", "integer": "INTEGER"}
NO_CONTRACT = "{{ config(contract={'enforced': false}) }}\n"

# One mart breaks its type, another a not-null rule; both are declared so in the contract.
WRONG_TYPE = ("dim_jurisdictions", "n_documents", "cast(n_documents as varchar)")
NULL_IN_REQUIRED = ("dim_documents", "jurisdiction_code", "cast(null as varchar)")


def declared_columns() -> dict[str, list[dict]]:
    models = yaml.safe_load(MARTS_YML.read_text(encoding="utf-8"))["models"]
    return {model["name"]: model["columns"] for model in models}


def duckdb_type(data_type: str) -> str:
    """A declared data_type (Jinja per engine) as DuckDB names it."""
    rendered = jinja2.Template(data_type).render(target={"type": "duckdb"}).strip()
    return DUCKDB_TYPES.get(rendered, rendered.upper())


def is_declared_not_null(column: dict) -> bool:
    return any(constraint["type"] == "not_null" for constraint in column.get("constraints", []))


def corrupt(project: Path, mart: str, column: str, expression: str, *, contract: bool) -> None:
    """Replace one column of the mart's result by `expression`, keeping the rest of its SQL as it is."""
    path = project / "models" / "marts" / f"{mart}.sql"
    sql = path.read_text(encoding="utf-8")
    header = "" if contract else NO_CONTRACT
    path.write_text(
        f"{header}select * replace ({expression} as {column}) from (\n{sql}\n) as original\n", encoding="utf-8"
    )


def build_broken_marts(tmp_path: Path, *, contract: bool) -> tuple[list[warehouse.NodeFailure], Path]:
    """The seeds and models under the two broken marts (no tests); the failures and the database."""
    project = copy_project(tmp_path / "project")
    for mart, column, expression in (WRONG_TYPE, NULL_IN_REQUIRED):
        corrupt(project, mart, column, expression, contract=contract)
    database = tmp_path / "broken.duckdb"
    selection = [f"+{WRONG_TYPE[0]}", f"+{NULL_IN_REQUIRED[0]}"]
    args = ["build", "--select", *selection, "--resource-type", "seed", "--resource-type", "model"]
    return warehouse.run_dbt(project, args, tmp_path / "dbt", database=database), database


def test_a_mart_of_the_wrong_type_or_with_a_null_in_a_required_column_fails_its_build(tmp_path):
    failures, _ = build_broken_marts(tmp_path, contract=True)
    by_model = {failure.unique_id.split(".")[-1]: failure.message for failure in failures}
    assert set(by_model) == {WRONG_TYPE[0], NULL_IN_REQUIRED[0]}, failures
    wrong_type = by_model[WRONG_TYPE[0]]
    assert "enforced contract" in wrong_type and WRONG_TYPE[1] in wrong_type, wrong_type
    assert "data type mismatch" in wrong_type, wrong_type
    null_in_required = by_model[NULL_IN_REQUIRED[0]]
    assert "NOT NULL constraint failed" in null_in_required, null_in_required
    # DuckDB names the table written, the mart itself (macros/materializations writes no __dbt_tmp copy).
    assert f"{NULL_IN_REQUIRED[0]}.{NULL_IN_REQUIRED[1]}" in null_in_required, null_in_required


def test_without_the_contract_the_same_marts_build_with_the_wrong_shape(tmp_path):
    failures, database = build_broken_marts(tmp_path, contract=False)
    assert failures == []
    # dbt-duckdb still holds the file open in this process, and refuses a read-only connection beside its own.
    with duckdb.connect(str(database)) as con:
        (type_built,) = con.execute(
            "select data_type from information_schema.columns where table_schema = ? and table_name = ? "
            "and column_name = ?",
            [engines.MART_SCHEMA, WRONG_TYPE[0], WRONG_TYPE[1]],
        ).fetchone()
        (nulls,) = con.execute(
            f"select count(*) from {engines.MART_SCHEMA}.{NULL_IN_REQUIRED[0]} where {NULL_IN_REQUIRED[1]} is null"
        ).fetchone()
    assert type_built == "VARCHAR"
    assert nulls > 0


@pytest.fixture(scope="module")
def built_columns(warehouse_path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        rows = con.sql(
            "select table_name, column_name, data_type, is_nullable = 'NO' from information_schema.columns "
            "where table_schema = ?",
            params=[engines.MART_SCHEMA],
        ).fetchall()
    return {(table, column): (data_type, not_null) for table, column, data_type, not_null in rows}


def test_every_mart_declares_every_column_it_builds(built_columns):
    declared = {(mart, column["name"]) for mart, columns in declared_columns().items() for column in columns}
    assert {mart for mart, _ in declared} == set(engines.mart_names(PROJECT_DIR))
    assert set(built_columns) == declared


def test_the_built_marts_have_the_declared_types_and_not_null_columns(built_columns):
    for mart, columns in declared_columns().items():
        for column in columns:
            assert "data_type" in column, f"{mart}.{column['name']} has no data_type"
            expected = (duckdb_type(column["data_type"]), is_declared_not_null(column))
            assert built_columns[(mart, column["name"])] == expected, f"{mart}.{column['name']}"
