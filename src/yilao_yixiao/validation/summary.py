"""What a validation run reports: per suite, whether it passed and which expectations failed, and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class FailedExpectation:
    expectation_type: str
    column: str | None
    kwargs: dict[str, Any]
    unexpected_count: int | None = None
    unexpected_sample: list[Any] = field(default_factory=list)
    observed_value: Any = None
    exception: str | None = None

    def __str__(self) -> str:
        target = f"{self.column}: " if self.column else ""
        text = f"{target}{self.expectation_type}"
        condition = self.kwargs.get("row_condition")
        if condition:
            text += f" where {condition}"
        if self.exception:
            return f"{text} raised {self.exception}"
        if self.unexpected_count is not None:
            text += f" — {self.unexpected_count} unexpected"
            if self.unexpected_sample:
                text += f", e.g. {self.unexpected_sample[:5]}"
        elif self.observed_value is not None:
            text += f" — observed {self.observed_value!r}"
        return text


@dataclass(frozen=True)
class SuiteResult:
    suite_name: str
    table: str
    success: bool
    evaluated: int
    failed: list[FailedExpectation] = field(default_factory=list)
    # Set when the suite could not run at all (e.g. the mart is missing); the suite then counts as failed.
    error: str | None = None


@dataclass(frozen=True)
class ValidationSummary:
    suites: list[SuiteResult]
    data_docs_index: Path | None

    @property
    def success(self) -> bool:
        return bool(self.suites) and all(suite.success for suite in self.suites)

    def suite(self, name: str) -> SuiteResult:
        for suite in self.suites:
            if suite.suite_name == name:
                return suite
        raise KeyError(name)

    @property
    def failed_expectations(self) -> list[tuple[str, FailedExpectation]]:
        return [(suite.suite_name, failure) for suite in self.suites for failure in suite.failed]
