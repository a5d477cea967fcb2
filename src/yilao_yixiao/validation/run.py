"""Run every mart's suite as one GX Checkpoint against a built warehouse and build offline Data Docs.

GX 1.x has no DuckDB dialect, so each mart is read read-only into a pandas dataframe and validated by GX's
pandas engine, through an ephemeral context whose stores live in memory. The frames reach GX as parquet
files in a temporary folder (see `_export_mart`); the only lasting files are the Data Docs in `out_dir`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import great_expectations as gx
from great_expectations.checkpoint import UpdateDataDocsAction
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import DataContextConfig, InMemoryStoreBackendDefaults
from great_expectations.expectations.row_conditions import deserialize_row_condition

from yilao_yixiao.validation import DEFAULT_DATA_DOCS
from yilao_yixiao.validation.offline_docs import make_offline
from yilao_yixiao.validation.reference import read_reference
from yilao_yixiao.validation.suites import MART_SUITES, MartSuite
from yilao_yixiao.validation.summary import FailedExpectation, SuiteResult, ValidationSummary

MARTS_SCHEMA = "marts"
SITE_NAME = "warehouse_data_docs"
# Written into the Data Docs folder so a later run knows it may clear the folder's old pages.
SITE_MARKER = ".yyx-data-docs"
GX_SITE_ENTRIES = ("index.html", "expectations", "validations", "static")
# Enough rows to show an auditor which figures broke a rule, without flooding the page.
RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 20}


class DataDocsFolderError(RuntimeError):
    """The output folder holds files that are not an earlier Data Docs site; we will not delete them."""


def _prepare_site_folder(out_dir: Path) -> None:
    """Clear the pages of an earlier run so no stale validation page survives; touch nothing else."""
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / SITE_MARKER).exists():
        raise DataDocsFolderError(
            f"{out_dir} is not empty and was not written by `yyx validate`; choose an empty or new folder"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in GX_SITE_ENTRIES:
        entry = out_dir / name
        if entry.is_dir():
            shutil.rmtree(entry)
        elif entry.exists():
            entry.unlink()
    (out_dir / SITE_MARKER).write_text("Data Docs built by `yyx validate`; rebuilt in full on each run.\n")


def _context(out_dir: Path) -> Any:
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites={
            SITE_NAME: {
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(out_dir)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "show_how_to_buttons": False},
            }
        },
        analytics_enabled=False,
        # Progress bars only clutter `make build`'s log.
        progress_bars={"globally": False, "metric_calculations": False},
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _existing_marts(database: Path) -> set[str]:
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "select table_name from information_schema.tables where table_schema = ?", [MARTS_SCHEMA]
        ).fetchall()
    return {name for (name,) in rows}


def _export_mart(database: Path, table: str, folder: Path) -> Path:
    """Read one mart read-only into pandas and hand it to GX as a parquet file.

    A GX Checkpoint passes the same batch parameters to every validation definition, so in-memory
    dataframe assets would all receive the same frame; a file per mart lets one Checkpoint run every suite.
    """
    with duckdb.connect(str(database), read_only=True) as con:
        frame = con.sql(f'select * from {MARTS_SCHEMA}."{table}"').df()
    path = folder / f"{table}.parquet"
    frame.to_parquet(path, index=False)
    return path


def _failure(result: Any) -> FailedExpectation:
    config = result.expectation_config
    kwargs = {
        # Shown as "unit == percent" rather than GX's serialised dict.
        name: (repr(deserialize_row_condition(value)) if name == "row_condition" and value else value)
        for name, value in config.kwargs.items()
        if name not in {"batch_id", "result_format"}
    }
    details = result.result or {}
    return FailedExpectation(
        expectation_type=config.type,
        column=config.kwargs.get("column") or config.kwargs.get("column_A"),
        kwargs=kwargs,
        unexpected_count=details.get("unexpected_count"),
        unexpected_sample=list(details.get("partial_unexpected_list") or []),
        observed_value=details.get("observed_value"),
        exception=_exception_message(result.exception_info),
    )


def _exception_message(exception_info: Any) -> str | None:
    """GX reports an expectation that could not run (e.g. a missing column) as failed with exception info:
    either one dict, or one dict per metric that raised."""
    if not exception_info:
        return None
    infos = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    messages = [info.get("exception_message") for info in infos if info.get("raised_exception")]
    return "; ".join(dict.fromkeys(message for message in messages if message)) or None


def validate(
    database: Path,
    out_dir: Path = DEFAULT_DATA_DOCS,
    suites: tuple[MartSuite, ...] = MART_SUITES,
) -> ValidationSummary:
    """Validate every mart of `database` with its suite, build offline Data Docs into `out_dir`.

    A mart that is missing from the warehouse counts as a failed suite (it is reported, not validated).
    """
    database = Path(database)
    if not database.is_file():
        raise FileNotFoundError(f"warehouse not found: {database} (run `yyx build` first)")
    out_dir = Path(out_dir).resolve()
    # Read before the folder is cleared: a warehouse without its vocabularies leaves the old Data Docs in place.
    reference = read_reference(database)
    _prepare_site_folder(out_dir)

    context = _context(out_dir)
    datasource = context.data_sources.add_pandas(name="warehouse")
    present = _existing_marts(database)
    runnable = [suite for suite in suites if suite.table in present]

    results: dict[str, SuiteResult] = {}
    with tempfile.TemporaryDirectory(prefix="yyx-validate-") as scratch:
        definitions = []
        # Every suite goes into the context, so Data Docs lists the rules even of a mart that is missing.
        expectation_suites = {suite.name: context.suites.add(suite.expectation_suite(reference)) for suite in suites}
        expectation_tables = {suite.name: suite.table for suite in suites}
        for mart_suite in runnable:
            asset = datasource.add_parquet_asset(
                name=mart_suite.table, path=_export_mart(database, mart_suite.table, Path(scratch))
            )
            batch = asset.add_batch_definition_whole_dataframe(name=f"{mart_suite.table} (whole table)")
            definitions.append(
                context.validation_definitions.add(
                    gx.ValidationDefinition(name=mart_suite.name, data=batch, suite=expectation_suites[mart_suite.name])
                )
            )
        if definitions:
            checkpoint = context.checkpoints.add(
                gx.Checkpoint(
                    name="warehouse_marts",
                    validation_definitions=definitions,
                    actions=[UpdateDataDocsAction(name="update_data_docs", site_names=[SITE_NAME])],
                    result_format=RESULT_FORMAT,
                )
            )
            # The run is named after the warehouse file so the index says which database was checked.
            run_id = RunIdentifier(run_name=database.name)
            for validation in checkpoint.run(run_id=run_id).run_results.values():
                name = validation.suite_name
                results[name] = SuiteResult(
                    suite_name=name,
                    table=f"{MARTS_SCHEMA}.{expectation_tables[name]}",
                    success=bool(validation.success),
                    evaluated=len(validation.results),
                    failed=[_failure(result) for result in validation.results if not result.success],
                )
    missing = [suite for suite in suites if suite.table not in present]
    for mart_suite in missing:
        results[mart_suite.name] = SuiteResult(
            suite_name=mart_suite.name,
            table=f"{MARTS_SCHEMA}.{mart_suite.table}",
            success=False,
            evaluated=0,
            error=f"table {MARTS_SCHEMA}.{mart_suite.table} is not in {database}",
        )

    context.build_data_docs(site_names=[SITE_NAME])
    make_offline(out_dir)
    index = out_dir / "index.html"
    return ValidationSummary(
        suites=[results[suite.name] for suite in suites],
        data_docs_index=index if index.is_file() else None,
    )
