"""A small dbt project on DuckDB that a macro's test writes around the macro it tests, and dbt run on it in a
child process (a fresh dbt, as a user's command line runs it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROFILES = """
{name}:
  target: duckdb
  outputs:
    duckdb:
      type: duckdb
      path: "{path}"
      threads: 1
"""


def write_probe_project(root: Path, name: str, project_config: str = "") -> Path:
    """dbt_project.yml (with `project_config` appended) and profiles.yml in root; the path of its database."""
    database = root / "probe.duckdb"
    project = f'name: {name}\nversion: "1.0.0"\nconfig-version: 2\nprofile: {name}\n{project_config}'
    (root / "dbt_project.yml").write_text(project, encoding="utf-8")
    (root / "profiles.yml").write_text(PROFILES.format(name=name, path=database), encoding="utf-8")
    return database


def run_dbt(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "dbt.cli.main", *args, "--project-dir", str(root), "--profiles-dir", str(root)]
    return subprocess.run(command, capture_output=True, text=True, check=False)
