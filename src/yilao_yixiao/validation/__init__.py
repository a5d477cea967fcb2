"""Great Expectations validation of the marts, with Data Docs that render offline.

`import great_expectations` takes seconds, so this package imports it only when `validate` is called:
the CLI and the dbt build stay fast, and `summary`/`offline_docs` are usable without GX.
"""

from __future__ import annotations

from pathlib import Path

from yilao_yixiao.validation.summary import FailedExpectation, SuiteResult, ValidationSummary

DEFAULT_DATA_DOCS = Path("target/data_docs")

__all__ = ["DEFAULT_DATA_DOCS", "FailedExpectation", "SuiteResult", "ValidationSummary", "validate"]


def validate(database: Path, out_dir: Path = DEFAULT_DATA_DOCS) -> ValidationSummary:
    """Run every mart's suite against `database` as one Checkpoint and build offline Data Docs in `out_dir`."""
    from yilao_yixiao.validation.run import validate as run_validation

    return run_validation(database, out_dir)
