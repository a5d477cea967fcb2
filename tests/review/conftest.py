"""An invented city and its plan, written here, registered in a copy of the project for each test that needs it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import copy_project
from yilao_yixiao.review import tables

CITY_CODE = "990100"
CITY_SLUG = "qingchuan"
DOCUMENT_ID = "qingchuan_2025_care_plan"
PLAN_FILE = "qingchuan_plan.txt"
PLAN = """青川市人民政府办公室
关于印发青川市养老托育服务高质量发展行动方案的通知
青政办〔2025〕7号
各县（区）人民政府，市直各有关单位：
现将《青川市养老托育服务高质量发展行动方案》印发给你们，请认真贯彻落实。
青川市人民政府办公室
2025年3月18日
一、发展目标
到2027年，全市养老床位达到6200张，护理型床位占比不低于60%。
截至2024年底，全市共有养老机构58所。
主要指标
指标
2024年
2027年
指标属性
每千人口托位数（个）
2.1
4.5
预期性
普惠托位占比
48%
70%
约束性
二、重点任务
（一）完善居家服务。每个街道至少建成1个综合养老服务中心。
"""
JURISDICTION = {
    "jurisdiction_code": CITY_CODE,
    "jurisdiction_slug": CITY_SLUG,
    "name_zh": "青川市",
    "name_en": "Qingchuan",
    "province_zh": "东海省",
    "province_en": "Donghai",
    "admin_level": "prefecture_level_city",
    "admin_level_zh": "地级市",
}


def proposal(**values: str) -> dict[str, str]:
    """A proposed row of the invented plan, as `yyx extract` writes them (seed columns + its own)."""
    row = {
        "value_id": "",
        "document_id": DOCUMENT_ID,
        "indicator_code": "",
        "value_kind": "target",
        "period_year": "",
        "period_basis": "point_in_time",
        "value": "",
        "comparator": "eq",
        "is_aspirational": "false",
        "obligation": "",
        "raw_text": "",
        "source_section": "一、发展目标",
        "source_quote": "",
        "cleaning_note": "",
        "parent_value_id": "",
        "breakdown_dimension": "",
        "breakdown_member": "",
        "char_start": "",
        "char_end": "",
        "confidence": "0.9",
        "match_score": "0.8",
        "labeller": "test",
    }
    row.update(values)
    return row


def indicator_codes(seeds: Path) -> list[str]:
    return [row["indicator_code"] for row in tables.read_table(seeds / "indicators.csv").records]


def proposals(seeds: Path) -> list[dict[str, str]]:
    """Four proposals of the plan, with real codes of the codebook (any will do: the tests check plumbing)."""
    codes = indicator_codes(seeds)
    return [
        proposal(
            value_id="p1",
            indicator_code=codes[0],
            period_year="2027",
            value="6200",
            raw_text="6200张",
            source_quote="全市养老床位达到6200张",
            comparator="ge",
        ),
        proposal(
            value_id="p2",
            indicator_code=codes[1],
            period_year="2027",
            value="60",
            raw_text="60%",
            source_quote="护理型床位占比不低于60%",
            comparator="ge",
        ),
        proposal(
            value_id="p3",
            indicator_code=codes[2],
            value_kind="baseline",
            period_year="2024",
            value="58",
            raw_text="58所",
            source_quote="截至2024年底，全市共有养老机构58所",
        ),
        proposal(
            value_id="p4",
            indicator_code=codes[3],
            period_year="2027",
            value="4.5",
            raw_text="4.5",
            source_quote="4.5",
            obligation="expected",
            source_section="主要指标",
        ),
    ]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def append_csv_row(path: Path, row: dict[str, str]) -> None:
    table = tables.read_table(path)
    path.write_text(tables.append_rows(path, table.columns, [row]), encoding="utf-8")


@dataclass(frozen=True)
class Onboarding:
    project: Path
    seeds: Path
    sources: Path
    plan: Path


@pytest.fixture
def onboarding(tmp_path: Path, sources: Path) -> Onboarding:
    """A project copy whose jurisdictions include the invented city, and a sources folder with its plan beside
    the real documents (linked, so the provenance check of the whole seed still passes)."""
    project = copy_project(tmp_path / "project")
    append_csv_row(project / "seeds" / "jurisdictions.csv", JURISDICTION)
    sources_copy = tmp_path / "sources"
    sources_copy.mkdir()
    for document in sources.glob("*.txt"):
        (sources_copy / document.name).symlink_to(document)
    plan = sources_copy / PLAN_FILE
    plan.write_text(PLAN, encoding="utf-8")
    return Onboarding(project, project / "seeds", sources_copy, plan)
