"""The project's DuckDB table and view materializations (macros/materializations) on a small dbt project this test
writes: a model replaced in one statement keeps its name and content, can turn from a view into a table and back,
leaves no scratch relation behind, and a model that fails, or breaks its enforced contract, leaves the last good
table in place."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.macros.probe_project import run_dbt, write_probe_project

PROJECT_DIR = Path(__file__).resolve().parents[2]
MATERIALIZATIONS = PROJECT_DIR / "macros" / "materializations"

CONTRACT = """
models:
  - name: amounts_contracted
    config:
      contract:
        enforced: true
    columns:
      - name: item
        data_type: text
        constraints:
          - type: not_null
      - name: amount
        data_type: integer
"""


class Probe:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.database = write_probe_project(root, "materialization_probe")
        (root / "models").mkdir()
        shutil.copytree(MATERIALIZATIONS, root / "macros" / "materializations")

    def model(self, name: str, sql: str) -> None:
        (self.root / "models" / f"{name}.sql").write_text(sql, encoding="utf-8")

    def build(self) -> subprocess.CompletedProcess[str]:
        return run_dbt(self.root, "build")

    def relations(self) -> dict[str, str]:
        with duckdb.connect(str(self.database), read_only=True) as con:
            rows = con.sql("select table_name, table_type from information_schema.tables").fetchall()
        return dict(rows)

    def rows(self, relation: str) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as con:
            return con.sql(f"select * from {relation} order by all").fetchall()


AMOUNTS = "select 'beds' as item, 40 as amount union all select 'places', 7"


@pytest.fixture
def probe(tmp_path: Path) -> Probe:
    return Probe(tmp_path)


def test_tables_and_views_are_replaced_under_their_own_names(probe: Probe):
    probe.model("amounts", "{{ config(materialized='table') }}\n" + AMOUNTS)
    probe.model(
        "amounts_doubled",
        "{{ config(materialized='view') }}\nselect item, 2 * amount as amount from {{ ref('amounts') }}",
    )
    assert probe.build().returncode == 0
    assert probe.relations() == {"amounts": "BASE TABLE", "amounts_doubled": "VIEW"}
    assert probe.rows("amounts_doubled") == [("beds", 80), ("places", 14)]
    executed = (probe.root / "target" / "run" / "materialization_probe" / "models" / "amounts.sql").read_text()
    assert "create or replace table" in executed and "__dbt_tmp" not in executed

    probe.model("amounts", "{{ config(materialized='table') }}\nselect 'beds' as item, 41 as amount")
    assert probe.build().returncode == 0
    assert probe.rows("amounts") == [("beds", 41)]
    assert probe.rows("amounts_doubled") == [("beds", 82)]


def test_a_view_becomes_a_table_and_back(probe: Probe):
    probe.model("amounts", "{{ config(materialized='view') }}\n" + AMOUNTS)
    assert probe.build().returncode == 0
    assert probe.relations() == {"amounts": "VIEW"}

    probe.model("amounts", "{{ config(materialized='table') }}\n" + AMOUNTS)
    assert probe.build().returncode == 0
    assert probe.relations() == {"amounts": "BASE TABLE"}
    assert probe.rows("amounts") == [("beds", 40), ("places", 7)]

    probe.model("amounts", "{{ config(materialized='view') }}\n" + AMOUNTS)
    assert probe.build().returncode == 0
    assert probe.relations() == {"amounts": "VIEW"}


def test_a_failing_model_leaves_the_last_good_table(probe: Probe):
    probe.model("amounts", "{{ config(materialized='table') }}\n" + AMOUNTS)
    assert probe.build().returncode == 0

    probe.model(
        "amounts", "{{ config(materialized='table') }}\nselect 'beds' as item, cast('many' as integer) as amount"
    )
    run = probe.build()
    assert run.returncode == 1
    assert "Conversion Error" in run.stdout, run.stdout
    assert probe.relations() == {"amounts": "BASE TABLE"}
    assert probe.rows("amounts") == [("beds", 40), ("places", 7)]


def test_an_enforced_contract_checks_types_and_constraints(probe: Probe):
    (probe.root / "models" / "_models.yml").write_text(CONTRACT, encoding="utf-8")
    probe.model("amounts_contracted", "{{ config(materialized='table') }}\n" + AMOUNTS)
    assert probe.build().returncode == 0
    with duckdb.connect(str(probe.database), read_only=True) as con:
        columns = con.sql(
            "select column_name, data_type, is_nullable from information_schema.columns"
            " where table_name = 'amounts_contracted' order by ordinal_position"
        ).fetchall()
    assert columns == [("item", "VARCHAR", "NO"), ("amount", "INTEGER", "YES")]

    probe.model("amounts_contracted", "{{ config(materialized='table') }}\nselect 'beds' as item, 'forty' as amount")
    run = probe.build()
    assert run.returncode == 1
    assert "contract" in run.stdout.lower() and "amount" in run.stdout, run.stdout

    probe.model(
        "amounts_contracted", "{{ config(materialized='table') }}\nselect cast(null as text) as item, 1 as amount"
    )
    run = probe.build()
    assert run.returncode == 1
    assert "NOT NULL constraint failed" in run.stdout, run.stdout
    assert probe.rows("amounts_contracted") == [("beds", 40), ("places", 7)]
    assert set(probe.relations()) == {"amounts_contracted"}
