"""The project builds unchanged on PostgreSQL and its marts are the DuckDB marts, row for row."""

from __future__ import annotations

from tools import engines


def test_build_passes_on_postgres(postgres_build):
    assert postgres_build == [], "\n".join(str(failure) for failure in postgres_build)


def test_every_mart_is_identical_to_duckdb(postgres_build, postgres_cluster, duckdb_marts):
    assert postgres_build == []
    postgres_marts = engines.read_marts_postgres(postgres_cluster)
    assert set(postgres_marts) == set(engines.mart_names())
    # Revisions need two plans of one jurisdiction; every other mart holds rows for any plan.
    assert {name for name, frame in postgres_marts.items() if frame.height == 0} <= {"fct_target_revisions"}
    problems = engines.compare_marts(duckdb_marts, postgres_marts)
    assert problems == [], "\n".join(problems)


def test_registered_findings_fail_on_postgres_too(postgres_cluster):
    with postgres_cluster.connect() as con, con.cursor() as cur:
        cur.execute("select count(*) from marts.fct_consistency_checks where status = 'fail' and is_known_finding")
        failing = cur.fetchone()[0]
        cur.execute("select count(*) from staging.stg_audit_findings")
        assert failing == cur.fetchone()[0] > 0
