"""Every CLI option that takes the folder of source documents reads --sources, else $YYX_SOURCES, else
../shared/sources (as the README promises). Tested on a plan text and seeds this test writes itself."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from yilao_yixiao.cli import SOURCES_ENV, app

PLAN = "青川市养老服务发展规划\n到2027年，全市养老机构护理型床位占比达到62%以上。\n"
QUOTE = "全市养老机构护理型床位占比达到62%以上"


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in rows if any(row.values()))


def plan_project(root: Path) -> Path:
    """A project whose seeds cite one figure of a plan that lives in root/plans, not in the checkout."""
    plans = root / "plans"
    plans.mkdir(parents=True)
    (plans / "qingchuan_plan.txt").write_text(PLAN, encoding="utf-8")
    seeds = root / "project" / "seeds"
    seeds.mkdir(parents=True)
    digest = hashlib.sha256(PLAN.encode("utf-8")).hexdigest()
    write_csv(
        seeds / "documents.csv",
        [{"document_id": "qingchuan_plan", "source_file": "qingchuan_plan.txt", "source_sha256": digest}],
    )
    figure = {"document_id": "qingchuan_plan", "raw_text": "62%以上", "source_quote": QUOTE, "value": "62"}
    write_csv(seeds / "indicator_values.csv", [{"value_id": "qingchuan_001", **figure, "cleaning_note": ""}])
    empty_allocation = dict.fromkeys(("allocation_id", "document_id", "raw_text", "source_quote", "value"), "")
    write_csv(seeds / "county_allocations.csv", [empty_allocation])
    write_csv(seeds / "audit_findings.csv", [dict.fromkeys(("check_id", "value_ids", "source_quotes"), "")])
    return root / "project"


def verify(project: Path, *options: str, env: dict[str, str | None]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["verify-provenance", "--project-dir", str(project), *options], env=env)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


VERIFIED = "1 rows checked: 1 verified"


def test_the_environment_variable_names_the_folder(tmp_path):
    project = plan_project(tmp_path)
    exit_code, output = verify(project, env={SOURCES_ENV: str(tmp_path / "plans")})
    assert exit_code == 0, output
    assert VERIFIED in output


def test_the_option_wins_over_the_environment_variable(tmp_path):
    project = plan_project(tmp_path)
    exit_code, output = verify(
        project, "--sources", str(tmp_path / "plans"), env={SOURCES_ENV: str(tmp_path / "no_such_folder")}
    )
    assert exit_code == 0, output
    assert VERIFIED in output


def test_a_wrong_environment_variable_is_not_silently_ignored(tmp_path):
    project = plan_project(tmp_path)
    exit_code, output = verify(project, env={SOURCES_ENV: str(tmp_path / "no_such_folder")})
    assert exit_code == 1
    assert f"{tmp_path / 'no_such_folder' / 'qingchuan_plan.txt'} does not exist" in output


def test_without_either_the_folder_beside_the_checkout_is_read(tmp_path, monkeypatch):
    project = plan_project(tmp_path / "work")
    (tmp_path / "work" / "shared").mkdir()
    (tmp_path / "work" / "plans").rename(tmp_path / "work" / "shared" / "sources")
    monkeypatch.chdir(project)
    exit_code, output = verify(Path("."), env={SOURCES_ENV: None})
    assert exit_code == 0, output
    assert VERIFIED in output


def sources_options() -> list[tuple[str, object]]:
    command = typer.main.get_command(app)
    return [(name, param) for name, sub in command.commands.items() for param in sub.params if "sources" in param.name]


def test_every_sources_option_reads_the_environment_variable():
    options = sources_options()
    assert options, "no command takes a sources folder"
    assert {name: param.envvar for name, param in options} == {name: SOURCES_ENV for name, _ in options}


@pytest.mark.parametrize(("name", "param"), sources_options())
def test_every_sources_option_defaults_to_the_folder_beside_the_checkout(name, param):
    assert Path(param.default) == Path("../shared/sources"), name
