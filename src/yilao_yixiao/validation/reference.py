"""What the suites check the marts against, read from the warehouse itself: the vocabularies and seed counts.

The suites never carry a list of codes or a number of plans. The closed sets (value kinds, comparators…) are
the vocabulary seeds the build loaded (seeds/<plural>.csv → staging.stg_<plural>), and expectations such as
"every jurisdiction is in the mart" compare with the rows of the seed, so adding a plan or a code is a seed row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

# vocabulary (the singular of its seed's name, as in `<singular>_code`) -> its staging model
VOCABULARIES = {
    "value_kind": "stg_value_kinds",
    "comparator": "stg_comparators",
    "obligation": "stg_obligations",
    "check_kind": "stg_check_kinds",
    "admin_level": "stg_admin_levels",
    "document_status": "stg_document_statuses",
    "script": "stg_scripts",
    "domain": "stg_domains",
    "finding_status": "stg_finding_statuses",
}
UNITS = "stg_units"
JURISDICTIONS = "stg_jurisdictions"
DOCUMENTS = "stg_documents"


class MissingReferenceError(RuntimeError):
    """The warehouse lacks a vocabulary or seed the suites need (an old or partial build)."""


@dataclass(frozen=True)
class Reference:
    codes: dict[str, list[str]]
    count_units: list[str]  # units whose values count things: whole, and not calendar years
    n_jurisdictions: int
    n_documents: int

    def of(self, vocabulary: str) -> list[str]:
        return self.codes[vocabulary]


def _qualified(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The table under whatever schema the build gave it (schema names follow the dbt target)."""
    rows = con.execute(
        "select table_schema from information_schema.tables where table_name = ? order by table_schema", [table]
    ).fetchall()
    if not rows:
        raise MissingReferenceError(f"{table} is not in the warehouse; rebuild it with `yyx build`")
    return f'"{rows[0][0]}"."{table}"'


def read_reference(database: Path) -> Reference:
    with duckdb.connect(str(database), read_only=True) as con:
        codes = {
            vocabulary: [
                code
                for (code,) in con.execute(
                    f"select {vocabulary}_code from {_qualified(con, table)} order by 1"
                ).fetchall()
            ]
            for vocabulary, table in VOCABULARIES.items()
        }
        count_units = [
            code
            for (code,) in con.execute(
                f"select unit_code from {_qualified(con, UNITS)}"
                " where must_be_whole and not is_calendar_year order by 1"
            ).fetchall()
        ]
        (n_jurisdictions,) = con.execute(f"select count(*) from {_qualified(con, JURISDICTIONS)}").fetchone()
        (n_documents,) = con.execute(f"select count(*) from {_qualified(con, DOCUMENTS)}").fetchone()
    return Reference(codes=codes, count_units=count_units, n_jurisdictions=n_jurisdictions, n_documents=n_documents)
