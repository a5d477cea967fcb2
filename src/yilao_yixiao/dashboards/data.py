"""The rows each dashboard shows, read from the marts (DuckDB opened read-only) into polars frames.

Each function takes the warehouse path and returns exactly what one chart or table receives, so tests can
hold the charts to the marts: a chart never computes a figure of its own beyond formatting it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

MARTS_SCHEMA = "marts"
AUDIT_MART = "fct_consistency_checks"
# Every mart offered for download, in the order a reader meets them: dimensions, then facts.
MARTS = (
    "dim_jurisdictions",
    "dim_documents",
    "dim_indicators",
    "fct_indicator_values",
    "fct_indicator_gaps",
    "fct_county_allocations",
    "fct_jurisdiction_current_targets",
    "fct_target_revisions",
    AUDIT_MART,
    "fct_consistency_check_values",
)
CURRENT_TARGETS_MART = "fct_jurisdiction_current_targets"
REVISIONS_MART = "fct_target_revisions"
# An indicator is comparable across cities when two or more jurisdictions state it (dim_indicators).
MIN_JURISDICTIONS_TO_COMPARE = 2


@contextmanager
def connect(database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    if not Path(database).is_file():
        raise FileNotFoundError(f"warehouse not found at {database}; run `yyx build` first")
    connection = duckdb.connect(str(database), read_only=True)
    try:
        yield connection
    finally:
        connection.close()


def _whole_decimals_as_integers(frame: pl.DataFrame) -> pl.DataFrame:
    """DuckDB's sum() of integers arrives as decimal(38,0); counts are read as plain integers."""
    casts = [
        pl.col(name).cast(pl.Int64)
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.Decimal) and dtype.scale == 0
    ]
    return frame.with_columns(casts) if casts else frame


def query(database: Path, sql: str, params: list | None = None) -> pl.DataFrame:
    with connect(database) as connection:
        frame = connection.sql(sql, params=params).pl()
    return _whole_decimals_as_integers(frame)


def mart_exists(database: Path, mart: str) -> bool:
    found = query(
        database,
        "select count(*) as n from information_schema.tables where table_schema = ? and table_name = ?",
        [MARTS_SCHEMA, mart],
    )
    return found["n"][0] > 0


def mart(database: Path, name: str) -> pl.DataFrame:
    """A whole mart, as offered for download."""
    if name not in MARTS:
        raise ValueError(f"{name} is not a mart of the warehouse")
    return query(database, f"select * from {MARTS_SCHEMA}.{name}")


def available_marts(database: Path) -> list[str]:
    """The marts the warehouse holds (the audit mart is absent from a warehouse built before it existed)."""
    return [name for name in MARTS if mart_exists(database, name)]


def jurisdictions(database: Path) -> pl.DataFrame:
    return query(database, "select * from marts.dim_jurisdictions order by jurisdiction_code")


def audit_summary(database: Path) -> pl.DataFrame | None:
    """Per jurisdiction: checks run, passed, failed and failures declared as findings; None before the audit."""
    if not mart_exists(database, AUDIT_MART):
        return None
    return query(
        database,
        """
        select
            jurisdiction_slug,
            count(*) as n_checks,
            count(*) filter (where status = 'pass') as n_checks_passed,
            count(*) filter (where status = 'fail') as n_checks_failed,
            count(*) filter (where status = 'fail' and is_known_finding) as n_known_findings
        from marts.fct_consistency_checks
        group by jurisdiction_slug
        """,
    )


def overview_cards(database: Path) -> pl.DataFrame:
    """One row per source document (one per jurisdiction) with the counts of its figures and its audit."""
    documents = query(
        database,
        """
        select
            documents.*,
            jurisdictions.province_name_zh,
            jurisdictions.province_name_en,
            jurisdictions.admin_level_zh,
            jurisdictions.admin_level,
            documents.n_values - documents.n_binding - documents.n_expected as n_unclassified,
            documents.n_binding / nullif(documents.n_binding + documents.n_expected, 0)
                as binding_share_of_classified
        from marts.dim_documents as documents
        inner join marts.dim_jurisdictions as jurisdictions
            on documents.jurisdiction_code = jurisdictions.jurisdiction_code
        order by documents.jurisdiction_code, documents.document_id
        """,
    )
    audit = audit_summary(database)
    if audit is None:
        return documents.with_columns(
            pl.lit(None, dtype=pl.Int64).alias(column)
            for column in ("n_checks", "n_checks_passed", "n_checks_failed", "n_known_findings")
        )
    # A jurisdiction the audit has no check for shows 0 checks, not "audit not built".
    return documents.join(audit, on="jurisdiction_slug", how="left").with_columns(
        pl.col("n_checks", "n_checks_passed", "n_checks_failed", "n_known_findings").fill_null(0)
    )


_SHARED_INDICATOR_VALUES = """
    select
        indicator_values.*,
        indicators.n_jurisdictions
    from marts.fct_indicator_values as indicator_values
    inner join marts.dim_indicators as indicators
        on indicator_values.indicator_code = indicators.indicator_code
    where indicators.n_jurisdictions >= ?
"""


def comparison_values(database: Path) -> pl.DataFrame:
    """Every plotted figure of an indicator two or more jurisdictions state, with comparator and year.

    Parts of a breakdown (one institution type out of a total) and qualitative targets without a number
    are not plotted beside whole-jurisdiction figures; `comparison_not_plotted` lists them.
    """
    return query(
        database,
        _SHARED_INDICATOR_VALUES
        + """
        and indicator_values.value is not null
        and not coalesce(indicator_values.is_breakdown_part, false)
        order by indicators.n_jurisdictions desc, indicator_values.indicator_code, indicator_values.period_basis,
            indicator_values.jurisdiction_code, indicator_values.period_year nulls last, indicator_values.value_id
        """,
        [MIN_JURISDICTIONS_TO_COMPARE],
    )


def comparison_not_plotted(database: Path) -> pl.DataFrame:
    """Figures of the compared indicators left off the charts, with the reason (breakdown part, no number)."""
    return query(
        database,
        "select *, case when indicator_values.value is null then 'no_number' else 'breakdown_part' end"
        " as reason_not_plotted from ("
        + _SHARED_INDICATOR_VALUES
        + """
        ) as indicator_values
        where indicator_values.value is null or coalesce(indicator_values.is_breakdown_part, false)
        order by indicator_values.indicator_code, indicator_values.jurisdiction_code,
            indicator_values.value_id
        """,
        [MIN_JURISDICTIONS_TO_COMPARE],
    )


def indicator_gaps(database: Path) -> pl.DataFrame:
    """Every baseline → target pair of fct_indicator_gaps with the document title for the hover."""
    return query(
        database,
        """
        select
            gaps.*,
            documents.title_zh as document_title_zh,
            documents.title_en as document_title_en
        from marts.fct_indicator_gaps as gaps
        inner join marts.dim_documents as documents
            on gaps.document_id = documents.document_id
        order by gaps.unit, gaps.jurisdiction_code, gaps.indicator_code, gaps.gap_id
        """,
    )


def county_allocations(database: Path) -> pl.DataFrame:
    """Every annex allocation table, one row per document × county × measure; "/" cells keep a null value."""
    return query(
        database,
        """
        select
            allocations.*,
            documents.title_zh as document_title_zh,
            documents.title_en as document_title_en
        from marts.fct_county_allocations as allocations
        inner join marts.dim_documents as documents
            on allocations.document_id = documents.document_id
        order by allocations.document_id, allocations.indicator_code, allocations.county_code nulls last,
            allocations.county_slug
        """,
    )


def consistency_checks(database: Path) -> pl.DataFrame | None:
    """Every consistency check of the audit mart, or None while the warehouse has no audit."""
    if not mart_exists(database, AUDIT_MART):
        return None
    return query(
        database,
        """
        select
            checks.*,
            jurisdictions.jurisdiction_name_zh,
            jurisdictions.jurisdiction_name_en,
            documents.title_zh as document_title_zh,
            documents.title_en as document_title_en
        from marts.fct_consistency_checks as checks
        left join marts.dim_jurisdictions as jurisdictions
            on checks.jurisdiction_slug = jurisdictions.jurisdiction_slug
        left join marts.dim_documents as documents
            on checks.document_id = documents.document_id
        order by checks.status, checks.jurisdiction_slug, checks.check_id
        """,
    )


def documents(database: Path) -> pl.DataFrame:
    """Every source document with its jurisdiction, in the order of the jurisdictions."""
    return query(database, "select * from marts.dim_documents order by jurisdiction_code, issued_date, document_id")


def indicators(database: Path) -> pl.DataFrame:
    return query(database, "select * from marts.dim_indicators order by domain, indicator_code")


def all_figures(database: Path) -> pl.DataFrame:
    """Every stated figure of fct_indicator_values with the facts of its document a citation needs."""
    return query(
        database,
        """
        select
            indicator_values.*,
            documents.issuing_body_zh,
            documents.issuing_body_en,
            documents.document_number,
            documents.issued_date
        from marts.fct_indicator_values as indicator_values
        inner join marts.dim_documents as documents
            on indicator_values.document_id = documents.document_id
        order by indicator_values.jurisdiction_code, indicator_values.document_id, indicator_values.value_id
        """,
    )


def vocabulary_labels(database: Path, vocabulary: str, table: str) -> list[tuple[str, str, str]] | None:
    """(code, name_zh, name_en) of a vocabulary seed as the build staged it, or None in an older warehouse."""
    found = query(
        database,
        "select table_schema from information_schema.tables where table_name = ? order by table_schema",
        [table],
    )
    if found.height == 0:
        return None
    schema = found["table_schema"][0]
    frame = query(
        database,
        f'select {vocabulary}_code, {vocabulary}_name_zh, {vocabulary}_name_en from "{schema}"."{table}"'
        f" order by {vocabulary}_code",
    )
    return [tuple(row) for row in frame.iter_rows()]


def current_targets(database: Path) -> pl.DataFrame | None:
    """Each jurisdiction's current target per indicator (its latest plan stating one), None in older builds."""
    if not mart_exists(database, CURRENT_TARGETS_MART):
        return None
    return query(
        database,
        "select * from marts.fct_jurisdiction_current_targets order by jurisdiction_code, domain, indicator_code",
    )


def target_revisions(database: Path) -> pl.DataFrame | None:
    """Targets a later plan of the same jurisdiction changed, None in older builds."""
    if not mart_exists(database, REVISIONS_MART):
        return None
    return query(
        database, "select * from marts.fct_target_revisions order by jurisdiction_code, indicator_code, revision_id"
    )
