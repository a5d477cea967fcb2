"""The seeds as plain rows, for tests that hold every row to a coding rule of CODEBOOK.md."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR

SEEDS_DIR = PROJECT_DIR / "seeds"


def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> list[dict[str, str]]:
    with (seeds_dir / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def values() -> list[dict[str, str]]:
    return read_seed("indicator_values")


@pytest.fixture(scope="session")
def indicators() -> dict[str, dict[str, str]]:
    return {row["indicator_code"]: row for row in read_seed("indicators")}


@pytest.fixture(scope="session")
def documents() -> dict[str, dict[str, str]]:
    return {row["document_id"]: row for row in read_seed("documents")}


@pytest.fixture(scope="session")
def codebook_text() -> str:
    return (PROJECT_DIR / "CODEBOOK.md").read_text(encoding="utf-8")
