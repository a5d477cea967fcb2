"""dbt's unit tests run in the test suite (`make test`, CI) and not in an analyst's plain `dbt build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import PROJECT_DIR, UNIT_TESTS_ENV
from yilao_yixiao import warehouse


def declared_unit_tests() -> set[str]:
    """The unit tests the models' yml files declare, by name."""
    names = set()
    for path in sorted((PROJECT_DIR / "models").rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names |= {unit_test["name"] for unit_test in document.get("unit_tests", [])}
    return names


def test_the_suites_build_ran_every_declared_unit_test(warehouse_path: Path):
    results = json.loads((warehouse_path.parent / warehouse.ARTIFACTS / "run_results.json").read_text())
    passed = {
        result["unique_id"].rsplit(".", 1)[1]
        for result in results["results"]
        if result["unique_id"].startswith("unit_test.") and result["status"] == "pass"
    }
    assert declared_unit_tests()
    assert passed == declared_unit_tests()


def test_a_plain_dbt_build_leaves_the_unit_tests_out(tmp_path: Path):
    dbt = Path(sys.executable).with_name("dbt")
    environment = {name: value for name, value in os.environ.items() if name != UNIT_TESTS_ENV}
    listed = subprocess.run(
        [
            str(dbt),
            "ls",
            "--resource-type",
            "unit_test",
            "--output",
            "name",
            "--quiet",
            "--project-dir",
            str(PROJECT_DIR),
            "--profiles-dir",
            str(PROJECT_DIR),
            "--target-path",
            str(tmp_path / "dbt_target"),
            "--log-path",
            str(tmp_path / "dbt_logs"),
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert not set(listed.stdout.split()) & declared_unit_tests()
