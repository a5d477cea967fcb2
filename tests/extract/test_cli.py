"""`yyx extract` on a plan written for the test, with the project's own codebook and aliases."""

import csv
from pathlib import Path

from typer.testing import CliRunner

from yilao_yixiao.cli import app
from yilao_yixiao.extract import columns_for, write_csv

PROJECT_DIR = Path(__file__).resolve().parents[2]
PLAN = """青川市养老托育服务实施方案

二、主要目标
到2025年，全市养老机构护理型床位占比达到60%，每千人口拥有3岁以下婴幼儿托位数达到4个。
"""


def test_extract_writes_the_seed_columns_plus_offsets_and_scores(tmp_path):
    source = tmp_path / "qingchuan.txt"
    source.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "proposed.csv"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(source),
            "--out",
            str(out),
            "--document-id",
            "qingchuan_2023",
            "--project-dir",
            str(PROJECT_DIR),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 proposed rows written" in result.output
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames) == columns_for(PROJECT_DIR / "seeds")
    assert [(r["indicator_code"], r["value"], r["period_year"], r["value_kind"]) for r in rows] == [
        ("nursing_bed_share_elderly_institutions", "60", "2025", "target"),
        ("childcare_slots_per_1000_population", "4", "2025", "target"),
    ]
    assert rows[0]["value_id"] == "qingchuan_2023_001"
    assert rows[0]["labeller"] == "prose.figure"
    assert rows[0]["match_score"] == "100"
    for row in rows:
        assert PLAN[int(row["char_start"]) : int(row["char_end"])] == row["source_quote"]
        assert 0 <= float(row["confidence"]) <= 1


def test_a_file_that_is_not_utf8_is_refused_and_nothing_written(tmp_path):
    source = tmp_path / "gbk.txt"
    source.write_bytes("养老床位100张".encode("gbk"))
    out = tmp_path / "proposed.csv"
    result = CliRunner().invoke(app, ["extract", str(source), "--out", str(out), "--project-dir", str(PROJECT_DIR)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output
    assert not out.exists()


def test_the_csv_follows_the_projects_seed_columns_and_proposes_a_period_basis(tmp_path, extractor):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    header = "value_id,document_id,indicator_code,value_kind,period_year,period_basis,value,comparator,raw_text,note_x"
    (seeds / "indicator_values.csv").write_text(header + "\n", encoding="utf-8")
    text = "到2025年，养老床位达到3000张，每年新增老年助餐服务场所10个。\n每个托位建筑面积不少于8平方米。"
    rows = extractor.extract(text, "d")
    out = tmp_path / "proposed.csv"
    write_csv(rows, out, columns_for(seeds))
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        written = list(reader)
    assert tuple(reader.fieldnames) == (
        *header.split(","),
        "char_start",
        "char_end",
        "confidence",
        "match_score",
        "labeller",
    )
    assert [(r["value"], r["period_basis"], r["note_x"]) for r in written] == [
        ("3000", "point_in_time", ""),
        ("10", "one_year", ""),
        ("8", "standing", ""),
    ]


def test_without_a_project_the_columns_are_the_issues(tmp_path):
    assert columns_for(tmp_path / "no_seeds")[:3] == ("value_id", "document_id", "indicator_code")
    assert columns_for(tmp_path / "no_seeds")[-5:] == (
        "char_start",
        "char_end",
        "confidence",
        "match_score",
        "labeller",
    )
